//! The integration tests, as one binary (as helix-term and rustlings do):
//! one module per former file, so `cargo test` links one test binary here
//! and one for the pseudo-terminal (`tests/pty`) instead of twenty-two.
//!
//! Run one module with `cargo test --test it cli::` (a module path filters).

#[path = "../common/mod.rs"]
mod common;

mod boundaries;
mod cli;
mod cli_actions;
mod cli_commitments;
mod cli_cpd;
mod cli_records;
mod commitments_view;
mod crash;
mod facilitator_notes;
mod folders;
mod guide;
mod hostile;
mod loaders;
mod lock;
mod present;
mod present_views;
mod properties;
mod sizes;
mod toolkit_cap;
mod view;
