//! The commit graph: an SVG drawing of [`crate::graph_layout::layout`].

use leptos::prelude::*;

use crate::app_state::expect_session;
use crate::graph_layout::{Edge, Label, LabelKind, Layout, layout};

// Whole pixels: crisp lines, and no float formatting code in the wasm.
const ROW: usize = 44;
const LANE: usize = 28;
const PAD: usize = 22;
const RADIUS: usize = 9;
/// Where a lane-changing edge finishes its curve, below the child.
const BEND: usize = ROW * 4 / 5;

fn x(lane: usize) -> usize {
    PAD + lane * LANE
}

fn y(row: usize) -> usize {
    PAD + row * ROW
}

/// An edge from a child down to its parent: straight in one lane, a curve
/// when it changes lane.
fn edge_path(l: &Layout, e: Edge) -> String {
    let (c, p) = (&l.nodes[e.child], &l.nodes[e.parent]);
    let (x1, y1, x2, y2) = (x(c.lane), y(c.row), x(p.lane), y(p.row));
    if c.lane == p.lane {
        format!("M{x1},{y1} L{x2},{y2}")
    } else {
        let bend = y1 + BEND;
        format!("M{x1},{y1} C{x1},{bend} {x2},{y1} {x2},{bend} L{x2},{y2}")
    }
}

/// Newest commit on top; branch labels (`data-branch`) beside their commit,
/// HEAD's branch highlighted.
#[component]
pub fn CommitGraph() -> impl IntoView {
    let state = expect_session();
    let graph = Memo::new(move |_| state.session.with(|s| s.world.local.as_ref().map(layout).unwrap_or_default()));
    let height = move || graph.with(|l| PAD * 2 + l.nodes.len().saturating_sub(1) * ROW);
    let text_x = move || graph.with(|l| PAD + l.lanes.max(1) * LANE);
    // Each commit with its ref labels, keyed by everything drawn, so a command
    // re-renders only the commits that moved or whose labels changed.
    let nodes = move || {
        graph.with(|l| {
            l.nodes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let labels: Vec<Label> = l.labels.iter().filter(|lb| lb.node == i).cloned().collect();
                    (n.clone(), labels)
                })
                .collect::<Vec<_>>()
        })
    };
    let edges =
        move || graph.with(|l| l.edges.iter().map(|e| (edge_path(l, *e), l.nodes[e.parent].lane)).collect::<Vec<_>>());

    view! {
        <figure class="b2p-graph">
            <figcaption class="b2p-visually-hidden">"Commit graph, newest commit first"</figcaption>
            <svg
                class="b2p-graph__svg"
                data-testid="commit-graph"
                role="img"
                aria-label="Commit graph"
                width="100%"
                height=height
            >
                <g class="b2p-graph__edges">
                    <For each=edges key=|e| e.clone() let:edge>
                        <path d=edge.0 class=format!("b2p-graph__edge b2p-lane-{}", edge.1 % 6) />
                    </For>
                </g>
                <For each=nodes key=|item| item.clone() let:item>
                    <g class="b2p-graph__commit" class:b2p-graph__commit--head=item.0.is_head
                        data-commit=item.0.id.clone()>
                        <title>{format!("{} {}", item.0.short, item.0.subject)}</title>
                        <circle cx=x(item.0.lane) cy=y(item.0.row) r=RADIUS
                            class=format!("b2p-graph__dot b2p-lane-{}", item.0.lane % 6) />
                        <text x=text_x y=y(item.0.row) dy="0.35em" class="b2p-graph__subject">
                            <tspan class="b2p-graph__id">{item.0.short.clone()}</tspan>
                            " " {item.0.subject.clone()}
                            {item.1.into_iter().map(label_view).collect_view()}
                        </text>
                    </g>
                </For>
            </svg>
        </figure>
    }
}

/// One ref label, drawn after its commit's subject.
fn label_view(l: Label) -> impl IntoView {
    let (class, prefix) = match l.kind {
        LabelKind::Branch { current: true } => ("b2p-graph__label b2p-graph__label--head", "HEAD → "),
        LabelKind::Branch { current: false } => ("b2p-graph__label", ""),
        LabelKind::Remote => ("b2p-graph__label b2p-graph__label--remote", ""),
        LabelKind::Tag => ("b2p-graph__label b2p-graph__label--tag", "tag: "),
        LabelKind::DetachedHead => ("b2p-graph__label b2p-graph__label--head", ""),
    };
    let branch = matches!(l.kind, LabelKind::Branch { .. }).then(|| l.text.clone());
    let remote = (l.kind == LabelKind::Remote).then(|| l.text.clone());
    let head = matches!(l.kind, LabelKind::Branch { current: true } | LabelKind::DetachedHead).then_some("true");
    view! {
        <tspan class=class data-branch=branch data-remote=remote data-head=head>
            {format!("  {prefix}{}", l.text)}
        </tspan>
    }
}
