//! The repository's CI pipeline ("CI" workflow): the chatbot's tests over
//! `intents.json` and `config check` over the `.env` profiles, each job with
//! the log a runner would print.

use serde::{Deserialize, Serialize};

use crate::chatbot;
use crate::config::check::{Env, report};
use crate::repo::Tree;

/// One job of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The job (`test`, `config-check`).
    pub name: String,
    /// Whether it passed.
    pub ok: bool,
    /// How long it took (virtual).
    pub seconds: u32,
    /// What it printed.
    pub log: Vec<String>,
}

/// The names branch protection can require.
pub const JOBS: [&str; 2] = ["test", "config-check"];

/// Runs every job against a commit's tree.
pub fn run(tree: &Tree) -> Vec<Check> {
    vec![test_job(tree), config_job(tree)]
}

/// `pytest tests/test_intents.py`: intents.json loads, every intent has
/// keywords and a reply, and each intent's first keyword is classified as it.
fn test_job(tree: &Tree) -> Check {
    let mut log = vec!["$ pytest -q tests/test_intents.py".to_string()];
    let mut failures = Vec::new();
    let mut passed = 0;
    match tree.get("intents.json").map(|t| chatbot::load_intents(t)) {
        None => failures.push(
            "test_intents_load - FileNotFoundError: [Errno 2] No such file or directory: 'intents.json'".to_string(),
        ),
        Some(Err(e)) => failures.push(format!("test_intents_load - {e}")),
        Some(Ok(intents)) => {
            passed += 1;
            for intent in &intents {
                let name = &intent.name;
                if intent.reply().is_none() {
                    failures.push(format!("test_every_intent_has_a_reply[{name}] - KeyError: 'reply'"));
                } else {
                    passed += 1;
                }
                match intent.first_keyword() {
                    None => failures
                        .push(format!("test_keywords_classify[{name}] - AssertionError: {name} has no keywords")),
                    Some(kw) => {
                        let scores = chatbot::scores(&kw, &intents);
                        match chatbot::winner(&scores).and_then(|i| scores.get(i)) {
                            Some((got, score)) if got == name && score.0 >= 50 => passed += 1,
                            Some((got, score)) => failures.push(format!(
                                "test_keywords_classify[{name}] - AssertionError: {kw:?} classified as {got} ({score}), expected {name}"
                            )),
                            None => failures.push(format!(
                                "test_keywords_classify[{name}] - AssertionError: {kw:?} matched no intent, expected {name}"
                            )),
                        }
                    }
                }
            }
        }
    }
    let mut dots = ".".repeat(passed);
    dots.push_str(&"F".repeat(failures.len()));
    log.push(dots);
    for f in &failures {
        log.push(format!("FAILED tests/test_intents.py::{f}"));
    }
    log.push(if failures.is_empty() {
        format!("{passed} passed in 0.21s")
    } else {
        format!("{} failed, {passed} passed in 0.24s", failures.len())
    });
    Check { name: "test".into(), ok: failures.is_empty(), seconds: 14, log }
}

/// `config check` over the three profiles, printing exactly what the
/// terminal's command prints: errors fail the job, warnings don't.
fn config_job(tree: &Tree) -> Check {
    let (ok, lines) = report(tree, &[Env::Development, Env::Staging, Env::Production]);
    let mut log = vec!["$ config check".to_string()];
    log.extend(lines.iter().flat_map(|l| l.lines().map(str::to_string)));
    log.push(if ok {
        "Process completed with exit code 0.".into()
    } else {
        "Error: Process completed with exit code 1.".into()
    });
    Check { name: "config-check".into(), ok, seconds: 4, log }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project;

    #[test]
    fn the_seed_passes_and_the_handoff_bug_fails_the_tests() {
        let tree = project::initial_tree();
        assert!(run(&tree).iter().all(|c| c.ok), "{:?}", run(&tree));
        let mut buggy = tree.clone();
        let edit = project::EDITS.iter().find(|e| e.name == "handoff-bug").unwrap();
        (edit.apply)(buggy.get_mut("intents.json").unwrap()).unwrap();
        let checks = run(&buggy);
        assert!(!checks[0].ok);
        assert!(
            checks[0]
                .log
                .iter()
                .any(|l| l.contains("test_every_intent_has_a_reply[human_handoff] - KeyError: 'reply'"))
        );
        assert!(checks[1].ok);
    }

    #[test]
    fn a_broken_profile_fails_config_check() {
        let mut tree = project::initial_tree();
        tree.insert(".env.production".into(), "API_DEBUG=maybe\n".into());
        assert!(!run(&tree)[1].ok);
    }
}
