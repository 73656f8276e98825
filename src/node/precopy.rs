//! Pre-copy migration (docs/plans/precopy.md): the process keeps running at the source while
//! its heap travels in rounds, each what changed since the last; the source freezes it only for
//! the rest, once the policy (`phantom_transport::migration::precopy::next_step`) predicts a
//! short freeze or gives up (the bounded fallback to stop-and-copy, logged with its figures).
//!
//! - [`transfer`], at the source: pieces are made and encoded by the process's own thread
//!   between slices ([`PreCopy`] steps), a few ahead of the wire; the transport's [`Source`]
//!   carries them, and decides abort or commit as for a classic move. Until the freeze the
//!   process never stops, so a failure just cancels the session.
//! - [`Stager`], at the target: a thread of its own decodes and applies the pieces as they
//!   arrive (`phantom_vm::checkpoint::stage::Staging`), and only the last piece yields a
//!   process, frozen until the source commits.

use super::migrate::{
    Meta, ProgressSender, begin, end, failed, left, migration_id, open_stream, read_optional,
    record, until,
};
use super::process::{FinalOut, PieceOut, PreCopy, PreCopyStart};
use super::{ARCH, Node};
use anyhow::{Result, anyhow};
use phantom_transport::control::Reply;
use phantom_transport::frame::write_message;
use phantom_transport::migration::precopy::{PreCopyConfig, RoundStats, Step, next_step};
use phantom_transport::migration::{
    ClassHash, Message, MigrationError, MigrationId, Source, SourceConfig, SourceEvent,
    TargetConfig,
};
use phantom_vm::checkpoint::stage::Staging;
use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES};
use phantom_vm::{Config, Host, Vm};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;
use tracing::{info, warn};

/// Bytes of heap records per piece: well under the transport's piece limit (a piece may
/// exceed it by one object, and the last carries the rest of the process).
pub(super) const PIECE_BYTES: usize = 1 << 20;
/// The largest encoded piece the source sends (and the target takes): the last piece carries
/// the process's threads, statics and interned strings whole.
pub(super) const MAX_PIECE: usize = 48 << 20;
/// Pieces are made ahead of the wire until this many bytes wait to be sent.
const AHEAD: u64 = 8 << 20;
/// Staged heaps up to this many handles (a few milliseconds of reading) are checked
/// reference by reference at the end;
/// beyond, the check would lengthen the freeze, and a reference to an empty handle (which
/// only a faulty source could send) behaves as null.
pub(super) const VERIFY_HANDLES: usize = 1 << 18;

/// How a pre-copy migration ended.
pub(super) enum Outcome {
    /// Moved, or failed with the process running at the source.
    Done(Box<Result<Reply>>),
    /// The target does not take pre-copy: nothing happened, a classic move may follow.
    Declined,
}

fn done(result: Result<Reply>) -> Outcome {
    Outcome::Done(Box::new(result))
}

/// Sends one pre-copy step to process `id`; false if it has ended.
fn step(node: &Node, id: &str, s: PreCopy) -> bool {
    node.lock_processes()
        .get(id)
        .is_some_and(|p| p.handle.precopy(s))
}

/// The live bytes of process `id`'s heap now (0 if it ended).
pub(super) async fn heap_bytes(node: &Node, id: &str) -> u64 {
    let (reply, rx) = oneshot::channel();
    if !step(node, id, PreCopy::Size { reply }) {
        return 0;
    }
    rx.await.unwrap_or(0)
}

/// Waits for a reply from the process thread, or forever when there is none to wait for.
async fn answer<T>(pending: &mut Option<oneshot::Receiver<T>>) -> Option<T> {
    match pending {
        Some(rx) => {
            let got = rx.await.ok();
            *pending = None;
            got
        }
        None => std::future::pending().await,
    }
}

/// The policy's settings from the node's configuration.
fn policy(node: &Node) -> PreCopyConfig {
    PreCopyConfig {
        freeze_target: Duration::from_secs_f64(node.config.precopy_freeze_ms / 1000.0),
        max_rounds: node.config.precopy_max_rounds,
        ..PreCopyConfig::default()
    }
}

/// Moves process `id` to `to` by pre-copy. `meta` is its metadata as the classic move sends it.
pub(super) async fn transfer(
    node: &Arc<Node>,
    id: &str,
    to: &str,
    mut meta: Meta,
    progress: Option<ProgressSender>,
) -> Outcome {
    let migration = MigrationId(migration_id(node, id));
    let (reply, started) = oneshot::channel();
    if !step(
        node,
        id,
        PreCopy::Start {
            session: migration.0,
            reply,
        },
    ) {
        return done(Err(anyhow!("process {id} ended")));
    }
    let PreCopyStart {
        classes,
        live_bytes,
    } = match started.await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return done(Err(anyhow!("starting pre-copy of {id}: {e}"))),
        Err(_) => return done(Err(anyhow!("process {id} ended"))),
    };
    let cancel = || {
        step(node, id, PreCopy::Cancel);
    };
    let mut abort_rx = match begin(node, migration) {
        Ok(rx) => rx,
        Err(e) => {
            cancel();
            return done(Err(e));
        }
    };
    let classes: Vec<(ClassHash, Vec<u8>)> = classes
        .into_iter()
        .map(|(h, b)| (ClassHash(h), b))
        .collect();
    // Room for the rounds the policy's budget allows (1.5 times the heap, then the rest) and
    // the garbage that travels with them, within what a target takes by default.
    let max_bytes = live_bytes
        .saturating_mul(2)
        .saturating_add(64 << 20)
        .min(TargetConfig::default().max_precopy_bytes);
    let mut source = Source::new_precopy(
        node.now(),
        migration,
        super::cbor(&meta),
        classes,
        max_bytes,
        SourceConfig {
            chunk_size: MAX_PIECE,
            ..SourceConfig::default()
        },
    );
    info!(job = %id, %to, %migration, live_bytes, "migrating by pre-copy");

    let (mut send, mut recv) = open_stream(node, id, to, &mut source).await;

    let config = policy(node);
    let begun = Instant::now();
    let mut rounds: Vec<RoundStats> = Vec::new();
    let mut round_started = Instant::now();
    let mut round_bytes = 0u64;
    // Pieces of the current round still to make, and the replies awaited from the process.
    let mut making = true;
    let mut piece: Option<oneshot::Receiver<Result<PieceOut, String>>> = None;
    let mut dirty: Option<oneshot::Receiver<u64>> = None;
    let mut last: Option<oneshot::Receiver<Result<FinalOut, String>>> = None;
    let mut frozen_at: Option<Instant> = None;
    let mut frozen_bytes = 0u64;
    let mut decision_line = String::new();
    let mut class_bytes = 0u64;
    let mut sent_bytes = 0u64;
    let mut outcome: Option<Result<Duration, String>> = None;
    let mut declined = false;
    'drive: loop {
        while let Some(event) = source.poll_event() {
            match event {
                SourceEvent::Applied { .. } => {
                    rounds.push(RoundStats {
                        bytes: round_bytes,
                        duration: round_started.elapsed(),
                        dirty: 0,
                    });
                    let (reply, rx) = oneshot::channel();
                    if step(node, id, PreCopy::Dirty { reply }) {
                        dirty = Some(rx);
                    } else {
                        source.abort(node.now(), format!("process {id} ended"));
                    }
                }
                SourceEvent::Committed | SourceEvent::ResumeLocally { .. } => {
                    let committed = event == SourceEvent::Committed;
                    record(node, migration, committed);
                    if committed {
                        let frozen_for = frozen_at.map_or(Duration::ZERO, |t| t.elapsed());
                        left(node, id);
                        outcome = Some(Ok(frozen_for));
                    } else if let SourceEvent::ResumeLocally { reason } = event {
                        // The session ends; a frozen process goes on.
                        cancel();
                        if frozen_at.is_some()
                            && let Some(p) = node.lock_processes().get(id)
                        {
                            p.handle.resume();
                        }
                        declined = reason == MigrationError::PreCopyDeclined;
                        outcome = Some(Err(reason.to_string()));
                    }
                }
            }
        }
        while let Some(message) = source.poll_transmit() {
            if let Message::Class { bytes, .. } = &message {
                class_bytes += bytes.len() as u64;
            }
            let piece_len = match &message {
                Message::Piece { bytes, .. } => bytes.len() as u64,
                _ => 0,
            };
            let Some(s) = send.as_mut() else { break };
            if let Err(e) = write_message(s, &message).await {
                warn!(job = %id, %to, "migration stream broke: {e}");
                send = None;
                recv = None;
                source.handle_connection_lost(node.now());
                continue 'drive;
            }
            sent_bytes += piece_len;
            if let Some(p) = &progress
                && piece_len > 0
            {
                let _ = p.send((sent_bytes, sent_bytes.max(live_bytes)));
            }
        }
        if source.is_finished() {
            break;
        }
        if making
            && piece.is_none()
            && frozen_at.is_none()
            && source.decision().is_none()
            && source.queued_bytes() < AHEAD
        {
            let (reply, rx) = oneshot::channel();
            if step(
                node,
                id,
                PreCopy::Piece {
                    max_bytes: PIECE_BYTES,
                    reply,
                },
            ) {
                piece = Some(rx);
            } else {
                source.abort(node.now(), format!("process {id} ended"));
                continue;
            }
        }
        let wait = until(node, source.poll_timeout());
        tokio::select! {
            message = read_optional(&mut recv) => match message {
                Ok(Some(m)) => source.handle_message(node.now(), m),
                Ok(None) => {
                    recv = None;
                    source.handle_connection_lost(node.now());
                }
                Err(e) => {
                    recv = None;
                    source.handle_malformed(node.now(), e.to_string());
                }
            },
            made = answer(&mut piece) => match made {
                Some(Ok(p)) => {
                    round_bytes += p.bytes.len() as u64;
                    source.push_piece(p.bytes);
                    if p.round_done {
                        making = false;
                        source.end_round(node.now());
                    }
                }
                Some(Err(e)) => {
                    source.abort(node.now(), format!("making a piece: {e}"));
                }
                None => {
                    source.abort(node.now(), format!("process {id} ended"));
                }
            },
            estimate = answer(&mut dirty) => {
                let Some(estimate) = estimate else {
                    source.abort(node.now(), format!("process {id} ended"));
                    continue;
                };
                if let Some(r) = rounds.last_mut() {
                    r.dirty = estimate;
                }
                let next = next_step(&rounds, &config, live_bytes, begun.elapsed());
                match &next {
                    Step::Round(_) => {
                        making = true;
                        round_started = Instant::now();
                        round_bytes = 0;
                    }
                    Step::Freeze { reason, .. } => {
                        decision_line = next.to_string();
                        if reason.is_fallback() {
                            warn!(job = %id, %to, "pre-copy did not converge, stopping and copying the rest: {next}");
                        } else {
                            info!(job = %id, %to, "pre-copy converged: {next}");
                        }
                        let (reply, rx) = oneshot::channel();
                        frozen_at = Some(Instant::now());
                        if step(node, id, PreCopy::Final { max_bytes: PIECE_BYTES, reply }) {
                            last = Some(rx);
                        } else {
                            source.abort(node.now(), format!("process {id} ended"));
                        }
                    }
                }
            },
            pieces = answer(&mut last) => match pieces {
                Some(Ok(f)) => {
                    meta.outputs = f.outputs;
                    meta.file_ops = f.file_ops;
                    meta.held = f.held;
                    for p in f.pieces {
                        frozen_bytes += p.len() as u64;
                        source.push_piece(p);
                    }
                    source.frozen(node.now(), super::cbor(&meta));
                }
                Some(Err(e)) => {
                    // It did not freeze: nothing to resume.
                    frozen_at = None;
                    source.abort(node.now(), format!("freezing: {e}"));
                }
                None => {
                    source.abort(node.now(), format!("process {id} ended"));
                }
            },
            _ = tokio::time::sleep(wait) => source.handle_timeout(node.now()),
            _ = &mut abort_rx => {
                source.abort(node.now(), "the target asked for the outcome before voting".to_string());
            }
        }
    }
    if let Some(mut s) = send {
        let _ = s.finish();
    }
    end(node, migration);
    let precopy_bytes: u64 = rounds.iter().map(|r| r.bytes).sum();
    let precopy_rounds = rounds.len() as u32;
    match outcome {
        Some(Ok(frozen_for)) => {
            info!(
                job = %id, %to,
                frozen_us = frozen_for.as_micros() as u64,
                rounds = precopy_rounds,
                precopy_bytes,
                frozen_bytes,
                "moved by pre-copy"
            );
            super::metrics::migration(
                "moved",
                Some(frozen_for),
                precopy_bytes + frozen_bytes + class_bytes,
            );
            let target = match node.arch_of(to) {
                Some(arch) => format!("{to} ({arch})"),
                None => to.to_string(),
            };
            node.event(
                "migration",
                Some(id),
                format!(
                    "moved from {} ({ARCH}) to {target} by pre-copy: frozen {:.2} ms, {precopy_rounds} rounds of {} while it ran, then {} frozen, classes {} ({decision_line})",
                    node.name(),
                    frozen_for.as_secs_f64() * 1000.0,
                    super::human_bytes(precopy_bytes),
                    super::human_bytes(frozen_bytes),
                    super::human_bytes(class_bytes),
                ),
            );
            super::balance::measured(
                node,
                to,
                frozen_bytes + class_bytes,
                frozen_for.as_secs_f64(),
            );
            done(Ok(Reply::Migrated {
                from: node.name().to_string(),
                to: to.to_string(),
                frozen_micros: frozen_for.as_micros() as u64,
                checkpoint_bytes: frozen_bytes,
                class_bytes,
                precopy_rounds,
                precopy_bytes,
            }))
        }
        Some(Err(_)) if declined => {
            info!(job = %id, %to, "the target does not take pre-copy");
            Outcome::Declined
        }
        Some(Err(reason)) => done(Err(failed(node, "pre-copy migration", id, to, &reason))),
        None => done(Err(anyhow!("moving {id} to {to} ended without a decision"))),
    }
}

/// What the staging thread was asked.
enum Ask {
    Piece(Vec<u8>),
    RoundEnd(u32),
    Finish,
}

/// What the staging thread answers.
pub(super) enum Staged {
    /// Every piece of the round is applied, or one failed.
    Applied(u32, Result<(), String>),
    /// The process, frozen, or why there is none.
    Finished(Box<Result<Vm, String>>),
}

/// The target's staging of a pre-copy migration, on a thread of its own so that pieces are
/// decoded and applied while later ones are on the wire. Dropping it abandons the staging.
pub(super) struct Stager {
    asks: mpsc::Sender<Ask>,
    answers: tokio::sync::mpsc::UnboundedReceiver<Staged>,
    /// Set when the staging is abandoned: the thread stops at once, pieces queued or not.
    abandoned: Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for Stager {
    fn drop(&mut self) {
        self.abandoned
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Stager {
    /// Starts staging a process that will run on `host` with `config`; class bytes the pieces
    /// leave out come from the node's class store.
    pub(super) fn new(node: Arc<Node>, host: Box<dyn Host>, config: Config) -> Result<Stager> {
        let (asks, inbox) = mpsc::channel::<Ask>();
        let (out, answers) = tokio::sync::mpsc::unbounded_channel();
        let abandoned = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = abandoned.clone();
        std::thread::Builder::new()
            .name("pre-copy staging".to_string())
            .spawn(move || {
                let mut staging = Staging::new(host, config);
                let mut failed: Option<String> = None;
                for ask in inbox {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        return;
                    }
                    match ask {
                        Ask::Piece(bytes) if failed.is_none() => {
                            let applied = checkpoint::decode_piece(&bytes, DEFAULT_MAX_BYTES)
                                .and_then(|mut p| {
                                    let store =
                                        node.classes.lock().unwrap_or_else(|e| e.into_inner());
                                    checkpoint::fill_piece_class_bytes(&mut p, |h| {
                                        store.get(h).cloned()
                                    })?;
                                    drop(store);
                                    staging.apply(p)
                                });
                            if let Err(e) = applied {
                                failed = Some(format!("piece {}: {e}", staging.pieces()));
                            }
                        }
                        Ask::Piece(_) => {}
                        Ask::RoundEnd(round) => {
                            let result = failed.clone().map_or(Ok(()), Err);
                            let _ = out.send(Staged::Applied(round, result));
                        }
                        Ask::Finish => {
                            let result = match failed {
                                Some(e) => Err(e),
                                None => {
                                    let verify = staging.handle_count() <= VERIFY_HANDLES;
                                    staging.finish(verify).map_err(|e| e.to_string())
                                }
                            };
                            let _ = out.send(Staged::Finished(Box::new(result)));
                            return;
                        }
                    }
                }
            })?;
        Ok(Stager {
            asks,
            answers,
            abandoned,
        })
    }

    /// Stages the next piece.
    pub(super) fn piece(&self, bytes: Vec<u8>) {
        let _ = self.asks.send(Ask::Piece(bytes));
    }

    /// Answers [`Staged::Applied`] once the pieces so far are applied.
    pub(super) fn round_end(&self, round: u32) {
        let _ = self.asks.send(Ask::RoundEnd(round));
    }

    /// Answers [`Staged::Finished`] once the last piece is applied.
    pub(super) fn finish(&self) {
        let _ = self.asks.send(Ask::Finish);
    }

    /// The next answer.
    pub(super) async fn next(&mut self) -> Option<Staged> {
        self.answers.recv().await
    }
}
