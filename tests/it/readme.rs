//! The README's cluster section, run as written: its shell block, line by line in one bash,
//! in a fresh folder with `examples/` beside it and the `phantom` under test first on PATH.
//! The programs' output must be HotSpot's, and the commands must all succeed.

use crate::support::output;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The first `sh` block after the heading `## A cluster`.
fn cluster_block() -> String {
    let readme = include_str!("../../README.md");
    let section = &readme[readme
        .find("\n## A cluster\n")
        .expect("README has a cluster section")..];
    let block = &section[section.find("```sh\n").expect("a shell block") + 6..];
    block[..block.find("```").expect("the block ends")].to_string()
}

/// Kills every process whose working directory is `dir`.
fn kill_all_in(dir: &Path) {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    let me = std::process::id().to_string();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.bytes().all(|b| b.is_ascii_digit()) || name == me {
            continue;
        }
        if std::fs::read_link(entry.path().join("cwd")).is_ok_and(|cwd| cwd == dir) {
            let _ = Command::new("kill").args(["-KILL", &name]).status();
        }
    }
}

#[test]
fn the_readme_cluster_section_works_as_written() {
    if crate::support::host_run_only("the README's cluster") {
        return;
    }
    let _serial = crate::support::exclusive();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-cluster");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    std::os::unix::fs::symlink(root.join("examples"), dir.join("examples")).expect("examples/");
    let block = cluster_block();
    // Each line as typed: bash stops at the first that fails.
    std::fs::write(dir.join("cluster.sh"), format!("set -e\n{block}")).expect("the script");
    let bin = Path::new(env!("CARGO_BIN_EXE_phantom"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut child = std::os::unix::process::CommandExt::process_group(
        Command::new("bash")
            .arg("cluster.sh")
            .current_dir(&dir)
            .env("PATH", path)
            .env("HOME", &dir)
            .env_remove("PHANTOM_NODE")
            .env_remove("PHANTOM_CLUSTER")
            .env_remove("PHANTOM_CONFIG")
            .env_remove("XDG_CONFIG_HOME")
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(dir.join("stdout")).expect("stdout"))
            .stderr(std::fs::File::create(dir.join("stderr")).expect("stderr")),
        0,
    )
    .spawn()
    .expect("bash starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if start.elapsed() > Duration::from_secs(300) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    if status.is_none() {
        let _ = child.kill();
    }
    let _ = child.wait();
    // No node outlives the test, whatever the script did: every process still working in the
    // test's folder is one it started.
    kill_all_in(&dir);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let logs = || {
        ["stderr", "a.log", "b.log", "c.log"]
            .map(|f| format!("--- {f}:\n{}", read(f)))
            .join("\n")
    };
    let stdout = read("stdout");
    match status {
        Some(s) if s.success() => {}
        Some(s) => panic!(
            "the README's cluster section failed ({s}):\n{stdout}\n{}",
            logs()
        ),
        None => panic!("the README's cluster section hung:\n{stdout}\n{}", logs()),
    }
    // Both programs printed what HotSpot prints: the attached one, and the detached one
    // through `logs --follow` after it moved.
    for args in [&["8", "100"][..], &["40", "150"][..]] {
        let java = output(
            Command::new("java")
                .arg("-cp")
                .arg(dir.join("classes"))
                .arg("Journey")
                .args(args),
        );
        assert!(java.status.success(), "java: {java:?}");
        let expected = String::from_utf8(java.stdout).expect("text");
        assert!(
            stdout.contains(&expected),
            "Journey {args:?} did not print HotSpot's output:\n{stdout}\n{}",
            logs()
        );
    }
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("moved a-2 from ") && l.contains(" to b: frozen")),
        "{stdout}"
    );
    assert!(
        stdout.contains("phantom_migrations_total{outcome=\"moved\"}"),
        "{stdout}"
    );
    let status_line = stdout
        .lines()
        .any(|l| l.contains("exited") && l.contains('0'));
    assert!(status_line, "status shows how it ended:\n{stdout}");
}
