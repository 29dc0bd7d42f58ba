//! `hoinghi check`: load and validate meeting files without typesetting; say what each can
//! make and what the rest lacks.

use std::path::Path;

use hoinghi::{Engine, Prepared, text};

use crate::args::CheckArgs;
use crate::config::Config;
use crate::console::{Console, kinds_lacking};
use crate::exit::{Failure, Outcome, failed_if};

/// Runs the command; done when every file is clean (warnings allowed).
pub fn run(args: &CheckArgs, console: &mut Console) -> Outcome {
    let config = Config::read(&args.input);
    let engine = Engine::new(config.settings.clone()).map_err(Failure::Usage)?;
    let mut failed = false;
    for file in &args.files {
        failed |= !match engine.prepare(file) {
            Ok(prepared) => checked(&engine, &config, file, &prepared, console),
            Err(rejected) => {
                console.problems(file, rejected.text.as_deref(), &rejected.problems);
                let errors = rejected.problems.iter().filter(|p| p.is_error()).count();
                let name = file.display();
                console.note(&text!("{name}: {errors} lỗi", "{name}: {errors} error(s)"));
                false
            }
        };
    }
    failed_if(failed)
}

/// Reports on a file that loaded and passed validation; whether it is clean.
fn checked(
    engine: &Engine,
    config: &Config,
    file: &Path,
    prepared: &Prepared,
    console: &mut Console,
) -> bool {
    let mut problems = prepared.warnings().to_vec();
    if config.kinds.is_some() {
        problems.extend(engine.plan(prepared, config.kinds.as_deref()).missing);
    }
    console.problems(file, Some(prepared.text()), &problems);
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let name = file.display();
    console.note(&if errors > 0 {
        text!(
            "{name}: {errors} lỗi, {warnings} cảnh báo",
            "{name}: {errors} error(s), {warnings} warning(s)"
        )
    } else {
        text!(
            "{name}: hợp lệ ({warnings} cảnh báo)",
            "{name}: valid ({warnings} warning(s))"
        )
    });
    // What `render` (or `--doc all`) would make of it, and what the rest lacks.
    let (can, cannot) = engine.available(prepared);
    // A kind made in several files (one vote-count minutes per ballot) says how many.
    let (can_vi, can_en): (Vec<String>, Vec<String>) = can
        .iter()
        .map(|k| {
            let parts = k.parts_in(prepared.meeting());
            match parts.len() {
                n if parts[0].is_some() => (format!("{k} ({n} tệp)"), format!("{k} ({n} files)")),
                _ => (k.slug().to_owned(), k.slug().to_owned()),
            }
        })
        .unzip();
    let (can_vi, can_en) = (can_vi.join(", "), can_en.join(", "));
    let cannot = kinds_lacking(&cannot);
    let (lack_vi, lack_en) = if cannot.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("; chưa đủ dữ liệu: {cannot}"),
            format!("; lacking data: {cannot}"),
        )
    };
    console.note(&text!(
        "  soạn được: {can_vi}{lack_vi}",
        "  can make: {can_en}{lack_en}"
    ));
    errors == 0
}
