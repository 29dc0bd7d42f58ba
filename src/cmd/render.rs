//! `hoinghi render`: every meeting file to its PDFs under `OUT/<file stem>/<kind>.pdf`, one
//! file after another, with every message a clerk needs. A thin layer over
//! [`Engine::render_file`].

use std::collections::HashMap;
use std::path::Path;

use hoinghi::output;
use hoinghi::text;

use super::{Console, FAILED, OK, USAGE};
use crate::cli::RenderArgs;

/// Runs the command.
pub fn run(args: &RenderArgs, out: &mut Console) -> u8 {
    if let Some(code) = duplicate_stems(args, out) {
        return code;
    }
    if !super::check_publish_args(&args.publish, out) {
        return USAGE;
    }
    let settings = super::typeset_settings(&args.input, &args.typeset);
    let Some(engine) = super::engine(settings, out) else {
        return USAGE;
    };
    output::remove_stale_parts(&args.out);
    let requested = super::requested_kinds(&args.input.doc);
    let options = super::write_options(&args.publish, args.emit_typst, true);
    let mut failed = false;
    for file in &args.files {
        let request = super::request_for(file, requested.clone(), &args.publish, args.emit_typst);
        let report = engine.render_file(file, &request);
        super::print_problems(out, &report);
        if !report.errors.is_empty() && report.documents.is_empty() && report.web.is_none() {
            let name = file.display();
            out.note(&text!(
                "{name}: không soạn văn bản nào vì tệp có lỗi",
                "{name}: nothing written because the file has errors"
            ));
        }
        let dir = output::meeting_dir(&args.out, file);
        let written = super::write_documents(&engine, &report, &args.out, &dir, options, out);
        failed |= report.failed() || !written;
        // Typst's caches keep each meeting's layouts otherwise: memory stays flat over many files.
        comemo::evict(2);
    }
    if failed { FAILED } else { OK }
}

/// Two input files with one stem would write to one folder: refuse before writing anything.
fn duplicate_stems(args: &RenderArgs, out: &mut Console) -> Option<u8> {
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for file in &args.files {
        let stem = output::stem(file);
        if let Some(first) = seen.get(&stem) {
            let (a, b) = (first.display(), file.display());
            out.note(&text!(
                "lỗi: {a} và {b} cùng tên \"{stem}\", kết quả sẽ ghi đè lên nhau; không ghi tệp nào",
                "error: {a} and {b} share the name \"{stem}\" and would overwrite each other; nothing written"
            ));
            return Some(USAGE);
        }
        seen.insert(stem, file);
    }
    None
}
