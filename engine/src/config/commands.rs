//! `config check [ENV]` and `config compare`: the profiles, linted and side by side.

use super::check::{Env, report};
use super::profiles;
use crate::outcome::Outcome;
use crate::repo::Tree;

/// `config`'s usage line.
pub const USAGE: &str = "usage: config check [development|staging|production] | config compare";

/// A `config …` command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigCommand {
    /// `config check [ENV]`: every profile, or one.
    Check(Option<Env>),
    /// `config compare`.
    Compare,
}

/// Why a `config` line did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// Not one of the three environments.
    #[error("config: unknown environment '{0}'\n{USAGE}")]
    UnknownEnv(String),
    /// Any other shape.
    #[error("{USAGE}")]
    Usage,
}

impl ConfigCommand {
    /// Parses the words after `config`.
    pub fn parse(args: &[String]) -> Result<Self, ConfigError> {
        match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["compare"] => Ok(Self::Compare),
            ["check"] => Ok(Self::Check(None)),
            ["check", e] => {
                Env::parse(e).map(|env| Self::Check(Some(env))).ok_or_else(|| ConfigError::UnknownEnv((*e).to_string()))
            }
            _ => Err(ConfigError::Usage),
        }
    }

    /// The words after `config` that parse back to this command.
    pub fn words(&self) -> Vec<String> {
        match self {
            Self::Compare => vec!["compare".into()],
            Self::Check(None) => vec!["check".into()],
            Self::Check(Some(env)) => vec!["check".into(), env.name().into()],
        }
    }

    /// Runs it over the working tree's profiles.
    pub fn run(&self, work: &Tree) -> Outcome {
        let envs = match self {
            Self::Compare => return Outcome::ok(profiles::compare(work)),
            Self::Check(None) => Env::ALL.to_vec(),
            Self::Check(Some(env)) => vec![*env],
        };
        let (ok, out) = report(work, &envs);
        Outcome { ok, output: out.join("\n"), events: Vec::new() }
    }
}
