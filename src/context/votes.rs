//! The figures of a vote: ballots issued, returned, valid and invalid; each option's count and
//! share; for a k-of-N ballot the candidates ranked and the elected marked. The sentences that
//! report them are in the minutes template.

use serde::Serialize;

use crate::model::{CountedBy, Meeting, PercentBase, Vote};
use crate::vietnamese as vi;

/// A vote with its figures.
#[derive(Debug, Clone, Serialize)]
pub struct VoteCtx {
    /// Motion.
    pub motion: String,
    /// Method as written ("giơ tay").
    pub method: Option<String>,
    /// A secret ballot on paper.
    pub secret: bool,
    /// Each member unit casts one vote (`counted_by: unit`): the votes are counted in "đơn vị".
    pub by_unit: bool,
    /// Voters present (ballots issued).
    pub voters: u32,
    /// Ballots returned.
    pub returned: u32,
    /// Valid ballots (returned minus invalid).
    pub valid: u32,
    /// Invalid ballots.
    pub invalid: u32,
    /// What the percentages are taken over: `voters`, `valid` or `members` (the template
    /// words it).
    pub percent_of: &'static str,
    /// The base number.
    pub base: u32,
    /// For a k-of-N ballot, how many each ballot may mark.
    pub choose: Option<u32>,
    /// Number of options (candidates).
    pub candidates: usize,
    /// Options in the file's order.
    pub options: Vec<OptionCtx>,
    /// Options by count, most votes first (ties keep the file's order).
    pub ranked: Vec<OptionCtx>,
    /// Labels of the elected candidates (k-of-N ballots), most votes first.
    pub elected: Vec<String>,
    /// A yes/no vote where no vote went against the first option and no ballot was invalid.
    pub unanimous: bool,
    /// The outcome in words, as the file gives it.
    pub result: Option<String>,
}

/// One option of a vote.
#[derive(Debug, Clone, Serialize)]
pub struct OptionCtx {
    /// Label (a member's name when the option names a member).
    pub label: String,
    /// Count.
    pub count: u32,
    /// Share of the base: at most two decimals ("92,59%", "75%").
    pub percent: String,
    /// Place by count, from 1; tied options share a place.
    pub rank: usize,
    /// Elected (k-of-N ballots).
    pub elected: bool,
}

/// The figures of `v`; `resolve` turns a member's id or name into its name.
pub fn build(m: &Meeting, v: &Vote, resolve: &dyn Fn(&str) -> String) -> VoteCtx {
    let returned = v.returned.unwrap_or(v.voters);
    let valid = returned.saturating_sub(v.invalid);
    let (base, percent_of) = match v.percent_of {
        PercentBase::Voters => (v.voters, "voters"),
        PercentBase::Valid => (valid, "valid"),
        PercentBase::Members => (v.eligible.unwrap_or(m.members.len() as u32), "members"),
    };
    let mut options: Vec<OptionCtx> = v
        .options
        .iter()
        .map(|o| OptionCtx {
            label: resolve(&o.label),
            count: o.count,
            percent: vi::percent(u64::from(o.count), u64::from(base))
                .unwrap_or_else(|| "—".to_owned()),
            rank: 0,
            elected: false,
        })
        .collect();
    for i in 0..options.len() {
        options[i].rank = 1 + options
            .iter()
            .filter(|o| o.count > options[i].count)
            .count();
    }
    if let Some(k) = v.choose {
        let chosen: Vec<String> = match &v.elected {
            Some(list) => list.iter().map(|l| resolve(l)).collect(),
            None => options
                .iter()
                .filter(|o| {
                    o.count > 0
                        && o.rank <= k as usize
                        && o.rank + options.iter().filter(|p| p.count == o.count).count() - 1
                            <= k as usize
                })
                .map(|o| o.label.clone())
                .collect(),
        };
        for o in &mut options {
            o.elected = chosen.contains(&o.label);
        }
    }
    let mut ranked = options.clone();
    ranked.sort_by_key(|o| o.rank);
    let secret = v.is_secret();
    VoteCtx {
        motion: v.motion.trim().trim_end_matches('.').to_owned(),
        method: v.method.as_deref().map(|s| s.trim().to_owned()),
        secret,
        by_unit: v.counted_by == CountedBy::Unit,
        voters: v.voters,
        returned,
        valid,
        invalid: v.invalid,
        percent_of,
        base,
        choose: v.choose,
        candidates: options.len(),
        elected: ranked
            .iter()
            .filter(|o| o.elected)
            .map(|o| o.label.clone())
            .collect(),
        unanimous: v.choose.is_none()
            && options.first().is_some_and(|o| o.count > 0)
            && options.iter().skip(1).all(|o| o.count == 0)
            && v.invalid == 0,
        ranked,
        options,
        result: v.result.as_deref().map(|s| s.trim().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VoteOption;

    fn option(label: &str, count: u32) -> VoteOption {
        VoteOption {
            label: label.into(),
            count,
        }
    }

    fn figures(v: &Vote) -> VoteCtx {
        build(&Meeting::default(), v, &|s: &str| s.to_owned())
    }

    #[test]
    fn k_of_n_ranks_and_elects_without_a_tie_at_the_last_place() {
        let v = Vote {
            motion: "Bình xét Cờ thi đua".into(),
            voters: 12,
            invalid: 1,
            choose: Some(3),
            options: vec![
                option("A", 11),
                option("B", 7),
                option("C", 9),
                option("D", 5),
                option("E", 5),
            ],
            percent_of: PercentBase::Valid,
            ..Vote::default()
        };
        let f = figures(&v);
        assert_eq!(f.valid, 11);
        assert_eq!(f.elected, ["A", "C", "B"]);
        let ranked: Vec<(&str, usize, &str)> = f
            .ranked
            .iter()
            .map(|o| (o.label.as_str(), o.rank, o.percent.as_str()))
            .collect();
        assert_eq!(
            ranked,
            [
                ("A", 1, "100%"),
                ("C", 2, "81,82%"),
                ("B", 3, "63,64%"),
                ("D", 4, "45,45%"),
                ("E", 4, "45,45%")
            ]
        );
        // A tie across the last place elects neither.
        let tie = Vote {
            choose: Some(2),
            options: vec![option("A", 9), option("B", 6), option("C", 6)],
            ..v
        };
        assert_eq!(figures(&tie).elected, ["A"]);
    }

    #[test]
    fn unanimous_only_without_votes_against() {
        let yes = Vote {
            voters: 10,
            options: vec![option("Đồng ý", 10), option("Không đồng ý", 0)],
            ..Vote::default()
        };
        assert!(figures(&yes).unanimous);
        assert_eq!(figures(&yes).options[0].percent, "100%");
        let split = Vote {
            options: vec![option("Đồng ý", 9), option("Không đồng ý", 1)],
            ..yes.clone()
        };
        assert!(!figures(&split).unanimous);
        let secret = Vote {
            method: Some("bỏ phiếu kín".into()),
            ..yes
        };
        assert!(figures(&secret).secret);
    }
}
