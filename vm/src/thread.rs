//! Green threads as plain data: a list of frames (method, pc, where its locals and operand
//! stack start) over one slot array per thread, and a state the scheduler reads. Nothing about
//! a thread lives on the Rust stack, so any thread can be captured between two instructions.

use crate::class::MethodId;
use crate::descriptor::Kind;
use crate::heap::ClassId;
use crate::value::{Ref, Value};

/// What happens when a frame returns, beyond handing its result to the caller.
///
/// Its layout is fixed (`Normal` is eight zero bytes) because compiled code writes frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, u32)]
pub enum FrameKind {
    /// An ordinary call.
    Normal,
    /// A class's `<clinit>`: on return the class is initialized; if it throws, it is erroneous.
    Clinit(ClassId),
    /// A call whose result is dropped and that ends the thread when it returns (the thread's
    /// uncaught-exception report).
    Final,
    /// A method handle call (`MethodHandle.invokeFromSite`): its boxed result is unboxed to the
    /// call site's return kind for the caller.
    Unbox(Kind),
}

/// One activation. Its layout is fixed because compiled code writes frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Frame {
    /// The method.
    pub method: MethodId,
    /// For the running frame, the index of the instruction to execute; for a caller, the index
    /// of the instruction after its call.
    pub pc: u32,
    /// Index of local 0 in the thread's slots.
    pub base: u32,
    /// Index one past the top of the operand stack in the thread's slots.
    pub sp: u32,
    /// What its return means.
    pub kind: FrameKind,
    /// The monitor a synchronized method holds, or 0.
    pub sync: Ref,
}

/// Why a thread is not running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadState {
    /// Ready to run.
    Runnable,
    /// In `Thread.sleep` until a time (nanoseconds of the VM clock).
    Sleeping {
        /// Wake-up time.
        until: i64,
    },
    /// In `Object.wait` on an object, optionally with a deadline; `count` is the monitor
    /// recursion to restore once notified and the monitor is free again.
    Waiting {
        /// The object waited on.
        on: Ref,
        /// Deadline, if timed.
        until: Option<i64>,
        /// Recursion count to restore.
        count: u32,
    },
    /// Wants a monitor another thread holds; re-executes its `monitorenter` (or call) when free.
    /// After a `wait`, `count` is the recursion to restore.
    Blocked {
        /// The object whose monitor it wants.
        on: Ref,
        /// Recursion count to take the monitor with (0: re-execute the instruction instead).
        count: u32,
        /// After a `wait`: whether a `notify` ended it (rather than a timeout or an
        /// interrupt). A notified thread returns normally even if interrupted since, as
        /// JLS 17.2.4 requires; the others throw `InterruptedException` if interrupted.
        notified: bool,
    },
    /// Waiting for another thread to finish initializing a class.
    InitWait(ClassId),
    /// Waiting for standard input.
    Reading,
    /// Finished.
    Terminated,
}

/// A Java thread.
#[derive(Debug, Clone)]
pub struct Thread {
    /// Its `java.lang.Thread` object.
    pub obj: Ref,
    /// Frames, innermost last.
    pub frames: Vec<Frame>,
    /// Locals and operand stacks of all frames.
    pub slots: Vec<Value>,
    /// Scheduling state.
    pub state: ThreadState,
    /// Interrupt flag.
    pub interrupted: bool,
    /// Whether it is a daemon thread (the process does not wait for it).
    pub daemon: bool,
    /// Whether it ended by an uncaught exception.
    pub died_by_exception: bool,
}

impl Thread {
    /// A thread with no frames yet.
    pub fn new(obj: Ref) -> Thread {
        Thread {
            obj,
            frames: Vec::new(),
            slots: Vec::new(),
            state: ThreadState::Runnable,
            interrupted: false,
            daemon: false,
            died_by_exception: false,
        }
    }

    /// The innermost frame.
    pub fn top(&self) -> Option<&Frame> {
        self.frames.last()
    }

    /// Whether the thread is alive.
    pub fn is_alive(&self) -> bool {
        self.state != ThreadState::Terminated
    }
}
