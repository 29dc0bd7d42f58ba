//! Every call the tests make into hoinghi's library beyond `hoinghi::model`: an engine, a
//! file's checks, the documents it has the data for, typesetting one, a prepared meeting with
//! an edited meeting (checked again). The library's API is changing; this is the one place to
//! adapt.

use std::path::Path;

pub use hoinghi::DocKind;
use hoinghi::model::{Meeting, Profile};
pub use hoinghi::{Engine, Prepared};
use hoinghi::{Rejected, Settings};

/// An engine with the default settings, in `profile` (each file's own when `None`).
pub fn engine(profile: Option<Profile>) -> Engine {
    Engine::new(Settings {
        profile,
        ..Settings::default()
    })
    .expect("the built-in templates load")
}

/// Why a file was refused.
#[derive(Debug)]
pub struct Refusal {
    /// The field path of the first error (`members[3].name`), if it has one.
    pub first_error: Option<String>,
    /// Every problem, for a failure message.
    pub problems: String,
}

fn refusal(rejected: Rejected) -> Refusal {
    Refusal {
        first_error: rejected
            .problems
            .iter()
            .find(|p| p.is_error())
            .map(|p| p.path.clone().unwrap_or_default()),
        problems: format!("{:?}", rejected.problems),
    }
}

/// Loads and checks `file` as `render` does.
pub fn prepare(engine: &Engine, file: &Path) -> Result<Prepared, Refusal> {
    engine.prepare(file).map_err(refusal)
}

/// The meeting of a prepared file.
pub fn meeting(prepared: &Prepared) -> &Meeting {
    prepared.meeting()
}

/// The field paths of a prepared file's warnings (`None` for a warning without one).
pub fn warning_paths(prepared: &Prepared) -> Vec<Option<String>> {
    prepared.warnings().iter().map(|w| w.path.clone()).collect()
}

/// `meeting` (an edited copy of `base`'s) checked as a file's would be, its photos looked up
/// in `base`'s folder; a refusal panics with its problems.
pub fn with_meeting(engine: &Engine, base: &Prepared, meeting: Meeting) -> Prepared {
    engine
        .prepare_meeting(meeting, base.dir())
        .unwrap_or_else(|r| panic!("the edited meeting was refused: {:?}", r.problems))
}

/// A typeset document as the tests read it.
pub struct Typeset {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The laid-out pages.
    pub document: typst_layout::PagedDocument,
    /// Each page as a PDF of its own, named (one invitation per page).
    pub parts: Vec<(String, Vec<u8>)>,
    /// Warnings while typesetting, in English.
    pub warnings: Vec<String>,
}

/// The kinds `prepared` has the data for.
pub fn available(engine: &Engine, prepared: &Prepared) -> Vec<DocKind> {
    engine.available(prepared).0
}

/// Renders and typesets one document; the error as text.
pub fn typeset(
    engine: &Engine,
    prepared: &Prepared,
    kind: DocKind,
    ident: &str,
) -> Result<Typeset, String> {
    engine
        .typeset(prepared, kind, ident)
        .map(|rendered| Typeset {
            pdf: rendered.typeset.pdf,
            document: rendered.typeset.document,
            parts: rendered.typeset.parts,
            warnings: rendered.warnings.iter().map(|w| w.en.clone()).collect(),
        })
        .map_err(|e| e.to_string())
}

/// Renders and typesets every document of `kind`: one, or one per secret ballot with
/// `counting.per_ballot`, each with its file stem (`bien-ban-kiem-phieu-2`); the error as text.
pub fn typeset_each(
    engine: &Engine,
    prepared: &Prepared,
    kind: DocKind,
    ident: &str,
) -> Result<Vec<(String, Typeset)>, String> {
    let each = engine
        .typeset_each(prepared, kind, ident)
        .map_err(|e| e.to_string())?;
    Ok(each
        .into_iter()
        .map(|rendered| {
            let stem = rendered.kind.file_stem(rendered.part);
            let typeset = Typeset {
                pdf: rendered.typeset.pdf,
                document: rendered.typeset.document,
                parts: rendered.typeset.parts,
                warnings: rendered.warnings.iter().map(|w| w.en.clone()).collect(),
            };
            (stem, typeset)
        })
        .collect())
}

/// Every document of `kind` (one per secret ballot with `counting.per_ballot`) with its Word
/// file, each with its file stem; the error as text.
pub fn typeset_docx(
    engine: &Engine,
    prepared: &Prepared,
    kind: DocKind,
) -> Result<Vec<(String, Typeset, hoinghi::docx::Docx)>, String> {
    let each = engine
        .typeset_each(prepared, kind, "docx")
        .map_err(|e| e.to_string())?;
    each.into_iter()
        .map(|rendered| {
            let stem = rendered.kind.file_stem(rendered.part);
            let docx = rendered.typeset.docx().map_err(|e| e.en)?;
            let typeset = Typeset {
                pdf: rendered.typeset.pdf,
                document: rendered.typeset.document,
                parts: rendered.typeset.parts,
                warnings: rendered.warnings.iter().map(|w| w.en.clone()).collect(),
            };
            Ok((stem, typeset, docx))
        })
        .collect()
}
