//! Template values: what a document template sees, computed from a validated meeting.
//!
//! Rust supplies facts here: names resolved, numbers counted, percentages computed, dates and
//! times in their written forms, signature authority lines of each profile, and the places a
//! line may break in a centred block (no-break spaces, decided on the mixed-case text before
//! upper-casing). The sentences, labels and default phrases of the documents live in the
//! templates — each document's own, and the shared words of `templates/mac-dinh.j2` — so an
//! office changes a phrase by copying a template, never by recompiling. Escaping for Typst is
//! [`crate::render`]'s job.
//!
//! One module per thing built: [`people`] (persons, members, signature blocks), [`letters`]
//! (numbers, dates of issue, Nơi nhận, legal bases), and one per document kind:
//! [`agreement`], [`minutes`], [`article`], [`invitation`], [`programme`], [`attendance`],
//! [`counting`] (with [`votes`]), [`proposal`], gathered by [`pack`].

use serde::Serialize;

use crate::model::Schedule;
use crate::model::{Activity, DateStyle, Meeting, Profile};
use crate::vietnamese::{self as vi, cell_phrase, centred_phrase, upper_vi};

pub mod agreement;
pub mod article;
pub mod attendance;
pub mod counting;
pub mod invitation;
pub mod letters;
pub mod minutes;
pub mod pack;
pub mod people;
pub mod programme;
pub mod proposal;
pub mod votes;

pub use agreement::{AgreementCtx, SectionCtx, roman};
pub use article::{ArticleCtx, apply_words};
pub use letters::{join_and, legal_bases, recipient_lines};
pub use minutes::{AwardCtx, MinutesCtx, ProceedingCtx};
pub use pack::PackCtx;
pub use people::{GuestCtx, MemberCtx, PersonCtx};
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
    /// The meeting's name as the file gives it (`title`), on one line, without a final full
    /// stop; none when the file gives none (`mac-dinh.j2` words the name from `does`).
    pub meeting_title: Option<String>,
    /// The file's `title` with any line break written in it.
    pub meeting_title_written: Option<String>,
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
    /// Reviews the first half of the year (sơ kết).
    pub mid_year_review: bool,
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
    /// "Chiều", or none when the start time has no word (`mac-dinh.j2` has the default).
    pub time_of_day: Option<String>,
}

/// A centred block's text: breaks decided on the mixed-case text, then upper-cased.
pub fn centred_upper(s: &str) -> String {
    upper_vi(&centred(s))
}

/// A centred block's text in its own case, with no-break spaces and the clerk's break marks.
pub fn centred(s: &str) -> String {
    centred_phrase(s.trim()).replace('\n', &LINE_BREAK.to_string())
}

/// A table cell's text with its glue (compounds, names, "năm 2026" kept together, weak
/// between two compounds) and the clerk's break marks.
pub fn cell(s: &str) -> String {
    cell_phrase(s.trim()).replace('\n', &LINE_BREAK.to_string())
}

/// Builds the context of `meeting` for `profile`.
pub fn build(meeting: &Meeting, schedule: &Schedule, profile: Profile, font: &str) -> Context {
    let m = meeting;
    let resolve = |r: &str| {
        m.find_member(r)
            .map_or(r.trim().to_owned(), |u| one_line(&u.name))
    };
    let members = people::members(m, profile);
    let (chair, secretary, guests) = people::chair_secretary_guests(m);
    let mut ctx = Context {
        profile: if profile == Profile::Party {
            "party"
        } else {
            "nd30"
        },
        font: font.to_owned(),
        year: m.year,
        review_year: m.effective_review_year(),
        header: header(m, schedule),
        bloc_name: one_line(&m.bloc.name),
        bloc_word: bloc_word(&m.bloc.name).to_owned(),
        member_count: m.members.len(),
        present_count: m.members.iter().filter(|u| u.absent.is_none()).count(),
        delegates: m.delegates,
        does: Does {
            launch: m.does(Activity::Launch),
            sign: m.does(Activity::Sign),
            review: m.does(Activity::Review),
            mid_year_review: m.does(Activity::MidYearReview),
        },
        meeting_title: m
            .title
            .as_deref()
            .map(|t| one_line(t).trim().trim_end_matches('.').to_owned()),
        meeting_title_written: m
            .title
            .as_deref()
            .map(|t| t.trim().trim_end_matches('.').to_owned()),
        when: when(m, schedule),
        venue: m.venue.clone(),
        absent: members
            .iter()
            .filter(|u| u.absent.is_some())
            .cloned()
            .collect(),
        members,
        chair,
        secretary,
        guests,
        head_unit: m.bloc.head_unit.as_deref().map(resolve),
        next_head_unit: m.next_head_unit.as_deref().map(resolve),
        next_head_year: m.year
            + i32::from(
                m.does(Activity::Review) && !m.does(Activity::Sign) && !m.does(Activity::Launch),
            ),
        legal_bases: legal_bases(&m.legal_bases, "."),
        sections: agreement::sections(m),
        proceedings: minutes::proceedings(m),
        votes: m
            .votes
            .iter()
            .map(|v| votes::build(m, v, &resolve))
            .collect(),
        awards: minutes::awards(m, &resolve),
        conclusions: m.conclusions.clone(),
        agreement: agreement::build(m),
        minutes: minutes::build(m),
        article: None,
        pack: PackCtx::default(),
        draft: false,
    };
    ctx.article = m.article.as_ref().map(|a| article::build(a, &ctx));
    ctx.pack = pack::build(m, &ctx);
    ctx
}

/// The header block: the superior body and the bloc upper-cased, the date line.
fn header(m: &Meeting, schedule: &Schedule) -> Header {
    Header {
        superior: m.bloc.superior.as_deref().map(centred_upper),
        issuer: centred_upper(&m.bloc.name),
        date_line: vi::date_line(m.bloc.place.trim(), schedule.date),
    }
}

/// The meeting's date and times in the documents' forms.
fn when(m: &Meeting, schedule: &Schedule) -> When {
    let date_style = m.article.as_ref().map(|a| a.date_style).unwrap_or_default();
    When {
        date_long: vi::date_long(schedule.date),
        weekday: vi::weekday(schedule.date).to_owned(),
        weekday_lower: vi::weekday_lower(schedule.date).to_owned(),
        start_clock: vi::clock(schedule.start),
        end_clock: schedule.end.map(vi::clock),
        date_short: match date_style {
            DateStyle::Slash => vi::date_short(schedule.date),
            DateStyle::Hyphen => vi::date_hyphen(schedule.date),
        },
        time_of_day: vi::time_of_day(schedule.start).map(str::to_owned),
    }
}

/// A name as running text prints it: a break the clerk wrote for headers becomes a space.
fn one_line(s: &str) -> String {
    crate::text::collapse_whitespace(s)
}

/// "Cụm" for a Cụm thi đua, "Khối" otherwise: the word the bloc's own name begins with.
pub fn bloc_word(name: &str) -> &'static str {
    if name.trim_start().to_lowercase().starts_with("cụm") {
        "Cụm"
    } else {
        "Khối"
    }
}

/// `s` with its first letter in lower case.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
