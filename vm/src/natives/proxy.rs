//! Natives of `jdk.internal.phantom.Reflect` that read class files beyond their members:
//! defining proxy classes ([`crate::proxy`]), handing the class library the runtime-visible
//! annotations of classes, methods, fields and parameters ([`crate::annotations`]), and their
//! generic signatures.

use super::{Native, npe, oom, raise, reference};
use crate::classfile::{ClassFile, MethodInfo};
use crate::heap::{ClassId, Data};
use crate::proxy::ProxyMethod;
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;
use std::sync::Arc;

pub(super) fn reflect_native(name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (name, desc) {
        (
            "defineProxy",
            "(Ljava/lang/String;[Ljava/lang/Class;[Ljava/lang/reflect/Method;[Ljava/lang/Class;[I[[Ljava/lang/Class;Z)Ljava/lang/Class;",
        ) => define_proxy,
        ("signature", "(Ljava/lang/Class;II)Ljava/lang/String;") => |vm, a| {
            let index = usize::try_from(a[2].int()).ok();
            let sig = match a[1].int() {
                0 => read_file(vm, a, |f| f.signature.clone()),
                1 => read_file(vm, a, |f| f.fields.get(index?)?.signature.clone()),
                3 => read_file(vm, a, |f| {
                    f.record_component_extras.get(index?)?.signature.clone()
                }),
                _ => read_method(vm, a[0], a[2], |m| m.signature.clone()),
            };
            match sig {
                Err(n) => n,
                Ok(Some(s)) => super::string(vm, &s),
                Ok(None) => reference(NULL),
            }
        },
        ("enclosingMethod", "(Ljava/lang/Class;)I") => |vm, a| {
            let found = read_file(vm, a, |f| {
                Some((f.enclosing_class.clone()?, f.enclosing_method.clone()?))
            });
            let (class, (name, desc)) = match found {
                Err(n) => return n,
                Ok(None) => return super::int(-1),
                Ok(Some(x)) => x,
            };
            let outer = match vm.load_class(&class) {
                Ok(o) => o,
                Err(r) => return Native::Raise(r),
            };
            let slot = vm.prog.class(outer).methods.iter().position(|&m| {
                let m = vm.prog.method(m);
                *m.name == *name && *m.desc == *desc
            });
            super::int(slot.map_or(-1, |s| s as i32))
        },
        ("permittedSubclasses", "(Ljava/lang/Class;)[Ljava/lang/Class;") => |vm, a| {
            match read_file(vm, a, |f| f.permitted_subclasses.clone()) {
                Err(n) => n,
                Ok(None) => reference(NULL),
                Ok(Some(names)) => {
                    // Subclasses that cannot be loaded are left out, as on HotSpot.
                    let classes: Vec<ClassId> =
                        names.iter().filter_map(|n| vm.load_class(n).ok()).collect();
                    super::reflect::class_array(vm, &classes)
                }
            }
        },
        ("nestMembers", "(Ljava/lang/Class;)[Ljava/lang/Class;") => |vm, a| {
            let names = match read_file(vm, a, |f| Some(f.nest_members.clone())) {
                Err(n) => return n,
                Ok(names) => names.unwrap_or_default(),
            };
            let mut classes = Vec::with_capacity(names.len());
            for n in &names {
                match vm.load_class(n) {
                    Ok(m) => classes.push(m),
                    Err(r) => return Native::Raise(r),
                }
            }
            super::reflect::class_array(vm, &classes)
        },
        ("parameterNames", "(Ljava/lang/Class;I)[Ljava/lang/String;") => {
            |vm, a| match read_method(vm, a[0], a[1], |m| m.parameters.clone()) {
                Err(n) => n,
                Ok(None) => reference(NULL),
                Ok(Some(list)) => {
                    let mut items = Vec::with_capacity(list.len());
                    for (name, _) in &list {
                        match name {
                            None => items.push(NULL),
                            Some(n) => match vm.rt.intern(n) {
                                Ok(r) => items.push(r),
                                Err(_) => return oom(),
                            },
                        }
                    }
                    let array = match vm.load_class("[Ljava/lang/String;") {
                        Ok(c) => c,
                        Err(r) => return Native::Raise(r),
                    };
                    match vm.rt.heap.alloc(array, Data::Refs(items.into())) {
                        Ok(r) => reference(r),
                        Err(_) => oom(),
                    }
                }
            }
        }
        ("parameterFlags", "(Ljava/lang/Class;I)[I") => {
            |vm, a| match read_method(vm, a[0], a[1], |m| m.parameters.clone()) {
                Err(n) => n,
                Ok(None) => reference(NULL),
                Ok(Some(list)) => {
                    let flags: Box<[i32]> = list.iter().map(|&(_, f)| f as i32).collect();
                    super::reflect::int_array(vm, flags)
                }
            }
        }
        ("classAnnotations", "(Ljava/lang/Class;)[B") => |vm, a| {
            let data = read_file(vm, a, |f| f.annotations.clone());
            bytes(vm, data)
        },
        ("recordComponentAnnotations", "(Ljava/lang/Class;I)[B") => |vm, a| {
            let index = usize::try_from(a[1].int()).ok();
            let data = read_file(vm, a, |f| {
                f.record_component_extras.get(index?)?.annotations.clone()
            });
            bytes(vm, data)
        },
        ("fieldAnnotations", "(Ljava/lang/Class;I)[B") => |vm, a| {
            let index = usize::try_from(a[1].int()).ok();
            let data = read_file(vm, a, |f| f.fields.get(index?)?.annotations.clone());
            bytes(vm, data)
        },
        ("methodAnnotations", "(Ljava/lang/Class;II)[B") => |vm, a| {
            let which = a[2].int();
            let data = read_method(vm, a[0], a[1], |m| match which {
                0 => m.annotations.clone(),
                1 => m.parameter_annotations.clone(),
                _ => m.annotation_default.clone(),
            });
            bytes(vm, data)
        },
        _ => return None,
    })
}

/// What `read` finds in the class file of the class whose mirror is `a[0]`; a null mirror
/// is a `NullPointerException`, a class without a class file (arrays, primitives, lambdas)
/// has nothing.
fn read_file<T>(
    vm: &Vm,
    a: &[Value],
    read: impl FnOnce(&ClassFile) -> Option<T>,
) -> Result<Option<T>, Native> {
    let c = vm.class_of_mirror(a[0].reference()).ok_or_else(npe)?;
    Ok(vm.prog.class(c).file.as_deref().and_then(read))
}

/// What `read` finds in the class file's entry for the method at `slot` of the class whose
/// mirror is `mirror`.
fn read_method<T>(
    vm: &Vm,
    mirror: Value,
    slot: Value,
    read: impl FnOnce(&MethodInfo) -> Option<T>,
) -> Result<Option<T>, Native> {
    let c = vm.class_of_mirror(mirror.reference()).ok_or_else(npe)?;
    let Some(m) = usize::try_from(slot.int())
        .ok()
        .and_then(|s| vm.prog.class(c).methods.get(s).copied())
    else {
        return Ok(None);
    };
    let method = vm.prog.method(m);
    Ok(vm
        .prog
        .class(method.class)
        .file
        .as_deref()
        .and_then(|f| f.methods.get(method.file_index as usize))
        .and_then(read))
}

/// A new `byte[]` holding `data`, or null.
fn bytes(vm: &mut Vm, data: Result<Option<Arc<[u8]>>, Native>) -> Native {
    let data = match data {
        Err(n) => return n,
        Ok(None) => return reference(NULL),
        Ok(Some(d)) => d,
    };
    let class = match vm.load_class("[B") {
        Ok(c) => c,
        Err(r) => return Native::Raise(r),
    };
    let items: Box<[i8]> = data.iter().map(|&b| b as i8).collect();
    match vm.rt.heap.alloc(class, Data::Bytes(items)) {
        Ok(r) => reference(r),
        Err(_) => oom(),
    }
}

/// The references an array of references holds, or `None` for null and other objects.
fn refs(vm: &Vm, r: Ref) -> Option<Box<[Ref]>> {
    match vm.rt.heap.get(r).map(|o| o.data.to_owned()) {
        Some(Data::Refs(items)) => Some(items),
        _ => None,
    }
}

/// `defineProxy(name, interfaces, methods, declaring, slots, exceptions, public)`: writes,
/// defines and returns proxy class `name` (a binary name with dots) implementing `interfaces`,
/// whose method `i` is `methods[i]`, the method at `slots[i]` of class `declaring[i]`, and may
/// throw `exceptions[i]` unwrapped. `java.lang.reflect.Proxy` has checked all of it.
fn define_proxy(vm: &mut Vm, a: &[Value]) -> Native {
    let Some(name) = vm.rt.string(a[0].reference()) else {
        return npe();
    };
    let internal = name.replace('.', "/");
    if vm.prog.loaded(&internal).is_some() {
        return raise(
            "java/lang/LinkageError",
            Some(format!("duplicate class definition: {name}")),
        );
    }
    let (Some(ifaces), Some(methods), Some(declaring)) = (
        refs(vm, a[1].reference()),
        refs(vm, a[2].reference()),
        refs(vm, a[3].reference()),
    ) else {
        return npe();
    };
    let slots: Box<[i32]> = match vm.rt.heap.get(a[4].reference()).map(|o| o.data.to_owned()) {
        Some(Data::Ints(v)) => v,
        _ => return npe(),
    };
    let Some(exceptions) = refs(vm, a[5].reference()) else {
        return npe();
    };
    let n = methods.len();
    if declaring.len() != n || slots.len() != n || exceptions.len() != n {
        return raise(
            "java/lang/InternalError",
            Some("defineProxy: arrays of different lengths".into()),
        );
    }
    let class_name = |vm: &Vm, r: Ref| -> Option<String> {
        vm.class_of_mirror(r)
            .map(|c| vm.prog.class(c).name.to_string())
    };
    let mut interfaces = Vec::with_capacity(ifaces.len());
    for &i in ifaces.iter() {
        match class_name(vm, i) {
            Some(n) => interfaces.push(n),
            None => return npe(),
        }
    }
    let mut list = Vec::with_capacity(n);
    for i in 0..n {
        let Some(c) = vm.class_of_mirror(declaring[i]) else {
            return npe();
        };
        let Some(m) = usize::try_from(slots[i])
            .ok()
            .and_then(|s| vm.prog.class(c).methods.get(s).copied())
        else {
            return raise(
                "java/lang/InternalError",
                Some(format!("defineProxy: no method slot {}", slots[i])),
            );
        };
        let method = vm.prog.method(m);
        let (mname, mdesc) = (method.name.to_string(), method.desc.to_string());
        let Some(thrown) = refs(vm, exceptions[i]) else {
            return npe();
        };
        let mut names = Vec::with_capacity(thrown.len());
        for &t in thrown.iter() {
            match class_name(vm, t) {
                Some(n) => names.push(n),
                None => return npe(),
            }
        }
        list.push(ProxyMethod {
            name: mname,
            desc: mdesc,
            exceptions: names,
        });
    }
    let bytes = match crate::proxy::class_file(&internal, a[6].int() != 0, &interfaces, &list) {
        Ok(b) => b,
        Err(e) => return raise("java/lang/IllegalArgumentException", Some(e.0)),
    };
    let id: ClassId = match vm.prog.define_generated(bytes) {
        Ok(id) => id,
        Err(e) => {
            return raise(
                "java/lang/InternalError",
                Some(format!("proxy class {name}: {e}")),
            );
        }
    };
    vm.rt.sync_classes(&vm.prog);
    // The methods go into their static fields before the class can run.
    for (i, &m) in methods.iter().enumerate() {
        let fname = format!("m{i}");
        let Some(slot) = vm
            .prog
            .class(id)
            .fields
            .iter()
            .find(|f| *f.name == *fname)
            .map(|f| f.slot)
        else {
            return raise(
                "java/lang/InternalError",
                Some(format!("proxy field {fname}")),
            );
        };
        vm.rt.statics[id as usize][slot as usize] = Value::Ref(m);
    }
    match vm.mirror(id) {
        Ok(r) => reference(r),
        Err(r) => Native::Raise(r),
    }
}
