//! Rewinding and undoing: `git reset` and `git revert`.

use super::args::{self, flag, value};
use super::commit::summary;
use super::merge::{check_no_merge_in_progress, three_way};
use super::{Ctx, GitError, status};
use crate::repo::{Commit, CommitId, Operation, short};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetMode {
    Soft,
    Mixed,
    Hard,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetArgs {
    pub mode: ResetMode,
    /// `--mixed` given (git warns when it comes with paths).
    pub mixed_given: bool,
    /// The words after the options: a commit, paths, or both.
    pub words: Vec<String>,
    /// How many of them came before a `--`, when there was one.
    pub dashdash: Option<usize>,
}

impl ResetArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "hard"), flag(None, "soft"), flag(None, "mixed")],
            "reset [--mixed | --soft | --hard | --merge | --keep] [-q] [<commit>]",
        )?;
        let mode = if p.has("hard") {
            ResetMode::Hard
        } else if p.has("soft") {
            ResetMode::Soft
        } else {
            ResetMode::Mixed
        };
        Ok(Self { mode, mixed_given: p.has("mixed"), words: p.positional, dashdash: p.dashdash })
    }

    /// git's reading of the words (`builtin/reset.c`'s `parse_args`): the
    /// commit, then the paths. A first word before any `--` is the commit
    /// when it names one (and no file), else a path that must exist.
    fn split(&self, ctx: &Ctx) -> Result<(String, Vec<String>), GitError> {
        let words = &self.words;
        let is_file = |w: &str| super::restore::is_path(w, ctx.work);
        let (rev, paths) = match (words.first(), self.dashdash) {
            (None, _) | (Some(_), Some(0)) => (None, &words[..]),
            (Some(first), Some(_)) => (Some(first.clone()), &words[1..]),
            (Some(first), None) if ctx.repo.resolve(first).is_some() => {
                if words.len() == 1 && is_file(first) {
                    return Err(GitError::Fatal(format!(
                        "ambiguous argument '{first}': both revision and filename\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'"
                    )));
                }
                (Some(first.clone()), &words[1..])
            }
            (Some(first), None) if is_file(first) => (None, &words[..]),
            (Some(first), None) => return Err(GitError::AmbiguousArgument(first.clone())),
        };
        if let Some(r) = &rev
            && !paths.is_empty()
            && ctx.repo.resolve(r).is_none()
        {
            return Err(GitError::Fatal(format!("Failed to resolve '{r}' as a valid tree.")));
        }
        Ok((rev.unwrap_or_else(|| "HEAD".to_string()), paths.to_vec()))
    }
}

/// git's list of what is left unstaged after a mixed reset, or nothing.
fn unstaged_after(ctx: &Ctx) -> String {
    let changed: Vec<String> = status::entries(ctx.repo, ctx.work)
        .into_iter()
        .filter(|e| !e.unmerged && matches!(e.unstaged, 'M' | 'D'))
        .map(|e| format!("{}\t{}", e.unstaged, e.path))
        .collect();
    if changed.is_empty() { String::new() } else { format!("Unstaged changes after reset:\n{}", changed.join("\n")) }
}

pub fn reset(a: &ResetArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let (rev, paths) = a.split(ctx)?;
    if !paths.is_empty() {
        return reset_paths(a, &rev, &paths, ctx);
    }
    let rev = rev.as_str();
    let Some(id) = ctx.repo.resolve(rev) else {
        return Err(GitError::AmbiguousArgument(rev.to_string()));
    };
    let tree = ctx.repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default();
    let subject = ctx.repo.commit(&id).map(|c| c.subject().to_string()).unwrap_or_default();
    ctx.repo.save_orig_head();
    ctx.repo.advance_head(id.clone());
    ctx.repo.log_head(format!("reset: moving to {rev}"));
    match a.mode {
        ResetMode::Soft => Ok(String::new()),
        ResetMode::Mixed => {
            ctx.repo.index = tree;
            ctx.repo.merge = None;
            Ok(unstaged_after(ctx))
        }
        ResetMode::Hard => {
            reset_hard(ctx, &id);
            Ok(format!("HEAD is now at {} {subject}", short(&id)))
        }
    }
}

/// `git reset [<commit>] [--] <paths>`: those index entries back to the
/// commit's (unstaging them); HEAD and the working tree stay. A pathspec that
/// names nothing is no error here.
fn reset_paths(a: &ResetArgs, rev: &str, paths: &[String], ctx: &mut Ctx) -> Result<String, GitError> {
    match a.mode {
        ResetMode::Hard => return Err(GitError::Fatal("Cannot do hard reset with paths.".into())),
        ResetMode::Soft => return Err(GitError::Fatal("Cannot do soft reset with paths.".into())),
        ResetMode::Mixed => {}
    }
    let id = ctx.repo.resolve(rev).ok_or_else(|| GitError::AmbiguousArgument(rev.to_string()))?;
    let tree = ctx.repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default();
    let named: Vec<String> =
        tree.keys().chain(ctx.repo.index.keys()).filter(|p| super::restore::named_by(paths, p)).cloned().collect();
    for p in named {
        super::restore::put(&mut ctx.repo.index, &p, tree.get(&p));
    }
    let warning = if a.mixed_given {
        "warning: --mixed with paths is deprecated; use 'git reset -- <paths>' instead.\n"
    } else {
        ""
    };
    Ok(format!("{warning}{}", unstaged_after(ctx)).trim_end().to_string())
}

/// `git reset --hard ID`: HEAD (its branch, or detached) to `id`; tracked
/// files take the commit's content; untracked files stay.
pub fn reset_hard(ctx: &mut Ctx, id: &CommitId) {
    ctx.repo.advance_head(id.clone());
    let tree = ctx.repo.commit(id).map(|c| c.tree.clone()).unwrap_or_default();
    let tracked: Vec<String> = ctx.repo.index.keys().cloned().collect();
    for p in tracked {
        if !tree.contains_key(&p) {
            ctx.work.remove(&p);
        }
    }
    for (p, body) in &tree {
        ctx.work.insert(p.clone(), body.clone());
    }
    ctx.repo.index = tree;
    ctx.repo.merge = None;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevertArgs {
    pub target: String,
    pub mainline: Option<usize>,
    /// `--continue`, `--skip` or `--abort` instead of a commit.
    pub steer: Option<super::pick::Step>,
}

impl RevertArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                value(Some('m'), "mainline"),
                flag(None, "no-edit"),
                flag(None, "continue"),
                flag(None, "skip"),
                flag(None, "abort"),
            ],
            "revert [--[no-]edit] [-n] [-m <parent-number>] [-s] [-S[<keyid>]] <commit>...",
        )?;
        for (name, step) in [
            ("continue", super::pick::Step::Continue),
            ("skip", super::pick::Step::Skip),
            ("abort", super::pick::Step::Abort),
        ] {
            if p.has(name) {
                return Ok(Self { target: String::new(), mainline: None, steer: Some(step) });
            }
        }
        let Some(target) = p.positional.first().cloned() else {
            return Err(GitError::Refused("usage: git revert [--[no-]edit] [-n] [-m <parent-number>] [-s] [-S[<keyid>]] <commit>...\n   or: git revert (--continue | --skip | --abort | --quit)".into()));
        };
        if p.positional.len() > 1 {
            return Err(GitError::Fatal(
                "reverting several commits at once is not simulated; revert them one by one".into(),
            ));
        }
        let mainline = match p.value("mainline") {
            Some(m) => Some(m.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                GitError::Refused("error: option `mainline' expects a number greater than zero".into())
            })?),
            None => None,
        };
        Ok(Self { target, mainline, steer: None })
    }
}

pub fn revert(a: &RevertArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if let Some(step) = &a.steer {
        return super::pick::steer(ctx, Operation::Revert, step);
    }
    if super::pick::range_ends(ctx.repo, &a.target)?.is_some() {
        return Err(GitError::Fatal("reverting a range is not simulated in this tutor yet; name the commit".into()));
    }
    let Some(id) = ctx.repo.resolve(&a.target) else {
        return Err(GitError::BadRevision(a.target.clone()));
    };
    let Some(commit) = ctx.repo.commit(&id).cloned() else {
        return Err(GitError::BadRevision(a.target.clone()));
    };
    let Some(head) = ctx.repo.head_commit().cloned() else {
        return Err(GitError::Fatal("your current branch does not have any commits yet".into()));
    };
    // git's sequencer minds the files a stopped merge or pick left, then
    // any staged change; an unstaged one only where the revert's merge
    // would overwrite it (below).
    if ctx.repo.merge.as_ref().is_some_and(|m| !m.conflicts.is_empty()) {
        return Err(super::merge::unmerged_files("Reverting", "revert failed"));
    }
    super::pick::check_clean(ctx, Operation::Revert)?;
    check_no_merge_in_progress(ctx.repo, "Reverting")?;
    // git's sequencer: a root commit is reverted against the empty tree,
    // whatever -m says; `-m 1` on a commit with one parent names that parent.
    let parent = match (commit.parents.len(), a.mainline) {
        (0, _) => None,
        (n, None) if n > 1 => {
            return Err(GitError::Refused(format!(
                "error: commit {id} is a merge but no -m option was given.\nfatal: revert failed"
            )));
        }
        (n, Some(m)) if m > n => {
            return Err(GitError::Refused(format!(
                "error: commit {id} does not have parent {m}\nfatal: revert failed"
            )));
        }
        (_, m) => Some(commit.parents[m.unwrap_or(1) - 1].clone()),
    };
    // Reverting a revert reapplies (git 2.43+).
    let subject = commit.subject();
    let title = match subject.strip_prefix("Revert \"").and_then(|s| s.strip_suffix('"')) {
        Some(inner) => format!("Reapply \"{inner}\""),
        None => format!("Revert \"{subject}\""),
    };
    let mut message = format!("{title}\n\nThis reverts commit {id}");
    if let Some(parent) = parent.as_ref().filter(|_| commit.parents.len() > 1) {
        message.push_str(&format!(", reversing\nchanges made to {parent}"));
    }
    message.push('.');
    let base = commit.tree.clone();
    let theirs = parent.and_then(|p| ctx.repo.commit(&p).map(|c| c.tree.clone())).unwrap_or_default();
    let label = format!("parent of {}... {}", short(&id), subject);
    let from = ctx.repo.head_tree();
    let outcome = three_way(ctx, &base, &theirs, &label, Operation::Revert, &id, &message)?;
    if !outcome.conflicts.is_empty() {
        let mut lines = outcome.notes;
        lines.push(format!(
            "error: could not revert {}... {subject}\nhint: After resolving the conflicts, mark them with\nhint: \"git add/rm <pathspec>\", then run\nhint: \"git revert --continue\".\nhint: You can instead skip this commit with \"git revert --skip\".\nhint: To abort and get back to the state before \"git revert\",\nhint: run \"git revert --abort\".\nhint: Disable this message with \"git config advice.mergeConflict false\"",
            short(&id)
        ));
        return Err(GitError::Refused(lines.join("\n")));
    }
    if ctx.repo.index == from {
        return Err(GitError::Refused(status::long(ctx.repo, ctx.work)));
    }
    let time = ctx.tick();
    let c = Commit::new(vec![head], message, ctx.author.to_string(), time, ctx.repo.index.clone());
    let new_id = ctx.repo.insert(c);
    ctx.repo.advance_head(new_id.clone());
    ctx.repo.log_head(format!("revert: {title}"));
    let where_ = ctx.repo.current_branch().map_or_else(|| "detached HEAD".to_string(), str::to_string);
    let mut out = outcome.notes;
    out.push(format!("[{where_} {}] {title}", short(&new_id)));
    out.push(format!(" Date: {}", crate::clock::git_date(time)));
    let stat = summary(&from, &ctx.repo.index);
    if !stat.is_empty() {
        out.push(stat);
    }
    Ok(out.join("\n"))
}
