//! Small text utilities shared by the stages (no Vietnamese rules here: see [`crate::vietnamese`]).

/// `s` in Unicode NFC. Text that is already NFC (nearly all of it: ASCII, precomposed
/// Vietnamese) is recognised by the quick check and copied without decomposing it.
pub fn to_nfc(s: &str) -> String {
    nfc_cow(s).into_owned()
}

/// `s` in Unicode NFC, borrowed when it already is.
pub fn nfc_cow(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Number of characters in possibly-invalid UTF-8 (invalid bytes count one each).
pub fn char_count_lossy(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).chars().count()
}

/// Collapses every run of whitespace to one space and trims both ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The candidate closest to `word` (Jaro-Winkler ≥ 0.8), for "did you mean" hints.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Whether `c` is a C0 or C1 control character (or DEL), what a terminal may act on, or a
/// bidirectional formatting character (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069),
/// which reorders what is shown after it.
pub fn is_terminal_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1F}'
            | '\u{7F}'..='\u{9F}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// `s` made safe to print on a terminal: every C0/C1 control character becomes a visible
/// escape (`\u{1b}`), a tab becomes a space; line feeds stay when `keep_newlines` is set
/// (a message of several lines), and are escaped otherwise (a file name, a field path).
///
/// Borrowed unchanged when there is nothing to escape, so it costs one scan on clean text.
pub fn escape_controls(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| is_terminal_control(c) && !(keep_newlines && c == '\n');
    if !s.chars().any(needs) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            c if needs(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Straight double quotes turned into the quotation marks Vietnamese print uses (“ ”): a quote
/// at the start or after a space or an opening bracket opens, any other closes.
pub fn curly_quotes(s: &str) -> String {
    if !s.contains('"') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c == '"' {
            let opens = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '“'));
            out.push(if opens { '“' } else { '”' });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_quotes_become_vietnamese_quotes() {
        assert_eq!(
            curly_quotes(r#"phong trào "Dân vận khéo" năm 2026"#),
            "phong trào “Dân vận khéo” năm 2026"
        );
        assert_eq!(curly_quotes(r#""a" ("b")"#), "“a” (“b”)");
        assert_eq!(curly_quotes("không có"), "không có");
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(
            escape_controls("a\x1b[31mb\x07\u{9b}c\td", false),
            "a\\u{1b}[31mb\\u{7}\\u{9b}c d"
        );
        assert_eq!(escape_controls("dòng 1\ndòng 2", true), "dòng 1\ndòng 2");
        assert_eq!(escape_controls("a\nb", false), "a\\u{a}b");
        assert!(matches!(
            escape_controls("Sở Tài chính", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
