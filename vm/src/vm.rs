//! The VM of one process: its program and runtime, the host it talks to, the green-thread
//! scheduler, and the outer loop that completes what the inner loop hands back.

use crate::class::{LoadError, Program};
use crate::classpath::ClassPath;
use crate::files::{FsError, FsOp, FsResult};
use crate::heap::Data;
use crate::interp::{self, Exit};
use crate::jit::{Jit, JitConfig};
use crate::runtime::{Init, Raise, Runtime};
use crate::thread::{Thread, ThreadState};
use crate::value::{Ref, Value};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use thiserror::Error;

/// What the VM needs from the host: its output streams, its input, and time. The VM never
/// reads a clock or touches a file descriptor itself. A host moves with its VM between threads
/// (a daemon runs each process on a thread of its own), so it is `Send`.
pub trait Host: Send {
    /// Writes bytes to the process's stdout (`fd` 1) or stderr (`fd` 2).
    fn write(&mut self, fd: i32, bytes: &[u8]);
    /// Reads from the process's stdin into `buf`.
    fn read(&mut self, buf: &mut [u8]) -> ReadResult;
    /// Reads stdin knowing how many of its bytes the process has consumed over its whole
    /// life (a number its checkpoints keep): a host whose input lives elsewhere asks for the
    /// bytes from there on, so none is lost or repeated when the process moves. Local hosts
    /// read their stream as it comes.
    fn read_at(&mut self, consumed: u64, buf: &mut [u8]) -> ReadResult {
        let _ = consumed;
        self.read(buf)
    }
    /// Monotonic time in nanoseconds.
    fn nanos(&self) -> i64;
    /// Wall-clock time in milliseconds since the Unix epoch.
    fn millis(&self) -> i64;
    /// Carries out an operation on the process's files (see [`crate::files`]). A host without
    /// files refuses every operation.
    fn fs(&mut self, op: FsOp<'_>) -> FsResult {
        let _ = op;
        Err(FsError::Denied)
    }
    /// Whether a read of stdin would not answer [`ReadResult::Pending`] now: a thread blocked
    /// reading is woken only then, so a process whose threads all wait for input is idle.
    fn input_ready(&mut self) -> bool {
        true
    }
    /// How many processors `Runtime.availableProcessors` reports.
    fn processors(&self) -> u32 {
        1
    }
}

/// The result of reading standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadResult {
    /// This many bytes were read.
    Data(usize),
    /// End of input.
    Eof,
    /// Nothing yet; the reading thread waits.
    Pending,
}

/// Settings of a VM.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest live heap in bytes.
    pub max_heap: usize,
    /// Instructions a thread runs before the scheduler switches to the next runnable one.
    pub quantum: u64,
    /// The compiler: whether hot methods are compiled, and when.
    pub jit: JitConfig,
    /// System properties set on the command line (`-D`), over the defaults; a later one wins.
    pub properties: Vec<(String, String)>,
    /// Which classes run their assertions (`-ea` and its kin).
    pub assertions: crate::assertions::Assertions,
    /// The environment `System.getenv` shows, in order.
    pub env: Vec<(String, String)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_heap: 2 << 30,
            quantum: 10_000,
            jit: JitConfig::default(),
            properties: Vec::new(),
            assertions: crate::assertions::Assertions::default(),
            env: Vec::new(),
        }
    }
}

/// Where a process stands after [`Vm::run`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The instruction budget is used up; more remains to run.
    Running,
    /// Every runnable thread is waiting for time (until the given VM nanosecond time, if any
    /// thread has a deadline) or for input.
    Idle {
        /// Earliest deadline of a sleeping or timed-waiting thread.
        until: Option<i64>,
    },
    /// The process ended with this exit status.
    Exited(i32),
}

/// The VM could not start the program.
#[derive(Debug, Error)]
pub enum BootError {
    /// A class could not be loaded.
    #[error("{0}")]
    Load(#[from] LoadError),
    /// The main class has no public `main(String[])` (`java`'s launcher looks it up with
    /// `Class.getMethod`, so it may be inherited from a superclass).
    #[error(
        "Error: Main method not found in class {0}, please define the main method as:\n   public static void main(String[] args)\nor a JavaFX application class must extend javafx.application.Application"
    )]
    NoMain(String),
    /// The `main(String[])` found is not static (named by its declaring class, as `java`
    /// names it).
    #[error(
        "Error: Main method is not static in class {0}, please define the main method as:\n   public static void main(String[] args)"
    )]
    MainNotStatic(String),
    /// The `main(String[])` found does not return `void` (named by its declaring class).
    #[error(
        "Error: Main method must return a value of type void in class {0}, please \ndefine the main method as:\n   public static void main(String[] args)"
    )]
    MainNotVoid(String),
    /// The class library lacks something the VM relies on.
    #[error("phantom's class library is missing {0}")]
    Library(String),
    /// The heap is too small to start.
    #[error("the heap is too small to start the VM")]
    OutOfMemory,
    /// The main thread's first frame (the launcher's) does not fit a thread's stack.
    #[error(
        "Exception in thread \"main\" java.lang.StackOverflowError: the frame of {0}.main is larger than a thread's stack"
    )]
    FrameTooLarge(String),
}

/// A process.
pub struct Vm {
    /// Its classes and methods.
    pub prog: Program,
    /// Its mutable state.
    pub rt: Runtime,
    pub(crate) host: Box<dyn Host>,
    /// Added to the host's clock: a restored process's clock goes on from its value at the
    /// capture (`System.nanoTime` never goes back across a move).
    pub(crate) clock_offset: i64,
    pub(crate) config: Config,
    /// Compiled code: a cache of the program's hot methods, never part of the state.
    pub(crate) jit: Jit,
    pub(crate) exit_status: Option<i32>,
    pub(crate) interrupt: Interrupter,
    /// Objects a VM operation holds only in Rust while it allocates more (the outer arrays
    /// of a `multianewarray` in progress): roots for a collection in the middle. Empty
    /// between instructions, so never part of a capture.
    pub(crate) pinned: Vec<Ref>,
    /// The native method the current thread is running, while it runs and while what it
    /// raises is thrown: stack traces show it on top, as HotSpot shows a native's frame.
    /// Never set between instructions, so never part of the state.
    pub(crate) in_native: Option<crate::class::MethodId>,
}

/// Asks a running [`Vm`] to stop early, from any thread: [`Vm::run`] then returns
/// [`Status::Running`] at its next quantum boundary. Stopping there never changes which
/// thread runs which instruction, so an interrupted process stays deterministic.
#[derive(Debug, Clone, Default)]
pub struct Interrupter(Arc<AtomicBool>);

impl Interrupter {
    /// Requests the stop; a request made while the VM is not running ends its next `run`
    /// at once.
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Release);
    }

    fn take(&self) -> bool {
        self.0.swap(false, Ordering::Acquire)
    }
}

// A process is plain data: it can move to another thread between slices.
const _: fn() = || {
    fn is_send<T: Send>() {}
    is_send::<Vm>();
};

impl std::fmt::Debug for Vm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vm")
            .field("classes", &self.prog.classes.len())
            .field("threads", &self.rt.threads.len())
            .field("executed", &self.rt.executed)
            .finish()
    }
}

impl Vm {
    /// A VM over a class path, with the class library's core classes loaded.
    pub fn new(
        class_path: ClassPath,
        host: Box<dyn Host>,
        config: Config,
    ) -> Result<Vm, BootError> {
        let mut vm = Vm {
            prog: Program::booted(class_path)?,
            rt: Runtime::new(config.max_heap),
            host,
            clock_offset: 0,
            jit: Jit::new(config.jit),
            config,
            exit_status: None,
            interrupt: Interrupter::default(),
            pinned: Vec::new(),
            in_native: None,
        };
        vm.boot()?;
        Ok(vm)
    }

    pub(crate) fn boot(&mut self) -> Result<(), BootError> {
        let load = |vm: &mut Vm, name: &str| -> Result<u32, BootError> {
            let id = vm.prog.load(name)?;
            vm.rt.sync_classes(&vm.prog);
            Ok(id)
        };
        let object = load(self, "java/lang/Object")?;
        for i in ["java/lang/Cloneable", "java/io/Serializable"] {
            load(self, i)?;
        }
        let string = load(self, "java/lang/String")?;
        let class = load(self, "java/lang/Class")?;
        let thread = load(self, "java/lang/Thread")?;
        let throwable = load(self, "java/lang/Throwable")?;
        let char_array = load(self, "[C")?;
        let string_array = load(self, "[Ljava/lang/String;")?;
        let object_array = load(self, "[Ljava/lang/Object;")?;
        let mut prim_arrays = [0; 8];
        for (i, name) in ["[Z", "[C", "[F", "[D", "[B", "[S", "[I", "[J"]
            .iter()
            .enumerate()
        {
            prim_arrays[i] = load(self, name)?;
        }
        let slot = |vm: &Vm, class: u32, name: &str, desc: &str| -> Result<usize, BootError> {
            vm.prog
                .class(class)
                .field(name, desc)
                .filter(|f| !f.is_static())
                .map(|f| f.slot as usize)
                .ok_or_else(|| {
                    BootError::Library(format!(
                        "field {name} {desc} of class {}",
                        vm.prog.class(class).name
                    ))
                })
        };
        let k = &mut self.rt.known;
        k.object = object;
        k.string = string;
        k.class = class;
        k.thread = thread;
        k.throwable = throwable;
        k.char_array = char_array;
        k.string_array = string_array;
        k.object_array = object_array;
        k.prim_arrays = prim_arrays;
        let string_value = slot(self, string, "value", "[C")?;
        let string_hash = slot(self, string, "hash", "I")?;
        let throwable_message = slot(self, throwable, "detailMessage", "Ljava/lang/String;")?;
        let throwable_cause = slot(self, throwable, "cause", "Ljava/lang/Throwable;")?;
        let throwable_trace = slot(
            self,
            throwable,
            "stackTrace",
            "[Ljava/lang/StackTraceElement;",
        )?;
        let template = self.prog.class(string).zeroed_fields();
        let k = &mut self.rt.known;
        k.string_value = string_value;
        k.string_hash = string_hash;
        k.throwable_message = throwable_message;
        k.throwable_cause = throwable_cause;
        k.throwable_trace = throwable_trace;
        k.string_template = template.into_vec();
        Ok(())
    }

    /// Starts the program: checks `main` as `java`'s launcher does, then creates the main
    /// thread. Its first frame is the launcher's (`jdk.internal.phantom.Launcher.run`, hidden
    /// from stack traces), which initializes the main class and then calls `main`, so an
    /// exception in the static initializer is reported as HotSpot reports it, with no frame
    /// of `main` (`Exception in thread "main" java.lang.ExceptionInInitializerError`).
    pub fn start_main(&mut self, main_class: &str, args: &[String]) -> Result<(), BootError> {
        let binary = main_class.replace('.', "/");
        let class = self.prog.load(&binary).map_err(|e| match e {
            LoadError::NoClassDefFound(_) => LoadError::NoClassDefFound(binary.clone()),
            other => other,
        })?;
        self.rt.sync_classes(&self.prog);
        let main = self
            .main_method(class)
            .ok_or_else(|| BootError::NoMain(main_class.replace('/', ".")))?;
        let m = self.prog.method(main);
        let declaring = self.prog.class(m.class).java_name();
        if !m.is_static() {
            return Err(BootError::MainNotStatic(declaring));
        }
        if &*m.sig.ret_desc != "V" {
            return Err(BootError::MainNotVoid(declaring));
        }
        // Decode main's code now, so that a malformed method is reported as such.
        self.prog.code(main).map_err(LoadError::Format)?;
        let launcher = self.prog.load("jdk/internal/phantom/Launcher")?;
        self.rt.sync_classes(&self.prog);
        let run = self
            .prog
            .resolve_method(launcher, "run", "(Ljava/lang/Class;[Ljava/lang/String;)V")
            .ok_or_else(|| BootError::Library("jdk.internal.phantom.Launcher.run".into()))?;
        self.prog.code(run).map_err(LoadError::Format)?;
        // The launcher's class has no static initializer.
        self.rt.init[launcher as usize] = Init::Done;
        let oom = |_| BootError::OutOfMemory;
        let mirror = self.mirror(class).map_err(|_| BootError::OutOfMemory)?;
        let thread_obj = self.new_thread_object("main", 1).map_err(oom)?;
        let mut array = Vec::with_capacity(args.len());
        for a in args {
            array.push(self.rt.new_string(a).map_err(oom)?);
        }
        let args_array = self
            .rt
            .heap
            .alloc(self.rt.known.string_array, Data::Refs(array.into()))
            .map_err(oom)?;
        let mut t = Thread::new(thread_obj);
        t.slots = vec![Value::Top; 64];
        t.slots[0] = Value::Ref(mirror);
        t.slots[1] = Value::Ref(args_array);
        self.rt.threads.push(t);
        self.rt.current = self.rt.threads.len() - 1;
        let tid = self.rt.current;
        let thread = &mut self.rt.threads[tid];
        if !interp::push_frame(
            &self.prog,
            &mut thread.frames,
            &mut thread.slots,
            run,
            0,
            2,
            crate::thread::FrameKind::Normal,
        ) {
            return Err(BootError::FrameTooLarge(main_class.replace('/', ".")));
        }
        Ok(())
    }

    /// The `main(String[])` `java`'s launcher would call in a class, found as
    /// `Class.getMethod("main", String[].class)` finds it: a public method declared by the
    /// class, else by its superclasses (static ones too), else a public instance method of its
    /// superinterfaces; whatever its return type, static or not (the caller checks).
    pub(crate) fn main_method(
        &self,
        class: crate::heap::ClassId,
    ) -> Option<crate::class::MethodId> {
        let is_main = |c: crate::heap::ClassId, statics: bool| {
            self.prog.class(c).methods.iter().copied().find(|&m| {
                let m = self.prog.method(m);
                &*m.name == "main"
                    && m.desc.starts_with("([Ljava/lang/String;)")
                    && m.access & crate::classfile::acc::PUBLIC != 0
                    && (statics || !m.is_static())
            })
        };
        let mut c = Some(class);
        while let Some(k) = c {
            if let Some(m) = is_main(k, true) {
                return Some(m);
            }
            c = self.prog.class(k).super_class;
        }
        self.prog
            .class(class)
            .all_interfaces
            .iter()
            .find_map(|&i| is_main(i, false))
    }

    /// Allocates a `java.lang.Thread` object for a VM-created thread, without running Java.
    fn new_thread_object(&mut self, name: &str, tid: i64) -> Result<Ref, crate::heap::OutOfMemory> {
        let class = self.rt.known.thread;
        let fields: Box<[Value]> = self.prog.class(class).zeroed_fields();
        let obj = self.rt.heap.alloc(class, Data::Fields(fields))?;
        let name_ref = self.rt.new_string(name)?;
        let set = |vm: &mut Vm, fname: &str, desc: &str, v: Value| {
            if let Some(f) = vm
                .prog
                .class(class)
                .field(fname, desc)
                .filter(|f| !f.is_static())
            {
                let slot = f.slot as usize;
                vm.rt.set_field(obj, slot, v);
            }
        };
        set(self, "name", "Ljava/lang/String;", Value::Ref(name_ref));
        set(self, "tid", "J", Value::Long(tid));
        set(self, "priority", "I", Value::Int(5));
        set(self, "alive", "Z", Value::Int(1));
        Ok(obj)
    }

    /// Runs the process for at most `budget` instructions.
    pub fn run(&mut self, budget: u64) -> Status {
        let mut remaining = budget;
        loop {
            if let Some(code) = self.exit_status {
                return Status::Exited(code);
            }
            if remaining == 0 || self.interrupt.take() {
                return Status::Running;
            }
            match self.schedule() {
                Some(t) => self.rt.current = t,
                None => {
                    if self.rt.threads.iter().all(|t| !t.is_alive() || t.daemon) {
                        let main_failed =
                            self.rt.threads.first().is_some_and(|t| t.died_by_exception);
                        let code = if main_failed { 1 } else { 0 };
                        if self.start_shutdown_hooks(code) {
                            continue;
                        }
                        self.exit_status = Some(code);
                        return Status::Exited(code);
                    }
                    return Status::Idle {
                        until: self.earliest_deadline(),
                    };
                }
            }
            // The quantum belongs to the process, not to this call: however the caller slices
            // its budget, threads switch at the same instructions.
            if self.rt.quantum_left == 0 {
                self.rt.quantum_left = self.config.quantum;
            }
            let mut slice = remaining.min(self.rt.quantum_left);
            let before = slice;
            let exit = interp::run(&self.prog, &mut self.rt, &mut self.jit, &mut slice);
            let used = before - slice;
            self.rt.executed += used;
            self.rt.quantum_left -= used;
            remaining -= used;
            self.handle(exit);
        }
    }

    /// A handle that stops [`Vm::run`] early from another thread.
    pub fn interrupter(&self) -> Interrupter {
        self.interrupt.clone()
    }

    /// The process's monotonic clock (`System.nanoTime`), in the nanoseconds [`Status::Idle`]
    /// deadlines use: the host's, shifted so that it goes on across captures and restores.
    pub fn now(&self) -> i64 {
        self.host.nanos().saturating_add(self.clock_offset)
    }

    /// Starts or stops keeping the heap's dirty record (vm/src/heap.rs): in the heap's own
    /// API ([`crate::heap::Heap::set_tracking`]) and in compiled code
    /// ([`crate::jit::Jit::set_barriers`]). A consumer of the marks (pre-copy, incremental
    /// checkpoints, `--dirty-audit-every`) turns it on first.
    pub fn track_dirty(&mut self, on: bool) {
        self.rt.heap.set_tracking(on);
        self.jit.set_barriers(on);
    }

    /// What the compiler has done in this process.
    pub fn jit_stats(&self) -> crate::jit::JitStats {
        self.jit.stats()
    }

    /// Instructions executed so far over all threads.
    pub fn executed(&self) -> u64 {
        self.rt.executed
    }

    fn earliest_deadline(&self) -> Option<i64> {
        self.rt
            .threads
            .iter()
            .filter_map(|t| match t.state {
                ThreadState::Sleeping { until } => Some(until),
                ThreadState::Waiting { until, .. } => until,
                _ => None,
            })
            .min()
    }

    /// Picks the next thread to run, round-robin after the current one, waking threads whose
    /// wait is over. Deterministic for a given sequence of clock readings.
    fn schedule(&mut self) -> Option<usize> {
        let n = self.rt.threads.len();
        if n == 0 {
            return None;
        }
        let now = self.now();
        let start = self.rt.current;
        // The current thread keeps running until its quantum ends or it blocks; a thread that
        // used its quantum goes to the back because `run` advances `current` below.
        for k in 0..n {
            let t = (start + k) % n;
            if self.try_wake(t, now) {
                return Some(t);
            }
        }
        None
    }

    /// Whether thread `t` can run now, completing a wait that is over.
    fn try_wake(&mut self, t: usize, now: i64) -> bool {
        let state = self.rt.threads[t].state;
        match state {
            ThreadState::Runnable => true,
            ThreadState::Terminated => false,
            ThreadState::Sleeping { until } => {
                if now >= until || self.rt.threads[t].interrupted {
                    self.rt.threads[t].state = ThreadState::Runnable;
                    if self.rt.threads[t].interrupted {
                        self.rt.threads[t].interrupted = false;
                        self.raise_at_call(
                            t,
                            Raise::new(
                                "java/lang/InterruptedException",
                                Some("sleep interrupted".into()),
                            ),
                        );
                    }
                    true
                } else {
                    false
                }
            }
            ThreadState::Waiting { on, until, count } => {
                let timed_out = until.is_some_and(|u| now >= u);
                if timed_out || self.rt.threads[t].interrupted {
                    self.rt.threads[t].state = ThreadState::Blocked {
                        on,
                        count,
                        notified: false,
                    };
                    self.try_wake(t, now)
                } else {
                    false
                }
            }
            ThreadState::Blocked {
                on,
                count,
                notified,
            } => {
                if self.rt.monitors.contains_key(&on) {
                    return false;
                }
                if count > 0 {
                    self.rt.monitors.insert(
                        on,
                        crate::runtime::Monitor {
                            owner: t as u32,
                            count,
                        },
                    );
                    self.rt.threads[t].state = ThreadState::Runnable;
                    if self.rt.threads[t].interrupted && !notified {
                        self.rt.threads[t].interrupted = false;
                        self.raise_at_call(t, Raise::new("java/lang/InterruptedException", None));
                    }
                } else {
                    self.rt.threads[t].state = ThreadState::Runnable;
                }
                true
            }
            ThreadState::InitWait(c) => {
                if matches!(self.rt.init[c as usize], Init::Running(_)) {
                    false
                } else {
                    self.rt.threads[t].state = ThreadState::Runnable;
                    true
                }
            }
            ThreadState::Reading => {
                // The read runs again once the host has input (or its end) for it.
                if self.host.input_ready() {
                    self.rt.threads[t].state = ThreadState::Runnable;
                    true
                } else {
                    false
                }
            }
        }
    }

    fn handle(&mut self, exit: Exit) {
        match exit {
            Exit::Budget => {}
            Exit::Slow => self.slow(),
            Exit::Invoke(m) => self.invoke(m),
            Exit::Raise(r) => self.raise(r),
            Exit::Throw(r) => self.throw(r),
            Exit::Return => self.special_return(),
            Exit::Gc => self.collect_for_allocation(),
            Exit::StackOverflow => self.raise(Raise::new("java/lang/StackOverflowError", None)),
        }
        let blocked = !matches!(
            self.rt.threads[self.rt.current].state,
            ThreadState::Runnable
        );
        if self.rt.quantum_left == 0 || blocked {
            let n = self.rt.threads.len();
            self.rt.current = (self.rt.current + 1) % n;
            self.rt.quantum_left = self.config.quantum;
        }
    }

    /// Runs the collector over every root: thread slots and objects, statics, mirrors,
    /// interned strings, monitors, and references embedded in resolved code.
    pub fn collect_garbage(&mut self) {
        let rt = &self.rt;
        let mut roots: Vec<Ref> = Vec::new();
        for t in &rt.threads {
            roots.push(t.obj);
            let top = t.frames.last().map(|f| f.sp as usize).unwrap_or(0);
            for v in &t.slots[..top.min(t.slots.len())] {
                if let Value::Ref(r) = v {
                    roots.push(*r);
                }
            }
            for f in &t.frames {
                roots.push(f.sync);
            }
        }
        for s in &rt.statics {
            for v in s.iter() {
                if let Value::Ref(r) = v {
                    roots.push(*r);
                }
            }
        }
        roots.extend(rt.mirrors.iter().copied());
        roots.extend(rt.interned.values().copied());
        roots.extend(rt.monitors.keys().copied());
        roots.extend(self.extra_roots());
        roots.extend(self.pinned.iter().copied());
        roots.extend(rt.init_errors.values().copied());
        self.rt.heap.collect(roots);
    }

    /// Collects, then completes the allocating instruction here, where running out of heap
    /// raises `OutOfMemoryError` instead of exiting again.
    fn collect_for_allocation(&mut self) {
        self.collect_garbage();
        self.slow();
    }

    /// When the last non-daemon thread has ended and shutdown hooks are registered, gives the
    /// main thread one more frame, `Shutdown.afterLastThread(code)`, which runs the hooks and
    /// then ends the process; whether it did.
    fn start_shutdown_hooks(&mut self, code: i32) -> bool {
        let Some(shutdown) = self.prog.loaded("java/lang/Shutdown") else {
            return false;
        };
        let class = self.prog.class(shutdown);
        let Some(pending) = class.field("pending", "Z").filter(|f| f.is_static()) else {
            return false;
        };
        if self.rt.statics[shutdown as usize][pending.slot as usize].int() == 0 {
            return false;
        }
        let Some(method) = self
            .prog
            .resolve_method(shutdown, "afterLastThread", "(I)V")
        else {
            return false;
        };
        let Some(main) = self.rt.threads.first_mut() else {
            return false;
        };
        if main.slots.is_empty() {
            main.slots = vec![Value::Top; 16];
        }
        main.slots[0] = Value::Int(code);
        if !interp::push_frame(
            &self.prog,
            &mut main.frames,
            &mut main.slots,
            method,
            0,
            1,
            crate::thread::FrameKind::Normal,
        ) {
            return false;
        }
        main.state = ThreadState::Runnable;
        main.daemon = false;
        self.rt.current = 0;
        self.rt.quantum_left = self.config.quantum;
        true
    }

    /// The exit status, once the process has ended.
    pub fn exit_status(&self) -> Option<i32> {
        self.exit_status
    }

    /// Raises `r` in thread `t`, which a native blocked (`Native::Block`): its top frame is
    /// one past the call, so it steps back to the call first, and the handlers around the
    /// call and the trace's line are the call's.
    pub(crate) fn raise_at_call(&mut self, t: usize, r: Raise) {
        let saved = self.rt.current;
        self.rt.current = t;
        if let Some(f) = self.rt.threads[t].frames.last_mut() {
            f.pc = f.pc.saturating_sub(1);
        }
        // The native that blocked (`Thread.sleep`, `Object.wait`) is on top of the trace.
        self.in_native = self.rt.threads[t]
            .frames
            .last()
            .and_then(|f| self.invoked_at(t, f, f.pc));
        self.raise(r);
        self.in_native = None;
        self.rt.current = saved;
    }

    /// Ends the process with a status (System.exit).
    pub(crate) fn exit(&mut self, code: i32) {
        self.exit_status = Some(code);
    }

    /// The current thread.
    pub(crate) fn thread(&mut self) -> &mut Thread {
        let t = self.rt.current;
        &mut self.rt.threads[t]
    }
}
