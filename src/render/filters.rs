//! Template filters and functions: Typst code-mode strings and the Vietnamese helpers.
//!
//! Dates are ISO strings (`2026-03-13`), times `HH:MM`, as in the meeting file.

use minijinja::{Environment, Error, ErrorKind, Value};

use super::escape;
use crate::model::{parse_date, parse_time};
use crate::vietnamese as vi;

/// Registers the filters and functions on `env`.
pub fn register(env: &mut Environment<'static>) {
    env.add_filter("str", str_filter);
    env.add_filter("strs", strs_filter);
    env.add_filter("typst", |v: &Value| {
        Value::from_safe_string(typst_literal(v))
    });
    env.add_filter("upper", |s: &str| vi::upper_vi(s));
    env.add_filter("lower", |s: &str| vi::lower_vi(s));
    env.add_filter("capitalize_first", |s: &str| vi::capitalize_first(s));
    env.add_filter("sentence", |s: &str| sentence(s));
    env.add_filter("date_line", |d: &str, place: &str| {
        Ok::<_, Error>(vi::date_line(place, date(d)?))
    });
    env.add_filter("date_long", |d: &str| {
        Ok::<_, Error>(vi::date_long(date(d)?))
    });
    env.add_filter("date_short", |d: &str| {
        Ok::<_, Error>(vi::date_short(date(d)?))
    });
    env.add_filter("date_padded", |d: &str| {
        Ok::<_, Error>(vi::date_padded(date(d)?))
    });
    env.add_filter("date_hyphen", |d: &str| {
        Ok::<_, Error>(vi::date_hyphen(date(d)?))
    });
    env.add_filter("weekday", |d: &str| Ok::<_, Error>(vi::weekday(date(d)?)));
    env.add_filter("weekday_lower", |d: &str| {
        Ok::<_, Error>(vi::weekday_lower(date(d)?))
    });
    // The word of the hour ("Chiều"), or none: the template words the rest (`mac-dinh.j2`).
    env.add_filter("time_of_day", |t: &str| {
        Ok::<_, Error>(vi::time_of_day(time(t)?))
    });
    env.add_filter("clock", |t: &str| Ok::<_, Error>(vi::clock(time(t)?)));
    env.add_filter("number", |n: i64| vi::group_int(n));
    env.add_filter("decimal", |x: f64, places: Option<usize>| {
        vi::decimal(x, places.unwrap_or(2))
    });
    env.add_filter("pad2", |n: u32| vi::pad2(n));
    env.add_filter("words", |n: u64| vi::number_words(n));
    env.add_filter("amount_words", |n: u64| vi::amount_words(n));
    env.add_filter("roman", |n: usize| crate::context::roman(n));
    env.add_function("percent", |part: u64, whole: u64| {
        vi::percent(part, whole).unwrap_or_default()
    });
    env.add_filter("join_and", |items: Vec<String>, and: &str| {
        crate::context::join_and(&items, and)
    });
    // What the words of `mac-dinh.j2` need once worded: the breaks of a centred block, the
    // Nơi nhận's punctuation, glue.
    env.add_filter("centred", |s: &str| crate::context::centred(s));
    env.add_filter("cell", |s: &str| crate::context::cell(s));
    env.add_filter("centred_upper", |s: &str| crate::context::centred_upper(s));
    env.add_filter("lower_first", |s: &str| crate::context::lower_first(s));
    env.add_filter("nobreak", |s: &str| s.replace(' ', "\u{a0}"));
    env.add_filter("given_or", given_or);
    // A letter's signature block from its title ("TRƯỞNG KHỐI THI ĐUA", or lines of their own:
    // "TM. Khối thi đua" / "Trưởng Khối"), in `profile` (nd30 when not given: every line
    // bold), with `over` (a collective's TM. line) on top unless the title opens with one.
    env.add_filter(
        "sign_lines",
        |title: &str, profile: Option<&str>, over: Option<&str>| {
            let profile = if profile == Some("party") {
                crate::model::Profile::Party
            } else {
                crate::model::Profile::Nd30
            };
            Value::from_serialize(crate::context::people::title_lines(title, over, profile))
        },
    );
    env.add_filter("recipient_lines", |items: Vec<String>, last: String| {
        crate::context::recipient_lines(&items, &last)
    });
}

/// `value` when the meeting file gives it (anything but none), else `default`: the file's own
/// words win over those of `mac-dinh.j2`, even an empty one.
fn given_or(value: &Value, default: &Value) -> Value {
    if value.is_none() || value.is_undefined() {
        default.clone()
    } else {
        value.clone()
    }
}

/// `s` trimmed and ending as a sentence does: a final `.` added unless it already ends with
/// `.`, `!`, `?`, `…` or `:`; a trailing `;` or `,` becomes `.`.
pub fn sentence(s: &str) -> String {
    let core = s.trim().trim_end_matches([';', ',']).trim_end();
    if core.is_empty() || core.ends_with(['.', '!', '?', '…', ':']) {
        core.to_owned()
    } else {
        format!("{core}.")
    }
}

/// A Typst string literal (code mode); `none` for a missing value.
fn str_filter(value: &Value) -> Value {
    if value.is_undefined() || value.is_none() {
        Value::from_safe_string("none".to_owned())
    } else {
        Value::from_safe_string(escape::code_string(&value.to_string()))
    }
}

/// A Typst array of string literals.
fn strs_filter(value: &Value) -> Result<Value, Error> {
    if value.is_undefined() || value.is_none() {
        return Ok(Value::from_safe_string("()".to_owned()));
    }
    let mut out = String::from("(");
    for item in value.try_iter()? {
        out += &escape::code_string(&item.to_string());
        out.push_str(", ");
    }
    out.push(')');
    Ok(Value::from_safe_string(out))
}

/// Any template value as a Typst code literal: strings escaped, maps as dictionaries with
/// string keys, sequences as arrays, booleans, numbers, `none`.
fn typst_literal(value: &Value) -> String {
    use minijinja::value::ValueKind;
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => "none".to_owned(),
        ValueKind::Bool => if value.is_true() { "true" } else { "false" }.to_owned(),
        ValueKind::Number => {
            let n = value.to_string();
            if n.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.'))
            {
                n
            } else {
                escape::code_string(&n)
            }
        }
        ValueKind::Seq | ValueKind::Iterable => {
            let mut out = String::from("(");
            for item in value.try_iter().into_iter().flatten() {
                out += &typst_literal(&item);
                out.push_str(", ");
            }
            out.push(')');
            out
        }
        ValueKind::Map => {
            let mut out = String::from("(");
            for key in value.try_iter().into_iter().flatten() {
                let item = value.get_item(&key).unwrap_or_default();
                out += &escape::code_string(&key.to_string());
                out.push_str(": ");
                out += &typst_literal(&item);
                out.push_str(", ");
            }
            if out == "(" {
                out.push(':');
            }
            out.push(')');
            out
        }
        _ => escape::code_string(&value.to_string()),
    }
}

fn date(s: &str) -> Result<chrono::NaiveDate, Error> {
    parse_date(s).ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("not a date: {s}")))
}

fn time(s: &str) -> Result<chrono::NaiveTime, Error> {
    parse_time(s).ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("not a time: {s}")))
}
