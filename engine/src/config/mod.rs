//! Configuration: `.env` files read into the chatbot's typed settings, with
//! where each value came from, and the per-environment config check.

pub mod check;
pub mod commands;
pub mod dotenv;
pub mod float;
pub mod host;
pub mod profiles;

use host::Host;
use std::collections::BTreeMap;

use serde::Serialize;

pub use dotenv::{DotenvError, Parsed};

/// The keys the chatbot reads; anything else in a profile draws a warning.
pub const KEYS: &[&str] =
    &["API_DEBUG", "CORS_ORIGINS", "LOG_LEVEL", "CONFIDENCE_THRESHOLD", "API_HOST", "BACKEND_API_URL"];

/// Documented defaults, used when a key is missing.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("API_DEBUG", "false"),
    ("CORS_ORIGINS", ""),
    ("LOG_LEVEL", "INFO"),
    ("CONFIDENCE_THRESHOLD", "0.5"),
    ("API_HOST", "127.0.0.1"),
    ("BACKEND_API_URL", "http://127.0.0.1:8000"),
];

/// `LOG_LEVEL`: which records the app keeps, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum LogLevel {
    /// Everything, request details included.
    Debug,
    /// Requests and startup.
    Info,
    /// Things to look at.
    Warning,
    /// Failures.
    Error,
    /// Only what stops the app.
    Critical,
}

impl LogLevel {
    /// As Python's logging prints it: `DEBUG`, `WARNING`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Debug => "DEBUG",
            Self::Info => "INFO",
            Self::Warning => "WARNING",
            Self::Error => "ERROR",
            Self::Critical => "CRITICAL",
        }
    }
}

impl Cors {
    /// As the `.env` file writes it: `*`, or the origins comma-separated.
    pub fn text(&self) -> String {
        match self {
            Self::Any => "*".into(),
            Self::Origins(list) => list.join(","),
        }
    }
}

impl Source {
    /// Where the value came from, as `servers NAME` shows it.
    pub fn describe(&self) -> String {
        match self {
            Self::File { file, line } => format!("{file}:{line}"),
            Self::Override { by } => format!("{by} (wins over the file)"),
            Self::Default => "default".into(),
        }
    }
}

/// `CORS_ORIGINS`: which browser origins may read responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Cors {
    /// `*`: any origin.
    #[serde(serialize_with = "star")]
    Any,
    /// Only these origins.
    Origins(Vec<String>),
}

fn star<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("*")
}

/// The chatbot's settings, typed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    /// `API_DEBUG`: error details and scores in responses.
    pub api_debug: bool,
    /// `CORS_ORIGINS`.
    pub cors_origins: Cors,
    /// `LOG_LEVEL`.
    pub log_level: LogLevel,
    /// `CONFIDENCE_THRESHOLD`: below it, the fallback reply.
    pub confidence_threshold: f64,
    /// The threshold as Python prints `float(value)` (`0.3`, `1.0`), so
    /// showing it needs no float formatting.
    #[serde(skip)]
    pub threshold_repr: String,
    /// `API_HOST`: the address it listens on.
    pub api_host: Host,
    /// `BACKEND_API_URL`: the backend it names.
    pub backend_api_url: String,
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A line of a `.env` file.
    File {
        /// The file.
        file: String,
        /// The line (1-based).
        line: usize,
    },
    /// Set in the process environment (`KEY=value python main.py`, a platform
    /// variable): it wins over the file, as with dotenv.
    Override {
        /// Who set it (`command line`, `platform variable`).
        by: String,
    },
    /// Not set anywhere: the app's default.
    Default,
}

/// A profile read and typed: the config, each key's source, and what was wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    /// The typed settings.
    pub config: Config,
    /// Where each key's value came from.
    pub sources: BTreeMap<String, Source>,
    /// Values the app would refuse to start with.
    pub errors: Vec<String>,
    /// Keys it does not know, and the like.
    pub warnings: Vec<String>,
}

fn parse_url(v: &str) -> Option<String> {
    let rest = v.strip_prefix("http://").or_else(|| v.strip_prefix("https://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && !host.contains(' ')).then(|| v.to_string())
}

fn parse_origin(v: &str) -> Option<String> {
    let url = parse_url(v)?;
    let after_scheme = url.split_once("://")?.1;
    (!after_scheme.contains('/')).then_some(url)
}

/// Types one value, or explains the fix.
fn apply(c: &mut Config, key: &str, v: &str) -> Result<(), String> {
    match key {
        "API_DEBUG" => {
            // main.py: `os.getenv("API_DEBUG", "false") == "true"` — only
            // exactly `true` turns it on (resolve warns about `True`).
            c.api_debug = v == "true";
        }
        "CORS_ORIGINS" => {
            c.cors_origins = if v.trim() == "*" {
                Cors::Any
            } else {
                let mut origins = Vec::new();
                for o in v.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                    origins.push(parse_origin(o).ok_or_else(|| {
                        format!("CORS_ORIGINS: `{o}` is not an origin; write scheme://host[:port] with no path or trailing slash, e.g. https://staging-app.netlify.app")
                    })?);
                }
                Cors::Origins(origins)
            };
        }
        "LOG_LEVEL" => {
            c.log_level = match v.to_ascii_uppercase().as_str() {
                "DEBUG" => LogLevel::Debug,
                "INFO" => LogLevel::Info,
                "WARNING" | "WARN" => LogLevel::Warning,
                "ERROR" => LogLevel::Error,
                "CRITICAL" => LogLevel::Critical,
                _ => return Err(format!("LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not `{v}`")),
            };
        }
        "CONFIDENCE_THRESHOLD" => {
            let t = float::parse(v)
                .ok_or_else(|| format!("CONFIDENCE_THRESHOLD must be a number between 0 and 1, not `{v}`"))?;
            if !(0.0..=1.0).contains(&t) {
                return Err(format!("CONFIDENCE_THRESHOLD must be between 0 and 1, not {v}"));
            }
            c.confidence_threshold = t;
            c.threshold_repr = py_repr(v.trim());
        }
        "API_HOST" => {
            c.api_host = Host::parse(v)
                .ok_or_else(|| format!("API_HOST must be an IP address such as 0.0.0.0 or 127.0.0.1, not `{v}`"))?;
        }
        "BACKEND_API_URL" => {
            c.backend_api_url =
                parse_url(v).ok_or_else(|| format!("BACKEND_API_URL must be an http:// or https:// URL, not `{v}`"))?;
        }
        _ => {}
    }
    Ok(())
}

/// Python's `repr(float(text))` for plain decimals (`.50` → `0.5`, `1` →
/// `1.0`); anything fancier (exponents, many digits) is shown as written.
fn py_repr(text: &str) -> String {
    let t = text.strip_prefix('+').unwrap_or(text);
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let plain = !t.is_empty() && t != "." && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
    if !plain || int.len() + frac.len() > 15 {
        return text.to_string();
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    format!("{}.{}", if int.is_empty() { "0" } else { int }, if frac.is_empty() { "0" } else { frac })
}

fn defaults() -> Config {
    Config {
        api_debug: false,
        cors_origins: Cors::Origins(Vec::new()),
        log_level: LogLevel::Info,
        confidence_threshold: 0.5,
        threshold_repr: "0.5".into(),
        api_host: Host::known("127.0.0.1"),
        backend_api_url: "http://127.0.0.1:8000".into(),
    }
}

/// Reads profile `file` (its text, if the file exists), then applies
/// `overrides` (`KEY=value` from the command line or the platform, named by `by`).
pub fn resolve(file: &str, text: Option<&str>, overrides: &[(String, String)], by: &str) -> Resolved {
    let parsed = text.map(|t| dotenv::parse(file, t)).unwrap_or_default();
    let mut errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    let mut warnings = parsed.warnings.clone();
    if text.is_none() {
        warnings.push(format!("{file} does not exist; every setting takes its default"));
    }
    let mut config = defaults();
    let mut sources = BTreeMap::new();
    for key in KEYS {
        let from_override = overrides.iter().rev().find(|(k, _)| k == key);
        let (value, source) = match (from_override, parsed.get(key)) {
            (Some((_, v)), _) => (v.clone(), Source::Override { by: by.to_string() }),
            (None, Some(e)) => (e.value.clone(), Source::File { file: file.to_string(), line: e.line }),
            (None, None) => {
                let d = DEFAULTS.iter().find(|(k, _)| k == key).map_or("", |(_, d)| *d);
                if text.is_some() {
                    warnings.push(format!(
                        "{key} is not set in {file}; using the default {}",
                        if d.is_empty() { "(no origins)" } else { d }
                    ));
                }
                (d.to_string(), Source::Default)
            }
        };
        if *key == "API_DEBUG" && value != "true" && value != "false" {
            warnings.push(format!(
                "API_DEBUG={value}: main.py turns debug on only for exactly `true`, so this leaves it off; write true or false"
            ));
        }
        match apply(&mut config, key, &value) {
            Ok(()) => {}
            Err(e) => errors.push(match &source {
                Source::File { file, line } => format!("{file}:{line}: {e}"),
                _ => e,
            }),
        }
        sources.insert((*key).to_string(), source);
    }
    for e in &parsed.entries {
        if !KEYS.contains(&e.key.as_str()) && !matches!(e.key.as_str(), "APP_ENV" | "PORT") {
            let hint = KEYS
                .iter()
                .find(|k| k.replace('_', "").eq_ignore_ascii_case(&e.key.replace('_', "")))
                .map(|k| format!(" (did you mean {k}?)"))
                .unwrap_or_default();
            warnings.push(format!("{file}:{}: unknown key {}{hint}; the chatbot ignores it", e.line, e.key));
        }
    }
    Resolved { config, sources, errors, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project;

    #[test]
    fn seed_profiles_load_to_their_typed_configs() {
        let dev = resolve(".env.development", Some(project::ENV_DEVELOPMENT), &[], "");
        assert!(dev.errors.is_empty() && dev.warnings.is_empty(), "{dev:?}");
        assert!(dev.config.api_debug);
        assert_eq!(dev.config.cors_origins, Cors::Any);
        assert_eq!(dev.config.log_level, LogLevel::Debug);
        assert!((dev.config.confidence_threshold - 0.3).abs() < f64::EPSILON);
        assert_eq!(dev.config.api_host.to_string(), "127.0.0.1");
        assert_eq!(dev.config.backend_api_url, "http://127.0.0.1:8000");

        let stg = resolve(".env.staging", Some(project::ENV_STAGING), &[], "");
        assert!(stg.errors.is_empty(), "{stg:?}");
        assert!(stg.config.api_debug);
        assert_eq!(stg.config.cors_origins, Cors::Origins(vec!["https://staging-app.netlify.app".into()]));
        assert_eq!(stg.config.log_level, LogLevel::Info);
        assert_eq!(stg.config.api_host.to_string(), "0.0.0.0");

        let prod = resolve(".env.production", Some(project::ENV_PRODUCTION), &[], "");
        assert!(prod.errors.is_empty(), "{prod:?}");
        assert!(!prod.config.api_debug);
        assert_eq!(prod.config.log_level, LogLevel::Error);
        assert_eq!(prod.config.backend_api_url, "https://smart-chatbot.railway.app");
        assert_eq!(prod.sources["LOG_LEVEL"], Source::File { file: ".env.production".into(), line: 4 });
    }

    #[test]
    fn thresholds_print_as_python_floats() {
        for (text, repr) in
            [("0.3", "0.3"), (".50", "0.5"), ("1", "1.0"), ("00.25", "0.25"), ("0", "0.0"), ("5e-1", "5e-1")]
        {
            assert_eq!(py_repr(text), repr, "{text}");
        }
    }

    #[test]
    fn overrides_win_and_say_so() {
        let r = resolve(
            ".env.development",
            Some(project::ENV_DEVELOPMENT),
            &[("API_DEBUG".into(), "false".into())],
            "command line",
        );
        assert!(!r.config.api_debug);
        assert_eq!(r.sources["API_DEBUG"], Source::Override { by: "command line".into() });
    }

    #[test]
    fn bad_values_missing_and_unknown_keys() {
        let r = resolve(
            ".env.x",
            Some("API_DEBUG=yes\nCONFIDENCE_THRESHOLD=1.5\nCORS_ORIGINS=https://a.app/\nLOGLEVEL=INFO\n"),
            &[],
            "",
        );
        assert_eq!(r.errors.len(), 2, "{:?}", r.errors);
        // main.py reads any value; only exactly `true` turns debug on.
        assert!(!r.config.api_debug);
        assert!(r.warnings.iter().any(|w| w.contains("API_DEBUG=yes: main.py turns debug on only for exactly `true`")));
        assert!(r.warnings.iter().any(|w| w.contains("unknown key LOGLEVEL (did you mean LOG_LEVEL?)")));
        assert!(r.warnings.iter().any(|w| w.contains("API_HOST is not set in .env.x; using the default 127.0.0.1")));
        assert_eq!(r.sources["API_HOST"], Source::Default);
    }
}
