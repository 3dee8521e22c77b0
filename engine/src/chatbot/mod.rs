//! The chatbot every server runs: `intents.json` read from the deployed
//! commit, a deterministic keyword classifier, and the two endpoints of the
//! guide's app (`GET /`, `POST /chat`), with `FastAPI`'s and `Starlette`'s
//! behaviour for errors and CORS.

use std::collections::BTreeMap;

pub mod case;
pub mod http;
pub mod intents;
pub mod json_read;
pub mod json_write;

pub use intents::{FALLBACK, Intent, Score, load_intents, scores, tokens, winner};

use crate::config::{Config, Cors, LogLevel, Resolved, Source};
use http::{Request, Response};
use json_read::Value;
use json_write::Obj;

/// main.py's `DATABASE_URL` when the environment sets none: a local file.
pub const DEFAULT_DATABASE: &str = "sqlite:///fake-test-data.db";

/// Who is asking: the tutor's terminal, or simulated users of production.
#[derive(Debug, Clone, Copy)]
pub struct Client<'a> {
    /// The client's address, as the app sees it.
    pub ip: &'a str,
}

/// One log record, kept only if at or above the app's `LOG_LEVEL`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LogLine {
    /// Its level.
    pub level: LogLevel,
    /// Its text.
    pub text: String,
}

/// What the app decided about one message.
#[derive(Debug, Clone, Copy)]
pub struct Decision<'a> {
    /// The best-scoring intent, if any keyword matched (or the first, on ties).
    pub intent: Option<&'a Intent>,
    /// Its score.
    pub confidence: Score,
    /// Below `CONFIDENCE_THRESHOLD`: the fallback reply.
    pub fallback: bool,
}

/// A started app: its settings and intents, and what `GET /` reports.
#[derive(Debug, Clone)]
pub struct App {
    /// `APP_ENV`.
    pub environment: String,
    /// Its settings.
    pub config: Config,
    /// Where each setting came from.
    pub sources: BTreeMap<String, Source>,
    /// What intents.json holds.
    pub intents: Vec<Intent>,
    /// `GET /`'s `version`.
    pub version: String,
    /// `GET /`'s `branch`.
    pub branch: String,
    /// `DATABASE_URL` as the process sees it (main.py's default when unset).
    pub database: String,
}

impl App {
    /// An app started with these settings and intents.
    pub fn new(environment: &str, resolved: Resolved, intents: Vec<Intent>, version: &str, branch: &str) -> Self {
        Self {
            environment: environment.to_string(),
            config: resolved.config,
            sources: resolved.sources,
            intents,
            version: version.to_string(),
            branch: branch.to_string(),
            database: DEFAULT_DATABASE.to_string(),
        }
    }

    /// The same app, with `DATABASE_URL` set in its environment.
    #[must_use]
    pub fn with_database(mut self, url: Option<&str>) -> Self {
        self.database = url.unwrap_or(DEFAULT_DATABASE).to_string();
        self
    }

    /// Whether `CORS_ORIGINS` lets a browser page on `origin` read the answers.
    pub fn allows_origin(&self, origin: &str) -> bool {
        match &self.config.cors_origins {
            Cors::Any => true,
            Cors::Origins(list) => list.iter().any(|o| o == origin),
        }
    }

    fn log(&self, logs: &mut Vec<LogLine>, level: LogLevel, text: String) {
        if level >= self.config.log_level {
            logs.push(LogLine { level, text });
        }
    }

    /// Handles one request the way `FastAPI` behind `Starlette`'s CORS middleware
    /// would, logging into `logs`.
    pub fn handle(&self, req: &Request, client: Client, logs: &mut Vec<LogLine>) -> Response {
        let origin = req.header("origin").map(str::to_string);
        let preflight =
            req.method == "OPTIONS" && origin.is_some() && req.header("access-control-request-method").is_some();
        let resp = if preflight {
            self.preflight(req, origin.as_deref().unwrap_or_default())
        } else {
            // Starlette's CORSMiddleware: `*` for any origin, the origin
            // itself when listed, and `Vary: Origin` on every answer.
            let mut r = self.route(req, logs);
            // An unhandled exception is answered by Starlette's outermost
            // error middleware, outside CORS: no CORS headers at all.
            if r.status == 500 {
                return self.finish(r, client, req, logs);
            }
            match (&origin, &self.config.cors_origins) {
                (Some(_), Cors::Any) => r.headers.push(("access-control-allow-origin".into(), "*".into())),
                (Some(o), _) if self.allows_origin(o) => {
                    r.headers.push(("access-control-allow-origin".into(), o.clone()));
                }
                _ => {}
            }
            r.headers.push(("vary".into(), "Origin".into()));
            r
        };
        if let Some(o) = &origin
            && !self.allows_origin(o)
        {
            self.log(logs, LogLevel::Debug, format!("CORS: origin {o} is not in CORS_ORIGINS"));
        }
        self.finish(resp, client, req, logs)
    }

    /// uvicorn's access log line and `server` header.
    fn finish(&self, mut resp: Response, client: Client, req: &Request, logs: &mut Vec<LogLine>) -> Response {
        let line =
            format!("{}:51234 - \"{} {} HTTP/1.1\" {} {}", client.ip, req.method, req.path, resp.status, resp.reason);
        self.log(logs, LogLevel::Info, line);
        resp.headers.insert(0, ("server".into(), "uvicorn".into()));
        resp
    }

    /// Starlette 1.10's preflight answer (`allow_methods=["*"]`, `allow_headers=["*"]`).
    fn preflight(&self, req: &Request, origin: &str) -> Response {
        const METHODS: [&str; 8] = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY"];
        let mut headers: Vec<(String, String)> = vec![(
            "vary".into(),
            "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network"
                .into(),
        )];
        let any = self.config.cors_origins == Cors::Any;
        if any {
            headers.push(("access-control-allow-origin".into(), "*".into()));
        }
        headers.push(("access-control-allow-methods".into(), METHODS.join(", ")));
        headers.push(("access-control-max-age".into(), "600".into()));
        let mut failures = Vec::new();
        if !self.allows_origin(origin) {
            failures.push("origin");
        } else if !any {
            headers.push(("access-control-allow-origin".into(), origin.into()));
        }
        if !req.header("access-control-request-method").is_some_and(|m| METHODS.contains(&m)) {
            failures.push("method");
        }
        if let Some(h) = req.header("access-control-request-headers") {
            headers.push(("access-control-allow-headers".into(), h.to_string()));
        }
        if req.header("access-control-request-private-network").is_some() {
            failures.push("private-network");
        }
        let mut r = if failures.is_empty() {
            Response::text(200, "OK")
        } else {
            Response::text(400, &format!("Disallowed CORS {}", failures.join(", ")))
        };
        r.headers.extend(headers);
        r
    }

    fn route(&self, req: &Request, logs: &mut Vec<LogLine>) -> Response {
        let path = req.path.split('?').next().unwrap_or("/");
        match (path, req.method.as_str()) {
            ("/", "GET" | "HEAD") => {
                let info = Obj::new()
                    .str("environment", &self.environment)
                    .bool("debug", self.config.api_debug)
                    .str("version", &self.version)
                    .str("branch", &self.branch);
                // main.py adds where the data and the APIs are in debug mode.
                let info = if self.config.api_debug {
                    info.str("database", &self.database).str("backend", &self.config.backend_api_url)
                } else {
                    info
                };
                Response::json(200, info)
            }
            ("/chat", "POST") => self.chat(req, logs),
            ("/", _) => method_not_allowed("GET"),
            ("/chat", _) => method_not_allowed("POST"),
            _ => Response::json(404, Obj::new().str("detail", "Not Found")),
        }
    }

    fn chat(&self, req: &Request, logs: &mut Vec<LogLine>) -> Response {
        let body = req.body.as_deref().unwrap_or_default();
        let message = match json_read::parse(body) {
            // FastAPI reports where Python's json stopped, and why.
            Err(e) => {
                let ctx = Obj::new().str("error", e.msg).finish();
                let item = Obj::new()
                    .str("type", "json_invalid")
                    .raw("loc", &format!("[\"body\",{}]", e.char))
                    .str("msg", "JSON decode error")
                    .raw("input", "{}")
                    .raw("ctx", &ctx)
                    .finish();
                return Response::json(422, Obj::new().raw("detail", &format!("[{item}]")));
            }
            Ok(v @ Value::Object(_)) => match v.get("message") {
                Some(Value::Str(m)) => m.clone(),
                Some(other) => {
                    let input = json_write::value(other);
                    return validation_error(
                        "string_type",
                        "[\"body\",\"message\"]",
                        "Input should be a valid string",
                        &input,
                    );
                }
                None => {
                    return validation_error(
                        "missing",
                        "[\"body\",\"message\"]",
                        "Field required",
                        &json_write::value(&v),
                    );
                }
            },
            Ok(other) => {
                return validation_error(
                    "model_attributes_type",
                    "[\"body\"]",
                    "Input should be a valid dictionary or object to extract fields from",
                    &json_write::value(&other),
                );
            }
        };
        let ranked = scores(&message, &self.intents);
        let scores_text = ranked.iter().fold(Obj::new(), |o, (name, s)| o.raw(name, &s.to_string())).finish();
        let Decision { intent, confidence, fallback } = self.decide(&ranked);
        self.log(logs, LogLevel::Debug, format!("classify {message:?} scores={scores_text}"));
        let threshold_repr = self.config.threshold_repr.clone();
        if fallback {
            self.log(
                logs,
                LogLevel::Warning,
                format!("low confidence {confidence} < CONFIDENCE_THRESHOLD {threshold_repr}: fallback reply"),
            );
            let out = Obj::new().null("intent").raw("confidence", &confidence.to_string()).str("reply", FALLBACK);
            return Response::json(200, out);
        }
        let Some(intent) = intent else {
            return self.crash(logs, "KeyError: None");
        };
        let Some(reply) = intent.reply() else {
            return self.crash(logs, "KeyError: 'reply'");
        };
        let out = Obj::new().str("intent", &intent.name).raw("confidence", &confidence.to_string()).str("reply", reply);
        Response::json(200, out)
    }

    /// An unhandled exception: `FastAPI`'s debug page shows the traceback,
    /// otherwise the client sees only "Internal Server Error".
    fn crash(&self, logs: &mut Vec<LogLine>, error: &str) -> Response {
        let code = "reply = INTENTS[intent][\"reply\"]";
        let line = crate::project::MAIN_PY.lines().position(|l| l.trim() == code).map_or(0, |i| i + 1);
        let trace = format!(
            "Traceback (most recent call last):\n  File \"/app/main.py\", line {line}, in chat\n    {code}\n{error}"
        );
        self.log(logs, LogLevel::Error, format!("Exception in ASGI application\n{trace}"));
        Response::text(500, if self.config.api_debug { &trace } else { "Internal Server Error" })
    }

    /// Whether a request like this fails (a 5xx): production's users-affected
    /// counter uses it over a sample of real users' messages.
    pub fn fails(&self, message: &str) -> bool {
        let d = self.decide(&scores(message, &self.intents));
        !d.fallback && d.intent.is_none_or(|i| i.reply().is_none())
    }

    /// What `CONFIDENCE_THRESHOLD` decides for a message scored `ranked`.
    /// main.py: below the threshold, the fallback; otherwise
    /// `INTENTS[intent]["reply"]` — with no intent (a threshold of 0),
    /// `INTENTS[None]` raises, as it does in main.py.
    pub fn decide(&self, ranked: &[(String, Score)]) -> Decision<'_> {
        // Ties go to the intent listed first in intents.json.
        let (intent, confidence) = self.best(ranked);
        Decision { intent, confidence, fallback: confidence.as_f64() < self.config.confidence_threshold }
    }

    /// The winning intent and its score (none below zero's).
    fn best(&self, ranked: &[(String, Score)]) -> (Option<&Intent>, Score) {
        winner(ranked).map_or((None, Score(0)), |i| (self.intents.get(i), ranked.get(i).map_or(Score(0), |r| r.1)))
    }
}

fn method_not_allowed(allow: &str) -> Response {
    let mut r = Response::json(405, Obj::new().str("detail", "Method Not Allowed"));
    r.headers.push(("allow".into(), allow.into()));
    r
}

fn validation_error(kind: &str, loc: &str, msg: &str, input: &str) -> Response {
    let item = Obj::new().str("type", kind).raw("loc", loc).str("msg", msg).raw("input", input).finish();
    Response::json(422, Obj::new().raw("detail", &format!("[{item}]")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project;

    fn intents() -> Vec<Intent> {
        load_intents(project::INTENTS_JSON).unwrap()
    }

    fn best(msg: &str) -> (String, String) {
        let (name, s) = scores(msg, &intents()).into_iter().max_by_key(|s| s.1).unwrap();
        (name, s.to_string())
    }

    #[test]
    fn tokens_drop_filler_and_split_chinese() {
        assert_eq!(tokens("What's the PRICE?"), ["price"]);
        assert_eq!(tokens("你好 world"), ["你", "好", "world"]);
    }

    #[test]
    fn confidence_is_the_share_of_words_covered() {
        assert_eq!(best("Hello!"), ("greeting".into(), "1.0".into()));
        assert_eq!(best("how much is the pro plan?"), ("pricing".into(), "0.75".into()));
        assert_eq!(best("is the pro plan worth it"), ("pricing".into(), "0.33".into()));
        assert_eq!(best("tell me a joke").1, "0.0");
    }

    #[test]
    fn bad_intents_json_is_a_startup_error() {
        let e = load_intents("{\"greeting\": {\"keywords\": [\"hi\"],}").unwrap_err();
        assert_eq!(
            e,
            "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 34 (char 33)"
        );
        assert!(load_intents("[]").unwrap_err().starts_with("AttributeError: 'list' object has no attribute 'items'"));
        assert!(
            load_intents("{\"x\": {\"keywords\": \"hi\"}}").unwrap_err().contains("keywords must be a list, not str")
        );
    }

    #[test]
    fn rounds_as_python_does() {
        // Each checked with CPython: round(1/8, 2) == 0.12, round(3/40, 2) == 0.07, …
        let cases = [(1, 8, "0.12"), (3, 40, "0.07"), (2, 3, "0.67"), (3, 8, "0.38"), (1, 40, "0.03"), (1, 3, "0.33")];
        for (hit, total, want) in cases {
            assert_eq!(Score::of(hit, total).to_string(), want, "{hit}/{total}");
        }
        // Every share up to 200 words against Rust's `{:.2}`, which rounds the
        // exact binary value ties-to-even as Python's round() does.
        for total in 1..=200 {
            for hit in 0..=total {
                let want: u32 = format!("{:.2}", hit as f64 / total as f64).replace('.', "").parse().unwrap();
                assert_eq!(Score::of(hit, total).0, want, "{hit}/{total}");
            }
        }
        assert_eq!(Score::of(4, 4).to_string(), "1.0");
        assert_eq!(Score::of(3, 10).to_string(), "0.3");
    }
}
