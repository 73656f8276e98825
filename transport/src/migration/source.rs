//! The sending side of a migration: offers the process, streams what the target lacks (a
//! checkpoint, or pre-copy rounds of pieces), and coordinates the commit.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::Duration;

use super::{ClassHash, Decision, Message, MigrationError, MigrationId, PreCopyOffer, Time};

/// Limits and timeouts of the sending side.
#[derive(Clone, Debug)]
pub struct SourceConfig {
    /// Largest checkpoint piece per `Chunk` message, and largest pre-copy `Piece`. Must not
    /// exceed the target's `max_chunk_len`.
    pub chunk_size: usize,
    /// How long the target may take to accept or refuse the offer.
    pub answer_timeout: Duration,
    /// Fixed part of the time allowed from the offer to the target's `Restored`.
    pub restore_allowance: Duration,
    /// Added to `restore_allowance` per started MiB of checkpoint and class bytes, so a large
    /// process is not aborted for being large (1 s per MiB: slower than 8 Mbit/s is a failure).
    /// Pre-copy adds it to `round_timeout` too, per started MiB the target has yet to confirm.
    pub allowance_per_mib: Duration,
    /// Pre-copy: the longest the target may go without confirming progress (its `Accept`, then
    /// each `Applied`, or the caller's ending a round) while it has pieces to apply, plus
    /// `allowance_per_mib` per started MiB of them (and of the classes before the first
    /// `Applied`). Covers a missing `Applied` and a target that stopped reading.
    pub round_timeout: Duration,
}

impl Default for SourceConfig {
    fn default() -> Self {
        SourceConfig {
            chunk_size: 1 << 20,
            answer_timeout: Duration::from_secs(10),
            restore_allowance: Duration::from_secs(30),
            allowance_per_mib: Duration::from_secs(1),
            round_timeout: Duration::from_secs(30),
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
    /// record [`Decision::Aborted`] and resume the frozen process here. With pre-copy before
    /// `frozen`, the process never stopped: cancel the pre-copy instead. The reason
    /// [`MigrationError::PreCopyDeclined`] means the target does not do pre-copy.
    ResumeLocally {
        /// Why the migration failed.
        reason: MigrationError,
    },
    /// Pre-copy: the target has staged every piece of `round` (it answered the round's
    /// `RoundEnd` with `Applied`). The round's duration ends here; time to decide between another
    /// round and the freeze.
    Applied {
        /// The round applied.
        round: u32,
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
    /// Pre-copy, accepted: streaming the missing classes, then the rounds as the caller pushes
    /// them (`Rounds` knows which), then waiting for `Restored` once `Frozen` has gone.
    PreCopying { next_class: usize },
    /// The decision is made; nothing the target says can change it.
    Decided,
}

/// The pre-copy part of a source: the rounds the caller pushes, and what the target confirmed.
#[derive(Debug)]
struct Rounds {
    max_bytes: u64,
    /// The round `push_piece` adds to: the final one once frozen.
    round: u32,
    /// Pieces and bytes of that round so far.
    pieces: u32,
    bytes: u64,
    /// Bytes of every piece pushed (`S`).
    total: u64,
    /// `Piece`, `RoundEnd` and `Frozen` messages not yet handed to the driver, in order; they go
    /// after the missing classes.
    outgoing: VecDeque<Message>,
    /// Bytes of the pieces in `outgoing`.
    queued: u64,
    /// Rounds whose `RoundEnd` the driver has taken: `Applied` may name only these.
    announced: u32,
    /// The next round `Applied` may name.
    applied: u32,
    /// Bytes of each ended round not yet applied, from round `applied` on.
    unapplied: VecDeque<u64>,
    /// Class bytes the target has not confirmed: all the classes' until the `Accept`, the
    /// missing ones' until the first `Applied`.
    class_bytes: u64,
    /// The last sign of progress: the `Accept`, an `Applied`, or the caller's ending a round.
    progress: Time,
    /// `frozen` was called: `Frozen` is queued or sent.
    frozen: bool,
    /// The driver has taken `Frozen`: a `Restored` may now come.
    frozen_sent: bool,
}

impl Rounds {
    /// What the target has yet to confirm: classes, ended rounds, the round in progress.
    fn unconfirmed(&self) -> u64 {
        self.class_bytes + self.unapplied.iter().sum::<u64>() + self.bytes
    }
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
///
/// A pre-copy migration ([`new_precopy`](Self::new_precopy)) has no checkpoint: the caller also
/// feeds the rounds, [`push_piece`](Self::push_piece) and [`end_round`](Self::end_round) while
/// the process runs, and after each [`SourceEvent::Applied`] decides
/// ([`next_step`](super::precopy::next_step)) between another round and the freeze; frozen, it
/// pushes the final round's pieces and calls [`frozen`](Self::frozen). Pieces are queued until
/// the driver polls them: [`queued_bytes`](Self::queued_bytes) is the back-pressure. Until
/// `frozen` the process never stopped, so every failure before it only cancels the pre-copy.
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
    /// Classic: from the offer. Pre-copy: armed by `frozen`, the end of time until then.
    restore_deadline: Time,
    /// Present for a pre-copy migration.
    rounds: Option<Rounds>,
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
        let allowance = config.restore_allowance + per_mib(&config, total_bytes);
        let offer = Message::Offer {
            id,
            meta,
            checkpoint_len: checkpoint.len() as u64,
            classes: classes.iter().map(|(hash, _)| *hash).collect(),
            precopy: None,
        };
        Source {
            id,
            state: State::Offering,
            checkpoint,
            classes,
            missing: Vec::new(),
            answer_deadline: now + config.answer_timeout,
            restore_deadline: now + allowance,
            rounds: None,
            config,
            decision: None,
            transmits: VecDeque::from([offer]),
            events: VecDeque::new(),
            connection_open: true,
            offer_sent: false,
        }
    }

    /// Starts migrating a process that keeps running, by pre-copy: `meta` is opaque process
    /// metadata for the offer (`frozen` replaces it), `classes` every class the process needs
    /// by hash (duplicates are sent once), and `max_bytes` bounds all the pieces of all the
    /// rounds together. Round 0 is open at once: pieces pushed before the target accepts wait
    /// in the queue.
    pub fn new_precopy(
        now: Time,
        id: MigrationId,
        meta: Vec<u8>,
        classes: Vec<(ClassHash, Vec<u8>)>,
        max_bytes: u64,
        config: SourceConfig,
    ) -> Self {
        let mut source = Source::new(now, id, meta, Vec::new(), classes, config);
        if let Some(Message::Offer { precopy, .. }) = source.transmits.front_mut() {
            *precopy = Some(PreCopyOffer { max_bytes });
        }
        source.restore_deadline = Time::from_micros(u64::MAX);
        source.rounds = Some(Rounds {
            max_bytes,
            round: 0,
            pieces: 0,
            bytes: 0,
            total: 0,
            outgoing: VecDeque::new(),
            queued: 0,
            announced: 0,
            applied: 0,
            unapplied: VecDeque::new(),
            class_bytes: source
                .classes
                .iter()
                .map(|(_, bytes)| bytes.len() as u64)
                .sum(),
            progress: now,
            frozen: false,
            frozen_sent: false,
        });
        source
    }

    /// The migration's id.
    pub fn id(&self) -> MigrationId {
        self.id
    }

    /// The decision, once made.
    pub fn decision(&self) -> Option<Decision> {
        self.decision
    }

    /// Whether this is a pre-copy migration.
    pub fn is_precopy(&self) -> bool {
        self.rounds.is_some()
    }

    /// Pre-copy: the round `push_piece` adds to (the final one after `frozen`); 0 otherwise.
    pub fn round(&self) -> u32 {
        self.rounds.as_ref().map_or(0, |rounds| rounds.round)
    }

    /// Pre-copy: the bytes of the pieces pushed and not yet polled by the driver. The caller
    /// stops encoding pieces while this is over its bound (the program just runs meanwhile).
    pub fn queued_bytes(&self) -> u64 {
        self.rounds.as_ref().map_or(0, |rounds| rounds.queued)
    }

    /// Pre-copy: the bytes of every piece pushed so far, in all rounds.
    pub fn precopy_bytes(&self) -> u64 {
        self.rounds.as_ref().map_or(0, |rounds| rounds.total)
    }

    /// Pre-copy: adds a piece to the round in progress. A piece over the chunk size, or one
    /// that takes the pieces over the offer's `max_bytes`, aborts the migration (the target
    /// would refuse it), as does one on a classic migration or after `frozen` (a caller bug).
    /// Ignored once the decision is made.
    pub fn push_piece(&mut self, bytes: Vec<u8>) {
        if self.decision.is_some() {
            return;
        }
        let chunk_size = self.config.chunk_size as u64;
        let Some(rounds) = self.open_rounds("push_piece") else {
            return;
        };
        let len = bytes.len() as u64;
        let total = rounds.total.saturating_add(len);
        let error = if len > chunk_size {
            Some(MigrationError::TooLarge {
                what: "a piece",
                len,
                limit: chunk_size,
            })
        } else if total > rounds.max_bytes {
            Some(MigrationError::TooLarge {
                what: "the pre-copy pieces",
                len: total,
                limit: rounds.max_bytes,
            })
        } else if let Some(pieces) = rounds.pieces.checked_add(1) {
            rounds.pieces = pieces;
            rounds.bytes += len;
            rounds.total = total;
            rounds.queued += len;
            rounds.outgoing.push_back(Message::Piece {
                round: rounds.round,
                bytes,
            });
            None
        } else {
            Some(MigrationError::TooLarge {
                what: "the pieces of a round",
                len: u64::from(u32::MAX) + 1,
                limit: u32::MAX.into(),
            })
        };
        if let Some(error) = error {
            self.decide_abort(error, true);
        }
    }

    /// Pre-copy: the round in progress is complete (not the final one: see `frozen`). Its
    /// `RoundEnd` follows its pieces, and the next round opens at once; the target answers
    /// with `Applied`, reported as [`SourceEvent::Applied`]. Aborts on a classic migration or
    /// after `frozen`; ignored once the decision is made.
    pub fn end_round(&mut self, now: Time) {
        if self.decision.is_some() {
            return;
        }
        let Some(rounds) = self.open_rounds("end_round") else {
            return;
        };
        let Some(next) = rounds.round.checked_add(1) else {
            let error = MigrationError::TooLarge {
                what: "the rounds",
                len: u64::from(u32::MAX) + 1,
                limit: u32::MAX.into(),
            };
            return self.decide_abort(error, true);
        };
        rounds.outgoing.push_back(Message::RoundEnd {
            round: rounds.round,
            pieces: rounds.pieces,
            bytes: rounds.bytes,
        });
        rounds.unapplied.push_back(rounds.bytes);
        rounds.round = next;
        rounds.pieces = 0;
        rounds.bytes = 0;
        rounds.progress = rounds.progress.max(now);
    }

    /// Pre-copy: the process is frozen, and the round in progress, whose pieces the caller has
    /// pushed, is the final one. `meta` (taken at the freeze) replaces the offer's. Arms the
    /// restore deadline: `restore_allowance` plus `allowance_per_mib` per started MiB the target
    /// has yet to confirm, which is the final round's when the caller froze after the last
    /// `Applied`. From here on a failure resumes a frozen process. Aborts on a classic migration
    /// or when called twice; ignored once the decision is made.
    pub fn frozen(&mut self, now: Time, meta: Vec<u8>) {
        if self.decision.is_some() {
            return;
        }
        let restore_allowance = self.config.restore_allowance;
        let unconfirmed = match self.open_rounds("frozen") {
            Some(rounds) => {
                rounds.outgoing.push_back(Message::Frozen {
                    round: rounds.round,
                    pieces: rounds.pieces,
                    bytes: rounds.bytes,
                    meta,
                });
                rounds.frozen = true;
                rounds.unconfirmed()
            }
            None => return,
        };
        self.restore_deadline = now + restore_allowance + per_mib(&self.config, unconfirmed);
    }

    /// Whether the decision is made and everything to send and report has been polled.
    pub fn is_finished(&self) -> bool {
        self.decision.is_some() && self.transmits.is_empty() && self.events.is_empty()
    }

    /// A message arrived on the migration stream.
    pub fn handle_message(&mut self, now: Time, message: Message) {
        match (self.state, message) {
            // After the decision nothing can change it; a crossing `Abort` is expected.
            (State::Decided, _) => {}
            (_, Message::Abort { reason }) => {
                self.decide_abort(MigrationError::AbortedByPeer { reason }, false)
            }
            (State::Offering, Message::Refuse { reason }) => {
                self.decide_abort(MigrationError::Refused { reason }, false)
            }
            (State::Offering, Message::Accept { missing, precopy }) => {
                match (self.rounds.is_some(), precopy) {
                    // The process never stopped: the caller cancels the pre-copy and may retry.
                    (true, false) => self.decide_abort(MigrationError::PreCopyDeclined, true),
                    (false, true) => {
                        let error = MigrationError::Unexpected {
                            message: "Accept with pre-copy",
                            phase: self.phase(),
                        };
                        self.decide_abort(error, true);
                    }
                    _ => self.accepted(now, &missing),
                }
            }
            (State::PreCopying { .. }, Message::Applied { round }) => self.applied(now, round),
            (State::Transferring { end_sent: true, .. }, Message::Restored) => self.commit(),
            (State::PreCopying { .. }, Message::Restored)
                if self
                    .rounds
                    .as_ref()
                    .is_some_and(|rounds| rounds.frozen_sent) =>
            {
                self.commit()
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
        if let State::PreCopying { next_class } = &mut self.state {
            if let Some(&index) = self.missing.get(*next_class) {
                *next_class += 1;
                let (hash, bytes) = &mut self.classes[index];
                return Some(Message::Class {
                    hash: *hash,
                    bytes: std::mem::take(bytes),
                });
            }
            let rounds = self.rounds.as_mut()?;
            let message = rounds.outgoing.pop_front()?;
            match &message {
                Message::Piece { bytes, .. } => rounds.queued -= bytes.len() as u64,
                Message::RoundEnd { .. } => rounds.announced += 1,
                Message::Frozen { .. } => rounds.frozen_sent = true,
                _ => {}
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
        match (self.state, &self.rounds) {
            (State::Offering, _) => Some(self.answer_deadline.min(self.restore_deadline)),
            (State::Transferring { .. }, _) => Some(self.restore_deadline),
            (State::PreCopying { .. }, Some(rounds)) if !rounds.frozen => Some(
                rounds.progress
                    + self.config.round_timeout
                    + per_mib(&self.config, rounds.unconfirmed()),
            ),
            (State::PreCopying { .. }, _) => Some(self.restore_deadline),
            (State::Decided, _) => None,
        }
    }

    fn phase(&self) -> &'static str {
        match (self.state, &self.rounds) {
            (State::Offering, _) => "waiting for an answer to the offer",
            (
                State::Transferring {
                    end_sent: false, ..
                },
                _,
            ) => "sending classes and checkpoint",
            (State::Transferring { end_sent: true, .. }, _) => "waiting for the target to restore",
            (State::PreCopying { .. }, Some(rounds)) if rounds.frozen_sent => {
                "waiting for the target to restore"
            }
            (State::PreCopying { .. }, Some(rounds)) if rounds.frozen => "sending the final round",
            (State::PreCopying { .. }, Some(rounds))
                if !rounds.unapplied.is_empty() && rounds.outgoing.is_empty() =>
            {
                "waiting for the target to apply a round"
            }
            (State::PreCopying { .. }, _) => "pre-copying",
            (State::Decided, _) => "decided",
        }
    }

    /// The target accepted (with pre-copy if and only if it was offered).
    fn accepted(&mut self, now: Time, missing: &[ClassHash]) {
        match self.resolve(missing) {
            Ok(indexes) => {
                self.missing = indexes;
                match &mut self.rounds {
                    Some(rounds) => {
                        rounds.class_bytes = self
                            .missing
                            .iter()
                            .map(|&index| self.classes[index].1.len() as u64)
                            .sum();
                        rounds.progress = rounds.progress.max(now);
                        self.state = State::PreCopying { next_class: 0 };
                    }
                    None => {
                        self.state = State::Transferring {
                            next_class: 0,
                            offset: 0,
                            end_sent: false,
                        };
                    }
                }
            }
            Err(error) => self.decide_abort(error, true),
        }
    }

    /// The target says it applied `round`: it must be the oldest round ended and announced and
    /// not yet applied.
    fn applied(&mut self, now: Time, round: u32) {
        let Some(rounds) = &mut self.rounds else {
            return;
        };
        if round != rounds.applied {
            let error = MigrationError::RoundOutOfOrder {
                expected: rounds.applied,
                received: round,
            };
            return self.decide_abort(error, true);
        }
        if round >= rounds.announced {
            let error = MigrationError::Unexpected {
                message: "Applied",
                phase: self.phase(),
            };
            return self.decide_abort(error, true);
        }
        rounds.unapplied.pop_front();
        rounds.applied += 1;
        rounds.class_bytes = 0;
        rounds.progress = rounds.progress.max(now);
        self.events.push_back(SourceEvent::Applied { round });
    }

    /// The rounds, if the caller may still add to them; otherwise the caller misused the
    /// machine, and the migration aborts (safe before the vote: the process resumes here).
    fn open_rounds(&mut self, input: &str) -> Option<&mut Rounds> {
        let misuse = match &self.rounds {
            None => Some(format!("{input} on a classic migration")),
            Some(rounds) if rounds.frozen => Some(format!("{input} after frozen")),
            Some(_) => None,
        };
        if let Some(reason) = misuse {
            self.decide_abort(MigrationError::Cancelled { reason }, true);
            return None;
        }
        self.rounds.as_mut()
    }

    fn commit(&mut self) {
        self.decision = Some(Decision::Committed);
        self.state = State::Decided;
        // `Commit` is queued when this event is polled: see `poll_event`.
        self.events.push_back(SourceEvent::Committed);
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
        if let Some(rounds) = &mut self.rounds {
            rounds.outgoing = VecDeque::new();
            rounds.queued = 0;
        }
        self.events.push_back(SourceEvent::ResumeLocally { reason });
    }
}

/// `allowance_per_mib` for every started MiB of `bytes`.
fn per_mib(config: &SourceConfig, bytes: u64) -> Duration {
    let mib = bytes.div_ceil(1 << 20);
    let per_mib = u64::try_from(config.allowance_per_mib.as_micros()).unwrap_or(u64::MAX);
    Duration::from_micros(per_mib.saturating_mul(mib))
}
