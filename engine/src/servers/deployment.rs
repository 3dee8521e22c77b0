//! What a server runs: the code and configuration one start used, and how a
//! start becomes a running app or a crash with Python's traceback.

use crate::config::host::Host;

use serde::{Deserialize, Serialize};

use super::ServerName;
use crate::chatbot::{self, App};
use crate::config;
use crate::repo::{Tree, short};

/// What a server runs: the code and configuration it started with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deployment {
    /// The commit (for local: HEAD when started; `None` before any commit).
    pub commit: Option<String>,
    /// The commit's subject.
    pub subject: String,
    /// What it runs, for people: the short id, `-dirty` for an edited working tree.
    pub version: String,
    /// The branch it runs.
    pub branch: String,
    /// Whether Railway runs it (and sets `RAILWAY_GIT_COMMIT_SHA` and
    /// `RAILWAY_GIT_BRANCH`); `false` on your machine.
    #[serde(default)]
    pub railway: bool,
    /// `APP_ENV`.
    pub environment: String,
    /// The profile it loads (`.env.staging`).
    pub env_file: String,
    pub(super) env_text: Option<String>,
    pub(super) intents: Option<String>,
    pub(super) main_py: bool,
    /// main.py is not the one the tutor ships: the simulation cannot follow
    /// an edit of the program itself, and says so.
    #[serde(default)]
    pub main_py_edited: bool,
    /// Variables set in the process environment: they win over the file.
    pub overrides: Vec<(String, String)>,
    pub(super) overrides_by: String,
    /// How many of [`USERS`] a minute get a server error from this deployment.
    pub failing_users: u32,
    /// The address it listens on, and its config check findings, once started.
    #[serde(default = "unspecified")]
    pub(super) listen: Host,
    #[serde(default)]
    pub(super) findings: Vec<String>,
}

fn unspecified() -> Host {
    Host::known("0.0.0.0")
}

impl Deployment {
    pub(super) fn new(
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
            railway: name != ServerName::Local,
            environment: env.to_string(),
            env_text: tree.get(&env_file).cloned(),
            env_file,
            intents: tree.get("intents.json").cloned(),
            main_py: tree.contains_key("main.py"),
            main_py_edited: tree.get("main.py").is_some_and(|t| t != crate::project::MAIN_PY),
            overrides,
            overrides_by: by.to_string(),
            failing_users: 0,
            listen: unspecified(),
            findings: Vec::new(),
        }
    }

    /// Whether `other` runs exactly the same app (code that matters and config).
    pub(super) fn same_app(&self, other: &Self) -> bool {
        self.env_file == other.env_file
            && self.env_text == other.env_text
            && self.intents == other.intents
            && self.main_py == other.main_py
            && self.main_py_edited == other.main_py_edited
            && self.overrides == other.overrides
    }

    /// Starts it for the first time, counting how many users it will fail.
    pub(super) fn launch(&mut self) -> Result<App, StartError> {
        let app = self.start()?;
        self.failing_users = USERS.iter().filter(|m| app.fails(m)).count() as u32;
        Ok(app)
    }

    /// What the process environment holds for `key`: a variable set on the
    /// command line or the platform, then the ones Railway sets itself.
    pub fn env_var(&self, key: &str) -> Option<&str> {
        let own = self.overrides.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let railway = match key {
            _ if !self.railway => None,
            "RAILWAY_GIT_COMMIT_SHA" => self.commit.as_deref(),
            "RAILWAY_GIT_BRANCH" => Some(self.branch.as_str()),
            "DATABASE_URL" => super::data::database_of(&self.environment),
            _ => None,
        };
        own.or(railway)
    }

    /// `GET /`'s `version` and `branch`, as main.py computes them from the
    /// environment: `RAILWAY_GIT_COMMIT_SHA[:7]` or `dev`, `RAILWAY_GIT_BRANCH` or `local`.
    pub fn reported(&self) -> (String, String) {
        let version =
            self.env_var("RAILWAY_GIT_COMMIT_SHA").map_or_else(|| "dev".to_string(), |v| v.chars().take(7).collect());
        let branch = self.env_var("RAILWAY_GIT_BRANCH").unwrap_or("local").to_string();
        (version, branch)
    }

    /// What the tutor says about an edited main.py, when it is.
    pub fn main_py_notice(&self) -> Option<&'static str> {
        self.main_py_edited.then_some(
            "main.py differs from the one this tutor runs: the simulated server follows intents.json and the .env files, but not edits to the program itself, so it still answers as the original main.py",
        )
    }

    /// Starts the app as `python main.py` would, or says why it crashed.
    pub fn start(&self) -> Result<App, StartError> {
        if !self.main_py {
            return Err(StartError::NoMainPy);
        }
        let resolved = config::resolve(&self.env_file, self.env_text.as_deref(), &self.overrides, &self.overrides_by);
        if let Some(e) = resolved.errors.first() {
            return Err(StartError::BadValue(e.clone()));
        }
        let text = self.intents.as_deref().ok_or(StartError::NoIntents)?;
        let intents = chatbot::load_intents(text).map_err(StartError::BadIntents)?;
        let (version, branch) = self.reported();
        Ok(App::new(&self.environment, resolved, intents, &version, &branch)
            .with_database(self.env_var("DATABASE_URL")))
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

/// Why the app did not start: what Python prints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// The deployed commit has no `main.py`.
    #[error("python: can't open file '/app/main.py': [Errno 2] No such file or directory")]
    NoMainPy,
    /// A profile value the app refuses (the `ValueError`'s text).
    #[error("Traceback (most recent call last):\n  File \"/app/main.py\", line 16, in <module>\nValueError: {0}")]
    BadValue(String),
    /// The deployed commit has no `intents.json`.
    #[error(
        "Traceback (most recent call last):\n  File \"/app/main.py\", line 22, in <module>\nFileNotFoundError: [Errno 2] No such file or directory: 'intents.json'"
    )]
    NoIntents,
    /// `intents.json` that `json.load` or `main.py` refuses (Python's message).
    #[error("Traceback (most recent call last):\n  File \"/app/main.py\", line 22, in <module>\n{0}")]
    BadIntents(String),
}

impl StartError {
    /// The traceback's last line: what a deploy log shows.
    pub fn last_line(&self) -> String {
        self.to_string().lines().last().unwrap_or_default().to_string()
    }
}
