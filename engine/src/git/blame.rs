//! `git blame FILE`: which commit last changed each line, and who made it —
//! the working tree's copy, so a line not committed yet says so. Lines are
//! passed from each commit to its parents through the same line matching
//! the diffs use (a parent with the very same file takes them all, as in
//! git), and what no parent had is that commit's.

use std::collections::BTreeMap;

use super::args::{self, flag, value};
use super::{Ctx, GitError};
use crate::clock::iso;
use crate::repo::{CommitId, Repo, SHORT_ID_LEN};

/// `git blame [-s] [-e] [-L N,M] [REV] [--] FILE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlameArgs {
    /// `-s`: no author and date.
    bare: bool,
    /// `-e`: the author's email instead of the name.
    email: bool,
    /// `-L N,M`: only those lines (1-based, inclusive).
    range: Option<(usize, usize)>,
    rev: Option<String>,
    path: String,
}

impl BlameArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(Some('s'), "-s"), flag(Some('e'), "show-email"), value(Some('L'), "-L")],
            "blame [<options>] [<rev-opts>] [<rev>] [--] <file>",
        )?;
        let range = match p.value("-L") {
            None => None,
            Some(l) => Some(line_range(l)?),
        };
        let (rev, path) = match p.positional.as_slice() {
            [path] => (None, path.clone()),
            [rev, path] => (Some(rev.clone()), path.clone()),
            [] => {
                return Err(GitError::Refused("usage: git blame [<options>] [<rev-opts>] [<rev>] [--] <file>".into()));
            }
            _ => return Err(GitError::Fatal("'git blame' of several files is not simulated in this tutor yet".into())),
        };
        Ok(Self { bare: p.has("-s"), email: p.has("show-email"), range, rev, path })
    }
}

/// `-L N,M` (or `N`, to the end): the numeric forms.
fn line_range(text: &str) -> Result<(usize, usize), GitError> {
    let bad = || {
        GitError::Fatal(format!("'git blame -L {text}' is not simulated in this tutor yet; give line numbers, -L 2,5"))
    };
    let number = |s: &str| s.parse::<usize>().map_err(|_| bad());
    match text.split_once(',') {
        Some((a, "")) => Ok((number(a)?, usize::MAX)),
        Some((a, b)) => Ok((number(a)?, number(b)?)),
        None => Ok((number(text)?, usize::MAX)),
    }
}

/// Who a line is blamed on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    /// A commit.
    Commit(CommitId),
    /// The working tree: not committed yet.
    Work,
}

/// Lines waiting to be blamed on a commit or passed on: (line of the final
/// text, the same line's index in this commit's version of the file).
type Pending = Vec<(usize, usize)>;

/// For each line of `new`, its index in `old` when the diff keeps it.
fn kept(old: &str, new: &str) -> Vec<Option<usize>> {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut map = vec![None; b.len()];
    for (i, j) in crate::diff::lcs_pairs(&a, &b) {
        map[j] = Some(i);
    }
    map
}

/// Each line's origin, walking from `start` (newest first, as git's queue does).
fn origins(repo: &Repo, start: &CommitId, path: &str, work: Option<&str>) -> Result<Vec<Origin>, GitError> {
    let text_at = |id: &CommitId| repo.commit(id).and_then(|c| c.tree.get(path)).map(String::as_str);
    let committed = text_at(start).unwrap_or("");
    let final_text = work.unwrap_or(committed);
    let mut out = vec![Origin::Work; final_text.lines().count()];
    let mut queue: BTreeMap<(u64, CommitId), Pending> = BTreeMap::new();
    let first: Pending = match work {
        Some(w) => kept(committed, w).into_iter().enumerate().filter_map(|(j, i)| Some((j, i?))).collect(),
        None => (0..out.len()).map(|i| (i, i)).collect(),
    };
    let time = |id: &CommitId| repo.commit(id).map_or(0, |c| c.time);
    if !first.is_empty() {
        queue.insert((time(start), start.clone()), first);
    }
    while let Some(((_, id), mut lines)) = queue.pop_last() {
        let Some(c) = repo.commit(&id) else { continue };
        let here = text_at(&id).unwrap_or("");
        let parents: Vec<&CommitId> = c.parents.iter().filter(|p| repo.commit(p).is_some()).collect();
        // git follows a file that was renamed; the tutor says it cannot.
        let renamed_from = |p: &&CommitId| {
            repo.commit(p).is_some_and(|pc| {
                !pc.tree.contains_key(path)
                    && crate::diff::changes(&pc.tree, &c.tree)
                        .iter()
                        .any(|ch| matches!(ch, crate::diff::Change::Rename(_, to) if *to == path))
            })
        };
        if parents.iter().any(renamed_from) {
            return Err(GitError::Fatal("'git blame' across a rename is not simulated in this tutor yet".into()));
        }
        // A parent with the same file takes every line.
        let same = parents.iter().find(|p| text_at(p) == Some(here));
        let pass = |p: &CommitId, moved: Pending, queue: &mut BTreeMap<(u64, CommitId), Pending>| {
            if !moved.is_empty() {
                queue.entry((time(p), p.clone())).or_default().extend(moved);
            }
        };
        if let Some(p) = same {
            pass(p, std::mem::take(&mut lines), &mut queue);
        } else {
            for p in &parents {
                let Some(theirs) = text_at(p) else { continue };
                let map = kept(theirs, here);
                let old = |i: usize| map.get(i).copied().flatten();
                let (moved, left): (Pending, Pending) = lines.iter().partition(|(_, i)| old(*i).is_some());
                pass(p, moved.into_iter().filter_map(|(f, i)| Some((f, old(i)?))).collect(), &mut queue);
                lines = left;
            }
        }
        for (f, _) in lines {
            out[f] = Origin::Commit(id.clone());
        }
    }
    Ok(out)
}

pub fn run(a: &BlameArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    let rev = a.rev.as_deref().unwrap_or("HEAD");
    let start = repo.resolve(rev).ok_or_else(|| GitError::BadRevision(rev.to_string()))?;
    let path = a.path.trim_start_matches("./");
    let at_start = repo.commit(&start).and_then(|c| c.tree.get(path));
    // Without a revision git blames the working tree's copy.
    let work = if a.rev.is_none() { ctx.work.get(path).map(String::as_str) } else { None };
    if at_start.is_none() {
        // git quotes the path only when it blames the working tree.
        return Err(GitError::Fatal(match a.rev {
            None => format!("no such path '{path}' in HEAD"),
            Some(_) => format!("no such path {path} in {rev}"),
        }));
    }
    let text = work.or(at_start.map(String::as_str)).unwrap_or("");
    let origins = origins(repo, &start, path, work)?;
    let lines: Vec<&str> = text.lines().collect();
    let (from, to) = a.range.unwrap_or((1, lines.len()));
    if from == 0 || from > lines.len().max(1) {
        return Err(GitError::Fatal(format!(
            "file {path} has only {} line{}",
            lines.len(),
            if lines.len() == 1 { "" } else { "s" }
        )));
    }
    let to = to.min(lines.len());
    let shown: Vec<usize> = (from - 1..to).collect();
    let who = |o: &Origin| -> String {
        match o {
            Origin::Work if a.email => "<not.committed.yet>".to_string(),
            Origin::Work => "Not Committed Yet".to_string(),
            Origin::Commit(id) => {
                let author = repo.commit(id).map_or("", |c| c.author.as_str());
                let (name, mail) = super::config::ident_parts(author);
                if a.email { format!("<{mail}>") } else { name.to_string() }
            }
        }
    };
    let width = shown.iter().map(|&i| who(&origins[i]).chars().count()).max().unwrap_or(0);
    let number_width = to.to_string().len();
    let now = *ctx.clock;
    let out: Vec<String> = shown
        .iter()
        .map(|&i| {
            let o = &origins[i];
            let (id, when) = match o {
                Origin::Work => ("0".repeat(SHORT_ID_LEN + 1), now),
                Origin::Commit(id) => {
                    let c = repo.commit(id);
                    // A root commit is the boundary: `^` and one digit fewer.
                    let id = match c {
                        Some(c) if c.parents.is_empty() => format!("^{}", &id[..SHORT_ID_LEN]),
                        _ => id[..=SHORT_ID_LEN].to_string(),
                    };
                    (id, c.map_or(0, |c| c.time))
                }
            };
            let n = i + 1;
            if a.bare {
                format!("{id} {n:>number_width$}) {}", lines[i])
            } else {
                format!("{id} ({:<width$} {} {n:>number_width$}) {}", who(o), iso(when), lines[i])
            }
        })
        .collect();
    Ok(out.join("\n"))
}
