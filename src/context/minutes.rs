//! The minutes' facts: number line, the labels and recipients the file gives (`mac-dinh.j2`
//! words the defaults), the proceedings, and the awards (also reported by the article and
//! proposed by the award proposal).

use serde::Serialize;

use super::letters::{NumberCtx, RecipientsCtx, number, recipients};
use crate::model::{AwardStatus, Meeting, RecipientType};
use crate::vietnamese as vi;

/// Minutes values.
#[derive(Debug, Clone, Serialize)]
pub struct MinutesCtx {
    /// Number (blanks when the file gives none).
    pub number: NumberCtx,
    /// Label over the secretary's signature, as the file gives it.
    pub secretary_label: Option<String>,
    /// Label over the chair's signature, as the file gives it.
    pub chair_label: Option<String>,
    /// Nơi nhận.
    pub recipients: RecipientsCtx,
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
    /// How many recipients, padded ("01"), when counted.
    pub count: Option<String>,
    /// `collective` or `individual`.
    pub recipient_type: RecipientType,
    /// Proposed (true) or granted.
    pub proposed: bool,
    /// Reason.
    pub reason: Option<String>,
}

/// The minutes' facts of `m`.
pub fn build(m: &Meeting) -> MinutesCtx {
    let given = (!m.minutes.recipients.is_empty()).then_some(&m.minutes.recipients[..]);
    MinutesCtx {
        number: number(m.numbers.minutes, "BB", m.numbers.issuer_code.as_deref()),
        secretary_label: m.minutes.secretary_label.clone(),
        chair_label: m.minutes.chair_label.clone(),
        recipients: recipients(given, m.minutes.archive.as_deref()),
    }
}

/// The proceedings of `m`.
pub fn proceedings(m: &Meeting) -> Vec<ProceedingCtx> {
    m.proceedings
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
        .collect()
}

/// The awards of `m`; `resolve` turns a member's id or name into its name.
pub fn awards(m: &Meeting, resolve: &dyn Fn(&str) -> String) -> Vec<AwardCtx> {
    m.awards
        .iter()
        .map(|a| AwardCtx {
            award: a.award.trim().to_owned(),
            recipients: a.recipients.iter().map(|r| resolve(r)).collect(),
            count: a.count.map(vi::pad2),
            recipient_type: a.recipient_type,
            proposed: a.status == AwardStatus::Proposed,
            reason: a.reason.clone(),
        })
        .collect()
}
