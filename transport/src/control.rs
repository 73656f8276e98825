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
    },
    /// Node → the home node of a process: carry out an operation on the process's files,
    /// which are the home's. Answered with [`Reply::File`].
    File {
        /// The process.
        id: String,
        /// The operation.
        op: FileOp,
    },
    /// Node → the home node of a process: its output, as [`Home`] frames, from the node it runs
    /// on now. One stream per stay of the process on a node.
    Output {
        /// The process.
        id: String,
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
    },
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
}
