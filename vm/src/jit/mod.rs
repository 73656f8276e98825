//! The baseline compiler: hot methods translated to native code with Cranelift, as a cache
//! that never holds the only copy of any state.
//!
//! The interpreter counts calls and backward branches per method; at a threshold it compiles
//! the method (`types` types every slot at every instruction, `translate` emits the code).
//! It then enters the compiled code at the method's start, at loop headers, and after each
//! instruction the code leaves for. Compiled code runs only the current frame, with the
//! interpreter's budget as its fuel, and always leaves with the frame written exactly as the
//! interpreter would have left it at that instruction: nothing compiled is ever on the stack
//! when a capture, a collection, a call, a thread switch or a checkpoint happens, so none of
//! them knows compiled code exists, and output and checkpoints are the same with it or without.
//!
//! Interface: [`Jit::new`], `Jit::run` (called by the interpreter), [`Jit::stats`].

mod config;
mod translate;
mod types;

pub use config::{JitConfig, JitStats, Ran};

use crate::class::{MethodId, Program};
use crate::code::Insn;
use crate::heap::{ClassId, Heap, RawObj, raw_kind};
use crate::thread::{Frame, FrameKind};
use crate::value::{NULL, Value};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::Module;

/// Offsets in [`Ctx`], as compiled code addresses them.
pub(crate) mod ctx {
    use super::Ctx;
    use std::mem::offset_of;
    /// [`Ctx::fuel`]
    pub(crate) const FUEL: i32 = offset_of!(Ctx, fuel) as i32;
    /// [`Ctx::heap`]
    pub(crate) const HEAP: i32 = offset_of!(Ctx, heap) as i32;
    /// [`Ctx::heap_len`]
    pub(crate) const HEAP_LEN: i32 = offset_of!(Ctx, heap_len) as i32;
    /// [`Ctx::statics`]
    pub(crate) const STATICS: i32 = offset_of!(Ctx, statics) as i32;
    /// [`Ctx::slots`]
    pub(crate) const SLOTS: i32 = offset_of!(Ctx, slots) as i32;
    /// [`Ctx::slots_end`]
    pub(crate) const SLOTS_END: i32 = offset_of!(Ctx, slots_end) as i32;
    /// [`Ctx::frames`]
    pub(crate) const FRAMES: i32 = offset_of!(Ctx, frames) as i32;
    /// [`Ctx::roots`]
    pub(crate) const ROOTS: i32 = offset_of!(Ctx, roots) as i32;
    /// [`Ctx::frames_limit`]
    pub(crate) const FRAMES_LIMIT: i32 = offset_of!(Ctx, frames_limit) as i32;
    /// [`Ctx::unwound_top`]
    pub(crate) const UNWOUND_TOP: i32 = offset_of!(Ctx, unwound_top) as i32;
    /// [`Ctx::callees_len`]
    pub(crate) const CALLEES_LEN: i32 = offset_of!(Ctx, callees_len) as i32;
    /// [`Ctx::ret`]
    pub(crate) const RET: i32 = offset_of!(Ctx, ret) as i32;
    /// [`Ctx::callees`]
    pub(crate) const CALLEES: i32 = offset_of!(Ctx, callees) as i32;
    /// [`Ctx::stack_limit`]
    pub(crate) const STACK_LIMIT: i32 = offset_of!(Ctx, stack_limit) as i32;
    /// [`Ctx::fast`]
    pub(crate) const FAST: i32 = offset_of!(Ctx, fast) as i32;
    /// [`Ctx::dirty`]
    pub(crate) const DIRTY: i32 = offset_of!(Ctx, dirty) as i32;
}

/// Offsets in a [`Frame`], as compiled code writes one when it unwinds.
pub(crate) mod frame {
    use crate::thread::Frame;
    use std::mem::offset_of;
    /// Bytes per frame.
    pub(crate) const SIZE: i64 = size_of::<Frame>() as i64;
    /// [`Frame::method`]
    pub(crate) const METHOD: i32 = offset_of!(Frame, method) as i32;
    /// [`Frame::pc`]
    pub(crate) const PC: i32 = offset_of!(Frame, pc) as i32;
    /// [`Frame::base`]
    pub(crate) const BASE: i32 = offset_of!(Frame, base) as i32;
    /// [`Frame::sp`]
    pub(crate) const SP: i32 = offset_of!(Frame, sp) as i32;
    /// [`Frame::kind`] (eight bytes: `FrameKind::Normal` is all zeros)
    pub(crate) const KIND: i32 = offset_of!(Frame, kind) as i32;
    /// [`Frame::sync`]
    pub(crate) const SYNC: i32 = offset_of!(Frame, sync) as i32;
}

// A compiled frame writes `FrameKind::Normal` as eight zero bytes.
const _: () = assert!(size_of::<FrameKind>() == 8);

/// What a compiled function returns when its frame, and every compiled frame it called, is
/// written to the thread (from the innermost, [`Ctx::unwound_top`], down): the interpreter goes
/// on in the thread's top frame.
pub(crate) const UNWOUND: u64 = u64::MAX;
/// What a compiled function called by compiled code returns when it returned normally, its
/// result in [`Ctx::ret`].
pub(crate) const RETURNED: u64 = u64::MAX - 1;
/// The slow call helper's answer: the call is done, its result in [`Ctx::ret`].
pub(crate) const SLOW_RETURNED: u32 = 0;
/// The slow call helper's answer: leave at the call, for the interpreter to make it.
pub(crate) const SLOW_LEAVE: u32 = 1;
/// What the dispatch helper answers when the receiver has no method for the call.
pub(crate) const NO_METHOD: u32 = u32::MAX;
/// Compiled frames nested on the native stack at most; deeper calls go through the
/// interpreter, which keeps frames as data.
const MAX_NESTING: usize = 200;
/// Native stack that nested compiled frames may use below [`Jit::run`]'s frame, whatever
/// their sizes.
const NATIVE_STACK: usize = 256 << 10;

/// What compiled code is given: the fuel, raw views of the heap, the statics, the thread's
/// slots and frames, and the table of compiled methods it may call directly. Each compiled
/// function also receives its own frame: where its locals are and its index among the frames.
///
/// A compiled frame called by compiled code exists only as native state until it unwinds:
/// the thread's frame list keeps `roots` entries while compiled code runs, and a frame that
/// stops anywhere but at its return writes its slots and its [`Frame`] at its index (which
/// is within the list's capacity) before returning [`UNWOUND`], as does every compiled caller
/// below it; [`Jit::run`] then extends the list to `unwound_top`.
#[repr(C)]
#[derive(Debug)]
pub(crate) struct Ctx {
    fuel: i64,
    heap: *const RawObj,
    heap_len: u64,
    statics: *const usize,
    env: *mut Env,
    /// The thread's slot 0.
    slots: *mut Value,
    /// One past the thread's last slot: a callee's locals and stack must end before it.
    slots_end: *mut Value,
    /// The thread's frame list (its storage, `frames_limit` entries long at least).
    frames: *mut Frame,
    /// Entries in the frame list; a compiled function whose frame index is at least this was
    /// called by compiled code.
    roots: u32,
    /// Frame indices compiled code may give a callee: below it.
    frames_limit: u32,
    /// The innermost frame written by an unwinding.
    unwound_top: u32,
    /// Entries in `callees`.
    callees_len: u32,
    /// A return value (its payload bits) from a callee to its compiled caller.
    ret: u64,
    /// Per method: its compiled code if compiled code may call it directly.
    callees: *const Callee,
    /// The lowest native stack address a compiled caller may call from.
    stack_limit: usize,
    /// The heap's allocator state, for `new` without a call.
    fast: *mut crate::heap::Fast,
    /// The heap's dirty map ([`Heap::dirty_map`]), which stores to the heap mark when the code
    /// was compiled with barriers ([`Jit::set_barriers`]).
    dirty: *mut u8,
}

/// A method compiled code may call directly: its compiled function (0: none) and how many
/// slots its locals and operand stack take.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Callee {
    func: usize,
    slots: u64,
}

/// Offsets in a [`Callee`].
pub(crate) mod callee {
    use super::Callee;
    use std::mem::offset_of;
    /// Bytes per entry.
    pub(crate) const SIZE: i64 = size_of::<Callee>() as i64;
    /// [`Callee::func`]
    pub(crate) const FUNC: i32 = offset_of!(Callee, func) as i32;
    /// [`Callee::slots`]
    pub(crate) const SLOTS: i32 = offset_of!(Callee, slots) as i32;
}

/// What the helpers that compiled code calls work on: the process.
struct Env {
    prog: *const Program,
    heap: *mut Heap,
    prim_arrays: [ClassId; 8],
}

/// The code compiled code returns: the instruction where the interpreter goes on.
pub(crate) fn exit_code(pc: u32) -> u64 {
    pc as u64
}

/// `(ctx, locals, frame index, entry index) -> exit code`
type CompiledFn = unsafe extern "C" fn(*mut Ctx, *mut Value, u32, u32) -> u64;

#[derive(Debug)]
struct Compiled {
    func: CompiledFn,
    /// Entry index per instruction (`u32::MAX`: not an entry).
    entry_of: Box<[u32]>,
    /// Instructions the code leaves for because they were not compiled.
    exit_only: Box<[bool]>,
    /// Exits at instructions that have since been resolved into compilable forms.
    stale: u32,
    /// Stale exits after which the method is compiled again ([`stale_limit`]).
    stale_limit: u32,
}

#[derive(Debug)]
enum State {
    Counting(u32),
    Compiled(Box<Compiled>),
    Never,
}

const MAX_INSNS: usize = 8000;

/// Exits at resolved instructions before a method whose code is `code_bytes` long is compiled
/// again. Each recompilation compiles at least one instruction that was left to the
/// interpreter before, so a method is compiled at most once more than it had unresolved
/// instructions at first.
///
/// Compiling costs about a microsecond per byte of code it makes, an exit and re-entry a
/// fraction of that, so a method is compiled again once its stale exits have cost about as
/// much as compiling it would: a small loop that leaves at a now-resolved call on every turn
/// soon, a long `main` that a loop entered and that runs each of its newly resolved
/// instructions a few times, never (a BigInteger test's `main`, 800 bytecodes and 370 KB of
/// code, compiled four times in 1.3 s where the whole run took 0.1 s in the interpreter).
fn stale_limit(code_bytes: usize) -> u32 {
    (code_bytes / 4).clamp(4, u32::MAX as usize) as u32
}

/// The compiler and its code cache, one per process.
pub struct Jit {
    config: JitConfig,
    module: Option<JITModule>,
    fctx: FunctionBuilderContext,
    methods: Vec<State>,
    /// Per method, what compiled callers find (see [`Callee`]).
    callees: Vec<Callee>,
    /// Inline caches of virtual and interface calls, one word per call site (class in the
    /// high half, method in the low half), kept until the code cache is flushed.
    caches: Vec<Box<[u64]>>,
    statics: Vec<usize>,
    /// Bytes of code in the current module.
    live_code: usize,
    stats: JitStats,
    /// Whether compiled stores mark the heap's dirty record ([`Jit::set_barriers`]).
    barriers: bool,
}

// SAFETY: the module owns its code memory exclusively and is used only by the thread that
// owns the VM (which may move between threads with it); compiled code keeps no thread-local
// state.
unsafe impl Send for Jit {}

impl std::fmt::Debug for Jit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jit")
            .field("config", &self.config)
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}

extern "C" fn frem(a: f32, b: f32) -> f32 {
    crate::interp::fix_nan32(a % b, a, b)
}

extern "C" fn drem(a: f64, b: f64) -> f64 {
    crate::interp::fix_nan64(a % b, a, b)
}

/// The payload bits of a value, as compiled code keeps them in [`Ctx::ret`].
fn payload(v: Value) -> u64 {
    match v {
        Value::Int(i) => i as u32 as u64,
        Value::Float(f) => f.to_bits() as u64,
        Value::Long(l) => l as u64,
        Value::Double(d) => d.to_bits(),
        Value::Ref(r) => r as u64,
        Value::Top => 0,
    }
}

/// A call compiled code cannot make directly (the callee is not compiled, or is an intrinsic,
/// a native or synchronized): computes an intrinsic or a heap native in place as the
/// interpreter does, else tells the caller to leave.
/// `args` are the call's arguments, written to the caller's stack.
///
/// # Safety
/// `cx` is the context of running compiled code and `args` points at the arguments of a
/// call to `mid`, as compiled code calls it.
unsafe extern "C" fn call_slow(cx: *mut Ctx, mid: u32, args: *const Value) -> u32 {
    // SAFETY: the context's env points at the process `Jit::run` borrowed for the whole run.
    let (cx, prog) = unsafe { (&mut *cx, &*(*(*cx).env).prog) };
    let m = prog.method(mid);
    // SAFETY: compiled code wrote the method's argument slots there.
    let args = unsafe { std::slice::from_raw_parts(args, m.arg_slots as usize) };
    if let Some(f) = m.intrinsic {
        cx.ret = payload(f(args));
        return SLOW_RETURNED;
    }
    if let Some(f) = m.heap_native {
        // SAFETY: as above; no other reference to the heap is in use while compiled code
        // runs, and a heap native does not allocate, so the raw table stays where it was.
        let heap = unsafe { &mut *(*cx.env).heap };
        if let Some(r) = f(prog, heap, args) {
            cx.ret = payload(r);
            return SLOW_RETURNED;
        }
    }
    SLOW_LEAVE
}

/// The method a virtual or interface call at `pc` of `caller` selects for the receiver `r`,
/// remembered in the call site's inline cache; [`NO_METHOD`] if none (the interpreter then
/// raises the error).
///
/// # Safety
/// As for [`call_slow`]; `cache` is the call site's cache word.
unsafe extern "C" fn dispatch(cx: *mut Ctx, caller: u32, pc: u32, r: u32, cache: *mut u64) -> u32 {
    // SAFETY: as in `call_slow`; only shared access to the process is needed.
    let (prog, heap) = unsafe {
        let env = &*(*cx).env;
        (&*env.prog, &*env.heap)
    };
    let Some(obj) = heap.get(r) else {
        return NO_METHOD;
    };
    let Some(code) = prog.method(caller).code.get() else {
        return NO_METHOD;
    };
    let found = match code.insns.get(pc as usize).map(|i| i.get()) {
        Some(Insn::InvokeVirtualQ { vindex, .. }) => {
            prog.class(obj.class).vtable.get(vindex as usize).copied()
        }
        Some(Insn::InvokeInterfaceQ { selector, .. }) => prog.select(obj.class, selector),
        _ => None,
    };
    match found {
        Some(m) => {
            // SAFETY: the cache word lives in `Jit::caches` until the code cache is flushed,
            // which never happens while compiled code runs.
            unsafe { *cache = (obj.class as u64) << 32 | m as u64 };
            m
        }
        None => NO_METHOD,
    }
}

/// What [`check`] checks: that object `a` is an instance of class `b` (checkcast, instanceof).
pub(crate) const CHECK_INSTANCE: u32 = 0;
/// What [`check`] checks: that array `a` can hold object `b` (aastore).
pub(crate) const CHECK_STORE: u32 = 1;

/// A type check for compiled code: 1 if it holds, 0 if not (or if a handle is not what it
/// should be, which the interpreter then reports).
///
/// # Safety
/// As for [`call_slow`].
unsafe extern "C" fn check(cx: *mut Ctx, what: u32, a: u32, b: u32) -> u32 {
    // SAFETY: as in `call_slow`; only shared access is needed.
    let (prog, heap) = unsafe {
        let env = &*(*cx).env;
        (&*env.prog, &*env.heap)
    };
    let class_of = |r: u32| heap.get(r).map(|o| o.class);
    let ok = match what {
        CHECK_INSTANCE => class_of(a).is_some_and(|c| prog.is_assignable(c, b)),
        _ => match (class_of(a), class_of(b)) {
            (Some(array), Some(value)) => match prog.class(array).kind {
                crate::class::ClassKind::Array { component, .. } => {
                    prog.is_assignable(value, component)
                }
                _ => false,
            },
            _ => false,
        },
    };
    ok as u32
}

/// Runs the allocation at `pc` of method `mid` for compiled code (`len` is the array length);
/// returns the new handle, or 0 to leave it to the interpreter (a collection is due, or an
/// exception must be raised).
///
/// # Safety
/// As for [`call_slow`].
unsafe extern "C" fn alloc(cx: *mut Ctx, mid: u32, pc: u32, len: i32) -> u32 {
    // SAFETY: as in `call_slow`.
    let (cx, env) = unsafe { (&mut *cx, &mut *(*cx).env) };
    // SAFETY: as in `call_slow`; no other reference to the heap is in use.
    let (prog, heap) = unsafe { (&*env.prog, &mut *env.heap) };
    let Some(code) = prog.method(mid).code.get() else {
        return NULL;
    };
    if heap.wants_collection() || !(0..=1 << 28).contains(&len) {
        return NULL;
    }
    let n = len as usize;
    let r = match code.insns[pc as usize].get() {
        Insn::NewQ(class) => heap.alloc_fields(class, &prog.class(class).zeroed),
        Insn::NewArray(atype) => heap.alloc_array(
            env.prim_arrays[(atype - 4) as usize],
            raw_kind::of_atype(atype),
            n,
        ),
        Insn::ANewArrayQ(class) => heap.alloc_array(class, raw_kind::REFS, n),
        _ => return NULL,
    };
    let r = r.unwrap_or(NULL);
    let (table, len) = heap.raw_table();
    cx.heap = table;
    cx.heap_len = len as u64;
    cx.dirty = heap.dirty_map();
    r
}

impl Jit {
    /// A compiler with nothing compiled yet.
    pub fn new(config: JitConfig) -> Jit {
        Jit {
            config,
            module: None,
            fctx: FunctionBuilderContext::new(),
            methods: Vec::new(),
            callees: Vec::new(),
            caches: Vec::new(),
            statics: Vec::new(),
            live_code: 0,
            stats: JitStats::default(),
            barriers: false,
        }
    }

    /// What the compiler has done so far.
    pub fn stats(&self) -> JitStats {
        self.stats
    }

    /// Whether the compiler is on.
    #[inline(always)]
    pub fn enabled(&self) -> bool {
        self.config.enabled
    }

    /// Runs compiled code for the top frame of a thread, if its method has an entry at `pc`
    /// (compiling it first if `count` makes it hot). On return, the frames and slots hold
    /// exactly what the interpreter would hold at the returned point, and `fuel` has been
    /// charged for the instructions run.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn run(
        &mut self,
        prog: &Program,
        method: MethodId,
        pc: usize,
        count: bool,
        frames: &mut Vec<Frame>,
        slots: &mut Vec<Value>,
        heap: &mut Heap,
        statics: &[Box<[Value]>],
        prim_arrays: [ClassId; 8],
        fuel: &mut u64,
    ) -> Option<Ran> {
        let (func, entry) = self.entry(prog, method, pc, count)?;
        if self.statics.len() != statics.len() {
            self.statics = statics.iter().map(|s| s.as_ptr() as usize).collect();
        }
        let roots = frames.len();
        let base = frames.last()?.base as usize;
        // Room for the frames compiled code may call, which it writes only if they unwind.
        frames.reserve(MAX_NESTING + 1);
        let frames_limit = frames
            .capacity()
            .min(roots + MAX_NESTING)
            .min(crate::interp::MAX_FRAMES);
        let (table, len) = heap.raw_table();
        let fast = heap.fast_state();
        let dirty = heap.dirty_map();
        self.stats.entries += 1;
        let mut env = Env {
            prog,
            heap: &mut *heap,
            prim_arrays,
        };
        let slots_ptr = slots.as_mut_ptr();
        let mut cx = Ctx {
            fuel: *fuel as i64,
            heap: table,
            heap_len: len as u64,
            statics: self.statics.as_ptr(),
            env: &mut env,
            slots: slots_ptr,
            slots_end: slots_ptr.wrapping_add(slots.len()),
            frames: frames.as_mut_ptr(),
            roots: roots as u32,
            frames_limit: frames_limit as u32,
            unwound_top: roots as u32 - 1,
            callees_len: self.callees.len() as u32,
            ret: 0,
            callees: self.callees.as_ptr(),
            stack_limit: 0,
            fast,
            dirty,
        };
        cx.stack_limit = (&raw const cx as usize).saturating_sub(NATIVE_STACK);
        // SAFETY: the code was compiled for this method's code and types; `locals` points at
        // the frame's local 0, and push_frame made room for its locals and stack; callees
        // are given room the same way and frame indices within the list's capacity; the heap
        // table, statics, slots, frames and callee pointers stay valid while it runs (no
        // helper grows the slots or the frame list or compiles; the allocation helper
        // refreshes the heap table); every handle it follows is checked against the table.
        let out = unsafe {
            func(
                &mut cx,
                slots_ptr.wrapping_add(base),
                roots as u32 - 1,
                entry,
            )
        };
        *fuel = cx.fuel as u64;
        if out == UNWOUND {
            let top = cx.unwound_top as usize;
            assert!(
                top + 1 >= roots && top < frames_limit,
                "compiled code unwound to frame {top} of {frames_limit}"
            );
            // SAFETY: within the capacity reserved above, and every frame from `roots` to
            // `top` was written by the compiled frame that owned it as it unwound.
            unsafe { frames.set_len(top + 1) };
            // The innermost frame stopped at its pc; the frames below it, at their calls.
            let stopped = frames[top];
            self.note_exit(prog, stopped.method, stopped.pc as usize);
            return Some(Ran::Unwound);
        }
        let out = out as usize;
        self.note_exit(prog, method, out);
        Some(Ran::At(out))
    }

    /// Counts an exit of `method`'s compiled code at `pc` that is stale (the instruction was
    /// left to the interpreter when it was compiled, and compiles now), whether it returned
    /// there or unwound from a call; past [`stale_limit`], the method is compiled again.
    fn note_exit(&mut self, prog: &Program, method: MethodId, pc: usize) {
        let Some(code) = prog.method(method).code.get() else {
            return;
        };
        if let Some(State::Compiled(c)) = self.methods.get_mut(method as usize)
            && c.exit_only.get(pc).copied().unwrap_or(false)
            && code
                .insns
                .get(pc)
                .is_some_and(|i| translate::compiles(i.get()))
        {
            c.stale += 1;
            if c.stale >= c.stale_limit {
                // Instructions resolved since it was compiled: compile again on next count.
                self.methods[method as usize] =
                    State::Counting(self.config.threshold.saturating_sub(1));
            }
        }
    }

    /// The compiled function and entry index for `pc` of `method`, counting the method hot
    /// (and compiling it) if `count`.
    fn entry(
        &mut self,
        prog: &Program,
        method: MethodId,
        pc: usize,
        count: bool,
    ) -> Option<(CompiledFn, u32)> {
        let i = method as usize;
        if i >= self.methods.len() {
            self.methods.resize_with(i + 1, || State::Counting(0));
        }
        match &mut self.methods[i] {
            State::Never => return None,
            State::Counting(n) => {
                if !count {
                    return None;
                }
                *n += 1;
                if *n < self.config.threshold {
                    return None;
                }
                self.compile(prog, method);
            }
            State::Compiled(_) => {}
        }
        let State::Compiled(c) = &self.methods[i] else {
            return None;
        };
        let entry = *c.entry_of.get(pc)?;
        (entry != u32::MAX).then_some((c.func, entry))
    }

    fn compile(&mut self, prog: &Program, method: MethodId) {
        let i = method as usize;
        let started = std::time::Instant::now();
        let result = self.try_compile(prog, method);
        let took = started.elapsed().as_nanos() as u64;
        self.stats.compile_nanos += took;
        self.methods[i] = match result {
            Ok(c) => {
                let m = prog.method(method);
                if m.intrinsic.is_none()
                    && m.access & crate::classfile::acc::SYNCHRONIZED == 0
                    && let Some(code) = m.code.get()
                {
                    if self.callees.len() <= i {
                        self.callees.resize(i + 1, Callee::default());
                    }
                    self.callees[i] = Callee {
                        func: c.func as usize,
                        slots: code.max_locals as u64 + code.max_stack as u64,
                    };
                }
                State::Compiled(Box::new(c))
            }
            Err(_) => {
                self.stats.declined += 1;
                State::Never
            }
        };
    }

    fn try_compile(&mut self, prog: &Program, method: MethodId) -> Result<Compiled, String> {
        let code = prog.method(method).code.get().ok_or("no decoded code")?;
        if code.insns.len() > MAX_INSNS {
            return Err("too large".into());
        }
        let types = types::analyze(prog, method, code).map_err(|e| e.0)?;
        if self.live_code >= self.config.max_code_bytes {
            self.flush();
        }
        let entries = translate::entry_points(code, &types);
        let module = match &mut self.module {
            Some(m) => m,
            None => self.module.insert(new_module()?),
        };
        let mut cctx = module.make_context();
        cctx.func.signature = translate::signature(module.isa().default_call_conv());
        let helpers = translate::Helpers {
            frem: frem as extern "C" fn(f32, f32) -> f32 as usize,
            drem: drem as extern "C" fn(f64, f64) -> f64 as usize,
            call_slow: call_slow as unsafe extern "C" fn(*mut Ctx, u32, *const Value) -> u32
                as usize,
            dispatch: dispatch as unsafe extern "C" fn(*mut Ctx, u32, u32, u32, *mut u64) -> u32
                as usize,
            alloc: alloc as unsafe extern "C" fn(*mut Ctx, u32, u32, i32) -> u32 as usize,
            check: check as unsafe extern "C" fn(*mut Ctx, u32, u32, u32) -> u32 as usize,
        };
        // One inline cache word per virtual or interface call, in the order of the code.
        let sites = code
            .insns
            .iter()
            .filter(|i| translate::is_dispatched(i.get()))
            .count();
        let mut caches = vec![u64::MAX; sites].into_boxed_slice();
        let frontend = module.isa().frontend_config();
        translate::translate(
            &mut cctx.func,
            &mut self.fctx,
            translate::Method {
                id: method,
                code,
                types: &types,
                entries: &entries,
                caches: caches.as_mut_ptr() as usize,
                prog,
                barriers: self.barriers,
            },
            helpers,
            frontend,
        );
        let id = module
            .declare_anonymous_function(&cctx.func.signature)
            .map_err(|e| e.to_string())?;
        if let Err(e) = module.define_function(id, &mut cctx) {
            // A verifier error is a compiler bug: loud in tests, a slower method in releases.
            debug_assert!(false, "compiling {}: {e:?}", prog.method(method).name);
            return Err(e.to_string());
        }
        let size = cctx
            .compiled_code()
            .map(|c| c.code_buffer().len())
            .unwrap_or(0);
        module.clear_context(&mut cctx);
        module.finalize_definitions().map_err(|e| e.to_string())?;
        let ptr = module.get_finalized_function(id);
        // SAFETY: the function was just compiled with `translate::signature`, which is this
        // type under the host's C calling convention.
        let func: CompiledFn = unsafe { std::mem::transmute::<*const u8, CompiledFn>(ptr) };
        let mut entry_of = vec![u32::MAX; code.insns.len()].into_boxed_slice();
        for (k, &pc) in entries.iter().enumerate() {
            entry_of[pc as usize] = k as u32;
        }
        let exit_only = code
            .insns
            .iter()
            .map(|c| !translate::compiles(c.get()))
            .collect();
        self.caches.push(caches);
        self.stats.compiled += 1;
        self.stats.code_bytes += size as u64;
        self.live_code += size;
        self.stats.insns += code.insns.len() as u64;
        Ok(Compiled {
            func,
            entry_of,
            exit_only,
            stale: 0,
            stale_limit: stale_limit(size),
        })
    }

    /// Makes compiled code mark the heap's dirty record on every store (`true`), or not.
    /// A change discards the compiled code (it is a cache), so from the next run on every
    /// store marks; a consumer of the marks turns this on before it takes its first round
    /// (which treats every object as written) and off when it is done. Off by default: the
    /// marks cost compiled code a few percent (docs/benchmarks.md), and nothing reads them
    /// unless a pre-copy or an incremental checkpoint runs.
    pub fn set_barriers(&mut self, on: bool) {
        if self.barriers != on {
            self.flush();
            self.barriers = on;
        }
    }

    /// Drops every compiled method and the code memory (no compiled code is running: it only
    /// runs inside [`Jit::run`]).
    fn flush(&mut self) {
        for state in &mut self.methods {
            if matches!(state, State::Compiled(_)) {
                *state = State::Counting(0);
            }
        }
        self.callees.clear();
        self.caches.clear();
        if let Some(m) = self.module.take() {
            // SAFETY: no function of the module is running or referenced any more: every
            // compiled state was just reset.
            unsafe { m.free_memory() };
        }
        self.live_code = 0;
        self.stats.flushes += 1;
    }
}

impl Drop for Jit {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the JIT is going away with all its compiled states; no code runs.
            unsafe { m.free_memory() };
        }
    }
}

fn new_module() -> Result<JITModule, String> {
    let mut flags = settings::builder();
    let set = |f: &mut settings::Builder, k: &str, v: &str| {
        f.set(k, v)
            .map_err(|e| format!("cranelift setting {k}: {e}"))
    };
    set(&mut flags, "opt_level", "speed")?;
    set(&mut flags, "use_colocated_libcalls", "false")?;
    set(&mut flags, "is_pic", "false")?;
    set(
        &mut flags,
        "enable_verifier",
        if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        },
    )?;
    let isa = cranelift_native::builder()
        .map_err(|e| format!("no code generator for this host: {e}"))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| e.to_string())?;
    let builder = JITBuilder::with_isa(isa, cranelift_module::default_libcall_names());
    Ok(JITModule::new(builder))
}
