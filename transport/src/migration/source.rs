//! The sending side of a migration: offers the process, streams what the target lacks, and
//! coordinates the commit.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::Duration;

use super::{ClassHash, Decision, Message, MigrationError, MigrationId, Time};

/// Limits and timeouts of the sending side.
#[derive(Clone, Debug)]
pub struct SourceConfig {
    /// Largest checkpoint piece per `Chunk` message. Must not exceed the target's
    /// `max_chunk_len`.
    pub chunk_size: usize,
    /// How long the target may take to accept or refuse the offer.
    pub answer_timeout: Duration,
    /// Fixed part of the time allowed from the offer to the target's `Restored`.
    pub restore_allowance: Duration,
    /// Added to `restore_allowance` per started MiB of checkpoint and class bytes, so a large
    /// process is not aborted for being large (1 s per MiB: slower than 8 Mbit/s is a failure).
    pub allowance_per_mib: Duration,
}

impl Default for SourceConfig {
    fn default() -> Self {
        SourceConfig {
            chunk_size: 1 << 20,
            answer_timeout: Duration::from_secs(10),
            restore_allowance: Duration::from_secs(30),
            allowance_per_mib: Duration::from_secs(1),
        }
    }
}

/// What the source's caller must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceEvent {
    /// The target holds the restored process and the decision is commit: drop the frozen copy
    /// and record [`Decision::Committed`] before sending anything more.
    Committed,
    /// The migration failed before the target's vote, or after it but before the decision:
    /// record [`Decision::Aborted`] and resume the frozen process here.
    ResumeLocally {
        /// Why the migration failed.
        reason: MigrationError,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// `Offer` queued or sent; waiting for `Accept` or `Refuse`.
    Offering,
    /// Streaming the missing classes, then the checkpoint, then `End`; then waiting for
    /// `Restored`. `next_class` indexes `missing`, `offset` the checkpoint.
    Transferring {
        next_class: usize,
        offset: usize,
        end_sent: bool,
    },
    /// The decision is made; nothing the target says can change it.
    Decided,
}

/// The source of one migration: a sans-IO state machine.
///
/// The driver creates it (after `Decisions::begin`), then on every wake-up:
/// 1. feeds what happened: [`handle_message`](Self::handle_message) for each message received on
///    the migration stream, [`handle_malformed`](Self::handle_malformed) for one that did not
///    decode, [`handle_connection_lost`](Self::handle_connection_lost),
///    [`handle_timeout`](Self::handle_timeout) when the instant from `poll_timeout` has come, or
///    [`abort`](Self::abort) to cancel (or to settle an `OutcomeQuery` for a pending migration);
/// 2. drains [`poll_event`](Self::poll_event) *before* transmitting: `Commit` is released for
///    sending only once `Committed` has been polled, so the decision is recorded first;
/// 3. drains [`poll_transmit`](Self::poll_transmit) while the stream accepts data (chunks are
///    cut lazily, so stopping at back-pressure costs no memory);
/// 4. sleeps until [`poll_timeout`](Self::poll_timeout), or until I/O arrives.
///
/// It is done when [`is_finished`](Self::is_finished); the stream can then be finished.
#[derive(Debug)]
pub struct Source {
    id: MigrationId,
    config: SourceConfig,
    state: State,
    /// The checkpoint document, sliced into chunks as they are polled.
    checkpoint: Vec<u8>,
    /// Every class the process needs, deduplicated; bytes are moved out as they are sent.
    classes: Vec<(ClassHash, Vec<u8>)>,
    /// Indexes into `classes` of those the target asked for, in its order.
    missing: Vec<usize>,
    answer_deadline: Time,
    restore_deadline: Time,
    decision: Option<Decision>,
    /// Messages that are not cut from the checkpoint: `Offer`, `Commit`, `Abort`.
    transmits: VecDeque<Message>,
    events: VecDeque<SourceEvent>,
    connection_open: bool,
    /// The `Offer` has been handed to the driver (an `Abort` before it would confuse nobody, but
    /// would be a pointless message).
    offer_sent: bool,
}

impl Source {
    /// Starts migrating a frozen process: `meta` is opaque process metadata, `checkpoint` the
    /// checkpoint document without class bytes, `classes` every class the process needs by hash
    /// (duplicate hashes are sent once).
    pub fn new(
        now: Time,
        id: MigrationId,
        meta: Vec<u8>,
        checkpoint: Vec<u8>,
        classes: Vec<(ClassHash, Vec<u8>)>,
        config: SourceConfig,
    ) -> Self {
        let mut seen = HashSet::new();
        let classes: Vec<_> = classes
            .into_iter()
            .filter(|(hash, _)| seen.insert(*hash))
            .collect();
        let total_bytes = classes
            .iter()
            .map(|(_, bytes)| bytes.len() as u64)
            .sum::<u64>()
            + checkpoint.len() as u64;
        let mib = total_bytes.div_ceil(1 << 20);
        let per_mib = u64::try_from(config.allowance_per_mib.as_micros()).unwrap_or(u64::MAX);
        let allowance =
            config.restore_allowance + Duration::from_micros(per_mib.saturating_mul(mib));
        let offer = Message::Offer {
            id,
            meta,
            checkpoint_len: checkpoint.len() as u64,
            classes: classes.iter().map(|(hash, _)| *hash).collect(),
        };
        Source {
            id,
            state: State::Offering,
            checkpoint,
            classes,
            missing: Vec::new(),
            answer_deadline: now + config.answer_timeout,
            restore_deadline: now + allowance,
            config,
            decision: None,
            transmits: VecDeque::from([offer]),
            events: VecDeque::new(),
            connection_open: true,
            offer_sent: false,
        }
    }

    /// The migration's id.
    pub fn id(&self) -> MigrationId {
        self.id
    }

    /// The decision, once made.
    pub fn decision(&self) -> Option<Decision> {
        self.decision
    }

    /// Whether the decision is made and everything to send and report has been polled.
    pub fn is_finished(&self) -> bool {
        self.decision.is_some() && self.transmits.is_empty() && self.events.is_empty()
    }

    /// A message arrived on the migration stream.
    pub fn handle_message(&mut self, _now: Time, message: Message) {
        match (self.state, message) {
            // After the decision nothing can change it; a crossing `Abort` is expected.
            (State::Decided, _) => {}
            (_, Message::Abort { reason }) => {
                self.decide_abort(MigrationError::AbortedByPeer { reason }, false)
            }
            (State::Offering, Message::Refuse { reason }) => {
                self.decide_abort(MigrationError::Refused { reason }, false)
            }
            (State::Offering, Message::Accept { missing }) => match self.resolve(&missing) {
                Ok(indexes) => {
                    self.missing = indexes;
                    self.state = State::Transferring {
                        next_class: 0,
                        offset: 0,
                        end_sent: false,
                    };
                }
                Err(error) => self.decide_abort(error, true),
            },
            (State::Transferring { end_sent: true, .. }, Message::Restored) => {
                self.decision = Some(Decision::Committed);
                self.state = State::Decided;
                // `Commit` is queued when this event is polled: see `poll_event`.
                self.events.push_back(SourceEvent::Committed);
            }
            (_, message) => {
                let error = MigrationError::Unexpected {
                    message: message.kind(),
                    phase: self.phase(),
                };
                self.decide_abort(error, true);
            }
        }
    }

    /// A frame arrived on the migration stream that did not decode.
    pub fn handle_malformed(&mut self, _now: Time, detail: String) {
        if self.decision.is_none() {
            self.decide_abort(MigrationError::Malformed { detail }, true);
        }
    }

    /// The migration stream or its connection broke. Before the decision this aborts: the
    /// target cannot have been told to commit, and if it voted it will ask.
    pub fn handle_connection_lost(&mut self, _now: Time) {
        self.connection_open = false;
        self.transmits.clear();
        if self.decision.is_none() {
            let error = MigrationError::ConnectionLost {
                phase: self.phase(),
            };
            self.decide_abort(error, false);
        }
    }

    /// The instant from `poll_timeout` has come (calling it early or late is harmless).
    pub fn handle_timeout(&mut self, now: Time) {
        if let Some(deadline) = self.deadline()
            && now >= deadline
        {
            let error = MigrationError::Timeout {
                phase: self.phase(),
            };
            self.decide_abort(error, true);
        }
    }

    /// The caller abandons the migration, e.g. because the target asked for the outcome while it
    /// is still pending. Returns the decision, which is `Committed` if that came first.
    pub fn abort(&mut self, _now: Time, reason: String) -> Decision {
        if self.decision.is_none() {
            self.decide_abort(MigrationError::Cancelled { reason }, true);
        }
        self.decision.unwrap_or(Decision::Aborted)
    }

    /// The next event for the caller. Poll these before `poll_transmit`.
    pub fn poll_event(&mut self) -> Option<SourceEvent> {
        let event = self.events.pop_front()?;
        if event == SourceEvent::Committed && self.connection_open {
            self.transmits.push_back(Message::Commit);
        }
        Some(event)
    }

    /// The next message to send on the migration stream, cut from the checkpoint on demand.
    pub fn poll_transmit(&mut self) -> Option<Message> {
        if let Some(message) = self.transmits.pop_front() {
            if matches!(message, Message::Offer { .. }) {
                self.offer_sent = true;
            }
            return Some(message);
        }
        let State::Transferring {
            next_class,
            offset,
            end_sent,
        } = &mut self.state
        else {
            return None;
        };
        if let Some(&index) = self.missing.get(*next_class) {
            *next_class += 1;
            let (hash, bytes) = &mut self.classes[index];
            return Some(Message::Class {
                hash: *hash,
                bytes: std::mem::take(bytes),
            });
        }
        if *offset < self.checkpoint.len() {
            let end = self
                .checkpoint
                .len()
                .min(*offset + self.config.chunk_size.max(1));
            let bytes = self.checkpoint[*offset..end].to_vec();
            *offset = end;
            return Some(Message::Chunk { bytes });
        }
        if !*end_sent {
            *end_sent = true;
            return Some(Message::End {
                checkpoint_len: self.checkpoint.len() as u64,
            });
        }
        None
    }

    /// When to call `handle_timeout` next, if ever.
    pub fn poll_timeout(&self) -> Option<Time> {
        self.deadline()
    }

    fn deadline(&self) -> Option<Time> {
        match self.state {
            State::Offering => Some(self.answer_deadline.min(self.restore_deadline)),
            State::Transferring { .. } => Some(self.restore_deadline),
            State::Decided => None,
        }
    }

    fn phase(&self) -> &'static str {
        match self.state {
            State::Offering => "waiting for an answer to the offer",
            State::Transferring {
                end_sent: false, ..
            } => "sending classes and checkpoint",
            State::Transferring { end_sent: true, .. } => "waiting for the target to restore",
            State::Decided => "decided",
        }
    }

    /// Checks the target's list of missing classes against the offer and maps it to indexes.
    fn resolve(&self, missing: &[ClassHash]) -> Result<Vec<usize>, MigrationError> {
        let mut offered: HashMap<ClassHash, usize> = self
            .classes
            .iter()
            .enumerate()
            .map(|(index, (hash, _))| (*hash, index))
            .collect();
        // Removing on use also rejects a hash asked for twice.
        missing
            .iter()
            .map(|hash| {
                offered
                    .remove(hash)
                    .ok_or(MigrationError::ClassNotOffered(*hash))
            })
            .collect()
    }

    fn decide_abort(&mut self, reason: MigrationError, notify_peer: bool) {
        self.decision = Some(Decision::Aborted);
        self.state = State::Decided;
        self.transmits.clear();
        if notify_peer && self.connection_open && self.offer_sent {
            self.transmits.push_back(Message::Abort {
                reason: reason.to_string(),
            });
        }
        // The chunks will not be needed: free the memory now rather than when dropped.
        self.checkpoint = Vec::new();
        self.classes = Vec::new();
        self.events.push_back(SourceEvent::ResumeLocally { reason });
    }
}
