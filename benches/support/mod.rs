//! What the benchmark groups share: the generated book, the manuscript of real news sentences,
//! marks spread through it, and driving the desk headless with its frames timed.

pub mod book;
pub mod desk;
pub mod manuscript;
pub mod marks;
