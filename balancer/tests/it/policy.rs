//! The policy file: defaults, the example, and errors that name their key.

use std::path::Path;

use phantom_balancer::{Policy, PolicyError};

fn error(text: &str) -> String {
    Policy::from_toml_str(text)
        .expect_err("the policy should be rejected")
        .to_string()
}

#[test]
fn empty_file_is_the_default_policy() {
    assert_eq!(Policy::from_toml_str("").unwrap(), Policy::default());
    Policy::default().validate().unwrap();
}

#[test]
fn example_parses() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("policy.example.toml");
    let policy = Policy::load(&path).unwrap();
    assert_eq!(policy.rules.len(), 3);
    assert!(policy.rules[0].pin);
    assert!(policy.rule_for("org.example.db.Server", None).unwrap().pin);
    assert_eq!(
        policy
            .rule_for("app.Main", Some("gpu"))
            .unwrap()
            .require_labels,
        ["gpu"]
    );
    assert!(policy.rule_for("app.Main", None).is_none());
    // Apart from the rules, the example spells out the defaults.
    let defaults = Policy {
        rules: policy.rules.clone(),
        ..Policy::default()
    };
    assert_eq!(policy, defaults);
}

#[test]
fn unknown_key_is_named() {
    let message = error("[thresholds]\nthresold = 2.0\n");
    assert!(message.contains("thresold"), "{message}");
    let message = error("dry_runn = true\n");
    assert!(message.contains("dry_runn"), "{message}");
}

#[test]
fn out_of_range_value_names_its_key() {
    let err = Policy::from_toml_str("[limits]\nmax_concurrent = -1\n").unwrap_err();
    match &err {
        PolicyError::Parse { key, .. } => {
            assert_eq!(key.as_deref(), Some("limits.max_concurrent"))
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("limits.max_concurrent"), "{err}");
}

#[test]
fn wrong_type_names_its_key() {
    let message = error("stability = \"high\"\n");
    assert!(message.contains("stability"), "{message}");
}

#[test]
fn semantic_errors_name_their_key() {
    let message = error("[thresholds]\nhigh = 1.0\nlow = 2.0\n");
    assert!(
        message.contains("`thresholds.high` must be greater than `thresholds.low`"),
        "{message}"
    );
    assert!(error("stability = 0.5").contains("`stability`"));
    assert!(error("[timing]\ncooldown = -3.0").contains("`timing.cooldown`"));
    assert!(error("[limits]\ncandidates = 0").contains("`limits.candidates`"));
    assert!(error("[cost]\nbandwidth = 0.0").contains("`cost.bandwidth`"));
    assert!(error("[[rules]]\npin = true\n").contains("`rules[0]`"));
}

#[test]
fn missing_file_is_an_error() {
    let err = Policy::load(Path::new("/nonexistent/policy.toml")).unwrap_err();
    assert!(matches!(err, PolicyError::Read { .. }));
}
