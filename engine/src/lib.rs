//! Branch to Prod's engine: the simulated world a learner operates — a virtual
//! git repository with a remote and a teammate, GitHub's pull requests, the
//! servers and their `.env` profiles — and the terminal that drives it.
//!
//! Pure Rust with no web dependencies. One direction of flow: a typed line
//! ([`terminal`]) or a button becomes an [`Action`]; [`World::apply`] (through
//! [`Session`], which adds undo) is the only way the world changes; [`view`]
//! computes what the page draws. Rules live in the noun's module: [`git`],
//! [`github`], [`servers`], [`config`], [`chatbot`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod action;
pub mod chatbot;
pub mod clock;
pub mod config;
pub mod diff;
pub mod git;
pub mod github;
pub mod grammar;
pub mod interview;
pub mod lesson;
pub mod order;
pub mod outcome;
pub mod project;
pub mod quiz;
pub mod refname;
pub mod replay;
pub mod repo;
pub mod servers;
pub mod session;
pub mod share;
pub mod sheet;
pub mod terminal;
pub mod tree_merge;
pub mod view;
pub mod world;

pub use action::{Action, Apply};
pub use outcome::{Event, Outcome};
pub use replay::ReplayState;
pub use session::Session;
pub use terminal::Terminal;
pub use world::World;
