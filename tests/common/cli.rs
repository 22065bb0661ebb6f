//! Running the `copydesk` binary as a script would, and reading what it said: shared by the
//! command-line test modules.

use std::process::Output;

use crate::common::copydesk;

/// `copydesk ARGS`, run to the end.
pub fn run(args: &[&str]) -> Output {
    copydesk().args(args).output().unwrap()
}

/// What the command printed, as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the command printed as errors, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The command failed with exit status 2 and a message saying `message`.
pub fn fails_with(output: &Output, message: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    assert!(stderr(output).contains(message), "{}", stderr(output));
}
