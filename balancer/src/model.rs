//! The balancer's view of the cluster: hosts, processes, measured migration costs, and the
//! moves and offers it produces. Plain data, built by the daemon from load reports and by the
//! simulator from its own state.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A host's name, as the transport knows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct HostId(pub String);

impl fmt::Display for HostId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for HostId {
    fn from(s: &str) -> Self {
        HostId(s.to_string())
    }
}

/// A process's cluster-wide identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ProcessId(pub u64);

impl fmt::Display for ProcessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "p{}", self.0)
    }
}

/// One host as the balancer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostView {
    /// The host's name.
    pub id: HostId,
    /// Bytecodes per second one process executes there when it has a core to itself, as
    /// measured inside the VM (under emulation this is what tells a slow host from a fast one).
    pub speed_bps: f64,
    /// Cores available to phantom processes; each process uses at most one.
    pub cores: u32,
    /// Whole-host CPU use in `0..=1` (sysinfo), which also counts load that is not phantom's.
    pub cpu_usage: f64,
    /// Fraction of memory in use, in `0..=1`.
    pub memory_used: f64,
    /// The host's architecture, e.g. `x86_64`.
    pub arch: String,
    /// Labels the host was started with, matched by rules' `require_labels`.
    pub labels: Vec<String>,
    /// The last load report is older than the policy's `stale_after`.
    pub stale: bool,
}

/// One process as the balancer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessView {
    /// The process.
    pub id: ProcessId,
    /// The host it runs on (for a process in flight, the host it is leaving).
    pub host: HostId,
    /// Its main class, matched by rules' `main_class`.
    pub main_class: String,
    /// The label given at submit time, matched by rules' `label`.
    pub label: Option<String>,
    /// When it started, in the snapshot's time base (seconds).
    pub started_at: f64,
    /// When it arrived on its current host (start or end of its last migration).
    pub resident_since: f64,
    /// Bytecodes executed so far.
    pub executed: f64,
    /// Size of its checkpoint in bytes: what a migration moves.
    pub state_bytes: u64,
    /// The target of its migration in flight, if any.
    pub migrating_to: Option<HostId>,
}

/// A measured migration cost between two hosts: `fixed + bytes / bandwidth` seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkCost {
    /// Source host.
    pub from: HostId,
    /// Target host.
    pub to: HostId,
    /// Fixed part in seconds.
    pub fixed: f64,
    /// Bytes per second.
    pub bandwidth: f64,
}

impl LinkCost {
    /// Seconds to move `bytes` of state over this link.
    pub fn seconds(&self, bytes: u64) -> f64 {
        self.fixed + bytes as f64 / self.bandwidth
    }
}

/// Everything [`crate::decide`] looks at besides the policy and the history.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// The current time in seconds, on the caller's clock; the balancer has none of its own.
    pub now: f64,
    /// Every known host, stale ones included (flagged).
    pub hosts: Vec<HostView>,
    /// Every running process.
    pub processes: Vec<ProcessView>,
    /// Measured costs; pairs not listed use the policy's `cost` defaults.
    pub costs: Vec<LinkCost>,
}

/// A decision to move one process, to be offered to `offers` in order until one accepts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Move {
    /// The process to move.
    pub process: ProcessId,
    /// The host it is on.
    pub from: HostId,
    /// Offers to a few random eligible targets, best expected gain first.
    pub offers: Vec<Offer>,
}

/// What a source sends a prospective target: enough for the target to judge with its own,
/// fresher, view of its load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// The target this offer is for.
    pub to: HostId,
    /// The process.
    pub process: ProcessId,
    /// Its main class (the target re-checks the rules).
    pub main_class: String,
    /// Its submit label.
    pub label: Option<String>,
    /// Checkpoint size in bytes.
    pub state_bytes: u64,
    /// The rate in bytecodes/s the source expected the process to get on the target; a target
    /// that has become busier since and would give less refuses.
    pub min_rate: f64,
    /// Processes per core the target must stay within after accepting.
    pub load_limit: f64,
    /// Expected seconds saved, net of the migration's cost.
    pub expected_gain: f64,
    /// Expected duration of the migration in seconds.
    pub cost: f64,
}

/// A target's own view when it considers an offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetView {
    /// The target host, with its current CPU and memory use.
    pub host: HostView,
    /// phantom processes running there now.
    pub running: u32,
    /// Migrations it has accepted that are still in flight towards it.
    pub incoming: u32,
}

/// A target's answer to an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// The target takes the process.
    Accept,
    /// The target declines, and why.
    Refuse(Refusal),
}

/// Why a target refused an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Its normalized load would exceed the offer's limit.
    Overloaded,
    /// Its memory use is above `thresholds.memory`.
    Memory,
    /// It already has `limits.max_incoming` migrations in flight towards it.
    TooManyIncoming,
    /// The process would not run fast enough there for the move to pay off.
    TooSlow,
    /// A rule pins the process or requires labels or an architecture it lacks.
    Rule,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refusal::Overloaded => "overloaded",
            Refusal::Memory => "memory above threshold",
            Refusal::TooManyIncoming => "too many incoming migrations",
            Refusal::TooSlow => "would not run faster",
            Refusal::Rule => "excluded by a rule",
        })
    }
}

/// Bytecodes per second one process gets on a host of this speed and core count when `n`
/// processes share it (time-sharing, at most one core each).
pub fn rate(speed_bps: f64, cores: u32, n: f64) -> f64 {
    if n <= cores as f64 {
        speed_bps
    } else {
        speed_bps * cores as f64 / n
    }
}

/// Runnable processes per reference core: `n / (cores × speed / reference_speed)`. Equal
/// across hosts when every process progresses at the same rate.
pub fn normalized_load(speed_bps: f64, cores: u32, n: f64, reference_speed: f64) -> f64 {
    n / (cores.max(1) as f64 * speed_bps / reference_speed)
}
