//! One message at the top of the page: what happened that the learner did
//! not do themselves (a share link opened, saved work that could not be
//! read, a new version installed), with at most one thing to do about it.
//! Shown until dismissed or replaced; the text is always text.

use std::sync::Arc;

use leptos::prelude::*;

/// What kind of news it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something worked.
    Info,
    /// Something could not be done; the page carried on without it.
    Problem,
}

type Act = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone)]
struct Notice {
    tone: Tone,
    text: String,
    /// The page it is about: leaving that page takes it down.
    path: String,
    act: Option<(String, Act)>,
}

thread_local! {
    /// The message shown: one for the page, whoever shows it (saving,
    /// opening a link, the service worker), so it lives outside any component.
    static NOTICE: ArcRwSignal<Option<Notice>> = ArcRwSignal::new(None);
}

fn set(n: Option<Notice>) {
    NOTICE.with(|s| s.set(n));
}

/// Shows `text`.
pub fn show(tone: Tone, text: impl Into<String>) {
    set(Some(Notice { tone, text: text.into(), path: crate::opening::path_now(), act: None }));
}

/// Shows `text` with a button `label` that runs `act` (and dismisses).
pub fn offer(tone: Tone, text: impl Into<String>, label: impl Into<String>, act: impl Fn() + Send + Sync + 'static) {
    set(Some(Notice {
        tone,
        text: text.into(),
        path: crate::opening::path_now(),
        act: Some((label.into(), Arc::new(act))),
    }));
}

/// Takes the message down.
pub fn dismiss() {
    if NOTICE.with(|s| s.with_untracked(Option::is_some)) {
        set(None);
    }
}

/// The message at the top of the page (`data-testid=notice`).
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notice = NOTICE.with(Clone::clone);
    let here = leptos_router::hooks::use_location().pathname;
    move || {
        let Some(n) = notice.get().filter(|n| n.path == here.get()) else {
            return view! { <div class="b2p-notice b2p-notice--none" data-testid="notice"></div> }.into_any();
        };
        let problem = n.tone == Tone::Problem;
        let act = n.act.map(|(label, f)| {
            let run = move |_| {
                dismiss();
                f();
            };
            view! {
                <button type="button" class="b2p-button" data-notice="act" data-testid="notice-act" on:click=run>
                    {label}
                </button>
            }
        });
        view! {
            <div
                class=if problem { "b2p-notice b2p-notice--problem" } else { "b2p-notice" }
                role=if problem { "alert" } else { "status" }
                data-testid="notice"
                data-tone=if problem { "problem" } else { "info" }
            >
                <p class="b2p-notice__text">{n.text}</p>
                {act}
                <button
                    type="button"
                    class="b2p-button b2p-button--quiet"
                    data-notice="dismiss"
                    aria-label="Dismiss this message"
                    on:click=|_| dismiss()
                >
                    "×"
                </button>
            </div>
        }
        .into_any()
    }
}
