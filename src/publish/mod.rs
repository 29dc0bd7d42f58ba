//! The article for the press office's other outlets: HTML for a web folder, Markdown and plain
//! text to paste into a CMS, and PNG previews of any document. The words are the article's,
//! worded once by `bai-tin.txt.j2` ([`crate::context::apply_words`]); each format's template
//! (`bai-tin.html.j2`, `bai-tin.md.j2`, `bai-tin.text.j2`) only lays them out, and the
//! renderer escapes every value for its format (HTML, Markdown; plain text as is).

pub mod photos;
pub mod png;

use std::path::Path;

use serde::Serialize;

use crate::context::ArticleCtx;
use crate::diag::Problem;
use crate::render::{Renderer, TemplateError};

pub use photos::WebPhoto;

/// A text format of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WebFormat {
    /// HTML5, semantic, no styling or scripts.
    Html,
    /// CommonMark.
    Markdown,
    /// Plain text.
    Text,
}

impl WebFormat {
    /// Every text format, in the order they are written.
    pub const ALL: [WebFormat; 3] = [WebFormat::Html, WebFormat::Markdown, WebFormat::Text];

    /// The output file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            WebFormat::Html => "html",
            WebFormat::Markdown => "md",
            WebFormat::Text => "txt",
        }
    }

    /// The layout template.
    pub fn template(self) -> &'static str {
        match self {
            WebFormat::Html => "bai-tin.html.j2",
            WebFormat::Markdown => "bai-tin.md.j2",
            WebFormat::Text => "bai-tin.text.j2",
        }
    }
}

/// How to publish.
#[derive(Debug, Clone)]
pub struct WebOptions {
    /// The formats to write.
    pub formats: Vec<WebFormat>,
    /// The article body alone (no page, no headline), for a site's editor.
    pub fragment: bool,
    /// Longest side of a published photo, in pixels.
    pub photo_max_side: u32,
}

/// The article in its text formats, with the photos they show.
#[derive(Debug, Clone)]
pub struct WebEdition {
    /// Each format's text.
    pub texts: Vec<(WebFormat, String)>,
    /// The photos, each with its file name inside the `anh/` folder beside the text.
    pub photos: Vec<(String, WebPhoto)>,
    /// Words, characters and photos.
    pub stats: ArticleStats,
}

/// The folder beside the article's text files that holds its photos.
pub const PHOTO_FOLDER: &str = "anh";

/// What the press office wants to know of an article before publishing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ArticleStats {
    /// Words of the headline.
    pub headline_words: usize,
    /// Words of the headline, lead and body (captions and byline not counted).
    pub words: usize,
    /// Characters of the same, spaces included.
    pub characters: usize,
    /// Photos.
    pub photos: usize,
}

/// The counts for `article` (after its words are in place).
pub fn stats(article: &ArticleCtx) -> ArticleStats {
    let title = web_text(&article.title);
    let parts: Vec<String> = std::iter::once(title.clone())
        .chain(std::iter::once(web_text(&article.lead)))
        .chain(article.paragraphs.iter().map(|p| web_text(p)))
        .collect();
    ArticleStats {
        headline_words: title.split_whitespace().count(),
        words: parts.iter().map(|p| p.split_whitespace().count()).sum(),
        characters: parts.iter().map(|p| p.chars().count()).sum(),
        photos: article.photos.len(),
    }
}

/// A value as a web page shows it: the typesetting marks (glue between the words of a name,
/// the written line break) become plain spaces, so that copied text pastes cleanly.
pub fn web_text(s: &str) -> String {
    let plain: String = s
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{205f}' | '\u{2007}' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect();
    crate::text::collapse_whitespace(&plain)
}

/// Why the article could not be published.
#[derive(Debug, Clone)]
pub enum PublishError {
    /// A photo could not be prepared (named by its field).
    Photo(Problem),
    /// A layout template failed.
    Template(TemplateError),
}

/// What a layout template sees: `article`, and `fragment`.
#[derive(Debug, Serialize)]
struct WebCtx<'a> {
    article: &'a WebArticle,
    fragment: bool,
}

/// The article as every text format prints it.
#[derive(Debug, Serialize)]
struct WebArticle {
    kicker: Option<String>,
    title: String,
    lead: String,
    /// Paragraphs and figures in reading order.
    blocks: Vec<WebBlock>,
    byline: String,
}

/// One paragraph or one figure.
#[derive(Debug, Serialize)]
struct WebBlock {
    text: Option<String>,
    photo: Option<WebFigure>,
}

#[derive(Debug, Serialize)]
struct WebFigure {
    src: String,
    width: u32,
    height: u32,
    caption: String,
}

/// Prepares the photos of `article` (files relative to `dir`, the meeting's folder) and
/// renders every format of `options`.
pub fn publish(
    renderer: &Renderer,
    article: &ArticleCtx,
    dir: &Path,
    options: &WebOptions,
) -> Result<WebEdition, PublishError> {
    let mut photos = Vec::new();
    for (i, photo) in article.photos.iter().enumerate() {
        let field = format!("article.photos[{i}].file");
        let full = crate::images::confined_image(dir, &photo.file).map_err(|p| {
            PublishError::Photo(Problem {
                path: Some(field.clone()),
                ..p
            })
        })?;
        let web = photos::for_web(&full, options.photo_max_side)
            .map_err(|e| PublishError::Photo(e.problem(&field, &photo.file)))?;
        photos.push((format!("{}.{}", i + 1, web.extension), web));
    }
    let view = view(article, &photos);
    let mut texts = Vec::new();
    for &format in &options.formats {
        let ctx = WebCtx {
            article: &view,
            fragment: options.fragment,
        };
        let text = renderer
            .render_value(format.template(), &ctx)
            .map_err(PublishError::Template)?;
        texts.push((format, tidy(&text)));
    }
    Ok(WebEdition {
        texts,
        photos,
        stats: stats(article),
    })
}

fn view(article: &ArticleCtx, photos: &[(String, WebPhoto)]) -> WebArticle {
    let figure = |i: usize| {
        let (name, web) = &photos[i];
        WebBlock {
            text: None,
            photo: Some(WebFigure {
                src: format!("{PHOTO_FOLDER}/{name}"),
                width: web.width,
                height: web.height,
                caption: web_text(&article.photos[i].caption),
            }),
        }
    };
    let mut blocks = Vec::new();
    for i in 0..photos.len() {
        if article.photos[i].after == 0 {
            blocks.push(figure(i));
        }
    }
    for (n, paragraph) in article.paragraphs.iter().enumerate() {
        blocks.push(WebBlock {
            text: Some(web_text(paragraph)),
            photo: None,
        });
        for i in 0..photos.len() {
            if article.photos[i].after == n + 1 {
                blocks.push(figure(i));
            }
        }
    }
    WebArticle {
        kicker: article
            .kicker
            .as_deref()
            .map(web_text)
            .filter(|k| !k.is_empty()),
        title: web_text(&article.title),
        lead: web_text(&article.lead),
        blocks,
        byline: web_text(&article.byline),
    }
}

/// At most one blank line in a row, no trailing spaces, one final newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_text_drops_typesetting_marks() {
        assert_eq!(
            web_text("Ảnh:\u{a0}Ngọc\u{a0}Sang,\u{2028}Khối\u{202f}thi đua"),
            "Ảnh: Ngọc Sang, Khối thi đua"
        );
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
