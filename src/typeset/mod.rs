//! Typst source to PDF, in-process: a small World on typst-kit, embedded fonts loaded once,
//! deterministic output (timestamp and `today` from the meeting date, identifier from the
//! meeting file), Typst diagnostics rendered as text, never as `{:?}`.

pub mod fonts;
pub mod world;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Timelike};
use typst::foundations::{Datetime, Smart};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_kit::diagnostics::{self, DiagnosticFormat};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use fonts::Fonts;
use world::DocWorld;

/// One document to typeset.
pub struct Job {
    /// Virtual path of the main source (`/giao-uoc.typ`).
    pub main_path: String,
    /// Name shown in diagnostics for the main source.
    pub main_name: String,
    /// The generated Typst source.
    pub source: String,
    /// The shared library, parsed once per run, and its name for diagnostics.
    pub library: (typst::syntax::Source, String),
    /// The images the document may read: virtual path → real file (checked and confined).
    pub images: Vec<(String, PathBuf)>,
    /// The meeting date: PDF timestamp and Typst's `today`.
    pub date: NaiveDate,
    /// A stable identifier of the document (meeting file + kind).
    pub ident: String,
    /// Document metadata: title, author (the bloc), keywords.
    pub metadata: Metadata,
    /// Write PDF/A-2b.
    pub pdf_a: bool,
    /// The PDF timestamp when it is not the meeting date (`SOURCE_DATE_EPOCH`), in seconds.
    pub epoch: Option<i64>,
    /// Also export every page as a PDF of its own (one invitation per page).
    pub split_pages: bool,
}

/// Metadata written into the PDF.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// The issuing bloc, as the author.
    pub author: String,
    /// Subject line (the meeting's name).
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
}

/// A typeset document.
#[derive(Debug)]
pub struct Typeset {
    /// The laid-out pages.
    pub document: PagedDocument,
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// Typst warnings, rendered (the engine hands them on as the document's warnings).
    pub(crate) warnings: Vec<String>,
    /// With [`Job::split_pages`]: each page as a PDF of its own, named (the names are given by
    /// the caller: [`Typeset::name_parts`]).
    pub parts: Vec<(String, Vec<u8>)>,
    /// What the Word file says about itself, and the photos it shows.
    pub(crate) docx_info: crate::docx::DocxInfo,
}

impl Typeset {
    /// The document as a Word file, from the same laid-out pages as the PDF; each letter also
    /// as a file of its own (one per invitation).
    pub fn docx(&self) -> Result<crate::docx::Docx, crate::diag::Text> {
        crate::docx::write(&self.document, &self.docx_info)
    }

    /// Names the parts in order; a part without a name keeps its page number.
    pub fn name_parts(&mut self, names: &[String]) {
        for (i, part) in self.parts.iter_mut().enumerate() {
            if let Some(name) = names.get(i) {
                part.0 = name.clone();
            }
        }
    }
}

/// The most pages one document may have: far above the largest the meeting file's limits
/// allow (one invitation per invitee, at most 600), so only a runaway template reaches it.
pub const MAX_PAGES: usize = 2_000;

/// The most pixels one PNG page may have (250 million: 1 GB of pixels; an A4 page at the
/// highest `--ppi`, 1200, has 139 million).
pub const MAX_PNG_PIXELS: f64 = 250e6;

/// Typst failed: the rendered diagnostics, or the bound the document went past.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{rendered}")]
pub struct TypesetError {
    /// Diagnostics as a person reads them (file, line, the generated source line).
    pub rendered: String,
    /// A bound the document went past (pages, pixels), said in words; Typst itself had
    /// nothing to say.
    pub limit: Option<crate::diag::Text>,
}

impl TypesetError {
    /// Typst's diagnostics.
    fn typst(rendered: String) -> TypesetError {
        TypesetError {
            rendered,
            limit: None,
        }
    }

    /// A bound went past.
    pub(crate) fn limit(text: crate::diag::Text) -> TypesetError {
        TypesetError {
            rendered: text.en.clone(),
            limit: Some(text),
        }
    }
}

/// Shared state for typesetting many documents: the standard library and the fonts.
pub struct Typesetter {
    library: Arc<LazyHash<Library>>,
    fonts: Arc<Fonts>,
}

impl Typesetter {
    /// A typesetter with `fonts`.
    pub fn new(fonts: Arc<Fonts>) -> Typesetter {
        Typesetter {
            library: Arc::new(LazyHash::new(Library::builder().build())),
            fonts,
        }
    }

    /// The fonts in use.
    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// Typesets `job` to PDF.
    pub fn typeset(&self, mut job: Job) -> Result<Typeset, TypesetError> {
        let text = std::mem::take(&mut job.source);
        let main = typst::syntax::Source::new(world::file_id(&job.main_path), text);
        let laid = self.lay_out(&job, main)?;
        let Laid {
            world,
            mut document,
            warnings,
            today,
        } = laid;
        fill_metadata(&mut document, &job.metadata);
        let export = Export {
            world: &world,
            document: &document,
            pdf_a: job.pdf_a,
            stamp: timestamp(job.epoch).unwrap_or(today),
        };
        let pdf = export.pdf(job.ident.clone(), None)?;
        let stamp = export.stamp;
        let docx_info = crate::docx::DocxInfo {
            title: typst::model::Document::info(&document)
                .title
                .as_deref()
                .unwrap_or_default()
                .to_string(),
            creator: job.metadata.author.clone(),
            date: format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                stamp.year().unwrap_or(2000),
                stamp.month().unwrap_or(1),
                stamp.day().unwrap_or(1),
                stamp.hour().unwrap_or(0),
                stamp.minute().unwrap_or(0),
                stamp.second().unwrap_or(0)
            ),
            images: job.images.clone(),
        };
        let parts = if job.split_pages {
            export.pages(&job.ident)?
        } else {
            Vec::new()
        };
        Ok(Typeset {
            document,
            pdf,
            warnings,
            parts,
            docx_info,
        })
    }

    /// Lays out `job` for a preview, without writing a PDF. `kept` is the document's source
    /// from the last preview: it is edited to the new text rather than parsed anew, so that
    /// Typst's caches find every part of the document the edit did not touch.
    pub fn preview(
        &self,
        job: &Job,
        kept: &mut Option<typst::syntax::Source>,
    ) -> Result<(PagedDocument, Vec<String>), TypesetError> {
        let id = world::file_id(&job.main_path);
        let main = match kept.take() {
            Some(mut source) if source.id() == id => {
                source.replace(&job.source);
                source
            }
            _ => typst::syntax::Source::new(id, job.source.clone()),
        };
        *kept = Some(main.clone());
        let laid = self.lay_out(job, main)?;
        Ok((laid.document, laid.warnings))
    }

    /// Compiles `main` in the world of `job`: the pages and Typst's warnings, or the errors;
    /// a document over [`MAX_PAGES`] is refused.
    fn lay_out(&self, job: &Job, main: typst::syntax::Source) -> Result<Laid, TypesetError> {
        let today = Datetime::from_ymd(
            job.date.year(),
            job.date.month() as u8,
            job.date.day() as u8,
        )
        .unwrap_or(Datetime::from_ymd(2000, 1, 1).expect("valid date"));
        let world = DocWorld::new(
            self.library.clone(),
            self.fonts.clone(),
            main,
            job.main_name.clone(),
            job.library.0.clone(),
            job.library.1.clone(),
            job.images.clone(),
            today,
        );
        let warned = typst::compile::<PagedDocument>(&world);
        let warnings = if warned.warnings.is_empty() {
            Vec::new()
        } else {
            vec![render_diagnostics(&world, &warned.warnings)]
        };
        let document = warned
            .output
            .map_err(|errors| TypesetError::typst(render_diagnostics(&world, &errors)))?;
        let pages = document.pages().len();
        if pages > MAX_PAGES {
            return Err(TypesetError::limit(text!(
                "văn bản dài {pages} trang, quá giới hạn {MAX_PAGES} trang (mẫu có vòng lặp không dừng?)",
                "the document has {pages} pages, over the limit of {MAX_PAGES} (an endless loop in the template?)"
            )));
        }
        Ok(Laid {
            world,
            document,
            warnings,
            today,
        })
    }
}

/// A document laid out, with the world it was laid out in (for the export's diagnostics).
struct Laid {
    world: DocWorld,
    document: PagedDocument,
    warnings: Vec<String>,
    today: Datetime,
}

/// Writes the metadata the template did not set itself into `document`.
fn fill_metadata(document: &mut PagedDocument, metadata: &Metadata) {
    let info = document.info_mut();
    if info.author.is_empty() && !metadata.author.is_empty() {
        info.author = vec![metadata.author.as_str().into()];
    }
    if info.description.is_none() && !metadata.subject.is_empty() {
        info.description = Some(metadata.subject.as_str().into());
    }
    if info.keywords.is_empty() {
        info.keywords = metadata
            .keywords
            .iter()
            .map(|k| k.as_str().into())
            .collect();
    }
}

/// The PDF timestamp for `epoch` (seconds, `SOURCE_DATE_EPOCH`), when it is a date.
fn timestamp(epoch: Option<i64>) -> Option<Datetime> {
    epoch
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .and_then(|t| {
            Datetime::from_ymd_hms(
                t.year(),
                t.month() as u8,
                t.day() as u8,
                t.hour() as u8,
                t.minute() as u8,
                t.second() as u8,
            )
        })
}

/// A laid-out document on its way to PDF, with the timestamp and standard it is written with.
struct Export<'a> {
    world: &'a DocWorld,
    document: &'a PagedDocument,
    pdf_a: bool,
    stamp: Datetime,
}

impl Export<'_> {
    /// The export options for the document `ident`, or for `pages` of it.
    fn options(
        &self,
        ident: String,
        pages: Option<typst::layout::PageRanges>,
    ) -> Result<PdfOptions, TypesetError> {
        let standards = if self.pdf_a {
            PdfStandards::new(&[PdfStandard::A_2b])
                .map_err(|e| TypesetError::typst(e.message().to_string()))?
        } else {
            PdfStandards::default()
        };
        Ok(PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(format!("hoinghi {}", env!("CARGO_PKG_VERSION")))),
            timestamp: Some(Timestamp::new_utc(self.stamp)),
            standards,
            // Typst cannot tag part of a document: a single page goes untagged.
            tagged: pages.is_none(),
            page_ranges: pages,
            ..PdfOptions::default()
        })
    }

    /// The PDF of the document `ident`, or of `pages` of it.
    fn pdf(
        &self,
        ident: String,
        pages: Option<typst::layout::PageRanges>,
    ) -> Result<Vec<u8>, TypesetError> {
        let options = self.options(ident, pages)?;
        typst_pdf::pdf(self.document, &options)
            .map_err(|errors| TypesetError::typst(render_diagnostics(self.world, &errors)))
    }

    /// Every page as a PDF of its own, named by its number (`01`).
    fn pages(&self, ident: &str) -> Result<Vec<(String, Vec<u8>)>, TypesetError> {
        let mut parts = Vec::new();
        for page in 1..=self.document.pages().len() {
            let n = std::num::NonZeroUsize::new(page);
            let bytes = self.pdf(
                format!("{ident}#{page}"),
                Some(typst::layout::PageRanges::new(vec![n..=n])),
            )?;
            parts.push((format!("{page:02}"), bytes));
        }
        Ok(parts)
    }
}

fn render_diagnostics(world: &DocWorld, diags: &[typst::diag::SourceDiagnostic]) -> String {
    let mut buffer = diagnostics::termcolor::NoColor::new(Vec::new());
    if diagnostics::emit(&mut buffer, world, diags, DiagnosticFormat::Human).is_err() {
        return diags
            .iter()
            .map(|d| d.message.to_string())
            .collect::<Vec<_>>()
            .join("\n");
    }
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}
