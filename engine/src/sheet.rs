//! Sheets: the text of the reference page and of the interview's answer and
//! follow-ups, as data files the page fetches on first use. A small line
//! format, so the text is written (and reviewed) as prose and the page
//! decides how it looks:
//!
//! ```text
//! # Title
//! A paragraph; `backticks` are code. Lines run on until a blank line.
//! ## A section
//! $ git checkout -b feature/my-feature  # what it does
//! | Aspect | Development | Staging | Production |
//! | Data | Fake test data | Production-like test data | Real customer data |
//! - a list item
//! > a quoted answer
//! ? a question an interviewer asks (the list after it: what a strong answer covers)
//! [profiles]   (a live part of the page: profiles, workflow)
//! // a comment
//! ```

use thiserror::Error;

/// The live parts a sheet may place, drawn by the page from a world.
pub const EMBEDS: &[&str] = &["profiles", "workflow"];

/// One block of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading (`## `).
    Heading(String),
    /// A paragraph.
    Para(String),
    /// A command to type (`$ `), and what it does.
    Command {
        /// The line, as the terminal takes it.
        line: String,
        /// What it does (after `  # `), possibly empty.
        note: String,
    },
    /// A table: its header row, then its rows, each as wide as the header.
    Table(Vec<Vec<String>>),
    /// A list's items.
    List(Vec<String>),
    /// A quotation (`> `).
    Quote(String),
    /// A question an interviewer asks (`? `).
    Ask(String),
    /// A live part of the page, by name (one of [`EMBEDS`]).
    Embed(String),
}

/// A sheet: its title and blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    /// The `# ` title.
    pub title: String,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

/// A mistake in a sheet file, with its line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {message}")]
pub struct SheetError {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong, and the fix.
    pub message: String,
}

fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// A table's `|---|---|` line, which only underlines the header.
fn is_rule(row: &str) -> bool {
    row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Reads a sheet.
pub fn parse(text: &str) -> Result<Sheet, SheetError> {
    let mut sheet = Sheet::default();
    let err = |line: usize, message: String| SheetError { line, message };
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let l = raw.trim_end();
        let last = sheet.blocks.last_mut();
        if l.trim().is_empty() {
            // A blank line ends a paragraph, quote, list or table.
            if !matches!(last, Some(Block::Para(p)) if p.is_empty()) {
                sheet.blocks.push(Block::Para(String::new()));
            }
            continue;
        }
        if l.starts_with("//") {
            continue;
        }
        if let Some(t) = l.strip_prefix("## ") {
            let t = t.trim();
            if t.is_empty() {
                return Err(err(line, "a section needs a name after '## '".into()));
            }
            sheet.blocks.push(Block::Heading(t.to_string()));
        } else if let Some(t) = l.strip_prefix("# ") {
            if !sheet.title.is_empty() {
                return Err(err(line, "a sheet has one '# ' title; use '## ' for a section".into()));
            }
            sheet.title = t.trim().to_string();
        } else if let Some(c) = l.strip_prefix("$ ") {
            let (cmd, note) = c.split_once("  # ").unwrap_or((c, ""));
            let cmd = cmd.trim();
            if cmd.is_empty() || cmd.starts_with('#') {
                return Err(err(line, "a command line needs the command after '$ '".into()));
            }
            sheet.blocks.push(Block::Command { line: cmd.to_string(), note: note.trim().to_string() });
        } else if l.starts_with('|') {
            if is_rule(l) {
                continue;
            }
            let row = cells(l);
            match last {
                Some(Block::Table(rows)) => {
                    let want = rows.first().map_or(0, Vec::len);
                    if row.len() != want {
                        return Err(err(
                            line,
                            format!("this row has {} cells and the table's header has {want}", row.len()),
                        ));
                    }
                    rows.push(row);
                }
                _ => sheet.blocks.push(Block::Table(vec![row])),
            }
        } else if let Some(t) = l.strip_prefix("- ") {
            match last {
                Some(Block::List(items)) => items.push(t.trim().to_string()),
                _ => sheet.blocks.push(Block::List(vec![t.trim().to_string()])),
            }
        } else if let Some(t) = l.strip_prefix("? ") {
            sheet.blocks.push(Block::Ask(t.trim().to_string()));
        } else if let Some(t) = l.strip_prefix('>') {
            let t = t.trim();
            match last {
                Some(Block::Quote(q)) => {
                    q.push(' ');
                    q.push_str(t);
                }
                _ => sheet.blocks.push(Block::Quote(t.to_string())),
            }
        } else if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            if !EMBEDS.contains(&name) {
                return Err(err(line, format!("no live part is called '{name}'; use one of: {}", EMBEDS.join(", "))));
            }
            sheet.blocks.push(Block::Embed(name.to_string()));
        } else {
            let t = l.trim();
            match last {
                Some(Block::Para(p)) if !p.is_empty() => {
                    p.push(' ');
                    p.push_str(t);
                }
                Some(Block::Para(p)) => p.push_str(t),
                _ => sheet.blocks.push(Block::Para(t.to_string())),
            }
        }
    }
    // The blank lines' empty paragraphs only separated blocks.
    sheet.blocks.retain(|b| !matches!(b, Block::Para(p) if p.is_empty()));
    if sheet.title.is_empty() {
        return Err(err(1, "a sheet starts with its '# ' title".into()));
    }
    Ok(sheet)
}

impl Sheet {
    /// The blocks of the section named `heading`, up to the next section.
    pub fn section(&self, heading: &str) -> &[Block] {
        let Some(start) = self.blocks.iter().position(|b| matches!(b, Block::Heading(h) if h == heading)) else {
            return &[];
        };
        let rest = &self.blocks[start + 1..];
        let end = rest.iter().position(|b| matches!(b, Block::Heading(_))).unwrap_or(rest.len());
        &rest[..end]
    }

    /// Every command line on the sheet.
    pub fn commands(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Command { line, .. } => Some(line.as_str()),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_block() {
        let s = parse(
            "# Quick reference\nIntro line one\nand two.\n\n## Git workflow\n$ git checkout -b feature/x  # start\n\
             $ python main.py\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n> quoted\n> more\n? Why?\n[profiles]\n// note\n",
        )
        .unwrap();
        assert_eq!(s.title, "Quick reference");
        assert_eq!(
            s.blocks,
            vec![
                Block::Para("Intro line one and two.".into()),
                Block::Heading("Git workflow".into()),
                Block::Command { line: "git checkout -b feature/x".into(), note: "start".into() },
                Block::Command { line: "python main.py".into(), note: String::new() },
                Block::Table(vec![vec!["A".into(), "B".into()], vec!["1".into(), "2".into()]]),
                Block::List(vec!["one".into(), "two".into()]),
                Block::Quote("quoted more".into()),
                Block::Ask("Why?".into()),
                Block::Embed("profiles".into()),
            ]
        );
        assert_eq!(s.section("Git workflow").len(), 7);
        assert_eq!(s.commands().count(), 2);
    }

    #[test]
    fn names_the_line_of_a_mistake() {
        let e = |t: &str| parse(t).unwrap_err().to_string();
        assert_eq!(e("# T\n| a | b |\n| 1 |\n"), "line 3: this row has 1 cells and the table's header has 2");
        assert_eq!(e("# T\n[maps]\n"), "line 2: no live part is called 'maps'; use one of: profiles, workflow");
        assert_eq!(e("# T\n$  # nothing\n"), "line 2: a command line needs the command after '$ '");
        assert_eq!(e("# T\n# U\n"), "line 2: a sheet has one '# ' title; use '## ' for a section");
        assert_eq!(e("text\n"), "line 1: a sheet starts with its '# ' title");
    }
}
