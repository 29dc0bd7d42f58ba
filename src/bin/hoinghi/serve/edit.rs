//! `POST /api/meeting/{file}/edit`: the form or the YAML tab changed the draft (or the clerk
//! picked another document): the draft is checked by `check`'s checks, and the chosen document
//! is previewed from the meeting's kept Typst sources, only its changed pages drawn and sent.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use hoinghi::{DocKind, Prepared, Preview, Viewer, text};
use serde::{Deserialize, Serialize};

use super::answer::{ApiError, PreviewJson, StateJson, say};
use super::api::{as_data, blocking, meeting_path, read_text};
use super::drafts::{AppState, lock};
use super::folder;

/// The body of an edit.
#[derive(Deserialize)]
pub struct Edit {
    /// The form's meeting, whole.
    data: Option<serde_yaml::Value>,
    /// The YAML tab's text.
    yaml: Option<String>,
    /// The document to preview.
    doc: Option<String>,
    /// Which ballot's, for a document made per ballot (from 1).
    part: Option<usize>,
    /// The hashes of the pages the page shows already.
    #[serde(default)]
    have: Vec<String>,
    /// Pixels per point of the page's pictures (the pane's width in device pixels ÷ 595).
    scale: Option<f64>,
}

/// What an edit answers.
#[derive(Serialize)]
struct EditAnswer {
    yaml: String,
    /// The meeting as data, when the edit came from the YAML tab.
    data: Option<serde_yaml::Value>,
    state: StateJson,
    preview: PreviewJson,
    dirty: bool,
    timing: Timing,
}

/// Where an edit's time went, in milliseconds.
#[derive(Serialize, Default)]
struct Timing {
    total_ms: f64,
    check_ms: f64,
    render_ms: f64,
    layout_ms: f64,
    draw_ms: f64,
}

/// The edit handler.
pub async fn edit(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    Json(body): Json<Edit>,
) -> Result<Response, ApiError> {
    let started = Instant::now();
    let path = meeting_path(&state, &file)?;
    let text = match &body.data {
        Some(data) => Some(yaml_of(data)?),
        None => body.yaml.clone(),
    };
    let kind = kind_of(body.doc.as_deref())?;
    blocking(&state, move |state| {
        // A draft begins from the file as it is: one that cannot be read as text is refused,
        // never edited from nothing.
        let draft = state.draft(&file, || read_text(&path))?;
        let mut draft = lock(&draft);
        if let Some(text) = text {
            draft.text = text;
        }
        draft.used = Instant::now();
        let checked_at = Instant::now();
        let checked = state
            .engine
            .prepare_text(&draft.text, folder::dir_of(&path));
        let mut timing = Timing {
            check_ms: ms(checked_at),
            ..Timing::default()
        };
        let preview = match &checked {
            Ok(prepared) => {
                let viewer = Viewer {
                    have: &body.have,
                    pixel_per_pt: body.scale.unwrap_or(Viewer::fresh().pixel_per_pt),
                };
                let wanted = (kind, body.part, viewer);
                preview_of(state, prepared, wanted, &mut draft.preview, &mut timing)
            }
            Err(_) => PreviewJson::failed(kind, None, say(&text!(
                "tệp còn lỗi (xem các ô được đánh dấu); bản xem trước là lần soạn được gần nhất",
                "the file has errors (see the marked fields); the preview is the last one that could be made"
            ))),
        };
        let (text, dirty) = (draft.text.clone(), draft.dirty());
        drop(draft);
        state.evict(&file);
        timing.total_ms = ms(started);
        Ok(Json(EditAnswer {
            data: body.data.is_none().then(|| as_data(&text)).flatten(),
            state: StateJson::of(&state.engine, &checked),
            preview,
            dirty,
            timing,
            yaml: text,
        })
        .into_response())
    })
    .await
}

/// The preview of document `kind` (ballot `part`, from 1) of `prepared`, its pages not in
/// `have`; or, when the meeting lacks its data, what it lacks.
fn preview_of(
    state: &AppState,
    prepared: &Prepared,
    (kind, part, viewer): (DocKind, Option<usize>, Viewer),
    kept: &mut Preview,
    timing: &mut Timing,
) -> PreviewJson {
    let missing = state.engine.plan(prepared, Some(&[kind])).missing;
    if !missing.is_empty() {
        let lacks: Vec<String> = missing.iter().map(|p| say(&p.message)).collect();
        let lacks = lacks.join("; ");
        return PreviewJson::failed(
            kind,
            None,
            say(&text!(
                "văn bản này chưa soạn được: {lacks}",
                "this document cannot be made yet: {lacks}"
            )),
        );
    }
    let part = kind
        .parts_in(prepared.meeting())
        .into_iter()
        .nth(part.unwrap_or(1).saturating_sub(1))
        .flatten();
    match state.engine.preview(prepared, (kind, part), viewer, kept) {
        Ok(previewed) => {
            timing.render_ms = previewed.render_time.as_secs_f64() * 1000.0;
            timing.layout_ms = previewed.layout_time.as_secs_f64() * 1000.0;
            timing.draw_ms = previewed.draw_time.as_secs_f64() * 1000.0;
            PreviewJson::pages(kind, part, previewed)
        }
        Err(e) => PreviewJson::failed(kind, part, e.to_string()),
    }
}

/// The document kind of slug `doc` (the agreement when none is named), or 400.
fn kind_of(doc: Option<&str>) -> Result<DocKind, ApiError> {
    let Some(slug) = doc else {
        return Ok(DocKind::GiaoUoc);
    };
    DocKind::ALL
        .into_iter()
        .find(|k| k.slug() == slug)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                text!(
                    "không có loại văn bản này",
                    "there is no such document kind"
                ),
            )
        })
}

/// The form's meeting as the YAML of a meeting file, times quoted as docs/schema.md asks
/// (`start_time: "14:00"`), or 400.
fn yaml_of(data: &serde_yaml::Value) -> Result<String, ApiError> {
    let yaml = serde_yaml::to_string(data).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            text!(
                "dữ liệu biểu mẫu không hợp lệ: {e}",
                "the form's data is not valid: {e}"
            ),
        )
    })?;
    Ok(quote_times(&yaml))
}

/// `yaml` with every value that is a time or a span of times (`14:00`, `07:45 - 08:00`) in
/// double quotes: YAML 1.1 readers take `14:00` for a number in base 60.
fn quote_times(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 64);
    for line in yaml.lines() {
        match line.split_once(": ") {
            Some((key, value)) if is_time_span(value) && !key.trim_start().starts_with('#') => {
                out.push_str(&format!("{key}: \"{value}\""));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Whether `value` is a time (`7:45`, `14:00`) or two joined by a dash.
fn is_time_span(value: &str) -> bool {
    let is_time = |t: &str| {
        let t = t.trim();
        t.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        })
    };
    value.split(['-', '–']).all(is_time)
}

/// Milliseconds since `since`.
fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_written_from_the_form_are_quoted() {
        let yaml = "start_time: 08:00\nprogramme:\n- time: 07:45 - 08:00\n  title: 'Khai mạc: 10:00'\nyear: 2026\n";
        assert_eq!(
            quote_times(yaml),
            "start_time: \"08:00\"\nprogramme:\n- time: \"07:45 - 08:00\"\n  title: 'Khai mạc: 10:00'\nyear: 2026\n"
        );
    }
}
