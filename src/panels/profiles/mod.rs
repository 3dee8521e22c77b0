//! The three `.env` profiles side by side — the guide's table of environment
//! differences — with where each value comes from and each profile's check.

use engine::config::check::Env;
use engine::config::profiles::Cell;
use engine::view::profiles::{Profiles as Table, inputs, profiles as view};
use web_sys::Node as DomNode;

use crate::markup::{Element, code, el};
use crate::pages::Page;
use crate::workspace::WorkspaceState;

fn cell(env: Env, key: &'static str, cell: &Cell) -> Element {
    let (text, from, class) = match cell {
        Cell::Set { value, line } => (value.clone(), format!("{}:{line}", env.file()), "b2p-profiles__value"),
        Cell::Default(d) => {
            ((*d).to_string(), "the app's default".to_string(), "b2p-profiles__value b2p-profiles__value--default")
        }
        Cell::NoFile => (
            "—".to_string(),
            format!("no {} in the working tree", env.file()),
            "b2p-profiles__value b2p-profiles__value--missing",
        ),
    };
    el("td")
        .class(class)
        .attr("data-env", env.name())
        .attr("data-key", key)
        .attr("title", from.clone())
        .child(code(text))
        .child(el("span").class("b2p-profiles__from").text(from))
}

/// The profiles side by side, as the panel shows them.
pub fn table(t: &Table) -> Element {
    let head = el("tr")
        .child(el("th").attr("scope", "col").text("Key"))
        .children(Env::ALL.iter().map(|e| el("th").attr("scope", "col").child(code(e.file()))));
    let rows = t.rows.iter().map(|r| {
        el("tr")
            .attr_opt("class", r.differs.then_some("b2p-profiles__row--differs"))
            .child(el("th").attr("scope", "row").child(code(r.key)))
            .children(Env::ALL.iter().zip(&r.cells).map(|(e, c)| cell(*e, r.key, c)))
    });
    let checks = t.checks.iter().map(|c| {
        let class = if c.ok { "b2p-profiles__check" } else { "b2p-profiles__check b2p-profiles__check--fail" };
        el("td").class(class).attr("data-env", c.env.name()).attr("title", c.lines.join("\n")).text(if c.ok {
            "✓ passes"
        } else {
            "✗ fails"
        })
    });
    el("section")
        .class("b2p-panel b2p-panel--profiles")
        .attr("aria-label", "Profiles")
        .child(el("h2").class("b2p-panel__title").text("Profiles: same code, different configuration"))
        .child(
            el("div").class("b2p-profiles").child(
                el("table")
                    .class("b2p-profiles__table")
                    .attr("data-testid", "env-table")
                    .child(el("thead").child(head))
                    .child(el("tbody").children(rows))
                    .child(
                        el("tfoot")
                            .child(el("tr").child(el("th").attr("scope", "row").text("config check")).children(checks)),
                    ),
            ),
        )
        .child(el("div").class("b2p-profiles__checks").children(t.checks.iter().filter(|c| c.lines.len() > 1).map(|c| {
            el("div")
                .class(if c.ok { "b2p-profiles__finding" } else { "b2p-profiles__finding b2p-profiles__finding--fail" })
                .attr("data-env", c.env.name())
                .child(el("h3").class("b2p-profiles__finding-title").child(code(format!("config check {}", c.env.name()))))
                .child(el("pre").class("b2p-profiles__finding-text").text(c.lines.join("\n")))
        })))
        .child(el("div").class("b2p-profiles__provenance").children(t.provenance.iter().map(|p| {
            el("details")
                .attr("data-server", p.server.as_str())
                .child(el("summary").text(format!("Where {}'s values come from ({})", p.server, p.profile)))
                .child(el("table").class("b2p-profiles__sources").child(el("tbody").children(p.sources.iter().map(|(k, from)| {
                    el("tr")
                        .child(el("th").attr("scope", "row").child(code(k.as_str())))
                        .child(el("td").attr("data-key", k.as_str()).text(from.as_str()))
                }))))
        })))
        .child(
            el("p")
                .class("b2p-panel__note")
                .text("To change a value, edit its file under Files (then commit and push, as in real life). Highlighted rows differ between environments. Compare them in the terminal with ")
                .child(code("config compare"))
                .text("; lint them with ")
                .child(code("config check"))
                .text("."),
        )
}

/// The profiles panel (`data-testid=env-table`).
pub fn profiles(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let w = ws.clone();
    let v = ws.clone();
    page.memo(parent, ws, move || v.with_world(inputs), move |_| w.with_world(|world| table(&view(world)).into()));
}
