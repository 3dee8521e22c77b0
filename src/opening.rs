//! How a workspace's world comes back when a page opens it: from a share
//! link in the address (`#w=…`), else from the saved world, else fresh. The
//! fragment is read before the router reads the address (and again when a
//! link is pasted into an open page), and taken out of the address so a
//! reload does not replay it over newer work.

use std::cell::RefCell;

use engine::World;
use engine::share::{Record, Start, link};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsValue;

use crate::notice::{self, Tone};
use crate::saved;
use crate::workspace::{self, WorkspaceState};

/// A link opened for a start: its lines, or why it could not be opened
/// (then the start's page shows a fresh world).
struct Opened {
    start: Start,
    lines: Result<Vec<String>, String>,
}

thread_local! {
    static OPENED: RefCell<Option<Opened>> = const { RefCell::new(None) };
    /// Counts links and files opened: a page showing a workspace draws it
    /// anew when this changes (the link may be for the page shown).
    static GENERATION: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

/// How many links and files were opened this visit (tracked).
pub fn generation() -> u64 {
    GENERATION.with(|g| g.get())
}

fn opened(o: Opened) {
    workspace::close(&o.start);
    OPENED.with_borrow_mut(|slot| *slot = Some(o));
    GENERATION.with(|g| g.update(|n| *n += 1));
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The address's path now.
pub fn path_now() -> String {
    location().and_then(|l| l.pathname().ok()).unwrap_or_else(|| "/".into())
}

fn replace_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// The workspace a path shows, if any.
pub fn start_of(path: &str) -> Option<Start> {
    match path.trim_end_matches('/') {
        "/sandbox" => Some(Start::Sandbox),
        p => p.strip_prefix("/lesson/").and_then(crate::links::lesson_id).map(Start::Lesson),
    }
}

/// Reads a share link from the address: a good one goes to the page that
/// shows its world (the address is corrected if it named another); a bad
/// one is explained and its page starts fresh. True when there was one.
pub fn read_fragment() -> bool {
    let Some(hash) = location().and_then(|l| l.hash().ok()) else { return false };
    let Some(hash) = hash.strip_prefix('#').filter(|h| h.starts_with(link::KEY)) else { return false };
    let search = location().and_then(|l| l.search().ok()).unwrap_or_default();
    replace_url(&format!("{}{search}", path_now()));
    match link::decode(hash) {
        Ok(record) => {
            let path = record.start.path();
            if path_now() != path {
                replace_url(&path);
            }
            opened(Opened { start: record.start, lines: Ok(record.lines) });
        }
        Err(e) => match start_of(&path_now()) {
            Some(start) => opened(Opened { start, lines: Err(e.to_string()) }),
            None => notice::show(Tone::Problem, format!("This share link {e}.")),
        },
    }
    true
}

/// Opens `ws` at `world` (its start's world): then the link's lines, or the
/// saved ones, run as if typed; `each` sees the world after every line (a
/// lesson's checklist).
pub fn open(ws: &WorkspaceState, world: World, each: impl FnMut(&World)) {
    let opened = OPENED.with_borrow_mut(|o| o.take_if(|o| o.start == *ws.start()));
    let own = saved::world(ws.start()).filter(|r| !r.lines.is_empty());
    let lines = match &opened {
        Some(o) => o.lines.clone().unwrap_or_default(),
        None => own.as_ref().map(|r| r.lines.clone()).unwrap_or_default(),
    };
    ws.restart(world.clone());
    ws.replay(&lines, each);
    // A shared world becomes this browser's; anything else is saved already
    // (or, after a bad link, the learner's own world stays saved until they
    // do something in the fresh one).
    if opened.as_ref().is_none_or(|o| o.lines.is_err()) {
        saved::clean(ws);
    }
    let Some(opened) = opened else { return };
    let (tone, text) = match &opened.lines {
        Ok(_) => {
            let n = lines.len();
            (
                Tone::Info,
                format!(
                    "Opened a shared world: {n} command{} replayed, shown in the terminal.",
                    if n == 1 { "" } else { "s" }
                ),
            )
        }
        Err(e) => (Tone::Problem, format!("This share link {e}. Here is a fresh world instead.")),
    };
    // The learner's own world here was replaced: one click brings it back.
    match own {
        Some(own) => {
            let w = ws.clone();
            notice::offer(
                tone,
                format!("{text} Your own world here was put aside."),
                "Bring back my own world",
                move || {
                    w.restart(world.clone());
                    w.replay(&own.lines, |_| {});
                },
            );
        }
        None => notice::show(tone, text),
    }
}

/// Opens a record from an exported file: its page is shown with its world.
pub fn import(record: Record, navigate: &impl Fn(&str, NavigateOptions)) {
    let path = record.start.path();
    opened(Opened { start: record.start, lines: Ok(record.lines) });
    if path_now() != path {
        navigate(&path, NavigateOptions::default());
    }
}
