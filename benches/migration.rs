//! Freeze time of live migrations between two `phantom node` daemons on loopback, native to
//! native, run with `cargo bench --bench migration` (docs/benchmarks.md, "Migration freeze
//! time").
//!
//! Two Java programs are compiled with `javac`, a cluster of two nodes is started on free
//! loopback UDP ports, and each program is submitted and moved back and forth between the
//! nodes with `phantom migrate`:
//!
//! - `Ticker`, a small process that prints a line every 50 ms (41 moves by default);
//! - `Heap64`, which holds a `long[]` of 8 Mi elements (64 MiB) of non-zero pseudo-random
//!   values and touches it every 50 ms (9 moves by default).
//!
//! "Frozen" is the figure the source node reports: from its freeze request until it commits,
//! after the target has restored the process (src/node/migrate.rs). The wall time of the
//! `phantom migrate` command is reported beside it, clearly apart: it adds the client's process
//! start, certificate loading and TLS handshake. After the moves, the program's output must be
//! whole and in order (every step once), or the benchmark fails.
//!
//! `PHANTOM_BENCH_SMALL_MOVES` and `PHANTOM_BENCH_HEAP_MOVES` change the numbers of moves;
//! `PHANTOM_BENCH_NODE_LOG` the nodes' log level (default warn; their logs stay in
//! `target/tmp/migration-bench`). The nodes' warnings and errors are printed at the end.

use std::fs;
use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The release binary: cargo builds the package's binaries with the bench profile (which
/// inherits `release`) before its benches.
const PHANTOM: &str = env!("CARGO_BIN_EXE_phantom");

const DEFAULT_SMALL_MOVES: usize = 41;
const DEFAULT_HEAP_MOVES: usize = 9;

/// A small process: a little work and one line every 50 ms, forever (the bench kills it).
const TICKER: &str = r#"
public class Ticker {
    public static void main(String[] args) throws Exception {
        long h = 17;
        for (int s = 0; ; s++) {
            for (int j = 0; j < 1000; j++) {
                h = h * 31 + (j ^ s);
            }
            System.out.println("step " + s + " " + h);
            Thread.sleep(50);
        }
    }
}
"#;

/// 64 MiB of heap in one `long[]` of non-zero xorshift values, touched every 50 ms, forever.
const HEAP64: &str = r#"
public class Heap64 {
    public static void main(String[] args) throws Exception {
        long[] data = new long[8 << 20];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < data.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            data[i] = x;
        }
        System.out.println("ready " + data.length);
        long sum = 0;
        for (int s = 0; ; s++) {
            for (int j = 0; j < 1000; j++) {
                int k = (int) (((long) s * 1000 + j) * 8191 % data.length);
                sum += data[k];
                data[k] = data[k] * 31 + 1;
            }
            System.out.println("step " + s + " " + sum);
            Thread.sleep(50);
        }
    }
}
"#;

/// What one `phantom migrate` reported.
#[derive(Debug, Clone)]
struct Move {
    /// The source's figure: freeze request to commit.
    frozen_ms: f64,
    checkpoint_bytes: u64,
    class_bytes: u64,
    /// The whole `phantom migrate` command, client start and TLS handshake included.
    wall_ms: f64,
}

/// A running node.
#[derive(Debug)]
struct NodeProc {
    name: String,
    addr: String,
    log: PathBuf,
    child: Child,
}

/// Two nodes and the submitting client, killed when the phase ends, however it ends.
#[derive(Debug)]
struct Cluster {
    dir: PathBuf,
    certs: PathBuf,
    nodes: Vec<NodeProc>,
    clients: Vec<Child>,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for c in &mut self.clients {
            let _ = c.kill();
            let _ = c.wait();
        }
        for n in &mut self.nodes {
            let _ = n.child.kill();
            let _ = n.child.wait();
        }
    }
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

fn moves_from_env(var: &str, default: usize) -> Result<usize, String> {
    match std::env::var(var) {
        Ok(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("{var} must be a positive integer, not {text:?}")),
        Err(_) => Ok(default),
    }
}

fn run() -> Result<(), String> {
    let small_moves = moves_from_env("PHANTOM_BENCH_SMALL_MOVES", DEFAULT_SMALL_MOVES)?;
    let heap_moves = moves_from_env("PHANTOM_BENCH_HEAP_MOVES", DEFAULT_HEAP_MOVES)?;
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("migration-bench");
    let _ = fs::remove_dir_all(&base);
    fs::create_dir_all(&base).map_err(|e| format!("creating {}: {e}", base.display()))?;

    print_setup();
    let classes = compile(&base)?;
    let certs = base.join("cluster");
    let init = Command::new(PHANTOM)
        .args(["cluster", "init", "--out"])
        .arg(&certs)
        .args(["--nodes", "a,b"])
        .output()
        .map_err(|e| format!("running {PHANTOM}: {e}"))?;
    if !init.status.success() {
        return Err(format!("phantom cluster init failed: {init:?}"));
    }

    let started = Instant::now();
    let small = phase(
        &base,
        &certs,
        &classes,
        "small",
        "Ticker",
        "step 0",
        small_moves,
    )?;
    let heap = phase(
        &base, &certs, &classes, "heap64", "Heap64", "ready", heap_moves,
    )?;
    println!();
    report("small process (Ticker)", &small, false);
    println!();
    report("64 MiB heap (Heap64)", &heap, true);
    println!();
    println!(
        "frozen = on the source, freeze request until commit (the target has restored the process; \
         it starts it when the commit arrives, about half a loopback round trip later)"
    );
    println!(
        "migrate wall = the whole `phantom migrate` command: client start, TLS handshake, request, reply"
    );
    println!(
        "total {:.1} s, load average at the end {}",
        started.elapsed().as_secs_f64(),
        load_average()
    );
    Ok(())
}

fn print_setup() {
    let profile = if Path::new(PHANTOM)
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|d| d == "release")
    {
        "release"
    } else {
        "NOT release: numbers are meaningless"
    };
    println!("phantom: {PHANTOM} ({profile})");
    println!(
        "machine: {} CPUs, {}, load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::env::consts::ARCH,
        load_average()
    );
}

/// The one-minute load average (Linux), which says whether other work shared the CPUs.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "unknown".to_string())
}

fn compile(base: &Path) -> Result<PathBuf, String> {
    let src = base.join("src");
    let classes = base.join("classes");
    fs::create_dir_all(&src).map_err(|e| e.to_string())?;
    fs::create_dir_all(&classes).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    for (name, text) in [("Ticker", TICKER), ("Heap64", HEAP64)] {
        let file = src.join(format!("{name}.java"));
        fs::write(&file, text).map_err(|e| format!("writing {}: {e}", file.display()))?;
        files.push(file);
    }
    let javac = Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .args(&files)
        .output()
        .map_err(|e| format!("running javac (is a JDK on the PATH?): {e}"))?;
    if !javac.status.success() {
        return Err(format!(
            "javac failed:\n{}",
            String::from_utf8_lossy(&javac.stderr)
        ));
    }
    Ok(classes)
}

fn free_port() -> Result<u16, String> {
    UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free UDP port on loopback: {e}"))
}

/// Starts nodes `a` and `b` in `base/phase`, at log level warn (or `PHANTOM_BENCH_NODE_LOG`),
/// and waits until both answer.
fn start(base: &Path, certs: &Path, phase: &str) -> Result<Cluster, String> {
    let dir = base.join(phase);
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let names = ["a", "b"];
    let log_level = std::env::var("PHANTOM_BENCH_NODE_LOG").unwrap_or_else(|_| "warn".to_string());
    let mut addrs = Vec::new();
    for _ in names {
        addrs.push(format!("127.0.0.1:{}", free_port()?));
    }
    let mut cluster = Cluster {
        dir: dir.clone(),
        certs: certs.to_path_buf(),
        nodes: Vec::new(),
        clients: Vec::new(),
    };
    for (i, name) in names.iter().enumerate() {
        let mut config = format!(
            "name = \"{name}\"\nlisten = \"{}\"\ncluster = {:?}\nlog = {:?}\n",
            addrs[i],
            certs.display().to_string(),
            log_level
        );
        for (j, other) in names.iter().enumerate() {
            if j != i {
                config.push_str(&format!(
                    "[[peers]]\nname = \"{other}\"\naddr = \"{}\"\n",
                    addrs[j]
                ));
            }
        }
        let config_path = dir.join(format!("{name}.toml"));
        fs::write(&config_path, config).map_err(|e| e.to_string())?;
        let log = dir.join(format!("{name}.log"));
        let child = Command::new(PHANTOM)
            .arg("node")
            .arg("--config")
            .arg(&config_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(fs::File::create(&log).map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| format!("starting node {name}: {e}"))?;
        cluster.nodes.push(NodeProc {
            name: name.to_string(),
            addr: addrs[i].clone(),
            log,
            child,
        });
    }
    for i in 0..cluster.nodes.len() {
        cluster.wait_up(i, Duration::from_secs(60))?;
    }
    Ok(cluster)
}

impl Cluster {
    fn node(&self, name: &str) -> &NodeProc {
        self.nodes
            .iter()
            .find(|n| n.name == name)
            .expect("a node of the cluster")
    }

    /// A client command against node `via`.
    fn client(&self, command: &str, via: &str) -> Command {
        let mut cmd = Command::new(PHANTOM);
        cmd.arg(command)
            .arg("--node")
            .arg(&self.node(via).addr)
            .arg("--cluster")
            .arg(&self.certs);
        cmd
    }

    /// Waits until node `i` has bound its port and answers `ps`. At log level warn the node
    /// does not log `node up` (an info line), so its log cannot tell.
    fn wait_up(&mut self, i: usize, limit: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let n = &mut self.nodes[i];
            if let Ok(Some(status)) = n.child.try_wait() {
                return Err(format!(
                    "node {} exited ({status}); its log:\n{}",
                    n.name,
                    fs::read_to_string(&n.log).unwrap_or_default()
                ));
            }
            // The port is taken once the node listens: only then try a QUIC client.
            if UdpSocket::bind(&n.addr).is_err() {
                let name = n.name.clone();
                if self.ps(&name).is_ok() {
                    return Ok(());
                }
            }
            if start.elapsed() > limit {
                let n = &self.nodes[i];
                return Err(format!(
                    "node {} did not come up in {limit:?}; its log:\n{}",
                    n.name,
                    fs::read_to_string(&n.log).unwrap_or_default()
                ));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `phantom ps` through `via`: (id, node, state) of every process.
    fn ps(&self, via: &str) -> Result<Vec<(String, String, String)>, String> {
        let out = self.client("ps", via).output().map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!(
                "ps through {via} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .filter_map(|l| {
                let w: Vec<&str> = l.split_whitespace().collect();
                (w.len() >= 5).then(|| (w[0].to_string(), w[2].to_string(), w[4].to_string()))
            })
            .collect())
    }

    /// Waits until `ps` through `node` shows process `id` running (or idle) on `node`.
    fn wait_running_on(&self, id: &str, node: &str, limit: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let list = self.ps(node)?;
            if list
                .iter()
                .any(|p| p.0 == id && p.1 == node && (p.2 == "running" || p.2 == "idle"))
            {
                return Ok(());
            }
            if start.elapsed() > limit {
                return Err(format!("{id} never ran on {node}: {list:?}"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// What the nodes logged: at level warn, their warnings and errors.
    fn log_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for n in &self.nodes {
            for l in fs::read_to_string(&n.log).unwrap_or_default().lines() {
                if !l.trim().is_empty() {
                    lines.push(format!("node {}: {l}", n.name));
                }
            }
        }
        lines
    }
}

fn read_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

/// Waits until the text of `path` satisfies `what`, failing if the client ends first; returns
/// its number of lines.
fn wait_output(
    path: &Path,
    what: impl Fn(&str) -> bool,
    limit: Duration,
    client: &mut Child,
) -> Result<usize, String> {
    let start = Instant::now();
    loop {
        let text = read_text(path);
        if what(&text) {
            return Ok(text.lines().count());
        }
        if let Ok(Some(status)) = client.try_wait() {
            return Err(format!(
                "phantom submit ended ({status}); its output:\n{text}"
            ));
        }
        if start.elapsed() > limit {
            return Err(format!(
                "the program's output did not come in {limit:?}:\n{text}"
            ));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Starts a cluster, submits `main` and moves it back and forth `moves` times.
fn phase(
    base: &Path,
    certs: &Path,
    classes: &Path,
    phase: &str,
    main: &str,
    ready: &str,
    moves: usize,
) -> Result<Vec<Move>, String> {
    eprintln!("migration: {phase}: starting two nodes");
    let mut cluster = start(base, certs, phase)?;
    let out = cluster.dir.join("submit.out");
    let err = cluster.dir.join("submit.err");
    let client = cluster
        .client("submit", "a")
        .arg("--show-moves")
        .arg("-cp")
        .arg(classes)
        .arg(main)
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).map_err(|e| e.to_string())?)
        .stderr(fs::File::create(&err).map_err(|e| e.to_string())?)
        .spawn()
        .map_err(|e| format!("starting phantom submit: {e}"))?;
    cluster.clients.push(client);
    wait_output(
        &err,
        |t| t.contains("submitted as "),
        Duration::from_secs(60),
        &mut cluster.clients[0],
    )?;
    let id = read_text(&err)
        .lines()
        .find_map(|l| l.strip_prefix("phantom: submitted as "))
        .map(|s| s.trim().to_string())
        .ok_or("no process id from phantom submit")?;
    wait_output(
        &out,
        |t| t.lines().any(|l| l.starts_with(ready)),
        Duration::from_secs(120),
        &mut cluster.clients[0],
    )?;
    eprintln!("migration: {phase}: {id} runs; {moves} moves");
    let mut results = Vec::with_capacity(moves);
    for i in 0..moves {
        let (from, to) = if i % 2 == 0 { ("a", "b") } else { ("b", "a") };
        cluster.wait_running_on(&id, from, Duration::from_secs(60))?;
        // A line printed since the last move: the process really runs where it went.
        let lines = read_text(&out).lines().count();
        wait_output(
            &out,
            |t| t.lines().count() > lines,
            Duration::from_secs(60),
            &mut cluster.clients[0],
        )?;
        // Freeze at varied points of the program's 50 ms cycle.
        std::thread::sleep(Duration::from_millis((i as u64 * 17) % 50));
        let started = Instant::now();
        let moved = cluster
            .client("migrate", from)
            .arg(&id)
            .arg("--to")
            .arg(to)
            .output()
            .map_err(|e| format!("running phantom migrate: {e}"))?;
        let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
        let text = String::from_utf8_lossy(&moved.stdout).to_string();
        if !moved.status.success() {
            return Err(format!(
                "move {i} from {from} to {to} failed: {}{}\nnode logs:\n{}",
                text,
                String::from_utf8_lossy(&moved.stderr),
                cluster.log_lines().join("\n")
            ));
        }
        let mut m =
            parse_move(&text).ok_or_else(|| format!("unexpected migrate output {text:?}"))?;
        m.wall_ms = wall_ms;
        results.push(m);
    }
    // One more line after the last move, then the whole output must be every step once.
    let lines = read_text(&out).lines().count();
    wait_output(
        &out,
        |t| t.lines().count() > lines,
        Duration::from_secs(60),
        &mut cluster.clients[0],
    )?;
    check_steps(&read_text(&out))?;
    let moves_seen = read_text(&err)
        .lines()
        .filter(|l| l.contains(" runs on "))
        .count();
    let logged = cluster.log_lines();
    drop(cluster);
    if moves_seen < moves {
        eprintln!(
            "migration: {phase}: the client saw {moves_seen} `runs on` notices for {moves} moves"
        );
    }
    if !logged.is_empty() {
        eprintln!(
            "migration: {phase}: the nodes logged {} lines (the first 10):",
            logged.len()
        );
        for l in logged.iter().take(10) {
            eprintln!("  {l}");
        }
    }
    Ok(results)
}

/// `moved ID from X to Y: frozen 1.234 ms, checkpoint N bytes, M class bytes sent`
fn parse_move(text: &str) -> Option<Move> {
    let line = text.lines().find(|l| l.starts_with("moved "))?;
    let after = |key: &str| -> Option<&str> {
        let rest = &line[line.find(key)? + key.len()..];
        rest.split_whitespace().next()
    };
    Some(Move {
        frozen_ms: after(": frozen ")?.parse().ok()?,
        checkpoint_bytes: after(", checkpoint ")?.parse().ok()?,
        class_bytes: after(" bytes, ")?.parse().ok()?,
        wall_ms: 0.0,
    })
}

/// Every `step N` line, in order, from 0, with no gap and no repeat.
fn check_steps(text: &str) -> Result<(), String> {
    let mut next = 0u64;
    for l in text.lines().filter(|l| l.starts_with("step ")) {
        let n: u64 = l
            .split_whitespace()
            .nth(1)
            .and_then(|w| w.parse().ok())
            .ok_or_else(|| format!("bad output line {l:?}"))?;
        if n != next {
            return Err(format!(
                "the output is not whole and in order: step {n} where {next} was due"
            ));
        }
        next += 1;
    }
    if next == 0 {
        return Err("the program printed no step".to_string());
    }
    Ok(())
}

/// The value at quantile `q` of sorted values (nearest rank).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn sorted(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    v
}

fn report(title: &str, moves: &[Move], throughput: bool) {
    let frozen = sorted(moves.iter().map(|m| m.frozen_ms));
    let wall = sorted(moves.iter().map(|m| m.wall_ms));
    let bytes = sorted(moves.iter().map(|m| m.checkpoint_bytes as f64));
    let classes: u64 = moves.iter().map(|m| m.class_bytes).sum();
    println!(
        "{title}: {} moves, checkpoint {:.0} bytes (median), class bytes sent {} in all",
        moves.len(),
        median(&bytes),
        classes
    );
    println!(
        "| {:<22} | {:>9} | {:>9} | {:>9} | {:>9} | {:>9} |",
        "ms", "min", "p10", "median", "p90", "max"
    );
    println!(
        "|{:-<24}|{:->11}|{:->11}|{:->11}|{:->11}|{:->11}|",
        "", ":", ":", ":", ":", ":"
    );
    for (name, v) in [
        ("frozen (source)", &frozen),
        ("migrate wall (client)", &wall),
    ] {
        println!(
            "| {:<22} | {:>9.3} | {:>9.3} | {:>9.3} | {:>9.3} | {:>9.3} |",
            name,
            v[0],
            quantile(v, 0.1),
            median(v),
            quantile(v, 0.9),
            v[v.len() - 1]
        );
    }
    let order: Vec<String> = moves
        .iter()
        .map(|m| format!("{:.2}", m.frozen_ms))
        .collect();
    println!("frozen ms in move order: {}", order.join(" "));
    if throughput {
        // Each move's checkpoint bytes over its own freeze time, in MB (10^6 bytes) per second.
        let rates = sorted(
            moves
                .iter()
                .map(|m| m.checkpoint_bytes as f64 / 1e6 / (m.frozen_ms / 1000.0)),
        );
        println!(
            "throughput (checkpoint bytes / frozen): median {:.0} MB/s, min {:.0}, max {:.0}",
            median(&rates),
            rates[0],
            rates[rates.len() - 1]
        );
    }
}
