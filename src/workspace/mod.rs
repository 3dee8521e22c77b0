//! The workspace: the panels of one world, arranged for a page. The sandbox
//! shows them all; a lesson adds its panel before them; presenter mode
//! (`?present`) enlarges the terminal and the graph for a projector.

mod state;

pub use state::{Entry, Log, Request, WorkspaceState, close, opened, workspace};

use web_sys::{Element as DomElement, Node as DomNode};

use crate::markup::append_element;
use crate::pages::Page;
use crate::panels;

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

/// Draws the workspace's panels into `parent`; returns its grid, whose first
/// place a lesson's panel takes.
pub fn draw(parent: &DomNode, ws: &WorkspaceState, layout: Layout, page: &mut Page) -> Option<DomElement> {
    let class = match layout {
        Layout::Sandbox => "b2p-workspace",
        Layout::Lesson => "b2p-workspace b2p-workspace--lesson",
        Layout::Presenter => "b2p-workspace b2p-workspace--present",
    };
    let grid = append_element(parent, "div", class)?;
    panels::graph::repository(&grid, ws, page);
    panels::terminal::terminal(&grid, ws, page);
    panels::environments::environments(&grid, ws, page);
    if layout != Layout::Presenter {
        panels::pull_requests::pull_requests(&grid, ws, page);
        panels::profiles::profiles(&grid, ws, page);
        panels::editor::editor(&grid, ws, page);
    }
    panels::share::share(&grid, ws, page);
    Some(grid)
}
