//! Commit-graph geometry: a pure function from a repository to rows, lanes,
//! edges and labels. The `CommitGraph` component only draws what this returns.

use engine::git::date_order;
use engine::repo::{Head, Repo, short};

/// One commit's place: `row` counts down from the newest commit, `lane` across.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Node {
    pub id: String,
    pub short: String,
    pub subject: String,
    pub row: usize,
    pub lane: usize,
    pub is_head: bool,
}

/// A line from a commit to one of its parents (indexes into `nodes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edge {
    pub child: usize,
    pub parent: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// A local branch; `current` when HEAD is on it.
    Branch {
        current: bool,
    },
    Remote,
    Tag,
    DetachedHead,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    pub text: String,
    pub kind: LabelKind,
    pub node: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub labels: Vec<Label>,
    pub lanes: usize,
}

/// Lays out every commit reachable from the repository's refs, newest on top,
/// giving each first-parent line its own lane as `git log --graph` does.
pub fn layout(repo: &Repo) -> Layout {
    let tips: Vec<String> = repo
        .branches
        .values()
        .chain(repo.remote_tracking.values())
        .chain(repo.tags.values())
        .chain(repo.head_commit())
        .cloned()
        .collect();
    let order = date_order(repo, &tips);
    let index: std::collections::HashMap<&str, usize> =
        order.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let head = repo.head_commit();
    // `expect[l]` is the commit lane `l` is waiting for.
    let mut expect: Vec<Option<&str>> = Vec::new();
    let mut nodes = Vec::with_capacity(order.len());
    let mut edges = Vec::new();
    for (row, id) in order.iter().enumerate() {
        let Some(commit) = repo.commit(id) else {
            continue;
        };
        let waiting: Vec<usize> = (0..expect.len()).filter(|&l| expect[l] == Some(id.as_str())).collect();
        let lane = match waiting.first() {
            Some(&l) => l,
            None => free_lane(&mut expect),
        };
        for &l in &waiting {
            expect[l] = None;
        }
        for (k, p) in commit.parents.iter().enumerate() {
            if let Some(&pi) = index.get(p.as_str()) {
                edges.push(Edge { child: row, parent: pi });
            }
            if expect.contains(&Some(p.as_str())) {
                continue;
            }
            let l = if k == 0 { lane } else { free_lane(&mut expect) };
            expect[l] = Some(p.as_str());
        }
        nodes.push(Node {
            id: id.clone(),
            short: short(id).to_string(),
            subject: commit.subject().to_string(),
            row,
            lane,
            is_head: head == Some(id),
        });
    }
    let mut labels = Vec::new();
    let current = repo.current_branch();
    if let Head::Detached(id) = repo.head()
        && let Some(&n) = index.get(id.as_str())
    {
        labels.push(Label { text: "HEAD".into(), kind: LabelKind::DetachedHead, node: n });
    }
    for (name, id) in &repo.branches {
        if let Some(&n) = index.get(id.as_str()) {
            let current = current == Some(name.as_str());
            labels.push(Label { text: name.clone(), kind: LabelKind::Branch { current }, node: n });
        }
    }
    for (name, id) in &repo.remote_tracking {
        if let Some(&n) = index.get(id.as_str()) {
            labels.push(Label { text: name.clone(), kind: LabelKind::Remote, node: n });
        }
    }
    for (name, id) in &repo.tags {
        if let Some(&n) = index.get(id.as_str()) {
            labels.push(Label { text: name.clone(), kind: LabelKind::Tag, node: n });
        }
    }
    // Current branch first on its row, then local, remote, tags.
    labels.sort_by_key(|l| {
        let rank = match l.kind {
            LabelKind::DetachedHead | LabelKind::Branch { current: true } => 0,
            LabelKind::Branch { current: false } => 1,
            LabelKind::Remote => 2,
            LabelKind::Tag => 3,
        };
        (l.node, rank)
    });
    let lanes = nodes.iter().map(|n| n.lane + 1).max().unwrap_or(0);
    Layout { nodes, edges, labels, lanes }
}

fn free_lane(expect: &mut Vec<Option<&str>>) -> usize {
    if let Some(l) = expect.iter().position(Option::is_none) {
        l
    } else {
        expect.push(None);
        expect.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::World;

    fn world(lines: &[&str]) -> World {
        let mut w = World::new();
        for l in lines {
            assert!(w.run(l).ok, "{l}");
        }
        w
    }

    #[test]
    fn default_start_is_one_commit_with_four_labels() {
        let w = world(&[]);
        let l = layout(w.local.as_ref().unwrap());
        assert_eq!(l.nodes.len(), 1);
        assert!(l.nodes[0].is_head);
        let texts: Vec<&str> = l.labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["main", "development", "origin/development", "origin/main"]);
        assert_eq!(l.labels[0].kind, LabelKind::Branch { current: true });
    }

    #[test]
    fn diverging_branches_take_separate_lanes() {
        let w = world(&[
            "git checkout -b feature/x",
            "git commit --allow-empty -m f1",
            "git checkout main",
            "git commit --allow-empty -m m1",
        ]);
        let l = layout(w.local.as_ref().unwrap());
        assert_eq!(l.nodes.len(), 3);
        // Newest first: m1 (HEAD), f1, then the shared root.
        assert_eq!(l.nodes[0].subject, "m1");
        assert_eq!(l.nodes[1].subject, "f1");
        assert_ne!(l.nodes[0].lane, l.nodes[1].lane);
        assert_eq!(l.lanes, 2);
        assert_eq!(l.edges.len(), 2);
        assert!(l.edges.iter().all(|e| e.parent == 2));
    }
}
