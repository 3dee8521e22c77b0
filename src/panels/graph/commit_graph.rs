//! The commit graph: an SVG drawing of the engine's layout
//! ([`engine::view::graph::layout`]), which decides rows, lanes and labels.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use engine::view::graph::{CommitDetail, Edge, Label, LabelKind, Layout, commit_detail, world_layout};
use wasm_bindgen::JsCast;
use web_sys::Node as DomNode;

use crate::markup::{Element, Node, View, append_element, code, el, listen};
use crate::pages::Page;
use crate::workspace::WorkspaceState;

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
const OVERSCAN: i64 = 4;

/// The depths (rows counted up from the oldest commit) worth drawing when the
/// graph, `height` tall, is scrolled to `top` in a `view`-tall window.
fn visible_depths(height: i64, top: i64, view: i64) -> (usize, usize) {
    let base = height - PAD; // y of depth 0
    let deepest = (base - top + OVERSCAN * ROW).div_euclid(ROW);
    let shallowest = (base - top - view - OVERSCAN * ROW).div_euclid(ROW);
    (usize::try_from(shallowest.max(0)).unwrap_or(0), usize::try_from(deepest.max(0)).unwrap_or(0))
}

/// Rows are drawn in blocks of this many: the window's edges move rarely, so
/// a new commit is usually one appended row, not a shifted window.
const BLOCK: usize = 8;

/// The SVG: edges, then commits oldest first (a new commit is appended), for
/// the rows `lo..=hi`; labels first on each row, then id and subject.
fn svg(l: &Layout, (lo, hi): (usize, usize)) -> Element {
    let height = PAD * 2 + l.nodes.len().saturating_sub(1) as i64 * ROW;
    let text_x = PAD + l.lanes.max(1) as i64 * LANE;
    let mut labels: Vec<Vec<&Label>> = vec![Vec::new(); l.nodes.len()];
    for lb in &l.labels {
        if let Some(slot) = labels.get_mut(lb.node) {
            slot.push(lb);
        }
    }
    let mut widest = 0;
    let mut commits = Vec::new();
    for (n, labels) in l.nodes.iter().zip(&labels).rev() {
        let depth = depth(l, n.row);
        if !(lo..=hi).contains(&depth) {
            continue;
        }
        // Refs on the first line, then the commit and the servers that run
        // it: two short lines fit a panel where one long one would not.
        let (servers, refs): (Vec<&&Label>, Vec<&&Label>) = labels.iter().partition(|lb| lb.kind == LabelKind::Server);
        let refs_text: Vec<String> = refs.iter().map(|lb| label_text(lb)).collect();
        let servers_text: Vec<String> = servers.iter().map(|lb| label_text(lb)).collect();
        let width = |parts: &[String]| parts.iter().map(|p| p.chars().count()).sum::<usize>();
        let line2 = n.short().len() + 1 + n.subject().chars().count() + 2 + width(&servers_text);
        widest = widest.max(width(&refs_text)).max(line2);
        let class = if n.is_head { "b2p-graph__commit b2p-graph__commit--head" } else { "b2p-graph__commit" };
        let line =
            |dy: &'static str| el("text").attr("x", text_x.to_string()).attr("y", y(depth).to_string()).attr("dy", dy);
        let first = (!refs.is_empty()).then(|| {
            line("-0.3em")
                .class("b2p-graph__refs")
                .children(refs.iter().zip(refs_text).map(|(lb, text)| label(lb, text)))
        });
        let text = line(if refs.is_empty() { "0.35em" } else { "1.05em" })
            .class("b2p-graph__subject")
            .child(el("tspan").class("b2p-graph__id").text(n.short()))
            .text(format!(" {}  ", n.subject()))
            .children(servers.iter().zip(servers_text).map(|(lb, text)| label(lb, text)));
        commits.push((
            depth / BLOCK,
            el("g")
                .class(class)
                .attr("data-commit", n.id())
                .attr("tabindex", "0")
                .attr("role", "button")
                .child(
                    el("circle")
                        .attr("cx", x(n.lane).to_string())
                        .attr("cy", y(depth).to_string())
                        .attr("r", RADIUS.to_string())
                        .class(format!("b2p-graph__dot b2p-lane-{}", n.lane % 6)),
                )
                .child_opt(first)
                .child(text),
        ));
    }
    // The layout lists edges newest child first; drawn oldest first, like the
    // commits, so a new commit's edges are appended.
    let edges = l
        .edges
        .iter()
        .rev()
        .filter(|e| depth(l, l.nodes[e.child].row) >= lo && depth(l, l.nodes[e.parent].row) <= hi)
        .map(|e| {
            let path = el("path")
                .attr("d", edge_path(l, *e))
                .class(format!("b2p-graph__edge b2p-lane-{}", l.nodes[e.parent].lane % 6));
            (depth(l, l.nodes[e.child].row) / BLOCK, path)
        })
        .collect();
    el("svg")
        .class("b2p-graph__svg")
        .attr("data-testid", "commit-graph")
        .attr("role", "group")
        .attr("aria-label", "Commit graph")
        .attr("width", "100%")
        .attr("height", height.to_string())
        // Wide enough for the longest row (the font is monospace, so `ch` is
        // exact): labels are never cut off; the figure scrolls instead.
        .attr("style", format!("min-width: calc({text_x}px + {}ch)", widest + 2))
        .child(
            el("g")
                .attr("transform", format!("translate(0 {})", height - PAD))
                .child(el("g").class("b2p-graph__edges").children(blocks(edges, 'e')))
                .child(el("g").children(blocks(commits, 'c'))),
        )
}

/// Groups (block, element) pairs, in block order, into one keyed group per
/// block: scrolling, or a new commit crossing a block's edge, drops or adds
/// whole groups instead of shifting every row ([`crate::markup`] matches
/// children by `data-key`).
fn blocks(items: Vec<(usize, Element)>, kind: char) -> Vec<Element> {
    let mut out: Vec<(usize, Element)> = Vec::new();
    for (b, item) in items {
        match out.last_mut() {
            Some((last, group)) if *last == b => {
                let g = std::mem::replace(group, el("g"));
                *group = g.child(item);
            }
            _ => out.push((b, el("g").attr("data-key", format!("{kind}{b}")).child(item))),
        }
    }
    out.into_iter().map(|(_, g)| g).collect()
}

/// A layout and the workspace version it was computed for.
type Cached = (u64, Rc<Layout>);

/// Newest commit on top; branch labels (`data-branch`) beside their commit,
/// HEAD's branch highlighted, the servers that run it. Only the rows in view
/// (and a margin) are in the DOM: browsers lay out an SVG as a whole, so a
/// thousand-commit graph drawn in full costs tens of milliseconds per command.
/// A click (or Enter) on a commit shows what it changed and who runs it.
pub fn commit_graph(parent: &DomNode, ws: &WorkspaceState, page: &mut Page) {
    let Some(figure) = append_element(parent, "figure", "b2p-graph") else { return };
    crate::markup::append(
        &figure,
        &[el("figcaption")
            .class("b2p-visually-hidden")
            .text("Commit graph, newest commit first. Select a commit to see what it changed and which servers run it.")
            .into()],
    );
    // (scrollTop, clientHeight) of the scrolling figure.
    let scroll = Rc::new(Cell::new((0_i64, 640_i64)));
    // The layout, computed once per change of the world (scrolling reuses it).
    let cache: Rc<RefCell<Option<Cached>>> = Rc::new(RefCell::new(None));
    let (w, sc) = (ws.clone(), scroll.clone());
    let c = cache.clone();
    // What the drawing depends on: the world's version and the rows in view.
    let key = move || {
        let version = w.version();
        let layout = {
            let mut cache = c.borrow_mut();
            match &*cache {
                Some((v, l)) if *v == version => l.clone(),
                _ => {
                    let l = Rc::new(w.with_world(world_layout));
                    *cache = Some((version, l.clone()));
                    l
                }
            }
        };
        let (top, view) = sc.get();
        let height = PAD * 2 + layout.nodes.len().saturating_sub(1) as i64 * ROW;
        let (lo, hi) = visible_depths(height, top, view);
        (version, lo / BLOCK * BLOCK, (hi / BLOCK + 1) * BLOCK)
    };
    let tree = move |&(_, lo, hi): &(u64, usize, usize)| {
        let layout = cache.borrow().as_ref().map(|(_, l)| l.clone()).unwrap_or_default();
        svg(&layout, (lo, hi)).into()
    };
    let Some(drawing) = page.memo(&figure, ws, key, tree) else { return };
    let measure = {
        let (f, drawing) = (figure.clone(), drawing.clone());
        move |_: web_sys::Event| {
            let next = (i64::from(f.scroll_top()), i64::from(f.client_height()).max(ROW));
            if scroll.replace(next) != next {
                drawing.redraw();
            }
        }
    };
    // No measuring now: reading the figure's size would lay out the whole
    // page before its first paint. 640 px is its tallest (graph.css), so the
    // first drawing covers what shows; scrolling measures.
    page.listen(listen(&figure, "scroll", measure));
    let w = ws.clone();
    let pick = move |ev: web_sys::Event| {
        let id = crate::markup::clicked(&ev, "[data-commit]").and_then(|g| g.get_attribute("data-commit"));
        if let Some(id) = id {
            w.pick_commit(id);
        }
    };
    let key_pick = pick.clone();
    page.listen(listen(&figure, "click", pick));
    page.listen(listen(&figure, "keydown", move |ev| {
        let key = ev.dyn_ref::<web_sys::KeyboardEvent>().map(web_sys::KeyboardEvent::key);
        if matches!(key.as_deref(), Some("Enter" | " ")) {
            ev.prevent_default();
            key_pick(ev);
        }
    }));
    let w = ws.clone();
    page.memo(
        parent,
        ws,
        move || w.picked_commit().and_then(|id| w.with_world(|world| commit_detail(world, &id))),
        |detail| detail.as_ref().map_or(Node::Text(String::new()), |d| detail_box(d).into()),
    );
}

/// The clicked commit: its message, files, refs, and the servers that run it.
fn detail_box(d: &CommitDetail) -> Element {
    let runs = if d.servers.is_empty() {
        "No server runs it.".to_string()
    } else {
        format!("Runs on: {}.", d.servers.join(", "))
    };
    el("div")
        .class("b2p-commit")
        .attr("data-testid", "commit-detail")
        .attr("data-commit", d.id.as_str())
        .attr("role", "region")
        .attr("aria-label", format!("Commit {}", d.short))
        .child(el("p").class("b2p-commit__head").child(code(d.short.as_str())).text(format!(" {}", d.author)))
        .child(el("pre").class("b2p-commit__message").text(d.message.as_str()))
        .child_opt(
            (!d.refs.is_empty()).then(|| el("p").class("b2p-panel__note").text(format!("Refs: {}", d.refs.join(", ")))),
        )
        .child(el("ul").class("b2p-commit__files").children(d.files.iter().map(|f| el("li").child(code(f.as_str())))))
        .child(el("p").class("b2p-commit__runs").attr("data-testid", "commit-servers").text(runs))
}

/// What a label reads: `HEAD → main`, `tag: v1`, `▶ staging`, `main 🔒`.
fn label_text(l: &Label) -> String {
    let prefix = match l.kind {
        LabelKind::Branch { current: true, .. } => "HEAD → ",
        LabelKind::Tag => "tag: ",
        LabelKind::Server => "▶ ",
        _ => "",
    };
    let lock = if matches!(l.kind, LabelKind::Branch { protected: true, .. }) { " 🔒" } else { "" };
    format!("{prefix}{}{lock}  ", l.text)
}

/// One label (`data-branch`, `data-remote`, `data-server`, `data-head`).
fn label(l: &Label, text: String) -> Element {
    let class = match l.kind {
        LabelKind::Branch { current: true, .. } | LabelKind::DetachedHead => "b2p-graph__label b2p-graph__label--head",
        LabelKind::Branch { current: false, .. } => "b2p-graph__label",
        LabelKind::Remote => "b2p-graph__label b2p-graph__label--remote",
        LabelKind::Tag => "b2p-graph__label b2p-graph__label--tag",
        LabelKind::Server => "b2p-graph__label b2p-graph__label--server",
    };
    let name = l.text.as_str();
    el("tspan")
        .class(class)
        .attr_opt("data-branch", matches!(l.kind, LabelKind::Branch { .. }).then_some(name))
        .attr_opt("data-remote", (l.kind == LabelKind::Remote).then_some(name))
        .attr_opt("data-server", (l.kind == LabelKind::Server).then_some(name))
        .attr_opt(
            "data-head",
            matches!(l.kind, LabelKind::Branch { current: true, .. } | LabelKind::DetachedHead).then_some("true"),
        )
        .text(text)
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
