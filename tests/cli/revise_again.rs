//! `copydesk revise` run again on the draft the project already holds, as a pipeline that
//! re-runs every step does: it succeeds, says nothing changed, and leaves the project as it was.

use crate::common::cli::{run, stderr, stdout};
use crate::common::{copydesk, temp_dir, write};

const ARTICLE: &str = "Harbour Ferry Returns\n\nThe ferry to the island runs again from Monday, the council said.\n\nTimetable\n\nBoats leave every forty minutes between seven and nine.\n";

#[test]
fn revising_with_the_same_draft_exits_0_and_changes_nothing() {
    let dir = temp_dir();
    let data = temp_dir();
    let article = dir.path().join("ferry.txt");
    write(&article, ARTICLE);
    let project_path = dir.path().join("ferry.copydesk.ron");
    let project_arg = project_path.to_str().unwrap();
    let article_arg = article.to_str().unwrap();
    let output = run(&["import", article_arg, "-o", project_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let before = std::fs::read(&project_path).unwrap();
    let modified = std::fs::metadata(&project_path)
        .unwrap()
        .modified()
        .unwrap();

    for _ in 0..2 {
        let output = copydesk()
            .env("COPYDESK_DATA_DIR", data.path())
            .args(["revise", project_arg, article_arg])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("nothing changed"), "{text}");
        assert!(text.contains("ferry.txt"), "{text}");
        assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    }
    // Not rewritten: the same bytes, the same time, and no backup of a version that did not go.
    assert_eq!(std::fs::read(&project_path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&project_path)
            .unwrap()
            .modified()
            .unwrap(),
        modified
    );
    let backups = copydesk::storage::backups::Backups::in_data_dir(data.path());
    assert!(backups.list(&project_path).is_empty());

    // With -o, the output still holds the review on this draft, as the pipeline expects.
    let out_path = dir.path().join("ferry-2.copydesk.ron");
    let output = run(&[
        "revise",
        project_arg,
        article_arg,
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("nothing changed"));
    let copied = copydesk::project_file::load_project(&out_path).unwrap();
    assert_eq!(copied.draft.number, 1);
    assert_eq!(std::fs::read(&project_path).unwrap(), before);
}
