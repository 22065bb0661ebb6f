//! Bringing two reviewers' copies of a review together, record by record and field by field,
//! never losing a mark: what one side changed is taken, what both changed differently is kept
//! as a conflict for a person to settle (`resolve`).

mod resolve;

pub use resolve::{Pick, resolution_edit};
