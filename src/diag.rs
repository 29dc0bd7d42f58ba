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

/// Language of messages shown to the user.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
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
    /// Builds a message from its two translations.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
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
        $crate::diag::Text::new(format!($vi $(, $arg)*), format!($en $(, $arg)*))
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
pub struct Report<'a> {
    /// Name shown for the file (as the user typed it).
    pub file_name: &'a str,
    /// The decoded text of the file, when it could be read.
    pub source: Option<&'a str>,
    /// Message language.
    pub lang: Lang,
}

impl Report<'_> {
    /// Writes `problems` to `out` (colours only if `out` supports them).
    pub fn emit(&self, out: &mut dyn WriteColor, problems: &[Problem]) -> std::io::Result<()> {
        let file = SimpleFile::new(self.file_name, self.source.unwrap_or(""));
        let config = term::Config::default();
        for p in problems {
            let diag = self.diagnostic(p);
            if term::emit(out, &config, &file, &diag).is_err() {
                // Fall back to one plain line if the position is outside the source.
                writeln!(out, "{}", self.one_line(p))?;
            }
        }
        Ok(())
    }

    /// One problem as a single plain line: `file:line:col: lỗi: [path] message`.
    pub fn one_line(&self, p: &Problem) -> String {
        let mut s = self.file_name.to_owned();
        if let Some(pos) = p.pos {
            s += &format!(":{}:{}", pos.line, pos.col);
        }
        s += &format!(": {}: ", severity_word(p.severity, self.lang));
        if let Some(path) = &p.path {
            s += &format!("[{path}] ");
        }
        s += p.message.get(self.lang);
        if let Some(h) = &p.hint {
            s += &format!(" ({})", h.get(self.lang));
        }
        s
    }

    fn diagnostic(&self, p: &Problem) -> Diagnostic<()> {
        let lang = self.lang;
        let mut message = String::new();
        if let Some(path) = &p.path {
            message += &format!("[{path}] ");
        }
        message += p.message.get(lang);
        let diag = match p.severity {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
        }
        .with_message(message);
        let mut notes = Vec::new();
        let source = self.source.unwrap_or("");
        match p.pos.and_then(|pos| byte_range(source, pos)) {
            Some(range) => {
                let label = match &p.path {
                    Some(path) => path.clone(),
                    None => String::new(),
                };
                let diag = diag.with_labels(vec![Label::primary((), range).with_message(label)]);
                if let Some(h) = &p.hint {
                    notes.push(format!("{}: {}", hint_word(lang), h.get(lang)));
                }
                diag.with_notes(notes)
            }
            None => {
                notes.push(format!("{}: {}", file_word(lang), self.file_name));
                if let Some(h) = &p.hint {
                    notes.push(format!("{}: {}", hint_word(lang), h.get(lang)));
                }
                diag.with_notes(notes)
            }
        }
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

/// The byte range of the token starting at `pos` (up to the end of the word or line).
fn byte_range(source: &str, pos: Pos) -> Option<std::ops::Range<usize>> {
    let line_start = if pos.line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(pos.line - 2)
            .map(|(i, _)| i + 1)?
    };
    let line = source[line_start..].split('\n').next()?;
    let col_byte = line
        .char_indices()
        .nth(pos.col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[col_byte..];
    if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
        && let Some(end) = rest[1..].find(quote)
    {
        let start = line_start + col_byte;
        return Some(start..start + end + 2);
    }
    let len = rest
        .char_indices()
        .find(|&(i, c)| i > 0 && (c == ':' || c == '#'))
        .map_or(rest.trim_end().len(), |(i, _)| rest[..i].trim_end().len())
        .max(rest.chars().next().map_or(0, char::len_utf8));
    let start = line_start + col_byte;
    Some(start..start + len)
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(severity_word(*self, Lang::En))
    }
}
