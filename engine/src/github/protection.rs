//! Branch protection: GitHub's settings page for a branch, as the `protect`
//! command, and the refusals it makes GitHub give.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{checks, plural};
use crate::outcome::Outcome;
use crate::repo::Repo;

/// A branch protection rule (GitHub's settings page, as a command).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Protection {
    /// Changes must come through a pull request.
    pub require_pr: bool,
    /// Approving reviews required before merging.
    pub approvals: u32,
    /// The CI jobs must pass before merging.
    pub require_checks: bool,
}

impl Protection {
    /// The rule in words, as `protect` lists it.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.require_pr {
            parts.push("pull request required".to_string());
        }
        if self.approvals > 0 {
            parts.push(format!("{} approving review{}", self.approvals, plural(self.approvals as usize)));
        }
        if self.require_checks {
            parts.push(format!("checks must pass ({})", checks::JOBS.map(|j| format!("CI / {j}")).join(", ")));
        }
        parts.push("no force pushes".into());
        parts.join(", ")
    }

    /// Why a direct push to the branch is refused, in GitHub's words.
    pub fn push_refusal(&self, forced: bool) -> Vec<String> {
        let mut why = Vec::new();
        if forced {
            why.push("Cannot force-push to this branch".to_string());
        }
        if self.approvals > 0 {
            why.push(format!(
                "At least {} approving review{} required by reviewers with write access.",
                self.approvals,
                if self.approvals == 1 { " is" } else { "s are" }
            ));
        } else if self.require_pr {
            why.push("Changes must be made through a pull request.".into());
        }
        if self.require_checks {
            for j in checks::JOBS {
                why.push(format!("Required status check \"CI / {j}\" is expected."));
            }
        }
        why
    }
}

/// `protect`'s usage line.
const USAGE: &str = "usage: protect BRANCH [--require-pr] [--approvals N] [--require-checks] | protect BRANCH --off";

/// A `protect …` command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtectCommand {
    /// `protect`: the rules in force.
    List,
    /// `protect BRANCH …`: set the branch's rule.
    Set(String, Protection),
    /// `protect BRANCH --off`: lift it.
    Off(String),
}

/// Why a `protect` line did not parse, or did nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProtectError {
    /// A flag `protect` does not have.
    #[error(transparent)]
    Flag(#[from] super::gh::FlagError),
    /// Not one branch.
    #[error("{USAGE}")]
    Usage,
    /// `--approvals` with something other than a number.
    #[error("protect: --approvals takes a number, not '{0}'")]
    Approvals(String),
    /// `--off` on a branch with no rule.
    #[error("protect: {0} is not protected")]
    NotProtected(String),
    /// A rule for a branch origin does not have.
    #[error("protect: origin has no branch '{0}' (push it first)")]
    NoBranch(String),
}

impl ProtectCommand {
    /// Parses the words after `protect`.
    pub fn parse(args: &[String]) -> Result<Self, ProtectError> {
        if args.is_empty() {
            return Ok(Self::List);
        }
        let f = super::gh::Flags::parse(
            args,
            &[
                ("require-pr", None, false),
                ("approvals", None, true),
                ("require-checks", None, false),
                ("off", None, false),
            ],
            "protect BRANCH",
        )?;
        let [branch] = f.positional.as_slice() else { return Err(ProtectError::Usage) };
        if f.has("off") {
            return Ok(Self::Off(branch.clone()));
        }
        let approvals = match f.value("approvals") {
            None => 0,
            Some(v) => v.parse().map_err(|_| ProtectError::Approvals(v.to_string()))?,
        };
        let rule = Protection {
            require_pr: f.has("require-pr") || approvals > 0,
            approvals,
            require_checks: f.has("require-checks"),
        };
        Ok(Self::Set(branch.clone(), rule))
    }

    /// The words after `protect` that parse back to this command.
    pub fn words(&self) -> Vec<String> {
        let (branch, mut flags) = match self {
            Self::List => return Vec::new(),
            Self::Off(b) => (b, vec!["--off".to_string()]),
            Self::Set(b, r) => {
                let mut w = Vec::new();
                if r.require_pr && r.approvals == 0 {
                    w.push("--require-pr".into());
                }
                if r.approvals > 0 {
                    w.extend(["--approvals".to_string(), r.approvals.to_string()]);
                }
                if r.require_checks {
                    w.push("--require-checks".into());
                }
                (b, w)
            }
        };
        // `protect main --require-pr`; a name that looks like a flag goes after `--`.
        if branch.starts_with('-') {
            flags.extend(["--".to_string(), branch.clone()]);
            flags
        } else {
            std::iter::once(branch.clone()).chain(flags).collect()
        }
    }

    /// Applies it to origin's rules.
    pub fn run(&self, rules: &mut BTreeMap<String, Protection>, origin: &Repo) -> Outcome {
        match self {
            Self::List if rules.is_empty() => Outcome::ok(
                "No protected branches. Protect one with: protect main --require-pr --approvals 1 --require-checks",
            ),
            Self::List => {
                Outcome::ok(rules.iter().map(|(b, r)| format!("{b}: {}", r.describe())).collect::<Vec<_>>().join("\n"))
            }
            Self::Off(branch) => match rules.remove(branch) {
                Some(_) => Outcome::ok(format!("{branch}: protection removed")),
                None => Outcome::err(ProtectError::NotProtected(branch.clone()).to_string()),
            },
            Self::Set(branch, rule) => {
                if !origin.branches.contains_key(branch) {
                    return Outcome::err(ProtectError::NoBranch(branch.clone()).to_string());
                }
                rules.insert(branch.clone(), *rule);
                Outcome::ok(format!("{branch} is protected on origin: {}", rule.describe()))
            }
        }
    }
}

/// origin's rules are the hook git's push meets.
impl crate::git::PushHook for BTreeMap<String, Protection> {
    fn refusal(&self, branch: &str, forced: bool) -> Vec<String> {
        self.get(branch).map(|rule| rule.push_refusal(forced)).unwrap_or_default()
    }
}
