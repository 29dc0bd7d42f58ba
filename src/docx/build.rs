//! The tree of a laid-out document to Word's paragraphs, runs, tables and numbering: one
//! function per construct of `hoinghi.typ`, each laying out in Word what the record says and
//! the words Typst set.

use std::path::PathBuf;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, HeightRule, IndentLevel, Level,
    LevelJc, LevelSuffixType, LevelText, LineSpacing, NumberFormat, NumberingId, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, SpecialIndentType, Start,
    Table, TableAlignmentType, TableBorders, TableCell, TableCellMargins, TableLayoutType,
    TableRow, VAlignType, WidthType,
};
use typst::foundations::Value;
use typst::layout::{Alignment, HAlignment};

use crate::diag::Text;

use super::styles::{TEXT_WIDTH, half, id, tw};
use super::text::{self, Piece};
use super::tree::{Item, Line, Node, Par, Record};

/// A block of the body: a paragraph or a table.
pub(crate) enum Block {
    /// A paragraph.
    P(Box<Paragraph>),
    /// A table.
    T(Box<Table>),
}

/// The numbering every numbered paragraph uses (its instances restart it). docx-rs always
/// writes a numbering of its own as 1.
pub(crate) const ITEM_NUMBERING: usize = 2;

/// The abstract numbering of numbered paragraphs: "1." then a space, indented like a body
/// paragraph's first line.
pub(crate) fn item_numbering() -> AbstractNumbering {
    AbstractNumbering::new(ITEM_NUMBERING).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new("%1."),
            LevelJc::new("left"),
        )
        .indent(Some(0), Some(SpecialIndentType::FirstLine(567)), None, None)
        .suffix(LevelSuffixType::Space),
    )
}

/// Builds the blocks of one document (or one letter of it).
pub(crate) struct Builder<'a> {
    /// A photo's file, from its path in the source.
    pub photo: &'a dyn Fn(&str) -> Option<PathBuf>,
    /// The numbering instances made so far: (id, first number).
    pub numberings: Vec<(usize, i64)>,
    /// The last numbered paragraph's number and instance.
    last_number: Option<(i64, usize)>,
    /// Pictures made so far.
    pub pictures: usize,
    /// What could not be carried over, said for the person running hoinghi.
    pub warnings: Vec<Text>,
}

impl<'a> Builder<'a> {
    /// A builder reading photos through `photo`.
    pub fn new(photo: &'a dyn Fn(&str) -> Option<PathBuf>) -> Self {
        Builder {
            photo,
            numberings: Vec::new(),
            last_number: None,
            pictures: 0,
            warnings: Vec::new(),
        }
    }

    /// The body's items as blocks.
    pub fn body(&mut self, items: &[Item]) -> Vec<Block> {
        let mut out = Vec::new();
        let mut role: Option<&Record> = None;
        for item in items {
            match item {
                Item::Mark(r) if r.kind == "role" => role = Some(r),
                Item::Mark(_) => {}
                Item::Par(par) => {
                    out.push(Block::P(Box::new(self.body_par(par, role.take()))));
                }
                Item::Loose(lines) => {
                    let refs: Vec<&Line> = lines.iter().collect();
                    let pieces = text::kept(&refs);
                    out.push(Block::P(Box::new(pieces_par(id::BODY, &pieces))));
                }
                Item::Node(node) => {
                    // A role belongs to the paragraph right after it, not to a construct.
                    role = None;
                    self.node(node, &mut out);
                }
                Item::Picture(image, size) => {
                    // A template's own image: drawn at the size it has on the page.
                    if let Some(p) = self.placed_picture(image, *size) {
                        out.push(Block::P(Box::new(p)));
                    }
                }
            }
        }
        space_after_tables(&mut out);
        out
    }

    /// A paragraph of the body in its role.
    fn body_par(&mut self, par: &Par, role: Option<&Record>) -> Paragraph {
        let pieces = text::flowing(par);
        let kind = role.and_then(|r| r.str("role")).unwrap_or("");
        if kind != "numbered" {
            self.last_number = None;
        }
        match kind {
            "heading" => pieces_par(id::HEADING, &pieces).keep_next(true),
            "basis" => pieces_par(id::BASIS, &pieces),
            "keep" => pieces_par(id::BODY, &pieces).keep_next(true),
            "kicker" => pieces_par(id::CENTRED, &pieces)
                .align(AlignmentType::Left)
                .line_spacing(LineSpacing::new().after(120)),
            "byline" => pieces_par(id::BYLINE, &pieces),
            "numbered" => self.numbered(role, pieces),
            _ => pieces_par(id::BODY, &pieces),
        }
    }

    /// A numbered paragraph: its number taken off the text and made Word's numbering.
    fn numbered(&mut self, role: Option<&Record>, mut pieces: Vec<Piece>) -> Paragraph {
        let Some(n) = role.and_then(|r| r.int("number")) else {
            return pieces_par(id::BODY, &pieces);
        };
        let label = format!("{n}. ");
        let stripped = match pieces.first_mut() {
            Some(Piece::Run(run)) if run.text.starts_with(&label) => {
                run.text.drain(..label.len());
                true
            }
            _ => false,
        };
        if !stripped {
            self.last_number = None;
            return pieces_par(id::BODY, &pieces);
        }
        let instance = match self.last_number {
            Some((last, instance)) if last + 1 == n => instance,
            _ => {
                let instance = self.numberings.len() + ITEM_NUMBERING;
                self.numberings.push((instance, n));
                instance
            }
        };
        self.last_number = Some((n, instance));
        pieces_par(id::ITEM, &pieces).numbering(NumberingId::new(instance), IndentLevel::new(0))
    }

    /// A construct of the body.
    fn node(&mut self, node: &Node, out: &mut Vec<Block>) {
        self.last_number = None;
        match node.kind() {
            "header" => out.push(Block::T(Box::new(self.header(node)))),
            "title" => {
                let mut paras = self.stack(node, TEXT_WIDTH);
                space_around(&mut paras, 360, 240);
                out.extend(paras.into_iter().map(|p| Block::P(Box::new(p))));
            }
            "signature-grid" => self.signature_grid(node, out),
            "sign-off" => out.push(Block::T(Box::new(self.sign_off(node)))),
            "recipients" => out.extend(
                self.recipients(node, TEXT_WIDTH)
                    .into_iter()
                    .map(|p| Block::P(Box::new(p))),
            ),
            "table" => out.push(Block::T(Box::new(self.data_table(node)))),
            "headline" => {
                for lines in node.children("lines") {
                    let pieces = text::kept(&lines.all_lines());
                    out.push(Block::P(Box::new(pieces_par(id::HEADLINE, &pieces))));
                }
            }
            "photo" => self.photo_block(node, out),
            _ => {
                let mut paras = self.stack(node, TEXT_WIDTH);
                space_around(&mut paras, 60, 120);
                out.extend(paras.into_iter().map(|p| Block::P(Box::new(p))));
            }
        }
    }

    /// Centred lines, single-spaced: each phrase a paragraph with Typst's line breaks, each
    /// rule a paragraph with a top border as long as the measured rule.
    fn stack(&mut self, node: &Node, width: i32) -> Vec<Paragraph> {
        let mut out = Vec::new();
        for item in &node.items {
            match item {
                Item::Node(n) if n.kind() == "lines" => {
                    let pieces = text::kept(&n.all_lines());
                    if !pieces.is_empty() {
                        out.push(pieces_par(id::CENTRED, &pieces));
                    }
                }
                Item::Node(n) if n.kind() == "recipients" => out.extend(self.recipients(n, width)),
                Item::Node(n) => out.extend(self.stack(n, width)),
                Item::Par(p) => out.push(pieces_par(id::CENTRED, &text::flowing(p))),
                Item::Loose(lines) => {
                    let refs: Vec<&Line> = lines.iter().collect();
                    out.push(pieces_par(id::CENTRED, &text::kept(&refs)));
                }
                Item::Picture(image, size) => out.extend(self.placed_picture(image, *size)),
                Item::Mark(r) if r.kind == "rule" => {
                    if let Some(w) = r.points("width") {
                        out.push(rule(tw(w), width));
                    }
                }
                Item::Mark(_) => {}
            }
        }
        out
    }

    /// The header: a borderless two-column table, the names and the rules on the first row,
    /// the number and date on the second.
    fn header(&mut self, node: &Node) -> Table {
        let left = match node.record.get("left") {
            Some(Value::Ratio(r)) => r.get(),
            _ => 0.42,
        };
        let lw = (TEXT_WIDTH as f64 * left).round() as i32;
        let widths = [lw, TEXT_WIDTH - lw];
        let cells: Vec<&Node> = node.all_nodes("cell");
        let mut rows = Vec::new();
        for (r, pair) in cells.chunks(2).enumerate() {
            let mut row = Vec::new();
            for (c, cell) in pair.iter().enumerate() {
                let mut paras = self.stack(cell, widths[c]);
                if r > 0 {
                    space_around(&mut paras, 120, 0);
                }
                row.push(cell_of(paras, widths[c]).vertical_align(VAlignType::Top));
            }
            rows.push(TableRow::new(row).cant_split());
        }
        borderless(rows, &widths)
    }

    /// The signature grid: its heading, then per row of units a table row of their titles and
    /// one of their names, never split; a short last row centred as a table of its own.
    fn signature_grid(&mut self, node: &Node, out: &mut Vec<Block>) {
        let columns = node.record.int("columns").unwrap_or(2).max(1) as usize;
        let gutter = tw(node.record.points("gutter").unwrap_or(17.0));
        let cell_width = (TEXT_WIDTH - gutter * (columns as i32 - 1)) / columns as i32;
        if let Some(heading) = node.children("heading").next() {
            let mut paras = self.stack(heading, TEXT_WIDTH);
            space_around(&mut paras, 320, 240);
            out.extend(
                paras
                    .into_iter()
                    .map(|p| Block::P(Box::new(p.keep_next(true)))),
            );
        }
        let cells: Vec<&Node> = node.all_nodes("cell");
        let units = cells.len() / 2;
        let mut start = 0;
        let mut rows_full = Vec::new();
        while start < units {
            let n = columns.min(units - start);
            let titles = &cells[2 * start..2 * start + n];
            let names = &cells[2 * start + n..2 * start + 2 * n];
            let last = start + n >= units;
            let rows = self.signature_rows(titles, names, (cell_width, gutter), last);
            if n == columns {
                rows_full.extend(rows);
            } else {
                if !rows_full.is_empty() {
                    let full = std::mem::take(&mut rows_full);
                    out.push(Block::T(Box::new(grid_table(
                        full, columns, cell_width, gutter,
                    ))));
                    // Two tables side by side would be read as one: a hairline between.
                    out.push(Block::P(Box::new(Paragraph::new().style(id::RULE))));
                }
                out.push(Block::T(Box::new(grid_table(rows, n, cell_width, gutter))));
            }
            start += n;
        }
        if !rows_full.is_empty() {
            out.push(Block::T(Box::new(grid_table(
                rows_full, columns, cell_width, gutter,
            ))));
        }
    }

    /// The two table rows of one row of signatures: titles (kept with the names) and names.
    fn signature_rows(
        &mut self,
        titles: &[&Node],
        names: &[&Node],
        (cell_width, gutter): (i32, i32),
        last: bool,
    ) -> Vec<TableRow> {
        let mut top = Vec::new();
        let mut bottom = Vec::new();
        for (i, (t, n)) in titles.iter().zip(names).enumerate() {
            if i > 0 {
                top.push(cell_of(Vec::new(), gutter));
                bottom.push(cell_of(Vec::new(), gutter));
            }
            let paras = self.stack(t, cell_width);
            let paras = paras.into_iter().map(|p| p.keep_next(true)).collect();
            top.push(cell_of(paras, cell_width).vertical_align(VAlignType::Top));
            let mut name = self.stack(n, cell_width);
            space_around(&mut name, tw(26.0 * 72.0 / 25.4), 320);
            if last {
                name = name.into_iter().map(|p| p.keep_next(true)).collect();
            }
            bottom.push(cell_of(name, cell_width));
        }
        vec![
            TableRow::new(top).cant_split(),
            TableRow::new(bottom).cant_split(),
        ]
    }

    /// The end of a letter or the minutes: two columns side by side, one row never split.
    fn sign_off(&mut self, node: &Node) -> Table {
        let gutter = tw(node.record.points("gutter").unwrap_or(22.7));
        let w = (TEXT_WIDTH - gutter) / 2;
        let cells = node.all_nodes("cell");
        let mut row = Vec::new();
        for (i, cell) in cells.iter().take(2).enumerate() {
            if i > 0 {
                row.push(cell_of(Vec::new(), gutter));
            }
            let mut paras = Vec::new();
            for item in &cell.items {
                match item {
                    Item::Node(n) if n.kind() == "signature" => {
                        paras.extend(self.signature(n));
                    }
                    Item::Node(n) if n.kind() == "recipients" => {
                        let mut list = self.recipients(n, w);
                        if !paras.is_empty() {
                            space_around(&mut list, 200, 0);
                        }
                        paras.extend(list);
                    }
                    Item::Node(n) => paras.extend(self.stack(n, w)),
                    _ => {}
                }
            }
            row.push(cell_of(paras, w).vertical_align(VAlignType::Top));
        }
        borderless(vec![TableRow::new(row).cant_split()], &[w, gutter, w])
    }

    /// A signature: the authority lines, space for the signature, the name.
    fn signature(&mut self, node: &Node) -> Vec<Paragraph> {
        let mut paras = Vec::new();
        let parts: Vec<&Node> = node.all_nodes("lines");
        for (i, lines) in parts.iter().enumerate() {
            let pieces = text::kept(&lines.all_lines());
            let mut p = pieces_par(id::CENTRED, &pieces);
            if lines.record.flag("one") && i > 0 {
                p = p.line_spacing(
                    LineSpacing::new()
                        .before(tw(26.0 * 72.0 / 25.4) as u32)
                        .after(0),
                );
            } else {
                p = p.keep_next(true);
            }
            paras.push(p);
        }
        paras
    }

    /// The Nơi nhận list: its label, then one paragraph per recipient hanging after the dash,
    /// the whole list at most 85 mm wide and, when short, kept on one page.
    fn recipients(&mut self, node: &Node, width: i32) -> Vec<Paragraph> {
        let dash = node
            .all_marks("dash")
            .first()
            .copied()
            .and_then(|r| r.points("width"))
            .unwrap_or(8.0);
        let right = (width - tw(85.0 * 72.0 / 25.4)).max(0);
        let pars: Vec<&Par> = node.all_pars();
        let short = pars.len() <= 13;
        let mut out = Vec::new();
        for (i, par) in pars.iter().enumerate() {
            let pieces = text::flowing(par);
            if i == 0 {
                out.push(if node.record.str("profile") == Some("party") {
                    underlined_label(&pieces)
                } else {
                    pieces_par(id::RECIPIENTS, &pieces).keep_next(true)
                });
            } else {
                let p = pieces_par(id::RECIPIENT, &pieces).indent(
                    Some(tw(dash)),
                    Some(SpecialIndentType::Hanging(tw(dash))),
                    Some(right),
                    None,
                );
                out.push(p.keep_next(short && i + 1 < pars.len()));
            }
        }
        out
    }

    /// A ruled table of data: the columns of the record, the header row repeated on each page,
    /// rows never split, each cell's text as Typst set it, to flow again in Word.
    fn data_table(&mut self, node: &Node) -> Table {
        let widths = column_widths(node.record.get("widths"));
        let aligns = column_aligns(node.record.get("aligns"), widths.len());
        let size = node.record.points("size").unwrap_or(13.0);
        let cells = node.all_nodes("cell");
        // Rows in order, each cell at its column (Typst leaves no record in an empty cell).
        let mut rows: Vec<DataRow> = Vec::new();
        // Typst lays the header row out again on each new page: each cell is read once.
        let mut seen = std::collections::HashSet::new();
        for cell in cells {
            let y = cell.record.int("y").unwrap_or(0);
            let x = cell.record.int("x").unwrap_or(0).max(0) as usize;
            if !seen.insert((x, y)) {
                continue;
            }
            let span = cell.record.int("colspan").unwrap_or(1).max(1) as usize;
            if rows.last().is_none_or(|row| row.y != y) {
                rows.push(DataRow {
                    y,
                    height: 0.0,
                    cells: Vec::new(),
                });
            }
            let width: i32 = widths.iter().skip(x).take(span).sum();
            // The header row is centred, whatever the column's alignment.
            let head = node.record.int("head").unwrap_or(0) > 0 && y == 0;
            let align = match aligns.get(x) {
                _ if head => AlignmentType::Center,
                Some(a) => *a,
                None => AlignmentType::Left,
            };
            let p = self.cell_par(cell, size).align(align);
            let mut c = cell_of(vec![p], width).vertical_align(VAlignType::Center);
            if span > 1 {
                c = c.grid_span(span);
            }
            let row = rows.last_mut().expect("pushed");
            // Every cell of a Typst row is as high as the row; a cell whose record Typst
            // placed in an outer frame (the table's first) reads higher, never lower.
            if cell.height > 0.0 && (row.height == 0.0 || cell.height < row.height) {
                row.height = cell.height;
            }
            row.cells.push((x, span, c));
        }
        // Each row at least as high as Typst set it (a row left for a signature stays so).
        let rows = rows
            .into_iter()
            .map(|row| {
                TableRow::new(filled(row.cells, &widths))
                    .cant_split()
                    .row_height(tw(row.height.min(MAX_ROW_HEIGHT)) as f32)
                    .height_rule(HeightRule::AtLeast)
            })
            .collect();
        Table::new(rows)
            .set_grid(widths.iter().map(|w| *w as usize).collect())
            .layout(TableLayoutType::Fixed)
            .width(TEXT_WIDTH as usize, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(100, 80, 100, 80))
            .set_borders(TableBorders::new())
    }

    /// A table cell's paragraph: the text `cell` decided (to flow again in Word's cell), a
    /// phrase's lines as laid out, or the loose lines joined.
    fn cell_par(&mut self, cell: &Node, size: f64) -> Paragraph {
        let texts: Vec<&str> = cell
            .all_marks("text")
            .into_iter()
            .filter_map(|r| r.str("text"))
            .collect();
        let lines = cell.all_lines();
        let pieces = if !texts.is_empty() {
            let (bold, italic) = lines
                .first()
                .and_then(|l| l.runs.first())
                .map(|r| (r.bold, r.italic))
                .unwrap_or((false, false));
            let mut pieces = Vec::new();
            for (i, t) in texts.iter().enumerate() {
                if i > 0 {
                    pieces.push(Piece::Break);
                }
                pieces.push(Piece::Run(super::tree::Run {
                    text: t.to_string(),
                    size,
                    bold,
                    italic,
                }));
            }
            pieces
        } else if cell.all_nodes("lines").is_empty() {
            text::joined(&lines)
        } else {
            // Phrases (a header cell) keep Typst's balanced lines; a name stays on its line.
            let mut pieces = Vec::new();
            for (i, phrase) in cell.all_nodes("lines").iter().enumerate() {
                if i > 0 {
                    pieces.push(Piece::Break);
                }
                pieces.extend(text::kept(&phrase.all_lines()));
            }
            pieces
        };
        pieces_par(id::CELL, &pieces)
    }

    /// A photo: the picture centred, 80 % of the text width, then its caption. The photo's
    /// file is read as for the web (upright, at most 1600 px); one that cannot be (an SVG) is
    /// drawn as Typst placed it.
    fn photo_block(&mut self, node: &Node, out: &mut Vec<Block>) {
        let file = node.record.str("file").unwrap_or("");
        let from_file = match (self.photo)(file) {
            Some(path) => super::photos::picture(&path),
            None => Err(text!(
                "DOCX: không tìm thấy ảnh {file}",
                "DOCX: the photo {file} was not found"
            )),
        };
        let drawn = || {
            node.items.iter().find_map(|item| match item {
                Item::Picture(image, size) => Some(super::photos::drawn(image, *size)),
                _ => None,
            })
        };
        let picture = match from_file {
            Ok(picture) => Ok(picture),
            Err(problem) => drawn().unwrap_or(Err(problem)),
        };
        match picture {
            Ok(png) => {
                // 80 % of the text width (twips to EMU: × 635), the height in proportion.
                let width = TEXT_WIDTH as f64 * 0.8 * 635.0;
                let p = self.picture_par(png, width).keep_next(true);
                out.push(Block::P(Box::new(p)));
            }
            Err(problem) => self.warnings.push(problem),
        }
        for par in node.all_pars() {
            out.push(Block::P(Box::new(pieces_par(
                id::CAPTION,
                &text::flowing(par),
            ))));
        }
    }
}

impl Builder<'_> {
    /// A centred paragraph holding the picture `(png, w, h)`, `width` EMU wide (its height in
    /// proportion), with an id of its own.
    fn picture_par(&mut self, (png, w, h): (Vec<u8>, u32, u32), width: f64) -> Paragraph {
        self.pictures += 1;
        let height = width * f64::from(h) / f64::from(w.max(1));
        let pic = Pic::new_with_dimensions(png, w, h)
            .id(format!("rIdImage{}", self.pictures))
            .size(width as u32, height as u32);
        Paragraph::new()
            .style(id::PHOTO)
            .add_run(docx_rs::Run::new().add_image(pic))
    }

    /// A picture a template placed, at its size on the page (points to EMU: × 12,700).
    fn placed_picture(
        &mut self,
        image: &typst::visualize::Image,
        size: typst::layout::Size,
    ) -> Option<Paragraph> {
        match super::photos::drawn(image, size) {
            Ok(png) => Some(self.picture_par(png, size.x.to_pt() * 12_700.0)),
            Err(problem) => {
                self.warnings.push(problem);
                None
            }
        }
    }
}

/// A paragraph in `style` with `pieces`.
pub(crate) fn pieces_par(style: &str, pieces: &[Piece]) -> Paragraph {
    // No line left alone at a page's foot or head, as Word's own Normal style has it.
    let mut p = Paragraph::new().style(style).widow_control(true);
    for piece in pieces {
        p = match piece {
            Piece::Run(r) => p.add_run(run(r)),
            Piece::Break => p.add_run(docx_rs::Run::new().add_break(BreakType::TextWrapping)),
        };
    }
    p
}

/// A Word run with the face and size Typst set, its tabs as Word tabs.
fn run(r: &super::tree::Run) -> docx_rs::Run {
    let mut out = docx_rs::Run::new().size(half(r.size));
    out = if r.bold {
        out.bold()
    } else {
        out.disable_bold()
    };
    out = if r.italic {
        out.italic()
    } else {
        out.disable_italic()
    };
    for (i, part) in text::xml_safe(&r.text).split('\t').enumerate() {
        if i > 0 {
            out = out.add_tab();
        }
        if !part.is_empty() {
            out = out.add_text(part);
        }
    }
    out
}

/// The Nơi nhận label of the Party profile: its runs underlined.
fn underlined_label(pieces: &[Piece]) -> Paragraph {
    let mut out = Paragraph::new().style(id::RECIPIENTS).keep_next(true);
    for piece in pieces {
        if let Piece::Run(r) = piece {
            out = out.add_run(run(r).underline("single"));
        }
    }
    out
}

/// An empty paragraph whose top border is the rule: `length` twips long, centred in `width`.
fn rule(length: i32, width: i32) -> Paragraph {
    let side = ((width - length) / 2).max(0);
    Paragraph::new()
        .style(id::RULE)
        .indent(
            Some(side),
            Some(SpecialIndentType::FirstLine(0)),
            Some(side),
            None,
        )
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Top)
                    .val(BorderType::Single)
                    .size(5)
                    .space(0)
                    .color("000000"),
            ),
        )
}

/// Space before the first and after the last of `paras`, in twips.
fn space_around(paras: &mut [Paragraph], before: i32, after: i32) {
    let n = paras.len();
    for (i, p) in paras.iter_mut().enumerate() {
        let spacing = match (i == 0, i + 1 == n) {
            (true, true) => LineSpacing::new().before(before as u32).after(after as u32),
            (true, false) => LineSpacing::new().before(before as u32),
            (false, true) => LineSpacing::new().after(after as u32),
            (false, false) => continue,
        };
        *p = p.clone().line_spacing(spacing);
    }
}

/// The paragraph after a data table set 10 pt below it, as Typst's block spacing does (a
/// paragraph of its own spacing, a title's, keeps it).
fn space_after_tables(blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        let (before, rest) = blocks.split_at_mut(i);
        if let (Block::T(_), Block::P(p)) = (&before[i - 1], &mut rest[0])
            && p.property.line_spacing.is_none()
        {
            let spaced = p
                .as_ref()
                .clone()
                .line_spacing(LineSpacing::new().before(200));
            **p = spaced;
        }
    }
}

/// A table cell holding `paras` (an empty paragraph when none: Word needs one).
fn cell_of(paras: Vec<Paragraph>, width: i32) -> TableCell {
    let mut cell = TableCell::new().width(width.max(0) as usize, WidthType::Dxa);
    if paras.is_empty() {
        cell = cell.add_paragraph(Paragraph::new().style(id::CENTRED));
    }
    for p in paras {
        cell = cell.add_paragraph(p);
    }
    cell
}

/// The most a data table's row is held open for, in points (a third of a page): what Typst
/// reported above it is not a row's height.
const MAX_ROW_HEIGHT: f64 = 240.0;

/// A row of a data table being built: its row number in Typst's table, the height Typst
/// gave it (points), and its cells at their columns.
struct DataRow {
    y: i64,
    height: f64,
    cells: Vec<Placed>,
}

/// A table cell at its column, with how many columns it spans.
type Placed = (usize, usize, TableCell);

/// A row's cells in column order, an empty cell wherever the row has none.
fn filled(mut row: Vec<Placed>, widths: &[i32]) -> Vec<TableCell> {
    row.sort_by_key(|(x, ..)| *x);
    let mut out = Vec::new();
    let mut column = 0;
    for (x, span, cell) in row {
        while column < x && column < widths.len() {
            out.push(cell_of(Vec::new(), widths[column]));
            column += 1;
        }
        out.push(cell);
        column = x + span;
    }
    while column < widths.len() {
        out.push(cell_of(Vec::new(), widths[column]));
        column += 1;
    }
    out
}

/// A borderless table of fixed columns, without cell margins.
fn borderless(rows: Vec<TableRow>, widths: &[i32]) -> Table {
    let total: i32 = widths.iter().sum();
    Table::without_borders(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(total as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// A table of signature rows, `n` units wide, centred.
fn grid_table(rows: Vec<TableRow>, n: usize, cell_width: i32, gutter: i32) -> Table {
    let mut widths = Vec::new();
    for i in 0..n {
        if i > 0 {
            widths.push(gutter);
        }
        widths.push(cell_width);
    }
    borderless(rows, &widths).align(TableAlignmentType::Center)
}

/// The columns of a data table in twips: fixed lengths as they are, fractions sharing the rest.
fn column_widths(value: Option<&Value>) -> Vec<i32> {
    let Some(Value::Array(items)) = value else {
        return vec![TEXT_WIDTH];
    };
    let mut fixed = 0.0;
    let mut fr = 0.0;
    for v in items.iter() {
        match v {
            Value::Length(l) => fixed += l.abs.to_pt(),
            Value::Fraction(f) => fr += f.get(),
            Value::Relative(r) => {
                fixed += r.rel.get() * TEXT_WIDTH as f64 / 20.0 + r.abs.abs.to_pt()
            }
            Value::Ratio(r) => fixed += r.get() * TEXT_WIDTH as f64 / 20.0,
            _ => fr += 1.0,
        }
    }
    let rest = (TEXT_WIDTH as f64 / 20.0 - fixed).max(0.0);
    let widths: Vec<i32> = items
        .iter()
        .map(|v| match v {
            Value::Length(l) => tw(l.abs.to_pt()),
            Value::Fraction(f) => tw(rest * f.get() / fr.max(1e-9)),
            Value::Relative(r) => tw(r.rel.get() * TEXT_WIDTH as f64 / 20.0 + r.abs.abs.to_pt()),
            Value::Ratio(r) => tw(r.get() * TEXT_WIDTH as f64 / 20.0),
            _ => tw(rest / fr.max(1.0)),
        })
        .collect();
    widths
}

/// The horizontal alignment of each column.
fn column_aligns(value: Option<&Value>, n: usize) -> Vec<AlignmentType> {
    let Some(Value::Array(items)) = value else {
        return vec![AlignmentType::Left; n];
    };
    items
        .iter()
        .map(|v| {
            let h = match v {
                Value::Dyn(d) => d.downcast::<Alignment>().and_then(|a| a.x()),
                _ => None,
            };
            match h {
                Some(HAlignment::Center) => AlignmentType::Center,
                Some(HAlignment::Right | HAlignment::End) => AlignmentType::Right,
                _ => AlignmentType::Left,
            }
        })
        .collect()
}
