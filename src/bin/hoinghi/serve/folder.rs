//! The meeting folder, the only place the server reads and writes. A meeting is named in a URL
//! by its file name, and that name is only ever looked up among the folder's own files; a name
//! sent by the browser (a new meeting's, an opened file's, a photo's) only gives the letters of
//! a new name made here (`khoi-van-hoa.yaml`, `anh/hoi-truong.jpg`), never a path.

use std::path::{Path, PathBuf};

use hoinghi::write::{cannot_write, confine, file_slug, write_atomic};
use hoinghi::{Text, text};

/// The folder holding photos uploaded by the form.
pub const PHOTO_FOLDER: &str = "anh";

/// `folder` made canonical, or why it cannot serve.
pub fn open(folder: &Path) -> Result<PathBuf, Text> {
    let d = folder.display();
    let real = folder.canonicalize().map_err(|e| {
        text!(
            "lỗi: không mở được thư mục {d}: {e}",
            "error: cannot open the folder {d}: {e}"
        )
    })?;
    if !real.is_dir() {
        return Err(text!(
            "lỗi: {d} không phải một thư mục",
            "error: {d} is not a folder"
        ));
    }
    Ok(real)
}

/// The meeting files of `folder` and of its folders one level down (`tong-ket/hop.yaml`):
/// `.yaml` and `.yml` regular files, no link followed, sorted.
pub fn meetings(folder: &Path) -> Vec<String> {
    let mut names = files_in(folder);
    for sub in entries(folder)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
    {
        names.extend(
            files_in(&folder.join(&sub))
                .into_iter()
                .map(|f| format!("{sub}/{f}")),
        );
    }
    names.sort();
    names
}

/// The entries of `folder` (none when it cannot be read).
fn entries(folder: &Path) -> impl Iterator<Item = std::fs::DirEntry> {
    std::fs::read_dir(folder).into_iter().flatten().flatten()
}

/// The meeting files directly in `folder`.
fn files_in(folder: &Path) -> Vec<String> {
    entries(folder)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| is_meeting_name(name))
        .collect()
}

/// Whether `name` names a meeting file: `.yaml` or `.yml`, not hidden.
fn is_meeting_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !name.starts_with('.') && (lower.ends_with(".yaml") || lower.ends_with(".yml"))
}

/// The path of the meeting `name`, when it is one of the folder's meeting files.
pub fn meeting(folder: &Path, name: &str) -> Option<PathBuf> {
    meetings(folder)
        .into_iter()
        .find(|n| n == name)
        .map(|n| folder.join(n))
}

/// The folder of the meeting file `path`, where its photos are looked up.
pub fn dir_of(path: &Path) -> &Path {
    path.parent().unwrap_or(path)
}

/// A new file name in `folder` made of the letters of `wanted` (`Khối Văn hóa 2027` →
/// `khoi-van-hoa-2027`), with `extension`, numbered on (`-2`, `-3` …) past the names taken;
/// `fallback` when `wanted` has no Latin letter or digit.
pub fn new_name(folder: &Path, wanted: &str, fallback: &str, extension: &str) -> String {
    let stem = wanted
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .rsplit_once('.')
        .map_or(wanted, |(stem, _)| stem);
    let slug = match file_slug(stem) {
        slug if slug.is_empty() => fallback.to_owned(),
        slug => slug,
    };
    (1..)
        .map(|n| match n {
            1 => format!("{slug}.{extension}"),
            n => format!("{slug}-{n}.{extension}"),
        })
        .find(|name| std::fs::symlink_metadata(folder.join(name)).is_err())
        .expect("a free name")
}

/// Writes a new file `name` of `folder` (a name, or a path below it; never through a linked
/// folder).
pub fn write_new(folder: &Path, name: impl AsRef<Path>, bytes: &[u8]) -> Result<PathBuf, Text> {
    let path = folder.join(name);
    confine(folder, &path).map_err(|link| {
        let l = link.folder.display();
        text!(
            "lỗi: thư mục {l} là một liên kết; không ghi qua đó",
            "error: the folder {l} is a link; nothing is written through it"
        )
    })?;
    write_atomic(&path, bytes).map_err(|e| cannot_write(&path, &e))?;
    Ok(path)
}

/// Saves `text` over the meeting file `path`. The first time a file is saved from the form its
/// original is kept beside it as `<name>.bak` (a form cannot keep a hand-written file's
/// comments); the backup's name when one was made now.
pub fn save(path: &Path, text: &str) -> Result<Option<String>, Text> {
    let original = std::fs::read(path).map_err(|e| cannot_write(path, &e))?;
    let mut backup = None;
    if original != text.as_bytes() {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".bak");
        let bak = path.with_file_name(&name);
        if std::fs::symlink_metadata(&bak).is_err() {
            write_atomic(&bak, &original).map_err(|e| cannot_write(&bak, &e))?;
            backup = Some(name.to_string_lossy().into_owned());
        }
    }
    write_atomic(path, text.as_bytes()).map_err(|e| cannot_write(path, &e))?;
    Ok(backup)
}
