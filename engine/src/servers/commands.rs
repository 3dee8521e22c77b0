//! The terminal commands that drive the servers: `python main.py`, `stop`,
//! `curl`, `servers`, `logs`, `deploy`, `topology` and the prepared `edit`s.

use super::chatbot::{Client, LogLine};
use super::http::{self, Curl, Response};
use super::json::Obj;
use super::{Deployment, ServerName, Status, Topology};
use crate::project;
use crate::repo::short;
use crate::world::{Outcome, World};

/// Where `curl` connects from: your laptop, as a documentation-range address.
const LAPTOP: Client<'static> = Client { ip: "203.0.113.7" };
const LOOPBACK: Client<'static> = Client { ip: "127.0.0.1" };

fn refused(host: &str, port: u16) -> Outcome {
    Outcome::err(format!("curl: (7) Failed to connect to {host} port {port} after 0 ms: Couldn't connect to server"))
}

impl World {
    /// `[APP_ENV=…] [KEY=value…] python main.py`: starts the local server from
    /// the working tree; variables on the command line win over the file.
    pub(crate) fn run_local(&mut self, assigns: &[(String, String)]) -> Outcome {
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
        let head = self.local.as_ref().and_then(|r| r.head_commit().and_then(|id| r.commit(id)));
        let commit = head.map(|c| (c.id.as_str(), c.subject()));
        let mut d = Deployment::new(ServerName::Local, commit, &self.work, env, overrides, "command line");
        let local = self.local.as_ref();
        d.branch = local.and_then(|r| r.current_branch()).unwrap_or("HEAD").to_string();
        if head.is_some_and(|c| c.tree != self.work) {
            d.version.push_str("-dirty");
        }
        let server = self.servers.get_mut(ServerName::Local);
        let mut out = Vec::new();
        if d.env_text.is_none() {
            out.push(format!("WARNING:  {} not found: every setting takes its default", d.env_file));
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
                out.push(e);
                server.status = Status::Stopped;
                Outcome::err(out.join("\n"))
            }
        }
    }

    /// Ctrl+C / `stop`: stops the local server.
    pub(crate) fn stop_local(&mut self) -> Outcome {
        let server = self.servers.get_mut(ServerName::Local);
        if server.status != Status::Running {
            return Outcome::err("stop: the local server is not running (start it with `python main.py`)");
        }
        server.status = Status::Stopped;
        Outcome::ok(
            "^C\nINFO:     Shutting down\nINFO:     Application shutdown complete.\nINFO:     Finished server process [4242]",
        )
    }

    pub(crate) fn curl(&mut self, args: &[String]) -> Outcome {
        let curl = match Curl::parse(args) {
            Ok(c) => c,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let mut outputs = Vec::new();
        let mut ok = true;
        for url in &curl.urls {
            let o = self.fetch(&curl, url);
            ok &= o.ok;
            outputs.push(o.output);
        }
        Outcome { ok, output: outputs.join("\n"), clear: false }
    }

    fn fetch(&mut self, curl: &Curl, url: &str) -> Outcome {
        let work = &self.work;
        let req = match curl.request(url, |f| work.get(f.trim_start_matches("./")).cloned()) {
            Ok(r) => r,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let local = matches!(req.host.as_str(), "localhost" | "127.0.0.1" | "[::1]");
        let now = self.clock;
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
    pub(crate) fn servers_command(&mut self, args: &[String]) -> Outcome {
        let usage = "usage: servers [NAME [set KEY=VALUE | unset KEY]]";
        let Some(first) = args.first() else {
            return Outcome::ok(self.servers.ledger(&self.origin));
        };
        let Some(server) = self.servers.find(first) else {
            return Outcome::err(format!(
                "servers: no server named '{first}' in the {} topology\n{usage}",
                self.servers.topology.name()
            ));
        };
        let label = server.label();
        let local = server.name == ServerName::Local && server.preview.is_none();
        match args[1..].iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            [] => Outcome::ok(self.server_details(&label)),
            [verb @ ("set" | "unset"), ..] if local => Outcome::err(format!(
                "servers: local has no platform variables to {verb}; set them on the command line: KEY=value python main.py"
            )),
            ["set", kv] => match kv.split_once('=') {
                Some((k, v)) if !k.is_empty() => {
                    if let Some(s) = self.servers.find_mut(&label) {
                        s.vars.retain(|(key, _)| key != k);
                        s.vars.push((k.to_string(), v.to_string()));
                    }
                    self.redeploy(&label, &format!("variable {k} set"))
                }
                _ => Outcome::err(usage),
            },
            ["unset", k] => {
                let Some(s) = self.servers.find_mut(&label) else { return Outcome::err(usage) };
                let before = s.vars.len();
                s.vars.retain(|(key, _)| key != k);
                if s.vars.len() == before {
                    return Outcome::err(format!("servers: {label} has no platform variable {k}"));
                }
                self.redeploy(&label, &format!("variable {k} removed"))
            }
            _ => Outcome::err(usage),
        }
    }

    /// Railway redeploys the running commit when its variables change.
    fn redeploy(&mut self, label: &str, why: &str) -> Outcome {
        let now = self.clock;
        let Some(server) = self.servers.find_mut(label) else {
            return Outcome::err(format!("servers: no server named '{label}'"));
        };
        let Some(id) = server.deployed.as_ref().and_then(|d| d.commit.clone()) else {
            return Outcome::ok(format!("{label}: saved; it applies to the next deploy"));
        };
        match server.deploy(&self.origin, &id, now, why) {
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
            if let Ok(app) = d.start() {
                out.push(format!("backend:  {}", app.config.backend_api_url));
                for (key, source) in &app.sources {
                    let from = match source {
                        crate::config::Source::File { file, line } => format!("{file}:{line}"),
                        crate::config::Source::Override { by } => format!("{by} (wins over the file)"),
                        crate::config::Source::Default => "default".into(),
                    };
                    out.push(format!("  {key:<21} ← {from}"));
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
    pub(crate) fn logs(&self, args: &[String]) -> Outcome {
        let label = args.first().map_or("local", String::as_str);
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
            .map(|l| format!("{:<8} {}", format!("{:?}:", l.level).to_uppercase(), l.text))
            .collect();
        Outcome::ok(lines.join("\n"))
    }

    /// `deploy production [REV]`.
    pub(crate) fn deploy(&mut self, rev: Option<&str>) -> Outcome {
        let now = self.clock;
        // A revision names what the learner sees: their clone first, then origin.
        let id = match rev {
            None => None,
            Some(r) => match self.local.as_ref().and_then(|l| l.resolve(r)).or_else(|| self.origin.resolve(r)) {
                Some(id) => Some(id),
                None => return Outcome::err(format!("deploy: unknown revision '{r}'")),
            },
        };
        self.servers.promote(&self.origin, id.as_deref(), now).into()
    }

    pub(crate) fn set_topology(&mut self, t: Topology) -> Outcome {
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
        out.extend(self.servers.sync(&self.origin, self.clock));
        Outcome::ok(out.join("\n"))
    }

    /// `edit NAME`: makes one of the guide's prepared changes in the working
    /// tree, standing in for an editor.
    pub(crate) fn edit(&mut self, args: &[String]) -> Outcome {
        let list =
            || project::EDITS.iter().map(|e| format!("  {:<18} {}", e.name, e.about)).collect::<Vec<_>>().join("\n");
        let [name] = args else {
            return Outcome::err(format!("usage: edit NAME\n{}", list()));
        };
        let Some(edit) = project::EDITS.iter().find(|e| e.name == name) else {
            return Outcome::err(format!("edit: no prepared edit named '{name}'; these exist:\n{}", list()));
        };
        let Some(file) = self.work.get_mut(edit.file) else {
            return Outcome::err(format!("edit: {} does not exist in the working tree", edit.file));
        };
        match (edit.apply)(file) {
            Ok(()) => Outcome::ok(format!("edited {}: {}", edit.file, edit.about)),
            Err(e) => Outcome::err(format!("edit: {e}")),
        }
    }
}

impl From<Result<String, String>> for Outcome {
    fn from(r: Result<String, String>) -> Self {
        match r {
            Ok(s) => Outcome::ok(s),
            Err(e) => Outcome::err(e),
        }
    }
}
