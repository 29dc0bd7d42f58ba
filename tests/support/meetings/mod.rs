//! The meeting generator: proptest strategies over word pools that make meetings across the
//! whole schema (the property test) or valid, realistic ones (the benchmark), written as YAML,
//! and a deterministic draw of meeting `i` from a seed. Shared by the `it` test binary and
//! `examples/gen_meetings.rs`, which includes this folder with `#[path]`; each uses part of it.

#![allow(dead_code, unused_imports)]

mod content;
mod defects;
mod draw;
mod meeting;
mod papers;
mod people;
mod units;
mod votes;
mod when;
pub mod words;
mod yaml;

use proptest::prelude::*;

pub use draw::{draw, folder, slug};
pub use meeting::{Shape, bench_documents, meeting};
pub use yaml::{describe, to_yaml};

/// `Some` half of the time.
fn opt<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    prop::option::of(s)
}
