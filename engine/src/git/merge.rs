//! `git merge`: fast-forward, three-way merge commits, `--no-ff`, `--ff-only`,
//! conflicts and `--abort`. `pull` and `revert` reuse the three-way machinery.

use std::collections::BTreeSet;

use super::args::{self, flag, value};
use super::checkout::switch_trees;
use super::commit::summary;
use super::{Ctx, GitError};
use crate::repo::{Commit, CommitId, MergeState, Operation, Repo, Tree, short};
use crate::tree_merge::Conflict;

#[derive(Debug, Clone, PartialEq, Eq)]
// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
pub struct MergeArgs {
    pub target: Option<String>,
    pub no_ff: bool,
    pub ff_only: bool,
    pub abort: bool,
    /// `--continue`: conclude a merge whose conflicts are resolved.
    pub resume: bool,
    pub message: Option<String>,
    /// `--squash`: the changes into index and working tree, no merge commit.
    pub squash: bool,
}

impl MergeArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(None, "no-ff"),
                flag(None, "ff-only"),
                flag(None, "ff"),
                flag(None, "abort"),
                flag(None, "continue"),
                flag(None, "no-edit"),
                value(Some('m'), "message"),
                flag(None, "squash"),
                flag(None, "no-commit"),
            ],
            "merge [<options>] [<commit>...]",
        )?;
        if p.has("squash") && p.has("no-ff") {
            // git's own wording, full stop inside the quotes included.
            return Err(GitError::Fatal("options '--squash' and '--no-ff.' cannot be used together".into()));
        }
        if p.has("no-commit") && !p.has("squash") {
            return Err(GitError::Fatal(
                "'git merge --no-commit' without --squash is not simulated in this tutor yet".into(),
            ));
        }
        if p.positional.len() > 1 {
            return Err(GitError::Fatal(
                "merging more than one branch at once (an octopus merge) is not simulated".into(),
            ));
        }
        Ok(Self {
            target: p.positional.first().cloned(),
            no_ff: p.has("no-ff"),
            ff_only: p.has("ff-only"),
            abort: p.has("abort"),
            resume: p.has("continue"),
            message: p.value("message").map(str::to_string),
            squash: p.has("squash"),
        })
    }
}

/// git's refusal to start `verb` over unmerged files, its last line `fatal`.
pub fn unmerged_files(verb: &str, fatal: &str) -> GitError {
    GitError::Refused(format!(
        "error: {verb} is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\nfatal: {fatal}"
    ))
}

/// Refuses to start a merge (or pull, or revert) while another is unfinished.
pub fn check_no_merge_in_progress(repo: &Repo, verb: &str) -> Result<(), GitError> {
    match &repo.merge {
        Some(m) if !m.conflicts.is_empty() => Err(unmerged_files(verb, "Exiting because of an unresolved conflict.")),
        Some(_) => Err(GitError::Refused(
            "fatal: You have not concluded your merge (MERGE_HEAD exists).\nPlease, commit your changes before you merge.".into(),
        )),
        None => Ok(()),
    }
}

/// git's default merge message: `Merge branch 'x'`, plus ` into y` unless
/// merging into `main` or `master` (`merge.suppressDest`).
pub fn default_message(repo: &Repo, name: &str, from_url: Option<&str>) -> String {
    let what = if let Some(url) = from_url {
        format!("branch '{name}' of {url}")
    } else if repo.branches.contains_key(name) {
        format!("branch '{name}'")
    } else if repo.remote_tracking.contains_key(name) {
        format!("remote-tracking branch '{name}'")
    } else if repo.tags.contains_key(name) {
        format!("tag '{name}'")
    } else {
        format!("commit '{name}'")
    };
    match repo.current_branch() {
        Some(b) if b != "main" && b != "master" => format!("Merge {what} into {b}"),
        _ => format!("Merge {what}"),
    }
}

pub fn run(a: &MergeArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if a.abort {
        return abort(ctx);
    }
    if a.resume {
        // `git merge --continue` is `git commit` once a merge is under way.
        if ctx.repo.merge.as_ref().is_none_or(|m| m.op != Operation::Merge) {
            return Err(GitError::Fatal("There is no merge in progress (MERGE_HEAD missing).".into()));
        }
        return super::commit::commit(&super::commit::CommitArgs::default(), ctx);
    }
    check_no_merge_in_progress(ctx.repo, "Merging")?;
    let name = match &a.target {
        // `-` is the branch checked out before (`@{-1}`).
        Some(t) if t == "-" => match &ctx.repo.previous {
            Some(crate::repo::Head::Branch(b)) => b.clone(),
            Some(crate::repo::Head::Detached(id)) => id.clone(),
            None => t.clone(),
        },
        Some(t) => t.clone(),
        None => {
            let up = ctx.repo.current_branch().and_then(|b| ctx.repo.upstreams.get(b));
            match up {
                Some(u) => u.tracking_ref(),
                None => return Err(GitError::Fatal("No remote for the current branch.".into())),
            }
        }
    };
    let Some(their) = ctx.repo.resolve(&name) else {
        let name = if a.target.as_deref() == Some("-") { "@{-1}" } else { name.as_str() };
        return Err(GitError::Refused(format!("merge: {name} - not something we can merge")));
    };
    if a.squash {
        return squash(ctx, &their, &name);
    }
    let message = a.message.clone().unwrap_or_else(|| default_message(ctx.repo, &name, None));
    merge_commit(ctx, &their, &name, message, (a.no_ff, a.ff_only), &format!("merge {name}"))
}

/// `git merge --squash`: `their` changes into index and working tree, HEAD
/// left where it is; the commit that follows has one parent, so the branch
/// stays unmerged as far as git knows.
fn squash(ctx: &mut Ctx, their: &CommitId, label: &str) -> Result<String, GitError> {
    const NOT_UPDATING: &str = "Squash commit -- not updating HEAD";
    let Some(ours) = ctx.repo.head_commit().cloned() else {
        return Err(GitError::Fatal("Squash commit into empty head not supported yet".into()));
    };
    ctx.repo.save_orig_head();
    if ctx.repo.is_ancestor(their, &ours) {
        return Ok("Already up to date. (nothing to squash)".into());
    }
    let message = squash_message(ctx.repo, &ours, their);
    if ctx.repo.is_ancestor(&ours, their) {
        let stat = fast_forward_trees(ctx, their)?;
        return Ok(format!("Updating {}..{}\nFast-forward\n{NOT_UPDATING}\n{stat}", short(&ours), short(their)));
    }
    let (base_tree, their_tree) = base_and_theirs(ctx.repo, &ours, their);
    let outcome = three_way(ctx, &base_tree, &their_tree, label, Operation::Squash, their, &message)?;
    let mut lines = outcome.notes;
    lines.push(NOT_UPDATING.into());
    if !outcome.conflicts.is_empty() {
        lines.push("Automatic merge failed; fix conflicts and then commit the result.".into());
        return Err(GitError::Refused(lines.join("\n")));
    }
    lines.push("Automatic merge went well; stopped before committing as requested".into());
    Ok(lines.join("\n"))
}

/// Index and working tree moved from HEAD's tree to `their`'s (local
/// changes carried, as checkout carries them); the diffstat of the move.
fn fast_forward_trees(ctx: &mut Ctx, their: &CommitId) -> Result<String, GitError> {
    let (from, to) = (ctx.repo.head_snapshot(), ctx.repo.snapshot(Some(their)));
    let (from, to) = (crate::repo::snapshot_tree(&from), crate::repo::snapshot_tree(&to));
    switch_trees(ctx.repo, ctx.work, from, to, "merge")?;
    Ok(stat_with_files(from, to, &summary(from, to)))
}

/// The merge base's tree and `their` tree, for a three-way merge into `ours`.
fn base_and_theirs(repo: &Repo, ours: &str, their: &str) -> (Tree, Tree) {
    let tree = |id: Option<&str>| id.and_then(|i| repo.commit(i)).map(|c| c.tree.clone()).unwrap_or_default();
    (tree(repo.merge_base(ours, their).as_deref()), tree(Some(their)))
}

/// git's `SQUASH_MSG`: every commit squashed, as `git log` shows it.
fn squash_message(repo: &Repo, ours: &str, their: &str) -> String {
    let mut text = String::from("Squashed commit of the following:\n");
    for id in super::log::walk_hidden(repo, their, &repo.ancestors(ours)) {
        let Some(c) = repo.commit(&id) else { continue };
        text.push('\n');
        text.push_str(&super::log::undecorated(c));
    }
    text
}

/// Merges commit `their` into HEAD; `label` names it in conflict markers;
/// `(no_ff, ff_only)` as given; `action` (`merge feature`, `pull origin
/// main`) heads the reflog entry.
pub fn merge_commit(
    ctx: &mut Ctx,
    their: &CommitId,
    label: &str,
    message: String,
    (no_ff, ff_only): (bool, bool),
    action: &str,
) -> Result<String, GitError> {
    let Some(ours) = ctx.repo.head_commit().cloned() else {
        // Merging into an unborn branch just points it at the commit.
        let to = ctx.repo.commit(their).map(|c| c.tree.clone()).unwrap_or_default();
        switch_trees(ctx.repo, ctx.work, &Tree::new(), &to, "merge")?;
        ctx.repo.advance_head(their.clone());
        ctx.repo.log_head(format!("{action}: initial pull"));
        return Ok(String::new());
    };
    // git notes ORIG_HEAD before it knows whether anything will move.
    ctx.repo.save_orig_head();
    if ctx.repo.is_ancestor(their, &ours) {
        return Ok("Already up to date.".into());
    }
    let fast_forward = ctx.repo.is_ancestor(&ours, their);
    if fast_forward && !no_ff {
        let stat = fast_forward_trees(ctx, their)?;
        ctx.repo.advance_head(their.clone());
        ctx.repo.log_head(format!("{action}: Fast-forward"));
        return Ok(format!("Updating {}..{}\nFast-forward\n{stat}", short(&ours), short(their)));
    }
    if ff_only {
        return Err(GitError::Refused(
            "hint: Diverging branches can't be fast-forwarded, you need to either:\nhint:\nhint: \tgit merge --no-ff\nhint:\nhint: or:\nhint:\nhint: \tgit rebase\nhint:\nhint: Disable this message with \"git config advice.diverging false\"\nfatal: Not possible to fast-forward, aborting.".into(),
        ));
    }
    let (base_tree, their_tree) = base_and_theirs(ctx.repo, &ours, their);
    let outcome = three_way(ctx, &base_tree, &their_tree, label, Operation::Merge, their, &message)?;
    let mut lines = outcome.notes;
    if !outcome.conflicts.is_empty() {
        lines.push("Automatic merge failed; fix conflicts and then commit the result.".into());
        return Err(GitError::Refused(lines.join("\n")));
    }
    let from = ctx.repo.head_tree();
    let time = ctx.tick();
    let c = Commit::new(vec![ours, their.clone()], message, ctx.author.to_string(), time, ctx.repo.index.clone());
    let id = ctx.repo.insert(c);
    ctx.repo.advance_head(id);
    ctx.repo.log_head(format!("{action}: Merge made by the 'ort' strategy."));
    ctx.repo.merge = None;
    lines.push("Merge made by the 'ort' strategy.".into());
    let stat = summary(&from, &ctx.repo.index);
    if !stat.is_empty() {
        lines.push(stat_with_files(&from, &ctx.repo.index, &stat));
    }
    Ok(lines.join("\n"))
}

/// The result of applying a three-way merge to index and working tree.
pub struct ThreeWay {
    /// `Auto-merging …` / `CONFLICT …` lines, in path order.
    pub notes: Vec<String>,
    pub conflicts: BTreeSet<String>,
}

/// Merges `theirs` (relative to `base`) into HEAD's tree, writing index and
/// working tree. On conflicts it records the operation in progress.
pub fn three_way(
    ctx: &mut Ctx,
    base: &Tree,
    theirs: &Tree,
    label: &str,
    op: Operation,
    their_id: &CommitId,
    message: &str,
) -> Result<ThreeWay, GitError> {
    let ours = ctx.repo.head_tree();
    let mut result: Vec<(String, Option<String>, bool)> = Vec::new(); // path, content, conflicted
    let mut notes = Vec::new();
    for m in crate::tree_merge::merge(base, &ours, theirs, "HEAD", label) {
        let p = &m.path;
        if m.auto_merged {
            notes.push(format!("Auto-merging {p}"));
        }
        match m.conflict {
            None => {}
            Some(Conflict::Content { added }) => {
                let kind = if added { "add/add" } else { "content" };
                notes.push(format!("CONFLICT ({kind}): Merge conflict in {p}"));
            }
            Some(Conflict::ModifyDelete { ours_deleted: true }) => notes.push(format!(
                "CONFLICT (modify/delete): {p} deleted in HEAD and modified in {label}.  Version {label} of {p} left in tree."
            )),
            Some(Conflict::ModifyDelete { ours_deleted: false }) => notes.push(format!(
                "CONFLICT (modify/delete): {p} deleted in {label} and modified in HEAD.  Version HEAD of {p} left in tree."
            )),
        }
        result.push((m.path, m.content, m.conflict.is_some()));
    }
    // Refuse before touching anything if local changes, or untracked files,
    // would be overwritten: git's sequencer says "merge" for every operation.
    let untracked = |p: &String| !ours.contains_key(p) && !ctx.repo.index.contains_key(p);
    let (mut lost, dirty): (Vec<&String>, Vec<&String>) = result
        .iter()
        .map(|(p, _, _)| p)
        .filter(|p| ctx.repo.index.get(*p) != ours.get(*p) || ctx.work.get(*p) != ctx.repo.index.get(*p))
        .partition(|p| untracked(p));
    lost.retain(|p| result.iter().any(|(q, content, _)| q == *p && content.is_some()));
    let staged_elsewhere = ctx.repo.index != ours;
    if !dirty.is_empty() || !lost.is_empty() || staged_elsewhere {
        let mut list: Vec<&String> = dirty;
        if list.is_empty() && staged_elsewhere {
            list =
                ours.keys().chain(ctx.repo.index.keys()).filter(|p| ours.get(*p) != ctx.repo.index.get(*p)).collect();
            crate::order::sort(&mut list);
            list.dedup();
        }
        let tail = match op {
            Operation::CherryPick => "\nfatal: cherry-pick failed",
            Operation::Revert => "\nfatal: revert failed",
            Operation::Merge => "\nMerge with strategy ort failed.",
            _ => "",
        };
        let files = |l: &[&String]| l.iter().map(|p| format!("\t{p}")).collect::<Vec<_>>().join("\n");
        let mut blocks = Vec::new();
        if !list.is_empty() {
            blocks.push(format!(
                "error: Your local changes to the following files would be overwritten by merge:\n{}\nPlease commit your changes or stash them before you merge.",
                files(&list)
            ));
        }
        if !lost.is_empty() {
            blocks.push(format!(
                "error: The following untracked working tree files would be overwritten by merge:\n{}\nPlease move or remove them before you merge.",
                files(&lost)
            ));
        }
        return Err(GitError::Refused(format!("{}\nAborting{tail}", blocks.join("\n"))));
    }
    let mut conflicts = BTreeSet::new();
    let mut touched = BTreeSet::new();
    for (p, content, conflicted) in result {
        touched.insert(p.clone());
        match content {
            Some(text) => {
                ctx.work.insert(p.clone(), text.clone());
                if !conflicted {
                    ctx.repo.index.insert(p.clone(), text);
                }
            }
            None => {
                ctx.work.remove(&p);
                ctx.repo.index.remove(&p);
            }
        }
        if conflicted {
            conflicts.insert(p);
        }
    }
    if !conflicts.is_empty() {
        ctx.repo.merge = Some(MergeState {
            op,
            their: their_id.clone(),
            message: message.to_string(),
            conflicts: conflicts.clone(),
            touched,
        });
    }
    Ok(ThreeWay { notes, conflicts })
}

fn abort(ctx: &mut Ctx) -> Result<String, GitError> {
    let Some(m) = ctx.repo.merge.take_if(|m| !m.op.leaves_only_conflicts()) else {
        return Err(GitError::Fatal("There is no merge to abort (MERGE_HEAD missing).".into()));
    };
    let head = ctx.repo.head_tree();
    for p in &m.touched {
        match head.get(p) {
            Some(body) => {
                ctx.work.insert(p.clone(), body.clone());
                ctx.repo.index.insert(p.clone(), body.clone());
            }
            None => {
                ctx.work.remove(p);
                ctx.repo.index.remove(p);
            }
        }
    }
    // git aborts with `git reset --merge`.
    ctx.repo.save_orig_head();
    ctx.repo.log_head("reset: moving to HEAD");
    Ok(String::new())
}

/// ` f | 1 +` lines above git's summary line.
pub fn stat_with_files(old: &Tree, new: &Tree, summary_line: &str) -> String {
    let files = stat_lines(old, new);
    if files.is_empty() { summary_line.to_string() } else { format!("{}\n{summary_line}", files.join("\n")) }
}

/// git's `show_stats` layout in 80 columns: (name, graph, count) widths.
/// Names and graph get what they want; when that overflows, the graph
/// keeps at most 3/8 of the width (at least 6) and the name the rest.
fn stat_widths(max_len: usize, max_change: usize) -> (usize, usize, usize) {
    let num_w = max_change.to_string().len();
    let width = 80.max(16 + 6 + num_w);
    let (mut name_w, mut graph_w) = (max_len, max_change);
    if name_w + num_w + 6 + graph_w > width {
        let graph_room = (width * 3 / 8).saturating_sub(num_w + 6);
        if graph_w > graph_room {
            graph_w = graph_room.max(6);
        }
        if name_w > width - num_w - 6 - graph_w {
            name_w = width - num_w - 6 - graph_w;
        } else {
            graph_w = width - num_w - 6 - name_w;
        }
    }
    (name_w, graph_w, num_w)
}

/// A path padded to `width`, or cut from the left to `...` and its
/// last whole directories when it is longer, as git shortens it.
fn stat_name(path: &str, width: usize) -> String {
    let len = path.chars().count();
    if len <= width {
        return format!("{path:width$}");
    }
    let room = width.saturating_sub(3);
    let mut tail: &str = path.char_indices().nth(len - room).map_or("", |(at, _)| &path[at..]);
    if let Some(slash) = tail.find('/') {
        tail = &tail[slash..];
    }
    format!("...{tail:room$}")
}

/// The per-file lines of `--stat`: name padded, change count, `+`/`-` bar.
pub fn stat_lines(old: &Tree, new: &Tree) -> Vec<String> {
    let rows: Vec<(String, usize, usize)> = crate::diff::changes(old, new)
        .into_iter()
        .map(|c| match c {
            crate::diff::Change::Rename(from, to) => (crate::diff::rename_label(from, to), 0, 0),
            crate::diff::Change::Edit(p) => {
                let (i, d) = crate::diff::line_counts(
                    old.get(p).map_or("", String::as_str),
                    new.get(p).map_or("", String::as_str),
                );
                (p.to_string(), i, d)
            }
        })
        .collect();
    let max_len = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let max_change = rows.iter().map(|r| r.1 + r.2).max().unwrap_or(0);
    let (name_w, graph_w, num_w) = stat_widths(max_len, max_change);
    rows.iter()
        .map(|(p, i, d)| {
            let (mut plus, mut minus) = (*i, *d);
            if graph_w <= max_change {
                // git's scale_linear: any change keeps at least one mark.
                let scale = |n: usize| if n == 0 { 0 } else { 1 + n * (graph_w - 1) / max_change };
                let mut total = scale(i + d);
                if total < 2 && *i > 0 && *d > 0 {
                    total = 2;
                }
                if i < d {
                    plus = scale(*i);
                    minus = total - plus;
                } else {
                    minus = scale(*d);
                    plus = total - minus;
                }
            }
            let name = stat_name(p, name_w);
            let line = format!(" {name} | {:>num_w$} {}{}", i + d, "+".repeat(plus), "-".repeat(minus));
            // A rename changes no lines: no bar, and no space left for one.
            line.trim_end().to_string()
        })
        .collect()
}
