//! Jobs that survive (docs/jobs.md): fault injection on loopback clusters of real nodes over
//! QUIC. A host killed with -9 under its job, a home killed and started again while its job
//! runs elsewhere, a node stopped with SIGTERM, a node that stops answering without dying
//! (SIGSTOP); and a job's life through the client commands. In each, the job ends exactly once
//! with HotSpot's exit status, and its output, read back with `phantom logs`, is HotSpot's:
//! no line lost, none repeated.

use crate::cluster::{
    CHURN, Cluster, compile_java, node_commands, read, split_moves, start_each, start_with,
    steps_program, wait_child, wait_for_log,
};
use crate::support::{exclusive, host_run_only, output};
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Every node checkpoints its jobs each second and takes a silent host for dead after 4 s.
const FAST: &str = "checkpoint_secs = 1\nhost_timeout_secs = 4\n";

// These tests run in the host's test run (`host_run_only`), where the node of the other
// architecture runs under qemu, so a job restarts from a checkpoint taken on another
// architecture. They test the daemon's fault handling, the same code on every target.

/// Two nodes: `h` of this target's architecture, `r` of another one when there is one (the
/// last listed: s390x in CI, big-endian), or the first other one with `first_other`.
fn two_nodes(test: &str, first_other: bool) -> Cluster {
    let all = node_commands();
    let other = if first_other { all.get(1) } else { all.last() }
        .cloned()
        .unwrap_or_else(|| all[0].clone());
    start_with(test, &[("h", all[0].clone()), ("r", other)], FAST, &[])
}

/// `phantom status --json ID` through `via`.
fn status(cluster: &Cluster, via: &str, id: &str) -> serde_json::Value {
    let out = output(cluster.client("status", via).arg("--json").arg(id));
    assert!(out.status.success(), "status {id}: {out:?}");
    serde_json::from_slice(&out.stdout).expect("status --json prints JSON")
}

/// Submits `Steps` with `args` through `via`, detached; the job's id.
fn submit_detached(cluster: &Cluster, via: &str, classes: &Path, args: &[&str]) -> String {
    let out = output(
        cluster
            .client("submit", via)
            .arg("--detach")
            .arg("-cp")
            .arg(classes)
            .arg("Steps")
            .args(args),
    );
    assert!(out.status.success(), "submit --detach: {out:?}");
    String::from_utf8(out.stdout)
        .expect("an id")
        .trim()
        .to_string()
}

/// Moves job `id` to node `to` through `via`.
fn migrate(cluster: &Cluster, via: &str, id: &str, to: &str) {
    let out = output(cluster.client("migrate", via).arg(id).arg("--to").arg(to));
    assert!(out.status.success(), "migrate {id} to {to}: {out:?}");
}

/// Waits until the home holds a checkpoint of `id` taken on `node`.
fn wait_checkpoint_on(cluster: &Cluster, id: &str, node: &str) {
    let start = Instant::now();
    let first = status(cluster, "h", id)["checkpoint"].clone();
    loop {
        let s = status(cluster, "h", id);
        if s["node"] == node && !s["checkpoint"].is_null() && s["checkpoint"] != first {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no checkpoint of {id} from {node}: {s}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `phantom wait` then `phantom logs` through `via`: the exit status and the output.
fn wait_and_read(cluster: &Cluster, via: &str, id: &str) -> (i32, Vec<u8>, Vec<u8>) {
    let mut wait = cluster
        .client("wait", via)
        .arg(id)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("phantom wait starts");
    let status = wait_child(&mut wait, Duration::from_secs(300));
    let logs = output(cluster.client("logs", via).arg(id));
    assert!(logs.status.success(), "logs {id}: {logs:?}");
    (status, logs.stdout, logs.stderr)
}

/// When `log` holds more than `skip` lines containing `what`, on the test's clock.
fn wait_line(log: &Path, what: &str, skip: usize, limit: Duration) -> Instant {
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(log).unwrap_or_default();
        if text.matches(what).count() > skip {
            return Instant::now();
        }
        assert!(
            start.elapsed() < limit,
            "{} never said {what:?}:\n{text}",
            log.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_job_whose_host_is_killed_restarts_from_its_checkpoint_with_every_line_once() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    let mut cluster = two_nodes("host-killed", false);
    let args = ["150", "4"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    let out = cluster.dir.join("submit.out");
    let err = cluster.dir.join("submit.err");
    let mut client = cluster
        .client("submit", "h")
        .arg("-cp")
        .arg(&classes)
        .arg("Steps")
        .args(args)
        .stdout(fs::File::create(&out).expect("a file"))
        .stderr(fs::File::create(&err).expect("a file"))
        .spawn()
        .expect("phantom submit starts");
    let id = "h-1";
    cluster.wait_running_on(id, "h", Duration::from_secs(60));
    migrate(&cluster, "h", id, "r");
    wait_checkpoint_on(&cluster, id, "r");
    let r = cluster.nodes.iter().position(|n| n.name == "r").expect("r");
    cluster.nodes[r].child.kill().expect("kill -9 r");
    let killed = Instant::now();
    let _ = cluster.nodes[r].child.wait();
    let restarted = wait_line(
        &cluster.node("h").log,
        "restarting the job here",
        0,
        Duration::from_secs(60),
    );
    eprintln!(
        "recovery: {id} restarted on h {:.2} s after r was killed",
        (restarted - killed).as_secs_f64()
    );
    assert_eq!(wait_child(&mut client, Duration::from_secs(300)), 0);
    assert_eq!(read(&out), expected_out, "every line once, in order");
    let (program_err, notes) = split_moves(&read(&err));
    assert_eq!(program_err, expected_err);
    assert_eq!(notes.first().map(String::as_str), Some("job h-1"));
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("job h-1 restarts from its last checkpoint on h")),
        "the client is told: {notes:?}"
    );
    let s = status(&cluster, "h", id);
    assert_eq!(s["restarts"], 1, "{s}");
    assert_eq!(s["exit"], 0, "{s}");
    assert_eq!(s["reason"], "exited", "{s}");
    // The log replays the same.
    let (code, logged_out, logged_err) = wait_and_read(&cluster, "h", id);
    assert_eq!(code, 0);
    assert_eq!(logged_out, expected_out);
    assert_eq!(logged_err, expected_err);
}

/// The figure `key=N` in the first line of `text` that contains `what`.
fn logged_figure(text: &str, what: &str, key: &str) -> u64 {
    let line = text
        .lines()
        .find(|l| l.contains(what))
        .unwrap_or_else(|| panic!("no line says {what:?}:\n{text}"));
    let at = line
        .find(&format!("{key}="))
        .unwrap_or_else(|| panic!("no {key} in {line:?}"));
    line[at + key.len() + 1..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number for {key} in {line:?}"))
}

#[test]
fn a_job_checkpointed_home_by_deltas_restarts_from_its_base_and_deltas_when_its_host_dies() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    // Every checkpoint incremental, whatever the heap: a base, then what changed.
    let all = node_commands();
    let other = all.last().cloned().expect("a node command");
    let mut cluster = start_with(
        "deltas",
        &[("h", all[0].clone()), ("r", other)],
        &format!("{FAST}incremental_min_mib = 0\n"),
        &[],
    );
    let args = ["1200", "8"];
    let classes = compile_java(&cluster.dir, "Churn", CHURN);
    // HotSpot's run, meanwhile.
    let java = std::process::Command::new("java")
        .arg("-cp")
        .arg(&classes)
        .arg("Churn")
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("java starts");
    let out = cluster.dir.join("submit.out");
    let mut client = cluster
        .client("submit", "h")
        .arg("-cp")
        .arg(&classes)
        .arg("Churn")
        .args(args)
        .stdout(fs::File::create(&out).expect("a file"))
        .stderr(fs::File::create(cluster.dir.join("submit.err")).expect("a file"))
        .spawn()
        .expect("phantom submit starts");
    let id = "h-1";
    cluster.wait_running_on(id, "h", Duration::from_secs(60));
    migrate(&cluster, "h", id, "r");
    // Deltas from r until they outweigh half of the base, then a new base and a delta after
    // it, taken while the heap changes.
    let r_log = cluster.node("r").log.clone();
    wait_line(
        &r_log,
        "the next checkpoint home is a base",
        0,
        Duration::from_secs(120),
    );
    for _ in 0..2 {
        wait_checkpoint_on(&cluster, id, "r");
    }
    let r = cluster.nodes.iter().position(|n| n.name == "r").expect("r");
    cluster.nodes[r].child.kill().expect("kill -9 r");
    let _ = cluster.nodes[r].child.wait();
    let h_log = &cluster.node("h").log;
    wait_line(
        h_log,
        "restoring from a base and its deltas",
        0,
        Duration::from_secs(60),
    );
    assert_eq!(wait_child(&mut client, Duration::from_secs(300)), 0);
    let java = java.wait_with_output().expect("java runs");
    assert!(java.status.success(), "java: {java:?}");
    assert_eq!(
        String::from_utf8_lossy(&read(&out)),
        String::from_utf8_lossy(&java.stdout),
        "every line once, in order"
    );
    let text = fs::read_to_string(h_log).unwrap_or_default();
    let what = "restoring from a base and its deltas";
    let base = logged_figure(&text, what, "base_bytes");
    let deltas = logged_figure(&text, what, "delta_bytes");
    eprintln!("restarted from a base of {base} bytes and {deltas} bytes of deltas");
    // Compacted when the deltas outweighed half of the base they follow (the heap grows, so
    // that base may be smaller than the one restored from).
    let r_text = fs::read_to_string(&r_log).unwrap_or_default();
    let what = "the next checkpoint home is a base";
    let compacted = logged_figure(&r_text, what, "delta_bytes");
    let before = logged_figure(&r_text, what, "base_bytes");
    assert!(
        compacted > before / 2,
        "compacted after {compacted} bytes of deltas on a base of {before}"
    );
    // The heap is 8 MiB; the deltas carry what changed, a fraction of it.
    assert!(base > 6 << 20, "a base of {base} bytes");
    assert!(deltas > 0 && deltas <= base / 2, "deltas of {deltas} bytes");
    assert_eq!(status(&cluster, "h", id)["restarts"], 1);
}

#[test]
fn a_home_killed_and_started_again_gets_its_running_job_back_with_all_output() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    let mut cluster = two_nodes("home-killed", true);
    let args = ["150", "4"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    let id = submit_detached(&cluster, "h", &classes, &args);
    assert_eq!(id, "h-1");
    cluster.wait_running_on(&id, "h", Duration::from_secs(60));
    migrate(&cluster, "h", &id, "r");
    wait_checkpoint_on(&cluster, &id, "r");
    let h = cluster.nodes.iter().position(|n| n.name == "h").expect("h");
    cluster.nodes[h].child.kill().expect("kill -9 h");
    let _ = cluster.nodes[h].child.wait();
    // The job goes on on r meanwhile; its output waits there for its home.
    std::thread::sleep(Duration::from_secs(2));
    cluster.restart("h");
    let (code, out, err) = wait_and_read(&cluster, "h", &id);
    assert_eq!(code, 0);
    assert_eq!(out, expected_out, "no line lost or repeated");
    assert_eq!(err, expected_err);
    let s = status(&cluster, "r", &id);
    assert_eq!(s["reason"], "exited", "{s}");
    // Job ids are never handed out twice, across restarts.
    let next = submit_detached(&cluster, "h", &classes, &["1", "1"]);
    assert_eq!(next, "h-2");
}

#[test]
fn a_node_stopped_with_sigterm_hands_its_jobs_on_before_it_exits() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    let mut cluster = two_nodes("sigterm", true);
    let args = ["150", "4"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    let id = submit_detached(&cluster, "h", &classes, &args);
    cluster.wait_running_on(&id, "h", Duration::from_secs(60));
    migrate(&cluster, "h", &id, "r");
    // Asked through its home, ps shows the job as the node running it says, once r has
    // started it (when the commit reaches it, just after `migrate` returns); it is listed all
    // the while.
    let start = Instant::now();
    loop {
        let row = cluster
            .ps("h")
            .into_iter()
            .find(|p| p.0 == id)
            .expect("ps lists the job");
        if row.1 == "r" && (row.3 == "running" || row.3 == "idle") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "{row:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
    cluster.signal("r", "TERM");
    let r = cluster.nodes.iter().position(|n| n.name == "r").expect("r");
    assert_eq!(
        wait_child(&mut cluster.nodes[r].child, Duration::from_secs(120)),
        0,
        "a drained node exits 0"
    );
    let log = fs::read_to_string(&cluster.nodes[r].log).unwrap_or_default();
    assert!(log.contains("drained moved=1"), "r moved its job: {log}");
    let (code, out, err) = wait_and_read(&cluster, "h", &id);
    assert_eq!(code, 0);
    assert_eq!(out, expected_out);
    assert_eq!(err, expected_err);
    let s = status(&cluster, "h", &id);
    assert_eq!(s["restarts"], 0, "moved, not restarted: {s}");
    assert_eq!(s["migrations"], 2, "{s}");
}

#[test]
fn a_host_that_stops_answering_is_replaced_and_its_late_run_is_stopped() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    let cluster = two_nodes("sigstop", false);
    let args = ["150", "4"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    let id = submit_detached(&cluster, "h", &classes, &args);
    cluster.wait_running_on(&id, "h", Duration::from_secs(60));
    migrate(&cluster, "h", &id, "r");
    wait_checkpoint_on(&cluster, &id, "r");
    cluster.signal("r", "STOP");
    let stopped = Instant::now();
    let restarted = wait_line(
        &cluster.node("h").log,
        "restarting the job here",
        0,
        Duration::from_secs(60),
    );
    eprintln!(
        "recovery: {id} restarted on h {:.2} s after r stopped answering",
        (restarted - stopped).as_secs_f64()
    );
    // r wakes up with its copy of the job, which must not run on.
    cluster.signal("r", "CONT");
    wait_for_log(cluster.node("r"), "stopped", Duration::from_secs(60));
    let (code, out, err) = wait_and_read(&cluster, "h", &id);
    assert_eq!(code, 0);
    assert_eq!(out, expected_out, "no line lost or repeated");
    assert_eq!(err, expected_err);
    let s = status(&cluster, "h", &id);
    assert_eq!(s["restarts"], 1, "{s}");
    assert_eq!(s["node"], "h", "{s}");
}

#[test]
fn a_job_is_followed_held_released_killed_and_read_after_it_ended() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    let mut cluster = start_with("lifecycle", &[("h", node_commands()[0].clone())], FAST, &[]);
    let short = ["20", "1"];
    let (classes, short_out, short_err) = steps_program(&cluster.dir, &short);
    let long = submit_detached(&cluster, "h", &classes, &["100000", "1"]);
    let done = submit_detached(&cluster, "h", &classes, &short);
    let (code, out, err) = wait_and_read(&cluster, "h", &done);
    assert_eq!((code, out, err), (0, short_out.clone(), short_err.clone()));

    // Held: it stops executing; released: it goes on.
    let hold = output(cluster.client("hold", "h").arg(&long));
    assert!(hold.status.success(), "{hold:?}");
    std::thread::sleep(Duration::from_millis(500));
    let a = status(&cluster, "h", &long);
    assert_eq!(a["state"], "held", "{a}");
    let ps = output(cluster.client("ps", "h").arg("--json"));
    let listed: serde_json::Value = serde_json::from_slice(&ps.stdout).expect("ps --json");
    let row = |id: &str| {
        listed["jobs"]
            .as_array()
            .expect("jobs")
            .iter()
            .find(|j| j["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("ps lists {id}: {listed}"))
    };
    assert_eq!(row(&long)["state"], "held");
    assert_eq!(row(&done)["exit"], 0, "ended jobs stay listed");
    let before = row(&long)["executed"].as_u64().expect("a count");
    std::thread::sleep(Duration::from_millis(1500));
    let ps = output(cluster.client("ps", "h").arg("--json"));
    let again: serde_json::Value = serde_json::from_slice(&ps.stdout).expect("ps --json");
    let held_for = again["jobs"]
        .as_array()
        .expect("jobs")
        .iter()
        .find(|j| j["id"] == long.as_str())
        .expect("listed")["executed"]
        .as_u64()
        .expect("a count");
    assert_eq!(before, held_for, "a held job executes nothing");
    let release = output(cluster.client("release", "h").arg(&long));
    assert!(release.status.success(), "{release:?}");
    assert_eq!(status(&cluster, "h", &long)["state"], "running");

    // Killed: `wait` returns 137 and the status says why.
    let mut waiting = cluster
        .client("wait", "h")
        .arg(&long)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phantom wait starts");
    std::thread::sleep(Duration::from_millis(300));
    let kill = output(cluster.client("kill", "h").arg(&long));
    assert!(kill.status.success(), "{kill:?}");
    assert_eq!(wait_child(&mut waiting, Duration::from_secs(60)), 137);
    let k = status(&cluster, "h", &long);
    assert_eq!(
        (k["state"].clone(), k["reason"].clone()),
        ("ended".into(), "killed".into())
    );

    // Ctrl-C on an attached submit detaches; the job goes on and can be followed again.
    let mut attached = cluster
        .client("submit", "h")
        .arg("-cp")
        .arg(&classes)
        .arg("Steps")
        .args(short)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phantom submit starts");
    std::thread::sleep(Duration::from_millis(800));
    let pid = attached.id().to_string();
    let int = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill runs");
    assert!(int.success());
    assert_eq!(wait_child(&mut attached, Duration::from_secs(60)), 130);
    let mut said = String::new();
    std::io::Read::read_to_string(&mut attached.stderr.take().expect("stderr"), &mut said)
        .expect("read stderr");
    assert!(said.contains("detached"), "{said}");
    let third = format!("h-{}", 3);
    let follow = output(cluster.client("logs", "h").arg("--follow").arg(&third));
    assert_eq!(follow.status.code(), Some(0), "{follow:?}");
    assert_eq!(follow.stdout, short_out, "followed again, whole");

    // A home that restarts still answers for its ended jobs, and hands out new ids.
    cluster.restart("h");
    let (code, out, _) = wait_and_read(&cluster, "h", &done);
    assert_eq!((code, out), (0, short_out));
    let s = status(&cluster, "h", &long);
    assert_eq!(s["exit"], 137, "{s}");
    let next = submit_detached(&cluster, "h", &classes, &["1", "1"]);
    assert_eq!(next, "h-4");
}

#[test]
fn placement_rules_hold_at_submit_and_refuse_a_manual_migrate() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    // Only r carries the label the rule requires of Steps.
    let policy = "interval = 0.2\n[[rules]]\nmain_class = \"Steps\"\nrequire_labels = [\"big\"]\n";
    let own = node_commands()[0].clone();
    let common = format!("{FAST}policy = \"policy.toml\"\n");
    let cluster = start_each(
        "placement",
        &[
            ("h", own.clone(), common.clone()),
            ("r", own, format!("{common}labels = [\"big\"]\n")),
        ],
        &[("policy.toml", policy)],
    );
    let args = ["100", "1"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    // h hears r's load report (and so its labels) within a few balancing intervals.
    wait_for_log(cluster.node("h"), "balancer on", Duration::from_secs(60));
    std::thread::sleep(Duration::from_secs(1));
    let id = submit_detached(&cluster, "h", &classes, &args);
    cluster.wait_running_on(&id, "r", Duration::from_secs(60));
    let refused = output(cluster.client("migrate", "h").arg(&id).arg("--to").arg("h"));
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("rules[0]"),
        "the refusal names the rule: {said}"
    );
    let (code, out, err) = wait_and_read(&cluster, "h", &id);
    assert_eq!((code, out, err), (0, expected_out, expected_err));
    let s = status(&cluster, "h", &id);
    assert_eq!(s["node"], "r", "{s}");
}

#[test]
fn a_source_killed_in_the_middle_of_a_handoff_leaves_its_job_running_exactly_once() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    let own = node_commands()[0].clone();
    // No periodic checkpoint of the large heap: the home restarts the job from its start.
    let mut cluster = start_with(
        "source-killed",
        &[("h", own.clone()), ("r", own)],
        "checkpoint_secs = 600\nhost_timeout_secs = 4\n",
        &[],
    );
    // 192 MB of heap: the transfer takes long enough to kill the source in the middle.
    let args = ["60", "192"];
    let (classes, expected_out, expected_err) = steps_program(&cluster.dir, &args);
    let id = submit_detached(&cluster, "h", &classes, &args);
    cluster.wait_running_on(&id, "h", Duration::from_secs(60));
    let mut migrate = cluster
        .client("migrate", "h")
        .arg(&id)
        .arg("--to")
        .arg("r")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("phantom migrate starts");
    wait_for_log(cluster.node("r"), "receiving", Duration::from_secs(60));
    let h = cluster.nodes.iter().position(|n| n.name == "h").expect("h");
    cluster.nodes[h].child.kill().expect("kill -9 h");
    let _ = cluster.nodes[h].child.wait();
    let _ = wait_child(&mut migrate, Duration::from_secs(60));
    cluster.restart("h");
    let (code, out, err) = wait_and_read(&cluster, "h", &id);
    assert_eq!(code, 0);
    assert_eq!(out, expected_out, "no line lost or repeated");
    assert_eq!(err, expected_err);
    // r dropped its copy: the job runs nowhere now.
    std::thread::sleep(Duration::from_secs(1));
    let running: Vec<_> = cluster
        .ps("r")
        .into_iter()
        .filter(|p| p.0 == id && p.3 != "exited")
        .collect();
    assert!(running.is_empty(), "{id} still runs: {running:?}");
}

/// A program that appends to a log, replaces a file by renaming and creates and deletes
/// scratch files, a step at a time: a restart that did any of it twice would show.
const LEDGER: &str = r#"
import java.io.*;
import java.nio.file.*;

public class Ledger {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        for (int i = 0; i < n; i++) {
            try (FileWriter w = new FileWriter("ledger.log", true)) {
                w.write("entry " + i + " " + (i * 7919 % 1000) + "\n");
            }
            Path tmp = Paths.get("state.tmp");
            Files.write(tmp, ("step " + i + "\n").getBytes());
            Files.move(tmp, Paths.get("state.txt"), StandardCopyOption.REPLACE_EXISTING);
            Path scratch = Paths.get("scratch-" + i);
            Files.createFile(scratch);
            Files.delete(scratch);
            System.out.println("step " + i);
            Thread.sleep(40);
        }
        System.out.println("ledger " + Files.readAllLines(Paths.get("ledger.log")).size() + " lines");
    }
}
"#;

/// The files in a folder, by name, with their contents.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("a folder")
        .map(|e| {
            let e = e.expect("an entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("a file"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_restarted_job_leaves_its_files_as_an_uninterrupted_run_does() {
    if host_run_only("fault injection") {
        return;
    }
    let _alone = exclusive();
    let mut cluster = two_nodes("files-restart", false);
    let classes = compile_java(&cluster.dir, "Ledger", LEDGER);
    let hotspot = cluster.dir.join("hotspot");
    let work = cluster.dir.join("work");
    fs::create_dir_all(&hotspot).expect("a folder");
    fs::create_dir_all(&work).expect("a folder");
    let expected = output(
        std::process::Command::new("java")
            .arg("-cp")
            .arg(&classes)
            .arg("Ledger")
            .arg("120")
            .current_dir(&hotspot),
    );
    assert!(expected.status.success(), "{expected:?}");
    let submitted = output(
        cluster
            .client("submit", "h")
            .arg("--detach")
            .arg("--workdir")
            .arg(&work)
            .arg("-cp")
            .arg(&classes)
            .arg("Ledger")
            .arg("120"),
    );
    assert!(submitted.status.success(), "{submitted:?}");
    let id = String::from_utf8_lossy(&submitted.stdout)
        .trim()
        .to_string();
    cluster.wait_running_on(&id, "h", Duration::from_secs(60));
    migrate(&cluster, "h", &id, "r");
    wait_checkpoint_on(&cluster, &id, "r");
    // Some steps after the checkpoint, then r dies: the restart repeats them.
    std::thread::sleep(Duration::from_millis(600));
    let r = cluster.nodes.iter().position(|n| n.name == "r").expect("r");
    cluster.nodes[r].child.kill().expect("kill -9 r");
    let _ = cluster.nodes[r].child.wait();
    let (code, out, _) = wait_and_read(&cluster, "h", &id);
    assert_eq!(code, 0);
    assert_eq!(
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&expected.stdout)
    );
    assert_eq!(status(&cluster, "h", &id)["restarts"], 1);
    assert_eq!(
        tree(&work),
        tree(&hotspot),
        "the files end as HotSpot left them"
    );
}
