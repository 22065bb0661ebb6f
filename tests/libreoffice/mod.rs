//! copydesk's Word files in a real word processor: LibreOffice Writer (Debian's
//! `libreoffice-writer-nogui`, installed by `.ci/run`) converts them headless, and what it
//! read is checked against the review — and the other way, a document LibreOffice writes as
//! .docx is imported by copydesk.
//!
//! Without LibreOffice the tests fail under CI and say they were skipped elsewhere.

mod export;
mod import;

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use quick_xml::events::Event;

/// The `soffice` binary, or `None` (with a note) where LibreOffice is not installed.
pub(crate) fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("SOFFICE")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/soffice", "/usr/bin/libreoffice"].map(PathBuf::from))
        .find(|path| path.exists());
    if found.is_none() {
        let under_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !under_ci,
            "LibreOffice is missing: under CI .ci/run installs it (apt-get install libreoffice-writer-nogui)"
        );
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: LibreOffice is not installed (apt-get install libreoffice-writer-nogui); Word files were not checked in a word processor"
        );
    }
    found
}

/// Converts `input` with LibreOffice to `filter` (`odt`, `docx:"MS Word 2007 XML"`), in a
/// profile of its own (tests run side by side); returns the converted file.
pub(crate) fn convert(soffice: &Path, input: &Path, filter: &str, extension: &str) -> PathBuf {
    let folder = input.parent().unwrap();
    let out = folder.join("converted");
    let profile = folder.join("profile");
    let output = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(&out)
        .arg(input)
        .output()
        .unwrap();
    // A file LibreOffice would have to repair is not loaded headless: it says "Error: source
    // file could not be loaded" and writes nothing, which is the no-repair check.
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        !said.contains("Error:"),
        "LibreOffice could not load {}: {said}",
        input.display()
    );
    let stem = input.file_stem().unwrap().to_string_lossy();
    let converted = out.join(format!("{stem}.{extension}"));
    assert!(
        output.status.success() && converted.exists(),
        "LibreOffice did not convert {}: {}{}",
        input.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    converted
}

/// One part of a zip package, as text.
fn part_of(package: &Path, name: &str) -> String {
    let file = std::fs::File::open(package).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

/// A comment as LibreOffice holds it in an .odt.
#[derive(Debug, Default, Clone)]
struct Annotation {
    name: String,
    author: String,
    date: String,
    paragraphs: Vec<String>,
    resolved: bool,
    /// The comment it answers, where LibreOffice records one.
    parent: Option<String>,
    /// The text it is on: from the annotation to its end mark (empty for a point).
    words: String,
}

/// The annotations of an .odt's `content.xml`, each with the document text it spans
/// (paragraphs joined by a line break).
fn annotations_of(content: &str) -> Vec<Annotation> {
    let mut reader = quick_xml::Reader::from_str(content);
    let mut text = String::new();
    let mut annotations: Vec<(Annotation, usize, Option<usize>)> = Vec::new();
    let mut inside: Option<Annotation> = None;
    let mut field = "";
    let mut in_body = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(start) | Event::Empty(start) if start.name().as_ref() == "office:text" => {
                in_body = true;
            }
            Event::Start(start) if start.name().as_ref() == "office:annotation" => {
                let mut annotation = Annotation::default();
                for attribute in start.attributes().flatten() {
                    let value = attribute
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned();
                    match attribute.key.as_ref() {
                        "office:name" => annotation.name = value,
                        "loext:resolved" => annotation.resolved = value == "true",
                        "loext:parent-name" => annotation.parent = Some(value),
                        _ => {}
                    }
                }
                inside = Some(annotation);
            }
            Event::End(end) if end.name().as_ref() == "office:annotation" => {
                let annotation = inside.take().unwrap();
                let point = annotation.name.is_empty();
                annotations.push((annotation, text.chars().count(), point.then_some(0)));
            }
            Event::Empty(end) if end.name().as_ref() == "office:annotation-end" => {
                let name = end
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "office:name")
                    .map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                    .unwrap_or_default();
                let at = text.chars().count();
                if let Some(open) = annotations
                    .iter_mut()
                    .find(|(a, _, e)| a.name == name && e.is_none())
                {
                    open.2 = Some(at);
                }
            }
            Event::Start(start) if inside.is_some() => {
                field = match start.name().as_ref() {
                    "dc:creator" => "author",
                    "dc:date" => "date",
                    "text:p" => {
                        inside.as_mut().unwrap().paragraphs.push(String::new());
                        "paragraph"
                    }
                    _ => field,
                };
            }
            Event::End(_) if inside.is_some() => {}
            event @ (Event::Text(_) | Event::GeneralRef(_)) => {
                let words = match event {
                    Event::Text(words) => words.xml10_content().into_owned(),
                    Event::GeneralRef(reference) if reference.is_char_ref() => reference
                        .resolve_char_ref()
                        .unwrap()
                        .map(String::from)
                        .unwrap_or_default(),
                    Event::GeneralRef(reference) => {
                        let name = reference.into_inner();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_default()
                            .to_owned()
                    }
                    _ => unreachable!(),
                };
                if let Some(annotation) = &mut inside {
                    match field {
                        "author" => annotation.author.push_str(&words),
                        "date" => annotation.date.push_str(&words),
                        "paragraph" => annotation.paragraphs.last_mut().unwrap().push_str(&words),
                        _ => {}
                    }
                } else if in_body {
                    text.push_str(&words);
                }
            }
            Event::Empty(element) if inside.is_none() && in_body => match element.name().as_ref() {
                "text:s" => {
                    let count = element
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "text:c")
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()?
                                .parse()
                                .ok()
                        })
                        .unwrap_or(1);
                    text.push_str(&" ".repeat(count));
                }
                "text:tab" => text.push('\t'),
                "text:line-break" => text.push('\n'),
                _ => {}
            },
            Event::End(end)
                if inside.is_none()
                    && in_body
                    && matches!(end.name().as_ref(), "text:p" | "text:h") =>
            {
                text.push('\n');
            }
            _ => {}
        }
    }
    let chars: Vec<char> = text.chars().collect();
    annotations
        .into_iter()
        .map(|(mut annotation, start, end)| {
            let end = end.unwrap_or(start).max(start);
            annotation.words = chars[start..end.min(chars.len())].iter().collect();
            annotation
        })
        .collect()
}
