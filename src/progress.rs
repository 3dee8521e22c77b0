//! Which lessons the learner finished, kept in local storage under a
//! versioned key (a later format gets a new key and reads this one).

const KEY: &str = "b2p-progress-v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The finished lessons' ids. Anything else in storage (hand-edited,
/// another version's) is ignored, never trusted: only plain ids pass.
pub fn finished() -> Vec<String> {
    let raw = storage().and_then(|s| s.get_item(KEY).ok().flatten()).unwrap_or_default();
    raw.split(',').filter(|id| engine::lesson::is_id(id)).map(String::from).collect()
}

/// Records `id` as finished.
pub fn finish(id: &str) {
    let mut all = finished();
    if all.iter().any(|d| d == id) {
        return;
    }
    all.push(id.to_string());
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &all.join(","));
    }
}
