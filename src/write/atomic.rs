//! Writing one file atomically — a temporary file in the same folder (created with the usual
//! mode, 0644 under umask 022), then a rename — so a failed, full or interrupted run never
//! leaves a half-written PDF behind. Temporary files of a killed run are recognised by name and
//! removed by the next run.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Prefix of the temporary files written next to their final name.
const PART_PREFIX: &str = ".hoinghi-";
/// Suffix of the temporary files.
const PART_SUFFIX: &str = ".part";

/// Writes `bytes` to `path` atomically, creating the folder if needed. The file gets the usual
/// mode for new files (0666 less the umask).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(
        "{PART_PREFIX}{}-{n}{PART_SUFFIX}",
        std::process::id()
    ));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Why `path` could not be written, in words a clerk understands: a read-only folder, a full
/// disk, a missing permission — not just the system's English error.
pub fn cannot_write(path: &Path, e: &std::io::Error) -> crate::diag::Text {
    use std::io::ErrorKind;
    let p = path.display();
    let (vi, en) = match e.kind() {
        ErrorKind::PermissionDenied => (
            "không có quyền ghi vào thư mục này (thư mục chỉ đọc hoặc của người dùng khác)",
            "no permission to write in this folder (read-only, or another user's)",
        ),
        ErrorKind::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
            "ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại",
            "the disk is full; free some space and run again",
        ),
        ErrorKind::NotADirectory | ErrorKind::AlreadyExists => (
            "một phần của đường dẫn là tệp chứ không phải thư mục",
            "part of the path is a file, not a folder",
        ),
        _ => ("lỗi hệ thống", "system error"),
    };
    crate::text!(
        "lỗi: không ghi được {p}: {vi} ({e})",
        "error: cannot write {p}: {en} ({e})"
    )
}

/// The SHA-256 of `bytes`, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Removes the temporary files a killed run left under `root` (those of processes no longer
/// running); returns how many were removed.
pub fn remove_stale_parts(root: &Path) -> usize {
    let mut removed = 0;
    let walker = walkdir::WalkDir::new(root).follow_links(false).into_iter();
    for entry in walker.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy();
        let Some(rest) = name
            .strip_prefix(PART_PREFIX)
            .and_then(|r| r.strip_suffix(PART_SUFFIX))
        else {
            continue;
        };
        let pid: Option<u32> = rest.split('-').next().and_then(|p| p.parse().ok());
        let alive = match pid {
            Some(pid) if pid == std::process::id() => true,
            Some(pid) => process_alive(pid, entry.path()),
            None => false,
        };
        if !alive && entry.file_type().is_file() && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether the process that writes `part` may still be running.
fn process_alive(pid: u32, part: &Path) -> bool {
    if Path::new("/proc/self").exists() {
        return Path::new(&format!("/proc/{pid}")).exists();
    }
    // Without /proc: a temporary file untouched for an hour is stale.
    part.metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age.as_secs() < 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file gets 0666 less the umask, like any file a program creates — not the 0600 of a
    /// temporary file. The umask is set for the test (it is process-wide, so it is restored).
    #[test]
    #[cfg(unix)]
    fn atomic_write_uses_the_usual_mode_and_leaves_no_part() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x/doc.pdf");
        // SAFETY: umask only changes the process's file-creation mask.
        let old = unsafe { libc_umask(0o022) };
        let written = write_atomic(&path, b"%PDF");
        unsafe { libc_umask(old) };
        written.unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "0666 less the umask 022");
        let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["doc.pdf"]);
    }

    #[cfg(unix)]
    unsafe extern "C" {
        #[link_name = "umask"]
        fn libc_umask(mask: u32) -> u32;
    }

    #[test]
    fn stale_parts_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir.path().join(".hoinghi-999999999-0.part");
        let mine = dir
            .path()
            .join(format!(".hoinghi-{}-7.part", std::process::id()));
        std::fs::write(&dead, b"x").unwrap();
        std::fs::write(&mine, b"x").unwrap();
        assert_eq!(remove_stale_parts(dir.path()), 1);
        assert!(!dead.exists() && mine.exists());
    }
}
