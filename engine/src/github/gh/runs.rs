//! `gh run …`: the CI runs on pull requests and their logs.

use super::{Ctx, Flags};
use crate::github::ago;
use crate::outcome::Outcome;

impl Ctx<'_> {
    pub(super) fn run_list(&self) -> Outcome {
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
                ago(r.at, *self.clock)
            ));
        }
        Outcome::ok(out.join("\n"))
    }

    pub(super) fn run_view(&self, f: &Flags) -> Outcome {
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
        out.push(format!("Triggered via pull_request {}", ago(run.at, *self.clock)));
        out.push(String::new());
        out.push("JOBS".into());
        for c in &run.checks {
            out.push(format!("{} {} in {}s", if c.ok { "✓" } else { "X" }, c.name, c.seconds));
        }
        out.push(String::new());
        out.push(format!("For more information about a job, try: gh run view {} --log", run.id));
        Outcome::ok(out.join("\n"))
    }
}
