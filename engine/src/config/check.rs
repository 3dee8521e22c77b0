//! `config check`: a linter for each environment's profile. Every finding says
//! how bad it is, why, and how to fix it.

use serde::Serialize;

use super::{Config, Cors, LogLevel};
use crate::repo::Tree;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check.
    Error,
    /// Worth fixing.
    Warning,
}

/// One thing the check found in a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The key.
    pub key: &'static str,
    /// What is wrong.
    pub reason: String,
    /// How to fix it.
    pub fix: String,
}

/// What `config check` prints for these profiles as `files` holds them: a line
/// per profile, then its errors, warnings and findings with their fixes. The
/// flag is `false` when anything is an error. The terminal command and the CI
/// job both print this.
pub fn report(files: &Tree, envs: &[Env]) -> (bool, Vec<String>) {
    let mut out = Vec::new();
    let mut ok = true;
    for &env in envs {
        let file = env.file();
        let r = super::resolve(&file, files.get(&file).map(String::as_str), &[], "");
        // Development runs on your laptop; the other profiles run on servers.
        let findings = check(env, &r.config, env != Env::Development);
        let problems = r.errors.len() + findings.len();
        out.push(if problems == 0 { format!("✓ {file}: no problems") } else { format!("✗ {file}:") });
        for e in &r.errors {
            ok = false;
            out.push(format!("  error: {e}"));
        }
        for w in &r.warnings {
            out.push(format!("  warning: {w}"));
        }
        for f in findings {
            ok &= f.severity != Severity::Error;
            let sev = if f.severity == Severity::Error { "error" } else { "warning" };
            out.push(format!("  {sev}: {}: {}\n    fix: {}", f.key, f.reason, f.fix));
        }
    }
    (ok, out)
}

/// The environments a profile can serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Env {
    /// `.env.development`: laptops and the development server.
    Development,
    /// `.env.staging`: production's twin.
    Staging,
    /// `.env.production`: the users.
    Production,
}

impl Env {
    /// The three, in the guide's order.
    pub const ALL: [Self; 3] = [Self::Development, Self::Staging, Self::Production];

    /// `development`/`dev`, `staging`, `production`/`prod`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "development" | "dev" => Some(Self::Development),
            "staging" => Some(Self::Staging),
            "production" | "prod" => Some(Self::Production),
            _ => None,
        }
    }

    /// `development`, `staging`, `production`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Development => "development",
            Self::Staging => "staging",
            Self::Production => "production",
        }
    }

    /// Its profile's file name.
    pub fn file(self) -> String {
        format!(".env.{}", self.name())
    }

    /// The backend URL host each environment should point at (DESIGN.md §2).
    fn own_backend(self) -> &'static str {
        match self {
            Self::Development => "127.0.0.1",
            Self::Staging => "staging-chatbot.railway.app",
            Self::Production => "smart-chatbot.railway.app",
        }
    }
}

/// Lints `config` for `env`. `remote` is true when it runs on a server
/// (not your laptop), where binding to 127.0.0.1 hides the app.
pub fn check(env: Env, config: &Config, remote: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |severity, key, reason: &str, fix: &str| {
        out.push(Finding { severity, key, reason: reason.to_string(), fix: fix.to_string() });
    };
    if env == Env::Production && config.api_debug {
        push(
            Severity::Error,
            "API_DEBUG",
            "debug is on in production: error responses show tracebacks and internals to real users",
            "set API_DEBUG=false in .env.production",
        );
    }
    if config.cors_origins == Cors::Any && env != Env::Development {
        let sev = if env == Env::Production { Severity::Error } else { Severity::Warning };
        push(
            sev,
            "CORS_ORIGINS",
            "CORS_ORIGINS=* lets any website call this API from a visitor's browser",
            "list only your frontend's origin, e.g. CORS_ORIGINS=https://smart-chatbot-demo.netlify.app",
        );
    }
    if env == Env::Production && config.log_level == LogLevel::Debug {
        push(
            Severity::Warning,
            "LOG_LEVEL",
            "DEBUG logs in production are noisy, slow and may record user data",
            "use LOG_LEVEL=ERROR (or WARNING) in production",
        );
    }
    if remote && config.api_host.is_loopback() {
        push(
            Severity::Error,
            "API_HOST",
            "API_HOST=127.0.0.1 on a server: the app only listens to itself and is unreachable from outside",
            "bind to all interfaces: API_HOST=0.0.0.0",
        );
    }
    let host = config.backend_api_url.split("://").nth(1).unwrap_or("").split(['/', ':']).next().unwrap_or("");
    let others = [Env::Development, Env::Staging, Env::Production].into_iter().filter(|e| *e != env);
    for other in others {
        let points_there = host == other.own_backend() || (other == Env::Development && host == "localhost");
        if points_there {
            push(
                Severity::Error,
                "BACKEND_API_URL",
                &format!("BACKEND_API_URL points at the {} environment ({host}), not {}", other.name(), env.name()),
                &format!("point it at this environment's own backend ({})", env.own_backend()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::resolve;
    use crate::project;

    fn cfg(text: &str) -> Config {
        resolve(".env", Some(text), &[], "").config
    }

    #[test]
    fn the_seed_profiles_pass_where_they_belong() {
        assert!(check(Env::Development, &cfg(project::ENV_DEVELOPMENT), false).is_empty());
        assert!(check(Env::Staging, &cfg(project::ENV_STAGING), true).is_empty());
        assert!(check(Env::Production, &cfg(project::ENV_PRODUCTION), true).is_empty());
    }

    #[test]
    fn development_profile_in_production_is_flagged_for_every_reason() {
        let found = check(Env::Production, &cfg(project::ENV_DEVELOPMENT), true);
        let keys: Vec<&str> = found.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["API_DEBUG", "CORS_ORIGINS", "LOG_LEVEL", "API_HOST", "BACKEND_API_URL"]);
        assert!(found.iter().all(|f| !f.fix.is_empty()));
    }

    #[test]
    fn staging_pointing_at_production_is_caught() {
        let found =
            check(Env::Staging, &cfg("BACKEND_API_URL=https://smart-chatbot.railway.app\nAPI_HOST=0.0.0.0\n"), true);
        assert_eq!(found.len(), 1);
        assert!(found[0].reason.contains("points at the production environment"));
    }
}
