//! Natives of `java.lang`: objects and monitors, classes, the system, threads, throwables,
//! the float/int bit views, and Unicode classification beyond Latin-1.

use super::{Native, boolean, int, npe, oom, raise, reference, string, void};
use crate::class::{ClassKind, primitive_kind};
use crate::classfile::acc;
use crate::exec::InitResult;
use crate::heap::{Data, DataMut, DataRef};
use crate::runtime::Monitor;
use crate::thread::{FrameKind, Thread, ThreadState};
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;
use std::sync::Arc;

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (class, name, desc) {
        ("java/lang/Object", "getClass", "()Ljava/lang/Class;") => get_class,
        ("java/lang/Object", "hashCode", "()I") => hash_code,
        ("java/lang/Object", "clone", "()Ljava/lang/Object;") => clone,
        ("java/lang/Object", "notify", "()V") => notify,
        ("java/lang/Object", "notifyAll", "()V") => notify_all,
        ("java/lang/Object", "wait", "(J)V") => wait,
        ("java/lang/String", "intern", "()Ljava/lang/String;") => intern,
        ("java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V") => {
            arraycopy
        }
        ("java/lang/System", "identityHashCode", "(Ljava/lang/Object;)I") => identity_hash_code,
        ("java/lang/System", "nanoTime", "()J") => |vm, _| Native::Return(Value::Long(vm.now())),
        ("java/lang/System", "currentTimeMillis", "()J") => {
            |vm, _| Native::Return(Value::Long(vm.host.millis()))
        }
        ("java/lang/System", "properties0", "()[Ljava/lang/String;") => properties,
        ("java/lang/System", "setOut0", "(Ljava/io/PrintStream;)V") => {
            |vm, a| set_system_stream(vm, "out", "Ljava/io/PrintStream;", a[0])
        }
        ("java/lang/System", "setErr0", "(Ljava/io/PrintStream;)V") => {
            |vm, a| set_system_stream(vm, "err", "Ljava/io/PrintStream;", a[0])
        }
        ("java/lang/System", "setIn0", "(Ljava/io/InputStream;)V") => {
            |vm, a| set_system_stream(vm, "in", "Ljava/io/InputStream;", a[0])
        }
        ("java/lang/Runtime", "halt0", "(I)V") => |vm, a| {
            vm.exit(a[0].int());
            void()
        },
        ("java/lang/Runtime", "availableProcessors", "()I") => {
            |vm, _| int(vm.host.processors().clamp(1, i32::MAX as u32) as i32)
        }
        ("java/lang/System", "environ0", "()[Ljava/lang/String;") => environ,
        ("java/lang/Runtime", "freeMemory", "()J") => |vm, _| {
            Native::Return(Value::Long(
                (vm.config.max_heap.saturating_sub(vm.rt.heap.live_bytes())) as i64,
            ))
        },
        ("java/lang/Runtime", "totalMemory", "()J") => {
            |vm, _| Native::Return(Value::Long(vm.config.max_heap as i64))
        }
        ("java/lang/Runtime", "maxMemory", "()J") => {
            |vm, _| Native::Return(Value::Long(vm.config.max_heap as i64))
        }
        ("java/lang/Runtime", "gc", "()V") => |vm, _| {
            vm.collect_garbage();
            void()
        },
        ("java/lang/Thread", "currentThread", "()Ljava/lang/Thread;") => {
            |vm, _| reference(vm.thread().obj)
        }
        ("java/lang/Thread", "holdsLock", "(Ljava/lang/Object;)Z") => |vm, a| {
            let obj = a[0].reference();
            if obj == NULL {
                return npe();
            }
            boolean(owns(vm, obj))
        },
        ("java/lang/Thread", "start0", "()V") => start0,
        ("java/lang/Thread", "interrupt0", "()V") => interrupt0,
        ("java/lang/Thread", "interrupted0", "()Z") => |vm, _| {
            let t = vm.thread();
            let was = t.interrupted;
            t.interrupted = false;
            boolean(was)
        },
        ("java/lang/Thread", "getState0", "()I") => get_state0,
        ("java/lang/Thread", "isInterrupted0", "()Z") => |vm, a| {
            let obj = a[0].reference();
            boolean(vm.rt.threads.iter().any(|t| t.obj == obj && t.interrupted))
        },
        ("java/lang/Throwable", "fillInStackTrace0", "()[Ljava/lang/StackTraceElement;") => {
            |vm, a| match vm.stack_trace(Some(a[0].reference())) {
                Ok(r) => reference(r),
                Err(_) => oom(),
            }
        }
        ("java/lang/Class", "forName0", "(Ljava/lang/String;)Ljava/lang/Class;") => for_name,
        ("jdk/internal/phantom/ClassInit", "supers0", "(Ljava/lang/Class;)[Ljava/lang/Class;") => {
            |vm, a| {
                with_class(vm, a, |vm, c| {
                    let supers = vm.init_supers(c);
                    let mut items = Vec::with_capacity(supers.len());
                    for s in supers {
                        match vm.mirror(s) {
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
                })
            }
        }
        ("jdk/internal/phantom/ClassInit", "init0", "(Ljava/lang/Class;)V") => |vm, a| {
            with_class(vm, a, |vm, c| match vm.ensure_init(c) {
                InitResult::Ready => void(),
                InitResult::Pending => Native::Retry(vm.thread().state),
                InitResult::Error(r) => Native::Raise(r),
            })
        },
        ("jdk/internal/phantom/ClassInit", "clinit0", "(Ljava/lang/Class;)V") => |vm, a| {
            with_class(vm, a, |vm, c| match vm.prog.class(c).clinit {
                Some(method) => Native::Call {
                    method,
                    args: Vec::new(),
                },
                None => void(),
            })
        },
        ("java/lang/Class", "isInstance", "(Ljava/lang/Object;)Z") => |vm, a| {
            let Some(c) = vm.class_of_mirror(a[0].reference()) else {
                return npe();
            };
            let yes = vm
                .class_of(a[1].reference())
                .is_some_and(|o| vm.prog.is_assignable(o, c));
            boolean(yes)
        },
        ("java/lang/Class", "isAssignableFrom", "(Ljava/lang/Class;)Z") => |vm, a| {
            let (Some(c), Some(other)) = (
                vm.class_of_mirror(a[0].reference()),
                vm.class_of_mirror(a[1].reference()),
            ) else {
                return npe();
            };
            boolean(vm.prog.is_assignable(other, c))
        },
        ("java/lang/Class", "isInterface", "()Z") => {
            |vm, a| with_class(vm, a, |vm, c| boolean(vm.prog.class(c).is_interface()))
        }
        ("java/lang/Class", "isArray", "()Z") => |vm, a| {
            with_class(vm, a, |vm, c| {
                boolean(matches!(vm.prog.class(c).kind, ClassKind::Array { .. }))
            })
        },
        ("java/lang/Class", "isPrimitive", "()Z") => |vm, a| {
            with_class(vm, a, |vm, c| {
                boolean(matches!(vm.prog.class(c).kind, ClassKind::Primitive(_)))
            })
        },
        ("java/lang/Class", "initName", "()Ljava/lang/String;") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let name = vm.prog.class(c).java_name();
                match vm.rt.intern(&name) {
                    Ok(r) => reference(r),
                    Err(_) => oom(),
                }
            })
        },
        ("java/lang/Class", "initSimpleName", "()Ljava/lang/String;") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let name = simple_name(vm, c);
                string(vm, &name)
            })
        },
        ("java/lang/Class", "getDeclaringClass0", "()Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let outer = vm.prog.class(c).file.as_ref().and_then(|f| {
                    let name = &vm.prog.class(c).name;
                    f.inner_classes
                        .iter()
                        .find(|i| &i.inner == name)?
                        .outer
                        .clone()
                });
                class_named(vm, outer)
            })
        },
        ("java/lang/Class", "getEnclosingClass0", "()Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let named = vm
                    .prog
                    .class(c)
                    .file
                    .as_ref()
                    .and_then(|f| f.enclosing_class.clone());
                class_named(vm, named)
            })
        },
        ("java/lang/Class", "isHidden", "()Z") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let class = vm.prog.class(c);
                boolean(class.file.is_none() && matches!(class.kind, ClassKind::Instance))
            })
        },
        ("java/lang/Class", "isLocalOrAnonymous0", "()Z") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let class = vm.prog.class(c);
                boolean(
                    class
                        .file
                        .as_ref()
                        .is_some_and(|f| f.enclosing_class.is_some()),
                )
            })
        },
        ("java/lang/Class", "getNestHost0", "()Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a, |vm, c| {
                // JVMS 5.4.4: the host a NestHost attribute names counts only if it lists the
                // class among its NestMembers, in the same package and loader; otherwise
                // the class is its own host.
                let class = vm.prog.class(c);
                let Some(host_name) = class.file.as_ref().and_then(|f| f.nest_host.clone()) else {
                    return mirror_of(vm, c);
                };
                let Ok(host) = vm.load_class(&host_name) else {
                    return mirror_of(vm, c);
                };
                let (class, h) = (vm.prog.class(c), vm.prog.class(host));
                let package = |n: &str| n.rsplit_once('/').map_or("", |p| p.0).to_string();
                let listed = h
                    .file
                    .as_ref()
                    .is_some_and(|f| f.nest_members.contains(&class.name));
                if listed && h.origin == class.origin && package(&h.name) == package(&class.name) {
                    mirror_of(vm, host)
                } else {
                    mirror_of(vm, c)
                }
            })
        },
        ("java/lang/Class", "getSuperclass", "()Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let class = vm.prog.class(c);
                match class.super_class {
                    Some(s) if !class.is_interface() => mirror_of(vm, s),
                    _ => reference(NULL),
                }
            })
        },
        ("java/lang/Class", "getInterfaces0", "()[Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let ifaces = vm.prog.class(c).interfaces.clone();
                let mut items = Vec::with_capacity(ifaces.len());
                for i in ifaces {
                    match vm.mirror(i) {
                        Ok(r) => items.push(r),
                        Err(r) => return Native::Raise(r),
                    }
                }
                let cc = vm.rt.known.class;
                let array = vm.prog.array_of(cc);
                vm.rt.sync_classes(&vm.prog);
                match vm.rt.heap.alloc(array, Data::Refs(items.into())) {
                    Ok(r) => reference(r),
                    Err(_) => oom(),
                }
            })
        },
        ("java/lang/Class", "getComponentType", "()Ljava/lang/Class;") => |vm, a| {
            with_class(vm, a, |vm, c| match vm.prog.class(c).kind {
                ClassKind::Array { component, .. } => mirror_of(vm, component),
                _ => reference(NULL),
            })
        },
        ("java/lang/Class", "newArray0", "(I)Ljava/lang/Object;") => {
            |vm, a| with_class(vm, a, |vm, c| super::reflect::new_array(vm, c, a[1].int()))
        }
        ("java/lang/Class", "getModifiers", "()I") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let class = vm.prog.class(c);
                let inner = class.file.as_ref().and_then(|f| {
                    f.inner_classes
                        .iter()
                        .find(|i| i.inner == class.name)
                        .map(|i| i.access)
                });
                let flags = inner.unwrap_or(class.access) & !(acc::SYNCHRONIZED);
                int(flags as i32)
            })
        },
        ("java/lang/Class", "desiredAssertionStatus", "()Z") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let class = vm.prog.class(c);
                let system = class.origin == crate::classpath::Origin::Library;
                boolean(vm.config.assertions.desired(&class.name, system))
            })
        },
        ("java/lang/Class", "isEnum0", "()Z") => |vm, a| {
            with_class(vm, a, |vm, c| {
                let class = vm.prog.class(c);
                let enum_super = class
                    .super_class
                    .is_some_and(|s| &*vm.prog.class(s).name == "java/lang/Enum");
                boolean(class.access & acc::ENUM != 0 && enum_super)
            })
        },
        ("java/lang/Class", "isRecord0", "()Z") => |vm, a| {
            with_class(vm, a, |vm, c| {
                boolean(vm.prog.class(c).file.as_ref().is_some_and(|f| f.is_record))
            })
        },
        ("java/lang/Class", "enumConstants0", "()[Ljava/lang/Object;") => enum_constants,
        ("java/lang/Class", "getPrimitiveClass", "(Ljava/lang/String;)Ljava/lang/Class;") => {
            |vm, a| {
                let Some(name) = vm.rt.string(a[0].reference()) else {
                    return npe();
                };
                if primitive_kind(&name).is_none() {
                    return raise("java/lang/IllegalArgumentException", Some(name));
                }
                match vm.load_class(&name) {
                    Ok(c) => mirror_of(vm, c),
                    Err(r) => Native::Raise(r),
                }
            }
        }
        ("java/lang/Character", name, _) => return super::text::character(name, desc),
        _ => return None,
    })
}

fn with_class(vm: &mut Vm, a: &[Value], f: impl FnOnce(&mut Vm, u32) -> Native) -> Native {
    match vm.class_of_mirror(a[0].reference()) {
        Some(c) => f(vm, c),
        None => npe(),
    }
}

/// The mirror of the class a class file's attribute names (loaded, not initialized), or
/// null when there is none or it cannot be loaded.
fn class_named(vm: &mut Vm, name: Option<Arc<str>>) -> Native {
    let Some(name) = name else {
        return reference(NULL);
    };
    match vm.load_class(&name) {
        Ok(c) => mirror_of(vm, c),
        Err(_) => reference(NULL),
    }
}

fn mirror_of(vm: &mut Vm, c: u32) -> Native {
    match vm.mirror(c) {
        Ok(r) => reference(r),
        Err(r) => Native::Raise(r),
    }
}

fn get_class(vm: &mut Vm, a: &[Value]) -> Native {
    match vm.class_of(a[0].reference()) {
        Some(c) => mirror_of(vm, c),
        None => npe(),
    }
}

fn hash_code(vm: &mut Vm, a: &[Value]) -> Native {
    int(vm.rt.heap.identity_hash(a[0].reference()))
}

fn identity_hash_code(vm: &mut Vm, a: &[Value]) -> Native {
    let r = a[0].reference();
    if r == NULL {
        int(0)
    } else {
        int(vm.rt.heap.identity_hash(r))
    }
}

fn clone(vm: &mut Vm, a: &[Value]) -> Native {
    let r = a[0].reference();
    let Some(obj) = vm.rt.heap.get(r) else {
        return npe();
    };
    let class = obj.class;
    let is_array = obj.data.array_len().is_some();
    let cloneable = vm
        .prog
        .loaded("java/lang/Cloneable")
        .is_some_and(|c| vm.prog.is_assignable(class, c));
    if !is_array && !cloneable {
        return raise(
            "java/lang/CloneNotSupportedException",
            Some(vm.prog.class(class).java_name()),
        );
    }
    let data = obj.data.to_owned();
    if vm.rt.heap.would_exceed(data.footprint()) {
        vm.collect_garbage();
    }
    match vm.rt.heap.alloc(class, data) {
        Ok(c) => reference(c),
        Err(_) => oom(),
    }
}

fn owns(vm: &Vm, obj: Ref) -> bool {
    vm.rt
        .monitors
        .get(&obj)
        .is_some_and(|m| m.owner == vm.rt.current as u32)
}

fn not_owner() -> Native {
    raise(
        "java/lang/IllegalMonitorStateException",
        Some("current thread is not owner".to_string()),
    )
}

/// The `Thread.State` ordinal of a started thread, from what it is blocked in: HotSpot's
/// answers, including RUNNABLE for a thread waiting on another's class initialization
/// (HotSpot waits on the class's init lock without changing the thread's status).
fn get_state0(vm: &mut Vm, a: &[Value]) -> Native {
    const RUNNABLE: i32 = 1;
    const BLOCKED: i32 = 2;
    const WAITING: i32 = 3;
    const TIMED_WAITING: i32 = 4;
    const TERMINATED: i32 = 5;
    let obj = a[0].reference();
    let Some(t) = vm.rt.threads.iter().find(|t| t.obj == obj) else {
        return int(TERMINATED);
    };
    int(match t.state {
        ThreadState::Runnable | ThreadState::Reading | ThreadState::InitWait(_) => RUNNABLE,
        ThreadState::Sleeping { .. } | ThreadState::Waiting { until: Some(_), .. } => TIMED_WAITING,
        ThreadState::Waiting { until: None, .. } => WAITING,
        ThreadState::Blocked { .. } => BLOCKED,
        ThreadState::Terminated => TERMINATED,
    })
}

fn notify(vm: &mut Vm, a: &[Value]) -> Native {
    let obj = a[0].reference();
    if !owns(vm, obj) {
        return not_owner();
    }
    if let Some(t) = vm
        .rt
        .threads
        .iter_mut()
        .find(|t| matches!(t.state, ThreadState::Waiting { on, .. } if on == obj))
        && let ThreadState::Waiting { on, count, .. } = t.state
    {
        t.state = ThreadState::Blocked {
            on,
            count,
            notified: true,
        };
    }
    void()
}

fn notify_all(vm: &mut Vm, a: &[Value]) -> Native {
    let obj = a[0].reference();
    if !owns(vm, obj) {
        return not_owner();
    }
    for t in vm.rt.threads.iter_mut() {
        if let ThreadState::Waiting { on, count, .. } = t.state
            && on == obj
        {
            t.state = ThreadState::Blocked {
                on,
                count,
                notified: true,
            };
        }
    }
    void()
}

fn wait(vm: &mut Vm, a: &[Value]) -> Native {
    let obj = a[0].reference();
    let millis = a[1].long();
    if !owns(vm, obj) {
        return not_owner();
    }
    if millis < 0 {
        return raise(
            "java/lang/IllegalArgumentException",
            Some("timeout value is negative".to_string()),
        );
    }
    if vm.thread().interrupted {
        vm.thread().interrupted = false;
        return raise("java/lang/InterruptedException", None);
    }
    let Monitor { count, .. } = vm
        .rt
        .monitors
        .remove(&obj)
        .expect("owns checked it is held");
    let until = (millis > 0).then(|| vm.now().saturating_add(millis.saturating_mul(1_000_000)));
    Native::Block(
        ThreadState::Waiting {
            on: obj,
            until,
            count,
        },
        Value::Top,
    )
}

fn intern(vm: &mut Vm, a: &[Value]) -> Native {
    let this = a[0].reference();
    let Some(chars) = vm.rt.string_chars(this).map(|c| c.to_vec()) else {
        return npe();
    };
    // The first string interned with given contents becomes the canonical one itself.
    let canonical = *vm.rt.interned.entry(chars.into()).or_insert(this);
    reference(canonical)
}

fn array_type_name(vm: &Vm, class: u32) -> String {
    match vm.prog.class(class).kind {
        ClassKind::Array {
            elem: crate::descriptor::Kind::Ref,
            ..
        } => "object array".to_string(),
        ClassKind::Array { elem, .. } => crate::class::primitive_name(elem).to_string(),
        _ => vm.prog.class(class).java_name(),
    }
}

/// `System.arraycopy` when nothing can go wrong: both arrays of the same kind, the range
/// inside both, and for reference arrays, a source component that fits the destination's.
pub(crate) fn arraycopy_in_place(
    prog: &crate::class::Program,
    heap: &mut crate::heap::Heap,
    a: &[Value],
) -> Option<Value> {
    let (src, src_pos, dst, dst_pos, len) = (
        a[0].reference(),
        a[1].int(),
        a[2].reference(),
        a[3].int(),
        a[4].int(),
    );
    if src_pos < 0 || dst_pos < 0 || len < 0 {
        return None;
    }
    let (s, d) = (heap.get(src)?, heap.get(dst)?);
    if std::mem::discriminant(&s.data) != std::mem::discriminant(&d.data) {
        return None;
    }
    let (slen, dlen) = (s.data.array_len()?, d.data.array_len()?);
    let (sp, dp, n) = (src_pos as usize, dst_pos as usize, len as usize);
    if sp + n > slen || dp + n > dlen {
        return None;
    }
    if let DataRef::Refs(_) = s.data {
        let component = |c: u32| match prog.class(c).kind {
            ClassKind::Array { component, .. } => Some(component),
            _ => None,
        };
        if !prog.is_assignable(component(s.class)?, component(d.class)?) {
            return None;
        }
    }
    let size = match s.data {
        DataRef::Bytes(_) => 1,
        DataRef::Chars(_) | DataRef::Shorts(_) => 2,
        DataRef::Ints(_) | DataRef::Floats(_) | DataRef::Refs(_) => 4,
        DataRef::Longs(_) | DataRef::Doubles(_) => 8,
        DataRef::Fields(_) => return None,
    };
    let (table, entries) = heap.raw_table();
    if src as usize >= entries || dst as usize >= entries {
        return None;
    }
    // SAFETY: both handles name live arrays (checked above) whose raw views give their
    // storage; the ranges are inside both; `copy` allows them to overlap.
    unsafe {
        let from = (*table.add(src as usize)).ptr as *const u8;
        let to = (*table.add(dst as usize)).ptr as *mut u8;
        std::ptr::copy(from.add(sp * size), to.add(dp * size), n * size);
    }
    heap.mark_elements(dst, dp..dp + n);
    Some(Value::Top)
}

fn arraycopy(vm: &mut Vm, a: &[Value]) -> Native {
    let (src, src_pos, dst, dst_pos, len) = (
        a[0].reference(),
        a[1].int(),
        a[2].reference(),
        a[3].int(),
        a[4].int(),
    );
    let (Some(s), Some(d)) = (vm.rt.heap.get(src), vm.rt.heap.get(dst)) else {
        return npe();
    };
    let (sc, dc) = (s.class, d.class);
    let (Some(slen), Some(dlen)) = (s.data.array_len(), d.data.array_len()) else {
        let which = if s.data.array_len().is_none() {
            ("source", sc)
        } else {
            ("destination", dc)
        };
        return raise(
            "java/lang/ArrayStoreException",
            Some(format!(
                "arraycopy: {} type {} is not an array",
                which.0,
                vm.prog.class(which.1).java_name()
            )),
        );
    };
    let same_kind = std::mem::discriminant(&s.data) == std::mem::discriminant(&d.data);
    if !same_kind {
        let (sn, dn) = (array_type_name(vm, sc), array_type_name(vm, dc));
        let fix = |n: String| {
            if n == "object array" {
                n
            } else {
                format!("{n}[]")
            }
        };
        return raise(
            "java/lang/ArrayStoreException",
            Some(format!(
                "arraycopy: type mismatch: can not copy {} into {}",
                fix(sn),
                fix(dn)
            )),
        );
    }
    let describe = |vm: &Vm, c: u32, n: usize| {
        let t = array_type_name(vm, c);
        format!("{t}[{n}]")
    };
    if len < 0 {
        return raise(
            "java/lang/ArrayIndexOutOfBoundsException",
            Some(format!("arraycopy: length {len} is negative")),
        );
    }
    if src_pos < 0 {
        let m = format!(
            "arraycopy: source index {src_pos} out of bounds for {}",
            describe(vm, sc, slen)
        );
        return raise("java/lang/ArrayIndexOutOfBoundsException", Some(m));
    }
    if dst_pos < 0 {
        let m = format!(
            "arraycopy: destination index {dst_pos} out of bounds for {}",
            describe(vm, dc, dlen)
        );
        return raise("java/lang/ArrayIndexOutOfBoundsException", Some(m));
    }
    if src_pos as i64 + len as i64 > slen as i64 {
        let m = format!(
            "arraycopy: last source index {} out of bounds for {}",
            src_pos as i64 + len as i64,
            describe(vm, sc, slen)
        );
        return raise("java/lang/ArrayIndexOutOfBoundsException", Some(m));
    }
    if dst_pos as i64 + len as i64 > dlen as i64 {
        let m = format!(
            "arraycopy: last destination index {} out of bounds for {}",
            dst_pos as i64 + len as i64,
            describe(vm, dc, dlen)
        );
        return raise("java/lang/ArrayIndexOutOfBoundsException", Some(m));
    }
    let (sp, dp, n) = (src_pos as usize, dst_pos as usize, len as usize);
    if src == dst {
        let Some(obj) = vm.rt.heap.get_mut_range(src, dp..dp + n) else {
            return npe();
        };
        match obj.data {
            DataMut::Bytes(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Chars(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Shorts(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Ints(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Longs(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Floats(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Doubles(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Refs(x) => x.copy_within(sp..sp + n, dp),
            DataMut::Fields(_) => {}
        }
        return void();
    }
    let chunk = match vm.rt.heap.get(src).expect("checked").data {
        DataRef::Refs(x) => {
            // Each element must fit the destination's component type.
            let items: Vec<Ref> = x[sp..sp + n].to_vec();
            let component = match vm.prog.class(dc).kind {
                ClassKind::Array { component, .. } => component,
                _ => vm.rt.known.object,
            };
            let src_component = match vm.prog.class(sc).kind {
                ClassKind::Array { component, .. } => component,
                _ => vm.rt.known.object,
            };
            let mut ok = items.len();
            if !vm.prog.is_assignable(src_component, component) {
                ok = items
                    .iter()
                    .position(|&r| {
                        vm.class_of(r)
                            .is_some_and(|c| !vm.prog.is_assignable(c, component))
                    })
                    .unwrap_or(items.len());
            }
            if let Some(crate::heap::ObjMut {
                data: DataMut::Refs(y),
                ..
            }) = vm.rt.heap.get_mut_range(dst, dp..dp + ok)
            {
                y[dp..dp + ok].copy_from_slice(&items[..ok]);
            }
            if ok < items.len() {
                let m = format!(
                    "arraycopy: element type mismatch: can not cast one of the elements of {}[] to the type of the destination array, {}",
                    vm.prog.class(src_component).java_name(),
                    vm.prog.class(component).java_name()
                );
                return raise("java/lang/ArrayStoreException", Some(m));
            }
            return void();
        }
        other => match other {
            DataRef::Bytes(x) => Data::Bytes(x[sp..sp + n].into()),
            DataRef::Chars(x) => Data::Chars(x[sp..sp + n].into()),
            DataRef::Shorts(x) => Data::Shorts(x[sp..sp + n].into()),
            DataRef::Ints(x) => Data::Ints(x[sp..sp + n].into()),
            DataRef::Longs(x) => Data::Longs(x[sp..sp + n].into()),
            DataRef::Floats(x) => Data::Floats(x[sp..sp + n].into()),
            DataRef::Doubles(x) => Data::Doubles(x[sp..sp + n].into()),
            _ => return void(),
        },
    };
    let Some(obj) = vm.rt.heap.get_mut_range(dst, dp..dp + n) else {
        return npe();
    };
    match (obj.data, chunk) {
        (DataMut::Bytes(y), Data::Bytes(x)) => y[dp..dp + n].copy_from_slice(&x),
        (DataMut::Chars(y), Data::Chars(x)) => y[dp..dp + n].copy_from_slice(&x),
        (DataMut::Shorts(y), Data::Shorts(x)) => y[dp..dp + n].copy_from_slice(&x),
        (DataMut::Ints(y), Data::Ints(x)) => y[dp..dp + n].copy_from_slice(&x),
        (DataMut::Longs(y), Data::Longs(x)) => y[dp..dp + n].copy_from_slice(&x),
        (DataMut::Floats(y), Data::Floats(x)) => y[dp..dp + n].copy_from_slice(&x),
        (DataMut::Doubles(y), Data::Doubles(x)) => y[dp..dp + n].copy_from_slice(&x),
        _ => {}
    }
    void()
}

fn properties(vm: &mut Vm, _: &[Value]) -> Native {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        other => other,
    };
    let pairs = [
        ("java.version", "17.0.15"),
        ("java.specification.version", "17"),
        ("java.vendor", "phantom"),
        ("java.vm.name", "phantom"),
        ("java.class.version", "61.0"),
        ("os.name", "Linux"),
        ("os.arch", arch),
        ("file.separator", "/"),
        ("path.separator", ":"),
        ("line.separator", "\n"),
        ("file.encoding", "UTF-8"),
        ("native.encoding", "UTF-8"),
        ("sun.jnu.encoding", "UTF-8"),
        ("stdout.encoding", "UTF-8"),
        ("stderr.encoding", "UTF-8"),
    ];
    let mut all: Vec<(String, String)> = pairs
        .iter()
        .map(|&(k, v)| (k.to_string(), v.to_string()))
        .collect();
    // -D properties override the defaults; a later one overrides an earlier one.
    for (k, v) in &vm.config.properties {
        match all.iter_mut().find(|(name, _)| name == k) {
            Some(slot) => slot.1 = v.clone(),
            None => all.push((k.clone(), v.clone())),
        }
    }
    string_pairs(vm, &all)
}

fn environ(vm: &mut Vm, _: &[Value]) -> Native {
    let pairs = vm.config.env.clone();
    string_pairs(vm, &pairs)
}

/// A `String[]` of keys and values, alternating.
fn string_pairs(vm: &mut Vm, pairs: &[(String, String)]) -> Native {
    super::string_array(vm, pairs.iter().flat_map(|(k, v)| [k.as_str(), v.as_str()]))
}

fn set_system_stream(vm: &mut Vm, name: &str, desc: &str, v: Value) -> Native {
    let Some(system) = vm.prog.loaded("java/lang/System") else {
        return void();
    };
    if let Some(f) = vm
        .prog
        .class(system)
        .field(name, desc)
        .filter(|f| f.is_static())
    {
        vm.rt.statics[system as usize][f.slot as usize] = v;
    }
    void()
}

fn start0(vm: &mut Vm, a: &[Value]) -> Native {
    let obj = a[0].reference();
    let Some(class) = vm.class_of(obj) else {
        return npe();
    };
    let Some(main) = vm.prog.resolve_method(class, "threadMain", "()V") else {
        return raise(
            "java/lang/InternalError",
            Some("Thread.threadMain is missing".to_string()),
        );
    };
    let daemon = vm
        .prog
        .resolve_field(class, "daemon", "Z")
        .map(|(_, f)| vm.rt.field(obj, f.slot as usize).int() != 0)
        .unwrap_or(false);
    let mut t = Thread::new(obj);
    t.daemon = daemon;
    t.slots = vec![Value::Top; 16];
    t.slots[0] = Value::Ref(obj);
    if !crate::interp::push_frame(
        &vm.prog,
        &mut t.frames,
        &mut t.slots,
        main,
        0,
        1,
        FrameKind::Normal,
    ) {
        return raise(
            "java/lang/OutOfMemoryError",
            Some("unable to create native thread".to_string()),
        );
    }
    vm.rt.threads.push(t);
    void()
}

fn interrupt0(vm: &mut Vm, a: &[Value]) -> Native {
    let obj = a[0].reference();
    if let Some(t) = vm
        .rt
        .threads
        .iter_mut()
        .find(|t| t.obj == obj && t.is_alive())
    {
        t.interrupted = true;
    }
    void()
}

fn for_name(vm: &mut Vm, a: &[Value]) -> Native {
    let Some(name) = vm.rt.string(a[0].reference()) else {
        return npe();
    };
    let binary = name.replace('.', "/");
    if primitive_kind(&binary).is_some() || name.contains('/') {
        // Primitive types have no class files, and binary names use dots.
        return raise("java/lang/ClassNotFoundException", Some(name));
    }
    let c = match vm.load_class(&binary) {
        Ok(c) => c,
        Err(_) => {
            // For an array, HotSpot names the element class it could not find.
            let element = name.trim_start_matches('[');
            let missing = match element.strip_prefix('L').and_then(|e| e.strip_suffix(';')) {
                Some(e) if name.starts_with('[') => e.replace('/', "."),
                _ => name,
            };
            return raise("java/lang/ClassNotFoundException", Some(missing));
        }
    };
    match vm.ensure_init(c) {
        InitResult::Ready => mirror_of(vm, c),
        InitResult::Pending => Native::Retry(vm.thread().state),
        InitResult::Error(r) => Native::Raise(r),
    }
}

fn enum_constants(vm: &mut Vm, a: &[Value]) -> Native {
    with_class(vm, a, |vm, c| {
        let desc = format!("[L{};", vm.prog.class(c).name);
        let Some(field) = vm
            .prog
            .class(c)
            .field("$VALUES", &desc)
            .filter(|f| f.is_static())
            .cloned()
        else {
            return reference(NULL);
        };
        match vm.ensure_init(c) {
            InitResult::Ready => {}
            InitResult::Pending => return Native::Retry(vm.thread().state),
            InitResult::Error(r) => return Native::Raise(r),
        }
        let values = vm.rt.statics[c as usize][field.slot as usize].reference();
        let Some(obj) = vm.rt.heap.get(values) else {
            return reference(NULL);
        };
        let data = obj.data.to_owned();
        let class = obj.class;
        match vm.rt.heap.alloc(class, data) {
            Ok(r) => reference(r),
            Err(_) => oom(),
        }
    })
}

pub(crate) fn simple_name(vm: &Vm, c: u32) -> String {
    let class = vm.prog.class(c);
    match class.kind {
        ClassKind::Array { component, .. } => format!("{}[]", simple_name(vm, component)),
        ClassKind::Primitive(k) => crate::class::primitive_name(k).to_string(),
        ClassKind::Instance => {
            if let Some(file) = &class.file
                && let Some(entry) = file.inner_classes.iter().find(|i| i.inner == class.name)
            {
                return entry.simple_name.as_deref().unwrap_or("").to_string();
            }
            let name = &*class.name;
            name.rsplit('/').next().unwrap_or(name).to_string()
        }
    }
}
