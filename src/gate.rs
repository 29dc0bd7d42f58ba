//! How many meetings a batch typesets at once, bounded by memory as well as by threads: each
//! meeting is admitted with an estimate of the memory it will take (from its file's size), and
//! waits while the meetings under way and it would pass the budget. One meeting always runs,
//! whatever its estimate, so a batch never stalls.

use std::path::Path;
use std::sync::{Condvar, Mutex};

/// Memory every meeting takes whatever its size, in MB: the fonts' and Typst's working set.
const BASE_MB: u64 = 100;
/// Memory per KB of meeting file, in MB: measured peak of the largest meetings the limits
/// allow (a 250 KB file of 100 members with 1,800-character names takes about 540 MB).
const MB_PER_KB: u64 = 2;

/// The estimated peak memory of typesetting the meeting in `file`, in MB.
pub fn estimate_mb(file: &Path) -> u64 {
    let kb = std::fs::metadata(file).map_or(0, |m| m.len() / 1024);
    BASE_MB + kb.min(crate::load::MAX_FILE_BYTES / 1024) * MB_PER_KB
}

/// A memory budget shared by the typesetting threads.
pub struct Gate {
    budget_mb: u64,
    in_use_mb: Mutex<u64>,
    freed: Condvar,
}

impl Gate {
    /// A gate letting meetings in while their estimates add up to at most `budget_mb`.
    pub fn new(budget_mb: u64) -> Gate {
        Gate {
            budget_mb,
            in_use_mb: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until a meeting estimated at `mb` fits (or nothing else runs), then counts it
    /// in; it is counted out when the returned pass is dropped.
    pub fn enter(&self, mb: u64) -> Pass<'_> {
        let mut in_use = self.in_use_mb.lock().unwrap_or_else(|e| e.into_inner());
        while *in_use > 0 && *in_use + mb > self.budget_mb {
            in_use = self.freed.wait(in_use).unwrap_or_else(|e| e.into_inner());
        }
        *in_use += mb;
        Pass { gate: self, mb }
    }
}

/// A meeting let in by a [`Gate`]; its memory is counted until this is dropped.
pub struct Pass<'a> {
    gate: &'a Gate,
    mb: u64,
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        let mut in_use = self
            .gate
            .in_use_mb
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *in_use = in_use.saturating_sub(self.mb);
        self.gate.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// Four threads with meetings of 600 MB under a 1,300 MB budget: never more than two at
    /// once; and a meeting larger than the whole budget still runs, alone.
    #[test]
    fn meetings_wait_for_memory_but_one_always_runs() {
        let gate = Gate::new(1300);
        let (now, most) = (AtomicU64::new(0), AtomicU64::new(0));
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..5 {
                        let _pass = gate.enter(600);
                        let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(running, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(5));
                        now.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        assert_eq!(most.load(Ordering::SeqCst), 2);
        let _alone = gate.enter(5000);
    }
}
