//! A learner's session: the world plus the undo history.

use crate::world::{Action, Outcome, World};

/// How many steps `undo` can take back.
const UNDO_DEPTH: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct Session {
    pub world: World,
    undo: Vec<World>,
}

impl Session {
    pub fn new(world: World) -> Self {
        Self { world, undo: Vec::new() }
    }

    /// Runs a typed line. `undo` is handled here, every other line by the world.
    pub fn run(&mut self, line: &str) -> Outcome {
        if line.trim() == "undo" {
            return self.undo();
        }
        let before = self.world.clone();
        let outcome = self.world.run(line);
        self.remember(before);
        outcome
    }

    /// Applies a button's action.
    pub fn apply(&mut self, action: &Action) -> Outcome {
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

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn undo(&mut self) -> Outcome {
        match self.undo.pop() {
            Some(w) => {
                self.world = w;
                Outcome { ok: true, output: "Undid the last command.".into(), clear: false }
            }
            None => Outcome { ok: false, output: "undo: nothing to undo".into(), clear: false },
        }
    }
}
