//! DOM event listeners that come off when dropped: a page keeps its
//! listeners, and leaving the page drops them.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Event, EventTarget};

/// A listener on a target, removed when dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    f: Closure<dyn Fn(Event)>,
}

/// Listens for `kind` events on `target` until the returned value is dropped.
pub fn listen(target: &EventTarget, kind: &'static str, f: impl Fn(Event) + 'static) -> Listener {
    let f = Closure::wrap(Box::new(f) as Box<dyn Fn(Event)>);
    let _ = target.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
    Listener { target: target.clone(), kind, f }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.f.as_ref().unchecked_ref());
    }
}

/// The element matching `selector` that an event happened in (the target
/// or its nearest ancestor): how one listener per panel finds the button
/// that was clicked.
pub fn clicked(ev: &Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}
