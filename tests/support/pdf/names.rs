//! Names broken across lines (checklist point 30).

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::segments::Seg;

/// `s` with no-break spaces as spaces and runs of whitespace as one space, NFC, upper case.
fn normalise(s: &str) -> String {
    let s: String = s.replace('\u{a0}', " ").nfc().collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Words of `s`, normalised, without the punctuation around them.
fn words(s: &str) -> Vec<String> {
    normalise(s)
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Checklist point 30, for names the caller knows (people, places): each name broken across
/// lines, as `name` when it occurs whole in no segment although each of its syllables occurs
/// in the document, or as `name: "…tail" / "head…"` when a segment ends with its first
/// syllables and the next line of the same column (on the same page, within 2 em below,
/// overlapping horizontally) starts with the rest. Compared case-insensitively, after
/// replacing U+00A0 with a space and collapsing spaces.
pub fn broken_names(pages: &[Vec<Seg>], names: &[&str]) -> Vec<String> {
    let all: Vec<&Seg> = pages.iter().flatten().collect();
    let texts: Vec<String> = all.iter().map(|s| normalise(&s.text)).collect();
    let vocabulary: HashSet<String> = all.iter().flat_map(|s| words(&s.text)).collect();
    let mut out = Vec::new();
    for name in names {
        let want = words(name);
        if want.is_empty() {
            continue;
        }
        let whole = normalise(name);
        let mut split = Vec::new();
        for ss in pages {
            for (j, a) in ss.iter().enumerate() {
                let Some(b) = ss[j + 1..].iter().find(|b| {
                    b.baseline - a.baseline > 0.35 * a.size
                        && b.baseline - a.baseline <= 2.0 * a.size
                        && a.x1.min(b.x1) > a.x0.max(b.x0)
                }) else {
                    continue;
                };
                let (wa, wb) = (words(&a.text), words(&b.text));
                for k in 1..want.len() {
                    if wa.ends_with(&want[..k]) && wb.starts_with(&want[k..]) {
                        split.push(format!(
                            "{name}: {:?} / {:?}",
                            wa[wa.len().saturating_sub(3)..].join(" "),
                            wb[..wb.len().min(3)].join(" ")
                        ));
                    }
                }
            }
        }
        if !split.is_empty() {
            out.extend(split);
        } else if !texts.iter().any(|t| t.contains(&whole))
            && want.iter().all(|w| vocabulary.contains(w))
        {
            out.push((*name).to_owned());
        }
    }
    out
}
