//! Every call the tests make into hoinghi's library beyond `hoinghi::model`: an engine, a
//! file's checks, the documents it has the data for, typesetting one, a prepared meeting with
//! an edited meeting, the loader. The library's API is changing; this is the one place to
//! adapt.

use std::path::Path;

pub use hoinghi::kind::DocKind;
use hoinghi::load::{LoadOptions, decode, load_str};
use hoinghi::model::{Meeting, Profile};
pub use hoinghi::pipeline::{Engine, Prepared};
use hoinghi::pipeline::{Rejected, Settings};
pub use hoinghi::typeset::Typeset;

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
    &prepared.meeting
}

/// The field paths of a prepared file's warnings (`None` for a warning without one).
pub fn warning_paths(prepared: &Prepared) -> Vec<Option<String>> {
    prepared.warnings.iter().map(|w| w.path.clone()).collect()
}

/// `base` with `meeting` in place of its own (no new checks).
pub fn with_meeting(base: &Prepared, meeting: Meeting) -> Prepared {
    Prepared {
        meeting,
        schedule: base.schedule,
        dir: base.dir.clone(),
        text: String::new(),
        index: Default::default(),
        warnings: Vec::new(),
    }
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
        .map(|rendered| rendered.typeset)
        .map_err(|e| e.to_string())
}

/// Loads YAML text with the default options: the field paths of its problems on failure.
pub fn load_text(text: &str) -> Result<(), Vec<Option<String>>> {
    load_str(text, &LoadOptions::default())
        .map(|_| ())
        .map_err(|problems| problems.into_iter().map(|p| p.path).collect())
}

/// Decodes bytes as UTF-8/UTF-16 (`Auto`) and as CP1258; whether each succeeded.
pub fn decode_both(bytes: &[u8]) -> (bool, bool) {
    (
        decode::decode(bytes, decode::Encoding::Auto).is_ok(),
        decode::decode(bytes, decode::Encoding::Cp1258).is_ok(),
    )
}
