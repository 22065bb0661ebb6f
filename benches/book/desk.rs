//! The book group's desk figures: the real desk driven headless by egui_kittest, its frames
//! timed in the thread's CPU time, and its peak memory measured in a child process.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::book::BOOK_SECTIONS;
use crate::support::desk::{
    Desk, desk, drop_and_land, ms, percentile, report, settle, timed_step, type_in_a_comment,
    wheel, wheel_to_end,
};

use super::PEAK_MEMORY_ARGUMENT;

pub(super) fn desk_figures(project_path: &Path, next_draft_path: &Path) {
    // The desk starts empty; the book is dropped on it: the frames that follow are what a
    // reviewer waits for. The drop starts the open on a worker thread; frames go on until it
    // lands, and the frame it lands in draws the book.
    let mut harness = desk(None);
    harness.run();
    let landing = drop_and_land(&mut harness, project_path);
    assert_eq!(
        harness.state().state().project().map(|p| p.sections.len()),
        Some(BOOK_SECTIONS)
    );
    println!(
        "the open ran on a worker thread: {} frames drawn meanwhile; the longest, the one it landed in, {:.1} ms",
        landing.frames_meanwhile,
        ms(landing.longest_frame)
    );
    report(
        "first frame after open (open included)",
        ms(landing.first_frame),
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

    let (mut frames, mut walls) = wheel_to_end(&mut harness);
    let steps = frames.len();
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
    let mut frames = type_in_a_comment(harness, "Which records? Please cite the council minutes.");
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
