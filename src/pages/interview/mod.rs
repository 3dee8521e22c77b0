//! `/interview`: interview practice — the quiz, "tell me about your
//! development process" answered from the learner's own worlds, and
//! presenter mode (`?present`) to demo the workflow live.

mod answer;
mod gaps;
mod present;
mod quiz;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The interview page, or presenter mode.
#[component]
pub fn Interview() -> impl IntoView {
    let query = use_query_map();
    let presenting = Memo::new(move |_| query.with(|q| crate::links::presenting(q.get_str("present"))));
    move || {
        if presenting.get() {
            return view! { <present::Present /> }.into_any();
        }
        view! {
            <div class="b2p-interview">
                <header class="b2p-interview__top">
                    <h1 class="b2p-interview__title">"Interview prep"</h1>
                    <p class="b2p-intro__lead">
                        "Practise the questions interviewers ask about the workflow, build your answer to “tell me about your development process” from what you did here, and demo the week live."
                    </p>
                    <p class="b2p-interview__links">
                        <A href="/interview?present" attr:class="b2p-button b2p-button--primary" attr:data-testid="present-start">
                            "Present the week (presenter mode)"
                        </A>
                        <A href="/reference" attr:class="b2p-button">"Quick reference"</A>
                    </p>
                </header>
                <quiz::QuizSection />
                <answer::AnswerSection />
            </div>
        }
        .into_any()
    }
}
