//! `git reflog`: where HEAD has been, newest first, as `HEAD@{n}` names it
//! (git's `log -g --abbrev-commit --pretty=oneline`).

use super::{Ctx, GitError, decorated};
use crate::repo::short;

/// `git reflog [show] [HEAD] [-n N | -N]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReflogArgs {
    max: Option<usize>,
}

impl ReflogArgs {
    /// Parses the words after `reflog`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let not_simulated =
            |what: &str| GitError::Fatal(format!("'git reflog {what}' is not simulated in this tutor yet"));
        let words = match rest.split_first() {
            Some((first, tail)) if first == "show" => tail,
            Some((first, _)) if ["expire", "delete", "exists", "list", "drop"].contains(&first.as_str()) => {
                return Err(not_simulated(first));
            }
            _ => rest,
        };
        let bad_count = |n: &str| GitError::Fatal(format!("'{n}': not an integer"));
        let mut max = None;
        let mut it = words.iter();
        while let Some(w) = it.next() {
            if w == "HEAD" || w == "@" {
                continue;
            }
            if w == "-n" || w == "--max-count" {
                let n = it.next().ok_or_else(|| GitError::MissingOptionValue("max-count".into()))?;
                max = Some(n.parse().map_err(|_| bad_count(n))?);
            } else if let Some(n) = w.strip_prefix("--max-count=").or_else(|| w.strip_prefix("-n")) {
                max = Some(n.parse().map_err(|_| bad_count(n))?);
            } else if let Some(Ok(n)) = w.strip_prefix('-').map(str::parse::<usize>) {
                max = Some(n);
            } else if w.starts_with('-') {
                return Err(not_simulated(w));
            } else {
                // Another ref's reflog: git keeps one per branch; the tutor keeps HEAD's.
                return Err(not_simulated(&format!("show {w}")));
            }
        }
        Ok(Self { max })
    }
}

/// `git reflog`.
pub fn run(a: &ReflogArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    if repo.head_commit().is_none() {
        let b = repo.current_branch().unwrap_or("main");
        return Err(GitError::Fatal(format!("your current branch '{b}' does not have any commits yet")));
    }
    let lines: Vec<String> = repo
        .reflog
        .iter()
        .rev()
        .enumerate()
        .filter_map(|(n, entry)| {
            let id = entry.id.as_ref()?;
            Some(format!(
                "{}{} HEAD@{{{n}}}: {}",
                short(id),
                decorated(repo, id, super::Decorate::Short),
                entry.message
            ))
        })
        .take(a.max.unwrap_or(usize::MAX))
        .collect();
    Ok(lines.join("\n"))
}
