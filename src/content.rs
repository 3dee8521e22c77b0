//! Content loaded on first use: lesson, quiz and reference text are files the
//! site serves beside the app (Trunk copies `lessons/` into `dist/`), fetched
//! when a page first needs them and kept for the visit — never compiled into
//! the WebAssembly, so the first load stays small as the curriculum grows.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a piece of content could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// The site has no such file.
    #[error("not found")]
    NotFound,
    /// The network failed, or the answer was not text.
    #[error("could not load it ({0}); check your connection and reload")]
    Network(String),
}

thread_local! {
    /// Texts fetched this visit, by path.
    static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

async fn fetch(path: &str) -> Result<String, ContentError> {
    let net =
        |e: wasm_bindgen::JsValue| ContentError::Network(e.as_string().unwrap_or_else(|| "request failed".into()));
    let window = web_sys::window().ok_or_else(|| ContentError::Network("no window".into()))?;
    let resp = JsFuture::from(window.fetch_with_str(path)).await.map_err(net)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(net)?;
    // The SPA fallback answers a missing file with the app's own page (200,
    // text/html): for content, that means "no such file".
    let html = resp.headers().get("content-type").ok().flatten().is_some_and(|t| t.starts_with("text/html"));
    if resp.status() == 404 || html {
        return Err(ContentError::NotFound);
    }
    if !resp.ok() {
        return Err(ContentError::Network(format!("HTTP {}", resp.status())));
    }
    let text = JsFuture::from(resp.text().map_err(net)?).await.map_err(net)?;
    text.as_string().ok_or_else(|| ContentError::Network("not text".into()))
}

/// The text at `path` on this site, fetched once per visit; `done` gets it
/// (at once when it was fetched before).
pub fn text(path: String, done: impl FnOnce(Result<String, ContentError>) + 'static) {
    fetch_once(path, Box::new(done));
}

/// One copy of the fetching future for every caller (generic, it was a
/// copy per call site).
fn fetch_once(path: String, done: Box<dyn FnOnce(Result<String, ContentError>)>) {
    if let Some(t) = CACHE.with_borrow(|c| c.get(&path).cloned()) {
        done(Ok(t));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let r = fetch(&path).await;
        if let Ok(t) = &r {
            CACHE.with_borrow_mut(|c| c.insert(path, t.clone()));
        }
        done(r);
    });
}

/// A sheet (`engine::sheet`) at `path`, read; `what` names it in errors
/// ("the reference").
pub fn sheet(path: &str, what: &'static str, done: impl FnOnce(Result<engine::sheet::Sheet, String>) + 'static) {
    text(path.to_string(), move |r| {
        done(match r {
            Ok(t) => engine::sheet::parse(&t).map_err(|e| format!("{what} could not be read: {e}. Reload the page.")),
            Err(ContentError::NotFound) => Err(format!("{what} is missing from this site. Reload the page.")),
            Err(e) => Err(format!("{what}: {e}.")),
        });
    });
}
