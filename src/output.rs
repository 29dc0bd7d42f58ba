//! Writing output files: atomically (a temporary file in the same folder, then a rename), so a
//! failed or interrupted run never leaves a half-written PDF behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::kind::DocKind;

/// The folder for one meeting's documents: `OUT/<file stem>`.
pub fn meeting_dir(out: &Path, meeting_file: &Path) -> PathBuf {
    out.join(stem(meeting_file))
}

/// The file stem of a meeting file (`samples/ky-ket.yaml` → `ky-ket`).
pub fn stem(meeting_file: &Path) -> String {
    meeting_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "meeting".to_owned())
}

/// The PDF path of `kind` in `dir`.
pub fn pdf_path(dir: &Path, kind: DocKind) -> PathBuf {
    dir.join(format!("{}.pdf", kind.slug()))
}

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".hoinghi-")
        .suffix(".part")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
