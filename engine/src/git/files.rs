//! The index's files: `git rm` (`--cached`), `git mv`, `git ls-files`, and
//! the files it lacks: `git clean`.

use super::args::{self, flag};
use super::restore::matches;
use super::{Ctx, GitError};
use crate::repo::Tree;

/// `git rm` options and pathspecs.
// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RmArgs {
    /// `--cached`: only from the index; the file stays in the working tree.
    cached: bool,
    /// `-f`: even with local or staged changes.
    force: bool,
    /// `-r`: folders too.
    recursive: bool,
    /// `-q`: no `rm 'path'` lines.
    quiet: bool,
    paths: Vec<String>,
}

impl RmArgs {
    /// Parses the words after `rm`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(None, "cached"), flag(Some('f'), "force"), flag(Some('r'), "recursive"), flag(Some('q'), "quiet")],
            "rm [-f | --force] [-n] [-r] [--cached] [--ignore-unmatch]",
        )?;
        if p.positional.is_empty() {
            return Err(GitError::Fatal("No pathspec was given. Which files should I remove?".into()));
        }
        Ok(Self {
            cached: p.has("cached"),
            force: p.has("force"),
            recursive: p.has("recursive"),
            quiet: p.has("quiet"),
            paths: p.positional,
        })
    }
}

/// The index paths each pathspec names; git's refusals for one that names
/// none, or a folder without `-r`.
fn pathspecs(specs: &[String], index: &Tree, recursive: bool) -> Result<Vec<String>, GitError> {
    let mut out: Vec<String> = Vec::new();
    for spec in specs {
        let spec = spec.trim_start_matches("./");
        let hits: Vec<&String> = index.keys().filter(|p| matches(spec, p)).collect();
        if hits.is_empty() {
            return Err(GitError::AddNoMatch(spec.to_string()));
        }
        // A glob names files itself; a folder needs -r.
        if !recursive && !super::restore::is_glob(spec) && !hits.iter().all(|p| p.as_str() == spec) {
            return Err(GitError::Fatal(format!(
                "not removing '{}' recursively without -r",
                spec.trim_end_matches('/')
            )));
        }
        for h in hits {
            if !out.contains(h) {
                out.push(h.clone());
            }
        }
    }
    crate::order::sort(&mut out);
    Ok(out)
}

/// One of git rm's safety refusals: its heading, singular and plural, and advice.
fn refusal(paths: &[&String], one: &str, many: &str, advice: &str) -> Option<String> {
    if paths.is_empty() {
        return None;
    }
    let head = if paths.len() == 1 { one } else { many };
    let list: Vec<String> = paths.iter().map(|p| format!("    {p}")).collect();
    Some(format!("error: {head}\n{}\n{advice}", list.join("\n")))
}

/// `git rm`.
pub fn rm(a: &RmArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let paths = pathspecs(&a.paths, &ctx.repo.index, a.recursive)?;
    if !a.force {
        let head = ctx.repo.head_tree();
        let (mut both, mut staged, mut local) = (Vec::new(), Vec::new(), Vec::new());
        for p in &paths {
            let in_index = ctx.repo.index.get(p);
            let staged_change = head.get(p) != in_index;
            // A file already gone from the working tree has nothing to lose there.
            let local_change = ctx.work.get(p).is_some_and(|w| Some(w) != in_index);
            if staged_change && local_change {
                both.push(p);
            } else if !a.cached {
                if staged_change {
                    staged.push(p);
                }
                if local_change {
                    local.push(p);
                }
            }
        }
        let keep = "(use --cached to keep the file, or -f to force removal)";
        let errors: Vec<String> = [
            refusal(
                &both,
                "the following file has staged content different from both the\nfile and the HEAD:",
                "the following files have staged content different\nfrom both the file and the HEAD:",
                "(use -f to force removal)",
            ),
            refusal(
                &staged,
                "the following file has changes staged in the index:",
                "the following files have changes staged in the index:",
                keep,
            ),
            refusal(
                &local,
                "the following file has local modifications:",
                "the following files have local modifications:",
                keep,
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !errors.is_empty() {
            return Err(GitError::Refused(errors.join("\n")));
        }
    }
    let mut out = Vec::new();
    for p in &paths {
        ctx.repo.index.remove(p);
        if !a.cached {
            ctx.work.remove(p);
        }
        // Removing a conflicted path resolves it, as `git add` does.
        if let Some(m) = ctx.repo.merge.as_mut() {
            m.conflicts.remove(p);
        }
        if !a.quiet {
            out.push(format!("rm '{p}'"));
        }
    }
    Ok(out.join("\n"))
}

/// `git mv` options: one source and its destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MvArgs {
    /// `-f`: overwrite an existing destination.
    force: bool,
    source: String,
    destination: String,
}

impl MvArgs {
    /// Parses the words after `mv`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(rest, &[flag(Some('f'), "force")], "mv [<options>] <source>... <destination>")?;
        match p.positional.as_slice() {
            [source, destination] => Ok(Self {
                force: p.has("force"),
                source: source.trim_start_matches("./").trim_end_matches('/').to_string(),
                destination: destination.trim_start_matches("./").trim_end_matches('/').to_string(),
            }),
            [_, _, _, ..] => {
                Err(GitError::Fatal("moving several files at once is not simulated in this tutor yet".into()))
            }
            _ => Err(GitError::Refused("usage: git mv [<options>] <source>... <destination>".into())),
        }
    }
}

/// Whether `dir` is a folder of `tree` (some path lies under it).
fn is_folder(tree: &Tree, dir: &str) -> bool {
    !dir.is_empty() && tree.keys().any(|p| p.strip_prefix(dir).is_some_and(|r| r.starts_with('/')))
}

/// `git mv`: the file (or every file of a folder) moves in the index and the
/// working tree alike, contents unchanged, so status shows a rename.
pub fn mv(a: &MvArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let (src, mut dst) = (a.source.as_str(), a.destination.clone());
    let bad = |what: &str, dst: &str| GitError::Fatal(format!("{what}, source={src}, destination={dst}"));
    let folder = is_folder(&ctx.repo.index, src);
    // git looks on disk first, then in the index.
    if !folder && !ctx.work.contains_key(src) {
        return Err(bad("bad source", &dst));
    }
    if !folder && !ctx.repo.index.contains_key(src) {
        return Err(bad("not under version control", &dst));
    }
    if ctx.repo.merge.as_ref().is_some_and(|m| m.conflicts.contains(src)) {
        return Err(bad("conflicted", &dst));
    }
    // Into a folder that exists: keeps its name there.
    if is_folder(ctx.work, &dst) || is_folder(&ctx.repo.index, &dst) {
        let name = src.rsplit('/').next().unwrap_or(src);
        dst = format!("{dst}/{name}");
    }
    if dst == src || dst.starts_with(&format!("{src}/")) {
        return Err(bad("can not move directory into itself", &dst));
    }
    // `-f` overwrites a file, never a folder's worth.
    if (folder || !a.force) && (ctx.repo.index.contains_key(&dst) || ctx.work.contains_key(&dst)) {
        return Err(bad("destination exists", &dst));
    }
    if let Some((parent, _)) = dst.rsplit_once('/')
        && !is_folder(ctx.work, parent)
    {
        return Err(GitError::Fatal(format!("renaming '{src}' failed: No such file or directory")));
    }
    let moving: Vec<String> = if folder {
        ctx.repo.index.keys().filter(|p| matches(src, p)).cloned().collect()
    } else {
        vec![src.to_string()]
    };
    for from in moving {
        let to = format!("{dst}{}", &from[src.len()..]);
        if let Some(body) = ctx.repo.index.remove(&from) {
            ctx.repo.index.insert(to.clone(), body);
        }
        if let Some(body) = ctx.work.remove(&from) {
            ctx.work.insert(to, body);
        }
    }
    Ok(String::new())
}

/// `git ls-files` options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LsFilesArgs {
    /// `-c` (the default): the index's files.
    cached: bool,
    /// `-o`: untracked files.
    others: bool,
    paths: Vec<String>,
}

impl LsFilesArgs {
    /// Parses the words after `ls-files`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[flag(Some('c'), "cached"), flag(Some('o'), "others")],
            "ls-files [<options>] [<file>...]",
        )?;
        let others = p.has("others");
        Ok(Self { cached: p.has("cached") || !others, others, paths: p.positional })
    }
}

/// `git ls-files`: untracked files first when asked for, then the index's.
pub fn ls_files(a: &LsFilesArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if ctx.repo.merge.as_ref().is_some_and(|m| !m.conflicts.is_empty()) {
        return Err(GitError::Fatal(
            "'git ls-files' with conflicts (one line per stage) is not simulated in this tutor yet; try git status"
                .into(),
        ));
    }
    let wanted = |p: &str| a.paths.is_empty() || a.paths.iter().any(|s| matches(s.trim_start_matches("./"), p));
    let mut out: Vec<&String> = Vec::new();
    if a.others {
        out.extend(ctx.work.keys().filter(|p| !ctx.repo.index.contains_key(*p) && wanted(p)));
    }
    if a.cached {
        out.extend(ctx.repo.index.keys().filter(|p| wanted(p)));
    }
    Ok(out.iter().map(|p| p.as_str()).collect::<Vec<_>>().join("\n"))
}

/// `git clean`: untracked files removed (`-f`), or named (`-n`).
// Each bool is one of git's independent flags.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanArgs {
    force: bool,
    dry_run: bool,
    dirs: bool,
    quiet: bool,
    /// `-X`: only ignored files, which the tutor has none of.
    only_ignored: bool,
}

impl CleanArgs {
    /// Parses the words after `clean`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        const USAGE: &str = "clean [-d] [-f] [-i] [-n] [-q] [-e <pattern>] [-x | -X] [--] [<pathspec>...]";
        let p = args::parse(
            rest,
            &[
                flag(Some('f'), "force"),
                flag(Some('n'), "dry-run"),
                flag(Some('d'), "-d"),
                flag(Some('q'), "quiet"),
                // The project has no ignore rules: -x changes nothing.
                flag(Some('x'), "-x"),
                flag(Some('X'), "-X"),
            ],
            USAGE,
        )?;
        if !p.positional.is_empty() {
            return Err(GitError::Fatal("'git clean <pathspec>' is not simulated in this tutor yet".into()));
        }
        Ok(Self {
            force: p.has("force"),
            dry_run: p.has("dry-run"),
            dirs: p.has("-d"),
            quiet: p.has("quiet"),
            only_ignored: p.has("-X"),
        })
    }
}

/// `git clean`.
pub fn clean(a: &CleanArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    if !a.force && !a.dry_run {
        return Err(GitError::Fatal("clean.requireForce is true and -f not given: refusing to clean".into()));
    }
    if a.only_ignored {
        return Ok(String::new());
    }
    // Untracked files; one in an untracked directory goes with it (`-d`).
    let mut gone: Vec<(String, Vec<String>)> = Vec::new();
    for path in ctx.work.keys().filter(|p| !ctx.repo.index.contains_key(*p)) {
        let name = match path.split_once('/') {
            Some((dir, _)) if !ctx.repo.index.keys().any(|t| t.starts_with(&format!("{dir}/"))) => {
                if !a.dirs {
                    continue;
                }
                format!("{dir}/")
            }
            _ => path.clone(),
        };
        match gone.last_mut() {
            Some((last, paths)) if *last == name => paths.push(path.clone()),
            _ => gone.push((name, vec![path.clone()])),
        }
    }
    let verb = if a.dry_run { "Would remove" } else { "Removing" };
    let mut out = Vec::new();
    for (name, paths) in gone {
        if !a.dry_run {
            for p in paths {
                ctx.work.remove(&p);
            }
        }
        if !a.quiet {
            out.push(format!("{verb} {name}"));
        }
    }
    Ok(out.join("\n"))
}
