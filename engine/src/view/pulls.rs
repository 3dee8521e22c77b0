//! The pull requests panel: each PR as a row with its checks, reviews, what
//! blocks its merge, and the merge button.

use super::Control;
use crate::action::{Action, Argv};
use crate::github::{Hub, PrState};
use crate::world::World;

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
    /// `gh pr merge N --merge`, enabled when nothing blocks it.
    pub merge: Option<Control>,
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
            let words = vec!["pr".to_string(), "merge".into(), p.number.to_string(), "--merge".into()];
            let merge = Argv::gh(words).ok().filter(|_| open).map(|argv| {
                let why = (!blockers.is_empty()).then(|| blockers.join(" "));
                Control::new("pr-merge", "Merge pull request", Action::Gh(argv)).unless(why)
            });
            PullRow {
                number: p.number,
                title: p.title.clone(),
                base: p.base.clone(),
                head: p.head.clone(),
                state: p.state,
                checks_pass: hub.latest_run(p).map(crate::github::Run::ok),
                approvals: Hub::approvals(p),
                blockers,
                merge,
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
        let merge = row.merge.as_ref().unwrap();
        assert!(!merge.enabled);
        assert!(merge.title().contains("approving review"), "{}", merge.title());
        assert!(w.run("@teammate gh pr review 1 --approve").ok);
        let row = &pulls(&w)[0];
        assert_eq!(row.approvals, 1);
        let merge = row.merge.as_ref().unwrap();
        assert!(merge.enabled);
        assert_eq!(merge.action.to_line(), "gh pr merge 1 --merge");
        assert!(w.apply(&merge.action).ok);
        assert_eq!(pulls(&w)[0].state, PrState::Merged);
    }
}
