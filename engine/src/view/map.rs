//! The big picture: the guide's two columns — the git workflow beside the
//! deployment pipeline — drawn from the live world, one row per step, each
//! branch beside the server it feeds.

use crate::repo::{Repo, short};
use crate::servers::{ServerName, Topology};
use crate::world::World;

/// One step of the flow: a branch, and the server it feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The branch (`development`), or how the code arrives (`feature/*`).
    pub branch: String,
    /// Its tip: `abc1234 Add product inquiry intent`, if it exists.
    pub tip: Option<String>,
    /// How the branch reaches the server, in the guide's words.
    pub feeds: &'static str,
    /// The server (`staging`).
    pub server: &'static str,
    /// Its URL.
    pub url: String,
    /// What it runs: `abc1234 Add product inquiry intent`.
    pub runs: Option<String>,
    /// `running`, `stopped`, `not deployed`…
    pub status: &'static str,
    /// The profile it runs under (`.env.staging`).
    pub profile: String,
    /// The server runs the branch's tip.
    pub current: bool,
}

fn line(repo: &Repo, id: &str) -> String {
    let subject = repo.commit(id).map_or("", |c| c.subject());
    format!("{} {subject}", short(id))
}

/// The flow's steps for the world's topology, local first.
pub fn map(world: &World) -> Vec<Step> {
    let servers = world.servers();
    let topology = servers.topology;
    let origin = world.origin();
    let local = world.local();
    // The feature branch: the one checked out, else the newest `feature/…`.
    let feature = local.and_then(|r| {
        let current = r.current_branch().filter(|b| !matches!(*b, "main" | "development"));
        current.map(str::to_string).or_else(|| r.branches.keys().rfind(|b| b.starts_with("feature/")).cloned())
    });
    topology
        .servers()
        .iter()
        .map(|&name| {
            let server = servers.get(name);
            let runs_id = server.live().and_then(|d| d.commit.clone());
            let (branch, tip_id, feeds) = match (name, name.tracks(topology)) {
                (ServerName::Local, _) => {
                    let tip = feature.as_ref().and_then(|f| local?.branches.get(f).cloned());
                    (
                        feature.clone().unwrap_or_else(|| "feature/…".into()),
                        tip,
                        "you run it on your laptop: python main.py",
                    )
                }
                (_, Some(b)) => (b.to_string(), origin.branches.get(b).cloned(), "deploys on every push to it"),
                (_, None) => (
                    "main, promoted".to_string(),
                    servers.staging_commit().map(str::to_string),
                    "the same commit staging ran: deploy production",
                ),
            };
            let any = local.unwrap_or(origin);
            Step {
                current: runs_id.is_some() && runs_id == tip_id,
                tip: tip_id.as_deref().map(|id| line(any, id)),
                branch,
                feeds,
                server: name.name(),
                url: server.url(),
                runs: runs_id.as_deref().map(|id| line(any, id)),
                status: server.status.name(),
                profile: server.env_file(),
            }
        })
        .collect()
}

/// The guide's one-line insight for the map, per setup.
pub fn insight(topology: Topology) -> &'static str {
    match topology {
        Topology::Professional => "Same code (main branch), different environments (staging vs production)!",
        Topology::Minimal => "Two environments: main deploys straight to production, with no staging to catch a bug.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;

    #[test]
    fn the_map_follows_the_flow() {
        let mut w = World::new();
        let m = map(&w);
        let rows: Vec<(&str, &str)> = m.iter().map(|s| (s.branch.as_str(), s.server)).collect();
        assert_eq!(
            rows,
            [
                ("feature/…", "local"),
                ("development", "development"),
                ("main", "staging"),
                ("main, promoted", "production")
            ]
        );
        assert!(m[1].current && m[2].current && m[3].current, "{m:?}");
        for l in [
            "git checkout -b feature/new-chatbot-intent development",
            "edit product-inquiry",
            "git commit -am 'Add product inquiry intent'",
        ] {
            assert!(w.run(l).ok, "{l}");
        }
        let m = map(&w);
        assert_eq!(m[0].branch, "feature/new-chatbot-intent");
        assert!(m[0].tip.as_deref().unwrap().ends_with("Add product inquiry intent"));
        assert!(!m[0].current);
        assert!(w.run("topology minimal").ok);
        let m = map(&w);
        assert_eq!(m.iter().map(|s| s.server).collect::<Vec<_>>(), ["local", "production"]);
        assert_eq!(m[1].branch, "main");
    }
}
