//! The simulator's report: the lower bound C* and one row of figures per strategy.

use std::fmt;

use crate::sim::engine::{Outcome, Strategy};
use crate::sim::scenario::JobInstance;

/// The figures of one strategy on one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The strategy.
    pub strategy: Strategy,
    /// Time the last job completed, in seconds.
    pub makespan: f64,
    /// `makespan / C*`.
    pub ratio: f64,
    /// Mean slowdown (see `docs/simulator.md`).
    pub mean_slowdown: f64,
    /// 95th percentile slowdown (nearest rank).
    pub p95_slowdown: f64,
    /// Migrations divided by jobs.
    pub migrations_per_process: f64,
    /// Checkpoint bytes moved by migrations.
    pub bytes_moved: u64,
    /// Moves back to the host a process left within the ping-pong window.
    pub ping_pongs: u64,
    /// Offers refused by their target.
    pub refusals: u64,
}

/// A scenario's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The scenario's name.
    pub name: String,
    /// Jobs simulated.
    pub jobs: usize,
    /// Hosts simulated.
    pub hosts: usize,
    /// The makespan lower bound C*, in seconds.
    pub lower_bound: f64,
    /// One row per strategy: balancer, round-robin, least-loaded.
    pub rows: Vec<Row>,
}

impl Report {
    /// The row of `strategy`.
    pub fn row(&self, strategy: Strategy) -> Option<&Row> {
        self.rows.iter().find(|r| r.strategy == strategy)
    }
}

/// The makespan lower bound: the largest of total work over total speed, the k largest jobs
/// over the k fastest cores for every k, and, because jobs arrive over time, every arrival time
/// plus the work arriving from then on over total speed, and every job's arrival plus its
/// work on the fastest core.
pub(crate) fn lower_bound(jobs: &[JobInstance], core_speeds: &[f64]) -> f64 {
    let mut speeds = core_speeds.to_vec();
    speeds.sort_by(|a, b| b.total_cmp(a));
    let total_speed: f64 = speeds.iter().sum();
    let fastest = speeds.first().copied().unwrap_or(1.0);
    let mut sizes: Vec<f64> = jobs.iter().map(|j| j.work).collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    let mut bound: f64 = sizes.iter().sum::<f64>() / total_speed;
    let (mut work, mut speed) = (0.0, 0.0);
    for (w, s) in sizes.iter().zip(&speeds) {
        work += w;
        speed += s;
        bound = bound.max(work / speed);
    }
    // Jobs are sorted by arrival: a suffix sum gives the work arriving at or after each time.
    let mut later = 0.0;
    for j in jobs.iter().rev() {
        later += j.work;
        bound = bound.max(j.arrival + later / total_speed);
        bound = bound.max(j.arrival + j.work / fastest);
    }
    bound
}

pub(crate) fn row(strategy: Strategy, outcome: &Outcome, lower_bound: f64) -> Row {
    let n = outcome.slowdowns.len().max(1);
    let mut sorted = outcome.slowdowns.clone();
    sorted.sort_by(f64::total_cmp);
    let rank = (0.95 * n as f64).ceil() as usize;
    Row {
        strategy,
        makespan: outcome.makespan,
        ratio: outcome.makespan / lower_bound,
        mean_slowdown: sorted.iter().sum::<f64>() / n as f64,
        p95_slowdown: sorted.get(rank.saturating_sub(1)).copied().unwrap_or(0.0),
        migrations_per_process: outcome.migrations as f64 / n as f64,
        bytes_moved: outcome.bytes_moved,
        ping_pongs: outcome.ping_pongs,
        refusals: outcome.refusals,
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "scenario {}: {} jobs on {} hosts, C* = {:.1} s",
            self.name, self.jobs, self.hosts, self.lower_bound
        )?;
        writeln!(
            f,
            "{:<13} {:>11} {:>6} {:>9} {:>9} {:>8} {:>11} {:>9} {:>8}",
            "strategy",
            "makespan s",
            "/C*",
            "mean sd",
            "p95 sd",
            "mig/proc",
            "MB moved",
            "pingpong",
            "refused"
        )?;
        for r in &self.rows {
            writeln!(
                f,
                "{:<13} {:>11.1} {:>6.3} {:>9.2} {:>9.2} {:>8.2} {:>11.1} {:>9} {:>8}",
                r.strategy.name(),
                r.makespan,
                r.ratio,
                r.mean_slowdown,
                r.p95_slowdown,
                r.migrations_per_process,
                r.bytes_moved as f64 / 1e6,
                r.ping_pongs,
                r.refusals
            )?;
        }
        Ok(())
    }
}
