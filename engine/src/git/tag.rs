//! `git tag`: list, create (lightweight, or annotated with `-a`/`-m`), delete.

use super::args::{self, flag, value};
use super::branch::Filter;
use super::{Ctx, GitError};
use crate::refname::is_valid_ref_suffix;
use crate::repo::{CommitId, Repo, TagNote, short};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagArgs {
    /// `git tag [-l] [-n[N]] [PATTERN...]`.
    List {
        /// Shell-style patterns; a tag matching any is listed (all when none).
        patterns: Vec<String>,
        /// `-n[N]`: N lines of each tag's message (its commit's, when lightweight).
        lines: Option<usize>,
        /// `--contains C` / `--no-contains C`: only tags whose commit has C
        /// in its history, or lacks it (C: HEAD when not given).
        contains: Vec<(Filter, Option<String>)>,
        /// `--sort=KEY`, as given (the last is the first key).
        sort: Vec<super::ref_sort::SortKey>,
    },
    Create {
        name: String,
        target: Option<String>,
        force: bool,
        /// `-a`/`-m`: an annotated tag.
        annotate: bool,
        /// `-m`: its message.
        message: Option<String>,
    },
    Delete {
        names: Vec<String>,
    },
}

const USAGE: &str = "tag [-a | -s | -u <key-id>] [-f] [-m <msg> | -F <file>] [-e]";

impl TagArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        // `-n[N]` takes its number attached, or none (one line).
        let mut lines = None;
        let mut words = Vec::new();
        for (i, w) in rest.iter().enumerate() {
            let before_dashdash = !rest[..i].iter().any(|x| x == "--");
            // `-m -n…` is a message, not the option.
            let a_value = i > 0 && matches!(rest[i - 1].as_str(), "-m" | "--message");
            match w.strip_prefix("-n") {
                Some(n) if before_dashdash && !a_value => {
                    lines = Some(if n.is_empty() {
                        1
                    } else {
                        n.parse().map_err(|_| GitError::Error("switch `n' expects a numerical value".into()))?
                    });
                }
                _ => words.push(w.clone()),
            }
        }
        let rest = &words[..];
        let p = args::parse(
            rest,
            &[
                flag(Some('d'), "delete"),
                flag(Some('f'), "force"),
                flag(Some('a'), "annotate"),
                value(Some('m'), "message"),
                flag(Some('l'), "list"),
                flag(None, "contains"),
                flag(None, "no-contains"),
                value(None, "sort"),
            ],
            USAGE,
        )?;
        let mut pos = p.positional.clone();
        // -l and -d are modes (git's OPT_CMDMODE): one at a time, and
        // neither with what makes a tag.
        if p.has("delete") && p.has("list") {
            let [now, before] = if p.last(&["delete", "list"]) == Some("list") { ["-l", "-d"] } else { ["-d", "-l"] };
            return Err(GitError::Error(format!("options '{now}' and '{before}' cannot be used together")));
        }
        let makes = p.has("annotate") || p.has("force") || p.value("message").is_some();
        if makes && (p.has("delete") || p.has("list")) {
            return Err(GitError::Refused(format!("usage: git {USAGE}")));
        }
        if p.has("delete") {
            return Ok(Self::Delete { names: pos });
        }
        let contains = Filter::from_opts(&p.opts, &mut pos);
        let sort = p
            .values("sort")
            .into_iter()
            .map(|v| super::ref_sort::SortKey::parse(v, false))
            .collect::<Result<Vec<_>, _>>()?;
        if pos.is_empty() || p.has("list") || lines.is_some() || !contains.is_empty() || !sort.is_empty() {
            return Ok(Self::List { patterns: pos, lines, contains, sort });
        }
        if pos.len() > 2 {
            return Err(GitError::Fatal("too many arguments".into()));
        }
        let target = (pos.len() == 2).then(|| pos.remove(1));
        let messages = p.values("message");
        let message = (!messages.is_empty()).then(|| messages.join("\n\n"));
        let annotate = p.has("annotate") || message.is_some();
        Ok(Self::Create { name: pos.remove(0), target, force: p.has("force"), annotate, message })
    }
}

/// The tags listed, with `-n` their messages' first lines (`%(align:15)`
/// names, later lines indented by four spaces, as `git tag -n` prints).
fn list(
    repo: &Repo,
    (patterns, lines): (&[String], Option<usize>),
    sort: &[super::ref_sort::SortKey],
    contains: &[(Filter, CommitId)],
) -> String {
    let shown = repo.tags.iter().filter(|(name, id)| {
        (patterns.is_empty() || patterns.iter().any(|p| super::wildmatch::matches(p, name)))
            && contains.iter().all(|(f, c)| f.keeps(repo, id, c))
    });
    // A tag's date is its tagger's when annotated, else its commit's.
    let date = |name: &str, id: &str| match repo.tag_notes.get(name) {
        Some(note) => note.time,
        None => repo.commit(id).map_or(0, |c| c.time),
    };
    let mut rows: Vec<(String, u64, (&String, &CommitId))> =
        shown.map(|(name, id)| (format!("refs/tags/{name}"), date(name, id), (name, id))).collect();
    super::ref_sort::sort(sort, &mut rows);
    let mut out = Vec::new();
    for (_, _, (name, id)) in rows {
        let Some(n) = lines.filter(|n| *n > 0) else {
            out.push(name.clone());
            continue;
        };
        let message = match repo.tag_notes.get(name) {
            Some(note) => note.message.as_str(),
            None => repo.commit(id).map_or("", |c| c.message.as_str()),
        };
        let text: Vec<&str> = message.trim_end().lines().take(n).collect();
        out.push(format!("{name:<15} {}", text.join("\n    ")));
    }
    out.join("\n")
}

pub fn run(a: &TagArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    match a {
        TagArgs::List { patterns, lines, contains, sort } => {
            Ok(list(ctx.repo, (patterns, *lines), sort, &Filter::resolve(ctx.repo, contains)?))
        }
        TagArgs::Create { name, target, force, annotate, message } => {
            let repo = &mut *ctx.repo;
            if !is_valid_ref_suffix(name) || name.starts_with('-') {
                return Err(GitError::InvalidTagName(name.clone()));
            }
            if repo.tags.contains_key(name) && !force {
                return Err(GitError::TagExists(name.clone()));
            }
            let rev = target.as_deref().unwrap_or("HEAD");
            let id = repo.resolve(rev).ok_or_else(|| match target {
                Some(t) => GitError::Fatal(format!("Failed to resolve '{t}' as a valid ref.")),
                None => GitError::Fatal("Failed to resolve 'HEAD' as a valid ref.".into()),
            })?;
            let note = match (annotate, message) {
                (false, _) => None,
                (true, None) => {
                    return Err(GitError::Error(
                        "this terminal has no text editor for a tag message.\nhint: Give it on the command line: git tag -a NAME -m \"Describe the release\"".into(),
                    ));
                }
                (true, Some(message)) => {
                    // A tag is made after the commit it names: the clock moves on,
                    // as for a commit (a sort by date tells them apart).
                    *ctx.clock += 60;
                    Some(TagNote::new(name, &id, ctx.author.to_string(), *ctx.clock, message.clone()))
                }
            };
            let was = repo.tag_object(name).cloned();
            repo.tags.insert(name.clone(), id.clone());
            match note {
                Some(n) => repo.tag_notes.insert(name.clone(), n),
                None => repo.tag_notes.remove(name),
            };
            let now = repo.tag_object(name).cloned();
            Ok(match was {
                Some(o) if Some(&o) != now.as_ref() => format!("Updated tag '{name}' (was {})", short(&o)),
                _ => String::new(),
            })
        }
        TagArgs::Delete { names } => {
            let repo = &mut *ctx.repo;
            let mut out = Vec::new();
            let mut failed = false;
            for n in names {
                let object = repo.tag_object(n).cloned();
                match repo.remove_tag(n).and(object) {
                    Some(id) => out.push(format!("Deleted tag '{n}' (was {})", short(&id))),
                    None => {
                        failed = true;
                        out.push(format!("error: tag '{n}' not found."));
                    }
                }
            }
            if failed { Err(GitError::Refused(out.join("\n"))) } else { Ok(out.join("\n")) }
        }
    }
}
