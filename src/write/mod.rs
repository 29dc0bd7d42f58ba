//! A meeting's report to files: the one writer every front end uses.
//!
//! [`Writer::prepare`] turns a [`MeetingReport`] into the files to write (PDFs, one file per
//! invitation, each document under its file stem — `bien-ban-kiem-phieu-2` for one ballot's
//! minutes —, PNG pages, the Typst sources with `--emit-typst`, the article's text formats
//! and photos) and the notes a person reads about them, in order; [`Pending::commit`] writes
//! them, each atomically and confined to the output folder, and returns the manifest entries.
//! The two halves can run on different threads (a batch typesets on one and writes on
//! another); [`Writer::write`] does both at once. Nothing here prints.

mod atomic;
mod paths;
#[cfg(test)]
mod standalone;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Text;
use crate::kind::DocKind;
use crate::pipeline::{Engine, MeetingReport, Request};
use crate::publish::{ArticleStats, PHOTO_FOLDER};

pub use atomic::{NotReplaced, cannot_write, remove_stale_parts, sha256_hex, write_atomic};
pub use paths::{
    LinkedFolder, confine, file_slug, inside, meeting_dir, meeting_files, pdf_path, safe_name, stem,
};

/// What to write of each document.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// The PDF (and one file per invitation).
    pub pdf: bool,
    /// Every page as PNG at this resolution.
    pub png_ppi: Option<f32>,
    /// The generated Typst source and the shared library beside the PDF.
    pub emit_typst: bool,
    /// The Word file (and one file per invitation).
    pub docx: bool,
}

impl WriteOptions {
    /// PDFs only.
    pub fn pdf() -> WriteOptions {
        WriteOptions {
            pdf: true,
            ..WriteOptions::default()
        }
    }
}

/// Writes meetings' documents under one output folder.
#[derive(Debug, Clone)]
pub struct Writer {
    root: PathBuf,
    options: WriteOptions,
}

/// Something a person reads about the writing, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Done: what was written.
    Done(Text),
    /// A warning (Typst's, an invitation over a page, a long headline).
    Warning(Text),
    /// A document or file that could not be made or written.
    Error(Text),
    /// Typst's own diagnostics, several lines, printed as they are.
    Detail(String),
}

/// One file written, as the batch manifest records it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ManifestEntry {
    /// The document kind's slug.
    pub kind: &'static str,
    /// The path, relative to the output folder.
    pub path: String,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Pages.
    pub pages: usize,
}

/// The files of one meeting, ready to be written.
#[derive(Debug, Default)]
pub struct Pending {
    /// The output folder: no folder below it is followed when it is a link.
    root: PathBuf,
    steps: Vec<Step>,
}

/// One step of writing a meeting.
#[derive(Debug)]
enum Step {
    /// A file; when it cannot be written and `required`, the rest of its document is skipped.
    File {
        path: PathBuf,
        bytes: Vec<u8>,
        entry: Option<ManifestEntry>,
        required: bool,
        done: Option<Text>,
    },
    /// A note, in its place.
    Say(Note),
    /// A note said only when no file of its document failed so far.
    SayIfWritten(Note),
    /// The end of one document's steps.
    EndOfDocument,
}

/// What writing one meeting did.
#[derive(Debug, Default)]
pub struct Written {
    /// What a person reads, in order.
    pub notes: Vec<Note>,
    /// Every PDF written.
    pub entries: Vec<ManifestEntry>,
}

impl Written {
    /// Whether everything was made and written: no error among the notes.
    pub fn ok(&self) -> bool {
        self.errors().next().is_none()
    }

    /// The error notes' texts.
    pub fn errors(&self) -> impl Iterator<Item = &Text> {
        self.notes.iter().filter_map(|n| match n {
            Note::Error(t) => Some(t),
            _ => None,
        })
    }
}

impl Writer {
    /// A writer into the output folder `root`.
    pub fn new(root: impl Into<PathBuf>, options: WriteOptions) -> Writer {
        Writer {
            root: root.into(),
            options,
        }
    }

    /// The output folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of the meeting file `file`: `OUT/<file stem>`.
    pub fn folder_of(&self, file: &Path) -> PathBuf {
        meeting_dir(&self.root, file)
    }

    /// Removes the temporary files a killed run left in the output folder.
    pub fn remove_stale_parts(&self) -> usize {
        remove_stale_parts(&self.root)
    }

    /// Renders the meeting file `file` with `engine` and writes its documents into its folder
    /// ([`Writer::folder_of`]): the one path of `render`, `watch` and a form's preview and
    /// download. Typst's caches of older meetings are let go afterwards.
    pub fn render(
        &self,
        engine: &Engine,
        file: &Path,
        request: &Request,
    ) -> (MeetingReport, Written) {
        let report = engine.render_file(file, request);
        let written = self.write(&report, &self.folder_of(file), engine.library_source());
        crate::pipeline::evict_caches();
        (report, written)
    }

    /// Prepares and writes `report` into `dir` (inside the output folder).
    pub fn write(&self, report: &MeetingReport, dir: &Path, library: &str) -> Written {
        self.prepare(report, dir, library).commit()
    }

    /// The files of `report` to write into `dir`, and the notes about its documents (a failed
    /// document writes nothing; the others are still written). `library` is the shared Typst
    /// library, written beside the sources with `emit_typst`.
    pub fn prepare(&self, report: &MeetingReport, dir: &Path, library: &str) -> Pending {
        let mut pending = Pending {
            root: self.root.clone(),
            steps: Vec::new(),
        };
        if (!report.documents.is_empty() || report.web.is_some()) && !inside(&self.root, dir) {
            let d = dir.display();
            pending.say(Note::Error(text!(
                "lỗi: thư mục {d} trỏ ra ngoài thư mục kết quả (liên kết); không ghi",
                "error: the folder {d} leads outside the output folder (a link); nothing written"
            )));
            return pending;
        }
        for doc in &report.documents {
            let stem = doc.stem();
            if self.options.emit_typst
                && let Some(source) = &doc.source
            {
                pending.file(dir.join(format!("{stem}.typ")), source.as_bytes());
                pending.file(dir.join(crate::render::LIBRARY), library.as_bytes());
                source_photos(&mut pending, dir, &doc.photos);
            }
            match &doc.result {
                Ok(typeset) => {
                    for w in &doc.warnings {
                        pending.say(Note::Warning(w.clone()));
                    }
                    let pages = typeset.document.pages().len();
                    let ms = doc.elapsed.as_millis();
                    if self.options.pdf {
                        let made = (doc.kind, stem.as_str(), typeset);
                        self.pdf(&mut pending, dir, made, pages, ms);
                    }
                    if self.options.docx {
                        self.docx(&mut pending, dir, (doc.kind, stem.as_str(), typeset));
                    }
                    if let Some(ppi) = self.options.png_ppi {
                        let pages = (stem.as_str(), &typeset.document);
                        png_pages(&mut pending, dir, &report.file, pages, ppi);
                    }
                }
                Err(e) => {
                    pending.say(Note::Error(e.message_for(&report.file, &stem)));
                    if let Some(detail) = e.detail() {
                        pending.say(Note::Detail(detail.to_owned()));
                    }
                }
            }
            pending.steps.push(Step::EndOfDocument);
        }
        if let Some(edition) = &report.web {
            let photos = dir.join(PHOTO_FOLDER);
            for (name, photo) in &edition.photos {
                pending.optional(photos.join(name), photo.bytes.clone(), None, None);
            }
            for (format, text) in &edition.texts {
                let path = dir.join(format!("bai-tin.{}", format.extension()));
                let p = path.display();
                let done = text!("đã ghi {p}", "wrote {p}");
                pending.optional(path, text.as_bytes().to_vec(), None, Some(done));
            }
            stats_notes(&mut pending, &edition.stats);
        }
        pending
    }

    /// The PDF of one document of `kind`, named `stem`, and one file per invitation beside it.
    fn pdf(
        &self,
        pending: &mut Pending,
        dir: &Path,
        (kind, stem, typeset): (DocKind, &str, &crate::typeset::Typeset),
        pages: usize,
        ms: u128,
    ) {
        let path = dir.join(format!("{stem}.pdf"));
        let p = path.display();
        let done = text!(
            "đã ghi {p} ({pages} trang, {ms} ms)",
            "wrote {p} ({pages} page(s), {ms} ms)"
        );
        let entry = self.entry(kind, &path, &typeset.pdf, pages);
        pending.steps.push(Step::File {
            path: path.clone(),
            bytes: typeset.pdf.clone(),
            entry: Some(entry),
            required: true,
            done: Some(done),
        });
        if typeset.parts.is_empty() {
            return;
        }
        let parts = typeset.parts.iter().map(|(name, bytes)| (name, bytes));
        let folder = self.letters(pending, dir, kind, "pdf", parts);
        let (f, n) = (folder.display(), typeset.parts.len());
        pending.steps.push(Step::SayIfWritten(Note::Done(text!(
            "đã ghi {n} tệp riêng trong {f}",
            "wrote {n} separate file(s) in {f}"
        ))));
    }

    /// The Word file of one document of `kind`, named `stem`, and one file per invitation
    /// beside it (named as the PDFs are).
    fn docx(
        &self,
        pending: &mut Pending,
        dir: &Path,
        (kind, stem, typeset): (DocKind, &str, &crate::typeset::Typeset),
    ) {
        let docx = match typeset.docx() {
            Ok(docx) => docx,
            Err(e) => {
                pending.say(Note::Error(Text::new(
                    format!("lỗi: {stem}.docx: {}", e.vi),
                    format!("error: {stem}.docx: {}", e.en),
                )));
                return;
            }
        };
        for w in &docx.warnings {
            pending.say(Note::Warning(w.clone()));
        }
        let path = dir.join(format!("{stem}.docx"));
        let p = path.display();
        let done = text!("đã ghi {p}", "wrote {p}");
        let entry = self.entry(kind, &path, &docx.bytes, typeset.document.pages().len());
        pending.optional(path.clone(), docx.bytes.clone(), Some(entry), Some(done));
        if typeset.parts.len() != docx.parts.len() {
            return;
        }
        let parts = typeset.parts.iter().map(|(name, _)| name).zip(&docx.parts);
        self.letters(pending, dir, kind, "docx", parts);
    }

    /// One file per letter (invitation) of `kind` in its folder beside the document, named as
    /// the letter, with `extension`; the folder.
    fn letters<'a>(
        &self,
        pending: &mut Pending,
        dir: &Path,
        kind: DocKind,
        extension: &str,
        parts: impl Iterator<Item = (&'a String, &'a Vec<u8>)>,
    ) -> PathBuf {
        let folder = dir.join(kind.slug());
        for (name, bytes) in parts {
            let part = folder.join(format!("{name}.{extension}"));
            let entry = self.entry(kind, &part, bytes, 1);
            pending.optional(part, bytes.clone(), Some(entry), None);
        }
        folder
    }

    /// The manifest's entry for `bytes`, of `pages` pages, to be written at `path`.
    fn entry(&self, kind: DocKind, path: &Path, bytes: &[u8], pages: usize) -> ManifestEntry {
        ManifestEntry {
            kind: kind.slug(),
            path: path
                .strip_prefix(&self.root)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned(),
            sha256: sha256_hex(bytes),
            pages,
        }
    }
}

impl Pending {
    /// A file of the document's own (the rest of the document is skipped if it fails).
    fn file(&mut self, path: PathBuf, bytes: &[u8]) {
        self.steps.push(Step::File {
            path,
            bytes: bytes.to_vec(),
            entry: None,
            required: true,
            done: None,
        });
    }

    /// A file whose failure is reported but skips nothing else.
    fn optional(
        &mut self,
        path: PathBuf,
        bytes: Vec<u8>,
        entry: Option<ManifestEntry>,
        done: Option<Text>,
    ) {
        self.steps.push(Step::File {
            path,
            bytes,
            entry,
            required: false,
            done,
        });
    }

    fn say(&mut self, note: Note) {
        self.steps.push(Step::Say(note));
    }

    /// The files, each with its path relative to the output folder, and the notes, without
    /// writing anything (for a pack downloaded as one ZIP).
    pub fn into_files(self) -> (Vec<(PathBuf, Vec<u8>)>, Vec<Note>) {
        let (mut files, mut notes) = (Vec::new(), Vec::new());
        for step in self.steps {
            match step {
                Step::File { path, bytes, .. } => {
                    let relative = path.strip_prefix(&self.root).unwrap_or(&path);
                    files.push((relative.to_path_buf(), bytes));
                }
                Step::Say(note) | Step::SayIfWritten(note) => notes.push(note),
                Step::EndOfDocument => {}
            }
        }
        (files, notes)
    }

    /// Writes the files, each atomically and never through a linked folder below the output
    /// folder, and says what happened in order (a linked folder once).
    pub fn commit(self) -> Written {
        let mut written = Written::default();
        let (mut skipping, mut failed) = (false, false);
        let mut linked: Vec<PathBuf> = Vec::new();
        for step in self.steps {
            match step {
                Step::EndOfDocument => (skipping, failed) = (false, false),
                _ if skipping => {}
                Step::Say(note) => written.notes.push(note),
                Step::SayIfWritten(note) if !failed => written.notes.push(note),
                Step::SayIfWritten(_) => {}
                Step::File {
                    path,
                    bytes,
                    entry,
                    required,
                    done,
                } => {
                    let result = confine(&self.root, &path)
                        .map_err(|link| {
                            if !linked.contains(&link.folder) {
                                written.notes.push(Note::Error(linked_folder(&path, &link)));
                                linked.push(link.folder);
                            }
                        })
                        .and_then(|()| {
                            write_atomic(&path, &bytes).map_err(|e| {
                                written.notes.push(Note::Error(cannot_write(&path, &e)));
                            })
                        });
                    match result {
                        Ok(()) => {
                            written.entries.extend(entry);
                            written.notes.extend(done.map(Note::Done));
                        }
                        Err(()) => (skipping, failed) = (required, true),
                    }
                }
            }
        }
        written
    }
}

/// The error for `path`, not written because `link` (a folder on its way) is a link.
fn linked_folder(path: &Path, link: &LinkedFolder) -> Text {
    let (p, f) = (path.display(), link.folder.display());
    if link.outside {
        text!(
            "lỗi: không ghi {p}: thư mục {f} là một liên kết (symlink) dẫn ra ngoài thư mục kết quả; không ghi gì vào đó",
            "error: {p} not written: the folder {f} is a link (symlink) leading outside the output folder; nothing is written there"
        )
    } else {
        text!(
            "lỗi: không ghi {p}: thư mục {f} là một liên kết (symlink); hoinghi không ghi gì qua liên kết trong thư mục kết quả",
            "error: {p} not written: the folder {f} is a link (symlink); hoinghi writes nothing through links in the output folder"
        )
    }
}

/// Every page of `document` (whose files are named `slug`, from the meeting file `file`) as
/// PNG, `<slug>-<n>.png` (`bien-ban-1.png`, `bien-ban-kiem-phieu-2-1.png`).
fn png_pages(
    pending: &mut Pending,
    dir: &Path,
    file: &Path,
    (slug, document): (&str, &typst_layout::PagedDocument),
    ppi: f32,
) {
    match crate::publish::png::pages(document, ppi) {
        Ok(images) => {
            let n = images.len();
            for (i, png) in images.into_iter().enumerate() {
                pending.optional(dir.join(format!("{slug}-{}.png", i + 1)), png, None, None);
            }
            let d = dir.display();
            pending.say(Note::Done(text!(
                "đã ghi {d}/{slug}-1.png … ({n} trang, {ppi} ppi)",
                "wrote {d}/{slug}-1.png … ({n} page(s), {ppi} ppi)"
            )));
        }
        Err(e) => {
            let (vi, en, f) = (&e.vi, &e.en, file.display());
            pending.say(Note::Error(text!(
                "{f}: lỗi: không tạo được ảnh PNG của {slug}: {vi}",
                "{f}: error: cannot make the PNG pages of {slug}: {en}"
            )))
        }
    }
}

/// The original photos an emitted source reads, at the path it reads them under (relative to
/// `dir`, Typst's root when the source is compiled on its own).
fn source_photos(pending: &mut Pending, dir: &Path, photos: &[(String, PathBuf)]) {
    for (slot, real) in photos {
        let path = dir.join(slot.trim_start_matches('/'));
        match crate::images::read_bounded(real) {
            Ok(bytes) => pending.optional(path, bytes, None, None),
            Err(e) => {
                let why = e.message(&real.to_string_lossy());
                let (p, vi, en) = (path.display(), &why.vi, &why.en);
                pending.say(Note::Error(text!(
                    "lỗi: không ghi {p}: {vi}",
                    "error: {p} not written: {en}"
                )));
            }
        }
    }
}

/// The article's statistics, and a warning for a long headline.
fn stats_notes(pending: &mut Pending, stats: &ArticleStats) {
    let ArticleStats {
        headline_words,
        words,
        characters,
        photos,
    } = *stats;
    pending.say(Note::Done(text!(
        "bài tin: {words} chữ, {characters} ký tự, {photos} ảnh (tít {headline_words} chữ)",
        "article: {words} words, {characters} characters, {photos} photo(s) (headline {headline_words} words)"
    )));
    let limit = crate::model::HEADLINE_WORDS;
    if headline_words > limit {
        pending.say(Note::Warning(text!(
            "cảnh báo: tít bài {headline_words} chữ, dài hơn khoảng {limit} chữ thường dùng trên báo điện tử; đặt article.title ngắn hơn",
            "warning: the headline has {headline_words} words, longer than the ~{limit} news sites use; set a shorter article.title"
        )));
    }
}
