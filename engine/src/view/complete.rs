//! Tab completion, as a shell's: the word under the cursor (the line's last)
//! completed from what fits where it stands — commands, git's subcommands and
//! options, branch names, files, server names.

use crate::git::known_flags;
use crate::project::EDITS;
use crate::terminal::parse::COMMANDS;
use crate::world::World;

/// What Tab does to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The line with its last word completed as far as it is unambiguous.
    pub line: String,
    /// When several words fit: all of them, to show.
    pub options: Vec<String>,
}

fn candidates(world: &World, before: &[&str], word: &str) -> Vec<String> {
    let owned = |list: &[&str]| list.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    let words: Vec<&str> = before.iter().copied().filter(|w| *w != "@teammate").collect();
    match words.as_slice() {
        [] => owned(COMMANDS),
        ["git"] => owned(crate::git::KNOWN),
        ["git", sub, ..] if word.starts_with('-') => known_flags::table()
            .filter(|(c, _, _)| c == sub)
            .flat_map(|(_, _, longs)| longs.split(' ').map(|l| format!("--{l}")))
            .collect(),
        ["gh"] => owned(&["pr", "run"]),
        ["gh", "pr"] => owned(&["create", "list", "view", "checks", "review", "merge", "close"]),
        ["servers" | "logs"] => world.servers().all().map(crate::servers::Server::label).collect(),
        ["deploy"] => owned(&["production"]),
        ["topology"] => owned(&["minimal", "professional"]),
        ["config"] => owned(&["check", "compare"]),
        ["edit"] => EDITS.iter().map(|e| e.name.to_string()).collect(),
        ["protect", ..] if word.starts_with('-') => {
            owned(&["--require-pr", "--approvals", "--require-checks", "--off"])
        }
        _ => {
            let mut v: Vec<String> = Vec::new();
            if let Some(r) = world.local() {
                v.extend(r.branches.keys().cloned());
                v.extend(r.remote_tracking.keys().cloned());
                v.push("origin".into());
            }
            v.extend(world.work().keys().cloned());
            v
        }
    }
}

/// Completes `line`'s last word.
pub fn complete(world: &World, line: &str) -> Completion {
    let cut = line.rfind(char::is_whitespace).map_or(0, |i| i + line[i..].chars().next().map_or(1, char::len_utf8));
    let (head, word) = line.split_at(cut);
    let before: Vec<&str> = head.split_whitespace().collect();
    let mut fits: Vec<String> = candidates(world, &before, word).into_iter().filter(|c| c.starts_with(word)).collect();
    fits.dedup();
    match fits.as_slice() {
        [] => Completion { line: line.to_string(), options: Vec::new() },
        [one] => Completion { line: format!("{head}{one} "), options: Vec::new() },
        many => {
            // The longest prefix every candidate shares.
            let first = &many[0];
            let mut end = first.len();
            for c in &many[1..] {
                end = end.min(first.bytes().zip(c.bytes()).take_while(|(a, b)| a == b).count());
            }
            while !first.is_char_boundary(end) {
                end -= 1;
            }
            Completion { line: format!("{head}{}", &first[..end.max(word.len())]), options: many.to_vec() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;

    #[test]
    fn completes_commands_subcommands_flags_branches_and_files() {
        let mut w = World::new();
        assert_eq!(complete(&w, "gi").line, "git ");
        assert_eq!(complete(&w, "git chec").line, "git checkout ");
        assert_eq!(complete(&w, "git checkout dev").line, "git checkout development ");
        assert_eq!(complete(&w, "git commit --am").line, "git commit --amend ");
        assert_eq!(complete(&w, "cat .env.pro").line, "cat .env.production ");
        assert_eq!(complete(&w, "logs prod").line, "logs production ");
        assert!(w.run("git branch feature/a").ok && w.run("git branch feature/b").ok);
        let c = complete(&w, "git switch fea");
        assert_eq!(c.line, "git switch feature/");
        assert_eq!(c.options, ["feature/a", "feature/b"]);
        let c = complete(&w, "git switch ");
        assert!(c.options.len() > 3, "{c:?}");
        assert_eq!(complete(&w, "xyzzy").line, "xyzzy");
        // Anything at all: no panic, the line kept or extended.
        for l in ["", " ", "é", "git é", "git -", "@teammate gi", "ls\u{3000}"] {
            assert!(complete(&w, l).line.starts_with(l.trim_end_matches('\u{3000}')), "{l:?}");
        }
    }

    proptest::proptest! {
        /// Any line — Unicode next to quotes, `~`, `^`, `=` inside words —
        /// completes without a panic, keeping what was typed before the word.
        #[test]
        fn any_line_completes(line in "(git |gh pr |logs |cat |@teammate )?[a-z\\-~^='\"./ ]{0,8}\\PC{0,6}") {
            let w = World::new();
            let done = complete(&w, &line);
            let cut = line.rfind(char::is_whitespace).map_or(0, |i| i + line[i..].chars().next().map_or(1, char::len_utf8));
            proptest::prop_assert!(done.line.starts_with(&line[..cut]));
        }
    }
}
