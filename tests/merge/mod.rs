//! Merging two reviewers' copies of a review: the properties every merge keeps, on random
//! sessions of reviewing (`properties`, `generate`), and `copydesk merge` as a script runs it
//! (`cli`).

mod cli;
mod generate;
mod properties;
