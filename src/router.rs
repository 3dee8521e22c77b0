//! Client-side routing for the app's few pages: the History API, links that
//! navigate without a reload, and the back and forward buttons.
//!
//! Why not `leptos_router`: measured in this app it costs 45 KB of gzipped
//! WebAssembly — a fifth of the first-load budget — for nested routes, data
//! loading and matching machinery these pages don't use. A page here is a
//! [`Route`] parsed from the path (with its parameters), and the query says
//! how to show it (`?present`); adding a page is a variant, a path, a view.

use leptos::ev::{MouseEvent, click, popstate};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Every page, parsed from the URL's path; path parameters are fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the big picture and where to start.
    Home,
    /// `/sandbox`: the whole world, free to play with.
    Sandbox,
    /// `/lesson/:id`: a lesson in its own world.
    Lesson(String),
    /// Anything else.
    NotFound,
}

/// A lesson id is a plain name (`big-picture`): it becomes a file path, so
/// nothing else gets through.
fn lesson_id(s: &str) -> Option<String> {
    let ok =
        !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| s.to_string())
}

impl Route {
    /// The page a path names.
    pub fn parse(path: &str) -> Self {
        let path = path.trim_end_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Self::Home,
            ["", "sandbox"] => Self::Sandbox,
            ["", "lesson", id] => lesson_id(id).map_or(Self::NotFound, Self::Lesson),
            _ => Self::NotFound,
        }
    }
}

/// What the address bar says: the path (which page) and the query (how to
/// show it: `?present`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    path: String,
    query: String,
}

impl Address {
    /// Reads `path` and `search` (with or without its `?`).
    pub fn new(path: &str, search: &str) -> Self {
        Self { path: path.to_string(), query: search.trim_start_matches('?').to_string() }
    }

    /// The page.
    pub fn route(&self) -> Route {
        Route::parse(&self.path)
    }

    /// A query parameter's value; `Some("")` for a bare flag (`?present`).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then_some(v)
        })
    }

    /// Presenter mode: `?present`.
    pub fn presenting(&self) -> bool {
        self.param("present").is_some_and(|v| !matches!(v, "0" | "false"))
    }
}

/// The current address, shared by context.
#[derive(Clone, Copy)]
pub struct Location(RwSignal<Address>);

impl Location {
    /// The page the address names.
    pub fn route(self) -> Route {
        self.0.with(Address::route)
    }

    /// Whether the address asks for presenter mode.
    pub fn presenting(self) -> bool {
        self.0.with(Address::presenting)
    }
}

fn current() -> Address {
    let loc = window().location();
    Address::new(&loc.pathname().unwrap_or_else(|_| "/".into()), &loc.search().unwrap_or_default())
}

/// Starts routing: reads the address bar, follows back/forward, and makes
/// every in-app link (`<a href="/…">`, wherever it is drawn) navigate without
/// a reload.
pub fn provide_location() -> Location {
    let loc = Location(RwSignal::new(current()));
    let back = window_event_listener(popstate, move |_| loc.0.set(current()));
    let links = window_event_listener(click, move |ev| follow(loc, &ev));
    on_cleanup(move || {
        back.remove();
        links.remove();
    });
    provide_context(loc);
    loc
}

/// A plain click on an in-app link navigates in the app; a click with a
/// modifier (new tab, new window), on a link with a `target` or `download`,
/// or leaving the site is left to the browser.
fn follow(loc: Location, ev: &MouseEvent) {
    if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("a[href]").ok().flatten());
    let Some(link) = link else { return };
    if link.has_attribute("target") || link.has_attribute("download") {
        return;
    }
    let Some(href) = link.get_attribute("href").filter(|h| h.starts_with('/') && !h.starts_with("//")) else { return };
    ev.prevent_default();
    go(loc, &href);
}

/// Goes to `href` (a path, maybe with a query) as a link would: a new
/// history entry, the top of the page.
pub fn navigate(href: &str) {
    if let Some(loc) = use_context::<Location>() {
        go(loc, href);
    }
}

fn go(loc: Location, href: &str) {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let next = Address::new(path, query);
    if loc.0.with_untracked(|a| *a == next) {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
    }
    loc.0.set(next);
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// `aria-current="page"` for a link to `path` while it is the page shown.
pub fn current_page(path: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
    let loc = use_context::<Location>();
    move || loc.and_then(|l| l.0.with(|a| (a.path == path).then_some("page")))
}

#[cfg(test)]
mod tests {
    use super::{Address, Route};

    #[test]
    fn paths_parse_to_pages() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("/sandbox"), Route::Sandbox);
        assert_eq!(Route::parse("/sandbox/"), Route::Sandbox);
        assert_eq!(Route::parse("/lesson/big-picture"), Route::Lesson("big-picture".into()));
        assert_eq!(Route::parse("/no/such/page"), Route::NotFound);
        // A lesson id becomes a file name: nothing but a plain name passes.
        for bad in ["/lesson/", "/lesson/..", "/lesson/a%2Fb", "/lesson/A", "/lesson/x/y", "/lesson/<b>"] {
            assert_eq!(Route::parse(bad), Route::NotFound, "{bad}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any address — Unicode, `%`, `..`, `?`, `&`, `=` inside segments —
        /// parses to a page without a panic, and a lesson id that gets
        /// through is a plain name, safe as a file name.
        #[test]
        fn any_address_parses(path in "(/[a-z.%?&=~^'\"-]{0,6}|/\\PC{0,4}|/lesson/\\PC{0,8}){0,4}", query in "\\PC{0,20}") {
            if let Route::Lesson(id) = Route::parse(&path) {
                proptest::prop_assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
            let a = Address::new(&path, &query);
            let _ = (a.presenting(), a.param("present"), a.param(""));
        }
    }

    #[test]
    fn queries_turn_on_presenter_mode() {
        assert!(Address::new("/sandbox", "?present").presenting());
        assert!(Address::new("/lesson/x", "a=1&present=1").presenting());
        assert!(!Address::new("/sandbox", "?present=0").presenting());
        assert!(!Address::new("/sandbox", "").presenting());
        assert_eq!(Address::new("/", "?a=1&b").param("b"), Some(""));
    }
}
