//! Reading a Word file as a person sees its text: the paragraphs of `word/document.xml` in
//! order (a table's cells row by row), each with the number Word puts before it.

use std::collections::HashMap;
use std::io::{Cursor, Read};

/// A Word file unpacked: its parts by name.
pub struct Unpacked {
    /// Every part, by its name in the package.
    pub parts: HashMap<String, Vec<u8>>,
    /// Each entry's name and modification date `(year, month, day)`, in order.
    pub dates: Vec<(String, (u16, u8, u8))>,
}

impl Unpacked {
    /// The names of the parts under `prefix` (`word/media/`), in order.
    pub fn names_under(&self, prefix: &str) -> Vec<&String> {
        let mut names: Vec<&String> = self
            .parts
            .keys()
            .filter(|n| n.starts_with(prefix))
            .collect();
        names.sort();
        names
    }
}

/// Unpacks `bytes` (panics if it is not a ZIP package).
pub fn unpack(bytes: &[u8]) -> Unpacked {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a DOCX is a ZIP");
    let mut parts = HashMap::new();
    let mut dates = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let when = file.last_modified().unwrap_or_default();
        dates.push((name.clone(), (when.year(), when.month(), when.day())));
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        parts.insert(name, data);
    }
    Unpacked { parts, dates }
}

/// A part as text (panics if missing).
pub fn part<'a>(docx: &'a Unpacked, name: &str) -> &'a str {
    std::str::from_utf8(
        docx.parts
            .get(name)
            .unwrap_or_else(|| panic!("no part {name}")),
    )
    .expect("XML is UTF-8")
}

/// The paragraphs of the body, each as Word shows it: its number ("3. ") and its text, a tab
/// or a line break as a space. Empty paragraphs (rules, spacers) are left out.
pub fn paragraphs(bytes: &[u8]) -> Vec<String> {
    marked_paragraphs(bytes)
        .into_iter()
        .map(|(p, _)| p)
        .collect()
}

/// [`paragraphs`], each marked true when it is in a table's header row (repeated on each page).
pub fn marked_paragraphs(bytes: &[u8]) -> Vec<(String, bool)> {
    let docx = unpack(bytes);
    let starts = numbering_starts(part(&docx, "word/numbering.xml"));
    let xml = part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(xml).expect("document.xml parses");
    let mut counters: HashMap<String, i64> = HashMap::new();
    let mut out = Vec::new();
    for p in doc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        let mut text = String::new();
        for node in p.descendants() {
            if node.has_tag_name((W, "t")) {
                text.push_str(node.text().unwrap_or(""));
            } else if node.has_tag_name((W, "tab")) || node.has_tag_name((W, "br")) {
                text.push(' ');
            }
        }
        if text.trim().is_empty() {
            continue;
        }
        let num = p
            .descendants()
            .find(|n| n.has_tag_name((W, "numId")))
            .and_then(|n| n.attribute((W, "val")));
        if let Some(id) = num {
            let start = starts.get(id).copied().unwrap_or(1);
            let n = counters.entry(id.to_string()).or_insert(start - 1);
            *n += 1;
            text = format!("{n}. {text}");
        }
        let in_header = p
            .ancestors()
            .find(|n| n.has_tag_name((W, "tr")))
            .is_some_and(|tr| tr.descendants().any(|n| n.has_tag_name((W, "tblHeader"))));
        out.push((text, in_header));
    }
    out
}

/// The start of each numbering instance (`w:num` → its level-0 `startOverride`).
fn numbering_starts(xml: &str) -> HashMap<String, i64> {
    let doc = roxmltree::Document::parse(xml).expect("numbering.xml parses");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "num")))
        .filter_map(|n| {
            let id = n.attribute((W, "numId"))?.to_string();
            let start = n
                .descendants()
                .find(|c| c.has_tag_name((W, "startOverride")))
                .and_then(|c| c.attribute((W, "val")))
                .and_then(|v| v.parse().ok())
                .unwrap_or(1);
            Some((id, start))
        })
        .collect()
}

/// The texts of the first row of each table whose first row repeats on every page.
pub fn header_rows(bytes: &[u8]) -> Vec<String> {
    let docx = unpack(bytes);
    let xml = part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(xml).expect("document.xml parses");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "tr")))
        .filter(|tr| tr.descendants().any(|n| n.has_tag_name((W, "tblHeader"))))
        .map(|tr| {
            tr.descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect()
        })
        .collect()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text Typst set in the body of `doc` (the page numbers in the top margin, 20 mm =
/// 56.7 pt, left out), items joined by spaces, NFC.
pub fn body_text(doc: &typst_layout::PagedDocument) -> String {
    (0..doc.pages().len())
        .map(|p| super::pdf::page_text_below(doc, p, 56.0))
        .collect()
}

/// What Word would repair or refuse in `bytes`, as far as can be told without Word: every part
/// XML, every relationship's target in the package, a content type for every part, every table
/// cell with a paragraph, each row's cells and spans filling its table's grid, picture ids
/// unique, paragraph ids below 0x80000000.
pub fn repair_problems(bytes: &[u8]) -> Vec<String> {
    let docx = unpack(bytes);
    let mut problems = Vec::new();
    let types = part(&docx, "[Content_Types].xml");
    for (name, data) in &docx.parts {
        let Ok(text) = std::str::from_utf8(data) else {
            continue;
        };
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let Ok(xml) = roxmltree::Document::parse(text) else {
            problems.push(format!("{name} is not XML"));
            continue;
        };
        let covered = types.contains(&format!("PartName=\"/{name}\""))
            || name
                .rsplit('.')
                .next()
                .is_some_and(|ext| types.contains(&format!("Extension=\"{ext}\"")));
        if !covered {
            problems.push(format!("{name} has no content type"));
        }
        if name.ends_with(".rels") {
            let base = name.replace("_rels/", "").replace(".rels", "");
            let dir = base.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            for rel in xml.descendants().filter(|n| n.has_tag_name("Relationship")) {
                if rel.attribute("TargetMode") == Some("External") {
                    continue;
                }
                let target = rel.attribute("Target").unwrap_or("");
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None if dir.is_empty() => target.to_string(),
                    None => format!("{dir}/{target}"),
                };
                if !docx.parts.contains_key(&path) {
                    problems.push(format!("{name}: the target {path} is missing"));
                }
            }
        }
        if name == "word/document.xml" {
            problems.extend(table_problems(&xml));
            let mut pictures = std::collections::HashSet::new();
            for n in xml.descendants() {
                if n.tag_name().name() == "docPr" {
                    let id = n.attribute("id").unwrap_or("").to_string();
                    if !pictures.insert(id.clone()) {
                        problems.push(format!("picture id {id} twice"));
                    }
                }
                if let Some(id) = n.attributes().find(|a| a.name() == "paraId") {
                    let ok = u32::from_str_radix(id.value(), 16).is_ok_and(|v| v < 0x8000_0000);
                    if !ok {
                        problems.push(format!("paragraph id {}", id.value()));
                    }
                }
            }
        }
    }
    problems
}

fn table_problems(xml: &roxmltree::Document) -> Vec<String> {
    let mut problems = Vec::new();
    for tbl in xml.descendants().filter(|n| n.has_tag_name((W, "tbl"))) {
        let grid = tbl
            .children()
            .find(|n| n.has_tag_name((W, "tblGrid")))
            .map_or(0, |g| {
                g.children()
                    .filter(|c| c.has_tag_name((W, "gridCol")))
                    .count()
            });
        for tr in tbl.children().filter(|n| n.has_tag_name((W, "tr"))) {
            let mut width = 0;
            for child in tr.descendants() {
                if child.has_tag_name((W, "gridBefore")) || child.has_tag_name((W, "gridAfter")) {
                    width += child
                        .attribute((W, "val"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                }
            }
            for tc in tr.children().filter(|n| n.has_tag_name((W, "tc"))) {
                if !tc.children().any(|n| n.has_tag_name((W, "p"))) {
                    problems.push("a table cell without a paragraph".into());
                }
                width += tc
                    .descendants()
                    .find(|n| n.has_tag_name((W, "gridSpan")))
                    .and_then(|n| n.attribute((W, "val")))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1usize);
            }
            if width != grid {
                problems.push(format!(
                    "a row of {width} grid columns in a table of {grid}"
                ));
            }
        }
    }
    problems
}
