//! Problems found in a meeting file, and how they are shown to a person.
//!
//! Every stage that judges input (loading, validation, hygiene, glyph checks) reports
//! [`Problem`]s: severity, field path, position, message and hint, in Vietnamese and English.
//! [`Report`] prints them codespan-style (file:line:col, the source line and a caret), coloured
//! on a terminal and plain otherwise. This module decides nothing about the input itself.

use std::fmt;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};

/// Most problems kept for one file: past them, one more line says how many were left out (a
/// file with 10,000 misspelt keys would otherwise print megabytes).
pub const MAX_PROBLEMS: usize = 100;

/// `problems` cut to [`MAX_PROBLEMS`], errors first, the cut ones counted in a last error.
pub fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() <= MAX_PROBLEMS {
        return problems;
    }
    problems.sort_by_key(|p| !p.is_error());
    let left_out = problems.len() - MAX_PROBLEMS;
    problems.truncate(MAX_PROBLEMS);
    problems.push(Problem::error(
        "",
        crate::text!(
            "… và {left_out} lỗi hay cảnh báo khác không in ra; sửa các lỗi trên rồi kiểm tra lại",
            "… and {left_out} more errors or warnings not shown; fix the ones above and check again"
        ),
    ));
    problems
}

/// Language of messages shown to the user.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The language asked for by the environment: the first set of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG`; English when it begins with `en`, Vietnamese otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .map_or(Lang::Vi, |v| {
                if v.starts_with("en") {
                    Lang::En
                } else {
                    Lang::Vi
                }
            })
    }
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a message from its two translations. Control characters that came in with a
    /// value or a file name are made visible (`\u{1b}`), so a message never drives the terminal.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: safe(vi.into()),
            en: safe(en.into()),
        }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Builds a [`Text`] from a Vietnamese and an English format string; positional arguments
/// after them are shared by both (named captures work as in `format!`).
#[macro_export]
macro_rules! text {
    ($vi:expr, $en:expr $(, $arg:expr)* $(,)?) => {
        $crate::Text::new(format!($vi $(, $arg)*), format!($en $(, $arg)*))
    };
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The document can still be right; reported and the run goes on.
    Warning,
    /// The file cannot be typeset as it is.
    Error,
}

/// A position in the meeting file: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// One thing wrong with a meeting file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Field path such as `members[3].signer.name`, when the problem belongs to a field.
    pub path: Option<String>,
    /// Where in the file, when known.
    pub pos: Option<Pos>,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub hint: Option<Text>,
}

impl Problem {
    /// An error about a field.
    pub fn error(path: impl Into<String>, message: Text) -> Problem {
        Problem {
            severity: Severity::Error,
            path: Some(path.into()).filter(|p: &String| !p.is_empty()),
            pos: None,
            message,
            hint: None,
        }
    }

    /// A warning about a field.
    pub fn warning(path: impl Into<String>, message: Text) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: Text) -> Problem {
        self.hint = Some(hint);
        self
    }

    /// Sets the position.
    pub fn at(mut self, pos: Option<Pos>) -> Problem {
        self.pos = pos;
        self
    }

    /// Whether this problem stops the file from being typeset.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Prints problems of one file codespan-style.
///
/// Everything that comes from the input (the file name, field paths, messages, the source
/// lines shown) is printed with its control characters escaped ([`crate::text::escape_controls`]),
/// and a source line longer than [`MAX_SHOWN_LINE_BYTES`] is not shown: the position is given
/// as `file:line:col` instead.
pub struct Report<'a> {
    /// Name shown for the file (as the user typed it).
    pub file_name: &'a str,
    /// The decoded text of the file, when it could be read.
    pub source: Option<&'a str>,
    /// Message language.
    pub lang: Lang,
}

/// Longest source line (in bytes) quoted under a problem; longer lines are not printed.
pub const MAX_SHOWN_LINE_BYTES: usize = 1_000;

/// The source as shown: control characters escaped, line by line, with where each line starts
/// in the original and in the shown text.
struct Shown<'a> {
    original: &'a str,
    text: std::borrow::Cow<'a, str>,
    /// Byte offset of each line in `original`.
    starts: Vec<usize>,
    /// Byte offset of each line in `text`.
    shown_starts: Vec<usize>,
}

impl<'a> Shown<'a> {
    fn new(original: &'a str) -> Shown<'a> {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(original.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let clean = !original
            .chars()
            .any(|c| crate::text::is_terminal_control(c) && c != '\n');
        if clean {
            return Shown {
                original,
                text: std::borrow::Cow::Borrowed(original),
                shown_starts: starts.clone(),
                starts,
            };
        }
        let mut text = String::with_capacity(original.len() + 16);
        let mut shown_starts = Vec::with_capacity(starts.len());
        for (i, line) in original.split('\n').enumerate() {
            if i > 0 {
                text.push('\n');
            }
            shown_starts.push(text.len());
            text.push_str(&shown_line(line));
        }
        Shown {
            original,
            text: std::borrow::Cow::Owned(text),
            starts,
            shown_starts,
        }
    }

    /// The original line `line` (0-based), without its line feed.
    fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line)?;
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.original.len(), |next| next - 1);
        Some(&self.original[start..end])
    }

    /// Whether the line at `pos` exists but is too long to print.
    fn too_long(&self, pos: Pos) -> bool {
        self.line(pos.line.max(1) - 1)
            .is_some_and(|line| line.len() > MAX_SHOWN_LINE_BYTES)
    }

    /// The byte range, in the shown text, of the token at `pos`; `None` when the position is
    /// outside the source or its line is too long to print.
    fn range(&self, pos: Pos) -> Option<std::ops::Range<usize>> {
        let index = pos.line.max(1) - 1;
        let line = self.line(index)?;
        if line.len() > MAX_SHOWN_LINE_BYTES {
            return None;
        }
        let token = token_range(line, pos.col);
        if matches!(self.text, std::borrow::Cow::Borrowed(_)) {
            let start = self.starts[index];
            return Some(start + token.start..start + token.end);
        }
        // Offsets move by what the escapes before them added.
        let line = line.strip_suffix('\r').unwrap_or(line);
        let shown = |at: usize| shown_line(&line[..at.min(line.len())]).len();
        let start = self.shown_starts[index];
        Some(start + shown(token.start)..start + shown(token.end))
    }
}

/// One source line as printed: its carriage return dropped (codespan drops it too), control
/// characters escaped.
fn shown_line(line: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape_controls(line.strip_suffix('\r').unwrap_or(line), false)
}

/// A message or hint as printed.
fn safe(s: String) -> String {
    match crate::text::escape_controls(&s, true) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(o) => o,
    }
}

/// A file name or field path as printed: on one line, no control characters.
fn one_line_safe(s: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape_controls(s, false)
}

impl Report<'_> {
    /// Writes `problems` to `out` (colours only if `out` supports them).
    pub fn emit(&self, out: &mut dyn WriteColor, problems: &[Problem]) -> std::io::Result<()> {
        let name = one_line_safe(self.file_name);
        let shown = Shown::new(self.source.unwrap_or(""));
        let file = SimpleFile::new(name.as_ref(), shown.text.as_ref());
        let config = term::Config::default();
        for p in problems {
            let diag = self.diagnostic(p, &name, &shown);
            let mut localized = Localized {
                inner: &mut *out,
                lang: self.lang,
                labelled: false,
            };
            if term::emit(&mut localized, &config, &file, &diag).is_err() {
                // Fall back to one plain line if the position is outside the source.
                writeln!(out, "{}", self.one_line(p))?;
            }
        }
        Ok(())
    }

    /// One problem as a single plain line: `file:line:col: lỗi: [path] message`.
    pub fn one_line(&self, p: &Problem) -> String {
        let mut s = one_line_safe(self.file_name).into_owned();
        if let Some(pos) = p.pos {
            s += &format!(":{}:{}", pos.line, pos.col);
        }
        s += &format!(": {}: ", severity_word(p.severity, self.lang));
        if let Some(path) = &p.path {
            s += &format!("[{}] ", one_line_safe(path));
        }
        s += &one_line_safe(p.message.get(self.lang));
        if let Some(h) = &p.hint {
            s += &format!(" ({})", one_line_safe(h.get(self.lang)));
        }
        s
    }

    fn diagnostic(&self, p: &Problem, name: &str, shown: &Shown) -> Diagnostic<()> {
        let lang = self.lang;
        let mut message = String::new();
        if let Some(path) = &p.path {
            message += &format!("[{}] ", one_line_safe(path));
        }
        message += &crate::text::escape_controls(p.message.get(lang), true);
        let diag = match p.severity {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
        }
        .with_message(message);
        let mut notes = Vec::new();
        let hint = p
            .hint
            .as_ref()
            .map(|h| format!("{}: {}", hint_word(lang), safe(h.get(lang).to_owned())));
        match p.pos.and_then(|pos| shown.range(pos)) {
            Some(range) => {
                let label = match &p.path {
                    Some(path) => one_line_safe(path).into_owned(),
                    None => String::new(),
                };
                let diag = diag.with_labels(vec![Label::primary((), range).with_message(label)]);
                notes.extend(hint);
                diag.with_notes(notes)
            }
            None => {
                let place = match p.pos {
                    Some(pos) if shown.too_long(pos) => {
                        format!("{name}:{}:{}", pos.line, pos.col)
                    }
                    _ => name.to_owned(),
                };
                notes.push(format!("{}: {place}", file_word(lang)));
                notes.extend(hint);
                diag.with_notes(notes)
            }
        }
    }
}

/// A writer that puts the severity word codespan writes at the head of a diagnostic
/// ("error", "warning") in the user's language, and passes everything else on unchanged.
struct Localized<'a> {
    inner: &'a mut dyn WriteColor,
    lang: Lang,
    /// Whether the head's word was written (only the first one is the label).
    labelled: bool,
}

impl std::io::Write for Localized<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.labelled {
            let severity = match buf {
                b"error" => Some(Severity::Error),
                b"warning" => Some(Severity::Warning),
                _ => None,
            };
            if let Some(severity) = severity {
                self.labelled = true;
                self.inner
                    .write_all(severity_word(severity, self.lang).as_bytes())?;
                return Ok(buf.len());
            }
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl WriteColor for Localized<'_> {
    fn supports_color(&self) -> bool {
        self.inner.supports_color()
    }

    fn set_color(&mut self, spec: &term::termcolor::ColorSpec) -> std::io::Result<()> {
        self.inner.set_color(spec)
    }

    fn reset(&mut self) -> std::io::Result<()> {
        self.inner.reset()
    }
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Warning, Lang::En) => "warning",
    }
}

fn hint_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "cách sửa",
        Lang::En => "fix",
    }
}

fn file_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "tệp",
        Lang::En => "file",
    }
}

/// The byte range, within `line`, of the token starting at column `col` (1-based, in
/// characters): a quoted value up to its closing quote, else up to a `:` or `#` or the end.
fn token_range(line: &str, col: usize) -> std::ops::Range<usize> {
    let col_byte = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[col_byte..];
    if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
        && let Some(end) = rest[1..].find(quote)
    {
        return col_byte..col_byte + end + 2;
    }
    let len = rest
        .char_indices()
        .find(|&(i, c)| i > 0 && (c == ':' || c == '#'))
        .map_or(rest.trim_end().len(), |(i, _)| rest[..i].trim_end().len())
        .max(rest.chars().next().map_or(0, char::len_utf8));
    col_byte..col_byte + len
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(severity_word(*self, Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_problems_is_cut_and_counted() {
        let flood: Vec<Problem> = (0..10_000)
            .map(|i| Problem::error(format!("k{i}"), Text::new("sai", "wrong")))
            .chain([Problem::warning("w", Text::new("chú ý", "note"))])
            .collect();
        let kept = capped(flood);
        assert_eq!(kept.len(), MAX_PROBLEMS + 1);
        assert!(kept.last().unwrap().message.vi.contains("9901"));
        let few = vec![Problem::warning("w", Text::new("a", "a"))];
        assert_eq!(capped(few).len(), 1);
    }

    #[test]
    fn severity_labels_are_in_the_users_language() {
        let problem = Problem::error("year", Text::new("sai năm", "wrong year"));
        for (lang, label) in [
            (Lang::Vi, "lỗi: [year] sai năm"),
            (Lang::En, "error: [year]"),
        ] {
            let report = Report {
                file_name: "a.yaml",
                source: Some("year: 1\n"),
                lang,
            };
            let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
            report
                .emit(&mut out, std::slice::from_ref(&problem))
                .unwrap();
            let printed = String::from_utf8(out.into_inner()).unwrap();
            assert!(printed.starts_with(label), "{printed}");
        }
    }
}
