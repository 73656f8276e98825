//! The type of every local and operand-stack slot before every instruction, by forward
//! dataflow over a method: what the compiler needs to keep slots in typed registers and to
//! write back exactly the tagged slots the interpreter would hold at any exit.
//!
//! The analysis mirrors what the interpreter writes, slot by slot (a `dup2` of a long copies a
//! long and a top; a narrow store next to a long leaves the long's stale slot alone). A local
//! whose type differs between paths that meet is `Conflict` there; the compiler then tracks its
//! tag at run time. An operand-stack slot that differs between paths, or an instruction that
//! reads a slot of the wrong type, means the code is not verifiable: such methods are never
//! compiled, and the interpreter runs them as before.

use crate::class::{MethodId, Program};
use crate::classfile::Const;
use crate::code::{Code, Conv, Elem, Insn, Op};
use crate::descriptor::{Kind, MethodSig, field_kind};

/// A slot's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ty {
    /// Unused, or the upper half of a long or double.
    Top,
    /// `int` (and the narrower integer kinds).
    Int,
    /// `float`
    Float,
    /// `long` (the lower slot)
    Long,
    /// `double` (the lower slot)
    Double,
    /// A reference.
    Ref,
    /// A local whose type depends on the path taken (never read before it is written again).
    Conflict,
}

impl Ty {
    /// The type of a value of a descriptor kind (the lower slot for long and double).
    pub(crate) fn of(kind: Kind) -> Ty {
        match kind {
            Kind::Long => Ty::Long,
            Kind::Float => Ty::Float,
            Kind::Double => Ty::Double,
            Kind::Ref => Ty::Ref,
            Kind::Void => Ty::Top,
            _ => Ty::Int,
        }
    }

    fn is_wide(self) -> bool {
        matches!(self, Ty::Long | Ty::Double)
    }
}

/// Why a method is not compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotCompiled(pub(crate) String);

/// The result of the analysis.
#[derive(Debug)]
pub(crate) struct Types {
    /// Slots per instruction: locals, then the operand stack up to `max_stack`.
    stride: usize,
    /// Number of locals.
    pub(crate) n_locals: usize,
    tys: Vec<Ty>,
    /// Whether each instruction is reachable.
    pub(crate) reachable: Vec<bool>,
    /// Locals that are `Conflict` at some reachable instruction.
    pub(crate) dynamic: Vec<bool>,
}

impl Types {
    /// The locals before instruction `pc`.
    pub(crate) fn locals(&self, pc: usize) -> &[Ty] {
        &self.tys[pc * self.stride..pc * self.stride + self.n_locals]
    }

    /// The operand stack before instruction `pc` (bottom first), `depth` slots.
    pub(crate) fn stack(&self, pc: usize, depth: usize) -> &[Ty] {
        let at = pc * self.stride + self.n_locals;
        &self.tys[at..at + depth]
    }
}

/// Descriptors of the members and constants an instruction names, read from the class file
/// because resolved instructions no longer carry their constant-pool index.
struct Pool<'a> {
    bytes: &'a [u8],
    cp: &'a [Const],
    pcs: &'a [u32],
}

impl Pool<'_> {
    fn cp_at(&self, index: usize) -> Option<&Const> {
        let pc = *self.pcs.get(index)? as usize;
        let i = u16::from_be_bytes([*self.bytes.get(pc + 1)?, *self.bytes.get(pc + 2)?]);
        self.cp.get(i as usize)
    }

    fn opcode(&self, index: usize) -> Option<u8> {
        self.bytes.get(*self.pcs.get(index)? as usize).copied()
    }
}

/// Runs the analysis over a method with class-file bytecode.
pub(crate) fn analyze(prog: &Program, mid: MethodId, code: &Code) -> Result<Types, NotCompiled> {
    let nc = |s: &str| NotCompiled(s.to_string());
    let m = prog.method(mid);
    let file = prog
        .class(m.class)
        .file
        .as_ref()
        .ok_or_else(|| nc("generated code"))?;
    let info = file
        .methods
        .get(m.file_index as usize)
        .and_then(|i| i.code.as_ref())
        .ok_or_else(|| nc("no class-file code"))?;
    if code.effects.len() != code.insns.len() || code.pcs.len() != code.insns.len() {
        return Err(nc("generated code"));
    }
    let pool = Pool {
        bytes: &info.bytes,
        cp: &file.cp,
        pcs: &code.pcs,
    };
    let n_locals = code.max_locals as usize;
    let stride = n_locals + code.max_stack as usize;
    let n = code.insns.len();
    let mut types = Types {
        stride,
        n_locals,
        tys: vec![Ty::Top; n * stride],
        reachable: vec![false; n],
        dynamic: vec![false; n_locals],
    };
    // The frame as `push_frame` leaves it: arguments, then tops.
    let mut entry = vec![Ty::Top; n_locals];
    let mut at = 0;
    if !m.is_static() {
        *entry.get_mut(at).ok_or_else(|| nc("locals"))? = Ty::Ref;
        at += 1;
    }
    for &k in &m.sig.args {
        *entry.get_mut(at).ok_or_else(|| nc("locals"))? = Ty::of(k);
        at += k.slots();
    }
    let mut work = vec![0usize];
    merge(&mut types, 0, &entry, &[])?;
    let mut stack: Vec<Ty> = Vec::with_capacity(code.max_stack as usize);
    let mut locals = vec![Ty::Top; n_locals];
    while let Some(pc) = work.pop() {
        let depth = code.depths[pc] as usize;
        locals.copy_from_slice(types.locals(pc));
        stack.clear();
        stack.extend_from_slice(types.stack(pc, depth));
        // Exception handlers see the locals before any instruction of their range.
        for h in &code.handlers {
            if (h.start as usize..h.end as usize).contains(&pc)
                && merge(&mut types, h.handler as usize, &locals, &[Ty::Ref])?
            {
                work.push(h.handler as usize);
            }
        }
        let insn = code.insns[pc].get();
        let next = step(&pool, code, pc, insn, &mut locals, &mut stack)?;
        if stack.len() > code.max_stack as usize {
            return Err(nc("operand stack overflow"));
        }
        let mut flow = |to: usize| -> Result<(), NotCompiled> {
            if to >= n {
                return Err(nc("branch out of the code"));
            }
            if merge(&mut types, to, &locals, &stack)? {
                work.push(to);
            }
            Ok(())
        };
        match next {
            Next::Fall => flow(pc + 1)?,
            Next::Branch(t) => {
                flow(pc + 1)?;
                flow(t as usize)?;
            }
            Next::Jump(t) => flow(t as usize)?,
            Next::Switch(s) => {
                for t in code.switches[s as usize].targets() {
                    flow(t as usize)?;
                }
            }
            Next::End => {}
        }
    }
    for pc in 0..n {
        if types.reachable[pc] {
            let at = pc * stride;
            for i in 0..n_locals {
                if types.tys[at + i] == Ty::Conflict {
                    types.dynamic[i] = true;
                }
            }
        }
    }
    Ok(types)
}

/// Merges a state into the one recorded before `pc`; returns whether it changed.
fn merge(types: &mut Types, pc: usize, locals: &[Ty], stack: &[Ty]) -> Result<bool, NotCompiled> {
    let at = pc * types.stride;
    if !types.reachable[pc] {
        types.reachable[pc] = true;
        types.tys[at..at + locals.len()].copy_from_slice(locals);
        types.tys[at + locals.len()..at + locals.len() + stack.len()].copy_from_slice(stack);
        return Ok(true);
    }
    let mut changed = false;
    for (i, &t) in locals.iter().enumerate() {
        let old = &mut types.tys[at + i];
        if *old != t && *old != Ty::Conflict {
            *old = Ty::Conflict;
            changed = true;
        }
    }
    let s = at + types.n_locals;
    if types.tys[s..s + stack.len()] != *stack {
        return Err(NotCompiled(format!(
            "operand stack types disagree at instruction {pc}"
        )));
    }
    Ok(changed)
}

/// Where control goes after an instruction.
enum Next {
    Fall,
    Branch(u32),
    Jump(u32),
    Switch(u32),
    End,
}

fn pop(stack: &mut Vec<Ty>, want: Ty) -> Result<(), NotCompiled> {
    if want.is_wide() {
        pop(stack, Ty::Top)?;
    }
    match stack.pop() {
        Some(t) if t == want => Ok(()),
        other => Err(NotCompiled(format!("expected {want:?}, found {other:?}"))),
    }
}

fn push(stack: &mut Vec<Ty>, t: Ty) {
    stack.push(t);
    if t.is_wide() {
        stack.push(Ty::Top);
    }
}

fn pop_n(stack: &mut Vec<Ty>, n: usize) -> Result<(), NotCompiled> {
    if stack.len() < n {
        return Err(NotCompiled("operand stack underflow".into()));
    }
    stack.truncate(stack.len() - n);
    Ok(())
}

fn elem_ty(e: Elem) -> Ty {
    match e {
        Elem::Long => Ty::Long,
        Elem::Float => Ty::Float,
        Elem::Double => Ty::Double,
        Elem::Ref => Ty::Ref,
        _ => Ty::Int,
    }
}

/// Applies one instruction to the state.
fn step(
    pool: &Pool<'_>,
    code: &Code,
    pc: usize,
    insn: Insn,
    locals: &mut [Ty],
    stack: &mut Vec<Ty>,
) -> Result<Next, NotCompiled> {
    let nc = |s: String| NotCompiled(s);
    let local = |n: u16| -> Result<usize, NotCompiled> {
        let n = n as usize;
        if n < locals.len() {
            Ok(n)
        } else {
            Err(nc(format!("local {n} out of range")))
        }
    };
    let field = |pool: &Pool<'_>| -> Result<Ty, NotCompiled> {
        match pool.cp_at(pc) {
            Some(Const::Field(r)) => field_kind(&r.desc)
                .map(Ty::of)
                .map_err(|_| nc("bad field descriptor".into())),
            _ => Err(nc("field reference expected".into())),
        }
    };
    match insn {
        Insn::Nop | Insn::InitQ(_) => {}
        Insn::PushInt(_) => push(stack, Ty::Int),
        Insn::PushLong(_) => push(stack, Ty::Long),
        Insn::PushFloat(_) => push(stack, Ty::Float),
        Insn::PushDouble(_) => push(stack, Ty::Double),
        Insn::PushRef(_) => push(stack, Ty::Ref),
        Insn::Ldc(_) => {
            let at = *pool.pcs.get(pc).ok_or_else(|| nc("ldc".into()))? as usize;
            let byte = |k: usize| pool.bytes.get(at + k).copied().map(usize::from);
            // `ldc` has a one-byte index, `ldc_w` and `ldc2_w` two bytes.
            let index = match pool.opcode(pc) {
                Some(0x12) => byte(1),
                _ => byte(1).zip(byte(2)).map(|(h, l)| h << 8 | l),
            };
            let t = ldc_ty(index.and_then(|i| pool.cp.get(i)))?;
            push(stack, t);
        }
        Insn::Load(n) => {
            let t = locals[local(n)?];
            if matches!(t, Ty::Conflict | Ty::Top) || t.is_wide() {
                return Err(nc(format!("load of local {n} typed {t:?}")));
            }
            stack.push(t);
        }
        Insn::Load2(n) => {
            let t = locals[local(n)?];
            if !t.is_wide() {
                return Err(nc(format!("wide load of local {n} typed {t:?}")));
            }
            push(stack, t);
        }
        Insn::Store(n) => {
            let i = local(n)?;
            let t = stack.pop().ok_or_else(|| nc("underflow".into()))?;
            if t == Ty::Top || t.is_wide() {
                return Err(nc("store of a wide half".into()));
            }
            locals[i] = t;
        }
        Insn::Store2(n) => {
            let i = local(n)?;
            local(n + 1)?;
            pop_n(stack, 1)?;
            let t = stack.pop().ok_or_else(|| nc("underflow".into()))?;
            if !t.is_wide() {
                return Err(nc("wide store of a narrow value".into()));
            }
            locals[i] = t;
            locals[i + 1] = Ty::Top;
        }
        Insn::Iinc(n, _) => {
            let i = local(n)?;
            if locals[i] != Ty::Int {
                return Err(nc("iinc of a non-int".into()));
            }
        }
        Insn::ArrayLoad(e) => {
            pop(stack, Ty::Int)?;
            pop(stack, Ty::Ref)?;
            push(stack, elem_ty(e));
        }
        Insn::ArrayStore(e) => {
            pop(stack, elem_ty(e))?;
            pop(stack, Ty::Int)?;
            pop(stack, Ty::Ref)?;
        }
        Insn::Pop => pop_n(stack, 1)?,
        Insn::Pop2 => pop_n(stack, 2)?,
        Insn::Dup | Insn::DupX1 | Insn::DupX2 | Insn::Dup2 | Insn::Dup2X1 | Insn::Dup2X2 => {
            let need = match insn {
                Insn::Dup => 1,
                Insn::DupX1 | Insn::Dup2 => 2,
                Insn::DupX2 | Insn::Dup2X1 => 3,
                _ => 4,
            };
            if stack.len() < need {
                return Err(nc("underflow".into()));
            }
            let s = stack.len();
            let v: Vec<Ty> = stack[s - need..].to_vec();
            let out: Vec<Ty> = match insn {
                Insn::Dup => vec![v[0], v[0]],
                Insn::DupX1 => vec![v[1], v[0], v[1]],
                Insn::DupX2 => vec![v[2], v[0], v[1], v[2]],
                Insn::Dup2 => vec![v[0], v[1], v[0], v[1]],
                Insn::Dup2X1 => vec![v[1], v[2], v[0], v[1], v[2]],
                _ => vec![v[2], v[3], v[0], v[1], v[2], v[3]],
            };
            stack.truncate(s - need);
            stack.extend(out);
        }
        Insn::Swap => {
            let s = stack.len();
            if s < 2 {
                return Err(nc("underflow".into()));
            }
            stack.swap(s - 1, s - 2);
        }
        Insn::IntOp(_) => {
            pop(stack, Ty::Int)?;
            pop(stack, Ty::Int)?;
            push(stack, Ty::Int);
        }
        Insn::LongOp(op) => {
            if matches!(op, Op::Shl | Op::Shr | Op::Ushr) {
                pop(stack, Ty::Int)?;
            } else {
                pop(stack, Ty::Long)?;
            }
            pop(stack, Ty::Long)?;
            push(stack, Ty::Long);
        }
        Insn::FloatOp(_) => {
            pop(stack, Ty::Float)?;
            pop(stack, Ty::Float)?;
            push(stack, Ty::Float);
        }
        Insn::DoubleOp(_) => {
            pop(stack, Ty::Double)?;
            pop(stack, Ty::Double)?;
            push(stack, Ty::Double);
        }
        Insn::INeg => {
            pop(stack, Ty::Int)?;
            push(stack, Ty::Int);
        }
        Insn::LNeg => {
            pop(stack, Ty::Long)?;
            push(stack, Ty::Long);
        }
        Insn::FNeg => {
            pop(stack, Ty::Float)?;
            push(stack, Ty::Float);
        }
        Insn::DNeg => {
            pop(stack, Ty::Double)?;
            push(stack, Ty::Double);
        }
        Insn::Convert(c) => {
            let (from, to) = conv_types(c);
            pop(stack, from)?;
            push(stack, to);
        }
        Insn::LCmp => {
            pop(stack, Ty::Long)?;
            pop(stack, Ty::Long)?;
            push(stack, Ty::Int);
        }
        Insn::FCmp(_) => {
            pop(stack, Ty::Float)?;
            pop(stack, Ty::Float)?;
            push(stack, Ty::Int);
        }
        Insn::DCmp(_) => {
            pop(stack, Ty::Double)?;
            pop(stack, Ty::Double)?;
            push(stack, Ty::Int);
        }
        Insn::If(_, t) => {
            pop(stack, Ty::Int)?;
            return Ok(Next::Branch(t));
        }
        Insn::IfICmp(_, t) => {
            pop(stack, Ty::Int)?;
            pop(stack, Ty::Int)?;
            return Ok(Next::Branch(t));
        }
        Insn::IfACmp(_, t) => {
            pop(stack, Ty::Ref)?;
            pop(stack, Ty::Ref)?;
            return Ok(Next::Branch(t));
        }
        Insn::IfNull(_, t) => {
            pop(stack, Ty::Ref)?;
            return Ok(Next::Branch(t));
        }
        Insn::Goto(t) => return Ok(Next::Jump(t)),
        Insn::Switch(s) => {
            pop(stack, Ty::Int)?;
            if s as usize >= code.switches.len() {
                return Err(nc("switch table".into()));
            }
            return Ok(Next::Switch(s));
        }
        Insn::Return | Insn::Return1 | Insn::Return2 | Insn::AThrow => return Ok(Next::End),
        Insn::GetStatic(_) | Insn::GetStaticQ { .. } => push(stack, field(pool)?),
        Insn::PutStatic(_) | Insn::PutStaticQ { .. } => pop(stack, field(pool)?)?,
        Insn::GetField(_) | Insn::GetFieldQ { .. } => {
            let t = field(pool)?;
            pop(stack, Ty::Ref)?;
            push(stack, t);
        }
        Insn::PutField(_) | Insn::PutFieldQ { .. } => {
            pop(stack, field(pool)?)?;
            pop(stack, Ty::Ref)?;
        }
        Insn::InvokeVirtual(_)
        | Insn::InvokeSpecial(_)
        | Insn::InvokeStatic(_)
        | Insn::InvokeInterface(_)
        | Insn::InvokeDynamic(_)
        | Insn::InvokeSite(_)
        | Insn::InvokeDirect { .. }
        | Insn::InvokeVirtualQ { .. }
        | Insn::InvokeInterfaceQ { .. } => {
            let (desc, receiver) = match (pool.opcode(pc), pool.cp_at(pc)) {
                (Some(0xba), Some(Const::InvokeDynamic(d))) => (d.desc.clone(), false),
                (Some(op @ 0xb6..=0xb9), Some(Const::Method(r))) => (r.desc.clone(), op != 0xb8),
                _ => return Err(nc("call without a method reference".into())),
            };
            let sig = MethodSig::parse(&desc).map_err(|_| nc("bad method descriptor".into()))?;
            pop_n(stack, sig.arg_slots() + receiver as usize)?;
            push(stack, Ty::of(sig.ret));
        }
        Insn::New(_) | Insn::NewQ(_) => push(stack, Ty::Ref),
        Insn::NewArray(_) | Insn::ANewArray(_) | Insn::ANewArrayQ(_) => {
            pop(stack, Ty::Int)?;
            push(stack, Ty::Ref);
        }
        Insn::MultiANewArray(_, dims) | Insn::MultiANewArrayQ(_, dims) => {
            for _ in 0..dims {
                pop(stack, Ty::Int)?;
            }
            push(stack, Ty::Ref);
        }
        Insn::ArrayLength => {
            pop(stack, Ty::Ref)?;
            push(stack, Ty::Int);
        }
        Insn::CheckCast(_) | Insn::CheckCastQ(_) => {
            pop(stack, Ty::Ref)?;
            push(stack, Ty::Ref);
        }
        Insn::InstanceOf(_) | Insn::InstanceOfQ(_) => {
            pop(stack, Ty::Ref)?;
            push(stack, Ty::Int);
        }
        Insn::MonitorEnter | Insn::MonitorExit => pop(stack, Ty::Ref)?,
    }
    Ok(Next::Fall)
}

fn ldc_ty(c: Option<&Const>) -> Result<Ty, NotCompiled> {
    Ok(match c {
        Some(Const::Int(_)) => Ty::Int,
        Some(Const::Float(_)) => Ty::Float,
        Some(Const::Long(_)) => Ty::Long,
        Some(Const::Double(_)) => Ty::Double,
        Some(Const::String(_) | Const::Class(_) | Const::MethodType(_)) => Ty::Ref,
        Some(Const::MethodHandle { .. }) => Ty::Ref,
        Some(Const::Dynamic(d)) => {
            Ty::of(field_kind(&d.desc).map_err(|_| NotCompiled("bad descriptor".into()))?)
        }
        _ => return Err(NotCompiled("ldc of an unknown constant".into())),
    })
}

/// The operand and result types of a conversion.
pub(crate) fn conv_types(c: Conv) -> (Ty, Ty) {
    match c {
        Conv::I2L => (Ty::Int, Ty::Long),
        Conv::I2F => (Ty::Int, Ty::Float),
        Conv::I2D => (Ty::Int, Ty::Double),
        Conv::L2I => (Ty::Long, Ty::Int),
        Conv::L2F => (Ty::Long, Ty::Float),
        Conv::L2D => (Ty::Long, Ty::Double),
        Conv::F2I => (Ty::Float, Ty::Int),
        Conv::F2L => (Ty::Float, Ty::Long),
        Conv::F2D => (Ty::Float, Ty::Double),
        Conv::D2I => (Ty::Double, Ty::Int),
        Conv::D2L => (Ty::Double, Ty::Long),
        Conv::D2F => (Ty::Double, Ty::Float),
        Conv::I2B | Conv::I2C | Conv::I2S => (Ty::Int, Ty::Int),
    }
}
