//! One file per subcommand; this module holds what they share: turning arguments into
//! [`Settings`], and printing problems and notes to standard error.

mod check;
mod render;

use std::io::IsTerminal;
use std::path::Path;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use hoinghi::diag::{Lang, Problem, Report, Text};
use hoinghi::kind::DocKind;
use hoinghi::load::{Hygiene, LoadOptions};
use hoinghi::pipeline::Settings;
use hoinghi::vietnamese::ToneStyle;

use crate::cli::{Command, DocArg, InputArgs, ToneArg};

/// Exit code: everything done.
pub const OK: u8 = 0;
/// Exit code: an input file or a document failed.
pub const FAILED: u8 = 1;
/// Exit code: the command line was wrong.
pub const USAGE: u8 = 2;

/// Runs `command`, returns the exit code.
pub fn run(command: Command, lang: Lang) -> u8 {
    let mut out = Console::new(lang);
    match command {
        Command::Render(args) => render::run(&args, &mut out),
        Command::Check(args) => check::run(&args, &mut out),
        Command::Schema => {
            println!("{}", hoinghi::schema::json_schema_text());
            OK
        }
    }
}

/// Settings for reading files, from the shared input arguments.
pub fn settings(input: &InputArgs) -> Settings {
    Settings {
        load: LoadOptions {
            encoding: input.encoding,
            hygiene: Hygiene {
                convert_legacy: input.convert_legacy,
                tone_style: input.tone_style.map(|t| match t {
                    ToneArg::Old => ToneStyle::Old,
                    ToneArg::New => ToneStyle::New,
                }),
            },
        },
        ..Settings::default()
    }
}

/// The document kinds asked for with `--doc`; `None` when not given (every kind with data).
pub fn requested_kinds(doc: &[DocArg]) -> Option<Vec<DocKind>> {
    if doc.is_empty() {
        return None;
    }
    let mut kinds = Vec::new();
    for d in doc {
        let add: &[DocKind] = match d {
            DocArg::GiaoUoc => &[DocKind::GiaoUoc],
            DocArg::BienBan => &[DocKind::BienBan],
            DocArg::BaiTin => &[DocKind::BaiTin],
            DocArg::All => &DocKind::ALL,
        };
        for k in add {
            if !kinds.contains(k) {
                kinds.push(*k);
            }
        }
    }
    kinds.sort();
    Some(kinds)
}

/// Standard error, coloured on a terminal unless `NO_COLOR` is set, with the message language.
pub struct Console {
    err: StandardStream,
    /// Message language.
    pub lang: Lang,
}

impl Console {
    fn new(lang: Lang) -> Console {
        let color = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || !std::io::stderr().is_terminal()
        {
            ColorChoice::Never
        } else {
            ColorChoice::Auto
        };
        Console {
            err: StandardStream::stderr(color),
            lang,
        }
    }

    /// Prints the problems of one file.
    pub fn problems(&mut self, file: &Path, source: Option<&str>, problems: &[Problem]) {
        let name = file.display().to_string();
        let report = Report {
            file_name: &name,
            source,
            lang: self.lang,
        };
        let _ = report.emit(&mut self.err, problems);
    }

    /// Prints a one-line note to standard error.
    pub fn note(&mut self, text: &Text) {
        use std::io::Write;
        let _ = writeln!(self.err, "{}", text.get(self.lang));
    }

    /// Prints a multi-line block (Typst diagnostics, template errors) to standard error.
    pub fn block(&mut self, text: &str) {
        use std::io::Write;
        let _ = self.err.write_all(text.as_bytes());
        if !text.ends_with('\n') {
            let _ = writeln!(self.err);
        }
        let _ = self.err.reset();
    }
}
