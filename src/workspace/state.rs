//! One workspace's state: its engine session, its terminal log, and what its
//! panels show beside the world (the console's last request, the commit
//! picked in the graph, the file open in the editor), as signals. It changes
//! only through [`WorkspaceState::run_line`], [`WorkspaceState::apply`] and
//! [`WorkspaceState::submit`].
//!
//! Why the session sits behind a lock with a `version` signal beside it,
//! not in a signal of its own: the panic net must read it without waiting
//! while a command that failed still holds it ([`WorkspaceState::try_record`]).
//! Reading it through [`WorkspaceState::with_session`] tracks `version`, so
//! memos and views follow it like any signal.

use std::sync::{Arc, RwLock};

use engine::share::{Record, Start};
use engine::view::console::{Explained, explain};
use engine::view::forms;
use engine::{Action, Event, Outcome, Session, World};
use leptos::prelude::*;

/// One line in the terminal's scrollback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Sequence number: the entry's key on the page.
    pub seq: usize,
    /// The command as typed, or as the button echoed it.
    pub line: String,
    /// What it printed.
    pub output: String,
    /// Whether it succeeded.
    pub ok: bool,
}

/// What the terminal shows and remembers: `clear` empties the scrollback,
/// never the ↑ history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    entries: Vec<Entry>,
    history: Vec<String>,
    next: usize,
}

impl Log {
    fn record(&mut self, line: String, outcome: Outcome) {
        if !line.trim().is_empty() && self.history.last() != Some(&line) {
            self.history.push(line.clone());
        }
        if outcome.events.contains(&Event::Cleared) {
            self.entries.clear();
            return;
        }
        self.note(line, outcome.output, outcome.ok);
    }

    /// Shows `output` under `line` without it joining the history.
    fn note(&mut self, line: String, output: String, ok: bool) {
        self.entries.push(Entry { seq: self.next, line, output, ok });
        self.next += 1;
    }

    /// The scrollback, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every line run, oldest first (↑/↓ walk it).
    pub fn history(&self) -> &[String] {
        &self.history
    }
}

/// The request console's last request: what the engine says the profile did,
/// and the answer as `curl` printed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// What each setting did.
    pub explained: Explained,
    /// `curl`'s output.
    pub output: String,
}

struct Inner {
    start: Start,
    /// Saved in the browser (presenter mode's world is not: it is played).
    kept: bool,
    session: RwLock<Session>,
    /// Counts the session's changes; every read of the session tracks it.
    version: ArcRwSignal<u64>,
    log: ArcRwSignal<Log>,
    request: ArcRwSignal<Option<Request>>,
    picked: ArcRwSignal<Option<String>>,
    editing: ArcRwSignal<String>,
}

/// A workspace: one world (the sandbox's, or a lesson's) and its terminal.
/// Cheap to clone: clones share it. It outlives the page showing it (its
/// signals are reference-counted, not owned by a component), so leaving the
/// sandbox and coming back finds it as it was.
#[derive(Clone)]
pub struct WorkspaceState(Arc<Inner>);

impl PartialEq for WorkspaceState {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl WorkspaceState {
    /// A sandbox workspace starting from `world`.
    pub fn new(world: World) -> Self {
        Self::at(Start::Sandbox, world)
    }

    /// A workspace for `start` (saved and shared under its name), starting
    /// from `world`.
    pub fn at(start: Start, world: World) -> Self {
        Self::made(start, world, true)
    }

    /// A workspace never saved: presenter mode plays the week on one, and
    /// the learner's own worlds stay as they were.
    pub fn scratch(start: Start, world: World) -> Self {
        Self::made(start, world, false)
    }

    fn made(start: Start, world: World, kept: bool) -> Self {
        Self(Arc::new(Inner {
            start,
            kept,
            session: RwLock::new(Session::new(world)),
            version: ArcRwSignal::new(0),
            log: ArcRwSignal::new(Log::default()),
            request: ArcRwSignal::new(None),
            picked: ArcRwSignal::new(None),
            editing: ArcRwSignal::new("intents.json".into()),
        }))
    }

    /// How many times the session changed (tracked): 0 for a workspace
    /// never opened.
    pub fn version(&self) -> u64 {
        self.0.version.get()
    }

    /// Where this workspace starts.
    pub fn start(&self) -> &Start {
        &self.0.start
    }

    /// The world as its start and the lines run since: what is saved and
    /// shared (not tracked).
    pub fn record(&self) -> Record {
        self.with_session_untracked(|s| Record::of(self.0.start.clone(), s))
    }

    /// The record, unless the session is busy (a command was running when
    /// the page failed).
    pub fn try_record(&self) -> Option<Record> {
        let session = self.0.session.try_read().ok()?;
        Some(Record::of(self.0.start.clone(), &session))
    }

    fn run(&self, f: impl FnOnce(&mut Session) -> Outcome) -> Outcome {
        let mut session = self.0.session.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut session)
    }

    /// Runs `lines` as if typed (a saved or shared world coming back), the
    /// terminal showing them; `each` sees the world after every line (a
    /// lesson's checklist follows them), and the page updates once.
    pub fn replay(&self, lines: &[String], mut each: impl FnMut(&World)) {
        let outcomes: Vec<Outcome> = lines
            .iter()
            .map(|line| {
                self.run(|s| {
                    let o = s.run(line);
                    each(s.world());
                    o
                })
            })
            .collect();
        self.0.log.update(|log| {
            for (line, outcome) in lines.iter().zip(outcomes) {
                log.record(line.clone(), outcome);
            }
        });
        self.session_changed();
    }

    /// The session changed: it is saved soon after, and its readers update.
    fn session_changed(&self) {
        if self.0.kept {
            crate::saved::later(self);
        }
        self.0.version.update(|v| *v += 1);
    }

    /// Runs a typed line and records it.
    pub fn run_line(&self, line: &str) {
        let outcome = self.run(|s| s.run(line));
        self.0.log.update(|log| log.record(line.to_string(), outcome));
        self.session_changed();
    }

    /// Applies a button's action; the terminal shows the equivalent command.
    pub fn apply(&self, action: &Action) {
        let outcome = self.run(|s| s.apply(action));
        self.0.log.update(|log| log.record(action.to_line(), outcome));
        self.session_changed();
    }

    /// Submits a form of the engine's read model ([`forms::build`]): its
    /// action is applied as a button's is, and a console request is also
    /// explained.
    pub fn submit(&self, form: &str, values: &[(String, String)]) {
        let action = match forms::build(form, values) {
            Ok(a) => a,
            Err(e) => {
                let line = forms::line(form, values).unwrap_or_default();
                self.0.log.update(|log| log.record(line, Outcome::err(e)));
                return;
            }
        };
        if form == "request" {
            let explained = self.with_session_untracked(|s| explain(s.world(), &action));
            let outcome = self.run(|s| s.apply(&action));
            let output = outcome.output.clone();
            self.0.log.update(|log| log.record(action.to_line(), outcome));
            self.0.request.set(explained.ok().map(|explained| Request { explained, output }));
            self.session_changed();
        } else {
            self.apply(&action);
        }
    }

    /// Starts over from `world` (a lesson's start): a new session, an empty
    /// terminal and console.
    pub fn restart(&self, world: World) {
        *self.0.session.write().unwrap_or_else(std::sync::PoisonError::into_inner) = Session::new(world);
        self.0.log.set(Log::default());
        self.0.request.set(None);
        self.0.picked.set(None);
        self.session_changed();
    }

    /// Shows Tab's choices under the line, as a shell does.
    pub fn note(&self, line: &str, options: String) {
        self.0.log.update(|log| log.note(line.to_string(), options, true));
    }

    /// Ctrl+L: an empty screen; the history stays.
    pub fn clear_screen(&self) {
        self.0.log.update(|log| log.entries.clear());
    }

    /// Picks a commit in the graph (again: unpicks it).
    pub fn pick_commit(&self, id: String) {
        self.0.picked.update(|s| *s = if s.as_deref() == Some(id.as_str()) { None } else { Some(id) });
    }

    /// The commit picked in the graph (tracked).
    pub fn picked_commit(&self) -> Option<String> {
        self.0.picked.get()
    }

    /// Opens `path` in the editor.
    pub fn edit_file(&self, path: String) {
        self.0.editing.set(path);
    }

    /// The file open in the editor (tracked).
    pub fn editing(&self) -> String {
        self.0.editing.get()
    }

    /// The request console's last request (tracked).
    pub fn request(&self) -> Option<Request> {
        self.0.request.get()
    }

    /// Reads the session, tracking its changes.
    pub fn with_session<T>(&self, f: impl FnOnce(&Session) -> T) -> T {
        self.0.version.track();
        self.with_session_untracked(f)
    }

    /// Reads the session without tracking it.
    pub fn with_session_untracked<T>(&self, f: impl FnOnce(&Session) -> T) -> T {
        f(&self.0.session.read().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Reads the world, tracking its changes.
    pub fn with_world<T>(&self, f: impl FnOnce(&World) -> T) -> T {
        self.with_session(|s| f(s.world()))
    }

    /// Reads the terminal log, tracking its changes.
    pub fn with_log<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        self.0.log.with(f)
    }

    /// Reads the terminal log without tracking it (the keys read the history).
    pub fn with_log_untracked<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        self.0.log.with_untracked(f)
    }
}

thread_local! {
    /// The workspaces of this visit: each keeps its world while the learner
    /// moves between pages.
    static OPEN: std::cell::RefCell<Vec<WorkspaceState>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The workspace for `start`, and whether it was just made (then it holds a
/// fresh world, and the page opens it with [`crate::opening::open`] once it
/// knows the start's world).
pub fn workspace(start: &Start) -> (WorkspaceState, bool) {
    if let Some(ws) = OPEN.with_borrow(|o| o.iter().find(|w| w.start() == start).cloned()) {
        return (ws, false);
    }
    let ws = WorkspaceState::at(start.clone(), World::new());
    OPEN.with_borrow_mut(|o| o.push(ws.clone()));
    (ws, true)
}

/// Forgets this visit's workspace for `start`: the next page showing it
/// opens it anew (a share link was opened for it).
pub fn close(start: &Start) {
    OPEN.with_borrow_mut(|o| o.retain(|w| w.start() != start));
}

/// The workspaces open this visit.
pub fn opened() -> Vec<WorkspaceState> {
    OPEN.with_borrow(Clone::clone)
}
