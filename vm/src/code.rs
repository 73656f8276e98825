//! Decoded code, a cache rebuilt from the class file on every host and never saved.
//!
//! Bytecode is decoded once into [`Insn`]s with branch targets as instruction indices. An
//! instruction that needs the constant pool starts in its unresolved form (`GetField(cp)`) and
//! is rewritten to a resolved form (`GetFieldQ { .. }`) the first time it runs. A frame's pc is
//! an instruction index while it runs; `pcs` maps it to the byte offset that checkpoints carry.
//!
//! Decoding also checks the code's structure: every branch lands on an instruction, every local
//! index is below `max_locals`, and the operand-stack depth is consistent at every instruction
//! and within `max_stack`. That is what lets the interpreter index its stack without checks
//! failing at run time.

use crate::classfile::{ClassFormatError, CodeInfo, Const};
use crate::descriptor::{Kind, MethodSig, field_kind};
use crate::heap::ClassId;
use crate::value::Ref;
use std::sync::Arc;

/// A comparison for conditional branches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `>=`
    Ge,
    /// `>`
    Gt,
    /// `<=`
    Le,
}

impl Cond {
    /// Applies the comparison to `a` and `b`.
    #[inline(always)]
    pub fn test(self, a: i32, b: i32) -> bool {
        match self {
            Cond::Eq => a == b,
            Cond::Ne => a != b,
            Cond::Lt => a < b,
            Cond::Ge => a >= b,
            Cond::Gt => a > b,
            Cond::Le => a <= b,
        }
    }
}

/// Element type of an array access or `newarray`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem {
    /// `boolean` or `byte` (`baload`/`bastore` serve both)
    Byte,
    /// `char`
    Char,
    /// `short`
    Short,
    /// `int`
    Int,
    /// `long`
    Long,
    /// `float`
    Float,
    /// `double`
    Double,
    /// reference
    Ref,
}

/// Binary and unary arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `>>>`
    Ushr,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
}

/// Primitive conversions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// `i2l`
    I2L,
    /// `i2f`
    I2F,
    /// `i2d`
    I2D,
    /// `l2i`
    L2I,
    /// `l2f`
    L2F,
    /// `l2d`
    L2D,
    /// `f2i`
    F2I,
    /// `f2l`
    F2L,
    /// `f2d`
    F2D,
    /// `d2i`
    D2I,
    /// `d2l`
    D2L,
    /// `d2f`
    D2F,
    /// `i2b`
    I2B,
    /// `i2c`
    I2C,
    /// `i2s`
    I2S,
}

/// One decoded instruction. Unresolved forms carry a constant-pool index; `Q` forms are their
/// resolved replacements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Insn {
    /// `nop`
    Nop,
    /// Push a constant int (`iconst_*`, `bipush`, `sipush`, resolved `ldc`).
    PushInt(i32),
    /// Push a constant long.
    PushLong(i64),
    /// Push a constant float.
    PushFloat(f32),
    /// Push a constant double.
    PushDouble(f64),
    /// Push a reference (`aconst_null`, resolved `ldc` of a String or Class).
    PushRef(Ref),
    /// `ldc`/`ldc_w` before resolution.
    Ldc(u16),
    /// Copy one local slot to the stack.
    Load(u16),
    /// Copy two local slots (long, double).
    Load2(u16),
    /// Pop one slot into a local.
    Store(u16),
    /// Pop two slots into locals.
    Store2(u16),
    /// `iinc`
    Iinc(u16, i16),
    /// `*aload`
    ArrayLoad(Elem),
    /// `*astore`
    ArrayStore(Elem),
    /// `pop`
    Pop,
    /// `pop2`
    Pop2,
    /// `dup`
    Dup,
    /// `dup_x1`
    DupX1,
    /// `dup_x2`
    DupX2,
    /// `dup2`
    Dup2,
    /// `dup2_x1`
    Dup2X1,
    /// `dup2_x2`
    Dup2X2,
    /// `swap`
    Swap,
    /// int arithmetic
    IntOp(Op),
    /// long arithmetic
    LongOp(Op),
    /// float arithmetic
    FloatOp(Op),
    /// double arithmetic
    DoubleOp(Op),
    /// `ineg`
    INeg,
    /// `lneg`
    LNeg,
    /// `fneg`
    FNeg,
    /// `dneg`
    DNeg,
    /// conversions
    Convert(Conv),
    /// `lcmp`
    LCmp,
    /// `fcmpl` (false) / `fcmpg` (true): the result for NaN is -1 or 1.
    FCmp(bool),
    /// `dcmpl` / `dcmpg`
    DCmp(bool),
    /// `if<cond>` against zero.
    If(Cond, u32),
    /// `if_icmp<cond>`
    IfICmp(Cond, u32),
    /// `if_acmpeq` (true) / `if_acmpne` (false)
    IfACmp(bool, u32),
    /// `ifnull` (true) / `ifnonnull` (false)
    IfNull(bool, u32),
    /// `goto`
    Goto(u32),
    /// `tableswitch` / `lookupswitch`: index into the code's switch tables.
    Switch(u32),
    /// `ireturn`, `freturn`, `areturn`
    Return1,
    /// `lreturn`, `dreturn`
    Return2,
    /// `return`
    Return,
    /// `getstatic` before resolution.
    GetStatic(u16),
    /// `putstatic` before resolution.
    PutStatic(u16),
    /// `getfield` before resolution.
    GetField(u16),
    /// `putfield` before resolution.
    PutField(u16),
    /// Resolved `getstatic` of an initialized class.
    GetStaticQ {
        /// Class holding the field.
        class: ClassId,
        /// Static slot.
        slot: u16,
        /// Whether the field is a long or double.
        wide: bool,
    },
    /// Resolved `putstatic`.
    PutStaticQ {
        /// Class holding the field.
        class: ClassId,
        /// Static slot.
        slot: u16,
        /// Whether the field is a long or double.
        wide: bool,
    },
    /// Resolved `getfield`.
    GetFieldQ {
        /// Field slot in the instance.
        slot: u16,
        /// Whether the field is a long or double.
        wide: bool,
    },
    /// Resolved `putfield`.
    PutFieldQ {
        /// Field slot in the instance.
        slot: u16,
        /// Whether the field is a long or double.
        wide: bool,
    },
    /// `invokevirtual` before resolution.
    InvokeVirtual(u16),
    /// `invokespecial` before resolution.
    InvokeSpecial(u16),
    /// `invokestatic` before resolution.
    InvokeStatic(u16),
    /// `invokeinterface` before resolution.
    InvokeInterface(u16),
    /// `invokedynamic` before linking.
    InvokeDynamic(u16),
    /// Resolved call with no dispatch (static, private, constructors, super, final).
    InvokeDirect {
        /// The method.
        method: u32,
        /// Whether the receiver must be checked for null (every non-static call).
        has_receiver: bool,
    },
    /// Resolved virtual call through the receiver's vtable.
    InvokeVirtualQ {
        /// vtable index.
        vindex: u32,
        /// Argument slots including the receiver.
        arg_slots: u16,
    },
    /// Resolved interface call, with a one-entry cache of the last receiver class.
    InvokeInterfaceQ {
        /// Method selector (name and descriptor).
        selector: u32,
        /// Argument slots including the receiver.
        arg_slots: u16,
        /// Receiver class seen last (`u32::MAX` when empty).
        cached_class: ClassId,
        /// The method selected for it.
        cached_method: u32,
    },
    /// A linked `invokedynamic` call site: index into the VM's call sites.
    InvokeSite(u32),
    /// `new` before resolution.
    New(u16),
    /// Resolved `new` of an initialized class.
    NewQ(ClassId),
    /// Initializes a class if it is not yet (JLS 12.4.2), then does nothing: generated code
    /// (a lambda calling a static method or a constructor) starts with it, so the class is
    /// initialized when the lambda is invoked, as a direct call would. Becomes `Nop` once the
    /// class is initialized.
    InitQ(ClassId),
    /// `newarray` with its `atype` (4 boolean, 5 char, 6 float, 7 double, 8 byte, 9 short,
    /// 10 int, 11 long).
    NewArray(u8),
    /// `anewarray` before resolution.
    ANewArray(u16),
    /// Resolved `anewarray`: the array class to create.
    ANewArrayQ(ClassId),
    /// `multianewarray` before resolution.
    MultiANewArray(u16, u8),
    /// Resolved `multianewarray`.
    MultiANewArrayQ(ClassId, u8),
    /// `arraylength`
    ArrayLength,
    /// `athrow`
    AThrow,
    /// `checkcast` before resolution.
    CheckCast(u16),
    /// Resolved `checkcast`.
    CheckCastQ(ClassId),
    /// `instanceof` before resolution.
    InstanceOf(u16),
    /// Resolved `instanceof`.
    InstanceOfQ(ClassId),
    /// `monitorenter`
    MonitorEnter,
    /// `monitorexit`
    MonitorExit,
}

/// A decoded `tableswitch` or `lookupswitch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Switch {
    /// Dense cases from `low`.
    Table {
        /// Lowest key.
        low: i32,
        /// Targets for `low..low+targets.len()`.
        targets: Vec<u32>,
        /// Default target.
        default: u32,
    },
    /// Sparse cases, sorted by key.
    Lookup {
        /// `(key, target)` pairs.
        pairs: Vec<(i32, u32)>,
        /// Default target.
        default: u32,
    },
}

impl Switch {
    /// Every target, the default last.
    pub fn targets(&self) -> Vec<u32> {
        match self {
            Switch::Table {
                targets, default, ..
            } => targets.iter().copied().chain([*default]).collect(),
            Switch::Lookup { pairs, default } => {
                pairs.iter().map(|p| p.1).chain([*default]).collect()
            }
        }
    }

    /// The target for a key.
    #[inline]
    pub fn target(&self, key: i32) -> u32 {
        match self {
            Switch::Table {
                low,
                targets,
                default,
            } => {
                let i = (key as i64) - (*low as i64);
                if i >= 0 && (i as usize) < targets.len() {
                    targets[i as usize]
                } else {
                    *default
                }
            }
            Switch::Lookup { pairs, default } => match pairs.binary_search_by_key(&key, |p| p.0) {
                Ok(i) => pairs[i].1,
                Err(_) => *default,
            },
        }
    }
}

/// A decoded exception handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handler {
    /// First instruction index covered.
    pub start: u32,
    /// First instruction index not covered.
    pub end: u32,
    /// Instruction index of the handler.
    pub handler: u32,
    /// Caught class name, or `None` for any.
    pub catch: Option<Arc<str>>,
}

/// Decoded code of one method.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// The instructions.
    pub insns: Vec<std::cell::Cell<Insn>>,
    /// Byte offset of each instruction in the original bytecode.
    pub pcs: Vec<u32>,
    /// Operand-stack depth (slots) before each instruction, `u16::MAX` if unreachable.
    pub depths: Vec<u16>,
    /// Slots each instruction pops and pushes (empty for generated code).
    pub effects: Vec<(u16, u16)>,
    /// Switch tables referenced by [`Insn::Switch`].
    pub switches: Vec<Switch>,
    /// Exception handlers in precedence order.
    pub handlers: Vec<Handler>,
    /// `(byte offset, line)` sorted by offset.
    pub lines: Vec<(u16, u16)>,
    /// Local-variable slots.
    pub max_locals: u16,
    /// Operand-stack slots.
    pub max_stack: u16,
}

impl Code {
    /// The instruction index at a byte offset, if an instruction starts there.
    pub fn index_of_pc(&self, pc: u32) -> Option<u32> {
        self.pcs.binary_search(&pc).ok().map(|i| i as u32)
    }

    /// The source line of the instruction at an index, if known.
    pub fn line_of(&self, index: u32) -> Option<u16> {
        let pc = *self.pcs.get(index as usize)?;
        let i = self
            .lines
            .partition_point(|&(start, _)| (start as u32) <= pc);
        (i > 0).then(|| self.lines[i - 1].1)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn u8(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }
    fn u16(&self, at: usize) -> Option<u16> {
        Some(u16::from_be_bytes([self.u8(at)?, self.u8(at + 1)?]))
    }
    fn i16(&self, at: usize) -> Option<i16> {
        self.u16(at).map(|v| v as i16)
    }
    fn i32(&self, at: usize) -> Option<i32> {
        Some(i32::from_be_bytes([
            self.u8(at)?,
            self.u8(at + 1)?,
            self.u8(at + 2)?,
            self.u8(at + 3)?,
        ]))
    }
}

/// Stack effect of an instruction once decoded: slots popped and pushed.
struct Effect {
    pop: usize,
    push: usize,
}

fn member_desc(cp: &[Const], index: u16) -> Option<(&str, bool)> {
    match cp.get(index as usize)? {
        Const::Field(m) => Some((&m.desc, true)),
        Const::Method(m) => Some((&m.desc, false)),
        Const::InvokeDynamic(d) => Some((&d.desc, false)),
        _ => None,
    }
}

/// Decodes and checks a method's code. `is_static` and `arg_slots` (without receiver) are used
/// to check that the arguments fit in `max_locals`.
pub fn decode(
    info: &CodeInfo,
    cp: &[Const],
    arg_slots: usize,
    is_static: bool,
    err: &dyn Fn(String) -> ClassFormatError,
) -> Result<Code, ClassFormatError> {
    let r = Reader { bytes: &info.bytes };
    let len = info.bytes.len();
    let trunc = || err("instruction runs past the end of the code".into());

    // Pass 1: instruction boundaries.
    let mut pcs = Vec::new();
    let mut at = 0usize;
    while at < len {
        pcs.push(at as u32);
        at += insn_len(&r, at)
            .ok_or_else(|| err(format!("illegal opcode {} at {at}", info.bytes[at])))?;
    }
    if at != len {
        return Err(trunc());
    }
    let index_of = |pc: i64| -> Result<u32, ClassFormatError> {
        if pc < 0 || pc >= len as i64 {
            return Err(err(format!("branch target {pc} outside the code")));
        }
        pcs.binary_search(&(pc as u32))
            .map(|i| i as u32)
            .map_err(|_| err(format!("branch target {pc} is inside an instruction")))
    };
    let max_locals = info.max_locals as usize;
    if arg_slots + usize::from(!is_static) > max_locals {
        return Err(err("arguments do not fit in max_locals".into()));
    }
    let local = |i: usize, width: usize| -> Result<u16, ClassFormatError> {
        if i + width > max_locals {
            Err(err(format!(
                "local variable {i} beyond max_locals {max_locals}"
            )))
        } else {
            Ok(i as u16)
        }
    };
    let cp_kind =
        |index: u16, ok: &dyn Fn(&Const) -> bool, what: &str| -> Result<u16, ClassFormatError> {
            match cp.get(index as usize) {
                Some(c) if ok(c) => Ok(index),
                _ => Err(err(format!("constant {index} is not {what}"))),
            }
        };

    // Pass 2: decode.
    let mut insns = Vec::with_capacity(pcs.len());
    let mut effects = Vec::with_capacity(pcs.len());
    let mut switches = Vec::new();
    for &pc32 in &pcs {
        let pc = pc32 as usize;
        let op = info.bytes[pc];
        let u8_at = |o: usize| r.u8(pc + o).ok_or_else(trunc);
        let u16_at = |o: usize| r.u16(pc + o).ok_or_else(trunc);
        let branch = |o: i64| index_of(pc as i64 + o);
        use Insn::*;
        let e = |pop, push| Effect { pop, push };
        let (insn, eff) = match op {
            0x00 => (Nop, e(0, 0)),
            0x01 => (PushRef(0), e(0, 1)),
            0x02..=0x08 => (PushInt(op as i32 - 3), e(0, 1)),
            0x09 | 0x0a => (PushLong(op as i64 - 9), e(0, 2)),
            0x0b..=0x0d => (PushFloat((op - 0x0b) as f32), e(0, 1)),
            0x0e | 0x0f => (PushDouble((op - 0x0e) as f64), e(0, 2)),
            0x10 => (PushInt(u8_at(1)? as i8 as i32), e(0, 1)),
            0x11 => (PushInt(u16_at(1)? as i16 as i32), e(0, 1)),
            0x12..=0x14 => {
                let index = if op == 0x12 {
                    u8_at(1)? as u16
                } else {
                    u16_at(1)?
                };
                match cp.get(index as usize) {
                    Some(Const::Int(v)) if op != 0x14 => (PushInt(*v), e(0, 1)),
                    Some(Const::Float(v)) if op != 0x14 => (PushFloat(*v), e(0, 1)),
                    Some(Const::Long(v)) if op == 0x14 => (PushLong(*v), e(0, 2)),
                    Some(Const::Double(v)) if op == 0x14 => (PushDouble(*v), e(0, 2)),
                    Some(
                        Const::String(_)
                        | Const::Class(_)
                        | Const::MethodType(_)
                        | Const::MethodHandle { .. },
                    ) if op != 0x14 => (Ldc(index), e(0, 1)),
                    Some(Const::Dynamic(d)) => {
                        let wide = field_kind(&d.desc).map(|k| k.slots() == 2).unwrap_or(false);
                        (Ldc(index), e(0, if wide { 2 } else { 1 }))
                    }
                    _ => return Err(err(format!("ldc of unusable constant {index}"))),
                }
            }
            0x15 | 0x17 | 0x19 => (Load(local(u8_at(1)? as usize, 1)?), e(0, 1)),
            0x16 | 0x18 => (Load2(local(u8_at(1)? as usize, 2)?), e(0, 2)),
            0x1a..=0x2d => {
                let n = ((op - 0x1a) % 4) as usize;
                let wide = matches!((op - 0x1a) / 4, 1 | 3);
                if wide {
                    (Load2(local(n, 2)?), e(0, 2))
                } else {
                    (Load(local(n, 1)?), e(0, 1))
                }
            }
            0x2e..=0x35 => {
                let elem = elem_of(op - 0x2e);
                let w = if matches!(elem, Elem::Long | Elem::Double) {
                    2
                } else {
                    1
                };
                (ArrayLoad(elem), e(2, w))
            }
            0x36 | 0x38 | 0x3a => (Store(local(u8_at(1)? as usize, 1)?), e(1, 0)),
            0x37 | 0x39 => (Store2(local(u8_at(1)? as usize, 2)?), e(2, 0)),
            0x3b..=0x4e => {
                let n = ((op - 0x3b) % 4) as usize;
                let wide = matches!((op - 0x3b) / 4, 1 | 3);
                if wide {
                    (Store2(local(n, 2)?), e(2, 0))
                } else {
                    (Store(local(n, 1)?), e(1, 0))
                }
            }
            0x4f..=0x56 => {
                let elem = elem_of(op - 0x4f);
                let w = if matches!(elem, Elem::Long | Elem::Double) {
                    2
                } else {
                    1
                };
                (ArrayStore(elem), e(2 + w, 0))
            }
            0x57 => (Pop, e(1, 0)),
            0x58 => (Pop2, e(2, 0)),
            0x59 => (Dup, e(1, 2)),
            0x5a => (DupX1, e(2, 3)),
            0x5b => (DupX2, e(3, 4)),
            0x5c => (Dup2, e(2, 4)),
            0x5d => (Dup2X1, e(3, 5)),
            0x5e => (Dup2X2, e(4, 6)),
            0x5f => (Swap, e(2, 2)),
            0x60..=0x73 => {
                let ops = [Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Rem];
                let o = ops[((op - 0x60) / 4) as usize];
                match (op - 0x60) % 4 {
                    0 => (IntOp(o), e(2, 1)),
                    1 => (LongOp(o), e(4, 2)),
                    2 => (FloatOp(o), e(2, 1)),
                    _ => (DoubleOp(o), e(4, 2)),
                }
            }
            0x74 => (INeg, e(1, 1)),
            0x75 => (LNeg, e(2, 2)),
            0x76 => (FNeg, e(1, 1)),
            0x77 => (DNeg, e(2, 2)),
            0x78 => (IntOp(Op::Shl), e(2, 1)),
            0x79 => (LongOp(Op::Shl), e(3, 2)),
            0x7a => (IntOp(Op::Shr), e(2, 1)),
            0x7b => (LongOp(Op::Shr), e(3, 2)),
            0x7c => (IntOp(Op::Ushr), e(2, 1)),
            0x7d => (LongOp(Op::Ushr), e(3, 2)),
            0x7e => (IntOp(Op::And), e(2, 1)),
            0x7f => (LongOp(Op::And), e(4, 2)),
            0x80 => (IntOp(Op::Or), e(2, 1)),
            0x81 => (LongOp(Op::Or), e(4, 2)),
            0x82 => (IntOp(Op::Xor), e(2, 1)),
            0x83 => (LongOp(Op::Xor), e(4, 2)),
            0x84 => (
                Iinc(local(u8_at(1)? as usize, 1)?, u8_at(2)? as i8 as i16),
                e(0, 0),
            ),
            0x85..=0x93 => {
                use Conv::*;
                let (c, pop, push) = match op {
                    0x85 => (I2L, 1, 2),
                    0x86 => (I2F, 1, 1),
                    0x87 => (I2D, 1, 2),
                    0x88 => (L2I, 2, 1),
                    0x89 => (L2F, 2, 1),
                    0x8a => (L2D, 2, 2),
                    0x8b => (F2I, 1, 1),
                    0x8c => (F2L, 1, 2),
                    0x8d => (F2D, 1, 2),
                    0x8e => (D2I, 2, 1),
                    0x8f => (D2L, 2, 2),
                    0x90 => (D2F, 2, 1),
                    0x91 => (I2B, 1, 1),
                    0x92 => (I2C, 1, 1),
                    _ => (I2S, 1, 1),
                };
                (Convert(c), e(pop, push))
            }
            0x94 => (LCmp, e(4, 1)),
            0x95 | 0x96 => (FCmp(op == 0x96), e(2, 1)),
            0x97 | 0x98 => (DCmp(op == 0x98), e(4, 1)),
            0x99..=0x9e => (
                If(cond_of(op - 0x99), branch(u16_at(1)? as i16 as i64)?),
                e(1, 0),
            ),
            0x9f..=0xa4 => (
                IfICmp(cond_of(op - 0x9f), branch(u16_at(1)? as i16 as i64)?),
                e(2, 0),
            ),
            0xa5 | 0xa6 => (
                IfACmp(op == 0xa5, branch(u16_at(1)? as i16 as i64)?),
                e(2, 0),
            ),
            0xa7 => (Goto(branch(u16_at(1)? as i16 as i64)?), e(0, 0)),
            0xa8 | 0xa9 | 0xc9 => {
                return Err(err(
                    "jsr/ret are not allowed in class files of version 51 and later".into(),
                ));
            }
            0xaa | 0xab => {
                let base = (pc + 4) & !3;
                let rd = |o: usize| r.i32(base + o).ok_or_else(trunc);
                let default = branch(rd(0)? as i64)?;
                let sw = if op == 0xaa {
                    let (low, high) = (rd(4)?, rd(8)?);
                    if high < low {
                        return Err(err("tableswitch with high < low".into()));
                    }
                    let n = (high as i64 - low as i64 + 1) as usize;
                    let mut targets = Vec::with_capacity(n.min(len));
                    for k in 0..n {
                        targets.push(branch(rd(12 + 4 * k)? as i64)?);
                    }
                    crate::code::Switch::Table {
                        low,
                        targets,
                        default,
                    }
                } else {
                    let n = rd(4)?;
                    if n < 0 {
                        return Err(err("lookupswitch with a negative count".into()));
                    }
                    let mut pairs = Vec::with_capacity((n as usize).min(len));
                    for k in 0..n as usize {
                        pairs.push((rd(8 + 8 * k)?, branch(rd(12 + 8 * k)? as i64)?));
                    }
                    if pairs.windows(2).any(|w| w[0].0 >= w[1].0) {
                        return Err(err("lookupswitch keys are not sorted".into()));
                    }
                    crate::code::Switch::Lookup { pairs, default }
                };
                switches.push(sw);
                (Switch(switches.len() as u32 - 1), e(1, 0))
            }
            0xac | 0xae | 0xb0 => (Return1, e(1, 0)),
            0xad | 0xaf => (Return2, e(2, 0)),
            0xb1 => (Return, e(0, 0)),
            0xb2..=0xb5 => {
                let index = cp_kind(
                    u16_at(1)?,
                    &|c| matches!(c, Const::Field(_)),
                    "a field reference",
                )?;
                let (desc, _) = member_desc(cp, index).ok_or_else(trunc)?;
                let w = field_kind(desc).map_err(|e| err(e.to_string()))?.slots();
                match op {
                    0xb2 => (GetStatic(index), e(0, w)),
                    0xb3 => (PutStatic(index), e(w, 0)),
                    0xb4 => (GetField(index), e(1, w)),
                    _ => (PutField(index), e(1 + w, 0)),
                }
            }
            0xb6..=0xb9 => {
                let index = cp_kind(
                    u16_at(1)?,
                    &|c| matches!(c, Const::Method(_)),
                    "a method reference",
                )?;
                let (desc, _) = member_desc(cp, index).ok_or_else(trunc)?;
                let sig = MethodSig::parse(desc).map_err(|e| err(e.to_string()))?;
                let recv = usize::from(op != 0xb8);
                let eff = e(sig.arg_slots() + recv, sig.ret.slots());
                match op {
                    0xb6 => (InvokeVirtual(index), eff),
                    0xb7 => (InvokeSpecial(index), eff),
                    0xb8 => (InvokeStatic(index), eff),
                    _ => (InvokeInterface(index), eff),
                }
            }
            0xba => {
                let index = cp_kind(
                    u16_at(1)?,
                    &|c| matches!(c, Const::InvokeDynamic(_)),
                    "an invokedynamic",
                )?;
                let (desc, _) = member_desc(cp, index).ok_or_else(trunc)?;
                let sig = MethodSig::parse(desc).map_err(|e| err(e.to_string()))?;
                (InvokeDynamic(index), e(sig.arg_slots(), sig.ret.slots()))
            }
            0xbb => (
                New(cp_kind(
                    u16_at(1)?,
                    &|c| matches!(c, Const::Class(_)),
                    "a class",
                )?),
                e(0, 1),
            ),
            0xbc => {
                let atype = u8_at(1)?;
                if !(4..=11).contains(&atype) {
                    return Err(err(format!("newarray of unknown type {atype}")));
                }
                (NewArray(atype), e(1, 1))
            }
            0xbd => (
                ANewArray(cp_kind(
                    u16_at(1)?,
                    &|c| matches!(c, Const::Class(_)),
                    "a class",
                )?),
                e(1, 1),
            ),
            0xbe => (ArrayLength, e(1, 1)),
            0xbf => (AThrow, e(1, 0)),
            0xc0 => (
                CheckCast(cp_kind(
                    u16_at(1)?,
                    &|c| matches!(c, Const::Class(_)),
                    "a class",
                )?),
                e(1, 1),
            ),
            0xc1 => (
                InstanceOf(cp_kind(
                    u16_at(1)?,
                    &|c| matches!(c, Const::Class(_)),
                    "a class",
                )?),
                e(1, 1),
            ),
            0xc2 => (MonitorEnter, e(1, 0)),
            0xc3 => (MonitorExit, e(1, 0)),
            0xc4 => {
                let sub = u8_at(1)?;
                let n = u16_at(2)? as usize;
                match sub {
                    0x15 | 0x17 | 0x19 => (Load(local(n, 1)?), e(0, 1)),
                    0x16 | 0x18 => (Load2(local(n, 2)?), e(0, 2)),
                    0x36 | 0x38 | 0x3a => (Store(local(n, 1)?), e(1, 0)),
                    0x37 | 0x39 => (Store2(local(n, 2)?), e(2, 0)),
                    0x84 => (
                        Iinc(local(n, 1)?, r.i16(pc + 4).ok_or_else(trunc)?),
                        e(0, 0),
                    ),
                    _ => return Err(err(format!("wide {sub:#x} is not allowed"))),
                }
            }
            0xc5 => {
                let dims = u8_at(3)?;
                if dims == 0 {
                    return Err(err("multianewarray with 0 dimensions".into()));
                }
                let index = cp_kind(u16_at(1)?, &|c| matches!(c, Const::Class(_)), "a class")?;
                (MultiANewArray(index, dims), e(dims as usize, 1))
            }
            0xc6 | 0xc7 => (
                IfNull(op == 0xc6, branch(u16_at(1)? as i16 as i64)?),
                e(1, 0),
            ),
            0xc8 => (
                Goto(branch(r.i32(pc + 1).ok_or_else(trunc)? as i64)?),
                e(0, 0),
            ),
            _ => return Err(err(format!("illegal opcode {op:#x} at {pc}"))),
        };
        insns.push(insn);
        effects.push(eff);
    }

    let mut handlers = Vec::with_capacity(info.handlers.len());
    for h in &info.handlers {
        let end = if h.end as usize == len {
            pcs.len() as u32
        } else {
            index_of(h.end as i64)?
        };
        handlers.push(Handler {
            start: index_of(h.start as i64)?,
            end,
            handler: index_of(h.handler as i64)?,
            catch: h.catch.clone(),
        });
    }

    let depths = stack_depths(
        &insns,
        &effects,
        &switches,
        &handlers,
        info.max_stack as usize,
        &err,
    )?;
    Ok(Code {
        insns: insns.into_iter().map(std::cell::Cell::new).collect(),
        pcs,
        depths,
        effects: effects
            .iter()
            .map(|e| (e.pop as u16, e.push as u16))
            .collect(),
        switches,
        handlers,
        lines: info.lines.clone(),
        max_locals: info.max_locals,
        max_stack: info.max_stack,
    })
}

/// Computes the operand-stack depth before every instruction, and fails if it is inconsistent
/// where paths meet or leaves `0..=max_stack`.
fn stack_depths(
    insns: &[Insn],
    effects: &[Effect],
    switches: &[Switch],
    handlers: &[Handler],
    max_stack: usize,
    err: &dyn Fn(String) -> ClassFormatError,
) -> Result<Vec<u16>, ClassFormatError> {
    const UNSEEN: u16 = u16::MAX;
    let mut depths = vec![UNSEEN; insns.len()];
    let mut work: Vec<(usize, usize)> = vec![(0, 0)];
    for h in handlers {
        work.push((h.handler as usize, 1));
    }
    while let Some((i, depth)) = work.pop() {
        if i >= insns.len() {
            return Err(err("execution falls off the end of the code".into()));
        }
        if depths[i] != UNSEEN {
            if depths[i] as usize != depth {
                return Err(err(format!(
                    "inconsistent stack depth at instruction {i}: {} and {depth}",
                    depths[i]
                )));
            }
            continue;
        }
        depths[i] = depth as u16;
        let eff = &effects[i];
        if eff.pop > depth {
            return Err(err(format!("stack underflow at instruction {i}")));
        }
        let after = depth - eff.pop + eff.push;
        if after > max_stack {
            return Err(err(format!(
                "stack depth {after} exceeds max_stack {max_stack} at instruction {i}"
            )));
        }
        let next = i + 1;
        match insns[i] {
            Insn::Goto(t) => work.push((t as usize, after)),
            Insn::If(_, t) | Insn::IfICmp(_, t) | Insn::IfACmp(_, t) | Insn::IfNull(_, t) => {
                work.push((t as usize, after));
                work.push((next, after));
            }
            Insn::Switch(s) => match &switches[s as usize] {
                Switch::Table {
                    targets, default, ..
                } => {
                    work.push((*default as usize, after));
                    work.extend(targets.iter().map(|&t| (t as usize, after)));
                }
                Switch::Lookup { pairs, default } => {
                    work.push((*default as usize, after));
                    work.extend(pairs.iter().map(|&(_, t)| (t as usize, after)));
                }
            },
            Insn::Return | Insn::Return1 | Insn::Return2 | Insn::AThrow => {}
            _ => work.push((next, after)),
        }
    }
    Ok(depths)
}

fn elem_of(i: u8) -> Elem {
    [
        Elem::Int,
        Elem::Long,
        Elem::Float,
        Elem::Double,
        Elem::Ref,
        Elem::Byte,
        Elem::Char,
        Elem::Short,
    ][i as usize]
}

fn cond_of(i: u8) -> Cond {
    [Cond::Eq, Cond::Ne, Cond::Lt, Cond::Ge, Cond::Gt, Cond::Le][i as usize]
}

/// Length in bytes of the instruction at `at`, or `None` for an illegal opcode.
fn insn_len(r: &Reader<'_>, at: usize) -> Option<usize> {
    let op = r.u8(at)?;
    Some(match op {
        0x10 | 0x12 | 0x15..=0x19 | 0x36..=0x3a | 0xa9 | 0xbc => 2,
        0x11
        | 0x13
        | 0x14
        | 0x84
        | 0x99..=0xa8
        | 0xb2..=0xb8
        | 0xbb
        | 0xbd
        | 0xc0
        | 0xc1
        | 0xc6
        | 0xc7 => 3,
        0xc5 => 4,
        0xb9 | 0xba | 0xc8 | 0xc9 => 5,
        0xc4 => {
            if r.u8(at + 1)? == 0x84 {
                6
            } else {
                4
            }
        }
        0xaa => {
            let base = (at + 4) & !3;
            let low = r.i32(base + 4)? as i64;
            let high = r.i32(base + 8)? as i64;
            if high < low || high - low > 65536 {
                return None;
            }
            base - at + 12 + 4 * (high - low + 1) as usize
        }
        0xab => {
            let base = (at + 4) & !3;
            let n = r.i32(base + 4)?;
            if !(0..=65536).contains(&n) {
                return None;
            }
            base - at + 8 + 8 * n as usize
        }
        0x00..=0x0f
        | 0x1a..=0x35
        | 0x3b..=0x83
        | 0x85..=0x98
        | 0xac..=0xb1
        | 0xbe
        | 0xbf
        | 0xc2
        | 0xc3 => 1,
        _ => return None,
    })
}

/// The kind of value a field descriptor holds.
pub fn kind_of_desc(desc: &str) -> Kind {
    field_kind(desc).unwrap_or(Kind::Ref)
}
