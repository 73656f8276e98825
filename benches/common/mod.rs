//! What the benches that run `phantom node` daemons share (`benches/migration.rs`,
//! `benches/checkpoint_home.rs`): the Java program they run, a two-node cluster on loopback,
//! the client commands, and the checks and figures of the output.

// Each bench uses its own part of this module.
#![allow(dead_code)]

use std::fs;
use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The release binary: cargo builds the package's binaries with the bench profile (which
/// inherits `release`) before its benches.
pub(crate) const PHANTOM: &str = env!("CARGO_BIN_EXE_phantom");

/// The nodes' largest heap of one process, in MiB: room for 1 GiB of data and the rest.
pub(crate) const MAX_HEAP_MIB: u64 = 2048;

/// Bytes of one small object in the heap's accounting (a 48-byte header and four 16-byte
/// fields), plus its 4-byte slot in the array that holds them all.
pub(crate) const CELL_BYTES: u64 = 48 + 4 * 16 + 4;

/// The program: HEAP_MIB MiB of `long[]` and small objects, read every 50 ms and written at
/// RATE_MB_S MB/s, forever (the bench kills it). The loops sit in small static methods,
/// called many times, so the JIT compiles them.
pub(crate) const MAIN: &str = r#"
public class Main {
    static final class Cell {
        long a;
        long b;
        int c;
        Cell next;
    }

    static long[] data;
    static Cell[] cells;
    static long rng = 0x9E3779B97F4A7C15L;
    static int window;

    static long next() {
        long x = rng;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        rng = x;
        return x;
    }

    static void fill(int from, int to) {
        long[] d = data;
        long x = rng;
        for (int i = from; i < to; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            d[i] = x;
        }
        rng = x;
    }

    static void build(int from, int to) {
        Cell[] cs = cells;
        for (int i = from; i < to; i++) {
            Cell c = new Cell();
            long x = next();
            c.a = x | 1;
            c.b = i + 1;
            c.c = i;
            // A random earlier object: a shallow graph, not one long chain.
            c.next = i > 0 ? cs[(int) ((x >>> 1) % i)] : null;
            cs[i] = c;
        }
    }

    static long tick(int s, int clustered, int scattered) {
        long[] d = data;
        Cell[] cs = cells;
        int n = d.length;
        long sum = 0;
        // Reads: 4096 values spread over the array, 256 random objects.
        int stride = Math.max(1, n / 4096);
        int at = s % stride;
        for (int j = 0; j < 4096 && at < n; j++) {
            sum += d[at];
            at += stride;
        }
        for (int j = 0; j < 256; j++) {
            sum += cs[(int) ((next() >>> 1) % cs.length)].b;
        }
        // Clustered writes: a window that moves along the array.
        int w = window;
        for (int j = 0; j < clustered; j++) {
            d[w] = (d[w] * 31 + s) | 1;
            w++;
            if (w == n) {
                w = 0;
            }
        }
        window = w;
        // Scattered writes: one long field of random objects.
        for (int j = 0; j < scattered; j++) {
            Cell c = cs[(int) ((next() >>> 1) % cs.length)];
            c.a = (c.a * 31 + j) | 1;
            sum += c.c;
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        int heapMib = Integer.parseInt(args[0]);
        long rate = Long.parseLong(args[1]);
        long heap = (long) heapMib << 20;
        int longs = (int) (heap * 3 / 4 / 8);
        int count = (int) Math.max(1, heap / 4 / CELL_BYTES);
        data = new long[longs];
        for (int i = 0; i < longs; i += 1 << 16) {
            fill(i, Math.min(longs, i + (1 << 16)));
        }
        cells = new Cell[count];
        for (int i = 0; i < count; i += 1 << 12) {
            build(i, Math.min(count, i + (1 << 12)));
        }
        long perTick = rate * 1000000L / 20;
        int scattered = (int) (perTick / 8 / 8);
        int clustered = (int) ((perTick - scattered * 8L) / 8);
        System.out.println("ready longs=" + longs + " cells=" + count + " clustered=" + clustered
            + " scattered=" + scattered);
        long sum = 0;
        // Each 50 ms step writes in five bursts 10 ms apart: a steadier rate than one burst.
        for (int s = 0; ; s++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 5; k++) {
                sum += tick(s * 5 + k, clustered / 5, scattered / 5);
                long spent = (System.nanoTime() - t0) / 1000000L;
                Thread.sleep(Math.max(1, (k + 1) * 10L - spent));
            }
            System.out.println("step " + s + " " + sum);
        }
    }
}
"#;
/// A running node.
#[derive(Debug)]
pub(crate) struct NodeProc {
    pub(crate) name: &'static str,
    pub(crate) addr: String,
    pub(crate) log: PathBuf,
    /// Complete lines of its log already matched to moves.
    pub(crate) read: usize,
    pub(crate) child: Child,
}

/// Two nodes and the submitting client, killed when the case ends, however it ends.
#[derive(Debug)]
pub(crate) struct Cluster {
    pub(crate) dir: PathBuf,
    pub(crate) certs: PathBuf,
    pub(crate) nodes: Vec<NodeProc>,
    pub(crate) clients: Vec<Child>,
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

/// Makes the certificates of a cluster of nodes `a` and `b` in `certs`.
pub(crate) fn cluster_init(certs: &Path) -> Result<(), String> {
    let init = Command::new(PHANTOM)
        .args(["cluster", "init", "--out"])
        .arg(certs)
        .args(["--nodes", "a,b"])
        .output()
        .map_err(|e| format!("running {PHANTOM}: {e}"))?;
    if !init.status.success() {
        return Err(format!("phantom cluster init failed: {init:?}"));
    }
    Ok(())
}

/// Prints the binary (and whether it is a release build) and the machine.
pub(crate) fn print_machine() {
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
pub(crate) fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "unknown".to_string())
}

pub(crate) fn compile(base: &Path) -> Result<PathBuf, String> {
    let src = base.join("src");
    let classes = base.join("classes");
    fs::create_dir_all(&src).map_err(|e| e.to_string())?;
    fs::create_dir_all(&classes).map_err(|e| e.to_string())?;
    let file = src.join("Main.java");
    let text = MAIN.replace("CELL_BYTES", &format!("{CELL_BYTES}L"));
    fs::write(&file, text).map_err(|e| format!("writing {}: {e}", file.display()))?;
    let javac = Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .arg(&file)
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

pub(crate) fn free_port() -> Result<u16, String> {
    UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free UDP port on loopback: {e}"))
}

/// Starts nodes `a` and `b` in `base/name` with key `log` set to `log` and the further
/// configuration lines `settings` (none, or `key = value` lines each ending in a newline), and
/// waits until both answer.
pub(crate) fn start(
    base: &Path,
    certs: &Path,
    name: &str,
    log: &str,
    settings: &str,
) -> Result<Cluster, String> {
    let dir = base.join(name);
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let names = ["a", "b"];
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
            "name = \"{name}\"\nlisten = \"{}\"\ncluster = {:?}\nlog = {log:?}\n\
             max_heap_mib = {MAX_HEAP_MIB}\n{settings}",
            addrs[i],
            certs.display().to_string(),
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
            // It would override the configuration's level, and the bench reads info lines.
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(fs::File::create(&log).map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| format!("starting node {name}: {e}"))?;
        cluster.nodes.push(NodeProc {
            name,
            addr: addrs[i].clone(),
            log,
            read: 0,
            child,
        });
    }
    for i in 0..cluster.nodes.len() {
        cluster.wait_up(i, Duration::from_secs(60))?;
    }
    Ok(cluster)
}

impl Cluster {
    pub(crate) fn node(&self, name: &str) -> &NodeProc {
        self.nodes
            .iter()
            .find(|n| n.name == name)
            .expect("a node of the cluster")
    }

    pub(crate) fn node_mut(&mut self, name: &str) -> &mut NodeProc {
        self.nodes
            .iter_mut()
            .find(|n| n.name == name)
            .expect("a node of the cluster")
    }

    /// A client command against node `via`.
    pub(crate) fn client(&self, command: &str, via: &str) -> Command {
        let mut cmd = Command::new(PHANTOM);
        cmd.arg(command)
            .arg("--node")
            .arg(&self.node(via).addr)
            .arg("--cluster")
            .arg(&self.certs);
        cmd
    }

    /// Waits until node `i` has bound its port and answers `ps`.
    pub(crate) fn wait_up(&mut self, i: usize, limit: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let n = &mut self.nodes[i];
            if let Ok(Some(status)) = n.child.try_wait() {
                return Err(format!(
                    "node {} exited ({status}); its log:\n{}",
                    n.name,
                    read_text(&n.log)
                ));
            }
            // The port is taken once the node listens: only then try a QUIC client.
            if UdpSocket::bind(&n.addr).is_err() {
                let name = n.name;
                if self.ps(name).is_ok() {
                    return Ok(());
                }
            }
            if start.elapsed() > limit {
                let n = &self.nodes[i];
                return Err(format!(
                    "node {} did not come up in {limit:?}; its log:\n{}",
                    n.name,
                    read_text(&n.log)
                ));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `phantom ps` through `via`: (id, node, state) of every process.
    pub(crate) fn ps(&self, via: &str) -> Result<Vec<(String, String, String)>, String> {
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
    pub(crate) fn wait_running_on(
        &self,
        id: &str,
        node: &str,
        limit: Duration,
    ) -> Result<(), String> {
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

    /// The nodes' warnings and errors.
    pub(crate) fn warnings(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for n in &self.nodes {
            for l in read_text(&n.log).lines() {
                if l.contains(" WARN ") || l.contains(" ERROR ") {
                    lines.push(format!("node {}: {l}", n.name));
                }
            }
        }
        lines
    }
}

/// The word after `key` in a log line.
pub(crate) fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = &line[line.find(key)? + key.len()..];
    rest.split_whitespace().next()
}

pub(crate) fn read_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

/// The complete lines of a program's output so far.
pub(crate) fn complete_lines(text: &str) -> usize {
    text.matches('\n').count()
}

/// Waits until the text of `path` satisfies `what`, failing if the client ends first.
pub(crate) fn wait_output(
    path: &Path,
    what: impl Fn(&str) -> bool,
    limit: Duration,
    client: &mut Child,
) -> Result<(), String> {
    let start = Instant::now();
    loop {
        let text = read_text(path);
        if what(&text) {
            return Ok(());
        }
        if let Ok(Some(status)) = client.try_wait() {
            return Err(format!(
                "phantom submit ended ({status}); its output:\n{text}"
            ));
        }
        if start.elapsed() > limit {
            return Err(format!(
                "the program's output did not come in {limit:?}:\n{}",
                text.lines().rev().take(20).collect::<Vec<_>>().join("\n")
            ));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Runs a command to its end, its output in files of `dir`, killing it after `limit`.
pub(crate) fn run_command(
    mut cmd: Command,
    dir: &Path,
    name: &str,
    limit: Duration,
) -> Result<(bool, String, String), String> {
    let out_path = dir.join(format!("{name}.out"));
    let err_path = dir.join(format!("{name}.err"));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).map_err(|e| e.to_string())?)
        .stderr(fs::File::create(&err_path).map_err(|e| e.to_string())?)
        .spawn()
        .map_err(|e| format!("running {name}: {e}"))?;
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{name} did not end in {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    Ok((status.success(), read_text(&out_path), read_text(&err_path)))
}

/// The `ready` line, then every `step N` line, in order, from 0, with no gap, no repeat and
/// nothing else.
pub(crate) fn check_output(text: &str) -> Result<(), String> {
    let complete = text.rfind('\n').map_or("", |i| &text[..=i]);
    let mut lines = complete.lines();
    match lines.next() {
        Some(l) if l.starts_with("ready ") => {}
        other => return Err(format!("the output does not start with `ready`: {other:?}")),
    }
    let mut next = 0u64;
    for l in lines {
        let n: u64 = l
            .strip_prefix("step ")
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|w| w.parse().ok())
            .ok_or_else(|| format!("the output is not whole: unexpected line {l:?}"))?;
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
pub(crate) fn quantile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub(crate) fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

pub(crate) fn sorted(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    v
}
