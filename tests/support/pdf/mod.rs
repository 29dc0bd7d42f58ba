//! Reading PDFs back: their pages, fonts and text, and where the glyphs stand (text segments
//! with position, size and weight, read from the content streams with lopdf), with the
//! typographic measurements the spec's checker (`shared/tools/format-check.py`, pdfplumber)
//! takes on them.

mod cells;
mod fonts;
mod glyphs;
mod measure;
mod names;
mod recipients;
mod segments;
mod text;

pub use cells::broken_compounds;
pub use measure::{body_pitch, numbered_heading, overprints, stranded_headings};
pub use names::broken_names;
pub use recipients::recipients;
pub use segments::{Seg, pages};
pub use text::{facts, layout_text, page_layout_text, page_text_below, squash};

/// One millimetre in points.
const MM: f32 = 72.0 / 25.4;
/// One centimetre in points, as the checker writes it.
const CM: f32 = 28.35;
/// Width of an A4 page in points: every page hoinghi writes is A4.
const A4_WIDTH: f32 = 595.28;
