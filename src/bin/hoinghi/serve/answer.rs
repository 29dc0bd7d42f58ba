//! What the page is told, as JSON: a refusal in words, the problems of a meeting with the field
//! each names, what it can make and what the rest lack, and the pages of a preview.

use std::sync::OnceLock;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use hoinghi::{
    DocKind, Engine, Lang, Picture, Prepared, Previewed, Problem, Rejected, Severity, Text,
};
use serde::Serialize;

/// The language of every answer, set once when the server starts.
pub static LANG: OnceLock<Lang> = OnceLock::new();

/// `text` in the server's language.
pub fn say(text: &Text) -> String {
    text.get(LANG.get().copied().unwrap_or_default()).to_owned()
}

/// A request refused or failed: the status and what to tell the clerk.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    message: Text,
    hint: Option<Text>,
}

impl ApiError {
    /// `message` with `status`.
    pub fn new(status: StatusCode, message: Text) -> ApiError {
        ApiError {
            status,
            message,
            hint: None,
        }
    }

    /// The refusal of a problem found in what the clerk sent (a photo, a file): 422.
    pub fn problem(problem: &Problem) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: problem.message.clone(),
            hint: problem.hint.clone(),
        }
    }

    /// An unexpected failure: 500.
    pub fn internal(message: Text) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
            hint: Option<String>,
        }
        let body = Body {
            error: say(&self.message),
            hint: self.hint.as_ref().map(say),
        };
        (self.status, Json(body)).into_response()
    }
}

/// One problem, at its field.
#[derive(Debug, Serialize)]
pub struct ProblemJson {
    severity: &'static str,
    path: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    hint: Option<String>,
}

impl From<&Problem> for ProblemJson {
    fn from(p: &Problem) -> ProblemJson {
        ProblemJson {
            severity: match p.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            path: p.path.clone(),
            line: p.pos.map(|pos| pos.line),
            column: p.pos.map(|pos| pos.col),
            message: say(&p.message),
            hint: p.hint.as_ref().map(say),
        }
    }
}

/// A document kind the meeting can make.
#[derive(Debug, Serialize)]
pub struct KindJson {
    kind: &'static str,
    name: &'static str,
    parts: usize,
}

/// A document kind the meeting cannot make yet, and what it lacks.
#[derive(Debug, Serialize)]
pub struct SkippedJson {
    kind: &'static str,
    name: &'static str,
    missing: Vec<ProblemJson>,
}

/// Where a meeting stands: its problems, what it can make, what the rest lack.
#[derive(Debug, Serialize)]
pub struct StateJson {
    /// Every problem, errors first.
    pub problems: Vec<ProblemJson>,
    kinds: Vec<KindJson>,
    skipped: Vec<SkippedJson>,
    /// Whether the meeting passed its checks.
    pub ok: bool,
}

impl StateJson {
    /// The state of a checked meeting: `Ok` passed (with warnings), `Err` rejected.
    pub fn of(engine: &Engine, checked: &Result<Prepared, Rejected>) -> StateJson {
        match checked {
            Ok(prepared) => {
                let (kinds, skipped) = engine.available(prepared);
                StateJson {
                    problems: prepared.warnings().iter().map(ProblemJson::from).collect(),
                    kinds: kinds
                        .into_iter()
                        .map(|kind| KindJson {
                            kind: kind.slug(),
                            name: kind.name_vi(),
                            parts: kind.parts_in(prepared.meeting()).len(),
                        })
                        .collect(),
                    skipped: skipped
                        .iter()
                        .map(|(kind, missing)| SkippedJson {
                            kind: kind.slug(),
                            name: kind.name_vi(),
                            missing: missing.iter().map(ProblemJson::from).collect(),
                        })
                        .collect(),
                    ok: true,
                }
            }
            Err(rejected) => {
                let mut problems: Vec<&Problem> = rejected.problems.iter().collect();
                problems.sort_by_key(|p| !p.is_error());
                StateJson {
                    problems: problems.into_iter().map(ProblemJson::from).collect(),
                    kinds: Vec::new(),
                    skipped: Vec::new(),
                    ok: false,
                }
            }
        }
    }
}

/// One page of a preview.
#[derive(Debug, Serialize)]
pub struct PageJson {
    hash: String,
    width: f64,
    height: f64,
    /// The picture's size in pixels.
    pixels: (u32, u32),
    /// The picture (base64 PNG): the whole page, or with `base` the strip of rows from `top`
    /// to draw over the picture `base`; none when the page has it.
    png: Option<String>,
    base: Option<String>,
    top: Option<u32>,
    /// Not drawn in this answer: ask again (with the pictures the page has) for it.
    later: bool,
    text: String,
}

/// A preview: the pages, or why the document cannot be shown.
#[derive(Debug, Serialize)]
pub struct PreviewJson {
    doc: &'static str,
    part: Option<usize>,
    pages: Vec<PageJson>,
    error: Option<String>,
}

impl PreviewJson {
    /// The pages of `kind` (ballot `part`) previewed.
    pub fn pages(kind: DocKind, part: Option<usize>, previewed: Previewed) -> PreviewJson {
        PreviewJson {
            doc: kind.slug(),
            part,
            pages: previewed
                .pages
                .into_iter()
                .map(|p| {
                    let b64 = |png: &[u8]| {
                        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, png)
                    };
                    let (png, base, top) = match &p.picture {
                        Picture::Kept | Picture::Later => (None, None, None),
                        Picture::Whole(png) => (Some(b64(png)), None, None),
                        Picture::Strip { base, top, png } => {
                            (Some(b64(png)), Some(base.clone()), Some(*top))
                        }
                    };
                    PageJson {
                        later: matches!(p.picture, Picture::Later),
                        hash: p.hash,
                        width: p.size.0,
                        height: p.size.1,
                        pixels: p.pixels,
                        png,
                        base,
                        top,
                        text: p.text,
                    }
                })
                .collect(),
            error: None,
        }
    }

    /// No pages: why.
    pub fn failed(kind: DocKind, part: Option<usize>, why: String) -> PreviewJson {
        PreviewJson {
            doc: kind.slug(),
            part,
            pages: Vec::new(),
            error: Some(why),
        }
    }
}
