//! The workspace's panels, one folder each with its stylesheet. Each reads
//! the engine's read model through the workspace and dispatches actions.

mod control;
pub mod editor;
pub mod environments;
mod form;
pub mod graph;
pub mod lesson;
pub mod profiles;
pub mod pull_requests;
pub mod share;
pub mod terminal;

pub use control::button;
pub use form::form;
