//! The Java corpus (tests/java/*): each program is compiled by javac 17 and run under the
//! `phantom` binary built for the target under test (through qemu when it is foreign); its
//! stdout, stderr and exit status must equal what HotSpot 17 gave (scripts/bless-java).
//!
//! Each program also runs as `roundtrip/<name>` under `phantom run --roundtrip-every P` for a
//! large prime P, and as `roundtrip-65537/<name>` for a smaller one: captured, encoded, decoded
//! and restored into a fresh VM again and again, it must still print exactly what HotSpot
//! printed (the short period on native runs only).
//!
//! A program folder may hold `args` (one argument per line), `stdin`, `slow` (a reason line:
//! slow programs are not run under emulation, where they would take many minutes) and `tiny`:
//! tiny programs also run as `roundtrip-1/<name>`, captured and restored after every single
//! instruction (every 13th under emulation, where one instruction's round trip costs ten times
//! more).

use libtest_mimic::{Arguments, Failed, Trial};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java")
}

/// Compiles a program once per distinct source text, into target/tmp/java/<name>-<hash>.
fn compile(dir: &Path) -> Result<PathBuf, Failed> {
    let mut sources: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "java"))
        .collect();
    sources.sort();
    let mut hasher = Sha256::new();
    for s in &sources {
        hasher.update(s.file_name().unwrap_or_default().as_encoded_bytes());
        hasher.update(fs::read(s).map_err(|e| format!("{}: {e}", s.display()))?);
    }
    let hash: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("java")
        .join(format!("{name}-{hash}"));
    if out.join("Main.class").exists() {
        return Ok(out);
    }
    // Trials run as threads of one process: each compilation needs its own staging folder.
    static STAGING: AtomicUsize = AtomicUsize::new(0);
    let n = STAGING.fetch_add(1, Ordering::Relaxed);
    let staging = out.with_extension(format!("tmp{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    let status = Command::new("javac")
        .arg("-d")
        .arg(&staging)
        .args(&sources)
        .status()
        .map_err(|e| format!("cannot run javac (scripts/setup installs JDK 17): {e}"))?;
    if !status.success() {
        return Err(format!("javac failed on {}", dir.display()).into());
    }
    // Another test process may have finished the same compilation first; either copy is fine.
    if fs::rename(&staging, &out).is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    Ok(out)
}

fn phantom() -> Command {
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

fn first_difference(what: &str, expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let line = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    format!(
        "{what} differs at line {}:\n  expected: {:?}\n  actual:   {:?}\n  ({} expected lines, {} actual)",
        line + 1,
        e.get(line).unwrap_or(&"<end>"),
        a.get(line).unwrap_or(&"<end>"),
        e.len(),
        a.len()
    )
}

/// The period of the round-trip runs: a prime, so captures fall at varied instructions.
/// The round-trip periods every program runs at: two primes, so the cuts fall at every kind of
/// instruction rather than in step with a loop.
const ROUNDTRIP_PERIOD: &str = "1000003";
const ROUNDTRIP_PERIOD_SHORT: &str = "65537";

fn run_program(dir: &Path, roundtrip: Option<&str>) -> Result<(), Failed> {
    let classes = compile(dir)?;
    let read = |f: &str| fs::read(dir.join(f)).ok();
    let args: Vec<String> = read("args")
        .map(|b| {
            String::from_utf8_lossy(&b)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let stdin = read("stdin").unwrap_or_default();
    let mut cmd = phantom();
    cmd.arg("run");
    if let Some(period) = roundtrip {
        cmd.args(["--roundtrip-every", period]);
    }
    let mut child = cmd
        .arg("-cp")
        .arg(&classes)
        .arg("Main")
        .args(&args)
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start phantom: {e}"))?;
    let mut input = child.stdin.take().expect("stdin was piped");
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child
        .wait_with_output()
        .map_err(|e| format!("phantom: {e}"))?;
    let _ = writer.join();
    let expected_out =
        String::from_utf8_lossy(&read("expected.stdout").unwrap_or_default()).into_owned();
    let expected_err =
        String::from_utf8_lossy(&read("expected.stderr").unwrap_or_default()).into_owned();
    let expected_status: i32 =
        String::from_utf8_lossy(&read("expected.status").unwrap_or_default())
            .trim()
            .parse()
            .map_err(|_| {
                format!(
                    "{}: expected.status is missing (run scripts/bless-java)",
                    dir.display()
                )
            })?;
    let actual_out = String::from_utf8_lossy(&out.stdout);
    let actual_err = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if actual_out != expected_out {
        problems.push(first_difference("stdout", &expected_out, &actual_out));
    }
    if actual_err != expected_err {
        problems.push(first_difference("stderr", &expected_err, &actual_err));
    }
    let status = out.status.code().unwrap_or(-1);
    if status != expected_status {
        problems.push(format!("exit status {status}, expected {expected_status}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let emulated = std::env::var("PHANTOM_TEST_RUNNER").is_ok_and(|r| !r.trim().is_empty());
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .expect("tests/java exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("Main.java").exists())
        .collect();
    dirs.sort();
    let mut trials = Vec::new();
    for dir in dirs {
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let slow = dir.join("slow").exists();
        let d = dir.clone();
        trials.push(
            Trial::test(name.clone(), move || run_program(&d, None))
                .with_ignored_flag(slow && emulated),
        );
        if dir.join("tiny").exists() {
            let d = dir.clone();
            let period = if emulated { "13" } else { "1" };
            trials.push(Trial::test(format!("roundtrip-1/{name}"), move || {
                run_program(&d, Some(period))
            }));
        }
        let d = dir.clone();
        trials.push(
            Trial::test(format!("roundtrip-65537/{name}"), move || {
                run_program(&d, Some(ROUNDTRIP_PERIOD_SHORT))
            })
            // Under emulation the long period and the per-instruction runs cover restore;
            // the short period would double the corpus's time there.
            .with_ignored_flag(slow || emulated),
        );
        trials.push(
            Trial::test(format!("roundtrip/{name}"), move || {
                run_program(&dir, Some(ROUNDTRIP_PERIOD))
            })
            .with_ignored_flag(slow),
        );
    }
    libtest_mimic::run(&args, trials).exit();
}
