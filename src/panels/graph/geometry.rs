//! The commit graph's drawing as plain values: where each commit, edge and
//! label goes, for the rows in view. Pure code, tested natively; the
//! component only puts it on the page. Each row and edge is its own key
//! (the same commit drawn the same way keeps its element).

use engine::view::graph::{Edge, Label, LabelKind, Layout};

// Whole pixels: crisp lines, and no float formatting code in the wasm.
pub const ROW: i64 = 44;
const LANE: i64 = 28;
pub const PAD: i64 = 22;
pub const RADIUS: i64 = 9;
/// Where a lane-changing edge finishes its curve, below the child.
const BEND: i64 = ROW * 4 / 5;
/// Rows drawn beyond the visible part of the graph, above and below.
const OVERSCAN: i64 = 4;
/// Rows are drawn in windows of whole blocks of this many: the window's
/// edges move rarely, so a new commit is usually one added row.
const BLOCK: usize = 8;

fn x(lane: usize) -> i64 {
    PAD + lane as i64 * LANE
}

/// Rows are drawn upwards from the oldest commit (depth 0 at y = 0, inside a
/// group moved down to the bottom): a new commit on top leaves every other
/// commit's coordinates, and so its keyed element, untouched.
fn y(depth: usize) -> i64 {
    -(depth as i64) * ROW
}

fn depth(l: &Layout, row: usize) -> usize {
    l.nodes.len().saturating_sub(1 + row)
}

/// The SVG's height for `l`.
pub fn height(l: &Layout) -> i64 {
    PAD * 2 + l.nodes.len().saturating_sub(1) as i64 * ROW
}

/// The depths (rows counted up from the oldest commit) worth drawing when the
/// graph, `height` tall, is scrolled to `top` in a `view`-tall window.
pub fn visible_depths(height: i64, top: i64, view: i64) -> (usize, usize) {
    let base = height - PAD; // y of depth 0
    let deepest = (base - top + OVERSCAN * ROW).div_euclid(ROW);
    let shallowest = (base - top - view - OVERSCAN * ROW).div_euclid(ROW);
    (usize::try_from(shallowest.max(0)).unwrap_or(0), usize::try_from(deepest.max(0)).unwrap_or(0))
}

/// The visible depths widened to whole blocks.
pub fn window(height: i64, top: i64, view: i64) -> (usize, usize) {
    let (lo, hi) = visible_depths(height, top, view);
    (lo / BLOCK * BLOCK, (hi / BLOCK + 1) * BLOCK)
}

/// A ref or server label (`data-branch`, `data-remote`, `data-server`,
/// `data-head`) and what it reads: `HEAD → main`, `tag: v1`, `▶ staging`,
/// `main 🔒`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Tag {
    pub class: &'static str,
    pub text: String,
    pub branch: Option<String>,
    pub remote: Option<String>,
    pub server: Option<String>,
    pub head: bool,
}

fn tag(l: &Label) -> Tag {
    let prefix = match l.kind {
        LabelKind::Branch { current: true, .. } => "HEAD → ",
        LabelKind::Tag => "tag: ",
        LabelKind::Server => "▶ ",
        _ => "",
    };
    let lock = if matches!(l.kind, LabelKind::Branch { protected: true, .. }) { " 🔒" } else { "" };
    let class = match l.kind {
        LabelKind::Branch { current: true, .. } | LabelKind::DetachedHead => "b2p-graph__label b2p-graph__label--head",
        LabelKind::Branch { current: false, .. } => "b2p-graph__label",
        LabelKind::Remote => "b2p-graph__label b2p-graph__label--remote",
        LabelKind::Tag => "b2p-graph__label b2p-graph__label--tag",
        LabelKind::Server => "b2p-graph__label b2p-graph__label--server",
    };
    let name = || Some(l.text.clone());
    Tag {
        class,
        text: format!("{prefix}{}{lock}  ", l.text),
        branch: matches!(l.kind, LabelKind::Branch { .. }).then(name).flatten(),
        remote: (l.kind == LabelKind::Remote).then(name).flatten(),
        server: (l.kind == LabelKind::Server).then(name).flatten(),
        head: matches!(l.kind, LabelKind::Branch { current: true, .. } | LabelKind::DetachedHead),
    }
}

/// One commit as drawn: its dot, its refs on a first line, then its id,
/// subject and the servers that run it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    pub id: String,
    pub short: String,
    pub subject: String,
    pub head: bool,
    pub cx: i64,
    pub y: i64,
    pub lane: usize,
    pub text_x: i64,
    pub refs: Vec<Tag>,
    pub servers: Vec<Tag>,
}

/// One edge as drawn: an SVG path and its lane's colour.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Line {
    pub d: String,
    pub lane: usize,
}

/// What the SVG shows for a window of rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawing {
    pub height: i64,
    /// Characters of the longest row (the font is monospace): the SVG is
    /// at least that wide, so labels are never cut off; it scrolls instead.
    pub widest: usize,
    pub text_x: i64,
    /// Oldest first, so a new commit is added at the end.
    pub rows: Vec<Row>,
    pub edges: Vec<Line>,
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

/// The drawing of the rows `lo..=hi` (depths) of `l`.
pub fn drawing(l: &Layout, (lo, hi): (usize, usize)) -> Drawing {
    let text_x = PAD + l.lanes.max(1) as i64 * LANE;
    let mut labels: Vec<Vec<&Label>> = vec![Vec::new(); l.nodes.len()];
    for lb in &l.labels {
        if let Some(slot) = labels.get_mut(lb.node) {
            slot.push(lb);
        }
    }
    let mut widest = 0;
    let mut rows = Vec::new();
    for (n, labels) in l.nodes.iter().zip(&labels).rev() {
        let depth = depth(l, n.row);
        if !(lo..=hi).contains(&depth) {
            continue;
        }
        // Refs on the first line, then the commit and the servers that run
        // it: two short lines fit a panel where one long one would not.
        let (servers, refs): (Vec<&&Label>, Vec<&&Label>) = labels.iter().partition(|lb| lb.kind == LabelKind::Server);
        let refs: Vec<Tag> = refs.into_iter().map(|l| tag(l)).collect();
        let servers: Vec<Tag> = servers.into_iter().map(|l| tag(l)).collect();
        let width = |tags: &[Tag]| tags.iter().map(|t| t.text.chars().count()).sum::<usize>();
        let line2 = n.short().len() + 1 + n.subject().chars().count() + 2 + width(&servers);
        widest = widest.max(width(&refs)).max(line2);
        rows.push(Row {
            id: n.id().to_string(),
            short: n.short().to_string(),
            subject: n.subject().to_string(),
            head: n.is_head,
            cx: x(n.lane),
            y: y(depth),
            lane: n.lane,
            text_x,
            refs,
            servers,
        });
    }
    // The layout lists edges newest child first; drawn oldest first, like the
    // commits, so a new commit's edges are added at the end.
    let edges = l
        .edges
        .iter()
        .rev()
        .filter(|e| depth(l, l.nodes[e.child].row) >= lo && depth(l, l.nodes[e.parent].row) <= hi)
        .map(|e| Line { d: edge_path(l, *e), lane: l.nodes[e.parent].lane })
        .collect();
    Drawing { height: height(l), widest, text_x, rows, edges }
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

    #[test]
    fn a_new_commit_leaves_the_other_rows_as_they_were() {
        let mut world = engine::World::new();
        let mut session = engine::Session::new(world.clone());
        session.run("git commit --allow-empty -m two");
        world = session.world().clone();
        let before = drawing(&engine::view::graph::world_layout(&world), (0, 100));
        session.run("git checkout -b feature/x");
        session.run("git commit --allow-empty -m three");
        let after = drawing(&engine::view::graph::world_layout(session.world()), (0, 100));
        assert_eq!(after.rows.len(), 3);
        // The first commit is drawn the same (same key); the old tip lost
        // HEAD's label, so its row changed.
        assert_eq!(before.rows[0], after.rows[0]);
        assert_ne!(before.rows[1], after.rows[1]);
        assert!(after.rows[2].refs.iter().any(|t| t.head && t.branch.as_deref() == Some("feature/x")));
    }
}
