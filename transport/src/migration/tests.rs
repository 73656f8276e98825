//! Unit tests of the source and target machines, one path or failure at a time. Messages move
//! by hand here; `sim` runs them over an unreliable simulated network.

use std::time::Duration;

use super::target::append_bounded;
use super::{
    ClassHash, Decision, Decisions, Lookup, Message, MigrationError, MigrationId, Source,
    SourceConfig, SourceEvent, Target, TargetConfig, TargetEvent, Time,
};

pub(super) const ID: MigrationId = MigrationId([9; 16]);

pub(super) fn at(ms: u64) -> Time {
    Time::from_micros(ms * 1000)
}

pub(super) fn hash(n: u8) -> ClassHash {
    ClassHash([n; 32])
}

pub(super) fn classes() -> Vec<(ClassHash, Vec<u8>)> {
    vec![
        (hash(1), vec![1; 10]),
        (hash(2), vec![2; 20]),
        (hash(3), vec![3; 30]),
    ]
}

fn checkpoint() -> Vec<u8> {
    (0..250u8).collect()
}

pub(super) fn source_config() -> SourceConfig {
    SourceConfig {
        chunk_size: 100,
        answer_timeout: Duration::from_secs(1),
        restore_allowance: Duration::from_secs(5),
        allowance_per_mib: Duration::from_secs(1),
        round_timeout: Duration::from_secs(2),
    }
}

fn source() -> Source {
    Source::new(
        at(0),
        ID,
        b"meta".to_vec(),
        checkpoint(),
        classes(),
        source_config(),
    )
}

pub(super) fn target() -> Target {
    Target::new(at(0), TargetConfig::default())
}

pub(super) fn transmits_of_source(source: &mut Source) -> Vec<Message> {
    std::iter::from_fn(|| source.poll_transmit()).collect()
}

pub(super) fn transmits_of_target(target: &mut Target) -> Vec<Message> {
    std::iter::from_fn(|| target.poll_transmit()).collect()
}

pub(super) fn events_of_source(source: &mut Source) -> Vec<SourceEvent> {
    std::iter::from_fn(|| source.poll_event()).collect()
}

pub(super) fn events_of_target(target: &mut Target) -> Vec<TargetEvent> {
    std::iter::from_fn(|| target.poll_event()).collect()
}

/// Delivers everything each side has to send to the other, until both are quiet; returns what
/// travelled from the source.
pub(super) fn exchange(now: Time, source: &mut Source, target: &mut Target) -> Vec<Message> {
    let mut travelled = Vec::new();
    loop {
        let from_source = transmits_of_source(source);
        let from_target = transmits_of_target(target);
        if from_source.is_empty() && from_target.is_empty() {
            return travelled;
        }
        for message in from_source {
            travelled.push(message.clone());
            target.handle_message(now, message);
        }
        for message in from_target {
            source.handle_message(now, message);
        }
    }
}

/// Offer delivered and accepted (the target holding class 2): source streaming, target
/// receiving.
fn accepted() -> (Source, Target) {
    let (mut source, mut target) = (source(), target());
    let offer = source.poll_transmit().expect("offer");
    target.handle_message(at(1), offer);
    assert!(matches!(
        events_of_target(&mut target)[..],
        [TargetEvent::Offered(_)]
    ));
    target.accept(at(1), |held| *held == hash(2));
    let accept = target.poll_transmit().expect("accept");
    source.handle_message(at(2), accept);
    (source, target)
}

/// Everything transferred and the target restoring.
fn restoring() -> (Source, Target) {
    let (mut source, mut target) = accepted();
    exchange(at(3), &mut source, &mut target);
    assert!(matches!(
        events_of_target(&mut target)[..],
        [TargetEvent::Restore { .. }]
    ));
    (source, target)
}

/// The target has voted `Restored`, which has not reached the source yet.
fn voted() -> (Source, Target) {
    let (source, mut target) = restoring();
    target.handle_restored(at(4), Ok(()));
    (source, target)
}

pub(super) fn resumed_reason(source: &mut Source) -> MigrationError {
    match &events_of_source(source)[..] {
        [SourceEvent::ResumeLocally { reason }] => reason.clone(),
        other => panic!("expected ResumeLocally, got {other:?}"),
    }
}

pub(super) fn discard_reason(target: &mut Target) -> MigrationError {
    match &events_of_target(target)[..] {
        [TargetEvent::Discard { reason }] => reason.clone(),
        other => panic!("expected Discard, got {other:?}"),
    }
}

#[test]
fn happy_path_moves_the_process_and_sends_only_missing_classes() {
    let (mut source, mut target) = (source(), target());
    let offer = source.poll_transmit().expect("offer");
    assert_eq!(
        offer,
        Message::Offer {
            id: ID,
            meta: b"meta".to_vec(),
            checkpoint_len: 250,
            classes: vec![hash(1), hash(2), hash(3)],
            precopy: None,
        }
    );
    target.handle_message(at(1), offer);
    let offered = match &events_of_target(&mut target)[..] {
        [TargetEvent::Offered(offered)] => offered.clone(),
        other => panic!("expected Offered, got {other:?}"),
    };
    assert_eq!((offered.id, offered.checkpoint_len), (ID, 250));
    target.accept(at(1), |held| *held == hash(2));
    let travelled = exchange(at(2), &mut source, &mut target);
    let kinds: Vec<_> = travelled.iter().map(Message::kind).collect();
    assert_eq!(kinds, ["Class", "Class", "Chunk", "Chunk", "Chunk", "End"]);
    assert_eq!(
        travelled[0],
        Message::Class {
            hash: hash(1),
            bytes: vec![1; 10]
        }
    );
    assert_eq!(
        travelled[1],
        Message::Class {
            hash: hash(3),
            bytes: vec![3; 30]
        }
    );
    assert_eq!(
        travelled[5],
        Message::End {
            checkpoint_len: 250
        }
    );

    match events_of_target(&mut target).as_slice() {
        [
            TargetEvent::Restore {
                meta,
                checkpoint: restored,
                classes,
            },
        ] => {
            assert_eq!(meta, b"meta");
            assert_eq!(*restored, checkpoint());
            assert_eq!(
                *classes,
                vec![(hash(1), vec![1; 10]), (hash(3), vec![3; 30])]
            );
        }
        other => panic!("expected Restore, got {other:?}"),
    }
    target.handle_restored(at(3), Ok(()));
    assert!(target.is_in_doubt());
    assert_eq!(target.poll_transmit(), Some(Message::Restored));
    source.handle_message(at(4), Message::Restored);
    // `Commit` waits until the caller has seen (and recorded) the decision.
    assert_eq!(source.poll_transmit(), None);
    assert_eq!(events_of_source(&mut source), [SourceEvent::Committed]);
    assert_eq!(source.decision(), Some(Decision::Committed));
    assert_eq!(transmits_of_source(&mut source), [Message::Commit]);
    assert!(source.is_finished());
    target.handle_message(at(5), Message::Commit);
    assert_eq!(events_of_target(&mut target), [TargetEvent::Start]);
    assert!(target.is_finished());
    assert_eq!((source.poll_timeout(), target.poll_timeout()), (None, None));
}

#[test]
fn empty_checkpoint_and_all_classes_held_send_only_end() {
    let mut source = Source::new(
        at(0),
        ID,
        Vec::new(),
        Vec::new(),
        classes(),
        source_config(),
    );
    let mut target = target();
    target.handle_message(at(0), source.poll_transmit().expect("offer"));
    events_of_target(&mut target);
    target.accept(at(0), |_| true);
    let travelled = exchange(at(0), &mut source, &mut target);
    assert_eq!(travelled, [Message::End { checkpoint_len: 0 }]);
    assert!(matches!(
        events_of_target(&mut target)[..],
        [TargetEvent::Restore { .. }]
    ));
}

#[test]
fn refusal_resumes_on_the_source() {
    let (mut source, mut target) = (source(), target());
    target.handle_message(at(1), source.poll_transmit().expect("offer"));
    events_of_target(&mut target);
    target.refuse(at(1), "overloaded".to_owned());
    let reason = MigrationError::Refused {
        reason: "overloaded".to_owned(),
    };
    assert_eq!(discard_reason(&mut target), reason);
    exchange(at(2), &mut source, &mut target);
    assert_eq!(resumed_reason(&mut source), reason);
    assert_eq!(source.decision(), Some(Decision::Aborted));
    assert!(source.is_finished() && target.is_finished());
}

#[test]
fn failed_restore_aborts_and_resumes_on_the_source() {
    let (mut source, mut target) = restoring();
    target.handle_restored(at(4), Err("bad frame".to_owned()));
    let reason = discard_reason(&mut target);
    assert_eq!(
        reason,
        MigrationError::RestoreFailed {
            reason: "bad frame".to_owned()
        }
    );
    exchange(at(5), &mut source, &mut target);
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::AbortedByPeer {
            reason: reason.to_string()
        }
    );
}

#[test]
fn source_times_out_waiting_for_an_answer() {
    let mut source = source();
    source.poll_transmit();
    assert_eq!(source.poll_timeout(), Some(at(1000)));
    source.handle_timeout(at(999));
    assert!(source.decision().is_none());
    source.handle_timeout(at(1000));
    assert!(matches!(
        resumed_reason(&mut source),
        MigrationError::Timeout { .. }
    ));
    assert!(matches!(
        transmits_of_source(&mut source)[..],
        [Message::Abort { .. }]
    ));
}

#[test]
fn source_times_out_during_transfer_and_waiting_for_restored() {
    // The allowance is 5 s plus 1 s for the (one, started) MiB.
    let (mut source, _) = accepted();
    source.poll_transmit();
    assert_eq!(source.poll_timeout(), Some(at(6000)));
    source.handle_timeout(at(6000));
    let reason = resumed_reason(&mut source);
    assert_eq!(
        reason,
        MigrationError::Timeout {
            phase: "sending classes and checkpoint"
        }
    );

    let (mut source, _) = restoring();
    source.handle_timeout(at(6000));
    let reason = resumed_reason(&mut source);
    assert_eq!(
        reason,
        MigrationError::Timeout {
            phase: "waiting for the target to restore"
        }
    );
    assert!(matches!(
        transmits_of_source(&mut source)[..],
        [Message::Abort { .. }]
    ));
}

#[test]
fn target_times_out_before_the_offer_and_during_transfer() {
    let mut target = target();
    target.handle_timeout(at(30_000));
    assert!(matches!(
        discard_reason(&mut target),
        MigrationError::Timeout { .. }
    ));

    let (_, mut target) = accepted();
    assert_eq!(target.poll_timeout(), Some(at(30_001)));
    target.handle_message(
        at(10),
        Message::Class {
            hash: hash(1),
            bytes: vec![1; 10],
        },
    );
    target.handle_timeout(at(30_001));
    assert!(
        events_of_target(&mut target).is_empty(),
        "a message restarts the idle timer"
    );
    target.handle_timeout(at(30_010));
    assert_eq!(
        discard_reason(&mut target),
        MigrationError::Timeout {
            phase: "receiving classes and checkpoint"
        }
    );
    assert!(matches!(
        transmits_of_target(&mut target)[..],
        [Message::Abort { .. }]
    ));
}

#[test]
fn restoring_has_no_target_timeout() {
    let (_, target) = restoring();
    assert_eq!(target.poll_timeout(), None);
}

#[test]
fn commit_timeout_puts_the_target_in_doubt_and_the_answer_settles_it() {
    for committed in [true, false] {
        let (_, mut target) = voted();
        target.poll_transmit();
        assert_eq!(target.poll_timeout(), Some(at(30_004)));
        target.handle_timeout(at(30_004));
        assert!(target.is_in_doubt() && events_of_target(&mut target).is_empty());
        assert_eq!(
            target.poll_query(at(30_004)),
            Some(Message::OutcomeQuery { id: ID })
        );
        assert_eq!(target.poll_query(at(30_004)), None, "one query at a time");
        target.handle_message(at(30_010), Message::Outcome { id: ID, committed });
        let events = events_of_target(&mut target);
        if committed {
            assert_eq!(events, [TargetEvent::Start]);
        } else {
            assert!(matches!(events[..], [TargetEvent::Discard { .. }]));
        }
        assert!(target.is_finished());
    }
}

#[test]
fn in_doubt_queries_back_off_and_ignore_other_migrations() {
    let (_, mut target) = voted();
    target.handle_connection_lost(at(5));
    assert!(
        transmits_of_target(&mut target).is_empty(),
        "the vote cannot be sent any more"
    );
    assert_eq!(target.poll_timeout(), Some(at(5)));
    assert!(target.poll_query(at(5)).is_some());
    // Failures back off 200, 400, 800 ms (the default minimum, doubling).
    let mut now = at(5);
    for wait in [200, 400, 800] {
        target.handle_query_failed(now);
        assert_eq!(target.poll_query(now), None);
        now = at(now.as_micros() / 1000 + wait);
        assert_eq!(target.poll_timeout(), Some(now));
        assert!(target.poll_query(now).is_some());
    }
    // An unanswered query times out (10 s by default) and counts as failed.
    target.handle_timeout(now + Duration::from_secs(10));
    assert!(target.poll_query(now + Duration::from_secs(10)).is_none());
    let other = MigrationId([1; 16]);
    target.handle_message(
        now,
        Message::Outcome {
            id: other,
            committed: true,
        },
    );
    target.handle_malformed(now, "garbage".to_owned());
    assert!(target.is_in_doubt() && events_of_target(&mut target).is_empty());
    // A late `Commit` on the old connection settles it too.
    target.handle_message(now, Message::Commit);
    assert_eq!(events_of_target(&mut target), [TargetEvent::Start]);
}

#[test]
fn source_connection_lost_at_each_phase_resumes_without_sending() {
    let mut offering = source();
    offering.poll_transmit();
    let (mut transferring, _) = accepted();
    transferring.poll_transmit();
    let (waiting, _) = restoring();
    for (mut source, phase) in [
        (offering, "waiting for an answer to the offer"),
        (transferring, "sending classes and checkpoint"),
        (waiting, "waiting for the target to restore"),
    ] {
        source.handle_connection_lost(at(10));
        assert_eq!(
            resumed_reason(&mut source),
            MigrationError::ConnectionLost { phase }
        );
        assert!(transmits_of_source(&mut source).is_empty());
        assert!(source.is_finished());
    }
    // After the decision the loss changes nothing: the target will ask.
    let (mut source, mut target) = voted();
    exchange(at(5), &mut source, &mut target);
    source.handle_connection_lost(at(6));
    assert_eq!(events_of_source(&mut source), [SourceEvent::Committed]);
    assert_eq!(source.decision(), Some(Decision::Committed));
    assert!(
        transmits_of_source(&mut source).is_empty(),
        "no Commit on a dead stream"
    );
}

#[test]
fn target_connection_lost_before_the_vote_discards_and_after_it_doubts() {
    let mut awaiting = target();
    let mut offered = target();
    offered.handle_message(at(0), source().poll_transmit().expect("offer"));
    events_of_target(&mut offered);
    let (_, receiving) = accepted();
    let (_, restoring) = restoring();
    awaiting.handle_connection_lost(at(1));
    assert!(matches!(
        discard_reason(&mut awaiting),
        MigrationError::ConnectionLost { .. }
    ));
    for mut target in [offered, receiving] {
        transmits_of_target(&mut target);
        target.handle_connection_lost(at(10));
        assert!(matches!(
            discard_reason(&mut target),
            MigrationError::ConnectionLost { .. }
        ));
        assert!(transmits_of_target(&mut target).is_empty());
    }
    // Lost while restoring: the vote could not be sent, so the restore result is moot.
    let mut target = restoring;
    target.handle_connection_lost(at(10));
    assert!(matches!(
        discard_reason(&mut target),
        MigrationError::ConnectionLost { .. }
    ));
    target.handle_restored(at(11), Ok(()));
    assert!(target.poll_transmit().is_none() && target.is_finished());

    let (_, mut target) = voted();
    target.handle_connection_lost(at(10));
    assert!(target.is_in_doubt() && events_of_target(&mut target).is_empty());
}

#[test]
fn a_class_that_was_not_offered_aborts() {
    for missing in [vec![hash(7)], vec![hash(1), hash(1)]] {
        let mut source = source();
        source.poll_transmit();
        source.handle_message(
            at(1),
            Message::Accept {
                missing,
                precopy: false,
            },
        );
        assert!(matches!(
            resumed_reason(&mut source),
            MigrationError::ClassNotOffered(_)
        ));
        assert!(matches!(
            transmits_of_source(&mut source)[..],
            [Message::Abort { .. }]
        ));
    }
}

#[test]
fn oversize_offers_are_refused_before_anything_is_received() {
    let config = TargetConfig {
        max_checkpoint_len: 1000,
        max_classes: 2,
        max_meta_len: 4,
        ..TargetConfig::default()
    };
    let offers = [
        (u64::MAX, 0, 0, "the checkpoint"),
        (10, 3, 0, "the class list"),
        (10, 0, 5, "the metadata"),
    ];
    for (checkpoint_len, classes, meta_len, what) in offers {
        let mut target = Target::new(at(0), config.clone());
        let classes = (0..classes).map(hash).collect();
        let meta = vec![0; meta_len];
        target.handle_message(
            at(1),
            Message::Offer {
                id: ID,
                meta,
                checkpoint_len,
                classes,
                precopy: None,
            },
        );
        match discard_reason(&mut target) {
            MigrationError::TooLarge { what: said, .. } => assert_eq!(said, what),
            other => panic!("expected TooLarge, got {other:?}"),
        }
        assert!(matches!(
            transmits_of_target(&mut target)[..],
            [Message::Refuse { .. }]
        ));
        // Whatever follows is ignored, and nothing is buffered.
        target.handle_message(at(2), Message::Chunk { bytes: vec![0; 10] });
        assert!(target.is_finished() && events_of_target(&mut target).is_empty());
    }
}

#[test]
fn the_checkpoint_buffer_grows_with_what_arrives_not_with_what_is_announced() {
    let mut buffer = Vec::new();
    append_bounded(&mut buffer, &[0; 1000], 1 << 30);
    assert!(
        buffer.capacity() < 2000,
        "capacity {} for 1000 bytes",
        buffer.capacity()
    );
    for _ in 0..10 {
        append_bounded(&mut buffer, &[0; 1000], 1 << 30);
    }
    assert!(
        buffer.capacity() <= 2 * buffer.len(),
        "capacity {}",
        buffer.capacity()
    );
    // Near the announced length the buffer stops doubling.
    let mut buffer = Vec::new();
    append_bounded(&mut buffer, &[0; 600], 1000);
    append_bounded(&mut buffer, &[0; 400], 1000);
    assert_eq!((buffer.len(), buffer.capacity()), (1000, 1000));
}

#[test]
fn transfer_violations_abort_with_a_reason() {
    let cases: Vec<(Vec<Message>, MigrationError)> = vec![
        (
            vec![Message::Class {
                hash: hash(3),
                bytes: vec![],
            }],
            MigrationError::ClassNotAsked(hash(3)),
        ),
        (
            vec![Message::Chunk { bytes: vec![0; 10] }],
            MigrationError::ClassesMissing { missing: 2 },
        ),
        (
            vec![Message::End {
                checkpoint_len: 250,
            }],
            MigrationError::ClassesMissing { missing: 2 },
        ),
        (
            vec![
                Message::Class {
                    hash: hash(1),
                    bytes: vec![1; 10],
                },
                Message::Class {
                    hash: hash(3),
                    bytes: vec![3; 30],
                },
                Message::Chunk {
                    bytes: vec![0; 251],
                },
            ],
            MigrationError::LengthMismatch {
                announced: 250,
                received: 251,
            },
        ),
        (
            vec![
                Message::Class {
                    hash: hash(1),
                    bytes: vec![1; 10],
                },
                Message::Class {
                    hash: hash(3),
                    bytes: vec![3; 30],
                },
                Message::Chunk {
                    bytes: vec![0; 200],
                },
                Message::End {
                    checkpoint_len: 250,
                },
            ],
            MigrationError::LengthMismatch {
                announced: 250,
                received: 200,
            },
        ),
        (
            vec![
                Message::Class {
                    hash: hash(1),
                    bytes: vec![1; 10],
                },
                Message::Class {
                    hash: hash(3),
                    bytes: vec![3; 30],
                },
                Message::End { checkpoint_len: 7 },
            ],
            MigrationError::LengthMismatch {
                announced: 250,
                received: 7,
            },
        ),
        (
            vec![Message::Restored],
            MigrationError::Unexpected {
                message: "Restored",
                phase: "receiving classes and checkpoint",
            },
        ),
    ];
    for (messages, expected) in cases {
        let (_, mut target) = accepted();
        transmits_of_target(&mut target);
        for message in messages {
            target.handle_message(at(3), message);
        }
        assert_eq!(discard_reason(&mut target), expected);
        assert_eq!(
            transmits_of_target(&mut target),
            [Message::Abort {
                reason: expected.to_string()
            }]
        );
    }
}

#[test]
fn oversize_classes_and_chunks_abort() {
    let config = TargetConfig {
        max_class_len: 30,
        max_class_bytes: 35,
        max_chunk_len: 99,
        ..TargetConfig::default()
    };
    let offer = |target: &mut Target| {
        let offer = source().poll_transmit().expect("offer");
        target.handle_message(at(0), offer);
        target.accept(at(0), |held| *held == hash(2));
        events_of_target(target);
    };
    let mut target = Target::new(at(0), config.clone());
    offer(&mut target);
    target.handle_message(
        at(1),
        Message::Class {
            hash: hash(1),
            bytes: vec![0; 31],
        },
    );
    assert!(matches!(
        discard_reason(&mut target),
        MigrationError::TooLarge {
            what: "a class",
            ..
        }
    ));

    let mut target = Target::new(at(0), config.clone());
    offer(&mut target);
    target.handle_message(
        at(1),
        Message::Class {
            hash: hash(1),
            bytes: vec![0; 10],
        },
    );
    target.handle_message(
        at(1),
        Message::Class {
            hash: hash(3),
            bytes: vec![0; 30],
        },
    );
    assert!(matches!(
        discard_reason(&mut target),
        MigrationError::TooLarge {
            what: "the classes",
            len: 40,
            limit: 35
        }
    ));

    // The source's chunk size (100) is over this target's limit.
    let mut source = source();
    let mut target = Target::new(at(0), config);
    target.handle_message(at(0), source.poll_transmit().expect("offer"));
    events_of_target(&mut target);
    target.accept(at(0), |_| true);
    exchange(at(1), &mut source, &mut target);
    assert!(matches!(
        discard_reason(&mut target),
        MigrationError::TooLarge {
            what: "a chunk",
            len: 100,
            limit: 99
        }
    ));
    assert!(matches!(
        resumed_reason(&mut source),
        MigrationError::AbortedByPeer { .. }
    ));
}

#[test]
fn unexpected_messages_abort_before_the_vote() {
    let mut target = target();
    target.handle_message(at(0), Message::Chunk { bytes: vec![1] });
    assert_eq!(
        discard_reason(&mut target),
        MigrationError::Unexpected {
            message: "Chunk",
            phase: "waiting for an offer"
        }
    );
    assert!(matches!(
        transmits_of_target(&mut target)[..],
        [Message::Abort { .. }]
    ));

    let (mut source, mut target) = restoring();
    target.handle_message(at(5), Message::Commit);
    assert_eq!(
        discard_reason(&mut target),
        MigrationError::Unexpected {
            message: "Commit",
            phase: "restoring"
        }
    );
    exchange(at(6), &mut source, &mut target);
    assert!(matches!(
        resumed_reason(&mut source),
        MigrationError::AbortedByPeer { .. }
    ));

    let mut source = self::source();
    source.poll_transmit();
    source.handle_message(at(1), Message::Restored);
    assert_eq!(
        resumed_reason(&mut source),
        MigrationError::Unexpected {
            message: "Restored",
            phase: "waiting for an answer to the offer"
        }
    );
    // `Restored` before the whole checkpoint was sent is a lie.
    let (mut source, _) = accepted();
    source.poll_transmit();
    source.handle_message(at(3), Message::Restored);
    assert!(matches!(
        resumed_reason(&mut source),
        MigrationError::Unexpected { .. }
    ));
}

#[test]
fn malformed_frames_abort_before_the_vote() {
    let mut source = source();
    source.poll_transmit();
    source.handle_malformed(at(1), "truncated".to_owned());
    let reason = MigrationError::Malformed {
        detail: "truncated".to_owned(),
    };
    assert_eq!(resumed_reason(&mut source), reason);
    assert_eq!(
        transmits_of_source(&mut source),
        [Message::Abort {
            reason: reason.to_string()
        }]
    );

    let (_, mut target) = accepted();
    target.handle_malformed(at(3), "truncated".to_owned());
    assert_eq!(discard_reason(&mut target), reason);
}

#[test]
fn after_the_vote_the_target_never_aborts_on_its_own() {
    for message in [
        Message::Chunk { bytes: vec![1] },
        Message::Restored,
        Message::Outcome {
            id: MigrationId([1; 16]),
            committed: true,
        },
    ] {
        let (_, mut target) = voted();
        assert_eq!(transmits_of_target(&mut target), [Message::Restored]);
        target.handle_message(at(5), message);
        assert!(target.is_in_doubt());
        assert!(events_of_target(&mut target).is_empty());
        assert!(
            transmits_of_target(&mut target).is_empty(),
            "no Abort after the vote"
        );
        assert!(target.poll_query(at(5)).is_some());
    }
    let (_, mut target) = voted();
    target.handle_malformed(at(5), "junk".to_owned());
    assert!(target.is_in_doubt() && target.poll_query(at(5)).is_some());
    // The source's `Abort` is its decision, and settles it.
    let (_, mut target) = voted();
    target.handle_message(
        at(5),
        Message::Abort {
            reason: "deadline".to_owned(),
        },
    );
    assert!(matches!(
        discard_reason(&mut target),
        MigrationError::AbortedByPeer { .. }
    ));
}

#[test]
fn the_source_ignores_everything_after_the_decision() {
    let (mut source, mut target) = voted();
    exchange(at(5), &mut source, &mut target);
    assert_eq!(events_of_source(&mut source), [SourceEvent::Committed]);
    transmits_of_source(&mut source);
    source.handle_message(
        at(6),
        Message::Abort {
            reason: "late".to_owned(),
        },
    );
    source.handle_malformed(at(6), "junk".to_owned());
    source.handle_timeout(at(1_000_000));
    assert_eq!(
        source.abort(at(6), "too late".to_owned()),
        Decision::Committed
    );
    assert!(events_of_source(&mut source).is_empty() && source.is_finished());
}

#[test]
fn an_outcome_query_for_a_pending_migration_aborts_it_first() {
    let mut decisions = Decisions::default();
    decisions.begin(ID).expect("new id");
    let (mut source, _) = restoring();
    assert_eq!(decisions.lookup(ID), Lookup::Pending);
    assert_eq!(decisions.answer(ID), None);
    assert_eq!(
        source.abort(at(10), "target asked".to_owned()),
        Decision::Aborted
    );
    assert!(matches!(
        resumed_reason(&mut source),
        MigrationError::Cancelled { .. }
    ));
    decisions.record(at(10), ID, Decision::Aborted);
    assert_eq!(
        decisions.answer(ID),
        Some(Message::Outcome {
            id: ID,
            committed: false
        })
    );
    // A `Restored` still in flight can no longer commit.
    source.handle_message(at(11), Message::Restored);
    assert_eq!(source.decision(), Some(Decision::Aborted));
}

#[test]
fn decisions_answer_presumed_abort_and_expire_only_decided_entries() {
    let mut decisions = Decisions::new(Duration::from_secs(60));
    let (a, b, c) = (
        MigrationId([1; 16]),
        MigrationId([2; 16]),
        MigrationId([3; 16]),
    );
    assert_eq!(
        decisions.answer(a),
        Some(Message::Outcome {
            id: a,
            committed: false
        })
    );
    decisions.begin(a).expect("new");
    decisions.begin(b).expect("new");
    decisions.begin(c).expect("new");
    assert_eq!(decisions.begin(a), Err(MigrationError::DuplicateId(a)));
    decisions.record(at(0), a, Decision::Committed);
    decisions.record(at(1), a, Decision::Aborted);
    decisions.record(at(30_000), b, Decision::Aborted);
    assert_eq!(
        decisions.answer(a),
        Some(Message::Outcome {
            id: a,
            committed: true
        })
    );
    assert_eq!(decisions.lookup(b), Lookup::Decided(Decision::Aborted));
    decisions.expire(at(60_000));
    assert_eq!(decisions.len(), 2, "a expired; b is recent; c is pending");
    assert_eq!(decisions.lookup(c), Lookup::Pending);
    decisions.expire(at(10_000_000));
    assert_eq!(decisions.len(), 1);
    assert!(!decisions.is_empty());
}

#[test]
fn duplicate_offered_classes_are_offered_and_sent_once() {
    let mut classes = classes();
    classes.push((hash(1), vec![1; 10]));
    let mut source = Source::new(at(0), ID, Vec::new(), Vec::new(), classes, source_config());
    let Some(Message::Offer { classes, .. }) = source.poll_transmit() else {
        panic!("offer")
    };
    assert_eq!(classes, [hash(1), hash(2), hash(3)]);
}

#[test]
fn messages_survive_cbor_and_hashes_travel_as_byte_strings() {
    let messages = [
        Message::Offer {
            id: ID,
            meta: vec![1, 2],
            checkpoint_len: 3,
            classes: vec![hash(4)],
            precopy: None,
        },
        Message::Accept {
            missing: vec![hash(5), hash(6)],
            precopy: false,
        },
        Message::Refuse {
            reason: "no".to_owned(),
        },
        Message::Class {
            hash: hash(7),
            bytes: vec![8; 9],
        },
        Message::Chunk {
            bytes: vec![10; 11],
        },
        Message::End { checkpoint_len: 12 },
        Message::Restored,
        Message::Commit,
        Message::Abort {
            reason: "why".to_owned(),
        },
        Message::OutcomeQuery { id: ID },
        Message::Outcome {
            id: ID,
            committed: true,
        },
    ];
    for message in messages {
        let mut bytes = Vec::new();
        ciborium::into_writer(&message, &mut bytes).expect("serializes");
        let back: Message = ciborium::from_reader(&bytes[..]).expect("deserializes");
        assert_eq!(back, message);
    }
    // 32 bytes as one byte string, not 32 integers: the list of classes stays compact.
    let mut bytes = Vec::new();
    ciborium::into_writer(
        &Message::Accept {
            missing: vec![hash(200)],
            precopy: false,
        },
        &mut bytes,
    )
    .expect("ok");
    assert!(bytes.len() < 60, "{} bytes", bytes.len());
    // Garbage does not decode into a message (the framing layer then calls `handle_malformed`).
    assert!(ciborium::from_reader::<Message, _>(&[0xa1, 0x61, 0x58, 0x00][..]).is_err());
}

#[test]
fn time_saturates_instead_of_wrapping() {
    let late = Time::from_micros(u64::MAX - 1);
    assert_eq!(late + Duration::from_secs(1), Time::from_micros(u64::MAX));
    assert_eq!(at(1).saturating_since(at(2)), Duration::ZERO);
    assert_eq!(format!("{ID}"), "09".repeat(16));
}
