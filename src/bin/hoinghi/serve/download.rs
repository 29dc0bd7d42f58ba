//! Downloads of the draft as it stands: one document as PDF or as a Word file, or the whole pack
//! as one ZIP — exactly the files `render --doc all --format pdf,docx,html,md,txt` writes (the
//! PDFs and Word files, one of each per invitation, the article in HTML, Markdown and text with
//! its photos), made by the library's writer into memory. `?draft=1` marks every page
//! "DỰ THẢO".

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use hoinghi::write::stem;
use hoinghi::{
    DocKind, Engine, Problem, Request, WebFormat, WebOptions, WriteOptions, Writer, text,
};
use serde::Deserialize;

use super::answer::{ApiError, say};
use super::api::{blocking, current_text, meeting_path};
use super::drafts::AppState;

/// The query of a download.
#[derive(Debug, Deserialize)]
pub struct Download {
    /// `1`: the "DỰ THẢO" watermark.
    #[serde(default)]
    draft: Option<String>,
    /// Which ballot's minutes, for a kind made per ballot (from 1).
    #[serde(default)]
    part: Option<usize>,
}

impl Download {
    /// The engine for this download: with or without the watermark.
    fn engine<'a>(&self, state: &'a AppState) -> &'a Engine {
        match self.draft.as_deref() {
            Some("1" | "true" | "on") => &state.draft_engine,
            _ => &state.engine,
        }
    }
}

/// `GET /api/meeting/{file}/pdf/{kind}`: one document of the draft as PDF.
pub async fn pdf(
    state: State<Arc<AppState>>,
    url: UrlPath<(String, String)>,
    query: Query<Download>,
) -> Result<Response, ApiError> {
    document(state, url, query, false).await
}

/// `GET /api/meeting/{file}/docx/{kind}`: one document of the draft as a Word file.
pub async fn docx(
    state: State<Arc<AppState>>,
    url: UrlPath<(String, String)>,
    query: Query<Download>,
) -> Result<Response, ApiError> {
    document(state, url, query, true).await
}

/// One document of the draft, as PDF or (`word`) as a Word file.
async fn document(
    State(state): State<Arc<AppState>>,
    UrlPath((file, slug)): UrlPath<(String, String)>,
    Query(query): Query<Download>,
    word: bool,
) -> Result<Response, ApiError> {
    let path = meeting_path(&state, &file)?;
    let kind = DocKind::ALL
        .into_iter()
        .find(|k| k.slug() == slug)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                text!(
                    "không có loại văn bản này",
                    "there is no such document kind"
                ),
            )
        })?;
    blocking(&state, move |state| {
        let engine = query.engine(state);
        let text = current_text(state, &file, &path)?;
        let prepared = engine
            .prepare_text(&text, super::folder::dir_of(&path))
            .map_err(|rejected| first_error(&rejected.problems))?;
        let plan = engine.plan(&prepared, Some(&[kind]));
        if !plan.missing.is_empty() {
            return Err(first_error(&plan.missing));
        }
        let made = engine
            .typeset_each(&prepared, kind, &file)
            .map_err(|e| failed(&e.message_for(&path, kind.slug())))?;
        let n = query.part.unwrap_or(1).max(1);
        let one = made
            .into_iter()
            .nth(n - 1)
            .ok_or_else(|| failed(&text!("không có lá phiếu số {n}", "there is no ballot {n}")))?;
        let name = format!("{}-{}", stem(&path), kind.file_stem(one.part));
        if !word {
            return Ok(attachment(
                one.typeset.pdf,
                "application/pdf",
                &format!("{name}.pdf"),
            ));
        }
        let docx = one.typeset.docx().map_err(|e| failed(&e))?;
        Ok(attachment(docx.bytes, DOCX_TYPE, &format!("{name}.docx")))
    })
    .await
}

/// `GET /api/meeting/{file}/zip`: the whole pack of the draft as one ZIP.
pub async fn zip(
    State(state): State<Arc<AppState>>,
    UrlPath(file): UrlPath<String>,
    Query(query): Query<Download>,
) -> Result<Response, ApiError> {
    let path = meeting_path(&state, &file)?;
    blocking(&state, move |state| {
        let engine = query.engine(state);
        let text = current_text(state, &file, &path)?;
        let request = Request {
            web: Some(WebOptions {
                formats: WebFormat::ALL.to_vec(),
                fragment: false,
                photo_max_side: 1600,
            }),
            ..Request::pdf(None, file.clone())
        };
        let report = engine.render_text(&path, &text, &request);
        if report.failed() {
            let mut problems = report.errors.clone();
            for doc in &report.documents {
                if let Err(e) = &doc.result {
                    problems.push(Problem::error("", e.message_for(&path, doc.kind.slug())));
                }
            }
            return Err(first_error(&problems));
        }
        let options = WriteOptions {
            docx: true,
            ..WriteOptions::pdf()
        };
        let writer = Writer::new(PathBuf::from("/goi"), options);
        let pending = writer.prepare(&report, &writer.folder_of(&path), engine.library_source());
        let (files, _) = pending.into_files();
        let bytes =
            zip_of(&files).map_err(|e| failed(&text!("lỗi khi nén: {e}", "cannot zip: {e}")))?;
        Ok(attachment(
            bytes,
            "application/zip",
            &format!("{}.zip", stem(&path)),
        ))
    })
    .await
}

/// The media type of a Word file.
const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The files (paths relative to the pack's root) as one ZIP, compressed, with the fixed
/// timestamp of the ZIP format's epoch: the same draft gives the same bytes.
fn zip_of(files: &[(PathBuf, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (path, bytes) in files {
        let name: Vec<String> = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        out.start_file(name.join("/"), options)?;
        out.write_all(bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// `bytes` as a download called `name` (an ASCII name made here, and the same in UTF-8).
fn attachment(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// The refusal of a draft that cannot be made: its first error, with its field.
fn first_error(problems: &[Problem]) -> ApiError {
    let Some(problem) = problems.iter().find(|p| p.is_error()) else {
        return failed(&text!("không soạn được", "cannot be made"));
    };
    let field = problem.path.clone().unwrap_or_default();
    let message = say(&problem.message);
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        text!(
            "chưa soạn được: {field}: {message}",
            "cannot be made yet: {field}: {message}"
        ),
    )
}

/// A document that failed: 422 with why.
fn failed(message: &hoinghi::Text) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message.clone())
}
