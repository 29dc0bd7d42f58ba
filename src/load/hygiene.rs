//! Text hygiene on every field of a loaded meeting: invisible characters, legacy-font mojibake
//! (TCVN3, VNI), mixed tone-mark styles, and scalars that were probably slips (`no`, `~`).
//!
//! Runs after deserialisation, over [`Meeting::visit_texts`], so every finding names its field.
//! NFC normalisation of the whole file happens earlier, in [`super::decode`]. The per-field
//! limits of [`super::limits`] (length, unbreakable words) are checked here too.

use std::collections::HashSet;

use crate::diag::Problem;
use crate::legacy::{self, Legacy};
use crate::model::Meeting;
use crate::vietnamese::tone::{self, ToneStyle};

use super::limits;
use super::yaml_index::YamlIndex;

/// What to do with the text besides checking it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hygiene {
    /// Convert TCVN3/VNI mojibake to Unicode instead of reporting it as an error.
    pub convert_legacy: bool,
    /// Rewrite every word to this tone-mark style.
    pub tone_style: Option<ToneStyle>,
}

/// Plain scalars that YAML readers may take for booleans or nothing: a slip where text is meant.
const SLIPS: &[&str] = &[
    "yes", "no", "true", "false", "on", "off", "y", "n", "Yes", "No", "True", "False", "On", "Off",
    "YES", "NO", "TRUE", "FALSE", "ON", "OFF",
];

/// Plain scalars YAML reads as "nothing".
const NULLS: &[&str] = &["~", "null", "Null", "NULL"];

/// Cleans every text field of `meeting` and returns the problems found.
pub fn clean(meeting: &mut Meeting, index: &YamlIndex, opts: Hygiene) -> Vec<Problem> {
    let mut cleaner = Cleaner {
        index,
        opts,
        problems: Vec::new(),
        old_words: Vec::new(),
        new_words: Vec::new(),
        visited: HashSet::new(),
    };
    meeting.visit_texts(&mut |path: &str, value: &mut String| cleaner.field(path, value));
    cleaner.absent_nulls();
    cleaner.mixed_tones();
    cleaner.problems
}

/// One cleaning pass under way: the problems found, the words of each tone-mark style met
/// (with their fields) and the fields visited.
struct Cleaner<'i> {
    index: &'i YamlIndex,
    opts: Hygiene,
    problems: Vec<Problem>,
    old_words: Vec<(String, String)>,
    new_words: Vec<(String, String)>,
    visited: HashSet<String>,
}

impl Cleaner<'_> {
    /// Checks and cleans the text field at `path`.
    fn field(&mut self, path: &str, value: &mut String) {
        let problems = &mut self.problems;
        // A field over its length limit is not looked at further: it is refused anyway, and
        // the checks below are not meant for megabytes.
        if let Some(p) = limits::check_text(path, value) {
            problems.push(p);
            problems.extend(limits::check_words(path, value));
            return;
        }
        strip_invisible(path, value, problems);
        // Straight quotes become “ ” everywhere but in file names.
        if !path.ends_with(".file") {
            *value = crate::text::curly_quotes(value);
        }
        fix_legacy(path, value, self.opts.convert_legacy, problems);
        if let Some(style) = self.opts.tone_style {
            *value = tone::normalize_tone(value, style);
        } else {
            let (old, new) = tone::detect_mixed(value);
            self.old_words
                .extend(old.into_iter().map(|w| (w, path.to_owned())));
            self.new_words
                .extend(new.into_iter().map(|w| (w, path.to_owned())));
        }
        problems.extend(limits::check_words(path, value));
        self.visited.insert(path.to_owned());
        if let Some(raw) = self.index.plain_scalar(path) {
            problems.extend(slip(path, raw));
        }
    }

    /// Empty values (`null`, `~`) of optional fields: the field is simply absent, but it was
    /// probably meant to hold text.
    fn absent_nulls(&mut self) {
        for (path, value, _) in &self.index.plain_scalars {
            if NULLS.contains(&value.as_str()) && !path.is_empty() && !self.visited.contains(path) {
                self.problems.push(
                    Problem::warning(
                        path.as_str(),
                        text!(
                            "giá trị rỗng `{value}`: trường này được coi như bỏ trống",
                            "empty value `{value}`: the field is treated as absent"
                        ),
                    )
                    .hint(text!(
                        "ghi nội dung, hoặc xóa cả dòng nếu không dùng trường này",
                        "write the value, or delete the line if the field is not used"
                    )),
                );
            }
        }
    }

    /// A warning when the file writes words in both tone-mark styles, naming the first of each.
    fn mixed_tones(&mut self) {
        let (Some((o, op)), Some((n, np))) = (self.old_words.first(), self.new_words.first())
        else {
            return;
        };
        self.problems.push(
            Problem::warning(
                np.as_str(),
                text!(
                    "tệp dùng lẫn hai kiểu bỏ dấu thanh: kiểu cũ `{o}` (ở {op}) và kiểu mới `{n}` (ở {np})",
                    "the file mixes two tone-mark styles: old `{o}` (in {op}) and new `{n}` (in {np})"
                ),
            )
            .hint(text!(
                "chạy lại với --tone-style old (hòa, thủy, Ủy) hoặc --tone-style new (hoà, thuỷ, Uỷ) để thống nhất",
                "run again with --tone-style old (hòa, thủy, Ủy) or --tone-style new (hoà, thuỷ, Uỷ) to make it consistent"
            )),
        );
    }
}

/// The problem with the plain scalar `raw` written for the text field at `path`: YAML's
/// "nothing" (an error) or a likely slip such as `no` (a warning).
fn slip(path: &str, raw: &str) -> Option<Problem> {
    if NULLS.contains(&raw) {
        Some(
            Problem::error(
                path,
                text!(
                    "trường này đang để trống (`{raw}`)",
                    "this field is empty (`{raw}`)"
                ),
            )
            .hint(text!("ghi nội dung cho trường này", "fill in this field")),
        )
    } else if SLIPS.contains(&raw) {
        Some(
            Problem::warning(
                path,
                text!(
                    "giá trị `{raw}` không có dấu ngoặc kép, thường là viết nhầm",
                    "the unquoted value `{raw}` is usually a slip"
                ),
            )
            .hint(text!(
                "nếu đúng là chữ `{raw}`, hãy đặt trong dấu ngoặc kép: \"{raw}\"",
                "if you mean the text `{raw}`, put it in quotes: \"{raw}\""
            )),
        )
    } else {
        None
    }
}

/// Characters that never belong in a document: removed with a warning.
fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
        )
}

/// Characters that reorder or disguise text: an error, since removing them changes what is read.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn strip_invisible(path: &str, value: &mut String, problems: &mut Vec<Problem>) {
    if let Some(c) = value.chars().find(|&c| is_bidi(c)) {
        problems.push(
            Problem::error(
                path,
                text!(
                    "có ký tự điều khiển hướng chữ U+{:04X}, làm thay đổi thứ tự chữ hiển thị",
                    "contains the text-direction control U+{:04X}, which changes how the text reads",
                    c as u32),
            )
            .hint(text!(
                "gõ lại giá trị này bằng tay thay vì dán từ tài liệu khác",
                "type this value again instead of pasting it"
            )),
        );
    }
    // U+00AD is TCVN3's "ư": leave it for the legacy check when the field looks like TCVN3.
    // (The detection is the costliest check here: run it only when there is a U+00AD.)
    let legacy_tcvn =
        value.contains('\u{00AD}') && legacy::detect_legacy(value) == Some(Legacy::Tcvn3);
    let found: Vec<char> = value
        .chars()
        .filter(|&c| is_invisible(c) && !(legacy_tcvn && c == '\u{00AD}'))
        .collect();
    if let Some(&c) = found.first() {
        value.retain(|c| !(is_invisible(c) && !(legacy_tcvn && c == '\u{00AD}')));
        problems.push(
            Problem::warning(
                path,
                text!(
                    "đã xóa {} ký tự ẩn (đầu tiên là U+{:04X})",
                    "removed {} invisible character(s) (the first is U+{:04X})",
                    found.len(),
                    c as u32),
            )
            .hint(text!(
                "ký tự ẩn thường đi theo khi dán từ Word hay trang web; không cần làm gì thêm",
                "invisible characters usually come with text pasted from Word or the web; nothing else to do"
            )),
        );
    }
    // Newlines inside a value are spaces in the documents; a carriage return is never wanted.
    if value.contains('\r') {
        *value = value.replace("\r\n", "\n").replace('\r', "\n");
    }
}

fn fix_legacy(path: &str, value: &mut String, convert: bool, problems: &mut Vec<Problem>) {
    let Some(kind) = legacy::detect_legacy(value) else {
        return;
    };
    let name = kind.name();
    let examples: Vec<String> = legacy::find_legacy_words_as(value, kind)
        .into_iter()
        .take(3)
        .map(|(_, from, to)| format!("\"{from}\" → \"{to}\""))
        .collect();
    let examples = examples.join(", ");
    if convert {
        *value = legacy::convert_legacy(value, kind);
        problems.push(Problem::warning(
            path,
            text!(
                "đã chuyển chữ gõ bằng bảng mã cũ {name} sang Unicode: {examples}",
                "converted text typed in the legacy {name} encoding to Unicode: {examples}"
            ),
        ));
    } else {
        problems.push(
            Problem::error(
                path,
                text!(
                    "chữ bị lỗi phông: có vẻ được dán từ văn bản gõ bằng bảng mã cũ {name} ({examples})",
                    "garbled text: it looks pasted from a document typed in the legacy {name} encoding ({examples})"
                ),
            )
            .hint(text!(
                "chạy lại với --convert-legacy để tự chuyển sang Unicode, hoặc chuyển mã bằng Unikey (Ctrl+Shift+F6) rồi dán lại",
                "run again with --convert-legacy to convert it to Unicode, or convert it with Unikey (Ctrl+Shift+F6) and paste again"
            )),
        );
    }
}
