//! The page itself: plain HTML, CSS and JavaScript embedded in the binary (no build step, no
//! CDN), with the meeting file's JSON Schema and the form's Vietnamese labels. With
//! `HOINGHI_SERVE_PAGE_DIR` set, the four files are read from that folder at each request
//! instead, for working on the page without rebuilding.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The four files of the page, as built in.
const BUILT_IN: [(&str, &str); 4] = [
    ("index.html", include_str!("page/index.html")),
    ("app.js", include_str!("page/app.js")),
    ("app.css", include_str!("page/app.css")),
    ("fields.json", include_str!("page/fields.json")),
];

/// The page file `name`: from `HOINGHI_SERVE_PAGE_DIR` when set (and readable), else built in.
fn file(name: &str) -> String {
    if let Some(dir) = std::env::var_os("HOINGHI_SERVE_PAGE_DIR")
        && let Ok(text) = std::fs::read_to_string(std::path::Path::new(&dir).join(name))
    {
        return text;
    }
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| (*text).to_owned())
        .unwrap_or_default()
}

/// `name` answered with its content type.
fn answer(name: &str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], file(name)).into_response()
}

/// `GET /`: the page.
pub async fn index() -> Response {
    answer("index.html", "text/html; charset=utf-8")
}

/// `GET /static/app.js`.
pub async fn script() -> Response {
    answer("app.js", "text/javascript; charset=utf-8")
}

/// `GET /static/app.css`.
pub async fn style() -> Response {
    answer("app.css", "text/css; charset=utf-8")
}

/// `GET /api/fields`: the form's sections, labels and order.
pub async fn fields() -> Response {
    answer("fields.json", "application/json")
}

/// `GET /api/schema`: the meeting file's JSON Schema.
pub async fn schema() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        hoinghi::json_schema_text(),
    )
        .into_response()
}
