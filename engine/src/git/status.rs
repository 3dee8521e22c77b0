//! `git status` (long and `--short`): HEAD vs index vs working tree.

use super::args::{self, flag};
use super::{Ctx, GitError, tracking_info};
use crate::repo::{CommitId, Head, Operation, Repo, Tree, short};

/// `git status` options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusArgs {
    /// `-s`/`--short`.
    pub short: bool,
    /// `-b`/`--branch`: the short form starts with a `## branch` line (the
    /// long form always names the branch).
    pub branch: bool,
    /// `-uno`/`--untracked-files=no`: untracked files left out.
    pub hide_untracked: bool,
}

impl StatusArgs {
    /// Parses the words after `status`. The last of `--short`, `--long`
    /// and `--porcelain[=v1]` wins; porcelain v1 is the short form (the
    /// tutor has no colours to leave out).
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let mut words = Vec::new();
        let mut hide_untracked = false;
        for w in rest {
            match w.strip_prefix("--porcelain") {
                Some("" | "=v1" | "=1") => words.push("--short".to_string()),
                Some("=v2" | "=2") => {
                    return Err(GitError::Fatal(
                        "'git status --porcelain=v2' is not simulated in this tutor yet".into(),
                    ));
                }
                Some(v) if v.starts_with('=') => {
                    return Err(GitError::Fatal(format!("unsupported porcelain version '{}'", &v[1..])));
                }
                _ => match untracked_mode(w) {
                    // In a project without folders `normal` and `all` list the same.
                    Some(Ok(mode)) => hide_untracked = mode == "no",
                    Some(Err(e)) => return Err(e),
                    None => words.push(w.clone()),
                },
            }
        }
        let p = args::parse(
            &words,
            &[flag(Some('s'), "short"), flag(Some('b'), "branch"), flag(None, "long")],
            "status [<options>] [--] [<pathspec>...]",
        )?;
        // The project is one folder: `.` names all of it. Narrower paths
        // would filter every list, which the tutor does not do.
        if let Some(path) = p.positional.iter().find(|w| !matches!(w.as_str(), "." | "./" | ":/")) {
            return Err(GitError::Fatal(format!(
                "'git status {path}' (status of some paths) is not simulated in this tutor yet; git status shows them all"
            )));
        }
        let short = p.last(&["short", "long"]) == Some("short");
        Ok(Self { short, branch: p.has("branch"), hide_untracked })
    }
}

/// `-u[MODE]` / `--untracked-files[=MODE]`: the mode, when `w` is one.
fn untracked_mode(w: &str) -> Option<Result<&str, GitError>> {
    let mode = match w.strip_prefix("--untracked-files") {
        Some("") => "all",
        Some(m) => m.strip_prefix('=')?,
        None => match w.strip_prefix("-u") {
            Some("") => "all",
            Some(m) if !w.starts_with("--") => m,
            _ => return None,
        },
    };
    Some(match mode {
        "no" | "normal" | "all" => Ok(mode),
        other => Err(GitError::Fatal(format!("Invalid untracked files mode '{other}'"))),
    })
}

/// One path's state: staged (HEAD→index) and unstaged (index→worktree) codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The path.
    pub path: String,
    /// Index vs HEAD (`M`, `A`, `D`, `R`, `?`, `U`, or space).
    pub staged: char,
    /// Working tree vs index.
    pub unstaged: char,
    /// For a staged rename (`R`), the path it came from.
    pub from: Option<String>,
    /// In conflict: the two letters say what each side did (`UU` both
    /// modified, `UD` deleted by them, `DU` deleted by us, `AA` both added).
    pub unmerged: bool,
}

impl Entry {
    fn new(path: &str, staged: char, unstaged: char) -> Self {
        Self { path: path.to_string(), staged, unstaged, from: None, unmerged: false }
    }

    /// How the long status names an unmerged path's conflict.
    fn conflict_label(&self) -> &'static str {
        match (self.staged, self.unstaged) {
            ('U', 'D') => "deleted by them:",
            ('D', 'U') => "deleted by us:  ",
            ('A', 'A') => "both added:     ",
            ('D', 'D') => "both deleted:   ",
            _ => "both modified:  ",
        }
    }

    /// The path as status names it: `old -> new` for a rename.
    pub fn label(&self) -> String {
        match &self.from {
            Some(from) => format!("{from} -> {}", self.path),
            None => self.path.clone(),
        }
    }
}

/// What `git status --short` would list: tracked paths in path order (a
/// staged rename once, at its new path), then untracked files.
pub fn entries(repo: &Repo, work: &Tree) -> Vec<Entry> {
    let snapshot = repo.head_snapshot();
    let head = crate::repo::snapshot_tree(&snapshot);
    let conflicts = repo.merge.as_ref().map(|m| m.conflicts.clone()).unwrap_or_default();
    let sides = if conflicts.is_empty() { None } else { super::restore::conflict_trees(repo) };
    let renames: Vec<(&str, &str)> = crate::diff::changes(head, &repo.index)
        .into_iter()
        .filter_map(|c| match c {
            crate::diff::Change::Rename(from, to) => Some((from, to)),
            crate::diff::Change::Edit(_) => None,
        })
        .collect();
    let paths = crate::repo::paths_of(&[head, &repo.index, work]);
    let mut out = Vec::new();
    let mut untracked = Vec::new();
    for path in paths {
        if conflicts.contains(path) {
            // What each side did to the path, as git's index stages say.
            let (ours, theirs, base) = match &sides {
                Some((t, b)) => {
                    (head.contains_key(path), t.contains_key(path), b.as_ref().map(|b| b.contains_key(path)))
                }
                None => (true, true, None),
            };
            let (x, y) = match (ours, theirs) {
                (true, false) => ('U', 'D'),
                (false, true) => ('D', 'U'),
                (false, false) => ('D', 'D'),
                (true, true) if base == Some(false) => ('A', 'A'),
                (true, true) => ('U', 'U'),
            };
            out.push(Entry { unmerged: true, ..Entry::new(path, x, y) });
            continue;
        }
        let (h, i, w) = (head.get(path), repo.index.get(path), work.get(path));
        if i.is_none() && w.is_some() {
            untracked.push(Entry::new(path, '?', '?'));
        }
        if renames.iter().any(|(from, _)| from == path) {
            continue;
        }
        let staged = match (h, i) {
            (None, Some(_)) => 'A',
            (Some(_), None) => 'D',
            (Some(a), Some(b)) if a != b => 'M',
            _ => ' ',
        };
        let unstaged = match (i, w) {
            (Some(_), None) => 'D',
            (Some(a), Some(b)) if a != b => 'M',
            _ => ' ',
        };
        if staged != ' ' || unstaged != ' ' {
            let mut e = Entry::new(path, staged, unstaged);
            if let Some((from, _)) = renames.iter().find(|(_, to)| to == path) {
                e.staged = 'R';
                e.from = Some((*from).to_string());
            }
            out.push(e);
        }
    }
    out.extend(untracked);
    out
}

/// `git status --short`, one line per path.
pub fn short_lines(repo: &Repo, work: &Tree) -> Vec<String> {
    entries(repo, work).into_iter().map(|e| format!("{}{} {}", e.staged, e.unstaged, e.label())).collect()
}

/// Runs `git status`.
pub fn run(a: &StatusArgs, ctx: &mut Ctx) -> String {
    if !a.short {
        return long_listing(ctx.repo, ctx.work, !a.hide_untracked).0;
    }
    let mut lines = short_lines(ctx.repo, ctx.work);
    if a.hide_untracked {
        lines.retain(|l| !l.starts_with("??"));
    }
    if a.branch {
        lines.insert(0, branch_line(ctx.repo));
    }
    lines.join("\n")
}

/// `git status -sb`'s first line: `## main...origin/main [ahead 1]`.
fn branch_line(repo: &Repo) -> String {
    let b = match repo.head() {
        Head::Detached(_) => return "## HEAD (no branch)".to_string(),
        Head::Branch(b) => b,
    };
    let name = if repo.head_commit().is_none() { format!("No commits yet on {b}") } else { b.clone() };
    let Some(up) = repo.upstreams.get(b.as_str()) else {
        return format!("## {name}");
    };
    let theirs_name = up.tracking_ref();
    let counts = match (repo.remote_tracking.get(&theirs_name), repo.branches.get(b.as_str())) {
        (None, _) => " [gone]".to_string(),
        (Some(theirs), Some(ours)) => match repo.ahead_behind(ours, theirs) {
            (0, 0) => String::new(),
            (a, 0) => format!(" [ahead {a}]"),
            (0, n) => format!(" [behind {n}]"),
            (a, n) => format!(" [ahead {a}, behind {n}]"),
        },
        (Some(_), None) => String::new(),
    };
    format!("## {name}...{theirs_name}{counts}")
}

fn label(code: char) -> &'static str {
    match code {
        'A' => "new file:   ",
        'D' => "deleted:    ",
        'R' => "renamed:    ",
        _ => "modified:   ",
    }
}

/// `On branch NAME` or `HEAD detached at ID`: the first line of `git status`.
pub fn head_line(repo: &Repo) -> String {
    if let Some(seq) = repo.sequence.as_ref().filter(|s| s.op == Operation::Rebase) {
        // git's merge backend counts as an interactive rebase.
        return format!("interactive rebase in progress; onto {}", short(&seq.onto));
    }
    match repo.head() {
        Head::Branch(b) => format!("On branch {b}"),
        Head::Detached(id) => format!("HEAD detached at {}", short(id)),
    }
}

/// What `git status` says of a rebase stopped on a conflict (git's
/// `show_rebase_information`): the last two picks done, the next two to
/// do, and how to go on.
fn rebase_state(repo: &Repo, seq: &crate::repo::Sequence) -> Vec<String> {
    let pick = |id: &CommitId| {
        format!("   pick {} {}", short(id), repo.commit(id).map(|c| c.subject().to_string()).unwrap_or_default())
    };
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { many.to_string() };
    let mut out = Vec::new();
    let done = seq.done.len();
    if done == 0 {
        out.push("No commands done.".to_string());
    } else {
        out.push(format!(
            "{} ({done} {} done):",
            plural(done, "Last command done", "Last commands done"),
            plural(done, "command", "commands")
        ));
        out.extend(seq.done[done.saturating_sub(2)..].iter().map(pick));
        if done > 2 {
            out.push("  (see more in file .git/rebase-merge/done)".to_string());
        }
    }
    let left = seq.todo.len();
    if left == 0 {
        out.push("No commands remaining.".to_string());
    } else {
        out.push(format!(
            "{} ({left} remaining {}):",
            plural(left, "Next command to do", "Next commands to do"),
            plural(left, "command", "commands")
        ));
        out.extend(seq.todo.iter().take(2).map(pick));
        out.push("  (use \"git rebase --edit-todo\" to view and edit)".to_string());
    }
    let onto = short(&seq.onto);
    let state = |doing: &str| match &seq.branch {
        Some(b) => format!("You are currently {doing} branch '{b}' on '{onto}'."),
        None => format!("You are currently {}.", doing.trim_end_matches(" while rebasing")),
    };
    match &repo.merge {
        Some(m) if !m.conflicts.is_empty() => {
            out.push(state("rebasing"));
            out.push("  (fix conflicts and then run \"git rebase --continue\")".to_string());
            out.push("  (use \"git rebase --skip\" to skip this patch)".to_string());
            out.push("  (use \"git rebase --abort\" to check out the original branch)".to_string());
        }
        Some(_) => {
            out.push(state("rebasing"));
            out.push("  (all conflicts fixed: run \"git rebase --continue\")".to_string());
        }
        // The stopped pick's message is gone (a reset): git takes it that
        // the learner is editing the commit.
        None => {
            out.push(state("editing a commit while rebasing"));
            out.push("  (use \"git commit --amend\" to amend the current commit)".to_string());
            out.push("  (use \"git rebase --continue\" once you are satisfied with your changes)".to_string());
        }
    }
    out.push(String::new());
    out
}

/// The long `git status` text; `git commit` prints it too when there is nothing to commit.
pub fn long(repo: &Repo, work: &Tree) -> String {
    long_listing(repo, work, true).0
}

/// [`long`] as git prints it before more output: with the blank line git
/// ends a listing with when no closing sentence follows it.
pub fn long_before_more(repo: &Repo, work: &Tree) -> String {
    match long_listing(repo, work, true) {
        (text, true) => format!("{text}\n"),
        (text, false) => text,
    }
}

/// [`long`], with or without the untracked files (`-uno`), and whether git
/// ends it with a blank line.
fn long_listing(repo: &Repo, work: &Tree, show_untracked: bool) -> (String, bool) {
    let mut out = Vec::new();
    out.push(head_line(repo));
    if let Head::Branch(b) = repo.head()
        && let Some(info) = tracking_info(repo, b)
    {
        out.push(info);
        out.push(String::new());
    }
    let unborn = repo.head_commit().is_none();
    if unborn {
        out.push(String::new());
        out.push("No commits yet".to_string());
        out.push(String::new());
    }
    if let Some(seq) = repo.sequence.as_ref().filter(|s| s.op == Operation::Rebase) {
        out.extend(rebase_state(repo, seq));
    } else if let Some(m) = repo.merge.as_ref().filter(|m| matches!(m.op, Operation::CherryPick | Operation::Revert)) {
        let (doing, cmd) =
            if m.op == Operation::Revert { ("reverting", "revert") } else { ("cherry-picking", "cherry-pick") };
        out.push(format!("You are currently {doing} commit {}.", short(&m.their)));
        out.push(if m.conflicts.is_empty() {
            format!("  (all conflicts fixed: run \"git {cmd} --continue\")")
        } else {
            format!("  (fix conflicts and run \"git {cmd} --continue\")")
        });
        out.push(format!("  (use \"git {cmd} --skip\" to skip this patch)"));
        out.push(format!("  (use \"git {cmd} --abort\" to cancel the {cmd} operation)"));
        out.push(String::new());
    } else if let Some(m) = repo.merge.as_ref().filter(|m| m.op == Operation::Merge) {
        out.push(if m.conflicts.is_empty() {
            "All conflicts fixed but you are still merging.\n  (use \"git commit\" to conclude merge)".to_string()
        } else {
            "You have unmerged paths.\n  (fix conflicts and run \"git commit\")\n  (use \"git merge --abort\" to abort the merge)"
                .to_string()
        });
        out.push(String::new());
    }
    // Conflicts no MERGE_HEAD or CHERRY_PICK_HEAD stands behind (a stash's,
    // a squash's, a rebase's pick): git words them as it would for a commit.
    let from_commit = repo.merge.as_ref().is_some_and(|m| m.op.leaves_only_conflicts() || m.op == Operation::Rebase);
    let entries = entries(repo, work);
    let staged: Vec<&Entry> = entries.iter().filter(|e| !e.unmerged && !matches!(e.staged, ' ' | '?')).collect();
    let unmerged: Vec<&Entry> = entries.iter().filter(|e| e.unmerged).collect();
    let unstaged: Vec<&Entry> = entries.iter().filter(|e| !e.unmerged && matches!(e.unstaged, 'M' | 'D')).collect();
    let untracked: Vec<&Entry> = entries.iter().filter(|e| e.staged == '?' && show_untracked).collect();
    if !staged.is_empty() {
        out.push("Changes to be committed:".to_string());
        // A merge, cherry-pick or revert under way (git's MERGE_HEAD or
        // CHERRY_PICK_HEAD) gives no hint here.
        if unborn {
            out.push("  (use \"git rm --cached <file>...\" to unstage)".to_string());
        } else if repo.merge.is_none() || from_commit {
            out.push("  (use \"git restore --staged <file>...\" to unstage)".to_string());
        }
        out.extend(staged.iter().map(|e| format!("\t{}{}", label(e.staged), e.label())));
        out.push(String::new());
    }
    if !unmerged.is_empty() {
        out.push("Unmerged paths:".to_string());
        if from_commit {
            out.push("  (use \"git restore --staged <file>...\" to unstage)".to_string());
        }
        // git's wording follows what the conflicts deleted.
        let both_deleted = unmerged.iter().any(|e| (e.staged, e.unstaged) == ('D', 'D'));
        let one_deleted = unmerged.iter().any(|e| matches!((e.staged, e.unstaged), ('U', 'D') | ('D', 'U')));
        let kept = unmerged.iter().any(|e| e.staged != 'D' && e.unstaged != 'D');
        out.push(
            match (both_deleted, one_deleted) {
                (false, false) => "  (use \"git add <file>...\" to mark resolution)",
                (true, false) if !kept => "  (use \"git rm <file>...\" to mark resolution)",
                _ => "  (use \"git add/rm <file>...\" as appropriate to mark resolution)",
            }
            .to_string(),
        );
        out.extend(unmerged.iter().map(|e| format!("\t{} {}", e.conflict_label(), e.path)));
        out.push(String::new());
    }
    if !unstaged.is_empty() {
        out.push("Changes not staged for commit:".to_string());
        out.push(format!(
            "  (use \"git add{} <file>...\" to update what will be committed)",
            if unstaged.iter().any(|e| e.unstaged == 'D') { "/rm" } else { "" }
        ));
        out.push("  (use \"git restore <file>...\" to discard changes in working directory)".to_string());
        out.extend(unstaged.iter().map(|e| format!("\t{}{}", label(e.unstaged), e.path)));
        out.push(String::new());
    }
    if !untracked.is_empty() {
        out.push("Untracked files:".to_string());
        out.push("  (use \"git add <file>...\" to include in what will be committed)".to_string());
        out.extend(untracked.iter().map(|e| format!("\t{}", e.path)));
        out.push(String::new());
    }
    if !show_untracked && !staged.is_empty() {
        out.push("Untracked files not listed (use -u option to show untracked files)".to_string());
    }
    if !staged.is_empty() {
        // git ends here when something is staged, or unmerged by an operation.
    } else if !unmerged.is_empty() || !unstaged.is_empty() {
        out.push("no changes added to commit (use \"git add\" and/or \"git commit -a\")".to_string());
    } else if !untracked.is_empty() {
        out.push("nothing added to commit but untracked files present (use \"git add\" to track)".to_string());
    } else if unborn {
        out.push("nothing to commit (create/copy files and use \"git add\" to track)".to_string());
    } else if !show_untracked {
        out.push("nothing to commit (use -u to show untracked files)".to_string());
    } else {
        out.push("nothing to commit, working tree clean".to_string());
    }
    let blank = out.last().is_some_and(String::is_empty);
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    (out.join("\n"), blank)
}
