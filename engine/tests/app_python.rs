//! The app the learner reads is the app that runs: the tree's `main.py`,
//! run by `CPython` with the pinned `FastAPI` (`make python-tools`), and the
//! simulated server answer the same requests the same way — status, CORS
//! headers and JSON bodies — for each profile and each prepared edit.
//! `make test` points `B2P_PYTHON` at the virtualenv.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use engine::chatbot::http::Request;
use engine::chatbot::{App, Client, load_intents};
use engine::repo::Tree;

#[derive(serde::Serialize, Clone)]
struct Req {
    method: &'static str,
    path: &'static str,
    headers: BTreeMap<&'static str, String>,
    body: Option<String>,
}

#[derive(serde::Deserialize, Debug, PartialEq)]
struct Answer {
    status: u16,
    headers: BTreeMap<String, String>,
    body: String,
}

/// Messages a learner (or a user) might send: plain, punctuated, with
/// underscores, curly quotes, other scripts, emoji, empty, long.
fn corpus() -> Vec<String> {
    let mut m: Vec<String> = [
        "hello",
        "Hello!",
        "HELLO",
        "hi",
        "hey there",
        "good morning",
        "Good Morning!!",
        "hello_world",
        "hello-world",
        "hello world",
        "what's the price",
        "what’s the price",
        "whats the price",
        "What is the price?",
        "price",
        "pricing",
        "how much",
        "how much is it",
        "How much does the pro plan cost?",
        "cost",
        "plan",
        "plans",
        "is the pro plan worth it",
        "can I talk to a human",
        "human",
        "agent please",
        "I need support",
        "support!!!",
        "a person",
        "talk to someone",
        "",
        " ",
        "   ",
        "\t",
        "\n",
        "?",
        "...",
        "!!!",
        "123",
        "price 123",
        "hello 你好",
        "你好",
        "价格",
        "多少钱",
        "人工客服",
        "我要人工",
        "👋",
        "hello 👋",
        "💰 price",
        "héllo",
        "HÉLLO",
        "Grüße",
        "ÉCOLE price",
        "naïve cost",
        "İstanbul",
        "ΣΊΣΥΦΟΣ",
        "Привет",
        "ЦЕНА",
        "hello\nworld",
        "price\tplan",
        "the",
        "a an the",
        "what",
        "please",
        "hello hello hello",
        "hi hi price",
        "hello, what is the price",
        "good",
        "morning",
        "good evening",
        "hey_price",
        "price_",
        "_price",
        "price's",
        "human's",
        "it's a plan",
        "don't know",
        "rock'n'roll",
        "'quoted'",
        "\"double\"",
        "«price»",
        "(price)",
        "[human]",
        "{agent}",
        "price/plan",
        "price.plan",
        "price,plan",
        "price;plan",
        "price:plan",
        "hello?price",
        "x",
        "xyz",
        "zzz zzz",
        "help",
        "HELP ME",
        "pricing plan cost",
        "how",
        "much",
        "how much how much",
        "much how",
        "good morning good morning",
        "morning good",
        "hey hey",
        "hi there you",
        "hello there, can you help me with pricing?",
        "I want to speak to a human agent",
        "support agent human person",
        "é",
        "ß",
        "ǅ",
        "Ⅻ",
        "½",
        "٣",
        "१२",
        "𝔥𝔢𝔩𝔩𝔬",
        "ｈｅｌｌｏ",
        "ＨＥＬＬＯ",
        "hello\u{301}",
        "e\u{301}",
        "\u{200b}hello",
        "hello\u{200b}",
        "\u{feff}hi",
        "hi\u{a0}there",
        "price\u{3000}plan",
        "価格",
        "안녕하세요",
        "مرحبا",
        "שלום",
        "こんにちは",
        "ｈｉ",
        "😀😀😀",
        "🇫🇷",
        "a\u{0}b",
        "\u{7f}",
        "tab\tsep",
        "crlf\r\nline",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    for w in ["price", "hello", "human", "plan", "support", "cost"] {
        m.push(format!("{w} {w}"));
        m.push(format!("the {w}"));
        m.push(format!("{w}?"));
        m.push(w.to_uppercase());
        m.push(format!("my {w} please"));
        m.push(format!("{w}_{w}"));
        m.push(format!("{w}’s"));
        m.push(format!("{w}'s"));
    }
    for w in ["hello", "price", "human", "how much", "good morning", "人工", "价格"] {
        m.push(format!("{w}!"));
        m.push(format!("¿{w}?"));
        m.push(format!("“{w}”"));
        m.push(format!("{w} 🙂"));
    }
    for n in [1, 2, 3, 5, 8] {
        m.push(vec!["word"; n].join(" ") + " price");
    }
    m.push("price ".repeat(2000)); // 10 KB
    m.push("x".repeat(10_240));
    m
}

fn requests(messages: &[String]) -> Vec<Req> {
    let h = |pairs: &[(&'static str, &str)]| pairs.iter().map(|(k, v)| (*k, (*v).to_string())).collect();
    let mut r = vec![
        Req { method: "GET", path: "/", headers: h(&[]), body: None },
        Req { method: "GET", path: "/nope", headers: h(&[]), body: None },
        Req { method: "POST", path: "/", headers: h(&[]), body: None },
        Req { method: "GET", path: "/chat", headers: h(&[]), body: None },
        Req {
            method: "POST",
            path: "/chat",
            headers: h(&[("content-type", "application/json")]),
            body: Some("{}".into()),
        },
        Req {
            method: "POST",
            path: "/chat",
            headers: h(&[("content-type", "application/json")]),
            body: Some("{\"message\": 5}".into()),
        },
        Req {
            method: "POST",
            path: "/chat",
            headers: h(&[("content-type", "application/json")]),
            body: Some("[]".into()),
        },
        Req {
            method: "POST",
            path: "/chat",
            headers: h(&[("content-type", "application/json")]),
            body: Some("{bad".into()),
        },
    ];
    for origin in
        ["https://staging-app.netlify.app", "https://smart-chatbot-demo.netlify.app", "https://evil.example", "null"]
    {
        r.push(Req { method: "GET", path: "/", headers: h(&[("origin", origin)]), body: None });
        r.push(Req {
            method: "OPTIONS",
            path: "/chat",
            headers: h(&[
                ("origin", origin),
                ("access-control-request-method", "POST"),
                ("access-control-request-headers", "content-type"),
            ]),
            body: None,
        });
    }
    for m in messages {
        let body = serde_json::json!({ "message": m }).to_string();
        r.push(Req {
            method: "POST",
            path: "/chat",
            headers: h(&[("content-type", "application/json")]),
            body: Some(body),
        });
    }
    r
}

fn python_answers(tree: &Tree, env: &BTreeMap<&str, &str>, reqs: &[Req]) -> Vec<Answer> {
    let python = std::env::var("B2P_PYTHON").unwrap_or_else(|_| {
        panic!("this test runs the real main.py: run it through `make test` (which builds .venv), or set B2P_PYTHON to a Python with tests/python/requirements.txt installed")
    });
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, body) in tree {
        std::fs::write(dir.path().join(path), body).expect("write the tree");
    }
    let spec = serde_json::json!({ "dir": dir.path(), "env": env, "requests": reqs });
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/python/run_app.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python");
    child.stdin.take().expect("stdin").write_all(spec.to_string().as_bytes()).expect("write");
    let out = child.wait_with_output().expect("python ran");
    assert!(out.status.success(), "main.py under CPython failed:\n{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("the harness's JSON")
}

/// The simulated server for the same tree and environment.
fn engine_answers(tree: &Tree, env: &BTreeMap<&str, &str>, reqs: &[Req]) -> Vec<Answer> {
    let app_env = env.get("APP_ENV").copied().unwrap_or("development");
    let file = format!(".env.{app_env}");
    let overrides: Vec<(String, String)> = env.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect();
    let resolved = engine::config::resolve(&file, tree.get(&file).map(String::as_str), &overrides, "environment");
    let intents = load_intents(tree.get("intents.json").map_or("", String::as_str)).expect("intents.json loads");
    let version: String =
        env.get("RAILWAY_GIT_COMMIT_SHA").map_or_else(|| "dev".into(), |v| v.chars().take(7).collect());
    let branch = env.get("RAILWAY_GIT_BRANCH").copied().unwrap_or("local");
    let app = App::new(app_env, resolved, intents, &version, branch).with_database(env.get("DATABASE_URL").copied());
    reqs.iter()
        .map(|r| {
            let req = Request {
                method: r.method.to_string(),
                scheme: "http".into(),
                host: "testserver".into(),
                port: 80,
                path: r.path.to_string(),
                headers: r.headers.iter().map(|(k, v)| ((*k).to_string(), v.clone())).collect(),
                body: r.body.clone(),
            };
            let resp = app.handle(&req, Client { ip: "testclient" }, &mut Vec::new());
            let headers = resp
                .headers
                .iter()
                .filter(|(k, _)| {
                    matches!(
                        k.as_str(),
                        "access-control-allow-origin"
                            | "access-control-allow-methods"
                            | "access-control-allow-headers"
                            | "access-control-max-age"
                            | "access-control-allow-credentials"
                            | "vary"
                            | "allow"
                            | "content-type"
                    )
                })
                .cloned()
                .collect();
            Answer { status: resp.status, headers, body: resp.body }
        })
        .collect()
}

/// JSON bodies compare as JSON (key order and spacing aside); a traceback
/// (`FastAPI`'s debug page) by its last line, the exception — its file paths
/// are the machine's; other text exactly.
fn same_body(a: &str, b: &str) -> bool {
    match (serde_json::from_str::<serde_json::Value>(a), serde_json::from_str::<serde_json::Value>(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ if a.starts_with("Traceback") && b.starts_with("Traceback") => {
            a.trim_end().lines().last() == b.trim_end().lines().last()
        }
        _ => a == b,
    }
}

#[test]
fn the_simulated_server_answers_as_main_py_does() {
    let messages = corpus();
    let reqs = requests(&messages);
    let mut trees = vec![("default", engine::project::initial_tree())];
    for edits in [&["product-inquiry"][..], &["chinese-keywords"], &["handoff-bug"], &["handoff-bug", "handoff-fix"]] {
        let mut t = engine::project::initial_tree();
        for edit in edits {
            engine::project::edit(&mut t, Some(edit)).expect("prepared edit");
        }
        trees.push((*edits.last().unwrap_or(&"default"), t));
    }
    let profiles: Vec<BTreeMap<&str, &str>> = vec![
        BTreeMap::new(),
        BTreeMap::from([("APP_ENV", "development")]),
        BTreeMap::from([("APP_ENV", "staging")]),
        BTreeMap::from([("APP_ENV", "production")]),
        BTreeMap::from([("APP_ENV", "production"), ("CONFIDENCE_THRESHOLD", "0")]),
        BTreeMap::from([
            ("APP_ENV", "staging"),
            ("API_DEBUG", "True"),
            ("RAILWAY_GIT_COMMIT_SHA", "0b0ca6f5e2d1c3b4a5968778695a4b3c2d1e0f9a"),
            ("RAILWAY_GIT_BRANCH", "main"),
        ]),
        BTreeMap::from([
            ("APP_ENV", "production"),
            ("API_DEBUG", "true"),
            ("DATABASE_URL", "postgresql://prod-db.railway.internal:5432/real_customer_data"),
        ]),
    ];
    let mut differ = Vec::new();
    let mut compared = 0;
    for (tree_name, tree) in &trees {
        for env in &profiles {
            let theirs = python_answers(tree, env, &reqs);
            let ours = engine_answers(tree, env, &reqs);
            for ((req, a), b) in reqs.iter().zip(&ours).zip(&theirs) {
                compared += 1;
                if a.status != b.status || a.headers != b.headers || !same_body(&a.body, &b.body) {
                    differ.push(format!(
                        "[{tree_name} {env:?}] {} {} {:?}\n    engine: {} {:?} {}\n    python: {} {:?} {}",
                        req.method,
                        req.path,
                        req.body.as_deref().map(|b| b.chars().take(60).collect::<String>()),
                        a.status,
                        a.headers,
                        a.body.chars().take(200).collect::<String>(),
                        b.status,
                        b.headers,
                        b.body.chars().take(200).collect::<String>()
                    ));
                }
            }
        }
    }
    assert!(messages.len() >= 200, "the corpus has {} messages", messages.len());
    println!(
        "main.py: {compared} requests compared ({} per run × {} profiles × {} trees), {} differ",
        reqs.len(),
        profiles.len(),
        trees.len(),
        differ.len()
    );
    for d in differ.iter().take(40) {
        println!("{d}");
    }
    assert!(differ.is_empty(), "{} answers differ from main.py's", differ.len());
}
