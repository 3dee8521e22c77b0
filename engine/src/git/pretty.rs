//! `--pretty` and `--format`: git's named commit formats and the `%`
//! placeholders of a format of one's own, as git's `pretty.c` expands them.
//! The tutor keeps one identity and one time per commit, which git shows as
//! both the author and the committer. Colours are off, as in git's output
//! to anything but a terminal.

use super::{Decorate, GitError, decorated, decorations};
use crate::clock;
use crate::repo::{Commit, Repo, short};

/// How each commit is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pretty {
    Oneline,
    Short,
    Medium,
    Full,
    Fuller,
    /// A format of one's own. `terminated`: `tformat:` (a newline after
    /// every entry) rather than `format:` (a newline between entries).
    User {
        format: String,
        terminated: bool,
    },
}

/// git's named formats, in git's order: a prefix picks the shortest name it
/// starts (`--pretty=f` is `full`); the first wins a tie.
const NAMES: &[&str] = &["raw", "medium", "short", "email", "mboxrd", "fuller", "full", "oneline", "reference"];

impl Pretty {
    /// `--pretty[=<format>]` / `--format=<format>` (git's `get_commit_format`).
    pub fn parse(arg: Option<&str>) -> Result<Self, GitError> {
        let Some(arg) = arg else { return Ok(Self::Medium) };
        if let Some(format) = arg.strip_prefix("format:") {
            return Self::user(format, false);
        }
        if let Some(format) = arg.strip_prefix("tformat:") {
            return Self::user(format, true);
        }
        if arg.is_empty() || arg.contains('%') {
            return Self::user(arg, true);
        }
        let lower = arg.to_ascii_lowercase();
        let mut found: Option<&str> = None;
        for name in NAMES {
            if name.starts_with(&lower) && found.is_none_or(|f| f.len() > name.len()) {
                found = Some(name);
            }
        }
        match found {
            Some("oneline") => Ok(Self::Oneline),
            Some("short") => Ok(Self::Short),
            Some("medium") => Ok(Self::Medium),
            Some("full") => Ok(Self::Full),
            Some("fuller") => Ok(Self::Fuller),
            // git defines it as this format, its date `--date=short`.
            Some("reference") => Self::user("%C(auto)%h (%s, %as)", true),
            Some(name) => Err(GitError::Fatal(format!("'--pretty={name}' is not simulated in this tutor yet"))),
            None => Err(GitError::Fatal(format!("invalid --pretty format: {arg}"))),
        }
    }

    /// A format of one's own, its placeholders checked before anything prints.
    fn user(format: &str, terminated: bool) -> Result<Self, GitError> {
        let mut rest = format;
        while let Some(at) = rest.find('%') {
            let after = &rest[at + 1..];
            let consumed = match placeholder(after)? {
                _ if after.starts_with('%') => 1,
                Some((Field::Magic(_), _)) => 1 + placeholder(&after[1..])?.map_or(0, |(_, n)| n),
                found => found.map_or(0, |(_, n)| n),
            };
            rest = &after[consumed..];
        }
        Ok(Self::User { format: format.to_string(), terminated })
    }

    /// A user format that prints nothing at all (git then prints no newline either).
    pub fn is_empty(&self) -> bool {
        matches!(self, Self::User { format, .. } if format.is_empty())
    }

    /// Whether each entry ends in a newline (`oneline` and `tformat:`),
    /// rather than entries being separated by one.
    pub fn terminated(&self) -> bool {
        match self {
            Self::Oneline => true,
            Self::User { terminated, .. } => *terminated,
            _ => false,
        }
    }

    /// Whether every entry is one line, as `--graph` draws them.
    pub fn one_line(&self) -> bool {
        match self {
            Self::Oneline => true,
            Self::User { format, .. } => !format.contains("%n") && !format.contains("%B") && !format.contains("%b"),
            _ => false,
        }
    }
}

/// One commit in a named format, as printed: `oneline`'s line and its
/// newline, or the header block and the indented message (each line ending
/// in a newline). `abbrev`: `--abbrev-commit`.
pub fn named(repo: &Repo, c: &Commit, pretty: &Pretty, style: Style, now: u64) -> String {
    let deco = decorated(repo, &c.id, style.decorate);
    let id = if style.abbrev { short(&c.id) } else { c.id.as_str() };
    let id = if style.left_right { format!("{} {id}", style.mark()) } else { id.to_string() };
    if *pretty == Pretty::Oneline {
        return format!("{id}{deco} {}\n", subject(&c.message));
    }
    layout(c, &id, &deco, pretty, style.date.show(c.time, now))
}

/// The multi-line formats: `commit` line, `Merge:`, who and when, the message.
/// `date`: the commit's time as `--date` shows it.
pub fn layout(c: &Commit, id: &str, deco: &str, pretty: &Pretty, date: String) -> String {
    let mut out = format!("commit {id}{deco}\n");
    if c.parents.len() > 1 {
        let ps: Vec<&str> = c.parents.iter().map(|p| short(p)).collect();
        out.push_str(&format!("Merge: {}\n", ps.join(" ")));
    }
    out.push_str(&match pretty {
        Pretty::Short => format!("Author: {}\n", c.author),
        Pretty::Full => format!("Author: {}\nCommit: {}\n", c.author, c.author),
        Pretty::Fuller => {
            format!("Author:     {}\nAuthorDate: {date}\nCommit:     {}\nCommitDate: {date}\n", c.author, c.author)
        }
        _ => format!("Author: {}\nDate:   {date}\n", c.author),
    });
    out.push('\n');
    let message = c.message.trim_end();
    let lines: Vec<&str> = if *pretty == Pretty::Short {
        message.lines().skip_while(|l| l.trim().is_empty()).take_while(|l| !l.trim().is_empty()).collect()
    } else {
        message.lines().collect()
    };
    for line in lines {
        out.push_str(&format!("    {line}\n"));
    }
    out
}

/// One commit as printed in any format: a named one, or a user format
/// with its newline when it is `tformat:` (an empty format prints nothing).
pub fn entry(repo: &Repo, c: &Commit, pretty: &Pretty, style: Style, now: u64) -> String {
    match pretty {
        Pretty::User { format, terminated } => {
            let mut text = expand(repo, c, format, style, now);
            if *terminated && !format.is_empty() {
                text.push('\n');
            }
            text
        }
        named_format => named(repo, c, named_format, style, now),
    }
}

/// How an entry's header reads besides its format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// `--abbrev-commit` (`--oneline` implies it): short ids in headers.
    pub abbrev: bool,
    /// `--decorate[=…]`, `--no-decorate`: how headers name refs.
    pub decorate: Decorate,
    /// `--date=…`: how `Date:` lines, `%ad` and `%cd` show times.
    pub date: DateStyle,
    /// `--left-right`: each header starts with the commit's [`Style::mark`].
    pub left_right: bool,
    /// The commit is on the left of an `A...B`: its mark is `<`, not `>`.
    pub left: bool,
}

impl Style {
    /// `%m` and `--left-right`'s mark: which side of `A...B` the commit is on.
    pub const fn mark(self) -> char {
        if self.left { '<' } else { '>' }
    }
}

/// How log and show print each entry: the format and its [`Style`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub pretty: Option<Pretty>,
    pub style: Style,
}

/// Reads `--oneline`, `--pretty[=…]`, `--format=…`, `--[no-]abbrev-commit`
/// `--[no-]decorate[=…]` and `--date=…` out of log's or show's words, in order, as
/// git's revision parser does (the formats take their value only after `=`).
/// The other words come back.
pub fn take_options(words: &[String]) -> Result<(Vec<String>, Shape), GitError> {
    let mut rest = Vec::new();
    let mut shape = Shape { pretty: None, style: Style::default() };
    let Shape { pretty, style: Style { abbrev, decorate, date, .. } } = &mut shape;
    for (i, w) in words.iter().enumerate() {
        match w.as_str() {
            "--" => {
                rest.extend(words[i..].iter().cloned());
                break;
            }
            "--oneline" => {
                *pretty = Some(Pretty::Oneline);
                *abbrev = true;
            }
            "--abbrev-commit" => *abbrev = true,
            "--no-abbrev-commit" => *abbrev = false,
            "--pretty" => *pretty = Some(Pretty::Medium),
            "--format" => return Err(GitError::Fatal("unrecognized argument: --format".into())),
            "--decorate" => *decorate = Decorate::Short,
            "--no-decorate" => *decorate = Decorate::No,
            "--date" => return Err(GitError::Fatal("Option '--date' requires a value".into())),
            _ => {
                if let Some(spec) = w.strip_prefix("--pretty=").or_else(|| w.strip_prefix("--format=")) {
                    *pretty = Some(Pretty::parse(Some(spec))?);
                } else if let Some(style) = w.strip_prefix("--decorate=") {
                    *decorate = Decorate::parse(style)?;
                } else if let Some(style) = w.strip_prefix("--date=") {
                    *date = DateStyle::parse(style)?;
                } else {
                    rest.push(w.clone());
                }
            }
        }
    }
    Ok((rest, shape))
}

/// git's subject: the message's first paragraph, its lines joined by spaces.
fn subject(message: &str) -> String {
    let lines: Vec<&str> =
        message.lines().skip_while(|l| l.trim().is_empty()).take_while(|l| !l.trim().is_empty()).collect();
    lines.iter().map(|l| l.trim_end()).collect::<Vec<_>>().join(" ")
}

/// What follows the subject's paragraph and the blank lines after it.
fn body(message: &str) -> String {
    let mut lines = message.lines().skip_while(|l| l.trim().is_empty()).skip_while(|l| !l.trim().is_empty());
    let rest: Vec<&str> = lines.by_ref().skip_while(|l| l.trim().is_empty()).collect();
    let text = rest.join("\n");
    let text = text.trim_end();
    if text.is_empty() { String::new() } else { format!("{text}\n") }
}

/// `%f`: the subject as a file name (git's `format_sanitized_subject`).
fn sanitized(subject: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    let mut last = '\0';
    for c in subject.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            // A run of dots is one dot.
            if !(c == '.' && last == '.') {
                out.push(c);
            }
            last = c;
        } else {
            gap = true;
            last = c;
        }
    }
    out.trim_end_matches(['.', '-']).to_string()
}

/// One `%` placeholder, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Hash,
    Abbrev,
    Parents,
    AbbrevParents,
    Name,
    Email,
    Local,
    Date(DateStyle),
    Subject,
    Sanitized,
    Body,
    Raw,
    Decorations,
    BareDecorations,
    Newline,
    /// `%m`: `<` or `>`, the side of `A...B` the commit is on.
    Mark,
    Byte(u8),
    /// A colour, or an encoding git would name: prints nothing here.
    Nothing,
    /// `%+x`, `%-x`, `% x`: a line break before a non-empty expansion,
    /// line breaks dropped before an empty one, a space before a non-empty one.
    Magic(char),
}

/// A way of showing a time: `--date=…`'s styles, and the fixed ones of
/// `%aD`, `%ar`, `%at`, `%ai`, `%aI`, `%as`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateStyle {
    /// `Mon Jan 5 09:00:00 2026 +0000`.
    #[default]
    Default,
    /// `--date=local`: the default without its zone (the tutor's clock is UTC).
    Local,
    /// `Mon, 5 Jan 2026 09:00:00 +0000`.
    Rfc2822,
    /// `3 hours ago`.
    Relative,
    /// `1767603600`.
    Unix,
    /// `1767603600 +0000`.
    Raw,
    /// `2026-01-05 09:00:00 +0000`.
    Iso,
    /// `2026-01-05T09:00:00Z`.
    IsoStrict,
    /// `2026-01-05`.
    Short,
}

impl DateStyle {
    /// `--date=VALUE`, as git's `parse_date_format` reads it (a `-local`
    /// suffix only drops the zone from the default style here, in UTC).
    pub fn parse(value: &str) -> Result<Self, GitError> {
        let (base, local) = match value.strip_suffix("-local") {
            Some(base) => (base, true),
            None => (value, false),
        };
        Ok(match base {
            "default" if local => Self::Local,
            "local" if !local => Self::Local,
            "default" => Self::Default,
            "relative" => Self::Relative,
            "iso" | "iso8601" => Self::Iso,
            "iso-strict" | "iso8601-strict" => Self::IsoStrict,
            "rfc" | "rfc2822" => Self::Rfc2822,
            "short" => Self::Short,
            "raw" => Self::Raw,
            "unix" => Self::Unix,
            "human" => return Err(GitError::Fatal("'--date=human' is not simulated in this tutor yet".into())),
            _ if value.starts_with("format:") || value.starts_with("format-local:") => {
                return Err(GitError::Fatal("'--date=format:…' is not simulated in this tutor yet".into()));
            }
            _ => return Err(GitError::Fatal(format!("unknown date format {value}"))),
        })
    }

    /// `secs` in this style; `now` for `Relative`.
    pub fn show(self, secs: u64, now: u64) -> String {
        match self {
            Self::Default => clock::git_date(secs),
            Self::Local => clock::git_date(secs).trim_end_matches(" +0000").to_string(),
            Self::Rfc2822 => clock::rfc2822(secs),
            Self::Relative => clock::relative(secs, now),
            Self::Unix => secs.to_string(),
            Self::Raw => format!("{secs} +0000"),
            Self::Iso => clock::iso(secs),
            Self::IsoStrict => clock::iso_strict(secs),
            Self::Short => clock::short_date(secs),
        }
    }
}

/// The placeholder `s` starts with (after its `%`) and how many bytes it
/// takes; `None` when git would print the `%` as it is.
fn placeholder(s: &str) -> Result<Option<(Field, usize)>, GitError> {
    let not_simulated =
        |what: &str| Err(GitError::Fatal(format!("'%{what}' in a format is not simulated in this tutor yet")));
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return Ok(None) };
    let second = chars.next();
    let one = |f: Field| Ok(Some((f, 1)));
    match first {
        '+' | '-' | ' ' => Ok(Some((Field::Magic(first), 1))),
        'n' => one(Field::Newline),
        'H' => one(Field::Hash),
        'h' => one(Field::Abbrev),
        'P' => one(Field::Parents),
        'p' => one(Field::AbbrevParents),
        's' => one(Field::Subject),
        'f' => one(Field::Sanitized),
        'b' => one(Field::Body),
        'B' => one(Field::Raw),
        'd' => one(Field::Decorations),
        'D' => one(Field::BareDecorations),
        'e' => one(Field::Nothing),
        'm' => one(Field::Mark),
        'x' => {
            let hex = s.get(1..3).filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()));
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(b) if b < 0x80 => Ok(Some((Field::Byte(b), 3))),
                Some(_) => not_simulated(&s[..3]),
                None => Ok(None),
            }
        }
        'C' => {
            // With colours off git does not even read what is inside.
            if let Some(spec) = s.strip_prefix("C(") {
                return Ok(spec.find(')').map(|end| (Field::Nothing, end + 3)));
            }
            Ok(["red", "green", "blue", "reset"]
                .iter()
                .find(|c| s[1..].starts_with(*c))
                .map(|c| (Field::Nothing, 1 + c.len())))
        }
        'a' | 'c' => {
            let field = match second {
                Some('n' | 'N') => Field::Name,
                Some('e' | 'E') => Field::Email,
                Some('l' | 'L') => Field::Local,
                Some('d') => Field::Date(DateStyle::Default),
                Some('D') => Field::Date(DateStyle::Rfc2822),
                Some('r') => Field::Date(DateStyle::Relative),
                Some('t') => Field::Date(DateStyle::Unix),
                Some('i') => Field::Date(DateStyle::Iso),
                Some('I') => Field::Date(DateStyle::IsoStrict),
                Some('s') => Field::Date(DateStyle::Short),
                Some('h') => return not_simulated(&format!("{first}h")),
                _ => return Ok(None),
            };
            Ok(Some((field, 2)))
        }
        // Tree ids, notes, sources, wrapping and padding.
        'T' | 't' | 'N' | 'S' | 'w' | '<' | '>' => not_simulated(&first.to_string()),
        'g' | 'G' => not_simulated(&s.chars().take(2).collect::<String>()),
        '(' if ["describe", "trailers", "decorate", "contents"].iter().any(|k| s[1..].starts_with(k)) => {
            not_simulated(s.split(')').next().unwrap_or(s))
        }
        _ => Ok(None),
    }
}

/// One commit in a user format. `now`: the clock, for relative dates.
/// `style`: `%d` and `%D` name refs in full after `--decorate=full`
/// (and still name them after `--no-decorate`).
pub fn expand(repo: &Repo, c: &Commit, format: &str, style: Style, now: u64) -> String {
    let fields =
        Style { decorate: if style.decorate == Decorate::Full { Decorate::Full } else { Decorate::Short }, ..style };
    let mut out = String::new();
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('%') {
            out.push('%');
            rest = tail;
            continue;
        }
        match placeholder(after) {
            Ok(Some((Field::Magic(m), 1))) => {
                let start = out.len();
                let inner = placeholder(&after[1..]).ok().flatten().filter(|(f, _)| !matches!(f, Field::Magic(_)));
                let Some((field, n)) = inner else {
                    // git consumes the modifier and goes on after it.
                    rest = &after[1..];
                    continue;
                };
                push_field(&mut out, repo, c, field, fields, now);
                if out.len() == start && m == '-' {
                    let kept = out.trim_end_matches('\n').len();
                    out.truncate(kept);
                } else if out.len() > start && m != '-' {
                    out.insert(start, if m == '+' { '\n' } else { ' ' });
                }
                rest = &after[1 + n..];
            }
            Ok(Some((field, n))) => {
                push_field(&mut out, repo, c, field, fields, now);
                rest = &after[n..];
            }
            // Checked when parsed; anything else prints as it is.
            _ => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `style`: the `--decorate` that `%d` follows and the `--date` of `%ad`.
fn push_field(out: &mut String, repo: &Repo, c: &Commit, field: Field, style: Style, now: u64) {
    let (name, email) = super::config::ident_parts(&c.author);
    match field {
        Field::Hash => out.push_str(&c.id),
        Field::Abbrev => out.push_str(short(&c.id)),
        Field::Parents => out.push_str(&c.parents.join(" ")),
        Field::AbbrevParents => out.push_str(&c.parents.iter().map(|p| short(p)).collect::<Vec<_>>().join(" ")),
        Field::Name => out.push_str(name),
        Field::Email => out.push_str(email),
        Field::Local => out.push_str(email.split('@').next().unwrap_or(email)),
        Field::Date(DateStyle::Default) => out.push_str(&style.date.show(c.time, now)),
        Field::Date(fixed) => out.push_str(&fixed.show(c.time, now)),
        Field::Subject => out.push_str(&subject(&c.message)),
        Field::Sanitized => out.push_str(&sanitized(&subject(&c.message))),
        Field::Body => out.push_str(&body(&c.message)),
        Field::Raw => {
            let raw = c.message.trim_end();
            if !raw.is_empty() {
                out.push_str(raw);
                out.push('\n');
            }
        }
        Field::Decorations => out.push_str(&decorated(repo, &c.id, style.decorate)),
        Field::BareDecorations => out.push_str(&decorations(repo, &c.id, style.decorate).join(", ")),
        Field::Newline => out.push('\n'),
        Field::Mark => out.push(style.mark()),
        Field::Byte(b) => out.push(char::from(b)),
        Field::Nothing | Field::Magic(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;
    use proptest::prelude::*;

    proptest! {
        /// Any format, Unicode and `%` mixed inside it, is read or refused,
        /// and expands without a panic.
        #[test]
        fn any_format_parses_or_is_refused(spec in "(format:|tformat:)?([%+ (),-]|[ahcCxnbBsdDm0-9a-f]|\\PC){0,16}") {
            let mut world = crate::World::new();
            world.run("git commit --allow-empty -m 'Ünïcode — ✓' -m 'body'");
            let repo = world.local().expect("a repository");
            let c = repo.head_commit().and_then(|id| repo.commit(id)).expect("a commit");
            if let Ok(Pretty::User { format, .. }) = Pretty::parse(Some(&spec)) {
                let _ = expand(repo, c, &format, Style::default(), 0);
            }
        }
    }

    #[test]
    fn names_and_prefixes_pick_gits_formats() {
        assert_eq!(Pretty::parse(Some("f")).unwrap(), Pretty::Full);
        assert_eq!(Pretty::parse(Some("FULLER")).unwrap(), Pretty::Fuller);
        assert_eq!(Pretty::parse(Some("o")).unwrap(), Pretty::Oneline);
        assert_eq!(Pretty::parse(Some("m")).unwrap(), Pretty::Medium);
        assert_eq!(Pretty::parse(None).unwrap(), Pretty::Medium);
        assert!(matches!(Pretty::parse(Some("%h")).unwrap(), Pretty::User { terminated: true, .. }));
        assert!(matches!(Pretty::parse(Some("format:%h")).unwrap(), Pretty::User { terminated: false, .. }));
        assert_eq!(Pretty::parse(Some("foo")).unwrap_err().to_string(), "fatal: invalid --pretty format: foo");
        assert!(Pretty::parse(Some("raw")).unwrap_err().to_string().contains("not simulated"));
        assert!(Pretty::parse(Some("%T")).unwrap_err().to_string().contains("not simulated"));
        assert!(
            matches!(Pretty::parse(Some("tformat:100%")).unwrap(), Pretty::User { format, .. } if format == "100%")
        );
    }

    #[test]
    fn sanitizes_subjects_as_git_does() {
        assert_eq!(sanitized("Add the product-inquiry intent!"), "Add-the-product-inquiry-intent");
        assert_eq!(sanitized("  v1...2 release.  "), "v1.2-release");
        assert_eq!(sanitized("中文 keywords"), "keywords");
    }

    #[test]
    fn splits_subject_and_body() {
        assert_eq!(subject("One\ntwo\n\nBody\n"), "One two");
        assert_eq!(body("One\ntwo\n\n\nBody\nmore\n"), "Body\nmore\n");
        assert_eq!(body("One\n"), "");
    }
}
