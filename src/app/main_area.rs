//! The `<main>` element and the routes it shows (`links::PAGES`).

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;

use crate::pages::{home::Home, interview::Interview, lesson::LessonPage, not_found::NotFound};
use crate::pages::{reference::Reference, sandbox::Sandbox};

/// The page shown, large for a projector in presenter mode (`?present`).
#[component]
pub fn MainArea() -> impl IntoView {
    let query = use_query_map();
    let class = move || {
        let present = query.with(|q| crate::links::presenting(q.get_str("present")));
        if present { "b2p-main b2p-main--present" } else { "b2p-main" }
    };
    view! {
        <main class=class>
            // The routes are links::PAGES (netlify.toml rewrites each).
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home />
                <Route path=path!("/sandbox") view=Sandbox />
                <Route path=path!("/lesson/:id") view=LessonPage />
                <Route path=path!("/interview") view=Interview />
                <Route path=path!("/reference") view=Reference />
            </Routes>
        </main>
    }
}
