//! What the tests share: the binary and the samples (`common`), every call into the library
//! (`api`), reading PDFs back (`pdf`), `hoinghi serve` with a plain HTTP client (`server`) and a real browser (`browser`), and
//! generating meetings (`meetings`, also used by `examples/gen_meetings.rs`).

pub mod api;
pub mod browser;
pub mod common;
pub mod docx;
pub mod meetings;
pub mod pdf;
pub mod server;
