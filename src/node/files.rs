//! The files of submitted processes, served by their home node wherever they run, as Condor's
//! shadow served its jobs' system calls.
//!
//! A process's files are those of the node it was submitted to, inside the working directory
//! its client named; the home keeps them in its [`super::jobs::HomeEntry`]. On any node, the process's
//! host turns each file operation into a [`FileCall`] and waits for the answer; the node's
//! [`serve_calls`] task carries calls out at home directly, or asks the home node over QUIC
//! with [`Request::File`]. The VM's table of open files (path, mode, position) travels in the
//! checkpoint, and every operation names its path and offset, so nothing here knows or cares
//! where the process ran before.

use super::Node;
use crate::files::LocalFiles;
use phantom_transport::control::{FileDone, FileOp, Reply, Request};
use phantom_vm::{FileKind, FsDone, FsError, FsOp, FsResult, Stat};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tracing::warn;

/// How long a process waits for its home to answer one operation before it sees an I/O error.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// The files of one process, at its home.
pub(crate) type HomeFiles = Arc<Mutex<LocalFiles>>;

/// One file operation of a process on its way home.
#[derive(Debug)]
pub(crate) struct FileCall {
    id: String,
    home: String,
    run: u32,
    seq: u64,
    op: FileOp,
    reply: SyncSender<Result<FileDone, i32>>,
}

/// Sends a process's operation home and waits for the answer (on the process's own thread).
pub(crate) fn call(
    calls: &UnboundedSender<FileCall>,
    id: &str,
    home: &str,
    run: u32,
    seq: u64,
    op: FsOp<'_>,
) -> FsResult {
    let (reply, answer) = std::sync::mpsc::sync_channel(1);
    let call = FileCall {
        id: id.to_string(),
        home: home.to_string(),
        run,
        seq,
        op: to_wire(op),
        reply,
    };
    if calls.send(call).is_err() {
        return Err(FsError::Io);
    }
    match answer.recv_timeout(CALL_TIMEOUT) {
        Ok(result) => from_wire(result),
        Err(_) => Err(FsError::Io),
    }
}

/// Carries out every process's file calls: at home here, or through the home node.
pub(crate) async fn serve_calls(node: Arc<Node>, mut calls: UnboundedReceiver<FileCall>) {
    while let Some(call) = calls.recv().await {
        let node = node.clone();
        tokio::spawn(async move {
            let result = if call.home == node.name() {
                node.home_file_op(&call.id, call.run, call.seq, call.op)
                    .await
            } else {
                let request = Request::File {
                    id: call.id.clone(),
                    op: call.op,
                    run: call.run,
                    seq: call.seq,
                };
                match tokio::time::timeout(CALL_TIMEOUT, node.ask(&call.home, &request)).await {
                    Ok(Ok(Reply::File(result))) => result,
                    Ok(Ok(other)) => {
                        warn!(job = %call.id, home = %call.home, "file call answered {other:?}");
                        Err(FsError::Io.code())
                    }
                    Ok(Err(e)) => {
                        warn!(job = %call.id, home = %call.home, "file call failed: {e:#}");
                        Err(FsError::Io.code())
                    }
                    Err(_) => Err(FsError::Io.code()),
                }
            };
            let _ = call.reply.send(result);
        });
    }
}

impl Node {
    /// An operation on the files of process `id`, whose home is this node.
    pub(super) async fn home_file_op(
        &self,
        id: &str,
        run: u32,
        seq: u64,
        op: FileOp,
    ) -> Result<FileDone, i32> {
        let files = {
            let homes = self.homes.lock().unwrap_or_else(|e| e.into_inner());
            match homes.get(id) {
                // An older run of a job restarted elsewhere must not touch its files.
                Some(h) if h.record.run != run => return Err(FsError::Io.code()),
                Some(h) => {
                    // A restarted run repeating an operation done after its checkpoint gets
                    // the first answer, and the files are left as they are.
                    if let Some(answer) = h.journaled(seq, &op) {
                        return answer;
                    }
                    h.files.clone()
                }
                None => None,
            }
        };
        let Some(files) = files else {
            // Not submitted here, or submitted without a working directory: no files.
            return Err(FsError::Denied.code());
        };
        let wire = op.clone();
        let result = tokio::task::spawn_blocking(move || {
            let mut files = files.lock().unwrap_or_else(|e| e.into_inner());
            apply(&mut files, &wire)
        })
        .await
        .unwrap_or(Err(FsError::Io.code()));
        // Journaled even if the job restarted meanwhile: it was done, and the new run must
        // not do it again.
        if let Some(h) = self
            .homes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(id)
        {
            h.journal(id, seq, op, result.clone());
        }
        result
    }
}

/// Carries out a wire operation on local files.
fn apply(files: &mut LocalFiles, op: &FileOp) -> Result<FileDone, i32> {
    let op = match op {
        FileOp::Open { path, flags } => FsOp::Open {
            path,
            flags: *flags,
        },
        FileOp::Read { path, at, len } => FsOp::Read {
            path,
            at: *at,
            len: *len as usize,
        },
        FileOp::Write { path, at, data } => FsOp::Write {
            path,
            at: *at,
            data,
        },
        FileOp::SetLength { path, len } => FsOp::SetLength { path, len: *len },
        FileOp::Stat { path } => FsOp::Stat { path },
        FileOp::List { path } => FsOp::List { path },
        FileOp::Delete { path } => FsOp::Delete { path },
        FileOp::Rename { from, to, replace } => FsOp::Rename {
            from,
            to,
            replace: *replace,
        },
        FileOp::Mkdir { path } => FsOp::Mkdir { path },
        FileOp::SetModified { path, millis } => FsOp::SetModified {
            path,
            millis: *millis,
        },
    };
    match files.apply(op) {
        Ok(FsDone::Unit) => Ok(FileDone::Unit),
        Ok(FsDone::Size(n)) => Ok(FileDone::Size(n)),
        Ok(FsDone::Bytes(b)) => Ok(FileDone::Bytes(b)),
        Ok(FsDone::Names(n)) => Ok(FileDone::Names(n)),
        Ok(FsDone::Stat(s)) => Ok(FileDone::Stat {
            kind: match s.kind {
                FileKind::File => 1,
                FileKind::Directory => 2,
                FileKind::Other => 3,
            },
            size: s.size,
            modified: s.modified,
            access: (s.readable as u8) << 2 | (s.writable as u8) << 1 | s.executable as u8,
        }),
        Err(e) => Err(e.code()),
    }
}

fn to_wire(op: FsOp<'_>) -> FileOp {
    match op {
        FsOp::Open { path, flags } => FileOp::Open {
            path: path.into(),
            flags,
        },
        FsOp::Read { path, at, len } => FileOp::Read {
            path: path.into(),
            at,
            len: len.min(phantom_vm::files::MAX_READ) as u32,
        },
        FsOp::Write { path, at, data } => FileOp::Write {
            path: path.into(),
            at,
            data: data.to_vec(),
        },
        FsOp::SetLength { path, len } => FileOp::SetLength {
            path: path.into(),
            len,
        },
        FsOp::Stat { path } => FileOp::Stat { path: path.into() },
        FsOp::List { path } => FileOp::List { path: path.into() },
        FsOp::Delete { path } => FileOp::Delete { path: path.into() },
        FsOp::Rename { from, to, replace } => FileOp::Rename {
            from: from.into(),
            to: to.into(),
            replace,
        },
        FsOp::Mkdir { path } => FileOp::Mkdir { path: path.into() },
        FsOp::SetModified { path, millis } => FileOp::SetModified {
            path: path.into(),
            millis,
        },
    }
}

/// The VM's view of an answer; a malformed one (a read longer than asked is cut by the VM)
/// is an I/O error.
fn from_wire(result: Result<FileDone, i32>) -> FsResult {
    match result {
        Ok(FileDone::Unit) => Ok(FsDone::Unit),
        Ok(FileDone::Size(n)) => Ok(FsDone::Size(n)),
        Ok(FileDone::Bytes(b)) => Ok(FsDone::Bytes(b)),
        Ok(FileDone::Names(n)) => Ok(FsDone::Names(n)),
        Ok(FileDone::Stat {
            kind,
            size,
            modified,
            access,
        }) => Ok(FsDone::Stat(Stat {
            kind: match kind {
                1 => FileKind::File,
                2 => FileKind::Directory,
                _ => FileKind::Other,
            },
            size,
            modified,
            readable: access & 4 != 0,
            writable: access & 2 != 0,
            executable: access & 1 != 0,
        })),
        Err(code) => Err(FsError::from_code(code)),
    }
}
