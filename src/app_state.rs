//! The one place app state lives: the engine session, shared by context.

use engine::{Action, Outcome, Session};
use leptos::prelude::*;

/// One line in the terminal's scrollback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Sequence number, the key for the keyed list.
    pub seq: usize,
    pub line: String,
    pub output: String,
    pub ok: bool,
}

/// The learner's session and the terminal scrollback that records it.
/// Newtype so `expect_context` can't confuse it with another signal.
#[derive(Clone, Copy)]
pub struct SessionState {
    pub session: RwSignal<Session>,
    pub scrollback: RwSignal<Vec<Entry>>,
}

impl SessionState {
    pub fn new(session: Session) -> Self {
        Self { session: RwSignal::new(session), scrollback: RwSignal::new(Vec::new()) }
    }

    /// Runs a typed line and records it in the scrollback.
    pub fn run_line(&self, line: &str) {
        let outcome = self.session.try_update(|s| s.run(line));
        if let Some(outcome) = outcome {
            self.record(line.to_string(), outcome);
        }
    }

    /// Runs a button's action; the terminal shows the equivalent command.
    pub fn apply(&self, make: impl FnOnce(&engine::World) -> Action) {
        let outcome = self.session.try_update(|s| {
            let action = make(&s.world);
            (action.to_line(), s.apply(&action))
        });
        if let Some((line, outcome)) = outcome {
            self.record(line, outcome);
        }
    }

    fn record(&self, line: String, outcome: Outcome) {
        self.scrollback.update(|lines| {
            if outcome.clear {
                lines.clear();
                return;
            }
            let seq = lines.last().map_or(0, |e| e.seq + 1);
            lines.push(Entry { seq, line, output: outcome.output, ok: outcome.ok });
        });
    }
}

pub fn provide_session() {
    provide_context(SessionState::new(Session::default()));
}

pub fn expect_session() -> SessionState {
    expect_context::<SessionState>()
}
