//! Content loaded on first use: lesson, quiz and reference text are files the
//! site serves beside the app (Trunk copies `lessons/` into `dist/`), fetched
//! with gloo-net when a page first needs them and kept for the visit — never
//! compiled into the WebAssembly, so the first load stays small as the
//! curriculum grows. Pages read them through `LocalResource`s.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use gloo_net::http::Request;
use leptos::prelude::LocalResource;

/// A load under way, boxed: every resource of one kind of content then
/// shares Leptos's async machinery, which is otherwise built anew (about
/// 3 KB of WebAssembly) for each future type that fetches it.
type Loading<T> = Pin<Box<dyn Future<Output = T>>>;

/// `load` as a `LocalResource`, its future type erased at this boundary.
pub fn resource<T: 'static, F: Future<Output = T> + 'static>(load: impl Fn() -> F + 'static) -> LocalResource<T> {
    erased(Rc::new(move || -> Loading<T> { Box::pin(load()) }))
}

/// The one `LocalResource::new` per type of content.
fn erased<T: 'static>(load: Rc<dyn Fn() -> Loading<T>>) -> LocalResource<T> {
    LocalResource::new(move || load())
}

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
    let net = |e: gloo_net::Error| ContentError::Network(e.to_string());
    let resp = Request::get(path).send().await.map_err(net)?;
    // The SPA fallback answers a missing file with the app's own page (200,
    // text/html): for content, that means "no such file".
    let html = resp.headers().get("content-type").is_some_and(|t| t.starts_with("text/html"));
    if resp.status() == 404 || html {
        return Err(ContentError::NotFound);
    }
    if !resp.ok() {
        return Err(ContentError::Network(format!("HTTP {}", resp.status())));
    }
    resp.text().await.map_err(net)
}

/// The text at `path` on this site, fetched once per visit.
pub async fn text(path: String) -> Result<String, ContentError> {
    if let Some(t) = CACHE.with_borrow(|c| c.get(&path).cloned()) {
        return Ok(t);
    }
    let r = fetch(&path).await;
    if let Ok(t) = &r {
        CACHE.with_borrow_mut(|c| c.insert(path, t.clone()));
    }
    r
}

/// The lesson index (`/lessons/index.txt`) as (id, title); empty when it
/// cannot be had.
pub async fn lessons() -> Vec<(String, String)> {
    text("/lessons/index.txt".into()).await.map(|t| engine::lesson::index(&t)).unwrap_or_default()
}

/// A sheet (`engine::sheet`) at `path`, read; `what` names it in errors
/// ("the reference").
pub async fn sheet(path: &str, what: &'static str) -> Result<engine::sheet::Sheet, String> {
    match text(path.to_string()).await {
        Ok(t) => engine::sheet::parse(&t).map_err(|e| format!("{what} could not be read: {e}. Reload the page.")),
        Err(ContentError::NotFound) => Err(format!("{what} is missing from this site. Reload the page.")),
        Err(e) => Err(format!("{what}: {e}.")),
    }
}
