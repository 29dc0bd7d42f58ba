//! Integration tests: one binary so Typst links once. Each module checks real output: PDFs
//! (page size, embedded fonts, extracted text), laid-out text, exit codes and messages.

mod batch;
mod cli;
mod common;
mod corpus;
mod escaping;
mod generated;
mod geometry;
mod hostile;
mod init;
mod pack;
mod pdf;
mod photos;
mod publish;
mod samples;
mod typography;
mod wording;
