//! Light and dark: the system's preference until the learner picks one with
//! the header's toggle, which is remembered in local storage.

use crate::saved::storage;

const KEY: &str = "b2p-theme";

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Whether the page shows dark now: the learner's choice, else the system's.
pub fn dark_now() -> bool {
    match root().and_then(|r| r.get_attribute("data-theme")).as_deref() {
        Some("dark") => true,
        Some(_) => false,
        None => web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}

fn set(theme: &str) {
    if let Some(r) = root() {
        let _ = r.set_attribute("data-theme", theme);
    }
}

/// Applies the remembered choice, if any; call once at start.
pub fn restore() {
    if let Some(t) = storage().and_then(|s| s.get_item(KEY).ok().flatten()).filter(|t| t == "dark" || t == "light") {
        set(&t);
    }
}

/// The toggle: the other theme, remembered; returns whether it is dark now.
pub fn flip() -> bool {
    let dark = !dark_now();
    let theme = if dark { "dark" } else { "light" };
    set(theme);
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, theme);
    }
    dark
}
