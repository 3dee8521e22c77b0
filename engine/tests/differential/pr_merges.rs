//! `gh pr merge` makes the graph GitHub would: each method is checked against
//! real git doing the same operation (`merge --no-ff`, `merge --squash` +
//! commit, `rebase` + fast-forward) on the same history.

use engine::{Terminal, World};

use super::real_git::RealGit;
use super::{describe, engine_raw};

/// A feature branch with two commits, pushed; `development` moves on meanwhile.
const SETUP: &[&str] = &[
    "git checkout development",
    "git checkout -b feature/x",
    "echo one > one.txt",
    "git add one.txt",
    "git commit -m 'Add one'",
    "echo 'More docs' >> README.md",
    "git commit -am 'Document feature'",
    "git push -u origin feature/x",
    "git checkout development",
    "echo dev > dev.txt",
    "git add dev.txt",
    "git commit -m 'Dev work'",
    "git push origin development",
];

fn compare(method: &str, real_git_script: &str) {
    let mut world = World::new();
    let mut git = RealGit::new(false);
    for line in SETUP {
        assert!(world.run(line).ok, "engine: {line}");
        assert!(git.run(line).0, "git: {line}");
    }
    let created = world.run("gh pr create --base development --head feature/x --title 'Add things'");
    assert!(created.ok, "{}", created.output);
    let merged = world.run(&format!("gh pr merge 1 --{method}"));
    assert!(merged.ok, "{}", merged.output);
    let (ok, out) = git.run(real_git_script);
    assert!(ok, "real git: {out}");

    let ours = engine_raw(&world, true).snapshot();
    let theirs = git.raw(true).snapshot();
    assert_eq!(
        ours.origin_branches.get("development"),
        theirs.origin_branches.get("development"),
        "--{method}: origin/development's history differs from real git's:\n{}",
        describe(&ours, &theirs)
    );
    // The same files, with the same content, at the new tip.
    let tip = &world.origin().branches["development"];
    let tree = &world.origin().commits[tip].tree;
    let (_, listing) = git.run("git ls-tree -r --name-only origin/development");
    assert_eq!(tree.keys().cloned().collect::<Vec<_>>(), listing.lines().map(str::to_string).collect::<Vec<_>>());
    for (path, body) in tree {
        let (_, real) = git.run(&format!("git show origin/development:{path}"));
        assert_eq!(&real, body, "--{method}: {path} differs");
    }
}

#[test]
fn merge_makes_a_merge_commit() {
    compare(
        "merge",
        "git merge -q --no-ff feature/x -m 'Merge pull request #1 from you/feature/x' -m 'Add things' && git push -q origin development",
    );
}

#[test]
fn squash_makes_one_commit_titled_with_the_number() {
    compare(
        "squash",
        "git merge -q --squash feature/x && git commit -q -m 'Add things (#1)' -m '* Add one' && git push -q origin development",
    );
}

#[test]
fn rebase_replays_the_commits_onto_the_base() {
    compare(
        "rebase",
        "git checkout -q feature/x && git rebase -q development && git checkout -q development && git merge -q --ff-only feature/x && git push -q origin development",
    );
}
