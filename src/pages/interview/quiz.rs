//! The practice quiz: questions fetched on first use (`/quiz/questions.quiz`,
//! read and graded by `engine::quiz`), one at a time, with the explanation
//! and the lesson that teaches it after each answer; results kept in this
//! browser.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use engine::quiz::{Answer, Kind, Question, Scores};
use web_sys::Node as DomNode;

use crate::content;
use crate::markup::{Element, View, code, el, inline, listen};
use crate::notice::{self, Tone};
use crate::pages::Page;
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

fn button(act: &'static str, label: &'static str) -> Element {
    el("button").attr("type", "button").class("b2p-button").attr("data-quiz", act).text(label)
}

/// ↑ or ↓ on an order question's step at `pos`.
fn mover(act: &'static str, verb: &str, arrow: &'static str, pos: usize, step: &str, off: bool) -> Element {
    el("button")
        .attr("type", "button")
        .class("b2p-button b2p-quiz__move")
        .attr("data-quiz", act)
        .attr("data-i", pos.to_string())
        .attr("aria-label", format!("{verb}: {step}"))
        .flag("disabled", off)
        .text(arrow)
}

fn toggle(act: &'static str, i: usize, on: bool, mark: Option<bool>) -> Element {
    let class = match mark {
        Some(true) => "b2p-quiz__opt b2p-quiz__opt--right",
        Some(false) => "b2p-quiz__opt b2p-quiz__opt--wrong",
        None => "b2p-quiz__opt",
    };
    el("button")
        .attr("type", "button")
        .class(class)
        .attr("data-quiz", act)
        .attr("data-i", i.to_string())
        .attr("aria-pressed", if on { "true" } else { "false" })
}

/// The options or steps to work with, marked right or wrong once checked.
fn work(q: &Question, s: &Quiz) -> Element {
    let shown = s.checked.is_some();
    match &q.kind {
        Kind::Choice { options, .. } | Kind::Which { options, .. } => {
            let right = |i: usize| match &q.kind {
                Kind::Choice { right, .. } => right.contains(&i),
                Kind::Which { right, .. } => *right == i,
                _ => false,
            };
            el("ul").class("b2p-quiz__opts").children(options.iter().enumerate().map(|(i, o)| {
                let on = s.picked.contains(&i);
                let mark = (shown && (on || right(i))).then(|| right(i));
                el("li").child(
                    toggle("pick", i, on, mark)
                        .child(el("span").class("b2p-quiz__box").attr("aria-hidden", "true").text(if on {
                            "■"
                        } else {
                            "□"
                        }))
                        .children(inline(o)),
                )
            }))
        }
        Kind::Order { steps } => {
            el("ol").class("b2p-quiz__order").children(s.order.iter().enumerate().map(|(pos, step)| {
                let mark = shown.then_some(*step == pos);
                el("li")
                    .class(match mark {
                        Some(true) => "b2p-quiz__step b2p-quiz__opt--right",
                        Some(false) => "b2p-quiz__step b2p-quiz__opt--wrong",
                        None => "b2p-quiz__step",
                    })
                    .attr("data-testid", "quiz-step")
                    .child(el("span").class("b2p-quiz__step-text").children(inline(&steps[*step])))
                    .child(mover("up", "Move up", "↑", pos, &steps[*step], pos == 0))
                    .child(mover("down", "Move down", "↓", pos, &steps[*step], pos + 1 == s.order.len()))
            }))
        }
        Kind::Spot { env, .. } => {
            let problems = q.problems();
            el("div").class("b2p-quiz__file").child(el("p").class("b2p-quiz__file-name").child(code(env.file()))).child(
                el("ul").class("b2p-quiz__lines").children(q.file_lines().into_iter().enumerate().map(
                    |(i, (line, key))| {
                        let Some(key) = key else {
                            return el("li").child(code(line.to_string()));
                        };
                        let on = s.flagged.contains(&key);
                        let mark = (shown && (on || problems.contains(&key))).then(|| problems.contains(&key));
                        el("li").child(
                            toggle("flag", i, on, mark)
                                .attr("data-key", key.clone())
                                .child(el("span").class("b2p-quiz__box").attr("aria-hidden", "true").text(if on {
                                    "⚑"
                                } else {
                                    "·"
                                }))
                                .child(code(line.to_string())),
                        )
                    },
                )),
            )
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

fn card(q: &Question, s: &Quiz, n: usize) -> Element {
    let lesson = s.lessons.iter().find(|(id, _)| *id == q.lesson).map_or(q.lesson.clone(), |(_, t)| t.clone());
    el("div")
        .class("b2p-quiz__card")
        .attr("data-testid", "quiz-question")
        .attr("data-id", q.id.clone())
        .child(el("p").class("b2p-quiz__count").text(format!("Question {} of {n} · {}", s.at + 1, q.title)))
        .child(el("h3").class("b2p-quiz__ask").children(inline(&q.ask)))
        .child(el("p").class("b2p-quiz__how").text(instructions(&q.kind)))
        .child(work(q, s))
        .child(el("p").class("b2p-quiz__actions").child(if s.checked.is_some() {
            button("again", "Try again")
        } else {
            // Nothing chosen yet is not an answer: it would count as wrong.
            let empty = match &q.kind {
                Kind::Choice { .. } | Kind::Which { .. } => s.picked.is_empty(),
                Kind::Spot { .. } => s.flagged.is_empty(),
                Kind::Order { .. } => false,
            };
            button("check", "Check my answer").class("b2p-button b2p-button--primary").flag("disabled", empty)
        }))
        .child_opt(s.checked.map(|right| {
            el("div")
                .class(if right {
                    "b2p-quiz__result b2p-quiz__result--right"
                } else {
                    "b2p-quiz__result b2p-quiz__result--wrong"
                })
                .attr("role", "status")
                .attr("data-testid", "quiz-result")
                .attr("data-right", if right { "true" } else { "false" })
                .child(el("strong").text(if right { "✓ Right." } else { "✗ Not quite." }))
                .child(el("p").children(inline(&q.why)))
                .child(
                    el("p").text("Learn it: ").child(
                        el("a")
                            .attr("href", format!("/lesson/{}", q.lesson))
                            .attr("data-testid", "quiz-lesson")
                            .text(lesson),
                    ),
                )
        }))
        .child(
            el("p")
                .class("b2p-quiz__nav")
                .child(button("prev", "← Previous").flag("disabled", s.at == 0))
                .child(button("next", "Next question →").flag("disabled", s.at + 1 >= n)),
        )
}

fn tree(s: &Quiz) -> Element {
    let section = el("section")
        .class("b2p-panel b2p-quiz")
        .attr("aria-labelledby", "quiz-title")
        .attr("data-testid", "quiz")
        .child(el("h2").attr("id", "quiz-title").class("b2p-panel__title").text("Practice quiz"));
    match &s.questions {
        None => section.child(el("p").attr("role", "status").text("Loading the questions…")),
        Some(Err(e)) => section.child(el("p").attr("role", "alert").text(e.clone())),
        Some(Ok(qs)) => {
            let (right, answered) = s.scores.tally(qs);
            section
                .child(
                    el("p")
                        .class("b2p-quiz__score")
                        .attr("data-testid", "quiz-score")
                        .attr("data-right", right.to_string())
                        .attr("data-answered", answered.to_string())
                        .text(format!("Score: {right} right of {answered} answered · {} questions", qs.len()))
                        .child_opt(
                            (answered > 0 && answered < qs.len()).then(|| button("unanswered", "Next unanswered")),
                        )
                        .child_opt((answered > 0).then(|| button("reset", "Start over"))),
                )
                .child_opt(qs.get(s.at).map(|q| card(q, s, qs.len())))
        }
    }
}

/// The quiz section, drawn into `parent`.
pub fn quiz(parent: &DomNode, page: &mut Page) {
    let state = Rc::new(RefCell::new(Quiz { scores: load_scores(), ..Quiz::default() }));
    let shown = state.clone();
    let Some(panel) = page.panel(parent, None, move || tree(&shown.borrow()).into()) else { return };
    let (st, p) = (state.clone(), Rc::downgrade(&panel));
    page.listen(listen(panel.host(), "click", move |ev| {
        let Some(b) = crate::markup::clicked(&ev, "[data-quiz]") else {
            return;
        };
        let act = b.get_attribute("data-quiz").unwrap_or_default();
        let i = b.get_attribute("data-i").and_then(|i| i.parse().ok()).unwrap_or(0);
        st.borrow_mut().act(&act, i, b.get_attribute("data-key"));
        if let Some(p) = p.upgrade() {
            p.redraw();
        }
        // Keep the keyboard where it was: the redraw keeps the element.
        if (act == "next" || act == "prev" || act == "unanswered")
            && let Ok(Some(q)) =
                b.owner_document().map_or(Ok(None), |d| d.query_selector("[data-testid=quiz-question] h3"))
        {
            q.scroll_into_view();
        }
    }));
    let (st, p) = (state.clone(), Rc::downgrade(&panel));
    content::text("/quiz/questions.quiz".into(), move |r| {
        let read = match r {
            Ok(t) => engine::quiz::parse(&t).map_err(|e| format!("The quiz could not be read: {e}. Reload the page.")),
            Err(e) => Err(format!("The quiz: {e}.")),
        };
        let mut s = st.borrow_mut();
        s.questions = Some(read);
        s.go(0);
        drop(s);
        if let Some(p) = p.upgrade() {
            p.redraw();
        }
    });
    let (st, p) = (state, Rc::downgrade(&panel));
    content::text("/lessons/index.txt".into(), move |r| {
        if let Ok(t) = r {
            st.borrow_mut().lessons = engine::lesson::index(&t);
            if let Some(p) = p.upgrade() {
                p.redraw();
            }
        }
    });
}
