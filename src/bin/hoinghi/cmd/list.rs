//! `hoinghi list`: the document kinds, one a line: slug, then the name.

use hoinghi::{DocKind, Lang};

use crate::console::{Console, to_stdout};
use crate::exit::Outcome;

/// Runs the command; prints to standard output.
pub fn run(console: &mut Console) -> Outcome {
    let width = DocKind::ALL
        .iter()
        .map(|k| k.slug().chars().count())
        .max()
        .unwrap_or(0)
        .max(12);
    let mut listing = String::new();
    for kind in DocKind::ALL {
        let name = match console.lang {
            Lang::Vi => kind.name_vi(),
            Lang::En => kind.name_en(),
        };
        listing.push_str(&format!("{:<width$} {name}\n", kind.slug()));
    }
    to_stdout(&listing)
}
