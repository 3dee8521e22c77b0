//! One workspace's state: its engine session, its terminal log, and what its
//! panels show beside the world (the console's last request, the commit
//! picked in the graph, the file open in the editor). It changes only through
//! [`WorkspaceState::run_line`], [`WorkspaceState::apply`] and
//! [`WorkspaceState::submit`]; after each change every view watching it is
//! redrawn.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use engine::share::{Record, Start};
use engine::view::console::{Explained, explain};
use engine::view::forms;
use engine::{Action, Event, Outcome, Session, World};

use crate::markup::View;

/// One line in the terminal's scrollback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Sequence number: which entries are new to the page.
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
    session: RefCell<Session>,
    log: RefCell<Log>,
    request: RefCell<Option<Request>>,
    selected: RefCell<Option<String>>,
    editing: RefCell<String>,
    version: Cell<u64>,
    views: RefCell<Vec<Weak<dyn View>>>,
    /// Saved in the browser (presenter mode's world is not: it is played).
    kept: bool,
}

/// A workspace: one world (the sandbox's, or a lesson's) and its terminal.
/// Cheap to clone: clones share it.
#[derive(Clone)]
pub struct WorkspaceState(Rc<Inner>);

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
        Self(Rc::new(Inner {
            kept,
            start,
            session: RefCell::new(Session::new(world)),
            log: RefCell::new(Log::default()),
            request: RefCell::new(None),
            selected: RefCell::new(None),
            editing: RefCell::new("intents.json".into()),
            version: Cell::new(0),
            views: RefCell::new(Vec::new()),
        }))
    }

    /// Redraws `view` after every change, as long as it lives.
    pub fn watch(&self, view: &Rc<dyn View>) {
        self.0.views.borrow_mut().push(Rc::downgrade(view));
    }

    /// Counts changes: a view caches what it computes per version.
    pub fn version(&self) -> u64 {
        self.0.version.get()
    }

    /// Where this workspace starts.
    pub fn start(&self) -> &Start {
        &self.0.start
    }

    /// The world as its start and the lines run since: what is saved and
    /// shared.
    pub fn record(&self) -> Record {
        Record::of(self.0.start.clone(), &self.0.session.borrow())
    }

    /// The record, unless the session is busy (a command was running when
    /// the page failed).
    pub fn try_record(&self) -> Option<Record> {
        let session = self.0.session.try_borrow().ok()?;
        Some(Record::of(self.0.start.clone(), &session))
    }

    /// Runs `lines` as if typed (a saved or shared world coming back), the
    /// terminal showing them; `each` sees the workspace after every line
    /// (a lesson's checklist follows them), and the page redraws once.
    pub fn replay(&self, lines: &[String], mut each: impl FnMut(&Self)) {
        for line in lines {
            let outcome = self.0.session.borrow_mut().run(line);
            self.0.log.borrow_mut().record(line.clone(), outcome);
            each(self);
        }
        self.session_changed();
    }

    /// The session changed: it is saved soon after, and every view redraws.
    fn session_changed(&self) {
        if self.0.kept {
            crate::saved::later(self);
        }
        self.changed();
    }

    /// Something changed: every live view redraws.
    pub fn changed(&self) {
        self.0.version.set(self.0.version.get() + 1);
        let views: Vec<Rc<dyn View>> = {
            let mut all = self.0.views.borrow_mut();
            all.retain(|v| v.strong_count() > 0);
            all.iter().filter_map(Weak::upgrade).collect()
        };
        for v in views {
            v.redraw();
        }
    }

    /// Runs a typed line and records it.
    pub fn run_line(&self, line: &str) {
        let outcome = self.0.session.borrow_mut().run(line);
        self.0.log.borrow_mut().record(line.to_string(), outcome);
        self.session_changed();
    }

    /// Applies a button's action; the terminal shows the equivalent command.
    pub fn apply(&self, action: &Action) {
        let outcome = self.0.session.borrow_mut().apply(action);
        self.0.log.borrow_mut().record(action.to_line(), outcome);
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
                self.0.log.borrow_mut().record(line, Outcome::err(e));
                self.changed();
                return;
            }
        };
        if form == "request" {
            let explained = self.with_world(|w| explain(w, &action));
            let outcome = self.0.session.borrow_mut().apply(&action);
            let output = outcome.output.clone();
            self.0.log.borrow_mut().record(action.to_line(), outcome);
            *self.0.request.borrow_mut() = explained.ok().map(|explained| Request { explained, output });
            self.session_changed();
        } else {
            self.apply(&action);
        }
    }

    /// Starts over from `world` (a lesson's start): a new session, an empty
    /// terminal and console.
    pub fn restart(&self, world: World) {
        *self.0.session.borrow_mut() = Session::new(world);
        *self.0.log.borrow_mut() = Log::default();
        *self.0.request.borrow_mut() = None;
        *self.0.selected.borrow_mut() = None;
        self.session_changed();
    }

    /// Shows Tab's choices under the line, as a shell does.
    pub fn note(&self, line: &str, options: String) {
        self.0.log.borrow_mut().note(line.to_string(), options, true);
        self.changed();
    }

    /// Ctrl+L: an empty screen; the history stays.
    pub fn clear_screen(&self) {
        self.0.log.borrow_mut().entries.clear();
        self.changed();
    }

    /// Picks a commit in the graph (again: unpicks it).
    pub fn pick_commit(&self, id: String) {
        {
            let mut s = self.0.selected.borrow_mut();
            *s = if s.as_deref() == Some(id.as_str()) { None } else { Some(id) };
        }
        self.changed();
    }

    /// The commit picked in the graph.
    pub fn picked_commit(&self) -> Option<String> {
        self.0.selected.borrow().clone()
    }

    /// Opens `path` in the editor.
    pub fn edit_file(&self, path: String) {
        *self.0.editing.borrow_mut() = path;
        self.changed();
    }

    /// The file open in the editor.
    pub fn editing(&self) -> String {
        self.0.editing.borrow().clone()
    }

    /// The request console's last request.
    pub fn request(&self) -> Option<Request> {
        self.0.request.borrow().clone()
    }

    /// Reads the session.
    pub fn with_session<T>(&self, f: impl FnOnce(&Session) -> T) -> T {
        f(&self.0.session.borrow())
    }

    /// Reads the world.
    pub fn with_world<T>(&self, f: impl FnOnce(&World) -> T) -> T {
        f(self.0.session.borrow().world())
    }

    /// Reads the terminal log.
    pub fn with_log<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        f(&self.0.log.borrow())
    }
}

thread_local! {
    /// The workspaces of this visit: each keeps its world while the learner
    /// moves between pages.
    static OPEN: RefCell<Vec<WorkspaceState>> = const { RefCell::new(Vec::new()) };
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
