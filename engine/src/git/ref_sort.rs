//! `--sort=KEY` for `git branch` and `git tag`: the keys git's ref-filter
//! sorts by that the tutor's refs carry (a name, a version, a time), `-`
//! reversing one.

use std::cmp::Ordering;

use super::GitError;

/// What a key compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum By {
    Name,
    /// `version:refname`: numbers in names compared as numbers (`v1.10` after `v1.9`).
    Version,
    /// The commit's time (a tag's: its tagger's, when annotated).
    Date,
}

/// One `--sort` key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    by: By,
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
    /// `[-]refname`, `[-]version:refname` (`v:refname`), `[-]creatordate`,
    /// and for branches (`dates`) `[-]committerdate` and `[-]authordate`.
    pub fn parse(value: &str, dates: bool) -> Result<Self, GitError> {
        let (reverse, field) = match value.strip_prefix('-') {
            Some(f) => (true, f),
            None => (false, value),
        };
        let by = match field {
            "refname" => By::Name,
            "version:refname" | "v:refname" => By::Version,
            // The tutor's commits have one time, their author's and committer's.
            "creatordate" => By::Date,
            "committerdate" | "authordate" if dates => By::Date,
            "committerdate" | "authordate" => {
                return Err(GitError::Fatal(format!("'--sort={value}' is not simulated in this tutor yet")));
            }
            f if OTHER_FIELDS.contains(&f.split(':').next().unwrap_or(f)) || OTHER_FIELDS.contains(&f) => {
                return Err(GitError::Fatal(format!("'--sort={value}' is not simulated in this tutor yet")));
            }
            f => return Err(GitError::Fatal(format!("unknown field name: {f}"))),
        };
        Ok(Self { by, reverse })
    }
}

/// `a` and `b` with their runs of digits compared as numbers.
fn version_order(a: &str, b: &str) -> Ordering {
    let runs = |s: &str| -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, run)) if *d == digit => run.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    };
    let (ra, rb) = (runs(a), runs(b));
    for (x, y) in ra.iter().zip(&rb) {
        let o = match (x, y) {
            ((true, m), (true, n)) => {
                let (m, n) = (m.trim_start_matches('0'), n.trim_start_matches('0'));
                m.len().cmp(&n.len()).then_with(|| m.cmp(n))
            }
            ((_, m), (_, n)) => m.cmp(n),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    ra.len().cmp(&rb.len())
}

/// Sorts `(full refname, time, line)` rows by `keys`, the last given
/// first, ties going to the refname (git's fallback, never reversed).
pub fn sort<T>(keys: &[SortKey], rows: &mut Vec<(String, u64, T)>) {
    crate::order::sort_by(rows, |a, b| {
        for k in keys.iter().rev() {
            let o = match k.by {
                By::Name => a.0.cmp(&b.0),
                By::Version => version_order(&a.0, &b.0),
                By::Date => a.1.cmp(&b.1),
            };
            let o = if k.reverse { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        a.0.cmp(&b.0)
    });
}
