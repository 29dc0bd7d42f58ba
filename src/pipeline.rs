//! One meeting through the whole pipeline: load → validate → check glyphs → context → render →
//! typeset. Each step's problems are collected into a [`MeetingReport`]; nothing here prints or
//! writes files (the commands do, through [`crate::output`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::context::{self, Context};
use crate::diag::{Problem, Text};
use crate::kind::DocKind;
use crate::load::{self, LoadOptions, Loaded};
use crate::model::{Meeting, Profile};
use crate::render::{Renderer, TemplateError, TemplateStore};
use crate::typeset::{Fonts, Job, Typeset, TypesetError, Typesetter};
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
}

/// What every meeting of a run shares: fonts, the Typst library, templates.
pub struct Engine {
    settings: Settings,
    typesetter: Typesetter,
    renderer: Renderer,
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
        Ok(Engine {
            settings,
            typesetter: Typesetter::new(fonts),
            renderer,
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
        let mut copy = meeting.clone();
        copy.visit_texts(&mut |path: &str, value: &mut String| {
            let mut seen = Vec::new();
            for c in value.chars() {
                if !fonts.covers(c) && !seen.contains(&c) {
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
                }
            }
        });
        problems
    }

    /// The document kinds `prepared` has the data for, and why the others are skipped.
    pub fn available(&self, prepared: &Prepared) -> (Vec<DocKind>, Vec<(DocKind, Vec<Problem>)>) {
        let mut ok = Vec::new();
        let mut skipped = Vec::new();
        for kind in DocKind::ALL {
            let missing = validate::requirements(&prepared.meeting, kind);
            if missing.is_empty() {
                ok.push(kind);
            } else {
                skipped.push((kind, missing));
            }
        }
        (ok, skipped)
    }

    /// The profile `meeting` is typeset in: `--profile`, else the file's.
    pub fn profile_of(&self, meeting: &Meeting) -> Profile {
        self.settings.profile.unwrap_or(meeting.bloc.profile)
    }

    /// The template context of `prepared`, the article worded by its text template.
    pub fn context(&self, prepared: &Prepared) -> Result<Context, DocError> {
        let mut ctx = context::build(
            &prepared.meeting,
            &prepared.schedule,
            self.profile_of(&prepared.meeting),
            &self.typesetter.fonts().family,
        );
        self.renderer
            .word_article(&mut ctx)
            .map_err(DocError::Template)?;
        Ok(ctx)
    }

    /// Renders the Typst source of `kind`.
    pub fn source(&self, prepared: &Prepared, kind: DocKind) -> Result<String, DocError> {
        let ctx = self.context(prepared)?;
        let source = self
            .renderer
            .render(kind, &ctx)
            .map_err(DocError::Template)?;
        Ok(match self.tone_style() {
            Some(style) => tone::normalize_tone(&source, style),
            None => source,
        })
    }

    /// The shared library's source, in the run's tone style.
    pub fn library_source(&self) -> String {
        let lib = self.renderer.library();
        match self.tone_style() {
            Some(style) => tone::normalize_tone(lib, style),
            None => lib.to_owned(),
        }
    }

    fn tone_style(&self) -> Option<ToneStyle> {
        self.settings.load.hygiene.tone_style
    }

    /// Renders and typesets `kind`.
    pub fn typeset(
        &self,
        prepared: &Prepared,
        kind: DocKind,
        ident: &str,
    ) -> Result<Rendered, DocError> {
        let started = Instant::now();
        let source = self.source(prepared, kind)?;
        let main_path = format!("/{}.typ", kind.slug());
        let template = kind.template();
        let job = Job {
            main_path: &main_path,
            main_name: format!(
                "{}.typ (sinh từ mẫu / generated from {})",
                kind.slug(),
                self.renderer.origin(&template)
            ),
            source: source.clone(),
            library: (
                self.library_source(),
                self.renderer.origin(crate::render::LIBRARY),
            ),
            image_dir: &prepared.dir,
            date: prepared.schedule.date,
            ident: format!("{ident}#{}", kind.slug()),
        };
        let typeset = self.typesetter.typeset(job).map_err(DocError::Typst)?;
        Ok(Rendered {
            kind,
            source,
            typeset,
            elapsed: started.elapsed(),
        })
    }
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
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// The template failed.
    #[error("{0}")]
    Template(TemplateError),
    /// Typst failed.
    #[error("{0}")]
    Typst(TypesetError),
}
