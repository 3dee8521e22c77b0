//! One server: its platform variables, what it runs, its status and its logs,
//! and how a deploy replaces what it runs.

use serde::{Deserialize, Serialize};

use super::{Deployment, ServerName, StartError};
use crate::chatbot::{App, LogLine};
use crate::clock;
use crate::config::check;
use crate::repo::{Repo, short};

/// Whether a server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Local, not started.
    Stopped,
    /// A remote server before its first deploy.
    NotDeployed,
    /// Up and reachable.
    Running,
    /// Running but bound to 127.0.0.1: nothing outside the container reaches it.
    Unreachable,
    /// The last start failed and nothing older is serving.
    Crashed,
}

impl Status {
    /// Whether a process is up, answering or not: the one "is live" rule that
    /// the ledger, the cards, curl and redeploys share.
    pub fn is_live(self) -> bool {
        matches!(self, Self::Running | Self::Unreachable)
    }

    /// How the ledger and the cards name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Stopped => "stopped",
            Self::NotDeployed => "not deployed",
            Self::Running => "running",
            Self::Unreachable => "unreachable",
            Self::Crashed => "crashed",
        }
    }
}

const LOG_CAP: usize = 200;

/// One server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Server {
    /// Which one (a preview is a staging-profile server).
    pub name: ServerName,
    /// Platform variables (Railway's "Variables" tab): they win over the file.
    pub vars: Vec<(String, String)>,
    /// What it runs, or last tried to.
    pub deployed: Option<Deployment>,
    /// Whether it answers.
    pub status: Status,
    /// The branch tip this server last acted on, so a failed deploy is not retried every line.
    pub(super) seen: Option<String>,
    /// Every commit this server has run, oldest first: staging's is the
    /// promotion gate for production.
    pub history: Vec<String>,
    /// Platform log: deploys, failures, warnings.
    pub deploy_log: Vec<String>,
    /// Request log, as its `LOG_LEVEL` let through.
    pub request_log: Vec<LogLine>,
    /// The status of each answer it gave, newest last (whatever its
    /// `LOG_LEVEL`): what a lesson's `requested` goal reads.
    #[serde(default)]
    pub answers: Vec<u16>,
    /// Production's users who got an error from it.
    pub users_affected: u64,
    /// Set for a deploy preview: the pull request it previews.
    #[serde(default)]
    pub preview: Option<u32>,
}

impl Server {
    /// The name commands and the replay contract use: `staging`, `preview-3`.
    pub fn label(&self) -> String {
        match self.preview {
            Some(n) => format!("preview-{n}"),
            None => self.name.name().to_string(),
        }
    }

    /// The host curl reaches it at.
    pub fn host(&self) -> String {
        match self.preview {
            Some(n) => format!("deploy-preview-{n}--smart-chatbot.netlify.app"),
            None => self.name.host().to_string(),
        }
    }

    /// Whether a request to `host` reaches it (local answers loopback
    /// hosts only: [`super::Servers::is_loopback`]).
    pub(super) fn answers_host(&self, host: &str) -> bool {
        self.name != ServerName::Local && self.host() == host
    }

    /// Its URL.
    pub fn url(&self) -> String {
        match self.preview {
            Some(_) => format!("https://{}", self.host()),
            None => self.name.url(),
        }
    }

    pub(super) fn new(name: ServerName) -> Self {
        // The guide's development profile binds 127.0.0.1, which would make a
        // server unreachable; the platform overrides it, visibly.
        let vars = if name == ServerName::Development { vec![("API_HOST".into(), "0.0.0.0".into())] } else { vec![] };
        Self {
            name,
            vars,
            deployed: None,
            status: if name == ServerName::Local { Status::Stopped } else { Status::NotDeployed },
            seen: None,
            history: Vec::new(),
            deploy_log: Vec::new(),
            request_log: Vec::new(),
            answers: Vec::new(),
            users_affected: 0,
            preview: None,
        }
    }

    pub(super) fn log_deploy(&mut self, now: u64, line: String) {
        self.deploy_log.push(format!("{} {line}", clock::hh_mm(now)));
        if self.deploy_log.len() > LOG_CAP {
            self.deploy_log.remove(0);
        }
    }

    /// Records an answer's status (the newest [`LOG_CAP`] are kept).
    pub fn answered(&mut self, status: u16) {
        self.answers.push(status);
        let over = self.answers.len().saturating_sub(LOG_CAP);
        self.answers.drain(..over);
    }

    /// Records what the app logged for a request (the newest [`LOG_CAP`] lines are kept).
    pub fn log_requests(&mut self, now: u64, lines: Vec<LogLine>) {
        for mut l in lines {
            l.text = format!("{} {}", clock::hh_mm(now), l.text);
            self.request_log.push(l);
        }
        let over = self.request_log.len().saturating_sub(LOG_CAP);
        self.request_log.drain(..over);
    }

    /// Deploys `id` from `origin` with this server's profile and variables.
    /// A failed start keeps the previous deployment serving, as Railway does.
    pub(super) fn deploy(&mut self, origin: &Repo, id: &str, now: u64, why: &str) -> Result<(), DeployError> {
        let Some(commit) = origin.commit(id) else {
            return Err(DeployError::NotOnOrigin(short(id).to_string()));
        };
        let env = self.name.env().name();
        let mut d = Deployment::new(
            self.name,
            Some((id, commit.subject())),
            &commit.tree,
            env,
            self.vars.clone(),
            "platform variable",
        );
        let vars = if self.vars.is_empty() {
            String::new()
        } else {
            format!(
                " + platform variables {}",
                self.vars.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(", ")
            )
        };
        self.log_deploy(
            now,
            format!("Deploying {} \"{}\" ({why}) with {}{vars}", short(id), commit.subject(), d.env_file),
        );
        // The same profile, variables and intents start the same app: reuse
        // what the last start learned instead of starting it again.
        let running = self.status.is_live();
        let started = match self.deployed.as_ref().filter(|p| running && p.same_app(&d)) {
            Some(prev) => {
                d.failing_users = prev.failing_users;
                Ok((prev.listen.clone(), prev.findings.clone()))
            }
            None => d.launch().map(|app| {
                let findings = check::check(self.name.env(), &app.config, true)
                    .into_iter()
                    .map(|f| format!("config check: {}: {}", f.key, f.reason))
                    .collect::<Vec<_>>();
                (app.config.api_host, findings)
            }),
        };
        match started {
            Ok((host, findings)) => {
                self.status = if host.is_loopback() { Status::Unreachable } else { Status::Running };
                d.listen = host.clone();
                d.findings.clone_from(&findings);
                self.log_deploy(now, format!("Listening on {host}:8000"));
                if let Some(notice) = d.main_py_notice() {
                    self.log_deploy(now, format!("warning: {notice}"));
                }
                if host.is_loopback() {
                    self.log_deploy(now, format!("warning: API_HOST={host} accepts connections only from inside the container; requests from outside fail (set API_HOST=0.0.0.0)"));
                }
                for f in findings {
                    self.log_deploy(now, f);
                }
                self.history.push(id.to_string());
                self.deployed = Some(d);
                Ok(())
            }
            Err(e) => {
                let last = e.last_line();
                match &self.deployed {
                    Some(old) if self.status != Status::Crashed => {
                        let v = old.version.clone();
                        self.log_deploy(now, format!("Deploy failed: {last}; {v} is still serving"));
                    }
                    _ => {
                        self.status = Status::Crashed;
                        self.deployed = Some(d);
                        self.log_deploy(now, format!("Deploy failed: {last}; the app crashed"));
                    }
                }
                Err(e.into())
            }
        }
    }

    /// The running app, if it answers requests at all.
    pub fn app(&self) -> Option<App> {
        self.live()?.start().ok()
    }

    /// The profile it runs under: the running deployment's, else its default.
    pub fn env_file(&self) -> String {
        self.live().map_or_else(|| self.name.env().file(), |d| d.env_file.clone())
    }

    /// What it runs, while it runs.
    pub fn live(&self) -> Option<&Deployment> {
        self.deployed.as_ref().filter(|_| self.status.is_live())
    }
}

/// Why a deploy did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DeployError {
    /// The commit is not on origin (short id).
    #[error("{0} is not on origin")]
    NotOnOrigin(String),
    /// The app did not start.
    #[error(transparent)]
    Start(#[from] StartError),
}

impl DeployError {
    /// The last line of what went wrong: what a deploy note shows.
    pub fn last_line(&self) -> String {
        match self {
            Self::Start(e) => e.last_line(),
            other => other.to_string(),
        }
    }
}
