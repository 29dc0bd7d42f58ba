//! A meeting being edited in a form, previewed page by page: the same context, templates and
//! Typst world as [`Engine::render_file`], laid out without writing a PDF. Each document keeps
//! its Typst source between edits ([`Preview`]), edited rather than parsed anew, so Typst's
//! caches find every part an edit did not touch; the pages come back as PNG at the viewer's
//! resolution, only those the viewer does not have already. (SVG from typst-svg was tried
//! first: a page of text is 200–450 KB of glyph outlines and `<use>`s, which Chromium took
//! 60–115 ms to draw; a PNG of the same page, 20–40 ms.)

use std::collections::HashMap;
use std::time::{Duration, Instant};

use typst::syntax::Source;

use super::document::{Sources, name_photos, photo_files};
use super::report::{DocError, Prepared};
use super::{Engine, guarded};
use crate::context::Context;
use crate::diag::Text;
use crate::kind::DocKind;
use crate::typeset::{Job, TypesetError};

/// What one meeting's previews keep between edits: each document's last Typst source, and a
/// hash of each row of the pictures last sent (so the next picture of a page can be sent as
/// the strip of rows that changed).
#[derive(Default)]
pub struct Preview {
    kept: HashMap<(DocKind, Option<usize>), Option<Source>>,
    rows: HashMap<String, Vec<u64>>,
}

impl Preview {
    /// Nothing kept yet.
    pub fn new() -> Preview {
        Preview::default()
    }
}

/// What the viewer asks of a preview.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    /// The hashes of the pages it shows already: those are not drawn again.
    pub have: &'a [String],
    /// Pixels per point of the pictures (its width in pixels ÷ the page's in points, times
    /// its pixel ratio), between [`Viewer::SCALES`].
    pub pixel_per_pt: f64,
}

impl Viewer<'_> {
    /// The resolutions a viewer may ask for, in pixels per point.
    pub const SCALES: std::ops::RangeInclusive<f64> = 0.5..=3.0;

    /// A viewer with nothing yet, at 1.5 pixels per point (108 per inch).
    pub fn fresh() -> Viewer<'static> {
        Viewer {
            have: &[],
            pixel_per_pt: 1.5,
        }
    }
}

/// One page of a preview.
#[derive(Debug, Clone)]
pub struct PreviewPage {
    /// A hash of what the page shows, at its resolution: the same hash, the same picture.
    pub hash: String,
    /// Width and height in points.
    pub size: (f64, f64),
    /// Its picture's width and height in pixels.
    pub pixels: (u32, u32),
    /// What the viewer is sent of its picture.
    pub picture: Picture,
    /// The words on the page, in the order they were laid out (the picture's text
    /// alternative, for a screen reader or a search).
    pub text: String,
}

/// What a viewer is sent of a page's picture.
#[derive(Debug, Clone)]
pub enum Picture {
    /// Nothing: the viewer has it (its hash was in [`Viewer::have`]).
    Kept,
    /// The whole picture, as PNG.
    Whole(Vec<u8>),
    /// Not drawn yet: a viewer with no pictures gets the first [`FIRST_DRAWN`] pages at once
    /// and asks again for the others (with the ones it has).
    Later,
    /// The rows that changed, as PNG, to be drawn from row `top` over the picture of hash
    /// `base` that the viewer has at this page's place.
    Strip {
        /// The picture the strip is drawn over.
        base: String,
        /// The first row of the strip.
        top: u32,
        /// The strip.
        png: Vec<u8>,
    },
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
    /// Drawing the pages that changed.
    pub draw_time: Duration,
}

impl Engine {
    /// Lays out document `kind` (ballot `part` of it, for a kind made per ballot) of `prepared`
    /// as pages, the picture of each page `viewer` does not have. `preview` is what this
    /// meeting kept from its last preview. A panic becomes the document's error.
    pub fn preview(
        &self,
        prepared: &Prepared,
        (kind, part): (DocKind, Option<usize>),
        viewer: Viewer,
        preview: &mut Preview,
    ) -> Result<Previewed, DocError> {
        let Preview { kept, rows } = preview;
        let kept = kept.entry((kind, part)).or_default();
        guarded(|| self.preview_guarded(prepared, (kind, part), viewer, (kept, rows)))
            .unwrap_or_else(|panic| Err(DocError::Panic(panic)))
    }

    /// Lays out `source` of `kind` (one of `sources`, perhaps edited by hand) as
    /// [`Engine::preview`] lays out a document: the floor of a preview, Typst alone, that a
    /// benchmark measures the preview against. `preview` keeps the source between calls.
    pub fn preview_source(
        &self,
        prepared: &Prepared,
        sources: &Sources,
        (kind, source): (DocKind, String),
        viewer: Viewer,
        preview: &mut Preview,
    ) -> Result<Previewed, DocError> {
        let Preview { kept, rows } = preview;
        let kept = kept.entry((kind, None)).or_default();
        let images = photo_files(prepared, &sources.ctx);
        let job = self.job(
            prepared,
            &sources.ctx,
            (kind, None),
            (source, images),
            "preview",
        )?;
        self.lay_out_preview(&sources.ctx, kind, &job, viewer, (kept, rows))
            .map(|mut previewed| {
                previewed.render_time = Duration::ZERO;
                previewed
            })
    }

    fn preview_guarded(
        &self,
        prepared: &Prepared,
        (kind, part): (DocKind, Option<usize>),
        viewer: Viewer,
        kept: Kept,
    ) -> Result<Previewed, DocError> {
        let started = Instant::now();
        let ctx = self.context(prepared)?;
        let source = self.render_source(&ctx, kind, part)?;
        let images = photo_files(prepared, &ctx);
        let job = self.job(prepared, &ctx, (kind, part), (source, images), "preview")?;
        let render_time = started.elapsed();
        let mut previewed = self.lay_out_preview(&ctx, kind, &job, viewer, kept)?;
        previewed.render_time = render_time;
        Ok(previewed)
    }

    /// Lays out `job` from the `kept` source, the picture of each page `viewer` does not have.
    fn lay_out_preview(
        &self,
        ctx: &Context,
        kind: DocKind,
        job: &Job,
        viewer: Viewer,
        (kept, rows): Kept,
    ) -> Result<Previewed, DocError> {
        let laid_out = Instant::now();
        let (document, warnings) = self.typesetter.preview(job, kept).map_err(|mut e| {
            e.rendered = name_photos(&e.rendered, ctx);
            self.typeset_error(kind, e)
        })?;
        let layout_time = laid_out.elapsed();
        let drawing = Instant::now();
        let scale = viewer
            .pixel_per_pt
            .clamp(*Viewer::SCALES.start(), *Viewer::SCALES.end());
        // Pages are drawn side by side: a first preview draws them all.
        use rayon::prelude::*;
        let drawn = document
            .pages()
            .par_iter()
            .enumerate()
            .map(|(i, page)| {
                let hash = page_hash(page, scale);
                let size = page.frame.size();
                let (pixels, picture, page_rows) =
                    picture(page, (i, &hash), scale, viewer, rows)
                        .map_err(|e| self.typeset_error(kind, TypesetError::limit(e)))?;
                let mut text = String::new();
                words_of(&page.frame, &mut text);
                let page = PreviewPage {
                    pixels,
                    picture,
                    hash,
                    size: (size.x.to_pt(), size.y.to_pt()),
                    text: text.trim_end().to_owned(),
                };
                Ok((page, page_rows))
            })
            .collect::<Result<Vec<_>, DocError>>()?;
        let mut pages = Vec::with_capacity(drawn.len());
        let mut sent = HashMap::new();
        for (page, page_rows) in drawn {
            if !page_rows.is_empty() {
                sent.insert(page.hash.clone(), page_rows);
            }
            pages.push(page);
        }
        *rows = sent;
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
            render_time: Duration::ZERO,
            layout_time,
            draw_time: drawing.elapsed(),
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

/// How many pages a viewer with no pictures gets drawn in its first answer: the pages it sees
/// come sooner, and the rest on its next request.
pub const FIRST_DRAWN: usize = 2;

/// What a preview keeps of a document: its last source, and the row hashes of the pictures
/// last sent, by page hash.
type Kept<'a> = (&'a mut Option<Source>, &'a mut HashMap<String, Vec<u64>>);

/// A page's picture for a viewer: its size in pixels, what is sent, its row hashes.
type Drawn = ((u32, u32), Picture, Vec<u64>);

/// The picture of page `i` (of `hash`) for `viewer`, with its size in pixels and its row
/// hashes: nothing when the viewer has it; the strip of rows that changed when the viewer has
/// this place's last picture and less than half of it changed; else the whole. `last` holds
/// the row hashes of the pictures last sent.
fn picture(
    page: &typst_layout::Page,
    (i, hash): (usize, &str),
    scale: f64,
    viewer: Viewer,
    last: &HashMap<String, Vec<u64>>,
) -> Result<Drawn, Text> {
    let size = page.frame.size();
    let pixels = (
        (size.x.to_pt() * scale).ceil() as u32,
        (size.y.to_pt() * scale).ceil() as u32,
    );
    if viewer.have.iter().any(|h| h == hash)
        && let Some(rows) = last.get(hash)
    {
        return Ok((pixels, Picture::Kept, rows.clone()));
    }
    if viewer.have.is_empty() && i >= FIRST_DRAWN {
        return Ok((pixels, Picture::Later, Vec::new()));
    }
    let (width, height, rgb) = crate::publish::png::draw_page(page, scale)?;
    let stride = width as usize * 3;
    let rows: Vec<u64> = rgb.chunks_exact(stride).map(row_hash).collect();
    let base = viewer.have.get(i).filter(|base| {
        last.get(base.as_str())
            .is_some_and(|old| old.len() == rows.len())
    });
    let picture = match base {
        Some(base) => {
            let old = &last[base.as_str()];
            let first = rows.iter().zip(old).position(|(a, b)| a != b).unwrap_or(0);
            let end = rows.len()
                - rows
                    .iter()
                    .rev()
                    .zip(old.iter().rev())
                    .position(|(a, b)| a != b)
                    .unwrap_or(rows.len() - 1);
            if (end - first) * 2 < rows.len() {
                Picture::Strip {
                    base: base.clone(),
                    top: first as u32,
                    png: crate::publish::png::encode_rgb(
                        width,
                        &rgb[first * stride..end * stride],
                    )?,
                }
            } else {
                Picture::Whole(crate::publish::png::encode_rgb(width, &rgb)?)
            }
        }
        None => Picture::Whole(crate::publish::png::encode_rgb(width, &rgb)?),
    };
    Ok(((width, height), picture, rows))
}

/// A hash of one row of pixels.
fn row_hash(row: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    row.hash(&mut hasher);
    hasher.finish()
}

/// A hash of what `page` shows at `scale`: its items' kinds, places, glyphs, fonts, colours,
/// shapes and images, but not their places in the source (an edit elsewhere in the source
/// moves those), nor the tags and links a picture does not show.
fn page_hash(page: &typst_layout::Page, scale: f64) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    scale.to_bits().hash(&mut hasher);
    page.fill.hash(&mut hasher);
    hash_frame(&page.frame, &mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Feeds what `frame` shows to `hasher` (see [`page_hash`]).
fn hash_frame(frame: &typst::layout::Frame, hasher: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    use typst::layout::FrameItem;
    frame.size().hash(hasher);
    for (pos, item) in frame.items() {
        pos.hash(hasher);
        match item {
            FrameItem::Group(group) => {
                0u8.hash(hasher);
                group.transform.hash(hasher);
                group.clip.hash(hasher);
                hash_frame(&group.frame, hasher);
            }
            FrameItem::Text(run) => {
                1u8.hash(hasher);
                (&run.font, run.size, &run.fill, &run.stroke, &run.text).hash(hasher);
                for glyph in &run.glyphs {
                    let offsets = (
                        glyph.x_advance,
                        glyph.x_offset,
                        glyph.y_advance,
                        glyph.y_offset,
                    );
                    (glyph.id, offsets).hash(hasher);
                }
            }
            FrameItem::Shape(shape, _) => (2u8, shape).hash(hasher),
            FrameItem::Image(image, size, _) => (3u8, image, size).hash(hasher),
            FrameItem::Link(..) | FrameItem::Tag(_) => {}
        }
    }
}
