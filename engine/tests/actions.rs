//! One funnel: every action a button can send has a command line that
//! parses back to it, and typing that line does exactly what the button does.
//! Generated actions carry arbitrary Unicode inside their words (next to `~`,
//! `^`, `=`, quotes, `#`, `;`, `>`), so quoting and parsing are exercised
//! where they break. `make fuzz` raises the case count (`FUZZ_CASES`).

use engine::action::{Action, Argv, Builtin};
use engine::config::check::Env;
use engine::config::commands::ConfigCommand;
use engine::github::gh::{FlagError, GhError};
use engine::github::{ProtectCommand, Protection};
use engine::servers::Topology;
use engine::servers::commands::ServersCommand;
use engine::terminal::parse;
use engine::{Session, World};
use proptest::prelude::*;

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Text that reaches inside tokens: shell-special characters glued to any
/// Unicode, and the vocabulary's fragments.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("~".to_string()),
        Just("^".to_string()),
        Just("=".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("#".to_string()),
        Just(";".to_string()),
        Just(">".to_string()),
        Just("&&".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("$".to_string()),
        Just("-".to_string()),
        Just("HEAD~1".to_string()),
        Just("main^2".to_string()),
        Just("你好".to_string()),
        "\\PC{1,3}",
        "[a-z]{1,5}",
    ];
    prop::collection::vec(piece, 0..6).prop_map(|p| p.concat())
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![text(), "[a-z][a-z/_.-]{0,12}", Just("development".to_string()), Just("feature/x".to_string())]
}

fn name() -> impl Strategy<Value = String> {
    "[A-Z_][A-Z0-9_]{0,8}"
}

fn git() -> impl Strategy<Value = Vec<String>> {
    let w = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
    prop_oneof![
        word().prop_map(move |m| [w(&["commit", "--allow-empty", "-m"]), vec![m]].concat()),
        word().prop_map(move |b| [w(&["checkout", "-b"]), vec![b]].concat()),
        word().prop_map(move |b| [w(&["switch"]), vec![b]].concat()),
        word().prop_map(move |b| [w(&["merge", "--no-ff"]), vec![b]].concat()),
        word().prop_map(move |r| [w(&["reset", "--hard"]), vec![r]].concat()),
        word().prop_map(move |t| [w(&["tag"]), vec![t]].concat()),
        word().prop_map(move |b| [w(&["push", "-u", "origin"]), vec![b]].concat()),
        Just(w(&["status", "--short"])),
        Just(w(&["log", "--oneline", "--graph", "--all"])),
        Just(w(&["pull"])),
        Just(w(&["fetch", "origin"])),
        Just(w(&["branch", "-vv"])),
    ]
}

fn gh() -> impl Strategy<Value = Vec<String>> {
    let w = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
    prop_oneof![
        (word(), word()).prop_map(move |(t, b)| {
            [w(&["pr", "create", "--base", "development", "--title"]), vec![t, "--body".into(), b]].concat()
        }),
        Just(w(&["pr", "create", "--fill"])),
        Just(w(&["pr", "list", "--state", "all"])),
        Just(w(&["pr", "view", "1"])),
        Just(w(&["pr", "checks", "1"])),
        word().prop_map(move |b| [w(&["pr", "review", "1", "--comment", "-b"]), vec![b]].concat()),
        Just(w(&["pr", "merge", "1", "--squash", "--delete-branch"])),
        Just(w(&["run", "view", "1", "--log"])),
    ]
}

fn curl() -> impl Strategy<Value = Vec<String>> {
    (prop::sample::select(vec!["localhost:8000/", "https://staging-chatbot.railway.app/chat"]), word(), word())
        .prop_map(|(url, msg, origin)| {
            vec![
                "-X".into(),
                "POST".into(),
                url.into(),
                "-H".into(),
                format!("Origin: {origin}"),
                "-d".into(),
                format!("{{\"message\": \"{msg}\"}}"),
            ]
        })
}

fn vars() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((name(), word()), 0..3)
}

/// Any action a learner can take, besides `@teammate`.
fn own_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        git().prop_filter_map("git refuses it", |w| Argv::git(w).ok().map(Action::Git)),
        gh().prop_filter_map("gh refuses it", |w| Argv::gh(w).ok().map(Action::Gh)),
        curl().prop_filter_map("curl refuses it", |w| Argv::curl(w).ok().map(Action::Curl)),
        vars().prop_map(Action::RunLocal),
        Just(Action::StopLocal),
        prop::option::of(word()).prop_map(Action::Promote),
        prop_oneof![
            Just(ServersCommand::Ledger),
            word().prop_map(ServersCommand::Show),
            (word(), name(), word()).prop_map(|(server, key, value)| ServersCommand::Set { server, key, value }),
            (word(), word()).prop_map(|(server, key)| ServersCommand::Unset { server, key }),
        ]
        .prop_map(Action::Servers),
        prop::option::of(word()).prop_map(Action::Logs),
        prop_oneof![
            Just(ProtectCommand::List),
            word().prop_map(ProtectCommand::Off),
            (word(), any::<bool>(), 0..3_u32, any::<bool>()).prop_map(|(b, pr, approvals, checks)| {
                ProtectCommand::Set(
                    b,
                    Protection { require_pr: pr || approvals > 0, approvals, require_checks: checks },
                )
            }),
        ]
        .prop_map(Action::Protect),
        prop::option::of(prop::sample::select(vec![Topology::Minimal, Topology::Professional]))
            .prop_map(Action::Topology),
        prop_oneof![
            Just(ConfigCommand::Compare),
            prop::option::of(prop::sample::select(Env::ALL.to_vec())).prop_map(ConfigCommand::Check),
        ]
        .prop_map(Action::Config),
        prop::option::of(word()).prop_map(Action::Edit),
        (word(), text(), any::<bool>()).prop_map(|(path, text, append)| Action::WriteFile { path, text, append }),
        (prop::collection::vec(word(), 1..3), any::<bool>(), any::<bool>())
            .prop_map(|(paths, force, recursive)| Action::RemoveFiles { paths, force, recursive }),
        prop::collection::vec(word(), 0..4).prop_map(|w| Action::Shell(Builtin::Echo(w))),
        prop::collection::vec(word(), 0..3).prop_map(|w| Action::Shell(Builtin::Cat(w))),
        any::<bool>().prop_map(|all| Action::Shell(Builtin::Ls { all })),
        Just(Action::Shell(Builtin::Pwd)),
        Just(Action::Shell(Builtin::Help)),
        Just(Action::Shell(Builtin::Clear)),
        prop::collection::vec((name(), word()), 1..3).prop_map(|v| Action::Shell(Builtin::Assign(v))),
        Just(Action::Undo),
        Just(Action::Reset),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    own_action().prop_flat_map(|a| {
        let teammate_may = !matches!(a, Action::Undo | Action::Reset | Action::Shell(Builtin::Clear));
        let wrapped = Action::Teammate(Box::new(a.clone()));
        if teammate_may { prop_oneof![Just(a), Just(wrapped)].boxed() } else { Just(a).boxed() }
    })
}

/// A world with history: a feature branch, a push, an open pull request.
fn busy_session() -> Session {
    let mut s = Session::new(World::new());
    for l in [
        "git switch -c feature/x",
        "edit product-inquiry",
        "git commit -am 'Add product inquiry'",
        "git push -u origin feature/x",
        "gh pr create --base development --fill",
        "python main.py",
    ] {
        assert!(s.run(l).ok, "{l}");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(400), failure_persistence: None, ..ProptestConfig::default() })]

    /// `parse(to_line(a)) == a`, and pressing the button or typing its line
    /// leaves the same world and prints the same thing.
    #[test]
    fn a_button_and_its_line_are_the_same_action(a in action()) {
        let line = a.to_line();
        prop_assert_eq!(parse::action(&line), Ok(a.clone()), "line: {}", line);
        let (mut clicked, mut typed) = (busy_session(), busy_session());
        let by_click = clicked.apply(&a);
        let by_typing = typed.run(&line);
        prop_assert_eq!(&by_click, &by_typing, "line: {}", line);
        prop_assert_eq!(clicked.world(), typed.world(), "line: {}", line);
        prop_assert_eq!(clicked.can_undo(), typed.can_undo());
    }

    /// Any text, however it mixes quotes and operators, parses to actions or
    /// to an error, and runs without a panic.
    #[test]
    fn any_line_parses_or_says_why(line in prop_oneof![text(), (word(), text()).prop_map(|(a, b)| format!("git {a}{b}"))]) {
        let _ = parse::line(&line);
        let mut s = Session::new(World::new());
        let _ = s.run(&line);
    }
}

#[test]
fn the_guide_lines_parse_to_the_actions_buttons_send() {
    let cases: &[(&str, Action)] = &[
        ("python main.py", Action::RunLocal(Vec::new())),
        ("stop", Action::StopLocal),
        ("deploy production", Action::Promote(None)),
        ("topology minimal", Action::Topology(Some(Topology::Minimal))),
        ("undo", Action::Undo),
        ("reset", Action::Reset),
    ];
    for (line, action) in cases {
        assert_eq!(parse::action(line).as_ref(), Ok(action), "{line}");
        assert_eq!(action.to_line(), *line);
    }
    assert_eq!(
        parse::action("APP_ENV=staging python main.py"),
        Ok(Action::RunLocal(vec![("APP_ENV".into(), "staging".into())]))
    );
    assert_eq!(Action::new_commit(3).to_line(), "git commit --allow-empty -m 'Commit 3'");
    // Errors keep the tool's own words.
    assert_eq!(
        parse::action("git comit").unwrap_err().to_string(),
        "git: 'comit' is not a git command. See 'git --help'.\n\nThe most similar command is\n\tcommit"
    );
    assert_eq!(
        parse::action("topology big").unwrap_err().to_string(),
        "topology: unknown topology 'big'; choose minimal or professional"
    );
    let e = parse::action("gh pr merge 1 --fast").unwrap_err();
    assert!(e.to_string().starts_with("unknown flag: --fast"));
    // Error kinds can be matched, not only their text.
    assert!(matches!(e, parse::ParseError::Gh(GhError::Flag(FlagError::Unknown { .. }))), "{e:?}");
    assert!(matches!(parse::action("deploy staging"), Err(parse::ParseError::Usage(_))));
    let mut w = World::new();
    let origin = w.origin().clone();
    let mut servers = w.servers().clone();
    assert!(matches!(
        servers.promote(&origin, Some("0000000"), 0),
        Err(engine::servers::PromoteError::NotOnStaging(id)) if id == "0000000"
    ));
    assert!(w.apply(&Action::Promote(None)).ok, "staging's commit may be promoted");
}
