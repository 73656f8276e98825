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

mod translate;
mod types;

use crate::class::{MethodId, Program};
use crate::code::Insn;
use crate::heap::{ClassId, Data, Heap, RawObj};
use crate::thread::{Frame, FrameKind};
use crate::value::{NULL, Value};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::Module;

/// Settings of the compiler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JitConfig {
    /// Whether hot methods are compiled at all (`-Xint` turns it off).
    pub enabled: bool,
    /// Calls plus backward branches of a method before it is compiled.
    pub threshold: u32,
    /// Bytes of compiled code kept; past it, every compiled method is dropped and hot methods
    /// compile again.
    pub max_code_bytes: usize,
}

impl Default for JitConfig {
    fn default() -> JitConfig {
        JitConfig {
            enabled: true,
            threshold: 2000,
            max_code_bytes: 64 << 20,
        }
    }
}

/// What the compiler has done, for `--stats` and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JitStats {
    /// Methods compiled (recompilations included).
    pub compiled: u64,
    /// Methods the compiler declined (unverifiable or too large).
    pub declined: u64,
    /// Bytes of native code produced.
    pub code_bytes: u64,
    /// Bytecode instructions compiled.
    pub insns: u64,
    /// Entries into compiled code.
    pub entries: u64,
    /// Times the code cache was emptied for its size.
    pub flushes: u64,
}

/// Offsets in [`Ctx`], as compiled code addresses them.
pub(crate) mod ctx {
    /// [`super::Ctx::locals`]
    pub(crate) const LOCALS: i32 = 0;
    /// [`super::Ctx::fuel`]
    pub(crate) const FUEL: i32 = 8;
    /// [`super::Ctx::heap`]
    pub(crate) const HEAP: i32 = 16;
    /// [`super::Ctx::heap_len`]
    pub(crate) const HEAP_LEN: i32 = 24;
    /// [`super::Ctx::statics`]
    pub(crate) const STATICS: i32 = 32;
}

/// The call helper's answer: the callee returned, and its result is on the caller's stack.
pub(crate) const CALL_RETURNED: u32 = 0;
/// The call helper's answer: leave at the call (its fuel is given back); the interpreter
/// makes it (a native, a callee not compiled, an exception to raise, a deep native stack).
pub(crate) const CALL_LEAVE: u32 = 1;
/// The call helper's answer: the callee (or one of its callees) stopped where compiled code
/// could not go on; the thread's frames say where.
pub(crate) const CALL_UNWOUND: u32 = 2;
/// What compiled code returns after [`CALL_UNWOUND`].
pub(crate) const UNWOUND: u64 = u64::MAX;
/// Compiled frames nested on the native stack at most; deeper calls go through the
/// interpreter, which keeps frames as data.
const MAX_NESTING: u32 = 200;

/// What compiled code is given: the frame's slots, the fuel, and the raw views of the heap
/// and of the statics. Only `fuel` is written back.
#[repr(C)]
#[derive(Debug)]
pub(crate) struct Ctx {
    locals: *mut Value,
    fuel: i64,
    heap: *const RawObj,
    heap_len: u64,
    statics: *const usize,
    env: *mut Env,
}

/// What the helpers that compiled code calls work on: the thread and the process.
struct Env {
    prog: *const Program,
    jit: *mut Jit,
    frames: *mut Vec<Frame>,
    slots: *mut Vec<Value>,
    heap: *mut Heap,
    prim_arrays: [ClassId; 8],
}

/// Where the interpreter goes on after compiled code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ran {
    /// In the same frame, before this instruction.
    At(usize),
    /// In the thread's top frame, which a call changed, at its pc.
    Unwound,
}

/// The code compiled code returns: the instruction where the interpreter goes on.
pub(crate) fn exit_code(pc: u32) -> u64 {
    pc as u64
}

type CompiledFn = unsafe extern "C" fn(*mut Ctx, u32) -> u64;

#[derive(Debug)]
struct Compiled {
    func: CompiledFn,
    /// Entry index per instruction (`u32::MAX`: not an entry).
    entry_of: Box<[u32]>,
    /// Instructions the code leaves for because they were not compiled.
    exit_only: Box<[bool]>,
    /// Exits at instructions that have since been resolved into compilable forms.
    stale: u32,
}

#[derive(Debug)]
enum State {
    Counting(u32),
    Compiled(Box<Compiled>),
    Never,
}

const MAX_INSNS: usize = 8000;
/// Exits at resolved instructions before a method is compiled again. Each recompilation
/// compiles at least one instruction that was left to the interpreter before, so a method is
/// compiled at most once more than it had unresolved instructions at first.
const STALE_EXITS: u32 = 4;

/// The compiler and its code cache, one per process.
pub struct Jit {
    config: JitConfig,
    module: Option<JITModule>,
    fctx: FunctionBuilderContext,
    methods: Vec<State>,
    statics: Vec<usize>,
    /// Bytes of code in the current module.
    live_code: usize,
    /// Compiled frames on the native stack now.
    nesting: u32,
    stats: JitStats,
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

/// Runs the call at `pc` of the top frame for compiled code: what the interpreter does for it,
/// then the callee's compiled code from its start, then its return.
///
/// # Safety
/// `cx` is the context of compiled code running the top frame, called from [`Jit::run`].
unsafe extern "C" fn invoke(cx: *mut Ctx, pc: u32) -> u32 {
    // SAFETY: the caller passes its own live context, whose env points at the thread and
    // process `Jit::run` borrowed for the whole run; no Rust reference to them is in use
    // while compiled code runs.
    let (cx, env) = unsafe { (&mut *cx, &mut *(*cx).env) };
    // SAFETY: as above.
    let (prog, jit, frames, slots, heap) = unsafe {
        (
            &*env.prog,
            &mut *env.jit,
            &mut *env.frames,
            &mut *env.slots,
            &mut *env.heap,
        )
    };
    let leave = |cx: &mut Ctx| {
        cx.fuel += 1;
        CALL_LEAVE
    };
    let Some(&caller) = frames.last() else {
        return leave(cx);
    };
    let Some(code) = prog.method(caller.method).code.get() else {
        return leave(cx);
    };
    let pc = pc as usize;
    let sp = caller.base as usize + code.max_locals as usize + code.depths[pc] as usize;
    let mid = match code.insns[pc].get() {
        Insn::InvokeDirect {
            method,
            has_receiver,
        } => {
            let n = prog.method(method).arg_slots as usize;
            if has_receiver && slots[sp - n].reference() == NULL {
                return leave(cx);
            }
            method
        }
        Insn::InvokeVirtualQ { vindex, arg_slots } => {
            let Some(obj) = heap.get(slots[sp - arg_slots as usize].reference()) else {
                return leave(cx);
            };
            match prog.class(obj.class).vtable.get(vindex as usize) {
                Some(&m) => m,
                None => return leave(cx),
            }
        }
        Insn::InvokeInterfaceQ {
            selector,
            arg_slots,
            cached_class,
            cached_method,
        } => {
            let Some(obj) = heap.get(slots[sp - arg_slots as usize].reference()) else {
                return leave(cx);
            };
            if obj.class == cached_class {
                cached_method
            } else {
                let class = obj.class;
                let Some(m) = prog.select(class, selector) else {
                    return leave(cx);
                };
                code.insns[pc].set(Insn::InvokeInterfaceQ {
                    selector,
                    arg_slots,
                    cached_class: class,
                    cached_method: m,
                });
                m
            }
        }
        _ => return leave(cx),
    };
    let m = prog.method(mid);
    if let Some(f) = m.intrinsic {
        // Computed in place, as the interpreter does.
        let n = m.arg_slots as usize;
        let r = f(&slots[sp - n..sp]);
        match m.sig.ret.slots() {
            0 => {}
            1 => slots[sp - n] = r,
            _ => {
                slots[sp - n] = r;
                slots[sp - n + 1] = Value::Top;
            }
        }
        return CALL_RETURNED;
    }
    if m.code.get().is_none()
        || m.access & crate::classfile::acc::SYNCHRONIZED != 0
        || jit.nesting >= MAX_NESTING
    {
        return leave(cx);
    }
    let Some((func, entry)) = jit.entry(prog, mid, 0, true) else {
        return leave(cx);
    };
    if !crate::interp::push_frame(
        prog,
        frames,
        slots,
        mid,
        pc as u32 + 1,
        sp,
        FrameKind::Normal,
    ) {
        return leave(cx);
    }
    let callee = *frames.last().expect("just pushed");
    let (table, len) = heap.raw_table();
    let mut inner = Ctx {
        locals: slots.as_mut_ptr().wrapping_add(callee.base as usize),
        fuel: cx.fuel,
        heap: table,
        heap_len: len as u64,
        statics: cx.statics,
        env: cx.env,
    };
    jit.nesting += 1;
    jit.stats.entries += 1;
    // SAFETY: as in `Jit::run`, for the frame just pushed.
    let out = unsafe { func(&mut inner, entry) };
    jit.nesting -= 1;
    // The callee may have grown the slots or allocated.
    cx.locals = slots.as_mut_ptr().wrapping_add(caller.base as usize);
    let (table, len) = heap.raw_table();
    cx.heap = table;
    cx.heap_len = len as u64;
    cx.fuel = inner.fuel;
    if out == UNWOUND {
        return CALL_UNWOUND;
    }
    let out = out as usize;
    let callee_code = m.code.get().expect("it ran");
    let at =
        callee.base as usize + callee_code.max_locals as usize + callee_code.depths[out] as usize;
    let n = match callee_code.insns[out].get() {
        Insn::Return => 0,
        Insn::Return1 => 1,
        Insn::Return2 => 2,
        _ => usize::MAX,
    };
    let top = frames.last_mut().expect("the callee's frame");
    if n == usize::MAX || top.kind != FrameKind::Normal || top.sync != NULL || cx.fuel < 1 {
        // Stopped elsewhere: the interpreter goes on in the callee.
        top.pc = out as u32;
        top.sp = at as u32;
        return CALL_UNWOUND;
    }
    // The return, as the interpreter runs it.
    cx.fuel -= 1;
    frames.pop();
    let c = frames.last_mut().expect("the caller's frame");
    let dest = c.sp as usize;
    for k in 0..n {
        slots[dest + k] = slots[at - n + k];
    }
    c.sp = (dest + n) as u32;
    CALL_RETURNED
}

/// What [`check`] checks: that object `a` is an instance of class `b` (checkcast, instanceof).
pub(crate) const CHECK_INSTANCE: u32 = 0;
/// What [`check`] checks: that array `a` can hold object `b` (aastore).
pub(crate) const CHECK_STORE: u32 = 1;

/// A type check for compiled code: 1 if it holds, 0 if not (or if a handle is not what it
/// should be, which the interpreter then reports).
///
/// # Safety
/// As for [`invoke`].
unsafe extern "C" fn check(cx: *mut Ctx, what: u32, a: u32, b: u32) -> u32 {
    // SAFETY: as in `invoke`; only shared access is needed.
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

/// Runs the allocation at `pc` of the top frame for compiled code (`len` is the array length);
/// returns the new handle, or 0 to leave it to the interpreter (a collection is due, or an
/// exception must be raised).
///
/// # Safety
/// As for [`invoke`].
unsafe extern "C" fn alloc(cx: *mut Ctx, pc: u32, len: i32) -> u32 {
    // SAFETY: as in `invoke`.
    let (cx, env) = unsafe { (&mut *cx, &mut *(*cx).env) };
    // SAFETY: as in `invoke`.
    let (prog, frames, heap) = unsafe { (&*env.prog, &*env.frames, &mut *env.heap) };
    let Some(code) = frames.last().and_then(|f| prog.method(f.method).code.get()) else {
        return NULL;
    };
    if heap.wants_collection() || !(0..=1 << 28).contains(&len) {
        return NULL;
    }
    let n = len as usize;
    let (class, data) = match code.insns[pc as usize].get() {
        Insn::NewQ(class) => (class, Data::Fields(prog.class(class).zeroed_fields())),
        Insn::NewArray(atype) => (
            env.prim_arrays[(atype - 4) as usize],
            match atype {
                4 | 8 => Data::Bytes(vec![0; n].into()),
                5 => Data::Chars(vec![0; n].into()),
                6 => Data::Floats(vec![0.0; n].into()),
                7 => Data::Doubles(vec![0.0; n].into()),
                9 => Data::Shorts(vec![0; n].into()),
                10 => Data::Ints(vec![0; n].into()),
                _ => Data::Longs(vec![0; n].into()),
            },
        ),
        Insn::ANewArrayQ(class) => (class, Data::Refs(vec![NULL; n].into())),
        _ => return NULL,
    };
    let r = heap.alloc(class, data).unwrap_or(NULL);
    let (table, len) = heap.raw_table();
    cx.heap = table;
    cx.heap_len = len as u64;
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
            statics: Vec::new(),
            live_code: 0,
            nesting: 0,
            stats: JitStats::default(),
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
        let base = frames.last()?.base as usize;
        let (table, len) = heap.raw_table();
        let statics_ptr = self.statics.as_ptr();
        self.stats.entries += 1;
        let mut env = Env {
            prog,
            jit: self,
            frames,
            slots: &mut *slots,
            heap: &mut *heap,
            prim_arrays,
        };
        let mut cx = Ctx {
            locals: slots.as_mut_ptr().wrapping_add(base),
            fuel: *fuel as i64,
            heap: table,
            heap_len: len as u64,
            statics: statics_ptr,
            env: &mut env,
        };
        // SAFETY: the code was compiled for this method's code and types; `locals` points at
        // the frame's local 0, and push_frame made room for its locals and stack; the heap
        // table and the statics pointers are valid while it runs (helpers that allocate or grow
        // the slots refresh them); every handle it follows is checked against the table.
        let out = unsafe { func(&mut cx, entry) };
        *fuel = cx.fuel as u64;
        if out == UNWOUND {
            return Some(Ran::Unwound);
        }
        let out = out as usize;
        let code = prog.method(method).code.get()?;
        if let State::Compiled(c) = &mut self.methods[method as usize]
            && c.exit_only.get(out).copied().unwrap_or(false)
            && translate::compiles(code.insns[out].get())
        {
            c.stale += 1;
            if c.stale >= STALE_EXITS {
                // Instructions resolved since it was compiled: compile again on next count.
                self.methods[method as usize] =
                    State::Counting(self.config.threshold.saturating_sub(1));
            }
        }
        Some(Ran::At(out))
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
                // Compilation waits for the interpreter's own call (the helper leaves then):
                // Cranelift's stack use stays off a deep native stack of compiled frames.
                if *n < self.config.threshold || self.nesting > 0 {
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
        let result = self.try_compile(prog, method);
        self.methods[i] = match result {
            Ok(c) => State::Compiled(Box::new(c)),
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
        if self.live_code >= self.config.max_code_bytes && self.nesting == 0 {
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
            invoke: invoke as unsafe extern "C" fn(*mut Ctx, u32) -> u32 as usize,
            alloc: alloc as unsafe extern "C" fn(*mut Ctx, u32, i32) -> u32 as usize,
            check: check as unsafe extern "C" fn(*mut Ctx, u32, u32, u32) -> u32 as usize,
        };
        let frontend = module.isa().frontend_config();
        translate::translate(
            &mut cctx.func,
            &mut self.fctx,
            code,
            &types,
            &entries,
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
        self.stats.compiled += 1;
        self.stats.code_bytes += size as u64;
        self.live_code += size;
        self.stats.insns += code.insns.len() as u64;
        Ok(Compiled {
            func,
            entry_of,
            exit_only,
            stale: 0,
        })
    }

    /// Drops every compiled method and the code memory (no compiled code is running: it only
    /// runs inside [`Jit::run`]).
    fn flush(&mut self) {
        for state in &mut self.methods {
            if matches!(state, State::Compiled(_)) {
                *state = State::Counting(0);
            }
        }
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
