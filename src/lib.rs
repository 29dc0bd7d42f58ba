//! hoinghi turns one YAML description of an emulation-bloc meeting into its paperwork — the
//! pledge agreement (`giao-uoc`), the minutes (`bien-ban`) and the news report (`bai-tin`) —
//! typeset as print-ready PDFs in Vietnamese.
//!
//! The pipeline, one module per arrow:
//! [`load`] (bytes → NFC text → positions → [`model::Meeting`] → clean text) →
//! [`validate`] (semantic checks, all at once) → [`context`] (template values) →
//! [`render`] (MiniJinja templates → Typst source, every value escaped) →
//! [`typeset`] (in-process Typst → PDF) → [`output`] (atomic writes).
//! [`pipeline`] strings them together for one meeting; the binary only parses arguments,
//! runs it and reports.

// A `Problem` (message and hint in two languages) is the error of cold paths only.
#![allow(clippy::result_large_err)]

#[macro_use]
pub mod diag;
pub mod context;
pub mod images;
pub mod kind;
pub mod legacy;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod publish;
pub mod render;
pub mod schema;
pub mod text;
pub mod typeset;
pub mod validate;
pub mod vietnamese;
