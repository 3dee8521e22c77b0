//! One workspace's state: its engine session and its terminal log. The
//! signals are private; the page changes them only through [`WorkspaceState::run_line`]
//! and [`WorkspaceState::apply`], and reads them through memos of the
//! engine's read model ([`engine::view`]).

use engine::view::console::{Explained, explain};
use engine::view::forms;
use engine::{Action, Event, Outcome, Session, World};
use leptos::prelude::*;

/// One line in the terminal's scrollback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Sequence number, the key for the keyed list.
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
        self.entries.push(Entry { seq: self.next, line, output: outcome.output, ok: outcome.ok });
        self.next += 1;
    }

    /// Shows `output` under `line` without running it (Tab's choices).
    fn note(&mut self, line: String, output: String) {
        self.entries.push(Entry { seq: self.next, line, output, ok: true });
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

/// A workspace: one world (the sandbox's, or a lesson's) and its terminal.
/// `Copy`, so every panel can hold it.
#[derive(Clone, Copy)]
pub struct WorkspaceState {
    session: RwSignal<Session>,
    log: RwSignal<Log>,
    request: RwSignal<Option<Request>>,
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

impl WorkspaceState {
    /// A workspace starting from `world`.
    pub fn new(world: World) -> Self {
        Self {
            session: RwSignal::new(Session::new(world)),
            log: RwSignal::new(Log::default()),
            request: RwSignal::new(None),
        }
    }

    /// Runs a typed line and records it.
    pub fn run_line(&self, line: &str) {
        if let Some(outcome) = self.session.try_update(|s| s.run(line)) {
            self.log.update(|l| l.record(line.to_string(), outcome));
        }
    }

    /// Applies a button's action; the terminal shows the equivalent command.
    pub fn apply(&self, action: &Action) {
        if let Some(outcome) = self.session.try_update(|s| s.apply(action)) {
            self.log.update(|l| l.record(action.to_line(), outcome));
        }
    }

    /// Submits a form of the engine's read model ([`forms::build`]): its
    /// action is applied as a button's is, and a console request is also
    /// explained.
    pub fn submit(&self, form: &str, values: &[(String, String)]) {
        let action = match forms::build(form, values) {
            Ok(a) => a,
            Err(e) => {
                let line = forms::line(form, values).unwrap_or_default();
                self.log.update(|l| l.record(line, Outcome::err(e)));
                return;
            }
        };
        let explained = (form == "request").then(|| self.session.with_untracked(|s| explain(s.world(), &action)));
        self.apply(&action);
        if let Some(explained) = explained {
            let output = self.log.with_untracked(|l| l.entries().last().map(|e| e.output.clone()).unwrap_or_default());
            self.request.set(explained.ok().map(|explained| Request { explained, output }));
        }
    }

    /// Shows Tab's choices under the line, as a shell does.
    pub fn note(&self, line: &str, options: String) {
        self.log.update(|l| l.note(line.to_string(), options));
    }

    /// Ctrl+L: an empty screen; the history stays.
    pub fn clear_screen(&self) {
        self.log.update(|l| l.entries.clear());
    }

    /// Reads the world without tracking it (in event handlers).
    pub fn with_world_untracked<T>(&self, f: impl FnOnce(&World) -> T) -> T {
        self.session.with_untracked(|s| f(s.world()))
    }

    /// The request console's last request (tracked).
    pub fn request(&self) -> Option<Request> {
        self.request.get()
    }

    /// A memo of something the engine computes from the session (its read
    /// model): recomputed when the session changes, and only then.
    pub fn memo<T>(&self, read: fn(&Session) -> T) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let session = self.session;
        Memo::new(move |_| session.with(read))
    }

    /// Reads the session (tracked): for read models that take an argument.
    pub fn with_session<T>(&self, f: impl FnOnce(&Session) -> T) -> T {
        self.session.with(f)
    }

    /// Reads the terminal log (tracked).
    pub fn with_log<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        self.log.with(f)
    }

    /// Reads the terminal log without tracking it (in event handlers).
    pub fn with_log_untracked<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        self.log.with_untracked(f)
    }
}

/// The workspaces of this visit, by name (`sandbox`, `lesson:ID`): each keeps
/// its world while the learner moves between pages.
#[derive(Clone, Copy)]
pub struct Workspaces {
    owner: StoredValue<Owner>,
    open: StoredValue<Vec<(String, WorkspaceState)>>,
}

impl Workspaces {
    /// The workspace named `name`, created from `start` on first use.
    pub fn get_or_create(&self, name: &str, start: impl FnOnce() -> World) -> WorkspaceState {
        if let Some(ws) = self.open.with_value(|o| o.iter().find(|(n, _)| n == name).map(|(_, w)| *w)) {
            return ws;
        }
        // Created under the app's owner, so leaving the page keeps it alive.
        let ws = self.owner.with_value(|o| o.with(|| WorkspaceState::new(start())));
        self.open.update_value(|o| o.push((name.to_string(), ws)));
        ws
    }
}

/// Makes the registry available to every page; call once, in the app.
pub fn provide_workspaces() {
    let owner = Owner::current().unwrap_or_default();
    provide_context(Workspaces { owner: StoredValue::new(owner), open: StoredValue::new(Vec::new()) });
}

/// Provides the workspace named `name` to the components below.
pub fn provide_workspace(name: &str, start: impl FnOnce() -> World) -> WorkspaceState {
    let ws = match use_context::<Workspaces>() {
        Some(all) => all.get_or_create(name, start),
        // Mounted on its own (component tests): a workspace of its own.
        None => WorkspaceState::new(start()),
    };
    provide_context(ws);
    ws
}

/// The workspace of the page this component is on.
pub fn expect_workspace() -> WorkspaceState {
    expect_context::<WorkspaceState>()
}
