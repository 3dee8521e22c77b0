//! `setTimeout` for work that can wait for a quiet moment (saving, the share
//! link): done once after a burst of commands, never once per command.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Runs `f` after `ms` milliseconds; `None` when there is no window.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let window = web_sys::window()?;
    let f = Closure::once_into_js(f);
    window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms).ok()
}
