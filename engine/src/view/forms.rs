//! Every step of the guide's flow as a button or a small form. A form's
//! fields fill in a command line, and the terminal's own parser turns that
//! line into the action: a click and the typed line are the same action by
//! construction, and the terminal echoes exactly that line.

use super::Control;
use crate::action::Action;
use crate::grammar::{self, quote};
use crate::project::EDITS;
use crate::terminal::parse;
use crate::world::World;

/// One option of a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the command line gets.
    pub value: String,
    /// What the learner reads.
    pub text: String,
}

impl Choice {
    pub(crate) fn same(value: &str) -> Self {
        Self { value: value.to_string(), text: value.to_string() }
    }
}

/// One input of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// Free text (a branch name, a commit message).
    Text {
        /// The form value's name.
        name: &'static str,
        /// Its label.
        label: &'static str,
        /// An example from the guide.
        placeholder: String,
        /// Whether the command needs it.
        required: bool,
    },
    /// A value the learner does not choose (the card's server URL).
    Hidden {
        /// The form value's name.
        name: &'static str,
        /// Its value.
        value: String,
    },
    /// One of a few values.
    Choice {
        /// The form value's name.
        name: &'static str,
        /// Its label.
        label: &'static str,
        /// The options, in order.
        options: Vec<Choice>,
        /// The one chosen first.
        value: String,
    },
}

/// A form: fields, and a button that runs the command they fill in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Stable name for tests (`data-action`) and for [`build`].
    pub name: &'static str,
    /// The button's text.
    pub submit: String,
    /// Its inputs.
    pub fields: Vec<Field>,
    /// The command it runs, with the fields as placeholders (`git checkout -b NAME START`).
    pub template: &'static str,
    /// Why it is disabled, when it is.
    pub why: Option<String>,
}

/// A button or a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// One fixed action.
    Button(Control),
    /// An action with inputs.
    Form(Form),
}

/// The command line a form's values fill in (`values` as (name, value)).
pub fn line(form: &str, values: &[(String, String)]) -> Result<String, String> {
    let get_raw = |k: &str| values.iter().find(|(n, _)| n == k).map_or("", |(_, v)| v.as_str());
    let get = |k: &str| get_raw(k).trim();
    Ok(match form {
        "branch" => grammar::line(&["git", "checkout", "-b", get("name"), get("start")]),
        "switch" => grammar::line(&["git", "checkout", get("branch")]),
        "commit" => grammar::line(&["git", "commit", "-m", get("message")]),
        // No new message keeps the last commit's (git has no editor here).
        "amend" if get("message").is_empty() => grammar::line(&["git", "commit", "--amend", "--no-edit"]),
        "amend" => grammar::line(&["git", "commit", "--amend", "-m", get("message")]),
        "merge" => grammar::line(&["git", "merge", get("branch")]),
        "delete" => grammar::line(&["git", "branch", "-d", get("branch")]),
        "edit" => grammar::line(&["edit", get("change")]),
        "pr-create" if get("title").is_empty() => {
            grammar::line(&["gh", "pr", "create", "--base", get("base"), "--fill"])
        }
        "pr-create" => {
            grammar::line(&["gh", "pr", "create", "--base", get("base"), "--title", get("title"), "--body", ""])
        }
        "rollback" => grammar::line(&["deploy", "production", get("commit")]),
        "pr-changes" => grammar::line(&[
            "@teammate",
            "gh",
            "pr",
            "review",
            get("number"),
            "--request-changes",
            "--body",
            get("body"),
        ]),
        // main.py loads .env.development by itself (the guide's `python main.py`).
        "run-local" if get("env") == "development" => "python main.py".to_string(),
        "run-local" => format!("APP_ENV={} python main.py", quote(get("env"))),
        // The editor's Save: what `echo TEXT > PATH` writes (echo adds the final newline).
        "save" => super::files::save(get("path"), get_raw("text")).to_line(),
        "request" => super::console::line(get("url"), get("method"), get("path"), get("origin"), get("message")),
        _ => return Err(format!("no form named {form}")),
    })
}

/// The action a form's values ask for: its [`line`], parsed as the terminal
/// parses a typed line.
pub fn build(form: &str, values: &[(String, String)]) -> Result<Action, String> {
    let text = line(form, values)?;
    parse::action(&text).map_err(|e| e.to_string())
}

/// A fixed command line as a button.
pub(crate) fn button(name: &'static str, label: impl Into<String>, line: &str) -> Control {
    match parse::action(line) {
        Ok(action) => Control::new(name, label, action),
        // Unreachable for the literal lines below; stay total anyway.
        Err(e) => Control::new(name, label, Action::Shell(crate::action::Builtin::Help)).unless(Some(e.to_string())),
    }
}

/// The repository's actions, in the order of the guide's flow: branch,
/// switch, change, stage, commit, merge, share, review, protect.
pub fn workflow(world: &World) -> Vec<Item> {
    let Some(repo) = world.local() else {
        let init = button("init", "git init", "git init");
        return vec![Item::Button(init)];
    };
    let current = repo.current_branch().map(str::to_string);
    let mut local: Vec<Choice> = repo.branches.keys().map(|b| Choice::same(b)).collect();
    // Branches only on origin: `git checkout NAME` creates the local one.
    let remote_only: Vec<Choice> = repo
        .remote_tracking
        .keys()
        .filter_map(|r| r.strip_prefix("origin/"))
        .filter(|b| *b != "HEAD" && !repo.branches.contains_key(*b))
        .map(Choice::same)
        .collect();
    let others: Vec<Choice> =
        local.iter().filter(|c| Some(&c.value) != current.as_ref()).cloned().chain(remote_only).collect();
    let first_other = |prefer: &str| {
        others.iter().find(|c| c.value == prefer).or(others.first()).map(|c| c.value.clone()).unwrap_or_default()
    };
    let on = current.clone().unwrap_or_else(|| "HEAD".into());
    let start = if repo.branches.contains_key("development") { "development".to_string() } else { on.clone() };
    crate::order::sort_by_key(&mut local, |c| c.value != start);
    let mergeable: Vec<Choice> = others
        .iter()
        .cloned()
        .chain(repo.remote_tracking.keys().filter(|r| !r.ends_with("/HEAD")).map(|r| Choice::same(r)))
        .collect();
    // Local branches other than the current one (what `git branch -d` can delete).
    let local_others: Vec<Choice> =
        repo.branches.keys().filter(|b| Some(*b) != current.as_ref()).map(|b| Choice::same(b)).collect();
    let none_other = others.is_empty().then(|| "There is no other branch yet".to_string());
    let upstream = current.as_deref().and_then(|b| repo.upstream_of(b));
    let push = match (&current, &upstream) {
        (Some(_), Some(_)) => button("push", "Push", "git push"),
        (Some(b), None) => {
            button("push", format!("Push {b} to origin"), &grammar::line(&["git", "push", "-u", "origin", b]))
        }
        (None, _) => button("push", "Push", "git push").unless(Some("HEAD is detached: switch to a branch".into())),
    };
    // After a review: the pushed branch's rewritten commit replaces origin's,
    // but only if origin still has what this clone last fetched.
    let lease = button("push-lease", "Force-push with lease", "git push --force-with-lease").unless(
        match (&current, &upstream) {
            (None, _) => Some("HEAD is detached: switch to a branch".into()),
            (Some(_), None) => Some("Push this branch to origin first".into()),
            (Some(_), Some(_)) => None,
        },
    );
    let last_subject = repo.head_commit().and_then(|id| repo.commit(id)).map(|c| c.subject().to_string());
    let protected = world.hub().protection.contains_key("main");
    let protect = if protected {
        button("protect", "Unprotect main", "protect main --off")
    } else {
        button("protect", "Protect main (PR + 1 review)", "protect main --require-pr --approvals 1")
    };
    vec![
        Item::Form(Form {
            name: "branch",
            submit: "New branch".into(),
            fields: vec![
                Field::Text {
                    name: "name",
                    label: "Name",
                    placeholder: "feature/new-chatbot-intent".into(),
                    required: true,
                },
                Field::Choice { name: "start", label: "from", options: local, value: start },
            ],
            template: "git checkout -b NAME START",
            why: None,
        }),
        Item::Form(Form {
            name: "switch",
            submit: "Switch".into(),
            fields: vec![Field::Choice {
                name: "branch",
                label: "Branch",
                options: others.clone(),
                value: first_other("development"),
            }],
            template: "git checkout BRANCH",
            why: none_other.clone(),
        }),
        Item::Form(Form {
            name: "edit",
            submit: "Make the change".into(),
            fields: vec![Field::Choice {
                name: "change",
                label: "The guide's change",
                options: EDITS.iter().map(|e| Choice { value: e.name.into(), text: e.about.into() }).collect(),
                value: EDITS[0].name.into(),
            }],
            template: "edit CHANGE",
            why: None,
        }),
        Item::Button(button("add", "Stage all (git add .)", "git add .")),
        Item::Form(Form {
            name: "commit",
            submit: "Commit".into(),
            fields: vec![Field::Text {
                name: "message",
                label: "Message",
                placeholder: "Add product inquiry intent".into(),
                required: true,
            }],
            template: "git commit -m MESSAGE",
            why: None,
        }),
        Item::Form(Form {
            name: "amend",
            submit: "Amend the last commit".into(),
            fields: vec![Field::Text {
                name: "message",
                label: "New message",
                placeholder: last_subject
                    .clone()
                    .map_or_else(|| "(keep the message)".into(), |s| format!("(keep: {s})")),
                required: false,
            }],
            template: "git commit --amend -m MESSAGE",
            why: last_subject.is_none().then(|| "There is no commit to amend yet".to_string()),
        }),
        Item::Form(Form {
            name: "merge",
            submit: format!("Merge into {on}"),
            fields: vec![Field::Choice {
                name: "branch",
                label: "Branch",
                options: mergeable,
                value: first_other("development"),
            }],
            template: "git merge BRANCH",
            why: current.is_none().then(|| "HEAD is detached: switch to the branch to merge into".into()),
        }),
        Item::Form(Form {
            name: "delete",
            submit: "Delete branch".into(),
            fields: vec![Field::Choice {
                name: "branch",
                label: "Branch",
                options: local_others.clone(),
                value: local_others
                    .iter()
                    .find(|c| c.value.starts_with("feature/"))
                    .or(local_others.first())
                    .map(|c| c.value.clone())
                    .unwrap_or_default(),
            }],
            template: "git branch -d BRANCH",
            why: local_others.is_empty().then(|| "There is no other local branch".to_string()),
        }),
        Item::Button(push),
        Item::Button(lease),
        Item::Button(button("pull", "Pull", "git pull")),
        Item::Button(button("fetch", "Fetch", "git fetch")),
        Item::Form(Form {
            name: "pr-create",
            submit: "Open a pull request".into(),
            fields: vec![
                Field::Choice {
                    name: "base",
                    label: "into",
                    options: vec![Choice::same("development"), Choice::same("main")],
                    value: if current.as_deref() == Some("development") { "main" } else { "development" }.into(),
                },
                Field::Text {
                    name: "title",
                    label: "Title",
                    placeholder: "(from the commits)".into(),
                    required: false,
                },
            ],
            template: "gh pr create --base BASE --title TITLE",
            why: upstream.is_none().then(|| "Push this branch to origin first".to_string()),
        }),
        Item::Button(protect),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
    }

    #[test]
    fn a_form_is_the_typed_line() {
        let a = build("branch", &values(&[("name", "feature/new-chatbot-intent"), ("start", "development")])).unwrap();
        assert_eq!(a.to_line(), "git checkout -b feature/new-chatbot-intent development");
        let a = build("commit", &values(&[("message", "Add product inquiry intent")])).unwrap();
        assert_eq!(a.to_line(), "git commit -m 'Add product inquiry intent'");
        let a = build("amend", &values(&[("message", "")])).unwrap();
        assert_eq!(a.to_line(), "git commit --amend --no-edit");
        let a = build("amend", &values(&[("message", "Add Chinese voice recognition")])).unwrap();
        assert_eq!(a.to_line(), "git commit --amend -m 'Add Chinese voice recognition'");
        let a = build("run-local", &values(&[("env", "production")])).unwrap();
        assert_eq!(a.to_line(), "APP_ENV=production python main.py");
        assert_eq!(build("run-local", &values(&[("env", "development")])).unwrap().to_line(), "python main.py");
        // A hostile value stays one word of the command.
        let a = build("commit", &values(&[("message", "x'; reset; echo '<img src=x>")])).unwrap();
        let mut w = World::new();
        assert_eq!(crate::terminal::parse::action(&a.to_line()).unwrap(), a);
        assert!(!w.apply(&a).ok, "nothing to commit");
        assert!(build("nope", &[]).is_err());
    }

    #[test]
    fn the_workflow_follows_the_repository() {
        let mut w = World::new();
        let names = |w: &World| {
            workflow(w)
                .into_iter()
                .map(|i| match i {
                    Item::Button(c) => (c.name, c.enabled),
                    Item::Form(f) => (f.name, f.why.is_none()),
                })
                .collect::<Vec<_>>()
        };
        assert!(names(&w).contains(&("pr-create", true)), "main has an upstream");
        assert!(w.run("git checkout -b feature/x development").ok);
        let items = workflow(&w);
        let Some(Item::Button(push)) = items.iter().find(|i| matches!(i, Item::Button(c) if c.name == "push")) else {
            panic!("no push")
        };
        assert_eq!(push.action.to_line(), "git push -u origin feature/x");
        assert!(names(&w).contains(&("pr-create", false)));
        assert!(names(&w).contains(&("push-lease", false)), "nothing pushed to lease yet");
        assert!(w.apply(&push.action).ok);
        assert!(names(&w).contains(&("pr-create", true)));
        assert!(names(&w).contains(&("push-lease", true)));
        let protect = workflow(&w)
            .into_iter()
            .find_map(|i| match i {
                Item::Button(c) if c.name == "protect" => Some(c),
                _ => None,
            })
            .unwrap();
        assert!(w.apply(&protect.action).ok);
        assert!(w.hub().protection.contains_key("main"));
    }

    proptest::proptest! {
        /// Whatever a learner types into a form's fields — Unicode, quotes,
        /// `;`, `&&`, `>` — the form is one command, and its echo parses back
        /// to the same action (or the parser's own error, never a panic).
        #[test]
        fn any_field_value_stays_one_command(
            form in proptest::sample::select(vec!["branch", "switch", "commit", "amend", "merge", "delete", "edit", "pr-create", "pr-changes", "rollback", "run-local", "request", "save"]),
            a in "[a-z'\"~^=;&>| ]{0,6}\\PC{0,6}",
            b in "\\PC{0,10}",
        ) {
            let names = ["name", "start", "branch", "message", "change", "base", "title", "commit", "env", "url", "method", "path", "origin", "text", "number", "body"];
            let v: Vec<(String, String)> = names.iter().enumerate().map(|(i, n)| ((*n).to_string(), if i % 2 == 0 { a.clone() } else { b.clone() })).collect();
            if let Ok(action) = build(form, &v) {
                proptest::prop_assert_eq!(crate::terminal::parse::action(&action.to_line()).ok(), Some(action));
            }
        }
    }
}
