//! The chatbot every server runs: `intents.json` read from the deployed
//! commit, a deterministic keyword classifier, and the two endpoints of the
//! guide's app (`GET /`, `POST /chat`), with `FastAPI`'s and `Starlette`'s
//! behaviour for errors and CORS.

use std::collections::BTreeMap;

use super::http::{Request, Response};
use super::json::Obj;
use super::pyjson::{self, Value};
use crate::config::{Config, Cors, LogLevel, Resolved, Source};

/// The reply below the confidence threshold (the seed's `main.py`).
pub const FALLBACK: &str = "Sorry, I didn't catch that. Could you rephrase?";

/// Filler words that say nothing about intent; they do not count towards
/// the length a keyword has to cover.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "can", "could", "do", "does", "for", "i", "in", "is", "it", "me", "my", "of", "on", "or",
    "our", "please", "that", "the", "there", "this", "to", "we", "what", "whats", "with", "you", "your",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Intent {
    pub name: String,
    keywords: Vec<Vec<String>>,
    /// `None` when the intent has no `"reply"`: `main.py` raises `KeyError`
    /// when such an intent wins (the lessons' buggy commit).
    reply: Option<String>,
}

impl Intent {
    pub fn reply(&self) -> Option<&str> {
        self.reply.as_deref()
    }

    /// The first keyword, as words: what a test would send to check the intent.
    pub fn first_keyword(&self) -> Option<String> {
        self.keywords.first().map(|k| k.join(" "))
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Lower-cased words without filler; each CJK character is a word of its own,
/// so Chinese keywords match inside unsegmented text.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() && !STOP_WORDS.contains(&word.as_str()) {
            out.push(std::mem::take(word));
        }
        word.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush(&mut word, &mut out);
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Parses intents.json as `json.load` then `main.py` would use it.
pub fn load_intents(text: &str) -> Result<Vec<Intent>, String> {
    let doc = pyjson::parse(text).map_err(|e| format!("json.decoder.JSONDecodeError: {e}"))?;
    let Value::Object(fields) = doc else {
        return Err(format!(
            "AttributeError: '{}' object has no attribute 'items' (intents.json must be an object of intents)",
            doc.type_name()
        ));
    };
    let mut intents = Vec::new();
    for (name, body) in fields {
        let shape = |what: &str| format!("TypeError: intents.json: intent '{name}': {what}");
        let Some(Value::Array(words)) = body.get("keywords") else {
            return Err(match body.get("keywords") {
                None => format!("KeyError: 'keywords' (intent '{name}' has no keywords)"),
                Some(v) => shape(&format!("keywords must be a list, not {}", v.type_name())),
            });
        };
        let mut keywords = Vec::new();
        for w in words {
            let Some(w) = w.as_str() else {
                return Err(shape(&format!("a keyword must be a str, not {}", w.type_name())));
            };
            let t = tokens(w);
            if !t.is_empty() {
                keywords.push(t);
            }
        }
        let reply = match body.get("reply") {
            None => None,
            Some(Value::Str(r)) => Some(r.clone()),
            Some(v) => return Err(shape(&format!("reply must be a str, not {}", v.type_name()))),
        };
        intents.push(Intent { name, keywords, reply });
    }
    Ok(intents)
}

/// Each intent's confidence: the share of the message's words its keywords
/// cover, rounded to two places. Deterministic, and easy to reason about in a
/// lesson: "is the pro plan worth it" is 1 of 3 words → 0.33.
pub fn scores(message: &str, intents: &[Intent]) -> Vec<(String, Score)> {
    let words = tokens(message);
    intents
        .iter()
        .map(|intent| {
            let mut covered = vec![false; words.len()];
            for kw in &intent.keywords {
                for start in 0..words.len().saturating_sub(kw.len() - 1) {
                    if words[start..start + kw.len()] == kw[..] {
                        covered[start..start + kw.len()].iter_mut().for_each(|c| *c = true);
                    }
                }
            }
            let hit = covered.iter().filter(|c| **c).count();
            let score = if words.is_empty() { Score(0) } else { Score::of(hit, words.len()) };
            (intent.name.clone(), score)
        })
        .collect()
}

/// A confidence as Python's `round(hit / total, 2)` gives it, kept as whole
/// hundredths so no float formatting is needed to print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(pub u32);

impl Score {
    /// `round(hit / total, 2)`: the division's exact binary value rounded to
    /// hundredths, ties to even (`round(1/8, 2)` is 0.12, `round(3/40, 2)` 0.07).
    pub fn of(hit: usize, total: usize) -> Self {
        let x = hit as f64 / total as f64;
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = u128::from(bits & ((1 << 52) - 1));
        if exp == 0 {
            return Self(0); // zero (or subnormal): rounds to 0.0
        }
        // x = m · 2^-shift exactly.
        let m = frac | (1 << 52);
        let shift = 1075 - exp;
        if shift <= 0 {
            return Self(100); // x ≥ 2^52: cannot happen for a share, but stay total
        }
        if shift >= 120 {
            return Self(0);
        }
        let n = 100 * m;
        let k = n >> shift;
        let rem = n & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let k = if rem > half || (rem == half && k % 2 == 1) { k + 1 } else { k };
        Self(u32::try_from(k).unwrap_or(u32::MAX))
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

/// Python's `repr` of the rounded float: `0.0`, `0.3`, `0.33`, `1.0`.
impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let (whole, hundredths) = (self.0 / 100, self.0 % 100);
        match hundredths {
            0 => write!(f, "{whole}.0"),
            h if h % 10 == 0 => write!(f, "{whole}.{}", h / 10),
            h => write!(f, "{whole}.{h:02}"),
        }
    }
}

/// Which of [`scores`]'s intents wins: the highest score above zero, ties to
/// the one listed first in intents.json (as `main.py`'s loop does).
pub fn winner(ranked: &[(String, Score)]) -> Option<usize> {
    let mut best: Option<(usize, Score)> = None;
    for (i, (_, score)) in ranked.iter().enumerate() {
        if score.0 > 0 && best.is_none_or(|(_, b)| *score > b) {
            best = Some((i, *score));
        }
    }
    best.map(|(i, _)| i)
}

/// Who is asking: the tutor's terminal, or simulated users of production.
#[derive(Debug, Clone, Copy)]
pub struct Client<'a> {
    pub ip: &'a str,
}

/// One log record, kept only if at or above the app's `LOG_LEVEL`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LogLine {
    pub level: LogLevel,
    pub text: String,
}

/// A started app: its settings and intents, and what `GET /` reports.
#[derive(Debug, Clone)]
pub struct App {
    pub environment: String,
    pub config: Config,
    pub sources: BTreeMap<String, Source>,
    pub intents: Vec<Intent>,
    pub version: String,
    pub branch: String,
}

impl App {
    pub fn new(environment: &str, resolved: Resolved, intents: Vec<Intent>, version: &str, branch: &str) -> Self {
        Self {
            environment: environment.to_string(),
            config: resolved.config,
            sources: resolved.sources,
            intents,
            version: version.to_string(),
            branch: branch.to_string(),
        }
    }

    fn source_of(&self, key: &str) -> String {
        match self.sources.get(key) {
            Some(Source::File { file, line }) => format!("{file}:{line}"),
            Some(Source::Override { by }) => by.clone(),
            Some(Source::Default) | None => "default".into(),
        }
    }

    fn allows_origin(&self, origin: &str) -> bool {
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
        let mut resp = if preflight {
            self.preflight(req, origin.as_deref().unwrap_or_default())
        } else {
            let mut r = self.route(req, logs);
            if let Some(o) = &origin
                && self.allows_origin(o)
            {
                if self.config.cors_origins == Cors::Any {
                    r.headers.push(("access-control-allow-origin".into(), "*".into()));
                } else {
                    r.headers.push(("access-control-allow-origin".into(), o.clone()));
                    r.headers.push(("vary".into(), "Origin".into()));
                }
            }
            r
        };
        if let Some(o) = &origin
            && !self.allows_origin(o)
        {
            self.log(logs, LogLevel::Debug, format!("CORS: origin {o} is not in CORS_ORIGINS"));
        }
        let line =
            format!("{}:51234 - \"{} {} HTTP/1.1\" {} {}", client.ip, req.method, req.path, resp.status, resp.reason);
        self.log(logs, LogLevel::Info, line);
        resp.headers.insert(0, ("server".into(), "uvicorn".into()));
        resp
    }

    fn preflight(&self, req: &Request, origin: &str) -> Response {
        if !self.allows_origin(origin) {
            return Response::text(400, "Disallowed CORS origin");
        }
        let mut r = Response::text(200, "OK");
        let allow_origin = if self.config.cors_origins == Cors::Any { "*" } else { origin };
        r.headers.push(("vary".into(), "Origin".into()));
        r.headers.push(("access-control-allow-methods".into(), "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT".into()));
        r.headers.push(("access-control-max-age".into(), "600".into()));
        if let Some(h) = req.header("access-control-request-headers") {
            r.headers.push(("access-control-allow-headers".into(), h.to_string()));
        }
        r.headers.push(("access-control-allow-origin".into(), allow_origin.into()));
        r
    }

    fn route(&self, req: &Request, logs: &mut Vec<LogLine>) -> Response {
        let path = req.path.split('?').next().unwrap_or("/");
        match (path, req.method.as_str()) {
            ("/", "GET" | "HEAD") => Response::json(
                200,
                Obj::new()
                    .str("environment", &self.environment)
                    .bool("debug", self.config.api_debug)
                    .str("version", &self.version)
                    .str("branch", &self.branch),
            ),
            ("/chat", "POST") => self.chat(req, logs),
            ("/", _) => method_not_allowed("GET"),
            ("/chat", _) => method_not_allowed("POST"),
            _ => Response::json(404, Obj::new().str("detail", "Not Found")),
        }
    }

    fn chat(&self, req: &Request, logs: &mut Vec<LogLine>) -> Response {
        let body = req.body.as_deref().unwrap_or_default();
        let message = match pyjson::parse(body) {
            Err(_) => return validation_error("json_invalid", "[\"body\",0]", "JSON decode error"),
            Ok(v @ Value::Object(_)) => match v.get("message") {
                Some(Value::Str(m)) => m.clone(),
                Some(_) => {
                    return validation_error("string_type", "[\"body\",\"message\"]", "Input should be a valid string");
                }
                None => return validation_error("missing", "[\"body\",\"message\"]", "Field required"),
            },
            Ok(_) => {
                return validation_error(
                    "model_attributes_type",
                    "[\"body\"]",
                    "Input should be a valid dictionary or object to extract fields from",
                );
            }
        };
        let ranked = scores(&message, &self.intents);
        let scores_text = ranked.iter().fold(Obj::new(), |o, (name, s)| o.raw(name, &s.to_string())).finish();
        // Ties go to the intent listed first in intents.json.
        let (intent, confidence) = self.best(&ranked);
        self.log(logs, LogLevel::Debug, format!("classify {message:?} scores={scores_text}"));
        let threshold = self.config.confidence_threshold;
        let threshold_repr = self.config.threshold_repr.clone();
        let mut out = Obj::new();
        match intent {
            Some(intent) if confidence.as_f64() >= threshold => {
                let Some(reply) = &intent.reply else {
                    return self.crash(logs, "KeyError: 'reply'");
                };
                out = out.str("intent", &intent.name).raw("confidence", &confidence.to_string()).str("reply", reply);
            }
            _ => {
                self.log(
                    logs,
                    LogLevel::Warning,
                    format!("low confidence {confidence} < CONFIDENCE_THRESHOLD {threshold_repr}: fallback reply"),
                );
                out = out.null("intent").raw("confidence", &confidence.to_string()).str("reply", FALLBACK);
            }
        }
        if self.config.api_debug {
            let source = Obj::new()
                .str("CONFIDENCE_THRESHOLD", &self.source_of("CONFIDENCE_THRESHOLD"))
                .str("API_DEBUG", &self.source_of("API_DEBUG"));
            let debug = Obj::new()
                .raw("scores", &scores_text)
                .raw("threshold", &threshold_repr)
                .str("backend_api_url", &self.config.backend_api_url)
                .raw("config_source", &source.finish());
            out = out.raw("debug", &debug.finish());
        }
        Response::json(200, out)
    }

    /// An unhandled exception: `FastAPI`'s debug page shows the traceback,
    /// otherwise the client sees only "Internal Server Error".
    fn crash(&self, logs: &mut Vec<LogLine>, error: &str) -> Response {
        let trace = format!(
            "Traceback (most recent call last):\n  File \"/app/main.py\", line 68, in chat\n    reply = INTENTS[intent][\"reply\"]\n{error}"
        );
        self.log(logs, LogLevel::Error, format!("Exception in ASGI application\n{trace}"));
        Response::text(500, if self.config.api_debug { &trace } else { "Internal Server Error" })
    }

    /// Whether a request like this fails (a 5xx): production's users-affected
    /// counter uses it over a sample of real users' messages.
    pub fn fails(&self, message: &str) -> bool {
        let (intent, confidence) = self.best(&scores(message, &self.intents));
        intent.is_some_and(|i| confidence.as_f64() >= self.config.confidence_threshold && i.reply.is_none())
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

fn validation_error(kind: &str, loc: &str, msg: &str) -> Response {
    let item = Obj::new().str("type", kind).raw("loc", loc).str("msg", msg).finish();
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
