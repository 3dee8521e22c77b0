//! The `gh` command line (GitHub CLI names and flags) and `protect`, which
//! stands in for GitHub's branch protection settings page.

use super::{Hub, Method, PrState, Protection, PullRequest, Review, ReviewState, WEB, ago, login, plural};
use crate::git::GitCommand;
use crate::git::commit::totals;
use crate::git::merge::stat_lines;
use crate::repo::{short, snapshot_tree};
use crate::world::{Outcome, World};

/// A parsed `gh` command line: flags (with their values) and positionals.
struct Flags {
    values: Vec<(&'static str, String)>,
    switches: Vec<&'static str>,
    positional: Vec<String>,
}

/// A flag's long name, short letter, and whether it takes a value.
type Spec = (&'static str, Option<char>, bool);

fn parse(args: &[String], spec: &[Spec], usage: &str) -> Result<Flags, String> {
    let mut f = Flags { values: Vec::new(), switches: Vec::new(), positional: Vec::new() };
    let mut it = args.iter();
    let bad = |msg: String| format!("{msg}\n\nUsage:  {usage} [flags]");
    while let Some(a) = it.next() {
        let (found, inline) = if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = long.split_once('=').map_or((long, None), |(n, v)| (n, Some(v.to_string())));
            (spec.iter().find(|s| s.0 == name).ok_or_else(|| bad(format!("unknown flag: --{name}")))?, inline)
        } else if a.len() > 1 && a.starts_with('-') {
            let mut chars = a[1..].chars();
            let c = chars.next().unwrap_or('-');
            let rest: String = chars.collect();
            let s = spec
                .iter()
                .find(|s| s.1 == Some(c))
                .ok_or_else(|| bad(format!("unknown shorthand flag: '{c}' in {a}")))?;
            (s, (!rest.is_empty()).then_some(rest))
        } else {
            f.positional.push(a.clone());
            continue;
        };
        if found.2 {
            let v = match inline {
                Some(v) => v,
                None => it.next().cloned().ok_or_else(|| bad(format!("flag needs an argument: --{}", found.0)))?,
            };
            f.values.push((found.0, v));
        } else {
            f.switches.push(found.0);
        }
    }
    Ok(f)
}

impl Flags {
    fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    fn has(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }

    /// The values of the given switches that were passed (gh wants exactly one).
    fn chosen<T: Copy>(&self, options: &[(&str, T)]) -> Vec<T> {
        options.iter().filter(|(name, _)| self.has(name)).map(|(_, v)| *v).collect()
    }
}

const PR_HELP: &str = "Work with GitHub pull requests.

USAGE
  gh pr <command> [flags]

COMMANDS
  create:      Create a pull request (--base, --head, --title, --body, --fill)
  list:        List pull requests (--state open|closed|merged|all)
  view:        View a pull request
  checks:      Show CI status for a single pull request
  review:      Add a review to a pull request (--approve, --request-changes, --comment, --body)
  merge:       Merge a pull request (--merge, --squash, --rebase, --delete-branch)
  close:       Close a pull request (--delete-branch)
  checkout:    Check out a pull request's branch locally";

impl World {
    /// `gh …`, run by `author` (the learner, or the teammate).
    pub(crate) fn gh(&mut self, args: &[String], author: &str) -> Outcome {
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        match words.as_slice() {
            ["pr", "create", ..] => self.pr_create(&args[2..], author),
            ["pr", "list", ..] => self.pr_list(&args[2..]),
            ["pr", "view", ..] => self.pr_view(&args[2..]),
            ["pr", "checks", ..] => self.pr_checks(&args[2..]),
            ["pr", "review", ..] => self.pr_review(&args[2..], author),
            ["pr", "merge", ..] => self.pr_merge(&args[2..], author),
            ["pr", "close", ..] => self.pr_close(&args[2..]),
            ["pr", "checkout", ..] => self.pr_checkout(&args[2..]),
            ["pr"] | ["pr", "--help" | "-h" | "help"] => Outcome::ok(PR_HELP),
            ["pr", other, ..] => Outcome::err(format!("unknown command \"{other}\" for \"gh pr\"\n\n{PR_HELP}")),
            ["run", "list", ..] => self.run_list(),
            ["run", "view", ..] => self.run_view(&args[2..]),
            ["run", ..] => Outcome::err("usage: gh run list | gh run view <run-id> [--log | --log-failed]"),
            [] | ["--help" | "help"] => Outcome::ok(
                "Work seamlessly with GitHub from the command line.\n\nThis tutor simulates:\n  gh pr     create, list, view, checks, review, merge, close\n  gh run    list, view",
            ),
            [other, ..] => Outcome::err(format!(
                "unknown command \"{other}\" for \"gh\"\n\nThis tutor simulates `gh pr …` and `gh run …`."
            )),
        }
    }

    /// A `gh pr SUBCOMMAND [<number> | <url> | <branch>]` line: its flags and
    /// the pull request it names.
    fn pr_args(&self, args: &[String], spec: &[Spec], sub: &str) -> Result<(Flags, u32), String> {
        let f = parse(args, spec, &format!("gh pr {sub} [<number> | <url> | <branch>]"))?;
        let n = self.pick_pr(f.positional.first())?;
        Ok((f, n))
    }

    /// The PR a command names: a number, `#N`, a URL, a branch, or (none) the current branch's.
    fn pick_pr(&self, arg: Option<&String>) -> Result<u32, String> {
        let current = self.local.as_ref().and_then(|r| r.current_branch()).map(str::to_string);
        let want = arg.cloned().or(current.clone());
        let Some(want) = want else {
            return Err("could not determine the current branch: name a pull request number".into());
        };
        let num = want.trim_start_matches('#').rsplit('/').next().and_then(|s| s.parse::<u32>().ok());
        if let Some(n) = num {
            return self.hub.pr(n).map(|p| p.number).ok_or_else(|| {
                format!("GraphQL: Could not resolve to a PullRequest with the number of {n}. (repository.pullRequest)")
            });
        }
        self.hub
            .pulls
            .iter()
            .rev()
            .find(|p| p.head == want && p.state == PrState::Open)
            .or_else(|| self.hub.pulls.iter().rev().find(|p| p.head == want))
            .map(|p| p.number)
            .ok_or_else(|| format!("no pull requests found for branch \"{want}\""))
    }

    fn pr_create(&mut self, args: &[String], author: &str) -> Outcome {
        let spec: &[Spec] = &[
            ("base", Some('B'), true),
            ("head", Some('H'), true),
            ("title", Some('t'), true),
            ("body", Some('b'), true),
            ("fill", Some('f'), false),
        ];
        let f = match parse(args, spec, "gh pr create") {
            Ok(f) => f,
            Err(e) => return Outcome::err(e),
        };
        let current = self.local.as_ref().and_then(|r| r.current_branch()).map(str::to_string);
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
        let now = self.clock;
        let proposal = super::Proposal { base: &base, head: &head, title: &title, body: &body, author };
        match self.hub.create(&self.origin, &proposal, now) {
            Ok((n, note)) => {
                let mut out = vec![
                    format!("Creating pull request for {head} into {base} in {}", super::REPO),
                    String::new(),
                    format!("{WEB}/pull/{n}"),
                ];
                out.extend(note);
                Outcome::ok(out.join("\n"))
            }
            Err(e) => Outcome::err(e),
        }
    }

    fn pr_list(&self, args: &[String]) -> Outcome {
        let f = match parse(args, &[("state", Some('s'), true)], "gh pr list") {
            Ok(f) => f,
            Err(e) => return Outcome::err(e),
        };
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
            return Outcome::ok(format!("no {word}pull requests in {}", super::REPO));
        }
        // gh's table: each column as wide as its widest cell, two spaces apart.
        let nw = rows.iter().map(|p| p.number.to_string().len() + 1).max().unwrap_or(0);
        let tw = rows.iter().map(|p| p.title.chars().count()).max().unwrap_or(0);
        let hw = rows.iter().map(|p| p.head.chars().count()).max().unwrap_or(0);
        let n = rows.len();
        let mut out =
            vec![format!("Showing {n} of {n} {word}pull request{} in {}", plural(n), super::REPO), String::new()];
        for p in rows {
            let num = format!("#{}", p.number);
            out.push(format!("{num:<nw$}  {:<tw$}  {:<hw$}  {}", p.title, p.head, ago(p.created, self.clock)));
        }
        Outcome::ok(out.join("\n"))
    }

    fn pr_view(&self, args: &[String]) -> Outcome {
        let (_, n) = match self.pr_args(args, &[], "view") {
            Ok(x) => x,
            Err(e) => return Outcome::err(e),
        };
        let Some(p) = self.hub.pr(n) else { return Outcome::err(format!("no pull request #{n}")) };
        let base_tip = self.origin.branches.get(&p.base).cloned().unwrap_or_default();
        let commits = super::pr_commits(&self.origin, &base_tip, &p.head_sha);
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
            ago(p.created, self.clock)
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
            let mut blocked = self.hub.blockers(p);
            if !Hub::mergeable(p, &self.origin) {
                blocked.insert(0, "This branch has conflicts that must be resolved.".into());
            }
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

    fn pr_checks(&self, args: &[String]) -> Outcome {
        let (_, n) = match self.pr_args(args, &[], "checks") {
            Ok(x) => x,
            Err(e) => return Outcome::err(e),
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
        Outcome { ok: failing == 0, output: out.join("\n"), clear: false }
    }

    fn pr_review(&mut self, args: &[String], author: &str) -> Outcome {
        let spec: &[Spec] = &[
            ("approve", Some('a'), false),
            ("request-changes", Some('r'), false),
            ("comment", Some('c'), false),
            ("body", Some('b'), true),
        ];
        let (f, n) = match self.pr_args(args, spec, "review") {
            Ok(x) => x,
            Err(e) => return Outcome::err(e),
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
        let who = login(author);
        let Some(p) = self.hub.pulls.iter_mut().find(|p| p.number == n) else {
            return Outcome::err(format!("no pull request #{n}"));
        };
        if p.state != PrState::Open {
            return Outcome::err(format!("Pull request {}#{n} is {}", super::REPO, p.state.name().to_lowercase()));
        }
        if p.author == who && *state != ReviewState::Commented {
            let what = if *state == ReviewState::Approved { "approve" } else { "request changes on" };
            return Outcome::err(format!(
                "failed to create review: GraphQL: Can not {what} your own pull request (addPullRequestReview)\n(ask a teammate: @teammate gh pr review {n} --approve)"
            ));
        }
        p.reviews.push(Review { author: who, state: *state, body });
        let repo = super::REPO;
        Outcome::ok(match state {
            ReviewState::Approved => format!("✓ Approved pull request {repo}#{n}"),
            ReviewState::ChangesRequested => format!("+ Requested changes to pull request {repo}#{n}"),
            ReviewState::Commented => format!("- Reviewed pull request {repo}#{n}"),
        })
    }

    fn pr_merge(&mut self, args: &[String], author: &str) -> Outcome {
        let spec: &[Spec] = &[
            ("merge", Some('m'), false),
            ("squash", Some('s'), false),
            ("rebase", Some('r'), false),
            ("delete-branch", Some('d'), false),
        ];
        let (f, n) = match self.pr_args(args, spec, "merge") {
            Ok(x) => x,
            Err(e) => return Outcome::err(e),
        };
        let methods = f.chosen(&[("merge", Method::Merge), ("squash", Method::Squash), ("rebase", Method::Rebase)]);
        let [method] = methods.as_slice() else {
            return Outcome::err(if methods.is_empty() {
                "--merge, --rebase, or --squash required when not running interactively"
            } else {
                "only one of --merge, --rebase, or --squash can be enabled"
            });
        };
        let repo = super::REPO;
        let Some(p) = self.hub.pr(n).cloned() else { return Outcome::err(format!("no pull request #{n}")) };
        match p.state {
            PrState::Merged => return Outcome::err(format!("X Pull request {repo}#{n} was already merged")),
            PrState::Closed => return Outcome::err(format!("X Pull request {repo}#{n} is closed")),
            PrState::Open => {}
        }
        if !Hub::mergeable(&p, &self.origin) {
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
        let merged = self.hub.merge(n, *method, &mut self.origin, author, &mut self.clock);
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
        let local_has = self.local.as_ref().is_some_and(|r| r.branches.contains_key(&p.head));
        if local_has {
            let on_head = self.local.as_ref().and_then(|r| r.current_branch()) == Some(p.head.as_str());
            let mut switched = false;
            if on_head {
                let checkout = GitCommand::parse(&["checkout".to_string(), p.base.clone()]);
                switched = checkout.is_ok_and(|c| self.git_as_learner(&c).ok);
                if switched
                    && let Ok(pull) =
                        GitCommand::parse(&["pull".into(), "--ff-only".into(), "origin".into(), p.base.clone()])
                {
                    let _ = self.git_as_learner(&pull).ok;
                }
            }
            if !on_head || switched {
                let del = GitCommand::parse(&["branch".to_string(), "-D".into(), p.head.clone()]);
                if del.is_ok_and(|c| self.git_as_learner(&c).ok) {
                    out.push(if switched {
                        format!("✓ Deleted local branch {} and switched to branch {}", p.head, p.base)
                    } else {
                        format!("✓ Deleted local branch {}", p.head)
                    });
                }
            }
        }
        if self.origin.branches.remove(&p.head).is_some() {
            out.push(format!("✓ Deleted remote branch {}", p.head));
        }
        out
    }

    /// `gh pr checkout N`: fetch, then switch to the PR's branch (creating it
    /// from origin's, or fast-forwarding an existing one).
    fn pr_checkout(&mut self, args: &[String]) -> Outcome {
        let f = match parse(args, &[], "gh pr checkout {<number> | <url> | <branch>}") {
            Ok(f) => f,
            Err(e) => return Outcome::err(e),
        };
        let Some(arg) = f.positional.first() else {
            return Outcome::err(
                "accepts 1 arg(s), received 0\n\nUsage:  gh pr checkout {<number> | <url> | <branch>} [flags]",
            );
        };
        let n = match self.pick_pr(Some(arg)) {
            Ok(n) => n,
            Err(e) => return Outcome::err(e),
        };
        let Some(head) = self.hub.pr(n).map(|p| p.head.clone()) else {
            return Outcome::err(format!("no pull request #{n}"));
        };
        if !self.origin.branches.contains_key(&head) {
            return Outcome::err(format!("fatal: couldn't find remote ref refs/heads/{head}"));
        }
        let exists = self.local.as_ref().is_some_and(|r| r.branches.contains_key(&head));
        let lines: Vec<Vec<String>> = if exists {
            vec![
                vec!["fetch".into(), "origin".into()],
                vec!["checkout".into(), head.clone()],
                vec!["pull".into(), "--ff-only".into(), "origin".into(), head],
            ]
        } else {
            vec![vec!["fetch".into(), "origin".into()], vec!["checkout".into(), head]]
        };
        let mut out = Vec::new();
        for argv in lines {
            let o = match GitCommand::parse(&argv) {
                Ok(c) => self.git_as_learner(&c),
                Err(e) => Outcome::err(e.to_string()),
            };
            if !o.output.is_empty() {
                out.push(o.output);
            }
            if !o.ok {
                return Outcome::err(out.join("\n"));
            }
        }
        Outcome::ok(out.join("\n"))
    }

    fn pr_close(&mut self, args: &[String]) -> Outcome {
        let (f, n) = match self.pr_args(args, &[("delete-branch", Some('d'), false)], "close") {
            Ok(x) => x,
            Err(e) => return Outcome::err(e),
        };
        let repo = super::REPO;
        let Some(p) = self.hub.pulls.iter_mut().find(|p| p.number == n) else {
            return Outcome::err(format!("no pull request #{n}"));
        };
        if p.state != PrState::Open {
            return Outcome::err(format!(
                "! Pull request {repo}#{n} ({}) is already {}",
                p.title,
                p.state.name().to_lowercase()
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

    fn run_list(&self) -> Outcome {
        if self.hub.runs.is_empty() {
            return Outcome::ok("no runs found");
        }
        let mut out = vec![
            "STATUS  TITLE                           WORKFLOW  BRANCH                          EVENT         ID  AGE"
                .to_string(),
        ];
        for r in self.hub.runs.iter().rev().take(20) {
            let title: String = r.title.chars().take(30).collect();
            out.push(format!(
                "{:<7} {title:<31} CI        {:<31} pull_request  {:<3} {}",
                if r.ok() { "✓" } else { "X" },
                r.branch,
                r.id,
                ago(r.at, self.clock)
            ));
        }
        Outcome::ok(out.join("\n"))
    }

    fn run_view(&self, args: &[String]) -> Outcome {
        let f = match parse(args, &[("log", None, false), ("log-failed", None, false)], "gh run view [<run-id>]") {
            Ok(f) => f,
            Err(e) => return Outcome::err(e),
        };
        let run = match f.positional.first() {
            None => self.hub.runs.last(),
            Some(id) => self.hub.runs.iter().find(|r| r.id.to_string() == *id),
        };
        let Some(run) = run else {
            return Outcome::err(format!(
                "could not find any workflow run with ID {}",
                f.positional.first().map_or("", String::as_str)
            ));
        };
        let mut out = Vec::new();
        if f.has("log") || f.has("log-failed") {
            for c in run.checks.iter().filter(|c| f.has("log") || !c.ok) {
                out.extend(c.log.iter().map(|l| format!("{}\t{l}", c.name)));
            }
            return Outcome::ok(out.join("\n"));
        }
        out.push(format!("{} {} CI · {}", if run.ok() { "✓" } else { "X" }, run.branch, run.id));
        out.push(format!("Triggered via pull_request {}", ago(run.at, self.clock)));
        out.push(String::new());
        out.push("JOBS".into());
        for c in &run.checks {
            out.push(format!("{} {} in {}s", if c.ok { "✓" } else { "X" }, c.name, c.seconds));
        }
        out.push(String::new());
        out.push(format!("For more information about a job, try: gh run view {} --log", run.id));
        Outcome::ok(out.join("\n"))
    }

    pub(crate) fn protect(&mut self, branch: &str, rule: Option<Protection>) -> Outcome {
        match rule {
            None => match self.hub.protection.remove(branch) {
                Some(_) => Outcome::ok(format!("{branch}: protection removed")),
                None => Outcome::err(format!("protect: {branch} is not protected")),
            },
            Some(rule) => {
                if !self.origin.branches.contains_key(branch) {
                    return Outcome::err(format!("protect: origin has no branch '{branch}' (push it first)"));
                }
                self.hub.protection.insert(branch.to_string(), rule);
                Outcome::ok(format!("{branch} is protected on origin: {}", rule.describe()))
            }
        }
    }

    pub(crate) fn list_protection(&self) -> Outcome {
        if self.hub.protection.is_empty() {
            return Outcome::ok(
                "No protected branches. Protect one with: protect main --require-pr --approvals 1 --require-checks",
            );
        }
        Outcome::ok(
            self.hub.protection.iter().map(|(b, r)| format!("{b}: {}", r.describe())).collect::<Vec<_>>().join("\n"),
        )
    }
}

/// `protect BRANCH [--require-pr] [--approvals N] [--require-checks]`,
/// `protect BRANCH --off`, or `protect` to list the rules.
pub fn parse_protect(args: &[String]) -> Result<(String, Option<Protection>), String> {
    let usage = "usage: protect BRANCH [--require-pr] [--approvals N] [--require-checks] | protect BRANCH --off";
    let f = parse(
        args,
        &[
            ("require-pr", None, false),
            ("approvals", None, true),
            ("require-checks", None, false),
            ("off", None, false),
        ],
        "protect BRANCH",
    )?;
    let [branch] = f.positional.as_slice() else { return Err(usage.into()) };
    if f.has("off") {
        return Ok((branch.clone(), None));
    }
    let approvals = match f.value("approvals") {
        None => 0,
        Some(v) => v.parse().map_err(|_| format!("protect: --approvals takes a number, not '{v}'"))?,
    };
    let rule = Protection {
        require_pr: f.has("require-pr") || approvals > 0,
        approvals,
        require_checks: f.has("require-checks"),
    };
    Ok((branch.clone(), Some(rule)))
}

fn review_verb(s: ReviewState) -> &'static str {
    match s {
        ReviewState::Approved => "approved",
        ReviewState::ChangesRequested => "requested changes",
        ReviewState::Commented => "commented",
    }
}
