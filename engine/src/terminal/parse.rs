//! From a typed line to actions: the shell grammar gives simple commands,
//! each becomes an [`Action`] or an error in the tool's own words.

use crate::action::{Action, Argv, Builtin};
use crate::chatbot::http::CurlError;
use crate::config::commands::{ConfigCommand, ConfigError};
use crate::git::GitError;
use crate::github::ProtectCommand;
use crate::github::ProtectError;
use crate::github::gh::GhError;
use crate::grammar::{self, Joiner, Redirect, ShellError, SimpleCommand};
use crate::outcome::TUTOR_NOTE;
use crate::servers::Topology;
use crate::servers::commands::ServersCommand;

/// Why a line or a command did not parse: the text is what the tool prints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The shell's grammar (quotes, `&&`, `>`).
    #[error(transparent)]
    Shell(#[from] ShellError),
    /// git refused the line.
    #[error(transparent)]
    Git(#[from] GitError),
    /// gh refused the line.
    #[error(transparent)]
    Gh(#[from] GhError),
    /// curl refused the line.
    #[error(transparent)]
    Curl(#[from] CurlError),
    /// `config` with the wrong words.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// `protect` with the wrong words.
    #[error(transparent)]
    Protect(#[from] ProtectError),
    /// A command that exists with the wrong words: its usage, or why.
    #[error("{0}")]
    Usage(&'static str),
    /// `python FILE` for a file that is not the app.
    #[error("python: can't open file '/home/you/chatbot/{0}': [Errno 2] No such file or directory")]
    PythonFile(String),
    /// `topology NAME` with an unknown NAME.
    #[error("topology: unknown topology '{0}'; choose minimal or professional")]
    Topology(String),
    /// A command this terminal does not have, and the closest one it has.
    #[error("bash: {0}: command not found{hint}", hint = did_you_mean(*.1))]
    NotFound(String, Option<&'static str>),
    /// `stop`, `pwd`, `clear`, `undo`, `reset` with words after them.
    #[error("{0}: takes no arguments")]
    NoArguments(String),
    /// `rm` with words GNU rm refuses (or the tutor does not simulate).
    #[error("{0}")]
    Rm(String),
    /// `@teammate` with nothing after it.
    #[error("@teammate: give a command for your teammate, e.g. @teammate git push origin development")]
    TeammateEmpty,
    /// `@teammate undo`, `@teammate reset`, `@teammate clear`.
    #[error("@teammate: {0} is yours to run, not your teammate's")]
    TeammateOnly(&'static str),
}

/// One command of a line: the action, how it joins the previous one, and
/// where its output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// `;` (always) or `&&` (only after a success).
    pub joiner: Joiner,
    /// What it does, or why this command did not parse (the line's other
    /// commands still run, as in a shell).
    pub action: Result<Action, ParseError>,
    /// `> FILE` / `>> FILE` after a command other than `echo`.
    pub redirect: Option<Redirect>,
}

/// Parses a whole line: `@teammate` prefix, `&&`/`;` lists, redirects.
pub fn line(line: &str) -> Result<Vec<Step>, ParseError> {
    let (rest, teammate) = match line.trim_start().strip_prefix("@teammate") {
        Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => (rest, true),
        _ => (line, false),
    };
    if teammate && rest.trim().is_empty() {
        return Err(ParseError::TeammateEmpty);
    }
    let mut steps = Vec::new();
    for (joiner, cmd) in grammar::parse(rest)? {
        let mut redirect = cmd.redirect.clone();
        let mut action = command(cmd);
        if let Ok(Action::WriteFile { .. }) = action {
            redirect = None;
        }
        if teammate {
            action = match action {
                Ok(Action::Undo) => Err(ParseError::TeammateOnly("undo")),
                Ok(Action::Reset) => Err(ParseError::TeammateOnly("reset")),
                Ok(Action::Shell(Builtin::Clear)) => Err(ParseError::TeammateOnly("clear")),
                other => other.map(|a| Action::Teammate(Box::new(a))),
            };
        }
        steps.push(Step { joiner, action, redirect });
    }
    Ok(steps)
}

/// Parses a line that must be exactly one action (a button's, a lesson's).
pub fn action(text: &str) -> Result<Action, ParseError> {
    let mut steps = line(text)?;
    match (steps.len(), steps.first().map(|s| s.redirect.is_some())) {
        (1, Some(false)) => steps.remove(0).action,
        _ => Err(ParseError::Usage("expected exactly one command")),
    }
}

fn one(args: &[String], usage: &'static str) -> Result<Option<String>, ParseError> {
    match args {
        [] => Ok(None),
        [a] => Ok(Some(a.clone())),
        _ => Err(ParseError::Usage(usage)),
    }
}

fn did_you_mean(close: Option<&str>) -> String {
    close.map(|c| format!("\n{TUTOR_NOTE}did you mean {c}?")).unwrap_or_default()
}

/// The terminal's commands, for "did you mean" and Tab completion.
pub const COMMANDS: &[&str] = &[
    "git",
    "gh",
    "curl",
    "python",
    "deploy",
    "servers",
    "logs",
    "protect",
    "topology",
    "config",
    "edit",
    "echo",
    "cat",
    "ls",
    "pwd",
    "help",
    "clear",
    "undo",
    "reset",
    "stop",
    "@teammate",
];

/// One simple command to its action.
pub fn command(cmd: SimpleCommand) -> Result<Action, ParseError> {
    let mut args = cmd.argv;
    if args.is_empty() {
        return Ok(Action::Shell(Builtin::Assign(cmd.assigns)));
    }
    let name = args.remove(0);
    // The tools keep their words as given; move them, no copies.
    match name.as_str() {
        "git" => return Ok(Action::Git(Argv::git(args)?)),
        "gh" => return Ok(Action::Gh(Argv::gh(args)?)),
        "curl" => return Ok(Action::Curl(Argv::curl(args)?)),
        _ => {}
    }
    let args = &args[..];
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    Ok(match name.as_str() {
        "python" | "python3" => match words.as_slice() {
            ["main.py"] => Action::RunLocal(cmd.assigns),
            [] => {
                return Err(ParseError::Usage(
                    "python: the interactive interpreter is not simulated; run the app with `python main.py`",
                ));
            }
            ["main.py", ..] => return Err(ParseError::Usage("python: main.py takes no arguments here")),
            [file, ..] => return Err(ParseError::PythonFile((*file).to_string())),
        },
        "stop" | "^C" if args.is_empty() => Action::StopLocal,
        "deploy" => match words.as_slice() {
            ["production" | "prod"] => Action::Promote(None),
            ["production" | "prod", rev] => Action::Promote(Some((*rev).to_string())),
            ["development" | "dev", ..] => {
                return Err(ParseError::Usage(
                    "deploy: the development server deploys by itself whenever origin/development changes: merge into development and push",
                ));
            }
            ["staging", ..] => {
                return Err(ParseError::Usage(
                    "deploy: staging deploys by itself whenever origin/main changes: merge development into main and push",
                ));
            }
            ["local", ..] => {
                return Err(ParseError::Usage("deploy: local runs your working tree: start it with `python main.py`"));
            }
            _ => return Err(ParseError::Usage("usage: deploy production [COMMIT]")),
        },
        "servers" => Action::Servers(ServersCommand::parse(args).map_err(ParseError::Usage)?),
        "logs" => Action::Logs(one(args, "usage: logs [NAME]")?),
        "protect" => Action::Protect(ProtectCommand::parse(args)?),
        "topology" => match words.as_slice() {
            [] => Action::Topology(None),
            [t] => Action::Topology(Some(Topology::parse(t).ok_or_else(|| ParseError::Topology((*t).to_string()))?)),
            _ => return Err(ParseError::Usage("usage: topology [minimal|professional]")),
        },
        "config" => Action::Config(ConfigCommand::parse(args)?),
        "edit" => Action::Edit(one(args, "usage: edit [NAME]")?),
        "echo" => {
            let text = args.strip_prefix(&["-n".to_string()][..]).unwrap_or(args).join(" ");
            match &cmd.redirect {
                Some(r) if r.path != "/dev/null" => Action::WriteFile { path: r.path.clone(), text, append: r.append },
                _ => Action::Shell(Builtin::Echo(args.to_vec())),
            }
        }
        "cat" => Action::Shell(Builtin::Cat(args.to_vec())),
        "rm" => super::builtins::parse_rm(args).map_err(ParseError::Rm)?,
        "ls" => match words.as_slice() {
            [] => Action::Shell(Builtin::Ls { all: false }),
            [flags] if flags.starts_with('-') && flags.len() > 1 && flags[1..].chars().all(|c| "al1".contains(c)) => {
                Action::Shell(Builtin::Ls { all: flags.contains('a') })
            }
            _ => return Err(ParseError::Usage("ls: this terminal lists the project folder: ls or ls -a")),
        },
        "pwd" if args.is_empty() => Action::Shell(Builtin::Pwd),
        "help" => Action::Shell(Builtin::Help),
        "clear" if args.is_empty() => Action::Shell(Builtin::Clear),
        "undo" if args.is_empty() => Action::Undo,
        "reset" if args.is_empty() => Action::Reset,
        bare @ ("stop" | "pwd" | "clear" | "undo" | "reset") => return Err(ParseError::NoArguments(bare.to_string())),
        other => return Err(ParseError::NotFound(other.to_string(), crate::git::closest(other, COMMANDS))),
    })
}
