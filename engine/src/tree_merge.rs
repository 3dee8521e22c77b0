//! The one three-way merge of whole trees, path by path, that `git merge`,
//! `git revert` and GitHub's merge button share: a path changed on one side
//! takes that side; changed on both, its lines are merged (`diff::merge3`);
//! what cannot be merged is a conflict.

use crate::diff::merge3;
use crate::repo::{Tree, paths_of};

/// How a path that both sides changed differently ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// Both changed the same lines (`content`), or both added it (`add/add`).
    Content {
        /// The path was new on both sides.
        added: bool,
    },
    /// One side deleted it, the other changed it; `ours_deleted` says which.
    ModifyDelete {
        /// HEAD's side deleted it.
        ours_deleted: bool,
    },
}

/// One path whose merged content differs from ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathMerge {
    /// The path.
    pub path: String,
    /// The merged content (with conflict markers when conflicted); `None` deletes it.
    pub content: Option<String>,
    /// Both sides changed it, so its lines were merged (git's `Auto-merging`).
    pub auto_merged: bool,
    /// Why it could not be merged, if it could not.
    pub conflict: Option<Conflict>,
}

/// Merges `theirs` into `ours` relative to `base`: every path whose result
/// differs from `ours`, in path order. Markers name the sides `our_label`
/// and `their_label`.
pub fn merge(base: &Tree, ours: &Tree, theirs: &Tree, our_label: &str, their_label: &str) -> Vec<PathMerge> {
    let mut out = Vec::new();
    for p in paths_of(&[base, ours, theirs]) {
        let (b, o, t) = (base.get(p), ours.get(p), theirs.get(p));
        if o == t || b == t {
            continue;
        }
        let path = p.clone();
        if b == o {
            out.push(PathMerge { path, content: t.cloned(), auto_merged: false, conflict: None });
            continue;
        }
        out.push(match (o, t) {
            (Some(o), Some(t)) => match merge3(b.map_or("", String::as_str), o, t, our_label, their_label) {
                Ok(text) => PathMerge { path, content: Some(text), auto_merged: true, conflict: None },
                Err(text) => PathMerge {
                    path,
                    content: Some(text),
                    auto_merged: true,
                    conflict: Some(Conflict::Content { added: b.is_none() }),
                },
            },
            (None, t) => PathMerge {
                path,
                content: t.cloned(),
                auto_merged: false,
                conflict: Some(Conflict::ModifyDelete { ours_deleted: true }),
            },
            (o, None) => PathMerge {
                path,
                content: o.cloned(),
                auto_merged: false,
                conflict: Some(Conflict::ModifyDelete { ours_deleted: false }),
            },
        });
    }
    out
}

/// The merged tree, as GitHub's merge button makes it; `Err` lists the
/// conflicting paths.
pub fn merged_tree(base: &Tree, ours: &Tree, theirs: &Tree) -> Result<Tree, Vec<String>> {
    let mut tree = ours.clone();
    let mut conflicts = Vec::new();
    for m in merge(base, ours, theirs, "ours", "theirs") {
        if m.conflict.is_some() {
            conflicts.push(m.path);
            continue;
        }
        match m.content {
            Some(text) => tree.insert(m.path, text),
            None => tree.remove(&m.path),
        };
    }
    if conflicts.is_empty() { Ok(tree) } else { Err(conflicts) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> Tree {
        files.iter().map(|(p, t)| ((*p).to_string(), (*t).to_string())).collect()
    }

    #[test]
    fn one_sided_changes_merge_and_both_sided_deletes_conflict() {
        let base = tree(&[("a", "1\n"), ("b", "x\n"), ("c", "k\n")]);
        let ours = tree(&[("a", "1\n"), ("b", "y\n"), ("c", "k\n")]);
        let theirs = tree(&[("a", "2\n"), ("b", "x\n")]);
        let t = merged_tree(&base, &ours, &theirs).unwrap();
        assert_eq!(t, tree(&[("a", "2\n"), ("b", "y\n")]));
        let deleted_and_changed = tree(&[("a", "1\n"), ("c", "k\n")]);
        assert_eq!(merged_tree(&base, &ours, &deleted_and_changed), Err(vec!["b".to_string()]));
        let m = merge(&base, &ours, &deleted_and_changed, "HEAD", "x");
        assert_eq!(m[0].conflict, Some(Conflict::ModifyDelete { ours_deleted: false }));
    }
}
