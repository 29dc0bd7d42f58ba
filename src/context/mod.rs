//! Template values: what a document template sees, computed from a validated meeting.
//!
//! Rust supplies facts here: names resolved, numbers counted, percentages computed, dates and
//! times in their written forms, signature authority lines of each profile, and the places a
//! line may break in a centred block (no-break spaces, decided on the mixed-case text before
//! upper-casing). The sentences of the documents live in the templates, so an office changes a
//! sentence by copying a template, never by recompiling. Escaping for Typst is
//! [`crate::render`]'s job.

use serde::Serialize;

use crate::model::Schedule;
use crate::model::{
    Activity, Address, AwardStatus, DateStyle, Meeting, Profile, RecipientType, Signer,
};
use crate::vietnamese::{self as vi, centred_phrase, glue_names, upper_vi};

mod article;
mod pack;
mod votes;

pub use article::apply_words;
pub use pack::PackCtx;
pub use votes::VoteCtx;

/// A break the clerk wrote in a name (a new line in the file), as the Typst library reads it.
pub const LINE_BREAK: char = '\u{2028}';

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
    /// Number of member units.
    pub member_count: usize,
    /// Number of member units present.
    pub present_count: usize,
    /// Number of delegates attending, when the file gives it.
    pub delegates: Option<u32>,
    /// What the meeting does: `launch`, `sign`, `review` flags.
    pub does: Does,
    /// The meeting's name ("Hội nghị ký kết giao ước thi đua năm 2026"), or the file's `title`.
    pub meeting_name: String,
    /// The meeting's name inside a sentence, first letter lower case ("hội nghị ký kết …").
    pub meeting_phrase: String,
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
    /// Votes with computed figures.
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
    /// The documents around the conference: invitations, programme, attendance sheet,
    /// vote-count minutes, award proposal.
    pub pack: PackCtx,
    /// `--draft`: a "DỰ THẢO" watermark on every page.
    pub draft: bool,
}

/// What the meeting does.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Does {
    /// Launches the emulation movement.
    pub launch: bool,
    /// Signs the pledge agreement.
    pub sign: bool,
    /// Reviews the past year.
    pub review: bool,
}

/// The header block.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// Superior body, upper case, with its break marks.
    pub superior: Option<String>,
    /// Issuing body (the bloc), upper case, with its break marks.
    pub issuer: String,
    /// Date line of the header ("Đông Hà, ngày 05 tháng 3 năm 2026").
    pub date_line: String,
}

/// Date and time in the forms the documents use.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// "ngày 13 tháng 3 năm 2026".
    pub date_long: String,
    /// "Thứ Sáu", for the start of a line or sentence.
    pub weekday: String,
    /// "thứ Sáu", inside a sentence (NĐ 30 Phụ lục II).
    pub weekday_lower: String,
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
    /// Positions joined for running text, when any.
    pub title: Option<String>,
    /// The form of address: "đồng chí", "ông" or "bà".
    pub address: &'static str,
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
    /// Whether the guest gave the directing speech (role "phát biểu chỉ đạo").
    pub directs: bool,
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
    /// Name upper-cased, with its break marks.
    pub name_upper: String,
    /// Signer's name.
    pub signer_name: String,
    /// Signer's title in normal case.
    pub signer_title: String,
    /// "đồng chí Lò Thị Ỹ, Phó Trưởng ban" (the signer in running text).
    pub signer_intro: String,
    /// Signature block lines above the signature space.
    pub sign_lines: Vec<SignLine>,
    /// Reason of absence.
    pub absent: Option<String>,
}

/// One line of a signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignLine {
    /// Text, upper case, with its break marks.
    pub text: String,
    /// Bold?
    pub bold: bool,
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
    /// The section as the article names it: `summary`, else the heading in lower case.
    pub topic: String,
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

/// A proceeding.
#[derive(Debug, Clone, Serialize)]
pub struct ProceedingCtx {
    /// Who spoke, as written ("Đồng chí Lò Văn Thắm").
    pub speaker: String,
    /// The speaker's position, when given.
    pub title: Option<String>,
    /// Summary.
    pub summary: String,
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
    /// How many recipients, padded ("01"), when counted.
    pub count: Option<String>,
    /// "tập thể" or "cá nhân".
    pub recipient_word: &'static str,
    /// Proposed (true) or granted.
    pub proposed: bool,
    /// Reason.
    pub reason: Option<String>,
}

/// Pledge agreement values.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementCtx {
    /// Number line, when the file gives the agreement's code.
    pub number_line: Option<String>,
    /// Title, upper case, with its break marks.
    pub title: String,
    /// Line under the title, with its break marks.
    pub subject: String,
    /// Lead sentence, when the file gives it (the template words the default).
    pub preamble: Option<String>,
    /// Closing paragraph.
    pub closing: Option<String>,
    /// Heading over the signature grid.
    pub signature_heading: Option<String>,
    /// Grid columns.
    pub columns: usize,
    /// Whether the file fixed the number of columns (otherwise three columns may become two
    /// when long names would break inside a word).
    pub columns_fixed: bool,
    /// "Nơi nhận" items with their endings, the profile's Lưu line last.
    pub recipients: Vec<String>,
}

/// Minutes values.
#[derive(Debug, Clone, Serialize)]
pub struct MinutesCtx {
    /// Number line (blanks when the file gives no number).
    pub number_line: String,
    /// Line under "BIÊN BẢN", with its break marks.
    pub subject: String,
    /// Label over the secretary's signature.
    pub secretary_label: String,
    /// Label over the chair's signature.
    pub chair_label: String,
    /// "Nơi nhận" items with their endings, the profile's Lưu line last.
    pub recipients: Vec<String>,
}

/// Article values. `title`, `lead` and `paragraphs` are worded by the article's text template
/// (`bai-tin.txt.j2`) and filled in by [`apply_words`].
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCtx {
    /// Outlet tag ("BNP"), when given.
    pub outlet: Option<String>,
    /// Kicker.
    pub kicker: Option<String>,
    /// The headline the file gives, if any (on one line).
    pub title_given: Option<String>,
    /// The headline the file gives, with any line break written in it.
    #[serde(skip)]
    pub title_written: Option<String>,
    /// Headline, with its break marks.
    pub title: String,
    /// Lead paragraph (sapo).
    pub lead: String,
    /// Body paragraphs (generated, then the press office's own).
    pub paragraphs: Vec<String>,
    /// The press office's own paragraphs, as the file gives them.
    pub extra_paragraphs: Vec<String>,
    /// The lead as the file writes it (`article.lead`), replacing the generated one.
    #[serde(skip)]
    pub lead_written: Option<String>,
    /// The body as the file writes it, position by position (`article.body`).
    #[serde(skip)]
    pub body_written: Vec<Option<String>>,
    /// Whether the member units are named one by one.
    pub list_members: bool,
    /// End the body with "./.".
    pub end_mark: bool,
    /// Photos.
    pub photos: Vec<PhotoCtx>,
    /// Byline.
    pub byline: String,
}

/// A photo placed in the article.
#[derive(Debug, Clone, Serialize)]
pub struct PhotoCtx {
    /// Path relative to the meeting folder, as the file gives it.
    pub file: String,
    /// The path Typst reads it under (`/anh/0.png`): the same few for every meeting, so a long
    /// batch never runs out of Typst's file ids.
    pub slot: String,
    /// "Caption. Ảnh: Credit".
    pub caption: String,
    /// Index of the paragraph the photo follows (0 = after the lead).
    pub after: usize,
}

/// A centred block's text: breaks decided on the mixed-case text, then upper-cased.
pub fn centred_upper(s: &str) -> String {
    upper_vi(&centred(s))
}

/// A centred block's text in its own case, with no-break spaces and the clerk's break marks.
pub fn centred(s: &str) -> String {
    centred_phrase(s.trim()).replace('\n', &LINE_BREAK.to_string())
}

/// Builds the context of `meeting` for `profile`.
pub fn build(meeting: &Meeting, schedule: &Schedule, profile: Profile, font: &str) -> Context {
    let m = meeting;
    let party = profile == Profile::Party;
    let activity_phrase = activity_phrase(m);
    let meeting_name = m
        .title
        .as_deref()
        .map(|t| one_line(t).trim().trim_end_matches('.').to_owned())
        .unwrap_or_else(|| format!("Hội nghị {activity_phrase}"));
    let date_style = m.article.as_ref().map(|a| a.date_style).unwrap_or_default();
    let when = When {
        date_long: vi::date_long(schedule.date),
        weekday: vi::weekday(schedule.date).to_owned(),
        weekday_lower: vi::weekday_lower(schedule.date).to_owned(),
        start_clock: vi::clock(schedule.start),
        end_clock: schedule.end.map(vi::clock),
        date_short: match date_style {
            DateStyle::Slash => vi::date_short(schedule.date),
            DateStyle::Hyphen => vi::date_hyphen(schedule.date),
        },
        time_of_day: vi::time_of_day(schedule.start).unwrap_or("Ngày").to_owned(),
    };
    let resolve = |r: &str| {
        m.find_member(r)
            .map_or(r.trim().to_owned(), |u| one_line(&u.name))
    };
    let default_address = m.bloc.address.unwrap_or_default();
    let members: Vec<MemberCtx> = m
        .members
        .iter()
        .map(|u| MemberCtx {
            name: one_line(&u.name),
            name_upper: centred_upper(&u.name),
            signer_name: one_line(&u.signer.name),
            signer_title: one_line(&u.signer.title),
            signer_intro: person(
                &u.signer.name,
                std::slice::from_ref(&u.signer.title),
                u.signer.address.unwrap_or(default_address),
            )
            .intro,
            sign_lines: sign_lines(&u.name, &u.signer, profile),
            absent: u.absent.clone(),
        })
        .collect();
    let absent = members
        .iter()
        .filter(|u| u.absent.is_some())
        .cloned()
        .collect();
    let positions = |p: &crate::model::Person| -> Vec<String> {
        p.title.iter().chain(&p.titles).cloned().collect()
    };
    let chair = person(
        &m.chair.name,
        &positions(&m.chair),
        m.chair.address.unwrap_or(default_address),
    );
    let secretary = m
        .secretary
        .as_ref()
        .map(|s| person(&s.name, &positions(s), s.address.unwrap_or(default_address)));
    let guests: Vec<GuestCtx> = m
        .guests
        .iter()
        .map(|g| {
            let p = person(&g.name, &g.titles, g.address.unwrap_or(default_address));
            let role = g
                .role
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .unwrap_or("dự")
                .to_owned();
            GuestCtx {
                name: p.name,
                titles: p.title.unwrap_or_default(),
                directs: role.contains("chỉ đạo"),
                role,
                intro: p.intro,
                speech: g.speech.as_deref().map(|s| s.trim().to_owned()),
            }
        })
        .collect();
    let sections = m
        .commitments
        .iter()
        .enumerate()
        .map(|(i, s)| SectionCtx {
            roman: roman(i + 1),
            title: s.title.trim().to_owned(),
            title_upper: upper_vi(s.title.trim()),
            intro: s.intro.clone(),
            summary: s.summary.as_deref().map(|t| t.trim().to_owned()),
            topic: s
                .summary
                .as_deref()
                .map(|t| t.trim().trim_end_matches(['.', ';']).to_owned())
                .unwrap_or_else(|| vi::lower_vi(s.title.trim())),
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
        .collect();
    let votes = m
        .votes
        .iter()
        .map(|v| votes::build(m, v, &resolve))
        .collect();
    let awards: Vec<AwardCtx> = m
        .awards
        .iter()
        .map(|a| {
            let recipients: Vec<String> = a.recipients.iter().map(|r| resolve(r)).collect();
            AwardCtx {
                award: a.award.trim().to_owned(),
                recipients_joined: join_and(&recipients),
                recipients,
                count: a.count.map(vi::pad2),
                recipient_word: match a.recipient_type {
                    RecipientType::Collective => "tập thể",
                    RecipientType::Individual => "cá nhân",
                },
                proposed: a.status == AwardStatus::Proposed,
                reason: a.reason.clone(),
            }
        })
        .collect();
    let issuer_code = m.numbers.issuer_code.as_deref().map(str::trim);
    let head_unit = m.bloc.head_unit.as_deref().map(resolve);
    let bloc_word = bloc_word(&m.bloc.name);
    let bloc_name = one_line(&m.bloc.name);
    let agreement = AgreementCtx {
        number_line: m
            .numbers
            .agreement_type
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|code| number_line(profile, m.numbers.agreement, code, issuer_code)),
        title: centred_upper(
            m.agreement
                .title
                .as_deref()
                .unwrap_or("Bản giao ước thi đua"),
        ),
        subject: centred(
            &m.agreement
                .subject
                .clone()
                .unwrap_or_else(|| format!("{bloc_name} năm {}", m.year)),
        ),
        preamble: m.agreement.preamble.clone(),
        closing: m.agreement.closing.clone(),
        signature_heading: match m.agreement.signature_heading.as_deref() {
            None => Some(centred_upper(&format!(
                "Đại diện các đơn vị trong {bloc_word}"
            ))),
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(centred_upper(s)),
        },
        columns: match m.agreement.columns {
            Some(c) => usize::from(c.clamp(1, 3)),
            None if m.members.len() > 12 => 3,
            None => 2,
        },
        columns_fixed: m.agreement.columns.is_some(),
        recipients: recipients(
            profile,
            m.agreement.recipients.clone().unwrap_or_else(|| {
                vec![
                    format!("Các đơn vị trong {bloc_word}"),
                    "Hội đồng Thi đua - Khen thưởng tỉnh (để báo cáo)".to_owned(),
                ]
            }),
            m.agreement.archive.as_deref(),
            head_unit.as_deref(),
        ),
    };
    let minutes_recipients = if m.minutes.recipients.is_empty() {
        vec![format!("Các đơn vị trong {bloc_word}")]
    } else {
        m.minutes.recipients.clone()
    };
    let minutes = MinutesCtx {
        number_line: number_line(profile, m.numbers.minutes, "BB", issuer_code),
        subject: match m.title.as_deref() {
            // The clerk's own name of the meeting, with any line break written in it.
            Some(t) => centred(t.trim().trim_end_matches('.')),
            None if party => centred(&lower_first(&meeting_name)),
            None => centred(&meeting_name),
        },
        secretary_label: m.minutes.secretary_label.as_deref().map_or_else(
            || {
                if party {
                    "NGƯỜI GHI BIÊN BẢN"
                } else {
                    "THƯ KÝ"
                }
                .to_owned()
            },
            centred_upper,
        ),
        chair_label: m.minutes.chair_label.as_deref().map_or_else(
            || {
                if party {
                    "CHỦ TRÌ HỘI NGHỊ"
                } else {
                    "CHỦ TỌA"
                }
                .to_owned()
            },
            centred_upper,
        ),
        recipients: recipients(
            profile,
            minutes_recipients,
            m.minutes.archive.as_deref(),
            head_unit.as_deref(),
        ),
    };
    let next_head_unit = m.next_head_unit.as_deref().map(resolve);
    let mut ctx = Context {
        profile: if party { "party" } else { "nd30" },
        font: font.to_owned(),
        year: m.year,
        review_year: m.effective_review_year(),
        header: Header {
            superior: m.bloc.superior.as_deref().map(centred_upper),
            issuer: centred_upper(&m.bloc.name),
            date_line: vi::date_line(m.bloc.place.trim(), schedule.date),
        },
        bloc_name,
        bloc_word: bloc_word.to_owned(),
        member_count: m.members.len(),
        present_count: m.members.iter().filter(|u| u.absent.is_none()).count(),
        delegates: m.delegates,
        does: Does {
            launch: m.does(Activity::Launch),
            sign: m.does(Activity::Sign),
            review: m.does(Activity::Review),
        },
        meeting_phrase: if m.title.is_some() {
            lower_first_word(&meeting_name)
        } else {
            lower_first(&meeting_name)
        },
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
        legal_bases: legal_bases(&m.legal_bases, "."),
        sections,
        proceedings: m
            .proceedings
            .iter()
            .map(|p| ProceedingCtx {
                speaker: p.speaker.trim().to_owned(),
                title: p
                    .title
                    .as_deref()
                    .map(|t| t.trim().trim_end_matches(',').to_owned())
                    .filter(|t| !t.is_empty()),
                summary: p.summary.trim().to_owned(),
            })
            .collect(),
        votes,
        awards,
        conclusions: m.conclusions.clone(),
        agreement,
        minutes,
        article: None,
        pack: PackCtx::default(),
        draft: false,
    };
    ctx.article = m.article.as_ref().map(|a| article::build(a, &ctx));
    ctx.pack = pack::build(m, &ctx, profile);
    ctx
}

/// "Căn cứ …;" lines: each basis punctuated with `;`, the last with `last`, and "Căn cứ " put in
/// front unless the text already starts with it.
fn legal_bases(bases: &[String], last: &str) -> Vec<String> {
    punctuate(bases, ";", last)
        .into_iter()
        .map(|b| {
            if b.starts_with("Căn cứ") {
                b
            } else {
                format!("Căn cứ {b}")
            }
        })
        .collect()
}

/// A name as running text prints it: a break the clerk wrote for headers becomes a space.
fn one_line(s: &str) -> String {
    crate::text::collapse_whitespace(s)
}

/// The "Nơi nhận" items of `profile` with their endings: `items` (a last item beginning with
/// "Lưu" is the archive line), then the profile's Lưu line: nd30 `Lưu: VT, <archive>.`
/// (default "Hồ sơ", NĐ 30 Mẫu 1.9), party `Lưu <archive>.` (default the head unit).
pub fn recipients(
    profile: Profile,
    mut items: Vec<String>,
    archive: Option<&str>,
    head_unit: Option<&str>,
) -> Vec<String> {
    items.retain(|i| !i.trim().is_empty());
    let mut archive = archive.map(|a| a.trim().to_owned());
    if items
        .last()
        .is_some_and(|l| l.trim_start().starts_with("Lưu"))
    {
        let last = items.pop().unwrap_or_default();
        let rest = last.trim_start()["Lưu".len()..]
            .trim_start_matches([':', ' '])
            .trim_start_matches("VT")
            .trim_start_matches([',', ' '])
            .trim_end_matches(['.', ';', ' '])
            .to_owned();
        if archive.is_none() && !rest.is_empty() {
            archive = Some(rest);
        }
    }
    let mut out = punctuate(
        &items.iter().map(|i| one_line(i)).collect::<Vec<_>>(),
        ";",
        ";",
    );
    let archive = archive.map(|a| a.trim_end_matches(['.', ';']).to_owned());
    out.push(match profile {
        Profile::Nd30 => format!("Lưu: VT, {}.", archive.as_deref().unwrap_or("Hồ sơ")),
        Profile::Party => format!(
            "Lưu {}.",
            archive.as_deref().or(head_unit).unwrap_or("hồ sơ hội nghị")
        ),
    });
    out.into_iter().map(|i| glue_names(&i)).collect()
}

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

/// The lines of a signature block above the signature space, for `profile` (spec §2 ô 7a,
/// §5, §10): nd30 prints every line bold; the Party format prints the unit and the T/M, K/T,
/// T/L line bold and the position line regular. An acting head prints `Q. <principal's title>`
/// (nd30) or the position line `QUYỀN <principal's title>` (party). The Party format has no
/// `TUQ.`: validation refuses it before a context is built.
pub fn sign_lines(unit: &str, s: &Signer, profile: Profile) -> Vec<SignLine> {
    use crate::model::Authority;
    let party = profile == Profile::Party;
    let bold = |t: String| SignLine {
        text: t,
        bold: true,
    };
    let position = |t: &str| SignLine {
        text: centred_upper(t),
        bold: !party,
    };
    let prefixed = |nd30: &str, party_prefix: &str, title: &str| {
        bold(format!(
            "{}\u{a0}{}",
            if party { party_prefix } else { nd30 },
            centred_upper(title)
        ))
    };
    let unit_line = bold(centred_upper(unit));
    let principal = s
        .principal_title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&s.title);
    match s.authority {
        Authority::None => vec![unit_line, position(&s.title)],
        Authority::Collective => {
            // "TM. <collective>": the collective is the unit itself unless named otherwise, and
            // then the unit's own name stays on top so every cell names its unit.
            let body =
                s.on_behalf_of.as_deref().map(str::trim).filter(|b| {
                    !b.is_empty() && upper_vi(&one_line(b)) != upper_vi(&one_line(unit))
                });
            let mut lines = Vec::new();
            if body.is_some() {
                lines.push(unit_line);
            }
            lines.push(prefixed("TM.", "T/M", body.unwrap_or(unit)));
            lines.push(position(&s.title));
            lines
        }
        Authority::Deputy => vec![
            unit_line,
            prefixed("KT.", "K/T", principal),
            position(&s.title),
        ],
        Authority::ByOrder => vec![
            unit_line,
            prefixed("TL.", "T/L", principal),
            position(&s.title),
        ],
        Authority::ByDelegation => vec![
            unit_line,
            prefixed("TUQ.", "TUQ.", principal),
            position(&s.title),
        ],
        Authority::Acting if party => vec![unit_line, position(&format!("Quyền {principal}"))],
        Authority::Acting => vec![unit_line, prefixed("Q.", "Q.", principal)],
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
        // HD 36 always writes the issuer's code after the slash: left as dots to fill in.
        (Profile::Party, None) => format!("Số {n}-{kind}/....."),
    }
}

/// A person in running text: "đồng chí <name>, <positions>" or "ông/bà <name> - <positions>".
/// The state form separates positions with " - " unless one of them holds a hyphen itself
/// ("Ban Thi đua - Khen thưởng"), when commas keep the reading unambiguous.
fn person(name: &str, titles: &[String], address: Address) -> PersonCtx {
    let name = one_line(name);
    let titles: Vec<String> = titles
        .iter()
        .map(|t| one_line(t))
        .filter(|t| !t.is_empty())
        .collect();
    let word = match address {
        Address::DongChi => "đồng chí",
        Address::Ong => "ông",
        Address::Ba => "bà",
    };
    let dashed = address != Address::DongChi && !titles.iter().any(|t| t.contains(" - "));
    let title = (!titles.is_empty()).then(|| titles.join(if dashed { " - " } else { ", " }));
    let intro = match &title {
        Some(t) if dashed => format!("{word} {name} - {t}"),
        Some(t) => format!("{word} {name}, {t}"),
        None => format!("{word} {name}"),
    };
    PersonCtx {
        name,
        title,
        address: word,
        intro,
    }
}

/// Joins names as "A, B và C"; when a name holds a comma or "và" itself ("Sở Khoa học và
/// Công nghệ"), as "A; B; C", so the list reads one way only.
pub fn join_and(items: &[String]) -> String {
    if items.iter().any(|i| i.contains(',') || i.contains(" và ")) {
        return items.join("; ");
    }
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

/// Lower-cases the first word only when it is the common noun "Hội nghị"/"Hội thảo"/"Cuộc họp",
/// so a name the clerk wrote ("Hội nghị …") reads well inside a sentence.
fn lower_first_word(s: &str) -> String {
    for noun in ["Hội nghị", "Hội thảo", "Cuộc họp", "Lễ"] {
        if s.starts_with(noun) {
            return lower_first(s);
        }
    }
    s.to_owned()
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
            address: None,
        }
    }

    /// The lines as printed: a no-break space reads as a space.
    fn texts(lines: &[SignLine]) -> Vec<(String, bool)> {
        lines
            .iter()
            .map(|l| {
                (
                    l.text
                        .replace(['\u{a0}', '\u{202f}', '\u{2007}', '\u{205f}'], " "),
                    l.bold,
                )
            })
            .collect()
    }

    fn owned(lines: &[(&str, bool)]) -> Vec<(String, bool)> {
        lines.iter().map(|(t, b)| ((*t).to_owned(), *b)).collect()
    }

    #[test]
    fn authority_prefixes_per_profile() {
        let unit = "Ban Tổ chức Tỉnh ủy";
        let nd = sign_lines(unit, &signer(Authority::Deputy), Profile::Nd30);
        assert_eq!(
            texts(&nd),
            owned(&[
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("KT. TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", true)
            ])
        );
        let party = sign_lines(unit, &signer(Authority::Deputy), Profile::Party);
        assert_eq!(
            texts(&party),
            owned(&[
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("K/T TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", false)
            ])
        );
        let tm = sign_lines(unit, &signer(Authority::Collective), Profile::Nd30);
        assert_eq!(texts(&tm)[0].0, "BAN TỔ CHỨC TỈNH ỦY");
        assert_eq!(texts(&tm)[1].0, "TM. ỦY BAN KIỂM TRA TỈNH ỦY");
        let own = Signer {
            on_behalf_of: None,
            ..signer(Authority::Collective)
        };
        let tm = sign_lines("Ủy ban Kiểm tra Tỉnh ủy", &own, Profile::Party);
        assert_eq!(
            texts(&tm),
            owned(&[
                ("T/M ỦY BAN KIỂM TRA TỈNH ỦY", true),
                ("PHÓ TRƯỞNG BAN", false)
            ])
        );
        let by_order = signer(Authority::ByOrder);
        assert_eq!(
            texts(&sign_lines(unit, &by_order, Profile::Nd30))[1].0,
            "TL. TRƯỞNG BAN"
        );
        assert_eq!(
            texts(&sign_lines(unit, &by_order, Profile::Party))[1].0,
            "T/L TRƯỞNG BAN"
        );
        let delegated = signer(Authority::ByDelegation);
        assert_eq!(
            texts(&sign_lines(unit, &delegated, Profile::Nd30))[1].0,
            "TUQ. TRƯỞNG BAN"
        );
        // Acting: the principal's title, never the signer's own deputy title.
        let acting = signer(Authority::Acting);
        assert_eq!(
            texts(&sign_lines(unit, &acting, Profile::Nd30)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("Q. TRƯỞNG BAN", true)])
        );
        assert_eq!(
            texts(&sign_lines(unit, &acting, Profile::Party)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("QUYỀN TRƯỞNG BAN", false)])
        );
        // Party: the position line under the unit is regular; nd30: bold.
        let head = signer(Authority::None);
        assert_eq!(
            texts(&sign_lines(unit, &head, Profile::Party)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("PHÓ TRƯỞNG BAN", false)])
        );
        assert_eq!(
            texts(&sign_lines(unit, &head, Profile::Nd30)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("PHÓ TRƯỞNG BAN", true)])
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
        assert_eq!(letter(22), "y");
        assert_eq!(letter(23), "aa");
        assert_eq!(letter(23 * 24 - 1), "yy");
        assert_eq!(letter(23 * 24), "aaa");
        // Any index has a letter (no panic at the 306th sub-item or beyond).
        assert!((0..5000).map(letter).all(|l| !l.is_empty()));
        assert_eq!(join_and(&["A".into(), "B".into(), "C".into()]), "A, B và C");
        assert_eq!(
            join_and(&["Sở Y tế".into(), "Sở Khoa học và Công nghệ".into()]),
            "Sở Y tế; Sở Khoa học và Công nghệ"
        );
    }
}

#[cfg(test)]
mod recipient_tests {
    use super::*;

    fn plain(v: Vec<String>) -> Vec<String> {
        v.into_iter()
            .map(|s| s.replace(['\u{a0}', '\u{202f}', '\u{2007}', '\u{205f}'], " "))
            .collect()
    }

    #[test]
    fn each_profile_ends_with_its_archive_line() {
        let items = vec![
            "Các đơn vị trong Khối".to_owned(),
            "Ban Thi đua - Khen thưởng tỉnh.".to_owned(),
        ];
        assert_eq!(
            plain(recipients(
                Profile::Nd30,
                items.clone(),
                None,
                Some("Văn phòng Tỉnh ủy")
            )),
            [
                "Các đơn vị trong Khối;",
                "Ban Thi đua - Khen thưởng tỉnh;",
                "Lưu: VT, Hồ sơ."
            ]
        );
        assert_eq!(
            plain(recipients(
                Profile::Party,
                items,
                None,
                Some("Văn phòng Tỉnh ủy")
            ))[2],
            "Lưu Văn phòng Tỉnh ủy."
        );
        // A last item beginning "Lưu" is the archive line, reworded for the profile.
        let with_luu = vec![
            "Các đơn vị".to_owned(),
            "Lưu Văn phòng Sở Nội vụ".to_owned(),
        ];
        assert_eq!(
            plain(recipients(Profile::Nd30, with_luu.clone(), None, None)),
            ["Các đơn vị;", "Lưu: VT, Văn phòng Sở Nội vụ."]
        );
        assert_eq!(
            plain(recipients(Profile::Party, with_luu, None, None)),
            ["Các đơn vị;", "Lưu Văn phòng Sở Nội vụ."]
        );
    }

    #[test]
    fn people_in_running_text() {
        let titles = [
            "Phó Giám đốc Sở Nội vụ".to_owned(),
            "Trưởng Ban Thi đua - Khen thưởng tỉnh".to_owned(),
        ];
        assert_eq!(
            person("Lý Thị Mỹ Duyên", &titles, Address::Ba).intro,
            "bà Lý Thị Mỹ Duyên, Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh"
        );
        assert_eq!(
            person("Hà Văn Sơn", &titles[..1], Address::Ong).intro,
            "ông Hà Văn Sơn - Phó Giám đốc Sở Nội vụ"
        );
        assert_eq!(
            person("Hà Văn Sơn", &titles[..1], Address::DongChi).intro,
            "đồng chí Hà Văn Sơn, Phó Giám đốc Sở Nội vụ"
        );
    }
}
