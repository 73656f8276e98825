//! Live migration between two `phantom node` daemons on loopback, native to native, by heap
//! size and write rate (issue #14), run with `cargo bench --bench migration`
//! (docs/benchmarks.md).
//!
//! One Java program, `Main HEAP_MIB RATE_MB_S`, is compiled with `javac`. It fills about 3/4 of
//! a heap of `HEAP_MIB` MiB with one `long[]` of non-zero pseudo-random values and about 1/4
//! with small objects (four fields each, kept reachable from one array), sized by the heap's
//! own accounting (vm/src/heap.rs: 48 bytes a header, 16 a field). It prints `ready ...`, then
//! every 10 ms reads a few thousand values and, at `RATE_MB_S` > 0, writes `RATE_MB_S` MB/s
//! (10^6 bytes) of it: 7/8 in a sequential window of the `long[]` that moves along, 1/8 as
//! single `long` fields of random small objects (8 bytes a write). Every fifth tick (50 ms)
//! prints `step N <checksum>`.
//!
//! Each case (a heap size and a write rate; by default 1, 64, 512 and 1024 MiB, each idle and
//! at 10 MB/s) starts its own cluster of two nodes on free loopback UDP ports (`max_heap_mib =
//! 2048`, `log = "info"`), submits the program to node `a`, waits for `ready`, and moves it
//! a→b→a… with `phantom migrate`, waiting before each move until `ps` shows it running where
//! it went and it printed a new line there. Per move it records:
//!
//! - **frozen**: the source's figure from the `moved ...` line (freeze request until commit);
//! - **total**: the wall time of the `phantom migrate` command (client start and TLS included);
//! - **rounds** and **bytes sent**: pre-copy bytes + frozen (or checkpoint) bytes + class bytes;
//! - from the source node's log, in order: `live_bytes` of `migrating by pre-copy` and the
//!   `reason=` of its freeze decision (`converged`, or a fallback: `stalled`, `budget`,
//!   `max_rounds`, `timeout`); a heap under `precopy_min_mib` moves the classic way (`classic`),
//!   and its live size is then the program's own estimate (marked `*`);
//! - the `step` lines the program printed during the command, against the 50 ms ticks it
//!   lasted: how much the program ran while it moved.
//!
//! A `phantom migrate` that has not ended after 30 minutes counts as failed.
//!
//! It prints a markdown table, one row per case, and whether issue #14's targets hold: freeze
//! under 10 ms (p50 and p90) for 1 GiB idle, under 50 ms for 1 GiB at 10 MB/s, and bytes sent at
//! most 1.5 times the live heap on every move. A missed target is reported, not a failure; the
//! benchmark fails if a `phantom migrate` fails or the program's output is not whole and in order
//! (`ready`, then every step once, from 0).
//!
//! Environment:
//! - `PHANTOM_BENCH_CASES`: the cases, `HEAP_MIB:RATE_MB_S,...` (e.g. `64:0,64:10`);
//! - `PHANTOM_BENCH_MOVES`: moves per case, `N` for every case, or `xF` to scale the defaults
//!   (9 for heaps under 512 MiB, 5 from 512 MiB).
//!
//! Files, node configurations and logs stay in `target/tmp/migration-bench/<case>`. The nodes'
//! warnings and errors are printed after each case.

mod common;

use common::{
    CELL_BYTES, Cluster, MAX_HEAP_MIB, check_output, cluster_init, compile, complete_lines, field,
    load_average, median, print_machine, quantile, read_text, run_command, sorted, start,
    wait_output,
};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The cases run by default: (heap MiB, write rate MB/s).
const DEFAULT_CASES: [(u64, u64); 8] = [
    (1, 0),
    (1, 10),
    (64, 0),
    (64, 10),
    (512, 0),
    (512, 10),
    (1024, 0),
    (1024, 10),
];

/// How long one `phantom migrate` may take before the benchmark gives up on it.
const MIGRATE_LIMIT: Duration = Duration::from_secs(1800);

/// One case: a heap size and a write rate.
#[derive(Debug, Clone, Copy)]
struct Case {
    heap_mib: u64,
    rate: u64,
    moves: usize,
}

impl Case {
    fn name(&self) -> String {
        format!("{}m-{}mbs", self.heap_mib, self.rate)
    }

    fn heap_label(&self) -> String {
        if self.heap_mib >= 1024 && self.heap_mib.is_multiple_of(1024) {
            format!("{} GiB", self.heap_mib / 1024)
        } else {
            format!("{} MiB", self.heap_mib)
        }
    }
}

/// What one move reported, from the client and the source node's log.
#[derive(Debug, Clone)]
struct Move {
    from: &'static str,
    /// The source's figure: freeze request to commit.
    frozen_ms: f64,
    /// The whole `phantom migrate` command, client start and TLS handshake included.
    wall_ms: f64,
    /// Output lines the program printed during the command: how much it ran meanwhile.
    steps_during: usize,
    /// Pre-copy rounds (0 for a classic move).
    rounds: u32,
    /// Pre-copy bytes, then frozen (or checkpoint) bytes, then class bytes.
    precopy_bytes: u64,
    frozen_bytes: u64,
    class_bytes: u64,
    /// The source's `live_bytes`, or the program's estimate (`estimated`) for a classic move.
    live_bytes: Option<u64>,
    estimated: bool,
    /// `converged`, a fallback reason, `classic`, or `?` when the log did not say.
    reason: String,
    /// The source's decision line, for a fallback.
    decision: Option<String>,
}

impl Move {
    fn sent(&self) -> u64 {
        self.precopy_bytes + self.frozen_bytes + self.class_bytes
    }

    fn ratio(&self) -> Option<f64> {
        self.live_bytes
            .filter(|&l| l > 0)
            .map(|l| self.sent() as f64 / l as f64)
    }
}

/// The results of one case.
#[derive(Debug)]
struct CaseResult {
    case: Case,
    moves: Vec<Move>,
    load: String,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("migration: {message}");
            ExitCode::FAILURE
        }
    }
}

fn default_moves(heap_mib: u64) -> usize {
    if heap_mib >= 512 { 5 } else { 9 }
}

/// The cases of `PHANTOM_BENCH_CASES` (or the default ones), with their numbers of moves as
/// `PHANTOM_BENCH_MOVES` says.
fn cases_from_env() -> Result<Vec<Case>, String> {
    let pairs: Vec<(u64, u64)> = match std::env::var("PHANTOM_BENCH_CASES") {
        Ok(text) => {
            let bad = || {
                format!(
                    "PHANTOM_BENCH_CASES must be HEAP_MIB:RATE_MB_S,... (e.g. 64:0,64:10), not {text:?}"
                )
            };
            let mut pairs = Vec::new();
            for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let (heap, rate) = item.split_once(':').ok_or_else(bad)?;
                let heap: u64 = heap.trim().parse().map_err(|_| bad())?;
                let rate: u64 = rate.trim().parse().map_err(|_| bad())?;
                if heap == 0 || heap + 64 > MAX_HEAP_MIB {
                    return Err(format!(
                        "PHANTOM_BENCH_CASES: a heap of {heap} MiB is not in 1..={}",
                        MAX_HEAP_MIB - 64
                    ));
                }
                pairs.push((heap, rate));
            }
            if pairs.is_empty() {
                return Err(bad());
            }
            pairs
        }
        Err(_) => DEFAULT_CASES.to_vec(),
    };
    let moves = std::env::var("PHANTOM_BENCH_MOVES").ok();
    let moves_for = |heap: u64| -> Result<usize, String> {
        let default = default_moves(heap);
        let Some(text) = &moves else {
            return Ok(default);
        };
        let bad = || format!("PHANTOM_BENCH_MOVES must be N (moves) or xF (scale), not {text:?}");
        let t = text.trim();
        if let Some(scale) = t.strip_prefix(['x', 'X', '*']) {
            let f: f64 = scale.trim().parse().map_err(|_| bad())?;
            if !(f.is_finite() && f > 0.0) {
                return Err(bad());
            }
            Ok(((default as f64 * f).ceil() as usize).max(1))
        } else {
            t.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(bad)
        }
    };
    pairs
        .into_iter()
        .map(|(heap_mib, rate)| {
            Ok(Case {
                heap_mib,
                rate,
                moves: moves_for(heap_mib)?,
            })
        })
        .collect()
}

fn run() -> Result<(), String> {
    let cases = cases_from_env()?;
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("migration-bench");
    let _ = fs::remove_dir_all(&base);
    fs::create_dir_all(&base).map_err(|e| format!("creating {}: {e}", base.display()))?;

    print_setup(&cases);
    let classes = compile(&base)?;
    let certs = base.join("cluster");
    cluster_init(&certs)?;

    let started = Instant::now();
    let mut results = Vec::new();
    for case in &cases {
        results.push(run_case(&base, &certs, &classes, *case)?);
    }
    println!();
    report(&results);
    println!();
    println!(
        "total {:.1} s, load average at the end {}",
        started.elapsed().as_secs_f64(),
        load_average()
    );
    Ok(())
}

fn print_setup(cases: &[Case]) {
    print_machine();
    let list: Vec<String> = cases
        .iter()
        .map(|c| format!("{}:{} ({} moves)", c.heap_mib, c.rate, c.moves))
        .collect();
    println!("cases (heap MiB:writes MB/s): {}", list.join(", "));
}

impl Cluster {
    /// Reads what node `from` logged of the move it just made, from where the last move's
    /// lines ended: the pre-copy start (`live_bytes`) and the freeze decision (`reason=`), or
    /// the classic start. Waits a little for the `moved` line (`frozen_us=`), which the node
    /// logs before it replies.
    fn read_move_log(&mut self, from: &str, m: &mut Move) {
        let start = Instant::now();
        let node = self.node_mut(from);
        loop {
            let text = read_text(&node.log);
            // Complete lines only: the node may be writing the last one.
            let complete = text.rfind('\n').map_or("", |i| &text[..=i]);
            let lines: Vec<&str> = complete.lines().skip(node.read).collect();
            let done = lines.iter().position(|l| l.contains("frozen_us="));
            if done.is_none() && start.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
            let upto = done.map_or(lines.len(), |i| i + 1);
            let mut reason: Option<String> = None;
            for l in &lines[..upto] {
                if l.contains("migrating by pre-copy") {
                    m.live_bytes = field(l, "live_bytes=").and_then(|v| v.parse().ok());
                    m.estimated = false;
                } else if l.contains("pre-copy converged:")
                    || l.contains("pre-copy did not converge")
                {
                    reason = field(l, "reason=").map(str::to_string);
                    if !l.contains("reason=converged") {
                        m.decision = Some(l.trim().to_string());
                    }
                } else if l.contains(" migrating ") && l.contains("checkpoint_bytes=") {
                    reason = Some("classic".to_string());
                }
            }
            m.reason = reason.unwrap_or_else(|| "?".to_string());
            node.read += upto;
            return;
        }
    }
}

/// Starts a cluster, submits the program with the case's heap and write rate and moves it
/// back and forth.
fn run_case(base: &Path, certs: &Path, classes: &Path, case: Case) -> Result<CaseResult, String> {
    let label = format!("{}, {} MB/s", case.heap_label(), case.rate);
    let load = load_average();
    eprintln!("migration: {label}: starting two nodes (load average {load})");
    let mut cluster = start(base, certs, &case.name(), "info", "")?;
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
    let ready = read_text(&out)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    let estimate = estimate_bytes(&ready);
    eprintln!(
        "migration: {label}: {id} ready on a in {:.1} s ({ready}); {} moves",
        building.elapsed().as_secs_f64(),
        case.moves
    );
    let mut moves = Vec::with_capacity(case.moves);
    for i in 0..case.moves {
        let (from, to) = if i % 2 == 0 { ("a", "b") } else { ("b", "a") };
        cluster.wait_running_on(&id, from, Duration::from_secs(60))?;
        // A line printed since the last move: the process really runs where it went.
        let lines = complete_lines(&read_text(&out));
        wait_output(
            &out,
            |t| complete_lines(t) > lines,
            Duration::from_secs(60),
            &mut cluster.clients[0],
        )?;
        // Freeze at varied points of the program's 50 ms cycle.
        std::thread::sleep(Duration::from_millis((i as u64 * 17) % 50));
        let mut cmd = cluster.client("migrate", from);
        cmd.arg(&id).arg("--to").arg(to);
        let lines_before = complete_lines(&read_text(&out));
        let started = Instant::now();
        let (ok, text, stderr) =
            run_command(cmd, &cluster.dir, &format!("migrate-{i}"), MIGRATE_LIMIT)?;
        let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
        let steps_during = complete_lines(&read_text(&out)).saturating_sub(lines_before);
        if !ok {
            return Err(format!(
                "{label}: move {i} from {from} to {to} failed: {text}{stderr}\nnode warnings:\n{}",
                cluster.warnings().join("\n")
            ));
        }
        let mut m = parse_move(&text, from)
            .ok_or_else(|| format!("{label}: unexpected migrate output {text:?}"))?;
        m.wall_ms = wall_ms;
        m.steps_during = steps_during;
        cluster.read_move_log(from, &mut m);
        if m.live_bytes.is_none() {
            m.live_bytes = estimate;
            m.estimated = true;
        }
        eprintln!(
            "migration: {label}: move {i} {from}→{to}: frozen {:.3} ms, total {:.3} s, {} rounds, \
             {} bytes sent, live {}, {}",
            m.frozen_ms,
            m.wall_ms / 1000.0,
            m.rounds,
            m.sent(),
            m.live_bytes.map_or("?".to_string(), |l| format!(
                "{l}{}",
                if m.estimated { "*" } else { "" }
            )),
            m.reason
        );
        moves.push(m);
    }
    // One more line after the last move, then the whole output must be every step once.
    let lines = complete_lines(&read_text(&out));
    wait_output(
        &out,
        |t| complete_lines(t) > lines,
        Duration::from_secs(60),
        &mut cluster.clients[0],
    )?;
    check_output(&read_text(&out)).map_err(|e| format!("{label}: {e}"))?;
    let moves_seen = read_text(&err)
        .lines()
        .filter(|l| l.contains(" runs on "))
        .count();
    let warnings = cluster.warnings();
    drop(cluster);
    if moves_seen < case.moves {
        eprintln!(
            "migration: {label}: the client saw {moves_seen} `runs on` notices for {} moves",
            case.moves
        );
    }
    if !warnings.is_empty() {
        eprintln!(
            "migration: {label}: the nodes logged {} warnings or errors (the first 10):",
            warnings.len()
        );
        for l in warnings.iter().take(10) {
            eprintln!("  {l}");
        }
    }
    Ok(CaseResult { case, moves, load })
}

/// The program's heap by the heap's own accounting, from its `ready longs=N cells=M` line: the
/// `long[]`, the array of objects and the objects.
fn estimate_bytes(ready: &str) -> Option<u64> {
    let longs: u64 = field(ready, "longs=")?.parse().ok()?;
    let cells: u64 = field(ready, "cells=")?.parse().ok()?;
    Some(48 + 8 * longs + 48 + CELL_BYTES * cells)
}

/// `moved ID from X to Y: frozen 1.234 ms, checkpoint N bytes, M class bytes sent`, or
/// `moved ID from X to Y: frozen 0.703 ms, R rounds of pre-copy (P bytes) while it ran, then
/// F bytes frozen, M class bytes sent`.
fn parse_move(text: &str, from: &'static str) -> Option<Move> {
    let line = text.lines().find(|l| l.starts_with("moved "))?;
    let after = |key: &str| -> Option<u64> { field(line, key)?.parse().ok() };
    let before = |key: &str| -> Option<u64> {
        line[..line.find(key)?]
            .split_whitespace()
            .next_back()?
            .parse()
            .ok()
    };
    let frozen_ms = field(line, ": frozen ")?.parse().ok()?;
    let class_bytes = before(" class bytes sent")?;
    let (rounds, precopy_bytes, frozen_bytes) = if line.contains(" rounds of pre-copy (") {
        (
            u32::try_from(before(" rounds of pre-copy (")?).ok()?,
            after("pre-copy (")?,
            after(", then ")?,
        )
    } else {
        (0, 0, after(", checkpoint ")?)
    };
    Some(Move {
        from,
        frozen_ms,
        wall_ms: 0.0,
        steps_during: 0,
        rounds,
        precopy_bytes,
        frozen_bytes,
        class_bytes,
        live_bytes: None,
        estimated: false,
        reason: String::new(),
        decision: None,
    })
}

/// Freeze p50 and p90 of a case, in ms.
fn freeze_quantiles(r: &CaseResult) -> (f64, f64) {
    let frozen = sorted(r.moves.iter().map(|m| m.frozen_ms));
    (median(&frozen), quantile(&frozen, 0.9))
}

fn report(results: &[CaseResult]) {
    println!(
        "| heap | writes MB/s | moves | freeze p50 ms | freeze p90 ms | total p50 s | rounds p50 \
         | live MB p50 | sent/live p50 | sent/live max | freeze reasons |"
    );
    println!(
        "|-----:|------------:|------:|--------------:|--------------:|------------:|-----------:\
         |------------:|--------------:|--------------:|:---------------|"
    );
    let mut any_estimate = false;
    for r in results {
        let (p50, p90) = freeze_quantiles(r);
        let wall = sorted(r.moves.iter().map(|m| m.wall_ms / 1000.0));
        let rounds = sorted(r.moves.iter().map(|m| f64::from(m.rounds)));
        let live = sorted(
            r.moves
                .iter()
                .filter_map(|m| m.live_bytes)
                .map(|l| l as f64),
        );
        let ratios = sorted(r.moves.iter().filter_map(Move::ratio));
        let estimated = r.moves.iter().any(|m| m.estimated);
        any_estimate |= estimated;
        let star = if estimated { "*" } else { "" };
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &r.moves {
            *reasons.entry(m.reason.as_str()).or_default() += 1;
        }
        let reasons: Vec<String> = reasons.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let or_dash = |v: &[f64], f: &dyn Fn(&[f64]) -> String| {
            if v.is_empty() { "-".to_string() } else { f(v) }
        };
        println!(
            "| {} | {} | {} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {} | {} |",
            r.case.heap_label(),
            r.case.rate,
            r.moves.len(),
            p50,
            p90,
            median(&wall),
            median(&rounds),
            or_dash(&live, &|v| format!("{:.1}{star}", median(v) / 1e6)),
            or_dash(&ratios, &|v| format!("{:.3}{star}", median(v))),
            or_dash(&ratios, &|v| format!("{:.3}{star}", v[v.len() - 1])),
            reasons.join(", ")
        );
    }
    println!();
    println!(
        "freeze = the source's figure, freeze request until commit (nearest-rank p90: the largest \
         of up to 9 moves); total = wall time of the whole `phantom migrate` command; sent = \
         pre-copy + frozen (or checkpoint) + class bytes; live = the source's `live_bytes` \
         (MB = 10^6 bytes)"
    );
    if any_estimate {
        println!(
            "* classic moves (heap under precopy_min_mib): live is the program's own estimate \
             of its heap (the node logs live bytes only for pre-copy)"
        );
    }

    println!();
    println!("per move (in order):");
    for r in results {
        let list = |f: &dyn Fn(&Move) -> String| -> String {
            r.moves.iter().map(f).collect::<Vec<_>>().join(" ")
        };
        println!(
            "- {}, {} MB/s (load average {} at its start): frozen ms [{}]; total s [{}]; rounds \
             [{}]; sent/live [{}]; reasons [{}]; steps printed during the move / its 50 ms \
             ticks [{}]",
            r.case.heap_label(),
            r.case.rate,
            r.load,
            list(&|m| format!("{:.2}", m.frozen_ms)),
            list(&|m| format!("{:.2}", m.wall_ms / 1000.0)),
            list(&|m| m.rounds.to_string()),
            list(&|m| m.ratio().map_or("?".to_string(), |x| format!("{x:.2}"))),
            list(&|m| format!("{}:{}", m.from, m.reason)),
            list(&|m| format!("{}/{:.0}", m.steps_during, m.wall_ms / 50.0)),
        );
        for m in r.moves.iter().filter_map(|m| m.decision.as_ref()).take(3) {
            println!("  source: {m}");
        }
    }

    println!();
    println!("targets (issue #14):");
    for (rate, limit, what) in [
        (0, 10.0, "1 GiB heap, idle (mostly read)"),
        (10, 50.0, "1 GiB heap, 10 MB/s of writes"),
    ] {
        let verdict = match results
            .iter()
            .find(|r| r.case.heap_mib == 1024 && r.case.rate == rate)
        {
            Some(r) => {
                let (p50, p90) = freeze_quantiles(r);
                let holds = p50 < limit && p90 < limit;
                format!(
                    "{}: p50 {p50:.3} ms, p90 {p90:.3} ms",
                    if holds { "holds" } else { "MISSED" }
                )
            }
            None => format!("not measured (case 1024:{rate} not run)"),
        };
        println!("- freeze under {limit:.0} ms, {what}: {verdict}");
    }
    let mut missed = Vec::new();
    let mut worst: Option<(f64, String)> = None;
    let mut unknown = 0;
    for r in results {
        for m in &r.moves {
            let Some(x) = m.ratio() else {
                unknown += 1;
                continue;
            };
            let label = format!("{}, {} MB/s", r.case.heap_label(), r.case.rate);
            if worst.as_ref().is_none_or(|w| x > w.0) {
                worst = Some((x, label.clone()));
            }
            if x > 1.5 && !missed.contains(&label) {
                missed.push(label);
            }
        }
    }
    let worst = worst.map_or("no move measured".to_string(), |(x, l)| {
        format!("largest {x:.3} ({l})")
    });
    let unknown = if unknown > 0 {
        format!(", {unknown} moves without a live size")
    } else {
        String::new()
    };
    if missed.is_empty() {
        println!("- bytes sent at most 1.5x the live heap, every move: holds: {worst}{unknown}");
    } else {
        println!(
            "- bytes sent at most 1.5x the live heap, every move: MISSED in {}: {worst}{unknown}",
            missed.join("; ")
        );
    }
}
