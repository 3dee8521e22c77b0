//! Git's refusals. Each `Display` is what git prints, so the terminal shows it as is.

use thiserror::Error;

const REF_SYNTAX_HINT: &str =
    "hint: See `man git check-ref-format`\nhint: Disable this message with \"git config advice.refSyntax false\"";

/// Every refusal git makes here; the text is git's own.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum GitError {
    /// No repository yet (before `git init`).
    #[error("fatal: not a git repository (or any of the parent directories): .git")]
    NotARepo,
    /// `git foo`: not a git command, with git's suggestion.
    #[error("git: '{cmd}' is not a git command. See 'git --help'.{}", suggestion_text(.suggestions))]
    UnknownCommand {
        /// The word after `git`.
        cmd: String,
        /// The commands git would suggest, best first (none when none is close).
        suggestions: Vec<String>,
    },
    /// A branch name `git check-ref-format` refuses.
    #[error("fatal: '{0}' is not a valid branch name\n{REF_SYNTAX_HINT}")]
    InvalidBranchName(String),
    /// A tag name git refuses.
    #[error("fatal: '{0}' is not a valid tag name.")]
    InvalidTagName(String),
    /// `git branch X` when X exists.
    #[error("fatal: a branch named '{0}' already exists")]
    BranchExists(String),
    /// `git tag X` when X exists.
    #[error("fatal: tag '{0}' already exists")]
    TagExists(String),
    #[error(
        "fatal: cannot lock ref 'refs/heads/{new}': 'refs/heads/{existing}' exists; cannot create 'refs/heads/{new}'"
    )]
    /// `feature/x` when `feature` is a branch (or the reverse).
    RefPathClash {
        /// The branch being created.
        new: String,
        /// The branch in its way.
        existing: String,
    },
    /// A path or branch that matches nothing.
    #[error("error: pathspec '{0}' did not match any file(s) known to git")]
    PathspecNoMatch(String),
    /// `git add` of a path that matches nothing.
    #[error("fatal: pathspec '{0}' did not match any files")]
    AddNoMatch(String),
    /// `git switch` to something that is not a branch.
    #[error("fatal: invalid reference: {0}")]
    InvalidReference(String),
    /// A start point that names no commit.
    #[error("fatal: not a valid object name: '{0}'")]
    NotValidObjectName(String),
    #[error("{}", ambiguous(.0))]
    /// A revision that names nothing.
    AmbiguousArgument(String),
    /// A bad revision in a range.
    #[error("fatal: bad revision '{0}'")]
    BadRevision(String),
    /// Deleting the branch HEAD is on.
    #[error("error: cannot delete branch '{0}' used by worktree at '{WORKTREE}'")]
    DeleteCurrent(String),
    /// Deleting a branch that does not exist.
    #[error("error: branch '{0}' not found")]
    BranchNotFound(String),
    #[error(
        "error: the branch '{0}' is not fully merged\nhint: If you are sure you want to delete it, run 'git branch -D {0}'\nhint: Disable this message with \"git config advice.forceDeleteBranch false\""
    )]
    /// `git branch -d` of unmerged work.
    NotFullyMerged(String),
    /// `git switch` with nothing to switch to.
    #[error("fatal: missing branch or commit argument")]
    NothingToSwitchTo,
    /// A switch missing its value (`-c`).
    #[error("error: switch `{0}' requires a value")]
    MissingValue(String),
    /// An option missing its value (`-m`).
    #[error("error: option `{0}' requires a value")]
    MissingOptionValue(String),
    /// `--flag=value` for a flag that takes none (the long name, the word as typed).
    #[error("error: option `{0}' takes no value")]
    TakesNoValue(String, String),
    /// `--flag` the command does not have, with its usage.
    #[error("error: unknown option `{0}'\nusage: git {1}")]
    UnknownOption(String, &'static str),
    /// `-x` the command does not have, with its usage.
    #[error("error: unknown switch `{0}'\nusage: git {1}")]
    UnknownSwitch(char, &'static str),
    /// `git diff --x` git does not have (diff words it "invalid option"; the
    /// option as typed, the usage).
    #[error("error: invalid option: {0}\nusage: git {1}")]
    InvalidOption(String, &'static str),
    /// Any other `fatal:` line.
    #[error("fatal: {0}")]
    Fatal(String),
    /// Any other `error:` line.
    #[error("error: {0}")]
    Error(String),
    /// Output git prints on a refusal that is not a single fatal line
    /// (e.g. `git commit` with nothing to commit prints the status).
    #[error("{0}")]
    Refused(String),
}

/// Where the learner's clone lives, in messages that show a path.
pub const WORKTREE: &str = "/home/you/chatbot";

fn suggestion_text(s: &[String]) -> String {
    match s {
        [] => String::new(),
        [one] => format!("\n\nThe most similar command is\n\t{one}"),
        many => format!("\n\nThe most similar commands are\n\t{}", many.join("\n\t")),
    }
}

/// git's refusal of a word that is no revision and no path — except
/// `branch@{N}` (and `@{N}`, the current branch's), which git reads in the
/// branch's own reflog: the tutor keeps
/// HEAD's alone, so it says that instead of pretending git would refuse.
fn ambiguous(word: &str) -> String {
    let branch_reflog = word
        .split_once("@{")
        .is_some_and(|(name, n)| name != "HEAD" && n.strip_suffix('}').is_some_and(|n| n.parse::<usize>().is_ok()));
    if branch_reflog {
        return format!(
            "fatal: '{word}': a branch's own reflog is not simulated in this tutor yet; HEAD@{{N}} (HEAD's reflog) is"
        );
    }
    format!(
        "fatal: ambiguous argument '{word}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'"
    )
}

#[cfg(test)]
mod tests {
    use super::GitError;

    #[test]
    fn a_branch_reflog_is_said_to_be_unsimulated_not_unknown() {
        let said = |w: &str| GitError::AmbiguousArgument(w.into()).to_string();
        for word in ["main@{1}", "@{1}"] {
            assert!(said(word).contains("a branch's own reflog is not simulated"), "{word}");
        }
        for word in ["nowhere", "HEAD@{9}", "main@{u}", "@{-1}"] {
            assert!(said(word).starts_with(&format!("fatal: ambiguous argument '{word}'")), "{word}");
        }
    }
}
