//! The simulated world — the learner's clone and working tree, `origin` with
//! GitHub's side of it, a teammate's clone, the servers — and [`World::apply`],
//! the only way it changes. Each action runs against a narrow context of the
//! fields it may touch (`git::Ctx`, `gh::Ctx`, `servers::commands::Ctx`).

mod teammate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::action::{Action, Apply};
use crate::clock;
use crate::git::{self, GitCommand, GitError};
use crate::github::{Hub, gh};
use crate::outcome::{Event, Outcome};
use crate::project;
use crate::repo::{Commit, Head, Repo, Tree, Upstream};
use crate::servers::{self, Servers};
use crate::terminal::builtins;

pub use teammate::Teammate;

/// Bumped whenever the serialised form changes incompatibly.
pub const SCHEMA_VERSION: u32 = 2;

/// The learner's git identity.
pub const LEARNER: &str = "You <you@example.com>";
/// The teammate's git identity.
pub const TEAMMATE: &str = "Sam Teammate <sam@example.com>";
/// The URL of `origin` in the default start (as `git remote -v` shows it).
pub const ORIGIN_URL: &str = "https://github.com/you/smart-chatbot.git";

/// The whole simulated world. Plain state: read it through its accessors,
/// change it only with [`World::apply`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct World {
    schema_version: u32,
    /// Virtual seconds since the epoch; advances one minute per commit.
    clock: u64,
    /// The learner's repository; `None` before `git init` in an empty start.
    local: Option<Repo>,
    /// The learner's working directory.
    work: Tree,
    origin: Repo,
    teammate: Option<Teammate>,
    /// The environments and what each runs.
    #[serde(default)]
    servers: Servers,
    /// GitHub's side of origin: pull requests, CI runs, branch protection.
    #[serde(default)]
    hub: Hub,
    /// The learner's global git settings (`~/.gitconfig`): their identity.
    #[serde(default = "learner_config")]
    global_config: BTreeMap<String, String>,
}

/// `~/.gitconfig` as the learner's machine has it: `You <you@example.com>`.
fn learner_config() -> BTreeMap<String, String> {
    git::config::settings_for(LEARNER)
}

/// Deploy counts before an action: the four named servers, then previews.
struct DeployCounts {
    named: [usize; 4],
    previews: Vec<(Option<u32>, usize)>,
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
        local.log_head("commit (initial): Initial commit");
        Self {
            schema_version: SCHEMA_VERSION,
            clock: clock::START,
            local: Some(local),
            work: tree,
            servers: Servers::new(&origin, clock::START),
            origin,
            teammate: None,
            hub: Hub::default(),
            global_config: learner_config(),
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
            global_config: learner_config(),
        }
    }

    /// The learner's repository, once there is one.
    pub fn local(&self) -> Option<&Repo> {
        self.local.as_ref()
    }

    /// The learner's working tree.
    pub fn work(&self) -> &Tree {
        &self.work
    }

    /// `origin`, the repository on GitHub.
    pub fn origin(&self) -> &Repo {
        &self.origin
    }

    /// The teammate's clone, once they have run something.
    pub fn teammate(&self) -> Option<&Teammate> {
        self.teammate.as_ref()
    }

    /// The environments.
    pub fn servers(&self) -> &Servers {
        &self.servers
    }

    /// Pull requests, CI runs and branch protection.
    pub fn hub(&self) -> &Hub {
        &self.hub
    }

    /// The virtual clock, in seconds.
    pub fn clock(&self) -> u64 {
        self.clock
    }

    /// The learner's HEAD.
    pub fn head(&self) -> Option<&Head> {
        self.local.as_ref().map(Repo::head)
    }

    /// How many deploys each server has made, to tell which deployed during
    /// an action. Once per action, so no allocation unless previews exist.
    fn deploy_counts(&self) -> DeployCounts {
        let mut named = [0; 4];
        for (n, s) in named.iter_mut().zip(&self.servers.list) {
            *n = s.history.len();
        }
        DeployCounts { named, previews: self.servers.previews.iter().map(|s| (s.preview, s.history.len())).collect() }
    }

    /// What the platforms do after every action: pull requests follow their
    /// branches, servers deploy what was pushed, production's users try the app.
    fn after(&mut self, outcome: &mut Outcome, before: &DeployCounts) {
        let mut notes = self.hub.sync(&self.origin, self.clock);
        notes.extend(self.servers.sync(&self.origin, self.clock));
        notes.extend(self.servers.sync_previews(&self.hub.open_heads(), &self.origin, self.clock));
        outcome.append(&notes);
        self.servers.tick(self.clock);
        for (i, s) in self.servers.all().enumerate() {
            let was = match s.preview {
                None => before.named.get(i).copied().unwrap_or(0),
                Some(_) => before.previews.iter().find(|(p, _)| *p == s.preview).map_or(0, |b| b.1),
            };
            if s.history.len() > was
                && let Some(commit) = s.history.last()
            {
                outcome.events.push(Event::Deployed { server: s.label(), commit: commit.clone() });
            }
        }
    }

    /// Performs an action as `author` in this world's clone.
    fn perform(&mut self, action: &Action, author: &str) -> Outcome {
        match action {
            Action::Git(a) => self.git(a.parsed(), author),
            Action::Gh(a) => self.gh_ctx(author).run(a.parsed()),
            Action::Curl(a) => self.servers_ctx().curl(a.parsed()),
            Action::RunLocal(vars) => self.servers_ctx().run_local(vars),
            Action::StopLocal => self.servers_ctx().stop_local(),
            Action::Promote(rev) => self.servers_ctx().deploy(rev.as_deref()),
            Action::Servers(c) => self.servers_ctx().servers(c),
            Action::Logs(s) => self.servers_ctx().logs(s.as_deref()),
            Action::Topology(t) => self.servers_ctx().topology(*t),
            Action::Protect(c) => c.run(&mut self.hub.protection, &self.origin),
            Action::Config(c) => c.run(&self.work),
            Action::Edit(name) => project::edit(&mut self.work, name.as_deref()).into(),
            Action::WriteFile { path, text, append } => builtins::write_file(&mut self.work, path, text, *append),
            Action::RemoveFiles { paths, force, recursive } => {
                builtins::remove(&mut self.work, paths, (*force, *recursive))
            }
            Action::Shell(b) => builtins::run(b, &self.work, self.local.is_some()),
            Action::Undo => Outcome::err("undo: nothing to undo"),
            Action::Reset => Outcome::err("reset: this world has no start to go back to"),
            Action::Teammate(inner) => self.as_teammate(inner),
        }
    }

    fn git(&mut self, cmd: &GitCommand, author: &str) -> Outcome {
        if let GitCommand::Config(a) = cmd {
            // Global settings need no repository; the repository's do.
            let mut outside = BTreeMap::new();
            let local = match (self.local.as_mut(), a.scope) {
                (Some(repo), _) => &mut repo.config,
                (None, Some(git::config::Scope::Global)) => &mut outside,
                (None, _) => return Outcome::err(GitError::NotARepo.to_string()),
            };
            return git::config::run(a, local, &mut self.global_config).into();
        }
        let Some(repo) = self.local.as_mut() else {
            if matches!(cmd, GitCommand::Init) {
                self.local = Some(Repo::init(false));
                return Outcome::ok("Initialized empty Git repository in /home/you/chatbot/.git/");
            }
            return Outcome::err(GitError::NotARepo.to_string());
        };
        let mut ctx = git::Ctx {
            repo,
            origin: &mut self.origin,
            work: &mut self.work,
            clock: &mut self.clock,
            author,
            hook: &self.hub.protection,
        };
        cmd.run(&mut ctx).into()
    }

    fn gh_ctx<'a>(&'a mut self, author: &'a str) -> gh::Ctx<'a> {
        gh::Ctx {
            hub: &mut self.hub,
            origin: &mut self.origin,
            local: self.local.as_mut(),
            work: &mut self.work,
            clock: &mut self.clock,
            author,
        }
    }

    /// Who commits in this world's clone: its settings, then the global
    /// ones, then `default`.
    fn identity(&self, default: &'static str) -> std::borrow::Cow<'static, str> {
        let empty = BTreeMap::new();
        let local = self.local.as_ref().map_or(&empty, |r| &r.config);
        // Every command asks: settings that only repeat `default` cost nothing.
        let (name, email) = git::config::ident_parts(default);
        let global = |k: &str| self.global_config.get(k).map(String::as_str);
        if local.is_empty() && global("user.name") == Some(name) && global("user.email") == Some(email) {
            return default.into();
        }
        git::config::identity(local, &self.global_config, default).into()
    }

    fn servers_ctx(&mut self) -> servers::commands::Ctx<'_> {
        servers::commands::Ctx {
            servers: &mut self.servers,
            origin: &self.origin,
            local: self.local.as_ref(),
            work: &self.work,
            now: self.clock,
        }
    }
}

impl World {
    /// Applies an action as the learner, then lets the platforms react: the
    /// only way the world changes.
    pub fn apply(&mut self, action: &Action) -> Outcome {
        let before = self.deploy_counts();
        let me = self.identity(LEARNER);
        let mut outcome = self.perform(action, &me);
        self.after(&mut outcome, &before);
        outcome
    }
}

impl Apply for World {
    fn apply(&mut self, action: &Action) -> Outcome {
        World::apply(self, action)
    }
}
