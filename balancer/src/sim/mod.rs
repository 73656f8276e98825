//! The deterministic discrete-event simulator behind `phantom simulate SCENARIO`: it runs the
//! balancer (the very [`crate::decide`], [`crate::consider_offer`] and [`crate::place`] the
//! daemon runs) and two baselines on a scenario and reports makespan against the lower bound
//! C*, slowdowns, migrations, bytes moved and ping-pongs.

mod engine;
mod report;
mod scenario;

use std::path::Path;

pub use engine::Strategy;
pub use report::{Report, Row};
pub use scenario::{ArrivalSpec, HostSpec, JobSpec, LinkSpec, MigrationSpec, Scenario, SizeSpec};

use crate::policy::{Policy, PolicyError};

/// Why a scenario could not be simulated.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// The scenario file could not be read.
    #[error("cannot read scenario {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The scenario is not valid TOML, has an unknown key or a value of the wrong type.
    #[error("invalid scenario{}: {message}", key.as_ref().map(|k| format!(" key `{k}`")).unwrap_or_default())]
    Parse {
        /// The key the error is about, when it can be located.
        key: Option<String>,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A scenario value is well-typed but makes no sense.
    #[error("scenario key `{key}` {problem}")]
    Invalid {
        /// The dotted path of the key.
        key: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The scenario's policy (inline or by `policy_file`) is invalid.
    #[error("scenario policy: {0}")]
    Policy(#[from] PolicyError),
}

/// Reads a scenario file and simulates it. A `policy_file` is resolved relative to the
/// scenario's directory; the report is named after the file's stem unless `name` is set.
pub fn simulate_file(path: &Path) -> Result<Report, SimError> {
    let text = std::fs::read_to_string(path).map_err(|source| SimError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let stem = path.file_stem().map_or_else(
        || "scenario".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    simulate_str(&text, path.parent().unwrap_or(Path::new(".")), &stem)
}

/// Simulates a scenario given as TOML text; `base` resolves `policy_file`, `default_name`
/// names the report when the scenario has no `name`.
pub fn simulate_str(text: &str, base: &Path, default_name: &str) -> Result<Report, SimError> {
    let scenario: Scenario = toml::from_str(text).map_err(|e| SimError::Parse {
        key: e.span().and_then(|s| crate::policy::key_at(text, s.start)),
        message: e.to_string().trim_end().to_string(),
    })?;
    scenario.validate()?;
    let policy = match (&scenario.policy, &scenario.policy_file) {
        (Some(p), _) => {
            p.validate()?;
            p.clone()
        }
        (None, Some(file)) => Policy::load(&base.join(file))?,
        (None, None) => Policy::default(),
    };
    Ok(simulate(
        &scenario,
        &policy,
        scenario.name.as_deref().unwrap_or(default_name),
    ))
}

/// Simulates a parsed, validated scenario under `policy`.
pub fn simulate(scenario: &Scenario, policy: &Policy, name: &str) -> Report {
    let jobs = scenario.jobs();
    let core_speeds: Vec<f64> = scenario
        .hosts
        .iter()
        .flat_map(|h| std::iter::repeat_n(h.speed, h.cores as usize))
        .collect();
    let lower_bound = report::lower_bound(&jobs, &core_speeds);
    let rows = [
        Strategy::Balancer,
        Strategy::RoundRobin,
        Strategy::LeastLoaded,
    ]
    .into_iter()
    .map(|s| report::row(s, &engine::run(scenario, policy, &jobs, s), lower_bound))
    .collect();
    Report {
        name: name.to_string(),
        jobs: jobs.len(),
        hosts: scenario.hosts.len(),
        lower_bound,
        rows,
    }
}
