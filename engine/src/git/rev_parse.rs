//! `git rev-parse`: the commit id a name stands for (`HEAD`, `main~1`), short
//! with `--short`, or the branch HEAD is on with `--abbrev-ref HEAD` — what a
//! deploy script or a learner checking "which commit is this?" asks for.

use super::error::WORKTREE;
use super::{Ctx, GitError};
use crate::repo::{Repo, SHORT_ID_LEN};

/// What `rev-parse` prints for each revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// The full id.
    Full,
    /// `--short[=N]`: the id cut to N digits (git's `--verify` too).
    Short(usize),
    /// `--abbrev-ref`: a ref's short name.
    AbbrevRef,
}

/// `git rev-parse` options and revisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevParseArgs {
    form: Form,
    /// `--verify` (or `--short`): exactly one revision that names a commit.
    verify: bool,
    revs: Vec<String>,
}

/// What rev-parse answers about the repository itself, when `question` is
/// one of those options (the clone is at [`WORKTREE`]).
fn about(question: &str) -> Option<String> {
    Some(match question {
        "--show-toplevel" => WORKTREE.to_string(),
        "--absolute-git-dir" => format!("{WORKTREE}/.git"),
        "--git-dir" => ".git".to_string(),
        "--is-inside-work-tree" => "true".to_string(),
        "--is-inside-git-dir" | "--is-bare-repository" => "false".to_string(),
        "--show-prefix" | "--show-cdup" => String::new(),
        _ => return None,
    })
}

fn not_simulated(word: &str) -> GitError {
    GitError::Fatal(format!("'git rev-parse {word}' is not simulated in this tutor yet"))
}

impl RevParseArgs {
    /// Parses the words after `rev-parse`. It has dozens of options and
    /// passes unknown ones through; the tutor refuses those it lacks.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let (mut form, mut verify, mut revs) = (Form::Full, false, Vec::new());
        for word in rest {
            let new = match word.as_str() {
                "--verify" => {
                    verify = true;
                    None
                }
                "--short" => Some(Form::Short(SHORT_ID_LEN)),
                "--abbrev-ref" => Some(Form::AbbrevRef),
                // Questions about the repository, answered in their place.
                w if about(w).is_some() => {
                    revs.push(w.to_string());
                    None
                }
                w if w.starts_with("--short=") => {
                    let n = w["--short=".len()..].parse::<usize>().map_err(|_| not_simulated(w))?;
                    Some(Form::Short(n.clamp(4, 40)))
                }
                w if w.starts_with('-') => return Err(not_simulated(w)),
                rev => {
                    revs.push(rev.to_string());
                    None
                }
            };
            if let Some(new) = new {
                // `--short --abbrev-ref` and the like have rules of their own.
                if form != Form::Full && form != new {
                    return Err(not_simulated(word));
                }
                form = new;
            }
        }
        if verify && form == Form::AbbrevRef {
            return Err(not_simulated("--verify --abbrev-ref"));
        }
        verify |= matches!(form, Form::Short(_));
        Ok(Self { form, verify, revs })
    }
}

/// The object `rev` names: an annotated tag's own object (as git prints
/// it), else the commit.
fn object(repo: &Repo, rev: &str) -> Option<String> {
    repo.annotated_tag(rev).map(|(_, note)| note.id.clone()).or_else(|| repo.resolve(rev))
}

/// A ref's short name (`refs/heads/main` → `main`), when `rev` is one.
fn ref_name(repo: &Repo, rev: &str) -> Option<String> {
    if rev == "HEAD" {
        return Some(repo.current_branch().unwrap_or("HEAD").to_string());
    }
    let heads = rev.strip_prefix("refs/heads/").unwrap_or(rev);
    let remotes = rev.strip_prefix("refs/remotes/").unwrap_or(rev);
    let tags = rev.strip_prefix("refs/tags/").unwrap_or(rev);
    if repo.branches.contains_key(heads) {
        Some(heads.to_string())
    } else if repo.remote_tracking.contains_key(remotes) {
        Some(remotes.to_string())
    } else {
        repo.tags.contains_key(tags).then(|| tags.to_string())
    }
}

/// `git rev-parse`.
pub fn run(a: &RevParseArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    if a.verify {
        let id = match a.revs.as_slice() {
            [rev] => object(repo, rev),
            _ => None,
        };
        let id = id.ok_or_else(|| GitError::Fatal("Needed a single revision".into()))?;
        return Ok(match a.form {
            Form::Short(n) => id[..n.min(id.len())].to_string(),
            _ => id,
        });
    }
    let mut out = Vec::new();
    for rev in &a.revs {
        if let Some(answer) = about(rev) {
            out.push(answer);
            continue;
        }
        let Some(id) = object(repo, rev) else {
            // git prints the word it could not read, then refuses.
            out.push(rev.clone());
            out.push(GitError::AmbiguousArgument(rev.clone()).to_string());
            return Err(GitError::Refused(out.join("\n")));
        };
        if a.form == Form::AbbrevRef {
            // A revision that is no ref's name (`HEAD~1`, an id) prints nothing.
            out.extend(ref_name(repo, rev));
        } else {
            out.push(id);
        }
    }
    Ok(out.join("\n"))
}
