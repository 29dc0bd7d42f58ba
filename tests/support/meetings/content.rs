//! The agreement's text: sentences, commitments, sections.

use hoinghi::model::{Commitment, Section};
use proptest::prelude::*;
use proptest::sample::select;

use super::opt;
use super::words::{CLAUSES, SECTION_TITLES};
/// One sentence of clauses; sometimes long, sometimes with an explicit line break.
pub fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(select(CLAUSES), 1..4),
        0u8..12,
        prop::collection::vec(select(CLAUSES), 3..7),
    )
        .prop_map(|(clauses, shape, more)| {
            let mut s = clauses.join(", ");
            match shape {
                0 => {
                    s.push_str("; ");
                    s.push_str(&more.join("; "));
                }
                1 => {
                    s.push('\n');
                    s.push_str(more[0]);
                }
                _ => {}
            }
            s
        })
}

/// A commitment, sometimes with sub-items (a few, or many).
pub fn commitment() -> impl Strategy<Value = Commitment> {
    (
        sentence(),
        prop_oneof![
            12 => Just(Vec::new()),
            4 => prop::collection::vec(select(CLAUSES).prop_map(str::to_owned), 1..8),
            1 => prop::collection::vec(select(CLAUSES).prop_map(str::to_owned), 20..31),
        ],
    )
        .prop_map(|(text, items)| Commitment { text, items })
}

/// A section of the agreement: 0–70 commitments.
pub fn section() -> impl Strategy<Value = Section> {
    (
        select(SECTION_TITLES),
        opt(sentence()),
        prop_oneof![
            3 => prop::collection::vec(commitment(), 0..4),
            3 => prop::collection::vec(commitment(), 4..20),
            1 => prop::collection::vec(commitment(), 20..70),
        ],
        opt(select(CLAUSES)),
    )
        .prop_map(|(title, intro, items, summary)| Section {
            title: title.to_owned(),
            intro,
            items,
            summary: summary.map(str::to_owned),
            in_article: None,
        })
}

/// The agreement's sections, at most 400 commitments in all.
pub fn sections() -> impl Strategy<Value = Vec<Section>> {
    prop_oneof![
        3 => prop::collection::vec(section(), 0..2),
        3 => prop::collection::vec(section(), 2..4),
        1 => prop::collection::vec(section(), 4..7),
    ]
    .prop_map(|mut sections| {
        // At most 400 commitments in all.
        let mut left = 400usize;
        for s in &mut sections {
            s.items.truncate(left);
            left -= s.items.len();
        }
        sections
    })
}

/// The benchmark's sections: 3–20 commitments in all, in 1–4 sections.
pub fn small_sections() -> impl Strategy<Value = Vec<Section>> {
    (
        prop::collection::vec(commitment(), 3..=20),
        prop::collection::vec(
            (
                select(SECTION_TITLES),
                opt(sentence()),
                opt(select(CLAUSES)),
            ),
            4,
        ),
        1usize..=4,
    )
        .prop_map(|(mut items, heads, count)| {
            let count = count.min(items.len());
            let per = items.len().div_ceil(count);
            let mut sections = Vec::new();
            for (title, intro, summary) in heads.into_iter().take(count) {
                let rest = items.split_off(per.min(items.len()));
                sections.push(Section {
                    title: title.to_owned(),
                    intro,
                    items: std::mem::replace(&mut items, rest),
                    summary: summary.map(str::to_owned),
                    in_article: None,
                });
            }
            sections.retain(|s| !s.items.is_empty());
            sections
        })
}
