//! `--sort=KEY` for `git branch`: the keys git's ref-filter sorts by that
//! the tutor's refs carry (a name, a commit time), `-` reversing one.

use std::cmp::Ordering;

use super::GitError;
use crate::repo::Repo;

/// One `--sort` key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    by_date: bool,
    reverse: bool,
}

/// Fields git's ref-filter knows that the tutor does not sort by.
const OTHER_FIELDS: &[&str] = &[
    "objectname",
    "objecttype",
    "objectsize",
    "tree",
    "parent",
    "numparent",
    "object",
    "type",
    "tag",
    "author",
    "authorname",
    "authoremail",
    "committer",
    "committername",
    "committeremail",
    "tagger",
    "taggername",
    "taggeremail",
    "taggerdate",
    "creator",
    "subject",
    "body",
    "contents",
    "trailers",
    "upstream",
    "push",
    "symref",
    "HEAD",
    "worktreepath",
    "describe",
    "ahead-behind",
    "version:refname",
    "v:refname",
    "is-base",
    "signature",
    "raw",
    "rest",
    "deltabase",
    "color",
    "align",
    "if",
    "then",
    "else",
    "end",
];

impl SortKey {
    /// `[-]refname`, `[-]committerdate`, `[-]authordate`, `[-]creatordate`.
    pub fn parse(value: &str) -> Result<Self, GitError> {
        let (reverse, field) = match value.strip_prefix('-') {
            Some(f) => (true, f),
            None => (false, value),
        };
        let by_date = match field {
            "refname" => false,
            // The tutor's commits have one time, their author's and committer's.
            "committerdate" | "authordate" | "creatordate" => true,
            f if OTHER_FIELDS.contains(&f.split(':').next().unwrap_or(f)) || OTHER_FIELDS.contains(&f) => {
                return Err(GitError::Fatal(format!("'--sort={value}' is not simulated in this tutor yet")));
            }
            f => return Err(GitError::Fatal(format!("unknown field name: {f}"))),
        };
        Ok(Self { by_date, reverse })
    }
}

/// Sorts `(full refname, commit, line)` rows by `keys`, the last given
/// first, ties going to the refname (git's fallback, never reversed).
pub fn sort<T>(repo: &Repo, keys: &[SortKey], rows: &mut [(String, &str, T)]) {
    let time = |id: &str| repo.commit(id).map_or(0, |c| c.time);
    rows.sort_by(|a, b| {
        for k in keys.iter().rev() {
            let o = if k.by_date { time(a.1).cmp(&time(b.1)) } else { a.0.cmp(&b.0) };
            let o = if k.reverse { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        a.0.cmp(&b.0)
    });
}
