//! `git add` and `git commit`.

use super::args::{self, flag, value};
use super::restore::put;
use super::{Ctx, GitError, status};
use crate::diff::{Change, changes, line_counts, rename_label};
use crate::repo::{Commit, Head, Operation, Tree, short};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddArgs {
    /// `-A`/`--all`, `-u`/`--update`, or neither.
    pub scope: AddScope,
    /// `-n`/`--dry-run`: say what would be added, add nothing.
    pub dry_run: bool,
    /// `-v`/`--verbose`: say what is added.
    pub verbose: bool,
    pub paths: Vec<String>,
}

/// Which files `git add` looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddScope {
    /// The paths named.
    Named,
    /// `-A`/`--all`: every file, untracked ones and deletions too.
    All,
    /// `-u`/`--update`: only files git already tracks (changes and deletions).
    Update,
}

impl AddArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(Some('A'), "all"),
                flag(Some('u'), "update"),
                flag(Some('n'), "dry-run"),
                flag(Some('v'), "verbose"),
            ],
            "add [<options>] [--] <pathspec>...",
        )?;
        if p.has("all") && p.has("update") {
            return Err(GitError::Fatal("options '-A' and '-u' cannot be used together".into()));
        }
        let scope = if p.has("all") {
            AddScope::All
        } else if p.has("update") {
            AddScope::Update
        } else {
            AddScope::Named
        };
        Ok(Self { scope, dry_run: p.has("dry-run"), verbose: p.has("verbose"), paths: p.positional })
    }
}

pub fn add(a: &AddArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if a.paths.is_empty() && a.scope == AddScope::Named {
        // git prints this advice but still exits 0.
        return Ok("Nothing specified, nothing added.\nhint: Maybe you wanted to say 'git add .'?\nhint: Disable this message with \"git config advice.addEmptyPathspec false\"".into());
    }
    // `*` and the like are globs git matches itself (restore::matches).
    let specs: Vec<String> = a.paths.iter().map(|p| p.trim_start_matches("./").to_string()).collect();
    let named = |p: &String| specs.is_empty() || super::restore::named_by(&specs, p);
    // -u stages only what git tracks; otherwise untracked files come too.
    let mut targets: Vec<String> = ctx.repo.index.keys().filter(|p| named(p)).cloned().collect();
    if a.scope != AddScope::Update {
        targets.extend(ctx.work.keys().filter(|p| named(p)).cloned());
    }
    crate::order::sort(&mut targets);
    targets.dedup();
    for spec in &specs {
        if !targets.iter().any(|p| super::restore::matches(spec, p)) {
            // With -u, a file that exists but is untracked is "not known to git".
            let exists = ctx.work.keys().any(|p| super::restore::matches(spec, p));
            return Err(if exists {
                GitError::PathspecNoMatch(spec.clone())
            } else {
                GitError::AddNoMatch(spec.clone())
            });
        }
    }
    let mut said = Vec::new();
    for p in targets {
        let body = ctx.work.get(&p);
        if ctx.repo.index.get(&p) != body && (a.dry_run || a.verbose) {
            said.push(format!("{} '{p}'", if body.is_some() { "add" } else { "remove" }));
        }
        if a.dry_run {
            continue;
        }
        put(&mut ctx.repo.index, &p, body);
        if let Some(m) = ctx.repo.merge.as_mut() {
            m.conflicts.remove(&p);
        }
    }
    Ok(said.join("\n"))
}

// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommitArgs {
    pub message: Option<String>,
    pub all: bool,
    pub allow_empty: bool,
    /// `--amend`: replace HEAD's commit instead of adding one on top.
    pub amend: bool,
    /// `--no-edit`: keep the message (amend) or the prepared one (merge).
    pub no_edit: bool,
    /// `git commit PATH…`: only those files, as the working tree has them
    /// (git's `--only`); what else is staged stays staged.
    pub paths: Vec<String>,
}

impl CommitArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(Some('a'), "all"),
                value(Some('m'), "message"),
                flag(None, "allow-empty"),
                flag(None, "no-edit"),
                flag(None, "amend"),
                // -v only adds the diff to the editor's template; with -m
                // (the tutor has no editor) git prints the same without it.
                flag(Some('v'), "verbose"),
            ],
            "commit [-a | --interactive | --patch] [-s] [-v] [-u<mode>] [--amend]",
        )?;
        if let Some(first) = p.positional.first()
            && p.has("all")
        {
            return Err(GitError::Fatal(format!("paths '{first} ...' with -a does not make sense")));
        }
        let messages = p.values("message");
        let message = (!messages.is_empty()).then(|| messages.join("\n\n"));
        Ok(Self {
            message,
            all: p.has("all"),
            allow_empty: p.has("allow-empty"),
            amend: p.has("amend"),
            no_edit: p.has("no-edit"),
            paths: p.positional,
        })
    }
}

/// The refusal when a message would need an editor.
fn no_editor(amend: bool) -> GitError {
    let hint = if amend {
        "hint: Keep the message with --no-edit, or give a new one: git commit --amend -m \"Describe your change\""
    } else {
        "hint: Give the message on the command line: git commit -m \"Describe your change\""
    };
    GitError::Error(format!("this terminal has no text editor for a commit message.\n{hint}"))
}

pub fn commit(a: &CommitArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if a.amend {
        amend_refusal(ctx)?;
    }
    // git refuses a partial commit before it looks at unmerged files.
    if let Some(m) = ctx.repo.merge.as_ref().filter(|_| !a.paths.is_empty()) {
        let during = match m.op {
            Operation::CherryPick => "cherry-pick",
            Operation::Rebase => "rebase",
            _ => "merge",
        };
        return Err(GitError::Fatal(format!("cannot do a partial commit during a {during}.")));
    }
    if let Some(m) = &ctx.repo.merge
        && !m.conflicts.is_empty()
    {
        return Err(unmerged_refusal(&m.conflicts));
    }
    if a.all {
        let tracked: Vec<String> = ctx.repo.index.keys().cloned().collect();
        for p in tracked {
            match ctx.work.get(&p) {
                Some(body) => ctx.repo.index.insert(p, body.clone()),
                None => ctx.repo.index.remove(&p),
            };
        }
    }
    if a.amend && !a.paths.is_empty() {
        return Err(GitError::Fatal("'git commit --amend PATH' is not simulated in this tutor yet".into()));
    }
    if a.amend {
        return amend(a, ctx);
    }
    let parent = ctx.repo.head_commit().cloned();
    let head_tree = ctx.repo.head_tree();
    let merging = ctx.repo.merge.clone();
    let (tree, named) =
        if a.paths.is_empty() { (ctx.repo.index.clone(), Vec::new()) } else { partial_tree(a, ctx, &head_tree)? };
    if tree == head_tree && !a.allow_empty && merging.is_none() {
        return Err(GitError::Refused(status::long(ctx.repo, ctx.work)));
    }
    let message = match (&a.message, &merging) {
        (Some(m), _) => m.clone(),
        (None, Some(m)) => m.message.clone(),
        // `--no-edit` keeps the message there is: none, so git gives up.
        (None, None) if a.no_edit => {
            return Err(GitError::Refused("Aborting commit due to empty commit message.".into()));
        }
        (None, None) => return Err(no_editor(false)),
    };
    if message.trim().is_empty() {
        return Err(GitError::Refused("Aborting commit due to empty commit message.".into()));
    }
    let mut parents: Vec<String> = parent.iter().cloned().collect();
    if let Some(m) = merging.as_ref().filter(|m| m.op == crate::repo::Operation::Merge) {
        parents.push(m.their.clone());
    }
    let time = ctx.tick();
    let c = Commit::new(parents, message.clone(), ctx.author.to_string(), time, tree.clone());
    let id = ctx.repo.insert(c);
    ctx.repo.advance_head(id.clone());
    for p in named {
        put(&mut ctx.repo.index, &p, tree.get(&p));
    }
    let kind = match merging.as_ref().map(|m| m.op) {
        Some(Operation::Merge) => "commit (merge)",
        Some(Operation::CherryPick) => "commit (cherry-pick)",
        _ if parent.is_none() => "commit (initial)",
        _ => "commit",
    };
    ctx.repo.log_head(format!("{kind}: {}", message.lines().next().unwrap_or("")));
    ctx.repo.merge = None;
    let where_ = match ctx.repo.head() {
        Head::Branch(b) if parent.is_none() => format!("{b} (root-commit)"),
        Head::Branch(b) => b.clone(),
        Head::Detached(_) => "detached HEAD".to_string(),
    };
    let subject = message.lines().next().unwrap_or("");
    let mut out = format!("[{where_} {}] {subject}", short(&id));
    if merging.as_ref().is_none_or(|m| m.op != crate::repo::Operation::Merge) {
        let summary = summary(&head_tree, &tree);
        if !summary.is_empty() {
            out.push('\n');
            out.push_str(&summary);
        }
    }
    Ok(out)
}

/// `git commit PATH…`: HEAD's files with the named ones as the working
/// tree has them, and the paths named (the index takes them once committed).
fn partial_tree(a: &CommitArgs, ctx: &Ctx, head_tree: &Tree) -> Result<(Tree, Vec<String>), GitError> {
    let mut named: Vec<String> = Vec::new();
    for spec in &a.paths {
        let hits: Vec<&String> = ctx.repo.index.keys().filter(|p| super::restore::matches(spec, p)).collect();
        if hits.is_empty() {
            return Err(GitError::PathspecNoMatch(spec.clone()));
        }
        named.extend(hits.into_iter().cloned());
    }
    let mut tree = head_tree.clone();
    for p in &named {
        put(&mut tree, p, ctx.work.get(p));
    }
    Ok((tree, named))
}

/// What stops `git commit --amend` before anything changes.
fn amend_refusal(ctx: &Ctx) -> Result<(), GitError> {
    if ctx.repo.head_commit().is_none() {
        return Err(GitError::Fatal("You have nothing to amend.".into()));
    }
    let during = match (ctx.repo.sequence.as_ref().map(|s| s.op), ctx.repo.merge.as_ref().map(|m| m.op)) {
        (Some(Operation::Rebase), _) => Some("rebase"),
        (_, Some(Operation::Merge)) => Some("merge"),
        (Some(Operation::CherryPick), _) | (_, Some(Operation::CherryPick)) => Some("cherry-pick"),
        _ => None,
    };
    match during {
        Some(op) => Err(GitError::Fatal(format!("You are in the middle of a {op} -- cannot amend."))),
        None => Ok(()),
    }
}

/// `git commit --amend`: a new commit with HEAD's parents and the index,
/// taking HEAD's place; the old one is left to the reflog, as in git.
fn amend(a: &CommitArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let Some(old) = ctx.repo.head_snapshot() else {
        return Err(GitError::Fatal("You have nothing to amend.".into()));
    };
    let message = match (&a.message, a.no_edit) {
        (Some(m), _) => m.clone(),
        (None, true) => old.message.clone(),
        (None, false) => return Err(no_editor(true)),
    };
    if message.trim().is_empty() {
        return Err(GitError::Refused("Aborting commit due to empty commit message.".into()));
    }
    let parent_tree = old.parents.first().and_then(|p| ctx.repo.commit(p)).map(|c| c.tree.clone()).unwrap_or_default();
    if ctx.repo.index == parent_tree && !a.allow_empty {
        // git shows the status (without its last line) and says why.
        let status = status::long(ctx.repo, ctx.work);
        let mut lines: Vec<&str> = status.lines().collect();
        lines.pop();
        return Err(GitError::Refused(format!(
            "You asked to amend the most recent commit, but doing so would make\nit empty. You can repeat your command with --allow-empty, or you can\nremove the commit entirely with \"git reset HEAD^\".\n{}\nNo changes",
            lines.join("\n").trim_end()
        )));
    }
    let time = ctx.tick();
    let c = Commit::new(old.parents.clone(), message.clone(), ctx.author.to_string(), time, ctx.repo.index.clone());
    let id = ctx.repo.insert(c);
    ctx.repo.advance_head(id.clone());
    ctx.repo.log_head(format!("commit (amend): {}", message.lines().next().unwrap_or("")));
    let where_ = match ctx.repo.head() {
        Head::Branch(b) => b.clone(),
        Head::Detached(_) => "detached HEAD".to_string(),
    };
    // git keeps the author date and says so.
    let mut out = format!(
        "[{where_} {}] {}\n Date: {}",
        short(&id),
        message.lines().next().unwrap_or(""),
        crate::clock::git_date(old.time)
    );
    let summary = summary(&parent_tree, &ctx.repo.index);
    if !summary.is_empty() {
        out.push('\n');
        out.push_str(&summary);
    }
    Ok(out)
}

/// `git commit` (and `cherry-pick --continue`) with conflicts unresolved:
/// git lists the unmerged paths, then refuses.
pub fn unmerged_refusal(conflicts: &std::collections::BTreeSet<String>) -> GitError {
    let paths: Vec<String> = conflicts.iter().map(|p| format!("U\t{p}")).collect();
    GitError::Refused(format!(
        "{}\nerror: Committing is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\nfatal: Exiting because of an unresolved conflict.",
        paths.join("\n")
    ))
}

/// git's diffstat summary (` 2 files changed, 3 insertions(+)`) plus
/// `create mode`/`delete mode`/`rename` lines. Empty when the trees are equal.
pub fn summary(old: &Tree, new: &Tree) -> String {
    let (files, ins, del) = totals(old, new);
    if files == 0 {
        return String::new();
    }
    let mut line = format!(" {files} file{} changed", if files == 1 { "" } else { "s" });
    // git prints insertions unless only deletions happened, and vice versa.
    if ins > 0 || del == 0 {
        line.push_str(&format!(", {ins} insertion{}(+)", if ins == 1 { "" } else { "s" }));
    }
    if del > 0 || ins == 0 {
        line.push_str(&format!(", {del} deletion{}(-)", if del == 1 { "" } else { "s" }));
    }
    let modes = changes(old, new).into_iter().filter_map(|c| match c {
        Change::Rename(from, to) => Some(format!(" rename {} (100%)", rename_label(from, to))),
        Change::Edit(p) => match (old.get(p), new.get(p)) {
            (None, Some(_)) => Some(format!(" create mode 100644 {p}")),
            (Some(_), None) => Some(format!(" delete mode 100644 {p}")),
            _ => None,
        },
    });
    std::iter::once(line).chain(modes).collect::<Vec<_>>().join("\n")
}

/// Files changed, lines inserted and lines deleted between two trees (an
/// exact rename is one file, no lines).
pub fn totals(old: &Tree, new: &Tree) -> (usize, usize, usize) {
    let (mut files, mut ins, mut del) = (0, 0, 0);
    for c in changes(old, new) {
        files += 1;
        if let Change::Edit(p) = c {
            let (i, d) = line_counts(old.get(p).map_or("", String::as_str), new.get(p).map_or("", String::as_str));
            ins += i;
            del += d;
        }
    }
    (files, ins, del)
}
