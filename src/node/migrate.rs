//! The migration driver: the transport's sans-IO machines ([`Source`], [`Target`]) wired to a
//! QUIC stream, a frozen process and a restore. The source freezes the process, sends its
//! checkpoint without class bytes plus the classes the target lacks, and keeps the frozen copy
//! until the target has restored it; on any failure the process goes on at the source.

use super::process::{Outbound, ProcessHandle};
use super::{ARCH, Node, Proc};
use anyhow::{Result, anyhow};
use phantom_transport::control::{Home, MAX_MIGRATION_FRAME, Reply, Request};
use phantom_transport::frame::{read_message, write_message};
use phantom_transport::migration::{
    ClassHash, Decision, Lookup, Message, MigrationId, Source, SourceConfig, SourceEvent, Target,
    TargetConfig, TargetEvent,
};
use phantom_transport::pki::Peer;
use phantom_vm::Vm;
use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tracing::{info, warn};

/// What travels with a process besides its checkpoint (the offer's opaque metadata).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Meta {
    pub(super) id: String,
    main: String,
    home: String,
    /// The job's run (see `jobs.rs`).
    #[serde(default)]
    run: u32,
    label: Option<String>,
    /// Outputs written so far: numbering goes on at the target.
    pub(super) outputs: u64,
    /// File operations made so far: numbering goes on at the target.
    #[serde(default)]
    pub(super) file_ops: u64,
    /// Migrations including this one.
    migrations: u32,
    /// Whether it is held (`phantom hold`): it stays so at the target.
    #[serde(default)]
    pub(super) held: bool,
    /// Seconds since it started, when it left.
    age: f64,
    /// The node it leaves, which a target in doubt asks about the outcome.
    source: String,
}

/// Moves process `id`, which runs here, to node `to`.
pub(super) async fn out(node: &Arc<Node>, id: &str, to: &str) -> Result<Reply> {
    out_reporting(node, id, to, None).await
}

/// Progress of a migration's transfer: bytes of the checkpoint sent, and in all.
pub(super) type ProgressSender = tokio::sync::mpsc::UnboundedSender<(u64, u64)>;

/// Like [`out`], telling `progress` how much of the checkpoint has been sent.
pub(super) async fn out_reporting(
    node: &Arc<Node>,
    id: &str,
    to: &str,
    progress: Option<ProgressSender>,
) -> Result<Reply> {
    if to == node.name() {
        return Err(anyhow!("process {id} runs on {to} already"));
    }
    if node.config.peer(to).is_none() {
        return Err(anyhow!(
            "no peer named {to:?} in {}'s configuration",
            node.name()
        ));
    }
    let meta = {
        let mut processes = node.lock_processes();
        let p = processes
            .get_mut(id)
            .ok_or_else(|| anyhow!("{} {id} on {}", super::NO_SUCH_PROCESS, node.name()))?;
        if p.migrating_to.is_some() {
            return Err(anyhow!("process {id} is being moved already"));
        }
        p.migrating_to = Some(to.to_string());
        Meta {
            id: id.to_string(),
            main: p.main.clone(),
            home: p.home.clone(),
            run: p.run,
            label: p.label.clone(),
            outputs: 0,
            file_ops: 0,
            migrations: p.migrations + 1,
            held: p.user_held,
            age: node.epoch.elapsed().as_secs_f64() - p.started_at,
            source: node.name().to_string(),
        }
    };
    // The heap's size now, from the process itself: the figure its last slice left may
    // predate its allocations.
    let heap = if node.config.precopy {
        super::precopy::heap_bytes(node, id).await
    } else {
        0
    };
    let result = if node.config.precopy && heap >= node.config.precopy_min_mib << 20 {
        match super::precopy::transfer(node, id, to, meta.clone(), progress.clone()).await {
            super::precopy::Outcome::Done(r) => *r,
            // A target of an older build: the classic way, the process never having stopped.
            super::precopy::Outcome::Declined => transfer(node, id, to, meta, progress).await,
        }
    } else {
        transfer(node, id, to, meta, progress).await
    };
    if let Some(p) = node.lock_processes().get_mut(id) {
        p.migrating_to = None;
    }
    result
}

async fn transfer(
    node: &Arc<Node>,
    id: &str,
    to: &str,
    mut meta: Meta,
    progress: Option<ProgressSender>,
) -> Result<Reply> {
    let freeze_started = Instant::now();
    let frozen = {
        let processes = node.lock_processes();
        let p = processes
            .get(id)
            .ok_or_else(|| anyhow!("process {id} ended"))?;
        p.handle.freeze()
    };
    let frozen = frozen.await.map_err(|e| anyhow!("freezing {id}: {e}"))?;
    meta.outputs = frozen.outputs;
    meta.file_ops = frozen.file_ops;
    let mut c = frozen.checkpoint;
    let classes: Vec<(ClassHash, Vec<u8>)> = checkpoint::take_class_bytes(&mut c)
        .into_iter()
        .map(|(h, b)| (ClassHash(h), b))
        .collect();
    let document = checkpoint::encode(&c);
    let checkpoint_bytes = document.len() as u64;
    let meta_bytes = super::cbor(&meta);
    let migration = MigrationId(migration_id(node, id));
    let mut abort_rx = match begin(node, migration) {
        Ok(rx) => rx,
        Err(e) => {
            // Frozen for nothing: it goes on here.
            if let Some(p) = node.lock_processes().get(id) {
                p.handle.resume();
            }
            return Err(e);
        }
    };
    let mut source = Source::new(
        node.now(),
        migration,
        meta_bytes,
        document,
        classes,
        SourceConfig::default(),
    );
    info!(job = %id, %to, %migration, checkpoint_bytes, "migrating");
    super::metrics::checkpoint(checkpoint_bytes as usize);

    let (mut send, mut recv) = open_stream(node, id, to, &mut source).await;
    let mut class_bytes = 0u64;
    let mut chunk_bytes = 0u64;
    let mut reported = 0u64;
    let mut outcome: Option<Result<Duration, String>> = None;
    'drive: loop {
        while let Some(event) = source.poll_event() {
            match event {
                // Only a pre-copy source reports applied rounds.
                SourceEvent::Applied { .. } => continue,
                SourceEvent::Committed => record(node, migration, true),
                SourceEvent::ResumeLocally { .. } => record(node, migration, false),
            }
            match event {
                SourceEvent::Committed => {
                    let frozen_for = freeze_started.elapsed();
                    left(node, id);
                    outcome = Some(Ok(frozen_for));
                }
                SourceEvent::ResumeLocally { reason } => {
                    if let Some(p) = node.lock_processes().get(id) {
                        p.handle.resume();
                    }
                    outcome = Some(Err(reason.to_string()));
                }
                SourceEvent::Applied { .. } => {}
            }
        }
        while let Some(message) = source.poll_transmit() {
            if let Message::Class { bytes, .. } = &message {
                class_bytes += bytes.len() as u64;
            }
            let chunk = match &message {
                Message::Chunk { bytes } => bytes.len() as u64,
                _ => 0,
            };
            let Some(s) = send.as_mut() else { break };
            if let Err(e) = write_message(s, &message).await {
                warn!(job = %id, %to, "migration stream broke: {e}");
                send = None;
                recv = None;
                source.handle_connection_lost(node.now());
                // The loss decided the migration: report it before anything else.
                continue 'drive;
            }
            chunk_bytes += chunk;
            if let Some(p) = &progress
                && (chunk_bytes >= reported + (1 << 20) || chunk_bytes == checkpoint_bytes)
                && chunk_bytes > reported
            {
                reported = chunk_bytes;
                let _ = p.send((chunk_bytes, checkpoint_bytes));
            }
        }
        if source.is_finished() {
            break;
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
    match outcome {
        Some(Ok(frozen_for)) => {
            info!(job = %id, %to, frozen_us = frozen_for.as_micros() as u64, "moved");
            super::metrics::migration("moved", Some(frozen_for), checkpoint_bytes + class_bytes);
            let target = match node.arch_of(to) {
                Some(arch) => format!("{to} ({arch})"),
                None => to.to_string(),
            };
            node.event(
                "migration",
                Some(id),
                format!(
                    "moved from {} ({}) to {target}: frozen {:.2} ms, checkpoint {} + classes {}",
                    node.name(),
                    super::ARCH,
                    frozen_for.as_secs_f64() * 1000.0,
                    super::human_bytes(checkpoint_bytes),
                    super::human_bytes(class_bytes),
                ),
            );
            super::balance::measured(
                node,
                to,
                checkpoint_bytes + class_bytes,
                frozen_for.as_secs_f64(),
            );
            Ok(Reply::Migrated {
                from: node.name().to_string(),
                to: to.to_string(),
                frozen_micros: frozen_for.as_micros() as u64,
                checkpoint_bytes,
                class_bytes,
                precopy_rounds: 0,
                precopy_bytes: 0,
            })
        }
        Some(Err(reason)) => Err(failed(node, "migration", id, to, &reason)),
        None => Err(anyhow!("moving {id} to {to} ended without a decision")),
    }
}

/// Records a new migration of this node as the source, and returns what tells it to abort
/// (a target in doubt asked about it first).
pub(super) fn begin(
    node: &Node,
    migration: MigrationId,
) -> Result<tokio::sync::oneshot::Receiver<()>> {
    node.decisions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .begin(migration)
        .map_err(|e| anyhow!("{e}"))?;
    let (abort_tx, abort_rx) = tokio::sync::oneshot::channel();
    node.aborts
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(migration.0, abort_tx);
    Ok(abort_rx)
}

/// Forgets the abort of a migration that has ended.
pub(super) fn end(node: &Node, migration: MigrationId) {
    node.aborts
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&migration.0);
}

/// Opens a migration stream to `to`; on failure logs it and tells `source` the connection
/// is lost.
pub(super) async fn open_stream(
    node: &Node,
    id: &str,
    to: &str,
    source: &mut Source,
) -> (Option<quinn::SendStream>, Option<quinn::RecvStream>) {
    let stream = async {
        let connection = node.connection(to).await?;
        let (mut send, recv) = connection.open_bi().await?;
        write_message(&mut send, &Request::Migration).await?;
        anyhow::Ok((send, recv))
    }
    .await;
    match stream {
        Ok((send, recv)) => (Some(send), Some(recv)),
        Err(e) => {
            warn!(job = %id, %to, "cannot open a migration stream: {e:#}");
            source.handle_connection_lost(node.now());
            (None, None)
        }
    }
}

/// Records the source's decision, kept across a restart of this node for a target in doubt
/// that asks then.
pub(super) fn record(node: &Node, migration: MigrationId, committed: bool) {
    let decision = if committed {
        Decision::Committed
    } else {
        Decision::Aborted
    };
    node.decisions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .record(node.now(), migration, decision);
    node.write(super::jobs::Write::Decision(migration.0, committed));
}

/// The process moved: its frozen copy here ends, and its output stream home with it.
pub(super) fn left(node: &Node, id: &str) {
    if let Some(p) = node.lock_processes().remove(id) {
        p.handle.drop_process();
    }
    let _ = node.routes.send(Outbound::Left(id.to_string()));
}

/// How long until a machine's deadline, if it has one.
pub(super) fn until(node: &Node, deadline: Option<phantom_transport::migration::Time>) -> Duration {
    deadline
        .map(|t| Duration::from_micros(t.as_micros().saturating_sub(node.now().as_micros())))
        .unwrap_or(Duration::from_secs(3600))
}

/// Reports a failed migration (`what`: which kind) of process `id`, which goes on here.
pub(super) fn failed(node: &Node, what: &str, id: &str, to: &str, reason: &str) -> anyhow::Error {
    warn!(job = %id, %to, "{what} failed, the process goes on here: {reason}");
    super::metrics::migration("failed", None, 0);
    node.event(
        "failure",
        Some(id),
        format!(
            "moving it to {to} failed, it goes on on {}: {reason}",
            node.name()
        ),
    );
    anyhow!(
        "moving {id} to {to} failed, it goes on running on {}: {reason}",
        node.name()
    )
}

/// Reads the next migration message, or waits forever when there is no stream.
pub(super) async fn read_optional(recv: &mut Option<quinn::RecvStream>) -> Result<Option<Message>> {
    match recv {
        Some(r) => Ok(read_message::<Message>(r, MAX_MIGRATION_FRAME).await?),
        None => std::future::pending().await,
    }
}

/// A migration id unique on this node: its name, the process and a counter, hashed.
pub(super) fn migration_id(node: &Node, process: &str) -> [u8; 16] {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let text = format!("{}/{process}/{n}/{:?}", node.name(), node.epoch.elapsed());
    let hash = crate::sha256(text.as_bytes());
    hash[..16].try_into().expect("16 of 32 bytes")
}

/// Serves a migration stream from a peer: as the target of a migration (it starts with
/// `Offer`), or as the source asked about an outcome (`OutcomeQuery`).
pub(super) async fn serve(
    node: &Arc<Node>,
    peer: &Peer,
    mut send: quinn::SendStream,
    mut recv: quinn::RecvStream,
) -> Result<()> {
    let Some(first) = read_message::<Message>(&mut recv, MAX_MIGRATION_FRAME).await? else {
        return Ok(());
    };
    if let Message::OutcomeQuery { id } = first {
        let answer = outcome(node, id).await;
        write_message(&mut send, &answer).await?;
        send.finish()?;
        return Ok(());
    }
    receive(node, peer, send, recv, first).await
}

/// The answer to a target in doubt. A migration still undecided here is aborted first, so that
/// a `Restored` still on its way cannot commit it after the answer says no.
async fn outcome(node: &Arc<Node>, id: MigrationId) -> Message {
    let lookup = node
        .decisions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .lookup(id);
    if matches!(lookup, Lookup::Pending) {
        if let Some(abort) = node
            .aborts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id.0)
        {
            let _ = abort.send(());
        }
        for _ in 0..500 {
            let lookup = node
                .decisions
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .lookup(id);
            if !matches!(lookup, Lookup::Pending) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    node.decisions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .answer(id)
        .unwrap_or(Message::Outcome {
            id,
            committed: false,
        })
}

/// The target side: accept, receive, restore frozen, vote, and start on commit.
async fn receive(
    node: &Arc<Node>,
    peer: &Peer,
    mut send: quinn::SendStream,
    recv: quinn::RecvStream,
    first: Message,
) -> Result<()> {
    let mut target = Target::new(
        node.now(),
        TargetConfig {
            // Pre-copy's last piece carries the process's threads and statics whole.
            max_chunk_len: super::precopy::MAX_PIECE as u64,
            ..TargetConfig::default()
        },
    );
    target.handle_message(node.now(), first);
    let mut recv = Some(recv);
    let mut send_open = true;
    let mut restored: Option<(Meta, Vm, Arc<super::process::Counters>)> = None;
    let mut source_name: Option<String> = None;
    let mut query: Option<tokio::task::JoinHandle<Result<Message>>> = None;
    // A pre-copy's staging, with the counters its process goes on from and the offer's
    // metadata; and the last piece's metadata once it came.
    let mut staging: Option<(super::precopy::Stager, Arc<super::process::Counters>, Meta)> = None;
    let mut finished: Option<Meta> = None;
    'drive: loop {
        while let Some(event) = target.poll_event() {
            match event {
                TargetEvent::Offered(offered) => {
                    let meta: Option<Meta> = ciborium::from_reader(offered.meta.as_slice()).ok();
                    match meta {
                        Some(meta) if meta.source == peer.name() => {
                            source_name = Some(meta.source.clone());
                            let full = node.lock_processes().len() >= node.config.max_processes;
                            if node.is_draining() {
                                target.refuse(node.now(), format!("{} is stopping", node.name()));
                            } else if full {
                                target.refuse(node.now(), format!("{} is full", node.name()));
                            } else {
                                info!(job = %meta.id, from = %peer, bytes = offered.checkpoint_len, precopy = offered.precopy.is_some(), "receiving");
                                let precopy = offered.precopy.is_some() && node.config.precopy;
                                if precopy {
                                    let counters = super::process::Counters::from(0, 0);
                                    let host = super::process::NodeHost::new(
                                        meta.id.clone(),
                                        meta.home.clone(),
                                        meta.run,
                                        counters.clone(),
                                        node.routes.clone(),
                                        node.file_calls.clone(),
                                        node.stdin_calls.clone(),
                                    );
                                    match super::precopy::Stager::new(
                                        node.clone(),
                                        Box::new(host),
                                        node.vm_config(),
                                    ) {
                                        Ok(stager) => staging = Some((stager, counters, meta)),
                                        Err(e) => {
                                            target.refuse(node.now(), format!("cannot stage: {e}"));
                                            continue;
                                        }
                                    }
                                }
                                let store = node.classes.lock().unwrap_or_else(|e| e.into_inner());
                                if precopy {
                                    target.accept_precopy(node.now(), |h| store.contains_key(&h.0));
                                } else {
                                    target.accept(node.now(), |h| store.contains_key(&h.0));
                                }
                            }
                        }
                        _ => target.refuse(
                            node.now(),
                            "the offer's process metadata is not a phantom process's".to_string(),
                        ),
                    }
                }
                TargetEvent::Restore {
                    meta,
                    checkpoint,
                    classes,
                } => {
                    let result = restore(node, &meta, &checkpoint, classes).await;
                    match result {
                        Ok(r) => {
                            restored = Some(r);
                            target.handle_restored(node.now(), Ok(()));
                        }
                        Err(e) => {
                            warn!(from = %peer, "cannot restore the offered process: {e:#}");
                            target.handle_restored(node.now(), Err(format!("{e:#}")));
                        }
                    }
                }
                TargetEvent::Start => {
                    if let Some((meta, vm, outputs)) = restored.take() {
                        super::balance::arrived(node, &meta.id);
                        start(node, meta, vm, outputs)?;
                    }
                }
                TargetEvent::Discard { reason } => {
                    if let Some((meta, ..)) = restored.take() {
                        super::balance::arrived(node, &meta.id);
                        info!(job = %meta.id, "migration abandoned, copy dropped: {reason}");
                    } else if let Some((_, _, meta)) = staging.take() {
                        info!(job = %meta.id, "pre-copy abandoned, staging dropped: {reason}");
                    }
                }
                TargetEvent::Classes { classes } => {
                    let mut store = node.classes.lock().unwrap_or_else(|e| e.into_inner());
                    for (hash, bytes) in classes {
                        // Staging checks every hash against the bytes.
                        store.insert(hash.0, Arc::from(bytes));
                    }
                }
                TargetEvent::Piece { bytes, .. } => {
                    if let Some((stager, ..)) = &staging {
                        stager.piece(bytes);
                    }
                }
                TargetEvent::RoundEnd { round, .. } => {
                    if let Some((stager, ..)) = &staging {
                        stager.round_end(round);
                    }
                }
                TargetEvent::Finish { meta } => {
                    let fits = |m: &Meta, offered: &Meta| {
                        m.id == offered.id && m.source == offered.source && m.run == offered.run
                    };
                    match (ciborium::from_reader::<Meta, _>(meta.as_slice()), &staging) {
                        (Ok(m), Some((stager, counters, offered))) if fits(&m, offered) => {
                            counters
                                .outputs
                                .store(m.outputs, std::sync::atomic::Ordering::SeqCst);
                            counters
                                .file_ops
                                .store(m.file_ops, std::sync::atomic::Ordering::SeqCst);
                            finished = Some(m);
                            stager.finish();
                        }
                        _ => target.handle_restored(
                            node.now(),
                            Err("the frozen process's metadata is not the offered one's"
                                .to_string()),
                        ),
                    }
                }
            }
        }
        while let Some(message) = target.poll_transmit() {
            if !send_open {
                break;
            }
            if let Err(e) = write_message(&mut send, &message).await {
                warn!(from = %peer, "migration stream broke: {e}");
                send_open = false;
                recv = None;
                target.handle_connection_lost(node.now());
                continue 'drive;
            }
        }
        if query.is_none()
            && let Some(q) = target.poll_query(node.now())
        {
            let node = node.clone();
            let source = source_name
                .clone()
                .unwrap_or_else(|| peer.name().to_string());
            query = Some(tokio::spawn(async move {
                let connection = node.connection(&source).await?;
                let (mut send, mut recv) = connection.open_bi().await?;
                write_message(&mut send, &Request::Migration).await?;
                write_message(&mut send, &q).await?;
                send.finish()?;
                read_message::<Message>(&mut recv, MAX_MIGRATION_FRAME)
                    .await?
                    .ok_or_else(|| anyhow!("no answer"))
            }));
        }
        if target.is_finished() {
            break;
        }
        let wait = until(node, target.poll_timeout());
        tokio::select! {
            message = read_optional(&mut recv) => match message {
                Ok(Some(m)) => target.handle_message(node.now(), m),
                Ok(None) => {
                    recv = None;
                    target.handle_connection_lost(node.now());
                }
                Err(e) => {
                    recv = None;
                    target.handle_malformed(node.now(), e.to_string());
                }
            },
            staged = async { staging.as_mut().expect("guarded").0.next().await }, if staging.is_some() => {
                match staged {
                    Some(super::precopy::Staged::Applied(round, result)) => {
                        target.handle_applied(node.now(), round, result);
                    }
                    Some(super::precopy::Staged::Finished(result)) => {
                        let (_, counters, _) = staging.take().expect("guarded");
                        match (*result, finished.take()) {
                            (Ok(vm), Some(meta)) => {
                                restored = Some((meta, vm, counters));
                                target.handle_restored(node.now(), Ok(()));
                            }
                            (Err(e), _) => {
                                warn!(from = %peer, "cannot stage the offered process: {e}");
                                target.handle_restored(node.now(), Err(e));
                            }
                            (Ok(_), None) => target.handle_restored(node.now(), Err("staged without its metadata".to_string())),
                        }
                    }
                    None => {
                        staging = None;
                        target.handle_applied(node.now(), 0, Err("the staging thread ended".to_string()));
                    }
                }
            },
            answer = async { query.as_mut().expect("guarded").await }, if query.is_some() => {
                query = None;
                match answer {
                    Ok(Ok(m)) => target.handle_message(node.now(), m),
                    _ => target.handle_query_failed(node.now()),
                }
            },
            _ = tokio::time::sleep(wait) => target.handle_timeout(node.now()),
        }
    }
    if send_open {
        let _ = send.finish();
    }
    Ok(())
}

/// Restores a received process, frozen: it starts only on commit.
async fn restore(
    node: &Arc<Node>,
    meta: &[u8],
    document: &[u8],
    classes: Vec<(ClassHash, Vec<u8>)>,
) -> Result<(Meta, Vm, Arc<super::process::Counters>)> {
    let meta: Meta = ciborium::from_reader(meta).map_err(|e| anyhow!("process metadata: {e}"))?;
    {
        let mut store = node.classes.lock().unwrap_or_else(|e| e.into_inner());
        for (hash, bytes) in classes {
            // The target checks every hash at restore; a wrong one fails there.
            store.insert(hash.0, Arc::from(bytes));
        }
    }
    let mut c = checkpoint::decode(document, DEFAULT_MAX_BYTES)?;
    {
        let store = node.classes.lock().unwrap_or_else(|e| e.into_inner());
        checkpoint::fill_class_bytes(&mut c, |h| store.get(h).cloned())?;
    }
    let outputs = super::process::Counters::from(meta.outputs, meta.file_ops);
    let host = super::process::NodeHost::new(
        meta.id.clone(),
        meta.home.clone(),
        meta.run,
        outputs.clone(),
        node.routes.clone(),
        node.file_calls.clone(),
        node.stdin_calls.clone(),
    );
    let config = node.vm_config();
    let vm = tokio::task::spawn_blocking(move || Vm::restore(&c, Box::new(host), config))
        .await
        .map_err(|e| anyhow!("restore panicked: {e}"))??;
    Ok((meta, vm, outputs))
}

/// Runs a process that has arrived.
fn start(
    node: &Arc<Node>,
    meta: Meta,
    vm: Vm,
    outputs: Arc<super::process::Counters>,
) -> Result<()> {
    let _ = node.routes.send(Outbound::Home {
        id: meta.id.clone(),
        home: meta.home.clone(),
        run: meta.run,
        what: Home::Arrived {
            node: node.name().to_string(),
            arch: ARCH.to_string(),
        },
    });
    let handle = ProcessHandle::spawn(
        meta.id.clone(),
        meta.home.clone(),
        meta.run,
        vm,
        outputs,
        node.routes.clone(),
        node.cores.clone(),
    )?;
    if meta.held {
        handle.hold();
    }
    info!(job = %meta.id, from = %meta.source, migrations = meta.migrations, "arrived");
    node.event(
        "arrival",
        Some(&meta.id),
        format!(
            "arrived on {} ({}) from {}",
            node.name(),
            super::ARCH,
            meta.source
        ),
    );
    let now = node.epoch.elapsed().as_secs_f64();
    node.lock_processes().insert(
        meta.id.clone(),
        Proc {
            handle,
            main: meta.main,
            home: meta.home,
            run: meta.run,
            label: meta.label,
            migrations: meta.migrations,
            started_at: now - meta.age,
            resident_since: now,
            migrating_to: None,
            home_has: Default::default(),
            checkpointed_at: None,
            home_chain: None,
            user_held: meta.held,
        },
    );
    Ok(())
}
