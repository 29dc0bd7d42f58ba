//! `hoinghi batch` as a year-end office runs it: a nested tree where several folders each hold
//! a `meeting.yaml`, broken files among them; every good meeting rendered, every bad one named,
//! exit 1, a valid manifest, 0644 files, no temporary files, stale ones from a killed run
//! removed, identical bytes from a second process.

use std::path::Path;

use crate::support::common::{hoinghi, sample};

/// The SHA-256 of a file as coreutils' `sha256sum` computes it: another implementation than
/// the one that wrote the manifest.
fn sha256sum(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("coreutils' sha256sum");
    assert!(out.status.success(), "sha256sum {}", path.display());
    let text = String::from_utf8(out.stdout).unwrap();
    let hex = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(hex.len(), 64, "sha256sum printed {text:?}");
    hex
}

/// A tree: two folders with a `meeting.yaml` each, a photo meeting, a broken file, a dangling
/// link, and a file that is not a meeting (`notes.txt`).
fn tree(root: &Path) {
    for (dir, file) in [
        ("khoi-dang/2026", "ky-ket-khoi-dang.yaml"),
        ("cum-kinh-te/2025", "tong-ket-cum-nd30.yaml"),
    ] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
        std::fs::copy(sample(file), root.join(dir).join("meeting.yaml")).unwrap();
    }
    let photos = root.join("anh");
    std::fs::create_dir_all(photos.join("photos")).unwrap();
    std::fs::copy(
        sample("phat-dong-ky-ket-anh/phat-dong-ky-ket.yaml"),
        photos.join("meeting.yml"),
    )
    .unwrap();
    for entry in std::fs::read_dir(sample("phat-dong-ky-ket-anh/photos")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), photos.join("photos").join(entry.file_name())).unwrap();
    }
    std::fs::write(root.join("hong.yaml"), "bloc: [khối\n").unwrap();
    std::fs::write(root.join("notes.txt"), "không phải tệp cuộc họp").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("khong-co.yaml"), root.join("lien-ket-hong.yaml"))
        .unwrap();
}

fn files(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_tree_with_broken_files_renders_the_good_ones_and_names_the_bad() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    tree(&input);
    let out_dir = tmp.path().join("out");
    // A temporary file left by a killed run (a process that no longer exists).
    std::fs::create_dir_all(out_dir.join("khoi-dang/2026/meeting")).unwrap();
    std::fs::write(
        out_dir.join("khoi-dang/2026/meeting/.hoinghi-999999999-3.part"),
        b"%PDF half",
    )
    .unwrap();
    let run = |out: &Path| {
        hoinghi()
            .args(["batch", "-j", "2"])
            .arg(&input)
            .arg("-o")
            .arg(out)
            .output()
            .unwrap()
    };
    let result = run(&out_dir);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    let written = files(&out_dir);
    assert_eq!(
        written,
        [
            "anh/meeting/bai-tin.pdf",
            "anh/meeting/bien-ban.pdf",
            "anh/meeting/giao-uoc.pdf",
            "cum-kinh-te/2025/meeting/bai-tin.pdf",
            "cum-kinh-te/2025/meeting/bien-ban.pdf",
            "khoi-dang/2026/meeting/bai-tin.pdf",
            "khoi-dang/2026/meeting/bien-ban.pdf",
            "khoi-dang/2026/meeting/giao-uoc.pdf",
            "manifest.json",
        ],
        "{stderr}"
    );
    assert!(
        stderr.contains("hong.yaml") && stderr.contains("lien-ket-hong.yaml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 tệp soạn xong") && stderr.contains("2 tệp lỗi"),
        "{stderr}"
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("manifest.json")).unwrap()).unwrap();
    let meetings = manifest["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 5);
    for m in meetings {
        let input = m["input"].as_str().unwrap();
        let failed = input.ends_with("hong.yaml");
        assert_eq!(m["status"], if failed { "failed" } else { "ok" }, "{m}");
        if failed {
            assert!(!m["errors"].as_array().unwrap().is_empty());
        }
        for o in m["outputs"].as_array().unwrap() {
            let path = out_dir.join(o["path"].as_str().unwrap());
            assert_eq!(o["sha256"].as_str().unwrap(), sha256sum(&path));
            assert!(o["pages"].as_u64().unwrap() >= 1);
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o666 & !umask(), "{}", path.display());
            }
        }
    }
    // A second process writes the same bytes.
    let again = tmp.path().join("again");
    run(&again);
    for f in written.iter().filter(|f| f.ends_with(".pdf")) {
        assert_eq!(
            std::fs::read(out_dir.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f} differs between two processes"
        );
    }
}

/// The process umask, read back from a file created with mode 0666.
#[cfg(unix)]
fn umask() -> u32 {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("probe");
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(&p)
        .unwrap();
    0o666 & !(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777)
}

#[test]
fn fail_fast_stops_after_the_first_bad_file_and_a_missing_path_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a-hong.yaml"), "bloc: [\n").unwrap();
    std::fs::copy(sample("ky-ket-khoi-dang.yaml"), input.join("b.yaml")).unwrap();
    let out = hoinghi()
        .args(["batch", "-j", "1", "--fail-fast", "--quiet"])
        .arg(&input)
        .arg("-o")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!tmp.path().join("out/b/giao-uoc.pdf").exists());
    let missing = hoinghi()
        .args(["batch", "khong-co-thu-muc-nay", "-o"])
        .arg(tmp.path().join("out2"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn pdf_a_metadata_and_source_date_epoch() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |dir: &str, extra: &[&str], epoch: Option<&str>| {
        let mut cmd = hoinghi();
        cmd.args(["render", "--doc", "bien-ban"])
            .args(extra)
            .arg("-o")
            .arg(tmp.path().join(dir))
            .arg(sample("ky-ket-khoi-dang.yaml"));
        match epoch {
            Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        let out = cmd.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read(tmp.path().join(dir).join("ky-ket-khoi-dang/bien-ban.pdf")).unwrap()
    };
    let archival = String::from_utf8_lossy(&run("a", &["--pdf-a"], None)).into_owned();
    assert!(
        archival.contains("<pdfaid:part>2</pdfaid:part>"),
        "not PDF/A-2"
    );
    assert!(archival.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    let plain = String::from_utf8_lossy(&run("b", &[], None)).into_owned();
    for needle in ["Khối thi đua các cơ quan Đảng tỉnh", "<rdf:li>vi</rdf:li>"] {
        assert!(plain.contains(needle), "metadata lacks {needle:?}");
    }
    // The timestamp is the meeting date, or SOURCE_DATE_EPOCH when set.
    assert!(
        plain.contains("2026-03-05T00:00:00"),
        "timestamp is not the meeting date"
    );
    let stamped = String::from_utf8_lossy(&run("c", &[], Some("1700000000"))).into_owned();
    assert!(
        stamped.contains("2023-11-14T22:13:20"),
        "SOURCE_DATE_EPOCH ignored"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    // root ignores permissions: then there is nothing to test.
    if std::fs::write(out_dir.join("probe"), b"x").is_ok() {
        return;
    }
    let out = hoinghi()
        .args(["render", "--doc", "bien-ban", "-o"])
        .arg(&out_dir)
        .arg(sample("ky-ket-khoi-dang.yaml"))
        .output()
        .unwrap();
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("không có quyền ghi"), "{err}");
}

#[test]
fn an_output_path_that_is_a_file_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let not_a_folder = tmp.path().join("out");
    std::fs::write(&not_a_folder, b"a file").unwrap();
    let out = hoinghi()
        .args(["render", "--doc", "bien-ban", "-o"])
        .arg(&not_a_folder)
        .arg(sample("ky-ket-khoi-dang.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("không ghi được"), "{err}");
    assert_eq!(std::fs::read(&not_a_folder).unwrap(), b"a file");
}

/// `kill -9` in the middle of a run: every PDF on disk is complete (written under a temporary
/// name, then renamed), and the next run leaves no temporary file behind.
#[cfg(unix)]
#[test]
fn a_killed_run_leaves_only_complete_pdfs_and_the_next_run_cleans_up() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..24 {
        let dir = input.join(format!("khoi-{i:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(sample("giao-uoc-30-don-vi.yaml"), dir.join("meeting.yaml")).unwrap();
    }
    let out_dir = tmp.path().join("out");
    let bin = assert_cmd::cargo::cargo_bin("hoinghi");
    let mut child = std::process::Command::new(&bin)
        .args([
            "batch",
            "-j",
            "2",
            "--quiet",
            "--doc",
            "giao-uoc,bien-ban,bai-tin",
        ])
        .arg(&input)
        .arg("-o")
        .arg(&out_dir)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once the first PDFs appear (or after a while).
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(20)
        && files(&out_dir)
            .iter()
            .filter(|f| f.ends_with(".pdf"))
            .count()
            < 3
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    for f in files(&out_dir).iter().filter(|f| f.ends_with(".pdf")) {
        let bytes = std::fs::read(out_dir.join(f)).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{f} is not a PDF");
        let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(32)..]).into_owned();
        assert!(tail.contains("%%EOF"), "{f} is cut short");
    }
    let again = hoinghi()
        .args([
            "batch",
            "-j",
            "2",
            "--quiet",
            "--doc",
            "giao-uoc,bien-ban,bai-tin",
        ])
        .arg(&input)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    let left: Vec<String> = files(&out_dir)
        .into_iter()
        .filter(|f| f.contains(".hoinghi-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert_eq!(
        files(&out_dir)
            .iter()
            .filter(|f| f.ends_with(".pdf"))
            .count(),
        24 * 3
    );
}

/// A file that fails to load claims no output folder: a valid `meeting.yaml` beside a junk
/// `...yaml` (also folder "meeting") and a valid `a.yml` beside a broken `a.yaml` are both
/// rendered; of two valid files sharing a folder the first wins and the second is named. File
/// names with terminal escapes are printed escaped in every message of the batch.
#[test]
fn a_file_that_fails_claims_no_output_folder_and_names_print_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let good = std::fs::read_to_string(sample("ky-ket-khoi-dang.yaml")).unwrap();
    for (name, text) in [
        ("...yaml", "bloc: [khối\n"),
        ("meeting.yaml", good.as_str()),
        ("a.yaml", "bloc: [khối\n"),
        ("a.yml", good.as_str()),
        ("b.yaml", good.as_str()),
        ("b.yml", good.as_str()),
        ("x\u{1b}[31m\u{7}.yaml", "bloc: [khối\n"),
        ("x\u{1b}[31m\u{7}.yml", good.as_str()),
    ] {
        std::fs::write(input.join(name), text).unwrap();
    }
    let out_dir = tmp.path().join("out");
    let out = hoinghi()
        .args(["batch", "-j", "2"])
        .arg(&input)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "raw escapes printed:\n{stderr:?}"
    );
    assert!(stderr.contains("x\\u{1b}[31m\\u{7}.yaml"), "{stderr}");
    let written = files(&out_dir);
    for folder in ["meeting/", "a/", "b/", "x_[31m_/"] {
        assert!(
            written
                .iter()
                .any(|f| f.starts_with(folder) && f.ends_with(".pdf")),
            "nothing in {folder}: {written:?}\n{stderr}"
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("manifest.json")).unwrap()).unwrap();
    for m in manifest["meetings"].as_array().unwrap() {
        let input = m["input"].as_str().unwrap();
        let name = Path::new(input).file_name().unwrap().to_string_lossy();
        let rendered = matches!(name.as_ref(), "meeting.yaml" | "a.yml" | "b.yaml")
            || name.ends_with(".yml") && name.starts_with('x');
        assert_eq!(m["status"], if rendered { "ok" } else { "failed" }, "{m}");
        let error = m["errors"][0].as_str().unwrap_or_default();
        if name == "b.yml" {
            assert!(error.contains("trùng thư mục kết quả với"), "{error}");
        } else if !rendered {
            assert!(
                !error.contains("trùng thư mục"),
                "its own error, not {error}"
            );
        }
    }
}

/// Ctrl+C (SIGINT) or SIGTERM in the middle of a batch: no further meeting is taken, the ones
/// under way are finished, the summary and a valid manifest of what was done are written, no
/// temporary file is left, and the exit code is 130 (143 for SIGTERM).
#[cfg(unix)]
#[test]
fn a_stopped_batch_finishes_what_it_began_and_writes_its_manifest() {
    use std::io::BufRead;
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        for i in 0..30 {
            let dir = input.join(format!("khoi-{i:02}"));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::copy(sample("giao-uoc-30-don-vi.yaml"), dir.join("meeting.yaml")).unwrap();
        }
        let out_dir = tmp.path().join("out");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hoinghi"))
            .args(["batch", "-j", "2", "--doc", "giao-uoc,bien-ban"])
            .arg(&input)
            .arg("-o")
            .arg(&out_dir)
            .env("LANG", "vi_VN.UTF-8")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        // Stop it once the first meeting is written.
        let mut printed = Vec::new();
        for line in lines.by_ref() {
            let line = line.unwrap();
            let first_done = line.starts_with("xong");
            printed.push(line);
            if first_done {
                break;
            }
        }
        let stopped = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(stopped.success());
        printed.extend(lines.map_while(Result::ok));
        let status = child.wait().unwrap();
        let printed = printed.join("\n");
        assert_eq!(status.code(), Some(code), "{printed}");
        assert!(printed.contains("Đã dừng theo yêu cầu"), "{printed}");
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out_dir.join("manifest.json")).unwrap()).unwrap();
        let meetings = manifest["meetings"].as_array().unwrap();
        assert_eq!(meetings.len(), 30);
        let ok = meetings.iter().filter(|m| m["status"] == "ok").count();
        let skipped = meetings.iter().filter(|m| m["status"] == "skipped").count();
        assert!(ok >= 1 && skipped >= 1 && ok + skipped == 30, "{manifest}");
        let written = files(&out_dir);
        assert!(
            !written.iter().any(|f| f.contains(".part")),
            "temporary files left: {written:?}"
        );
        // Every meeting the manifest calls done has its files, complete.
        for m in meetings.iter().filter(|m| m["status"] == "ok") {
            for o in m["outputs"].as_array().unwrap() {
                let path = out_dir.join(o["path"].as_str().unwrap());
                assert_eq!(o["sha256"].as_str().unwrap(), sha256sum(&path));
            }
        }
    }
}
