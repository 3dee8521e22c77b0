//! "Tell me about your development process", answered from a world: what
//! the learner actually did — their branches, the pull requests that were
//! reviewed and checked, where their commits run, what staging caught, what
//! was rolled back — read from the world and said in the first person. What
//! the world does not show yet is listed with the lesson that produces it,
//! so the answer never claims what did not happen.

use crate::github::{PrState, ReviewState, Run};
use crate::servers::{ServerName, Status};
use crate::world::World;

/// A pull request, as an answer tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pull {
    /// Its number.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// The branch it proposed.
    pub head: String,
    /// The branch it targeted.
    pub base: String,
    /// Who approved it.
    pub approvers: Vec<String>,
    /// Whether its latest checks passed.
    pub checks_passed: bool,
    /// Whether it was merged.
    pub merged: bool,
}

/// What a world shows the learner did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    /// Feature (and other topic) branches, in the order first seen.
    pub features: Vec<String>,
    /// hotfix/… branches.
    pub hotfixes: Vec<String>,
    /// Pull requests.
    pub pulls: Vec<Pull>,
    /// Whether the app was run locally.
    pub ran_locally: bool,
    /// Each remote server that deployed something new, and the subject it runs.
    pub deployed: Vec<(ServerName, String)>,
    /// A commit staging failed on (5xx answers or a crash).
    pub staging_caught: Option<String>,
    /// Production's users who got errors.
    pub users_affected: u64,
    /// The commit production was rolled back to.
    pub rollback: Option<String>,
    /// Protected branches.
    pub protected: Vec<String>,
}

/// The shared branches every team has: not the learner's own.
fn is_topic(name: &str) -> bool {
    !matches!(name, "main" | "master" | "development" | "HEAD") && !name.starts_with("origin/")
}

/// Merge branch 'x'… and Merge pull request #n from you/x: the branch a
/// merge brought in, still named after the branch is deleted.
fn merged_branch(subject: &str) -> Option<&str> {
    if let Some(rest) = subject.strip_prefix("Merge branch '") {
        return rest.split('\'').next();
    }
    let rest = subject.strip_prefix("Merge pull request #")?;
    let from = rest.split_once(" from ")?.1;
    Some(from.split_once('/').map_or(from, |(_, b)| b))
}

/// The branch a typed line made (git checkout -b, git switch -c, git
/// branch NAME): a branch merged fast-forward and deleted leaves no trace in
/// the world, but the learner made it. Lines run as the teammate are theirs.
fn made_branch(line: &str) -> Option<&str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let name = match words.as_slice() {
        ["git", "checkout", "-b", name, ..] | ["git", "switch", "-c", name, ..] | ["git", "branch", name, ..] => *name,
        _ => return None,
    };
    (!name.starts_with('-') && crate::refname::is_valid_branch_name(name)).then_some(name)
}

/// What a session shows the learner did: its world, and the branches its
/// lines made.
pub fn of_session(session: &crate::Session) -> Facts {
    let mut f = facts(session.world());
    let made: Vec<String> = session.lines().iter().filter_map(|l| made_branch(l)).map(str::to_string).collect();
    let mut from_lines = Facts::default();
    for b in made.into_iter().filter(|b| is_topic(b)) {
        let list = if b.starts_with("hotfix/") { &mut from_lines.hotfixes } else { &mut from_lines.features };
        if !list.contains(&b) {
            list.push(b);
        }
    }
    // In the order typed, then what the world adds.
    from_lines.merge(std::mem::take(&mut f));
    from_lines
}

/// A commit as a person tells it: a merge by what it brought in.
fn told(world: &World, subject: &str) -> String {
    let pr = subject
        .strip_prefix("Merge pull request #")
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .and_then(|n| world.hub().pr(n));
    match (pr, merged_branch(subject)) {
        (Some(pr), _) => pr.title.clone(),
        (None, Some(b)) => format!("the merge of {b}"),
        (None, None) => subject.to_string(),
    }
}

/// Reads what world shows the learner did.
pub fn facts(world: &World) -> Facts {
    let mut facts = Facts::default();
    let origin = world.origin();
    let subject = |id: &str| origin.commits.get(id).map(|c| c.subject().to_string());

    let mut names: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        if is_topic(n) && !names.iter().any(|x| x == n) {
            names.push(n.to_string());
        }
    };
    // Commits oldest first, so branches come in the order they were made.
    let mut commits: Vec<_> = origin.commits.values().collect();
    if let Some(local) = world.local() {
        commits.extend(local.commits.values().filter(|c| !origin.commits.contains_key(&c.id)));
    }
    crate::order::sort_by_key(&mut commits, |c| c.time);
    for c in &commits {
        if let Some(b) = merged_branch(c.subject()) {
            add(b);
        }
    }
    for pr in &world.hub().pulls {
        add(&pr.head);
    }
    if let Some(local) = world.local() {
        for b in local.branches.keys() {
            add(b);
        }
    }
    for b in origin.branches.keys() {
        add(b);
    }
    let (hot, feat): (Vec<_>, Vec<_>) = names.into_iter().partition(|n| n.starts_with("hotfix/"));
    facts.features = feat;
    facts.hotfixes = hot;

    let hub = world.hub();
    facts.pulls = hub
        .pulls
        .iter()
        .map(|pr| Pull {
            number: pr.number,
            title: pr.title.clone(),
            head: pr.head.clone(),
            base: pr.base.clone(),
            approvers: pr.reviews.iter().filter(|r| r.state == ReviewState::Approved).fold(Vec::new(), |mut v, r| {
                let who = crate::github::login(&r.author);
                if !v.contains(&who) {
                    v.push(who);
                }
                v
            }),
            checks_passed: hub.latest_run(pr).is_some_and(Run::ok),
            merged: pr.state == PrState::Merged,
        })
        .collect();

    let servers = world.servers();
    facts.ran_locally = servers.get(ServerName::Local).deployed.is_some();
    for s in servers.active() {
        if s.name == ServerName::Local || s.history.len() < 2 {
            continue;
        }
        if let Some(d) = &s.deployed {
            facts.deployed.push((s.name, told(world, &d.subject)));
        }
    }
    let staging = servers.get(ServerName::Staging);
    let failed = staging.answers.iter().any(|a| *a >= 500) || staging.status == Status::Crashed;
    if failed && staging.history.len() > 1 {
        facts.staging_caught = staging.deployed.as_ref().map(|d| d.subject.clone());
    }
    let prod = servers.get(ServerName::Production);
    facts.users_affected = prod.users_affected;
    // Back to a commit it ran before: a rollback.
    let h = &prod.history;
    if let Some(last) = h.last()
        && h.len() > 2
        && h[..h.len() - 2].contains(last)
    {
        facts.rollback = subject(last);
    }
    facts.protected = hub.protection.keys().cloned().collect();
    facts
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.to_vec();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl Facts {
    /// The answer, paragraph by paragraph, in the first person: plain text
    /// to say out loud or paste.
    pub fn answer(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut p = String::from(
            "I follow a professional Git workflow: every change starts on its own branch cut from development",
        );
        if self.features.is_empty() {
            p.push('.');
        } else {
            let n = self.features.len().min(3);
            p.push_str(&format!(
                " — most recently {} — and merges into development, then main.",
                list(&self.features[self.features.len() - n..])
            ));
        }
        if self.ran_locally {
            p.push_str(" I try each change on my machine first, with .env.development and debug on.");
        }
        out.push(p);

        if let Some(pr) = self.pulls.iter().rev().find(|p| p.merged).or(self.pulls.last()) {
            let mut p = format!(
                "Changes reach {} through a pull request: #{} “{}” from {}",
                pr.base, pr.number, pr.title, pr.head
            );
            match (pr.checks_passed, pr.approvers.as_slice()) {
                (true, []) => p.push_str(" passed its checks"),
                (true, who) => p.push_str(&format!(" passed its checks and was approved by {}", who.join(" and "))),
                (false, []) => p.push_str(" waited for review"),
                (false, who) => p.push_str(&format!(" was approved by {}", who.join(" and "))),
            }
            p.push_str(if pr.merged { " before I merged it." } else { "; it is still open." });
            if !self.protected.is_empty() {
                p.push_str(&format!(
                    " {} protected, so nothing skips review.",
                    if self.protected.len() == 1 {
                        format!("{} is", list(&self.protected))
                    } else {
                        format!("{} are", list(&self.protected))
                    }
                ));
            }
            out.push(p);
        }

        if !self.deployed.is_empty() {
            let places: Vec<String> =
                self.deployed.iter().map(|(s, subj)| format!("{} runs “{subj}”", s.name())).collect();
            let mut p = format!(
                "Each environment runs a branch under its own profile: {}. Staging runs main with \
                 production-like settings; production gets the very commit staging ran.",
                places.join("; ")
            );
            p.push_str(
                " Debug is on in development, off in staging and production; CORS is open locally and \
                 strict in production.",
            );
            out.push(p);
        }

        if let Some(c) = &self.staging_caught {
            out.push(format!(
                "Staging earned its place: it failed on “{c}” before any user saw it, so that commit never went further."
            ));
        }
        if self.users_affected > 0 || self.rollback.is_some() {
            let mut p = String::from("When a bug did reach production");
            if self.users_affected > 0 {
                p.push_str(&format!(" ({} users got errors)", self.users_affected));
            }
            match &self.rollback {
                Some(to) => {
                    p.push_str(&format!(", I rolled it back with one command to “{to}”, a commit staging had run"));
                }
                None => p.push_str(", the fix was to roll back to what staging ran"),
            }
            if self.hotfixes.is_empty() {
                p.push('.');
            } else {
                p.push_str(&format!(
                    ", then fixed it on {} from main and merged the fix back into development.",
                    list(&self.hotfixes)
                ));
            }
            out.push(p);
        }
        out.push(
            "This keeps code quality up and production risk down: review catches mistakes early, staging \
             catches what review missed, and production only ever runs what was tested."
                .into(),
        );
        out
    }

    /// Adds what another world shows (the learner works in the sandbox and
    /// in each lesson's own world: the answer tells all of it).
    pub fn merge(&mut self, other: Facts) {
        for f in other.features {
            if !self.features.contains(&f) {
                self.features.push(f);
            }
        }
        for h in other.hotfixes {
            if !self.hotfixes.contains(&h) {
                self.hotfixes.push(h);
            }
        }
        self.pulls.extend(other.pulls);
        self.ran_locally |= other.ran_locally;
        for (server, subject) in other.deployed {
            self.deployed.retain(|(s, _)| *s != server);
            self.deployed.push((server, subject));
        }
        crate::order::sort_by_key(&mut self.deployed, |(s, _)| *s);
        self.staging_caught = self.staging_caught.take().or(other.staging_caught);
        self.users_affected += other.users_affected;
        self.rollback = self.rollback.take().or(other.rollback);
        for p in other.protected {
            if !self.protected.contains(&p) {
                self.protected.push(p);
            }
        }
    }

    /// What the world does not show yet, each with the lesson that does it.
    pub fn gaps(&self) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        if self.features.is_empty() {
            out.push(("a feature branch of your own", "feature-development"));
        }
        if !self.pulls.iter().any(|p| p.merged && !p.approvers.is_empty()) {
            out.push(("a pull request reviewed and merged", "real-world-week"));
        }
        if !self.deployed.iter().any(|(s, _)| *s == ServerName::Production) {
            out.push(("a release through staging to production", "production-release"));
        }
        if self.staging_caught.is_none() {
            out.push(("a bug staging caught", "amateur-vs-professional"));
        }
        if self.rollback.is_none() {
            out.push(("a rollback", "hotfix-rollback"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Session;

    fn world(lines: &[&str]) -> World {
        let mut s = Session::new(World::new());
        for l in lines {
            let o = s.run(l);
            assert!(o.ok, "{l}: {}", o.output);
        }
        s.world().clone()
    }

    #[test]
    fn a_branch_merged_fast_forward_and_deleted_is_still_told() {
        let mut s = Session::new(World::new());
        for l in [
            "git checkout -b feature/voice development",
            "git commit --allow-empty -m \"Voice\"",
            "git checkout development",
            "git merge feature/voice",
            "git branch -d feature/voice",
            "@teammate git checkout -b feature/theirs",
            "git branch --list",
        ] {
            assert!(s.run(l).ok, "{l}");
        }
        assert!(facts(s.world()).features.is_empty(), "the world alone has no trace of it");
        assert_eq!(of_session(&s).features, ["feature/voice"]);
    }

    #[test]
    fn worlds_add_up() {
        let mut a = facts(&world(&["git checkout -b feature/a", "git push -u origin feature/a"]));
        let b = facts(&world(&[
            "edit handoff-bug",
            "git add .",
            "git commit -m \"Bug\"",
            "git push origin main",
            "deploy production",
            "deploy production HEAD~1",
        ]));
        a.merge(b);
        assert_eq!(a.features, ["feature/a"]);
        assert!(a.rollback.is_some());
        assert_eq!(a.deployed.iter().map(|d| d.0).collect::<Vec<_>>(), [ServerName::Staging, ServerName::Production]);
    }

    #[test]
    fn names_the_merged_branch() {
        assert_eq!(merged_branch("Merge branch 'feature/x' into development"), Some("feature/x"));
        assert_eq!(merged_branch("Merge pull request #3 from you/feature/y"), Some("feature/y"));
        assert_eq!(merged_branch("Add intent"), None);
    }

    #[test]
    fn a_fresh_world_claims_nothing() {
        let f = facts(&World::new());
        assert!(f.features.is_empty() && f.pulls.is_empty() && f.deployed.is_empty());
        assert_eq!(f.gaps().len(), 5);
        let a = f.answer().join("\n");
        assert!(!a.contains("pull request:"), "{a}");
        assert!(!a.contains("rolled"), "{a}");
    }

    #[test]
    fn the_guide_flow_is_told_with_its_branch_and_pull_request() {
        let f = facts(&world(&[
            "git checkout development",
            "git checkout -b feature/new-chatbot-intent",
            "edit product-inquiry",
            "git add .",
            "git commit -m \"Add product inquiry intent\"",
            "git push -u origin feature/new-chatbot-intent",
            "gh pr create --base development --fill",
            "@teammate gh pr review 1 --approve",
            "gh pr merge 1 --merge --delete-branch",
            "git checkout development",
            "git pull",
            "git checkout main",
            "git merge development",
            "git push origin main",
            "deploy production",
        ]));
        assert_eq!(f.features, ["feature/new-chatbot-intent"]);
        assert_eq!(f.pulls.len(), 1);
        assert!(f.pulls[0].merged && f.pulls[0].checks_passed, "{:?}", f.pulls);
        assert_eq!(f.pulls[0].approvers.len(), 1);
        let a = f.answer().join("\n");
        assert!(a.contains("most recently feature/new-chatbot-intent"), "{a}");
        assert!(a.contains("#1 “Add product inquiry intent”"), "{a}");
        assert!(a.contains("production runs “Add product inquiry intent”"), "{a}");
        assert_eq!(f.gaps().iter().map(|g| g.1).collect::<Vec<_>>(), ["amateur-vs-professional", "hotfix-rollback"]);
    }

    #[test]
    fn an_incident_and_its_rollback_are_told() {
        let f = facts(&world(&[
            "edit handoff-bug",
            "git add .",
            "git commit -m \"Refactor handoff replies\"",
            "git push origin main",
            "deploy production",
            "deploy production HEAD~1",
        ]));
        assert_eq!(f.rollback.as_deref(), Some("Initial commit"));
        assert!(f.answer().join("\n").contains("rolled it back with one command to “Initial commit”"));
    }
}
