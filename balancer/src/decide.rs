//! The decision functions: [`decide`] (which processes to move, and to which candidate
//! targets), [`consider_offer`] (a target's accept-or-refuse with its own view) and [`place`]
//! (where a new process starts), plus the [`History`] the caller keeps between rounds.
//!
//! All are pure: time comes from the snapshot, randomness from a caller-given seed, and the
//! history is an explicit value the caller owns and updates, so the daemon and the simulator
//! run exactly the same code.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{
    HostId, HostView, Move, Offer, ProcessId, ProcessView, Refusal, Snapshot, TargetView, Verdict,
    normalized_load, rate,
};
use crate::policy::Policy;
use crate::rng::SplitMix64;

/// One migration as recorded in the [`History`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveRecord {
    /// The process moved.
    pub process: ProcessId,
    /// The host it left.
    pub from: HostId,
    /// The host it went to.
    pub to: HostId,
    /// When the migration started.
    pub started_at: f64,
    /// When it ended, once it has.
    pub ended_at: Option<f64>,
}

/// Past migrations, kept by the caller: what cooldowns, the ping-pong window and the
/// per-period limit are computed from. Record a move when its migration starts and when it
/// ends; [`History::prune`] drops what no longer matters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    records: Vec<MoveRecord>,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        History::default()
    }

    /// Records that a migration of `process` from `from` to `to` started at `at`.
    pub fn record_start(&mut self, process: ProcessId, from: HostId, to: HostId, at: f64) {
        self.records.push(MoveRecord {
            process,
            from,
            to,
            started_at: at,
            ended_at: None,
        });
    }

    /// Records that the latest migration of `process` ended at `at`; call it also when the
    /// migration failed or was abandoned (the process is not moved again before this).
    pub fn record_end(&mut self, process: ProcessId, at: f64) {
        if let Some(r) = self.records.iter_mut().rev().find(|r| r.process == process) {
            r.ended_at = Some(at);
        }
    }

    /// Drops records older than every window of the policy.
    pub fn prune(&mut self, now: f64, policy: &Policy) {
        let keep = policy
            .timing
            .ping_pong_window
            .max(policy.limits.period)
            .max(policy.timing.cooldown);
        // An unfinished record is dropped too once that old, so a migration whose end was
        // never recorded cannot block its process for ever.
        self.records
            .retain(|r| now - r.ended_at.unwrap_or(r.started_at) <= keep);
    }

    /// The latest migration of `process`, if any is remembered.
    pub fn last_move(&self, process: ProcessId) -> Option<&MoveRecord> {
        self.records.iter().rev().find(|r| r.process == process)
    }

    /// Migrations started at or after `since`.
    pub fn started_since(&self, since: f64) -> usize {
        self.records
            .iter()
            .filter(|r| r.started_at >= since)
            .count()
    }

    /// Every remembered migration, oldest first.
    pub fn records(&self) -> &[MoveRecord] {
        &self.records
    }
}

/// Per-host working state of one round.
#[derive(Debug, Clone)]
struct HostState<'a> {
    view: &'a HostView,
    /// Runnable processes, counting migrations in flight towards it.
    n: f64,
    incoming: u32,
    /// Sum of the remaining-work estimates of the processes counted in `n`.
    work: f64,
}

/// Cluster-wide figures of one round.
#[derive(Debug)]
struct Cluster<'a> {
    hosts: Vec<HostState<'a>>,
    index: HashMap<&'a HostId, usize>,
    reference_speed: f64,
    limit: f64,
    source_limit: f64,
}

impl<'a> Cluster<'a> {
    fn new(snapshot: &'a Snapshot, policy: &Policy) -> Cluster<'a> {
        let index: HashMap<&HostId, usize> = snapshot
            .hosts
            .iter()
            .enumerate()
            .map(|(i, h)| (&h.id, i))
            .collect();
        let mut phantom = vec![0u32; snapshot.hosts.len()];
        let mut incoming = vec![0u32; snapshot.hosts.len()];
        let mut work = vec![0.0; snapshot.hosts.len()];
        for p in &snapshot.processes {
            // A process in flight already weighs on its target: that reservation is what keeps
            // several sources from all choosing the same idle host.
            let at = p.migrating_to.as_ref().unwrap_or(&p.host);
            if let Some(&i) = index.get(at) {
                phantom[i] += 1;
                work[i] += remaining_estimate(snapshot, policy, p, &snapshot.hosts[i]);
                if p.migrating_to.is_some() {
                    incoming[i] += 1;
                }
            }
        }
        let hosts: Vec<HostState> = snapshot
            .hosts
            .iter()
            .enumerate()
            .map(|(i, view)| HostState {
                view,
                n: demand(view, phantom[i]),
                incoming: incoming[i],
                work: work[i],
            })
            .collect();
        let fresh = || hosts.iter().filter(|h| usable(h.view));
        let reference_speed = fresh().map(|h| h.view.speed_bps).fold(0.0, f64::max);
        let capacity: f64 = fresh()
            .map(|h| h.view.cores.max(1) as f64 * h.view.speed_bps / reference_speed)
            .sum();
        let total: f64 = fresh().map(|h| h.n).sum();
        let mean = if capacity > 0.0 {
            total / capacity
        } else {
            0.0
        };
        Cluster {
            index,
            reference_speed,
            limit: policy.thresholds.high * mean.max(1.0),
            source_limit: policy.thresholds.low * mean.max(1.0),
            hosts,
        }
    }

    fn load(&self, i: usize, n: f64) -> f64 {
        let v = self.hosts[i].view;
        normalized_load(v.speed_bps, v.cores, n, self.reference_speed)
    }

    /// Whether host `i` sheds load: above the low threshold, or some faster host has an idle
    /// core (a process alone on a slow host still gains from moving to an idle fast one).
    fn is_source(&self, i: usize) -> bool {
        let me = self.hosts[i].view;
        self.load(i, self.hosts[i].n) > self.source_limit
            || self.hosts.iter().any(|h| {
                usable(h.view) && h.view.speed_bps > me.speed_bps && h.n < h.view.cores as f64
            })
    }
}

/// A host is usable as source or target when its report is fresh and its speed is known.
fn usable(h: &HostView) -> bool {
    !h.stale && h.speed_bps > 0.0 && h.speed_bps.is_finite() && h.cores > 0
}

/// Runnable processes on a host: phantom's own, or more if the OS says the CPUs are busier
/// (load that is not phantom's slows phantom's processes all the same).
fn demand(h: &HostView, phantom: u32) -> f64 {
    (phantom as f64).max(h.cpu_usage.clamp(0.0, 1.0) * h.cores as f64)
}

/// Seconds a migration of `bytes` from `from` to `to` is expected to take: the measured cost
/// when the snapshot has one, the policy's default otherwise.
pub fn migration_cost(
    snapshot: &Snapshot,
    policy: &Policy,
    from: &HostId,
    to: &HostId,
    bytes: u64,
) -> f64 {
    snapshot
        .costs
        .iter()
        .find(|c| &c.from == from && &c.to == to)
        .map_or_else(
            || policy.cost.fixed + bytes as f64 / policy.cost.bandwidth,
            |c| c.seconds(bytes),
        )
}

/// Whether rules let `process` run on `host`.
fn admitted(policy: &Policy, main_class: &str, label: Option<&str>, host: &HostView) -> bool {
    policy
        .rule_for(main_class, label)
        .is_none_or(|r| r.admits(&host.labels, &host.arch))
}

/// Whether rules pin `process` where it is.
pub fn pinned(policy: &Policy, p: &ProcessView) -> bool {
    policy
        .rule_for(&p.main_class, p.label.as_deref())
        .is_some_and(|r| r.pin)
}

/// Age-based estimate of a process's remaining work in bytecodes (heavy tails: a process
/// that has run long is likely to run about as long again). Without a bytecode count, its age
/// times its host's per-core speed.
fn remaining_estimate(
    snapshot: &Snapshot,
    policy: &Policy,
    p: &ProcessView,
    host: &HostView,
) -> f64 {
    let done = if p.executed > 0.0 {
        p.executed
    } else {
        (snapshot.now - p.started_at).max(0.0) * host.speed_bps
    };
    done * policy.cost.remaining_factor
}

/// A process that may be moved this round, with its estimates.
#[derive(Debug)]
struct Candidate<'a> {
    process: &'a ProcessView,
    source: usize,
    remaining: f64,
}

/// Decides which processes to move this round. Each [`Move`] carries offers to up to
/// `limits.candidates` randomly chosen eligible targets, best first; the caller offers them
/// in order and each target answers with [`consider_offer`].
///
/// Pure: the same snapshot, policy, history and seed give the same moves. In dry-run mode the
/// moves are still returned (for logging); the caller must not start them.
pub fn decide(snapshot: &Snapshot, policy: &Policy, history: &History, seed: u64) -> Vec<Move> {
    let mut cluster = Cluster::new(snapshot, policy);
    if cluster.reference_speed <= 0.0 {
        return Vec::new();
    }
    let now = snapshot.now;
    let in_flight = snapshot
        .processes
        .iter()
        .filter(|p| p.migrating_to.is_some())
        .count() as u32;
    let recent = history.started_since(now - policy.limits.period) as u32;
    let mut budget = policy
        .limits
        .max_concurrent
        .saturating_sub(in_flight)
        .min(policy.limits.max_moves_per_period.saturating_sub(recent));
    if budget == 0 {
        return Vec::new();
    }

    let mut candidates: Vec<Candidate> = snapshot
        .processes
        .iter()
        .filter_map(|p| {
            let source = *cluster.index.get(&p.host)?;
            let host = cluster.hosts[source].view;
            let movable = p.migrating_to.is_none()
                && usable(host)
                && now - p.started_at >= policy.timing.min_age
                && now - p.resident_since >= policy.timing.min_residence
                && !pinned(policy, p)
                && history.last_move(p.id).is_none_or(|m| {
                    m.ended_at
                        .is_some_and(|end| now - end >= policy.timing.cooldown)
                });
            if !movable || !cluster.is_source(source) {
                return None;
            }
            Some(Candidate {
                process: p,
                source,
                remaining: remaining_estimate(snapshot, policy, p, host),
            })
        })
        .collect();

    let mut rng = SplitMix64::new(seed);
    let mut moves = Vec::new();
    // Two passes: long-running processes first towards faster hosts (they are the ones that
    // set the makespan), then the youngest movable ones sideways or down to relieve crowded
    // hosts (a short job loses little on a slower core, a long one would be stranded there).
    for upward in [true, false] {
        candidates.sort_by(|a, b| {
            let by_size = if upward {
                b.remaining.total_cmp(&a.remaining)
            } else {
                a.remaining.total_cmp(&b.remaining)
            };
            by_size.then(a.process.id.cmp(&b.process.id))
        });
        let mut moved = Vec::new();
        for (ci, c) in candidates.iter().enumerate() {
            if budget == 0 {
                break;
            }
            if let Some((m, target)) =
                plan_move(snapshot, policy, history, &cluster, c, upward, &mut rng)
            {
                cluster.hosts[c.source].n -= 1.0;
                cluster.hosts[c.source].work -= c.remaining;
                cluster.hosts[target].n += 1.0;
                cluster.hosts[target].work += c.remaining;
                cluster.hosts[target].incoming += 1;
                moves.push(m);
                moved.push(ci);
                budget -= 1;
            }
        }
        for ci in moved.into_iter().rev() {
            candidates.remove(ci);
        }
    }
    moves
}

/// Chooses random eligible targets for one candidate and ranks them; `None` when no sampled
/// target gains more than `stability` times the cost.
fn plan_move(
    snapshot: &Snapshot,
    policy: &Policy,
    history: &History,
    cluster: &Cluster,
    c: &Candidate,
    upward: bool,
    rng: &mut SplitMix64,
) -> Option<(Move, usize)> {
    let p = c.process;
    let src = &cluster.hosts[c.source];
    let source_rate = rate(src.view.speed_bps, src.view.cores, src.n.max(1.0));
    let window_start = snapshot.now - policy.timing.ping_pong_window;
    let came_from = history
        .last_move(p.id)
        .filter(|m| m.started_at >= window_start)
        .map(|m| &m.from);
    let eligible: Vec<usize> = (0..cluster.hosts.len())
        .filter(|&t| {
            let h = &cluster.hosts[t];
            t != c.source
                && usable(h.view)
                && (h.view.speed_bps > src.view.speed_bps) == upward
                && came_from != Some(&h.view.id)
                && h.incoming < policy.limits.max_incoming
                && h.view.memory_used <= policy.thresholds.memory
                && (h.n + 1.0) / h.view.cores as f64 <= cluster.limit
                && admitted(policy, &p.main_class, p.label.as_deref(), h.view)
        })
        .collect();
    // Power of d choices: a few random candidates, not everyone to the single best host.
    let pool = sample(
        &cluster.hosts,
        eligible,
        policy.limits.candidates as usize,
        rng,
    );

    let mut offers: Vec<(Offer, usize)> = pool
        .into_iter()
        .filter_map(|t| {
            let h = &cluster.hosts[t];
            let cost = migration_cost(snapshot, policy, &p.host, &h.view.id, p.state_bytes);
            let target_rate = rate(h.view.speed_bps, h.view.cores, h.n + 1.0);
            let gain = gain(src, h, c.remaining, source_rate, target_rate, cost);
            if gain <= policy.stability * cost {
                return None;
            }
            Some((
                Offer {
                    to: h.view.id.clone(),
                    process: p.id,
                    main_class: p.main_class.clone(),
                    label: p.label.clone(),
                    state_bytes: p.state_bytes,
                    min_rate: target_rate,
                    load_limit: cluster.limit,
                    expected_gain: gain,
                    cost,
                },
                t,
            ))
        })
        .collect();
    offers.sort_by(|a, b| {
        b.0.expected_gain
            .total_cmp(&a.0.expected_gain)
            .then(a.0.to.cmp(&b.0.to))
    });
    let best = offers.first()?.1;
    Some((
        Move {
            process: p.id,
            from: p.host.clone(),
            offers: offers.into_iter().map(|(o, _)| o).collect(),
        },
        best,
    ))
}

/// Expected seconds of remaining run time saved, summed over every process concerned, by
/// moving a process with `remaining` work from `src` to `dst`: its own time (net of the
/// migration's cost), plus what the processes left behind gain and what those already on the
/// target lose to sharing. Counting the others is what lets a young process make room for old
/// ones on a fast host, and makes the reverse move's gain negative (no oscillation).
fn gain(
    src: &HostState,
    dst: &HostState,
    remaining: f64,
    source_rate: f64,
    target_rate: f64,
    cost: f64,
) -> f64 {
    let own = remaining / source_rate - cost - remaining / target_rate;
    let left_behind = (src.work - remaining).max(0.0);
    let src_after = rate(src.view.speed_bps, src.view.cores, (src.n - 1.0).max(1.0));
    let others_src = left_behind * (1.0 / source_rate - 1.0 / src_after);
    let dst_now = rate(dst.view.speed_bps, dst.view.cores, dst.n.max(1.0));
    let others_dst = dst.work * (1.0 / dst_now - 1.0 / target_rate);
    own + others_src + others_dst
}

/// Draws up to `d` distinct hosts from `pool`, each with probability proportional to its
/// capacity (cores × speed): random, so that concurrent deciders spread their offers, but
/// biased towards the hosts that can take more work.
fn sample(hosts: &[HostState], mut pool: Vec<usize>, d: usize, rng: &mut SplitMix64) -> Vec<usize> {
    let mut chosen = Vec::with_capacity(d.min(pool.len()));
    while chosen.len() < d && !pool.is_empty() {
        let weight = |i: usize| hosts[i].view.cores as f64 * hosts[i].view.speed_bps;
        let total: f64 = pool.iter().map(|&i| weight(i)).sum();
        let mut x = rng.unit() * total;
        let mut k = pool.len() - 1;
        for (j, &i) in pool.iter().enumerate() {
            x -= weight(i);
            if x < 0.0 {
                k = j;
                break;
            }
        }
        chosen.push(pool.remove(k));
    }
    chosen
}

/// A target's answer to an offer, judged with its own current load (which may have changed
/// since the source's snapshot: this is what stops a stampede onto a host that looked idle).
pub fn consider_offer(target: &TargetView, offer: &Offer, policy: &Policy) -> Verdict {
    let h = &target.host;
    let pinned = policy
        .rule_for(&offer.main_class, offer.label.as_deref())
        .is_some_and(|r| r.pin);
    if pinned || !admitted(policy, &offer.main_class, offer.label.as_deref(), h) {
        return Verdict::Refuse(Refusal::Rule);
    }
    if target.incoming >= policy.limits.max_incoming {
        return Verdict::Refuse(Refusal::TooManyIncoming);
    }
    if h.memory_used > policy.thresholds.memory {
        return Verdict::Refuse(Refusal::Memory);
    }
    let n = demand(h, target.running + target.incoming) + 1.0;
    if n / h.cores.max(1) as f64 > offer.load_limit {
        return Verdict::Refuse(Refusal::Overloaded);
    }
    // A hair of tolerance: the source computed the same figure, possibly in another order.
    if rate(h.speed_bps, h.cores, n) < offer.min_rate * (1.0 - 1e-9) {
        return Verdict::Refuse(Refusal::TooSlow);
    }
    Verdict::Accept
}

/// Where a new process should start: the origin or one of a few random eligible hosts,
/// whichever gives it the highest rate. `None` when rules exclude every usable host.
/// A pinned process starts at its origin when there is one.
pub fn place(
    snapshot: &Snapshot,
    policy: &Policy,
    main_class: &str,
    label: Option<&str>,
    origin: Option<&HostId>,
    seed: u64,
) -> Option<HostId> {
    let cluster = Cluster::new(snapshot, policy);
    let rule = policy.rule_for(main_class, label);
    if let (Some(o), Some(true)) = (origin, rule.map(|r| r.pin)) {
        return Some(o.clone());
    }
    let eligible: Vec<usize> = (0..cluster.hosts.len())
        .filter(|&t| {
            let h = &cluster.hosts[t];
            usable(h.view) && admitted(policy, main_class, label, h.view)
        })
        .collect();
    let mut rng = SplitMix64::new(seed);
    let mut pool = sample(
        &cluster.hosts,
        eligible.clone(),
        policy.limits.candidates as usize,
        &mut rng,
    );
    if let Some(&o) = origin.and_then(|o| cluster.index.get(o))
        && eligible.contains(&o)
        && !pool.contains(&o)
    {
        pool.push(o);
    }
    pool.into_iter()
        .map(|t| {
            let h = &cluster.hosts[t];
            (t, rate(h.view.speed_bps, h.view.cores, h.n + 1.0))
        })
        // Ties go to the origin (no program to ship), then to the first host.
        .max_by(|a, b| {
            let at_origin = |t: usize| origin == Some(&cluster.hosts[t].view.id);
            a.1.total_cmp(&b.1)
                .then(at_origin(a.0).cmp(&at_origin(b.0)))
                .then(b.0.cmp(&a.0))
        })
        .map(|(t, _)| cluster.hosts[t].view.id.clone())
}
