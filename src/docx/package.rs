//! The Word file packed: docx-rs's parts, repacked in a fixed order with every entry dated
//! 1980-01-01 and the document's own dates in `docProps/core.xml`, so that the same meeting
//! always gives the same bytes; and two fixes docx-rs cannot make itself (a data table's
//! header row repeated on every page, a picture id unique per picture).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// What the core properties say.
pub(crate) struct Properties {
    /// The title (the document's kind and subject).
    pub title: String,
    /// The author (the issuing bloc).
    pub creator: String,
    /// Created and modified, `YYYY-MM-DDTHH:MM:SSZ`.
    pub date: String,
}

/// `xml` (docx-rs's package) repacked as described above.
pub(crate) fn repack(package: &[u8], properties: &Properties) -> Result<Vec<u8>, String> {
    let mut archive = ZipArchive::new(Cursor::new(package)).map_err(|e| e.to_string())?;
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.to_string();
        if name.ends_with('/') {
            // A folder entry: a package holds parts only.
            continue;
        }
        entries.push((name, bytes));
    }
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, bytes) in entries {
        let bytes = match name.as_str() {
            "docProps/core.xml" => core_xml(properties).into_bytes(),
            "word/settings.xml" => SETTINGS.as_bytes().to_vec(),
            "word/document.xml" => number_paragraphs(&fix_document(&bytes)),
            n if n.starts_with("word/header") && n.ends_with(".xml") => number_paragraphs(&bytes),
            _ => bytes,
        };
        out.start_file(name, options).map_err(|e| e.to_string())?;
        out.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    let cursor = out.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

/// The document's settings: tab stops every 1 cm, Word 2013+ layout, Vietnamese as the theme's
/// language (docx-rs writes East Asian compatibility options that are not for this text).
const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:zoom w:percent="100" /><w:defaultTabStop w:val="567" />"#,
    r#"<w:characterSpacingControl w:val="doNotCompress" />"#,
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15" /></w:compat>"#,
    r#"<w:themeFontLang w:val="vi-VN" />"#,
    r#"</w:settings>"#
);

/// The core properties, every value escaped.
fn core_xml(p: &Properties) -> String {
    let e = crate::render::escape::html;
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy>"#,
            r#"<dc:language>vi-VN</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified>"#,
            r#"</cp:coreProperties>"#
        ),
        e(&p.title),
        e(&p.creator),
        e(&p.creator),
        e(&p.date),
        e(&p.date),
    )
}

/// Marks the first row of every ruled table as its header row (repeated on each page), and
/// numbers the pictures' `docPr` ids 1, 2, … in order.
fn fix_document(xml: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let mut out = String::with_capacity(text.len() + 256);
    let mut rest = text;
    let mut picture = 0;
    while let Some(at) = rest.find(DOC_PR) {
        out.push_str(&rest[..at]);
        picture += 1;
        out.push_str(&format!(r#"<wp:docPr id="{picture}" "#));
        rest = &rest[at + DOC_PR.len()..];
    }
    out.push_str(rest);
    let mut text = out;
    // A ruled table (style-less, with borders) opens with its grid then its first row.
    let mut fixed = String::with_capacity(text.len() + 256);
    let mut rest = text.as_str();
    while let Some(at) = rest.find(HEADER_MARK) {
        let end = at + HEADER_MARK.len();
        fixed.push_str(&rest[..end]);
        rest = &rest[end..];
        if let Some(row) = rest.find(CANT_SPLIT) {
            let head_end = rest.find("</w:trPr>").unwrap_or(usize::MAX);
            if row < head_end {
                let end = row + CANT_SPLIT.len();
                fixed.push_str(&rest[..end]);
                fixed.push_str("<w:tblHeader />");
                rest = &rest[end..];
            }
        }
    }
    fixed.push_str(rest);
    text = fixed;
    text.into_bytes()
}

/// Numbers the paragraphs' `w14:paraId`s 1, 2, … in order: docx-rs counts them per thread
/// over the thread's life, which would make a file depend on what the thread made before.
fn number_paragraphs(xml: &[u8]) -> Vec<u8> {
    const ID: &[u8] = b"w14:paraId=\"";
    let mut out = Vec::with_capacity(xml.len());
    let mut i = 0;
    let mut n = 0u32;
    while i < xml.len() {
        if xml[i..].starts_with(ID) && xml.len() >= i + ID.len() + 9 {
            n += 1;
            out.extend_from_slice(ID);
            out.extend_from_slice(format!("{n:08X}").as_bytes());
            i += ID.len() + 8;
        } else {
            out.push(xml[i]);
            i += 1;
        }
    }
    out
}

/// How docx-rs writes every picture's id (always 1).
const DOC_PR: &str = r#"<wp:docPr id="1" "#;
/// The table property hoinghi sets only on ruled data tables (their cell margins), before the
/// first row.
const HEADER_MARK: &str = r#"<w:tblCellMar><w:top w:w="100" w:type="dxa" />"#;
/// A row's property that every table row hoinghi writes has.
const CANT_SPLIT: &str = "<w:cantSplit />";
