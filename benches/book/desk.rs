//! The book group's desk figures: the real desk driven headless by egui_kittest, its frames
//! timed in the thread's CPU time, and its peak memory measured in a child process.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::app::prefs::Preferences;
use copydesk::app::{CopydeskApp, DeskOptions, ScriptedFileDialogs, Start};
use copydesk::storage::Safekeeping;
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::support::book::BOOK_SECTIONS;

use super::{PEAK_MEMORY_ARGUMENT, ms, report};

/// CPU time this thread has run (`clock_gettime` of the thread's CPU clock). Frame budgets are
/// CPU time: on a shared 2-core machine a frame's wall time also counts the time another
/// process held the core.
fn thread_cpu_time() -> Option<Duration> {
    let time = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let nanoseconds = u64::try_from(time.tv_nsec).ok()?;
    Some(Duration::from_secs(u64::try_from(time.tv_sec).ok()?) + Duration::from_nanos(nanoseconds))
}

/// Runs one frame; returns its CPU time (wall time where CPU time is not available) and its
/// wall time.
pub(crate) fn timed_step(harness: &mut Desk) -> (Duration, Duration) {
    let cpu = thread_cpu_time();
    let started = Instant::now();
    harness.step();
    let wall = started.elapsed();
    let cpu = cpu
        .zip(thread_cpu_time())
        .map_or(wall, |(before, after)| after - before);
    (cpu, wall)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    ms(sorted[index])
}

pub(crate) type Desk = Harness<'static, CopydeskApp>;

pub(crate) fn desk(file: Option<PathBuf>) -> Desk {
    Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(100_000)
        .build_eframe(move |cc| {
            CopydeskApp::new(
                cc,
                DeskOptions {
                    start: Start::Sample,
                    file,
                    prefs: Some(Preferences {
                        reviewer_name: "Bench".to_owned(),
                        ..Preferences::default()
                    }),
                    dialogs: Box::new(ScriptedFileDialogs::default()),
                    safekeeping: Safekeeping::in_data_dir(None),
                },
            )
        })
}

/// A turn of the mouse wheel over the article.
fn wheel(harness: &mut Desk, delta: f32) {
    harness.event(Event::PointerMoved(egui::pos2(700.0, 450.0)));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, delta),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
}

/// Steps until the background work (suggestions, layout slices) is done.
pub(crate) fn settle(harness: &mut Desk) -> u64 {
    let mut frames: u64 = 0;
    while harness.state().state().views.suggestions().is_reading() {
        std::thread::sleep(Duration::from_millis(2));
        harness.step();
        frames += 1;
    }
    frames + harness.run()
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub(super) fn desk_figures(project_path: &Path, next_draft_path: &Path) {
    // The desk starts empty; the book is dropped on it: the frames that follow are what a
    // reviewer waits for.
    let mut harness = desk(None);
    harness.run();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(project_path.to_owned())));
    let started = Instant::now();
    // The drop starts the open on a worker thread; frames go on until it lands, and the frame
    // it lands in draws the book.
    let mut longest = timed_step(&mut harness).0;
    let mut frames_while_opening = 0;
    while harness.state().state().files.is_opening_or_revising() {
        std::thread::sleep(Duration::from_millis(1));
        longest = longest.max(timed_step(&mut harness).0);
        frames_while_opening += 1;
    }
    assert_eq!(
        harness.state().state().project().map(|p| p.sections.len()),
        Some(BOOK_SECTIONS)
    );
    println!(
        "the open ran on a worker thread: {frames_while_opening} frames drawn meanwhile; the longest, the one it landed in, {:.1} ms",
        ms(longest)
    );
    report(
        "first frame after open (open included)",
        ms(started.elapsed()),
        "ms",
        300.0,
    );
    let started = Instant::now();
    let frames = settle(&mut harness);
    println!(
        "{:<58} {:>9.1} ms   ({frames} frames meanwhile; the window stays live)",
        "  suggestions and the rest of the layout, in the background",
        ms(started.elapsed())
    );

    let mut frames = Vec::new();
    let mut walls = Vec::new();
    let mut steps = 0;
    let end_of_book = |harness: &Desk| harness.state().article_view().is_scrolled_to_end();
    while !end_of_book(&harness) && steps < 20_000 {
        wheel(&mut harness, -400.0);
        let (cpu, wall) = timed_step(&mut harness);
        frames.push(cpu);
        walls.push(wall);
        steps += 1;
    }
    frames.sort();
    walls.sort();
    let over = frames.iter().filter(|f| ms(**f) > 4.0).count();
    println!(
        "scrolling top to bottom: {steps} frames of 400 points ({over} over 4 ms; p99 {:.1} ms)",
        percentile(&frames, 0.99)
    );
    report(
        "  frame while scrolling, p95",
        percentile(&frames, 0.95),
        "ms",
        4.0,
    );
    report(
        "  frame while scrolling, max",
        percentile(&frames, 1.0),
        "ms",
        8.0,
    );
    println!(
        "{:<58} {:>9.2} ms   (wall time: p50 {:.2}, p95 {:.2}, max {:.2} ms)",
        "  frame while scrolling, p50",
        percentile(&frames, 0.5),
        percentile(&walls, 0.5),
        percentile(&walls, 0.95),
        percentile(&walls, 1.0),
    );

    typing_figures(&mut harness);
    revising_in_the_desk(&mut harness, next_draft_path);
}

/// Bringing in the revised draft from the desk: read and re-anchored on a worker thread while
/// the window goes on drawing.
fn revising_in_the_desk(harness: &mut Desk, next_draft_path: &Path) {
    harness
        .state_mut()
        .state_mut()
        .start_revise(next_draft_path);
    let started = Instant::now();
    let mut frames = 0;
    let mut longest = Duration::ZERO;
    while harness.state().state().files.is_opening_or_revising() {
        std::thread::sleep(Duration::from_millis(1));
        longest = longest.max(timed_step(harness).0);
        frames += 1;
    }
    let landed = harness
        .state()
        .state()
        .project()
        .map_or(0, |p| p.draft.number);
    println!(
        "{:<58} {:>9.1} ms   ({frames} frames meanwhile, the longest {:.1} ms; draft {landed} open)",
        "bring in the revised draft in the desk (read + re-anchor)",
        ms(started.elapsed()),
        ms(longest)
    );
}

pub(super) fn typing_figures(harness: &mut Desk) {
    // The side panel follows the reading once scrolling pauses: it shows the cards of the
    // section in view.
    std::thread::sleep(Duration::from_millis(200));
    harness.run();
    harness
        .query_all_by_label_contains("Comment on “")
        .next()
        .expect("a comment card")
        .focus();
    harness.run();
    let mut frames = Vec::new();
    for character in "Which records? Please cite the council minutes.".chars() {
        harness.event(Event::Text(character.to_string()));
        frames.push(timed_step(harness).0);
    }
    frames.sort();
    report(
        &format!(
            "frame while typing in a comment, p95 ({} keys)",
            frames.len()
        ),
        percentile(&frames, 0.95),
        "ms",
        4.0,
    );
    println!(
        "{:<58} {:>9.2} ms",
        "  frame while typing, max",
        percentile(&frames, 1.0)
    );
}

/// Runs this benchmark again as a child that only opens the book in the desk, so its peak
/// memory is the desk's alone.
pub(super) fn peak_memory(project_path: &Path) {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .arg(PEAK_MEMORY_ARGUMENT)
        .arg(project_path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    match stdout.trim().parse::<f64>() {
        Ok(megabytes) => report(
            "peak memory, the book open and scrolled through (headless)",
            megabytes,
            "MB",
            200.0,
        ),
        Err(_) => println!(
            "peak memory: not measured ({})",
            String::from_utf8_lossy(&output.stderr).trim()
        ),
    }
}

pub(super) fn peak_memory_child(project_path: &Path) {
    let mut harness = desk(Some(project_path.to_owned()));
    settle(&mut harness);
    let mut steps = 0;
    while !harness.state().article_view().is_scrolled_to_end() && steps < 20_000 {
        wheel(&mut harness, -400.0);
        harness.step();
        steps += 1;
    }
    harness.run();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kilobytes = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| {
            value
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        });
    match peak_kilobytes {
        Some(kilobytes) => println!("{:.1}", kilobytes / 1024.0),
        None => eprintln!("/proc/self/status has no VmHWM on this system"),
    }
}
