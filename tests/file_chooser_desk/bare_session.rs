//! The real desk on a bare X session, as on i3, sway, a minimal install or over X forwarding:
//! no session bus (so no desktop portal) and no zenity on the PATH. The desk tells that from
//! its environment, and a review is saved through its own chooser, typed into with xdotool.

use std::process::Stdio;
use std::time::{Duration, Instant};

use copydesk::project_file::load_project;

use crate::common::{temp_dir, write};
use crate::crash_recovery::real_desk::{
    DeskEnv, Processes, settle, start_xvfb, tools_installed, window_of,
};

#[test]
fn on_a_session_with_no_portal_and_no_zenity_the_real_desk_saves_a_review() {
    if !tools_installed() {
        return;
    }
    let folder = temp_dir();
    let root = folder.path();
    let article = root.join("story.md");
    write(
        &article,
        "# A Story From a Bare Session\n\nA short draft about bridges.\n",
    );
    // A PATH with nothing on it, zenity least of all.
    let empty_path = root.join("bin");
    std::fs::create_dir_all(&empty_path).unwrap();

    let mut processes = Processes::default();
    let display = start_xvfb(&mut processes, &root.join("xvfb.log"));
    let env = DeskEnv::new(root, display);
    env.xdotool(&["mousemove", "1590", "990"]);
    let log_file = std::fs::File::create(&env.log).unwrap();
    let desk = processes.add(
        env.copydesk(&[article.to_str().unwrap()])
            // No bus address, and a runtime folder with no bus socket in it.
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("PATH", &empty_path)
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().unwrap())
            .stderr(log_file)
            .spawn()
            .unwrap(),
    );
    let desk_pid = desk.id();
    let window = window_of(&env, desk);
    settle(desk_pid, "starting");
    env.xdotool(&["windowfocus", "--sync", &window]);
    std::thread::sleep(Duration::from_millis(300));
    // First start: who is reviewing.
    env.type_text("Sam Bare");
    env.key("Return");
    settle(desk_pid, "closing the name dialog");

    // Save: the desk's own chooser opens with its Path field taking the keyboard.
    env.key("ctrl+s");
    // Its text cursor blinks: the desk does not go idle now; a moment is enough.
    std::thread::sleep(Duration::from_millis(1500));
    let target = root.join("saved-on-a-bare-session.copydesk.ron");
    env.key("ctrl+a");
    env.type_text(target.to_str().unwrap());
    env.key("Return");
    let deadline = Instant::now() + Duration::from_secs(15);
    while !target.exists() {
        assert!(
            Instant::now() < deadline,
            "nothing was saved within 15 s; {}; the desk printed: {}",
            env.screenshot("bare-session"),
            std::fs::read_to_string(&env.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let saved = load_project(&target).unwrap();
    assert_eq!(saved.title, "A Story From a Bare Session");
}
