//! The meeting schema (v1): plain serde types for one YAML meeting file, with no I/O.
//!
//! Keys are English snake_case, values Vietnamese. Dates and times are kept as the clerk wrote them
//! (`"2026-03-13"`, `"14:00"`) and parsed by [`when`] once validation has checked them, so that
//! every bad value is reported in one run instead of serde stopping at the first. Unknown keys are collected by the loader
//! ([`crate::load`]); this module must not read files or print anything.

mod content;
mod pack;
mod people;
mod visit;
mod when;

pub use content::{
    AgreementOptions, Article, ArticleAddress, Award, AwardStatus, Commitment, CountedBy,
    DateStyle, Letterhead, MinutesOptions, Numbers, PercentBase, Photo, Proceeding, RecipientType,
    Section, Vote, VoteOption,
};
pub use pack::{
    Attendance, AttendanceRow, BallotCounting, CommitteeMember, Counting, CountingSigners,
    Invitation, ProgrammeItem, Proposal, UnitResult,
};
pub use people::{Address, Authorities, Authority, Guest, Member, Person, Signer, UnitHeader};
pub use visit::TextVisitor;
pub use when::{Schedule, parse_date, parse_time};

/// Headlines above this many words read long on a news site (spec §8): a warning.
pub const HEADLINE_WORDS: usize = 20;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One meeting of an emulation bloc: everything the three documents are made from.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Meeting {
    /// The bloc (Khối/Cụm thi đua) holding the meeting.
    pub bloc: Bloc,
    /// The emulation year the meeting launches or signs for (or reviews, for a review-only meeting).
    pub year: i32,
    /// The year under review; defaults to `year - 1` when the meeting also launches or signs,
    /// otherwise (and for a mid-year review) to `year`.
    #[serde(default)]
    pub review_year: Option<i32>,
    /// What the meeting does: any combination of `launch`, `sign`, `review`, or
    /// `mid_year_review` (sơ kết) instead of `review`.
    pub activities: Vec<Activity>,
    /// The meeting's name, overriding the generated one ("Hội nghị ký kết giao ước thi đua năm 2026").
    #[serde(default)]
    pub title: Option<String>,
    /// Date of the meeting, `YYYY-MM-DD`.
    pub date: String,
    /// Start time, `HH:MM` (24-hour).
    pub start_time: String,
    /// End time, `HH:MM`; required for the minutes.
    #[serde(default)]
    pub end_time: Option<String>,
    /// Where the meeting is held ("Hội trường Văn phòng Tỉnh ủy").
    pub venue: String,
    /// Number of delegates attending, printed in the minutes and the article.
    #[serde(default)]
    pub delegates: Option<u32>,
    /// Who chairs the meeting.
    pub chair: Person,
    /// Who keeps the minutes; required for the minutes.
    #[serde(default)]
    pub secretary: Option<Person>,
    /// Invited guests (provincial leaders, the emulation board), in protocol order.
    #[serde(default)]
    pub guests: Vec<Guest>,
    /// Member units in protocol order, each with its signer.
    pub members: Vec<Member>,
    /// Legal bases (căn cứ) of the pledge agreement, without the word "Căn cứ" and the final `;`.
    #[serde(default)]
    pub legal_bases: Vec<String>,
    /// The pledge's commitments, grouped in sections; required for the pledge agreement.
    #[serde(default)]
    pub commitments: Vec<Section>,
    /// What was said, in order: speaker and summary.
    #[serde(default)]
    pub proceedings: Vec<Proceeding>,
    /// Votes taken at the meeting.
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// Awards proposed or presented.
    #[serde(default)]
    pub awards: Vec<Award>,
    /// Conclusions of the chair, one per item.
    #[serde(default)]
    pub conclusions: Vec<String>,
    /// The member unit elected head of the bloc for next year (`id` or `name` of a member).
    #[serde(default)]
    pub next_head_unit: Option<String>,
    /// Document numbers and the issuer's code (ký hiệu).
    #[serde(default)]
    pub numbers: Numbers,
    /// Options for the pledge agreement.
    #[serde(default)]
    pub agreement: AgreementOptions,
    /// Options for the minutes.
    #[serde(default)]
    pub minutes: MinutesOptions,
    /// Data for the news article; required for the article.
    #[serde(default)]
    pub article: Option<Article>,
    /// The invitations (giay-moi), one per guest and member unit.
    #[serde(default)]
    pub invitation: Option<Invitation>,
    /// The programme (chuong-trinh): the order of business with times.
    #[serde(default)]
    pub programme: Vec<ProgrammeItem>,
    /// The attendance and signing sheet (danh-sach).
    #[serde(default)]
    pub attendance: Option<Attendance>,
    /// The vote-count minutes of the secret ballots (bien-ban-kiem-phieu).
    #[serde(default)]
    pub counting: Option<Counting>,
    /// The award proposal (to-trinh).
    #[serde(default)]
    pub proposal: Option<Proposal>,
}

/// The emulation bloc (Khối thi đua / Cụm thi đua).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Bloc {
    /// Full name as written in running text ("Khối thi đua các cơ quan Đảng tỉnh").
    pub name: String,
    /// The superior body, printed above the bloc's name in the header ("Tỉnh ủy Quảng Trị").
    #[serde(default)]
    pub superior: Option<String>,
    /// Place name (địa danh) for the date line ("Đông Hà").
    pub place: String,
    /// Format profile: `nd30` (state format) or `party`.
    #[serde(default)]
    pub profile: Profile,
    /// The member unit heading the bloc this year (`id` or `name` of a member); the documents
    /// with `letterhead: head_unit` go out under its header and number.
    #[serde(default)]
    pub head_unit: Option<String>,
    /// How people are addressed when their own `address` is not given (default `dong_chi`).
    #[serde(default)]
    pub address: Option<Address>,
}

/// The document format profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Nghị định 30/2020/NĐ-CP: Quốc hiệu and Tiêu ngữ, `TM.`/`KT.` prefixes.
    #[default]
    Nd30,
    /// Hướng dẫn 36-HD/VPTW: `ĐẢNG CỘNG SẢN VIỆT NAM`, `T/M`/`K/T` prefixes.
    Party,
}

/// What a meeting does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Phát động phong trào thi đua.
    Launch,
    /// Ký kết giao ước thi đua.
    Sign,
    /// Tổng kết công tác thi đua, khen thưởng (the year's end).
    Review,
    /// Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm (the mid-year review of `year`;
    /// schema v1.2).
    MidYearReview,
}

impl Meeting {
    /// Whether the meeting does `activity`.
    pub fn does(&self, activity: Activity) -> bool {
        self.activities.contains(&activity)
    }

    /// The year under review (see [`Meeting::review_year`]).
    pub fn effective_review_year(&self) -> i32 {
        self.review_year.unwrap_or(
            if (self.does(Activity::Launch) || self.does(Activity::Sign))
                && !self.does(Activity::MidYearReview)
            {
                self.year - 1
            } else {
                self.year
            },
        )
    }

    /// A copy in which everyone the article names is addressed as the outlet writes: with
    /// `dong_chi` everyone is "đồng chí"; with `ong_ba` each keeps their own `address` (the
    /// check makes sure it is `ong` or `ba`).
    pub fn addressed_for_article(&self, form: ArticleAddress) -> Meeting {
        let mut m = self.clone();
        if form == ArticleAddress::DongChi {
            m.bloc.address = Some(Address::DongChi);
            m.chair.address = Some(Address::DongChi);
            if let Some(s) = &mut m.secretary {
                s.address = Some(Address::DongChi);
            }
            for g in &mut m.guests {
                g.address = Some(Address::DongChi);
            }
            for u in &mut m.members {
                u.signer.address = Some(Address::DongChi);
            }
        }
        m
    }

    /// Whether `member` is sent an invitation: `invitation.members` is true and
    /// `invitation.except` does not name it.
    pub fn is_invited(&self, member: &Member) -> bool {
        self.invitation.as_ref().is_some_and(|inv| {
            inv.members
                && !inv
                    .except
                    .iter()
                    .any(|r| self.find_member(r).is_some_and(|u| u.name == member.name))
        })
    }

    /// Whether the invitations have anyone to go to: a guest invited, or a member unit.
    pub fn invites_anyone(&self) -> bool {
        self.invitation.as_ref().is_some_and(|inv| {
            (inv.guests && !self.guests.is_empty())
                || self.members.iter().any(|u| self.is_invited(u))
        })
    }

    /// The member heading the bloc this year (`bloc.head_unit`), when it names one.
    pub fn head_member(&self) -> Option<&Member> {
        self.bloc
            .head_unit
            .as_deref()
            .and_then(|r| self.find_member(r))
    }

    /// Finds a member by `id` or by exact name.
    pub fn find_member(&self, reference: &str) -> Option<&Member> {
        let reference = reference.trim();
        let same = |name: &str| name.split_whitespace().eq(reference.split_whitespace());
        self.members
            .iter()
            .find(|m| m.id.as_deref() == Some(reference))
            .or_else(|| self.members.iter().find(|m| same(&m.name)))
    }
}
