//! The commit graph: an SVG drawing of the engine's layout
//! ([`engine::view::graph::world_layout`], a memo of the workspace), which
//! decides rows, lanes and labels; [`super::geometry`] places them.
//!
//! Only the rows in view (and a margin) are on the page: browsers lay out an
//! SVG as a whole, so a thousand-commit graph drawn in full costs tens of
//! milliseconds per command. Rows and edges are keyed by how they are drawn,
//! so a new commit adds its row and leaves the others alone.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use super::geometry::{self, Line, RADIUS, ROW, Row, Tag};
use crate::workspace::expect_workspace;

fn label(t: Tag) -> impl IntoView {
    view! {
        <tspan
            class=t.class
            data-branch=t.branch
            data-remote=t.remote
            data-server=t.server
            data-head=t.head.then_some("true")
        >
            {t.text}
        </tspan>
    }
}

fn commit(r: Row) -> impl IntoView {
    let class = if r.head { "b2p-graph__commit b2p-graph__commit--head" } else { "b2p-graph__commit" };
    let (x, y) = (r.text_x.to_string(), r.y.to_string());
    let first = (!r.refs.is_empty()).then(|| {
        view! {
            <text x=x.clone() y=y.clone() dy="-0.3em" class="b2p-graph__refs">
                {r.refs.into_iter().map(label).collect_view()}
            </text>
        }
    });
    let dy = if first.is_some() { "1.05em" } else { "0.35em" };
    view! {
        <g class=class data-commit=r.id tabindex="0" role="button">
            <circle
                cx=r.cx.to_string()
                cy=y.clone()
                r=RADIUS.to_string()
                class=format!("b2p-graph__dot b2p-lane-{}", r.lane % 6)
            />
            {first}
            <text x=x y=y dy=dy class="b2p-graph__subject">
                <tspan class="b2p-graph__id">{r.short}</tspan>
                {format!(" {}  ", r.subject)}
                {r.servers.into_iter().map(label).collect_view()}
            </text>
        </g>
    }
}

fn edge(l: Line) -> impl IntoView {
    view! { <path d=l.d class=format!("b2p-graph__edge b2p-lane-{}", l.lane % 6) /> }
}

/// Newest commit on top; branch labels (`data-branch`) beside their commit,
/// HEAD's branch highlighted, the servers that run it. A click (or Enter) on
/// a commit shows what it changed and who runs it.
#[component]
pub fn CommitGraph() -> impl IntoView {
    let models = expect_workspace();
    let (layout, ws) = (models.graph, models.ws);
    let figure = NodeRef::<html::Figure>::new();
    // (scrollTop, clientHeight) of the scrolling figure. No measuring at
    // first: reading the figure's size would lay out the whole page before
    // its first paint; 640 px is its tallest (graph.css), so the first
    // drawing covers what shows; scrolling measures.
    let scroll = RwSignal::new((0_i64, 640_i64));
    let window = Memo::new(move |_| {
        let (top, view) = scroll.get();
        geometry::window(layout.with(geometry::height), top, view)
    });
    let drawing = Memo::new(move |_| layout.with(|l| geometry::drawing(l, window.get())));
    let measure = move |_| {
        if let Some(f) = figure.get_untracked() {
            scroll.set((i64::from(f.scroll_top()), i64::from(f.client_height()).max(ROW)));
        }
    };
    let pick = move |target: Option<web_sys::EventTarget>| {
        use wasm_bindgen::JsCast;
        let id = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-commit]").ok().flatten())
            .and_then(|g| g.get_attribute("data-commit"));
        if let Some(id) = id {
            ws.pick_commit(id);
        }
    };
    let key_pick = pick.clone();
    let on_key = move |ev: KeyboardEvent| {
        if matches!(ev.key().as_str(), "Enter" | " ") {
            ev.prevent_default();
            key_pick(ev.target());
        }
    };
    let height = move || drawing.with(|d| d.height);
    view! {
        <figure class="b2p-graph" tabindex="0" aria-label="Commit graph" node_ref=figure on:scroll=measure on:click=move |ev| pick(ev.target()) on:keydown=on_key>
            <figcaption class="b2p-visually-hidden">
                "Commit graph, newest commit first. Select a commit to see what it changed and which servers run it."
            </figcaption>
            <svg
                class="b2p-graph__svg"
                data-testid="commit-graph"
                role="group"
                aria-label="Commit graph"
                width="100%"
                height=move || height().to_string()
                style:min-width=move || drawing.with(|d| format!("calc({}px + {}ch)", d.text_x, d.widest + 2))
            >
                <g transform=move || format!("translate(0 {})", height() - geometry::PAD)>
                    <g class="b2p-graph__edges">
                        <For each=move || drawing.with(|d| d.edges.clone()) key=Clone::clone children=edge />
                    </g>
                    <g>
                        <For each=move || drawing.with(|d| d.rows.clone()) key=Clone::clone children=commit />
                    </g>
                </g>
            </svg>
        </figure>
    }
}
