//! How deep a real project file nests, against the limit the loader sets.

use super::*;
use crate::import::import_bytes;
use crate::model::DraftFormat;
use crate::revise::{ReviseOptions, revise};

/// How deeply the deepest real project file nests, as the RON reader counts levels: the
/// figure given in [`MAX_NESTING_DEPTH`]'s documentation.
const REAL_PROJECT_DEPTH: usize = 15;

/// The golden files of every released version (see tests/data/format/README.md).
const GOLDEN: [&str; 6] = [
    include_str!("../../tests/data/format/v1.copydesk.ron"),
    include_str!("../../tests/data/format/v2.copydesk.ron"),
    include_str!("../../tests/data/format/v3.copydesk.ron"),
    include_str!("../../tests/data/format/v4.copydesk.ron"),
    include_str!("../../tests/data/format/v4-word-tracked.copydesk.ron"),
    include_str!("../../tests/data/format/v4-word-comments.copydesk.ron"),
];

/// The smallest recursion limit at which the RON reader takes `text` as a project file.
fn depth_of(text: &str) -> usize {
    (1..=MAX_NESTING_DEPTH)
        .find(|&limit| {
            ron::Options::default()
                .with_recursion_limit(limit)
                .from_str::<FileIn>(text)
                .is_ok()
        })
        .expect("a real project nests less deeply than the limit")
}

/// The version 4 golden file carried over to a third draft: its earlier drafts then include a
/// revised one, the deepest structure the format has (an earlier draft's section's revision's
/// list of section ids), and every kind of mark record is there.
fn third_draft() -> String {
    let second = project_from_ron(Path::new("v4"), GOLDEN[3]).unwrap();
    let next = include_str!("../../assets/sample-article-draft-2.md").replace("1,400", "1,500");
    let imported = import_bytes(
        Path::new("sample-article-draft-3.md"),
        next.as_bytes(),
        DraftFormat::Markdown,
        jiff::Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    let third = revise(&second, imported, ReviseOptions::default()).project;
    assert_eq!(third.earlier_drafts.len(), 2);
    assert!(
        third.earlier_drafts[1]
            .sections
            .iter()
            .all(|s| s.revision.is_some())
    );
    ron_from_project(&third).unwrap()
}

#[test]
fn the_nesting_limit_leaves_room_over_the_deepest_real_project() {
    let deepest = GOLDEN
        .iter()
        .map(|text| depth_of(text))
        .chain([depth_of(&third_draft())])
        .max()
        .unwrap();
    assert_eq!(deepest, REAL_PROJECT_DEPTH, "update the figure in the docs");
    const { assert!(MAX_NESTING_DEPTH >= 4 * REAL_PROJECT_DEPTH) };
}
