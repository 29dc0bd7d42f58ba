//! `hoinghi render`: every meeting file to its PDFs under `OUT/<file stem>/<kind>.pdf`.

use std::collections::HashMap;
use std::path::Path;

use hoinghi::kind::DocKind;
use hoinghi::output;
use hoinghi::pipeline::{DocError, Engine, Prepared};
use hoinghi::text;
use hoinghi::validate;

use super::{Console, FAILED, OK, USAGE};
use crate::cli::RenderArgs;

/// Runs the command.
pub fn run(args: &RenderArgs, out: &mut Console) -> u8 {
    if let Some(code) = duplicate_stems(args, out) {
        return code;
    }
    let mut settings = super::settings(&args.input);
    settings.profile = args.profile;
    settings.templates = args.templates.clone();
    settings.system_fonts = args.system_fonts;
    if let Some(dir) = &args.templates
        && !dir.is_dir()
    {
        let d = dir.display();
        out.note(&text!(
            "lỗi: không có thư mục mẫu {d}",
            "error: the template folder {d} does not exist"
        ));
        return USAGE;
    }
    let engine = match Engine::new(settings) {
        Ok(e) => e,
        Err(e) => {
            out.note(&e.message);
            return FAILED;
        }
    };
    for note in &engine.notes {
        out.note(note);
    }
    let requested = super::requested_kinds(&args.input.doc);
    let mut failed = false;
    for file in &args.files {
        let prepared = match engine.prepare(file) {
            Ok(p) => p,
            Err(rejected) => {
                out.problems(file, rejected.text.as_deref(), &rejected.problems);
                let name = file.display();
                out.note(&text!(
                    "{name}: không soạn văn bản nào vì tệp có lỗi",
                    "{name}: nothing written because the file has errors"
                ));
                failed = true;
                continue;
            }
        };
        out.problems(file, Some(&prepared.text), &prepared.warnings);
        let kinds = match &requested {
            Some(kinds) => {
                let mut ok = Vec::new();
                for &kind in kinds {
                    let mut missing = validate::requirements(&prepared.meeting, kind);
                    if missing.is_empty() {
                        ok.push(kind);
                    } else {
                        hoinghi::load::locate(&mut missing, &prepared.index);
                        out.problems(file, Some(&prepared.text), &missing);
                        failed = true;
                    }
                }
                ok
            }
            None => {
                let (ok, skipped) = engine.available(&prepared);
                for (kind, missing) in skipped {
                    let fields: Vec<String> = missing
                        .iter()
                        .filter_map(|p| p.path.clone())
                        .map(|p| format!("`{p}`"))
                        .collect();
                    let fields = fields.join(", ");
                    let (slug, name) = (kind.slug(), kind.name_vi());
                    let name_en = kind.name_en();
                    out.note(&text!(
                        "{}: bỏ qua {slug} ({name}): tệp không có {fields}",
                        "{}: skipped {slug} ({name_en}): the file has no {fields}",
                        file.display()
                    ));
                }
                ok
            }
        };
        for kind in kinds {
            if !write_document(
                &engine,
                file,
                &prepared,
                kind,
                &args.out,
                args.emit_typst,
                out,
            ) {
                failed = true;
            }
        }
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

fn write_document(
    engine: &Engine,
    file: &Path,
    prepared: &Prepared,
    kind: DocKind,
    out_root: &Path,
    emit_typst: bool,
    out: &mut Console,
) -> bool {
    let dir = output::meeting_dir(out_root, file);
    let ident = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let result = engine.typeset(prepared, kind, &ident);
    if emit_typst {
        let source = match &result {
            Ok(r) => Some(r.source.clone()),
            Err(DocError::Typst(_)) => engine.source(prepared, kind).ok(),
            Err(DocError::Template(_)) => None,
        };
        if let Some(source) = source {
            let typ = dir.join(format!("{}.typ", kind.slug()));
            let lib = dir.join(hoinghi::render::LIBRARY);
            if let Err(e) = output::write_atomic(&typ, source.as_bytes())
                .and_then(|()| output::write_atomic(&lib, engine.library_source().as_bytes()))
            {
                let p = typ.display();
                out.note(&text!(
                    "lỗi: không ghi được {p}: {e}",
                    "error: cannot write {p}: {e}"
                ));
                return false;
            }
        }
    }
    match result {
        Ok(rendered) => {
            for w in &rendered.typeset.warnings {
                out.block(w);
            }
            let path = output::pdf_path(&dir, kind);
            if let Err(e) = output::write_atomic(&path, &rendered.typeset.pdf) {
                let p = path.display();
                out.note(&text!(
                    "lỗi: không ghi được {p}: {e}",
                    "error: cannot write {p}: {e}"
                ));
                return false;
            }
            let pages = rendered.typeset.document.pages().len();
            let ms = rendered.elapsed.as_millis();
            let p = path.display();
            out.note(&text!(
                "đã ghi {p} ({pages} trang, {ms} ms)",
                "wrote {p} ({pages} page(s), {ms} ms)"
            ));
            true
        }
        Err(DocError::Template(e)) => {
            out.note(&e.message);
            false
        }
        Err(DocError::Typst(e)) => {
            let (f, slug) = (file.display(), kind.slug());
            out.note(&text!(
                "{f}: lỗi khi dàn trang {slug}; không ghi tệp PDF này",
                "{f}: typesetting {slug} failed; this PDF was not written"
            ));
            out.block(&e.rendered);
            false
        }
    }
}
