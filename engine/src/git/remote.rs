//! Talking to `origin`: `git remote`, `fetch`, `pull` and `push`, with git's
//! output and refusals. Every remote name resolves to the world's one `origin`
//! repository; its URL is what `git remote add` recorded.

use super::args::{self, flag};
use super::merge::{check_no_merge_in_progress, default_message, merge_commit};
use super::{Ctx, GitError};
use crate::repo::{CommitId, Repo, Upstream, short};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteArgs {
    List {
        verbose: bool,
    },
    Add {
        name: String,
        url: String,
    },
    Remove {
        name: String,
    },
    /// `git remote show NAME…` (`git remote` when no name is given).
    Show {
        names: Vec<String>,
    },
    /// `git remote get-url [--push] [--all] NAME`.
    GetUrl {
        name: String,
    },
    /// `git remote set-url NAME URL`: where the remote is (the tutor's
    /// remote stays the simulated GitHub; git's messages show the new URL).
    SetUrl {
        name: String,
        url: String,
    },
    /// `git remote prune [-n] NAME`: drop remote-tracking branches the remote no longer has.
    Prune {
        name: String,
        dry_run: bool,
    },
}

const REMOTE_USAGE: &str = "usage: git remote [-v | --verbose]
   or: git remote add [-t <branch>] [-m <master>] [-f] [--tags | --no-tags] [--mirror=<fetch|push>] <name> <url>
   or: git remote rename [--[no-]progress] <old> <new>
   or: git remote remove <name>
   or: git remote set-head <name> (-a | --auto | -d | --delete | <branch>)
   or: git remote [-v | --verbose] show [-n] <name>
   or: git remote prune [-n | --dry-run] <name>
   or: git remote [-v | --verbose] update [-p | --prune] [(<group> | <remote>)...]
   or: git remote set-branches [--add] <name> <branch>...
   or: git remote get-url [--push] [--all] <name>
   or: git remote set-url [--push] <name> <newurl> [<oldurl>]
   or: git remote set-url --add <name> <newurl>
   or: git remote set-url --delete <name> <url>

    -v, --[no-]verbose    be verbose; must be placed before a subcommand";

impl RemoteArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        match rest.first().map(String::as_str) {
            Some("get-url") => {
                let p = args::parse(
                    &rest[1..],
                    &[flag(None, "push"), flag(None, "all")],
                    "remote get-url [--push] [--all] <name>",
                )?;
                return match p.positional.as_slice() {
                    [name] => Ok(Self::GetUrl { name: name.clone() }),
                    _ => Err(GitError::Refused("usage: git remote get-url [--push] [--all] <name>\n\n    --[no-]push           query push URLs rather than fetch URLs\n    --[no-]all            return all URLs".into())),
                };
            }
            Some("prune") => {
                let p = args::parse(&rest[1..], &[flag(Some('n'), "dry-run")], "remote prune [<options>] <name>")?;
                return match p.positional.as_slice() {
                    [name] => Ok(Self::Prune { name: name.clone(), dry_run: p.has("dry-run") }),
                    [_, _, ..] => Err(GitError::Fatal(
                        "pruning several remotes at once is not simulated in this tutor yet".into(),
                    )),
                    [] => Err(GitError::Refused(
                        "usage: git remote prune [<options>] <name>\n\n    -n, --[no-]dry-run    dry run".into(),
                    )),
                };
            }
            Some("show") => {
                let p = args::parse(&rest[1..], &[flag(Some('n'), "-n")], "remote show [<options>] <name>")?;
                if p.has("-n") {
                    return Err(GitError::Fatal("'git remote show -n' is not simulated in this tutor yet".into()));
                }
                return Ok(Self::Show { names: p.positional });
            }
            Some("set-url") => {
                const USAGE: &str = "usage: git remote set-url [--push] <name> <newurl> [<oldurl>]\n   or: git remote set-url --add <name> <newurl>\n   or: git remote set-url --delete <name> <url>\n\n    --[no-]push           manipulate push URLs\n    --[no-]add            add URL\n    --[no-]delete         delete URLs";
                let p = args::parse(
                    &rest[1..],
                    &[flag(None, "push"), flag(None, "add"), flag(None, "delete")],
                    "remote set-url [--push] <name> <newurl> [<oldurl>]",
                )?;
                if let Some((o, _)) = p.opts.first() {
                    return Err(GitError::Fatal(format!(
                        "'git remote set-url --{o}' is not simulated in this tutor yet"
                    )));
                }
                return match p.positional.as_slice() {
                    [name, url] => Ok(Self::SetUrl { name: name.clone(), url: url.clone() }),
                    [_, _, _] => Err(GitError::Fatal(
                        "'git remote set-url' with an old URL to replace is not simulated in this tutor yet".into(),
                    )),
                    _ => Err(GitError::Refused(USAGE.into())),
                };
            }
            Some(sub @ ("rename" | "set-head" | "update" | "set-branches")) => {
                return Err(GitError::Fatal(format!("'git remote {sub}' is not simulated in this tutor yet")));
            }
            _ => {}
        }
        let p = args::parse(rest, &[flag(Some('v'), "verbose")], "remote [-v | --verbose]")?;
        let pos: Vec<&str> = p.positional.iter().map(String::as_str).collect();
        match pos.as_slice() {
            [] => Ok(Self::List { verbose: p.has("verbose") }),
            ["add", name, url] => Ok(Self::Add { name: (*name).into(), url: (*url).into() }),
            ["add", ..] => Err(GitError::Refused("usage: git remote add <name> <url>".into())),
            ["remove" | "rm", name] => Ok(Self::Remove { name: (*name).into() }),
            [other, ..] => Err(GitError::Refused(format!("error: unknown subcommand: `{other}'\n{REMOTE_USAGE}"))),
        }
    }
}

pub fn remote(a: &RemoteArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &mut *ctx.repo;
    match a {
        RemoteArgs::List { verbose: false } => Ok(repo.remotes.keys().cloned().collect::<Vec<_>>().join("\n")),
        RemoteArgs::List { verbose: true } => Ok(repo
            .remotes
            .iter()
            .flat_map(|(n, u)| [format!("{n}\t{u} (fetch)"), format!("{n}\t{u} (push)")])
            .collect::<Vec<_>>()
            .join("\n")),
        RemoteArgs::Add { name, url } => {
            if repo.remotes.contains_key(name) {
                return Err(GitError::Error(format!("remote {name} already exists.")));
            }
            if !crate::refname::is_valid_ref_suffix(name) {
                return Err(GitError::Fatal(format!("'{name}' is not a valid remote name")));
            }
            repo.remotes.insert(name.clone(), url.clone());
            Ok(String::new())
        }
        RemoteArgs::Show { names } if names.is_empty() => {
            Ok(repo.remotes.keys().cloned().collect::<Vec<_>>().join("\n"))
        }
        RemoteArgs::Show { names } => {
            let shown: Result<Vec<String>, GitError> =
                names.iter().map(|n| super::remote_show::show(repo, ctx.origin, n)).collect();
            Ok(shown?.join("\n"))
        }
        RemoteArgs::GetUrl { name } => {
            repo.remotes.get(name).cloned().ok_or_else(|| GitError::Error(format!("No such remote '{name}'")))
        }
        RemoteArgs::SetUrl { name, url } => match repo.remotes.get_mut(name) {
            Some(u) => {
                url.clone_into(u);
                Ok(String::new())
            }
            None => Err(GitError::Error(format!("No such remote '{name}'"))),
        },
        RemoteArgs::Prune { name, dry_run } => {
            let url = remote_url(repo, name)?;
            let stale = stale(repo, ctx.origin, name);
            if stale.is_empty() {
                return Ok(String::new());
            }
            let mut out = vec![format!("Pruning {name}"), format!("URL: {url}")];
            for r in stale {
                out.push(format!(" * [{}] {r}", if *dry_run { "would prune" } else { "pruned" }));
                if !dry_run {
                    repo.remote_tracking.remove(&r);
                }
            }
            Ok(out.join("\n"))
        }
        RemoteArgs::Remove { name } => {
            if repo.remotes.remove(name).is_none() {
                return Err(GitError::Error(format!("No such remote: '{name}'")));
            }
            let prefix = format!("{name}/");
            repo.remote_tracking.retain(|r, _| !r.starts_with(&prefix));
            repo.upstreams.retain(|_, u| u.remote != *name);
            Ok(String::new())
        }
    }
}

/// `remote`'s remote-tracking branches whose branch `origin` no longer has
/// (what `fetch --prune` and `remote prune` remove).
pub(super) fn stale(repo: &Repo, origin: &Repo, remote: &str) -> Vec<String> {
    let prefix = format!("{remote}/");
    repo.remote_tracking
        .keys()
        .filter(|r| r.strip_prefix(&prefix).is_some_and(|b| !origin.branches.contains_key(b)))
        .cloned()
        .collect()
}

/// The URL of a configured remote, or git's refusal for an unknown one.
pub(super) fn remote_url(repo: &Repo, name: &str) -> Result<String, GitError> {
    repo.remotes.get(name).cloned().ok_or_else(|| {
        GitError::Refused(format!(
            "fatal: '{name}' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists."
        ))
    })
}

/// The remote a bare `git fetch`/`pull`/`push` uses: the current branch's, else `origin`.
fn default_remote(repo: &Repo) -> String {
    repo.current_branch().and_then(|b| repo.upstreams.get(b)).map_or_else(|| "origin".to_string(), |u| u.remote.clone())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchArgs {
    pub remote: Option<String>,
    pub branch: Option<String>,
    /// `--prune`: drop remote-tracking refs whose branch origin no longer has.
    pub prune: bool,
    /// `--dry-run`: say what would be fetched, change nothing.
    pub dry_run: bool,
}

impl FetchArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "all"), flag(Some('p'), "prune"), flag(None, "dry-run")],
            "fetch [<options>] [<repository> [<refspec>...]]",
        )?;
        if p.positional.len() > 2 {
            return Err(GitError::Fatal("fetching more than one branch at once is not simulated".into()));
        }
        plain_branch(p.positional.get(1), "fetch")?;
        Ok(Self {
            remote: p.positional.first().cloned(),
            branch: p.positional.get(1).cloned(),
            prune: p.has("prune"),
            dry_run: p.has("dry-run"),
        })
    }
}

/// A refspec that is more than a branch's name (`src:dst`, `+force`) is
/// refused: the tutor fetches a branch, not into a ref of the learner's choice.
fn plain_branch(refspec: Option<&String>, command: &str) -> Result<(), GitError> {
    match refspec {
        Some(r) if r.contains(':') || r.starts_with('+') => Err(GitError::Fatal(format!(
            "'git {command}' with a refspec such as '{r}' is not simulated in this tutor yet; name the branch alone"
        ))),
        _ => Ok(()),
    }
}

/// Copies `origin`'s branches and tags into `repo` as remote-tracking refs.
/// Returns git's report lines (without the `From` header).
fn fetch_into(
    repo: &mut Repo,
    origin: &Repo,
    remote: &str,
    only: Option<&str>,
    prune: bool,
) -> Result<Vec<String>, GitError> {
    if let Some(b) = only
        && !origin.branches.contains_key(b)
    {
        return Err(GitError::Fatal(format!("couldn't find remote ref {b}")));
    }
    // (flag and summary, ref name, where it goes), then laid out in columns.
    let mut rows: Vec<(String, String, String)> = Vec::new();
    if prune && only.is_none() {
        for r in stale(repo, origin, remote) {
            repo.remote_tracking.remove(&r);
            rows.push((" - [deleted]        ".into(), "(none)".into(), r));
        }
    }
    if let Some(b) = only {
        rows.push((" * branch           ".to_string(), b.to_string(), "FETCH_HEAD".to_string()));
    }
    let names: Vec<&String> = origin.branches.keys().filter(|b| only.is_none_or(|o| o == b.as_str())).collect();
    for name in names {
        let id = &origin.branches[name];
        repo.copy_commits_from(origin, id);
        let tracking = format!("{remote}/{name}");
        match repo.remote_tracking.get(&tracking).cloned() {
            None => rows.push((" * [new branch]     ".into(), name.clone(), tracking.clone())),
            Some(old) if &old == id => {}
            Some(old) if repo.is_ancestor(&old, id) => {
                rows.push((format!("   {}..{} ", short(&old), short(id)), name.clone(), tracking.clone()));
            }
            Some(old) => {
                rows.push((
                    format!(" + {}...{}", short(&old), short(id)),
                    name.clone(),
                    format!("{tracking}  (forced update)"),
                ));
            }
        }
        repo.remote_tracking.insert(tracking, id.clone());
    }
    if only.is_none() {
        for tag in origin.tags.keys() {
            if !repo.tags.contains_key(tag) {
                repo.copy_tag_from(origin, tag);
                rows.push((" * [new tag]        ".into(), tag.clone(), tag.clone()));
            }
        }
    }
    // git's ref column is at least 10 wide, wider for the longest name it shows.
    let width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0).max(10);
    Ok(rows.into_iter().map(|(flag, name, to)| format!("{flag} {name:<width$} -> {to}")).collect())
}

pub fn fetch(a: &FetchArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let remote = a.remote.clone().unwrap_or_else(|| default_remote(ctx.repo));
    let url = remote_url(ctx.repo, &remote)?;
    let lines = if a.dry_run {
        fetch_into(&mut ctx.repo.clone(), ctx.origin, &remote, a.branch.as_deref(), a.prune)?
    } else {
        fetch_into(ctx.repo, ctx.origin, &remote, a.branch.as_deref(), a.prune)?
    };
    Ok(if lines.is_empty() { String::new() } else { format!("From {}\n{}", from_url(&url), lines.join("\n")) })
}

/// git shows a remote's URL without its trailing `.git` in `From` lines and
/// merge messages.
fn from_url(url: &str) -> &str {
    url.strip_suffix(".git").unwrap_or(url)
}

// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullArgs {
    pub remote: Option<String>,
    pub branch: Option<String>,
    pub ff_only: bool,
    pub no_ff: bool,
    /// `--rebase`/`-r`: replay local commits on the fetched branch instead of merging.
    pub rebase: bool,
    /// `-p`/`--prune`: the fetch drops remote-tracking branches origin no longer has.
    pub prune: bool,
    /// `pull` and its words as typed: git's reflog names the command so.
    pub action: String,
}

impl PullArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(None, "ff-only"),
                flag(None, "no-ff"),
                flag(Some('r'), "rebase"),
                flag(None, "no-rebase"),
                flag(None, "no-edit"),
                flag(Some('p'), "prune"),
                // Silenced by the caller (GitCommand::Quiet); kept here for the reflog's words.
                flag(Some('q'), "quiet"),
            ],
            "pull [<options>] [<repository> [<refspec>...]]",
        )?;
        if p.positional.len() > 2 {
            return Err(GitError::Fatal("pulling more than one branch at once is not simulated".into()));
        }
        plain_branch(p.positional.get(1), "pull")?;
        Ok(Self {
            action: std::iter::once("pull").chain(rest.iter().map(String::as_str)).collect::<Vec<_>>().join(" "),
            remote: p.positional.first().cloned(),
            branch: p.positional.get(1).cloned(),
            ff_only: p.has("ff-only"),
            no_ff: p.has("no-ff"),
            prune: p.has("prune"),
            // The last of --rebase / --no-rebase wins.
            rebase: p.last(&["rebase", "no-rebase"]) == Some("rebase"),
        })
    }
}

/// `git pull`: fetch, then merge (the tutor's git has `pull.rebase=false`,
/// the setting git's own hint suggests first).
pub fn pull(a: &PullArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    check_no_merge_in_progress(ctx.repo, "Pulling")?;
    let current = ctx.repo.current_branch().map(str::to_string);
    let upstream = current.as_deref().and_then(|b| ctx.repo.upstreams.get(b)).cloned();
    let remote =
        a.remote.clone().or_else(|| upstream.as_ref().map(|u| u.remote.clone())).unwrap_or_else(|| "origin".into());
    let url = remote_url(ctx.repo, &remote)?;
    let branch = match (&a.branch, &upstream, &a.remote) {
        (Some(b), _, _) => b.clone(),
        (None, Some(u), _) if u.remote == remote => u.branch.clone(),
        _ => {
            let b = current.unwrap_or_else(|| "<branch>".into());
            return Err(GitError::Refused(format!(
                "There is no tracking information for the current branch.\nPlease specify which branch you want to merge with.\nSee git-pull(1) for details.\n\n    git pull <remote> <branch>\n\nIf you wish to set tracking information for this branch you can do so with:\n\n    git branch --set-upstream-to={remote}/<branch> {b}\n"
            )));
        }
    };
    if a.rebase {
        // Before it fetches, as git's pull does.
        super::pick::require_clean(ctx, "pull with rebase")?;
    }
    let mut lines = fetch_into(ctx.repo, ctx.origin, &remote, a.branch.as_deref(), a.prune)?;
    let header = if lines.is_empty() { Vec::new() } else { vec![format!("From {}", from_url(&url))] };
    let Some(their) = ctx.origin.branches.get(&branch).cloned() else {
        return Err(GitError::Fatal(format!("couldn't find remote ref {branch}")));
    };
    let mut out = header;
    out.append(&mut lines);
    if a.rebase {
        return super::pick::start_rebase(ctx, (&their, &their), &their.clone(), out, Some(&a.action));
    }
    let message = default_message(ctx.repo, &branch, Some(from_url(&url)));
    let label = short(&their).to_string();
    let merged = merge_commit(ctx, &their, &label, message, (a.no_ff, a.ff_only), &a.action);
    match merged {
        Ok(text) => {
            if !text.is_empty() {
                out.push(text);
            }
            Ok(out.join("\n"))
        }
        Err(e) => {
            out.push(e.to_string());
            Err(GitError::Refused(out.join("\n")))
        }
    }
}

// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushArgs {
    pub remote: Option<String>,
    pub refspecs: Vec<String>,
    pub set_upstream: bool,
    pub force: bool,
    pub tags: bool,
    /// `--delete`/`-d`: delete these branches on the remote.
    pub delete: bool,
    /// `--dry-run`/`-n`: say what would be pushed, change nothing.
    pub dry_run: bool,
    /// `--force-with-lease`: force, but only where the remote still holds
    /// what this clone last saw there.
    pub lease: Option<Lease>,
}

/// What `--force-with-lease` protects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lease {
    /// Every ref pushed, each expected at its remote-tracking ref.
    All,
    /// One branch, expected at its remote-tracking ref or at `expect`.
    Ref {
        /// The remote branch.
        name: String,
        /// The revision it must still be at (`--force-with-lease=B:REV`).
        expect: Option<String>,
    },
}

impl Lease {
    /// Reads `--force-with-lease[=<ref>[:<expect>]]`; `None` for another word.
    fn parse(word: &str) -> Option<Self> {
        let rest = word.strip_prefix("--force-with-lease")?;
        if rest.is_empty() {
            return Some(Self::All);
        }
        let value = rest.strip_prefix('=')?;
        Some(match value.split_once(':') {
            Some((name, expect)) => Self::Ref { name: name.to_string(), expect: Some(expect.to_string()) },
            None if value.is_empty() => Self::All,
            None => Self::Ref { name: value.to_string(), expect: None },
        })
    }

    /// What `dst` must still be on the remote, when the lease covers it.
    fn expectation(&self, repo: &Repo, remote: &str, dst: &str) -> Result<Option<Expected>, GitError> {
        let tracking = || Expected(repo.remote_tracking.get(&format!("{remote}/{dst}")).cloned());
        match self {
            Self::All => Ok(Some(tracking())),
            Self::Ref { name, expect } if name.strip_prefix("refs/heads/").unwrap_or(name) == dst => match expect {
                None => Ok(Some(tracking())),
                Some(e) if e.is_empty() => Ok(Some(Expected(None))),
                Some(e) => repo
                    .resolve(e)
                    .map(|id| Some(Expected(Some(id))))
                    .ok_or_else(|| GitError::Fatal(format!("cannot parse expected object name '{e}'"))),
            },
            Self::Ref { .. } => Ok(None),
        }
    }
}

/// A lease's expectation: the commit a remote branch must be at, or `None`
/// for a branch that must not exist there yet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected(Option<CommitId>);

impl PushArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        // `--force-with-lease` takes an optional value, which the option
        // table cannot say: it is read here, the last one winning.
        let mut lease = None;
        let mut items = Vec::new();
        let mut options_over = false;
        for w in rest {
            options_over |= w == "--";
            match Lease::parse(w).filter(|_| !options_over) {
                Some(l) => lease = Some(l),
                None => items.push(w.clone()),
            }
        }
        let p = args::parse(
            &items,
            &[
                flag(Some('u'), "set-upstream"),
                flag(Some('f'), "force"),
                flag(None, "tags"),
                flag(Some('d'), "delete"),
                flag(Some('n'), "dry-run"),
            ],
            "push [<options>] [<repository> [<refspec>...]]",
        )?;
        let mut pos = p.positional.clone();
        let remote = (!pos.is_empty()).then(|| pos.remove(0));
        // `+ref` forces that ref alone; forced with all of them, it is --force.
        let plus = pos.iter().filter(|r| r.starts_with('+')).count();
        if plus > 0 && plus < pos.len() {
            return Err(GitError::Fatal(
                "forcing some refspecs with '+' and not others is not simulated in this tutor yet".into(),
            ));
        }
        let pos: Vec<String> = pos.into_iter().map(|r| r.strip_prefix('+').map(str::to_string).unwrap_or(r)).collect();
        Ok(Self {
            remote,
            refspecs: pos,
            set_upstream: p.has("set-upstream"),
            force: p.has("force") || plus > 0,
            tags: p.has("tags"),
            delete: p.has("delete"),
            dry_run: p.has("dry-run"),
            lease,
        })
    }
}

/// `git push origin --delete B`: what git and GitHub print.
fn delete_remote_branches(ctx: &mut Ctx, remote: &str, url: &str, names: &[&str]) -> Result<String, GitError> {
    let mut lines = vec![format!("To {url}")];
    let mut remote_lines = Vec::new();
    let mut failed = false;
    for name in names {
        if let Some(tag) = name.strip_prefix("refs/tags/").or(Some(*name)).filter(|t| {
            !name.starts_with("refs/heads/")
                && !ctx.origin.branches.contains_key(*t)
                && ctx.origin.tags.contains_key(*t)
        }) {
            ctx.origin.remove_tag(tag);
            lines.push(format!(" - [deleted]         {tag}"));
            continue;
        }
        let name = name.strip_prefix("refs/heads/").unwrap_or(name);
        if !ctx.origin.branches.contains_key(name) {
            remote_lines.push(format!("error: unable to delete '{name}': remote ref does not exist"));
            failed = true;
            continue;
        }
        let why = ctx.hook.refusal(name, true);
        if !why.is_empty() {
            remote_lines.push(format!("remote: error: GH006: Protected branch update failed for refs/heads/{name}."));
            remote_lines.extend(why.iter().map(|w| format!("remote: error: {w}")));
            lines.push(format!(" ! [remote rejected] {name} (protected branch hook declined)"));
            failed = true;
            continue;
        }
        ctx.origin.branches.remove(name);
        ctx.repo.remote_tracking.remove(&format!("{remote}/{name}"));
        lines.push(format!(" - [deleted]         {name}"));
    }
    let mut out = remote_lines;
    if lines.len() > 1 {
        out.extend(lines);
    }
    if failed {
        out.push(format!("error: failed to push some refs to '{url}'"));
        return Err(GitError::Refused(out.join("\n")));
    }
    Ok(out.join("\n"))
}

enum Update {
    /// `shown`: the source as git prints it (`HEAD` when typed so; `src` is
    /// then the branch HEAD is on).
    Branch {
        src: String,
        shown: String,
        dst: String,
        id: CommitId,
    },
    Tag {
        name: String,
        id: CommitId,
    },
}

pub fn push(a: &PushArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if !a.dry_run {
        return push_refs(a, ctx);
    }
    // The same checks and report, then both repositories as they were.
    let (repo, origin) = (ctx.repo.clone(), ctx.origin.clone());
    let out = push_refs(a, ctx);
    (*ctx.repo, *ctx.origin) = (repo, origin);
    out
}

fn push_refs(a: &PushArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let remote = a.remote.clone().unwrap_or_else(|| default_remote(ctx.repo));
    let url = remote_url(ctx.repo, &remote)?;
    // `--delete B` and `:B` delete a branch on the remote.
    let deletions: Vec<&str> = if a.delete {
        a.refspecs.iter().map(String::as_str).collect()
    } else {
        a.refspecs.iter().filter_map(|s| s.strip_prefix(':')).collect()
    };
    if a.delete && deletions.is_empty() {
        return Err(GitError::Fatal("--delete doesn't make sense without any refs".into()));
    }
    if !deletions.is_empty() {
        if deletions.len() != a.refspecs.len() {
            return Err(GitError::Fatal("pushing and deleting in one push is not simulated in this tutor yet".into()));
        }
        return delete_remote_branches(ctx, &remote, &url, &deletions);
    }
    let mut updates = Vec::new();
    if a.refspecs.is_empty() && !a.tags {
        // push.default=simple: the current branch to its same-named upstream.
        let Some(b) = ctx.repo.current_branch().map(str::to_string) else {
            return Err(GitError::Refused(
                "fatal: You are not currently on a branch.\nTo push the history leading to the current (detached HEAD)\nstate now, use\n\n    git push origin HEAD:<name-of-remote-branch>\n".into(),
            ));
        };
        let up = ctx.repo.upstreams.get(&b).cloned();
        match up {
            Some(u) if u.remote == remote || a.remote.is_none() => {
                let id = ctx.repo.branches.get(&b).cloned().ok_or_else(|| src_refspec_error(&b, &url))?;
                updates.push(Update::Branch { shown: b.clone(), src: b, dst: u.branch, id });
            }
            _ => return Err(GitError::Refused(no_upstream_text(&b))),
        }
    }
    for spec in &a.refspecs {
        let (src, dst) = spec.split_once(':').map_or((spec.as_str(), spec.as_str()), |(s, d)| (s, d));
        // git reads `@` as HEAD.
        let (src, dst) = (if src == "@" { "HEAD" } else { src }, if dst == "@" { "HEAD" } else { dst });
        let src_name =
            if src == "HEAD" { ctx.repo.current_branch().unwrap_or("HEAD").to_string() } else { src.to_string() };
        let qualified = dst.starts_with("refs/");
        let dst = dst.strip_prefix("refs/heads/").unwrap_or(dst).to_string();
        if let Some(id) = ctx.repo.tags.get(src).cloned().filter(|_| !ctx.repo.branches.contains_key(src)) {
            updates.push(Update::Tag { name: src.to_string(), id });
            continue;
        }
        let id = ctx
            .repo
            .branches
            .get(&src_name)
            .cloned()
            .or_else(|| (src == "HEAD").then(|| ctx.repo.head_commit().cloned()).flatten());
        let Some(id) = id else {
            return Err(src_refspec_error(src, &url));
        };
        let dst = if dst == "HEAD" { src_name.clone() } else { dst };
        if src == "HEAD" && ctx.repo.current_branch().is_none() && !qualified && !ctx.origin.branches.contains_key(&dst)
        {
            return Err(GitError::Refused(unqualified_destination(&dst, &url)));
        }
        updates.push(Update::Branch { src: src_name, shown: src.to_string(), dst, id });
    }
    if a.tags {
        for (name, id) in &ctx.repo.tags {
            updates.push(Update::Tag { name: name.clone(), id: id.clone() });
        }
    }
    // git reports the refs the remote has in refname order, then new ones
    // in the order given.
    crate::order::sort_by_key(&mut updates, |u| match u {
        Update::Branch { dst, .. } if ctx.origin.branches.contains_key(dst) => (false, format!("refs/heads/{dst}")),
        Update::Tag { name, .. } if ctx.origin.tags.contains_key(name) => (false, format!("refs/tags/{name}")),
        _ => (true, String::new()),
    });
    let mut lines = Vec::new();
    let mut remote_lines: Vec<String> = Vec::new();
    let mut rejected = Vec::new();
    let mut tracking_msgs = Vec::new();
    let current = ctx.repo.current_branch().map(str::to_string);
    for u in &updates {
        match u {
            Update::Tag { name, id } => match ctx.origin.tags.get(name) {
                Some(old) if old == id => {}
                Some(_) if !a.force => {
                    lines.push(format!(" ! [rejected]        {name} -> {name} (already exists)"));
                    rejected.push("tag".to_string());
                }
                _ => {
                    ctx.origin.copy_tag_from(ctx.repo, name);
                    lines.push(format!(" * [new tag]         {name} -> {name}"));
                }
            },
            Update::Branch { src, shown, dst, id } => {
                let old = ctx.origin.branches.get(dst).cloned();
                let lease = match &a.lease {
                    Some(l) => l.expectation(ctx.repo, &remote, dst)?,
                    None => None,
                };
                let force = a.force || lease.is_some();
                let line = match &old {
                    Some(o) if o == id => None,
                    _ if lease.as_ref().is_some_and(|expect| expect.0 != old) => {
                        rejected.push("stale".to_string());
                        Some(format!(" ! [rejected]        {shown} -> {dst} (stale info)"))
                    }
                    Some(o) if !ctx.repo.commits.contains_key(o) && !force => {
                        rejected.push("fetch first".to_string());
                        Some(format!(" ! [rejected]        {shown} -> {dst} (fetch first)"))
                    }
                    Some(o) if !ctx.repo.is_ancestor(o, id) && !force => {
                        rejected.push(
                            if current.as_deref() == Some(src) { "behind current" } else { "behind other" }.to_string(),
                        );
                        Some(format!(" ! [rejected]        {shown} -> {dst} (non-fast-forward)"))
                    }
                    Some(o) if !ctx.repo.is_ancestor(o, id) => {
                        Some(format!(" + {}...{} {shown} -> {dst} (forced update)", short(o), short(id)))
                    }
                    Some(o) => Some(format!("   {}..{}  {shown} -> {dst}", short(o), short(id))),
                    None => Some(format!(" * [new branch]      {shown} -> {dst}")),
                };
                let mut accepted = line.as_ref().is_none_or(|l| !l.starts_with(" ! "));
                // GitHub's pre-receive hook: protected branches refuse what
                // the rule forbids, after the client-side checks pass.
                let mut line = line;
                // A dry run never reaches the server's hooks.
                if accepted && line.is_some() && !a.dry_run {
                    let forced = old.as_ref().is_some_and(|o| !ctx.repo.is_ancestor(o, id));
                    let why = ctx.hook.refusal(dst, forced);
                    if !why.is_empty() {
                        accepted = false;
                        remote_lines.push(format!(
                            "remote: error: GH006: Protected branch update failed for refs/heads/{dst}."
                        ));
                        remote_lines.extend(why.iter().map(|w| format!("remote: error: {w}")));
                        rejected.push("protected".to_string());
                        line = Some(format!(" ! [remote rejected] {shown} -> {dst} (protected branch hook declined)"));
                    }
                }
                if let Some(l) = line {
                    lines.push(l);
                }
                if accepted {
                    ctx.origin.copy_commits_from(ctx.repo, id);
                    ctx.origin.branches.insert(dst.clone(), id.clone());
                    ctx.repo.remote_tracking.insert(format!("{remote}/{dst}"), id.clone());
                    if a.set_upstream {
                        let up = Upstream { remote: remote.clone(), branch: dst.clone() };
                        tracking_msgs.push(if a.dry_run {
                            format!("Would set upstream of '{src}' to '{dst}' of '{remote}'")
                        } else {
                            format!("branch '{src}' set up to track '{}'.", up.tracking_ref())
                        });
                        ctx.repo.upstreams.insert(src.clone(), up);
                    }
                }
            }
        }
    }
    if lines.is_empty() && rejected.is_empty() {
        let mut out = vec!["Everything up-to-date".to_string()];
        out.extend(tracking_msgs);
        return Ok(out.join("\n"));
    }
    let mut out = remote_lines;
    out.push(format!("To {url}"));
    out.extend(lines);
    if rejected.is_empty() {
        out.extend(tracking_msgs);
        return Ok(out.join("\n"));
    }
    out.push(format!("error: failed to push some refs to '{url}'"));
    // A protected branch explains itself; a stale lease gets no hint.
    if rejected.iter().all(|r| r == "protected" || r == "stale") {
        return Err(GitError::Refused(out.join("\n")));
    }
    let hint = if rejected.iter().any(|r| r == "fetch first") {
        "hint: Updates were rejected because the remote contains work that you do not\nhint: have locally. This is usually caused by another repository pushing to\nhint: the same ref. If you want to integrate the remote changes, use\nhint: 'git pull' before pushing again.\nhint: See the 'Note about fast-forwards' in 'git push --help' for details."
    } else if rejected.iter().any(|r| r == "behind current") {
        "hint: Updates were rejected because the tip of your current branch is behind\nhint: its remote counterpart. If you want to integrate the remote changes,\nhint: use 'git pull' before pushing again.\nhint: See the 'Note about fast-forwards' in 'git push --help' for details."
    } else if rejected.iter().any(|r| r == "behind other") {
        "hint: Updates were rejected because a pushed branch tip is behind its remote\nhint: counterpart. If you want to integrate the remote changes, use 'git pull'\nhint: before pushing again.\nhint: See the 'Note about fast-forwards' in 'git push --help' for details."
    } else {
        "hint: Updates were rejected because the tag already exists in the remote."
    };
    out.push(hint.to_string());
    Err(GitError::Refused(out.join("\n")))
}

/// git's refusal to guess a new branch's name for a detached HEAD's commit.
fn unqualified_destination(dst: &str, url: &str) -> String {
    format!(
        "error: The destination you provided is not a full refname (i.e.,
starting with \"refs/\"). We tried to guess what you meant by:

- Looking for a ref that matches '{dst}' on the remote side.
- Checking if the <src> being pushed ('HEAD')
  is a ref in \"refs/{{heads,tags}}/\". If so we add a corresponding
  refs/{{heads,tags}}/ prefix on the remote side.

Neither worked, so we gave up. You must fully qualify the ref.
hint: The <src> part of the refspec is a commit object.
hint: Did you mean to create a new branch by pushing to
hint: 'HEAD:refs/heads/{dst}'?
error: failed to push some refs to '{url}'"
    )
}

fn src_refspec_error(src: &str, url: &str) -> GitError {
    GitError::Refused(format!(
        "error: src refspec {src} does not match any\nerror: failed to push some refs to '{url}'"
    ))
}

fn no_upstream_text(branch: &str) -> String {
    format!(
        "fatal: The current branch {branch} has no upstream branch.\nTo push the current branch and set the remote as upstream, use\n\n    git push --set-upstream origin {branch}\n\nTo have this happen automatically for branches without a tracking\nupstream, see 'push.autoSetupRemote' in 'git help config'.\n"
    )
}

/// `git ls-remote` options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LsRemoteArgs {
    remote: Option<String>,
    /// `--heads`/`--branches`: branches only.
    heads: bool,
    /// `--tags`: tags only.
    tags: bool,
}

impl LsRemoteArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "heads"), flag(Some('b'), "branches"), flag(Some('t'), "tags")],
            "ls-remote [--branches] [--tags] [--refs] [--upload-pack=<exec>]",
        )?;
        if p.positional.len() > 1 {
            return Err(GitError::Fatal("listing by pattern is not simulated in this tutor yet".into()));
        }
        Ok(Self {
            remote: p.positional.first().cloned(),
            heads: p.has("heads") || p.has("branches"),
            tags: p.has("tags"),
        })
    }
}

/// `git ls-remote`: what origin holds, ref by ref, read without fetching.
pub fn ls_remote(a: &LsRemoteArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let name = a.remote.clone().unwrap_or_else(|| default_remote(ctx.repo));
    let url = remote_url(ctx.repo, &name)?;
    let origin = &*ctx.origin;
    let mut out = Vec::new();
    // git names the remote it chose when none was given.
    if a.remote.is_none() {
        out.push(format!("From {url}"));
    }
    let everything = !a.heads && !a.tags;
    if everything && let Some(id) = origin.head_commit() {
        out.push(format!("{id}\tHEAD"));
    }
    if everything || a.heads {
        out.extend(origin.branches.iter().map(|(b, id)| format!("{id}\trefs/heads/{b}")));
    }
    if everything || a.tags {
        for (t, id) in &origin.tags {
            match origin.tag_notes.get(t) {
                Some(note) => {
                    out.push(format!("{}\trefs/tags/{t}", note.id));
                    out.push(format!("{id}\trefs/tags/{t}^{{}}"));
                }
                None => out.push(format!("{id}\trefs/tags/{t}")),
            }
        }
    }
    Ok(out.join("\n"))
}
