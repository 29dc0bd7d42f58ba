//! `hoinghi render`: every meeting file to its documents under `OUT/<file stem>/`, one file
//! after another, with every message a clerk needs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hoinghi::{Writer, text};

use crate::args::RenderArgs;
use crate::config::Config;
use crate::console::Console;
use crate::exit::{Failure, Outcome, failed_if};

/// Runs the command.
pub fn run(args: &RenderArgs, console: &mut Console) -> Outcome {
    refuse_shared_stems(&args.files)?;
    let config = Config::publish(&args.input, &args.typeset, &args.publish, args.emit_typst)
        .map_err(Failure::Usage)?;
    let engine = config.engine(console)?;
    let writer = Writer::new(&args.out, config.write);
    writer.remove_stale_parts();
    let mut failed = false;
    for file in &args.files {
        let (report, written) = writer.render(&engine, file, &config.request(file));
        console.report(&report);
        console.written(&written);
        failed |= report.failed() || !written.ok();
    }
    failed_if(failed)
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
