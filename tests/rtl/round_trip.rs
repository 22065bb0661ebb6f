//! Marks on right-to-left text through save and reopen: the text (direction marks included)
//! and each mark's characters, quote and context come back as they were.

use copydesk::project_file::load_project;
use copydesk::storage::RealFileSystem;
use copydesk::storage::save::{Expectation, SaveRequest, save_project};
use jiff::Timestamp;

use super::reviewed;
use crate::common::temp_dir;

#[test]
fn marks_on_right_to_left_text_come_back_after_save_and_reopen() {
    let folder = temp_dir();
    for name in ["arabic", "hebrew", "mixed"] {
        let project = reviewed(name);
        let path = folder.path().join(format!("{name}.copydesk.ron"));
        save_project(
            &RealFileSystem,
            SaveRequest {
                project: &project,
                path: &path,
                expect: Expectation::Overwrite,
                backups: None,
                upgrading_from: None,
            },
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        let reopened = load_project(&path).unwrap();
        assert_eq!(reopened, project, "{name}");
        let passages = reopened
            .comments
            .iter()
            .filter_map(|c| c.passage.as_ref().map(|p| (&c.section, p)))
            .chain(reopened.claims.iter().map(|c| (&c.section, &c.passage)));
        let mut count = 0;
        for (section, passage) in passages {
            let text = &reopened
                .sections
                .iter()
                .find(|s| &s.id == section)
                .unwrap()
                .text;
            let at: String = text
                .chars()
                .skip(passage.start)
                .take(passage.end - passage.start)
                .collect();
            assert_eq!(at, passage.quote, "{name}: the mark is on its words");
            count += 1;
        }
        assert!(count > 0, "{name} has marks");
    }
    let arabic = load_project(&folder.path().join("arabic.copydesk.ron")).unwrap();
    assert!(
        arabic.sections[1].text.contains("\n\u{200F}CNN نقلت"),
        "the direction mark is kept"
    );
}
