//! The routes: the page, the meetings of the folder, and one meeting's draft — edited, checked,
//! previewed, saved, given photos. Work that typesets runs on blocking threads, a bounded
//! number at once ([`RENDERS_AT_ONCE`](super::drafts::RENDERS_AT_ONCE)); a request that waits
//! too long is told the server is busy, and a panic fails its request only.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use hoinghi::{MAX_FILE_BYTES, MAX_PHOTO_BYTES, Starter, text};
use serde::{Deserialize, Serialize};

use super::answer::{ApiError, StateJson, say};
use super::drafts::{AppState, BUSY_AFTER};
use super::{download, edit, folder, guard, page};

/// Largest edit: a meeting file's text, or its data as JSON (which escapes more), with room.
const EDIT_LIMIT: usize = 3 * MAX_FILE_BYTES as usize;

/// Largest body of the other requests.
const SMALL_LIMIT: usize = 64 * 1024;

/// The server's routes, every one behind the guard.
pub fn router(state: Arc<AppState>) -> Router {
    let _ = super::answer::LANG.set(state.lang);
    Router::new()
        .route("/", get(page::index))
        .route("/static/app.js", get(page::script))
        .route("/static/app.css", get(page::style))
        .route("/api/schema", get(page::schema))
        .route("/api/fields", get(page::fields))
        .route("/api/meetings", get(list))
        .route("/api/meetings/new", post(new_meeting))
        .route(
            "/api/meetings/open",
            post(open_meeting).layer(DefaultBodyLimit::max(MAX_FILE_BYTES as usize)),
        )
        .route("/api/meeting/{file}", get(meeting))
        .route(
            "/api/meeting/{file}/edit",
            post(edit::edit).layer(DefaultBodyLimit::max(EDIT_LIMIT)),
        )
        .route("/api/meeting/{file}/save", post(save))
        .route(
            "/api/meeting/{file}/photo",
            post(photo).layer(DefaultBodyLimit::max(MAX_PHOTO_BYTES as usize)),
        )
        .route("/api/meeting/{file}/pdf/{kind}", get(download::pdf))
        .route("/api/meeting/{file}/docx/{kind}", get(download::docx))
        .route("/api/meeting/{file}/zip", get(download::zip))
        .layer(DefaultBodyLimit::max(SMALL_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .with_state(state)
}

/// Runs `work` on a blocking thread once a render slot is free: waits at most
/// [`BUSY_AFTER`], then answers 503; a panic becomes a 500 for this request only.
pub async fn blocking<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let permit = tokio::time::timeout(BUSY_AFTER, state.renders.acquire())
        .await
        .ok()
        .and_then(Result::ok)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                text!(
                    "máy đang bận soạn các văn bản khác; thử lại sau ít phút",
                    "the server is busy with other documents; try again in a minute"
                ),
            )
        })?;
    let state = Arc::clone(state);
    let done = tokio::task::spawn_blocking(move || work(&state)).await;
    drop(permit);
    done.unwrap_or_else(|_| {
        Err(ApiError::internal(text!(
            "lỗi nội bộ khi soạn (lỗi của hoinghi, xin báo lại); máy chủ vẫn chạy",
            "internal error while typesetting (a bug in hoinghi, please report it); the server goes on"
        )))
    })
}

/// The path of the meeting `file` of the folder, or 404.
pub fn meeting_path(state: &AppState, file: &str) -> Result<std::path::PathBuf, ApiError> {
    folder::meeting(&state.folder, file).ok_or_else(|| {
        let file = file.chars().take(100).collect::<String>();
        ApiError::new(
            StatusCode::NOT_FOUND,
            text!(
                "không có tệp cuộc họp {file:?} trong thư mục",
                "there is no meeting file {file:?} in the folder"
            ),
        )
    })
}

/// The text of the meeting at `path`: its unsaved draft, or the file.
pub fn current_text(
    state: &AppState,
    file: &str,
    path: &std::path::Path,
) -> Result<String, ApiError> {
    if let Some((text, _)) = state.draft_text(file) {
        return Ok(text);
    }
    read_text(path)
}

/// The file at `path` as UTF-8 text (with or without its mark), or why not; a file over a
/// meeting file's limit is not read.
pub fn read_text(path: &std::path::Path) -> Result<String, ApiError> {
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
        let limit = MAX_FILE_BYTES / 1_048_576;
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            text!(
                "tệp quá lớn; tệp cuộc họp không được quá {limit} MB",
                "the file is too large; a meeting file may be at most {limit} MB"
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        ApiError::internal(text!(
            "lỗi: không đọc được tệp: {e}",
            "error: cannot read the file: {e}"
        ))
    })?;
    decode(&bytes)
}

/// `bytes` of a meeting file as text, or 422 in words.
fn decode(bytes: &[u8]) -> Result<String, ApiError> {
    if let Ok(text) = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        return Ok(text.to_owned());
    }
    Err(ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        text!(
            "tệp không phải văn bản UTF-8; lưu lại tệp với bảng mã UTF-8 rồi mở lại",
            "the file is not UTF-8 text; save it again as UTF-8 and open it again"
        ),
    ))
}

/// One meeting of the list.
#[derive(Serialize)]
struct Listed {
    file: String,
    title: Option<String>,
    errors: usize,
    warnings: usize,
    #[serde(flatten)]
    state: StateJson,
    problem: Option<String>,
}

/// A starter the clerk can begin a meeting from.
#[derive(Serialize)]
struct StarterJson {
    id: &'static str,
    name: &'static str,
    documents: &'static str,
}

/// The starters, as `init --kind` names them.
const STARTERS: [(Starter, &str, &str); 3] = [
    (Starter::KyKet, "ky-ket", "Hội nghị ký kết giao ước thi đua"),
    (
        Starter::TongKet,
        "tong-ket",
        "Hội nghị tổng kết công tác thi đua, khen thưởng",
    ),
    (
        Starter::PhatDong,
        "phat-dong",
        "Hội nghị phát động thi đua và ký kết giao ước",
    ),
];

/// `GET /api/meetings`: the folder's meetings, each as `check` sees it, and the starters.
async fn list(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    let meetings = blocking(&state, |state| {
        Ok(folder::meetings(&state.folder)
            .into_iter()
            .map(|file| {
                let path = state.folder.join(&file);
                let checked = match state.draft_text(&file) {
                    Some((text, _)) => state.engine.prepare_text(&text, folder::dir_of(&path)),
                    None => state.engine.prepare(&path),
                };
                let title = checked.as_ref().ok().map(|p| p.meeting().bloc.name.clone());
                let state_json = StateJson::of(&state.engine, &checked);
                let problems = match &checked {
                    Ok(p) => p.warnings().to_vec(),
                    Err(r) => r.problems.clone(),
                };
                Listed {
                    file,
                    title,
                    errors: problems.iter().filter(|p| p.is_error()).count(),
                    warnings: problems.iter().filter(|p| !p.is_error()).count(),
                    problem: problems
                        .iter()
                        .find(|p| p.is_error())
                        .map(|p| say(&p.message)),
                    state: state_json,
                }
            })
            .collect::<Vec<_>>())
    })
    .await?;
    let starters: Vec<StarterJson> = STARTERS
        .iter()
        .map(|&(starter, id, name)| StarterJson {
            id,
            name,
            documents: starter.documents(),
        })
        .collect();
    let folder = state.folder.display().to_string();
    Ok(Json(serde_json::json!({
        "folder": folder,
        "meetings": meetings,
        "starters": starters,
    }))
    .into_response())
}

/// The body of `POST /api/meetings/new`.
#[derive(Deserialize)]
struct NewMeeting {
    starter: String,
    #[serde(default)]
    name: String,
}

/// `POST /api/meetings/new`: a meeting file from a starter, under a name made here.
async fn new_meeting(
    State(state): State<Arc<AppState>>,
    Json(body): Json<NewMeeting>,
) -> Result<Response, ApiError> {
    let Some(&(starter, id, _)) = STARTERS.iter().find(|(_, id, _)| *id == body.starter) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            text!("không có mẫu cuộc họp này", "there is no such starter"),
        ));
    };
    let wanted = if body.name.trim().is_empty() {
        id
    } else {
        &body.name
    };
    let name = folder::new_name(&state.folder, wanted, id, "yaml");
    folder::write_new(&state.folder, &name, starter.text().as_bytes())
        .map_err(ApiError::internal)?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "file": name })),
    )
        .into_response())
}

/// `POST /api/meetings/open`: a meeting file from the clerk's disk, copied into the folder
/// under a name made of its own (never its path).
async fn open_meeting(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    decode(&body)?;
    let sent = sent_name(&headers);
    let name = folder::new_name(&state.folder, &sent, "cuoc-hop", "yaml");
    folder::write_new(&state.folder, &name, &body).map_err(ApiError::internal)?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "file": name })),
    )
        .into_response())
}

/// The file name the browser sent (`X-File-Name`, percent-encoded), as text only.
fn sent_name(headers: &HeaderMap) -> String {
    let raw = headers
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    percent_decode(raw)
}

/// `s` with its `%XX` escapes decoded (invalid UTF-8 replaced).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `GET /api/meeting/{file}`: its text (the draft if there is one), as data, and its state.
async fn meeting(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let path = meeting_path(&state, &file)?;
    blocking(&state, move |state| {
        let (text, dirty) = match state.draft_text(&file) {
            Some(draft) => draft,
            None => (read_text(&path)?, false),
        };
        let checked = state.engine.prepare_text(&text, folder::dir_of(&path));
        Ok(Json(MeetingAnswer {
            data: as_data(&text),
            state: StateJson::of(&state.engine, &checked),
            dirty,
            yaml: text,
            file,
        })
        .into_response())
    })
    .await
}

/// The YAML document `text` as data for the form (sent as JSON, keys in the file's order);
/// `None` when it does not parse or has keys JSON cannot have.
pub fn as_data(text: &str) -> Option<serde_yaml::Value> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
    serde_json::to_writer(std::io::sink(), &value).ok()?;
    Some(value)
}

/// What `GET /api/meeting/{file}` answers.
#[derive(Serialize)]
struct MeetingAnswer {
    file: String,
    yaml: String,
    data: Option<serde_yaml::Value>,
    state: StateJson,
    dirty: bool,
}

/// `POST /api/meeting/{file}/save`: writes the draft to the file (atomically), keeping the
/// original once as `<file>.bak`.
async fn save(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let path = meeting_path(&state, &file)?;
    let Some((text, _)) = state.draft_text(&file) else {
        let message = say(&text!(
            "không có gì thay đổi để lưu",
            "nothing changed to save"
        ));
        return Ok(
            Json(serde_json::json!({"saved": false, "backup": null, "message": message}))
                .into_response(),
        );
    };
    let backup = folder::save(&path, &text).map_err(ApiError::internal)?;
    state.saved(&file, text);
    let message = match &backup {
        Some(bak) => text!(
            "đã lưu {file}. Bản gốc (có các dòng chú thích # mà biểu mẫu không giữ được) được giữ lại ở {bak}",
            "saved {file}. The original (with the # comments a form cannot keep) is kept as {bak}"
        ),
        None => text!("đã lưu {file}", "saved {file}"),
    };
    Ok(
        Json(serde_json::json!({"saved": true, "backup": backup, "message": say(&message)}))
            .into_response(),
    )
}

/// `POST /api/meeting/{file}/photo`: a photo dragged into the form, checked as `render`
/// checks photos, saved in `anh/` under a name made here.
async fn photo(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let path = meeting_path(&state, &file)?;
    let sent = sent_name(&headers);
    blocking(&state, move |state| {
        let shown = sent.chars().take(100).collect::<String>();
        let (extension, width, height) = hoinghi::check_photo(&body, "article.photos", &shown)
            .map_err(|p| ApiError::problem(&p))?;
        let dir = folder::dir_of(&path);
        let name = folder::new_name(&dir.join(folder::PHOTO_FOLDER), &sent, "anh", extension);
        let relative = format!("{}/{name}", folder::PHOTO_FOLDER);
        folder::write_new(&state.folder, dir.join(&relative), &body).map_err(ApiError::internal)?;
        Ok((
            StatusCode::CREATED,
            Json(serde_json::json!({"file": relative, "width": width, "height": height})),
        )
            .into_response())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sent_by_the_browser_are_decoded_as_text() {
        assert_eq!(
            percent_decode("H%E1%BB%99i%20tr%C6%B0%E1%BB%9Dng.jpg"),
            "Hội trường.jpg"
        );
        assert_eq!(percent_decode("..%2F..%2Fetc%2Fpasswd"), "../../etc/passwd");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
