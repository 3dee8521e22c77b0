pub mod commit_graph;
pub mod graph_toolbar;
pub mod servers;
pub mod terminal;
