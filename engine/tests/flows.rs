//! The workflows the lessons build on, replayed as `b2p replay` would replay
//! the files in `tests/flows/` (run one yourself:
//! `cargo run -q -p b2p-engine --bin b2p -- replay < engine/tests/flows/FILE`).

use engine::{ReplayState, Terminal, World};

fn replay(script: &str) -> (World, Vec<(String, bool, String)>) {
    let mut world = World::new();
    let mut log = Vec::new();
    for line in script.lines().filter(|l| !l.trim().is_empty()) {
        let out = world.run(line);
        log.push((line.to_string(), out.ok, out.output));
    }
    (world, log)
}

fn outcome<'a>(log: &'a [(String, bool, String)], line: &str, nth: usize) -> &'a (String, bool, String) {
    log.iter().filter(|(l, _, _)| l == line).nth(nth).unwrap_or_else(|| panic!("no line {line}"))
}

#[test]
fn a_teammate_pushed_first_then_pull_rebase_gives_a_linear_history() {
    let (world, log) = replay(include_str!("flows/teammate-pushed-first.txt"));
    let rejected = outcome(&log, "git push origin development", 0);
    assert!(!rejected.1, "the first push is rejected: {}", rejected.2);
    assert!(rejected.2.contains("! [rejected]        development -> development (fetch first)"), "{}", rejected.2);
    let pulled = outcome(&log, "git pull --rebase origin development", 0);
    assert!(pulled.1 && pulled.2.contains("Successfully rebased and updated refs/heads/development."), "{}", pulled.2);
    let pushed = outcome(&log, "git push origin development", 1);
    assert!(pushed.1, "the second push is accepted: {}", pushed.2);
    // Linear: no merge commit on development, the learner's commit on top of the teammate's.
    let state = ReplayState::of(&world);
    let tip = &state.origin.branches["development"];
    let top = &state.commits[tip];
    assert_eq!(top.subject, "Document setup");
    assert_eq!(top.parents.len(), 1);
    let below = &state.commits[&top.parents[0]];
    assert_eq!(below.subject, "Add product inquiry intent");
    assert!(state.commits.values().all(|c| c.parents.len() < 2), "no merge commits anywhere");
}

#[test]
fn a_hotfix_from_main_is_carried_back_to_development_by_cherry_pick() {
    let (world, log) = replay(include_str!("flows/hotfix-carried-back.txt"));
    for (line, ok, output) in &log {
        assert!(ok, "{line}: {output}");
    }
    let state = ReplayState::of(&world);
    let dev = &state.commits[&state.origin.branches["development"]];
    assert_eq!(dev.subject, "Fix the human handoff reply", "development's tip is the picked fix");
    let main = &state.commits[&state.origin.branches["main"]];
    assert_eq!(main.subject, "Merge hotfix/handoff-reply");
    // The pick is a new commit (development was never merged from main).
    assert_ne!(state.origin.branches["development"], main.parents[1]);
    assert!(world.work().get("intents.json").is_some_and(|t| t.contains("\"reply\"")), "the fix is in the tree");
}
