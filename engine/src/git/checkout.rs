//! `git checkout` and `git switch`: moving HEAD and carrying local changes the
//! way git does (refusing when they would be overwritten).

use super::args::{self, Parsed, flag, value};
use super::branch::{check_new_branch, start_point};
use super::{Ctx, GitError, status, tracking_info};
use crate::repo::{CommitId, Head, Operation, Repo, Tree, short};

// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutArgs {
    /// `switch` (true) or `checkout` (false): they word refusals differently.
    pub switch: bool,
    pub target: Option<String>,
    /// `-b`/`-c`: create this branch at `target` (or HEAD).
    pub create: Option<String>,
    /// `-B`/`-C`: `create` may name a branch that exists; it is reset.
    pub reset: bool,
    pub detach: bool,
    /// Paths to restore instead of switching (`git checkout [REV] -- PATH`).
    pub paths: Vec<String>,
    /// Whether the paths came after a `--` (git then prints no count).
    pub dashdash: bool,
    /// `--ours`/`--theirs` (`-2`/`-3`): conflicted paths from one side.
    pub side: Option<super::restore::Side>,
    /// `-t`/`--track` (`Some(true)`) or `--no-track` (`Some(false)`): the
    /// new branch's upstream, whatever `branch.autoSetupMerge` would do.
    pub track: Option<bool>,
}

impl CheckoutArgs {
    pub fn parse_checkout(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                value(Some('b'), "branch"),
                value(Some('B'), "-B"),
                flag(None, "detach"),
                flag(Some('2'), "ours"),
                flag(Some('3'), "theirs"),
                flag(Some('t'), "track"),
                flag(None, "no-track"),
            ],
            "checkout [<options>] <branch>",
        )?;
        Self::from_parsed(false, ["branch", "-B"], "'-b', '-B'", p)
    }

    pub fn parse_switch(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                value(Some('c'), "create"),
                value(Some('C'), "force-create"),
                flag(Some('d'), "detach"),
                flag(Some('t'), "track"),
                flag(None, "no-track"),
            ],
            "switch [<options>] [<branch>]",
        )?;
        Self::from_parsed(true, ["create", "force-create"], "'-c', '-C'", p)
    }

    /// `creates`: the long names of the create and the create-or-reset
    /// options; `named`: how git's refusal to take both names them.
    fn from_parsed(switch: bool, creates: [&str; 2], named: &str, p: Parsed) -> Result<Self, GitError> {
        let (create, reset) = match (p.value(creates[0]), p.value(creates[1])) {
            (Some(_), Some(_)) => {
                return Err(GitError::Fatal(format!("options {named}, and '--orphan' cannot be used together")));
            }
            (Some(name), None) => (Some(name.to_string()), false),
            (None, Some(name)) => (Some(name.to_string()), true),
            (None, None) => (None, false),
        };
        let detach = p.has("detach");
        let side = super::restore::Side::of(&p);
        let track = p.last(&["track", "no-track"]).map(|l| l == "track");
        let Parsed { mut positional, dashdash, .. } = p;
        if side.is_some() && create.is_none() && !detach {
            // Only paths: `--ours`/`--theirs` never switch branches.
            if positional.is_empty() {
                return Err(GitError::Fatal("'--ours/--theirs' needs the paths to check out".into()));
            }
            // `git checkout --theirs main -- f`: a tree, which git refuses.
            let target = dashdash.filter(|&k| k > 0).map(|_| positional.remove(0));
            let dashdash = dashdash.is_some();
            return Ok(Self { switch, target, create, reset, detach, paths: positional, dashdash, side, track });
        }
        let mut paths = match dashdash {
            Some(k) => positional.split_off(k),
            None => Vec::new(),
        };
        // `git checkout main f`: a revision, then paths.
        if !switch && dashdash.is_none() && positional.len() > 1 {
            paths = positional.split_off(1);
        }
        if switch && !paths.is_empty() {
            return Err(GitError::Fatal("only one reference expected".into()));
        }
        if positional.len() > 1 {
            return Err(GitError::Fatal(if switch {
                "only one reference expected".to_string()
            } else {
                format!("only one reference expected, {} given.", positional.len())
            }));
        }
        let target = positional.pop();
        let create = match (&create, track, &target) {
            (None, Some(_), None) => return Err(GitError::Fatal("--track needs a branch name".into())),
            // `git checkout --track origin/x` creates x: the name after the remote's.
            (None, Some(_), Some(t)) => {
                match t.trim_start_matches("refs/").trim_start_matches("remotes/").split_once('/') {
                    Some((_, name)) if !name.is_empty() => Some(name.to_string()),
                    _ => {
                        return Err(GitError::Fatal(format!(
                            "missing branch name; try -{}",
                            if switch { 'c' } else { 'b' }
                        )));
                    }
                }
            }
            _ => create,
        };
        if create.is_none() && target.is_none() && switch && !detach {
            return Err(GitError::NothingToSwitchTo);
        }
        // Plain `git checkout` with nothing: git just reports the tracking state.
        Ok(Self { switch, target, create, reset, detach, paths, dashdash: dashdash.is_some(), side, track })
    }
}

/// Replaces the checked-out tree `from` with `to` in index and working tree,
/// keeping local changes to paths the two trees agree on. Refuses, as git
/// does, when a local change would be overwritten.
pub fn switch_trees(repo: &mut Repo, work: &mut Tree, from: &Tree, to: &Tree, verb: &str) -> Result<(), GitError> {
    let changed: Vec<&String> = from.keys().chain(to.keys()).filter(|p| from.get(*p) != to.get(*p)).collect();
    let mut dirty = Vec::new();
    let mut untracked = Vec::new();
    for p in &changed {
        let (i, w, f) = (repo.index.get(*p), work.get(*p), from.get(*p));
        if i != f || (i.is_some() && w != i) {
            dirty.push((*p).clone());
        } else if i.is_none() && w.is_some() && w != to.get(*p) {
            untracked.push((*p).clone());
        }
    }
    crate::order::sort(&mut dirty);
    dirty.dedup();
    crate::order::sort(&mut untracked);
    untracked.dedup();
    if !dirty.is_empty() {
        return Err(GitError::Refused(format!(
            "error: Your local changes to the following files would be overwritten by {verb}:\n{}\nPlease commit your changes or stash them before you switch branches.\nAborting",
            dirty.iter().map(|p| format!("\t{p}")).collect::<Vec<_>>().join("\n")
        )));
    }
    if !untracked.is_empty() {
        return Err(GitError::Refused(format!(
            "error: The following untracked working tree files would be overwritten by {verb}:\n{}\nPlease move or remove them before you switch branches.\nAborting",
            untracked.iter().map(|p| format!("\t{p}")).collect::<Vec<_>>().join("\n")
        )));
    }
    for p in changed {
        match to.get(p) {
            Some(body) => {
                repo.index.insert(p.clone(), body.clone());
                work.insert(p.clone(), body.clone());
            }
            None => {
                repo.index.remove(p);
                work.remove(p);
            }
        }
    }
    Ok(())
}

/// git's refusal to merge the working tree while files are unmerged.
fn refuse_unmerged(repo: &Repo) -> Result<(), GitError> {
    let Some(m) = repo.merge.as_ref().filter(|m| !m.conflicts.is_empty()) else { return Ok(()) };
    let mut lines: Vec<String> = m.conflicts.iter().map(|p| format!("{p}: needs merge")).collect();
    lines.push("error: you need to resolve your current index first".into());
    Err(GitError::Refused(lines.join("\n")))
}

/// Moves HEAD to `target` as `head`, carrying local changes. `merge_tree`:
/// whether git merges the working tree (not for `checkout -b NEW` with no
/// start point, which leaves index and files alone and lists nothing).
/// `name` is the target as typed, for the reflog.
fn move_head(
    ctx: &mut Ctx,
    target: &CommitId,
    head: Head,
    name: &str,
    merge_tree: bool,
) -> Result<Vec<String>, GitError> {
    let from = ctx.repo.head_snapshot();
    move_head_from(ctx, from, target, head, name, merge_tree)
}

/// [`move_head`] from the tree `from`: HEAD's commit before its branch moved.
fn move_head_from(
    ctx: &mut Ctx,
    from: Option<std::sync::Arc<crate::repo::Commit>>,
    target: &CommitId,
    head: Head,
    name: &str,
    merge_tree: bool,
) -> Result<Vec<String>, GitError> {
    if merge_tree {
        refuse_unmerged(ctx.repo)?;
    }
    let to = ctx.repo.snapshot(Some(target));
    switch_trees(ctx.repo, ctx.work, crate::repo::snapshot_tree(&from), crate::repo::snapshot_tree(&to), "checkout")?;
    log_checkout(ctx.repo, &head, name);
    let mut out = Vec::new();
    let old_detached = match ctx.repo.head() {
        Head::Detached(id) => Some(id.clone()),
        Head::Branch(_) => None,
    };
    if *ctx.repo.head() != head {
        ctx.repo.previous = Some(ctx.repo.head().clone());
    }
    ctx.repo.head = head;
    if let Some(old) = old_detached
        && &old != target
    {
        out.push(leaving_detached(ctx.repo, &old, target));
    }
    if !merge_tree {
        return Ok(out);
    }
    // Local modifications that travelled with the switch.
    for e in status::entries(ctx.repo, ctx.work) {
        if e.staged != '?' {
            let code = if e.unstaged == 'D' || e.staged == 'D' {
                'D'
            } else if e.staged == 'A' {
                'A'
            } else {
                'M'
            };
            out.push(format!("{code}\t{}", e.path));
        }
    }
    Ok(out)
}

/// What git says as HEAD leaves the detached commit `old` for `new`
/// (`orphaned_commit_warning`): the commits no ref reaches any more, or where
/// HEAD was when something still reaches it.
pub(crate) fn leaving_detached(repo: &Repo, old: &str, new: &str) -> String {
    let mut kept = repo.ancestors(new);
    let refs = repo.branches.values().chain(repo.remote_tracking.values()).chain(repo.tags.values());
    for id in refs.chain(repo.stash.first().map(|e| &e.commit)) {
        if !kept.contains(id) {
            kept.extend(repo.ancestors(id));
        }
    }
    if kept.contains(old) {
        let subject = repo.commit(old).map(|c| c.subject().to_string()).unwrap_or_default();
        return format!("Previous HEAD position was {} {subject}", short(old));
    }
    let lost: Vec<String> = super::log::walk_hidden(repo, old, &kept);
    // git lists four, then the last one or how many more (ORPHAN_CUTOFF).
    let line = |id: &str| {
        let subject = repo.commit(id).map(|c| c.subject().to_string()).unwrap_or_default();
        format!("  {} {subject}", short(id))
    };
    let mut listed: Vec<String> = lost.iter().take(4).map(|id| line(id)).collect();
    match lost.len() {
        5 => listed.push(line(&lost[4])),
        n if n > 5 => listed.push(format!(" ... and {} more.", n - 4)),
        _ => {}
    }
    let (n, noun, them) = if lost.len() == 1 { (1, "commit", "it") } else { (lost.len(), "commits", "them") };
    format!(
        "Warning: you are leaving {n} {noun} behind, not connected to\nany of your branches:\n\n{}\n\nIf you want to keep {them} by creating a new branch, this may be a good time\nto do so with:\n\n git branch <new-branch-name> {}\n",
        listed.join("\n"),
        short(old)
    )
}

/// `checkout: moving from main to feature` in HEAD's reflog (a detached
/// HEAD is named by its full id), once HEAD is `head`.
fn log_checkout(repo: &mut Repo, head: &Head, name: &str) {
    let from = match repo.head() {
        Head::Branch(b) => b.clone(),
        Head::Detached(id) => id.clone(),
    };
    let previous = std::mem::replace(&mut repo.head, head.clone());
    repo.log_head(format!("checkout: moving from {from} to {name}"));
    repo.head = previous;
}

/// `git switch` will not leave an operation under way
/// (`die_if_some_operation_in_progress`); `git checkout` will.
fn refuse_switch_while_busy(repo: &Repo) -> Result<(), GitError> {
    let ops = [repo.merge.as_ref().map(|m| m.op), repo.sequence.as_ref().map(|s| s.op)];
    let busy = |op: Operation| ops.contains(&Some(op));
    let (doing, command) = if busy(Operation::Merge) {
        ("merging", "merge")
    } else if busy(Operation::Rebase) {
        ("rebasing", "rebase")
    } else if busy(Operation::CherryPick) {
        ("cherry-picking", "cherry-pick")
    } else if busy(Operation::Revert) {
        ("reverting", "revert")
    } else {
        return Ok(());
    };
    Err(GitError::Fatal(format!(
        "cannot switch branch while {doing}\nConsider \"git {command} --quit\" or \"git worktree add\"."
    )))
}

/// What a checkout ends (`remove_branch_state`): a merge's `MERGE_HEAD`
/// silently, a stopped cherry-pick's or revert's with git's warning; the
/// picks a sequence still has to do stay, and so do unmerged files (only
/// `checkout -b NEW` gets here with some), with no operation to conclude.
fn end_operation(repo: &mut Repo) -> Option<String> {
    let m = repo.merge.as_mut()?;
    let warning = match m.op {
        Operation::Merge => None,
        Operation::CherryPick => Some("warning: cancelling a cherry picking in progress".to_string()),
        Operation::Revert => Some("warning: cancelling a revert in progress".to_string()),
        Operation::Rebase | Operation::Stash | Operation::Squash => return None,
    };
    if m.conflicts.is_empty() {
        repo.merge = None;
    } else {
        m.op = Operation::Stash;
    }
    warning
}

pub fn run(a: &CheckoutArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if !a.paths.is_empty() && a.create.is_none() {
        return super::restore::checkout_paths(a.target.as_deref(), &a.paths, (!a.dashdash, a.side), ctx);
    }
    if let (Some(new), false) = (&a.create, a.paths.is_empty()) {
        // `git checkout -b x main f`: git names the branch problem first.
        check_new_branch(ctx.repo, new, a.reset)?;
        if let Some(t) = a.target.as_ref().filter(|t| a.dashdash && ctx.repo.resolve(t).is_none()) {
            return Err(GitError::InvalidReference(t.clone()));
        }
        return Err(GitError::Fatal(format!("Cannot update paths and switch to branch '{new}' at the same time.")));
    }
    if a.switch {
        refuse_switch_while_busy(ctx.repo)?;
    }
    if a.target.as_deref() == Some("-") {
        // `-` is the previous position (`@{-1}`): a branch, or a commit.
        let gone = |b: &String| {
            !ctx.repo.branches.contains_key(b) && !ctx.repo.remote_tracking.contains_key(&format!("origin/{b}"))
        };
        let previous = match &ctx.repo.previous {
            // git names what it could not find by what `-` stands for.
            Some(Head::Branch(b)) if gone(b) && a.switch => return Err(GitError::InvalidReference("@{-1}".into())),
            Some(Head::Branch(b)) if gone(b) => return Err(GitError::PathspecNoMatch("-".into())),
            Some(Head::Branch(b)) => b.clone(),
            Some(Head::Detached(id)) => id.clone(),
            None if a.switch => return Err(GitError::InvalidReference("@{-1}".into())),
            None => return Err(GitError::PathspecNoMatch("-".into())),
        };
        return run(&CheckoutArgs { target: Some(previous), ..a.clone() }, ctx);
    }
    if a.detach && a.target.is_none() && a.create.is_none() {
        return run(&CheckoutArgs { target: Some("HEAD".into()), ..a.clone() }, ctx);
    }
    let verb_missing = |name: &str| {
        if a.switch {
            GitError::InvalidReference(name.to_string())
        } else {
            GitError::PathspecNoMatch(name.to_string())
        }
    };
    if let Some(new) = &a.create {
        check_new_branch(ctx.repo, new, a.reset)?;
        if a.target.is_none() && ctx.repo.head_commit().is_none() {
            // A new unborn branch: nothing to check out yet.
            ctx.repo.head = Head::Branch(new.clone());
            return Ok(format!("Switched to a new branch '{new}'"));
        }
        let (id, upstream) = start_point(ctx.repo, a.target.as_deref()).map_err(|e| match (&a.target, e) {
            (Some(t), GitError::NotValidObjectName(_)) if a.switch => GitError::InvalidReference(t.clone()),
            (Some(t), GitError::NotValidObjectName(_)) => {
                GitError::Fatal(format!("'{t}' is not a commit and a branch '{new}' cannot be created from it"))
            }
            (_, e) => e,
        })?;
        let upstream = match a.track {
            Some(false) => None,
            Some(true) if upstream.is_none() => {
                let start = a.target.as_deref().unwrap_or("HEAD");
                let branch =
                    ctx.repo.branches.contains_key(start) || (start == "HEAD" && ctx.repo.current_branch().is_some());
                return Err(GitError::Fatal(if branch {
                    format!(
                        "tracking a local branch ('{start}') is not simulated in this tutor yet; track a remote-tracking branch such as origin/development"
                    )
                } else {
                    format!("cannot set up tracking information; starting point '{start}' is not a branch")
                }));
            }
            _ => upstream,
        };
        // The branch must exist (or have moved) while HEAD moves, so carried
        // changes are reported against it; a refusal puts it back.
        let from = ctx.repo.head_snapshot();
        let was_current = ctx.repo.current_branch() == Some(new.as_str());
        let old = ctx.repo.branches.insert(new.clone(), id.clone());
        // Only a new branch at HEAD leaves the working tree alone.
        let merge_tree = a.target.is_some() || old.is_some();
        let mut out = match move_head_from(ctx, from, &id, Head::Branch(new.clone()), new, merge_tree) {
            Ok(out) => out,
            Err(e) => {
                match old {
                    Some(old) => ctx.repo.branches.insert(new.clone(), old),
                    None => ctx.repo.branches.remove(new),
                };
                return Err(e);
            }
        };
        if was_current {
            // HEAD's reflog hears of the branch's reset before the checkout.
            let start = a.target.as_deref().unwrap_or("HEAD");
            let checkout = ctx.repo.reflog.pop();
            ctx.repo.log_head(format!("branch: Reset to {start}"));
            ctx.repo.reflog.extend(checkout);
        }
        // git sets up tracking as it moves the branch, after the tree is merged.
        if let Some(up) = &upstream {
            out.push(format!("branch '{new}' set up to track '{}'.", up.tracking_ref()));
        }
        out.push(match (old.is_some(), was_current) {
            (false, _) => format!("Switched to a new branch '{new}'"),
            (true, true) => format!("Reset branch '{new}'"),
            (true, false) => format!("Switched to and reset branch '{new}'"),
        });
        out.extend(end_operation(ctx.repo));
        // git reports tracking as configured when the command began: a
        // branch it just set up to track reports nothing yet.
        out.extend(tracking_info(ctx.repo, new));
        if let Some(up) = upstream {
            ctx.repo.upstreams.insert(new.clone(), up);
        }
        return Ok(out.join("\n"));
    }
    let Some(target) = a.target.as_deref() else {
        // `git checkout` alone: report where we are.
        return Ok(ctx.repo.current_branch().and_then(|b| tracking_info(ctx.repo, b)).unwrap_or_default());
    };
    if !a.detach && ctx.repo.current_branch() == Some(target) && ctx.repo.branches.contains_key(target) {
        refuse_unmerged(ctx.repo)?;
        log_checkout(ctx.repo, &Head::Branch(target.to_string()), target);
        let mut out = vec![format!("Already on '{target}'")];
        out.extend(end_operation(ctx.repo));
        out.extend(tracking_info(ctx.repo, target));
        return Ok(out.join("\n"));
    }
    if !a.detach {
        if let Some(id) = ctx.repo.branches.get(target).cloned() {
            let mut out = move_head(ctx, &id, Head::Branch(target.to_string()), target, true)?;
            out.push(format!("Switched to branch '{target}'"));
            out.extend(end_operation(ctx.repo));
            out.extend(tracking_info(ctx.repo, target));
            return Ok(out.join("\n"));
        }
        // git's "DWIM": a name that exists only as one remote-tracking branch
        // becomes a new local branch tracking it.
        let remote_matches: Vec<String> = ctx
            .repo
            .remote_tracking
            .keys()
            .filter(|r| r.split_once('/').is_some_and(|(_, b)| b == target))
            .cloned()
            .collect();
        if remote_matches.len() == 1 && crate::refname::is_valid_branch_name(target) {
            let create = CheckoutArgs {
                target: Some(remote_matches[0].clone()),
                create: Some(target.to_string()),
                detach: false,
                ..a.clone()
            };
            return run(&create, ctx);
        }
    }
    let Some(id) = ctx.repo.resolve(target) else {
        // `git checkout FILE`: not a revision, but a path git knows.
        if !a.switch && ctx.repo.index.keys().any(|p| super::restore::matches(target, p)) {
            return super::restore::checkout_paths(None, &[target.to_string()], (true, None), ctx);
        }
        return Err(verb_missing(target));
    };
    if a.switch && !a.detach {
        let kind = if ctx.repo.remote_tracking.contains_key(target) {
            "remote branch"
        } else if ctx.repo.tags.contains_key(target) {
            "tag"
        } else {
            "commit"
        };
        return Err(GitError::Refused(format!(
            "fatal: a branch is expected, got {kind} '{target}'\nhint: If you want to detach HEAD at the commit, try again with the --detach option."
        )));
    }
    let was_on_branch = ctx.repo.current_branch().is_some();
    let mut out = move_head(ctx, &id, Head::Detached(id.clone()), target, true)?;
    let subject = ctx.repo.commit(&id).map(|c| c.subject().to_string()).unwrap_or_default();
    // git gives its detached-HEAD advice leaving a branch, unless asked to detach.
    if !a.switch && !a.detach && was_on_branch {
        out.push(format!("Note: switching to '{target}'.\n\n{DETACHED_ADVICE}\n"));
    }
    out.push(format!("HEAD is now at {} {subject}", short(&id)));
    out.extend(end_operation(ctx.repo));
    Ok(out.join("\n"))
}

const DETACHED_ADVICE: &str = "You are in 'detached HEAD' state. You can look around, make experimental
changes and commit them, and you can discard any commits you make in this
state without impacting any branches by switching back to a branch.

If you want to create a new branch to retain commits you create, you may
do so (now or later) by using -c with the switch command. Example:

  git switch -c <new-branch-name>

Or undo this operation with:

  git switch -

Turn off this advice by setting config variable advice.detachedHead to false";
