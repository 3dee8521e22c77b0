//! The learner's saved work, in local storage: finished lessons and the last
//! world of each workspace (the engine's [`store`] format, with its
//! migrations). Read once per visit; written a moment after the last change
//! and when the page is hidden, never once per command.

use std::cell::RefCell;

use engine::share::store::{self, Saved};
use engine::share::{Record, Start};

use crate::notice::{self, Tone};
use crate::timer::{Quiet, when_calm};
use crate::workspace::WorkspaceState;

/// Where an unreadable state is kept aside, for a bug report or rescue.
const UNREADABLE: &str = "b2p-state-unreadable";

thread_local! {
    static SAVED: RefCell<Option<Saved>> = const { RefCell::new(None) };
    static DIRTY: RefCell<Vec<WorkspaceState>> = const { RefCell::new(Vec::new()) };
    /// Saved once 400 ms pass without a change, and at least every 5 s.
    static QUIET: std::rc::Rc<Quiet> = std::rc::Rc::new(Quiet::new(400.0, 5000.0));
}

/// This browser's local storage (gloo's, as raw strings: the stored state
/// is the engine's own format), if it lets the page use it.
pub fn storage() -> Option<web_sys::Storage> {
    // gloo's accessor panics when the browser refuses storage: ask first.
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(<gloo_storage::LocalStorage as gloo_storage::Storage>::raw())
}

/// What storage holds now, read without reporting (another tab may have
/// written since this page loaded).
fn stored() -> Option<Saved> {
    let s = storage()?;
    let current = s.get_item(store::KEY).ok().flatten()?;
    let loaded = store::load(Some(&current), None);
    loaded.problem.is_none().then_some(loaded.saved)
}

/// Writes `saved` under the current key; false when the browser refuses.
fn put(saved: &Saved) -> bool {
    storage().is_some_and(|s| s.set_item(store::KEY, &store::write(saved)).is_ok())
}

fn load() -> Saved {
    let Some(s) = storage() else { return Saved::default() };
    let current = s.get_item(store::KEY).ok().flatten();
    let v1 = s.get_item(store::KEY_V1).ok().flatten();
    let loaded = store::load(current.as_deref(), v1.as_deref());
    if let Some(problem) = loaded.problem {
        if let Some(raw) = &current {
            let _ = s.set_item(UNREADABLE, raw);
        }
        notice::show(
            Tone::Problem,
            format!(
                "Your saved work could not be read: it {problem}. You start with a fresh world; \
                 the unreadable copy is kept in this browser under “{UNREADABLE}”."
            ),
        );
    }
    if loaded.migrated {
        // Written in the current format at once; the old key goes.
        if put(&loaded.saved) {
            let _ = s.remove_item(store::KEY_V1);
        }
    }
    loaded.saved
}

fn with<T>(f: impl FnOnce(&mut Saved) -> T) -> T {
    SAVED.with_borrow_mut(|s| f(s.get_or_insert_with(load)))
}

/// The finished lessons' ids.
pub fn finished() -> Vec<String> {
    with(|s| s.progress.clone())
}

/// Records lesson `id` as finished.
pub fn finish(id: &str) {
    if !with(|s| s.progress.iter().any(|p| p == id)) {
        with(|s| s.finish(id));
        flush();
    }
}

/// The saved world that starts at `start`.
pub fn world(start: &Start) -> Option<Record> {
    with(|s| s.world(start).cloned())
}

/// Where every saved world with work in it starts.
pub fn worlds() -> Vec<Start> {
    with(|s| s.worlds.iter().filter(|r| !r.lines.is_empty()).map(|r| r.start.clone()).collect())
}

/// Forgets the saved world that starts at `start` (the learner asked for a
/// fresh one after a crash).
pub fn forget(start: &Start) {
    with(|s| {
        s.keep(Record { start: start.clone(), lines: Vec::new() });
        put(s)
    });
}

/// `ws` changed: its world is saved a moment from now.
pub fn later(ws: &WorkspaceState) {
    DIRTY.with_borrow_mut(|d| {
        if !d.iter().any(|w| w.start() == ws.start()) {
            d.push(ws.clone());
        }
    });
    QUIET.with(|q| when_calm(q, std::rc::Rc::new(flush)));
}

/// After a panic: saves what can still be read safely. A world whose
/// command was running when it failed is busy and keeps its last save, so
/// restoring never replays the failing command.
pub fn rescue() {
    let _ = SAVED.try_with(|saved| {
        let Ok(mut saved) = saved.try_borrow_mut() else { return };
        let Some(saved) = saved.as_mut() else { return };
        let _ = DIRTY.try_with(|dirty| {
            if let Ok(dirty) = dirty.try_borrow() {
                for ws in dirty.iter() {
                    if let Some(r) = ws.try_record() {
                        saved.keep(r);
                    }
                }
            }
        });
        put(saved);
    });
}

/// Forgets that `ws` changed: opening a workspace replays what is saved (or
/// shows a fresh world after a bad link), which is no reason to write it.
pub fn clean(ws: &WorkspaceState) {
    DIRTY.with_borrow_mut(|d| d.retain(|w| w.start() != ws.start()));
}

/// Saves every changed world now (the page is being hidden, or a lesson was
/// finished). What another tab saved meanwhile is kept: only this page's
/// changed worlds are written over, and finished lessons add up.
pub fn flush() {
    let dirty = DIRTY.take();
    let now = stored();
    let have = now.as_ref().map(|n| n.progress.as_slice()).unwrap_or_default();
    if dirty.is_empty() && with(|s| s.progress.iter().all(|p| have.contains(p))) {
        return;
    }
    let written = with(|s| {
        if let Some(now) = now {
            let mine = std::mem::replace(s, now);
            for id in &mine.progress {
                s.finish(id);
            }
        }
        for ws in &dirty {
            s.keep(ws.record());
        }
        put(s)
    });
    if !written && storage().is_some() {
        notice::show(
            Tone::Problem,
            "This browser would not save your work (its storage is full or switched off). Export your world to keep it.",
        );
    }
}
