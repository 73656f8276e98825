//! Pre-copy: the offer's terms, and the policy that decides after each round whether to run
//! another one or to freeze the process and send the rest.
//!
//! The policy is a pure function of the rounds so far ([`next_step`]): the driver measures each
//! round and passes the figures and the time in, and logs the [`Step`] it gets back (its
//! `Display` is one line of `key=value` figures).

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The pre-copy terms of an [`Offer`](super::Message::Offer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreCopyOffer {
    /// The most bytes all the pieces of all the rounds will take together, final round included.
    /// The target refuses an offer over its `max_precopy_bytes`, and aborts when the pieces
    /// that arrive go over this.
    pub max_bytes: u64,
}

/// The policy's parameters (section 3.6 of `docs/plans/precopy.md`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreCopyConfig {
    /// Freeze once the predicted freeze is at most this (`precopy_freeze_ms`, 10 ms).
    pub freeze_target: Duration,
    /// The fixed cost of a freeze, added to the predicted transfer of the dirty rest: the last
    /// one measured, 2 ms until then.
    pub fixed_cost: Duration,
    /// Freeze after this many rounds (`precopy_max_rounds`, 8); 0 freezes at once, which is
    /// stop-and-copy through the pre-copy pipeline.
    pub max_rounds: u32,
    /// Freeze once pre-copy has run this long (`precopy_max_secs`, 120 s).
    pub max_duration: Duration,
}

impl Default for PreCopyConfig {
    fn default() -> Self {
        PreCopyConfig {
            freeze_target: Duration::from_millis(10),
            fixed_cost: Duration::from_millis(2),
            max_rounds: 8,
            max_duration: Duration::from_secs(120),
        }
    }
}

/// What the driver measured of one round.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoundStats {
    /// The bytes of its pieces (`B_k`).
    pub bytes: u64,
    /// From its first piece to the target's `Applied` (`T_k`).
    pub duration: Duration,
    /// The estimate of what is dirty when it is applied, i.e. what the next round would send
    /// (`D_k`).
    pub dirty: u64,
}

/// A round does not shrink the dirty estimate enough when it leaves more than this fraction of
/// the previous round's (four fifths).
const STALL_NUMERATOR: u128 = 4;
const STALL_DENOMINATOR: u128 = 5;
/// Consecutive rounds that must fail to shrink it for `Stalled`.
const STALL_ROUNDS: usize = 2;
/// The budget: what was sent plus twice the dirty rest may reach three halves of the live bytes.
const BUDGET_NUMERATOR: u128 = 3;
const BUDGET_DENOMINATOR: u128 = 2;

/// Why the policy freezes. Every reason but `Converged` is the bounded fallback to
/// stop-and-copy of the dirty rest, worth a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FreezeReason {
    /// The predicted freeze is within `freeze_target`.
    Converged,
    /// The last two rounds each left more than four fifths of the dirty estimate before them.
    Stalled,
    /// Another round would spend too much: what was sent plus twice the dirty rest is over 1.5
    /// times the live bytes.
    Budget,
    /// `max_rounds` rounds have run.
    MaxRounds,
    /// Pre-copy has run for `max_duration`.
    Timeout,
}

impl FreezeReason {
    /// Whether this is the fallback (pre-copy did not converge), to log at warn.
    pub fn is_fallback(self) -> bool {
        self != FreezeReason::Converged
    }

    /// The reason as a log and metrics label.
    pub fn as_str(self) -> &'static str {
        match self {
            FreezeReason::Converged => "converged",
            FreezeReason::Stalled => "stalled",
            FreezeReason::Budget => "budget",
            FreezeReason::MaxRounds => "max_rounds",
            FreezeReason::Timeout => "timeout",
        }
    }
}

impl fmt::Display for FreezeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The figures a decision was made on, for the log line.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// The bytes of each round so far.
    pub sent: Vec<u64>,
    /// The live bytes when pre-copy started (`L`).
    pub live: u64,
    /// The dirty estimate after the last round (`D_k`), 0 before the first.
    pub dirty: u64,
    /// How fast the program dirtied memory during the last round, in bytes per second.
    pub dirty_rate: Option<f64>,
    /// The throughput of the last round that sent anything (`θ`), in bytes per second.
    pub throughput: Option<f64>,
    /// The predicted freeze (`F = D_k/θ + c`), when there is a throughput to predict it with.
    pub predicted: Option<Duration>,
    /// How long pre-copy has run.
    pub elapsed: Duration,
}

/// What to do after a round.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Run another round while the process keeps running.
    Round(Figures),
    /// Freeze the process and send the dirty rest as the final round.
    Freeze {
        /// Why now.
        reason: FreezeReason,
        /// The figures the decision was made on.
        figures: Figures,
    },
}

impl Step {
    /// The figures the decision was made on.
    pub fn figures(&self) -> &Figures {
        match self {
            Step::Round(figures) | Step::Freeze { figures, .. } => figures,
        }
    }

    /// Why to freeze, or `None` for another round.
    pub fn freeze_reason(&self) -> Option<FreezeReason> {
        match self {
            Step::Round(_) => None,
            Step::Freeze { reason, .. } => Some(*reason),
        }
    }
}

impl fmt::Display for Step {
    /// One log line: `rounds=3 sent=[1.02 GB, 61.0 MB, 3.90 MB] live=1.01 GB dirty=260 KB
    /// dirty_rate=10.4 MB/s throughput=512 MB/s predicted=2.5ms elapsed=2.4s step=freeze
    /// reason=converged`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let figures = self.figures();
        write!(f, "rounds={} sent=[", figures.sent.len())?;
        for (index, bytes) in figures.sent.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", Bytes(*bytes as f64))?;
        }
        write!(
            f,
            "] live={} dirty={}",
            Bytes(figures.live as f64),
            Bytes(figures.dirty as f64)
        )?;
        if let Some(rate) = figures.dirty_rate {
            write!(f, " dirty_rate={}/s", Bytes(rate))?;
        }
        if let Some(throughput) = figures.throughput {
            write!(f, " throughput={}/s", Bytes(throughput))?;
        }
        if let Some(predicted) = figures.predicted {
            write!(f, " predicted={predicted:.1?}")?;
        }
        write!(f, " elapsed={:.1?}", figures.elapsed)?;
        match self {
            Step::Round(_) => f.write_str(" step=round"),
            Step::Freeze { reason, .. } => write!(f, " step=freeze reason={reason}"),
        }
    }
}

/// A byte count in decimal units with three significant digits: `260 KB`, `3.90 MB`.
struct Bytes(f64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [&str; 5] = ["KB", "MB", "GB", "TB", "PB"];
        let mut value = self.0;
        if value < 1000.0 {
            return write!(f, "{value:.0} B");
        }
        let mut unit = UNITS[0];
        for next in UNITS {
            unit = next;
            value /= 1000.0;
            if value < 1000.0 {
                break;
            }
        }
        if value >= 100.0 {
            write!(f, "{value:.0} {unit}")
        } else if value >= 10.0 {
            write!(f, "{value:.1} {unit}")
        } else {
            write!(f, "{value:.2} {unit}")
        }
    }
}

/// Decides what follows the rounds so far (`rounds`, oldest first; empty before round 0), for a
/// process whose live bytes were `live` when pre-copy started and which has been pre-copying
/// for `elapsed`. Freezes when the first of these holds, else runs another round:
/// 1. `Converged`: the predicted freeze `F = D_k/θ + c` is at most `freeze_target`, with `θ` the
///    last round's throughput `B_k/T_k` (of the last round that sent anything, if the last sent
///    nothing; with none, there is no prediction) and `c` the `fixed_cost`;
/// 2. `Stalled`: `D_k > 0.8·D_{k-1}` for each of the last two rounds;
/// 3. `Budget`: `S + 2·D_k > 1.5·L`, with `S` the bytes of all rounds and `L` = `live`;
/// 4. `MaxRounds`: `k+1 ≥ max_rounds`, i.e. `max_rounds` rounds have run;
/// 5. `Timeout`: `elapsed ≥ max_duration`.
pub fn next_step(
    rounds: &[RoundStats],
    config: &PreCopyConfig,
    live: u64,
    elapsed: Duration,
) -> Step {
    let last = rounds.last();
    let dirty = last.map_or(0, |round| round.dirty);
    // A round measured as taking no time took less than the clock's resolution.
    let seconds = |round: &RoundStats| round.duration.max(Duration::from_micros(1)).as_secs_f64();
    let throughput = rounds
        .iter()
        .rev()
        .find(|round| round.bytes > 0)
        .map(|round| round.bytes as f64 / seconds(round));
    let dirty_rate = last.map(|round| round.dirty as f64 / seconds(round));
    // Nothing dirty costs only the fixed part; something dirty at an unknown rate is unknown.
    let predicted = match (last, throughput) {
        (None, _) => None,
        (Some(_), _) if dirty == 0 => Some(config.fixed_cost),
        (Some(_), Some(throughput)) => {
            let seconds = dirty as f64 / throughput;
            Duration::try_from_secs_f64(seconds)
                .ok()
                .map(|transfer| transfer.saturating_add(config.fixed_cost))
        }
        (Some(_), _) => None,
    };
    let figures = Figures {
        sent: rounds.iter().map(|round| round.bytes).collect(),
        live,
        dirty,
        dirty_rate,
        throughput,
        predicted,
        elapsed,
    };
    let stalled = rounds.len() > STALL_ROUNDS
        && rounds[rounds.len() - STALL_ROUNDS - 1..]
            .windows(2)
            .all(|pair| {
                u128::from(pair[1].dirty) * STALL_DENOMINATOR
                    > u128::from(pair[0].dirty) * STALL_NUMERATOR
            });
    let sent: u128 = rounds.iter().map(|round| u128::from(round.bytes)).sum();
    let over_budget = last.is_some()
        && (sent + 2 * u128::from(dirty)) * BUDGET_DENOMINATOR
            > u128::from(live) * BUDGET_NUMERATOR;
    let reason = if predicted.is_some_and(|predicted| predicted <= config.freeze_target) {
        Some(FreezeReason::Converged)
    } else if stalled {
        Some(FreezeReason::Stalled)
    } else if over_budget {
        Some(FreezeReason::Budget)
    } else if rounds.len() >= config.max_rounds as usize {
        Some(FreezeReason::MaxRounds)
    } else if elapsed >= config.max_duration {
        Some(FreezeReason::Timeout)
    } else {
        None
    };
    match reason {
        Some(reason) => Step::Freeze { reason, figures },
        None => Step::Round(figures),
    }
}
