//! The vote-count minutes' facts: the committee (its roles worded by `mac-dinh.j2` when the
//! file gives none), the secret ballots to report, when counting ended.

use serde::Serialize;

use super::letters::{NumberCtx, number};
use super::one_line;
use crate::model::{Counting, Meeting};
use crate::vietnamese as vi;

/// The vote-count minutes.
#[derive(Debug, Clone, Serialize)]
pub struct CountingCtx {
    /// Number (blanks when the file gives none).
    pub number: NumberCtx,
    /// The committee, head first.
    pub committee: Vec<CommitteeCtx>,
    /// The secret ballots' indexes in `votes`.
    pub ballots: Vec<usize>,
    /// When counting ended ("10 giờ 30 phút"), when given.
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

/// The vote-count minutes of `m` as `c` gives them,.
pub fn build(m: &Meeting, c: &Counting) -> CountingCtx {
    CountingCtx {
        number: number(c.number, "BB", m.numbers.issuer_code.as_deref()),
        committee: c
            .committee
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
            .collect(),
        ballots: m
            .votes
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_secret())
            .map(|(i, _)| i)
            .collect(),
        end_clock: c
            .end_time
            .as_deref()
            .and_then(crate::model::parse_time)
            .map(vi::clock),
    }
}
