//! `git config` for the identity commits are made with: `user.name` and
//! `user.email`, in the repository (`.git/config`) or for every repository
//! (`--global`, `~/.gitconfig`). Other keys would change what git does in
//! ways the tutor does not follow, so they are refused as not simulated.

use std::collections::BTreeMap;

use super::GitError;

/// The keys the tutor keeps.
const KEYS: &[&str] = &["user.name", "user.email"];

/// Where a setting lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The repository's own: it wins over the global one.
    Local,
    /// `--global`: every repository of the learner's.
    Global,
}

/// What `git config` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigOp {
    /// Print a key's value.
    Get(String),
    /// Give a key a value.
    Set(String, String),
}

/// `git config [--global | --local] <key> [<value>]`, `--get <key>`, and
/// git 2.47's `git config get|set`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigArgs {
    /// `None`: a read looks in both, the repository's first; a write goes to the repository.
    pub scope: Option<Scope>,
    /// Read or write.
    pub op: ConfigOp,
}

fn not_simulated(what: &str) -> GitError {
    GitError::Fatal(format!("'git config {what}' is not simulated in this tutor yet"))
}

impl ConfigArgs {
    /// Parses the words after `config`.
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let mut scope = None;
        let mut get = false;
        let mut words = Vec::new();
        for w in rest {
            match w.as_str() {
                "--global" => scope = Some(Scope::Global),
                "--local" => scope = Some(Scope::Local),
                "--get" => get = true,
                o if o.starts_with('-') => return Err(not_simulated(o)),
                _ => words.push(w.as_str()),
            }
        }
        // git 2.47's subcommands: `git config get user.name`, `git config set user.name Ada`.
        let words: Vec<&str> = match words.as_slice() {
            ["get", key] => vec![key],
            ["set", key, value] => vec![key, value],
            [sub, ..] if ["list", "unset", "edit", "rename-section", "remove-section"].contains(sub) => {
                return Err(not_simulated(sub));
            }
            _ => words,
        };
        let key = |k: &str| -> Result<String, GitError> {
            // Section and key names are case-insensitive.
            let k = k.to_ascii_lowercase();
            match k.rsplit_once('.') {
                None => Err(GitError::Refused(format!("error: key does not contain a section: {k}"))),
                Some(_) if KEYS.contains(&k.as_str()) => Ok(k),
                Some(_) => Err(not_simulated(&k)),
            }
        };
        let op = match words.as_slice() {
            [k] => ConfigOp::Get(key(k)?),
            [k, v] if !get => ConfigOp::Set(key(k)?, (*v).to_string()),
            [] => return Err(not_simulated("without a key")),
            _ => return Err(not_simulated(&words.join(" "))),
        };
        Ok(Self { scope, op })
    }
}

/// Runs it against the repository's settings and the global ones. A key
/// that is not set prints nothing and fails, as in git.
pub fn run(
    a: &ConfigArgs,
    local: &mut BTreeMap<String, String>,
    global: &mut BTreeMap<String, String>,
) -> Result<String, GitError> {
    match &a.op {
        ConfigOp::Get(k) => {
            let found = match a.scope {
                Some(Scope::Local) => local.get(k),
                Some(Scope::Global) => global.get(k),
                None => local.get(k).or_else(|| global.get(k)),
            };
            found.cloned().ok_or_else(|| GitError::Refused(String::new()))
        }
        ConfigOp::Set(k, v) => {
            let into = if a.scope == Some(Scope::Global) { global } else { local };
            into.insert(k.clone(), v.clone());
            Ok(String::new())
        }
    }
}

/// `Name <email>`'s two parts.
pub fn ident_parts(ident: &str) -> (&str, &str) {
    ident.split_once(" <").map_or((ident, ""), |(n, e)| (n, e.trim_end_matches('>')))
}

/// The settings that name `ident` (`user.name`, `user.email`).
pub fn settings_for(ident: &str) -> BTreeMap<String, String> {
    let (name, email) = ident_parts(ident);
    [("user.name", name), ("user.email", email)].map(|(k, v)| (k.to_string(), v.to_string())).into()
}

/// `Name <email>` from the settings (the repository's first), else `default`'s parts.
pub fn identity(local: &BTreeMap<String, String>, global: &BTreeMap<String, String>, default: &str) -> String {
    let (name, email) = ident_parts(default);
    let pick = |k: &str, d: &str| local.get(k).or_else(|| global.get(k)).cloned().unwrap_or_else(|| d.to_string());
    format!("{} <{}>", pick("user.name", name), pick("user.email", email))
}
