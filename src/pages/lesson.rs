//! `/lesson/:id`: a lesson beside a workspace of its own, so what the learner
//! does in a lesson never touches the sandbox (or another lesson).

use engine::share::Start;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::links::lesson_id;
use crate::pages::not_found::NotFound;
use crate::panels::lesson::LessonPanel;
use crate::workspace::{Layout, Workspace, workspace};

/// The lesson page (an id that is not a plain name is not a page).
#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let presenting = Memo::new(move |_| query.with(|q| crate::links::presenting(q.get_str("present"))));
    let id = Memo::new(move |_| params.with(|p| p.get_str("id").and_then(lesson_id)));
    move || {
        crate::opening::generation();
        let Some(id) = id.get() else { return view! { <NotFound /> }.into_any() };
        let (ws, _) = workspace(&Start::Lesson(id.clone()));
        let layout = if presenting.get() { Layout::Presenter } else { Layout::Lesson };
        view! {
            <Workspace ws=ws layout=layout>
                <LessonPanel id=id.clone() />
            </Workspace>
        }
        .into_any()
    }
}
