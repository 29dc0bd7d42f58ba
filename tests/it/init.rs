//! `hoinghi init` (starter meeting files) and `hoinghi list` (the document kinds): the starter
//! files pass `check` and render as written, are commented in Vietnamese, and never overwrite a
//! clerk's file without `--force`.

use std::path::Path;

use crate::support::common::{hoinghi, stderr};

/// Each kind of starter file, the `--doc` list it must satisfy, and the PDFs it must render.
const KINDS: [(&str, &str, &[&str]); 3] = [
    (
        "ky-ket",
        "giao-uoc,bien-ban,bai-tin,giay-moi,chuong-trinh,danh-sach",
        &[
            "giao-uoc",
            "bien-ban",
            "bai-tin",
            "giay-moi",
            "chuong-trinh",
            "danh-sach",
        ],
    ),
    (
        "tong-ket",
        "bien-ban,bai-tin,giay-moi,chuong-trinh,danh-sach,bien-ban-kiem-phieu,to-trinh",
        &[
            "bien-ban",
            "bai-tin",
            "giay-moi",
            "chuong-trinh",
            "danh-sach",
            "bien-ban-kiem-phieu",
            "to-trinh",
        ],
    ),
    (
        "phat-dong",
        "giao-uoc,bien-ban,bai-tin,giay-moi,chuong-trinh,danh-sach",
        &[
            "giao-uoc",
            "bien-ban",
            "bai-tin",
            "giay-moi",
            "chuong-trinh",
            "danh-sach",
        ],
    ),
];

/// Runs `hoinghi init --kind KIND -o FILE`, asserting it succeeds; returns the text written.
fn init_to(kind: &str, file: &Path) -> String {
    let out = hoinghi()
        .args(["init", "--kind", kind, "-o"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        out.stdout.is_empty(),
        "with -o nothing goes to standard output"
    );
    let err = stderr(&out);
    assert!(
        err.contains("đã ghi") && err.contains("m.yaml") && err.contains("hoinghi check"),
        "{err}"
    );
    std::fs::read_to_string(file).unwrap()
}

#[test]
fn every_starter_file_checks_and_renders_as_written() {
    for (kind, docs, pdfs) in KINDS {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("m.yaml");
        let text = init_to(kind, &file);
        assert!(
            text.contains(&format!("hoinghi init --kind {kind}")),
            "{kind}"
        );

        let out = hoinghi()
            .args(["check", "--doc", docs])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{kind}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("hợp lệ (0 cảnh báo)"),
            "{kind}: a starter file draws no warning: {}",
            stderr(&out)
        );

        let out_dir = tmp.path().join("out");
        let out = hoinghi()
            .arg("render")
            .arg(&file)
            .arg("-o")
            .arg(&out_dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{kind}: {}", stderr(&out));
        for pdf in pdfs {
            let path = out_dir.join("m").join(format!("{pdf}.pdf"));
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{kind}: {} missing: {e}", path.display()));
            assert!(bytes.starts_with(b"%PDF"), "{kind}: {pdf}.pdf is not a PDF");
        }
    }
}

#[test]
fn starter_files_are_commented_in_vietnamese_with_places_to_fill() {
    for (kind, _, _) in KINDS {
        let tmp = tempfile::tempdir().unwrap();
        let text = init_to(kind, &tmp.path().join("m.yaml"));
        let marks = text.matches("# ← điền").count();
        assert!(marks >= 20, "{kind}: only {marks} places marked to fill");
        for needle in [
            "# ← điền tên đơn vị",
            "# ← điền họ tên người chủ trì",
            "# ← điền ngày họp",
            "Thụt lề bằng dấu cách",
            "Giờ luôn đặt trong ngoặc kép",
            "hoinghi render",
        ] {
            assert!(text.contains(needle), "{kind}: no `{needle}`");
        }
        // Every line that holds a value is a real field, not commented out: the clerk edits
        // values, and the marks sit at the end of the lines that hold them.
        for line in text.lines().filter(|l| l.contains("← điền")) {
            let before = line.split('#').next().unwrap();
            assert!(
                !before.trim().is_empty() || line.trim_start().starts_with("#   "),
                "{kind}: a mark on a line without a value: {line}"
            );
        }
    }
}

#[test]
fn starter_files_differ_by_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let ky_ket = init_to("ky-ket", &tmp.path().join("a/m.yaml"));
    let tong_ket = init_to("tong-ket", &tmp.path().join("b/m.yaml"));
    let phat_dong = init_to("phat-dong", &tmp.path().join("c/m.yaml"));
    assert!(ky_ket.contains("activities: [sign]") && ky_ket.contains("commitments:"));
    assert!(ky_ket.contains("agreement:") && ky_ket.contains("byline:"));
    assert!(tong_ket.contains("activities: [review]") && !tong_ket.contains("\ncommitments:"));
    for field in [
        "votes:",
        "choose:",
        "elected:",
        "awards:",
        "next_head_unit:",
        "conclusions:",
        "proceedings:",
        "secretary:",
        "end_time:",
    ] {
        assert!(tong_ket.contains(field), "tong-ket: no `{field}`");
    }
    assert!(phat_dong.contains("activities: [launch, sign]"));
}

#[test]
fn init_without_a_file_prints_the_signing_conference() {
    let out = hoinghi().arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("activities: [sign]"), "{text}");
    assert!(text.contains("# ← điền"));

    let tmp = tempfile::tempdir().unwrap();
    let written = init_to("ky-ket", &tmp.path().join("m.yaml"));
    assert_eq!(text, written, "standard output and -o write the same file");

    let out = hoinghi()
        .args(["init", "--kind", "tong-ket"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("activities: [review]"));
}

#[test]
fn init_refuses_to_overwrite_a_file_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("hoi-nghi.yaml");
    std::fs::write(&file, "bản của văn thư\n").unwrap();

    let out = hoinghi().args(["init", "-o"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("lỗi:"), "Vietnamese first: {err}");
    assert!(
        err.contains("hoi-nghi.yaml") && err.contains("đã có") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "bản của văn thư\n");
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "nothing else left behind: {names:?}");

    let out = hoinghi()
        .args(["--lang", "en", "init", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));

    let out = hoinghi()
        .args(["init", "--kind", "phat-dong", "--force", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("activities: [launch, sign]"), "{text}");
}

#[test]
fn init_refuses_a_folder_as_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    for force in [false, true] {
        let mut cmd = hoinghi();
        cmd.args(["init", "-o"]).arg(tmp.path());
        if force {
            cmd.arg("--force");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("thư mục"), "{}", stderr(&out));
    }
    assert!(tmp.path().is_dir());
}

#[test]
fn init_rejects_an_unknown_kind() {
    let out = hoinghi()
        .args(["init", "--kind", "hop-mat"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn list_prints_each_kind_with_its_name() {
    let out = hoinghi().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for (slug, name) in [
        ("giao-uoc", "bản giao ước thi đua"),
        ("bien-ban", "biên bản hội nghị"),
        ("bai-tin", "bài tin"),
    ] {
        let line = lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(slug))
            .unwrap_or_else(|| panic!("no line for {slug}: {text}"));
        assert!(line.starts_with(slug) && line.ends_with(name), "{line}");
    }
    assert_eq!(
        lines.len(),
        crate::support::api::DocKind::ALL.len(),
        "{text}"
    );

    let out = hoinghi().args(["--lang", "en", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("giao-uoc") && l.ends_with("pledge agreement")),
        "{text}"
    );

    let out = hoinghi()
        .arg("list")
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("minutes"), "{text}");
}
