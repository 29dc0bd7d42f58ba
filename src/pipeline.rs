//! One meeting through the whole pipeline: load → validate → check glyphs → context → render →
//! typeset. [`Engine`] holds what every meeting of a run shares (fonts, the Typst standard
//! library, the templates), loaded once; [`Engine::render_file`] takes one meeting file to a
//! [`MeetingReport`] (its documents, warnings and errors). Nothing here prints or writes files:
//! the commands do, through [`crate::output`]. A panic while making one document becomes that
//! document's error, never the run's.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::context::{self, Context};
use crate::diag::{Problem, Text};
use crate::kind::DocKind;
use crate::load::{self, LoadOptions, Loaded};
use crate::model::{Meeting, Profile};
use crate::publish::{PublishError, WebEdition, WebOptions};
use crate::render::{Renderer, TemplateError, TemplateStore};
use crate::typeset::{Fonts, Job, Metadata, Typeset, TypesetError, Typesetter};
use crate::validate::{self, Schedule};
use crate::vietnamese::tone::{self, ToneStyle};

/// Settings shared by every meeting of a run.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// How to read files.
    pub load: LoadOptions,
    /// Profile overriding the files'.
    pub profile: Option<Profile>,
    /// Folder overriding templates file by file.
    pub templates: Option<PathBuf>,
    /// Use Times New Roman from the system when installed.
    pub system_fonts: bool,
    /// Write PDF/A-2b (archival), checked by typst-pdf.
    pub pdf_a: bool,
    /// `SOURCE_DATE_EPOCH`: the PDF timestamp, in seconds, instead of the meeting date.
    pub epoch: Option<i64>,
    /// `--draft`: a "DỰ THẢO" watermark on every page.
    pub draft: bool,
}

/// What every meeting of a run shares: fonts, the Typst library, templates.
pub struct Engine {
    settings: Settings,
    typesetter: Typesetter,
    renderer: Renderer,
    /// The shared Typst library, in the run's tone style, parsed once.
    library: typst::syntax::Source,
    /// Where the library comes from, for diagnostics.
    library_name: String,
    /// Set up notes (e.g. Times New Roman asked for but missing).
    pub notes: Vec<Text>,
}

impl Engine {
    /// Sets up fonts and templates once.
    pub fn new(settings: Settings) -> Result<Engine, TemplateError> {
        let mut notes = Vec::new();
        let fonts: Arc<Fonts> = if settings.system_fonts {
            Fonts::system_times().unwrap_or_else(|| {
                notes.push(text!(
                    "không tìm thấy phông Times New Roman trên máy; dùng Liberation Serif (cùng kích thước chữ)",
                    "Times New Roman is not installed; using Liberation Serif (same metrics)"
                ));
                Fonts::embedded()
            })
        } else {
            Fonts::embedded()
        };
        let renderer = Renderer::new(TemplateStore::new(settings.templates.as_deref()))?;
        let library_text = match settings.load.hygiene.tone_style {
            Some(style) => tone::normalize_tone(renderer.library(), style),
            None => renderer.library().to_owned(),
        };
        let library = typst::syntax::Source::new(
            crate::typeset::world::file_id(&format!("/{}", crate::render::LIBRARY)),
            library_text,
        );
        let library_name = renderer.origin(crate::render::LIBRARY);
        Ok(Engine {
            settings,
            typesetter: Typesetter::new(fonts),
            renderer,
            library,
            library_name,
            notes,
        })
    }

    /// The settings of this run.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The template renderer.
    pub fn renderer(&self) -> &Renderer {
        &self.renderer
    }

    /// Loads and checks the meeting file at `path`.
    pub fn prepare(&self, path: &Path) -> Result<Prepared, Rejected> {
        let loaded = load::load_path(path, &self.settings.load).map_err(|f| Rejected {
            text: f.text,
            problems: f.problems,
        })?;
        self.check_loaded(loaded)
    }

    fn check_loaded(&self, loaded: Loaded) -> Result<Prepared, Rejected> {
        let Loaded {
            meeting,
            index,
            text,
            dir,
            mut warnings,
        } = loaded;
        let (schedule, mut problems) = validate::validate(&meeting, &dir);
        problems.extend(validate::check_profile(&meeting, self.profile_of(&meeting)));
        problems.extend(self.check_glyphs(&meeting));
        load::locate(&mut problems, &index);
        warnings.append(&mut problems);
        let problems = warnings;
        match schedule {
            Some(schedule) if !problems.iter().any(Problem::is_error) => Ok(Prepared {
                meeting,
                schedule,
                dir,
                text,
                index,
                warnings: problems,
            }),
            _ => Err(Rejected {
                text: Some(text),
                problems,
            }),
        }
    }

    /// Every character no font in use has, as errors naming the field and the code point.
    fn check_glyphs(&self, meeting: &Meeting) -> Vec<Problem> {
        let fonts = self.typesetter.fonts();
        let mut problems = Vec::new();
        // Characters already looked up in this meeting (most are ASCII or repeat).
        let mut covered = std::collections::HashSet::new();
        let mut copy = meeting.clone();
        copy.visit_texts(&mut |path: &str, value: &mut String| {
            let mut seen = Vec::new();
            let mut report = |c: char, problems: &mut Vec<Problem>| {
                if seen.contains(&c) {
                    return;
                }
                seen.push(c);
                let family = &fonts.family;
                problems.push(
                    Problem::error(
                        path,
                        text!(
                            "ký tự \"{c}\" (U+{:04X}) không có trong phông {family}, sẽ in ra ô trống",
                            "the character \"{c}\" (U+{:04X}) is not in the font {family} and would print as an empty box",
                            c as u32),
                    )
                    .hint(text!(
                        "thay ký tự này bằng chữ thường hoặc dấu câu thông dụng",
                        "replace it with an ordinary letter or punctuation mark"
                    )),
                );
            };
            let mut check = |c: char, problems: &mut Vec<Problem>| {
                if c.is_ascii_graphic() || c == ' ' {
                    return;
                }
                if covered.contains(&c) {
                    return;
                }
                if fonts.covers(c) {
                    covered.insert(c);
                } else {
                    report(c, problems);
                }
            };
            for c in value.chars() {
                check(c, &mut problems);
            }
            // The text as printed: headers and signature cells are upper-cased, and a letter's
            // capital may be missing from a font that has the small letter (ɐ/Ɐ).
            if !value.is_ascii() {
                for c in crate::vietnamese::upper_vi(value).chars() {
                    check(c, &mut problems);
                }
            }
        });
        problems
    }

    /// The document kinds `prepared` has the data for, and why the others are skipped.
    pub fn available(&self, prepared: &Prepared) -> (Vec<DocKind>, Vec<(DocKind, Vec<Problem>)>) {
        let plan = self.plan(prepared, None);
        (plan.kinds, plan.skipped)
    }

    /// What to make of `prepared`: the one place that decides which kinds a meeting can make.
    /// With `requested` (`--doc`), a kind that lacks its data is an error (in `missing`);
    /// without it, every kind with data is made and the others are `skipped` with the reason.
    pub fn plan(&self, prepared: &Prepared, requested: Option<&[DocKind]>) -> Plan {
        let mut plan = Plan::default();
        let wanted: &[DocKind] = requested.unwrap_or(&DocKind::ALL);
        for &kind in wanted {
            let mut missing = validate::requirements(&prepared.meeting, kind);
            load::locate(&mut missing, &prepared.index);
            if missing.is_empty() {
                plan.kinds.push(kind);
            } else if requested.is_some() {
                plan.missing.extend(missing);
            } else {
                plan.skipped.push((kind, missing));
            }
        }
        plan
    }

    /// Takes the meeting file at `path` through every stage: the documents of `request`, the
    /// warnings and errors, all in a report. Prints nothing and writes nothing.
    pub fn render_file(&self, path: &Path, request: &Request) -> MeetingReport {
        let started = Instant::now();
        let mut report = MeetingReport {
            file: path.to_path_buf(),
            text: None,
            warnings: Vec::new(),
            errors: Vec::new(),
            skipped: Vec::new(),
            documents: Vec::new(),
            web: None,
            elapsed: Duration::ZERO,
        };
        let prepared = match guarded(|| self.prepare(path)) {
            Ok(Ok(p)) => p,
            Err((_, panic)) => {
                report.errors.push(Problem::error(
                    "",
                    text!(
                        "lỗi nội bộ khi đọc tệp (lỗi của hoinghi, xin báo lại): {panic}",
                        "internal error while reading the file (a bug in hoinghi, please report it): {panic}"
                    ),
                ));
                report.elapsed = started.elapsed();
                return report;
            }
            Ok(Err(rejected)) => {
                report.text = rejected.text;
                let (errors, warnings) = rejected.problems.into_iter().partition(Problem::is_error);
                report.errors = errors;
                report.warnings = warnings;
                report.elapsed = started.elapsed();
                return report;
            }
        };
        let plan = self.plan(&prepared, request.kinds.as_deref());
        report.errors = plan.missing;
        report.skipped = plan.skipped;
        let context = self.guarded_context(&prepared);
        if request.typeset {
            report.documents = self.render_with(
                &prepared,
                &context,
                &plan.kinds,
                &request.ident,
                request.keep_source,
            );
        }
        if let Some(options) = &request.web {
            match self.publish(&prepared, &context, options) {
                Ok(edition) => report.web = Some(edition),
                Err(problems) => report.errors.extend(problems),
            }
        }
        report.warnings = prepared.warnings;
        report.text = Some(prepared.text);
        report.elapsed = started.elapsed();
        report
    }

    /// Makes `kinds` of `prepared`, the context built once and shared. A panic in one document
    /// is caught and becomes its error. The documents are typeset side by side on the current
    /// rayon pool: one meeting's documents are independent, and a clerk waiting for one meeting
    /// gets them sooner. (`batch` runs its meetings on a pool whose threads are all busy, so
    /// there they simply run one after another.)
    pub fn render_kinds(
        &self,
        prepared: &Prepared,
        kinds: &[DocKind],
        ident: &str,
        keep_source: bool,
    ) -> Vec<Document> {
        let context = self.guarded_context(prepared);
        self.render_with(prepared, &context, kinds, ident, keep_source)
    }

    /// The context of `prepared`; a panic while building it becomes an error.
    fn guarded_context(&self, prepared: &Prepared) -> Result<Context, DocError> {
        match guarded(|| self.context(prepared)) {
            Ok(result) => result,
            Err((_, panic)) => Err(panic),
        }
    }

    /// The article of `prepared` in the text formats of `options`, with its photos prepared
    /// for the web; every problem names its field and line.
    pub fn publish(
        &self,
        prepared: &Prepared,
        context: &Result<Context, DocError>,
        options: &WebOptions,
    ) -> Result<WebEdition, Vec<Problem>> {
        let ctx = match context {
            Ok(ctx) => ctx,
            Err(e) => {
                return Err(vec![Problem::error(
                    "",
                    text!("lỗi khi soạn bài tin: {e}", "cannot make the article: {e}"),
                )]);
            }
        };
        let Some(article) = &ctx.article else {
            let mut missing = validate::requirements(&prepared.meeting, DocKind::BaiTin);
            load::locate(&mut missing, &prepared.index);
            return Err(missing);
        };
        let published =
            guarded(|| crate::publish::publish(&self.renderer, article, &prepared.dir, options));
        match published {
            Ok(Ok(edition)) => Ok(edition),
            Ok(Err(PublishError::Photo(problem))) => {
                let mut problems = vec![problem];
                load::locate(&mut problems, &prepared.index);
                Err(problems)
            }
            Ok(Err(PublishError::Template(e))) => Err(vec![Problem::error("", e.message.clone())]),
            Err((_, panic)) => Err(vec![Problem::error(
                "",
                text!(
                    "lỗi nội bộ khi soạn bài tin (lỗi của hoinghi, xin báo lại): {panic}",
                    "internal error while making the article (a bug in hoinghi, please report it): {panic}"
                ),
            )]),
        }
    }

    fn render_with(
        &self,
        prepared: &Prepared,
        context: &Result<Context, DocError>,
        kinds: &[DocKind],
        ident: &str,
        keep_source: bool,
    ) -> Vec<Document> {
        use rayon::prelude::*;
        kinds
            .par_iter()
            .map(|&kind| {
                let started = Instant::now();
                let result = match context {
                    Ok(ctx) => guarded(|| self.make(prepared, ctx, kind, ident)).and_then(|r| r),
                    Err(e) => Err((None, e.clone())),
                };
                let (source, result) = match result {
                    Ok((source, typeset)) => (Some(source), Ok(typeset)),
                    Err((source, e)) => (source, Err(e)),
                };
                Document {
                    kind,
                    source: if keep_source { source } else { None },
                    result,
                    elapsed: started.elapsed(),
                }
            })
            .collect()
    }

    /// Renders the template of `kind` with `ctx` and typesets it: the source (also when Typst
    /// fails, for `--emit-typst`) and the PDF.
    fn make(
        &self,
        prepared: &Prepared,
        ctx: &Context,
        kind: DocKind,
        ident: &str,
    ) -> Result<(String, Typeset), (Option<String>, DocError)> {
        let source = self.render_source(ctx, kind).map_err(|e| (None, e))?;
        match self.typeset_source(prepared, ctx, kind, source.clone(), ident) {
            Ok(typeset) => Ok((source, typeset)),
            Err(e) => Err((Some(source), e)),
        }
    }

    /// The Typst source of `kind` for `ctx` (from [`Engine::context`]), in the run's tone
    /// style: what [`Engine::render_kinds`] typesets.
    pub fn render_source(&self, ctx: &Context, kind: DocKind) -> Result<String, DocError> {
        let source = self
            .renderer
            .render(kind, ctx)
            .map_err(DocError::Template)?;
        Ok(match self.tone_style() {
            Some(style) => tone::normalize_tone(&source, style),
            None => source,
        })
    }

    /// Typesets `source` (from [`Engine::render_source`]) of `kind` exactly as
    /// [`Engine::render_kinds`] does: the same fonts, library, images, date, metadata and PDF
    /// options. Used by `examples/floor.rs` to time Typst alone.
    pub fn typeset_source(
        &self,
        prepared: &Prepared,
        ctx: &Context,
        kind: DocKind,
        source: String,
        ident: &str,
    ) -> Result<Typeset, DocError> {
        let main_path = format!("/{}.typ", kind.slug());
        let template = kind.template();
        let job = Job {
            main_path: &main_path,
            main_name: format!(
                "{}.typ (sinh từ mẫu / generated from {})",
                kind.slug(),
                self.renderer.origin(&template)
            ),
            source,
            library: (self.library.clone(), self.library_name.clone()),
            images: ctx
                .article
                .iter()
                .flat_map(|a| &a.photos)
                .filter_map(|p| {
                    validate::confined_image(&prepared.dir, &p.file)
                        .ok()
                        .map(|real| (p.slot.clone(), real))
                })
                .collect(),
            date: prepared.schedule.date,
            ident: format!("{ident}#{}", kind.slug()),
            metadata: Metadata {
                author: ctx.bloc_name.clone(),
                subject: self
                    .renderer
                    .meeting_name(ctx)
                    .map_err(DocError::Template)?,
                keywords: vec![
                    kind.name_vi().to_owned(),
                    "thi đua".to_owned(),
                    ctx.year.to_string(),
                ],
            },
            pdf_a: self.settings.pdf_a,
            epoch: self.settings.epoch,
            split_pages: kind == DocKind::GiayMoi,
        };
        let mut typeset = self.typesetter.typeset(job).map_err(DocError::Typst)?;
        if let Some(inv) = &ctx.pack.invitation
            && !typeset.parts.is_empty()
        {
            if typeset.parts.len() == inv.invitees.len() {
                let names: Vec<String> = inv.invitees.iter().map(|i| i.file.clone()).collect();
                typeset.name_parts(&names);
            } else {
                // An invitation ran over a page: the pages no longer match the invitees.
                typeset.parts.clear();
                typeset.warnings.push(format!(
                    "cảnh báo: có giấy mời dài hơn một trang ({} trang cho {} giấy mời); chỉ ghi tệp gộp giay-moi.pdf / warning: an invitation runs over one page; only the combined giay-moi.pdf is written",
                    typeset.document.pages().len(),
                    inv.invitees.len()
                ));
            }
        }
        Ok(typeset)
    }

    /// The profile `meeting` is typeset in: `--profile`, else the file's.
    pub fn profile_of(&self, meeting: &Meeting) -> Profile {
        self.settings.profile.unwrap_or(meeting.bloc.profile)
    }

    /// The template context of `prepared`, the article worded by its text template.
    pub fn context(&self, prepared: &Prepared) -> Result<Context, DocError> {
        let meeting = &prepared.meeting;
        let build = |m: &Meeting| {
            context::build(
                m,
                &prepared.schedule,
                self.profile_of(m),
                &self.typesetter.fonts().family,
            )
        };
        let mut ctx = build(meeting);
        ctx.draft = self.settings.draft;
        match meeting.article.as_ref().and_then(|a| a.address) {
            // The outlet's form of address: the article's words come from a context where
            // everyone is addressed that way; the minutes keep each person's own.
            Some(form) => {
                let mut worded = build(&meeting.addressed_for_article(form));
                self.renderer
                    .word_article(&mut worded)
                    .map_err(DocError::Template)?;
                ctx.article = worded.article;
            }
            None => self
                .renderer
                .word_article(&mut ctx)
                .map_err(DocError::Template)?,
        }
        Ok(ctx)
    }

    /// The shared library's source, in the run's tone style.
    pub fn library_source(&self) -> &str {
        self.library.text()
    }

    fn tone_style(&self) -> Option<ToneStyle> {
        self.settings.load.hygiene.tone_style
    }

    /// Renders and typesets one document `kind` of `prepared` (its own context).
    pub fn typeset(
        &self,
        prepared: &Prepared,
        kind: DocKind,
        ident: &str,
    ) -> Result<Rendered, DocError> {
        let doc = self
            .render_kinds(prepared, &[kind], ident, true)
            .pop()
            .expect("one document per kind asked for");
        let typeset = doc.result?;
        Ok(Rendered {
            kind,
            source: doc.source.unwrap_or_default(),
            typeset,
            elapsed: doc.elapsed,
        })
    }
}

/// Runs `f`, turning a panic into a [`DocError::Panic`] with its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, (Option<String>, DocError)> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        (None, DocError::Panic(message))
    })
}

/// What [`Engine::render_file`] makes of a file.
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
    /// Whether the meeting failed: a file error, or a document that could not be made.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty() || self.documents.iter().any(|d| d.result.is_err())
    }
}

/// One document of a meeting.
#[derive(Debug)]
pub struct Document {
    /// Which document.
    pub kind: DocKind,
    /// The generated Typst source, when asked for and rendered.
    pub source: Option<String>,
    /// The typeset document, or why it failed.
    pub result: Result<Typeset, DocError>,
    /// Time spent on it.
    pub elapsed: Duration,
}

/// A meeting that passed every check.
#[derive(Debug)]
pub struct Prepared {
    /// The meeting.
    pub meeting: Meeting,
    /// Its date and times.
    pub schedule: Schedule,
    /// The folder of its file.
    pub dir: PathBuf,
    /// The decoded text of its file.
    pub text: String,
    /// Field positions.
    pub index: load::YamlIndex,
    /// Warnings.
    pub warnings: Vec<Problem>,
}

/// A meeting file that failed its checks.
#[derive(Debug)]
pub struct Rejected {
    /// The decoded text, when the bytes could be decoded.
    pub text: Option<String>,
    /// Errors and warnings.
    pub problems: Vec<Problem>,
}

/// A typeset document with its source.
pub struct Rendered {
    /// Which document.
    pub kind: DocKind,
    /// The generated Typst source.
    pub source: String,
    /// Pages and PDF.
    pub typeset: Typeset,
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
