//! The read model: what the page draws, computed by the engine from a
//! session's world — the graph with git's labels, the head line, each server
//! card with its controls (enabled or not, and why), the profiles table, the
//! pull requests with what blocks each merge. The page renders these and
//! dispatches the [`Action`]s they carry; it decides no rule itself.

pub mod complete;
pub mod console;
pub mod environments;
pub mod files;
pub mod forms;
pub mod graph;
pub mod map;
pub mod profiles;
pub mod pulls;

use crate::action::Action;
use crate::git::status::head_line;
use crate::session::Session;

/// A button: the action it dispatches (and whose line it echoes), whether it
/// can be pressed now, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control {
    /// Stable name for tests and styling (`data-action`): `commit`, `promote`, `undo`…
    pub name: &'static str,
    /// The button's text.
    pub label: String,
    /// What it does.
    pub action: Action,
    /// Whether pressing it would do anything.
    pub enabled: bool,
    /// Why it is disabled (shown as its tooltip), when it is.
    pub why: Option<String>,
}

impl Control {
    /// An enabled control.
    pub fn new(name: &'static str, label: impl Into<String>, action: Action) -> Self {
        Self { name, label: label.into(), action, enabled: true, why: None }
    }

    /// Disabled, for this reason, when `reason` is `Some`.
    #[must_use]
    pub fn unless(mut self, reason: Option<String>) -> Self {
        self.enabled = reason.is_none();
        self.why = reason;
        self
    }

    /// The tooltip: why it is disabled, or the command it runs.
    pub fn title(&self) -> String {
        self.why.clone().unwrap_or_else(|| format!("Runs: {}", self.action.to_line()))
    }
}

/// The repository toolbar: where HEAD is, and the session's buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toolbar {
    /// `On branch main`, `HEAD detached at abc1234`, or how to start.
    pub head: String,
    /// New commit, undo, reset.
    pub controls: Vec<Control>,
}

/// The toolbar over the graph.
pub fn toolbar(session: &Session) -> Toolbar {
    let world = session.world();
    let no_repo = || "No repository yet: run git init".to_string();
    let head = world.local().map_or_else(no_repo, head_line);
    let n = world.local().map_or(0, |r| r.commits.len()) + 1;
    let commit =
        Control::new("commit-empty", "New commit", Action::new_commit(n)).unless(world.local().is_none().then(no_repo));
    let undo = Control::new("undo", "Undo", Action::Undo)
        .unless((!session.can_undo()).then(|| "Nothing to undo yet".to_string()));
    let reset = Control::new("reset", "Reset", Action::Reset)
        .unless((!session.can_reset()).then(|| "Already at the start".to_string()));
    Toolbar { head, controls: vec![commit, undo, reset] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::World;

    #[test]
    fn toolbar_follows_the_session() {
        let mut s = Session::new(World::new());
        let t = toolbar(&s);
        assert_eq!(t.head, "On branch main");
        assert!(t.controls[0].enabled);
        assert_eq!(t.controls[0].title(), "Runs: git commit --allow-empty -m 'Commit 2'");
        assert!(!t.controls[1].enabled && !t.controls[2].enabled);
        s.run("git switch --detach main");
        let t = toolbar(&s);
        assert!(t.head.starts_with("HEAD detached at "), "{}", t.head);
        assert!(t.controls[1].enabled && t.controls[2].enabled);
        assert_eq!(
            toolbar(&Session::new(World::empty())).controls[0].why.as_deref(),
            Some("No repository yet: run git init")
        );
    }
}
