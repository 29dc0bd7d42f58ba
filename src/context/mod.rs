//! Template values: what a document template sees, computed from a validated meeting.
//!
//! Wording that depends on the profile or on arithmetic (signature authority lines, number
//! lines, vote percentages, the meeting's name) is decided here, in tested Rust, so templates
//! only lay things out. Values are plain strings; escaping them for Typst is [`crate::render`]'s
//! job.

use serde::Serialize;

use crate::model::{
    Activity, Address, AwardStatus, DateStyle, Meeting, PercentBase, Profile, Signer,
};
use crate::validate::Schedule;
use crate::vietnamese::{self as vi, upper_vi};

/// Everything a template sees.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    /// `nd30` or `party`.
    pub profile: &'static str,
    /// Font family the document is set in.
    pub font: String,
    /// The emulation year.
    pub year: i32,
    /// The year under review.
    pub review_year: i32,
    /// Header block values.
    pub header: Header,
    /// The bloc's name in running text.
    pub bloc_name: String,
    /// "Khối" or "Cụm", as the bloc's name begins.
    pub bloc_word: String,
    /// Number of member units present.
    pub present_count: usize,
    /// The meeting's name ("Hội nghị ký kết giao ước thi đua năm 2026").
    pub meeting_name: String,
    /// What the meeting does, as a verb phrase ("ký kết giao ước thi đua năm 2026").
    pub activity_phrase: String,
    /// Meeting date and times in the documents' forms.
    pub when: When,
    /// Venue.
    pub venue: String,
    /// Chair.
    pub chair: PersonCtx,
    /// Secretary, when given.
    pub secretary: Option<PersonCtx>,
    /// Guests.
    pub guests: Vec<GuestCtx>,
    /// Member units in protocol order.
    pub members: Vec<MemberCtx>,
    /// Units absent, with reasons.
    pub absent: Vec<MemberCtx>,
    /// Head unit of the year, by name.
    pub head_unit: Option<String>,
    /// Head unit elected for next year, by name.
    pub next_head_unit: Option<String>,
    /// The year the elected head unit leads the bloc (the next year after a review-only meeting).
    pub next_head_year: i32,
    /// Legal bases with their final punctuation.
    pub legal_bases: Vec<String>,
    /// Commitment sections, numbered.
    pub sections: Vec<SectionCtx>,
    /// Proceedings.
    pub proceedings: Vec<ProceedingCtx>,
    /// Votes with computed percentages.
    pub votes: Vec<VoteCtx>,
    /// Awards with recipients resolved to names.
    pub awards: Vec<AwardCtx>,
    /// Conclusions.
    pub conclusions: Vec<String>,
    /// Pledge agreement values.
    pub agreement: AgreementCtx,
    /// Minutes values.
    pub minutes: MinutesCtx,
    /// Article values, when the file has article data.
    pub article: Option<ArticleCtx>,
}

/// The header block.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// Superior body, upper case.
    pub superior: Option<String>,
    /// Issuing body (the bloc), upper case.
    pub issuer: String,
    /// Date line of the header ("Đông Hà, ngày 05 tháng 3 năm 2026").
    pub date_line: String,
}

/// Date and time in the forms the documents use.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// "ngày 13 tháng 3 năm 2026".
    pub date_long: String,
    /// "Thứ Sáu".
    pub weekday: String,
    /// "14 giờ 00 phút".
    pub start_clock: String,
    /// "16 giờ 30 phút".
    pub end_clock: Option<String>,
    /// "13/3" or "13-3" (article style).
    pub date_short: String,
    /// "Chiều", or "Ngày" when the start time has no word.
    pub time_of_day: String,
}

/// A person as the documents print them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCtx {
    /// Full name.
    pub name: String,
    /// Positions, comma-separated.
    pub title: Option<String>,
    /// "đồng chí Nguyễn Văn A, Chánh Văn phòng Tỉnh ủy" (or "ông … - …").
    pub intro: String,
}

/// A guest.
#[derive(Debug, Clone, Serialize)]
pub struct GuestCtx {
    /// Full name.
    pub name: String,
    /// Positions joined for running text.
    pub titles: String,
    /// Role, default "dự".
    pub role: String,
    /// "đồng chí X, T1, T2" / "ông X - T1 - T2".
    pub intro: String,
    /// Speech summary.
    pub speech: Option<String>,
}

/// A member unit.
#[derive(Debug, Clone, Serialize)]
pub struct MemberCtx {
    /// Name in normal case.
    pub name: String,
    /// Name upper-cased.
    pub name_upper: String,
    /// Signer's name.
    pub signer_name: String,
    /// Signer's title in normal case.
    pub signer_title: String,
    /// Signature block lines above the signature space.
    pub sign_lines: Vec<SignLine>,
    /// Reason of absence.
    pub absent: Option<String>,
}

/// One line of a signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignLine {
    /// Text, upper case.
    pub text: String,
    /// Bold?
    pub bold: bool,
}

/// A section of commitments.
#[derive(Debug, Clone, Serialize)]
pub struct SectionCtx {
    /// Roman numeral ("II").
    pub roman: String,
    /// Heading, upper case.
    pub title_upper: String,
    /// Intro paragraph.
    pub intro: Option<String>,
    /// Numbered items.
    pub items: Vec<ItemCtx>,
}

/// A numbered commitment.
#[derive(Debug, Clone, Serialize)]
pub struct ItemCtx {
    /// Number, consecutive across sections.
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

/// A proceeding.
#[derive(Debug, Clone, Serialize)]
pub struct ProceedingCtx {
    /// "Đồng chí X, <title>".
    pub speaker: String,
    /// Summary.
    pub summary: String,
}

/// A vote with its figures.
#[derive(Debug, Clone, Serialize)]
pub struct VoteCtx {
    /// Motion.
    pub motion: String,
    /// Method.
    pub method: Option<String>,
    /// Voters present.
    pub voters: u32,
    /// Base of the percentages, in words ("số đại biểu có mặt").
    pub base_words: String,
    /// The base number.
    pub base: u32,
    /// Options with counts and percentages.
    pub options: Vec<OptionCtx>,
    /// Invalid ballots.
    pub invalid: u32,
    /// Outcome in words.
    pub result: Option<String>,
}

/// One vote option.
#[derive(Debug, Clone, Serialize)]
pub struct OptionCtx {
    /// Label.
    pub label: String,
    /// Count.
    pub count: u32,
    /// "92,59%".
    pub percent: String,
}

/// An award.
#[derive(Debug, Clone, Serialize)]
pub struct AwardCtx {
    /// Award name.
    pub award: String,
    /// Recipients by name.
    pub recipients: Vec<String>,
    /// Recipients joined ("A, B và C").
    pub recipients_joined: String,
    /// Proposed (true) or granted.
    pub proposed: bool,
    /// Reason.
    pub reason: Option<String>,
}

/// Pledge agreement values.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementCtx {
    /// Number line, when the file gives a number.
    pub number_line: Option<String>,
    /// Title.
    pub title: String,
    /// Line under the title.
    pub subject: String,
    /// Lead sentence.
    pub preamble: String,
    /// Closing paragraph.
    pub closing: Option<String>,
    /// Heading over the signature grid.
    pub signature_heading: Option<String>,
    /// Grid columns.
    pub columns: usize,
}

/// Minutes values.
#[derive(Debug, Clone, Serialize)]
pub struct MinutesCtx {
    /// Number line (blanks when the file gives no number).
    pub number_line: String,
    /// Line under "BIÊN BẢN".
    pub subject: String,
    /// Label over the secretary's signature.
    pub secretary_label: String,
    /// Label over the chair's signature.
    pub chair_label: String,
    /// Recipients with their endings.
    pub recipients: Vec<String>,
}

/// Article values.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCtx {
    /// Kicker.
    pub kicker: Option<String>,
    /// Headline.
    pub title: String,
    /// Lead paragraph.
    pub lead: String,
    /// Body paragraphs (generated, then the press office's own).
    pub paragraphs: Vec<String>,
    /// Photos.
    pub photos: Vec<PhotoCtx>,
    /// Byline.
    pub byline: String,
}

/// A photo placed in the article.
#[derive(Debug, Clone, Serialize)]
pub struct PhotoCtx {
    /// Path relative to the meeting folder, as Typst sees it.
    pub file: String,
    /// "Caption. Ảnh: Credit".
    pub caption: String,
    /// Index of the paragraph the photo follows (0 = after the lead).
    pub after: usize,
}

/// Builds the context of `meeting` for `profile`.
pub fn build(meeting: &Meeting, schedule: &Schedule, profile: Profile, font: &str) -> Context {
    let m = meeting;
    let party = profile == Profile::Party;
    let activity_phrase = activity_phrase(m);
    let meeting_name = m
        .title
        .clone()
        .unwrap_or_else(|| format!("Hội nghị {activity_phrase}"));
    let date_style = m.article.as_ref().map(|a| a.date_style).unwrap_or_default();
    let when = When {
        date_long: vi::date_long(schedule.date),
        weekday: vi::weekday(schedule.date).to_owned(),
        start_clock: vi::clock(schedule.start),
        end_clock: schedule.end.map(vi::clock),
        date_short: match date_style {
            DateStyle::Slash => vi::date_short(schedule.date),
            DateStyle::Hyphen => vi::date_hyphen(schedule.date),
        },
        time_of_day: vi::time_of_day(schedule.start).unwrap_or("Ngày").to_owned(),
    };
    let resolve = |r: &str| m.find_member(r).map_or(r.to_owned(), |u| u.name.clone());
    let members: Vec<MemberCtx> = m
        .members
        .iter()
        .map(|u| MemberCtx {
            name: u.name.clone(),
            name_upper: upper_vi(&u.name),
            signer_name: u.signer.name.clone(),
            signer_title: u.signer.title.clone(),
            sign_lines: sign_lines(&u.name, &u.signer, profile),
            absent: u.absent.clone(),
        })
        .collect();
    let absent = members
        .iter()
        .filter(|u| u.absent.is_some())
        .cloned()
        .collect();
    let chair = person(&m.chair.name, m.chair.title.as_deref(), m.chair.address);
    let secretary = m
        .secretary
        .as_ref()
        .map(|s| person(&s.name, s.title.as_deref(), s.address));
    let guests: Vec<GuestCtx> = m
        .guests
        .iter()
        .map(|g| {
            let p = person(&g.name, Some(&join_titles(&g.titles, g.address)), g.address);
            GuestCtx {
                name: g.name.clone(),
                titles: join_titles(&g.titles, g.address),
                role: g.role.clone().unwrap_or_else(|| "dự".to_owned()),
                intro: p.intro,
                speech: g.speech.clone(),
            }
        })
        .collect();
    let mut number = 0;
    let sections = m
        .commitments
        .iter()
        .enumerate()
        .map(|(i, s)| SectionCtx {
            roman: roman(i + 1),
            title_upper: upper_vi(&s.title),
            intro: s.intro.clone(),
            items: s
                .items
                .iter()
                .map(|c| {
                    number += 1;
                    ItemCtx {
                        number,
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
                    }
                })
                .collect(),
        })
        .collect();
    let votes = m
        .votes
        .iter()
        .map(|v| {
            let (base, base_words) = match v.percent_of {
                PercentBase::Voters => (v.voters, "tổng số đại biểu có mặt biểu quyết"),
                PercentBase::Valid => (v.voters.saturating_sub(v.invalid), "tổng số phiếu hợp lệ"),
                PercentBase::Members => (
                    v.eligible.unwrap_or(m.members.len() as u32),
                    "tổng số thành viên có quyền biểu quyết",
                ),
            };
            VoteCtx {
                motion: v.motion.clone(),
                method: v.method.clone(),
                voters: v.voters,
                base_words: base_words.to_owned(),
                base,
                options: v
                    .options
                    .iter()
                    .map(|o| OptionCtx {
                        label: o.label.clone(),
                        count: o.count,
                        percent: vi::percent(u64::from(o.count), u64::from(base))
                            .unwrap_or_else(|| "—".to_owned()),
                    })
                    .collect(),
                invalid: v.invalid,
                result: v.result.clone(),
            }
        })
        .collect();
    let awards: Vec<AwardCtx> = m
        .awards
        .iter()
        .map(|a| {
            let recipients: Vec<String> = a.recipients.iter().map(|r| resolve(r)).collect();
            AwardCtx {
                award: a.award.clone(),
                recipients_joined: join_and(&recipients),
                recipients,
                proposed: a.status == AwardStatus::Proposed,
                reason: a.reason.clone(),
            }
        })
        .collect();
    let issuer_code = m.numbers.issuer_code.as_deref().map(str::trim);
    let agreement_type = m
        .numbers
        .agreement_type
        .clone()
        .unwrap_or_else(|| "GƯTĐ".to_owned());
    let agreement = AgreementCtx {
        number_line: m
            .numbers
            .agreement
            .map(|n| number_line(profile, Some(n), &agreement_type, issuer_code)),
        title: m
            .agreement
            .title
            .clone()
            .unwrap_or_else(|| "BẢN GIAO ƯỚC THI ĐUA".to_owned()),
        subject: m
            .agreement
            .subject
            .clone()
            .unwrap_or_else(|| format!("{} năm {}", m.bloc.name, m.year)),
        preamble: m.agreement.preamble.clone().unwrap_or_else(|| {
            format!(
                "Thực hiện phong trào thi đua năm {}, các đơn vị trong {} thống nhất ký kết giao ước thi đua với các nội dung sau:",
                m.year,
                m.bloc.name.trim()
            )
        }),
        closing: m.agreement.closing.clone(),
        signature_heading: match m.agreement.signature_heading.as_deref() {
            None => Some(format!(
                "ĐẠI DIỆN CÁC ĐƠN VỊ TRONG {}",
                upper_vi(bloc_word(&m.bloc.name))
            )),
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(upper_vi(s)),
        },
        columns: match m.agreement.columns {
            Some(c) => usize::from(c.clamp(1, 3)),
            None if m.members.len() > 12 => 3,
            None => 2,
        },
    };
    let minutes = MinutesCtx {
        number_line: number_line(profile, m.numbers.minutes, "BB", issuer_code),
        subject: if party && m.title.is_none() {
            lower_first(&meeting_name)
        } else {
            meeting_name.clone()
        },
        secretary_label: m.minutes.secretary_label.clone().map_or_else(
            || {
                if party {
                    "NGƯỜI GHI BIÊN BẢN"
                } else {
                    "THƯ KÝ"
                }
                .to_owned()
            },
            |s| upper_vi(&s),
        ),
        chair_label: m.minutes.chair_label.clone().map_or_else(
            || {
                if party {
                    "CHỦ TRÌ HỘI NGHỊ"
                } else {
                    "CHỦ TỌA"
                }
                .to_owned()
            },
            |s| upper_vi(&s),
        ),
        recipients: punctuate(&m.minutes.recipients, ";", "."),
    };
    let head_unit = m.bloc.head_unit.as_deref().map(resolve);
    let next_head_unit = m.next_head_unit.as_deref().map(resolve);
    let mut ctx = Context {
        profile: if party { "party" } else { "nd30" },
        font: font.to_owned(),
        year: m.year,
        review_year: m.effective_review_year(),
        header: Header {
            superior: m.bloc.superior.as_deref().map(upper_vi),
            issuer: upper_vi(&m.bloc.name),
            date_line: vi::date_line(&m.bloc.place, schedule.date),
        },
        bloc_name: m.bloc.name.clone(),
        bloc_word: bloc_word(&m.bloc.name).to_owned(),
        present_count: m.members.iter().filter(|u| u.absent.is_none()).count(),
        meeting_name,
        activity_phrase,
        when,
        venue: m.venue.clone(),
        chair,
        secretary,
        guests,
        members,
        absent,
        head_unit,
        next_head_unit,
        next_head_year: m.year
            + i32::from(
                m.does(Activity::Review) && !m.does(Activity::Sign) && !m.does(Activity::Launch),
            ),
        legal_bases: punctuate(&m.legal_bases, ";", ".")
            .into_iter()
            .map(|b| {
                if b.starts_with("Căn cứ") {
                    b
                } else {
                    format!("Căn cứ {b}")
                }
            })
            .collect(),
        sections,
        proceedings: m
            .proceedings
            .iter()
            .map(|p| ProceedingCtx {
                speaker: match &p.title {
                    Some(t) => format!("{}, {}", p.speaker.trim(), t.trim()),
                    None => p.speaker.trim().to_owned(),
                },
                summary: p.summary.clone(),
            })
            .collect(),
        votes,
        awards,
        conclusions: m.conclusions.clone(),
        agreement,
        minutes,
        article: None,
    };
    ctx.article = m.article.as_ref().map(|a| article::build(m, a, &ctx));
    ctx
}

mod article;

/// The verb phrase of what the meeting does.
pub fn activity_phrase(m: &Meeting) -> String {
    let launch = m.does(Activity::Launch);
    let sign = m.does(Activity::Sign);
    let forward = match (launch, sign) {
        (true, true) => Some(format!(
            "phát động và ký kết giao ước thi đua năm {}",
            m.year
        )),
        (true, false) => Some(format!("phát động phong trào thi đua năm {}", m.year)),
        (false, true) => Some(format!("ký kết giao ước thi đua năm {}", m.year)),
        (false, false) => None,
    };
    let review = m.does(Activity::Review).then(|| {
        format!(
            "tổng kết công tác thi đua, khen thưởng năm {}",
            m.effective_review_year()
        )
    });
    match (review, forward) {
        (Some(r), Some(f)) => format!("{r}, {f}"),
        (Some(r), None) => r,
        (None, Some(f)) => f,
        (None, None) => format!("thi đua năm {}", m.year),
    }
}

/// The lines of a signature block above the signature space, for `profile`.
pub fn sign_lines(unit: &str, s: &Signer, profile: Profile) -> Vec<SignLine> {
    let party = profile == Profile::Party;
    let bold = |t: String| SignLine {
        text: t,
        bold: true,
    };
    // Party: the position line under an authority line is not bold (HD36); nd30: all bold.
    let title = |t: &str| SignLine {
        text: upper_vi(t.trim()),
        bold: !party,
    };
    let prefix =
        |nd30: &str, party_prefix: &str| if party { party_prefix } else { nd30 }.to_owned();
    let unit_upper = upper_vi(unit.trim());
    let principal = s.principal_title.as_deref().unwrap_or(&s.title);
    match s.authority {
        crate::model::Authority::None => vec![bold(unit_upper), bold(upper_vi(s.title.trim()))],
        crate::model::Authority::Collective => {
            // "TM. <collective>": the collective is the unit itself unless named otherwise, and
            // then the unit's own name stays on top so every cell names its unit.
            let body = s
                .on_behalf_of
                .as_deref()
                .map(str::trim)
                .filter(|b| !b.is_empty() && upper_vi(b) != unit_upper);
            let mut lines = Vec::new();
            if body.is_some() {
                lines.push(bold(unit_upper.clone()));
            }
            let body = body.map_or_else(|| unit_upper.clone(), upper_vi);
            lines.push(bold(format!("{} {body}", prefix("TM.", "T/M"))));
            lines.push(title(&s.title));
            lines
        }
        crate::model::Authority::Deputy => vec![
            bold(unit_upper),
            bold(format!(
                "{} {}",
                prefix("KT.", "K/T"),
                upper_vi(principal.trim())
            )),
            title(&s.title),
        ],
        crate::model::Authority::ByOrder => vec![
            bold(unit_upper),
            bold(format!(
                "{} {}",
                prefix("TL.", "T/L"),
                upper_vi(principal.trim())
            )),
            title(&s.title),
        ],
        crate::model::Authority::ByDelegation => vec![
            bold(unit_upper),
            bold(format!(
                "{} {}",
                prefix("TUQ.", "T/UQ"),
                upper_vi(principal.trim())
            )),
            title(&s.title),
        ],
        crate::model::Authority::Acting => vec![
            bold(unit_upper),
            bold(format!("Q. {}", upper_vi(s.title.trim()))),
        ],
    }
}

/// A number line: nd30 `Số: 05/BB-KTĐ`, party `Số 05-BB/KTĐ`, with blanks when `number` is None.
pub fn number_line(
    profile: Profile,
    number: Option<u32>,
    kind: &str,
    issuer: Option<&str>,
) -> String {
    let n = number.map_or_else(|| "\u{a0}".repeat(3), vi::pad2);
    match (profile, issuer.filter(|s| !s.is_empty())) {
        (Profile::Nd30, Some(code)) => format!("Số: {n}/{kind}-{code}"),
        (Profile::Nd30, None) => format!("Số: {n}/{kind}"),
        (Profile::Party, Some(code)) => format!("Số {n}-{kind}/{code}"),
        (Profile::Party, None) => format!("Số {n}-{kind}"),
    }
}

fn person(name: &str, title: Option<&str>, address: Address) -> PersonCtx {
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    let intro = match (address, title) {
        (Address::DongChi, Some(t)) => format!("đồng chí {}, {t}", name.trim()),
        (Address::DongChi, None) => format!("đồng chí {}", name.trim()),
        (Address::Ong, Some(t)) => format!("ông {} - {t}", name.trim()),
        (Address::Ong, None) => format!("ông {}", name.trim()),
        (Address::Ba, Some(t)) => format!("bà {} - {t}", name.trim()),
        (Address::Ba, None) => format!("bà {}", name.trim()),
    };
    PersonCtx {
        name: name.trim().to_owned(),
        title: title.map(str::to_owned),
        intro,
    }
}

fn join_titles(titles: &[String], address: Address) -> String {
    let sep = if address == Address::DongChi {
        ", "
    } else {
        " - "
    };
    titles
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Joins names as "A, B và C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// Ends every item with `sep` and the last with `last` (replacing any final `;`, `.`, `,`).
pub fn punctuate(items: &[String], sep: &str, last: &str) -> Vec<String> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let core = s.trim().trim_end_matches([';', '.', ',']).trim_end();
            format!("{core}{}", if i + 1 == n { last } else { sep })
        })
        .collect()
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

/// Letter of the i-th sub-item, in the Vietnamese alphabet (a, b, c, d, đ, e, g, …).
pub fn letter(i: usize) -> String {
    const LETTERS: [&str; 17] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r",
    ];
    match LETTERS.get(i) {
        Some(l) => (*l).to_owned(),
        None => format!(
            "{}{}",
            LETTERS[i / LETTERS.len() - 1],
            LETTERS[i % LETTERS.len()]
        ),
    }
}

/// "Cụm" for a Cụm thi đua, "Khối" otherwise.
pub fn bloc_word(name: &str) -> &'static str {
    if name.trim_start().to_lowercase().starts_with("cụm") {
        "Cụm"
    } else {
        "Khối"
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Authority;

    fn signer(authority: Authority) -> Signer {
        Signer {
            name: "Lò Thị Ỹ".into(),
            title: "Phó Trưởng ban".into(),
            authority,
            on_behalf_of: Some("Ủy ban Kiểm tra Tỉnh ủy".into()),
            principal_title: Some("Trưởng ban".into()),
        }
    }

    fn texts(lines: &[SignLine]) -> Vec<(&str, bool)> {
        lines.iter().map(|l| (l.text.as_str(), l.bold)).collect()
    }

    #[test]
    fn authority_prefixes_per_profile() {
        let unit = "Ban Tổ chức Tỉnh ủy";
        let nd = sign_lines(unit, &signer(Authority::Deputy), Profile::Nd30);
        assert_eq!(
            texts(&nd),
            [
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("KT. TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", true)
            ]
        );
        let party = sign_lines(unit, &signer(Authority::Deputy), Profile::Party);
        assert_eq!(
            texts(&party),
            [
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("K/T TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", false)
            ]
        );
        let tm = sign_lines(unit, &signer(Authority::Collective), Profile::Nd30);
        assert_eq!(tm[0].text, "BAN TỔ CHỨC TỈNH ỦY");
        assert_eq!(tm[1].text, "TM. ỦY BAN KIỂM TRA TỈNH ỦY");
        let own = Signer {
            on_behalf_of: None,
            ..signer(Authority::Collective)
        };
        let tm = sign_lines("Ủy ban Kiểm tra Tỉnh ủy", &own, Profile::Party);
        assert_eq!(
            texts(&tm),
            [
                ("T/M ỦY BAN KIỂM TRA TỈNH ỦY", true),
                ("PHÓ TRƯỞNG BAN", false)
            ]
        );
        for (a, nd30, party) in [
            (Authority::ByOrder, "TL. TRƯỞNG BAN", "T/L TRƯỞNG BAN"),
            (
                Authority::ByDelegation,
                "TUQ. TRƯỞNG BAN",
                "T/UQ TRƯỞNG BAN",
            ),
        ] {
            assert_eq!(sign_lines(unit, &signer(a), Profile::Nd30)[1].text, nd30);
            assert_eq!(sign_lines(unit, &signer(a), Profile::Party)[1].text, party);
        }
        let acting = sign_lines(unit, &signer(Authority::Acting), Profile::Nd30);
        assert_eq!(acting[1].text, "Q. PHÓ TRƯỞNG BAN");
        let head = sign_lines(unit, &signer(Authority::None), Profile::Party);
        assert_eq!(
            texts(&head),
            [("BAN TỔ CHỨC TỈNH ỦY", true), ("PHÓ TRƯỞNG BAN", true)]
        );
    }

    #[test]
    fn number_lines() {
        assert_eq!(
            number_line(Profile::Nd30, Some(5), "BB", Some("KTĐ")),
            "Số: 05/BB-KTĐ"
        );
        assert_eq!(
            number_line(Profile::Party, Some(12), "BB", Some("KTĐ")),
            "Số 12-BB/KTĐ"
        );
        let blank = number_line(Profile::Nd30, None, "BB", Some("KTĐ"));
        assert!(blank.starts_with("Số: \u{a0}") && blank.ends_with("/BB-KTĐ"));
        let blank = number_line(Profile::Party, None, "BB", Some("KTĐ"));
        assert!(blank.starts_with("Số \u{a0}") && blank.ends_with("-BB/KTĐ"));
    }

    #[test]
    fn punctuation_and_numbering() {
        let items = [
            "Luật A;".to_owned(),
            "Nghị định B.".to_owned(),
            "Quyết định C".to_owned(),
        ];
        assert_eq!(
            punctuate(&items, ";", "."),
            ["Luật A;", "Nghị định B;", "Quyết định C."]
        );
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(
            (0..7).map(letter).collect::<Vec<_>>(),
            ["a", "b", "c", "d", "đ", "e", "g"]
        );
        assert_eq!(join_and(&["A".into(), "B".into(), "C".into()]), "A, B và C");
    }
}
