//! The teammate: someone else's clone of `origin`, cloned on first use, whose
//! lines (`@teammate …`) run as a second world sharing origin, GitHub and the clock.

use serde::{Deserialize, Serialize};

use super::{ORIGIN_URL, SCHEMA_VERSION, TEAMMATE, World};
use crate::action::Action;
use crate::outcome::Outcome;
use crate::repo::{Head, Repo, Tree, Upstream};
use crate::servers::Servers;

/// Someone else's clone of `origin` (lines prefixed `@teammate `).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teammate {
    /// Their repository.
    pub repo: Repo,
    /// Their working tree.
    pub work: Tree,
}

impl World {
    /// Performs `action` in the teammate's clone, cloning `origin` on first use.
    pub(super) fn as_teammate(&mut self, action: &Action) -> Outcome {
        let mate = match self.teammate.take() {
            Some(t) => t,
            None => match clone(&self.origin) {
                Some(t) => t,
                None => {
                    return Outcome::err("@teammate: origin is empty, so there is nothing for a teammate to clone yet");
                }
            },
        };
        let mut theirs = World {
            schema_version: SCHEMA_VERSION,
            clock: self.clock,
            local: Some(mate.repo),
            work: mate.work,
            origin: std::mem::take(&mut self.origin),
            teammate: None,
            servers: Servers::default(),
            hub: std::mem::take(&mut self.hub),
            global_config: std::mem::take(&mut self.global_config),
        };
        let me = theirs.identity(TEAMMATE);
        let outcome = theirs.perform(action, &me);
        self.global_config = theirs.global_config;
        self.clock = theirs.clock;
        self.origin = theirs.origin;
        self.hub = theirs.hub;
        self.teammate = theirs.local.map(|repo| Teammate { repo, work: theirs.work });
        outcome
    }
}

/// `git clone` of origin: every branch as a remote-tracking ref, origin's
/// HEAD branch checked out and tracking its remote counterpart.
fn clone(origin: &Repo) -> Option<Teammate> {
    let head_branch = origin.current_branch().filter(|b| origin.branches.contains_key(*b))?.to_string();
    let mut repo = Repo::init(false);
    repo.remotes.insert("origin".into(), ORIGIN_URL.into());
    for (name, id) in &origin.branches {
        repo.copy_commits_from(origin, id);
        repo.remote_tracking.insert(format!("origin/{name}"), id.clone());
    }
    for name in origin.tags.keys() {
        repo.copy_tag_from(origin, name);
    }
    let id = origin.branches[&head_branch].clone();
    let tree = repo.commit(&id).map(|c| c.tree.clone()).unwrap_or_default();
    repo.branches.insert(head_branch.clone(), id);
    repo.upstreams.insert(head_branch.clone(), Upstream { remote: "origin".into(), branch: head_branch.clone() });
    repo.remote_head = Some(head_branch.clone());
    repo.head = Head::Branch(head_branch);
    repo.log_head(format!("clone: from {ORIGIN_URL}"));
    // The teammate's clone names them, as their machine would.
    repo.config = crate::git::config::settings_for(TEAMMATE);
    repo.index = tree.clone();
    Some(Teammate { repo, work: tree })
}
