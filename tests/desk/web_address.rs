//! Importing from a web address in the desk, against the local test server: File → Import
//! from web address…, and an address pasted into the desk.

use copydesk::app::ScriptedFileDialogs;
use egui::Event;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{desk, notice, project, settle, type_into};
use crate::common::web_server::address;

#[test]
fn a_page_imports_from_its_address_through_the_file_menu() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Import from web address…")
        .click();
    harness.run();
    let page = address("/article.html");
    type_into(&mut harness, "Web address", &page);
    harness.get_by_label("Import").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(project(&harness).title, "Council votes on the bridge");
    let fetched = project(&harness).draft.fetched.clone().expect("fetched");
    assert_eq!(fetched.address, page);
    let (text, is_error) = notice(&harness);
    assert!(!is_error, "{text}");
    assert!(
        text.starts_with(&format!("Imported {page} (fetched ")),
        "{text}"
    );
}

#[test]
fn a_pasted_address_is_offered_and_a_failure_names_it() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let missing = address("/missing");
    harness.event(Event::Paste(missing.clone()));
    harness.run();
    // The dialog opens with the address filled in.
    harness.get_by_label("Import").click();
    harness.run();
    settle(&mut harness);
    let (text, is_error) = notice(&harness);
    assert!(is_error, "{text}");
    assert_eq!(
        text,
        format!("{missing}: the server answered 404 Not Found")
    );
    // The review open before is still open.
    assert_ne!(project(&harness).title, "Council votes on the bridge");
}
