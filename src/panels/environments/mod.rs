//! The environments: one card per server of the topology — what it runs,
//! under which profile, how far behind it is — with the button the engine
//! allows on it, and the topology switch.

use engine::servers::Status;
use engine::view::environments::{Card, Environments as Panel, environments as view};
use web_sys::Node as DomNode;

use crate::markup::{Element, code, el};
use crate::pages::Page;
use crate::panels::{button, form};
use crate::workspace::{Request, WorkspaceState};

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Running => "b2p-server__status b2p-server__status--up",
        Status::Unreachable | Status::Crashed => "b2p-server__status b2p-server__status--down",
        Status::Stopped | Status::NotDeployed => "b2p-server__status",
    }
}

/// A server card, as a deploy list shows it (`data-testid=server-card`,
/// `data-server`, `data-deployed`, `data-status`).
/// The request console's answer: the `curl` line, what each setting did, the
/// log lines written, and the response as curl printed it.
fn answer(r: &Request) -> Element {
    let e = &r.explained;
    el("div")
        .class("b2p-console__answer")
        .attr("role", "status")
        .child(el("p").class("b2p-console__curl").child(code(format!("$ {}", e.curl))))
        .child(el("pre").class("b2p-console__response").attr("data-testid", "console-response").text(r.output.as_str()))
        .child(
            el("dl").class("b2p-console__effects").children(
                e.effects.iter().flat_map(|f| {
                    [el("dt").child(code(f.key)), el("dd").attr("data-key", f.key).text(f.text.as_str())]
                }),
            ),
        )
        .child_opt(
            (!e.logs.is_empty()).then(|| {
                el("pre").class("b2p-console__logs").attr("data-testid", "console-logs").text(e.logs.join("\n"))
            }),
        )
}

fn card(card: &Card, request: Option<&Request>) -> Element {
    let row = &card.row;
    let meta = |text: String| el("p").class("b2p-server__meta").text(text);
    el("article")
        .class("b2p-server")
        .attr("data-testid", "server-card")
        .attr("data-server", row.label.as_str())
        .attr("data-deployed", row.deployed.clone().unwrap_or_default())
        .attr("data-status", row.status.name())
        .child(
            el("header")
                .class("b2p-server__name")
                .child(el("span").class(status_class(row.status)).attr("aria-hidden", "true"))
                .text(row.label.as_str())
                .child(el("span").class("b2p-server__state").text(row.status.name())),
        )
        .child(el("p").class("b2p-server__url").text(row.url.as_str()))
        .child(el("p").class("b2p-server__runs").text(row.running.as_deref().unwrap_or("nothing running")))
        .child(meta(format!("{} · {}", row.env_file, row.source)))
        .child_opt(row.behind.clone().map(meta))
        .child_opt((row.users_affected > 0).then(|| {
            el("p")
                .class("b2p-server__alert")
                .attr("role", "status")
                .text(format!("users affected: {}", row.users_affected))
        }))
        .child_opt(card.control.clone().map(|c| button(c, "b2p-server__action")))
        .children(card.forms.iter().filter(|f| f.name != "request").map(form))
        .children(card.forms.iter().filter(|f| f.name == "request").map(|f| {
            el("details")
                .class("b2p-console")
                .attr("data-testid", "request-console")
                .attr("data-server", row.label.as_str())
                .flag("open", request.is_some())
                .child(el("summary").text("Request console"))
                .child(form(f))
                .child_opt(request.map(answer))
        }))
}

fn panel(p: &Panel, request: Option<&Request>) -> Element {
    el("section")
        .class("b2p-panel b2p-panel--servers")
        .attr("aria-label", "Environments")
        .child(
            el("div")
                .class("b2p-servers__head")
                .child(el("h2").class("b2p-panel__title").text("Environments"))
                .child(button(p.switch.clone(), "")),
        )
        .child(
            el("div")
                .class("b2p-servers")
                .children(p.cards.iter().map(|c| card(c, request.filter(|r| r.explained.server == c.row.label)))),
        )
}

/// The environments panel.
pub fn environments(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let w = ws.clone();
    page.memo(parent, ws, move || (w.with_world(view), w.request()), |(e, request)| panel(e, request.as_ref()).into());
}
