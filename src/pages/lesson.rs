//! `/lesson/:id`: a lesson beside a workspace of its own, so what the learner
//! does in a lesson never touches the sandbox (or another lesson).

use engine::share::Start;
use web_sys::Node as DomNode;

use crate::markup::append_element;
use crate::pages::Page;
use crate::panels::lesson::lesson_panel;
use crate::workspace::{self, Layout, workspace};

/// The lesson page.
pub fn lesson(main: &DomNode, id: &str, presenting: bool, page: &mut Page) {
    let (ws, _) = workspace(&Start::Lesson(id.to_string()));
    let layout = if presenting { Layout::Presenter } else { Layout::Lesson };
    let Some(grid) = workspace::draw(main, &ws, layout, page) else { return };
    // The lesson's panel comes first.
    let Some(lead) = append_element(&grid, "div", "b2p-workspace__lead") else { return };
    let _ = grid.insert_before(&lead, grid.first_child().as_ref());
    lesson_panel(&lead, id, &ws, page);
}
