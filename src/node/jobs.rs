//! Jobs at their home: the node a job was submitted to keeps it for its whole life, wherever
//! it runs. The home
//!
//! - keeps the job's record, output and last checkpoint in its [`JobStore`], so that it
//!   answers `status`, `logs` and `wait` at any time, also after the job ended or the home
//!   restarted;
//! - puts the job's output back in order and passes it to every client attached to it;
//! - watches the node that runs the job (a [`Request::Watch`] heartbeat every second, which
//!   also tells that node which outputs the home holds) and, when that node stops answering
//!   or loses the job for longer than `host_timeout_secs`, restarts the job from its last
//!   checkpoint, here, as a new *run*. Outputs, checkpoints and file operations of an older
//!   run are refused (and that run is told to stop), so a job never runs twice to completion;
//!   outputs are numbered over the job's life, so a restarted run's outputs that the home holds
//!   already are dropped and every client sees each output exactly once.
//!
//! Every node also checkpoints the jobs it runs to their homes every `checkpoint_secs`
//! ([`checkpoint_loop`]). A checkpoint is kept only once the home holds every output written
//! before it, so a restart never skips output.

use super::process::{HomeStep, NO_HOME_SESSION, NodeHost, Outbound, ProcessHandle};
use super::store::{JobRecord, JobState, JobStore, Output, StoredCheckpoint};
use super::{ARCH, Node, Proc, stdin::InputQueue};
use anyhow::{Result, anyhow};
use phantom_transport::control::{
    CheckpointFrame, FileDone, FileOp, Home, JobAction, JobInfo, MAX_CONTROL_FRAME, ProcessInfo,
    Reply, Request,
};
use phantom_transport::frame::{read_message, write_message};
use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES};
use phantom_vm::{ClassPath, Vm};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tracing::{info, warn};

/// Most output bytes one read of the store replays.
const REPLAY_CHUNK: usize = 1 << 20;

/// The state `ps` shows for a job whose node did not answer.
pub(crate) const AWAY: &str = "unknown";

/// Most bytes of file operations a home journals for one job between two checkpoints.
const MAX_JOURNAL: usize = 256 << 20;

/// Exit status of a killed job, as a shell shows a process killed by SIGKILL.
pub(crate) const KILLED: i32 = 137;

/// A client attached to a job.
#[derive(Debug)]
struct Watcher {
    tx: UnboundedSender<Reply>,
    /// Whether it wants output (not `phantom wait`).
    output: bool,
}

/// A checkpoint that waits for outputs: the checkpoint, its new class files, the standard
/// input it had consumed and, for a chain, its pieces not stored yet.
type Waiting = (
    StoredCheckpoint,
    Vec<([u8; 32], Vec<u8>)>,
    u64,
    Vec<Vec<u8>>,
);

/// A job at its home, while it has not ended.
#[derive(Debug)]
pub(crate) struct HomeEntry {
    pub(crate) record: JobRecord,
    watchers: Vec<Watcher>,
    /// Outputs that arrived ahead of their turn.
    pending: BTreeMap<u64, (u8, Vec<u8>)>,
    /// The exit status and output count, once the process has ended.
    exit: Option<(i32, u64)>,
    /// A checkpoint that waits for the outputs written before it.
    waiting: Option<Waiting>,
    /// The chain of incremental checkpoints taken (stored or waiting), if the last
    /// checkpoint is one: a delta must continue it.
    chain: Option<super::store::Chain>,
    /// The process's files: its working directory here, if its client gave one that exists.
    pub(crate) files: Option<super::files::HomeFiles>,
    /// The client's standard input, for the process.
    pub(crate) input: Arc<InputQueue>,
    /// File operations since its last checkpoint, by number, with their answers: what a
    /// restarted run that repeats them gets again.
    journal: BTreeMap<u64, (FileOp, Result<FileDone, i32>)>,
    journal_bytes: usize,
    /// When the node running it last confirmed it.
    seen: Instant,
    /// Since when that node has not listed it.
    missing: Option<Instant>,
}

impl HomeEntry {
    fn new(record: JobRecord) -> HomeEntry {
        let files = record.cwd.as_deref().and_then(|dir| {
            crate::files::LocalFiles::confined(std::path::Path::new(dir))
                .map_err(|e| warn!(%dir, "the working directory is unusable, so the job has no files: {e}"))
                .ok()
        });
        HomeEntry {
            record,
            watchers: Vec::new(),
            pending: BTreeMap::new(),
            exit: None,
            waiting: None,
            chain: None,
            files: files.map(|f| Arc::new(Mutex::new(f))),
            input: Arc::new(InputQueue::default()),
            journal: BTreeMap::new(),
            journal_bytes: 0,
            seen: Instant::now(),
            missing: None,
        }
    }

    /// The answer given to file operation `seq` before, if it was this same operation.
    pub(crate) fn journaled(&self, seq: u64, op: &FileOp) -> Option<Result<FileDone, i32>> {
        let (done, answer) = self.journal.get(&seq)?;
        if done == op {
            Some(answer.clone())
        } else {
            warn!(
                seq,
                "a restarted run's file operation differs from the first run's; it is carried out"
            );
            None
        }
    }

    /// Notes file operation `seq` and its answer, for a restart from the last checkpoint.
    pub(crate) fn journal(
        &mut self,
        id: &str,
        seq: u64,
        op: FileOp,
        answer: Result<FileDone, i32>,
    ) {
        self.journal_bytes += journal_size(&op, &answer);
        self.journal.insert(seq, (op, answer));
        if self.journal_bytes > MAX_JOURNAL {
            warn!(job = %id, "the file operations since the last checkpoint outgrow the journal; a restart will repeat them");
            self.journal.clear();
            self.journal_bytes = 0;
        }
    }

    fn send(&mut self, reply: &Reply) {
        let is_output = matches!(reply, Reply::Output { .. });
        self.watchers
            .retain(|w| (is_output && !w.output) || w.tx.send(reply.clone()).is_ok());
    }
}

/// What a journaled file operation costs in memory, about.
fn journal_size(op: &FileOp, answer: &Result<FileDone, i32>) -> usize {
    64 + match (op, answer) {
        (FileOp::Write { data, .. }, _) => data.len(),
        (_, Ok(FileDone::Bytes(b))) => b.len(),
        _ => 0,
    }
}

/// What the store's writer thread does, in order.
#[derive(Debug)]
pub(crate) enum Write {
    Output(String, Output),
    Record(String, Box<JobRecord>),
    /// A checkpoint, its new class files and, for a chain, its pieces not stored yet.
    Checkpoint(
        String,
        Box<StoredCheckpoint>,
        Vec<([u8; 32], Vec<u8>)>,
        Vec<Vec<u8>>,
    ),
    /// A job ended: forget what it no longer needs, and the oldest ended jobs.
    Ended(String),
    /// The outcome of a handoff this node was the source of.
    Decision([u8; 16], bool),
    /// Answered once everything before it is committed.
    Flush(tokio::sync::oneshot::Sender<()>),
}

/// How many outputs of each live job the store holds for good: what a home acknowledges to
/// the node running the job (which may then forget them).
pub(crate) type Committed = Arc<Mutex<HashMap<String, u64>>>;

/// The store's writer: commits what comes in batches, one transaction each, in order.
pub(crate) fn writer(
    store: Arc<JobStore>,
    rx: std::sync::mpsc::Receiver<Write>,
    keep: usize,
    committed: Committed,
) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < 4096
            && let Ok(w) = rx.try_recv()
        {
            batch.push(w);
        }
        let mut outputs = Vec::new();
        let mut records: Vec<(String, Box<JobRecord>)> = Vec::new();
        let mut flushes = Vec::new();
        let mut after = Vec::new();
        for w in batch {
            match w {
                Write::Output(id, o) => outputs.push((id, o)),
                Write::Record(id, r) => records.push((id, r)),
                Write::Flush(tx) => flushes.push(tx),
                other => after.push(other),
            }
        }
        let records: Vec<(&str, &JobRecord)> =
            records.iter().map(|(id, r)| (id.as_str(), &**r)).collect();
        match store.write(&outputs, &records) {
            Ok(()) => {
                let mut committed = committed.lock().unwrap_or_else(|e| e.into_inner());
                for (id, o) in &outputs {
                    let held = committed.entry(id.clone()).or_insert(0);
                    if o.seq == *held {
                        *held += 1;
                    }
                }
            }
            // Not acknowledged, so the running node keeps them and sends them again.
            Err(e) => warn!("writing the job store failed: {e:#}"),
        }
        for w in after {
            let done = match &w {
                Write::Checkpoint(id, c, classes, pieces) => {
                    store.save_checkpoint(id, c, classes, pieces)
                }
                Write::Ended(id) => {
                    committed
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .remove(id);
                    store.prune(id, keep)
                }
                Write::Decision(id, committed) => store.record_decision(id, *committed, now_ms()),
                _ => Ok(()),
            };
            if let Err(e) = done {
                warn!("writing the job store failed: {e:#}");
            }
        }
        for f in flushes {
            let _ = f.send(());
        }
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The home node of a job, from its id (`<home>-<number>`).
pub(crate) fn home_of(id: &str) -> &str {
    id.rsplit_once('-').map_or(id, |(home, _)| home)
}

fn info(id: &str, home: &str, r: &JobRecord) -> JobInfo {
    JobInfo {
        id: id.to_string(),
        main: r.main.clone(),
        state: r.state.name().to_string(),
        home: home.to_string(),
        node: r.runs_on.clone(),
        arch: r.arch.clone(),
        migrations: r.migrations,
        restarts: r.restarts,
        executed: r.executed,
        outputs: r.outputs,
        submitted_ms: r.submitted_ms,
        ended_ms: r.ended_ms,
        exit: r.exit,
        reason: r.reason.clone(),
        checkpoint: r.checkpoint,
    }
}

impl Node {
    fn lock_homes(&self) -> std::sync::MutexGuard<'_, HashMap<String, HomeEntry>> {
        self.homes.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn write(&self, w: Write) {
        let _ = self
            .writes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(w);
    }

    /// How many of a live job's outputs the store holds for good.
    pub(crate) fn committed_outputs(&self, id: &str) -> u64 {
        self.committed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .copied()
            .unwrap_or(0)
    }

    /// Waits until the store holds everything written so far.
    pub(crate) async fn flush(&self) {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.write(Write::Flush(tx));
        let _ = rx.await;
    }

    /// Reads the jobs of the store back after a start: those that ran here restart from their
    /// last checkpoint; the others are watched where they run.
    pub(crate) async fn recover(self: &Arc<Self>) -> Result<()> {
        {
            let now = self.now();
            let mut decisions = self.decisions.lock().unwrap_or_else(|e| e.into_inner());
            for (id, committed) in self.store.decisions(now_ms())? {
                let decision = if committed {
                    phantom_transport::migration::Decision::Committed
                } else {
                    phantom_transport::migration::Decision::Aborted
                };
                decisions.record(now, phantom_transport::migration::MigrationId(id), decision);
            }
        }
        let mut restart = Vec::new();
        for (id, record) in self.store.list()? {
            if record.state == JobState::Ended {
                continue;
            }
            if record.runs_on == self.name() {
                restart.push(id.clone());
            }
            info!(job = %id, runs_on = %record.runs_on, "job recovered from the store");
            self.committed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(id.clone(), record.outputs);
            let mut entry = HomeEntry::new(record);
            entry.chain = self
                .store
                .checkpoint(&id)
                .ok()
                .flatten()
                .and_then(|c| c.chain);
            // Its client's standard input did not survive; the job sees its end.
            entry.input = Arc::new(InputQueue::ended());
            self.lock_homes().insert(id, entry);
        }
        for id in restart {
            self.restart(&id, "its home node restarted").await;
        }
        Ok(())
    }

    /// Creates a job for a submission and starts it here; the error is what the client prints.
    pub(crate) fn submit_job(self: &Arc<Self>, job: super::Job) -> Result<String, String> {
        let super::Job {
            main,
            args,
            classes,
            label,
            cwd,
            env,
        } = job;
        if self.is_draining() {
            return Err(format!("node {} is stopping", self.name()));
        }
        if self.lock_processes().len() >= self.config.max_processes {
            return Err(format!(
                "node {} runs {} processes already, its limit",
                self.name(),
                self.config.max_processes
            ));
        }
        let n = self
            .store
            .next_id()
            .map_err(|e| format!("the job store of {} failed: {e:#}", self.name()))?;
        let id = format!("{}-{n}", self.name());
        let mut hashes = Vec::new();
        {
            let mut memory = self.classes.lock().unwrap_or_else(|e| e.into_inner());
            for c in &classes {
                let hash = crate::sha256(&c.bytes);
                memory.insert(hash, Arc::from(c.bytes.as_slice()));
                hashes.push((c.name.clone(), hash));
            }
        }
        let record = JobRecord {
            main,
            args,
            label,
            cwd,
            env: env
                .into_iter()
                .filter(|(k, _)| self.config.passes_env(k))
                .collect(),
            classes: hashes,
            state: JobState::Running,
            runs_on: self.name().to_string(),
            arch: ARCH.to_string(),
            run: 0,
            migrations: 0,
            submitted_ms: now_ms(),
            ended_ms: None,
            exit: None,
            reason: None,
            outputs: 0,
            executed: 0,
            checkpoint: None,
            restarts: 0,
        };
        let class_bytes: Vec<([u8; 32], &[u8])> = record
            .classes
            .iter()
            .zip(&classes)
            .map(|((_, h), c)| (*h, c.bytes.as_slice()))
            .collect();
        // The placement rules may keep it off this node: it then starts held here and moves
        // at once to a node they admit, before it runs an instruction.
        let forbidden = self.rule_against_here(&record);
        if let Some(rule) = &forbidden
            && super::balance::admitted_peers(self, &record.main, record.label.as_deref())
                .is_empty()
        {
            return Err(format!(
                "no node of the cluster may run {}: {rule} admits none that reported",
                record.main
            ));
        }
        self.store
            .create(&id, &record, &class_bytes)
            .map_err(|e| format!("the job store of {} failed: {e:#}", self.name()))?;
        self.lock_homes()
            .insert(id.clone(), HomeEntry::new(record.clone()));
        let mut first = record.clone();
        if forbidden.is_some() {
            first.state = JobState::Held;
        }
        if let Err(message) = self.launch(&id, &first, None) {
            let mut homes = self.lock_homes();
            if let Some(entry) = homes.remove(&id) {
                self.end(&id, entry, 1, format!("failed to start: {message}"));
            }
            return Err(message);
        }
        info!(job = %id, main = %record.main, "started");
        self.event(
            "submit",
            Some(&id),
            format!(
                "{} submitted, runs on {} ({ARCH})",
                record.main,
                self.name()
            ),
        );
        if let Some(rule) = forbidden {
            // Held only until it is placed, not by its user.
            self.set_user_held(&id, record.state == JobState::Held);
            self.place_elsewhere(&id, &record, rule);
        }
        Ok(id)
    }

    /// The placement rule that keeps a job off this node, if one does.
    fn rule_against_here(&self, record: &JobRecord) -> Option<String> {
        super::balance::forbidding_rule(
            self,
            &record.main,
            record.label.as_deref(),
            ARCH,
            &self.config.labels,
        )
    }

    /// Moves a job held here, which the placement rules keep off this node, to a node they
    /// admit; if none takes it, it stays held here and its state says so.
    fn place_elsewhere(self: &Arc<Self>, id: &str, record: &JobRecord, rule: String) {
        let node = self.clone();
        let id = id.to_string();
        let peers = super::balance::admitted_peers(self, &record.main, record.label.as_deref());
        tokio::spawn(async move {
            for peer in peers {
                match super::migrate::out(&node, &id, &peer).await {
                    Ok(_) => {
                        info!(job = %id, to = %peer, %rule, "placed by the rules");
                        return;
                    }
                    Err(e) => warn!(job = %id, to = %peer, "placing it failed: {e:#}"),
                }
            }
            warn!(job = %id, %rule, "no node the rules admit took the job: it stays held here");
            if let Some(entry) = node.lock_homes().get_mut(&id) {
                entry.record.state = JobState::Held;
                node.write(Write::Record(id.clone(), Box::new(entry.record.clone())));
            }
        });
    }

    /// Starts run `record.run` of a job here: from its checkpoint, or from the beginning.
    fn launch(
        self: &Arc<Self>,
        id: &str,
        record: &JobRecord,
        from: Option<StoredCheckpoint>,
    ) -> Result<(), String> {
        let lookup = |h: &[u8; 32]| -> Option<Arc<[u8]>> {
            if let Some(b) = self
                .classes
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(h)
            {
                return Some(b.clone());
            }
            let bytes: Arc<[u8]> = Arc::from(self.store.class(h).ok()??);
            self.classes
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(*h, bytes.clone());
            Some(bytes)
        };
        let outputs = super::process::Counters::from(
            from.as_ref().map_or(0, |c| c.outputs),
            from.as_ref().map_or(0, |c| c.file_ops),
        );
        let host = NodeHost::new(
            id.to_string(),
            self.name().to_string(),
            record.run,
            outputs.clone(),
            self.routes.clone(),
            self.file_calls.clone(),
            self.stdin_calls.clone(),
        );
        let vm = match from {
            Some(StoredCheckpoint {
                chain: Some(chain), ..
            }) => {
                // A chain: its pieces, base then deltas, staged in order.
                info!(
                    job = %id,
                    pieces = chain.count,
                    base_bytes = chain.base_bytes,
                    delta_bytes = chain.delta_bytes,
                    "restoring from a base and its deltas"
                );
                let mut staging =
                    phantom_vm::checkpoint::stage::Staging::new(Box::new(host), self.vm_config());
                self.store
                    .pieces(id, chain.count, |bytes| {
                        let mut p = checkpoint::decode_piece(bytes, DEFAULT_MAX_BYTES)?;
                        checkpoint::fill_piece_class_bytes(&mut p, lookup)?;
                        staging.apply(p)?;
                        Ok(())
                    })
                    .map_err(|e| format!("its checkpoint: {e:#}"))?;
                let verify = staging.handle_count() <= super::precopy::VERIFY_HANDLES;
                staging
                    .finish(verify)
                    .map_err(|e| format!("restoring its checkpoint: {e}"))?
            }
            Some(c) => {
                let mut c = checkpoint::decode(&c.document, DEFAULT_MAX_BYTES)
                    .map_err(|e| format!("its checkpoint: {e}"))?;
                checkpoint::fill_class_bytes(&mut c, lookup)
                    .map_err(|e| format!("its checkpoint: {e}"))?;
                Vm::restore(&c, Box::new(host), self.vm_config())
                    .map_err(|e| format!("restoring its checkpoint: {e}"))?
            }
            None => {
                let mut memory = BTreeMap::new();
                for (name, hash) in &record.classes {
                    let bytes =
                        lookup(hash).ok_or_else(|| format!("its class {name} is not stored"))?;
                    memory.insert(name.clone(), bytes);
                }
                let mut class_path = ClassPath::default();
                class_path.push_memory(memory);
                let mut config = self.vm_config();
                config.env = record.env.clone();
                config.properties = crate::launcher::host_properties(
                    record.cwd.as_deref().unwrap_or("/"),
                    &config.env,
                    "",
                );
                let mut vm = Vm::new(class_path, Box::new(host), config)
                    .map_err(|e| crate::launch_error(&e, &record.main))?;
                vm.start_main(&record.main, &record.args)
                    .map_err(|e| crate::launch_error(&e, &record.main))?;
                vm
            }
        };
        let handle = ProcessHandle::spawn(
            id.to_string(),
            self.name().to_string(),
            record.run,
            vm,
            outputs,
            self.routes.clone(),
            self.cores.clone(),
        )
        .map_err(|e| format!("cannot start a thread for the process: {e}"))?;
        if record.state == JobState::Held {
            handle.hold();
        }
        let now = self.epoch.elapsed().as_secs_f64();
        self.lock_processes().insert(
            id.to_string(),
            Proc {
                handle,
                main: record.main.clone(),
                home: self.name().to_string(),
                run: record.run,
                label: record.label.clone(),
                migrations: record.migrations,
                started_at: now - (now_ms() - record.submitted_ms).max(0) as f64 / 1000.0,
                resident_since: now,
                migrating_to: None,
                home_has: Default::default(),
                checkpointed_at: None,
                home_chain: None,
                user_held: record.state == JobState::Held,
            },
        );
        Ok(())
    }

    /// Ends a job: its record says how, its clients are told, and the store keeps it.
    /// The entry must be out of the table already.
    fn end(&self, id: &str, mut entry: HomeEntry, status: i32, reason: String) {
        info!(job = %id, status, %reason, "job ended");
        super::metrics::job_ended(&reason);
        self.event(
            "end",
            Some(id),
            format!(
                "ended on {} with status {status}: {reason}",
                entry.record.runs_on
            ),
        );
        entry.record.state = JobState::Ended;
        entry.record.exit = Some(status);
        entry.record.reason = Some(reason.clone());
        entry.record.ended_ms = Some(now_ms());
        self.write(Write::Record(
            id.to_string(),
            Box::new(entry.record.clone()),
        ));
        self.write(Write::Ended(id.to_string()));
        entry.send(&Reply::Ended { status, reason });
    }

    /// News of a job whose home is here, from the node running run `run` of it. False when
    /// that run is not the job's current one (or the job is over): the sender should stop it.
    pub(crate) fn deliver_home(&self, id: &str, run: u32, what: Home) -> bool {
        let mut homes = self.lock_homes();
        let Some(entry) = homes.get_mut(id) else {
            return false;
        };
        if run != entry.record.run {
            return false;
        }
        match what {
            Home::Output { seq, fd, bytes } => {
                if seq >= entry.record.outputs {
                    entry.pending.insert(seq, (fd, bytes));
                }
            }
            Home::Arrived { node, arch } => {
                if node != entry.record.runs_on {
                    entry.record.migrations += 1;
                }
                entry.record.runs_on = node.clone();
                entry.record.arch = arch.clone();
                entry.seen = Instant::now();
                entry.missing = None;
                self.write(Write::Record(
                    id.to_string(),
                    Box::new(entry.record.clone()),
                ));
                entry.send(&Reply::Moved { node, arch });
            }
            Home::Exited {
                status,
                outputs,
                executed,
            } => {
                entry.record.executed = entry.record.executed.max(executed);
                entry.exit = Some((status, outputs));
            }
        }
        let mut delivered = false;
        while let Some((fd, bytes)) = entry.pending.remove(&entry.record.outputs) {
            let seq = entry.record.outputs;
            entry.send(&Reply::Output {
                fd,
                bytes: bytes.clone(),
            });
            self.write(Write::Output(id.to_string(), Output { seq, fd, bytes }));
            entry.record.outputs += 1;
            delivered = true;
        }
        if delivered {
            self.keep_waiting_checkpoint(id, entry);
            self.write(Write::Record(
                id.to_string(),
                Box::new(entry.record.clone()),
            ));
        }
        if let Some((status, outputs)) = entry.exit
            && entry.record.outputs >= outputs
        {
            let entry = homes.remove(id).expect("found above");
            self.end(id, entry, status, "exited".to_string());
        }
        true
    }

    /// Stores a checkpoint that waited for its outputs, once they are all here.
    fn keep_waiting_checkpoint(&self, id: &str, entry: &mut HomeEntry) {
        if entry
            .waiting
            .as_ref()
            .is_some_and(|(c, ..)| c.outputs <= entry.record.outputs)
        {
            let (c, classes, stdin_consumed, pieces) = entry.waiting.take().expect("checked");
            entry.record.checkpoint = Some((c.outputs, c.executed, now_ms()));
            entry.record.executed = entry.record.executed.max(c.executed);
            entry.input.checkpointed(stdin_consumed);
            // Operations before the checkpoint are never repeated now.
            entry.journal = entry.journal.split_off(&c.file_ops);
            entry.journal_bytes = entry
                .journal
                .values()
                .map(|(op, answer)| journal_size(op, answer))
                .sum();
            self.write(Write::Checkpoint(
                id.to_string(),
                Box::new(c),
                classes,
                pieces,
            ));
            self.write(Write::Record(
                id.to_string(),
                Box::new(entry.record.clone()),
            ));
        }
    }

    /// A checkpoint of run `c.run` of a job whose home is here.
    ///
    /// For a chain (`c.chain`), `pieces` are the checkpoint's pieces, numbered up to
    /// `c.chain.count`: a base when they start at 0, otherwise a delta, which must continue
    /// the chain the home holds (else it is refused, and the sender sends a base next).
    pub(crate) fn home_checkpoint(
        &self,
        id: &str,
        mut c: StoredCheckpoint,
        mut classes: Vec<([u8; 32], Vec<u8>)>,
        stdin_consumed: u64,
        mut pieces: Vec<Vec<u8>>,
    ) -> Result<(), String> {
        let mut homes = self.lock_homes();
        let entry = homes
            .get_mut(id)
            .ok_or_else(|| format!("{id} is stale: it is not a running job of {}", self.name()))?;
        if entry.record.run != c.run {
            return Err(format!(
                "run {} of {id} is stale: the job is at run {}",
                c.run, entry.record.run
            ));
        }
        // Two checkpoints may cross on the way: an older one never replaces a newer one.
        let kept_executed = entry
            .waiting
            .as_ref()
            .map(|(w, ..)| w.executed)
            .into_iter()
            .chain(entry.record.checkpoint.map(|(_, executed, _)| executed))
            .max();
        if let Some(chain) = c.chain.take() {
            let bytes: u64 = pieces.iter().map(|p| p.len() as u64).sum();
            let chain = chain
                .taken(entry.chain.as_ref(), pieces.len() as u64, bytes)
                .map_err(|e| format!("checkpoint of {id}: {e}"))?;
            if chain.count == pieces.len() as u64 && kept_executed.is_some_and(|e| e > c.executed) {
                return Err(format!(
                    "checkpoint of {id}: a base older than the checkpoint held"
                ));
            }
            if chain.count > pieces.len() as u64 {
                // A delta that waits joins the checkpoint waiting before it, which it needs.
                if let Some((_, older_classes, _, older_pieces)) = entry.waiting.take() {
                    classes.splice(0..0, older_classes);
                    pieces.splice(0..0, older_pieces);
                }
            }
            c.chain = Some(chain.clone());
            entry.chain = Some(chain);
        } else {
            if kept_executed.is_some_and(|e| e > c.executed) {
                return Ok(());
            }
            entry.chain = None;
        }
        entry.waiting = Some((c, classes, stdin_consumed, pieces));
        self.keep_waiting_checkpoint(id, entry);
        Ok(())
    }

    /// Restarts a job whose host failed: from its last checkpoint, here, as a new run.
    pub(crate) async fn restart(self: &Arc<Self>, id: &str, why: &str) {
        // The last checkpoint kept may still be on its way to the store.
        self.flush().await;
        let (record, old) = {
            let mut homes = self.lock_homes();
            let Some(entry) = homes.get_mut(id) else {
                return;
            };
            let old = entry.record.runs_on.clone();
            entry.record.run += 1;
            entry.record.restarts += 1;
            entry.record.runs_on = self.name().to_string();
            entry.record.arch = ARCH.to_string();
            entry.pending.clear();
            entry.exit = None;
            entry.waiting = None;
            entry.missing = None;
            entry.seen = Instant::now();
            self.write(Write::Record(
                id.to_string(),
                Box::new(entry.record.clone()),
            ));
            (entry.record.clone(), old)
        };
        let from = match self.store.checkpoint(id) {
            Ok(c) => c,
            Err(e) => {
                warn!(job = %id, "its checkpoint is unreadable, so it restarts from the beginning: {e:#}");
                None
            }
        };
        warn!(job = %id, %why, run = record.run, from_outputs = from.as_ref().map(|c| c.outputs), "restarting the job here");
        let forbidden = self.rule_against_here(&record);
        let mut first = record.clone();
        if forbidden.is_some() {
            first.state = JobState::Held;
        }
        let from_checkpoint = from.is_some();
        if let Err(message) = self.launch(id, &first, from) {
            if let Some(entry) = self.lock_homes().remove(id) {
                self.end(id, entry, 1, format!("lost: {why}, and {message}"));
            }
            return;
        }
        super::metrics::job_restarted();
        self.event(
            "restart",
            Some(id),
            format!(
                "restarts from {} on {} ({ARCH}): {why}",
                if from_checkpoint {
                    "its last checkpoint"
                } else {
                    "its start"
                },
                self.name()
            ),
        );
        if let Some(entry) = self.lock_homes().get_mut(id) {
            let from_where = if from_checkpoint {
                "its last checkpoint"
            } else {
                "its start"
            };
            entry.send(&Reply::Notice {
                message: format!(
                    "job {id} restarts from {from_where} on {} ({ARCH}): {why}",
                    self.name()
                ),
            });
            entry.send(&Reply::Moved {
                node: self.name().to_string(),
                arch: ARCH.to_string(),
            });
        }
        if let Some(rule) = forbidden {
            // Held only until it is placed, not by its user.
            self.set_user_held(id, record.state == JobState::Held);
            self.place_elsewhere(id, &record, rule);
        }
        if old != self.name() {
            // The old host may be alive after all: its run must stop.
            let node = self.clone();
            let request = Request::Control {
                id: id.to_string(),
                run: record.run,
                action: JobAction::Kill,
            };
            tokio::spawn(async move {
                let _ =
                    tokio::time::timeout(Duration::from_secs(2), node.ask(&old, &request)).await;
            });
        }
    }

    /// The home's heartbeat: asks the nodes running its jobs about them, and restarts the jobs
    /// whose node stopped answering or lost them.
    pub(crate) async fn watch_loop(self: Arc<Self>) {
        let timeout = Duration::from_secs_f64(self.config.host_timeout_secs);
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tick.tick().await;
            let mut by_node: HashMap<String, Vec<(String, u32, u64)>> = HashMap::new();
            let mut restart = Vec::new();
            {
                let processes = self.lock_processes();
                let mut homes = self.lock_homes();
                for (id, e) in homes.iter_mut() {
                    if e.record.runs_on == self.name() {
                        if processes.get(id).is_some_and(|p| p.run == e.record.run) {
                            e.seen = Instant::now();
                            e.missing = None;
                        } else if e.missing.get_or_insert_with(Instant::now).elapsed() > timeout {
                            restart.push((id.clone(), "its process vanished".to_string()));
                        }
                    } else {
                        by_node.entry(e.record.runs_on.clone()).or_default().push((
                            id.clone(),
                            e.record.run,
                            self.committed_outputs(id),
                        ));
                    }
                }
            }
            let asks = by_node.into_iter().map(|(name, jobs)| {
                let node = self.clone();
                async move {
                    let request = Request::Watch { jobs: jobs.clone() };
                    let answer =
                        tokio::time::timeout(Duration::from_secs(1), node.ask(&name, &request))
                            .await;
                    (name, jobs, answer)
                }
            });
            for (name, jobs, answer) in super::futures_join(asks).await {
                match answer {
                    Ok(Ok(Reply::Processes(list))) => {
                        for (id, run, _) in &jobs {
                            let found = list.iter().find(|p| &p.id == id);
                            if let Some(p) = found
                                && let Some(status) = p.exit
                            {
                                // It ended there, and the news was lost on the way.
                                self.deliver_home(
                                    id,
                                    *run,
                                    Home::Exited {
                                        status,
                                        outputs: p.outputs,
                                        executed: p.executed,
                                    },
                                );
                                continue;
                            }
                            let mut homes = self.lock_homes();
                            let Some(e) = homes.get_mut(id) else { continue };
                            match found {
                                Some(p) => {
                                    e.seen = Instant::now();
                                    e.missing = None;
                                    e.record.executed = e.record.executed.max(p.executed);
                                }
                                None => {
                                    if e.missing.get_or_insert_with(Instant::now).elapsed()
                                        > timeout
                                    {
                                        restart
                                            .push((id.clone(), format!("it vanished from {name}")));
                                    }
                                }
                            }
                        }
                    }
                    other => {
                        let why = match other {
                            Ok(Ok(reply)) => format!("{name} answered {reply:?}"),
                            Ok(Err(e)) => format!("{name} is unreachable: {e:#}"),
                            Err(_) => format!("{name} stopped answering"),
                        };
                        let homes = self.lock_homes();
                        for (id, ..) in &jobs {
                            if homes.get(id).is_some_and(|e| e.seen.elapsed() > timeout) {
                                restart.push((id.clone(), why.clone()));
                            }
                        }
                    }
                }
            }
            for (id, why) in restart {
                self.restart(&id, &why).await;
            }
        }
    }

    /// A heartbeat from the home of some jobs: which of them run here, and which ended here;
    /// the home holds their outputs before the given counts.
    pub(crate) fn answer_watch(&self, jobs: Vec<(String, u32, u64)>) -> Reply {
        let processes = self.lock_processes();
        let finished = self.finished.lock().unwrap_or_else(|e| e.into_inner());
        let mut list = Vec::new();
        for (id, run, held) in jobs {
            let _ = self.routes.send(Outbound::Ack {
                id: id.clone(),
                held,
            });
            let mut info = ProcessInfo {
                id: id.clone(),
                main: String::new(),
                node: self.name().to_string(),
                arch: ARCH.to_string(),
                state: String::new(),
                executed: 0,
                migrations: 0,
                home: String::new(),
                exit: None,
                outputs: 0,
                age_ms: 0,
            };
            if let Some(p) = processes.get(&id)
                && p.run == run
            {
                info.state = if p.migrating_to.is_some() {
                    "migrating".to_string()
                } else {
                    p.handle.state().name().to_string()
                };
                info.executed = p.handle.executed();
                list.push(info);
            } else if let Some(&(r, status, outputs)) = finished.get(&id)
                && r == run
            {
                info.state = "exited".to_string();
                info.exit = Some(status);
                info.outputs = outputs;
                list.push(info);
            }
        }
        Reply::Processes(list)
    }

    /// What the home does for a client's `status`, `kill`, `hold`, `release` or `checkpoint`.
    pub(crate) async fn job_action(self: &Arc<Self>, id: &str, action: JobAction) -> Reply {
        let home = home_of(id);
        if home != self.name() && self.config.peer(home).is_some() {
            let request = Request::Job {
                id: id.to_string(),
                action,
            };
            // A status answers fast or not at all; an action may wait for a checkpoint.
            let bound = if action == JobAction::Status {
                Duration::from_secs(3)
            } else {
                Duration::from_secs(30)
            };
            return match tokio::time::timeout(bound, self.ask(home, &request)).await {
                Ok(Ok(reply)) => reply,
                Ok(Err(e)) => Reply::Error {
                    message: format!("{id}'s home {home} is unreachable: {e:#}"),
                },
                Err(_) => Reply::Error {
                    message: format!("{id}'s home {home} did not answer"),
                },
            };
        }
        let current = self
            .lock_homes()
            .get(id)
            .map(|e| (e.record.clone(), e.record.run));
        let Some((record, run)) = current else {
            self.flush().await;
            return match self.store.get(id) {
                Ok(Some(r)) if action == JobAction::Status => Reply::Job(info(id, self.name(), &r)),
                Ok(Some(r)) => Reply::Error {
                    message: format!(
                        "job {id} has ended ({})",
                        r.reason.as_deref().unwrap_or("?")
                    ),
                },
                Ok(None) => Reply::Error {
                    message: format!("no job {id} at {}", self.name()),
                },
                Err(e) => Reply::Error {
                    message: format!("the job store of {} failed: {e:#}", self.name()),
                },
            };
        };
        if action == JobAction::Status {
            return Reply::Job(info(id, self.name(), &record));
        }
        // Carried out where the job runs.
        let done = if record.runs_on == self.name() {
            self.control(id, run, action).await
        } else {
            let request = Request::Control {
                id: id.to_string(),
                run,
                action,
            };
            match tokio::time::timeout(Duration::from_secs(10), self.ask(&record.runs_on, &request))
                .await
            {
                Ok(Ok(Reply::Done)) => Ok(()),
                Ok(Ok(Reply::Error { message })) => Err(message),
                Ok(Ok(other)) => Err(format!("{} answered {other:?}", record.runs_on)),
                Ok(Err(e)) => Err(format!("{} is unreachable: {e:#}", record.runs_on)),
                Err(_) => Err(format!("{} did not answer", record.runs_on)),
            }
        };
        if action == JobAction::Kill {
            // Killed whether or not its host answered: any output or checkpoint of it
            // from now on is refused, and the host is told to stop it then.
            if let Err(e) = &done {
                warn!(job = %id, "killing it where it runs failed: {e}");
            }
            let entry = self.lock_homes().remove(id);
            if let Some(entry) = entry {
                self.end(id, entry, KILLED, "killed".to_string());
            }
            self.flush().await;
            return match self.store.get(id) {
                Ok(Some(r)) => Reply::Job(info(id, self.name(), &r)),
                _ => Reply::Done,
            };
        }
        if let Err(message) = done {
            return Reply::Error { message };
        }
        let mut homes = self.lock_homes();
        let Some(entry) = homes.get_mut(id) else {
            return Reply::Done;
        };
        match action {
            JobAction::Hold => entry.record.state = JobState::Held,
            JobAction::Release => entry.record.state = JobState::Running,
            _ => {}
        }
        self.write(Write::Record(
            id.to_string(),
            Box::new(entry.record.clone()),
        ));
        Reply::Job(info(id, self.name(), &entry.record))
    }

    /// Carries out an action on a job's run `run` that runs here.
    pub(crate) async fn control(
        self: &Arc<Self>,
        id: &str,
        run: u32,
        action: JobAction,
    ) -> Result<(), String> {
        {
            let processes = self.lock_processes();
            let Some(p) = processes.get(id) else {
                return Err(format!(
                    "{} {id} on {}",
                    super::NO_SUCH_PROCESS,
                    self.name()
                ));
            };
            if p.run > run {
                return Err(format!("{id} runs here at a newer run than {run}"));
            }
            match action {
                JobAction::Kill => {
                    drop(processes);
                    self.stop(id, run);
                    return Ok(());
                }
                _ if p.run != run => {
                    return Err(format!("{id} runs here at an older run than {run}"));
                }
                JobAction::Hold => {
                    p.handle.hold();
                    drop(processes);
                    self.set_user_held(id, true);
                    return Ok(());
                }
                JobAction::Release => {
                    p.handle.release();
                    drop(processes);
                    self.set_user_held(id, false);
                    return Ok(());
                }
                JobAction::Status => return Ok(()),
                JobAction::Checkpoint => {}
            }
        }
        self.checkpoint(id).await.map_err(|e| format!("{e:#}"))
    }

    fn set_user_held(&self, id: &str, held: bool) {
        if let Some(p) = self.lock_processes().get_mut(id) {
            p.user_held = held;
        }
    }

    /// Stops a job's process here if its run is `run` or older.
    pub(crate) fn stop(&self, id: &str, run: u32) {
        let mut processes = self.lock_processes();
        if processes.get(id).is_some_and(|p| p.run <= run) {
            let p = processes.remove(id).expect("found above");
            p.handle.drop_process();
            let _ = self.routes.send(Outbound::Forget(id.to_string()));
            info!(job = %id, run = p.run, "stopped");
        }
    }

    /// Captures a job that runs here and sends the checkpoint to its home. The process stops
    /// for the capture only. A large process, or one whose home holds a chain already, sends
    /// an incremental checkpoint.
    pub(crate) async fn checkpoint(self: &Arc<Self>, id: &str) -> Result<()> {
        let incremental = self.checkpointable(id, |p| {
            self.config.incremental_checkpoints
                && (p.home_chain.is_some()
                    || p.handle.heap_bytes()
                        >= self.config.incremental_min_mib.saturating_mul(1 << 20))
        })?;
        if incremental {
            let sent = self.checkpoint_pieces(id).await;
            if sent.is_err()
                && let Some(p) = self.lock_processes().get_mut(id)
            {
                // Whatever the home holds now, the next checkpoint starts a chain again.
                p.home_chain = None;
            }
            return sent;
        }
        let (freeze, home, run, known, executed) = self.checkpointable(id, |p| {
            (
                p.handle.freeze(),
                p.home.clone(),
                p.run,
                p.home_has.clone(),
                p.handle.executed(),
            )
        })?;
        let asked = Instant::now();
        let frozen = freeze.await;
        // A failed capture left the process running: only a freeze is ended.
        if frozen.is_ok()
            && let Some(p) = self.lock_processes().get(id)
        {
            p.handle.resume();
        }
        let stopped_ms = asked.elapsed().as_secs_f64() * 1e3;
        let frozen = frozen.map_err(|e| anyhow!("capturing {id}: {e}"))?;
        let outputs = frozen.outputs;
        let file_ops = frozen.file_ops;
        let stdin_consumed = frozen.checkpoint.stdin_consumed;
        let (document, classes) = tokio::task::spawn_blocking(move || {
            let mut c = frozen.checkpoint;
            let classes = checkpoint::take_class_bytes(&mut c);
            (checkpoint::encode(&c), classes)
        })
        .await?;
        let hashes: Vec<[u8; 32]> = classes.iter().map(|(h, _)| *h).collect();
        let new: Vec<([u8; 32], Vec<u8>)> = classes
            .into_iter()
            .filter(|(h, _)| !known.contains(h))
            .collect();
        let size = document.len();
        super::metrics::checkpoint(size);
        let stored = StoredCheckpoint {
            run,
            outputs,
            executed,
            file_ops,
            document,
            chain: None,
        };
        let result = if home == self.name() {
            self.home_checkpoint(id, stored, new, stdin_consumed, Vec::new())
        } else {
            let request = Request::Checkpoint {
                id: id.to_string(),
                run,
                outputs,
                executed,
                stdin_consumed,
                file_ops,
                document: stored.document,
                classes: new
                    .into_iter()
                    .map(|(h, b)| (h, serde_bytes::ByteBuf::from(b)))
                    .collect(),
            };
            match self.ask(&home, &request).await? {
                Reply::Done => Ok(()),
                Reply::Error { message } => Err(message),
                other => Err(format!("{home} answered {other:?}")),
            }
        };
        match result {
            Ok(()) => {
                if let Some(p) = self.lock_processes().get_mut(id) {
                    p.home_has.extend(hashes);
                    p.checkpointed_at = Some(executed);
                }
                tracing::debug!(job = %id, kind = "whole", bytes = size, stopped_ms, outputs, "checkpointed");
                Ok(())
            }
            Err(message) => {
                if message.contains("is stale") {
                    // The home restarted this job elsewhere: this copy must stop.
                    self.stop(id, run);
                }
                Err(anyhow!("checkpointing {id}: {message}"))
            }
        }
    }

    /// Attaches a client to a job (see [`Request::Attach`]).
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn attach(
        self: &Arc<Self>,
        send: &mut quinn::SendStream,
        recv: Option<quinn::RecvStream>,
        id: &str,
        from: u64,
        output: bool,
        follow: bool,
    ) -> Result<()> {
        let home = home_of(id);
        if home != self.name() && self.config.peer(home).is_some() {
            return self
                .relay_attach(send, recv, home, id, from, output, follow)
                .await;
        }
        let (tx, mut rx) = unbounded_channel();
        let live = {
            let mut homes = self.lock_homes();
            homes.get_mut(id).map(|e| {
                if follow {
                    e.watchers.push(Watcher { tx, output });
                }
                if let Some(recv) = recv {
                    tokio::spawn(e.input.clone().receive(recv));
                }
                (
                    e.record.outputs,
                    e.record.runs_on.clone(),
                    e.record.arch.clone(),
                )
            })
        };
        self.flush().await;
        let (upto, ended) = match &live {
            Some((upto, ..)) => (*upto, None),
            None => match self.store.get(id) {
                Ok(Some(r)) => (
                    r.outputs,
                    Some((r.exit.unwrap_or(1), r.reason.unwrap_or_default())),
                ),
                Ok(None) => {
                    let message = format!("no job {id} at {}", self.name());
                    write_message(send, &Reply::Error { message }).await?;
                    send.finish()?;
                    return Ok(());
                }
                Err(e) => {
                    let message = format!("the job store of {} failed: {e:#}", self.name());
                    write_message(send, &Reply::Error { message }).await?;
                    send.finish()?;
                    return Ok(());
                }
            },
        };
        write_message(send, &Reply::Accepted { id: id.to_string() }).await?;
        if let Some((_, node, arch)) = live {
            write_message(send, &Reply::Moved { node, arch }).await?;
        }
        let mut at = from;
        while output && at < upto {
            let chunk = self.store.outputs(id, at, REPLAY_CHUNK)?;
            if chunk.is_empty() {
                break;
            }
            for o in chunk {
                if o.seq >= upto {
                    at = upto;
                    break;
                }
                write_message(
                    send,
                    &Reply::Output {
                        fd: o.fd,
                        bytes: o.bytes,
                    },
                )
                .await?;
                at = o.seq + 1;
            }
        }
        if let Some((status, reason)) = ended {
            write_message(send, &Reply::Ended { status, reason }).await?;
        } else if !follow {
            // All there is so far: the client can tell this end from a broken stream.
            write_message(send, &Reply::Done).await?;
        } else {
            while let Some(reply) = rx.recv().await {
                let last = matches!(reply, Reply::Ended { .. });
                write_message(send, &reply).await?;
                if last {
                    break;
                }
            }
        }
        send.finish()?;
        Ok(())
    }

    /// Passes an attach through to the job's home, both ways.
    #[allow(clippy::too_many_arguments)]
    async fn relay_attach(
        &self,
        send: &mut quinn::SendStream,
        recv: Option<quinn::RecvStream>,
        home: &str,
        id: &str,
        from: u64,
        output: bool,
        follow: bool,
    ) -> Result<()> {
        let request = Request::Attach {
            id: id.to_string(),
            from,
            output,
            follow,
            input: recv.is_some(),
        };
        // The first answer proves the connection alive; a cached connection to a home that
        // died or restarted fails here, and one fresh connection is tried.
        let mut attempt = 0;
        let (mut up, mut down, first) = loop {
            attempt += 1;
            let opened = async {
                let connection = self.connection(home).await?;
                let result = async {
                    let (mut up, mut down) = connection.open_bi().await?;
                    write_message(&mut up, &request).await?;
                    let first = read_message::<Reply>(&mut down, MAX_CONTROL_FRAME)
                        .await?
                        .ok_or_else(|| anyhow!("{home} closed the stream without answering"))?;
                    anyhow::Ok((up, down, first))
                }
                .await;
                if result.is_err() {
                    self.forget_connection(home, &connection).await;
                }
                result
            };
            let failure = match tokio::time::timeout(Duration::from_secs(5), opened).await {
                Ok(Ok(s)) => break s,
                Ok(Err(e)) => format!("{id}'s home {home} is unreachable: {e:#}"),
                Err(_) => format!("{id}'s home {home} did not answer"),
            };
            if attempt == 2 {
                write_message(send, &Reply::Error { message: failure }).await?;
                send.finish()?;
                return Ok(());
            }
        };
        match recv {
            Some(mut recv) => {
                tokio::spawn(async move {
                    let _ = tokio::io::copy(&mut recv, &mut up).await;
                    let _ = up.finish();
                });
            }
            None => {
                let _ = up.finish();
            }
        }
        write_message(send, &first).await?;
        loop {
            match read_message::<Reply>(&mut down, MAX_CONTROL_FRAME).await {
                Ok(Some(reply)) => write_message(send, &reply).await?,
                Ok(None) => break,
                Err(e) => {
                    // Not an ordinary end: the client must not take what it got for all.
                    let message = format!(
                        "the connection to {id}'s home {home} broke ({e}); what came before is right, the rest is missing"
                    );
                    write_message(send, &Reply::Error { message }).await?;
                    break;
                }
            }
        }
        send.finish()?;
        Ok(())
    }

    /// The jobs this node is home to that ended, most recent first, at most `n`.
    pub(crate) fn ended_jobs(&self, n: usize) -> Vec<ProcessInfo> {
        let mut list: Vec<(String, JobRecord)> = match self.store.list() {
            Ok(l) => l
                .into_iter()
                .filter(|(_, r)| r.state == JobState::Ended)
                .collect(),
            Err(e) => {
                warn!("reading the job store failed: {e:#}");
                Vec::new()
            }
        };
        list.sort_by_key(|(_, r)| std::cmp::Reverse(r.ended_ms));
        list.truncate(n);
        list.into_iter()
            .map(|(id, r)| ProcessInfo {
                id,
                main: r.main,
                node: r.runs_on,
                arch: r.arch,
                state: match r.reason.as_deref() {
                    Some(why) => why.split(':').next().unwrap_or(why).to_string(),
                    None => "ended".to_string(),
                },
                executed: r.executed,
                migrations: r.migrations,
                home: self.name().to_string(),
                exit: r.exit,
                outputs: r.outputs,
                age_ms: (r.ended_ms.unwrap_or(r.submitted_ms) - r.submitted_ms).max(0) as u64,
            })
            .collect()
    }

    /// The live jobs whose home is here that do not run here, as the home knows them (state
    /// [`AWAY`]): `ps` shows them so when the node running them does not answer, or while one
    /// is on its way to another node.
    pub(crate) fn away_jobs(&self) -> Vec<ProcessInfo> {
        let here: std::collections::HashSet<String> =
            self.lock_processes().keys().cloned().collect();
        self.lock_homes()
            .iter()
            .filter(|(id, _)| !here.contains(*id))
            .map(|(id, e)| ProcessInfo {
                id: id.clone(),
                main: e.record.main.clone(),
                node: e.record.runs_on.clone(),
                arch: e.record.arch.clone(),
                state: AWAY.to_string(),
                executed: e.record.executed,
                migrations: e.record.migrations,
                home: self.name().to_string(),
                exit: None,
                outputs: e.record.outputs,
                age_ms: (now_ms() - e.record.submitted_ms).max(0) as u64,
            })
            .collect()
    }

    /// `what` of process `id`, which runs here and is not being moved: it can checkpoint.
    fn checkpointable<T>(&self, id: &str, what: impl FnOnce(&Proc) -> T) -> Result<T> {
        let processes = self.lock_processes();
        let p = processes
            .get(id)
            .ok_or_else(|| anyhow!("{} {id} on {}", super::NO_SUCH_PROCESS, self.name()))?;
        if p.migrating_to.is_some() {
            return Err(anyhow!("{id} is being moved"));
        }
        Ok(what(p))
    }

    /// Asks process `id` for a step of an incremental checkpoint (see [`HomeStep`]).
    fn home_step<T: Send + 'static, F>(
        &self,
        id: &str,
        step: F,
    ) -> impl Future<Output = Result<T, String>> + use<T, F>
    where
        F: FnOnce(tokio::sync::oneshot::Sender<Result<T, String>>) -> HomeStep,
    {
        let asked = self
            .lock_processes()
            .get(id)
            .map(|p| p.handle.home_step(step));
        async move {
            match asked {
                Some(answer) => answer.await,
                None => Err("the process has ended".to_string()),
            }
        }
    }

    /// Sends the home an incremental checkpoint of a job that runs here: a base, or what
    /// changed since the last one the home took (docs/jobs.md, "Incremental checkpoints").
    /// A base's pieces are made and sent while the process runs; the process stops only for
    /// the last pieces, made by its own thread.
    async fn checkpoint_pieces(self: &Arc<Self>, id: &str) -> Result<()> {
        let max_bytes = super::precopy::PIECE_BYTES;
        let (home, run, known, chain) = self.checkpointable(id, |p| {
            (p.home.clone(), p.run, p.home_has.clone(), p.home_chain)
        })?;
        let failed = |e: String| anyhow!("checkpointing {id}: {e}");
        let piece = |node: &Self| node.home_step(id, |reply| HomeStep::Piece { max_bytes, reply });
        // A delta's first piece, if the process still has the session of the chain the home
        // holds; otherwise a base.
        let mut first = None;
        if let Some((_, _, session)) = chain {
            match piece(self).await {
                Ok(p) => first = Some((p, session)),
                Err(e) if e == NO_HOME_SESSION => {}
                Err(e) => return Err(failed(e)),
            }
        }
        let base = first.is_none();
        let mut classes = Vec::new();
        if base {
            let session = super::migrate::migration_id(self, id);
            classes = self
                .home_step(id, |reply| HomeStep::Start { session, reply })
                .await
                .map_err(failed)?;
            first = Some((piece(self).await.map_err(failed)?, session));
        }
        let (first, session) = first.expect("made above");
        let mut sink = if home == self.name() {
            PieceSink::Local(Vec::new())
        } else {
            let request = Request::CheckpointPieces {
                id: id.to_string(),
                run,
                session: session.to_vec(),
                base,
                first: u64::from(first.seq),
            };
            PieceSink::open(self, &home, &request).await?
        };
        let from = u64::from(first.seq);
        let mut bytes = 0u64;
        let mut pieces = 0usize;
        let mut stopped_ms = 0.0;
        // A round while the process runs (a piece between two of its slices), then the last
        // pieces, which stop it.
        let made = async {
            let mut next = first;
            loop {
                bytes += next.bytes.len() as u64;
                pieces += 1;
                let done = next.round_done;
                sink.piece(next.bytes).await?;
                if done {
                    break;
                }
                next = piece(self).await.map_err(failed)?;
            }
            let asked = Instant::now();
            let last = self
                .home_step(id, |reply| HomeStep::Last { max_bytes, reply })
                .await
                .map_err(failed)?;
            stopped_ms = asked.elapsed().as_secs_f64() * 1e3;
            Ok::<_, anyhow::Error>(last)
        }
        .await;
        let last = match made {
            Ok(last) => last,
            Err(e) => {
                sink.abandon();
                return Err(e);
            }
        };
        for piece in last.pieces {
            bytes += piece.len() as u64;
            pieces += 1;
            sink.piece(piece).await?;
        }
        super::metrics::checkpoint(bytes as usize);
        classes.extend(last.classes);
        let hashes: Vec<[u8; 32]> = classes.iter().map(|(h, _)| *h).collect();
        let mut seen = std::collections::HashSet::new();
        let new: Vec<([u8; 32], Vec<u8>)> = classes
            .into_iter()
            .filter(|(h, _)| !known.contains(h) && seen.insert(*h))
            .collect();
        let result = match sink {
            PieceSink::Local(all) => {
                let stored = StoredCheckpoint {
                    run,
                    outputs: last.outputs,
                    executed: last.executed,
                    file_ops: last.file_ops,
                    document: Vec::new(),
                    chain: Some(super::store::Chain {
                        session: session.to_vec(),
                        count: from + all.len() as u64,
                        base_bytes: 0,
                        delta_bytes: 0,
                    }),
                };
                self.home_checkpoint(id, stored, new, last.stdin_consumed, all)
            }
            PieceSink::Remote { mut send, mut recv } => {
                let end = CheckpointFrame::End {
                    outputs: last.outputs,
                    executed: last.executed,
                    stdin_consumed: last.stdin_consumed,
                    file_ops: last.file_ops,
                    classes: new
                        .into_iter()
                        .map(|(h, b)| (h, serde_bytes::ByteBuf::from(b)))
                        .collect(),
                };
                write_message(&mut send, &end).await?;
                send.finish()?;
                match read_message::<Reply>(&mut recv, MAX_CONTROL_FRAME).await? {
                    Some(Reply::Done) => Ok(()),
                    Some(Reply::Error { message }) => Err(message),
                    other => Err(format!("{home} answered {other:?}")),
                }
            }
        };
        let mut processes = self.lock_processes();
        let p = processes.get_mut(id);
        match result {
            Ok(()) => {
                if let Some(p) = p {
                    p.home_has.extend(hashes);
                    p.checkpointed_at = Some(last.executed);
                    let (base_bytes, deltas) = match p.home_chain {
                        Some((b, d, _)) if !base => (b, d + bytes),
                        _ => (bytes, 0),
                    };
                    p.home_chain = if super::store::Chain::wants_base(base_bytes, deltas) {
                        info!(job = %id, base_bytes, delta_bytes = deltas, "the deltas outweigh half of the base: the next checkpoint home is a base");
                        None
                    } else {
                        Some((base_bytes, deltas, session))
                    };
                }
                tracing::debug!(
                    job = %id,
                    kind = if base { "base" } else { "delta" },
                    bytes,
                    pieces,
                    stopped_ms,
                    outputs = last.outputs,
                    "checkpointed"
                );
                Ok(())
            }
            Err(message) => {
                drop(processes);
                if message.contains("is stale") {
                    self.stop(id, run);
                }
                Err(failed(message))
            }
        }
    }

    /// How many jobs whose home is here have not ended.
    pub(crate) fn live_jobs(&self) -> usize {
        self.lock_homes().len()
    }
}

/// Where the pieces of an incremental checkpoint go: into the store here, when the job's home
/// is this node, or on a stream to its home.
enum PieceSink {
    Local(Vec<Vec<u8>>),
    Remote {
        send: quinn::SendStream,
        recv: quinn::RecvStream,
    },
}

impl PieceSink {
    /// Opens a stream to `home` with `request`.
    async fn open(node: &Node, home: &str, request: &Request) -> Result<PieceSink> {
        let connection = node.connection(home).await?;
        let (mut send, recv) = connection.open_bi().await?;
        write_message(&mut send, request).await?;
        Ok(PieceSink::Remote { send, recv })
    }

    async fn piece(&mut self, bytes: Vec<u8>) -> Result<()> {
        match self {
            PieceSink::Local(all) => all.push(bytes),
            PieceSink::Remote { send, .. } => {
                write_message(send, &CheckpointFrame::Piece(bytes)).await?;
            }
        }
        Ok(())
    }

    /// Gives up: the home keeps nothing of it.
    fn abandon(self) {
        if let PieceSink::Remote { mut send, .. } = self {
            let _ = send.reset(0u32.into());
        }
    }
}

/// Checkpoints every job running on this node to its home, every `checkpoint_secs`.
pub(crate) async fn checkpoint_loop(node: Arc<Node>) {
    let every = Duration::from_secs_f64(node.config.checkpoint_secs);
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.tick().await;
    loop {
        tick.tick().await;
        // A job that executed nothing since its last checkpoint (held, or waiting) has none
        // newer to give.
        let ids: Vec<String> = node
            .lock_processes()
            .iter()
            .filter(|(_, p)| {
                p.migrating_to.is_none() && p.checkpointed_at != Some(p.handle.executed())
            })
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            if let Err(e) = node.checkpoint(&id).await {
                warn!(job = %id, "periodic checkpoint failed: {e:#}");
            }
        }
    }
}
