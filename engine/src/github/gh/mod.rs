//! The `gh` command line (GitHub CLI names and flags): `gh pr …` and
//! `gh run …`, parsed without the world, run against a narrow [`Ctx`].

mod flags;
mod pr;
mod runs;

pub use flags::{FlagError, Flags, Spec};

use super::Hub;
use crate::git::{self, GitCommand, GitError};
use crate::outcome::Outcome;
use crate::repo::{Repo, Tree};

/// What `gh` may touch: GitHub's side, origin, and (for `gh pr checkout` and
/// `--delete-branch`) the clone it runs in.
pub struct Ctx<'a> {
    /// Pull requests, runs, protection.
    pub hub: &'a mut Hub,
    /// The repository on GitHub.
    pub origin: &'a mut Repo,
    /// The clone gh runs in (the learner's or the teammate's), if any.
    pub local: Option<&'a mut Repo>,
    /// That clone's working tree.
    pub work: &'a mut Tree,
    /// The virtual clock.
    pub clock: &'a mut u64,
    /// Who runs it (a git identity).
    pub author: &'a str,
}

impl Ctx<'_> {
    /// Runs a git command in the clone, as gh does for checkout and cleanup.
    fn git(&mut self, argv: &[&str]) -> Outcome {
        let Some(repo) = self.local.as_deref_mut() else { return Outcome::err(GitError::NotARepo.to_string()) };
        let words: Vec<String> = argv.iter().map(ToString::to_string).collect();
        let mut ctx = git::Ctx {
            repo,
            origin: self.origin,
            work: self.work,
            clock: self.clock,
            author: self.author,
            hook: &self.hub.protection,
        };
        match GitCommand::parse(&words) {
            Ok(c) => c.run(&mut ctx).into(),
            Err(e) => Outcome::err(e.to_string()),
        }
    }

    /// The branch the clone has checked out.
    fn current_branch(&self) -> Option<String> {
        self.local.as_deref().and_then(Repo::current_branch).map(str::to_string)
    }

    /// Runs a parsed `gh` command.
    pub fn run(&mut self, cmd: &GhCommand) -> Outcome {
        let f = &cmd.flags;
        match cmd.sub {
            Sub::Help => Outcome::ok(GH_HELP),
            Sub::PrHelp => Outcome::ok(PR_HELP),
            Sub::PrCreate => self.pr_create(f),
            Sub::PrList => self.pr_list(f),
            Sub::PrView => self.pr_view(f),
            Sub::PrChecks => self.pr_checks(f),
            Sub::PrReview => self.pr_review(f),
            Sub::PrMerge => self.pr_merge(f),
            Sub::PrClose => self.pr_close(f),
            Sub::PrCheckout => self.pr_checkout(f),
            Sub::RunList => self.run_list(),
            Sub::RunView => self.run_view(f),
        }
    }
}

const GH_HELP: &str = "Work seamlessly with GitHub from the command line.\n\nThis tutor simulates:\n  gh pr     create, list, view, checks, review, merge, close, checkout\n  gh run    list, view";

const PR_HELP: &str = "Work with GitHub pull requests.

USAGE
  gh pr <command> [flags]

COMMANDS
  create:      Create a pull request (--base, --head, --title, --body, --fill)
  list:        List pull requests (--state open|closed|merged|all)
  view:        View a pull request
  checks:      Show CI status for a single pull request
  review:      Add a review to a pull request (--approve, --request-changes, --comment, --body)
  merge:       Merge a pull request (--merge, --squash, --rebase, --delete-branch)
  close:       Close a pull request (--delete-branch)
  checkout:    Check out a pull request's branch locally";

const RUN_USAGE: &str = "usage: gh run list | gh run view <run-id> [--log | --log-failed]";

/// Which `gh` subcommand a line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sub {
    Help,
    PrHelp,
    PrCreate,
    PrList,
    PrView,
    PrChecks,
    PrReview,
    PrMerge,
    PrClose,
    PrCheckout,
    RunList,
    RunView,
}

/// A parsed `gh` command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GhCommand {
    sub: Sub,
    flags: Flags,
}

/// A `gh` line gh would refuse before doing anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GhError {
    /// A flag the command does not have, or one missing its value.
    #[error(transparent)]
    Flag(#[from] FlagError),
    /// `gh pr NAME` with an unknown NAME.
    #[error("unknown command \"{0}\" for \"gh pr\"\n\n{PR_HELP}")]
    UnknownPr(String),
    /// `gh NAME` with an unknown NAME.
    #[error("unknown command \"{0}\" for \"gh\"\n\nThis tutor simulates `gh pr …` and `gh run …`.")]
    Unknown(String),
    /// `gh run` with something other than list or view.
    #[error("{RUN_USAGE}")]
    RunUsage,
}

/// `[<number> | <url> | <branch>]`: the pull request a command names.
const PR_ARG: &str = "[<number> | <url> | <branch>]";

impl GhCommand {
    /// Parses the words after `gh`.
    pub fn parse(args: &[String]) -> Result<Self, GhError> {
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        let (sub, spec, usage): (Sub, &[Spec], String) = match words.as_slice() {
            [] | ["--help" | "help"] => return Ok(Self { sub: Sub::Help, flags: Flags::default() }),
            ["pr"] | ["pr", "--help" | "-h" | "help"] => return Ok(Self { sub: Sub::PrHelp, flags: Flags::default() }),
            ["pr", "create", ..] => (
                Sub::PrCreate,
                &[
                    ("base", Some('B'), true),
                    ("head", Some('H'), true),
                    ("title", Some('t'), true),
                    ("body", Some('b'), true),
                    ("fill", Some('f'), false),
                ],
                "gh pr create".into(),
            ),
            ["pr", "list", ..] => (Sub::PrList, &[("state", Some('s'), true)], "gh pr list".into()),
            ["pr", "view", ..] => (Sub::PrView, &[], format!("gh pr view {PR_ARG}")),
            ["pr", "checks", ..] => (Sub::PrChecks, &[], format!("gh pr checks {PR_ARG}")),
            ["pr", "review", ..] => (
                Sub::PrReview,
                &[
                    ("approve", Some('a'), false),
                    ("request-changes", Some('r'), false),
                    ("comment", Some('c'), false),
                    ("body", Some('b'), true),
                ],
                format!("gh pr review {PR_ARG}"),
            ),
            ["pr", "merge", ..] => (
                Sub::PrMerge,
                &[
                    ("merge", Some('m'), false),
                    ("squash", Some('s'), false),
                    ("rebase", Some('r'), false),
                    ("delete-branch", Some('d'), false),
                ],
                format!("gh pr merge {PR_ARG}"),
            ),
            ["pr", "close", ..] => {
                (Sub::PrClose, &[("delete-branch", Some('d'), false)], format!("gh pr close {PR_ARG}"))
            }
            ["pr", "checkout", ..] => (Sub::PrCheckout, &[], "gh pr checkout {<number> | <url> | <branch>}".into()),
            ["pr", other, ..] => return Err(GhError::UnknownPr((*other).to_string())),
            ["run", "list", ..] => (Sub::RunList, &[], "gh run list".into()),
            ["run", "view", ..] => {
                (Sub::RunView, &[("log", None, false), ("log-failed", None, false)], "gh run view [<run-id>]".into())
            }
            ["run", ..] => return Err(GhError::RunUsage),
            [other, ..] => return Err(GhError::Unknown((*other).to_string())),
        };
        let flags = Flags::parse(&args[2..], spec, &usage)?;
        Ok(Self { sub, flags })
    }
}
