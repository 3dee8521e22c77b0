//! Client-side routing for the app's few pages: the History API, links that
//! navigate without a reload, and the back and forward buttons.
//!
//! Why not `leptos_router`: measured in this app it costs 45 KB of gzipped
//! WebAssembly — a fifth of the first-load budget — for nested routes, data
//! loading and matching machinery these pages don't use. A page here is a
//! [`Route`] parsed from the path; adding one is a variant, a path, a view.

use leptos::ev::{MouseEvent, popstate};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Every page, parsed from the URL's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Sandbox,
    NotFound,
}

impl Route {
    pub fn parse(path: &str) -> Self {
        match path.trim_end_matches('/') {
            "" => Self::Home,
            "/sandbox" => Self::Sandbox,
            _ => Self::NotFound,
        }
    }
}

/// The current path, shared by context.
#[derive(Clone, Copy)]
pub struct Location(RwSignal<String>);

impl Location {
    pub fn route(self) -> Route {
        self.0.with(|p| Route::parse(p))
    }
}

fn current_path() -> String {
    window().location().pathname().unwrap_or_else(|_| "/".into())
}

/// Starts routing: reads the address bar and follows back/forward.
pub fn provide_location() -> Location {
    let loc = Location(RwSignal::new(current_path()));
    let listener = window_event_listener(popstate, move |_| loc.0.set(current_path()));
    on_cleanup(move || listener.remove());
    provide_context(loc);
    loc
}

/// Goes to `path` as a link would: a new history entry, the top of the page.
pub fn navigate(path: &str) {
    let Some(loc) = use_context::<Location>() else { return };
    if loc.0.with_untracked(|p| p == path) {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(path));
    }
    loc.0.set(path.to_string());
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// An `<a>` that navigates in the app on a plain click; a click with a
/// modifier (new tab, new window) is left to the browser. The current page's
/// link carries `aria-current="page"`.
#[component]
pub fn Link(href: &'static str, #[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    let loc = use_context::<Location>();
    let current = move || loc.and_then(|l| l.0.with(|p| (p == href).then_some("page")));
    let on_click = move |ev: MouseEvent| {
        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            navigate(href);
        }
    };
    view! {
        <a href=href class=class aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn paths_parse_to_pages() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("/sandbox"), Route::Sandbox);
        assert_eq!(Route::parse("/sandbox/"), Route::Sandbox);
        assert_eq!(Route::parse("/no/such/page"), Route::NotFound);
    }
}
