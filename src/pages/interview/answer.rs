//! "Tell me about your development process": the learner's own answer,
//! assembled by `engine::interview` from every world they worked in (the
//! sandbox and each lesson's), editable and copyable, beside the guide's
//! answer and the follow-ups an interviewer asks (`/quiz/interview.sheet`).

use engine::interview::{Facts, of_session};
use engine::lesson::{Lesson, start};
use engine::share::Start;
use leptos::html;
use leptos::prelude::*;

use super::gaps::Gaps;
use crate::clipboard::CopyButton;
use crate::pages::sheet::SheetBlocks;
use crate::{content, saved, workspace};

/// Every world's facts, added up: the sandbox's and each lesson's (a
/// lesson not opened this visit is replayed from its saved lines onto its
/// start, as the lesson page does).
async fn gather() -> Facts {
    let mut facts = crate::pages::sandbox::sandbox_workspace().with_session_untracked(of_session);
    let open = workspace::opened();
    let mut starts: Vec<Start> = saved::worlds();
    for ws in &open {
        if !starts.contains(ws.start()) {
            starts.push(ws.start().clone());
        }
    }
    for start_at in starts {
        let Start::Lesson(id) = &start_at else { continue };
        if let Some(ws) = open.iter().find(|w| *w.start() == start_at && untrack(|| w.version()) > 0) {
            facts.merge(ws.with_session_untracked(of_session));
            continue;
        }
        let text = content::text(format!("/lessons/{id}.lesson")).await.ok();
        let session = text
            .and_then(|t| Lesson::parse(&t).ok())
            .and_then(|l| start(&l).ok())
            .and_then(|session| saved::world(&start_at).map(|rec| rec.replay(session.world().clone())));
        if let Some(s) = session {
            facts.merge(of_session(&s));
        }
    }
    facts
}

fn text(f: &Facts) -> String {
    f.answer().join("\n\n")
}

/// The answer section.
#[component]
pub fn AnswerSection() -> impl IntoView {
    let facts = content::resource(gather);
    let gold = content::resource(|| content::sheet("/quiz/interview.sheet", "The guide's answer"));
    let area = NodeRef::<html::Textarea>::new();
    // The learner typed in the answer: a late world does not overwrite it.
    let edited = StoredValue::new(false);
    let fill = move |force: bool| {
        if edited.get_value() && !force {
            return;
        }
        if let (Some(a), Some(f)) = (area.get_untracked(), facts.get_untracked()) {
            a.set_value(&text(&f));
        }
    };
    // Syncs the text area (outside the reactive graph: the learner edits it).
    Effect::new(move |_| {
        facts.track();
        fill(false);
    });
    let copied = move || area.get_untracked().map(|t| t.value()).unwrap_or_default();
    let rebuild = move |_| {
        edited.set_value(false);
        fill(true);
    };
    view! {
        <section class="b2p-panel b2p-answer" aria-labelledby="answer-title" data-testid="answer">
            <h2 id="answer-title" class="b2p-panel__title">"“Tell me about your development process”"</h2>
            <p class="b2p-panel__note">
                "Your answer is assembled from what you did — in the sandbox and in each lesson's world. Edit it into your own words, then say it out loud."
            </p>
            <div class="b2p-answer__cols">
                <div class="b2p-answer__mine">
                    <h3>"Your answer, from your worlds"</h3>
                    <textarea
                        class="b2p-answer__text"
                        data-testid="my-answer"
                        aria-label="Your answer"
                        rows="14"
                        spellcheck="true"
                        node_ref=area
                        on:input=move |_| edited.set_value(true)
                    ></textarea>
                    <p class="b2p-answer__actions">
                        <CopyButton
                            label="Copy my answer"
                            failed="Select the answer and press Ctrl+C"
                            testid="answer-copy"
                            text=copied
                        />
                        <button type="button" class="b2p-button" on:click=rebuild>
                            "Rebuild from my worlds"
                        </button>
                    </p>
                    <Gaps facts=facts />
                </div>
                <div class="b2p-answer__gold" data-testid="answer-gold">
                    {move || match gold.get() {
                        None => view! { <p role="status">"Loading the guide's answer…"</p> }.into_any(),
                        Some(Err(e)) => view! { <p role="alert">{e}</p> }.into_any(),
                        Some(Ok(s)) => view! { <SheetBlocks blocks=s.blocks /> }.into_any(),
                    }}
                </div>
            </div>
        </section>
    }
}
