//! Where each output goes: one folder per meeting under the output folder, named after the
//! meeting file. No output path leaves the output folder: stems like `..` are replaced and no
//! folder below the output folder is followed when it is a link.

use std::path::{Component, Path, PathBuf};

use crate::kind::DocKind;

/// The folder for one meeting's documents: `OUT/<file stem>`.
pub fn meeting_dir(out: &Path, meeting_file: &Path) -> PathBuf {
    out.join(stem(meeting_file))
}

/// The file stem of a meeting file (`samples/ky-ket.yaml` → `ky-ket`), safe as one folder name:
/// never empty, `.` or `..`, without separators or control characters.
pub fn stem(meeting_file: &Path) -> String {
    let raw = meeting_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    safe_name(&raw)
}

/// `name` made safe as one path component.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() || trimmed.chars().all(|c| c == '.') {
        "meeting".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A file-name-safe form of `s`: ASCII letters and digits joined by hyphens, the
/// Vietnamese marks dropped (`Sở Tài chính` → `so-tai-chinh`).
pub fn file_slug(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    let plain: String = folded
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug: Vec<&str> = plain.split('-').filter(|p| !p.is_empty()).collect();
    let slug = slug.join("-");
    slug.chars().take(60).collect()
}

/// `relative` kept to its plain folder names (no root, `..` or `.`), each made safe.
pub fn safe_relative(relative: &Path) -> PathBuf {
    relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(safe_name(&part.to_string_lossy())),
            _ => None,
        })
        .collect()
}

/// The meeting files of `root` — a folder searched for `*.yaml`/`*.yml` (any case, sorted,
/// links not followed into folders), or one file — each with its output folder relative to the
/// output root: the file's folder relative to `root`, then its stem (`2026/khoi/meeting`).
pub fn meeting_files(root: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !root.is_dir() {
        return vec![(root.to_path_buf(), PathBuf::from(stem(root)))];
    }
    let is_meeting = |path: &Path| {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
    };
    walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_type().is_dir() && is_meeting(entry.path()))
        .map(|entry| {
            let path = entry.path();
            let relative = path
                .parent()
                .and_then(|p| p.strip_prefix(root).ok())
                .unwrap_or(Path::new(""));
            (path.to_path_buf(), safe_relative(relative).join(stem(path)))
        })
        .collect()
}

/// The PDF path of `kind` in `dir`.
pub fn pdf_path(dir: &Path, kind: DocKind) -> PathBuf {
    dir.join(format!("{}.pdf", kind.slug()))
}

/// Whether `path` (to be written) stays inside `root` once links are followed: the nearest
/// existing ancestor of `path` must lie under `root`.
pub fn inside(root: &Path, path: &Path) -> bool {
    let Ok(root) = root.canonicalize() else {
        return true; // the output folder does not exist yet: nothing can be linked inside it
    };
    let mut probe = path.to_path_buf();
    loop {
        if let Ok(real) = probe.canonicalize() {
            return real.starts_with(&root);
        }
        if !probe.pop() {
            return false;
        }
    }
}

/// A folder below the output folder that is a link: nothing is written through it, wherever
/// it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedFolder {
    /// The link, as a path under the output folder.
    pub folder: PathBuf,
    /// Whether it leads outside the output folder (or nowhere).
    pub outside: bool,
}

/// Makes the folders of `path` (a file to be written under `root`) one at a time, and refuses
/// when one of them, below `root`, is a link: a linked `OUT/<meeting>/giay-moi/` would
/// otherwise put the files elsewhere. `root` itself may be a link (the user chose it). A
/// folder that cannot be made is left to the writing, which says why.
pub fn confine(root: &Path, path: &Path) -> Result<(), LinkedFolder> {
    let Some(relative) = path.parent().and_then(|p| p.strip_prefix(root).ok()) else {
        return Err(LinkedFolder {
            folder: path.parent().unwrap_or(path).to_path_buf(),
            outside: true,
        });
    };
    let _ = std::fs::create_dir_all(root);
    let mut folder = root.to_path_buf();
    for part in relative.components() {
        let Component::Normal(part) = part else {
            return Err(LinkedFolder {
                folder,
                outside: true,
            });
        };
        folder.push(part);
        if std::fs::symlink_metadata(&folder).is_err() {
            // Made here, or by another writer meanwhile: looked at again below either way.
            let _ = std::fs::create_dir(&folder);
        }
        match std::fs::symlink_metadata(&folder) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let outside = !inside_real(root, &folder);
                return Err(LinkedFolder { folder, outside });
            }
            Ok(meta) if meta.is_dir() => {}
            _ => return Ok(()), // a file in the way, or no permission: the writing says so
        }
    }
    Ok(())
}

/// Whether the link `link` leads to a folder inside `root`, once every link is followed.
fn inside_real(root: &Path, link: &Path) -> bool {
    match (root.canonicalize(), link.canonicalize()) {
        (Ok(root), Ok(real)) => real.starts_with(root),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_never_leave_the_output_folder() {
        for (file, want) in [
            ("a/ky-ket.yaml", "ky-ket"),
            ("...yaml", "meeting"),
            ("..yaml", "meeting"),
            (".yaml", ".yaml"),
            ("x\u{1b}[31m.yaml", "x_[31m"),
        ] {
            assert_eq!(stem(Path::new(file)), want, "{file}");
        }
        assert_eq!(
            safe_relative(Path::new("../a/./b/..")),
            PathBuf::from("a/b")
        );
    }

    #[test]
    #[cfg(unix)]
    fn no_folder_below_the_output_is_a_link() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, elsewhere) = (tmp.path().join("out"), tmp.path().join("elsewhere"));
        std::fs::create_dir(&elsewhere).unwrap();
        assert_eq!(confine(&root, &root.join("hop/giay-moi/1.pdf")), Ok(()));
        assert!(root.join("hop/giay-moi").is_dir());
        std::os::unix::fs::symlink(&elsewhere, root.join("hop/anh")).unwrap();
        std::os::unix::fs::symlink(root.join("hop/giay-moi"), root.join("hop/trong")).unwrap();
        let linked = confine(&root, &root.join("hop/anh/x/1.jpg")).unwrap_err();
        assert_eq!(
            (linked.folder, linked.outside),
            (root.join("hop/anh"), true)
        );
        assert!(!elsewhere.join("x").exists());
        let linked = confine(&root, &root.join("hop/trong/1.pdf")).unwrap_err();
        assert_eq!(
            (linked.folder, linked.outside),
            (root.join("hop/trong"), false)
        );
        // The output folder itself may be a link.
        let alias = tmp.path().join("alias");
        std::os::unix::fs::symlink(&root, &alias).unwrap();
        assert_eq!(confine(&alias, &alias.join("hop/bien-ban.pdf")), Ok(()));
    }
}
