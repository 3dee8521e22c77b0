//! The environments: servers that run the chatbot from a branch of `origin`
//! (or, for local, from the working tree) under their own `.env` profile, the
//! topology that says which exist, and the promotion rules between them.

pub mod commands;
pub mod data;
mod deployment;
mod ledger;
mod server;
mod topology;

pub use deployment::{Deployment, StartError, USERS};
pub use ledger::Row;
pub use server::{DeployError, Server, Status};
pub use topology::{ServerName, Topology};

use crate::outcome::TUTOR_NOTE;
use serde::{Deserialize, Serialize};

use crate::chatbot::LogLine;
use crate::config::LogLevel;
use crate::repo::{Repo, short};

/// Every server and the topology that says which of them exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Servers {
    /// Minimal or professional.
    pub topology: Topology,
    /// The four named servers, in [`ServerName::ALL`] order.
    #[serde(deserialize_with = "fixed_servers")]
    pub list: Vec<Server>,
    /// One per open pull request (Netlify's deploy previews).
    #[serde(default)]
    pub previews: Vec<Server>,
}

/// Reads the named servers back in order, filling any a saved state lacks, so
/// indexing by name can never fail.
fn fixed_servers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Server>, D::Error> {
    let saved: Vec<Server> = Deserialize::deserialize(d)?;
    Ok(ServerName::ALL
        .into_iter()
        .map(|n| saved.iter().find(|s| s.name == n && s.preview.is_none()).cloned().unwrap_or_else(|| Server::new(n)))
        .collect())
}

impl Default for Servers {
    fn default() -> Self {
        Self {
            topology: Topology::Professional,
            list: ServerName::ALL.into_iter().map(Server::new).collect(),
            previews: Vec::new(),
        }
    }
}

impl Servers {
    /// The default start's servers: each deployed from its branch, production
    /// promoted from staging.
    pub fn new(origin: &Repo, now: u64) -> Self {
        let mut s = Self::default();
        s.sync(origin, now);
        if let Some(id) = s.staging_commit().map(str::to_string) {
            let _ = s.get_mut(ServerName::Production).deploy(origin, &id, now, "promoted from staging");
        }
        s
    }

    /// A named server.
    pub fn get(&self, name: ServerName) -> &Server {
        &self.list[name as usize]
    }

    /// A named server, to change it.
    pub fn get_mut(&mut self, name: ServerName) -> &mut Server {
        &mut self.list[name as usize]
    }

    /// The servers of the current topology, then the deploy previews.
    pub fn active(&self) -> impl Iterator<Item = &Server> {
        self.topology.servers().iter().map(|n| self.get(*n)).chain(&self.previews)
    }

    /// Every server, in or out of the topology, and the previews.
    pub fn all(&self) -> impl Iterator<Item = &Server> {
        self.list.iter().chain(&self.previews)
    }

    /// A server by the name the learner types (`dev` and `prod` work too).
    pub fn find(&self, label: &str) -> Option<&Server> {
        let label = ServerName::parse(label).map_or_else(|| label.to_string(), |n| n.name().to_string());
        self.active().find(|s| s.label() == label)
    }

    /// [`Self::active`], mutably.
    fn active_mut(&mut self) -> impl Iterator<Item = &mut Server> {
        let topology = self.topology;
        self.list.iter_mut().filter(move |s| topology.servers().contains(&s.name)).chain(&mut self.previews)
    }

    /// [`Self::find`], to change it.
    pub fn find_mut(&mut self, label: &str) -> Option<&mut Server> {
        let label = self.find(label)?.label();
        self.active_mut().find(|s| s.label() == label)
    }

    /// Whether a URL's host is this machine (the local server's).
    pub fn is_loopback(host: &str) -> bool {
        matches!(host, "localhost" | "127.0.0.1" | "[::1]")
    }

    /// The server a URL's host reaches: local for a loopback host, else a
    /// server of this topology (or a preview) by its host.
    pub fn by_host(&self, host: &str) -> Option<&Server> {
        if Self::is_loopback(host) {
            return Some(self.get(ServerName::Local));
        }
        self.active().find(|s| s.answers_host(host))
    }

    /// The server a URL's host reaches, if it exists in this topology.
    pub fn by_host_mut(&mut self, host: &str) -> Option<&mut Server> {
        self.active_mut().find(|s| s.answers_host(host))
    }

    /// Deploy previews follow pull requests: one per open PR, running its head
    /// commit on the staging profile; gone when the PR closes.
    pub fn sync_previews(&mut self, open: &[(u32, String, String)], origin: &Repo, now: u64) -> Vec<String> {
        let mut notes = Vec::new();
        if open.is_empty() && self.previews.is_empty() {
            return notes;
        }
        self.previews.retain(|s| {
            let keep = open.iter().any(|(n, _, _)| Some(*n) == s.preview);
            if !keep {
                notes.push(format!("{TUTOR_NOTE}{} removed (its pull request is closed)", s.url()));
            }
            keep
        });
        for (n, branch, sha) in open {
            let idx = match self.previews.iter().position(|s| s.preview == Some(*n)) {
                Some(i) => i,
                None => {
                    let mut s = Server::new(ServerName::Staging);
                    s.preview = Some(*n);
                    self.previews.push(s);
                    self.previews.len() - 1
                }
            };
            let server = &mut self.previews[idx];
            if server.seen.as_deref() == Some(sha.as_str()) {
                continue;
            }
            server.seen = Some(sha.clone());
            let why = format!("deploy preview of #{n}");
            let result = server.deploy(origin, sha, now, &why);
            if let Some(d) = &mut server.deployed {
                d.branch.clone_from(branch);
            }
            notes.push(match result {
                Ok(()) => format!("{TUTOR_NOTE}deploy preview for #{n} ready: {}", server.url()),
                Err(e) => format!("{TUTOR_NOTE}deploy preview for #{n} failed: {}", e.last_line()),
            });
        }
        notes
    }

    /// Whether the topology has this server.
    pub fn exists(&self, name: ServerName) -> bool {
        self.topology.servers().contains(&name)
    }

    /// Auto-deploys: each server whose branch moved on `origin` deploys the new tip.
    pub fn sync(&mut self, origin: &Repo, now: u64) -> Vec<String> {
        let mut notes = Vec::new();
        for name in self.topology.servers() {
            let Some(branch) = name.tracks(self.topology) else { continue };
            let server = self.get_mut(*name);
            if origin.branches.get(branch) == server.seen.as_ref() {
                continue;
            }
            let tip = origin.branches.get(branch).cloned();
            server.seen.clone_from(&tip);
            let Some(tip) = tip else { continue };
            if server.deployed.as_ref().and_then(|d| d.commit.as_deref()) == Some(tip.as_str()) {
                continue;
            }
            let why = if server.history.is_empty() {
                format!("first deploy of origin/{branch}")
            } else {
                format!("push to origin/{branch}")
            };
            notes.push(match server.deploy(origin, &tip, now, &why) {
                Ok(()) => format!("{TUTOR_NOTE}{} server deploying {} from origin/{branch}", name.name(), short(&tip)),
                Err(e) => {
                    format!("{TUTOR_NOTE}{} server: deploy of {} failed: {}", name.name(), short(&tip), e.last_line())
                }
            });
        }
        notes
    }

    /// A minute of production traffic: a deployment with a bug fails some users.
    pub fn tick(&mut self, now: u64) {
        let prod = self.get_mut(ServerName::Production);
        if prod.status != Status::Running {
            return;
        }
        let Some(failing) = prod.deployed.as_ref().map(|d| d.failing_users).filter(|n| *n > 0) else { return };
        prod.users_affected += u64::from(failing);
        let line = format!("{failing} of {} requests failed this minute: KeyError: 'reply'", USERS.len());
        prod.log_requests(now, vec![LogLine { level: LogLevel::Error, text: line }]);
    }

    /// Promotes to production (`deploy production [ID]`): only a commit staging
    /// has run, by default the one it runs now.
    pub fn promote(&mut self, origin: &Repo, rev: Option<&str>, now: u64) -> Result<String, PromoteError> {
        if self.topology == Topology::Minimal {
            let tip = origin.branches.get("main").cloned().ok_or(PromoteError::NoMain)?;
            let prod = self.get_mut(ServerName::Production);
            prod.deploy(origin, &tip, now, "redeploy of origin/main").map_err(PromoteError::Failed)?;
            return Ok(format!(
                "In the minimal topology production deploys origin/main directly (no staging to promote from).\nproduction: redeployed {} from origin/main",
                short(&tip)
            ));
        }
        let staging = self.get(ServerName::Staging);
        let running = staging.deployed.as_ref().and_then(|d| d.commit.clone());
        let id = match rev {
            None => running.clone().ok_or(PromoteError::StagingEmpty)?,
            Some(id) => id.to_string(),
        };
        if !staging.history.contains(&id) {
            return Err(PromoteError::NotOnStaging(short(&id).to_string()));
        }
        let prod = self.get_mut(ServerName::Production);
        if prod.deployed.as_ref().and_then(|d| d.commit.as_deref()) == Some(id.as_str())
            && prod.status == Status::Running
        {
            return Ok(format!("production already runs {}", short(&id)));
        }
        let why = if running.as_deref() == Some(id.as_str()) {
            "promoted from staging"
        } else {
            "rollback to a commit staging ran"
        };
        prod.deploy(origin, &id, now, why).map_err(PromoteError::Failed)?;
        let subject = origin.commit(&id).map(|c| c.subject().to_string()).unwrap_or_default();
        Ok(format!("production: deploying {} \"{subject}\" ({why}) with .env.production", short(&id)))
    }
}

/// Why `deploy production` refused or failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PromoteError {
    /// Minimal topology with no `main` on origin.
    #[error("production deploys origin/main, and origin has no main branch yet")]
    NoMain,
    /// Nothing has reached staging yet.
    #[error("staging has not run anything yet: merge into main and push, and staging deploys it")]
    StagingEmpty,
    /// The commit never ran on staging (short id).
    #[error(
        "deploy: refusing to deploy {0} to production: staging has never run it.\nProduction only gets code that staging has run (\"same code, different environment\"): merge it into main and push, check staging, then `deploy production`."
    )]
    NotOnStaging(String),
    /// The app did not start (Python's traceback).
    #[error("deploy failed:\n{0}")]
    Failed(#[from] DeployError),
}
