//! Reading an input file within a size bound: the one reader for meeting files and photos.
//! A pipe, a device or a file growing while it is read is never read further than one byte
//! past the bound, whatever its reported size.

use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The system refused (missing, no permission, …).
    Io(io::Error),
    /// The path is a folder.
    Folder,
    /// Not a regular file: refused up front when only regular files are wanted, otherwise
    /// when it gave no data (a device or a pipe).
    NotRegular,
    /// Larger than the bound; `len` is the size when the file said it (a pipe or a device is
    /// only read up to the bound).
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
/// otherwise wait forever. The open is non-blocking, the reads after it block as usual, and a
/// pipe with no writer then reads as empty.
fn open(path: &Path) -> io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)?;
        let fd = file.as_raw_fd();
        // SAFETY: `fd` is open and owned by `file` for the duration of both calls, which only
        // read and set its status flags.
        let cleared = unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
        };
        if !cleared {
            return Err(io::Error::last_os_error());
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    std::fs::File::open(path)
}

/// The bytes of the file at `path`, at most `limit` of them. With `only_regular`, anything but
/// a regular file is refused before it is opened (opening a pipe could wait forever).
pub(crate) fn read_bounded(
    path: &Path,
    limit: u64,
    only_regular: bool,
) -> Result<Vec<u8>, ReadError> {
    if only_regular && !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    // A regular file that says it is too large is refused without reading it.
    if meta.is_file() && meta.len() > limit {
        return Err(ReadError::TooLarge {
            len: Some(meta.len()),
        });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { len: None });
    }
    if bytes.is_empty() && !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok(bytes)
}
