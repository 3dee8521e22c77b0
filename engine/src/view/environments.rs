//! The environments panel: one card per server of the topology, with the
//! button each allows (run/stop local, promote to production), and the
//! topology switch.

use super::Control;
use crate::action::Action;
use crate::servers::{Row, ServerName, Status, Topology};
use crate::world::World;

/// One server's card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// What the ledger says about it.
    pub row: Row,
    /// Its button, if it has one.
    pub control: Option<Control>,
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
                (ServerName::Local, _, _) => {
                    Some(Control::new("run-local", "Run python main.py", Action::RunLocal(Vec::new())))
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
            Card { row, control }
        })
        .collect();
    Environments { topology, switch, cards }
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
