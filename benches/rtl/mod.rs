//! A long right-to-left document in the real desk (issue 18): opening it, scrolling through it
//! with the wheel and by jumps, typing in a comment, resizing the window. Prints figures
//! (minimum / median / maximum of several runs), asserts nothing.
//!
//! Run with `cargo bench -- rtl`. Two documents, generated at run time (`report_text`): a
//! 36,000-word Arabic report with 89 headings, and one 8,000-word section without headings
//! (a single layout as long as a chapter), each with a few hundred comments and claims on
//! Arabic passages so highlights are drawn; and both again in English with the same shapes, as
//! a control (what length costs, apart from direction). Each is dropped on an empty desk,
//! headless (egui_kittest), as the `book` group does; a frame's time is the CPU time of
//! `Harness::step` on the window's thread (lay out, cull, tessellate, build the accessibility
//! tree; no rasterizing).
//! Target (issue 18): scrolling frames p95 ≤ 4 ms. The other figures are printed to compare.

mod report_text;

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::bidi::paragraph_direction;
use copydesk::model::{Comment, DraftFormat, Passage, Project, Reviewer};
use egui::{Key, vec2};
use jiff::Timestamp;

use crate::support::desk::{
    Desk, add_system_fonts, desk, drop_and_land, ms, percentile, settle, timed_step,
    type_in_a_comment, wheel, wheel_to_end,
};
use crate::support::marks::comments_and_claims;

use report_text::{ARABIC, ENGLISH, Language, REPORT_HEADINGS, long_report, long_section};

/// Each figure is measured this many times, each on a fresh desk.
const RUNS: usize = 3;
const SCROLL_TARGET_MS: f64 = 4.0;
/// Widths the window is resized to in turn (the desk starts at 1400 × 900).
const WIDTHS: [f32; 4] = [1100.0, 1650.0, 1250.0, 1400.0];
/// Frames timed after each resize: the new width's layout may be spread over several.
const FRAMES_AFTER_RESIZE: usize = 40;

/// A document to measure: its name, its language, the review.
struct Scenario {
    name: String,
    language: &'static Language,
    project: Project,
}

/// What one run measured, in milliseconds.
#[derive(Default)]
struct RunFigures {
    first_frame: f64,
    landing_longest: f64,
    wheel_p95: f64,
    wheel_max: f64,
    wheel_frames: usize,
    jump_p95: f64,
    jump_max: f64,
    jump_frames: usize,
    jumps_by: &'static str,
    typing_p95: f64,
    resize_longest: f64,
    still_p50: f64,
}

/// Runs the group, printing its figures.
pub fn run() {
    println!(
        "measured on commit {} (release build; {RUNS} runs each, every figure min / median / max)",
        commit()
    );
    let fonts = add_system_fonts(&desk(None), &["ar", "he"]);
    if fonts.is_empty() {
        println!("no Arabic or Hebrew font found (fc-match): the desk cannot be measured");
        return;
    }
    println!("Arabic and Hebrew drawn with {fonts:?} (fc-match)\n");
    let folder = tempfile::tempdir().unwrap();
    let scenarios = [
        report_scenario(&ARABIC),
        report_scenario(&ENGLISH),
        section_scenario(&ARABIC),
        section_scenario(&ENGLISH),
    ];
    // `RTL_ONLY=WORDS` measures only the scenarios whose name holds them ("section, Arabic"),
    // for a profiler.
    let only = std::env::var("RTL_ONLY").unwrap_or_default();
    for scenario in scenarios.into_iter().filter(|s| s.name.contains(&only)) {
        let path = folder
            .path()
            .join(format!("{}.copydesk.ron", scenario.name));
        copydesk::storage::SaveRequest::new(&scenario.project, &path)
            .save()
            .unwrap();
        let project = &scenario.project;
        let words: usize = project
            .sections
            .iter()
            .map(|s| {
                s.heading
                    .as_deref()
                    .map_or(0, |h| h.split_whitespace().count())
                    + s.text.split_whitespace().count()
            })
            .sum();
        println!(
            "## {}: {words} words, {} sections, {} comments + {} claims; project file {:.1} MB",
            scenario.name,
            project.sections.len(),
            project.comments.len(),
            project.claims.len(),
            std::fs::metadata(&path).unwrap().len() as f64 / 1e6,
        );
        let runs: Vec<RunFigures> = (0..RUNS)
            .map(|_| measure(&path, project.sections.len(), scenario.language.typed))
            .collect();
        print_figures(&runs, scenario.language.typed);
        println!();
    }
}

/// The commit the desk was built from, and whether the work tree held changes besides.
fn commit() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let head = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown".to_owned());
    let changed = git(&["status", "--porcelain", "--", "src"]).is_some_and(|s| !s.is_empty());
    if changed {
        format!("{head} (with uncommitted changes in src/)")
    } else {
        head
    }
}

fn report_scenario(language: &'static Language) -> Scenario {
    let project = imported("report.md", &long_report(language));
    assert_eq!(
        project.sections.len(),
        REPORT_HEADINGS + 1,
        "the report's sections"
    );
    Scenario {
        name: format!("the report, {}", language.name),
        language,
        project: marked(project, 300, language),
    }
}

fn section_scenario(language: &'static Language) -> Scenario {
    let project = imported("section.md", &long_section(language));
    assert_eq!(project.sections.len(), 1, "one section");
    Scenario {
        name: format!("one long section, {}", language.name),
        language,
        project: marked(project, 120, language),
    }
}

fn imported(name: &str, text: &str) -> Project {
    copydesk::import::import_bytes(
        Path::new(name),
        text.as_bytes(),
        DraftFormat::Markdown,
        "2026-12-08T09:00:00Z".parse().unwrap(),
    )
    .unwrap()
}

/// `count` comments and claims on passages that read the way the document does (right to
/// left in Arabic), and a comment on the opening words, so the side panel has a comment card
/// to type in when the document opens.
fn marked(project: Project, count: usize, language: &Language) -> Project {
    let direction = paragraph_direction(language.comment);
    let mut project = comments_and_claims(project, count, language.comment, |quote| {
        paragraph_direction(quote) == direction
    });
    let first = &project.sections[0];
    let passage = Passage::from_section_text(&first.text, 0..20).unwrap();
    let comment = Comment::new(
        first.id.clone(),
        Some(passage),
        &Reviewer::named("Bench"),
        Timestamp::now(),
    );
    project.comments.insert(0, comment);
    project
}

/// One run on a fresh desk: open, type, scroll by wheel and by jumps, resize.
fn measure(path: &Path, sections: usize, typed: &str) -> RunFigures {
    let mut harness = desk(None);
    add_system_fonts(&harness, &["ar", "he"]);
    harness.run();
    let landing = drop_and_land(&mut harness, path);
    assert_eq!(
        harness.state().state().project().map(|p| p.sections.len()),
        Some(sections)
    );
    settle(&mut harness);
    let mut figures = RunFigures {
        first_frame: ms(landing.first_frame),
        landing_longest: ms(landing.longest_frame),
        ..RunFigures::default()
    };

    let mut typing = type_in_a_comment(&mut harness, typed);
    typing.sort();
    figures.typing_p95 = percentile(&typing, 0.95);
    // Out of the comment card, so keys reach the article.
    harness.key_press(Key::Escape);
    settle(&mut harness);

    let (mut frames, _) = wheel_to_end(&mut harness);
    frames.sort();
    figures.wheel_frames = frames.len();
    figures.wheel_p95 = percentile(&frames, 0.95);
    figures.wheel_max = percentile(&frames, 1.0);

    back_to_top(&mut harness);
    let (mut frames, jumps_by) = jump_to_end(&mut harness);
    frames.sort();
    figures.jumps_by = jumps_by;
    figures.jump_frames = frames.len();
    if !frames.is_empty() {
        figures.jump_p95 = percentile(&frames, 0.95);
        figures.jump_max = percentile(&frames, 1.0);
    }

    let mut still: Vec<Duration> = (0..60).map(|_| timed_step(&mut harness).0).collect();
    still.sort();
    figures.still_p50 = percentile(&still, 0.5);

    figures.resize_longest = WIDTHS
        .iter()
        .map(|&width| {
            harness.set_size(vec2(width, 900.0));
            (0..FRAMES_AFTER_RESIZE)
                .map(|_| timed_step(&mut harness).0)
                .max()
                .unwrap_or_default()
        })
        .max()
        .map_or(0.0, ms);
    figures
}

/// Where the article is scrolled to, as the article view's debug output tells it (the desk
/// offers no accessor, and the benchmark does not change the desk).
fn scroll_offset(harness: &Desk) -> Option<f32> {
    let described = format!("{:?}", harness.state().article_view());
    let after = described.split("offset: ").nth(1)?;
    after.split([',', ' ']).next()?.parse().ok()
}

fn back_to_top(harness: &mut Desk) {
    wheel(harness, 1e7);
    harness.run();
}

/// Jumps a page at a time from the top to the end, with Page Down when the desk scrolls on it;
/// otherwise from claim to open claim (F8), the desk's own jump through a document. Returns
/// every frame's time (the key's frame and the next, where the jump may land) and how it
/// jumped.
fn jump_to_end(harness: &mut Desk) -> (Vec<Duration>, &'static str) {
    let mut frames = Vec::new();
    let before = scroll_offset(harness);
    harness.key_press(Key::PageDown);
    frames.push(timed_step(harness).0);
    frames.push(timed_step(harness).0);
    let page_down_scrolls = scroll_offset(harness) != before;
    let (key, how) = if page_down_scrolls {
        (Key::PageDown, "Page Down")
    } else {
        frames.clear();
        (
            Key::F8,
            "F8 (next open claim): Page Down does not scroll the article here",
        )
    };
    let mut last = scroll_offset(harness);
    let started = Instant::now();
    while !harness.state().article_view().is_scrolled_to_end()
        && started.elapsed() < Duration::from_secs(60)
    {
        harness.key_press(key);
        frames.push(timed_step(harness).0);
        frames.push(timed_step(harness).0);
        let now = scroll_offset(harness);
        // F8 goes round to the first claim after the last: the end of the way through.
        if now.zip(last).is_some_and(|(now, last)| now < last) {
            break;
        }
        last = now;
    }
    (frames, how)
}

/// A figure's minimum, median and maximum over the runs.
fn spread(runs: &[RunFigures], figure: impl Fn(&RunFigures) -> f64) -> (f64, f64, f64) {
    let mut values: Vec<f64> = runs.iter().map(figure).collect();
    values.sort_by(f64::total_cmp);
    (
        values[0],
        values[values.len() / 2],
        values[values.len() - 1],
    )
}

fn print_figures(runs: &[RunFigures], typed: &str) {
    let line = |what: &str, figure: &dyn Fn(&RunFigures) -> f64, target: Option<f64>| {
        let (min, median, max) = spread(runs, figure);
        let verdict = match target {
            Some(target) if median <= target => format!("target ≤ {target} met"),
            Some(target) => format!("target ≤ {target} MISSED"),
            None => String::new(),
        };
        println!("{what:<52} {min:>7.1} / {median:>7.1} / {max:>7.1} ms  {verdict}");
    };
    line(
        "open → first frame (open included)",
        &|r| r.first_frame,
        None,
    );
    line(
        "  the longest frame while it lands",
        &|r| r.landing_longest,
        None,
    );
    let wheel_frames = runs.first().map_or(0, |r| r.wheel_frames);
    line(
        &format!("wheel scrolling top to end, p95 ({wheel_frames} frames)"),
        &|r| r.wheel_p95,
        Some(SCROLL_TARGET_MS),
    );
    line("  max", &|r| r.wheel_max, None);
    let (jump_frames, jumps_by) = runs
        .first()
        .map_or((0, ""), |r| (r.jump_frames, r.jumps_by));
    line(
        &format!("jumping top to end, p95 ({jump_frames} frames)"),
        &|r| r.jump_p95,
        Some(SCROLL_TARGET_MS),
    );
    line("  max", &|r| r.jump_max, None);
    println!("  (jumps by {jumps_by})");
    line(
        &format!("typing in a comment, p95 ({} keys)", typed.chars().count()),
        &|r| r.typing_p95,
        None,
    );
    line(
        "the longest frame after a resize (4 widths)",
        &|r| r.resize_longest,
        None,
    );
    line(
        "a still frame at the end, p50 (nothing changes)",
        &|r| r.still_p50,
        None,
    );
}
