//! The replay contract's `state` object: a stable, JSON-friendly view of the
//! world for `b2p replay --json`, lesson checks and tests.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::git::status;
use crate::github::{Hub, PrState, Protection, ReviewState};
use crate::repo::{Head, Operation, Repo};
use crate::servers::{ServerName, Status};
use crate::world::World;

/// Where HEAD is.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum HeadState {
    /// On a branch.
    #[serde(rename = "branch")]
    Branch(String),
    /// Detached at a commit (full id).
    #[serde(rename = "detached")]
    Detached(String),
}

/// One commit.
#[derive(Debug, Serialize)]
pub struct CommitState {
    /// Its parents' ids.
    pub parents: Vec<String>,
    /// Its subject line.
    pub subject: String,
}

/// `origin` as GitHub holds it.
#[derive(Debug, Serialize)]
pub struct OriginState {
    /// Its HEAD branch.
    pub head: Option<String>,
    /// Branches: name → commit id.
    pub branches: BTreeMap<String, String>,
    /// Tags: name → commit id.
    pub tags: BTreeMap<String, String>,
}

/// The teammate's clone.
#[derive(Debug, Serialize)]
pub struct TeammateState {
    /// Their HEAD.
    pub head: HeadState,
    /// Their branches.
    pub branches: BTreeMap<String, String>,
}

/// One server, as the replay contract shows it.
#[derive(Debug, Serialize)]
pub struct ServerState {
    /// Where curl reaches it.
    pub url: String,
    /// The branch it serves (local: the checked-out branch).
    pub branch: Option<String>,
    /// The profile it runs.
    pub env_file: String,
    /// The full id of the commit it runs; `null` when nothing runs.
    pub deployed: Option<String>,
    /// Running, stopped…
    pub status: Status,
    /// Production's users who got an error.
    pub users_affected: u64,
}

/// One review.
#[derive(Debug, Serialize)]
pub struct ReviewView {
    /// Its author's login.
    pub author: String,
    /// Its verdict.
    pub state: ReviewState,
}

/// One CI job on the head commit.
#[derive(Debug, Serialize)]
pub struct CheckView {
    /// The job's name.
    pub name: String,
    /// `"pass"` or `"fail"`.
    pub status: &'static str,
}

/// One pull request.
#[derive(Debug, Serialize)]
pub struct PullRequestState {
    /// `#N`.
    pub number: u32,
    /// The base branch.
    pub base: String,
    /// The head branch.
    pub head: String,
    /// Its title.
    pub title: String,
    /// Open, closed or merged.
    pub state: PrState,
    /// Each review, oldest first.
    pub reviews: Vec<ReviewView>,
    /// The latest CI run on the head commit; empty before any run.
    pub checks: Vec<CheckView>,
    /// No conflicts with the base branch (open PRs only; `false` once closed).
    pub mergeable: bool,
    /// What branch protection says stands in the way of merging.
    pub blocked_by: Vec<String>,
}

/// The whole contract object.
#[derive(Debug, Serialize)]
pub struct ReplayState {
    /// `null` before `git init`.
    pub head: Option<HeadState>,
    /// Local branches: name → commit id.
    pub branches: BTreeMap<String, String>,
    /// Tags: name → commit id.
    pub tags: BTreeMap<String, String>,
    /// Upstreams: branch → `origin/branch`.
    pub upstreams: BTreeMap<String, String>,
    /// Remote-tracking refs: `origin/name` → commit id.
    pub remote_tracking: BTreeMap<String, String>,
    /// `origin`.
    pub origin: OriginState,
    /// Every commit reachable from any ref of the learner's clone or origin.
    pub commits: BTreeMap<String, CommitState>,
    /// `null`, or the operation under way: `"merge"`, `"revert"`,
    /// `"cherry-pick"` (stopped on a pick) or `"rebase"`.
    pub in_progress: Option<&'static str>,
    /// `git stash list`, newest first.
    pub stash: Vec<StashState>,
    /// Paths in HEAD's commit.
    #[serde(rename = "files_at_HEAD")]
    pub files_at_head: Vec<String>,
    /// `git status --short` lines.
    pub worktree_status: Vec<String>,
    /// The teammate's clone, once a `@teammate` line has made one.
    pub teammate: Option<TeammateState>,
    /// `"minimal"` or `"professional"`.
    pub topology: &'static str,
    /// The topology's servers by name, then deploy previews (`preview-N`).
    pub servers: BTreeMap<String, ServerState>,
    /// Pull requests, oldest first.
    pub pull_requests: Vec<PullRequestState>,
    /// origin's protected branches and their rules.
    pub protection: BTreeMap<String, Protection>,
}

/// One stash entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StashState {
    /// `WIP on main: abc1234 subject` or `On main: MESSAGE`.
    pub message: String,
    /// The stash commit's id.
    pub commit: String,
}

fn head_state(repo: &Repo) -> HeadState {
    match repo.head() {
        Head::Branch(b) => HeadState::Branch(b.clone()),
        Head::Detached(id) => HeadState::Detached(id.clone()),
    }
}

fn add_reachable(repo: &Repo, out: &mut BTreeMap<String, CommitState>) {
    // `refs/stash` names the newest stash entry, as `git log --all` sees it.
    let tips = repo
        .branches
        .values()
        .chain(repo.tags.values())
        .chain(repo.remote_tracking.values())
        .chain(repo.head_commit())
        .chain(repo.stash.first().map(|e| &e.commit));
    for tip in tips {
        for id in repo.ancestors(tip) {
            if out.contains_key(&id) {
                continue;
            }
            if let Some(c) = repo.commit(&id) {
                out.insert(id, CommitState { parents: c.parents.clone(), subject: c.subject().to_string() });
            }
        }
    }
}

impl ReplayState {
    /// The contract object for `world`.
    pub fn of(world: &World) -> Self {
        let empty = Repo::default();
        let local = world.local();
        let repo = local.unwrap_or(&empty);
        let mut commits = BTreeMap::new();
        add_reachable(repo, &mut commits);
        add_reachable(world.origin(), &mut commits);
        Self {
            head: local.map(head_state),
            branches: repo.branches.clone(),
            tags: repo.tags.clone(),
            upstreams: repo.upstreams.iter().map(|(b, u)| (b.clone(), u.tracking_ref())).collect(),
            remote_tracking: repo.remote_tracking.clone(),
            origin: OriginState {
                head: world.origin().current_branch().map(str::to_string),
                branches: world.origin().branches.clone(),
                tags: world.origin().tags.clone(),
            },
            commits,
            in_progress: repo
                .sequence
                .as_ref()
                .filter(|s| s.op == Operation::Rebase)
                .map(|s| s.op.name())
                .or_else(|| repo.merge.as_ref().filter(|m| !m.op.leaves_only_conflicts()).map(|m| m.op.name())),
            stash: repo
                .stash
                .iter()
                .map(|e| StashState { message: e.message.clone(), commit: e.commit.clone() })
                .collect(),
            files_at_head: repo.head_tree().into_keys().collect(),
            worktree_status: if local.is_some() { status::short_lines(repo, world.work()) } else { Vec::new() },
            teammate: world
                .teammate()
                .map(|t| TeammateState { head: head_state(&t.repo), branches: t.repo.branches.clone() }),
            topology: world.servers().topology.name(),
            servers: world
                .servers()
                .active()
                .map(|s| {
                    let d = s.live();
                    let branch = match s.name {
                        ServerName::Local if s.preview.is_none() => {
                            local.and_then(Repo::current_branch).map(str::to_string)
                        }
                        _ => d
                            .map(|d| d.branch.clone())
                            .or_else(|| s.name.tracks(world.servers().topology).map(str::to_string)),
                    };
                    let state = ServerState {
                        url: s.url(),
                        branch,
                        env_file: s.env_file(),
                        deployed: d.and_then(|d| d.commit.clone()),
                        status: s.status,
                        users_affected: s.users_affected,
                    };
                    (s.label(), state)
                })
                .collect(),
            pull_requests: world
                .hub()
                .pulls
                .iter()
                .map(|p| PullRequestState {
                    number: p.number,
                    base: p.base.clone(),
                    head: p.head.clone(),
                    title: p.title.clone(),
                    state: p.state,
                    reviews: p
                        .reviews
                        .iter()
                        .map(|r| ReviewView { author: r.author.clone(), state: r.state })
                        .collect(),
                    checks: world.hub().latest_run(p).map_or_else(Vec::new, |r| {
                        r.checks
                            .iter()
                            .map(|c| CheckView { name: c.name.clone(), status: if c.ok { "pass" } else { "fail" } })
                            .collect()
                    }),
                    mergeable: p.state == PrState::Open && Hub::mergeable(p, world.origin()),
                    blocked_by: if p.state == PrState::Open { world.hub().blockers(p) } else { Vec::new() },
                })
                .collect(),
            protection: world.hub().protection.clone(),
        }
    }
}
