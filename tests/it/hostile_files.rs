//! Hostile files around the input and the output (issue 21, items A, 2, 3 and 4): a pipe named
//! as a photo, `init --force` aimed at a pipe or a link, linked folders inside the output
//! folder, PNG photos whose colour profile or texts inflate to gigabytes. Each ends soon, in
//! exit code 1 with a Vietnamese message naming the file, leaves what it refused as it was,
//! writes nothing outside `-o`, and never costs more than a fixed amount of memory.

use std::ffi::OsStr;
use std::io::Cursor;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::photos::{meeting_with_photo, png_chunk};
use crate::support::common::{hoinghi, minimal, stderr, write};

/// Longest any of these runs may take.
const WAIT: Duration = Duration::from_secs(30);

/// Most memory a run on a bomb may take, in megabytes (refusing it takes about 30; before,
/// `check` took 280 and `render` 2,000, or aborted).
const MAX_MEGABYTES: u64 = 200;

/// Makes a named pipe at `path`.
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_fifo()
}

/// What one measured run did.
struct Run {
    code: Option<i32>,
    err: String,
    /// Peak memory, when `/usr/bin/time` could measure it.
    megabytes: Option<u64>,
    took: Duration,
}

/// GNU time, which reports the peak memory of the one program it runs. (The test process
/// cannot ask for it itself: a child's `ru_maxrss` counts the memory of the process it was
/// forked from, here the test binary with its PDFs.)
const TIME: &str = "/usr/bin/time";

/// Runs the binary with `args` (Vietnamese messages), killed after [`WAIT`], under
/// [`TIME`] when there is one to measure its peak memory.
fn measured(args: &[&OsStr]) -> Run {
    let err_file = tempfile::NamedTempFile::new().unwrap();
    let memory = tempfile::NamedTempFile::new().unwrap();
    let bin = env!("CARGO_BIN_EXE_hoinghi");
    let timed = Path::new(TIME).is_file();
    let mut command = if timed {
        let mut command = std::process::Command::new(TIME);
        command.args(["-f", "%M", "-o"]).arg(memory.path()).arg(bin);
        command
    } else {
        eprintln!("{TIME} missing: memory not measured");
        std::process::Command::new(bin)
    };
    let mut child = command
        .args(args)
        .env("LANG", "vi_VN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(err_file.reopen().unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > WAIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still running after {WAIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // GNU time writes the kilobytes on the last line (after a line about a non-zero status).
    let kilobytes = std::fs::read_to_string(memory.path()).unwrap_or_default();
    let kilobytes = kilobytes
        .lines()
        .last()
        .and_then(|l| l.trim().parse::<u64>().ok());
    let run = Run {
        code: status.code(),
        err: std::fs::read_to_string(err_file.path()).unwrap(),
        megabytes: kilobytes.filter(|_| timed).map(|kb| kb / 1024),
        took: start.elapsed(),
    };
    eprintln!(
        "{args:?}: exit {:?}, {:?} MB, {:.2?}",
        run.code, run.megabytes, run.took
    );
    run
}

/// Asserts exit code 1 within [`WAIT`] and every one of `words` in the messages.
fn refused(what: &str, code: Option<i32>, err: &str, words: &[&str]) {
    assert_eq!(code, Some(1), "{what}: {err}");
    for w in words {
        assert!(err.contains(w), "{what}: missing {w:?} in:\n{err}");
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_pipe_named_as_a_photo_is_not_a_regular_file() {
    let tmp = tempfile::tempdir().unwrap();
    mkfifo(&tmp.path().join("anh.jpg"));
    let meeting = write(tmp.path(), "hop.yaml", &meeting_with_photo("anh.jpg"));
    let out = tmp.path().join("out");
    let runs = [
        hoinghi().arg("check").arg(&meeting).timeout(WAIT).output(),
        hoinghi()
            .args(["render", "--doc", "bai-tin", "-o"])
            .arg(&out)
            .arg(&meeting)
            .timeout(WAIT)
            .output(),
    ];
    for run in runs {
        let run = run.unwrap();
        let err = stderr(&run);
        let words = ["anh.jpg", "article.photos[0].file", "không phải tệp thường"];
        refused("a pipe as a photo", run.status.code(), &err, &words);
    }
    assert!(is_fifo(&tmp.path().join("anh.jpg")));
}

#[test]
fn init_force_leaves_a_pipe_a_pipe() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("hop.yaml");
    mkfifo(&fifo);
    let run = hoinghi()
        .args(["init", "--force", "-o"])
        .arg(&fifo)
        .timeout(WAIT)
        .output()
        .unwrap();
    let err = stderr(&run);
    let words = ["hop.yaml", "đường ống", "không phải tệp thường"];
    refused("init -o FIFO --force", run.status.code(), &err, &words);
    assert!(is_fifo(&fifo), "the pipe was replaced");
    assert_eq!(names(tmp.path()), ["hop.yaml"], "a temporary file was left");
}

#[test]
fn init_force_leaves_a_link_and_its_file_as_they_were() {
    let tmp = tempfile::tempdir().unwrap();
    let target = write(tmp.path(), "that.yaml", "# mine\n");
    let link = tmp.path().join("hop.yaml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let run = hoinghi()
        .args(["init", "--force", "-o"])
        .arg(&link)
        .timeout(WAIT)
        .output()
        .unwrap();
    let err = stderr(&run);
    let words = ["hop.yaml", "liên kết", "không phải tệp thường"];
    refused("init -o LINK --force", run.status.code(), &err, &words);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# mine\n");
}

/// Renders `meeting` (beside it `files`, name and bytes) into `tmp/out` after linking
/// `out/hop/<folder>` to an empty folder outside it; asserts exit 1, the link named, the
/// outside folder still empty and `written` written.
fn linked_output_folder(
    meeting: &str,
    files: &[(&str, &[u8])],
    folder: &str,
    args: &[&str],
    written: &str,
) {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "hop.yaml", meeting);
    for (name, bytes) in files {
        std::fs::write(tmp.path().join(name), bytes).unwrap();
    }
    let (out, elsewhere) = (tmp.path().join("out"), tmp.path().join("elsewhere"));
    std::fs::create_dir_all(out.join("hop")).unwrap();
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("hop").join(folder)).unwrap();
    let run = hoinghi()
        .arg("render")
        .args(args)
        .arg("-o")
        .arg(&out)
        .arg(&file)
        .timeout(WAIT)
        .output()
        .unwrap();
    let err = stderr(&run);
    let named = format!("hop/{folder}");
    let words = [named.as_str(), "liên kết", "ra ngoài thư mục kết quả"];
    refused(folder, run.status.code(), &err, &words);
    assert_eq!(
        names(&elsewhere),
        Vec::<String>::new(),
        "written through the link"
    );
    assert!(out.join("hop").join(written).is_file(), "{written}: {err}");
}

#[test]
fn a_linked_invitation_folder_is_not_written_through() {
    let meeting = minimal(
        "guests:\n  - name: Lò Văn Páo\n    titles: [Phó Chủ tịch UBND tỉnh]\ninvitation: {}\n",
    );
    let args = ["--doc", "giay-moi"];
    linked_output_folder(&meeting, &[], "giay-moi", &args, "giay-moi.pdf");
}

#[test]
fn a_linked_photo_folder_is_not_written_through() {
    let mut png = Vec::new();
    image::RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 40]))
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let meeting = meeting_with_photo("anh-hop.png");
    let args = ["--doc", "bai-tin", "--format", "html"];
    let files: [(&str, &[u8]); 1] = [("anh-hop.png", &png)];
    linked_output_folder(&meeting, &files, "anh", &args, "bai-tin.html");
}

/// A zlib stream of `mib` mebibytes of zeros, about a thousandth of that in size: one mebibyte
/// compressed and flushed to a byte boundary, repeated (each copy refers back only to zeros).
fn zeros_zlib(mib: usize) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
    };
    let zeros = vec![0u8; 1 << 20];
    let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(9, 0, 0));
    let mut unit = vec![0u8; 64 * 1024];
    let (status, used, len) = compress(&mut compressor, &zeros, &mut unit, TDEFLFlush::Sync);
    assert!(status == TDEFLStatus::Okay && used == zeros.len());
    unit.truncate(len);
    let mut stream = vec![0x78, 0x01];
    for _ in 0..mib {
        stream.extend(&unit);
    }
    stream.extend([0x03, 0x00]); // an empty last block
    let adler = ((((mib as u64) << 20) % 65521) as u32) << 16 | 1;
    stream.extend(adler.to_be_bytes());
    stream
}

/// An 8 × 8 PNG with the chunk `kind` (`prefix`, then a zlib stream inflating to `mib`
/// mebibytes of zeros) after its header.
pub(crate) fn png_bomb(kind: &[u8; 4], prefix: &[u8], mib: usize) -> Vec<u8> {
    let mut png = Vec::new();
    image::RgbImage::from_pixel(8, 8, image::Rgb([10, 200, 90]))
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let mut data = prefix.to_vec();
    data.extend(zeros_zlib(mib));
    let mut chunk = Vec::new();
    png_chunk(&mut chunk, kind, &data);
    // After the signature (8 bytes) and the header chunk (25).
    png.splice(33..33, chunk);
    png
}

/// `check` and `render --doc bai-tin` on a meeting showing `bytes` (named `name`): refused
/// with `words` in the message, soon, in bounded memory, without a PDF.
fn photo_refused(name: &str, bytes: &[u8], words: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(name), bytes).unwrap();
    let meeting = write(tmp.path(), "hop.yaml", &meeting_with_photo(name));
    let out = tmp.path().join("out");
    let check = measured(&["check".as_ref(), meeting.as_os_str()]);
    let render = measured(&[
        "render".as_ref(),
        "--doc".as_ref(),
        "bai-tin".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        meeting.as_os_str(),
    ]);
    for (what, run) in [("check", check), ("render", render)] {
        let mut wanted = vec![name, "article.photos[0].file"];
        wanted.extend(words);
        refused(what, run.code, &run.err, &wanted);
        assert!(run.took < WAIT);
        if let Some(megabytes) = run.megabytes {
            assert!(megabytes < MAX_MEGABYTES, "{what} took {megabytes} MB");
        }
    }
    assert!(!out.join("hop/bai-tin.pdf").exists());
}

#[test]
fn a_colour_profile_inflating_to_a_gigabyte_is_refused() {
    // The bomb is what it says: a small one inflates to its size in zeros.
    let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(&zeros_zlib(3)).unwrap();
    assert!(inflated.len() == 3 << 20 && inflated.iter().all(|&b| b == 0));
    let png = png_bomb(b"iCCP", b"icc\0\0", 1024);
    assert!(png.len() < 2 << 20, "{} bytes", png.len());
    photo_refused("bom.png", &png, &["iCCP", "hồ sơ màu"]);
}

#[test]
fn a_text_inflating_to_a_gigabyte_is_refused() {
    let png = png_bomb(b"zTXt", b"Comment\0\0", 1024);
    photo_refused("bom.png", &png, &["zTXt"]);
}

/// A WebP whose colour profile chunk claims 4 GiB in a 200-byte file: Typst asked the system
/// for the 4 GiB at once (an abort wherever memory is limited).
#[test]
fn a_webp_chunk_claiming_more_than_the_file_is_refused() {
    let mut lossless = Vec::new();
    image::RgbaImage::from_pixel(40, 30, image::Rgba([200, 120, 40, 255]))
        .write_to(&mut Cursor::new(&mut lossless), image::ImageFormat::WebP)
        .unwrap();
    // The extended form: VP8X (canvas 40 × 30, ICC flag), the image, then the claiming ICCP.
    let mut body = b"WEBPVP8X".to_vec();
    body.extend(10u32.to_le_bytes());
    body.extend([0x20, 0, 0, 0, 39, 0, 0, 29, 0, 0]);
    body.extend(&lossless[12..]);
    body.extend(b"ICCP");
    body.extend(0xFFFF_FF00u32.to_le_bytes());
    body.extend([0; 64]);
    let mut webp = b"RIFF".to_vec();
    webp.extend((body.len() as u32).to_le_bytes());
    webp.extend(body);
    photo_refused("anh.webp", &webp, &["ICCP", "4294967040", "bị hỏng"]);
}
