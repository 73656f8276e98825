//! Natives that read threads' stacks as data: `Thread.getStackTrace` of another thread and
//! `getAllStackTraces` (`Thread.dumpThreads`), `StackWalker`, and the natives that must show
//! in a thread's stack (`Thread.sleep`, `Thread.yield`); and the launcher's
//! (`jdk.internal.phantom.Launcher`), which initializes the main class and calls `main`.
//!
//! Every one reads frames as plain data (vm/src/throw.rs, `Vm::activations`); none runs Java.

use super::{Native, npe, oom, raise, reference, void};
use crate::exec::InitResult;
use crate::heap::{Data, DataRef, OutOfMemory};
use crate::runtime::{Init, Raise};
use crate::thread::ThreadState;
use crate::throw::{Activation, FORMAT_THROWABLE};
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (class, name, desc) {
        ("java/lang/Thread", "sleep", "(J)V") => sleep,
        ("java/lang/Thread", "yield", "()V") => |vm, _| {
            // The quantum ends here and the next runnable thread goes on; the thread stays
            // RUNNABLE and an interrupt does nothing to it, as on HotSpot.
            vm.rt.quantum_left = 0;
            void()
        },
        ("java/lang/Thread", "getThreads", "()[Ljava/lang/Thread;") => get_threads,
        (
            "java/lang/Thread",
            "dumpThreads",
            "([Ljava/lang/Thread;)[[Ljava/lang/StackTraceElement;",
        ) => dump_threads,
        ("java/lang/StackWalker", "frames0", "(I)[Ljava/lang/StackFrameInfo;") => frames0,
        ("java/lang/StackWalker", "callerClass0", "(Z)Ljava/lang/Class;") => caller_class0,
        ("jdk/internal/phantom/Launcher", "initialize", "(Ljava/lang/Class;)V") => initialize,
        (
            "jdk/internal/phantom/Launcher",
            "callMain",
            "(Ljava/lang/Class;[Ljava/lang/String;)V",
        ) => call_main,
        _ => return None,
    })
}

/// `Thread.sleep(long)`, native as in HotSpot: its checks, in HotSpot's order, then the
/// thread sleeps (a state, not a blocked Rust call).
fn sleep(vm: &mut Vm, a: &[Value]) -> Native {
    let millis = a[0].long();
    if millis < 0 {
        return raise(
            "java/lang/IllegalArgumentException",
            Some("timeout value is negative".to_string()),
        );
    }
    if vm.thread().interrupted {
        vm.thread().interrupted = false;
        return raise(
            "java/lang/InterruptedException",
            Some("sleep interrupted".to_string()),
        );
    }
    let until = vm.now().saturating_add(millis.saturating_mul(1_000_000));
    Native::Block(ThreadState::Sleeping { until }, Value::Top)
}

/// `Thread.getThreads()`: the threads started and not ended, in the order they started.
fn get_threads(vm: &mut Vm, _: &[Value]) -> Native {
    let threads: Vec<Ref> = vm
        .rt
        .threads
        .iter()
        .filter(|t| t.is_alive())
        .map(|t| t.obj)
        .collect();
    let class = vm.prog.array_of(vm.rt.known.thread);
    vm.rt.sync_classes(&vm.prog);
    match vm.rt.heap.alloc(class, Data::Refs(threads.into())) {
        Ok(r) => reference(r),
        Err(_) => oom(),
    }
}

/// `Thread.dumpThreads(Thread[])`: each thread's stack as another thread sees it, or null
/// for a thread not alive.
fn dump_threads(vm: &mut Vm, a: &[Value]) -> Native {
    let Some(wanted) = vm.rt.heap.get(a[0].reference()).and_then(|o| match o.data {
        DataRef::Refs(r) => Some(r.to_vec()),
        _ => None,
    }) else {
        return npe();
    };
    let built = (|| -> Result<Ref, OutOfMemory> {
        let ste = vm.trace_element_class()?;
        let trace_class = vm.prog.array_of(ste);
        let class = vm.prog.array_of(trace_class);
        vm.rt.sync_classes(&vm.prog);
        let mut traces = Vec::with_capacity(wanted.len());
        for obj in wanted {
            let t = vm
                .rt
                .threads
                .iter()
                .position(|t| t.obj == obj && t.is_alive());
            traces.push(match t {
                Some(t) => vm.thread_stack_trace(t)?,
                None => NULL,
            });
        }
        vm.rt.heap.alloc(class, Data::Refs(traces.into()))
    })();
    match built {
        Ok(r) => reference(r),
        Err(_) => oom(),
    }
}

/// `StackWalker.frames0(flags)`'s bits, as `StackWalker.java` passes them.
const RETAIN_CLASS_REFERENCE: i32 = 1;
const SHOW_REFLECT_FRAMES: i32 = 2;
const SHOW_HIDDEN_FRAMES: i32 = 4;

/// The current thread's activations below the `StackWalker` call that asks, kept as a
/// walker with these options keeps them: never the VM's own frames; hidden frames (lambda
/// proxies) only with `SHOW_HIDDEN_FRAMES`; reflection frames with either option, or
/// always when `reflect` is true.
fn walked(vm: &Vm, flags: i32, reflect: bool) -> Vec<Activation> {
    let show_hidden = flags & SHOW_HIDDEN_FRAMES != 0;
    let show_reflect = reflect || show_hidden || flags & SHOW_REFLECT_FRAMES != 0;
    vm.activations(vm.rt.current)
        .into_iter()
        .skip_while(|a| {
            let class = vm.prog.class(vm.prog.method(a.method).class);
            class.name.starts_with("java/lang/StackWalker")
        })
        .filter(|a| {
            !vm.is_vm_frame(a.method)
                && (show_hidden || !vm.is_hidden_frame(a.method))
                && (show_reflect || !vm.is_reflection_frame(a.method))
        })
        .collect()
}

/// `StackWalker.frames0(flags)`: a `StackFrameInfo` per frame the walker shows, from the
/// caller of the walker's method down, built without running a constructor.
fn frames0(vm: &mut Vm, a: &[Value]) -> Native {
    let flags = a[0].int();
    let acts = walked(vm, flags, false);
    match frame_infos(vm, &acts, flags & RETAIN_CLASS_REFERENCE != 0) {
        Ok(r) => reference(r),
        Err(r) => Native::Raise(r),
    }
}

fn frame_infos(vm: &mut Vm, acts: &[Activation], retain: bool) -> Result<Ref, Raise> {
    let oom = |_| Raise::new("java/lang/OutOfMemoryError", Some("Java heap space".into()));
    let info = vm.load_class("java/lang/StackFrameInfo")?;
    // It has no static initializer.
    vm.rt.init[info as usize] = Init::Done;
    let ste = vm.trace_element_class().map_err(oom)?;
    let array = vm.prog.array_of(info);
    vm.rt.sync_classes(&vm.prog);
    let slot = |vm: &Vm, name: &str, desc: &str| {
        vm.prog
            .class(info)
            .field(name, desc)
            .filter(|f| !f.is_static())
            .map(|f| f.slot as usize)
            .ok_or_else(|| {
                Raise::new(
                    "java/lang/InternalError",
                    Some(format!("StackFrameInfo.{name} is missing")),
                )
            })
    };
    let s_class = slot(vm, "declaringClass", "Ljava/lang/Class;")?;
    let s_name = slot(vm, "methodName", "Ljava/lang/String;")?;
    let s_desc = slot(vm, "descriptor", "Ljava/lang/String;")?;
    let s_bci = slot(vm, "bci", "I")?;
    let s_elem = slot(vm, "element", "Ljava/lang/StackTraceElement;")?;
    let s_retain = slot(vm, "retainClassRef", "Z")?;
    let mut items = Vec::with_capacity(acts.len());
    for &act in acts {
        let m = vm.prog.method(act.method);
        let (class, name, desc) = (m.class, m.name.clone(), m.desc.clone());
        let bci = act
            .index
            .and_then(|i| vm.prog.code(act.method).ok()??.pcs.get(i as usize))
            .map_or(-1, |&pc| pc as i32);
        let mirror = vm.mirror(class)?;
        let elem = vm.trace_element(ste, act, FORMAT_THROWABLE).map_err(oom)?;
        let name = vm.rt.intern(&name).map_err(oom)?;
        let desc = vm.rt.intern(&desc).map_err(oom)?;
        let fields = vm.prog.class(info).zeroed_fields();
        let obj = vm.rt.heap.alloc(info, Data::Fields(fields)).map_err(oom)?;
        for (slot, v) in [
            (s_class, Value::Ref(mirror)),
            (s_name, Value::Ref(name)),
            (s_desc, Value::Ref(desc)),
            (s_bci, Value::Int(bci)),
            (s_elem, Value::Ref(elem)),
            (s_retain, Value::Int(retain as i32)),
        ] {
            vm.rt.set_field(obj, slot, v);
        }
        items.push(obj);
    }
    vm.rt
        .heap
        .alloc(array, Data::Refs(items.into()))
        .map_err(oom)
}

/// `StackWalker.callerClass0(showHidden)`: the class of the caller of the method that called
/// `getCallerClass`, reflection frames left out; `IllegalCallerException` when there is none.
fn caller_class0(vm: &mut Vm, a: &[Value]) -> Native {
    let flags = if a[0].int() != 0 {
        SHOW_HIDDEN_FRAMES
    } else {
        0
    };
    let acts: Vec<Activation> = walked(vm, flags, false)
        .into_iter()
        .filter(|a| !vm.is_reflection_frame(a.method))
        .take(2)
        .collect();
    match acts.get(1) {
        Some(caller) => {
            let class = vm.prog.method(caller.method).class;
            match vm.mirror(class) {
                Ok(r) => reference(r),
                Err(r) => Native::Raise(r),
            }
        }
        None => raise(
            "java/lang/IllegalCallerException",
            Some("no caller frame".to_string()),
        ),
    }
}

/// `Launcher.initialize(Class)`: initializes the main class, as `java`'s launcher does
/// before it calls `main` (the call runs again once the initializer's frames return).
fn initialize(vm: &mut Vm, a: &[Value]) -> Native {
    let Some(c) = vm.class_of_mirror(a[0].reference()) else {
        return npe();
    };
    match vm.ensure_init(c) {
        InitResult::Ready => void(),
        InitResult::Pending => Native::Retry(vm.thread().state),
        InitResult::Error(r) => Native::Raise(r),
    }
}

/// `Launcher.callMain(Class, String[])`: `main` runs in the native's place.
fn call_main(vm: &mut Vm, a: &[Value]) -> Native {
    let Some(c) = vm.class_of_mirror(a[0].reference()) else {
        return npe();
    };
    match vm.main_method(c) {
        Some(method) => Native::Call {
            method,
            args: vec![a[1]],
        },
        None => raise("java/lang/NoSuchMethodError", Some("main".to_string())),
    }
}
