//! Comparing what the engine printed with what real git printed, line by
//! line, after normalising only what must differ: commit ids (named by their
//! shape, as the state comparison does), dates, and the temporary paths
//! (the virtual ones the engine prints). The tutor's own lines (`→ …`) are
//! stripped; nothing else is.

use std::collections::HashMap;

use super::{Raw, Shape};

/// What identifies commits in printed text: every id either side knows.
pub struct Ids {
    shapes: Vec<(String, Shape)>,
    /// Every commit id either side holds, reachable or not: an id of
    /// letters alone (`eccfdad`) is still an id.
    all: Vec<String>,
}

impl Ids {
    /// Commits reachable on either side get their shape; the engine also
    /// keeps commits git has forgotten (a deleted branch's), which are `<id>`.
    pub fn new(sides: &[&Raw]) -> Self {
        let mut shapes = Vec::new();
        let mut all = Vec::new();
        for raw in sides {
            let mut memo = HashMap::new();
            for id in &raw.graph {
                shapes.push((id.clone(), raw.shape(id, &mut memo)));
            }
            all.extend(raw.commits.keys().cloned());
        }
        Self { shapes, all }
    }

    /// A hex word (7 to 40 digits) → `<shape>` when it abbreviates a known
    /// commit, `<id>` otherwise (a dropped stash, a blob).
    fn name(&self, word: &str) -> String {
        let hits: Vec<Shape> = self.shapes.iter().filter(|(id, _)| id.starts_with(word)).map(|(_, s)| *s).collect();
        match hits.first() {
            Some(s) if hits.iter().all(|h| h == s) => format!("<{s:016x}>"),
            _ => "<id>".to_string(),
        }
    }

    fn replace_ids(&self, line: &str) -> String {
        let mut out = String::new();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            let hex = word.len() >= 7
                && word.len() <= 40
                && word.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
            let looks_like_id =
                word.bytes().any(|b| b.is_ascii_digit()) || self.all.iter().any(|id| id.starts_with(&*word));
            // `git describe`'s `v1.0-2-g1a2b3c4`: the id after the `g`.
            let described = word.strip_prefix('g').filter(|rest| {
                out.ends_with('-')
                    && rest.len() >= 7
                    && rest.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
                    && rest.bytes().any(|b| b.is_ascii_digit())
            });
            if hex && looks_like_id {
                out.push_str(&self.name(word));
            } else if let Some(rest) = described {
                out.push('g');
                out.push_str(&self.name(rest));
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in line.chars() {
            if c.is_ascii_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }
}

/// One stream as the comparison sees it, in order: what a terminal shows of
/// each line (after the last carriage return), ids, dates and paths
/// normalised, blank lines dropped, the tutor's own lines stripped.
pub fn lines(text: &str, ids: &Ids, paths: &[(String, &str)]) -> Vec<String> {
    compared(text, ids, paths, false)
}

/// [`lines`] with blank lines kept: for scripts whose layout is the point
/// (`log` and `show` formats), where a missing blank line is a difference.
pub fn exact_lines(text: &str, ids: &Ids, paths: &[(String, &str)]) -> Vec<String> {
    compared(text, ids, paths, true)
}

fn compared(text: &str, ids: &Ids, paths: &[(String, &str)], keep_blank: bool) -> Vec<String> {
    let out: Vec<String> = without_option_table(text)
        .lines()
        .map(|l| l.rsplit('\r').next().unwrap_or(l).trim_end().to_string())
        .filter(|l| (keep_blank || !l.is_empty()) && !l.starts_with(engine::outcome::TUTOR_NOTE))
        .map(|l| {
            let mut l = l;
            for (from, to) in paths {
                l = l.replace(from.as_str(), to);
            }
            let l = iso_dates(&ids.replace_ids(&l));
            // `Date:` lines (and `fuller`'s), also behind `log --graph`'s columns.
            let body = l.trim_start_matches(['|', '/', '\\', '*', ' ']);
            match ["Date:", "AuthorDate:", "CommitDate:"].iter().find(|d| body.starts_with(*d)) {
                Some(d) => format!("{}{d} <date>", &l[..l.len() - body.len()]),
                None => l,
            }
        })
        .collect();
    out
}

/// Whether `ours` is git's stdout and stderr interleaved, each in its own
/// order (a terminal shows both streams; through pipes their interleaving is lost).
pub fn interleaves(ours: &[String], out: &[String], err: &[String]) -> bool {
    if ours.len() != out.len() + err.len() {
        return false;
    }
    // can[i][j]: the first i + j of ours are out[..i] and err[..j] interleaved.
    let mut can = vec![vec![false; err.len() + 1]; out.len() + 1];
    can[0][0] = true;
    for i in 0..=out.len() {
        for j in 0..=err.len() {
            if (i, j) == (0, 0) {
                continue;
            }
            let k = i + j - 1;
            can[i][j] =
                (i > 0 && can[i - 1][j] && ours[k] == out[i - 1]) || (j > 0 && can[i][j - 1] && ours[k] == err[j - 1]);
        }
    }
    can[out.len()][err.len()]
}

/// git follows an unknown option's `usage:` line with its whole option
/// table, the last thing it prints; the tutor prints the usage line only (the
/// tables of every command would cost the first load more than they teach).
/// What follows a `usage: git …` line is the one thing dropped.
fn without_option_table(text: &str) -> String {
    match text.find("usage: git ") {
        Some(i) => {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            text[..end].to_string()
        }
        None => text.to_string(),
    }
}

/// The lines only one side printed, for the failure report (or, when both
/// printed the same lines, that their order differs).
pub fn difference(ours: &[String], theirs: &[String]) -> String {
    let mut only_ours: Vec<&String> = Vec::new();
    let mut rest: Vec<&String> = theirs.iter().collect();
    for l in ours {
        match rest.iter().position(|t| *t == l) {
            Some(i) => {
                rest.remove(i);
            }
            None => only_ours.push(l),
        }
    }
    let mut text = String::new();
    for l in only_ours {
        text.push_str(&format!("\n    engine: {l}"));
    }
    for l in rest {
        text.push_str(&format!("\n    git:    {l}"));
    }
    if text.is_empty() {
        text = format!("\n    same lines, different order; engine:\n      {}", ours.join("\n      "));
    }
    text
}

/// `2026-01-05 09:01:00 +0000` (`git blame`, `--date=iso`) → `<date>`: the
/// engine's clock steps per commit, the script's per line.
fn iso_dates(line: &str) -> String {
    const SHAPE: &[u8] = b"dddd-dd-dd dd:dd:dd +dddd";
    let fits = |w: &[u8]| {
        w.iter()
            .zip(SHAPE)
            .all(|(c, s)| if *s == b'd' { c.is_ascii_digit() } else { c == s || (*s == b'+' && *c == b'-') })
    };
    let bytes = line.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.len() - i >= SHAPE.len() && fits(&bytes[i..i + SHAPE.len()]) {
            out.push_str("<date>");
            i += SHAPE.len();
        } else {
            let c = line[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}
