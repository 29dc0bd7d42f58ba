//! A meeting being edited in a form, previewed page by page: the same context, templates and
//! Typst world as [`Engine::render_file`], laid out without writing a PDF. Each document keeps
//! its Typst source between edits ([`Preview`]), edited rather than parsed anew, so Typst's
//! caches find every part an edit did not touch; the pages come back as SVG, only those the
//! viewer does not have already.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use typst::syntax::Source;

use super::document::{name_photos, photo_files};
use super::report::{DocError, Prepared};
use super::{Engine, guarded};
use crate::diag::Text;
use crate::kind::DocKind;

/// What one meeting's previews keep between edits: each document's last Typst source.
#[derive(Default)]
pub struct Preview {
    kept: HashMap<(DocKind, Option<usize>), Option<Source>>,
}

impl Preview {
    /// Nothing kept yet.
    pub fn new() -> Preview {
        Preview::default()
    }
}

/// One page of a preview.
#[derive(Debug, Clone)]
pub struct PreviewPage {
    /// A hash of what the page shows: the same hash, the same picture.
    pub hash: String,
    /// Width and height in points.
    pub size: (f64, f64),
    /// The page as SVG; `None` when the viewer said it has this page's hash already.
    pub svg: Option<String>,
    /// The words on the page, in the order they were laid out (the picture's text
    /// alternative, for a screen reader or a search).
    pub text: String,
}

/// A document previewed: its pages, Typst's warnings and where the time went.
#[derive(Debug, Clone)]
pub struct Previewed {
    /// Every page, in order.
    pub pages: Vec<PreviewPage>,
    /// Typst's warnings.
    pub warnings: Vec<Text>,
    /// Context and template (wording and Typst source).
    pub render_time: Duration,
    /// Typst's layout.
    pub layout_time: Duration,
    /// The SVG of the pages that changed.
    pub svg_time: Duration,
}

impl Engine {
    /// Lays out document `kind` (ballot `part` of it, for a kind made per ballot) of `prepared`
    /// as pages, the SVG of each page whose hash is not in `have`. `preview` is what this
    /// meeting kept from its last preview. A panic becomes the document's error.
    pub fn preview(
        &self,
        prepared: &Prepared,
        (kind, part): (DocKind, Option<usize>),
        have: &[String],
        preview: &mut Preview,
    ) -> Result<Previewed, DocError> {
        let kept = preview.kept.entry((kind, part)).or_default();
        guarded(|| self.preview_guarded(prepared, (kind, part), have, kept))
            .unwrap_or_else(|panic| Err(DocError::Panic(panic)))
    }

    fn preview_guarded(
        &self,
        prepared: &Prepared,
        (kind, part): (DocKind, Option<usize>),
        have: &[String],
        kept: &mut Option<Source>,
    ) -> Result<Previewed, DocError> {
        let started = Instant::now();
        let ctx = self.context(prepared)?;
        let source = self.render_source(&ctx, kind, part)?;
        let images = photo_files(prepared, &ctx);
        let job = self.job(prepared, &ctx, (kind, part), (source, images), "preview")?;
        let render_time = started.elapsed();
        let laid_out = Instant::now();
        let (document, warnings) = self.typesetter.preview(&job, kept).map_err(|mut e| {
            e.rendered = name_photos(&e.rendered, &ctx);
            self.typeset_error(kind, e)
        })?;
        let layout_time = laid_out.elapsed();
        let drawn = Instant::now();
        let options = typst_svg::SvgOptions::default();
        let pages = document
            .pages()
            .iter()
            .map(|page| {
                let hash = format!("{:032x}", typst::utils::hash128(page));
                let size = page.frame.size();
                let mut text = String::new();
                words_of(&page.frame, &mut text);
                PreviewPage {
                    svg: (!have.contains(&hash)).then(|| typst_svg::svg(page, &options)),
                    hash,
                    size: (size.x.to_pt(), size.y.to_pt()),
                    text: text.trim_end().to_owned(),
                }
            })
            .collect();
        Ok(Previewed {
            pages,
            warnings: warnings
                .into_iter()
                .map(|w| {
                    let w = w.trim_end();
                    text!(
                        "cảnh báo khi dàn trang:\n{w}",
                        "warning while typesetting:\n{w}"
                    )
                })
                .collect(),
            render_time,
            layout_time,
            svg_time: drawn.elapsed(),
        })
    }
}

/// Appends the text of `frame` to `out`, each run followed by a space.
fn words_of(frame: &typst::layout::Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            typst::layout::FrameItem::Group(group) => words_of(&group.frame, out),
            typst::layout::FrameItem::Text(run) => {
                out.push_str(run.text.as_str());
                out.push(' ');
            }
            _ => {}
        }
    }
}
