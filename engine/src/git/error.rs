//! Git's refusals. Each `Display` is what git prints, so the terminal shows it as is.

use thiserror::Error;

const REF_SYNTAX_HINT: &str =
    "hint: See `man git check-ref-format`\nhint: Disable this message with \"git config advice.refSyntax false\"";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum GitError {
    #[error("fatal: not a git repository (or any of the parent directories): .git")]
    NotARepo,
    #[error("git: '{cmd}' is not a git command. See 'git --help'.{}", suggestion_text(.suggestion.as_deref()))]
    UnknownCommand { cmd: String, suggestion: Option<String> },
    #[error("fatal: '{0}' is not a valid branch name\n{REF_SYNTAX_HINT}")]
    InvalidBranchName(String),
    #[error("fatal: '{0}' is not a valid tag name.")]
    InvalidTagName(String),
    #[error("fatal: a branch named '{0}' already exists")]
    BranchExists(String),
    #[error("fatal: tag '{0}' already exists")]
    TagExists(String),
    #[error(
        "fatal: cannot lock ref 'refs/heads/{new}': 'refs/heads/{existing}' exists; cannot create 'refs/heads/{new}'"
    )]
    RefPathClash { new: String, existing: String },
    #[error("error: pathspec '{0}' did not match any file(s) known to git")]
    PathspecNoMatch(String),
    #[error("fatal: pathspec '{0}' did not match any files")]
    AddNoMatch(String),
    #[error("fatal: invalid reference: {0}")]
    InvalidReference(String),
    #[error("fatal: not a valid object name: '{0}'")]
    NotValidObjectName(String),
    #[error(
        "fatal: ambiguous argument '{0}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'"
    )]
    AmbiguousArgument(String),
    #[error("fatal: bad revision '{0}'")]
    BadRevision(String),
    #[error("error: cannot delete branch '{0}' used by worktree at '{WORKTREE}'")]
    DeleteCurrent(String),
    #[error("error: branch '{0}' not found")]
    BranchNotFound(String),
    #[error(
        "error: the branch '{0}' is not fully merged\nhint: If you are sure you want to delete it, run 'git branch -D {0}'\nhint: Disable this message with \"git config advice.forceDeleteBranch false\""
    )]
    NotFullyMerged(String),
    #[error("fatal: you must specify a branch name or a commit")]
    NothingToSwitchTo,
    #[error("error: switch `{0}' requires a value")]
    MissingValue(String),
    #[error("error: option `{0}' requires a value")]
    MissingOptionValue(String),
    #[error("error: unknown option `{0}'\nusage: git {1}")]
    UnknownOption(String, &'static str),
    #[error("error: unknown switch `{0}'\nusage: git {1}")]
    UnknownSwitch(char, &'static str),
    #[error("fatal: {0}")]
    Fatal(String),
    #[error("error: {0}")]
    Error(String),
    /// Output git prints on a refusal that is not a single fatal line
    /// (e.g. `git commit` with nothing to commit prints the status).
    #[error("{0}")]
    Refused(String),
}

/// Where the learner's clone lives, in messages that show a path.
pub const WORKTREE: &str = "~/chatbot";

fn suggestion_text(s: Option<&str>) -> String {
    s.map(|s| format!("\n\nThe most similar command is\n\t{s}")).unwrap_or_default()
}
