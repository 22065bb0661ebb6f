//! Stable identifiers for sections, comments, replies and claims.
//!
//! Ids are random, not sequential: two reviewers working on copies of the same project
//! create marks independently, and a later merge must be able to tell their marks apart.
//! They are short enough to read in the project file (`c-3f9a1c2e4b5d`).

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh id that no other project is likely to share (48 random bits).
            pub fn random() -> Self {
                Self(format!(concat!($prefix, "-{:012x}"), fastrand::u64(..) >> 16))
            }

            /// An id from its text form, as read from a project file.
            pub fn from_text(text: impl Into<String>) -> Self {
                Self(text.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a section across saves, merges and revised drafts.
    SectionId,
    "s"
);
id_type!(
    /// Identifies a comment.
    CommentId,
    "c"
);
id_type!(
    /// Identifies a reply within a comment thread.
    ReplyId,
    "r"
);
id_type!(
    /// Identifies a claim.
    ClaimId,
    "k"
);

/// Either kind of mark a reviewer puts on the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MarkId {
    Comment(CommentId),
    Claim(ClaimId),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_have_their_prefix_and_differ() {
        let a = CommentId::random();
        let b = CommentId::random();
        assert!(a.as_str().starts_with("c-"), "{a}");
        assert_eq!(a.as_str().len(), 14, "{a}");
        assert_ne!(a, b);
        assert!(SectionId::random().as_str().starts_with("s-"));
        assert!(ClaimId::random().as_str().starts_with("k-"));
    }
}
