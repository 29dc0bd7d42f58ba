//! The pledge agreement's facts: the file's own title, subject, sentences and recipients
//! (each none when the file gives none: `mac-dinh.j2` words the default), the commitments
//! numbered, the signature grid's columns.

use serde::Serialize;

use super::letters::{LetterheadCtx, NumberCtx, RecipientsCtx, letterhead, number, recipients};
use crate::model::{Meeting, Section};
use crate::vietnamese::{self as vi, upper_vi};

/// Pledge agreement values.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementCtx {
    /// The header the agreement goes out under: the bloc's or the head unit's.
    pub letterhead: LetterheadCtx,
    /// Number, when the file gives the agreement's code, with the letterhead's code.
    pub number: Option<NumberCtx>,
    /// Title, as the file gives it.
    pub title: Option<String>,
    /// Line under the title, as the file gives it.
    pub subject: Option<String>,
    /// Lead sentence, when the file gives it.
    pub preamble: Option<String>,
    /// Closing paragraph, when the file gives it.
    pub closing: Option<String>,
    /// Heading over the signature grid, as the file gives it (empty: no heading).
    pub signature_heading: Option<String>,
    /// Grid columns.
    pub columns: usize,
    /// Whether the file fixed the number of columns (otherwise three columns may become two
    /// when long names would break inside a word).
    pub columns_fixed: bool,
    /// Nơi nhận.
    pub recipients: RecipientsCtx,
}

/// A section of commitments.
#[derive(Debug, Clone, Serialize)]
pub struct SectionCtx {
    /// Roman numeral ("II").
    pub roman: String,
    /// Heading in normal case.
    pub title: String,
    /// Heading, upper case.
    pub title_upper: String,
    /// Intro paragraph.
    pub intro: Option<String>,
    /// The section in a few words for the article, when the file gives it.
    pub summary: Option<String>,
    /// The section as the article names it: `summary`, else the heading in lower case; none
    /// when that is only a generic heading ("Nội dung giao ước", "Tổ chức thực hiện": see
    /// [`is_generic_heading`]), which says nothing of the content.
    pub topic: Option<String>,
    /// Whether the article names this section among the key contents (`in_article`, or
    /// `article.sections`).
    pub in_article: bool,
    /// Numbered items.
    pub items: Vec<ItemCtx>,
}

/// A numbered commitment.
#[derive(Debug, Clone, Serialize)]
pub struct ItemCtx {
    /// Number, from 1 in each section.
    pub number: usize,
    /// Text.
    pub text: String,
    /// Sub-items with their letters.
    pub subitems: Vec<SubItemCtx>,
}

/// A lettered sub-item.
#[derive(Debug, Clone, Serialize)]
pub struct SubItemCtx {
    /// "a", "b", … "đ", "e", "g" …
    pub letter: String,
    /// Text.
    pub text: String,
}

/// The agreement's facts of `m`.
pub fn build(m: &Meeting) -> AgreementCtx {
    let a = &m.agreement;
    let letterhead = letterhead(m, a.letterhead);
    AgreementCtx {
        number: m
            .numbers
            .agreement_type
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|kind| number(m.numbers.agreement, kind, letterhead.code.as_deref())),
        letterhead,
        title: a.title.clone(),
        subject: a.subject.clone(),
        preamble: a.preamble.clone(),
        closing: a.closing.clone(),
        signature_heading: a.signature_heading.clone(),
        columns: match a.columns {
            Some(c) => usize::from(c.clamp(1, 3)),
            None if m.members.len() > 12 => 3,
            None => 2,
        },
        columns_fixed: a.columns.is_some(),
        recipients: recipients(a.recipients.as_deref(), a.archive.as_deref()),
    }
}

/// Whether the article names section `i` (from 0) of `m`: the article's list of sections
/// decides when it gives one, else the section's own `in_article` (default yes).
fn named_in_article(m: &Meeting, i: usize, s: &Section) -> bool {
    match m.article.as_ref().and_then(|a| a.sections.as_ref()) {
        Some(listed) => listed.iter().any(|&n| n as usize == i + 1),
        None => s.in_article != Some(false),
    }
}

/// The commitment sections of `m`, numbered.
pub fn sections(m: &Meeting) -> Vec<SectionCtx> {
    m.commitments
        .iter()
        .enumerate()
        .map(|(i, s)| SectionCtx {
            roman: roman(i + 1),
            title: s.title.trim().to_owned(),
            title_upper: upper_vi(s.title.trim()),
            intro: s.intro.clone(),
            summary: s.summary.as_deref().map(|t| t.trim().to_owned()),
            topic: Some(
                s.summary
                    .as_deref()
                    .map(|t| t.trim().trim_end_matches(['.', ';']).to_owned())
                    .unwrap_or_else(|| {
                        vi::lower_vi(s.title.trim().trim_end_matches(['.', ';', ':']))
                    }),
            )
            .filter(|t| !is_generic_heading(t)),
            in_article: named_in_article(m, i, s),
            items: s
                .items
                .iter()
                .enumerate()
                .map(|(n, c)| ItemCtx {
                    number: n + 1,
                    text: c.text.clone(),
                    subitems: c
                        .items
                        .iter()
                        .enumerate()
                        .map(|(j, t)| SubItemCtx {
                            letter: letter(j),
                            text: t.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// Section headings that name a part of any agreement, not what this one commits to, as
/// [`vi::fold_vi`] gives them.
const GENERIC_HEADINGS: [&str; 16] = [
    "muc dich",
    "yeu cau",
    "muc dich yeu cau",
    "muc dich va yeu cau",
    "muc tieu",
    "muc dich muc tieu",
    "noi dung",
    "noi dung giao uoc",
    "noi dung giao uoc thi dua",
    "noi dung thi dua",
    "cac noi dung giao uoc",
    "cac noi dung thi dua",
    "noi dung cu the",
    "to chuc thuc hien",
    "trach nhiem thuc hien",
    "dieu khoan thi hanh",
];

/// Whether `heading` is only a generic section heading ("Mục đích, yêu cầu", "NỘI DUNG GIAO
/// ƯỚC", "Tổ chức thực hiện."), compared without case, marks or punctuation.
pub fn is_generic_heading(heading: &str) -> bool {
    GENERIC_HEADINGS.contains(&vi::fold_vi(heading).as_str())
}

/// Roman numeral for section numbers.
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Letter of the i-th sub-item (from 0), in the Vietnamese order of points (a, b, c, d, đ, e,
/// g, … y); past `y` the letters double (aa, ab, …), for any `i`.
pub fn letter(i: usize) -> String {
    const LETTERS: [&str; 23] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y",
    ];
    let n = LETTERS.len();
    if i < n {
        LETTERS[i].to_owned()
    } else {
        letter(i / n - 1) + LETTERS[i % n]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_headings() {
        for h in [
            "Mục đích, yêu cầu",
            "MỤC ĐÍCH - YÊU CẦU",
            "nội dung giao ước",
            "Nội dung giao ước thi đua:",
            "Tổ chức thực hiện.",
            "to chuc thuc hien",
        ] {
            assert!(is_generic_heading(h), "{h:?}");
        }
        for h in [
            "tổ chức thực hiện, chấm điểm, bình xét cuối năm",
            "cải cách hành chính",
            "Nội dung giao ước về chuyển đổi số",
        ] {
            assert!(!is_generic_heading(h), "{h:?}");
        }
    }

    #[test]
    fn numbering() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(
            (0..7).map(letter).collect::<Vec<_>>(),
            ["a", "b", "c", "d", "đ", "e", "g"]
        );
        assert_eq!(letter(22), "y");
        assert_eq!(letter(23), "aa");
        assert_eq!(letter(23 * 24 - 1), "yy");
        assert_eq!(letter(23 * 24), "aaa");
        // Any index has a letter (no panic at the 306th sub-item or beyond).
        assert!((0..5000).map(letter).all(|l| !l.is_empty()));
    }
}
