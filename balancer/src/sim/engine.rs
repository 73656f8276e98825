//! The discrete-event engine. Hosts time-share their cores (`rate = speed × min(1, cores/n)`),
//! so between two events every rate is constant and the next event time is exact: the next
//! arrival, completion, end of a placement delay, migration start or end, or balancer tick.
//! A migrating process makes no progress. Everything is ordered and seeded, so a run is a
//! function of its inputs.

use crate::decide::{History, consider_offer, decide, migration_cost, place};
use crate::model::{HostId, HostView, LinkCost, ProcessId, ProcessView, Snapshot, TargetView};
use crate::model::{Verdict, rate};
use crate::policy::Policy;
use crate::rng::SplitMix64;
use crate::sim::scenario::{JobInstance, Scenario};

/// How jobs are placed and whether they are migrated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// The balancer: [`place`] at arrival, [`decide`] and offers every `interval`.
    Balancer,
    /// Round-robin placement over the hosts the rules allow, no migration.
    RoundRobin,
    /// Placement on the host with the fewest processes per core, no migration.
    LeastLoaded,
}

impl Strategy {
    /// The name shown in reports.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Balancer => "balancer",
            Strategy::RoundRobin => "round-robin",
            Strategy::LeastLoaded => "least-loaded",
        }
    }
}

/// What one run measured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    pub(crate) makespan: f64,
    pub(crate) slowdowns: Vec<f64>,
    pub(crate) migrations: u64,
    pub(crate) bytes_moved: u64,
    pub(crate) ping_pongs: u64,
    pub(crate) refusals: u64,
}

#[derive(Debug, Clone)]
struct Job<'a> {
    spec: &'a JobInstance,
    remaining: f64,
    host: Option<usize>,
    /// A job started away from its origin waits this long for its program to arrive.
    frozen_until: f64,
    migrating_to: Option<usize>,
    in_migration: bool,
    started_at: f64,
    resident_since: f64,
    done_at: Option<f64>,
    /// The source, target and time of its last move, for counting ping-pongs.
    last_move: Option<(usize, usize, f64)>,
}

impl Job<'_> {
    fn running(&self, t: f64) -> bool {
        self.done_at.is_none()
            && self.host.is_some()
            && !self.in_migration
            && t >= self.frozen_until
    }

    fn alive(&self) -> bool {
        self.done_at.is_none() && self.host.is_some()
    }
}

#[derive(Debug, Clone)]
struct Pending {
    job: usize,
    to: usize,
    start: f64,
    end: f64,
    started: bool,
}

/// One simulation run.
#[derive(Debug)]
struct Run<'a> {
    scenario: &'a Scenario,
    policy: &'a Policy,
    strategy: Strategy,
    jobs: Vec<Job<'a>>,
    costs: Vec<LinkCost>,
    pending: Vec<Pending>,
    history: History,
    t: f64,
    round_robin: usize,
    out: Outcome,
}

pub(crate) fn run(
    scenario: &Scenario,
    policy: &Policy,
    instances: &[JobInstance],
    strategy: Strategy,
) -> Outcome {
    let mut costs = Vec::new();
    for (i, a) in scenario.hosts.iter().enumerate() {
        for (j, b) in scenario.hosts.iter().enumerate() {
            if i == j {
                continue;
            }
            let link = scenario
                .migration
                .links
                .iter()
                .find(|l| l.from == a.name && l.to == b.name);
            costs.push(LinkCost {
                from: HostId(a.name.clone()),
                to: HostId(b.name.clone()),
                fixed: link.map_or(scenario.migration.fixed, |l| l.fixed),
                bandwidth: link.map_or(scenario.migration.bandwidth, |l| l.bandwidth),
            });
        }
    }
    let mut run = Run {
        scenario,
        policy,
        strategy,
        jobs: instances
            .iter()
            .map(|spec| Job {
                spec,
                remaining: spec.work,
                host: None,
                frozen_until: 0.0,
                migrating_to: None,
                in_migration: false,
                started_at: spec.arrival,
                resident_since: spec.arrival,
                done_at: None,
                last_move: None,
            })
            .collect(),
        costs,
        pending: Vec::new(),
        history: History::new(),
        t: 0.0,
        round_robin: 0,
        out: Outcome {
            makespan: 0.0,
            slowdowns: Vec::new(),
            migrations: 0,
            bytes_moved: 0,
            ping_pongs: 0,
            refusals: 0,
        },
    };
    run.simulate();
    run.out
}

impl Run<'_> {
    fn simulate(&mut self) {
        let interval = self.policy.interval;
        let mut next_arrival = 0;
        let mut next_tick = interval;
        let mut tick: u64 = 0;
        loop {
            let counts = self.running_counts();
            let rates: Vec<f64> = self
                .jobs
                .iter()
                .map(|j| match j.host {
                    Some(h) if j.running(self.t) => {
                        let spec = &self.scenario.hosts[h];
                        rate(spec.speed, spec.cores, counts[h] as f64)
                    }
                    _ => 0.0,
                })
                .collect();

            let mut t_next = f64::INFINITY;
            if let Some(j) = self.jobs.get(next_arrival) {
                t_next = t_next.min(j.spec.arrival);
            }
            for (j, r) in self.jobs.iter().zip(&rates) {
                if *r > 0.0 {
                    t_next = t_next.min(self.t + j.remaining / r);
                } else if j.alive() && j.frozen_until > self.t {
                    t_next = t_next.min(j.frozen_until);
                }
            }
            for p in &self.pending {
                t_next = t_next.min(if p.started { p.end } else { p.start });
            }
            let live = self.jobs.iter().any(Job::alive);
            if self.strategy == Strategy::Balancer && live {
                t_next = t_next.min(next_tick.max(self.t));
            }
            if t_next == f64::INFINITY {
                break;
            }

            let dt = t_next - self.t;
            for (j, r) in self.jobs.iter_mut().zip(&rates) {
                j.remaining -= r * dt;
            }
            self.t = t_next;

            for (i, r) in rates.iter().enumerate() {
                // A job whose remaining work would take under a nanosecond is done: this
                // absorbs the rounding of `remaining - rate × (remaining / rate)`.
                if *r > 0.0 && self.jobs[i].remaining <= r * 1e-9 {
                    let j = &mut self.jobs[i];
                    j.done_at = Some(self.t);
                    j.remaining = 0.0;
                    self.pending.retain(|p| p.job != i);
                }
            }
            self.migration_events();
            while let Some(j) = self.jobs.get(next_arrival) {
                if j.spec.arrival > self.t {
                    break;
                }
                self.arrive(next_arrival);
                next_arrival += 1;
            }
            if self.strategy == Strategy::Balancer && self.t >= next_tick {
                self.balance(tick);
                tick += 1;
                next_tick = ((self.t / interval).floor() + 1.0) * interval;
            }
        }
        let fastest = self
            .scenario
            .hosts
            .iter()
            .map(|h| h.speed)
            .fold(0.0, f64::max);
        for j in &self.jobs {
            let done = j.done_at.unwrap_or(f64::INFINITY);
            self.out.makespan = self.out.makespan.max(done);
            self.out
                .slowdowns
                .push((done - j.spec.arrival) / (j.spec.work / fastest));
        }
    }

    /// Jobs making progress on each host.
    fn running_counts(&self) -> Vec<u32> {
        let mut counts = vec![0; self.scenario.hosts.len()];
        for j in &self.jobs {
            if let (Some(h), true) = (j.host, j.running(self.t)) {
                counts[h] += 1;
            }
        }
        counts
    }

    /// Jobs on each host, waiting for their program included: what the host's load shows.
    fn resident_counts(&self) -> Vec<u32> {
        let mut counts = vec![0; self.scenario.hosts.len()];
        for j in &self.jobs {
            if let (Some(h), true) = (j.host, j.alive() && !j.in_migration) {
                counts[h] += 1;
            }
        }
        counts
    }

    fn migration_events(&mut self) {
        let t = self.t;
        for p in &mut self.pending {
            if !p.started && p.start <= t {
                p.started = true;
                self.jobs[p.job].in_migration = true;
            }
        }
        let (ended, pending): (Vec<Pending>, Vec<Pending>) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|p| p.started && p.end <= t);
        self.pending = pending;
        for p in ended {
            let j = &mut self.jobs[p.job];
            j.host = Some(p.to);
            j.in_migration = false;
            j.migrating_to = None;
            j.resident_since = t;
            self.history.record_end(ProcessId(p.job as u64), t);
        }
    }

    fn host_view(&self, h: usize, counts: &[u32]) -> HostView {
        let spec = &self.scenario.hosts[h];
        HostView {
            id: HostId(spec.name.clone()),
            speed_bps: spec.speed,
            cores: spec.cores,
            cpu_usage: (counts[h] as f64 / spec.cores as f64).min(1.0),
            memory_used: 0.0,
            arch: spec.arch.clone(),
            labels: spec.labels.clone(),
            stale: false,
        }
    }

    fn snapshot(&self) -> Snapshot {
        let counts = self.resident_counts();
        Snapshot {
            now: self.t,
            hosts: (0..self.scenario.hosts.len())
                .map(|h| self.host_view(h, &counts))
                .collect(),
            processes: self
                .jobs
                .iter()
                .enumerate()
                .filter(|(_, j)| j.alive())
                .map(|(i, j)| ProcessView {
                    id: ProcessId(i as u64),
                    host: self.host_id(j.host.unwrap_or(0)),
                    main_class: j.spec.main_class.clone(),
                    label: j.spec.label.clone(),
                    started_at: j.started_at,
                    resident_since: j.resident_since,
                    executed: j.spec.work - j.remaining,
                    state_bytes: j.spec.state_bytes,
                    migrating_to: j.migrating_to.map(|t| self.host_id(t)),
                })
                .collect(),
            costs: self.costs.clone(),
        }
    }

    fn host_id(&self, h: usize) -> HostId {
        HostId(self.scenario.hosts[h].name.clone())
    }

    fn index(&self, id: &HostId) -> usize {
        self.scenario
            .host_index(&id.0)
            .expect("the balancer only names hosts of the snapshot")
    }

    fn allowed(&self, job: usize) -> Vec<usize> {
        let spec = self.jobs[job].spec;
        let rule = self
            .policy
            .rule_for(&spec.main_class, spec.label.as_deref());
        (0..self.scenario.hosts.len())
            .filter(|&h| {
                let host = &self.scenario.hosts[h];
                rule.is_none_or(|r| r.admits(&host.labels, &host.arch))
            })
            .collect()
    }

    fn arrive(&mut self, i: usize) {
        let spec = self.jobs[i].spec;
        let target = match self.strategy {
            Strategy::Balancer => {
                let snapshot = self.snapshot();
                let seed = mix(self.scenario.seed, 0x9_1ACE ^ i as u64);
                place(
                    &snapshot,
                    self.policy,
                    &spec.main_class,
                    spec.label.as_deref(),
                    spec.origin.map(|o| self.host_id(o)).as_ref(),
                    seed,
                )
                .map(|h| self.index(&h))
            }
            Strategy::RoundRobin => {
                let allowed = self.allowed(i);
                let pick = allowed
                    .get(self.round_robin % allowed.len().max(1))
                    .copied();
                self.round_robin += 1;
                pick
            }
            Strategy::LeastLoaded => {
                let counts = self.resident_counts();
                self.allowed(i).into_iter().min_by(|&a, &b| {
                    let load = |h: usize| counts[h] as f64 / self.scenario.hosts[h].cores as f64;
                    load(a).total_cmp(&load(b)).then(a.cmp(&b))
                })
            }
        };
        // A job no host may run stays unplaced and never completes: its slowdown is infinite,
        // which the report shows rather than hides.
        let Some(target) = target else { return };
        let t = self.t;
        let delay = match spec.origin {
            Some(o) if o != target => self.link(o, target).fixed,
            _ => 0.0,
        };
        let j = &mut self.jobs[i];
        j.host = Some(target);
        j.frozen_until = t + delay;
        j.started_at = t;
        j.resident_since = t;
    }

    fn link(&self, from: usize, to: usize) -> &LinkCost {
        let (a, b) = (
            &self.scenario.hosts[from].name,
            &self.scenario.hosts[to].name,
        );
        self.costs
            .iter()
            .find(|c| &c.from.0 == a && &c.to.0 == b)
            .expect("every ordered pair of distinct hosts has a cost")
    }

    fn balance(&mut self, tick: u64) {
        self.history.prune(self.t, self.policy);
        let snapshot = self.snapshot();
        let moves = decide(
            &snapshot,
            self.policy,
            &self.history,
            mix(self.scenario.seed, tick),
        );
        if self.policy.dry_run {
            return;
        }
        for m in moves {
            let job = m.process.0 as usize;
            let from = self.index(&m.from);
            for offer in &m.offers {
                let to = self.index(&offer.to);
                let counts = self.resident_counts();
                let target = TargetView {
                    host: self.host_view(to, &counts),
                    running: counts[to],
                    incoming: self.pending.iter().filter(|p| p.to == to).count() as u32,
                };
                if let Verdict::Refuse(_) = consider_offer(&target, offer, self.policy) {
                    self.out.refusals += 1;
                    continue;
                }
                let bytes = self.jobs[job].spec.state_bytes;
                let cost = migration_cost(&snapshot, self.policy, &m.from, &offer.to, bytes);
                let start = self.t + self.scenario.offer_latency;
                self.pending.push(Pending {
                    job,
                    to,
                    start,
                    end: start + cost,
                    started: false,
                });
                self.history
                    .record_start(m.process, m.from.clone(), offer.to.clone(), self.t);
                let window = self.policy.timing.ping_pong_window;
                let j = &mut self.jobs[job];
                if let Some((prev_from, _, at)) = j.last_move
                    && prev_from == to
                    && self.t - at <= window
                {
                    self.out.ping_pongs += 1;
                }
                j.last_move = Some((from, to, self.t));
                j.migrating_to = Some(to);
                self.out.migrations += 1;
                self.out.bytes_moved += bytes;
                break;
            }
        }
    }
}

/// Derives a seed for one decision from the scenario's seed.
fn mix(seed: u64, salt: u64) -> u64 {
    SplitMix64::new(seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
}
