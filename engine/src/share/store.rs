//! What the page keeps in local storage: the finished lessons and the last
//! world of each workspace, as JSON under [`KEY`]:
//! `{"version": 2, "progress": ["big-picture"], "worlds": {"sandbox": […]}}`.
//!
//! Every earlier version is read and migrated, one step at a time:
//! - version 1 (the first release) kept only progress, as comma-separated
//!   lesson ids under [`KEY_V1`];
//! - version 2 (this one) added the worlds.

use super::file::{strings, version};
use super::{Record, ShareError, Start};
use crate::chatbot::json_read::{self, Value};

/// The storage key of the current format.
pub const KEY: &str = "b2p-state";
/// Version 1's key (progress only).
pub const KEY_V1: &str = "b2p-progress-v1";
/// The version this app writes.
pub const VERSION: u32 = 2;
/// The most we read back (local storage holds about 5 MB).
const MAX_STORED: usize = 4 * 1024 * 1024;

/// Everything saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// Finished lessons, by id, in the order they were finished.
    pub progress: Vec<String>,
    /// The last world of each workspace.
    pub worlds: Vec<Record>,
}

impl Saved {
    /// The saved world that starts at `start`.
    pub fn world(&self, start: &Start) -> Option<&Record> {
        self.worlds.iter().find(|r| r.start == *start)
    }

    /// Keeps `record` as its start's world (an empty one is forgotten).
    pub fn keep(&mut self, record: Record) {
        self.worlds.retain(|r| r.start != record.start);
        if !record.lines.is_empty() {
            self.worlds.push(record);
        }
    }

    /// Marks lesson `id` finished.
    pub fn finish(&mut self, id: &str) {
        if crate::lesson::is_id(id) && !self.progress.iter().any(|p| p == id) {
            self.progress.push(id.to_string());
        }
    }
}

/// What was read, and what went wrong reading it (then `saved` is what
/// could be kept: nothing of a damaged state, which the page keeps aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The saved state (fresh if it could not be read).
    pub saved: Saved,
    /// Why the stored state could not be read.
    pub problem: Option<ShareError>,
    /// Whether it came from an earlier version (the page writes it back now).
    pub migrated: bool,
}

/// Reads storage: `current` under [`KEY`], `v1` under [`KEY_V1`]. Version
/// 1's progress joins whatever the current state holds (a tab of the old
/// version may have written it after this version first ran).
pub fn load(current: Option<&str>, v1: Option<&str>) -> Loaded {
    let (mut saved, problem) = match current.map(read) {
        Some(Ok(saved)) => (saved, None),
        Some(Err(e)) => (Saved::default(), Some(e)),
        None => (Saved::default(), None),
    };
    if let Some(v1) = v1 {
        from_v1(&mut saved, v1);
    }
    Loaded { saved, problem, migrated: v1.is_some() }
}

/// Version 1 → the current version: its ids join the progress (anything
/// that is not an id was never written by us and is dropped).
fn from_v1(saved: &mut Saved, text: &str) {
    for id in text.split(',') {
        saved.finish(id);
    }
}

fn read(text: &str) -> Result<Saved, ShareError> {
    if text.len() > MAX_STORED {
        return Err(ShareError::TooLong(text.len()));
    }
    let value = json_read::parse(text).map_err(|e| ShareError::Damaged(format!("it is not valid JSON ({e})")))?;
    match version(&value) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(ShareError::Newer(v)),
        _ => return Err(ShareError::Foreign),
    }
    let progress = strings(value.get("progress"))
        .filter(|p| p.iter().all(|id| crate::lesson::is_id(id)))
        .ok_or_else(|| ShareError::Damaged("its progress is not a list of lessons".into()))?;
    let Some(Value::Object(worlds)) = value.get("worlds") else {
        return Err(ShareError::Damaged("its worlds are missing".into()));
    };
    let worlds = worlds
        .iter()
        .map(|(name, lines)| {
            let start = Start::parse(name)
                .ok_or_else(|| ShareError::Damaged(format!("it has a world at “{name}”, which is no place here")))?;
            let lines = strings(Some(lines))
                .ok_or_else(|| ShareError::Damaged(format!("the {name} world is not a list of commands")))?;
            Record { start, lines }.checked()
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Saved { progress, worlds })
}

/// The text to store under [`KEY`].
pub fn write(saved: &Saved) -> String {
    let list = |items: &[String]| items.iter().map(|i| json_read::quote(i)).collect::<Vec<_>>().join(", ");
    let worlds: Vec<String> =
        saved.worlds.iter().map(|r| format!("{}: [{}]", json_read::quote(&r.start.name()), list(&r.lines))).collect();
    format!(
        "{{\"version\": {VERSION}, \"progress\": [{}], \"worlds\": {{{}}}}}",
        list(&saved.progress),
        worlds.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Saved {
        Saved {
            progress: vec!["big-picture".into(), "integration".into()],
            worlds: vec![
                Record { start: Start::Sandbox, lines: vec!["git status".into(), "echo '<b>\"\\</b>' > x".into()] },
                Record { start: Start::Lesson("integration".into()), lines: vec!["git checkout main".into()] },
            ],
        }
    }

    #[test]
    fn the_current_version_round_trips() {
        let loaded = load(Some(&write(&sample())), None);
        assert_eq!(loaded, Loaded { saved: sample(), problem: None, migrated: false });
    }

    #[test]
    fn version_one_migrates() {
        let loaded = load(None, Some("big-picture,integration,<script>,"));
        assert!(loaded.migrated);
        assert_eq!(loaded.saved.progress, ["big-picture", "integration"]);
        assert!(loaded.saved.worlds.is_empty());
        // Written by an old tab after the current version ran: both count.
        let both = load(Some(&write(&sample())), Some("environments"));
        assert_eq!(both.saved.progress, ["big-picture", "integration", "environments"]);
        assert_eq!(both.saved.worlds, sample().worlds);
    }

    #[test]
    fn tampered_state_starts_fresh_and_says_why() {
        let text = write(&sample());
        for (bad, says) in [
            (text[..text.len() - 3].to_string(), "not valid JSON"),
            (text.replace("\"version\": 2", "\"version\": 9"), "newer version"),
            (text.replace("\"version\": 2", "\"version\": \"2\""), "not from Branch to Prod"),
            (text.replace("lesson:integration", "lesson:../x"), "no place"),
            (text.replace("\"big-picture\"", "1"), "progress"),
            ("[]".into(), "not from Branch to Prod"),
            ("null".into(), "not from Branch to Prod"),
        ] {
            let loaded = load(Some(&bad), None);
            assert_eq!(loaded.saved, Saved::default());
            let problem = loaded.problem.expect(&bad).to_string();
            assert!(problem.contains(says), "{bad} → {problem}");
        }
    }

    #[test]
    fn keeping_and_finishing() {
        let mut s = Saved::default();
        s.keep(Record { start: Start::Sandbox, lines: vec!["git status".into()] });
        s.keep(Record { start: Start::Sandbox, lines: vec!["git log".into()] });
        assert_eq!(s.world(&Start::Sandbox).unwrap().lines, ["git log"]);
        s.keep(Record { start: Start::Sandbox, lines: vec![] });
        assert!(s.worlds.is_empty());
        s.finish("a");
        s.finish("a");
        s.finish("A B");
        assert_eq!(s.progress, ["a"]);
    }

    proptest! {
        #[test]
        fn any_text_loads_or_fails_cleanly(text in "\\PC{0,80}", v1 in "\\PC{0,40}") {
            let loaded = load(Some(&text), Some(&v1));
            prop_assert!(loaded.problem.is_some() || loaded.saved.worlds.is_empty() || text.contains("worlds"));
            let _ = load(None, Some(&v1));
        }
    }
}
