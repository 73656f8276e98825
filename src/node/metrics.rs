//! A node's Prometheus metrics, served as text at `/metrics` (docs/operations.md lists them).
//!
//! Interface: [`install`] once at start-up; the recording functions ([`migration`],
//! [`checkpoint`], [`balancer`], [`job_ended`]) where those things happen; [`render`] for a
//! scrape, which first sets the gauges that describe the node as it is (processes by state,
//! speed, load); [`upkeep`], a task that keeps the histograms' memory bounded.

use super::{ARCH, Node};
use anyhow::{Context, Result};
use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::collections::HashMap;
use std::time::Duration;

/// The recorder's handle.
#[derive(Debug)]
pub(crate) struct Metrics {
    handle: PrometheusHandle,
}

/// Installs the process-wide recorder (a node is one per process) and describes the metrics.
pub(crate) fn install() -> Result<Metrics> {
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full("phantom_migration_frozen_seconds".into()),
            &[
                0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0,
            ],
        )
        .and_then(|b| {
            b.set_buckets_for_metric(
                Matcher::Suffix("_bytes".into()),
                &[
                    1024.0,
                    16384.0,
                    65536.0,
                    262144.0,
                    1048576.0,
                    4194304.0,
                    16777216.0,
                    67108864.0,
                    268435456.0,
                ],
            )
        })
        .context("configuring the metrics' buckets")?
        .install_recorder()
        .context("installing the metrics recorder")?;
    describe_gauge!("phantom_processes", "Processes on this node, by state.");
    describe_gauge!(
        "phantom_home_jobs",
        "Jobs whose home is this node that have not ended."
    );
    describe_gauge!(
        "phantom_host_speed",
        "This host's measured speed, in bytecodes per second (0 without a balancer)."
    );
    describe_gauge!(
        "phantom_host_cpu_percent",
        "Whole-host CPU use in percent, as the balancer samples it."
    );
    describe_gauge!(
        "phantom_node_info",
        "Always 1; its labels name the node and its architecture."
    );
    describe_counter!(
        "phantom_instructions_executed_total",
        "Bytecode instructions executed on this node."
    );
    describe_counter!(
        "phantom_migrations_total",
        "Migrations this node started, by outcome (moved, failed)."
    );
    describe_histogram!(
        "phantom_migration_frozen_seconds",
        "How long a migrated process was frozen, from capture to commit."
    );
    describe_counter!(
        "phantom_migration_bytes_total",
        "Bytes sent by migrations from this node: checkpoints and class files."
    );
    describe_histogram!(
        "phantom_checkpoint_bytes",
        "Sizes of checkpoints this node sent: to a migration's target or to a job's home."
    );
    describe_counter!(
        "phantom_balancer_decisions_total",
        "The balancer's decisions on this node, by action (move, dry_run, refused, failed)."
    );
    describe_counter!(
        "phantom_jobs_ended_total",
        "Jobs whose home is this node that ended, by reason (exited, killed, failed, lost)."
    );
    describe_counter!(
        "phantom_job_restarts_total",
        "Restarts of this node's jobs after the host running them failed."
    );
    Ok(Metrics { handle })
}

/// Drains the histograms' samples into their buckets now and then, scraped or not.
pub(crate) async fn upkeep(node: std::sync::Arc<Node>) {
    let mut interval = tokio::time::interval(Duration::from_secs(5));
    loop {
        interval.tick().await;
        node.metrics.handle.run_upkeep();
    }
}

/// Instructions a process executed in one slice (many times a second: the counter is looked
/// up once).
pub(crate) fn executed(n: u64) {
    static COUNTER: std::sync::OnceLock<metrics::Counter> = std::sync::OnceLock::new();
    COUNTER
        .get_or_init(|| counter!("phantom_instructions_executed_total"))
        .increment(n);
}

/// A migration this node started: `moved` (with how long the process was frozen) or `failed`.
pub(crate) fn migration(outcome: &'static str, frozen: Option<Duration>, bytes: u64) {
    counter!("phantom_migrations_total", "outcome" => outcome).increment(1);
    counter!("phantom_migration_bytes_total").increment(bytes);
    if let Some(frozen) = frozen {
        histogram!("phantom_migration_frozen_seconds").record(frozen.as_secs_f64());
    }
}

/// A checkpoint document this node sent (to a migration's target or a job's home).
pub(crate) fn checkpoint(bytes: usize) {
    histogram!("phantom_checkpoint_bytes").record(bytes as f64);
}

/// A decision of the balancer: `move`, `dry_run`, `refused` (by the target) or `failed`.
pub(crate) fn balancer(action: &'static str) {
    counter!("phantom_balancer_decisions_total", "action" => action).increment(1);
}

/// A job whose home is here ended (`reason` is its first word: exited, killed, ...), or
/// restarted.
pub(crate) fn job_ended(reason: &str) {
    let reason = match reason.split([':', ' ']).next().unwrap_or("") {
        "exited" => "exited",
        "killed" => "killed",
        "failed" => "failed",
        _ => "lost",
    };
    counter!("phantom_jobs_ended_total", "reason" => reason).increment(1);
}

/// A job whose home is here restarts after a failure.
pub(crate) fn job_restarted() {
    counter!("phantom_job_restarts_total").increment(1);
}

/// The text of a scrape.
pub(crate) fn render(node: &Node) -> String {
    let mut by_state: HashMap<&'static str, u64> =
        ["running", "idle", "frozen", "held", "migrating", "exited"]
            .into_iter()
            .map(|s| (s, 0))
            .collect();
    for p in node.lock_processes().values() {
        let state = if p.migrating_to.is_some() {
            "migrating"
        } else {
            p.handle.state().name()
        };
        *by_state.entry(state).or_default() += 1;
    }
    for (state, n) in by_state {
        gauge!("phantom_processes", "state" => state).set(n as f64);
    }
    gauge!("phantom_home_jobs").set(node.live_jobs() as f64);
    let (speed, load) = super::balance::own_speed_and_load(node);
    gauge!("phantom_host_speed").set(speed as f64);
    if let Some(load) = load {
        gauge!("phantom_host_cpu_percent").set(load as f64);
    }
    gauge!("phantom_node_info", "node" => node.name().to_string(), "arch" => ARCH).set(1.0);
    node.metrics.handle.run_upkeep();
    node.metrics.handle.render()
}
