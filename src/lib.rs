//! copydesk: a review desk for editors and fact-checkers.
//!
//! The crate is a functional core with a thin desktop shell on top:
//!
//! - [`model`]: the review as data (sections, comments, claims, passages);
//! - [`edit`] and [`document`]: every change as a value that knows its inverse, and the one
//!   place that applies them (undo, redo, unsaved-changes tracking);
//! - [`import`]: plain-text and Markdown drafts into sections;
//! - [`project_file`]: the RON project file, loaded carefully and saved atomically;
//! - [`storage`]: keeping a review safe on disk: atomic writes through a filesystem seam,
//!   backups, lock files, the recovery journal;
//! - [`suggest`]: check-worthy sentences found automatically, and how well that works;
//! - [`report`] and [`check`]: the state of the review for people, tools and pipelines;
//! - [`open`]: a file the user named, project or article;
//! - [`progress`]: how far long work has come, counted by the thread doing it;
//! - [`cli`]: the command line;
//! - [`app`]: the eframe/egui desk, which reads the core and emits edits.
//!
//! Only [`app`] depends on egui. See docs/ARCHITECTURE.md.

pub mod app;
pub mod check;
pub mod cli;
pub mod document;
pub mod edit;
pub mod export;
pub mod import;
pub mod model;
pub mod open;
pub mod progress;
pub mod project_file;
pub mod report;
pub mod revise;
pub mod sample;
pub mod storage;
pub mod suggest;
pub mod text;
