//! The cluster's requests besides migration itself: submitting a program, its output on the way
//! home, listing processes and asking for a move. Each request opens a bi-stream whose first
//! frame is a [`Request`]; what follows on the stream depends on it (see each variant).
//! Like the migration protocol, these messages know nothing of the VM: programs travel as class
//! files, checkpoints as bytes.

use serde::{Deserialize, Serialize};

/// Largest control frame a peer accepts: a submitted program's class files travel in one.
pub const MAX_CONTROL_FRAME: usize = 256 << 20;

/// Largest migration frame: a checkpoint chunk or one class file.
pub const MAX_MIGRATION_FRAME: usize = 64 << 20;

/// What follows a [`Request::CheckpointPieces`] on its stream, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckpointFrame {
    /// The next encoded piece.
    Piece(#[serde(with = "serde_bytes")] Vec<u8>),
    /// The checkpoint is whole: the job's counters at its last piece, and class files.
    End {
        /// Outputs the job had written before it.
        outputs: u64,
        /// Instructions it had executed.
        executed: u64,
        /// Bytes of standard input it had consumed.
        stdin_consumed: u64,
        /// File operations it had made.
        file_ops: u64,
        /// Class files (SHA-256, bytes) the sender has not sent this home before.
        classes: Vec<([u8; 32], serde_bytes::ByteBuf)>,
    },
}

/// A class file of a submitted program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassFile {
    /// Binary name, `pkg/Name`.
    pub name: String,
    /// The class file.
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// The first frame of every stream.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Client → node: run this program here. The node answers [`Reply::Accepted`] (or
    /// [`Reply::Error`]), then the stream carries the process's [`Reply::Output`] in order,
    /// wherever the process runs, and ends with [`Reply::Exited`]. The submitting client is the
    /// process's home; the node it submitted to relays for it. The client's side of the stream
    /// then carries the process's standard input as [`Input`] frames.
    Submit {
        /// The main class, dotted or slashed.
        main: String,
        /// The program's arguments.
        args: Vec<String>,
        /// Every class file of the program's class path.
        classes: Vec<ClassFile>,
        /// A label the balancer's rules can match.
        label: Option<String>,
        /// The directory the process's files are relative to and confined to, on the node
        /// submitted to (its home); none gives the process no files.
        #[serde(default)]
        cwd: Option<String>,
        /// The environment the client passes to the process (the node filters it).
        #[serde(default)]
        env: Vec<(String, String)>,
    },
    /// Node → the home node of a process: its standard input from byte `at` of the whole
    /// stream on (everything before `consumed` is consumed for good). The home answers [`Reply::Stdin`]
    /// once it has some, when the input has ended, or after a while with nothing.
    Stdin {
        /// The process.
        id: String,
        /// How much of its input the process has consumed: the home may forget it.
        consumed: u64,
        /// Offset in the process's input to send from (the asking node may hold bytes
        /// between `consumed` and `at` already).
        at: u64,
        /// The run of the job asking (see [`Request::Control`]): an older run is refused.
        #[serde(default)]
        run: u32,
    },
    /// Node → the home node of a process: carry out an operation on the process's files,
    /// which are the home's. Answered with [`Reply::File`].
    File {
        /// The process.
        id: String,
        /// The operation.
        op: FileOp,
        /// The run of the job asking: an older run is refused.
        #[serde(default)]
        run: u32,
        /// The operation's number over the job's life: a restarted run that repeats an
        /// operation the home has done already gets the same answer, and nothing is done again.
        #[serde(default)]
        seq: u64,
    },
    /// Node → the home node of a process: its output, as [`Home`] frames, from the node it runs
    /// on now. One stream per stay of the process on a node.
    Output {
        /// The process.
        id: String,
        /// The run of the job writing: the home refuses an older run's output.
        #[serde(default)]
        run: u32,
    },
    /// Node → node: a migration; the stream then carries `migration::Message` frames, starting
    /// with `Offer` (or `OutcomeQuery`, for a target in doubt).
    Migration,
    /// Anyone → node: the processes of the cluster (`cluster`), or of this node only. Answered
    /// with [`Reply::Processes`].
    Ps {
        /// Whether to ask every peer too.
        cluster: bool,
    },
    /// Node → node: this node's latest load report (the balancer's `HostLoad`, CBOR), for the
    /// peer's balancer. Nothing is answered.
    Load {
        /// The encoded report.
        #[serde(with = "serde_bytes")]
        report: Vec<u8>,
    },
    /// Node → node: would you take this process (the balancer's `Offer`, CBOR)? Answered with
    /// [`Reply::Verdict`]; the migration itself follows on another stream.
    Offer {
        /// The encoded offer.
        #[serde(with = "serde_bytes")]
        offer: Vec<u8>,
    },
    /// Client → node: follow a job: its output numbered `from` on (when `output`), where it
    /// moves, and its end. A node that is not the job's home forwards the request to it. The
    /// home answers [`Reply::Accepted`] (or [`Reply::Error`]), then the output stored so far,
    /// then, with `follow`, the rest as it comes and [`Reply::Ended`]; without `follow` the
    /// stream ends after what is stored (and [`Reply::Ended`] if the job has ended). With
    /// `input`, the client's side then carries the job's standard input as [`Input`] frames.
    Attach {
        /// The job.
        id: String,
        /// The first output number wanted.
        from: u64,
        /// Whether to send output at all (`phantom wait` wants only the end).
        output: bool,
        /// Whether to go on until the job ends.
        follow: bool,
        /// Whether the client sends standard input.
        input: bool,
    },
    /// Client → node: act on a job, at its home (forwarded there by any other node). Answered
    /// with [`Reply::Job`] or [`Reply::Error`].
    Job {
        /// The job.
        id: String,
        /// What to do.
        action: JobAction,
    },
    /// Home → the node running a job's run `run`: act on it there. Answered with
    /// [`Reply::Done`] or [`Reply::Error`].
    Control {
        /// The job.
        id: String,
        /// Its run the home knows of; a node running an older run drops it.
        run: u32,
        /// What to do (never `Status`).
        action: JobAction,
    },
    /// Node → home: a checkpoint of a job running on the sender. Answered with
    /// [`Reply::Done`], or [`Reply::Error`] for a run that is not the job's current one (the
    /// sender then drops its copy).
    Checkpoint {
        /// The job.
        id: String,
        /// The run that took it.
        run: u32,
        /// Outputs the job had written before it.
        outputs: u64,
        /// Instructions it had executed.
        executed: u64,
        /// Bytes of standard input it had consumed.
        stdin_consumed: u64,
        /// File operations it had made.
        #[serde(default)]
        file_ops: u64,
        /// The checkpoint document without class bytes.
        #[serde(with = "serde_bytes")]
        document: Vec<u8>,
        /// Class files (SHA-256, bytes) the sender has not sent this home before.
        classes: Vec<([u8; 32], serde_bytes::ByteBuf)>,
    },
    /// Node → home: an incremental checkpoint of a job running on the sender, as pre-copy
    /// pieces (docs/jobs.md, "Incremental checkpoints"). The request is followed on the stream
    /// by [`CheckpointFrame`]s: pieces, then `End`. A `base` starts a new chain, its pieces
    /// numbered from 0 (a base's pieces are sent as they are made, while the job runs);
    /// otherwise the pieces continue the chain the home holds for the job, from piece number
    /// `first`. Answered with [`Reply::Done`], or [`Reply::Error`] for a stale run or a delta
    /// whose chain the home does not hold (the sender then sends a base next).
    CheckpointPieces {
        /// The job.
        id: String,
        /// The run that took it.
        run: u32,
        /// The pre-copy session the pieces belong to.
        #[serde(with = "serde_bytes")]
        session: Vec<u8>,
        /// Whether the pieces start the session.
        base: bool,
        /// The number of the first piece within the session.
        first: u64,
    },
    /// Home → node: the home's jobs it believes run on the receiver, each with its run and
    /// how many of its outputs the home holds (the receiver may forget those). Answered with
    /// [`Reply::Processes`]: those of them the receiver runs. This is the home's heartbeat.
    Watch {
        /// (job, run, outputs held).
        jobs: Vec<(String, u32, u64)>,
    },
    /// Client → node: stop the node named `node` gracefully (as SIGTERM does): it moves its
    /// jobs to peers, or checkpoints them home, then exits. Any node passes the request on.
    /// Answered with [`Reply::Done`] once that node has handed everything on.
    Drain {
        /// The node to stop.
        node: String,
    },
    /// Node → home: run `run` of a job stops on the sender (it is being drained and no peer
    /// took the job); restart it from its last checkpoint. Answered with [`Reply::Done`].
    Abandon {
        /// The job.
        id: String,
        /// The run that stops.
        run: u32,
    },
    /// Anyone → node: this node, and with `cluster` every peer, as [`Reply::Nodes`].
    Nodes {
        /// Whether to ask every peer too.
        cluster: bool,
    },
    /// Node → peer (for its status page): the peer's feed events numbered above `after`, as
    /// [`Reply::Events`].
    Events {
        /// The last event number the asker has of this peer (0 for all it keeps).
        after: u64,
        /// Which life of the peer that number is from ([`FeedEvent::started_ms`]); the peer
        /// answers all it keeps when it is not its current one.
        started_ms: i64,
    },
    /// Client → node: move a process to the node named `to`. The node that runs it does it;
    /// another node forwards the request to its peers. Answered with [`Reply::Migrated`] or
    /// [`Reply::Error`].
    Migrate {
        /// The process.
        id: String,
        /// The target node's name.
        to: String,
        /// Whether the receiver may forward the request to its peers (false on a forwarded one).
        forward: bool,
        /// Whether to send [`Reply::Progress`] frames while the checkpoint travels.
        #[serde(default)]
        progress: bool,
    },
}

/// Frames a node sends back on a request's stream.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// The program was accepted as process `id`.
    Accepted {
        /// The process's global id: it never changes when the process moves.
        id: String,
    },
    /// Bytes the process wrote, in order.
    Output {
        /// 1 for stdout, 2 for stderr.
        fd: u8,
        /// What was written.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// The process ended with this exit status; nothing follows.
    Exited {
        /// The exit status.
        status: i32,
    },
    /// Where a process runs now, sent to its home client when it moves.
    Moved {
        /// The node it runs on.
        node: String,
        /// That node's architecture.
        arch: String,
    },
    /// The request failed.
    Error {
        /// What went wrong, in a sentence.
        message: String,
    },
    /// The processes asked for.
    Processes(Vec<ProcessInfo>),
    /// The cluster's jobs, and the nodes that did not answer in time.
    Listing {
        /// Jobs running and recently ended.
        processes: Vec<ProcessInfo>,
        /// Nodes that did not answer.
        unreachable: Vec<String>,
    },
    /// A job's state.
    Job(JobInfo),
    /// The request was carried out.
    Done,
    /// The job ended: nothing follows.
    Ended {
        /// Its exit status (137 when killed, like a process killed by SIGKILL).
        status: i32,
        /// `exited`, `killed`, `failed to start: …` or `lost: …`.
        reason: String,
    },
    /// The cluster's nodes.
    Nodes(Vec<NodeInfo>),
    /// A node's recent feed events, oldest first.
    Events(Vec<FeedEvent>),
    /// How much of a migration's checkpoint has been sent, before its final reply.
    Progress {
        /// Bytes sent.
        sent: u64,
        /// Bytes in all.
        total: u64,
    },
    /// News for the people attached to a job (its host failed and it restarts), which the
    /// client prints on stderr.
    Notice {
        /// One sentence.
        message: String,
    },
    /// A target's answer to an offer.
    Verdict {
        /// Whether it takes the process.
        accepted: bool,
        /// Why not, when it does not.
        reason: String,
    },
    /// Standard input from the asked offset (possibly none yet), and whether it ends there.
    Stdin {
        /// The bytes.
        #[serde(with = "serde_bytes")]
        data: Vec<u8>,
        /// Whether the input ends after them.
        end: bool,
    },
    /// The answer to [`Request::File`]: what was done, or the failure as a negated errno.
    File(Result<FileDone, i32>),
    /// A migration finished.
    Migrated {
        /// The node it left.
        from: String,
        /// The node it runs on now.
        to: String,
        /// How long the process was frozen, from the capture request until the target had
        /// restored it and the source had committed, in microseconds.
        frozen_micros: u64,
        /// Size of the checkpoint document, without class bytes.
        checkpoint_bytes: u64,
        /// Class bytes sent (only the classes the target lacked).
        class_bytes: u64,
        /// Rounds of pre-copy sent while the process ran, before the frozen one (0: it moved
        /// the classic way, and `checkpoint_bytes` is its checkpoint; with pre-copy,
        /// `checkpoint_bytes` is what was sent frozen).
        #[serde(default)]
        precopy_rounds: u32,
        /// Bytes sent by those rounds.
        #[serde(default)]
        precopy_bytes: u64,
    },
}

/// Frames a client sends after [`Request::Submit`]: its standard input, for the process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    /// The next bytes.
    Data(#[serde(with = "serde_bytes")] Vec<u8>),
    /// The input has ended (so has it when the client finishes its side of the stream).
    End,
}

/// An operation on a process's files, with paths as the process names them (absolute).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileOp {
    /// Check, create or truncate a file as the open flags say; answers its size.
    Open {
        /// Path.
        path: String,
        /// Open flags of the VM.
        flags: u32,
    },
    /// Read up to `len` bytes at `at`.
    Read {
        /// Path.
        path: String,
        /// Offset.
        at: u64,
        /// Most bytes (the home caps it).
        len: u32,
    },
    /// Write at `at`, or at the end; answers the offset after the bytes.
    Write {
        /// Path.
        path: String,
        /// Offset, or the end.
        at: Option<u64>,
        /// The bytes.
        #[serde(with = "serde_bytes")]
        data: Vec<u8>,
    },
    /// Set a file's length.
    SetLength {
        /// Path.
        path: String,
        /// Length.
        len: u64,
    },
    /// What a path names.
    Stat {
        /// Path.
        path: String,
    },
    /// The names in a directory.
    List {
        /// Path.
        path: String,
    },
    /// Delete a file or an empty directory.
    Delete {
        /// Path.
        path: String,
    },
    /// Rename.
    Rename {
        /// Old path.
        from: String,
        /// New path.
        to: String,
        /// Replace an existing file.
        replace: bool,
    },
    /// Create a directory.
    Mkdir {
        /// Path.
        path: String,
    },
    /// Set a modification time.
    SetModified {
        /// Path.
        path: String,
        /// Milliseconds since the Unix epoch.
        millis: i64,
    },
}

/// The home's answer to a [`FileOp`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileDone {
    /// Done, nothing to say.
    Unit,
    /// A size or offset.
    Size(u64),
    /// Bytes read.
    Bytes(#[serde(with = "serde_bytes")] Vec<u8>),
    /// Metadata: kind (1 file, 2 directory, 3 other), size, modification time in
    /// milliseconds, access bits (4 read, 2 write, 1 execute).
    Stat {
        /// Kind.
        kind: u8,
        /// Size.
        size: u64,
        /// Modification time.
        modified: i64,
        /// Access bits.
        access: u8,
    },
    /// Names in a directory.
    Names(Vec<String>),
}

/// Frames on a [`Request::Output`] stream, from the node running a process to its home node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Home {
    /// Output number `seq` of the process (numbered from 0 over its whole life, across moves,
    /// so that the home puts writes from different nodes back in order).
    Output {
        /// Sequence number.
        seq: u64,
        /// 1 for stdout, 2 for stderr.
        fd: u8,
        /// What was written.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// The process runs on this node now.
    Arrived {
        /// The node.
        node: String,
        /// Its architecture.
        arch: String,
    },
    /// The process ended after `outputs` outputs in all.
    Exited {
        /// Exit status.
        status: i32,
        /// How many outputs it wrote over its life.
        outputs: u64,
        /// Instructions it executed over its life (0 when not known).
        #[serde(default)]
        executed: u64,
    },
}

/// What a client can do to a job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobAction {
    /// Report its state.
    Status,
    /// End it (exit status 137).
    Kill,
    /// Freeze it where it runs until released.
    Hold,
    /// Let a held job go on.
    Release,
    /// Checkpoint it home now.
    Checkpoint,
}

/// A job as its home knows it (`phantom status`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobInfo {
    /// Global id.
    pub id: String,
    /// Main class.
    pub main: String,
    /// `running`, `held` or `ended`.
    pub state: String,
    /// The node it was submitted to.
    pub home: String,
    /// The node it runs on (or last ran on).
    pub node: String,
    /// That node's architecture.
    pub arch: String,
    /// Completed migrations.
    pub migrations: u32,
    /// Restarts after host failures.
    pub restarts: u32,
    /// Instructions executed, as last known.
    pub executed: u64,
    /// Outputs delivered home.
    pub outputs: u64,
    /// Submission time, ms since the Unix epoch.
    pub submitted_ms: i64,
    /// End time.
    pub ended_ms: Option<i64>,
    /// Exit status, once ended.
    pub exit: Option<i32>,
    /// Why it ended.
    pub reason: Option<String>,
    /// The last checkpoint: outputs and instructions before it, and its time (ms).
    pub checkpoint: Option<(u64, u64, i64)>,
}

/// A node, as `phantom nodes` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeInfo {
    /// Its name.
    pub name: String,
    /// Whether it answered.
    pub reachable: bool,
    /// Its architecture.
    pub arch: String,
    /// Its labels.
    pub labels: Vec<String>,
    /// Cores for processes.
    pub cores: u32,
    /// Measured speed in bytecodes per second (0 when it measures none).
    pub speed: u64,
    /// Whole-host CPU use in percent, as its balancer samples it (none without a balancer).
    pub cpu_percent: Option<u32>,
    /// Processes it runs.
    pub processes: u32,
    /// Jobs it is home to that have not ended.
    pub jobs: u32,
}

/// One process, as `phantom ps` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessInfo {
    /// Global id.
    pub id: String,
    /// Main class.
    pub main: String,
    /// The node it runs on.
    pub node: String,
    /// That node's architecture.
    pub arch: String,
    /// `running`, `idle`, `frozen`, `migrating`.
    pub state: String,
    /// Bytecode instructions executed so far, over all its threads and hosts.
    pub executed: u64,
    /// How many times it moved.
    pub migrations: u32,
    /// Its home node.
    #[serde(default)]
    pub home: String,
    /// Its exit status, for a job that ended.
    #[serde(default)]
    pub exit: Option<i32>,
    /// Outputs it wrote (for one that ended on a node that is not its home).
    #[serde(default)]
    pub outputs: u64,
    /// Milliseconds since it was submitted (for one that ended: how long it lived).
    #[serde(default)]
    pub age_ms: u64,
}

/// Something that happened on a node, for the status page's live feed: a migration, a
/// balancer decision or refusal, a job submitted, restarted or ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedEvent {
    /// The node it happened on.
    pub node: String,
    /// Its number on that node, from 1, one more for each event (restarting at 1 when the node
    /// restarts; `started_ms` tells which life of the node it is from).
    pub seq: u64,
    /// When that node started, ms since the Unix epoch.
    pub started_ms: i64,
    /// When it happened, ms since the Unix epoch.
    pub at_ms: i64,
    /// `migration`, `arrival`, `decision`, `refusal`, `submit`, `restart`, `end` or `failure`.
    pub kind: String,
    /// The job it is about, if any.
    pub job: Option<String>,
    /// What happened and why, in a sentence.
    pub text: String,
}
