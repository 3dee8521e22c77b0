//! Saving and sharing a world. A world is its start (the sandbox, or a
//! lesson's start) and the lines the learner ran there, in order: replaying
//! them through a [`Session`] rebuilds exactly that world — graph, servers,
//! pull requests — and the terminal's history with it, because the engine is
//! deterministic. Three encodings of that [`Record`]:
//!
//! - [`link`]: a compact, versioned, URL-safe share link for a fragment;
//! - [`file`]: a JSON file to export and import;
//! - [`store`]: what the page keeps in local storage (progress and the last
//!   world of each workspace), with migrations from every earlier version.
//!
//! Every decoder takes any text and answers a clear error, never a panic, and
//! bounds what it accepts so a hostile input cannot hang the page.

pub mod base64;
pub mod file;
pub mod link;
pub mod lz;
pub mod store;

use thiserror::Error;

use crate::session::Session;
use crate::world::World;

/// At most this many lines in a saved or shared world.
pub const MAX_LINES: usize = 10_000;
/// At most this many bytes in one line (a saved file's text is one line).
pub const MAX_LINE: usize = 64 * 1024;

/// Where a world starts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Start {
    /// The sandbox: the guide's project, fresh.
    Sandbox,
    /// A lesson's start, by lesson id.
    Lesson(String),
}

impl Start {
    /// Its name: `sandbox`, or `lesson:ID` (the page's workspace names).
    pub fn name(&self) -> String {
        match self {
            Self::Sandbox => "sandbox".into(),
            Self::Lesson(id) => format!("lesson:{id}"),
        }
    }

    /// Reads a name written by [`Start::name`].
    pub fn parse(name: &str) -> Option<Self> {
        match name.strip_prefix("lesson:") {
            Some(id) if crate::lesson::is_id(id) => Some(Self::Lesson(id.to_string())),
            Some(_) => None,
            None => (name == "sandbox").then_some(Self::Sandbox),
        }
    }

    /// The page that shows it.
    pub fn path(&self) -> String {
        match self {
            Self::Sandbox => "/sandbox".into(),
            Self::Lesson(id) => format!("/lesson/{id}"),
        }
    }
}

/// A world as its start and the lines run there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where it starts.
    pub start: Start,
    /// Every line run since, oldest first.
    pub lines: Vec<String>,
}

impl Record {
    /// The record of `session`, which started at `start`.
    pub fn of(start: Start, session: &Session) -> Self {
        Self { start, lines: session.lines().to_vec() }
    }

    /// The session these lines make from `world` (the start's world).
    pub fn replay(&self, world: World) -> Session {
        let mut session = Session::new(world);
        for line in &self.lines {
            session.run(line);
        }
        session
    }

    /// Checks the limits every decoder enforces.
    fn checked(self) -> Result<Self, ShareError> {
        if self.lines.len() > MAX_LINES {
            return Err(ShareError::TooManyLines(self.lines.len()));
        }
        if self.lines.iter().any(|l| l.len() > MAX_LINE) {
            return Err(ShareError::Damaged("a line is longer than any the terminal takes".into()));
        }
        Ok(self)
    }
}

/// Why a link, file or saved state cannot be opened. The text is what the
/// learner reads, after "This share link" / "This file" / "Your saved work".
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// Nothing to read.
    #[error("is empty")]
    Empty,
    /// Longer than any we make.
    #[error("is too long to be one of ours ({0} characters; the most is {max})", max = link::MAX_LINK)]
    TooLong(usize),
    /// More lines than any we keep.
    #[error("has {0} commands; the most a world keeps is {MAX_LINES}")]
    TooManyLines(usize),
    /// Made by a later version of the app.
    #[error(
        "was made by a newer version of Branch to Prod (format {0}); reload the page to update, then open it again"
    )]
    Newer(u32),
    /// Not something this app writes.
    #[error("is not from Branch to Prod")]
    Foreign,
    /// Damaged or cut off.
    #[error("is damaged: {0}")]
    Damaged(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_names_round_trip_and_refuse_strangers() {
        for s in [Start::Sandbox, Start::Lesson("big-picture".into())] {
            assert_eq!(Start::parse(&s.name()), Some(s));
        }
        assert_eq!(Start::Lesson("x".into()).path(), "/lesson/x");
        for bad in ["", "lesson:", "lesson:../x", "lesson:<b>", "Sandbox", "lesson:a b"] {
            assert_eq!(Start::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn replaying_the_lines_rebuilds_the_world() {
        let mut s = Session::new(World::new());
        for l in [
            "git checkout -b feature/x development",
            "edit product-inquiry",
            "git add .",
            "git commit -m 'x'",
            "undo",
            "git commit -m y",
        ] {
            s.run(l);
        }
        let record = Record::of(Start::Sandbox, &s);
        assert_eq!(record.lines.len(), 6);
        assert_eq!(record.replay(World::new()).world(), s.world());
    }
}
