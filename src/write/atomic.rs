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

/// Something other than a regular file found where a file was to be written: it is never
/// replaced (the rename would put an ordinary file in place of `/dev/null`, a pipe another
/// program reads, or a link the user made on purpose).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReplaced {
    /// A folder.
    Folder,
    /// A symbolic link (to whatever it points to, or to nothing).
    Link,
    /// A device (`/dev/null`, a disk, a terminal).
    Device,
    /// A named pipe (FIFO).
    Pipe,
    /// A socket.
    Socket,
}

impl NotReplaced {
    /// What is at `meta`'s path, unless it is a regular file.
    fn of(meta: &std::fs::Metadata) -> Option<NotReplaced> {
        let kind = meta.file_type();
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_block_device() || kind.is_char_device() {
                return Some(NotReplaced::Device);
            }
            if kind.is_fifo() {
                return Some(NotReplaced::Pipe);
            }
            if kind.is_socket() {
                return Some(NotReplaced::Socket);
            }
        }
        if kind.is_symlink() {
            Some(NotReplaced::Link)
        } else if kind.is_dir() {
            Some(NotReplaced::Folder)
        } else {
            None
        }
    }

    /// In words: `(vi, en)`.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            NotReplaced::Folder => ("một thư mục", "a folder"),
            NotReplaced::Link => ("một liên kết (symlink)", "a link (symlink)"),
            NotReplaced::Device => ("một thiết bị", "a device"),
            NotReplaced::Pipe => ("một đường ống (FIFO)", "a pipe (FIFO)"),
            NotReplaced::Socket => ("một socket", "a socket"),
        }
    }
}

impl std::fmt::Display for NotReplaced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is not a regular file", self.words().1)
    }
}

impl std::error::Error for NotReplaced {}

/// Refuses to replace anything at `path` but a regular file: a device, a pipe, a socket, a
/// folder or a link there is a [`NotReplaced`] error (an `io::Error` carrying it).
fn only_regular(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => match NotReplaced::of(&meta) {
            Some(found) => Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, found)),
            None => Ok(()),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Writes `bytes` to `path` atomically, creating the folder if needed. The file gets the usual
/// mode for new files (0666 less the umask). Only a regular file is replaced: anything else
/// already at `path` (a device, a pipe, a socket, a folder, a link) is left as it is and the
/// error carries [`NotReplaced`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    only_regular(path)?;
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
    if let Some(found) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<NotReplaced>())
    {
        let (vi, en) = found.words();
        return crate::text!(
            "lỗi: không ghi {p}: ở đó đã có {vi}, không phải tệp thường; hoinghi chỉ thay tệp thường và để nguyên {p}",
            "error: {p} not written: it is {en}, not a regular file; hoinghi only replaces regular files and left {p} as it was"
        );
    }
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
    #[cfg(unix)]
    fn only_regular_files_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.pdf");
        write_atomic(&file, b"1").unwrap();
        write_atomic(&file, b"2").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"2");
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let folder = dir.path().join("folder.pdf");
        std::fs::create_dir(&folder).unwrap();
        // A pipe rather than /dev/null: a test run as root must not risk the real device.
        let pipe = dir.path().join("pipe.pdf");
        let c_pipe = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: `c_pipe` is a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_pipe.as_ptr(), 0o644) }, 0);
        let cases = [
            (link.as_path(), NotReplaced::Link),
            (folder.as_path(), NotReplaced::Folder),
            (pipe.as_path(), NotReplaced::Pipe),
        ];
        for (path, want) in cases {
            let e = write_atomic(path, b"x").unwrap_err();
            let found = e.get_ref().and_then(|i| i.downcast_ref::<NotReplaced>());
            assert_eq!(found, Some(&want), "{}", path.display());
            let message = cannot_write(path, &e);
            assert!(
                message.vi.contains("không phải tệp thường"),
                "{}",
                message.vi
            );
        }
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&file).unwrap(), b"2");
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
