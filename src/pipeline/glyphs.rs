//! The glyph check: every character of the meeting, as printed (upper-cased too), must be in
//! the fonts in use, or it would print as an empty box.

use crate::diag::Problem;
use crate::model::Meeting;
use crate::typeset::Fonts;

/// Every character no font in use has, as errors naming the field and the code point.
pub(crate) fn missing_glyphs(fonts: &Fonts, meeting: &Meeting) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Characters already looked up in this meeting (most are ASCII or repeat).
    let mut covered = std::collections::HashSet::new();
    let mut copy = meeting.clone();
    copy.visit_texts(&mut |path: &str, value: &mut String| {
        let mut seen = Vec::new();
        let mut report = |c: char, problems: &mut Vec<Problem>| {
            if seen.contains(&c) {
                return;
            }
            seen.push(c);
            let family = &fonts.family;
            problems.push(
                Problem::error(
                    path,
                    text!(
                        "ký tự \"{c}\" (U+{:04X}) không có trong phông {family}, sẽ in ra ô trống",
                        "the character \"{c}\" (U+{:04X}) is not in the font {family} and would print as an empty box",
                        c as u32),
                )
                .hint(text!(
                    "thay ký tự này bằng chữ thường hoặc dấu câu thông dụng",
                    "replace it with an ordinary letter or punctuation mark"
                )),
            );
        };
        let mut check = |c: char, problems: &mut Vec<Problem>| {
            if c.is_ascii_graphic() || c == ' ' {
                return;
            }
            if covered.contains(&c) {
                return;
            }
            if fonts.covers(c) {
                covered.insert(c);
            } else {
                report(c, problems);
            }
        };
        for c in value.chars() {
            check(c, &mut problems);
        }
        // The text as printed: headers and signature cells are upper-cased, and a letter's
        // capital may be missing from a font that has the small letter (ɐ/Ɐ).
        if !value.is_ascii() {
            for c in crate::vietnamese::upper_vi(value).chars() {
                check(c, &mut problems);
            }
        }
    });
    problems
}
