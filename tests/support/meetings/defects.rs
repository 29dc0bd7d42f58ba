//! Deliberate defects (so that rejections are exercised too) and valid oddities.

use hoinghi::model::{Authority, Meeting, Member, PercentBase, Vote, VoteOption};
use proptest::prelude::*;
use proptest::sample::{Index, select};
/// One deliberate mistake, so that rejections are exercised too.
#[derive(Debug, Clone, Copy)]
pub enum Defect {
    /// No member units.
    NoMembers,
    /// A deputy without the title of the head they sign for.
    MissingPrincipal,
    /// Two units with one name (in other capitals).
    DuplicateName,
    /// A head unit that is not a member.
    UnknownHeadUnit,
    /// An end before the start.
    EndBeforeStart,
    /// More votes than voters.
    OverCount,
    /// A blank chair.
    EmptyChair,
    /// 30 February.
    BadDate,
}

/// No defect in nine files out of ten.
pub fn defect() -> impl Strategy<Value = Option<Defect>> {
    prop_oneof![
        9 => Just(None),
        1 => select(&[
            Defect::NoMembers,
            Defect::MissingPrincipal,
            Defect::DuplicateName,
            Defect::UnknownHeadUnit,
            Defect::EndBeforeStart,
            Defect::OverCount,
            Defect::EmptyChair,
            Defect::BadDate,
        ][..]).prop_map(Some),
    ]
}

/// Puts the mistake into `m`.
pub fn apply(defect: Defect, m: &mut Meeting) {
    match defect {
        Defect::NoMembers => m.members.clear(),
        Defect::MissingPrincipal => {
            if let Some(u) = m.members.first_mut() {
                u.signer.authority = Authority::Deputy.into();
                u.signer.principal_title = None;
            }
        }
        Defect::DuplicateName => {
            if let Some(u) = m.members.first().cloned() {
                m.members.push(Member {
                    id: None,
                    name: u.name.to_uppercase(),
                    ..u
                });
            }
        }
        Defect::UnknownHeadUnit => m.bloc.head_unit = Some("Đơn vị không có trong khối".into()),
        Defect::EndBeforeStart => m.end_time = Some("05:00".into()),
        Defect::OverCount => m.votes.push(Vote {
            motion: "thông qua báo cáo".into(),
            voters: 3,
            options: vec![VoteOption {
                label: "Đồng ý".into(),
                count: 4,
            }],
            ..Vote::default()
        }),
        Defect::EmptyChair => m.chair.name = "  ".into(),
        Defect::BadDate => m.date = "2026-02-30".into(),
    }
}

/// Valid but unusual values the clerk may write in any free-text field that is not required
/// and not a reference: empty, blank, a bare line break, punctuation only, a long unbreakable
/// address.
const ODD_TEXTS: &[&str] = &[
    "",
    " ",
    "\n",
    "\n\n",
    "-",
    "…",
    "1.",
    "Đ",
    "https://thiduakhenthuong.lamdong.gov.vn/tin-tuc/hoi-nghi-ky-ket-giao-uoc-thi-dua-nam-2026",
    "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH LẦN THỨ XVIII, NHIỆM KỲ 2025 - 2030",
];

/// One unusual but valid value.
#[derive(Debug, Clone)]
pub enum Oddity {
    /// The `field`-th free-text field (not required, not a reference) becomes an odd text.
    Text(Index, Index),
    /// Delegates: none present, or the largest number.
    Delegates(bool),
    /// A vote of the largest numbers.
    HugeVote,
    /// A secret k-of-N vote where no ballot came back.
    NoBallots,
    /// Document numbers 0 and the largest.
    Numbers,
    /// A review year far back.
    FarReview,
}

/// One oddity.
pub fn oddity() -> impl Strategy<Value = Oddity> {
    prop_oneof![
        6 => (any::<Index>(), any::<Index>()).prop_map(|(f, v)| Oddity::Text(f, v)),
        1 => prop::bool::ANY.prop_map(Oddity::Delegates),
        1 => Just(Oddity::HugeVote),
        1 => Just(Oddity::NoBallots),
        1 => Just(Oddity::Numbers),
        1 => Just(Oddity::FarReview),
    ]
}

/// Oddities in about one file in six.
pub fn oddities() -> impl Strategy<Value = Vec<Oddity>> {
    prop_oneof![
        5 => Just(Vec::new()),
        1 => prop::collection::vec(oddity(), 1..8),
    ]
}

/// Whether `path` must keep its generated value: required texts, references and labels.
fn protected(path: &str) -> bool {
    const EXACT: &[&str] = &["bloc.place", "venue", "date", "start_time", "end_time"];
    const ENDS: &[&str] = &[
        ".name",
        ".id",
        "signer.title",
        "principal_title",
        "head_unit",
        ".label",
    ];
    EXACT.contains(&path) || ENDS.iter().any(|e| path.ends_with(e)) || path.contains(".elected[")
}

/// Puts the oddity into `m`.
pub fn make_odd(oddity: &Oddity, m: &mut Meeting) {
    match oddity {
        Oddity::Text(field, value) => {
            let mut fields = 0;
            m.visit_texts(&mut |path: &str, _: &mut String| {
                fields += usize::from(!protected(path));
            });
            if fields == 0 {
                return;
            }
            let target = field.index(fields);
            let odd = *value.get(ODD_TEXTS);
            let mut i = 0;
            m.visit_texts(&mut |path: &str, v: &mut String| {
                if !protected(path) {
                    if i == target {
                        *v = odd.to_owned();
                    }
                    i += 1;
                }
            });
        }
        Oddity::Delegates(zero) => m.delegates = Some(if *zero { 0 } else { u32::MAX }),
        Oddity::HugeVote => m.votes.push(Vote {
            motion: "thông qua báo cáo".into(),
            voters: u32::MAX,
            options: vec![
                VoteOption {
                    label: "Đồng ý".into(),
                    count: u32::MAX - 1,
                },
                VoteOption {
                    label: "Không đồng ý".into(),
                    count: 1,
                },
            ],
            eligible: Some(u32::MAX),
            percent_of: PercentBase::Members,
            ..Vote::default()
        }),
        Oddity::NoBallots => m.votes.push(Vote {
            motion: "bầu đơn vị Trưởng khối".into(),
            secret: true,
            voters: 9,
            returned: Some(0),
            choose: Some(1),
            options: vec![
                VoteOption {
                    label: "Sở Tư pháp".into(),
                    count: 0,
                },
                VoteOption {
                    label: "Sở Y tế".into(),
                    count: 0,
                },
            ],
            percent_of: PercentBase::Valid,
            ..Vote::default()
        }),
        Oddity::Numbers => {
            m.numbers.agreement = Some(0);
            m.numbers.agreement_type = Some("GƯ".into());
            m.numbers.minutes = Some(u32::MAX);
        }
        Oddity::FarReview => m.review_year = Some(m.year - 30),
    }
}
