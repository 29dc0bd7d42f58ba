//! One meeting through the whole pipeline: load → validate → check glyphs → context → render →
//! typeset. [`Engine`] holds what every meeting of a run shares (fonts, the Typst standard
//! library, the templates), loaded once; [`Engine::render_file`] takes one meeting file to a
//! [`MeetingReport`] (its documents, warnings and errors). Nothing here prints or writes files:
//! [`crate::write`] does. A panic while making one document becomes that document's error,
//! never the run's.

mod document;
mod glyphs;
mod preview;
mod report;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::context::{self, Context};
use crate::diag::{Problem, Text};
use crate::kind::DocKind;
use crate::load::{self, LoadOptions, Loaded, YamlIndex};
use crate::model::{Meeting, Profile};
use crate::publish::{PublishError, WebEdition, WebOptions};
use crate::render::{Renderer, TemplateStore};
use crate::typeset::{Fonts, Typesetter};
use crate::validate;
use crate::vietnamese::tone;

pub use crate::load::Rejected;
pub use document::Sources;
pub use preview::{Picture, Preview, PreviewPage, Previewed, Viewer};
pub use report::{DocError, Document, MeetingReport, Plan, Prepared, Rendered, Request};

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
    notes: Vec<Text>,
}

impl Engine {
    /// Sets up fonts and templates once; an error (a usage error: the template folder is
    /// missing or a template is broken) says why in words.
    pub fn new(settings: Settings) -> Result<Engine, Text> {
        if let Some(dir) = &settings.templates
            && !dir.is_dir()
        {
            let d = dir.display();
            return Err(text!(
                "lỗi: không có thư mục mẫu {d}",
                "error: the template folder {d} does not exist"
            ));
        }
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
        let renderer = Renderer::new(TemplateStore::new(settings.templates.as_deref()))
            .map_err(|e| e.message)?;
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

    /// Notes from setting up (e.g. Times New Roman asked for but missing), to show once.
    pub fn notes(&self) -> &[Text] {
        &self.notes
    }

    /// Loads and checks the meeting file at `path`.
    pub fn prepare(&self, path: &Path) -> Result<Prepared, Rejected> {
        self.check(load::load_path(path, &self.settings.load)?)
    }

    /// Loads and checks a meeting file's `text` held in memory (a form's unsaved draft) as if
    /// it were a file in `dir`: problems carry lines and columns of `text`.
    pub fn prepare_text(&self, text: &str, dir: &Path) -> Result<Prepared, Rejected> {
        self.check(load::load_text(text, dir, &self.settings.load)?)
    }

    /// Checks a meeting made in memory (by a form, a test) whose photos are looked up in
    /// `dir`, as [`Engine::prepare`] checks a file's (problems carry no line numbers).
    pub fn prepare_meeting(&self, meeting: Meeting, dir: &Path) -> Result<Prepared, Rejected> {
        self.check(Loaded {
            meeting,
            index: YamlIndex::default(),
            text: String::new(),
            dir: dir.to_path_buf(),
            warnings: Vec::new(),
        })
    }

    fn check(&self, loaded: Loaded) -> Result<Prepared, Rejected> {
        let Loaded {
            meeting,
            index,
            text,
            dir,
            mut warnings,
        } = loaded;
        let (schedule, mut problems) = validate::validate(&meeting, &dir);
        problems.extend(validate::check_profile(&meeting, self.profile_of(&meeting)));
        problems.extend(glyphs::missing_glyphs(self.typesetter.fonts(), &meeting));
        load::locate(&mut problems, &index);
        warnings.append(&mut problems);
        let problems = crate::diag::capped(warnings);
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
        for kind in DocKind::ALL {
            let mut missing = kind.missing_in(&prepared.meeting);
            load::locate(&mut missing, &prepared.index);
            if kind == DocKind::BaiTin {
                plan.article_missing = missing.clone();
            }
            let wanted = requested.is_none_or(|r| r.contains(&kind));
            if !wanted {
                continue;
            }
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
        self.render_with_loader(path, request, || self.prepare(path))
    }

    /// As [`Engine::render_file`] for the `text` of the meeting file `path` held in memory
    /// (a form's unsaved draft); photos are looked up beside `path`.
    pub fn render_text(&self, path: &Path, text: &str, request: &Request) -> MeetingReport {
        let dir = path.parent().unwrap_or(Path::new("."));
        self.render_with_loader(path, request, || self.prepare_text(text, dir))
    }

    /// The report of the meeting `load` reads (from `path`), through every stage.
    fn render_with_loader(
        &self,
        path: &Path,
        request: &Request,
        load: impl FnOnce() -> Result<Prepared, Rejected>,
    ) -> MeetingReport {
        let started = Instant::now();
        let mut report = MeetingReport::new(path);
        match guarded(load) {
            Ok(Ok(prepared)) => self.render_prepared(&prepared, request, &mut report),
            Ok(Err(rejected)) => {
                report.text = rejected.text;
                let (errors, warnings) = rejected.problems.into_iter().partition(Problem::is_error);
                report.errors = errors;
                report.warnings = warnings;
            }
            Err(panic) => report.errors.push(Problem::error(
                "",
                text!(
                    "lỗi nội bộ khi đọc tệp (lỗi của hoinghi, xin báo lại): {panic}",
                    "internal error while reading the file (a bug in hoinghi, please report it): {panic}"
                ),
            )),
        }
        report.elapsed = started.elapsed();
        report
    }

    /// The documents and article of `request` for a meeting that passed its checks.
    fn render_prepared(&self, prepared: &Prepared, request: &Request, report: &mut MeetingReport) {
        let plan = self.plan(prepared, request.kinds.as_deref());
        let context = self.guarded_context(prepared);
        if request.typeset {
            report.documents = self.render_with(
                prepared,
                &context,
                &plan.kinds,
                &request.ident,
                request.keep_source,
            );
        }
        report.errors = plan.missing;
        report.skipped = plan.skipped;
        if let Some(options) = &request.web {
            match self.publish(prepared, &context, &plan.article_missing, options) {
                Ok(edition) => report.web = Some(edition),
                Err(problems) => report.errors.extend(problems),
            }
        }
        report.warnings = prepared.warnings.clone();
        report.text = Some(prepared.text.clone());
    }

    /// The context of `prepared`; a panic while building it becomes an error.
    fn guarded_context(&self, prepared: &Prepared) -> Result<Context, DocError> {
        guarded(|| self.context(prepared)).unwrap_or_else(|panic| Err(DocError::Panic(panic)))
    }

    /// The article of `prepared` in the text formats of `options`, with its photos prepared
    /// for the web; every problem names its field and line (`missing`: what the meeting lacks
    /// for an article, from the plan).
    fn publish(
        &self,
        prepared: &Prepared,
        context: &Result<Context, DocError>,
        missing: &[Problem],
        options: &WebOptions,
    ) -> Result<WebEdition, Vec<Problem>> {
        let ctx = context.as_ref().map_err(|e| {
            vec![Problem::error(
                "",
                text!("lỗi khi soạn bài tin: {e}", "cannot make the article: {e}"),
            )]
        })?;
        let Some(article) = &ctx.article else {
            return Err(missing.to_vec());
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
            Ok(Err(PublishError::Template(e))) => Err(vec![Problem::error("", e.message)]),
            Err(panic) => Err(vec![Problem::error(
                "",
                text!(
                    "lỗi nội bộ khi soạn bài tin (lỗi của hoinghi, xin báo lại): {panic}",
                    "internal error while making the article (a bug in hoinghi, please report it): {panic}"
                ),
            )]),
        }
    }

    /// The profile `meeting` is typeset in: `--profile`, else the file's.
    fn profile_of(&self, meeting: &Meeting) -> Profile {
        self.settings.profile.unwrap_or(meeting.bloc.profile)
    }

    /// The template context of `prepared`, the article worded by its text template.
    pub(crate) fn context(&self, prepared: &Prepared) -> Result<Context, DocError> {
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
}

/// Lets Typst's caches go of what the last meetings used: called after each meeting, so a
/// run's memory stays flat over many files while the next meeting still finds what it shares
/// with the last ones.
pub fn evict_caches() {
    comemo::evict(2);
}

/// As [`evict_caches`], keeping what was used in the last `age` calls: a front end editing
/// several meetings in turn keeps each one's layout cached between its edits.
pub fn evict_caches_older_than(age: usize) {
    comemo::evict(age);
}

/// Runs `f`, turning a panic into its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned())
    })
}
