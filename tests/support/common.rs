//! What the command-line tests share: the binary with Vietnamese messages and no colour, the
//! samples, a minimal valid meeting, writing a file, rendering one.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The binary, messages in Vietnamese, no colour.
pub fn hoinghi() -> Command {
    let mut cmd = Command::cargo_bin("hoinghi").unwrap();
    cmd.env("LANG", "vi_VN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    cmd
}

/// A file under `samples/`.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// Every `*.yaml` under `samples/`, sorted (at least three).
pub fn sample_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"),
        &mut files,
    );
    files.sort();
    assert!(files.len() >= 3, "at least three samples");
    files
}

/// A minimal valid meeting, with `extra` appended.
pub fn minimal(extra: &str) -> String {
    format!(
        r#"bloc:
  name: Cụm thi đua các sở, ngành kinh tế
  place: Lào Cai
year: 2026
activities: [review]
date: 2026-12-18
start_time: "08:00"
end_time: "11:00"
venue: Hội trường Sở Tài chính
chair:
  name: Giàng Seo Ử
  title: Giám đốc Sở Tài chính
members:
  - name: Sở Tài chính
    signer: {{ name: Giàng Seo Ử, title: Giám đốc }}
  - name: Sở Xây dựng
    signer: {{ name: Vàng Thị Ỹ, title: Giám đốc }}
{extra}"#
    )
}

/// Writes `text` to `dir/name`.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Standard error as text.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `hoinghi render FILE -o OUT ARGS…`: the meeting's output folder and the process's output.
pub fn render(file: &Path, out: &Path, args: &[&str]) -> (PathBuf, std::process::Output) {
    let output = hoinghi()
        .arg("render")
        .arg(file)
        .arg("-o")
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    (out.join(stem), output)
}
