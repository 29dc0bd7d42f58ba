//! Where the glyphs of a PDF stand: text segments with their position, size and weight, read
//! from the content streams with lopdf, and the typographic measurements the spec's checker
//! (`shared/tools/format-check.py`, pdfplumber) takes on them: line and paragraph pitch,
//! overprinting, headings stranded at a page foot, the Nơi nhận list and names broken
//! across lines. The helpers return what they measure; the tests decide what to assert.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use unicode_normalization::UnicodeNormalization;

use crate::pdf::to_unicode;

/// One millimetre in points.
const MM: f32 = 72.0 / 25.4;
/// One centimetre in points, as the checker writes it.
const CM: f32 = 28.35;
/// Width of an A4 page in points: every page hoinghi writes is A4.
const A4_WIDTH: f32 = 595.28;

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
    fn width(&self) -> f32 {
        (self.x1 - self.x0).abs()
    }

    /// A page number: digits only, in the top 20 mm (the checker leaves these out of the text).
    fn is_page_number(&self) -> bool {
        !self.text.is_empty()
            && self.text.chars().all(|c| c.is_ascii_digit())
            && self.baseline < 20.0 * MM
    }

    /// Body size: 12.5 to 15.5 pt, as the checker counts running text.
    fn is_body_size(&self) -> bool {
        (12.5..=15.5).contains(&self.size)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading glyphs out of the content streams
// ---------------------------------------------------------------------------------------------

/// An affine matrix `[a b c d e f]` as PDF writes it (row vectors: `[x y 1] × M`).
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m1` then `m0`: the product `m1 × m0`.
fn mul(m1: &Matrix, m0: &Matrix) -> Matrix {
    let [a1, b1, c1, d1, e1, f1] = *m1;
    let [a0, b0, c0, d0, e0, f0] = *m0;
    [
        a1 * a0 + b1 * c0,
        a1 * b0 + b1 * d0,
        c1 * a0 + d1 * c0,
        c1 * b0 + d1 * d0,
        e1 * a0 + f1 * c0 + e0,
        e1 * b0 + f1 * d0 + f0,
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn translate(tx: f64, ty: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// What the layout needs of a font: its name, code length, advance widths, descent and
/// ToUnicode map.
struct Font {
    /// `BaseFont`, subset tag included (`ABCDEF+LiberationSerif-Bold`).
    name: String,
    /// Bytes per character code: 2 for a Type0 font, 1 for a simple font.
    code_len: usize,
    /// Advance per code, in glyph space units.
    widths: HashMap<u32, f64>,
    /// Advance of a code missing from `widths`.
    default_width: f64,
    /// Glyph space to text space: 1/1000, or the `FontMatrix` of a Type3 font.
    scale: f64,
    /// Descent in text space units per point of font size (negative or 0).
    descent: f64,
    unicode: HashMap<Vec<u8>, String>,
}

impl Font {
    fn load(doc: &Document, dict: &Dictionary) -> Font {
        let name = get(doc, dict, b"BaseFont")
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let subtype = get(doc, dict, b"Subtype").and_then(|o| o.as_name().ok());
        let unicode = to_unicode(doc, dict);
        let descent_of = |d: &Dictionary| {
            get(doc, d, b"FontDescriptor")
                .and_then(|o| o.as_dict().ok())
                .and_then(|fd| get(doc, fd, b"Descent"))
                .and_then(num)
                .map_or(0.0, |v| -v.abs() / 1000.0)
        };
        let mut widths = HashMap::new();
        if subtype == Some(b"Type0".as_slice()) {
            let cid = get(doc, dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o).as_dict().ok());
            let Some(cid) = cid else {
                return Font {
                    name,
                    code_len: 2,
                    widths,
                    default_width: 1000.0,
                    scale: 0.001,
                    descent: 0.0,
                    unicode,
                };
            };
            let default_width = get(doc, cid, b"DW").and_then(num).unwrap_or(1000.0);
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
            Font {
                name,
                code_len: 2,
                widths,
                default_width,
                scale: 0.001,
                descent: descent_of(cid),
                unicode,
            }
        } else {
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
                (Some(b"Type3"), Some(Object::Array(m))) => {
                    m.first().and_then(num).unwrap_or(0.001)
                }
                _ => 0.001,
            };
            Font {
                name,
                code_len: 1,
                widths,
                default_width,
                scale,
                descent: descent_of(dict),
                unicode,
            }
        }
    }

    fn advance(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }
}

/// One glyph as pdfplumber sees it: y from the top of the page; `bottom` and `top` are the
/// edges of its box (baseline minus descent, and one font size above that).
#[derive(Clone, Debug)]
struct Glyph {
    text: String,
    x0: f64,
    x1: f64,
    baseline: f64,
    bottom: f64,
    top: f64,
    size: f64,
    font: std::rc::Rc<str>,
}

#[derive(Clone)]
struct TextState {
    font: Option<std::rc::Rc<Font>>,
    font_name: std::rc::Rc<str>,
    size: f64,
    char_space: f64,
    word_space: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    text: TextState,
}

/// The Font and XObject dictionaries of a resource dictionary.
struct Resources<'a> {
    fonts: HashMap<Vec<u8>, std::rc::Rc<Font>>,
    xobjects: HashMap<Vec<u8>, &'a Object>,
}

impl<'a> Resources<'a> {
    fn new(doc: &'a Document, res: Option<&'a Dictionary>) -> Resources<'a> {
        let mut fonts = HashMap::new();
        let mut xobjects = HashMap::new();
        if let Some(res) = res {
            if let Some(Object::Dictionary(f)) = get(doc, res, b"Font") {
                for (name, o) in f.iter() {
                    if let Ok(d) = deref(doc, o).as_dict() {
                        fonts.insert(name.clone(), std::rc::Rc::new(Font::load(doc, d)));
                    }
                }
            }
            if let Some(Object::Dictionary(x)) = get(doc, res, b"XObject") {
                for (name, o) in x.iter() {
                    xobjects.insert(name.clone(), deref(doc, o));
                }
            }
        }
        Resources { fonts, xobjects }
    }
}

/// Walks one content stream, appending every shown glyph to `out` (device space, y up).
fn run(
    doc: &Document,
    content: &[u8],
    res: &Resources<'_>,
    ctm: Matrix,
    height: f64,
    depth: usize,
    out: &mut Vec<Glyph>,
) {
    let Ok(content) = Content::decode(content) else {
        return;
    };
    let mut gs = GState {
        ctm,
        text: TextState {
            font: None,
            font_name: "".into(),
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        },
    };
    let mut stack: Vec<GState> = Vec::new();
    let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
    let nums = |ops: &[Object]| -> Vec<f64> { ops.iter().filter_map(num).collect() };
    for op in &content.operations {
        let o = &op.operands;
        match op.operator.as_str() {
            "q" => stack.push(gs.clone()),
            "Q" => {
                if let Some(g) = stack.pop() {
                    gs = g;
                }
            }
            "cm" => {
                let v = nums(o);
                if v.len() == 6 {
                    gs.ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &gs.ctm);
                }
            }
            "BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            "Tf" => {
                if let (Some(Object::Name(n)), Some(size)) = (o.first(), o.get(1).and_then(num)) {
                    gs.text.font = res.fonts.get(n).cloned();
                    gs.text.font_name = gs
                        .text
                        .font
                        .as_ref()
                        .map_or_else(|| "".into(), |f| f.name.as_str().into());
                    gs.text.size = size;
                }
            }
            "Tc" => gs.text.char_space = o.first().and_then(num).unwrap_or(0.0),
            "Tw" => gs.text.word_space = o.first().and_then(num).unwrap_or(0.0),
            "Tz" => gs.text.hscale = o.first().and_then(num).unwrap_or(100.0) / 100.0,
            "TL" => gs.text.leading = o.first().and_then(num).unwrap_or(0.0),
            "Ts" => gs.text.rise = o.first().and_then(num).unwrap_or(0.0),
            "Td" | "TD" => {
                let v = nums(o);
                if v.len() == 2 {
                    if op.operator == "TD" {
                        gs.text.leading = -v[1];
                    }
                    tlm = mul(&translate(v[0], v[1]), &tlm);
                    tm = tlm;
                }
            }
            "Tm" => {
                let v = nums(o);
                if v.len() == 6 {
                    tlm = [v[0], v[1], v[2], v[3], v[4], v[5]];
                    tm = tlm;
                }
            }
            "T*" => {
                tlm = mul(&translate(0.0, -gs.text.leading), &tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "\"" {
                    let v = nums(o);
                    if v.len() == 2 {
                        gs.text.word_space = v[0];
                        gs.text.char_space = v[1];
                    }
                }
                if op.operator == "'" || op.operator == "\"" {
                    tlm = mul(&translate(0.0, -gs.text.leading), &tlm);
                    tm = tlm;
                }
                let items: Vec<&Object> = match (op.operator.as_str(), o.last()) {
                    ("TJ", Some(Object::Array(a))) => a.iter().collect(),
                    (_, Some(s @ Object::String(..))) => vec![s],
                    _ => continue,
                };
                show(&items, &gs, &mut tm, height, out);
            }
            "Do" if depth < 8 => {
                let Some(Object::Name(n)) = o.first() else {
                    continue;
                };
                let Some(Object::Stream(xo)) = res.xobjects.get(n).copied() else {
                    continue;
                };
                if xo.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                    continue;
                }
                let matrix = match get(doc, &xo.dict, b"Matrix") {
                    Some(Object::Array(m)) => {
                        let v: Vec<f64> = m.iter().filter_map(num).collect();
                        if v.len() == 6 {
                            [v[0], v[1], v[2], v[3], v[4], v[5]]
                        } else {
                            IDENTITY
                        }
                    }
                    _ => IDENTITY,
                };
                let inner = Resources::new(
                    doc,
                    get(doc, &xo.dict, b"Resources").and_then(|r| r.as_dict().ok()),
                );
                let inner = if inner.fonts.is_empty() && inner.xobjects.is_empty() {
                    Resources {
                        fonts: res.fonts.clone(),
                        xobjects: res.xobjects.clone(),
                    }
                } else {
                    inner
                };
                let data = xo
                    .decompressed_content()
                    .unwrap_or_else(|_| xo.content.clone());
                run(
                    doc,
                    &data,
                    &inner,
                    mul(&matrix, &gs.ctm),
                    height,
                    depth + 1,
                    out,
                );
            }
            _ => {}
        }
    }
}

/// Shows the strings and kerning numbers of one Tj/TJ, advancing `tm`. Positions follow
/// pdfminer: character spacing between the glyphs of one operator, word spacing after code 32.
fn show(items: &[&Object], gs: &GState, tm: &mut Matrix, height: f64, out: &mut Vec<Glyph>) {
    let t = &gs.text;
    let Some(font) = &t.font else { return };
    let mut x = 0.0;
    let mut need_char_space = false;
    for item in items {
        match item {
            Object::String(bytes, _) => {
                for code in bytes.chunks(font.code_len) {
                    if need_char_space {
                        x += t.char_space;
                    }
                    let cid = code.iter().fold(0u32, |a, b| a * 256 + u32::from(*b));
                    let adv = font.advance(cid) * t.size * t.hscale;
                    let m = mul(&translate(x, 0.0), &mul(tm, &gs.ctm));
                    let (_, oy) = apply(&m, 0.0, 0.0);
                    let (lx, ly) = apply(&m, 0.0, font.descent * t.size + t.rise);
                    let (ux, uy) = apply(&m, adv, font.descent * t.size + t.rise + t.size);
                    let text = font
                        .unicode
                        .get(code)
                        .cloned()
                        .unwrap_or_else(|| format!("(cid:{cid})"));
                    out.push(Glyph {
                        text,
                        x0: lx.min(ux),
                        x1: lx.max(ux),
                        baseline: height - oy,
                        bottom: height - ly.min(uy),
                        top: height - ly.max(uy),
                        size: (uy - ly).abs(),
                        font: t.font_name.clone(),
                    });
                    x += adv;
                    if cid == 32 && t.word_space != 0.0 {
                        x += t.word_space;
                    }
                    need_char_space = true;
                }
            }
            other => {
                if let Some(n) = num(other) {
                    x -= n * 0.001 * t.size * t.hscale;
                    need_char_space = true;
                }
            }
        }
    }
    *tm = mul(&translate(x, 0.0), tm);
}

fn resources_of<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    let mut node = page;
    for _ in 0..32 {
        if let Some(Object::Dictionary(r)) = get(doc, node, b"Resources") {
            return Some(r);
        }
        node = get(doc, node, b"Parent")?.as_dict().ok()?;
    }
    None
}

fn page_glyphs(doc: &Document, id: lopdf::ObjectId) -> Vec<Glyph> {
    let Ok(page) = doc.get_dictionary(id) else {
        return Vec::new();
    };
    let mut node = page;
    let mut mediabox = None;
    for _ in 0..32 {
        if let Some(Object::Array(mb)) = get(doc, node, b"MediaBox") {
            mediabox = Some(mb.iter().filter_map(num).collect::<Vec<f64>>());
            break;
        }
        match get(doc, node, b"Parent").and_then(|p| p.as_dict().ok()) {
            Some(p) => node = p,
            None => break,
        }
    }
    let mb = mediabox
        .filter(|v| v.len() == 4)
        .unwrap_or(vec![0.0, 0.0, 595.28, 841.89]);
    let res = Resources::new(doc, resources_of(doc, page));
    let content = doc.get_page_content(id).unwrap_or_default();
    let mut out = Vec::new();
    // Device space relative to the media box, as pdfplumber measures.
    let ctm = translate(-mb[0].min(mb[2]), -mb[1].min(mb[3]));
    run(doc, &content, &res, ctm, (mb[3] - mb[1]).abs(), 0, &mut out);
    out
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

// ---------------------------------------------------------------------------------------------
// Measurements of the checklist
// ---------------------------------------------------------------------------------------------

/// Body text: 12.5 to 15.5 pt, page numbers left out; with its left and right edges.
fn body_extent(pages: &[Vec<Seg>]) -> Option<(f32, f32)> {
    let body: Vec<&Seg> = pages
        .iter()
        .flatten()
        .filter(|s| s.is_body_size() && !s.is_page_number())
        .collect();
    if body.is_empty() {
        return None;
    }
    let left = body.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let right = body.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    Some((left, right))
}

fn median(mut v: Vec<f32>) -> f32 {
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

/// Checklist point 12, body line spacing: in the flow of body text (12.5-15.5 pt, regular,
/// starting within 1.6 cm of the left edge), the baseline pitch inside a paragraph (a full
/// justified line followed by a line flush left) and between paragraphs (a short line followed
/// by an indented one). Returns the median pitch inside paragraphs, the median size of those
/// lines and the median paragraph gap beyond that pitch (None without a paragraph break);
/// None when no paragraph has two full lines. The checker wants pitch >= 1.15 em - 0.4 and
/// <= 1.5 × 1.15 em + 0.5, and a gap >= 5.4 pt.
pub fn body_pitch(pages: &[Vec<Seg>]) -> Option<(f32, f32, Option<f32>)> {
    let (left, right) = body_extent(pages)?;
    let tw = right - left;
    let (mut inside, mut between) = (Vec::new(), Vec::new());
    for ss in pages {
        let flow: Vec<&Seg> = ss
            .iter()
            .filter(|s| s.is_body_size() && s.x0 < left + 1.6 * CM && !s.bold)
            .collect();
        for w in flow.windows(2) {
            let (a, b) = (w[0], w[1]);
            let d = b.baseline - a.baseline;
            if d <= 0.0 || d > 3.0 * a.size {
                continue;
            }
            let full = a.x1 > right - 3.0 && a.width() > 0.8 * tw;
            if full && b.x0 < left + 3.0 {
                inside.push((d, a.size));
            } else if !full && b.x0 > left + 0.8 * CM - 1.0 {
                between.push(d);
            }
        }
    }
    if inside.is_empty() {
        return None;
    }
    let pitch = median(inside.iter().map(|p| p.0).collect());
    let size = median(inside.iter().map(|p| p.1).collect());
    let gap = (!between.is_empty()).then(|| median(between) - pitch);
    Some((pitch, size, gap))
}

fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Checklist point 27, no overprinting: pairs of segments on one page that overlap
/// horizontally by more than 2 pt with baselines more than 0.35 em but less than one font size
/// (minus 0.3 pt) apart. Each as `p<page> "a"/"b" <distance> pt apart at <size> pt`; empty
/// when nothing is printed over anything.
pub fn overprints(pages: &[Vec<Seg>]) -> Vec<String> {
    let mut clash = Vec::new();
    for (i, ss) in pages.iter().enumerate() {
        for (j, a) in ss.iter().enumerate() {
            for b in &ss[j + 1..] {
                let d = (b.baseline - a.baseline).abs();
                let big = a.size.max(b.size);
                if 0.35 * a.size.min(b.size) < d
                    && d < big - 0.3
                    && a.x1.min(b.x1) - a.x0.max(b.x0) > 2.0
                {
                    clash.push(format!(
                        "p{} {:?}/{:?} {d:.1} pt apart at {big:.0} pt",
                        i + 1,
                        head(&a.text, 25),
                        head(&b.text, 25)
                    ));
                }
            }
        }
    }
    clash
}

/// The checker's heading pattern `^([IVXLC]+|\d+(\.\d+)*|[a-zđ])[.)]\s`.
fn numbered_heading(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    let closes = |i: usize| {
        matches!(c.get(i), Some('.' | ')')) && c.get(i + 1).is_some_and(|c| c.is_whitespace())
    };
    // Roman numerals.
    let roman = c.iter().take_while(|c| "IVXLC".contains(**c)).count();
    if roman > 0 && closes(roman) {
        return true;
    }
    // Numbers with dotted parts: try every end the regex could backtrack to.
    let digits = |from: usize| c[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut end = digits(0);
    if end > 0 {
        loop {
            if closes(end) {
                return true;
            }
            if c.get(end) == Some(&'.') && digits(end + 1) > 0 {
                end += 1 + digits(end + 1);
            } else {
                break;
            }
        }
    }
    // One lower-case letter.
    c.first()
        .is_some_and(|c| c.is_ascii_lowercase() || *c == 'đ')
        && closes(1)
}

/// Checklist point 28, no heading stranded at the foot of a page: on every page but the last,
/// the last segment (page numbers aside) when it stands alone on its line, is bold and looks
/// like a heading (numbered `I.`/`1.2.`/`a)`, `Nơi nhận`, or shorter than 0.7 of the text width
/// without closing punctuation). Each as `p<page> "text"`.
pub fn stranded_headings(pages: &[Vec<Seg>]) -> Vec<String> {
    let Some((left, right)) = body_extent(pages) else {
        return Vec::new();
    };
    let tw = right - left;
    let mut out = Vec::new();
    for (i, ss) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
        let content: Vec<&Seg> = ss.iter().filter(|s| !s.is_page_number()).collect();
        let Some(&last) = content.last() else {
            continue;
        };
        let alone = !content[..content.len() - 1]
            .iter()
            .any(|o| (o.baseline - last.baseline).abs() < 2.0);
        let headish = numbered_heading(&last.text)
            || last.text.starts_with("Nơi nhận")
            || (last.bold && last.width() < 0.7 * tw && !last.text.ends_with(['.', ';', ',']));
        if alone && last.bold && headish {
            out.push(format!("p{} {:?}", i + 1, head(&last.text, 40)));
        }
    }
    out
}

/// The Nơi nhận block (checklist point 15) as the checker collects it.
#[derive(Clone, Debug)]
pub struct Recipients {
    /// Page (0-based) of the label.
    pub page: usize,
    /// The `Nơi nhận:` segment: its `size`, `bold` and `italic` are the label's.
    pub label: Seg,
    /// Every line under the label, in order: items and their wraps (the list may run onto
    /// the next page).
    pub lines: Vec<Seg>,
    /// The lines that start an item (`- `).
    pub items: Vec<Seg>,
    /// The wrapped lines of items (not starting `- `).
    pub continuations: Vec<Seg>,
}

impl Recipients {
    /// Wrapped lines hang under the item text: every continuation starts more than 2 pt right
    /// of the first item's dash (true when nothing wraps).
    pub fn hanging(&self) -> bool {
        self.items
            .first()
            .is_none_or(|first| self.continuations.iter().all(|c| c.x0 > first.x0 + 2.0))
    }

    /// Font size of each item line, in order.
    pub fn item_sizes(&self) -> Vec<f32> {
        self.items.iter().map(|s| s.size).collect()
    }

    /// Text of the last item line (`- Lưu: VT, …` when the list is complete).
    pub fn last_item(&self) -> Option<&str> {
        self.items.last().map(|s| s.text.as_str())
    }

    /// Text of the last line of the block (the end of the last item, wraps included).
    pub fn last_line(&self) -> Option<&str> {
        self.lines.last().map(|s| s.text.as_str())
    }
}

/// Checklist point 15, Nơi nhận: the first segment starting `Nơi nhận` and the lines under it
/// that start within 40 pt of the label and end left of the centre of the text area + 20 pt,
/// continuing on the next page (below 20 mm) when the list does not end with `- Lưu` on the
/// label's page. The centre is that of an A4 text area with 30/15 mm margins. The checker
/// also wants, for the Party profile, a rule under the label; that is not measured here.
pub fn recipients(pages: &[Vec<Seg>]) -> Option<Recipients> {
    let area_c = 30.0 * MM + (A4_WIDTH - 45.0 * MM) / 2.0;
    let (page, label) = pages.iter().enumerate().find_map(|(i, ss)| {
        ss.iter()
            .find(|s| s.text.starts_with("Nơi nhận"))
            .map(|s| (i, s.clone()))
    })?;
    let column = |s: &&Seg| s.x0 < label.x0 + 40.0 && s.x1 < area_c + 20.0;
    let mut lines: Vec<Seg> = pages[page]
        .iter()
        .filter(|s| s.baseline > label.baseline + 1.0)
        .filter(column)
        .cloned()
        .collect();
    if page + 1 < pages.len() && lines.last().is_none_or(|s| !s.text.starts_with("- Lưu")) {
        lines.extend(
            pages[page + 1]
                .iter()
                .filter(column)
                .filter(|s| s.baseline > 20.0 * MM)
                .cloned(),
        );
    }
    let (items, continuations) = lines
        .iter()
        .cloned()
        .partition(|s| s.text.starts_with("- "));
    Some(Recipients {
        page,
        label,
        lines,
        items,
        continuations,
    })
}

/// `s` with no-break spaces as spaces and runs of whitespace as one space, NFC, upper case.
fn normalise(s: &str) -> String {
    let s: String = s.replace('\u{a0}', " ").nfc().collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Words of `s`, normalised, without the punctuation around them.
fn words(s: &str) -> Vec<String> {
    normalise(s)
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Checklist point 30, for names the caller knows (people, places): each name broken across
/// lines, as `name` when it occurs whole in no segment although each of its syllables occurs
/// in the document, or as `name: "…tail" / "head…"` when a segment ends with its first
/// syllables and the next line of the same column (on the same page, within 2 em below,
/// overlapping horizontally) starts with the rest. Compared case-insensitively, after
/// replacing U+00A0 with a space and collapsing spaces.
pub fn broken_names(pages: &[Vec<Seg>], names: &[&str]) -> Vec<String> {
    let all: Vec<&Seg> = pages.iter().flatten().collect();
    let texts: Vec<String> = all.iter().map(|s| normalise(&s.text)).collect();
    let vocabulary: std::collections::HashSet<String> =
        all.iter().flat_map(|s| words(&s.text)).collect();
    let mut out = Vec::new();
    for name in names {
        let want = words(name);
        if want.is_empty() {
            continue;
        }
        let whole = normalise(name);
        let mut split = Vec::new();
        for ss in pages {
            for (j, a) in ss.iter().enumerate() {
                let Some(b) = ss[j + 1..].iter().find(|b| {
                    b.baseline - a.baseline > 0.35 * a.size
                        && b.baseline - a.baseline <= 2.0 * a.size
                        && a.x1.min(b.x1) > a.x0.max(b.x0)
                }) else {
                    continue;
                };
                let (wa, wb) = (words(&a.text), words(&b.text));
                for k in 1..want.len() {
                    if wa.ends_with(&want[..k]) && wb.starts_with(&want[k..]) {
                        split.push(format!(
                            "{name}: {:?} / {:?}",
                            wa[wa.len().saturating_sub(3)..].join(" "),
                            wb[..wb.len().min(3)].join(" ")
                        ));
                    }
                }
            }
        }
        if !split.is_empty() {
            out.extend(split);
        } else if !texts.iter().any(|t| t.contains(&whole))
            && want.iter().all(|w| vocabulary.contains(w))
        {
            out.push((*name).to_owned());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// One rendered document: sample, profile, kind and its segments.
struct Rendered {
    sample: &'static str,
    profile: &'static str,
    kind: String,
    pages: Vec<Vec<Seg>>,
}

/// The three samples rendered once through the binary, every PDF read back.
fn rendered() -> &'static [Rendered] {
    static DOCS: OnceLock<Vec<Rendered>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let samples = [
            ("ky-ket-khoi-dang.yaml", "party"),
            ("tong-ket-cum-nd30.yaml", "nd30"),
            ("phat-dong-ky-ket-anh/phat-dong-ky-ket.yaml", "nd30"),
        ];
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut docs = Vec::new();
        for (sample, profile) in samples {
            let out = tempfile::tempdir().unwrap();
            let run = assert_cmd::Command::cargo_bin("hoinghi")
                .unwrap()
                .env("LANG", "vi_VN.UTF-8")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("NO_COLOR", "1")
                .args(["render", "--profile", profile, "-o"])
                .arg(out.path())
                .arg(root.join(sample))
                .output()
                .unwrap();
            assert_eq!(
                run.status.code(),
                Some(0),
                "{sample}: {}",
                String::from_utf8_lossy(&run.stderr)
            );
            let stem = Path::new(sample).file_stem().unwrap();
            let dir = out.path().join(stem);
            let mut pdfs: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .collect();
            pdfs.sort();
            assert!(!pdfs.is_empty(), "{sample}: no PDF in {}", dir.display());
            for pdf in pdfs {
                let kind = pdf.file_stem().unwrap().to_string_lossy().into_owned();
                docs.push(Rendered {
                    sample,
                    profile,
                    kind,
                    pages: pages(&std::fs::read(&pdf).unwrap()),
                });
            }
        }
        docs
    })
}

#[test]
fn every_page_has_segments_top_to_bottom() {
    for d in rendered() {
        assert!(!d.pages.is_empty(), "{} {}: no pages", d.sample, d.kind);
        for (i, ss) in d.pages.iter().enumerate() {
            let what = format!("{} {} p{}", d.sample, d.kind, i + 1);
            assert!(!ss.is_empty(), "{what}: no text");
            for s in ss {
                assert!(
                    s.baseline > 0.0 && s.baseline < 842.0 && s.x0 >= 0.0 && s.x1 <= 596.0,
                    "{what}: {s:?} off the page"
                );
                assert!(s.x1 > s.x0 && s.size > 0.0, "{what}: {s:?} has no extent");
                assert_eq!(s.text, s.text.nfc().collect::<String>(), "{what}: not NFC");
            }
            // Sorted by the tops of the glyph boxes: a later segment never stands on a line
            // above (beyond the tolerance of one row), and the page runs downward.
            for w in ss.windows(2) {
                assert!(
                    w[1].baseline > w[0].baseline - 0.35 * w[0].size.max(w[1].size),
                    "{what}: {:?} above {:?}",
                    w[1],
                    w[0]
                );
            }
            if ss.len() > 1 {
                assert!(
                    ss[ss.len() - 1].baseline > ss[0].baseline,
                    "{what}: baselines do not increase down the page"
                );
            }
        }
    }
}

#[test]
fn first_page_carries_the_header_of_the_profile() {
    let mut seen = 0;
    for d in rendered().iter().filter(|d| d.kind != "bai-tin") {
        let what = format!("{} {}", d.sample, d.kind);
        let (wanted, sizes) = match d.profile {
            "party" => ("ĐẢNG CỘNG SẢN VIỆT NAM", 14.5..=15.5),
            _ => ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11.5..=13.5),
        };
        let header = d.pages[0]
            .iter()
            .find(|s| s.text == wanted)
            .unwrap_or_else(|| panic!("{what}: no {wanted:?} on page 1: {:#?}", d.pages[0]));
        assert!(header.bold, "{what}: {header:?} not bold");
        assert!(
            sizes.contains(&header.size),
            "{what}: {header:?} not at the profile's size"
        );
        seen += 1;
    }
    assert!(seen >= 4, "giao-uoc and bien-ban of the samples: {seen}");
}

#[test]
fn body_text_is_14_pt() {
    for d in rendered() {
        // The size that sets most characters.
        let mut by_size: HashMap<i32, usize> = HashMap::new();
        for s in d.pages.iter().flatten() {
            *by_size.entry((s.size * 10.0).round() as i32).or_default() += s.text.chars().count();
        }
        let (size, _) = by_size.into_iter().max_by_key(|&(_, n)| n).unwrap();
        assert!(
            (size as f32 / 10.0 - 14.0).abs() < 0.3,
            "{} {}: body at {} pt",
            d.sample,
            d.kind,
            size as f32 / 10.0
        );
    }
}

fn seg(text: &str, x0: f32, x1: f32, baseline: f32) -> Seg {
    Seg {
        text: text.to_owned(),
        x0,
        x1,
        baseline,
        size: 14.0,
        bold: false,
        italic: false,
    }
}

#[test]
fn numbered_headings_follow_the_checker_pattern() {
    for yes in [
        "I. Mở đầu",
        "IV) Kết",
        "1. Một",
        "1.2. Hai",
        "1.2) Ba",
        "a) bốn",
        "đ. năm",
    ] {
        assert!(numbered_heading(yes), "{yes}");
    }
    for no in ["1.2 Hai", "Ab. x", "I.Mở", "12", "A. Một", "- Lưu"] {
        assert!(!numbered_heading(no), "{no}");
    }
}

#[test]
fn pitch_and_paragraph_gap_from_full_and_short_lines() {
    let l = 85.0;
    let r = 580.0;
    let page = vec![
        seg("first line of a paragraph, indented", l + 35.0, r, 100.0),
        seg("a full line flush left", l, r, 120.0),
        seg("a short last line", l, 300.0, 140.0),
        seg("the next paragraph, indented", l + 35.0, r, 168.0),
        seg("its full second line", l, r, 188.0),
    ];
    let (pitch, size, gap) = body_pitch(&[page]).unwrap();
    assert_eq!((pitch, size), (20.0, 14.0));
    assert_eq!(gap, Some(8.0));
}

#[test]
fn overprinting_and_stranded_headings_are_reported() {
    let mut a = seg("one line", 85.0, 300.0, 100.0);
    let b = seg("another line", 200.0, 400.0, 108.0);
    assert_eq!(overprints(&[vec![a.clone(), b.clone()]]).len(), 1);
    assert!(overprints(&[vec![a.clone(), seg("apart", 200.0, 400.0, 116.0)]]).is_empty());
    assert!(overprints(&[vec![a.clone(), seg("beside", 320.0, 400.0, 104.0)]]).is_empty());

    a.bold = true;
    a.text = "II. Phương hướng".into();
    let body = seg("running text to the right edge", 85.0, 580.0, 90.0);
    let pages = vec![vec![body.clone(), a], vec![body]];
    assert_eq!(stranded_headings(&pages), ["p1 \"II. Phương hướng\""]);
}

#[test]
fn broken_names_split_or_never_whole() {
    let pages = vec![vec![
        seg("đồng chí Nguyễn Văn", 85.0, 580.0, 100.0),
        seg("An phát biểu tại Lào\u{a0}Cai.", 85.0, 300.0, 120.0),
    ]];
    let broken = broken_names(&pages, &["Nguyễn Văn An", "Lào Cai", "Hà Nội"]);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].starts_with("Nguyễn Văn An:"), "{broken:?}");
}

#[test]
fn recipients_hang_and_end_with_the_archive_line() {
    let mut label = seg("Nơi nhận:", 85.0, 140.0, 600.0);
    label.size = 12.0;
    label.bold = true;
    label.italic = true;
    let page = vec![
        label,
        seg("- Như trên;", 85.0, 150.0, 614.0),
        seg("- Thường trực Hội đồng Thi đua - Khen", 85.0, 300.0, 627.0),
        seg("thưởng tỉnh;", 92.0, 160.0, 640.0),
        seg("- Lưu: VT.", 85.0, 140.0, 653.0),
        seg("GIÁM ĐỐC", 400.0, 480.0, 614.0),
    ];
    let r = recipients(&[page]).unwrap();
    assert_eq!((r.items.len(), r.continuations.len()), (3, 1));
    assert!(r.hanging() && r.label.bold && r.label.italic);
    assert_eq!(r.last_item(), Some("- Lưu: VT."));
    assert_eq!(r.item_sizes(), [14.0; 3]);
    assert_eq!((r.page, r.lines.len()), (0, 4));
    assert_eq!(r.last_line(), Some("- Lưu: VT."));
}
