//! The laid-out pages read back as a tree: the constructs `hoinghi.typ` bracketed with its
//! records, the paragraphs Typst set, and the text of each as laid out (lines, sizes, faces).
//!
//! One walk over the page frames in order, the way Typst's own introspector finds elements:
//! a `Tag::Start` of a record opens or marks, a `Tag::Start` of a paragraph starts one, the
//! `Tag::End` of that paragraph ends it, and every run of text goes to the innermost open
//! paragraph or, outside any, to the innermost construct as loose lines. What Typst lays out
//! twice (a table's header repeated on a new page) is read once.

use std::collections::HashSet;

use typst::foundations::{Content, Dict, PlainText, Value};
use typst::introspection::{Location, MetadataElem, Tag};
use typst::layout::{Abs, Frame, FrameItem};
use typst::model::ParElem;
use typst::text::{FontStyle, FontWeight, LinebreakElem, TextItem};
use typst_layout::PagedDocument;

/// A run of text as laid out: its characters and face.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// The characters, as set (smart quotes already curly).
    pub text: String,
    /// The size, in points.
    pub size: f64,
    /// Set in a bold face.
    pub bold: bool,
    /// Set in an italic face.
    pub italic: bool,
}

/// The runs set on one baseline.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// The page (from 0).
    pub page: usize,
    /// The baseline, in points from the page's top.
    pub baseline: f64,
}

impl Line {
    /// The characters of the line.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A paragraph Typst set: the characters of its source and its laid-out lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Par {
    /// The paragraph's characters as written, a forced break as `\n` (to tell at each line
    /// end whether a space, a break or nothing came between).
    pub source: String,
    /// The laid-out lines.
    pub lines: Vec<Line>,
}

/// One thing inside a construct, in document order.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// A bracketed construct.
    Node(Node),
    /// A paragraph.
    Par(Par),
    /// Text set outside any paragraph (a phrase's lines, a table cell's number).
    Loose(Vec<Line>),
    /// A point record: a paragraph's role, a rule's length, a new letter.
    Mark(Record),
    /// A picture Typst placed, at its size on the page.
    Picture(typst::visualize::Image, typst::layout::Size),
}

/// A record of `hoinghi.typ`: its kind and fields.
#[derive(Debug, Clone, Default)]
pub(crate) struct Record {
    /// `header`, `cell`, `role`, …
    pub kind: String,
    /// The record's other fields.
    pub fields: Dict,
}

impl Record {
    /// The field `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields.get(name).ok()
    }

    /// The string field `name`.
    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The length field `name`, in points (absolute lengths only).
    pub fn points(&self, name: &str) -> Option<f64> {
        match self.get(name)? {
            Value::Length(l) => Some(l.abs.to_pt()),
            _ => None,
        }
    }

    /// The integer field `name`.
    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name)? {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean field `name` (false when absent).
    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Value::Bool(true)))
    }
}

/// A bracketed construct: its record and what it encloses.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    /// The opening record.
    pub record: Record,
    /// The items inside, in document order.
    pub items: Vec<Item>,
    /// The height of the frame the construct was laid out in, in points (a table cell's: its
    /// row's height).
    pub height: f64,
}

impl Node {
    /// The kind of construct.
    pub fn kind(&self) -> &str {
        &self.record.kind
    }

    /// The constructs of `kind` directly inside.
    pub fn children<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.items.iter().filter_map(move |i| match i {
            Item::Node(n) if n.kind() == kind => Some(n),
            _ => None,
        })
    }

    /// Every line of text inside, in order, however deep.
    pub fn all_lines(&self) -> Vec<&Line> {
        let mut out = Vec::new();
        for item in &self.items {
            match item {
                Item::Node(n) => out.extend(n.all_lines()),
                Item::Par(p) => out.extend(p.lines.iter()),
                Item::Loose(lines) => out.extend(lines.iter()),
                Item::Mark(_) | Item::Picture(..) => {}
            }
        }
        out
    }

    /// The constructs of `kind` inside, however deep, in order (not inside one another).
    pub fn all_nodes<'a>(&'a self, kind: &str) -> Vec<&'a Node> {
        let mut out = Vec::new();
        for item in &self.items {
            if let Item::Node(n) = item {
                if n.kind() == kind {
                    out.push(n);
                } else {
                    out.extend(n.all_nodes(kind));
                }
            }
        }
        out
    }

    /// The paragraphs inside, however deep, in order.
    pub fn all_pars(&self) -> Vec<&Par> {
        let mut out = Vec::new();
        for item in &self.items {
            match item {
                Item::Par(p) => out.push(p),
                Item::Node(n) => out.extend(n.all_pars()),
                _ => {}
            }
        }
        out
    }

    /// The point records of `kind` inside, however deep, in order.
    pub fn all_marks(&self, kind: &str) -> Vec<&Record> {
        let mut out = Vec::new();
        for item in &self.items {
            match item {
                Item::Mark(r) if r.kind == kind => out.push(r),
                Item::Node(n) => out.extend(n.all_marks(kind)),
                _ => {}
            }
        }
        out
    }
}

/// The document as a tree: the root holds the body's items; the setup record, when the
/// library emitted one.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    /// The body.
    pub root: Node,
    /// The `setup` record (version, profile, sizes).
    pub setup: Option<Record>,
}

/// Reads `document` back as a tree.
pub(crate) fn read(document: &PagedDocument) -> Tree {
    let mut walk = Walk::default();
    walk.stack.push(Node::default());
    for (page, p) in document.pages().iter().enumerate() {
        walk.frame(&p.frame, page, Abs::zero());
    }
    while walk.stack.len() > 1 {
        walk.close();
    }
    Tree {
        root: walk.stack.pop().unwrap_or_default(),
        setup: walk.setup,
    }
}

#[derive(Default)]
struct Walk {
    /// Open constructs, the root first.
    stack: Vec<Node>,
    /// Open paragraphs: location, paragraph, and how deep the stack was when it opened.
    pars: Vec<(Location, Par, usize)>,
    /// Elements already read (a repeated table header is laid out twice).
    seen: HashSet<Location>,
    /// Inside a repeated element or furniture: how many brackets deep (0: reading).
    skip: usize,
    /// Skipping a repeated paragraph, until its end.
    skip_par: Option<Location>,
    /// The height of the frame being walked, in points.
    height: f64,
    setup: Option<Record>,
}

impl Walk {
    fn frame(&mut self, frame: &Frame, page: usize, top: Abs) {
        let outer = std::mem::replace(&mut self.height, frame.height().to_pt());
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(group) => {
                    self.frame(&group.frame, page, top + pos.y + group.transform.ty)
                }
                FrameItem::Text(text) => self.text(text, page, (top + pos.y).to_pt()),
                FrameItem::Tag(Tag::Start(content, _)) => self.start(content),
                FrameItem::Tag(Tag::End(location, ..)) => self.end(*location),
                FrameItem::Image(image, size, _) if self.skip == 0 => {
                    self.push(Item::Picture(image.clone(), *size))
                }
                _ => {}
            }
        }
        self.height = outer;
    }

    fn start(&mut self, content: &Content) {
        if let Some(meta) = content.to_packed::<MetadataElem>() {
            self.record(content.location(), &meta.value);
        } else if content.is::<ParElem>()
            && let Some(location) = content.location()
        {
            if self.skip > 0 || self.skip_par.is_some() {
                return;
            }
            if !self.seen.insert(location) {
                self.skip_par = Some(location);
                return;
            }
            let par = Par {
                source: source_text(content),
                lines: Vec::new(),
            };
            self.pars.push((location, par, self.stack.len()));
        }
    }

    fn end(&mut self, location: Location) {
        if self.skip_par == Some(location) {
            self.skip_par = None;
            return;
        }
        if let Some(i) = self.pars.iter().rposition(|(l, ..)| *l == location) {
            let (_, par, _) = self.pars.remove(i);
            self.push(Item::Par(par));
        }
    }

    fn record(&mut self, location: Option<Location>, value: &Value) {
        let Value::Dict(dict) = value else { return };
        let Ok(Value::Str(kind)) = dict.get("hoinghi") else {
            return;
        };
        let repeated = location.is_some_and(|l| !self.seen.insert(l));
        let open = matches!(dict.get("open"), Ok(Value::Bool(true)));
        if self.skip > 0 || repeated || kind.as_str() == "furniture" {
            if open {
                self.skip += 1;
            } else if kind.as_str() == "end" && self.skip > 0 {
                self.skip -= 1;
            }
            return;
        }
        if self.skip_par.is_some() {
            return;
        }
        let mut fields = dict.clone();
        for key in ["hoinghi", "open"] {
            let _ = fields.remove(key.into(), None);
        }
        let record = Record {
            kind: kind.to_string(),
            fields,
        };
        if kind.as_str() == "end" {
            if self.stack.len() > 1 {
                self.close();
            }
        } else if open {
            self.stack.push(Node {
                record,
                items: Vec::new(),
                height: self.height,
            });
        } else if kind.as_str() == "setup" {
            self.setup = Some(record);
        } else {
            self.push(Item::Mark(record));
        }
    }

    /// Closes the innermost construct (and any paragraph left open inside it).
    fn close(&mut self) {
        let depth = self.stack.len();
        while let Some((_, _, d)) = self.pars.last()
            && *d >= depth
        {
            let (_, par, _) = self.pars.pop().expect("checked");
            self.push(Item::Par(par));
        }
        if let Some(node) = self.stack.pop() {
            self.push(Item::Node(node));
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(top) = self.stack.last_mut() {
            top.items.push(item);
        }
    }

    fn text(&mut self, item: &TextItem, page: usize, baseline: f64) {
        if self.skip > 0 || self.skip_par.is_some() {
            return;
        }
        let variant = item.font.font().info().variant;
        let run = Run {
            text: item.text.to_string(),
            size: item.size.to_pt(),
            bold: variant.weight >= FontWeight::SEMIBOLD,
            italic: variant.style != FontStyle::Normal,
        };
        let depth = self.stack.len();
        let lines = match self.pars.last_mut() {
            Some((_, par, d)) if *d == depth => &mut par.lines,
            _ => {
                let top = self.stack.last_mut().expect("the root is never closed");
                if !matches!(top.items.last(), Some(Item::Loose(_))) {
                    top.items.push(Item::Loose(Vec::new()));
                }
                match top.items.last_mut() {
                    Some(Item::Loose(lines)) => lines,
                    _ => unreachable!("pushed above"),
                }
            }
        };
        add_run(lines, run, page, baseline);
    }
}

/// Adds `run` to the line on its baseline, or starts a new line.
fn add_run(lines: &mut Vec<Line>, run: Run, page: usize, baseline: f64) {
    match lines.last_mut() {
        Some(line) if line.page == page && (line.baseline - baseline).abs() < 0.5 => {
            match line.runs.last_mut() {
                Some(last)
                    if last.bold == run.bold
                        && last.italic == run.italic
                        && (last.size - run.size).abs() < 0.01 =>
                {
                    last.text.push_str(&run.text)
                }
                _ => line.runs.push(run),
            }
        }
        _ => lines.push(Line {
            runs: vec![run],
            page,
            baseline,
        }),
    }
}

/// The characters of a paragraph as written: its text, spaces and quotes, a forced line
/// break as `\n`.
fn source_text(content: &Content) -> String {
    let mut text = typst::diag::EcoString::new();
    let _ = content.traverse(&mut |element: Content| -> std::ops::ControlFlow<()> {
        if element.is::<LinebreakElem>() {
            text.push('\n');
        } else if let Some(textable) = element.with::<dyn PlainText>() {
            textable.plain_text(&mut text);
        }
        std::ops::ControlFlow::Continue(())
    });
    text.to_string()
}
