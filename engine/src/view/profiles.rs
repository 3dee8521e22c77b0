//! The three `.env` profiles side by side, with where each value comes from
//! and what the configuration check says about each profile.

use crate::config::check::{Env, report};
use crate::config::profiles::{self, Row};
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
    Profiles { rows: profiles::table(work), checks }
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
    }
}
