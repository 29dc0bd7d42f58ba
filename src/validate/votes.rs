//! Votes: the figures each vote gives fit together (voters, ballots returned, valid and
//! invalid, counts), the base of its shares, a k-of-N choice and a vote counted by unit.

use crate::diag::Problem;
use crate::model::{CountedBy, Meeting, PercentBase, Vote};

/// Every vote's figures.
pub(super) fn check_votes(m: &Meeting, problems: &mut Vec<Problem>) {
    for (i, v) in m.votes.iter().enumerate() {
        check_vote(m, v, &format!("votes[{i}]"), problems);
    }
}

/// One vote at `path`: voters, options and ballots consistent; stops at the first figure that
/// makes the rest meaningless.
fn check_vote(m: &Meeting, v: &Vote, path: &str, problems: &mut Vec<Problem>) {
    if v.voters == 0 {
        problems.push(Problem::error(
            format!("{path}.voters"),
            text!(
                "số người biểu quyết phải lớn hơn 0",
                "the number of voters must be above 0"
            ),
        ));
        return;
    }
    if v.counted_by == CountedBy::Unit {
        check_unit_voters(m, v, path, problems);
    }
    if v.options.is_empty() {
        problems.push(Problem::error(
            format!("{path}.options"),
            text!(
                "biểu quyết chưa có phương án nào",
                "the vote has no options"
            ),
        ));
    }
    let returned = v.returned.unwrap_or(v.voters);
    if returned > v.voters {
        problems.push(Problem::error(
            format!("{path}.returned"),
            text!(
                "số phiếu thu về ({returned}) lớn hơn số phiếu phát ra ({})",
                "ballots returned ({returned}) exceed ballots issued ({})",
                v.voters
            ),
        ));
        return;
    }
    if v.invalid > returned {
        problems.push(Problem::error(
            format!("{path}.invalid"),
            text!(
                "số phiếu không hợp lệ ({}) lớn hơn số phiếu thu về ({returned})",
                "invalid ballots ({}) exceed the ballots returned ({returned})",
                v.invalid
            ),
        ));
        return;
    }
    if let Some(k) = v.choose {
        check_choice(m, v, k, returned, path, problems);
        return;
    }
    check_counts(v, returned, path, problems);
    check_bases(m, v, path, problems);
}

/// A vote counted by unit (`counted_by: unit`, one vote per member unit): its voters at most
/// the units present, those entitled at most the member units.
fn check_unit_voters(m: &Meeting, v: &Vote, path: &str, problems: &mut Vec<Problem>) {
    let present = m.members.iter().filter(|u| u.absent.is_none()).count() as u32;
    if v.voters > present {
        problems.push(
            Problem::error(
                format!("{path}.voters"),
                text!(
                    "biểu quyết theo đơn vị (`counted_by: unit`): số đơn vị biểu quyết ({}) nhiều hơn số đơn vị có mặt ({present})",
                    "a vote counted by unit (`counted_by: unit`): {} units voting, more than the {present} units present",
                    v.voters
                ),
            )
            .hint(text!(
                "mỗi đơn vị có mặt một lượt biểu quyết: `voters` không quá số đơn vị trong `members` không vắng mặt",
                "one vote per unit present: `voters` at most the units in `members` that are not absent"
            )),
        );
    }
    let members = m.members.len() as u32;
    if let Some(eligible) = v.eligible
        && eligible > members
    {
        problems.push(Problem::error(
            format!("{path}.eligible"),
            text!(
                "biểu quyết theo đơn vị: số đơn vị có quyền biểu quyết ({eligible}) nhiều hơn số đơn vị thành viên ({members})",
                "a vote counted by unit: {eligible} units entitled to vote, more than the {members} member units"
            ),
        ));
    }
}

/// A vote's counts: none above the voters, their sum (with the invalid ballots) not above the
/// ballots `returned` (a warning below).
fn check_counts(v: &Vote, returned: u32, path: &str, problems: &mut Vec<Problem>) {
    for (j, o) in v.options.iter().enumerate() {
        if o.count > v.voters {
            problems.push(Problem::error(
                format!("{path}.options[{j}].count"),
                text!(
                    "số phiếu \"{}\" ({}) lớn hơn số người biểu quyết ({})",
                    "the count for \"{}\" ({}) exceeds the voters present ({})",
                    o.label,
                    o.count,
                    v.voters
                ),
            ));
        }
    }
    let counted: u64 =
        v.options.iter().map(|o| u64::from(o.count)).sum::<u64>() + u64::from(v.invalid);
    let voters = u64::from(returned);
    if counted > voters {
        problems.push(
            Problem::error(
                format!("{path}.options"),
                text!(
                    "tổng số phiếu ({counted}, kể cả phiếu không hợp lệ) lớn hơn số người biểu quyết ({voters})",
                    "the counts add up to {counted} (invalid ballots included), more than the {voters} voters present"
                ),
            )
            .hint(text!(
                "kiểm tra lại từng số phiếu và `voters`",
                "check each count and `voters`"
            )),
        );
    } else if counted < voters {
        problems.push(Problem::warning(
            format!("{path}.options"),
            text!(
                "tổng số phiếu ({counted}) ít hơn số người biểu quyết ({voters}); tỷ lệ vẫn tính trên {voters}",
                "the counts add up to {counted}, fewer than the {voters} voters present; percentages are still taken over {voters}"
            ),
        ));
    }
}

/// The base a vote's percentages are taken over is there: the voters within those entitled,
/// some valid ballots.
fn check_bases(m: &Meeting, v: &Vote, path: &str, problems: &mut Vec<Problem>) {
    let eligible = v.eligible.unwrap_or(m.members.len() as u32);
    if v.percent_of == PercentBase::Members && v.voters > eligible {
        problems.push(Problem::error(
            format!("{path}.voters"),
            text!(
                "số người biểu quyết ({}) lớn hơn số người có quyền biểu quyết ({eligible})",
                "the voters present ({}) exceed those entitled to vote ({eligible})",
                v.voters
            ),
        ));
    }
    if v.percent_of == PercentBase::Valid && v.invalid >= v.voters {
        problems.push(Problem::error(
            format!("{path}.invalid"),
            text!(
                "không còn phiếu hợp lệ để tính tỷ lệ",
                "no valid ballots are left to take percentages over"
            ),
        ));
    }
}

/// A k-of-N ballot: each candidate at most the valid ballots, all marks at most k per ballot,
/// the elected among the candidates.
fn check_choice(
    m: &Meeting,
    v: &crate::model::Vote,
    k: u32,
    returned: u32,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    let name = |r: &str| {
        m.find_member(r)
            .map_or_else(|| r.trim().to_owned(), |u| u.name.clone())
    };
    let valid = returned - v.invalid;
    if k == 0 || k as usize > v.options.len() {
        problems.push(Problem::error(
            format!("{path}.choose"),
            text!(
                "mỗi phiếu phải chọn từ 1 đến {} phương án (số phương án trong `options`)",
                "each ballot must choose between 1 and {} options (those in `options`)",
                v.options.len()
            ),
        ));
        return;
    }
    for (j, o) in v.options.iter().enumerate() {
        if o.count > valid {
            problems.push(Problem::error(
                format!("{path}.options[{j}].count"),
                text!(
                    "\"{}\" được {} phiếu, nhiều hơn số phiếu hợp lệ ({valid})",
                    "\"{}\" has {} votes, more than the valid ballots ({valid})",
                    o.label,
                    o.count
                ),
            ));
        }
    }
    let marks: u64 = v.options.iter().map(|o| u64::from(o.count)).sum();
    if marks > u64::from(k) * u64::from(valid) {
        problems.push(Problem::error(
            format!("{path}.options"),
            text!(
                "tổng số phiếu bầu ({marks}) vượt quá {k} lựa chọn trên mỗi phiếu hợp lệ ({valid} phiếu)",
                "the marks add up to {marks}, more than {k} per valid ballot ({valid} ballots)"
            ),
        ));
    }
    if let Some(elected) = &v.elected {
        for (j, e) in elected.iter().enumerate() {
            if !v.options.iter().any(|o| name(&o.label) == name(e)) {
                problems.push(Problem::error(
                    format!("{path}.elected[{j}]"),
                    text!(
                        "\"{e}\" không có trong danh sách `options` của lần bỏ phiếu này",
                        "\"{e}\" is not one of this vote's `options`"
                    ),
                ));
            }
        }
    }
}
