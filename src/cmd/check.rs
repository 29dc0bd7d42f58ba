//! `hoinghi check`: load and validate meeting files without typesetting.

use hoinghi::pipeline::Engine;

use super::{Console, FAILED, OK};
use crate::cli::CheckArgs;

/// Runs the command; 0 when every file is clean (warnings allowed), 1 otherwise.
pub fn run(args: &CheckArgs, out: &mut Console) -> u8 {
    let engine = match Engine::new(super::settings(&args.input)) {
        Ok(e) => e,
        Err(e) => {
            out.note(&e.message);
            return FAILED;
        }
    };
    let kinds = super::requested_kinds(&args.input.doc);
    let mut failed = false;
    for file in &args.files {
        match engine.prepare(file) {
            Ok(prepared) => {
                let mut problems = prepared.warnings.clone();
                if kinds.is_some() {
                    problems.extend(engine.plan(&prepared, kinds.as_deref()).missing);
                }
                out.problems(file, Some(&prepared.text), &problems);
                let errors = problems.iter().filter(|p| p.is_error()).count();
                let warnings = problems.len() - errors;
                let name = file.display();
                if errors > 0 {
                    failed = true;
                    out.note(&hoinghi::text!(
                        "{name}: {errors} lỗi, {warnings} cảnh báo",
                        "{name}: {errors} error(s), {warnings} warning(s)"
                    ));
                } else {
                    out.note(&hoinghi::text!(
                        "{name}: hợp lệ ({warnings} cảnh báo)",
                        "{name}: valid ({warnings} warning(s))"
                    ));
                }
                // What `render` (or `--doc all`) would make of it, and what the rest lacks.
                let (can, cannot) = engine.available(&prepared);
                let can: Vec<&str> = can.iter().map(|k| k.slug()).collect();
                let cannot: Vec<String> = cannot
                    .iter()
                    .map(|(k, missing)| {
                        format!("{} ({})", k.slug(), super::missing_fields(missing))
                    })
                    .collect();
                let (can, cannot) = (can.join(", "), cannot.join("; "));
                let (lack_vi, lack_en) = if cannot.is_empty() {
                    (String::new(), String::new())
                } else {
                    (
                        format!("; chưa đủ dữ liệu: {cannot}"),
                        format!("; lacking data: {cannot}"),
                    )
                };
                out.note(&hoinghi::text!(
                    "  soạn được: {can}{lack_vi}",
                    "  can make: {can}{lack_en}"
                ));
            }
            Err(rejected) => {
                failed = true;
                out.problems(file, rejected.text.as_deref(), &rejected.problems);
                let errors = rejected.problems.iter().filter(|p| p.is_error()).count();
                let name = file.display();
                out.note(&hoinghi::text!(
                    "{name}: {errors} lỗi",
                    "{name}: {errors} error(s)"
                ));
            }
        }
    }
    if failed { FAILED } else { OK }
}
