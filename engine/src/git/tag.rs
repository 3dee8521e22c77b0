//! `git tag`: list, create (lightweight; `-a`/`-m` accepted), delete.

use super::args::{self, flag, value};
use super::{Ctx, GitError};
use crate::refname::is_valid_ref_suffix;
use crate::repo::short;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagArgs {
    List,
    Create { name: String, target: Option<String>, force: bool },
    Delete { names: Vec<String> },
}

impl TagArgs {
    pub fn parse(rest: &[String]) -> Result<Self, GitError> {
        let p = args::parse(
            rest,
            &[
                flag(Some('d'), "delete"),
                flag(Some('f'), "force"),
                flag(Some('a'), "annotate"),
                value(Some('m'), "message"),
                flag(Some('l'), "list"),
            ],
            "tag [-a | -s | -u <key-id>] [-f] [-m <msg> | -F <file>] [-e]",
        )?;
        let mut pos = p.positional.clone();
        if p.has("delete") {
            return Ok(Self::Delete { names: pos });
        }
        if pos.is_empty() || p.has("list") {
            return Ok(Self::List);
        }
        if pos.len() > 2 {
            return Err(GitError::Fatal("too many arguments".into()));
        }
        let target = (pos.len() == 2).then(|| pos.remove(1));
        Ok(Self::Create { name: pos.remove(0), target, force: p.has("force") })
    }
}

pub fn run(a: &TagArgs, ctx: &mut Ctx) -> Result<String, GitError> {
    let repo = &mut *ctx.repo;
    match a {
        TagArgs::List => Ok(repo.tags.keys().cloned().collect::<Vec<_>>().join("\n")),
        TagArgs::Create { name, target, force } => {
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
            let old = repo.tags.insert(name.clone(), id.clone());
            Ok(match old {
                Some(o) if o != id => format!("Updated tag '{name}' (was {})", short(&o)),
                _ => String::new(),
            })
        }
        TagArgs::Delete { names } => {
            let mut out = Vec::new();
            let mut failed = false;
            for n in names {
                match repo.tags.remove(n) {
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
