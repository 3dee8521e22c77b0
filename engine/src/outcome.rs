//! What one action did: the terminal's text, whether it succeeded, and the
//! events the page and lessons react to.

use serde::Serialize;

/// How every line the tutor adds to a tool's own output begins (a server
/// deploying after a push, a pull request closing): what the real tool would
/// not print. Tests comparing with real git strip exactly these lines.
pub const TUTOR_NOTE: &str = "→ ";

/// Something an action did that a view may animate or a lesson may check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Event {
    /// `clear`: the terminal's scrollback should be emptied.
    Cleared,
    /// A server started running a new commit.
    Deployed {
        /// The server's label (`staging`, `preview-2`).
        server: String,
        /// The commit's full id.
        commit: String,
    },
    /// `undo` restored the world before the last command.
    Undone,
    /// `reset` restored the world this session started from.
    Reset,
}

/// What one action did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Whether it succeeded (a shell's exit status 0).
    pub ok: bool,
    /// What the terminal prints.
    pub output: String,
    /// What changed that a view or a lesson may react to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

impl Outcome {
    /// A success that printed `output`.
    pub fn ok(output: impl Into<String>) -> Self {
        Self { ok: true, output: output.into(), events: Vec::new() }
    }

    /// A failure that printed `output`.
    pub fn err(output: impl Into<String>) -> Self {
        Self { ok: false, output: output.into(), events: Vec::new() }
    }

    /// This outcome, also reporting `event`.
    #[must_use]
    pub fn with(mut self, event: Event) -> Self {
        self.events.push(event);
        self
    }

    /// Appends lines the platforms printed after the command (deploy notes).
    pub(crate) fn append(&mut self, lines: &[String]) {
        if lines.is_empty() {
            return;
        }
        if !self.output.is_empty() {
            self.output.push('\n');
        }
        self.output.push_str(&lines.join("\n"));
    }
}

/// Any command's result: its text, or its error's text (which is what the
/// learner reads).
impl<E: std::fmt::Display> From<Result<String, E>> for Outcome {
    fn from(r: Result<String, E>) -> Self {
        match r {
            Ok(s) => Self::ok(s),
            Err(e) => Self::err(e.to_string()),
        }
    }
}
