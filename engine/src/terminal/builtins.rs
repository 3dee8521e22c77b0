//! The shell's own small commands, over the working tree: `echo`, `cat`,
//! `ls`, `pwd`, `help`, and writing a file with `>`/`>>`.

use crate::action::Builtin;
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
