//! `hoinghi batch`: many meeting files at once, in parallel on every core. Finds the
//! `*.yaml`/`*.yml` files under the folders given, writes `OUT/<relative folder>/<stem>/<kind>.pdf`
//! (so folders that each hold a `meeting.yaml` never collide), shows progress, and ends with a
//! summary and `OUT/manifest.json`. One bad file never stops the others (unless `--fail-fast`).
//! A thin layer over [`Engine::render_file`].

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use hoinghi::diag::{Lang, Problem, Text};
use hoinghi::output;
use hoinghi::pipeline::{Engine, Request};
use hoinghi::text;
use serde::Serialize;

use super::{Console, FAILED, OK, USAGE};
use crate::cli::BatchArgs;

/// One meeting file to render, and where its documents go (relative to `-o`).
struct Input {
    file: PathBuf,
    dir: PathBuf,
}

/// What became of one meeting file, as the manifest records it.
#[derive(Debug, Serialize)]
struct Outcome {
    input: String,
    status: &'static str,
    outputs: Vec<OutputEntry>,
    errors: Vec<String>,
    warnings: usize,
}

/// One document written.
#[derive(Debug, Serialize)]
struct OutputEntry {
    kind: &'static str,
    path: String,
    sha256: String,
    pages: usize,
}

impl OutputEntry {
    /// The manifest's entry for `bytes`, of `pages` pages, to be written at `path`.
    fn new(
        kind: hoinghi::kind::DocKind,
        path: &Path,
        out_root: &Path,
        bytes: &[u8],
        pages: usize,
    ) -> OutputEntry {
        OutputEntry {
            kind: kind.slug(),
            path: path
                .strip_prefix(out_root)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned(),
            sha256: output::sha256_hex(bytes),
            pages,
        }
    }
}

/// `OUT/manifest.json`.
#[derive(Debug, Serialize)]
struct Manifest<'a> {
    generator: String,
    meetings: &'a [Outcome],
}

/// Runs the command.
pub fn run(args: &BatchArgs, out: &mut Console) -> u8 {
    let started = Instant::now();
    let Some(inputs) = discover(&args.paths, out) else {
        return USAGE;
    };
    let settings = super::typeset_settings(&args.input, &args.typeset);
    let Some(engine) = super::engine(settings, out) else {
        return USAGE;
    };
    let threads = args
        .jobs
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        let d = args.out.display();
        out.note(&text!(
            "lỗi: không tạo được thư mục kết quả {d}: {e}",
            "error: cannot create the output folder {d}: {e}"
        ));
        return FAILED;
    }
    output::remove_stale_parts(&args.out);
    let requested = super::requested_kinds(&args.input.doc);
    let lang = out.lang;
    let progress = Progress::new(inputs.len(), args.quiet, lang);
    let stop = AtomicBool::new(false);
    // Two inputs that would write to one folder: the first wins, the others are reported.
    let mut claimed: HashMap<&Path, &Path> = HashMap::new();
    let collisions: Vec<Option<&Path>> = inputs
        .iter()
        .map(|i| {
            let first = claimed.entry(&i.dir).or_insert(&i.file);
            (*first != i.file.as_path()).then_some(*first)
        })
        .collect();
    // One long-lived job per thread of a rayon pool takes the next meeting from a shared
    // counter (`broadcast`). Typst's own parallel work then runs on the same N threads instead
    // of a second, global pool. (Not a parallel iterator: a pool thread waiting inside Typst
    // would pick up further meetings on the same stack — a pile-up that overflows the stack
    // and holds many meetings in memory at once.)
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Outcome>>> = inputs.iter().map(|_| Mutex::new(None)).collect();
    // The typesetting threads hand their PDFs to one writer thread: writing and flushing to
    // disk waits on the disk, not the processor, and overlaps the next meetings' typesetting.
    // The channel holds a few meetings at most, so memory stays flat.
    let (to_writer, from_workers) = std::sync::mpsc::sync_channel::<(usize, Rendered)>(threads * 2);
    let work = |to_writer: std::sync::mpsc::SyncSender<(usize, Rendered)>| loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(input) = inputs.get(i) else { break };
        let rendered = if stop.load(Ordering::Relaxed) {
            Rendered::done(skipped(input))
        } else if let Some(first) = collisions[i] {
            Rendered::done(collided(input, first))
        } else {
            render_one(&engine, input, &args.out, requested.clone(), lang)
        };
        if rendered.outcome.status == "failed" && args.fail_fast {
            stop.store(true, Ordering::Relaxed);
        }
        // Typst's caches would otherwise keep every meeting's layouts.
        comemo::evict(2);
        if to_writer.send((i, rendered)).is_err() {
            break;
        }
    };
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for (i, rendered) in from_workers {
                let outcome = write_outputs(rendered, lang);
                if outcome.status == "failed" && args.fail_fast {
                    stop.store(true, Ordering::Relaxed);
                }
                progress.done(&outcome);
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(outcome);
                }
            }
        });
        match rayon::ThreadPoolBuilder::new()
            .num_threads(threads.min(inputs.len()).max(1))
            .thread_name(|i| format!("hoinghi-{i}"))
            .stack_size(8 << 20)
            .build()
        {
            Ok(pool) => {
                pool.broadcast(|_| work(to_writer.clone()));
            }
            // No threads to be had: the meetings one after another on this thread.
            Err(_) => work(to_writer.clone()),
        }
        drop(to_writer);
    });
    let outcomes: Vec<Outcome> = slots
        .into_iter()
        .zip(&inputs)
        .map(|(slot, input)| {
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| skipped(input))
        })
        .collect();
    progress.finish();
    let manifest = Manifest {
        generator: format!("hoinghi {}", env!("CARGO_PKG_VERSION")),
        meetings: &outcomes,
    };
    let manifest_path = args.out.join("manifest.json");
    let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    let mut failed = false;
    if let Err(e) = output::write_atomic(&manifest_path, &json) {
        out.note(&output::cannot_write(&manifest_path, &e));
        failed = true;
    }
    summary(out, &outcomes, started, &manifest_path);
    failed |= outcomes.iter().any(|o| o.status != "ok");
    if failed { FAILED } else { OK }
}

/// The meeting files under `paths`, sorted, each with its output folder; `None` (a usage error,
/// printed) when a path does not exist.
fn discover(paths: &[PathBuf], out: &mut Console) -> Option<Vec<Input>> {
    let mut inputs = Vec::new();
    for root in paths {
        let meta = std::fs::symlink_metadata(root);
        if meta.is_err() {
            let p = root.display();
            out.note(&text!(
                "lỗi: không có tệp hay thư mục {p}",
                "error: no such file or folder: {p}"
            ));
            return None;
        }
        inputs.extend(
            output::meeting_files(root)
                .into_iter()
                .map(|(file, dir)| Input { file, dir }),
        );
    }
    Some(inputs)
}

/// One meeting typeset, its PDFs not yet written.
struct Rendered {
    outcome: Outcome,
    /// Where each PDF goes, and its bytes.
    pending: Vec<(PathBuf, Vec<u8>, OutputEntry)>,
}

impl Rendered {
    /// Nothing to write.
    fn done(outcome: Outcome) -> Rendered {
        Rendered {
            outcome,
            pending: Vec::new(),
        }
    }
}

/// Renders one meeting; never panics (the engine catches document panics).
fn render_one(
    engine: &Engine,
    input: &Input,
    out_root: &Path,
    kinds: Option<Vec<hoinghi::kind::DocKind>>,
    lang: Lang,
) -> Rendered {
    let request = Request::pdf(kinds, input.dir.to_string_lossy().into_owned());
    let report = engine.render_file(&input.file, &request);
    let mut errors: Vec<String> = report.errors.iter().map(|p| located(p, lang)).collect();
    let dir = out_root.join(&input.dir);
    let mut pending = Vec::new();
    for doc in report.documents {
        match doc.result {
            Err(e) => errors.push(
                super::doc_error(&input.file, doc.kind, &e)
                    .get(lang)
                    .to_owned(),
            ),
            Ok(_) if !output::inside(out_root, &dir) => errors.push(
                text!(
                    "{}: thư mục kết quả trỏ ra ngoài {} (liên kết); không ghi",
                    "{}: the output folder leads outside {} (a link); nothing written",
                    input.file.display(),
                    out_root.display()
                )
                .get(lang)
                .to_owned(),
            ),
            Ok(typeset) => {
                let path = output::pdf_path(&dir, doc.kind);
                let pages = typeset.document.pages().len();
                let entry = OutputEntry::new(doc.kind, &path, out_root, &typeset.pdf, pages);
                for (name, bytes) in typeset.parts {
                    let part = dir.join(doc.kind.slug()).join(format!("{name}.pdf"));
                    let entry = OutputEntry::new(doc.kind, &part, out_root, &bytes, 1);
                    pending.push((part, bytes, entry));
                }
                pending.push((path, typeset.pdf, entry));
            }
        }
    }
    Rendered {
        outcome: Outcome {
            input: input.file.to_string_lossy().into_owned(),
            status: if errors.is_empty() { "ok" } else { "failed" },
            outputs: Vec::new(),
            errors,
            warnings: report.warnings.len(),
        },
        pending,
    }
}

/// Writes the PDFs of `rendered` (each atomically) and completes its outcome.
fn write_outputs(rendered: Rendered, lang: Lang) -> Outcome {
    let Rendered {
        mut outcome,
        pending,
    } = rendered;
    for (path, pdf, entry) in pending {
        match output::write_atomic(&path, &pdf) {
            Ok(()) => outcome.outputs.push(entry),
            Err(e) => outcome
                .errors
                .push(output::cannot_write(&path, &e).get(lang).to_owned()),
        }
    }
    if !outcome.errors.is_empty() {
        outcome.status = "failed";
    }
    outcome
}

/// `line:col: [field] message` (the file is named beside it), terminal control characters
/// removed.
fn located(p: &Problem, lang: Lang) -> String {
    let at = p
        .pos
        .map(|pos| format!("{}:{}:", pos.line, pos.col))
        .unwrap_or_default();
    let field = p
        .path
        .as_deref()
        .map(|f| format!(" [{f}]"))
        .unwrap_or_default();
    let line = format!("{at}{field} {}", p.message.get(lang));
    line.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

fn skipped(input: &Input) -> Outcome {
    Outcome {
        input: input.file.to_string_lossy().into_owned(),
        status: "skipped",
        outputs: Vec::new(),
        errors: vec!["--fail-fast".to_owned()],
        warnings: 0,
    }
}

fn collided(input: &Input, first: &Path) -> Outcome {
    Outcome {
        input: input.file.to_string_lossy().into_owned(),
        status: "failed",
        outputs: Vec::new(),
        errors: vec![format!(
            "{} → {}: trùng thư mục kết quả với {} / same output folder as {}; không ghi / nothing written",
            input.file.display(),
            input.dir.display(),
            first.display(),
            first.display()
        )],
        warnings: 0,
    }
}

/// The end of the run: counts, each failed file with its first error, time.
fn summary(out: &mut Console, outcomes: &[Outcome], started: Instant, manifest: &Path) {
    let ok = outcomes.iter().filter(|o| o.status == "ok").count();
    let docs: usize = outcomes.iter().map(|o| o.outputs.len()).sum();
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| o.status == "failed").collect();
    let skipped = outcomes.iter().filter(|o| o.status == "skipped").count();
    let warnings: usize = outcomes.iter().map(|o| o.warnings).sum();
    let secs = started.elapsed().as_secs_f64();
    if !failed.is_empty() {
        out.note(&text!("Tệp lỗi:", "Failed files:"));
        for o in &failed {
            let first = o.errors.first().map(String::as_str).unwrap_or("");
            out.note(&Text {
                vi: format!("  {}: {first}", o.input),
                en: format!("  {}: {first}", o.input),
            });
        }
    }
    let (n, f, m) = (outcomes.len(), failed.len(), manifest.display());
    out.note(&text!(
        "Xong {n} tệp trong {secs:.1} giây: {ok} tệp soạn xong ({docs} văn bản), {f} tệp lỗi, {skipped} tệp bỏ qua, {warnings} cảnh báo. Danh mục: {m}",
        "Done {n} file(s) in {secs:.1} s: {ok} rendered ({docs} document(s)), {f} failed, {skipped} skipped, {warnings} warning(s). Manifest: {m}"
    ));
}

/// A progress bar with counts and ETA on a terminal; plain lines when piped; nothing but
/// failures with `--quiet`.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    lang: Lang,
}

impl Progress {
    fn new(total: usize, quiet: bool, lang: Lang) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let template = match lang {
                Lang::Vi => "{bar:30} {pos}/{len} tệp · còn {eta} · {msg}",
                Lang::En => "{bar:30} {pos}/{len} files · {eta} left · {msg}",
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, quiet, lang }
    }

    fn done(&self, o: &Outcome) {
        let line = match (o.status, self.lang) {
            ("ok", Lang::Vi) => format!("xong   {} ({} văn bản)", o.input, o.outputs.len()),
            ("ok", Lang::En) => format!("ok     {} ({} document(s))", o.input, o.outputs.len()),
            ("skipped", Lang::Vi) => format!("bỏ qua {}", o.input),
            ("skipped", Lang::En) => format!("skip   {}", o.input),
            (_, Lang::Vi) => format!("LỖI    {}: {}", o.input, o.errors.first().map_or("", |e| e)),
            (_, Lang::En) => format!("FAILED {}: {}", o.input, o.errors.first().map_or("", |e| e)),
        };
        let line: String = line
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        match &self.bar {
            Some(bar) => {
                if o.status == "failed" {
                    bar.println(line);
                }
                bar.set_message(o.input.clone());
                bar.inc(1);
            }
            None if !self.quiet || o.status == "failed" => eprintln!("{line}"),
            None => {}
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
