//! `git describe`: the nearest tag behind a commit, as `v1.0-2-g1a2b3c4`.

use super::args::{self, flag, value};
use super::{Ctx, GitError};
use crate::repo::{Repo, SHORT_ID_LEN};

/// `git describe` options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribeArgs {
    /// `--tags`: lightweight tags count too, not only annotated ones.
    tags: bool,
    /// `--always`: the abbreviated id when no tag describes it.
    always: bool,
    /// `--abbrev=N`: digits of the id (0: the tag alone).
    abbrev: usize,
    /// `--long`: the count and the id even on the tag itself.
    long: bool,
    rev: String,
}

impl DescribeArgs {
    /// Parses the words after `describe`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "tags"), flag(None, "always"), value(None, "abbrev"), flag(None, "long")],
            "describe [--all] [--tags] [--contains] [--abbrev=<n>] [<commit-ish>...]",
        )?;
        let abbrev = match p.value("abbrev") {
            None => SHORT_ID_LEN,
            Some(n) => match n.parse::<usize>() {
                Ok(0) => 0,
                Ok(n) => n.clamp(4, 40),
                Err(_) => return Err(GitError::Error("option `abbrev' expects a numerical value".to_string())),
            },
        };
        if p.has("long") && abbrev == 0 {
            return Err(GitError::Fatal("options '--long' and '--abbrev=0' cannot be used together".into()));
        }
        if p.positional.len() > 1 {
            return Err(GitError::Fatal(
                "describing several commits at once is not simulated in this tutor yet".into(),
            ));
        }
        Ok(Self {
            tags: p.has("tags"),
            always: p.has("always"),
            abbrev,
            long: p.has("long"),
            rev: p.positional.first().cloned().unwrap_or_else(|| "HEAD".into()),
        })
    }
}

/// A tag that could describe the commit: annotated ones rank first (git's `prio`).
struct Candidate<'a> {
    name: &'a str,
    annotated: bool,
    time: u64,
}

/// The tags at commit `id`, best first: annotated over lightweight, newer tagger first.
fn names_at<'a>(repo: &'a Repo, id: &str) -> Vec<Candidate<'a>> {
    let mut out: Vec<Candidate> = repo
        .tags
        .iter()
        .filter(|(_, c)| c.as_str() == id)
        .map(|(name, _)| {
            let note = repo.tag_notes.get(name);
            Candidate { name, annotated: note.is_some(), time: note.map_or(0, |n| n.time) }
        })
        .collect();
    crate::order::sort_by_key(&mut out, |c| (!c.annotated, std::cmp::Reverse(c.time)));
    out
}

/// `git describe`.
pub fn run(a: &DescribeArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    let id = repo.resolve(&a.rev).ok_or_else(|| GitError::Fatal(format!("Not a valid object name {}", a.rev)))?;
    let abbrev = |id: &str| id[..a.abbrev.min(id.len())].to_string();
    if repo.tags.is_empty() && !a.always {
        return Err(GitError::Fatal("No names found, cannot describe anything.".into()));
    }
    let usable = |c: &Candidate| a.tags || c.annotated;
    if let Some(c) = names_at(repo, &id).into_iter().find(|c| usable(c)) {
        return Ok(if a.long { format!("{}-0-g{}", c.name, abbrev(&id)) } else { c.name.to_string() });
    }
    // The walk, newest first: each tagged commit met is a candidate, its
    // depth the commits between it and the one described.
    let mine = repo.ancestors(&id);
    let mut best: Option<(usize, &str)> = None;
    let mut unannotated = false;
    for commit in super::log::walk_hidden(repo, &id, &std::collections::BTreeSet::new()) {
        let Some(c) = names_at(repo, &commit).into_iter().next() else { continue };
        if !usable(&c) {
            unannotated = true;
            continue;
        }
        let theirs = repo.ancestors(&commit);
        let depth = mine.iter().filter(|m| !theirs.contains(*m)).count();
        if best.is_none_or(|(d, _)| depth < d) {
            best = Some((depth, c.name));
        }
    }
    match best {
        Some((_, name)) if a.abbrev == 0 => Ok(name.to_string()),
        Some((depth, name)) => Ok(format!("{name}-{depth}-g{}", abbrev(&id))),
        None if a.always => Ok(abbrev(&id)),
        None if unannotated => Err(GitError::Fatal(format!(
            "No annotated tags can describe '{id}'.\nHowever, there were unannotated tags: try --tags."
        ))),
        None => Err(GitError::Fatal(format!("No tags can describe '{id}'.\nTry --always, or create some tags."))),
    }
}
