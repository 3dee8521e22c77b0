//! `git log`: newest first by commit date, with git's decorations.

use std::collections::{BTreeSet, BinaryHeap};

use super::args::{self, flag, value};
use super::{Ctx, GitError, decorations};
use crate::clock::git_date;
use crate::repo::{CommitId, Repo, short};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogArgs {
    pub oneline: bool,
    pub all: bool,
    pub max: Option<usize>,
    pub revs: Vec<String>,
}

impl LogArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        // `-3` means `-n 3`: rewrite it before the generic parser sees it.
        let mut max = None;
        let mut items = Vec::new();
        for w in rest {
            match w.strip_prefix('-').map(str::parse::<usize>) {
                Some(Ok(n)) => max = Some(n),
                _ => items.push(w.clone()),
            }
        }
        let p = args::parse(
            &items,
            &[
                flag(None, "oneline"),
                flag(None, "all"),
                value(Some('n'), "max-count"),
                flag(None, "decorate"),
            ],
            "log [<options>] [<revision-range>] [[--] <path>...]",
        )?;
        if let Some(n) = p.value("max-count") {
            max = Some(
                n.parse()
                    .map_err(|_| GitError::Fatal(format!("'{n}': not an integer")))?,
            );
        }
        Ok(Self {
            oneline: p.has("oneline"),
            all: p.has("all"),
            max,
            revs: p.positional,
        })
    }
}

/// Commits reachable from `tips`, newest first (git's default date order).
pub fn walk(repo: &Repo, tips: &[CommitId]) -> Vec<CommitId> {
    walk_limited(repo, tips, usize::MAX)
}

/// [`walk`], stopping after `limit` commits.
pub fn walk_limited(repo: &Repo, tips: &[CommitId], limit: usize) -> Vec<CommitId> {
    let mut heap = BinaryHeap::new();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut push = |id: &CommitId, heap: &mut BinaryHeap<(u64, CommitId)>| {
        if seen.insert(id.clone()) {
            if let Some(c) = repo.commit(id) {
                heap.push((c.time, id.clone()));
            }
        }
    };
    for t in tips {
        push(t, &mut heap);
    }
    while let Some((_, id)) = heap.pop() {
        if out.len() == limit {
            break;
        }
        if let Some(c) = repo.commit(&id) {
            for p in &c.parents {
                push(p, &mut heap);
            }
        }
        out.push(id);
    }
    out
}

pub fn run(a: &LogArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    let mut tips = Vec::new();
    for r in &a.revs {
        tips.push(repo.resolve(r).ok_or_else(|| {
            GitError::Refused(format!(
                "fatal: ambiguous argument '{r}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'"
            ))
        })?);
    }
    if a.all {
        tips.extend(repo.branches.values().cloned());
        tips.extend(repo.remote_tracking.values().cloned());
        tips.extend(repo.tags.values().cloned());
        tips.extend(repo.head_commit().cloned());
    } else if a.revs.is_empty() {
        match repo.head_commit() {
            Some(id) => tips.push(id.clone()),
            None => {
                let b = repo.current_branch().unwrap_or("main");
                return Err(GitError::Fatal(format!(
                    "your current branch '{b}' does not have any commits yet"
                )));
            }
        }
    }
    let ids = walk_limited(repo, &tips, a.max.unwrap_or(usize::MAX));
    let mut out = Vec::new();
    for id in &ids {
        let Some(c) = repo.commit(id) else { continue };
        let deco = decorations(repo, id);
        let deco = if deco.is_empty() {
            String::new()
        } else {
            format!(" ({})", deco.join(", "))
        };
        if a.oneline {
            out.push(format!("{}{deco} {}", short(id), c.subject()));
        } else {
            let mut block = format!("commit {id}{deco}\n");
            if c.parents.len() > 1 {
                let ps: Vec<&str> = c.parents.iter().map(|p| short(p)).collect();
                block.push_str(&format!("Merge: {}\n", ps.join(" ")));
            }
            block.push_str(&format!(
                "Author: {}\nDate:   {}\n\n",
                c.author,
                git_date(c.time)
            ));
            for line in c.message.trim_end().lines() {
                block.push_str(&format!("    {line}\n"));
            }
            out.push(block);
        }
    }
    Ok(if a.oneline {
        out.join("\n")
    } else {
        out.join("\n").trim_end().to_string()
    })
}
