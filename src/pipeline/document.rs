//! One document of a meeting: its template rendered to Typst source, then typeset, each step
//! guarded so that a failure or a panic becomes that document's error.

use std::time::Instant;

use super::report::{DocError, Document, Prepared, Rendered};
use super::{Engine, guarded};
use crate::context::Context;
use crate::diag::Text;
use crate::kind::DocKind;
use crate::typeset::{Job, Metadata, Typeset};
use crate::vietnamese::tone;

/// A meeting's documents as Typst sources, before typesetting: what `--emit-typst` writes and
/// what the benchmark's floor typesets with Typst alone.
pub struct Sources {
    pub(super) ctx: Context,
    /// Each kind's generated source (a kind made per ballot: one per ballot, in order).
    pub sources: Vec<(DocKind, String)>,
}

impl Engine {
    /// The Typst sources of `kinds` of `prepared` (a kind made per ballot once per ballot).
    pub fn sources(&self, prepared: &Prepared, kinds: &[DocKind]) -> Result<Sources, DocError> {
        let ctx = self.context(prepared)?;
        let sources = documents(prepared, kinds)
            .into_iter()
            .map(|(kind, part)| Ok((kind, self.render_source(&ctx, kind, part)?)))
            .collect::<Result<_, DocError>>()?;
        Ok(Sources { ctx, sources })
    }

    /// Typesets `source` of `kind` (one of `sources`) exactly as [`Engine::render_file`] does:
    /// the same fonts, library, images, date, metadata and PDF options.
    pub fn typeset_source(
        &self,
        prepared: &Prepared,
        sources: &Sources,
        kind: DocKind,
        source: String,
        ident: &str,
    ) -> Result<Typeset, DocError> {
        let images = photo_files(prepared, &sources.ctx);
        self.typeset_with(
            prepared,
            &sources.ctx,
            (kind, None),
            (source, images),
            ident,
        )
        .map(|(typeset, _)| typeset)
    }

    /// Renders and typesets one document `kind` of `prepared` (its own context); of a kind
    /// made per ballot, the first ballot's ([`Engine::typeset_each`] makes them all).
    pub fn typeset(
        &self,
        prepared: &Prepared,
        kind: DocKind,
        ident: &str,
    ) -> Result<Rendered, DocError> {
        let context = self.guarded_context(prepared);
        let part = kind.parts_in(&prepared.meeting)[0];
        rendered(self.make(prepared, &context, (kind, part), ident, true))
    }

    /// Renders and typesets every document of `kind` of `prepared`: one, or one per secret
    /// ballot (`counting.per_ballot`), in order; the first that fails is the error.
    pub fn typeset_each(
        &self,
        prepared: &Prepared,
        kind: DocKind,
        ident: &str,
    ) -> Result<Vec<Rendered>, DocError> {
        let context = self.guarded_context(prepared);
        kind.parts_in(&prepared.meeting)
            .into_iter()
            .map(|part| rendered(self.make(prepared, &context, (kind, part), ident, true)))
            .collect()
    }

    /// Makes `kinds` of `prepared` (a kind made per ballot, once per ballot), the context
    /// built once and shared. The documents are typeset side by side on the current rayon
    /// pool: one meeting's documents are independent, and a clerk waiting for one meeting gets
    /// them sooner. (`batch` runs its meetings on a pool whose threads are all busy, so there
    /// they run one after another.)
    pub(super) fn render_with(
        &self,
        prepared: &Prepared,
        context: &Result<Context, DocError>,
        kinds: &[DocKind],
        ident: &str,
        keep_source: bool,
    ) -> Vec<Document> {
        use rayon::prelude::*;
        documents(prepared, kinds)
            .into_par_iter()
            .map(|doc| self.make(prepared, context, doc, ident, keep_source))
            .collect()
    }

    /// Renders the template of `kind` (for `part`) and typesets it; a panic becomes the
    /// document's error.
    fn make(
        &self,
        prepared: &Prepared,
        context: &Result<Context, DocError>,
        (kind, part): (DocKind, Option<usize>),
        ident: &str,
        keep_source: bool,
    ) -> Document {
        let started = Instant::now();
        let mut doc = Document {
            kind,
            part,
            source: None,
            photos: Vec::new(),
            result: Err(DocError::Panic(String::new())),
            warnings: Vec::new(),
            elapsed: Default::default(),
        };
        let made = match context {
            Ok(ctx) => guarded(|| {
                let source = self.render_source(ctx, kind, part)?;
                let images = photo_files(prepared, ctx);
                if keep_source {
                    doc.photos = images
                        .iter()
                        .filter(|(slot, _)| source.contains(slot.as_str()))
                        .cloned()
                        .collect();
                    doc.source = Some(source.clone());
                }
                self.typeset_with(prepared, ctx, (kind, part), (source, images), ident)
            })
            .unwrap_or_else(|panic| Err(DocError::Panic(panic))),
            Err(e) => Err(e.clone()),
        };
        doc.result = made.map(|(typeset, warnings)| {
            doc.warnings = warnings;
            typeset
        });
        doc.elapsed = started.elapsed();
        doc
    }

    /// The Typst source of `kind` for `ctx` (of one ballot's minutes with `part`), in the
    /// run's tone style.
    pub(super) fn render_source(
        &self,
        ctx: &Context,
        kind: DocKind,
        part: Option<usize>,
    ) -> Result<String, DocError> {
        let source = match part {
            None => self.renderer.render(kind, ctx),
            Some(n) => {
                let mut one = ctx.clone();
                one.pack.counting = ctx.pack.counting.as_ref().and_then(|c| c.part(n));
                if one.pack.counting.is_none() {
                    return Err(DocError::Panic(format!("no ballot {n} to count")));
                }
                self.renderer.render(kind, &one)
            }
        }
        .map_err(DocError::Template)?;
        Ok(match self.settings.load.hygiene.tone_style {
            Some(style) => tone::normalize_tone(&source, style),
            None => source,
        })
    }

    /// The Typst job of `source` of `kind` (`part` of it), reading the article's photos
    /// `images`: its name, library, date, identifier and metadata.
    pub(super) fn job(
        &self,
        prepared: &Prepared,
        ctx: &Context,
        (kind, part): (DocKind, Option<usize>),
        (source, images): (String, Vec<(String, std::path::PathBuf)>),
        ident: &str,
    ) -> Result<Job, DocError> {
        let stem = kind.file_stem(part);
        Ok(Job {
            main_path: format!("/{stem}.typ"),
            main_name: format!(
                "{stem}.typ (sinh từ mẫu / generated from {})",
                self.renderer.origin(&kind.template())
            ),
            source,
            library: (self.library.clone(), self.library_name.clone()),
            images,
            date: prepared.schedule.date,
            ident: format!("{ident}#{stem}"),
            metadata: Metadata {
                author: ctx.bloc_name.clone(),
                subject: self
                    .renderer
                    .meeting_name(ctx)
                    .map_err(DocError::Template)?,
                keywords: vec![
                    kind.name_vi().to_owned(),
                    "thi đua".to_owned(),
                    ctx.year.to_string(),
                ],
            },
            pdf_a: self.settings.pdf_a,
            epoch: self.settings.epoch,
            split_pages: kind == DocKind::GiayMoi,
        })
    }

    /// Typesets `source` of `kind` (`part` of it), reading the article's photos `images`; the
    /// document and its warnings.
    fn typeset_with(
        &self,
        prepared: &Prepared,
        ctx: &Context,
        (kind, part): (DocKind, Option<usize>),
        (source, images): (String, Vec<(String, std::path::PathBuf)>),
        ident: &str,
    ) -> Result<(Typeset, Vec<Text>), DocError> {
        let stem = kind.file_stem(part);
        let job = self.job(prepared, ctx, (kind, part), (source, images), ident)?;
        let mut typeset = self.typesetter.typeset(job).map_err(|mut e| {
            e.rendered = name_photos(&e.rendered, ctx);
            self.typeset_error(kind, e)
        })?;
        let mut warnings: Vec<Text> = std::mem::take(&mut typeset.warnings)
            .into_iter()
            .map(|w| {
                let w = w.trim_end();
                text!(
                    "cảnh báo khi dàn trang {stem}:\n{w}",
                    "warning while typesetting {stem}:\n{w}"
                )
            })
            .collect();
        if let Some(inv) = &ctx.pack.invitation
            && !typeset.parts.is_empty()
        {
            if typeset.parts.len() == inv.invitees.len() {
                let names: Vec<String> = inv.invitees.iter().map(|i| i.file.clone()).collect();
                typeset.name_parts(&names);
            } else {
                // An invitation ran over a page: the pages no longer match the invitees.
                typeset.parts.clear();
                let (pages, invitations) = (typeset.document.pages().len(), inv.invitees.len());
                warnings.push(text!(
                    "cảnh báo: có giấy mời dài hơn một trang ({pages} trang cho {invitations} giấy mời); chỉ ghi tệp gộp giay-moi.pdf",
                    "warning: an invitation runs over one page ({pages} pages for {invitations} invitations); only the combined giay-moi.pdf is written"
                ));
            }
        }
        Ok((typeset, warnings))
    }

    /// Typst's failure, or a bound the document of `kind` went past: that one the template's
    /// error, naming it.
    pub(super) fn typeset_error(&self, kind: DocKind, e: crate::typeset::TypesetError) -> DocError {
        match e.limit {
            Some(limit) => {
                let template = self.renderer.origin(&kind.template());
                let (vi, en) = (&limit.vi, &limit.en);
                DocError::Template(crate::render::TemplateError {
                    template: template.clone(),
                    line: None,
                    message: text!(
                        "lỗi trong mẫu {template}: {vi}; không ghi tệp PDF này",
                        "error in template {template}: {en}; this PDF was not written"
                    ),
                })
            }
            None => DocError::Typst(e),
        }
    }
}

/// The documents of `kinds` of `prepared`: each kind with its parts ([`DocKind::parts_in`]).
fn documents(prepared: &Prepared, kinds: &[DocKind]) -> Vec<(DocKind, Option<usize>)> {
    kinds
        .iter()
        .flat_map(|&kind| {
            kind.parts_in(&prepared.meeting)
                .into_iter()
                .map(move |part| (kind, part))
        })
        .collect()
}

/// A document made, as [`Engine::typeset`] hands it back.
fn rendered(doc: Document) -> Result<Rendered, DocError> {
    Ok(Rendered {
        kind: doc.kind,
        part: doc.part,
        source: doc.source.unwrap_or_default(),
        typeset: doc.result?,
        warnings: doc.warnings,
        elapsed: doc.elapsed,
    })
}

/// The article's photos as Typst reads them: each one's virtual path (`/anh-goc/0.png`) and
/// its file, confined to the meeting's folder.
pub(super) fn photo_files(prepared: &Prepared, ctx: &Context) -> Vec<(String, std::path::PathBuf)> {
    ctx.article
        .iter()
        .flat_map(|a| &a.photos)
        .filter_map(|p| {
            crate::images::confined_image(&prepared.dir, &p.file)
                .ok()
                .map(|real| (p.slot.clone(), real))
        })
        .collect()
}

/// Typst's diagnostics with each photo's internal path (`/anh-goc/0.svg`) replaced by the field
/// and the file the clerk wrote (`article.photos[0].file (anh/so-do.svg)`).
pub(super) fn name_photos(rendered: &str, ctx: &Context) -> String {
    let Some(article) = &ctx.article else {
        return rendered.to_owned();
    };
    // Two passes through markers, so a file named like a slot is not replaced twice.
    let mut out = rendered.to_owned();
    for (i, photo) in article.photos.iter().enumerate() {
        let marker = format!("\u{0}{i}\u{0}");
        out = out.replace(&photo.slot, &marker);
        out = out.replace(photo.slot.trim_start_matches('/'), &marker);
    }
    for (i, photo) in article.photos.iter().enumerate() {
        let named = format!("article.photos[{i}].file ({})", photo.file);
        out = out.replace(&format!("\u{0}{i}\u{0}"), &named);
    }
    out
}
