//! [`Quiet`]: work that waits for a quiet moment (saving, the share link) is
//! done once after a burst of commands, never once per command — and never
//! in the middle of a burst, where it would delay the next command. The
//! timers are gloo's.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;

/// When work last asked to be done, and whether a timer is waiting: the
/// work runs once nothing changed for `calm_ms`, or at the latest `max_ms`
/// after the first change it has not done yet.
pub struct Quiet {
    calm_ms: f64,
    max_ms: f64,
    first: Cell<f64>,
    last: Cell<f64>,
    pending: Cell<bool>,
}

impl Quiet {
    /// Calm for `calm_ms`, or at most `max_ms` after the first change.
    pub const fn new(calm_ms: f64, max_ms: f64) -> Self {
        Self { calm_ms, max_ms, first: Cell::new(0.0), last: Cell::new(0.0), pending: Cell::new(false) }
    }

    /// Something changed. `Some(ms)`: start a timer for that long (none is
    /// waiting); then call [`Quiet::due`] when it fires.
    pub fn touch(&self) -> Option<u32> {
        let now = js_sys::Date::now();
        self.last.set(now);
        if self.pending.replace(true) {
            return None;
        }
        self.first.set(now);
        Some(self.calm_ms as u32)
    }

    /// The timer fired: `None` when it is time to do the work (nothing is
    /// pending any more), else how much longer to wait.
    pub fn due(&self) -> Option<u32> {
        let now = js_sys::Date::now();
        let left = (self.calm_ms - (now - self.last.get())).min(self.max_ms - (now - self.first.get()));
        if left <= 0.0 {
            self.pending.set(false);
            None
        } else {
            Some(left.ceil() as u32)
        }
    }
}

/// Something changed: `work` runs once `quiet` says the moment is calm
/// (a gloo timeout starts now when none is waiting).
pub fn when_calm(quiet: &Rc<Quiet>, work: Rc<dyn Fn()>) {
    if let Some(ms) = quiet.touch() {
        wait(quiet.clone(), work, ms);
    }
}

fn wait(quiet: Rc<Quiet>, work: Rc<dyn Fn()>, ms: u32) {
    Timeout::new(ms, move || match quiet.due() {
        None => work(),
        Some(ms) => wait(quiet, work, ms),
    })
    .forget();
}
