//! A lesson step's goal: a predicate over the world, written as data in the
//! lesson file (`checked-out feature/x`, `all(merged feature/x development,
//! deleted feature/x)`), never as code per lesson.

use crate::config::check::{Env, report};
use crate::github::PrState;
use crate::servers::Status;
use crate::world::World;

/// Why a goal did not parse: what the author reads, with the fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoalError {
    /// An unknown predicate name.
    #[error("unknown goal '{0}'; goals are: {KNOWN}")]
    Unknown(String),
    /// The wrong number of words after a predicate.
    #[error("'{name}' takes {want}: {name} {usage}")]
    Arity {
        /// The predicate.
        name: &'static str,
        /// How many words it takes, in words.
        want: &'static str,
        /// Its usage.
        usage: &'static str,
    },
    /// A word that should be one of a few.
    #[error("'{name}': {word} is not one of {choices}")]
    Choice {
        /// The predicate.
        name: &'static str,
        /// The word given.
        word: String,
        /// The words allowed.
        choices: &'static str,
    },
    /// Unbalanced parentheses or an empty goal.
    #[error("{0}")]
    Shape(&'static str),
}

const KNOWN: &str = "branch-exists, checked-out, has-commit, pushed, deleted, merged, server-runs, server-has, same-commit, requested, config-clean, pr, protected, users-affected, runs-profile, running, all(…), any(…), not(…)";

/// A goal over the world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    /// `branch-exists NAME`: the learner's clone has the branch.
    BranchExists(String),
    /// `checked-out NAME`: HEAD is on the branch.
    CheckedOut(String),
    /// `has-commit BRANCH SUBJECT…`: the clone's branch has a commit with this subject.
    HasCommit(String, String),
    /// `pushed BRANCH SUBJECT…`: origin's branch is the clone's, and its tip
    /// has this subject (an amended commit, force-pushed).
    Pushed(String, String),
    /// `deleted NAME`: the clone has no such branch (any more).
    Deleted(String),
    /// `merged FROM INTO`: origin's INTO contains what FROM's tip was in the clone
    /// (or origin, once the clone's branch is gone).
    Merged(String, String),
    /// `server-runs SERVER BRANCH`: the server runs origin's BRANCH tip.
    ServerRuns(String, String),
    /// `server-has SERVER SUBJECT…`: what the server runs includes a commit with this subject.
    ServerHas(String, String),
    /// `same-commit A B`: two servers run one commit.
    SameCommit(String, String),
    /// `requested SERVER STATUS`: the server gave an answer with this status.
    Requested(String, u16),
    /// `config-clean`: `config check` finds no error in any profile.
    ConfigClean,
    /// `pr N open|approved|changes-requested|merged`.
    Pr(u32, PrGoal),
    /// `protected BRANCH`: origin protects the branch.
    Protected(String),
    /// `users-affected SERVER none|some`.
    UsersAffected(String, bool),
    /// `runs-profile SERVER ENV`: the server runs with `APP_ENV=ENV`.
    RunsProfile(String, String),
    /// `running SERVER`: the server is up and answering.
    Running(String),
    /// Every one.
    All(Vec<Goal>),
    /// At least one.
    Any(Vec<Goal>),
    /// Not this one.
    Not(Box<Goal>),
}

/// What a `pr` goal asks of a pull request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrGoal {
    /// It is open.
    Open,
    /// It has an approving review.
    Approved,
    /// A reviewer's latest review asks for changes.
    ChangesRequested,
    /// It was merged.
    Merged,
}

fn words<const N: usize>(
    name: &'static str,
    args: &[&str],
    want: &'static str,
    usage: &'static str,
) -> Result<[String; N], GoalError> {
    let arr: Result<[&str; N], _> = args.try_into();
    arr.map(|a| a.map(str::to_string)).map_err(|_| GoalError::Arity { name, want, usage })
}

/// A name, then a commit subject (the rest of the line, spaces and all).
fn with_subject(
    name: &'static str,
    args: &[&str],
    want: &'static str,
    usage: &'static str,
) -> Result<(String, String), GoalError> {
    match args {
        [first, subject @ ..] if !subject.is_empty() => Ok(((*first).to_string(), subject.join(" "))),
        _ => Err(GoalError::Arity { name, want, usage }),
    }
}

/// Splits `a, b(c, d), e` at the top-level commas.
fn split_top(s: &str) -> Result<Vec<&str>, GoalError> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.checked_sub(1).ok_or(GoalError::Shape("a ')' closes nothing"))?,
            ',' if depth == 0 => {
                parts.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err(GoalError::Shape("a '(' is never closed"));
    }
    parts.push(s[start..].trim());
    Ok(parts)
}

impl Goal {
    /// Parses one goal expression.
    pub fn parse(text: &str) -> Result<Self, GoalError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(GoalError::Shape("an empty goal; write one, e.g. checked-out feature/new-chatbot-intent"));
        }
        for (prefix, make) in
            [("all(", Goal::All as fn(Vec<Goal>) -> Goal), ("any(", Goal::Any as fn(Vec<Goal>) -> Goal)]
        {
            if let Some(inner) = text.strip_prefix(prefix) {
                let inner = inner.strip_suffix(')').ok_or(GoalError::Shape("a '(' is never closed"))?;
                let parts = split_top(inner)?;
                return parts.into_iter().map(Goal::parse).collect::<Result<Vec<_>, _>>().map(make);
            }
        }
        if let Some(inner) = text.strip_prefix("not(") {
            let inner = inner.strip_suffix(')').ok_or(GoalError::Shape("a '(' is never closed"))?;
            return Ok(Goal::Not(Box::new(Goal::parse(inner)?)));
        }
        if text.contains(['(', ')', ',']) {
            return Err(GoalError::Shape("parentheses and commas belong to all(…), any(…) and not(…)"));
        }
        let all: Vec<&str> = text.split_whitespace().collect();
        let (name, args) = all.split_first().ok_or(GoalError::Shape("an empty goal"))?;
        Ok(match *name {
            "branch-exists" => {
                let [b] = words("branch-exists", args, "one branch", "NAME")?;
                Goal::BranchExists(b)
            }
            "checked-out" => {
                let [b] = words("checked-out", args, "one branch", "NAME")?;
                Goal::CheckedOut(b)
            }
            "has-commit" => {
                let (b, subject) = with_subject("has-commit", args, "a branch and a commit subject", "BRANCH SUBJECT")?;
                Goal::HasCommit(b, subject)
            }
            "pushed" => {
                let (b, subject) = with_subject("pushed", args, "a branch and a commit subject", "BRANCH SUBJECT")?;
                Goal::Pushed(b, subject)
            }
            "deleted" => {
                let [b] = words("deleted", args, "one branch", "NAME")?;
                Goal::Deleted(b)
            }
            "merged" => {
                let [a, b] = words("merged", args, "two branches", "FROM INTO")?;
                Goal::Merged(a, b)
            }
            "server-runs" => {
                let [s, b] = words("server-runs", args, "a server and a branch", "SERVER BRANCH")?;
                Goal::ServerRuns(s, b)
            }
            "server-has" => {
                let (s, subject) = with_subject("server-has", args, "a server and a commit subject", "SERVER SUBJECT")?;
                Goal::ServerHas(s, subject)
            }
            "same-commit" => {
                let [a, b] = words("same-commit", args, "two servers", "SERVER SERVER")?;
                Goal::SameCommit(a, b)
            }
            "requested" => {
                let [s, code] = words("requested", args, "a server and a status", "SERVER STATUS")?;
                let code = code.parse::<u16>().map_err(|_| GoalError::Choice {
                    name: "requested",
                    word: code.clone(),
                    choices: "the HTTP statuses (200, 404, 422, 500…)",
                })?;
                Goal::Requested(s, code)
            }
            "config-clean" => {
                let [] = words("config-clean", args, "nothing", "")?;
                Goal::ConfigClean
            }
            "pr" => {
                let [n, state] = words("pr", args, "a number and a state", "N open|approved|changes-requested|merged")?;
                let n = n.parse::<u32>().map_err(|_| GoalError::Choice {
                    name: "pr",
                    word: n.clone(),
                    choices: "pull request numbers (1, 2…)",
                })?;
                let state = match state.as_str() {
                    "open" => PrGoal::Open,
                    "approved" => PrGoal::Approved,
                    "changes-requested" => PrGoal::ChangesRequested,
                    "merged" => PrGoal::Merged,
                    _ => {
                        return Err(GoalError::Choice {
                            name: "pr",
                            word: state,
                            choices: "open, approved, changes-requested, merged",
                        });
                    }
                };
                Goal::Pr(n, state)
            }
            "protected" => {
                let [b] = words("protected", args, "one branch", "BRANCH")?;
                Goal::Protected(b)
            }
            "users-affected" => {
                let [s, how] = words("users-affected", args, "a server and none|some", "SERVER none|some")?;
                let some = match how.as_str() {
                    "none" => false,
                    "some" => true,
                    _ => return Err(GoalError::Choice { name: "users-affected", word: how, choices: "none, some" }),
                };
                Goal::UsersAffected(s, some)
            }
            "runs-profile" => {
                let [s, env] = words(
                    "runs-profile",
                    args,
                    "a server and an environment",
                    "SERVER development|staging|production",
                )?;
                if Env::parse(&env).is_none() {
                    return Err(GoalError::Choice {
                        name: "runs-profile",
                        word: env,
                        choices: "development, staging, production",
                    });
                }
                Goal::RunsProfile(s, env)
            }
            "running" => {
                let [s] = words("running", args, "one server", "SERVER")?;
                Goal::Running(s)
            }
            other => return Err(GoalError::Unknown(other.to_string())),
        })
    }

    /// Whether the world meets the goal.
    pub fn met(&self, world: &World) -> bool {
        let local = world.local();
        let origin = world.origin();
        let server = |name: &str| world.servers().find(name);
        let runs = |name: &str| server(name).and_then(|s| s.live()).and_then(|d| d.commit.clone());
        match self {
            Goal::BranchExists(b) => local.is_some_and(|r| r.branches.contains_key(b)),
            Goal::CheckedOut(b) => local.and_then(|r| r.current_branch()) == Some(b.as_str()),
            Goal::HasCommit(b, subject) => local.is_some_and(|r| {
                r.branches.get(b).is_some_and(|tip| {
                    r.ancestors(tip).iter().any(|id| r.commit(id).is_some_and(|c| c.subject() == subject))
                })
            }),
            Goal::Pushed(b, subject) => local.is_some_and(|r| {
                r.branches.get(b).is_some_and(|tip| {
                    origin.branches.get(b) == Some(tip) && origin.commit(tip).is_some_and(|c| c.subject() == subject)
                })
            }),
            Goal::Deleted(b) => local.is_some_and(|r| !r.branches.contains_key(b)),
            Goal::Merged(from, into) => {
                let tip = local.and_then(|r| r.branches.get(from)).or_else(|| origin.branches.get(from));
                let into_tip = origin.branches.get(into);
                match (tip, into_tip) {
                    (Some(t), Some(i)) => t == i || origin.ancestors(i).contains(t),
                    _ => false,
                }
            }
            Goal::ServerRuns(s, b) => runs(s).is_some_and(|c| origin.branches.get(b) == Some(&c)),
            Goal::ServerHas(s, subject) => runs(s).is_some_and(|tip| {
                origin.ancestors(&tip).iter().any(|id| origin.commit(id).is_some_and(|c| c.subject() == subject))
            }),
            Goal::SameCommit(a, b) => runs(a).is_some_and(|c| runs(b) == Some(c)),
            Goal::Requested(s, code) => server(s).is_some_and(|s| s.answers.contains(code)),
            Goal::ConfigClean => report(world.work(), &Env::ALL).0,
            Goal::Pr(n, want) => world.hub().pr(*n).is_some_and(|p| match want {
                PrGoal::Open => p.state == PrState::Open,
                PrGoal::Approved => crate::github::Hub::approvals(p) > 0,
                PrGoal::ChangesRequested => {
                    crate::github::Hub::verdicts(p).values().any(|s| *s == crate::github::ReviewState::ChangesRequested)
                }
                PrGoal::Merged => p.state == PrState::Merged,
            }),
            Goal::Protected(b) => world.hub().protection.contains_key(b),
            Goal::UsersAffected(s, some) => server(s).is_some_and(|s| (s.users_affected > 0) == *some),
            Goal::RunsProfile(s, env) => server(s).and_then(|s| s.live()).is_some_and(|d| d.environment == *env),
            Goal::Running(s) => server(s).is_some_and(|s| s.status == Status::Running),
            Goal::All(gs) => gs.iter().all(|g| g.met(world)),
            Goal::Any(gs) => gs.iter().any(|g| g.met(world)),
            Goal::Not(g) => !g.met(world),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;

    #[test]
    fn goals_parse_and_follow_the_world() {
        let mut w = World::new();
        let g = |t: &str| Goal::parse(t).unwrap();
        assert!(!g("checked-out feature/x").met(&w));
        assert!(
            g("all(server-runs staging main, same-commit staging production, not(branch-exists feature/x))").met(&w)
        );
        for l in [
            "git checkout -b feature/x development",
            "git commit --allow-empty -m x",
            "git checkout development",
            "git merge feature/x",
            "git push",
            "git branch -d feature/x",
        ] {
            assert!(w.run(l).ok, "{l}");
        }
        assert!(g("merged feature/x development").met(&w) || g("deleted feature/x").met(&w));
        assert!(g("all(deleted feature/x, server-runs development development)").met(&w));
        assert!(g("any(protected main, config-clean)").met(&w));
        assert!(!g("protected main").met(&w));
        assert!(w.run("curl https://smart-chatbot.railway.app/").ok);
        assert!(g("requested production 200").met(&w));
        assert!(!g("requested production 404").met(&w));
        // An amended commit counts as pushed once origin has it instead.
        for l in ["git checkout -b feature/y", "git commit --allow-empty -m Draft", "git push -u origin feature/y"] {
            assert!(w.run(l).ok, "{l}");
        }
        assert!(g("pushed feature/y Draft").met(&w));
        assert!(w.run("git commit --amend --allow-empty -m 'Draft reviewed'").ok);
        assert!(!g("pushed feature/y Draft reviewed").met(&w) && !g("pushed feature/y Draft").met(&w));
        assert!(!w.run("git push").ok, "a plain push is refused after the amend");
        assert!(w.run("git push --force-with-lease").ok);
        assert!(g("pushed feature/y Draft reviewed").met(&w));
        assert!(w.run("gh pr create --base development --fill").ok);
        assert!(!g("pr 1 changes-requested").met(&w));
        assert!(w.run("@teammate gh pr review 1 --request-changes --body 'Say why'").ok);
        assert!(g("pr 1 changes-requested").met(&w) && !g("pr 1 approved").met(&w));
        assert!(w.run("@teammate gh pr review 1 --approve").ok);
        assert!(!g("pr 1 changes-requested").met(&w) && g("pr 1 approved").met(&w));
        for (bad, says) in [
            ("", "empty goal"),
            ("checked-out", "'checked-out' takes one branch"),
            ("pr one open", "pull request numbers"),
            ("pr 1 closed", "open, approved, changes-requested, merged"),
            ("pushed feature/x", "'pushed' takes a branch and a commit subject"),
            ("all(checked-out main", "never closed"),
            ("sideways main", "unknown goal 'sideways'"),
            ("checked-out (main)", "parentheses"),
        ] {
            let e = Goal::parse(bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
