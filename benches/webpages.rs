//! How much of a saved web page's import is the article (issue 23): each page of Mozilla
//! Readability's test suite (`test-pages/NAME/source.html`) is imported as copydesk imports a
//! saved page, and its words are scored against the suite's expected article
//! (`expected.html`): precision, recall and F1 over lower-cased words, counted as multisets and
//! pooled over every page. Prints figures, asserts nothing.
//!
//! Run with `cargo bench -- webpages`. The pages are read from `$COPYDESK_WEBPAGES`, else
//! `../shared/corpus/readability/test-pages` beside the checkout; they are never committed.
//! Where `python3 -c "import trafilatura"` works, trafilatura's figures on the same pages are
//! printed beside copydesk's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use copydesk::import::import_bytes;
use copydesk::model::DraftFormat;
use jiff::Timestamp;
use scraper::Html;

use crate::support::manuscript::median;

/// How many of the worst pages are named.
const WORST: usize = 8;

/// One page of the suite: its name, the page as saved and the words of its article.
struct TestPage {
    name: String,
    source: Vec<u8>,
    expected: Vec<String>,
}

/// Words found, words expected and words in both, for one page or pooled.
#[derive(Clone, Copy, Default)]
struct Overlap {
    found: usize,
    expected: usize,
    shared: usize,
}

impl Overlap {
    fn of(found: &[String], expected: &[String]) -> Self {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for word in expected {
            *counts.entry(word).or_default() += 1;
        }
        let mut shared = 0;
        for word in found {
            if let Some(count) = counts.get_mut(word.as_str())
                && *count > 0
            {
                *count -= 1;
                shared += 1;
            }
        }
        Self {
            found: found.len(),
            expected: expected.len(),
            shared,
        }
    }

    fn add(&mut self, other: Self) {
        self.found += other.found;
        self.expected += other.expected;
        self.shared += other.shared;
    }

    fn precision(self) -> f64 {
        ratio(self.shared, self.found)
    }

    fn recall(self) -> f64 {
        ratio(self.shared, self.expected)
    }

    fn f1(self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Runs the group, printing its figures.
pub fn run() {
    let folder = std::env::var_os("COPYDESK_WEBPAGES").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/corpus/readability/test-pages")
        },
        PathBuf::from,
    );
    let pages = test_pages(&folder);
    if pages.is_empty() {
        println!(
            "SKIPPED: no test pages in {} (set COPYDESK_WEBPAGES to a folder of NAME/source.html + NAME/expected.html)",
            folder.display()
        );
        return;
    }

    let mut pooled = Overlap::default();
    let mut scored: Vec<(String, Overlap)> = Vec::new();
    let mut refused = Vec::new();
    for page in &pages {
        let found = match import_bytes(
            Path::new(&page.name),
            &page.source,
            DraftFormat::Html,
            Timestamp::now(),
        ) {
            Ok(project) => {
                let mut text = String::new();
                for section in &project.sections {
                    if let Some(heading) = &section.heading {
                        text.push_str(heading);
                        text.push('\n');
                    }
                    text.push_str(&section.text);
                    text.push('\n');
                }
                words(&text)
            }
            Err(error) => {
                refused.push(format!("{}: {error}", page.name));
                Vec::new()
            }
        };
        let overlap = Overlap::of(&found, &page.expected);
        pooled.add(overlap);
        scored.push((page.name.clone(), overlap));
    }
    println!(
        "{} pages from {}; words lower-cased, multiset overlap, pooled",
        pages.len(),
        folder.display()
    );
    print_row("copydesk", pooled);
    match trafilatura_overlap(&pages, &folder) {
        Ok(overlap) => print_row("trafilatura", overlap),
        Err(why) => println!("trafilatura: not measured ({why})"),
    }
    for refusal in &refused {
        println!("refused: {refusal}");
    }

    scored.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()));
    println!("worst pages:");
    for (name, overlap) in scored.iter().take(WORST) {
        println!(
            "  {name:<36} P {:.3}  R {:.3}  F1 {:.3}  ({} words found, {} expected)",
            overlap.precision(),
            overlap.recall(),
            overlap.f1(),
            overlap.found,
            overlap.expected
        );
    }
    let below_half = scored.iter().filter(|(_, o)| o.precision() < 0.5).count();
    println!("pages where fewer than half the imported words are the article: {below_half}");

    time_a_one_megabyte_page(&pages);
}

fn print_row(name: &str, overlap: Overlap) {
    println!(
        "{name:<12} precision {:.3}  recall {:.3}  F1 {:.3}",
        overlap.precision(),
        overlap.recall(),
        overlap.f1()
    );
}

/// The suite's pages that have both files, sorted by name.
fn test_pages(folder: &Path) -> Vec<TestPage> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|page| {
            let source = std::fs::read(page.join("source.html")).ok()?;
            let expected = std::fs::read_to_string(page.join("expected.html")).ok()?;
            Some(TestPage {
                name: page.file_name()?.to_string_lossy().into_owned(),
                source,
                expected: words(&text_of_html(&expected)),
            })
        })
        .collect()
}

/// The text of an HTML fragment, its elements' texts separated so words do not run together.
fn text_of_html(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut text = String::new();
    for node in fragment.root_element().descendants() {
        if let Some(piece) = node.value().as_text() {
            text.push_str(piece);
        } else if node.value().is_element() {
            text.push(' ');
        }
    }
    text
}

/// Lower-cased words: runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Trafilatura's pooled overlap on the same pages, when python3 has it.
fn trafilatura_overlap(pages: &[TestPage], folder: &Path) -> Result<Overlap, String> {
    const SCRIPT: &str = r#"
import json, os, sys, trafilatura
folder = sys.argv[1]
out = {}
for name in sys.argv[2:]:
    with open(os.path.join(folder, name, "source.html"), "rb") as f:
        html = f.read()
    out[name] = trafilatura.extract(html, include_tables=True, include_comments=False) or ""
json.dump(out, sys.stdout)
"#;
    let mut command = Command::new("python3");
    command.arg("-c").arg(SCRIPT).arg(folder);
    command.args(pages.iter().map(|page| &page.name));
    let output = command
        .output()
        .map_err(|error| format!("python3 could not be run: {error}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().last().unwrap_or("python3 failed");
        return Err(format!(
            "{last}; install with `pip install trafilatura lxml_html_clean`"
        ));
    }
    let texts: HashMap<String, String> = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("trafilatura's output was not read: {error}"))?;
    let mut pooled = Overlap::default();
    for page in pages {
        let text = texts.get(&page.name).map_or("", String::as_str);
        pooled.add(Overlap::of(&words(text), &page.expected));
    }
    Ok(pooled)
}

/// The time to import a page of about 1 MB (target 50 ms): the suite's page closest to that
/// size (the suite has real pages of 1.2 to 1.6 MB).
fn time_a_one_megabyte_page(pages: &[TestPage]) {
    let Some(page) = pages
        .iter()
        .min_by_key(|page| page.source.len().abs_diff(1_000_000))
    else {
        return;
    };
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let _ = import_bytes(
            Path::new(&page.name),
            &page.source,
            DraftFormat::Html,
            Timestamp::now(),
        );
        times.push(started.elapsed());
    }
    println!(
        "import a {:.2} MB page ({}): median {:.1} ms (target 50 ms)",
        page.source.len() as f64 / 1e6,
        page.name,
        median(times).as_secs_f64() * 1e3
    );
}
