//! Writes distinct, valid, realistic meeting files for the benchmark (`scripts/bench`) and the
//! batch acceptance scene (`scripts/batch-acceptance`), drawn by the generator the property
//! test uses (`tests/support/meetings/`).
//!
//! ```sh
//! cargo run -q --example gen_meetings -- OUT (--meetings N | --documents N) [--seed S]
//!                                        [--shape bench|whole] [--list]
//! ```
//!
//! Writes `OUT/<town>/<year>/<index>-<bloc>/meeting.yaml`, one folder per meeting, with 1–3
//! photos under `photos/` for about a third of the articles (copies of
//! `samples/phat-dong-ky-ket-anh/photos/`, named after the meeting's index). Meeting `i`
//! depends only on (seed, i), so the first k meetings of a larger set are the same files as a
//! set of k. `--documents N` writes the fewest meetings whose documents reach N. `--shape
//! whole` writes the property test's meetings instead (any size, some deliberately invalid:
//! for measuring how many `hoinghi check` accepts). With `--list`, one JSON line per meeting
//! (`index`, `file`, `documents`, `photos`, `article`); always a last JSON line with
//! `meetings`, `documents`, `photos` and `out`.

#[path = "../tests/support/meetings/mod.rs"]
mod meetings;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use meetings::{Shape, bench_documents, draw, folder, to_yaml};

const HELP: &str = "usage: gen_meetings OUT (--meetings N | --documents N) [--seed S] \
                    [--shape bench|whole] [--list]";

/// What to write.
struct Args {
    out: PathBuf,
    meetings: Option<u64>,
    documents: Option<u64>,
    seed: u64,
    shape: Shape,
    list: bool,
}

fn parse() -> Result<Args, String> {
    let mut args = Args {
        out: PathBuf::new(),
        meetings: None,
        documents: None,
        seed: 14,
        shape: Shape::Bench,
        list: false,
    };
    let mut it = std::env::args().skip(1);
    let number = |v: Option<String>, flag: &str| -> Result<u64, String> {
        v.and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("{flag} needs a whole number"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--meetings" => args.meetings = Some(number(it.next(), "--meetings")?),
            "--documents" => args.documents = Some(number(it.next(), "--documents")?),
            "--seed" => args.seed = number(it.next(), "--seed")?,
            "--shape" => {
                args.shape = match it.next().as_deref() {
                    Some("bench") => Shape::Bench,
                    Some("whole") => Shape::Whole,
                    _ => return Err("--shape is bench or whole".into()),
                }
            }
            "--list" => args.list = true,
            "-h" | "--help" => {
                println!("{HELP}");
                std::process::exit(0);
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if args.out.as_os_str().is_empty() => args.out = PathBuf::from(arg),
            _ => return Err(format!("one output folder, not also {arg}")),
        }
    }
    if args.out.as_os_str().is_empty() || args.meetings.is_some() == args.documents.is_some() {
        return Err(HELP.into());
    }
    Ok(args)
}

/// The sample photos copied beside the meetings, sorted.
fn sample_photos() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/phat-dong-ky-ket-anh/photos");
    let mut photos: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    photos.sort();
    photos
}

/// Writes meeting `index`: (meeting file, documents, photos, has an article).
fn write(
    args: &Args,
    index: u64,
    samples: &[PathBuf],
) -> std::io::Result<(PathBuf, usize, usize, bool)> {
    let mut m = draw(args.shape, args.seed, index);
    let dir = args.out.join(folder(&m, index));
    std::fs::create_dir_all(&dir)?;
    let mut photos = 0;
    if let Some(article) = &mut m.article {
        for (k, photo) in article.photos.iter_mut().enumerate() {
            photo.file = format!("photos/anh-{index:05}-{}.png", k + 1);
            let target = dir.join(&photo.file);
            std::fs::create_dir_all(target.parent().unwrap())?;
            std::fs::copy(&samples[(index as usize + k) % samples.len()], &target)?;
            photos += 1;
        }
    }
    let text = format!(
        "# Cuộc họp sinh tự động để đo hiệu năng (examples/gen_meetings.rs); hư cấu.\n{}",
        to_yaml(&m)
    );
    let file = dir.join("meeting.yaml");
    std::fs::write(&file, text)?;
    Ok((file, bench_documents(&m), photos, m.article.is_some()))
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("gen_meetings: {message}");
            return ExitCode::from(2);
        }
    };
    let samples = sample_photos();
    let (mut meetings, mut documents, mut photos) = (0u64, 0u64, 0u64);
    while args
        .meetings
        .map_or(documents < args.documents.unwrap_or(0), |n| meetings < n)
    {
        let (file, docs, pics, article) = match write(&args, meetings, &samples) {
            Ok(written) => written,
            Err(e) => {
                eprintln!("gen_meetings: {}: {e}", args.out.display());
                return ExitCode::FAILURE;
            }
        };
        if args.list {
            let line = serde_json::json!({
                "index": meetings,
                "file": file,
                "documents": docs,
                "photos": pics,
                "article": article,
            });
            println!("{line}");
        }
        meetings += 1;
        documents += docs as u64;
        photos += pics as u64;
    }
    let summary = serde_json::json!({
        "meetings": meetings,
        "documents": documents,
        "photos": photos,
        "out": args.out,
    });
    println!("{summary}");
    ExitCode::SUCCESS
}
