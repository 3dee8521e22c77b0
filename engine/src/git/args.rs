//! Option parsing shaped like git's `parse-options`: short clusters (`-am`),
//! attached values (`-mmsg`, `--message=msg`), `--` ending options.

use super::error::GitError;

/// One option a subcommand accepts.
#[derive(Clone, Copy)]
pub struct Opt {
    /// Its one-letter form.
    pub short: Option<char>,
    /// Its long name; one starting with `-` is only the parser's name for
    /// an option git gives no long form (`clean -d`), never matched.
    pub long: &'static str,
    /// Whether it takes a value.
    pub takes_value: bool,
}

/// An option without a value.
pub const fn flag(short: Option<char>, long: &'static str) -> Opt {
    Opt { short, long, takes_value: false }
}

/// An option with a value.
pub const fn value(short: Option<char>, long: &'static str) -> Opt {
    Opt { short, long, takes_value: true }
}

/// A command line read against its options.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Options in the order given, by long name.
    pub opts: Vec<(&'static str, Option<String>)>,
    /// What is not an option, in order.
    pub positional: Vec<String>,
    /// How many positionals came before a `--`, when there was one
    /// (`git checkout main -- f`: revisions before, paths after).
    pub dashdash: Option<usize>,
}

impl Parsed {
    /// Which of `longs` came last (git: the last of `--x` and `--no-x` wins).
    pub fn last(&self, longs: &[&str]) -> Option<&'static str> {
        self.opts.iter().rev().map(|(l, _)| *l).find(|l| longs.contains(l))
    }

    /// Whether an option was given.
    pub fn has(&self, long: &str) -> bool {
        self.opts.iter().any(|(l, _)| *l == long)
    }

    /// The last value given for an option (git: last one wins).
    pub fn value(&self, long: &str) -> Option<&str> {
        self.opts.iter().rev().find(|(l, _)| *l == long).and_then(|(_, v)| v.as_deref())
    }

    /// Every value given for a repeatable option (`-m a -m b`).
    pub fn values(&self, long: &str) -> Vec<&str> {
        self.opts.iter().filter(|(l, _)| *l == long).filter_map(|(_, v)| v.as_deref()).collect()
    }
}

/// An option `spec` lacks: git's own refusal when git lacks it too, the
/// tutor's "not simulated" when git has it (never silently ignored).
fn unknown(usage: &'static str, word: &str, long: Option<&str>, short: Option<char>) -> GitError {
    let first = usage.split(' ').next().unwrap_or_default();
    // `stash list` hands its options to log: log's table knows them.
    let (named, command) = if usage.starts_with("stash list") { ("stash list", "log") } else { (first, first) };
    let missing = |option: String| {
        let hint = workaround(command, &option).map(|h| format!("\nhint: {h}")).unwrap_or_default();
        GitError::Fatal(format!("'git {named} {option}' is not simulated in this tutor yet{hint}"))
    };
    match (long, short) {
        (Some(name), _) if super::known_flags::knows_long(command, name) => missing(format!("--{name}")),
        (Some(name), _) => GitError::UnknownOption(name.to_string(), usage),
        (None, Some(c)) if super::known_flags::knows_short(command, c) => missing(format!("-{c}")),
        (None, Some(c)) => GitError::UnknownSwitch(c, usage),
        (None, None) => GitError::Fatal(format!("'{word}' is not simulated in this tutor yet")),
    }
}

/// What a learner can do instead, for the options (as typed) they reach
/// for most that the tutor does not simulate.
fn workaround(command: &str, option: &str) -> Option<&'static str> {
    Some(match (command, option) {
        ("rebase", "-i" | "--interactive") => {
            "to squash your last N commits into one: git reset --soft HEAD~N, then git commit -m \"Describe the change\""
        }
        ("add" | "commit" | "restore" | "stash" | "checkout" | "reset", "-p" | "--patch") => {
            "the tutor works with whole files: name the file (git add README.md)"
        }
        ("push", "--all") => "push one branch at a time: git push origin BRANCH",
        ("reset", "--merge" | "--keep") => "git merge --abort ends a merge; git reset --hard throws local changes away",
        _ => return None,
    })
}

/// log and show read options as revision arguments, with their own wording
/// for one git lacks (one git has and the tutor lacks is already "not
/// simulated").
pub fn as_revision_argument(e: GitError) -> GitError {
    match e {
        GitError::TakesNoValue(_, word) => GitError::Fatal(format!("unrecognized argument: {word}")),
        GitError::UnknownOption(name, _) => GitError::Fatal(format!("unrecognized argument: --{name}")),
        GitError::UnknownSwitch(c, _) => GitError::Fatal(format!("unrecognized argument: -{c}")),
        // The revision walk's own options word a missing value so; diff's
        // (`-S`, `-G`) keep parse-options' words.
        GitError::MissingValue(c) if c == "n" => GitError::Error("-n requires an argument".into()),
        GitError::MissingOptionValue(name) if name == "format" => {
            GitError::Fatal("unrecognized argument: --format".into())
        }
        GitError::MissingOptionValue(name) if !matches!(name.as_str(), "stat" | "decorate" | "pretty") => {
            GitError::Fatal(format!("Option '--{name}' requires a value"))
        }
        e => e,
    }
}

/// Reads `items` against `spec`; an unknown option is refused with `usage`.
pub fn parse(items: &[String], spec: &[Opt], usage: &'static str) -> Result<Parsed, GitError> {
    let mut out = Parsed::default();
    let mut i = 0;
    let mut only_positional = false;
    while i < items.len() {
        let item = &items[i];
        i += 1;
        if only_positional || item == "-" || !item.starts_with('-') {
            out.positional.push(item.clone());
            continue;
        }
        if item == "--" {
            only_positional = true;
            out.dashdash = Some(out.positional.len());
            continue;
        }
        if let Some(long) = item.strip_prefix("--") {
            let (name, attached) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let opt = spec
                .iter()
                .find(|o| o.long == name && !o.long.starts_with('-'))
                .ok_or_else(|| unknown(usage, item, Some(name), None))?;
            let v = if opt.takes_value {
                match attached {
                    Some(v) => Some(v),
                    None => {
                        let v =
                            items.get(i).cloned().ok_or_else(|| GitError::MissingOptionValue(opt.long.to_string()))?;
                        i += 1;
                        Some(v)
                    }
                }
            } else if attached.is_some() {
                return Err(GitError::TakesNoValue(opt.long.to_string(), item.clone()));
            } else {
                None
            };
            out.opts.push((opt.long, v));
            continue;
        }
        // A short cluster: `-am`, `-mmessage`, `-b`.
        let cluster: Vec<char> = item.chars().skip(1).collect();
        let mut k = 0;
        while k < cluster.len() {
            let c = cluster[k];
            k += 1;
            let opt = spec.iter().find(|o| o.short == Some(c)).ok_or_else(|| unknown(usage, item, None, Some(c)))?;
            if opt.takes_value {
                let v = if k < cluster.len() {
                    let v: String = cluster[k..].iter().collect();
                    k = cluster.len();
                    v
                } else {
                    let v = items.get(i).cloned().ok_or_else(|| GitError::MissingValue(c.to_string()))?;
                    i += 1;
                    v
                };
                out.opts.push((opt.long, Some(v)));
            } else {
                out.opts.push((opt.long, None));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_string()).collect()
    }

    const COMMIT: &[Opt] = &[flag(Some('a'), "all"), value(Some('m'), "message"), flag(None, "allow-empty")];

    #[test]
    fn clusters_and_values() {
        let p = parse(&s(&["-am", "fix bug"]), COMMIT, "commit").unwrap();
        assert!(p.has("all"));
        assert_eq!(p.value("message"), Some("fix bug"));
        let p = parse(&s(&["-mhi", "--allow-empty"]), COMMIT, "commit").unwrap();
        assert_eq!(p.value("message"), Some("hi"));
        assert!(p.has("allow-empty"));
        let p = parse(&s(&["--message=x", "--", "-a"]), COMMIT, "commit").unwrap();
        assert_eq!(p.positional, ["-a"]);
    }

    #[test]
    fn refusals() {
        assert_eq!(parse(&s(&["-m"]), COMMIT, "commit").unwrap_err(), GitError::MissingValue("m".into()));
        assert!(matches!(parse(&s(&["-Z"]), COMMIT, "commit"), Err(GitError::UnknownSwitch('Z', _))));
        assert!(matches!(parse(&s(&["--nope"]), COMMIT, "commit"), Err(GitError::UnknownOption(..))));
        // git has these; the tutor says it does not simulate them.
        for word in ["-z", "--amend", "--no-verify"] {
            let e = parse(&s(&[word]), COMMIT, "commit").unwrap_err().to_string();
            assert!(e.contains("is not simulated in this tutor yet"), "{word}: {e}");
        }
    }

    #[test]
    fn the_options_learners_reach_for_come_with_what_to_do_instead() {
        let refused = |words: &[&str], usage| parse(&s(words), &[], usage).unwrap_err().to_string();
        for word in ["-i", "--interactive"] {
            assert!(refused(&[word], "rebase [<options>]").contains("git reset --soft HEAD~N"), "{word}");
        }
        assert!(refused(&["-p"], "add [<options>]").contains("hint: the tutor works with whole files"));
        assert!(refused(&["--all"], "push [<options>]").contains("git push origin BRANCH"));
        // Without a known way round, the refusal stands alone.
        assert!(!refused(&["--bisect"], "log [<options>]").contains("hint:"));
    }
}
