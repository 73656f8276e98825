//! Natives of `java.lang.reflect.Array` and of `jdk.internal.phantom.Reflect`, the VM's half
//! of reflection: members named by a class and a slot, their descriptions, and calls and field
//! accesses that run as ordinary frames and stores.

use super::{Native, boolean, int, npe, oom, raise, reference, string, void};
use crate::class::ClassKind;
use crate::classfile::acc;
use crate::descriptor::{Kind, MethodSig};
use crate::exec::InitResult;
use crate::heap::{ClassId, Data};
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;

/// The modifiers reflection reports for methods and fields (HotSpot's recognized flags).
const METHOD_FLAGS: u16 = 0x1DFF;
const FIELD_FLAGS: u16 = 0x50DF;

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    if class == "jdk/internal/phantom/Reflect" {
        return reflect_native(name, desc);
    }
    Some(match (class, name, desc) {
        ("java/lang/reflect/Array", "getLength", "(Ljava/lang/Object;)I") => {
            |vm, a| match vm.rt.heap.get(a[0].reference()) {
                None => npe(),
                Some(o) => match o.data.array_len() {
                    Some(n) => int(n as i32),
                    None => raise(
                        "java/lang/IllegalArgumentException",
                        Some("Argument is not an array".to_string()),
                    ),
                },
            }
        }
        ("java/lang/reflect/Array", "newArray", "(Ljava/lang/Class;I)Ljava/lang/Object;") => {
            |vm, a| match vm.class_of_mirror(a[0].reference()) {
                Some(c) => new_array(vm, c, a[1].int()),
                None => npe(),
            }
        }
        _ => return None,
    })
}

/// A new array of `length` elements of component class `component`.
pub(super) fn new_array(vm: &mut Vm, component: u32, length: i32) -> Native {
    if length < 0 {
        return raise(
            "java/lang/NegativeArraySizeException",
            Some(length.to_string()),
        );
    }
    let elem = match vm.prog.class(component).kind {
        ClassKind::Primitive(Kind::Void) => {
            return raise("java/lang/IllegalArgumentException", None);
        }
        ClassKind::Primitive(k) => k,
        _ => Kind::Ref,
    };
    let array = vm.prog.array_of(component);
    vm.rt.sync_classes(&vm.prog);
    match vm.new_array(array, elem, length as usize) {
        Ok(r) => reference(r),
        Err(r) => Native::Raise(r),
    }
}

fn reflect_native(name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (name, desc) {
        ("methods", "(Ljava/lang/Class;)[I") => |vm, a| {
            with_class(vm, a[0], |vm, c| {
                let order: Box<[i32]> = match vm.prog.class(c).kind {
                    ClassKind::Instance => crate::reflect::method_order(&vm.prog, c)
                        .into_iter()
                        .map(|i| i as i32)
                        .collect(),
                    _ => Box::new([]),
                };
                int_array(vm, order)
            })
        },
        ("fields", "(Ljava/lang/Class;)[I") => |vm, a| {
            with_class(vm, a[0], |vm, c| {
                let n = vm.prog.class(c).fields.len() as i32;
                int_array(vm, (0..n).collect())
            })
        },
        ("methodName", "(Ljava/lang/Class;I)Ljava/lang/String;") => |vm, a| {
            with_method(vm, a, |vm, m| {
                let name = vm.prog.method(m).name.clone();
                string(vm, &name)
            })
        },
        ("methodModifiers", "(Ljava/lang/Class;I)I") => |vm, a| {
            with_method(vm, a, |vm, m| {
                int((vm.prog.method(m).access & METHOD_FLAGS) as i32)
            })
        },
        ("parameterTypes", "(Ljava/lang/Class;I)[Ljava/lang/Class;") => |vm, a| {
            with_method(vm, a, |vm, m| {
                let sig: MethodSig = (*vm.prog.method(m).sig).clone();
                let mut classes = Vec::with_capacity(sig.arg_descs.len());
                for d in &sig.arg_descs {
                    match class_of_desc(vm, d) {
                        Ok(c) => classes.push(c),
                        Err(n) => return n,
                    }
                }
                class_array(vm, &classes)
            })
        },
        ("returnType", "(Ljava/lang/Class;I)Ljava/lang/Class;") => |vm, a| {
            with_method(vm, a, |vm, m| {
                let d = vm.prog.method(m).sig.ret_desc.clone();
                match class_of_desc(vm, &d) {
                    Ok(c) => mirror(vm, c),
                    Err(n) => n,
                }
            })
        },
        ("exceptionTypes", "(Ljava/lang/Class;I)[Ljava/lang/Class;") => |vm, a| {
            with_method(vm, a, |vm, m| {
                let method = vm.prog.method(m);
                let names: Vec<std::sync::Arc<str>> = vm
                    .prog
                    .class(method.class)
                    .file
                    .as_ref()
                    .and_then(|f| f.methods.get(method.file_index as usize))
                    .map(|info| info.exceptions.clone())
                    .unwrap_or_default();
                let mut classes = Vec::with_capacity(names.len());
                for n in &names {
                    match vm.load_class(n) {
                        Ok(c) => classes.push(c),
                        Err(r) => return Native::Raise(r),
                    }
                }
                class_array(vm, &classes)
            })
        },
        ("declaredClasses", "(Ljava/lang/Class;)[Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a[0], |vm, c| {
                let class = vm.prog.class(c);
                let members: Vec<std::sync::Arc<str>> = class
                    .file
                    .as_ref()
                    .map(|f| {
                        f.inner_classes
                            .iter()
                            .filter(|i| i.outer.as_deref() == Some(&*class.name))
                            .map(|i| i.inner.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                let mut classes = Vec::new();
                for n in &members {
                    match vm.load_class(n) {
                        Ok(c) => classes.push(c),
                        Err(r) => return Native::Raise(r),
                    }
                }
                class_array(vm, &classes)
            })
        },
        ("recordComponentNames", "(Ljava/lang/Class;)[Ljava/lang/String;") => |vm, a| {
            with_class(vm, a[0], |vm, c| {
                let names: Vec<std::sync::Arc<str>> = record_components(vm, c)
                    .into_iter()
                    .map(|(n, _)| n)
                    .collect();
                super::string_array(vm, names.iter().map(|n| &**n))
            })
        },
        ("recordComponentTypes", "(Ljava/lang/Class;)[Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a[0], |vm, c| {
                let mut classes = Vec::new();
                for (_, d) in record_components(vm, c) {
                    match class_of_desc(vm, &d) {
                        Ok(c) => classes.push(c),
                        Err(n) => return n,
                    }
                }
                class_array(vm, &classes)
            })
        },
        ("fieldName", "(Ljava/lang/Class;I)Ljava/lang/String;") => |vm, a| {
            with_field(vm, a, |vm, c, f| {
                let name = vm.prog.class(c).fields[f].name.clone();
                string(vm, &name)
            })
        },
        ("fieldModifiers", "(Ljava/lang/Class;I)I") => |vm, a| {
            with_field(vm, a, |vm, c, f| {
                int((vm.prog.class(c).fields[f].access & FIELD_FLAGS) as i32)
            })
        },
        ("fieldType", "(Ljava/lang/Class;I)Ljava/lang/Class;") => |vm, a| {
            with_field(vm, a, |vm, c, f| {
                let d = vm.prog.class(c).fields[f].desc.clone();
                match class_of_desc(vm, &d) {
                    Ok(c) => mirror(vm, c),
                    Err(n) => n,
                }
            })
        },
        ("initialize", "(Ljava/lang/Class;)V") => |vm, a| {
            with_class(vm, a[0], |vm, c| match vm.ensure_init(c) {
                InitResult::Ready => void(),
                InitResult::Pending => Native::Retry(vm.thread().state),
                InitResult::Error(r) => Native::Raise(r),
            })
        },
        ("load", "(Ljava/lang/String;)Ljava/lang/Class;") => |vm, a| {
            let Some(name) = vm.rt.string(a[0].reference()) else {
                return npe();
            };
            if crate::class::primitive_kind(&name).is_some() || name.contains('/') {
                return reference(NULL);
            }
            match vm.load_class(&name.replace('.', "/")) {
                Ok(c) => mirror(vm, c),
                Err(_) => reference(NULL),
            }
        },
        ("classAccessFlags", "(Ljava/lang/Class;)I") => {
            |vm, a| with_class(vm, a[0], |vm, c| int(vm.prog.class(c).access as i32))
        }
        ("inJavaBase", "(Ljava/lang/Class;)Z") => |vm, a| {
            with_class(vm, a[0], |vm, c| {
                boolean(vm.prog.class(c).origin == crate::classpath::Origin::Library)
            })
        },
        ("callerClass", "()Ljava/lang/Class;") => |vm, _| {
            let t = vm.rt.current;
            let frames = vm.rt.threads[t].frames.clone();
            for f in frames.iter().rev() {
                let class = vm.prog.method(f.method).class;
                let name = &vm.prog.class(class).name;
                let reflective = name.starts_with("java/lang/reflect/")
                    || name.starts_with("java/lang/invoke/")
                    || &**name == "java/lang/Class"
                    || name.starts_with("jdk/internal/phantom/");
                if !reflective && !vm.is_hidden_frame(f.method) {
                    return mirror(vm, class);
                }
            }
            reference(NULL)
        },
        ("allocate", "(Ljava/lang/Class;)Ljava/lang/Object;") => |vm, a| {
            with_class(vm, a[0], |vm, c| {
                let class = vm.prog.class(c);
                if !matches!(class.kind, ClassKind::Instance)
                    || class.access & (acc::ABSTRACT | acc::INTERFACE) != 0
                {
                    return raise("java/lang/InstantiationException", Some(class.java_name()));
                }
                let zeroed = vm.prog.class(c).zeroed.clone();
                match vm.rt.heap.alloc_fields(c, &zeroed) {
                    Ok(r) => reference(r),
                    Err(_) => oom(),
                }
            })
        },
        ("invokeV", "(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;Z)V") => {
            |vm, a| invoke(vm, a, Kind::Void)
        }
        ("invokeI", "(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;Z)I") => {
            |vm, a| invoke(vm, a, Kind::Int)
        }
        ("invokeJ", "(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;Z)J") => {
            |vm, a| invoke(vm, a, Kind::Long)
        }
        ("invokeF", "(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;Z)F") => {
            |vm, a| invoke(vm, a, Kind::Float)
        }
        ("invokeD", "(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;Z)D") => {
            |vm, a| invoke(vm, a, Kind::Double)
        }
        (
            "invokeL",
            "(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;Z)Ljava/lang/Object;",
        ) => |vm, a| invoke(vm, a, Kind::Ref),
        ("getI", "(Ljava/lang/Class;ILjava/lang/Object;)I") => |vm, a| get_field(vm, a, Kind::Int),
        ("getJ", "(Ljava/lang/Class;ILjava/lang/Object;)J") => |vm, a| get_field(vm, a, Kind::Long),
        ("getF", "(Ljava/lang/Class;ILjava/lang/Object;)F") => {
            |vm, a| get_field(vm, a, Kind::Float)
        }
        ("getD", "(Ljava/lang/Class;ILjava/lang/Object;)D") => {
            |vm, a| get_field(vm, a, Kind::Double)
        }
        ("getL", "(Ljava/lang/Class;ILjava/lang/Object;)Ljava/lang/Object;") => {
            |vm, a| get_field(vm, a, Kind::Ref)
        }
        ("setI", "(Ljava/lang/Class;ILjava/lang/Object;I)V")
        | ("setJ", "(Ljava/lang/Class;ILjava/lang/Object;J)V")
        | ("setF", "(Ljava/lang/Class;ILjava/lang/Object;F)V")
        | ("setD", "(Ljava/lang/Class;ILjava/lang/Object;D)V")
        | ("setL", "(Ljava/lang/Class;ILjava/lang/Object;Ljava/lang/Object;)V") => set_field,
        _ => return super::proxy::reflect_native(name, desc),
    })
}

fn with_class(vm: &mut Vm, mirror: Value, f: impl FnOnce(&mut Vm, ClassId) -> Native) -> Native {
    match vm.class_of_mirror(mirror.reference()) {
        Some(c) => f(vm, c),
        None => npe(),
    }
}

/// The method a (class, slot) pair names.
fn with_method(
    vm: &mut Vm,
    a: &[Value],
    f: impl FnOnce(&mut Vm, crate::class::MethodId) -> Native,
) -> Native {
    with_class(vm, a[0], |vm, c| {
        match vm.prog.class(c).methods.get(a[1].int() as usize).copied() {
            Some(m) if a[1].int() >= 0 => f(vm, m),
            _ => raise(
                "java/lang/InternalError",
                Some(format!("no method slot {}", a[1].int())),
            ),
        }
    })
}

/// The field a (class, slot) pair names, as the class and the index among its fields.
fn with_field(
    vm: &mut Vm,
    a: &[Value],
    f: impl FnOnce(&mut Vm, ClassId, usize) -> Native,
) -> Native {
    with_class(vm, a[0], |vm, c| {
        let i = a[1].int();
        if i < 0 || i as usize >= vm.prog.class(c).fields.len() {
            return raise(
                "java/lang/InternalError",
                Some(format!("no field slot {i}")),
            );
        }
        f(vm, c, i as usize)
    })
}

/// A record class's components (name, descriptor), from its `Record` attribute.
fn record_components(vm: &Vm, c: ClassId) -> Vec<(std::sync::Arc<str>, std::sync::Arc<str>)> {
    vm.prog
        .class(c)
        .file
        .as_ref()
        .map(|f| f.record_components.clone())
        .unwrap_or_default()
}

fn mirror(vm: &mut Vm, c: ClassId) -> Native {
    match vm.mirror(c) {
        Ok(r) => reference(r),
        Err(r) => Native::Raise(r),
    }
}

pub(super) fn int_array(vm: &mut Vm, values: Box<[i32]>) -> Native {
    let class = match vm.load_class("[I") {
        Ok(c) => c,
        Err(r) => return Native::Raise(r),
    };
    match vm.rt.heap.alloc(class, Data::Ints(values)) {
        Ok(r) => reference(r),
        Err(_) => oom(),
    }
}

pub(super) fn class_array(vm: &mut Vm, classes: &[ClassId]) -> Native {
    let mut items = Vec::with_capacity(classes.len());
    for &c in classes {
        match vm.mirror(c) {
            Ok(r) => items.push(r),
            Err(r) => return Native::Raise(r),
        }
    }
    let array = vm.prog.array_of(vm.rt.known.class);
    vm.rt.sync_classes(&vm.prog);
    match vm.rt.heap.alloc(array, Data::Refs(items.into())) {
        Ok(r) => reference(r),
        Err(_) => oom(),
    }
}

/// The class a field descriptor names (loaded, not initialized): `I` is `int`, `[I` an array.
fn class_of_desc(vm: &mut Vm, desc: &str) -> Result<ClassId, Native> {
    let bad = || raise("java/lang/InternalError", Some(desc.to_string()));
    let name: String = match desc.as_bytes().first() {
        Some(b'L') => match desc.strip_prefix('L').and_then(|d| d.strip_suffix(';')) {
            Some(n) => n.to_string(),
            None => return Err(bad()),
        },
        Some(b'[') => desc.to_string(),
        Some(&c) => match Kind::of_char(c) {
            Some(k) => crate::class::primitive_name(k).to_string(),
            None => return Err(raise("java/lang/InternalError", Some(desc.to_string()))),
        },
        None => return Err(raise("java/lang/InternalError", Some(desc.to_string()))),
    };
    vm.load_class(&name).map_err(Native::Raise)
}

/// The value a wrapper object of exactly `kind`'s wrapper class holds, or `None` for null or
/// another class.
fn unbox_exact(vm: &Vm, obj: Ref, kind: Kind) -> Option<Value> {
    if matches!(kind, Kind::Ref | Kind::Void) {
        return None;
    }
    vm.unboxed_as(obj, kind).ok()
}

fn mismatch(why: &str) -> Native {
    raise("java/lang/IllegalArgumentException", Some(why.to_string()))
}

/// Whether a native's value may be stored in a field of this kind: an int for the int-like
/// kinds, a value of the field's own kind otherwise.
fn fits(kind: Kind, v: Value) -> bool {
    match kind {
        Kind::Boolean | Kind::Byte | Kind::Char | Kind::Short | Kind::Int => {
            matches!(v, Value::Int(_))
        }
        Kind::Long => matches!(v, Value::Long(_)),
        Kind::Float => matches!(v, Value::Float(_)),
        Kind::Double => matches!(v, Value::Double(_)),
        Kind::Ref => matches!(v, Value::Ref(_)),
        Kind::Void => false,
    }
}

/// Checks a field access's receiver: an instance of the field's class for instance fields.
fn receiver_ok(vm: &Vm, c: ClassId, field: &crate::class::Field, obj: Ref) -> Result<(), Native> {
    if field.is_static() {
        return Ok(());
    }
    let Some(o) = vm.rt.heap.get(obj) else {
        return Err(npe());
    };
    if !vm.prog.is_assignable(o.class, c) {
        return Err(mismatch("object is not an instance of declaring class"));
    }
    Ok(())
}

/// Calls a method (class, slot) on a receiver with arguments Java has checked and converted:
/// the method (or the receiver's override of it) runs as a pushed frame, and its result is
/// this native's.
fn invoke(vm: &mut Vm, a: &[Value], want: Kind) -> Native {
    with_method(vm, a, |vm, mid| {
        let m = vm.prog.method(mid);
        if !kind_matches(want, m.sig.ret) {
            return mismatch("method returning another kind");
        }
        let receiver = a[2].reference();
        let is_static = m.is_static();
        let special = a[4].int() != 0;
        let direct = special || is_static || m.access & acc::PRIVATE != 0 || &*m.name == "<init>";
        let selector = m.selector;
        let kinds = m.sig.args.clone();
        let declaring = m.class;
        let param_descs = m.sig.arg_descs.clone();
        if !is_static {
            let Some(obj) = vm.rt.heap.get(receiver) else {
                return npe();
            };
            if !vm.prog.is_assignable(obj.class, declaring) {
                return mismatch("object is not an instance of declaring class");
            }
        }
        let target = if direct {
            mid
        } else {
            let class = vm
                .rt
                .heap
                .get(receiver)
                .map(|o| o.class)
                .unwrap_or(declaring);
            vm.prog.select(class, selector).unwrap_or(mid)
        };
        let items: Vec<Ref> = match vm.rt.heap.get(a[3].reference()).map(|o| o.data.to_owned()) {
            Some(Data::Refs(items)) => items.into_vec(),
            _ if kinds.is_empty() => Vec::new(),
            _ => return npe(),
        };
        if items.len() != kinds.len() {
            return raise(
                "java/lang/IllegalArgumentException",
                Some("wrong number of arguments".to_string()),
            );
        }
        let mut args = Vec::with_capacity(kinds.len() + 1);
        if !is_static {
            args.push(Value::Ref(receiver));
        }
        for ((k, r), d) in kinds.iter().zip(items).zip(&param_descs) {
            // Java has converted every argument; these checks keep a caller that has not
            // from putting a value of the wrong kind into a frame.
            if *k == Kind::Ref {
                if r != NULL {
                    let param = match class_of_desc(vm, d) {
                        Ok(p) => p,
                        Err(n) => return n,
                    };
                    let class = vm.rt.heap.get(r).map(|o| o.class).unwrap_or(param);
                    if !vm.prog.is_assignable(class, param) {
                        return mismatch("argument type mismatch");
                    }
                }
                args.push(Value::Ref(r));
            } else {
                match unbox_exact(vm, r, *k) {
                    Some(v) => args.push(v),
                    None => return mismatch("argument type mismatch"),
                }
            }
        }
        Native::Call {
            method: target,
            args,
        }
    })
}

/// Whether a value of a field or return kind is what a native of kind `want` hands back (the
/// int-like kinds all travel as ints).
fn kind_matches(want: Kind, have: Kind) -> bool {
    let int_like = |k: Kind| {
        matches!(
            k,
            Kind::Boolean | Kind::Byte | Kind::Char | Kind::Short | Kind::Int
        )
    };
    want == have || (int_like(want) && int_like(have))
}

fn get_field(vm: &mut Vm, a: &[Value], want: Kind) -> Native {
    with_field(vm, a, |vm, c, f| {
        let field = vm.prog.class(c).fields[f].clone();
        if !kind_matches(want, field.kind) {
            return mismatch("field of another kind");
        }
        if let Err(n) = receiver_ok(vm, c, &field, a[2].reference()) {
            return n;
        }
        let v = if field.is_static() {
            vm.rt.statics[c as usize][field.slot as usize]
        } else {
            vm.rt.field(a[2].reference(), field.slot as usize)
        };
        Native::Return(v)
    })
}

fn set_field(vm: &mut Vm, a: &[Value]) -> Native {
    with_field(vm, a, |vm, c, f| {
        let field = vm.prog.class(c).fields[f].clone();
        let v = a[3];
        if !fits(field.kind, v) {
            return mismatch("value of the wrong kind for the field");
        }
        if field.kind == Kind::Ref && v.reference() != NULL {
            let declared = match class_of_desc(vm, &field.desc) {
                Ok(d) => d,
                Err(n) => return n,
            };
            let class = vm
                .rt
                .heap
                .get(v.reference())
                .map(|o| o.class)
                .unwrap_or(declared);
            if !vm.prog.is_assignable(class, declared) {
                return mismatch("value of the wrong class for the field");
            }
        }
        if let Err(n) = receiver_ok(vm, c, &field, a[2].reference()) {
            return n;
        }
        if field.is_static() {
            vm.rt.statics[c as usize][field.slot as usize] = v;
        } else {
            vm.rt.set_field(a[2].reference(), field.slot as usize, v);
        }
        void()
    })
}
