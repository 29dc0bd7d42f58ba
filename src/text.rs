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
