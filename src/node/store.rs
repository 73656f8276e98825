//! The job store: what a home node keeps of the jobs submitted to it, durably, in one embedded
//! database file (redb: copy-on-write B-trees, crash-safe commits). A home that restarts reads
//! its jobs back from here: their records, every output line (so `phantom logs` replays them
//! at any time), the class files they were submitted with and their last checkpoint.
//!
//! The interface is narrow: a [`JobRecord`] per job id, written whole; outputs appended by
//! sequence number (idempotently: a number already stored is not overwritten); one checkpoint
//! per job (the newest replaces the older); class files by SHA-256. Nothing here knows QUIC,
//! the VM or the node's tables.

use anyhow::{Context, Result, anyhow};
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Counters: `next_id`.
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// Job id → CBOR [`JobRecord`].
const JOBS: TableDefinition<&str, &[u8]> = TableDefinition::new("jobs");
/// (job id, output number) → the stream (1 or 2) then the bytes.
const OUTPUT: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("output");
/// Job id → CBOR [`StoredCheckpoint`].
const CHECKPOINTS: TableDefinition<&str, &[u8]> = TableDefinition::new("checkpoints");
/// (job id, piece number) → an encoded pre-copy piece of the job's checkpoint chain.
const PIECES: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("pieces");
/// SHA-256 → class file.
const CLASSES: TableDefinition<&[u8], &[u8]> = TableDefinition::new("classes");
/// Migration id → outcome of a handoff this node was the source of: 1 committed, 0 aborted,
/// then the time in milliseconds since the Unix epoch (8 bytes, little-endian).
const DECISIONS: TableDefinition<&[u8], &[u8]> = TableDefinition::new("decisions");

/// How long a handoff's outcome is kept for a target in doubt that asks after a restart.
const DECISIONS_KEPT_MS: i64 = 7 * 24 * 3600 * 1000;

/// Where a job is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum JobState {
    /// Running (or waiting for a core) somewhere.
    Running,
    /// Frozen in place by `phantom hold`, until `phantom release`.
    Held,
    /// Over: see the record's `exit` and `reason`.
    Ended,
}

impl JobState {
    pub(crate) fn name(self) -> &'static str {
        match self {
            JobState::Running => "running",
            JobState::Held => "held",
            JobState::Ended => "ended",
        }
    }
}

/// Everything the home knows of one job.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct JobRecord {
    /// The main class.
    pub main: String,
    /// The program's arguments.
    pub args: Vec<String>,
    /// The balancer label it was submitted with.
    pub label: Option<String>,
    /// Its working directory at the home.
    pub cwd: Option<String>,
    /// The environment it sees (already filtered).
    pub env: Vec<(String, String)>,
    /// Its class files, by binary name and SHA-256 (the bytes are in the class table).
    pub classes: Vec<(String, [u8; 32])>,
    /// Running, held or ended.
    pub state: JobState,
    /// The node it runs on (or last ran on).
    pub runs_on: String,
    /// That node's architecture.
    pub arch: String,
    /// Which run of the job this is: 0 at submission, one more at each restart after a failure.
    /// Output, files and checkpoints from an older run are refused.
    pub run: u32,
    /// Completed migrations.
    pub migrations: u32,
    /// Submission time, milliseconds since the Unix epoch.
    pub submitted_ms: i64,
    /// When it ended.
    pub ended_ms: Option<i64>,
    /// Its exit status, once ended.
    pub exit: Option<i32>,
    /// Why it ended: `exited`, `killed`, `failed to start: …`, `lost: …`.
    pub reason: Option<String>,
    /// Outputs delivered, in order, so far (the next output number the home waits for).
    pub outputs: u64,
    /// Instructions executed, as last reported.
    pub executed: u64,
    /// The last checkpoint's output count, instruction count and time, if there is one.
    pub checkpoint: Option<(u64, u64, i64)>,
    /// Restarts after a failure of the host that ran it.
    pub restarts: u32,
}

/// A job's last checkpoint: the document without class bytes (the class table has them),
/// and how many outputs the job had written when it was taken. An incremental checkpoint has
/// an empty document and a [`Chain`] instead: its pieces are in their own table.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct StoredCheckpoint {
    /// The run that took it.
    pub run: u32,
    /// Outputs written before it.
    pub outputs: u64,
    /// Instructions executed before it.
    pub executed: u64,
    /// File operations made before it.
    #[serde(default)]
    pub file_ops: u64,
    /// The checkpoint document (CBOR, class bytes taken out).
    #[serde(with = "serde_bytes")]
    pub document: Vec<u8>,
    /// For a checkpoint made of pieces, which pieces.
    #[serde(default)]
    pub chain: Option<Chain>,
}

/// A checkpoint kept as a chain of pre-copy pieces (docs/plans/precopy.md §3.8): a base, the
/// first pieces of a session, and the deltas after it. The pieces numbered `0..count`,
/// applied in order, stage the process as it was at the last delta.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Chain {
    /// The pre-copy session the pieces belong to.
    #[serde(with = "serde_bytes")]
    pub session: Vec<u8>,
    /// How many pieces.
    pub count: u64,
    /// Bytes of the base's pieces.
    pub base_bytes: u64,
    /// Bytes of the deltas' pieces since the base.
    pub delta_bytes: u64,
}

impl Chain {
    /// The chain a home holds after taking a checkpoint of `pieces` pieces (`bytes` bytes)
    /// that ends this one (`self.count`): a base when they start at piece 0, otherwise a
    /// delta, which must continue `held`, the chain taken last, in the same session.
    pub(crate) fn taken(
        mut self,
        held: Option<&Chain>,
        pieces: u64,
        bytes: u64,
    ) -> Result<Chain, String> {
        match self.count.checked_sub(pieces) {
            Some(0) => {
                self.base_bytes = bytes;
                self.delta_bytes = 0;
            }
            first => {
                let parent = held
                    .filter(|p| p.session == self.session && Some(p.count) == first)
                    .ok_or("a delta that does not continue the chain held: a base is needed")?;
                self.base_bytes = parent.base_bytes;
                self.delta_bytes = parent.delta_bytes + bytes;
            }
        }
        Ok(self)
    }

    /// Whether the next checkpoint should start a new chain: once the deltas outweigh half
    /// of the base, since a restart stages every piece of the chain.
    pub(crate) fn wants_base(base_bytes: u64, delta_bytes: u64) -> bool {
        delta_bytes > base_bytes / 2
    }
}

/// One output of a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Output {
    /// Its number.
    pub seq: u64,
    /// 1 for stdout, 2 for stderr.
    pub fd: u8,
    /// What was written.
    pub bytes: Vec<u8>,
}

/// A home node's job store.
#[derive(Debug)]
pub(crate) struct JobStore {
    db: Database,
}

fn cbor<T: Serialize>(value: &T) -> Vec<u8> {
    super::cbor(value)
}

fn uncbor<T: serde::de::DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T> {
    ciborium::from_reader(bytes).map_err(|e| anyhow!("the stored {what} is damaged: {e}"))
}

impl JobStore {
    /// Opens the store at `path`, creating it (and its folder) if need be.
    pub(crate) fn open(path: &Path) -> Result<JobStore> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the state folder {}", dir.display()))?;
        }
        let db = Database::create(path)
            .with_context(|| format!("opening the job store {}", path.display()))?;
        let txn = db.begin_write()?;
        {
            txn.open_table(META)?;
            txn.open_table(JOBS)?;
            txn.open_table(OUTPUT)?;
            txn.open_table(CHECKPOINTS)?;
            txn.open_table(PIECES)?;
            txn.open_table(CLASSES)?;
            txn.open_table(DECISIONS)?;
        }
        txn.commit()?;
        Ok(JobStore { db })
    }

    /// A number never handed out before by this store, across restarts.
    pub(crate) fn next_id(&self) -> Result<u64> {
        let txn = self.db.begin_write()?;
        let n = {
            let mut meta = txn.open_table(META)?;
            let n = meta.get("next_id")?.map_or(1, |v| v.value());
            meta.insert("next_id", n + 1)?;
            n
        };
        txn.commit()?;
        Ok(n)
    }

    /// Records a new job and its class files.
    pub(crate) fn create(
        &self,
        id: &str,
        record: &JobRecord,
        classes: &[([u8; 32], &[u8])],
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut table = txn.open_table(CLASSES)?;
            for (hash, bytes) in classes {
                if table.get(hash.as_slice())?.is_none() {
                    table.insert(hash.as_slice(), *bytes)?;
                }
            }
            txn.open_table(JOBS)?.insert(id, cbor(record).as_slice())?;
        }
        txn.commit()?;
        Ok(())
    }

    /// Writes a job's record whole.
    #[cfg(test)]
    pub(crate) fn put(&self, id: &str, record: &JobRecord) -> Result<()> {
        let txn = self.db.begin_write()?;
        txn.open_table(JOBS)?.insert(id, cbor(record).as_slice())?;
        txn.commit()?;
        Ok(())
    }

    /// A job's record.
    pub(crate) fn get(&self, id: &str) -> Result<Option<JobRecord>> {
        let txn = self.db.begin_read()?;
        let table = txn.open_table(JOBS)?;
        table
            .get(id)?
            .map(|v| uncbor(v.value(), "job record"))
            .transpose()
    }

    /// Every job's record, by id; a damaged record is skipped with a warning, so that one
    /// bad record does not keep a node from starting.
    pub(crate) fn list(&self) -> Result<Vec<(String, JobRecord)>> {
        let txn = self.db.begin_read()?;
        let table = txn.open_table(JOBS)?;
        let mut out = Vec::new();
        for entry in table.iter()? {
            let (k, v) = entry?;
            match uncbor(v.value(), "job record") {
                Ok(r) => out.push((k.value().to_string(), r)),
                Err(e) => tracing::warn!(job = %k.value(), "{e:#}"),
            }
        }
        Ok(out)
    }

    /// Appends outputs (of any jobs) and writes records whole, in one commit; output numbers
    /// already stored are kept as they are.
    pub(crate) fn write(
        &self,
        outputs: &[(String, Output)],
        records: &[(&str, &JobRecord)],
    ) -> Result<()> {
        if outputs.is_empty() && records.is_empty() {
            return Ok(());
        }
        let txn = self.db.begin_write()?;
        {
            let mut table = txn.open_table(OUTPUT)?;
            let mut value = Vec::new();
            for (id, o) in outputs {
                if table.get((id.as_str(), o.seq))?.is_some() {
                    continue;
                }
                value.clear();
                value.push(o.fd);
                value.extend_from_slice(&o.bytes);
                table.insert((id.as_str(), o.seq), value.as_slice())?;
            }
            let mut jobs = txn.open_table(JOBS)?;
            for (id, r) in records {
                jobs.insert(*id, cbor(*r).as_slice())?;
            }
        }
        txn.commit()?;
        Ok(())
    }

    /// A job's stored outputs numbered `from` on, at most `max_bytes` of them (at least one).
    pub(crate) fn outputs(&self, id: &str, from: u64, max_bytes: usize) -> Result<Vec<Output>> {
        let txn = self.db.begin_read()?;
        let table = txn.open_table(OUTPUT)?;
        let mut out = Vec::new();
        let mut size = 0;
        for entry in table.range((id, from)..=(id, u64::MAX))? {
            let (k, v) = entry?;
            let value = v.value();
            let Some((&fd, bytes)) = value.split_first() else {
                return Err(anyhow!("output {} of {id} is damaged", k.value().1));
            };
            size += bytes.len();
            out.push(Output {
                seq: k.value().1,
                fd,
                bytes: bytes.to_vec(),
            });
            if size >= max_bytes {
                break;
            }
        }
        Ok(out)
    }

    /// Replaces a job's checkpoint, and stores class files it needs that are new. For a
    /// chain, `pieces` are its last ones (numbered up to `count`): a chain that starts with
    /// them replaces the pieces stored, others extend them. Everything commits at once.
    pub(crate) fn save_checkpoint(
        &self,
        id: &str,
        checkpoint: &StoredCheckpoint,
        classes: &[([u8; 32], Vec<u8>)],
        pieces: &[Vec<u8>],
    ) -> Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut table = txn.open_table(CLASSES)?;
            for (hash, bytes) in classes {
                if table.get(hash.as_slice())?.is_none() {
                    table.insert(hash.as_slice(), bytes.as_slice())?;
                }
            }
            let mut stored = txn.open_table(PIECES)?;
            let first = match &checkpoint.chain {
                Some(chain) => chain
                    .count
                    .checked_sub(pieces.len() as u64)
                    .ok_or_else(|| {
                        anyhow!(
                            "a chain of {} pieces cannot end with {}",
                            chain.count,
                            pieces.len()
                        )
                    })?,
                None => 0,
            };
            if first == 0 {
                stored.retain_in((id, 0)..=(id, u64::MAX), |_, _| false)?;
            }
            for (i, piece) in pieces.iter().enumerate() {
                stored.insert((id, first + i as u64), piece.as_slice())?;
            }
            txn.open_table(CHECKPOINTS)?
                .insert(id, cbor(checkpoint).as_slice())?;
        }
        txn.commit()?;
        Ok(())
    }

    /// Calls `each` with the pieces of a job's chain, in order (those numbered `0..count`).
    pub(crate) fn pieces(
        &self,
        id: &str,
        count: u64,
        mut each: impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<()> {
        let txn = self.db.begin_read()?;
        let table = txn.open_table(PIECES)?;
        let mut next = 0u64;
        for entry in table.range((id, 0)..(id, count))? {
            let (key, value) = entry?;
            if key.value().1 != next {
                break;
            }
            each(value.value())?;
            next += 1;
        }
        if next != count {
            return Err(anyhow!(
                "the stored checkpoint lacks piece {next} of its {count}"
            ));
        }
        Ok(())
    }

    /// A job's last checkpoint.
    pub(crate) fn checkpoint(&self, id: &str) -> Result<Option<StoredCheckpoint>> {
        let txn = self.db.begin_read()?;
        let table = txn.open_table(CHECKPOINTS)?;
        table
            .get(id)?
            .map(|v| uncbor(v.value(), "checkpoint"))
            .transpose()
    }

    /// Records the outcome of a handoff this node was the source of.
    pub(crate) fn record_decision(&self, id: &[u8; 16], committed: bool, at_ms: i64) -> Result<()> {
        let mut value = vec![u8::from(committed)];
        value.extend_from_slice(&at_ms.to_le_bytes());
        let txn = self.db.begin_write()?;
        txn.open_table(DECISIONS)?
            .insert(id.as_slice(), value.as_slice())?;
        txn.commit()?;
        Ok(())
    }

    /// The recorded handoff outcomes newer than a week (older ones are forgotten), as
    /// (migration id, committed).
    pub(crate) fn decisions(&self, now_ms: i64) -> Result<Vec<([u8; 16], bool)>> {
        let txn = self.db.begin_write()?;
        let mut out = Vec::new();
        {
            let mut table = txn.open_table(DECISIONS)?;
            table.retain(|k, v| {
                let at = v
                    .get(1..9)
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, i64::from_le_bytes);
                let keep = k.len() == 16 && now_ms - at < DECISIONS_KEPT_MS;
                if keep {
                    out.push((k.try_into().expect("16 bytes"), v.first() == Some(&1)));
                }
                keep
            })?;
        }
        txn.commit()?;
        Ok(out)
    }

    /// A class file by SHA-256.
    pub(crate) fn class(&self, hash: &[u8; 32]) -> Result<Option<Vec<u8>>> {
        let txn = self.db.begin_read()?;
        let table = txn.open_table(CLASSES)?;
        Ok(table.get(hash.as_slice())?.map(|v| v.value().to_vec()))
    }

    /// Forgets the checkpoint of a job that ended, and whole jobs beyond the `keep` most
    /// recently ended ones (their records and output).
    pub(crate) fn prune(&self, ended: &str, keep: usize) -> Result<()> {
        let mut done: Vec<(i64, String)> = self
            .list()?
            .into_iter()
            .filter(|(_, r)| r.state == JobState::Ended)
            .map(|(id, r)| (r.ended_ms.unwrap_or(0), id))
            .collect();
        done.sort();
        let old = done.len().saturating_sub(keep);
        let txn = self.db.begin_write()?;
        {
            let mut checkpoints = txn.open_table(CHECKPOINTS)?;
            checkpoints.remove(ended)?;
            txn.open_table(PIECES)?
                .retain_in((ended, 0)..=(ended, u64::MAX), |_, _| false)?;
            let mut jobs = txn.open_table(JOBS)?;
            let mut output = txn.open_table(OUTPUT)?;
            for (_, id) in &done[..old] {
                checkpoints.remove(id.as_str())?;
                jobs.remove(id.as_str())?;
                output.retain_in((id.as_str(), 0)..=(id.as_str(), u64::MAX), |_, _| false)?;
            }
        }
        txn.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> JobRecord {
        JobRecord {
            main: "Main".into(),
            args: vec![],
            label: None,
            cwd: None,
            env: vec![],
            classes: vec![("Main".into(), [7; 32])],
            state: JobState::Running,
            runs_on: "a".into(),
            arch: "x86_64".into(),
            run: 0,
            migrations: 0,
            submitted_ms: 1,
            ended_ms: None,
            exit: None,
            reason: None,
            outputs: 0,
            executed: 0,
            checkpoint: None,
            restarts: 0,
        }
    }

    #[test]
    fn a_chain_takes_a_base_then_deltas_that_continue_it_only() {
        let end = |session: u8, count: u64| Chain {
            session: vec![session; 16],
            count,
            base_bytes: 0,
            delta_bytes: 0,
        };
        let base = end(1, 5).taken(None, 5, 1000).unwrap();
        assert_eq!((base.base_bytes, base.delta_bytes), (1000, 0));
        let d1 = end(1, 7).taken(Some(&base), 2, 100).unwrap();
        assert_eq!((d1.base_bytes, d1.delta_bytes, d1.count), (1000, 100, 7));
        let d2 = end(1, 8).taken(Some(&d1), 1, 50).unwrap();
        assert_eq!(d2.delta_bytes, 150);
        // A delta whose parent is not the chain held: a gap, a repeat, another session, or
        // no chain at all.
        for (held, delta, pieces) in [
            (Some(&d1), end(1, 9), 1),
            (Some(&d2), end(1, 8), 1),
            (Some(&d2), end(2, 9), 1),
            (None, end(1, 9), 1),
            (Some(&d2), end(1, 3), 4),
        ] {
            let err = delta.taken(held, pieces, 10).unwrap_err();
            assert!(err.contains("a base is needed"), "{err}");
        }
        // A base of another session replaces any chain.
        let other = end(2, 3).taken(Some(&d2), 3, 900).unwrap();
        assert_eq!((other.base_bytes, other.delta_bytes), (900, 0));
        assert!(!Chain::wants_base(1000, 500));
        assert!(Chain::wants_base(1000, 501));
    }

    #[test]
    fn a_chains_pieces_are_replaced_by_a_base_and_extended_by_deltas() {
        let dir = std::env::temp_dir().join(format!("phantom-chain-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = JobStore::open(&dir.join("jobs.redb")).unwrap();
        let c = |count: u64| StoredCheckpoint {
            run: 0,
            outputs: 0,
            executed: count,
            file_ops: 0,
            document: Vec::new(),
            chain: Some(Chain {
                session: vec![1; 16],
                count,
                base_bytes: 0,
                delta_bytes: 0,
            }),
        };
        let read = |count: u64| {
            let mut got = Vec::new();
            store
                .pieces("j", count, |p| {
                    got.push(p.to_vec());
                    Ok(())
                })
                .map(|()| got)
        };
        store
            .save_checkpoint("j", &c(2), &[], &[vec![0], vec![1]])
            .unwrap();
        store.save_checkpoint("j", &c(3), &[], &[vec![2]]).unwrap();
        assert_eq!(read(3).unwrap(), vec![vec![0], vec![1], vec![2]]);
        assert_eq!(store.checkpoint("j").unwrap().unwrap().executed, 3);
        // A new base replaces every piece; reading past the chain is an error.
        store.save_checkpoint("j", &c(1), &[], &[vec![9]]).unwrap();
        assert_eq!(read(1).unwrap(), vec![vec![9]]);
        let err = read(2).unwrap_err().to_string();
        assert!(err.contains("lacks piece 1 of its 2"), "{err}");
        assert!(
            store
                .save_checkpoint("j", &c(1), &[], &[vec![1], vec![2]])
                .is_err()
        );
        // A whole checkpoint replaces the chain, and an ended job loses its pieces.
        let mut whole = c(0);
        whole.chain = None;
        store.save_checkpoint("j", &whole, &[], &[]).unwrap();
        assert!(read(1).is_err());
        store.save_checkpoint("j", &c(1), &[], &[vec![5]]).unwrap();
        store.prune("j", 10).unwrap();
        assert!(read(1).is_err());
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn jobs_outputs_and_ids_survive_reopening() {
        let dir = std::env::temp_dir().join(format!("phantom-store-{}", std::process::id()));
        let path = dir.join("jobs.redb");
        let _ = std::fs::remove_dir_all(&dir);
        {
            let store = JobStore::open(&path).expect("opens");
            assert_eq!(store.next_id().unwrap(), 1);
            assert_eq!(store.next_id().unwrap(), 2);
            store
                .create("a-1", &record(), &[([7; 32], b"class".as_slice())])
                .unwrap();
            let out = |seq, text: &str| {
                (
                    "a-1".to_string(),
                    Output {
                        seq,
                        fd: 1,
                        bytes: text.as_bytes().to_vec(),
                    },
                )
            };
            store.write(&[out(0, "zero"), out(1, "one")], &[]).unwrap();
            // A repeated number (a restarted run writing again) keeps the first.
            store.write(&[out(1, "again"), out(2, "two")], &[]).unwrap();
        }
        let store = JobStore::open(&path).expect("opens again");
        assert_eq!(store.next_id().unwrap(), 3, "ids go on after a restart");
        assert_eq!(store.get("a-1").unwrap().unwrap().main, "Main");
        let texts: Vec<_> = store
            .outputs("a-1", 1, usize::MAX)
            .unwrap()
            .into_iter()
            .map(|o| String::from_utf8(o.bytes).unwrap())
            .collect();
        assert_eq!(texts, ["one", "two"]);
        assert_eq!(
            store.class(&[7; 32]).unwrap().as_deref(),
            Some(&b"class"[..])
        );
        let mut ended = record();
        ended.state = JobState::Ended;
        store.put("a-1", &ended).unwrap();
        store.prune("a-1", 0).unwrap();
        assert!(store.get("a-1").unwrap().is_none());
        assert!(store.outputs("a-1", 0, usize::MAX).unwrap().is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
