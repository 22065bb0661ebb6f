//! How the desk and the core cope with a long article: prints figures, asserts nothing.
//!
//! Run with `cargo bench -- desk`. The article is generated (deterministic), imported,
//! marked, saved and opened in the real desk, headless (egui_kittest); frame times are CPU
//! time per `Harness::step`, which lays out, culls and tessellates but does not rasterize.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use copydesk::app::prefs::Preferences;
use copydesk::app::{CopydeskApp, DeskOptions, ScriptedFileDialogs, Start};
use copydesk::edit::Edit;
use copydesk::model::Reviewer;
use copydesk::model::{Claim, Comment, Passage};
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, vec2};
use egui_kittest::Harness;
use jiff::Timestamp;

const SECTIONS: usize = 400;
const PARAGRAPHS_PER_SECTION: usize = 5;
const WORDS_PER_PARAGRAPH: usize = 50;
const MARKS: usize = 2_000;

const WORDS: [&str; 24] = [
    "the",
    "council",
    "said",
    "transfer",
    "of",
    "more",
    "than",
    "4,000",
    "detainees",
    "was",
    "completed",
    "in",
    "March",
    "according",
    "to",
    "officials",
    "who",
    "described",
    "it",
    "as",
    "complex",
    "and",
    "regional",
    "security",
];

/// A deterministic article: headings, then paragraphs of pseudo-random news words.
fn long_article() -> String {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut text = String::new();
    for section in 0..SECTIONS {
        if section > 0 {
            let _ = writeln!(text, "Section Heading Number {section}");
        }
        for _ in 0..PARAGRAPHS_PER_SECTION {
            let mut words: Vec<&str> = (0..WORDS_PER_PARAGRAPH)
                .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                .collect();
            words[0] = "Officials";
            let _ = writeln!(text, "{}.", words.join(" "));
        }
    }
    text
}

fn timed<T>(what: &str, run: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = run();
    println!(
        "{what:<44} {:>9.2} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    value
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index].as_secs_f64() * 1e3
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Runs the group, printing its figures.
pub fn run() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("long.txt");
    let article = long_article();
    std::fs::write(&article_path, &article).unwrap();
    let words = article.split_whitespace().count();
    println!(
        "article: {words} words, {SECTIONS} sections, {} characters; {MARKS} marks",
        article.chars().count()
    );

    let mut project = timed("import .txt", || {
        copydesk::import::import_file(&article_path, Timestamp::now()).unwrap()
    });
    assert_eq!(project.sections.len(), SECTIONS);
    for index in 0..MARKS {
        let section = &project.sections[index * SECTIONS / MARKS];
        let start = (index * 37) % (section.char_count() - 20);
        let Ok(passage) = Passage::from_section_text(&section.text, start..start + 15) else {
            continue;
        };
        let edit = if index % 2 == 0 {
            Edit::add_claim(Claim::new(
                section.id.clone(),
                passage,
                &Reviewer::named("Bench"),
                Timestamp::now(),
            ))
        } else {
            Edit::add_comment(Comment::new(
                section.id.clone(),
                Some(passage),
                &Reviewer::named("Bench"),
                Timestamp::now(),
            ))
        };
        edit.apply(&mut project).unwrap();
    }
    let project_path = dir.path().join("long.copydesk.ron");
    timed("save project (atomic)", || {
        copydesk::storage::SaveRequest::new(&project, &project_path)
            .save()
            .unwrap();
    });
    timed("load project", || {
        copydesk::project_file::load_project(&project_path).unwrap()
    });

    // The desk starts on a small saved review, then the long one is dropped on it: the frames
    // that follow are what a user waits for.
    let small_path = dir.path().join("small.copydesk.ron");
    let small = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    copydesk::storage::SaveRequest::new(&small, &small_path)
        .save()
        .unwrap();
    let started = Instant::now();
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(10_000)
        .build_eframe(|cc| {
            CopydeskApp::new(
                cc,
                DeskOptions {
                    start: Start::Sample,
                    file: Some(small_path.clone()),
                    prefs: Some(Preferences {
                        reviewer_name: "Bench".to_owned(),
                        ..Preferences::default()
                    }),
                    dialogs: Box::new(ScriptedFileDialogs::default()),
                    safekeeping: copydesk::storage::Safekeeping::in_data_dir(None),
                },
            )
        });
    println!(
        "{:<44} {:>9.2} ms",
        "start the desk on a small review",
        started.elapsed().as_secs_f64() * 1e3
    );
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(project_path)));
    let started = Instant::now();
    harness.step(); // takes the drop; the project is read on a worker thread
    while harness.state().state().files.is_opening_or_revising() {
        std::thread::sleep(Duration::from_millis(1));
        harness.step(); // the frame the open lands in draws the long review
    }
    println!(
        "{:<44} {:>9.2} ms",
        "open the long review + its first frame",
        started.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(
        harness.state().state().project().unwrap().sections.len(),
        SECTIONS
    );
    println!(
        "sections laid out after the first frame: {}",
        harness.state().article_view().cached_section_count()
    );
    // The suggestion pass reads a long text on a worker thread while frames go on.
    let started = Instant::now();
    let mut frames_while_reading = 0;
    while harness.state().state().views.suggestions().is_reading() {
        std::thread::sleep(Duration::from_millis(2));
        harness.step();
        frames_while_reading += 1;
    }
    println!(
        "{:<44} {:>9.2} ms ({frames_while_reading} frames meanwhile, {} undecided)",
        "suggestions ready after the first frame",
        started.elapsed().as_secs_f64() * 1e3,
        harness
            .state()
            .state()
            .views
            .suggestions()
            .undecided_count()
    );
    let started = Instant::now();
    let frames_to_settle = harness.run();
    println!(
        "{:<44} {:>9.2} ms ({frames_to_settle} frames)",
        "lay out the rest, a slice per frame",
        started.elapsed().as_secs_f64() * 1e3
    );

    let mut frames = Vec::new();
    let scroll_steps = 600;
    for _ in 0..scroll_steps {
        harness.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, -400.0),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        let started = Instant::now();
        harness.step();
        frames.push(started.elapsed());
    }
    frames.sort();
    println!(
        "{:<44} p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        format!("frame while scrolling ({scroll_steps} frames)"),
        percentile(&frames, 0.5),
        percentile(&frames, 0.95),
        percentile(&frames, 1.0)
    );
    println!(
        "sections laid out and cached: {}",
        harness.state().article_view().cached_section_count()
    );
}
