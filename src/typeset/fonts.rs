//! Fonts: Liberation Serif embedded in the binary (loaded once per process), and Times New
//! Roman from the system only when asked for and present.

use std::sync::{Arc, OnceLock};

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

/// The embedded family.
pub const EMBEDDED_FAMILY: &str = "Liberation Serif";
/// The family used with `--system-fonts` when it is installed.
pub const SYSTEM_FAMILY: &str = "Times New Roman";

const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// A font store and the family the documents are set in.
pub struct Fonts {
    /// The fonts Typst may use.
    pub store: FontStore,
    /// The family templates name.
    pub family: String,
    /// Fonts of that family, for glyph checks.
    faces: Vec<Font>,
}

impl Fonts {
    /// The embedded fonts, shared by every document of the process.
    pub fn embedded() -> Arc<Fonts> {
        static FONTS: OnceLock<Arc<Fonts>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                let mut store = FontStore::new();
                let mut faces = Vec::new();
                for data in EMBEDDED {
                    for font in Font::iter(Bytes::new(data)) {
                        faces.push(font.clone());
                        let info = font.info().clone();
                        store.push((font, info));
                    }
                }
                Arc::new(Fonts {
                    store,
                    family: EMBEDDED_FAMILY.to_owned(),
                    faces,
                })
            })
            .clone()
    }

    /// Times New Roman from the system when installed; `None` when it is not.
    pub fn system_times() -> Option<Arc<Fonts>> {
        let mut store = FontStore::new();
        let mut faces = Vec::new();
        for (path, info) in typst_kit::fonts::system() {
            if info.family.eq_ignore_ascii_case(SYSTEM_FAMILY) {
                let Ok(data) = std::fs::read(&path.path) else {
                    continue;
                };
                if let Some(font) = Font::new(Bytes::new(data), path.index) {
                    faces.push(font.clone());
                    store.push((font, info));
                }
            }
        }
        if faces.is_empty() {
            return None;
        }
        Some(Arc::new(Fonts {
            store,
            family: SYSTEM_FAMILY.to_owned(),
            faces,
        }))
    }

    /// Whether every face of the family has a glyph for `c` (whitespace always passes).
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace()
            || c.is_control()
            || self
                .faces
                .iter()
                .all(|f| f.info().coverage.contains(c as u32))
    }
}
