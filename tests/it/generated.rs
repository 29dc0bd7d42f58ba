//! Never a panic on valid input (issue 13, item 9): meetings generated across the whole schema
//! are written as YAML files and run through the real pipeline in both profiles; whatever the
//! checks accept must typeset every available document without a panic and without an error.
//!
//! Most generated files are valid; about one in ten carries one deliberate defect, and a Party
//! run rejects signing by delegation. Rejections are fine (the property is about accepted files)
//! but are counted and printed, so a generator that drifts into rejecting everything shows.
//! About one file in six also carries valid oddities: blank or punctuation-only optional texts,
//! a long unbreakable address, the largest numbers, a secret ballot with no ballot returned.
//! A failing case is shrunk and written to `target/tmp/generated-failure.yaml`.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use hoinghi::model::{
    Activity, Address, AgreementOptions, Article, Authority, Award, AwardStatus, Bloc, Commitment,
    DateStyle, Guest, Meeting, Member, MinutesOptions, Numbers, PercentBase, Person, Proceeding,
    Profile, RecipientType, Section, Signer, Vote, VoteOption,
};
use hoinghi::{Engine, Settings};
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

// ---------------------------------------------------------------------------------------------
// Word pools (NFC, with the rare letters ỹ ỵ ử Ữ Ỹ ẵ ặ ợ ừ ự đ Đ).

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Lò", "Hà", "Quàng", "Đinh", "Lương", "Giàng", "Vừ", "Ksor", "K'",
];
const SYLLABLES: &[&str] = &[
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Ngọc",
    "Minh",
    "Quốc",
    "Thanh",
    "Xuân",
    "Điểu",
    "Seo",
    "Thắm",
    "Hạnh",
    "Dũng",
    "Vỹ",
    "Ỹ",
    "Lỵ",
    "Ửng",
    "Ữ",
    "Thương",
    "Phượng",
    "Nẵng",
    "Hợp",
    "Lực",
    "Tựu",
    "Ngữ",
    "Từ",
    "Mỵ",
    "Kỷ",
    "Yến",
    "Đặng",
    "Lặng",
    "Sử",
    "Phử",
    "Dợ",
    "Lựu",
    "Tỵ",
    "Cừ",
    "Trượng",
    "Ẵm",
    "Hằng",
    "Thủy",
    "Hoà",
    "Khuê",
    "Quyết",
    "Nguyệt",
];
const SIGNER_TITLES: &[&str] = &[
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng ban",
    "Chủ tịch",
    "Bí thư",
    "Hiệu trưởng",
    "Tổng Biên tập",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng Thường trực",
];
const PRINCIPALS: &[&str] = &[
    "Giám đốc",
    "Trưởng ban",
    "Chủ tịch",
    "Bí thư",
    "Hiệu trưởng",
    "Chánh Văn phòng",
];
const COLLECTIVES: &[&str] = &[
    "Ban Thường vụ Đảng ủy",
    "Ban Chấp hành Công đoàn",
    "Ủy ban nhân dân",
    "Hội đồng quản trị",
    "Ban Thường vụ Tỉnh đoàn",
];
const UNIT_HEADS: &[&str] = &[
    "Sở",
    "Ban",
    "Văn phòng",
    "Ủy ban Kiểm tra",
    "Trường Chính trị",
    "Bệnh viện Đa khoa",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Công ty TNHH Một thành viên",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Liên đoàn Lao động",
    "Báo",
    "Đài Phát thanh - Truyền hình",
    "Thanh tra",
    "Kho bạc Nhà nước",
    "Hội Cựu chiến binh",
    "Trung tâm",
    "Quỹ",
];
const TOPICS: &[&str] = &[
    "Tổ chức",
    "Tuyên giáo và Dân vận",
    "Nội chính",
    "Tài chính",
    "Xây dựng",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Văn hóa, Thể thao và Du lịch",
    "Nông nghiệp và Môi trường",
    "Khoa học và Công nghệ",
    "Tư pháp",
    "Ngoại vụ",
    "Dân tộc và Tôn giáo",
    "Công Thương",
    "Nội vụ",
    "Xúc tiến Đầu tư",
    "Lưu trữ lịch sử",
    "Ứng dụng tiến bộ khoa học",
    "Thủy lợi",
    "Cấp thoát nước",
    "Bảo trợ xã hội",
    "Phòng, chống tệ nạn xã hội",
    "Hỗ trợ phát triển hợp tác xã",
    "Đầu tư phát triển",
];
const PLACES: &[&str] = &[
    "tỉnh Quảng Trị",
    "tỉnh Lâm Đồng",
    "thành phố Đà Nẵng",
    "tỉnh Điện Biên",
    "tỉnh Lào Cai",
    "tỉnh Đắk Lắk",
    "tỉnh Sơn La",
    "Tỉnh ủy",
    "huyện Mường Tè",
    "phường Ỷ La",
    "xã Sủng Trái",
    "huyện Kỳ Sơn",
    "xã Ữ Pha",
    "thị trấn Mỹ Xuyên",
];
const TOWNS: &[&str] = &[
    "Đông Hà",
    "Đà Lạt",
    "Lào Cai",
    "Điện Biên Phủ",
    "Buôn Ma Thuột",
    "Sơn La",
    "Mỹ Tho",
    "Kỳ Anh",
    "Đà Nẵng",
];
const BLOC_TOPICS: &[&str] = &[
    "các cơ quan Đảng tỉnh",
    "các sở, ban, ngành khối văn hóa - xã hội",
    "các sở, ngành kinh tế - tổng hợp tỉnh",
    "các doanh nghiệp nhà nước",
    "các trường đại học, cao đẳng",
    "các huyện miền núi phía Tây",
    "Mặt trận và các đoàn thể chính trị - xã hội",
];
const CLAUSES: &[&str] = &[
    "thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
    "hoàn thành xuất sắc nhiệm vụ chính trị được giao",
    "đẩy mạnh cải cách hành chính, chuyển đổi số",
    "100% cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên",
    "không có cán bộ, đảng viên vi phạm kỷ luật phải xử lý",
    "chăm lo đời sống vật chất, tinh thần cho người lao động",
    "phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến",
    "xây dựng cơ quan, đơn vị đạt chuẩn văn hóa",
    "thực hành tiết kiệm, chống lãng phí",
    "giữ vững an ninh chính trị, trật tự an toàn xã hội",
    "đổi mới nội dung, hình thức thi đua",
    "tổ chức công đoàn, đoàn thanh niên được xếp loại vững mạnh",
    "hưởng ứng cuộc vận động \u{201c}Ngày vì người nghèo\u{201d}",
    "ứng dụng công nghệ thông tin trong quản lý, điều hành",
    "hỗ trợ đồng bào các xã Ỷ La, Sủng Trái, Nậm Ữ khắc phục hậu quả thiên tai",
    "sẵn sàng đăng ký những chỉ tiêu cao hơn trong năm tới",
];
const SECTION_TITLES: &[&str] = &[
    "Mục đích, yêu cầu",
    "Nội dung giao ước",
    "Tổ chức thực hiện",
    "Chỉ tiêu thi đua",
    "Công tác xây dựng Đảng",
    "Nhiệm vụ chuyên môn",
    "Công tác khen thưởng",
];
const GUEST_TITLES: &[&str] = &[
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Chủ tịch HĐND tỉnh",
    "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Trưởng Ban Thi đua - Khen thưởng tỉnh",
    "Phó Giám đốc Sở Nội vụ",
    "Ủy viên Ban Thường vụ Tỉnh ủy",
];
const AWARDS: &[&str] = &[
    "Cờ thi đua của Ủy ban nhân dân tỉnh",
    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    "Cờ thi đua của Chính phủ",
    "Bằng khen của Thủ tướng Chính phủ",
    "Giấy khen của Trưởng Khối thi đua",
];
const ISSUER_CODES: &[&str] = &["KTĐCQĐ", "CTĐ-VHXH", "KTĐ", "CTĐ.KTTH"];

// ---------------------------------------------------------------------------------------------
// Small strategies.

fn opt<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    prop::option::of(s)
}

fn address() -> impl Strategy<Value = Address> {
    prop_oneof![
        Just(Address::DongChi),
        Just(Address::Ong),
        Just(Address::Ba)
    ]
}

/// A person's name: family name and 1–4 more syllables.
fn person_name() -> impl Strategy<Value = String> {
    (
        select(FAMILY),
        prop::collection::vec(select(SYLLABLES), 1..5),
    )
        .prop_map(|(family, rest)| format!("{family} {}", rest.join(" ")))
}

/// One sentence of clauses; sometimes long, sometimes with an explicit line break.
fn sentence() -> impl Strategy<Value = String> {
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

/// A member unit's name: realistic, sometimes very long, with a line break, a comma or " - ".
fn unit_name() -> impl Strategy<Value = String> {
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

fn authority(delegation: bool) -> impl Strategy<Value = Authority> {
    prop_oneof![
        10 => Just(Authority::None),
        3 => Just(Authority::Collective),
        3 => Just(Authority::Deputy),
        1 => Just(Authority::ByOrder),
        1 => Just(if delegation { Authority::ByDelegation } else { Authority::ByOrder }),
        2 => Just(Authority::Acting),
    ]
}

fn signer(delegation: bool) -> impl Strategy<Value = Signer> {
    (
        person_name(),
        select(SIGNER_TITLES),
        authority(delegation),
        select(PRINCIPALS),
        0u8..4,
        opt(select(COLLECTIVES)),
        opt(address()),
    )
        .prop_map(
            |(name, title, authority, principal, roll, behalf, address)| {
                let principal_title = match authority {
                    Authority::Deputy | Authority::ByOrder | Authority::ByDelegation => {
                        Some(principal.to_owned())
                    }
                    // Without a principal an acting head signs `Q. <own title>`: valid unless a deputy.
                    Authority::Acting if roll == 0 && !title.starts_with("Phó") => None,
                    Authority::Acting => Some("Giám đốc".to_owned()),
                    Authority::None | Authority::Collective => None,
                };
                let on_behalf_of = match authority {
                    Authority::Collective => behalf.map(str::to_owned),
                    _ => None,
                };
                Signer {
                    name,
                    title: title.to_owned(),
                    authority,
                    on_behalf_of,
                    principal_title,
                    address,
                }
            },
        )
}

/// A member unit before names are made unique and ids assigned.
#[derive(Debug, Clone)]
struct RawMember {
    name: String,
    has_id: bool,
    signer: Signer,
    absent: Option<String>,
}

fn member(delegation: bool) -> impl Strategy<Value = RawMember> {
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

fn members() -> impl Strategy<Value = Vec<RawMember>> {
    prop::bool::weighted(0.3).prop_flat_map(|delegation| {
        prop_oneof![
            // No members at all is an error: the `NoMembers` defect covers it.
            4 => prop::collection::vec(member(delegation), 1..6),
            4 => prop::collection::vec(member(delegation), 6..41),
            1 => prop::collection::vec(member(delegation), 41..301),
        ]
    })
}

/// Unique names (as the checks compare them) and unique short ids.
fn finish_members(raw: Vec<RawMember>) -> Vec<Member> {
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
            }
        })
        .collect()
}

fn commitment() -> impl Strategy<Value = Commitment> {
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

fn section() -> impl Strategy<Value = Section> {
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
        })
}

fn sections() -> impl Strategy<Value = Vec<Section>> {
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

fn person() -> impl Strategy<Value = Person> {
    (
        person_name(),
        opt(select(GUEST_TITLES)),
        prop::collection::vec(select(GUEST_TITLES), 0..3),
        opt(address()),
    )
        .prop_map(|(name, title, titles, address)| Person {
            name,
            title: title.map(str::to_owned),
            titles: titles.into_iter().map(str::to_owned).collect(),
            address,
        })
}

fn guest() -> impl Strategy<Value = Guest> {
    (
        person_name(),
        prop::collection::vec(select(GUEST_TITLES), 0..3),
        prop::bool::ANY,
        opt(sentence()),
        opt(address()),
    )
        .prop_map(|(name, titles, speaks, speech, address)| Guest {
            name,
            titles: titles.into_iter().map(str::to_owned).collect(),
            role: speaks.then(|| "phát biểu chỉ đạo".to_owned()),
            address,
            speech,
        })
}

fn proceeding() -> impl Strategy<Value = Proceeding> {
    (
        select(&["Đồng chí", "Ông", "Bà", "Đại diện"][..]),
        person_name(),
        opt(select(GUEST_TITLES)),
        sentence(),
    )
        .prop_map(|(how, name, title, summary)| Proceeding {
            speaker: format!("{how} {name}"),
            title: title.map(str::to_owned),
            summary,
        })
}

/// A reference to a member unit (by id when it has one, else by name), or another name.
#[derive(Debug, Clone)]
struct Ref {
    index: Index,
    by_name: bool,
    outsider: Option<String>,
}

fn reference() -> impl Strategy<Value = Ref> {
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

fn resolve(r: &Ref, members: &[Member]) -> String {
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

/// A vote before its counts are fitted to the rules.
#[derive(Debug, Clone)]
struct RawVote {
    motion: String,
    method: Option<&'static str>,
    kind: u8,
    voters: u32,
    dropped: u32,
    invalid: u32,
    counts: Vec<u32>,
    candidates: Vec<Ref>,
    choose: Index,
    elected: u8,
    percent_of: PercentBase,
    eligible: Option<u32>,
    result: Option<String>,
}

fn raw_vote() -> impl Strategy<Value = RawVote> {
    (
        (
            sentence(),
            opt(select(
                &["giơ tay", "bỏ phiếu kín", "biểu quyết điện tử"][..],
            )),
            0u8..3,
            1u32..=60,
            prop_oneof![3 => Just(0u32), 1 => 0u32..10],
            prop_oneof![3 => Just(0u32), 1 => 0u32..10],
        ),
        (
            prop::collection::vec(0u32..=60, 1..9),
            prop::collection::vec(reference(), 8),
            any::<Index>(),
            0u8..4,
            prop_oneof![
                Just(PercentBase::Voters),
                Just(PercentBase::Valid),
                Just(PercentBase::Members)
            ],
            opt(0u32..20),
            opt(sentence()),
        ),
    )
        .prop_map(
            |(
                (motion, method, kind, voters, dropped, invalid),
                (counts, candidates, choose, elected, percent_of, eligible, result),
            )| RawVote {
                motion,
                method,
                kind,
                voters,
                dropped,
                invalid,
                counts,
                candidates,
                choose,
                elected,
                percent_of,
                eligible,
                result,
            },
        )
}

/// Fits a raw vote to the rules of `check`: counts within the ballots, k-of-N totals within k
/// per valid ballot, `percent_of` bases that exist.
fn finish_vote(r: RawVote, members: &[Member]) -> Vote {
    let secret = r.kind >= 1;
    let returned = if secret {
        Some(r.voters - r.dropped.min(r.voters))
    } else {
        None
    };
    let ballots = returned.unwrap_or(r.voters);
    let mut invalid = r.invalid.min(ballots);
    if r.percent_of == PercentBase::Valid && invalid >= r.voters {
        invalid = r.voters - 1;
    }
    let eligible = match r.percent_of {
        PercentBase::Members => {
            let extra = r.eligible.unwrap_or(0);
            if extra == 0 && members.len() >= r.voters as usize {
                None
            } else {
                Some(r.voters + extra)
            }
        }
        _ => r.eligible.map(|e| e + 1),
    };
    let (options, choose, elected) = if r.kind == 2 {
        // k-of-N: each candidate at most the valid ballots, all marks at most k per ballot.
        let n = r.counts.len().max(2);
        let labels: Vec<String> = (0..n).map(|i| resolve(&r.candidates[i], members)).collect();
        let k = 1 + r.choose.index(n) as u32;
        let valid = ballots - invalid;
        let mut budget = u64::from(k) * u64::from(valid);
        let options: Vec<VoteOption> = labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let want = u64::from(r.counts.get(i).copied().unwrap_or(0).min(valid));
                let count = want.min(budget);
                budget -= count;
                VoteOption {
                    label: label.clone(),
                    count: count as u32,
                }
            })
            .collect();
        let elected = match r.elected {
            0 | 1 => None,
            2 => Some(labels.iter().take(k as usize).cloned().collect()),
            _ => Some(Vec::new()),
        };
        (options, Some(k), elected)
    } else {
        const LABELS: &[&str] = &["Đồng ý", "Không đồng ý", "Ý kiến khác"];
        let mut left = ballots - invalid;
        let options = r
            .counts
            .iter()
            .take(LABELS.len())
            .zip(LABELS)
            .map(|(&c, label)| {
                let count = c.min(left);
                left -= count;
                VoteOption {
                    label: (*label).to_owned(),
                    count,
                }
            })
            .collect();
        (options, None, None)
    };
    Vote {
        motion: r.motion,
        method: r.method.map(str::to_owned),
        secret,
        voters: r.voters,
        returned,
        choose,
        elected,
        eligible,
        options,
        invalid,
        percent_of: r.percent_of,
        result: r.result,
    }
}

/// An award before its recipients are resolved.
#[derive(Debug, Clone)]
struct RawAward {
    award: &'static str,
    recipients: Vec<Ref>,
    count: Option<u32>,
    recipient_type: RecipientType,
    status: AwardStatus,
    reason: Option<String>,
}

fn raw_award() -> impl Strategy<Value = RawAward> {
    (
        select(AWARDS),
        prop::collection::vec(reference(), 0..5),
        opt(1u32..30),
        prop_oneof![
            Just(RecipientType::Collective),
            Just(RecipientType::Individual)
        ],
        prop_oneof![Just(AwardStatus::Proposed), Just(AwardStatus::Granted)],
        opt(sentence()),
    )
        .prop_map(
            |(award, recipients, count, recipient_type, status, reason)| RawAward {
                award,
                recipients,
                count,
                recipient_type,
                status,
                reason,
            },
        )
}

fn finish_award(r: RawAward, members: &[Member]) -> Award {
    let recipients: Vec<String> = r.recipients.iter().map(|x| resolve(x, members)).collect();
    let count = if recipients.is_empty() {
        Some(r.count.unwrap_or(1))
    } else {
        r.count
    };
    Award {
        award: r.award.to_owned(),
        recipients,
        count,
        recipient_type: r.recipient_type,
        status: r.status,
        reason: r.reason,
    }
}

fn numbers() -> impl Strategy<Value = Numbers> {
    (
        opt(select(ISSUER_CODES)),
        opt(1u32..300),
        opt(select(&["GƯ", "GU", "GƯTĐ"][..])),
        opt(1u32..300),
    )
        .prop_map(
            |(issuer_code, agreement, agreement_type, minutes)| Numbers {
                issuer_code: issuer_code.map(str::to_owned),
                agreement,
                agreement_type: agreement_type.map(str::to_owned),
                minutes,
            },
        )
}

fn recipients() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            select(PLACES).prop_map(|p| format!("Ủy ban nhân dân {p}")),
            select(TOPICS).prop_map(|t| format!("Sở {t}")),
            Just("Các đơn vị thành viên".to_owned()),
            Just("Lưu VT".to_owned()),
        ],
        0..5,
    )
}

fn agreement_options() -> impl Strategy<Value = AgreementOptions> {
    (
        opt(Just("BẢN GIAO ƯỚC THI ĐUA NĂM 2026".to_owned())),
        opt(sentence()),
        opt(sentence()),
        opt(sentence()),
        opt(prop_oneof![
            Just(String::new()),
            Just("Đại diện các đơn vị ký kết".to_owned()),
            Just("CÁC ĐƠN VỊ THÀNH VIÊN\nKÝ TÊN".to_owned()),
        ]),
        opt(prop_oneof![8 => 1u8..=3, 1 => Just(0u8), 1 => 4u8..7]),
        opt(recipients()),
        opt(Just("Văn phòng Khối".to_owned())),
    )
        .prop_map(
            |(
                title,
                subject,
                preamble,
                closing,
                signature_heading,
                columns,
                recipients,
                archive,
            )| {
                AgreementOptions {
                    title,
                    subject,
                    preamble,
                    closing,
                    signature_heading,
                    columns,
                    recipients,
                    archive,
                }
            },
        )
}

fn minutes_options() -> impl Strategy<Value = MinutesOptions> {
    (
        opt(select(&["THƯ KÝ HỘI NGHỊ", "NGƯỜI GHI BIÊN BẢN"][..])),
        opt(select(&["CHỦ TRÌ", "CHỦ TỌA HỘI NGHỊ"][..])),
        recipients(),
        opt(Just("Hồ sơ hội nghị".to_owned())),
    )
        .prop_map(
            |(secretary_label, chair_label, recipients, archive)| MinutesOptions {
                secretary_label: secretary_label.map(str::to_owned),
                chair_label: chair_label.map(str::to_owned),
                recipients,
                archive,
            },
        )
}

fn article() -> impl Strategy<Value = Article> {
    (
        opt(select(&["BNP", "QTO", "Báo Lâm Đồng"][..])),
        opt(sentence()),
        opt(select(BLOC_TOPICS).prop_map(|b| format!("Khối thi đua {b}:"))),
        prop_oneof![Just(DateStyle::Slash), Just(DateStyle::Hyphen)],
        prop::collection::vec(sentence(), 0..4),
        opt(prop::bool::ANY),
        prop::bool::ANY,
        person_name(),
        opt(sentence()),
        prop::collection::vec(opt(sentence()), 0..4),
        opt(prop_oneof![
            Just(hoinghi::model::ArticleAddress::DongChi),
            Just(hoinghi::model::ArticleAddress::OngBa),
        ]),
    )
        .prop_map(
            |(
                outlet,
                title,
                kicker,
                date_style,
                paragraphs,
                list_members,
                end_mark,
                byline,
                lead,
                body,
                address,
            )| {
                Article {
                    outlet: outlet.map(str::to_owned),
                    title,
                    kicker,
                    date_style,
                    paragraphs,
                    list_members,
                    photos: Vec::new(),
                    byline: format!("Tin, ảnh: {byline}"),
                    end_mark,
                    lead,
                    body,
                    address,
                }
            },
        )
}

/// Date, start and end time as the clerk may write them.
#[derive(Debug, Clone)]
struct When {
    year: i32,
    date: String,
    start: String,
    end: Option<String>,
}

fn when() -> impl Strategy<Value = When> {
    (
        2020i32..=2030,
        prop::bool::weighted(0.3),
        1u32..=365,
        prop::bool::ANY,
        6u32..20,
        0u32..60,
        15u32..300,
        prop::bool::weighted(0.8),
        0u8..6,
    )
        .prop_map(
            |(year, before, ordinal, slash, hour, minute, length, has_end, style)| {
                let day = NaiveDate::from_yo_opt(year - i32::from(before), ordinal).unwrap();
                let date = if slash {
                    day.format("%d/%m/%Y").to_string()
                } else {
                    day.format("%Y-%m-%d").to_string()
                };
                let clock = |minutes: u32| {
                    let (h, m) = (minutes / 60, minutes % 60);
                    match style {
                        0 if m == 0 => format!("{h}h"),
                        0 | 1 => format!("{h}h{m:02}"),
                        _ => format!("{h:02}:{m:02}"),
                    }
                };
                let start = hour * 60 + minute;
                let end = (start + length).min(23 * 60 + 59);
                When {
                    year,
                    date,
                    start: clock(start),
                    end: has_end.then(|| clock(end)),
                }
            },
        )
}

/// One deliberate mistake, so that rejections are exercised too.
#[derive(Debug, Clone, Copy)]
enum Defect {
    NoMembers,
    MissingPrincipal,
    DuplicateName,
    UnknownHeadUnit,
    EndBeforeStart,
    OverCount,
    EmptyChair,
    BadDate,
}

fn defect() -> impl Strategy<Value = Option<Defect>> {
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

fn apply(defect: Defect, m: &mut Meeting) {
    match defect {
        Defect::NoMembers => m.members.clear(),
        Defect::MissingPrincipal => {
            if let Some(u) = m.members.first_mut() {
                u.signer.authority = Authority::Deputy;
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
enum Oddity {
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

fn oddity() -> impl Strategy<Value = Oddity> {
    prop_oneof![
        6 => (any::<Index>(), any::<Index>()).prop_map(|(f, v)| Oddity::Text(f, v)),
        1 => prop::bool::ANY.prop_map(Oddity::Delegates),
        1 => Just(Oddity::HugeVote),
        1 => Just(Oddity::NoBallots),
        1 => Just(Oddity::Numbers),
        1 => Just(Oddity::FarReview),
    ]
}

fn oddities() -> impl Strategy<Value = Vec<Oddity>> {
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

fn make_odd(oddity: &Oddity, m: &mut Meeting) {
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

// ---------------------------------------------------------------------------------------------
// The meeting.

fn meeting() -> impl Strategy<Value = Meeting> {
    let head = (
        select(&["Khối thi đua", "Cụm thi đua"][..]),
        select(BLOC_TOPICS),
        opt(select(PLACES).prop_map(|p| format!("Ủy ban nhân dân {p}"))),
        select(TOWNS),
        opt(address()),
        subsequence(
            vec![Activity::Launch, Activity::Sign, Activity::Review],
            1..=3,
        ),
        when(),
        opt(0i32..3),
        opt(sentence()),
        opt(sentence()),
        opt(10u32..400),
        (opt(reference()), opt(reference())),
    );
    let people = (
        person(),
        prop::option::weighted(0.8, person()),
        prop_oneof![
            2 => prop::collection::vec(guest(), 0..3),
            1 => prop::collection::vec(guest(), 3..9),
        ],
        members(),
        prop::collection::vec(sentence(), 0..4),
        sections(),
    );
    let content = (
        prop::collection::vec(proceeding(), 0..11),
        prop::collection::vec(raw_vote(), 0..6),
        prop::collection::vec(raw_award(), 0..5),
        prop::collection::vec(sentence(), 0..5),
        numbers(),
        agreement_options(),
        minutes_options(),
        prop::option::weighted(0.75, article()),
        (defect(), oddities()),
    );
    (head, people, content).prop_map(|(head, people, content)| {
        let (
            bloc_word,
            bloc_topic,
            superior,
            place,
            bloc_address,
            activities,
            when,
            review_back,
            title,
            venue_extra,
            delegates,
            (head_unit, next_head_unit),
        ) = head;
        let (chair, secretary, guests, raw_members, legal_bases, commitments) = people;
        let (
            proceedings,
            votes,
            awards,
            conclusions,
            numbers,
            agreement,
            minutes,
            article,
            (defect, oddities),
        ) = content;
        let members = finish_members(raw_members);
        let pick = |r: Option<Ref>| {
            r.filter(|_| !members.is_empty()).map(|r| {
                resolve(
                    &Ref {
                        outsider: None,
                        ..r
                    },
                    &members,
                )
            })
        };
        let mut m = Meeting {
            bloc: Bloc {
                name: format!("{bloc_word} {bloc_topic}"),
                superior,
                place: place.to_owned(),
                profile: Profile::Nd30,
                head_unit: pick(head_unit),
                address: bloc_address,
            },
            year: when.year,
            review_year: review_back.map(|b| when.year - b),
            activities,
            title: title.map(|t| format!("Hội nghị {t}")),
            date: when.date,
            start_time: when.start,
            end_time: when.end,
            venue: match venue_extra {
                Some(v) => format!("Hội trường Văn phòng Tỉnh ủy, {v}"),
                None => "Hội trường Văn phòng Tỉnh ủy".to_owned(),
            },
            delegates,
            chair,
            secretary,
            guests,
            legal_bases,
            commitments,
            proceedings,
            votes: votes
                .into_iter()
                .map(|v| finish_vote(v, &members))
                .collect(),
            awards: awards
                .into_iter()
                .map(|a| finish_award(a, &members))
                .collect(),
            conclusions,
            next_head_unit: pick(next_head_unit),
            numbers,
            agreement,
            minutes,
            article,
            // The pack: invitations to the guests, a one-line programme, an attendance sheet
            // of the guests and any signers, the vote count and the proposal when the meeting
            // has secret ballots and proposed awards.
            invitation: Some(hoinghi::model::Invitation {
                number: None,
                issued: None,
                guests: true,
                members: false,
                notes: Vec::new(),
                contact: None,
                signer_title: None,
                signer: None,
            }),
            programme: vec![hoinghi::model::ProgrammeItem {
                time: "08:00 - 08:15".into(),
                item: "Khai mạc hội nghị".into(),
                by: None,
            }],
            attendance: Some(hoinghi::model::Attendance {
                guests: true,
                members: members.len() <= 40,
                people: Vec::new(),
                blank_rows: 2,
            }),
            counting: Some(hoinghi::model::Counting {
                number: None,
                committee: vec![hoinghi::model::CommitteeMember {
                    name: "Hà Thị Ữa".into(),
                    title: None,
                    role: None,
                }],
                end_time: None,
            }),
            proposal: Some(hoinghi::model::Proposal {
                number: None,
                issued: None,
                to: "Ủy ban nhân dân tỉnh".into(),
                legal_bases: Vec::new(),
                results: Vec::new(),
                signer_title: None,
                signer: None,
            }),
            members,
        };
        if let Some(d) = defect {
            apply(d, &mut m);
        }
        for odd in &oddities {
            make_odd(odd, &mut m);
        }
        m
    })
}

// ---------------------------------------------------------------------------------------------
// Running the pipeline.

/// The meeting as a YAML file, with absent optional fields left out (not `null`).
fn to_yaml(m: &Meeting) -> String {
    fn strip(v: &mut serde_yaml::Value) {
        match v {
            serde_yaml::Value::Mapping(map) => {
                map.retain(|_, v| !v.is_null());
                map.values_mut().for_each(strip);
            }
            serde_yaml::Value::Sequence(seq) => seq.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_yaml::to_value(m).expect("a meeting serialises");
    strip(&mut value);
    serde_yaml::to_string(&value).expect("a value serialises")
}

fn describe(m: &Meeting) -> String {
    let items: usize = m.commitments.iter().map(|s| s.items.len()).sum();
    let sub: usize = m
        .commitments
        .iter()
        .flat_map(|s| &s.items)
        .map(|c| c.items.len())
        .max()
        .unwrap_or(0);
    format!(
        "{} members, {} sections / {items} commitments (max {sub} sub-items), {} guests, {} votes, \
         {} awards, secretary {}, end_time {:?}, article {}",
        m.members.len(),
        m.commitments.len(),
        m.guests.len(),
        m.votes.len(),
        m.awards.len(),
        m.secretary.is_some(),
        m.end_time,
        m.article.is_some(),
    )
}

#[derive(Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
    documents: usize,
    with_typst_warnings: usize,
    reasons: BTreeMap<String, usize>,
}

struct Harness {
    engines: Vec<(Profile, Engine)>,
    dir: tempfile::TempDir,
    tally: RefCell<Tally>,
}

impl Harness {
    fn new() -> Harness {
        let engines = [Profile::Nd30, Profile::Party]
            .into_iter()
            .map(|p| {
                let engine = Engine::new(Settings {
                    profile: Some(p),
                    ..Settings::default()
                })
                .unwrap();
                (p, engine)
            })
            .collect();
        Harness {
            engines,
            dir: tempfile::tempdir().unwrap(),
            tally: RefCell::default(),
        }
    }

    /// Writes `m` as a file and runs it in both profiles: every document of an accepted file
    /// must typeset. Returns a description of the first failure.
    fn run(&self, m: &Meeting) -> Result<(), String> {
        let path = self.dir.path().join("hoi-nghi.yaml");
        std::fs::write(&path, to_yaml(m)).unwrap();
        for (profile, engine) in &self.engines {
            let prepared = match engine.prepare(&path) {
                Ok(p) => p,
                Err(rejected) => {
                    let mut t = self.tally.borrow_mut();
                    t.rejected += 1;
                    let first = rejected
                        .problems
                        .iter()
                        .find(|p| p.is_error())
                        .map(|p| {
                            let path = p.path.as_deref().unwrap_or("");
                            // Field paths without indices: `members[3].name` → `members[].name`.
                            let mut key = String::new();
                            let mut skip = false;
                            for c in path.chars() {
                                match c {
                                    '[' => {
                                        skip = true;
                                        key.push('[');
                                    }
                                    ']' => {
                                        skip = false;
                                        key.push(']');
                                    }
                                    _ if skip => {}
                                    _ => key.push(c),
                                }
                            }
                            format!("{profile:?} {key}")
                        })
                        .unwrap_or_else(|| format!("{profile:?} (no error?)"));
                    *t.reasons.entry(first).or_default() += 1;
                    continue;
                }
            };
            self.tally.borrow_mut().accepted += 1;
            for kind in engine.available(&prepared).0 {
                match engine.typeset(&prepared, kind, "prop") {
                    Ok(rendered) => {
                        let mut t = self.tally.borrow_mut();
                        t.documents += 1;
                        if !rendered.warnings.is_empty() {
                            t.with_typst_warnings += 1;
                        }
                    }
                    Err(e) => {
                        return Err(format!(
                            "{kind} ({profile:?}) failed on an accepted meeting: {e}\n  meeting: {}",
                            describe(m)
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Keeps the failing file where it can be read after the run.
fn keep(m: &Meeting, name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, to_yaml(m)).unwrap();
    path
}

#[test]
fn generated_meetings_accepted_render_every_document() {
    let harness = Harness::new();
    // `PROPTEST_CASES=500` for a longer hunt.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 300,
        max_shrink_time: 180_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let started = Instant::now();
    let result = runner.run(&meeting(), |m| harness.run(&m).map_err(TestCaseError::fail));
    let t = harness.tally.borrow();
    eprintln!(
        "generated: {} runs accepted, {} rejected (2 profiles per file); {} documents typeset, \
         {} with Typst warnings; {:.1} s",
        t.accepted,
        t.rejected,
        t.documents,
        t.with_typst_warnings,
        started.elapsed().as_secs_f64()
    );
    for (reason, n) in &t.reasons {
        eprintln!("  rejected {n}× at {reason}");
    }
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, minimal)) => {
            let path = keep(&minimal, "generated-failure.yaml");
            panic!("{reason}\n  minimal file: {}", path.display());
        }
        Err(e) => panic!("{e}"),
    }
}

/// The largest meeting the generators aim at, built explicitly: 300 units with long two-line
/// names, 400 commitments, one of them with 320 sub-items; every document in both profiles.
#[test]
fn largest_meeting_renders_in_both_profiles() {
    let authorities = [
        Authority::None,
        Authority::Collective,
        Authority::Deputy,
        Authority::ByOrder,
        Authority::Acting,
        Authority::None,
    ];
    let members: Vec<Member> = (0..300)
        .map(|i| {
            let topic = TOPICS[i % TOPICS.len()];
            let place = PLACES[i % PLACES.len()];
            let authority = authorities[i % authorities.len()];
            Member {
                id: Some(format!("u{i}")),
                name: format!(
                    "{} {topic}, {} và {}\nsố {i} {place} - Chi nhánh Đắk Lắk",
                    UNIT_HEADS[i % UNIT_HEADS.len()],
                    TOPICS[(i + 7) % TOPICS.len()],
                    TOPICS[(i + 13) % TOPICS.len()],
                ),
                signer: Signer {
                    name: format!(
                        "{} {} {} {}",
                        FAMILY[i % FAMILY.len()],
                        SYLLABLES[i % SYLLABLES.len()],
                        SYLLABLES[(i / 3) % SYLLABLES.len()],
                        SYLLABLES[(i / 7 + 5) % SYLLABLES.len()],
                    ),
                    title: "Phó Chánh Văn phòng Thường trực".into(),
                    authority,
                    on_behalf_of: (authority == Authority::Collective)
                        .then(|| "Ban Thường vụ Đảng ủy".into()),
                    principal_title: matches!(
                        authority,
                        Authority::Deputy | Authority::ByOrder | Authority::Acting
                    )
                    .then(|| "Chánh Văn phòng".into()),
                    address: None,
                },
                absent: (i % 50 == 7).then(|| "bận công tác".into()),
            }
        })
        .collect();
    let mut items: Vec<Commitment> = (0..400)
        .map(|i| Commitment {
            text: format!(
                "{} {}, {}.",
                i + 1,
                CLAUSES[i % CLAUSES.len()],
                CLAUSES[(i + 3) % CLAUSES.len()]
            ),
            items: Vec::new(),
        })
        .collect();
    items[10].items = (0..320)
        .map(|j| format!("{} (chỉ tiêu {j})", CLAUSES[j % CLAUSES.len()]))
        .collect();
    let sections = vec![
        Section {
            title: "Nội dung giao ước".into(),
            intro: Some(CLAUSES[0].into()),
            items: items.split_off(200),
            summary: Some(CLAUSES[1].into()),
        },
        Section {
            title: "Tổ chức thực hiện".into(),
            intro: None,
            items,
            summary: None,
        },
    ];
    let meeting = Meeting {
        bloc: Bloc {
            name: "Cụm thi đua các sở, ban, ngành khối văn hóa - xã hội tỉnh Lâm Đồng".into(),
            superior: Some("Ủy ban nhân dân tỉnh Lâm Đồng".into()),
            place: "Đà Lạt".into(),
            profile: Profile::Nd30,
            head_unit: Some("u0".into()),
            address: None,
        },
        year: 2026,
        review_year: None,
        activities: vec![Activity::Launch, Activity::Sign, Activity::Review],
        title: None,
        date: "2026-02-26".into(),
        start_time: "08:30".into(),
        end_time: Some("11:00".into()),
        venue: "Hội trường Sở Văn hóa, Thể thao và Du lịch".into(),
        delegates: Some(320),
        chair: Person {
            name: "K' Điểu Ỹ Thương".into(),
            title: Some("Giám đốc Sở Văn hóa, Thể thao và Du lịch".into()),
            titles: vec!["Trưởng Cụm thi đua".into()],
            address: None,
        },
        secretary: Some(Person {
            name: "Ya Tuấn Ữ".into(),
            ..Person::default()
        }),
        guests: Vec::new(),
        members,
        legal_bases: Vec::new(),
        commitments: sections,
        proceedings: Vec::new(),
        votes: vec![Vote {
            motion: "bình xét 03 đơn vị đề nghị tặng Bằng khen".into(),
            secret: true,
            voters: 300,
            returned: Some(290),
            choose: Some(3),
            invalid: 5,
            options: (0..8)
                .map(|i| VoteOption {
                    label: format!("u{i}"),
                    count: 190 - i * 25,
                })
                .collect(),
            percent_of: PercentBase::Valid,
            ..Vote::default()
        }],
        awards: vec![Award {
            award: AWARDS[0].into(),
            recipients: vec!["u0".into(), "u1".into()],
            ..Award::default()
        }],
        conclusions: vec![CLAUSES[4].into()],
        next_head_unit: Some("u1".into()),
        numbers: Numbers::default(),
        agreement: AgreementOptions::default(),
        minutes: MinutesOptions::default(),
        article: Some(Article {
            byline: "Tin, ảnh: Lam Hồng".into(),
            list_members: Some(true),
            ..Article::default()
        }),
        ..Meeting::default()
    };
    let harness = Harness::new();
    let started = Instant::now();
    if let Err(e) = harness.run(&meeting) {
        let path = keep(&meeting, "generated-largest.yaml");
        panic!("{e}\n  file: {}", path.display());
    }
    let t = harness.tally.borrow();
    eprintln!(
        "largest: {} documents in {:.1} s",
        t.documents,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(
        (t.accepted, t.rejected, t.documents),
        (2, 0, 6),
        "both profiles accept the file and make all three documents: {:?}",
        t.reasons
    );
}
