//! Stable identifiers for sections, comments, replies, claims, sources, reviewers and merge
//! conflicts.
//!
//! Ids are random, not sequential: two reviewers working on copies of the same project
//! create marks independently, and a later merge must be able to tell their marks apart.
//! They are short enough to read in the project file (`c-3f9a1c2e4b5d`).

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// An id that always stands for the same `key` (a reviewer's name in a file from
            /// before reviewers had ids, a source by its claim and place): two copies of one
            /// old file upgrade to the same ids, so they still merge.
            pub fn derived_from(key: &str) -> Self {
                use sha2::Digest as _;
                let digest = sha2::Sha256::digest(key.as_bytes());
                let hex: String = digest[..6].iter().map(|byte| format!("{byte:02x}")).collect();
                Self(format!(concat!($prefix, "-{}"), hex))
            }

            /// Whether the id was never set (a record read from a file that had none).
            pub fn is_unset(&self) -> bool {
                self.0.is_empty()
            }

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

id_type!(
    /// Identifies a source of a claim, so two reviewers' sources can be told apart.
    SourceId,
    "src"
);
id_type!(
    /// Identifies a person who reviews: generated once on their computer and kept in their
    /// preferences, so their marks are theirs whatever name they give.
    ReviewerId,
    "p"
);
id_type!(
    /// Identifies a conflict a merge found.
    ConflictId,
    "x"
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

    #[test]
    fn derived_ids_are_the_same_for_the_same_key_and_differ_otherwise() {
        assert_eq!(
            ReviewerId::derived_from("Ana"),
            ReviewerId::derived_from("Ana")
        );
        assert_ne!(
            ReviewerId::derived_from("Ana"),
            ReviewerId::derived_from("Bo")
        );
        assert_eq!(ReviewerId::derived_from("Ana").as_str().len(), 14);
        assert!(ReviewerId::default().is_unset());
    }
}
