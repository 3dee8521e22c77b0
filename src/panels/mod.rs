//! The workspace's panels, one folder each with its stylesheet. Each reads
//! its read model's memo from the workspace context and dispatches actions.

mod control;
pub mod editor;
pub mod environments;
pub(crate) mod form;
pub mod graph;
pub mod lesson;
pub mod profiles;
pub mod pull_requests;
pub mod share;
pub mod terminal;

pub use control::{ControlButton, Controls};
pub use form::ActionForm;
