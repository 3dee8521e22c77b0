//! The shell-style patterns `git tag -l` and `git branch --list` take: git's
//! `wildmatch` without `WM_PATHNAME` (so `*` crosses `/`): `*`, `?`,
//! `[abc]`, `[a-z]`, `[!x]`/`[^x]`, and `\` before a character to take it
//! as it is. Matched in time linear in pattern × name, whatever is typed.

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// `*`: any run of characters.
    Star,
    /// `?`: any one character.
    Any,
    /// `[...]`: one character in (or, negated, not in) the ranges.
    Class { ranges: Vec<(char, char)>, negated: bool },
    /// A character as it is.
    Literal(char),
}

/// The pattern's tokens; `None` when a `[` is never closed (git then
/// matches nothing).
fn tokens(pattern: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '*' => {
                if out.last() != Some(&Token::Star) {
                    out.push(Token::Star);
                }
            }
            '?' => out.push(Token::Any),
            '\\' => {
                // A trailing backslash matches nothing in git.
                out.push(Token::Literal(*chars.get(i)?));
                i += 1;
            }
            '[' => {
                let negated = matches!(chars.get(i), Some('!' | '^'));
                if negated {
                    i += 1;
                }
                let mut ranges = Vec::new();
                let mut first = true;
                loop {
                    let mut lo = *chars.get(i)?;
                    i += 1;
                    if lo == ']' && !first {
                        break;
                    }
                    first = false;
                    if lo == '\\' {
                        lo = *chars.get(i)?;
                        i += 1;
                    }
                    let mut hi = lo;
                    if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&c| c != ']') {
                        hi = chars[i + 1];
                        i += 2;
                        if hi == '\\' {
                            hi = *chars.get(i)?;
                            i += 1;
                        }
                    }
                    ranges.push((lo, hi));
                }
                out.push(Token::Class { ranges, negated });
            }
            c => out.push(Token::Literal(c)),
        }
    }
    Some(out)
}

/// Whether the whole of `name` matches `pattern`.
pub fn matches(pattern: &str, name: &str) -> bool {
    let Some(tokens) = tokens(pattern) else { return false };
    let name: Vec<char> = name.chars().collect();
    // `reach[j]`: the tokens so far can match the first `j` characters.
    let mut reach = vec![false; name.len() + 1];
    reach[0] = true;
    for t in &tokens {
        let mut next = vec![false; name.len() + 1];
        match t {
            Token::Star => {
                let mut any = false;
                for j in 0..=name.len() {
                    any |= reach[j];
                    next[j] = any;
                }
            }
            _ => {
                for j in 0..name.len() {
                    if reach[j] && one(t, name[j]) {
                        next[j + 1] = true;
                    }
                }
            }
        }
        reach = next;
    }
    reach[name.len()]
}

/// Whether a token that takes one character takes `c`.
fn one(t: &Token, c: char) -> bool {
    match t {
        Token::Any => true,
        Token::Literal(l) => *l == c,
        Token::Class { ranges, negated } => ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated,
        Token::Star => false,
    }
}

#[cfg(test)]
mod tests {
    use super::matches;
    use proptest::prelude::*;

    #[test]
    fn like_git() {
        assert!(matches("v*", "v1.0"));
        assert!(matches("feature/*", "feature/a/b"));
        assert!(!matches("v*", "release"));
        assert!(matches("v?.0", "v1.0"));
        assert!(matches("v[0-9].*", "v1.0"));
        assert!(!matches("v[!1].*", "v1.0"));
        assert!(matches("v[^2].*", "v1.0"));
        assert!(matches("[]]x", "]x"));
        assert!(matches("a\\*", "a*"));
        assert!(!matches("a\\*", "ab"));
        assert!(!matches("v[1", "v1"));
        assert!(!matches("a\\", "a"));
        assert!(matches("*", ""));
        assert!(matches("", ""));
        assert!(!matches("", "a"));
    }

    proptest! {
        // Any text as pattern or name: an answer, never a panic; a name
        // always matches itself with its specials escaped.
        #[test]
        fn never_panics(p in "\\PC{0,24}", n in "[-\\\\*?\\[\\]!^a-c/é]{0,24}") {
            let _ = matches(&p, &n);
            let escaped: String = n.chars().flat_map(|c| ['\\', c]).collect();
            prop_assert!(matches(&escaped, &n));
        }
    }
}
