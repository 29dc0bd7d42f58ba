//! The Typst World of one document: embedded fonts, the generated main source and the shared
//! library in memory, images read only from the meeting's folder, a fixed `today`.

use std::path::{Path, PathBuf};
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
use crate::validate::IMAGE_EXTENSIONS;

/// The virtual path of a source file (`/giao-uoc.typ`). Ids are interned process-wide and
/// never freed, so every meeting reuses the same few.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/main.typ").unwrap());
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// Loads images from one folder, refusing everything else.
pub struct ConfinedImages {
    /// The meeting's folder, canonical.
    root: Option<PathBuf>,
}

impl ConfinedImages {
    /// Images under `dir` only.
    pub fn new(dir: &Path) -> ConfinedImages {
        ConfinedImages {
            root: dir.canonicalize().ok(),
        }
    }
}

impl FileLoader for ConfinedImages {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        let root = self.root.as_ref().ok_or(FileError::AccessDenied)?;
        let vpath = id.vpath();
        let ext = vpath
            .extension()
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
            return Err(FileError::AccessDenied);
        }
        let path = vpath.realize(root).map_err(|_| FileError::AccessDenied)?;
        let real = path
            .canonicalize()
            .map_err(|_| FileError::NotFound(path.clone()))?;
        if !real.starts_with(root) || !real.is_file() {
            return Err(FileError::AccessDenied);
        }
        std::fs::read(&real)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &real))
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
        main_path: &str,
        main_text: String,
        main_name: String,
        lib_text: String,
        lib_name: String,
        image_dir: &Path,
        today: Datetime,
    ) -> DocWorld {
        DocWorld {
            library,
            fonts,
            main: Source::new(file_id(main_path), main_text),
            lib: Source::new(file_id(&format!("/{}", crate::render::LIBRARY)), lib_text),
            names: [main_name, lib_name],
            files: FileStore::new(ConfinedImages::new(image_dir)),
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
