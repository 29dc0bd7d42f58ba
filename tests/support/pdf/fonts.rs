//! The fonts of a PDF page as the layout needs them: names, code lengths, advance widths,
//! descent and ToUnicode maps; and the small lopdf helpers the reader shares.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::text::to_unicode;

/// `o`, or the object it refers to.
pub(super) fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

/// The value of `key` in `dict`, dereferenced.
pub(super) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

/// An integer or real as a number.
pub(super) fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// What the layout needs of a font: its name, code length, advance widths, descent and
/// ToUnicode map.
pub(super) struct Font {
    /// `BaseFont`, subset tag included (`ABCDEF+LiberationSerif-Bold`).
    pub(super) name: String,
    /// Bytes per character code: 2 for a Type0 font, 1 for a simple font.
    pub(super) code_len: usize,
    /// Advance per code, in glyph space units.
    pub(super) widths: HashMap<u32, f64>,
    /// Advance of a code missing from `widths`.
    pub(super) default_width: f64,
    /// Glyph space to text space: 1/1000, or the `FontMatrix` of a Type3 font.
    pub(super) scale: f64,
    /// Descent in text space units per point of font size (negative or 0).
    pub(super) descent: f64,
    pub(super) unicode: HashMap<Vec<u8>, String>,
}

/// The `Descent` of the font descriptor of `d`, per point of font size (negative or 0).
fn descent_of(doc: &Document, d: &Dictionary) -> f64 {
    get(doc, d, b"FontDescriptor")
        .and_then(|o| o.as_dict().ok())
        .and_then(|fd| get(doc, fd, b"Descent"))
        .and_then(num)
        .map_or(0.0, |v| -v.abs() / 1000.0)
}

/// The widths of a CIDFont's `W` array: `c [w1 w2 …]` and `c_first c_last w` runs.
fn cid_widths(doc: &Document, cid: &Dictionary, default_width: f64) -> HashMap<u32, f64> {
    let mut widths = HashMap::new();
    if let Some(Object::Array(w)) = get(doc, cid, b"W") {
        let w: Vec<&Object> = w.iter().map(|o| deref(doc, o)).collect();
        let mut i = 0;
        while i + 1 < w.len() {
            let first = num(w[i]).unwrap_or(0.0) as u32;
            if let Object::Array(list) = w[i + 1] {
                for (k, v) in list.iter().enumerate() {
                    let v = num(deref(doc, v)).unwrap_or(default_width);
                    widths.insert(first + k as u32, v);
                }
                i += 2;
            } else if i + 2 < w.len() {
                let last = num(w[i + 1]).unwrap_or(0.0) as u32;
                let v = num(w[i + 2]).unwrap_or(default_width);
                for c in first..=last {
                    widths.insert(c, v);
                }
                i += 3;
            } else {
                break;
            }
        }
    }
    widths
}

impl Font {
    pub(super) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let name = get(doc, dict, b"BaseFont")
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let subtype = get(doc, dict, b"Subtype").and_then(|o| o.as_name().ok());
        let unicode = to_unicode(doc, dict);
        if subtype == Some(b"Type0".as_slice()) {
            Font::load_type0(doc, dict, name, unicode)
        } else {
            Font::load_simple(doc, dict, subtype, name, unicode)
        }
    }

    /// A composite font: two-byte codes, widths from its descendant CIDFont's `W` array.
    fn load_type0(
        doc: &Document,
        dict: &Dictionary,
        name: String,
        unicode: HashMap<Vec<u8>, String>,
    ) -> Font {
        let cid = get(doc, dict, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok());
        let Some(cid) = cid else {
            return Font {
                name,
                code_len: 2,
                widths: HashMap::new(),
                default_width: 1000.0,
                scale: 0.001,
                descent: 0.0,
                unicode,
            };
        };
        let default_width = get(doc, cid, b"DW").and_then(num).unwrap_or(1000.0);
        Font {
            name,
            code_len: 2,
            widths: cid_widths(doc, cid, default_width),
            default_width,
            scale: 0.001,
            descent: descent_of(doc, cid),
            unicode,
        }
    }

    /// A simple font (TrueType, Type1, Type3): one-byte codes, `FirstChar` and `Widths`.
    fn load_simple(
        doc: &Document,
        dict: &Dictionary,
        subtype: Option<&[u8]>,
        name: String,
        unicode: HashMap<Vec<u8>, String>,
    ) -> Font {
        let mut widths = HashMap::new();
        let first = get(doc, dict, b"FirstChar").and_then(num).unwrap_or(0.0) as u32;
        if let Some(Object::Array(w)) = get(doc, dict, b"Widths") {
            for (k, v) in w.iter().enumerate() {
                widths.insert(first + k as u32, num(deref(doc, v)).unwrap_or(0.0));
            }
        }
        let default_width = get(doc, dict, b"FontDescriptor")
            .and_then(|o| o.as_dict().ok())
            .and_then(|fd| get(doc, fd, b"MissingWidth"))
            .and_then(num)
            .unwrap_or(0.0);
        let scale = match (subtype, get(doc, dict, b"FontMatrix")) {
            (Some(b"Type3"), Some(Object::Array(m))) => m.first().and_then(num).unwrap_or(0.001),
            _ => 0.001,
        };
        Font {
            name,
            code_len: 1,
            widths,
            default_width,
            scale,
            descent: descent_of(doc, dict),
            unicode,
        }
    }

    pub(super) fn advance(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }
}
