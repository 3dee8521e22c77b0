//! One message at the top of the page: what happened that the learner did
//! not do themselves (a share link opened, saved work that could not be
//! read, a new version installed), with at most one thing to do about it.
//! Shown until dismissed or replaced; the text is always text.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::markup::{Element, View, el};

/// What kind of news it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something worked.
    Info,
    /// Something could not be done; the page carried on without it.
    Problem,
}

struct Notice {
    tone: Tone,
    text: String,
    act: Option<(String, Rc<dyn Fn()>)>,
}

thread_local! {
    static NOTICE: RefCell<Option<Notice>> = const { RefCell::new(None) };
    static VIEW: RefCell<Option<Weak<dyn View>>> = const { RefCell::new(None) };
}

fn redraw() {
    if let Some(v) = VIEW.with_borrow(|v| v.as_ref().and_then(Weak::upgrade)) {
        v.redraw();
    }
}

/// Shows `text`.
pub fn show(tone: Tone, text: impl Into<String>) {
    NOTICE.with_borrow_mut(|n| *n = Some(Notice { tone, text: text.into(), act: None }));
    redraw();
}

/// Shows `text` with a button `label` that runs `act` (and dismisses).
pub fn offer(tone: Tone, text: impl Into<String>, label: impl Into<String>, act: impl Fn() + 'static) {
    NOTICE.with_borrow_mut(|n| *n = Some(Notice { tone, text: text.into(), act: Some((label.into(), Rc::new(act))) }));
    redraw();
}

/// Takes the message down.
pub fn dismiss() {
    if NOTICE.with_borrow_mut(Option::take).is_some() {
        redraw();
    }
}

/// Runs the message's action, then takes it down.
pub fn act() {
    let act = NOTICE.with_borrow(|n| n.as_ref().and_then(|n| n.act.as_ref().map(|(_, f)| f.clone())));
    dismiss();
    if let Some(f) = act {
        f();
    }
}

/// Where the message is drawn (the app's notice panel).
pub fn attach(view: Weak<dyn View>) {
    VIEW.with_borrow_mut(|v| *v = Some(view));
}

/// The message, as the notice panel draws it.
pub fn tree() -> Element {
    NOTICE.with_borrow(|n| {
        let Some(n) = n else { return el("div").class("b2p-notice b2p-notice--none").attr("data-testid", "notice") };
        let problem = n.tone == Tone::Problem;
        el("div")
            .class(if problem { "b2p-notice b2p-notice--problem" } else { "b2p-notice" })
            .attr("role", if problem { "alert" } else { "status" })
            .attr("data-testid", "notice")
            .attr("data-tone", if problem { "problem" } else { "info" })
            .child(el("p").class("b2p-notice__text").text(n.text.as_str()))
            .child_opt(n.act.as_ref().map(|(label, _)| {
                el("button")
                    .attr("type", "button")
                    .class("b2p-button")
                    .attr("data-notice", "act")
                    .attr("data-testid", "notice-act")
                    .text(label.as_str())
            }))
            .child(
                el("button")
                    .attr("type", "button")
                    .class("b2p-button b2p-button--quiet")
                    .attr("data-notice", "dismiss")
                    .attr("aria-label", "Dismiss this message")
                    .text("×"),
            )
    })
}
