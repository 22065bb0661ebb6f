//! The functional core stays free of the UI, as docs/ARCHITECTURE.md says.

use std::path::Path;

/// Every Rust file under `src/`, outside the desk (`src/app/`).
fn core_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "app") {
                    folders.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn the_core_does_not_depend_on_egui() {
    let files = core_files();
    assert!(files.len() > 10, "found {files:?}");
    for path in files {
        // The binary wires the command line and the desk together; lib.rs declares `app`
        // without naming its toolkit.
        if path.ends_with("src/main.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for forbidden in ["egui", "eframe", "crate::app", "rfd::"] {
            assert!(
                !source.contains(forbidden),
                "{} mentions `{forbidden}`: the core must not depend on the desk",
                path.display()
            );
        }
    }
}
