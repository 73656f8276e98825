//! Translation of one method's decoded instructions into Cranelift IR.
//!
//! Locals and operand-stack slots live in SSA variables, one per slot and type. The compiled
//! function is entered at one of several instructions (an entry index picks which) with the
//! thread's slots in memory, and it leaves at an instruction boundary after writing back every
//! local and stack slot exactly as the interpreter would hold them there, with its tag. It
//! charges each basic block's instructions to the fuel (the interpreter's budget) before
//! running them, and leaves instead when too little is left, so the interpreter runs the last
//! instructions one by one and stops at the same instruction it would have stopped at alone.
//! An instruction it does not compile (calls, allocation, monitors, anything unresolved) and
//! any exceptional case (a null, an index out of bounds, a division by zero) is also an exit:
//! the interpreter runs that instruction, raising the exception itself.

use super::types::{Ty, Types, conv_types};
use super::{ctx, exit_code};
use crate::code::{Code, Cond, Conv, Elem, Insn, Op, Switch as CodeSwitch};
use crate::heap::{RawObj, raw_kind};
use crate::value::{Value, tag};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, AbiParam, Block, InstBuilder, MemFlagsData as MemFlags, Signature, Value as V, types as T,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch, Variable};
use std::collections::BTreeSet;

/// Whether compiled code runs an instruction itself (anything else is an exit to the
/// interpreter at that instruction).
pub(crate) fn compiles(insn: Insn) -> bool {
    matches!(
        insn,
        Insn::Nop
            | Insn::PushInt(_)
            | Insn::PushLong(_)
            | Insn::PushFloat(_)
            | Insn::PushDouble(_)
            | Insn::PushRef(_)
            | Insn::Load(_)
            | Insn::Load2(_)
            | Insn::Store(_)
            | Insn::Store2(_)
            | Insn::Iinc(..)
            | Insn::ArrayLoad(_)
            | Insn::ArrayStore(_)
            | Insn::Pop
            | Insn::Pop2
            | Insn::Dup
            | Insn::DupX1
            | Insn::DupX2
            | Insn::Dup2
            | Insn::Dup2X1
            | Insn::Dup2X2
            | Insn::Swap
            | Insn::IntOp(_)
            | Insn::LongOp(_)
            | Insn::FloatOp(_)
            | Insn::DoubleOp(_)
            | Insn::INeg
            | Insn::LNeg
            | Insn::FNeg
            | Insn::DNeg
            | Insn::Convert(_)
            | Insn::LCmp
            | Insn::FCmp(_)
            | Insn::DCmp(_)
            | Insn::If(..)
            | Insn::IfICmp(..)
            | Insn::IfACmp(..)
            | Insn::IfNull(..)
            | Insn::Goto(_)
            | Insn::Switch(_)
            | Insn::GetStaticQ { .. }
            | Insn::PutStaticQ { .. }
            | Insn::GetFieldQ { .. }
            | Insn::PutFieldQ { .. }
            | Insn::ArrayLength
            | Insn::InvokeDirect { .. }
            | Insn::InvokeVirtualQ { .. }
            | Insn::InvokeInterfaceQ { .. }
            | Insn::NewQ(_)
            | Insn::NewArray(_)
            | Insn::ANewArrayQ(_)
            | Insn::CheckCastQ(_)
            | Insn::InstanceOfQ(_)
            | Insn::Return
            | Insn::Return1
            | Insn::Return2
    )
}

/// Whether an instruction is a call compiled code makes itself.
pub(crate) fn is_call(insn: Insn) -> bool {
    matches!(
        insn,
        Insn::InvokeDirect { .. } | Insn::InvokeVirtualQ { .. } | Insn::InvokeInterfaceQ { .. }
    )
}

/// Whether control can continue at the next instruction after `insn` runs.
fn falls_through(insn: Insn) -> bool {
    !matches!(
        insn,
        Insn::Goto(_)
            | Insn::Switch(_)
            | Insn::Return
            | Insn::Return1
            | Insn::Return2
            | Insn::AThrow
    )
}

/// Whether an instruction is a call that selects its method by the receiver's class (it has
/// an inline cache).
pub(crate) fn is_dispatched(insn: Insn) -> bool {
    matches!(
        insn,
        Insn::InvokeVirtualQ { .. } | Insn::InvokeInterfaceQ { .. }
    )
}

fn branch_target(insn: Insn) -> Option<u32> {
    match insn {
        Insn::If(_, t)
        | Insn::IfICmp(_, t)
        | Insn::IfACmp(_, t)
        | Insn::IfNull(_, t)
        | Insn::Goto(t) => Some(t),
        _ => None,
    }
}

/// The instructions where compiled code can be entered from the interpreter, in entry-index
/// order: the method's start, loop headers (targets of backward branches), and the
/// instruction after each one it leaves for or calls through, so the interpreter comes back
/// to compiled code after running it (or after the callee returns).
pub(crate) fn entry_points(code: &Code, types: &Types) -> Vec<u32> {
    let n = code.insns.len();
    let mut set = BTreeSet::new();
    set.insert(0u32);
    for pc in 0..n {
        if !types.reachable[pc] {
            continue;
        }
        let insn = code.insns[pc].get();
        if let Some(t) = branch_target(insn)
            && t as usize <= pc
        {
            set.insert(t);
        }
        if let Insn::Switch(s) = insn {
            for t in code.switches[s as usize].targets() {
                if t as usize <= pc {
                    set.insert(t);
                }
            }
        }
        if (!compiles(insn) || is_call(insn))
            && falls_through(insn)
            && pc + 1 < n
            && types.reachable[pc + 1]
        {
            set.insert(pc as u32 + 1);
        }
    }
    set.into_iter()
        .filter(|&pc| types.reachable[pc as usize])
        .collect()
}

/// The signature of compiled methods: `(ctx, locals, frame index, entry index) -> exit code`.
pub(crate) fn signature(call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(T::I64));
    sig.params.push(AbiParam::new(T::I64));
    sig.params.push(AbiParam::new(T::I32));
    sig.params.push(AbiParam::new(T::I32));
    sig.returns.push(AbiParam::new(T::I64));
    sig
}

fn cl_type(t: Ty) -> ir::Type {
    match t {
        Ty::Int | Ty::Ref => T::I32,
        Ty::Float => T::F32,
        Ty::Long => T::I64,
        Ty::Double => T::F64,
        Ty::Top | Ty::Conflict => unreachable!("no variable holds a {t:?}"),
    }
}

fn tag_of(t: Ty) -> u8 {
    match t {
        Ty::Top => tag::TOP,
        Ty::Int => tag::INT,
        Ty::Float => tag::FLOAT,
        Ty::Long => tag::LONG,
        Ty::Double => tag::DOUBLE,
        Ty::Ref => tag::REF,
        Ty::Conflict => unreachable!("a conflict has no static tag"),
    }
}

fn ty_index(t: Ty) -> usize {
    match t {
        Ty::Int => 0,
        Ty::Float => 1,
        Ty::Long => 2,
        Ty::Double => 3,
        Ty::Ref => 4,
        Ty::Top | Ty::Conflict => unreachable!("no variable holds a {t:?}"),
    }
}

const SLOT: i64 = size_of::<Value>() as i64;
const RAW: i64 = size_of::<RawObj>() as i64;
const RAW_LEN: i32 = std::mem::offset_of!(RawObj, len) as i32;
const RAW_KIND: i32 = std::mem::offset_of!(RawObj, kind) as i32;
const RAW_CLASS: i32 = std::mem::offset_of!(RawObj, class) as i32;
const RAW_HASH: i32 = std::mem::offset_of!(RawObj, hash) as i32;

/// Helpers compiled code calls for what has no Cranelift instruction.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Helpers {
    /// `frem` with the interpreter's NaN rule.
    pub(crate) frem: usize,
    /// `drem` with the interpreter's NaN rule.
    pub(crate) drem: usize,
    /// `(ctx, method, args) -> status`: a call compiled code does not make directly (see
    /// `super::SLOW_*`).
    pub(crate) call_slow: usize,
    /// `(ctx, caller, pc, receiver, cache) -> method`: the method a virtual or interface call
    /// selects, on a miss of its inline cache.
    pub(crate) dispatch: usize,
    /// `(ctx, method, pc, length) -> handle or 0`: runs the allocation at `pc`.
    pub(crate) alloc: usize,
    /// `(ctx, what, a, b) -> 0 or 1`: a type check (see `super::CHECK_*`).
    pub(crate) check: usize,
}

/// What is compiled: a method's code, its types and entries, and its inline caches.
pub(crate) struct Method<'a> {
    /// The method.
    pub(crate) id: u32,
    /// Its decoded code.
    pub(crate) code: &'a Code,
    /// Its slot types.
    pub(crate) types: &'a Types,
    /// Its entry points ([`entry_points`]).
    pub(crate) entries: &'a [u32],
    /// Address of its inline cache words, one per [`is_dispatched`] call in code order.
    pub(crate) caches: usize,
    /// The program (for the fields of the classes it instantiates).
    pub(crate) prog: &'a crate::class::Program,
    /// Whether its heap stores mark the heap's dirty record ([`Jit::set_barriers`]).
    ///
    /// [`Jit::set_barriers`]: super::Jit::set_barriers
    pub(crate) barriers: bool,
}

struct Tx<'a, 'b> {
    b: FunctionBuilder<'a>,
    code: &'b Code,
    types: &'b Types,
    mid: u32,
    ctx: V,
    /// Where local 0 of this frame is.
    locals: V,
    /// This frame's index in the thread's frame list.
    fi: V,
    /// The shared end of every exit (parameters: pc and stack pointer relative to local 0):
    /// returns the pc to the interpreter, or writes the frame record and unwinds if this
    /// frame was called by compiled code.
    finish: Block,
    /// The shared end of an unwinding through a call (parameters as for `finish`).
    unwound: Block,
    /// Inline cache word of each instruction that has one.
    cache_of: Vec<Option<usize>>,
    /// `[slot][type]` variables.
    vars: Vec<[Variable; 5]>,
    /// Tag and payload (i64) of locals whose type is only known at run time.
    dyn_vars: Vec<Option<(Variable, Variable)>>,
    fuel: Variable,
    /// The heap's dirty map ([`ctx::DIRTY`]), loaded at entry and again after every call that
    /// may allocate (the map moves only when the handle table grows).
    dirty: Variable,
    /// Handles marked dirty since the current block of bytecode started: a mark stays set
    /// while compiled code runs (only a consumer between slices clears it, and the map keeps
    /// its contents when it grows), so a second store to the same handle in the block needs
    /// no mark of its own.
    marked: Vec<V>,
    /// Whether heap stores mark the dirty record (else `dirty` and `marked` are unused).
    barriers: bool,
    blocks: Vec<Option<Block>>,
    helpers: Helpers,
    /// Exit blocks by (instruction, fuel given back), shared by an instruction's checks.
    exits: std::collections::HashMap<(usize, i64), Block>,
    prog: &'b crate::class::Program,
}

/// Translates a method. `func` receives the IR.
pub(crate) fn translate(
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
    method: Method<'_>,
    helpers: Helpers,
    frontend: cranelift_codegen::isa::TargetFrontendConfig,
) {
    let Method {
        id: mid,
        code,
        types,
        entries,
        caches,
        prog,
        barriers,
    } = method;
    let n = code.insns.len();
    let mut site = 0;
    let cache_of = code
        .insns
        .iter()
        .map(|i| {
            is_dispatched(i.get()).then(|| {
                site += 1;
                caches + (site - 1) * 8
            })
        })
        .collect();
    let n_slots = types.n_locals + code.max_stack as usize;
    let mut b = FunctionBuilder::new(func, fctx);
    let vars: Vec<[Variable; 5]> = (0..n_slots)
        .map(|_| {
            [
                b.declare_var(T::I32),
                b.declare_var(T::F32),
                b.declare_var(T::I64),
                b.declare_var(T::F64),
                b.declare_var(T::I32),
            ]
        })
        .collect();
    let dyn_vars = (0..types.n_locals)
        .map(|i| types.dynamic[i].then(|| (b.declare_var(T::I8), b.declare_var(T::I64))))
        .collect();
    let fuel = b.declare_var(T::I64);
    let dirty = b.declare_var(T::I64);

    // Leaders: where a basic block starts.
    let mut leader = vec![false; n + 1];
    leader[0] = true;
    for &e in entries {
        leader[e as usize] = true;
    }
    for pc in 0..n {
        let insn = code.insns[pc].get();
        if let Some(t) = branch_target(insn) {
            leader[t as usize] = true;
            leader[pc + 1] = true;
        }
        if let Insn::Switch(s) = insn {
            for t in code.switches[s as usize].targets() {
                leader[t as usize] = true;
            }
            leader[pc + 1] = true;
        }
        if !compiles(insn) {
            leader[pc] = true;
            leader[pc + 1] = true;
        }
        if is_call(insn) {
            leader[pc + 1] = true;
        }
    }

    let start = b.create_block();
    b.append_block_params_for_function_params(start);
    let mut blocks = vec![None; n];
    for pc in 0..n {
        if leader[pc] && types.reachable[pc] {
            blocks[pc] = Some(b.create_block());
        }
    }
    b.switch_to_block(start);
    let ctx_v = b.block_params(start)[0];
    let locals_v = b.block_params(start)[1];
    let fi_v = b.block_params(start)[2];
    let entry_v = b.block_params(start)[3];
    let finish = b.create_block();
    b.append_block_param(finish, T::I32);
    b.append_block_param(finish, T::I32);
    b.set_cold_block(finish);
    let unwound = b.create_block();
    b.append_block_param(unwound, T::I32);
    b.append_block_param(unwound, T::I32);
    b.set_cold_block(unwound);
    let mut tx = Tx {
        b,
        code,
        types,
        mid,
        ctx: ctx_v,
        locals: locals_v,
        fi: fi_v,
        finish,
        unwound,
        cache_of,
        vars,
        dyn_vars,
        fuel,
        dirty,
        marked: Vec::new(),
        barriers,
        blocks,
        helpers,
        exits: std::collections::HashMap::new(),
        prog,
    };
    let f0 =
        tx.b.ins()
            .load(T::I64, MemFlags::trusted(), ctx_v, ctx::FUEL);
    tx.b.def_var(fuel, f0);
    tx.reload_dirty();

    // Entry dispatch, then one block per entry that loads the frame's slots.
    let entry_blocks: Vec<Block> = entries.iter().map(|_| tx.b.create_block()).collect();
    let bad_entry = tx.b.create_block();
    let mut sw = Switch::new();
    for (i, &blk) in entry_blocks.iter().enumerate() {
        sw.set_entry(i as u128, blk);
    }
    sw.emit(&mut tx.b, entry_v, bad_entry);
    tx.b.switch_to_block(bad_entry);
    // An entry index the caller never hands out: leave at once, at the method's start.
    let code_v = tx.b.ins().iconst(T::I64, exit_code(0) as i64);
    tx.b.ins().return_(&[code_v]);
    for (i, &pc) in entries.iter().enumerate() {
        tx.b.switch_to_block(entry_blocks[i]);
        tx.load_frame(pc as usize);
        let target = tx.blocks[pc as usize].expect("entries are reachable leaders");
        tx.b.ins().jump(target, &[]);
    }

    // The body: each leader's block runs up to the next leader or a branch.
    let mut pc = 0;
    while pc < n {
        if !(leader[pc] && types.reachable[pc]) {
            pc += 1;
            continue;
        }
        let block = tx.blocks[pc].expect("a reachable leader has a block");
        tx.b.switch_to_block(block);
        let insn = code.insns[pc].get();
        if !compiles(insn) {
            tx.exit(pc, 0);
            pc += 1;
            continue;
        }
        // The block's length: up to and including a branch, or up to the next leader.
        let mut end = pc;
        loop {
            let i = code.insns[end].get();
            end += 1;
            if branch_target(i).is_some()
                || matches!(i, Insn::Switch(_))
                || is_call(i)
                || !falls_through(i)
                || end >= n
                || leader[end]
            {
                break;
            }
        }
        let len = (end - pc) as i64;
        // Charge the fuel, or leave for the interpreter to run the rest one by one.
        let f = tx.b.use_var(fuel);
        let short = tx.b.ins().icmp_imm_s(IntCC::SignedLessThan, f, len);
        let body = tx.b.create_block();
        let out = tx.b.create_block();
        tx.b.set_cold_block(out);
        tx.b.ins().brif(short, out, &[], body, &[]);
        tx.b.seal_block(out);
        tx.b.seal_block(body);
        tx.b.switch_to_block(out);
        tx.exit(pc, 0);
        tx.b.switch_to_block(body);
        let f2 = tx.b.ins().iadd_imm_s(f, -len);
        tx.b.def_var(fuel, f2);
        tx.marked.clear();
        for at in pc..end {
            let rest = (end - at) as i64;
            tx.insn(at, rest);
        }
        let last = code.insns[end - 1].get();
        if falls_through(last)
            && branch_target(last).is_none()
            && !matches!(last, Insn::Switch(_))
            && !is_call(last)
        {
            match tx.blocks.get(end).copied().flatten() {
                Some(next) => {
                    tx.b.ins().jump(next, &[]);
                }
                None => {
                    // Falling off the end of the code: the interpreter reports it.
                    tx.exit(end.min(n - 1), 0);
                }
            }
        }
        pc = end;
    }
    tx.finish_blocks();
    tx.b.seal_all_blocks();
    tx.b.finalize(frontend);
}

impl Tx<'_, '_> {
    fn var(&self, slot: usize, t: Ty) -> Variable {
        self.vars[slot][ty_index(t)]
    }

    fn slot_addr(&mut self, slot: usize) -> (V, i32) {
        (self.locals, (slot as i64 * SLOT) as i32)
    }

    /// Whether this frame was called by compiled code (its index is past the frames the
    /// interpreter had when compiled code was entered): 1 or 0.
    fn called_by_compiled_code(&mut self) -> V {
        let flags = MemFlags::trusted();
        let roots = self.b.ins().load(T::I32, flags, self.ctx, ctx::ROOTS);
        self.b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, self.fi, roots)
    }

    /// Emits the shared ends of exits and unwindings.
    fn finish_blocks(&mut self) {
        let flags = MemFlags::trusted();
        // An exit: a root frame returns the pc; a frame called by compiled code writes its
        // record, names itself the innermost frame, and unwinds.
        self.b.switch_to_block(self.finish);
        let pc = self.b.block_params(self.finish)[0];
        let sp = self.b.block_params(self.finish)[1];
        let direct = self.called_by_compiled_code();
        let record = self.b.create_block();
        let back = self.b.create_block();
        self.b.set_cold_block(record);
        self.b.set_cold_block(back);
        self.b.ins().brif(direct, record, &[], back, &[]);
        self.b.switch_to_block(back);
        let code_v = self.b.ins().uextend(T::I64, pc);
        self.b.ins().return_(&[code_v]);
        self.b.switch_to_block(record);
        self.write_record(pc, sp, true);
        self.b
            .ins()
            .store(flags, self.fi, self.ctx, ctx::UNWOUND_TOP);
        let code_v = self.b.ins().iconst(T::I64, super::UNWOUND as i64);
        self.b.ins().return_(&[code_v]);

        // An unwinding through a call: the record of a root frame exists and needs only its
        // pc and stack pointer.
        self.b.switch_to_block(self.unwound);
        let pc = self.b.block_params(self.unwound)[0];
        let sp = self.b.block_params(self.unwound)[1];
        let direct = self.called_by_compiled_code();
        let full = self.b.create_block();
        let part = self.b.create_block();
        self.b.set_cold_block(full);
        self.b.set_cold_block(part);
        self.b.ins().brif(direct, full, &[], part, &[]);
        self.b.switch_to_block(full);
        self.write_record(pc, sp, true);
        let code_v = self.b.ins().iconst(T::I64, super::UNWOUND as i64);
        self.b.ins().return_(&[code_v]);
        self.b.switch_to_block(part);
        self.write_record(pc, sp, false);
        let code_v = self.b.ins().iconst(T::I64, super::UNWOUND as i64);
        self.b.ins().return_(&[code_v]);
    }

    /// Writes this frame's record in the thread's frame list: pc and stack pointer, and if
    /// `whole`, the method, base, kind (normal) and monitor (none) too.
    fn write_record(&mut self, pc: V, sp: V, whole: bool) {
        use super::frame;
        let flags = MemFlags::trusted();
        let frames = self.b.ins().load(T::I64, flags, self.ctx, ctx::FRAMES);
        let fi = self.b.ins().uextend(T::I64, self.fi);
        let off = self.b.ins().imul_imm_s(fi, frame::SIZE);
        let rec = self.b.ins().iadd(frames, off);
        let slots = self.b.ins().load(T::I64, flags, self.ctx, ctx::SLOTS);
        let bytes = self.b.ins().isub(self.locals, slots);
        let index = self.b.ins().ushr_imm_s(bytes, SLOT.trailing_zeros() as i64);
        let base = self.b.ins().ireduce(T::I32, index);
        let top = self.b.ins().iadd(base, sp);
        self.b.ins().store(flags, pc, rec, frame::PC);
        self.b.ins().store(flags, top, rec, frame::SP);
        if whole {
            let m = self.b.ins().iconst(T::I32, self.mid as i64);
            let zero32 = self.b.ins().iconst(T::I32, 0);
            self.b.ins().store(flags, m, rec, frame::METHOD);
            self.b.ins().store(flags, base, rec, frame::BASE);
            self.b.ins().store(flags, zero32, rec, frame::KIND);
            self.b.ins().store(flags, zero32, rec, frame::KIND + 4);
            self.b.ins().store(flags, zero32, rec, frame::SYNC);
        }
    }

    /// Loads the frame's slots into variables, as typed before instruction `pc`.
    fn load_frame(&mut self, pc: usize) {
        let depth = self.code.depths[pc] as usize;
        let (base, _) = self.slot_addr(0);
        let locals: Vec<Ty> = self.types.locals(pc).to_vec();
        let stack: Vec<Ty> = self.types.stack(pc, depth).to_vec();
        let n_locals = self.types.n_locals;
        for (i, &t) in locals.iter().enumerate() {
            let off = (i as i64 * SLOT) as i32;
            if let Some((tv, pv)) = self.dyn_vars[i]
                && pc == 0
                && t == Ty::Top
            {
                // A local that is not an argument: the interpreter's new frames hold Top
                // there, and a frame called by compiled code holds whatever was there before.
                let tg = self.b.ins().iconst(T::I8, tag::TOP as i64);
                let p = self.b.ins().iconst(T::I64, 0);
                self.b.def_var(tv, tg);
                self.b.def_var(pv, p);
            } else if let Some((tv, pv)) = self.dyn_vars[i] {
                let tg = self.b.ins().load(T::I8, MemFlags::trusted(), base, off);
                let p = self
                    .b
                    .ins()
                    .load(T::I64, MemFlags::trusted(), base, off + tag::PAYLOAD);
                self.b.def_var(tv, tg);
                self.b.def_var(pv, p);
            }
            if !matches!(t, Ty::Top | Ty::Conflict) {
                let v =
                    self.b
                        .ins()
                        .load(cl_type(t), MemFlags::trusted(), base, off + tag::PAYLOAD);
                let var = self.var(i, t);
                self.b.def_var(var, v);
            }
        }
        for (k, &t) in stack.iter().enumerate() {
            if t != Ty::Top {
                let off = ((n_locals + k) as i64 * SLOT) as i32;
                let v =
                    self.b
                        .ins()
                        .load(cl_type(t), MemFlags::trusted(), base, off + tag::PAYLOAD);
                let var = self.var(n_locals + k, t);
                self.b.def_var(var, v);
            }
        }
    }

    /// Ends the current block by writing the frame as it is before instruction `pc` and
    /// leaving; `fuel_back` instructions charged but not run are given back.
    fn exit(&mut self, pc: usize, fuel_back: i64) {
        self.write_state(pc, fuel_back);
        let sp = self.types.n_locals + self.code.depths[pc] as usize;
        let pc_v = self.b.ins().iconst(T::I32, exit_code(pc as u32) as i64);
        let sp_v = self.b.ins().iconst(T::I32, sp as i64);
        self.b.ins().jump(self.finish, &[pc_v.into(), sp_v.into()]);
    }

    /// Writes the frame as it is before instruction `pc`, and the fuel (plus `fuel_back`).
    fn write_state(&mut self, pc: usize, fuel_back: i64) {
        self.write_slots(pc, self.code.depths[pc] as usize, fuel_back);
    }

    /// Writes the locals and the lowest `depth` stack slots as they are before `pc`, and the
    /// fuel (plus `fuel_back`).
    fn write_slots(&mut self, pc: usize, depth: usize, fuel_back: i64) {
        let (base, _) = self.slot_addr(0);
        let locals: Vec<Ty> = self.types.locals(pc).to_vec();
        let all = self.code.depths[pc] as usize;
        let stack: Vec<Ty> = self.types.stack(pc, all)[..depth].to_vec();
        let n_locals = self.types.n_locals;
        let flags = MemFlags::trusted();
        for (i, &t) in locals.iter().enumerate() {
            let off = (i as i64 * SLOT) as i32;
            if t == Ty::Conflict {
                let (tv, pv) = self.dyn_vars[i].expect("conflicting locals are dynamic");
                let tg = self.b.use_var(tv);
                let p = self.b.use_var(pv);
                self.b.ins().store(flags, tg, base, off);
                self.b.ins().store(flags, p, base, off + tag::PAYLOAD);
            } else {
                self.store_slot(base, off, i, t);
            }
        }
        for (k, &t) in stack.iter().enumerate() {
            let off = ((n_locals + k) as i64 * SLOT) as i32;
            self.store_slot(base, off, n_locals + k, t);
        }
        let mut f = self.b.use_var(self.fuel);
        if fuel_back != 0 {
            f = self.b.ins().iadd_imm_s(f, fuel_back);
        }
        self.b.ins().store(flags, f, self.ctx, ctx::FUEL);
    }

    fn store_slot(&mut self, base: V, off: i32, slot: usize, t: Ty) {
        let flags = MemFlags::trusted();
        let tg = self.b.ins().iconst(T::I8, tag_of(t) as i64);
        self.b.ins().store(flags, tg, base, off);
        if t != Ty::Top {
            let var = self.var(slot, t);
            let v = self.b.use_var(var);
            self.b.ins().store(flags, v, base, off + tag::PAYLOAD);
        }
    }

    /// Leaves at `pc` when `cond` holds (a cold path), else continues in a new block.
    ///
    /// The checks of one instruction share one exit: they all come before the instruction
    /// changes any slot, so the state to write is the same (it is sealed at the end).
    fn exit_if(&mut self, cond: V, pc: usize, rest: i64) {
        let cont = self.b.create_block();
        match self.exits.get(&(pc, rest)) {
            Some(&out) => {
                self.b.ins().brif(cond, out, &[], cont, &[]);
                self.b.seal_block(cont);
                self.b.switch_to_block(cont);
            }
            None => {
                let out = self.b.create_block();
                self.exits.insert((pc, rest), out);
                self.b.set_cold_block(out);
                self.b.ins().brif(cond, out, &[], cont, &[]);
                self.b.seal_block(cont);
                self.b.switch_to_block(out);
                self.exit(pc, rest);
                self.b.switch_to_block(cont);
            }
        }
    }

    fn get(&mut self, slot: usize, t: Ty) -> V {
        let var = self.var(slot, t);
        self.b.use_var(var)
    }

    fn set(&mut self, slot: usize, t: Ty, v: V) {
        let var = self.var(slot, t);
        self.b.def_var(var, v);
        if slot < self.types.n_locals
            && let Some((tv, pv)) = self.dyn_vars[slot]
        {
            let tg = self.b.ins().iconst(T::I8, tag_of(t) as i64);
            self.b.def_var(tv, tg);
            // The payload as the 8 bytes at offset 8 of the slot: a 32-bit payload occupies
            // the first 4 of them, which are the high half of the word on big-endian hosts.
            let narrow = |tx: &mut Self, i: V| {
                let w = tx.b.ins().uextend(T::I64, i);
                if cfg!(target_endian = "big") {
                    tx.b.ins().ishl_imm_s(w, 32)
                } else {
                    w
                }
            };
            let bits = match t {
                Ty::Int | Ty::Ref => narrow(self, v),
                Ty::Float => {
                    let i = self.b.ins().bitcast(T::I32, MemFlags::new(), v);
                    narrow(self, i)
                }
                Ty::Double => self.b.ins().bitcast(T::I64, MemFlags::new(), v),
                _ => v,
            };
            self.b.def_var(pv, bits);
        }
    }

    fn set_top(&mut self, slot: usize) {
        if slot < self.types.n_locals
            && let Some((tv, _)) = self.dyn_vars[slot]
        {
            let tg = self.b.ins().iconst(T::I8, tag::TOP as i64);
            self.b.def_var(tv, tg);
        }
    }

    /// Copies slot `from` to slot `to` with the type `from` has.
    fn copy(&mut self, from: usize, to: usize, t: Ty) {
        if t == Ty::Top {
            self.set_top(to);
        } else {
            let v = self.get(from, t);
            self.set(to, t, v);
        }
    }

    /// The raw view of an object for an access that needs storage of `kind`: leaves at `pc`
    /// unless the handle names a live object of that kind. Returns `(storage, length)`.
    fn object(&mut self, r: V, kind: u32, pc: usize, rest: i64) -> (V, V) {
        let flags = MemFlags::trusted();
        let len = self.b.ins().load(T::I64, flags, self.ctx, ctx::HEAP_LEN);
        let r64 = self.b.ins().uextend(T::I64, r);
        let out_of_table = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, r64, len);
        self.exit_if(out_of_table, pc, rest);
        let table = self.b.ins().load(T::I64, flags, self.ctx, ctx::HEAP);
        let off = self.b.ins().imul_imm_s(r64, RAW);
        let entry = self.b.ins().iadd(table, off);
        let k = self.b.ins().load(T::I32, flags, entry, RAW_KIND);
        let wrong = if kind == raw_kind::FREE {
            // Any array: not free and not an instance.
            let free = self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, k, raw_kind::FREE as i64);
            let inst = self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, k, raw_kind::FIELDS as i64);
            self.b.ins().bor(free, inst)
        } else {
            self.b.ins().icmp_imm_s(IntCC::NotEqual, k, kind as i64)
        };
        self.exit_if(wrong, pc, rest);
        let data = self.b.ins().load(T::I64, flags, entry, 0);
        let n = self.b.ins().load(T::I32, flags, entry, RAW_LEN);
        (data, n)
    }

    /// The address of element `i` (checked against `n`) of `data`, elements `size` bytes.
    fn element(&mut self, data: V, n: V, i: V, size: i64, pc: usize, rest: i64) -> V {
        let out = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, i, n);
        self.exit_if(out, pc, rest);
        let i64v = self.b.ins().uextend(T::I64, i);
        let off = self.b.ins().imul_imm_s(i64v, size);
        self.b.ins().iadd(data, off)
    }

    /// The storage of a field slot of an instance, checking that the slot exists.
    fn field_addr(&mut self, r: V, slot: u16, pc: usize, rest: i64) -> V {
        let (data, n) = self.object(r, raw_kind::FIELDS, pc, rest);
        let bad = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, n, slot as i64);
        self.exit_if(bad, pc, rest);
        self.b.ins().iadd_imm_s(data, slot as i64 * SLOT)
    }

    /// Loads the heap's dirty map from the context into [`Tx::dirty`].
    fn reload_dirty(&mut self) {
        if !self.barriers {
            return;
        }
        let d = self
            .b
            .ins()
            .load(T::I64, MemFlags::trusted(), self.ctx, ctx::DIRTY);
        self.b.def_var(self.dirty, d);
    }

    /// Marks handle `r` (checked against the table already) in the heap's dirty map.
    fn mark(&mut self, r: V) {
        if !self.barriers || self.marked.contains(&r) {
            return;
        }
        self.marked.push(r);
        let flags = MemFlags::trusted();
        let dirty = self.b.use_var(self.dirty);
        let r64 = self.b.ins().uextend(T::I64, r);
        let at = self.b.ins().iadd(dirty, r64);
        let one = self.b.ins().iconst(T::I8, 1);
        self.b.ins().store(flags, one, at, 0);
    }

    /// Marks a store to the element at `addr` of array `r`, whose storage `data` holds `n`
    /// elements of `size` bytes: for small storage the handle's byte in the dirty
    /// map, for large storage the element's card (one byte per
    /// [`CARD_BYTES`](crate::heap::CARD_BYTES), card `k` at `data - 1 - k`). One store, no
    /// branch: both addresses are computed and one is selected.
    fn mark_element(&mut self, r: V, data: V, n: V, addr: V, size: i64) {
        use crate::heap::{CARD_BYTES, CARD_SHIFT};
        if !self.barriers {
            return;
        }
        let flags = MemFlags::trusted();
        let off = self.b.ins().isub(addr, data);
        let large =
            self.b
                .ins()
                .icmp_imm_s(IntCC::UnsignedGreaterThan, n, (CARD_BYTES as i64) / size);
        let card = self.b.ins().ushr_imm_s(off, CARD_SHIFT as i64);
        let card_at = self.b.ins().isub(data, card);
        let dirty = self.b.use_var(self.dirty);
        let r64 = self.b.ins().uextend(T::I64, r);
        let mark_at = self.b.ins().iadd(dirty, r64);
        let mark_at = self.b.ins().iadd_imm_s(mark_at, 1);
        let at = self.b.ins().select(large, card_at, mark_at);
        let one = self.b.ins().iconst(T::I8, 1);
        self.b.ins().store(flags, one, at, -1);
    }

    /// The storage of a static slot.
    fn static_addr(&mut self, class: u32, slot: u16) -> V {
        let flags = MemFlags::trusted();
        let table = self.b.ins().load(T::I64, flags, self.ctx, ctx::STATICS);
        let p = self
            .b
            .ins()
            .load(T::I64, flags, table, (class as i64 * 8) as i32);
        self.b.ins().iadd_imm_s(p, slot as i64 * SLOT)
    }

    /// Reads a tagged value of type `t` at `addr`, leaving at `pc` if its tag is not `t`'s
    /// (only unverified code stores a value of another type in a field).
    fn read_tagged(&mut self, addr: V, t: Ty, pc: usize, rest: i64) -> V {
        let flags = MemFlags::trusted();
        let tg = self.b.ins().load(T::I8, flags, addr, 0);
        let bad = self
            .b
            .ins()
            .icmp_imm_s(IntCC::NotEqual, tg, tag_of(t) as i64);
        self.exit_if(bad, pc, rest);
        self.b.ins().load(cl_type(t), flags, addr, tag::PAYLOAD)
    }

    fn write_tagged(&mut self, addr: V, t: Ty, v: V) {
        let flags = MemFlags::trusted();
        let tg = self.b.ins().iconst(T::I8, tag_of(t) as i64);
        self.b.ins().store(flags, tg, addr, 0);
        self.b.ins().store(flags, v, addr, tag::PAYLOAD);
    }

    fn fix_nan(&mut self, r: V, a: V, bv: V, wide: bool) -> V {
        // The interpreter's rule (interp::fix_nan32/64) on a cold path taken only for NaN.
        let (it, quiet, canon) = if wide {
            (
                T::I64,
                0x0008_0000_0000_0000_i64,
                0xfff8_0000_0000_0000_u64 as i64,
            )
        } else {
            (T::I32, 0x0040_0000_i64, 0xffc0_0000_u32 as i32 as i64)
        };
        let ft = if wide { T::F64 } else { T::F32 };
        let is_nan = self.b.ins().fcmp(FloatCC::Unordered, r, r);
        let slow = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, ft);
        self.b.set_cold_block(slow);
        self.b.ins().brif(is_nan, slow, &[], join, &[r.into()]);
        self.b.seal_block(slow);
        self.b.switch_to_block(slow);
        let ab = self.b.ins().bitcast(it, MemFlags::new(), a);
        let bb = self.b.ins().bitcast(it, MemFlags::new(), bv);
        let aq = self.b.ins().bor_imm_s(ab, quiet);
        let bq = self.b.ins().bor_imm_s(bb, quiet);
        let cn = self.b.ins().iconst(it, canon);
        let a_nan = self.b.ins().fcmp(FloatCC::Unordered, a, a);
        let b_nan = self.b.ins().fcmp(FloatCC::Unordered, bv, bv);
        let t1 = self.b.ins().select(b_nan, bq, cn);
        let t2 = self.b.ins().select(a_nan, aq, t1);
        let fv = self.b.ins().bitcast(ft, MemFlags::new(), t2);
        self.b.ins().jump(join, &[fv.into()]);
        self.b.seal_block(join);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    fn call_helper(&mut self, addr: usize, t: ir::Type, a: V, bv: V) -> V {
        let mut sig = Signature::new(self.b.func.signature.call_conv);
        sig.params.push(AbiParam::new(t));
        sig.params.push(AbiParam::new(t));
        sig.returns.push(AbiParam::new(t));
        let sr = self.b.import_signature(sig);
        let f = self.b.ins().iconst(T::I64, addr as i64);
        let call = self.b.ins().call_indirect(sr, f, &[a, bv]);
        self.b.inst_results(call)[0]
    }

    fn cmp3(&mut self, lt: V, gt: V) -> V {
        // (a > b) - (a < b) as an int.
        let g = self.b.ins().uextend(T::I32, gt);
        let l = self.b.ins().uextend(T::I32, lt);
        self.b.ins().isub(g, l)
    }

    fn jump_to(&mut self, target: u32) {
        let blk = self.blocks[target as usize].expect("branch targets are leaders");
        self.b.ins().jump(blk, &[]);
    }

    fn branch(&mut self, cond: V, target: u32, pc: usize) {
        let t = self.blocks[target as usize].expect("branch targets are leaders");
        let f = self.blocks[pc + 1].expect("the instruction after a branch is a leader");
        self.b.ins().brif(cond, t, &[], f, &[]);
    }

    /// Translates the instruction at `pc`; `rest` is how many of the block's charged
    /// instructions (this one included) have not run yet.
    fn insn(&mut self, pc: usize, rest: i64) {
        let insn = self.code.insns[pc].get();
        let nl = self.types.n_locals;
        let sp = nl + self.code.depths[pc] as usize;
        let st = |k: usize| -> Ty { self.types.stack(pc, self.code.depths[pc] as usize)[k - nl] };
        let flags = MemFlags::trusted();
        match insn {
            Insn::Nop => {}
            Insn::PushInt(v) => {
                let c = self.b.ins().iconst(T::I32, v as i64);
                self.set(sp, Ty::Int, c);
            }
            Insn::PushLong(v) => {
                let c = self.b.ins().iconst(T::I64, v);
                self.set(sp, Ty::Long, c);
            }
            Insn::PushFloat(v) => {
                let c = self.b.ins().f32const(v);
                self.set(sp, Ty::Float, c);
            }
            Insn::PushDouble(v) => {
                let c = self.b.ins().f64const(v);
                self.set(sp, Ty::Double, c);
            }
            Insn::PushRef(r) => {
                let c = self.b.ins().iconst(T::I32, r as i64);
                self.set(sp, Ty::Ref, c);
            }
            Insn::Load(n) | Insn::Load2(n) => {
                let t = self.types.locals(pc)[n as usize];
                self.copy(n as usize, sp, t);
            }
            Insn::Store(n) => {
                let t = st(sp - 1);
                self.copy(sp - 1, n as usize, t);
            }
            Insn::Store2(n) => {
                let t = st(sp - 2);
                self.copy(sp - 2, n as usize, t);
                self.set_top(n as usize + 1);
            }
            Insn::Iinc(n, d) => {
                let v = self.get(n as usize, Ty::Int);
                let r = self.b.ins().iadd_imm_s(v, d as i64);
                self.set(n as usize, Ty::Int, r);
            }
            Insn::ArrayLoad(e) => {
                let r = self.get(sp - 2, Ty::Ref);
                let i = self.get(sp - 1, Ty::Int);
                let (kind, size, lt, t) = elem_layout(e);
                let (data, n) = self.object(r, kind, pc, rest);
                let addr = self.element(data, n, i, size, pc, rest);
                let v = match e {
                    Elem::Byte => self.b.ins().sload8(T::I32, flags, addr, 0),
                    Elem::Char => self.b.ins().uload16(T::I32, flags, addr, 0),
                    Elem::Short => self.b.ins().sload16(T::I32, flags, addr, 0),
                    _ => self.b.ins().load(lt, flags, addr, 0),
                };
                self.set(sp - 2, t, v);
            }
            Insn::ArrayStore(e) => {
                let (kind, size, _, t) = elem_layout(e);
                let w = if matches!(t, Ty::Long | Ty::Double) {
                    2
                } else {
                    1
                };
                let v = self.get(sp - w, t);
                let i = self.get(sp - w - 1, Ty::Int);
                let r = self.get(sp - w - 2, Ty::Ref);
                if e == Elem::Ref {
                    // A non-null store needs the covariant-array check.
                    let ok = self.check_nonnull(super::CHECK_STORE, r, v, v, true);
                    let bad = self.b.ins().icmp_imm_s(IntCC::Equal, ok, 0);
                    self.exit_if(bad, pc, rest);
                }
                let (data, n) = self.object(r, kind, pc, rest);
                let addr = self.element(data, n, i, size, pc, rest);
                self.mark_element(r, data, n, addr, size);
                match e {
                    Elem::Byte => {
                        self.b.ins().istore8(flags, v, addr, 0);
                    }
                    Elem::Char | Elem::Short => {
                        self.b.ins().istore16(flags, v, addr, 0);
                    }
                    _ => {
                        self.b.ins().store(flags, v, addr, 0);
                    }
                }
            }
            Insn::Pop | Insn::Pop2 => {}
            Insn::Dup => self.copy(sp - 1, sp, st(sp - 1)),
            Insn::DupX1 | Insn::DupX2 | Insn::Dup2 | Insn::Dup2X1 | Insn::Dup2X2 | Insn::Swap => {
                let need = match insn {
                    Insn::Swap | Insn::DupX1 | Insn::Dup2 => 2,
                    Insn::DupX2 | Insn::Dup2X1 => 3,
                    _ => 4,
                };
                let v: Vec<(usize, Ty)> = (sp - need..sp).map(|k| (k, st(k))).collect();
                let order: Vec<usize> = match insn {
                    Insn::Swap => vec![1, 0],
                    Insn::DupX1 => vec![1, 0, 1],
                    Insn::DupX2 => vec![2, 0, 1, 2],
                    Insn::Dup2 => vec![0, 1, 0, 1],
                    Insn::Dup2X1 => vec![1, 2, 0, 1, 2],
                    _ => vec![2, 3, 0, 1, 2, 3],
                };
                // Read every source before writing any destination.
                let vals: Vec<Option<V>> = order
                    .iter()
                    .map(|&k| {
                        let (slot, t) = v[k];
                        (t != Ty::Top).then(|| self.get(slot, t))
                    })
                    .collect();
                for (j, &k) in order.iter().enumerate() {
                    let to = sp - need + j;
                    match vals[j] {
                        Some(x) => self.set(to, v[k].1, x),
                        None => self.set_top(to),
                    }
                }
            }
            Insn::IntOp(op) => {
                let bv = self.get(sp - 1, Ty::Int);
                let a = self.get(sp - 2, Ty::Int);
                let r = self.int_op(op, a, bv, T::I32, pc, rest);
                self.set(sp - 2, Ty::Int, r);
            }
            Insn::LongOp(op) => {
                if matches!(op, Op::Shl | Op::Shr | Op::Ushr) {
                    let s = self.get(sp - 1, Ty::Int);
                    let a = self.get(sp - 3, Ty::Long);
                    let s = self.b.ins().band_imm_s(s, 63);
                    let s = self.b.ins().uextend(T::I64, s);
                    let r = match op {
                        Op::Shl => self.b.ins().ishl(a, s),
                        Op::Shr => self.b.ins().sshr(a, s),
                        _ => self.b.ins().ushr(a, s),
                    };
                    self.set(sp - 3, Ty::Long, r);
                } else {
                    let bv = self.get(sp - 2, Ty::Long);
                    let a = self.get(sp - 4, Ty::Long);
                    let r = self.int_op(op, a, bv, T::I64, pc, rest);
                    self.set(sp - 4, Ty::Long, r);
                }
            }
            Insn::FloatOp(op) => {
                let bv = self.get(sp - 1, Ty::Float);
                let a = self.get(sp - 2, Ty::Float);
                let r = self.float_op(op, a, bv, false);
                self.set(sp - 2, Ty::Float, r);
            }
            Insn::DoubleOp(op) => {
                let bv = self.get(sp - 2, Ty::Double);
                let a = self.get(sp - 4, Ty::Double);
                let r = self.float_op(op, a, bv, true);
                self.set(sp - 4, Ty::Double, r);
            }
            Insn::INeg | Insn::LNeg | Insn::FNeg | Insn::DNeg => {
                let (t, at) = match insn {
                    Insn::INeg => (Ty::Int, sp - 1),
                    Insn::LNeg => (Ty::Long, sp - 2),
                    Insn::FNeg => (Ty::Float, sp - 1),
                    _ => (Ty::Double, sp - 2),
                };
                let v = self.get(at, t);
                let r = match t {
                    Ty::Int | Ty::Long => self.b.ins().ineg(v),
                    _ => self.b.ins().fneg(v),
                };
                self.set(at, t, r);
            }
            Insn::Convert(c) => {
                let (from, to) = conv_types(c);
                let at = if matches!(from, Ty::Long | Ty::Double) {
                    sp - 2
                } else {
                    sp - 1
                };
                let v = self.get(at, from);
                let r = self.convert(c, v);
                self.set(at, to, r);
            }
            Insn::LCmp => {
                let bv = self.get(sp - 2, Ty::Long);
                let a = self.get(sp - 4, Ty::Long);
                let lt = self.b.ins().icmp(IntCC::SignedLessThan, a, bv);
                let gt = self.b.ins().icmp(IntCC::SignedGreaterThan, a, bv);
                let r = self.cmp3(lt, gt);
                self.set(sp - 4, Ty::Int, r);
            }
            Insn::FCmp(g) | Insn::DCmp(g) => {
                let (t, w) = if matches!(insn, Insn::FCmp(_)) {
                    (Ty::Float, 1)
                } else {
                    (Ty::Double, 2)
                };
                let bv = self.get(sp - w, t);
                let a = self.get(sp - 2 * w, t);
                let lt = self.b.ins().fcmp(FloatCC::LessThan, a, bv);
                let gt = self.b.ins().fcmp(FloatCC::GreaterThan, a, bv);
                let r = self.cmp3(lt, gt);
                let uno = self.b.ins().fcmp(FloatCC::Unordered, a, bv);
                let nan_v = self.b.ins().iconst(T::I32, if g { 1 } else { -1 });
                let r = self.b.ins().select(uno, nan_v, r);
                self.set(sp - 2 * w, Ty::Int, r);
            }
            Insn::If(c, t) => {
                let v = self.get(sp - 1, Ty::Int);
                let cond = self.b.ins().icmp_imm_s(int_cc(c), v, 0);
                self.branch(cond, t, pc);
            }
            Insn::IfICmp(c, t) => {
                let bv = self.get(sp - 1, Ty::Int);
                let a = self.get(sp - 2, Ty::Int);
                let cond = self.b.ins().icmp(int_cc(c), a, bv);
                self.branch(cond, t, pc);
            }
            Insn::IfACmp(eq, t) => {
                let bv = self.get(sp - 1, Ty::Ref);
                let a = self.get(sp - 2, Ty::Ref);
                let cc = if eq { IntCC::Equal } else { IntCC::NotEqual };
                let cond = self.b.ins().icmp(cc, a, bv);
                self.branch(cond, t, pc);
            }
            Insn::IfNull(is_null, t) => {
                let v = self.get(sp - 1, Ty::Ref);
                let cc = if is_null {
                    IntCC::Equal
                } else {
                    IntCC::NotEqual
                };
                let cond = self.b.ins().icmp_imm_s(cc, v, 0);
                self.branch(cond, t, pc);
            }
            Insn::Goto(t) => self.jump_to(t),
            Insn::Switch(s) => {
                let key = self.get(sp - 1, Ty::Int);
                // Keys compare as their 32 bits, unsigned, in a 64-bit value.
                let key = self.b.ins().uextend(T::I64, key);
                let mut sw = Switch::new();
                let default = match &self.code.switches[s as usize] {
                    CodeSwitch::Table {
                        low,
                        targets,
                        default,
                    } => {
                        for (k, &t) in targets.iter().enumerate() {
                            let key = low.wrapping_add(k as i32) as u32 as u128;
                            let blk = self.blocks[t as usize].expect("switch targets are leaders");
                            sw.set_entry(key, blk);
                        }
                        *default
                    }
                    CodeSwitch::Lookup { pairs, default } => {
                        for &(k, t) in pairs {
                            let blk = self.blocks[t as usize].expect("switch targets are leaders");
                            sw.set_entry(k as u32 as u128, blk);
                        }
                        *default
                    }
                };
                let d = self.blocks[default as usize].expect("switch targets are leaders");
                sw.emit(&mut self.b, key, d);
            }
            Insn::GetStaticQ { class, slot, .. } => {
                let t = st_after(self.types, self.code, pc, sp);
                let addr = self.static_addr(class, slot);
                let v = self.read_tagged(addr, t, pc, rest);
                self.set(sp, t, v);
            }
            Insn::PutStaticQ { class, slot, wide } => {
                let at = if wide { sp - 2 } else { sp - 1 };
                let t = st(at);
                let v = self.get(at, t);
                let addr = self.static_addr(class, slot);
                self.write_tagged(addr, t, v);
            }
            Insn::GetFieldQ { slot, .. } => {
                let t = st_after(self.types, self.code, pc, sp - 1);
                let r = self.get(sp - 1, Ty::Ref);
                let addr = self.field_addr(r, slot, pc, rest);
                let v = self.read_tagged(addr, t, pc, rest);
                self.set(sp - 1, t, v);
            }
            Insn::PutFieldQ { slot, wide } => {
                let at = if wide { sp - 2 } else { sp - 1 };
                let t = st(at);
                let v = self.get(at, t);
                let r = self.get(at - 1, Ty::Ref);
                let addr = self.field_addr(r, slot, pc, rest);
                self.mark(r);
                self.write_tagged(addr, t, v);
            }
            Insn::ArrayLength => {
                let r = self.get(sp - 1, Ty::Ref);
                let (_, n) = self.object(r, raw_kind::FREE, pc, rest);
                self.set(sp - 1, Ty::Int, n);
            }
            Insn::InvokeDirect { .. }
            | Insn::InvokeVirtualQ { .. }
            | Insn::InvokeInterfaceQ { .. } => {
                self.call(pc, rest);
            }
            Insn::Return | Insn::Return1 | Insn::Return2 => {
                self.ret(pc, rest, insn);
            }
            Insn::NewQ(_) | Insn::NewArray(_) | Insn::ANewArrayQ(_) => {
                let (at, len) = if matches!(insn, Insn::NewQ(_)) {
                    (sp, self.b.ins().iconst(T::I32, 0))
                } else {
                    (sp - 1, self.get(sp - 1, Ty::Int))
                };
                let join = self.b.create_block();
                self.b.append_block_param(join, T::I32);
                let slow = self.b.create_block();
                match insn {
                    Insn::NewQ(class) => self.alloc_inline(class, slow, join),
                    _ => {
                        self.b.ins().jump(slow, &[]);
                    }
                }
                self.b.seal_block(slow);
                self.b.switch_to_block(slow);
                let pc_v = self.b.ins().iconst(T::I32, pc as i64);
                let mid_v = self.b.ins().iconst(T::I32, self.mid as i64);
                let mut sig = Signature::new(self.b.func.signature.call_conv);
                sig.params.push(AbiParam::new(T::I64));
                sig.params.push(AbiParam::new(T::I32));
                sig.params.push(AbiParam::new(T::I32));
                sig.params.push(AbiParam::new(T::I32));
                sig.returns.push(AbiParam::new(T::I32));
                let sr = self.b.import_signature(sig);
                let f = self.b.ins().iconst(T::I64, self.helpers.alloc as i64);
                let call = self
                    .b
                    .ins()
                    .call_indirect(sr, f, &[self.ctx, mid_v, pc_v, len]);
                let r = self.b.inst_results(call)[0];
                self.reload_dirty();
                self.b.ins().jump(join, &[r.into()]);
                self.b.seal_block(join);
                self.b.switch_to_block(join);
                let r = self.b.block_params(join)[0];
                // 0: the interpreter allocates (a collection is due, or an error to raise).
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
                self.exit_if(failed, pc, rest);
                self.set(at, Ty::Ref, r);
            }
            Insn::CheckCastQ(class) => {
                let r = self.get(sp - 1, Ty::Ref);
                let c = self.b.ins().iconst(T::I32, class as i64);
                let ok = self.check_nonnull(super::CHECK_INSTANCE, r, c, r, true);
                let bad = self.b.ins().icmp_imm_s(IntCC::Equal, ok, 0);
                self.exit_if(bad, pc, rest);
            }
            Insn::InstanceOfQ(class) => {
                let r = self.get(sp - 1, Ty::Ref);
                let c = self.b.ins().iconst(T::I32, class as i64);
                let yes = self.check_nonnull(super::CHECK_INSTANCE, r, c, r, false);
                self.set(sp - 1, Ty::Int, yes);
            }
            other => unreachable!("{other:?} is not compiled"),
        }
    }

    /// `new` of an instance of `class` without a call, as [`crate::heap::Heap`] allocates
    /// it: unless a collection is due, the limit would be passed, the size class's free list
    /// is empty or the handle table is full (then it jumps to `slow`), it pops a block and a
    /// handle (the free handle on top of the stack, else the next unused one), writes the
    /// handle's table entry and the zeroed fields, counts the footprint, and jumps to `join`
    /// with the handle. Classes with more fields than the largest size class go to `slow`.
    fn alloc_inline(&mut self, class: u32, slow: Block, join: Block) {
        use crate::heap::{BLOCK_STEP, SIZE_CLASSES, fast};
        use crate::value::tag;
        let fields = &self.prog.class(class).zeroed;
        let n = fields.len();
        let bytes = n * size_of::<Value>();
        let k = bytes.div_ceil(BLOCK_STEP);
        if k > SIZE_CLASSES {
            self.b.ins().jump(slow, &[]);
            return;
        }
        let tags: Vec<u8> = fields
            .iter()
            .map(|v| match v {
                Value::Top => tag::TOP,
                Value::Int(_) => tag::INT,
                Value::Float(_) => tag::FLOAT,
                Value::Long(_) => tag::LONG,
                Value::Double(_) => tag::DOUBLE,
                Value::Ref(_) => tag::REF,
            })
            .collect();
        let size = 48 + bytes as i64;
        let flags = MemFlags::trusted();
        let f = self.b.ins().load(T::I64, flags, self.ctx, ctx::FAST);
        let since = self.b.ins().load(T::I64, flags, f, fast::SINCE);
        let next_gc = self.b.ins().load(T::I64, flags, f, fast::NEXT_GC);
        let due = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, since, next_gc);
        let live = self.b.ins().load(T::I64, flags, f, fast::LIVE);
        let max = self.b.ins().load(T::I64, flags, f, fast::MAX);
        let live2 = self.b.ins().iadd_imm_s(live, size);
        let over = self.b.ins().icmp(IntCC::UnsignedGreaterThan, live2, max);
        let mut bad = self.b.ins().bor(due, over);
        let list_at = fast::LISTS + (k * size_of::<usize>()) as i32;
        let head = if k == 0 {
            self.b.ins().iconst(T::I64, BLOCK_STEP as i64)
        } else {
            let head = self.b.ins().load(T::I64, flags, f, list_at);
            let empty = self.b.ins().icmp_imm_s(IntCC::Equal, head, 0);
            bad = self.b.ins().bor(bad, empty);
            head
        };
        let free_len = self.b.ins().load(T::I64, flags, f, fast::FREE_LEN);
        let used = self.b.ins().load(T::I64, flags, f, fast::USED);
        let room = self.b.ins().load(T::I64, flags, f, fast::ROOM);
        let none_free = self.b.ins().icmp_imm_s(IntCC::Equal, free_len, 0);
        let full = self.b.ins().icmp(IntCC::Equal, used, room);
        let no_handle = self.b.ins().band(none_free, full);
        bad = self.b.ins().bor(bad, no_handle);
        let take = self.b.create_block();
        self.b.ins().brif(bad, slow, &[], take, &[]);
        self.b.seal_block(take);
        self.b.switch_to_block(take);

        // The handle: the top of the free stack, or the next unused entry.
        let pop = self.b.create_block();
        let push = self.b.create_block();
        let commit = self.b.create_block();
        self.b.append_block_param(commit, T::I64);
        self.b.ins().brif(none_free, push, &[], pop, &[]);
        self.b.seal_block(pop);
        self.b.seal_block(push);
        self.b.switch_to_block(pop);
        let top = self.b.ins().iadd_imm_s(free_len, -1);
        self.b.ins().store(flags, top, f, fast::FREE_LEN);
        let stack = self.b.ins().load(T::I64, flags, f, fast::FREE);
        let off = self.b.ins().imul_imm_s(top, size_of::<u32>() as i64);
        let at = self.b.ins().iadd(stack, off);
        let r32 = self.b.ins().load(T::I32, flags, at, 0);
        let r = self.b.ins().uextend(T::I64, r32);
        self.b.ins().jump(commit, &[r.into()]);
        self.b.switch_to_block(push);
        let used2 = self.b.ins().iadd_imm_s(used, 1);
        self.b.ins().store(flags, used2, f, fast::USED);
        self.b.ins().store(flags, used2, self.ctx, ctx::HEAP_LEN);
        self.b.ins().jump(commit, &[used.into()]);
        self.b.seal_block(commit);
        self.b.switch_to_block(commit);
        let r = self.b.block_params(commit)[0];

        // The block, its table entry and its fields.
        if k != 0 {
            let next = self.b.ins().load(T::I64, flags, head, 0);
            self.b.ins().store(flags, next, f, list_at);
        }
        let table = self.b.ins().load(T::I64, flags, self.ctx, ctx::HEAP);
        let off = self.b.ins().imul_imm_s(r, RAW);
        let e = self.b.ins().iadd(table, off);
        self.b.ins().store(flags, head, e, 0);
        let len = self.b.ins().iconst(T::I32, n as i64);
        self.b.ins().store(flags, len, e, RAW_LEN);
        let kind = self.b.ins().iconst(T::I32, raw_kind::FIELDS as i64);
        self.b.ins().store(flags, kind, e, RAW_KIND);
        let c = self.b.ins().iconst(T::I32, class as i64);
        self.b.ins().store(flags, c, e, RAW_CLASS);
        let zero32 = self.b.ins().iconst(T::I32, 0);
        self.b.ins().store(flags, zero32, e, RAW_HASH);
        let zero64 = self.b.ins().iconst(T::I64, 0);
        for (i, &t) in tags.iter().enumerate() {
            let at = (i * size_of::<Value>()) as i32;
            let tv = self.b.ins().iconst(T::I8, t as i64);
            self.b.ins().store(flags, tv, head, at);
            self.b.ins().store(flags, zero64, head, at + tag::PAYLOAD);
        }
        let since2 = self.b.ins().iadd_imm_s(since, size);
        self.b.ins().store(flags, since2, f, fast::SINCE);
        self.b.ins().store(flags, live2, f, fast::LIVE);
        let r32 = self.b.ins().ireduce(T::I32, r);
        // A new occupant of the handle: dirty (small storage needs no fresh bit).
        self.mark(r32);
        self.b.ins().jump(join, &[r32.into()]);
    }

    /// The type check `what` of `(a, b)` when `guard` is not null, else `if_null` (0 or 1).
    fn check_nonnull(&mut self, what: u32, a: V, b: V, guard: V, if_null: bool) -> V {
        let call_block = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, T::I32);
        let is_null = self.b.ins().icmp_imm_s(IntCC::Equal, guard, 0);
        let dflt = self.b.ins().iconst(T::I32, if_null as i64);
        self.b
            .ins()
            .brif(is_null, join, &[dflt.into()], call_block, &[]);
        self.b.seal_block(call_block);
        self.b.switch_to_block(call_block);
        if what == super::CHECK_INSTANCE {
            // An object of exactly the class asked for passes without a call.
            let flags = MemFlags::trusted();
            let probe = self.b.create_block();
            let slow = self.b.create_block();
            let len = self.b.ins().load(T::I64, flags, self.ctx, ctx::HEAP_LEN);
            let r64 = self.b.ins().uextend(T::I64, a);
            let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, r64, len);
            self.b.ins().brif(inside, probe, &[], slow, &[]);
            self.b.seal_block(probe);
            self.b.switch_to_block(probe);
            let table = self.b.ins().load(T::I64, flags, self.ctx, ctx::HEAP);
            let off = self.b.ins().imul_imm_s(r64, RAW);
            let e = self.b.ins().iadd(table, off);
            let class = self.b.ins().load(T::I32, flags, e, RAW_CLASS);
            let kind = self.b.ins().load(T::I32, flags, e, RAW_KIND);
            let same = self.b.ins().icmp(IntCC::Equal, class, b);
            let live = self
                .b
                .ins()
                .icmp_imm_s(IntCC::NotEqual, kind, raw_kind::FREE as i64);
            let hit = self.b.ins().band(same, live);
            let one = self.b.ins().iconst(T::I32, 1);
            self.b.ins().brif(hit, join, &[one.into()], slow, &[]);
            self.b.seal_block(slow);
            self.b.switch_to_block(slow);
        }
        let mut sig = Signature::new(self.b.func.signature.call_conv);
        sig.params.push(AbiParam::new(T::I64));
        for _ in 0..3 {
            sig.params.push(AbiParam::new(T::I32));
        }
        sig.returns.push(AbiParam::new(T::I32));
        let sr = self.b.import_signature(sig);
        let f = self.b.ins().iconst(T::I64, self.helpers.check as i64);
        let w = self.b.ins().iconst(T::I32, what as i64);
        let call = self.b.ins().call_indirect(sr, f, &[self.ctx, w, a, b]);
        let r = self.b.inst_results(call)[0];
        self.b.ins().jump(join, &[r.into()]);
        self.b.seal_block(join);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// A call. The target is known (a direct call) or found through the call site's inline
    /// cache (virtual and interface calls). The arguments are written to the stack, where
    /// they become the callee's first locals; a compiled callee is then called directly with
    /// its frame index and locals, and its result comes back in the context. Anything else
    /// (a callee not compiled, a native, no room for its frame) goes to the slow helper, which
    /// computes intrinsics and otherwise leaves at the call. If the callee unwinds, this frame
    /// writes its own state and record (as the caller of a frame) and unwinds too.
    fn call(&mut self, pc: usize, rest: i64) {
        let insn = self.code.insns[pc].get();
        let flags = MemFlags::trusted();
        let nl = self.types.n_locals;
        let depth = self.code.depths[pc] as usize;
        let n = self.code.effects[pc].0 as usize;
        let first = depth - n;
        let stack: Vec<Ty> = self.types.stack(pc, depth).to_vec();
        let receiver = match insn {
            Insn::InvokeDirect { has_receiver, .. } => has_receiver,
            _ => true,
        };
        let r = receiver.then(|| {
            let r = self.get(nl + first, Ty::Ref);
            // A null receiver: the interpreter raises the exception.
            let null = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
            self.exit_if(null, pc, rest);
            r
        });
        let mid = match (insn, r) {
            (Insn::InvokeDirect { method, .. }, _) => self.b.ins().iconst(T::I32, method as i64),
            (_, Some(r)) => self.select(r, pc, rest),
            _ => unreachable!("dispatched calls have receivers"),
        };

        // The arguments, as the interpreter holds them on the stack.
        for (k, &t) in stack.iter().enumerate().skip(first) {
            let off = ((nl + k) as i64 * SLOT) as i32;
            self.store_slot(self.locals, off, nl + k, t);
        }
        let args = self
            .b
            .ins()
            .iadd_imm_s(self.locals, (nl + first) as i64 * SLOT);

        let look = self.b.create_block();
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let got = self.b.create_block();
        let unwind = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.set_cold_block(unwind);
        let len = self.b.ins().load(T::I32, flags, self.ctx, ctx::CALLEES_LEN);
        let known = self.b.ins().icmp(IntCC::UnsignedLessThan, mid, len);
        self.b.ins().brif(known, look, &[], slow, &[]);

        self.b.switch_to_block(look);
        let table = self.b.ins().load(T::I64, flags, self.ctx, ctx::CALLEES);
        let mid64 = self.b.ins().uextend(T::I64, mid);
        let off = self.b.ins().imul_imm_s(mid64, super::callee::SIZE);
        let entry = self.b.ins().iadd(table, off);
        let func = self.b.ins().load(T::I64, flags, entry, super::callee::FUNC);
        self.b.ins().brif(func, fast, &[], slow, &[]);

        // A compiled callee: room for its frame, then the call.
        self.b.switch_to_block(fast);
        let callee_fi = self.b.ins().iadd_imm_s(self.fi, 1);
        let limit = self
            .b
            .ins()
            .load(T::I32, flags, self.ctx, ctx::FRAMES_LIMIT);
        let deep = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, callee_fi, limit);
        self.exit_if(deep, pc, rest);
        let stack = self.b.ins().get_stack_pointer(T::I64);
        let floor = self.b.ins().load(T::I64, flags, self.ctx, ctx::STACK_LIMIT);
        let low = self.b.ins().icmp(IntCC::UnsignedLessThan, stack, floor);
        self.exit_if(low, pc, rest);
        let need = self
            .b
            .ins()
            .load(T::I64, flags, entry, super::callee::SLOTS);
        let bytes = self.b.ins().imul_imm_s(need, SLOT);
        let end = self.b.ins().iadd(args, bytes);
        let room = self.b.ins().load(T::I64, flags, self.ctx, ctx::SLOTS_END);
        let short = self.b.ins().icmp(IntCC::UnsignedGreaterThan, end, room);
        self.exit_if(short, pc, rest);
        let fuel = self.b.use_var(self.fuel);
        self.b.ins().store(flags, fuel, self.ctx, ctx::FUEL);
        let sig = signature(self.b.func.signature.call_conv);
        let sr = self.b.import_signature(sig);
        let entry0 = self.b.ins().iconst(T::I32, 0);
        let call = self
            .b
            .ins()
            .call_indirect(sr, func, &[self.ctx, args, callee_fi, entry0]);
        let status = self.b.inst_results(call)[0];
        let f = self.b.ins().load(T::I64, flags, self.ctx, ctx::FUEL);
        self.b.def_var(self.fuel, f);
        self.reload_dirty();
        let returned = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, status, super::RETURNED as i64);
        self.b.ins().brif(returned, got, &[], unwind, &[]);

        // The callee stopped elsewhere: this frame is its caller, its arguments popped.
        self.b.switch_to_block(unwind);
        self.write_slots(pc, first, 0);
        let pc_v = self.b.ins().iconst(T::I32, pc as i64 + 1);
        let sp_v = self.b.ins().iconst(T::I32, (nl + first) as i64);
        self.b.ins().jump(self.unwound, &[pc_v.into(), sp_v.into()]);

        // Anything else.
        self.b.switch_to_block(slow);
        let mut sig = Signature::new(self.b.func.signature.call_conv);
        sig.params.push(AbiParam::new(T::I64));
        sig.params.push(AbiParam::new(T::I32));
        sig.params.push(AbiParam::new(T::I64));
        sig.returns.push(AbiParam::new(T::I32));
        let sr = self.b.import_signature(sig);
        let helper = self.b.ins().iconst(T::I64, self.helpers.call_slow as i64);
        let call = self
            .b
            .ins()
            .call_indirect(sr, helper, &[self.ctx, mid, args]);
        let st = self.b.inst_results(call)[0];
        self.reload_dirty();
        let leave = self
            .b
            .ins()
            .icmp_imm_s(IntCC::NotEqual, st, super::SLOW_RETURNED as i64);
        self.exit_if(leave, pc, rest);
        self.b.ins().jump(got, &[]);

        // The result, from the context.
        self.b.switch_to_block(got);
        let after = self.code.depths[pc + 1] as usize;
        if after > first {
            let t = self.types.stack(pc + 1, after)[first];
            let bits = self.b.ins().load(T::I64, flags, self.ctx, ctx::RET);
            let v = match t {
                Ty::Int | Ty::Ref => self.b.ins().ireduce(T::I32, bits),
                Ty::Float => {
                    let i = self.b.ins().ireduce(T::I32, bits);
                    self.b.ins().bitcast(T::F32, MemFlags::new(), i)
                }
                Ty::Long => bits,
                Ty::Double => self.b.ins().bitcast(T::F64, MemFlags::new(), bits),
                Ty::Top | Ty::Conflict => unreachable!("a call returns a value or nothing"),
            };
            self.set(nl + first, t, v);
        }
        let next = self.blocks[pc + 1].expect("the instruction after a call is a leader");
        self.b.ins().jump(next, &[]);
    }

    /// The method a virtual or interface call selects for receiver `r` (not null): the inline
    /// cache's if it holds `r`'s class, else the dispatch helper's (which fills the cache).
    fn select(&mut self, r: V, pc: usize, rest: i64) -> V {
        let flags = MemFlags::trusted();
        let class = self.class_of(r, pc, rest);
        let cache = self.cache_of[pc].expect("dispatched calls have a cache word");
        let cache_v = self.b.ins().iconst(T::I64, cache as i64);
        let word = self.b.ins().load(T::I64, flags, cache_v, 0);
        let high = self.b.ins().ushr_imm_s(word, 32);
        let cached = self.b.ins().ireduce(T::I32, high);
        let hit = self.b.ins().icmp(IntCC::Equal, cached, class);
        let low = self.b.ins().ireduce(T::I32, word);
        let miss = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, T::I32);
        self.b.set_cold_block(miss);
        self.b.ins().brif(hit, join, &[low.into()], miss, &[]);
        self.b.switch_to_block(miss);
        let mut sig = Signature::new(self.b.func.signature.call_conv);
        sig.params.push(AbiParam::new(T::I64));
        for _ in 0..3 {
            sig.params.push(AbiParam::new(T::I32));
        }
        sig.params.push(AbiParam::new(T::I64));
        sig.returns.push(AbiParam::new(T::I32));
        let sr = self.b.import_signature(sig);
        let helper = self.b.ins().iconst(T::I64, self.helpers.dispatch as i64);
        let caller = self.b.ins().iconst(T::I32, self.mid as i64);
        let pc_v = self.b.ins().iconst(T::I32, pc as i64);
        let call = self
            .b
            .ins()
            .call_indirect(sr, helper, &[self.ctx, caller, pc_v, r, cache_v]);
        let m = self.b.inst_results(call)[0];
        self.reload_dirty();
        let none = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, m, super::NO_METHOD as i64);
        self.exit_if(none, pc, rest);
        self.b.ins().jump(join, &[m.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// The class of the object behind handle `r` (not null), leaving at `pc` if the handle is
    /// outside the heap's table.
    fn class_of(&mut self, r: V, pc: usize, rest: i64) -> V {
        let flags = MemFlags::trusted();
        let len = self.b.ins().load(T::I64, flags, self.ctx, ctx::HEAP_LEN);
        let r64 = self.b.ins().uextend(T::I64, r);
        let out = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, r64, len);
        self.exit_if(out, pc, rest);
        let table = self.b.ins().load(T::I64, flags, self.ctx, ctx::HEAP);
        let off = self.b.ins().imul_imm_s(r64, RAW);
        let entry = self.b.ins().iadd(table, off);
        self.b.ins().load(T::I32, flags, entry, RAW_CLASS)
    }

    /// A return: a frame called by compiled code hands its result to its caller through the
    /// context; any other frame leaves for the interpreter to return.
    fn ret(&mut self, pc: usize, rest: i64, insn: Insn) {
        let flags = MemFlags::trusted();
        let direct = self.called_by_compiled_code();
        let root = self.b.ins().icmp_imm_s(IntCC::Equal, direct, 0);
        self.exit_if(root, pc, rest);
        let nl = self.types.n_locals;
        let depth = self.code.depths[pc] as usize;
        let n = match insn {
            Insn::Return => 0,
            Insn::Return1 => 1,
            _ => 2,
        };
        if n > 0 {
            let at = nl + depth - n;
            let t = self.types.stack(pc, depth)[depth - n];
            let v = self.get(at, t);
            let bits = match t {
                Ty::Int | Ty::Ref => self.b.ins().uextend(T::I64, v),
                Ty::Float => {
                    let i = self.b.ins().bitcast(T::I32, MemFlags::new(), v);
                    self.b.ins().uextend(T::I64, i)
                }
                Ty::Long => v,
                Ty::Double => self.b.ins().bitcast(T::I64, MemFlags::new(), v),
                Ty::Top | Ty::Conflict => unreachable!("verified code returns a value"),
            };
            self.b.ins().store(flags, bits, self.ctx, ctx::RET);
        }
        let fuel = self.b.use_var(self.fuel);
        self.b.ins().store(flags, fuel, self.ctx, ctx::FUEL);
        let code_v = self.b.ins().iconst(T::I64, super::RETURNED as i64);
        self.b.ins().return_(&[code_v]);
    }

    fn int_op(&mut self, op: Op, a: V, bv: V, t: ir::Type, pc: usize, rest: i64) -> V {
        let bits = t.bits() as i64;
        match op {
            Op::Add => self.b.ins().iadd(a, bv),
            Op::Sub => self.b.ins().isub(a, bv),
            Op::Mul => self.b.ins().imul(a, bv),
            Op::Div | Op::Rem => {
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, bv, 0);
                self.exit_if(zero, pc, rest);
                // MIN / -1 overflows (and traps on some hosts): Java wraps to MIN, rem 0.
                let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, bv, -1);
                let one = self.b.ins().iconst(t, 1);
                let safe = self.b.ins().select(minus_one, one, bv);
                if op == Op::Div {
                    let q = self.b.ins().sdiv(a, safe);
                    let neg = self.b.ins().ineg(a);
                    self.b.ins().select(minus_one, neg, q)
                } else {
                    let r = self.b.ins().srem(a, safe);
                    let z = self.b.ins().iconst(t, 0);
                    self.b.ins().select(minus_one, z, r)
                }
            }
            Op::Shl | Op::Shr | Op::Ushr => {
                let s = self.b.ins().band_imm_s(bv, bits - 1);
                match op {
                    Op::Shl => self.b.ins().ishl(a, s),
                    Op::Shr => self.b.ins().sshr(a, s),
                    _ => self.b.ins().ushr(a, s),
                }
            }
            Op::And => self.b.ins().band(a, bv),
            Op::Or => self.b.ins().bor(a, bv),
            Op::Xor => self.b.ins().bxor(a, bv),
        }
    }

    fn float_op(&mut self, op: Op, a: V, bv: V, wide: bool) -> V {
        let r = match op {
            Op::Add => self.b.ins().fadd(a, bv),
            Op::Sub => self.b.ins().fsub(a, bv),
            Op::Mul => self.b.ins().fmul(a, bv),
            Op::Div => self.b.ins().fdiv(a, bv),
            _ => {
                // The helper applies the NaN rule itself.
                let (addr, t) = if wide {
                    (self.helpers.drem, T::F64)
                } else {
                    (self.helpers.frem, T::F32)
                };
                return self.call_helper(addr, t, a, bv);
            }
        };
        self.fix_nan(r, a, bv, wide)
    }

    fn convert(&mut self, c: Conv, v: V) -> V {
        match c {
            Conv::I2L => self.b.ins().sextend(T::I64, v),
            Conv::I2F => self.b.ins().fcvt_from_sint(T::F32, v),
            Conv::I2D => self.b.ins().fcvt_from_sint(T::F64, v),
            Conv::L2I => self.b.ins().ireduce(T::I32, v),
            Conv::L2F => self.b.ins().fcvt_from_sint(T::F32, v),
            Conv::L2D => self.b.ins().fcvt_from_sint(T::F64, v),
            Conv::F2I | Conv::D2I => self.b.ins().fcvt_to_sint_sat(T::I32, v),
            Conv::F2L | Conv::D2L => self.b.ins().fcvt_to_sint_sat(T::I64, v),
            Conv::F2D => {
                // A NaN widens its payload exactly, quietened (interp's F2D).
                let plain = self.b.ins().fpromote(T::F64, v);
                let bits32 = self.b.ins().bitcast(T::I32, MemFlags::new(), v);
                let bits = self.b.ins().uextend(T::I64, bits32);
                let sign = self.b.ins().band_imm_s(bits, 0x8000_0000);
                let sign = self.b.ins().ishl_imm_s(sign, 32);
                let payload = self.b.ins().band_imm_s(bits, 0x003f_ffff);
                let payload = self.b.ins().ishl_imm_s(payload, 29);
                let x = self.b.ins().bor(sign, payload);
                let x = self.b.ins().bor_imm_s(x, 0x7ff8_0000_0000_0000);
                let nan = self.b.ins().bitcast(T::F64, MemFlags::new(), x);
                let is_nan = self.b.ins().fcmp(FloatCC::Unordered, v, v);
                self.b.ins().select(is_nan, nan, plain)
            }
            Conv::D2F => {
                let plain = self.b.ins().fdemote(T::F32, v);
                let bits = self.b.ins().bitcast(T::I64, MemFlags::new(), v);
                let sign = self.b.ins().ushr_imm_s(bits, 32);
                let sign = self.b.ins().band_imm_s(sign, 0x8000_0000);
                let payload = self.b.ins().ushr_imm_s(bits, 29);
                let payload = self.b.ins().band_imm_s(payload, 0x003f_ffff);
                let x = self.b.ins().bor(sign, payload);
                let x = self.b.ins().bor_imm_s(x, 0x7fc0_0000);
                let x = self.b.ins().ireduce(T::I32, x);
                let nan = self.b.ins().bitcast(T::F32, MemFlags::new(), x);
                let is_nan = self.b.ins().fcmp(FloatCC::Unordered, v, v);
                self.b.ins().select(is_nan, nan, plain)
            }
            Conv::I2B => {
                let x = self.b.ins().ireduce(T::I8, v);
                self.b.ins().sextend(T::I32, x)
            }
            Conv::I2C => self.b.ins().band_imm_s(v, 0xffff),
            Conv::I2S => {
                let x = self.b.ins().ireduce(T::I16, v);
                self.b.ins().sextend(T::I32, x)
            }
        }
    }
}

/// The type an instruction pushes at slot `at`, read from the state after it.
fn st_after(types: &Types, code: &Code, pc: usize, at: usize) -> Ty {
    // The instruction after a field read is reachable whenever the read is (it falls through).
    let depth = code.depths[pc + 1] as usize;
    types.stack(pc + 1, depth)[at - types.n_locals]
}

fn int_cc(c: Cond) -> IntCC {
    match c {
        Cond::Eq => IntCC::Equal,
        Cond::Ne => IntCC::NotEqual,
        Cond::Lt => IntCC::SignedLessThan,
        Cond::Ge => IntCC::SignedGreaterThanOrEqual,
        Cond::Gt => IntCC::SignedGreaterThan,
        Cond::Le => IntCC::SignedLessThanOrEqual,
    }
}

/// `(raw kind, element size, load type, slot type)` of an element type.
fn elem_layout(e: Elem) -> (u32, i64, ir::Type, Ty) {
    match e {
        Elem::Byte => (raw_kind::BYTES, 1, T::I8, Ty::Int),
        Elem::Char => (raw_kind::CHARS, 2, T::I16, Ty::Int),
        Elem::Short => (raw_kind::SHORTS, 2, T::I16, Ty::Int),
        Elem::Int => (raw_kind::INTS, 4, T::I32, Ty::Int),
        Elem::Long => (raw_kind::LONGS, 8, T::I64, Ty::Long),
        Elem::Float => (raw_kind::FLOATS, 4, T::F32, Ty::Float),
        Elem::Double => (raw_kind::DOUBLES, 8, T::F64, Ty::Double),
        Elem::Ref => (raw_kind::REFS, 4, T::I32, Ty::Ref),
    }
}
