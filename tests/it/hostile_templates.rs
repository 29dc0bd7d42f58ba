//! Runaway templates (`--templates`): an office's own templates are code, and a template that
//! doubles a list, loops for ever, nests content 100,000 deep, asks for a page of fifty metres
//! or a hundred thousand pages must end in exit code 1 with a message naming the limit it hit,
//! within the time and memory given, with no temporary file left and nothing written outside
//! the output folder. A batch goes on past such a meeting and writes its manifest.
//!
//! The limits are lowered (`--time-limit`, `--memory-limit`) so the suite stays quick; the
//! peak memory is that of hoinghi and its child, each its high-water mark as the kernel
//! counts it (`VmHWM`), read every few milliseconds while they run.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::support::common::{minimal, write};

/// The limits the runaway cases run with.
const LIMITS: [&str; 4] = ["--time-limit", "3", "--memory-limit", "400"];

/// The limits of the cases that must end at the memory limit: time enough that a child slowed
/// by other work on the machine still reaches 400 MB before its time is up.
const MEMORY_LIMITS: [&str; 4] = ["--time-limit", "20", "--memory-limit", "400"];

/// What a run of hoinghi did.
struct Run {
    code: Option<i32>,
    stderr: String,
    took: Duration,
    /// Peak resident memory of hoinghi and its children, in MB.
    peak_mb: u64,
}

/// Runs hoinghi with `args` (Vietnamese messages), killed after two minutes if it hangs.
fn run(args: &[&std::ffi::OsStr]) -> Run {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("hoinghi"))
        .args(args)
        .env("LANG", "vi_VN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let pid = child.id();
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let done = done.clone();
        std::thread::spawn(move || {
            let (mut parent, mut child) = (0, 0);
            while !done.load(Ordering::Relaxed) {
                if started.elapsed() > Duration::from_secs(120) {
                    // SAFETY: kill only sends a signal to the child, not yet reaped.
                    unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
                }
                parent = parent.max(high_water_kb(pid).unwrap_or(0));
                for c in children(pid) {
                    child = child.max(high_water_kb(c).unwrap_or(0));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            parent + child
        })
    };
    let mut stderr = String::new();
    let mut pipe = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let _ = pipe.read_to_string(&mut stderr);
        stderr
    });
    let status = child.wait().unwrap();
    done.store(true, Ordering::Relaxed);
    let took = started.elapsed();
    let peak_kb = watchdog.join().unwrap();
    Run {
        code: status.code(),
        stderr: reader.join().unwrap(),
        took,
        peak_mb: peak_kb / 1024,
    }
}

/// The peak resident memory of process `pid` so far (`VmHWM`), in KB.
fn high_water_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The processes whose parent is `pid`.
fn children(pid: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|p| {
            // `pid (name) state ppid …`: the name may hold spaces, so split after the ')'.
            let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
            let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            after.split_whitespace().nth(1) == Some(pid.to_string().as_str())
        })
        .collect()
}

/// A folder with a meeting file `hop.yaml` (minutes only, `venue` given) and a template folder
/// `mau` whose `bien-ban.typ.j2` is `template`.
struct Case {
    tmp: tempfile::TempDir,
}

impl Case {
    fn new(template: &str) -> Case {
        let tmp = tempfile::tempdir().unwrap();
        write(
            tmp.path(),
            "hop.yaml",
            &minimal("secretary: { name: Lò Văn Ữ }\n"),
        );
        std::fs::create_dir(tmp.path().join("mau")).unwrap();
        write(&tmp.path().join("mau"), "bien-ban.typ.j2", template);
        Case { tmp }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// `render hop.yaml -o out --doc bien-ban --templates mau ARGS…`.
    fn render(&self, args: &[&str]) -> Run {
        let (file, out, mau) = (self.path("hop.yaml"), self.path("out"), self.path("mau"));
        let mut all = vec![
            "render".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--doc".as_ref(),
            "bien-ban".as_ref(),
            "--templates".as_ref(),
            mau.as_os_str(),
        ];
        all.extend(args.iter().map(std::ffi::OsStr::new));
        let run = run(&all);
        eprintln!("took {:.2?}, peak {} MB", run.took, run.peak_mb);
        run
    }

    /// Every file under the case's folder but the inputs: all inside `out`, none temporary.
    fn nothing_stray(&self) -> Vec<String> {
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(self.tmp.path()) {
            let entry = entry.unwrap();
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = entry.path().strip_prefix(self.tmp.path()).unwrap();
            let rel = rel.to_string_lossy().into_owned();
            assert!(!rel.ends_with(".part"), "a temporary file is left: {rel}");
            let input = rel == "hop.yaml" || rel.starts_with("mau/") || rel.starts_with("in/");
            assert!(
                input || rel.starts_with("out/"),
                "written outside -o: {rel}"
            );
            if rel.starts_with("out/") {
                found.push(rel);
            }
        }
        found
    }
}

/// Exit code 1 within `secs` seconds and `mb` MB, every one of `wanted` in the messages,
/// the file named, and no PDF of the meeting written.
fn stopped(case: &Case, run: &Run, wanted: &[&str], secs: u64, mb: u64) {
    let err = &run.stderr;
    assert_eq!(run.code, Some(1), "{err}");
    for w in wanted.iter().chain(&["hop.yaml"]) {
        assert!(err.contains(w), "missing {w:?} in:\n{err}");
    }
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
    assert!(run.took < Duration::from_secs(secs), "took {:?}", run.took);
    assert!(run.peak_mb < mb, "peak {} MB", run.peak_mb);
    let written = case.nothing_stray();
    assert!(!written.iter().any(|f| f.ends_with(".pdf")), "{written:?}");
}

#[test]
fn a_minijinja_list_doubled_forty_times_is_stopped() {
    let case = Case::new(
        "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set ns.l = ns.l + ns.l %}{% endfor %}{{ ns.l|length }}",
    );
    let run = case.render(&MEMORY_LIMITS);
    stopped(&case, &run, &["quá 400 MB bộ nhớ"], 30, 800);
}

#[test]
fn a_minijinja_string_doubled_forty_times_is_stopped() {
    let case = Case::new(
        "{% set ns = namespace(s=\"x\") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    );
    let run = case.render(&MEMORY_LIMITS);
    stopped(&case, &run, &["quá 400 MB bộ nhớ"], 30, 800);
}

#[test]
fn a_minijinja_template_printing_hundreds_of_megabytes_is_refused_at_the_output_limit() {
    let line = "x".repeat(200);
    let case = Case::new(&format!(
        "{{% for i in range(1000) %}}{{% for j in range(1000) %}}{line}{{% endfor %}}{{% endfor %}}"
    ));
    let run = case.render(&LIMITS);
    stopped(
        &case,
        &run,
        &["mẫu in ra quá 32 MB", "mau/bien-ban.typ.j2"],
        30,
        800,
    );
}

#[test]
fn a_typst_range_of_a_hundred_million_is_stopped_at_the_memory_limit() {
    let case = Case::new("#let a = range(100000000)\n#a.len()\n");
    let run = case.render(&MEMORY_LIMITS);
    stopped(&case, &run, &["quá 400 MB bộ nhớ"], 30, 800);
}

#[test]
fn an_endless_typst_loop_is_stopped_at_the_time_limit() {
    let case = Case::new(
        "#let n = 0\n#for i in range(100000) { for j in range(100000) { n += 1 } }\n#n\n",
    );
    let run = case.render(&LIMITS);
    stopped(&case, &run, &["mẫu chạy quá 3 giây"], 30, 800);
    assert!(run.took >= Duration::from_secs(3), "took {:?}", run.took);
}

#[test]
fn content_nested_a_hundred_thousand_deep_overflows_only_the_child() {
    let case = Case::new("#let c = [x]\n#for i in range(100000) { c = strong(c) }\n#c\n");
    let run = case.render(&LIMITS);
    stopped(&case, &run, &["tràn ngăn xếp", "dừng đột ngột"], 30, 800);
    assert!(!run.stderr.contains("has overflowed"), "{}", run.stderr);
}

#[test]
fn a_page_of_fifty_metres_is_not_drawn_as_png() {
    let case = Case::new("#set page(width: 5000cm, height: 5000cm)\nx\n");
    let mut args = LIMITS.to_vec();
    args.extend(["--format", "png"]);
    let run = case.render(&args);
    stopped(
        &case,
        &run,
        &["trang 1 khổ 5000 × 5000 cm", "quá giới hạn 250 triệu"],
        30,
        400,
    );
}

#[test]
fn a_hundred_thousand_pages_are_stopped_at_the_time_limit() {
    let case =
        Case::new("#set page(width: 2cm, height: 2cm)\n#for i in range(100000) [x #pagebreak()]\n");
    // Memory ample, so the time limit is the one met.
    let run = case.render(&["--time-limit", "3", "--memory-limit", "3000"]);
    stopped(&case, &run, &["mẫu chạy quá 3 giây"], 30, 3500);
}

#[test]
fn a_document_over_two_thousand_pages_is_that_documents_error() {
    let case =
        Case::new("#set page(width: 2cm, height: 2cm)\n#for i in range(2500) [x #pagebreak()]\n");
    let run = case.render(&LIMITS);
    stopped(
        &case,
        &run,
        &["2501 trang, quá giới hạn 2000 trang", "mau/bien-ban.typ.j2"],
        30,
        400,
    );
}

/// The venues of the runaway meetings, and what the minutes' template does for each: loop for
/// ever, fill memory, nest content too deep.
const RUNAWAYS: [(&str, &str, &str); 3] = [
    (
        "vo-tan",
        "Phòng Vô Tận",
        "#let n = 0\n#for i in range(100000) { for j in range(100000) { n += 1 } }\n",
    ),
    ("bo-nho", "Phòng Bộ Nhớ", "#let a = range(100000000)\n"),
    (
        "long-sau",
        "Phòng Lồng Sâu",
        "#let c = [x]\n#for i in range(100000) { c = strong(c) }\n#c\n",
    ),
];

/// The minutes' template, made to run away for the meetings held in [`RUNAWAYS`].
fn runaway_minutes() -> String {
    let mut template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/bien-ban.typ.j2"),
    )
    .unwrap();
    for (_, venue, typst) in RUNAWAYS {
        template = format!("{{% if venue == \"{venue}\" %}}{typst}{{% endif %}}{template}");
    }
    template
}

#[test]
fn a_batch_fails_the_runaway_meetings_writes_the_others_and_its_manifest() {
    let case = Case::new(&runaway_minutes());
    let good = minimal("secretary: { name: Lò Văn Ữ }\n");
    let input = case.path("in");
    std::fs::create_dir_all(input.join("2026")).unwrap();
    write(&input.join("2026"), "tot.yaml", &good);
    for (name, venue, _) in RUNAWAYS {
        let runaway = good.replace("Hội trường Sở Tài chính", venue);
        write(&input, &format!("{name}.yaml"), &runaway);
    }
    let (out, mau) = (case.path("out"), case.path("mau"));
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "batch".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--doc".as_ref(),
        "bien-ban".as_ref(),
        "--templates".as_ref(),
        mau.as_os_str(),
    ];
    // The endless loop is stopped at 8 s, so that the memory runaway, slowed by other work on
    // the machine, still reaches its memory limit first.
    args.extend(
        ["--time-limit", "8", "--memory-limit", "400"]
            .iter()
            .map(std::ffi::OsStr::new),
    );
    let run = run(&args);
    eprintln!("took {:.2?}, peak {} MB", run.took, run.peak_mb);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("vo-tan.yaml: mẫu chạy quá 8 giây"),
        "{}",
        run.stderr
    );
    assert!(run.took < Duration::from_secs(30), "took {:?}", run.took);
    let written = case.nothing_stray();
    assert!(
        written.contains(&"out/2026/tot/bien-ban.pdf".to_owned()),
        "{written:?}"
    );
    assert_eq!(written.len(), 2, "one PDF and the manifest: {written:?}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let meetings = manifest["meetings"].as_array().unwrap();
    let of = |name: &str| {
        meetings
            .iter()
            .find(|m| m["input"].as_str().unwrap().ends_with(name))
            .unwrap()
    };
    let tot = of("tot.yaml");
    assert_eq!(tot["status"], "ok", "{tot}");
    assert_eq!(tot["outputs"][0]["path"], "2026/tot/bien-ban.pdf", "{tot}");
    assert_eq!(tot["outputs"][0]["pages"], 1, "{tot}");
    let sha = tot["outputs"][0]["sha256"].as_str().unwrap();
    let pdf = std::fs::read(out.join("2026/tot/bien-ban.pdf")).unwrap();
    assert_eq!(sha, hoinghi::write::sha256_hex(&pdf));
    let limits = ["mẫu chạy quá 8 giây", "quá 400 MB bộ nhớ", "tràn ngăn xếp"];
    for ((name, _, _), limit) in RUNAWAYS.iter().zip(limits) {
        let meeting = of(&format!("{name}.yaml"));
        assert_eq!(meeting["status"], "failed", "{meeting}");
        assert_eq!(meeting["outputs"], serde_json::json!([]), "{meeting}");
        let error = meeting["errors"][0].as_str().unwrap();
        assert!(error.contains(limit), "{error}");
    }
}

/// Supervision changes nothing of what is made: templates identical to the built-in ones,
/// given with `--templates`, make a batch whose manifest (paths, pages, SHA-256 of every PDF)
/// is the one of a batch without them.
#[test]
fn a_supervised_batch_makes_the_same_files_as_an_in_process_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, mau) = (tmp.path().join("in"), tmp.path().join("mau"));
    std::fs::create_dir_all(input.join("khoi")).unwrap();
    std::fs::create_dir(&mau).unwrap();
    std::fs::copy(
        crate::support::common::sample("ky-ket-khoi-dang.yaml"),
        input.join("khoi/ky-ket.yaml"),
    )
    .unwrap();
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in std::fs::read_dir(templates).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, mau.join(path.file_name().unwrap())).unwrap();
        }
    }
    let manifest = |out: &str, extra: &[&std::ffi::OsStr]| {
        let out = tmp.path().join(out);
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "batch".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        args.extend(extra);
        let run = run(&args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
        json["meetings"].clone()
    };
    let plain = manifest("out-1", &[]);
    let supervised = manifest("out-2", &["--templates".as_ref(), mau.as_os_str()]);
    assert_eq!(plain, supervised);
    assert_eq!(
        plain[0]["outputs"][0]["path"], "khoi/ky-ket/giao-uoc.pdf",
        "{plain}"
    );
}
