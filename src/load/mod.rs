//! Loading a meeting file: bytes → NFC text → YAML limits and positions → serde → clean text.
//!
//! Every problem found on the way is collected with its field path and position; the loader
//! stops early only when the next step cannot run (unreadable bytes, broken YAML, a type error).
//! Semantic checks are [`crate::validate`]'s job, not this module's.

pub mod decode;
pub mod hygiene;
pub mod limits;
mod serde_errors;
pub mod yaml_index;

use std::path::{Path, PathBuf};

pub use decode::Encoding;
pub use hygiene::Hygiene;
pub use yaml_index::YamlIndex;

use crate::diag::{Pos, Problem};
use crate::model::Meeting;

pub use limits::MAX_FILE_BYTES;

/// How to read meeting files.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Byte encoding.
    pub encoding: Encoding,
    /// Text fixes applied to the fields.
    pub hygiene: Hygiene,
}

/// A meeting read from a file, with what is needed to report on it later.
#[derive(Debug)]
pub struct Loaded {
    /// The meeting.
    pub meeting: Meeting,
    /// Field positions.
    pub index: YamlIndex,
    /// The decoded text of the file.
    pub text: String,
    /// The folder holding the file (photos are looked up there).
    pub dir: PathBuf,
    /// Warnings found while loading.
    pub warnings: Vec<Problem>,
}

/// A meeting file that could not be read or failed its checks: every problem found.
#[derive(Debug)]
pub struct Rejected {
    /// The decoded text, when the bytes could be decoded.
    pub text: Option<String>,
    /// Errors and warnings.
    pub problems: Vec<Problem>,
}

/// Reads and loads the meeting file at `path`.
pub fn load_path(path: &Path, opts: &LoadOptions) -> Result<Loaded, Rejected> {
    let fail = |problem: Problem| Rejected {
        text: None,
        problems: vec![problem],
    };
    let bytes = read_bounded(path).map_err(fail)?;
    let dir = path
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let text = decode::decode(&bytes, opts.encoding).map_err(fail)?;
    load_decoded(text, dir, opts)
}

/// Loads a meeting from `text` typed or pasted elsewhere (a web form), as if it were the content
/// of a file in `dir`: the same size bound, NFC, checks and positions as [`load_path`].
pub fn load_text(text: &str, dir: &Path, opts: &LoadOptions) -> Result<Loaded, Rejected> {
    let fail = |problem: Problem| Rejected {
        text: None,
        problems: vec![problem],
    };
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(too_large(Some(text.len() as u64))));
    }
    let text = decode::decode(text.as_bytes(), Encoding::Auto).map_err(fail)?;
    load_decoded(text, dir.to_path_buf(), opts)
}

/// Loads the meeting in decoded `text` of a file in `dir`.
fn load_decoded(text: String, dir: PathBuf, opts: &LoadOptions) -> Result<Loaded, Rejected> {
    let (meeting, index, warnings) = load_str(&text, opts).map_err(|problems| Rejected {
        text: Some(text.clone()),
        problems: crate::diag::capped(problems),
    })?;
    Ok(Loaded {
        meeting,
        index,
        text,
        dir,
        warnings,
    })
}

/// The bytes of the file at `path`, at most [`MAX_FILE_BYTES`] of them.
fn read_bounded(path: &Path) -> Result<Vec<u8>, Problem> {
    use crate::read::ReadError;
    crate::read::read_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => io_problem(&e),
        ReadError::Folder => Problem::error(
            "",
            text!(
                "đây là một thư mục, không phải tệp cuộc họp",
                "this is a folder, not a meeting file"
            ),
        ),
        ReadError::TooLarge { len } => too_large(len),
        ReadError::NotRegular => Problem::error(
            "",
            text!(
                "đây không phải tệp thường (mà là thiết bị hay đường ống); không đọc",
                "this is not a regular file (it is a device or a pipe); not read"
            ),
        )
        .hint(text!(
            "chỉ đọc tệp cuộc họp .yaml thông thường lưu trên đĩa; chép nội dung vào một tệp .yaml rồi chỉ ra tệp đó",
            "only ordinary .yaml files saved on disk are read; copy the content into a .yaml file and name that file"
        )),
    })
}

/// The error for input over [`MAX_FILE_BYTES`]; `len` is its size when known (a file growing
/// while it is read is only read up to the limit).
fn too_large(len: Option<u64>) -> Problem {
    let limit = MAX_FILE_BYTES / 1_048_576;
    let message = match len {
        Some(len) => {
            let mb = len as f64 / 1_048_576.0;
            text!(
                "tệp quá lớn ({mb:.1} MB); tệp cuộc họp không được quá {limit} MB",
                "the file is too large ({mb:.1} MB); a meeting file may be at most {limit} MB"
            )
        }
        None => text!(
            "tệp quá lớn (đã đọc hơn {limit} MB mà chưa hết); tệp cuộc họp không được quá {limit} MB",
            "the file is too large (more than {limit} MB read and still going); a meeting file may be at most {limit} MB"
        ),
    };
    Problem::error("", message)
}

/// Loads a meeting from decoded text: returns it with its index and warnings, or every problem.
pub fn load_str(
    text: &str,
    opts: &LoadOptions,
) -> Result<(Meeting, YamlIndex, Vec<Problem>), Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![yaml_index::empty_file()]);
    }
    let index = yaml_index::scan(text)?;
    let (mut meeting, mut problems) = deserialize(text, &index)?;
    // Lists far longer than any meeting's: stop before the slower passes walk them.
    let mut too_long = limits::check_lists(&meeting);
    if too_long.is_empty() {
        too_long.extend(limits::check_total_text(&mut meeting));
    }
    if !too_long.is_empty() {
        // Point at the list's key (`members:`), not at its first entry.
        problems.extend(too_long.into_iter().map(|p| {
            let pos = p.path.as_deref().and_then(|path| index.key_pos(path));
            p.at(pos)
        }));
        locate(&mut problems, &index);
        return Err(problems);
    }
    problems.extend(hygiene::clean(&mut meeting, &index, opts.hygiene));
    locate(&mut problems, &index);
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        Ok((meeting, index, problems))
    }
}

/// serde over `text`: the meeting and a problem per unknown key, or those problems and serde's
/// first error.
fn deserialize(text: &str, index: &YamlIndex) -> Result<(Meeting, Vec<Problem>), Vec<Problem>> {
    let mut unknown = Vec::new();
    let de = serde_yaml::Deserializer::from_str(text);
    let mut on_unknown =
        |path: serde_ignored::Path| unknown.push(serde_errors::ignored_path(&path));
    let ignoring = serde_ignored::Deserializer::new(de, &mut on_unknown);
    let result: Result<Meeting, _> = serde_path_to_error::deserialize(ignoring);
    let mut problems: Vec<Problem> = unknown
        .iter()
        .map(|p| serde_errors::unknown_key(p).at(index.key_pos(p)))
        .collect();
    match result {
        Ok(meeting) => Ok((meeting, problems)),
        Err(e) => {
            problems.push(serde_problem(e, index));
            Err(problems)
        }
    }
}

/// serde's error as a problem, at its field's position (else at serde's).
fn serde_problem(e: serde_path_to_error::Error<serde_yaml::Error>, index: &YamlIndex) -> Problem {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let inner = e.into_inner();
    let message = inner.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    // serde_yaml prefixes the path ("members: invalid type: …"); the path is shown apart.
    let message = match message.split_once(": ") {
        Some((prefix, rest)) if !prefix.contains(' ') && !rest.is_empty() => rest.to_owned(),
        _ => message,
    };
    let mut problem = serde_errors::type_error(&path, &message);
    let serde_pos = inner.location().map(|l| Pos {
        line: l.line(),
        col: l.column(),
    });
    problem.pos = problem
        .path
        .as_deref()
        .and_then(|p| index.value_pos(p))
        .or(serde_pos);
    problem
}

/// Fills in the position of every problem that names a field but has none.
pub fn locate(problems: &mut [Problem], index: &YamlIndex) {
    for p in problems.iter_mut().filter(|p| p.pos.is_none()) {
        p.pos = p.path.as_deref().and_then(|path| index.value_pos(path));
    }
}

fn io_problem(e: &std::io::Error) -> Problem {
    let (vi, en) = match e.kind() {
        std::io::ErrorKind::NotFound => ("không tìm thấy tệp", "file not found"),
        std::io::ErrorKind::PermissionDenied => (
            "không có quyền đọc tệp",
            "permission denied reading the file",
        ),
        _ => ("không đọc được tệp", "cannot read the file"),
    };
    Problem::error("", text!("{vi} ({e})", "{en} ({e})"))
}

#[cfg(test)]
mod tests;
