//! HotSpot's helpful `NullPointerException` messages (JEP 358): what the failing instruction
//! tried to do ("Cannot invoke \"String.length()\"") and, where the code shows it, which value
//! was null ("because \"<local1>\" is null").

use crate::classfile::Const;
use crate::code::{Elem, Insn};
use crate::exec::type_name;
use crate::vm::Vm;

/// The message for a null pointer at the current instruction of the current thread.
pub(crate) fn describe(vm: &Vm) -> Option<String> {
    let t = &vm.rt.threads[vm.rt.current];
    let f = t.frames.last()?;
    let m = vm.prog.method(f.method);
    let code = m.code.as_ref()?;
    let insn = code.insns.get(f.pc as usize)?.get();
    let cp = vm.prog.class(m.class).file.as_ref().map(|file| &file.cp);
    let member = |index: u16| match cp.and_then(|cp| cp.get(index as usize)) {
        Some(Const::Field(r) | Const::Method(r)) => Some(r.clone()),
        _ => None,
    };
    let action = match insn {
        Insn::GetField(i) => format!("Cannot read field \"{}\"", member(i)?.name),
        Insn::PutField(i) => format!("Cannot assign field \"{}\"", member(i)?.name),
        Insn::GetFieldQ { slot, .. } => {
            format!("Cannot read field \"{}\"", field_name(vm, f.method, slot)?)
        }
        Insn::PutFieldQ { slot, .. } => format!(
            "Cannot assign field \"{}\"",
            field_name(vm, f.method, slot)?
        ),
        Insn::InvokeVirtual(i) | Insn::InvokeInterface(i) | Insn::InvokeSpecial(i) => {
            let r = member(i)?;
            format!(
                "Cannot invoke \"{}\"",
                method_text(&r.class, &r.name, &r.desc)
            )
        }
        Insn::InvokeDirect { method, .. } => {
            let callee = vm.prog.method(method);
            let class = &vm.prog.class(callee.class).name;
            format!(
                "Cannot invoke \"{}\"",
                method_text(class, &callee.name, &callee.desc)
            )
        }
        Insn::InvokeVirtualQ { .. } | Insn::InvokeInterfaceQ { .. } => {
            // The resolved form lost the constant; the original bytes still have it.
            let bytes = &vm
                .prog
                .class(m.class)
                .file
                .as_ref()?
                .methods
                .iter()
                .find(|mi| mi.name == m.name && mi.desc == m.desc)?
                .code
                .as_ref()?
                .bytes;
            let pc = *code.pcs.get(f.pc as usize)? as usize;
            let index = u16::from_be_bytes([*bytes.get(pc + 1)?, *bytes.get(pc + 2)?]);
            let r = member(index)?;
            format!(
                "Cannot invoke \"{}\"",
                method_text(&r.class, &r.name, &r.desc)
            )
        }
        Insn::ArrayLength => "Cannot read the array length".to_string(),
        Insn::ArrayLoad(e) => format!("Cannot load from {} array", elem_name(e)),
        Insn::ArrayStore(e) => format!("Cannot store to {} array", elem_name(e)),
        Insn::AThrow => "Cannot throw exception".to_string(),
        Insn::MonitorEnter => "Cannot enter synchronized block".to_string(),
        Insn::MonitorExit => "Cannot exit synchronized block".to_string(),
        _ => return None,
    };
    Some(action)
}

fn field_name(vm: &Vm, method: u32, slot: u16) -> Option<String> {
    // Find the field by slot in the classes the method's class could be accessing: the
    // resolved form only kept the slot, so search the hierarchy of every loaded class that
    // declares an instance field with that slot in the method's class's constant pool.
    let m = vm.prog.method(method);
    let file = vm.prog.class(m.class).file.as_ref()?;
    for c in &file.cp {
        if let Const::Field(r) = c
            && let Some(id) = vm.prog.loaded(&r.class)
            && let Some((_, f)) = vm.prog.resolve_field(id, &r.name, &r.desc)
            && !f.is_static()
            && f.slot == slot
        {
            return Some(r.name.to_string());
        }
    }
    None
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

fn short_class(name: &str) -> String {
    match name {
        "java.lang.Object" => "Object".to_string(),
        "java.lang.String" => "String".to_string(),
        other => other.to_string(),
    }
}
