//! The practice quiz: questions fetched on first use (`/quiz/questions.quiz`,
//! read and graded by `engine::quiz`), one at a time, with the explanation
//! and the lesson that teaches it after each answer; results kept in this
//! browser.

use std::collections::BTreeSet;

use engine::quiz::{Answer, Kind, Question, Scores};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::content;
use crate::notice::{self, Tone};
use crate::prose::inline;
use crate::saved::storage;

/// Where results are kept.
const KEY: &str = "b2p-quiz";

/// The quiz as the learner works it.
#[derive(Default)]
struct Quiz {
    questions: Option<Result<Vec<Question>, String>>,
    /// Lesson titles by id, for the "learn it" links.
    lessons: Vec<(String, String)>,
    at: usize,
    picked: BTreeSet<usize>,
    /// An order question's steps as arranged now (indexes into the right order).
    order: Vec<usize>,
    flagged: BTreeSet<String>,
    /// Whether the last check was right, once checked.
    checked: Option<bool>,
    scores: Scores,
}
fn load_scores() -> Scores {
    let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else { return Scores::default() };
    Scores::parse(&text).unwrap_or_else(|e| {
        notice::show(Tone::Problem, format!("Your quiz results could not be read ({e}); the quiz starts over."));
        Scores::default()
    })
}

impl Quiz {
    fn question(&self) -> Option<&Question> {
        self.questions.as_ref()?.as_ref().ok()?.get(self.at)
    }

    /// Shows question `at` afresh.
    fn go(&mut self, at: usize) {
        let n = self.questions.as_ref().and_then(|q| q.as_ref().ok()).map_or(0, Vec::len);
        self.at = at.min(n.saturating_sub(1));
        self.picked.clear();
        self.flagged.clear();
        self.checked = None;
        self.order = self.question().map(Question::shown_order).unwrap_or_default();
    }

    fn answer(&self) -> Option<Answer> {
        Some(match &self.question()?.kind {
            Kind::Choice { .. } | Kind::Which { .. } => Answer::Picked(self.picked.clone()),
            Kind::Order { .. } => Answer::Ordered(self.order.clone()),
            Kind::Spot { .. } => Answer::Flagged(self.flagged.clone()),
        })
    }

    fn act(&mut self, act: &str, i: usize, key: Option<String>) {
        let which = matches!(self.question().map(|q| &q.kind), Some(Kind::Which { .. }));
        match act {
            "pick" if which => {
                self.picked.clear();
                self.picked.insert(i);
            }
            "pick" if !self.picked.remove(&i) => {
                self.picked.insert(i);
            }
            "up" if i > 0 && i < self.order.len() => self.order.swap(i, i - 1),
            "down" if i + 1 < self.order.len() => self.order.swap(i, i + 1),
            "flag" => {
                if let Some(k) = key
                    && !self.flagged.remove(&k)
                {
                    self.flagged.insert(k);
                }
            }
            "check" => {
                let (Some(q), Some(a)) = (self.question(), self.answer()) else { return };
                let (id, right) = (q.id.clone(), q.grade(&a));
                self.checked = Some(right);
                self.scores.0.insert(id, right);
                if let Some(s) = storage() {
                    let _ = s.set_item(KEY, &self.scores.write());
                }
            }
            "again" => self.go(self.at),
            "next" => self.go(self.at + 1),
            "prev" => self.go(self.at.saturating_sub(1)),
            "unanswered" => {
                let all = self.questions.as_ref().and_then(|q| q.as_ref().ok());
                let next = all.and_then(|qs| qs.iter().position(|q| !self.scores.0.contains_key(&q.id)));
                self.go(next.unwrap_or(0));
            }
            "reset" => {
                self.scores = Scores::default();
                if let Some(s) = storage() {
                    let _ = s.remove_item(KEY);
                }
                self.go(0);
            }
            _ => {}
        }
        // Changing the answer after a check starts a new attempt.
        if matches!(act, "pick" | "up" | "down" | "flag") {
            self.checked = None;
        }
    }
}

type Q = RwSignal<Quiz>;

fn act(q: Q, act: &'static str, i: usize, key: Option<String>) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |_| q.update(|s| s.act(act, i, key.clone()))
}

fn button(q: Q, a: &'static str, label: &'static str, off: bool) -> impl IntoView {
    view! { <button type="button" class="b2p-button" data-quiz=a disabled=off on:click=act(q, a, 0, None)>{label}</button> }
}

/// ↑ or ↓ on an order question's step at `pos`.
fn mover(q: Q, a: &'static str, verb: &str, arrow: &'static str, pos: usize, step: &str, off: bool) -> impl IntoView {
    view! {
        <button
            type="button"
            class="b2p-button b2p-quiz__move"
            data-quiz=a
            data-i=pos.to_string()
            aria-label=format!("{verb}: {step}")
            disabled=off
            on:click=act(q, a, pos, None)
        >
            {arrow}
        </button>
    }
}

fn mark_class(base: &'static str, mark: Option<bool>) -> String {
    match mark {
        Some(true) => format!("{base} b2p-quiz__opt--right"),
        Some(false) => format!("{base} b2p-quiz__opt--wrong"),
        None => base.to_string(),
    }
}

/// An option to pick or a line to flag, marked right or wrong once checked.
fn toggle(
    q: Q,
    a: &'static str,
    i: usize,
    key: Option<String>,
    on: bool,
    mark: Option<bool>,
    body: AnyView,
) -> AnyView {
    view! {
        <button
            type="button"
            class=mark_class("b2p-quiz__opt", mark)
            data-quiz=a
            data-i=i.to_string()
            data-key=key.clone()
            aria-pressed=if on { "true" } else { "false" }
            on:click=act(q, a, i, key)
        >
            {body}
        </button>
    }
    .into_any()
}

/// The options or steps to work with.
fn work(q: Q, question: &Question, s: &Quiz) -> AnyView {
    let shown = s.checked.is_some();
    match &question.kind {
        Kind::Choice { options, .. } | Kind::Which { options, .. } => {
            let right = |i: usize| match &question.kind {
                Kind::Choice { right, .. } => right.contains(&i),
                Kind::Which { right, .. } => *right == i,
                _ => false,
            };
            let items = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let on = s.picked.contains(&i);
                    let mark = (shown && (on || right(i))).then(|| right(i));
                    let body = view! {
                        <span class="b2p-quiz__box" aria-hidden="true">{if on { "■" } else { "□" }}</span>
                        {inline(o)}
                    }
                    .into_any();
                    view! { <li>{toggle(q, "pick", i, None, on, mark, body)}</li> }
                })
                .collect_view();
            view! { <ul class="b2p-quiz__opts">{items}</ul> }.into_any()
        }
        Kind::Order { steps } => {
            let n = s.order.len();
            let items = s
                .order
                .iter()
                .enumerate()
                .map(|(pos, step)| {
                    let mark = shown.then_some(*step == pos);
                    let text = &steps[*step];
                    view! {
                        <li class=mark_class("b2p-quiz__step", mark) data-testid="quiz-step">
                            <span class="b2p-quiz__step-text">{inline(text)}</span>
                            {mover(q, "up", "Move up", "↑", pos, text, pos == 0)}
                            {mover(q, "down", "Move down", "↓", pos, text, pos + 1 == n)}
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="b2p-quiz__order">{items}</ol> }.into_any()
        }
        Kind::Spot { env, .. } => {
            let problems = question.problems();
            let lines = question
                .file_lines()
                .into_iter()
                .enumerate()
                .map(|(i, (line, key))| {
                    let line = line.to_string();
                    let Some(key) = key else {
                        return view! { <li><code>{line}</code></li> }.into_any();
                    };
                    let on = s.flagged.contains(&key);
                    let mark = (shown && (on || problems.contains(&key))).then(|| problems.contains(&key));
                    let body = view! {
                        <span class="b2p-quiz__box" aria-hidden="true">{if on { "⚑" } else { "·" }}</span>
                        <code>{line}</code>
                    }
                    .into_any();
                    view! { <li>{toggle(q, "flag", i, Some(key), on, mark, body)}</li> }.into_any()
                })
                .collect_view();
            view! {
                <div class="b2p-quiz__file">
                    <p class="b2p-quiz__file-name"><code>{env.file()}</code></p>
                    <ul class="b2p-quiz__lines">{lines}</ul>
                </div>
            }
            .into_any()
        }
    }
}

fn instructions(kind: &Kind) -> &'static str {
    match kind {
        Kind::Choice { right, .. } if right.len() > 1 => "Pick every right answer.",
        Kind::Choice { .. } => "Pick the right answer.",
        Kind::Which { .. } => "Pick one.",
        Kind::Order { .. } => "Put the steps in order with ↑ and ↓.",
        Kind::Spot { .. } => "Flag every line config check would refuse, then check.",
    }
}

fn card(q: Q, question: &Question, s: &Quiz, n: usize) -> AnyView {
    let lesson =
        s.lessons.iter().find(|(id, _)| *id == question.lesson).map_or(question.lesson.clone(), |(_, t)| t.clone());
    let check = if s.checked.is_some() {
        button(q, "again", "Try again", false).into_any()
    } else {
        // Nothing chosen yet is not an answer: it would count as wrong.
        let empty = match &question.kind {
            Kind::Choice { .. } | Kind::Which { .. } => s.picked.is_empty(),
            Kind::Spot { .. } => s.flagged.is_empty(),
            Kind::Order { .. } => false,
        };
        view! {
            <button type="button" class="b2p-button b2p-button--primary" data-quiz="check" disabled=empty on:click=act(q, "check", 0, None)>
                "Check my answer"
            </button>
        }
        .into_any()
    };
    let result = s.checked.map(|right| {
        view! {
            <div
                class=if right { "b2p-quiz__result b2p-quiz__result--right" } else { "b2p-quiz__result b2p-quiz__result--wrong" }
                role="status"
                data-testid="quiz-result"
                data-right=if right { "true" } else { "false" }
            >
                <strong>{if right { "✓ Right." } else { "✗ Not quite." }}</strong>
                <p>{inline(&question.why)}</p>
                <p>"Learn it: "<A href=crate::links::lesson(&question.lesson) attr:data-testid="quiz-lesson">{lesson}</A></p>
            </div>
        }
    });
    view! {
        <div class="b2p-quiz__card" data-testid="quiz-question" data-id=question.id.clone()>
            <p class="b2p-quiz__count">{format!("Question {} of {n} · {}", s.at + 1, question.title)}</p>
            <h3 class="b2p-quiz__ask">{inline(&question.ask)}</h3>
            <p class="b2p-quiz__how">{instructions(&question.kind)}</p>
            {work(q, question, s)}
            <p class="b2p-quiz__actions">{check}</p>
            {result}
            <p class="b2p-quiz__nav">
                {button(q, "prev", "← Previous", s.at == 0)}
                {button(q, "next", "Next question →", s.at + 1 >= n)}
            </p>
        </div>
    }
    .into_any()
}

fn body(q: Q, s: &Quiz) -> AnyView {
    match &s.questions {
        None => view! { <p role="status">"Loading the questions…"</p> }.into_any(),
        Some(Err(e)) => view! { <p role="alert">{e.clone()}</p> }.into_any(),
        Some(Ok(qs)) => {
            let (right, answered) = s.scores.tally(qs);
            view! {
                <p
                    class="b2p-quiz__score"
                    data-testid="quiz-score"
                    data-right=right.to_string()
                    data-answered=answered.to_string()
                >
                    {format!("Score: {right} right of {answered} answered · {} questions", qs.len())}
                    {(answered > 0 && answered < qs.len()).then(|| button(q, "unanswered", "Next unanswered", false))}
                    {(answered > 0).then(|| button(q, "reset", "Start over", false))}
                </p>
                {qs.get(s.at).map(|question| card(q, question, s, qs.len()))}
            }
            .into_any()
        }
    }
}

/// The quiz section.
#[component]
pub fn QuizSection() -> impl IntoView {
    let q: Q = RwSignal::new(Quiz { scores: load_scores(), ..Quiz::default() });
    let questions = content::resource(|| async {
        match content::text("/quiz/questions.quiz".into()).await {
            Ok(t) => engine::quiz::parse(&t).map_err(|e| format!("The quiz could not be read: {e}. Reload the page.")),
            Err(e) => Err(format!("The quiz: {e}.")),
        }
    });
    let lessons = content::resource(content::lessons);
    // The fetched text joins the quiz's state when it arrives (the quiz is
    // then worked locally).
    Effect::new(move |_| {
        if let Some(read) = questions.get() {
            q.update(|s| {
                s.questions = Some(read);
                s.go(0);
            });
        }
    });
    Effect::new(move |_| {
        if let Some(l) = lessons.get() {
            q.update(|s| s.lessons = l);
        }
    });
    view! {
        <section class="b2p-panel b2p-quiz" aria-labelledby="quiz-title" data-testid="quiz">
            <h2 id="quiz-title" class="b2p-panel__title">"Practice quiz"</h2>
            {move || q.with(|s| body(q, s))}
        </section>
    }
}
