//! `git log`: newest first by commit date, with git's decorations.

use std::collections::{BTreeSet, BinaryHeap};
use std::sync::Arc;

use super::args::{self, flag, value};
use super::pattern::Pattern;
use super::pretty::{self, Pretty};
use super::show::{self, Formats};
use super::{Ctx, GitError};
use crate::repo::{Commit, CommitId, EMPTY_TREE, IdMap, Repo, Tree};

// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogArgs {
    /// `--oneline`, `--pretty`, `--format`: how each commit prints.
    pub pretty: Pretty,
    /// `--abbrev-commit`, `--decorate`, `--date`.
    pub style: pretty::Style,
    pub graph: bool,
    pub all: bool,
    pub max: Option<usize>,
    /// `--first-parent`: follow only the first parent of merges.
    pub first_parent: bool,
    /// `--follow`: one file's history on past its renames.
    follow: bool,
    /// `-p`/`--stat` (`-s`/`--no-patch`: none): what follows each commit.
    formats: Formats,
    /// `--author=`: commits whose author line matches one of them.
    authors: Vec<Pattern>,
    /// `--grep=`: commits whose message matches one of them.
    greps: Vec<Pattern>,
    /// `--reverse`: oldest first, after `-n` has chosen.
    reverse: bool,
    /// `--merges` (only merges) and `--no-merges` (no merges): both, nothing.
    merges: (bool, bool),
    /// `-S`/`-G`: only commits whose diff adds or removes this.
    pickaxe: Option<Pickaxe>,
    /// `--left-only` (`Some(true)`) or `--right-only` (`Some(false)`): one
    /// side of an `A...B`.
    pub only: Option<bool>,
    /// Revisions, then paths (after a `--`, or from the first word that
    /// names no revision but a file).
    pub revs: Vec<String>,
    /// How many of `revs` came before a `--`, when there was one.
    dashdash: Option<usize>,
}

impl LogArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        // `-3` means `-n 3`: rewrite it before the generic parser sees it.
        let (rest, pretty::Shape { pretty, style }) = pretty::take_options(rest)?;
        let pretty = pretty.unwrap_or(Pretty::Medium);
        let mut max = None;
        let mut items = Vec::new();
        for w in &rest {
            match w.strip_prefix('-').map(str::parse::<usize>) {
                Some(Ok(n)) => max = Some(n),
                _ => items.push(w.clone()),
            }
        }
        let p = args::parse(
            &items,
            &[
                show::FORMAT_OPTIONS.as_slice(),
                &[
                    flag(None, "graph"),
                    flag(None, "all"),
                    value(Some('n'), "max-count"),
                    flag(None, "first-parent"),
                    flag(None, "follow"),
                    value(None, "author"),
                    value(None, "grep"),
                    flag(Some('i'), "regexp-ignore-case"),
                    flag(None, "reverse"),
                    flag(None, "merges"),
                    flag(None, "no-merges"),
                    value(Some('S'), "-S"),
                    value(Some('G'), "-G"),
                    flag(None, "left-right"),
                    flag(None, "left-only"),
                    flag(None, "right-only"),
                ],
            ]
            .concat(),
            "log [<options>] [<revision-range>] [[--] <path>...]",
        )
        .map_err(args::as_revision_argument)?;
        if let Some(n) = p.value("max-count") {
            max = Some(n.parse().map_err(|_| GitError::Fatal(format!("'{n}': not an integer")))?);
        }
        let formats = Formats::from_opts(&p.opts)?.unwrap_or_default();
        if p.has("follow") && !formats.is_empty() {
            // Its diffs would show the rename, which a diff limited to the path does not.
            return Err(GitError::Fatal(
                "'git log --follow' with -p or --stat is not simulated in this tutor yet".into(),
            ));
        }
        if !formats.is_empty() && p.has("graph") {
            return Err(GitError::Fatal(
                "'git log --graph' with -p or --stat is not simulated in this tutor yet".into(),
            ));
        }
        if p.has("graph") && matches!(pretty, Pretty::User { .. }) && !pretty.one_line() {
            return Err(GitError::Fatal(
                "'git log --graph' with a format of several lines is not simulated in this tutor yet".into(),
            ));
        }
        if p.has("left-only") && p.has("right-only") {
            return Err(GitError::Fatal("options '--right-only' and '--left-only' cannot be used together".into()));
        }
        if p.has("graph") && p.has("reverse") {
            return Err(GitError::Fatal("options '--graph' and '--reverse' cannot be used together".into()));
        }
        let icase = p.has("regexp-ignore-case");
        let patterns = |option: &str| -> Result<Vec<Pattern>, GitError> {
            p.values(option).into_iter().map(|v| Pattern::new(v, icase, &format!("log --{option}"))).collect()
        };
        let (authors, greps) = (patterns("author")?, patterns("grep")?);
        let merges = (p.has("merges"), p.has("no-merges"));
        if [p.value("-S"), p.value("-G")].contains(&Some("")) {
            // git itself stops on an internal error ("BUG: … should have needle").
            return Err(GitError::Fatal("-S and -G need something to look for: git log -S DEBUG".into()));
        }
        let pickaxe = match (p.value("-S"), p.value("-G")) {
            (Some(_), Some(_)) => {
                return Err(GitError::Fatal("options '-G', '-S', and '--find-object' cannot be used together".into()));
            }
            (Some(text), None) => Some(Pickaxe::Count(text.to_string(), icase)),
            (None, Some(re)) => {
                // -G's expressions are extended ones: the tutor's matcher
                // knows the part both kinds share.
                if re.contains(['+', '?', '|', '(', ')', '{', '}']) {
                    return Err(GitError::Fatal(
                        "'git log -G' with + ? | ( ) { } in its pattern is not simulated in this tutor yet".into(),
                    ));
                }
                Some(Pickaxe::Lines(Pattern::new(re, icase, "log -G")?))
            }
            (None, None) => None,
        };
        if p.has("graph") && !(authors.is_empty() && greps.is_empty() && merges == (false, false) && pickaxe.is_none())
        {
            return Err(GitError::Fatal(
                "'git log --graph' with --author, --grep, -S, -G, --merges or --no-merges is not simulated in this tutor yet"
                    .into(),
            ));
        }
        Ok(Self {
            formats,
            authors,
            greps,
            reverse: p.has("reverse"),
            pretty,
            style: pretty::Style { left_right: p.has("left-right"), ..style },
            graph: p.has("graph"),
            all: p.has("all"),
            max,
            first_parent: p.has("first-parent"),
            follow: p.has("follow"),
            merges,
            pickaxe,
            only: (p.has("left-only") || p.has("right-only")).then(|| p.has("left-only")),
            revs: p.positional,
            dashdash: p.dashdash,
        })
    }
}

/// [`walk`] without copying ids: borrowed from the repository.
pub fn walk_borrowed<'a>(repo: &'a Repo, tips: &[&'a str]) -> Vec<&'a str> {
    walk_core(repo, tips, usize::MAX, &|_| false, false).into_iter().map(|(id, _)| id).collect()
}

/// Commits reachable from `tips`, newest first, with their ids borrowed (the
/// graph view walks every commit on every command).
pub fn walk_commits<'a>(repo: &'a Repo, tips: &[&'a str]) -> Vec<(&'a str, &'a Arc<Commit>)> {
    walk_core(repo, tips, usize::MAX, &|_| false, false)
}

/// Commits reachable from `tips`, newest first (git's default date order).
pub fn walk(repo: &Repo, tips: &[CommitId]) -> Vec<CommitId> {
    let tips: Vec<&str> = tips.iter().map(String::as_str).collect();
    walk_borrowed(repo, &tips).into_iter().map(str::to_string).collect()
}

/// The one walk: newest first by commit time, stopping after `limit`
/// commits, never entering a `hidden` commit (the `^A` side of `A..B`), and
/// with `first_parent`, leaving merges by their first parent.
fn walk_core<'a>(
    repo: &'a Repo,
    tips: &[&'a str],
    limit: usize,
    hidden: &dyn Fn(&str) -> bool,
    first_parent: bool,
) -> Vec<(&'a str, &'a Arc<Commit>)> {
    let mut heap: BinaryHeap<(u64, &'a str)> = BinaryHeap::new();
    let mut seen: IdMap<&'a str, &'a Arc<Commit>> = IdMap::default();
    let mut out = Vec::new();
    let push = |id: &'a str, heap: &mut BinaryHeap<(u64, &'a str)>, seen: &mut IdMap<&'a str, &'a Arc<Commit>>| {
        if !seen.contains_key(id)
            && let Some((key, c)) = repo.commits.get_key_value(id)
            && !hidden(key)
        {
            seen.insert(key.as_str(), c);
            heap.push((c.time, key.as_str()));
        }
    };
    for t in tips {
        push(t, &mut heap, &mut seen);
    }
    while let Some((_, id)) = heap.pop() {
        if out.len() == limit {
            break;
        }
        let Some(&c) = seen.get(id) else { continue };
        let parents = if first_parent { &c.parents[..c.parents.len().min(1)] } else { &c.parents[..] };
        for p in parents {
            push(p.as_str(), &mut heap, &mut seen);
        }
        out.push((id, c));
    }
    out
}

/// Commits reachable from `tip` and not in `hidden`, newest first.
pub(crate) fn walk_hidden(repo: &Repo, tip: &str, hidden: &BTreeSet<CommitId>) -> Vec<CommitId> {
    walk_core(repo, &[tip], usize::MAX, &|id| hidden.contains(id), false)
        .into_iter()
        .map(|(id, _)| id.to_string())
        .collect()
}

fn walk_limited(
    repo: &Repo,
    tips: &[CommitId],
    limit: usize,
    hidden: BTreeSet<CommitId>,
    first_parent: bool,
) -> Vec<CommitId> {
    let tips: Vec<&str> = tips.iter().map(String::as_str).collect();
    walk_core(repo, &tips, limit, &|id| hidden.contains(id), first_parent)
        .into_iter()
        .map(|(id, _)| id.to_string())
        .collect()
}

/// `git log -S` and `-G`: git's pickaxe. Merges, which log shows without a
/// diff, never match.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pickaxe {
    /// `-S TEXT`: a file holds TEXT a different number of times (`-i`: in any case).
    Count(String, bool),
    /// `-G RE`: an added or removed line matches.
    Lines(Pattern),
}

impl Pickaxe {
    fn finds(&self, repo: &Repo, c: &Commit, paths: &[String]) -> bool {
        !self.files(repo, c, paths).is_empty()
    }

    /// The files where it finds its text: all the commit's diff shows
    /// (git's default, without `--pickaxe-all`).
    fn files(&self, repo: &Repo, c: &Commit, paths: &[String]) -> Vec<String> {
        if c.parents.len() > 1 {
            return Vec::new();
        }
        let old = show::parent_tree(repo, c);
        let named = |p: &&String| paths.is_empty() || super::restore::named_by(paths, p);
        let found = |path: &&String| {
            let path: &String = path;
            let (before, after) =
                (old.get(path).map_or("", String::as_str), c.tree.get(path).map_or("", String::as_str));
            if before == after {
                return false;
            }
            match self {
                Self::Count(text, icase) => {
                    let count = |body: &str| {
                        // git folds case with a byte table: ASCII letters only.
                        if *icase {
                            body.to_ascii_lowercase().matches(&text.to_ascii_lowercase()).count()
                        } else {
                            body.matches(text.as_str()).count()
                        }
                    };
                    count(before) != count(after)
                }
                Self::Lines(re) => crate::diff::unified(before, after)
                    .lines()
                    .filter(|l| !l.starts_with("@@"))
                    .filter_map(|l| l.strip_prefix('+').or_else(|| l.strip_prefix('-')))
                    .any(|l| re.matches(l)),
            }
        };
        crate::repo::paths_of(&[old, &c.tree]).into_iter().filter(named).filter(found).cloned().collect()
    }
}

/// Whether `r` reads as a revision or range (`A`, `^A`, `A..B`, `A...B`).
fn is_revision(repo: &Repo, r: &str) -> bool {
    let side = |s: &str| s.is_empty() || repo.resolve(s).is_some();
    match r.split_once("...").or_else(|| r.split_once("..")) {
        Some((x, y)) => side(x) && side(y),
        None => repo.resolve(r.strip_prefix('^').unwrap_or(r)).is_some(),
    }
}

/// The revisions and the paths, read as git's `setup_revisions` reads them:
/// without a `--`, the first word that is no revision must be a file in the
/// working tree, and so must every word after it; a revision must not also
/// be a file.
fn revs_and_paths<'a>(a: &'a LogArgs, ctx: &Ctx) -> Result<(&'a [String], &'a [String]), GitError> {
    let (revs, paths) = split_revisions(&a.revs, a.dashdash, ctx)?;
    if a.graph && !paths.is_empty() {
        return Err(GitError::Fatal("'git log --graph' with paths is not simulated in this tutor yet".into()));
    }
    if a.follow {
        match paths {
            [path] if super::restore::is_glob(path) => {
                return Err(GitError::Fatal(
                    "'git log --follow' with a glob is not simulated in this tutor yet".into(),
                ));
            }
            [_] => {}
            _ => return Err(GitError::Fatal("--follow requires exactly one pathspec".into())),
        }
    }
    Ok((revs, paths))
}

/// `words` as revisions, then paths (`dashdash`: how many came before a
/// `--`), checked as git's `setup_revisions` checks them.
pub(super) fn split_revisions<'a>(
    words: &'a [String],
    dashdash: Option<usize>,
    ctx: &Ctx,
) -> Result<(&'a [String], &'a [String]), GitError> {
    if let Some(n) = dashdash {
        if let Some(r) = words[..n].iter().find(|r| !is_revision(ctx.repo, r)) {
            return Err(GitError::BadRevision(r.clone()));
        }
        return Ok(words.split_at(n));
    }
    let is_file = |w: &str| super::restore::is_path(w, ctx.work);
    let n = words.iter().position(|r| !is_revision(ctx.repo, r)).unwrap_or(words.len());
    let (revs, paths) = words.split_at(n);
    if let Some(r) = revs.iter().find(|r| is_file(r)) {
        return Err(GitError::Fatal(format!(
            "ambiguous argument '{r}': both revision and filename\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'"
        )));
    }
    for (i, p) in paths.iter().enumerate() {
        if !is_file(p) {
            return Err(if i == 0 {
                GitError::AmbiguousArgument(p.clone())
            } else {
                GitError::Fatal(format!(
                    "{p}: no such path in the working tree.\nUse 'git <command> -- <path>...' to specify paths that do not exist locally."
                ))
            });
        }
    }
    Ok((revs, paths))
}

/// Whether two trees agree on every path `specs` names.
pub(super) fn same_at(a: &Tree, b: &Tree, specs: &[String]) -> bool {
    let named = |p: &&String| super::restore::named_by(specs, p);
    a.keys().chain(b.keys()).filter(named).all(|p| a.get(p) == b.get(p))
}

/// `git log -- PATHS` with git's default history simplification
/// (`try_to_simplify_commit`): a commit is shown when it changes a path
/// named (a root commit: when it has one); a merge that matches one of its
/// parents there is followed through that parent alone, and not shown.
/// `follow` (`--follow`, one path): where a commit shown renamed the file,
/// older commits are looked at under its old name, as git's walk does.
fn walk_paths<'a>(
    repo: &'a Repo,
    tips: &[CommitId],
    hidden: &BTreeSet<CommitId>,
    specs: &[String],
    (first_parent, follow_renames): (bool, bool),
) -> Vec<CommitId> {
    let mut specs = specs.to_vec();
    let mut heap: BinaryHeap<(u64, &'a str)> = BinaryHeap::new();
    let mut seen: BTreeSet<&'a str> = BTreeSet::new();
    let mut push = |id: &str, heap: &mut BinaryHeap<(u64, &'a str)>| {
        if let Some((key, c)) = repo.commits.get_key_value(id)
            && !hidden.contains(key)
            && seen.insert(key.as_str())
        {
            heap.push((c.time, key.as_str()));
        }
    };
    for t in tips {
        push(t, &mut heap);
    }
    let mut out = Vec::new();
    while let Some((_, id)) = heap.pop() {
        let Some(c) = repo.commit(id) else { continue };
        let parents = if first_parent { &c.parents[..c.parents.len().min(1)] } else { &c.parents[..] };
        let tree_of = |p: &CommitId| repo.commit(p).map(|pc| &pc.tree);
        let mut follow: Vec<&CommitId> = parents.iter().collect();
        let mut treesame = parents.is_empty() && same_at(&c.tree, &EMPTY_TREE, &specs);
        for p in parents {
            if tree_of(p).is_some_and(|t| same_at(t, &c.tree, &specs)) {
                treesame = true;
                // A parent outside the range does not simplify the merge away.
                if !hidden.contains(p) {
                    follow = vec![p];
                    break;
                }
            }
        }
        for p in follow {
            push(p, &mut heap);
        }
        if !treesame {
            out.push(id.to_string());
            if follow_renames && let Some(parent) = parents.first().and_then(tree_of) {
                let renamed = crate::diff::changes(parent, &c.tree).into_iter().find_map(|ch| match ch {
                    crate::diff::Change::Rename(from, to) if specs.iter().any(|s| s == to) => Some(from.to_string()),
                    _ => None,
                });
                if let Some(from) = renamed {
                    specs = vec![from];
                }
            }
        }
    }
    out
}

/// What `git log` walked: the commits it shows and what it knows of them.
pub(super) struct Selection<'a> {
    /// The commits shown, in order.
    pub ids: Vec<CommitId>,
    /// The paths the walk was limited to.
    pub paths: &'a [String],
    /// The commits reached from the left side of an `A...B`: `<` to
    /// `--left-right` and `%m`.
    pub left: BTreeSet<CommitId>,
    /// With `--graph`, every commit the walk shows before `-n` cuts it: a
    /// parent outside it (behind a `^A`, on the side `--left-only` drops)
    /// draws no line, as in git's graph.
    drawn: BTreeSet<CommitId>,
}

/// The commits `git log` shows, in order, and the paths it was limited to:
/// what `rev-list` and `shortlog` walk too.
pub(super) fn selected<'a>(a: &'a LogArgs, ctx: &Ctx) -> Result<Selection<'a>, GitError> {
    let (revs, paths) = revs_and_paths(a, ctx)?;
    let repo = &*ctx.repo;
    let mut tips = Vec::new();
    let mut left_tips = Vec::new();
    let mut hidden = BTreeSet::new();
    let mut ranged = false;
    for r in revs {
        let bad = || GitError::AmbiguousArgument(r.clone());
        if let Some((x, y)) = r.split_once("...") {
            // `A...B`: what either has that their merge base has not.
            let side = |s: &str| repo.resolve(if s.is_empty() { "HEAD" } else { s }).ok_or_else(bad);
            let (x, y) = (side(x)?, side(y)?);
            if let Some(base) = repo.merge_base(&x, &y) {
                hidden.extend(repo.ancestors(&base));
            }
            left_tips.push(x.clone());
            tips.extend([x, y]);
            ranged = true;
            continue;
        }
        // `A..B` is `^A B`; an empty side is HEAD.
        let (exclude, include) = match r.split_once("..") {
            Some((x, y)) => (Some(if x.is_empty() { "HEAD" } else { x }), Some(if y.is_empty() { "HEAD" } else { y })),
            None => match r.strip_prefix('^') {
                Some(x) => (Some(x), None),
                None => (None, Some(r.as_str())),
            },
        };
        if let Some(x) = exclude {
            hidden.extend(repo.ancestors(&repo.resolve(x).ok_or_else(bad)?));
            ranged = true;
        }
        if let Some(y) = include {
            tips.push(repo.resolve(y).ok_or_else(bad)?);
        }
    }
    if a.all {
        tips.extend(repo.branches.values().cloned());
        tips.extend(repo.remote_tracking.values().cloned());
        tips.extend(repo.tags.values().cloned());
        tips.extend(repo.head_commit().cloned());
    } else if tips.is_empty() && !ranged {
        match repo.head_commit() {
            Some(id) => tips.push(id.clone()),
            None => {
                let b = repo.current_branch().unwrap_or("main");
                return Err(GitError::Fatal(format!("your current branch '{b}' does not have any commits yet")));
            }
        }
    }
    // git carries the left side's mark down from its tips to every commit
    // it reaches.
    let mut left = BTreeSet::new();
    for id in walk_limited(repo, &left_tips, usize::MAX, hidden.clone(), a.first_parent) {
        left.insert(id);
    }
    let on_side = |id: &CommitId| a.only.is_none_or(|l| left.contains(id) == l);
    let mut drawn = BTreeSet::new();
    let ids = if a.graph {
        // --graph implies --topo-order: walk everything, sort, then limit.
        let mut all = walk_limited(repo, &tips, usize::MAX, hidden, a.first_parent);
        all.retain(on_side);
        for id in &all {
            drawn.insert(id.clone());
        }
        let mut ids = topo_order(repo, &all, a.first_parent);
        ids.truncate(a.max.unwrap_or(usize::MAX));
        ids
    } else if a.authors.is_empty()
        && a.greps.is_empty()
        && a.merges == (false, false)
        && a.pickaxe.is_none()
        && a.only.is_none()
        && paths.is_empty()
    {
        walk_limited(repo, &tips, a.max.unwrap_or(usize::MAX), hidden, a.first_parent)
    } else {
        // git matches the author line (name, email, time, zone) and the
        // message; `-n` counts what matched.
        let mut ids = if paths.is_empty() {
            walk_limited(repo, &tips, usize::MAX, hidden, a.first_parent)
        } else {
            walk_paths(repo, &tips, &hidden, paths, (a.first_parent, a.follow))
        };
        ids.retain(|id| {
            on_side(id)
                && repo.commit(id).is_some_and(|c| {
                    let who = format!("{} {} +0000", c.author, c.time);
                    (a.authors.is_empty() || a.authors.iter().any(|p| p.matches(&who)))
                        && (a.greps.is_empty() || a.greps.iter().any(|p| p.matches(&c.message)))
                        && (!a.merges.0 || c.parents.len() > 1)
                        && (!a.merges.1 || c.parents.len() < 2)
                        && a.pickaxe.as_ref().is_none_or(|p| p.finds(repo, c, paths))
                })
        });
        ids.truncate(a.max.unwrap_or(usize::MAX));
        ids
    };
    let ids = if a.reverse { ids.into_iter().rev().collect() } else { ids };
    Ok(Selection { ids, paths, left, drawn })
}

pub fn run(a: &LogArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let Selection { ids, paths, left, drawn } = selected(a, ctx)?;
    let repo = &*ctx.repo;
    let now = *ctx.clock;
    let commits = ids.iter().filter_map(|id| repo.commit(id));
    let style = |c: &Commit| pretty::Style { left: left.contains(&c.id), ..a.style };
    if !a.graph {
        // git's log-tree: a newline between entries unless each ends in one;
        // under each commit, its diff (none under a merge).
        let mut out = String::new();
        for (i, c) in commits.enumerate() {
            if i > 0 && !a.pretty.terminated() {
                out.push('\n');
            }
            let entry = pretty::entry(repo, c, &a.pretty, style(c), now);
            let shown = match &a.pickaxe {
                Some(p) if !a.formats.is_empty() => &p.files(repo, c, paths)[..],
                _ => paths,
            };
            out.push_str(&show::logged(repo, c, entry, a.formats, &a.pretty, shown));
        }
        return Ok(match a.pretty {
            Pretty::User { .. } => out.strip_suffix('\n').unwrap_or(&out).to_string(),
            _ => out.trim_end().to_string(),
        });
    }
    let mut g = Graph::default();
    let one_line = a.pretty.one_line();
    let mut out = Vec::new();
    for c in commits {
        // In a graph, `--left-right`'s mark takes the place of the `*`.
        let style = style(c);
        let mark = if style.left_right { style.mark() } else { '*' };
        let entry = pretty::entry(repo, c, &a.pretty, pretty::Style { left_right: false, ..style }, now);
        let block = if one_line { entry.trim_end_matches('\n') } else { entry.as_str() };
        let parents = if a.first_parent { &c.parents[..c.parents.len().min(1)] } else { &c.parents[..] };
        let parents: Vec<CommitId> = parents.iter().filter(|p| drawn.contains(*p)).cloned().collect();
        out.extend(g.render(&c.id, &parents, block, (mark, one_line)));
    }
    // The columns drawn below the last commit shown separate nothing.
    if !one_line && out.last().is_some_and(|l| l.chars().all(|c| matches!(c, '|' | '/' | '\\' | ' '))) {
        out.pop();
    }
    Ok(out.join("\n").trim_end().to_string())
}

/// The `commit`/`Author`/`Date` block without decorations, as git writes
/// the commits into a squash's message.
pub(crate) fn undecorated(c: &Commit) -> String {
    pretty::layout(c, &c.id, "", &Pretty::Medium, crate::clock::git_date(c.time))
}

/// git's topological order for `--graph` (`sort_in_topological_order` in
/// graph order): no commit before all its children; the tips in the order
/// walked; then a stack, so a merge's last parent's line is shown first.
fn topo_order(repo: &Repo, walked: &[CommitId], first_parent: bool) -> Vec<CommitId> {
    use std::collections::HashMap;
    let parents = |id: &CommitId| -> Vec<CommitId> {
        let ps = repo.commit(id).map(|c| c.parents.clone()).unwrap_or_default();
        if first_parent { ps.into_iter().take(1).collect() } else { ps }
    };
    let mut children: HashMap<&CommitId, usize> = walked.iter().map(|id| (id, 0)).collect();
    for id in walked {
        for p in parents(id) {
            if let Some(n) = children.get_mut(&p) {
                *n += 1;
            }
        }
    }
    let mut stack: Vec<CommitId> = walked.iter().filter(|id| children[id] == 0).cloned().collect();
    stack.reverse();
    let mut out = Vec::with_capacity(walked.len());
    while let Some(id) = stack.pop() {
        for p in parents(&id) {
            if let Some(n) = children.get_mut(&p) {
                *n -= 1;
                if *n == 0 {
                    stack.push(p);
                }
            }
        }
        out.push(id);
    }
    out
}

/// `--graph`'s ASCII drawing, after git's `graph.c` for the shapes learners
/// make: one column per line of history, `|\\` where a merge opens a column,
/// `|/` where two columns meet again.
#[derive(Default)]
struct Graph {
    /// The commit each column is waiting for.
    columns: Vec<CommitId>,
}

impl Graph {
    /// `mark`: what stands for the commit in its column (`*`, or
    /// `--left-right`'s `<` and `>`).
    fn render(
        &mut self,
        id: &CommitId,
        parents: &[CommitId],
        block: &str,
        (mark, oneline): (char, bool),
    ) -> Vec<String> {
        let idx = match self.columns.iter().position(|c| c == id) {
            Some(i) => i,
            None => {
                self.columns.push(id.clone());
                self.columns.len() - 1
            }
        };
        let before = self.columns.len();
        let mut next = self.columns.clone();
        let mut opened = false;
        // git's graph.c: a two-parent merge whose first parent is already the
        // column on its left joins it there (`|/|`) and its column carries on
        // with the second parent.
        let mut joins_left = false;
        match parents {
            [] => {
                next.remove(idx);
            }
            [first, second] if idx > 0 && next[idx - 1] == *first && !next.contains(second) => {
                next[idx].clone_from(second);
                joins_left = true;
            }
            [first, rest @ ..] => {
                next[idx].clone_from(first);
                for (k, p) in rest.iter().enumerate() {
                    if !next.contains(p) {
                        next.insert(idx + 1 + k, p.clone());
                        opened = true;
                    }
                }
            }
        }
        let width = 2 * before.max(next.len());
        let pad = |s: String| format!("{s:width$}");
        let cells = |n: usize, star: Option<usize>| -> String {
            (0..n).map(|i| if Some(i) == star { format!("{mark} ") } else { "| ".to_string() }).collect()
        };
        // The lines that draw how the columns change below the commit.
        let mut shape = Vec::new();
        if opened {
            let mut s: String = (0..idx).map(|_| "| ").collect();
            s.push_str("|\\");
            for _ in idx + 1..before {
                s.push_str(" \\");
            }
            shape.push(pad(s));
        }
        if joins_left {
            let mut s: String = (0..idx - 1).map(|_| "| ").collect();
            s.push_str("|/|");
            for _ in idx + 1..before {
                s.push_str(" |");
            }
            shape.push(pad(s));
        }
        // Two columns waiting for the same commit merge into the left one.
        while let Some(j) = (1..next.len()).find(|&j| next[..j].contains(&next[j])) {
            let mut s = String::new();
            for i in 0..j {
                s.push('|');
                s.push(if i + 1 == j { '/' } else { ' ' });
            }
            for _ in j + 1..next.len() {
                s.push_str(" /");
            }
            shape.push(pad(s));
            next.remove(j);
        }
        self.columns = next;
        let mut lines = Vec::new();
        let mut block_lines = block.trim_end_matches('\n').lines();
        let first = block_lines.next().unwrap_or("");
        lines.push(format!("{}{first}", pad(cells(before, Some(idx)))));
        if oneline {
            lines.extend(shape);
            return lines;
        }
        // With whole commits, git draws the shape beside the commit's next
        // lines, then carries the columns on, as wide as the commit's row.
        let cont = pad(cells(self.columns.len(), None));
        let mut shape = shape.into_iter();
        for l in block_lines {
            let prefix = shape.next().unwrap_or_else(|| cont.clone());
            lines.push(format!("{prefix}{l}").trim_end().to_string());
        }
        lines.extend(shape.map(|s| s.trim_end().to_string()));
        lines.push(cont.trim_end().to_string());
        lines
    }
}
