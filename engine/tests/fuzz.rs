//! No input panics the engine. Random terminal lines — arbitrary text and
//! sequences built from the commands' own vocabulary — run through a world,
//! which must answer every one with an outcome. `make fuzz` runs a million
//! cases (`FUZZ_CASES`); `make test` runs a smaller number.

use engine::{Session, Terminal, World};
use proptest::prelude::*;

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

const WORDS: &[&str] = &[
    "git",
    "-rf",
    "set-url",
    "status",
    "--short",
    "log",
    "--oneline",
    "--all",
    "-n",
    "2",
    "-3",
    "branch",
    "-d",
    "-D",
    "-m",
    "-a",
    "-vv",
    "checkout",
    "-b",
    "-B",
    "switch",
    "-c",
    "-C",
    "--detach",
    "--decorate=full",
    "ORIG_HEAD",
    "--date=short",
    "HEAD:refs/heads/x",
    "--no-decorate",
    "commit",
    "-m",
    "-am",
    "--allow-empty",
    "add",
    ".",
    "-A",
    "init",
    "main",
    "development",
    "feature/x",
    "feature/y",
    "HEAD",
    "HEAD~1",
    "HEAD^2",
    "@",
    "a..b",
    "-x",
    "x.lock",
    "main/x",
    "echo",
    "cat",
    "ls",
    "-a",
    ">",
    ">>",
    "&&",
    ";",
    "|",
    "README.md",
    "intents.json",
    ".env.development",
    "'q w'",
    "\"d q\"",
    "\\",
    "#",
    "undo",
    "clear",
    "help",
    "x=1",
    "APP_ENV=staging",
    "origin/main",
    "0000",
    "abcdef1",
    "python",
    "main.py",
    "stop",
    "curl",
    "-i",
    "-X",
    "OPTIONS",
    "-H",
    "\"Origin: https://evil.example\"",
    "-d",
    "'{\"message\": \"hi human\"}'",
    "localhost:8000/",
    "localhost:8000/chat",
    "https://dev-chatbot.railway.app/chat",
    "https://smart-chatbot.railway.app/",
    "servers",
    "logs",
    "staging",
    "production",
    "set",
    "unset",
    "API_HOST",
    "API_HOST=127.0.0.1",
    "deploy",
    "topology",
    "minimal",
    "professional",
    "edit",
    "handoff-bug",
    "product-inquiry",
    "git push origin main",
    "gh",
    "pr",
    "create",
    "--base",
    "--head",
    "--title",
    "--fill",
    "list",
    "view",
    "checks",
    "review",
    "--approve",
    "--request-changes",
    "-b",
    "merge",
    "--merge",
    "--squash",
    "--rebase",
    "--delete-branch",
    "close",
    "run",
    "--log",
    "1",
    "#2",
    "@teammate gh pr review 1 --approve",
    "git push -u origin feature/x",
    "protect",
    "--require-pr",
    "--approvals",
    "--require-checks",
    "--off",
    "--force",
    "show",
    "--stat",
    "--no-patch",
    "-s",
    "HEAD:README.md",
    ":main.py",
    "--amend",
    "--no-edit",
    "--force-with-lease",
    "--force-with-lease=main",
    "--force-with-lease=feature/x:HEAD~1",
    "-u",
    "--set-upstream-to=origin/main",
    "--unset-upstream",
    "stash",
    "push",
    "--include-untracked",
    "rm",
    "--cached",
    "-r",
    "mv",
    "ls-files",
    "-o",
    "describe",
    "--tags",
    "--abbrev=0",
    "--always",
    "ls-remote",
    "--heads",
    "--delete",
    "tag",
    "v1.0",
    "reflog",
    "HEAD@{1}",
    "--format=%h%d %s%n%+b",
    "--pretty=fuller",
    "--pretty=format:%an%x41%C(auto)",
    "--grep=fi.*x$",
    "--author=^You",
    "--reverse",
    "-p",
    "--stat",
    "--name-status",
    "-q",
    "clean",
    "-fdn",
    "config",
    "user.name",
    "--global",
    "--porcelain",
    "--contains",
    "--no-merges",
    "--merges",
    "--",
    "main.py",
    "-x",
    "-nv",
    "--update",
    "symbolic-ref",
    "merge-base",
    "--is-ancestor",
    "rev-list",
    "--count",
    "--show-toplevel",
    "blame",
    "main...development",
    "get-url",
    "prune",
    "-uno",
    "--untracked-files=all",
    "-L2,x",
    "grep",
    "-nic",
    "shortlog",
    "-sne",
    "-SAPI_DEBUG",
    "-G^LOG.*$",
    "-n2",
    "v[0-9]*",
    "feat\\*[!x]",
];

fn vocab_line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

fn any_line() -> impl Strategy<Value = String> {
    prop_oneof![vocab_line(), vocab_line().prop_map(|l| format!("git {l}")), ".{0,40}", "\\PC{0,30}"]
}

/// A word of the vocabulary with something spliced *inside* it: an operator
/// git or the shell gives meaning to (`~`, `^`, `=`, quotes, `@{`, `..`, `>`)
/// and any Unicode next to it, at any character position.
fn spliced_word() -> impl Strategy<Value = String> {
    let ops = prop::sample::select(
        &[
            "~", "^", "=", "'", "\"", "@{", "@{u}", "..", "...", ":", "~1^", "^{", ">", "2>", "&", "\\", "%", "%C(",
            "%x", "*",
        ][..],
    );
    (prop::sample::select(WORDS), ops, "\\PC{0,2}", any::<prop::sample::Index>(), any::<bool>()).prop_map(
        |(word, op, uni, at, before)| {
            let chars: Vec<char> = word.chars().collect();
            let i = at.index(chars.len() + 1);
            let head: String = chars[..i].iter().collect();
            let tail: String = chars[i..].iter().collect();
            if before { format!("{head}{uni}{op}{tail}") } else { format!("{head}{op}{uni}{tail}") }
        },
    )
}

/// A line of vocabulary words, some of them spliced.
fn spliced_line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![prop::sample::select(WORDS).prop_map(str::to_string), spliced_word()], 1..6)
        .prop_map(|w| w.join(" "))
}

/// A world with history to walk: commits on two branches and a merge, so
/// `~`, `^2` and friends have parents to find.
fn world_with_history() -> Session {
    let mut s = Session::new(World::new());
    for line in [
        "git commit --allow-empty -m two",
        "git switch -c feature/x",
        "git commit --allow-empty -m three",
        "git switch main",
        "git commit --allow-empty -m four",
        "git merge --no-ff feature/x -m merged",
    ] {
        assert!(s.run(line).ok, "{line}");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Every git command that takes a revision, given a spliced one, answers
    /// (a commit or git's refusal) and never panics.
    #[test]
    fn spliced_revisions_never_panic(rev in spliced_word(), cmd in prop::sample::select(&["log", "log --oneline", "reset", "reset --hard", "checkout", "switch --detach", "branch y", "tag t", "diff", "revert", "merge", "show", "show --stat", "describe --tags", "branch -u", "push origin --force-with-lease=main:", "mv README.md", "rm --cached", "ls-files", "cherry-pick", "rebase", "restore --source", "reflog -n", "log --format", "log --grep", "log --author", "show --pretty", "config user.name", "clean -n", "reset HEAD", "log --", "branch --contains", "tag -l", "merge-base --is-ancestor HEAD", "rev-list --count", "cherry-pick -x", "stash show -p", "checkout -B x", "log --decorate=", "stash list -n", "remote show", "push origin HEAD:", "stash branch x", "cherry-pick main..", "revert HEAD~1..", "log --follow", "push -n origin", "branch --sort=", "stash save", "tag --sort=-v:", "log --left-right --graph main...", "rev-list --left-right --count HEAD...", "log --right-only --format=%m", "rev-parse --symbolic-full-name", "rev-parse --verify --abbrev-ref", "--no-pager log", "checkout --theirs", "restore --ours", "stash apply --index", "remote set-url origin", "fetch origin", "pull origin", "checkout --track", "switch --no-track -c z", "show -n", "log --max-count", "describe --long", "checkout -b y main", "branch -r -d", "push origin +", "stash show -u", "stash show --only-untracked -p", "rev-parse HEAD --short", "stash push -k -m"][..])) {
        let mut s = world_with_history();
        let _ = s.run(&format!("git {cmd} {}", engine::grammar::quote(&rev)));
        let _ = s.run(&format!("git {cmd} {rev}"));
    }

    /// Whole lines with spliced words, in a world with history.
    #[test]
    fn spliced_lines_never_panic(lines in prop::collection::vec(spliced_line(), 1..8)) {
        let mut s = world_with_history();
        for l in &lines {
            let _ = s.run(l);
            let _ = s.run(&format!("git {l}"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(300), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_line_sequence_panics(lines in prop::collection::vec(any_line(), 1..25)) {
        let mut session = Session::new(World::new());
        for l in &lines {
            let _ = session.run(l);
        }
        let mut empty = Session::new(World::empty());
        for l in &lines {
            let _ = empty.run(l);
        }
    }

    #[test]
    fn world_round_trips_through_json(lines in prop::collection::vec(vocab_line().prop_map(|l| format!("git {l}")), 0..20)) {
        let mut world = World::new();
        for l in &lines {
            let _ = world.run(l);
        }
        let json = serde_json::to_string(&world).unwrap();
        let back: World = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, world);
    }
}

fn curl_arg() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &["-i", "-X", "-H", "-d", "--json", "-sXPOST", "-v", "-f", "--data-raw", "--url", "-", "--"][..]
        )
        .prop_map(str::to_string),
        "(https?://)?(localhost|127.0.0.1|[a-z-]{1,12}.railway.app)?(:[0-9]{0,6})?(/[a-z?=]{0,6})?",
        "[A-Za-z-]{0,8}: ?.{0,12}",
        "@?[a-z.]{0,8}",
        ".{0,16}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any curl command line: parsed and sent, or refused in curl's words.
    #[test]
    fn curl_never_panics(args in prop::collection::vec(curl_arg(), 0..8)) {
        match engine::chatbot::http::Curl::parse(&args) {
            Ok(c) => {
                for url in &c.urls {
                    if let Ok(req) = c.request(url, |_| Some("{}".into())) {
                        prop_assert!(req.path.starts_with('/'));
                    }
                }
            }
            Err(e) => prop_assert!(e.to_string().starts_with("curl: ")),
        }
        let mut world = World::new();
        let _ = world.run("python main.py");
        let line = std::iter::once("curl".to_string()).chain(args.iter().map(|a| engine::grammar::quote(a))).collect::<Vec<_>>().join(" ");
        let _ = world.run(&line);
    }
}

/// Line-count LCS the slow, obvious way, to check the trimmed fast path.
fn naive_counts(a: &str, b: &str) -> (usize, usize) {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i][j] = if a[i] == b[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    (b.len() - t[0][0], a.len() - t[0][0])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(500), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn diffstat_counts_match_a_plain_lcs(a in "[ab\n]{0,24}", b in "[ab\n]{0,24}") {
        prop_assert_eq!(engine::diff::line_counts(&a, &b), naive_counts(&a, &b));
    }

    /// A combined diff (`diff --cc`) of any three texts never panics (a
    /// hunk's function line is cut at 40 bytes, inside a character too), and
    /// every hunk's header counts what it shows: the result's lines (those
    /// not lost), and at least each parent's shown (those not new to it).
    #[test]
    fn combined_diff_hunks_count_what_they_show(
        texts in prop::collection::vec("((a|b|x|fn é東 long line of text past forty bytes é東|é)\n){0,14}", 3)
    ) {
        let out = engine::diff::combined([&texts[0], &texts[1]], &texts[2]);
        let mut lines = out.lines().peekable();
        while let Some(header) = lines.next() {
            prop_assert!(header.starts_with("@@@ -"), "{out}");
            let counts: Vec<usize> = header
                .split(' ')
                .skip(1)
                .take(3)
                .map(|r| r.split(',').nth(1).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX))
                .collect();
            let mut seen = [0usize; 3];
            while let Some(l) = lines.next_if(|l| !l.starts_with("@@@")) {
                let marks: Vec<char> = l.chars().take(2).collect();
                prop_assert_eq!(marks.len(), 2, "{}", out);
                // A lost line is its parents' ('-'); a result line is each
                // parent's it is not new to (' ').
                let lost = marks.contains(&'-');
                for n in 0..2 {
                    seen[n] += usize::from(if lost { marks[n] == '-' } else { marks[n] == ' ' });
                }
                seen[2] += usize::from(!lost);
            }
            // The result's lines exactly; a parent's may include lines lost
            // before the leading context, which git counts and does not show.
            prop_assert_eq!(counts[2], seen[2], "{}", out);
            prop_assert!(seen[0] <= counts[0] && seen[1] <= counts[1], "{}", out);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text at all: the .env parser and the typed resolution answer with
    /// values and errors, never a panic; every error points inside the file.
    #[test]
    fn dotenv_never_panics(text in prop_oneof![".{0,200}", "(([A-Z_]{1,8}|export [A-Z]{1,4}|#.{0,5}| )[= ]{0,2}(\"|'|#| |[a-z0-9.:/*,]){0,12}(\r?\n)){0,8}"]) {
        let parsed = engine::config::dotenv::parse(".env", &text);
        let lines = text.split('\n').count();
        for e in &parsed.errors {
            prop_assert!(e.line >= 1 && e.line <= lines && e.column >= 1);
        }
        let _ = engine::config::resolve(".env.production", Some(&text), &[], "");
    }

    /// Simple assignments written out read back exactly.
    #[test]
    fn dotenv_reads_back_what_it_is_given(pairs in prop::collection::vec(("[A-Z][A-Z_]{0,10}", "[a-zA-Z0-9.:/*,_-]{0,16}"), 0..8)) {
        let text = pairs.iter().fold(String::new(), |mut t, (k, v)| {
            t.push_str(&format!("{k}={v}\n"));
            t
        });
        let parsed = engine::config::dotenv::parse(".env", &text);
        prop_assert!(parsed.errors.is_empty());
        let got: Vec<(String, String)> = parsed.entries.into_iter().map(|e| (e.key, e.value)).collect();
        prop_assert_eq!(got, pairs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(3000), failure_persistence: None, ..ProptestConfig::default() })]

    /// The chatbot's JSON reader (intents.json, request bodies) answers any
    /// text with a value or Python's error, never a panic; errors point inside.
    #[test]
    fn pyjson_never_panics(text in prop_oneof![".{0,60}", "[\\[\\]{}\":,0-9a-z\\\\ .eE+-]{0,40}"]) {
        if let Err(e) = engine::chatbot::json_read::parse(&text) {
            prop_assert!(e.char <= text.chars().count());
            prop_assert!(e.line >= 1 && e.column >= 1);
        }
    }

    /// Whatever serde_json writes, it reads back to the same strings.
    #[test]
    fn pyjson_reads_what_serde_json_writes(pairs in prop::collection::vec(("\\PC{0,8}", "\\PC{0,12}"), 0..6)) {
        let mut map = serde_json::Map::new();
        for (k, v) in &pairs {
            map.insert(k.clone(), serde_json::Value::String(v.clone()));
        }
        let text = serde_json::to_string_pretty(&serde_json::Value::Object(map.clone())).unwrap();
        let parsed = engine::chatbot::json_read::parse(&text).unwrap();
        for (k, v) in &map {
            prop_assert_eq!(parsed.get(k).and_then(engine::chatbot::json_read::Value::as_str), v.as_str());
        }
        // And Starlette-style quoting reads back too.
        for (k, _) in &pairs {
            let quoted = engine::chatbot::json_read::quote(k);
            prop_assert_eq!(engine::chatbot::json_read::parse(&quoted).unwrap(), engine::chatbot::json_read::Value::Str(k.clone()));
        }
    }
}

/// Lines that matter to the PR and deploy workflow, so random sequences reach
/// deep states (open PRs, protection, previews, promotions) quickly.
const WORKFLOW: &[&str] = &[
    "git checkout development",
    "git checkout main",
    "git checkout -b feature/x",
    "git checkout -b feature/y development",
    "git checkout feature/x",
    "git commit --allow-empty -m work",
    "echo more >> README.md",
    "git commit -am docs",
    "edit handoff-bug",
    "edit handoff-fix",
    "edit product-inquiry",
    "git commit -am intents",
    "git push",
    "git push -u origin feature/x",
    "git push -u origin feature/y",
    "git push origin main",
    "git push --force origin main",
    "git push origin development",
    "git pull",
    "git merge development",
    "git merge feature/x",
    "gh pr create --base development --fill",
    "gh pr create --base main --head feature/y --title T",
    "gh pr view",
    "gh pr checks 1",
    "gh pr list --state all",
    "@teammate gh pr review 1 --approve",
    "@teammate gh pr review 2 --request-changes -b no",
    "gh pr merge 1 --squash --delete-branch",
    "gh pr merge 1 --rebase",
    "gh pr merge 2 --merge -d",
    "gh pr close 2 --delete-branch",
    "gh run view --log-failed",
    "protect main --require-pr --approvals 1 --require-checks",
    "protect development --require-checks",
    "protect main --off",
    "deploy production",
    "deploy production HEAD",
    "topology minimal",
    "topology professional",
    "python main.py",
    "stop",
    "curl -i https://deploy-preview-1--smart-chatbot.netlify.app/",
    "servers",
    "@teammate git checkout development",
    "@teammate git commit --allow-empty -m mate",
    "@teammate git push origin development",
    "undo",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(300), failure_persistence: None, ..ProptestConfig::default() })]

    /// Random walks through the workflow keep the world consistent: every open
    /// PR has its preview and its branches, the state is describable, and the
    /// world round-trips through JSON.
    #[test]
    fn workflow_walks_stay_consistent(lines in prop::collection::vec(prop::sample::select(WORKFLOW), 1..40)) {
        let mut session = Session::new(World::new());
        for l in &lines {
            let _ = session.run(l);
        }
        let world = session.world();
        let state = engine::ReplayState::of(world);
        for pr in state.pull_requests.iter().filter(|p| p.state == engine::github::PrState::Open) {
            prop_assert!(state.servers.contains_key(&format!("preview-{}", pr.number)), "open #{} has no preview", pr.number);
            prop_assert!(state.origin.branches.contains_key(&pr.head) && state.origin.branches.contains_key(&pr.base));
        }
        let previews = state.servers.keys().filter(|k| k.starts_with("preview-")).count();
        prop_assert_eq!(previews, state.pull_requests.iter().filter(|p| p.state == engine::github::PrState::Open).count());
        let json = serde_json::to_string(world).unwrap();
        let back: World = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, world);
    }
}

/// A valid share link, then damaged the ways links get damaged: cut short,
/// a character swapped, something spliced in at any position (any Unicode,
/// quotes, `~`, `^`, `=`), or bytes inside the payload flipped so the bad data
/// reaches the decompressor and the record reader, not just the base64 check.
fn damaged_link() -> impl Strategy<Value = String> {
    let record = (
        prop::collection::vec(
            prop_oneof![prop::sample::select(WORKFLOW).prop_map(str::to_string), spliced_line()],
            0..12,
        ),
        any::<bool>(),
    )
        .prop_map(|(lines, lesson)| {
            let start =
                if lesson { engine::share::Start::Lesson("integration".into()) } else { engine::share::Start::Sandbox };
            engine::share::link::encode(&engine::share::Record { start, lines })
        });
    let splice = prop::sample::select(
        &["~", "^", "=", "'", "\"", "#", "w=", "%", "+", "/", "é", "\u{202e}", "\u{0}", "A", "_", "-"][..],
    );
    (record, any::<prop::sample::Index>(), splice, "\\PC{0,2}", 0u8..6, any::<u8>()).prop_map(
        |(link, at, op, uni, how, byte)| {
            let chars: Vec<char> = link.chars().collect();
            let i = at.index(chars.len() + 1);
            let (head, tail): (String, String) = (chars[..i].iter().collect(), chars[i..].iter().collect());
            match how {
                0 => head,
                1 => format!("{head}{op}{uni}{tail}"),
                2 => format!("{head}{}", tail.chars().skip(1).collect::<String>()),
                3 | 4 => {
                    // Flip bits inside the payload, then re-encode it validly.
                    let Some(coded) = link.strip_prefix("w=") else { return link };
                    let mut bytes = engine::share::base64::decode(coded).unwrap_or_default();
                    if !bytes.is_empty() {
                        let j = at.index(bytes.len());
                        bytes[j] ^= byte | 1;
                        if how == 4 {
                            bytes.truncate(j + 1);
                        }
                    }
                    format!("w={}", engine::share::base64::encode(&bytes))
                }
                _ => format!(
                    "w={}",
                    engine::share::base64::encode(&[&[1u8][..], &[byte; 3][..], uni.as_bytes()].concat())
                ),
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(5000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any fragment, valid or damaged, opens or says why: never a panic, and
    /// what opens keeps the limits.
    #[test]
    fn share_links_open_or_say_why(link in prop_oneof![damaged_link(), "\\PC{0,60}", "w=[A-Za-z0-9_-]{0,80}"]) {
        match engine::share::link::decode(&link) {
            Ok(record) => prop_assert!(record.lines.len() <= engine::share::MAX_LINES),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    /// Any exported file or stored state, tampered with, opens or says why.
    #[test]
    fn files_and_stored_state_open_or_say_why(lines in prop::collection::vec(spliced_line(), 0..4), at in any::<prop::sample::Index>(), cut in any::<bool>(), junk in "\\PC{0,3}") {
        let record = engine::share::Record { start: engine::share::Start::Sandbox, lines };
        let mut saved = engine::share::store::Saved::default();
        saved.keep(record.clone());
        for text in [engine::share::file::export(&record), engine::share::store::write(&saved)] {
            let i = text.char_indices().map(|(i, _)| i).nth(at.index(text.chars().count())).unwrap_or(text.len());
            let tampered = if cut { text[..i].to_string() } else { format!("{}{junk}{}", &text[..i], &text[i..]) };
            let _ = engine::share::file::import(&tampered);
            let loaded = engine::share::store::load(Some(&tampered), Some(&junk));
            prop_assert!(loaded.problem.is_some() || loaded.saved.worlds.len() <= 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any quiz text — the format's own prefixes with anything spliced after
    /// them, and stray Unicode — reads or names a line inside it, and what
    /// reads grades any answer without a panic.
    #[test]
    fn quiz_files_read_or_name_their_line(lines in prop::collection::vec(prop_oneof![
        "\\PC{0,24}",
        "(## Q:|lesson:|kind:|ask:|why:|env:|- |\\* |> |[0-9]{1,2}\\. )\\PC{0,12}",
        prop::sample::select(&["## Q: a | A", "## Q: b | B", "kind: choice", "kind: which", "kind: order", "kind: spot", "env: production", "lesson: x", "ask: ?", "why: !", "* yes", "- no", "1. one", "2. two", "> API_DEBUG=true", "> CORS_ORIGINS=*"][..]).prop_map(str::to_string),
    ], 0..24), picks in prop::collection::btree_set(0usize..6, 0..4)) {
        let text = lines.join("\n");
        match engine::quiz::parse(&text) {
            Ok(questions) => {
                for q in &questions {
                    let _ = q.grade(&engine::quiz::Answer::Picked(picks.clone()));
                    let _ = q.grade(&engine::quiz::Answer::Ordered(picks.iter().copied().collect()));
                    let _ = q.grade(&engine::quiz::Answer::Flagged(q.problems()));
                    let shown = q.shown_order();
                    let _ = q.grade(&engine::quiz::Answer::Ordered(shown));
                    let _ = q.grade(&engine::quiz::Answer::Flagged(q.file_keys().into_iter().collect()));
                }
            }
            Err(e) => prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1)),
        }
    }

    /// Any sheet text — the format's markers with anything spliced after
    /// them, table rows of any width, stray Unicode — reads or names a line
    /// inside it.
    #[test]
    fn sheets_read_or_name_their_line(lines in prop::collection::vec(prop_oneof![
        "\\PC{0,24}",
        "(# |## |\\$ |\\| |- |> |\\? |\\[|//)\\PC{0,16}",
        "\\|( \\PC{0,4} \\|){0,4}",
        "\\$ [a-z~^=\"' ]{0,8}  # \\PC{0,6}",
        prop::sample::select(&["# T", "## S", "[profiles]", "[workflow]", "| a | b |", "|---|---|", "", "> q", "? ask"][..]).prop_map(str::to_string),
    ], 0..24)) {
        let text = lines.join("\n");
        match engine::sheet::parse(&text) {
            Ok(sheet) => {
                let _ = sheet.commands().count();
                let _ = sheet.section("S");
            }
            Err(e) => prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1)),
        }
    }

    /// Kept quiz results of any shape read or name their line.
    #[test]
    fn quiz_scores_read_or_name_their_line(text in prop_oneof![
        "\\PC{0,60}",
        prop::collection::vec("[a-z0-9-]{0,8}( right| wrong|\\PC{0,3})?", 0..6).prop_map(|l| l.join("\n")),
    ]) {
        match engine::quiz::Scores::parse(&text) {
            Ok(s) => prop_assert_eq!(engine::quiz::Scores::parse(&s.write()).unwrap(), s),
            Err(e) => prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1)),
        }
    }
}
