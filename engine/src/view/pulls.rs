//! The pull requests panel: each PR as a row with its checks, reviews, what
//! blocks its merge, and the merge button.

use super::Control;
use super::forms::{Field, Form, button};
use crate::github::{Hub, PrState, ReviewState, pr_commits};
use crate::repo::{Repo, short};
use crate::world::World;

/// `git diff --stat`-like lines for what `head` changes since its merge base
/// with `base` (here: the trees of `base`'s tip and `head`, as GitHub's
/// "Files changed" shows them for a branch that is up to date).
fn changed_files(origin: &Repo, base: &str, head: &str) -> Vec<String> {
    let (Some(b), Some(h)) = (origin.commit(base), origin.commit(head)) else {
        return Vec::new();
    };
    super::graph::tree_changes(&b.tree, &h.tree)
}

/// One pull request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullRow {
    /// `#N`'s N.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// Into which branch.
    pub base: String,
    /// From which branch.
    pub head: String,
    /// Open, closed or merged.
    pub state: PrState,
    /// The latest CI run's verdict on its head, if CI ran.
    pub checks_pass: Option<bool>,
    /// Approving reviews.
    pub approvals: usize,
    /// What stops the merge now (conflicts, protection), in GitHub's words.
    pub blockers: Vec<String>,
    /// `gh pr merge N --merge`, `--squash`, `--rebase`: enabled when nothing blocks them.
    pub merges: Vec<Control>,
    /// `@teammate gh pr review N --approve`, while it is open.
    pub review: Option<Control>,
    /// `@teammate gh pr review N --request-changes --body TEXT`, while it is open.
    pub ask_changes: Option<Form>,
    /// Who opened it.
    pub author: String,
    /// Its deploy preview's URL, while it is open.
    pub preview: Option<String>,
    /// Its commits, oldest first: `abc1234 Add product inquiry intent`.
    pub commits: Vec<String>,
    /// Files it changes: `M intents.json (+4 -0)`.
    pub files: Vec<String>,
    /// Reviews: `teammate approved: Looks good`.
    pub reviews: Vec<String>,
    /// The latest CI run, job by job: `✓ CI / test (12s)` then its log lines.
    pub ci_log: Vec<String>,
}

/// Every pull request, newest first.
pub fn pulls(world: &World) -> Vec<PullRow> {
    let hub = world.hub();
    hub.pulls
        .iter()
        .rev()
        .map(|p| {
            let open = p.state == PrState::Open;
            let blockers = if open { hub.merge_blockers(p, world.origin()) } else { Vec::new() };
            let why = (!blockers.is_empty()).then(|| blockers.join(" "));
            let merges = if open {
                [("merge", "Create a merge commit"), ("squash", "Squash and merge"), ("rebase", "Rebase and merge")]
                    .iter()
                    .map(|(m, label)| {
                        button("pr-merge", *label, &format!("gh pr merge {} --{m}", p.number)).unless(why.clone())
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let review = open.then(|| {
                button(
                    "pr-review",
                    "Review as the teammate: approve",
                    &format!("@teammate gh pr review {} --approve", p.number),
                )
            });
            let ask_changes = open.then(|| Form {
                name: "pr-changes",
                submit: "Review as the teammate: request changes".into(),
                fields: vec![
                    Field::Hidden { name: "number", value: p.number.to_string() },
                    Field::Text {
                        name: "body",
                        label: "Asking for",
                        placeholder: "Name the new keywords in the commit message".into(),
                        required: true,
                    },
                ],
                template: "@teammate gh pr review N --request-changes --body BODY",
                why: None,
            });
            let base_tip = world.origin().branches.get(&p.base).cloned().unwrap_or_default();
            let head =
                if open { p.head_sha.clone() } else { p.merged_as.clone().unwrap_or_else(|| p.head_sha.clone()) };
            let origin = world.origin();
            let ids = if open { pr_commits(origin, &base_tip, &head) } else { Vec::new() };
            let commits = ids
                .iter()
                .filter_map(|id| origin.commit(id).map(|c| format!("{} {}", short(id), c.subject())))
                .collect();
            let files = if open { changed_files(origin, &base_tip, &p.head_sha) } else { Vec::new() };
            let reviews = p
                .reviews
                .iter()
                .map(|r| {
                    let verdict = match r.state {
                        ReviewState::Approved => "approved",
                        ReviewState::ChangesRequested => "requested changes",
                        ReviewState::Commented => "commented",
                    };
                    if r.body.is_empty() {
                        format!("{} {verdict}", r.author)
                    } else {
                        format!("{} {verdict}: {}", r.author, r.body)
                    }
                })
                .collect();
            let ci_log = hub
                .latest_run(p)
                .map(|run| {
                    run.checks
                        .iter()
                        .flat_map(|c| {
                            let mark = if c.ok { "✓" } else { "×" };
                            std::iter::once(format!("{mark} CI / {} ({}s)", c.name, c.seconds))
                                .chain(c.log.iter().map(|l| format!("    {l}")))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let preview = world.servers().all().find(|s| s.preview == Some(p.number)).map(crate::servers::Server::url);
            PullRow {
                number: p.number,
                title: p.title.clone(),
                base: p.base.clone(),
                head: p.head.clone(),
                state: p.state,
                checks_pass: hub.latest_run(p).map(crate::github::Run::ok),
                approvals: Hub::approvals(p),
                blockers,
                merges,
                review,
                ask_changes,
                author: p.author.clone(),
                preview,
                commits,
                files,
                reviews,
                ci_log,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;

    #[test]
    fn merge_waits_for_an_approval_under_protection() {
        let mut w = World::new();
        for l in [
            "protect development --require-pr --approvals 1",
            "git switch -c feature/x",
            "git commit --allow-empty -m x",
            "git push -u origin feature/x",
            "gh pr create --base development --title X",
        ] {
            assert!(w.run(l).ok, "{l}");
        }
        let row = &pulls(&w)[0];
        let merge = &row.merges[0];
        assert!(!merge.enabled);
        assert_eq!(row.commits.len(), 1);
        assert_eq!(row.preview.as_deref(), Some("https://deploy-preview-1--smart-chatbot.netlify.app"));
        assert!(!row.ci_log.is_empty());
        assert!(merge.title().contains("approving review"), "{}", merge.title());
        assert!(w.apply(&row.review.as_ref().unwrap().action).ok);
        let row = &pulls(&w)[0];
        assert_eq!(row.approvals, 1);
        assert_eq!(row.reviews, ["sam approved"]);
        let merge = &row.merges[0];
        assert!(merge.enabled);
        assert_eq!(merge.action.to_line(), "gh pr merge 1 --merge");
        assert!(w.apply(&merge.action).ok);
        assert_eq!(pulls(&w)[0].state, PrState::Merged);
    }
}
