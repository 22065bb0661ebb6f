//! Integration tests, in one binary: one module per area, shared helpers in `common`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod book_generator;
mod browser;
mod cli;
mod comments_desk;
mod common;
#[cfg(target_os = "linux")] // Xvfb, and /proc to tell that the killed desk is gone
mod crash_recovery;
mod desk;
mod docx_hostile;
mod docx_import;
mod edits;
mod export;
mod export_cli;
mod export_desk;
mod fact_check_desk;
mod fetch;
mod file_chooser_desk;
mod format_versions;
mod git;
mod html_import;
mod import;
mod keyboard_desk;
mod layout_desk;
mod library;
mod library_desk;
mod library_matching;
mod libreoffice;
mod long_review_desk;
mod long_work_desk;
mod merge;
mod merge_desk;
mod project_file;
mod project_fuzz;
mod revise;
mod revise_desk;
mod rtl;
mod rtl_desk;
mod safe_save;
mod safekeeping_desk;
#[cfg(target_os = "linux")] // symbolic links, /proc
mod safekeeping_edge_cases;
mod starting_desk;
mod suggest;
mod webpage_article;
