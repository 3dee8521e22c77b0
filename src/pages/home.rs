//! `/`: the big picture and what to do first. The map is the sandbox's
//! world, live: what the learner changes there shows here.

use engine::view::map::{Step, insight, map};
use web_sys::Node as DomNode;

use std::cell::RefCell;
use std::rc::Rc;

use crate::content;
use crate::markup::{Element, Node, View, append_element, code, el};
use crate::pages::Page;

fn step_row(s: &Step) -> Element {
    let state = match (&s.runs, s.current) {
        (None, _) => format!("{}: nothing running", s.status),
        (Some(_), true) => "runs the branch's tip".to_string(),
        (Some(_), false) => "not the branch's tip yet".to_string(),
    };
    el("li")
        .class(if s.current { "b2p-map__step b2p-map__step--current" } else { "b2p-map__step" })
        .attr("data-server", s.server)
        .child(
            el("div")
                .class("b2p-map__branch")
                .child(el("p").class("b2p-map__name").child(code(s.branch.as_str())))
                .child(el("p").class("b2p-map__commit").text(s.tip.as_deref().unwrap_or("no commits yet"))),
        )
        .child(
            el("div")
                .class("b2p-map__arrow")
                .child(el("span").attr("aria-hidden", "true").text("→"))
                .child(el("span").class("b2p-map__feeds").text(s.feeds)),
        )
        .child(
            el("div")
                .class("b2p-map__server")
                .attr("data-testid", "map-server")
                .child(
                    el("p")
                        .class("b2p-map__name")
                        .text(s.server)
                        .child(el("span").class("b2p-map__profile").text(format!(" · {}", s.profile))),
                )
                .child(el("p").class("b2p-map__url").text(s.url.as_str()))
                .child(el("p").class("b2p-map__commit").text(s.runs.as_deref().unwrap_or("—")))
                .child(el("p").class("b2p-map__state").text(state)),
        )
}

/// The guide's two columns, branch → server, drawn from a world's map.
pub fn big_picture(steps: &[Step], topology: engine::servers::Topology, title: &str) -> Element {
    el("section")
        .class("b2p-map")
        .attr("aria-labelledby", "map-title")
        .attr("data-testid", "big-picture")
        .child(el("h2").attr("id", "map-title").class("b2p-home__heading").text(title))
        .child(
            el("div")
                .class("b2p-map__heads")
                .attr("aria-hidden", "true")
                .child(el("p").text("Git workflow — code versions"))
                .child(el("p").text("Deployment pipeline — where code runs")),
        )
        .child(el("ol").class("b2p-map__flow").children(steps.iter().map(step_row)))
        .child(el("p").class("b2p-map__insight").text(insight(topology)))
}

fn intro() -> Element {
    el("section")
        .class("b2p-intro")
        .child(el("h1").class("b2p-intro__title").text("Branches are code versions. Environments are where code runs."))
        .child(
            el("p")
                .class("b2p-intro__lead")
                .text("Work a real-feeling git repository — feature branch → ")
                .child(code("development"))
                .text(" → ")
                .child(code("main"))
                .text(
                    " — and watch each branch feed its server: local, development, staging, production, \
                     each running the same chatbot under its own ",
                )
                .child(code(".env"))
                .text(" profile."),
        )
        .child(
            el("p")
                .class("b2p-intro__cta")
                .child(
                    el("a")
                        .class("b2p-button b2p-button--primary b2p-intro__start")
                        .attr("href", "/lesson/big-picture")
                        .text("Start learning: the big picture"),
                )
                .text(" ")
                .child(el("a").attr("href", "/sandbox").class("b2p-button b2p-intro__start").text("Open the sandbox")),
        )
}

/// A list item of text and `code`, alternating: `step(&["Run ", "git init", "."])`.
fn step(parts: &[&str]) -> Element {
    el("li").children(parts.iter().enumerate().map(|(i, p)| if i % 2 == 1 { code(*p).into() } else { Node::from(*p) }))
}

fn first_steps() -> Element {
    el("section")
        .class("b2p-home__steps")
        .attr("aria-labelledby", "first-steps")
        .child(el("h2").attr("id", "first-steps").class("b2p-home__heading").text("Your first five minutes"))
        .child(el("ol").class("b2p-home__list").children([
            step(&[
                "Start a feature from ",
                "development",
                ": ",
                "git checkout development",
                " then ",
                "git checkout -b feature/new-chatbot-intent",
                ".",
            ]),
            step(&[
                "Change the app with ",
                "edit product-inquiry",
                ", try it locally with ",
                "python main.py",
                " and ",
                "curl localhost:8000/",
                ".",
            ]),
            step(&["Commit, merge into ", "development", " and push: the development server deploys it."]),
            step(&[
                "Merge ",
                "development",
                " into ",
                "main",
                " and push: staging runs it. Then ",
                "deploy production",
                ".",
            ]),
            step(&["Compare the three profiles: ", "config compare", ". Same code, different configuration."]),
        ]))
}

/// The home page.
pub fn home(main: &DomNode, page: &mut Page) {
    let Some(home) = append_element(main, "div", "b2p-home") else { return };
    crate::markup::append(&home, &[intro().into()]);
    let ws = super::sandbox::sandbox_workspace();
    let w = ws.clone();
    page.memo(
        &home,
        &ws,
        move || w.with_world(|world| (map(world), world.servers().topology)),
        |(m, t)| big_picture(m, *t, "The big picture, live from your sandbox").into(),
    );
    lessons(&home, page);
    crate::markup::append(&home, &[first_steps().into()]);
}

/// The curriculum with the learner's progress: the index is fetched after
/// the first paint (a few hundred bytes), progress is local.
fn lessons(home: &DomNode, page: &mut Page) {
    let index: Rc<RefCell<Vec<(String, String)>>> = Rc::new(RefCell::new(Vec::new()));
    let shown = index.clone();
    let tree = move || {
        let done = crate::saved::finished();
        let list = shown.borrow();
        el("section")
            .class("b2p-home__lessons")
            .attr("aria-labelledby", "lessons")
            .attr("data-testid", "lesson-list")
            .child(el("h2").attr("id", "lessons").class("b2p-home__heading").text(format!(
                "Lessons ({} of {} done)",
                list.iter().filter(|(id, _)| done.contains(id)).count(),
                list.len()
            )))
            .child(el("ol").class("b2p-home__list").children(list.iter().map(|(id, title)| {
                let finished = done.contains(id);
                el("li")
                    .attr("data-lesson", id.as_str())
                    .attr("data-done", if finished { "true" } else { "false" })
                    .child(el("a").attr("href", format!("/lesson/{id}")).text(title.as_str()))
                    .text(if finished { " ✓ done" } else { "" })
            })))
            .into()
    };
    let Some(panel) = page.panel(home, None, tree) else { return };
    let shown = Rc::downgrade(&panel);
    content::text("/lessons/index.txt".into(), move |r| {
        if let Ok(text) = r {
            *index.borrow_mut() = engine::lesson::index(&text);
        }
        if let Some(p) = shown.upgrade() {
            p.redraw();
        }
    });
}
