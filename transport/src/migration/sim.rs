//! A simulated pair of peers over a virtual clock: a source host (machine plus decision record)
//! and a target host joined by a reliable, ordered link with delay, jitter, loss (as
//! retransmission delay), broken connections, partitions and a crashing target. Thousands of
//! seeded scenarios check that the process ends up in exactly one place, in the classic flow
//! and with pre-copy (where, besides, nothing starts at the target without `Frozen`).

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use super::{
    ClassHash, Decision, Decisions, Lookup, Message, MigrationError, MigrationId, Source,
    SourceConfig, SourceEvent, Target, TargetConfig, TargetEvent, Time,
};

/// splitmix64: small, fast, and the same on every machine, so a failing seed replays.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn millis(&mut self, max: u64) -> Duration {
        Duration::from_millis(self.below(max + 1))
    }
}

/// How the world behaves in one scenario, drawn from the seed.
#[derive(Debug)]
struct World {
    /// Replays the scenario: `Sim::new(seed)`.
    seed: u64,
    delay: Duration,
    jitter_ms: u64,
    /// A lost packet costs a retransmission timeout on top of the delay.
    loss_per_mille: u64,
    /// Chance that sending one message breaks the connection.
    break_per_mille: u64,
    /// QUIC's idle timeout: how long a peer may take to notice a silent break.
    idle: Duration,
    target_crash_at: Option<Time>,
    /// The source is unreachable (and the migration connection breaks) in this window.
    partition: Option<(Time, Time)>,
    refuse: bool,
    restore_fails: bool,
    accept_delay: Duration,
    restore_delay: Duration,
}

/// How one scenario ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// The process runs on the target.
    Moved,
    /// The process runs on the source.
    Resumed,
    /// The source committed and the target crashed before or after starting it: the process died
    /// with its host, which no protocol can prevent.
    DiedWithHost,
}

#[derive(Debug, Default)]
struct Tally {
    moved: u32,
    resumed: u32,
    died_with_host: u32,
    queries_answered: u32,
    queries_failed: u32,
    aborted_by_query: u32,
    classes_sent: u32,
    classes_held: u32,
    /// Pre-copy: the migration failed before the freeze (the process never stopped).
    cancelled_running: u32,
    /// Pre-copy: the migration failed after the freeze (the frozen process resumed).
    resumed_frozen: u32,
    /// Pre-copy: the target declined pre-copy.
    declined: u32,
    /// Pre-copy: rounds the target applied, over all scenarios.
    rounds_applied: u32,
}

/// A pre-copy scenario: the source's driver pushes rounds of pieces while the process runs,
/// waits for `Applied` (unless pipelined), and pushes the last round frozen; the target's
/// driver stages the pieces and answers each round after a delay.
#[derive(Debug)]
struct PreCopy {
    /// Piece sizes of each round; the last is the final round, pushed frozen.
    rounds: Vec<Vec<usize>>,
    /// Encoding a round takes this long after the previous `Applied` (or round end, pipelined).
    encode_delay: Duration,
    /// The source starts the next round without waiting for `Applied`.
    pipelined: bool,
    /// The target's caller stages a round in this long.
    apply_delay: Duration,
    /// Staging this round fails.
    apply_fails: Option<u32>,
    /// The target predates pre-copy (its caller accepts the classic way).
    old_target: bool,
    // The source's driver:
    /// The next round to push.
    next: usize,
    /// When to push it, if it is due.
    push_at: Option<Time>,
    /// The final round has started: the process is frozen at the source.
    frozen: bool,
    /// Rounds reported applied at the source.
    applied: u32,
    // The target's driver:
    /// Rounds ended at the target, with when their staging completes.
    applying: VecDeque<(Time, u32)>,
    /// The round and piece the target expects next.
    staged_round: usize,
    staged_pieces: usize,
    /// The target's caller saw the classes, and the final round (`Finish`).
    classes_seen: bool,
    finished: bool,
}

/// The bytes of one piece: recognisable, so the target can check it received exactly it.
fn piece(round: usize, index: usize, len: usize) -> Vec<u8> {
    (0..len)
        .map(|at| (round * 31 + index * 7 + at) as u8)
        .collect()
}

/// One direction of the migration connection: delivery is ordered, so a message never overtakes
/// an earlier one however the delays fall.
#[derive(Default)]
struct Lane {
    in_flight: VecDeque<(Time, Message)>,
    last: Time,
}

enum Flight {
    /// An outcome query on its way to the source.
    Query { at: Time, message: Message },
    /// The source's answer on its way back.
    Answer { at: Time, message: Message },
    /// The query connection failed; the target hears of it at `at`.
    Failed { at: Time },
}

impl Flight {
    fn at(&self) -> Time {
        match self {
            Flight::Query { at, .. } | Flight::Answer { at, .. } | Flight::Failed { at } => *at,
        }
    }
}

struct Sim {
    rng: Rng,
    world: World,
    now: Time,
    id: MigrationId,
    checkpoint: Vec<u8>,
    classes: Vec<(ClassHash, Vec<u8>)>,
    held: HashSet<ClassHash>,
    chunk_size: usize,
    target_config: TargetConfig,

    source: Source,
    decisions: Decisions,
    resumed: u32,
    committed: u32,

    target: Option<Target>,
    target_crashed: bool,
    started: u32,
    discarded: u32,
    accept_at: Option<Time>,
    restored_at: Option<Time>,

    to_target: Lane,
    to_source: Lane,
    broken: bool,
    source_notices_break: Option<Time>,
    target_notices_break: Option<Time>,
    flights: Vec<Flight>,

    sent_classes: Vec<ClassHash>,
    sent_checkpoint: usize,
    tally: Tally,
    precopy: Option<PreCopy>,
}

/// Virtual time after which a scenario counts as hung.
const HORIZON: Time = Time::from_micros(6 * 3600 * 1_000_000);

fn at_ms(ms: u64) -> Time {
    Time::from_micros(ms * 1000)
}

impl Sim {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(seed);
        let checkpoint: Vec<u8> = (0..rng.below(40_000))
            .map(|_| rng.next_u64() as u8)
            .collect();
        let classes: Vec<(ClassHash, Vec<u8>)> = (0..rng.below(8))
            .map(|n| {
                let mut hash = [0; 32];
                hash[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
                hash[8] = n as u8;
                (ClassHash(hash), vec![n as u8; rng.below(3000) as usize])
            })
            .collect();
        let held = classes
            .iter()
            .filter(|_| rng.chance(500))
            .map(|(hash, _)| *hash)
            .collect();
        let world = World {
            seed,
            delay: Duration::from_millis(1 + rng.below(50)),
            jitter_ms: rng.below(20),
            loss_per_mille: rng.below(200),
            break_per_mille: if rng.chance(500) { rng.below(30) } else { 0 },
            idle: Duration::from_millis(500 + rng.below(5000)),
            target_crash_at: rng.chance(300).then(|| at_ms(rng.below(4000))),
            partition: rng.chance(300).then(|| {
                let start = rng.below(5000);
                (at_ms(start), at_ms(start + rng.below(120_000)))
            }),
            refuse: rng.chance(50),
            restore_fails: rng.chance(50),
            accept_delay: rng.millis(100),
            restore_delay: rng.millis(2500),
        };
        let chunk_size = 256 + rng.below(8192) as usize;
        let source_config = SourceConfig {
            chunk_size,
            answer_timeout: Duration::from_millis(500 + rng.below(2000)),
            restore_allowance: Duration::from_millis(1000 + rng.below(6000)),
            allowance_per_mib: Duration::from_secs(1),
            round_timeout: Duration::from_secs(5),
        };
        let target_config = TargetConfig {
            max_chunk_len: 8448,
            idle_timeout: Duration::from_millis(500 + rng.below(3000)),
            commit_timeout: Duration::from_millis(200 + rng.below(3000)),
            query_backoff_min: Duration::from_millis(50 + rng.below(500)),
            query_backoff_max: Duration::from_secs(5),
            query_timeout: Duration::from_millis(200 + rng.below(2000)),
            ..TargetConfig::default()
        };
        let id = MigrationId(seed.to_le_bytes().repeat(2).try_into().unwrap_or([7; 16]));
        let mut decisions = Decisions::default();
        decisions.begin(id).expect("a fresh record knows no id");
        let source = Source::new(
            Time::default(),
            id,
            b"process 42".to_vec(),
            checkpoint.clone(),
            classes.clone(),
            source_config,
        );
        Sim {
            rng,
            world,
            now: Time::default(),
            id,
            checkpoint,
            classes,
            held,
            chunk_size,
            target_config,
            source,
            decisions,
            resumed: 0,
            committed: 0,
            target: None,
            target_crashed: false,
            started: 0,
            discarded: 0,
            accept_at: None,
            restored_at: None,
            to_target: Lane::default(),
            to_source: Lane::default(),
            broken: false,
            source_notices_break: None,
            target_notices_break: None,
            flights: Vec::new(),
            sent_classes: Vec::new(),
            sent_checkpoint: 0,
            tally: Tally::default(),
            precopy: None,
        }
    }

    /// The same world as `new(seed)`, but the process moves by pre-copy.
    fn new_precopy(seed: u64) -> Self {
        let mut sim = Sim::new(seed);
        let rng = &mut sim.rng;
        let chunk_size = sim.chunk_size;
        let rounds: Vec<Vec<usize>> = (0..1 + rng.below(5))
            .map(|_| {
                (0..rng.below(6))
                    .map(|_| rng.below(chunk_size as u64 + 1) as usize)
                    .collect()
            })
            .collect();
        let total: usize = rounds.iter().flatten().sum();
        let precopy = PreCopy {
            encode_delay: rng.millis(200),
            pipelined: rng.chance(200),
            apply_delay: rng.millis(1500),
            apply_fails: rng
                .chance(50)
                .then(|| rng.below(rounds.len() as u64) as u32),
            old_target: rng.chance(50),
            next: 0,
            // Round 0 may be ready before the target accepts.
            push_at: Some(at_ms(rng.below(100))),
            frozen: false,
            applied: 0,
            applying: VecDeque::new(),
            staged_round: 0,
            staged_pieces: 0,
            classes_seen: false,
            finished: false,
            rounds,
        };
        let config = SourceConfig {
            chunk_size,
            answer_timeout: Duration::from_millis(500 + rng.below(2000)),
            restore_allowance: Duration::from_millis(1000 + rng.below(6000)),
            allowance_per_mib: Duration::from_secs(1),
            round_timeout: Duration::from_millis(2000 + rng.below(4000)),
        };
        sim.source = Source::new_precopy(
            Time::default(),
            sim.id,
            b"process 42".to_vec(),
            sim.classes.clone(),
            total as u64 + rng.below(1000),
            config,
        );
        sim.checkpoint = Vec::new();
        sim.precopy = Some(precopy);
        sim
    }

    fn partitioned(&self, at: Time) -> bool {
        self.world
            .partition
            .is_some_and(|(start, end)| start <= at && at < end)
    }

    /// The instant of the next thing that happens, if anything is left to happen.
    fn next_instant(&self) -> Option<Time> {
        let alive = |time: Option<Time>| time.filter(|_| !self.target_crashed);
        [
            self.to_target.in_flight.front().map(|(at, _)| *at),
            self.to_source.in_flight.front().map(|(at, _)| *at),
            self.source_notices_break,
            alive(self.target_notices_break),
            self.source.poll_timeout(),
            alive(self.target.as_ref().and_then(Target::poll_timeout)),
            alive(self.accept_at),
            alive(self.restored_at),
            self.precopy.as_ref().and_then(|precopy| precopy.push_at),
            alive(
                self.precopy
                    .as_ref()
                    .and_then(|precopy| precopy.applying.front())
                    .map(|(at, _)| *at),
            ),
            self.world.target_crash_at.filter(|_| !self.target_crashed),
            self.world
                .partition
                .map(|(start, _)| start)
                .filter(|_| !self.broken),
        ]
        .into_iter()
        .flatten()
        .chain(self.flights.iter().map(Flight::at))
        .min()
    }

    fn break_connection(&mut self, source_notice: Duration, target_notice: Duration) {
        if self.broken {
            return;
        }
        self.broken = true;
        self.to_target.in_flight.clear();
        self.to_source.in_flight.clear();
        self.source_notices_break = Some(self.now + source_notice);
        self.target_notices_break = Some(self.now + target_notice);
    }

    /// Puts a message on the wire: CBOR both ways, as the framing layer would, so the messages
    /// the machines exchange are the ones that survive serialization.
    fn send(&mut self, to_target: bool, message: Message) {
        if self.broken {
            return;
        }
        let mut bytes = Vec::new();
        ciborium::into_writer(&message, &mut bytes).expect("messages serialize");
        let message: Message = ciborium::from_reader(&bytes[..]).expect("messages deserialize");
        if self.rng.chance(self.world.break_per_mille) {
            let (a, b) = (self.rng.millis(50), self.world.idle);
            self.break_connection(a, b);
            return;
        }
        let mut delay = self.world.delay + self.rng.millis(self.world.jitter_ms);
        if self.rng.chance(self.world.loss_per_mille) {
            delay += Duration::from_millis(200 + self.rng.below(800));
        }
        let now = self.now;
        let lane = if to_target {
            &mut self.to_target
        } else {
            &mut self.to_source
        };
        lane.last = lane.last.max(now + delay);
        lane.in_flight.push_back((lane.last, message));
    }

    /// Everything due at `now`, then the drivers' polling until both sides are quiet.
    fn step(&mut self) {
        let now = self.now;
        if let Some(crash) = self.world.target_crash_at
            && crash <= now
            && !self.target_crashed
        {
            // All target state is gone. The source hears of it at once if the restarted host
            // answers with a reset, or only after QUIC's idle timeout.
            self.target_crashed = true;
            self.target = None;
            let notice = if self.rng.chance(500) {
                self.rng.millis(100)
            } else {
                self.world.idle
            };
            self.break_connection(notice, Duration::ZERO);
        }
        if self.partitioned(now) {
            self.break_connection(self.world.idle, self.world.idle);
        }
        while let Some((at, _)) = self.to_target.in_flight.front()
            && *at <= now
        {
            let Some((_, message)) = self.to_target.in_flight.pop_front() else {
                break;
            };
            if self.target_crashed {
                continue;
            }
            self.target
                .get_or_insert_with(|| Target::new(now, self.target_config.clone()))
                .handle_message(now, message);
        }
        while let Some((at, _)) = self.to_source.in_flight.front()
            && *at <= now
        {
            let Some((_, message)) = self.to_source.in_flight.pop_front() else {
                break;
            };
            self.source.handle_message(now, message);
        }
        if self.source_notices_break.is_some_and(|at| at <= now) {
            self.source_notices_break = None;
            self.source.handle_connection_lost(now);
        }
        if self.target_notices_break.is_some_and(|at| at <= now) {
            self.target_notices_break = None;
            if let Some(target) = &mut self.target {
                target.handle_connection_lost(now);
            }
        }
        if self.source.poll_timeout().is_some_and(|at| at <= now) {
            self.source.handle_timeout(now);
        }
        if let Some(target) = &mut self.target
            && target.poll_timeout().is_some_and(|at| at <= now)
        {
            target.handle_timeout(now);
        }
        if self.accept_at.is_some_and(|at| at <= now) {
            self.accept_at = None;
            let takes_precopy = self
                .precopy
                .as_ref()
                .is_some_and(|precopy| !precopy.old_target);
            if let Some(target) = &mut self.target {
                if self.world.refuse {
                    target.refuse(now, "overloaded".to_owned());
                } else if takes_precopy {
                    target.accept_precopy(now, |hash| self.held.contains(hash));
                } else {
                    target.accept(now, |hash| self.held.contains(hash));
                }
            }
        }
        self.push_round();
        if let Some(precopy) = &mut self.precopy
            && let Some(&(at, round)) = precopy.applying.front()
            && at <= now
        {
            precopy.applying.pop_front();
            if let Some(target) = &mut self.target {
                let result = if precopy.apply_fails == Some(round) {
                    Err("bad piece".to_owned())
                } else {
                    Ok(())
                };
                target.handle_applied(now, round, result);
            }
        }
        if self.restored_at.is_some_and(|at| at <= now) {
            self.restored_at = None;
            if let Some(target) = &mut self.target {
                let result = if self.world.restore_fails {
                    Err("bad checkpoint".to_owned())
                } else {
                    Ok(())
                };
                target.handle_restored(now, result);
            }
        }
        self.land_flights();
        self.poll_drivers();
    }

    fn land_flights(&mut self) {
        let now = self.now;
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.flights)
            .into_iter()
            .partition(|flight| flight.at() <= now);
        self.flights = later;
        for flight in due {
            match flight {
                Flight::Query {
                    message: Message::OutcomeQuery { id },
                    ..
                } => {
                    if self.decisions.lookup(id) == Lookup::Pending {
                        // The target is no longer listening on the migration stream: settle
                        // the migration before answering. Abort wins unless commit came first.
                        if self
                            .source
                            .abort(now, "the target asked for the outcome".to_owned())
                            == Decision::Aborted
                        {
                            self.tally.aborted_by_query += 1;
                        }
                        self.poll_source_events();
                    }
                    let answer = self
                        .decisions
                        .answer(id)
                        .expect("the migration has decided");
                    let at = now + self.world.delay;
                    self.flights.push(if self.partitioned(at) {
                        Flight::Failed {
                            at: now + self.target_config.query_timeout,
                        }
                    } else {
                        Flight::Answer {
                            at,
                            message: answer,
                        }
                    });
                }
                Flight::Query { message, .. } => panic!("not a query: {message:?}"),
                Flight::Answer { message, .. } => {
                    if let Some(target) = &mut self.target {
                        self.tally.queries_answered += 1;
                        target.handle_message(now, message);
                    }
                }
                Flight::Failed { .. } => {
                    if let Some(target) = &mut self.target {
                        self.tally.queries_failed += 1;
                        target.handle_query_failed(now);
                    }
                }
            }
        }
    }

    /// The source's pre-copy driver: pushes the round that is due, the last one frozen.
    fn push_round(&mut self) {
        let now = self.now;
        let Some(precopy) = &mut self.precopy else {
            return;
        };
        if precopy.push_at.is_none_or(|at| at > now) {
            return;
        }
        precopy.push_at = None;
        if self.source.decision().is_some() {
            return;
        }
        let round = precopy.next;
        precopy.next += 1;
        for (index, len) in precopy.rounds[round].iter().enumerate() {
            self.source.push_piece(piece(round, index, *len));
        }
        if round + 1 == precopy.rounds.len() {
            // A driver freezes the process here, then pushes the final round's pieces.
            precopy.frozen = true;
            self.source.frozen(now, b"frozen process 42".to_vec());
        } else {
            self.source.end_round(now);
            if precopy.pipelined {
                precopy.push_at = Some(now + precopy.encode_delay);
            }
        }
    }

    fn poll_source_events(&mut self) {
        while let Some(event) = self.source.poll_event() {
            let decision = match event {
                SourceEvent::Committed => {
                    assert!(
                        self.precopy.as_ref().is_none_or(|precopy| precopy.frozen),
                        "committed a process that was not frozen: {:?}",
                        self.world
                    );
                    self.committed += 1;
                    Decision::Committed
                }
                SourceEvent::ResumeLocally { reason } => {
                    if let Some(precopy) = &self.precopy {
                        if reason == MigrationError::PreCopyDeclined {
                            assert!(precopy.old_target, "declined by a pre-copy target");
                            self.tally.declined += 1;
                        }
                        if precopy.frozen {
                            self.tally.resumed_frozen += 1;
                        } else {
                            self.tally.cancelled_running += 1;
                        }
                    }
                    self.resumed += 1;
                    Decision::Aborted
                }
                SourceEvent::Applied { round } => {
                    let precopy = self.precopy.as_mut().expect("pre-copy");
                    assert_eq!(round, precopy.applied, "rounds are applied in order");
                    assert!(
                        (round as usize) < precopy.next,
                        "applied before it was pushed"
                    );
                    precopy.applied += 1;
                    self.tally.rounds_applied += 1;
                    if !precopy.pipelined {
                        precopy.push_at = Some(self.now + precopy.encode_delay);
                    }
                    continue;
                }
            };
            self.decisions.record(self.now, self.id, decision);
        }
    }

    fn poll_drivers(&mut self) {
        let now = self.now;
        self.poll_source_events();
        while let Some(message) = self.source.poll_transmit() {
            match &message {
                Message::Class { hash, bytes } => {
                    let (_, original) = self
                        .classes
                        .iter()
                        .find(|(h, _)| h == hash)
                        .expect("offered class");
                    assert_eq!(bytes, original, "class bytes travel intact");
                    self.sent_classes.push(*hash);
                }
                Message::Chunk { bytes } => {
                    assert!(bytes.len() <= self.chunk_size, "chunk over the chunk size");
                    self.sent_checkpoint += bytes.len();
                }
                Message::Piece { bytes, .. } => {
                    assert!(bytes.len() <= self.chunk_size, "piece over the chunk size");
                }
                Message::Frozen { .. } => {
                    assert!(
                        self.precopy.as_ref().is_some_and(|precopy| precopy.frozen),
                        "Frozen sent for a process that was not frozen"
                    );
                }
                _ => {}
            }
            self.send(true, message);
        }
        let Some(target) = &mut self.target else {
            return;
        };
        let mut outgoing = Vec::new();
        while let Some(event) = target.poll_event() {
            match event {
                TargetEvent::Offered(offered) => {
                    assert_eq!(offered.id, self.id);
                    self.accept_at = Some(now + self.world.accept_delay);
                }
                TargetEvent::Restore {
                    meta,
                    checkpoint,
                    classes,
                } => {
                    assert_eq!(meta, b"process 42");
                    assert!(checkpoint == self.checkpoint, "checkpoint travels intact");
                    let expected: Vec<_> = self
                        .classes
                        .iter()
                        .filter(|(hash, _)| !self.held.contains(hash))
                        .cloned()
                        .collect();
                    assert!(classes == expected, "exactly the missing classes arrive");
                    self.restored_at = Some(now + self.world.restore_delay);
                }
                TargetEvent::Classes { classes } => {
                    let precopy = self.precopy.as_mut().expect("pre-copy");
                    assert!(!precopy.classes_seen, "classes twice");
                    precopy.classes_seen = true;
                    let expected: Vec<_> = self
                        .classes
                        .iter()
                        .filter(|(hash, _)| !self.held.contains(hash))
                        .cloned()
                        .collect();
                    assert!(classes == expected, "exactly the missing classes arrive");
                }
                TargetEvent::Piece { round, bytes } => {
                    let precopy = self.precopy.as_mut().expect("pre-copy");
                    assert!(precopy.classes_seen, "a piece before the classes");
                    assert_eq!(round as usize, precopy.staged_round);
                    let index = precopy.staged_pieces;
                    let len = precopy.rounds[precopy.staged_round][index];
                    assert!(
                        bytes == piece(precopy.staged_round, index, len),
                        "pieces travel intact and in order"
                    );
                    precopy.staged_pieces += 1;
                }
                TargetEvent::RoundEnd { round, pieces, .. } => {
                    let precopy = self.precopy.as_mut().expect("pre-copy");
                    assert_eq!(round as usize, precopy.staged_round);
                    assert_eq!(pieces as usize, precopy.rounds[round as usize].len());
                    assert_eq!(precopy.staged_pieces, pieces as usize);
                    assert!(
                        (round as usize) + 1 < precopy.rounds.len(),
                        "the final round ends with Frozen"
                    );
                    precopy.staged_round += 1;
                    precopy.staged_pieces = 0;
                    precopy
                        .applying
                        .push_back((now + precopy.apply_delay, round));
                }
                TargetEvent::Finish { meta } => {
                    let precopy = self.precopy.as_mut().expect("pre-copy");
                    assert_eq!(
                        meta, b"frozen process 42",
                        "Frozen's metadata replaces the offer's"
                    );
                    assert!(precopy.frozen, "Finish for a process still running");
                    assert_eq!(precopy.staged_round + 1, precopy.rounds.len());
                    assert_eq!(
                        precopy.staged_pieces,
                        precopy.rounds[precopy.staged_round].len()
                    );
                    precopy.finished = true;
                    self.restored_at = Some(now + self.world.restore_delay);
                }
                TargetEvent::Start => {
                    assert!(
                        self.precopy.as_ref().is_none_or(|precopy| precopy.finished),
                        "started without Frozen: {:?}",
                        self.world
                    );
                    self.started += 1
                }
                TargetEvent::Discard { .. } => self.discarded += 1,
            }
        }
        while let Some(message) = target.poll_transmit() {
            outgoing.push(message);
        }
        if let Some(query) = target.poll_query(now) {
            // A fresh connection: it fails (after a connect timeout) while the source is
            // unreachable.
            let at = now + self.world.delay;
            self.flights
                .push(if self.partitioned(now) || self.partitioned(at) {
                    Flight::Failed {
                        at: now + self.target_config.query_timeout / 2,
                    }
                } else {
                    Flight::Query { at, message: query }
                });
        }
        for message in outgoing {
            self.send(false, message);
        }
    }

    /// Runs the scenario to its end and checks the invariants.
    fn run(mut self) -> (Ending, Tally) {
        self.poll_drivers();
        while let Some(next) = self.next_instant() {
            assert!(
                next <= HORIZON,
                "scenario {} hung: {:?}",
                self.world.seed,
                self.world
            );
            self.now = self.now.max(next);
            self.step();
        }
        let world = &self.world;
        assert!(self.source.is_finished(), "source not finished: {world:?}");
        if let Some(target) = &self.target {
            assert!(target.is_finished(), "target not finished: {world:?}");
            assert_eq!(
                self.started + self.discarded,
                1,
                "one end per target: {world:?}"
            );
        }
        assert!(
            self.resumed + self.committed == 1,
            "one decision: {world:?}"
        );
        let ending = match (self.resumed, self.started) {
            (1, 0) => Ending::Resumed,
            (0, 1) => Ending::Moved,
            (0, 0) if self.committed == 1 && self.target_crashed => Ending::DiedWithHost,
            _ => panic!(
                "resumed {} times, started {} times, committed {}, crashed {}: {world:?}",
                self.resumed, self.started, self.committed, self.target_crashed
            ),
        };
        if self.started == 1 {
            assert_eq!(
                self.committed, 1,
                "the target started without a commit: {world:?}"
            );
        }
        // Only what the target lacks travels, each class once.
        let unique: HashSet<_> = self.sent_classes.iter().collect();
        assert_eq!(
            unique.len(),
            self.sent_classes.len(),
            "a class travelled twice"
        );
        assert!(
            self.sent_classes
                .iter()
                .all(|hash| !self.held.contains(hash))
        );
        assert!(self.sent_checkpoint <= self.checkpoint.len());
        self.tally.classes_sent = self.sent_classes.len() as u32;
        self.tally.classes_held = self.held.len() as u32;
        (ending, self.tally)
    }
}

#[test]
fn random_scenarios_never_lose_or_duplicate_the_process() {
    let mut total = Tally::default();
    for seed in 0..3000 {
        let (ending, tally) = Sim::new(seed).run();
        match ending {
            Ending::Moved => total.moved += 1,
            Ending::Resumed => total.resumed += 1,
            Ending::DiedWithHost => total.died_with_host += 1,
        }
        total.queries_answered += tally.queries_answered;
        total.queries_failed += tally.queries_failed;
        total.aborted_by_query += tally.aborted_by_query;
        total.classes_sent += tally.classes_sent;
        total.classes_held += tally.classes_held;
    }
    println!("{total:?}");
    // The scenarios must exercise every path, or the invariant proves little.
    assert!(total.moved > 300, "{total:?}");
    assert!(total.resumed > 300, "{total:?}");
    assert!(total.died_with_host > 0, "{total:?}");
    assert!(total.queries_answered > 0, "{total:?}");
    assert!(total.queries_failed > 0, "{total:?}");
    assert!(
        total.classes_held > 0 && total.classes_sent > 0,
        "{total:?}"
    );
}

#[test]
fn a_calm_world_always_moves_the_process() {
    for seed in 0..200 {
        let mut sim = Sim::new(seed);
        sim.world = World {
            seed,
            delay: Duration::from_millis(10),
            jitter_ms: 5,
            loss_per_mille: 0,
            break_per_mille: 0,
            idle: Duration::from_secs(5),
            target_crash_at: None,
            partition: None,
            refuse: false,
            restore_fails: false,
            accept_delay: Duration::ZERO,
            restore_delay: Duration::from_millis(100),
        };
        let (ending, tally) = sim.run();
        assert_eq!(ending, Ending::Moved, "seed {seed}");
        assert_eq!(
            tally.queries_answered + tally.queries_failed,
            0,
            "seed {seed}"
        );
    }
}

#[test]
fn random_precopy_scenarios_never_lose_or_duplicate_the_process() {
    let mut total = Tally::default();
    for seed in 0..3000 {
        let (ending, tally) = Sim::new_precopy(seed).run();
        match ending {
            Ending::Moved => total.moved += 1,
            Ending::Resumed => total.resumed += 1,
            Ending::DiedWithHost => total.died_with_host += 1,
        }
        total.queries_answered += tally.queries_answered;
        total.queries_failed += tally.queries_failed;
        total.cancelled_running += tally.cancelled_running;
        total.resumed_frozen += tally.resumed_frozen;
        total.declined += tally.declined;
        total.rounds_applied += tally.rounds_applied;
    }
    println!("{total:?}");
    assert!(total.moved > 300, "{total:?}");
    assert!(total.resumed > 300, "{total:?}");
    assert!(total.died_with_host > 0, "{total:?}");
    assert!(total.queries_answered > 0, "{total:?}");
    // Failures both while the process ran and after it froze, and old targets.
    assert!(total.cancelled_running > 100, "{total:?}");
    assert!(total.resumed_frozen > 100, "{total:?}");
    assert!(total.declined > 10, "{total:?}");
    assert!(total.rounds_applied > 1000, "{total:?}");
}

#[test]
fn a_calm_world_always_moves_the_process_by_precopy() {
    for seed in 0..200 {
        let mut sim = Sim::new_precopy(seed);
        sim.world = World {
            seed,
            delay: Duration::from_millis(10),
            jitter_ms: 5,
            loss_per_mille: 0,
            break_per_mille: 0,
            idle: Duration::from_secs(5),
            target_crash_at: None,
            partition: None,
            refuse: false,
            restore_fails: false,
            accept_delay: Duration::ZERO,
            restore_delay: Duration::from_millis(100),
        };
        if let Some(precopy) = &mut sim.precopy {
            precopy.old_target = false;
            precopy.apply_fails = None;
        }
        let (rounds, pipelined) = sim.precopy.as_ref().map_or((0, false), |precopy| {
            (precopy.rounds.len(), precopy.pipelined)
        });
        let (ending, tally) = sim.run();
        assert_eq!(ending, Ending::Moved, "seed {seed}");
        // A pipelined source may freeze before every round is applied; the final round's
        // staging covers them.
        if !pipelined {
            assert_eq!(tally.rounds_applied as usize, rounds - 1, "seed {seed}");
        }
        assert_eq!(
            tally.queries_answered + tally.queries_failed,
            0,
            "seed {seed}"
        );
    }
}
