//! `git grep`: where the project says something (`git grep -n DEBUG`) — the
//! tracked files of the working tree, the index (`--cached`) or a commit.
//! Finding nothing is git's exit status 1, with nothing printed.

use super::args::{self, flag, value};
use super::pattern::Pattern;
use super::{Ctx, GitError};
use crate::repo::Tree;

/// What each matching file prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Report {
    /// Every matching line.
    Lines,
    /// `-c`: how many lines match.
    Count,
    /// `-l`: the file's name.
    Names,
}

// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrepArgs {
    patterns: Vec<Pattern>,
    report: Report,
    /// `-n`: line numbers.
    numbers: bool,
    /// `-v`: lines that do not match.
    invert: bool,
    /// `-h`: no file names.
    no_names: bool,
    /// `--cached`: the index instead of the working tree.
    cached: bool,
    /// The words after the pattern: a commit, then paths.
    words: Vec<String>,
    dashdash: Option<usize>,
}

impl GrepArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(Some('n'), "line-number"),
                flag(Some('i'), "ignore-case"),
                flag(Some('c'), "count"),
                flag(Some('l'), "files-with-matches"),
                flag(Some('v'), "invert-match"),
                flag(Some('h'), "-h"),
                value(Some('e'), "-e"),
                flag(None, "cached"),
            ],
            "grep [<options>] [-e] <pattern> [<rev>...] [[--] <path>...]",
        )?;
        let icase = p.has("ignore-case");
        let mut words = p.positional.clone();
        let mut dashdash = p.dashdash;
        let mut given: Vec<String> = p.values("-e").into_iter().map(str::to_string).collect();
        if given.is_empty() {
            if words.is_empty() || dashdash == Some(0) {
                return Err(GitError::Fatal("no pattern given".into()));
            }
            given.push(words.remove(0));
            dashdash = dashdash.map(|n| n - 1);
        }
        let patterns = given.iter().map(|g| Pattern::new(g, icase, "grep")).collect::<Result<_, _>>()?;
        let report = if p.has("files-with-matches") {
            Report::Names
        } else if p.has("count") {
            Report::Count
        } else {
            Report::Lines
        };
        Ok(Self {
            patterns,
            report,
            numbers: p.has("line-number"),
            invert: p.has("invert-match"),
            no_names: p.has("-h"),
            cached: p.has("cached"),
            words,
            dashdash,
        })
    }
}

pub fn run(a: &GrepArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    let is_file = |w: &str| super::restore::is_path(w, ctx.work);
    // The commit (at most one), then paths, read as git reads them.
    let revs_end = match a.dashdash {
        Some(n) => n,
        None => a.words.iter().position(|w| repo.resolve(w).is_none()).unwrap_or(a.words.len()),
    };
    let (revs, paths) = a.words.split_at(revs_end);
    if let Some(w) = revs.iter().find(|w| repo.resolve(w).is_none()) {
        return Err(GitError::Fatal(format!("unable to resolve revision: {w}")));
    }
    if a.dashdash.is_none()
        && let Some(p) = paths.iter().find(|p| !is_file(p))
    {
        return Err(GitError::AmbiguousArgument(p.clone()));
    }
    if revs.len() > 1 {
        return Err(GitError::Fatal("'git grep' in several commits at once is not simulated in this tutor yet".into()));
    }
    if a.cached && !revs.is_empty() {
        return Err(GitError::Fatal("--cached or --untracked cannot be used with --no-index".into()));
    }
    // What is searched, and the prefix its names get (`HEAD:`).
    let (tree, prefix): (Tree, String) = match revs.first() {
        Some(rev) => {
            let id = repo.resolve(rev).unwrap_or_default();
            (repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default(), format!("{rev}:"))
        }
        None if a.cached => (repo.index.clone(), String::new()),
        // The working tree's copy of each tracked file.
        None => {
            (repo.index.keys().filter_map(|p| ctx.work.get(p).map(|b| (p.clone(), b.clone()))).collect(), String::new())
        }
    };
    let mut out = Vec::new();
    for (path, body) in &tree {
        if !paths.is_empty() && !super::restore::named_by(paths, path) {
            continue;
        }
        let hits: Vec<(usize, &str)> = body
            .lines()
            .enumerate()
            .filter(|(_, l)| a.patterns.iter().any(|p| p.matches(l)) != a.invert)
            .map(|(i, l)| (i + 1, l))
            .collect();
        if hits.is_empty() {
            continue;
        }
        let name = if a.no_names { String::new() } else { format!("{prefix}{path}:") };
        match a.report {
            Report::Names => out.push(format!("{prefix}{path}")),
            Report::Count => out.push(format!("{name}{}", hits.len())),
            Report::Lines => out.extend(
                hits.iter().map(|(n, l)| if a.numbers { format!("{name}{n}:{l}") } else { format!("{name}{l}") }),
            ),
        }
    }
    if out.is_empty() {
        return Err(GitError::Refused(String::new()));
    }
    Ok(out.join("\n"))
}
