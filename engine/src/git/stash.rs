//! `git stash`: put local changes aside (a commit of the working tree on
//! HEAD and the index, as git records it), list them, and bring them back.

use super::args::{self, flag, value};
use super::merge::stat_with_files;
use super::{Ctx, GitError, status};
use crate::repo::{Commit, MergeState, Operation, Repo, StashEntry, Tree, short};
use crate::tree_merge;

/// What `git stash` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StashArgs {
    /// `git stash`, `git stash push [-m MSG] [-u]`, `git stash save [-u] [MSG]`.
    Push {
        /// `-m`: the entry's message.
        message: Option<String>,
        /// `-u`/`--include-untracked`: untracked files go too.
        untracked: bool,
        /// `-k`/`--keep-index`: what is staged stays, in the index and the
        /// working tree (`--no-keep-index` after it undoes it).
        keep_index: bool,
    },
    /// `git stash list [-p | --stat | --name-only | --name-status] [-n N]`:
    /// git's `log -g` of the stash, each entry with its diff when asked.
    List {
        /// What follows each entry (nothing when `None`).
        formats: Option<super::show::Formats>,
        /// `-n`/`--max-count`/`-N`: the newest this many.
        max: Option<usize>,
        /// Revisions or paths, which log would read too.
        revs: Vec<String>,
    },
    /// `git stash show [-u | --only-untracked] [-p | --stat | --name-only |
    /// --name-status] [STASH]`: the stat when no format is given.
    Show(Option<String>, Option<super::show::Formats>, Untracked),
    /// `git stash apply [--index] [STASH]` and `pop` (`pop`: drop it after).
    Apply {
        /// `pop`: drop the entry once applied.
        pop: bool,
        /// `--index`: what was staged comes back staged.
        index: bool,
        /// Which entry (`stash@{1}`); the newest when `None`.
        which: Option<String>,
    },
    /// `git stash branch NAME [STASH]`: the entry applied (index too) on a
    /// new branch at the commit it was made on, then dropped.
    Branch {
        /// The new branch.
        name: String,
        /// Which entry; the newest when `None`.
        which: Option<String>,
    },
    /// `git stash drop [STASH]`.
    Drop(Option<String>),
    /// `git stash clear`.
    Clear,
}

/// Whether `stash show` shows the untracked files a `stash -u` saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Untracked {
    /// The tracked changes alone (the default).
    Without,
    /// `-u`/`--include-untracked`: them too.
    Include,
    /// `--only-untracked`: them alone.
    Only,
}

const USAGE: &str = "stash [push [-p | --patch] [-S | --staged] [-k | --[no-]keep-index] [-q | --quiet]";

const PUSH_OPTIONS: [args::Opt; 4] = [
    value(Some('m'), "message"),
    flag(Some('u'), "include-untracked"),
    flag(Some('k'), "keep-index"),
    flag(None, "no-keep-index"),
];

/// The last of `--keep-index` and `--no-keep-index` wins, as in git.
fn keep_index(p: &args::Parsed) -> bool {
    p.last(&["keep-index", "no-keep-index"]) == Some("keep-index")
}

impl StashArgs {
    /// Parses the words after `git stash`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let (sub, args) = match rest.split_first() {
            Some((s, a)) if !s.starts_with('-') => (s.as_str(), a),
            _ => ("push", rest),
        };
        let one = |args: &[String], usage: &'static str| -> Result<Option<String>, GitError> {
            let p = args::parse(args, &[], usage)?;
            at_most_one(p.positional)
        };
        Ok(match sub {
            "push" => {
                let p = args::parse(args, &PUSH_OPTIONS, USAGE)?;
                if !p.positional.is_empty() {
                    return Err(GitError::Fatal("stashing only some paths is not simulated in this tutor yet".into()));
                }
                Self::Push {
                    message: p.value("message").map(str::to_string),
                    untracked: p.has("include-untracked"),
                    keep_index: keep_index(&p),
                }
            }
            "list" => {
                // `-3` is `-n 3`, as log reads it.
                let words: Vec<String> = args
                    .iter()
                    .map(|w| match w.strip_prefix('-').map(str::parse::<usize>) {
                        Some(Ok(n)) => format!("--max-count={n}"),
                        _ => w.clone(),
                    })
                    .collect();
                let spec = [super::show::FORMAT_OPTIONS.as_slice(), &[value(Some('n'), "max-count")]].concat();
                let p = args::parse(&words, &spec, "stash list [<log-options>]").map_err(args::as_revision_argument)?;
                let max = match p.value("max-count") {
                    Some(n) => Some(n.parse().map_err(|_| GitError::Fatal(format!("'{n}': not an integer")))?),
                    None => None,
                };
                let formats = super::show::Formats::from_opts(&p.opts)?.filter(|f| !f.is_empty());
                Self::List { formats, max, revs: p.positional }
            }
            "show" => {
                // stash's own options first: `-u` is not diff's `-u` here.
                let mut untracked = Untracked::Without;
                let mut rest = Vec::new();
                for a in args {
                    match a.as_str() {
                        "-u" | "--include-untracked" => untracked = Untracked::Include,
                        "--only-untracked" => untracked = Untracked::Only,
                        "--no-include-untracked" => untracked = Untracked::Without,
                        _ => rest.push(a.clone()),
                    }
                }
                let args = rest.as_slice();
                let p = args::parse(
                    args,
                    &super::show::FORMAT_OPTIONS,
                    "stash show [-u | --include-untracked | --only-untracked] [<diff-options>] [<stash>]",
                )?;
                let formats = super::show::Formats::from_opts(&p.opts)?;
                Self::Show(at_most_one(p.positional)?, formats, untracked)
            }
            "apply" | "pop" => {
                let usage = if sub == "pop" {
                    "stash pop [--index] [-q | --quiet] [<stash>]"
                } else {
                    "stash apply [--index] [-q | --quiet] [<stash>]"
                };
                let p = args::parse(args, &[flag(None, "index")], usage)?;
                Self::Apply { pop: sub == "pop", index: p.has("index"), which: at_most_one(p.positional)? }
            }
            "drop" => Self::Drop(one(args, "stash drop [-q | --quiet] [<stash>]")?),
            "clear" if args.is_empty() => Self::Clear,
            "clear" => return Err(GitError::Error("git stash clear with arguments is unimplemented".into())),
            "branch" => {
                let mut words = args::parse(args, &[], "stash branch <branchname> [<stash>]")?.positional;
                if words.is_empty() {
                    return Err(GitError::Refused("No branch name specified".into()));
                }
                let name = words.remove(0);
                Self::Branch { name, which: at_most_one(words)? }
            }
            "save" => {
                // The old spelling of push: its words are the message.
                let p = args::parse(
                    args,
                    &PUSH_OPTIONS,
                    "stash save [-p | --patch] [-S | --staged] [-k | --[no-]keep-index] [-q | --quiet]",
                )?;
                let message = if p.positional.is_empty() {
                    p.value("message").map(str::to_string)
                } else {
                    Some(p.positional.join(" "))
                };
                Self::Push { message, untracked: p.has("include-untracked"), keep_index: keep_index(&p) }
            }
            "create" | "store" => {
                return Err(GitError::Fatal(format!("'git stash {sub}' is not simulated in this tutor yet")));
            }
            other => {
                return Err(GitError::Fatal(format!(
                    "subcommand wasn't specified; 'push' can't be assumed due to unexpected token '{other}'"
                )));
            }
        })
    }
}

/// The one stash a subcommand names, if any; git refuses more.
fn at_most_one(mut revs: Vec<String>) -> Result<Option<String>, GitError> {
    if revs.len() > 1 {
        let named: Vec<String> = revs.iter().map(|r| format!("'{r}'")).collect();
        return Err(GitError::Refused(format!("Too many revisions specified: {}", named.join(" "))));
    }
    Ok(revs.pop())
}

/// `stash@{N}` (or `N`) to an index into the list, as git reads it.
fn entry(repo: &Repo, which: Option<&str>) -> Result<(usize, String), GitError> {
    if repo.stash.is_empty() {
        // With no refs/stash, a named entry is a name that resolves to nothing.
        return Err(match which {
            None => GitError::Refused("No stash entries found.".into()),
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                GitError::Error(format!("refs/stash@{{{n}}} is not a valid reference"))
            }
            Some(w) => GitError::Error(format!("{w} is not a valid reference")),
        });
    }
    let Some(which) = which else { return Ok((0, "refs/stash@{0}".to_string())) };
    let n = which.strip_prefix("stash@{").and_then(|r| r.strip_suffix('}')).unwrap_or(which).parse::<usize>();
    match n {
        Ok(n) if n < repo.stash.len() => Ok((n, which.to_string())),
        Ok(_) => Err(GitError::Fatal(format!("log for 'stash' only has {} entries", repo.stash.len()))),
        Err(_) => Err(GitError::Error(format!("{which} is not a valid reference"))),
    }
}

/// The tree of a stash commit's parent `n`: 0 the commit it was made on,
/// 1 the index, 2 the untracked files (`-u`); empty when it has none.
fn parent_tree(repo: &Repo, stash: &Commit, n: usize) -> Tree {
    stash.parents.get(n).and_then(|p| repo.commit(p)).map(|c| c.tree.clone()).unwrap_or_default()
}

/// The tracked files as the working tree has them: what a stash saves.
fn tracked_work(repo: &Repo, work: &Tree) -> Tree {
    // Built by insertion: collecting into a map sorts first (crate::order).
    let mut out = Tree::new();
    out.extend(repo.index.keys().filter_map(|p| work.get(p).map(|b| (p.clone(), b.clone()))));
    out
}

/// The files the index does not track: what `-u` stashes too.
fn untracked_work(repo: &Repo, work: &Tree) -> Tree {
    let mut out = Tree::new();
    out.extend(work.iter().filter(|(p, _)| !repo.index.contains_key(*p)).map(|(p, b)| (p.clone(), b.clone())));
    out
}

fn push(message: Option<&str>, (untracked, keep_index): (bool, bool), ctx: &mut Ctx) -> Result<String, GitError> {
    let Some(head) = ctx.repo.head_commit().cloned() else {
        return Err(GitError::Refused("You do not have the initial commit yet".into()));
    };
    let head_tree = ctx.repo.head_tree();
    let work = tracked_work(ctx.repo, ctx.work);
    let loose = if untracked { untracked_work(ctx.repo, ctx.work) } else { Tree::new() };
    if ctx.repo.index == head_tree && work == ctx.repo.index && loose.is_empty() {
        return Ok("No local changes to save".into());
    }
    let branch = ctx.repo.current_branch().unwrap_or("(no branch)").to_string();
    let subject = ctx.repo.commit(&head).map(|c| c.subject().to_string()).unwrap_or_default();
    let on = format!("{branch}: {} {subject}", short(&head));
    let time = ctx.tick();
    let index =
        Commit::new(vec![head.clone()], format!("index on {on}"), ctx.author.into(), time, ctx.repo.index.clone());
    let index_id = ctx.repo.insert(index);
    let title = match message {
        Some(m) => format!("On {branch}: {m}"),
        None => format!("WIP on {on}"),
    };
    let mut parents = vec![head.clone(), index_id];
    // git records untracked files as a third parent: a root commit of them alone.
    if !loose.is_empty() {
        let u = Commit::new(vec![], format!("untracked files on {on}"), ctx.author.into(), time, loose.clone());
        parents.push(ctx.repo.insert(u));
    }
    let stash = Commit::new(parents, title.clone(), ctx.author.into(), time, work);
    let commit = ctx.repo.insert(stash);
    ctx.repo.stash.insert(0, StashEntry { commit, message: title.clone() });
    let kept = keep_index.then(|| ctx.repo.index.clone());
    // git puts the changes away with `git reset --hard`.
    ctx.repo.save_orig_head();
    super::history::reset_hard(ctx, &head);
    ctx.repo.log_head("reset: moving to HEAD");
    for p in loose.keys() {
        ctx.work.remove(p);
    }
    if let Some(staged) = kept {
        // git then checks the stashed index out again (`checkout
        // --no-overlay <index tree> -- .`): staged work stays, in both.
        for p in ctx.repo.head_tree().keys().filter(|p| !staged.contains_key(*p)) {
            ctx.work.remove(p);
        }
        ctx.work.extend(staged.iter().map(|(p, b)| (p.clone(), b.clone())));
        ctx.repo.index = staged;
    }
    Ok(format!("Saved working directory and index state {title}"))
}

/// Merges stash `n` into the index and working tree, as `git stash apply` does:
/// changes come back unstaged, except files the stash had added. The inner
/// `Err` is git's report when it applied some of it and the entry must stay
/// (conflicts, or untracked files in the way).
/// `index`: the stashed index comes back staged too (`--index`, as
/// `stash branch` applies).
fn apply(n: usize, index: bool, ctx: &mut Ctx) -> Result<Result<Vec<String>, String>, GitError> {
    let Some(stash) = ctx.repo.commit(&ctx.repo.stash[n].commit).cloned() else {
        return Err(GitError::Refused("No stash entries found.".into()));
    };
    if ctx.repo.merge.as_ref().is_some_and(|m| m.op != Operation::Stash) {
        return Err(GitError::Refused("error: Cannot apply a stash in the middle of a merge".into()));
    }
    let base = parent_tree(ctx.repo, &stash, 0);
    let stashed_index = parent_tree(ctx.repo, &stash, 1);
    let ours = ctx.repo.index.clone();
    let merged = tree_merge::merge(&base, &ours, &stash.tree, "Updated upstream", "Stashed changes");
    let dirty: Vec<String> =
        merged.iter().filter(|m| ctx.work.get(&m.path) != ours.get(&m.path)).map(|m| m.path.clone()).collect();
    if !dirty.is_empty() {
        return Err(GitError::Refused(format!(
            "error: Your local changes to the following files would be overwritten by merge:\n{}\nPlease commit your changes or stash them before you merge.\nAborting",
            dirty.iter().map(|p| format!("\t{p}")).collect::<Vec<_>>().join("\n")
        )));
    }
    let mut notes = Vec::new();
    // git's merge says so when the stash changed no tracked file (only
    // untracked files were stashed), and goes on to restore the rest.
    if stash.tree == base {
        notes.push("Already up to date.".to_string());
    }
    let mut conflicts = std::collections::BTreeSet::new();
    for m in merged {
        if m.auto_merged {
            notes.push(format!("Auto-merging {}", m.path));
        }
        if m.conflict.is_some() {
            notes.push(format!("CONFLICT (content): Merge conflict in {}", m.path));
            conflicts.insert(m.path.clone());
        }
        match &m.content {
            Some(text) => {
                ctx.work.insert(m.path.clone(), text.clone());
            }
            None => {
                ctx.work.remove(&m.path);
                ctx.repo.index.remove(&m.path);
            }
        }
        // A file the stash added comes back staged; other changes unstaged
        // (staged too with `index`).
        let added = !base.contains_key(&m.path) && stashed_index.contains_key(&m.path);
        if added
            && m.conflict.is_none()
            && let Some(text) = m.content
        {
            ctx.repo.index.insert(m.path.clone(), text);
        }
        if index && m.conflict.is_none() && stashed_index.get(&m.path) != base.get(&m.path) {
            super::restore::put(&mut ctx.repo.index, &m.path, stashed_index.get(&m.path));
        }
    }
    if !conflicts.is_empty() {
        ctx.repo.merge = Some(MergeState {
            op: Operation::Stash,
            their: stash.id.clone(),
            message: String::new(),
            touched: conflicts.clone(),
            conflicts,
        });
        notes.push(status::long(ctx.repo, ctx.work));
        return Ok(Err(notes.join("\n")));
    }
    // Untracked files come back last, each only where nothing is in the way.
    let mut blocked = false;
    if let Some(loose) = stash.parents.get(2).and_then(|u| ctx.repo.commit(u)).map(|c| c.tree.clone()) {
        for (p, body) in loose {
            match ctx.work.entry(p) {
                std::collections::btree_map::Entry::Occupied(e) => {
                    notes.push(format!("{} already exists, no checkout", e.key()));
                    blocked = true;
                }
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(body);
                }
            }
        }
        if blocked {
            notes.push("error: could not restore untracked files from stash".into());
        }
    }
    if index && stashed_index != base {
        // git puts the stashed index back with a reset of its own.
        ctx.repo.log_head("reset: moving to HEAD");
    }
    notes.push(status::long_before_more(ctx.repo, ctx.work));
    Ok(if blocked { Err(notes.join("\n")) } else { Ok(notes) })
}

/// `git stash …`.
pub fn run(a: &StashArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    match a {
        StashArgs::Push { message, untracked, keep_index } => push(message.as_deref(), (*untracked, *keep_index), ctx),
        StashArgs::List { formats, max, revs } => {
            if let Some(rev) = revs.first() {
                return Err(if ctx.repo.resolve(rev).is_some() {
                    GitError::Fatal("'git stash list' with a revision is not simulated in this tutor yet".into())
                } else {
                    GitError::Fatal(format!("bad revision '{rev}'"))
                });
            }
            let repo = &*ctx.repo;
            let listed = repo.stash.iter().take(max.unwrap_or(usize::MAX)).enumerate();
            Ok(listed
                .map(|(i, e)| {
                    let line = format!("stash@{{{i}}}: {}", e.message);
                    let (Some(f), Some(stash)) = (formats, repo.commit(&e.commit)) else { return line };
                    let base = super::show::parent_tree(repo, stash);
                    // The entry's format is `%gd: %gs`, laid out as log lays out a format.
                    let pretty = super::pretty::Pretty::Medium;
                    super::show::with_diff(format!("{line}\n"), base, &stash.tree, *f, &pretty).trim_end().to_string()
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        StashArgs::Show(which, formats, untracked) => {
            let (n, _) = entry(ctx.repo, which.as_deref())?;
            let stash = ctx.repo.commit(&ctx.repo.stash[n].commit).cloned();
            let Some(stash) = stash else { return Ok(String::new()) };
            let loose = parent_tree(ctx.repo, &stash, 2);
            // The untracked files show as files the stash added.
            let (base, shown) = match untracked {
                Untracked::Without => (parent_tree(ctx.repo, &stash, 0), stash.tree.clone()),
                Untracked::Include => {
                    let mut shown = stash.tree.clone();
                    shown.extend(loose);
                    (parent_tree(ctx.repo, &stash, 0), shown)
                }
                Untracked::Only => (Tree::new(), loose),
            };
            if let Some(f) = formats {
                return Ok(super::show::diff_parts(&base, &shown, *f).join("\n\n").trim_end().to_string());
            }
            let stat = super::commit::summary(&base, &shown);
            let totals = stat.lines().next().unwrap_or_default().to_string();
            Ok(stat_with_files(&base, &shown, &totals))
        }
        StashArgs::Apply { pop, index, which } => {
            let (n, name) = entry(ctx.repo, which.as_deref())?;
            let mut out = match apply(n, *index, ctx)? {
                Ok(out) => out,
                Err(text) if *pop => {
                    return Err(GitError::Refused(format!(
                        "{text}\nThe stash entry is kept in case you need it again."
                    )));
                }
                Err(text) => return Err(GitError::Refused(text.trim_end().to_string())),
            };
            if *pop {
                let e = ctx.repo.stash.remove(n);
                out.push(format!("Dropped {name} ({})", e.commit));
            }
            Ok(out.join("\n").trim_end().to_string())
        }
        StashArgs::Branch { name, which } => {
            let (n, label) = entry(ctx.repo, which.as_deref())?;
            let stash = ctx.repo.commit(&ctx.repo.stash[n].commit).cloned();
            let base = stash.and_then(|c| c.parents.first().cloned()).unwrap_or_default();
            // git runs `checkout -b NAME BASE`, then `stash apply --index`.
            let create = super::checkout::CheckoutArgs {
                switch: false,
                target: Some(base),
                create: Some(name.clone()),
                reset: false,
                detach: false,
                paths: Vec::new(),
                dashdash: false,
                side: None,
                track: None,
            };
            let mut out = vec![super::checkout::run(&create, ctx)?];
            match apply(n, true, ctx)? {
                Ok(lines) => out.extend(lines),
                Err(text) => return Err(GitError::Refused(format!("{}\n{}", out.join("\n"), text.trim_end()))),
            }
            let e = ctx.repo.stash.remove(n);
            out.push(format!("Dropped {label} ({})", e.commit));
            Ok(out.join("\n"))
        }
        StashArgs::Drop(which) => {
            let (n, name) = entry(ctx.repo, which.as_deref())?;
            let e = ctx.repo.stash.remove(n);
            Ok(format!("Dropped {name} ({})", e.commit))
        }
        StashArgs::Clear => {
            ctx.repo.stash.clear();
            Ok(String::new())
        }
    }
}
