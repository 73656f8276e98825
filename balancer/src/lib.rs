//! phantom's load balancer: a pure policy function from a cluster snapshot to moves, the
//! policy file, and a deterministic simulator. No I/O and no clock of its own, except in
//! [`sample`], which measures this host's load for the daemon.
//!
//! The daemon builds a [`Snapshot`] (hosts from its [`LoadTable`], its processes, measured
//! link costs), calls [`decide`] every `interval` with a [`History`] it keeps and a seed, and
//! offers each [`Move`] to its targets, which answer with [`consider_offer`]. New processes
//! are placed with [`place`]. The simulator ([`sim`]) runs exactly these functions.

mod decide;
mod model;
pub mod policy;
pub mod rng;
pub mod sample;
pub mod sim;

pub use decide::{History, MoveRecord, consider_offer, decide, migration_cost, pinned, place};
pub use model::{
    HostId, HostView, LinkCost, Move, Offer, ProcessId, ProcessView, Refusal, Snapshot, TargetView,
    Verdict, normalized_load, rate,
};
pub use policy::{Policy, PolicyError, Rule};
pub use rng::SplitMix64;
pub use sample::{HostLoad, LoadSampler, LoadTable, SampleError};
pub use sim::{Report, SimError, simulate_file, simulate_str};
