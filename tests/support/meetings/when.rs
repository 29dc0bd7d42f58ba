//! When the meeting is: its date, start and end, as the clerk may write them.

use chrono::NaiveDate;
use proptest::prelude::*;
/// Date, start and end time as the clerk may write them.
#[derive(Debug, Clone)]
pub struct When {
    /// The year.
    pub year: i32,
    /// `dd/mm/yyyy` or ISO.
    pub date: String,
    /// `8h`, `8h30` or `08:30`.
    pub start: String,
    /// The same, or none.
    pub end: Option<String>,
}

/// A date in 2019–2030, a start between 06:00 and 19:59 and, with probability `end`, an end
/// up to five hours later.
pub fn when(end: f64) -> impl Strategy<Value = When> {
    (
        2020i32..=2030,
        prop::bool::weighted(0.3),
        1u32..=365,
        prop::bool::ANY,
        6u32..20,
        0u32..60,
        15u32..300,
        prop::bool::weighted(end),
        0u8..6,
    )
        .prop_map(
            |(year, before, ordinal, slash, hour, minute, length, has_end, style)| {
                let day = NaiveDate::from_yo_opt(year - i32::from(before), ordinal).unwrap();
                let date = if slash {
                    day.format("%d/%m/%Y").to_string()
                } else {
                    day.format("%Y-%m-%d").to_string()
                };
                let clock = |minutes: u32| {
                    let (h, m) = (minutes / 60, minutes % 60);
                    match style {
                        0 if m == 0 => format!("{h}h"),
                        0 | 1 => format!("{h}h{m:02}"),
                        _ => format!("{h:02}:{m:02}"),
                    }
                };
                let start = hour * 60 + minute;
                let end = (start + length).min(23 * 60 + 59);
                When {
                    year,
                    date,
                    start: clock(start),
                    end: has_end.then(|| clock(end)),
                }
            },
        )
}
