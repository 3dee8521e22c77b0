//! Content loaded on first use: lesson, quiz and reference text are files the
//! site serves beside the app (Trunk copies `lessons/` into `dist/`), fetched
//! when a page first needs them and kept for the visit — never compiled into
//! the WebAssembly, so the first load stays small as the curriculum grows.

use std::collections::HashMap;

use leptos::prelude::*;
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

/// Texts fetched this visit, by path.
#[derive(Clone, Copy)]
struct Cache(StoredValue<HashMap<String, String>>);

async fn fetch(path: &str) -> Result<String, ContentError> {
    let net =
        |e: wasm_bindgen::JsValue| ContentError::Network(e.as_string().unwrap_or_else(|| "request failed".into()));
    let resp = JsFuture::from(window().fetch_with_str(path)).await.map_err(net)?;
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

/// The text at `path` on this site, fetched once per visit: `None` while it loads.
pub fn text(path: String) -> ReadSignal<Option<Result<String, ContentError>>> {
    let cache = use_context::<Cache>();
    let cached = cache.and_then(|c| c.0.with_value(|m| m.get(&path).cloned()));
    let (get, set) = signal(cached.map(Ok));
    if get.with_untracked(Option::is_none) {
        leptos::task::spawn_local(async move {
            let r = fetch(&path).await;
            if let (Some(c), Ok(t)) = (cache, &r) {
                c.0.update_value(|m| {
                    m.insert(path, t.clone());
                });
            }
            // The page may have moved on; then nobody is waiting.
            let _ = set.try_set(Some(r));
        });
    }
    get
}

/// Makes one cache serve the whole app; call once, in the app.
pub fn provide_cache() {
    provide_context(Cache(StoredValue::new(HashMap::new())));
}
