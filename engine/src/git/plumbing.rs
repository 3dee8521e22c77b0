//! The commands scripts ask the repository with, and learners copy from
//! them: `git symbolic-ref HEAD` (which branch), `git merge-base` (where two
//! branches parted, `--is-ancestor` for "is it merged?") and `git rev-list`
//! (`--count A..B`: how far ahead).

use super::args::{self, flag};
use super::log::LogArgs;
use super::{Ctx, GitError};
use crate::repo::Head;

const SYMBOLIC_REF_USAGE: &str = "usage: git symbolic-ref [-m <reason>] <name> <ref>
   or: git symbolic-ref [-q] [--short] [--no-recurse] <name>
   or: git symbolic-ref --delete [-q] <name>

    -q, --[no-]quiet      suppress error message for non-symbolic (detached) refs
    -d, --[no-]delete     delete symbolic ref
    --[no-]short          shorten ref output
    --[no-]recurse        recursively dereference (default)
    -m <reason>           reason of the update
";

const MERGE_BASE_USAGE: &str = "usage: git merge-base [-a | --all] <commit> <commit>...
   or: git merge-base [-a | --all] --octopus <commit>...
   or: git merge-base --is-ancestor <commit> <commit>
   or: git merge-base --independent <commit>...
   or: git merge-base --fork-point <ref> [<commit>]

    -a, --[no-]all        output all common ancestors
    --octopus             find ancestors for a single n-way merge
    --independent         list revs not reachable from others
    --is-ancestor         is the first one ancestor of the other?
    --fork-point          find where <commit> forked from reflog of <ref>
";

/// `git symbolic-ref [-q] [--short] NAME`: reading HEAD (or a clone's
/// `origin/HEAD`); setting one is not simulated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolicRefArgs {
    name: String,
    short: bool,
    quiet: bool,
}

impl SymbolicRefArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(Some('q'), "quiet"), flag(None, "short")],
            "symbolic-ref [-q] [--short] [--no-recurse] <name>",
        )?;
        match p.positional.as_slice() {
            [name] => Ok(Self { name: name.clone(), short: p.has("short"), quiet: p.has("quiet") }),
            [_, _] => Err(GitError::Fatal("setting a symbolic ref is not simulated in this tutor yet".into())),
            _ => Err(GitError::Refused(SYMBOLIC_REF_USAGE.trim_end().into())),
        }
    }
}

pub fn symbolic_ref(a: &SymbolicRefArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    let target = match a.name.as_str() {
        "HEAD" => match repo.head() {
            Head::Branch(b) => Some(format!("refs/heads/{b}")),
            Head::Detached(_) => None,
        },
        "refs/remotes/origin/HEAD" | "origin/HEAD" if repo.remote_head.is_some() => {
            repo.remote_head.as_ref().map(|b| format!("refs/remotes/origin/{b}"))
        }
        name if repo.resolve(name).is_some() => None,
        name => return Err(GitError::Fatal(format!("No such ref: {name}"))),
    };
    let Some(target) = target else {
        // A ref that holds a commit, not another ref's name.
        return Err(GitError::Refused(if a.quiet {
            String::new()
        } else {
            format!("fatal: ref {} is not a symbolic ref", a.name)
        }));
    };
    Ok(if a.short {
        ["refs/heads/", "refs/remotes/"].iter().find_map(|p| target.strip_prefix(p)).unwrap_or(&target).to_string()
    } else {
        target
    })
}

/// `git merge-base A B` and `--is-ancestor A B`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeBaseArgs {
    is_ancestor: bool,
    commits: [String; 2],
}

impl MergeBaseArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(rest, &[flag(None, "is-ancestor")], "merge-base [-a | --all] <commit> <commit>...")?;
        match p.positional.as_slice() {
            [a, b] => Ok(Self { is_ancestor: p.has("is-ancestor"), commits: [a.clone(), b.clone()] }),
            [_, _, _, ..] if !p.has("is-ancestor") => Err(GitError::Fatal(
                "'git merge-base' of more than two commits is not simulated in this tutor yet".into(),
            )),
            _ if p.has("is-ancestor") => Err(GitError::Fatal("--is-ancestor takes exactly two commits".into())),
            _ => Err(GitError::Refused(MERGE_BASE_USAGE.trim_end().into())),
        }
    }
}

pub fn merge_base(a: &MergeBaseArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &*ctx.repo;
    let [x, y] = &a.commits;
    let resolve = |r: &String| repo.resolve(r).ok_or_else(|| GitError::Fatal(format!("Not a valid object name {r}")));
    let (x, y) = (resolve(x)?, resolve(y)?);
    if a.is_ancestor {
        // The answer is the exit status alone.
        return if repo.is_ancestor(&x, &y) { Ok(String::new()) } else { Err(GitError::Refused(String::new())) };
    }
    // No common ancestor: git prints nothing and fails.
    repo.merge_base(&x, &y).ok_or_else(|| GitError::Refused(String::new()))
}

/// `git rev-list`: `git log`'s walk as full ids, or with `--count` how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevListArgs {
    log: Box<LogArgs>,
    count: bool,
}

/// The rev-list options the tutor runs; they mean what they mean to `git log`.
const PASSED: &[&str] =
    &["--all", "--first-parent", "--merges", "--no-merges", "--reverse", "--left-right", "--left-only", "--right-only"];

impl RevListArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        Self::parse_walk(rest, "rev-list", false)
    }

    /// rev-list's reading of `rest`, for `command`; `head`: HEAD when no
    /// revision is named (shortlog at a terminal), else git's usage.
    fn parse_walk(rest: &[String], command: &str, head: bool) -> Result<Self, GitError> {
        let mut count = false;
        let mut words = Vec::new();
        let mut options = true;
        let mut revs = 0;
        let mut i = 0;
        while i < rest.len() {
            let w = &rest[i];
            i += 1;
            match w.as_str() {
                "--" => options = false,
                "--count" if options => {
                    count = true;
                    continue;
                }
                "-n" | "--max-count" if options => {
                    words.push(w.clone());
                    words.extend(rest.get(i).cloned());
                    i += 1;
                    continue;
                }
                o if options && (PASSED.contains(&o) || o.starts_with("--max-count=")) => {}
                o if options && o.len() > 1 && o.starts_with('-') && o[1..].bytes().all(|b| b.is_ascii_digit()) => {}
                o if options && o.starts_with('-') && o.len() > 1 && !o.starts_with("-n") => {
                    return Err(GitError::Fatal(format!("'git {command} {o}' is not simulated in this tutor yet")));
                }
                o if options && o.starts_with("-n") => {}
                _ => revs += usize::from(options),
            }
            words.push(w.clone());
        }
        if revs == 0 && !words.iter().any(|w| w == "--all") {
            if !head {
                return Err(GitError::Refused("usage: git rev-list [<options>] <commit>... [--] [<path>...]".into()));
            }
            let at = words.iter().position(|w| w == "--").unwrap_or(words.len());
            words.insert(at, "HEAD".into());
        }
        Ok(Self { log: Box::new(LogArgs::parse(&words)?), count })
    }
}

pub fn rev_list(a: &RevListArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let walked = super::log::selected(&a.log, ctx)?;
    let (ids, left) = (walked.ids, walked.left);
    if !a.log.style.left_right {
        return Ok(if a.count { ids.len().to_string() } else { ids.join("\n") });
    }
    // `--left-right`: `<` or `>` before each id; with `--count`, each side's count.
    if a.count {
        let on_left = ids.iter().filter(|id| left.contains(*id)).count();
        return Ok(format!("{on_left}\t{}", ids.len() - on_left));
    }
    Ok(ids.iter().map(|id| format!("{}{id}", if left.contains(id) { '<' } else { '>' })).collect::<Vec<_>>().join("\n"))
}

/// `git shortlog [-s] [-n] [-e] [<revision-range>] [[--] <path>...]`: each
/// author's commits, oldest first, under `Name (N):`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortlogArgs {
    walk: RevListArgs,
    /// `-s`/`--summary`: counts only.
    summary: bool,
    /// `-n`/`--numbered`: most commits first (else by name).
    numbered: bool,
    /// `-e`/`--email`: names with their email.
    email: bool,
}

impl ShortlogArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let (mut summary, mut numbered, mut email) = (false, false, false);
        let mut words = Vec::new();
        let end = rest.iter().position(|w| w == "--").unwrap_or(rest.len());
        for (i, w) in rest.iter().enumerate() {
            let cluster = w
                .strip_prefix('-')
                .filter(|c| i < end && !c.is_empty() && !c.starts_with('-') && c.chars().all(|c| "sne".contains(c)));
            match (cluster, w.as_str()) {
                (Some(c), _) => {
                    summary |= c.contains('s');
                    numbered |= c.contains('n');
                    email |= c.contains('e');
                }
                (None, "--summary") if i < end => summary = true,
                (None, "--numbered") if i < end => numbered = true,
                (None, "--email") if i < end => email = true,
                _ => words.push(w.clone()),
            }
        }
        Ok(Self { walk: RevListArgs::parse_walk(&words, "shortlog", true)?, summary, numbered, email })
    }
}

pub fn shortlog(a: &ShortlogArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let ids = super::log::selected(&a.walk.log, ctx)?.ids;
    let repo = &*ctx.repo;
    // Authors in first-seen order, each with its subjects newest first.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for c in ids.iter().filter_map(|id| repo.commit(id)) {
        let who = if a.email { c.author.clone() } else { super::config::ident_parts(&c.author).0.to_string() };
        let subject = c.subject().to_string();
        match groups.iter_mut().find(|(w, _)| *w == who) {
            Some((_, subjects)) => subjects.push(subject),
            None => groups.push((who, vec![subject])),
        }
    }
    if a.numbered {
        crate::order::sort_by(&mut groups, |x, y| y.1.len().cmp(&x.1.len()).then_with(|| x.0.cmp(&y.0)));
    } else {
        crate::order::sort_by(&mut groups, |x, y| x.0.cmp(&y.0));
    }
    let mut out = Vec::new();
    for (who, subjects) in &groups {
        if a.summary {
            out.push(format!("{:6}\t{who}", subjects.len()));
            continue;
        }
        out.push(format!("{who} ({}):", subjects.len()));
        out.extend(subjects.iter().rev().map(|s| format!("      {s}")));
        out.push(String::new());
    }
    // git ends each group with a blank line, the last one too.
    Ok(out.join("\n"))
}

#[cfg(test)]
mod tests {
    use crate::terminal::Terminal;
    use crate::world::World;

    #[test]
    fn shortlog_at_a_terminal_reads_head() {
        // git reads a log from stdin when it is no terminal (the
        // differential suite's case); the tutor's terminal is one.
        let mut w = World::new();
        let out = w.run("git shortlog");
        assert!(out.ok, "{}", out.output);
        assert_eq!(out.output, "You (1):\n      Initial commit\n");
        assert_eq!(w.run("git shortlog -s").output, "     1\tYou");
    }
}
