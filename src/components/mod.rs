pub mod commit_graph;
pub mod graph_toolbar;
pub mod terminal;
