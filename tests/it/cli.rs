//! The command line as a clerk meets it: exit codes, files written or not, messages.

use std::path::Path;

use crate::support::common::{hoinghi, minimal, sample, stderr, write};

#[test]
fn renders_a_sample_and_says_what_it_skipped() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = hoinghi()
        .args(["render", "-o"])
        .arg(out_dir.path())
        .arg(sample("ky-ket-khoi-dang.yaml"))
        .arg("--emit-typst")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = out_dir.path().join("ky-ket-khoi-dang");
    for kind in ["giao-uoc", "bien-ban", "bai-tin"] {
        assert!(
            dir.join(format!("{kind}.pdf")).is_file(),
            "{kind}.pdf missing"
        );
        assert!(
            dir.join(format!("{kind}.typ")).is_file(),
            "{kind}.typ missing"
        );
    }
    assert!(dir.join("hoinghi.typ").is_file());
    assert!(stderr(&out).contains("đã ghi"));
}

#[test]
fn skips_kinds_without_data_and_errors_when_they_are_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(
        tmp.path(),
        "tong-ket.yaml",
        &minimal("secretary: { name: Lò Văn Ữ }\n"),
    );
    let out = hoinghi()
        .args(["render", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    // One line names every kind left out, with what it lacks (a success, not five failures).
    let skipped: Vec<&str> = err.lines().filter(|l| l.contains("chưa soạn")).collect();
    assert_eq!(skipped.len(), 1, "{err}");
    assert!(
        skipped[0].contains("giao-uoc (`commitments`)")
            && skipped[0].contains("bai-tin (`article`)"),
        "{err}"
    );
    assert!(!err.contains("lỗi"), "{err}");
    assert!(tmp.path().join("out/tong-ket/bien-ban.pdf").is_file());
    assert!(!tmp.path().join("out/tong-ket/giao-uoc.pdf").exists());

    let out = hoinghi()
        .args(["render", "--doc", "bai-tin,bien-ban", "-o"])
        .arg(tmp.path().join("out2"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("article") && err.contains("tong-ket.yaml"),
        "{err}"
    );
    assert!(
        tmp.path().join("out2/tong-ket/bien-ban.pdf").is_file(),
        "the other kind is still written"
    );
}

#[test]
fn minutes_without_secretary_name_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "m.yaml", &minimal(""));
    let out = hoinghi()
        .args(["check", "--doc", "bien-ban"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("secretary"), "{}", stderr(&out));
}

#[test]
fn broken_yaml_names_file_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(
        tmp.path(),
        "hong.yaml",
        "bloc:\n  name: Khối\n  place: [Lào Cai\nyear: 2026\n",
    );
    let out = hoinghi()
        .args(["render", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("hong.yaml:"), "{err}");
    assert!(err.contains("YAML"), "{err}");
    assert!(!tmp.path().join("out").exists(), "nothing may be written");
}

#[test]
fn unknown_key_gets_a_suggestion_and_a_position() {
    let tmp = tempfile::tempdir().unwrap();
    let text = minimal("").replace(
        "    signer: { name: Vàng Thị Ỹ, title: Giám đốc }",
        "    signer: { nmae: Vàng Thị Ỹ, name: X, title: Giám đốc }",
    );
    let file = write(tmp.path(), "k.yaml", &text);
    let out = hoinghi().arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("members[1].signer.nmae"), "{err}");
    assert!(err.contains("`name`"), "{err}");
    assert!(err.contains("k.yaml:17:15"), "{err}");
}

#[test]
fn english_messages_on_request_or_from_lang() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(
        tmp.path(),
        "e.yaml",
        &minimal("next_head_unit: Sở Xây dưng\n"),
    );
    let out = hoinghi()
        .args(["--lang", "en", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a member unit"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("did you mean \"Sở Xây dựng\""),
        "{}",
        stderr(&out)
    );
    let out = hoinghi()
        .env("LANG", "en_US.UTF-8")
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    assert!(stderr(&out).contains("is not a member unit"));
    let out = hoinghi().arg("check").arg(&file).output().unwrap();
    assert!(stderr(&out).contains("không phải là đơn vị thành viên"));
}

#[test]
fn a_character_no_font_has_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(
        tmp.path(),
        "g.yaml",
        &minimal("").replace("Hội trường Sở Tài chính", "Hội trường 漢"),
    );
    let out = hoinghi().arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("venue") && err.contains("U+6F22"), "{err}");
}

#[test]
fn duplicate_stems_are_refused_before_writing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("a")).unwrap();
    std::fs::create_dir(tmp.path().join("b")).unwrap();
    let a = write(
        &tmp.path().join("a"),
        "hop.yaml",
        &minimal("secretary: { name: A }\n"),
    );
    let b = write(
        &tmp.path().join("b"),
        "hop.yaml",
        &minimal("secretary: { name: B }\n"),
    );
    let out = hoinghi()
        .args(["render", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("hop"));
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn usage_errors_exit_2() {
    let out = hoinghi().args(["render", "--khong-co"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = hoinghi()
        .args(["render", "--doc", "thu-moi", "x.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = hoinghi().arg("render").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_failing_document_writes_nothing_and_the_others_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    write(
        &templates,
        "bai-tin.typ.j2",
        "#import \"/hoinghi.typ\": *\n#khong-ton-tai()\n",
    );
    let out = hoinghi()
        .args(["render", "-o"])
        .arg(tmp.path().join("out"))
        .arg("--templates")
        .arg(&templates)
        .arg(sample("ky-ket-khoi-dang.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("bai-tin.typ") && err.contains("khong-ton-tai"),
        "{err}"
    );
    assert!(
        err.contains("mau"),
        "the message names the template folder: {err}"
    );
    let dir = tmp.path().join("out/ky-ket-khoi-dang");
    assert!(!dir.join("bai-tin.pdf").exists());
    assert!(dir.join("giao-uoc.pdf").is_file() && dir.join("bien-ban.pdf").is_file());
}

#[test]
fn template_syntax_errors_name_the_template_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    write(&templates, "bien-ban.typ.j2", "dòng một\n{% for x in %}\n");
    let out = hoinghi()
        .args(["render", "--doc", "bien-ban", "-o"])
        .arg(tmp.path().join("out"))
        .arg("--templates")
        .arg(&templates)
        .arg(sample("ky-ket-khoi-dang.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("bien-ban.typ.j2") && err.contains("dòng 2"),
        "{err}"
    );
}

#[test]
fn a_misspelt_variable_in_a_user_template_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    // An office's copy of the minutes with a typo: `chair.nmae` must not print as nothing.
    write(
        &templates,
        "bien-ban.typ.j2",
        "#import \"/hoinghi.typ\": *\n\nChủ trì: {{ chair.name }}\n\nThư ký: {{ chair.nmae }}\n",
    );
    let out = hoinghi()
        .args(["render", "--doc", "bien-ban", "-o"])
        .arg(tmp.path().join("out"))
        .arg("--templates")
        .arg(&templates)
        .arg(sample("ky-ket-khoi-dang.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("bien-ban.typ.j2") && err.contains("dòng 5"),
        "{err}"
    );
    // The misspelt name itself, and what is wrong in Vietnamese.
    assert!(
        err.contains("`chair.nmae`") && err.contains("giá trị chưa có"),
        "{err}"
    );
    assert!(
        !tmp.path()
            .join("out/ky-ket-khoi-dang/bien-ban.pdf")
            .exists()
    );
}

#[test]
fn an_office_changes_a_sentence_of_the_article_by_copying_its_template() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    write(
        &templates,
        "bai-tin.txt.j2",
        "Tin riêng của văn phòng {{ bloc_name }}\n\n{{ when.time_of_day }} {{ when.date_short }}, hội nghị đã diễn ra.\n\nĐoạn viết lại theo mẫu của văn phòng.\n",
    );
    let out = hoinghi()
        .args(["render", "--doc", "bai-tin", "--emit-typst", "-o"])
        .arg(tmp.path().join("out"))
        .arg("--templates")
        .arg(&templates)
        .arg(sample("ky-ket-khoi-dang.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let source =
        std::fs::read_to_string(tmp.path().join("out/ky-ket-khoi-dang/bai-tin.typ")).unwrap();
    assert!(
        source.contains("Đoạn viết lại theo mẫu của văn phòng"),
        "{source}"
    );
}

#[test]
fn the_documented_json_schema_is_the_current_one() {
    let out = hoinghi().arg("schema").output().unwrap();
    let documented =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/meeting.schema.json"))
            .unwrap();
    assert!(
        out.stdout == documented,
        "docs/meeting.schema.json is stale: run `hoinghi schema > docs/meeting.schema.json`"
    );
}

#[test]
fn schema_is_json_with_the_fields() {
    let out = hoinghi().arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["bloc", "members", "votes", "article"] {
        assert!(schema["properties"].get(key).is_some(), "{key}");
    }
}

/// Printing to a full disk is said in words and fails (exit 1); a reader that stops early
/// (`hoinghi schema | true`) is not an error. Neither panics (exit 101 before).
#[test]
fn printing_to_a_full_disk_or_a_closed_pipe_never_panics() {
    let bin = env!("CARGO_BIN_EXE_hoinghi");
    for command in ["schema", "list", "init"] {
        let full = std::process::Command::new(bin)
            .arg(command)
            .env("LANG", "vi_VN.UTF-8")
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&full.stderr);
        assert_eq!(full.status.code(), Some(1), "{command}: {err}");
        assert!(err.contains("không in được"), "{command}: {err}");
        // The reading end closed before anything is written.
        let mut child = std::process::Command::new(bin)
            .arg(command)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let closed = child.wait_with_output().unwrap();
        assert_eq!(
            closed.status.code(),
            Some(0),
            "{command}: {}",
            String::from_utf8_lossy(&closed.stderr)
        );
    }
}
