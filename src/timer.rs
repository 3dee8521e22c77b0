//! `setTimeout`, and [`Quiet`]: work that waits for a quiet moment (saving,
//! the share link) is done once after a burst of commands, never once per
//! command — and never in the middle of a burst, where it would delay the
//! next command.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Runs `f` after `ms` milliseconds; `None` when there is no window.
pub fn after(ms: i32, f: Box<dyn FnOnce()>) -> Option<i32> {
    let window = web_sys::window()?;
    let f = Closure::once_into_js(f);
    window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms).ok()
}

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
    pub fn touch(&self) -> Option<i32> {
        let now = js_sys::Date::now();
        self.last.set(now);
        if self.pending.replace(true) {
            return None;
        }
        self.first.set(now);
        Some(self.calm_ms as i32)
    }

    /// The timer fired: `None` when it is time to do the work (nothing is
    /// pending any more), else how much longer to wait.
    pub fn due(&self) -> Option<i32> {
        let now = js_sys::Date::now();
        let left = (self.calm_ms - (now - self.last.get())).min(self.max_ms - (now - self.first.get()));
        if left <= 0.0 {
            self.pending.set(false);
            None
        } else {
            Some(left.ceil() as i32)
        }
    }
}
