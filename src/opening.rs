//! How a workspace's world comes back when a page opens it: from a share
//! link in the address (`#w=…`), else from the saved world, else fresh. The
//! fragment is read once, before the page is drawn, and taken out of the
//! address so a reload does not replay it over newer work.

use std::cell::RefCell;

use engine::World;
use engine::share::{Record, Start, link};

use crate::notice::{self, Tone};
use crate::router::{self, Route};
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
}

/// The workspace a route shows, if any.
pub fn start_of(route: &Route) -> Option<Start> {
    match route {
        Route::Sandbox => Some(Start::Sandbox),
        Route::Lesson(id) => Some(Start::Lesson(id.clone())),
        Route::Home | Route::Interview | Route::Reference | Route::NotFound => None,
    }
}

/// Reads a share link from the address, before the page is drawn: a good
/// one goes to the page that shows its world (the address is corrected if
/// it named another); a bad one is explained and its page starts fresh.
pub fn read_fragment() {
    let Some(hash) = router::fragment() else { return };
    if !hash.starts_with(link::KEY) {
        return;
    }
    router::replace_fragment();
    match link::decode(&hash) {
        Ok(record) => {
            let path = record.start.path();
            if router::address().path() != path {
                router::replace(&path);
            }
            workspace::close(&record.start);
            OPENED.with_borrow_mut(|o| *o = Some(Opened { start: record.start, lines: Ok(record.lines) }));
        }
        Err(e) => match start_of(&router::address().route()) {
            Some(start) => {
                workspace::close(&start);
                OPENED.with_borrow_mut(|o| *o = Some(Opened { start, lines: Err(e.to_string()) }));
            }
            None => notice::show(Tone::Problem, format!("This share link {e}.")),
        },
    }
}

/// Opens `ws` at `world` (its start's world): then the link's lines, or the
/// saved ones, run as if typed; `each` sees every step (a lesson's checklist).
pub fn open(ws: &WorkspaceState, world: World, each: impl FnMut(&WorkspaceState)) {
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
        Some(own) => offer_own(ws, world, own, tone, text),
        None => notice::show(tone, text),
    }
}

fn offer_own(ws: &WorkspaceState, world: World, own: Record, tone: Tone, text: String) {
    let w = ws.clone();
    notice::offer(tone, format!("{text} Your own world here was put aside."), "Bring back my own world", move || {
        w.restart(world.clone());
        w.replay(&own.lines, |_| {});
    });
}

/// Opens a record from an exported file: its page is shown with its world.
pub fn import(record: Record) {
    let path = record.start.path();
    workspace::close(&record.start);
    OPENED.with_borrow_mut(|o| *o = Some(Opened { start: record.start, lines: Ok(record.lines) }));
    if router::address().path() == path {
        router::reload();
    } else {
        router::navigate(&path);
    }
}
