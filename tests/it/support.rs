//! Running the `phantom` binary under test, natively or through the target's emulator.

use std::process::{Command, Output};

/// A `phantom` command, prefixed by the emulator that `ci/test-target` names for this target.
pub(crate) fn phantom() -> Command {
    let bin = env!("CARGO_BIN_EXE_phantom");
    let runner = std::env::var("PHANTOM_TEST_RUNNER").unwrap_or_default();
    let mut words = runner.split_whitespace();
    match words.next() {
        Some(emulator) => {
            let mut cmd = Command::new(emulator);
            cmd.args(words).arg(bin);
            cmd
        }
        None => Command::new(bin),
    }
}

/// Runs a command to completion and returns its output, naming the command if it cannot start.
pub(crate) fn output(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"))
}
