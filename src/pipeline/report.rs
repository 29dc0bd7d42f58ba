//! What the engine hands back: a request, a plan, a meeting's report and its documents, and a
//! meeting that passed its checks ([`Prepared`], made only by validating).

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::diag::{Problem, Text};
use crate::kind::DocKind;
use crate::load::YamlIndex;
use crate::model::{Meeting, Schedule};
use crate::publish::{WebEdition, WebOptions};
use crate::render::TemplateError;
use crate::typeset::{Typeset, TypesetError};

/// What [`super::Engine::render_file`] makes of a file.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The kinds asked for (`--doc`); `None`: every kind the file has the data for.
    pub kinds: Option<Vec<DocKind>>,
    /// A stable identifier of the meeting (its file name), for the PDF identifier.
    pub ident: String,
    /// Keep each document's generated Typst source (`--emit-typst`).
    pub keep_source: bool,
    /// Typeset the documents (PDF, PNG); `false` when only the article's text formats are
    /// wanted.
    pub typeset: bool,
    /// The article's text formats (HTML, Markdown, plain text), if wanted.
    pub web: Option<WebOptions>,
}

impl Request {
    /// Every kind with data (or `kinds`), typeset, nothing else.
    pub fn pdf(kinds: Option<Vec<DocKind>>, ident: String) -> Request {
        Request {
            kinds,
            ident,
            keep_source: false,
            typeset: true,
            web: None,
        }
    }
}

/// Which documents a meeting makes.
#[derive(Debug, Default)]
pub struct Plan {
    /// The kinds to make.
    pub kinds: Vec<DocKind>,
    /// Kinds not asked for and without their data, with what is missing.
    pub skipped: Vec<(DocKind, Vec<Problem>)>,
    /// What the kinds asked for lack (errors).
    pub missing: Vec<Problem>,
    /// What the article lacks, when it lacks something (whether asked for or not).
    pub(crate) article_missing: Vec<Problem>,
}

/// One meeting file through the pipeline.
#[derive(Debug)]
pub struct MeetingReport {
    /// The meeting file.
    pub file: PathBuf,
    /// Its decoded text, for reports (when it could be decoded).
    pub text: Option<String>,
    /// Warnings, located.
    pub warnings: Vec<Problem>,
    /// Errors, located: a rejected file, or data missing for a kind asked for.
    pub errors: Vec<Problem>,
    /// Kinds skipped for lack of data (not asked for).
    pub skipped: Vec<(DocKind, Vec<Problem>)>,
    /// The documents made or failed.
    pub documents: Vec<Document>,
    /// The article in its text formats, when asked for and made.
    pub web: Option<WebEdition>,
    /// Time spent on the whole file.
    pub elapsed: Duration,
}

impl MeetingReport {
    /// An empty report of `file`.
    pub(crate) fn new(file: &Path) -> MeetingReport {
        MeetingReport {
            file: file.to_path_buf(),
            text: None,
            warnings: Vec::new(),
            errors: Vec::new(),
            skipped: Vec::new(),
            documents: Vec::new(),
            web: None,
            elapsed: Duration::ZERO,
        }
    }

    /// Whether the meeting failed: a file error, or a document that could not be made.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty() || self.documents.iter().any(|d| d.result.is_err())
    }

    /// Whether nothing at all was made: the file has errors and no document came of it.
    pub fn nothing_made(&self) -> bool {
        !self.errors.is_empty() && self.documents.is_empty() && self.web.is_none()
    }
}

/// One document of a meeting.
#[derive(Debug)]
pub struct Document {
    /// Which document.
    pub kind: DocKind,
    /// Which of the kind's documents, from 1, when it makes several (one vote-count minutes
    /// per ballot, [`DocKind::parts_in`]).
    pub part: Option<usize>,
    /// The generated Typst source, when asked for and rendered.
    pub source: Option<String>,
    /// The photos that source reads, with it: each one's path in the source
    /// (`/anh-goc/0.png`, from the meeting's output folder) and the original file.
    pub photos: Vec<(String, PathBuf)>,
    /// The typeset document, or why it failed.
    pub result: Result<Typeset, DocError>,
    /// Warnings while typesetting (Typst's, an invitation over a page).
    pub warnings: Vec<Text>,
    /// Time spent on it.
    pub elapsed: Duration,
}

impl Document {
    /// The name of its files without extension (`bien-ban`, `bien-ban-kiem-phieu-2`).
    pub fn stem(&self) -> String {
        self.kind.file_stem(self.part)
    }
}

/// A meeting that passed every check: made only by [`super::Engine::prepare`] and
/// [`super::Engine::prepare_meeting`].
#[derive(Debug)]
pub struct Prepared {
    pub(crate) meeting: Meeting,
    pub(crate) schedule: Schedule,
    pub(crate) dir: PathBuf,
    pub(crate) text: String,
    pub(crate) index: YamlIndex,
    pub(crate) warnings: Vec<Problem>,
}

impl Prepared {
    /// The meeting.
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    /// Its date and times.
    pub fn schedule(&self) -> Schedule {
        self.schedule
    }

    /// The folder its photos are looked up in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The decoded text of its file (empty for a meeting made in memory).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its warnings, located.
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }
}

/// A typeset document with its source.
pub struct Rendered {
    /// Which document.
    pub kind: DocKind,
    /// Which of the kind's documents, from 1, when it makes several.
    pub part: Option<usize>,
    /// The generated Typst source.
    pub source: String,
    /// Pages and PDF.
    pub typeset: Typeset,
    /// Warnings while typesetting.
    pub warnings: Vec<Text>,
    /// Time spent rendering and typesetting.
    pub elapsed: Duration,
}

/// A document that could not be made.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DocError {
    /// The template failed.
    #[error("{0}")]
    Template(TemplateError),
    /// Typst failed.
    #[error("{0}")]
    Typst(TypesetError),
    /// A bug: the program panicked while making the document (the run goes on).
    #[error("internal error (a bug in hoinghi): {0}")]
    Panic(String),
}

impl DocError {
    /// One line saying why `kind` of the meeting in `file` could not be made.
    pub fn message(&self, file: &Path, kind: DocKind) -> Text {
        self.message_for(file, kind.slug())
    }

    /// One line saying why the document `slug` (a kind's slug, or a part's file stem
    /// `bien-ban-kiem-phieu-2`) of the meeting in `file` could not be made.
    pub fn message_for(&self, file: &Path, slug: &str) -> Text {
        let f = file.display();
        match self {
            DocError::Template(e) => {
                let (vi, en) = (&e.message.vi, &e.message.en);
                text!("{f}: {vi}", "{f}: {en}")
            }
            DocError::Typst(_) => text!(
                "{f}: lỗi khi dàn trang {slug}; không ghi tệp PDF này",
                "{f}: typesetting {slug} failed; this PDF was not written"
            ),
            DocError::Panic(m) => text!(
                "{f}: lỗi nội bộ khi soạn {slug} (lỗi của hoinghi, xin báo lại): {m}; không ghi tệp PDF này",
                "{f}: internal error while making {slug} (a bug in hoinghi, please report it): {m}; this PDF was not written"
            ),
        }
    }

    /// Typst's own diagnostics (several lines, with the generated source), when Typst failed.
    pub fn detail(&self) -> Option<&str> {
        match self {
            DocError::Typst(e) => Some(&e.rendered),
            _ => None,
        }
    }
}
