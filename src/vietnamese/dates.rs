//! Dates, weekdays, times of day and clock times written the Vietnamese way
//! (spec §9 "Dates", "Weekdays", "Times of day and clock"): the ND30 date line
//! `Bắc Ninh, ngày 05 tháng 02 năm 2020` (day < 10 and months 1–2 zero-padded,
//! months 3–12 never), a blank date line to fill in by hand, the short forms
//! used in news articles (`13/3`, `30-1`), weekday names, the time-of-day word
//! (`Sáng`, `Chiều`, …) and the clock form `14 giờ 30 phút`.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// Day of month as written in a full date: zero-padded below 10 (`05`, `13`).
fn day_full(date: NaiveDate) -> String {
    format!("{:02}", date.day())
}

/// Month as written in a full date: months 1 and 2 are zero-padded (`01`,
/// `02`), months 3–12 never are (`3`, `12`).
fn month_full(date: NaiveDate) -> String {
    let month = date.month();
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// The full date line under the national motto: `<place>, ngày DD tháng MM
/// năm YYYY`, e.g. `Bắc Ninh, ngày 05 tháng 02 năm 2020`.
///
/// The place is trimmed; when it is empty only the date part is returned
/// (`ngày 05 tháng 02 năm 2020`), so no stray comma is printed.
pub fn date_line(place: &str, date: NaiveDate) -> String {
    let place = place.trim();
    if place.is_empty() {
        date_long(date)
    } else {
        format!("{place}, {}", date_long(date))
    }
}

/// A date line with blanks for the day and month, filled in by hand after signing:
/// `Lào Cai, ngày      tháng      năm 2027` (no-break spaces).
pub fn date_line_blank(place: &str, year: i32) -> String {
    let blank = "\u{a0}".repeat(6);
    format!("{}, ngày{blank}tháng{blank}năm {year}", place.trim())
}

/// The full date without a place: `ngày 05 tháng 02 năm 2020`,
/// `ngày 13 tháng 3 năm 2019` (same padding as [`date_line`]).
pub fn date_long(date: NaiveDate) -> String {
    format!(
        "ngày {} tháng {} năm {}",
        day_full(date),
        month_full(date),
        date.year()
    )
}

/// Short date for news articles, day and month without padding: `13/3`,
/// `5/12`.
pub fn date_short(date: NaiveDate) -> String {
    format!("{}/{}", date.day(), date.month())
}

/// Numeric date with day and month both zero-padded: `26/02/2021`,
/// `05/03/2020` (as used when citing a document's date).
pub fn date_padded(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// Party-press short date with a hyphen, no padding: `30-1`.
pub fn date_hyphen(date: NaiveDate) -> String {
    format!("{}-{}", date.day(), date.month())
}

/// Weekday name as written at the start of a line: `Thứ Hai` … `Thứ Bảy`,
/// `Chủ nhật`.
pub fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        chrono::Weekday::Mon => "Thứ Hai",
        chrono::Weekday::Tue => "Thứ Ba",
        chrono::Weekday::Wed => "Thứ Tư",
        chrono::Weekday::Thu => "Thứ Năm",
        chrono::Weekday::Fri => "Thứ Sáu",
        chrono::Weekday::Sat => "Thứ Bảy",
        chrono::Weekday::Sun => "Chủ nhật",
    }
}

/// Weekday name as written in running text: `thứ Hai` … `thứ Bảy`,
/// `Chủ nhật` (ND30 Phụ lục II keeps the day word capitalised).
pub fn weekday_lower(date: NaiveDate) -> &'static str {
    match date.weekday() {
        chrono::Weekday::Mon => "thứ Hai",
        chrono::Weekday::Tue => "thứ Ba",
        chrono::Weekday::Wed => "thứ Tư",
        chrono::Weekday::Thu => "thứ Năm",
        chrono::Weekday::Fri => "thứ Sáu",
        chrono::Weekday::Sat => "thứ Bảy",
        chrono::Weekday::Sun => "Chủ nhật",
    }
}

/// Time-of-day word for an event starting at `time`: `Sáng` 05:00–10:59,
/// `Trưa` 11:00–12:59, `Chiều` 13:00–17:59, `Tối` 18:00–22:59, and `None`
/// from 23:00 to 04:59 (no conventional word; the caller decides).
pub fn time_of_day(time: NaiveTime) -> Option<&'static str> {
    match time.hour() {
        5..=10 => Some("Sáng"),
        11..=12 => Some("Trưa"),
        13..=17 => Some("Chiều"),
        18..=22 => Some("Tối"),
        _ => None,
    }
}

/// Clock time as written in minutes and documents: hour without padding,
/// minutes always two digits: `14 giờ 30 phút`, `8 giờ 00 phút`. Seconds are
/// ignored.
pub fn clock(time: NaiveTime) -> String {
    format!("{} giờ {:02} phút", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
    }

    #[test]
    fn date_line_padding_table() {
        let cases = [
            (
                "Bắc Ninh",
                d(2020, 2, 5),
                "Bắc Ninh, ngày 05 tháng 02 năm 2020",
            ),
            ("Hà Nội", d(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
            (
                "Thành phố Hồ Chí Minh",
                d(2019, 6, 29),
                "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019",
            ),
            (
                "Bắc Ninh",
                d(2019, 3, 13),
                "Bắc Ninh, ngày 13 tháng 3 năm 2019",
            ),
            (
                "Sơn La",
                d(2021, 12, 9),
                "Sơn La, ngày 09 tháng 12 năm 2021",
            ),
            (
                "Sơn La",
                d(2021, 2, 10),
                "Sơn La, ngày 10 tháng 02 năm 2021",
            ),
            ("Huế", d(2024, 10, 1), "Huế, ngày 01 tháng 10 năm 2024"),
            ("Huế", d(2024, 11, 30), "Huế, ngày 30 tháng 11 năm 2024"),
            ("Huế", d(2024, 9, 10), "Huế, ngày 10 tháng 9 năm 2024"),
            (
                "  Bắc Ninh  ",
                d(2020, 2, 5),
                "Bắc Ninh, ngày 05 tháng 02 năm 2020",
            ),
            ("", d(2020, 2, 5), "ngày 05 tháng 02 năm 2020"),
            ("   ", d(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
        ];
        for (place, date, want) in cases {
            assert_eq!(date_line(place, date), want, "{place:?} {date}");
        }
    }

    #[test]
    fn date_long_every_month() {
        let want = [
            "ngày 01 tháng 01 năm 2026",
            "ngày 01 tháng 02 năm 2026",
            "ngày 01 tháng 3 năm 2026",
            "ngày 01 tháng 4 năm 2026",
            "ngày 01 tháng 5 năm 2026",
            "ngày 01 tháng 6 năm 2026",
            "ngày 01 tháng 7 năm 2026",
            "ngày 01 tháng 8 năm 2026",
            "ngày 01 tháng 9 năm 2026",
            "ngày 01 tháng 10 năm 2026",
            "ngày 01 tháng 11 năm 2026",
            "ngày 01 tháng 12 năm 2026",
        ];
        for (i, w) in want.iter().enumerate() {
            let month = u32::try_from(i).expect("small") + 1;
            assert_eq!(date_long(d(2026, month, 1)), *w);
        }
        assert_eq!(date_long(d(2018, 4, 3)), "ngày 03 tháng 4 năm 2018");
        assert_eq!(date_long(d(2018, 2, 20)), "ngày 20 tháng 02 năm 2018");
    }

    #[test]
    fn date_long_extreme_years_do_not_panic() {
        assert_eq!(
            date_long(NaiveDate::MIN),
            format!("ngày 01 tháng 01 năm {}", NaiveDate::MIN.year())
        );
        assert_eq!(
            date_long(NaiveDate::MAX),
            format!("ngày 31 tháng 12 năm {}", NaiveDate::MAX.year())
        );
    }

    #[test]
    fn short_forms_table() {
        // (date, short, short_year, padded, hyphen, hyphen_year)
        let cases = [
            (
                d(2019, 3, 13),
                "13/3",
                "13/3/2019",
                "13/03/2019",
                "13-3",
                "13-3-2019",
            ),
            (
                d(2021, 2, 26),
                "26/2",
                "26/2/2021",
                "26/02/2021",
                "26-2",
                "26-2-2021",
            ),
            (
                d(2014, 4, 7),
                "7/4",
                "7/4/2014",
                "07/04/2014",
                "7-4",
                "7-4-2014",
            ),
            (
                d(2020, 1, 30),
                "30/1",
                "30/1/2020",
                "30/01/2020",
                "30-1",
                "30-1-2020",
            ),
            (
                d(2020, 12, 5),
                "5/12",
                "5/12/2020",
                "05/12/2020",
                "5-12",
                "5-12-2020",
            ),
            (
                d(2020, 3, 5),
                "5/3",
                "5/3/2020",
                "05/03/2020",
                "5-3",
                "5-3-2020",
            ),
        ];
        for (date, short, _short_year, padded, hyphen, _hyphen_year) in cases {
            assert_eq!(date_short(date), short);
            assert_eq!(date_padded(date), padded);
            assert_eq!(date_hyphen(date), hyphen);
        }
    }

    #[test]
    fn weekdays_table() {
        // 2024-01-01 is a Monday.
        let cases = [
            (d(2024, 1, 1), "Thứ Hai", "thứ Hai"),
            (d(2024, 1, 2), "Thứ Ba", "thứ Ba"),
            (d(2024, 1, 3), "Thứ Tư", "thứ Tư"),
            (d(2024, 1, 4), "Thứ Năm", "thứ Năm"),
            (d(2024, 1, 5), "Thứ Sáu", "thứ Sáu"),
            (d(2024, 1, 6), "Thứ Bảy", "thứ Bảy"),
            (d(2024, 1, 7), "Chủ nhật", "Chủ nhật"),
            (d(2019, 3, 13), "Thứ Tư", "thứ Tư"),
            (d(2020, 2, 5), "Thứ Tư", "thứ Tư"),
            (d(2026, 1, 9), "Thứ Sáu", "thứ Sáu"),
        ];
        for (date, line_start, running) in cases {
            assert_eq!(weekday(date), line_start, "{date}");
            assert_eq!(weekday_lower(date), running, "{date}");
        }
    }

    #[test]
    fn time_of_day_boundaries() {
        let cases = [
            (t(0, 0), None),
            (t(4, 59), None),
            (t(5, 0), Some("Sáng")),
            (t(7, 30), Some("Sáng")),
            (t(10, 59), Some("Sáng")),
            (t(11, 0), Some("Trưa")),
            (t(12, 59), Some("Trưa")),
            (t(13, 0), Some("Chiều")),
            (t(14, 30), Some("Chiều")),
            (t(17, 59), Some("Chiều")),
            (t(18, 0), Some("Tối")),
            (t(22, 59), Some("Tối")),
            (t(23, 0), None),
            (t(23, 59), None),
        ];
        for (time, want) in cases {
            assert_eq!(time_of_day(time), want, "{time}");
        }
        let last = NaiveTime::from_hms_nano_opt(10, 59, 59, 1_999_999_999).expect("leap");
        assert_eq!(time_of_day(last), Some("Sáng"));
    }

    #[test]
    fn clock_table() {
        let cases = [
            (t(14, 30), "14 giờ 30 phút"),
            (t(8, 0), "8 giờ 00 phút"),
            (t(0, 5), "0 giờ 05 phút"),
            (t(7, 45), "7 giờ 45 phút"),
            (t(23, 59), "23 giờ 59 phút"),
        ];
        for (time, want) in cases {
            assert_eq!(clock(time), want);
        }
        let with_seconds = NaiveTime::from_hms_opt(9, 15, 59).expect("valid");
        assert_eq!(clock(with_seconds), "9 giờ 15 phút");
    }
}
