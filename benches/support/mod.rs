//! What the benchmark groups share: the generated book, the manuscript of real news sentences
//! and marks spread through it.

pub mod book;
pub mod manuscript;
pub mod marks;
