//! The throughput floor of `hoinghi batch` (issue 14, item 8): Typst alone.
//!
//! ```sh
//! cargo run -q --example floor -- [-j N] [--no-evict] [--par-iter] PATH...
//! ```
//!
//! PATH is a meeting file or a folder searched for `*.yaml`/`*.yml`, as `hoinghi batch` reads
//! them. An untimed setup phase loads, checks and renders every document's Typst source (the
//! kinds each meeting has the data for, as `batch` makes without `--doc`); then ONLY Typst's
//! compile and PDF export of those sources are timed, in-process, on a rayon pool of N threads
//! (default: every core), through [`Engine::typeset_source`] — the same fonts, library, World,
//! images and PDF options as `batch`. Like `batch`, a thread takes one meeting at a time (its
//! documents one after another) and evicts Typst's caches after each meeting (`hoinghi::evict_caches()`;
//! `--no-evict` keeps them). Nothing is written. Prints one JSON line on stdout.
//!
//! Scheduling: by default each pool thread runs one long job that pulls meetings from a shared
//! counter, so a thread never holds two meetings. `--par-iter` schedules as `batch` does
//! (`pool.install(|| meetings.par_iter()…)`): Typst's compile and export use rayon themselves,
//! and a pool thread waiting inside them steals the next meeting onto the same stack, again and
//! again; `max_nesting` in the output counts the deepest pile-up (2 MiB worker stacks overflow).

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use hoinghi::{Engine, Prepared, Settings, Sources};
use rayon::prelude::*;

/// One meeting, ready to typeset.
struct Item {
    ident: String,
    prepared: Prepared,
    sources: Sources,
}

fn usage(message: &str) -> ! {
    eprintln!("floor: {message}");
    eprintln!("usage: floor [-j N] [--no-evict] [--par-iter] PATH...");
    std::process::exit(2);
}

/// The command line.
struct Options {
    /// Pool threads; 0 for every core.
    jobs: usize,
    evict: bool,
    par_iter: bool,
    paths: Vec<PathBuf>,
}

/// What one meeting's typesetting gave: documents made, PDF bytes, errors.
type Outcome = (usize, usize, Vec<String>);

/// The timed phase: every meeting's outcome, wall and CPU seconds.
struct Timed {
    results: Vec<Outcome>,
    seconds: f64,
    cpu_s: f64,
}

/// The untimed setup: the engine, every meeting ready, and how long each part took.
struct Setup {
    engine: Engine,
    items: Vec<Item>,
    engine_s: f64,
    setup_s: f64,
}

fn main() {
    let started = Instant::now();
    let options = arguments();
    let files = discover(&options.paths);
    let (engine, engine_s) = start_engine();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .unwrap_or_else(|e| usage(&format!("cannot start the threads: {e}")));
    let (items, setup_s) = setup_all(&pool, &engine, &files);
    let setup = Setup {
        engine,
        items,
        engine_s,
        setup_s,
    };
    let timed = typeset_all(&pool, &setup, &options);
    let failed = report(
        &options,
        &setup,
        &timed,
        pool.current_num_threads(),
        started,
    );
    if failed {
        std::process::exit(1);
    }
}

/// Reads the command line; exits with the usage on a mistake.
fn arguments() -> Options {
    let mut options = Options {
        jobs: 0,
        evict: true,
        par_iter: false,
        paths: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-j" | "--jobs" => {
                let n = args.next().unwrap_or_else(|| usage("-j needs a number"));
                options.jobs = n.parse().unwrap_or_else(|_| usage("-j needs a number"));
            }
            "--no-evict" => options.evict = false,
            "--par-iter" => options.par_iter = true,
            "-h" | "--help" => usage("the typesetting floor of `hoinghi batch`"),
            s if s.starts_with('-') => usage(&format!("unknown option {s}")),
            _ => options.paths.push(PathBuf::from(arg)),
        }
    }
    if options.paths.is_empty() {
        usage("no meeting file or folder given");
    }
    options
}

/// The engine (fonts, templates), untimed, and the seconds it took to start.
fn start_engine() -> (Engine, f64) {
    let engine_started = Instant::now();
    let settings = Settings {
        epoch: std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|v| v.trim().parse().ok()),
        ..Settings::default()
    };
    let engine = Engine::new(settings).unwrap_or_else(|e| {
        eprintln!("floor: {}", e.en);
        std::process::exit(1);
    });
    (engine, engine_started.elapsed().as_secs_f64())
}

/// Setup, untimed: every meeting checked and every source rendered, on the pool; exits at the
/// first file that fails. Returns the items and the seconds it took.
fn setup_all(
    pool: &rayon::ThreadPool,
    engine: &Engine,
    files: &[(PathBuf, String)],
) -> (Vec<Item>, f64) {
    let setup_started = Instant::now();
    let prepared: Vec<Result<Item, String>> = pool.install(|| {
        files
            .par_iter()
            .map(|(file, ident)| setup(engine, file, ident))
            .collect()
    });
    let mut items = Vec::new();
    for result in prepared {
        match result {
            Ok(item) => items.push(item),
            Err(message) => {
                eprintln!("floor: {message}");
                std::process::exit(1);
            }
        }
    }
    (items, setup_started.elapsed().as_secs_f64())
}

/// Typesets one meeting's documents, one after another, then evicts Typst's caches if asked.
fn typeset_one(engine: &Engine, item: &Item, evict: bool) -> Outcome {
    let _nested = Nesting::enter();
    let mut ok = 0;
    let mut bytes = 0;
    let mut errors = Vec::new();
    for (kind, source) in &item.sources.sources {
        match engine.typeset_source(
            &item.prepared,
            &item.sources,
            *kind,
            source.clone(),
            &item.ident,
        ) {
            Ok(typeset) => {
                ok += 1;
                bytes += typeset.pdf.len();
            }
            Err(e) => errors.push(format!("{}#{}: {e}", item.ident, kind.slug())),
        }
    }
    if evict {
        hoinghi::evict_caches();
    }
    (ok, bytes, errors)
}

/// Timed: Typst compile + PDF export only.
fn typeset_all(pool: &rayon::ThreadPool, setup: &Setup, options: &Options) -> Timed {
    let (engine, items, evict) = (&setup.engine, &setup.items, options.evict);
    let cpu_before = cpu_seconds();
    let timed = Instant::now();
    let results: Vec<Outcome> = if options.par_iter {
        // As `hoinghi batch` schedules: a thread blocked in Typst's own rayon work may steal
        // another meeting onto its stack (see `max_nesting`).
        pool.install(|| {
            items
                .par_iter()
                .map(|item| typeset_one(engine, item, evict))
                .collect()
        })
    } else {
        // One long-lived job per pool thread, pulling meetings from a shared counter: Typst's
        // inner rayon work still runs on this pool, but no thread ever holds two meetings.
        let next = AtomicUsize::new(0);
        let mut per_thread: Vec<Vec<Outcome>> = pool.broadcast(|_| {
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                mine.push(typeset_one(engine, item, evict));
            }
            mine
        });
        per_thread.drain(..).flatten().collect()
    };
    Timed {
        results,
        seconds: timed.elapsed().as_secs_f64(),
        cpu_s: cpu_seconds() - cpu_before,
    }
}

/// Prints the first failures on stderr and the JSON line on stdout; true if any failed.
fn report(
    options: &Options,
    setup: &Setup,
    timed: &Timed,
    threads: usize,
    started: Instant,
) -> bool {
    let (results, seconds, cpu_s) = (&timed.results, timed.seconds, timed.cpu_s);
    let documents: usize = setup.items.iter().map(|i| i.sources.sources.len()).sum();
    let ok: usize = results.iter().map(|r| r.0).sum();
    let pdf_bytes: usize = results.iter().map(|r| r.1).sum();
    let errors: Vec<&String> = results.iter().flat_map(|r| &r.2).collect();
    for e in errors.iter().take(5) {
        eprintln!("floor: typeset failed: {e}");
    }
    let json = serde_json::json!({
        "meetings": setup.items.len(),
        "documents": documents,
        "typeset": ok,
        "failed": errors.len(),
        "threads": threads,
        "evict": options.evict,
        "scheduling": if options.par_iter { "par_iter" } else { "broadcast" },
        "seconds": seconds,
        "docs_per_s": if seconds > 0.0 { ok as f64 / seconds } else { 0.0 },
        "ms_per_doc": if ok > 0 { seconds * 1000.0 / ok as f64 } else { 0.0 },
        "cpu_s": cpu_s,
        "cpu_ms_per_doc": if ok > 0 { cpu_s * 1000.0 / ok as f64 } else { 0.0 },
        "pdf_bytes": pdf_bytes,
        "engine_s": setup.engine_s,
        "setup_s": setup.setup_s,
        "setup_thread_s": {
            "prepare": SETUP_NS[0].load(Ordering::Relaxed) as f64 / 1e9,
            "sources": SETUP_NS[1].load(Ordering::Relaxed) as f64 / 1e9,
        },
        "total_s": started.elapsed().as_secs_f64(),
        "peak_rss_mb": peak_rss_mb(),
        "max_nesting": MAX_NESTING.load(Ordering::Relaxed),
    });
    println!("{json}");
    !errors.is_empty()
}

/// Loads and checks `file`, builds its context and renders the source of every kind it has
/// the data for.
fn setup(engine: &Engine, file: &Path, ident: &str) -> Result<Item, String> {
    let t0 = Instant::now();
    let prepared = engine.prepare(file).map_err(|rejected| {
        let first = rejected
            .problems
            .iter()
            .find(|p| p.is_error())
            .map(|p| p.message.en.clone())
            .unwrap_or_default();
        format!("{}: rejected: {first}", file.display())
    })?;
    let plan = engine.plan(&prepared, None);
    let t1 = Instant::now();
    let sources = engine
        .sources(&prepared, &plan.kinds)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let t2 = Instant::now();
    for (phase, spent) in [(0, t1 - t0), (1, t2 - t1)] {
        SETUP_NS[phase].fetch_add(spent.as_nanos() as usize, Ordering::Relaxed);
    }
    Ok(Item {
        ident: ident.to_owned(),
        prepared,
        sources,
    })
}

/// The meeting files under `paths`, sorted as `hoinghi batch` finds them, each with the
/// identifier `batch` gives it (its folder relative to the root, then its stem).
fn discover(paths: &[PathBuf]) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for root in paths {
        if !root.exists() {
            usage(&format!("no such file or folder: {}", root.display()));
        }
        files.extend(
            hoinghi::write::meeting_files(root)
                .into_iter()
                .map(|(file, dir)| (file, dir.to_string_lossy().into_owned())),
        );
    }
    files
}

/// CPU time (user + system) of this process so far, in seconds, from /proc/self/stat (clock
/// ticks of 1/100 s); 0 where /proc is missing.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let fields: Vec<&str> = s.rsplit_once(") ")?.1.split_whitespace().collect();
            let utime: f64 = fields.get(11)?.parse().ok()?;
            let stime: f64 = fields.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(0.0)
}

/// The process's peak resident set (VmHWM), in MB; 0 where /proc is missing.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// The most meetings one thread had in progress at once: above 1 when a thread waiting inside
/// Typst's own rayon work stole another meeting onto the same stack.
static MAX_NESTING: AtomicUsize = AtomicUsize::new(0);

/// Thread-seconds (in ns) of the setup phases: prepare (load + checks), context, templates.
static SETUP_NS: [AtomicUsize; 2] = [const { AtomicUsize::new(0) }; 2];

/// Counts the meetings in progress on this thread while alive.
struct Nesting;

impl Nesting {
    fn enter() -> Nesting {
        let depth = DEPTH.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        MAX_NESTING.fetch_max(depth, Ordering::Relaxed);
        Nesting
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}
