//! Commit-graph geometry: a pure function from a repository to rows, lanes,
//! edges and ref labels (in `git log --decorate`'s order, so the graph and the
//! terminal agree). The page's graph only draws what this returns.

use std::collections::HashSet;

use crate::git::{Decoration, decoration_refs, walk_commits};
use std::sync::Arc;

use crate::repo::{Commit, IdMap, Repo, Tree, short};
use crate::world::World;

/// One commit's place: `row` counts down from the newest commit, `lane` across.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The commit (shared with the repository: no copies per command).
    pub commit: Arc<Commit>,
    /// 0 for the newest commit.
    pub row: usize,
    /// 0 for the leftmost lane.
    pub lane: usize,
    /// HEAD points here.
    pub is_head: bool,
}

impl Node {
    /// The full commit id.
    pub fn id(&self) -> &str {
        &self.commit.id
    }

    /// Its abbreviation.
    pub fn short(&self) -> &str {
        short(&self.commit.id)
    }

    /// The first line of its message.
    pub fn subject(&self) -> &str {
        self.commit.subject()
    }
}

/// A line from a commit to one of its parents (indexes into `nodes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edge {
    /// The newer commit.
    pub child: usize,
    /// One of its parents.
    pub parent: usize,
}

/// What a ref label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// A local branch; `current` when HEAD is on it.
    Branch {
        /// HEAD is on this branch.
        current: bool,
        /// Origin protects the branch of this name (GitHub's branch rule).
        protected: bool,
    },
    /// A remote-tracking ref (`origin/main`).
    Remote,
    /// A tag.
    Tag,
    /// HEAD, detached at this commit.
    DetachedHead,
    /// A server runs this commit (`production`).
    Server,
}

/// A ref drawn beside its commit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    /// The ref's name (`main`, `origin/main`, `v1.0`, `HEAD`).
    pub text: String,
    /// What it is.
    pub kind: LabelKind,
    /// The commit it points at (index into `nodes`).
    pub node: usize,
}

/// The whole graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Newest first.
    pub nodes: Vec<Node>,
    /// Child → parent lines.
    pub edges: Vec<Edge>,
    /// Ref labels, grouped by node in ascending order, each group in git's order.
    pub labels: Vec<Label>,
    /// How many lanes are in use.
    pub lanes: usize,
}

/// Lays out every commit reachable from the repository's refs, newest on top,
/// giving each first-parent line its own lane as `git log --graph` does.
pub fn layout(repo: &Repo) -> Layout {
    let tips: Vec<&str> = repo
        .branches
        .values()
        .chain(repo.remote_tracking.values())
        .chain(repo.tags.values())
        .chain(repo.head_commit())
        .map(String::as_str)
        .collect();
    let order = walk_commits(repo, &tips);
    let index: IdMap<&str, usize> = order.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
    let head = repo.head_commit();
    // `expect[l]` is the commit lane `l` is waiting for.
    let mut expect: Vec<Option<&str>> = Vec::new();
    let mut nodes = Vec::with_capacity(order.len());
    let mut edges = Vec::new();
    for (row, &(id, commit)) in order.iter().enumerate() {
        let waiting: Vec<usize> = (0..expect.len()).filter(|&l| expect[l] == Some(id)).collect();
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
        nodes.push(Node { commit: commit.clone(), row, lane, is_head: head.is_some_and(|h| h == id) });
    }
    // Only commits some ref points at carry labels.
    let targets: HashSet<&String> = repo
        .branches
        .values()
        .chain(repo.remote_tracking.values())
        .chain(repo.tags.values())
        .chain(repo.head_commit())
        .collect();
    let mut labels = Vec::new();
    for (n, node) in nodes.iter().enumerate() {
        if !targets.contains(&node.commit.id) {
            continue;
        }
        for d in decoration_refs(repo, node.id()) {
            let (text, kind) = match d {
                Decoration::HeadBranch(b) => (b, LabelKind::Branch { current: true, protected: false }),
                Decoration::DetachedHead => ("HEAD".to_string(), LabelKind::DetachedHead),
                Decoration::Branch(b) => (b, LabelKind::Branch { current: false, protected: false }),
                Decoration::Remote(r) => (r, LabelKind::Remote),
                Decoration::Tag(t) => (t, LabelKind::Tag),
            };
            labels.push(Label { text, kind, node: n });
        }
    }
    let lanes = nodes.iter().map(|n| n.lane + 1).max().unwrap_or(0);
    Layout { nodes, edges, labels, lanes }
}

/// The learner's graph as the workspace draws it: [`layout`] of their clone,
/// with protected branches marked and a label on each commit a server runs
/// (after that commit's refs).
pub fn world_layout(world: &World) -> Layout {
    let Some(repo) = world.local() else {
        return Layout::default();
    };
    let mut l = layout(repo);
    let protection = &world.hub().protection;
    for label in &mut l.labels {
        if let LabelKind::Branch { protected, .. } = &mut label.kind {
            *protected = protection.contains_key(&label.text);
        }
    }
    // A handful of servers: one pass over the commits finds theirs.
    let running = running(world);
    let mut runs: Vec<Label> = Vec::new();
    if !running.is_empty() {
        for (i, n) in l.nodes.iter().enumerate() {
            for (server, commit) in &running {
                if *commit == n.id() {
                    runs.push(Label { text: server.clone(), kind: LabelKind::Server, node: i });
                }
            }
        }
    }
    if !runs.is_empty() {
        l.labels.append(&mut runs);
        // Stable: each commit's refs keep git's order, its servers follow.
        crate::order::sort_by_key(&mut l.labels, |label| label.node);
    }
    l
}

/// `A/M/D path (+added -deleted)` for each file that differs between two trees.
pub fn tree_changes(before: &Tree, after: &Tree) -> Vec<String> {
    crate::repo::paths_of(&[before, after])
        .into_iter()
        .filter_map(|path| {
            let (old, new) = (before.get(path), after.get(path));
            let code = match (old, new) {
                (None, Some(_)) => "A",
                (Some(_), None) => "D",
                (Some(a), Some(b)) if a != b => "M",
                _ => return None,
            };
            let (add, del) = crate::diff::line_counts(old.map_or("", String::as_str), new.map_or("", String::as_str));
            Some(format!("{code} {path} (+{add} -{del})"))
        })
        .collect()
}

/// Each live server's name and the commit it runs.
fn running(world: &World) -> Vec<(String, &str)> {
    world.servers().all().filter_map(|s| Some((s.label(), s.live()?.commit.as_deref()?))).collect()
}

/// What the page shows when a commit is clicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitDetail {
    /// The full id.
    pub id: String,
    /// Its abbreviation.
    pub short: String,
    /// Its whole message.
    pub message: String,
    /// Who made it.
    pub author: String,
    /// `git show --stat`-like lines: `M main.py (+3 -1)`.
    pub files: Vec<String>,
    /// The servers running it (`staging`, `production`).
    pub servers: Vec<String>,
    /// The refs pointing at it, as `git log --decorate` prints them.
    pub refs: Vec<String>,
}

/// The commit `id` of the learner's clone, for the graph's detail box.
pub fn commit_detail(world: &World, id: &str) -> Option<CommitDetail> {
    let repo = world.local()?;
    let commit = repo.commit(id)?;
    let empty = Tree::default();
    let before = commit.parents.first().and_then(|p| repo.commit(p)).map_or(&empty, |p| &p.tree);
    let files = tree_changes(before, &commit.tree);
    let servers = running(world).into_iter().filter(|(_, c)| *c == id).map(|(label, _)| label).collect();
    Some(CommitDetail {
        id: id.to_string(),
        short: short(id).to_string(),
        message: commit.message.trim_end().to_string(),
        author: commit.author.clone(),
        files,
        servers,
        refs: crate::git::decorations(repo, id, crate::git::Decorate::Short),
    })
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
    use crate::World;
    use crate::terminal::Terminal;

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
        let l = layout(w.local().unwrap());
        assert_eq!(l.nodes.len(), 1);
        assert!(l.nodes[0].is_head);
        let texts: Vec<&str> = l.labels.iter().map(|l| l.text.as_str()).collect();
        // As `git log --oneline --decorate` prints it: HEAD's branch, then
        // remote-tracking refs, then the other local branches.
        let decorate = &crate::git::decorations(w.local().unwrap(), l.nodes[0].id(), crate::git::Decorate::Short);
        assert_eq!(decorate, &["HEAD -> main", "origin/main", "origin/development", "development"]);
        assert_eq!(texts, ["main", "origin/main", "origin/development", "development"]);
        assert_eq!(l.labels[0].kind, LabelKind::Branch { current: true, protected: false });
    }

    #[test]
    fn diverging_branches_take_separate_lanes() {
        let w = world(&[
            "git checkout -b feature/x",
            "git commit --allow-empty -m f1",
            "git checkout main",
            "git commit --allow-empty -m m1",
        ]);
        let l = layout(w.local().unwrap());
        assert_eq!(l.nodes.len(), 3);
        // Newest first: m1 (HEAD), f1, then the shared root.
        assert_eq!(l.nodes[0].subject(), "m1");
        assert_eq!(l.nodes[1].subject(), "f1");
        assert_ne!(l.nodes[0].lane, l.nodes[1].lane);
        assert_eq!(l.lanes, 2);
        assert_eq!(l.edges.len(), 2);
        assert!(l.edges.iter().all(|e| e.parent == 2));
    }
}
