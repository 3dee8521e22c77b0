//! The shell's own small commands, over the working tree: `echo`, `cat`,
//! `ls`, `pwd`, `help`, `rm`, and writing a file with `>`/`>>`.

use crate::action::{Action, Builtin};
use crate::outcome::{Event, Outcome};
use crate::repo::Tree;

/// Runs a builtin over `work`; `has_repo` says whether `ls -a` shows `.git`.
pub fn run(b: &Builtin, work: &Tree, has_repo: bool) -> Outcome {
    match b {
        // `-n` only drops the trailing newline, which the terminal adds anyway.
        Builtin::Echo(words) => Outcome::ok(words.strip_prefix(&["-n".to_string()][..]).unwrap_or(words).join(" ")),
        Builtin::Cat(paths) => cat(work, paths),
        Builtin::Ls { all } => ls(work, *all, has_repo),
        Builtin::Pwd => Outcome::ok("/home/you/chatbot"),
        Builtin::Help => Outcome::ok(HELP),
        Builtin::Clear => Outcome::ok("").with(Event::Cleared),
        Builtin::Assign(_) => Outcome::ok(""),
    }
}

/// `echo TEXT > PATH` / `>>`: the file gets the text and a newline.
pub fn write_file(work: &mut Tree, path: &str, text: &str, append: bool) -> Outcome {
    let name = path.trim_start_matches("./");
    // The project is one folder: any other path names a folder that does not exist.
    if name.is_empty() || name.contains('/') {
        return Outcome::err(format!("bash: {path}: No such file or directory"));
    }
    let mut text = text.to_string();
    if !text.is_empty() {
        text.push('\n');
    }
    let entry = work.entry(name.to_string()).or_default();
    if append {
        entry.push_str(&text);
    } else {
        *entry = text;
    }
    Outcome::ok("")
}

/// `rm`'s words: `-f`, `-r`/`-R` (alone or together), `--`, then files, as
/// GNU rm reads them; its words for anything else.
pub fn parse_rm(args: &[String]) -> Result<Action, String> {
    const TRY: &str = "Try 'rm --help' for more information.";
    let (mut force, mut recursive, mut paths) = (false, false, Vec::new());
    let mut options = true;
    for a in args {
        match a.as_str() {
            "--" if options => options = false,
            "--force" if options => force = true,
            "--recursive" if options => recursive = true,
            long if options && long.starts_with("--") => {
                return Err(format!("rm: unrecognized option '{long}'\n{TRY}"));
            }
            flags if options && flags.len() > 1 && flags.starts_with('-') => {
                for c in flags.chars().skip(1) {
                    match c {
                        'f' => force = true,
                        'r' | 'R' => recursive = true,
                        'i' | 'I' | 'v' | 'd' => return Err(format!("rm: -{c} is not simulated in this terminal")),
                        _ => return Err(format!("rm: invalid option -- '{c}'\n{TRY}")),
                    }
                }
            }
            path => paths.push(path.to_string()),
        }
    }
    if paths.is_empty() && !force {
        return Err(format!("rm: missing operand\n{TRY}"));
    }
    Ok(Action::RemoveFiles { paths, force, recursive })
}

/// `rm`: deletes files from the working tree, with GNU rm's complaints
/// (the project is one folder; `.git` is the only folder in it).
pub fn remove(work: &mut Tree, paths: &[String], (force, recursive): (bool, bool)) -> Outcome {
    let mut errors = Vec::new();
    for p in paths {
        let name = p.trim_start_matches("./").trim_end_matches('/');
        let dots = matches!(name, "." | "..") || p.ends_with("/.") || p.ends_with("/..");
        if dots && !recursive {
            errors.push(format!("rm: cannot remove '{p}': Is a directory"));
        } else if dots {
            errors.push(format!("rm: refusing to remove '.' or '..' directory: skipping '{p}'"));
        } else if name == ".git" && recursive {
            errors.push("rm: this terminal keeps .git: deleting the repository is not simulated".to_string());
        } else if name == ".git" {
            errors.push(format!("rm: cannot remove '{p}': Is a directory"));
        } else if work.remove(name).is_none() && !force {
            errors.push(format!("rm: cannot remove '{p}': No such file or directory"));
        }
    }
    if errors.is_empty() { Outcome::ok("") } else { Outcome::err(errors.join("\n")) }
}

fn cat(work: &Tree, paths: &[String]) -> Outcome {
    if paths.is_empty() {
        return Outcome::err("cat: reading from the keyboard is not supported here; name a file: cat README.md");
    }
    let mut out = String::new();
    let mut ok = true;
    for a in paths {
        match work.get(a.trim_start_matches("./")) {
            Some(body) => out.push_str(body),
            None => {
                ok = false;
                out.push_str(&format!("cat: {a}: No such file or directory\n"));
            }
        }
    }
    let out = out.strip_suffix('\n').unwrap_or(&out).to_string();
    Outcome { ok, output: out, events: Vec::new() }
}

fn ls(work: &Tree, all: bool, has_repo: bool) -> Outcome {
    let mut out: Vec<&str> = if all { vec![".", ".."] } else { vec![] };
    if all && has_repo {
        out.push(".git");
    }
    out.extend(work.keys().map(String::as_str).filter(|n| all || !n.starts_with('.')));
    Outcome::ok(out.join("  "))
}

/// What `help` prints.
pub const HELP: &str = "This terminal runs git and a few shell commands:
  git ...                 the git commands listed by `git help`
  echo \"text\" > file      write a file (>> appends)
  cat FILE                show a file
  rm FILE                 delete a file from the working tree (git rm also unstages it)
  ls [-a]                 list files (-a shows the .env files)
  config check [ENV]      lint the .env profiles (development, staging, production)
  config compare          the three profiles side by side
  python main.py          run the chatbot locally (APP_ENV=staging python main.py for another profile;
                          KEY=value python main.py overrides the file); stop it with Ctrl+C or `stop`
  curl URL                call a server: curl localhost:8000/ ; curl -i -X POST URL/chat -d '{\"message\": \"hi\"}'
  servers [NAME]          which commit runs where (the promotion ledger), or one server's config and deploy log
  logs [NAME]             a server's request log, filtered by its LOG_LEVEL
  deploy production       promote the commit staging runs to production
  topology [NAME]         minimal (local + production) or professional (+ development, staging)
  edit [NAME]             make one of the guide's prepared changes (a feature, a bug, a fix)
  gh pr create|list|view|checks|review|merge|close|checkout   pull requests on origin (GitHub CLI)
  gh run list|view ID --log                                   the CI runs on pull requests
  protect BRANCH [--require-pr] [--approvals N] [--require-checks]   branch protection on origin
  @teammate LINE          run LINE in your teammate's clone
  clear                   clear the terminal
  undo                    take back the last command
  reset                   start this world over";
