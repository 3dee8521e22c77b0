//! The workspace: the panels of one world, arranged for a page. The sandbox
//! shows them all; a lesson adds its panel beside them; presenter mode
//! (`?present`) enlarges the terminal and the graph for a projector.

mod state;

pub use state::{Entry, Log, Request, WorkspaceState, Workspaces, expect_workspace, provide_workspace, provide_workspaces};

use leptos::prelude::*;

use crate::panels::editor::Editor;
use crate::panels::environments::Environments;
use crate::panels::graph::Repository;
use crate::panels::profiles::Profiles;
use crate::panels::pull_requests::PullRequests;
use crate::panels::terminal::Terminal;

/// How a page arranges the panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every panel: repository and terminal, environments, pull requests,
    /// profiles, files.
    Sandbox,
    /// A lesson's panel first, then the sandbox's panels.
    Lesson,
    /// Large type for a projector: repository, terminal, environments.
    Presenter,
}

/// A panel a page puts before the others (the lesson's goal and steps).
#[slot]
pub struct Lead {
    children: ChildrenFn,
}

/// The panels of the workspace provided above it ([`provide_workspace`]).
#[component]
pub fn Workspace(
    /// Which panels, and how large.
    layout: Layout,
    /// Shown first (a lesson's panel).
    #[prop(optional)]
    lead: Option<Lead>,
) -> impl IntoView {
    let full = layout != Layout::Presenter;
    view! {
        <div class="b2p-workspace" class:b2p-workspace--present=layout == Layout::Presenter
            class:b2p-workspace--lesson=layout == Layout::Lesson>
            {lead.map(|l| view! { <div class="b2p-workspace__lead">{(l.children)()}</div> })}
            {Repository().into_any()}
            {Terminal().into_any()}
            {Environments().into_any()}
            {full.then(|| [PullRequests().into_any(), Profiles().into_any(), Editor().into_any()])}
        </div>
    }
}
