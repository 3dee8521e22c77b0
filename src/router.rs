//! Client-side routing for the app's few pages: the History API, links that
//! navigate without a reload, and the back and forward buttons.
//!
//! Why not a router crate: measured in this app `leptos_router` cost 45 KB of
//! gzipped WebAssembly — a fifth of the first-load budget — for nested
//! routes, data loading and matching machinery these pages don't use. A page here is a
//! [`Route`] parsed from the path (with its parameters), and the query says
//! how to show it (`?present`); adding a page is a variant, a path, a view.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::MouseEvent;

use crate::markup::{Listener, listen};

/// Every page, parsed from the URL's path; path parameters are fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the big picture and where to start.
    Home,
    /// `/sandbox`: the whole world, free to play with.
    Sandbox,
    /// `/lesson/:id`: a lesson in its own world.
    Lesson(String),
    /// `/interview`: the quiz, your answer, and presenter mode (`?present`).
    Interview,
    /// `/reference`: the printable cheat sheet.
    Reference,
    /// Anything else.
    NotFound,
}

/// A lesson id is a plain name (`big-picture`): it becomes a file path, so
/// nothing else gets through.
fn lesson_id(s: &str) -> Option<String> {
    engine::lesson::is_id(s).then(|| s.to_string())
}

impl Route {
    /// Whether this build draws the page: the interview pages are a second
    /// build (feature `interview`), reached by a full page load.
    pub fn here(&self) -> bool {
        cfg!(feature = "interview") || !matches!(self, Self::Interview | Self::Reference)
    }

    /// The page a path names.
    pub fn parse(path: &str) -> Self {
        let path = path.trim_end_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Self::Home,
            ["", "sandbox"] => Self::Sandbox,
            ["", "lesson", id] => lesson_id(id).map_or(Self::NotFound, Self::Lesson),
            // The second build's own file answers as its page does.
            ["", "interview" | "interview.html"] => Self::Interview,
            ["", "reference"] => Self::Reference,
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

    /// The path.
    pub fn path(&self) -> &str {
        &self.path
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

    /// A query parameter's value, percent-decoded (`?try=git%20status`);
    /// a bad escape is kept as typed, bytes that are not UTF-8 become `�`.
    pub fn decoded(&self, name: &str) -> Option<String> {
        let raw = self.param(name)?.as_bytes();
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let hex = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (raw[i], hex) {
                (b'%', Some(b)) => {
                    out.push(b);
                    i += 3;
                }
                (b'+', _) => {
                    out.push(b' ');
                    i += 1;
                }
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    /// Presenter mode: `?present`.
    pub fn presenting(&self) -> bool {
        self.param("present").is_some_and(|v| !matches!(v, "0" | "false"))
    }
}

/// `text` as a query parameter's value: everything but letters, digits
/// and `-_.~` percent-encoded.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The address shown, and what draws the page for a new one.
type Routing = (Address, Rc<dyn Fn()>);

thread_local! {
    /// The address shown, and what to do when it changes.
    static STATE: RefCell<Option<Routing>> = const { RefCell::new(None) };
}

fn current() -> Address {
    let loc = web_sys::window().map(|w| w.location());
    let path = loc.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_else(|| "/".into());
    Address::new(&path, &loc.and_then(|l| l.search().ok()).unwrap_or_default())
}

/// The address shown.
pub fn address() -> Address {
    STATE.with_borrow(|s| s.as_ref().map(|(a, _)| a.clone())).unwrap_or_else(current)
}

fn set(next: Address) {
    let changed = STATE.with_borrow_mut(|s| match s {
        Some((a, on_change)) if *a != next => {
            *a = next;
            Some(on_change.clone())
        }
        _ => None,
    });
    if let Some(f) = changed {
        f();
    }
}

/// Starts routing: reads the address bar, follows back/forward, and makes
/// every in-app link (`<a href="/…">`, wherever it is drawn) navigate without
/// a reload; `on_change` draws the new page. For the app's lifetime.
pub fn start(on_change: impl Fn() + 'static) -> Vec<Listener> {
    STATE.with_borrow_mut(|s| *s = Some((current(), Rc::new(on_change))));
    let Some(window) = web_sys::window() else { return Vec::new() };
    vec![
        listen(&window, "popstate", move |_| set(current())),
        listen(&window, "click", move |ev| {
            if let Some(ev) = ev.dyn_ref::<MouseEvent>() {
                follow(ev);
            }
        }),
    ]
}

/// A plain click on an in-app link navigates in the app; a click with a
/// modifier (new tab, new window), on a link with a `target` or `download`,
/// or leaving the site is left to the browser.
fn follow(ev: &MouseEvent) {
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
    // A page of the other build loads as a page does.
    if !Route::parse(href.split(['?', '#']).next().unwrap_or_default()).here() {
        return;
    }
    ev.prevent_default();
    navigate(&href);
}

/// Goes to `href` (a path, maybe with a query) as a link would: a new
/// history entry, the top of the page.
pub fn navigate(href: &str) {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let next = Address::new(path, query);
    if address() == next {
        return;
    }
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
        }
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    set(next);
}

/// The address's fragment without its `#` (a share link's `w=…`), if any.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix('#').filter(|h| !h.is_empty()).map(String::from)
}

fn replace_state(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Takes the fragment out of the address bar (no new history entry).
pub fn replace_fragment() {
    let a = address();
    let query = if a.query.is_empty() { String::new() } else { format!("?{}", a.query) };
    replace_state(&format!("{}{query}", a.path));
}

/// Corrects the address to `path` while the page is being drawn (no new
/// history entry, no redraw: the caller is drawing it).
pub fn replace(path: &str) {
    replace_state(path);
    STATE.with_borrow_mut(|s| {
        if let Some((a, _)) = s {
            *a = Address::new(path, "");
        }
    });
}

/// Draws the page shown again, from scratch.
pub fn reload() {
    if let Some(f) = STATE.with_borrow(|s| s.as_ref().map(|(_, f)| f.clone())) {
        f();
    }
}

/// `aria-current="page"` for a link to `path` while it is the page shown.
pub fn current_page(path: &str) -> Option<&'static str> {
    (address().path == path).then_some("page")
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
            let _ = (a.presenting(), a.param("present"), a.param(""), a.decoded("try"));
        }

        /// Any line — Unicode, `%`, `&`, `=`, `+`, quotes — comes back from a
        /// "try it" link as it was written.
        #[test]
        fn try_it_lines_survive_the_address(line in "\\PC{0,40}") {
            let a = Address::new("/sandbox", &format!("x=1&try={}", super::encode(&line)));
            proptest::prop_assert_eq!(a.decoded("try"), Some(line));
        }
    }

    /// A path for each page: the match is exhaustive, so a new page cannot
    /// be added without one (and so without the check below).
    fn example(route: &Route) -> &'static str {
        match route {
            Route::Home => "/",
            Route::Sandbox => "/sandbox",
            Route::Lesson(_) => "/lesson/big-picture",
            Route::Interview => "/interview",
            Route::Reference => "/reference",
            Route::NotFound => "/no-such-page.wasm",
        }
    }

    /// Netlify answers a page's path with the app only if `netlify.toml`
    /// rewrites it (`/` is the app's own file); any other missing path is a
    /// 404 — a stale hashed asset must fail loudly, not get `index.html`.
    #[test]
    fn netlify_rewrites_every_page_and_nothing_else() {
        let toml = include_str!("../netlify.toml");
        let froms: Vec<&str> = toml
            .lines()
            .filter_map(|l| l.trim().strip_prefix("from = \""))
            .filter_map(|l| l.strip_suffix('"'))
            .collect();
        let rewritten = |path: &str| {
            froms.iter().any(|f| match f.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == *f,
            })
        };
        let pages =
            [Route::Home, Route::Sandbox, Route::Lesson("big-picture".into()), Route::Interview, Route::Reference];
        for route in pages.into_iter().chain([Route::NotFound]) {
            let path = example(&route);
            assert_eq!(Route::parse(path), route, "{path}");
            let served = path == "/" || rewritten(path);
            assert_eq!(served, route != Route::NotFound, "{path}: rewrites {froms:?}");
        }
        assert!(!froms.contains(&"/*"), "a catch-all rewrite would answer a missing .wasm with index.html");
        assert!(!toml.lines().any(|l| l.trim().starts_with("force")), "a forced rewrite would shadow real files");
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
