//! The three `.env` profiles side by side, with where each value comes from
//! and what the configuration check says about each profile.

use crate::config::check::{Env, report};
use crate::config::profiles::{self, Row};
use crate::servers::{Deployment, Status};
use crate::world::World;

/// One profile's config check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The environment.
    pub env: Env,
    /// No errors (warnings may remain).
    pub ok: bool,
    /// What `config check ENV` prints.
    pub lines: Vec<String>,
}

/// The profiles table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profiles {
    /// One row per setting the app reads; cells in [`Env::ALL`] order.
    pub rows: Vec<Row>,
    /// The check of each profile, in [`Env::ALL`] order.
    pub checks: Vec<Check>,
    /// For each running server, where each setting it uses came from.
    pub provenance: Vec<Provenance>,
}

/// Where a running server's settings came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The server (`production`).
    pub server: String,
    /// Its profile (`.env.production`).
    pub profile: String,
    /// (key, source): `API_DEBUG`, `.env.production:3`; a platform variable; the command line; the default.
    pub sources: Vec<(String, String)>,
}

/// What [`profiles`] reads: the working tree's profiles, and what each server
/// runs (its deployment, status and platform variables). Cheap to compare, so
/// the page recomputes the table — which starts each server's app — only
/// when one of these changed.
pub type Inputs = (Vec<Option<String>>, Vec<(Option<Deployment>, Status, Vec<(String, String)>)>);

/// The current [`Inputs`].
pub fn inputs(world: &World) -> Inputs {
    let files = Env::ALL.iter().map(|e| world.work().get(&e.file()).cloned()).collect();
    let servers = world.servers().all().map(|s| (s.deployed.clone(), s.status, s.vars.clone())).collect();
    (files, servers)
}

/// The working tree's profiles.
pub fn profiles(world: &World) -> Profiles {
    let work = world.work();
    let checks = Env::ALL
        .iter()
        .map(|&env| {
            let (ok, lines) = report(work, &[env]);
            Check { env, ok, lines }
        })
        .collect();
    let provenance = world
        .servers()
        .all()
        .filter_map(|s| {
            let app = s.app()?;
            let sources = app.sources.iter().map(|(k, src)| (k.clone(), src.describe())).collect();
            Some(Provenance { server: s.label(), profile: s.env_file(), sources })
        })
        .collect();
    Profiles { rows: profiles::table(work), checks, provenance }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::profiles::Cell;

    #[test]
    fn seed_profiles_differ_where_the_guide_says() {
        let p = profiles(&World::new());
        let debug = p.rows.iter().find(|r| r.key == "API_DEBUG").unwrap();
        assert!(debug.differs);
        assert!(matches!(&debug.cells[0], Cell::Set { value, .. } if value == "true"));
        assert!(p.checks.iter().all(|c| c.ok), "{:?}", p.checks);
        let dev = p.provenance.iter().find(|p| p.server == "development").unwrap();
        let host = dev.sources.iter().find(|(k, _)| k == "API_HOST").unwrap();
        assert_eq!(host.1, "platform variable (wins over the file)", "the guide's platform API_HOST");
    }
}
