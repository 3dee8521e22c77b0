//! The patterns `git log --author`, `--grep` and `git grep` take: git's default basic
//! regular expressions, in the part learners use — literal text, `.`, `*`,
//! `^` and `$` (Kernighan and Pike's matcher). Brackets and backslashes are
//! refused as not simulated, never matched wrongly.

use super::GitError;

/// A checked pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    chars: Vec<char>,
    ignore_case: bool,
}

impl Pattern {
    /// `command` names the refusal (`log --grep`, `grep`).
    pub fn new(text: &str, ignore_case: bool, command: &str) -> Result<Self, GitError> {
        if text.contains(['[', ']', '\\']) {
            return Err(GitError::Fatal(format!(
                "'git {command}' with brackets or backslashes in its pattern is not simulated in this tutor yet"
            )));
        }
        let fold = |c: char| if ignore_case { c.to_lowercase().next().unwrap_or(c) } else { c };
        Ok(Self { chars: text.chars().map(fold).collect(), ignore_case })
    }

    /// Whether any line of `text` matches, as grep finds a pattern anywhere in a line.
    pub fn matches(&self, text: &str) -> bool {
        text.lines().any(|line| {
            let line: Vec<char> =
                line.chars().map(|c| if self.ignore_case { c.to_lowercase().next().unwrap_or(c) } else { c }).collect();
            match self.chars.split_first() {
                Some(('^', rest)) => here(rest, &line),
                _ => (0..=line.len()).any(|i| here(&self.chars, &line[i..])),
            }
        })
    }
}

/// Whether `p` matches at the start of `t`.
fn here(p: &[char], t: &[char]) -> bool {
    match p {
        [] => true,
        // A `*` first is literal in a basic regular expression.
        [c, '*', rest @ ..] => star(*c, rest, t),
        ['$'] => t.is_empty(),
        [c, rest @ ..] => t.first().is_some_and(|&x| *c == '.' || *c == x) && here(rest, &t[1..]),
    }
}

/// `c*` then `p`: as many `c` as it takes, shortest first.
fn star(c: char, p: &[char], t: &[char]) -> bool {
    let mut i = 0;
    loop {
        if here(p, &t[i..]) {
            return true;
        }
        if i < t.len() && (c == '.' || t[i] == c) {
            i += 1;
        } else {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(p: &str, t: &str) -> bool {
        Pattern::new(p, false, "log --grep").unwrap().matches(t)
    }

    #[test]
    fn matches_as_grep_does() {
        assert!(m("fix", "Hotfix: the README"));
        assert!(m("^Hot", "Hotfix"));
        assert!(!m("^fix", "Hotfix"));
        assert!(m("fix$", "Hotfix"));
        assert!(m("H.t", "Hotfix"));
        assert!(m("Hx*o", "Hotfix"));
        assert!(m("", "anything"));
        assert!(m("^second", "first line\nsecond line"));
        assert!(Pattern::new("FIX", true, "log --grep").unwrap().matches("hotfix"));
        assert!(Pattern::new("[ab]", false, "log --grep").is_err());
    }

    proptest! {
        /// Any pattern is checked or refused, and matching never panics.
        #[test]
        fn any_pattern_matches_without_a_panic(p in "([.*^$a\\\\]|\\PC){0,8}", t in "([.*a]|\\PC){0,12}") {
            if let Ok(p) = Pattern::new(&p, true, "log --grep") {
                let _ = p.matches(&t);
            }
        }
    }
}
