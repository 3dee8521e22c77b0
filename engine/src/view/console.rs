//! The request console on each server card: a few fields fill in a `curl`
//! line (what the terminal runs), and the engine explains what the server's
//! profile did to the answer — CORS, debug, the confidence threshold, and the
//! log lines its `LOG_LEVEL` let through — by asking the server's own app.

use crate::action::Action;
use crate::chatbot::http::Curl;
use crate::chatbot::json_write::Obj;
use crate::chatbot::{Client, LogLine, scores};
use crate::servers::ServerName;
use crate::world::World;

/// The methods the console offers: the app's two endpoints, and a browser's preflight.
pub const METHODS: [&str; 3] = ["GET", "POST", "OPTIONS"];

/// The `curl` line for a console request to `url`: `-i` so the headers (CORS
/// among them) show, a JSON body for `POST`, and a browser's preflight
/// headers for `OPTIONS`.
pub fn line(url: &str, method: &str, path: &str, origin: &str, message: &str) -> String {
    let mut w: Vec<String> = vec!["curl".into(), "-i".into()];
    if method != "GET" {
        w.extend(["-X".into(), method.to_string()]);
    }
    if !origin.is_empty() {
        w.extend(["-H".into(), format!("Origin: {origin}")]);
    }
    if method == "OPTIONS" {
        w.extend(["-H".into(), "Access-Control-Request-Method: POST".into()]);
    }
    if method == "POST" {
        let body = Obj::new().str("message", message).finish();
        w.extend(["-H".into(), "Content-Type: application/json".into(), "-d".into(), body]);
    }
    let path = if path.starts_with('/') { path.to_string() } else { format!("/{path}") };
    w.push(format!("{}{path}", url.trim_end_matches('/')));
    crate::grammar::line(&w)
}

/// What one setting did to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effect {
    /// The setting (`CORS_ORIGINS`).
    pub key: &'static str,
    /// What it did, in a sentence.
    pub text: String,
}

/// A console request, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// The server's name (`production`).
    pub server: String,
    /// The `curl` line run.
    pub curl: String,
    /// What each setting did.
    pub effects: Vec<Effect>,
    /// The log lines this request wrote, as `logs NAME` prints them.
    pub logs: Vec<String>,
}

/// What the server at `url` does with this request under its profile, or why
/// it cannot answer. Read-only: the world is not changed (the page applies the
/// `curl` line itself, so the terminal shows the answer).
pub fn explain(world: &World, action: &Action) -> Result<Explained, String> {
    let Action::Curl(argv) = action else {
        return Err("not a curl request".into());
    };
    let curl: &Curl = argv.parsed();
    let url = curl.urls.first().ok_or("curl: no URL specified!")?;
    let req = curl.request(url, |_| None).map_err(|e| e.to_string())?;
    let server = world.servers().by_host(&req.host).ok_or_else(|| format!("no server at {}", req.host))?;
    let label = server.label();
    let app = server.app().ok_or_else(|| format!("{label} is not running: nothing answers"))?;
    let c = &app.config;
    let mut effects = Vec::new();
    let cors = c.cors_origins.text();
    effects.push(Effect {
        key: "CORS_ORIGINS",
        text: match req.header("origin") {
            None => "No Origin header: curl is not a browser page, so CORS does not apply.".into(),
            Some(o) if app.allows_origin(o) => format!(
                "{o} is allowed by CORS_ORIGINS={cors}: the answer carries Access-Control-Allow-Origin, so a page on {o} may read it."
            ),
            Some(o) => format!(
                "{o} is not in CORS_ORIGINS={cors}: no Access-Control-Allow-Origin header, so a browser blocks a page on {o} from reading the answer."
            ),
        },
    });
    effects.push(Effect {
        key: "API_DEBUG",
        text: if c.api_debug {
            "API_DEBUG=true: GET / also reports the database and backend it uses, and an error answers with its traceback.".into()
        } else {
            "API_DEBUG=false: GET / reports only environment, debug, version and branch; an error answers \"Internal Server Error\".".into()
        },
    });
    let path = req.path.split('?').next().unwrap_or("/");
    let message = req.body.as_deref().and_then(|b| crate::chatbot::json_read::parse(b).ok()).and_then(|v| {
        match v.get("message") {
            Some(crate::chatbot::json_read::Value::Str(m)) => Some(m.clone()),
            _ => None,
        }
    });
    effects.push(Effect {
        key: "CONFIDENCE_THRESHOLD",
        text: match (path, req.method.as_str(), message) {
            ("/chat", "POST", Some(m)) => {
                let d = app.decide(&scores(&m, &app.intents));
                let t = &c.threshold_repr;
                match (d.fallback, d.intent) {
                    (true, _) => format!("confidence {} < {t}: the fallback reply.", d.confidence),
                    (false, Some(i)) => format!("confidence {} ≥ {t}: the {} intent answers.", d.confidence, i.name),
                    (false, None) => {
                        format!("confidence {} ≥ {t} with no intent: main.py raises KeyError.", d.confidence)
                    }
                }
            }
            _ => format!("Only POST /chat with a message is classified (threshold {}).", c.threshold_repr),
        },
    });
    let mut lines: Vec<LogLine> = Vec::new();
    let local = server.name == ServerName::Local;
    app.handle(&req, Client { ip: if local { "127.0.0.1" } else { "203.0.113.7" } }, &mut lines);
    let level = c.log_level.name();
    let logs: Vec<String> = lines.iter().map(|l| format!("{}: {}", l.level.name(), l.text)).collect();
    effects.push(Effect {
        key: "LOG_LEVEL",
        text: match logs.len() {
            0 => format!("LOG_LEVEL={level}: this request wrote nothing to the log."),
            n => format!("LOG_LEVEL={level}: this request wrote {n} line{}:", if n == 1 { "" } else { "s" }),
        },
    });
    Ok(Explained { server: label, curl: action.to_line(), effects, logs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;

    #[test]
    fn production_refuses_a_foreign_origin_and_development_shows_debug() {
        let mut w = World::new();
        let prod = line("https://smart-chatbot.railway.app", "GET", "/", "https://evil.example", "");
        assert_eq!(prod, "curl -i -H 'Origin: https://evil.example' https://smart-chatbot.railway.app/");
        let get = |l: &str| crate::terminal::parse::action(l).unwrap();
        let e = explain(&w, &get(&prod)).unwrap();
        assert_eq!(e.server, "production");
        assert!(e.effects[0].text.contains("is not in CORS_ORIGINS="), "{:?}", e.effects[0]);
        assert!(e.effects[1].text.starts_with("API_DEBUG=false"));
        // The same line in the terminal: no allow-origin header.
        let out = w.run(&prod);
        assert!(out.ok && !out.output.contains("access-control-allow-origin:"), "{}", out.output);

        let dev = line("https://dev-chatbot.railway.app", "POST", "/chat", "", "what does it cost?");
        assert_eq!(
            dev,
            "curl -i -X POST -H 'Content-Type: application/json' -d '{\"message\":\"what does it cost?\"}' https://dev-chatbot.railway.app/chat"
        );
        let e = explain(&w, &get(&dev)).unwrap();
        assert!(e.effects[1].text.starts_with("API_DEBUG=true"));
        assert!(e.effects[2].text.contains("≥") || e.effects[2].text.contains('<'), "{:?}", e.effects[2]);
        assert!(e.logs.iter().any(|l| l.starts_with("DEBUG: classify")), "{:?}", e.logs);
        assert!(w.run(&dev).ok);

        let local = line("http://localhost:8000", "GET", "/", "", "");
        assert!(explain(&w, &get(&local)).unwrap_err().contains("not running"));
    }
}
