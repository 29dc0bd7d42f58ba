//! Hostile and oversized input: endless devices, pipes, control characters aimed at the
//! terminal, megabyte fields, huge lists. Each must end in exit code 1 with a message naming
//! what is wrong, soon, and never in a panic, a hang or gigabytes of memory.

use std::io::Write;
use std::path::Path;
use std::process::Output;
use std::time::Instant;

use crate::support::common::{hoinghi, minimal, stderr, write};

/// Runs `check` on `file`, prints how long it took, and returns the output.
fn check(what: &str, file: &Path) -> Output {
    let start = Instant::now();
    let out = hoinghi().arg("check").arg(file).output().unwrap();
    eprintln!("{what}: check took {:.2?}", start.elapsed());
    out
}

/// Asserts exit code 1 and that the messages contain every one of `wanted`.
fn refused(out: &Output, wanted: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for w in wanted {
        assert!(err.contains(w), "missing {w:?} in:\n{err}");
    }
}

/// Only regular files are read as meetings (issue 21, item A): an endless device is refused
/// before a byte is read, at once.
#[test]
fn dev_zero_is_refused_as_not_a_regular_file() {
    let start = Instant::now();
    let out = check("/dev/zero", Path::new("/dev/zero"));
    refused(&out, &["không phải tệp thường", "/dev/zero"]);
    assert!(start.elapsed().as_secs() < 30);
}

/// A pipe that holds data is refused too, without reading it: the data stay in the pipe.
#[test]
fn a_pipe_with_data_is_refused_as_not_a_regular_file() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("ong.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Read-write: opens at once on Linux, and keeps a writer so the data stay readable.
    let mut pipe = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    let data = minimal("");
    pipe.write_all(data.as_bytes()).unwrap();
    let start = Instant::now();
    let out = hoinghi()
        .arg("check")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    refused(&out, &["không phải tệp thường", "ong.yaml"]);
    assert!(start.elapsed().as_secs() < 30);
    let mut left = vec![0u8; data.len()];
    std::io::Read::read_exact(&mut pipe, &mut left).unwrap();
    assert_eq!(left, data.as_bytes(), "nothing was read from the pipe");
}

/// A pipe named like a meeting file that nobody writes to is refused at once: opening it used
/// to wait forever for a writer, and hung `check`, `render` and `batch`.
#[test]
fn a_pipe_nobody_writes_to_is_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("treo.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let wait = std::time::Duration::from_secs(30);
    let checked = hoinghi()
        .arg("check")
        .arg(&fifo)
        .timeout(wait)
        .output()
        .unwrap();
    refused(&checked, &["không phải tệp thường"]);
    let rendered = hoinghi()
        .arg("render")
        .arg(&fifo)
        .arg("-o")
        .arg(tmp.path().join("out"))
        .timeout(wait)
        .output()
        .unwrap();
    refused(&rendered, &["không phải tệp thường"]);
    let batch = hoinghi()
        .arg("batch")
        .arg(tmp.path())
        .arg("-o")
        .arg(tmp.path().join("out-batch"))
        .timeout(wait)
        .output()
        .unwrap();
    refused(&batch, &["treo.yaml"]);
    assert!(tmp.path().join("out-batch/manifest.json").is_file());
}

#[test]
fn a_folder_and_an_empty_device_are_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    refused(&check("a folder", tmp.path()), &["thư mục"]);
    refused(
        &check("/dev/null", Path::new("/dev/null")),
        &["không phải tệp thường"],
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let text = minimal("").replace(
        "venue: Hội trường Sở Tài chính",
        "venue: \"Hội trường\x1b]0;pwned\x07 Sở Tài chính\"\nvenue_typo: \x1b[2J",
    );
    let file = write(tmp.path(), "hop\x1b[31m.yaml", &text);
    let missing = tmp.path().join("khong-co\x1b[31m\x07.yaml");
    let out_dir = tempfile::tempdir().unwrap();
    let runs = [
        hoinghi()
            .arg("check")
            .arg(&file)
            .arg(&missing)
            .output()
            .unwrap(),
        hoinghi()
            .args(["render", "--doc", "bien-ban", "-o"])
            .arg(out_dir.path())
            .arg(&file)
            .arg(&missing)
            .output()
            .unwrap(),
    ];
    for out in &runs {
        let err = stderr(out);
        assert!(
            !out.stderr.iter().any(|&b| b == 0x1b || b == 0x07),
            "a control byte reached stderr:\n{}",
            err.escape_debug()
        );
        // The file names are there, made visible.
        assert!(err.contains("hop\\u{1b}[31m.yaml"), "{err}");
        assert!(err.contains("khong-co\\u{1b}[31m\\u{7}.yaml"), "{err}");
        assert_eq!(out.status.code(), Some(1), "{err}");
    }
}

#[test]
fn a_huge_unit_name_is_refused_naming_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let name = "Sở Tài chính ".repeat(100_000 / 13);
    let text = minimal("").replacen(
        "  - name: Sở Tài chính\n",
        &format!("  - name: {name}\n"),
        1,
    );
    let out = check(
        "a 100,000-character unit name",
        &write(tmp.path(), "ten.yaml", &text),
    );
    refused(&out, &["[members[0].name]", "giới hạn là 2000 ký tự"]);
}

#[test]
fn an_unbreakable_word_is_refused_naming_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let word = "a".repeat(100_000);
    let text = minimal(&format!("conclusions:\n  - \"Hội nghị {word} kết thúc\"\n"));
    let out = check(
        "a 100,000-letter word",
        &write(tmp.path(), "tu.yaml", &text),
    );
    refused(
        &out,
        &[
            "[conclusions[0]]",
            "một từ dài 100000 ký tự không có khoảng trắng",
            "không thể xuống dòng",
        ],
    );
    // 61 letters is already too many for a line; a web address is not a word.
    let text = minimal(&format!(
        "conclusions:\n  - Xem https://thiduakhenthuong.lamdong.gov.vn/tin-tuc/hoi-nghi-ky-ket-giao-uoc-thi-dua-nam-2026\nlegal_bases:\n  - Căn cứ {}\n",
        "ư".repeat(61)
    ));
    let out = check("a 61-letter word", &write(tmp.path(), "tu2.yaml", &text));
    refused(&out, &["[legal_bases[0]]", "một từ dài 61 ký tự"]);
    assert!(
        !stderr(&out).contains("[conclusions[0]]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn two_thousand_members_are_refused_naming_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let mut extra = String::new();
    for i in 0..2_000 {
        extra +=
            &format!("  - name: Sở số {i}\n    signer: {{ name: Giàng Seo Ử, title: Giám đốc }}\n");
    }
    let out = check(
        "2,000 members",
        &write(tmp.path(), "dong.yaml", &minimal(&extra)),
    );
    refused(&out, &["[members]", "2002 mục", "giới hạn là 100"]);
}

#[test]
fn many_plain_nodes_are_too_many_entries_not_an_alias_bomb() {
    let tmp = tempfile::tempdir().unwrap();
    let list = vec!["a"; 250_000].join(", ");
    let text = minimal(&format!("conclusions: [{list}]\n"));
    let out = check("250,000 plain nodes", &write(tmp.path(), "nut.yaml", &text));
    refused(&out, &["tệp có quá nhiều mục", "giới hạn là 50000"]);
    assert!(!stderr(&out).contains("bí danh"), "{}", stderr(&out));
}

/// A meeting of `chars` characters of commitments beside 100 members.
fn large_meeting(chars: usize) -> String {
    let mut extra = String::new();
    for i in 2..100 {
        extra += &format!(
            "  - name: Sở Tài chính và Kế hoạch đầu tư số {i}\n    signer: {{ name: Giàng Seo Ử {i}, title: Giám đốc }}\n"
        );
    }
    extra += "commitments:\n";
    let mut written = 0;
    'sections: for s in 0..30 {
        extra += &format!("  - title: Nội dung giao ước phần {s}\n    items:\n");
        for j in 0..200 {
            let item = format!(
                "Tham mưu kịp thời, chất lượng các văn bản chỉ đạo, điều hành của tỉnh, mục {s}.{j}"
            );
            written += item.chars().count();
            extra += &format!("      - {item}\n");
            if written > chars {
                break 'sections;
            }
        }
    }
    minimal(&extra)
}

/// The largest meeting the limits allow is checked in well under a second's work per 100 KB;
/// one with more text than the whole meeting may hold is refused, naming the field where the
/// total passes the limit.
#[test]
fn the_largest_meeting_is_checked_and_a_larger_one_refused_by_its_total_text() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "lon.yaml", &large_meeting(230_000));
    let out = check("the largest meeting", &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = write(tmp.path(), "qua-lon.yaml", &large_meeting(300_000));
    let out = check("a meeting past the total", &file);
    refused(
        &out,
        &[
            "văn bản của cả cuộc họp dài",
            "giới hạn 250000 ký tự",
            "[commitments[",
        ],
    );
}
