//! Replaying commits: `git cherry-pick` (the hotfix carried back to
//! `development`) and `git rebase` (a branch moved onto a new base, `git pull
//! --rebase`). Both pick commits one by one; a conflict stops the sequence
//! until `--continue`, `--skip` or `--abort`, as git's sequencer does.

use std::collections::BTreeSet;

use super::args::{self, flag, value};
use super::commit::summary;
use super::merge::three_way;
use super::{Ctx, GitError, status};
use crate::clock::git_date;
use crate::repo::{Commit, CommitId, Head, Operation, Repo, Sequence, Tree, short};

/// What to do: start, or steer a sequence under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Start with these revisions.
    Start(Vec<String>),
    /// `--continue`.
    Continue,
    /// `--skip`.
    Skip,
    /// `--abort`.
    Abort,
}

fn step(p: &args::Parsed, start: Vec<String>) -> Result<Step, GitError> {
    let steers: Vec<Step> = [("continue", Step::Continue), ("skip", Step::Skip), ("abort", Step::Abort)]
        .into_iter()
        .filter(|(n, _)| p.has(n))
        .map(|(_, s)| s)
        .collect();
    match (steers.len(), start.is_empty()) {
        (0, _) => Ok(Step::Start(start)),
        (1, true) => Ok(steers.into_iter().next().unwrap_or(Step::Continue)),
        _ => Err(GitError::Fatal("--continue, --skip and --abort take no other arguments".into())),
    }
}

/// `git cherry-pick`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CherryPickArgs {
    /// Start or steer.
    pub step: Step,
    /// `-x`: each new message says which commit it was picked from.
    pub record_origin: bool,
}

impl CherryPickArgs {
    /// Parses the words after `git cherry-pick`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "continue"), flag(None, "skip"), flag(None, "abort"), flag(Some('x'), "-x")],
            "cherry-pick [--edit] [-n] [-m <parent-number>] [-s] [-x] [--ff]\n                       [-S[<keyid>]] <commit>...\n   or: git cherry-pick (--continue | --skip | --abort | --quit)",
        )?;
        let revs = p.positional.clone();
        let step = step(&p, revs)?;
        if step == Step::Start(Vec::new()) {
            return Err(GitError::Refused("usage: git cherry-pick [--edit] [-n] [-m <parent-number>] [-s] [-x] [--ff]\n                       [-S[<keyid>]] <commit>...\n   or: git cherry-pick (--continue | --skip | --abort | --quit)".into()));
        }
        Ok(Self { step, record_origin: p.has("-x") })
    }
}

/// The message a pick of `id` commits: its own, with `-x` git's
/// `(cherry picked from commit …)` line (after a blank line unless the
/// message already ends in trailers, as `sequencer.c` does).
fn pick_message(repo: &Repo, id: &CommitId, message: &str) -> String {
    let origin = repo.sequence.as_ref().is_some_and(|s| s.op == Operation::CherryPick && s.record_origin);
    if !origin {
        return message.to_string();
    }
    let body = message.trim_end();
    let trailers = body.rsplit_once("\n\n").is_some_and(|(_, last)| {
        last.lines().all(|l| {
            l.starts_with("(cherry picked from commit ")
                || l.split_once(": ")
                    .is_some_and(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        })
    });
    let gap = if trailers { "\n" } else { "\n\n" };
    format!("{body}{gap}(cherry picked from commit {id})")
}

/// `git rebase`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RebaseArgs {
    /// Start (with the upstream, if named) or steer.
    pub step: Step,
    /// `--onto NEWBASE`.
    pub onto: Option<String>,
}

impl RebaseArgs {
    /// Parses the words after `git rebase`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "continue"), flag(None, "skip"), flag(None, "abort"), value(None, "onto")],
            "rebase [-i] [options] [--exec <cmd>] [--onto <newbase> | --keep-base] [<upstream> [<branch>]]",
        )?;
        if p.positional.len() > 1 {
            return Err(GitError::Fatal(
                "rebasing a branch other than the current one is not simulated in this tutor yet".into(),
            ));
        }
        Ok(Self { step: step(&p, p.positional.clone())?, onto: p.value("onto").map(str::to_string) })
    }
}

/// How one pick ended.
enum Picked {
    /// A new commit: git's `[branch id] subject` lines.
    Done(String),
    /// Nothing left to change: the pick would be empty.
    Empty,
    /// Stopped on conflicts: the `CONFLICT` lines.
    Conflict(Vec<String>),
}

fn where_(repo: &Repo) -> String {
    repo.current_branch().map_or_else(|| "detached HEAD".to_string(), str::to_string)
}

/// The changes a commit makes, path by path: what git's patch-id compares.
fn patch(repo: &Repo, id: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let Some(c) = repo.commit(id) else { return Vec::new() };
    let empty = Tree::new();
    let parent = c.parents.first().and_then(|p| repo.commit(p)).map_or(&empty, |p| &p.tree);
    crate::repo::paths_of(&[parent, &c.tree])
        .into_iter()
        .filter(|p| parent.get(*p) != c.tree.get(*p))
        .map(|p| (p.clone(), parent.get(p).cloned(), c.tree.get(p).cloned()))
        .collect()
}

/// Applies commit `id` on HEAD as a new commit with its message and author.
fn pick(ctx: &mut Ctx, id: &CommitId, op: Operation) -> Result<Picked, GitError> {
    let Some(commit) = ctx.repo.commit(id).cloned() else {
        return Err(GitError::BadRevision(id.clone()));
    };
    if commit.parents.len() > 1 {
        return Err(GitError::Refused(format!(
            "error: commit {id} is a merge but no -m option was given.\nfatal: cherry-pick failed"
        )));
    }
    let base = commit.parents.first().and_then(|p| ctx.repo.commit(p)).map(|p| p.tree.clone()).unwrap_or_default();
    let label = match op {
        Operation::Rebase => format!("{} ({})", short(id), commit.subject()),
        _ => format!("{}... {}", short(id), commit.subject()),
    };
    let from = ctx.repo.head_tree();
    let message = pick_message(ctx.repo, id, &commit.message);
    let outcome = three_way(ctx, &base, &commit.tree, &label, op, id, &message)?;
    if !outcome.conflicts.is_empty() {
        return Ok(Picked::Conflict(outcome.notes));
    }
    // A rebase keeps a commit that was empty to begin with; one that
    // becomes empty (its change is already there) is dropped.
    let empty_from_start = base == commit.tree;
    if ctx.repo.index == from && !(op == Operation::Rebase && empty_from_start) {
        return Ok(Picked::Empty);
    }
    let reflog = match op {
        Operation::Rebase => format!("{} (pick)", rebase_action(ctx.repo)),
        _ => "cherry-pick".to_string(),
    };
    Ok(Picked::Done(commit_pick(ctx, (&commit, &message), &from, outcome.notes, true, &reflog)))
}

/// What git's reflog calls the rebase under way.
fn rebase_action(repo: &Repo) -> String {
    repo.sequence.as_ref().and_then(|s| s.action.clone()).unwrap_or_else(|| "rebase".into())
}

/// Records the picked commit (its author and date, with `message`) on HEAD;
/// `reflog` heads its reflog entry (`cherry-pick`, `rebase (pick)`).
fn commit_pick(
    ctx: &mut Ctx,
    (original, message): (&Commit, &str),
    from: &Tree,
    mut notes: Vec<String>,
    show_date: bool,
    reflog: &str,
) -> String {
    let parents: Vec<CommitId> = ctx.repo.head_commit().cloned().into_iter().collect();
    let time = ctx.tick();
    let c = Commit::new(parents, message.to_string(), original.author.clone(), time, ctx.repo.index.clone());
    let new_id = ctx.repo.insert(c);
    ctx.repo.advance_head(new_id.clone());
    ctx.repo.log_head(format!("{reflog}: {}", original.subject()));
    ctx.repo.merge = None;
    notes.push(format!("[{} {}] {}", where_(ctx.repo), short(&new_id), original.subject()));
    if show_date {
        notes.push(format!(" Date: {}", git_date(original.time)));
    }
    let stat = summary(from, &ctx.repo.index);
    if !stat.is_empty() {
        notes.push(stat);
    }
    notes.join("\n")
}

fn conflict_hint(op: Operation, id: &CommitId, subject: &str) -> String {
    let s = short(id);
    match op {
        Operation::Rebase => format!(
            "error: could not apply {s}... {subject}\nhint: Resolve all conflicts manually, mark them as resolved with\nhint: \"git add/rm <conflicted_files>\", then run \"git rebase --continue\".\nhint: You can instead skip this commit: run \"git rebase --skip\".\nhint: To abort and get back to the state before \"git rebase\", run \"git rebase --abort\".\nhint: Disable this message with \"git config advice.mergeConflict false\"\nCould not apply {s}... {subject}"
        ),
        _ => format!(
            "error: could not apply {s}... {subject}\nhint: After resolving the conflicts, mark them with\nhint: \"git add/rm <pathspec>\", then run\nhint: \"git cherry-pick --continue\".\nhint: You can instead skip this commit with \"git cherry-pick --skip\".\nhint: To abort and get back to the state before \"git cherry-pick\",\nhint: run \"git cherry-pick --abort\".\nhint: Disable this message with \"git config advice.mergeConflict false\""
        ),
    }
}

const EMPTY_PICK: &str = "The previous cherry-pick is now empty, possibly due to conflict resolution.\nIf you wish to commit it anyway, use:\n\n    git commit --allow-empty\n\nOtherwise, please use 'git cherry-pick --skip'";

/// Picks the sequence's commits until it is done or stops; `out` collects
/// what git prints.
fn run_todo(ctx: &mut Ctx, mut out: Vec<String>) -> Result<String, GitError> {
    while let Some(seq) = ctx.repo.sequence.as_mut().filter(|s| !s.todo.is_empty()) {
        let id = seq.todo.remove(0);
        if seq.op == Operation::Rebase {
            seq.done.push(id.clone());
        }
        let op = seq.op;
        let subject = ctx.repo.commit(&id).map(|c| c.subject().to_string()).unwrap_or_default();
        let picked = pick(ctx, &id, op).inspect_err(|_| forget_single_pick(ctx.repo));
        match picked? {
            // A rebase picks quietly; a cherry-pick reports each commit.
            Picked::Done(text) if op != Operation::Rebase => out.push(text),
            Picked::Done(_) => {}
            // A rebase drops a commit whose change is already there.
            Picked::Empty if op == Operation::Rebase => {}
            Picked::Empty => {
                // git stops with the pick still "in progress".
                let message = ctx.repo.commit(&id).map(|c| c.message.clone()).unwrap_or_default();
                let message = pick_message(ctx.repo, &id, &message);
                forget_single_pick(ctx.repo);
                ctx.repo.merge = Some(crate::repo::MergeState {
                    op,
                    their: id.clone(),
                    message,
                    conflicts: BTreeSet::new(),
                    touched: BTreeSet::new(),
                });
                out.push(status::long(ctx.repo, ctx.work));
                out.push(EMPTY_PICK.to_string());
                return Err(GitError::Refused(out.join("\n")));
            }
            Picked::Conflict(notes) => {
                forget_single_pick(ctx.repo);
                out.extend(notes);
                out.push(conflict_hint(op, &id, &subject));
                return Err(GitError::Refused(out.join("\n")));
            }
        }
    }
    let Some(seq) = ctx.repo.sequence.take() else { return Ok(out.join("\n")) };
    if seq.op == Operation::Rebase {
        finish_rebase(ctx, &seq);
        out.push(format!(
            "Successfully rebased and updated {}.",
            seq.branch.as_ref().map_or_else(|| "detached HEAD".to_string(), |b| format!("refs/heads/{b}"))
        ));
    }
    Ok(out.join("\n"))
}

/// A cherry-pick stopped on its last commit has no sequence left to
/// continue: git keeps only `CHERRY_PICK_HEAD`, which a commit concludes.
fn forget_single_pick(repo: &mut Repo) {
    if repo.sequence.as_ref().is_some_and(|s| s.op == Operation::CherryPick && s.todo.is_empty()) {
        repo.sequence = None;
    }
}

/// Points the rebased branch at the result and puts HEAD back on it.
fn finish_rebase(ctx: &mut Ctx, seq: &Sequence) {
    if let (Some(b), Some(tip)) = (&seq.branch, ctx.repo.head_commit().cloned()) {
        ctx.repo.branches.insert(b.clone(), tip);
        ctx.repo.head = Head::Branch(b.clone());
        let action = seq.action.as_deref().unwrap_or("rebase");
        ctx.repo.log_head(format!("{action} (finish): returning to refs/heads/{b}"));
    }
}

/// Index and working tree to `id`'s tree, HEAD (detached or the branch) to `id`.
fn hard_reset(ctx: &mut Ctx, id: &CommitId) {
    super::history::reset_hard(ctx, id);
}

fn in_progress(repo: &Repo) -> Option<Operation> {
    repo.sequence.as_ref().map(|s| s.op).or_else(|| repo.merge.as_ref().map(|m| m.op))
}

/// Concludes the stopped pick (commits it when the learner resolved it).
fn conclude(ctx: &mut Ctx, op: Operation) -> Result<Vec<String>, GitError> {
    let Some(m) = ctx.repo.merge.clone().filter(|m| m.op == op) else { return Ok(Vec::new()) };
    if !m.conflicts.is_empty() {
        return Err(match op {
            Operation::Rebase => GitError::Refused(format!(
                "{}\nYou must edit all merge conflicts and then\nmark them as resolved using git add",
                m.conflicts.iter().map(|p| format!("{p}: needs merge")).collect::<Vec<_>>().join("\n")
            )),
            _ => super::commit::unmerged_refusal(&m.conflicts),
        });
    }
    if op == Operation::Revert {
        // The revert's own message, by the learner: `git commit` concludes it.
        let args = super::commit::CommitArgs::default();
        return super::commit::commit(&args, ctx).map(|out| vec![out]);
    }
    let from = ctx.repo.head_tree();
    let Some(original) = ctx.repo.commit(&m.their).cloned() else { return Ok(Vec::new()) };
    if ctx.repo.index == from {
        if op == Operation::Rebase {
            ctx.repo.merge = None;
            return Ok(Vec::new());
        }
        return Err(GitError::Refused(format!("{}\n{EMPTY_PICK}", status::long(ctx.repo, ctx.work))));
    }
    // git commits the resolved pick as `git commit` does (a rebase without the date line).
    let reflog = match op {
        Operation::Rebase => format!("{} (continue)", rebase_action(ctx.repo)),
        _ => "commit (cherry-pick)".to_string(),
    };
    Ok(vec![commit_pick(ctx, (&original, &m.message), &from, Vec::new(), op != Operation::Rebase, &reflog)])
}

/// `--continue`, `--skip` or `--abort` of the operation under way.
pub fn steer(ctx: &mut Ctx, op: Operation, step: &Step) -> Result<String, GitError> {
    if in_progress(ctx.repo) != Some(op) {
        return Err(match op {
            Operation::Rebase => GitError::Fatal("no rebase in progress".into()),
            // `--skip` names only its own operation; the others name both.
            _ if *step == Step::Skip => {
                GitError::Refused(format!("error: no {} in progress\nfatal: {} failed", op.name(), op.name()))
            }
            _ => GitError::Refused(format!("error: no cherry-pick or revert in progress\nfatal: {} failed", op.name())),
        });
    }
    match step {
        Step::Abort => {
            // A pick or revert rolls back with `git reset --merge`, which
            // notes ORIG_HEAD; a rebase's abort does not.
            if op != Operation::Rebase {
                ctx.repo.save_orig_head();
            }
            let seq = ctx.repo.sequence.take();
            ctx.repo.merge = None;
            if let Some(seq) = seq {
                if let Some(b) = &seq.branch {
                    ctx.repo.head = Head::Branch(b.clone());
                }
                hard_reset(ctx, &seq.orig_head);
                // A rebase goes back to its branch; a pick is reset away.
                ctx.repo.log_head(match (op, &seq.branch) {
                    (Operation::Rebase, Some(b)) => {
                        format!("{} (abort): returning to refs/heads/{b}", seq.action.as_deref().unwrap_or("rebase"))
                    }
                    _ => format!("reset: moving to {}", seq.orig_head),
                });
            } else if let Some(head) = ctx.repo.head_commit().cloned() {
                hard_reset(ctx, &head);
                ctx.repo.log_head(format!("reset: moving to {head}"));
            }
            Ok(String::new())
        }
        Step::Skip => {
            if op != Operation::Rebase {
                ctx.repo.save_orig_head();
            }
            if let Some(head) = ctx.repo.head_commit().cloned() {
                hard_reset(ctx, &head);
            }
            ctx.repo.merge = None;
            run_todo(ctx, Vec::new())
        }
        Step::Continue => {
            let out = conclude(ctx, op)?;
            run_todo(ctx, out)
        }
        Step::Start(_) => Ok(String::new()),
    }
}

/// Refuses to start when local changes are in the way, as git's sequencer does.
pub(super) fn check_clean(ctx: &Ctx, op: Operation) -> Result<(), GitError> {
    if op == Operation::Rebase {
        return require_clean(ctx, "rebase");
    }
    // A cherry-pick or revert minds only the index (its merge refuses to
    // overwrite a changed file it touches).
    if ctx.repo.index == ctx.repo.head_tree() {
        return Ok(());
    }
    let op = op.name();
    Err(GitError::Refused(format!(
        "error: your local changes would be overwritten by {op}.\nhint: commit your changes or stash them to proceed.\nfatal: {op} failed"
    )))
}

/// git's `require_clean_work_tree` for `action`: no change to a tracked
/// file, staged or not. An unmerged path is both (git's index refresh names
/// it first).
pub(super) fn require_clean(ctx: &Ctx, action: &str) -> Result<(), GitError> {
    let unmerged: Vec<&String> = ctx.repo.merge.iter().flat_map(|m| m.conflicts.iter()).collect();
    let unstaged = !unmerged.is_empty() || ctx.repo.index.iter().any(|(p, b)| ctx.work.get(p) != Some(b));
    let uncommitted = !unmerged.is_empty() || ctx.repo.index != ctx.repo.head_tree();
    let mut out: Vec<String> = unmerged.iter().map(|p| format!("{p}: needs merge")).collect();
    match (unstaged, uncommitted) {
        (false, false) => return Ok(()),
        (true, also) => {
            out.push(format!("error: cannot {action}: You have unstaged changes."));
            if also {
                out.push("error: additionally, your index contains uncommitted changes.".into());
            }
        }
        (false, true) => out.push(format!("error: cannot {action}: Your index contains uncommitted changes.")),
    }
    out.push("error: Please commit or stash them.".into());
    Err(GitError::Refused(out.join("\n")))
}

/// The two ends of `A..B` (either may be left out for HEAD), when `rev` is
/// one; git's refusal when an end names nothing. `A...B` is not simulated.
pub(super) fn range_ends(repo: &Repo, rev: &str) -> Result<Option<(CommitId, CommitId)>, GitError> {
    let Some((from, to)) = rev.split_once("..") else { return Ok(None) };
    if to.starts_with('.') {
        return Err(GitError::Fatal(format!("'{rev}': ranges of three dots are not simulated in this tutor yet")));
    }
    let end = |name: &str| repo.resolve(if name.is_empty() { "HEAD" } else { name });
    match (end(from), end(to)) {
        (Some(from), Some(to)) => Ok(Some((from, to))),
        _ => Err(GitError::BadRevision(rev.to_string())),
    }
}

/// `git cherry-pick`.
pub fn cherry_pick(a: &CherryPickArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let revs = match &a.step {
        Step::Start(revs) => revs,
        other => return steer(ctx, Operation::CherryPick, other),
    };
    // A sequence under way blocks a new one; a single stopped pick does not
    // (git overwrites its CHERRY_PICK_HEAD), unless files are still unmerged.
    if let Some(seq) = &ctx.repo.sequence {
        let op = seq.op.name();
        return Err(GitError::Refused(format!(
            "error: {op} is already in progress\nhint: try \"git {op} (--continue | --abort | --quit)\"\nfatal: cherry-pick failed"
        )));
    }
    if ctx.repo.merge.as_ref().is_some_and(|m| !m.conflicts.is_empty()) {
        return Err(super::merge::unmerged_files("Cherry-picking", "cherry-pick failed"));
    }
    if ctx.repo.merge.as_ref().is_some_and(|m| m.op == Operation::Merge) {
        super::merge::check_no_merge_in_progress(ctx.repo, "Cherry-picking")?;
    }
    let range = match revs.as_slice() {
        [r] => range_ends(ctx.repo, r)?,
        _ => None,
    };
    let mut todo = Vec::new();
    if let Some((from, to)) = range {
        // `A..B`: what B has and A lacks, oldest first.
        todo = super::log::walk_hidden(ctx.repo, &to, &ctx.repo.ancestors(&from));
        todo.reverse();
        if todo.is_empty() {
            return Err(GitError::Refused("error: empty commit set passed\nfatal: cherry-pick failed".into()));
        }
    } else {
        for r in revs {
            if r.contains("..") {
                return Err(GitError::Fatal(
                    "cherry-picking a range with other commits is not simulated in this tutor yet".into(),
                ));
            }
            todo.push(ctx.repo.resolve(r).ok_or_else(|| GitError::BadRevision(r.clone()))?);
        }
    }
    let Some(head) = ctx.repo.head_commit().cloned() else {
        return Err(GitError::Fatal("your current branch does not have any commits yet".into()));
    };
    check_clean(ctx, Operation::CherryPick)?;
    // A stopped pick with nothing left in the index gives way to this one.
    ctx.repo.merge = None;
    ctx.repo.sequence = Some(Sequence {
        op: Operation::CherryPick,
        todo,
        done: Vec::new(),
        orig_head: head.clone(),
        branch: None,
        onto: head,
        action: None,
        record_origin: a.record_origin,
    });
    run_todo(ctx, Vec::new())
}

/// Starts a rebase of HEAD's branch onto `onto`, replaying what `upstream`
/// lacks; `out` is printed first (a pull's fetch lines). `onto_name`: onto
/// as typed, for the reflog; `pull`: the pull's words, when a pull rebases.
pub fn start_rebase(
    ctx: &mut Ctx,
    (upstream, onto): (&CommitId, &CommitId),
    onto_name: &str,
    mut out: Vec<String>,
    pull: Option<&str>,
) -> Result<String, GitError> {
    let pulling = pull.is_some();
    let Some(head) = ctx.repo.head_commit().cloned() else {
        return Err(GitError::Fatal("your current branch does not have any commits yet".into()));
    };
    let branch = ctx.repo.current_branch().map(str::to_string);
    // git checks the tree before it looks for anything to do (a pull has
    // checked it before its fetch, so this passes for one).
    check_clean(ctx, Operation::Rebase)?;
    if upstream == onto && ctx.repo.is_ancestor(upstream, &head) {
        if pulling && upstream == &head {
            // git's pull finds nothing to rebase and merges `--ff-only`,
            // which notes ORIG_HEAD.
            ctx.repo.save_orig_head();
        }
        out.push(match (&branch, pulling && upstream == &head) {
            (_, true) => "Already up to date.".to_string(),
            (Some(b), false) => format!("Current branch {b} is up to date."),
            (None, false) => "HEAD is up to date.".to_string(),
        });
        return Ok(out.join("\n"));
    }
    // What HEAD has that upstream has not, oldest first, without merges.
    let hidden = ctx.repo.ancestors(upstream);
    let mut todo: Vec<CommitId> = super::log::walk(ctx.repo, std::slice::from_ref(&head))
        .into_iter()
        .filter(|id| !hidden.contains(id))
        .filter(|id| ctx.repo.commit(id).is_some_and(|c| c.parents.len() <= 1))
        .collect();
    todo.reverse();
    // Commits upstream already has (the same change) are skipped, as git's patch-id check does.
    let mine = ctx.repo.ancestors(&head);
    let theirs: Vec<_> = super::log::walk(ctx.repo, std::slice::from_ref(upstream))
        .into_iter()
        .filter(|id| !mine.contains(id))
        .map(|id| patch(ctx.repo, &id))
        .collect();
    let (skipped, kept): (Vec<CommitId>, Vec<CommitId>) =
        todo.into_iter().partition(|id| theirs.contains(&patch(ctx.repo, id)));
    let todo = kept;
    for id in &skipped {
        out.push(format!("warning: skipped previously applied commit {}", short(id)));
    }
    if !skipped.is_empty() {
        out.push("hint: use --reapply-cherry-picks to include skipped commits\nhint: Disable this message with \"git config advice.skippedCherryPicks false\"".into());
    }
    let action = pull.map(str::to_string);
    let start = format!("{} (start): checkout {onto_name}", action.as_deref().unwrap_or("rebase"));
    ctx.repo.save_orig_head();
    ctx.repo.sequence = Some(Sequence {
        op: Operation::Rebase,
        todo,
        done: Vec::new(),
        orig_head: head,
        branch,
        onto: onto.clone(),
        action,
        record_origin: false,
    });
    // Detach at onto and replay.
    ctx.repo.head = Head::Detached(ctx.repo.head_commit().cloned().unwrap_or_default());
    hard_reset(ctx, onto);
    ctx.repo.log_head(start);
    run_todo(ctx, out)
}

/// `git rebase`.
pub fn rebase(a: &RebaseArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let upstream = match &a.step {
        Step::Start(revs) => revs.first().cloned(),
        other => return steer(ctx, Operation::Rebase, other),
    };
    if let Some(op) = in_progress(ctx.repo) {
        return Err(GitError::Refused(match op {
            Operation::Rebase => "fatal: It seems that there is already a rebase-merge directory, and\nI wonder if you are in the middle of another rebase.  If that is the\ncase, please try\n\tgit rebase (--continue | --abort | --skip)\nIf that is not the case, please\n\trm -fr \".git/rebase-merge\"\nand run me again.  I am stopping in case you still have something\nvaluable there.\n".to_string(),
            // git minds the working tree, not the operation: a stopped
            // pick or merge leaves changes, and those are what it refuses.
            _ => match require_clean(ctx, "rebase") {
                Err(GitError::Refused(text)) => text,
                _ => format!("error: cannot rebase: You have a {} in progress.", op.name()),
            },
        }));
    }
    let typed = upstream.is_some();
    let upstream = match upstream {
        Some(u) => u,
        None => {
            let b = ctx.repo.current_branch().map(str::to_string);
            match b.as_deref().and_then(|b| ctx.repo.upstream_of(b)) {
                Some(u) => u,
                None => {
                    return Err(GitError::Refused("There is no tracking information for the current branch.\nPlease specify which branch you want to rebase against.\nSee git-rebase(1) for details.\n\n    git rebase '<branch>'\n\nIf you wish to set tracking information for this branch you can do so with:\n\n    git branch --set-upstream-to=<remote>/<branch> main\n".replace(" main\n", &format!(" {}\n", b.unwrap_or_default()))));
                }
            }
        }
    };
    let invalid = |r: &str| GitError::Fatal(format!("invalid upstream '{r}'"));
    let up = ctx.repo.resolve(&upstream).ok_or_else(|| invalid(&upstream))?;
    let onto = match &a.onto {
        Some(o) => ctx.repo.resolve(o).ok_or_else(|| GitError::Fatal(format!("no such branch/commit '{o}'")))?,
        None => up.clone(),
    };
    // git names onto as typed, or the upstream's full ref.
    let onto_name = match (&a.onto, typed) {
        (Some(o), _) => o.clone(),
        (None, true) => upstream.clone(),
        (None, false) => format!("refs/remotes/{upstream}"),
    };
    start_rebase(ctx, (&up, &onto), &onto_name, Vec::new(), None)
}
