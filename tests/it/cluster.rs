//! Clusters of real `phantom node` processes on loopback, talking QUIC with mutual TLS: a
//! process moved across every architecture while it prints, a target killed in the middle of a
//! transfer, and a client from another cluster refused. Nodes of other architectures run under
//! qemu, from `PHANTOM_NODE_COMMANDS` (ci/test-target sets it); where a binary is missing, a
//! node of this target's architecture stands in.

use crate::support::{exclusive, host_run_only, output, phantom};
use std::fs;
use std::io::Read;
use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running node.
pub(crate) struct NodeProc {
    pub(crate) name: String,
    pub(crate) addr: String,
    pub(crate) arch: String,
    pub(crate) log: PathBuf,
    pub(crate) child: Child,
    /// How it was started (without `node --config FILE`).
    pub(crate) command: Vec<String>,
}

/// Nodes that are killed when the test ends, however it ends.
pub(crate) struct Cluster {
    pub(crate) dir: PathBuf,
    pub(crate) nodes: Vec<NodeProc>,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for n in &mut self.nodes {
            let _ = n.child.kill();
            let _ = n.child.wait();
        }
    }
}

/// How to start a node of each architecture: this build's own binary, run natively (clusters
/// run in the host's test run only, `support::host_run_only`), and the others that
/// `PHANTOM_NODE_COMMANDS` lists.
pub(crate) fn node_commands() -> Vec<(String, Vec<String>)> {
    let own_arch = std::env::consts::ARCH.to_string();
    let own = vec![env!("CARGO_BIN_EXE_phantom").to_string()];
    let mut commands = vec![(own_arch.clone(), own)];
    for entry in std::env::var("PHANTOM_NODE_COMMANDS")
        .unwrap_or_default()
        .split(';')
    {
        let Some((arch, command)) = entry.split_once('=') else {
            continue;
        };
        if arch != own_arch && !commands.iter().any(|(a, _)| a == arch) {
            commands.push((
                arch.to_string(),
                command.split_whitespace().map(String::from).collect(),
            ));
        }
    }
    commands
}

/// The command for a node of `arch`, or this target's own when that architecture is missing.
pub(crate) fn command_for(arch: &str) -> (String, Vec<String>) {
    let all = node_commands();
    all.iter()
        .find(|(a, _)| a == arch)
        .cloned()
        .unwrap_or_else(|| all[0].clone())
}

pub(crate) fn free_port() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .expect("a free UDP port on loopback")
        .port()
}

/// Creates a cluster in a fresh folder and starts one node per (name, command).
pub(crate) fn start(test: &str, nodes: &[(&str, (String, Vec<String>))]) -> Cluster {
    start_with(test, nodes, "", &[])
}

/// Like [`start`], with more configuration lines for every node (before its peers) and files
/// written into the cluster's folder first.
pub(crate) fn start_with(
    test: &str,
    nodes: &[(&str, (String, Vec<String>))],
    extra: &str,
    files: &[(&str, &str)],
) -> Cluster {
    let nodes: Vec<NodeSpec<'_>> = nodes
        .iter()
        .map(|(n, c)| (*n, c.clone(), extra.to_string()))
        .collect();
    start_each(test, &nodes, files)
}

/// A node to start: its name, (architecture, command), and configuration lines of its own.
pub(crate) type NodeSpec<'a> = (&'a str, (String, Vec<String>), String);

/// Like [`start_with`], with configuration lines of each node's own.
pub(crate) fn start_each(test: &str, nodes: &[NodeSpec<'_>], files: &[(&str, &str)]) -> Cluster {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cluster-{test}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a test folder");
    for (name, text) in files {
        fs::write(dir.join(name), text).expect("write a file for the cluster");
    }
    let names: Vec<&str> = nodes.iter().map(|(n, ..)| *n).collect();
    let init = output(
        phantom()
            .args(["cluster", "init", "--out"])
            .arg(dir.join("cluster"))
            .arg("--nodes")
            .arg(names.join(",")),
    );
    assert!(init.status.success(), "cluster init: {init:?}");
    let addrs: Vec<String> = names
        .iter()
        .map(|_| format!("127.0.0.1:{}", free_port()))
        .collect();
    let mut cluster = Cluster {
        dir: dir.clone(),
        nodes: Vec::new(),
    };
    for (i, (name, (arch, command), extra)) in nodes.iter().enumerate() {
        let mut config = format!(
            "name = \"{name}\"\nlisten = \"{}\"\ncluster = \"cluster\"\n{extra}",
            addrs[i]
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
        fs::write(&config_path, config).expect("write a node configuration");
        let log = dir.join(format!("{name}.log"));
        let child = spawn_node(command, &config_path, &log, false);
        cluster.nodes.push(NodeProc {
            name: name.to_string(),
            addr: addrs[i].clone(),
            arch: arch.clone(),
            log,
            child,
            command: command.clone(),
        });
    }
    for n in &cluster.nodes {
        wait_for_log(n, "node up", Duration::from_secs(60));
    }
    cluster
}

/// Starts `phantom node` for a configuration file, its stderr into `log` (appended to when
/// `append`, for a node started again).
fn spawn_node(command: &[String], config: &Path, log: &Path, append: bool) -> Child {
    let file = fs::OpenOptions::new()
        .create(true)
        .append(append)
        .write(true)
        .truncate(!append)
        .open(log)
        .expect("a log file");
    Command::new(&command[0])
        .args(&command[1..])
        .arg("node")
        .arg("--config")
        .arg(config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(file)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start a node with {command:?}: {e}"))
}

pub(crate) fn wait_for_log(n: &NodeProc, what: &str, limit: Duration) {
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(&n.log).unwrap_or_default();
        if text.contains(what) {
            return;
        }
        assert!(
            start.elapsed() < limit,
            "node {} never logged {what:?}; its log:\n{text}",
            n.name
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Cluster {
    /// Starts node `name` again after it stopped, with its configuration (and state folder),
    /// and waits until it is up.
    pub(crate) fn restart(&mut self, name: &str) {
        let dir = self.dir.clone();
        let n = self
            .nodes
            .iter_mut()
            .find(|n| n.name == name)
            .expect("a node of the cluster");
        let _ = n.child.kill();
        let _ = n.child.wait();
        let ups = fs::read_to_string(&n.log)
            .unwrap_or_default()
            .matches("node up")
            .count();
        n.child = spawn_node(&n.command, &dir.join(format!("{name}.toml")), &n.log, true);
        let start = Instant::now();
        while fs::read_to_string(&n.log)
            .unwrap_or_default()
            .matches("node up")
            .count()
            <= ups
        {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "node {name} did not come up again"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a signal to node `name` (`kill -SIG`).
    pub(crate) fn signal(&self, name: &str, signal: &str) {
        let pid = self.node(name).child.id();
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    pub(crate) fn node(&self, name: &str) -> &NodeProc {
        self.nodes
            .iter()
            .find(|n| n.name == name)
            .expect("a node of the cluster")
    }

    /// A client command against node `via`, with this cluster's client certificate.
    pub(crate) fn client(&self, command: &str, via: &str) -> Command {
        let mut cmd = phantom();
        cmd.arg(command)
            .arg("--node")
            .arg(&self.node(via).addr)
            .arg("--cluster")
            .arg(self.dir.join("cluster"));
        cmd
    }

    /// `phantom ps` through `via`: (id, node, arch, state) of every process.
    pub(crate) fn ps(&self, via: &str) -> Vec<(String, String, String, String)> {
        let out = output(&mut self.client("ps", via));
        // 2: some node did not answer (named on stderr); the table lists the others.
        assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "ps failed: {out:?}"
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .map(|l| {
                let w: Vec<&str> = l.split_whitespace().collect();
                (
                    w[0].to_string(),
                    w[2].to_string(),
                    w[3].to_string(),
                    w[4].to_string(),
                )
            })
            .collect()
    }

    /// Waits until `ps` shows the process running on `node`.
    pub(crate) fn wait_running_on(&self, id: &str, node: &str, limit: Duration) {
        let start = Instant::now();
        loop {
            if self
                .ps(node)
                .iter()
                .any(|p| p.0 == id && p.1 == node && (p.3 == "running" || p.3 == "idle"))
            {
                return;
            }
            assert!(
                start.elapsed() < limit,
                "{id} never ran on {node}: {:?}",
                self.ps(node)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A program that works and prints in steps, sleeping a little between them, so that it is
/// still running while the test moves it around.
const STEPS: &str = r#"
import java.util.*;

public class Steps {
    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        int heapMb = Integer.parseInt(args[1]);
        long[] ballast = new long[heapMb * 131072];
        for (int i = 0; i < ballast.length; i += 97) {
            ballast[i] = i * 7919L;
        }
        Map<String, Integer> counts = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        long h = 17;
        for (int s = 0; s < steps; s++) {
            for (int j = 0; j < 20000; j++) {
                h = h * 31 + (j ^ s) + ballast[(j * 131 + s) % ballast.length];
            }
            String key = "k" + (h & 7);
            counts.merge(key, 1, Integer::sum);
            text.append((char) ('a' + (int) (h & 15)));
            System.out.println("step " + s + " " + h + " " + counts + " " + Math.sqrt(s) / 3);
            if (s % 10 == 0) {
                System.err.println("at " + s + " " + text.length());
            }
            Thread.sleep(40);
        }
        System.out.println("checksum " + text.toString().hashCode());
    }
}
"#;

/// Compiles `Steps` and runs it under HotSpot for the expected output.
pub(crate) fn steps_program(dir: &Path, args: &[&str]) -> (PathBuf, Vec<u8>, Vec<u8>) {
    let classes = compile_java(dir, "Steps", STEPS);
    let java = output(
        Command::new("java")
            .arg("-Xint")
            .arg("-cp")
            .arg(&classes)
            .arg("Steps")
            .args(args),
    );
    assert!(java.status.success(), "java: {java:?}");
    (classes, java.stdout, java.stderr)
}

/// Starts `phantom submit` in the background, its stdout and stderr going to files.
pub(crate) fn submit(
    cluster: &Cluster,
    via: &str,
    classes: &Path,
    args: &[&str],
) -> (Child, PathBuf) {
    let out = cluster.dir.join("submit.out");
    let err = cluster.dir.join("submit.err");
    let child = cluster
        .client("submit", via)
        .arg("--show-moves")
        .arg("-cp")
        .arg(classes)
        .arg("Steps")
        .args(args)
        .stdout(fs::File::create(&out).expect("a file"))
        .stderr(fs::File::create(&err).expect("a file"))
        .spawn()
        .expect("phantom submit starts");
    (child, out)
}

pub(crate) fn wait_child(child: &mut Child, limit: Duration) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting for a child") {
            return status.code().unwrap_or(-1);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("a command ran longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub(crate) fn read(path: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .expect("read a file");
    bytes
}

/// Splits the client's stderr into the program's own and phantom's `--show-moves` lines.
pub(crate) fn split_moves(stderr: &[u8]) -> (Vec<u8>, Vec<String>) {
    let text = String::from_utf8_lossy(stderr);
    let mut program = Vec::new();
    let mut moves = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(m) = line.strip_prefix("phantom: ") {
            moves.push(m.trim_end().to_string());
        } else {
            program.extend_from_slice(line.as_bytes());
        }
    }
    (program, moves)
}

#[test]
fn a_process_moved_across_every_architecture_prints_what_hotspot_prints() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    let cluster = start(
        "hetero",
        &[
            ("x", command_for("x86_64")),
            ("a", command_for("aarch64")),
            ("s", command_for("s390x")),
        ],
    );
    let args = ["150", "2"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    let (mut client, out) = submit(&cluster, "x", &classes, &args);
    let id = "x-1";
    cluster.wait_running_on(id, "x", Duration::from_secs(60));
    let mut frozen = Vec::new();
    for to in ["a", "s", "x"] {
        let moved = output(cluster.client("migrate", "x").arg(id).arg("--to").arg(to));
        let text = String::from_utf8_lossy(&moved.stdout).to_string();
        assert!(
            moved.status.success() && text.starts_with(&format!("moved {id} from ")),
            "migrate to {to}: {moved:?}"
        );
        frozen.push(text);
        cluster.wait_running_on(id, to, Duration::from_secs(60));
        let arch = &cluster.node(to).arch;
        assert!(
            cluster
                .ps("x")
                .iter()
                .any(|p| p.0 == id && p.1 == to && &p.2 == arch),
            "ps shows {id} on {to} ({arch})"
        );
    }
    let status = wait_child(&mut client, Duration::from_secs(300));
    assert_eq!(status, 0, "the program's exit status");
    assert_eq!(
        String::from_utf8_lossy(&read(&out)),
        String::from_utf8_lossy(&expected_out),
        "stdout after moves {frozen:?}"
    );
    let (program_err, moves) = split_moves(&read(&cluster.dir.join("submit.err")));
    assert_eq!(
        String::from_utf8_lossy(&program_err),
        String::from_utf8_lossy(&expected_err)
    );
    let places: Vec<&str> = moves
        .iter()
        .filter_map(|m| m.strip_prefix(&format!("{id} runs on ")))
        .collect();
    let expected_places: Vec<String> = ["x", "a", "s", "x"]
        .iter()
        .map(|n| format!("{n} ({})", cluster.node(n).arch))
        .collect();
    assert_eq!(places, expected_places, "where the process ran");
}

/// A program whose heap keeps changing while it runs: a `long[]` written a window at a time,
/// small objects replaced (garbage for the collector) and mutated, a map and strings growing.
pub(crate) const CHURN: &str = r#"
import java.util.*;

public class Churn {
    static final class Cell {
        long value;
        int hits;
        Cell next;
        Cell(long value, Cell next) { this.value = value; this.next = next; }
    }

    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        int heapMb = Integer.parseInt(args[1]);
        long[] data = new long[heapMb * 131072 * 3 / 4];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < data.length; i++) {
            x ^= x << 13; x ^= x >>> 7; x ^= x << 17;
            data[i] = x;
        }
        Cell[] cells = new Cell[heapMb * 1024];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Cell(i, i > 0 ? cells[i - 1] : null);
        }
        Map<Integer, String> names = new HashMap<>();
        long h = 17;
        for (int s = 0; s < steps; s++) {
            int window = (int) ((s * 4099L) % (data.length - 4096));
            for (int j = 0; j < 4096; j++) {
                data[window + j] = data[window + j] * 31 + s;
                h = h * 31 + data[(int) ((j * 7919L + s) % data.length)];
            }
            for (int j = 0; j < 200; j++) {
                int k = (int) Math.floorMod(h + j * 131L, (long) cells.length);
                if (j % 3 == 0) {
                    cells[k] = new Cell(h ^ j, cells[(k + 1) % cells.length]);
                } else {
                    cells[k].value += j;
                    cells[k].hits++;
                }
                h = h * 17 + cells[k].value;
            }
            names.put(s % 50, "n" + s + "-" + (h & 1023));
            System.out.println("step " + s + " " + h + " " + names.get(s % 50) + " " + names.size());
            Thread.sleep(30);
        }
        long sum = 0;
        for (long v : data) sum += v;
        for (Cell c : cells) sum += c.value * 3 + c.hits;
        System.out.println("checksum " + sum + " " + new TreeMap<>(names).toString().hashCode());
    }
}
"#;

#[test]
fn a_changing_heap_moves_by_precopy_across_every_architecture_as_hotspot_prints() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    // Every move by pre-copy, however small the heap (emulated nodes get a smaller one). Node
    // s never predicts a short enough freeze: its move falls back to stopping and copying the
    // rest after two rounds.
    let all = "precopy_min_mib = 0\n";
    let cluster = start_each(
        "precopy",
        &[
            ("x", command_for("x86_64"), all.to_string()),
            ("a", command_for("aarch64"), all.to_string()),
            (
                "s",
                command_for("s390x"),
                format!("{all}precopy_freeze_ms = 0\nprecopy_max_rounds = 2\n"),
            ),
        ],
        &[],
    );
    // Long enough for three moves from emulated nodes.
    let args = ["300", "8"];
    let classes = compile_java(&cluster.dir, "Churn", CHURN);
    let java = output(
        Command::new("java")
            .arg("-cp")
            .arg(&classes)
            .arg("Churn")
            .args(args),
    );
    assert!(java.status.success(), "java: {java:?}");
    let out = cluster.dir.join("submit.out");
    let mut client = cluster
        .client("submit", "x")
        .arg("--show-moves")
        .arg("-cp")
        .arg(&classes)
        .arg("Churn")
        .args(args)
        .stdout(fs::File::create(&out).expect("a file"))
        .stderr(fs::File::create(cluster.dir.join("submit.err")).expect("a file"))
        .spawn()
        .expect("phantom submit starts");
    let id = "x-1";
    cluster.wait_running_on(id, "x", Duration::from_secs(60));
    let mut moves = Vec::new();
    for to in ["a", "s", "x"] {
        // A few steps between moves, so the heap has changed since the last.
        let lines = read(&out).split(|&b| b == b'\n').count();
        let start = Instant::now();
        while read(&out).split(|&b| b == b'\n').count() < lines + 3 {
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "no progress before moving to {to}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let moved = output(cluster.client("migrate", "x").arg(id).arg("--to").arg(to));
        let text = String::from_utf8_lossy(&moved.stdout).to_string();
        assert!(
            moved.status.success() && text.contains("rounds of pre-copy"),
            "migrate to {to} by pre-copy: {moved:?}"
        );
        moves.push(text);
        cluster.wait_running_on(id, to, Duration::from_secs(60));
    }
    let status = wait_child(&mut client, Duration::from_secs(300));
    assert_eq!(status, 0, "the program's exit status");
    assert_eq!(
        String::from_utf8_lossy(&read(&out)),
        String::from_utf8_lossy(&java.stdout),
        "stdout after moves {moves:?}"
    );
    let s_log = fs::read_to_string(&cluster.node("s").log).unwrap_or_default();
    assert!(
        s_log.contains("pre-copy did not converge") && s_log.contains("rounds=2"),
        "node s logs its fallback with the figures:\n{s_log}"
    );
}

#[test]
fn killing_the_target_mid_transfer_leaves_the_process_running_on_the_source() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    let own = node_commands()[0].clone();
    let mut cluster = start("kill", &[("p", own.clone()), ("q", own)]);
    // 192 MB of heap: the transfer takes long enough to kill the target in the middle.
    let args = ["40", "192"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    let (mut client, out) = submit(&cluster, "p", &classes, &args);
    let id = "p-1";
    cluster.wait_running_on(id, "p", Duration::from_secs(60));
    let mut migrate = cluster
        .client("migrate", "p")
        .arg(id)
        .arg("--to")
        .arg("q")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phantom migrate starts");
    let q = cluster
        .nodes
        .iter()
        .position(|n| n.name == "q")
        .expect("node q");
    wait_for_log(&cluster.nodes[q], "receiving", Duration::from_secs(60));
    // The process is large enough to move by pre-copy: the target dies while rounds travel
    // and the process never stopped.
    wait_for_log(
        &cluster.nodes[0],
        "migrating by pre-copy",
        Duration::from_secs(10),
    );
    cluster.nodes[q].child.kill().expect("kill the target");
    let _ = cluster.nodes[q].child.wait();
    let status = wait_child(&mut migrate, Duration::from_secs(120));
    let mut refusal = String::new();
    if let Some(mut e) = migrate.stderr.take() {
        let _ = e.read_to_string(&mut refusal);
    }
    assert_eq!(status, 1, "the migration must fail: {refusal}");
    assert!(
        refusal.contains("goes on running on p"),
        "the failure says where the process is: {refusal}"
    );
    assert!(
        cluster.ps("p").iter().any(|p| p.0 == id && p.1 == "p"),
        "the process is still on p"
    );
    let status = wait_child(&mut client, Duration::from_secs(300));
    assert_eq!(status, 0);
    assert_eq!(read(&out), expected_out, "the output is whole and in order");
    let (program_err, _) = split_moves(&read(&cluster.dir.join("submit.err")));
    assert_eq!(program_err, expected_err);
}

#[test]
fn a_client_of_another_cluster_is_refused() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    let own = node_commands()[0].clone();
    let cluster = start("foreign", &[("m", own)]);
    let other = cluster.dir.join("other");
    let init = output(
        phantom()
            .args(["cluster", "init", "--out"])
            .arg(&other)
            .args(["--nodes", "m"]),
    );
    assert!(init.status.success());
    let (classes, _, _) = steps_program(&cluster.dir, &["1", "1"]);
    for command in ["ps", "submit"] {
        let mut cmd = phantom();
        cmd.arg(command)
            .arg("--node")
            .arg(&cluster.node("m").addr)
            .arg("--cluster")
            .arg(&other);
        if command == "submit" {
            cmd.arg("-cp").arg(&classes).args(["Steps", "1", "1"]);
        }
        let refused = output(&mut cmd);
        assert!(
            !refused.status.success(),
            "{command} from another cluster succeeded"
        );
        let err = String::from_utf8_lossy(&refused.stderr);
        assert!(
            err.contains("certificate") || err.contains("handshake"),
            "{command}: the refusal names the certificate: {err}"
        );
    }
    assert!(
        cluster.ps("m").is_empty(),
        "nothing ran for the foreign client"
    );
}

/// A CPU-bound job: no output until it is done.
const BURN: &str = r#"
public class Burn {
    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        long h = 7;
        for (long i = 0; i < n; i++) {
            h = h * 31 + (i ^ (h >>> 7));
        }
        System.out.println("burn " + args[0] + " " + h);
    }
}
"#;

/// Submits `jobs` copies of Burn to node `via` at once and waits for all, checking every
/// job's output against HotSpot's. Returns the seconds the batch took and, for each job,
/// the nodes `ps` saw it on.
fn batch(
    cluster: &Cluster,
    via: &str,
    classes: &Path,
    size: &str,
    jobs: usize,
    expected: &[u8],
) -> (
    f64,
    std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) {
    let start = Instant::now();
    let mut children: Vec<(Child, PathBuf)> = (0..jobs)
        .map(|i| {
            let out = cluster.dir.join(format!("burn-{i}.out"));
            let child = cluster
                .client("submit", via)
                .arg("-cp")
                .arg(classes)
                .args(["Burn", size])
                .stdout(fs::File::create(&out).expect("a file"))
                .stderr(Stdio::null())
                .spawn()
                .expect("phantom submit starts");
            (child, out)
        })
        .collect();
    let mut seen: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    loop {
        let mut running = 0;
        for (child, _) in &mut children {
            if child.try_wait().expect("a child").is_none() {
                running += 1;
            }
        }
        if running == 0 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "the batch takes too long"
        );
        for (id, node, _, _) in cluster.ps(via) {
            seen.entry(id).or_default().insert(node);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let took = start.elapsed().as_secs_f64();
    for (child, out) in &mut children {
        assert_eq!(wait_child(child, Duration::from_secs(10)), 0);
        assert_eq!(read(out), expected, "a job's output");
    }
    (took, seen)
}

#[test]
fn the_balancer_spreads_a_batch_and_it_finishes_sooner() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    // Two native nodes and one of another architecture (under qemu where it is built), one
    // core each: with everything on one node, the batch runs one job at a time.
    let native = command_for("x86_64");
    let other = node_commands()
        .into_iter()
        .find(|(a, _)| a != "x86_64")
        .unwrap_or_else(|| native.clone());
    let nodes = [("p", native.clone()), ("q", native), ("r", other)];
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cluster-balance-src");
    fs::create_dir_all(dir.join("classes")).expect("a folder");
    fs::write(dir.join("Burn.java"), BURN).expect("write Burn.java");
    let javac = output(
        Command::new("javac")
            .arg("-d")
            .arg(dir.join("classes"))
            .arg(dir.join("Burn.java")),
    );
    assert!(javac.status.success(), "javac: {javac:?}");
    // About a second of compiled code per job natively: long enough to be worth moving.
    let size = "400000000";
    let java = output(
        Command::new("java")
            .args(["-cp"])
            .arg(dir.join("classes"))
            .args(["Burn", size]),
    );
    assert!(java.status.success());
    let jobs = 6;
    let classes = dir.join("classes");

    let off = || {
        let cluster = start_with("balance-off", &nodes, "cores = 1\n", &[]);
        batch(&cluster, "p", &classes, size, jobs, &java.stdout).0
    };
    let on = || {
        let cluster = start_with(
            "balance-on",
            &nodes,
            "cores = 1\npolicy = \"policy.toml\"\n",
            &[(
                "policy.toml",
                "interval = 0.5\n[timing]\nmin_age = 0.5\nmin_residence = 2.0\n",
            )],
        );
        let (took, seen) = batch(&cluster, "p", &classes, size, jobs, &java.stdout);
        let log = fs::read_to_string(&cluster.node("p").log).unwrap_or_default();
        (took, seen, log)
    };
    // Wall times on a shared two-core machine are noisy: a batch that looks slower with the
    // balancer is measured once more, both ways, before the test fails.
    let (mut off_s, (mut on_s, mut seen, mut log)) = (off(), on());
    if on_s >= off_s {
        println!("measured again: {on_s:.2} s on against {off_s:.2} s off");
        (off_s, (on_s, seen, log)) = (off(), on());
    }
    let (off, on) = (off_s, on_s);
    let moves: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("balancer moves"))
        .collect();
    assert!(
        !moves.is_empty() && moves.iter().all(|l| l.contains("expected gain")),
        "the decision log says why: {log}"
    );
    let elsewhere: Vec<&String> = seen
        .iter()
        .filter(|(_, nodes)| nodes.iter().any(|n| n != "p"))
        .map(|(id, _)| id)
        .collect();
    assert!(
        !elsewhere.is_empty(),
        "ps saw every job on p only: {seen:?}"
    );
    println!(
        "batch of {jobs}: {off:.2} s with the balancer off, {on:.2} s with it on; ps saw {seen:?}"
    );
    assert!(
        on < off,
        "the balancer made the batch slower: {on:.2} s against {off:.2} s"
    );
}

/// Compiles one class from its source into `dir/classes`, which it returns.
pub(crate) fn compile_java(dir: &Path, name: &str, source: &str) -> PathBuf {
    let classes = dir.join("classes");
    fs::create_dir_all(&classes).expect("a classes folder");
    let file = dir.join(format!("{name}.java"));
    fs::write(&file, source).expect("write the source");
    let javac = output(Command::new("javac").arg("-d").arg(&classes).arg(&file));
    assert!(javac.status.success(), "javac: {javac:?}");
    classes
}

/// A program that reads an input file slowly through a small buffer while it writes two
/// output files, so that it holds open files (mid-read and mid-write) whenever it is moved.
const FILES: &str = r#"
import java.io.*;
import java.util.*;

public class Files {
    public static void main(String[] args) throws Exception {
        new File("out").mkdirs();
        long sum = 0;
        int i = 0;
        try (BufferedReader in = new BufferedReader(new FileReader("data.txt"), 64);
             PrintWriter result = new PrintWriter(new BufferedWriter(new FileWriter("out/result.txt"), 64));
             RandomAccessFile log = new RandomAccessFile("out/sums.bin", "rw")) {
            String line;
            while ((line = in.readLine()) != null) {
                sum = sum * 31 + line.hashCode();
                result.println(i + " " + line.toUpperCase() + " " + sum);
                log.writeLong(sum);
                if (i % 20 == 0) {
                    System.out.println("line " + i + " " + sum);
                    Thread.sleep(100);
                }
                i++;
            }
            log.seek(8);
            System.out.println("second sum " + log.readLong() + " of " + log.length() / 8);
        }
        try (FileWriter append = new FileWriter("out/result.txt", true)) {
            append.write("total " + i + " " + sum + "\n");
        }
        File[] made = new File("out").listFiles();
        Arrays.sort(made);
        for (File f : made) {
            System.out.println(f.getPath() + " " + f.length());
        }
        System.out.println("home " + System.getProperty("user.dir").endsWith("work") + " " + System.getenv("PHANTOM_FILES_TEST"));
    }
}
"#;

#[test]
fn a_process_keeps_its_open_files_at_home_while_it_moves() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    let cluster = start(
        "files",
        &[("x", command_for("x86_64")), ("a", command_for("aarch64"))],
    );
    let dir = &cluster.dir;
    let classes = compile_java(dir, "Files", FILES);
    let data: String = (0..1600)
        .map(|i| format!("record {i} {}\n", "x".repeat(i % 37)))
        .collect();
    // HotSpot runs in one working directory, the cluster's process in another.
    let (java_dir, work) = (dir.join("java/work"), dir.join("phantom/work"));
    for d in [&java_dir, &work] {
        fs::create_dir_all(d).expect("a working folder");
        fs::write(d.join("data.txt"), &data).expect("write data.txt");
    }
    let java = output(
        Command::new("java")
            .arg("-Xint")
            .arg("-cp")
            .arg(&classes)
            .arg("Files")
            .env("PHANTOM_FILES_TEST", "passed")
            .current_dir(&java_dir),
    );
    assert!(java.status.success(), "java: {java:?}");

    let out = dir.join("submit.out");
    let mut client = cluster
        .client("submit", "x")
        .arg("-cp")
        .arg(&classes)
        .arg("--workdir")
        .arg(&work)
        .arg("Files")
        .env("PHANTOM_FILES_TEST", "passed")
        .stdout(fs::File::create(&out).expect("a file"))
        .stderr(fs::File::create(dir.join("submit.err")).expect("a file"))
        .spawn()
        .expect("phantom submit starts");
    let id = "x-1";
    cluster.wait_running_on(id, "x", Duration::from_secs(60));
    for to in ["a", "x"] {
        // Let it read and write a little on each node first.
        std::thread::sleep(Duration::from_millis(300));
        let moved = output(cluster.client("migrate", "x").arg(id).arg("--to").arg(to));
        assert!(moved.status.success(), "migrate to {to}: {moved:?}");
        cluster.wait_running_on(id, to, Duration::from_secs(60));
    }
    let status = wait_child(&mut client, Duration::from_secs(300));
    assert_eq!(
        status,
        0,
        "exit status; stderr: {}",
        String::from_utf8_lossy(&read(&dir.join("submit.err")))
    );
    assert_eq!(
        String::from_utf8_lossy(&read(&out)),
        String::from_utf8_lossy(&java.stdout)
    );
    assert!(
        String::from_utf8_lossy(&read(&out)).contains("line 100 "),
        "the program ran long enough to move while reading"
    );
    for name in ["out/result.txt", "out/sums.bin"] {
        assert!(
            read(&work.join(name)) == read(&java_dir.join(name)),
            "{name} differs from HotSpot's"
        );
    }
}

/// A program that reads its standard input line by line, slowly, so that it is waiting for or
/// in the middle of its input whenever it is moved.
const ECHO: &str = r#"
import java.io.*;

public class Echo {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in), 16);
        long sum = 0;
        int n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            sum = sum * 31 + line.hashCode();
            if (n % 25 == 0) {
                System.out.println(n + " " + line + " " + sum);
                Thread.sleep(100);
            }
            n++;
        }
        System.out.println("lines " + n + " sum " + sum);
    }
}
"#;

#[test]
fn a_submitted_process_reads_the_clients_stdin_wherever_it_runs() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    let cluster = start(
        "stdin",
        &[("x", command_for("x86_64")), ("s", command_for("s390x"))],
    );
    let dir = &cluster.dir;
    let classes = compile_java(dir, "Echo", ECHO);
    let input: String = (0..2000)
        .map(|i| format!("input line {i} {}\n", i * i))
        .collect();
    fs::write(dir.join("input.txt"), &input).expect("write the input");
    let java = output(
        Command::new("java")
            .arg("-Xint")
            .arg("-cp")
            .arg(&classes)
            .arg("Echo")
            .stdin(fs::File::open(dir.join("input.txt")).expect("the input")),
    );
    assert!(java.status.success(), "java: {java:?}");
    let out = dir.join("submit.out");
    let mut client = cluster
        .client("submit", "x")
        .arg("-cp")
        .arg(&classes)
        .arg("Echo")
        .stdin(fs::File::open(dir.join("input.txt")).expect("the input"))
        .stdout(fs::File::create(&out).expect("a file"))
        .stderr(fs::File::create(dir.join("submit.err")).expect("a file"))
        .spawn()
        .expect("phantom submit starts");
    let id = "x-1";
    cluster.wait_running_on(id, "x", Duration::from_secs(60));
    for to in ["s", "x"] {
        std::thread::sleep(Duration::from_millis(300));
        let moved = output(cluster.client("migrate", "x").arg(id).arg("--to").arg(to));
        assert!(moved.status.success(), "migrate to {to}: {moved:?}");
        cluster.wait_running_on(id, to, Duration::from_secs(60));
    }
    let status = wait_child(&mut client, Duration::from_secs(300));
    assert_eq!(
        status,
        0,
        "exit status; stderr: {}",
        String::from_utf8_lossy(&read(&dir.join("submit.err")))
    );
    assert_eq!(
        String::from_utf8_lossy(&read(&out)),
        String::from_utf8_lossy(&java.stdout)
    );
}

/// A program that tries to reach files outside its working directory.
const ESCAPE: &str = r#"
import java.io.*;
import java.nio.file.*;

public class Escape {
    public static void main(String[] args) throws Exception {
        try (FileInputStream in = new FileInputStream("../secret.txt")) {
            System.out.println("read " + in.read());
        } catch (IOException e) {
            System.out.println(e);
        }
        try {
            System.out.println("read " + Files.readString(Path.of(args[0])));
        } catch (IOException e) {
            System.out.println(e.getClass().getName());
        }
        try {
            Files.writeString(Path.of("link/planted.txt"), "x");
            System.out.println("wrote through the link");
        } catch (IOException e) {
            System.out.println(e.getClass().getName());
        }
        Files.writeString(Path.of("mine.txt"), "inside");
        System.out.println(Files.readString(Path.of("mine.txt")) + " " + System.getProperty("user.dir").endsWith("/jail"));
        System.out.println("args " + args.length + " " + args[1] + " " + args[2]);
    }
}
"#;

#[test]
fn a_submitted_process_cannot_reach_files_outside_its_working_directory() {
    if host_run_only("this cluster test") {
        return;
    }
    let _alone = exclusive();
    let cluster = start("escape", &[("x", command_for("x86_64"))]);
    let dir = &cluster.dir;
    let classes = compile_java(dir, "Escape", ESCAPE);
    let jail = dir.join("jail");
    fs::create_dir_all(&jail).expect("a working folder");
    fs::write(dir.join("secret.txt"), "secret").expect("a secret");
    std::os::unix::fs::symlink(dir, jail.join("link")).expect("a link out");
    let out = output(
        cluster
            .client("submit", "x")
            .arg("-cp")
            .arg(&classes)
            .arg("--workdir")
            .arg(&jail)
            .arg("Escape")
            .arg(dir.join("secret.txt"))
            // The program's arguments are its own, whatever they look like.
            .args(["-cp", "--stats"])
            .stdin(Stdio::null()),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "java.io.FileNotFoundException: ../secret.txt (Permission denied)\n\
         java.nio.file.AccessDeniedException\n\
         java.nio.file.AccessDeniedException\n\
         inside true\n\
         args 3 -cp --stats\n"
    );
    assert!(!dir.join("planted.txt").exists());
    assert_eq!(
        fs::read_to_string(jail.join("mine.txt")).ok().as_deref(),
        Some("inside")
    );
}
