//! `/interview`: interview practice — the quiz, "tell me about your
//! development process" answered from the learner's own worlds, and
//! presenter mode (`?present`) to demo the workflow live.

mod answer;
mod present;
mod quiz;

use web_sys::Node as DomNode;

use crate::markup::{append, el};
use crate::pages::Page;

/// The interview page, or presenter mode.
pub fn interview(main: &DomNode, presenting: bool, page: &mut Page) {
    if presenting {
        present::present(main, page);
        return;
    }
    let Some(root) = crate::markup::append_element(main, "div", "b2p-interview") else { return };
    append(
        &root,
        &[el("header")
            .class("b2p-interview__top")
            .child(el("h1").class("b2p-interview__title").text("Interview prep"))
            .child(el("p").class("b2p-intro__lead").text(
                "Practise the questions interviewers ask about the workflow, build your answer to “tell me about \
                 your development process” from what you did here, and demo the week live.",
            ))
            .child(
                el("p")
                    .class("b2p-interview__links")
                    .child(
                        el("a")
                            .class("b2p-button b2p-button--primary")
                            .attr("href", "/interview?present")
                            .attr("data-testid", "present-start")
                            .text("Present the week (presenter mode)"),
                    )
                    .child(el("a").class("b2p-button").attr("href", "/reference").text("Quick reference")),
            )
            .into()],
    );
    quiz::quiz(&root, page);
    answer::answer(&root, page);
}
