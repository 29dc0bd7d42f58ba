//! The JSON Schema of the meeting format, generated from the model types.
//!
//! Used by `hoinghi schema` (editor completion and checking through the YAML language server)
//! and by the loader to suggest field names for unknown keys.

use std::sync::OnceLock;

use serde_json::Value;

use crate::model::Meeting;

/// The JSON Schema of a meeting file, as a JSON value.
pub fn json_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let mut schema = schemars::schema_for!(Meeting).to_value();
        if let Some(obj) = schema.as_object_mut() {
            obj.insert(
                "title".into(),
                Value::String("hoinghi meeting file (schema v1)".into()),
            );
        }
        schema
    })
}

/// The JSON Schema, pretty-printed.
pub fn json_schema_text() -> String {
    serde_json::to_string_pretty(json_schema()).unwrap_or_default()
}

/// Field names allowed in the mapping at `path` (`""` for the top level, `members[2].signer`).
pub fn fields_at(path: &str) -> Vec<String> {
    let root = json_schema();
    let mut node = resolve(root, root);
    for segment in segments(path) {
        node = match segment {
            Segment::Key(k) => object_of(root, node)
                .and_then(|o| o.get("properties"))
                .and_then(|p| p.get(k))
                .map(|n| resolve(root, n)),
            Segment::Index => array_items(root, node),
        }
        .unwrap_or(&Value::Null);
    }
    object_of(root, node)
        .and_then(|o| o.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

enum Segment<'a> {
    Key(&'a str),
    Index,
}

fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|s| !s.is_empty()) {
        let key = part.split('[').next().unwrap_or("");
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        out.extend(part.matches('[').map(|_| Segment::Index));
    }
    out
}

/// Follows `$ref` and the `anyOf`/`oneOf` wrappers of optional fields.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    let mut node = node;
    for _ in 0..8 {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or("");
            node = root
                .get("$defs")
                .and_then(|d| d.get(name))
                .unwrap_or(&Value::Null);
        } else {
            break;
        }
    }
    node
}

fn object_of<'a>(root: &'a Value, node: &'a Value) -> Option<&'a Value> {
    if node.get("properties").is_some() {
        return Some(node);
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            for alt in list {
                let alt = resolve(root, alt);
                if let Some(o) = object_of(root, alt) {
                    return Some(o);
                }
            }
        }
    }
    None
}

fn array_items<'a>(root: &'a Value, node: &'a Value) -> Option<&'a Value> {
    if let Some(items) = node.get("items") {
        return Some(resolve(root, items));
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            for alt in list {
                if let Some(items) = array_items(root, resolve(root, alt)) {
                    return Some(items);
                }
            }
        }
    }
    None
}
