//! Putting files back: `git restore` (the working tree from the index, or
//! `--staged`: the index from HEAD) and `git checkout [REV] -- PATH`.

use super::args::{self, flag, value};
use super::{Ctx, GitError};
use crate::repo::Tree;

const USAGE: &str = "restore [<options>] [--source=<branch>] <file>...";

/// `git restore`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreArgs {
    /// `--source`: where the content comes from (default: the index, or HEAD with `--staged`).
    pub source: Option<String>,
    /// `--staged`: restore the index.
    pub staged: bool,
    /// `--worktree`: restore the working tree (the default).
    pub worktree: bool,
    /// The pathspecs.
    pub paths: Vec<String>,
    /// `--ours`/`--theirs`: a conflicted file's version from one side.
    pub side: Option<Side>,
}

/// One side of a conflict, as `--ours` and `--theirs` name it: ours is
/// HEAD (in a rebase, what it builds on), theirs the commit merged,
/// picked, replayed or stashed (a revert's: the reverted commit's parent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `--ours` (`-2`): stage 2.
    Ours,
    /// `--theirs` (`-3`): stage 3.
    Theirs,
}

impl Side {
    /// `--ours`/`--theirs` in a parse: the side, if one was given.
    pub(super) fn of(p: &args::Parsed) -> Option<Self> {
        if p.has("theirs") {
            Some(Self::Theirs)
        } else if p.has("ours") {
            Some(Self::Ours)
        } else {
            None
        }
    }
}

/// The paths of a merge under way still in conflict.
fn conflicted(ctx: &Ctx) -> std::collections::BTreeSet<String> {
    ctx.repo.merge.as_ref().map(|m| m.conflicts.clone()).unwrap_or_default()
}

/// The trees a merge under way put together: theirs (stage 3) and, when
/// the tutor knows it, the base (stage 1).
pub(super) fn conflict_trees(repo: &crate::repo::Repo) -> Option<(Tree, Option<Tree>)> {
    use crate::repo::Operation;
    let m = repo.merge.as_ref()?;
    let c = repo.commit(&m.their)?;
    let parent = || c.parents.first().and_then(|p| repo.commit(p)).map(|p| p.tree.clone());
    Some(match m.op {
        // A revert merges the reverted commit's parent, from the commit itself.
        Operation::Revert => (parent()?, Some(c.tree.clone())),
        Operation::Merge | Operation::Squash => {
            let base = repo.head_commit().and_then(|h| repo.merge_base(h, &c.id)).and_then(|b| repo.commit(&b));
            (c.tree.clone(), base.map(|b| b.tree.clone()))
        }
        _ => (c.tree.clone(), parent()),
    })
}

/// A conflicted `path`'s version on `side` (`None`: that side deleted it).
fn version(ctx: &Ctx, path: &str, side: Side) -> Option<String> {
    match side {
        Side::Ours => ctx.repo.head_tree().get(path).cloned(),
        Side::Theirs => conflict_trees(ctx.repo)?.0.get(path).cloned(),
    }
}

/// git's refusals for conflicted paths checked out of the index: without
/// a side, each is "unmerged"; with one, each must have that side's version
/// (`strict`: checkout; restore writes what is there, deleting the file
/// when that side did). Every refusal is listed and nothing is written.
fn check_unmerged(ctx: &Ctx, paths: &[String], side: Option<Side>, strict: bool) -> Result<(), GitError> {
    let conflicts = conflicted(ctx);
    let errors: Vec<String> = paths
        .iter()
        .filter(|p| conflicts.contains(*p))
        .filter_map(|p| match side {
            None => Some(format!("error: path '{p}' is unmerged")),
            Some(s) if strict && version(ctx, p, s).is_none() => Some(format!(
                "error: path '{p}' does not have {} version",
                if s == Side::Ours { "our" } else { "their" }
            )),
            Some(_) => None,
        })
        .collect();
    if errors.is_empty() { Ok(()) } else { Err(GitError::Refused(errors.join("\n"))) }
}

impl RestoreArgs {
    /// Parses the words after `git restore`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                value(Some('s'), "source"),
                flag(Some('S'), "staged"),
                flag(Some('W'), "worktree"),
                flag(Some('q'), "quiet"),
                flag(Some('2'), "ours"),
                flag(Some('3'), "theirs"),
            ],
            USAGE,
        )?;
        if p.positional.is_empty() {
            return Err(GitError::Fatal("you must specify path(s) to restore".into()));
        }
        let staged = p.has("staged");
        let side = Side::of(&p);
        if side.is_some() && staged {
            return Err(GitError::Fatal("'--ours' or '--theirs' cannot be used with --staged".into()));
        }
        Ok(Self {
            side,
            source: p.value("source").map(str::to_string),
            staged,
            worktree: p.has("worktree") || !staged,
            paths: p.positional,
        })
    }
}

/// Whether a pathspec has glob characters (`*.py`): git matches it itself,
/// so a terminal without a shell's expansion does what a shell's would.
pub fn is_glob(spec: &str) -> bool {
    spec.contains(['*', '?', '['])
}

/// Whether pathspec `spec` names `path` (the file, a folder above it, `.`,
/// or a glob: `*` crossing `/` as in git's pathspecs).
pub fn matches(spec: &str, path: &str) -> bool {
    if is_glob(spec) {
        return super::wildmatch::matches(spec.trim_start_matches("./"), path);
    }
    let spec = spec.trim_end_matches('/');
    spec == "." || spec.is_empty() || path == spec || path.strip_prefix(spec).is_some_and(|r| r.starts_with('/'))
}

/// Whether any of `specs` names `path`.
pub fn named_by(specs: &[String], path: &str) -> bool {
    specs.iter().any(|s| matches(s, path))
}

/// Whether `word` reads as a path in the working tree, as git's
/// `verify_filename` reads it: a file or folder there, `.`, or a glob.
pub fn is_path(word: &str, work: &Tree) -> bool {
    word == "." || is_glob(word) || work.keys().any(|p| matches(word, p))
}

/// The paths every spec names in any of `trees`; a spec that names nothing
/// is git's pathspec refusal.
fn matched(specs: &[String], trees: &[&Tree]) -> Result<Vec<String>, GitError> {
    let mut out: Vec<String> = Vec::new();
    for spec in specs {
        let hits: Vec<&String> = trees.iter().flat_map(|t| t.keys()).filter(|p| matches(spec, p)).collect();
        if hits.is_empty() {
            return Err(GitError::PathspecNoMatch(spec.clone()));
        }
        out.extend(hits.into_iter().cloned());
    }
    crate::order::sort(&mut out);
    out.dedup();
    Ok(out)
}

/// Sets `path` in `tree` to `body` (absent: removed); whether it changed.
pub(super) fn put(tree: &mut Tree, path: &str, body: Option<&String>) -> bool {
    match body {
        Some(b) => tree.insert(path.to_string(), b.clone()).as_ref() != Some(b),
        None => tree.remove(path).is_some(),
    }
}

/// `git restore`: prints nothing on success.
pub fn restore(a: &RestoreArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let source: Tree = match (&a.source, a.staged) {
        (Some(rev), _) => {
            let id = ctx.repo.resolve(rev).ok_or_else(|| GitError::Fatal(format!("could not resolve {rev}")))?;
            ctx.repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default()
        }
        (None, true) => ctx.repo.head_tree(),
        (None, false) => ctx.repo.index.clone(),
    };
    let paths = matched(&a.paths, &[&source, &ctx.repo.index])?;
    let from_index = a.source.is_none() && !a.staged;
    if from_index {
        check_unmerged(ctx, &paths, a.side, false)?;
    }
    let conflicts = conflicted(ctx);
    for p in &paths {
        if let Some(side) = a.side.filter(|_| from_index && conflicts.contains(p)) {
            let body = version(ctx, p, side);
            put(ctx.work, p, body.as_ref());
            continue;
        }
        let body = source.get(p);
        if a.staged {
            put(&mut ctx.repo.index, p, body);
        }
        if a.worktree {
            put(ctx.work, p, body);
        }
    }
    Ok(String::new())
}

/// `git checkout [REV] [--] PATH…`: from the index into the working tree, or
/// from REV into both. `report`: git's count line (given when there is no `--`).
/// `side`: `--ours`/`--theirs`, for conflicted paths.
pub fn checkout_paths(
    rev: Option<&str>,
    specs: &[String],
    (report, side): (bool, Option<Side>),
    ctx: &mut Ctx,
) -> Result<String, GitError> {
    if side.is_some() && rev.is_some() {
        return Err(GitError::Fatal(
            "'--merge', '--ours', or '--theirs' cannot be used when checking out of a tree".into(),
        ));
    }
    let (source, from) = match rev {
        Some(rev) => {
            let id = ctx.repo.resolve(rev).ok_or_else(|| GitError::InvalidReference(rev.to_string()))?;
            let tree = ctx.repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default();
            (tree, crate::repo::short(&id).to_string())
        }
        None => (ctx.repo.index.clone(), "the index".to_string()),
    };
    // Overlay mode: only paths the source has are written.
    let paths = matched(specs, &[&source])?;
    if rev.is_none() {
        check_unmerged(ctx, &paths, side, true)?;
    }
    let conflicts = conflicted(ctx);
    let mut changed = 0;
    for p in &paths {
        if let Some(side) = side.filter(|_| conflicts.contains(p)) {
            let body = version(ctx, p, side);
            changed += usize::from(put(ctx.work, p, body.as_ref()));
            continue;
        }
        let body = source.get(p);
        if rev.is_some() {
            put(&mut ctx.repo.index, p, body);
        }
        changed += usize::from(put(ctx.work, p, body));
    }
    Ok(if report {
        format!("Updated {changed} path{} from {from}", if changed == 1 { "" } else { "s" })
    } else {
        String::new()
    })
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn pathspecs() {
        assert!(matches(".", "a/b"));
        assert!(matches("a", "a/b"));
        assert!(matches("a/", "a/b"));
        assert!(matches("a/b", "a/b"));
        assert!(!matches("a", "ab"));
        assert!(!matches("a/b/c", "a/b"));
    }
}
