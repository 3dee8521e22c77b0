//! `/lesson/:id`: a lesson beside a workspace of its own, so what the learner
//! does in a lesson never touches the sandbox (or another lesson).

use engine::World;
use leptos::prelude::*;

use crate::panels::lesson::LessonPanel;
use crate::router::Location;
use crate::workspace::{Layout, Lead, Workspace, provide_workspace};

/// The lesson page.
#[component]
pub fn Lesson(
    /// The lesson's id from the address.
    id: String,
) -> impl IntoView {
    provide_workspace(&format!("lesson:{id}"), World::new);
    let presenting = use_context::<Location>().is_some_and(Location::presenting);
    let layout = if presenting { Layout::Presenter } else { Layout::Lesson };
    view! {
        <Workspace layout>
            <Lead slot>
                <LessonPanel id=id.clone() />
            </Lead>
        </Workspace>
    }
}
