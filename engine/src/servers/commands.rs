//! The commands that drive the servers: `python main.py`, `stop`, `curl`,
//! `servers`, `logs`, `deploy production` and `topology`. Each runs against a
//! [`Ctx`]: the servers, and read-only views of what they deploy from.

use super::{Deployment, ServerName, Servers, Status, Topology};
use crate::chatbot::Client;
use crate::chatbot::LogLine;
use crate::chatbot::http::{self, Curl, Response};
use crate::chatbot::json_write::Obj;
use crate::outcome::Outcome;
use crate::repo::{Repo, Tree, short};

/// What the server commands may touch: the servers themselves; `origin`,
/// the learner's clone and working tree only to read from.
pub struct Ctx<'a> {
    /// Every server and the topology.
    pub servers: &'a mut super::Servers,
    /// What remote servers deploy from.
    pub origin: &'a Repo,
    /// The learner's clone (its HEAD is what local runs), if any.
    pub local: Option<&'a Repo>,
    /// The learner's working tree (what local runs, and curl's `-d @file`).
    pub work: &'a Tree,
    /// The virtual clock.
    pub now: u64,
}

/// Where `curl` connects from: your laptop, as a documentation-range address.
const LAPTOP: Client<'static> = Client { ip: "203.0.113.7" };
const LOOPBACK: Client<'static> = Client { ip: "127.0.0.1" };

fn refused(host: &str, port: u16) -> Outcome {
    Outcome::err(format!("curl: (7) Failed to connect to {host} port {port} after 0 ms: Couldn't connect to server"))
}

impl Ctx<'_> {
    /// `[APP_ENV=…] [KEY=value…] python main.py`: starts the local server from
    /// the working tree; variables on the command line win over the file.
    pub fn run_local(&mut self, assigns: &[(String, String)]) -> Outcome {
        if self.servers.get(ServerName::Local).status == Status::Running {
            return Outcome::err(
                "ERROR:    [Errno 98] error while attempting to bind on address ('127.0.0.1', 8000): address already in use\n(the local server is already running: stop it with Ctrl+C or `stop`, then start it again)",
            );
        }
        if !self.work.contains_key("main.py") {
            return Outcome::err(
                "python: can't open file '/home/you/chatbot/main.py': [Errno 2] No such file or directory",
            );
        }
        let env = assigns.iter().rev().find(|(k, _)| k == "APP_ENV").map_or("development", |(_, v)| v.as_str());
        let overrides: Vec<(String, String)> = assigns.iter().filter(|(k, _)| k != "APP_ENV").cloned().collect();
        let head = self.local.and_then(|r| r.head_commit().and_then(|id| r.commit(id)));
        let commit = head.map(|c| (c.id.as_str(), c.subject()));
        let mut d = Deployment::new(ServerName::Local, commit, self.work, env, overrides, "command line");
        let local = self.local;
        d.branch = local.and_then(|r| r.current_branch()).unwrap_or("HEAD").to_string();
        if head.is_some_and(|c| c.tree != *self.work) {
            d.version.push_str("-dirty");
        }
        let server = self.servers.get_mut(ServerName::Local);
        let mut out = Vec::new();
        if d.env_text.is_none() {
            out.push(format!("WARNING:  {} not found: every setting takes its default", d.env_file));
        }
        if let Some(notice) = d.main_py_notice() {
            out.push(format!("WARNING:  {notice}"));
        }
        match d.launch() {
            Ok(app) => {
                out.push(format!("INFO:     Loaded {} (APP_ENV={env})", d.env_file));
                for (k, _) in &d.overrides {
                    out.push(format!("INFO:     {k} set on the command line overrides {}", d.env_file));
                }
                out.push("INFO:     Started server process [4242]".into());
                out.push("INFO:     Application startup complete.".into());
                out.push(format!(
                    "INFO:     Uvicorn running on http://{}:8000 (Press CTRL+C to quit)",
                    app.config.api_host
                ));
                out.push("(the server keeps running while you type: try `curl localhost:8000/`; stop it with Ctrl+C or `stop`)".into());
                server.status = Status::Running;
                server.deployed = Some(d);
                server.request_log.clear();
                Outcome::ok(out.join("\n"))
            }
            Err(e) => {
                out.push(e.to_string());
                server.status = Status::Stopped;
                Outcome::err(out.join("\n"))
            }
        }
    }

    /// Ctrl+C / `stop`: stops the local server.
    pub fn stop_local(&mut self) -> Outcome {
        let server = self.servers.get_mut(ServerName::Local);
        if server.status != Status::Running {
            return Outcome::err("stop: the local server is not running (start it with `python main.py`)");
        }
        server.status = Status::Stopped;
        Outcome::ok(
            "^C\nINFO:     Shutting down\nINFO:     Application shutdown complete.\nINFO:     Finished server process [4242]",
        )
    }

    /// `curl …`: each URL in turn.
    pub fn curl(&mut self, curl: &Curl) -> Outcome {
        let mut outputs = Vec::new();
        let mut ok = true;
        for url in &curl.urls {
            let o = self.fetch(curl, url);
            ok &= o.ok;
            outputs.push(o.output);
        }
        Outcome { ok, output: outputs.join("\n"), events: Vec::new() }
    }

    fn fetch(&mut self, curl: &Curl, url: &str) -> Outcome {
        let work = self.work;
        let req = match curl.request(url, |f| work.get(f.trim_start_matches("./")).cloned()) {
            Ok(r) => r,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let local = Servers::is_loopback(&req.host);
        let now = self.now;
        let server = if local {
            if req.port != 8000 {
                return refused(&req.host, req.port);
            }
            self.servers.get_mut(ServerName::Local)
        } else {
            match self.servers.by_host_mut(&req.host) {
                Some(s) => s,
                None => return Outcome::err(format!("curl: (6) Could not resolve host: {}", req.host)),
            }
        };
        let Some(app) = server.app() else {
            return refused(&req.host, req.port);
        };
        let mut resp = if server.status == Status::Unreachable {
            // Railway's edge answers, but nothing listens on the container's public interface.
            let body = Obj::new()
                .str("status", "error")
                .raw("code", "502")
                .str("message", "Application failed to respond")
                .finish();
            let mut r = Response::new(502, "application/json", body);
            r.headers.insert(0, ("server".into(), "railway-edge".into()));
            r
        } else {
            let mut logs: Vec<LogLine> = Vec::new();
            let mut r = app.handle(&req, if local { LOOPBACK } else { LAPTOP }, &mut logs);
            server.log_requests(now, logs);
            // Behind Railway's (or Netlify's) proxy, the edge names itself.
            if !local && let Some(h) = r.headers.iter_mut().find(|(k, _)| k == "server") {
                h.1 = "railway-edge".into();
            }
            r
        };
        server.answered(resp.status);
        resp.headers.insert(0, ("date".into(), crate::clock::http_date(now)));
        let mut text = http::print(curl, &req, &resp);
        if curl.fail && resp.status >= 400 {
            return Outcome::err(format!("curl: (22) The requested URL returned error: {}", resp.status));
        }
        if let Some(origin) = req.header("origin")
            && resp.header("access-control-allow-origin").is_none()
            && (curl.include || curl.verbose)
        {
            text.push_str(&format!(
                "\n(no access-control-allow-origin header: a browser page at {origin} may not read this response; CORS_ORIGINS does not list it)"
            ));
        }
        Outcome::ok(text)
    }

    /// `servers`: the promotion ledger; `servers NAME`: one server in detail;
    /// `servers NAME set KEY=VALUE` / `unset KEY`: its platform variables.
    pub fn servers(&mut self, cmd: &ServersCommand) -> Outcome {
        let first = match cmd {
            ServersCommand::Ledger => return Outcome::ok(self.servers.ledger(self.origin)),
            ServersCommand::Show(s)
            | ServersCommand::Set { server: s, .. }
            | ServersCommand::Unset { server: s, .. } => s,
        };
        let Some(server) = self.servers.find(first) else {
            return Outcome::err(format!(
                "servers: no server named '{first}' in the {} topology\n{SERVERS_USAGE}",
                self.servers.topology.name()
            ));
        };
        let label = server.label();
        let local = server.name == ServerName::Local && server.preview.is_none();
        match cmd {
            ServersCommand::Ledger | ServersCommand::Show(_) => Outcome::ok(self.server_details(&label)),
            ServersCommand::Set { .. } | ServersCommand::Unset { .. } if local => {
                let verb = if matches!(cmd, ServersCommand::Set { .. }) { "set" } else { "unset" };
                Outcome::err(format!(
                    "servers: local has no platform variables to {verb}; set them on the command line: KEY=value python main.py"
                ))
            }
            ServersCommand::Set { key, value, .. } => {
                let environment = server.name.env().name();
                if let Some(why) =
                    (key == "DATABASE_URL").then(|| super::data::refuse_database(environment, value)).flatten()
                {
                    return Outcome::err(why);
                }
                if let Some(s) = self.servers.find_mut(&label) {
                    s.vars.retain(|(k, _)| k != key);
                    s.vars.push((key.clone(), value.clone()));
                }
                self.redeploy(&label, &format!("variable {key} set"))
            }
            ServersCommand::Unset { key, .. } => {
                let Some(s) = self.servers.find_mut(&label) else { return Outcome::err(SERVERS_USAGE) };
                let before = s.vars.len();
                s.vars.retain(|(k, _)| k != key);
                if s.vars.len() == before {
                    return Outcome::err(format!("servers: {label} has no platform variable {key}"));
                }
                self.redeploy(&label, &format!("variable {key} removed"))
            }
        }
    }

    /// Railway redeploys the running commit when its variables change.
    fn redeploy(&mut self, label: &str, why: &str) -> Outcome {
        let now = self.now;
        let Some(server) = self.servers.find_mut(label) else {
            return Outcome::err(format!("servers: no server named '{label}'"));
        };
        let Some(id) = server.deployed.as_ref().and_then(|d| d.commit.clone()) else {
            return Outcome::ok(format!("{label}: saved; it applies to the next deploy"));
        };
        match server.deploy(self.origin, &id, now, why) {
            Ok(()) => Outcome::ok(format!("{label}: {why}; redeployed {} ({})", short(&id), server.status.name())),
            Err(e) => Outcome::err(format!("{label}: {why}; redeploy failed:\n{e}")),
        }
    }

    fn server_details(&self, label: &str) -> String {
        let Some(s) = self.servers.find(label) else { return String::new() };
        let mut out = vec![format!("{}  {}  {}", s.label(), s.url(), s.status.name())];
        if let Some(d) = &s.deployed {
            out.push(format!("runs:     {} \"{}\" (branch {})", d.version, d.subject, d.branch));
            out.push(format!("profile:  {} (APP_ENV={})", d.env_file, d.environment));
            if let Some(notice) = d.main_py_notice() {
                out.push(format!("note:     {notice}"));
            }
            let (version, branch) = d.reported();
            let by = if s.name == ServerName::Local { "nothing sets them on your machine" } else { "set by Railway" };
            out.push(format!(
                "GET /:    version {version} ← RAILWAY_GIT_COMMIT_SHA, branch {branch} ← RAILWAY_GIT_BRANCH ({by})"
            ));
            if let Ok(app) = d.start() {
                out.push(format!("backend:  {}", app.config.backend_api_url));
                let by = if d.overrides.iter().any(|(k, _)| k == "DATABASE_URL") {
                    "a platform variable"
                } else if d.env_var("DATABASE_URL").is_some() {
                    "set by Railway"
                } else {
                    "main.py's default"
                };
                out.push(format!(
                    "data:     {} ({} ← DATABASE_URL, {by})",
                    super::data::data_set(&app.database),
                    app.database
                ));
                out.push(format!(
                    "APIs:     {} (following BACKEND_API_URL)",
                    super::data::integrations(&app.config.backend_api_url)
                ));
                out.push(format!("speed:    {}", super::data::performance(&d.environment)));
                for (key, source) in &app.sources {
                    out.push(format!("  {key:<21} ← {}", source.describe()));
                }
            }
        }
        if !s.vars.is_empty() {
            out.push("platform variables:".into());
            out.extend(s.vars.iter().map(|(k, v)| format!("  {k}={v}")));
        }
        if s.users_affected > 0 {
            out.push(format!("users affected: {}", s.users_affected));
        }
        if !s.deploy_log.is_empty() {
            out.push("deploy log:".into());
            out.extend(s.deploy_log.iter().rev().take(8).rev().map(|l| format!("  {l}")));
        }
        out.join("\n")
    }

    /// `logs [NAME]`: a server's request log, as its `LOG_LEVEL` let through.
    pub fn logs(&self, server: Option<&str>) -> Outcome {
        let label = server.unwrap_or("local");
        let Some(s) = self.servers.find(label) else {
            return Outcome::err(format!(
                "logs: no server named '{label}'; try local, development, staging or production"
            ));
        };
        let name = s.label();
        if s.request_log.is_empty() {
            return Outcome::ok(format!("({name} has logged nothing yet)"));
        }
        let lines: Vec<String> = s
            .request_log
            .iter()
            .rev()
            .take(40)
            .rev()
            .map(|l| format!("{:<8} {}", format!("{}:", l.level.name()), l.text))
            .collect();
        Outcome::ok(lines.join("\n"))
    }

    /// `deploy production [REV]`.
    pub fn deploy(&mut self, rev: Option<&str>) -> Outcome {
        let now = self.now;
        // A revision names what the learner sees: their clone first, then origin.
        let id = match rev {
            None => None,
            Some(r) => match self.local.and_then(|l| l.resolve(r)).or_else(|| self.origin.resolve(r)) {
                Some(id) => Some(id),
                None => return Outcome::err(format!("deploy: unknown revision '{r}'")),
            },
        };
        self.servers.promote(self.origin, id.as_deref(), now).into()
    }

    /// `topology`: which setup this is; `topology NAME`: switch to it.
    pub fn topology(&mut self, t: Option<Topology>) -> Outcome {
        let Some(t) = t else {
            return Outcome::ok(format!(
                "topology: {} (switch with `topology minimal` or `topology professional`)",
                self.servers.topology.name()
            ));
        };
        if self.servers.topology == t {
            return Outcome::ok(format!("already using the {} topology", t.name()));
        }
        self.servers.topology = t;
        // Servers re-read their branches under the new rules.
        for s in &mut self.servers.list {
            s.seen = None;
        }
        let mut out = vec![format!(
            "topology: {} — {}",
            t.name(),
            t.servers().iter().map(|s| s.name()).collect::<Vec<_>>().join(" → ")
        )];
        out.extend(self.servers.sync(self.origin, self.now));
        Outcome::ok(out.join("\n"))
    }
}

/// `servers`' usage line.
pub const SERVERS_USAGE: &str = "usage: servers [NAME [set KEY=VALUE | unset KEY]]";

/// A `servers …` command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServersCommand {
    /// `servers`: the promotion ledger.
    Ledger,
    /// `servers NAME`: one server's config, provenance and deploy log.
    Show(String),
    /// `servers NAME set KEY=VALUE`: a platform variable.
    Set {
        /// The server as typed.
        server: String,
        /// The variable.
        key: String,
        /// Its value.
        value: String,
    },
    /// `servers NAME unset KEY`.
    Unset {
        /// The server as typed.
        server: String,
        /// The variable.
        key: String,
    },
}

impl ServersCommand {
    /// Parses the words after `servers`.
    pub fn parse(args: &[String]) -> Result<Self, &'static str> {
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        Ok(match words.as_slice() {
            [] => Self::Ledger,
            [s] => Self::Show((*s).to_string()),
            [s, "set", kv] => match kv.split_once('=') {
                Some((k, v)) if !k.is_empty() => {
                    Self::Set { server: (*s).to_string(), key: k.to_string(), value: v.to_string() }
                }
                _ => return Err(SERVERS_USAGE),
            },
            [s, "unset", k] => Self::Unset { server: (*s).to_string(), key: (*k).to_string() },
            _ => return Err(SERVERS_USAGE),
        })
    }

    /// The words after `servers` that parse back to this command.
    pub fn words(&self) -> Vec<String> {
        match self {
            Self::Ledger => Vec::new(),
            Self::Show(s) => vec![s.clone()],
            Self::Set { server, key, value } => vec![server.clone(), "set".into(), format!("{key}={value}")],
            Self::Unset { server, key } => vec![server.clone(), "unset".into(), key.clone()],
        }
    }
}
