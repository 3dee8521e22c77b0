//! A pull request as GitHub keeps it: its state, reviews, the merge methods,
//! CI runs on its head, and the commits it brings.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::checks::Check;
use crate::repo::{CommitId, Repo};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrState {
    Open,
    Closed,
    Merged,
}

impl PrState {
    pub fn name(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::Closed => "Closed",
            Self::Merged => "Merged",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    Approved,
    ChangesRequested,
    Commented,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub author: String,
    pub state: ReviewState,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Merge,
    Squash,
    Rebase,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullRequest {
    pub number: u32,
    pub title: String,
    pub body: String,
    pub author: String,
    pub base: String,
    pub head: String,
    pub state: PrState,
    /// The head branch's tip when the PR last saw it.
    pub head_sha: CommitId,
    pub created: u64,
    pub reviews: Vec<Review>,
    /// The commit the merge made on the base branch.
    pub merged_as: Option<CommitId>,
}

/// One CI run: the pipeline on one pushed commit of a PR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub id: u32,
    pub pr: u32,
    pub sha: CommitId,
    pub branch: String,
    pub title: String,
    pub at: u64,
    pub checks: Vec<Check>,
}

impl Run {
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
