//! The vote-count minutes' facts: the committee (its roles worded by `mac-dinh.j2` when the
//! file gives none), the secret ballots to report, when counting began and ended, who signs;
//! with `counting.per_ballot`, each ballot's own minutes ([`CountingCtx::part`]).

use serde::Serialize;

use super::letters::{NumberCtx, number};
use super::{Context, one_line};
use crate::model::{Counting, CountingSigners, Meeting};
use crate::vietnamese as vi;

/// The vote-count minutes: of every secret ballot, or (a part) of one.
#[derive(Debug, Clone, Serialize)]
pub struct CountingCtx {
    /// Number (blanks when the file gives none).
    pub number: NumberCtx,
    /// The committee, head first.
    pub committee: Vec<CommitteeCtx>,
    /// The secret ballots' indexes in `votes` this document reports.
    pub ballots: Vec<usize>,
    /// When counting began ("10 giờ 15 phút"): the file's, else the meeting's start.
    pub start_clock: String,
    /// When counting ended ("10 giờ 30 phút"), when given.
    pub end_clock: Option<String>,
    /// This document is one ballot's minutes (`counting.per_ballot`): the title names its
    /// motion.
    pub single: bool,
    /// The head alone signs, on behalf of the committee (`signers: head`).
    pub head_signs: bool,
    /// With `per_ballot`: each ballot's own minutes, in the order of `votes`.
    #[serde(skip)]
    pub parts: Vec<PartCtx>,
}

/// One ballot's own minutes (`counting.per_ballot`).
#[derive(Debug, Clone)]
pub struct PartCtx {
    /// The ballot's index in `votes`.
    pub vote: usize,
    /// Its number.
    pub number: NumberCtx,
    /// When its counting began.
    pub start_clock: String,
    /// When its counting ended, when given.
    pub end_clock: Option<String>,
}

/// A member of the counting committee.
#[derive(Debug, Clone, Serialize)]
pub struct CommitteeCtx {
    /// Name.
    pub name: String,
    /// Position and unit.
    pub title: Option<String>,
    /// Role, when the file gives one.
    pub role: Option<String>,
    /// Listed first (heads the committee unless the file says otherwise).
    pub head: bool,
}

impl CountingCtx {
    /// The minutes of the `part`-th ballot (from 1) alone; `None` when there is no such part.
    pub fn part(&self, part: usize) -> Option<CountingCtx> {
        let p = self.parts.get(part.checked_sub(1)?)?;
        Some(CountingCtx {
            number: p.number.clone(),
            committee: self.committee.clone(),
            ballots: vec![p.vote],
            start_clock: p.start_clock.clone(),
            end_clock: p.end_clock.clone(),
            single: true,
            head_signs: self.head_signs,
            parts: Vec::new(),
        })
    }
}

/// The vote-count minutes of `m` as `c` gives them (the meeting's start in `ctx` is when
/// counting began unless the file says).
pub fn build(m: &Meeting, c: &Counting, ctx: &Context) -> CountingCtx {
    let start_clock = &ctx.when.start_clock;
    let issuer = m.numbers.issuer_code.as_deref();
    let clock = |t: Option<&str>| t.and_then(crate::model::parse_time).map(vi::clock);
    let start = clock(c.start_time.as_deref()).unwrap_or_else(|| start_clock.to_owned());
    let end = clock(c.end_time.as_deref());
    let ballots: Vec<usize> = m
        .votes
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_secret())
        .map(|(i, _)| i)
        .collect();
    let parts = if c.per_ballot {
        ballots
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let own = m.votes[i].counting.clone().unwrap_or_default();
                let on = c.number.map(|n| n.saturating_add(k as u32));
                PartCtx {
                    vote: i,
                    number: number(own.number.or(on), "BB", issuer),
                    start_clock: clock(own.start_time.as_deref()).unwrap_or_else(|| start.clone()),
                    end_clock: clock(own.end_time.as_deref()).or_else(|| end.clone()),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    CountingCtx {
        number: number(c.number, "BB", issuer),
        committee: committee(c),
        ballots,
        start_clock: start,
        end_clock: end,
        single: false,
        head_signs: c.signers == CountingSigners::Head,
        parts,
    }
}

/// The committee, head first, each as the file gives it.
fn committee(c: &Counting) -> Vec<CommitteeCtx> {
    c.committee
        .iter()
        .enumerate()
        .map(|(i, p)| CommitteeCtx {
            name: one_line(&p.name),
            title: p.title.as_deref().map(one_line).filter(|t| !t.is_empty()),
            role: p
                .role
                .as_deref()
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty()),
            head: i == 0,
        })
        .collect()
}
