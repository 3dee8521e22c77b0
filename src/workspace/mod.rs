//! The workspace: one world's signals ([`WorkspaceState`]), the memos of the
//! engine's read models a page's panels share ([`Models`], a context), and
//! [`Workspace`], which arranges the panels for a page. The sandbox shows
//! them all; a lesson adds its panel before them; presenter mode
//! (`?present`) enlarges the terminal and the graph for a projector.

mod state;

pub use state::{Entry, Log, Request, WorkspaceState, close, opened, workspace};

use engine::view::environments::{Environments, environments};
use engine::view::files::{File, files};
use engine::view::forms::{Item, workflow};
use engine::view::graph::{Layout as Graph, world_layout};
use engine::view::profiles::{Profiles, inputs, profiles};
use engine::view::pulls::{PullRow, pulls};
use engine::view::{Toolbar, toolbar};
use leptos::prelude::*;

use crate::panels;

/// One memo per read model of `engine::view`: each panel reads its own, so
/// a command re-renders only the panels whose model it changed. Memos are
/// lazy: a model no panel shows is never computed.
#[derive(Clone)]
pub struct Models {
    /// The world these are read from; buttons and forms act on it.
    pub ws: WorkspaceState,
    /// Where HEAD is, and the session's buttons.
    pub toolbar: Memo<Toolbar>,
    /// Every git step as a button or a form.
    pub workflow: Memo<Vec<Item>>,
    /// The server cards and the topology switch.
    pub environments: Memo<Environments>,
    /// Pull requests on origin.
    pub pulls: Memo<Vec<PullRow>>,
    /// The three profiles side by side.
    pub profiles: Memo<Profiles>,
    /// The working tree's files.
    pub files: Memo<Vec<File>>,
    /// The commit graph's rows, lanes and labels.
    pub graph: Memo<Graph>,
}

impl Models {
    fn new(ws: WorkspaceState) -> Self {
        let w = ws.clone();
        let toolbar = Memo::new(move |_| w.with_session(toolbar));
        let w = ws.clone();
        let workflow = Memo::new(move |_| w.with_world(workflow));
        let w = ws.clone();
        let environments = Memo::new(move |_| w.with_world(environments));
        let w = ws.clone();
        let pulls = Memo::new(move |_| w.with_world(pulls));
        // The profiles are read only when their inputs (the `.env` files and
        // the servers' variables) change: most commands leave them alone.
        let w = ws.clone();
        let profile_inputs = Memo::new(move |_| w.with_world(inputs));
        let w = ws.clone();
        let profiles = Memo::new(move |_| {
            profile_inputs.with(|_| ());
            w.with_session_untracked(|s| profiles(s.world()))
        });
        let w = ws.clone();
        let files = Memo::new(move |_| w.with_world(files));
        let w = ws.clone();
        let graph = Memo::new(move |_| w.with_world(world_layout));
        Self { ws, toolbar, workflow, environments, pulls, profiles, files, graph }
    }
}

/// Makes `ws` the workspace of the components below, with its memos.
pub fn provide_workspace(ws: WorkspaceState) -> Models {
    let models = Models::new(ws);
    provide_context(models.clone());
    models
}

/// The workspace of the page being drawn (a component below
/// [`provide_workspace`]).
pub fn expect_workspace() -> Models {
    expect_context::<Models>()
}

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

/// The workspace's panels in a grid.
///
/// - `ws`: the world they show and act on.
/// - `layout`: which panels, and how large.
/// - `typed`: a line waiting on the command line, focused (a "try it").
/// - `children`: what comes first in the grid (a lesson's panel).
#[component]
pub fn Workspace(
    ws: WorkspaceState,
    layout: Layout,
    #[prop(default = None)] typed: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    provide_workspace(ws);
    provide_context(panels::terminal::Typed(typed));
    let class = match layout {
        Layout::Sandbox => "b2p-workspace",
        Layout::Lesson => "b2p-workspace b2p-workspace--lesson",
        Layout::Presenter => "b2p-workspace b2p-workspace--present",
    };
    let full = layout != Layout::Presenter;
    view! {
        <div class=class>
            {children.map(|c| view! { <div class="b2p-workspace__lead">{c()}</div> })}
            <panels::graph::Repository />
            <panels::terminal::Terminal />
            <panels::environments::Environments />
            {full.then(|| view! {
                <panels::pull_requests::PullRequests />
                <panels::profiles::ProfilesPanel />
                <panels::editor::Editor />
            })}
            <panels::share::Share />
        </div>
    }
}
