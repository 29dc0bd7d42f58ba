//! Small text utilities shared by the stages (no Vietnamese rules here: see [`crate::vietnamese`]).

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
}
