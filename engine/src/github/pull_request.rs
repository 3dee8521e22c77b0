//! A pull request as GitHub keeps it: its state, reviews, the merge methods,
//! CI runs on its head, and the commits it brings.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::checks::Check;
use crate::repo::{CommitId, Repo};

/// Where a pull request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrState {
    /// Open for review.
    Open,
    /// Closed without merging.
    Closed,
    /// Merged into its base.
    Merged,
}

impl PrState {
    /// How gh prints it (`Open`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::Closed => "Closed",
            Self::Merged => "Merged",
        }
    }
}

/// A review's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// `--approve`.
    Approved,
    /// `--request-changes`.
    ChangesRequested,
    /// `--comment`.
    Commented,
}

/// One review on a pull request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Its author's login.
    pub author: String,
    /// Its verdict.
    pub state: ReviewState,
    /// What it says (`-b`).
    pub body: String,
}

/// How the merge button merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// `--merge`: a merge commit.
    Merge,
    /// `--squash`: one new commit on the base.
    Squash,
    /// `--rebase`: the commits replayed on the base.
    Rebase,
}

/// A pull request on origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullRequest {
    /// `#N`.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// Its description.
    pub body: String,
    /// Who opened it (a login).
    pub author: String,
    /// The branch it merges into.
    pub base: String,
    /// The branch it brings.
    pub head: String,
    /// Open, closed or merged.
    pub state: PrState,
    /// The head branch's tip when the PR last saw it.
    pub head_sha: CommitId,
    /// When it was opened (virtual seconds).
    pub created: u64,
    /// Reviews, oldest first.
    pub reviews: Vec<Review>,
    /// The commit the merge made on the base branch.
    pub merged_as: Option<CommitId>,
}

/// One CI run: the pipeline on one pushed commit of a PR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The run's id (`gh run view ID`).
    pub id: u32,
    /// The pull request it ran for.
    pub pr: u32,
    /// The commit it tested.
    pub sha: CommitId,
    /// The head branch.
    pub branch: String,
    /// The pull request's title at the time.
    pub title: String,
    /// When it ran.
    pub at: u64,
    /// Each job's result.
    pub checks: Vec<Check>,
}

impl Run {
    /// Whether every job passed.
    pub fn ok(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }
}

/// The commits a PR brings (`base..head`), parents before children.
pub fn pr_commits(origin: &Repo, base: &str, head: &str) -> Vec<CommitId> {
    let exclude = origin.ancestors(base);
    let mut order = Vec::new();
    let mut seen = BTreeSet::new();
    // Iterative post-order: a commit is emitted after all its parents.
    let mut stack = vec![(head.to_string(), false)];
    while let Some((id, expanded)) = stack.pop() {
        if exclude.contains(&id) || (!expanded && seen.contains(&id)) {
            continue;
        }
        if expanded {
            order.push(id);
            continue;
        }
        seen.insert(id.clone());
        stack.push((id.clone(), true));
        if let Some(c) = origin.commit(&id) {
            for p in c.parents.iter().rev() {
                if !seen.contains(p) {
                    stack.push((p.clone(), false));
                }
            }
        }
    }
    order
}
