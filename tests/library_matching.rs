//! Matching a draft's sentences against the claim library: measured on a labelled set of
//! sentence pairs we wrote (`tests/data/library/`), and checked for false matches across the
//! articles of the shared news corpus.

mod labelled;
mod news;
