//! The app's addresses as text: which paths are pages (the router's routes
//! and netlify.toml's rewrites must agree), lesson ids, and "try it" links.

/// The pages' paths, as the router matches them (`:id` a lesson id).
pub const PAGES: [&str; 5] = ["/", "/sandbox", "/lesson/:id", "/interview", "/reference"];

/// A lesson id is a plain name (`big-picture`): it becomes a file path, so
/// nothing else gets through.
pub fn lesson_id(s: &str) -> Option<String> {
    engine::lesson::is_id(s).then(|| s.to_string())
}

/// A lesson's page (the engine's own address for it, as share links use).
pub fn lesson(id: &str) -> String {
    engine::share::Start::Lesson(id.to_string()).path()
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

/// The sandbox with `line` typed on its command line.
pub fn try_it(line: &str) -> String {
    format!("/sandbox?try={}", encode(line))
}

/// Whether a query (`present`, `present=1`; not `present=0`) turns on
/// presenter mode.
pub fn presenting(value: Option<&str>) -> bool {
    value.is_some_and(|v| !matches!(v, "0" | "false"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query decoding the browser does (`URLSearchParams`): `%XX` bytes,
    /// `+` a space. (In the browser itself: `tests/web.rs`.)
    #[cfg(not(target_arch = "wasm32"))]
    fn decode(v: &str) -> String {
        let raw = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            let hex = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            match (raw[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
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
        String::from_utf8_lossy(&out).into_owned()
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any line — Unicode, `%`, `&`, `=`, `+`, quotes — comes back from a
        /// "try it" link as it was written, and stays one query parameter.
        #[test]
        fn try_it_lines_survive_the_address(line in "\\PC{0,40}") {
            let link = try_it(&line);
            let query = link.strip_prefix("/sandbox?try=").unwrap();
            proptest::prop_assert!(!query.contains(['&', '#', '?', '+', ' ']));
            proptest::prop_assert_eq!(decode(query), line);
        }

        /// Any text is a lesson id only if it is a plain name, safe as a file name.
        #[test]
        fn lesson_ids_are_plain_names(id in "(\\PC{0,8}|[a-z.%/~^'\"-]{0,8})") {
            if let Some(id) = lesson_id(&id) {
                proptest::prop_assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }

    #[test]
    fn bad_lesson_ids_are_refused() {
        for bad in ["", "..", "a%2Fb", "A", "x/y", "<b>"] {
            assert_eq!(lesson_id(bad), None, "{bad}");
        }
        assert_eq!(lesson_id("big-picture").as_deref(), Some("big-picture"));
    }

    #[test]
    fn queries_turn_on_presenter_mode() {
        assert!(presenting(Some("")));
        assert!(presenting(Some("1")));
        assert!(!presenting(Some("0")));
        assert!(!presenting(None));
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
        for page in PAGES {
            let path = page.replace(":id", "big-picture");
            assert!(path == "/" || rewritten(&path), "{path} is a page Netlify does not rewrite: {froms:?}");
        }
        for missing in ["/no-such-page.wasm", "/app-1234.wasm", "/lessonx"] {
            assert!(!rewritten(missing), "{missing} would be answered with the app");
        }
        assert!(!froms.contains(&"/*"), "a catch-all rewrite would answer a missing .wasm with index.html");
        assert!(!toml.lines().any(|l| l.trim().starts_with("force")), "a forced rewrite would shadow real files");
    }
}
