//! Reading an input file within a size bound: the one reader for meeting files and photos.
//! Only a regular file is read: the type is checked on the opened handle (opened without
//! waiting, so a pipe nobody writes to does not hang), and a folder, a device, a pipe or a
//! socket is refused before a byte is read. A file growing while it is read is never read
//! further than one byte past the bound, whatever its reported size.

use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The system refused (missing, no permission, …).
    Io(io::Error),
    /// The path is a folder.
    Folder,
    /// Not a regular file: a device, a pipe (FIFO) or a socket.
    NotRegular,
    /// Larger than the bound; `len` is the size when the file said it (a file growing while
    /// it is read is only read up to the bound).
    TooLarge {
        /// The file's size, when known.
        len: Option<u64>,
    },
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// Opens `path` for reading without waiting: opening a pipe (a FIFO) nobody writes to would
/// otherwise wait forever. A socket cannot be opened at all (`ENXIO`): it is not a regular file.
#[cfg(unix)]
fn open(path: &Path) -> Result<std::fs::File, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ENXIO) => ReadError::NotRegular,
            _ => ReadError::Io(e),
        })
}

#[cfg(not(unix))]
fn open(path: &Path) -> Result<std::fs::File, ReadError> {
    Ok(std::fs::File::open(path)?)
}

/// Makes the reads of `file` (a regular file) block as usual again.
#[cfg(unix)]
fn blocking(file: &std::fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open and owned by `file` for the duration of both calls, which only
    // read and set its status flags.
    let cleared = unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
    };
    if cleared {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn blocking(_: &std::fs::File) -> io::Result<()> {
    Ok(())
}

/// The bytes of the regular file at `path`, at most `limit` of them. The type is checked on
/// the opened handle (no gap between a check and the open): a folder is
/// [`ReadError::Folder`], a device, a pipe or a socket [`ReadError::NotRegular`], and none of
/// them is read.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    // A regular file that says it is too large is refused without reading it.
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            len: Some(meta.len()),
        });
    }
    blocking(&file)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { len: None });
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, b"abc").unwrap();
        assert_eq!(read_bounded(&file, 3).unwrap(), b"abc");
        assert!(matches!(
            read_bounded(&file, 2),
            Err(ReadError::TooLarge { len: Some(3) })
        ));
        assert!(matches!(
            read_bounded(dir.path(), 9),
            Err(ReadError::Folder)
        ));
        for device in ["/dev/null", "/dev/zero"] {
            assert!(
                matches!(
                    read_bounded(Path::new(device), 9),
                    Err(ReadError::NotRegular)
                ),
                "{device}"
            );
        }
    }
}
