//! The programme's rows: times as programmes write them ("8h00 - 8h30"), what happens, who.

use serde::Serialize;

use crate::model::Meeting;

/// One row of the programme.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRow {
    /// "8h00" or "8h00 - 8h30".
    pub time: String,
    /// What happens.
    pub item: String,
    /// Who does it.
    pub by: Option<String>,
}

/// The programme of `m`.
pub fn build(m: &Meeting) -> Vec<ProgrammeRow> {
    m.programme
        .iter()
        .map(|p| ProgrammeRow {
            time: p
                .time
                .split(['-', '–'])
                .map(|t| {
                    crate::model::parse_time(t)
                        .map(clock_short)
                        .unwrap_or_else(|| t.trim().to_owned())
                })
                .collect::<Vec<_>>()
                .join(" - "),
            item: p.item.trim().to_owned(),
            by: p
                .by
                .as_deref()
                .map(|b| b.trim().to_owned())
                .filter(|b| !b.is_empty()),
        })
        .collect()
}

/// "8h00": a programme's time, as programmes write it.
fn clock_short(t: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    format!("{}h{:02}", t.hour(), t.minute())
}
