//! A learner's session: a world, where it started, and the undo history.
//! [`Session::apply`] is the page's one entry: it takes `undo` and `reset`
//! itself (they restore a saved world) and hands every other action to
//! [`World::apply`].

use crate::action::{Action, Apply};
use crate::outcome::{Event, Outcome};
use crate::terminal;
use crate::world::World;

/// How many steps `undo` can take back.
const UNDO_DEPTH: usize = 100;

/// A world with its start and its undo history.
#[derive(Debug, Clone, Default)]
pub struct Session {
    world: World,
    start: World,
    undo: Vec<World>,
    /// Every line run since the start, oldest first: replayed from the
    /// start, they rebuild this world (saving and sharing rely on it).
    lines: Vec<String>,
}

/// A session while one typed line runs: its commands share one undo entry,
/// which is not taken if the line itself restored a world (undo, reset).
struct Line<'a> {
    session: &'a mut Session,
    restored: bool,
}

impl Apply for Line<'_> {
    fn apply(&mut self, action: &Action) -> Outcome {
        let outcome = match action {
            Action::Undo => self.session.undo(),
            Action::Reset => self.session.reset(),
            _ => return self.session.world.apply(action),
        };
        self.restored |= outcome.ok;
        outcome
    }
}

impl Session {
    /// A session starting from `world`; `reset` comes back to it.
    pub fn new(world: World) -> Self {
        Self { start: world.clone(), world, undo: Vec::new(), lines: Vec::new() }
    }

    /// Every line run since the start (a button's as its echo), oldest first.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The world as it is now.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// Runs a typed line; all its commands are one step for `undo`.
    pub fn run(&mut self, line: &str) -> Outcome {
        if !line.trim().is_empty() {
            self.lines.push(line.to_string());
        }
        let before = self.world.clone();
        let mut running = Line { session: self, restored: false };
        let outcome = terminal::run(&mut running, line);
        if !running.restored {
            self.remember(before);
        }
        outcome
    }

    /// Applies one action (a button's, or one command of a typed line).
    pub fn apply(&mut self, action: &Action) -> Outcome {
        self.lines.push(action.to_line());
        match action {
            Action::Undo => return self.undo(),
            Action::Reset => return self.reset(),
            _ => {}
        }
        let before = self.world.clone();
        let outcome = self.world.apply(action);
        self.remember(before);
        outcome
    }

    fn remember(&mut self, before: World) {
        if before != self.world {
            if self.undo.len() == UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.undo.push(before);
        }
    }

    /// Whether `undo` has anything to take back.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether the world differs from where it started.
    pub fn can_reset(&self) -> bool {
        self.world != self.start
    }

    fn undo(&mut self) -> Outcome {
        match self.undo.pop() {
            Some(w) => {
                self.world = w;
                Outcome::ok("Undid the last command.").with(Event::Undone)
            }
            None => Outcome::err("undo: nothing to undo"),
        }
    }

    fn reset(&mut self) -> Outcome {
        if !self.can_reset() {
            return Outcome::ok("Already at the start.");
        }
        // `undo` goes back to where the learner was.
        let now = std::mem::replace(&mut self.world, self.start.clone());
        self.remember(now);
        Outcome::ok("Back to the start (undo takes you back to where you were).").with(Event::Reset)
    }
}

impl Apply for Session {
    fn apply(&mut self, action: &Action) -> Outcome {
        Session::apply(self, action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_goes_back_to_the_start_and_undo_comes_back() {
        let mut s = Session::new(World::new());
        assert!(s.run("git switch -c feature/x && git commit --allow-empty -m x").ok);
        let worked = s.world().clone();
        assert!(s.can_reset());
        let o = s.run("reset");
        assert!(o.ok && o.events.contains(&Event::Reset), "{o:?}");
        assert_eq!(s.world(), &World::new());
        assert!(!s.can_reset());
        let o = s.run("undo");
        assert!(o.ok && o.events.contains(&Event::Undone));
        assert_eq!(s.world(), &worked);
        // One typed line is one undo step, however many commands it ran.
        assert!(s.run("undo").ok);
        assert_eq!(s.world(), &World::new());
        assert!(!s.run("undo").ok);
    }
}
