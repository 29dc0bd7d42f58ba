//! Hostile article photos (issue 14): files that claim billions of pixels, cut-off JPEGs and
//! text named `.png` are refused by `check` and `render` with exit code 1 and a Vietnamese
//! message naming the photo, its field and its line; the process never aborts and no PDF is
//! written. A small valid photo still renders.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::support::common::{hoinghi, minimal, stderr, write};

/// The minimal meeting of the command-line tests, with an article showing the photo `file`.
pub(crate) fn meeting_with_photo(file: &str) -> String {
    minimal(&format!(
        "article:\n  byline: Lam Hồng\n  photos:\n    - file: {file}\n      caption: Quang cảnh hội nghị\n      credit: Lam Hồng\n"
    ))
}

/// CRC-32 (IEEE), bit by bit.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Appends the chunk `kind` with `data` (length, type, data, CRC) to `out`.
pub(crate) fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

/// A PNG whose header claims `width` × `height` RGB pixels, with a few bytes of data.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter, no interlace
    png_chunk(&mut png, b"IHDR", &ihdr);
    // zlib stream of one stored empty block.
    png_chunk(
        &mut png,
        b"IDAT",
        &[
            0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01,
        ],
    );
    png_chunk(&mut png, b"IEND", &[]);
    png
}

/// A GIF whose screen and only frame claim `side` × `side` pixels.
fn gif_claiming(side: u16) -> Vec<u8> {
    let [lo, hi] = side.to_le_bytes();
    let mut gif = b"GIF89a".to_vec();
    gif.extend([lo, hi, lo, hi, 0x00, 0x00, 0x00]); // screen, no palette
    gif.extend([0x2C, 0, 0, 0, 0, lo, hi, lo, hi, 0x00]); // frame at 0,0
    gif.extend([0x02, 0x02, 0x4C, 0x01, 0x00]); // LZW data
    gif.push(0x3B);
    gif
}

fn small_image() -> image::RgbImage {
    image::RgbImage::from_fn(120, 80, |x, y| {
        image::Rgb([(x * 2) as u8, (y * 3) as u8, ((x + y) % 256) as u8])
    })
}

fn encoded(format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    small_image()
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// Every PDF under `dir`.
fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(pdfs(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            found.push(path);
        }
    }
    found
}

struct Runs {
    check: std::process::Output,
    render: std::process::Output,
    out_dir: PathBuf,
    /// Line of `file:` in the meeting file.
    line: usize,
    _tmp: tempfile::TempDir,
}

/// Writes `bytes` as `photos/<name>` next to a meeting file showing it, then runs `check` and
/// `render --doc bai-tin` on it, timing both.
fn run(name: &str, bytes: &[u8]) -> Runs {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("photos")).unwrap();
    std::fs::write(tmp.path().join("photos").join(name), bytes).unwrap();
    let file = format!("photos/{name}");
    let yaml = meeting_with_photo(&file);
    let line = yaml
        .lines()
        .position(|l| l.trim_start().starts_with("- file:"))
        .unwrap()
        + 1;
    let meeting = tmp.path().join("hop.yaml");
    std::fs::write(&meeting, yaml).unwrap();

    let started = Instant::now();
    let check = hoinghi().arg("check").arg(&meeting).output().unwrap();
    eprintln!("{name}: check took {:?}", started.elapsed());

    let out_dir = tmp.path().join("out");
    let started = Instant::now();
    let render = hoinghi()
        .args(["render", "--doc", "bai-tin", "-o"])
        .arg(&out_dir)
        .arg(&meeting)
        .output()
        .unwrap();
    eprintln!("{name}: render took {:?}", started.elapsed());
    Runs {
        check,
        render,
        out_dir,
        line,
        _tmp: tmp,
    }
}

/// Exit code exactly 1 (not an abort or a signal), the photo, its field and its line named
/// in Vietnamese, with `words` in the message, and no PDF.
fn assert_refused(name: &str, bytes: &[u8], words: &[&str]) {
    let runs = run(name, bytes);
    for (command, out) in [("check", &runs.check), ("render", &runs.render)] {
        let err = stderr(out);
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                out.status.signal(),
                None,
                "{command} {name} was killed by a signal: {err}"
            );
        }
        assert_eq!(out.status.code(), Some(1), "{command} {name}: {err}");
        assert!(err.contains(&format!("photos/{name}")), "{command}: {err}");
        assert!(err.contains("article.photos[0].file"), "{command}: {err}");
        assert!(
            err.contains(&format!("hop.yaml:{}:", runs.line)),
            "{command}: line {} not named: {err}",
            runs.line
        );
        assert!(err.contains("lỗi"), "{command}: not Vietnamese: {err}");
        for word in words {
            assert!(err.contains(word), "{command}: {word:?} missing: {err}");
        }
    }
    assert_eq!(pdfs(&runs.out_dir), Vec::<PathBuf>::new());
}

#[test]
fn a_png_claiming_80000_squared_pixels_is_refused_without_decoding() {
    let png = png_claiming(80_000, 80_000);
    assert_refused(
        "x.png",
        &png,
        &[
            "80000 × 80000",
            "6,4 tỷ",
            "50 triệu điểm ảnh",
            "thu nhỏ ảnh",
        ],
    );
}

#[test]
fn a_tiny_gif_claiming_40000_squared_pixels_is_refused() {
    let gif = gif_claiming(40_000);
    assert!(gif.len() < 40, "{} bytes", gif.len());
    assert_refused("x.gif", &gif, &["40000 × 40000", "1,6 tỷ"]);
}

#[test]
fn a_truncated_jpeg_is_refused() {
    let jpeg = encoded(image::ImageFormat::Jpeg);
    assert_refused(
        "x.jpg",
        &jpeg[..jpeg.len() / 2],
        &["bị hỏng hoặc không đầy đủ"],
    );
}

#[test]
fn text_named_png_is_refused() {
    assert_refused(
        "x.png",
        b"Day khong phai la anh, chi la van ban.\n",
        &["không phải ảnh PNG, JPEG, GIF, WebP hay SVG"],
    );
}

#[test]
fn a_jpeg_named_png_is_refused() {
    let jpeg = encoded(image::ImageFormat::Jpeg);
    assert_refused("x.png", &jpeg, &["là ảnh JPEG", ".jpg"]);
}

#[test]
fn a_small_valid_png_passes_and_renders() {
    let png = encoded(image::ImageFormat::Png);
    let runs = run("ok.png", &png);
    assert_eq!(runs.check.status.code(), Some(0), "{}", stderr(&runs.check));
    assert_eq!(
        runs.render.status.code(),
        Some(0),
        "{}",
        stderr(&runs.render)
    );
    let written = pdfs(&runs.out_dir);
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].ends_with("hop/bai-tin.pdf"), "{written:?}");
}

/// The photos of one meeting are bounded in all: twelve prints of a 9-megapixel photo pass the
/// meeting's 100 million pixels at the twelfth, which is named; the file is decoded once.
#[test]
fn a_meetings_photos_are_bounded_in_pixels_in_all() {
    let tmp = tempfile::tempdir().unwrap();
    let big = image::RgbImage::from_pixel(3000, 3000, image::Rgb([200, 180, 160]));
    big.save(tmp.path().join("lon.png")).unwrap();
    let mut photos = String::from("article:\n  byline: Lam Hồng\n  photos:\n");
    for i in 0..12 {
        photos += &format!(
            "    - file: lon.png\n      caption: Quang cảnh hội nghị {i}\n      credit: Lam Hồng\n"
        );
    }
    let file = write(tmp.path(), "nhieu-anh.yaml", &minimal(&photos));
    let out = hoinghi()
        .arg("check")
        .arg(&file)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("[article.photos[11].file]") && err.contains("giới hạn 100 triệu điểm ảnh"),
        "{err}"
    );
}

/// The quoted paths (`"/…"`) a Typst source reads: its imports and its photos.
fn absolute_paths(source: &str) -> Vec<String> {
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with('/') && s.len() > 1 && !s.contains(char::is_whitespace))
        .map(str::to_owned)
        .collect()
}

/// `--emit-typst` writes sources that compile on their own (issue 22, item 1): every path the
/// emitted `.typ` files read — the library and the article's photos, the originals — lies in
/// the meeting's folder, taken as Typst's root; the web edition's re-encoded photos (`anh/`)
/// are not overwritten by them.
#[test]
fn emitted_sources_find_every_file_they_read_beside_them() {
    let tmp = tempfile::tempdir().unwrap();
    let png = encoded(image::ImageFormat::Png);
    std::fs::create_dir(tmp.path().join("photos")).unwrap();
    std::fs::write(tmp.path().join("photos/a.png"), &png).unwrap();
    std::fs::write(tmp.path().join("photos/b.png"), &png).unwrap();
    let yaml = minimal(
        "article:\n  byline: Lam Hồng\n  photos:\n    - file: photos/a.png\n      caption: Quang cảnh hội nghị\n      credit: Lam Hồng\n    - file: photos/b.png\n      caption: Ký kết\n      credit: Lam Hồng\n",
    );
    let meeting = write(tmp.path(), "hop.yaml", &yaml);
    let out_dir = tmp.path().join("out");
    let out = hoinghi()
        .args(["render", "--doc", "bai-tin", "--emit-typst"])
        .args(["--format", "pdf,html", "-o"])
        .arg(&out_dir)
        .arg(&meeting)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = out_dir.join("hop");
    let source = std::fs::read_to_string(dir.join("bai-tin.typ")).unwrap();
    let paths = absolute_paths(&source);
    let photos: Vec<&String> = paths.iter().filter(|p| p.ends_with(".png")).collect();
    assert_eq!(photos.len(), 2, "{paths:?}\n{source}");
    assert!(paths.iter().any(|p| p == "/hoinghi.typ"), "{paths:?}");
    for path in &paths {
        let file = dir.join(path.trim_start_matches('/'));
        assert!(file.is_file(), "{path} is read by bai-tin.typ but missing");
        if path.ends_with(".png") {
            assert_eq!(
                std::fs::read(&file).unwrap(),
                png,
                "{path}: not the original"
            );
        }
    }
    let library = std::fs::read_to_string(dir.join("hoinghi.typ")).unwrap();
    for path in absolute_paths(&library) {
        assert!(dir.join(path.trim_start_matches('/')).is_file(), "{path}");
    }
    // The web photos keep their own names, re-encoded, and the page names them.
    let html = std::fs::read_to_string(dir.join("bai-tin.html")).unwrap();
    for n in ["1", "2"] {
        let web = std::fs::read_dir(dir.join("anh"))
            .unwrap()
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(&format!("{n}."))
            })
            .unwrap_or_else(|| panic!("anh/{n}.* missing"));
        let name = web.file_name().to_string_lossy().into_owned();
        assert!(html.contains(&format!("anh/{name}")), "{html}");
    }
}
