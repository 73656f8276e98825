//! Periodic checkpoints home, whole against incremental (docs/plans/precopy.md §3.8), and the
//! recovery from them when the node running a job dies, between two `phantom node` daemons on
//! loopback; run with `cargo bench --bench checkpoint_home` (docs/benchmarks.md).
//!
//! The program is the one of `benches/migration.rs` (benches/common/mod.rs): `Main HEAP_MIB
//! RATE_MB_S` fills a heap of `HEAP_MIB` MiB (3/4 one `long[]`, 1/4 small objects), prints
//! `ready ...`, then writes `RATE_MB_S` MB/s of it and prints `step N <checksum>` every 50 ms.
//!
//! Each case (a heap size, a write rate and a mode; by default 64, 512 and 1024 MiB, each idle
//! and at 10 MB/s, each whole and incremental) starts its own cluster of two nodes on free
//! loopback UDP ports (`max_heap_mib = 2048`, `checkpoint_secs = 2`, `host_timeout_secs = 4`,
//! `log = "info,phantom=debug"`; whole: `incremental_checkpoints = false`; incremental:
//! `incremental_checkpoints = true` and `incremental_min_mib = 0`, so every heap sends a base
//! and then deltas). It submits the program to node `a`, which is its home, waits for `ready`,
//! moves it to `b` with `phantom migrate` (so its checkpoints travel home over QUIC), and lets
//! it run until `b` has logged 6 checkpoint attempts, or for 60 s; then one more second (half
//! the interval: the last checkpoint is then about as old as at a crash at a random moment),
//! and kills `b` with SIGKILL. It records:
//!
//! - from `b`'s log, every checkpoint after the move: its kind (`whole`, `base`, `delta`),
//!   `bytes` and `stopped_ms` (how long the process was stopped for it, seen from the node: the
//!   capture of a whole checkpoint; only the last pieces of a base or a delta), or the reason
//!   it failed (`periodic checkpoint failed: ...`; a whole checkpoint over 256 MiB does not fit
//!   one control frame: `a` refuses it and `b` sees its stream stopped, so the reason shown is
//!   `a`'s). A failure is a result, not a failure of the benchmark;
//! - the bytes sent home per second that the program ran on `b` (from the end of the move to
//!   the kill), and the steps it printed there against the 50 ms ticks;
//! - the recovery, from the kill: until `a` logs `restarting the job here`, until the client
//!   hears that the job runs on `a` (the home says so once it has restored and launched it),
//!   and until the program prints a step it had not printed before (it goes on from the last
//!   checkpoint the home holds, and the home drops the outputs it already has);
//! - what `a` restarted the job from: a whole checkpoint, a base and its deltas (`a`'s
//!   `restoring from a base and its deltas` line), or the beginning.
//!
//! The benchmark fails if the program's output is not whole and in order across the move and
//! the restart (`ready`, then every step once, from 0), if the move fails, or if the job does
//! not come back on `a`; the other cases still run and the table shows what failed.
//!
//! Environment:
//! - `PHANTOM_BENCH_CASES`: the cases, `HEAP_MIB:RATE_MB_S:MODE,...` with MODE `whole` or
//!   `incremental` (e.g. `64:0:whole,64:10:incremental`); without `:MODE`, both.
//!
//! Node configurations, logs and the program's output stay in
//! `target/tmp/checkpoint-home-bench/<case>`; the nodes' stores (`a.state`, `b.state`, up to a
//! few GB) are removed after each case. The nodes' warnings and errors are printed after each
//! case.

mod common;

use common::{
    MAX_HEAP_MIB, check_output, cluster_init, compile, complete_lines, field, load_average, median,
    print_machine, quantile, read_text, run_command, sorted, start, wait_output,
};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Whole checkpoints, or a base and deltas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Whole,
    Incremental,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Whole => "whole",
            Mode::Incremental => "incremental",
        }
    }

    /// The node configuration lines of the mode.
    fn settings(self) -> String {
        let mut s = format!(
            "checkpoint_secs = {CHECKPOINT_SECS}\nhost_timeout_secs = {HOST_TIMEOUT_SECS}\n"
        );
        match self {
            Mode::Whole => s.push_str("incremental_checkpoints = false\n"),
            Mode::Incremental => {
                s.push_str("incremental_checkpoints = true\nincremental_min_mib = 0\n");
            }
        }
        s
    }
}

/// The cases run by default: (heap MiB, write rate MB/s).
const DEFAULT_CASES: [(u64, u64); 6] = [
    (64, 0),
    (64, 10),
    (512, 0),
    (512, 10),
    (1024, 0),
    (1024, 10),
];

/// Seconds between two checkpoints home.
const CHECKPOINT_SECS: f64 = 2.0;

/// Seconds the home waits for a lost host before it restarts the job.
const HOST_TIMEOUT_SECS: f64 = 4.0;

/// Checkpoint attempts on `b` before it is killed.
const ATTEMPTS: usize = 6;

/// How long the program runs on `b` at most, when checkpoints are slow.
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// How long one `phantom migrate` may take.
const MIGRATE_LIMIT: Duration = Duration::from_secs(600);

/// How long the program's pace is measured after its first new step on `a`.
const AFTER: Duration = Duration::from_secs(2);

/// How long after the kill `a` may take to restart the job, and the program to print a new step.
const RESTART_LIMIT: Duration = Duration::from_secs(60);
const STEP_LIMIT: Duration = Duration::from_secs(600);

/// One case: a heap size, a write rate and a mode.
#[derive(Debug, Clone, Copy)]
struct Case {
    heap_mib: u64,
    rate: u64,
    mode: Mode,
}

impl Case {
    fn name(&self) -> String {
        format!("{}m-{}mbs-{}", self.heap_mib, self.rate, self.mode.name())
    }

    fn label(&self) -> String {
        format!(
            "{} MiB, {} MB/s, {}",
            self.heap_mib,
            self.rate,
            self.mode.name()
        )
    }
}

/// One checkpoint attempt of `b`, from its log.
#[derive(Debug, Clone)]
enum Attempt {
    Done {
        kind: String,
        bytes: u64,
        stopped_ms: f64,
        pieces: Option<u64>,
        outputs: Option<u64>,
    },
    Failed(String),
}

impl Attempt {
    fn describe(&self) -> String {
        match self {
            Attempt::Done {
                kind,
                bytes,
                stopped_ms,
                pieces,
                ..
            } => {
                let pieces = pieces.map_or(String::new(), |p| format!(", {p} pieces"));
                format!("{kind} {} {stopped_ms:.1} ms{pieces}", mb(*bytes))
            }
            Attempt::Failed(why) => format!("failed ({why})"),
        }
    }
}

/// What `a` restarted the job from.
#[derive(Debug, Clone)]
enum Restored {
    /// No checkpoint: from the beginning.
    Beginning,
    /// A whole checkpoint, taken after `outputs` outputs.
    Whole { outputs: Option<u64> },
    /// A base and its deltas, as the home's log says.
    Chain {
        outputs: Option<u64>,
        pieces: Option<u64>,
        base_bytes: Option<u64>,
        delta_bytes: Option<u64>,
    },
}

/// The results of one case that ran to its end.
#[derive(Debug)]
struct Measured {
    ready_s: f64,
    move_s: f64,
    attempts: Vec<Attempt>,
    /// From the end of the move to the kill.
    ran_s: f64,
    /// Lines the program printed in that time (one is due every 50 ms).
    lines_on_b: usize,
    /// From the kill to `restarting the job here`.
    restart_s: f64,
    /// From the kill to the home's notice to the client that the job runs on `a` (sent once
    /// it is restored and launched).
    running_s: Option<f64>,
    /// From the kill to the first step not printed before.
    step_s: f64,
    restored: Restored,
    /// Lines the program printed in the [`AFTER`] after its first new step.
    lines_after: usize,
    /// Whether the output is every step once, in order, or what is wrong with it.
    output: Result<(), String>,
    warnings: Vec<String>,
}

#[derive(Debug)]
struct CaseResult {
    case: Case,
    load: String,
    measured: Result<Measured, String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("checkpoint_home: failed (see the table)");
            ExitCode::FAILURE
        }
        Err(message) => {
            eprintln!("checkpoint_home: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The cases of `PHANTOM_BENCH_CASES`, or the default ones, each whole then incremental.
fn cases_from_env() -> Result<Vec<Case>, String> {
    let both = [Mode::Whole, Mode::Incremental];
    let Ok(text) = std::env::var("PHANTOM_BENCH_CASES") else {
        return Ok(DEFAULT_CASES
            .iter()
            .flat_map(|&(heap_mib, rate)| {
                both.map(|mode| Case {
                    heap_mib,
                    rate,
                    mode,
                })
            })
            .collect());
    };
    let bad = || {
        format!(
            "PHANTOM_BENCH_CASES must be HEAP_MIB:RATE_MB_S[:whole|incremental],... (e.g. \
             64:0:whole,64:10:incremental), not {text:?}"
        )
    };
    let mut cases = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let mut parts = item.split(':').map(str::trim);
        let heap: u64 = parts.next().and_then(|w| w.parse().ok()).ok_or_else(bad)?;
        let rate: u64 = parts.next().and_then(|w| w.parse().ok()).ok_or_else(bad)?;
        let modes: Vec<Mode> = match parts.next() {
            None => both.to_vec(),
            Some("whole") => vec![Mode::Whole],
            Some("incremental") => vec![Mode::Incremental],
            Some(_) => return Err(bad()),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if heap == 0 || heap + 64 > MAX_HEAP_MIB {
            return Err(format!(
                "PHANTOM_BENCH_CASES: a heap of {heap} MiB is not in 1..={}",
                MAX_HEAP_MIB - 64
            ));
        }
        for mode in modes {
            cases.push(Case {
                heap_mib: heap,
                rate,
                mode,
            });
        }
    }
    if cases.is_empty() {
        return Err(bad());
    }
    Ok(cases)
}

/// Runs every case; whether all of them ran and kept the output whole.
fn run() -> Result<bool, String> {
    let cases = cases_from_env()?;
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("checkpoint-home-bench");
    let _ = fs::remove_dir_all(&base);
    fs::create_dir_all(&base).map_err(|e| format!("creating {}: {e}", base.display()))?;

    print_machine();
    let list: Vec<String> = cases
        .iter()
        .map(|c| format!("{}:{}:{}", c.heap_mib, c.rate, c.mode.name()))
        .collect();
    println!("cases (heap MiB:writes MB/s:mode): {}", list.join(", "));
    let classes = compile(&base)?;
    let certs = base.join("cluster");
    cluster_init(&certs)?;

    let started = Instant::now();
    let mut results = Vec::new();
    for case in cases {
        let load = load_average();
        eprintln!(
            "checkpoint_home: {}: starting two nodes (load average {load})",
            case.label()
        );
        let measured = run_case(&base, &certs, &classes, case);
        match &measured {
            Ok(m) => {
                if let Err(e) = &m.output {
                    eprintln!("checkpoint_home: {}: OUTPUT NOT WHOLE: {e}", case.label());
                }
                if !m.warnings.is_empty() {
                    eprintln!(
                        "checkpoint_home: {}: the nodes logged {} warnings or errors (the first \
                         10):",
                        case.label(),
                        m.warnings.len()
                    );
                    for l in m.warnings.iter().take(10) {
                        eprintln!("  {l}");
                    }
                }
            }
            Err(e) => eprintln!("checkpoint_home: {}: FAILED: {e}", case.label()),
        }
        // The stores hold the checkpoints: up to a few GB a case.
        let dir = base.join(case.name());
        for state in ["a.state", "b.state"] {
            let _ = fs::remove_dir_all(dir.join(state));
        }
        results.push(CaseResult {
            case,
            load,
            measured,
        });
    }
    println!();
    report(&results);
    println!();
    println!(
        "total {:.1} s, load average at the end {}",
        started.elapsed().as_secs_f64(),
        load_average()
    );
    Ok(results
        .iter()
        .all(|r| r.measured.as_ref().is_ok_and(|m| m.output.is_ok())))
}

/// Starts a cluster, submits the program to `a`, moves it to `b`, lets `b` checkpoint it home,
/// kills `b` and measures the recovery on `a`.
fn run_case(base: &Path, certs: &Path, classes: &Path, case: Case) -> Result<Measured, String> {
    let label = case.label();
    let mut cluster = start(
        base,
        certs,
        &case.name(),
        "info,phantom=debug",
        &case.mode.settings(),
    )?;
    let out = cluster.dir.join("submit.out");
    let err = cluster.dir.join("submit.err");
    let client = cluster
        .client("submit", "a")
        .arg("--show-moves")
        .arg("-cp")
        .arg(classes)
        .arg("Main")
        .arg(case.heap_mib.to_string())
        .arg(case.rate.to_string())
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).map_err(|e| e.to_string())?)
        .stderr(fs::File::create(&err).map_err(|e| e.to_string())?)
        .spawn()
        .map_err(|e| format!("starting phantom submit: {e}"))?;
    cluster.clients.push(client);
    wait_output(
        &err,
        |t| t.contains("phantom: job "),
        Duration::from_secs(60),
        &mut cluster.clients[0],
    )?;
    let id = read_text(&err)
        .lines()
        .find_map(|l| l.strip_prefix("phantom: job "))
        .map(|s| s.trim().to_string())
        .ok_or("no process id from phantom submit")?;
    let building = Instant::now();
    wait_output(
        &out,
        |t| {
            t.split_inclusive('\n')
                .any(|l| l.starts_with("ready") && l.ends_with('\n'))
        },
        Duration::from_secs(120 + case.heap_mib / 2),
        &mut cluster.clients[0],
    )?;
    let ready_s = building.elapsed().as_secs_f64();
    eprintln!("checkpoint_home: {label}: {id} ready on a in {ready_s:.1} s");

    // The move to b, once the program runs on a and printed a step there.
    cluster.wait_running_on(&id, "a", Duration::from_secs(60))?;
    let lines = complete_lines(&read_text(&out));
    wait_output(
        &out,
        |t| complete_lines(t) > lines,
        Duration::from_secs(60),
        &mut cluster.clients[0],
    )?;
    let b_log = cluster.node("b").log.clone();
    let a_log = cluster.node("a").log.clone();
    let b_from = complete_log(&read_text(&b_log)).lines().count();
    let mut cmd = cluster.client("migrate", "a");
    cmd.arg(&id).arg("--to").arg("b");
    let moving = Instant::now();
    let (ok, text, stderr) = run_command(cmd, &cluster.dir, "migrate", MIGRATE_LIMIT)?;
    let move_s = moving.elapsed().as_secs_f64();
    if !ok {
        return Err(format!(
            "the move to b failed: {text}{stderr}\nnode warnings:\n{}",
            cluster.warnings().join("\n")
        ));
    }
    let moved = Instant::now();
    let lines_moved = complete_lines(&read_text(&out));
    let a_moved = complete_log(&read_text(&a_log)).lines().count();
    eprintln!(
        "checkpoint_home: {label}: moved to b in {move_s:.2} s: {}",
        text.lines().next().unwrap_or_default()
    );

    // Checkpoints home from b.
    loop {
        let attempts = attempts(&read_text(&b_log), b_from);
        if attempts.len() >= ATTEMPTS || moved.elapsed() > RUN_LIMIT {
            break;
        }
        if let Ok(Some(status)) = cluster.clients[0].try_wait() {
            return Err(format!(
                "phantom submit ended ({status}) while the program ran on b"
            ));
        }
        if let Ok(Some(status)) = cluster.node_mut("b").child.try_wait() {
            return Err(format!("node b exited ({status}) before it was killed"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_secs_f64(CHECKPOINT_SECS / 2.0));

    // The crash: b killed, a restarts the job from the last checkpoint it holds.
    let a_from = complete_log(&read_text(&a_log)).lines().count();
    let b = cluster.node_mut("b");
    b.child.kill().map_err(|e| format!("killing node b: {e}"))?;
    let killed = Instant::now();
    let _ = b.child.wait();
    let ran_s = killed.duration_since(moved).as_secs_f64();
    let lines_on_b = complete_lines(&read_text(&out)).saturating_sub(lines_moved);
    let mut attempts = attempts(&read_text(&b_log), b_from);
    // A frame too large is refused by a, and b only sees its stream stopped.
    if let Some(refused) = refused(&read_text(&a_log), a_moved, a_from) {
        for a in &mut attempts {
            if let Attempt::Failed(why) = a
                && why.contains("stopped by peer")
            {
                *why = format!("a refused it: {refused}");
            }
        }
    }
    eprintln!(
        "checkpoint_home: {label}: b killed after {ran_s:.1} s on b: {}",
        attempts
            .iter()
            .map(Attempt::describe)
            .collect::<Vec<_>>()
            .join("; ")
    );

    // Lines printed before a restarts the job are b's, still on their way: the first line
    // after the restart is a new step.
    let mut before = complete_lines(&read_text(&out));
    // The home tells the client where the job runs once it launched it: restored.
    let runs_on_a = |text: &str| text.lines().filter(|l| l.contains(" runs on a (")).count();
    let notices = runs_on_a(&read_text(&err));
    let mut restart_s = None;
    let mut running_s = None;
    let step_s = loop {
        let lines = complete_lines(&read_text(&out));
        if running_s.is_none() && runs_on_a(&read_text(&err)) > notices {
            running_s = Some(killed.elapsed().as_secs_f64());
        }
        let restarted = complete_log(&read_text(&a_log))
            .lines()
            .skip(a_from)
            .any(|l| l.contains("restarting the job here"));
        if !restarted {
            before = lines;
            if killed.elapsed() > RESTART_LIMIT {
                return Err(format!(
                    "a did not restart the job in {RESTART_LIMIT:?} after b was killed; its \
                     warnings:\n{}",
                    cluster.warnings().join("\n")
                ));
            }
        } else {
            let at = killed.elapsed().as_secs_f64();
            restart_s.get_or_insert(at);
            if lines > before {
                break at;
            }
        }
        if let Ok(Some(status)) = cluster.clients[0].try_wait() {
            return Err(format!(
                "phantom submit ended ({status}) after b was killed; its output ends:\n{}",
                tail(&read_text(&out))
            ));
        }
        if killed.elapsed() > STEP_LIMIT {
            return Err(format!(
                "no new step in {STEP_LIMIT:?} after b was killed; a's warnings:\n{}",
                cluster.warnings().join("\n")
            ));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let restart_s = restart_s.unwrap_or(step_s);
    let restored = restored(&read_text(&a_log), a_from)?;
    eprintln!(
        "checkpoint_home: {label}: a restarted it {restart_s:.2} s after the kill, the client \
         heard it runs on a after {}, a new step after {step_s:.2} s, from {restored:?}",
        running_s.map_or("-".to_string(), |s| format!("{s:.2} s"))
    );

    // Its pace on a, then the whole output must be every step once, in order.
    let lines = complete_lines(&read_text(&out));
    std::thread::sleep(AFTER);
    let lines_after = complete_lines(&read_text(&out)).saturating_sub(lines);
    wait_output(
        &out,
        |t| complete_lines(t) > lines,
        Duration::from_secs(60),
        &mut cluster.clients[0],
    )?;
    let output = check_output(&read_text(&out));
    let warnings = cluster.warnings();
    drop(cluster);
    Ok(Measured {
        ready_s,
        move_s,
        attempts,
        ran_s,
        lines_on_b,
        restart_s,
        running_s,
        step_s,
        restored,
        lines_after,
        output,
        warnings,
    })
}

/// The complete lines of a log: the node may be writing the last one.
fn complete_log(text: &str) -> &str {
    text.rfind('\n').map_or("", |i| &text[..=i])
}

/// The last lines of an output.
fn tail(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().rev().take(10).collect();
    lines.reverse();
    lines.join("\n")
}

/// The value of a field (`key=value`) of a log line, without the quotes of a string.
fn value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    // ` key=`: not the end of a longer key.
    field(line, &format!(" {key}=")).map(|v| v.trim_matches('"'))
}

fn number(line: &str, key: &str) -> Option<u64> {
    value(line, key)?.parse().ok()
}

/// The checkpoint attempts in a node's log, from line `from` on.
fn attempts(log: &str, from: usize) -> Vec<Attempt> {
    let mut list = Vec::new();
    for l in complete_log(log).lines().skip(from) {
        if let Some(at) = l.find("periodic checkpoint failed: ") {
            list.push(Attempt::Failed(shorten(
                &l[at + "periodic checkpoint failed: ".len()..],
            )));
        } else if l.contains(" checkpointed") && l.contains(" kind=") {
            let Some(bytes) = number(l, "bytes") else {
                list.push(Attempt::Failed(format!("unreadable log line {l:?}")));
                continue;
            };
            list.push(Attempt::Done {
                kind: value(l, "kind").unwrap_or("?").to_string(),
                bytes,
                stopped_ms: value(l, "stopped_ms")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(f64::NAN),
                pieces: number(l, "pieces"),
                outputs: number(l, "outputs"),
            });
        }
    }
    list
}

/// The largest oversized frame `a` refused between lines `from` and `to` of its log, as
/// `SIZE > LIMIT`.
fn refused(log: &str, from: usize, to: usize) -> Option<String> {
    let mut largest: Option<(u64, Option<u64>)> = None;
    for l in complete_log(log)
        .lines()
        .take(to)
        .skip(from)
        .filter(|l| l.contains("request failed: oversized frame"))
    {
        let Some(n) = field(l, "oversized frame: ").and_then(|w| w.parse::<u64>().ok()) else {
            continue;
        };
        let limit = field(l, "limit is ").and_then(|w| w.trim_end_matches(',').parse().ok());
        if largest.is_none_or(|(m, _)| n > m) {
            largest = Some((n, limit));
        }
    }
    largest.map(|(n, limit)| {
        let limit = limit.map_or("its limit".to_string(), |l: u64| format!("{} MiB", l >> 20));
        format!("oversized frame, {} > {limit}", mb(n))
    })
}

/// A failure's reason, short: without the `checkpointing ID:` prefix and the line's fields,
/// an oversized frame as its size.
fn shorten(reason: &str) -> String {
    let reason = reason.find(" job=").map_or(reason, |i| &reason[..i]).trim();
    let reason = match reason.strip_prefix("checkpointing ") {
        Some(rest) => rest.split_once(": ").map_or(rest, |(_, r)| r),
        None => reason,
    };
    if let Some(at) = reason.find("oversized frame: ") {
        let rest = &reason[at + "oversized frame: ".len()..];
        if let Some(n) = rest
            .split_whitespace()
            .next()
            .and_then(|w| w.parse::<u64>().ok())
        {
            let limit = field(rest, "limit is ")
                .and_then(|w| w.parse::<u64>().ok())
                .map_or("its limit".to_string(), |l| format!("{} MiB", l >> 20));
            return format!("oversized frame, {} > {limit}", mb(n));
        }
    }
    const MAX: usize = 60;
    if reason.chars().count() > MAX {
        let cut: String = reason.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        reason.to_string()
    }
}

/// What `a` restarted the job from, from its log after line `from`.
fn restored(log: &str, from: usize) -> Result<Restored, String> {
    let lines: Vec<&str> = complete_log(log).lines().skip(from).collect();
    let restart = lines
        .iter()
        .find(|l| l.contains("restarting the job here"))
        .ok_or("a's log has no `restarting the job here` line")?;
    let outputs = number(restart, "from_outputs");
    if let Some(chain) = lines
        .iter()
        .find(|l| l.contains("restoring from a base and its deltas"))
    {
        return Ok(Restored::Chain {
            outputs,
            pieces: number(chain, "pieces"),
            base_bytes: number(chain, "base_bytes"),
            delta_bytes: number(chain, "delta_bytes"),
        });
    }
    Ok(match outputs {
        Some(_) => Restored::Whole { outputs },
        None => Restored::Beginning,
    })
}

/// Bytes as MB (10^6) or KB (10^3).
fn mb(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} KB", bytes as f64 / 1e3)
    }
}

fn opt_mb(bytes: Option<u64>) -> String {
    bytes.map_or("?".to_string(), mb)
}

/// What the job was restored from, against what `b` sent: a whole checkpoint and whose, or a
/// base and how many deltas `b` sent after its last base.
fn describe_restored(restored: &Restored, attempts: &[Attempt]) -> String {
    let done: Vec<(&str, u64, Option<u64>)> = attempts
        .iter()
        .filter_map(|a| match a {
            Attempt::Done {
                kind,
                bytes,
                outputs,
                ..
            } => Some((kind.as_str(), *bytes, *outputs)),
            Attempt::Failed(_) => None,
        })
        .collect();
    let whose = |outputs: Option<u64>| -> &'static str {
        match done.last() {
            Some(last) if last.2.is_some() && last.2 == outputs => "b's last",
            Some(_) => "not b's last",
            None => "a's own, from before the move",
        }
    };
    match restored {
        Restored::Beginning => "the beginning (no checkpoint)".to_string(),
        Restored::Whole { outputs } => {
            let size = match done.last() {
                Some(last) if last.2.is_some() && last.2 == *outputs => format!(", {}", mb(last.1)),
                _ => String::new(),
            };
            format!("whole ({}{size})", whose(*outputs))
        }
        Restored::Chain {
            outputs,
            pieces,
            base_bytes,
            delta_bytes,
        } => {
            let deltas = match done.iter().rposition(|d| d.0 == "base") {
                Some(i) => done[i + 1..].iter().filter(|d| d.0 == "delta").count(),
                None => done.iter().filter(|d| d.0 == "delta").count(),
            };
            format!(
                "base+{deltas} deltas ({}; base {}, deltas {}, {} pieces)",
                whose(*outputs),
                opt_mb(*base_bytes),
                opt_mb(*delta_bytes),
                pieces.map_or("?".to_string(), |p| p.to_string())
            )
        }
    }
}

fn report(results: &[CaseResult]) {
    println!(
        "| heap MiB | writes MB/s | mode | checkpoints ok/failed | first (base or whole) bytes \
         | first stopped ms | later bytes p50 | later stopped ms p50 / p90 | sent home MB/s of \
         running | recovery s (kill → new step) | restored from | steps on b printed / due |"
    );
    println!("|---:|---:|:---|---:|---:|---:|---:|---:|---:|---:|:---|---:|");
    for r in results {
        let c = r.case;
        let m = match &r.measured {
            Ok(m) => m,
            Err(e) => {
                println!(
                    "| {} | {} | {} | FAILED: {} | | | | | | | | |",
                    c.heap_mib,
                    c.rate,
                    c.mode.name(),
                    e.lines().next().unwrap_or_default().replace('|', "/")
                );
                continue;
            }
        };
        let ok = m
            .attempts
            .iter()
            .filter(|a| matches!(a, Attempt::Done { .. }))
            .count();
        let failed = m.attempts.len() - ok;
        let (first, first_ms) = match m.attempts.first() {
            None => ("none".to_string(), "-".to_string()),
            Some(Attempt::Done {
                kind,
                bytes,
                stopped_ms,
                ..
            }) => (format!("{kind} {}", mb(*bytes)), format!("{stopped_ms:.1}")),
            Some(Attempt::Failed(why)) => (format!("failed: {why}"), "-".to_string()),
        };
        let later: Vec<(u64, f64)> = m
            .attempts
            .iter()
            .skip(1)
            .filter_map(|a| match a {
                Attempt::Done {
                    bytes, stopped_ms, ..
                } => Some((*bytes, *stopped_ms)),
                Attempt::Failed(_) => None,
            })
            .collect();
        let (later_bytes, later_ms) = if later.is_empty() {
            ("-".to_string(), "-".to_string())
        } else {
            let bytes = sorted(later.iter().map(|l| l.0 as f64));
            let ms = sorted(later.iter().map(|l| l.1));
            (
                mb(median(&bytes) as u64),
                format!("{:.1} / {:.1}", median(&ms), quantile(&ms, 0.9)),
            )
        };
        let sent: u64 = m
            .attempts
            .iter()
            .map(|a| match a {
                Attempt::Done { bytes, .. } => *bytes,
                Attempt::Failed(_) => 0,
            })
            .sum();
        let rate = sent as f64 / 1e6 / m.ran_s;
        let mut recovery = format!(
            "{:.2} (restart {:.2}, running {})",
            m.step_s,
            m.restart_s,
            m.running_s.map_or("?".to_string(), |s| format!("{s:.2}"))
        );
        if m.output.is_err() {
            recovery.push_str(", OUTPUT NOT WHOLE");
        }
        println!(
            "| {} | {} | {} | {ok}/{failed} | {first} | {first_ms} | {later_bytes} | {later_ms} \
             | {rate:.1} | {recovery} | {} | {} / {:.0} |",
            c.heap_mib,
            c.rate,
            c.mode.name(),
            describe_restored(&m.restored, &m.attempts),
            m.lines_on_b,
            m.ran_s / 0.05,
        );
    }
    println!();
    println!(
        "checkpoints: b's attempts after the move, until it was killed (one second after its \
         {ATTEMPTS}th, or {} s after the move); stopped = how long the process was stopped for \
         one, seen from b; later = every successful one after the first (p90 nearest rank: the \
         largest of a few); sent home MB/s = the bytes of b's successful checkpoints over the \
         time the program ran on b; recovery = from SIGKILL of b until the program's first step \
         not printed before (restart = until a logged `restarting the job here`, after \
         host_timeout_secs = {HOST_TIMEOUT_SECS}; running = until the client heard that the job \
         runs on a, which the home says once it has restored and launched it); MB = 10^6 bytes",
        RUN_LIMIT.as_secs()
    );

    println!();
    println!("per case:");
    for r in results {
        let Ok(m) = &r.measured else {
            if let Err(e) = &r.measured {
                println!(
                    "- {} (load average {} at its start): FAILED: {e}",
                    r.case.label(),
                    r.load
                );
            }
            continue;
        };
        let mut line = format!(
            "- {} (load average {} at its start): ready in {:.1} s, moved in {:.2} s, {:.1} s on \
             b printing {} of {:.0} steps due; after the restart {} of {:.0} steps due in the {} s \
             after the first new one; checkpoints: ",
            r.case.label(),
            r.load,
            m.ready_s,
            m.move_s,
            m.ran_s,
            m.lines_on_b,
            m.ran_s / 0.05,
            m.lines_after,
            AFTER.as_secs_f64() / 0.05,
            AFTER.as_secs(),
        );
        line.push_str(
            &m.attempts
                .iter()
                .map(Attempt::describe)
                .collect::<Vec<_>>()
                .join("; "),
        );
        let _ = write!(
            line,
            "; restored from {:?}; output {}",
            m.restored,
            match &m.output {
                Ok(()) => "whole and in order".to_string(),
                Err(e) => format!("NOT WHOLE: {e}"),
            }
        );
        println!("{line}");
    }
}
