//! Fast 64-bit fingerprints of values, for telling whether something derived from them (a
//! layout, the suggestions of a text) must be computed again.

use std::hash::{BuildHasher as _, Hash};

use foldhash::fast::FixedState;

/// A 64-bit hash for cache keys (foldhash: several times faster than SipHash on the
/// megabytes of a book's text, and keys need no protection from crafted collisions).
pub fn hash_of(value: &impl Hash) -> u64 {
    FixedState::default().hash_one(value)
}
