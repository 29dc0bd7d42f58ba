//! The news article's facts (outlet, photos, byline, whether to name every unit) and the step
//! that takes its words from the article's text template.
//!
//! The sentences themselves are written by `templates/bai-tin.txt.j2`, a plain-text template an
//! office can copy and change: its output is read back here as blocks separated by blank lines
//! — the headline, the lead (sapo), then the body paragraphs — so every format of the article
//! carries the same words. The photos' captions ("…. Ảnh: …") are worded by `mac-dinh.j2`.

use serde::Serialize;

use super::{Context, centred};
use crate::model::Article;

/// Article values. `title`, `lead` and `paragraphs` are worded by the article's text template
/// (`bai-tin.txt.j2`) and filled in by [`apply_words`].
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCtx {
    /// Outlet tag ("BNP", or as the outlet writes it: "(GLO)-"), when given, on one line.
    pub outlet: Option<String>,
    /// Whether `outlet` is written with its punctuation ("(GLO)-", "QTO -"), to be printed as
    /// it is, rather than a bare code put in the usual form ("(BNP) - "): see
    /// [`outlet_written`].
    pub outlet_written: bool,
    /// Kicker.
    pub kicker: Option<String>,
    /// The headline the file gives, if any (on one line).
    pub title_given: Option<String>,
    /// The headline the file gives, with any line break written in it.
    #[serde(skip)]
    pub title_written: Option<String>,
    /// Headline, with its break marks.
    pub title: String,
    /// Lead paragraph (sapo).
    pub lead: String,
    /// Body paragraphs (generated, then the press office's own).
    pub paragraphs: Vec<String>,
    /// The press office's own paragraphs, as the file gives them.
    pub extra_paragraphs: Vec<String>,
    /// The lead as the file writes it (`article.lead`), replacing the generated one.
    #[serde(skip)]
    pub lead_written: Option<String>,
    /// The body as the file writes it, position by position (`article.body`).
    #[serde(skip)]
    pub body_written: Vec<Option<String>>,
    /// Whether the member units are named one by one.
    pub list_members: bool,
    /// End the body with "./.".
    pub end_mark: bool,
    /// Photos.
    pub photos: Vec<PhotoCtx>,
    /// Byline.
    pub byline: String,
}

/// A photo placed in the article.
#[derive(Debug, Clone, Serialize)]
pub struct PhotoCtx {
    /// Path relative to the meeting folder, as the file gives it.
    pub file: String,
    /// The path Typst reads it under (`/anh-goc/0.png`): the same few for every meeting, so a
    /// long batch never runs out of Typst's file ids. With `--emit-typst` the original is
    /// written there, beside the sources; the web edition's re-encoded photos go to `anh/`.
    pub slot: String,
    /// The file's caption, without its final full stop.
    pub text: String,
    /// Who took it, each space a no-break space.
    pub credit: String,
    /// The caption as printed ("Caption. Ảnh: Credit"), worded by the shared words'
    /// `photo_caption` once the article is worded.
    pub caption: String,
    /// Index of the paragraph the photo follows (0 = after the lead).
    pub after: usize,
}

/// Members named one by one up to this many; beyond it the article gives their number.
pub const LIST_MEMBERS_UP_TO: usize = 10;

/// Builds the article's facts; its words are filled in by [`apply_words`].
pub fn build(a: &Article, ctx: &Context) -> ArticleCtx {
    let photos = a
        .photos
        .iter()
        .enumerate()
        .map(|(i, p)| PhotoCtx {
            file: p.file.trim().to_owned(),
            slot: photo_slot(i, &p.file),
            text: p.caption.trim().trim_end_matches('.').to_owned(),
            credit: p.credit.trim().replace(' ', "\u{a0}"),
            caption: String::new(),
            after: i,
        })
        .collect();
    let outlet = a
        .outlet
        .as_deref()
        .map(super::one_line)
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    ArticleCtx {
        outlet_written: outlet.as_deref().is_some_and(outlet_written),
        outlet,
        kicker: a.kicker.clone(),
        title_given: a
            .title
            .as_deref()
            .map(|t| super::one_line(t).trim_end_matches('.').to_owned()),
        title_written: a
            .title
            .as_deref()
            .map(|t| t.trim().trim_end_matches('.').to_owned()),
        title: String::new(),
        lead: String::new(),
        paragraphs: Vec::new(),
        extra_paragraphs: a.paragraphs.iter().map(|p| p.trim().to_owned()).collect(),
        lead_written: a
            .lead
            .as_deref()
            .map(crate::text::collapse_whitespace)
            .filter(|t| !t.is_empty()),
        body_written: a.body.clone(),
        list_members: a
            .list_members
            .unwrap_or(ctx.member_count <= LIST_MEMBERS_UP_TO),
        end_mark: a.end_mark,
        photos,
        byline: a.byline.trim().to_owned(),
    }
}

/// Fills the article's headline, lead and paragraphs from `text`, the output of the article's
/// text template: blocks separated by blank lines, whitespace inside a block collapsed. Photos
/// are placed after the lead and then one after each paragraph, in order.
pub fn apply_words(ctx: &mut Context, text: &str) {
    let Some(article) = ctx.article.as_mut() else {
        return;
    };
    let mut blocks = text
        .split("\n\n")
        .map(crate::text::collapse_whitespace)
        .filter(|b| !b.is_empty());
    let title = blocks.next().unwrap_or_default();
    let title = title.trim_end_matches('.');
    // The template printed the file's own headline: keep the line breaks written in it.
    article.title = match &article.title_written {
        Some(written) if crate::text::collapse_whitespace(written) == title => centred(written),
        _ => centred(title),
    };
    let generated_lead = blocks.next().unwrap_or_default();
    article.lead = match &article.lead_written {
        Some(lead) => lead.clone(),
        None => generated_lead,
    };
    article.paragraphs = by_position(blocks.collect(), &article.body_written);
    if article.end_mark
        && let Some(last) = article.paragraphs.last_mut()
    {
        *last = format!("{}./.", last.trim_end_matches(['.', ' ']));
    }
    let n = article.paragraphs.len();
    for (i, photo) in article.photos.iter_mut().enumerate() {
        photo.after = i.min(n);
    }
}

/// The body paragraphs with the press office's own put in place: entry `i` of `written`
/// replaces paragraph `i` (an empty entry keeps it); entries past the end extend the body.
pub fn by_position(mut paragraphs: Vec<String>, written: &[Option<String>]) -> Vec<String> {
    for (i, entry) in written.iter().enumerate() {
        let Some(text) = entry
            .as_deref()
            .map(crate::text::collapse_whitespace)
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        match paragraphs.get_mut(i) {
            Some(slot) => *slot = text,
            None => paragraphs.push(text),
        }
    }
    paragraphs
}

/// The folder of the Typst sources' photos, under the meeting's output folder (the originals,
/// written with `--emit-typst`): not `anh/`, where the web edition's re-encoded photos go.
pub const SOURCE_PHOTO_FOLDER: &str = "anh-goc";

/// Whether an outlet's tag is written with its punctuation: it opens with a bracket ("(GLO)-",
/// "(TTO) -", "[VOV]") or ends with a dash or a colon ("QTO -", "QTO:"). Anything else is a
/// code to put in the usual form, even with a dot inside ("BNP", "CTTĐT", "VTV.vn").
pub fn outlet_written(tag: &str) -> bool {
    let tag = tag.trim();
    tag.starts_with(['(', '[']) || tag.ends_with(['-', '\u{2013}', '\u{2014}', ':'])
}

/// The virtual path Typst reads photo `index` under: `/anh-goc/<index>.<ext>`.
pub fn photo_slot(index: usize, file: &str) -> String {
    let ext = std::path::Path::new(file.trim())
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    format!("/{SOURCE_PHOTO_FOLDER}/{index}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlet_tag_with_punctuation_is_written_as_the_outlet_writes_it() {
        for bare in ["BNP", "CTTĐT", "Báo Lào Cai", "VTV.vn", "<b>BNP</b>"] {
            assert!(!outlet_written(bare), "{bare}");
        }
        for written in ["(GLO)-", "QTO -", "(TTO) -", "[VOV]", "QTO –", "BNP:"] {
            assert!(outlet_written(written), "{written}");
        }
    }
}
