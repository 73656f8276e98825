//! Scenario files: hosts, job sets (sizes, arrivals, origins), migration costs, the seed and
//! the policy. The keys are documented in `docs/simulator.md`.

use serde::Deserialize;

use crate::policy::Policy;
use crate::rng::SplitMix64;
use crate::sim::SimError;

/// A scenario as written in its file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Shown in the report; defaults to the file's stem.
    #[serde(default)]
    pub name: Option<String>,
    /// Seeds job sizes, arrivals and the balancer's random choices.
    #[serde(default)]
    pub seed: u64,
    /// Seconds between a source's offer and the target's answer arriving back.
    #[serde(default = "default_offer_latency")]
    pub offer_latency: f64,
    /// A policy file, relative to the scenario file; exclusive with `policy`.
    #[serde(default)]
    pub policy_file: Option<String>,
    /// The policy inline; the default policy when neither this nor `policy_file` is given.
    #[serde(default)]
    pub policy: Option<Policy>,
    /// The hosts.
    pub hosts: Vec<HostSpec>,
    /// Migration costs.
    #[serde(default)]
    pub migration: MigrationSpec,
    /// The job sets.
    pub jobs: Vec<JobSpec>,
}

fn default_offer_latency() -> f64 {
    0.01
}

/// One simulated host.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostSpec {
    /// Unique name.
    pub name: String,
    /// Bytecodes per second per core.
    pub speed: f64,
    /// Cores.
    #[serde(default = "one")]
    pub cores: u32,
    /// Architecture.
    #[serde(default = "default_arch")]
    pub arch: String,
    /// Labels.
    #[serde(default)]
    pub labels: Vec<String>,
}

fn one() -> u32 {
    1
}

fn default_arch() -> String {
    "x86_64".to_string()
}

/// Migration costs: `fixed + state_bytes / bandwidth`, per pair overridable.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MigrationSpec {
    /// Fixed seconds per migration (also the delay of starting a job on a host other than
    /// its origin).
    pub fixed: f64,
    /// Bytes per second.
    pub bandwidth: f64,
    /// Per-pair overrides.
    pub links: Vec<LinkSpec>,
}

impl Default for MigrationSpec {
    fn default() -> Self {
        MigrationSpec {
            fixed: 0.5,
            bandwidth: 50.0e6,
            links: Vec::new(),
        }
    }
}

/// The cost of one directed host pair.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkSpec {
    /// Source host name.
    pub from: String,
    /// Target host name.
    pub to: String,
    /// Fixed seconds.
    pub fixed: f64,
    /// Bytes per second.
    pub bandwidth: f64,
}

/// A set of similar jobs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobSpec {
    /// How many jobs.
    pub count: u32,
    /// Main class, matched by policy rules.
    #[serde(default = "default_main_class")]
    pub main_class: String,
    /// Submit label, matched by policy rules.
    #[serde(default)]
    pub label: Option<String>,
    /// Work per job in bytecodes.
    pub size: SizeSpec,
    /// Checkpoint size in bytes.
    #[serde(default = "default_state_bytes")]
    pub state_bytes: u64,
    /// When the jobs arrive.
    #[serde(default)]
    pub arrival: ArrivalSpec,
    /// The host the jobs are submitted at; when absent, the placement decides freely.
    #[serde(default)]
    pub origin: Option<String>,
}

fn default_main_class() -> String {
    "Main".to_string()
}

fn default_state_bytes() -> u64 {
    10_000_000
}

/// A job size distribution, in bytecodes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, tag = "dist", rename_all = "snake_case")]
pub enum SizeSpec {
    /// Every job the same size.
    Fixed {
        /// The size.
        value: f64,
    },
    /// Uniform between `min` and `max`.
    Uniform {
        /// Smallest.
        min: f64,
        /// Largest.
        max: f64,
    },
    /// Bounded Pareto with shape `alpha` on `[min, max]`: heavy-tailed.
    Pareto {
        /// Shape; smaller is heavier (1 to 1.5 is typical of Unix process lifetimes).
        alpha: f64,
        /// Smallest.
        min: f64,
        /// Largest.
        max: f64,
    },
}

/// An arrival pattern.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, tag = "pattern", rename_all = "snake_case")]
pub enum ArrivalSpec {
    /// All at time `at`.
    AtOnce {
        /// Seconds.
        #[serde(default)]
        at: f64,
    },
    /// A Poisson process of `rate` jobs per second from `start`.
    Poisson {
        /// Jobs per second.
        rate: f64,
        /// First possible arrival, seconds.
        #[serde(default)]
        start: f64,
    },
    /// Bursts of `size` jobs every `every` seconds from `start`.
    Bursts {
        /// Jobs per burst.
        size: u32,
        /// Seconds between bursts.
        every: f64,
        /// First burst, seconds.
        #[serde(default)]
        start: f64,
    },
}

impl Default for ArrivalSpec {
    fn default() -> Self {
        ArrivalSpec::AtOnce { at: 0.0 }
    }
}

/// One generated job.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JobInstance {
    pub(crate) arrival: f64,
    pub(crate) work: f64,
    pub(crate) state_bytes: u64,
    pub(crate) main_class: String,
    pub(crate) label: Option<String>,
    pub(crate) origin: Option<usize>,
}

impl Scenario {
    /// Checks what the types cannot: positive speeds, known host names, sane distributions.
    pub fn validate(&self) -> Result<(), SimError> {
        let invalid = |key: String, problem: &str| {
            Err(SimError::Invalid {
                key,
                problem: problem.to_string(),
            })
        };
        if self.hosts.is_empty() {
            return invalid("hosts".into(), "must list at least one host");
        }
        if self.policy.is_some() && self.policy_file.is_some() {
            return invalid("policy_file".into(), "cannot be given with `policy`");
        }
        if !(self.offer_latency.is_finite() && self.offer_latency >= 0.0) {
            return invalid("offer_latency".into(), "must be a finite number, 0 or more");
        }
        for (i, h) in self.hosts.iter().enumerate() {
            if !(h.speed.is_finite() && h.speed > 0.0) {
                return invalid(format!("hosts[{i}].speed"), "must be greater than 0");
            }
            if h.cores == 0 {
                return invalid(format!("hosts[{i}].cores"), "must be at least 1");
            }
            if self.hosts[..i].iter().any(|o| o.name == h.name) {
                return invalid(format!("hosts[{i}].name"), "is used by another host");
            }
        }
        let m = &self.migration;
        if !(m.fixed.is_finite() && m.fixed >= 0.0) {
            return invalid(
                "migration.fixed".into(),
                "must be a finite number, 0 or more",
            );
        }
        if !(m.bandwidth.is_finite() && m.bandwidth > 0.0) {
            return invalid("migration.bandwidth".into(), "must be greater than 0");
        }
        for (i, l) in m.links.iter().enumerate() {
            for (k, name) in [("from", &l.from), ("to", &l.to)] {
                if self.host_index(name).is_none() {
                    return invalid(format!("migration.links[{i}].{k}"), "names no host");
                }
            }
            if !(l.fixed.is_finite() && l.fixed >= 0.0 && l.bandwidth > 0.0) {
                return invalid(
                    format!("migration.links[{i}]"),
                    "needs `fixed` >= 0 and `bandwidth` > 0",
                );
            }
        }
        if self.jobs.is_empty() {
            return invalid("jobs".into(), "must list at least one job set");
        }
        for (i, j) in self.jobs.iter().enumerate() {
            if let Some(o) = &j.origin
                && self.host_index(o).is_none()
            {
                return invalid(format!("jobs[{i}].origin"), "names no host");
            }
            let ok = match j.size {
                SizeSpec::Fixed { value } => value > 0.0 && value.is_finite(),
                SizeSpec::Uniform { min, max } => min > 0.0 && max >= min && max.is_finite(),
                SizeSpec::Pareto { alpha, min, max } => {
                    alpha > 0.0 && min > 0.0 && max > min && max.is_finite()
                }
            };
            if !ok {
                return invalid(
                    format!("jobs[{i}].size"),
                    "needs positive finite sizes, `max` >= `min` (> for pareto), `alpha` > 0",
                );
            }
            let ok = match j.arrival {
                ArrivalSpec::AtOnce { at } => at >= 0.0 && at.is_finite(),
                ArrivalSpec::Poisson { rate, start } => rate > 0.0 && start >= 0.0,
                ArrivalSpec::Bursts { size, every, start } => {
                    size > 0 && every > 0.0 && start >= 0.0
                }
            };
            if !ok {
                return invalid(
                    format!("jobs[{i}].arrival"),
                    "needs positive rates, sizes and periods and non-negative times",
                );
            }
        }
        Ok(())
    }

    pub(crate) fn host_index(&self, name: &str) -> Option<usize> {
        self.hosts.iter().position(|h| h.name == name)
    }

    /// Draws every job, sorted by arrival (ties keep file order): sizes and arrivals come from
    /// one generator seeded by `seed`, so a scenario always yields the same jobs.
    pub(crate) fn jobs(&self) -> Vec<JobInstance> {
        let mut rng = SplitMix64::new(self.seed ^ 0x6A0B_5EED);
        let mut jobs = Vec::new();
        for spec in &self.jobs {
            let mut clock = match spec.arrival {
                ArrivalSpec::AtOnce { at } => at,
                ArrivalSpec::Poisson { start, .. } | ArrivalSpec::Bursts { start, .. } => start,
            };
            for k in 0..spec.count {
                let arrival = match spec.arrival {
                    ArrivalSpec::AtOnce { at } => at,
                    ArrivalSpec::Poisson { rate, .. } => {
                        clock += -libm::log(1.0 - rng.unit()) / rate;
                        clock
                    }
                    ArrivalSpec::Bursts { size, every, start } => start + (k / size) as f64 * every,
                };
                let u = rng.unit();
                let work = match spec.size {
                    SizeSpec::Fixed { value } => value,
                    SizeSpec::Uniform { min, max } => min + u * (max - min),
                    SizeSpec::Pareto { alpha, min, max } => {
                        // Inverse CDF of the bounded Pareto; libm for the same bits everywhere.
                        let tail = 1.0 - libm::pow(min / max, alpha);
                        min / libm::pow(1.0 - u * tail, 1.0 / alpha)
                    }
                };
                jobs.push(JobInstance {
                    arrival,
                    work,
                    state_bytes: spec.state_bytes,
                    main_class: spec.main_class.clone(),
                    label: spec.label.clone(),
                    origin: spec.origin.as_deref().and_then(|o| self.host_index(o)),
                });
            }
        }
        jobs.sort_by(|a, b| a.arrival.total_cmp(&b.arrival));
        jobs
    }
}
