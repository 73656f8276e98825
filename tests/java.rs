//! The Java corpus (tests/java/*): each program is compiled by javac 17 and run under the
//! `phantom` binary built for the target under test (through qemu when it is foreign); its
//! stdout, stderr and exit status must equal what HotSpot 17 gave (scripts/bless-java), and so
//! must the working directory it leaves behind.
//!
//! Each program also runs as `roundtrip/<name>` under `phantom run --roundtrip-every P` for a
//! large prime P, and as `roundtrip-65537/<name>` for a smaller one: captured, encoded, decoded
//! and restored into a fresh VM again and again, it must still print exactly what HotSpot
//! printed (the short period on native runs only; the long one on every target whose
//! definition does not say `corpus = "plain"`).
//!
//! A program folder may hold `args` (one argument per line), `stdin`, `env` (NAME=VALUE lines
//! added to the environment), `files/` (copied into the working directory), `slow` (a reason
//! line: slow programs are not run under emulation, where they would take many minutes) and
//! `tiny`: tiny programs also run as `roundtrip-1/<name>`, captured and restored after every
//! single instruction (every 13th under emulation, where one instruction's round trip costs ten
//! times more).
//!
//! Under emulation (`PHANTOM_HOST_BIN` set), every program is stopped by one architecture's
//! build and resumed by the other's, both ways (`cross-from-host/<name>`, `cross-to-host/<name>`):
//! after the instruction count in its `cross` file, or else halfway through. Between them the two
//! runs execute the whole program on the build under test, so such a program does not also run
//! plain there.
//!
//! Every run starts in a fresh working directory of its own under target/tmp/java-run, holding a
//! copy of `files/` or nothing; afterwards it must hold what `expected.files` lists (a manifest
//! written by scripts/bless-java, tests/java/README.md), or, without that file, be unchanged.
//! The directory is removed when the run passes and kept for inspection when it fails.

use libtest_mimic::{Arguments, Failed, Trial};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java")
}

/// A program's sources, sorted, and the folder that holds it compiled:
/// target/tmp/java/<name>-<hash>, one per distinct source text.
fn sources_and_output(dir: &Path) -> Result<(Vec<PathBuf>, PathBuf), Failed> {
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
    Ok((sources, out))
}

/// A folder of its own for one compilation: trials run as threads of one process, and test
/// processes of several targets may share target/tmp.
fn staging_for(out: &Path) -> Result<PathBuf, Failed> {
    static STAGING: AtomicUsize = AtomicUsize::new(0);
    let n = STAGING.fetch_add(1, Ordering::Relaxed);
    let staging = out.with_extension(format!("tmp{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    Ok(staging)
}

/// Moves a finished compilation into place. Another test process may have finished the same
/// compilation first; either copy is fine.
fn publish(staging: &Path, out: &Path) {
    if fs::rename(staging, out).is_err() {
        let _ = fs::remove_dir_all(staging);
    }
}

/// Compiles a program (unless it is compiled already) and returns its classes' folder.
fn compile(dir: &Path) -> Result<PathBuf, Failed> {
    let (sources, out) = sources_and_output(dir)?;
    if out.join("Main.class").exists() {
        return Ok(out);
    }
    let staging = staging_for(&out)?;
    let status = Command::new("javac")
        .arg("-d")
        .arg(&staging)
        .args(&sources)
        .status()
        .map_err(|e| format!("cannot run javac (scripts/setup installs JDK 17): {e}"))?;
    if !status.success() {
        return Err(format!("javac failed on {}", dir.display()).into());
    }
    publish(&staging, &out);
    Ok(out)
}

/// Compiles, before any trial runs, every program among `dirs` that is not compiled yet, in one
/// JVM (tests/JavacBatch.java): a javac process per program costs about a second, several
/// minutes for the corpus. Best effort: a program this leaves uncompiled is compiled by its
/// first trial, which reports javac's errors.
fn compile_all(dirs: &[&PathBuf]) {
    let mut lines = String::new();
    let mut staged = Vec::new();
    for dir in dirs {
        let Ok((sources, out)) = sources_and_output(dir) else {
            continue;
        };
        if out.join("Main.class").exists() {
            continue;
        }
        let Ok(staging) = staging_for(&out) else {
            continue;
        };
        lines.push_str(&staging.display().to_string());
        for s in &sources {
            lines.push('\t');
            lines.push_str(&s.display().to_string());
        }
        lines.push('\n');
        staged.push((staging, out));
    }
    if staged.len() < 2 {
        for (staging, _) in &staged {
            let _ = fs::remove_dir_all(staging);
        }
        return;
    }
    let list = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("java/batch-{}.txt", std::process::id()));
    let batch = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/JavacBatch.java");
    if fs::write(&list, lines).is_ok() {
        // Errors are the trials' to report, one program at a time; the batch names the
        // folders of programs that failed.
        let failed = Command::new("java")
            .arg(&batch)
            .arg(&list)
            .stderr(Stdio::null())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let _ = fs::remove_file(&list);
        for line in failed.lines() {
            let _ = fs::remove_dir_all(line);
        }
    }
    for (staging, out) in &staged {
        if staging.join("Main.class").exists() {
            publish(staging, out);
        } else {
            let _ = fs::remove_dir_all(staging);
        }
    }
}

/// How long one run of phantom may take: `PHANTOM_RUN_TIMEOUT` seconds, else 300 natively
/// and 900 under an emulator (`PHANTOM_TEST_RUNNER`).
fn run_timeout() -> std::time::Duration {
    let default = if std::env::var("PHANTOM_TEST_RUNNER").is_ok_and(|r| !r.trim().is_empty()) {
        900
    } else {
        300
    };
    let secs = std::env::var("PHANTOM_RUN_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    std::time::Duration::from_secs(secs)
}

/// Kills a process that runs longer than a limit.
struct Watchdog {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    fired: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Watchdog {
    fn start(pid: u32, limit: std::time::Duration) -> Watchdog {
        use std::sync::atomic::AtomicBool;
        let done = std::sync::Arc::new(AtomicBool::new(false));
        let fired = std::sync::Arc::new(AtomicBool::new(false));
        let (d, f) = (done.clone(), fired.clone());
        let thread = std::thread::spawn(move || {
            let deadline = std::time::Instant::now() + limit;
            while !d.load(Ordering::SeqCst) {
                let now = std::time::Instant::now();
                if now >= deadline {
                    f.store(true, Ordering::SeqCst);
                    let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
                    return;
                }
                std::thread::park_timeout(deadline - now);
            }
        });
        Watchdog {
            done,
            fired,
            thread,
        }
    }

    /// Stops watching; whether the limit was reached and the process killed.
    fn stop(self) -> bool {
        self.done.store(true, Ordering::SeqCst);
        self.thread.thread().unpark();
        let _ = self.thread.join();
        self.fired.load(Ordering::SeqCst)
    }
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

/// What a path of a working directory holds.
#[derive(PartialEq)]
enum Node {
    Dir,
    File(Vec<u8>),
}

/// A working directory's contents: every directory and file below it, by relative path with
/// `/` separators, in byte order (the order of the `expected.files` manifest).
type Tree = BTreeMap<String, Node>;

/// Reads the tree below `root`. Anything but files and directories (a symbolic link, a socket)
/// is an error: the corpus has no way to expect it.
fn read_tree(root: &Path) -> Result<Tree, String> {
    fn walk(root: &Path, rel: &str, tree: &mut Tree) -> Result<(), String> {
        let dir = root.join(rel);
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry
                .file_name()
                .into_string()
                .map_err(|n| format!("{}: a name that is not UTF-8: {n:?}", dir.display()))?;
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry.file_type().map_err(|e| format!("{path}: {e}"))?;
            if kind.is_dir() {
                tree.insert(path.clone(), Node::Dir);
                walk(root, &path, tree)?;
            } else if kind.is_file() {
                let bytes = fs::read(entry.path()).map_err(|e| format!("{path}: {e}"))?;
                tree.insert(path, Node::File(bytes));
            } else {
                return Err(format!("{path} is neither a file nor a directory"));
            }
        }
        Ok(())
    }
    let mut tree = Tree::new();
    walk(root, "", &mut tree)?;
    Ok(tree)
}

/// Parses an `expected.files` manifest: a `dir PATH` line per directory and a `file PATH SIZE`
/// line per file, followed by the file's SIZE bytes and a newline.
fn parse_manifest(mut bytes: &[u8]) -> Result<Tree, String> {
    let mut tree = Tree::new();
    while !bytes.is_empty() {
        let end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("the last line has no newline")?;
        let header = String::from_utf8_lossy(&bytes[..end]).into_owned();
        bytes = &bytes[end + 1..];
        if let Some(path) = header.strip_prefix("dir ") {
            tree.insert(path.to_string(), Node::Dir);
        } else if let Some((path, size)) = header
            .strip_prefix("file ")
            .and_then(|rest| rest.rsplit_once(' '))
        {
            let size: usize = size
                .parse()
                .map_err(|_| format!("not a size in {header:?}"))?;
            if bytes.len() <= size || bytes[size] != b'\n' {
                return Err(format!("the content of {path} is cut short"));
            }
            tree.insert(path.to_string(), Node::File(bytes[..size].to_vec()));
            bytes = &bytes[size + 1..];
        } else {
            return Err(format!(
                "neither `dir PATH` nor `file PATH SIZE`: {header:?}"
            ));
        }
    }
    Ok(tree)
}

/// The first difference between two trees in path order, if any: the path, and for a text file
/// of at most 64 KiB its first differing line.
fn tree_difference(expected: &Tree, actual: &Tree) -> Option<String> {
    let describe = |node: Option<&Node>| match node {
        None => "nothing".to_string(),
        Some(Node::Dir) => "a directory".to_string(),
        Some(Node::File(bytes)) => format!("a file of {} bytes", bytes.len()),
    };
    let paths: BTreeSet<&String> = expected.keys().chain(actual.keys()).collect();
    for path in paths {
        match (expected.get(path), actual.get(path)) {
            (Some(Node::File(e)), Some(Node::File(a))) if e != a => {
                return Some(file_difference(path, e, a));
            }
            (e, a) if e != a => {
                return Some(format!(
                    "working directory differs at {path}: expected {}, got {}",
                    describe(e),
                    describe(a)
                ));
            }
            _ => {}
        }
    }
    None
}

/// How the contents of file `path` differ: the first differing line of small text files, else
/// the first differing byte.
fn file_difference(path: &str, expected: &[u8], actual: &[u8]) -> String {
    fn small_text(bytes: &[u8]) -> Option<&str> {
        std::str::from_utf8(bytes).ok().filter(|t| t.len() <= 65536)
    }
    if let (Some(e), Some(a)) = (small_text(expected), small_text(actual))
        && e.lines().ne(a.lines())
    {
        return first_difference(&format!("working directory file {path}"), e, a);
    }
    let at = expected.iter().zip(actual).position(|(x, y)| x != y);
    format!(
        "working directory file {path} differs at byte {}: expected {} bytes, got {}",
        at.unwrap_or(expected.len().min(actual.len())),
        expected.len(),
        actual.len()
    )
}

/// Copies the tree below `from` into the existing directory `to`.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    for (path, node) in read_tree(from)? {
        let dest = to.join(&path);
        match node {
            Node::Dir => fs::create_dir_all(&dest),
            Node::File(bytes) => fs::write(&dest, bytes),
        }
        .map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    Ok(())
}

/// The `env` file's NAME=VALUE lines.
fn read_env(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let Ok(text) = fs::read_to_string(dir.join("env")) else {
        return Ok(Vec::new());
    };
    text.lines()
        .map(|line| match line.split_once('=') {
            Some((name, value)) if !name.is_empty() => Ok((name.to_string(), value.to_string())),
            _ => Err(format!("{}/env: not NAME=VALUE: {line:?}", dir.display())),
        })
        .collect()
}

/// The period of the round-trip runs: a prime, so captures fall at varied instructions.
/// The round-trip periods every program runs at: two primes, so the cuts fall at every kind of
/// instruction rather than in step with a loop.
const ROUNDTRIP_PERIOD: &str = "1000003";
const ROUNDTRIP_PERIOD_SHORT: &str = "65537";
/// Instructions between two pieces of a pre-copy session (`Mode::PreCopy`).
const PRECOPY_PERIOD: &str = "30011";

/// A fresh working directory for one run of the program in `dir`, holding a copy of its
/// `files/`: target/tmp/java-run/<variant>/<name>-<pid>.
fn fresh_workdir(dir: &Path, variant: &str) -> Result<PathBuf, Failed> {
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let work = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("java-run")
        .join(variant)
        .join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    if dir.join("files").is_dir() {
        copy_tree(&dir.join("files"), &work)?;
    }
    Ok(work)
}

/// How a program is run.
#[derive(Debug, Clone)]
enum Mode {
    /// Once, start to end.
    Plain,
    /// Captured and restored every so many instructions.
    Roundtrip(&'static str),
    /// Copied by pre-copy sessions beside itself, a piece every so many instructions, and
    /// continued by each copy (`phantom run --precopy-every`).
    PreCopy(&'static str),
    /// Stopped after `at` instructions (halfway through when `None`) by one build and resumed
    /// by the other: the host's own (`host`) and the one under test (emulated), `to_host`
    /// saying which goes second.
    Cross {
        at: Option<u64>,
        host: String,
        to_host: bool,
    },
}

fn run_program(dir: &Path, mode: Mode) -> Result<(), Failed> {
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
    let env = read_env(dir)?;
    // What the working directory must hold at the end: the manifest, or else files/ unchanged.
    let expected_tree = match read("expected.files") {
        Some(manifest) => parse_manifest(&manifest)
            .map_err(|e| format!("{}/expected.files: {e}", dir.display()))?,
        None if dir.join("files").is_dir() => read_tree(&dir.join("files"))?,
        None => Tree::new(),
    };
    let variant = match &mode {
        Mode::Plain => "plain".to_string(),
        Mode::Roundtrip(p) => format!("roundtrip-{p}"),
        Mode::PreCopy(p) => format!("precopy-{p}"),
        Mode::Cross { to_host, .. } => if *to_host {
            "cross-to-host"
        } else {
            "cross-from-host"
        }
        .to_string(),
    };
    let work = fresh_workdir(dir, &variant)?;
    // One run of a phantom binary in the working directory, with the program's environment.
    let launch_in = |cwd: &Path,
                     mut cmd: Command,
                     words: &[String],
                     input: Vec<u8>|
     -> Result<Output, Failed> {
        let mut child = cmd
            .args(words)
            .env("LANG", "C.UTF-8")
            .envs(env.iter().cloned())
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start phantom: {e}"))?;
        let mut pipe = child.stdin.take().expect("stdin was piped");
        let writer = std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
        // A run that hangs (a lost wake-up, a deadlock) fails this trial instead of CI.
        let watchdog = Watchdog::start(child.id(), run_timeout());
        let out = child
            .wait_with_output()
            .map_err(|e| format!("phantom: {e}"))?;
        let fired = watchdog.stop();
        let _ = writer.join();
        if fired {
            return Err(format!(
                "killed after {} s without ending (PHANTOM_RUN_TIMEOUT sets the limit)",
                run_timeout().as_secs()
            )
            .into());
        }
        Ok(out)
    };
    let launch =
        |cmd: Command, words: &[String], input: Vec<u8>| launch_in(&work, cmd, words, input);
    let mut program: Vec<String> = vec!["-cp".into(), classes.display().to_string(), "Main".into()];
    program.extend(args.iter().cloned());
    let (stdout, stderr, status) = match &mode {
        Mode::Plain | Mode::Roundtrip(_) | Mode::PreCopy(_) => {
            let mut words: Vec<String> = vec!["run".into()];
            if let Mode::Roundtrip(period) = &mode {
                words.extend(["--roundtrip-every".to_string(), period.to_string()]);
            }
            if let Mode::PreCopy(period) = &mode {
                words.extend(["--precopy-every".to_string(), period.to_string()]);
            }
            // With PHANTOM_DIRTY_AUDIT=N (ci/test-target sets it on native runs), the plain
            // run also checks every N instructions that the heap's dirty record shows every
            // change, which pre-copy migration relies on (docs/plans/precopy.md). Programs
            // marked `slow` are left out: each audit collects and copies the heap.
            if matches!(mode, Mode::Plain)
                && !dir.join("slow").exists()
                && let Some(period) = std::env::var("PHANTOM_DIRTY_AUDIT")
                    .ok()
                    .filter(|p| p.parse::<u64>().is_ok_and(|p| p > 0))
            {
                words.extend(["--dirty-audit-every".to_string(), period]);
            }
            words.extend(program);
            let out = launch(phantom(), &words, stdin)?;
            (out.stdout, out.stderr, out.status.code().unwrap_or(-1))
        }
        Mode::Cross { at, host, to_host } => {
            // Stopped by one build with its files open, resumed by the other in the same place.
            let host_cmd = || Command::new(host);
            // None when the program does not start (the launcher refuses its main class), so
            // the first build's run is the whole run.
            let at = match at {
                Some(at) => Some(*at),
                None => {
                    // Halfway, counted by a run of the host's build (natively, so cheap beside
                    // the emulated halves) in a working directory of its own.
                    let count_dir = fresh_workdir(dir, &format!("{variant}-count"))?;
                    let mut words: Vec<String> = vec!["run".into(), "--stats".into()];
                    words.extend(program.iter().cloned());
                    let out = launch_in(&count_dir, host_cmd(), &words, stdin.clone())?;
                    let _ = fs::remove_dir_all(&count_dir);
                    String::from_utf8_lossy(&out.stderr)
                        .lines()
                        .find(|l| l.starts_with("phantom: ") && l.contains(" instructions,"))
                        .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                        .map(|count| (count / 2).max(1))
                }
            };
            let (first, second) = if *to_host {
                (phantom(), host_cmd())
            } else {
                (host_cmd(), phantom())
            };
            let checkpoint = work.with_extension("ckpt");
            let _ = fs::remove_file(&checkpoint);
            let mut words: Vec<String> = vec![
                "run".into(),
                "--checkpoint-after".into(),
                at.unwrap_or(u64::MAX).to_string(),
                "--checkpoint-out".into(),
                checkpoint.display().to_string(),
            ];
            words.extend(program);
            let part1 = launch(first, &words, stdin)?;
            let (mut stdout, mut stderr) = (part1.stdout, part1.stderr);
            let status = if checkpoint.exists() {
                let words = vec!["resume".to_string(), checkpoint.display().to_string()];
                let part2 = launch(second, &words, Vec::new())?;
                let _ = fs::remove_file(&checkpoint);
                stdout.extend(part2.stdout);
                stderr.extend(part2.stderr);
                part2.status.code().unwrap_or(-1)
            } else if at.is_none() {
                part1.status.code().unwrap_or(-1)
            } else {
                return Err(format!(
                    "{} ended before {} instructions: no checkpoint",
                    dir.display(),
                    at.unwrap_or_default()
                )
                .into());
            };
            (stdout, stderr, status)
        }
    };
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
    let actual_out = String::from_utf8_lossy(&stdout);
    let actual_err = String::from_utf8_lossy(&stderr);
    let mut problems = Vec::new();
    if actual_out != expected_out {
        problems.push(first_difference("stdout", &expected_out, &actual_out));
    }
    if actual_err != expected_err {
        problems.push(first_difference("stderr", &expected_err, &actual_err));
    }
    if status != expected_status {
        problems.push(format!("exit status {status}, expected {expected_status}"));
    }
    match read_tree(&work) {
        Ok(tree) => problems.extend(tree_difference(&expected_tree, &tree)),
        Err(e) => problems.push(format!("working directory: {e}")),
    }
    if problems.is_empty() {
        let _ = fs::remove_dir_all(&work);
        Ok(())
    } else {
        problems.push(format!("(working directory kept: {})", work.display()));
        Err(problems.join("\n").into())
    }
}

/// A trial that, when `PHANTOM_TRIAL_TIMES` names a file, appends its run time and name there
/// (ci/test-target prints the slowest, to keep CI within its time).
fn trial(name: String, test: impl FnOnce() -> Result<(), Failed> + Send + 'static) -> Trial {
    Trial::test(name.clone(), move || {
        let start = std::time::Instant::now();
        let result = test();
        if let Some(file) = std::env::var_os("PHANTOM_TRIAL_TIMES") {
            let line = format!("{:.1} {name}\n", start.elapsed().as_secs_f64());
            // One write per line, appended: trials finish on several threads.
            if let Ok(mut f) = fs::OpenOptions::new().append(true).create(true).open(file) {
                let _ = f.write_all(line.as_bytes());
            }
        }
        result
    })
}

fn main() {
    let args = Arguments::from_args();
    let emulated = std::env::var("PHANTOM_TEST_RUNNER").is_ok_and(|r| !r.trim().is_empty());
    // A target whose definition says `corpus = "plain"` (targets/README.md) skips the long
    // round trips; the others run them.
    let plain_only = std::env::var("PHANTOM_CORPUS").is_ok_and(|c| c == "plain");
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .expect("tests/java exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("Main.java").exists())
        .collect();
    dirs.sort();
    if !args.list {
        // The programs whose names the filter could select (the others' trials cannot run).
        let wanted = |d: &&PathBuf| {
            let name = d.file_name().unwrap_or_default().to_string_lossy();
            args.filter
                .as_deref()
                .is_none_or(|f| f.contains(name.as_ref()) || name.contains(f))
        };
        compile_all(&dirs.iter().filter(wanted).collect::<Vec<_>>());
    }
    // The host's own build, which cross- trials stop and resume programs with (under qemu).
    let host = std::env::var("PHANTOM_HOST_BIN").unwrap_or_default();
    let mut trials = Vec::new();
    for dir in dirs {
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let slow = dir.join("slow").exists();
        // Under the qemu matrix every program is stopped mid-run (with its files open) by one
        // architecture's build and finished by the other's, both ways: where its `cross` file
        // says, or else halfway. Programs fed on standard input stop only where a `cross` file
        // says: the first run takes all of the input from its pipe.
        let cross = fs::read_to_string(dir.join("cross"))
            .ok()
            .and_then(|t| t.trim().parse::<u64>().ok());
        let crosses = !host.is_empty() && (cross.is_some() || !dir.join("stdin").exists());
        // A program that crosses runs its first half on the build under test in one cross and
        // its second half in the other: under emulation that is its whole run, so it does not
        // also run plain there.
        let d = dir.clone();
        trials.push(
            trial(name.clone(), move || run_program(&d, Mode::Plain))
                .with_ignored_flag(emulated && (slow || crosses)),
        );
        if dir.join("tiny").exists() {
            let d = dir.clone();
            let period = if emulated { "13" } else { "1" };
            trials.push(trial(format!("roundtrip-1/{name}"), move || {
                run_program(&d, Mode::Roundtrip(period))
            }));
        }
        if crosses {
            for to_host in [false, true] {
                let (d, host) = (dir.clone(), host.clone());
                let tag = if to_host { "to-host" } else { "from-host" };
                trials.push(
                    trial(format!("cross-{tag}/{name}"), move || {
                        run_program(
                            &d,
                            Mode::Cross {
                                at: cross,
                                host,
                                to_host,
                            },
                        )
                    })
                    .with_ignored_flag(slow),
                );
            }
        }
        // Pre-copy sessions, natively (tests/it/checkpoint.rs applies pieces across
        // architectures).
        let d = dir.clone();
        trials.push(
            trial(format!("precopy-{PRECOPY_PERIOD}/{name}"), move || {
                run_program(&d, Mode::PreCopy(PRECOPY_PERIOD))
            })
            .with_ignored_flag(slow || emulated),
        );
        let d = dir.clone();
        trials.push(
            trial(format!("roundtrip-65537/{name}"), move || {
                run_program(&d, Mode::Roundtrip(ROUNDTRIP_PERIOD_SHORT))
            })
            // Under emulation the long period and the per-instruction runs cover restore;
            // the short period would double the corpus's time there.
            .with_ignored_flag(slow || emulated),
        );
        trials.push(
            trial(format!("roundtrip/{name}"), move || {
                run_program(&dir, Mode::Roundtrip(ROUNDTRIP_PERIOD))
            })
            .with_ignored_flag(slow || plain_only),
        );
    }
    libtest_mimic::run(&args, trials).exit();
}
