//! Exceptions: building the objects the VM raises, stack traces as `StackTraceElement`s,
//! unwinding through handler tables, and a thread's uncaught-exception report, which runs as
//! a pushed Java frame like every other piece of Java the VM needs.

use crate::class::MethodId;
use crate::classpath::Origin;
use crate::heap::{ClassId, Data};
use crate::runtime::{Init, Raise};
use crate::thread::FrameKind;
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;

/// HotSpot's default `MaxJavaStackTraceDepth`.
const MAX_TRACE_DEPTH: usize = 1024;

impl Vm {
    /// Raises a VM exception at the current instruction of the current thread.
    pub(crate) fn raise(&mut self, r: Raise) {
        let message = match (&r.message, r.class) {
            (None, "java/lang/NullPointerException") => self.null_pointer_message(),
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

    /// Whether stack traces leave out frames of a method, as HotSpot leaves out its hidden
    /// frames: `Thread.threadMain` (the VM's way into `run()`; HotSpot enters `run()`
    /// directly) and the class-initialization driver.
    pub(crate) fn is_hidden_frame(&self, method: MethodId) -> bool {
        let m = self.prog.method(method);
        match self.prog.class(m.class).name.as_ref() {
            "java/lang/Thread" => &*m.name == "threadMain",
            "jdk/internal/phantom/ClassInit" => true,
            _ => false,
        }
    }

    /// The current thread's stack as a `StackTraceElement[]`. With `skip_for`, the frames of
    /// `fillInStackTrace` and of the constructors of that throwable are left out, as HotSpot
    /// leaves them out.
    pub(crate) fn stack_trace(
        &mut self,
        skip_for: Option<Ref>,
    ) -> Result<Ref, crate::heap::OutOfMemory> {
        let t = self.rt.current;
        let frames = self.rt.threads[t].frames.clone();
        let slots_at = |base: u32| {
            self.rt.threads[t]
                .slots
                .get(base as usize)
                .copied()
                .unwrap_or(Value::Top)
        };
        let mut items: Vec<(MethodId, Option<u16>)> = Vec::new();
        let mut skipping = skip_for.is_some();
        for (depth, f) in frames.iter().rev().enumerate() {
            let m = self.prog.method(f.method);
            if skipping {
                if &*m.name == "fillInStackTrace" || &*m.name == "fillInStackTrace0" {
                    continue;
                }
                if &*m.name == "<init>"
                    && skip_for.is_some_and(|obj| slots_at(f.base).reference() == obj)
                {
                    continue;
                }
                skipping = false;
            }
            if self.is_hidden_frame(f.method) {
                continue;
            }
            // The running frame is at its instruction; callers are just past their call.
            let index = if depth == 0 {
                f.pc
            } else {
                f.pc.saturating_sub(1)
            };
            items.push((f.method, self.prog.line_of(f.method, index)));
            if items.len() == MAX_TRACE_DEPTH {
                break;
            }
        }
        let ste = self
            .prog
            .load("java/lang/StackTraceElement")
            .map_err(|_| crate::heap::OutOfMemory)?;
        self.rt.sync_classes(&self.prog);
        self.rt.init[ste as usize] = Init::Done;
        let array_class = self.prog.array_of(ste);
        self.rt.sync_classes(&self.prog);
        let slot = |vm: &Vm, name: &str, desc: &str| {
            vm.prog
                .class(ste)
                .field(name, desc)
                .map(|f| f.slot as usize)
        };
        let (s_module, s_class, s_method, s_file, s_line) = (
            slot(self, "moduleName", "Ljava/lang/String;"),
            slot(self, "declaringClass", "Ljava/lang/String;"),
            slot(self, "methodName", "Ljava/lang/String;"),
            slot(self, "fileName", "Ljava/lang/String;"),
            slot(self, "lineNumber", "I"),
        );
        let mut elems = Vec::with_capacity(items.len());
        for (mid, line) in items {
            let m = self.prog.method(mid);
            let class = self.prog.class(m.class);
            let class_name = class.java_name();
            let method_name = m.name.clone();
            let file = class.source_file().map(str::to_string);
            let library = class.origin == Origin::Library;
            let native = m.access & crate::classfile::acc::NATIVE != 0;
            let fields: Box<[Value]> = self.prog.class(ste).zeroed_fields();
            let e = self.rt.heap.alloc(ste, Data::Fields(fields))?;
            let set_str = |vm: &mut Vm,
                           slot: Option<usize>,
                           s: Option<&str>|
             -> Result<(), crate::heap::OutOfMemory> {
                if let (Some(slot), Some(s)) = (slot, s) {
                    let r = vm.rt.intern(s)?;
                    vm.rt.set_field(e, slot, Value::Ref(r));
                }
                Ok(())
            };
            set_str(self, s_module, library.then_some("java.base"))?;
            set_str(self, s_class, Some(&class_name))?;
            set_str(self, s_method, Some(&method_name))?;
            set_str(self, s_file, file.as_deref())?;
            if let Some(slot) = s_line {
                let l = if native {
                    -2
                } else {
                    line.map(i32::from).unwrap_or(-1)
                };
                self.rt.set_field(e, slot, Value::Int(l));
            }
            elems.push(e);
        }
        self.rt.heap.alloc(array_class, Data::Refs(elems.into()))
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
