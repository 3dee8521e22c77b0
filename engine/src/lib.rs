//! Branch to Prod's engine: the simulated world a learner operates — a virtual
//! git repository with a remote and teammates — and the terminal that drives it.
//!
//! Pure Rust with no web dependencies: the page renders [`World`] and sends
//! [`Action`]s; everything else (rules, wording, refusals) lives here.
#![forbid(unsafe_code)]

pub mod clock;
pub mod config;
pub mod diff;
pub mod git;
pub mod github;
pub mod project;
pub mod refname;
pub mod repo;
pub mod servers;
pub mod session;
pub mod shell;
pub mod state;
pub mod world;

pub use session::Session;
pub use state::State;
pub use world::{Action, Outcome, World};
