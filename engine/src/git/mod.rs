//! The `git` command: parsing argv into a [`GitCommand`] and running it
//! against a repository with git's semantics and wording.

pub mod args;
mod blame;
mod branch;
mod checkout;
pub(crate) mod commit;
pub mod config;
mod describe;
mod diff_cmd;
pub mod error;
mod files;
mod grep;
mod history;
pub mod known_flags;
mod log;
pub(crate) mod merge;
mod pattern;
pub mod pick;
mod plumbing;
mod pretty;
mod ref_sort;
mod reflog;
mod remote;
mod remote_show;
pub mod restore;
mod rev_parse;
mod show;
pub mod stash;
pub mod status;
mod tag;
mod wildmatch;

pub use error::GitError;
/// Commits reachable from some tips, newest first, as `git log` lists them.
pub use log::walk as date_order;
/// [`date_order`], borrowing the ids from the repository.
pub use log::{walk_borrowed as date_order_borrowed, walk_commits};
pub use pretty::DateStyle;

use crate::repo::{Head, Repo, Tree};

/// What a git command runs against: the repository, its working tree and the
/// world's clock and identity.
pub struct Ctx<'a> {
    /// The repository the command runs in.
    pub repo: &'a mut Repo,
    /// The world's `origin`, which every configured remote reaches.
    pub origin: &'a mut Repo,
    /// Its working tree.
    pub work: &'a mut Tree,
    /// The virtual clock, in seconds; each commit advances it.
    pub clock: &'a mut u64,
    /// Who commits (a git identity).
    pub author: &'a str,
    /// origin's protected branches (GitHub refuses direct pushes to them).
    pub hook: &'a dyn PushHook,
}

/// The remote's server-side hook (GitHub's branch protection, in this world):
/// what it prints to refuse a push to `branch`, nothing when it accepts. A
/// trait, so git knows nothing of GitHub.
pub trait PushHook {
    /// The refusal lines for a push to `branch` (`forced`: not a fast-forward).
    fn refusal(&self, branch: &str, forced: bool) -> Vec<String>;
}

impl Ctx<'_> {
    /// The next commit time: one minute after the last.
    pub fn tick(&mut self) -> u64 {
        *self.clock += 60;
        *self.clock
    }
}

/// Every git subcommand the tutor runs, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GitCommand {
    /// `git status`.
    Status(status::StatusArgs),
    /// `git log`.
    Log(Box<log::LogArgs>),
    /// `git branch`.
    Branch(branch::BranchArgs),
    /// `git checkout` and `git switch`.
    Checkout(checkout::CheckoutArgs),
    /// `git add`.
    Add(commit::AddArgs),
    /// `git commit`.
    Commit(commit::CommitArgs),
    /// `git merge`.
    Merge(merge::MergeArgs),
    /// `git remote`.
    Remote(remote::RemoteArgs),
    /// `git fetch`.
    Fetch(remote::FetchArgs),
    /// `git pull`.
    Pull(remote::PullArgs),
    /// `git push`.
    Push(remote::PushArgs),
    /// `git tag`.
    Tag(tag::TagArgs),
    /// `git reset`.
    Reset(history::ResetArgs),
    /// `git revert`.
    Revert(history::RevertArgs),
    /// `git diff`.
    Diff(diff_cmd::DiffArgs),
    /// `git restore`.
    Restore(restore::RestoreArgs),
    /// `git cherry-pick`.
    CherryPick(pick::CherryPickArgs),
    /// `git stash`.
    Stash(stash::StashArgs),
    /// `git rebase`.
    Rebase(pick::RebaseArgs),
    /// `git show`.
    Show(show::ShowArgs),
    /// `git rm`.
    Rm(files::RmArgs),
    /// `git clean`.
    Clean(files::CleanArgs),
    /// `git mv`.
    Mv(files::MvArgs),
    /// `git ls-files`.
    LsFiles(files::LsFilesArgs),
    /// `git describe`.
    Describe(describe::DescribeArgs),
    /// `git ls-remote`.
    LsRemote(remote::LsRemoteArgs),
    /// `git rev-parse`.
    RevParse(rev_parse::RevParseArgs),
    /// `git reflog`.
    Reflog(reflog::ReflogArgs),
    /// `git symbolic-ref`.
    SymbolicRef(plumbing::SymbolicRefArgs),
    /// `git merge-base`.
    MergeBase(plumbing::MergeBaseArgs),
    /// `git rev-list`.
    RevList(plumbing::RevListArgs),
    /// `git shortlog`.
    Shortlog(plumbing::ShortlogArgs),
    /// `git grep`.
    Grep(grep::GrepArgs),
    /// `git blame`.
    Blame(blame::BlameArgs),
    /// `git config` (the identity).
    Config(config::ConfigArgs),
    /// A command given `-q`/`--quiet`: its refusals only, as git prints them.
    Quiet(Box<GitCommand>),
    /// `git init`: creates the repository (the world does it when there is none).
    Init,
    /// `git help`.
    Help,
    /// `git version`.
    Version,
}

/// Commands `git help -a` lists that a Debian install keeps in other
/// packages (so they are not in [`INSTALLED`]).
const PACKAGED_APART: &[&str] = &["citool", "gitk", "gitweb", "gui", "scalar"];

/// Whether `sub` is one of git's commands. Asked only of a word the parser
/// does not simulate: the tutor says so instead of git's "not a git
/// command" (`engine/tests/differential/flags.rs` checks every command
/// `git help -a` lists).
fn not_simulated(sub: &str) -> bool {
    INSTALLED.split(' ').any(|c| c == sub) || PACKAGED_APART.contains(&sub)
}

/// The subcommands Tab offers after `git`: the ones the tutor simulates and
/// a few a learner reaches for.
pub(crate) const KNOWN: &[&str] = &[
    "add",
    "branch",
    "checkout",
    "commit",
    "diff",
    "fetch",
    "help",
    "init",
    "log",
    "merge",
    "pull",
    "push",
    "remote",
    "reset",
    "revert",
    "status",
    "switch",
    "tag",
    "stash",
    "rebase",
    "cherry-pick",
    "rm",
    "mv",
    "restore",
    "show",
    "blame",
    "bisect",
    "clone",
    "config",
    "clean",
    "reflog",
    "grep",
    "describe",
    "shortlog",
    "ls-files",
    "ls-remote",
    "rev-parse",
    "merge-base",
    "rev-list",
    "symbolic-ref",
];

/// `argv` after the options git takes before the command: the pager's
/// (the terminal has none) and `-C .` change nothing here; the others
/// (`-c name=value`, `--git-dir`, …) are refused as not simulated.
fn without_global_options(argv: &[String]) -> Result<&[String], GitError> {
    let mut rest = argv;
    while let Some((first, after)) = rest.split_first() {
        match first.as_str() {
            "--no-pager" | "-P" | "-p" | "--paginate" => rest = after,
            "-C" if after.first().is_some_and(|p| p == ".") => rest = &after[1..],
            o if o.starts_with('-') && !matches!(o, "--help" | "-h" | "--version" | "-v") => {
                let option = o.split('=').next().unwrap_or(o);
                return Err(GitError::Fatal(format!("'git {option}' is not simulated in this tutor yet")));
            }
            _ => break,
        }
    }
    Ok(rest)
}

impl GitCommand {
    /// Parses the words after `git`.
    pub fn parse(argv: &[String]) -> Result<Self, GitError> {
        let argv = without_global_options(argv)?;
        let Some((sub, rest)) = argv.split_first() else {
            return Ok(Self::Help);
        };
        if let Some(words) = quiet_words(sub, rest) {
            return Ok(Self::Quiet(Box::new(Self::parse_loud(&words)?)));
        }
        Self::parse_loud(argv)
    }

    /// [`GitCommand::parse`] once `-q` is dealt with.
    fn parse_loud(argv: &[String]) -> Result<Self, GitError> {
        let Some((sub, rest)) = argv.split_first() else {
            return Ok(Self::Help);
        };
        Ok(match sub.as_str() {
            "status" => Self::Status(status::StatusArgs::parse(rest)?),
            "log" => Self::Log(Box::new(log::LogArgs::parse(rest)?)),
            "branch" => Self::Branch(branch::BranchArgs::parse(rest)?),
            "checkout" => Self::Checkout(checkout::CheckoutArgs::parse_checkout(rest)?),
            "switch" => Self::Checkout(checkout::CheckoutArgs::parse_switch(rest)?),
            "add" => Self::Add(commit::AddArgs::parse(rest)?),
            "commit" => Self::Commit(commit::CommitArgs::parse(rest)?),
            "merge" => Self::Merge(merge::MergeArgs::parse(rest)?),
            "remote" => Self::Remote(remote::RemoteArgs::parse(rest)?),
            "fetch" => Self::Fetch(remote::FetchArgs::parse(rest)?),
            "pull" => Self::Pull(remote::PullArgs::parse(rest)?),
            "push" => Self::Push(remote::PushArgs::parse(rest)?),
            "tag" => Self::Tag(tag::TagArgs::parse(rest)?),
            "reset" => Self::Reset(history::ResetArgs::parse(rest)?),
            "revert" => Self::Revert(history::RevertArgs::parse(rest)?),
            "diff" => Self::Diff(diff_cmd::DiffArgs::parse(rest)?),
            "restore" => Self::Restore(restore::RestoreArgs::parse(rest)?),
            "cherry-pick" => Self::CherryPick(pick::CherryPickArgs::parse(rest)?),
            "stash" => Self::Stash(stash::StashArgs::parse(rest)?),
            "rebase" => Self::Rebase(pick::RebaseArgs::parse(rest)?),
            "show" => Self::Show(show::ShowArgs::parse(rest)?),
            "rm" => Self::Rm(files::RmArgs::parse(rest)?),
            "clean" => Self::Clean(files::CleanArgs::parse(rest)?),
            "mv" => Self::Mv(files::MvArgs::parse(rest)?),
            "ls-files" => Self::LsFiles(files::LsFilesArgs::parse(rest)?),
            "describe" => Self::Describe(describe::DescribeArgs::parse(rest)?),
            "ls-remote" => Self::LsRemote(remote::LsRemoteArgs::parse(rest)?),
            "rev-parse" => Self::RevParse(rev_parse::RevParseArgs::parse(rest)?),
            "reflog" => Self::Reflog(reflog::ReflogArgs::parse(rest)?),
            "config" => Self::Config(config::ConfigArgs::parse(rest)?),
            "symbolic-ref" => Self::SymbolicRef(plumbing::SymbolicRefArgs::parse(rest)?),
            "merge-base" => Self::MergeBase(plumbing::MergeBaseArgs::parse(rest)?),
            "rev-list" => Self::RevList(plumbing::RevListArgs::parse(rest)?),
            "shortlog" => Self::Shortlog(plumbing::ShortlogArgs::parse(rest)?),
            "grep" => Self::Grep(grep::GrepArgs::parse(rest)?),
            "blame" => Self::Blame(blame::BlameArgs::parse(rest)?),
            "init" if rest.is_empty() => Self::Init,
            "init" => {
                return Err(GitError::Fatal(format!(
                    "'git init {}' is not simulated in this tutor yet",
                    rest.join(" ")
                )));
            }
            "help" | "--help" | "-h" => Self::Help,
            "version" | "--version" | "-v" => Self::Version,
            other if not_simulated(other) => {
                return Err(GitError::Fatal(format!("'git {other}' is not simulated in this tutor yet")));
            }
            other => {
                return Err(GitError::UnknownCommand { cmd: other.to_string(), suggestions: similar_commands(other) });
            }
        })
    }

    /// Runs it: its output, or git's refusal.
    pub fn run(&self, ctx: &mut Ctx) -> Result<String, GitError> {
        match self {
            Self::Status(a) => Ok(status::run(a, ctx)),
            Self::Log(a) => log::run(a, ctx),
            Self::Branch(a) => branch::run(a, ctx),
            Self::Checkout(a) => checkout::run(a, ctx),
            Self::Add(a) => commit::add(a, ctx),
            Self::Commit(a) => commit::commit(a, ctx),
            Self::Merge(a) => merge::run(a, ctx),
            Self::Remote(a) => remote::remote(a, ctx),
            Self::Fetch(a) => remote::fetch(a, ctx),
            Self::Pull(a) => remote::pull(a, ctx),
            Self::Push(a) => remote::push(a, ctx),
            Self::Tag(a) => tag::run(a, ctx),
            Self::Reset(a) => history::reset(a, ctx),
            Self::Revert(a) => history::revert(a, ctx),
            Self::Diff(a) => diff_cmd::run(a, ctx),
            Self::Restore(a) => restore::restore(a, ctx),
            Self::CherryPick(a) => pick::cherry_pick(a, ctx),
            Self::Stash(a) => stash::run(a, ctx),
            Self::Rebase(a) => pick::rebase(a, ctx),
            Self::Show(a) => show::run(a, ctx),
            Self::Rm(a) => files::rm(a, ctx),
            Self::Clean(a) => files::clean(a, ctx),
            Self::Mv(a) => files::mv(a, ctx),
            Self::LsFiles(a) => files::ls_files(a, ctx),
            Self::Describe(a) => describe::run(a, ctx),
            Self::LsRemote(a) => remote::ls_remote(a, ctx),
            Self::RevParse(a) => rev_parse::run(a, ctx),
            Self::Reflog(a) => reflog::run(a, ctx),
            Self::SymbolicRef(a) => plumbing::symbolic_ref(a, ctx),
            Self::MergeBase(a) => plumbing::merge_base(a, ctx),
            Self::RevList(a) => plumbing::rev_list(a, ctx),
            Self::Shortlog(a) => plumbing::shortlog(a, ctx),
            Self::Grep(a) => grep::run(a, ctx),
            Self::Blame(a) => blame::run(a, ctx),
            Self::Quiet(inner) => inner.run(ctx).map(|_| String::new()),
            // The world runs it with the global settings too (World::git);
            // here only the repository's are at hand.
            Self::Config(a) => config::run(a, &mut ctx.repo.config, &mut std::collections::BTreeMap::new()),
            Self::Init => Ok("Reinitialized existing Git repository in /home/you/chatbot/.git/".to_string()),
            Self::Help => Ok(HELP.to_string()),
            Self::Version => Ok("git version 2.47.3 (Branch to Prod simulation)".to_string()),
        }
    }
}

/// The commands whose `-q`/`--quiet` silences all they print but their
/// refusals (branch's and stash's listings, which it does not silence, are
/// left to those commands; pull keeps the word, which its reflog entry names).
const QUIETABLE: &[&str] =
    &["checkout", "switch", "commit", "merge", "fetch", "pull", "push", "reset", "restore", "rebase", "stash"];

/// `sub`'s words without its `-q`/`--quiet` (before any `--`), when it has
/// one and is quietable: `None` otherwise.
fn quiet_words(sub: &str, rest: &[String]) -> Option<Vec<String>> {
    // `-q`, `--quiet`, or a cluster it starts (`-qm`: a later `q` may be a value, `-mq`).
    let quiet =
        |w: &String| w == "-q" || w == "--quiet" || (w.starts_with("-q") && w.len() > 2 && !w.starts_with("--"));
    let end = rest.iter().position(|w| w == "--").unwrap_or(rest.len());
    let listing = sub == "stash" && rest.first().is_some_and(|w| w == "list" || w == "show");
    if !QUIETABLE.contains(&sub) || listing || !rest[..end].iter().any(quiet) {
        return None;
    }
    let kept = rest.iter().enumerate().filter_map(|(i, w)| match w.strip_prefix("-q") {
        _ if i >= end || sub == "pull" || !quiet(w) => Some(w.clone()),
        Some(cluster) if !cluster.is_empty() => Some(format!("-{cluster}")),
        _ => None,
    });
    Some(std::iter::once(sub.to_string()).chain(kept).collect())
}

/// The commands a Debian install of git 2.47 has (`git --exec-path`'s
/// `git-*`): what git's "most similar" suggestions are chosen from.
/// `engine/tests/differential/flags.rs` compares suggestions with git's.
const INSTALLED: &str = concat!(
    "add am annotate apply archimport archive bisect blame branch bugreport bundle cat-file ",
    "check-attr check-ignore check-mailmap check-ref-format checkout checkout--worker checkout-index ",
    "cherry cherry-pick clean clone column commit commit-graph commit-tree config count-objects ",
    "credential credential-cache credential-cache--daemon credential-store cvsexportcommit cvsimport ",
    "cvsserver daemon describe diagnose diff diff-files diff-index diff-tree difftool ",
    "difftool--helper fast-export fast-import fetch fetch-pack filter-branch fmt-merge-msg ",
    "for-each-ref for-each-repo format-patch fsck fsck-objects fsmonitor--daemon gc ",
    "get-tar-commit-id grep hash-object help hook http-backend http-fetch http-push imap-send ",
    "index-pack init init-db instaweb interpret-trailers log ls-files ls-remote ls-tree mailinfo ",
    "mailsplit maintenance merge merge-base merge-file merge-index merge-octopus merge-one-file ",
    "merge-ours merge-recursive merge-resolve merge-subtree merge-tree mergetool mergetool--lib ",
    "mktag mktree multi-pack-index mv name-rev notes p4 pack-objects pack-redundant pack-refs ",
    "patch-id prune prune-packed pull push quiltimport range-diff read-tree rebase receive-pack ",
    "reflog refs remote remote-ext remote-fd remote-ftp remote-ftps remote-http remote-https repack ",
    "replace replay request-pull rerere reset restore rev-list rev-parse revert rm send-email ",
    "send-pack sh-i18n sh-i18n--envsubst sh-setup shell shortlog show show-branch show-index ",
    "show-ref sparse-checkout stage stash status stripspace submodule submodule--helper svn switch ",
    "symbolic-ref tag unpack-file unpack-objects update-index update-ref update-server-info ",
    "upload-archive upload-pack var verify-commit verify-pack verify-tag version web--browse ",
    "whatchanged worktree write-tree"
);

/// The commands `git help` lists: a word one of them starts with is a
/// perfect match for it.
const COMMON: &[&str] = &[
    "clone", "init", "add", "mv", "restore", "rm", "bisect", "diff", "grep", "log", "show", "status", "branch",
    "commit", "merge", "rebase", "reset", "switch", "tag", "fetch", "pull", "push",
];

/// git's suggestions for an unknown `cmd` (`help_unknown_cmd`): the common
/// commands it begins, then every command at the best distance, when that
/// distance is under git's `SIMILARITY_FLOOR` of 7.
fn similar_commands(cmd: &str) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = INSTALLED
        .split(' ')
        .map(|c| {
            let d = if COMMON.contains(&c) && c.starts_with(cmd) { 0 } else { weighted_distance(cmd, c) + 1 };
            (d, c)
        })
        .collect();
    crate::order::sort(&mut scored);
    let prefixes = scored.iter().take_while(|(d, _)| *d == 0).count();
    let Some(&(best, _)) = scored.get(prefixes) else { return Vec::new() };
    if best >= 7 {
        return Vec::new();
    }
    scored.iter().take_while(|(d, _)| *d == 0 || *d == best).map(|(_, c)| (*c).to_string()).collect()
}

/// The candidate closest to `cmd` by git's measure, when it is close enough
/// and unambiguous: the terminal's "did you mean" for its own commands.
pub(crate) fn closest<'a>(cmd: &str, known: &[&'a str]) -> Option<&'a str> {
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| {
            let d = if k.starts_with(cmd) { 0 } else { weighted_distance(cmd, k) + 1 };
            (d, *k)
        })
        .collect();
    crate::order::sort(&mut scored);
    let best = scored.first()?;
    // git only suggests when the best candidate is close enough (its
    // SIMILARITY_FLOOR of 7) and unambiguous.
    (best.0 < 7 && scored.get(1).is_none_or(|s| s.0 != best.0)).then_some(best.1)
}

/// git's `levenshtein`: Damerau–Levenshtein with git's weights for
/// unknown commands (swap 0, substitution 2, insertion 1, deletion 3).
fn weighted_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (w, s, add, del) = (0, 2, 1, 3);
    let mut row0 = vec![0usize; b.len() + 1];
    let mut row1: Vec<usize> = (0..=b.len()).map(|j| j * add).collect();
    let mut row2 = vec![0usize; b.len() + 1];
    for i in 0..a.len() {
        row2[0] = (i + 1) * del;
        for j in 0..b.len() {
            row2[j + 1] = row1[j] + if a[i] == b[j] { 0 } else { s };
            if i > 0 && j > 0 && a[i - 1] == b[j] && a[i] == b[j - 1] && row2[j + 1] > row0[j - 1] + w {
                row2[j + 1] = row0[j - 1] + w;
            }
            row2[j + 1] = row2[j + 1].min(row1[j + 1] + del).min(row2[j] + add);
        }
        std::mem::swap(&mut row0, &mut row1);
        std::mem::swap(&mut row1, &mut row2);
    }
    row1[b.len()]
}

/// The text git's status and checkout print about a branch and its upstream.
pub fn tracking_info(repo: &Repo, branch: &str) -> Option<String> {
    let up = repo.upstreams.get(branch)?;
    let name = up.tracking_ref();
    let Some(theirs) = repo.remote_tracking.get(&name) else {
        return Some(format!(
            "Your branch is based on '{name}', but the upstream is gone.\n  (use \"git branch --unset-upstream\" to fixup)"
        ));
    };
    let ours = repo.branches.get(branch)?;
    let (ahead, behind) = repo.ahead_behind(ours, theirs);
    let plural = |n: usize| if n == 1 { "commit" } else { "commits" };
    Some(match (ahead, behind) {
        (0, 0) => format!("Your branch is up to date with '{name}'."),
        (a, 0) => format!(
            "Your branch is ahead of '{name}' by {a} {}.\n  (use \"git push\" to publish your local commits)",
            plural(a)
        ),
        (0, b) => format!(
            "Your branch is behind '{name}' by {b} {}, and can be fast-forwarded.\n  (use \"git pull\" to update your local branch)",
            plural(b)
        ),
        (a, b) => format!(
            "Your branch and '{name}' have diverged,\nand have {a} and {b} different commits each, respectively.\n  (use \"git pull\" if you want to integrate the remote branch with yours)"
        ),
    })
}

/// One ref pointing at a commit, as `git log --decorate` names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Decoration {
    /// `HEAD -> name`: the checked-out branch.
    HeadBranch(String),
    /// `HEAD`: detached here.
    DetachedHead,
    /// A local branch.
    Branch(String),
    /// A remote-tracking ref (`origin/main`).
    Remote(String),
    /// `tag: name`.
    Tag(String),
}

impl std::fmt::Display for Decoration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::HeadBranch(b) => write!(f, "HEAD -> {b}"),
            Self::DetachedHead => f.write_str("HEAD"),
            Self::Branch(n) | Self::Remote(n) => f.write_str(n),
            Self::Tag(t) => write!(f, "tag: {t}"),
        }
    }
}

impl Decoration {
    /// As `--decorate=full` names it: the whole ref name.
    fn full(&self) -> String {
        match self {
            Self::HeadBranch(b) => format!("HEAD -> refs/heads/{b}"),
            Self::DetachedHead => "HEAD".into(),
            Self::Branch(b) => format!("refs/heads/{b}"),
            Self::Remote(r) => format!("refs/remotes/{r}"),
            Self::Tag(t) => format!("tag: refs/tags/{t}"),
        }
    }
}

/// `--decorate[=short|full|auto|no]`, `--no-decorate`: how an entry's header
/// names the refs at its commit. The tutor's terminal is a terminal, so
/// `auto` (git's default there) is `Short`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Decorate {
    /// `main`, `origin/main`, `tag: v1`.
    #[default]
    Short,
    /// `refs/heads/main`, `refs/remotes/origin/main`, `tag: refs/tags/v1`.
    Full,
    /// No refs in headers.
    No,
}

impl Decorate {
    /// `--decorate=VALUE`, as git's `parse_decoration_style` reads it: a
    /// boolean (an empty value is false), `short`, `full` or `auto`.
    pub fn parse(value: &str) -> Result<Self, GitError> {
        match value.to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" | "1" => return Ok(Self::Short),
            "false" | "no" | "off" | "0" | "" => return Ok(Self::No),
            _ => {}
        }
        match value {
            "short" | "auto" => Ok(Self::Short),
            "full" => Ok(Self::Full),
            _ => Err(GitError::Fatal(format!("invalid --decorate option: {value}"))),
        }
    }
}

/// The refs at one commit, in `git log --decorate`'s order.
pub fn decoration_refs(repo: &Repo, id: &str) -> Vec<Decoration> {
    // git collects refs in refname order and prepends each, so the list comes
    // out reversed: tags, then remote-tracking refs, then local branches; the
    // branch HEAD points at moves to the front as `HEAD -> name`.
    let mut refs: Vec<Decoration> = Vec::new();
    refs.extend(repo.branches.iter().filter(|(_, c)| *c == id).map(|(b, _)| Decoration::Branch(b.clone())));
    // Only a clone has origin/HEAD; the learner's repository takes the short way.
    if repo.remote_head.is_some() {
        refs.extend(
            repo.remote_refs().into_iter().filter(|(_, c)| *c == id).map(|(r, _)| Decoration::Remote(r.into())),
        );
    } else {
        refs.extend(repo.remote_tracking.iter().filter(|(_, c)| *c == id).map(|(r, _)| Decoration::Remote(r.clone())));
    }
    refs.extend(repo.tags.iter().filter(|(_, c)| *c == id).map(|(t, _)| Decoration::Tag(t.clone())));
    refs.reverse();
    match repo.head() {
        Head::Branch(b) if repo.branches.get(b).is_some_and(|c| c == id) => {
            refs.retain(|r| *r != Decoration::Branch(b.clone()));
            refs.insert(0, Decoration::HeadBranch(b.clone()));
        }
        Head::Detached(c) if c == id => refs.insert(0, Decoration::DetachedHead),
        _ => {}
    }
    refs
}

/// `HEAD -> main, origin/main, tag: v1` decorations for one commit, in git's
/// order (`Full`: whole ref names; `No`: none).
pub fn decorations(repo: &Repo, id: &str, style: Decorate) -> Vec<String> {
    let refs = decoration_refs(repo, id);
    match style {
        Decorate::Short => refs.iter().map(ToString::to_string).collect(),
        Decorate::Full => refs.iter().map(Decoration::full).collect(),
        Decorate::No => Vec::new(),
    }
}

/// ` (HEAD -> main, tag: v1)` as a one-line entry carries them, or nothing.
pub fn decorated(repo: &Repo, id: &str, style: Decorate) -> String {
    let deco = decorations(repo, id, style);
    if deco.is_empty() { String::new() } else { format!(" ({})", deco.join(", ")) }
}

const HELP: &str = "usage: git <command> [<args>]

Commands this tutor simulates, as real git runs them:

start a working area
   init       Create an empty Git repository

work on the current change
   add        Add file contents to the index (paths, ., -A, -u, -n)
   mv         Move or rename a file (-f)
   restore    Restore working tree files (--staged, --source)
   rm         Remove files from the working tree and the index (--cached, -r, -f)
   clean      Remove untracked files (-n to see which, -f to remove, -d)
   reset      Reset current HEAD to the specified state (--hard, --soft, HEAD~N, ORIG_HEAD; FILE unstages)
   stash      Put local changes aside (push -m, -u, list [--stat], show -p, pop, apply, drop, branch)

examine the history and state
   describe   Name a commit by the nearest tag (--tags, --abbrev=0)
   diff       Show changes (--stat, --cached, <commit>, A...B, -- FILE)
   blame      Who last changed each line of a file (-s, -e, -L 2,5)
   grep       Find text in the tracked files (-n, -i, -c, -l, -v, --cached, <commit>)
   log        Show commit logs (--oneline, --graph, --all, -n, A..B, A...B --left-right, -p, --stat, --format=, --grep=, -S, -G, --decorate=, --date=, --follow, -- FILE)
   ls-files   Show the files in the index (-o for untracked ones)
   show       Show a commit, a tag or REV:FILE (--stat, -p, --oneline, -s, --format=, -- FILE)
   rev-parse  Print the commit a name stands for (--short, --verify, --abbrev-ref HEAD or @{u}, --symbolic-full-name, --show-toplevel)
   shortlog   Who did what: each author's commits (-s counts, -n most first, -e emails)
   rev-list   List commits by id (--count main..feature: how far ahead)
   merge-base Where two branches parted (--is-ancestor: is one merged into the other?)
   symbolic-ref Which branch HEAD is on (--short HEAD)
   reflog     Where HEAD has been (HEAD@{n} names each place; -n)
   config     Get and set your identity (user.name, user.email; --global)
   status     Show the working tree status (--short, -sb)

grow, mark and tweak your common history
   branch     List, create, rename or delete branches (-d, -D, -m, -a, -r, -vv, -u, --merged, --contains, --sort=-committerdate)
   commit     Record changes to the repository (-m, -am, --amend, --no-edit, --allow-empty)
   merge      Join two development histories together (--no-ff, --ff-only, --squash, --abort)
   cherry-pick Apply the changes of existing commits (-x, --continue, --abort)
   rebase     Reapply commits on top of another base (--onto, --continue, --abort)
   revert     Revert a commit with a new commit (-m 1 for a merge)
   switch     Switch branches (-c to create, -C to create or reset, - for the previous one, --detach)
   checkout   Switch branches or restore files (-b to create, -B to create or reset, -- PATH)
   tag        Create, list or delete tags (-a -m for an annotated one; -l 'v*', -n, --sort=-v:refname)

collaborate
   fetch      Download objects and refs from origin
   ls-remote  List what origin holds, without fetching (--heads, --tags)
   pull       Fetch from origin and merge (--rebase to replay yours on top, --prune)
   push       Update remote refs (-u, --delete, --force-with-lease)
   remote     Manage remotes (-v, add, remove, get-url, prune)

Besides git: echo \"text\" > file (>> appends), cat, ls -a, clear, undo, reset; `help` lists the rest.
Prefix a line with @teammate to run it in your teammate's clone.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_like_git() {
        assert_eq!(similar_commands("comit"), ["commit"]);
        assert_eq!(similar_commands("stauts"), ["status"]);
        assert_eq!(similar_commands("stat"), ["status", "stage", "stash"]);
        assert!(similar_commands("xyzzyplugh").is_empty());
    }
}
