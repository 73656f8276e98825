//! `phantom simulate` on the scenarios in the repository: the balancer against the two
//! baselines, with the figures the issue sets targets for, the same every time.

use crate::support::{output, phantom};
use std::path::Path;

/// The row of a strategy: makespan / C*, mean slowdown, ping-pongs.
fn row(report: &str, strategy: &str) -> (f64, f64, u64) {
    let line = report
        .lines()
        .find(|l| l.split_whitespace().next() == Some(strategy))
        .unwrap_or_else(|| panic!("no {strategy} row in:\n{report}"));
    let w: Vec<&str> = line.split_whitespace().collect();
    let number = |i: usize| -> f64 {
        w[i].parse()
            .unwrap_or_else(|_| panic!("column {i} of {line:?} is not a number"))
    };
    (number(2), number(3), number(7) as u64)
}

#[test]
fn the_simulator_meets_its_targets_on_the_heavy_tailed_scenario() {
    let scenario =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("balancer/scenarios/heterogeneous.toml");
    let first = output(phantom().arg("simulate").arg(&scenario));
    assert!(first.status.success(), "simulate: {first:?}");
    let report = String::from_utf8_lossy(&first.stdout).to_string();
    let (ratio, slowdown, ping_pongs) = row(&report, "balancer");
    let (_, placed_slowdown, _) = row(&report, "least-loaded");
    assert!(ratio <= 1.15, "makespan {ratio} x C*:\n{report}");
    assert!(
        slowdown <= 0.65 * placed_slowdown,
        "mean slowdown {slowdown} against {placed_slowdown} placement-only:\n{report}"
    );
    assert_eq!(ping_pongs, 0);
    let again = output(phantom().arg("simulate").arg(&scenario));
    assert_eq!(
        again.stdout, first.stdout,
        "the simulation is deterministic"
    );

    let missing = output(phantom().arg("simulate").arg("no-such-scenario.toml"));
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-scenario.toml"));
}
