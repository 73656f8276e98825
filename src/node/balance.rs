//! The balancer in the daemon. Every `interval` of its policy a node samples its own load,
//! sends the report to its peers, and runs the balancer's pure `decide` over its table of
//! reports and its own processes. Each move is offered to the targets `decide` chose, in turn;
//! a target judges the offer with its own, fresher view (`consider_offer`), and an accepted
//! offer becomes a migration. Every decision is logged with its reason; in dry-run mode
//! nothing moves.

use super::{Node, migrate};
use anyhow::{Result, anyhow};
use phantom_balancer::{
    History, HostId, HostLoad, LinkCost, LoadSampler, LoadTable, Move, Offer, Policy, ProcessId,
    ProcessView, Snapshot, TargetView, Verdict, consider_offer, decide,
};
use phantom_transport::control::{Reply, Request};
use phantom_vm::{ClassPath, Config, Host, ReadResult, Vm};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tracing::{info, warn};

/// A node's balancer state.
pub(super) struct Balancer {
    /// The policy, replaced whole when the node reloads it (SIGHUP).
    policy: std::sync::RwLock<Arc<Policy>>,
    /// Bytecodes per second, measured in a VM when the node started.
    speed_bps: f64,
    sampler: Mutex<LoadSampler>,
    table: Mutex<LoadTable>,
    history: Mutex<History>,
    /// Offers this node accepted whose process has not arrived yet, with when: an offer whose
    /// migration never comes stops counting after a while.
    incoming: Mutex<Vec<(ProcessId, f64)>>,
    /// Migrations measured from here, per target: the shortest freeze (about the fixed cost)
    /// and the largest transfer with its freeze (for the bandwidth).
    links: Mutex<BTreeMap<String, Measured>>,
    rounds: AtomicU64,
}

#[derive(Debug, Clone, Copy)]
struct Measured {
    shortest: f64,
    largest_bytes: u64,
    largest_secs: f64,
}

impl std::fmt::Debug for Balancer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Balancer")
            .field("dry_run", &self.policy().dry_run)
            .finish()
    }
}

impl Balancer {
    pub(super) fn new(
        policy: Policy,
        name: &str,
        labels: Vec<String>,
        speed_bps: f64,
    ) -> Result<Balancer> {
        Ok(Balancer {
            policy: std::sync::RwLock::new(Arc::new(policy)),
            speed_bps,
            sampler: Mutex::new(
                LoadSampler::new(HostId(name.to_string()), labels).map_err(|e| anyhow!("{e}"))?,
            ),
            table: Mutex::new(LoadTable::new()),
            history: Mutex::new(History::new()),
            incoming: Mutex::new(Vec::new()),
            links: Mutex::new(BTreeMap::new()),
            rounds: AtomicU64::new(0),
        })
    }
}

impl Balancer {
    /// The policy in force.
    pub(super) fn policy(&self) -> Arc<Policy> {
        self.policy
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Puts a new policy in force.
    pub(super) fn set_policy(&self, policy: Policy) {
        *self.policy.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(policy);
    }
}

/// The balancer's name for a process: its global id, hashed to a number.
fn process_id(id: &str) -> ProcessId {
    let h = crate::sha256(id.as_bytes());
    ProcessId(u64::from_le_bytes(
        h[..8].try_into().expect("8 of 32 bytes"),
    ))
}

/// A host that runs nothing but the calibration loop, and discards output.
struct Silent(Instant);

impl Host for Silent {
    fn write(&mut self, _fd: i32, _bytes: &[u8]) {}
    fn read(&mut self, _buf: &mut [u8]) -> ReadResult {
        ReadResult::Eof
    }
    fn nanos(&self) -> i64 {
        self.0.elapsed().as_nanos() as i64
    }
    fn millis(&self) -> i64 {
        0
    }
}

/// This host's speed in bytecodes per second, measured by running the class library's
/// calibration loop (`jdk.internal.phantom.Calibrate`) in a VM: under emulation it is the
/// emulated speed, which no operating-system figure shows.
pub(super) fn measure_speed() -> Result<f64> {
    let mut vm = Vm::new(
        ClassPath::default(),
        Box::new(Silent(Instant::now())),
        Config::default(),
    )?;
    vm.start_main("jdk.internal.phantom.Calibrate", &[])?;
    vm.run(1_000_000);
    let n = 20_000_000;
    let start = Instant::now();
    let before = vm.executed();
    vm.run(n);
    let done = vm.executed() - before;
    let secs = start.elapsed().as_secs_f64().max(1e-6);
    Ok(done as f64 / secs)
}

/// Seconds on this node's clock.
fn secs(node: &Node) -> f64 {
    node.epoch.elapsed().as_secs_f64()
}

/// This node's load report now.
fn own_report(node: &Node, b: &Balancer) -> HostLoad {
    let running = node.lock_processes().len() as u32;
    let mut report = b
        .sampler
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .sample(b.speed_bps, running);
    // What phantom may use here is the node's configured cores, not the machine's.
    report.cores = node.cores_n;
    report
}

/// Runs balancing rounds until the node stops.
pub(super) async fn run(node: Arc<Node>) {
    let Some(b) = node.balancer.as_ref() else {
        return;
    };
    info!(
        interval_s = b.policy().interval,
        dry_run = b.policy().dry_run,
        speed_bps = b.speed_bps as u64,
        "balancer on"
    );
    loop {
        // Read each time: a reloaded policy may change it.
        tokio::time::sleep(Duration::from_secs_f64(b.policy().interval.max(0.05))).await;
        if node.is_draining() {
            return;
        }
        if let Err(e) = round(&node).await {
            warn!("balancing round failed: {e:#}");
        }
    }
}

async fn round(node: &Arc<Node>) -> Result<()> {
    let b = node.balancer.as_ref().expect("rounds run with a balancer");
    let now = secs(node);
    let report = own_report(node, b);
    b.table.lock().unwrap_or_else(|e| e.into_inner()).record(
        report.clone(),
        now,
        b.policy().stale_after,
    );
    let encoded = super::cbor(&report);
    for peer in &node.config.peers {
        let node = node.clone();
        let name = peer.name.clone();
        let report = encoded.clone();
        tokio::spawn(async move {
            if let Err(e) = node.tell(&name, &Request::Load { report }).await {
                tracing::debug!(peer = %name, "load report not delivered: {e:#}");
            }
        });
    }

    let snapshot = snapshot(node, b, now);
    let moves = {
        let mut history = b.history.lock().unwrap_or_else(|e| e.into_inner());
        history.prune(now, &b.policy());
        let seed = b.rounds.fetch_add(1, Ordering::Relaxed) ^ process_id(node.name()).0;
        decide(&snapshot, &b.policy(), &history, seed)
    };
    for m in moves {
        let id = node
            .lock_processes()
            .iter()
            .find(|(id, _)| process_id(id) == m.process)
            .map(|(id, _)| id.clone());
        let Some(id) = id else { continue };
        carry_out(node, b, &id, m).await;
    }
    Ok(())
}

fn snapshot(node: &Node, b: &Balancer, now: f64) -> Snapshot {
    let hosts = b
        .table
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .host_views(now, b.policy().stale_after);
    let processes = node
        .lock_processes()
        .iter()
        .map(|(id, p)| ProcessView {
            id: process_id(id),
            host: HostId(node.name().to_string()),
            main_class: p.main.clone(),
            label: p.label.clone(),
            started_at: p.started_at,
            resident_since: p.resident_since,
            executed: p.handle.executed() as f64,
            state_bytes: p.handle.heap_bytes(),
            migrating_to: p.migrating_to.as_ref().map(|t| HostId(t.clone())),
        })
        .collect();
    let costs = b
        .links
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .map(|(to, m)| LinkCost {
            from: HostId(node.name().to_string()),
            to: HostId(to.clone()),
            fixed: m.shortest,
            bandwidth: m.largest_bytes as f64 / (m.largest_secs - m.shortest).max(1e-3),
        })
        .collect();
    Snapshot {
        now,
        hosts,
        processes,
        costs,
    }
}

/// A migration from here to `to` moved `bytes` with the process frozen for `secs`: the
/// balancer's measured cost of that link.
pub(super) fn measured(node: &Node, to: &str, bytes: u64, secs: f64) {
    let Some(b) = node.balancer.as_ref() else {
        return;
    };
    let mut links = b.links.lock().unwrap_or_else(|e| e.into_inner());
    let m = links.entry(to.to_string()).or_insert(Measured {
        shortest: secs,
        largest_bytes: bytes,
        largest_secs: secs,
    });
    m.shortest = m.shortest.min(secs);
    if bytes >= m.largest_bytes {
        m.largest_bytes = bytes;
        m.largest_secs = secs;
    }
}

/// Offers a move to its targets in turn and migrates to the first that accepts.
async fn carry_out(node: &Arc<Node>, b: &Balancer, id: &str, m: Move) {
    for offer in &m.offers {
        let to = offer.to.0.clone();
        let why = format!(
            "expected gain {:.1} s for a move of {:.2} s, target rate at least {:.0} bytecodes/s",
            offer.expected_gain, offer.cost, offer.min_rate
        );
        if b.policy().dry_run {
            info!(job = %id, from = %m.from, %to, "balancer (dry run) would move: {why}");
            super::metrics::balancer("dry_run");
            node.event(
                "decision",
                Some(id),
                format!("would move it to {to} (dry run): {why}"),
            );
            return;
        }
        match ask_offer(node, &to, offer).await {
            Ok((true, _)) => {
                info!(job = %id, from = %m.from, %to, "balancer moves: {why}");
                super::metrics::balancer("move");
                node.event("decision", Some(id), format!("moves it to {to}: {why}"));
                let now = secs(node);
                b.history
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .record_start(m.process, m.from.clone(), offer.to.clone(), now);
                let result = migrate::out(node, id, &to).await;
                b.history
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .record_end(m.process, secs(node));
                match result {
                    Ok(_) => info!(job = %id, %to, "balancer move done"),
                    Err(e) => {
                        warn!(job = %id, %to, "balancer move failed: {e:#}");
                        super::metrics::balancer("failed");
                    }
                }
                return;
            }
            Ok((false, reason)) => {
                info!(job = %id, %to, "balancer offer refused: {reason}");
                super::metrics::balancer("refused");
                node.event(
                    "refusal",
                    Some(id),
                    format!("{to} refused to take it: {reason}"),
                );
            }
            Err(e) => warn!(job = %id, %to, "balancer offer not answered: {e:#}"),
        }
    }
}

async fn ask_offer(node: &Node, to: &str, offer: &Offer) -> Result<(bool, String)> {
    let offer = super::cbor(offer);
    match node.ask(to, &Request::Offer { offer }).await? {
        Reply::Verdict { accepted, reason } => Ok((accepted, reason)),
        other => Err(anyhow!("{to} answered an offer with {other:?}")),
    }
}

/// Seconds an accepted offer counts as incoming if its migration never comes.
const INCOMING_FOR: f64 = 10.0;

/// A process arrived (or its migration ended without it): it is no longer incoming.
pub(super) fn arrived(node: &Node, id: &str) {
    if let Some(b) = node.balancer.as_ref() {
        let p = process_id(id);
        b.incoming
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(q, _)| *q != p);
    }
}

/// A peer's load report.
pub(super) fn receive_report(node: &Node, bytes: &[u8]) -> Result<()> {
    let Some(b) = node.balancer.as_ref() else {
        return Ok(());
    };
    let report: HostLoad =
        ciborium::from_reader(bytes).map_err(|e| anyhow!("a malformed load report: {e}"))?;
    b.table.lock().unwrap_or_else(|e| e.into_inner()).record(
        report,
        secs(node),
        b.policy().stale_after,
    );
    Ok(())
}

/// The answer to a peer's offer, judged with this node's own load now.
pub(super) fn answer_offer(node: &Arc<Node>, bytes: &[u8]) -> Reply {
    if node.is_draining() {
        return Reply::Verdict {
            accepted: false,
            reason: format!("{} is stopping", node.name()),
        };
    }
    let Some(b) = node.balancer.as_ref() else {
        return Reply::Verdict {
            accepted: false,
            reason: format!("{} runs no balancer", node.name()),
        };
    };
    let offer: Offer = match ciborium::from_reader(bytes) {
        Ok(o) => o,
        Err(e) => {
            return Reply::Verdict {
                accepted: false,
                reason: format!("a malformed offer: {e}"),
            };
        }
    };
    let report = own_report(node, b);
    let host = phantom_balancer::HostView {
        id: report.host.clone(),
        speed_bps: report.speed_bps,
        cores: report.cores,
        cpu_usage: report.cpu_usage,
        memory_used: report.memory_fraction(),
        arch: report.arch.clone(),
        labels: report.labels.clone(),
        stale: false,
    };
    let incoming = {
        let now = secs(node);
        let mut incoming = b.incoming.lock().unwrap_or_else(|e| e.into_inner());
        incoming.retain(|(_, at)| now - at < INCOMING_FOR);
        incoming.len() as u32
    };
    let view = TargetView {
        host,
        running: report.processes,
        incoming,
    };
    match consider_offer(&view, &offer, &b.policy()) {
        Verdict::Accept => {
            b.incoming
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((offer.process, secs(node)));
            Reply::Verdict {
                accepted: true,
                reason: String::new(),
            }
        }
        Verdict::Refuse(why) => Reply::Verdict {
            accepted: false,
            reason: why.to_string(),
        },
    }
}

/// This node's measured speed (bytecodes per second) and CPU use (percent), for `phantom
/// nodes`; a node without a balancer measures neither.
pub(super) fn own_speed_and_load(node: &Node) -> (u64, Option<u32>) {
    match node.balancer.as_ref() {
        Some(b) => {
            let report = own_report(node, b);
            (
                b.speed_bps as u64,
                Some((report.cpu_usage * 100.0).round() as u32),
            )
        }
        None => (0, None),
    }
}

/// Placement rules outside the balancer's own rounds: at submit, at a restart after a failure,
/// and on a manual `migrate`. A node without a policy has no rules.
fn rule_text(i: usize, r: &phantom_balancer::Rule) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &r.main_class {
        parts.push(format!("main_class = {m:?}"));
    }
    if let Some(l) = &r.label {
        parts.push(format!("label = {l:?}"));
    }
    if r.pin {
        parts.push("pin = true".to_string());
    }
    if !r.require_arch.is_empty() {
        parts.push(format!("require_arch = {:?}", r.require_arch));
    }
    if !r.require_labels.is_empty() {
        parts.push(format!("require_labels = {:?}", r.require_labels));
    }
    format!("policy rule rules[{i}] ({})", parts.join(", "))
}

/// The rule that keeps a job with this main class and label off a host with this
/// architecture and these labels, if one does.
pub(super) fn forbidding_rule(
    node: &Node,
    main: &str,
    label: Option<&str>,
    arch: &str,
    labels: &[String],
) -> Option<String> {
    let (i, rule) = matching_rule(node, main, label)?;
    (!rule.admits(labels, arch)).then(|| rule_text(i, &rule))
}

/// The rule that pins a job where it runs, if one does.
pub(super) fn pinning_rule(node: &Node, main: &str, label: Option<&str>) -> Option<String> {
    let (i, rule) = matching_rule(node, main, label)?;
    rule.pin.then(|| rule_text(i, &rule))
}

/// The policy's first rule for a job, with its index.
fn matching_rule(
    node: &Node,
    main: &str,
    label: Option<&str>,
) -> Option<(usize, phantom_balancer::Rule)> {
    let policy = node.balancer.as_ref()?.policy();
    policy
        .rules
        .iter()
        .enumerate()
        .find(|(_, r)| r.matches(main, label))
        .map(|(i, r)| (i, r.clone()))
}

/// A peer's architecture and labels, as its latest load report says.
pub(super) fn peer_host(node: &Node, name: &str) -> Option<(String, Vec<String>)> {
    let b = node.balancer.as_ref()?;
    let now = secs(node);
    b.table
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .host_views(now, f64::INFINITY)
        .into_iter()
        .find(|h| h.id.0 == name)
        .map(|h| (h.arch, h.labels))
}

/// Peers the rules admit for a job, from their latest (fresh) load reports, least busy first;
/// without a balancer, every peer in the configuration's order.
pub(super) fn admitted_peers(node: &Node, main: &str, label: Option<&str>) -> Vec<String> {
    let Some(b) = node.balancer.as_ref() else {
        return node.config.peers.iter().map(|p| p.name.clone()).collect();
    };
    let now = secs(node);
    let mut hosts = b
        .table
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .host_views(now, b.policy().stale_after);
    hosts.retain(|h| {
        h.id.0 != node.name()
            && !h.stale
            && forbidding_rule(node, main, label, &h.arch, &h.labels).is_none()
    });
    hosts.sort_by(|a, b| a.cpu_usage.total_cmp(&b.cpu_usage));
    hosts.into_iter().map(|h| h.id.0).collect()
}

/// Warns about labels the policy's rules require that no node reported so far carries.
pub(super) fn warn_unknown_labels(node: &Node) {
    let Some(b) = node.balancer.as_ref() else {
        return;
    };
    let mut known = node.config.labels.clone();
    let now = secs(node);
    for h in b
        .table
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .host_views(now, f64::INFINITY)
    {
        known.extend(h.labels);
    }
    for (key, label) in b.policy().unknown_labels(&known) {
        warn!(%key, %label, "the policy requires a label that no node of the cluster carries");
    }
}

/// Reads the policy file again (SIGHUP); a bad file leaves the old policy in force.
pub(super) fn reload(node: &Node) {
    let (Some(b), Some(path)) = (node.balancer.as_ref(), node.config.policy.as_ref()) else {
        info!("no policy file to reload");
        return;
    };
    match Policy::load(path) {
        Ok(p) => {
            b.set_policy(p);
            info!(path = %path.display(), "policy reloaded");
            warn_unknown_labels(node);
        }
        Err(e) => {
            warn!(path = %path.display(), "the policy file is bad, the old one stays in force: {e}")
        }
    }
}
