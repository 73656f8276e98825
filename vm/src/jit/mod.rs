//! The baseline compiler: hot methods translated to native code with Cranelift, as a cache
//! that never holds the only copy of any state.
//!
//! The interpreter counts calls and backward branches per method; at a threshold it compiles
//! the method ([`types`] types every slot at every instruction, [`translate`] emits the code).
//! It then enters the compiled code at the method's start, at loop headers, and after each
//! instruction the code leaves for. Compiled code runs only the current frame, with the
//! interpreter's budget as its fuel, and always leaves with the frame written exactly as the
//! interpreter would have left it at that instruction: nothing compiled is ever on the stack
//! when a capture, a collection, a call, a thread switch or a checkpoint happens, so none of
//! them knows compiled code exists, and output and checkpoints are the same with it or without.
//!
//! Interface: [`Jit::new`], [`Jit::run`] (called by the interpreter), [`Jit::stats`].

mod translate;
mod types;

use crate::class::{MethodId, Program};
use crate::heap::{Heap, RawObj};
use crate::value::Value;
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
const MAX_RECOMPILES: u8 = 3;
const STALE_EXITS: u32 = 4;

/// The compiler and its code cache, one per process.
pub struct Jit {
    config: JitConfig,
    module: Option<JITModule>,
    fctx: FunctionBuilderContext,
    methods: Vec<(State, u8)>,
    statics: Vec<usize>,
    /// Bytes of code in the current module.
    live_code: usize,
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

    /// Runs compiled code for the top frame of a thread, if `method` has an entry at `pc`
    /// (compiling it first if `count` makes it hot). `frame` starts at the frame's local 0
    /// and covers its locals and operand stack. On return, the frame's slots hold exactly
    /// what the interpreter would hold before the returned instruction, and `fuel` has been
    /// charged for the instructions run.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn run(
        &mut self,
        prog: &Program,
        method: MethodId,
        pc: usize,
        count: bool,
        frame: &mut [Value],
        heap: &mut Heap,
        statics: &[Box<[Value]>],
        fuel: &mut u64,
    ) -> Option<usize> {
        let i = method as usize;
        if i >= self.methods.len() {
            self.methods.resize_with(i + 1, || (State::Counting(0), 0));
        }
        let (state, _) = &mut self.methods[i];
        match state {
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
        let State::Compiled(c) = &mut self.methods[i].0 else {
            return None;
        };
        let entry = *c.entry_of.get(pc)?;
        if entry == u32::MAX {
            return None;
        }
        let code = prog.method(method).code.get()?;
        debug_assert!(frame.len() >= (code.max_locals + code.max_stack) as usize);
        if self.statics.len() != statics.len() {
            self.statics = statics.iter().map(|s| s.as_ptr() as usize).collect();
        }
        let (table, len) = heap.raw_table();
        let mut cx = Ctx {
            locals: frame.as_mut_ptr(),
            fuel: *fuel as i64,
            heap: table,
            heap_len: len as u64,
            statics: self.statics.as_ptr(),
        };
        self.stats.entries += 1;
        // SAFETY: the code was compiled for this method's code and types; `frame` covers the
        // frame's locals and stack, which it reads and writes; the heap table and the statics
        // pointers are valid while it runs (it allocates nothing and runs no other code), and
        // every handle it follows is checked against the table's length and entry kind.
        let out = unsafe { (c.func)(&mut cx, entry) } as usize;
        *fuel = cx.fuel as u64;
        if c.exit_only.get(out).copied().unwrap_or(false)
            && translate::compiles(code.insns[out].get())
        {
            c.stale += 1;
            if c.stale >= STALE_EXITS && self.methods[i].1 < MAX_RECOMPILES {
                // Instructions resolved since it was compiled: compile again on next count.
                self.methods[i].0 = State::Counting(self.config.threshold.saturating_sub(1));
            }
        }
        Some(out)
    }

    fn compile(&mut self, prog: &Program, method: MethodId) {
        let i = method as usize;
        let result = self.try_compile(prog, method);
        let recompiles = &mut self.methods[i].1;
        self.methods[i].0 = match result {
            Ok(c) => {
                *recompiles += 1;
                State::Compiled(Box::new(c))
            }
            Err(_) => {
                self.stats.declined += 1;
                State::Never
            }
        };
    }

    fn try_compile(&mut self, prog: &Program, method: MethodId) -> Result<Compiled, String> {
        let code = prog
            .method(method)
            .code
            .get()
            .ok_or("no decoded code")?;
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
        for (state, _) in &mut self.methods {
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
        f.set(k, v).map_err(|e| format!("cranelift setting {k}: {e}"))
    };
    set(&mut flags, "opt_level", "speed")?;
    set(&mut flags, "use_colocated_libcalls", "false")?;
    set(&mut flags, "is_pic", "false")?;
    set(
        &mut flags,
        "enable_verifier",
        if cfg!(debug_assertions) { "true" } else { "false" },
    )?;
    let isa = cranelift_native::builder()
        .map_err(|e| format!("no code generator for this host: {e}"))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| e.to_string())?;
    let builder = JITBuilder::with_isa(isa, cranelift_module::default_libcall_names());
    Ok(JITModule::new(builder))
}
