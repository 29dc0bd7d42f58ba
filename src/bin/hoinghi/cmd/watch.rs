//! `hoinghi watch FILE`: renders the meeting, then again each time the file, a photo in its
//! folder or a custom template changes — for drafting with the PDF open beside the editor.
//! Errors are shown and the watch goes on; Ctrl+C ends it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use hoinghi::{Writer, text};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::args::WatchArgs;
use crate::config::Config;
use crate::console::Console;
use crate::exit::{Failure, Outcome};
use crate::supervise::{Options, Supervisor};

/// Changes closer together than this make one render (an editor saves in several steps).
const QUIET: Duration = Duration::from_millis(250);

/// Runs the command; returns only when the watch cannot go on.
pub fn run(args: &WatchArgs, out: &mut Console) -> Outcome {
    let config = Config::publish(&args.input, &args.typeset, &args.publish, false)
        .map_err(Failure::Usage)?;
    let Some(folder) = meeting_folder(&args.file) else {
        let f = args.file.display();
        return Err(Failure::Usage(text!(
            "lỗi: không có tệp cuộc họp {f}",
            "error: no such meeting file: {f}"
        )));
    };
    let (sender, events) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender).map_err(|e| cannot_watch(&folder, &e))?;
    watcher
        .watch(&folder, RecursiveMode::Recursive)
        .map_err(|e| cannot_watch(&folder, &e))?;
    if let Some(dir) = &args.typeset.templates {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| cannot_watch(dir, &e))?;
    }
    let f = args.file.display();
    out.note(&text!(
        "đang theo dõi {f} (ảnh và mẫu cũng vậy); nhấn Ctrl+C để dừng",
        "watching {f} (its photos and templates too); press Ctrl+C to stop"
    ));
    let paths = WatchedPaths::new(&args.out, &args.file, args.typeset.templates.as_deref());
    let supervisor = Supervisor::new(&Options {
        typeset: &args.typeset,
        input: &args.input,
        publish: Some(&args.publish),
        emit_typst: false,
        lang: out.lang,
    })?;
    loop {
        let last = std::fs::read(&paths.meeting).ok();
        render_once(args, &config, supervisor.as_ref(), out);
        if !wait_for_change(&events, &paths, &last) {
            return Err(Failure::FailedWith(text!(
                "lỗi: mất kết nối theo dõi tệp",
                "error: the file watch stopped"
            )));
        }
    }
}

/// One render of the file, as `hoinghi render` does it (in a watched child with an office's
/// own templates), with the time.
fn render_once(
    args: &WatchArgs,
    config: &Config,
    supervisor: Option<&Supervisor>,
    out: &mut Console,
) {
    let started = Instant::now();
    // A new engine each time: custom templates are read afresh.
    let engine = match config.engine(out) {
        Ok(engine) => engine,
        Err(Failure::Usage(t) | Failure::FailedWith(t)) => return out.note(&t),
        Err(Failure::Failed | Failure::Interrupted(_)) => return,
    };
    let writer = Writer::new(&args.out, config.write);
    writer.remove_stale_parts();
    let failed = match supervisor {
        Some(supervisor) => supervisor.render(&args.file, &args.out, out),
        None => {
            let (report, written) = writer.render(&engine, &args.file, &config.request(&args.file));
            out.report(&report);
            out.written(&written);
            report.failed() || !written.ok()
        }
    };
    let ms = started.elapsed().as_millis();
    let clock = chrono::Local::now().format("%H:%M:%S");
    if failed {
        out.note(&text!(
            "[{clock}] có lỗi (xem trên); sửa tệp rồi lưu lại, hoinghi sẽ soạn lại",
            "[{clock}] errors (above); fix the file and save, hoinghi renders again"
        ));
    } else {
        out.note(&text!(
            "[{clock}] đã soạn xong ({ms} ms); đang chờ thay đổi…",
            "[{clock}] rendered ({ms} ms); waiting for changes…"
        ));
    }
}

/// Blocks until a relevant change, then until the relevant changes have been quiet for
/// [`QUIET`] (other events — someone reading the PDF — neither trigger nor delay a render).
/// Besides the events, the meeting file's bytes are compared with those of the last render
/// every [`QUIET`], so an edit saved while a render was running is never missed. `false` when
/// the watcher is gone.
fn wait_for_change(
    events: &Receiver<notify::Result<notify::Event>>,
    paths: &WatchedPaths,
    last: &Option<Vec<u8>>,
) -> bool {
    let mut next_check = Instant::now() + QUIET;
    loop {
        let timeout = next_check.saturating_duration_since(Instant::now());
        match events.recv_timeout(timeout) {
            Ok(Ok(event)) if relevant(&event, paths) => break,
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return false,
        }
        if Instant::now() >= next_check {
            if std::fs::read(&paths.meeting).ok() != *last {
                break;
            }
            next_check = Instant::now() + QUIET;
        }
    }
    let mut quiet_until = Instant::now() + QUIET;
    loop {
        let timeout = quiet_until.saturating_duration_since(Instant::now());
        if timeout.is_zero() {
            return true;
        }
        match events.recv_timeout(timeout) {
            Ok(Ok(event)) if relevant(&event, paths) => quiet_until = Instant::now() + QUIET,
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// A change worth a render: contents, names or removal of the meeting file, a photo beside it
/// or a template — not of our own output, temporary files or an editor's scratch files.
fn relevant(event: &notify::Event, paths: &WatchedPaths) -> bool {
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event
        .paths
        .iter()
        .any(|p| paths.watched(p) && !paths.never_triggers(p))
}

/// Which paths a render depends on, and which never trigger one.
struct WatchedPaths {
    out: Option<PathBuf>,
    meeting: PathBuf,
    templates: Option<PathBuf>,
}

impl WatchedPaths {
    fn new(out: &Path, meeting: &Path, templates: Option<&Path>) -> WatchedPaths {
        let _ = std::fs::create_dir_all(out);
        WatchedPaths {
            out: out.canonicalize().ok(),
            meeting: meeting
                .canonicalize()
                .unwrap_or_else(|_| meeting.to_path_buf()),
            templates: templates.and_then(|t| t.canonicalize().ok()),
        }
    }

    /// The meeting file, an image, or a file in the template folder.
    fn watched(&self, path: &Path) -> bool {
        let image = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .is_some_and(|e| hoinghi::IMAGE_EXTENSIONS.contains(&e.as_str()));
        path == self.meeting
            || path.file_name() == self.meeting.file_name()
                && path.parent() == self.meeting.parent()
            || image
            || self.templates.as_ref().is_some_and(|t| path.starts_with(t))
    }

    fn never_triggers(&self, path: &Path) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Hidden files include our own temporary files (`.hoinghi-….part`).
        let scratch = name.starts_with('.')
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".tmp");
        let ours = self.out.as_ref().is_some_and(|out| {
            path.starts_with(out)
                || path
                    .parent()
                    .and_then(|p| p.canonicalize().ok())
                    .is_some_and(|p| p.starts_with(out))
        });
        scratch || ours
    }
}

/// The folder to watch: the meeting file's own (editors often replace the file on saving).
fn meeting_folder(file: &Path) -> Option<PathBuf> {
    if !file.is_file() {
        return None;
    }
    let parent = file.parent().filter(|p| !p.as_os_str().is_empty());
    parent.unwrap_or(Path::new(".")).canonicalize().ok()
}

fn cannot_watch(path: &Path, e: &notify::Error) -> Failure {
    let p = path.display();
    Failure::FailedWith(text!(
        "lỗi: không theo dõi được {p}: {e}",
        "error: cannot watch {p}: {e}"
    ))
}
