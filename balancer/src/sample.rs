//! Host load: [`LoadSampler`] measures CPU and memory with sysinfo (the only I/O in this crate),
//! [`HostLoad`] is the report that travels between nodes, and [`LoadTable`] keeps the latest
//! report of each host with the receiver's receive time, so staleness never depends on the
//! sender's clock.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::model::{HostId, HostView};

/// Why load could not be sampled.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// sysinfo cannot read this platform's CPU and memory figures.
    #[error("cannot sample host load: {0}")]
    System(#[from] sysinfo::Error),
}

/// One host's load report, sent to the other nodes (CBOR over the transport).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostLoad {
    /// The reporting host.
    pub host: HostId,
    /// Increases by one with every report of this sender; orders reports that arrive out of
    /// order.
    pub seq: u64,
    /// The sender's wall clock when sampling, in milliseconds since the Unix epoch; for logs
    /// only (clocks of different hosts are not compared).
    pub sent_at_ms: u64,
    /// Whole-host CPU use in `0..=1`.
    pub cpu_usage: f64,
    /// Logical CPUs.
    pub cores: u32,
    /// Total memory in bytes.
    pub memory_total: u64,
    /// Memory in use in bytes (total minus available).
    pub memory_used: u64,
    /// Bytecodes per second one process executes on this host, measured inside the VM and
    /// filled in by the daemon.
    pub speed_bps: f64,
    /// phantom processes running there.
    pub processes: u32,
    /// The host's architecture (`std::env::consts::ARCH` of the sender).
    pub arch: String,
    /// The host's labels.
    pub labels: Vec<String>,
}

impl HostLoad {
    /// Fraction of memory in use, 0 when the total is unknown.
    pub fn memory_fraction(&self) -> f64 {
        if self.memory_total == 0 {
            0.0
        } else {
            self.memory_used as f64 / self.memory_total as f64
        }
    }
}

/// Samples this host's CPU and memory use.
#[derive(Debug)]
pub struct LoadSampler {
    system: sysinfo::System,
    host: HostId,
    labels: Vec<String>,
    seq: u64,
    last_cpu_refresh: Instant,
    cpu_usage: f64,
}

impl LoadSampler {
    /// A sampler for host `host` with these labels. Takes a first CPU reading, which is only
    /// meaningful after a second one at least [`sysinfo::MINIMUM_CPU_UPDATE_INTERVAL`] later.
    pub fn new(host: HostId, labels: Vec<String>) -> Result<LoadSampler, SampleError> {
        let mut system = sysinfo::System::new()?;
        system.refresh_cpu_usage();
        system.refresh_memory();
        Ok(LoadSampler {
            system,
            host,
            labels,
            seq: 0,
            last_cpu_refresh: Instant::now(),
            cpu_usage: 0.0,
        })
    }

    /// The shortest useful time between two samples.
    pub fn minimum_interval() -> Duration {
        sysinfo::MINIMUM_CPU_UPDATE_INTERVAL
    }

    /// Takes a sample. `speed_bps` is the VM's measured speed and `processes` the number of
    /// phantom processes running here, both known only to the daemon. CPU use is re-read only
    /// when the minimum interval has passed since the last reading (earlier readings are
    /// meaningless); whole-host totals are used because per-process figures can read 0.
    pub fn sample(&mut self, speed_bps: f64, processes: u32) -> HostLoad {
        if self.last_cpu_refresh.elapsed() >= sysinfo::MINIMUM_CPU_UPDATE_INTERVAL {
            self.system.refresh_cpu_usage();
            self.last_cpu_refresh = Instant::now();
            self.cpu_usage = f64::from(self.system.global_cpu_usage() / 100.0).clamp(0.0, 1.0);
        }
        self.system.refresh_memory();
        let total = self.system.total_memory();
        let available = self.system.available_memory();
        self.seq += 1;
        HostLoad {
            host: self.host.clone(),
            seq: self.seq,
            sent_at_ms: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64),
            cpu_usage: self.cpu_usage,
            cores: self.system.cpus().len().max(1) as u32,
            memory_total: total,
            memory_used: total.saturating_sub(available),
            speed_bps,
            processes,
            arch: std::env::consts::ARCH.to_string(),
            labels: self.labels.clone(),
        }
    }
}

/// A report as received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Received {
    /// The report.
    pub report: HostLoad,
    /// The receiver's clock when it arrived, in seconds.
    pub received_at: f64,
}

/// The latest report of every host, keyed by host; pure (the caller passes receive times).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadTable {
    entries: BTreeMap<HostId, Received>,
}

impl LoadTable {
    /// An empty table.
    pub fn new() -> Self {
        LoadTable::default()
    }

    /// Records a report received at `received_at` (receiver's clock, seconds). Returns false
    /// and ignores it when it is not newer than the one held, unless the held one is stale by
    /// `stale_after`: then the sender probably restarted and its sequence began again.
    pub fn record(&mut self, report: HostLoad, received_at: f64, stale_after: f64) -> bool {
        if let Some(held) = self.entries.get(&report.host)
            && report.seq <= held.report.seq
            && received_at - held.received_at <= stale_after
        {
            return false;
        }
        self.entries.insert(
            report.host.clone(),
            Received {
                report,
                received_at,
            },
        );
        true
    }

    /// Whether `host`'s latest report is older than `stale_after` at `now`; `None` when the
    /// host never reported.
    pub fn is_stale(&self, host: &HostId, now: f64, stale_after: f64) -> Option<bool> {
        self.entries
            .get(host)
            .map(|r| now - r.received_at > stale_after)
    }

    /// The latest report of `host`.
    pub fn get(&self, host: &HostId) -> Option<&Received> {
        self.entries.get(host)
    }

    /// Forgets a host (it left the cluster).
    pub fn remove(&mut self, host: &HostId) -> Option<Received> {
        self.entries.remove(host)
    }

    /// Every host's view for a [`crate::Snapshot`], stale ones flagged, in host order.
    pub fn host_views(&self, now: f64, stale_after: f64) -> Vec<HostView> {
        self.entries
            .values()
            .map(|r| HostView {
                id: r.report.host.clone(),
                speed_bps: r.report.speed_bps,
                cores: r.report.cores,
                cpu_usage: r.report.cpu_usage,
                memory_used: r.report.memory_fraction(),
                arch: r.report.arch.clone(),
                labels: r.report.labels.clone(),
                stale: now - r.received_at > stale_after,
            })
            .collect()
    }
}
