//! `gh pr …`: create, list, view, checks, review, merge, close, checkout.

use super::{Ctx, Flags};
use crate::git::commit::totals;
use crate::git::merge::stat_lines;
use crate::github::PrError;
use crate::github::{
    Hub, Method, PrState, Proposal, PullRequest, REPO, Review, ReviewState, WEB, ago, login, plural, pr_commits,
};
use crate::outcome::Outcome;
use crate::repo::{short, snapshot_tree};

impl Ctx<'_> {
    /// The pull request a `gh pr SUBCOMMAND [<number> | <url> | <branch>]` line names.
    fn pr_of(&self, f: &Flags) -> Result<u32, PrError> {
        self.pick_pr(f.positional.first())
    }

    /// The PR a command names: a number, `#N`, a URL, a branch, or (none) the current branch's.
    fn pick_pr(&self, arg: Option<&String>) -> Result<u32, PrError> {
        let current = self.current_branch();
        let want = arg.cloned().or(current.clone());
        let Some(want) = want else {
            return Err(PrError::NoCurrentBranch);
        };
        let num = want.trim_start_matches('#').rsplit('/').next().and_then(|s| s.parse::<u32>().ok());
        if let Some(n) = num {
            return self.hub.pr(n).map(|p| p.number).ok_or(PrError::NoNumber(n));
        }
        self.hub
            .pulls
            .iter()
            .rev()
            .find(|p| p.head == want && p.state == PrState::Open)
            .or_else(|| self.hub.pulls.iter().rev().find(|p| p.head == want))
            .map(|p| p.number)
            .ok_or(PrError::NoBranch(want))
    }

    pub(super) fn pr_create(&mut self, f: &Flags) -> Outcome {
        let current = self.current_branch();
        let Some(head) = f.value("head").map(str::to_string).or(current) else {
            return Outcome::err("could not determine the current branch: pass --head BRANCH");
        };
        let base = f.value("base").unwrap_or("main").to_string();
        if head == base {
            return Outcome::err(format!(
                "head branch \"{head}\" is the same as base branch \"{base}\", cannot create a pull request"
            ));
        }
        if !self.origin.branches.contains_key(&head) && f.value("head").is_none() {
            return Outcome::err(format!(
                "aborted: you must first push the current branch to a remote, or use the --head flag\n(push it with: git push -u origin {head})"
            ));
        }
        let fill = || {
            let tip = self.origin.branches.get(&head)?;
            self.origin.commit(tip).map(|c| c.subject().to_string())
        };
        let title = match (f.value("title"), f.has("fill")) {
            (Some(t), _) => t.to_string(),
            (None, true) => fill().unwrap_or_else(|| head.clone()),
            (None, false) => {
                return Outcome::err(
                    "must provide `--title` and `--body` (or `--fill`) when not running interactively",
                );
            }
        };
        let body = f.value("body").unwrap_or_default().to_string();
        let now = *self.clock;
        let proposal = Proposal { base: &base, head: &head, title: &title, body: &body, author: self.author };
        match self.hub.create(self.origin, &proposal, now) {
            Ok((n, note)) => {
                let mut out = vec![
                    format!("Creating pull request for {head} into {base} in {}", REPO),
                    String::new(),
                    format!("{WEB}/pull/{n}"),
                ];
                out.extend(note);
                Outcome::ok(out.join("\n"))
            }
            Err(e) => Outcome::err(e.to_string()),
        }
    }

    pub(super) fn pr_list(&self, f: &Flags) -> Outcome {
        let state = f.value("state").unwrap_or("open");
        let keep = |p: &&PullRequest| match state {
            "all" => true,
            "open" => p.state == PrState::Open,
            "closed" => p.state != PrState::Open,
            "merged" => p.state == PrState::Merged,
            _ => false,
        };
        if !matches!(state, "open" | "closed" | "merged" | "all") {
            return Outcome::err(format!(
                "invalid argument \"{state}\" for \"-s, --state\" flag: valid values are {{open|closed|merged|all}}"
            ));
        }
        let rows: Vec<&PullRequest> = self.hub.pulls.iter().rev().filter(keep).collect();
        let word = if state == "all" { String::new() } else { format!("{state} ") };
        if rows.is_empty() {
            return Outcome::ok(format!("no {word}pull requests in {REPO}"));
        }
        // gh's table: each column as wide as its widest cell, two spaces apart.
        let nw = rows.iter().map(|p| p.number.to_string().len() + 1).max().unwrap_or(0);
        let tw = rows.iter().map(|p| p.title.chars().count()).max().unwrap_or(0);
        let hw = rows.iter().map(|p| p.head.chars().count()).max().unwrap_or(0);
        let n = rows.len();
        let mut out = vec![format!("Showing {n} of {n} {word}pull request{} in {}", plural(n), REPO), String::new()];
        for p in rows {
            let num = format!("#{}", p.number);
            out.push(format!("{num:<nw$}  {:<tw$}  {:<hw$}  {}", p.title, p.head, ago(p.created, *self.clock)));
        }
        Outcome::ok(out.join("\n"))
    }

    pub(super) fn pr_view(&self, f: &Flags) -> Outcome {
        let n = match self.pr_of(f) {
            Ok(n) => n,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let Some(p) = self.hub.pr(n) else { return Outcome::err(format!("no pull request #{n}")) };
        let base_tip = self.origin.branches.get(&p.base).cloned().unwrap_or_default();
        let commits = pr_commits(self.origin, &base_tip, &p.head_sha);
        let mut out = vec![format!("{} #{n}", p.title)];
        let verb = match p.state {
            PrState::Open => "wants to merge",
            PrState::Merged => "merged",
            PrState::Closed => "wanted to merge",
        };
        let count = if p.state == PrState::Merged {
            String::new()
        } else {
            format!("{} commit{} ", commits.len(), plural(commits.len()))
        };
        out.push(format!(
            "{} • {} {verb} {count}into {} from {} • {}",
            p.state.name(),
            p.author,
            p.base,
            p.head,
            ago(p.created, *self.clock)
        ));
        let mb = self.origin.merge_base(&base_tip, &p.head_sha);
        let (old, new) = (self.origin.snapshot(mb.as_deref()), self.origin.snapshot(Some(&p.head_sha)));
        let (old, new) = (snapshot_tree(&old), snapshot_tree(&new));
        let (_, ins, del) = totals(old, new);
        out.push(format!("+{ins} -{del} • {}", self.checks_summary(p)));
        let verdicts = Hub::verdicts(p);
        if !verdicts.is_empty() {
            let list: Vec<String> = verdicts
                .iter()
                .map(|(a, s)| {
                    format!("{a} ({})", if *s == ReviewState::Approved { "Approved" } else { "Changes requested" })
                })
                .collect();
            out.push(format!("Reviewers: {}", list.join(", ")));
        }
        if p.state == PrState::Open {
            let blocked = self.hub.merge_blockers(p, self.origin);
            out.push(if blocked.is_empty() {
                "Mergeable: yes".to_string()
            } else {
                format!("Mergeable: no — {}", blocked.join(" "))
            });
        }
        out.push(String::new());
        out.push(if p.body.is_empty() { "  No description provided".to_string() } else { format!("  {}", p.body) });
        if p.state == PrState::Open {
            out.push(String::new());
            out.push(format!("Commits ({}):", commits.len()));
            for id in &commits {
                if let Some(c) = self.origin.commit(id) {
                    out.push(format!("  {} {}", short(id), c.subject()));
                }
            }
            out.push("Files changed:".into());
            out.extend(stat_lines(old, new));
        }
        for r in p.reviews.iter().filter(|r| !r.body.is_empty()) {
            out.push(format!("\n{} {}:\n  {}", r.author, review_verb(r.state), r.body));
        }
        out.push(String::new());
        out.push(format!("View this pull request on GitHub: {WEB}/pull/{n}"));
        Outcome::ok(out.join("\n"))
    }

    fn checks_summary(&self, p: &PullRequest) -> String {
        match self.hub.latest_run(p) {
            None => "No checks".into(),
            Some(r) if r.ok() => "✓ Checks passing".into(),
            Some(_) => "× Checks failing".into(),
        }
    }

    pub(super) fn pr_checks(&self, f: &Flags) -> Outcome {
        let n = match self.pr_of(f) {
            Ok(n) => n,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let Some(p) = self.hub.pr(n) else { return Outcome::err(format!("no pull request #{n}")) };
        let Some(run) = self.hub.latest_run(p) else {
            return Outcome::err(format!("no checks reported on the '{}' branch", p.head));
        };
        let failing = run.checks.iter().filter(|c| !c.ok).count();
        let passing = run.checks.len() - failing;
        let mut out = vec![
            if failing == 0 {
                "All checks were successful".to_string()
            } else {
                "Some checks were not successful".to_string()
            },
            format!("0 cancelled, {failing} failing, {passing} successful, 0 skipped, and 0 pending checks"),
            String::new(),
            "   NAME               ELAPSED  URL".to_string(),
        ];
        for c in &run.checks {
            let mark = if c.ok { "✓" } else { "X" };
            out.push(format!(
                "{mark}  {:<18} {:>3}s     {WEB}/actions/runs/{}",
                format!("CI / {}", c.name),
                c.seconds,
                run.id
            ));
        }
        if failing > 0 {
            out.push(String::new());
            out.push(format!("See why: gh run view {} --log-failed", run.id));
        }
        Outcome { ok: failing == 0, output: out.join("\n"), events: Vec::new() }
    }

    pub(super) fn pr_review(&mut self, f: &Flags) -> Outcome {
        let n = match self.pr_of(f) {
            Ok(n) => n,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let chosen = f.chosen(&[
            ("approve", ReviewState::Approved),
            ("request-changes", ReviewState::ChangesRequested),
            ("comment", ReviewState::Commented),
        ]);
        let [state] = chosen.as_slice() else {
            return Outcome::err(if chosen.is_empty() {
                "--approve, --request-changes, or --comment required when not running interactively"
            } else {
                "need exactly one of --approve, --request-changes, or --comment"
            });
        };
        let body = f.value("body").unwrap_or_default().to_string();
        if *state != ReviewState::Approved && body.is_empty() {
            let kind = if *state == ReviewState::Commented { "comment" } else { "request-changes" };
            return Outcome::err(format!("body cannot be blank for {kind} review"));
        }
        let who = login(self.author);
        let Some(p) = self.hub.pulls.iter_mut().find(|p| p.number == n) else {
            return Outcome::err(format!("no pull request #{n}"));
        };
        if p.state != PrState::Open {
            return Outcome::err(format!("Pull request {}#{n} is {}", REPO, p.state.name().to_ascii_lowercase()));
        }
        if p.author == who && *state != ReviewState::Commented {
            let what = if *state == ReviewState::Approved { "approve" } else { "request changes on" };
            return Outcome::err(format!(
                "failed to create review: GraphQL: Can not {what} your own pull request (addPullRequestReview)\n(ask a teammate: @teammate gh pr review {n} --approve)"
            ));
        }
        p.reviews.push(Review { author: who, state: *state, body });
        let repo = REPO;
        Outcome::ok(match state {
            ReviewState::Approved => format!("✓ Approved pull request {repo}#{n}"),
            ReviewState::ChangesRequested => format!("+ Requested changes to pull request {repo}#{n}"),
            ReviewState::Commented => format!("- Reviewed pull request {repo}#{n}"),
        })
    }

    pub(super) fn pr_merge(&mut self, f: &Flags) -> Outcome {
        let n = match self.pr_of(f) {
            Ok(n) => n,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let methods = f.chosen(&[("merge", Method::Merge), ("squash", Method::Squash), ("rebase", Method::Rebase)]);
        let [method] = methods.as_slice() else {
            return Outcome::err(if methods.is_empty() {
                "--merge, --rebase, or --squash required when not running interactively"
            } else {
                "only one of --merge, --rebase, or --squash can be enabled"
            });
        };
        let repo = REPO;
        let Some(p) = self.hub.pr(n).cloned() else { return Outcome::err(format!("no pull request #{n}")) };
        match p.state {
            PrState::Merged => return Outcome::err(format!("X Pull request {repo}#{n} was already merged")),
            PrState::Closed => return Outcome::err(format!("X Pull request {repo}#{n} is closed")),
            PrState::Open => {}
        }
        if !Hub::mergeable(&p, self.origin) {
            return Outcome::err(format!(
                "X Pull request {repo}#{n} is not mergeable: the merge commit cannot be cleanly created.\nRun the following to resolve the merge conflicts locally:\n  git checkout {} && git pull origin {} && git push",
                p.head, p.base
            ));
        }
        let blockers = self.hub.blockers(&p);
        if !blockers.is_empty() {
            let mut out = vec![format!(
                "X Pull request {repo}#{n} is not mergeable: the base branch policy prohibits the merge."
            )];
            out.extend(blockers.into_iter().map(|b| format!("  - {b}")));
            return Outcome::err(out.join("\n"));
        }
        let merged = self.hub.merge(n, *method, self.origin, self.author, self.clock);
        if let Err(e) = merged {
            return Outcome::err(format!("X Pull request {repo}#{n} is not mergeable: {e}"));
        }
        let verb = match method {
            Method::Merge => "Merged",
            Method::Squash => "Squashed and merged",
            Method::Rebase => "Rebased and merged",
        };
        let mut out = vec![format!("✓ {verb} pull request {repo}#{n} ({})", p.title)];
        if f.has("delete-branch") {
            out.extend(self.delete_pr_branch(&p));
        }
        Outcome::ok(out.join("\n"))
    }

    /// `--delete-branch`: the remote branch goes; locally gh switches to the
    /// base branch, brings it up to date, and deletes the head branch.
    fn delete_pr_branch(&mut self, p: &PullRequest) -> Vec<String> {
        let mut out = Vec::new();
        let local_has = self.local.as_deref().is_some_and(|r| r.branches.contains_key(&p.head));
        if local_has {
            let on_head = self.current_branch().as_deref() == Some(p.head.as_str());
            let mut switched = false;
            if on_head {
                switched = self.git(&["checkout", &p.base]).ok;
                if switched {
                    let _ = self.git(&["pull", "--ff-only", "origin", &p.base]);
                }
            }
            if (!on_head || switched) && self.git(&["branch", "-D", &p.head]).ok {
                out.push(if switched {
                    format!("✓ Deleted local branch {} and switched to branch {}", p.head, p.base)
                } else {
                    format!("✓ Deleted local branch {}", p.head)
                });
            }
        }
        if self.origin.branches.remove(&p.head).is_some() {
            out.push(format!("✓ Deleted remote branch {}", p.head));
        }
        out
    }

    /// `gh pr checkout N`: fetch, then switch to the PR's branch (creating it
    /// from origin's, or fast-forwarding an existing one).
    pub(super) fn pr_checkout(&mut self, f: &Flags) -> Outcome {
        let Some(arg) = f.positional.first() else {
            return Outcome::err(
                "accepts 1 arg(s), received 0\n\nUsage:  gh pr checkout {<number> | <url> | <branch>} [flags]",
            );
        };
        let n = match self.pick_pr(Some(arg)) {
            Ok(n) => n,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let Some(head) = self.hub.pr(n).map(|p| p.head.clone()) else {
            return Outcome::err(format!("no pull request #{n}"));
        };
        if !self.origin.branches.contains_key(&head) {
            return Outcome::err(format!("fatal: couldn't find remote ref refs/heads/{head}"));
        }
        let exists = self.local.as_deref().is_some_and(|r| r.branches.contains_key(&head));
        let mut lines: Vec<Vec<&str>> = vec![vec!["fetch", "origin"], vec!["checkout", &head]];
        if exists {
            lines.push(vec!["pull", "--ff-only", "origin", &head]);
        }
        let mut out = Vec::new();
        for argv in lines {
            let o = self.git(&argv);
            if !o.output.is_empty() {
                out.push(o.output);
            }
            if !o.ok {
                return Outcome::err(out.join("\n"));
            }
        }
        Outcome::ok(out.join("\n"))
    }

    pub(super) fn pr_close(&mut self, f: &Flags) -> Outcome {
        let n = match self.pr_of(f) {
            Ok(n) => n,
            Err(e) => return Outcome::err(e.to_string()),
        };
        let repo = REPO;
        let Some(p) = self.hub.pulls.iter_mut().find(|p| p.number == n) else {
            return Outcome::err(format!("no pull request #{n}"));
        };
        if p.state != PrState::Open {
            return Outcome::err(format!(
                "! Pull request {repo}#{n} ({}) is already {}",
                p.title,
                p.state.name().to_ascii_lowercase()
            ));
        }
        p.state = PrState::Closed;
        let p = p.clone();
        let mut out = vec![format!("✓ Closed pull request {repo}#{n} ({})", p.title)];
        if f.has("delete-branch") {
            out.extend(self.delete_pr_branch(&p));
        }
        Outcome::ok(out.join("\n"))
    }
}

fn review_verb(s: ReviewState) -> &'static str {
    match s {
        ReviewState::Approved => "approved",
        ReviewState::ChangesRequested => "requested changes",
        ReviewState::Commented => "commented",
    }
}
