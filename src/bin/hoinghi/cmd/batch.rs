//! `hoinghi batch`: many meeting files at once, in parallel on every core, through
//! [`hoinghi::batch`]; shows progress, and ends with a summary and `OUT/manifest.json` — also
//! when stopped by Ctrl+C or SIGTERM, after finishing the meetings under way (a second signal
//! ends it at once).

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use hoinghi::batch::{BatchOptions, Outcome, Status};
use hoinghi::{Lang, Text, WriteOptions, text};

use crate::args::{BatchArgs, FormatArg, PaperFormatArg, PublishArgs};
use crate::config::Config;
use crate::console::Console;
use crate::exit::{Failure, failed_if};
use crate::supervise::{Options, Supervisor};

/// Runs the command.
pub fn run(args: &BatchArgs, console: &mut Console) -> crate::exit::Outcome {
    let started = Instant::now();
    let inputs = hoinghi::batch::find_meetings(&args.paths).map_err(Failure::Usage)?;
    let config = Config::typeset(&args.input, &args.typeset);
    let engine = config.engine(console)?;
    let cancel = Arc::new(AtomicBool::new(false));
    let caught = stop_on_signals(&cancel);
    let has = |f: PaperFormatArg| args.format.contains(&f);
    // For a child process (`--templates`): the same formats, as `render` takes them.
    let publish = PublishArgs {
        format: [
            (PaperFormatArg::Pdf, FormatArg::Pdf),
            (PaperFormatArg::Docx, FormatArg::Docx),
        ]
        .into_iter()
        .filter(|(ours, _)| has(*ours))
        .map(|(_, theirs)| theirs)
        .collect(),
        fragment: false,
        ppi: 144.0,
        photo_size: 1600,
    };
    let options = BatchOptions {
        out: args.out.clone(),
        threads: args
            .jobs
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)),
        kinds: config.kinds.clone(),
        write: WriteOptions {
            pdf: has(PaperFormatArg::Pdf),
            docx: has(PaperFormatArg::Docx),
            ..WriteOptions::default()
        },
        fail_fast: args.fail_fast,
        memory_mb: args.memory_budget,
        lang: console.lang,
        cancel,
        isolation: Supervisor::new(&Options {
            typeset: &args.typeset,
            input: &args.input,
            publish: Some(&publish),
            emit_typst: false,
            lang: console.lang,
        })?
        .map(Supervisor::isolation),
    };
    let progress = Progress::new(inputs.len(), args.quiet, console.lang);
    let outcomes = hoinghi::batch::run(&engine, &inputs, &options, |o| progress.done(o))
        .map_err(Failure::FailedWith)?;
    progress.finish();
    let manifest = hoinghi::batch::write_manifest(&args.out, &outcomes);
    if let Err(e) = &manifest {
        console.note(e);
    }
    let manifest_path = args.out.join("manifest.json");
    summary(console, &outcomes, started, &manifest_path);
    match caught.load(Ordering::Relaxed) {
        0 => failed_if(manifest.is_err() || outcomes.iter().any(|o| o.status != Status::Ok)),
        signal => {
            let skipped = outcomes
                .iter()
                .filter(|o| o.status == Status::Skipped)
                .count();
            console.note(&text!(
                "Đã dừng theo yêu cầu (tín hiệu {signal}): các cuộc họp đang soạn đã ghi xong, {skipped} tệp chưa soạn; danh mục ghi những gì đã làm.",
                "Stopped on request (signal {signal}): the meetings under way were finished, {skipped} file(s) not rendered; the manifest lists what was done."
            ));
            Err(Failure::Interrupted(signal as i32))
        }
    }
}

/// On Ctrl+C (SIGINT) or SIGTERM: sets `cancel`, so the batch takes no further meeting, and
/// remembers the signal (returned). A second signal ends the process at once.
fn stop_on_signals(cancel: &Arc<AtomicBool>) -> Arc<AtomicUsize> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let caught = Arc::new(AtomicUsize::new(0));
    for signal in [SIGINT, SIGTERM] {
        // Registered first, so it sees the flag as the earlier signal left it. Failing to
        // register only means the signal keeps its default action.
        let _ =
            signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, cancel.clone());
        let _ = signal_hook::flag::register(signal, cancel.clone());
        let _ = signal_hook::flag::register_usize(signal, caught.clone(), signal as usize);
    }
    caught
}

/// The end of the run: counts, each failed file with its first error, time.
fn summary(console: &mut Console, outcomes: &[Outcome], started: Instant, manifest: &Path) {
    let count = |status: Status| outcomes.iter().filter(|o| o.status == status).count();
    let (ok, skipped) = (count(Status::Ok), count(Status::Skipped));
    let docs: usize = outcomes.iter().map(|o| o.outputs.len()).sum();
    let failed: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.status == Status::Failed)
        .collect();
    let warnings: usize = outcomes.iter().map(|o| o.warnings).sum();
    let secs = started.elapsed().as_secs_f64();
    if !failed.is_empty() {
        console.note(&text!("Tệp lỗi:", "Failed files:"));
        for o in &failed {
            let first = o.errors.first().map(String::as_str).unwrap_or("");
            let line = format!("  {}: {first}", o.input);
            console.note(&Text::new(line.clone(), line));
        }
    }
    let (n, f, m) = (outcomes.len(), failed.len(), manifest.display());
    console.note(&text!(
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
        let first = o.errors.first().map_or("", String::as_str);
        let (n, input) = (o.outputs.len(), &o.input);
        let line = match o.status {
            Status::Ok => text!(
                "xong   {input} ({n} văn bản)",
                "ok     {input} ({n} document(s))"
            ),
            Status::Skipped => text!("bỏ qua {input}", "skip   {input}"),
            Status::Failed => text!("LỖI    {input}: {first}", "FAILED {input}: {first}"),
        };
        let line = line.get(self.lang).replace('\n', "\\n");
        match &self.bar {
            Some(bar) => {
                if o.status == Status::Failed {
                    bar.println(line);
                }
                bar.set_message(Text::new(o.input.clone(), String::new()).vi);
                bar.inc(1);
            }
            None if !self.quiet || o.status == Status::Failed => eprintln!("{line}"),
            None => {}
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
