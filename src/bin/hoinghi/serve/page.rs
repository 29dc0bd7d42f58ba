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

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in copy of `name`.
    fn built_in(name: &str) -> serde_json::Value {
        let text = BUILT_IN.iter().find(|(n, _)| *n == name).unwrap().1;
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn every_field_of_the_schema_has_a_vietnamese_label_and_a_section() {
        let fields = built_in("fields.json");
        let schema: serde_json::Value = serde_json::from_str(&hoinghi::json_schema_text()).unwrap();
        // Each top-level key in exactly one section, with a label.
        let in_sections: Vec<&str> = fields["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["keys"].as_array().unwrap())
            .map(|k| k.as_str().unwrap())
            .collect();
        for key in schema["properties"].as_object().unwrap().keys() {
            let times = in_sections.iter().filter(|k| *k == key).count();
            assert_eq!(times, 1, "top-level {key} in {times} sections");
            assert!(fields["top"][key].is_string(), "no label for {key}");
        }
        // Every property of every object definition, labelled.
        for (name, def) in schema["$defs"].as_object().unwrap() {
            let Some(properties) = def["properties"].as_object() else {
                continue;
            };
            let labelled: Vec<&str> = fields["defs"][name]
                .as_array()
                .unwrap_or_else(|| panic!("no labels for {name}"))
                .iter()
                .map(|pair| pair[0].as_str().unwrap())
                .collect();
            for key in properties.keys() {
                assert!(
                    labelled.contains(&key.as_str()),
                    "no label for {name}.{key}"
                );
            }
        }
    }
}
