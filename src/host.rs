//! The host a locally run process talks to: this process's own standard streams, clocks and
//! files.

use crate::files::LocalFiles;
use phantom_vm::{FsOp, FsResult, Host, ReadResult};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, TryRecvError, sync_channel};
use std::sync::{Mutex, OnceLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Standard streams, clocks and files of the `phantom` process itself.
#[derive(Debug)]
pub(crate) struct StdHost {
    start: Instant,
    files: LocalFiles,
}

impl StdHost {
    pub(crate) fn new() -> StdHost {
        StdHost {
            start: Instant::now(),
            files: LocalFiles::anywhere(),
        }
    }
}

/// Standard input, read by a thread of its own so that a Java thread waiting for input does
/// not stop the others: the VM sees [`ReadResult::Pending`] until bytes arrive. One reader
/// serves every VM of this process (a round trip through checkpoints makes a new host), so
/// input read ahead is never lost.
#[derive(Debug)]
struct StdinReader {
    chunks: Receiver<Option<Vec<u8>>>,
    /// Bytes received and not yet given to the program.
    held: Vec<u8>,
    ended: bool,
}

impl StdinReader {
    fn start() -> Mutex<StdinReader> {
        // A small bound: the reader stays at most a few chunks ahead of the program.
        let (send, chunks) = sync_channel(4);
        let spawned = std::thread::Builder::new()
            .name("stdin".into())
            .spawn(move || {
                let mut stdin = std::io::stdin().lock();
                loop {
                    let mut buf = vec![0u8; 64 << 10];
                    match stdin.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => {
                            buf.truncate(n);
                            if send.send(Some(buf)).is_err() {
                                return;
                            }
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(_) => break,
                    }
                }
                let _ = send.send(None);
            });
        Mutex::new(StdinReader {
            chunks,
            held: Vec::new(),
            ended: spawned.is_err(),
        })
    }

    /// Takes what has arrived; whether anything (bytes or the end) is there to give.
    fn poll(&mut self) -> bool {
        while self.held.is_empty() && !self.ended {
            match self.chunks.try_recv() {
                Ok(Some(bytes)) => self.held = bytes,
                Ok(None) | Err(TryRecvError::Disconnected) => self.ended = true,
                Err(TryRecvError::Empty) => return false,
            }
        }
        true
    }

    fn read(&mut self, buf: &mut [u8]) -> ReadResult {
        if !self.poll() {
            return ReadResult::Pending;
        }
        if self.held.is_empty() {
            return ReadResult::Eof;
        }
        let n = buf.len().min(self.held.len());
        buf[..n].copy_from_slice(&self.held[..n]);
        self.held.drain(..n);
        ReadResult::Data(n)
    }
}

fn stdin() -> std::sync::MutexGuard<'static, StdinReader> {
    static STDIN: OnceLock<Mutex<StdinReader>> = OnceLock::new();
    STDIN
        .get_or_init(StdinReader::start)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

impl Host for StdHost {
    fn write(&mut self, fd: i32, bytes: &[u8]) {
        // Each write goes out at once (as HotSpot's autoflushing streams do), so stdout and
        // stderr interleave on a terminal in the order the program wrote them. A closed pipe
        // is not the program's problem: its output is dropped, as the JVM drops it.
        write_std(fd, bytes);
    }

    fn read(&mut self, buf: &mut [u8]) -> ReadResult {
        stdin().read(buf)
    }

    fn input_ready(&mut self) -> bool {
        stdin().poll()
    }

    fn nanos(&self) -> i64 {
        self.start.elapsed().as_nanos() as i64
    }

    fn millis(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }

    fn fs(&mut self, op: FsOp<'_>) -> FsResult {
        self.files.apply(op)
    }

    fn processors(&self) -> u32 {
        std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
    }
}

/// Writes to this command's stderr (`fd` 2) or stdout and flushes at once; a closed pipe is
/// ignored. Shared by `phantom run` and the cluster client.
pub(crate) fn write_std(fd: i32, bytes: &[u8]) {
    let _ = if fd == 2 {
        let mut e = std::io::stderr().lock();
        e.write_all(bytes).and_then(|_| e.flush())
    } else {
        let mut o = std::io::stdout().lock();
        o.write_all(bytes).and_then(|_| o.flush())
    };
}
