//! The Word twin of a document, written from the same laid-out pages as its PDF.
//!
//! `hoinghi.typ`'s functions leave invisible records in the pages (what a construct is, and
//! what its layout decided); [`tree`] reads them back with Typst's paragraphs and the text as
//! set; [`build`] lays each construct out again as Word paragraphs, runs, tables and numbering
//! with the styles of [`styles`]; [`package`] packs the file so that the same meeting always
//! gives the same bytes. The words come only from the templates, through Typst: an office's
//! changed template changes the PDF and the DOCX alike.

mod build;
mod package;
mod photos;
mod styles;
mod text;
mod tree;

use std::io::Cursor;
use std::path::PathBuf;

use docx_rs::{
    DocGrid, DocGridType, Docx as Word, Header, LevelOverride, Numbering, PageMargin, PageNum,
    PageNumType, Paragraph, Section,
};
use typst_layout::PagedDocument;

use crate::diag::Text;
use build::{Block, Builder};
use styles::{Sizes, half, id};
use tree::Item;

/// The version of the records this writer reads (`record("setup", version: …)`).
pub const RECORD_VERSION: i64 = 1;

/// A document as Word files.
#[derive(Debug, Clone)]
pub struct Docx {
    /// The whole document.
    pub bytes: Vec<u8>,
    /// Each letter as a file of its own (one per invitation), in order; empty for a document
    /// of one letter.
    pub parts: Vec<Vec<u8>>,
    /// What could not be carried over (a photo that cannot be read).
    pub warnings: Vec<Text>,
}

/// What the Word file says about itself, and where its photos are.
#[derive(Debug, Clone, Default)]
pub struct DocxInfo {
    /// The title.
    pub title: String,
    /// The author (the issuing bloc).
    pub creator: String,
    /// Created and modified (`YYYY-MM-DDTHH:MM:SSZ`).
    pub date: String,
    /// The photos the document shows: path in the source → file.
    pub images: Vec<(String, PathBuf)>,
}

/// Writes the Word file of `document`.
pub fn write(document: &PagedDocument, info: &DocxInfo) -> Result<Docx, Text> {
    let tree = tree::read(document);
    let setup = tree
        .setup
        .as_ref()
        .filter(|s| s.int("version") == Some(RECORD_VERSION));
    let Some(setup) = setup else {
        return Err(text!(
            "hoinghi.typ đang dùng chưa có bản ghi cho DOCX (phiên bản {RECORD_VERSION}): chép lại tệp hoinghi.typ mới vào thư mục mẫu",
            "the hoinghi.typ in use has no records for DOCX (version {RECORD_VERSION}): copy the new hoinghi.typ into the templates folder"
        ));
    };
    let letters = split_letters(&tree.root.items);
    let look = Look {
        sizes: Sizes::new(setup),
        watermark: setup.str("watermark").map(str::to_string),
    };
    let mut warnings = Vec::new();
    let bytes = word_file(&letters, &look, info, &mut warnings)?;
    let mut parts = Vec::new();
    if letters.len() > 1 {
        for letter in &letters {
            parts.push(word_file(
                std::slice::from_ref(letter),
                &look,
                info,
                &mut Vec::new(),
            )?);
        }
    }
    Ok(Docx {
        bytes,
        parts,
        warnings,
    })
}

/// The tree read back from `document`, for looking at while developing.
#[doc(hidden)]
pub fn dump(document: &PagedDocument) -> String {
    format!("{:#?}", tree::read(document))
}

/// How the document looks: its sizes, and the label of a draft.
struct Look {
    sizes: Sizes,
    /// A draft's label ("DỰ THẢO"), from the library.
    watermark: Option<String>,
}

/// The body's items cut at each new letter.
fn split_letters(items: &[Item]) -> Vec<&[Item]> {
    let mut letters = Vec::new();
    let mut start = 0;
    for (i, item) in items.iter().enumerate() {
        if matches!(item, Item::Mark(r) if r.kind == "new-letter") {
            letters.push(&items[start..i]);
            start = i + 1;
        }
    }
    letters.push(&items[start..]);
    letters
}

/// One Word file of `letters`, each a section numbered from 1.
fn word_file(
    letters: &[&[Item]],
    look: &Look,
    info: &DocxInfo,
    warnings: &mut Vec<Text>,
) -> Result<Vec<u8>, Text> {
    let photo = |path: &str| {
        info.images
            .iter()
            .find(|(virtual_path, _)| {
                virtual_path == path
                    || virtual_path.trim_start_matches('/') == path.trim_start_matches('/')
            })
            .map(|(_, file)| file.clone())
    };
    let mut builder = Builder::new(&photo);
    let mut word = page(Word::new(), look)
        .default_fonts(styles::fonts())
        .default_size(half(look.sizes.get("body", 14.0)))
        .add_abstract_numbering(build::item_numbering());
    for style in styles::sheet(&look.sizes) {
        word = word.add_style(style);
    }
    for (i, letter) in letters.iter().enumerate() {
        let blocks = builder.body(letter);
        if i + 1 < letters.len() {
            let mut section = Section::new()
                .page_size(docx_rs::PageSize::new().width(11906).height(16838))
                .page_margin(margins())
                .title_pg()
                .page_num_type(PageNumType::new().start(1))
                .doc_grid(grid())
                .header(page_header(look))
                .first_header(first_header(look));
            for block in blocks {
                section = match block {
                    Block::P(p) => section.add_paragraph(*p),
                    Block::T(t) => section.add_table(*t),
                };
            }
            word = word.add_section(section);
        } else {
            for block in blocks {
                word = match block {
                    Block::P(p) => word.add_paragraph(*p),
                    Block::T(t) => word.add_table(*t),
                };
            }
        }
    }
    for (instance, start) in &builder.numberings {
        word = word.add_numbering(
            Numbering::new(*instance, build::ITEM_NUMBERING)
                .add_override(LevelOverride::new(0).start(*start as usize)),
        );
    }
    warnings.append(&mut builder.warnings);
    let mut packed = Cursor::new(Vec::new());
    word.build().pack(&mut packed).map_err(|e| {
        text!(
            "không đóng gói được tệp DOCX: {e}",
            "cannot pack the DOCX file: {e}"
        )
    })?;
    let properties = package::Properties {
        title: info.title.clone(),
        creator: info.creator.clone(),
        date: info.date.clone(),
    };
    package::repack(packed.get_ref(), &properties).map_err(|e| {
        text!(
            "không đóng gói được tệp DOCX: {e}",
            "cannot pack the DOCX file: {e}"
        )
    })
}

/// A4, the margins of spec §1, page numbers from page 2 (a different first page), no grid.
fn page(word: Word, look: &Look) -> Word {
    let mut word = word
        .page_size(11906, 16838)
        .page_margin(margins())
        .title_pg()
        .page_num_type(PageNumType::new().start(1))
        .header(page_header(look))
        .first_header(first_header(look));
    word.document = word.document.doc_grid(grid());
    word
}

/// Top and bottom 20 mm, left 30 mm, right 15 mm; the page number 10 mm from the top.
fn margins() -> PageMargin {
    PageMargin::new()
        .top(1134)
        .bottom(1134)
        .left(1701)
        .right(850)
        .header(567)
        .footer(567)
        .gutter(0)
}

fn grid() -> DocGrid {
    DocGrid::new().grid_type(DocGridType::Default)
}

/// The header of pages after the first: the page number, centred.
fn page_header(look: &Look) -> Header {
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .style(id::PAGE)
            .add_page_num(PageNum::new()),
    );
    draft_label(header, look)
}

/// The first page's header: nothing (or the draft label).
fn first_header(look: &Look) -> Header {
    draft_label(Header::new(), look)
}

/// A draft says so at the top of every page (a Word header cannot hold the PDF's rotated
/// watermark without a drawing shape).
fn draft_label(header: Header, look: &Look) -> Header {
    let Some(label) = &look.watermark else {
        return header;
    };
    header.add_paragraph(
        Paragraph::new().style(id::PAGE).add_run(
            docx_rs::Run::new()
                .bold()
                .color("A6A6A6")
                .add_text(text::xml_safe(label)),
        ),
    )
}
