//! The policy file: thresholds, timing, limits, the migration cost model and placement rules.
//!
//! Every key has a default, so an empty file is a valid policy. Unknown keys are rejected
//! (a misspelt key silently falling back to its default would be worse than an error), and
//! every error names the key it is about. The keys are documented in `docs/policy.md`.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// Why a policy file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file could not be read.
    #[error("cannot read policy file {path}: {source}")]
    Read {
        /// The file that was being read.
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML, has an unknown key, or a value of the wrong type or range.
    #[error("invalid policy{}: {message}", key.as_ref().map(|k| format!(" key `{k}`")).unwrap_or_default())]
    Parse {
        /// The key the error is about, when it can be located.
        key: Option<String>,
        /// The parser's message, which includes the line and column.
        message: String,
    },
    /// A value is well-typed but makes no sense (negative duration, low above high, ...).
    #[error("policy key `{key}` {problem}")]
    Invalid {
        /// The dotted path of the offending key, e.g. `thresholds.high`.
        key: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// The balancing policy. Durations are in seconds, rates in bytes or bytecodes per second.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Only log decisions; never start a migration.
    pub dry_run: bool,
    /// Seconds between two balancing rounds.
    pub interval: f64,
    /// A load report older than this many seconds (receiver's clock) is stale: its host is
    /// neither a source nor a target until a fresh report arrives.
    pub stale_after: f64,
    /// A move must gain more than `stability` times its cost; greater than or equal to 1.
    pub stability: f64,
    /// Load thresholds.
    pub thresholds: Thresholds,
    /// Minimum ages, residence times, cooldowns and the ping-pong window.
    pub timing: Timing,
    /// Limits on concurrency and on the rate of moves.
    pub limits: Limits,
    /// The migration cost model and the remaining-work estimate.
    pub cost: CostModel,
    /// Pinning and placement rules, first match wins.
    pub rules: Vec<Rule>,
}

/// Load thresholds (see `docs/policy.md` for the definition of normalized load).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// A host whose load (processes per core) would exceed `high × max(1, cluster mean
    /// normalized load)` is overloaded: it is never a target and refuses offers.
    pub high: f64,
    /// A host is a source of moves only when its normalized load exceeds
    /// `low × max(1, cluster mean)` or when a strictly faster host is idle.
    pub low: f64,
    /// Fraction of memory in use above which a host refuses offers, in `0..=1`.
    pub memory: f64,
}

/// Minimum ages, residence times, cooldowns and the ping-pong window, in seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Timing {
    /// A process younger than this is never moved.
    pub min_age: f64,
    /// A process that arrived on its host less than this long ago is not moved again.
    pub min_residence: f64,
    /// After a migration of a process ends, it is not moved for this long.
    pub cooldown: f64,
    /// A process never returns to the host it last left within this window.
    pub ping_pong_window: f64,
}

/// Limits on concurrency and on the rate of moves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Migrations in flight at once, cluster-wide.
    pub max_concurrent: u32,
    /// Migrations in flight towards one host at once.
    pub max_incoming: u32,
    /// Moves started within any window of `period` seconds.
    pub max_moves_per_period: u32,
    /// The length of that window, in seconds.
    pub period: f64,
    /// How many random eligible targets each move is offered to (power of d choices).
    pub candidates: u32,
}

/// The migration cost model: `time = fixed + state_bytes / bandwidth`, unless the snapshot has a
/// measured cost for the host pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CostModel {
    /// Fixed cost of a migration in seconds (checkpoint, connection, restore).
    pub fixed: f64,
    /// Default bandwidth between two hosts in bytes per second.
    pub bandwidth: f64,
    /// Expected remaining work as a multiple of the work already done (age-based estimate:
    /// for a Pareto tail of shape α the mean remaining life is `age / (α − 1)`, so 2.0 fits
    /// α = 1.5; the median for α = 1 is 1.0).
    pub remaining_factor: f64,
}

/// A rule: processes it matches are pinned, or may only run on hosts with given labels or
/// architectures.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rule {
    /// Glob (`*` and `?`) on the main class, e.g. `com.example.*`.
    pub main_class: Option<String>,
    /// Exact label given at submit time.
    pub label: Option<String>,
    /// Never move a matching process.
    pub pin: bool,
    /// Every label a target must carry.
    pub require_labels: Vec<String>,
    /// Architectures allowed as targets (any when empty), e.g. `["x86_64", "aarch64"]`.
    pub require_arch: Vec<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            dry_run: false,
            interval: 1.0,
            stale_after: 5.0,
            stability: 2.0,
            thresholds: Thresholds::default(),
            timing: Timing::default(),
            limits: Limits::default(),
            cost: CostModel::default(),
            rules: Vec::new(),
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            high: 1.5,
            low: 0.5,
            memory: 0.9,
        }
    }
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            min_age: 1.0,
            min_residence: 5.0,
            cooldown: 10.0,
            ping_pong_window: 60.0,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_concurrent: 4,
            max_incoming: 2,
            max_moves_per_period: 20,
            period: 60.0,
            candidates: 2,
        }
    }
}

impl Default for CostModel {
    fn default() -> Self {
        CostModel {
            fixed: 0.5,
            bandwidth: 50.0e6,
            remaining_factor: 2.0,
        }
    }
}

impl Rule {
    /// Whether this rule applies to a process with this main class and submit label.
    pub fn matches(&self, main_class: &str, label: Option<&str>) -> bool {
        if self.main_class.is_none() && self.label.is_none() {
            return false;
        }
        let class_ok = self
            .main_class
            .as_deref()
            .is_none_or(|pattern| glob_match(pattern, main_class));
        let label_ok = self.label.as_deref().is_none_or(|l| label == Some(l));
        class_ok && label_ok
    }

    /// Whether a host with these labels and architecture satisfies the rule's requirements.
    pub fn admits(&self, labels: &[String], arch: &str) -> bool {
        self.require_labels.iter().all(|l| labels.contains(l))
            && (self.require_arch.is_empty() || self.require_arch.iter().any(|a| a == arch))
    }
}

impl Policy {
    /// Parses and validates a policy from TOML text.
    pub fn from_toml_str(text: &str) -> Result<Policy, PolicyError> {
        let policy: Policy = toml::from_str(text).map_err(|e| parse_error(text, &e))?;
        policy.validate()?;
        Ok(policy)
    }

    /// Reads, parses and validates a policy file.
    pub fn load(path: &Path) -> Result<Policy, PolicyError> {
        let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Policy::from_toml_str(&text)
    }

    /// The first rule matching a process, if any.
    pub fn rule_for(&self, main_class: &str, label: Option<&str>) -> Option<&Rule> {
        self.rules.iter().find(|r| r.matches(main_class, label))
    }

    /// Checks the values that are well-typed but meaningless.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let invalid = |key: &str, problem: &str| {
            Err(PolicyError::Invalid {
                key: key.to_string(),
                problem: problem.to_string(),
            })
        };
        let positive = [
            ("interval", self.interval),
            ("stale_after", self.stale_after),
            ("thresholds.high", self.thresholds.high),
            ("thresholds.low", self.thresholds.low),
            ("limits.period", self.limits.period),
            ("cost.bandwidth", self.cost.bandwidth),
            ("cost.remaining_factor", self.cost.remaining_factor),
        ];
        for (key, value) in positive {
            if !(value.is_finite() && value > 0.0) {
                return invalid(key, "must be a finite number greater than 0");
            }
        }
        let non_negative = [
            ("timing.min_age", self.timing.min_age),
            ("timing.min_residence", self.timing.min_residence),
            ("timing.cooldown", self.timing.cooldown),
            ("timing.ping_pong_window", self.timing.ping_pong_window),
            ("cost.fixed", self.cost.fixed),
        ];
        for (key, value) in non_negative {
            if !(value.is_finite() && value >= 0.0) {
                return invalid(key, "must be a finite number, 0 or more");
            }
        }
        if !(self.stability.is_finite() && self.stability >= 1.0) {
            return invalid("stability", "must be a finite number, 1 or more");
        }
        if self.thresholds.high <= self.thresholds.low {
            return invalid("thresholds.high", "must be greater than `thresholds.low`");
        }
        if !(self.thresholds.memory > 0.0 && self.thresholds.memory <= 1.0) {
            return invalid("thresholds.memory", "must be in (0, 1]");
        }
        if self.limits.candidates == 0 {
            return invalid("limits.candidates", "must be at least 1");
        }
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.main_class.is_none() && rule.label.is_none() {
                return invalid(
                    &format!("rules[{i}]"),
                    "must have `main_class` or `label` to match on",
                );
            }
            for arch in &rule.require_arch {
                if !ARCHITECTURES.contains(&arch.as_str()) {
                    return invalid(
                        &format!("rules[{i}].require_arch"),
                        &format!(
                            "{arch:?} is not an architecture name; phantom's names are {}",
                            ARCHITECTURES.join(", ")
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    /// Labels the rules require that none of `known` is: each as (key, label), for a warning
    /// (a rule no host can satisfy keeps its processes where they are).
    pub fn unknown_labels(&self, known: &[String]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            for l in &rule.require_labels {
                if !known.contains(l) {
                    out.push((format!("rules[{i}].require_labels"), l.clone()));
                }
            }
        }
        out
    }
}

/// The architecture names hosts report (Rust's `std::env::consts::ARCH`).
pub const ARCHITECTURES: &[&str] = &[
    "x86",
    "x86_64",
    "arm",
    "aarch64",
    "loongarch64",
    "m68k",
    "csky",
    "mips",
    "mips64",
    "powerpc",
    "powerpc64",
    "riscv64",
    "s390x",
    "sparc64",
];

/// Turns a toml error into one naming the key: serde's messages name unknown fields, but a
/// value out of range ("invalid value: integer `-1`, expected u32") only carries a span, so
/// the key is read from the source line the span points at.
fn parse_error(text: &str, error: &toml::de::Error) -> PolicyError {
    let key = error.span().and_then(|span| key_at(text, span.start));
    PolicyError::Parse {
        key,
        message: error.to_string().trim_end().to_string(),
    }
}

/// The dotted key whose `key = value` line contains byte `offset`, prefixed by the table
/// header in force there.
pub(crate) fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    if key.is_empty() || key.starts_with('[') {
        return None;
    }
    let table = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key.to_string(),
    })
}

/// Matches `text` against a glob with `*` (any run) and `?` (any one character).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Iterative matcher with one backtrack point: linear in practice, no recursion blow-up.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob() {
        assert!(glob_match("com.example.*", "com.example.Main"));
        assert!(glob_match("*Main", "a.b.Main"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("a?c", "abbc"));
        assert!(glob_match("Main", "Main"));
        assert!(!glob_match("Main", "Main2"));
        assert!(glob_match("*", ""));
    }

    #[test]
    fn key_location() {
        let text = "dry_run = true\n[limits]\nmax_concurrent = -1\n";
        let at = text.find("-1").unwrap();
        assert_eq!(key_at(text, at).as_deref(), Some("limits.max_concurrent"));
    }
}
