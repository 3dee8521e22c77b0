//! The `.env` parser.
//!
//! Why not the `dotenvy` crate: tried against these files, it parses the
//! guide's values (inline `# comments`, quotes, `export`, CRLF) but rejects a
//! file that starts with a byte-order mark, reports errors only as a byte
//! index with no line, column or fix, and yields no line numbers, which the
//! per-key provenance needs. This parser follows the same syntax (dotenvy /
//! python-dotenv) without variable expansion, and never panics.

use thiserror::Error;

/// One `KEY=value` assignment and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// The value, unquoted.
    pub value: String,
    /// Its line.
    pub line: usize,
}

/// A line the parser could not read. The message names the fix.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct DotenvError {
    /// The file.
    pub file: String,
    /// The line (1-based).
    pub line: usize,
    /// The column (1-based).
    pub column: usize,
    /// What is wrong, and the fix.
    pub message: String,
}

/// A file read: its assignments, errors and warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Assignments in file order; a key set twice appears twice (the last wins).
    pub entries: Vec<Entry>,
    /// Lines it could not read.
    pub errors: Vec<DotenvError>,
    /// Things worth knowing (a key set twice).
    pub warnings: Vec<String>,
}

impl Parsed {
    /// The value a key ends up with (the last assignment wins, as in dotenv).
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.key == key)
    }
}

/// A name a shell (and every tool) accepts: letters, digits, `_`, `.`, not
/// starting with a digit.
fn is_key(k: &str) -> bool {
    let mut b = k.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        && b.all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
}

/// A name python-dotenv still loads (no whitespace, `=` or `#`), though a
/// shell would not: `1A`, `A-B`.
fn is_loose_key(k: &str) -> bool {
    !k.is_empty() && !k.chars().any(|c| c.is_whitespace() || c == '=' || c == '#' || c == '\'' || c == '"')
}

/// Reads a `.env` file; never fails, errors are reported.
pub fn parse(file: &str, text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut out = Parsed::default();
    let err =
        |line: usize, column: usize, message: String| DotenvError { file: file.to_string(), line, column, message };
    let mut i = 0;
    while i < lines.len() {
        let n = i + 1;
        let raw = lines[i];
        i += 1;
        let trimmed = raw.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = raw.len() - trimmed.len();
        // `export` then spaces or tabs, as python-dotenv reads it.
        let body =
            trimmed.strip_prefix("export").filter(|r| r.starts_with([' ', '\t'])).map_or(trimmed, str::trim_start);
        let body_col = indent + (trimmed.len() - body.len()) + 1;
        let Some(eq) = body.find('=') else {
            out.errors.push(err(
                n,
                body_col,
                format!("expected KEY=value, found `{}`; write it as KEY=value, or start the line with # to make it a comment", body.trim_end()),
            ));
            continue;
        };
        let key = body[..eq].trim_end();
        // python-dotenv also takes a single-quoted key.
        let key = key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')).filter(|k| !k.is_empty()).unwrap_or(key);
        if !is_key(key) && !is_loose_key(key) {
            out.errors.push(err(
                n,
                body_col,
                format!("`{key}` is not a valid variable name; use letters, digits and underscores, starting with a letter (e.g. API_DEBUG)"),
            ));
            continue;
        }
        if !is_key(key) {
            out.warnings.push(format!(
                "{file}:{n}: `{key}` is not a name a shell accepts; python-dotenv loads it, but use letters, digits and underscores, starting with a letter (e.g. API_DEBUG)"
            ));
        }
        let rest = &body[eq + 1..];
        let value_col = body_col + eq + 1 + (rest.len() - rest.trim_start().len());
        let spaced = rest.starts_with([' ', '\t']);
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                // A quoted value may run over several lines.
                let mut text = rest[1..].to_string();
                let mut close = find_close(&text, q);
                while close.is_none() && i < lines.len() {
                    text.push('\n');
                    text.push_str(lines[i]);
                    i += 1;
                    close = find_close(&text, q);
                }
                let Some(end) = close else {
                    let kind = if q == '"' { "double" } else { "single" };
                    out.errors.push(err(n, value_col, format!("unterminated {kind}-quoted value; close it with {q}")));
                    continue;
                };
                let after = text[end + 1..].trim_start();
                if !after.is_empty() && !after.starts_with('#') {
                    out.errors.push(err(
                        n,
                        value_col,
                        format!("unexpected `{after}` after the closing quote; put a comment after # or move the text inside the quotes"),
                    ));
                    continue;
                }
                let inner = &text[..end];
                if q == '"' { unescape(inner) } else { inner.to_string() }
            }
            _ => {
                // An unquoted value ends at ` #` (an inline comment), also
                // when only spaces stand between `=` and the `#`.
                let cut = rest
                    .char_indices()
                    .find(|&(k, c)| c == '#' && ((k == 0 && spaced) || (k > 0 && rest[..k].ends_with([' ', '\t']))));
                let v = cut.map_or(rest, |(k, _)| &rest[..k]);
                v.trim_end().to_string()
            }
        };
        if let Some(prev) = out.entries.iter().rev().find(|e| e.key == key) {
            out.warnings
                .push(format!("{file}:{n}: {key} is set twice (lines {} and {n}); the last one wins", prev.line));
        }
        out.entries.push(Entry { key: key.to_string(), value, line: n });
    }
    out
}

/// The byte index of the quote that closes a value (`"` may be escaped).
fn find_close(text: &str, q: char) -> Option<usize> {
    let mut escaped = false;
    for (k, c) in text.char_indices() {
        if q == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == q && !escaped {
            return Some(k);
        }
        escaped = false;
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, String)> {
        let p = parse(".env", text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        p.entries.into_iter().map(|e| (e.key, e.value)).collect()
    }

    fn kv(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn seed_syntax() {
        assert_eq!(
            values("# Loose security\nAPI_DEBUG=true\nCONFIDENCE_THRESHOLD=0.3 # Lower threshold for testing\n"),
            [kv("API_DEBUG", "true"), kv("CONFIDENCE_THRESHOLD", "0.3")]
        );
        assert_eq!(
            values("CORS_ORIGINS=*\nURL=http://x#frag\n"),
            [kv("CORS_ORIGINS", "*"), kv("URL", "http://x#frag")]
        );
    }

    #[test]
    fn quotes_escapes_export_bom_crlf_empty() {
        assert_eq!(
            values("\u{feff}export A='x # y'\r\nB=\"a\\nb\\\"c\" # note\r\nC=\r\n  D = spaced  \n"),
            [kv("A", "x # y"), kv("B", "a\nb\"c"), kv("C", ""), kv("D", "spaced"),]
        );
        assert_eq!(values("M=\"line one\nline two\"\nN=1\n"), [kv("M", "line one\nline two"), kv("N", "1")]);
    }

    #[test]
    fn duplicates_warn_and_last_wins() {
        let p = parse(".env.development", "LOG_LEVEL=DEBUG\nLOG_LEVEL=INFO\n");
        assert_eq!(p.get("LOG_LEVEL").map(|e| e.value.as_str()), Some("INFO"));
        assert_eq!(p.warnings, [".env.development:2: LOG_LEVEL is set twice (lines 1 and 2); the last one wins"]);
    }

    #[test]
    fn errors_name_line_column_and_fix() {
        let p = parse(".env.staging", "OK=1\nBAD LINE\nK=\"open\n");
        assert_eq!(p.errors.len(), 2);
        assert_eq!((p.errors[0].line, p.errors[0].column), (2, 1));
        assert!(p.errors[0].to_string().starts_with(".env.staging:2:1: expected KEY=value"));
        assert_eq!((p.errors[1].line, p.errors[1].column), (3, 3));
        assert!(p.errors[1].message.contains("close it with \""));
        let p = parse(".env", "1KEY=x\nA='v' trailing\nA B=x\n");
        assert!(p.errors[0].message.contains("after the closing quote"));
        assert!(p.errors[1].message.contains("not a valid variable name"));
        // python-dotenv loads `1KEY`; the tutor loads it too, and says why it is unwise.
        assert_eq!(p.get("1KEY").map(|e| e.value.as_str()), Some("x"));
        assert!(p.warnings[0].contains("not a name a shell accepts"), "{:?}", p.warnings);
    }
}
