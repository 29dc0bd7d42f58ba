//! Member units: names, members with their signers, unique names and ids, references to them.

use std::collections::HashSet;

use hoinghi::model::{Member, Signer};
use proptest::prelude::*;
use proptest::sample::{Index, select};

use super::opt;
use super::people::{person_name, signer};
use super::words::{PLACES, TOPICS, UNIT_HEADS};
/// A member unit's name: realistic, sometimes very long, with a line break, a comma or " - ".
pub fn unit_name() -> impl Strategy<Value = String> {
    (
        select(UNIT_HEADS),
        select(TOPICS),
        opt(select(PLACES)),
        0u8..20,
        prop::collection::vec(select(TOPICS), 4..12),
        any::<Index>(),
    )
        .prop_map(|(head, topic, place, shape, extra, cut)| {
            let mut name = format!("{head} {topic}");
            if let Some(p) = place {
                name.push(' ');
                name.push_str(p);
            }
            let lengthen = |name: &mut String| {
                for t in &extra {
                    if name.chars().count() + t.chars().count() + 2 > 120 {
                        break;
                    }
                    name.push_str(", ");
                    name.push_str(t);
                }
            };
            let line_break = |name: &mut String| {
                let spaces: Vec<usize> = name.match_indices(' ').map(|(i, _)| i).collect();
                if !spaces.is_empty() {
                    let at = spaces[cut.index(spaces.len())];
                    name.replace_range(at..at + 1, "\n");
                }
            };
            match shape {
                0..=10 => {}
                11..=12 => lengthen(&mut name),
                13..=14 => line_break(&mut name),
                15 => {
                    lengthen(&mut name);
                    line_break(&mut name);
                }
                16..=17 => {
                    name.push_str(", ");
                    name.push_str(place.unwrap_or("tỉnh Sơn La"));
                }
                _ => {
                    name.push_str(" - Chi nhánh ");
                    name.push_str(place.unwrap_or("Đà Nẵng"));
                }
            }
            name
        })
}

/// A member unit before names are made unique and ids assigned.
#[derive(Debug, Clone)]
pub struct RawMember {
    name: String,
    has_id: bool,
    signer: Signer,
    absent: Option<String>,
}

/// One member unit.
pub fn member(delegation: bool) -> impl Strategy<Value = RawMember> {
    (
        unit_name(),
        prop::bool::weighted(0.7),
        signer(delegation),
        prop::option::weighted(
            0.1,
            select(&["bận công tác", "có lý do, đã báo cáo bằng văn bản"][..]),
        ),
    )
        .prop_map(|(name, has_id, signer, absent)| RawMember {
            name,
            has_id,
            signer,
            absent: absent.map(str::to_owned),
        })
}

/// The whole schema's member units: 1–100 (the limit), signing by delegation in about one bloc in three.
pub fn members() -> impl Strategy<Value = Vec<RawMember>> {
    prop::bool::weighted(0.3).prop_flat_map(|delegation| {
        prop_oneof![
            // No members at all is an error: the `NoMembers` defect covers it.
            4 => prop::collection::vec(member(delegation), 1..6),
            4 => prop::collection::vec(member(delegation), 6..41),
            1 => prop::collection::vec(member(delegation), 41..101),
        ]
    })
}

/// The benchmark's member units: 3–18, or 3–60 in about one bloc in three; signing by
/// delegation only when `delegation` (never in a Party file).
pub fn bench_members(delegation: bool) -> impl Strategy<Value = Vec<RawMember>> {
    prop_oneof![
        13 => prop::collection::vec(member(delegation), 3..19),
        7 => prop::collection::vec(member(delegation), 3..61),
    ]
}

/// Unique names (as the checks compare them) and unique short ids.
pub fn finish_members(raw: Vec<RawMember>) -> Vec<Member> {
    let mut seen = HashSet::new();
    raw.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let key = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            let mut name = r.name.clone();
            let mut n = 2;
            while !seen.insert(key(&name)) {
                name = format!("{} {n}", r.name);
                n += 1;
            }
            Member {
                id: r.has_id.then(|| format!("u{i}")),
                name,
                signer: r.signer,
                absent: r.absent,
                header: None,
            }
        })
        .collect()
}

/// A reference to a member unit (by id when it has one, else by name), or another name.
#[derive(Debug, Clone)]
pub struct Ref {
    index: Index,
    by_name: bool,
    outsider: Option<String>,
}

impl Ref {
    /// The same reference, never to an outsider.
    pub fn into_member(self) -> Ref {
        Ref {
            outsider: None,
            ..self
        }
    }
}

/// A reference drawn before the members are known.
pub fn reference() -> impl Strategy<Value = Ref> {
    (
        any::<Index>(),
        prop::bool::ANY,
        prop::option::weighted(0.2, person_name()),
    )
        .prop_map(|(index, by_name, outsider)| Ref {
            index,
            by_name,
            outsider,
        })
}

/// What a reference names among `members`.
pub fn resolve(r: &Ref, members: &[Member]) -> String {
    if members.is_empty() || r.outsider.is_some() {
        return r
            .outsider
            .clone()
            .unwrap_or_else(|| "Sở Ngoại vụ".to_owned());
    }
    let m = &members[r.index.index(members.len())];
    match (&m.id, r.by_name) {
        (Some(id), false) => id.clone(),
        _ => m.name.clone(),
    }
}
