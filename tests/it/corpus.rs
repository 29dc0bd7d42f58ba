//! The corpus of broken, hostile and awkward meeting files in `tests/bad/`: each one's
//! `check` output (Vietnamese, no colour) and exit code must match its `.expected` snapshot,
//! and `render` must never write a file for one with errors. `UPDATE_EXPECT=1 cargo test`
//! rewrites the snapshots after a deliberate change of wording.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

fn corpus() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.ends_with(".yaml").then_some(name)
        })
        .collect();
    files.sort();
    files
}

fn hoinghi(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("hoinghi").unwrap();
    cmd.current_dir(dir)
        .env("LANG", "vi_VN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    cmd
}

fn transcript(out: &Output) -> String {
    format!(
        "exit: {}\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn corpus_messages_match_their_snapshots() {
    let files = corpus();
    assert!(files.len() >= 30, "the corpus has {} files", files.len());
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut mismatches = Vec::new();
    for name in &files {
        let out = hoinghi(&corpus_dir())
            .args(["check", name])
            .output()
            .unwrap();
        let got = transcript(&out);
        let expected_path = corpus_dir().join(name.replace(".yaml", ".expected"));
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no snapshot; run with UPDATE_EXPECT=1", name));
        if got != want {
            mismatches.push(format!("--- {name}: expected\n{want}\n--- got\n{got}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn files_with_errors_write_nothing_and_exit_1() {
    let out_dir = tempfile::tempdir().unwrap();
    for name in corpus() {
        let check = hoinghi(&corpus_dir())
            .args(["check", &name])
            .output()
            .unwrap();
        let out = hoinghi(&corpus_dir())
            .args(["render", "--doc", "bien-ban", "-o"])
            .arg(out_dir.path())
            .arg(&name)
            .output()
            .unwrap();
        let stem = name.trim_end_matches(".yaml");
        let written = out_dir.path().join(stem).join("bien-ban.pdf").exists();
        if check.status.code() == Some(1) {
            assert_eq!(out.status.code(), Some(1), "{name}: {}", transcript(&out));
            assert!(!written, "{name}: a file with errors wrote a PDF");
            assert!(
                transcript(&out).contains(&name),
                "{name}: the message names the file"
            );
        } else {
            assert_eq!(out.status.code(), Some(0), "{name}: {}", transcript(&out));
            assert!(written, "{name}: a valid file wrote no PDF");
        }
    }
}

#[test]
fn photo_symlinked_out_of_the_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("bi-mat.png"), b"\x89PNG").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("bi-mat.png"),
        tmp.path().join("anh.png"),
    )
    .unwrap();
    let text = std::fs::read_to_string(corpus_dir().join("24-photo-missing.yaml"))
        .unwrap()
        .replace("anh/khong-co.jpg", "anh.png");
    std::fs::write(tmp.path().join("h.yaml"), text).unwrap();
    let out = hoinghi(tmp.path())
        .args(["check", "h.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        transcript(&out).contains("nằm ngoài thư mục"),
        "{}",
        transcript(&out)
    );
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("lon.yaml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(6 * 1024 * 1024).unwrap();
    let out = hoinghi(tmp.path())
        .args(["check", "lon.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(transcript(&out).contains("quá lớn"), "{}", transcript(&out));
}

#[test]
fn windows_1258_reads_with_the_flag_and_renders_nfc() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = hoinghi(&corpus_dir())
        .args(["render", "--encoding", "cp1258", "--doc", "bien-ban", "-o"])
        .arg(out_dir.path())
        .arg("27-cp1258.yaml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let pdf = std::fs::read(out_dir.path().join("27-cp1258/bien-ban.pdf")).unwrap();
    let text = crate::support::pdf::facts(&pdf).text;
    let text = crate::support::pdf::squash(&text);
    assert!(
        text.contains("GiàngSeoỬ") && text.contains("Cụmthiđua"),
        "{text}"
    );
}

#[test]
fn legacy_and_decomposed_text_come_out_as_nfc_unicode() {
    let out_dir = tempfile::tempdir().unwrap();
    for (file, want) in [
        ("29-tcvn3.yaml", "Hội trường Sở Tài chính tỉnh Lào Cai"),
        ("30-vni.yaml", "Hội trường Sở Tài chính tỉnh Lào Cai"),
        ("43-decomposed-nfd.yaml", "Hội trường Sở Tài chính"),
    ] {
        let out = hoinghi(&corpus_dir())
            .args(["render", "--convert-legacy", "--doc", "bien-ban", "-o"])
            .arg(out_dir.path())
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{file}: {}", transcript(&out));
        let stem = file.trim_end_matches(".yaml");
        let pdf = std::fs::read(out_dir.path().join(stem).join("bien-ban.pdf")).unwrap();
        let text = crate::support::pdf::facts(&pdf).text;
        let squashed = crate::support::pdf::squash(&text);
        assert!(
            squashed.contains(&crate::support::pdf::squash(want)),
            "{file}: {text}"
        );
        use unicode_normalization::UnicodeNormalization;
        let nfc: String = text.nfc().collect();
        assert_eq!(text, nfc);
        assert!(
            !text.chars().any(|c| ('\u{300}'..='\u{323}').contains(&c)),
            "{file}: combining marks"
        );
    }
}
