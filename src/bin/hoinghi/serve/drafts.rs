//! What the server holds: the folder, the two engines (plain and "DỰ THẢO"), the token, and the
//! meetings being edited — each one's unsaved text and its preview's kept Typst sources. The
//! kept sources of meetings not edited for a while are let go (their text never is).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use hoinghi::{Engine, Lang, Preview};
use tokio::sync::Semaphore;

/// Meetings whose previews are kept; the least recently edited beyond them is let go.
pub const KEPT_PREVIEWS: usize = 10;

/// A preview not used for this long is let go.
pub const PREVIEW_IDLE: Duration = Duration::from_secs(15 * 60);

/// Documents laid out at once; further requests wait their turn.
pub const RENDERS_AT_ONCE: usize = 2;

/// How long a request waits for its turn before it is told the server is busy.
pub const BUSY_AFTER: Duration = Duration::from_secs(20);

/// Everything the handlers share.
pub struct AppState {
    /// The meeting folder (canonical): nothing outside it is read or written.
    pub folder: PathBuf,
    /// The engine for documents as they are.
    pub engine: Engine,
    /// The engine for documents marked "DỰ THẢO".
    pub draft_engine: Engine,
    /// The secret every request must carry.
    pub token: String,
    /// The address the server listens on (its port is the only one a Host header may name).
    pub address: SocketAddr,
    /// The language of messages.
    pub lang: Lang,
    /// Renders at once.
    pub renders: Semaphore,
    drafts: Mutex<HashMap<String, Arc<Mutex<Draft>>>>,
}

/// One meeting being edited.
pub struct Draft {
    /// The meeting file's text as the clerk has it now (saved or not).
    pub text: String,
    /// The file's text when it was opened or last saved.
    saved: String,
    /// What its previews keep between edits.
    pub preview: Preview,
    /// When it was last edited or previewed.
    pub used: Instant,
}

impl Draft {
    /// Whether the clerk's text differs from the file.
    pub fn dirty(&self) -> bool {
        self.text != self.saved
    }
}

impl AppState {
    /// The state of a server for `folder` listening on `address`, with a fresh random token.
    pub fn new(
        folder: PathBuf,
        engine: Engine,
        draft_engine: Engine,
        address: SocketAddr,
        lang: Lang,
    ) -> AppState {
        AppState {
            folder,
            engine,
            draft_engine,
            token: new_token(),
            address,
            lang,
            renders: Semaphore::new(RENDERS_AT_ONCE),
            drafts: Mutex::new(HashMap::new()),
        }
    }

    /// The form's address at `at`, with the token.
    pub fn address_for(&self, at: &SocketAddr) -> String {
        format!("http://{at}/?t={}", self.token)
    }

    /// The draft of `file`; when there is none, one begun from the file as `read` reads it (a
    /// file that cannot be read begins none).
    pub fn draft<E>(
        &self,
        file: &str,
        read: impl FnOnce() -> Result<String, E>,
    ) -> Result<Arc<Mutex<Draft>>, E> {
        let mut drafts = lock(&self.drafts);
        if let Some(draft) = drafts.get(file) {
            return Ok(Arc::clone(draft));
        }
        let text = read()?;
        let draft = Arc::new(Mutex::new(Draft {
            saved: text.clone(),
            text,
            preview: Preview::new(),
            used: Instant::now(),
        }));
        drafts.insert(file.to_owned(), Arc::clone(&draft));
        Ok(draft)
    }

    /// The text of `file`'s draft and whether it is unsaved, if it has a draft.
    pub fn draft_text(&self, file: &str) -> Option<(String, bool)> {
        let draft = lock(&self.drafts).get(file).cloned()?;
        let draft = lock(&draft);
        Some((draft.text.clone(), draft.dirty()))
    }

    /// Records that `file` now holds `text` on disk.
    pub fn saved(&self, file: &str, text: String) {
        if let Some(draft) = lock(&self.drafts).get(file).cloned() {
            lock(&draft).saved = text;
        }
    }

    /// Lets go the kept previews of meetings not edited for [`PREVIEW_IDLE`] and of all but
    /// the [`KEPT_PREVIEWS`] most recently edited; `busy` (the one being edited) is skipped.
    pub fn evict(&self, busy: &str) {
        let drafts: Vec<(String, Arc<Mutex<Draft>>)> = lock(&self.drafts)
            .iter()
            .map(|(k, v)| (k.clone(), Arc::clone(v)))
            .collect();
        let mut used: Vec<(Instant, Arc<Mutex<Draft>>)> = drafts
            .into_iter()
            .filter(|(file, _)| file != busy)
            .filter_map(|(_, d)| {
                let at = d.try_lock().ok()?.used;
                Some((at, d))
            })
            .collect();
        used.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        for (rank, (at, draft)) in used.into_iter().enumerate() {
            if (rank + 1 >= KEPT_PREVIEWS || at.elapsed() > PREVIEW_IDLE)
                && let Ok(mut draft) = draft.try_lock()
            {
                draft.preview = Preview::new();
            }
        }
        hoinghi::evict_caches_older_than(3 * KEPT_PREVIEWS);
    }
}

/// Locks `mutex`, going on with its data when a panicking request poisoned it (every request
/// leaves a draft whole: its text is replaced in one assignment).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// 32 random hexadecimal digits (128 bits) from the system's generator.
fn new_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system's random generator");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
