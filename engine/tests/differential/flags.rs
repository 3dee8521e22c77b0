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
    ("status", "sbu", "short branch long porcelain untracked-files"),
    (
        "log",
        "npusiSG",
        "oneline graph all max-count decorate no-decorate date first-parent follow patch stat no-patch pretty format abbrev-commit no-abbrev-commit name-only name-status author grep regexp-ignore-case reverse merges no-merges left-right left-only right-only",
    ),
    (
        "branch",
        "aDdfMmvlru",
        "all delete force move verbose list remotes show-current merged no-merged contains no-contains set-upstream-to unset-upstream sort",
    ),
    ("checkout", "bBq23t", "detach quiet ours theirs track no-track"),
    ("switch", "cCdqt", "create force-create detach quiet track no-track"),
    ("add", "Aunv", "all update dry-run verbose"),
    ("commit", "amqv", "all message allow-empty no-edit amend quiet verbose"),
    ("merge", "mq", "no-ff ff-only ff abort continue no-edit message squash no-commit quiet"),
    ("remote", "v", "verbose"),
    ("fetch", "pq", "all prune quiet dry-run"),
    ("pull", "rqp", "ff-only no-ff rebase no-rebase no-edit quiet prune"),
    ("push", "ufdqn", "set-upstream force tags delete force-with-lease quiet dry-run"),
    ("tag", "dfamln", "delete force annotate message list contains no-contains sort"),
    ("reset", "q", "hard soft mixed quiet"),
    ("revert", "m", "mainline no-edit continue skip abort"),
    ("diff", "", "stat cached staged name-only name-status"),
    ("clean", "fndqxX", "force dry-run quiet"),
    ("restore", "sSWq23", "source staged worktree quiet ours theirs"),
    ("cherry-pick", "x", "continue skip abort"),
    ("rebase", "q", "continue skip abort onto quiet"),
    ("init", "", ""),
    ("stash", "muqk", "message include-untracked quiet keep-index no-keep-index"),
    (
        "show",
        "spu",
        "stat oneline no-patch patch pretty format abbrev-commit no-abbrev-commit name-only name-status decorate no-decorate date",
    ),
    ("rm", "fqr", "cached force quiet"),
    ("mv", "f", "force"),
    ("ls-files", "co", "cached others"),
    ("describe", "", "tags always abbrev long"),
    ("ls-remote", "bt", "branches heads tags"),
    ("grep", "niclvhe", "line-number ignore-case count files-with-matches invert-match cached"),
    ("shortlog", "sne", "summary numbered email"),
    ("symbolic-ref", "q", "quiet short"),
    ("merge-base", "", "is-ancestor"),
    ("blame", "seL", "show-email"),
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
        let (mut git_shorts, mut git_longs) = git_options(&git_args(command));
        // With the options git parses without listing them (log, show, diff),
        // which the next test checks against git.
        for (_, s, l) in engine::git::known_flags::unlisted().filter(|(c, _, _)| c == command) {
            git_shorts.extend(s.chars());
            git_longs.extend(l.split(' ').map(str::to_string));
        }
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

#[test]
fn the_options_git_parses_without_listing_them_are_gits() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (command, shorts, longs) in engine::git::known_flags::unlisted() {
        let (listed_shorts, listed_longs) = git_options(&[command]);
        let words = longs.split(' ').map(|l| (format!("--{l}"), listed_longs.contains(l)));
        for (word, listed) in words.chain(shorts.chars().map(|c| (format!("-{c}"), listed_shorts.contains(&c)))) {
            checked += 1;
            // `--format=<f>` takes its value only after `=`.
            if listed || !(git_accepts(&[command], &word) || git_accepts(&[command], &format!("{word}=x"))) {
                wrong
                    .push(format!("git {command} {word}: {}", if listed { "already in -h" } else { "git refuses it" }));
            }
        }
    }
    println!("options git parses without listing them: {checked}, each accepted by git");
    assert!(wrong.is_empty(), "known_flags.rs's UNLISTED is wrong for this git:\n{}", wrong.join("\n"));
}

/// The commands `git help -a` lists, up to its guides.
fn git_commands() -> Vec<String> {
    let out = Command::new("git").args(["help", "-a"]).env("LC_ALL", "C").output().expect("run git");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .take_while(|l| !l.starts_with("User-facing"))
        .filter_map(|l| l.strip_prefix("   ").and_then(|l| l.split_whitespace().next()))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_git_has_is_simulated_or_refused_as_such() {
    let commands = git_commands();
    assert!(commands.len() > 100, "git help -a listed only {} commands", commands.len());
    let mut wrong = Vec::new();
    for command in &commands {
        let mut world = World::new();
        let out = world.run(&format!("git {command}"));
        if out.output.contains("is not a git command") {
            wrong.push(command.clone());
        }
    }
    assert!(wrong.is_empty(), "git has these, the tutor calls them not git commands: {}", wrong.join(" "));
}

/// What real git prints for `git WORD` in a fresh repository.
fn git_says(word: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new("git").arg(word).current_dir(dir.path()).env("LC_ALL", "C").output().expect("run git");
    String::from_utf8_lossy(&out.stderr).trim_end().to_string()
}

#[test]
fn a_mistyped_command_gets_gits_suggestions() {
    // Typos of the commands a learner types: a letter dropped, two swapped,
    // one doubled; and a few seen in the wild.
    let mut words: BTreeSet<String> =
        ["pul", "ad", "stat", "tags", "rest", "revparse", "rebas", "sta", "st", "a", "xyzzy", "stash-list", "lgo"]
            .map(str::to_string)
            .into();
    for command in ["status", "commit", "checkout", "branch", "merge", "push", "pull", "switch", "diff", "remote"] {
        let c: Vec<char> = command.chars().collect();
        for i in 0..c.len() {
            let mut dropped = c.clone();
            dropped.remove(i);
            words.insert(dropped.into_iter().collect());
            let mut doubled = c.clone();
            doubled.insert(i, c[i]);
            words.insert(doubled.into_iter().collect());
            if i + 1 < c.len() && c[i] != c[i + 1] {
                let mut swapped = c.clone();
                swapped.swap(i, i + 1);
                words.insert(swapped.into_iter().collect());
            }
        }
    }
    let mut wrong = Vec::new();
    for word in &words {
        let git = git_says(word);
        // A command another program put on this machine's PATH is not git's.
        if !git.contains("is not a git command") || git.contains("credential-gcloud") {
            continue;
        }
        let ours = World::new().run(&format!("git {word}")).output;
        if ours != git {
            wrong.push(format!("git {word}\n--- git:\n{git}\n--- tutor:\n{ours}"));
        }
    }
    println!("typos: {} compared with git", words.len());
    assert!(wrong.is_empty(), "{} differ:\n{}", wrong.len(), wrong.join("\n"));
}
