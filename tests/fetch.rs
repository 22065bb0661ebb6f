//! Importing from a web address, against a local server (`common::web_server`): the page
//! imports and keeps its address and fetch time, through redirects; and every way fetching
//! fails gives a message naming the address.

use std::time::Duration;

use copydesk::fetch::{FetchError, FetchLimits, import_from_address};
use copydesk::model::DraftFormat;
use jiff::Timestamp;

use crate::common::cli::{fails_with, run, stdout};
use crate::common::{temp_dir, web_server};

use web_server::address;

/// Short limits, so the slow page and the huge ones fail fast.
fn limits() -> FetchLimits {
    FetchLimits {
        timeout: Duration::from_millis(1500),
        size_limit: 1024 * 1024,
    }
}

fn fetch(path: &str) -> Result<copydesk::model::Project, FetchError> {
    import_from_address(&address(path), limits(), Timestamp::UNIX_EPOCH)
}

fn error_of(path: &str) -> String {
    let error = fetch(path).expect_err(path).to_string();
    assert!(error.starts_with(&address(path)), "{error}");
    error
}

#[test]
fn a_page_imports_with_its_address_and_fetch_time() {
    let now: Timestamp = "2026-12-10T09:30:00Z".parse().unwrap();
    let project = import_from_address(&address("/article.html"), limits(), now).unwrap();
    assert_eq!(project.title, "Council votes on the bridge");
    assert_eq!(project.draft.format, DraftFormat::Html);
    assert_eq!(project.draft.file_name, "article.html");
    let fetched = project.draft.fetched.as_ref().unwrap();
    assert_eq!(fetched.address, address("/article.html"));
    assert_eq!(fetched.at, now);
    let text: String = project.sections.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("by 7 votes to 2"), "{text}");
}

#[test]
fn plain_text_and_pages_without_a_type_import() {
    let project = fetch("/plain.txt").unwrap();
    assert_eq!(project.draft.format, DraftFormat::PlainText);
    assert!(project.sections[0].text.contains("7 votes to 2"));
    assert_eq!(fetch("/no-type").unwrap().draft.format, DraftFormat::Html);
}

#[test]
fn redirects_are_followed_up_to_ten() {
    let project = fetch("/redirect/9").unwrap();
    assert_eq!(project.title, "Council votes on the bridge");
    // The address kept is the one given.
    assert_eq!(
        project.draft.fetched.unwrap().address,
        address("/redirect/9")
    );
    let error = error_of("/redirect/12");
    assert!(
        error.contains("too many redirects (more than 10)"),
        "{error}"
    );
    let error = error_of("/loop");
    assert!(error.contains("too many redirects"), "{error}");
}

#[test]
fn a_slow_server_times_out() {
    let error = error_of("/slow");
    assert!(
        error.ends_with("the server did not answer within 1.5 seconds"),
        "{error}"
    );
}

#[test]
fn a_huge_page_is_refused() {
    for path in ["/huge", "/huge-unannounced"] {
        let error = error_of(path);
        assert!(
            error.contains("the page is too large (over 1048576 bytes)"),
            "{error}"
        );
    }
}

#[test]
fn what_is_not_a_web_page_is_refused() {
    let error = error_of("/report.pdf");
    assert!(
        error.contains("this is a PDF document, not a web page"),
        "{error}"
    );
    let error = error_of("/photo");
    assert!(error.contains("an image (image/png)"), "{error}");
}

#[test]
fn pages_in_older_encodings_are_decoded() {
    // The server's charset.
    let project = fetch("/latin1").unwrap();
    assert_eq!(project.sections[0].text, "Café à €4 a cup.");
    // The page's own, as a saved page is read.
    let project = fetch("/windows-1252-meta").unwrap();
    assert_eq!(project.sections[0].text, "naïve “quote”");
}

#[test]
fn error_statuses_are_named() {
    let error = error_of("/missing");
    assert!(
        error.ends_with("the server answered 404 Not Found"),
        "{error}"
    );
    let error = error_of("/broken");
    assert!(
        error.ends_with("the server answered 500 Internal Server Error"),
        "{error}"
    );
}

#[test]
fn connections_that_fail_are_named() {
    let refused = web_server::refused_address();
    let error = import_from_address(&refused, limits(), Timestamp::UNIX_EPOCH)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with(&refused), "{error}");
    assert!(error.contains("could not connect"), "{error}");

    // A server that does not speak TLS, asked for https.
    let https = web_server::not_tls_address();
    let error = import_from_address(&https, limits(), Timestamp::UNIX_EPOCH)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with(&https), "{error}");
    assert!(error.contains("secure connection failed (TLS)"), "{error}");

    let error =
        import_from_address("ftp://example.com/a", limits(), Timestamp::UNIX_EPOCH).unwrap_err();
    assert!(matches!(error, FetchError::NotAnAddress { .. }), "{error}");
}

#[test]
fn the_command_line_imports_an_address_and_the_report_names_it() {
    let dir = temp_dir();
    let project = dir.path().join("review.copydesk.ron");
    let page = address("/article.html");
    let output = run(&["import", &page, "-o", project.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).contains(&format!("Imported {page} (fetched ")));

    let saved = std::fs::read_to_string(&project).unwrap();
    assert!(saved.contains(&format!("address: \"{page}\"")), "{saved}");

    for (format, file) in [("markdown", "report.md"), ("html", "report.html")] {
        let report = dir.path().join(file);
        let output = run(&[
            "export",
            project.to_str().unwrap(),
            "--format",
            format,
            "-o",
            report.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{output:?}");
        let text = std::fs::read_to_string(&report).unwrap();
        assert!(text.contains(&format!("fetched from {page} on ")), "{text}");
    }
    let json = dir.path().join("report.json");
    let output = run(&[
        "export",
        project.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        json.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(report["draft"]["fetched_from"], page.as_str());
    assert!(report["draft"]["fetched_at"].is_string(), "{report}");

    let missing = address("/missing");
    let output = run(&[
        "import",
        &missing,
        "-o",
        dir.path().join("m.copydesk.ron").to_str().unwrap(),
    ]);
    fails_with(
        &output,
        &format!("{missing}: the server answered 404 Not Found"),
    );
}
