//! The seed's two setups and the four servers they are made of: names, hosts,
//! URLs, the profile each runs and the branch each deploys.

use serde::{Deserialize, Serialize};

use crate::config::check::Env;

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
    /// `minimal` or `professional`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "minimal" => Some(Self::Minimal),
            "professional" => Some(Self::Professional),
            _ => None,
        }
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Minimal => "minimal",
            Self::Professional => "professional",
        }
    }

    /// The other setup (what the switch offers).
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Minimal => Self::Professional,
            Self::Professional => Self::Minimal,
        }
    }

    /// Its servers, in promotion order.
    pub fn servers(self) -> &'static [ServerName] {
        match self {
            Self::Minimal => &[ServerName::Local, ServerName::Production],
            Self::Professional => &ServerName::ALL,
        }
    }
}

/// The four named servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServerName {
    /// Your laptop.
    Local,
    /// The team's server.
    Development,
    /// Production's twin.
    Staging,
    /// The users' server.
    Production,
}

impl ServerName {
    /// All four, in promotion order.
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

    /// `local`, `development`, `staging`, `production`.
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

    /// Its URL.
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
    pub(crate) fn branch(self) -> &'static str {
        match self {
            Self::Development => "development",
            _ => "main",
        }
    }
}
