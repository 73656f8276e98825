//! The standard input of submitted processes. The client streams its stdin to the node it
//! submitted to (the process's home), which keeps it in an [`InputQueue`]; wherever the
//! process runs, its host fetches input from the home by offset ([`RemoteInput`]). The VM
//! counts the bytes it has consumed and its checkpoints keep that count, so a process that
//! moves while reading asks its home for exactly the bytes it has not read yet: nothing is
//! lost or read twice. The home forgets bytes only once a fetch says they are consumed.

use super::Node;
use phantom_transport::control::{Input, MAX_CONTROL_FRAME, Reply, Request};
use phantom_transport::frame::read_message;
use phantom_vm::ReadResult;
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tracing::warn;

/// Most input a home holds for one process before it stops reading the client's stream
/// (QUIC's flow control then holds the client back).
const MAX_HELD: usize = 4 << 20;

/// Most consumed input a home keeps for a restart from the job's last checkpoint.
const MAX_KEPT: u64 = 64 << 20;

/// Most bytes one fetch returns.
const CHUNK: usize = 256 << 10;

/// How long a home holds a fetch that finds nothing before it answers with nothing.
const LONG_POLL: Duration = Duration::from_secs(5);

/// A process's input at its home: the bytes from offset `base` on that it may still read.
#[derive(Debug, Default)]
pub(crate) struct InputQueue {
    state: Mutex<Queue>,
    changed: Notify,
}

#[derive(Debug, Default)]
struct Queue {
    /// Input before this offset may be needed again by a restart from the last checkpoint.
    keep_from: u64,
    /// What the process has consumed, as last told.
    consumed: u64,
    base: u64,
    data: VecDeque<u8>,
    ended: bool,
}

impl InputQueue {
    fn lock(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads a client's input frames into the queue until its stream ends.
    pub(crate) async fn receive(self: Arc<Self>, mut recv: quinn::RecvStream) {
        loop {
            // Wait while the process is far behind.
            loop {
                let waiting = self.changed.notified();
                let unread = {
                    let q = self.lock();
                    (q.base + q.data.len() as u64).saturating_sub(q.consumed.max(q.base))
                };
                if unread < MAX_HELD as u64 {
                    break;
                }
                waiting.await;
            }
            match read_message::<Input>(&mut recv, MAX_CONTROL_FRAME).await {
                Ok(Some(Input::Data(bytes))) => {
                    self.lock().data.extend(bytes);
                    self.changed.notify_waiters();
                }
                Ok(Some(Input::End)) | Ok(None) => break,
                Err(e) => {
                    warn!("a client's input stream failed; the process sees its end: {e}");
                    break;
                }
            }
        }
        self.lock().ended = true;
        self.changed.notify_waiters();
    }

    /// A queue whose input has ended with nothing in it.
    pub(crate) fn ended() -> InputQueue {
        let q = InputQueue::default();
        q.lock().ended = true;
        q
    }

    /// Input before `consumed` will not be read again: the job has a checkpoint that far.
    pub(crate) fn checkpointed(&self, consumed: u64) {
        let mut q = self.lock();
        q.keep_from = q.keep_from.max(consumed);
    }

    /// Bytes from `at` on, once there are some or the input has ended (or after a while,
    /// none); everything before `consumed` is dropped for good.
    pub(crate) async fn fetch(&self, consumed: u64, at: u64) -> (Vec<u8>, bool) {
        let deadline = tokio::time::Instant::now() + LONG_POLL;
        loop {
            let waiting = self.changed.notified();
            {
                let mut q = self.lock();
                q.consumed = q.consumed.max(consumed);
                // Consumed input is kept back to the last checkpoint, within a bound.
                let keep = q.keep_from.max(consumed.saturating_sub(MAX_KEPT));
                let drop = consumed
                    .min(keep)
                    .saturating_sub(q.base)
                    .min(q.data.len() as u64) as usize;
                if drop > 0 {
                    q.data.drain(..drop);
                    q.base += drop as u64;
                    self.changed.notify_waiters();
                }
                let from = at.saturating_sub(q.base) as usize;
                if at >= q.base && from < q.data.len() {
                    let to = q.data.len().min(from + CHUNK);
                    let bytes: Vec<u8> = q.data.range(from..to).copied().collect();
                    let end = q.ended && to == q.data.len();
                    return (bytes, end);
                }
                if q.ended {
                    return (Vec::new(), true);
                }
            }
            if tokio::time::timeout_at(deadline, waiting).await.is_err() {
                return (Vec::new(), false);
            }
        }
    }
}

/// Input from a fetch: the bytes and whether the input ends after them.
type Fetched = (Vec<u8>, bool);

/// A fetch of a process's input on its way home.
#[derive(Debug)]
pub(crate) struct StdinCall {
    id: String,
    home: String,
    run: u32,
    consumed: u64,
    at: u64,
    reply: SyncSender<Fetched>,
}

/// Carries out every process's input fetches: at home here, or through the home node.
pub(crate) async fn serve_calls(node: Arc<Node>, mut calls: UnboundedReceiver<StdinCall>) {
    while let Some(call) = calls.recv().await {
        let node = node.clone();
        tokio::spawn(async move {
            let answer = if call.home == node.name() {
                node.home_stdin(&call.id, call.consumed, call.at).await
            } else {
                let request = Request::Stdin {
                    id: call.id.clone(),
                    consumed: call.consumed,
                    at: call.at,
                    run: call.run,
                };
                match node.ask(&call.home, &request).await {
                    Ok(Reply::Stdin { data, end }) => (data, end),
                    Ok(other) => {
                        warn!(job = %call.id, "input fetch answered {other:?}");
                        (Vec::new(), false)
                    }
                    Err(e) => {
                        warn!(job = %call.id, home = %call.home, "input fetch failed: {e:#}");
                        (Vec::new(), false)
                    }
                }
            };
            let _ = call.reply.send(answer);
        });
    }
}

impl Node {
    /// Input of process `id`, whose home is here; a process without any sees its end.
    pub(super) async fn home_stdin(&self, id: &str, consumed: u64, at: u64) -> (Vec<u8>, bool) {
        let queue = self
            .homes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .map(|h| h.input.clone());
        match queue {
            Some(q) => q.fetch(consumed, at).await,
            None => (Vec::new(), true),
        }
    }
}

/// A process's input as its host sees it: bytes fetched from the home and not yet consumed,
/// with one fetch at a time ahead of the reader.
#[derive(Debug)]
pub(crate) struct RemoteInput {
    id: String,
    home: String,
    run: u32,
    calls: UnboundedSender<StdinCall>,
    /// Bytes from offset `held_at` on.
    held: Vec<u8>,
    held_at: u64,
    /// The input ends where `held` does.
    ended: bool,
    /// The fetch under way: the offset it asked from, and where its answer comes.
    in_flight: Option<(u64, Receiver<Fetched>)>,
    /// What the process had consumed at its last read.
    consumed: u64,
}

impl RemoteInput {
    pub(crate) fn new(
        id: String,
        home: String,
        run: u32,
        calls: UnboundedSender<StdinCall>,
    ) -> Self {
        RemoteInput {
            id,
            home,
            run,
            calls,
            held: Vec::new(),
            held_at: 0,
            ended: false,
            in_flight: None,
            consumed: 0,
        }
    }

    /// Takes in a fetch that has come back.
    fn absorb(&mut self) {
        let Some((at, rx)) = &self.in_flight else {
            return;
        };
        match rx.try_recv() {
            Ok((bytes, end)) => {
                // An answer for another offset (the held bytes were dropped since) is stale.
                if *at == self.held_at + self.held.len() as u64 {
                    self.held.extend_from_slice(&bytes);
                    self.ended = end;
                }
                self.in_flight = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.in_flight = None,
        }
    }

    /// Drops what the process has consumed; a process restored at another offset starts over.
    fn align(&mut self, consumed: u64) {
        self.consumed = consumed;
        let end = self.held_at + self.held.len() as u64;
        if consumed < self.held_at || consumed > end {
            self.held.clear();
            self.held_at = consumed;
            self.ended = false;
        } else {
            self.held.drain(..(consumed - self.held_at) as usize);
            self.held_at = consumed;
        }
    }

    /// Starts a fetch from the end of what is held, unless one is out or the input ended.
    fn ahead(&mut self) {
        if self.in_flight.is_some() || self.ended || self.held.len() >= CHUNK {
            return;
        }
        let (reply, answer) = std::sync::mpsc::sync_channel(1);
        let at = self.held_at + self.held.len() as u64;
        let call = StdinCall {
            id: self.id.clone(),
            home: self.home.clone(),
            run: self.run,
            consumed: self.consumed,
            at,
            reply,
        };
        if self.calls.send(call).is_ok() {
            self.in_flight = Some((at, answer));
        }
    }

    pub(crate) fn read(&mut self, consumed: u64, buf: &mut [u8]) -> ReadResult {
        self.absorb();
        self.align(consumed);
        if !self.held.is_empty() {
            let n = buf.len().min(self.held.len());
            buf[..n].copy_from_slice(&self.held[..n]);
            self.ahead();
            return ReadResult::Data(n);
        }
        if self.ended {
            return ReadResult::Eof;
        }
        self.ahead();
        ReadResult::Pending
    }

    pub(crate) fn ready(&mut self) -> bool {
        self.absorb();
        if !self.held.is_empty() || self.ended {
            return true;
        }
        self.ahead();
        false
    }
}
