//! What GitHub adds on top of `origin`: pull requests with reviews, CI runs on
//! every push to a PR, branch protection, and the three merge methods as
//! GitHub performs them.

pub mod checks;
pub mod gh;
mod protection;
mod pull_request;

pub use protection::{ProtectCommand, ProtectError, Protection};
pub use pull_request::{Method, PrState, PullRequest, Review, ReviewState, Run, pr_commits};

use crate::outcome::TUTOR_NOTE;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::repo::{Commit, CommitId, Repo, short, snapshot_tree};

/// The repository as GitHub names it.
pub const REPO: &str = "you/smart-chatbot";
/// The repository's page.
pub const WEB: &str = "https://github.com/you/smart-chatbot";

/// A GitHub login from a git identity: `Sam Teammate <sam@example.com>` → `sam`.
pub fn login(author: &str) -> String {
    author.split_once('<').and_then(|(_, e)| e.split('@').next()).unwrap_or(author).trim().to_string()
}

/// `s` unless there is one.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What `gh pr create` asks for.
#[derive(Debug, Clone, Copy)]
pub struct Proposal<'a> {
    /// The branch to merge into.
    pub base: &'a str,
    /// The branch to merge.
    pub head: &'a str,
    /// The title.
    pub title: &'a str,
    /// The description.
    pub body: &'a str,
    /// Who opens it (a git identity).
    pub author: &'a str,
}

/// GitHub's side of the world.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Hub {
    /// Pull requests, oldest first.
    pub pulls: Vec<PullRequest>,
    /// CI runs, oldest first.
    pub runs: Vec<Run>,
    /// Protected branches and their rules.
    pub protection: BTreeMap<String, Protection>,
}

impl Hub {
    /// A pull request by number.
    pub fn pr(&self, n: u32) -> Option<&PullRequest> {
        self.pulls.iter().find(|p| p.number == n)
    }

    fn pr_mut(&mut self, n: u32) -> Option<&mut PullRequest> {
        self.pulls.iter_mut().find(|p| p.number == n)
    }

    /// The latest run on the PR's current head.
    pub fn latest_run(&self, pr: &PullRequest) -> Option<&Run> {
        self.runs.iter().rev().find(|r| r.pr == pr.number && r.sha == pr.head_sha)
    }

    fn start_run(&mut self, n: u32, origin: &Repo, now: u64) -> Option<&Run> {
        let pr = self.pr(n)?;
        let run = Run {
            id: self.runs.last().map_or(1, |r| r.id + 1),
            pr: n,
            sha: pr.head_sha.clone(),
            branch: pr.head.clone(),
            title: pr.title.clone(),
            at: now,
            checks: checks::run(snapshot_tree(&origin.snapshot(Some(&pr.head_sha)))),
        };
        self.runs.push(run);
        self.runs.last()
    }

    /// Each reviewer's latest approve / request-changes verdict.
    pub fn verdicts(pr: &PullRequest) -> BTreeMap<&str, ReviewState> {
        let mut v = BTreeMap::new();
        for r in &pr.reviews {
            if r.state != ReviewState::Commented {
                v.insert(r.author.as_str(), r.state);
            }
        }
        v
    }

    /// Whether GitHub could make the merge commit (no conflicts).
    pub fn mergeable(pr: &PullRequest, origin: &Repo) -> bool {
        let Some(base_tip) = origin.branches.get(&pr.base) else { return false };
        let base = origin.snapshot(origin.merge_base(base_tip, &pr.head_sha).as_deref());
        let (ours, theirs) = (origin.snapshot(Some(base_tip)), origin.snapshot(Some(&pr.head_sha)));
        crate::tree_merge::merged_tree(snapshot_tree(&base), snapshot_tree(&ours), snapshot_tree(&theirs)).is_ok()
    }

    /// How many reviewers approve it now.
    pub fn approvals(pr: &PullRequest) -> usize {
        Self::verdicts(pr).values().filter(|s| **s == ReviewState::Approved).count()
    }

    /// Everything that stops an open PR's merge now: conflicts first, then
    /// its base branch's protection (what `gh pr view` and the panel show).
    pub fn merge_blockers(&self, pr: &PullRequest, origin: &Repo) -> Vec<String> {
        let mut out = self.blockers(pr);
        if !Self::mergeable(pr, origin) {
            out.insert(0, "This branch has conflicts that must be resolved.".into());
        }
        out
    }

    /// What stops the PR from merging under its base branch's protection.
    pub fn blockers(&self, pr: &PullRequest) -> Vec<String> {
        let Some(rule) = self.protection.get(&pr.base) else { return Vec::new() };
        let mut out = Vec::new();
        let verdicts = Self::verdicts(pr);
        if rule.approvals > 0 {
            let changes: Vec<&str> =
                verdicts.iter().filter(|(_, s)| **s == ReviewState::ChangesRequested).map(|(a, _)| *a).collect();
            if !changes.is_empty() {
                out.push(format!(
                    "Changes requested by {}: a reviewer must approve after the fix.",
                    changes.join(", ")
                ));
            }
            let approvals = Self::approvals(pr);
            if approvals < rule.approvals as usize {
                out.push(format!(
                    "Review required: at least {} approving review{} required by reviewers with write access ({approvals} so far).",
                    rule.approvals,
                    if rule.approvals == 1 { " is" } else { "s are" }
                ));
            }
        }
        if rule.require_checks {
            match self.latest_run(pr) {
                None => out.push("Required status checks have not run on the head commit.".into()),
                Some(run) => {
                    for c in run.checks.iter().filter(|c| !c.ok) {
                        out.push(format!("Required status check \"CI / {}\" is failing.", c.name));
                    }
                }
            }
        }
        out
    }

    /// After every line: PRs follow their branches. A push to a PR's head
    /// updates it and runs CI; a deleted branch closes it; a head already
    /// in its base marks it merged.
    pub fn sync(&mut self, origin: &Repo, now: u64) -> Vec<String> {
        let mut notes = Vec::new();
        if self.pulls.iter().all(|p| p.state != PrState::Open) {
            return notes;
        }
        let open: Vec<u32> = self.pulls.iter().filter(|p| p.state == PrState::Open).map(|p| p.number).collect();
        for n in open {
            let Some(pr) = self.pr(n) else { continue };
            let (Some(tip), Some(base_tip)) = (origin.branches.get(&pr.head), origin.branches.get(&pr.base)) else {
                if let Some(pr) = self.pr_mut(n) {
                    pr.state = PrState::Closed;
                }
                notes.push(format!("{TUTOR_NOTE}pull request #{n} closed: its branch is gone from origin"));
                continue;
            };
            if *tip != pr.head_sha {
                let tip = tip.clone();
                if let Some(pr) = self.pr_mut(n) {
                    pr.head_sha = tip;
                }
                if let Some(run) = self.start_run(n, origin, now) {
                    notes.push(run_note(run));
                }
            }
            let Some(pr) = self.pr(n) else { continue };
            if origin.is_ancestor(&pr.head_sha, base_tip) {
                let sha = pr.head_sha.clone();
                if let Some(pr) = self.pr_mut(n) {
                    pr.state = PrState::Merged;
                    pr.merged_as = Some(sha);
                }
                notes.push(format!("{TUTOR_NOTE}pull request #{n} is merged: its commits reached the base branch"));
            }
        }
        notes
    }

    /// Opens a PR, or says why GitHub would not.
    pub fn create(&mut self, origin: &Repo, new: &Proposal, now: u64) -> Result<(u32, Option<String>), PrError> {
        let Proposal { base, head, title, body, author } = *new;
        let (Some(base_tip), Some(head_tip)) = (origin.branches.get(base), origin.branches.get(head)) else {
            let mut errs = Vec::new();
            if !origin.branches.contains_key(head) {
                errs.push("Head sha can't be blank".to_string());
                errs.push(format!("Head ref must be a branch (push it first: git push -u origin {head})"));
            }
            if !origin.branches.contains_key(base) {
                errs.push("Base ref must be a branch".into());
            }
            return Err(PrError::CreateFailed(errs.join(", ")));
        };
        if let Some(p) = self.pulls.iter().find(|p| p.state == PrState::Open && p.base == base && p.head == head) {
            return Err(PrError::Exists { head: head.to_string(), base: base.to_string(), number: p.number });
        }
        if origin.is_ancestor(head_tip, base_tip) {
            return Err(PrError::CreateFailed(format!("No commits between {base} and {head}")));
        }
        let number = self.pulls.last().map_or(1, |p| p.number + 1);
        self.pulls.push(PullRequest {
            number,
            title: title.to_string(),
            body: body.to_string(),
            author: login(author),
            base: base.to_string(),
            head: head.to_string(),
            state: PrState::Open,
            head_sha: head_tip.clone(),
            created: now,
            reviews: Vec::new(),
            merged_as: None,
        });
        let note = self.start_run(number, origin, now).map(run_note);
        Ok((number, note))
    }

    /// Merges a PR the way GitHub's button does, updating the base branch on origin.
    pub fn merge(
        &mut self,
        n: u32,
        method: Method,
        origin: &mut Repo,
        merger: &str,
        clock: &mut u64,
    ) -> Result<CommitId, PrError> {
        let pr = self.pr(n).ok_or(PrError::NoNumber(n))?.clone();
        let base_tip = origin.branches.get(&pr.base).cloned().ok_or(PrError::BaseGone)?;
        let head_tip = pr.head_sha.clone();
        let merge_base = origin.merge_base(&base_tip, &head_tip);
        let base = origin.snapshot(merge_base.as_deref());
        let (ours, theirs) = (origin.snapshot(Some(&base_tip)), origin.snapshot(Some(&head_tip)));
        let conflict = |_| PrError::Conflicts;
        let merged = crate::tree_merge::merged_tree(snapshot_tree(&base), snapshot_tree(&ours), snapshot_tree(&theirs))
            .map_err(conflict)?;
        let mut tick = || {
            *clock += 60;
            *clock
        };
        let new_tip = match method {
            Method::Merge => {
                // Every branch lives in you/smart-chatbot, so the head is "you/BRANCH".
                let msg = format!("Merge pull request #{n} from you/{}\n\n{}", pr.head, pr.title);
                origin.insert(Commit::new(vec![base_tip, head_tip], msg, merger.to_string(), tick(), merged))
            }
            Method::Squash => {
                let commits = pr_commits(origin, &base_tip, &head_tip);
                let mut msg = format!("{} (#{n})\n", pr.title);
                for id in &commits {
                    if let Some(c) = origin.commit(id) {
                        msg.push_str(&format!("\n* {}", c.subject()));
                    }
                }
                let author = origin.commit(&head_tip).map_or_else(|| merger.to_string(), |c| c.author.clone());
                origin.insert(Commit::new(vec![base_tip], msg, author, tick(), merged))
            }
            Method::Rebase => {
                let mut tip = base_tip;
                for id in pr_commits(origin, &tip.clone(), &head_tip) {
                    let Some(c) = origin.commit(&id).cloned() else { continue };
                    if c.parents.len() > 1 {
                        continue; // rebasing drops merge commits, as git rebase does
                    }
                    let (parent, onto) =
                        (origin.snapshot(c.parents.first().map(String::as_str)), origin.snapshot(Some(&tip)));
                    let tree = crate::tree_merge::merged_tree(snapshot_tree(&parent), snapshot_tree(&onto), &c.tree)
                        .map_err(|_| PrError::RebaseConflicts)?;
                    tip = origin.insert(Commit::new(vec![tip], c.message.clone(), c.author.clone(), tick(), tree));
                }
                tip
            }
        };
        origin.branches.insert(pr.base.clone(), new_tip.clone());
        if let Some(pr) = self.pr_mut(n) {
            pr.state = PrState::Merged;
            pr.merged_as = Some(new_tip.clone());
        }
        Ok(new_tip)
    }

    /// The open PRs' previews: (number, head branch, head commit).
    pub fn open_heads(&self) -> Vec<(u32, String, String)> {
        self.pulls
            .iter()
            .filter(|p| p.state == PrState::Open)
            .map(|p| (p.number, p.head.clone(), p.head_sha.clone()))
            .collect()
    }
}

fn run_note(run: &Run) -> String {
    let verdict = if run.ok() {
        "✓ all checks passed".to_string()
    } else {
        let failed: Vec<&str> = run.checks.iter().filter(|c| !c.ok).map(|c| c.name.as_str()).collect();
        format!("X failing: {} (gh run view {} --log)", failed.join(", "), run.id)
    };
    format!("{TUTOR_NOTE}CI run {} on #{} ({}): {verdict}", run.id, run.pr, short(&run.sha))
}

/// "about 3 minutes ago", as gh prints ages.
pub fn ago(then: u64, now: u64) -> String {
    let s = now.saturating_sub(then);
    match s {
        0..60 => "less than a minute ago".into(),
        60..120 => "about 1 minute ago".into(),
        120..3600 => format!("about {} minutes ago", s / 60),
        3600..7200 => "about 1 hour ago".into(),
        7200..86_400 => format!("about {} hours ago", s / 3600),
        86_400..172_800 => "about 1 day ago".into(),
        _ => format!("about {} days ago", s / 86_400),
    }
}

/// Why GitHub refused a pull request operation, in its words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrError {
    /// GitHub's `createPullRequest` refused (missing branches, no commits).
    #[error("pull request create failed: GraphQL: {0} (createPullRequest)")]
    CreateFailed(String),
    /// An open PR already joins these branches.
    #[error("a pull request for branch \"{head}\" into branch \"{base}\" already exists:\n{WEB}/pull/{number}")]
    Exists {
        /// The head branch.
        head: String,
        /// The base branch.
        base: String,
        /// The PR that exists.
        number: u32,
    },
    /// No PR has this number.
    #[error("GraphQL: Could not resolve to a PullRequest with the number of {0}. (repository.pullRequest)")]
    NoNumber(u32),
    /// No PR has this head branch.
    #[error("no pull requests found for branch \"{0}\"")]
    NoBranch(String),
    /// No argument, and HEAD is on no branch.
    #[error("could not determine the current branch: name a pull request number")]
    NoCurrentBranch,
    /// The base branch was deleted.
    #[error("the base branch is gone")]
    BaseGone,
    /// The merge commit would conflict.
    #[error("the merge commit cannot be cleanly created.")]
    Conflicts,
    /// Replaying the commits would conflict.
    #[error("this branch can't be rebased: its commits conflict with the base branch.")]
    RebaseConflicts,
}
