//! The three profiles side by side (the guide's table of environment
//! differences): one table that `config compare` prints and the page draws.

use super::check::Env;
use super::{DEFAULTS, KEYS, dotenv};
use crate::repo::Tree;

/// One key's value in one profile, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cell {
    /// Set in the file, on this line (1-based).
    Set {
        /// The value as the file gives it.
        value: String,
        /// The line that sets it (the last one, if set twice).
        line: usize,
    },
    /// Not in the file: the app's default applies.
    Default(&'static str),
    /// The profile's file does not exist.
    NoFile,
}

impl Cell {
    /// How `config compare` prints it.
    pub fn text(&self) -> String {
        match self {
            Self::Set { value, .. } => value.clone(),
            Self::Default(d) => format!("(default {d})"),
            Self::NoFile => "(no file)".into(),
        }
    }
}

/// One key across the three profiles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    /// The setting.
    pub key: &'static str,
    /// Development, staging, production, in [`Env::ALL`] order.
    pub cells: Vec<Cell>,
    /// Whether the profiles disagree: same code, different configuration.
    pub differs: bool,
}

/// Every key the app reads, across the three profiles of `work`.
pub fn table(work: &Tree) -> Vec<Row> {
    let parsed: Vec<_> = Env::ALL
        .iter()
        .map(|env| {
            let file = env.file();
            work.get(&file).map(|t| dotenv::parse(&file, t))
        })
        .collect();
    KEYS.iter()
        .map(|&key| {
            let default = DEFAULTS.iter().find(|(k, _)| *k == key).map_or("", |(_, d)| *d);
            let cells: Vec<Cell> = parsed
                .iter()
                .map(|p| match p.as_ref().map(|p| p.get(key)) {
                    None => Cell::NoFile,
                    Some(Some(e)) => Cell::Set { value: e.value.clone(), line: e.line },
                    Some(None) => Cell::Default(default),
                })
                .collect();
            let differs = cells.iter().any(|c| c.text() != cells[0].text());
            Row { key, cells, differs }
        })
        .collect()
}

/// `config compare`: the table as text; `*` marks a key whose value differs.
pub fn compare(work: &Tree) -> String {
    let mut rows =
        vec![std::iter::once("  KEY".to_string()).chain(Env::ALL.iter().map(|e| e.file())).collect::<Vec<_>>()];
    for r in table(work) {
        let mark = if r.differs { "* " } else { "  " };
        rows.push(std::iter::once(format!("{mark}{}", r.key)).chain(r.cells.iter().map(Cell::text)).collect());
    }
    let widths: Vec<usize> = (0..4).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| {
            let line: Vec<String> = r.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
            line.join("  ").trim_end().to_string()
        })
        .collect();
    out.push("(* differs between environments: same code, different configuration)".into());
    out.join("\n")
}
