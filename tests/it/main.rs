//! Integration tests: one binary so Typst links once. Each module checks real output: PDFs
//! (page size, embedded fonts, extracted text), laid-out text, exit codes and messages.

mod cli;
mod corpus;
mod escaping;
mod generated;
mod geometry;
mod loader;
mod pdf;
mod samples;
mod typography;
