//! Unit tests of pre-copy: the source and target machines one path or failure at a time, the
//! wire encoding of the new messages, and the policy. `sim` runs pre-copy over an unreliable
//! simulated network.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::precopy::{FreezeReason, PreCopyConfig, RoundStats, Step, next_step};
use super::tests::{
    ID, at, classes, discard_reason, events_of_source, events_of_target, exchange, hash,
    resumed_reason, source_config, target, transmits_of_source, transmits_of_target,
};
use super::{
    ClassHash, Decision, Message, MigrationError, MigrationId, PreCopyOffer, Source, SourceConfig,
    SourceEvent, Target, TargetConfig, TargetEvent,
};

/// The offer's bound on all pieces in these tests.
const MAX_BYTES: u64 = 1000;

fn source() -> Source {
    Source::new_precopy(
        at(0),
        ID,
        b"meta".to_vec(),
        classes(),
        MAX_BYTES,
        source_config(),
    )
}

/// A recognisable piece of `round`.
fn piece(round: u32, len: usize) -> Vec<u8> {
    vec![round as u8 + 1; len]
}

fn kinds(messages: &[Message]) -> Vec<&'static str> {
    messages.iter().map(Message::kind).collect()
}

/// Offer delivered and accepted with pre-copy (the target holding class 2), the missing
/// classes delivered: both sides quiet, round 0 open.
fn accepted() -> (Source, Target) {
    let (mut source, mut target) = (source(), target());
    target.handle_message(at(1), source.poll_transmit().expect("offer"));
    match &events_of_target(&mut target)[..] {
        [TargetEvent::Offered(offered)] => {
            assert_eq!(
                offered.precopy,
                Some(PreCopyOffer {
                    max_bytes: MAX_BYTES
                })
            );
            assert_eq!(offered.checkpoint_len, 0);
        }
        other => panic!("expected Offered, got {other:?}"),
    }
    target.accept_precopy(at(1), |held| *held == hash(2));
    let travelled = exchange(at(2), &mut source, &mut target);
    assert_eq!(kinds(&travelled), ["Class", "Class"]);
    assert_eq!(
        events_of_target(&mut target),
        [TargetEvent::Classes {
            classes: vec![(hash(1), vec![1; 10]), (hash(3), vec![3; 30])]
        }]
    );
    (source, target)
}

/// Runs round `source.round()` with pieces of `sizes` to its `Applied`; returns what
/// travelled from the source.
fn round(now: u64, source: &mut Source, target: &mut Target, sizes: &[usize]) -> Vec<Message> {
    let round = source.round();
    for &len in sizes {
        source.push_piece(piece(round, len));
    }
    source.end_round(at(now));
    let travelled = exchange(at(now), source, target);
    let mut expected: Vec<TargetEvent> = sizes
        .iter()
        .map(|&len| TargetEvent::Piece {
            round,
            bytes: piece(round, len),
        })
        .collect();
    expected.push(TargetEvent::RoundEnd {
        round,
        pieces: sizes.len() as u32,
        bytes: sizes.iter().sum::<usize>() as u64,
    });
    assert_eq!(events_of_target(target), expected);
    target.handle_applied(at(now + 1), round, Ok(()));
    assert_eq!(transmits_of_target(target), [Message::Applied { round }]);
    source.handle_message(at(now + 2), Message::Applied { round });
    assert_eq!(events_of_source(source), [SourceEvent::Applied { round }]);
    travelled
}

#[test]
fn precopy_moves_the_process_in_several_rounds() {
    let (mut source, mut target) = accepted();
    assert!(source.is_precopy());
    let travelled = round(10, &mut source, &mut target, &[100, 100, 50]);
    assert_eq!(kinds(&travelled), ["Piece", "Piece", "Piece", "RoundEnd"]);
    assert_eq!(
        travelled[3],
        Message::RoundEnd {
            round: 0,
            pieces: 3,
            bytes: 250
        }
    );
    let travelled = round(20, &mut source, &mut target, &[60]);
    assert_eq!(kinds(&travelled), ["Piece", "RoundEnd"]);
    // An empty round is a round too.
    round(30, &mut source, &mut target, &[]);
    assert_eq!(source.round(), 3);

    // The final round, frozen.
    source.push_piece(piece(3, 40));
    source.frozen(at(40), b"frozen meta".to_vec());
    let travelled = exchange(at(41), &mut source, &mut target);
    assert_eq!(
        travelled,
        [
            Message::Piece {
                round: 3,
                bytes: piece(3, 40)
            },
            Message::Frozen {
                round: 3,
                pieces: 1,
                bytes: 40,
                meta: b"frozen meta".to_vec()
            }
        ]
    );
    assert_eq!(
        events_of_target(&mut target),
        [
            TargetEvent::Piece {
                round: 3,
                bytes: piece(3, 40)
            },
            TargetEvent::Finish {
                meta: b"frozen meta".to_vec()
            }
        ]
    );
    assert_eq!(source.precopy_bytes(), 350);
    assert_eq!(target.poll_timeout(), None, "no timeout while finishing");
    target.handle_restored(at(42), Ok(()));
    assert!(target.is_in_doubt());
    exchange(at(43), &mut source, &mut target);
    assert_eq!(events_of_source(&mut source), [SourceEvent::Committed]);
    assert_eq!(source.decision(), Some(Decision::Committed));
    exchange(at(44), &mut source, &mut target);
    assert_eq!(events_of_target(&mut target), [TargetEvent::Start]);
    assert!(source.is_finished() && target.is_finished());
}

#[test]
fn pieces_pushed_before_the_accept_wait_and_count_as_queued() {
    let (mut source, mut target) = (source(), target());
    source.push_piece(piece(0, 100));
    source.push_piece(piece(0, 70));
    source.end_round(at(0));
    source.push_piece(piece(1, 30));
    assert_eq!(source.queued_bytes(), 200);
    // Only the offer goes before the answer.
    assert_eq!(kinds(&transmits_of_source(&mut source)), ["Offer"]);
    target.handle_message(
        at(1),
        Message::Offer {
            id: ID,
            meta: Vec::new(),
            checkpoint_len: 0,
            classes: vec![hash(1), hash(2), hash(3)],
            precopy: Some(PreCopyOffer {
                max_bytes: MAX_BYTES,
            }),
        },
    );
    events_of_target(&mut target);
    target.accept_precopy(at(1), |_| true);
    source.handle_message(at(2), target.poll_transmit().expect("accept"));
    assert_eq!(source.queued_bytes(), 200);
    assert_eq!(
        kinds(&transmits_of_source(&mut source)),
        ["Piece", "Piece", "RoundEnd", "Piece"]
    );
    assert_eq!(source.queued_bytes(), 0);
}

#[test]
fn pipelined_rounds_are_applied_in_order() {
    let (mut source, mut target) = accepted();
    source.push_piece(piece(0, 10));
    source.end_round(at(3));
    source.push_piece(piece(1, 20));
    source.end_round(at(3));
    exchange(at(3), &mut source, &mut target);
    assert_eq!(events_of_target(&mut target).len(), 4);
    // Applying round 1 before round 0 is not possible: ignored.
    target.handle_applied(at(4), 1, Ok(()));
    assert!(transmits_of_target(&mut target).is_empty());
    target.handle_applied(at(4), 0, Ok(()));
    target.handle_applied(at(4), 1, Ok(()));
    // Round 2 has not ended.
    target.handle_applied(at(4), 2, Ok(()));
    exchange(at(5), &mut source, &mut target);
    assert_eq!(
        events_of_source(&mut source),
        [
            SourceEvent::Applied { round: 0 },
            SourceEvent::Applied { round: 1 }
        ]
    );
}

/// Runs `rounds` complete rounds, then opens another with one piece in flight.
fn in_round(rounds: u32) -> (Source, Target, Vec<Message>) {
    let (mut source, mut target) = accepted();
    let mut travelled = Vec::new();
    for round_index in 0..rounds {
        let now = 10 * u64::from(round_index + 1);
        travelled.extend(round(now, &mut source, &mut target, &[50, 20]));
    }
    source.push_piece(piece(rounds, 30));
    travelled.extend(exchange(at(100), &mut source, &mut target));
    events_of_target(&mut target);
    (source, target, travelled)
}

#[test]
fn an_abort_in_any_round_resumes_the_running_process_and_never_sends_frozen() {
    type Inject = fn(&mut Source, &mut Target);
    let injections: [(&str, Inject); 7] = [
        ("staging fails", |_, target| {
            target.handle_applied(at(101), 0, Err("bad piece".to_owned()))
        }),
        ("the target gives up", |_, target| {
            target.handle_message(
                at(101),
                Message::Chunk {
                    bytes: b"junk".to_vec(),
                },
            )
        }),
        ("the caller cancels", |source, _| {
            assert_eq!(
                source.abort(at(101), "operator".to_owned()),
                Decision::Aborted
            );
        }),
        ("the connection breaks", |source, target| {
            source.handle_connection_lost(at(101));
            target.handle_connection_lost(at(101));
        }),
        ("Applied never comes", |source, _| {
            source.end_round(at(101));
            let deadline = source.poll_timeout().expect("a round deadline");
            source.handle_timeout(deadline);
        }),
        ("the target's frame is malformed", |source, _| {
            source.handle_malformed(at(101), "truncated".to_owned())
        }),
        ("the target votes early", |source, _| {
            source.handle_message(at(101), Message::Restored)
        }),
    ];
    for rounds in 0..3 {
        for (name, inject) in injections {
            let (mut source, mut target, mut travelled) = in_round(rounds);
            inject(&mut source, &mut target);
            travelled.extend(exchange(at(102), &mut source, &mut target));
            let reason = resumed_reason(&mut source);
            assert_eq!(source.decision(), Some(Decision::Aborted), "{name}");
            assert!(
                matches!(
                    events_of_target(&mut target).last(),
                    Some(TargetEvent::Discard { .. })
                ),
                "{name} in round {rounds}: the target discards ({reason})"
            );
            // The caller, still running the process, goes on until it sees the event: ignored.
            source.push_piece(piece(rounds, 10));
            source.end_round(at(103));
            source.frozen(at(103), Vec::new());
            travelled.extend(exchange(at(104), &mut source, &mut target));
            assert!(
                travelled
                    .iter()
                    .all(|message| !matches!(message, Message::Frozen { .. })),
                "{name} in round {rounds}: Frozen sent"
            );
            assert!(events_of_source(&mut source).is_empty(), "{name}");
            assert!(source.is_finished() && target.is_finished(), "{name}");
        }
    }
}

#[test]
fn round_violations_are_refused_with_a_reason() {
    let piece_of = |round, len| Message::Piece {
        round,
        bytes: piece(round, len),
    };
    let round_end = |round, pieces, bytes| Message::RoundEnd {
        round,
        pieces,
        bytes,
    };
    let frozen = |round, pieces, bytes| Message::Frozen {
        round,
        pieces,
        bytes,
        meta: Vec::new(),
    };
    let cases: Vec<(Vec<Message>, MigrationError)> = vec![
        (
            vec![piece_of(1, 10)],
            MigrationError::RoundOutOfOrder {
                expected: 0,
                received: 1,
            },
        ),
        (
            vec![piece_of(0, 10), round_end(0, 1, 10), piece_of(2, 10)],
            MigrationError::RoundOutOfOrder {
                expected: 1,
                received: 2,
            },
        ),
        (
            vec![piece_of(0, 10), round_end(0, 1, 10), round_end(0, 0, 0)],
            MigrationError::RoundOutOfOrder {
                expected: 1,
                received: 0,
            },
        ),
        (
            vec![frozen(3, 0, 0)],
            MigrationError::RoundOutOfOrder {
                expected: 0,
                received: 3,
            },
        ),
        (
            vec![piece_of(0, 10), round_end(0, 2, 10)],
            MigrationError::RoundMismatch {
                round: 0,
                announced_pieces: 2,
                announced_bytes: 10,
                pieces: 1,
                bytes: 10,
            },
        ),
        (
            vec![piece_of(0, 10), frozen(0, 1, 11)],
            MigrationError::RoundMismatch {
                round: 0,
                announced_pieces: 1,
                announced_bytes: 11,
                pieces: 1,
                bytes: 10,
            },
        ),
        (
            // 4 MiB + 1: over the target's default `max_chunk_len`.
            vec![piece_of(0, (4 << 20) + 1)],
            MigrationError::TooLarge {
                what: "a piece",
                len: (4 << 20) + 1,
                limit: 4 << 20,
            },
        ),
        (
            vec![piece_of(0, 600), round_end(0, 1, 600), piece_of(1, 401)],
            MigrationError::TooLarge {
                what: "the pre-copy pieces",
                len: 1001,
                limit: MAX_BYTES,
            },
        ),
        (
            vec![Message::Chunk { bytes: vec![1] }],
            MigrationError::Unexpected {
                message: "Chunk",
                phase: "receiving pre-copy rounds",
            },
        ),
        (
            vec![Message::End { checkpoint_len: 0 }],
            MigrationError::Unexpected {
                message: "End",
                phase: "receiving pre-copy rounds",
            },
        ),
        (
            vec![Message::Restored],
            MigrationError::Unexpected {
                message: "Restored",
                phase: "receiving pre-copy rounds",
            },
        ),
        // Nothing but `Commit` or `Abort` follows `Frozen`.
        (
            vec![frozen(0, 0, 0), piece_of(0, 10)],
            MigrationError::Unexpected {
                message: "Piece",
                phase: "restoring",
            },
        ),
        (
            vec![frozen(0, 0, 0), round_end(0, 0, 0)],
            MigrationError::Unexpected {
                message: "RoundEnd",
                phase: "restoring",
            },
        ),
        (
            vec![frozen(0, 0, 0), frozen(0, 0, 0)],
            MigrationError::Unexpected {
                message: "Frozen",
                phase: "restoring",
            },
        ),
        (
            vec![frozen(0, 0, 0), Message::Commit],
            MigrationError::Unexpected {
                message: "Commit",
                phase: "restoring",
            },
        ),
        (
            vec![Message::Frozen {
                round: 0,
                pieces: 0,
                bytes: 0,
                meta: vec![0; (64 << 10) + 1],
            }],
            MigrationError::TooLarge {
                what: "the metadata",
                len: (64 << 10) + 1,
                limit: 64 << 10,
            },
        ),
    ];
    for (messages, expected) in cases {
        let (_, mut target) = accepted();
        for message in messages {
            target.handle_message(at(3), message);
        }
        let events = events_of_target(&mut target);
        assert_eq!(
            events.last(),
            Some(&TargetEvent::Discard {
                reason: expected.clone()
            }),
            "{events:?}"
        );
        assert_eq!(
            transmits_of_target(&mut target),
            [Message::Abort {
                reason: expected.to_string()
            }]
        );
        assert!(target.is_finished());
    }
}

#[test]
fn pieces_before_the_classes_are_refused() {
    for message in [
        Message::Piece {
            round: 0,
            bytes: vec![1],
        },
        Message::RoundEnd {
            round: 0,
            pieces: 0,
            bytes: 0,
        },
        Message::Frozen {
            round: 0,
            pieces: 0,
            bytes: 0,
            meta: Vec::new(),
        },
    ] {
        let mut target = Target::new(at(0), TargetConfig::default());
        target.handle_message(at(0), source().poll_transmit().expect("offer"));
        events_of_target(&mut target);
        target.accept_precopy(at(0), |held| *held == hash(2));
        target.handle_message(
            at(1),
            Message::Class {
                hash: hash(1),
                bytes: vec![1; 10],
            },
        );
        target.handle_message(at(1), message);
        assert_eq!(
            discard_reason(&mut target),
            MigrationError::ClassesMissing { missing: 1 }
        );
    }
    // A class after all of them arrived was not asked for.
    let (_, mut target) = accepted();
    target.handle_message(
        at(3),
        Message::Class {
            hash: hash(1),
            bytes: vec![1; 10],
        },
    );
    assert_eq!(
        discard_reason(&mut target),
        MigrationError::ClassNotAsked(hash(1))
    );
}

#[test]
fn after_frozen_and_the_vote_only_the_decision_counts() {
    let (mut source, mut target) = accepted();
    source.frozen(at(3), b"m".to_vec());
    exchange(at(3), &mut source, &mut target);
    assert_eq!(
        events_of_target(&mut target),
        [TargetEvent::Finish {
            meta: b"m".to_vec()
        }]
    );
    target.handle_restored(at(4), Ok(()));
    assert_eq!(transmits_of_target(&mut target), [Message::Restored]);
    target.handle_message(
        at(5),
        Message::Piece {
            round: 0,
            bytes: vec![1],
        },
    );
    assert!(target.is_in_doubt());
    assert!(transmits_of_target(&mut target).is_empty(), "no Abort");
    assert!(events_of_target(&mut target).is_empty());
}

#[test]
fn precopy_offers_over_the_limits_are_refused() {
    let config = TargetConfig {
        max_precopy_bytes: 999,
        ..TargetConfig::default()
    };
    let offers = [
        (
            0,
            1000,
            MigrationError::TooLarge {
                what: "the pre-copy",
                len: 1000,
                limit: 999,
            },
        ),
        (
            5,
            10,
            MigrationError::InvalidOffer {
                detail: "a pre-copy offer announces a checkpoint",
            },
        ),
    ];
    for (checkpoint_len, max_bytes, expected) in offers {
        let mut target = Target::new(at(0), config.clone());
        target.handle_message(
            at(1),
            Message::Offer {
                id: ID,
                meta: Vec::new(),
                checkpoint_len,
                classes: Vec::new(),
                precopy: Some(PreCopyOffer { max_bytes }),
            },
        );
        assert_eq!(discard_reason(&mut target), expected);
        assert_eq!(
            transmits_of_target(&mut target),
            [Message::Refuse {
                reason: expected.to_string()
            }]
        );
    }
}

#[test]
fn the_source_takes_restored_only_after_frozen_went_out() {
    let (mut source, _) = accepted();
    source.handle_message(at(3), Message::Restored);
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::Unexpected {
            message: "Restored",
            phase: "pre-copying"
        }
    );
    assert!(matches!(
        transmits_of_source(&mut source)[..],
        [Message::Abort { .. }]
    ));

    // `frozen` was called, but `Frozen` has not gone out yet.
    let (mut source, _) = accepted();
    source.frozen(at(3), Vec::new());
    source.handle_message(at(3), Message::Restored);
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::Unexpected {
            message: "Restored",
            phase: "sending the final round"
        }
    );

    let (mut source, _) = accepted();
    source.frozen(at(3), Vec::new());
    assert_eq!(kinds(&transmits_of_source(&mut source)), ["Frozen"]);
    source.handle_message(at(4), Message::Restored);
    assert_eq!(events_of_source(&mut source), [SourceEvent::Committed]);
}

#[test]
fn the_source_checks_applied() {
    // Round 0 has not ended.
    let (mut source, _) = accepted();
    source.push_piece(piece(0, 10));
    transmits_of_source(&mut source);
    source.handle_message(at(3), Message::Applied { round: 0 });
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::Unexpected {
            message: "Applied",
            phase: "pre-copying"
        }
    );
    // Ended, but its `RoundEnd` has not gone out.
    let (mut source, _) = accepted();
    source.end_round(at(3));
    source.handle_message(at(3), Message::Applied { round: 0 });
    assert!(matches!(
        resumed_reason(&mut source),
        MigrationError::Unexpected {
            message: "Applied",
            ..
        }
    ));
    // Out of order, or twice.
    for applied in [[1, 0], [0, 0]] {
        let (mut source, _) = accepted();
        source.end_round(at(3));
        source.end_round(at(3));
        transmits_of_source(&mut source);
        for round in applied {
            source.handle_message(at(4), Message::Applied { round });
        }
        let events = events_of_source(&mut source);
        assert!(
            matches!(
                events.last(),
                Some(SourceEvent::ResumeLocally {
                    reason: MigrationError::RoundOutOfOrder { .. }
                })
            ),
            "{events:?}"
        );
    }
    // Before the answer to the offer.
    let mut source = self::source();
    source.poll_transmit();
    source.handle_message(at(1), Message::Applied { round: 0 });
    assert!(matches!(
        resumed_reason(&mut source),
        MigrationError::Unexpected {
            message: "Applied",
            ..
        }
    ));
}

#[test]
fn a_target_without_precopy_makes_the_source_abort_cleanly() {
    // An old target: its `Accept` has no `precopy` field on the wire.
    let mut old_accept = Vec::new();
    ciborium::into_writer(&OldMessage::Accept { missing: vec![] }, &mut old_accept)
        .expect("serializes");
    let old_accept: Message = ciborium::from_reader(&old_accept[..]).expect("decodes");
    let mut source = source();
    source.push_piece(piece(0, 10));
    source.poll_transmit();
    source.handle_message(at(1), old_accept);
    assert_eq!(resumed_reason(&mut source), MigrationError::PreCopyDeclined);
    assert_eq!(source.decision(), Some(Decision::Aborted));
    assert_eq!(
        transmits_of_source(&mut source),
        [Message::Abort {
            reason: MigrationError::PreCopyDeclined.to_string()
        }],
        "no piece went out"
    );
    assert_eq!(source.queued_bytes(), 0);
    assert!(source.is_finished());

    // A new target whose caller cannot stage rounds declines the same way.
    let (mut source, mut target) = (self::source(), target());
    target.handle_message(at(1), source.poll_transmit().expect("offer"));
    events_of_target(&mut target);
    target.accept(at(1), |_| false);
    assert_eq!(discard_reason(&mut target), MigrationError::PreCopyDeclined);
    let travelled = exchange(at(2), &mut source, &mut target);
    assert_eq!(kinds(&travelled), ["Abort"]);
    assert_eq!(resumed_reason(&mut source), MigrationError::PreCopyDeclined);
    assert!(source.is_finished() && target.is_finished());
}

#[test]
fn classic_offers_and_accepts_ignore_precopy_capability() {
    // A target that does pre-copy takes a classic offer the classic way.
    let mut source = Source::new(
        at(0),
        ID,
        Vec::new(),
        vec![7; 10],
        Vec::new(),
        source_config(),
    );
    let mut target = target();
    target.handle_message(at(0), source.poll_transmit().expect("offer"));
    events_of_target(&mut target);
    target.accept_precopy(at(0), |_| true);
    assert_eq!(
        target.poll_transmit(),
        Some(Message::Accept {
            missing: Vec::new(),
            precopy: false
        })
    );
    source.handle_message(
        at(1),
        Message::Accept {
            missing: Vec::new(),
            precopy: false,
        },
    );
    exchange(at(1), &mut source, &mut target);
    assert!(matches!(
        events_of_target(&mut target)[..],
        [TargetEvent::Restore { .. }]
    ));

    // A target claiming pre-copy for a classic offer is confused.
    let mut source = Source::new(
        at(0),
        ID,
        Vec::new(),
        Vec::new(),
        Vec::new(),
        source_config(),
    );
    source.poll_transmit();
    source.handle_message(
        at(1),
        Message::Accept {
            missing: Vec::new(),
            precopy: true,
        },
    );
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::Unexpected {
            message: "Accept with pre-copy",
            phase: "waiting for an answer to the offer"
        }
    );
}

#[test]
fn the_source_enforces_its_limits_and_refuses_misuse() {
    // A piece over the chunk size (100 here).
    let (mut source, _) = accepted();
    source.push_piece(vec![0; 101]);
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::TooLarge {
            what: "a piece",
            len: 101,
            limit: 100
        }
    );
    // Pieces over the offer's bound.
    let (mut source, _) = accepted();
    for _ in 0..10 {
        source.push_piece(vec![0; 100]);
    }
    assert!(events_of_source(&mut source).is_empty());
    source.push_piece(vec![0; 1]);
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::TooLarge {
            what: "the pre-copy pieces",
            len: 1001,
            limit: MAX_BYTES
        }
    );
    // Rounds after the freeze, or pieces on a classic migration, are the caller's bug.
    type Misuse = fn(&mut Source);
    let misuses: [(Misuse, &str); 3] = [
        (
            |source| source.push_piece(vec![1]),
            "push_piece after frozen",
        ),
        (|source| source.end_round(at(5)), "end_round after frozen"),
        (
            |source| source.frozen(at(5), Vec::new()),
            "frozen after frozen",
        ),
    ];
    for (misuse, reason) in misuses {
        let (mut source, _) = accepted();
        source.frozen(at(4), Vec::new());
        misuse(&mut source);
        assert_eq!(
            resumed_reason(&mut source),
            MigrationError::Cancelled {
                reason: reason.to_owned()
            }
        );
        assert!(matches!(
            transmits_of_source(&mut source)[..],
            [Message::Abort { .. }]
        ));
    }
    let mut classic = Source::new(
        at(0),
        ID,
        Vec::new(),
        Vec::new(),
        Vec::new(),
        source_config(),
    );
    classic.push_piece(vec![1]);
    assert_eq!(
        resumed_reason(&mut classic),
        MigrationError::Cancelled {
            reason: "push_piece on a classic migration".to_owned()
        }
    );
}

#[test]
fn precopy_deadlines_cover_a_missing_applied_and_the_restore() {
    let config = SourceConfig {
        chunk_size: 1 << 20,
        ..source_config()
    };
    let mut source = Source::new_precopy(at(0), ID, Vec::new(), Vec::new(), 8 << 20, config);
    // The answer timeout is 1 s.
    assert_eq!(source.poll_timeout(), Some(at(1000)));
    source.poll_transmit();
    source.handle_message(
        at(500),
        Message::Accept {
            missing: Vec::new(),
            precopy: true,
        },
    );
    // The round timeout is 2 s, plus 1 s per started MiB the target has not confirmed.
    assert_eq!(source.poll_timeout(), Some(at(2500)));
    source.push_piece(vec![0; 1 << 20]);
    source.push_piece(vec![0; 1]);
    assert_eq!(source.poll_timeout(), Some(at(4500)));
    // Ending the round is progress; `Applied` confirms the round's bytes.
    source.end_round(at(1000));
    assert_eq!(source.poll_timeout(), Some(at(5000)));
    transmits_of_source(&mut source);
    source.handle_message(at(1500), Message::Applied { round: 0 });
    events_of_source(&mut source);
    assert_eq!(source.poll_timeout(), Some(at(3500)));
    // Frozen: 5 s of restore allowance plus 1 s per started MiB of the final round.
    source.push_piece(vec![0; 1 << 20]);
    source.frozen(at(2000), Vec::new());
    assert_eq!(source.poll_timeout(), Some(at(8000)));
    source.handle_timeout(at(7999));
    assert!(source.decision().is_none());
    transmits_of_source(&mut source);
    source.handle_timeout(at(8000));
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::Timeout {
            phase: "waiting for the target to restore"
        }
    );

    // A round whose `Applied` never comes.
    let (mut source, _) = accepted();
    source.end_round(at(10));
    transmits_of_source(&mut source);
    assert_eq!(
        source.poll_timeout(),
        Some(at(3010)),
        "plus the classes' MiB"
    );
    source.handle_timeout(at(3010));
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::Timeout {
            phase: "waiting for the target to apply a round"
        }
    );
}

#[test]
fn the_target_is_not_idle_while_it_stages_a_round() {
    let (mut source, mut target) = accepted();
    // Accepted at 1 ms; the idle timeout is 30 s.
    assert_eq!(target.poll_timeout(), Some(at(30_002)));
    source.push_piece(piece(0, 10));
    source.end_round(at(3));
    exchange(at(3), &mut source, &mut target);
    assert_eq!(events_of_target(&mut target).len(), 2);
    assert_eq!(target.poll_timeout(), None);
    target.handle_timeout(at(100_000));
    assert!(!target.is_finished());
    target.handle_applied(at(100_000), 0, Ok(()));
    assert_eq!(target.poll_timeout(), Some(at(130_000)));
    target.handle_timeout(at(130_000));
    assert!(matches!(
        discard_reason(&mut target),
        MigrationError::Timeout {
            phase: "receiving pre-copy rounds"
        }
    ));
}

/// The messages as they were before pre-copy, as an old peer encodes and decodes them.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum OldMessage {
    Offer {
        id: MigrationId,
        #[serde(with = "serde_bytes")]
        meta: Vec<u8>,
        checkpoint_len: u64,
        classes: Vec<ClassHash>,
    },
    Accept {
        missing: Vec<ClassHash>,
    },
}

fn cbor<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).expect("serializes");
    bytes
}

#[test]
fn precopy_messages_survive_cbor() {
    let messages = [
        Message::Offer {
            id: ID,
            meta: vec![1],
            checkpoint_len: 0,
            classes: vec![hash(4)],
            precopy: Some(PreCopyOffer { max_bytes: 1 << 40 }),
        },
        Message::Accept {
            missing: vec![hash(5)],
            precopy: true,
        },
        Message::Piece {
            round: 7,
            bytes: vec![8; 9],
        },
        Message::RoundEnd {
            round: 7,
            pieces: u32::MAX,
            bytes: u64::MAX,
        },
        Message::Applied { round: u32::MAX },
        Message::Frozen {
            round: 8,
            pieces: 0,
            bytes: 0,
            meta: vec![1, 2, 3],
        },
    ];
    for message in messages {
        let back: Message = ciborium::from_reader(&cbor(&message)[..]).expect("deserializes");
        assert_eq!(back, message);
        // Old peers know none of this: they reject the new variants as malformed.
        if !matches!(message, Message::Offer { .. } | Message::Accept { .. }) {
            assert!(ciborium::from_reader::<OldMessage, _>(&cbor(&message)[..]).is_err());
        }
    }
    // Pieces travel as one byte string, not as a list of integers (two bytes each here).
    let piece = Message::Piece {
        round: 0,
        bytes: vec![200; 1000],
    };
    assert!(cbor(&piece).len() < 1100, "{}", cbor(&piece).len());
}

#[test]
fn classic_messages_keep_their_old_encoding() {
    let old_offer = OldMessage::Offer {
        id: ID,
        meta: vec![1, 2],
        checkpoint_len: 3,
        classes: vec![hash(4)],
    };
    let new_offer = Message::Offer {
        id: ID,
        meta: vec![1, 2],
        checkpoint_len: 3,
        classes: vec![hash(4)],
        precopy: None,
    };
    let old_accept = OldMessage::Accept {
        missing: vec![hash(5)],
    };
    let new_accept = Message::Accept {
        missing: vec![hash(5)],
        precopy: false,
    };
    // Old bytes decode, the new fields taking their defaults...
    let decoded: Message = ciborium::from_reader(&cbor(&old_offer)[..]).expect("old Offer");
    assert_eq!(decoded, new_offer);
    let decoded: Message = ciborium::from_reader(&cbor(&old_accept)[..]).expect("old Accept");
    assert_eq!(decoded, new_accept);
    // ...and the classic messages are byte for byte what they were.
    assert_eq!(cbor(&new_offer), cbor(&old_offer));
    assert_eq!(cbor(&new_accept), cbor(&old_accept));
    // `{"Accept": {"missing": []}}`, written out.
    let mut golden = vec![0xa1, 0x66];
    golden.extend_from_slice(b"Accept");
    golden.extend_from_slice(&[0xa1, 0x67]);
    golden.extend_from_slice(b"missing");
    golden.push(0x80);
    let decoded: Message = ciborium::from_reader(&golden[..]).expect("golden Accept");
    assert_eq!(
        decoded,
        Message::Accept {
            missing: Vec::new(),
            precopy: false
        }
    );
    assert_eq!(
        cbor(&Message::Accept {
            missing: Vec::new(),
            precopy: false
        }),
        golden
    );
    // An old target reads a pre-copy offer as a classic one (and answers without pre-copy).
    let precopy_offer = Message::Offer {
        id: ID,
        meta: vec![1, 2],
        checkpoint_len: 0,
        classes: vec![hash(4)],
        precopy: Some(PreCopyOffer { max_bytes: 5 }),
    };
    let seen: OldMessage = ciborium::from_reader(&cbor(&precopy_offer)[..]).expect("old reads it");
    assert!(matches!(
        seen,
        OldMessage::Offer {
            checkpoint_len: 0,
            ..
        }
    ));
}

fn stats(bytes: u64, millis: u64, dirty: u64) -> RoundStats {
    RoundStats {
        bytes,
        duration: Duration::from_millis(millis),
        dirty,
    }
}

const MB: u64 = 1_000_000;

fn reason(rounds: &[RoundStats], live: u64, elapsed_secs: u64) -> Option<FreezeReason> {
    next_step(
        rounds,
        &PreCopyConfig::default(),
        live,
        Duration::from_secs(elapsed_secs),
    )
    .freeze_reason()
}

#[test]
fn the_policy_freezes_when_the_predicted_freeze_is_short_enough() {
    // 100 MB/s: 500 KB take 5 ms, plus 2 ms fixed, under 10 ms.
    let rounds = [stats(100 * MB, 1000, MB / 2)];
    assert_eq!(reason(&rounds, 1000 * MB, 1), Some(FreezeReason::Converged));
    let step = next_step(
        &rounds,
        &PreCopyConfig::default(),
        1000 * MB,
        Duration::ZERO,
    );
    let predicted = step.figures().predicted.expect("a prediction");
    assert!(
        predicted.abs_diff(Duration::from_millis(7)) < Duration::from_micros(1),
        "{predicted:?}"
    );
    // 900 KB take 9 ms: 11 ms predicted.
    assert_eq!(
        reason(&[stats(100 * MB, 1000, 900_000)], 1000 * MB, 1),
        None
    );
    // Nothing dirty costs only the fixed part.
    assert_eq!(
        reason(&[stats(0, 0, 0)], 1000 * MB, 1),
        Some(FreezeReason::Converged)
    );
    // A round that sent nothing predicts with the throughput of the last one that did.
    let rounds = [stats(100 * MB, 1000, MB), stats(0, 10, MB / 2)];
    assert_eq!(reason(&rounds, 1000 * MB, 1), Some(FreezeReason::Converged));
    // With no throughput at all, there is no prediction.
    assert_eq!(reason(&[stats(0, 10, MB)], 1000 * MB, 1), None);
    // Before round 0 there is nothing to predict from.
    assert_eq!(reason(&[], 1000 * MB, 0), None);
}

#[test]
fn the_policy_freezes_when_rounds_stop_shrinking_the_dirty_rest() {
    // Each of the last two rounds left more than 80% of the one before: stalled.
    let rounds = [
        stats(100 * MB, 1000, 10 * MB),
        stats(10 * MB, 100, 9 * MB),
        stats(9 * MB, 90, 8 * MB),
    ];
    assert_eq!(reason(&rounds, 1000 * MB, 1), Some(FreezeReason::Stalled));
    // Only once: go on.
    let rounds = [
        stats(100 * MB, 1000, 10 * MB),
        stats(10 * MB, 100, 7 * MB),
        stats(7 * MB, 70, 6 * MB),
    ];
    assert_eq!(reason(&rounds, 1000 * MB, 1), None);
    // Exactly 80% is shrinking enough.
    let rounds = [
        stats(100 * MB, 1000, 10 * MB),
        stats(10 * MB, 100, 8 * MB),
        stats(8 * MB, 80, 7 * MB),
    ];
    assert_eq!(reason(&rounds, 1000 * MB, 1), None);
}

#[test]
fn the_policy_freezes_when_another_round_would_spend_too_much() {
    // S + 2·D = 100 + 60 > 1.5 · 100.
    assert_eq!(
        reason(&[stats(100 * MB, 1000, 30 * MB)], 100 * MB, 1),
        Some(FreezeReason::Budget)
    );
    // 100 + 50 is not over 150.
    assert_eq!(reason(&[stats(100 * MB, 1000, 25 * MB)], 100 * MB, 1), None);
}

#[test]
fn the_policy_freezes_after_max_rounds_or_max_duration() {
    let config = PreCopyConfig {
        max_rounds: 2,
        ..PreCopyConfig::default()
    };
    let rounds = [stats(100 * MB, 1000, 10 * MB), stats(10 * MB, 100, 5 * MB)];
    assert_eq!(
        next_step(&rounds, &config, 1000 * MB, Duration::ZERO).freeze_reason(),
        Some(FreezeReason::MaxRounds)
    );
    assert_eq!(
        next_step(&rounds[..1], &config, 1000 * MB, Duration::ZERO).freeze_reason(),
        None
    );
    // No rounds at all: stop-and-copy through the pre-copy pipeline.
    let config = PreCopyConfig {
        max_rounds: 0,
        ..PreCopyConfig::default()
    };
    assert_eq!(
        next_step(&[], &config, 1000 * MB, Duration::ZERO).freeze_reason(),
        Some(FreezeReason::MaxRounds)
    );
    let rounds = [stats(100 * MB, 1000, 10 * MB)];
    assert_eq!(reason(&rounds, 1000 * MB, 119), None);
    assert_eq!(reason(&rounds, 1000 * MB, 120), Some(FreezeReason::Timeout));
    // The first reason that holds wins: converged before the timeout.
    assert_eq!(
        reason(&[stats(100 * MB, 1000, 0)], 1000 * MB, 500),
        Some(FreezeReason::Converged)
    );
    assert!(!FreezeReason::Converged.is_fallback());
    assert!(FreezeReason::Timeout.is_fallback());
}

#[test]
fn a_step_displays_as_one_log_line() {
    let rounds = [
        stats(1_020 * MB, 2000, 61 * MB),
        stats(61 * MB, 100, 260_000),
    ];
    let step = next_step(
        &rounds,
        &PreCopyConfig::default(),
        1_010 * MB,
        Duration::from_millis(2400),
    );
    assert_eq!(
        step.to_string(),
        "rounds=2 sent=[1.02 GB, 61.0 MB] live=1.01 GB dirty=260 KB dirty_rate=2.60 MB/s \
         throughput=610 MB/s predicted=2.4ms elapsed=2.4s step=freeze reason=converged"
    );
    let step = next_step(&[], &PreCopyConfig::default(), 999, Duration::ZERO);
    assert_eq!(
        step.to_string(),
        "rounds=0 sent=[] live=999 B dirty=0 B elapsed=0.0ns step=round"
    );
    assert!(matches!(step, Step::Round(_)));
}
