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

/// Held by tests that measure time or load the machine heavily, so that they do not run
/// alongside each other in this test binary.
pub(crate) fn exclusive() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// True, after saying so, when this test binary runs under emulation and `what` runs only in
/// the host's test run instead. Clusters are such: the host's run already starts nodes of every
/// architecture (`PHANTOM_NODE_COMMANDS`, from the binaries ci/all builds first), the very
/// binaries an emulated run would start again, so under qemu a cluster test would repeat the
/// same moves several times slower. The client (and a browser) are always the host's there.
pub(crate) fn host_run_only(what: &str) -> bool {
    if emulated() {
        println!("{what} runs in the host's test run, with nodes of every architecture");
    }
    emulated()
}

/// Whether this test binary runs under an emulator (`PHANTOM_TEST_RUNNER`).
pub(crate) fn emulated() -> bool {
    std::env::var("PHANTOM_TEST_RUNNER").is_ok_and(|r| !r.trim().is_empty())
}
