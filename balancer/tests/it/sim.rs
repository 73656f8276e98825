//! The simulator: the issue's targets on every scenario of the repository, determinism, and
//! errors that name their key.

use std::path::{Path, PathBuf};

use phantom_balancer::sim::Strategy;
use phantom_balancer::{SimError, simulate_file, simulate_str};

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn scenarios_meet_the_targets() {
    let files = scenarios();
    assert!(files.len() >= 3);
    for file in files {
        let report = simulate_file(&file).unwrap();
        let balancer = report.row(Strategy::Balancer).unwrap();
        let placement = report.row(Strategy::LeastLoaded).unwrap();
        assert!(balancer.ratio <= 1.15, "{report}");
        // Every scenario of the repository has heavy-tailed (Pareto) job sizes.
        assert!(
            balancer.mean_slowdown <= 0.65 * placement.mean_slowdown,
            "{report}"
        );
        assert_eq!(balancer.ping_pongs, 0, "{report}");
        assert!(balancer.migrations_per_process > 0.0, "{report}");
        for row in &report.rows {
            assert!(row.ratio >= 1.0 - 1e-9, "below the lower bound: {report}");
        }
    }
}

#[test]
fn same_input_same_output() {
    for file in scenarios() {
        let first = simulate_file(&file).unwrap().to_string();
        let second = simulate_file(&file).unwrap().to_string();
        assert_eq!(first, second);
    }
}

const TINY: &str = r#"
[[hosts]]
name = "a"
speed = 1.0e8

[[jobs]]
count = 2
size = { dist = "fixed", value = 1.0e9 }
"#;

#[test]
fn one_host_meets_the_bound_exactly() {
    let report = simulate_str(TINY, Path::new("."), "tiny").unwrap();
    assert_eq!(report.lower_bound, 20.0);
    for row in &report.rows {
        assert!((row.makespan - 20.0).abs() < 1e-6, "{report}");
        assert_eq!(row.migrations_per_process, 0.0);
        // Two equal jobs sharing a core both finish at twice their solo time.
        assert!((row.mean_slowdown - 2.0).abs() < 1e-6, "{report}");
    }
    assert!(report.to_string().contains("C* = 20.0 s"));
}

#[test]
fn dry_run_never_migrates() {
    let text = format!(
        "{}\n[policy]\ndry_run = true\n",
        std::fs::read_to_string(scenarios()[0].clone())
            .unwrap()
            .replace("[policy]\n", "")
    );
    let report = simulate_str(&text, Path::new("."), "dry").unwrap();
    assert_eq!(
        report.row(Strategy::Balancer).unwrap().bytes_moved,
        0,
        "{report}"
    );
}

#[test]
fn scenario_errors_name_their_key() {
    let err = simulate_str(&format!("{TINY}\nsede = 3\n"), Path::new("."), "x").unwrap_err();
    assert!(err.to_string().contains("sede"), "{err}");
    let text = TINY.replace("speed = 1.0e8", "speed = -1.0");
    let err = simulate_str(&text, Path::new("."), "x").unwrap_err();
    assert!(err.to_string().contains("`hosts[0].speed`"), "{err}");
    let text = format!("{TINY}origin = \"nowhere\"\n");
    let err = simulate_str(&text, Path::new("."), "x").unwrap_err();
    assert!(err.to_string().contains("`jobs[0].origin`"), "{err}");
    let text = format!("{TINY}\n[policy.limits]\nmax_concurrent = -1\n");
    let err = simulate_str(&text, Path::new("."), "x").unwrap_err();
    assert!(err.to_string().contains("max_concurrent"), "{err}");
    let text = format!("policy_file = \"missing.toml\"\n{TINY}");
    let err = simulate_str(&text, Path::new("."), "x").unwrap_err();
    assert!(matches!(err, SimError::Policy(_)), "{err}");
    assert!(matches!(
        simulate_file(Path::new("/nonexistent.toml")),
        Err(SimError::Read { .. })
    ));
}
