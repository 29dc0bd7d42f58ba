//! Many meetings at once: the scheduling a batch needs, for any front end.
//!
//! [`find_meetings`] lists the meeting files under the folders given, each with its own
//! output folder (the input tree mirrored, so folders that each hold a `meeting.yaml` never
//! collide). [`run`] typesets them on a pool of threads and writes them on one more: each
//! typesetting thread takes the next meeting from a shared counter, hands its files to the
//! writer thread and lets Typst's caches go, so memory stays flat over thousands of meetings.
//! One bad file never stops the others (unless `fail_fast`). The caller hears of each meeting
//! as it is done (a progress callback) and gets every [`Outcome`] back, in input order, for
//! [`write_manifest`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::diag::{Lang, Problem, Text};
use crate::gate::Gate;
use crate::kind::DocKind;
use crate::pipeline::{Engine, Request};
use crate::text::escape_controls;
use crate::write::{ManifestEntry, Pending, WriteOptions, Writer};

/// One meeting file to render, and where its documents go (relative to the output folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The meeting file.
    pub file: PathBuf,
    /// Its output folder, relative to the output folder of the run.
    pub dir: PathBuf,
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// The output folder.
    pub out: PathBuf,
    /// Typesetting threads.
    pub threads: usize,
    /// The kinds asked for; `None`: every kind each file has the data for.
    pub kinds: Option<Vec<DocKind>>,
    /// What to write of each document (PDF, Word file).
    pub write: WriteOptions,
    /// Stop after the first failed meeting (the rest are skipped).
    pub fail_fast: bool,
    /// Memory for the meetings typeset at once, in MB: a meeting waits while its estimate
    /// (from its file's size) and those under way would pass it; one always runs.
    pub memory_mb: u64,
    /// The language of the messages the outcomes keep.
    pub lang: Lang,
    /// Set from outside (Ctrl+C, a signal, a closed connection) to stop taking meetings: the
    /// meetings under way are finished and written, the rest are skipped.
    pub cancel: Arc<AtomicBool>,
    /// Make each meeting in a watched child process instead of on a thread (for templates
    /// that are not hoinghi's own: `--templates`).
    pub isolation: Option<crate::supervise::Isolation>,
}

/// What became of one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every document written.
    Ok,
    /// The file or a document failed.
    Failed,
    /// Not tried (`fail_fast` after an earlier failure, or the batch was stopped).
    Skipped,
}

/// What became of one meeting file, as the manifest records it.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The meeting file.
    pub input: String,
    /// Done, failed or skipped.
    pub status: Status,
    /// The files written.
    pub outputs: Vec<ManifestEntry>,
    /// Why it failed, one line each (`line:col: [field] message`), control characters made
    /// visible.
    pub errors: Vec<String>,
    /// How many warnings.
    pub warnings: usize,
}

/// The meeting files under each of `paths` (a folder searched for `*.yaml`/`*.yml`, or one
/// file), sorted, each with its output folder; an error naming the first path that does not
/// exist.
pub fn find_meetings(paths: &[PathBuf]) -> Result<Vec<Input>, Text> {
    let mut inputs = Vec::new();
    for root in paths {
        if std::fs::symlink_metadata(root).is_err() {
            let p = root.display();
            return Err(text!(
                "lỗi: không có tệp hay thư mục {p}",
                "error: no such file or folder: {p}"
            ));
        }
        inputs.extend(
            crate::write::meeting_files(root)
                .into_iter()
                .map(|(file, dir)| Input { file, dir }),
        );
    }
    Ok(inputs)
}

/// One meeting typeset, its files not yet written.
struct Typeset {
    outcome: Outcome,
    pending: Pending,
}

/// Renders and writes every meeting of `inputs` with `engine`, calling `on_done` once per
/// meeting as it finishes (from the writer thread); returns every outcome in input order, or
/// why the output folder cannot be made. Never panics on a meeting's account: the engine turns
/// panics into that meeting's error.
pub fn run(
    engine: &Engine,
    inputs: &[Input],
    options: &BatchOptions,
    on_done: impl Fn(&Outcome) + Sync,
) -> Result<Vec<Outcome>, Text> {
    if let Err(e) = std::fs::create_dir_all(&options.out) {
        let d = options.out.display();
        return Err(text!(
            "lỗi: không tạo được thư mục kết quả {d}: {e}",
            "error: cannot create the output folder {d}: {e}"
        ));
    }
    let writer = Writer::new(&options.out, options.write);
    writer.remove_stale_parts();
    let batch = Batch {
        engine,
        writer,
        inputs,
        options,
        collisions: collisions(engine, inputs),
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        gate: Gate::new(options.memory_mb),
    };
    let slots: Vec<Mutex<Option<Outcome>>> = inputs.iter().map(|_| Mutex::new(None)).collect();
    let threads = options.threads.min(inputs.len()).max(1);
    // The typesetting threads hand their files to one writer thread: writing and flushing to
    // disk waits on the disk, not the processor, and overlaps the next meetings' typesetting.
    // The channel holds a few meetings at most, so memory stays flat.
    let (to_writer, from_workers) = std::sync::mpsc::sync_channel::<(usize, Typeset)>(threads * 2);
    std::thread::scope(|scope| {
        scope.spawn(|| batch.write_all(from_workers, &slots, &on_done));
        on_pool(threads, || batch.typeset_all(to_writer.clone()));
        drop(to_writer);
    });
    Ok(slots
        .into_iter()
        .zip(inputs)
        .map(|(slot, input)| {
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| skipped(input, Skip::Stopped))
        })
        .collect())
}

/// A batch under way, shared by its threads: the inputs, the input that claims each one's
/// folder when another shares it, the next input to take and whether to stop.
struct Batch<'a> {
    engine: &'a Engine,
    writer: Writer,
    inputs: &'a [Input],
    options: &'a BatchOptions,
    collisions: Vec<Option<&'a Path>>,
    next: AtomicUsize,
    stop: AtomicBool,
    gate: Gate,
}

impl Batch<'_> {
    /// One typesetting thread: takes the next input until none is left and hands each meeting
    /// to the writer thread.
    fn typeset_all(&self, to_writer: SyncSender<(usize, Typeset)>) {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = self.inputs.get(i) else {
                break;
            };
            // Stopped: the meetings not taken stay without an outcome, and are skipped.
            if self.options.cancel.load(Ordering::Relaxed) {
                break;
            }
            let typeset = self.typeset(i, input);
            self.failed(&typeset.outcome);
            // Typst's caches would otherwise keep every meeting's layouts.
            crate::pipeline::evict_caches();
            if to_writer.send((i, typeset)).is_err() {
                break;
            }
        }
    }

    /// Input `i`: skipped after a failure (`fail_fast`), refused when another input claims
    /// its folder, else rendered.
    fn typeset(&self, i: usize, input: &Input) -> Typeset {
        if self.stop.load(Ordering::Relaxed) {
            nothing_to_write(skipped(input, Skip::FailFast))
        } else if let Some(first) = self.collisions[i] {
            nothing_to_write(collided(input, first, self.options.lang))
        } else {
            let _pass = self.gate.enter(crate::gate::estimate_mb(&input.file));
            // Stopped while this meeting waited for memory.
            if self.options.cancel.load(Ordering::Relaxed) {
                return nothing_to_write(skipped(input, Skip::Stopped));
            }
            match &self.options.isolation {
                Some(isolation) => nothing_to_write(isolation.outcome(input, self.options)),
                None => render_one(self.engine, &self.writer, input, self.options),
            }
        }
    }

    /// The writer thread: writes each meeting's files, tells `on_done` and keeps the outcome
    /// in the meeting's slot.
    fn write_all(
        &self,
        from_workers: Receiver<(usize, Typeset)>,
        slots: &[Mutex<Option<Outcome>>],
        on_done: &(impl Fn(&Outcome) + Sync),
    ) {
        for (i, typeset) in from_workers {
            let outcome = commit(typeset, self.options.lang);
            self.failed(&outcome);
            on_done(&outcome);
            if let Ok(mut slot) = slots[i].lock() {
                *slot = Some(outcome);
            }
        }
    }

    /// With `fail_fast`, a failed meeting stops the batch.
    fn failed(&self, outcome: &Outcome) {
        if outcome.status == Status::Failed && self.options.fail_fast {
            self.stop.store(true, Ordering::Relaxed);
        }
    }
}

/// Runs `work` once on each of `threads` threads of a rayon pool, or once on this thread when
/// no pool can be had.
///
/// One long-lived job per thread of the pool takes the next meeting from a shared counter
/// (`broadcast`). Typst's own parallel work then runs on the same threads instead of a second,
/// global pool. (Not a parallel iterator: a pool thread waiting inside Typst would pick up
/// further meetings on the same stack — a pile-up that overflows the stack and holds many
/// meetings in memory at once.)
fn on_pool(threads: usize, work: impl Fn() + Sync) {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("hoinghi-{i}"))
        .stack_size(8 << 20)
        .build()
    {
        Ok(pool) => {
            pool.broadcast(|_| work());
        }
        // No threads to be had: the meetings one after another on this thread.
        Err(_) => work(),
    }
}

/// For each input, the other input that claims its output folder: of the inputs that share a
/// folder, the first whose meeting loads and passes the checks. A file that fails claims
/// nothing (a junk `...yaml` beside `meeting.yaml`, a broken `a.yaml` beside `a.yml`) and is
/// reported with its own errors; only the files after the owner are refused as colliding.
fn collisions<'a>(engine: &Engine, inputs: &'a [Input]) -> Vec<Option<&'a Path>> {
    let mut sharing: HashMap<&Path, Vec<usize>> = HashMap::new();
    for (i, input) in inputs.iter().enumerate() {
        sharing.entry(&input.dir).or_default().push(i);
    }
    let mut claimed_by = vec![None; inputs.len()];
    for group in sharing.values().filter(|g| g.len() > 1) {
        // Those before the owner failed: each is reported with its own errors.
        let Some(at) = group
            .iter()
            .position(|&i| engine.prepare(&inputs[i].file).is_ok())
        else {
            continue;
        };
        let owner = group[at];
        for &i in &group[at + 1..] {
            claimed_by[i] = Some(inputs[owner].file.as_path());
        }
    }
    claimed_by
}

/// Renders one meeting and prepares its files.
fn render_one(engine: &Engine, writer: &Writer, input: &Input, options: &BatchOptions) -> Typeset {
    let request = Request::pdf(
        options.kinds.clone(),
        input.dir.to_string_lossy().into_owned(),
    );
    let report = engine.render_file(&input.file, &request);
    let errors = report
        .errors
        .iter()
        .map(|p| located(p, options.lang))
        .collect();
    let dir = writer.root().join(&input.dir);
    let pending = writer.prepare(&report, &dir, engine.library_source());
    Typeset {
        outcome: Outcome {
            input: input.file.to_string_lossy().into_owned(),
            status: if report.failed() {
                Status::Failed
            } else {
                Status::Ok
            },
            outputs: Vec::new(),
            errors,
            warnings: report.warnings.len(),
        },
        pending,
    }
}

/// Writes the files of `typeset` and completes its outcome.
fn commit(typeset: Typeset, lang: Lang) -> Outcome {
    let Typeset {
        mut outcome,
        pending,
    } = typeset;
    if outcome.status == Status::Skipped {
        return outcome;
    }
    let written = pending.commit();
    // A meeting made in a child process comes with the files it wrote.
    outcome.outputs.extend(written.entries.iter().cloned());
    outcome
        .errors
        .extend(written.errors().map(|t| one_line(t.get(lang))));
    if !outcome.errors.is_empty() {
        outcome.status = Status::Failed;
    }
    outcome
}

fn nothing_to_write(outcome: Outcome) -> Typeset {
    Typeset {
        outcome,
        pending: Pending::default(),
    }
}

/// `line:col: [field] message` (the file is named beside it), on one line.
pub(crate) fn located(p: &Problem, lang: Lang) -> String {
    let at = p
        .pos
        .map(|pos| format!("{}:{}:", pos.line, pos.col))
        .unwrap_or_default();
    let field = p
        .path
        .as_deref()
        .map(|f| format!(" [{f}]"))
        .unwrap_or_default();
    one_line(&format!("{at}{field} {}", p.message.get(lang)))
}

/// `s` on one line, its control characters made visible.
pub(crate) fn one_line(s: &str) -> String {
    escape_controls(s, false).into_owned()
}

/// Why a meeting was not tried.
enum Skip {
    /// `fail_fast` after an earlier failure.
    FailFast,
    /// The batch was stopped ([`BatchOptions::cancel`]).
    Stopped,
}

fn skipped(input: &Input, why: Skip) -> Outcome {
    let reason = match why {
        Skip::FailFast => "--fail-fast",
        Skip::Stopped => "interrupted",
    };
    Outcome {
        input: input.file.to_string_lossy().into_owned(),
        status: Status::Skipped,
        outputs: Vec::new(),
        errors: vec![reason.to_owned()],
        warnings: 0,
    }
}

fn collided(input: &Input, first: &Path, lang: Lang) -> Outcome {
    let (file, dir, first) = (input.file.display(), input.dir.display(), first.display());
    let error = text!(
        "{file} → {dir}: trùng thư mục kết quả với {first}; không ghi",
        "{file} → {dir}: same output folder as {first}; nothing written"
    );
    Outcome {
        input: input.file.to_string_lossy().into_owned(),
        status: Status::Failed,
        outputs: Vec::new(),
        errors: vec![one_line(error.get(lang))],
        warnings: 0,
    }
}

/// `OUT/manifest.json`.
#[derive(Debug, Serialize)]
struct Manifest<'a> {
    generator: String,
    meetings: &'a [Outcome],
}

/// Writes `OUT/manifest.json` (atomically) for `outcomes`; returns its path.
pub fn write_manifest(out: &Path, outcomes: &[Outcome]) -> Result<PathBuf, Text> {
    let manifest = Manifest {
        generator: format!("hoinghi {}", env!("CARGO_PKG_VERSION")),
        meetings: outcomes,
    };
    let path = out.join("manifest.json");
    let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    crate::write::write_atomic(&path, &json)
        .map(|()| path.clone())
        .map_err(|e| crate::write::cannot_write(&path, &e))
}
