//! One meeting in a child process, watched: the way to run an office's own templates
//! (`--templates`), which are code hoinghi does not control.
//!
//! Memory of an in-process run cannot be bounded (an allocation failure aborts the process)
//! and a Typst evaluation cannot be cancelled, so a meeting typeset with such templates runs
//! in a child process that the parent watches: [`run`] kills it past a wall-clock time or a
//! resident memory size (read from `/proc` every few milliseconds), and the child's address
//! space is capped as a backstop so an absurd allocation fails at once. A child that overruns,
//! aborts, overflows its stack or dies of a signal becomes a [`Stop`], said in words by
//! [`Stop::message`]; the caller removes the child's temporary files ([`crate::write::remove_stale_parts`]).
//!
//! The front end says what to run (the [`Command`]); in a batch, [`Isolation`] turns one
//! input into its outcome through a child that prints a [`ChildReport`] on standard output.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::batch::{BatchOptions, Input, Outcome, Status};
use crate::diag::{Lang, Text};
use crate::kind::DocKind;
use crate::pipeline::MeetingReport;
use crate::write::{ManifestEntry, Written};

/// How long and how much memory one meeting may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time.
    pub time: Duration,
    /// Resident memory, in bytes.
    pub memory: u64,
}

impl Default for Limits {
    /// 60 seconds, 1 GB.
    fn default() -> Limits {
        Limits {
            time: Duration::from_secs(60),
            memory: 1 << 30,
        }
    }
}

impl Limits {
    /// The child's address-space cap: twice the memory limit and 4 GB more (threads' stacks
    /// and allocator arenas reserve much more than they use), so only an absurd allocation
    /// meets it — and fails at once instead of eating the machine.
    pub fn address_space(&self) -> u64 {
        self.memory.saturating_mul(2).saturating_add(4 << 30)
    }
}

/// Why a child did not finish on its own.
#[derive(Debug)]
pub enum Stop {
    /// It ran past the time limit and was killed.
    Time(Duration),
    /// It went past the memory limit (killed), or an allocation failed at the cap.
    Memory(u64),
    /// It overflowed its stack.
    StackOverflow,
    /// A signal ended it (a crash, an abort, someone's `kill`).
    Signal(i32),
    /// It could not be started.
    Spawn(String),
    /// It ended without saying what it made.
    NoReport(String),
}

impl Stop {
    /// What happened to the meeting file `file`, in a clerk's words.
    pub fn message(&self, file: &Path) -> Text {
        let f = file.display();
        match self {
            Stop::Time(limit) => {
                let s = limit.as_secs_f64();
                text!(
                    "{f}: mẫu chạy quá {s} giây nên bị dừng (mẫu có vòng lặp không dừng?); không ghi văn bản nào của tệp này",
                    "{f}: the templates ran longer than {s} s and were stopped (an endless loop?); no document of this file was written"
                )
            }
            Stop::Memory(limit) => {
                let m = size(*limit);
                text!(
                    "{f}: mẫu dùng quá {m} bộ nhớ nên bị dừng (mẫu tạo danh sách hay chuỗi quá lớn?); không ghi văn bản nào của tệp này",
                    "{f}: the templates used more than {m} of memory and were stopped (a list or string too large?); no document of this file was written"
                )
            }
            Stop::StackOverflow => text!(
                "{f}: tiến trình dàn trang bị dừng đột ngột vì tràn ngăn xếp (mẫu lồng nhau quá sâu?); không ghi văn bản nào của tệp này",
                "{f}: the typesetting process stopped abruptly: stack overflow (templates nested too deep?); no document of this file was written"
            ),
            Stop::Signal(n) => text!(
                "{f}: tiến trình dàn trang bị dừng đột ngột (tín hiệu {n}); không ghi văn bản nào của tệp này",
                "{f}: the typesetting process stopped abruptly (signal {n}); no document of this file was written"
            ),
            Stop::Spawn(e) => text!(
                "{f}: không chạy được tiến trình dàn trang: {e}",
                "{f}: cannot start the typesetting process: {e}"
            ),
            Stop::NoReport(e) => text!(
                "{f}: tiến trình dàn trang không báo lại kết quả ({e})",
                "{f}: the typesetting process did not report back ({e})"
            ),
        }
    }
}

/// `bytes` as a person says it: "1 GB", "400 MB".
fn size(bytes: u64) -> String {
    let mb = bytes / (1024 * 1024);
    if mb >= 1024 && mb.is_multiple_of(1024) {
        format!("{} GB", mb / 1024)
    } else {
        format!("{mb} MB")
    }
}

/// A child that ended on its own: its exit code and what it printed on standard output.
#[derive(Debug)]
pub struct Finished {
    /// The exit code.
    pub code: i32,
    /// Standard output (at most 64 MB).
    pub stdout: Vec<u8>,
}

/// What a child's standard error said of how it ended.
#[derive(Debug, Default, Clone, Copy)]
struct LastWords {
    stack_overflow: bool,
    allocation_failed: bool,
}

/// Runs `command` within `limits`, its standard error handed line by line to `on_line`
/// (except the runtime's own last words, which become the [`Stop`]).
pub fn run(
    mut command: Command,
    limits: &Limits,
    on_line: impl FnMut(&str) + Send,
) -> Result<Finished, Stop> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cap_child(&mut command, limits);
    let mut child = command.spawn().map_err(|e| Stop::Spawn(e.to_string()))?;
    let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
    std::thread::scope(|scope| {
        let out = scope.spawn(move || read_capped(stdout));
        let words = scope.spawn(move || forward(stderr, on_line));
        let watched = watch(&mut child, limits);
        let stdout = out.join().unwrap_or_default();
        let words = words.join().unwrap_or_default();
        let status = watched?;
        match (status.code(), signal(&status)) {
            (Some(code), _) => Ok(Finished { code, stdout }),
            _ if words.stack_overflow => Err(Stop::StackOverflow),
            _ if words.allocation_failed => Err(Stop::Memory(limits.memory)),
            (None, n) => Err(Stop::Signal(n.unwrap_or(0))),
        }
    })
}

/// Waits for `child`, killing it past the time or memory limit.
fn watch(child: &mut Child, limits: &Limits) -> Result<ExitStatus, Stop> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) => {}
            Err(e) => return Err(Stop::NoReport(e.to_string())),
        }
        let stop = if started.elapsed() > limits.time {
            Some(Stop::Time(limits.time))
        } else if resident(child.id()).is_some_and(|rss| rss > limits.memory) {
            Some(Stop::Memory(limits.memory))
        } else {
            None
        };
        if let Some(stop) = stop {
            let _ = child.kill();
            let _ = child.wait();
            return Err(stop);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// The resident memory of process `pid`, in bytes (Linux; `None` elsewhere).
fn resident(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * page_size())
}

#[cfg(unix)]
fn page_size() -> u64 {
    // SAFETY: sysconf only reads a configuration value.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    u64::try_from(size).unwrap_or(4096)
}

#[cfg(not(unix))]
fn page_size() -> u64 {
    4096
}

/// Caps the child's address space and turns off its core dumps.
#[cfg(unix)]
fn cap_child(command: &mut Command, limits: &Limits) {
    use std::os::unix::process::CommandExt;
    let bytes = limits.address_space();
    // SAFETY: the closure runs in the child between fork and exec and only calls setrlimit,
    // which is async-signal-safe; it allocates nothing.
    unsafe {
        command.pre_exec(move || {
            let cap = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            let mut old = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            // Never above a cap the parent already has (that would fail).
            if libc::getrlimit(libc::RLIMIT_AS, &mut old) == 0
                && (old.rlim_max == libc::RLIM_INFINITY || old.rlim_max > cap.rlim_max)
            {
                libc::setrlimit(libc::RLIMIT_AS, &cap);
            }
            let no_core = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &no_core);
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn cap_child(_command: &mut Command, _limits: &Limits) {}

#[cfg(unix)]
fn signal(status: &ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(status)
}

#[cfg(not(unix))]
fn signal(_status: &ExitStatus) -> Option<i32> {
    None
}

/// Everything `stdout` says, up to 64 MB.
fn read_capped(stdout: Option<impl Read>) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Some(stdout) = stdout {
        let _ = stdout.take(64 << 20).read_to_end(&mut bytes);
    }
    bytes
}

/// Hands each line of `stderr` to `on_line`, keeping back the runtime's last words.
fn forward(stderr: Option<impl Read>, mut on_line: impl FnMut(&str)) -> LastWords {
    let mut words = LastWords::default();
    let Some(stderr) = stderr else {
        return words;
    };
    let mut reader = BufReader::new(stderr);
    let mut line = Vec::new();
    // Blank lines are held back: the runtime's last words start with one.
    let mut blanks = 0;
    while matches!(reader.read_until(b'\n', &mut line), Ok(n) if n > 0) {
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\n', '\r']);
        if text.contains("has overflowed its stack") || text.contains("fatal runtime error") {
            words.stack_overflow |= text.contains("stack");
            blanks = 0;
        } else if text.starts_with("memory allocation of") {
            words.allocation_failed = true;
        } else if words.allocation_failed {
            // After a failed allocation comes only the backtrace.
        } else if text.is_empty() {
            blanks += 1;
        } else {
            for _ in 0..std::mem::take(&mut blanks) {
                on_line("");
            }
            on_line(text);
        }
        line.clear();
    }
    for _ in 0..blanks {
        on_line("");
    }
    words
}

/// The command that makes one input of a batch in a child process.
pub type ChildCommand = dyn Fn(&Input, &BatchOptions) -> Command + Send + Sync;

/// A batch's way to make each meeting in a child process: the command for an input (a child
/// that writes the meeting's files where the batch would and prints a [`ChildReport`]), and
/// the limits.
#[derive(Clone)]
pub struct Isolation {
    /// The limits of each child.
    pub limits: Limits,
    /// The command that makes `input` (given the batch's options).
    pub command: Arc<ChildCommand>,
}

impl std::fmt::Debug for Isolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Isolation")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Isolation {
    /// Makes `input` in a child process: its outcome, paths relative to the batch's output
    /// folder; a child that was stopped fails the meeting and its temporary files are removed.
    pub fn outcome(&self, input: &Input, options: &BatchOptions) -> Outcome {
        let folder = options.out.join(&input.dir);
        let failed = |error: Text| Outcome {
            input: input.file.to_string_lossy().into_owned(),
            status: Status::Failed,
            outputs: Vec::new(),
            errors: vec![crate::batch::one_line(error.get(options.lang))],
            warnings: 0,
        };
        if !crate::write::inside(&options.out, &folder) {
            let d = folder.display();
            return failed(text!(
                "lỗi: thư mục {d} trỏ ra ngoài thư mục kết quả (liên kết); không ghi",
                "error: the folder {d} leads outside the output folder (a link); nothing written"
            ));
        }
        let finished = run((self.command)(input, options), &self.limits, |_| {});
        let report = finished.and_then(|f| {
            serde_json::from_slice::<ChildReport>(&f.stdout)
                .map_err(|e| Stop::NoReport(format!("exit {}: {e}", f.code)))
        });
        match report {
            Ok(report) => report.outcome(input),
            Err(stop) => {
                crate::write::remove_stale_parts(&folder);
                failed(stop.message(&input.file))
            }
        }
    }
}

/// What a child tells its parent of one meeting: the files written (paths relative to the
/// child's output folder), the errors on one line each, the number of warnings.
#[derive(Debug, Serialize, Deserialize)]
pub struct ChildReport {
    /// The files written.
    pub outputs: Vec<ChildFile>,
    /// Why it failed, one line each.
    pub errors: Vec<String>,
    /// How many warnings.
    pub warnings: usize,
}

/// One file a child wrote.
#[derive(Debug, Serialize, Deserialize)]
pub struct ChildFile {
    /// The document kind's slug.
    pub kind: String,
    /// The path, relative to the child's output folder.
    pub path: String,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Pages.
    pub pages: usize,
}

impl ChildReport {
    /// The report of a meeting rendered and written, messages in `lang`.
    pub fn new(report: &MeetingReport, written: &Written, lang: Lang) -> ChildReport {
        let mut errors: Vec<String> = report
            .errors
            .iter()
            .map(|p| crate::batch::located(p, lang))
            .collect();
        errors.extend(
            written
                .errors()
                .map(|t| crate::batch::one_line(t.get(lang))),
        );
        ChildReport {
            outputs: written
                .entries
                .iter()
                .map(|e| ChildFile {
                    kind: e.kind.to_owned(),
                    path: e.path.clone(),
                    sha256: e.sha256.clone(),
                    pages: e.pages,
                })
                .collect(),
            errors,
            warnings: report.warnings.len(),
        }
    }

    /// The batch's outcome of `input`: the child wrote into the parent of the input's folder.
    fn outcome(self, input: &Input) -> Outcome {
        let base = input.dir.parent().unwrap_or(Path::new(""));
        let outputs = self
            .outputs
            .into_iter()
            .filter_map(|f| {
                let kind = DocKind::ALL.into_iter().find(|k| k.slug() == f.kind)?;
                Some(ManifestEntry {
                    kind: kind.slug(),
                    path: base.join(&f.path).to_string_lossy().into_owned(),
                    sha256: f.sha256,
                    pages: f.pages,
                })
            })
            .collect();
        Outcome {
            input: input.file.to_string_lossy().into_owned(),
            status: if self.errors.is_empty() {
                Status::Ok
            } else {
                Status::Failed
            },
            outputs,
            errors: self.errors,
            warnings: self.warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_in_whole_units() {
        assert_eq!(size(1 << 30), "1 GB");
        assert_eq!(size(400 << 20), "400 MB");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_child_past_its_time_is_killed_and_a_signal_is_named() {
        let limits = Limits {
            time: Duration::from_millis(200),
            memory: 1 << 30,
        };
        let mut sleep = Command::new("sleep");
        sleep.arg("10");
        let started = Instant::now();
        assert!(matches!(run(sleep, &limits, |_| {}), Err(Stop::Time(_))));
        assert!(started.elapsed() < Duration::from_secs(5));
        let mut killed = Command::new("sh");
        killed.args(["-c", "echo said >&2; kill -SEGV $$"]);
        let mut lines = Vec::new();
        let stop = run(killed, &limits, |l| lines.push(l.to_owned()));
        assert!(matches!(stop, Err(Stop::Signal(11))), "{stop:?}");
        assert_eq!(lines, ["said"]);
        let msg = Stop::Signal(11).message(Path::new("a.yaml"));
        assert!(msg.vi.contains("dừng đột ngột (tín hiệu 11)"), "{}", msg.vi);
    }
}
