//! `git show`: a commit with its patch (or `--stat`), an annotated tag's
//! message before its commit, and `REV:path` file contents.

use super::args::{self, flag};
use super::diff_cmd::{names, patch, stat};
use super::pretty::{self, Pretty};
use super::{Ctx, GitError};
use std::borrow::Cow;

use super::restore::named_by;
use crate::repo::{Commit, EMPTY_TREE, Repo, Tree};

/// What follows a commit's header: its `--stat`, its patch, both, the
/// changed paths alone (`--name-only`, `--name-status`) or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Formats {
    stat: bool,
    patch: bool,
    names: Option<Names>,
    /// `-s` was the last word on it: a names option after it is refused.
    silenced: bool,
}

/// The options [`Formats::from_opts`] reads, as log, show and stash take them.
pub(super) const FORMAT_OPTIONS: [args::Opt; 6] = [
    flag(None, "stat"),
    flag(Some('s'), "no-patch"),
    flag(Some('p'), "patch"),
    flag(Some('u'), "patch"),
    flag(None, "name-only"),
    flag(None, "name-status"),
];

impl Formats {
    const PATCH: Self = Self { stat: false, patch: true, names: None, silenced: false };

    /// What the options ask for, in order: `--stat` and `-p` add to it,
    /// `-s`/`--no-patch` clears it (git's `DIFF_FORMAT_NO_OUTPUT`), and a
    /// names option outranks the stat and the patch, as in git.
    /// `Ok(None)` when none of them is given.
    pub(super) fn from_opts(opts: &[(&str, Option<String>)]) -> Result<Option<Self>, GitError> {
        let mut out: Option<Self> = None;
        for (name, _) in opts {
            let mut f = out.unwrap_or_default();
            match *name {
                "stat" => (f.stat, f.silenced) = (true, false),
                "patch" => (f.patch, f.silenced) = (true, false),
                "no-patch" => f = Self { silenced: true, ..Self::default() },
                "name-only" | "name-status" => {
                    let n = if *name == "name-only" { Names::Only } else { Names::Status };
                    if f.silenced || f.names.is_some_and(|m| m != n) {
                        return Err(names_together());
                    }
                    f.names = Some(n);
                }
                _ => continue,
            }
            out = Some(f);
        }
        Ok(out)
    }

    pub(super) fn is_empty(self) -> bool {
        !self.stat && !self.patch && self.names.is_none()
    }
}

/// `--name-only` or `--name-status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Names {
    Only,
    Status,
}

/// git's refusal of two of its exclusive output formats.
pub(super) fn names_together() -> GitError {
    GitError::Fatal("options '--name-only', '--name-status', '--check', and '-s' cannot be used together".into())
}

/// `git show` options and what to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowArgs {
    pretty: Pretty,
    style: pretty::Style,
    formats: Formats,
    /// Objects (`HEAD`, a tag, `REV:file`), then paths that limit the diffs.
    revs: Vec<String>,
    /// How many of `revs` came before a `--`, when there was one.
    dashdash: Option<usize>,
}

impl ShowArgs {
    /// Parses the words after `show`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let (rest, pretty::Shape { pretty, style }) = pretty::take_options(rest)?;
        // show walks no history unless told to: `-n N` would make it one.
        if let Some(n) = rest.iter().position(|w| w == "-n" || w.starts_with("--max-count")) {
            return Err(if rest[n] == "-n" && n + 1 == rest.len() {
                GitError::Error("-n requires an argument".into())
            } else {
                GitError::Fatal("'git show -n' is not simulated in this tutor yet; use git log -n".into())
            });
        }
        let p =
            args::parse(&rest, &FORMAT_OPTIONS, "show [<options>] <object>...").map_err(args::as_revision_argument)?;
        let formats = Formats::from_opts(&p.opts)?.unwrap_or(Formats::PATCH);
        let pretty = pretty.unwrap_or(Pretty::Medium);
        Ok(Self { pretty, style, formats, revs: p.positional, dashdash: p.dashdash })
    }
}

/// A commit's entry (see [`pretty::entry`]) and the diff under it, as
/// git's log-tree prints them: unless the format is `oneline` or empty, a
/// `---` line when both a stat and a patch follow (else a blank line); the
/// stat; a blank line; the patch. Ends in a newline when anything follows.
pub(super) fn with_diff(entry: String, old: &Tree, new: &Tree, f: Formats, pretty: &Pretty) -> String {
    let parts = diff_parts(old, new, f);
    let mut out = entry;
    if !parts.is_empty() {
        if *pretty != Pretty::Oneline && !pretty.is_empty() {
            out.push_str(if parts.len() > 1 { "---\n" } else { "\n" });
        }
        out.push_str(&parts.join("\n\n"));
        out.push('\n');
    }
    out
}

/// What `f` asks for between two trees, each part non-empty: the names, or
/// the stat and the patch (`git stash show` prints them alone, blank lines between).
pub(super) fn diff_parts(old: &Tree, new: &Tree, f: Formats) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(n) = f.names {
        parts.push(names(old, new, n == Names::Status));
    } else {
        if f.stat {
            parts.push(stat(old, new));
        }
        if f.patch {
            parts.push(patch(old, new));
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// The diff a commit shows against: its first parent, or nothing for a root.
pub(super) fn parent_tree<'a>(repo: &'a Repo, c: &Commit) -> &'a Tree {
    c.parents.first().and_then(|p| repo.commit(p)).map_or(&EMPTY_TREE, |p| &p.tree)
}

/// `t`'s files that `paths` name (`t` itself when there are none).
pub(super) fn limited<'a>(t: &'a Tree, paths: &[String]) -> Cow<'a, Tree> {
    if paths.is_empty() {
        return Cow::Borrowed(t);
    }
    // Inserted one by one: a collect into a map sorts first, and costs the
    // WebAssembly a sort of its own.
    let mut out = Tree::new();
    for (p, b) in t.iter().filter(|(p, _)| named_by(paths, p)) {
        out.insert(p.clone(), b.clone());
    }
    Cow::Owned(out)
}

/// One commit: its entry, then its stat and patch (of `paths` alone, when named).
fn commit_text(repo: &Repo, c: &Commit, a: &ShowArgs, now: u64, paths: &[String]) -> Result<String, GitError> {
    let entry = pretty::entry(repo, c, &a.pretty, a.style, now);
    let mut f = a.formats;
    if c.parents.len() > 1 && f.patch {
        // A merge shows git's combined diff: only what it changed beyond
        // every parent, which is nothing for a merge that resolved nothing.
        let resolved = c
            .tree
            .iter()
            .any(|(p, body)| c.parents.iter().all(|id| repo.commit(id).and_then(|pc| pc.tree.get(p)) != Some(body)));
        if resolved {
            return Err(GitError::Fatal(
                "'git show' of a merge that resolved conflicts (a combined diff) is not simulated in this tutor yet; try git show --stat"
                    .into(),
            ));
        }
        f.patch = false;
    }
    Ok(with_diff(entry, &limited(parent_tree(repo, c), paths), &limited(&c.tree, paths), f, &a.pretty))
}

/// `git log -p` / `--stat`: one commit's entry with what follows it
/// (nothing under a merge: git logs merges without a diff by default).
/// `paths`: only their changes (`git log -p -- PATH`), when there are some.
pub(super) fn logged(repo: &Repo, c: &Commit, entry: String, f: Formats, pretty: &Pretty, paths: &[String]) -> String {
    let f = if c.parents.len() > 1 { Formats::default() } else { f };
    if f.is_empty() {
        return entry;
    }
    with_diff(entry, &limited(parent_tree(repo, c), paths), &limited(&c.tree, paths), f, pretty)
}

/// `REV:path` (`:path` is the index): that file's contents.
fn file_text(ctx: &Ctx, rev: &str, path: &str) -> Result<String, GitError> {
    let tree = if rev.is_empty() {
        &ctx.repo.index
    } else {
        let bad = || GitError::Fatal(format!("invalid object name '{rev}'."));
        let id = ctx.repo.resolve(rev).ok_or_else(bad)?;
        &ctx.repo.commit(&id).ok_or_else(bad)?.tree
    };
    if path.is_empty() {
        return Err(GitError::Fatal(format!("showing the tree '{rev}:' is not simulated in this tutor yet")));
    }
    let path = path.trim_start_matches("./");
    let on_disk = ctx.work.contains_key(path);
    match tree.get(path) {
        Some(body) => Ok(body.trim_end_matches('\n').to_string()),
        None if rev.is_empty() && on_disk => {
            Err(GitError::Fatal(format!("path '{path}' exists on disk, but not in the index")))
        }
        None if rev.is_empty() => {
            Err(GitError::Fatal(format!("path '{path}' does not exist (neither on disk nor in the index)")))
        }
        None if on_disk => Err(GitError::Fatal(format!("path '{path}' exists on disk, but not in '{rev}'"))),
        None => Err(GitError::Fatal(format!("path '{path}' does not exist in '{rev}'"))),
    }
}

/// `git show`.
pub fn run(a: &ShowArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    // Objects, then paths: after a `--`, or from the first word that names
    // no object but a file (`git show main.py`: HEAD's change to it).
    let n = a.dashdash.unwrap_or_else(|| {
        a.revs
            .iter()
            .position(|w| !w.contains(':') && ctx.repo.resolve(w).is_none() && super::restore::is_path(w, ctx.work))
            .unwrap_or(a.revs.len())
    });
    let (objects, paths) = a.revs.split_at(n);
    if a.dashdash.is_none()
        && let Some(p) = paths.iter().find(|p| !super::restore::is_path(p, ctx.work))
    {
        return Err(GitError::AmbiguousArgument(p.clone()));
    }
    let head = ["HEAD".to_string()];
    let objects = if objects.is_empty() { &head[..] } else { objects };
    let mut blocks = Vec::new();
    for rev in objects {
        if let Some((r, path)) = rev.split_once(':') {
            blocks.push(file_text(ctx, r, path)?);
            continue;
        }
        let repo = &*ctx.repo;
        let Some(id) = repo.resolve(rev) else {
            if rev == "HEAD" && repo.head_commit().is_none() {
                let b = repo.current_branch().unwrap_or("main");
                return Err(GitError::Fatal(format!("your current branch '{b}' does not have any commits yet")));
            }
            return Err(GitError::AmbiguousArgument(rev.clone()));
        };
        let Some(c) = repo.commit(&id) else { return Err(GitError::AmbiguousArgument(rev.clone())) };
        // With paths, a commit that leaves them as a parent had them is not shown.
        let untouched = |t: &Tree| super::log::same_at(t, &c.tree, paths);
        if !paths.is_empty()
            && (c.parents.is_empty() && untouched(&EMPTY_TREE)
                || c.parents.iter().filter_map(|p| repo.commit(p)).any(|p| untouched(&p.tree)))
        {
            continue;
        }
        let mut text = String::new();
        // An annotated tag (named as a tag, not a branch) shows itself first.
        if let Some((tag, note)) = repo.annotated_tag(rev) {
            if a.pretty.terminated() {
                text.push_str(&format!("tag {tag}\n\n{}\n", note.message.trim_end()));
            } else {
                text.push_str(&format!(
                    "tag {tag}\nTagger: {}\nDate:   {}\n\n{}\n\n",
                    note.tagger,
                    a.style.date.show(note.time, *ctx.clock),
                    note.message.trim_end()
                ));
            }
        }
        text.push_str(&commit_text(repo, c, a, *ctx.clock, paths)?);
        blocks.push(text.trim_end_matches('\n').to_string());
    }
    let sep = if a.pretty.terminated() || matches!(a.pretty, Pretty::User { .. }) { "\n" } else { "\n\n" };
    Ok(blocks.join(sep))
}
