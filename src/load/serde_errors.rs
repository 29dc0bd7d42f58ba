//! Turns serde's errors and ignored keys into [`Problem`]s a clerk can act on.
//!
//! serde_yaml stops at its first type error; unknown keys are all collected (serde_ignored).
//! Messages are rewritten in plain Vietnamese (and English) with the field path, and unknown
//! keys get a "did you mean" from the schema's own field names.

use crate::diag::{Problem, Text};
use crate::schema;
use crate::text::closest;

/// A field path from serde_ignored's path type.
pub fn ignored_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => {
            let p = ignored_path(parent);
            if p.is_empty() {
                key.clone()
            } else {
                format!("{p}.{key}")
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent),
    }
}

/// The problem for an unknown key at `path`.
pub fn unknown_key(path: &str) -> Problem {
    let (parent, key) = match path.rfind('.') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    let known = schema::fields_at(parent);
    let problem = Problem::error(
        path,
        text!(
            "trường `{key}` không có trong mẫu cuộc họp",
            "`{key}` is not a field of the meeting format"
        ),
    );
    match closest(key, known.iter().map(String::as_str)) {
        Some(best) => problem.hint(text!(
            "có phải ý bạn là `{best}`?",
            "did you mean `{best}`?"
        )),
        None if !known.is_empty() => {
            let list = known.join(", ");
            problem.hint(text!(
                "các trường được dùng ở đây: {list}",
                "fields allowed here: {list}"
            ))
        }
        None => problem,
    }
}

/// The problem for serde's first error, with the path it happened at.
pub fn type_error(path: &str, message: &str) -> Problem {
    // serde's wording is stable: "missing field `x`", "invalid type: …, expected …",
    // "unknown variant `x`, expected one of `a`, `b`", "invalid value: …".
    missing_field(path, message)
        .or_else(|| unknown_variant(path, message))
        .or_else(|| invalid(path, message))
        .unwrap_or_else(|| {
            if message.contains("recursion limit exceeded") {
                Problem::error(
                    path,
                    text!(
                        "các trường lồng nhau quá sâu",
                        "fields are nested too deeply"
                    ),
                )
            } else {
                Problem::error(
                    path,
                    text!(
                        "không đọc được giá trị: {message}",
                        "cannot read the value: {message}"
                    ),
                )
            }
        })
}

/// "missing field `x`": the field's full path, and the line to add.
fn missing_field(path: &str, message: &str) -> Option<Problem> {
    let field = between(message, "missing field `", "`")?;
    let full = if path.is_empty() || path == "." {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    };
    Some(
        Problem::error(
            full,
            text!(
                "thiếu trường bắt buộc `{field}`",
                "required field `{field}` is missing"
            ),
        )
        .hint(text!(
            "thêm dòng `{field}: …` (xem docs/schema.md)",
            "add a line `{field}: …` (see docs/schema.md)"
        )),
    )
}

/// "unknown variant `x`, expected one of …": the values allowed, and the closest.
fn unknown_variant(path: &str, message: &str) -> Option<Problem> {
    let variant = between(message, "unknown variant `", "`")?;
    let allowed: Vec<&str> = message
        .split("expected ")
        .nth(1)
        .unwrap_or("")
        .split(['`', ',', ' '])
        .filter(|s| !s.is_empty() && *s != "one" && *s != "of" && *s != "or")
        .collect();
    let list = allowed.join(", ");
    let problem = Problem::error(
        path,
        text!(
            "giá trị `{variant}` không hợp lệ; chỉ dùng một trong: {list}",
            "`{variant}` is not allowed; use one of: {list}"
        ),
    );
    Some(match closest(variant, allowed.iter().copied()) {
        Some(best) => problem.hint(text!(
            "có phải ý bạn là `{best}`?",
            "did you mean `{best}`?"
        )),
        None => problem,
    })
}

/// "invalid type: …, expected …" and "invalid value: …, expected …": what was expected and
/// found, in words.
fn invalid(path: &str, message: &str) -> Option<Problem> {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if let Some(problem) = out_of_range(path, found, expected) {
            return Some(problem.hint(hint_for(expected)));
        }
        let (found_vi, expected_vi) = (found_vi(found), kind_vi(expected));
        return Some(
            Problem::error(
                path,
                text!(
                    "kiểu giá trị sai: cần {expected_vi}, nhưng tệp ghi {found_vi}",
                    "wrong kind of value: expected {expected}, found {found}"
                ),
            )
            .hint(hint_for(expected)),
        );
    }
    let rest = message.strip_prefix("invalid value: ")?;
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    if let Some(problem) = out_of_range(path, found, expected) {
        return Some(problem.hint(hint_for(expected)));
    }
    let expected_vi = kind_vi(expected);
    Some(
        Problem::error(
            path,
            text!(
                "giá trị không hợp lệ: cần {expected_vi}, nhưng tệp ghi {found}",
                "invalid value: expected {expected}, found {found}"
            ),
        )
        .hint(hint_for(expected)),
    )
}

/// "invalid value: integer `-1`, expected u32": a whole number outside what the field holds,
/// said as such (not as a wrong kind of value).
fn out_of_range(path: &str, found: &str, expected: &str) -> Option<Problem> {
    let number = between(found, "integer `", "`")?;
    let unsigned = matches!(expected.trim(), "u8" | "u16" | "u32");
    if !unsigned && expected.trim() != "i32" {
        return None;
    }
    let problem = if number.starts_with('-') && unsigned {
        text!(
            "số âm {number} không dùng được ở đây; cần một số nguyên từ 0 trở lên",
            "the negative number {number} cannot be used here; expected a whole number from 0 up"
        )
    } else {
        text!(
            "số {number} nằm ngoài khoảng trường này nhận",
            "the number {number} is out of this field's range"
        )
    };
    Some(Problem::error(path, problem))
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// What the file holds, as serde words it ("string \"x\"", "integer `-1`"), in Vietnamese.
fn found_vi(found: &str) -> String {
    let f = found.trim();
    for (en, vi) in [
        ("string ", "chữ "),
        ("integer ", "số "),
        ("floating point ", "số "),
        ("boolean ", ""),
    ] {
        if let Some(rest) = f.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    match f {
        "sequence" => "một danh sách".to_owned(),
        "map" => "một nhóm trường".to_owned(),
        "unit value" | "null" => "giá trị rỗng".to_owned(),
        _ => f.to_owned(),
    }
}

fn kind_vi(kind: &str) -> String {
    let k = kind.trim();
    let vi = if k.starts_with("a string") || k == "string" {
        "một đoạn chữ"
    } else if k.starts_with("a sequence") || k == "sequence" {
        "một danh sách (các dòng bắt đầu bằng `- `)"
    } else if k.starts_with("struct") || k.starts_with("a map") || k == "map" {
        "một nhóm trường (các dòng `khóa: giá trị` thụt vào)"
    } else if k.starts_with("u32")
        || k.starts_with("u8")
        || k.starts_with("i32")
        || k.starts_with("integer")
    {
        "một số nguyên"
    } else if k.starts_with("boolean") || k == "a boolean" {
        "true hoặc false"
    } else if k.starts_with("unit") || k == "null" {
        "giá trị rỗng"
    } else if k.starts_with("floating point") {
        "một số thập phân"
    } else if k.starts_with("enum") {
        "một giá trị trong danh sách cho phép"
    } else {
        return k.to_owned();
    };
    vi.to_owned()
}

fn hint_for(expected: &str) -> Text {
    if expected.starts_with("a sequence") {
        text!(
            "viết mỗi phần tử trên một dòng riêng, bắt đầu bằng `- `",
            "write each element on its own line starting with `- `"
        )
    } else if expected.starts_with("u32")
        || expected.starts_with("u8")
        || expected.starts_with("i32")
    {
        text!(
            "ghi một số nguyên không âm, không có dấu chấm hay chữ (ví dụ 12)",
            "write a whole number without dots or letters (for example 12)"
        )
    } else if expected.starts_with("struct") {
        text!(
            "viết các trường con trên các dòng sau, thụt vào hai dấu cách",
            "write the sub-fields on the following lines, indented by two spaces"
        )
    } else {
        text!(
            "xem mô tả trường này trong docs/schema.md",
            "see this field in docs/schema.md"
        )
    }
}
