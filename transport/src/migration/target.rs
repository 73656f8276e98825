//! The receiving side of a migration: checks the offer, collects classes and checkpoint, votes
//! by restoring, and waits for (or asks for) the source's decision.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use super::{ClassHash, Message, MigrationError, MigrationId, Time};

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
    /// Largest `Chunk` accepted; the source's `chunk_size` must not exceed it.
    pub max_chunk_len: u64,
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
    /// Length of the checkpoint document to come.
    pub checkpoint_len: u64,
    /// Every class the process needs.
    pub classes: Vec<ClassHash>,
}

/// What the target's caller must do. Every migration ends with exactly one `Start` or
/// `Discard`.
#[derive(Clone, PartialEq, Eq)]
pub enum TargetEvent {
    /// An acceptable offer arrived: call `Target::accept` or `Target::refuse`.
    Offered(Offered),
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
    },
    /// Classes arrive in the order of `missing`, then the checkpoint.
    Receiving {
        missing: Vec<ClassHash>,
        classes: Vec<(ClassHash, Vec<u8>)>,
        class_bytes: u64,
        checkpoint: Vec<u8>,
    },
    /// The caller is restoring.
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
    /// an `Offered` event is pending an answer.
    pub fn accept(&mut self, now: Time, mut holds: impl FnMut(&ClassHash) -> bool) {
        let State::Offered { classes } = &self.state else {
            return;
        };
        let mut seen = HashSet::new();
        let missing: Vec<ClassHash> = classes
            .iter()
            .filter(|hash| seen.insert(**hash) && !holds(hash))
            .copied()
            .collect();
        self.transmits.push_back(Message::Accept {
            missing: missing.clone(),
        });
        self.state = State::Receiving {
            missing,
            classes: Vec::new(),
            class_bytes: 0,
            checkpoint: Vec::new(),
        };
        // The caller's deliberation is not the source's silence.
        self.last_heard = now;
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

    /// The caller finished restoring after `Restore`: `Ok` votes to commit, `Err` aborts.
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
                },
            ) => self.receive_offer(id, meta, checkpoint_len, classes),
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
            ) => {
                let len = bytes.len() as u64;
                let total = class_bytes.saturating_add(len);
                let error = if missing.get(classes.len()) != Some(&hash) {
                    Some(MigrationError::ClassNotAsked(hash))
                } else if len > self.config.max_class_len {
                    Some(too_large("a class", len, self.config.max_class_len))
                } else if total > self.config.max_class_bytes {
                    Some(too_large("the classes", total, self.config.max_class_bytes))
                } else {
                    *class_bytes = total;
                    classes.push((hash, bytes));
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
            State::AwaitingOffer | State::Offered { .. } | State::Receiving { .. } => {
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
        };
        self.events.push_back(TargetEvent::Offered(Offered {
            id,
            meta,
            checkpoint_len,
            classes,
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
