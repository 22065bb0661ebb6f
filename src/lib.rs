//! copydesk: a review desk for editors and fact-checkers.
//!
//! The crate is a functional core with a thin desktop shell on top:
//!
//! - [`model`]: the review as data (sections, comments, claims, passages);
//! - [`edit`] and [`document`]: every change as a value that knows its inverse, and the one
//!   place that applies them (undo, redo, unsaved-changes tracking);
//! - [`import`]: drafts (plain text, Markdown, Word, web pages) into sections;
//! - [`open`]: a file the user named, project or article;
//! - [`folder_listing`]: what a folder holds, for the desk's own file chooser;
//! - [`project_file`]: the RON project file: read carefully, older versions upgraded, newer
//!   ones read as far as this version understands them;
//! - [`storage`]: keeping a review safe on disk: saving, atomic writes through a filesystem
//!   seam, backups, lock files, the recovery journal, the data folder;
//! - [`revise`]: carrying a review over to the writer's next draft;
//! - [`merge`]: two reviewers' copies brought together, and the conflicts settled;
//! - [`query`]: which claims a view lists, and what comes next in reading order;
//! - [`suggest`]: check-worthy sentences found automatically, and how well that works;
//! - [`library`]: every claim checked before, from the team's reviews, and the sentences of
//!   a draft that say one of them again;
//! - [`memo`], [`export`] and [`check`]: the review for people (the fact-check memo, the
//!   review report, the annotated article, a Word document), for tools (the JSON report) and
//!   for publishing pipelines (the gate);
//! - [`text`], [`fingerprint`], [`progress`], [`sample`]: small helpers, how far long work
//!   has come, the bundled sample;
//! - [`text_motion`]: where a caret goes in a section's text by character and by word;
//! - [`cli`]: the command line (the binary starts the desk when no command is given);
//! - [`app`]: the desk, a window drawn with a GUI toolkit, which reads the core and emits
//!   edits.
//!
//! Only [`app`] depends on the GUI toolkit. See docs/ARCHITECTURE.md.

pub mod app;
pub mod bidi;
pub mod check;
pub mod cli;
pub mod document;
pub mod edit;
pub mod export;
pub mod fetch;
pub mod fingerprint;
pub mod folder_listing;
pub mod import;
pub mod library;
pub mod memo;
pub mod merge;
pub mod model;
pub mod open;
pub mod progress;
pub mod project_file;
pub mod query;
pub mod revise;
pub mod sample;
pub mod storage;
pub mod suggest;
pub mod text;
pub mod text_motion;
