//! Integration tests: one binary so Typst links once. Each module checks real output: PDFs
//! (page size, embedded fonts, extracted text), laid-out text, exit codes and messages. The
//! tools they share (the PDF reader, the meeting generator, the library calls) live in
//! `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod batch;
mod browser;
mod cli;
mod corpus;
mod counting;
mod docx;
mod escaping;
mod generated;
mod geometry;
mod hostile;
mod hostile_files;
mod hostile_templates;
mod init;
mod pack;
mod photos;
mod publish;
mod samples;
mod serve;
mod signers;
mod typography;
mod wording;
