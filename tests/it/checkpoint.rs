//! Checkpoints through the `phantom` command: a process stopped after exactly N instructions
//! and resumed in another process (and on another architecture) prints what HotSpot printed,
//! and damaged checkpoint files are refused with an error, never a crash.

use crate::support::{output, phantom};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Compiles a corpus program into the target's tmp dir and returns the class dir and the
/// program's folder (with its expected output).
fn corpus_program(name: &str) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/java")
        .join(name);
    let classes = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("checkpoint-programs")
        .join(name);
    if !classes.join("Main.class").exists() {
        // Tests run as threads of one process: compile into a folder of this call's own, then
        // move it into place (a concurrent compilation of the same program may win; either is fine).
        static STAGING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STAGING.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let staging = classes.with_extension(format!("tmp{}-{n}", std::process::id()));
        std::fs::create_dir_all(&staging).expect("target tmp dir is writable");
        let sources: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("corpus program exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "java"))
            .collect();
        let ok = Command::new("javac")
            .arg("-d")
            .arg(&staging)
            .args(&sources)
            .status()
            .expect("javac runs");
        assert!(ok.success(), "javac failed on {name}");
        if std::fs::rename(&staging, &classes).is_err() {
            let _ = std::fs::remove_dir_all(&staging);
        }
    }
    (classes, dir)
}

fn expected(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).expect("expected output exists")
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("checkpoints");
    std::fs::create_dir_all(&d).expect("target tmp dir is writable");
    d.join(name)
}

/// Runs `program` for `n` instructions with `first`, writing a checkpoint, then resumes it
/// with `second`; the two outputs together must be HotSpot's.
fn split_run(
    first: &mut dyn FnMut() -> Command,
    second: &mut dyn FnMut() -> Command,
    program: &str,
    n: u64,
    tag: &str,
) {
    let (classes, dir) = corpus_program(program);
    let file = scratch(&format!("{program}-{n}-{tag}.ckpt"));
    let _ = std::fs::remove_file(&file);
    let part1 = output(
        first()
            .args([
                "run",
                "--checkpoint-after",
                &n.to_string(),
                "--checkpoint-out",
            ])
            .arg(&file)
            .arg("-cp")
            .arg(&classes)
            .arg("Main"),
    );
    assert_eq!(
        part1.status.code(),
        Some(0),
        "{program} stopped at {n}: {part1:?}"
    );
    let mut stdout = String::from_utf8_lossy(&part1.stdout).into_owned();
    let mut stderr = String::from_utf8_lossy(&part1.stderr).into_owned();
    let status = if file.exists() {
        let part2 = output(second().arg("resume").arg(&file));
        stdout.push_str(&String::from_utf8_lossy(&part2.stdout));
        stderr.push_str(&String::from_utf8_lossy(&part2.stderr));
        part2.status.code()
    } else {
        // The program ended before n instructions: no checkpoint, and that run was all of it.
        part1.status.code()
    };
    assert_eq!(
        stdout,
        expected(&dir, "expected.stdout"),
        "{program} split at {n} ({tag})"
    );
    assert_eq!(
        stderr,
        expected(&dir, "expected.stderr"),
        "{program} split at {n} ({tag})"
    );
    let want: i32 = expected(&dir, "expected.status")
        .trim()
        .parse()
        .expect("a status");
    assert_eq!(status, Some(want), "{program} split at {n} ({tag})");
}

#[test]
fn a_process_resumes_exactly_where_it_stopped() {
    // Points early in start-up, mid-way and late, in programs with threads, monitors,
    // exceptions and collections.
    for (program, points) in [
        ("thread_wait_notify", &[1u64, 2_000, 50_001, 400_000][..]),
        ("exc_uncaught_cause", &[10, 30_000][..]),
        ("prog_dijkstra", &[123_457, 1_000_003][..]),
        ("coll_maps", &[77_777, 2_000_000][..]),
    ] {
        for &n in points {
            split_run(&mut phantom, &mut phantom, program, n, "same");
        }
    }
}

/// The binary of the host architecture, when the binary under test is an emulated one.
fn host_phantom() -> Option<Command> {
    let host = std::env::var("PHANTOM_HOST_BIN")
        .ok()
        .filter(|p| !p.is_empty())?;
    Path::new(&host).exists().then(|| Command::new(host))
}

/// Under the qemu matrix: checkpoints made by the host's x86_64 build resume on this
/// architecture, and this architecture's checkpoints resume on the host, with compiled code
/// running on both sides.
#[test]
fn checkpoints_cross_architectures_both_ways() {
    if host_phantom().is_none() {
        println!("no PHANTOM_HOST_BIN: this run is native, nothing crosses an architecture");
        return;
    }
    // Every method compiles on its first call or loop, so the checkpoints are taken where
    // compiled code left off.
    let compiled = |mut c: Command| {
        c.env("PHANTOM_JIT_THRESHOLD", "1");
        c
    };
    let mut host = || compiled(host_phantom().expect("checked above"));
    let mut here = || compiled(phantom());
    for (program, n) in [
        ("thread_sync_counter", 300_000u64),
        ("prog_matrix", 1_000_003),
        ("fp_strictmath", 40_000),
    ] {
        split_run(&mut host, &mut here, program, n, "from-host");
        split_run(&mut here, &mut host, program, n, "to-host");
    }
}

#[test]
fn damaged_checkpoints_are_refused_without_crashing() {
    let (classes, _) = corpus_program("prog_nqueens");
    let file = scratch("nqueens-good.ckpt");
    let made = output(
        phantom()
            .args(["run", "--checkpoint-after", "50000", "--checkpoint-out"])
            .arg(&file)
            .arg("-cp")
            .arg(&classes)
            .arg("Main"),
    );
    assert!(made.status.success(), "{made:?}");
    let good = std::fs::read(&file).expect("checkpoint written");
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    for cut in [0, 1, 7, good.len() / 3, good.len() - 1] {
        cases.push((format!("truncated to {cut} bytes"), good[..cut].to_vec()));
    }
    // Bit flips spread over the document: headers, class bytes, heap, frames.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..24 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let at = (state % good.len() as u64) as usize;
        let mut bad = good.clone();
        bad[at] ^= 1 << ((state >> 60) % 8);
        cases.push((format!("bit flipped at byte {at}"), bad));
    }
    // A byte string that claims to be 2^40 bytes long.
    let mut huge = vec![0xa1, 0x66];
    huge.extend(b"format");
    huge.extend([0x5b, 0, 0, 1, 0, 0, 0, 0, 0]);
    cases.push(("a length header of 2^40 bytes".to_string(), huge));
    for (what, bytes) in cases {
        let path = scratch("damaged.ckpt");
        std::fs::write(&path, &bytes).expect("write");
        // A flip in a loop bound may leave a valid process that runs far longer than the
        // program would: it stops (status 0) after ten times the program's whole length.
        let stop = scratch("damaged-stopped.ckpt");
        let out = output(
            phantom()
                .arg("resume")
                .arg(&path)
                .args(["--checkpoint-after", "50000000", "--checkpoint-out"])
                .arg(&stop),
        );
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if code == Some(1) && stderr.starts_with("phantom: ") {
            continue;
        }
        // A flip in data the program never reads (say, a string it has already printed) may
        // leave a valid process: then it must still run to a normal end, not crash. A flip in
        // data it does read (say, an index in a local) may make it throw: then the Java
        // exception ends it as any uncaught exception does.
        let java_exception = code == Some(1) && stderr.starts_with("Exception in thread ");
        assert!(
            matches!(code, Some(0)) || java_exception,
            "{what}: status {code:?}, stderr {stderr}"
        );
    }
}

/// Checkpoints committed in tests/checkpoints (made on x86_64 by scripts/bless-checkpoints)
/// decode and resume on every architecture to HotSpot's remaining output. A VM or library
/// change makes them stale on purpose: checkpoints name the VM that made them.
#[test]
fn golden_checkpoints_resume_on_this_architecture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/checkpoints");
    let mut count = 0;
    for entry in std::fs::read_dir(&root).expect("tests/checkpoints exists") {
        let dir = entry.expect("readable").path();
        let file = dir.join("checkpoint.cbor");
        if !file.exists() {
            continue;
        }
        count += 1;
        let out = output(phantom().arg("resume").arg(&file));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("incompatible VM"),
            "{}: stale golden checkpoint ({stderr}); run scripts/bless-checkpoints",
            dir.display()
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected(&dir, "expected.stdout"),
            "{}",
            dir.display()
        );
        assert_eq!(
            stderr,
            expected(&dir, "expected.stderr"),
            "{}",
            dir.display()
        );
        let want: i32 = expected(&dir, "expected.status")
            .trim()
            .parse()
            .expect("a status");
        assert_eq!(out.status.code(), Some(want), "{}", dir.display());
    }
    assert!(
        count >= 3,
        "expected the golden checkpoints listed in tests/checkpoints/list"
    );
}

/// A checkpoint that lists one java.lang.Thread as two threads (each would run the same code
/// with the same monitors) is refused, not resumed.
#[test]
fn a_checkpoint_that_runs_one_thread_twice_is_refused() {
    let (classes, _) = corpus_program("prog_nqueens");
    let file = scratch("nqueens-twice.ckpt");
    let made = output(
        phantom()
            .args(["run", "--checkpoint-after", "50000", "--checkpoint-out"])
            .arg(&file)
            .arg("-cp")
            .arg(&classes)
            .arg("Main"),
    );
    assert!(made.status.success(), "{made:?}");
    let bytes = std::fs::read(&file).expect("checkpoint written");
    let mut c = phantom_vm::checkpoint::decode(&bytes, 1 << 30).expect("a valid checkpoint");
    let first = c.threads[0].clone();
    c.threads.push(first);
    std::fs::write(&file, phantom_vm::checkpoint::encode(&c)).expect("write");
    let out = output(phantom().arg("resume").arg(&file));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stderr.starts_with("phantom: ") && stderr.contains("is already thread 0"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing ran: {out:?}");
}
