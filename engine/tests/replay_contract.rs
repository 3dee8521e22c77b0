//! The `b2p replay --json` contract, end to end through the real binary.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn replay(args: &[&str], input: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_b2p"))
        .arg("replay")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run b2p");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn checkout_b_follows_the_contract() {
    let steps = replay(&["--json"], "git checkout -b feature/x\n");
    assert_eq!(steps.len(), 1);
    let s = &steps[0];
    assert_eq!(s["line"], "git checkout -b feature/x");
    assert_eq!(s["ok"], true);
    assert_eq!(s["output"], "Switched to a new branch 'feature/x'");
    let st = &s["state"];
    assert_eq!(st["head"], serde_json::json!({"branch": "feature/x"}));
    let main = st["branches"]["main"].as_str().unwrap();
    assert_eq!(main.len(), 40);
    for b in ["development", "feature/x"] {
        assert_eq!(st["branches"][b], main);
    }
    assert_eq!(st["upstreams"], serde_json::json!({"development": "origin/development", "main": "origin/main"}));
    assert_eq!(st["remote_tracking"]["origin/main"], main);
    assert_eq!(st["origin"]["head"], "main");
    assert_eq!(st["origin"]["branches"]["development"], main);
    assert_eq!(st["tags"], serde_json::json!({}));
    assert_eq!(st["commits"][main], serde_json::json!({"parents": [], "subject": "Initial commit"}));
}

#[test]
fn refusals_are_ok_false_with_gits_words() {
    let steps = replay(&["--json"], "git checkout nope\ngit branch 'a..b'\ngit commit -m x\n");
    assert_eq!(steps[0]["ok"], false);
    assert_eq!(steps[0]["output"], "error: pathspec 'nope' did not match any file(s) known to git");
    assert!(steps[1]["output"].as_str().unwrap().starts_with("fatal: 'a..b' is not a valid branch name"));
    assert_eq!(steps[2]["ok"], false);
    assert!(steps[2]["output"].as_str().unwrap().ends_with("nothing to commit, working tree clean"));
}

#[test]
fn detached_head_and_commits_are_reported() {
    let steps = replay(&["--json"], "git commit --allow-empty -m second\ngit checkout HEAD~1\n");
    let st = &steps[1]["state"];
    let second = st["branches"]["main"].as_str().unwrap();
    let first = st["commits"][second]["parents"][0].as_str().unwrap();
    assert_eq!(st["head"], serde_json::json!({"detached": first}));
    assert_eq!(st["commits"][second]["subject"], "second");
}

#[test]
fn empty_start_has_no_repository() {
    let steps = replay(&["--json", "--empty"], "git status\ngit init\n");
    assert_eq!(steps[0]["ok"], false);
    assert_eq!(steps[0]["output"], "fatal: not a git repository (or any of the parent directories): .git");
    assert_eq!(steps[0]["state"]["head"], Value::Null);
    assert_eq!(steps[1]["state"]["head"], serde_json::json!({"branch": "main"}));
}

#[test]
fn servers_topology_pull_requests_and_protection_are_in_the_state() {
    let script = "git checkout -b feature/x development\ngit commit --allow-empty -m x\ngit push -u origin feature/x\ngh pr create --base development --fill\nprotect main --require-pr --approvals 1\n";
    let steps = replay(&["--json"], script);
    let st = &steps.last().unwrap()["state"];
    assert_eq!(st["topology"], "professional");
    let initial = st["origin"]["branches"]["main"].as_str().unwrap();
    assert_eq!(
        st["servers"]["staging"],
        serde_json::json!({"url": "https://staging-chatbot.railway.app", "branch": "main", "env_file": ".env.staging",
            "deployed": initial, "status": "running", "users_affected": 0})
    );
    assert_eq!(st["servers"]["local"]["status"], "stopped");
    assert_eq!(st["servers"]["local"]["deployed"], Value::Null);
    assert_eq!(st["servers"]["preview-1"]["url"], "https://deploy-preview-1--smart-chatbot.netlify.app");
    assert_eq!(st["servers"]["preview-1"]["branch"], "feature/x");
    let pr = &st["pull_requests"][0];
    assert_eq!(pr["number"], 1);
    assert_eq!(pr["base"], "development");
    assert_eq!(pr["head"], "feature/x");
    assert_eq!(pr["title"], "x");
    assert_eq!(pr["state"], "open");
    assert_eq!(pr["reviews"], serde_json::json!([]));
    assert_eq!(
        pr["checks"],
        serde_json::json!([{"name": "test", "status": "pass"}, {"name": "config-check", "status": "pass"}])
    );
    assert_eq!(pr["mergeable"], true);
    assert_eq!(
        st["protection"],
        serde_json::json!({"main": {"require_pr": true, "approvals": 1, "require_checks": false}})
    );
}
