//! Driving the real desk headless (egui_kittest) and timing its frames, shared by the groups
//! that measure the desk (`book`, `find`, `rtl`): a desk, a file dropped on it, the wheel,
//! typing in a comment card, and figures printed beside their targets.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::app::prefs::Preferences;
use copydesk::app::{CopydeskApp, DeskOptions, ScriptedFileDialogs, Start};
use copydesk::storage::Safekeeping;
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

pub type Desk = Harness<'static, CopydeskApp>;

pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// One line of the table: the figure beside its target, and whether it meets it.
pub fn report(what: &str, figure: f64, unit: &str, target: f64) {
    let verdict = if figure <= target { "met" } else { "MISSED" };
    println!("{what:<58} {figure:>9.1} {unit:<3} target ≤ {target:<5} {verdict}");
}

/// The value at `p` (0 to 1) of sorted frame times, in milliseconds.
pub fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    ms(sorted[index])
}

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
pub fn timed_step(harness: &mut Desk) -> (Duration, Duration) {
    let cpu = thread_cpu_time();
    let started = Instant::now();
    harness.step();
    let wall = started.elapsed();
    let cpu = cpu
        .zip(thread_cpu_time())
        .map_or(wall, |(before, after)| after - before);
    (cpu, wall)
}

/// The desk in a 1400 × 900 window, opening `file` (or the bundled sample when `None`).
pub fn desk(file: Option<PathBuf>) -> Desk {
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

/// A turn of the mouse wheel over the article (negative `delta` scrolls down).
pub fn wheel(harness: &mut Desk, delta: f32) {
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
pub fn settle(harness: &mut Desk) -> u64 {
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

/// What a reviewer waits for when a file is dropped on the desk.
pub struct Landing {
    /// From the drop to the end of the frame the file lands in (the open included).
    pub first_frame: Duration,
    /// The longest frame meanwhile: the one it lands in, which lays out what is in view.
    pub longest_frame: Duration,
    /// Frames drawn while the file was read on a worker thread.
    pub frames_meanwhile: usize,
}

/// Drops `path` on the desk and steps until it has landed (it is read on a worker thread).
pub fn drop_and_land(harness: &mut Desk, path: &Path) -> Landing {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.to_owned())));
    let started = Instant::now();
    let mut longest_frame = timed_step(harness).0;
    let mut frames_meanwhile = 0;
    while harness.state().state().files.is_opening_or_revising() {
        std::thread::sleep(Duration::from_millis(1));
        longest_frame = longest_frame.max(timed_step(harness).0);
        frames_meanwhile += 1;
    }
    Landing {
        first_frame: started.elapsed(),
        longest_frame,
        frames_meanwhile,
    }
}

/// Scrolls with the wheel (400 points a turn) from where the article is to its end, a turn
/// per frame; returns each frame's CPU and wall time, in order.
pub fn wheel_to_end(harness: &mut Desk) -> (Vec<Duration>, Vec<Duration>) {
    let (mut frames, mut walls) = (Vec::new(), Vec::new());
    while !harness.state().article_view().is_scrolled_to_end() && frames.len() < 20_000 {
        wheel(harness, -400.0);
        let (cpu, wall) = timed_step(harness);
        frames.push(cpu);
        walls.push(wall);
    }
    (frames, walls)
}

/// Puts the keyboard in the first comment card the side panel shows and types `text` into it
/// key by key; returns each key's frame time.
pub fn type_in_a_comment(harness: &mut Desk, text: &str) -> Vec<Duration> {
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
    text.chars()
        .map(|character| {
            harness.event(Event::Text(character.to_string()));
            timed_step(harness).0
        })
        .collect()
}

/// Adds, after egui's own fonts, the font the system picks for each language (fontconfig's
/// `fc-match :lang=…`, what the desk's system font fallback finds when it meets Arabic or
/// Hebrew in a window; the headless harness has no such fallback and would stop at the first
/// letter no font draws). Returns the font files added.
pub fn add_system_fonts(harness: &Desk, languages: &[&str]) -> Vec<PathBuf> {
    use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};
    let mut added: Vec<PathBuf> = Vec::new();
    for language in languages {
        let Ok(output) = std::process::Command::new("fc-match")
            .args(["--format=%{file}", &format!(":lang={language}")])
            .output()
        else {
            continue;
        };
        let file = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        if added.contains(&file) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect();
        harness.ctx.add_font(FontInsert {
            name: file.display().to_string(),
            data: FontData::from_owned(bytes),
            families,
        });
        added.push(file);
    }
    added
}
