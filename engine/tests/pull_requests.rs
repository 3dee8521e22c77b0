//! Pull requests, CI checks, reviews, branch protection and deploy previews,
//! driven through the terminal as a learner would.

use engine::github::{PrState, ReviewState};
use engine::{ReplayState, Terminal, World};

fn run(world: &mut World, lines: &[&str]) {
    for line in lines {
        let o = world.run(line);
        assert!(o.ok, "`{line}` failed:\n{}", o.output);
    }
}

fn refused(world: &mut World, line: &str) -> String {
    let o = world.run(line);
    assert!(!o.ok, "`{line}` should have been refused:\n{}", o.output);
    o.output
}

/// A pushed feature branch carrying the lessons' buggy commit.
fn buggy_feature(world: &mut World) {
    run(
        world,
        &[
            "git checkout development",
            "git checkout -b feature/new-chatbot-intent",
            "edit product-inquiry",
            "edit handoff-bug",
            "git commit -am \"Add product inquiry intent\"",
            "git push -u origin feature/new-chatbot-intent",
        ],
    );
}

#[test]
fn must_show_pr_with_failing_checks_fixed_approved_squashed_and_deployed() {
    let mut w = World::new();
    run(&mut w, &["protect development --require-pr --approvals 1 --require-checks"]);
    buggy_feature(&mut w);
    let created = w.run("gh pr create --base development --title \"Add product inquiry intent\" --body \"New intent\"");
    assert!(created.ok, "{}", created.output);
    assert!(created.output.contains("https://github.com/you/smart-chatbot/pull/1"));
    assert!(created.output.contains("X failing: test"), "CI runs on creation: {}", created.output);

    let checks = refused(&mut w, "gh pr checks 1");
    assert!(checks.starts_with("Some checks were not successful"), "{checks}");
    let log = w.run("gh run view 1 --log-failed").output;
    assert!(log.contains("test_every_intent_has_a_reply[human_handoff] - KeyError: 'reply'"), "{log}");

    let blocked = refused(&mut w, "gh pr merge 1 --squash");
    assert!(blocked.contains("the base branch policy prohibits the merge"), "{blocked}");
    assert!(blocked.contains("Required status check \"CI / test\" is failing."), "{blocked}");
    assert!(blocked.contains("at least 1 approving review"), "{blocked}");

    // The fix, pushed to the PR's branch, re-runs CI.
    let pushed = w.run("edit handoff-fix && git commit -am \"Fix handoff reply\" && git push");
    assert!(pushed.ok && pushed.output.contains("✓ all checks passed"), "{}", pushed.output);
    assert!(w.run("gh pr checks 1").output.starts_with("All checks were successful"));
    let st = ReplayState::of(&w);
    assert_eq!(st.pull_requests[0].checks.iter().map(|c| c.status).collect::<Vec<_>>(), ["pass", "pass"]);
    assert_eq!(st.pull_requests[0].blocked_by.len(), 1, "still needs a review: {:?}", st.pull_requests[0].blocked_by);

    // You cannot approve your own PR; a teammate can.
    assert!(refused(&mut w, "gh pr review 1 --approve").contains("Can not approve your own pull request"));
    run(&mut w, &["@teammate gh pr review 1 --approve"]);
    let st = ReplayState::of(&w);
    assert_eq!(st.pull_requests[0].reviews[0].state, ReviewState::Approved);
    assert!(st.pull_requests[0].blocked_by.is_empty());

    let dev_before = st.servers["development"].deployed.clone();
    let merged = w.run("gh pr merge 1 --squash --delete-branch");
    assert!(merged.ok, "{}", merged.output);
    assert!(
        merged.output.contains("✓ Squashed and merged pull request you/smart-chatbot#1 (Add product inquiry intent)")
    );
    assert!(merged.output.contains("development server deploying"), "{}", merged.output);
    let st = ReplayState::of(&w);
    let tip = &st.origin.branches["development"];
    assert_eq!(st.commits[tip].subject, "Add product inquiry intent (#1)");
    assert_eq!(st.commits[tip].parents.len(), 1);
    assert_eq!(st.servers["development"].deployed.as_ref(), Some(tip));
    assert_ne!(st.servers["development"].deployed, dev_before);
    assert_eq!(st.pull_requests[0].state, PrState::Merged);
    assert!(!st.origin.branches.contains_key("feature/new-chatbot-intent"));
    assert_eq!(st.head, Some(engine::replay::HeadState::Branch("development".into())));
    assert_eq!(st.branches["development"], *tip, "gh brought the local base branch up to date");

    // And main, once protected, refuses a direct push.
    run(&mut w, &["protect main --require-pr --approvals 1", "git checkout main", "git merge development"]);
    let push = refused(&mut w, "git push origin main");
    assert!(
        push.starts_with(
            "remote: error: GH006: Protected branch update failed for refs/heads/main.\nremote: error: At least 1 approving review is required by reviewers with write access.\nTo https://github.com/you/smart-chatbot.git\n ! [remote rejected] main -> main (protected branch hook declined)\nerror: failed to push some refs to 'https://github.com/you/smart-chatbot.git'"
        ),
        "{push}"
    );
}

#[test]
fn protection_without_reviews_asks_for_a_pull_request_and_refuses_force_pushes() {
    let mut w = World::new();
    run(&mut w, &["protect main --require-pr", "git commit --allow-empty -m direct"]);
    assert!(
        refused(&mut w, "git push origin main").contains("remote: error: Changes must be made through a pull request.")
    );
    run(&mut w, &["protect main --off", "git push origin main", "git reset --hard HEAD~1", "protect main"]);
    let forced = refused(&mut w, "git push --force origin main");
    assert!(forced.contains("remote: error: Cannot force-push to this branch"), "{forced}");
    let st = ReplayState::of(&w);
    assert!(!st.protection["main"].require_pr, "`protect main` alone only forbids force pushes");
}

#[test]
fn a_changes_requested_review_blocks_until_approved() {
    let mut w = World::new();
    run(&mut w, &["protect development --approvals 1"]);
    run(
        &mut w,
        &["git checkout -b feature/y development", "git commit --allow-empty -m y", "git push -u origin feature/y"],
    );
    run(
        &mut w,
        &["gh pr create -B development -t \"Y\"", "@teammate gh pr review 1 --request-changes -b \"Needs a test\""],
    );
    assert!(refused(&mut w, "gh pr merge 1 --merge").contains("Changes requested by sam"));
    assert!(refused(&mut w, "@teammate gh pr review 1 --request-changes").contains("body cannot be blank"));
    run(&mut w, &["@teammate gh pr review 1 --approve", "gh pr merge 1 --merge"]);
    let st = ReplayState::of(&w);
    let tip = &st.origin.branches["development"];
    assert_eq!(st.commits[tip].subject, "Merge pull request #1 from you/feature/y");
    assert_eq!(st.commits[tip].parents.len(), 2);
}

#[test]
fn conflicts_block_the_merge_with_githubs_message() {
    let mut w = World::new();
    run(
        &mut w,
        &[
            "git checkout -b feature/a development",
            "echo A > README.md",
            "git commit -am A",
            "git push -u origin feature/a",
            "git checkout development",
            "echo B > README.md",
            "git commit -am B",
            "git push origin development",
            "gh pr create --base development --head feature/a --fill",
        ],
    );
    assert!(!ReplayState::of(&w).pull_requests[0].mergeable);
    let o = refused(&mut w, "gh pr merge 1 --squash");
    assert!(o.contains("is not mergeable: the merge commit cannot be cleanly created."), "{o}");
}

#[test]
fn deploy_previews_follow_the_pull_request() {
    let mut w = World::new();
    buggy_feature(&mut w);
    run(&mut w, &["gh pr create --base development --fill"]);
    let st = ReplayState::of(&w);
    let preview = &st.servers["preview-1"];
    assert_eq!(preview.url, "https://deploy-preview-1--smart-chatbot.netlify.app");
    assert_eq!(preview.env_file, ".env.staging");
    assert_eq!(preview.deployed.as_ref(), Some(&st.origin.branches["feature/new-chatbot-intent"]));
    let get = w.run("curl https://deploy-preview-1--smart-chatbot.netlify.app/");
    assert!(get.output.contains("\"branch\":\"feature/new-chatbot-intent\""), "{}", get.output);
    // The preview shows the bug with staging's debug details.
    let chat = w.run(
        r#"curl -X POST -d '{"message":"human please"}' https://deploy-preview-1--smart-chatbot.netlify.app/chat"#,
    );
    assert!(chat.output.contains("KeyError: 'reply'"), "{}", chat.output);

    run(&mut w, &["edit handoff-fix", "git commit -am fix", "git push"]);
    let st = ReplayState::of(&w);
    assert_eq!(st.servers["preview-1"].deployed.as_ref(), Some(&st.origin.branches["feature/new-chatbot-intent"]));

    let closed = w.run("gh pr close 1");
    assert!(closed.ok && closed.output.contains("removed"), "{}", closed.output);
    assert!(!ReplayState::of(&w).servers.contains_key("preview-1"));
    assert!(
        w.run("curl https://deploy-preview-1--smart-chatbot.netlify.app/").output.contains("Could not resolve host")
    );
}

#[test]
fn gh_refuses_in_its_own_words() {
    let mut w = World::new();
    run(&mut w, &["git checkout -b feature/z"]);
    assert!(refused(&mut w, "gh pr create --title x").starts_with("aborted: you must first push the current branch"));
    run(&mut w, &["git push -u origin feature/z"]);
    assert!(refused(&mut w, "gh pr create --base main --title x").contains("No commits between main and feature/z"));
    assert!(refused(&mut w, "gh pr view 9").contains("Could not resolve to a PullRequest with the number of 9"));
    assert!(refused(&mut w, "gh pr merge").contains("no pull requests found for branch \"feature/z\""));
    assert!(refused(&mut w, "gh pr list --state weird").contains("valid values are {open|closed|merged|all}"));
    assert!(refused(&mut w, "gh pr create --frob").starts_with("unknown flag: --frob"));
    assert_eq!(w.run("gh pr list").output, "no open pull requests in you/smart-chatbot");
    run(&mut w, &["git commit --allow-empty -m z", "git push", "gh pr create --fill"]);
    assert!(refused(&mut w, "gh pr create --fill").contains("already exists"));
    assert!(refused(&mut w, "gh pr merge 1").contains("--merge, --rebase, or --squash required"));
    assert_eq!(
        w.run("gh pr list").output,
        "Showing 1 of 1 open pull request in you/smart-chatbot\n\n#1  z  feature/z  less than a minute ago"
    );
}

#[test]
fn a_pr_merged_by_hand_is_marked_merged() {
    let mut w = World::new();
    run(
        &mut w,
        &["git checkout -b feature/h development", "git commit --allow-empty -m h", "git push -u origin feature/h"],
    );
    run(&mut w, &["gh pr create -B development --fill", "git checkout development", "git merge feature/h", "git push"]);
    assert_eq!(ReplayState::of(&w).pull_requests[0].state, PrState::Merged);
}

#[test]
fn a_teammate_checks_out_the_pr_to_review_it() {
    let mut w = World::new();
    run(
        &mut w,
        &[
            "git checkout -b feature/c development",
            "edit product-inquiry",
            "git commit -am c",
            "git push -u origin feature/c",
        ],
    );
    run(&mut w, &["gh pr create -B development --fill"]);
    let o = w.run("@teammate gh pr checkout 1");
    assert!(o.ok, "{}", o.output);
    assert!(o.output.contains("Switched to a new branch 'feature/c'"), "{}", o.output);
    assert!(w.run("@teammate cat intents.json").output.contains("product_inquiry"));
    let st = ReplayState::of(&w);
    assert_eq!(st.teammate.unwrap().head, engine::replay::HeadState::Branch("feature/c".into()));
    assert!(refused(&mut w, "gh pr checkout").starts_with("accepts 1 arg(s), received 0"));
}
