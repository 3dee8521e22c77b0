//! `git branch`: list, create, delete (`-d`/`-D`), rename (`-m`), `-a`, `-vv`.

use super::args::{self, flag, value};
use super::{Ctx, GitError};
use crate::refname::is_valid_branch_name;
use crate::repo::{CommitId, Head, Repo, Upstream, short};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BranchArgs {
    List(ListArgs),
    /// `--show-current`.
    ShowCurrent,
    Create {
        name: String,
        start: Option<String>,
    },
    Delete {
        names: Vec<String>,
        force: bool,
        /// `-r`: remote-tracking branches (`origin/x`), not local ones.
        remotes: bool,
    },
    Rename {
        old: Option<String>,
        new: String,
        force: bool,
    },
    /// `-u`/`--set-upstream-to=UPSTREAM [BRANCH]`.
    SetUpstream {
        upstream: String,
        branch: Option<String>,
    },
    /// `--unset-upstream [BRANCH]`.
    UnsetUpstream {
        branch: Option<String>,
    },
}

/// What `git branch` lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListArgs {
    /// `-a`: local and remote-tracking branches.
    pub all: bool,
    /// `-r`: remote-tracking branches only.
    pub remotes: bool,
    /// `-v` count.
    pub verbose: u8,
    /// `--merged`, `--no-merged`, `--contains`, `--no-contains`, each with
    /// its commit (HEAD when none is given): a branch is listed when every
    /// one holds.
    pub filters: Vec<(Filter, Option<String>)>,
    /// `--list PATTERN...`: only names matching one of them.
    pub patterns: Vec<String>,
    /// `--sort=KEY`, as given (the last is the first key).
    pub sort: Vec<super::ref_sort::SortKey>,
}

/// One of `git branch`'s listing filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// `--merged C`: the branch's tip is in C's history.
    Merged,
    /// `--no-merged C`.
    NoMerged,
    /// `--contains C`: C is in the branch's history.
    Contains,
    /// `--no-contains C`.
    NoContains,
}

impl Filter {
    const ALL: [(&'static str, Self); 4] = [
        ("merged", Self::Merged),
        ("no-merged", Self::NoMerged),
        ("contains", Self::Contains),
        ("no-contains", Self::NoContains),
    ];

    /// The filters among the options given, in order, each reading the
    /// next of `words` as its commit (git's `--contains [<commit>]`).
    pub(super) fn from_opts(opts: &[(&str, Option<String>)], words: &mut Vec<String>) -> Vec<(Self, Option<String>)> {
        opts.iter()
            .filter_map(|(l, _)| Self::ALL.iter().find(|(n, _)| n == l).map(|(_, f)| *f))
            .map(|f| (f, (!words.is_empty()).then(|| words.remove(0))))
            .collect()
    }

    /// Each filter with the commit it names (HEAD when none), or git's
    /// refusal: `--contains` words it as an error, `--merged` as fatal.
    pub(super) fn resolve(repo: &Repo, given: &[(Self, Option<String>)]) -> Result<Vec<(Self, CommitId)>, GitError> {
        given
            .iter()
            .map(|(filter, rev)| {
                let rev = rev.as_deref().unwrap_or("HEAD");
                repo.resolve(rev).map(|id| (*filter, id)).ok_or_else(|| {
                    let text = format!("malformed object name {rev}");
                    match filter {
                        Self::Contains | Self::NoContains => GitError::Error(text),
                        Self::Merged | Self::NoMerged => GitError::Fatal(text),
                    }
                })
            })
            .collect()
    }

    /// Whether a branch at `tip` passes, against `commit`.
    pub(super) fn keeps(self, repo: &Repo, tip: &str, commit: &str) -> bool {
        match self {
            Self::Merged => repo.is_ancestor(tip, commit),
            Self::NoMerged => !repo.is_ancestor(tip, commit),
            Self::Contains => repo.is_ancestor(commit, tip),
            Self::NoContains => !repo.is_ancestor(commit, tip),
        }
    }
}

const USAGE: &str = "branch [<options>] [-r | -a] [--merged] [--no-merged]";

impl BranchArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(Some('a'), "all"),
                flag(Some('d'), "delete"),
                flag(Some('D'), "force-delete"),
                flag(Some('f'), "force"),
                flag(Some('m'), "move"),
                flag(Some('M'), "force-move"),
                flag(Some('v'), "verbose"),
                flag(Some('l'), "list"),
                flag(Some('r'), "remotes"),
                flag(None, "show-current"),
                flag(None, "merged"),
                flag(None, "no-merged"),
                flag(None, "contains"),
                flag(None, "no-contains"),
                value(Some('u'), "set-upstream-to"),
                flag(None, "unset-upstream"),
                value(None, "sort"),
            ],
            USAGE,
        )?;
        let mut pos = p.positional.clone();
        // One mode at a time, as git's cmd_branch counts them.
        let modes = [
            p.has("delete") || p.has("force-delete"),
            p.has("move") || p.has("force-move"),
            p.value("set-upstream-to").is_some(),
            p.has("show-current"),
            p.has("list"),
            p.has("unset-upstream"),
        ];
        if modes.iter().filter(|m| **m).count() > 1 {
            return Err(GitError::Refused(format!("usage: git {USAGE}")));
        }
        if modes[0] && p.has("all") {
            return Err(GitError::Fatal("cannot use -a with -d".into()));
        }
        if let Some(upstream) = p.value("set-upstream-to") {
            if pos.len() > 1 {
                return Err(GitError::Fatal("too many arguments to set new upstream".into()));
            }
            return Ok(Self::SetUpstream { upstream: upstream.to_string(), branch: pos.pop() });
        }
        if p.has("unset-upstream") {
            if pos.len() > 1 {
                return Err(GitError::Fatal("too many arguments to unset upstream".into()));
            }
            return Ok(Self::UnsetUpstream { branch: pos.pop() });
        }
        if p.has("delete") || p.has("force-delete") {
            if pos.is_empty() {
                return Err(GitError::Fatal("branch name required".into()));
            }
            let force = p.has("force-delete") || p.has("force");
            return Ok(Self::Delete { names: pos, force, remotes: p.has("remotes") });
        }
        if p.has("move") || p.has("force-move") {
            let force = p.has("force-move") || p.has("force");
            return match pos.len() {
                1 => Ok(Self::Rename { old: None, new: pos.remove(0), force }),
                2 => {
                    let new = pos.remove(1);
                    Ok(Self::Rename { old: Some(pos.remove(0)), new, force })
                }
                0 => Err(GitError::Fatal("branch name required".into())),
                _ => Err(GitError::Fatal("too many arguments for a rename operation".into())),
            };
        }
        if p.has("show-current") {
            // git ignores any other words here.
            return Ok(Self::ShowCurrent);
        }
        let verbose = p.opts.iter().filter(|(l, _)| *l == "verbose").count() as u8;
        let filters = Filter::from_opts(&p.opts, &mut pos);
        if !filters.is_empty() || p.has("remotes") || p.has("all") || p.has("list") || p.has("sort") || pos.is_empty() {
            let patterns = std::mem::take(&mut pos);
            let sort = p
                .values("sort")
                .into_iter()
                .map(|v| super::ref_sort::SortKey::parse(v, true))
                .collect::<Result<_, _>>()?;
            return Ok(Self::List(ListArgs {
                sort,
                all: p.has("all"),
                remotes: p.has("remotes"),
                verbose,
                filters,
                patterns,
            }));
        }
        if pos.len() > 2 {
            return Err(GitError::Fatal("too many arguments".into()));
        }
        let start = (pos.len() == 2).then(|| pos.remove(1));
        Ok(Self::Create { name: pos.remove(0), start })
    }
}

/// `git branch -u UPSTREAM [BRANCH]`: a remote-tracking branch becomes the
/// branch's upstream (what `git pull`, `git push` and `status` compare with).
fn set_upstream(repo: &mut Repo, upstream: &str, branch: Option<&str>) -> Result<String, GitError> {
    let name = match branch.or(repo.current_branch()) {
        Some(b) => b.to_string(),
        None => {
            return Err(GitError::Fatal(format!(
                "could not set upstream of HEAD to {upstream} when it does not point to any branch."
            )));
        }
    };
    if !repo.branches.contains_key(&name) {
        return Err(GitError::Fatal(format!("branch '{name}' does not exist")));
    }
    let tracking = upstream.strip_prefix("refs/remotes/").unwrap_or(upstream);
    if repo.remote_tracking.contains_key(tracking)
        && let Some((remote, theirs)) = tracking.split_once('/')
        && repo.remotes.contains_key(remote)
    {
        let up = Upstream { remote: remote.to_string(), branch: theirs.to_string() };
        let msg = format!("branch '{name}' set up to track '{}'.", up.tracking_ref());
        repo.upstreams.insert(name, up);
        return Ok(msg);
    }
    if repo.branches.contains_key(upstream) {
        return Err(GitError::Fatal(
            "a local branch as upstream (`git branch -u main`) is not simulated in this tutor yet; use a remote-tracking branch such as origin/main".into(),
        ));
    }
    Err(GitError::Fatal(format!(
        "the requested upstream branch '{upstream}' does not exist\nhint:\nhint: If you are planning on basing your work on an upstream\nhint: branch that already exists at the remote, you may need to\nhint: run \"git fetch\" to retrieve it.\nhint:\nhint: If you are planning to push out a new local branch that\nhint: will track its remote counterpart, you may want to use\nhint: \"git push -u\" to set the upstream config as you push.\nhint: Disable this message with \"git config advice.setUpstreamFailure false\""
    )))
}

/// The refusals git gives before creating branch `name` (name rules, existing
/// branch, and a `refs/heads` path clash such as `main/x` beside `main`).
pub fn check_new_branch(repo: &Repo, name: &str, force: bool) -> Result<(), GitError> {
    if !is_valid_branch_name(name) {
        return Err(GitError::InvalidBranchName(name.to_string()));
    }
    if repo.branches.contains_key(name) && !force {
        return Err(GitError::BranchExists(name.to_string()));
    }
    for existing in repo.branches.keys() {
        let clash = name.strip_prefix(existing.as_str()).is_some_and(|r| r.starts_with('/'))
            || existing.strip_prefix(name).is_some_and(|r| r.starts_with('/'));
        if clash {
            return Err(GitError::RefPathClash { new: name.to_string(), existing: existing.clone() });
        }
    }
    Ok(())
}

/// Why a start point names nothing: git words a missing upstream (`@{u}`) apart.
fn upstream_error(repo: &Repo, start: &str) -> GitError {
    missing_upstream(repo, start).unwrap_or_else(|| GitError::NotValidObjectName(start.to_string()))
}

/// git's words when `rev` asks for an upstream (`@{u}`, `main@{u}`) that
/// is not there; `None` when it asks for none.
pub(super) fn missing_upstream(repo: &Repo, rev: &str) -> Option<GitError> {
    let b = crate::repo::upstream_of_rev(rev)?;
    let b = if b.is_empty() { repo.current_branch().unwrap_or("HEAD") } else { b };
    Some(if repo.branches.contains_key(b) {
        GitError::Fatal(format!("no upstream configured for branch '{b}'"))
    } else {
        GitError::Fatal(format!("no such branch: '{b}'"))
    })
}

/// Resolves the start point of a new branch and, as `branch.autoSetupMerge`
/// does by default, the upstream it gets when that start is a remote-tracking ref.
pub fn start_point(repo: &Repo, start: Option<&str>) -> Result<(CommitId, Option<Upstream>), GitError> {
    let Some(start) = start else {
        return match repo.head_commit() {
            Some(id) => Ok((id.clone(), None)),
            None => Err(GitError::NotValidObjectName(repo.current_branch().unwrap_or("HEAD").to_string())),
        };
    };
    let id = repo.resolve(start).ok_or_else(|| upstream_error(repo, start))?;
    let upstream = match repo.tracking_name(start) {
        Some(tracking) if !repo.branches.contains_key(start) => {
            tracking.split_once('/').map(|(remote, branch)| Upstream { remote: remote.into(), branch: branch.into() })
        }
        _ => None,
    };
    Ok((id, upstream))
}

pub fn run(a: &BranchArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &mut *ctx.repo;
    match a {
        BranchArgs::List(l) => list(repo, l),
        BranchArgs::ShowCurrent => Ok(repo.current_branch().unwrap_or_default().to_string()),
        BranchArgs::Create { name, start } => {
            check_new_branch(repo, name, false)?;
            let (id, upstream) = start_point(repo, start.as_deref())?;
            repo.branches.insert(name.clone(), id);
            Ok(match upstream {
                Some(up) => {
                    let msg = format!("branch '{name}' set up to track '{}'.", up.tracking_ref());
                    repo.upstreams.insert(name.clone(), up);
                    msg
                }
                None => String::new(),
            })
        }
        BranchArgs::SetUpstream { upstream, branch } => set_upstream(repo, upstream, branch.as_deref()),
        BranchArgs::UnsetUpstream { branch } => {
            let name = match branch.as_deref().or(repo.current_branch()) {
                Some(b) => b.to_string(),
                None => {
                    return Err(GitError::Fatal(
                        "could not unset upstream of HEAD when it does not point to any branch.".into(),
                    ));
                }
            };
            if repo.upstreams.remove(&name).is_none() {
                return Err(GitError::Fatal(format!("branch '{name}' has no upstream information")));
            }
            Ok(String::new())
        }
        BranchArgs::Delete { names, force, remotes } => {
            let mut out = Vec::new();
            let mut failed = None;
            for name in names {
                let deleted = if *remotes { delete_tracking(repo, name) } else { delete(repo, name, *force) };
                match deleted {
                    Ok(msg) => out.push(msg),
                    Err(e) => {
                        out.push(e.to_string());
                        failed = Some(e);
                    }
                }
            }
            match failed {
                Some(_) => Err(GitError::Refused(out.join("\n"))),
                None => Ok(out.join("\n")),
            }
        }
        BranchArgs::Rename { old, new, force } => {
            let old = match old {
                Some(o) => o.clone(),
                None => repo
                    .current_branch()
                    .map(str::to_string)
                    .ok_or_else(|| GitError::Fatal("cannot rename the current branch while not on any".into()))?,
            };
            let Some(id) = repo.branches.get(&old).cloned() else {
                return Err(GitError::Fatal(format!("no branch named '{old}'")));
            };
            if old != *new {
                let mut without = repo.clone();
                without.branches.remove(&old);
                check_new_branch(&without, new, *force)?;
            }
            repo.branches.remove(&old);
            repo.branches.insert(new.clone(), id);
            if let Some(up) = repo.upstreams.remove(&old) {
                repo.upstreams.insert(new.clone(), up);
            }
            if repo.current_branch() == Some(old.as_str()) {
                repo.head = Head::Branch(new.clone());
                // git logs the old ref's end (shown by no reflog listing,
                // but counted) and the rename.
                repo.reflog.push(std::sync::Arc::new(crate::repo::ReflogEntry { id: None, message: String::new() }));
                repo.log_head(format!("Branch: renamed refs/heads/{old} to refs/heads/{new}"));
            }
            Ok(String::new())
        }
    }
}

fn delete(repo: &mut Repo, name: &str, force: bool) -> Result<String, GitError> {
    if repo.current_branch() == Some(name) {
        return Err(GitError::DeleteCurrent(name.to_string()));
    }
    let Some(id) = repo.branches.get(name).cloned() else {
        return Err(GitError::BranchNotFound(name.to_string()));
    };
    let mut warning = String::new();
    if !force {
        // git checks against the branch's upstream when it has one, else HEAD.
        let upstream = repo.upstreams.get(name).and_then(|u| repo.remote_tracking.get(&u.tracking_ref()));
        let head = repo.head_commit();
        let reference = upstream.or(head);
        let merged = reference.is_some_and(|r| repo.is_ancestor(&id, r));
        if !merged {
            return Err(GitError::NotFullyMerged(name.to_string()));
        }
        if let (Some(up), Some(h)) = (upstream, head)
            && repo.is_ancestor(&id, up)
            && !repo.is_ancestor(&id, h)
        {
            let up_ref = repo.upstreams.get(name).map(Upstream::tracking_ref).unwrap_or_default();
            warning = format!(
                "warning: deleting branch '{name}' that has been merged to\n         'refs/remotes/{up_ref}', but not yet merged to HEAD\n"
            );
        }
    }
    repo.branches.remove(name);
    repo.upstreams.remove(name);
    Ok(format!("{warning}Deleted branch {name} (was {}).", short(&id)))
}

/// `git branch -d -r origin/x`: the remote-tracking branch goes (a local
/// branch tracking it keeps its upstream, which is then gone).
fn delete_tracking(repo: &mut Repo, name: &str) -> Result<String, GitError> {
    match repo.remote_tracking.remove(name) {
        Some(id) => Ok(format!("Deleted remote-tracking branch {name} (was {}).", short(&id))),
        None => Err(GitError::Error(format!("remote-tracking branch '{name}' not found"))),
    }
}

fn list(repo: &Repo, l: &ListArgs) -> Result<String, GitError> {
    let filters = Filter::resolve(repo, &l.filters)?;
    let named = |name: &str| l.patterns.is_empty() || l.patterns.iter().any(|p| super::wildmatch::matches(p, name));
    let shown_tip = |tip: &str| filters.iter().all(|(f, c)| f.keeps(repo, tip, c));
    let shown = |name: &str, tip: &str| named(name) && shown_tip(tip);
    let mut lines = Vec::new();
    // (full refname, commit time, line): sorted as --sort asks, by refname otherwise.
    let mut rows: Vec<(String, u64, String)> = Vec::new();
    let time = |id: &str| repo.commit(id).map_or(0, |c| c.time);
    let prefix = if l.remotes { "" } else { "remotes/" };
    let remotes: Vec<(&str, &CommitId)> = if l.all || l.remotes {
        repo.remote_refs().into_iter().filter(|(n, id)| shown(n, id)).collect()
    } else {
        Vec::new()
    };
    // `-v` aligns every name shown, local and remote, in one column.
    let locals = if l.remotes {
        0
    } else {
        repo.branches.iter().filter(|(n, id)| shown(n, id)).map(|(n, _)| n.len()).max().unwrap_or(0)
    };
    let width = remotes.iter().map(|(n, _)| prefix.len() + n.len()).max().unwrap_or(0).max(locals);
    if !l.remotes {
        if let Head::Detached(id) = repo.head()
            && l.patterns.is_empty()
            && shown_tip(id)
        {
            lines.push(format!("* (HEAD detached at {})", short(id)));
        }
        for (name, id) in repo.branches.iter().filter(|(n, id)| shown(n, id)) {
            let mark = if repo.current_branch() == Some(name.as_str()) { "* " } else { "  " };
            let line = if l.verbose == 0 {
                format!("{mark}{name}")
            } else {
                let subject = repo.commit(id).map(|c| c.subject().to_string()).unwrap_or_default();
                let track = tracking_summary(repo, name, l.verbose >= 2);
                format!("{mark}{name:width$} {} {track}{subject}", short(id))
            };
            rows.push((format!("refs/heads/{name}"), time(id), line));
        }
    }
    for (name, id) in remotes {
        let full = format!("{prefix}{name}");
        let line = match (&repo.remote_head, name, l.verbose) {
            (Some(b), "origin/HEAD", 0) => format!("  {full} -> origin/{b}"),
            (Some(b), "origin/HEAD", _) => format!("  {full:width$} -> origin/{b}"),
            (_, _, 0) => format!("  {full}"),
            _ => {
                let subject = repo.commit(id).map(|c| c.subject().to_string()).unwrap_or_default();
                format!("  {full:width$} {} {subject}", short(id))
            }
        };
        rows.push((format!("refs/remotes/{name}"), time(id), line));
    }
    super::ref_sort::sort(&l.sort, &mut rows);
    lines.extend(rows.into_iter().map(|(_, _, line)| line));
    Ok(lines.join("\n"))
}

/// `[origin/main: ahead 1, behind 2] ` as `git branch -vv` shows it, or
/// (`named` false, `-v`) `[ahead 1, behind 2] `, which is empty in step.
fn tracking_summary(repo: &Repo, name: &str, named: bool) -> String {
    let Some(up) = repo.upstreams.get(name) else {
        return String::new();
    };
    let r = up.tracking_ref();
    let (Some(theirs), Some(ours)) = (repo.remote_tracking.get(&r), repo.branches.get(name)) else {
        return if named { format!("[{r}: gone] ") } else { "[gone] ".to_string() };
    };
    let track = match repo.ahead_behind(ours, theirs) {
        (0, 0) => String::new(),
        (a, 0) => format!("ahead {a}"),
        (0, b) => format!("behind {b}"),
        (a, b) => format!("ahead {a}, behind {b}"),
    };
    match (named, track.is_empty()) {
        (true, true) => format!("[{r}] "),
        (true, false) => format!("[{r}: {track}] "),
        (false, true) => String::new(),
        (false, false) => format!("[{track}] "),
    }
}
