//! `hoinghi render`: every meeting file to its documents under `OUT/<file stem>/`, one file
//! after another, with every message a clerk needs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hoinghi::supervise::ChildReport;
use hoinghi::{Engine, Writer, text};

use crate::args::RenderArgs;
use crate::config::Config;
use crate::console::{Console, to_stdout};
use crate::exit::{Failure, Outcome, failed_if};
use crate::supervise::{Options, Supervisor};

/// Runs the command: each file in-process, or in a watched child process when the templates
/// are an office's own (`--templates`).
pub fn run(args: &RenderArgs, console: &mut Console) -> Outcome {
    refuse_shared_stems(&args.files)?;
    let config = Config::publish(&args.input, &args.typeset, &args.publish, args.emit_typst)
        .map_err(Failure::Usage)?;
    let child = args.supervised || args.report_json;
    if !child && let Some(supervisor) = Supervisor::new(&options(args, console))? {
        // Checks the template folder (a usage error); the children print their own notes.
        Engine::new(config.settings.clone()).map_err(Failure::Usage)?;
        Writer::new(&args.out, config.write).remove_stale_parts();
        let mut failed = false;
        for file in &args.files {
            failed |= supervisor.render(file, &args.out, console);
        }
        return failed_if(failed);
    }
    let engine = config.engine(console)?;
    let writer = Writer::new(&args.out, config.write);
    if !child {
        // A supervised child's siblings may be writing beside it: its parent cleans up.
        writer.remove_stale_parts();
    }
    let mut failed = false;
    for file in &args.files {
        let mut request = config.request(file);
        if let Some(ident) = &args.ident {
            request.ident.clone_from(ident);
        }
        let (report, written) = writer.render(&engine, file, &request);
        console.report(&report);
        console.written(&written);
        failed |= report.failed() || !written.ok();
        if args.report_json {
            let json = ChildReport::new(&report, &written, console.lang);
            to_stdout(&format!(
                "{}\n",
                serde_json::to_string(&json).unwrap_or_default()
            ))?;
        }
    }
    failed_if(failed)
}

/// What a child of `render` is asked to make.
fn options<'a>(args: &'a RenderArgs, console: &Console) -> Options<'a> {
    Options {
        typeset: &args.typeset,
        input: &args.input,
        publish: Some(&args.publish),
        emit_typst: args.emit_typst,
        lang: console.lang,
    }
}

/// Two input files with one stem would write to one folder: refuse before writing anything.
fn refuse_shared_stems(files: &[PathBuf]) -> Outcome {
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for file in files {
        let stem = hoinghi::write::stem(file);
        if let Some(first) = seen.get(&stem) {
            let (a, b) = (first.display(), file.display());
            return Err(Failure::Usage(text!(
                "lỗi: {a} và {b} cùng tên \"{stem}\", kết quả sẽ ghi đè lên nhau; không ghi tệp nào",
                "error: {a} and {b} share the name \"{stem}\" and would overwrite each other; nothing written"
            )));
        }
        seen.insert(stem, file);
    }
    Ok(())
}
