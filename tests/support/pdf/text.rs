//! Reading back what hoinghi wrote: PDF pages, fonts and text (lopdf), and the text of a
//! laid-out Typst document.

use std::collections::HashMap;

use lopdf::{Document, Object};
use typst::layout::{Abs, Frame, FrameItem};
use typst_layout::PagedDocument;
use unicode_normalization::UnicodeNormalization;

/// Facts about a PDF.
pub struct PdfFacts {
    /// (width, height) of each page in points.
    pub pages: Vec<(f32, f32)>,
    /// Base names of the fonts, and whether each has an embedded font file.
    pub fonts: Vec<(String, bool)>,
    /// Extracted text of all pages, NFC.
    pub text: String,
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => f32::NAN,
    }
}

/// Reads `bytes` as a PDF.
pub fn facts(bytes: &[u8]) -> PdfFacts {
    let doc = Document::load_mem(bytes).expect("a PDF lopdf can read");
    let mut pages = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let mb = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let v: Vec<f32> = mb.iter().map(number).collect();
        pages.push((v[2] - v[0], v[3] - v[1]));
    }
    let mut fonts = Vec::new();
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
        {
            let name = dict
                .get(b"FontName")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            let embedded =
                dict.has(b"FontFile2") || dict.has(b"FontFile3") || dict.has(b"FontFile");
            fonts.push((name, embedded));
        }
    }
    let mut text = String::new();
    for (_, page) in doc.get_pages() {
        text += &page_text(&doc, page);
    }
    PdfFacts {
        pages,
        fonts,
        text: text.nfc().collect(),
    }
}

/// A font's ToUnicode map: character code (as bytes) → text.
pub fn to_unicode(doc: &Document, font: &lopdf::Dictionary) -> HashMap<Vec<u8>, String> {
    let mut map = HashMap::new();
    let Ok(Object::Reference(id)) = font.get(b"ToUnicode") else {
        return map;
    };
    let Ok(Object::Stream(stream)) = doc.get_object(*id) else {
        return map;
    };
    let data = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let cmap = String::from_utf8_lossy(&data);
    let hex = |s: &str| -> Vec<u8> {
        let s = s.trim().trim_start_matches('<').trim_end_matches('>');
        (0..s.len() / 2)
            .filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
            .collect()
    };
    let utf16 = |bytes: &[u8]| -> String {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    };
    let tokens = |line: &str| -> Vec<String> {
        line.split('>')
            .filter(|t| t.contains('<'))
            .map(|t| format!("{}>", t.trim()))
            .collect()
    };
    for block in cmap.split("beginbfchar").skip(1) {
        for line in block.split("endbfchar").next().unwrap_or("").lines() {
            let t = tokens(line);
            if t.len() == 2 {
                map.insert(hex(&t[0]), utf16(&hex(&t[1])));
            }
        }
    }
    for block in cmap.split("beginbfrange").skip(1) {
        for line in block.split("endbfrange").next().unwrap_or("").lines() {
            let t = tokens(line);
            if t.len() == 3 && !line.contains('[') {
                let (lo, hi, dst) = (hex(&t[0]), hex(&t[1]), hex(&t[2]));
                let to_n = |b: &[u8]| b.iter().fold(0u32, |a, x| a * 256 + u32::from(*x));
                let (lo_n, hi_n) = (to_n(&lo), to_n(&hi));
                for (k, code) in (lo_n..=hi_n).enumerate() {
                    let mut d = dst.clone();
                    if let Some(last) = d.last_mut() {
                        *last = last.wrapping_add(k as u8);
                    }
                    let key = code.to_be_bytes()[4 - lo.len()..].to_vec();
                    map.insert(key, utf16(&d));
                }
            }
        }
    }
    map
}

/// Text of one page: every shown string decoded through its font's ToUnicode map.
fn page_text(doc: &Document, page: lopdf::ObjectId) -> String {
    let fonts: HashMap<Vec<u8>, HashMap<Vec<u8>, String>> = doc
        .get_page_fonts(page)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, dict)| (name, to_unicode(doc, dict)))
        .collect();
    let content = doc.get_page_content(page).unwrap_or_default();
    let Ok(ops) = lopdf::content::Content::decode(&content) else {
        return String::new();
    };
    let mut out = String::new();
    let mut current: Option<&HashMap<Vec<u8>, String>> = None;
    let show = |bytes: &[u8], map: Option<&HashMap<Vec<u8>, String>>, out: &mut String| {
        let Some(map) = map else { return };
        let width = map.keys().next().map_or(2, Vec::len).max(1);
        for code in bytes.chunks(width) {
            if let Some(t) = map.get(code) {
                out.push_str(t);
            }
        }
    };
    for op in ops.operations {
        match op.operator.as_str() {
            "Tf" => {
                current = op
                    .operands
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| fonts.get(n));
            }
            "Tj" | "'" | "\"" => {
                if let Some(Object::String(s, _)) = op.operands.last() {
                    show(s, current, &mut out);
                    out.push(' ');
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    for item in items {
                        if let Object::String(s, _) = item {
                            show(s, current, &mut out);
                        }
                    }
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of a laid-out document, items joined by spaces, NFC.
pub fn layout_text(doc: &PagedDocument) -> String {
    (0..doc.pages().len())
        .map(|p| page_layout_text(doc, p))
        .collect()
}

/// The text of page `page` (from 0) of a laid-out document, items joined by spaces, NFC.
pub fn page_layout_text(doc: &PagedDocument, page: usize) -> String {
    page_text_below(doc, page, f64::NEG_INFINITY)
}

/// The text of page `page` (from 0) whose baselines are more than `top` points below the
/// page's top edge, items joined by spaces, NFC.
pub fn page_text_below(doc: &PagedDocument, page: usize, top: f64) -> String {
    fn walk(frame: &Frame, y: Abs, top: f64, out: &mut String) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(g) => walk(&g.frame, y + pos.y + g.transform.ty, top, out),
                FrameItem::Text(t) if (y + pos.y).to_pt() > top => {
                    out.push_str(t.text.as_str());
                    out.push(' ');
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    if let Some(p) = doc.pages().get(page) {
        walk(&p.frame, Abs::zero(), top, &mut out);
    }
    out.nfc().collect()
}

/// `s` without any whitespace, for comparing text whose line breaks and spacing differ.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
