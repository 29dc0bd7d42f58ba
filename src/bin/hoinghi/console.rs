//! Standard error, where every message a person reads goes: problems codespan-style, one-line
//! notes, and what the writer did; coloured on a terminal unless `NO_COLOR` is set, in the
//! language chosen.

use std::io::{IsTerminal, Write};
use std::path::Path;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use hoinghi::{DocKind, Lang, MeetingReport, Note, Problem, Report, Text, Written, text};

/// Standard error with the message language.
pub struct Console {
    err: StandardStream,
    /// Message language.
    pub lang: Lang,
}

impl Console {
    /// Standard error, coloured on a terminal unless `NO_COLOR` is set.
    pub fn new(lang: Lang) -> Console {
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

    /// Prints the problems of one file with its source lines.
    pub fn problems(&mut self, file: &Path, source: Option<&str>, problems: &[Problem]) {
        let name = file.display().to_string();
        let report = Report {
            file_name: &name,
            source,
            lang: self.lang,
        };
        let _ = report.emit(&mut self.err, problems);
    }

    /// Prints a one-line note.
    pub fn note(&mut self, text: &Text) {
        let _ = writeln!(self.err, "{}", text.get(self.lang));
    }

    /// Prints a multi-line block (Typst diagnostics) as it is.
    pub fn block(&mut self, text: &str) {
        let _ = self.err.write_all(text.as_bytes());
        if !text.ends_with('\n') {
            let _ = writeln!(self.err);
        }
        let _ = self.err.reset();
    }

    /// A meeting's warnings and errors with its source lines, the kinds skipped for lack of
    /// data (one line), and a line when nothing could be made.
    pub fn report(&mut self, report: &MeetingReport) {
        let mut problems = report.warnings.clone();
        problems.extend(report.errors.iter().cloned());
        self.problems(&report.file, report.text.as_deref(), &problems);
        let name = report.file.display();
        if !report.skipped.is_empty() {
            let list = kinds_lacking(&report.skipped);
            self.note(&text!(
                "{name}: đã soạn những văn bản đủ dữ liệu; chưa soạn: {list}",
                "{name}: made the documents it has data for; not made: {list}"
            ));
        }
        if report.nothing_made() {
            self.note(&text!(
                "{name}: không soạn văn bản nào vì tệp có lỗi",
                "{name}: nothing written because the file has errors"
            ));
        }
    }

    /// What the writer did, in order.
    pub fn written(&mut self, written: &Written) {
        for note in &written.notes {
            match note {
                Note::Done(t) | Note::Warning(t) | Note::Error(t) => self.note(t),
                Note::Detail(block) => self.block(block),
            }
        }
    }
}

/// Kinds left out with the fields each lacks: "giay-moi (`invitation`); to-trinh (`proposal`)".
pub fn kinds_lacking(skipped: &[(DocKind, Vec<Problem>)]) -> String {
    let list: Vec<String> = skipped
        .iter()
        .map(|(kind, missing)| format!("{} ({})", kind.slug(), missing_fields(missing)))
        .collect();
    list.join("; ")
}

/// The fields a document lacks, as a list: "`commitments`, `end_time`".
fn missing_fields(missing: &[Problem]) -> String {
    let fields: Vec<String> = missing
        .iter()
        .filter_map(|p| p.path.as_deref())
        .map(|f| format!("`{f}`"))
        .collect();
    fields.join(", ")
}

/// Prints `body` to standard output; a reader that stopped early (`| head`, `| true`) is not
/// an error of ours, anything else (a full disk) is said in words.
pub fn to_stdout(body: &str) -> crate::exit::Outcome {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(body.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(crate::exit::Failure::FailedWith(text!(
            "lỗi: không in được ra màn hình: {e}",
            "error: cannot print to standard output: {e}"
        ))),
    }
}
