//! One module per route (`app::main_area` lists them).

pub mod home;
pub mod interview;
pub mod lesson;
pub mod not_found;
pub mod reference;
pub mod sandbox;
pub mod sheet;
