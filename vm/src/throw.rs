//! Exceptions: building the objects the VM raises, stack traces as `StackTraceElement`s,
//! unwinding through handler tables, and a thread's uncaught-exception report, which runs as
//! a pushed Java frame like every other piece of Java the VM needs.

use crate::class::MethodId;
use crate::classfile::{Const, acc};
use crate::classpath::Origin;
use crate::heap::{ClassId, Data};
use crate::runtime::{Init, Raise};
use crate::thread::{Frame, FrameKind, ThreadState};
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;

/// HotSpot's default `MaxJavaStackTraceDepth`.
const MAX_TRACE_DEPTH: usize = 1024;

/// The version of the class library's module, `java.base` (the `java.version` property).
pub(crate) const LIBRARY_VERSION: &str = "17.0.15";

/// `StackTraceElement.format` of the elements of throwables and stack walkers: `toString`
/// leaves out the class loader (`app`) and the module version, as HotSpot's
/// `StackTraceElement.computeFormat` decides for the built-in loaders and JDK modules.
pub(crate) const FORMAT_THROWABLE: i32 = 0x3;

/// One activation of a stack as walks see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Activation {
    /// The method.
    pub method: MethodId,
    /// The instruction index it is at (for a caller, its call), or `None` for a native
    /// method, which has no frame of its own.
    pub index: Option<u32>,
    /// Its frame's position in the thread's frames, if it has one.
    pub frame: Option<usize>,
}

impl Activation {
    fn native(method: MethodId) -> Activation {
        Activation {
            method,
            index: None,
            frame: None,
        }
    }
}

impl Vm {
    /// Raises a VM exception at the current instruction of the current thread.
    pub(crate) fn raise(&mut self, r: Raise) {
        let message = match (&r.message, r.class) {
            // A helpful message describes a bytecode; a native's NullPointerException has
            // none, as in HotSpot.
            (None, "java/lang/NullPointerException") if self.in_native.is_none() => {
                self.null_pointer_message()
            }
            (m, _) => m.clone(),
        };
        match self.new_throwable(r.class, message.as_deref()) {
            Ok(obj) => {
                if let Some(cause) = r.cause {
                    self.rt
                        .set_field(obj, self.rt.known.throwable_cause, Value::Ref(cause));
                }
                self.throw(obj)
            }
            Err(why) => self.fatal(&format!(
                "cannot create {}: {why}",
                r.class.replace('/', ".")
            )),
        }
    }

    /// Ends the process after an error the VM cannot report through Java.
    pub(crate) fn fatal(&mut self, why: &str) {
        self.host
            .write(2, format!("phantom: fatal error: {why}\n").as_bytes());
        self.exit(1);
    }

    /// Allocates a throwable of `class` with a message and the current stack trace, without
    /// running a constructor (the class library contract allows this).
    pub(crate) fn new_throwable(
        &mut self,
        class: &str,
        message: Option<&str>,
    ) -> Result<Ref, String> {
        let c = self.prog.load(class).map_err(|e| e.to_string())?;
        self.rt.sync_classes(&self.prog);
        // Exception classes of the library have no static initializers; mark them (and their
        // superclasses) initialized rather than running Java here.
        for &s in &self.prog.class(c).supers.clone() {
            if self.rt.init[s as usize] == Init::Uninit && self.prog.class(s).clinit.is_none() {
                self.rt.init[s as usize] = Init::Done;
            }
        }
        let fields: Box<[Value]> = self.prog.class(c).zeroed_fields();
        let obj = self
            .rt
            .heap
            .alloc(c, Data::Fields(fields))
            .map_err(|_| "out of memory".to_string())?;
        if let Some(m) = message {
            let s = self
                .rt
                .new_string(m)
                .map_err(|_| "out of memory".to_string())?;
            self.rt
                .set_field(obj, self.rt.known.throwable_message, Value::Ref(s));
        }
        self.rt
            .set_field(obj, self.rt.known.throwable_cause, Value::Ref(obj));
        let trace = self
            .stack_trace(None)
            .map_err(|_| "out of memory".to_string())?;
        self.rt
            .set_field(obj, self.rt.known.throwable_trace, Value::Ref(trace));
        Ok(obj)
    }

    /// Whether every view of a stack leaves out frames of a method: the VM's own drivers,
    /// which HotSpot has no frames for. `Thread.threadMain` (the VM's way into `run()`;
    /// HotSpot enters `run()` directly), the class-initialization driver and the launcher that
    /// initializes the main class and calls `main`.
    pub(crate) fn is_vm_frame(&self, method: MethodId) -> bool {
        let m = self.prog.method(method);
        match self.prog.class(m.class).name.as_ref() {
            "java/lang/Thread" => &*m.name == "threadMain",
            "jdk/internal/phantom/ClassInit" | "jdk/internal/phantom/Launcher" => true,
            _ => false,
        }
    }

    /// Whether a frame is one HotSpot hides unless asked (`StackWalker`'s
    /// `SHOW_HIDDEN_FRAMES`): a method of a hidden class, which here is a lambda proxy.
    pub(crate) fn is_hidden_frame(&self, method: MethodId) -> bool {
        let class = self.prog.class(self.prog.method(method).class);
        class.file.is_none() && matches!(class.kind, crate::class::ClassKind::Instance)
    }

    /// Whether a frame is a reflection frame, which a `StackWalker` shows only with
    /// `SHOW_REFLECT_FRAMES` (HotSpot's `isReflectionFrame`): `Method`, `Constructor` and the
    /// accessors behind them.
    pub(crate) fn is_reflection_frame(&self, method: MethodId) -> bool {
        let name = &*self.prog.class(self.prog.method(method).class).name;
        matches!(
            name,
            "java/lang/reflect/Method" | "java/lang/reflect/Constructor"
        ) || name.starts_with("jdk/internal/reflect/")
            || name.starts_with("java/lang/invoke/LambdaForm")
    }

    /// Thread `t`'s activations, innermost first, as HotSpot's stack walks see them: every
    /// frame (the filters come later), and a native method it is in on top, although a
    /// native has no frame here. The top frame is at its instruction, callers at their call.
    ///
    /// A thread is in a native when the current thread is running one (`in_native`), when a
    /// native blocked it (`Object.wait`, `Thread.sleep`: its pc is already past the call),
    /// or when it waits to run a native again (reading stdin). A thread blocked on entering a
    /// synchronized method shows that method at its first instruction, and one blocked in a
    /// `monitorenter` the instruction after it, as HotSpot does.
    pub(crate) fn activations(&self, t: usize) -> Vec<Activation> {
        let thread = &self.rt.threads[t];
        let frames = &thread.frames;
        let mut out = Vec::with_capacity(frames.len() + 1);
        let Some(top) = frames.last() else {
            return out;
        };
        let native = |index: u32| {
            self.invoked_at(t, top, index)
                .filter(|&m| self.prog.method(m).access & acc::NATIVE != 0)
        };
        let top_index = match (self.in_native, thread.state) {
            (Some(m), _) if t == self.rt.current => {
                out.push(Activation::native(m));
                top.pc
            }
            (
                _,
                ThreadState::Waiting { .. }
                | ThreadState::Sleeping { .. }
                | ThreadState::Blocked { count: 1.., .. },
            ) => {
                let call = top.pc.saturating_sub(1);
                out.extend(native(call).map(Activation::native));
                call
            }
            (_, ThreadState::Reading | ThreadState::InitWait(_)) => {
                out.extend(native(top.pc).map(Activation::native));
                top.pc
            }
            (_, ThreadState::Blocked { count: 0, .. }) => {
                let entering = self
                    .invoked_at(t, top, top.pc)
                    .filter(|&m| {
                        let m = self.prog.method(m);
                        m.access & acc::SYNCHRONIZED != 0 && m.has_code
                    })
                    .map(|m| Activation {
                        method: m,
                        index: Some(0),
                        frame: None,
                    });
                out.extend(entering);
                // HotSpot's interpreter steps past a `monitorenter` before it blocks there, so
                // the trace shows the line of the instruction after it.
                let at_monitorenter = self
                    .prog
                    .code(top.method)
                    .ok()
                    .flatten()
                    .and_then(|c| c.insns.get(top.pc as usize))
                    .is_some_and(|i| i.get() == crate::code::Insn::MonitorEnter);
                top.pc + at_monitorenter as u32
            }
            _ => top.pc,
        };
        for (i, f) in frames.iter().enumerate().rev() {
            let index = match frames.get(i + 1) {
                None => top_index,
                // A class initialization runs before the instruction that asked for it, which
                // runs again afterwards: the caller is still at that instruction.
                Some(above) if matches!(above.kind, FrameKind::Clinit(_)) => f.pc,
                Some(_) => f.pc.saturating_sub(1),
            };
            out.push(Activation {
                method: f.method,
                index: Some(index),
                frame: Some(i),
            });
        }
        out
    }

    /// The method the call instruction at `index` of frame `f` (of thread `t`) invokes, from
    /// the class file's constant pool, as resolution found it; a virtual call not yet made
    /// is dispatched on its receiver, still on the operand stack.
    pub(crate) fn invoked_at(&self, t: usize, f: &Frame, index: u32) -> Option<MethodId> {
        let m = self.prog.method(f.method);
        let code = self.prog.code(f.method).ok().flatten()?;
        let Some(file) = self.prog.class(m.class).file.as_ref() else {
            return self.generated_call(t, f, code.insns.get(index as usize)?.get(), index);
        };
        let bci = *code.pcs.get(index as usize)? as usize;
        let bytes = &file
            .methods
            .get(m.file_index as usize)?
            .code
            .as_ref()?
            .bytes;
        let op = *bytes.get(bci)?;
        if !(0xb6..=0xb9).contains(&op) {
            return None;
        }
        let cp = u16::from_be_bytes([*bytes.get(bci + 1)?, *bytes.get(bci + 2)?]);
        let Some(Const::Method(r)) = file.cp.get(cp as usize) else {
            return None;
        };
        let class = self.prog.loaded(&r.class)?;
        let resolved = self.prog.resolve_method(class, &r.name, &r.desc)?;
        let callee = self.prog.method(resolved);
        // invokevirtual and invokeinterface of a call still to be made: the receiver decides.
        if (op == 0xb6 || op == 0xb9) && index == f.pc && !callee.is_static() {
            let slots = &self.rt.threads[t].slots;
            let receiver = (f.sp as usize)
                .checked_sub(callee.arg_slots as usize)
                .and_then(|i| slots.get(i))
                .map(|v| v.reference());
            if let Some(c) = receiver.and_then(|r| self.class_of(r))
                && let Some(m) = self.prog.select(c, callee.selector)
            {
                return Some(m);
            }
        }
        Some(resolved)
    }

    /// The method a call instruction of generated code (a lambda's body) calls: it has no class
    /// file to read, but its calls are already resolved.
    fn generated_call(
        &self,
        t: usize,
        f: &Frame,
        insn: crate::code::Insn,
        index: u32,
    ) -> Option<MethodId> {
        use crate::code::Insn;
        let receiver_class = |arg_slots: u16| {
            if index != f.pc {
                return None;
            }
            let slots = &self.rt.threads[t].slots;
            let r = (f.sp as usize)
                .checked_sub(arg_slots as usize)
                .and_then(|i| slots.get(i))?
                .reference();
            self.class_of(r)
        };
        match insn {
            Insn::InvokeDirect { method, .. } => Some(method),
            Insn::InvokeVirtualQ { vindex, arg_slots } => {
                let c = receiver_class(arg_slots)?;
                self.prog.class(c).vtable.get(vindex as usize).copied()
            }
            Insn::InvokeInterfaceQ {
                selector,
                arg_slots,
                ..
            } => self.prog.select(receiver_class(arg_slots)?, selector),
            _ => None,
        }
    }

    /// The current thread's stack as a `StackTraceElement[]` for a throwable. With
    /// `skip_for`, the frames of `fillInStackTrace` and of the constructors of that throwable
    /// are left out, as HotSpot leaves them out.
    pub(crate) fn stack_trace(
        &mut self,
        skip_for: Option<Ref>,
    ) -> Result<Ref, crate::heap::OutOfMemory> {
        let t = self.rt.current;
        let acts = self.activations(t);
        let thread = &self.rt.threads[t];
        // The receiver of an activation's frame, for an instance method.
        let receiver = |a: &Activation| {
            let f = thread.frames.get(a.frame?)?;
            thread.slots.get(f.base as usize).map(|v| v.reference())
        };
        let mut kept: Vec<Activation> = Vec::new();
        let mut skipping = skip_for.is_some();
        for a in acts {
            if skipping {
                let m = self.prog.method(a.method);
                if &*m.name == "fillInStackTrace" || &*m.name == "fillInStackTrace0" {
                    continue;
                }
                if &*m.name == "<init>" && skip_for.is_some() && receiver(&a) == skip_for {
                    continue;
                }
                skipping = false;
            }
            if self.is_vm_frame(a.method) || self.is_hidden_frame(a.method) {
                continue;
            }
            kept.push(a);
            if kept.len() == MAX_TRACE_DEPTH {
                break;
            }
        }
        self.trace_elements(&kept, FORMAT_THROWABLE)
    }

    /// Thread `t`'s stack as another thread sees it (`Thread.getStackTrace`,
    /// `getAllStackTraces`): every frame but the VM's, lambda proxies included (HotSpot's
    /// thread dumps show hidden frames, unlike throwables' traces), with elements that print
    /// their class loader and module version, as HotSpot's do there.
    pub(crate) fn thread_stack_trace(&mut self, t: usize) -> Result<Ref, crate::heap::OutOfMemory> {
        let kept: Vec<Activation> = self
            .activations(t)
            .into_iter()
            .filter(|a| !self.is_vm_frame(a.method))
            .collect();
        self.trace_elements(&kept, 0)
    }

    /// A `StackTraceElement[]` of activations.
    fn trace_elements(
        &mut self,
        acts: &[Activation],
        format: i32,
    ) -> Result<Ref, crate::heap::OutOfMemory> {
        let ste = self.trace_element_class()?;
        let array_class = self.prog.array_of(ste);
        self.rt.sync_classes(&self.prog);
        let mut elems = Vec::with_capacity(acts.len());
        for &a in acts {
            elems.push(self.trace_element(ste, a, format)?);
        }
        self.rt.heap.alloc(array_class, Data::Refs(elems.into()))
    }

    /// The dynamic module (`jdk.proxy1` ...) a proxy class of public interfaces belongs to, as
    /// `java.lang.reflect.Proxy` names it: its package.
    fn dynamic_module(&self, class: ClassId) -> Option<String> {
        let c = self.prog.class(class);
        let proxy = self.prog.loaded("java/lang/reflect/Proxy")?;
        let (package, _) = c.name.rsplit_once('/')?;
        let number = package.strip_prefix("jdk/proxy")?;
        (c.super_class == Some(proxy)
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| package.replace('/', "."))
    }

    /// `java.lang.StackTraceElement`, loaded and marked initialized (it has no static
    /// initializer that matters: its constants are compile-time ones).
    pub(crate) fn trace_element_class(&mut self) -> Result<ClassId, crate::heap::OutOfMemory> {
        let ste = self
            .prog
            .load("java/lang/StackTraceElement")
            .map_err(|_| crate::heap::OutOfMemory)?;
        self.rt.sync_classes(&self.prog);
        self.rt.init[ste as usize] = Init::Done;
        Ok(ste)
    }

    /// One `StackTraceElement` (of class `ste`) for an activation, built without running a
    /// constructor. `format` is the element's `format` field (what `toString` leaves out).
    pub(crate) fn trace_element(
        &mut self,
        ste: ClassId,
        a: Activation,
        format: i32,
    ) -> Result<Ref, crate::heap::OutOfMemory> {
        let m = self.prog.method(a.method);
        let class = self.prog.class(m.class);
        let class_name = class.java_name();
        let method_name = m.name.clone();
        let file = class.source_file().map(str::to_string);
        let library = class.origin == Origin::Library;
        let module = if library {
            Some("java.base".to_string())
        } else {
            self.dynamic_module(m.class)
        };
        let line = match a.index {
            None => -2,
            // Decoded now if it is not yet (a method about to be entered, after a restore).
            Some(i) => self
                .prog
                .code(a.method)
                .ok()
                .flatten()
                .and_then(|c| c.line_of(i))
                .map(i32::from)
                .unwrap_or(-1),
        };
        let fields: Box<[Value]> = self.prog.class(ste).zeroed_fields();
        let e = self.rt.heap.alloc(ste, Data::Fields(fields))?;
        let strings = [
            ("classLoaderName", (!library).then_some("app")),
            ("moduleName", module.as_deref()),
            ("moduleVersion", library.then_some(LIBRARY_VERSION)),
            ("declaringClass", Some(class_name.as_str())),
            ("methodName", Some(&*method_name)),
            ("fileName", file.as_deref()),
        ];
        for (name, value) in strings {
            if let (Some(f), Some(v)) = (
                self.prog.class(ste).field(name, "Ljava/lang/String;"),
                value,
            ) {
                let slot = f.slot as usize;
                let r = self.rt.intern(v)?;
                self.rt.set_field(e, slot, Value::Ref(r));
            }
        }
        for (name, desc, v) in [("lineNumber", "I", line), ("format", "B", format)] {
            if let Some(f) = self.prog.class(ste).field(name, desc) {
                let slot = f.slot as usize;
                self.rt.set_field(e, slot, Value::Int(v));
            }
        }
        Ok(e)
    }

    /// Throws `ex` at the current instruction: finds a handler in this frame or a caller,
    /// popping frames (releasing their monitors, failing their class initializations) until one
    /// is found or the thread has none left.
    pub(crate) fn throw(&mut self, mut ex: Ref) {
        let t = self.rt.current;
        let mut first = true;
        loop {
            let Some(&f) = self.rt.threads[t].frames.last() else {
                return self.uncaught(ex);
            };
            let index = if first { f.pc } else { f.pc.saturating_sub(1) };
            first = false;
            if let Some(handler) = self.find_handler(f.method, index, ex) {
                let max_locals = self
                    .prog
                    .method(f.method)
                    .code
                    .get()
                    .map(|c| c.max_locals)
                    .unwrap_or(0);
                let thread = &mut self.rt.threads[t];
                let top = thread.frames.last_mut().expect("checked above");
                top.pc = handler;
                top.sp = top.base + max_locals as u32;
                thread.slots[top.sp as usize] = Value::Ref(ex);
                top.sp += 1;
                return;
            }
            self.rt.threads[t].frames.pop();
            if f.sync != NULL {
                self.unlock(f.sync);
            }
            match f.kind {
                FrameKind::Clinit(c) => {
                    self.rt.init[c as usize] = Init::Failed;
                    self.record_init_error(c, ex);
                    let ex_class = self.rt.heap.get(ex).map(|o| o.class).unwrap_or(0);
                    let is_error = self
                        .prog
                        .loaded("java/lang/Error")
                        .is_some_and(|e| self.prog.is_assignable(ex_class, e));
                    if !is_error && !self.rt.threads[t].frames.is_empty() {
                        match self.new_throwable("java/lang/ExceptionInInitializerError", None) {
                            Ok(wrapper) => {
                                self.rt.set_field(
                                    wrapper,
                                    self.rt.known.throwable_cause,
                                    Value::Ref(ex),
                                );
                                if let Some(slot) = self
                                    .prog
                                    .loaded("java/lang/ExceptionInInitializerError")
                                    .and_then(|c| {
                                        self.prog
                                            .class(c)
                                            .field("exception", "Ljava/lang/Throwable;")
                                    })
                                    .map(|f| f.slot as usize)
                                {
                                    self.rt.set_field(wrapper, slot, Value::Ref(ex));
                                }
                                ex = wrapper;
                            }
                            Err(why) => return self.fatal(&why),
                        }
                    }
                    // The wrapper is thrown at the instruction that triggered initialization.
                    first = true;
                }
                FrameKind::Final => {
                    self.rt.threads[t].frames.clear();
                    return self.end_thread();
                }
                FrameKind::Normal | FrameKind::Unbox(_) => {}
            }
        }
    }

    /// Keeps, for later uses of a class whose initializer failed, an
    /// `ExceptionInInitializerError` naming the original exception and thread, as HotSpot 17
    /// reports it as the cause of their `NoClassDefFoundError`.
    fn record_init_error(&mut self, class: ClassId, ex: Ref) {
        let ex_class = self
            .rt
            .heap
            .get(ex)
            .map(|o| self.prog.class(o.class).java_name())
            .unwrap_or_default();
        let msg = self
            .rt
            .field(ex, self.rt.known.throwable_message)
            .reference();
        let text = match self.rt.string(msg) {
            Some(m) => format!("{ex_class}: {m}"),
            None => ex_class,
        };
        let thread_obj = self.rt.threads[self.rt.current].obj;
        let name = self
            .class_of(thread_obj)
            .and_then(|c| self.prog.resolve_field(c, "name", "Ljava/lang/String;"))
            .and_then(|(_, f)| {
                self.rt
                    .string(self.rt.field(thread_obj, f.slot as usize).reference())
            })
            .unwrap_or_default();
        let message = format!("Exception {text} [in thread \"{name}\"]");
        if let Ok(e) = self.new_throwable("java/lang/ExceptionInInitializerError", Some(&message)) {
            // It carries the stack trace of the exception that failed the initializer, as on
            // HotSpot (its own would start after the initializer's frame is gone).
            let slot = self.rt.known.throwable_trace;
            let trace = self.rt.field(ex, slot);
            if trace.reference() != crate::value::NULL {
                self.rt.set_field(e, slot, trace);
            }
            self.rt.init_errors.insert(class, e);
        }
    }

    fn find_handler(&mut self, method: MethodId, index: u32, ex: Ref) -> Option<u32> {
        let ex_class = self.rt.heap.get(ex)?.class;
        let handlers = self.prog.method(method).code.get()?.handlers.clone();
        for h in handlers {
            if index < h.start || index >= h.end {
                continue;
            }
            let Some(name) = &h.catch else {
                return Some(h.handler);
            };
            let Ok(c) = self.prog.load(name) else {
                continue;
            };
            self.rt.sync_classes(&self.prog);
            if self.prog.is_assignable(ex_class, c) {
                return Some(h.handler);
            }
        }
        None
    }

    /// An exception left the thread's last frame: run `Thread.dispatchUncaughtException` as
    /// the thread's final frame (it prints the report), then the thread ends.
    fn uncaught(&mut self, ex: Ref) {
        let t = self.rt.current;
        self.rt.threads[t].died_by_exception = true;
        let thread_obj = self.rt.threads[t].obj;
        let class = self
            .rt
            .heap
            .get(thread_obj)
            .map(|o| o.class)
            .unwrap_or(self.rt.known.thread);
        let dispatch = self
            .prog
            .resolve_method(
                class,
                "dispatchUncaughtException",
                "(Ljava/lang/Throwable;)V",
            )
            .filter(|&m| matches!(self.prog.code(m), Ok(Some(_))));
        match dispatch {
            Some(m) => {
                let thread = &mut self.rt.threads[t];
                if thread.slots.len() < 2 {
                    thread.slots.resize(2, Value::Top);
                }
                thread.slots[0] = Value::Ref(thread_obj);
                thread.slots[1] = Value::Ref(ex);
                let ok = crate::interp::push_frame(
                    &self.prog,
                    &mut thread.frames,
                    &mut thread.slots,
                    m,
                    0,
                    2,
                    FrameKind::Final,
                );
                if !ok {
                    self.end_thread();
                }
            }
            None => {
                let class_name = self
                    .rt
                    .heap
                    .get(ex)
                    .map(|o| self.prog.class(o.class).java_name())
                    .unwrap_or_default();
                self.host.write(
                    2,
                    format!("Exception in thread \"main\" {class_name}\n").as_bytes(),
                );
                self.end_thread();
            }
        }
    }

    /// HotSpot's helpful message for a null pointer at the current instruction (JEP 358).
    pub(crate) fn null_pointer_message(&self) -> Option<String> {
        crate::npe::describe(self)
    }

    /// Class of an object, for natives.
    pub(crate) fn class_of(&self, r: Ref) -> Option<ClassId> {
        self.rt.heap.get(r).map(|o| o.class)
    }
}
