//! The promotion ledger: which commit runs where, under which profile, and
//! how far each server is behind what it should run. `servers` prints it; the
//! page's server cards are built from the same rows.

use super::{Server, ServerName, Servers, Status};
use crate::repo::Repo;

/// One server as the ledger shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    /// `staging`, `preview-3`.
    pub label: String,
    /// The name it runs under (a preview is a staging-profile server).
    pub name: ServerName,
    /// The pull request a deploy preview shows.
    pub preview: Option<u32>,
    /// Where curl reaches it.
    pub url: String,
    /// Up, down, stopped…
    pub status: Status,
    /// The full id of the commit it runs, when it runs one.
    pub deployed: Option<String>,
    /// `abc1234 "Subject"`.
    pub running: Option<String>,
    /// The profile it loads.
    pub env_file: String,
    /// Where its code comes from.
    pub source: String,
    /// `up to date with origin/main`, `2 commits behind staging`.
    pub behind: Option<String>,
    /// Production's users who got an error from it.
    pub users_affected: u64,
}

impl Servers {
    /// Each active server as a ledger row.
    pub fn rows(&self, origin: &Repo) -> Vec<Row> {
        self.active()
            .map(|s| {
                let live = s.live();
                let source = match (s.name, s.name.tracks(self.topology)) {
                    _ if s.preview.is_some() => format!(
                        "deploy preview of pull request #{} ({})",
                        s.preview.unwrap_or_default(),
                        s.deployed.as_ref().map_or("", |d| d.branch.as_str())
                    ),
                    (ServerName::Local, _) => "runs your working tree (python main.py)".to_string(),
                    (_, Some(b)) => format!("deploys origin/{b} on push"),
                    (_, None) => "deploys what staging ran, on `deploy production`".to_string(),
                };
                Row {
                    label: s.label(),
                    name: s.name,
                    preview: s.preview,
                    url: s.url(),
                    status: s.status,
                    deployed: live.and_then(|d| d.commit.clone()),
                    running: live.map(|d| format!("{} \"{}\"", d.version, d.subject)),
                    env_file: s.env_file(),
                    source,
                    behind: self.behind(s, origin),
                    users_affected: s.users_affected,
                }
            })
            .collect()
    }

    /// The commit staging runs now, which `deploy production` promotes.
    pub fn staging_commit(&self) -> Option<&str> {
        self.get(ServerName::Staging).deployed.as_ref().and_then(|d| d.commit.as_deref())
    }

    /// Which commit runs where, and how far each server is behind what it should run.
    pub fn ledger(&self, origin: &Repo) -> String {
        let mut out = vec![format!(
            "Topology: {} ({})",
            self.topology.name(),
            self.topology.servers().iter().map(|s| s.name()).collect::<Vec<_>>().join(" → ")
        )];
        let rows = self.rows(origin);
        let width = rows.iter().map(|c| c.url.len()).max().unwrap_or(0);
        for c in rows {
            let running = c.running.as_deref().unwrap_or("-");
            out.push(format!("{:<12} {:<width$} {:<12} {running}", c.label, c.url, c.status.name()));
            let mut line = format!("             {} · {}", c.source, c.env_file);
            if let Some(b) = c.behind {
                line.push_str(&format!(" · {b}"));
            }
            if c.users_affected > 0 {
                line.push_str(&format!(" · users affected: {}", c.users_affected));
            }
            out.push(line);
        }
        out.join("\n")
    }

    fn behind(&self, s: &Server, origin: &Repo) -> Option<String> {
        if s.preview.is_some() {
            return None;
        }
        let running = s.deployed.as_ref()?.commit.clone()?;
        let (target, label) = match s.name.tracks(self.topology) {
            Some(b) => (origin.branches.get(b)?.clone(), format!("origin/{b}")),
            None if s.name == ServerName::Production => (self.staging_commit()?.to_string(), "staging".to_string()),
            None => return None,
        };
        let n = origin.count_range(&running, &target);
        Some(match n {
            0 => format!("up to date with {label}"),
            1 => format!("1 commit behind {label}"),
            n => format!("{n} commits behind {label}"),
        })
    }
}
