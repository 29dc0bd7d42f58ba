//! Laid-out lines to the runs of a Word paragraph: a body paragraph flows again (its lines are
//! joined as they were written), a centred phrase keeps Typst's lines as line breaks, and
//! every character is one XML allows.

use super::tree::{Line, Par, Run};

/// A piece of a Word paragraph: a run of text, or a line break.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    /// Text in one face and size.
    Run(Run),
    /// A line break inside the paragraph (`w:br`).
    Break,
}

/// The text of `pieces`, a break as a space.
pub(crate) fn plain(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Run(r) => r.text.as_str(),
            Piece::Break => " ",
        })
        .collect()
}

/// A paragraph's lines joined to flow again: between two lines comes what the source had
/// there (a space, a forced break, or nothing after a hyphen at the line end).
pub(crate) fn flowing(par: &Par) -> Vec<Piece> {
    let source: Vec<char> = par.source.chars().collect();
    let mut cursor = 0;
    let mut pieces = Vec::new();
    for (i, line) in par.lines.iter().enumerate() {
        let text = line.text();
        if i > 0 {
            let (gap, skipped) = gap_at(&source, cursor);
            cursor += skipped;
            match gap {
                Gap::Break => pieces.push(Piece::Break),
                Gap::Space => push_text(&mut pieces, " "),
                Gap::None => {}
            }
        }
        cursor += text.chars().count();
        for run in &line.runs {
            push_run(&mut pieces, run.clone());
        }
    }
    trim_end(&mut pieces);
    pieces
}

/// Lines kept as they were laid out, a line break between two (a centred phrase).
pub(crate) fn kept(lines: &[&Line]) -> Vec<Piece> {
    joined_by(lines, |pieces| {
        trim_end(pieces);
        pieces.push(Piece::Break);
    })
}

/// Lines joined with spaces to flow again in a narrower or wider place (a table cell).
pub(crate) fn joined(lines: &[&Line]) -> Vec<Piece> {
    joined_by(lines, |pieces| {
        if !plain(pieces).ends_with([' ', '-', '/', '–']) {
            push_text(pieces, " ");
        }
    })
}

/// The runs of `lines`, `between` putting what goes between two lines.
fn joined_by(lines: &[&Line], mut between: impl FnMut(&mut Vec<Piece>)) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            between(&mut pieces);
        }
        for run in &line.runs {
            push_run(&mut pieces, run.clone());
        }
    }
    trim_end(&mut pieces);
    pieces
}

enum Gap {
    None,
    Space,
    Break,
}

/// What the source has at `at` between two laid-out lines, and how many characters it is.
fn gap_at(source: &[char], at: usize) -> (Gap, usize) {
    let mut n = 0;
    let mut gap = Gap::None;
    while let Some(&c) = source.get(at + n) {
        if c == '\n' || c == '\u{2028}' {
            gap = Gap::Break;
        } else if c.is_whitespace() && c != '\u{a0}' {
            if !matches!(gap, Gap::Break) {
                gap = Gap::Space;
            }
        } else {
            break;
        }
        n += 1;
    }
    (gap, n)
}

fn push_text(pieces: &mut [Piece], text: &str) {
    if let Some(Piece::Run(last)) = pieces.last_mut() {
        last.text.push_str(text);
    }
}

fn push_run(pieces: &mut Vec<Piece>, run: Run) {
    if let Some(Piece::Run(last)) = pieces.last_mut()
        && last.bold == run.bold
        && last.italic == run.italic
        && (last.size - run.size).abs() < 0.01
    {
        last.text.push_str(&run.text);
        return;
    }
    pieces.push(Piece::Run(run));
}

fn trim_end(pieces: &mut [Piece]) {
    if let Some(Piece::Run(last)) = pieces.last_mut() {
        let n = last.text.trim_end_matches(' ').len();
        last.text.truncate(n);
    }
}

/// `s` as Word text: the characters XML 1.0 forbids dropped (C0 controls but tab, U+FFFE,
/// U+FFFF), and hoinghi's glue marks, held on this line, as no-break spaces.
pub(crate) fn xml_safe(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some('\t'),
            '\u{2007}' | '\u{202f}' | '\u{205f}' => Some('\u{a0}'),
            '\u{2028}' | '\u{2029}' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 => None,
            '\u{fffe}' | '\u{ffff}' => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Run {
        Run {
            text: text.into(),
            size: 14.0,
            bold: false,
            italic: false,
        }
    }

    fn line(text: &str) -> Line {
        Line {
            runs: vec![run(text)],
            ..Line::default()
        }
    }

    #[test]
    fn a_paragraph_flows_again_with_what_its_source_had_between_lines() {
        let par = Par {
            source: "Số 12/NĐ-CP ngày\nhôm nay".into(),
            lines: vec![line("Số 12/NĐ-"), line("CP ngày"), line("hôm nay")],
        };
        assert_eq!(
            flowing(&par),
            vec![
                Piece::Run(run("Số 12/NĐ-CP ngày")),
                Piece::Break,
                Piece::Run(run("hôm nay"))
            ]
        );
        let wrapped = Par {
            source: "một hai ba".into(),
            lines: vec![line("một hai "), line("ba")],
        };
        assert_eq!(plain(&flowing(&wrapped)), "một hai ba");
    }

    #[test]
    fn xml_safe_drops_what_xml_forbids_and_keeps_the_rest() {
        assert_eq!(xml_safe("a\u{1}b\u{b}c\u{fffe}"), "abc");
        assert_eq!(xml_safe("<w:p> & ]]>\t\"'"), "<w:p> & ]]>\t\"'");
        assert_eq!(xml_safe("Hà\u{202f}Nội"), "Hà\u{a0}Nội");
    }
}
