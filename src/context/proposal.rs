//! The award proposal's facts: the units proposed with their results, the legal bases, the
//! addressee and the signer. Its sentences, the signer's default title and the Nơi nhận are
//! in the templates.

use serde::Serialize;

use super::letters::{
    LetterheadCtx, NumberCtx, RecipientsCtx, issue_date_line, legal_bases, letterhead, number,
    recipients,
};
use super::{Context, one_line};
use crate::model::{AwardStatus, Meeting, Proposal};

/// The award proposal.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalCtx {
    /// The header the proposal goes out under: the bloc's or the head unit's.
    pub letterhead: LetterheadCtx,
    /// Number (blanks when the file gives none), with the letterhead's code.
    pub number: NumberCtx,
    /// Date line, or with blanks.
    pub date_line: String,
    /// Whom it is addressed to.
    pub to: String,
    /// The legal bases, punctuated.
    pub legal_bases: Vec<String>,
    /// One row per proposed unit: the award and the unit's results.
    pub rows: Vec<ProposalRow>,
    /// The awards proposed, each with its recipients (for the sentence).
    pub awards: Vec<String>,
    /// The Nơi nhận the file writes (the template's default when it gives none).
    pub recipients: RecipientsCtx,
    /// The signer's title, as the file gives it.
    pub signer_title: Option<String>,
    /// The signer's name: the file's, else the chair's.
    pub signer: String,
}

/// One row of the proposal's table.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalRow {
    /// The unit or person.
    pub unit: String,
    /// Its results, when the file gives them.
    pub result: Option<String>,
    /// The award proposed.
    pub award: String,
}

/// The award proposal of `m` as `p` gives it.
pub fn build(m: &Meeting, p: &Proposal, ctx: &Context) -> ProposalCtx {
    let resolve = |r: &str| {
        m.find_member(r)
            .map_or(one_line(r.trim()), |u| one_line(&u.name))
    };
    let result_of = |unit: &str| {
        let name = resolve(unit);
        p.results
            .iter()
            .find(|r| resolve(&r.unit) == name)
            .map(|r| r.result.trim().trim_end_matches('.').to_owned())
    };
    let mut rows = Vec::new();
    let mut awards = Vec::new();
    for a in m
        .awards
        .iter()
        .filter(|a| a.status == AwardStatus::Proposed)
    {
        for r in &a.recipients {
            rows.push(ProposalRow {
                unit: resolve(r),
                result: result_of(r),
                award: one_line(a.award.trim()),
            });
        }
        awards.push(one_line(a.award.trim()));
    }
    let bases = if p.legal_bases.is_empty() {
        &m.legal_bases
    } else {
        &p.legal_bases
    };
    let letterhead = letterhead(m, p.letterhead);
    ProposalCtx {
        number: number(p.number, "TTr", letterhead.code.as_deref()),
        letterhead,
        date_line: issue_date_line(&m.bloc.place, p.issued.as_deref(), m.year),
        to: one_line(p.to.trim()),
        legal_bases: legal_bases(bases, ";"),
        rows,
        awards,
        recipients: recipients(
            (!p.recipients.is_empty()).then_some(&p.recipients[..]),
            p.archive.as_deref(),
        ),
        signer_title: p.signer_title.clone(),
        signer: p
            .signer
            .as_deref()
            .map(one_line)
            .unwrap_or_else(|| ctx.chair.name.clone()),
    }
}
