//! The migration protocol as a sans-IO state machine: offer, accept, transfer, restore, commit.
//!
//! A migration moves one frozen process from a [`Source`] host to a [`Target`] host over one
//! reliable, ordered stream (a QUIC bi-stream; [`crate::frame`] turns [`Message`]s into bytes).
//! Neither machine does I/O or reads a clock: the driver passes the time in, feeds received
//! messages and connection events, and polls out messages to send, events to act on, and the next
//! instant at which to call `handle_timeout`. The same machines therefore run under a virtual
//! clock in the tests, which simulate a pair of peers with delay, loss, broken connections and a
//! crashing target.
//!
//! The handoff is a two-phase commit with the source as coordinator: the source keeps its frozen
//! copy until the target says it has restored the process ([`Message::Restored`]), and only then
//! decides to commit. Until the target has voted, any failure resumes the process on the source;
//! after it has voted, the target waits for the decision and asks the source's [`Decisions`]
//! record when the connection breaks. A process is never lost and never runs twice (unless the
//! host it runs on dies). `docs/protocol.md` gives the whole argument.
//!
//! A migration may also be offered with **pre-copy** ([`Source::new_precopy`]): the process keeps
//! running at the source while rounds of [`Message::Piece`]s travel, each confirmed by the
//! target's [`Message::Applied`]; only then does the source freeze it and send the final round,
//! closed by [`Message::Frozen`]. The vote and the decision are the same as in the classic flow,
//! and a vote is only possible after `Frozen`, so a failure in any earlier round leaves a process
//! that never stopped. [`precopy::next_step`] is the policy that decides when to freeze.

mod decisions;
pub mod precopy;
mod source;
mod target;

#[cfg(test)]
mod precopy_tests;
#[cfg(test)]
mod sim;
#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Add;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use decisions::{Decision, Decisions, Lookup};
pub use precopy::PreCopyOffer;
pub use source::{Source, SourceConfig, SourceEvent};
pub use target::{Offered, Target, TargetConfig, TargetEvent};

/// An instant on the driver's clock, in microseconds since an epoch the driver chooses.
///
/// The machines only compare instants and add durations to them, so a virtual clock that starts
/// at zero drives them as well as a real one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(u64);

impl Time {
    /// The instant `micros` microseconds after the epoch.
    pub const fn from_micros(micros: u64) -> Self {
        Time(micros)
    }

    /// Microseconds since the epoch.
    pub const fn as_micros(self) -> u64 {
        self.0
    }

    /// The time from `earlier` to `self`, zero if `earlier` is later.
    pub fn saturating_since(self, earlier: Time) -> Duration {
        Duration::from_micros(self.0.saturating_sub(earlier.0))
    }
}

impl Add<Duration> for Time {
    type Output = Time;

    /// Saturates at the end of time rather than wrapping: an enormous timeout means "never".
    fn add(self, rhs: Duration) -> Time {
        let micros = u64::try_from(rhs.as_micros()).unwrap_or(u64::MAX);
        Time(self.0.saturating_add(micros))
    }
}

/// Names one migration on both hosts; chosen by the source's caller, unique per source host.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MigrationId(#[serde(with = "serde_bytes")] pub [u8; 16]);

impl fmt::Debug for MigrationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MigrationId({self})")
    }
}

impl fmt::Display for MigrationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|byte| write!(f, "{byte:02x}"))
    }
}

/// The SHA-256 of a class file's bytes. The machines never compute it: the callers do, and a
/// target that holds a class under its hash does not need the bytes again.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClassHash(#[serde(with = "serde_bytes")] pub [u8; 32]);

impl fmt::Debug for ClassHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClassHash({self})")
    }
}

impl fmt::Display for ClassHash {
    /// The first eight bytes in hex, as git abbreviates commits: enough to tell classes apart in
    /// a log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0[..8]
            .iter()
            .try_for_each(|byte| write!(f, "{byte:02x}"))
    }
}

/// Everything that travels between the hosts. One migration stream carries, in order:
/// `Offer`, `Accept` or `Refuse`, `Class`*, `Chunk`*, `End`, `Restored`, `Commit` (with `Abort`
/// possible from either side until the target's `Restored`, and from the source until `Commit`).
/// With pre-copy, `Chunk`* `End` is replaced by rounds: (`Piece`* `RoundEnd`, answered by
/// `Applied`)*, then the final round `Piece`* `Frozen`.
/// `OutcomeQuery` and `Outcome` travel on a separate, later connection from target to source.
///
/// The encoding is CBOR through serde. Fields added since the first version are optional on the
/// wire (`#[serde(default)]`) and left out when they have their default, so the classic flow's
/// messages are byte for byte what they were; an older peer rejects the pre-copy variants as
/// malformed, and ignores an `Offer`'s `precopy` (answering `Accept` without it, that is, false).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Message {
    /// Source → target: asks the target to take over a process.
    Offer {
        /// The migration this stream carries.
        id: MigrationId,
        /// Process metadata, opaque to the transport (the caller's encoding).
        #[serde(with = "serde_bytes")]
        meta: Vec<u8>,
        /// Length of the checkpoint document that will follow, without class bytes; 0 with
        /// pre-copy.
        checkpoint_len: u64,
        /// Every class the process needs.
        classes: Vec<ClassHash>,
        /// Present when the process would move by pre-copy: pieces instead of a checkpoint.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precopy: Option<PreCopyOffer>,
    },
    /// Target → source: agrees, and lists the offered classes it does not hold.
    Accept {
        /// The classes to send, in the order the target expects them.
        missing: Vec<ClassHash>,
        /// Whether the target takes the offered pre-copy. False (what a target that predates
        /// pre-copy implies) to a pre-copy offer makes the source abort; true to a classic
        /// offer is a protocol error.
        #[serde(default, skip_serializing_if = "is_false")]
        precopy: bool,
    },
    /// Target → source: declines the offer; the process stays on the source.
    Refuse {
        /// Why, for the logs.
        reason: String,
    },
    /// Source → target: the bytes of one class the target said it lacks.
    Class {
        /// The class's hash, as offered.
        hash: ClassHash,
        /// The class file.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Source → target: the next piece of the checkpoint document.
    Chunk {
        /// At most the source's chunk size.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Source → target: the transfer is complete.
    End {
        /// The checkpoint length again, checked against what arrived.
        checkpoint_len: u64,
    },
    /// Source → target, pre-copy: one piece of a round, a document opaque to the transport.
    Piece {
        /// The round, counted from 0; rounds follow each other without gaps.
        round: u32,
        /// At most the source's chunk size and the target's `max_chunk_len`.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Source → target, pre-copy: a round (not the final one) is complete.
    RoundEnd {
        /// The round that ends.
        round: u32,
        /// How many pieces it had, checked against what arrived.
        pieces: u32,
        /// How many bytes its pieces had, checked against what arrived.
        bytes: u64,
    },
    /// Target → source, pre-copy: the target has staged every piece of a round.
    Applied {
        /// The round, which the source ended with `RoundEnd`.
        round: u32,
    },
    /// Source → target, pre-copy: the final round is complete, and the process is frozen at the
    /// source. The target finishes staging and votes with `Restored`.
    Frozen {
        /// The final round.
        round: u32,
        /// How many pieces it had, checked against what arrived.
        pieces: u32,
        /// How many bytes its pieces had, checked against what arrived.
        bytes: u64,
        /// Process metadata taken at the freeze; it replaces the offer's.
        #[serde(with = "serde_bytes")]
        meta: Vec<u8>,
    },
    /// Target → source: the process is restored and frozen on the target; the target's vote.
    Restored,
    /// Source → target: the decision is commit; the target runs the process.
    Commit,
    /// Either way: the migration is abandoned; the process runs (on) the source.
    Abort {
        /// Why, for the logs.
        reason: String,
    },
    /// Target → source, on a new connection: what did you decide for this migration?
    OutcomeQuery {
        /// The migration in doubt.
        id: MigrationId,
    },
    /// Source → target: the answer to an `OutcomeQuery`.
    Outcome {
        /// The migration asked about.
        id: MigrationId,
        /// Whether the source committed; false for aborted and for unknown migrations.
        committed: bool,
    },
}

impl Message {
    /// The variant's name, for errors and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Message::Offer { .. } => "Offer",
            Message::Accept { .. } => "Accept",
            Message::Refuse { .. } => "Refuse",
            Message::Class { .. } => "Class",
            Message::Chunk { .. } => "Chunk",
            Message::End { .. } => "End",
            Message::Piece { .. } => "Piece",
            Message::RoundEnd { .. } => "RoundEnd",
            Message::Applied { .. } => "Applied",
            Message::Frozen { .. } => "Frozen",
            Message::Restored => "Restored",
            Message::Commit => "Commit",
            Message::Abort { .. } => "Abort",
            Message::OutcomeQuery { .. } => "OutcomeQuery",
            Message::Outcome { .. } => "Outcome",
        }
    }
}

impl fmt::Debug for Message {
    /// Byte payloads show as lengths: a checkpoint chunk in a log line helps nobody.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::Offer {
                id,
                meta,
                checkpoint_len,
                classes,
                precopy,
            } => f
                .debug_struct("Offer")
                .field("id", id)
                .field("meta_len", &meta.len())
                .field("checkpoint_len", checkpoint_len)
                .field("classes", &classes.len())
                .field("precopy", precopy)
                .finish(),
            Message::Accept { missing, precopy } => f
                .debug_struct("Accept")
                .field("missing", &missing.len())
                .field("precopy", precopy)
                .finish(),
            Message::Refuse { reason } => f.debug_struct("Refuse").field("reason", reason).finish(),
            Message::Class { hash, bytes } => f
                .debug_struct("Class")
                .field("hash", hash)
                .field("len", &bytes.len())
                .finish(),
            Message::Chunk { bytes } => f.debug_struct("Chunk").field("len", &bytes.len()).finish(),
            Message::End { checkpoint_len } => f
                .debug_struct("End")
                .field("checkpoint_len", checkpoint_len)
                .finish(),
            Message::Piece { round, bytes } => f
                .debug_struct("Piece")
                .field("round", round)
                .field("len", &bytes.len())
                .finish(),
            Message::RoundEnd {
                round,
                pieces,
                bytes,
            } => f
                .debug_struct("RoundEnd")
                .field("round", round)
                .field("pieces", pieces)
                .field("bytes", bytes)
                .finish(),
            Message::Applied { round } => f.debug_struct("Applied").field("round", round).finish(),
            Message::Frozen {
                round,
                pieces,
                bytes,
                meta,
            } => f
                .debug_struct("Frozen")
                .field("round", round)
                .field("pieces", pieces)
                .field("bytes", bytes)
                .field("meta_len", &meta.len())
                .finish(),
            Message::Restored => f.write_str("Restored"),
            Message::Commit => f.write_str("Commit"),
            Message::Abort { reason } => f.debug_struct("Abort").field("reason", reason).finish(),
            Message::OutcomeQuery { id } => f.debug_struct("OutcomeQuery").field("id", id).finish(),
            Message::Outcome { id, committed } => f
                .debug_struct("Outcome")
                .field("id", id)
                .field("committed", committed)
                .finish(),
        }
    }
}

/// For `skip_serializing_if`: a flag that is false stays off the wire.
fn is_false(flag: &bool) -> bool {
    !*flag
}

/// Why a migration was abandoned. Every variant ends the migration with the process on the
/// source; the target's variants are what it tells the source in `Abort`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// The target declined the offer.
    #[error("target refused: {reason}")]
    Refused {
        /// The target's reason.
        reason: String,
    },
    /// The peer abandoned the migration and said why.
    #[error("peer aborted: {reason}")]
    AbortedByPeer {
        /// The peer's reason.
        reason: String,
    },
    /// The local caller abandoned the migration.
    #[error("cancelled: {reason}")]
    Cancelled {
        /// The caller's reason.
        reason: String,
    },
    /// The target could not restore the process from what it received.
    #[error("restore failed: {reason}")]
    RestoreFailed {
        /// The restorer's reason.
        reason: String,
    },
    /// A deadline passed in the named phase.
    #[error("timed out while {phase}")]
    Timeout {
        /// What the machine was waiting for.
        phase: &'static str,
    },
    /// The connection broke in the named phase.
    #[error("connection lost while {phase}")]
    ConnectionLost {
        /// What the machine was doing.
        phase: &'static str,
    },
    /// A message arrived that the protocol does not allow in the current state.
    #[error("unexpected {message} while {phase}")]
    Unexpected {
        /// The kind of message that arrived.
        message: &'static str,
        /// What the machine was doing.
        phase: &'static str,
    },
    /// The framing layer could not decode what arrived.
    #[error("malformed message: {detail}")]
    Malformed {
        /// The decoder's complaint.
        detail: String,
    },
    /// The target asked for a class that was not offered, or twice.
    #[error("target asked for class {0} that was not offered or was asked for twice")]
    ClassNotOffered(ClassHash),
    /// The source sent a class the target did not ask for, or out of the asked order.
    #[error("source sent class {0} that was not asked for next")]
    ClassNotAsked(ClassHash),
    /// The source moved on to the checkpoint before sending every asked-for class.
    #[error("{missing} asked-for classes never arrived")]
    ClassesMissing {
        /// How many were still owed.
        missing: usize,
    },
    /// A size went over a limit of the receiver's configuration.
    #[error("{what} is {len} bytes or items, over the limit of {limit}")]
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// Its size.
        len: u64,
        /// The limit.
        limit: u64,
    },
    /// The checkpoint that arrived is not the length that was announced.
    #[error("checkpoint length mismatch: announced {announced}, received {received}")]
    LengthMismatch {
        /// The length in the offer.
        announced: u64,
        /// What arrived, or what `End` claims.
        received: u64,
    },
    /// A migration with this id is already known to the source's decision record.
    #[error("migration {0} is already known")]
    DuplicateId(MigrationId),
    /// The target does not take pre-copy (it answered a pre-copy offer with `Accept` without
    /// it). The process never stopped: the caller may offer it again the classic way, under a
    /// new id.
    #[error("the target does not do pre-copy")]
    PreCopyDeclined,
    /// The offer contradicts itself.
    #[error("invalid offer: {detail}")]
    InvalidOffer {
        /// What is wrong with it.
        detail: &'static str,
    },
    /// A pre-copy message named another round than the one in progress.
    #[error("round {received} arrived while round {expected} was due")]
    RoundOutOfOrder {
        /// The round due.
        expected: u32,
        /// The round named.
        received: u32,
    },
    /// A round's `RoundEnd` or `Frozen` does not count what arrived.
    #[error(
        "round {round} announced {announced_pieces} pieces of {announced_bytes} bytes, \
         but {pieces} pieces of {bytes} bytes arrived"
    )]
    RoundMismatch {
        /// The round.
        round: u32,
        /// The pieces announced.
        announced_pieces: u32,
        /// The bytes announced.
        announced_bytes: u64,
        /// The pieces that arrived.
        pieces: u32,
        /// The bytes that arrived.
        bytes: u64,
    },
}
