//! The three `.env` profiles side by side — the guide's table of environment
//! differences — with where each value comes from and each profile's check.

mod table;

use leptos::prelude::*;

pub use table::ProfilesTable;

use crate::workspace::expect_workspace;

/// The profiles panel (`data-testid=env-table`), from the workspace's memo.
#[component]
pub fn ProfilesPanel() -> impl IntoView {
    let profiles = expect_workspace().profiles;
    view! { <ProfilesTable profiles=profiles /> }
}
