//! The environments panel: one card per server of the topology, with the
//! button each allows (run/stop local, promote to production), and the
//! topology switch.

use super::Control;
use super::forms::{Choice, Field, Form};
use crate::action::Action;
use crate::config::check::Env;
use crate::repo::short;
use crate::servers::{Row, ServerName, Status, Topology};
use crate::world::World;

/// One server's card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// What the ledger says about it.
    pub row: Row,
    /// Its button, if it has one.
    pub control: Option<Control>,
    /// Its forms: run locally under a profile, roll production back, and
    /// the request console (while it runs).
    pub forms: Vec<Form>,
}

/// The panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Environments {
    /// The setup in use.
    pub topology: Topology,
    /// Switches to the other setup.
    pub switch: Control,
    /// The topology's servers, then the deploy previews.
    pub cards: Vec<Card>,
}

/// The environments as the page shows them.
pub fn environments(world: &World) -> Environments {
    let servers = world.servers();
    let topology = servers.topology;
    let other = topology.other();
    let switch =
        Control::new("topology", format!("Switch to the {} setup", other.name()), Action::Topology(Some(other)));
    let staging = servers.staging_commit();
    let cards = servers
        .rows(world.origin())
        .into_iter()
        .map(|row| {
            let control = match (row.name, row.preview, row.name.tracks(topology)) {
                (_, Some(_), _) => None,
                (ServerName::Local, _, _) if row.status == Status::Running => {
                    Some(Control::new("stop-local", "Stop (Ctrl+C)", Action::StopLocal))
                }
                (ServerName::Production, _, None) => {
                    let idle = match staging {
                        None => Some("Staging has not run anything yet".to_string()),
                        Some(s) if row.deployed.as_deref() == Some(s) => {
                            Some("Production already runs what staging runs".to_string())
                        }
                        Some(_) => None,
                    };
                    Some(Control::new("promote", "Promote staging's commit", Action::Promote(None)).unless(idle))
                }
                _ => None,
            };
            let mut forms = Vec::new();
            if row.name == ServerName::Local && row.status != Status::Running && row.preview.is_none() {
                forms.push(run_local());
            }
            if row.name == ServerName::Production && row.preview.is_none() && row.name.tracks(topology).is_none() {
                forms.push(rollback(world, row.deployed.as_deref()));
            }
            if row.status == Status::Running || row.status == Status::Unreachable {
                forms.push(console(&row.url));
            }
            Card { row, control, forms }
        })
        .collect();
    Environments { topology, switch, cards }
}

fn run_local() -> Form {
    Form {
        name: "run-local",
        submit: "Run python main.py".into(),
        fields: vec![Field::Choice {
            name: "env",
            label: "APP_ENV",
            options: Env::ALL.iter().map(|e| Choice::same(e.name())).collect(),
            value: "development".into(),
        }],
        template: "APP_ENV=ENV python main.py",
        why: None,
    }
}

/// Production back to an earlier commit staging ran (newest first).
fn rollback(world: &World, deployed: Option<&str>) -> Form {
    let origin = world.origin();
    let mut seen = Vec::new();
    for id in world.servers().get(ServerName::Staging).history.iter().rev() {
        if Some(short(id)) != deployed.map(short) && !seen.contains(id) {
            seen.push(id.clone());
        }
    }
    let options: Vec<Choice> = seen
        .iter()
        .map(|id| Choice {
            value: short(id).to_string(),
            text: format!("{} {}", short(id), origin.commit(id).map_or("", |c| c.subject())),
        })
        .collect();
    Form {
        name: "rollback",
        submit: "Roll back production".into(),
        why: seen.is_empty().then(|| "Staging has run no other commit to go back to".to_string()),
        fields: vec![Field::Choice {
            name: "commit",
            label: "Commit staging ran",
            value: options.first().map(|c| c.value.clone()).unwrap_or_default(),
            options,
        }],
        template: "deploy production COMMIT",
    }
}

/// The request console: method, path, Origin and message → a `curl` line.
fn console(url: &str) -> Form {
    Form {
        name: "request",
        submit: "Send request".into(),
        fields: vec![
            Field::Hidden { name: "url", value: url.to_string() },
            Field::Choice {
                name: "method",
                label: "Method",
                options: super::console::METHODS.iter().map(|m| Choice::same(m)).collect(),
                value: "GET".into(),
            },
            Field::Choice {
                name: "path",
                label: "Path",
                options: vec![Choice::same("/"), Choice::same("/chat")],
                value: "/".into(),
            },
            Field::Text {
                name: "origin",
                label: "Origin",
                placeholder: "https://evil.example".into(),
                required: false,
            },
            Field::Text {
                name: "message",
                label: "Message",
                placeholder: "How much does it cost?".into(),
                required: false,
            },
        ],
        template: "curl -i [-X METHOD] [-H 'Origin: …'] URL/PATH",
        why: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::Terminal;

    #[test]
    fn promote_is_idle_until_staging_runs_something_new() {
        let mut w = World::new();
        let prod = |w: &World| environments(w).cards.into_iter().find(|c| c.row.label == "production").unwrap();
        let c = prod(&w).control.unwrap();
        assert!(!c.enabled);
        assert_eq!(c.why.as_deref(), Some("Production already runs what staging runs"));
        for l in ["git commit --allow-empty -m release", "git push origin main"] {
            assert!(w.run(l).ok, "{l}");
        }
        let c = prod(&w).control.unwrap();
        assert!(c.enabled, "{c:?}");
        assert_eq!(c.title(), "Runs: deploy production");
        let e = environments(&w);
        assert_eq!(e.switch.action.to_line(), "topology minimal");
        w.apply(&e.switch.action);
        assert_eq!(environments(&w).switch.label, "Switch to the professional setup");
        assert!(prod(&w).control.is_none(), "minimal production deploys main itself");
    }
}
