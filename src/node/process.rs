//! One process on a node: its VM runs on a thread of its own, in slices, and answers commands
//! between slices: freeze (capture it for a migration), then resume or drop it. Its output
//! goes, numbered, to the node's output router, which carries it home.

use phantom_transport::control::Home;
use phantom_vm::checkpoint::precopy::Tracker;
use phantom_vm::checkpoint::{self, ClassBytes, v1};
use phantom_vm::{Host, Interrupter, ReadResult, Status, Vm};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::{mpsc::UnboundedSender, oneshot};

/// Instructions a process runs between two looks at its commands, holding one of the node's
/// cores. A command also interrupts the running slice at its next quantum boundary.
const SLICE: u64 = 1 << 21;

/// What the output router of a node carries.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// Output or news of a process, for its home node.
    Home {
        /// The process.
        id: String,
        /// Its home node.
        home: String,
        /// Its run (see the job store).
        run: u32,
        /// What happened.
        what: Home,
    },
    /// The process left this node: its output stream home can end.
    Left(String),
    /// The home holds the process's outputs before `held`: copies kept for it can go, and
    /// any it lacks are sent again.
    Ack {
        /// The process.
        id: String,
        /// Outputs the home holds.
        held: u64,
    },
    /// The home refused the process's run: forget what is kept for it.
    Forget(String),
    /// How many frames are kept for homes that have not acknowledged them.
    Pending(tokio::sync::oneshot::Sender<usize>),
}

/// What the node can ask of a process.
#[derive(Debug)]
enum Control {
    /// Stop at the next instruction boundary and capture the process; it stays frozen until
    /// resumed. A process frozen already is captured again, in the same state: freezes nest,
    /// each successful one ended by one `Resume`. A failed capture leaves it running.
    Freeze(oneshot::Sender<Result<Frozen, String>>),
    /// End one freeze (a checkpoint is taken, a migration failed); the process goes on when
    /// no freeze is left.
    Resume,
    /// Stop for good (a migration committed, or the job was killed).
    Drop,
    /// Stay frozen in place, without a capture, until `Release`.
    Hold,
    /// End a hold.
    Release,
    /// A step of a pre-copy migration (docs/plans/precopy.md).
    PreCopy(PreCopy),
    /// A step of an incremental checkpoint for the home.
    Home(HomeStep),
}

/// The steps of an incremental checkpoint home (docs/plans/precopy.md §3.8), carried out by
/// the process thread between two slices. A base is `Start`, then, as a delta, `Piece`s
/// until the round is done (the process runs meanwhile), then `Last`.
#[derive(Debug)]
pub(crate) enum HomeStep {
    /// Begin the home's session (the dirty record on, every object owed), superseding any
    /// earlier one; refused while a migration's session works. The answer is every
    /// application class the process may need.
    Start {
        session: [u8; 16],
        reply: oneshot::Sender<Result<Vec<ClassBytes>, String>>,
    },
    /// The next piece of the session's current round, of about `max_bytes` (the round after
    /// the last pieces starts a new one). Fails when the session is gone.
    Piece {
        max_bytes: usize,
        reply: oneshot::Sender<Result<PieceOut, String>>,
    },
    /// At once: what changed since the session's last pieces, and the rest of the process;
    /// the process goes on. Fails when the session is gone (a migration's superseded it).
    Last {
        max_bytes: usize,
        reply: oneshot::Sender<Result<HomePieces, String>>,
    },
}

/// The last pieces of an incremental checkpoint, and the process's counters at them.
#[derive(Debug)]
pub(crate) struct HomePieces {
    /// The encoded pieces, class bytes taken out.
    pub pieces: Vec<Vec<u8>>,
    /// Those class bytes.
    pub classes: Vec<([u8; 32], Vec<u8>)>,
    /// The counters at that instruction.
    pub outputs: u64,
    pub file_ops: u64,
    pub executed: u64,
    pub stdin_consumed: u64,
}

/// The pre-copy steps a process thread carries out between two slices; the pieces are made
/// and encoded there, by the process's own core.
#[derive(Debug)]
pub(crate) enum PreCopy {
    /// Begin a session: the dirty record on, every object owed.
    Start {
        session: [u8; 16],
        reply: oneshot::Sender<Result<PreCopyStart, String>>,
    },
    /// The next piece of the current round, of about `max_bytes`.
    Piece {
        max_bytes: usize,
        reply: oneshot::Sender<Result<PieceOut, String>>,
    },
    /// About how many bytes the next round would send.
    Dirty { reply: oneshot::Sender<u64> },
    /// The heap's live bytes now (with garbage not collected yet), to choose pre-copy by.
    Size { reply: oneshot::Sender<u64> },
    /// Freeze, and make the session's last pieces; the process then stays frozen until
    /// resumed or dropped, as after `Freeze` (and nests as `Freeze` does).
    Final {
        max_bytes: usize,
        reply: oneshot::Sender<Result<FinalOut, String>>,
    },
    /// Abandon the session: the process goes on, the dirty record off.
    Cancel,
}

/// What a pre-copy session starts with.
#[derive(Debug)]
pub(crate) struct PreCopyStart {
    /// Every application class the process may need, by SHA-256: the pieces carry none.
    pub classes: Vec<([u8; 32], Vec<u8>)>,
    /// Bytes of live data (and garbage not collected yet) in the heap.
    pub live_bytes: u64,
}

/// One encoded piece.
#[derive(Debug)]
pub(crate) struct PieceOut {
    pub bytes: Vec<u8>,
    /// Its number in the session.
    pub seq: u32,
    /// Whether it ends its round.
    pub round_done: bool,
}

/// The last pieces of a session, made frozen, with the counters at the freeze.
#[derive(Debug)]
pub(crate) struct FinalOut {
    pub pieces: Vec<Vec<u8>>,
    pub outputs: u64,
    pub file_ops: u64,
    /// Whether the process was held (`phantom hold`) at the freeze.
    pub held: bool,
}

/// A captured process, with what its node needs to send it elsewhere.
#[derive(Debug)]
pub(crate) struct Frozen {
    /// The checkpoint.
    pub checkpoint: v1::Checkpoint,
    /// How many outputs the process had written.
    pub outputs: u64,
    /// How many file operations it had made.
    pub file_ops: u64,
}

/// What a process has done outside itself, numbered over its whole life (across moves and
/// restarts): outputs, which its home puts in order, and file operations, which its home
/// answers again from its journal when a restarted run repeats them.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    /// Outputs written.
    pub outputs: AtomicU64,
    /// File operations made.
    pub file_ops: AtomicU64,
}

impl Counters {
    /// Counters that go on from these counts.
    pub(crate) fn from(outputs: u64, file_ops: u64) -> Arc<Counters> {
        Arc::new(Counters {
            outputs: AtomicU64::new(outputs),
            file_ops: AtomicU64::new(file_ops),
        })
    }

    fn frozen(&self, checkpoint: v1::Checkpoint) -> Frozen {
        Frozen {
            checkpoint,
            outputs: self.outputs.load(Ordering::SeqCst),
            file_ops: self.file_ops.load(Ordering::SeqCst),
        }
    }
}

/// What `phantom ps` shows of a process, kept up to date by its thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunState {
    Running,
    Idle,
    Frozen,
    Held,
    Exited,
}

impl RunState {
    pub(crate) fn name(self) -> &'static str {
        match self {
            RunState::Running => "running",
            RunState::Idle => "idle",
            RunState::Frozen => "frozen",
            RunState::Held => "held",
            RunState::Exited => "exited",
        }
    }
}

#[derive(Debug)]
struct Shared {
    state: Mutex<RunState>,
    executed: AtomicU64,
    /// Live heap bytes after the last slice: what a checkpoint would carry, about.
    heap_bytes: AtomicU64,
}

/// The cores a node lets its processes use: a process runs a slice only while it holds one,
/// and waiting processes get them in turn (first come, first served), so a node with more
/// processes than cores time-shares them fairly.
#[derive(Debug)]
pub(crate) struct Cores {
    state: Mutex<CoresState>,
    turn: Condvar,
}

#[derive(Debug)]
struct CoresState {
    free: u32,
    queue: VecDeque<u64>,
    next_ticket: u64,
}

impl Cores {
    pub(crate) fn new(n: u32) -> Cores {
        Cores {
            state: Mutex::new(CoresState {
                free: n.max(1),
                queue: VecDeque::new(),
                next_ticket: 0,
            }),
            turn: Condvar::new(),
        }
    }

    fn acquire(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let ticket = s.next_ticket;
        s.next_ticket += 1;
        s.queue.push_back(ticket);
        while !(s.free > 0 && s.queue.front() == Some(&ticket)) {
            s = self.turn.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.queue.pop_front();
        s.free -= 1;
        self.turn.notify_all();
    }

    fn release(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.free += 1;
        self.turn.notify_all();
    }
}

/// The node's handle on a process thread.
#[derive(Debug)]
pub(crate) struct ProcessHandle {
    control: mpsc::Sender<Control>,
    interrupter: Interrupter,
    shared: Arc<Shared>,
}

impl ProcessHandle {
    /// Starts running `vm` on a thread of its own. `counters` go on from what the process did
    /// before (on other nodes, or in an earlier run).
    pub(crate) fn spawn(
        id: String,
        home: String,
        run: u32,
        mut vm: Vm,
        counters: Arc<Counters>,
        out: UnboundedSender<Outbound>,
        cores: Arc<Cores>,
    ) -> std::io::Result<ProcessHandle> {
        let (control, commands) = mpsc::channel();
        let shared = Arc::new(Shared {
            state: Mutex::new(RunState::Running),
            executed: AtomicU64::new(vm.executed()),
            heap_bytes: AtomicU64::new(vm.rt.heap.live_bytes() as u64),
        });
        let handle = ProcessHandle {
            control,
            interrupter: vm.interrupter(),
            shared: shared.clone(),
        };
        std::thread::Builder::new()
            .name(format!("process {id}"))
            .spawn(move || {
                let ends = Ends {
                    id,
                    home,
                    run,
                    counters,
                    out,
                };
                run_slices(&mut vm, &commands, &shared, &ends, &cores)
            })?;
        Ok(handle)
    }

    /// Freezes the process at its next instruction boundary and captures it. The request is
    /// made at once; the future waits for the capture.
    pub(crate) fn freeze(&self) -> impl Future<Output = Result<Frozen, String>> + use<> {
        let (reply, answer) = oneshot::channel();
        let sent = self.control.send(Control::Freeze(reply)).is_ok();
        if sent {
            self.interrupter.interrupt();
        }
        async move {
            if !sent {
                return Err("the process has ended".to_string());
            }
            answer
                .await
                .map_err(|_| "the process ended before it froze".to_string())?
        }
    }

    /// Lets a frozen process go on.
    pub(crate) fn resume(&self) {
        let _ = self.control.send(Control::Resume);
    }

    /// Ends a frozen process (it runs elsewhere now), or a running one (it was killed).
    pub(crate) fn drop_process(&self) {
        if self.control.send(Control::Drop).is_ok() {
            self.interrupter.interrupt();
        }
    }

    /// Freezes the process in place until [`ProcessHandle::release`].
    pub(crate) fn hold(&self) {
        if self.control.send(Control::Hold).is_ok() {
            self.interrupter.interrupt();
        }
    }

    /// Ends a hold.
    pub(crate) fn release(&self) {
        let _ = self.control.send(Control::Release);
    }

    /// Asks for a step of an incremental checkpoint, made at the next instruction boundary:
    /// `step` builds it around the reply channel. The request is made at once.
    pub(crate) fn home_step<T: Send + 'static, F>(
        &self,
        step: F,
    ) -> impl Future<Output = Result<T, String>> + use<T, F>
    where
        F: FnOnce(oneshot::Sender<Result<T, String>>) -> HomeStep,
    {
        let (reply, answer) = oneshot::channel();
        let sent = self.control.send(Control::Home(step(reply))).is_ok();
        if sent {
            self.interrupter.interrupt();
        }
        async move {
            if !sent {
                return Err("the process has ended".to_string());
            }
            answer
                .await
                .map_err(|_| "the process ended before its checkpoint".to_string())?
        }
    }

    /// Asks for a pre-copy step, interrupting the running slice; false if the process ended.
    pub(crate) fn precopy(&self, step: PreCopy) -> bool {
        let sent = self.control.send(Control::PreCopy(step)).is_ok();
        if sent {
            self.interrupter.interrupt();
        }
        sent
    }

    pub(crate) fn state(&self) -> RunState {
        *self.shared.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn executed(&self) -> u64 {
        self.shared.executed.load(Ordering::Relaxed)
    }

    pub(crate) fn heap_bytes(&self) -> u64 {
        self.shared.heap_bytes.load(Ordering::Relaxed)
    }
}

/// Where a process's output and exit go.
struct Ends {
    id: String,
    home: String,
    run: u32,
    counters: Arc<Counters>,
    out: UnboundedSender<Outbound>,
}

/// The process thread: run slices (each holding one of the node's cores), answer commands,
/// report the exit.
fn run_slices(
    vm: &mut Vm,
    commands: &mpsc::Receiver<Control>,
    shared: &Shared,
    ends: &Ends,
    cores: &Cores,
) {
    let set = |s: RunState| *shared.state.lock().unwrap_or_else(|e| e.into_inner()) = s;
    let mut wait = Duration::ZERO;
    let mut session = Sessions::default();
    loop {
        let command = if wait.is_zero() {
            match commands.try_recv() {
                Ok(c) => Some(c),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => return,
            }
        } else {
            match commands.recv_timeout(wait) {
                Ok(c) => Some(c),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        };
        if let Some(command) = command
            && !obey(command, vm, commands, shared, &ends.counters, &mut session)
        {
            set(RunState::Exited);
            return;
        }
        wait = Duration::ZERO;
        cores.acquire();
        let before = vm.executed();
        let status = vm.run(SLICE);
        cores.release();
        super::metrics::executed(vm.executed().saturating_sub(before));
        shared.executed.store(vm.executed(), Ordering::Relaxed);
        shared
            .heap_bytes
            .store(vm.rt.heap.live_bytes() as u64, Ordering::Relaxed);
        match status {
            Status::Running => set(RunState::Running),
            Status::Idle { until } => {
                set(RunState::Idle);
                // Sleep until the earliest deadline, or until a command comes.
                let nanos = until.map_or(50_000_000, |u| (u - vm.now()).clamp(0, 50_000_000));
                wait = Duration::from_nanos(nanos as u64).max(Duration::from_micros(1));
            }
            Status::Exited(status) => {
                set(RunState::Exited);
                let _ = ends.out.send(Outbound::Home {
                    id: ends.id.clone(),
                    home: ends.home.clone(),
                    run: ends.run,
                    what: Home::Exited {
                        status,
                        outputs: ends.counters.outputs.load(Ordering::SeqCst),
                        executed: vm.executed(),
                    },
                });
                return;
            }
        }
    }
}

/// The sessions of a process's dirty record: a migration's, or its home's chain of
/// incremental checkpoints. Only one works at a time: a migration's supersedes the home's.
#[derive(Debug, Default)]
struct Sessions {
    migration: Option<Tracker>,
    home: Option<Tracker>,
}

/// Carries out a step of an incremental checkpoint home (the process is at an instruction
/// boundary); an answer is dropped if its asker has gone.
fn home_step(step: HomeStep, vm: &mut Vm, sessions: &mut Sessions, counters: &Counters) {
    match step {
        HomeStep::Start { session, reply } => {
            let started = if sessions.migration.is_some() {
                Err("a migration is under way".to_string())
            } else {
                vm.precopy_classes()
                    .map_err(|e| e.to_string())
                    .inspect(|_| sessions.home = Some(vm.precopy_start(session)))
            };
            let _ = reply.send(started);
        }
        HomeStep::Piece { max_bytes, reply } => {
            let t = sessions.home.as_mut().filter(|t| vm.precopy_usable(t));
            let piece = match t {
                Some(t) => next_piece(vm, Some(t), max_bytes),
                None => Err(NO_HOME_SESSION.to_string()),
            };
            let _ = reply.send(piece);
        }
        HomeStep::Last { max_bytes, reply } => {
            let _ = reply.send(home_last(vm, sessions, max_bytes, counters));
        }
    }
}

/// The next piece of session `t`'s current round, encoded without class bytes.
fn next_piece(vm: &mut Vm, t: Option<&mut Tracker>, max_bytes: usize) -> Result<PieceOut, String> {
    let t = t.ok_or("no pre-copy session")?;
    let mut p = vm.precopy_piece(t, max_bytes).map_err(|e| e.to_string())?;
    checkpoint::take_piece_class_bytes(&mut p);
    Ok(PieceOut {
        seq: p.seq,
        bytes: checkpoint::encode_piece(&p),
        round_done: t.round_done(),
    })
}

/// Why a delta cannot be made: the process has no usable checkpoint session (none began, or
/// a migration's superseded it); a base must start one.
pub(crate) const NO_HOME_SESSION: &str = "no checkpoint session";

/// The last pieces of an incremental checkpoint home.
fn home_last(
    vm: &mut Vm,
    sessions: &mut Sessions,
    max_bytes: usize,
    counters: &Counters,
) -> Result<HomePieces, String> {
    let t = sessions
        .home
        .as_mut()
        .filter(|t| vm.precopy_usable(t))
        .ok_or(NO_HOME_SESSION)?;
    let pieces = vm
        .precopy_checkpoint(t, max_bytes)
        .map_err(|e| e.to_string())?;
    let stdin_consumed = pieces
        .last()
        .and_then(|p| p.last.as_ref())
        .map_or(0, |l| l.state.stdin_consumed);
    let mut classes = Vec::new();
    let pieces = pieces
        .into_iter()
        .map(|mut p| {
            classes.extend(checkpoint::take_piece_class_bytes(&mut p));
            checkpoint::encode_piece(&p)
        })
        .collect();
    Ok(HomePieces {
        pieces,
        classes,
        outputs: counters.outputs.load(Ordering::SeqCst),
        file_ops: counters.file_ops.load(Ordering::SeqCst),
        executed: vm.executed(),
        stdin_consumed,
    })
}

/// Carries out a pre-copy step, except `Final` (the caller's, as it freezes); an answer is
/// dropped if its asker has gone.
fn precopy_step(step: PreCopy, vm: &mut Vm, sessions: &mut Sessions) {
    let session = &mut sessions.migration;
    match step {
        PreCopy::Start { session: id, reply } => {
            let started = vm
                .precopy_classes()
                .map_err(|e| e.to_string())
                .map(|classes| {
                    // The migration's session supersedes the home's chain.
                    sessions.home = None;
                    *session = Some(vm.precopy_start(id));
                    PreCopyStart {
                        classes,
                        live_bytes: vm.rt.heap.live_bytes() as u64,
                    }
                });
            let _ = reply.send(started);
        }
        PreCopy::Piece { max_bytes, reply } => {
            let _ = reply.send(next_piece(vm, session.as_mut(), max_bytes));
        }
        PreCopy::Size { reply } => {
            let _ = reply.send(vm.rt.heap.live_bytes() as u64);
        }
        PreCopy::Dirty { reply } => {
            let _ = reply.send(session.as_ref().map_or(0, |t| vm.precopy_dirty_bytes(t)));
        }
        PreCopy::Cancel => {
            if session.take().is_some() {
                vm.precopy_stop();
            }
        }
        PreCopy::Final { reply, .. } => {
            let _ = reply.send(Err("a pre-copy's last step out of turn".to_string()));
        }
    }
}

/// The session's last pieces, made now (the process is at an instruction boundary).
fn precopy_final(
    vm: &mut Vm,
    session: &mut Sessions,
    max_bytes: usize,
    counters: &Counters,
    held: bool,
) -> Result<FinalOut, String> {
    let t = session.migration.as_mut().ok_or("no pre-copy session")?;
    let pieces = vm.precopy_final(t, max_bytes).map_err(|e| e.to_string())?;
    Ok(FinalOut {
        pieces: pieces
            .into_iter()
            .map(|mut p| {
                checkpoint::take_piece_class_bytes(&mut p);
                checkpoint::encode_piece(&p)
            })
            .collect(),
        outputs: counters.outputs.load(Ordering::SeqCst),
        file_ops: counters.file_ops.load(Ordering::SeqCst),
        held,
    })
}

/// Carries out a command; false if the process is to end here.
fn obey(
    command: Control,
    vm: &mut Vm,
    commands: &mpsc::Receiver<Control>,
    shared: &Shared,
    counters: &Counters,
    session: &mut Sessions,
) -> bool {
    let set = |s: RunState| *shared.state.lock().unwrap_or_else(|e| e.into_inner()) = s;
    match command {
        Control::Resume | Control::Release => true,
        Control::PreCopy(PreCopy::Final { max_bytes, reply }) => {
            set(RunState::Frozen);
            let out = precopy_final(vm, session, max_bytes, counters, false);
            let failed = out.is_err();
            let _ = reply.send(out);
            if failed {
                set(RunState::Running);
                return true;
            }
            stay_frozen(vm, commands, shared, counters, session, false)
        }
        Control::PreCopy(step) => {
            precopy_step(step, vm, session);
            true
        }
        Control::Home(step) => {
            home_step(step, vm, session, counters);
            true
        }
        Control::Drop => false,
        Control::Hold => {
            set(RunState::Held);
            loop {
                match commands.recv() {
                    Ok(Control::Release) => {
                        set(RunState::Running);
                        return true;
                    }
                    Ok(Control::Drop) | Err(_) => return false,
                    // The end of a capture while held: it stays held.
                    Ok(Control::Hold | Control::Resume) => {}
                    // Pre-copy of a held process: frozen once final, until the node decides,
                    // then held again unless released meanwhile.
                    Ok(Control::PreCopy(PreCopy::Final { max_bytes, reply })) => {
                        let out = precopy_final(vm, session, max_bytes, counters, true);
                        let failed = out.is_err();
                        let _ = reply.send(out);
                        if !failed {
                            return stay_frozen(vm, commands, shared, counters, session, true);
                        }
                    }
                    Ok(Control::PreCopy(step)) => precopy_step(step, vm, session),
                    // A held process is checkpointed home as well, and stays held.
                    Ok(Control::Home(step)) => home_step(step, vm, session, counters),
                    Ok(Control::Freeze(reply)) => {
                        // A held process can still be captured (a checkpoint, a migration):
                        // the same.
                        if capture(vm, counters, reply) {
                            return stay_frozen(vm, commands, shared, counters, session, true);
                        }
                    }
                }
            }
        }
        Control::Freeze(reply) => {
            if !capture(vm, counters, reply) {
                return true;
            }
            set(RunState::Frozen);
            stay_frozen(vm, commands, shared, counters, session, false)
        }
    }
}

/// Captures the process for the asker of a freeze; false if the capture failed (the process
/// is not frozen for it then).
fn capture(
    vm: &mut Vm,
    counters: &Counters,
    reply: oneshot::Sender<Result<Frozen, String>>,
) -> bool {
    let captured = vm
        .capture()
        .map_err(|e| e.to_string())
        .map(|checkpoint| counters.frozen(checkpoint));
    let ok = captured.is_ok();
    let _ = reply.send(captured);
    ok
}

/// Frozen until the node decides (`held`: it was held when it froze); a hold asked
/// meanwhile starts when it resumes, and a release ends the hold then. A freeze asked
/// meanwhile (a migration while a checkpoint is taken) is served at once, from the same
/// state, and the process goes on only after a `Resume` for each. False if the process is
/// to end here.
fn stay_frozen(
    vm: &mut Vm,
    commands: &mpsc::Receiver<Control>,
    shared: &Shared,
    counters: &Counters,
    session: &mut Sessions,
    held: bool,
) -> bool {
    let set = |s: RunState| *shared.state.lock().unwrap_or_else(|e| e.into_inner()) = s;
    let mut then_hold = held;
    // The freezes not yet ended by a `Resume`.
    let mut freezes = 1usize;
    loop {
        match commands.recv() {
            Ok(Control::Resume) => {
                freezes -= 1;
                if freezes > 0 {
                    continue;
                }
                // A pre-copy session stays until the node cancels it (a checkpoint may have
                // frozen the process in the middle of one).
                if then_hold {
                    return obey(Control::Hold, vm, commands, shared, counters, session);
                }
                set(RunState::Running);
                return true;
            }
            Ok(Control::Drop) | Err(_) => return false,
            Ok(Control::Hold) => then_hold = true,
            Ok(Control::Release) => then_hold = false,
            Ok(Control::Freeze(again)) => {
                if capture(vm, counters, again) {
                    freezes += 1;
                }
            }
            Ok(Control::PreCopy(PreCopy::Final { max_bytes, reply })) => {
                let out = precopy_final(vm, session, max_bytes, counters, then_hold);
                let ok = out.is_ok();
                let _ = reply.send(out);
                if ok {
                    freezes += 1;
                }
            }
            // A frozen process is checkpointed by whoever froze it.
            Ok(Control::Home(step)) => {
                let frozen = || "the process is frozen".to_string();
                match step {
                    HomeStep::Start { reply, .. } => drop(reply.send(Err(frozen()))),
                    HomeStep::Piece { reply, .. } => drop(reply.send(Err(frozen()))),
                    HomeStep::Last { reply, .. } => drop(reply.send(Err(frozen()))),
                }
            }
            Ok(Control::PreCopy(step)) => precopy_step(step, vm, session),
        }
    }
}

/// The host of a process on a node: output is numbered and sent to the node's router; file
/// operations and input come from the process's home (`files.rs`, `stdin.rs`).
#[derive(Debug)]
pub(crate) struct NodeHost {
    id: String,
    home: String,
    run: u32,
    counters: Arc<Counters>,
    out: UnboundedSender<Outbound>,
    files: UnboundedSender<super::files::FileCall>,
    input: super::stdin::RemoteInput,
    start: Instant,
}

impl NodeHost {
    pub(crate) fn new(
        id: String,
        home: String,
        run: u32,
        counters: Arc<Counters>,
        out: UnboundedSender<Outbound>,
        files: UnboundedSender<super::files::FileCall>,
        stdin: UnboundedSender<super::stdin::StdinCall>,
    ) -> Self {
        NodeHost {
            input: super::stdin::RemoteInput::new(id.clone(), home.clone(), run, stdin),
            id,
            home,
            run,
            counters,
            out,
            files,
            start: Instant::now(),
        }
    }
}

impl Host for NodeHost {
    fn write(&mut self, fd: i32, bytes: &[u8]) {
        let seq = self.counters.outputs.fetch_add(1, Ordering::SeqCst);
        let _ = self.out.send(Outbound::Home {
            id: self.id.clone(),
            home: self.home.clone(),
            run: self.run,
            what: Home::Output {
                seq,
                fd: if fd == 2 { 2 } else { 1 },
                bytes: bytes.to_vec(),
            },
        });
    }

    fn read(&mut self, buf: &mut [u8]) -> ReadResult {
        self.input.read(0, buf)
    }

    fn read_at(&mut self, consumed: u64, buf: &mut [u8]) -> ReadResult {
        self.input.read(consumed, buf)
    }

    fn input_ready(&mut self) -> bool {
        self.input.ready()
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

    fn fs(&mut self, op: phantom_vm::FsOp<'_>) -> phantom_vm::FsResult {
        let seq = self.counters.file_ops.fetch_add(1, Ordering::SeqCst);
        super::files::call(&self.files, &self.id, &self.home, self.run, seq, op)
    }

    fn processors(&self) -> u32 {
        std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Nothing;
    use phantom_vm::{ClassPath, Config};

    /// Waits for `state` a little while; false if the process never got there.
    fn reaches(handle: &ProcessHandle, state: RunState) -> bool {
        let until = Instant::now() + Duration::from_secs(10);
        while Instant::now() < until {
            if handle.state() == state {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    #[test]
    fn a_freeze_asked_while_frozen_nests_and_the_process_goes_on_after_the_last_resume() {
        // The class library's endless loop: it runs until it is dropped.
        let mut vm =
            Vm::new(ClassPath::default(), Box::new(Nothing), Config::default()).expect("a VM");
        vm.start_main("jdk.internal.phantom.Calibrate", &[])
            .expect("the loop starts");
        let (out, _routes) = tokio::sync::mpsc::unbounded_channel();
        let handle = ProcessHandle::spawn(
            "t-1".into(),
            "t".into(),
            1,
            vm,
            Counters::from(0, 0),
            out,
            Arc::new(Cores::new(1)),
        )
        .expect("a process thread");
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        // A checkpoint freezes it, and a migration asks before the checkpoint resumes it.
        let first = rt.block_on(handle.freeze()).expect("the first freeze");
        let second = rt.block_on(handle.freeze()).expect("a freeze while frozen");
        assert_eq!(
            first.checkpoint.executed, second.checkpoint.executed,
            "both captures are of the same instruction"
        );
        assert_eq!(handle.state(), RunState::Frozen);
        // The checkpoint ends its freeze: the migration's still holds it.
        handle.resume();
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(handle.state(), RunState::Frozen);
        assert_eq!(handle.executed(), first.checkpoint.executed);
        // The migration fails and ends its own: the process goes on.
        handle.resume();
        assert!(reaches(&handle, RunState::Running), "running again");
        let until = Instant::now() + Duration::from_secs(10);
        while handle.executed() == first.checkpoint.executed && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(handle.executed() > first.checkpoint.executed, "it ran on");
        handle.drop_process();
        assert!(reaches(&handle, RunState::Exited), "dropped");
    }
}
