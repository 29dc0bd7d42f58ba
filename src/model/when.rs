//! The meeting's date and times: as written in the file (the model keeps them as text), and
//! parsed into a [`Schedule`] once they are checked.

use chrono::{NaiveDate, NaiveTime};

/// The meeting's date and times, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// Date of the meeting.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time, when given.
    pub end: Option<NaiveTime>,
}

/// Parses `YYYY-MM-DD` (also `DD/MM/YYYY`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// Parses `HH:MM` (also `14h30`, `14h`).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim().to_lowercase();
    let (h, m) = s
        .split_once(':')
        .or_else(|| s.split_once('h'))
        .unwrap_or((&s, ""));
    let h: u32 = h.trim().parse().ok()?;
    let m: u32 = if m.trim().is_empty() {
        0
    } else {
        let m = m.trim();
        if m.len() != 2 {
            return None;
        }
        m.parse().ok()?
    };
    NaiveTime::from_hms_opt(h, m, 0)
}
