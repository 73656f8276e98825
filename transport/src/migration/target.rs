//! The receiving side of a migration: checks the offer, collects classes and checkpoint (or
//! pre-copy rounds, for the caller to stage), votes by restoring, and waits for (or asks for)
//! the source's decision.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use super::{ClassHash, Message, MigrationError, MigrationId, PreCopyOffer, Time};

/// Limits and timeouts of the receiving side. The limits bound what a hostile or broken source
/// can make the target allocate: an offer over a limit is refused before anything is received.
#[derive(Clone, Debug)]
pub struct TargetConfig {
    /// Largest process metadata accepted in an offer.
    pub max_meta_len: u64,
    /// Largest checkpoint document accepted.
    pub max_checkpoint_len: u64,
    /// Most classes an offer may list.
    pub max_classes: u64,
    /// Largest single class file accepted.
    pub max_class_len: u64,
    /// Most class bytes accepted in one migration.
    pub max_class_bytes: u64,
    /// Largest `Chunk` or pre-copy `Piece` accepted; the source's `chunk_size` must not exceed
    /// it.
    pub max_chunk_len: u64,
    /// Most bytes of pre-copy pieces accepted in one migration, all rounds together: a pre-copy
    /// offer whose `max_bytes` is over this is refused.
    pub max_precopy_bytes: u64,
    /// Longest silence from the source before the offer or during the transfer.
    pub idle_timeout: Duration,
    /// How long to wait for `Commit` or `Abort` after voting before asking the source.
    pub commit_timeout: Duration,
    /// Delay before the second outcome query; doubles with each failed query.
    pub query_backoff_min: Duration,
    /// Cap of the doubling delay between outcome queries.
    pub query_backoff_max: Duration,
    /// How long one outcome query may go unanswered before it counts as failed.
    pub query_timeout: Duration,
}

impl Default for TargetConfig {
    fn default() -> Self {
        TargetConfig {
            max_meta_len: 64 << 10,
            max_checkpoint_len: 1 << 30,
            max_classes: 1 << 16,
            max_class_len: 16 << 20,
            max_class_bytes: 1 << 30,
            max_chunk_len: 4 << 20,
            max_precopy_bytes: 4 << 30,
            idle_timeout: Duration::from_secs(30),
            commit_timeout: Duration::from_secs(30),
            query_backoff_min: Duration::from_millis(200),
            query_backoff_max: Duration::from_secs(30),
            query_timeout: Duration::from_secs(10),
        }
    }
}

/// An offer within the limits, for the caller to accept or refuse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offered {
    /// The migration's id.
    pub id: MigrationId,
    /// Process metadata, opaque to the transport.
    pub meta: Vec<u8>,
    /// Length of the checkpoint document to come; 0 with pre-copy.
    pub checkpoint_len: u64,
    /// Every class the process needs.
    pub classes: Vec<ClassHash>,
    /// The pre-copy terms, if the source offers pre-copy. `Target::accept_precopy` takes it,
    /// `Target::accept` declines it (and the source then aborts).
    pub precopy: Option<PreCopyOffer>,
}

/// What the target's caller must do. Every migration ends with exactly one `Start` or
/// `Discard`.
///
/// A pre-copy migration brings, instead of `Restore`: one `Classes`, then for each round its
/// `Piece`s and a `RoundEnd` (or, for the final round, `Finish`), in the order they arrived.
#[derive(Clone, PartialEq, Eq)]
pub enum TargetEvent {
    /// An acceptable offer arrived: call `Target::accept` (or `Target::accept_precopy`) or
    /// `Target::refuse`.
    Offered(Offered),
    /// Pre-copy: every class the target asked for has arrived (none, if it held them all),
    /// before any piece: the pieces may use them.
    Classes {
        /// The classes that travelled, in the order asked for; the others the target holds.
        classes: Vec<(ClassHash, Vec<u8>)>,
    },
    /// Pre-copy: the next piece of a round, to stage in order.
    Piece {
        /// Its round.
        round: u32,
        /// The piece, opaque to the transport.
        bytes: Vec<u8>,
    },
    /// Pre-copy: every piece of `round` has arrived (counted and checked). Stage them, then call
    /// `Target::handle_applied` with the result.
    RoundEnd {
        /// The round.
        round: u32,
        /// Its pieces.
        pieces: u32,
        /// Their bytes.
        bytes: u64,
    },
    /// Pre-copy: the final round has arrived and the process is frozen at the source. Finish
    /// staging, keep the process frozen, and call `Target::handle_restored` with the result.
    Finish {
        /// Process metadata taken at the freeze (it replaces the offer's).
        meta: Vec<u8>,
    },
    /// Everything arrived: restore the process, keep it frozen, and call
    /// `Target::handle_restored` with the result.
    Restore {
        /// Process metadata from the offer.
        meta: Vec<u8>,
        /// The checkpoint document.
        checkpoint: Vec<u8>,
        /// The classes that travelled; the others the target said it holds.
        classes: Vec<(ClassHash, Vec<u8>)>,
    },
    /// The source committed: run the restored process.
    Start,
    /// The migration is over without the process here: drop whatever was received or restored.
    Discard {
        /// Why.
        reason: MigrationError,
    },
}

impl std::fmt::Debug for TargetEvent {
    /// Byte payloads show as lengths.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetEvent::Offered(offered) => f.debug_tuple("Offered").field(offered).finish(),
            TargetEvent::Classes { classes } => f
                .debug_struct("Classes")
                .field("classes", &classes.len())
                .finish(),
            TargetEvent::Piece { round, bytes } => f
                .debug_struct("Piece")
                .field("round", round)
                .field("len", &bytes.len())
                .finish(),
            TargetEvent::RoundEnd {
                round,
                pieces,
                bytes,
            } => f
                .debug_struct("RoundEnd")
                .field("round", round)
                .field("pieces", pieces)
                .field("bytes", bytes)
                .finish(),
            TargetEvent::Finish { meta } => f
                .debug_struct("Finish")
                .field("meta_len", &meta.len())
                .finish(),
            TargetEvent::Restore {
                meta,
                checkpoint,
                classes,
            } => f
                .debug_struct("Restore")
                .field("meta_len", &meta.len())
                .field("checkpoint_len", &checkpoint.len())
                .field("classes", &classes.len())
                .finish(),
            TargetEvent::Start => f.write_str("Start"),
            TargetEvent::Discard { reason } => {
                f.debug_struct("Discard").field("reason", reason).finish()
            }
        }
    }
}

#[derive(Debug)]
enum State {
    AwaitingOffer,
    /// The caller is deciding whether to accept.
    Offered {
        classes: Vec<ClassHash>,
        precopy: Option<PreCopyOffer>,
    },
    /// Classes arrive in the order of `missing`, then the checkpoint.
    Receiving {
        missing: Vec<ClassHash>,
        classes: Vec<(ClassHash, Vec<u8>)>,
        class_bytes: u64,
        checkpoint: Vec<u8>,
    },
    /// Pre-copy: classes arrive in the order of `missing` (handed over in `Classes` once all
    /// are in, `received` counting them), then the rounds. Pieces of `round` arrive now; rounds
    /// before it have ended, and the caller has applied those before `applied`.
    PreCopy {
        missing: Vec<ClassHash>,
        classes: Vec<(ClassHash, Vec<u8>)>,
        received: usize,
        class_bytes: u64,
        /// The offer's bound on all pieces.
        max_bytes: u64,
        round: u32,
        pieces: u32,
        bytes: u64,
        /// Bytes of all pieces so far.
        total: u64,
        applied: u32,
    },
    /// The caller is restoring (pre-copy: finishing the staging).
    Restoring,
    /// Voted (`Restored` queued); waiting for the decision since `since`.
    AwaitingCommit {
        since: Time,
    },
    /// Voted and lost touch with the source: asking it for the decision.
    InDoubt {
        /// When the next query may go out.
        next_query: Time,
        /// The deadline of the query in flight, if one is.
        outstanding_until: Option<Time>,
        /// The delay after the next failure.
        backoff: Duration,
    },
    Done,
}

/// The target of one migration: a sans-IO state machine.
///
/// The driver creates it when a migration stream opens, then on every wake-up:
/// 1. feeds what happened: [`handle_message`](Self::handle_message) for each message received
///    (on the migration stream, or an `Outcome` on a query connection),
///    [`handle_malformed`](Self::handle_malformed), [`handle_connection_lost`](Self::handle_connection_lost)
///    for the migration connection, [`handle_query_failed`](Self::handle_query_failed) for a
///    query connection, [`handle_timeout`](Self::handle_timeout) when the instant from
///    `poll_timeout` has come, and the caller's answers [`accept`](Self::accept) /
///    [`refuse`](Self::refuse) and [`handle_restored`](Self::handle_restored);
/// 2. drains [`poll_event`](Self::poll_event) and acts on each event;
/// 3. drains [`poll_transmit`](Self::poll_transmit) onto the migration stream;
/// 4. sends what [`poll_query`](Self::poll_query) returns on a fresh connection to the source;
/// 5. sleeps until [`poll_timeout`](Self::poll_timeout), or until I/O arrives.
///
/// Once it has voted (`Restored`), the target never decides on its own: it holds the frozen
/// process until the source's `Commit`/`Abort` or an `Outcome` says what to do.
///
/// Pre-copy ([`accept_precopy`](Self::accept_precopy)) replaces the checkpoint with rounds: the
/// caller stages each `Piece` event, answers each `RoundEnd` with
/// [`handle_applied`](Self::handle_applied), and after `Finish` (the process is frozen at the
/// source) finishes the staging and votes with `handle_restored`, as after `Restore`. Nothing
/// but `Commit` or `Abort` may follow `Frozen`, and the vote needs it: a process never starts
/// here from rounds alone.
#[derive(Debug)]
pub struct Target {
    config: TargetConfig,
    state: State,
    id: Option<MigrationId>,
    meta: Vec<u8>,
    checkpoint_len: u64,
    /// When the source was last heard from, for the idle timeout.
    last_heard: Time,
    transmits: VecDeque<Message>,
    events: VecDeque<TargetEvent>,
    connection_open: bool,
}

impl Target {
    /// A target waiting for the offer on a newly opened migration stream.
    pub fn new(now: Time, config: TargetConfig) -> Self {
        Target {
            config,
            state: State::AwaitingOffer,
            id: None,
            meta: Vec::new(),
            checkpoint_len: 0,
            last_heard: now,
            transmits: VecDeque::new(),
            events: VecDeque::new(),
            connection_open: true,
        }
    }

    /// The migration's id, once the offer has arrived.
    pub fn id(&self) -> Option<MigrationId> {
        self.id
    }

    /// Whether the migration is over (`Start` or `Discard` emitted) and everything polled.
    pub fn is_finished(&self) -> bool {
        matches!(self.state, State::Done) && self.transmits.is_empty() && self.events.is_empty()
    }

    /// Whether the target has voted and not yet learnt the decision: the frozen process must be
    /// neither run nor dropped.
    pub fn is_in_doubt(&self) -> bool {
        matches!(
            self.state,
            State::AwaitingCommit { .. } | State::InDoubt { .. }
        )
    }

    /// The caller accepts the offer; `holds` says which classes it already has. Ignored unless
    /// an `Offered` event is pending an answer. A caller that cannot stage pre-copy rounds
    /// accepts this way: it declines a pre-copy offer (`Accept` without pre-copy, after which
    /// the source aborts and may retry the classic way) and ends with `Discard`.
    pub fn accept(&mut self, now: Time, holds: impl FnMut(&ClassHash) -> bool) {
        self.answer(now, holds, false);
    }

    /// As [`accept`](Self::accept), but takes pre-copy if the offer has it: the rounds then
    /// arrive as `Classes`, `Piece`, `RoundEnd` and `Finish` events.
    pub fn accept_precopy(&mut self, now: Time, holds: impl FnMut(&ClassHash) -> bool) {
        self.answer(now, holds, true);
    }

    fn answer(&mut self, now: Time, mut holds: impl FnMut(&ClassHash) -> bool, precopy: bool) {
        let State::Offered {
            classes,
            precopy: offered,
        } = &self.state
        else {
            return;
        };
        let offered = *offered;
        if offered.is_some() && !precopy {
            self.transmits.push_back(Message::Accept {
                missing: Vec::new(),
                precopy: false,
            });
            return self.finish(TargetEvent::Discard {
                reason: MigrationError::PreCopyDeclined,
            });
        }
        let mut seen = HashSet::new();
        let missing: Vec<ClassHash> = classes
            .iter()
            .filter(|hash| seen.insert(**hash) && !holds(hash))
            .copied()
            .collect();
        self.transmits.push_back(Message::Accept {
            missing: missing.clone(),
            precopy: offered.is_some(),
        });
        self.state = match offered {
            None => State::Receiving {
                missing,
                classes: Vec::new(),
                class_bytes: 0,
                checkpoint: Vec::new(),
            },
            Some(offer) => {
                // `Frozen` brings the metadata to use.
                self.meta = Vec::new();
                if missing.is_empty() {
                    self.events.push_back(TargetEvent::Classes {
                        classes: Vec::new(),
                    });
                }
                State::PreCopy {
                    missing,
                    classes: Vec::new(),
                    received: 0,
                    class_bytes: 0,
                    max_bytes: offer.max_bytes,
                    round: 0,
                    pieces: 0,
                    bytes: 0,
                    total: 0,
                    applied: 0,
                }
            }
        };
        // The caller's deliberation is not the source's silence.
        self.last_heard = now;
    }

    /// Pre-copy: the caller staged every piece of `round` after its `RoundEnd` (`Ok`), or could
    /// not stage a piece (`Err`, any round: the migration aborts, as when a restore fails).
    /// `Ok` sends `Applied`; it is ignored unless `round` is the oldest round ended and not yet
    /// applied. Ignored if the migration was abandoned meanwhile.
    pub fn handle_applied(&mut self, now: Time, round: u32, result: Result<(), String>) {
        match (&mut self.state, result) {
            (
                State::PreCopy {
                    round: current,
                    applied,
                    ..
                },
                Ok(()),
            ) if round == *applied && round < *current => {
                *applied += 1;
                self.transmits.push_back(Message::Applied { round });
                // Staging is not the source's silence either.
                self.last_heard = now;
            }
            (State::PreCopy { .. } | State::Restoring, Err(reason)) => {
                self.abort(MigrationError::RestoreFailed { reason }, true)
            }
            _ => {}
        }
    }

    /// The caller declines the offer (overloaded, say). Ignored unless an `Offered` event is
    /// pending an answer.
    pub fn refuse(&mut self, _now: Time, reason: String) {
        if matches!(self.state, State::Offered { .. }) {
            self.transmits.push_back(Message::Refuse {
                reason: reason.clone(),
            });
            self.finish(TargetEvent::Discard {
                reason: MigrationError::Refused { reason },
            });
        }
    }

    /// The caller finished restoring after `Restore` (or staging after `Finish`): `Ok` votes to
    /// commit, `Err` aborts.
    /// Ignored if the migration was abandoned meanwhile (a `Discard` is then pending or polled).
    pub fn handle_restored(&mut self, now: Time, result: Result<(), String>) {
        if !matches!(self.state, State::Restoring) {
            return;
        }
        match result {
            // From here on the vote may have reached the source, so the target is in doubt
            // even while `Restored` still sits in the queue.
            Ok(()) => {
                self.transmits.push_back(Message::Restored);
                self.state = State::AwaitingCommit { since: now };
            }
            Err(reason) => self.abort(MigrationError::RestoreFailed { reason }, true),
        }
    }

    /// A message arrived: on the migration stream, or an `Outcome` on a query connection.
    pub fn handle_message(&mut self, now: Time, message: Message) {
        self.last_heard = now;
        match (&mut self.state, message) {
            (State::Done, _) => {}
            (
                State::AwaitingOffer,
                Message::Offer {
                    id,
                    meta,
                    checkpoint_len,
                    classes,
                    precopy,
                },
            ) => self.receive_offer(id, meta, checkpoint_len, classes, precopy),
            (State::AwaitingCommit { .. } | State::InDoubt { .. }, Message::Commit) => {
                self.finish_committed()
            }
            (
                State::AwaitingCommit { .. } | State::InDoubt { .. },
                Message::Outcome { id, committed },
            ) if Some(id) == self.id => {
                if committed {
                    self.finish_committed()
                } else {
                    let reason = "the source answered that it aborted".to_owned();
                    self.abort(MigrationError::AbortedByPeer { reason }, false)
                }
            }
            (_, Message::Abort { reason }) => {
                self.abort(MigrationError::AbortedByPeer { reason }, false)
            }
            (
                State::Receiving {
                    missing,
                    classes,
                    class_bytes,
                    ..
                },
                Message::Class { hash, bytes },
            ) => match check_class(
                &self.config,
                missing,
                classes.len(),
                class_bytes,
                hash,
                &bytes,
            ) {
                Ok(()) => classes.push((hash, bytes)),
                Err(error) => self.fail(now, error),
            },
            (
                State::PreCopy {
                    missing,
                    classes,
                    received,
                    class_bytes,
                    ..
                },
                Message::Class { hash, bytes },
            ) => match check_class(&self.config, missing, *received, class_bytes, hash, &bytes) {
                Ok(()) => {
                    classes.push((hash, bytes));
                    *received += 1;
                    if *received == missing.len() {
                        let classes = std::mem::take(classes);
                        self.events.push_back(TargetEvent::Classes { classes });
                    }
                }
                Err(error) => self.fail(now, error),
            },
            (
                State::PreCopy {
                    missing,
                    received,
                    max_bytes,
                    round,
                    pieces,
                    bytes: round_bytes,
                    total,
                    ..
                },
                Message::Piece {
                    round: named,
                    bytes,
                },
            ) => {
                let len = bytes.len() as u64;
                let new_total = total.saturating_add(len);
                let error = if *received < missing.len() {
                    Some(MigrationError::ClassesMissing {
                        missing: missing.len() - *received,
                    })
                } else if named != *round {
                    Some(MigrationError::RoundOutOfOrder {
                        expected: *round,
                        received: named,
                    })
                } else if len > self.config.max_chunk_len {
                    Some(too_large("a piece", len, self.config.max_chunk_len))
                } else if new_total > *max_bytes {
                    Some(too_large("the pre-copy pieces", new_total, *max_bytes))
                } else if let Some(count) = pieces.checked_add(1) {
                    *pieces = count;
                    *round_bytes += len;
                    *total = new_total;
                    self.events.push_back(TargetEvent::Piece {
                        round: named,
                        bytes,
                    });
                    None
                } else {
                    Some(too_large(
                        "the pieces of a round",
                        u64::from(u32::MAX) + 1,
                        u32::MAX.into(),
                    ))
                };
                if let Some(error) = error {
                    self.fail(now, error);
                }
            }
            (
                State::PreCopy {
                    missing,
                    received,
                    round,
                    pieces,
                    bytes,
                    ..
                },
                Message::RoundEnd {
                    round: named,
                    pieces: announced_pieces,
                    bytes: announced_bytes,
                },
            ) => {
                let error = check_round_end(
                    missing.len() - *received,
                    (*round, *pieces, *bytes),
                    (named, announced_pieces, announced_bytes),
                )
                .and_then(|()| {
                    round.checked_add(1).ok_or_else(|| {
                        too_large("the rounds", u64::from(u32::MAX) + 1, u32::MAX.into())
                    })
                });
                match error {
                    Ok(next) => {
                        self.events.push_back(TargetEvent::RoundEnd {
                            round: named,
                            pieces: announced_pieces,
                            bytes: announced_bytes,
                        });
                        *round = next;
                        *pieces = 0;
                        *bytes = 0;
                    }
                    Err(error) => self.fail(now, error),
                }
            }
            (
                State::PreCopy {
                    missing,
                    received,
                    round,
                    pieces,
                    bytes,
                    ..
                },
                Message::Frozen {
                    round: named,
                    pieces: announced_pieces,
                    bytes: announced_bytes,
                    meta,
                },
            ) => {
                let error = check_round_end(
                    missing.len() - *received,
                    (*round, *pieces, *bytes),
                    (named, announced_pieces, announced_bytes),
                )
                .and_then(|()| {
                    let len = meta.len() as u64;
                    if len > self.config.max_meta_len {
                        Err(too_large("the metadata", len, self.config.max_meta_len))
                    } else {
                        Ok(())
                    }
                });
                match error {
                    Ok(()) => {
                        self.events.push_back(TargetEvent::Finish { meta });
                        self.state = State::Restoring;
                    }
                    Err(error) => self.fail(now, error),
                }
            }
            (
                State::Receiving {
                    missing,
                    classes,
                    checkpoint,
                    ..
                },
                Message::Chunk { bytes },
            ) => {
                let received = (checkpoint.len() as u64).saturating_add(bytes.len() as u64);
                let error = if classes.len() < missing.len() {
                    Some(MigrationError::ClassesMissing {
                        missing: missing.len() - classes.len(),
                    })
                } else if bytes.len() as u64 > self.config.max_chunk_len {
                    Some(too_large(
                        "a chunk",
                        bytes.len() as u64,
                        self.config.max_chunk_len,
                    ))
                } else if received > self.checkpoint_len {
                    Some(MigrationError::LengthMismatch {
                        announced: self.checkpoint_len,
                        received,
                    })
                } else {
                    append_bounded(checkpoint, &bytes, self.checkpoint_len);
                    None
                };
                if let Some(error) = error {
                    self.fail(now, error);
                }
            }
            (
                State::Receiving {
                    missing,
                    classes,
                    checkpoint,
                    ..
                },
                Message::End { checkpoint_len },
            ) => {
                let received = checkpoint.len() as u64;
                let error = if classes.len() < missing.len() {
                    Some(MigrationError::ClassesMissing {
                        missing: missing.len() - classes.len(),
                    })
                } else if checkpoint_len != self.checkpoint_len || received != self.checkpoint_len {
                    let received = if checkpoint_len != self.checkpoint_len {
                        checkpoint_len
                    } else {
                        received
                    };
                    Some(MigrationError::LengthMismatch {
                        announced: self.checkpoint_len,
                        received,
                    })
                } else {
                    None
                };
                match error {
                    Some(error) => self.fail(now, error),
                    None => {
                        let event = TargetEvent::Restore {
                            meta: std::mem::take(&mut self.meta),
                            checkpoint: std::mem::take(checkpoint),
                            classes: std::mem::take(classes),
                        };
                        self.events.push_back(event);
                        self.state = State::Restoring;
                    }
                }
            }
            (_, message) => {
                let error = MigrationError::Unexpected {
                    message: message.kind(),
                    phase: self.phase(),
                };
                self.fail(now, error);
            }
        }
    }

    /// A frame arrived that did not decode. In doubt, this counts as a failed query.
    pub fn handle_malformed(&mut self, now: Time, detail: String) {
        if matches!(self.state, State::InDoubt { .. }) {
            self.handle_query_failed(now);
        } else {
            self.fail(now, MigrationError::Malformed { detail });
        }
    }

    /// The migration stream or its connection broke. Before the vote this discards (the source
    /// cannot commit without the vote); after it, the target is in doubt and will ask.
    pub fn handle_connection_lost(&mut self, now: Time) {
        self.connection_open = false;
        match self.state {
            State::AwaitingCommit { .. } => {
                self.transmits.clear();
                self.enter_doubt(now);
            }
            State::InDoubt { .. } | State::Done => self.transmits.clear(),
            _ => {
                let error = MigrationError::ConnectionLost {
                    phase: self.phase(),
                };
                self.abort(error, false);
            }
        }
    }

    /// The outcome query last returned by `poll_query` failed (no connection, no answer).
    pub fn handle_query_failed(&mut self, now: Time) {
        let max = self.config.query_backoff_max;
        if let State::InDoubt {
            next_query,
            outstanding_until,
            backoff,
        } = &mut self.state
            && outstanding_until.is_some()
        {
            *outstanding_until = None;
            *next_query = now + *backoff;
            *backoff = (*backoff * 2).min(max);
        }
    }

    /// The instant from `poll_timeout` has come (calling it early or late is harmless).
    pub fn handle_timeout(&mut self, now: Time) {
        if self.poll_timeout().is_none_or(|at| now < at) {
            return;
        }
        match self.state {
            State::AwaitingOffer
            | State::Offered { .. }
            | State::Receiving { .. }
            | State::PreCopy { .. } => {
                let error = MigrationError::Timeout {
                    phase: self.phase(),
                };
                self.fail(now, error);
            }
            State::AwaitingCommit { .. } => self.enter_doubt(now),
            State::InDoubt {
                outstanding_until: Some(_),
                ..
            } => self.handle_query_failed(now),
            // A query is due: `poll_query` hands it out.
            State::InDoubt {
                outstanding_until: None,
                ..
            }
            | State::Restoring
            | State::Done => {}
        }
    }

    /// The next event for the caller.
    pub fn poll_event(&mut self) -> Option<TargetEvent> {
        self.events.pop_front()
    }

    /// The next message to send on the migration stream.
    pub fn poll_transmit(&mut self) -> Option<Message> {
        self.transmits.pop_front()
    }

    /// An `OutcomeQuery` to send to the source on a new connection, when one is due. Its answer
    /// goes to `handle_message`, its failure to `handle_query_failed`.
    pub fn poll_query(&mut self, now: Time) -> Option<Message> {
        let query_timeout = self.config.query_timeout;
        let State::InDoubt {
            next_query,
            outstanding_until,
            ..
        } = &mut self.state
        else {
            return None;
        };
        if outstanding_until.is_some() || now < *next_query {
            return None;
        }
        *outstanding_until = Some(now + query_timeout);
        self.id.map(|id| Message::OutcomeQuery { id })
    }

    /// When to call `handle_timeout` (or `poll_query`) next, if ever.
    pub fn poll_timeout(&self) -> Option<Time> {
        match self.state {
            State::AwaitingOffer | State::Offered { .. } | State::Receiving { .. } => {
                Some(self.last_heard + self.config.idle_timeout)
            }
            // While the caller stages a round the source waits for `Applied`: its silence is
            // expected, and its round timeout covers a caller that never finishes.
            State::PreCopy { round, applied, .. } if applied < round => None,
            State::PreCopy { .. } => Some(self.last_heard + self.config.idle_timeout),
            State::AwaitingCommit { since } => Some(since + self.config.commit_timeout),
            State::InDoubt {
                outstanding_until: Some(until),
                ..
            } => Some(until),
            State::InDoubt { next_query, .. } => Some(next_query),
            State::Restoring | State::Done => None,
        }
    }

    fn receive_offer(
        &mut self,
        id: MigrationId,
        meta: Vec<u8>,
        checkpoint_len: u64,
        classes: Vec<ClassHash>,
        precopy: Option<PreCopyOffer>,
    ) {
        self.id = Some(id);
        let config = &self.config;
        let error = if meta.len() as u64 > config.max_meta_len {
            Some(too_large(
                "the metadata",
                meta.len() as u64,
                config.max_meta_len,
            ))
        } else if checkpoint_len > config.max_checkpoint_len {
            Some(too_large(
                "the checkpoint",
                checkpoint_len,
                config.max_checkpoint_len,
            ))
        } else if classes.len() as u64 > config.max_classes {
            Some(too_large(
                "the class list",
                classes.len() as u64,
                config.max_classes,
            ))
        } else if precopy.is_some() && checkpoint_len != 0 {
            Some(MigrationError::InvalidOffer {
                detail: "a pre-copy offer announces a checkpoint",
            })
        } else if let Some(offer) = precopy
            && offer.max_bytes > config.max_precopy_bytes
        {
            Some(too_large(
                "the pre-copy",
                offer.max_bytes,
                config.max_precopy_bytes,
            ))
        } else {
            None
        };
        if let Some(error) = error {
            self.transmits.push_back(Message::Refuse {
                reason: error.to_string(),
            });
            return self.finish(TargetEvent::Discard { reason: error });
        }
        self.meta = meta.clone();
        self.checkpoint_len = checkpoint_len;
        self.state = State::Offered {
            classes: classes.clone(),
            precopy,
        };
        self.events.push_back(TargetEvent::Offered(Offered {
            id,
            meta,
            checkpoint_len,
            classes,
            precopy,
        }));
    }

    /// A failure: before the vote it aborts and tells the source; after the vote the target has
    /// no say, so it only stops listening to this connection and asks for the decision.
    fn fail(&mut self, now: Time, error: MigrationError) {
        match self.state {
            State::AwaitingCommit { .. } => self.enter_doubt(now),
            State::InDoubt { .. } | State::Done => {}
            _ => self.abort(error, true),
        }
    }

    fn abort(&mut self, reason: MigrationError, notify_peer: bool) {
        debug_assert!(
            !self.is_in_doubt() || !notify_peer,
            "a target that voted cannot abort"
        );
        if notify_peer && self.connection_open {
            self.transmits.push_back(Message::Abort {
                reason: reason.to_string(),
            });
        }
        self.finish(TargetEvent::Discard { reason });
    }

    fn finish_committed(&mut self) {
        self.transmits.clear();
        self.finish(TargetEvent::Start);
    }

    fn finish(&mut self, event: TargetEvent) {
        self.state = State::Done;
        self.meta = Vec::new();
        self.events.push_back(event);
    }

    fn enter_doubt(&mut self, now: Time) {
        self.state = State::InDoubt {
            next_query: now,
            outstanding_until: None,
            backoff: self.config.query_backoff_min,
        };
    }

    fn phase(&self) -> &'static str {
        match self.state {
            State::AwaitingOffer => "waiting for an offer",
            State::Offered { .. } => "waiting for the caller to accept",
            State::Receiving { .. } => "receiving classes and checkpoint",
            State::PreCopy { .. } => "receiving pre-copy rounds",
            State::Restoring => "restoring",
            State::AwaitingCommit { .. } => "waiting for the decision",
            State::InDoubt { .. } => "in doubt",
            State::Done => "finished",
        }
    }
}

fn too_large(what: &'static str, len: u64, limit: u64) -> MigrationError {
    MigrationError::TooLarge { what, len, limit }
}

/// Checks the next class (`received` have arrived) against the one asked for next and the
/// limits, and counts its bytes.
fn check_class(
    config: &TargetConfig,
    missing: &[ClassHash],
    received: usize,
    class_bytes: &mut u64,
    hash: ClassHash,
    bytes: &[u8],
) -> Result<(), MigrationError> {
    let len = bytes.len() as u64;
    let total = class_bytes.saturating_add(len);
    if missing.get(received) != Some(&hash) {
        Err(MigrationError::ClassNotAsked(hash))
    } else if len > config.max_class_len {
        Err(too_large("a class", len, config.max_class_len))
    } else if total > config.max_class_bytes {
        Err(too_large("the classes", total, config.max_class_bytes))
    } else {
        *class_bytes = total;
        Ok(())
    }
}

/// Checks a `RoundEnd` or `Frozen` naming `(round, pieces, bytes)` against the round in
/// progress and what arrived of it, with `owed` asked-for classes still to come.
fn check_round_end(
    owed: usize,
    (round, pieces, bytes): (u32, u32, u64),
    (named, announced_pieces, announced_bytes): (u32, u32, u64),
) -> Result<(), MigrationError> {
    if owed > 0 {
        Err(MigrationError::ClassesMissing { missing: owed })
    } else if named != round {
        Err(MigrationError::RoundOutOfOrder {
            expected: round,
            received: named,
        })
    } else if (announced_pieces, announced_bytes) != (pieces, bytes) {
        Err(MigrationError::RoundMismatch {
            round,
            announced_pieces,
            announced_bytes,
            pieces,
            bytes,
        })
    } else {
        Ok(())
    }
}

/// Appends `bytes`, growing the buffer by doubling but never past the announced length: the
/// capacity stays within twice what actually arrived, so a false announcement buys nothing.
pub(super) fn append_bounded(buffer: &mut Vec<u8>, bytes: &[u8], announced: u64) {
    let needed = buffer.len() + bytes.len();
    if needed > buffer.capacity() {
        let announced = usize::try_from(announced).unwrap_or(usize::MAX);
        let target = needed.max(buffer.capacity() * 2).min(announced.max(needed));
        buffer.reserve_exact(target - buffer.len());
    }
    buffer.extend_from_slice(bytes);
}
