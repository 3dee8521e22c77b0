//! One module per route (`router::Route`).

pub mod home;
pub mod lesson;
pub mod not_found;
pub mod sandbox;
