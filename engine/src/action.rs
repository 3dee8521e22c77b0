//! Everything a learner can do, as data: a typed line parses to an [`Action`],
//! a button builds one, and both go through the same `apply`. Each action
//! knows the exact command line that performs it ([`Action::to_line`]), so a
//! button can echo what it did and teach the typing.

use crate::chatbot::http::{Curl, CurlError};
use crate::config::commands::ConfigCommand;
use crate::git::{GitCommand, GitError};
use crate::github::ProtectCommand;
use crate::github::gh::{GhCommand, GhError};
use crate::grammar::quote;
use crate::outcome::Outcome;
use crate::servers::Topology;
use crate::servers::commands::ServersCommand;

/// A tool's command line: the words after the tool's name as given, and what
/// they parse to. The words are kept so the line echoes exactly; the parsed
/// form is what runs.
#[derive(Debug, Clone)]
pub struct Argv<T> {
    words: Vec<String>,
    parsed: T,
}

/// The parsed form is a function of the words, so the words decide equality
/// (and the wasm carries no deep comparison of every parsed command).
impl<T> PartialEq for Argv<T> {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
    }
}

impl<T> Eq for Argv<T> {}

impl<T> Argv<T> {
    /// The words after the tool's name.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// What they parse to.
    pub fn parsed(&self) -> &T {
        &self.parsed
    }

    /// Parses `words` with `parse`, keeping them.
    fn new<E>(words: Vec<String>, parse: fn(&[String]) -> Result<T, E>) -> Result<Self, E> {
        Ok(Self { parsed: parse(&words)?, words })
    }
}

impl Argv<GitCommand> {
    /// `git WORDS…`, parsed as git parses it.
    pub fn git(words: Vec<String>) -> Result<Self, GitError> {
        Self::new(words, GitCommand::parse)
    }
}

impl Argv<GhCommand> {
    /// `gh WORDS…`, parsed as gh parses it.
    pub fn gh(words: Vec<String>) -> Result<Self, GhError> {
        Self::new(words, GhCommand::parse)
    }
}

impl Argv<Curl> {
    /// `curl WORDS…`, parsed as curl parses it.
    pub fn curl(words: Vec<String>) -> Result<Self, CurlError> {
        Self::new(words, Curl::parse)
    }
}

/// `tool word…`, each word quoted so the shell reads it back unchanged.
fn command_line(tool: &str, words: &[String]) -> String {
    format!("{tool} {}", crate::grammar::line(words)).trim_end().to_string()
}

/// The shell's own small commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Builtin {
    /// `echo WORDS…` (`-n` first is accepted: the terminal ends lines anyway).
    Echo(Vec<String>),
    /// `cat FILE…`.
    Cat(Vec<String>),
    /// `ls [-a]`.
    Ls {
        /// `-a`: the dotfiles too (the `.env` profiles).
        all: bool,
    },
    /// `pwd`.
    Pwd,
    /// `help`.
    Help,
    /// `clear`: empties the scrollback (the history stays).
    Clear,
    /// `NAME=value` alone: sets a shell variable, which nothing here reads.
    Assign(Vec<(String, String)>),
}

/// Something the learner does: typed, or clicked as a button that runs the
/// same command.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// A git command in the learner's clone.
    Git(Argv<GitCommand>),
    /// `gh …`: pull requests and CI runs on GitHub.
    Gh(Argv<GhCommand>),
    /// `curl …`: a request to a server.
    Curl(Argv<Curl>),
    /// `[KEY=value…] python main.py`: start the local server with these variables.
    RunLocal(Vec<(String, String)>),
    /// Ctrl+C in the terminal, or `stop`.
    StopLocal,
    /// `deploy production [REV]`: promote what staging ran.
    Promote(Option<String>),
    /// `servers …`: the ledger, one server, its platform variables.
    Servers(ServersCommand),
    /// `logs [NAME]`: a server's request log.
    Logs(Option<String>),
    /// `protect …`: GitHub's branch protection settings.
    Protect(ProtectCommand),
    /// `topology [minimal|professional]`: show or switch the setup.
    Topology(Option<Topology>),
    /// `config check [ENV]` / `config compare`.
    Config(ConfigCommand),
    /// `edit [NAME]`: one of the guide's prepared changes.
    Edit(Option<String>),
    /// `echo TEXT > PATH` (`>>` appends): write a file in the working tree.
    WriteFile {
        /// The file, relative to the project.
        path: String,
        /// Its new text (or what to append), without the final newline echo adds.
        text: String,
        /// `>>` rather than `>`.
        append: bool,
    },
    /// `rm [-f] [-r] FILE…`: delete files from the working tree (not from
    /// the index: that is `git rm`).
    RemoveFiles {
        /// The files, relative to the project.
        paths: Vec<String>,
        /// `-f`: a file that is not there is no error.
        force: bool,
        /// `-r`/`-R`: folders too (the project has none but `.git`).
        recursive: bool,
    },
    /// `echo`, `cat`, `ls`, `pwd`, `help`, `clear`.
    Shell(Builtin),
    /// `undo`: take back the last command.
    Undo,
    /// `reset`: back to where this world started.
    Reset,
    /// `@teammate …`: the same, done by a teammate in their own clone.
    Teammate(Box<Action>),
}

impl Action {
    /// `git WORDS…` from literal words, for buttons and lessons.
    pub fn git(words: &[&str]) -> Result<Self, GitError> {
        Argv::git(words.iter().map(ToString::to_string).collect()).map(Self::Git)
    }

    /// The "New commit" button: an empty commit with a numbered message,
    /// exactly what `git commit --allow-empty -m "Commit N"` does.
    pub fn new_commit(n: usize) -> Self {
        let message = format!("Commit {n}");
        let words = vec!["commit".to_string(), "--allow-empty".into(), "-m".into(), message];
        match Argv::git(words) {
            Ok(argv) => Self::Git(argv),
            // Unreachable: these words always parse; stay total anyway.
            Err(_) => Self::Shell(Builtin::Help),
        }
    }

    /// The terminal line that performs this action; it parses back to it.
    pub fn to_line(&self) -> String {
        let words = |tool: &str, words: Vec<String>| command_line(tool, &words);
        let assigns =
            |vars: &[(String, String)]| vars.iter().map(|(k, v)| format!("{k}={}", quote(v))).collect::<Vec<_>>();
        match self {
            Self::Git(a) => command_line("git", &a.words),
            Self::Gh(a) => command_line("gh", &a.words),
            Self::Curl(a) => command_line("curl", &a.words),
            Self::RunLocal(vars) => {
                let mut w = assigns(vars);
                w.push("python main.py".into());
                w.join(" ")
            }
            Self::StopLocal => "stop".into(),
            Self::Promote(rev) => words("deploy", std::iter::once("production".into()).chain(rev.clone()).collect()),
            Self::Servers(c) => words("servers", c.words()),
            Self::Logs(s) => words("logs", s.iter().cloned().collect()),
            Self::Protect(c) => words("protect", c.words()),
            Self::Topology(t) => words("topology", t.iter().map(|t| t.name().to_string()).collect()),
            Self::Config(c) => words("config", c.words()),
            Self::Edit(n) => words("edit", n.iter().cloned().collect()),
            Self::WriteFile { path, text, append } => {
                format!("echo {} {} {}", quote(text), if *append { ">>" } else { ">" }, quote(path))
            }
            Self::RemoveFiles { paths, force, recursive } => {
                let mut w: Vec<String> = [(*recursive, "-r"), (*force, "-f")]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, f)| (*f).to_string())
                    .collect();
                if paths.iter().any(|p| p.starts_with('-')) {
                    w.push("--".into());
                }
                w.extend(paths.iter().cloned());
                words("rm", w)
            }
            Self::Shell(b) => match b {
                Builtin::Echo(w) => words("echo", w.clone()),
                Builtin::Cat(w) => words("cat", w.clone()),
                Builtin::Ls { all } => if *all { "ls -a" } else { "ls" }.into(),
                Builtin::Pwd => "pwd".into(),
                Builtin::Help => "help".into(),
                Builtin::Clear => "clear".into(),
                Builtin::Assign(vars) => assigns(vars).join(" "),
            },
            Self::Undo => "undo".into(),
            Self::Reset => "reset".into(),
            Self::Teammate(a) => format!("@teammate {}", a.to_line()),
        }
    }
}

/// Whatever applies actions: a world on its own, or a session with undo.
pub trait Apply {
    /// Applies one action; the only way the world changes.
    fn apply(&mut self, action: &Action) -> Outcome;
}
