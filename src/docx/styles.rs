//! The Word file's style sheet: styles a clerk recognises by their Vietnamese names (ids are
//! ASCII), with the spacing of spec §10 and the sizes of the profile, read from the `setup`
//! record so that an office's change to `sizes` in `hoinghi.typ` shows here too.

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, RunFonts, SpecialIndentType, Style, StyleType,
};

use super::tree::Record;

/// Points to twentieths of a point (Word's twips).
pub(crate) fn tw(pt: f64) -> i32 {
    (pt * 20.0).round() as i32
}

/// Points to half-points (Word's font sizes).
pub(crate) fn half(pt: f64) -> usize {
    (pt * 2.0).round().max(2.0) as usize
}

/// The text width of the page in twips (A4, 30 mm and 15 mm margins: 165 mm).
pub(crate) const TEXT_WIDTH: i32 = 9354;

/// The font Word is told to use: Times New Roman, which the clerk's Word has (the PDF embeds
/// the metric-compatible Liberation Serif).
pub(crate) const FONT: &str = "Times New Roman";

/// Style ids.
pub(crate) mod id {
    /// Văn bản: the body's justified paragraphs.
    pub const BODY: &str = "VanBan";
    /// Căn cứ: a legal basis.
    pub const BASIS: &str = "CanCu";
    /// Đề mục: a heading inside the body.
    pub const HEADING: &str = "DeMuc";
    /// Khoản: a numbered paragraph.
    pub const ITEM: &str = "Khoan";
    /// Khối căn giữa: centred single-spaced lines (header, title, signatures).
    pub const CENTRED: &str = "KhoiCanGiua";
    /// Đường kẻ: the rule under a name or the motto.
    pub const RULE: &str = "DuongKe";
    /// Nơi nhận: the label.
    pub const RECIPIENTS: &str = "NoiNhan";
    /// Nơi nhận - mục: one recipient.
    pub const RECIPIENT: &str = "NoiNhanMuc";
    /// Ô bảng: a table cell's text.
    pub const CELL: &str = "OBang";
    /// Số trang: the page number.
    pub const PAGE: &str = "SoTrang";
    /// Tít bài: the article's headline.
    pub const HEADLINE: &str = "TitBai";
    /// Chú thích ảnh: a photo's caption.
    pub const CAPTION: &str = "ChuThichAnh";
    /// Tác giả: the byline.
    pub const BYLINE: &str = "TacGia";
    /// Ảnh: the paragraph holding a photo.
    pub const PHOTO: &str = "Anh";
}

/// The sizes of the `setup` record, in points.
#[derive(Debug, Clone)]
pub(crate) struct Sizes {
    record: Record,
}

impl Sizes {
    /// The sizes in `setup` (its `sizes` dictionary).
    pub fn new(setup: &Record) -> Sizes {
        let record = match setup.get("sizes") {
            Some(typst::foundations::Value::Dict(d)) => Record {
                kind: "sizes".into(),
                fields: d.clone(),
            },
            _ => Record::default(),
        };
        Sizes { record }
    }

    /// The size named `name`, or `fallback` points.
    pub fn get(&self, name: &str, fallback: f64) -> f64 {
        self.record.points(name).unwrap_or(fallback)
    }
}

/// Every style of the document.
pub(crate) fn sheet(sizes: &Sizes) -> Vec<Style> {
    let body = sizes.get("body", 14.0);
    vec![
        para(id::BODY, "Văn bản")
            .size(half(body))
            .align(AlignmentType::Both)
            .indent(Some(0), Some(SpecialIndentType::FirstLine(567)), None, None)
            .line_spacing(
                LineSpacing::new()
                    .line(252)
                    .line_rule(LineSpacingType::Auto)
                    .before(0)
                    .after(120),
            ),
        para(id::BASIS, "Căn cứ").based_on(id::BODY).italic(),
        para(id::HEADING, "Đề mục").based_on(id::BODY).bold(),
        para(id::ITEM, "Khoản").based_on(id::BODY),
        para(id::CENTRED, "Khối căn giữa")
            .size(half(body))
            .align(AlignmentType::Center)
            .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
            .line_spacing(single()),
        para(id::RULE, "Đường kẻ")
            .based_on(id::CENTRED)
            .size(2)
            .line_spacing(
                LineSpacing::new()
                    .line(20)
                    .line_rule(LineSpacingType::Exact)
                    .before(0)
                    .after(0),
            ),
        para(id::RECIPIENTS, "Nơi nhận")
            .size(half(sizes.get("recipients-label", 12.0)))
            .align(AlignmentType::Left)
            .line_spacing(single()),
        para(id::RECIPIENT, "Nơi nhận - mục")
            .size(half(sizes.get("recipients", 11.0)))
            .align(AlignmentType::Left)
            .line_spacing(single()),
    ]
    .into_iter()
    .chain(small_blocks(sizes))
    .collect()
}

/// The styles of tables, the page number and the article.
fn small_blocks(sizes: &Sizes) -> Vec<Style> {
    let body = sizes.get("body", 14.0);
    vec![
        para(id::CELL, "Ô bảng")
            .size(half(13.0))
            .align(AlignmentType::Left)
            .line_spacing(single()),
        para(id::PAGE, "Số trang")
            .size(half(sizes.get("page", 13.0)))
            .align(AlignmentType::Center)
            .line_spacing(single()),
        para(id::HEADLINE, "Tít bài")
            .size(half(18.0))
            .bold()
            .align(AlignmentType::Left)
            .line_spacing(single().after(120)),
        para(id::CAPTION, "Chú thích ảnh")
            .size(half(12.0))
            .italic()
            .align(AlignmentType::Center)
            .indent(Some(935), None, Some(935), None)
            .line_spacing(single().after(200)),
        para(id::BYLINE, "Tác giả")
            .size(half(body))
            .bold()
            .align(AlignmentType::Right)
            .line_spacing(single()),
        para(id::PHOTO, "Ảnh")
            .align(AlignmentType::Center)
            .line_spacing(single().before(200).after(60)),
    ]
}

/// Word's single line spacing (1.15 em for Times New Roman, Typst's `single`), no space
/// before or after.
fn single() -> LineSpacing {
    LineSpacing::new()
        .line(240)
        .line_rule(LineSpacingType::Auto)
        .before(0)
        .after(0)
}

/// A paragraph style `id` that Word lists as `name`.
fn para(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .q_format(true)
}

/// The fonts every run uses unless it says otherwise.
pub(crate) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}
