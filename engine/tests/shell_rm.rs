//! The terminal's `rm` against GNU rm: the same files go, the same
//! complaints in the same words, the same success or failure. Each case runs
//! in a scratch folder holding two files and a `.git` folder, as the
//! tutor's project does.

use engine::{Terminal, World};
use std::process::Command;

const CASES: &[&str] = &[
    "rm a.txt",
    "rm a.txt b.txt",
    "rm missing.txt",
    "rm missing.txt a.txt",
    "rm -f missing.txt",
    "rm -f",
    "rm",
    "rm -rf a.txt",
    "rm -Rf -- a.txt",
    "rm --force missing.txt b.txt",
    "rm -x a.txt",
    "rm --bogus a.txt",
    "rm .",
    "rm -r .",
    "rm ..",
    "rm -r .git/..",
    "rm .git",
    "rm ./a.txt",
];

/// What GNU rm did: (succeeded, its complaints, the files left).
fn real(case: &str) -> (bool, String, Vec<String>) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    for f in ["a.txt", "b.txt"] {
        std::fs::write(dir.path().join(f), "text\n").expect("a file");
    }
    std::fs::create_dir(dir.path().join(".git")).expect("a .git folder");
    let out =
        Command::new("sh").arg("-c").arg(case).current_dir(dir.path()).env("LC_ALL", "C").output().expect("sh runs");
    let left = ["a.txt", "b.txt"].iter().filter(|f| dir.path().join(f).exists()).map(ToString::to_string).collect();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).trim_end().to_string(), left)
}

/// What the terminal did, from a project holding the same two files.
fn tutor(case: &str) -> (bool, String, Vec<String>) {
    let mut world = World::new();
    for f in ["a.txt", "b.txt"] {
        assert!(world.run(&format!("echo text > {f}")).ok);
    }
    let out = world.run(case);
    let listing = world.run("ls").output;
    let left = ["a.txt", "b.txt"]
        .iter()
        .filter(|f| listing.split_whitespace().any(|w| w == **f))
        .map(ToString::to_string)
        .collect();
    (out.ok, out.output.trim_end().to_string(), left)
}

#[test]
fn rm_does_what_gnu_rm_does() {
    let differences: Vec<String> = CASES
        .iter()
        .filter_map(|case| {
            let (want, got) = (real(case), tutor(case));
            (want != got).then(|| format!("{case}\n  rm:    {want:?}\n  tutor: {got:?}"))
        })
        .collect();
    assert!(differences.is_empty(), "the terminal's rm differs from GNU rm:\n{}", differences.join("\n"));
}
