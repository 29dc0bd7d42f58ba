//! One pass of a span-aware YAML event parser before serde sees the file.
//!
//! serde_yaml reports a position for its first error only and has no guard worth the name
//! against alias bombs, so this pass (saphyr-parser) enforces the limits on depth, on the nodes
//! written and on the nodes aliases add ([`super::limits`]), refuses tags, duplicate keys and a
//! non-mapping top level, and builds the field-path → position index that turns every later
//! problem into file:line:col.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::diag::{Pos, Problem};

pub use super::limits::{MAX_ALIAS_NODES, MAX_DEPTH, MAX_NODES};

/// Positions of fields, by field path (`members[3].signer.name`).
#[derive(Debug, Default)]
pub struct YamlIndex {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
    /// Plain (unquoted) scalars with their paths, in file order, for "did you mean text?"
    /// warnings.
    pub plain_scalars: Vec<(String, String, Pos)>,
    /// Index in `plain_scalars` of the first plain scalar at each path.
    plain_by_path: HashMap<String, usize>,
}

impl YamlIndex {
    /// Position of the value at `path`, or of the closest ancestor that has one.
    pub fn value_pos(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(pos) = self.values.get(p) {
                return Some(*pos);
            }
            p = parent(p)?;
        }
    }

    /// The plain (unquoted) scalar written at `path`, if the value there is one.
    pub fn plain_scalar(&self, path: &str) -> Option<&str> {
        self.plain_by_path
            .get(path)
            .map(|&i| self.plain_scalars[i].1.as_str())
    }

    /// Position of the key that names `path`, else of its value.
    pub fn key_pos(&self, path: &str) -> Option<Pos> {
        self.keys
            .get(path)
            .copied()
            .or_else(|| self.value_pos(path))
    }
}

/// The parent of a field path: `a.b[2]` → `a.b`, `a.b` → `a`, `a` → `""`.
pub fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        keys: HashMap<String, Pos>,
        nodes: usize,
        anchor: usize,
    },
    Seq {
        path: String,
        next: usize,
        nodes: usize,
        anchor: usize,
    },
}

fn pos(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        col: span.start.col() + 1,
    }
}

/// The items saphyr's parser yields.
type Item<'a> = Result<(Event<'a>, Span), saphyr_parser::ScanError>;

/// Scans `text`; returns the index, or every structural problem found before giving up.
pub fn scan(text: &str) -> Result<YamlIndex, Vec<Problem>> {
    if let Some(problem) = forbidden_char(text) {
        return Err(vec![problem]);
    }
    let mut scanner = Scanner::default();
    let mut events = Parser::new_from_str(text);
    while let Some(item) = events.next() {
        let step = match item {
            Ok((event, span)) => scanner.event(event, pos(&span), &mut events),
            Err(e) => Err(syntax_error(&e)),
        };
        if let Err(fatal) = step {
            scanner.problems.push(fatal);
            return Err(scanner.problems);
        }
    }
    scanner.finish()
}

/// One scan under way: the index built so far, the open mappings and sequences, the sizes of
/// the anchors and the counts the limits are checked against. A method's `Err` is the problem
/// that ends the scan.
#[derive(Default)]
struct Scanner {
    index: YamlIndex,
    problems: Vec<Problem>,
    stack: Vec<Frame>,
    /// Nodes of each anchor (by id), for the aliases that stand for it.
    anchors: HashMap<usize, usize>,
    /// Nodes written in the file.
    plain_nodes: usize,
    /// Nodes added by aliases standing for their anchors.
    alias_nodes: usize,
    documents: usize,
    top_seen: bool,
    /// Key paths already reported as written twice.
    warned_keys: HashSet<String>,
}

impl Scanner {
    /// Dispatches one event at `at`; `rest` is the events after it.
    fn event<'a>(
        &mut self,
        event: Event<'a>,
        at: Pos,
        rest: impl Iterator<Item = Item<'a>>,
    ) -> Result<(), Problem> {
        match event {
            Event::DocumentStart(_) => self.document_start(at),
            Event::SequenceEnd | Event::MappingEnd => {
                self.close();
                Ok(())
            }
            Event::Scalar(..)
            | Event::SequenceStart(..)
            | Event::MappingStart(..)
            | Event::Alias(_) => self.node(event, at, rest),
            _ => Ok(()),
        }
    }

    /// Refuses a second YAML document in the file.
    fn document_start(&mut self, at: Pos) -> Result<(), Problem> {
        self.documents += 1;
        if self.documents > 1 {
            return Err(several_documents(at));
        }
        Ok(())
    }

    /// A mapping or sequence ends: its anchor learns its size, its parent its nodes.
    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (Frame::Map { nodes, anchor, .. } | Frame::Seq { nodes, anchor, .. }) = frame;
        if anchor != 0 {
            self.anchors.insert(anchor, nodes + 1);
        }
        if let Some(parent) = self.stack.last_mut() {
            add_nodes(parent, nodes);
        }
    }

    /// A node starts: refuses a tag, counts the node, finds its path and indexes it.
    fn node<'a>(
        &mut self,
        event: Event<'a>,
        at: Pos,
        rest: impl Iterator<Item = Item<'a>>,
    ) -> Result<(), Problem> {
        let (tag, anchor) = match &event {
            Event::Scalar(_, _, a, t) => (t.is_some(), *a),
            Event::SequenceStart(a, t) | Event::MappingStart(a, t) => (t.is_some(), *a),
            _ => (false, 0),
        };
        if tag {
            self.problems.push(tag_refused(at));
        }
        let weight = self.count(&event, at, rest)?;
        match self.path_of(&event, weight, at)? {
            Some(path) => self.value(event, path, anchor, at),
            None => Ok(()),
        }
    }

    /// Counts a node (an alias as its anchor's nodes) against [`MAX_ALIAS_NODES`] and
    /// [`MAX_NODES`]; returns its weight.
    fn count<'a>(
        &mut self,
        event: &Event<'a>,
        at: Pos,
        rest: impl Iterator<Item = Item<'a>>,
    ) -> Result<usize, Problem> {
        let weight = match event {
            Event::Alias(id) => {
                let weight = self.anchors.get(id).copied().unwrap_or(1);
                self.alias_nodes = self.alias_nodes.saturating_add(weight);
                weight
            }
            _ => {
                self.plain_nodes += 1;
                1
            }
        };
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(alias_bomb(at));
        }
        if self.plain_nodes > MAX_NODES {
            return Err(too_many_nodes(self.plain_nodes, rest));
        }
        Ok(weight)
    }

    /// The path of a node that is a value (the top level, a sequence item, a mapping's
    /// value); `None` for a mapping's key (recorded here) and for a second top-level node.
    fn path_of(
        &mut self,
        event: &Event,
        weight: usize,
        at: Pos,
    ) -> Result<Option<String>, Problem> {
        match self.stack.last_mut() {
            None => self.top(event, at),
            Some(Frame::Seq {
                path, next, nodes, ..
            }) => {
                *nodes = nodes.saturating_add(weight);
                let p = format!("{path}[{next}]");
                *next += 1;
                Ok(Some(p))
            }
            Some(Frame::Map {
                path,
                key,
                keys,
                nodes,
                ..
            }) => {
                *nodes = nodes.saturating_add(weight);
                if let Some(k) = key.take() {
                    return Ok(Some(join(path, &k)));
                }
                let Event::Scalar(k, ..) = event else {
                    return Err(key_not_a_word(path, at));
                };
                let kp = join(path, k);
                if let Some(first) = keys.get(k.as_ref()) {
                    if self.warned_keys.insert(kp.clone()) {
                        self.problems.push(duplicate_key(&kp, k, *first, at));
                    }
                } else {
                    keys.insert(k.to_string(), at);
                }
                self.index.keys.entry(kp).or_insert(at);
                *key = Some(k.to_string());
                Ok(None)
            }
        }
    }

    /// The top-level node: the empty path if it is the first and a mapping.
    fn top(&mut self, event: &Event, at: Pos) -> Result<Option<String>, Problem> {
        if self.top_seen {
            return Ok(None);
        }
        self.top_seen = true;
        if !matches!(event, Event::MappingStart(..)) {
            return Err(top_not_a_mapping(at));
        }
        Ok(Some(String::new()))
    }

    /// Indexes the value at `path`: its position, a plain scalar and its anchor's size, or a
    /// mapping or sequence opened (refused past [`MAX_DEPTH`]).
    fn value(&mut self, event: Event, path: String, anchor: usize, at: Pos) -> Result<(), Problem> {
        self.index.values.entry(path.clone()).or_insert(at);
        match event {
            Event::Scalar(value, style, _, _) => {
                if style == ScalarStyle::Plain {
                    let i = self.index.plain_scalars.len();
                    self.index.plain_by_path.entry(path.clone()).or_insert(i);
                    self.index.plain_scalars.push((path, value.to_string(), at));
                }
                if anchor != 0 {
                    self.anchors.insert(anchor, 1);
                }
                Ok(())
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(too_deep(&path, at));
                }
                self.stack
                    .push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map {
                            path,
                            key: None,
                            keys: HashMap::new(),
                            nodes: 0,
                            anchor,
                        }
                    } else {
                        Frame::Seq {
                            path,
                            next: 0,
                            nodes: 0,
                            anchor,
                        }
                    });
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The index, or every problem found (an empty file is one).
    fn finish(mut self) -> Result<YamlIndex, Vec<Problem>> {
        if !self.top_seen {
            self.problems.push(empty_file());
        }
        if self.problems.is_empty() {
            Ok(self.index)
        } else {
            Err(self.problems)
        }
    }
}

/// The error for YAML that does not parse.
fn syntax_error(e: &saphyr_parser::ScanError) -> Problem {
    let m = e.marker();
    Problem::error(
        "",
        text!(
            "lỗi cú pháp YAML: {}",
            "YAML syntax error: {}",
            e.info()),
    )
    .at(Some(Pos {
        line: m.line(),
        col: m.col() + 1,
    }))
    .hint(text!(
        "kiểm tra dấu hai chấm, thụt đầu dòng (dùng dấu cách, không dùng Tab) và dấu ngoặc kép ở dòng này hoặc dòng trên",
        "check the colon, the indentation (spaces, not tabs) and the quotes on this line or the one above"
    ))
}

/// The error for a second YAML document (`---`) in the file.
fn several_documents(at: Pos) -> Problem {
    Problem::error(
        "",
        text!(
            "tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ mô tả một cuộc họp",
            "the file holds several YAML documents (---); one file describes one meeting"
        ),
    )
    .at(Some(at))
}

/// The error for a YAML tag (`!`).
fn tag_refused(at: Pos) -> Problem {
    Problem::error(
        "",
        text!(
            "thẻ YAML (dấu !) không được dùng trong tệp cuộc họp",
            "YAML tags (!) are not allowed in a meeting file"
        ),
    )
    .at(Some(at))
    .hint(text!(
        "xóa phần bắt đầu bằng ! và để giá trị bình thường, trong dấu ngoặc kép nếu cần",
        "remove the part starting with ! and write the value plainly, in quotes if needed"
    ))
}

/// The error for aliases that add more than [`MAX_ALIAS_NODES`] nodes.
fn alias_bomb(at: Pos) -> Problem {
    Problem::error(
        "",
        text!(
            "các bí danh YAML (*tên) trong tệp mở rộng thành hơn {MAX_ALIAS_NODES} mục; có thể là tệp độc hại",
            "the YAML aliases (*name) in the file expand to more than {MAX_ALIAS_NODES} nodes; it may be hostile"
        ),
    )
    .at(Some(at))
    .hint(text!(
        "không dùng bí danh (&tên, *tên); viết thẳng giá trị",
        "do not use aliases (&name, *name); write the values out"
    ))
}

/// The error for a top level that is not a mapping.
fn top_not_a_mapping(at: Pos) -> Problem {
    Problem::error(
        "",
        text!(
            "tệp phải là một bảng các trường (khóa: giá trị) ở cấp ngoài cùng",
            "the top level of the file must be a mapping (key: value)"
        ),
    )
    .at(Some(at))
    .hint(text!(
        "bắt đầu tệp bằng các dòng như `bloc:`, `year: 2026`, `date: 2026-03-13` (xem docs/schema.md)",
        "start the file with lines such as `bloc:`, `year: 2026`, `date: 2026-03-13` (see docs/schema.md)"
    ))
}

/// The error for a mapping key that is not a scalar, in the mapping at `path`.
fn key_not_a_word(path: &str, at: Pos) -> Problem {
    Problem::error(
        path,
        text!(
            "tên trường phải là một chữ đơn giản",
            "a key must be a plain word"
        ),
    )
    .at(Some(at))
}

/// The error for the key `k` (path `kp`) written a second time at `at`.
fn duplicate_key(kp: &str, k: &str, first: Pos, at: Pos) -> Problem {
    Problem::error(
        kp,
        text!(
            "trường `{k}` được khai báo hai lần (lần đầu ở dòng {})",
            "key `{k}` appears twice (first on line {})",
            first.line
        ),
    )
    .at(Some(at))
    .hint(text!(
        "giữ một lần khai báo và xóa lần còn lại",
        "keep one and delete the other"
    ))
}

/// The error for nesting deeper than [`MAX_DEPTH`] at `path`.
fn too_deep(path: &str, at: Pos) -> Problem {
    Problem::error(
        path,
        text!(
            "các trường lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)",
            "fields are nested too deeply (more than {MAX_DEPTH} levels)"
        ),
    )
    .at(Some(at))
}

/// The error for a file with no fields.
pub(super) fn empty_file() -> Problem {
    Problem::error(
        "",
        text!(
            "tệp trống: không có trường nào",
            "the file is empty: it has no fields"
        ),
    )
    .hint(text!(
        "xem tệp mẫu trong thư mục samples/ và tài liệu docs/schema.md",
        "see the samples/ folder and docs/schema.md"
    ))
}

/// The error for a file with more than [`MAX_NODES`] nodes: counts the rest of them (`counted`
/// so far) to say how many there are.
fn too_many_nodes<'a>(counted: usize, rest: impl Iterator<Item = Item<'a>>) -> Problem {
    let mut total = counted;
    let mut complete = true;
    for item in rest {
        match item {
            Ok((Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..), _)) => {
                total += 1;
            }
            Ok(_) => {}
            Err(_) => {
                complete = false;
                break;
            }
        }
    }
    let message = if complete {
        text!(
            "tệp có quá nhiều mục: {total} mục, giới hạn là {MAX_NODES}",
            "the file has too many entries: {total}; the limit is {MAX_NODES}"
        )
    } else {
        text!(
            "tệp có quá nhiều mục: hơn {total} mục, giới hạn là {MAX_NODES}",
            "the file has too many entries: more than {total}; the limit is {MAX_NODES}"
        )
    };
    Problem::error("", message).hint(text!(
        "một cuộc họp thật chỉ có vài nghìn mục (tên trường và giá trị); kiểm tra xem tệp có bị sinh tự động hay chép lặp lại không",
        "a real meeting has a few thousand entries (keys and values); check whether the file was generated or pasted repeatedly"
    ))
}

/// Whether YAML forbids `c` written as it is in a file (outside its printable set: C0 controls
/// but tab and line breaks, DEL, C1 controls but NEL, U+FFFE, U+FFFF).
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{84}' | '\u{86}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// An error at the first character YAML does not allow in a file (serde_yaml would refuse it
/// with no position), with how many there are.
fn forbidden_char(text: &str) -> Option<Problem> {
    let at = text.find(is_forbidden)?;
    let c = text[at..].chars().next()?;
    let count = text.chars().filter(|&c| is_forbidden(c)).count();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    Some(
        Problem::error(
            "",
            text!(
                "tệp chứa ký tự điều khiển U+{:04X}, không được phép trong tệp YAML ({count} ký tự như vậy trong tệp)",
                "the file contains the control character U+{:04X}, which YAML does not allow ({count} such character(s) in the file)",
                c as u32
            ),
        )
        .at(Some(Pos { line, col }))
        .hint(text!(
            "xóa ký tự này (thường đi theo khi dán từ chương trình khác hay từ cửa sổ dòng lệnh)",
            "delete it (it usually comes with text pasted from another program or a terminal)"
        )),
    )
}

fn add_nodes(frame: &mut Frame, n: usize) {
    match frame {
        Frame::Map { nodes, .. } | Frame::Seq { nodes, .. } => *nodes = nodes.saturating_add(n),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}
