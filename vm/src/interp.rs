//! The interpreter's inner loop: one `match` over decoded instructions for the running thread.
//!
//! It holds pc and sp in locals and writes them back to the top frame whenever it leaves. It
//! leaves (with an [`Exit`]) for everything that needs the rest of the VM: resolving or linking
//! an instruction, a native call, raising an exception, collecting garbage, blocking, and
//! returns from frames with special meaning. The instruction that caused an exit is the top
//! frame's pc; the outer loop either completes it or runs it again.

use crate::class::{MethodId, Program};
use crate::code::{Conv, Elem, Insn, Op};
use crate::heap::{Miss, raw_kind};
use crate::jit::{Jit, Ran};
use crate::runtime::{Raise, Runtime};
use crate::thread::{Frame, FrameKind};
use crate::value::{NULL, Value};

/// Why the inner loop stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum Exit {
    /// The instruction budget is used up (the top frame's instruction has not run).
    Budget,
    /// The instruction must be resolved, linked or run by the outer loop.
    Slow,
    /// A call to a method the inner loop does not enter (native, synchronized, abstract).
    Invoke(MethodId),
    /// A VM exception at the current instruction.
    Raise(Raise),
    /// `athrow` of an object.
    Throw(u32),
    /// The top frame returns and its kind or position needs the outer loop.
    Return,
    /// Collect garbage, then run the instruction again.
    Gc,
    /// Pushing a frame would exceed the thread's stack.
    StackOverflow,
}

/// Largest number of frames a thread may have.
pub const MAX_FRAMES: usize = 6000;
/// Largest number of slots a thread's locals and operand stacks may take.
pub const MAX_SLOTS: usize = 1 << 20;

/// The result of a float operation, with NaNs made deterministic: an input NaN propagates
/// (quietened), and a new NaN is the one x86-64 produces, so every host prints the same bits.
#[inline(always)]
pub fn fix_nan32(r: f32, a: f32, b: f32) -> f32 {
    if !r.is_nan() {
        r
    } else if a.is_nan() {
        f32::from_bits(a.to_bits() | 0x0040_0000)
    } else if b.is_nan() {
        f32::from_bits(b.to_bits() | 0x0040_0000)
    } else {
        f32::from_bits(0xffc0_0000)
    }
}

/// The double counterpart of [`fix_nan32`].
#[inline(always)]
pub fn fix_nan64(r: f64, a: f64, b: f64) -> f64 {
    if !r.is_nan() {
        r
    } else if a.is_nan() {
        f64::from_bits(a.to_bits() | 0x0008_0000_0000_0000)
    } else if b.is_nan() {
        f64::from_bits(b.to_bits() | 0x0008_0000_0000_0000)
    } else {
        f64::from_bits(0xfff8_0000_0000_0000)
    }
}

/// Pushes a frame for `method` (decoding its code if needed) whose arguments (`arg_slots`, receiver included) are the top of
/// the caller's operand stack. The caller resumes at `caller_pc` with its arguments popped.
/// Returns false on stack overflow (nothing changed).
#[inline]
pub fn push_frame(
    prog: &Program,
    frames: &mut Vec<Frame>,
    slots: &mut Vec<crate::value::Value>,
    method: MethodId,
    caller_pc: u32,
    sp: usize,
    kind: FrameKind,
) -> bool {
    let m = prog.method(method);
    // Callers decode first to report malformed code; here it only must not crash.
    let Ok(Some(code)) = prog.code(method) else {
        return false;
    };
    let base = sp - m.arg_slots as usize;
    let locals_end = base + code.max_locals as usize;
    let need = locals_end + code.max_stack as usize;
    if frames.len() >= MAX_FRAMES || need > MAX_SLOTS {
        return false;
    }
    if slots.len() < need {
        slots.resize(need.max(slots.len() * 2).min(MAX_SLOTS), Value::Top);
    }
    for s in &mut slots[sp..locals_end] {
        *s = Value::Top;
    }
    if let Some(caller) = frames.last_mut() {
        caller.pc = caller_pc;
        caller.sp = base as u32;
    }
    frames.push(Frame {
        method,
        pc: 0,
        base: base as u32,
        sp: locals_end as u32,
        kind,
        sync: NULL,
    });
    true
}

/// Runs the current thread until an exit. `budget` counts down executed instructions; an
/// instruction that exits to be run again is not counted.
pub fn run(prog: &Program, rt: &mut Runtime, jit: &mut Jit, budget: &mut u64) -> Exit {
    let Runtime {
        threads,
        heap,
        statics,
        monitors,
        current,
        known,
        ..
    } = rt;
    let tid = *current;
    let thread = &mut threads[tid];
    let frames = &mut thread.frames;
    let slots = &mut thread.slots;

    let Some(top) = frames.last() else {
        return Exit::Return;
    };
    let mut method = top.method;
    let mut code = prog
        .method(method)
        .code
        .get()
        .expect("running frames have code");
    let mut insns: &[std::cell::Cell<Insn>] = &code.insns;
    let mut pc = top.pc as usize;
    let mut sp = top.sp as usize;
    let mut base = top.base as usize;
    // The budget lives in a register while the loop runs and is written back on every exit.
    let mut left = *budget;
    // Budget set aside while the interpreter runs one instruction that compiled code left
    // for, so that it looks for compiled code again right after it (see `jit!`).
    let mut stash: u64 = 0;
    let jit_on = jit.enabled();

    macro_rules! save {
        () => {{
            let f = frames.last_mut().expect("a running thread has a frame");
            f.pc = pc as u32;
            f.sp = sp as u32;
            *budget = left + stash;
        }};
    }
    // Runs compiled code for the current frame if it has an entry at pc; `count` says whether
    // this is a call or a backward branch, which make a method hot.
    macro_rules! jit {
        ($count:expr) => {{
            if jit_on {
                let mut fuel = left + stash;
                let ran = jit.run(
                    prog,
                    method,
                    pc,
                    $count,
                    frames,
                    slots,
                    heap,
                    statics,
                    known.prim_arrays,
                    &mut fuel,
                );
                if let Some(ran) = ran {
                    match ran {
                        Ran::At(at) => {
                            pc = at;
                            sp = base + code.max_locals as usize + code.depths[pc] as usize;
                        }
                        Ran::Unwound => {
                            // A call compiled code made stopped in another frame.
                            let f = *frames.last().expect("a running thread has a frame");
                            method = f.method;
                            code = prog
                                .method(method)
                                .code
                                .get()
                                .expect("running frames have code");
                            insns = &code.insns;
                            pc = f.pc as usize;
                            sp = f.sp as usize;
                            base = f.base as usize;
                        }
                    }
                    // Run the instruction compiled code left for, then look again.
                    left = fuel.min(1);
                    stash = fuel - left;
                }
            }
        }};
    }
    macro_rules! leave {
        ($exit:expr) => {{
            left += 1;
            save!();
            return $exit;
        }};
    }
    macro_rules! raise {
        ($class:expr, $msg:expr) => {{ leave!(Exit::Raise(Raise::new($class, $msg))) }};
    }
    macro_rules! npe {
        () => {
            leave!(Exit::Raise(Raise::null_pointer()))
        };
    }
    macro_rules! enter {
        ($mid:expr, $after:expr) => {{
            let mid = $mid;
            let m = prog.method(mid);
            // Intrinsics, and heap natives in their common case, are computed in place.
            let n = m.arg_slots as usize;
            let in_place = match (m.intrinsic, m.heap_native) {
                (Some(f), _) => Some(f(&slots[sp - n..sp])),
                (None, Some(f)) => f(prog, heap, &slots[sp - n..sp]),
                (None, None) => None,
            };
            if let Some(r) = in_place {
                sp -= n;
                match m.sig.ret.slots() {
                    0 => {}
                    1 => push!(r),
                    _ => push2!(r),
                }
                continue;
            }
            if m.code.get().is_none() || m.access & crate::classfile::acc::SYNCHRONIZED != 0 {
                pc -= 1;
                leave!(Exit::Invoke(mid));
            }
            if !push_frame(
                prog,
                frames,
                slots,
                mid,
                $after as u32,
                sp,
                FrameKind::Normal,
            ) {
                pc -= 1;
                leave!(Exit::StackOverflow);
            }
            let f = frames.last().expect("just pushed");
            code = m.code.get().expect("checked above");
            insns = &code.insns;
            pc = 0;
            sp = f.sp as usize;
            base = f.base as usize;
            method = mid;
            jit!(true);
        }};
    }
    // A taken branch; going backwards makes the method hotter and may enter compiled code.
    macro_rules! back_edge {
        ($t:expr) => {{
            let t = $t as usize;
            let backwards = t < pc;
            pc = t;
            if backwards {
                jit!(true);
            }
        }};
    }
    macro_rules! pop {
        () => {{
            sp -= 1;
            slots[sp]
        }};
    }
    macro_rules! push {
        ($v:expr) => {{
            slots[sp] = $v;
            sp += 1;
        }};
    }
    macro_rules! push2 {
        ($v:expr) => {{
            slots[sp] = $v;
            slots[sp + 1] = Value::Top;
            sp += 2;
        }};
    }

    jit!(false);
    loop {
        if left == 0 {
            if stash == 0 {
                save!();
                return Exit::Budget;
            }
            left = stash;
            stash = 0;
            jit!(false);
            continue;
        }
        left -= 1;
        let insn = insns[pc].get();
        pc += 1;
        match insn {
            Insn::Nop => {}
            Insn::PushInt(v) => push!(Value::Int(v)),
            Insn::PushLong(v) => push2!(Value::Long(v)),
            Insn::PushFloat(v) => push!(Value::Float(v)),
            Insn::PushDouble(v) => push2!(Value::Double(v)),
            Insn::PushRef(r) => push!(Value::Ref(r)),
            Insn::Load(n) => push!(slots[base + n as usize]),
            Insn::Load2(n) => {
                slots[sp] = slots[base + n as usize];
                slots[sp + 1] = Value::Top;
                sp += 2;
            }
            Insn::Store(n) => {
                sp -= 1;
                slots[base + n as usize] = slots[sp];
            }
            Insn::Store2(n) => {
                sp -= 2;
                slots[base + n as usize] = slots[sp];
                slots[base + n as usize + 1] = Value::Top;
            }
            Insn::Iinc(n, d) => {
                let i = base + n as usize;
                slots[i] = Value::Int(slots[i].int().wrapping_add(d as i32));
            }
            Insn::ArrayLoad(_) => {
                let i = slots[sp - 1].int() as u32 as usize;
                // One look at the table and one bounds check: a negative index is huge.
                let (v, wide) = match heap.load_element(slots[sp - 2].reference(), i) {
                    Ok(v) => v,
                    Err(Miss::Index(len)) => {
                        pc -= 1;
                        raise!(
                            "java/lang/ArrayIndexOutOfBoundsException",
                            Some(format!(
                                "Index {} out of bounds for length {len}",
                                i as u32 as i32
                            ))
                        );
                    }
                    Err(_) => {
                        pc -= 1;
                        npe!()
                    }
                };
                sp -= 2;
                if wide {
                    push2!(v);
                } else {
                    push!(v);
                }
            }
            Insn::ArrayStore(elem) => {
                let w = if matches!(elem, Elem::Long | Elem::Double) {
                    2
                } else {
                    1
                };
                let value = slots[sp - w];
                let i = slots[sp - w - 1].int() as u32 as usize;
                let array = slots[sp - w - 2].reference();
                if elem == Elem::Ref && value.reference() != NULL {
                    // Covariant arrays: the value's class must fit the element class (else
                    // the outer loop raises the exception). Compiled code checks the same.
                    let fits = match (heap.get(array), heap.get(value.reference())) {
                        (Some(a), Some(v)) => match prog.class(a.class).kind {
                            crate::class::ClassKind::Array { component, .. } => {
                                prog.is_assignable(v.class, component)
                            }
                            _ => false,
                        },
                        _ => false,
                    };
                    if !fits {
                        pc -= 1;
                        leave!(Exit::Slow);
                    }
                }
                match heap.store_element(array, i, value) {
                    Ok(()) => {}
                    Err(Miss::Index(len)) => {
                        pc -= 1;
                        raise!(
                            "java/lang/ArrayIndexOutOfBoundsException",
                            Some(format!(
                                "Index {} out of bounds for length {len}",
                                i as u32 as i32
                            ))
                        );
                    }
                    Err(_) => {
                        pc -= 1;
                        npe!()
                    }
                }
                sp -= w + 2;
            }
            Insn::Pop => sp -= 1,
            Insn::Pop2 => sp -= 2,
            Insn::Dup => {
                slots[sp] = slots[sp - 1];
                sp += 1;
            }
            Insn::DupX1 => {
                let (v1, v2) = (slots[sp - 1], slots[sp - 2]);
                slots[sp - 2] = v1;
                slots[sp - 1] = v2;
                slots[sp] = v1;
                sp += 1;
            }
            Insn::DupX2 => {
                let (v1, v2, v3) = (slots[sp - 1], slots[sp - 2], slots[sp - 3]);
                slots[sp - 3] = v1;
                slots[sp - 2] = v3;
                slots[sp - 1] = v2;
                slots[sp] = v1;
                sp += 1;
            }
            Insn::Dup2 => {
                slots[sp] = slots[sp - 2];
                slots[sp + 1] = slots[sp - 1];
                sp += 2;
            }
            Insn::Dup2X1 => {
                let (v1, v2, v3) = (slots[sp - 1], slots[sp - 2], slots[sp - 3]);
                slots[sp - 3] = v2;
                slots[sp - 2] = v1;
                slots[sp - 1] = v3;
                slots[sp] = v2;
                slots[sp + 1] = v1;
                sp += 2;
            }
            Insn::Dup2X2 => {
                let (v1, v2, v3, v4) = (slots[sp - 1], slots[sp - 2], slots[sp - 3], slots[sp - 4]);
                slots[sp - 4] = v2;
                slots[sp - 3] = v1;
                slots[sp - 2] = v4;
                slots[sp - 1] = v3;
                slots[sp] = v2;
                slots[sp + 1] = v1;
                sp += 2;
            }
            Insn::Swap => slots.swap(sp - 1, sp - 2),
            Insn::IntOp(op) => {
                let b = slots[sp - 1].int();
                let a = slots[sp - 2].int();
                let r = match op {
                    Op::Add => a.wrapping_add(b),
                    Op::Sub => a.wrapping_sub(b),
                    Op::Mul => a.wrapping_mul(b),
                    Op::Div | Op::Rem if b == 0 => {
                        pc -= 1;
                        raise!(
                            "java/lang/ArithmeticException",
                            Some("/ by zero".to_string())
                        )
                    }
                    Op::Div => a.wrapping_div(b),
                    Op::Rem => a.wrapping_rem(b),
                    Op::Shl => a.wrapping_shl(b as u32 & 31),
                    Op::Shr => a.wrapping_shr(b as u32 & 31),
                    Op::Ushr => ((a as u32) >> (b as u32 & 31)) as i32,
                    Op::And => a & b,
                    Op::Or => a | b,
                    Op::Xor => a ^ b,
                };
                sp -= 1;
                slots[sp - 1] = Value::Int(r);
            }
            Insn::LongOp(op) => {
                if matches!(op, Op::Shl | Op::Shr | Op::Ushr) {
                    let s = slots[sp - 1].int() as u32 & 63;
                    let a = slots[sp - 3].long();
                    let r = match op {
                        Op::Shl => a.wrapping_shl(s),
                        Op::Shr => a.wrapping_shr(s),
                        _ => ((a as u64) >> s) as i64,
                    };
                    sp -= 1;
                    slots[sp - 2] = Value::Long(r);
                } else {
                    let b = slots[sp - 2].long();
                    let a = slots[sp - 4].long();
                    let r = match op {
                        Op::Add => a.wrapping_add(b),
                        Op::Sub => a.wrapping_sub(b),
                        Op::Mul => a.wrapping_mul(b),
                        Op::Div | Op::Rem if b == 0 => {
                            pc -= 1;
                            raise!(
                                "java/lang/ArithmeticException",
                                Some("/ by zero".to_string())
                            )
                        }
                        Op::Div => a.wrapping_div(b),
                        Op::Rem => a.wrapping_rem(b),
                        Op::And => a & b,
                        Op::Or => a | b,
                        _ => a ^ b,
                    };
                    sp -= 2;
                    slots[sp - 2] = Value::Long(r);
                }
            }
            Insn::FloatOp(op) => {
                let b = slots[sp - 1].float();
                let a = slots[sp - 2].float();
                let r = match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div => a / b,
                    _ => a % b,
                };
                sp -= 1;
                slots[sp - 1] = Value::Float(fix_nan32(r, a, b));
            }
            Insn::DoubleOp(op) => {
                let b = slots[sp - 2].double();
                let a = slots[sp - 4].double();
                let r = match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div => a / b,
                    _ => a % b,
                };
                sp -= 2;
                slots[sp - 2] = Value::Double(fix_nan64(r, a, b));
            }
            Insn::INeg => slots[sp - 1] = Value::Int(slots[sp - 1].int().wrapping_neg()),
            Insn::LNeg => slots[sp - 2] = Value::Long(slots[sp - 2].long().wrapping_neg()),
            Insn::FNeg => slots[sp - 1] = Value::Float(-slots[sp - 1].float()),
            Insn::DNeg => slots[sp - 2] = Value::Double(-slots[sp - 2].double()),
            Insn::Convert(c) => match c {
                Conv::I2L => {
                    let v = slots[sp - 1].int();
                    slots[sp - 1] = Value::Long(v as i64);
                    slots[sp] = Value::Top;
                    sp += 1;
                }
                Conv::I2F => slots[sp - 1] = Value::Float(slots[sp - 1].int() as f32),
                Conv::I2D => {
                    let v = slots[sp - 1].int();
                    slots[sp - 1] = Value::Double(v as f64);
                    slots[sp] = Value::Top;
                    sp += 1;
                }
                Conv::L2I => {
                    sp -= 1;
                    slots[sp - 1] = Value::Int(slots[sp - 1].long() as i32);
                }
                Conv::L2F => {
                    sp -= 1;
                    slots[sp - 1] = Value::Float(slots[sp - 1].long() as f32);
                }
                Conv::L2D => slots[sp - 2] = Value::Double(slots[sp - 2].long() as f64),
                Conv::F2I => slots[sp - 1] = Value::Int(slots[sp - 1].float() as i32),
                Conv::F2L => {
                    let v = slots[sp - 1].float();
                    slots[sp - 1] = Value::Long(v as i64);
                    slots[sp] = Value::Top;
                    sp += 1;
                }
                Conv::F2D => {
                    let v = slots[sp - 1].float();
                    let d = if v.is_nan() {
                        // Widen the payload exactly (and quieten it), as x86-64 does.
                        let bits = v.to_bits() as u64;
                        f64::from_bits(
                            ((bits & 0x8000_0000) << 32)
                                | 0x7ff8_0000_0000_0000
                                | ((bits & 0x003f_ffff) << 29),
                        )
                    } else {
                        v as f64
                    };
                    slots[sp - 1] = Value::Double(d);
                    slots[sp] = Value::Top;
                    sp += 1;
                }
                Conv::D2I => {
                    sp -= 1;
                    slots[sp - 1] = Value::Int(slots[sp - 1].double() as i32);
                }
                Conv::D2L => slots[sp - 2] = Value::Long(slots[sp - 2].double() as i64),
                Conv::D2F => {
                    sp -= 1;
                    let v = slots[sp - 1].double();
                    let f = if v.is_nan() {
                        let bits = v.to_bits();
                        f32::from_bits(
                            (((bits >> 32) & 0x8000_0000) as u32)
                                | 0x7fc0_0000
                                | (((bits >> 29) & 0x003f_ffff) as u32),
                        )
                    } else {
                        v as f32
                    };
                    slots[sp - 1] = Value::Float(f);
                }
                Conv::I2B => slots[sp - 1] = Value::Int(slots[sp - 1].int() as i8 as i32),
                Conv::I2C => slots[sp - 1] = Value::Int(slots[sp - 1].int() as u16 as i32),
                Conv::I2S => slots[sp - 1] = Value::Int(slots[sp - 1].int() as i16 as i32),
            },
            Insn::LCmp => {
                let b = slots[sp - 2].long();
                let a = slots[sp - 4].long();
                sp -= 3;
                slots[sp - 1] = Value::Int(a.cmp(&b) as i32);
            }
            Insn::FCmp(g) => {
                let b = slots[sp - 1].float();
                let a = slots[sp - 2].float();
                sp -= 1;
                slots[sp - 1] = Value::Int(match a.partial_cmp(&b) {
                    Some(o) => o as i32,
                    None => {
                        if g {
                            1
                        } else {
                            -1
                        }
                    }
                });
            }
            Insn::DCmp(g) => {
                let b = slots[sp - 2].double();
                let a = slots[sp - 4].double();
                sp -= 3;
                slots[sp - 1] = Value::Int(match a.partial_cmp(&b) {
                    Some(o) => o as i32,
                    None => {
                        if g {
                            1
                        } else {
                            -1
                        }
                    }
                });
            }
            Insn::If(c, t) => {
                sp -= 1;
                if c.test(slots[sp].int(), 0) {
                    back_edge!(t);
                }
            }
            Insn::IfICmp(c, t) => {
                sp -= 2;
                if c.test(slots[sp].int(), slots[sp + 1].int()) {
                    back_edge!(t);
                }
            }
            Insn::IfACmp(eq, t) => {
                sp -= 2;
                if (slots[sp].reference() == slots[sp + 1].reference()) == eq {
                    back_edge!(t);
                }
            }
            Insn::IfNull(is_null, t) => {
                sp -= 1;
                if (slots[sp].reference() == NULL) == is_null {
                    back_edge!(t);
                }
            }
            Insn::Goto(t) => back_edge!(t),
            Insn::Switch(s) => {
                sp -= 1;
                pc = code.switches[s as usize].target(slots[sp].int()) as usize;
            }
            Insn::Return | Insn::Return1 | Insn::Return2 => {
                let n = match insn {
                    Insn::Return => 0,
                    Insn::Return1 => 1,
                    _ => 2,
                };
                let f = frames.last().expect("running");
                if f.kind != FrameKind::Normal || f.sync != NULL || frames.len() == 1 {
                    pc -= 1;
                    leave!(Exit::Return);
                }
                let result_at = sp - n;
                frames.pop();
                let caller = frames.last_mut().expect("checked len > 1");
                let dest = caller.sp as usize;
                for k in 0..n {
                    slots[dest + k] = slots[result_at + k];
                }
                caller.sp = (dest + n) as u32;
                code = prog
                    .method(caller.method)
                    .code
                    .get()
                    .expect("callers have code");
                insns = &code.insns;
                pc = caller.pc as usize;
                sp = caller.sp as usize;
                base = caller.base as usize;
                method = caller.method;
                jit!(false);
            }
            Insn::GetStaticQ { class, slot, wide } => {
                let v = statics[class as usize][slot as usize];
                if wide {
                    push2!(v);
                } else {
                    push!(v);
                }
            }
            Insn::PutStaticQ { class, slot, wide } => {
                let v = if wide {
                    sp -= 2;
                    slots[sp]
                } else {
                    pop!()
                };
                statics[class as usize][slot as usize] = v;
            }
            Insn::GetFieldQ { slot, wide } => {
                let r = slots[sp - 1].reference();
                // Verified code never reads a field of an object of another class; unverified
                // code that does gets an error, not a read out of bounds.
                let v = match heap.load_field(r, slot as usize) {
                    Ok(v) => v,
                    Err(Miss::Null) => {
                        pc -= 1;
                        npe!()
                    }
                    Err(_) => {
                        pc -= 1;
                        raise!(
                            "java/lang/VerifyError",
                            Some("getfield on an object without that field".to_string())
                        );
                    }
                };
                slots[sp - 1] = v;
                if wide {
                    slots[sp] = Value::Top;
                    sp += 1;
                }
            }
            Insn::PutFieldQ { slot, wide } => {
                let w = if wide { 2 } else { 1 };
                let v = slots[sp - w];
                let r = slots[sp - w - 1].reference();
                match heap.store_field(r, slot as usize, v) {
                    Ok(()) => {}
                    Err(Miss::Null) => {
                        pc -= 1;
                        npe!()
                    }
                    Err(_) => {
                        pc -= 1;
                        raise!(
                            "java/lang/VerifyError",
                            Some("putfield on an object without that field".to_string())
                        );
                    }
                }
                sp -= w + 1;
            }
            Insn::InvokeDirect {
                method: mid,
                has_receiver,
            } => {
                if has_receiver {
                    let recv = slots[sp - prog.method(mid).arg_slots as usize].reference();
                    if recv == NULL {
                        pc -= 1;
                        npe!();
                    }
                }
                enter!(mid, pc);
            }
            Insn::InvokeVirtualQ { vindex, arg_slots } => {
                let recv = slots[sp - arg_slots as usize].reference();
                let Some(obj) = heap.get(recv) else {
                    pc -= 1;
                    npe!()
                };
                let Some(&mid) = prog.class(obj.class).vtable.get(vindex as usize) else {
                    pc -= 1;
                    raise!(
                        "java/lang/VerifyError",
                        Some("invokevirtual on an object of an unrelated class".to_string())
                    );
                };
                enter!(mid, pc);
            }
            Insn::InvokeInterfaceQ {
                selector,
                arg_slots,
                cached_class,
                cached_method,
            } => {
                let recv = slots[sp - arg_slots as usize].reference();
                let Some(obj) = heap.get(recv) else {
                    pc -= 1;
                    npe!()
                };
                let mid = if obj.class == cached_class {
                    cached_method
                } else {
                    let Some(mid) = prog.select(obj.class, selector) else {
                        // No implementation: the outer loop raises the right error.
                        pc -= 1;
                        leave!(Exit::Slow);
                    };
                    insns[pc - 1].set(Insn::InvokeInterfaceQ {
                        selector,
                        arg_slots,
                        cached_class: obj.class,
                        cached_method: mid,
                    });
                    mid
                };
                enter!(mid, pc);
            }
            Insn::NewQ(class) => {
                if heap.wants_collection() {
                    pc -= 1;
                    leave!(Exit::Gc);
                }
                match heap.alloc_fields(class, &prog.class(class).zeroed) {
                    Ok(r) => push!(Value::Ref(r)),
                    Err(_) => {
                        pc -= 1;
                        leave!(Exit::Gc);
                    }
                }
            }
            Insn::NewArray(atype) => {
                let n = slots[sp - 1].int();
                if n < 0 {
                    pc -= 1;
                    raise!("java/lang/NegativeArraySizeException", Some(n.to_string()));
                }
                if heap.wants_collection() || n > (1 << 28) {
                    pc -= 1;
                    leave!(Exit::Gc);
                }
                let class = known.prim_arrays[(atype - 4) as usize];
                match heap.alloc_array(class, raw_kind::of_atype(atype), n as usize) {
                    Ok(r) => slots[sp - 1] = Value::Ref(r),
                    Err(_) => {
                        pc -= 1;
                        leave!(Exit::Gc);
                    }
                }
            }
            Insn::ANewArrayQ(class) => {
                let n = slots[sp - 1].int();
                if n < 0 {
                    pc -= 1;
                    raise!("java/lang/NegativeArraySizeException", Some(n.to_string()));
                }
                if heap.wants_collection() || n > (1 << 28) {
                    pc -= 1;
                    leave!(Exit::Gc);
                }
                match heap.alloc_array(class, raw_kind::REFS, n as usize) {
                    Ok(r) => slots[sp - 1] = Value::Ref(r),
                    Err(_) => {
                        pc -= 1;
                        leave!(Exit::Gc);
                    }
                }
            }
            Insn::ArrayLength => {
                let r = slots[sp - 1].reference();
                let Some(obj) = heap.get(r) else {
                    pc -= 1;
                    npe!()
                };
                slots[sp - 1] = Value::Int(obj.data.array_len().unwrap_or(0) as i32);
            }
            Insn::AThrow => {
                let r = slots[sp - 1].reference();
                pc -= 1;
                if r == NULL {
                    npe!();
                }
                leave!(Exit::Throw(r));
            }
            Insn::CheckCastQ(class) => {
                let r = slots[sp - 1].reference();
                if r != NULL {
                    let c = heap.get(r).map(|o| o.class).unwrap_or(class);
                    if !prog.is_assignable(c, class) {
                        pc -= 1;
                        leave!(Exit::Slow);
                    }
                }
            }
            Insn::InstanceOfQ(class) => {
                let r = slots[sp - 1].reference();
                let yes = match heap.get(r) {
                    Some(o) => prog.is_assignable(o.class, class),
                    None => false,
                };
                slots[sp - 1] = Value::Int(yes as i32);
            }
            Insn::MonitorEnter => {
                let r = slots[sp - 1].reference();
                if r == NULL {
                    pc -= 1;
                    npe!();
                }
                match monitors.get_mut(&r) {
                    None => {
                        monitors.insert(
                            r,
                            crate::runtime::Monitor {
                                owner: tid as u32,
                                count: 1,
                            },
                        );
                    }
                    Some(m) if m.owner == tid as u32 => m.count += 1,
                    Some(_) => {
                        pc -= 1;
                        leave!(Exit::Slow);
                    }
                }
                sp -= 1;
            }
            Insn::MonitorExit => {
                let r = slots[sp - 1].reference();
                if r == NULL {
                    pc -= 1;
                    npe!();
                }
                match monitors.get_mut(&r) {
                    Some(m) if m.owner == tid as u32 => {
                        m.count -= 1;
                        if m.count == 0 {
                            monitors.remove(&r);
                        }
                    }
                    _ => {
                        pc -= 1;
                        raise!(
                            "java/lang/IllegalMonitorStateException",
                            Some("current thread is not owner".to_string())
                        );
                    }
                }
                sp -= 1;
            }
            Insn::Ldc(_)
            | Insn::GetStatic(_)
            | Insn::PutStatic(_)
            | Insn::GetField(_)
            | Insn::PutField(_)
            | Insn::InvokeVirtual(_)
            | Insn::InvokeSpecial(_)
            | Insn::InvokeStatic(_)
            | Insn::InvokeInterface(_)
            | Insn::InvokeDynamic(_)
            | Insn::InvokeSite(_)
            | Insn::New(_)
            | Insn::InitQ(_)
            | Insn::ANewArray(_)
            | Insn::MultiANewArray(..)
            | Insn::MultiANewArrayQ(..)
            | Insn::CheckCast(_)
            | Insn::InstanceOf(_) => {
                pc -= 1;
                leave!(Exit::Slow);
            }
        }
    }
}
