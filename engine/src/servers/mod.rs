//! The environments: servers that run the chatbot from a branch of `origin`
//! (or, for local, from the working tree) under their own `.env` profile, the
//! topology that says which exist, and the promotion rules between them.

pub mod chatbot;
pub mod commands;
pub mod http;
pub mod json;
pub mod pyjson;

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::clock;
use crate::config::check::{self, Env};
use crate::config::{self, LogLevel};
use crate::repo::{Repo, Tree, short};
use chatbot::{App, LogLine};

/// The seed's two setups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Topology {
    /// Local + production: production deploys `origin/main` directly.
    Minimal,
    /// Local, development, staging, production.
    #[default]
    Professional,
}

impl Topology {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "minimal" => Some(Self::Minimal),
            "professional" => Some(Self::Professional),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Minimal => "minimal",
            Self::Professional => "professional",
        }
    }

    pub fn servers(self) -> &'static [ServerName] {
        match self {
            Self::Minimal => &[ServerName::Local, ServerName::Production],
            Self::Professional => &ServerName::ALL,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServerName {
    Local,
    Development,
    Staging,
    Production,
}

impl ServerName {
    pub const ALL: [Self; 4] = [Self::Local, Self::Development, Self::Staging, Self::Production];

    /// `local`, or an environment's name (`dev` and `prod` work too).
    pub fn parse(s: &str) -> Option<Self> {
        if s == "local" {
            return Some(Self::Local);
        }
        Env::parse(s).map(|env| match env {
            Env::Development => Self::Development,
            Env::Staging => Self::Staging,
            Env::Production => Self::Production,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Local => "local",
            remote => remote.env().name(),
        }
    }

    /// The host curl reaches it by (the guide's URLs).
    pub fn host(self) -> &'static str {
        match self {
            Self::Local => "localhost",
            Self::Development => "dev-chatbot.railway.app",
            Self::Staging => "staging-chatbot.railway.app",
            Self::Production => "smart-chatbot.railway.app",
        }
    }

    pub fn url(self) -> String {
        match self {
            Self::Local => "http://localhost:8000".into(),
            _ => format!("https://{}", self.host()),
        }
    }

    /// The profile a server runs by default.
    pub fn env(self) -> Env {
        match self {
            Self::Local | Self::Development => Env::Development,
            Self::Staging => Env::Staging,
            Self::Production => Env::Production,
        }
    }

    /// The `origin` branch this server deploys automatically, if any.
    pub fn tracks(self, topology: Topology) -> Option<&'static str> {
        match (self, topology) {
            (Self::Development, _) => Some("development"),
            (Self::Staging, _) | (Self::Production, Topology::Minimal) => Some("main"),
            _ => None,
        }
    }

    /// The branch it serves, as `GET /` reports it.
    fn branch(self) -> &'static str {
        match self {
            Self::Development => "development",
            _ => "main",
        }
    }
}

/// What a server runs: the code and configuration it started with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deployment {
    /// The commit (for local: HEAD when started; `None` before any commit).
    pub commit: Option<String>,
    pub subject: String,
    /// `GET /`'s `version`: the short id, `-dirty` for an edited working tree.
    pub version: String,
    pub branch: String,
    /// `APP_ENV`.
    pub environment: String,
    pub env_file: String,
    env_text: Option<String>,
    intents: Option<String>,
    main_py: bool,
    /// Variables set in the process environment: they win over the file.
    pub overrides: Vec<(String, String)>,
    overrides_by: String,
    /// How many of [`USERS`] a minute get a server error from this deployment.
    pub failing_users: u32,
    /// The address it listens on, and its config check findings, once started.
    #[serde(default = "unspecified")]
    listen: IpAddr,
    #[serde(default)]
    findings: Vec<String>,
}

fn unspecified() -> IpAddr {
    IpAddr::from([0, 0, 0, 0])
}

impl Deployment {
    fn new(
        name: ServerName,
        commit: Option<(&str, &str)>,
        tree: &Tree,
        env: &str,
        overrides: Vec<(String, String)>,
        by: &str,
    ) -> Self {
        let env_file = format!(".env.{env}");
        Self {
            commit: commit.map(|(id, _)| id.to_string()),
            subject: commit.map(|(_, s)| s.to_string()).unwrap_or_default(),
            version: commit.map_or_else(|| "unversioned".into(), |(id, _)| short(id).to_string()),
            branch: name.branch().to_string(),
            environment: env.to_string(),
            env_text: tree.get(&env_file).cloned(),
            env_file,
            intents: tree.get("intents.json").cloned(),
            main_py: tree.contains_key("main.py"),
            overrides,
            overrides_by: by.to_string(),
            failing_users: 0,
            listen: unspecified(),
            findings: Vec::new(),
        }
    }

    /// Whether `other` runs exactly the same app (code that matters and config).
    fn same_app(&self, other: &Self) -> bool {
        self.env_file == other.env_file
            && self.env_text == other.env_text
            && self.intents == other.intents
            && self.main_py == other.main_py
            && self.overrides == other.overrides
    }

    /// Starts it for the first time, counting how many users it will fail.
    fn launch(&mut self) -> Result<App, String> {
        let app = self.start()?;
        self.failing_users = USERS.iter().filter(|m| app.fails(m)).count() as u32;
        Ok(app)
    }

    /// Starts the app as `python main.py` would, or says why it crashed.
    pub fn start(&self) -> Result<App, String> {
        if !self.main_py {
            return Err("python: can't open file '/app/main.py': [Errno 2] No such file or directory".into());
        }
        let resolved = config::resolve(&self.env_file, self.env_text.as_deref(), &self.overrides, &self.overrides_by);
        if let Some(e) = resolved.errors.first() {
            return Err(format!(
                "Traceback (most recent call last):\n  File \"/app/main.py\", line 16, in <module>\nValueError: {e}"
            ));
        }
        let text = self.intents.as_deref().ok_or(
            "Traceback (most recent call last):\n  File \"/app/main.py\", line 22, in <module>\nFileNotFoundError: [Errno 2] No such file or directory: 'intents.json'",
        )?;
        let intents = chatbot::load_intents(text).map_err(|e| {
            format!("Traceback (most recent call last):\n  File \"/app/main.py\", line 22, in <module>\n{e}")
        })?;
        Ok(App::new(&self.environment, resolved, intents, &self.version, &self.branch))
    }
}

/// What production's users send in a minute; a deployment that fails some of
/// them raises the users-affected counter.
pub const USERS: &[&str] = &[
    "hello",
    "how much does the team plan cost",
    "can I talk to a human",
    "hi there",
    "what is the price",
    "I need support",
    "good morning",
    "agent please",
    "pricing for startups",
    "hey",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Local, not started.
    Stopped,
    NotDeployed,
    Running,
    /// Running but bound to 127.0.0.1: nothing outside the container reaches it.
    Unreachable,
    /// The last start failed and nothing older is serving.
    Crashed,
}

impl Status {
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Server {
    pub name: ServerName,
    /// Platform variables (Railway's "Variables" tab): they win over the file.
    pub vars: Vec<(String, String)>,
    pub deployed: Option<Deployment>,
    pub status: Status,
    /// The branch tip this server last acted on, so a failed deploy is not retried every line.
    seen: Option<String>,
    /// Every commit this server has run, oldest first: staging's is the
    /// promotion gate for production.
    pub history: Vec<String>,
    pub deploy_log: Vec<String>,
    pub request_log: Vec<LogLine>,
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

    pub fn host(&self) -> String {
        match self.preview {
            Some(n) => format!("deploy-preview-{n}--smart-chatbot.netlify.app"),
            None => self.name.host().to_string(),
        }
    }

    pub fn url(&self) -> String {
        match self.preview {
            Some(_) => format!("https://{}", self.host()),
            None => self.name.url(),
        }
    }

    fn new(name: ServerName) -> Self {
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
            users_affected: 0,
            preview: None,
        }
    }

    fn log_deploy(&mut self, now: u64, line: String) {
        self.deploy_log.push(format!("{} {line}", clock::hh_mm(now)));
        if self.deploy_log.len() > LOG_CAP {
            self.deploy_log.remove(0);
        }
    }

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
    fn deploy(&mut self, origin: &Repo, id: &str, now: u64, why: &str) -> Result<(), String> {
        let Some(commit) = origin.commit(id) else {
            return Err(format!("{} is not on origin", short(id)));
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
        let running = matches!(self.status, Status::Running | Status::Unreachable);
        let started = match self.deployed.as_ref().filter(|p| running && p.same_app(&d)) {
            Some(prev) => {
                d.failing_users = prev.failing_users;
                Ok((prev.listen, prev.findings.clone()))
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
                d.listen = host;
                d.findings.clone_from(&findings);
                self.status = if host.is_loopback() { Status::Unreachable } else { Status::Running };
                self.log_deploy(now, format!("Listening on {host}:8000"));
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
                let last = e.lines().last().unwrap_or_default().to_string();
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
                Err(e)
            }
        }
    }

    /// The running app, if it answers requests at all.
    pub fn app(&self) -> Option<App> {
        match self.status {
            Status::Running | Status::Unreachable => self.deployed.as_ref()?.start().ok(),
            _ => None,
        }
    }
}

/// One server in the promotion ledger (and on the page's server card).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Card {
    pub label: String,
    pub url: String,
    pub status: Status,
    /// The full id of the commit it runs, when it runs one.
    pub deployed: Option<String>,
    /// `abc1234 "Subject"`.
    pub running: Option<String>,
    pub env_file: String,
    /// Where its code comes from.
    pub source: String,
    /// `up to date with origin/main`, `2 commits behind staging`.
    pub behind: Option<String>,
    pub users_affected: u64,
    pub control: Control,
}

/// What a server's card lets the learner do, by the engine's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Control {
    None,
    /// The local server: start it, or stop it while it runs.
    Local {
        running: bool,
    },
    /// Production when it deploys by promotion; `pending` while staging runs
    /// a commit production doesn't.
    Promote {
        pending: bool,
    },
}

impl Control {
    /// The action the card's button performs (the same as its command).
    pub fn action(self) -> Option<crate::world::Action> {
        use crate::world::Action;
        match self {
            Self::None => None,
            Self::Local { running: true } => Some(Action::StopLocal),
            Self::Local { running: false } => Some(Action::RunLocal(Vec::new())),
            Self::Promote { .. } => Some(Action::Promote(None)),
        }
    }
}

/// Every server and the topology that says which of them exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Servers {
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
        if let Some(id) = s.get(ServerName::Staging).deployed.as_ref().and_then(|d| d.commit.clone()) {
            let _ = s.get_mut(ServerName::Production).deploy(origin, &id, now, "promoted from staging");
        }
        s
    }

    pub fn get(&self, name: ServerName) -> &Server {
        &self.list[name as usize]
    }

    pub fn get_mut(&mut self, name: ServerName) -> &mut Server {
        &mut self.list[name as usize]
    }

    /// The servers of the current topology, then the deploy previews.
    pub fn active(&self) -> impl Iterator<Item = &Server> {
        self.topology.servers().iter().map(|n| self.get(*n)).chain(&self.previews)
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

    pub fn find_mut(&mut self, label: &str) -> Option<&mut Server> {
        let label = self.find(label)?.label();
        self.active_mut().find(|s| s.label() == label)
    }

    /// The server a URL's host reaches, if it exists in this topology.
    pub fn by_host_mut(&mut self, host: &str) -> Option<&mut Server> {
        self.active_mut().find(|s| s.name != ServerName::Local && s.host() == host)
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
                notes.push(format!("→ {} removed (its pull request is closed)", s.url()));
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
                Ok(()) => format!("→ deploy preview for #{n} ready: {}", server.url()),
                Err(e) => format!("→ deploy preview for #{n} failed: {}", e.lines().last().unwrap_or_default()),
            });
        }
        notes
    }

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
                Ok(()) => format!("→ {} server deploying {} from origin/{branch}", name.name(), short(&tip)),
                Err(e) => format!(
                    "→ {} server: deploy of {} failed: {}",
                    name.name(),
                    short(&tip),
                    e.lines().last().unwrap_or_default()
                ),
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
    pub fn promote(&mut self, origin: &Repo, rev: Option<&str>, now: u64) -> Result<String, String> {
        if self.topology == Topology::Minimal {
            let tip = origin
                .branches
                .get("main")
                .cloned()
                .ok_or("production deploys origin/main, and origin has no main branch yet")?;
            let prod = self.get_mut(ServerName::Production);
            prod.deploy(origin, &tip, now, "redeploy of origin/main").map_err(|e| format!("deploy failed:\n{e}"))?;
            return Ok(format!(
                "In the minimal topology production deploys origin/main directly (no staging to promote from).\nproduction: redeployed {} from origin/main",
                short(&tip)
            ));
        }
        let staging = self.get(ServerName::Staging);
        let running = staging.deployed.as_ref().and_then(|d| d.commit.clone());
        let id = match rev {
            None => running
                .clone()
                .ok_or("staging has not run anything yet: merge into main and push, and staging deploys it")?,
            Some(id) => id.to_string(),
        };
        if !staging.history.contains(&id) {
            return Err(format!(
                "deploy: refusing to deploy {} to production: staging has never run it.\nProduction only gets code that staging has run (\"same code, different environment\"): merge it into main and push, check staging, then `deploy production`.",
                short(&id)
            ));
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
        prod.deploy(origin, &id, now, why).map_err(|e| format!("deploy failed:\n{e}"))?;
        let subject = origin.commit(&id).map(|c| c.subject().to_string()).unwrap_or_default();
        Ok(format!("production: deploying {} \"{subject}\" ({why}) with .env.production", short(&id)))
    }

    /// Each active server as the page's cards and the ledger show it.
    pub fn cards(&self, origin: &Repo) -> Vec<Card> {
        self.active()
            .map(|s| {
                let live = s.deployed.as_ref().filter(|_| matches!(s.status, Status::Running | Status::Unreachable));
                let staging = self.get(ServerName::Staging).deployed.as_ref().and_then(|d| d.commit.as_deref());
                let control = match (s.name, s.name.tracks(self.topology)) {
                    _ if s.preview.is_some() => Control::None,
                    (ServerName::Local, _) => Control::Local { running: s.status == Status::Running },
                    (ServerName::Production, None) => Control::Promote {
                        pending: staging.is_some() && staging != live.and_then(|d| d.commit.as_deref()),
                    },
                    _ => Control::None,
                };
                let source = match (s.name, s.name.tracks(self.topology)) {
                    _ if s.preview.is_some() => format!(
                        "deploy preview of pull request #{} ({})",
                        s.preview.unwrap_or_default(),
                        s.deployed.as_ref().map_or("", |d| d.branch.as_str())
                    ),
                    (ServerName::Local, _) => "runs your working tree (python main.py)".to_string(),
                    (_, Some(b)) => format!("deploys origin/{b} on push"),
                    (_, None) => "deploys what staging ran, on `deploy production`".to_string(),
                };
                Card {
                    label: s.label(),
                    url: s.url(),
                    status: s.status,
                    deployed: live.and_then(|d| d.commit.clone()),
                    running: live.map(|d| format!("{} \"{}\"", d.version, d.subject)),
                    env_file: live.map_or_else(|| s.name.env().file(), |d| d.env_file.clone()),
                    source,
                    behind: self.behind(s, origin),
                    users_affected: s.users_affected,
                    control,
                }
            })
            .collect()
    }

    /// Which commit runs where, and how far each server is behind what it should run.
    pub fn ledger(&self, origin: &Repo) -> String {
        let mut out = vec![format!(
            "Topology: {} ({})",
            self.topology.name(),
            self.topology.servers().iter().map(|s| s.name()).collect::<Vec<_>>().join(" → ")
        )];
        let cards = self.cards(origin);
        let width = cards.iter().map(|c| c.url.len()).max().unwrap_or(0);
        for c in cards {
            let running = c.running.as_deref().unwrap_or("-");
            out.push(format!("{:<12} {:<width$} {:<12} {running}", c.label, c.url, c.status.name()));
            let mut line = format!("             {} · {}", c.source, c.env_file);
            if let Some(b) = c.behind {
                line.push_str(&format!(" · {b}"));
            }
            if c.users_affected > 0 {
                line.push_str(&format!(" · users affected: {}", c.users_affected));
            }
            out.push(line);
        }
        out.join("\n")
    }

    fn behind(&self, s: &Server, origin: &Repo) -> Option<String> {
        if s.preview.is_some() {
            return None;
        }
        let running = s.deployed.as_ref()?.commit.clone()?;
        let (target, label) = match s.name.tracks(self.topology) {
            Some(b) => (origin.branches.get(b)?.clone(), format!("origin/{b}")),
            None if s.name == ServerName::Production => {
                (self.get(ServerName::Staging).deployed.as_ref()?.commit.clone()?, "staging".to_string())
            }
            None => return None,
        };
        let n = origin.count_range(&running, &target);
        Some(match n {
            0 => format!("up to date with {label}"),
            1 => format!("1 commit behind {label}"),
            n => format!("{n} commits behind {label}"),
        })
    }
}
