//! Templates to Typst source: the MiniJinja environment, its layered template store, the Typst
//! auto-escaper and the Vietnamese filters.
//!
//! Templates are embedded in the binary; `--templates DIR` overrides them file by file (the
//! shared Typst library `hoinghi.typ` too). Every value printed with `{{ }}` in a `.j2` template
//! is escaped for Typst markup unless a filter marked it safe (`|str` for code-mode arguments,
//! `|safe` for markup written by the template author); in `.html.j2` templates for HTML, in
//! `.md.j2` templates for Markdown; `.txt.j2`/`.text.j2` templates print plain text. This module never touches fonts or PDFs.

pub mod escape;
mod filters;
mod words;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use crate::context::Context;
use crate::diag::Text;
use crate::kind::DocKind;
use crate::vietnamese::glue_names;

pub use words::WORDS;
use words::Words;

/// Name of the shared Typst library, as templates import it (`#import "/hoinghi.typ": *`).
pub const LIBRARY: &str = "hoinghi.typ";

/// The article's words as plain text (headline, lead, paragraphs; blocks separated by blank
/// lines), shared by every format of the article.
pub const ARTICLE_TEXT: &str = "bai-tin.txt.j2";

/// The templates compiled into the binary: (file name, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "giao-uoc.typ.j2",
        include_str!("../../templates/giao-uoc.typ.j2"),
    ),
    (
        "bien-ban.typ.j2",
        include_str!("../../templates/bien-ban.typ.j2"),
    ),
    (
        "bai-tin.typ.j2",
        include_str!("../../templates/bai-tin.typ.j2"),
    ),
    (ARTICLE_TEXT, include_str!("../../templates/bai-tin.txt.j2")),
    (
        "giay-moi.typ.j2",
        include_str!("../../templates/giay-moi.typ.j2"),
    ),
    (
        "chuong-trinh.typ.j2",
        include_str!("../../templates/chuong-trinh.typ.j2"),
    ),
    (
        "danh-sach.typ.j2",
        include_str!("../../templates/danh-sach.typ.j2"),
    ),
    (
        "bien-ban-kiem-phieu.typ.j2",
        include_str!("../../templates/bien-ban-kiem-phieu.typ.j2"),
    ),
    (
        "to-trinh.typ.j2",
        include_str!("../../templates/to-trinh.typ.j2"),
    ),
    (
        "bai-tin.html.j2",
        include_str!("../../templates/bai-tin.html.j2"),
    ),
    (
        "bai-tin.md.j2",
        include_str!("../../templates/bai-tin.md.j2"),
    ),
    (
        "bai-tin.text.j2",
        include_str!("../../templates/bai-tin.text.j2"),
    ),
    (WORDS, include_str!("../../templates/mac-dinh.j2")),
    (LIBRARY, include_str!("../../templates/hoinghi.typ")),
];

/// The most a template may print for one document, in bytes: far above what the default
/// templates print for the largest meeting the limits allow (a pack of 600 invitations prints
/// about 1 MB; the samples at most 53 KB), so only a runaway template reaches it.
pub const MAX_OUTPUT_BYTES: usize = 32 * 1024 * 1024;

/// A template failed to load or render.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", message.en)]
pub struct TemplateError {
    /// Template file, with the folder it came from when overridden.
    pub template: String,
    /// Line in the template, when known.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: Text,
}

/// Where templates come from: the embedded set, overridden file by file from a folder.
#[derive(Debug, Clone, Default)]
pub struct TemplateStore {
    override_dir: Option<PathBuf>,
}

impl TemplateStore {
    /// A store that looks in `dir` first.
    pub fn new(override_dir: Option<&Path>) -> TemplateStore {
        TemplateStore {
            override_dir: override_dir.map(Path::to_path_buf),
        }
    }

    /// The text of template `name` and where it came from (a path, or "embedded").
    pub fn get(&self, name: &str) -> std::io::Result<Option<(String, String)>> {
        if name.contains("..") || name.starts_with('/') || name.contains('\\') {
            return Ok(None);
        }
        if let Some(dir) = &self.override_dir {
            let path = dir.join(name);
            if path.is_file() {
                return Ok(Some((
                    std::fs::read_to_string(&path)?,
                    path.display().to_string(),
                )));
            }
        }
        Ok(EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| ((*text).to_owned(), format!("{name} (embedded)"))))
    }

    /// Where template `name` comes from, for messages.
    pub fn origin(&self, name: &str) -> String {
        match self.get(name) {
            Ok(Some((_, origin))) => origin,
            _ => name.to_owned(),
        }
    }
}

/// Renders document templates to Typst source.
pub struct Renderer {
    env: Arc<Environment<'static>>,
    store: TemplateStore,
    library: String,
}

impl Renderer {
    /// A renderer reading templates from `store`.
    pub fn new(store: TemplateStore) -> Result<Renderer, TemplateError> {
        let mut env = Environment::new();
        // A misspelt variable in a template is an error at its line, never silently empty.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(true);
        env.set_fuel(Some(50_000_000));
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".typ.j2") {
                AutoEscape::Custom("typst")
            } else if name.ends_with(".html.j2") {
                AutoEscape::Custom("html")
            } else if name.ends_with(".md.j2") {
                AutoEscape::Custom("markdown")
            } else if name.ends_with(".txt.j2") || name.ends_with(".text.j2") {
                AutoEscape::Custom("text")
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            let escape: fn(&str) -> String = match state.auto_escape() {
                // Names and places never break across lines in running text.
                AutoEscape::Custom("typst") => |s| escape::markup(&glue_names(s)),
                AutoEscape::Custom("html") => escape::html,
                AutoEscape::Custom("markdown") => escape::markdown,
                // The article's text is cut into paragraphs at blank lines: a value is one
                // paragraph, as it is in every other format.
                AutoEscape::Custom("text") => |s| escape::one_paragraph(s).into_owned(),
                _ => return minijinja::escape_formatter(out, state, value),
            };
            if value.is_safe() {
                return minijinja::escape_formatter(out, state, value);
            }
            if !(value.is_undefined() || value.is_none()) {
                out.write_str(&escape(&value.to_string()))?;
            }
            Ok(())
        });
        let loader_store = store.clone();
        env.set_loader(move |name| {
            loader_store
                .get(name)
                .map(|t| t.map(|(text, _)| text))
                .map_err(|e| {
                    minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("cannot read template {name}: {e}"),
                    )
                })
        });
        filters::register(&mut env);
        let library = match store.get(LIBRARY) {
            Ok(Some((text, _))) => text,
            Ok(None) => String::new(),
            Err(e) => {
                return Err(TemplateError {
                    template: store.origin(LIBRARY),
                    line: None,
                    message: text!(
                        "không đọc được thư viện mẫu: {e}",
                        "cannot read the template library: {e}"
                    ),
                });
            }
        };
        Ok(Renderer {
            env: Arc::new(env),
            store,
            library,
        })
    }

    /// The shared Typst library's source.
    pub fn library(&self) -> &str {
        &self.library
    }

    /// Where a template comes from, for messages.
    pub fn origin(&self, name: &str) -> String {
        self.store.origin(name)
    }

    /// Renders the template of `kind` with `ctx`.
    pub fn render(&self, kind: DocKind, ctx: &Context) -> Result<String, TemplateError> {
        self.render_document(&kind.template(), ctx)
    }

    /// Renders template `name` with `ctx` and the shared words ([`WORDS`]) as `words`.
    fn render_document(&self, name: &str, ctx: &Context) -> Result<String, TemplateError> {
        let base = Value::from_serialize(ctx);
        let words = self.words(base.clone())?;
        self.render_value(
            name,
            &minijinja::context! { words => Value::from_object(words), ..base },
        )
    }

    /// The shared words evaluated with a document's context.
    fn words(&self, ctx: Value) -> Result<Words, TemplateError> {
        Words::new(self.env.clone(), ctx).map_err(|e| self.error(WORDS, &e))
    }

    /// The meeting's name as the shared words give it (the file's title, else "Hội nghị …"):
    /// the PDFs' subject.
    pub fn meeting_name(&self, ctx: &Context) -> Result<String, TemplateError> {
        self.words(Value::from_serialize(ctx))?
            .phrase("meeting_name")
            .map_err(|e| self.error(WORDS, &e))
    }

    /// Words the article of `ctx` (headline, lead, paragraphs) with the article's text
    /// template, and its photos' captions with the shared words, when the meeting has article
    /// data.
    pub fn word_article(&self, ctx: &mut Context) -> Result<(), TemplateError> {
        if ctx.article.is_none() {
            return Ok(());
        }
        let text = self.render_document(ARTICLE_TEXT, ctx)?;
        crate::context::apply_words(ctx, &text);
        let words = self.words(Value::from_serialize(&*ctx))?;
        if let Some(article) = ctx.article.as_mut() {
            for photo in &mut article.photos {
                photo.caption = words
                    .call_macro("photo_caption", &[Value::from_serialize(&*photo)])
                    .map_err(|e| self.error(WORDS, &e))?;
            }
        }
        Ok(())
    }

    /// Renders template `name` with any serialisable context (documents, the article's words and
    /// its web formats).
    pub fn render_value(
        &self,
        name: &str,
        ctx: &impl serde::Serialize,
    ) -> Result<String, TemplateError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.error(name, &e))?;
        let mut out = Capped::default();
        match template.render_captured_to(Value::from_serialize(ctx), &mut out) {
            Ok(_) => Ok(String::from_utf8(out.bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())),
            Err(_) if out.over => Err(self.too_long(name)),
            Err(e) => Err(self.error(name, &e)),
        }
    }

    /// Template `name` printed more than [`MAX_OUTPUT_BYTES`].
    fn too_long(&self, name: &str) -> TemplateError {
        let template = self.origin(name);
        let mb = MAX_OUTPUT_BYTES / (1024 * 1024);
        TemplateError {
            template: template.clone(),
            line: None,
            message: text!(
                "lỗi trong mẫu {template}: mẫu in ra quá {mb} MB cho một văn bản (vòng lặp không dừng?); không soạn văn bản này",
                "error in template {template}: the template printed more than {mb} MB for one document (an endless loop?); this document was not made"
            ),
        }
    }

    fn error(&self, name: &str, e: &minijinja::Error) -> TemplateError {
        let template = self.origin(e.name().unwrap_or(name));
        let (mut detail_vi, mut detail) = match e.detail() {
            Some(d) => (
                format!("{}: {d}", kind_vi(e.kind())),
                format!("{}: {d}", e.kind()),
            ),
            None => (kind_vi(e.kind()).to_owned(), e.kind().to_string()),
        };
        // What the template wrote where it failed (`meeting.venuee`): names the undefined
        // variable or the failing expression.
        if let Some(code) = e
            .template_source()
            .zip(e.range())
            .and_then(|(source, range)| source.get(range))
            .map(|code| crate::text::escape_controls(code.trim(), false))
            .filter(|code| !code.is_empty() && code.chars().count() <= 120)
        {
            detail = format!("{detail} (`{code}`)");
            detail_vi = format!("{detail_vi} (`{code}`)");
        }
        let line = e.line();
        let at_vi = line.map(|l| format!(", dòng {l}")).unwrap_or_default();
        let at_en = line.map(|l| format!(", line {l}")).unwrap_or_default();
        TemplateError {
            template: template.clone(),
            line,
            message: text!(
                "lỗi trong mẫu {template}{at_vi}: {detail_vi}",
                "error in template {template}{at_en}: {detail}"
            ),
        }
    }
}

/// What went wrong in a template, in Vietnamese (MiniJinja says it in English).
fn kind_vi(kind: minijinja::ErrorKind) -> &'static str {
    use minijinja::ErrorKind as K;
    match kind {
        K::UndefinedError => "giá trị chưa có (biến hay trường không tồn tại)",
        K::SyntaxError => "sai cú pháp mẫu",
        K::TemplateNotFound => "không tìm thấy mẫu",
        K::TooManyArguments => "thừa đối số",
        K::MissingArgument => "thiếu đối số",
        K::UnknownFilter => "không có bộ lọc này",
        K::UnknownTest => "không có phép thử này",
        K::UnknownFunction => "không có hàm này",
        K::UnknownMethod => "không có phương thức này",
        K::InvalidOperation => "phép toán không hợp lệ",
        K::NonPrimitive | K::NonKey => "giá trị không dùng được ở đây",
        K::CannotUnpack => "không tách được giá trị",
        K::OutOfFuel => "mẫu chạy quá nhiều bước (hết giới hạn)",
        K::WriteFailure => "không ghi được kết quả của mẫu",
        K::BadEscape | K::BadSerialization => "giá trị không đổi được",
        K::BadInclude | K::UnknownBlock | K::EvalBlock => "lỗi khi ghép mẫu",
        _ => "lỗi mẫu",
    }
}

/// A template's output, refused past [`MAX_OUTPUT_BYTES`].
#[derive(Default)]
struct Capped {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.over = true;
            return Err(std::io::Error::other("template output limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template that prints hundreds of megabytes stops at the limit with a message naming
    /// it, instead of filling memory.
    #[test]
    fn a_template_printing_past_the_limit_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let line = "x".repeat(200);
        let text = format!(
            "{{% for i in range(1000) %}}{{% for j in range(1000) %}}{line}{{% endfor %}}{{% endfor %}}"
        );
        std::fs::write(dir.path().join(ARTICLE_TEXT), text).unwrap();
        let renderer = Renderer::new(TemplateStore::new(Some(dir.path()))).unwrap();
        let e = renderer.render_value(ARTICLE_TEXT, &()).unwrap_err();
        assert!(
            e.message.vi.contains("mẫu in ra quá 32 MB"),
            "{}",
            e.message.vi
        );
        assert!(e.template.ends_with("bai-tin.txt.j2"), "{}", e.template);
    }
}
