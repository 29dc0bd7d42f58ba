//! Votes and awards, drawn before the members are known and then fitted to them.

use hoinghi::model::{
    Award, AwardStatus, CountedBy, Member, PercentBase, RecipientType, Vote, VoteOption,
};
use proptest::prelude::*;
use proptest::sample::{Index, select};

use super::content::sentence;
use super::opt;
use super::units::{Ref, reference, resolve};
use super::words::AWARDS;
/// A vote before its counts are fitted to the rules.
#[derive(Debug, Clone)]
pub struct RawVote {
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

/// A vote of any kind: show of hands, secret ballot, k-of-N.
pub fn raw_vote() -> impl Strategy<Value = RawVote> {
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
pub fn finish_vote(r: RawVote, members: &[Member]) -> Vote {
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
    let valid = ballots - invalid;
    let (options, choose, elected) = if r.kind == 2 {
        k_of_n_options(&r, members, valid)
    } else {
        (counted_options(&r.counts, valid), None, None)
    };
    // An open vote within the units present is, every other time, counted by unit.
    let present = members.iter().filter(|u| u.absent.is_none()).count();
    let by_unit = !secret
        && r.elected % 2 == 1
        && r.voters as usize <= present
        && eligible.is_none_or(|e| e as usize <= members.len());
    Vote {
        counted_by: if by_unit {
            CountedBy::Unit
        } else {
            CountedBy::Delegate
        },
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
        ..Vote::default()
    }
}

/// The options of a k-of-N vote: each candidate at most the valid ballots, all marks at most
/// k per ballot; with `choose` (k) and the elected, if the vote names them.
fn k_of_n_options(
    r: &RawVote,
    members: &[Member],
    valid: u32,
) -> (Vec<VoteOption>, Option<u32>, Option<Vec<String>>) {
    let n = r.counts.len().max(2);
    let labels: Vec<String> = (0..n).map(|i| resolve(&r.candidates[i], members)).collect();
    let k = 1 + r.choose.index(n) as u32;
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
}

/// The options of a yes/no vote: agree, disagree, other, together at most the valid ballots.
fn counted_options(counts: &[u32], valid: u32) -> Vec<VoteOption> {
    const LABELS: &[&str] = &["Đồng ý", "Không đồng ý", "Ý kiến khác"];
    let mut left = valid;
    counts
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
        .collect()
}

/// An award before its recipients are resolved.
#[derive(Debug, Clone)]
pub struct RawAward {
    award: &'static str,
    recipients: Vec<Ref>,
    count: Option<u32>,
    recipient_type: RecipientType,
    status: AwardStatus,
    reason: Option<String>,
}

/// An award, proposed or granted.
pub fn raw_award() -> impl Strategy<Value = RawAward> {
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

/// The award with its recipients among `members`.
pub fn finish_award(r: RawAward, members: &[Member]) -> Award {
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
