//! The commit graph: an SVG drawing of the engine's layout
//! ([`engine::view::graph::layout`]), which decides rows, lanes and labels.

use engine::view::graph::{Edge, Label, LabelKind, Layout, layout};
use leptos::html;
use leptos::prelude::*;

use crate::workspace::expect_workspace;

// Whole pixels: crisp lines, and no float formatting code in the wasm.
const ROW: i64 = 44;
const LANE: i64 = 28;
const PAD: i64 = 22;
const RADIUS: i64 = 9;
/// Where a lane-changing edge finishes its curve, below the child.
const BEND: i64 = ROW * 4 / 5;

fn x(lane: usize) -> i64 {
    PAD + lane as i64 * LANE
}

/// Rows are drawn upwards from the oldest commit (depth 0 at y = 0, inside a
/// group moved down to the bottom): a new commit on top leaves every other
/// commit's coordinates, and so its keyed DOM node, untouched.
fn y(depth: usize) -> i64 {
    -(depth as i64) * ROW
}

fn depth(l: &Layout, row: usize) -> usize {
    l.nodes.len().saturating_sub(1 + row)
}

/// A commit as drawn: everything its DOM depends on, which is also its key.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Drawn {
    id: String,
    short: String,
    subject: String,
    depth: usize,
    lane: usize,
    is_head: bool,
    labels: Vec<Label>,
    /// Where subjects start: right of the widest lane (a plain value, not a
    /// signal, so a command doesn't touch every commit's text).
    text_x: i64,
}

/// An edge from a child down to its parent: straight in one lane, a curve
/// when it changes lane.
fn edge_path(l: &Layout, e: Edge) -> String {
    let (c, p) = (&l.nodes[e.child], &l.nodes[e.parent]);
    let (x1, y1, x2, y2) = (x(c.lane), y(depth(l, c.row)), x(p.lane), y(depth(l, p.row)));
    if c.lane == p.lane {
        format!("M{x1},{y1} L{x2},{y2}")
    } else {
        let bend = y1 + BEND;
        format!("M{x1},{y1} C{x1},{bend} {x2},{y1} {x2},{bend} L{x2},{y2}")
    }
}

/// Rows drawn beyond the visible part of the graph, above and below.
const OVERSCAN: i64 = 12;

/// The depths (rows counted up from the oldest commit) worth drawing when the
/// graph, `height` tall, is scrolled to `top` in a `view`-tall window.
fn visible_depths(height: i64, top: i64, view: i64) -> (usize, usize) {
    let base = height - PAD; // y of depth 0
    let deepest = (base - top + OVERSCAN * ROW).div_euclid(ROW);
    let shallowest = (base - top - view - OVERSCAN * ROW).div_euclid(ROW);
    (usize::try_from(shallowest.max(0)).unwrap_or(0), usize::try_from(deepest.max(0)).unwrap_or(0))
}

/// Newest commit on top; branch labels (`data-branch`) beside their commit,
/// HEAD's branch highlighted. Only the rows in view (and a margin) are in the
/// DOM: browsers lay out an SVG as a whole, so a thousand-commit graph drawn in
/// full costs tens of milliseconds per command.
#[component]
pub fn CommitGraph() -> impl IntoView {
    let graph = expect_workspace().memo(|s| s.world().local().map(layout).unwrap_or_default());
    let figure = NodeRef::<html::Figure>::new();
    // (scrollTop, clientHeight) of the scrolling figure.
    let (scroll, set_scroll) = signal((0_i64, 640_i64));
    let measure = move || {
        if let Some(el) = figure.get_untracked() {
            set_scroll.set((i64::from(el.scroll_top()), i64::from(el.client_height()).max(ROW)));
        }
    };
    Effect::new(move |_| measure());
    let height = move || graph.with(|l| PAD * 2 + l.nodes.len().saturating_sub(1) as i64 * ROW);
    let bottom = move || format!("translate(0 {})", height() - PAD);
    let window = move || {
        let (top, view) = scroll.get();
        visible_depths(height(), top, view)
    };
    // Each visible commit with its ref labels, keyed by everything drawn, so a
    // command re-renders only the commits that moved or whose labels changed.
    let nodes = move || {
        let (lo, hi) = window();
        graph.with(|l| {
            let text_x = PAD + l.lanes.max(1) as i64 * LANE;
            let mut labels: Vec<Vec<Label>> = vec![Vec::new(); l.nodes.len()];
            for lb in &l.labels {
                if let Some(slot) = labels.get_mut(lb.node) {
                    slot.push(lb.clone());
                }
            }
            l.nodes
                .iter()
                .zip(labels)
                .filter_map(|(n, labels)| {
                    let depth = depth(l, n.row);
                    (lo..=hi).contains(&depth).then(|| Drawn {
                        id: n.id.clone(),
                        short: n.short.clone(),
                        subject: n.subject.clone(),
                        depth,
                        lane: n.lane,
                        is_head: n.is_head,
                        labels,
                        text_x,
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    // Edges that cross the visible rows.
    let edges = move || {
        let (lo, hi) = window();
        graph.with(|l| {
            l.edges
                .iter()
                .filter(|e| depth(l, l.nodes[e.child].row) >= lo && depth(l, l.nodes[e.parent].row) <= hi)
                .map(|e| (edge_path(l, *e), l.nodes[e.parent].lane))
                .collect::<Vec<_>>()
        })
    };

    view! {
        <figure class="b2p-graph" node_ref=figure on:scroll=move |_| measure()>
            <figcaption class="b2p-visually-hidden">"Commit graph, newest commit first"</figcaption>
            <svg
                class="b2p-graph__svg"
                data-testid="commit-graph"
                role="img"
                aria-label="Commit graph"
                width="100%"
                height=height
            >
                <g transform=bottom>
                    <g class="b2p-graph__edges">
                        <For each=edges key=|e| e.clone() let:edge>
                            <path d=edge.0 class=format!("b2p-graph__edge b2p-lane-{}", edge.1 % 6) />
                        </For>
                    </g>
                    <For each=nodes key=|d| d.clone() let:d>
                        <g class="b2p-graph__commit" class:b2p-graph__commit--head=d.is_head data-commit=d.id.clone()>
                            <title>{format!("{} {}", d.short, d.subject)}</title>
                            <circle cx=x(d.lane) cy=y(d.depth) r=RADIUS
                                class=format!("b2p-graph__dot b2p-lane-{}", d.lane % 6) />
                            <text x=d.text_x y=y(d.depth) dy="0.35em" class="b2p-graph__subject">
                                <tspan class="b2p-graph__id">{d.short.clone()}</tspan>
                                " " {d.subject.clone()}
                                {d.labels.into_iter().map(label_view).collect_view()}
                            </text>
                        </g>
                    </For>
                </g>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rows_near_the_view_are_drawn() {
        // 1,000 commits, scrolled to the top (newest), a 640px window.
        let height = PAD * 2 + 999 * ROW;
        let (lo, hi) = visible_depths(height, 0, 640);
        assert!(hi >= 999 && lo > 900, "{lo}..={hi}");
        assert!(hi - lo < 50);
        // Scrolled to the bottom: the oldest commits.
        let (lo, hi) = visible_depths(height, height - 640, 640);
        assert_eq!(lo, 0);
        assert!(hi < 40, "{hi}");
        // A short history is drawn in full.
        assert_eq!(visible_depths(PAD * 2 + 4 * ROW, 0, 640).0, 0);
    }
}
