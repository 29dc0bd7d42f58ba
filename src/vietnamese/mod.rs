//! Vietnamese language conventions from spec §9: date lines and short dates,
//! weekday and time-of-day words, number formatting (`.` grouping, `,`
//! decimals), numbers and amounts in words (Northern variant), Unicode
//! upper/lower casing that stays NFC, and tone-mark placement (old ↔ new
//! style). Everything here is pure string work: no I/O, no panics.

pub mod breaks;
pub mod case;
pub mod dates;
pub mod numbers;
pub mod tone;
pub mod words;

pub use breaks::{cell_phrase, centred_phrase, glue_names};
pub use case::{fold_vi, lower_vi, upper_vi};
pub use dates::{
    clock, date_hyphen, date_line, date_line_blank, date_long, date_padded, date_short,
    time_of_day, weekday, weekday_lower,
};
pub use numbers::{decimal, group_int, pad2, percent};
pub use tone::ToneStyle;
pub use words::{amount_words, capitalize_first, number_words};
