//! The Typst World of one document: embedded fonts, the generated main source and the shared
//! library in memory, images read only from the meeting's folder, a fixed `today`.

use std::path::PathBuf;
use std::sync::Arc;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::files::{FileLoader, FileStore};

use super::fonts::Fonts;
use crate::images::IMAGE_EXTENSIONS;

/// The virtual path of a source file (`/giao-uoc.typ`). Ids are interned process-wide and
/// never freed, so every meeting reuses the same few.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/main.typ").unwrap());
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// Loads exactly the images a document was given — each checked, confined to the meeting's
/// folder, under a fixed virtual path (`/anh-goc/0.png`) — and refuses everything else.
pub struct ConfinedImages {
    /// Virtual path → the real file.
    table: Vec<(String, PathBuf)>,
}

impl ConfinedImages {
    /// The images of `table` only.
    pub fn new(table: Vec<(String, PathBuf)>) -> ConfinedImages {
        ConfinedImages { table }
    }
}

impl FileLoader for ConfinedImages {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        let vpath = id.vpath();
        let wanted = format!("/{}", vpath.get_without_slash());
        let (_, real) = self
            .table
            .iter()
            .find(|(slot, _)| *slot == wanted)
            .ok_or(FileError::AccessDenied)?;
        let ext = real
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
            return Err(FileError::AccessDenied);
        }
        // Bounded, and checked again: Typst decodes exactly the bytes that were inspected.
        let bytes = crate::images::read_bounded(real).map_err(|_| FileError::AccessDenied)?;
        crate::images::inspect_bytes(&bytes).map_err(|_| FileError::AccessDenied)?;
        Ok(Bytes::new(bytes))
    }
}

/// Everything Typst sees while typesetting one document.
pub struct DocWorld {
    /// The standard library, shared.
    library: Arc<LazyHash<Library>>,
    /// Fonts, shared.
    fonts: Arc<Fonts>,
    /// The generated document.
    main: Source,
    /// The shared template library (`/hoinghi.typ`).
    lib: Source,
    /// Human names of the two sources, for diagnostics.
    names: [String; 2],
    /// Images from the meeting's folder.
    files: FileStore<ConfinedImages>,
    /// `today`, fixed to the meeting date.
    today: Datetime,
}

impl DocWorld {
    /// A world for one document.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        library: Arc<LazyHash<Library>>,
        fonts: Arc<Fonts>,
        main: Source,
        main_name: String,
        lib: Source,
        lib_name: String,
        images: Vec<(String, PathBuf)>,
        today: Datetime,
    ) -> DocWorld {
        DocWorld {
            library,
            fonts,
            main,
            lib,
            names: [main_name, lib_name],
            files: FileStore::new(ConfinedImages::new(images)),
            today,
        }
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.store.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.lib.id() {
            Ok(self.lib.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() || id == self.lib.id() {
            return Err(FileError::AccessDenied);
        }
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.store.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

impl DiagnosticWorld for DocWorld {
    fn name(&self, id: FileId) -> String {
        if id == self.main.id() {
            self.names[0].clone()
        } else if id == self.lib.id() {
            self.names[1].clone()
        } else {
            id.vpath().get_without_slash().to_owned()
        }
    }
}
