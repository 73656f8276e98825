//! HotSpot's helpful `NullPointerException` messages (JEP 358): what the failing instruction
//! tried to do (`Cannot invoke "String.length()"`) and, where the code shows it, which value
//! was null (`because "<parameter1>.next" is null`).
//!
//! The null value's origin is found by a forward dataflow pass over the method that records,
//! for every operand-stack slot, the instruction that pushed it (unknown where paths disagree).

use crate::classfile::{Const, MemberRef};
use crate::code::{Code, Elem, Insn};
use crate::exec::type_name;
use crate::vm::Vm;

/// The message for a null pointer at the current instruction of the current thread.
pub(crate) fn describe(vm: &Vm) -> Option<String> {
    let t = &vm.rt.threads[vm.rt.current];
    let f = t.frames.last()?;
    let m = vm.prog.method(f.method);
    let code = m.code.get()?;
    let index = f.pc as usize;
    let insn = code.insns.get(index)?.get();
    let cx = Cx {
        vm,
        method: f.method,
        code,
    };
    let (action, null_depth) = match insn {
        Insn::GetField(_) | Insn::GetFieldQ { .. } => (
            format!("Cannot read field \"{}\"", cx.member(index)?.name),
            0,
        ),
        Insn::PutField(_) | Insn::PutFieldQ { .. } => {
            let r = cx.member(index)?;
            let w = crate::descriptor::field_kind(&r.desc)
                .map(|k| k.slots())
                .unwrap_or(1);
            (format!("Cannot assign field \"{}\"", r.name), w)
        }
        Insn::InvokeVirtual(_)
        | Insn::InvokeInterface(_)
        | Insn::InvokeSpecial(_)
        | Insn::InvokeDirect { .. }
        | Insn::InvokeVirtualQ { .. }
        | Insn::InvokeInterfaceQ { .. } => {
            let r = cx.member(index)?;
            let args = crate::descriptor::MethodSig::parse(&r.desc)
                .ok()?
                .arg_slots();
            (
                format!(
                    "Cannot invoke \"{}\"",
                    method_text(&r.class, &r.name, &r.desc)
                ),
                args,
            )
        }
        Insn::ArrayLength => ("Cannot read the array length".to_string(), 0),
        Insn::ArrayLoad(e) => (format!("Cannot load from {} array", elem_name(e)), 1),
        Insn::ArrayStore(e) => {
            let w = if matches!(e, Elem::Long | Elem::Double) {
                2
            } else {
                1
            };
            (format!("Cannot store to {} array", elem_name(e)), 1 + w)
        }
        Insn::AThrow => ("Cannot throw exception".to_string(), 0),
        Insn::MonitorEnter => ("Cannot enter synchronized block".to_string(), 0),
        Insn::MonitorExit => ("Cannot exit synchronized block".to_string(), 0),
        _ => return None,
    };
    let because = cx.producers(index).and_then(|stack| {
        let slot = stack.len().checked_sub(1 + null_depth)?;
        let producer = stack[slot]?;
        cx.describe_source(producer, &cx.producers(producer)?, 0)
    });
    Some(match because {
        Some(Source::Quoted(s)) => format!("{action} because \"{s}\" is null"),
        Some(Source::Returned(s)) => {
            format!("{action} because the return value of \"{s}\" is null")
        }
        None => action,
    })
}

enum Source {
    Quoted(String),
    Returned(String),
}

struct Cx<'a> {
    vm: &'a Vm,
    method: u32,
    code: &'a Code,
}

impl Cx<'_> {
    /// The member an instruction refers to, read from the original bytecode's operand.
    fn member(&self, index: usize) -> Option<MemberRef> {
        let m = self.vm.prog.method(self.method);
        let class = self.vm.prog.class(m.class);
        let file = class.file.as_ref()?;
        let info = file
            .methods
            .iter()
            .find(|mi| mi.name == m.name && mi.desc == m.desc)?;
        let bytes = &info.code.as_ref()?.bytes;
        let pc = *self.code.pcs.get(index)? as usize;
        let cp_index = u16::from_be_bytes([*bytes.get(pc + 1)?, *bytes.get(pc + 2)?]);
        match file.cp.get(cp_index as usize)? {
            Const::Field(r) | Const::Method(r) => Some(r.clone()),
            _ => None,
        }
    }

    fn opcode(&self, index: usize) -> Option<u8> {
        let m = self.vm.prog.method(self.method);
        let file = self.vm.prog.class(m.class).file.as_ref()?;
        let info = file
            .methods
            .iter()
            .find(|mi| mi.name == m.name && mi.desc == m.desc)?;
        let pc = *self.code.pcs.get(index)? as usize;
        info.code.as_ref()?.bytes.get(pc).copied()
    }

    /// For each operand-stack slot before `target`, the instruction that pushed it.
    fn producers(&self, target: usize) -> Option<Vec<Option<usize>>> {
        let code = self.code;
        if code.effects.len() != code.insns.len() {
            return None;
        }
        let n = code.insns.len();
        let mut states: Vec<Option<Vec<Option<usize>>>> = vec![None; n];
        states[0] = Some(Vec::new());
        let mut work = vec![0usize];
        for h in &code.handlers {
            let hi = h.handler as usize;
            if hi < n && states[hi].is_none() {
                states[hi] = Some(vec![None]);
                work.push(hi);
            }
        }
        let mut steps = 0usize;
        while let Some(i) = work.pop() {
            steps += 1;
            if steps > 200_000 {
                return None;
            }
            let mut stack = states[i].clone()?;
            let insn = code.insns[i].get();
            let (pop, push) = code.effects[i];
            let (pop, push) = (pop as usize, push as usize);
            if stack.len() < pop {
                return None;
            }
            match insn {
                Insn::Dup => {
                    let v = *stack.last()?;
                    stack.push(v);
                }
                Insn::Swap => {
                    let l = stack.len();
                    stack.swap(l - 1, l - 2);
                }
                Insn::DupX1 | Insn::DupX2 | Insn::Dup2 | Insn::Dup2X1 | Insn::Dup2X2 => {
                    let l = stack.len();
                    let copy: Vec<Option<usize>> = match insn {
                        Insn::DupX1 => vec![stack[l - 1], stack[l - 2], stack[l - 1]],
                        Insn::DupX2 => vec![stack[l - 1], stack[l - 3], stack[l - 2], stack[l - 1]],
                        Insn::Dup2 => vec![stack[l - 2], stack[l - 1], stack[l - 2], stack[l - 1]],
                        Insn::Dup2X1 => vec![
                            stack[l - 2],
                            stack[l - 1],
                            stack[l - 3],
                            stack[l - 2],
                            stack[l - 1],
                        ],
                        _ => vec![
                            stack[l - 2],
                            stack[l - 1],
                            stack[l - 4],
                            stack[l - 3],
                            stack[l - 2],
                            stack[l - 1],
                        ],
                    };
                    stack.truncate(l - pop);
                    stack.extend(copy);
                }
                // A cast passes its operand through: describe where it came from.
                Insn::CheckCast(_) | Insn::CheckCastQ(_) => {}
                _ => {
                    stack.truncate(stack.len() - pop);
                    for _ in 0..push {
                        stack.push(Some(i));
                    }
                }
            }
            let mut succ: Vec<usize> = Vec::new();
            match insn {
                Insn::Goto(t) => succ.push(t as usize),
                Insn::If(_, t) | Insn::IfICmp(_, t) | Insn::IfACmp(_, t) | Insn::IfNull(_, t) => {
                    succ.push(t as usize);
                    succ.push(i + 1);
                }
                Insn::Switch(s) => match &code.switches[s as usize] {
                    crate::code::Switch::Table {
                        targets, default, ..
                    } => {
                        succ.push(*default as usize);
                        succ.extend(targets.iter().map(|&t| t as usize));
                    }
                    crate::code::Switch::Lookup { pairs, default } => {
                        succ.push(*default as usize);
                        succ.extend(pairs.iter().map(|&(_, t)| t as usize));
                    }
                },
                Insn::Return | Insn::Return1 | Insn::Return2 | Insn::AThrow => {}
                _ => succ.push(i + 1),
            }
            for s in succ {
                if s >= n {
                    continue;
                }
                match &mut states[s] {
                    None => {
                        states[s] = Some(stack.clone());
                        work.push(s);
                    }
                    Some(existing) => {
                        let mut changed = false;
                        for (a, b) in existing.iter_mut().zip(&stack) {
                            if a != b && a.is_some() {
                                *a = None;
                                changed = true;
                            }
                        }
                        if changed {
                            work.push(s);
                        }
                    }
                }
            }
        }
        states[target].clone()
    }

    /// Describes the value instruction `index` pushed, as HotSpot does.
    fn describe_source(
        &self,
        index: usize,
        stack: &[Option<usize>],
        depth: usize,
    ) -> Option<Source> {
        if depth > 5 {
            return None;
        }
        let insn = self.code.insns[index].get();
        match insn {
            Insn::Load(n) => Some(Source::Quoted(self.local_name(n, index))),
            Insn::PushRef(0) if self.opcode(index) == Some(0x01) => {
                Some(Source::Quoted("null".to_string()))
            }
            Insn::GetStatic(_) | Insn::GetStaticQ { .. } => {
                let r = self.member(index)?;
                Some(Source::Quoted(format!(
                    "{}.{}",
                    short_class(&r.class.replace('/', ".")),
                    r.name
                )))
            }
            Insn::GetField(_) | Insn::GetFieldQ { .. } => {
                let r = self.member(index)?;
                let obj = stack.last().copied().flatten();
                let base = match obj.and_then(|o| {
                    let before = self.producers(o)?;
                    self.describe_source(o, &before, depth + 1)
                }) {
                    Some(Source::Quoted(s)) => s,
                    _ => return Some(Source::Quoted(r.name.to_string())),
                };
                Some(Source::Quoted(format!("{base}.{}", r.name)))
            }
            Insn::ArrayLoad(_) => {
                let (array, idx) = (
                    stack.get(stack.len().checked_sub(2)?).copied().flatten()?,
                    stack.last().copied().flatten()?,
                );
                let a = match self.describe_source(array, &self.producers(array)?, depth + 1)? {
                    Source::Quoted(s) => s,
                    Source::Returned(_) => return None,
                };
                let i = match self.code.insns[idx].get() {
                    Insn::PushInt(v) => v.to_string(),
                    Insn::Load(n) => self.local_name(n, idx),
                    _ => "...".to_string(),
                };
                Some(Source::Quoted(format!("{a}[{i}]")))
            }
            Insn::InvokeVirtual(_)
            | Insn::InvokeInterface(_)
            | Insn::InvokeSpecial(_)
            | Insn::InvokeStatic(_)
            | Insn::InvokeDirect { .. }
            | Insn::InvokeVirtualQ { .. }
            | Insn::InvokeInterfaceQ { .. } => {
                let r = self.member(index)?;
                Some(Source::Returned(method_text(&r.class, &r.name, &r.desc)))
            }
            _ => None,
        }
    }

    /// The name of a local-variable slot as the instruction at `index` reads it: from the
    /// method's `LocalVariableTable` when it has one (the class library is compiled with
    /// one, as OpenJDK's is), else `this`, `<parameterN>` or `<localN>` (javac's default
    /// output has no local variable names).
    fn local_name(&self, slot: u16, index: usize) -> String {
        let m = self.vm.prog.method(self.method);
        let table = self
            .vm
            .prog
            .class(m.class)
            .file
            .as_ref()
            .and_then(|f| f.methods.get(m.file_index as usize)?.code.as_ref());
        if let (Some(info), Some(&pc)) = (table, self.code.pcs.get(index))
            && let Some(name) = info.local_name(slot, pc)
        {
            return name.to_string();
        }
        let mut s = 0u16;
        if !m.is_static() {
            if slot == 0 {
                return "this".to_string();
            }
            s = 1;
        }
        for (i, k) in m.sig.args.iter().enumerate() {
            if slot == s {
                return format!("<parameter{}>", i + 1);
            }
            s += k.slots() as u16;
        }
        format!("<local{slot}>")
    }
}

fn elem_name(e: Elem) -> &'static str {
    match e {
        Elem::Byte => "byte/boolean",
        Elem::Char => "char",
        Elem::Short => "short",
        Elem::Int => "int",
        Elem::Long => "long",
        Elem::Float => "float",
        Elem::Double => "double",
        Elem::Ref => "object",
    }
}

/// `String.length()` / `java.util.List.size()` as HotSpot names methods in these messages.
fn method_text(class: &str, name: &str, desc: &str) -> String {
    let class = short_class(&class.replace('/', "."));
    let args = crate::descriptor::MethodSig::parse(desc)
        .map(|s| {
            s.arg_descs
                .iter()
                .map(|d| short_class(&type_name(d)))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    format!("{class}.{name}({args})")
}

/// HotSpot writes `Object` and `String` without their package, also as array elements.
fn short_class(name: &str) -> String {
    let element = name.trim_end_matches("[]");
    let dims = &name[element.len()..];
    match element {
        "java.lang.Object" => format!("Object{dims}"),
        "java.lang.String" => format!("String{dims}"),
        _ => name.to_string(),
    }
}
