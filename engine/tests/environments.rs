//! Environments end to end through the terminal: servers, promotion, the
//! chatbot's behaviour under each profile, and one test per configuration key.

use engine::servers::Status;
use engine::{ReplayState, Terminal, World};

/// Runs lines, failing the test if any of them fails.
fn run(world: &mut World, lines: &[&str]) {
    for line in lines {
        let o = world.run(line);
        assert!(o.ok, "`{line}` failed:\n{}", o.output);
    }
}

fn out(world: &mut World, line: &str) -> String {
    let o = world.run(line);
    assert!(o.ok, "`{line}` failed:\n{}", o.output);
    o.output
}

fn json(world: &mut World, line: &str) -> serde_json::Value {
    let text = out(world, line);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("`{line}` did not print JSON ({e}):\n{text}"))
}

const CHAT: &str = r#"-X POST -d '{"message": "is the pro plan worth it"}'"#;

#[test]
fn must_show_feature_to_production_and_each_environment_answers_as_itself() {
    let mut w = World::new();
    run(
        &mut w,
        &[
            "git checkout development",
            "git checkout -b feature/new-chatbot-intent",
            "edit product-inquiry",
            "git commit -am \"Add product inquiry intent\"",
            "git checkout development",
            "git merge feature/new-chatbot-intent",
            "git push origin development",
        ],
    );
    let feature = w.local().unwrap().branches["development"].clone();
    let state = ReplayState::of(&w);
    assert_eq!(state.servers["development"].deployed.as_deref(), Some(feature.as_str()));
    assert_ne!(state.servers["staging"].deployed.as_deref(), Some(feature.as_str()));

    run(&mut w, &["git checkout main", "git merge development", "git push origin main"]);
    let state = ReplayState::of(&w);
    assert_eq!(state.servers["staging"].deployed.as_deref(), Some(feature.as_str()));
    assert_ne!(
        state.servers["production"].deployed.as_deref(),
        Some(feature.as_str()),
        "production waits for a promote"
    );
    assert!(out(&mut w, "servers").contains("1 commit behind staging"));

    run(&mut w, &["deploy production"]);
    let state = ReplayState::of(&w);
    assert_eq!(state.servers["production"].deployed.as_deref(), Some(feature.as_str()));
    assert_eq!(state.topology, "professional");

    // GET / names the environment on every server.
    for (env, line) in [("development", ""), ("staging", "APP_ENV=staging "), ("production", "APP_ENV=production ")] {
        run(&mut w, &[&format!("{line}python main.py")]);
        assert_eq!(json(&mut w, "curl localhost:8000/")["environment"], env);
        run(&mut w, &["stop"]);
    }
    assert_eq!(json(&mut w, "curl https://dev-chatbot.railway.app/")["environment"], "development");
    assert_eq!(json(&mut w, "curl https://staging-chatbot.railway.app/")["environment"], "staging");
    let prod = json(&mut w, "curl https://smart-chatbot.railway.app/");
    assert_eq!(prod["environment"], "production");
    assert_eq!(prod["debug"], false);
    assert_eq!(prod["version"], &feature[..7]);

    // CORS: a foreign origin gets no allow header in production, and `*` in development.
    let evil = "curl -i -H \"Origin: https://evil.example\"";
    let p = out(&mut w, &format!("{evil} https://smart-chatbot.railway.app/"));
    assert!(!p.lines().any(|l| l.starts_with("access-control-allow-origin:")), "{p}");
    assert!(p.contains("may not read this response"), "{p}");
    let d = out(&mut w, &format!("{evil} https://dev-chatbot.railway.app/"));
    assert!(d.contains("access-control-allow-origin: *"), "{d}");

    // The same message: answered by intent at threshold 0.3, by the fallback at 0.5.
    let dev = json(&mut w, &format!("curl {CHAT} https://dev-chatbot.railway.app/chat"));
    assert_eq!(dev["intent"], "pricing");
    let prod = json(&mut w, &format!("curl {CHAT} https://smart-chatbot.railway.app/chat"));
    assert_eq!(prod["intent"], serde_json::Value::Null);
    assert_eq!(prod["reply"], "Sorry, I didn't catch that. Could you rephrase?");
}

#[test]
fn production_refuses_what_staging_has_not_run() {
    let mut w = World::new();
    run(&mut w, &["git checkout -b hotfix", "git commit --allow-empty -m wip"]);
    let o = w.run("deploy production HEAD");
    assert!(!o.ok);
    assert!(o.output.contains("staging has never run it"), "{}", o.output);
    let o = w.run("deploy staging");
    assert!(!o.ok && o.output.contains("deploys by itself"), "{}", o.output);
    assert!(!w.run("deploy production nope").ok);
}

#[test]
fn minimal_topology_deploys_main_straight_to_production() {
    let mut w = World::new();
    run(&mut w, &["topology minimal", "git commit --allow-empty -m \"Straight to prod\"", "git push origin main"]);
    let state = ReplayState::of(&w);
    assert_eq!(state.topology, "minimal");
    assert_eq!(state.servers.keys().map(String::as_str).collect::<Vec<_>>(), ["local", "production"]);
    assert_eq!(state.servers["production"].deployed, Some(state.branches["main"].clone()));
    let o = w.run("curl https://staging-chatbot.railway.app/");
    assert_eq!(o.output, "curl: (6) Could not resolve host: staging-chatbot.railway.app");
}

#[test]
fn a_teammates_push_deploys_too() {
    let mut w = World::new();
    run(&mut w, &["@teammate git checkout development", "@teammate git commit --allow-empty -m \"Teammate work\""]);
    let before = ReplayState::of(&w).servers["development"].deployed.clone();
    let o = w.run("@teammate git push origin development");
    assert!(o.output.contains("development server deploying"), "{}", o.output);
    assert_ne!(ReplayState::of(&w).servers["development"].deployed, before);
}

#[test]
fn a_buggy_commit_shows_details_on_staging_and_hurts_users_in_production() {
    let mut w = World::new();
    run(&mut w, &["edit handoff-bug", "git commit -am \"Refactor intents\"", "git push origin main"]);
    let human = r#"curl -X POST -d '{"message": "can I talk to a human"}'"#;
    let staging = w.run(&format!("{human} https://staging-chatbot.railway.app/chat"));
    assert!(staging.output.contains("KeyError: 'reply'"), "staging's debug shows the traceback: {}", staging.output);
    run(&mut w, &["deploy production"]);
    let prod = w.run(&format!("{human} https://smart-chatbot.railway.app/chat"));
    assert_eq!(prod.output, "Internal Server Error");
    let affected = ReplayState::of(&w).servers["production"].users_affected;
    assert!(affected > 0);
    run(&mut w, &["git status"]);
    assert!(ReplayState::of(&w).servers["production"].users_affected > affected, "the counter keeps rising");
    assert!(out(&mut w, "logs production").contains("KeyError: 'reply'"));

    // The fix, promoted the professional way, stops the bleeding.
    run(
        &mut w,
        &["edit handoff-fix", "git commit -am \"Fix handoff reply\"", "git push origin main", "deploy production"],
    );
    let n = ReplayState::of(&w).servers["production"].users_affected;
    run(&mut w, &["git status"]);
    assert_eq!(ReplayState::of(&w).servers["production"].users_affected, n);
}

#[test]
fn a_deploy_that_fails_to_start_keeps_the_old_version_serving() {
    let mut w = World::new();
    let before = ReplayState::of(&w).servers["staging"].deployed.clone();
    run(&mut w, &["echo \"LOG_LEVEL=LOUD\" >> .env.staging", "git commit -am \"Louder logs\""]);
    let o = w.run("git push origin main");
    assert!(o.output.contains("deploy of") && o.output.contains("failed"), "{}", o.output);
    let s = ReplayState::of(&w);
    assert_eq!(s.servers["staging"].deployed, before);
    assert_eq!(s.servers["staging"].status, Status::Running);
    assert!(out(&mut w, "servers staging").contains("LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL"));
}

#[test]
fn local_runs_the_working_tree_and_command_line_variables_win() {
    let mut w = World::new();
    assert!(w.run("curl localhost:8000/").output.contains("Failed to connect to localhost port 8000"));
    run(&mut w, &["echo \"CONFIDENCE_THRESHOLD=0.9\" >> .env.development", "python main.py"]);
    // 0.33 of the words is below the file's 0.9: the fallback.
    let o = json(&mut w, &format!("curl {CHAT} localhost:8000/chat"));
    assert_eq!(o["intent"], serde_json::Value::Null);
    assert!(out(&mut w, "servers local").contains("CONFIDENCE_THRESHOLD  ← .env.development:9"));
    // main.py reports what it is given: nothing sets GIT_SHA on your machine.
    assert_eq!(json(&mut w, "curl localhost:8000/")["version"], "dev");
    assert!(!w.run("python main.py").ok, "port 8000 is taken");
    run(&mut w, &["stop", "CONFIDENCE_THRESHOLD=0.2 python main.py"]);
    let o = json(&mut w, &format!("curl {CHAT} localhost:8000/chat"));
    assert!(out(&mut w, "servers local").contains("CONFIDENCE_THRESHOLD  ← command line"));
    assert_eq!(o["intent"], "pricing");
    run(&mut w, &["stop"]);
    assert!(!w.run("stop").ok);
}

// One behaviour test per configuration key.

#[test]
fn key_api_debug_shows_tracebacks_or_hides_them() {
    let mut w = World::new();
    run(&mut w, &["edit handoff-bug", "API_DEBUG=true python main.py"]);
    assert_eq!(json(&mut w, "curl localhost:8000/")["debug"], true);
    // FastAPI(debug=True) changes error pages, not answers: main.py adds nothing else.
    let on = json(&mut w, r#"curl -X POST localhost:8000/chat -d '{"message":"hello"}'"#);
    assert!(on.get("debug").is_none());
    let crash = out(&mut w, r#"curl -X POST localhost:8000/chat -d '{"message":"human"}'"#);
    assert!(crash.starts_with("Traceback (most recent call last):"), "{crash}");
    run(&mut w, &["stop", "API_DEBUG=false python main.py"]);
    assert_eq!(json(&mut w, "curl localhost:8000/")["debug"], false);
    // main.py compares with "true" exactly: `True` leaves debug off.
    run(&mut w, &["stop", "API_DEBUG=True python main.py"]);
    assert_eq!(json(&mut w, "curl localhost:8000/")["debug"], false);
    assert_eq!(out(&mut w, r#"curl -X POST localhost:8000/chat -d '{"message":"human"}'"#), "Internal Server Error");
}

#[test]
fn key_cors_origins_decides_who_may_read_responses() {
    let mut w = World::new();
    let pre = "curl -i -X OPTIONS -H \"Access-Control-Request-Method: POST\"";
    let ok = out(
        &mut w,
        &format!("{pre} -H \"Origin: https://staging-app.netlify.app\" https://staging-chatbot.railway.app/chat"),
    );
    assert!(ok.starts_with("HTTP/1.1 200 OK"), "{ok}");
    assert!(ok.contains("access-control-allow-origin: https://staging-app.netlify.app"), "{ok}");
    let no = out(
        &mut w,
        &format!(
            "{pre} -H \"Origin: https://smart-chatbot-demo.netlify.app\" https://staging-chatbot.railway.app/chat"
        ),
    );
    assert!(no.starts_with("HTTP/1.1 400 Bad Request") && no.contains("Disallowed CORS origin"), "{no}");
}

#[test]
fn key_log_level_filters_the_request_log() {
    let mut w = World::new();
    let chat = r#"-X POST -d '{"message":"tell me a joke"}'"#;
    run(&mut w, &[&format!("curl {chat} https://dev-chatbot.railway.app/chat")]);
    run(&mut w, &[&format!("curl {chat} https://smart-chatbot.railway.app/chat")]);
    let dev = out(&mut w, "logs development");
    assert!(dev.contains("DEBUG:") && dev.contains("WARNING:") && dev.contains("POST /chat"), "{dev}");
    assert_eq!(out(&mut w, "logs production"), "(production has logged nothing yet)", "ERROR hides info and warnings");
}

#[test]
fn key_confidence_threshold_picks_intent_or_fallback() {
    let mut w = World::new();
    for (t, intent) in [("0.3", serde_json::json!("pricing")), ("0.34", serde_json::Value::Null)] {
        run(&mut w, &[&format!("CONFIDENCE_THRESHOLD={t} python main.py")]);
        assert_eq!(json(&mut w, &format!("curl {CHAT} localhost:8000/chat"))["intent"], intent, "threshold {t}");
        run(&mut w, &["stop"]);
    }
}

#[test]
fn key_api_host_127_makes_a_server_unreachable() {
    let mut w = World::new();
    let o = out(&mut w, "servers development unset API_HOST");
    assert!(o.contains("unreachable"), "{o}");
    let r = out(&mut w, "curl -i https://dev-chatbot.railway.app/");
    assert!(r.starts_with("HTTP/1.1 502 Bad Gateway") && r.contains("Application failed to respond"), "{r}");
    assert!(out(&mut w, "servers development").contains("accepts connections only from inside the container"));
    run(&mut w, &["servers development set API_HOST=0.0.0.0"]);
    assert_eq!(json(&mut w, "curl https://dev-chatbot.railway.app/")["environment"], "development");
    // Locally 127.0.0.1 is fine: curl runs on the same machine.
    run(&mut w, &["python main.py"]);
    assert_eq!(json(&mut w, "curl http://127.0.0.1:8000/")["environment"], "development");
}

#[test]
fn key_backend_api_url_is_shown_and_checked() {
    let mut w = World::new();
    assert!(out(&mut w, "servers staging").contains("backend:  https://staging-chatbot.railway.app"));
    run(&mut w, &["echo \"BACKEND_API_URL=https://smart-chatbot.railway.app\" >> .env.staging"]);
    let check = w.run("config check staging");
    assert!(check.output.contains("BACKEND_API_URL"), "{}", check.output);
}

#[test]
fn http_errors_come_back_as_fastapi_sends_them() {
    let mut w = World::new();
    run(&mut w, &["python main.py"]);
    assert_eq!(out(&mut w, "curl localhost:8000/nope"), r#"{"detail":"Not Found"}"#);
    assert!(out(&mut w, "curl -i -X DELETE localhost:8000/chat").starts_with("HTTP/1.1 405 Method Not Allowed"));
    assert!(out(&mut w, "curl -X POST localhost:8000/chat -d hello").contains("JSON decode error"));
    assert!(out(&mut w, "curl -X POST localhost:8000/chat -d '{}'").contains("Field required"));
    assert_eq!(
        w.run("curl localhost:3000/").output,
        "curl: (7) Failed to connect to localhost port 3000 after 0 ms: Couldn't connect to server"
    );
    run(&mut w, &["edit chinese-keywords", "stop", "python main.py"]);
    assert_eq!(json(&mut w, r#"curl --json '{"message":"你好"}' localhost:8000/chat"#)["intent"], "greeting");
}

#[test]
fn config_compare_puts_the_profiles_side_by_side() {
    let mut w = World::new();
    let table = out(&mut w, "config compare");
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("  KEY") && lines[0].contains(".env.staging"), "{table}");
    let debug = lines.iter().find(|l| l.contains("API_DEBUG")).unwrap();
    assert!(debug.starts_with("* API_DEBUG") && debug.ends_with("false"), "{debug}");
    // The header's columns line up with the rows'.
    assert_eq!(lines[0].find(".env.development"), debug.find("true"));
    run(&mut w, &["echo \"CONFIDENCE_THRESHOLD=0.5\" >> .env.development"]);
    let out2 = out(&mut w, "config compare");
    let t = out2.lines().find(|l| l.contains("CONFIDENCE_THRESHOLD")).unwrap();
    assert!(t.starts_with("  CONFIDENCE_THRESHOLD"), "all three agree now: {t}");
}

#[test]
fn an_edited_main_py_is_named_not_pretended() {
    let mut w = World::new();
    run(&mut w, &["echo \"# a comment\" >> main.py"]);
    let started = out(&mut w, "python main.py");
    assert!(started.contains("main.py differs from the one this tutor runs"), "{started}");
    assert!(out(&mut w, "servers local").contains("not edits to the program itself"));
    run(&mut w, &["stop", "git checkout -- main.py", "python main.py"]);
    assert!(!out(&mut w, "servers local").contains("main.py differs"));
}

#[test]
fn each_server_has_its_data_integrations_and_speed_and_development_never_reaches_customers() {
    let mut w = World::new();
    for (server, data, apis, speed) in [
        ("development", "fake test data", "mock APIs", "doesn't matter"),
        ("staging", "production-like test data", "test APIs", "should be fast"),
        ("production", "real customer data", "live APIs", "must be fast"),
    ] {
        let o = out(&mut w, &format!("servers {server}"));
        assert!(o.contains(&format!("data:     {data} (")), "{server}: {o}");
        assert!(o.contains(&format!("APIs:     {apis}")), "{server}: {o}");
        assert!(o.contains(&format!("speed:    {speed}")), "{server}: {o}");
    }
    // With API_DEBUG on, main.py's GET / says where the data is.
    let dev = json(&mut w, "curl https://dev-chatbot.railway.app/");
    assert_eq!(dev["database"], "postgresql://dev-db.railway.internal:5432/fake_test_data");
    assert!(
        json(&mut w, "curl https://smart-chatbot.railway.app/").get("database").is_none(),
        "debug is off in production"
    );
    let prod_db = "postgresql://prod-db.railway.internal:5432/real_customer_data";
    for server in ["development", "staging"] {
        let refused = w.run(&format!("servers {server} set DATABASE_URL={prod_db}"));
        assert!(!refused.ok && refused.output.contains("cannot reach real customer data"), "{}", refused.output);
    }
    assert!(!out(&mut w, "servers development").contains("real customer data"));
}
