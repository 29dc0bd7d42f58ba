//! hoinghi turns one YAML description of an emulation-bloc meeting into its paperwork — the
//! pledge agreement, the minutes, the news report, the invitations, the programme, the
//! attendance sheet, the vote-count minutes and the award proposal — typeset as print-ready
//! PDFs in Vietnamese.
//!
//! The pipeline, one module per arrow: `load` (bytes → NFC text → positions →
//! [`model::Meeting`] → clean text) → `validate` (semantic checks, all at once) → `context`
//! (template values) → `render` (MiniJinja templates → Typst source, every value escaped) →
//! `typeset` (in-process Typst → PDF) → [`write`] (atomic files). [`Engine`] strings them
//! together for one meeting; [`batch`] runs many at once.
//!
//! A front end needs only what is re-exported here:
//!
//! ```no_run
//! use hoinghi::{Engine, Request, Settings, WriteOptions, Writer};
//!
//! let engine = Engine::new(Settings::default()).expect("templates");
//! let file = std::path::Path::new("samples/ky-ket-khoi-dang.yaml");
//! let report = engine.render_file(file, &Request::pdf(None, "ky-ket".into()));
//! let writer = Writer::new("out", WriteOptions::pdf());
//! let written = writer.write(&report, &writer.folder_of(file), engine.library_source());
//! assert!(written.ok() && !report.failed());
//! ```

// A `Problem` (message and hint in two languages) is the error of cold paths only.
#![allow(clippy::result_large_err)]

#[macro_use]
mod diag;
pub mod batch;
mod context;
pub mod docx;
mod gate;
mod images;
mod kind;
mod legacy;
mod load;
pub mod model;
mod pipeline;
mod publish;
mod read;
mod render;
mod schema;
mod starter;
pub mod supervise;
mod text;
mod typeset;
mod validate;
mod vietnamese;
pub mod write;

pub use diag::{Lang, Pos, Problem, Report, Severity, Text};
pub use images::{IMAGE_EXTENSIONS, MAX_BYTES as MAX_PHOTO_BYTES, check_photo};
pub use kind::DocKind;
pub use load::{Encoding, Hygiene, LoadOptions, MAX_FILE_BYTES};
pub use pipeline::{
    DocError, Document, Engine, MeetingReport, Picture, Plan, Prepared, Preview, PreviewPage,
    Previewed, Rejected, Rendered, Request, Settings, Sources, Viewer, evict_caches,
    evict_caches_older_than,
};
pub use publish::{ArticleStats, WebEdition, WebFormat, WebOptions};
pub use schema::json_schema_text;
pub use starter::Starter;
pub use typeset::Typeset;
pub use vietnamese::ToneStyle;
pub use write::{ManifestEntry, Note, WriteOptions, Writer, Written};
