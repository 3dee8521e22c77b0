//! `git show`: a commit with its patch (or `--stat`), an annotated tag's
//! message before its commit, and `REV:path` file contents.

use super::args::{self, flag};
use super::diff_cmd::{patch, stat};
use super::log::header;
use super::{Ctx, GitError};
use crate::clock::git_date;
use crate::repo::{Commit, EMPTY_TREE, Repo, Tree};

/// What follows a commit's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    Patch,
    Stat,
    Nothing,
}

/// `git show` options and what to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowArgs {
    oneline: bool,
    body: Body,
    revs: Vec<String>,
}

impl ShowArgs {
    /// Parses the words after `show`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "stat"), flag(None, "oneline"), flag(Some('s'), "no-patch"), flag(Some('p'), "patch")],
            "show [<options>] <object>...",
        )
        .map_err(args::as_revision_argument)?;
        if p.dashdash.is_some() {
            return Err(GitError::Fatal("limiting git show to paths is not simulated in this tutor yet".into()));
        }
        // The last of --stat, --patch and --no-patch wins, as in git.
        let mut body = Body::Patch;
        for (name, _) in &p.opts {
            match *name {
                "stat" => body = Body::Stat,
                "patch" => body = Body::Patch,
                "no-patch" => body = Body::Nothing,
                _ => {}
            }
        }
        let oneline = p.has("oneline");
        let revs = if p.positional.is_empty() { vec!["HEAD".to_string()] } else { p.positional };
        Ok(Self { oneline, body, revs })
    }
}

/// The diff a commit shows against: its first parent, or nothing for a root.
fn parent_tree<'a>(repo: &'a Repo, c: &Commit) -> &'a Tree {
    c.parents.first().and_then(|p| repo.commit(p)).map_or(&EMPTY_TREE, |p| &p.tree)
}

/// One commit: its header, then its patch or stat.
fn commit_text(repo: &Repo, c: &Commit, a: &ShowArgs) -> Result<String, GitError> {
    let mut out = header(repo, c, a.oneline);
    let merge = c.parents.len() > 1;
    let body = match a.body {
        Body::Nothing => String::new(),
        Body::Stat => stat(parent_tree(repo, c), &c.tree),
        // A merge shows git's combined diff: only what it changed beyond
        // every parent, which is nothing for a merge that resolved nothing.
        Body::Patch if merge => {
            let resolved = c.tree.iter().any(|(p, body)| {
                c.parents.iter().all(|id| repo.commit(id).and_then(|pc| pc.tree.get(p)) != Some(body))
            });
            if resolved {
                return Err(GitError::Fatal(
                    "'git show' of a merge that resolved conflicts (a combined diff) is not simulated in this tutor yet; try git show --stat"
                        .into(),
                ));
            }
            String::new()
        }
        Body::Patch => patch(parent_tree(repo, c), &c.tree),
    };
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&body);
    }
    Ok(out.trim_end().to_string())
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
    match tree.get(path) {
        Some(body) => Ok(body.trim_end_matches('\n').to_string()),
        None if rev.is_empty() => {
            Err(GitError::Fatal(format!("path '{path}' does not exist (neither on disk nor in the index)")))
        }
        None => Err(GitError::Fatal(format!("path '{path}' does not exist in '{rev}'"))),
    }
}

/// `git show`.
pub fn run(a: &ShowArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let mut blocks = Vec::new();
    for rev in &a.revs {
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
        let mut text = String::new();
        // An annotated tag (named as a tag, not a branch) shows itself first.
        if let Some((tag, note)) = repo.annotated_tag(rev) {
            if a.oneline {
                text.push_str(&format!("tag {tag}\n\n{}\n", note.message.trim_end()));
            } else {
                text.push_str(&format!(
                    "tag {tag}\nTagger: {}\nDate:   {}\n\n{}\n\n",
                    note.tagger,
                    git_date(note.time),
                    note.message.trim_end()
                ));
            }
        }
        text.push_str(&commit_text(repo, c, a)?);
        blocks.push(text);
    }
    let sep = if a.oneline { "\n" } else { "\n\n" };
    Ok(blocks.join(sep))
}
