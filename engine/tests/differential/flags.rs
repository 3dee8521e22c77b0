//! No option silently ignored. For every option real git lists for a command
//! (`git <command> -h`), the engine either implements it — it is in
//! `IMPLEMENTED`, reviewed to have git's behaviour — or refuses it as "not
//! simulated in this tutor yet"; and every option the engine accepts is one
//! git has. The engine's table of git's options must match the git installed.

use std::collections::BTreeSet;
use std::process::Command;

use engine::{Terminal, World};

/// What git lists for `args` (`-h`): its one-letter and long options.
fn git_options(args: &[&str]) -> (BTreeSet<char>, BTreeSet<String>) {
    let out = Command::new("git").args(args).arg("-h").env("LC_ALL", "C").output().expect("run git");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let (mut shorts, mut longs) = (BTreeSet::new(), BTreeSet::new());
    for line in text.lines() {
        let t = line.trim_start();
        if t.len() == line.len() || !t.starts_with('-') {
            continue;
        }
        let mut rest = t;
        // `-q, --[no-]quiet`, `-b <branch>`, `--[no-]track[=(direct|inherit)]`
        if let Some(c) = rest.strip_prefix('-').and_then(|r| r.chars().next()).filter(char::is_ascii_alphanumeric) {
            shorts.insert(c);
            rest = rest[2..].trim_start_matches(',').trim_start();
        }
        if let Some(long) = rest.strip_prefix("--") {
            let (negatable, long) = match long.strip_prefix("[no-]") {
                Some(l) => (true, l),
                None => (false, long),
            };
            let name: String = long.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            if !name.is_empty() {
                if negatable {
                    longs.insert(format!("no-{name}"));
                }
                longs.insert(name);
            }
        }
    }
    (shorts, longs)
}

fn git_args(command: &str) -> Vec<&str> {
    if command == "stash" { vec!["stash", "push"] } else { vec![command] }
}

/// Options the engine implements with git's behaviour, per command. `no-edit`
/// is honest where listed: the tutor never opens an editor.
const IMPLEMENTED: &[(&str, &str, &str)] = &[
    ("status", "s", "short"),
    ("log", "n", "oneline graph all max-count decorate first-parent"),
    (
        "branch",
        "aDdfMmvlru",
        "all delete force move verbose list remotes show-current merged no-merged set-upstream-to unset-upstream",
    ),
    ("checkout", "b", "detach"),
    ("switch", "cd", "create detach"),
    ("add", "A", "all"),
    ("commit", "am", "all message allow-empty no-edit amend"),
    ("merge", "m", "no-ff ff-only ff abort continue no-edit message squash no-commit"),
    ("remote", "v", "verbose"),
    ("fetch", "p", "all prune"),
    ("pull", "r", "ff-only no-ff rebase no-rebase no-edit"),
    ("push", "ufd", "set-upstream force tags delete force-with-lease"),
    ("tag", "dfaml", "delete force annotate message list"),
    ("reset", "", "hard soft mixed"),
    ("revert", "m", "mainline no-edit continue skip abort"),
    ("diff", "", "stat cached staged"),
    ("restore", "sSWq", "source staged worktree quiet"),
    ("cherry-pick", "", "continue skip abort"),
    ("rebase", "", "continue skip abort onto"),
    ("init", "", ""),
    ("stash", "mu", "message include-untracked"),
    ("show", "sp", "stat oneline no-patch patch"),
    ("rm", "fqr", "cached force quiet"),
    ("mv", "f", "force"),
    ("ls-files", "co", "cached others"),
    ("describe", "", "tags always abbrev"),
    ("ls-remote", "bt", "branches heads tags"),
];

#[test]
fn the_engines_table_of_git_options_matches_git() {
    let mut wrong = Vec::new();
    for (command, shorts, longs) in engine::git::known_flags::table() {
        let (git_shorts, git_longs) = git_options(&git_args(command));
        let ours: BTreeSet<char> = shorts.chars().collect();
        let our_longs: BTreeSet<String> = longs.split(' ').filter(|l| !l.is_empty()).map(str::to_string).collect();
        if ours != git_shorts || our_longs != git_longs {
            // The line engine/src/git/known_flags.rs should have.
            wrong.push(format!(
                "    (\"{command}\", \"{}\", \"{}\"),",
                git_shorts.iter().collect::<String>(),
                git_longs.iter().cloned().collect::<Vec<_>>().join(" ")
            ));
        }
    }
    assert!(wrong.is_empty(), "known_flags.rs differs from this git; its lines should be:\n{}", wrong.join("\n"));
}

/// Whether real git accepts `git ARGS WORD` (in a fresh repository) without
/// calling the option unknown: options git parses but does not list in `-h`
/// (`git log --oneline`, `git commit --allow-empty`).
fn git_accepts(args: &[&str], word: &str) -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    let git = |a: &[&str]| {
        Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"])
            .args(a)
            .current_dir(dir.path())
            .env("LC_ALL", "C")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("run git")
    };
    git(&["init", "-q"]);
    git(&["commit", "-q", "--allow-empty", "-m", "x"]);
    let out = git(&[args, &[word, "x"]].concat());
    let err = String::from_utf8_lossy(&out.stderr);
    !(err.contains("unknown option") || err.contains("unknown switch") || err.contains("unrecognized argument"))
}

#[test]
fn every_option_git_lists_is_implemented_or_refused() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (command, shorts, longs) in IMPLEMENTED {
        let (git_shorts, git_longs) = git_options(&git_args(command));
        let prefix = git_args(command).join(" ");
        let args = git_args(command);
        for l in longs.split(' ').filter(|l| !l.is_empty()) {
            if !git_longs.contains(l) && !git_accepts(&args, &format!("--{l}")) {
                problems.push(format!("git {prefix} has no --{l}, but the engine accepts it"));
            }
        }
        for c in shorts.chars() {
            if !git_shorts.contains(&c) && !git_accepts(&args, &format!("-{c}")) {
                problems.push(format!("git {prefix} has no -{c}, but the engine accepts it"));
            }
        }
        let words = git_longs
            .iter()
            .filter(|l| !longs.split(' ').any(|i| i == *l))
            .map(|l| format!("--{l}"))
            .chain(git_shorts.iter().filter(|c| !shorts.contains(**c)).map(|c| format!("-{c}")));
        for word in words {
            checked += 1;
            let mut world = World::new();
            let line = format!("git {prefix} {word}");
            let out = world.run(&line);
            if out.ok || !out.output.contains("is not simulated in this tutor yet") {
                problems.push(format!("{line}: {}", out.output.lines().next().unwrap_or("(accepted silently)")));
            }
        }
    }
    println!("options: {checked} that git lists and the engine does not implement, each refused");
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}
