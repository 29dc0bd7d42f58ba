//! `hoinghi list`: the document kinds, one a line: slug, then the name.

use std::io::Write;

use hoinghi::diag::Lang;
use hoinghi::kind::DocKind;
use hoinghi::text;

use super::{Console, FAILED, OK};

/// Runs the command; prints to standard output, 0 unless it cannot be written.
pub fn run(out: &mut Console) -> u8 {
    let width = DocKind::ALL
        .iter()
        .map(|k| k.slug().chars().count())
        .max()
        .unwrap_or(0)
        .max(12);
    let mut listing = String::new();
    for kind in DocKind::ALL {
        let name = match out.lang {
            Lang::Vi => kind.name_vi(),
            Lang::En => kind.name_en(),
        };
        listing.push_str(&format!("{:<width$} {name}\n", kind.slug()));
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(listing.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            out.note(&text!(
                "lỗi: không in được danh sách: {e}",
                "error: cannot print the list: {e}"
            ));
            FAILED
        }
    }
}
