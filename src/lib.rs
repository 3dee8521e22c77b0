//! Branch to Prod's page: a Leptos 0.8 app (client-side rendered) whose
//! components draw the engine's read models and send it actions. No engine
//! rule is implemented here.
//!
//! - [`app`]: the root component, the header, and the routes.
//! - [`workspace`]: one world per page (the sandbox, each lesson), its
//!   signals, the memos of its read models (a context), and the layout.
//! - [`panels`]: one folder per panel, each with its stylesheet.
//! - [`pages`]: one module per route.
//! - [`content`]: text fetched on first use (lessons, quiz, sheets).
//! - [`saved`], [`opening`]: work kept in the browser and opened from share
//!   links; [`notice`] says what happened; [`crash`] is the panic net, kept
//!   outside Leptos; [`offline`] the service worker.

pub mod app;
pub mod clipboard;
pub mod content;
pub mod crash;
pub mod links;
pub mod notice;
pub mod offline;
pub mod opening;
pub mod pages;
pub mod panels;
pub mod prose;
pub mod saved;
pub mod theme;
pub mod timer;
pub mod workspace;
