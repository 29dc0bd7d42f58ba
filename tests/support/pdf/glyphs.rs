//! A PDF content-stream interpreter: every glyph a page shows, with its position, size and
//! font, as pdfplumber reads it (text and graphics state, Form XObjects, Tj/TJ advances).

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use super::fonts::{Font, deref, get, num};

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

/// One glyph as pdfplumber sees it: y from the top of the page; `bottom` and `top` are the
/// edges of its box (baseline minus descent, and one font size above that).
#[derive(Clone, Debug)]
pub(super) struct Glyph {
    pub(super) text: String,
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) baseline: f64,
    pub(super) bottom: f64,
    pub(super) top: f64,
    pub(super) size: f64,
    pub(super) font: std::rc::Rc<str>,
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

/// The numbers among `ops`.
fn nums(ops: &[Object]) -> Vec<f64> {
    ops.iter().filter_map(num).collect()
}

/// The matrix of six numbers among `ops`, if there are exactly six.
fn matrix(ops: &[Object]) -> Option<Matrix> {
    match nums(ops)[..] {
        [a, b, c, d, e, f] => Some([a, b, c, d, e, f]),
        _ => None,
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
    let mut walk = Walk {
        doc,
        res,
        height,
        depth,
        out,
        gs: GState {
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
        },
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
    };
    for op in &content.operations {
        walk.step(op.operator.as_str(), &op.operands);
    }
}

/// The interpreter's state while it walks one content stream.
struct Walk<'a, 'r, 'o> {
    doc: &'a Document,
    res: &'r Resources<'a>,
    height: f64,
    depth: usize,
    out: &'o mut Vec<Glyph>,
    gs: GState,
    stack: Vec<GState>,
    /// The text matrix and the text line matrix.
    tm: Matrix,
    tlm: Matrix,
}

impl Walk<'_, '_, '_> {
    /// Runs one operator; the others (paths, colours, images) do not move glyphs.
    fn step(&mut self, operator: &str, o: &[Object]) {
        match operator {
            "q" | "Q" | "cm" => self.graphics_state(operator, o),
            "Tf" | "Tc" | "Tw" | "Tz" | "TL" | "Ts" => self.text_state(operator, o),
            "BT" | "Td" | "TD" | "Tm" | "T*" => self.text_position(operator, o),
            "Tj" | "'" | "\"" | "TJ" => self.text_showing(operator, o),
            "Do" if self.depth < 8 => self.form(o),
            _ => {}
        }
    }

    /// `q`, `Q`, `cm`: save, restore, transform.
    fn graphics_state(&mut self, operator: &str, o: &[Object]) {
        match operator {
            "q" => self.stack.push(self.gs.clone()),
            "Q" => {
                if let Some(g) = self.stack.pop() {
                    self.gs = g;
                }
            }
            _ => {
                if let Some(m) = matrix(o) {
                    self.gs.ctm = mul(&m, &self.gs.ctm);
                }
            }
        }
    }

    /// `Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`: font and size, spacings, scale, leading, rise.
    fn text_state(&mut self, operator: &str, o: &[Object]) {
        let t = &mut self.gs.text;
        let first = o.first().and_then(num);
        match operator {
            "Tf" => {
                if let (Some(Object::Name(n)), Some(size)) = (o.first(), o.get(1).and_then(num)) {
                    t.font = self.res.fonts.get(n).cloned();
                    t.font_name = t
                        .font
                        .as_ref()
                        .map_or_else(|| "".into(), |f| f.name.as_str().into());
                    t.size = size;
                }
            }
            "Tc" => t.char_space = first.unwrap_or(0.0),
            "Tw" => t.word_space = first.unwrap_or(0.0),
            "Tz" => t.hscale = first.unwrap_or(100.0) / 100.0,
            "TL" => t.leading = first.unwrap_or(0.0),
            _ => t.rise = first.unwrap_or(0.0),
        }
    }

    /// `BT`, `Td`, `TD`, `Tm`, `T*`: the text matrices.
    fn text_position(&mut self, operator: &str, o: &[Object]) {
        match operator {
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            "Td" | "TD" => {
                let v = nums(o);
                if v.len() == 2 {
                    if operator == "TD" {
                        self.gs.text.leading = -v[1];
                    }
                    self.tlm = mul(&translate(v[0], v[1]), &self.tlm);
                    self.tm = self.tlm;
                }
            }
            "Tm" => {
                if let Some(m) = matrix(o) {
                    self.tlm = m;
                    self.tm = self.tlm;
                }
            }
            _ => self.next_line(),
        }
    }

    /// `T*`: the start of the next line.
    fn next_line(&mut self) {
        self.tlm = mul(&translate(0.0, -self.gs.text.leading), &self.tlm);
        self.tm = self.tlm;
    }

    /// `Tj`, `'`, `"`, `TJ`: strings shown, after a new line and spacings for `'` and `"`.
    fn text_showing(&mut self, operator: &str, o: &[Object]) {
        if operator == "\"" {
            let v = nums(o);
            if v.len() == 2 {
                self.gs.text.word_space = v[0];
                self.gs.text.char_space = v[1];
            }
        }
        if operator == "'" || operator == "\"" {
            self.next_line();
        }
        let items: Vec<&Object> = match (operator, o.last()) {
            ("TJ", Some(Object::Array(a))) => a.iter().collect(),
            (_, Some(s @ Object::String(..))) => vec![s],
            _ => return,
        };
        show(&items, &self.gs, &mut self.tm, self.height, self.out);
    }

    /// `Do` of a Form XObject: its content, run with its matrix and resources (or these).
    fn form(&mut self, o: &[Object]) {
        let doc = self.doc;
        let Some(Object::Name(n)) = o.first() else {
            return;
        };
        let Some(Object::Stream(xo)) = self.res.xobjects.get(n).copied() else {
            return;
        };
        if xo.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let form_matrix = match get(doc, &xo.dict, b"Matrix") {
            Some(Object::Array(m)) => matrix(m).unwrap_or(IDENTITY),
            _ => IDENTITY,
        };
        let inner = Resources::new(
            doc,
            get(doc, &xo.dict, b"Resources").and_then(|r| r.as_dict().ok()),
        );
        let inner = if inner.fonts.is_empty() && inner.xobjects.is_empty() {
            Resources {
                fonts: self.res.fonts.clone(),
                xobjects: self.res.xobjects.clone(),
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
            mul(&form_matrix, &self.gs.ctm),
            self.height,
            self.depth + 1,
            self.out,
        );
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

/// Every glyph page `id` shows, y measured from the top of its media box.
pub(super) fn page_glyphs(doc: &Document, id: lopdf::ObjectId) -> Vec<Glyph> {
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
