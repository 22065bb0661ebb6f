//! The real desk binary, run as a person would run it: in a virtual X display (Xvfb) of its own,
//! with a private home, typed into with xdotool, watched through its processor time and its
//! recovery journals.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use copydesk::model::Project;
use copydesk::storage::journal::read_journal;

use crate::common::copydesk;

/// The programs the test drives the desk with.
const TOOLS: [&str; 2] = ["Xvfb", "xdotool"];

/// Whether Xvfb and xdotool are installed; under CI their absence fails the test.
pub(crate) fn tools_installed() -> bool {
    let on_path = |tool: &str| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
    };
    let missing: Vec<&str> = TOOLS.into_iter().filter(|tool| !on_path(tool)).collect();
    if missing.is_empty() {
        return true;
    }
    let under_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !under_ci,
        "{} missing: under CI .ci/run installs them (apt-get install xvfb xdotool)",
        missing.join(" and ")
    );
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {} not installed (apt-get install xvfb xdotool); the desk was not killed and recovered",
        missing.join(" and ")
    );
    false
}

/// The processes the test started, killed and reaped however it ends.
#[derive(Default)]
pub(crate) struct Processes(pub(crate) Vec<Child>);

impl Processes {
    pub(crate) fn add(&mut self, child: Child) -> &mut Child {
        self.0.push(child);
        self.0.last_mut().unwrap()
    }
}

impl Drop for Processes {
    fn drop(&mut self) {
        // The desk before the X server it draws on.
        for child in self.0.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A private home for the desk: its preferences, its data folder and its display.
pub(crate) struct DeskEnv {
    home: PathBuf,
    runtime: PathBuf,
    data: PathBuf,
    display: String,
    /// Where the desk's output goes.
    pub(crate) log: PathBuf,
}

impl DeskEnv {
    pub(crate) fn new(root: &Path, display: String) -> Self {
        let home = root.join("home");
        let runtime = root.join("runtime");
        for dir in [&home, &runtime] {
            std::fs::create_dir_all(dir).unwrap();
        }
        // XDG_RUNTIME_DIR must be private to its user.
        std::fs::set_permissions(
            &runtime,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();
        Self {
            home,
            runtime,
            data: root.join("data"),
            display,
            log: root.join("desk.log"),
        }
    }

    /// `copydesk ARGS` as the person at this display runs it.
    pub(crate) fn copydesk(&self, args: &[&str]) -> Command {
        let mut command = copydesk();
        command
            .args(args)
            .env("HOME", &self.home)
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_CACHE_HOME", self.home.join(".cache"))
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env("COPYDESK_DATA_DIR", &self.data)
            .env("DISPLAY", &self.display)
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .env_remove("XAUTHORITY");
        command
    }

    pub(crate) fn recover(&self, args: &[&str]) -> Output {
        let mut all = vec!["recover"];
        all.extend_from_slice(args);
        self.copydesk(&all).output().unwrap()
    }

    /// Runs xdotool on this display; fails the test if it does not succeed within 10 s.
    pub(crate) fn xdotool(&self, args: &[&str]) -> String {
        let mut child = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("xdotool {args:?} did not finish within 10 s");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "xdotool {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// A key combination, then a moment for the desk to draw a frame with it.
    pub(crate) fn key(&self, keys: &str) {
        self.xdotool(&["key", "--clearmodifiers", keys]);
        std::thread::sleep(Duration::from_millis(400));
    }

    pub(crate) fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "40", text]);
        std::thread::sleep(Duration::from_millis(300));
    }

    /// The journal, once one in the data folder satisfies `done` (polled for 10 s: it is
    /// written 1.5 s after the last change).
    pub(crate) fn wait_for_journal(&self, what: &str, done: impl Fn(&Project) -> bool) -> PathBuf {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let written = self
                .journals()
                .into_iter()
                .find(|path| read_journal(path).is_ok_and(|(_, project)| done(&project)));
            if let Some(journal) = written {
                return journal;
            }
            if Instant::now() > deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        // What the journals hold of the edits.
        let journals: Vec<String> = self
            .journals()
            .iter()
            .map(|path| match read_journal(path) {
                Ok((meta, project)) => format!(
                    "{}: written at {} by process {}; statuses {:?}; comments {:?}",
                    path.display(),
                    meta.written_at,
                    meta.writer.pid,
                    project
                        .sections
                        .iter()
                        .map(|s| s.status)
                        .collect::<Vec<_>>(),
                    project.comments.iter().map(|c| &c.body).collect::<Vec<_>>()
                ),
                Err(error) => error.to_string(),
            })
            .collect();
        panic!(
            "no journal with {what} within 10 s of the keystrokes; journals: {journals:#?}; {}; the desk printed: {}",
            self.screenshot("no-journal"),
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }

    /// A picture of the screen, for a failure message: where it was saved, or why not.
    pub(crate) fn screenshot(&self, name: &str) -> String {
        let path =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("crash_recovery-{name}.png"));
        // ImageMagick's `import`, where it is installed.
        let taken = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .env("DISPLAY", &self.display)
            .status();
        match taken {
            Ok(status) if status.success() => format!("the screen: {}", path.display()),
            _ => "no screenshot (ImageMagick's import is not installed)".to_owned(),
        }
    }

    pub(crate) fn journals(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.data.join("recovery"))
            .map(|entries| {
                entries
                    .map(|entry| entry.unwrap().path())
                    .filter(|path| path.to_string_lossy().ends_with(".copydesk.ron"))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Starts Xvfb on a display nobody uses (it picks the number itself and says which).
pub(crate) fn start_xvfb(processes: &mut Processes, log: &Path) -> String {
    let xvfb = processes.add(
        Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1600x1000x24",
                "-nolisten",
                "tcp",
                // An X server resets when its last client leaves, refusing connections for a
                // moment: each xdotool call is a client that leaves, and the desk's connection
                // then failed now and then under load.
                "-noreset",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(log).unwrap())
            .spawn()
            .unwrap(),
    );
    let stdout = xvfb.stdout.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        let _ = sender.send(line);
        // Keep the pipe open and drained: Xvfb dies of SIGPIPE if it writes to a closed one.
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
    });
    let number = receiver
        .recv_timeout(Duration::from_secs(15))
        .unwrap_or_default();
    let number = number.trim();
    assert!(
        !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
        "Xvfb did not start: {}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
    let display = format!(":{number}");
    // Xvfb names its display when it listens, but a client may still be refused for a moment
    // (seen once under load): wait until one gets through.
    let started = Instant::now();
    loop {
        let answered = Command::new("xdotool")
            .arg("getdisplaygeometry")
            .env("DISPLAY", &display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if answered {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "Xvfb on {display} never accepted a client: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    display
}

/// The processor time process `pid` has used so far, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // After the command name in parentheses: state, ppid, … utime (14th), stime (15th).
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 1..]
        .split_whitespace()
        .collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

/// Waits until the desk has drawn everything it was given: egui draws only when something
/// happens, so a desk with no input to handle and no text cursor blinking uses no processor
/// time at all. Half a second without any means it is done.
pub(crate) fn settle(pid: u32, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut last = cpu_ticks(pid);
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_millis(500) {
        assert!(
            Instant::now() < deadline,
            "the desk kept working for 20 s after {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
        let now = cpu_ticks(pid);
        if now != last {
            last = now;
            quiet_since = Instant::now();
        }
    }
}

/// The visible window of process `pid`, waited for up to 30 s.
pub(crate) fn window_of(env: &DeskEnv, desk: &mut Child) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let pid = desk.id().to_string();
    loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &pid])
            .env("DISPLAY", &env.display)
            .output()
            .unwrap();
        if let Some(window) = String::from_utf8_lossy(&found.stdout).lines().next() {
            return window.trim().to_owned();
        }
        if let Some(status) = desk.try_wait().unwrap() {
            let xvfb_log = env.log.with_file_name("xvfb.log");
            panic!(
                "the desk exited ({status}) before showing a window: {}\nXvfb said: {}",
                std::fs::read_to_string(&env.log).unwrap_or_default(),
                std::fs::read_to_string(xvfb_log).unwrap_or_default()
            );
        }
        assert!(
            Instant::now() < deadline,
            "the desk showed no window within 30 s: {}",
            std::fs::read_to_string(&env.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
