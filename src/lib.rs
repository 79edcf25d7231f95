//! allyship: an allyship toolkit for people in social work, social care and
//! health, in the terminal. The binary is a thin shell over this library, so
//! tests and benchmarks use the same code.
#![forbid(unsafe_code)]

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod content;
pub mod editor;
pub mod export;
pub mod journal;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod present;
pub mod progress;
pub mod reading;
pub mod render;
pub mod report;
pub mod rescue;
pub mod sanitise;
pub mod search;
pub mod settings;
pub mod store;
pub mod toc;
pub mod tui;
pub mod ui;
pub mod update;
