//! The exported pages in a real browser: headless Chromium (Debian's `chromium`, installed by
//! `.ci/run`) loads the review report and the annotated article from disk, lays them out,
//! renders them to a picture and prints them. What it read back must be the review.
//!
//! Without Chromium the test fails under CI and says it was skipped elsewhere.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use copydesk::export::{ExportFormat, export_bytes};
use copydesk::sample::sample_project;
use jiff::Timestamp;

use crate::common::temp_dir;

/// The Chromium binary, or `None` (with a note) where it is not installed.
pub(crate) fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from))
        .find(|path| path.exists());
    if found.is_none() {
        let under_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !under_ci,
            "Chromium is missing: under CI .ci/run installs it (apt-get install chromium)"
        );
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: Chromium is not installed (apt-get install chromium); the exported pages were not tested in a browser"
        );
    }
    found
}

/// Runs headless Chromium on `page` with `arguments`; returns what it printed.
pub(crate) fn run_chromium(
    chromium: &Path,
    profile: &Path,
    page: &Path,
    arguments: &[String],
) -> String {
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(arguments)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "chromium failed on {}: {}",
        page.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn chromium_renders_and_prints_the_exported_pages() {
    let Some(chromium) = chromium() else {
        return;
    };
    let project = sample_project(Timestamp::UNIX_EPOCH).unwrap();
    let folder = temp_dir();
    let profile = temp_dir();
    for (format, name) in [
        (ExportFormat::Html, "report.html"),
        (ExportFormat::AnnotatedHtml, "annotated.html"),
    ] {
        let page = folder.path().join(name);
        std::fs::write(&page, export_bytes(&project, format).unwrap()).unwrap();

        // The document as Chromium built it: every section heading and every comment arrived.
        let dom = run_chromium(&chromium, profile.path(), &page, &["--dump-dom".to_owned()]);
        for section in &project.sections {
            let heading = section.heading.as_deref().unwrap_or("");
            assert!(dom.contains(heading), "{name}: {heading} missing in {dom}");
        }
        for comment in project.comments.iter().filter(|c| c.is_open()) {
            // As the DOM serialiser writes text: only &, < and > are escaped.
            let body = comment
                .body
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(dom.contains(&body), "{name}: comment “{body}” missing");
        }

        // Laid out and painted: a picture with something on it.
        let picture = folder.path().join(format!("{name}.png"));
        run_chromium(
            &chromium,
            profile.path(),
            &page,
            &[
                format!("--screenshot={}", picture.display()),
                "--window-size=1200,1600".to_owned(),
            ],
        );
        let png = std::fs::read(&picture).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
        // A blank page of this size compresses to a few kilobytes; text and badges do not.
        assert!(
            png.len() > 40_000,
            "{name}: the screenshot looks empty ({} bytes)",
            png.len()
        );

        // Printed: the print stylesheet gives pages.
        let pdf = folder.path().join(format!("{name}.pdf"));
        run_chromium(
            &chromium,
            profile.path(),
            &page,
            &[
                format!("--print-to-pdf={}", pdf.display()),
                "--no-pdf-header-footer".to_owned(),
            ],
        );
        let pdf = std::fs::read(&pdf).unwrap();
        // Page objects, not the page tree ("/Type /Pages").
        let pages = pdf
            .windows(12)
            .filter(|w| w.starts_with(b"/Type /Page") && w[11] != b's')
            .count();
        assert!(pdf.starts_with(b"%PDF"), "{name}: not a PDF");
        assert!(pages >= 2, "{name}: printed to {pages} pages");
    }
}
