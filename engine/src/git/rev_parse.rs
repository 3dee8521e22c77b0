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
    /// `--symbolic-full-name`: a ref's whole name (`refs/heads/main`).
    FullRef,
}

/// `git rev-parse` options and revisions. git reads its words in order: an
/// option changes how the revisions after it print, and a revision before
/// `--verify`/`--short` prints at once, in the form of its moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevParseArgs {
    /// Each revision (or question) with the form it prints in and whether
    /// `--verify` was on when it came.
    revs: Vec<(String, Form, bool)>,
    /// The form once every word is read: the verified revision prints so.
    form: Form,
    /// `--verify` (or `--short`) by the end: exactly one revision after it
    /// that names a commit.
    verify: bool,
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
        let (mut verify, mut revs) = (false, Vec::new());
        // A ref's name (`--abbrev-ref` over `--symbolic-full-name`) wins
        // over `--short`, which still implies `--verify`.
        let (mut named, mut short) = (None, None);
        let form = |named: Option<Form>, short: Option<usize>| named.or(short.map(Form::Short)).unwrap_or(Form::Full);
        for word in rest {
            match word.as_str() {
                "--verify" => verify = true,
                "--short" => (short, verify) = (Some(SHORT_ID_LEN), true),
                "--abbrev-ref" => named = Some(Form::AbbrevRef),
                "--symbolic-full-name" => named = named.or(Some(Form::FullRef)),
                // Questions about the repository, answered in their place.
                w if about(w).is_some() => revs.push((w.to_string(), Form::Full, false)),
                w if w.starts_with("--short=") => {
                    let n = w["--short=".len()..].parse::<usize>().map_err(|_| not_simulated(w))?;
                    (short, verify) = (Some(n.clamp(4, 40)), true);
                }
                w if w.starts_with('-') => return Err(not_simulated(w)),
                rev => revs.push((rev.to_string(), form(named, short), verify)),
            }
        }
        Ok(Self { revs, form: form(named, short), verify })
    }
}

/// The object `rev` names: an annotated tag's own object (as git prints
/// it), else the commit.
fn object(repo: &Repo, rev: &str) -> Option<String> {
    repo.annotated_tag(rev).map(|(_, note)| note.id.clone()).or_else(|| repo.resolve(rev))
}

/// The whole name of the ref `rev` names (`HEAD` → `refs/heads/main`,
/// `@{u}` → `refs/remotes/origin/main`, `@{-1}` → the branch before), when
/// it names one; `HEAD` itself when detached. An upstream that is not
/// there is git's error.
fn full_ref(repo: &Repo, rev: &str) -> Result<Option<String>, GitError> {
    if rev == "HEAD" || rev == "@" {
        return Ok(Some(repo.current_branch().map_or_else(|| "HEAD".to_string(), |b| format!("refs/heads/{b}"))));
    }
    if let Some(branch) = crate::repo::upstream_of_rev(rev) {
        let branch = if branch.is_empty() { repo.current_branch().unwrap_or("HEAD") } else { branch };
        return match repo.upstream_of(branch) {
            Some(tracking) => Ok(Some(format!("refs/remotes/{tracking}"))),
            None => Err(super::branch::missing_upstream(repo, rev).unwrap_or(GitError::BadRevision(rev.to_string()))),
        };
    }
    if rev == "@{-1}" {
        return Ok(match &repo.previous {
            Some(crate::repo::Head::Branch(b)) if repo.branches.contains_key(b) => Some(format!("refs/heads/{b}")),
            _ => None,
        });
    }
    // git's order: tags, then branches, then remote-tracking refs.
    let name = |prefix: &str| rev.strip_prefix(prefix).unwrap_or(rev);
    Ok(if repo.tags.contains_key(name("refs/tags/")) {
        Some(format!("refs/tags/{}", name("refs/tags/")))
    } else if repo.branches.contains_key(name("refs/heads/")) {
        Some(format!("refs/heads/{}", name("refs/heads/")))
    } else if repo.remote_tracking.contains_key(name("refs/remotes/")) {
        Some(format!("refs/remotes/{}", name("refs/remotes/")))
    } else {
        None
    })
}

/// A ref's short name (`refs/heads/main` → `main`), when `rev` names one.
fn ref_name(repo: &Repo, rev: &str) -> Result<Option<String>, GitError> {
    Ok(full_ref(repo, rev)?.map(|full| {
        ["refs/heads/", "refs/tags/", "refs/remotes/"]
            .iter()
            .find_map(|p| full.strip_prefix(p))
            .map_or(full.clone(), str::to_string)
    }))
}

/// `git rev-parse`.
pub fn run(a: &RevParseArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    let mut out = Vec::new();
    // What git has printed stays printed when it then refuses.
    let no_single = |out: &mut Vec<String>| {
        out.push(GitError::Fatal("Needed a single revision".into()).to_string());
        GitError::Refused(out.join("\n"))
    };
    let mut verified = Vec::new();
    for (rev, form, verify) in &a.revs {
        if let Some(answer) = about(rev) {
            out.push(answer);
            continue;
        }
        if *verify {
            if object(repo, rev).is_none() {
                return Err(no_single(&mut out));
            }
            verified.push(rev);
            continue;
        }
        let Some(id) = object(repo, rev) else {
            if let Some(missing) = super::branch::missing_upstream(repo, rev) {
                return Err(missing);
            }
            // git prints the word it could not read, then refuses.
            out.push(rev.clone());
            out.push(GitError::AmbiguousArgument(rev.clone()).to_string());
            return Err(GitError::Refused(out.join("\n")));
        };
        // A revision that is no ref's name (`HEAD~1`, an id) prints nothing.
        out.extend(shown(repo, rev, id, *form)?);
    }
    if a.verify {
        let [rev] = verified.as_slice() else { return Err(no_single(&mut out)) };
        let id = object(repo, rev).unwrap_or_default();
        // Verified, a revision that is no ref's name prints an empty line.
        out.push(shown(repo, rev, id, a.form)?.unwrap_or_default());
    }
    Ok(out.join("\n"))
}

/// `rev` (whose object is `id`) in `form`: `None` when the form is a ref's
/// name and `rev` names no ref.
fn shown(repo: &Repo, rev: &str, id: String, form: Form) -> Result<Option<String>, GitError> {
    Ok(match form {
        Form::AbbrevRef => ref_name(repo, rev)?,
        Form::FullRef => full_ref(repo, rev)?,
        Form::Short(n) => Some(id[..n.min(id.len())].to_string()),
        Form::Full => Some(id),
    })
}
