//! The simulated world: the learner's clone, `origin`, a teammate's clone, and
//! the shell that runs terminal lines against them.

use serde::{Deserialize, Serialize};

use crate::clock;
use crate::git::{Ctx, GitCommand, GitError};
use crate::github::{Hub, Protection};
use crate::project;
use crate::repo::{Commit, Head, Repo, Tree, Upstream};
use crate::servers::{Servers, Topology};
use crate::shell::{self, Joiner, SimpleCommand};

/// Bumped whenever the serialised form changes incompatibly.
pub const SCHEMA_VERSION: u32 = 2;

pub const LEARNER: &str = "You <you@example.com>";
pub const TEAMMATE: &str = "Sam Teammate <sam@example.com>";
/// The URL of `origin` in the default start (as `git remote -v` shows it).
pub const ORIGIN_URL: &str = "https://github.com/you/smart-chatbot.git";

/// Someone else's clone of `origin` (lines prefixed `@teammate `).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teammate {
    pub repo: Repo,
    pub work: Tree,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct World {
    pub schema_version: u32,
    /// Virtual seconds since the epoch; advances one minute per commit.
    pub clock: u64,
    /// The learner's repository; `None` before `git init` in an empty start.
    pub local: Option<Repo>,
    /// The learner's working directory.
    pub work: Tree,
    pub origin: Repo,
    pub teammate: Option<Teammate>,
    /// The environments and what each runs.
    #[serde(default)]
    pub servers: Servers,
    /// GitHub's side of origin: pull requests, CI runs, branch protection.
    #[serde(default)]
    pub hub: Hub,
}

/// What one action did: the terminal text and whether it succeeded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub ok: bool,
    pub output: String,
    /// The terminal should be cleared (`clear`).
    #[serde(skip)]
    pub clear: bool,
}

impl Outcome {
    pub(crate) fn ok(output: impl Into<String>) -> Self {
        Self { ok: true, output: output.into(), clear: false }
    }

    pub(crate) fn err(output: impl Into<String>) -> Self {
        Self { ok: false, output: output.into(), clear: false }
    }
}

impl From<Result<String, GitError>> for Outcome {
    fn from(r: Result<String, GitError>) -> Self {
        match r {
            Ok(s) => Self::ok(s),
            Err(e) => Self::err(e.to_string()),
        }
    }
}

/// Something the learner does: typed, or clicked as a button that runs the
/// same command.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// A git command in the learner's clone.
    Git(GitCommand),
    /// `topology minimal|professional`.
    Topology(Topology),
    /// `deploy production [REV]`: promote what staging ran.
    Promote(Option<String>),
    /// `APP_ENV=… python main.py`: start the local server with these variables.
    RunLocal(Vec<(String, String)>),
    /// Ctrl+C in the terminal, or `stop`.
    StopLocal,
    /// `protect BRANCH …` (GitHub's branch protection settings); `None` lifts it.
    Protect(String, Option<Protection>),
}

impl Action {
    /// The "New commit" button: an empty commit with a numbered message, exactly
    /// what `git commit --allow-empty -m "Commit N"` does.
    pub fn new_commit(world: &World) -> Self {
        let n = world.local.as_ref().map_or(0, |r| r.commits.len()) + 1;
        Self::Git(GitCommand::quick_commit(format!("Commit {n}")))
    }

    /// The terminal line that performs this action.
    pub fn to_line(&self) -> String {
        match self {
            Self::Git(cmd) => cmd.to_line().unwrap_or_else(|| "git".into()),
            Self::Topology(t) => format!("topology {}", t.name()),
            Self::Promote(None) => "deploy production".into(),
            Self::Promote(Some(rev)) => format!("deploy production {}", shell::quote(rev)),
            Self::RunLocal(vars) => {
                let mut words: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={}", shell::quote(v))).collect();
                words.push("python main.py".into());
                words.join(" ")
            }
            Self::StopLocal => "stop".into(),
            Self::Protect(branch, None) => format!("protect {} --off", shell::quote(branch)),
            Self::Protect(branch, Some(r)) => {
                let mut line = format!("protect {}", shell::quote(branch));
                if r.require_pr && r.approvals == 0 {
                    line.push_str(" --require-pr");
                }
                if r.approvals > 0 {
                    line.push_str(&format!(" --require-pr --approvals {}", r.approvals));
                }
                if r.require_checks {
                    line.push_str(" --require-checks");
                }
                line
            }
        }
    }
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

impl World {
    /// The default start: "Initial commit" on `main`, `development` at the same
    /// commit, both pushed to `origin` with upstreams set, HEAD on `main`.
    pub fn new() -> Self {
        let tree = project::initial_tree();
        let c = Commit::new(vec![], "Initial commit".into(), LEARNER.into(), clock::START, tree.clone());
        let id = c.id.clone();
        let mut origin = Repo::init(true);
        origin.insert(c.clone());
        let mut local = Repo::init(false);
        local.insert(c);
        local.index = tree.clone();
        local.remotes.insert("origin".into(), ORIGIN_URL.into());
        for b in ["main", "development"] {
            origin.branches.insert(b.into(), id.clone());
            local.branches.insert(b.into(), id.clone());
            local.remote_tracking.insert(format!("origin/{b}"), id.clone());
            local.upstreams.insert(b.into(), Upstream { remote: "origin".into(), branch: b.into() });
        }
        Self {
            schema_version: SCHEMA_VERSION,
            clock: clock::START,
            local: Some(local),
            work: tree,
            servers: Servers::new(&origin, clock::START),
            origin,
            teammate: None,
            hub: Hub::default(),
        }
    }

    /// No repository at all: the learner starts with `git init`.
    pub fn empty() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            clock: clock::START,
            local: None,
            work: Tree::new(),
            origin: Repo::init(true),
            teammate: None,
            servers: Servers::default(),
            hub: Hub::default(),
        }
    }

    /// Runs one terminal line (possibly several commands joined by `&&`/`;`).
    /// A line starting `@teammate ` runs in the teammate's clone instead.
    pub fn run(&mut self, line: &str) -> Outcome {
        let outcome = if let Some(rest) = line.trim_start().strip_prefix("@teammate")
            && (rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            self.as_teammate(rest)
        } else {
            self.run_as(line, LEARNER)
        };
        self.after(outcome)
    }

    /// What the platforms do after every line: deploy what was pushed, and
    /// let production's users try the app.
    fn after(&mut self, mut outcome: Outcome) -> Outcome {
        let mut notes = self.hub.sync(&self.origin, self.clock);
        notes.extend(self.servers.sync(&self.origin, self.clock));
        notes.extend(self.servers.sync_previews(&self.hub.open_heads(), &self.origin, self.clock));
        if !notes.is_empty() {
            if !outcome.output.is_empty() {
                outcome.output.push('\n');
            }
            outcome.output.push_str(&notes.join("\n"));
        }
        self.servers.tick(self.clock);
        outcome
    }

    /// Runs a line as `author` (the learner, or the teammate in their clone).
    fn run_as(&mut self, line: &str, author: &str) -> Outcome {
        let commands = match shell::parse(line) {
            Ok(c) => c,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let mut outputs: Vec<String> = Vec::new();
        let mut ok = true;
        let mut clear = false;
        for (joiner, cmd) in commands {
            if joiner == Joiner::IfOk && !ok {
                continue;
            }
            let o = self.run_command(&cmd, author);
            ok = o.ok;
            clear |= o.clear;
            if clear {
                outputs.clear();
            }
            if !o.output.is_empty() {
                outputs.push(o.output);
            }
        }
        Outcome { ok, output: outputs.join("\n"), clear }
    }

    /// Applies an action (a button press); the same as typing its line.
    pub fn apply(&mut self, action: &Action) -> Outcome {
        let outcome = self.perform(action, LEARNER);
        self.after(outcome)
    }

    fn perform(&mut self, action: &Action, author: &str) -> Outcome {
        match action {
            Action::Git(cmd) => self.git(cmd, author),
            Action::Topology(t) => self.set_topology(*t),
            Action::Promote(rev) => self.deploy(rev.as_deref()),
            Action::RunLocal(vars) => self.run_local(vars),
            Action::StopLocal => self.stop_local(),
            Action::Protect(branch, rule) => self.protect(branch, *rule),
        }
    }

    /// Typed lines that are actions: the same path a button takes.
    fn parse_action(cmd: &SimpleCommand) -> Option<Result<Action, String>> {
        let argv: Vec<&str> = cmd.argv.iter().map(String::as_str).collect();
        Some(match argv.as_slice() {
            ["python" | "python3", "main.py"] => Ok(Action::RunLocal(cmd.assigns.clone())),
            ["python" | "python3", file, ..] => Err(format!(
                "python: can't open file '/home/you/chatbot/{file}': [Errno 2] No such file or directory"
            )),
            ["python" | "python3"] => Err("python: the interactive interpreter is not simulated; run the app with `python main.py`".into()),
            ["stop" | "^C"] => Ok(Action::StopLocal),
            ["protect", _, ..] => {
                crate::github::cli::parse_protect(&cmd.argv[1..]).map(|(branch, rule)| Action::Protect(branch, rule))
            }
            ["topology", t] => match Topology::parse(t) {
                Some(t) => Ok(Action::Topology(t)),
                None => Err(format!("topology: unknown topology '{t}'; choose minimal or professional")),
            },
            ["deploy", "production" | "prod"] => Ok(Action::Promote(None)),
            ["deploy", "production" | "prod", rev] => Ok(Action::Promote(Some((*rev).to_string()))),
            ["deploy", "development" | "dev"] => Err("deploy: the development server deploys by itself whenever origin/development changes: merge into development and push".into()),
            ["deploy", "staging"] => Err("deploy: staging deploys by itself whenever origin/main changes: merge development into main and push".into()),
            ["deploy", "local"] => Err("deploy: local runs your working tree: start it with `python main.py`".into()),
            ["deploy", ..] => Err("usage: deploy production [COMMIT]".into()),
            _ => return None,
        })
    }

    fn run_command(&mut self, cmd: &SimpleCommand, author: &str) -> Outcome {
        let outcome = self.dispatch(cmd, author);
        match &cmd.redirect {
            Some(r) if outcome.ok => {
                let path = r.path.trim_start_matches("./").to_string();
                if path.contains('/') || path.is_empty() {
                    return Outcome::err(format!("bash: {}: No such file or directory", r.path));
                }
                let mut text = outcome.output;
                if !text.is_empty() {
                    text.push('\n');
                }
                let entry = self.work.entry(path).or_default();
                if r.append {
                    entry.push_str(&text);
                } else {
                    *entry = text;
                }
                Outcome::ok("")
            }
            _ => outcome,
        }
    }

    fn dispatch(&mut self, cmd: &SimpleCommand, author: &str) -> Outcome {
        match Self::parse_action(cmd) {
            Some(Ok(action)) => return self.perform(&action, author),
            Some(Err(e)) => return Outcome::err(e),
            None => {}
        }
        let Some((name, args)) = cmd.argv.split_first() else {
            // Bare `NAME=value`: nothing to run.
            return Outcome::ok("");
        };
        match name.as_str() {
            "git" => {
                if args.first().map(String::as_str) == Some("init") {
                    return self.git_init();
                }
                match GitCommand::parse(args) {
                    Ok(c) => self.git(&c, author),
                    Err(e) => Outcome::err(e.to_string()),
                }
            }
            "echo" => {
                // `-n` only drops the trailing newline, which the terminal adds anyway.
                let words = if args.first().is_some_and(|a| a == "-n") { &args[1..] } else { args };
                Outcome::ok(words.join(" "))
            }
            "cat" => self.cat(args),
            "config" => self.config_command(args),
            "curl" => self.curl(args),
            "gh" => self.gh(args, author),
            "protect" => self.list_protection(),
            "servers" => self.servers_command(args),
            "logs" => self.logs(args),
            "edit" => self.edit(args),
            "topology" => Outcome::ok(format!(
                "topology: {} (switch with `topology minimal` or `topology professional`)",
                self.servers.topology.name()
            )),
            "ls" => self.ls(args),
            "pwd" => Outcome::ok("/home/you/chatbot"),
            "clear" => Outcome { ok: true, output: String::new(), clear: true },
            "help" => Outcome::ok(SHELL_HELP),
            other => Outcome::err(format!("bash: {other}: command not found")),
        }
    }

    fn git(&mut self, cmd: &GitCommand, author: &str) -> Outcome {
        let Some(repo) = self.local.as_mut() else {
            return Outcome::err(GitError::NotARepo.to_string());
        };
        let mut ctx = Ctx {
            repo,
            origin: &mut self.origin,
            work: &mut self.work,
            clock: &mut self.clock,
            author,
            protection: &self.hub.protection,
        };
        cmd.run(&mut ctx).into()
    }

    /// Runs a git command on gh's behalf in this world's clone.
    pub(crate) fn git_as_learner(&mut self, cmd: &GitCommand) -> Outcome {
        self.git(cmd, LEARNER)
    }

    /// Runs a line in the teammate's clone, cloning `origin` on first use.
    /// The teammate's world is a second `World` sharing origin and the clock.
    fn as_teammate(&mut self, line: &str) -> Outcome {
        if line.trim().is_empty() {
            return Outcome::err(
                "@teammate: give a command for your teammate, e.g. @teammate git push origin development",
            );
        }
        let mate = match self.teammate.take() {
            Some(t) => t,
            None => match clone(&self.origin) {
                Some(t) => t,
                None => {
                    return Outcome::err("@teammate: origin is empty, so there is nothing for a teammate to clone yet");
                }
            },
        };
        let mut theirs = World {
            schema_version: SCHEMA_VERSION,
            clock: self.clock,
            local: Some(mate.repo),
            work: mate.work,
            origin: std::mem::take(&mut self.origin),
            teammate: None,
            servers: Servers::default(),
            hub: std::mem::take(&mut self.hub),
        };
        let outcome = theirs.run_as(line, TEAMMATE);
        self.clock = theirs.clock;
        self.origin = theirs.origin;
        self.hub = theirs.hub;
        self.teammate = theirs.local.map(|repo| Teammate { repo, work: theirs.work });
        outcome
    }

    fn git_init(&mut self) -> Outcome {
        if self.local.is_some() {
            return Outcome::ok("Reinitialized existing Git repository in /home/you/chatbot/.git/");
        }
        self.local = Some(Repo::init(false));
        Outcome::ok("Initialized empty Git repository in /home/you/chatbot/.git/")
    }

    /// `config check [ENV]`: lints the working tree's profiles.
    fn config_command(&self, args: &[String]) -> Outcome {
        use crate::config::check::{Env, report};
        let usage = "usage: config check [development|staging|production] | config compare";
        let envs = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["compare"] => return Outcome::ok(self.compare_profiles()),
            ["check"] => vec![Env::Development, Env::Staging, Env::Production],
            ["check", e] => match Env::parse(e) {
                Some(env) => vec![env],
                None => return Outcome::err(format!("config: unknown environment '{e}'\n{usage}")),
            },
            _ => return Outcome::err(usage),
        };
        let (ok, out) = report(&self.work, &envs);
        Outcome { ok, output: out.join("\n"), clear: false }
    }

    /// `config compare`: the three profiles side by side, as the guide's table
    /// of environment differences; `*` marks a key whose value differs.
    fn compare_profiles(&self) -> String {
        use crate::config::{DEFAULTS, KEYS, dotenv};
        let files = [".env.development", ".env.staging", ".env.production"];
        let parsed: Vec<_> = files.iter().map(|f| self.work.get(*f).map(|t| dotenv::parse(f, t))).collect();
        let mut rows =
            vec![std::iter::once("  KEY".to_string()).chain(files.iter().map(ToString::to_string)).collect::<Vec<_>>()];
        for key in KEYS {
            let default = DEFAULTS.iter().find(|(k, _)| k == key).map_or("", |(_, d)| *d);
            let cells: Vec<String> = parsed
                .iter()
                .map(|p| match p.as_ref().and_then(|p| p.get(key)) {
                    Some(e) => e.value.clone(),
                    None if p.is_none() => "(no file)".into(),
                    None => format!("(default {default})"),
                })
                .collect();
            let differs = cells.iter().any(|c| c != &cells[0]);
            let mark = if differs { "* " } else { "  " };
            rows.push(std::iter::once(format!("{mark}{key}")).chain(cells).collect());
        }
        let widths: Vec<usize> = (0..4).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
        let mut out: Vec<String> = rows
            .iter()
            .map(|r| {
                let line: Vec<String> = r.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
                line.join("  ").trim_end().to_string()
            })
            .collect();
        out.push("(* differs between environments: same code, different configuration)".into());
        out.join("\n")
    }

    fn cat(&self, args: &[String]) -> Outcome {
        if args.is_empty() {
            return Outcome::err("cat: reading from the keyboard is not supported here; name a file: cat README.md");
        }
        let mut out = String::new();
        let mut ok = true;
        for a in args {
            match self.work.get(a.trim_start_matches("./")) {
                Some(body) => out.push_str(body),
                None => {
                    ok = false;
                    out.push_str(&format!("cat: {a}: No such file or directory\n"));
                }
            }
        }
        let out = out.strip_suffix('\n').unwrap_or(&out).to_string();
        Outcome { ok, output: out, clear: false }
    }

    fn ls(&self, args: &[String]) -> Outcome {
        let all = args.iter().any(|a| a.starts_with('-') && a.contains('a'));
        let names: Vec<&str> = self.work.keys().map(String::as_str).filter(|n| all || !n.starts_with('.')).collect();
        let mut out = if all { vec![".", "..", ".git"] } else { vec![] };
        out.extend(names);
        if all && self.local.is_none() {
            out.retain(|n| *n != ".git");
        }
        Outcome::ok(out.join("  "))
    }

    /// The learner's HEAD, for views.
    pub fn head(&self) -> Option<&Head> {
        self.local.as_ref().map(Repo::head)
    }
}

/// `git clone` of origin: every branch as a remote-tracking ref, origin's
/// HEAD branch checked out and tracking its remote counterpart.
fn clone(origin: &Repo) -> Option<Teammate> {
    let head_branch = origin.current_branch().filter(|b| origin.branches.contains_key(*b))?.to_string();
    let mut repo = Repo::init(false);
    repo.remotes.insert("origin".into(), ORIGIN_URL.into());
    for (name, id) in &origin.branches {
        repo.copy_commits_from(origin, id);
        repo.remote_tracking.insert(format!("origin/{name}"), id.clone());
    }
    for (name, id) in &origin.tags {
        repo.copy_commits_from(origin, id);
        repo.tags.insert(name.clone(), id.clone());
    }
    let id = origin.branches[&head_branch].clone();
    let tree = repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default();
    repo.branches.insert(head_branch.clone(), id);
    repo.upstreams.insert(head_branch.clone(), Upstream { remote: "origin".into(), branch: head_branch.clone() });
    repo.head = Head::Branch(head_branch);
    repo.index = tree.clone();
    Some(Teammate { repo, work: tree })
}

const SHELL_HELP: &str = "This terminal runs git and a few shell commands:
  git ...                 the git commands listed by `git help`
  echo \"text\" > file      write a file (>> appends)
  cat FILE                show a file
  ls [-a]                 list files (-a shows the .env files)
  config check [ENV]      lint the .env profiles (development, staging, production)
  config compare          the three profiles side by side
  python main.py          run the chatbot locally (APP_ENV=staging python main.py for another profile;
                          KEY=value python main.py overrides the file); stop it with Ctrl+C or `stop`
  curl URL                call a server: curl localhost:8000/ ; curl -i -X POST URL/chat -d '{\"message\": \"hi\"}'
  servers [NAME]          which commit runs where (the promotion ledger), or one server's config and deploy log
  logs [NAME]             a server's request log, filtered by its LOG_LEVEL
  deploy production       promote the commit staging runs to production
  topology [NAME]         minimal (local + production) or professional (+ development, staging)
  edit [NAME]             make one of the guide's prepared changes (a feature, a bug, a fix)
  gh pr create|list|view|checks|review|merge|close   pull requests on origin (GitHub CLI)
  gh run list|view ID --log                          the CI runs on pull requests
  protect BRANCH [--require-pr] [--approvals N] [--require-checks]   branch protection on origin
  clear                   clear the terminal
  undo                    take back the last command";
