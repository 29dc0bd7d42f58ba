//! Text segments: the glyphs of a page grouped into runs on one baseline, split at column
//! gaps, as the spec's checker (`shared/tools/format-check.py`) makes them.

use lopdf::Document;
use unicode_normalization::UnicodeNormalization;

use super::MM;
use super::glyphs::{Glyph, page_glyphs};

/// A run of characters on one baseline, split where the horizontal gap between two glyphs
/// exceeds 1.2 em (a column break), as the checker's `segments()` makes them.
#[derive(Clone, Debug, PartialEq)]
pub struct Seg {
    /// The characters, NFC, runs of whitespace collapsed to one space and trimmed; a space
    /// is inserted where two glyphs stand more than 0.15 em apart.
    pub text: String,
    /// Left edge of the first glyph with ink, in points from the left of the page.
    pub x0: f32,
    /// Right edge (origin + advance) of the last glyph with ink.
    pub x1: f32,
    /// Baseline, in points from the TOP of the page downward (the lowest glyph's, if they differ).
    pub baseline: f32,
    /// Font size in points (the largest glyph's).
    pub size: f32,
    /// Every glyph with ink is set in a font whose name contains "bold".
    pub bold: bool,
    /// Every glyph with ink is set in a font whose name contains "italic" or "oblique".
    pub italic: bool,
}

impl Seg {
    /// Horizontal extent.
    pub(super) fn width(&self) -> f32 {
        (self.x1 - self.x0).abs()
    }

    /// A page number: digits only, in the top 20 mm (the checker leaves these out of the text).
    pub(super) fn is_page_number(&self) -> bool {
        !self.text.is_empty()
            && self.text.chars().all(|c| c.is_ascii_digit())
            && self.baseline < 20.0 * MM
    }

    /// Body size: 12.5 to 15.5 pt, as the checker counts running text.
    pub(super) fn is_body_size(&self) -> bool {
        (12.5..=15.5).contains(&self.size)
    }
}

/// A segment under construction, with the box pdfplumber gives it (for the ordering).
struct Built {
    seg: Seg,
    top: f64,
}

/// The checker's `make()`: text with a space wherever two glyphs stand more than 0.15 em
/// apart, and the extent, size and weight of the glyphs with ink.
fn make(cs: &[&Glyph]) -> Built {
    let mut text = String::new();
    let mut last: Option<f64> = None;
    for c in cs {
        if let Some(l) = last
            && c.x0 - l > c.size * 0.15
            && !text.ends_with(' ')
        {
            text.push(' ');
        }
        text.push_str(&c.text);
        last = Some(c.x1);
    }
    let ink: Vec<&Glyph> = {
        let v: Vec<&Glyph> = cs
            .iter()
            .copied()
            .filter(|c| !c.text.trim().is_empty())
            .collect();
        if v.is_empty() { cs.to_vec() } else { v }
    };
    let nfc: String = text.nfc().collect();
    let text = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    let fold = |f: fn(&Glyph) -> f64, max: bool| {
        ink.iter()
            .map(|c| f(c))
            .fold(if max { f64::MIN } else { f64::MAX }, |a, b| {
                if max { a.max(b) } else { a.min(b) }
            })
    };
    let lower = |c: &Glyph| c.font.to_lowercase();
    Built {
        seg: Seg {
            text,
            x0: fold(|c| c.x0, false) as f32,
            x1: fold(|c| c.x1, true) as f32,
            baseline: fold(|c| c.baseline, true) as f32,
            size: fold(|c| c.size, true) as f32,
            bold: ink.iter().all(|c| lower(c).contains("bold")),
            italic: ink.iter().all(|c| {
                let f = lower(c);
                f.contains("italic") || f.contains("oblique")
            }),
        },
        top: fold(|c| c.top, false),
    }
}

/// The checker's `segments()` on one page's glyphs.
fn segments(glyphs: &[Glyph]) -> Vec<Seg> {
    let mut chars: Vec<&Glyph> = glyphs
        .iter()
        .filter(|c| !c.text.trim().is_empty() || c.text == " ")
        .collect();
    chars.sort_by(|a, b| a.bottom.total_cmp(&b.bottom).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<(f64, Vec<&Glyph>)> = Vec::new();
    for ch in chars {
        match rows
            .iter_mut()
            .find(|(bottom, _)| (bottom - ch.bottom).abs() < 0.35 * ch.size.max(1.0))
        {
            Some((_, row)) => row.push(ch),
            None => rows.push((ch.bottom, vec![ch])),
        }
    }
    let mut out = Vec::new();
    for (_, mut row) in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut group = vec![row[0]];
        for c in &row[1..] {
            if c.x0 - group[group.len() - 1].x1 > 1.2 * c.size {
                out.push(make(&group));
                group = vec![c];
            } else {
                group.push(c);
            }
        }
        out.push(make(&group));
    }
    out.retain(|b| !b.seg.text.is_empty());
    out.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.seg.x0.total_cmp(&b.seg.x0)));
    out.into_iter().map(|b| b.seg).collect()
}

/// The text segments of every page of `pdf`, each page's sorted top to bottom (by the top of
/// the glyph boxes, as pdfplumber sorts) then left to right.
pub fn pages(pdf: &[u8]) -> Vec<Vec<Seg>> {
    let doc = Document::load_mem(pdf).expect("a PDF lopdf can read");
    doc.get_pages()
        .into_values()
        .map(|id| segments(&page_glyphs(&doc, id)))
        .collect()
}
