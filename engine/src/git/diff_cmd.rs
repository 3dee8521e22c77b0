//! `git diff`: working tree, staged (`--cached`) or commits, as a patch or `--stat`.

use super::args::{self, flag};
use super::commit::summary;
use super::merge::stat_with_files;
use super::{Ctx, GitError};
use crate::diff::unified;
use crate::repo::{Commit, Tree};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffArgs {
    pub stat: bool,
    /// `--name-only` (`Some(false)`) or `--name-status` (`Some(true)`): paths alone.
    pub names: Option<bool>,
    pub cached: bool,
    /// Revisions (`A`, `A..B`, `A...B`), then paths.
    pub revs: Vec<String>,
    /// How many of `revs` came before a `--`, when there was one.
    pub dashdash: Option<usize>,
}

impl DiffArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(None, "stat"),
                flag(None, "cached"),
                flag(None, "staged"),
                flag(None, "name-only"),
                flag(None, "name-status"),
            ],
            "diff [<options>] [<commit>] [--] [<path>...]",
        )
        .map_err(|e| match e {
            GitError::UnknownOption(name, usage) => GitError::InvalidOption(format!("--{name}"), usage),
            GitError::UnknownSwitch(c, usage) => GitError::InvalidOption(format!("-{c}"), usage),
            e => e,
        })?;
        if p.has("name-only") && p.has("name-status") {
            return Err(super::show::names_together());
        }
        let names = p.opts.iter().find_map(|(l, _)| match *l {
            "name-only" => Some(false),
            "name-status" => Some(true),
            _ => None,
        });
        Ok(Self {
            stat: p.has("stat"),
            names,
            cached: p.has("cached") || p.has("staged"),
            revs: p.positional,
            dashdash: p.dashdash,
        })
    }
}

fn tree_of(ctx: &Ctx, rev: &str) -> Result<Tree, GitError> {
    let id = ctx.repo.resolve(rev).ok_or_else(|| GitError::AmbiguousArgument(rev.to_string()))?;
    Ok(ctx.repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default())
}

/// A short content id for `index a..b` lines.
fn blob_id(body: Option<&String>) -> String {
    match body {
        None => "0000000".into(),
        Some(b) => Commit::new(vec![], b.clone(), String::new(), 0, Tree::new()).id[..7].to_string(),
    }
}

/// The commits to compare: `A..B` is A and B (an empty side is HEAD),
/// `A...B` their merge base and B (what B changed since they parted).
fn commits(ctx: &Ctx, words: &[String]) -> Result<Vec<String>, GitError> {
    let mut revs = Vec::new();
    let side = |s: &str| if s.is_empty() { "HEAD".to_string() } else { s.to_string() };
    for r in words {
        if let Some((x, y)) = r.split_once("...") {
            let (x, y) = (side(x), side(y));
            let bad = |r: &str| GitError::AmbiguousArgument(r.to_string());
            let (xi, yi) = (ctx.repo.resolve(&x).ok_or_else(|| bad(&x))?, ctx.repo.resolve(&y).ok_or_else(|| bad(&y))?);
            let base =
                ctx.repo.merge_base(&xi, &yi).ok_or_else(|| GitError::Fatal(format!("{x}...{y}: no merge base")))?;
            revs.extend([base, y]);
        } else if let Some((x, y)) = r.split_once("..") {
            revs.extend([side(x), side(y)]);
        } else {
            revs.push(r.clone());
        }
    }
    if revs.len() > 2 {
        return Err(GitError::Fatal("diffing more than two commits is not simulated".into()));
    }
    Ok(revs)
}

pub fn run(a: &DiffArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let (words, paths) = super::log::split_revisions(&a.revs, a.dashdash, ctx)?;
    let revs = commits(ctx, words)?;
    let (old, new) = match (revs.as_slice(), a.cached) {
        ([], false) => (ctx.repo.index.clone(), ctx.work.clone()),
        ([], true) => (ctx.repo.head_tree(), ctx.repo.index.clone()),
        ([r], false) => (tree_of(ctx, r)?, tracked_work(ctx)),
        ([r], true) => (tree_of(ctx, r)?, ctx.repo.index.clone()),
        ([r1, r2], _) => (tree_of(ctx, r1)?, tree_of(ctx, r2)?),
        _ => return Err(GitError::Fatal("too many revisions".into())),
    };
    // Untracked files never show in `git diff`.
    let new: Tree = if revs.is_empty() && !a.cached {
        let mut tracked = Tree::new();
        tracked.extend(new.into_iter().filter(|(p, _)| old.contains_key(p)));
        tracked
    } else {
        new
    };
    // Paths named: only their changes.
    let (old, new) = (super::show::limited(&old, paths), super::show::limited(&new, paths));
    let conflicts: Vec<String> = match &ctx.repo.merge {
        Some(m) if revs.is_empty() => {
            m.conflicts.iter().filter(|p| paths.is_empty() || super::restore::named_by(paths, p)).cloned().collect()
        }
        _ => Vec::new(),
    };
    if !conflicts.is_empty() {
        if a.stat || a.names.is_some() {
            return Err(GitError::Fatal(
                "'git diff --stat' and '--name-only' with conflicts are not simulated in this tutor yet".into(),
            ));
        }
        let (mut old, mut new) = (old.into_owned(), new.into_owned());
        for p in &conflicts {
            old.remove(p);
            new.remove(p);
        }
        return Ok(with_conflicts(ctx, (&old, &new), &conflicts, a.cached));
    }
    Ok(match (a.names, a.stat) {
        (Some(status), _) => names(&old, &new, status),
        (None, true) => stat(&old, &new),
        (None, false) => patch(&old, &new),
    })
}

/// `--name-only`: each changed path (a rename's new one); `--name-status`
/// (`status`): with git's `M`, `A`, `D` or `R100` and a tab before it.
pub(crate) fn names(old: &Tree, new: &Tree, status: bool) -> String {
    let lines: Vec<String> = crate::diff::changes(old, new)
        .into_iter()
        .map(|c| match (c, status) {
            (crate::diff::Change::Rename(_, to), false) => to.to_string(),
            (crate::diff::Change::Rename(from, to), true) => format!("R100\t{from}\t{to}"),
            (crate::diff::Change::Edit(p), false) => p.to_string(),
            (crate::diff::Change::Edit(p), true) => {
                let s = match (old.contains_key(p), new.contains_key(p)) {
                    (false, _) => 'A',
                    (_, false) => 'D',
                    _ => 'M',
                };
                format!("{s}\t{p}")
            }
        })
        .collect();
    lines.join("\n")
}

/// `--stat`: a line per file and the totals (no `create mode` lines: that is `--summary`).
pub(crate) fn stat(old: &Tree, new: &Tree) -> String {
    let s = summary(old, new);
    let s = s.lines().next().unwrap_or("").to_string();
    if s.is_empty() { s } else { stat_with_files(old, new, &s) }
}

/// The patch between two trees, as `git diff` prints it.
pub(crate) fn patch(old: &Tree, new: &Tree) -> String {
    let blocks: String = patch_blocks(old, new).into_iter().map(|(_, b)| b).collect();
    blocks.trim_end().to_string()
}

/// Each file's part of [`patch`], with the path it sorts by.
fn patch_blocks(old: &Tree, new: &Tree) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    for c in crate::diff::changes(old, new) {
        let p = match c {
            crate::diff::Change::Rename(from, to) => {
                blocks.push((
                    to.to_string(),
                    format!("diff --git a/{from} b/{to}\nsimilarity index 100%\nrename from {from}\nrename to {to}\n"),
                ));
                continue;
            }
            crate::diff::Change::Edit(p) => p,
        };
        let (o, n) = (old.get(p), new.get(p));
        let mut out = format!("diff --git a/{p} b/{p}\n");
        match (o, n) {
            (None, Some(_)) => out
                .push_str(&format!("new file mode 100644\nindex 0000000..{}\n--- /dev/null\n+++ b/{p}\n", blob_id(n))),
            (Some(_), None) => out.push_str(&format!(
                "deleted file mode 100644\nindex {}..0000000\n--- a/{p}\n+++ /dev/null\n",
                blob_id(o)
            )),
            _ => out.push_str(&format!("index {}..{} 100644\n--- a/{p}\n+++ b/{p}\n", blob_id(o), blob_id(n))),
        }
        out.push_str(&unified(o.map_or("", String::as_str), n.map_or("", String::as_str)));
        blocks.push((p.to_string(), out));
    }
    blocks
}

/// `git diff` while a merge has conflicts: each conflicted file as a
/// combined diff of the working tree against both sides (`diff --cc`),
/// printed first as git does; then, in path order, the other files as
/// usual and git's `* Unmerged path` line for a conflict a side deleted
/// (every conflict, with `--cached`).
fn with_conflicts(ctx: &Ctx, (old, new): (&Tree, &Tree), conflicts: &[String], cached: bool) -> String {
    let mut combined = String::new();
    let mut blocks = patch_blocks(old, new);
    let theirs = super::restore::conflict_trees(ctx.repo).map(|(t, _)| t).unwrap_or_default();
    let ours = ctx.repo.head_tree();
    for p in conflicts {
        match (ours.get(p), theirs.get(p), ctx.work.get(p)) {
            (Some(o), Some(t), Some(w)) if !cached => combined.push_str(&format!(
                "diff --cc {p}\nindex {},{}..0000000\n--- a/{p}\n+++ b/{p}\n{}",
                blob_id(Some(o)),
                blob_id(Some(t)),
                crate::diff::combined([o, t], w)
            )),
            _ => blocks.push((p.clone(), format!("* Unmerged path {p}\n"))),
        }
    }
    crate::order::sort_by(&mut blocks, |a, b| a.0.cmp(&b.0));
    combined.extend(blocks.into_iter().map(|(_, b)| b));
    combined.trim_end().to_string()
}

/// The working tree restricted to tracked paths (what `git diff <commit>` compares).
fn tracked_work(ctx: &Ctx) -> Tree {
    let mut tracked = Tree::new();
    tracked
        .extend(ctx.work.iter().filter(|(p, _)| ctx.repo.index.contains_key(*p)).map(|(p, b)| (p.clone(), b.clone())));
    tracked
}
