//! The outer loop's instruction work: resolving and rewriting instructions on first execution,
//! calls the inner loop does not enter (natives, synchronized methods), class initialization
//! as pushed `<clinit>` frames, and returns from frames with special meaning.

use crate::class::{ClassKind, MethodId, primitive_name};
use crate::classfile::{Const, acc};
use crate::code::{Elem, Insn};
use crate::descriptor::{Kind, MethodSig};
use crate::heap::{ClassId, Data, raw_kind};
use crate::interp;
use crate::natives::Native;
use crate::runtime::{Init, Monitor, Raise};
use crate::thread::{Frame, FrameKind, ThreadState};
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;

/// The outcome of asking for a class to be initialized.
pub(crate) enum InitResult {
    /// Initialized (or being initialized by this thread): go on.
    Ready,
    /// `<clinit>` frames were pushed or the thread waits: run the instruction again later.
    Pending,
    /// Initialization failed before.
    Error(Raise),
}

impl Vm {
    pub(crate) fn top_frame(&self) -> Frame {
        *self.rt.threads[self.rt.current]
            .frames
            .last()
            .expect("the outer loop only acts on threads with frames")
    }

    fn top_mut(&mut self) -> &mut Frame {
        let t = self.rt.current;
        self.rt.threads[t]
            .frames
            .last_mut()
            .expect("the outer loop only acts on threads with frames")
    }

    fn current_insn(&self) -> Insn {
        let f = self.top_frame();
        self.prog
            .method(f.method)
            .code
            .get()
            .expect("running frames have code")
            .insns[f.pc as usize]
            .get()
    }

    fn rewrite(&self, insn: Insn) {
        let f = self.top_frame();
        self.prog
            .method(f.method)
            .code
            .get()
            .expect("running frames have code")
            .insns[f.pc as usize]
            .set(insn);
    }

    pub(crate) fn advance(&mut self) {
        self.top_mut().pc += 1;
    }

    pub(crate) fn push(&mut self, v: Value) {
        let t = self.rt.current;
        let thread = &mut self.rt.threads[t];
        let f = thread.frames.last_mut().expect("a frame to push onto");
        thread.slots[f.sp as usize] = v;
        f.sp += 1;
        if v.is_wide() {
            thread.slots[f.sp as usize] = Value::Top;
            f.sp += 1;
        }
    }

    fn pop_slots(&mut self, n: usize) -> Vec<Value> {
        let t = self.rt.current;
        let thread = &mut self.rt.threads[t];
        let f = thread.frames.last_mut().expect("a frame to pop from");
        let sp = f.sp as usize;
        f.sp -= n as u32;
        thread.slots[sp - n..sp].to_vec()
    }

    fn peek(&self, depth: usize) -> Value {
        let t = &self.rt.threads[self.rt.current];
        let f = t.frames.last().expect("a frame to peek into");
        t.slots[f.sp as usize - 1 - depth]
    }

    /// The constant pool of the class of the running method.
    fn cp_entry(&self, index: u16) -> Const {
        let f = self.top_frame();
        let class = self.prog.method(f.method).class;
        let file = self
            .prog
            .class(class)
            .file
            .as_ref()
            .expect("methods with code come from class files");
        file.cp
            .get(index as usize)
            .cloned()
            .unwrap_or(Const::Unused)
    }

    /// Loads a class for the running code, turning failure into the Java error.
    pub(crate) fn load_class(&mut self, name: &str) -> Result<ClassId, Raise> {
        let r = self.prog.load(name);
        self.rt.sync_classes(&self.prog);
        r.map_err(|e| {
            let msg = match &e {
                crate::class::LoadError::NoClassDefFound(n) if crate::classpath::is_jdk_name(n) => {
                    format!("{n} (phantom's class library does not provide this class yet)")
                }
                crate::class::LoadError::NoClassDefFound(n) => n.clone(),
                other => other.to_string(),
            };
            Raise::new(e.java_class(), Some(msg))
        })
    }

    /// Resolves a class the running method's constant pool names: loads it, and refuses, as
    /// HotSpot's module system does, an application class's reference to a class in a
    /// package `java.base` does not export (`jdk.internal.*`, whose natives trust their
    /// callers).
    pub(crate) fn resolve_class(&mut self, name: &str) -> Result<ClassId, Raise> {
        let c = self.load_class(name)?;
        let caller = self.prog.method(self.top_frame().method).class;
        self.check_export(caller, name)?;
        Ok(c)
    }

    /// Refuses a reference from an application class to a class of a package `java.base`
    /// does not export, with HotSpot's message.
    pub(crate) fn check_export(&self, caller: ClassId, name: &str) -> Result<(), Raise> {
        let element = name.trim_start_matches('[');
        let element = element
            .strip_prefix('L')
            .and_then(|e| e.strip_suffix(';'))
            .unwrap_or(element);
        if element.starts_with("jdk/internal/")
            && self.prog.class(caller).origin != crate::classpath::Origin::Library
        {
            let package = element
                .rsplit_once('/')
                .map_or("", |p| p.0)
                .replace('/', ".");
            return Err(Raise::new(
                "java/lang/IllegalAccessError",
                Some(format!(
                    "class {} (in unnamed module) cannot access class {} (in module java.base) because module java.base does not export {package} to unnamed module",
                    self.prog.class(caller).java_name(),
                    element.replace('/', "."),
                )),
            ));
        }
        Ok(())
    }

    /// Initializes a class per JLS 12.4.2, pushing `<clinit>` frames on the current thread.
    pub(crate) fn ensure_init(&mut self, class: ClassId) -> InitResult {
        let me = self.rt.current as u32;
        match self.rt.init[class as usize] {
            Init::Done => return InitResult::Ready,
            Init::Running(t) if t == me => return InitResult::Ready,
            Init::Running(_) => {
                self.thread().state = ThreadState::InitWait(class);
                return InitResult::Pending;
            }
            Init::Failed => {
                let mut r = Raise::new(
                    "java/lang/NoClassDefFoundError",
                    Some(format!(
                        "Could not initialize class {}",
                        self.prog.class(class).java_name()
                    )),
                );
                r.cause = self.rt.init_errors.get(&class).copied();
                return InitResult::Error(r);
            }
            Init::Uninit => {}
        }
        let waiting = self
            .init_supers(class)
            .into_iter()
            .any(|s| match self.rt.init[s as usize] {
                Init::Done => false,
                Init::Running(t) => t != me,
                Init::Uninit | Init::Failed => true,
            });
        // Without a running thread nothing can be pushed (a VM that has not started main).
        let running = self
            .rt
            .threads
            .get(self.rt.current)
            .is_some_and(|t| !t.frames.is_empty());
        if (waiting || self.prog.class(class).clinit.is_some()) && !running {
            return InitResult::Error(Raise::new(
                "java/lang/InternalError",
                Some(format!(
                    "{} needs initializing outside a thread",
                    self.prog.class(class).java_name()
                )),
            ));
        }
        // Step 6: in progress by this thread, and the constant fields set, before anything
        // runs, so that a recursive request from a superclass's initializer proceeds at once.
        self.rt.init[class as usize] = Init::Running(me);
        if let Err(r) = self.set_constant_values(class) {
            self.rt.init[class as usize] = Init::Uninit;
            return InitResult::Error(r);
        }
        if waiting {
            // Step 7 has work to do: the driver does it, then step 9, as a pushed frame.
            let pc = self.top_frame().pc;
            return match self.push_init_driver(class, pc) {
                Ok(()) => InitResult::Pending,
                Err(r) => {
                    self.rt.init[class as usize] = Init::Uninit;
                    InitResult::Error(r)
                }
            };
        }
        match self.prog.class(class).clinit {
            None => {
                self.rt.init[class as usize] = Init::Done;
                InitResult::Ready
            }
            Some(clinit) => {
                let pc = self.top_frame().pc;
                if !self.push_java_frame(clinit, pc, FrameKind::Clinit(class)) {
                    self.rt.init[class as usize] = Init::Uninit;
                    return InitResult::Error(Raise::new("java/lang/StackOverflowError", None));
                }
                InitResult::Pending
            }
        }
    }

    /// The classes step 7 of JLS 12.4.2 initializes before a class: for a class, its
    /// superclass, then the superinterfaces (direct or not) that declare a non-abstract,
    /// non-static method, each interface's superinterfaces before itself, in the order of the
    /// `implements` and `extends` clauses. Interfaces initialize none.
    pub(crate) fn init_supers(&self, class: ClassId) -> Vec<ClassId> {
        fn post(prog: &crate::class::Program, i: ClassId, out: &mut Vec<ClassId>) {
            for &j in &prog.class(i).interfaces {
                post(prog, j, out);
            }
            let declares = prog.class(i).methods.iter().any(|&m| {
                let m = prog.method(m);
                !m.is_static() && !m.is_abstract() && &*m.name != "<clinit>"
            });
            if declares && !out.contains(&i) {
                out.push(i);
            }
        }
        let c = self.prog.class(class);
        if c.is_interface() || !matches!(c.kind, ClassKind::Instance) {
            return Vec::new();
        }
        let mut out: Vec<ClassId> = c.super_class.into_iter().collect();
        for &i in &c.interfaces {
            post(&self.prog, i, &mut out);
        }
        out
    }

    /// Pushes `jdk.internal.phantom.ClassInit.initialize(class)` as the frame that initializes
    /// `class` (kind `Clinit`), returning to `caller_pc`. Its argument goes just above the
    /// caller's operand stack, which stays as it is.
    fn push_init_driver(&mut self, class: ClassId, caller_pc: u32) -> Result<(), Raise> {
        let driver_class = self.load_class("jdk/internal/phantom/ClassInit")?;
        let driver = self
            .prog
            .resolve_method(driver_class, "initialize", "(Ljava/lang/Class;)V")
            .ok_or_else(|| {
                Raise::new(
                    "java/lang/NoSuchMethodError",
                    Some("jdk.internal.phantom.ClassInit.initialize".into()),
                )
            })?;
        // The driver's class has no static initializer and no super to wait for.
        self.rt.init[driver_class as usize] = Init::Done;
        if let Err(e) = self.prog.code(driver) {
            return Err(Raise::new("java/lang/VerifyError", Some(e.to_string())));
        }
        let mirror = self.mirror(class)?;
        let t = self.rt.current;
        let thread = &mut self.rt.threads[t];
        let sp = thread.frames.last().map(|f| f.sp as usize).unwrap_or(0);
        if sp >= crate::interp::MAX_SLOTS {
            return Err(Raise::new("java/lang/StackOverflowError", None));
        }
        if thread.slots.len() <= sp {
            thread.slots.resize(sp + 1, Value::Top);
        }
        thread.slots[sp] = Value::Ref(mirror);
        if !interp::push_frame(
            &self.prog,
            &mut thread.frames,
            &mut thread.slots,
            driver,
            caller_pc,
            sp + 1,
            FrameKind::Clinit(class),
        ) {
            return Err(Raise::new("java/lang/StackOverflowError", None));
        }
        Ok(())
    }

    fn set_constant_values(&mut self, class: ClassId) -> Result<(), Raise> {
        let Some(file) = self.prog.class(class).file.clone() else {
            return Ok(());
        };
        for (f, decl) in self
            .prog
            .class(class)
            .fields
            .clone()
            .iter()
            .zip(&file.fields)
        {
            let (true, Some(index)) = (f.is_static(), decl.constant) else {
                continue;
            };
            let v = match &file.cp[index as usize] {
                Const::Int(v) => Value::Int(*v),
                Const::Long(v) => Value::Long(*v),
                Const::Float(v) => Value::Float(*v),
                Const::Double(v) => Value::Double(*v),
                Const::String(s) => Value::Ref(self.rt.intern(s).map_err(|_| oom())?),
                _ => continue,
            };
            self.rt.statics[class as usize][f.slot as usize] = v;
        }
        Ok(())
    }

    /// Pushes a frame for a Java method whose arguments are on top of the current frame's
    /// operand stack; the caller resumes at `caller_pc`. False on stack overflow.
    pub(crate) fn push_java_frame(
        &mut self,
        method: MethodId,
        caller_pc: u32,
        kind: FrameKind,
    ) -> bool {
        let t = self.rt.current;
        let thread = &mut self.rt.threads[t];
        let sp = thread.frames.last().map(|f| f.sp as usize).unwrap_or(0);
        interp::push_frame(
            &self.prog,
            &mut thread.frames,
            &mut thread.slots,
            method,
            caller_pc,
            sp,
            kind,
        )
    }

    /// Completes the instruction the inner loop handed back as slow.
    pub(crate) fn slow(&mut self) {
        if let Err(r) = self.try_slow() {
            self.raise(r);
        }
    }

    fn try_slow(&mut self) -> Result<(), Raise> {
        let insn = self.current_insn();
        match insn {
            Insn::Ldc(index) => {
                let v = match self.cp_entry(index) {
                    Const::String(s) => self.rt.intern(&s).map_err(|_| oom())?,
                    Const::Class(name) => {
                        let c = self.resolve_class(&name)?;
                        self.mirror(c)?
                    }
                    other => {
                        return Err(Raise::new(
                            "java/lang/BootstrapMethodError",
                            Some(format!("phantom does not support ldc of {other:?}")),
                        ));
                    }
                };
                self.rewrite(Insn::PushRef(v));
            }
            Insn::GetStatic(index) | Insn::PutStatic(index) => {
                let Const::Field(m) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&m.class)?;
                let (decl, field) = self
                    .prog
                    .resolve_field(c, &m.name, &m.desc)
                    .ok_or_else(|| no_such_field(&m.class, &m.name))?;
                if !field.is_static() {
                    return Err(Raise::new(
                        "java/lang/IncompatibleClassChangeError",
                        Some(format!(
                            "Expected static field {}.{}",
                            m.class.replace('/', "."),
                            m.name
                        )),
                    ));
                }
                match self.ensure_init(decl) {
                    InitResult::Ready => {}
                    InitResult::Pending => return Ok(()),
                    InitResult::Error(r) => return Err(r),
                }
                let wide = field.kind.slots() == 2;
                if self.rt.init[decl as usize] != Init::Done {
                    // This thread is initializing the class: run the access once. Quickened, it
                    // would let other threads skip waiting for the initialization (step 2).
                    let slot = field.slot as usize;
                    if matches!(insn, Insn::GetStatic(_)) {
                        let v = self.rt.statics[decl as usize][slot];
                        self.push(v);
                    } else {
                        let v = self.pop_slots(if wide { 2 } else { 1 })[0];
                        self.rt.statics[decl as usize][slot] = v;
                    }
                    self.advance();
                    return Ok(());
                }
                self.rewrite(if matches!(insn, Insn::GetStatic(_)) {
                    Insn::GetStaticQ {
                        class: decl,
                        slot: field.slot,
                        wide,
                    }
                } else {
                    Insn::PutStaticQ {
                        class: decl,
                        slot: field.slot,
                        wide,
                    }
                });
            }
            Insn::GetField(index) | Insn::PutField(index) => {
                let Const::Field(m) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&m.class)?;
                let (_, field) = self
                    .prog
                    .resolve_field(c, &m.name, &m.desc)
                    .ok_or_else(|| no_such_field(&m.class, &m.name))?;
                if field.is_static() {
                    return Err(Raise::new(
                        "java/lang/IncompatibleClassChangeError",
                        Some(format!(
                            "Expected non-static field {}.{}",
                            m.class.replace('/', "."),
                            m.name
                        )),
                    ));
                }
                let wide = field.kind.slots() == 2;
                self.rewrite(if matches!(insn, Insn::GetField(_)) {
                    Insn::GetFieldQ {
                        slot: field.slot,
                        wide,
                    }
                } else {
                    Insn::PutFieldQ {
                        slot: field.slot,
                        wide,
                    }
                });
            }
            Insn::InvokeStatic(index) => {
                let Const::Method(m) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&m.class)?;
                let mid = self.resolve_method(c, &m.class, &m.name, &m.desc)?;
                if !self.prog.method(mid).is_static() {
                    return Err(Raise::new(
                        "java/lang/IncompatibleClassChangeError",
                        Some(format!(
                            "Expected static method {}",
                            self.pretty_method(mid)
                        )),
                    ));
                }
                let decl = self.prog.method(mid).class;
                match self.ensure_init(decl) {
                    InitResult::Ready => {}
                    InitResult::Pending => return Ok(()),
                    InitResult::Error(r) => return Err(r),
                }
                if self.rt.init[decl as usize] != Init::Done {
                    // Called while this thread initializes the class: not quickened (step 2).
                    self.invoke(mid);
                    return Ok(());
                }
                self.rewrite(Insn::InvokeDirect {
                    method: mid,
                    has_receiver: false,
                });
            }
            Insn::InvokeSpecial(index) => {
                let Const::Method(m) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&m.class)?;
                let mut mid = self.resolve_method(c, &m.class, &m.name, &m.desc)?;
                let current = self.prog.method(self.top_frame().method).class;
                let target = self.prog.class(c);
                if &*m.name != "<init>"
                    && !target.is_interface()
                    && c != current
                    && self.prog.is_assignable(current, c)
                {
                    // A super call: select from the current class's superclass (ACC_SUPER).
                    if let Some(s) = self.prog.class(current).super_class
                        && let Some(found) = self.prog.resolve_method(s, &m.name, &m.desc)
                    {
                        mid = found;
                    }
                }
                if self.prog.method(mid).is_static() {
                    return Err(Raise::new(
                        "java/lang/IncompatibleClassChangeError",
                        Some(format!(
                            "Expecting non-static method {}",
                            self.pretty_method(mid)
                        )),
                    ));
                }
                self.rewrite(Insn::InvokeDirect {
                    method: mid,
                    has_receiver: true,
                });
            }
            Insn::InvokeVirtual(index) | Insn::InvokeInterface(index) => {
                let Const::Method(m) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                if &*m.class == "java/lang/invoke/MethodHandle"
                    && matches!(&*m.name, "invoke" | "invokeExact")
                {
                    // Signature polymorphic: every call goes through the handle's Java code.
                    return self.call_handle(&m.desc, &*m.name == "invokeExact");
                }
                let c = self.resolve_class(&m.class)?;
                let mid = self.resolve_method(c, &m.class, &m.name, &m.desc)?;
                let method = self.prog.method(mid);
                if method.is_static() {
                    return Err(Raise::new(
                        "java/lang/IncompatibleClassChangeError",
                        Some(format!(
                            "Expecting non-static method {}",
                            self.pretty_method(mid)
                        )),
                    ));
                }
                let arg_slots = method.arg_slots;
                let final_class = self.prog.class(method.class).access & acc::FINAL != 0;
                let direct = method.access & acc::PRIVATE != 0
                    || (matches!(insn, Insn::InvokeVirtual(_))
                        && (method.access & acc::FINAL != 0 || final_class));
                let q = if direct {
                    Insn::InvokeDirect {
                        method: mid,
                        has_receiver: true,
                    }
                } else if let (Insn::InvokeVirtual(_), Some(vindex)) = (insn, method.vindex) {
                    Insn::InvokeVirtualQ { vindex, arg_slots }
                } else {
                    Insn::InvokeInterfaceQ {
                        selector: method.selector,
                        arg_slots,
                        cached_class: u32::MAX,
                        cached_method: 0,
                    }
                };
                self.rewrite(q);
            }
            Insn::InvokeInterfaceQ {
                selector,
                arg_slots,
                ..
            } => {
                // The receiver's class has no implementation of the interface method.
                let recv = self.peek(arg_slots as usize - 1).reference();
                let class = self
                    .rt
                    .heap
                    .get(recv)
                    .map(|o| o.class)
                    .unwrap_or(self.rt.known.object);
                let (name, desc) = self.prog.selector_name(selector).clone();
                return Err(Raise::new(
                    "java/lang/AbstractMethodError",
                    Some(format!(
                        "Receiver class {} does not define or inherit an implementation of the resolved method '{}'",
                        self.prog.class(class).java_name(),
                        pretty_sig(&name, &desc, None)
                    )),
                ));
            }
            Insn::InvokeDynamic(index) => {
                if let Some(site) = self.link_call_site(index)? {
                    self.rewrite(Insn::InvokeSite(site));
                }
            }
            Insn::InvokeSite(site) => return self.run_call_site(site),
            Insn::New(index) => {
                let Const::Class(name) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&name)?;
                let cls = self.prog.class(c);
                if cls.access & (acc::ABSTRACT | acc::INTERFACE) != 0
                    || !matches!(cls.kind, ClassKind::Instance)
                {
                    return Err(Raise::new(
                        "java/lang/InstantiationError",
                        Some(cls.java_name()),
                    ));
                }
                match self.ensure_init(c) {
                    InitResult::Ready => {}
                    InitResult::Pending => return Ok(()),
                    InitResult::Error(r) => return Err(r),
                }
                if self.rt.init[c as usize] != Init::Done {
                    // Allocated while this thread initializes the class: not quickened (step 2).
                    let r = self
                        .rt
                        .heap
                        .alloc_fields(c, &self.prog.class(c).zeroed)
                        .map_err(|_| oom())?;
                    self.push(Value::Ref(r));
                    self.advance();
                    return Ok(());
                }
                self.rewrite(Insn::NewQ(c));
            }
            Insn::InitQ(c) => {
                match self.ensure_init(c) {
                    InitResult::Ready => {}
                    InitResult::Pending => return Ok(()),
                    InitResult::Error(r) => return Err(r),
                }
                if self.rt.init[c as usize] == Init::Done {
                    self.rewrite(Insn::Nop);
                }
                self.advance();
            }
            Insn::NewQ(c) => {
                let r = self
                    .rt
                    .heap
                    .alloc_fields(c, &self.prog.class(c).zeroed)
                    .map_err(|_| oom())?;
                self.push(Value::Ref(r));
                self.advance();
            }
            Insn::NewArray(atype) => {
                let n = self.peek(0).int();
                if n < 0 {
                    return Err(Raise::new(
                        "java/lang/NegativeArraySizeException",
                        Some(n.to_string()),
                    ));
                }
                let elem = match atype {
                    4 => Kind::Boolean,
                    5 => Kind::Char,
                    6 => Kind::Float,
                    7 => Kind::Double,
                    8 => Kind::Byte,
                    9 => Kind::Short,
                    10 => Kind::Int,
                    _ => Kind::Long,
                };
                let class = self.rt.known.prim_arrays[(atype - 4) as usize];
                let r = self.new_array(class, elem, n as usize)?;
                self.pop_slots(1);
                self.push(Value::Ref(r));
                self.advance();
            }
            Insn::ANewArray(index) => {
                let Const::Class(name) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&name)?;
                let a = self.prog.array_of(c);
                self.rt.sync_classes(&self.prog);
                self.rewrite(Insn::ANewArrayQ(a));
            }
            Insn::ANewArrayQ(a) => {
                let n = self.peek(0).int();
                if n < 0 {
                    return Err(Raise::new(
                        "java/lang/NegativeArraySizeException",
                        Some(n.to_string()),
                    ));
                }
                let r = self.new_array(a, Kind::Ref, n as usize)?;
                self.pop_slots(1);
                self.push(Value::Ref(r));
                self.advance();
            }
            Insn::MultiANewArray(index, dims) => {
                let Const::Class(name) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&name)?;
                self.rewrite(Insn::MultiANewArrayQ(c, dims));
            }
            Insn::MultiANewArrayQ(class, dims) => {
                let counts: Vec<i32> = self
                    .pop_slots(dims as usize)
                    .iter()
                    .map(|v| v.int())
                    .collect();
                if let Some(&n) = counts.iter().find(|&&n| n < 0) {
                    // Put the operands back so the exception is raised at this instruction.
                    for c in &counts {
                        self.push(Value::Int(*c));
                    }
                    return Err(Raise::new(
                        "java/lang/NegativeArraySizeException",
                        Some(n.to_string()),
                    ));
                }
                let r = self.multi_array(class, &counts)?;
                self.push(Value::Ref(r));
                self.advance();
            }
            Insn::CheckCast(index) | Insn::InstanceOf(index) => {
                let Const::Class(name) = self.cp_entry(index) else {
                    unreachable_cp()
                };
                let c = self.resolve_class(&name)?;
                self.rewrite(if matches!(insn, Insn::CheckCast(_)) {
                    Insn::CheckCastQ(c)
                } else {
                    Insn::InstanceOfQ(c)
                });
            }
            Insn::CheckCastQ(target) => {
                let r = self.peek(0).reference();
                let from = self.rt.heap.get(r).map(|o| o.class).unwrap_or(target);
                if !self.prog.is_assignable(from, target) {
                    return Err(Raise::new(
                        "java/lang/ClassCastException",
                        Some(self.cast_message(from, target)),
                    ));
                }
                self.advance();
            }
            Insn::ArrayStore(Elem::Ref) => {
                let value = self.peek(0).reference();
                let index = self.peek(1).int();
                let array = self.peek(2).reference();
                let Some(obj) = self.rt.heap.get(array) else {
                    return Err(Raise::null_pointer());
                };
                let len = obj.data.array_len().unwrap_or(0);
                if index < 0 || index as usize >= len {
                    return Err(Raise::new(
                        "java/lang/ArrayIndexOutOfBoundsException",
                        Some(format!("Index {index} out of bounds for length {len}")),
                    ));
                }
                let array_class = obj.class;
                if value != NULL {
                    let vclass = self.rt.heap.get(value).map(|o| o.class).unwrap_or(0);
                    if let ClassKind::Array { component, .. } = self.prog.class(array_class).kind
                        && !self.prog.is_assignable(vclass, component)
                    {
                        return Err(Raise::new(
                            "java/lang/ArrayStoreException",
                            Some(self.prog.class(vclass).java_name()),
                        ));
                    }
                }
                let _ = self
                    .rt
                    .heap
                    .store_element(array, index as usize, Value::Ref(value));
                self.pop_slots(3);
                self.advance();
            }
            Insn::MonitorEnter => {
                let r = self.peek(0).reference();
                self.thread().state = ThreadState::Blocked {
                    on: r,
                    count: 0,
                    notified: false,
                };
            }
            other => {
                return Err(Raise::new(
                    "java/lang/InternalError",
                    Some(format!("phantom: unexpected slow path for {other:?}")),
                ));
            }
        }
        Ok(())
    }

    fn resolve_method(
        &mut self,
        class: ClassId,
        class_name: &str,
        name: &str,
        desc: &str,
    ) -> Result<MethodId, Raise> {
        self.prog.resolve_method(class, name, desc).ok_or_else(|| {
            let sig = pretty_sig(name, desc, Some(&class_name.replace('/', ".")));
            Raise::new(
                "java/lang/NoSuchMethodError",
                Some(if crate::classpath::is_jdk_name(class_name) {
                    format!("'{sig}' (phantom's class library does not provide this method yet)")
                } else {
                    format!("'{sig}'")
                }),
            )
        })
    }

    /// `'void Foo.bar(int)'` style description of a method, as HotSpot prints it.
    pub(crate) fn pretty_method(&self, mid: MethodId) -> String {
        let m = self.prog.method(mid);
        pretty_sig(
            &m.name,
            &m.desc,
            Some(&self.prog.class(m.class).java_name()),
        )
    }

    fn cast_message(&self, from: ClassId, to: ClassId) -> String {
        // Arrays live in the module of their element class; primitive ones in java.base.
        let module = |c: ClassId| {
            let mut c = c;
            while let ClassKind::Array { component, .. } = self.prog.class(c).kind {
                c = component;
            }
            match (self.prog.class(c).kind, self.prog.class(c).origin) {
                (ClassKind::Primitive(_), _) | (_, crate::classpath::Origin::Library) => {
                    "module java.base of loader 'bootstrap'"
                }
                _ => "unnamed module of loader 'app'",
            }
        };
        let (f, t) = (
            self.prog.class(from).java_name(),
            self.prog.class(to).java_name(),
        );
        let (fm, tm) = (module(from), module(to));
        if fm == tm {
            format!("class {f} cannot be cast to class {t} ({f} and {t} are in {fm})")
        } else {
            format!("class {f} cannot be cast to class {t} ({f} is in {fm}; {t} is in {tm})")
        }
    }

    pub(crate) fn new_array(&mut self, class: ClassId, elem: Kind, n: usize) -> Result<Ref, Raise> {
        let elem_size = match elem {
            Kind::Long | Kind::Double => 8,
            Kind::Int | Kind::Float | Kind::Ref => 4,
            Kind::Char | Kind::Short => 2,
            _ => 1,
        };
        if n > i32::MAX as usize - 2 {
            return Err(Raise::new(
                "java/lang/OutOfMemoryError",
                Some("Requested array size exceeds VM limit".into()),
            ));
        }
        if self.rt.heap.would_exceed(n * elem_size) {
            self.collect_garbage();
            if self.rt.heap.would_exceed(n * elem_size) {
                return Err(oom());
            }
        }
        let kind = raw_kind::of_elem(elem);
        self.rt.heap.alloc_array(class, kind, n).map_err(|_| oom())
    }

    fn multi_array(&mut self, class: ClassId, counts: &[i32]) -> Result<Ref, Raise> {
        let ClassKind::Array { component, elem } = self.prog.class(class).kind else {
            return Err(Raise::new(
                "java/lang/InternalError",
                Some("multianewarray of a non-array class".into()),
            ));
        };
        let n = counts[0] as usize;
        let r = self.new_array(class, elem, n)?;
        if counts.len() > 1 {
            // Allocating the inner arrays may collect: the outer one must stay reachable.
            self.pinned.push(r);
            for i in 0..n {
                let sub = match self.multi_array(component, &counts[1..]) {
                    Ok(sub) => sub,
                    Err(e) => {
                        self.pinned.pop();
                        return Err(e);
                    }
                };
                let _ = self.rt.heap.store_element(r, i, Value::Ref(sub));
            }
            self.pinned.pop();
        }
        Ok(r)
    }

    /// The `java.lang.Class` object of a class, created on first request.
    pub(crate) fn mirror(&mut self, class: ClassId) -> Result<Ref, Raise> {
        let existing = self.rt.mirrors[class as usize];
        if existing != NULL {
            return Ok(existing);
        }
        let cc = self.rt.known.class;
        let r = self
            .rt
            .heap
            .alloc_fields(cc, &self.prog.class(cc).zeroed)
            .map_err(|_| oom())?;
        self.rt.mirrors[class as usize] = r;
        self.rt.mirror_of.insert(r, class);
        Ok(r)
    }

    /// The class a `java.lang.Class` object stands for.
    pub(crate) fn class_of_mirror(&self, mirror: Ref) -> Option<ClassId> {
        self.rt.mirror_of.get(&mirror).copied()
    }

    /// A call the inner loop left to the outer loop: native, synchronized or abstract.
    pub(crate) fn invoke(&mut self, mid: MethodId) {
        let m = self.prog.method(mid);
        if let Some(f) = m.intrinsic {
            let (n, ret) = (m.arg_slots as usize, m.sig.ret);
            let args = self.pop_slots(n);
            if ret != Kind::Void {
                self.push(f(&args));
            }
            return self.advance();
        }
        if m.is_abstract() {
            let r = Raise::new(
                "java/lang/AbstractMethodError",
                Some(self.pretty_method(mid)),
            );
            return self.raise(r);
        }
        if !m.has_code {
            return match m.native {
                Some(f) => self.call_native(mid, f),
                None => {
                    let msg = format!("'{}'", self.pretty_method(mid));
                    self.in_native = Some(mid);
                    self.raise(Raise::new("java/lang/UnsatisfiedLinkError", Some(msg)));
                    self.in_native = None;
                }
            };
        }
        // First call: decode the bytecode, and report it if it is malformed.
        if let Err(e) = self.prog.code(mid) {
            return self.raise(Raise::new("java/lang/VerifyError", Some(e.to_string())));
        }
        let m = self.prog.method(mid);
        if m.access & acc::SYNCHRONIZED == 0 {
            let pc = self.top_frame().pc + 1;
            if !self.push_java_frame(mid, pc, FrameKind::Normal) {
                self.raise(Raise::new("java/lang/StackOverflowError", None));
            }
            return;
        }
        // A synchronized method: take the monitor of the receiver (or the class) first.
        let lock = if m.is_static() {
            match self.mirror(m.class) {
                Ok(r) => r,
                Err(r) => return self.raise(r),
            }
        } else {
            self.peek(m.arg_slots as usize - 1).reference()
        };
        if !self.try_lock(lock) {
            self.thread().state = ThreadState::Blocked {
                on: lock,
                count: 0,
                notified: false,
            };
            return;
        }
        let pc = self.top_frame().pc + 1;
        if !self.push_java_frame(mid, pc, FrameKind::Normal) {
            self.unlock(lock);
            return self.raise(Raise::new("java/lang/StackOverflowError", None));
        }
        self.top_mut().sync = lock;
    }

    pub(crate) fn try_lock(&mut self, obj: Ref) -> bool {
        let me = self.rt.current as u32;
        match self.rt.monitors.get_mut(&obj) {
            None => {
                self.rt.monitors.insert(
                    obj,
                    Monitor {
                        owner: me,
                        count: 1,
                    },
                );
                true
            }
            Some(m) if m.owner == me => {
                m.count += 1;
                true
            }
            Some(_) => false,
        }
    }

    pub(crate) fn unlock(&mut self, obj: Ref) {
        let me = self.rt.current as u32;
        if let Some(m) = self.rt.monitors.get_mut(&obj)
            && m.owner == me
        {
            m.count -= 1;
            if m.count == 0 {
                self.rt.monitors.remove(&obj);
            }
        }
    }

    fn call_native(&mut self, mid: MethodId, f: crate::natives::NativeFn) {
        let m = self.prog.method(mid);
        let n = m.arg_slots as usize;
        let ret = m.sig.ret;
        let t = self.rt.current;
        let args: Vec<Value> = {
            let thread = &self.rt.threads[t];
            let sp = thread.frames.last().expect("caller frame").sp as usize;
            thread.slots[sp - n..sp].to_vec()
        };
        // While it runs and while what it raises is thrown, traces show the native on top.
        self.in_native = Some(mid);
        let result = f(self, &args);
        if !matches!(result, Native::Raise(_)) {
            self.in_native = None;
        }
        match result {
            Native::Return(v) => {
                if self.exit_status.is_some() {
                    return;
                }
                self.pop_slots(n);
                if ret != Kind::Void {
                    self.push(v);
                }
                self.advance();
            }
            Native::Raise(r) => {
                self.raise(r);
                self.in_native = None;
            }
            Native::Throw(obj) => self.throw(obj),
            Native::Call { method, args } => {
                // The callee runs in the native's place: its arguments replace the native's,
                // and it returns to the instruction after the native's call.
                self.pop_slots(n);
                let need: usize = args.iter().map(|v| if v.is_wide() { 2 } else { 1 }).sum();
                let t = self.rt.current;
                let sp = self.top_frame().sp as usize;
                if sp + need + 1 > interp::MAX_SLOTS {
                    return self.raise(Raise::new("java/lang/StackOverflowError", None));
                }
                let slots = &mut self.rt.threads[t].slots;
                if slots.len() < sp + need + 1 {
                    slots.resize(sp + need + 1, Value::Top);
                }
                for a in args {
                    self.push(a);
                }
                let callee = self.prog.method(method);
                if !callee.has_code {
                    // A native, intrinsic or abstract callee runs as if called from the
                    // native's own call instruction. (Natives reachable here never answer
                    // `Retry`, which would run that instruction again.)
                    return self.invoke(method);
                }
                if let Err(e) = self.prog.code(method) {
                    return self.raise(Raise::new("java/lang/VerifyError", Some(e.to_string())));
                }
                let callee = self.prog.method(method);
                let lock = if callee.access & acc::SYNCHRONIZED == 0 {
                    NULL
                } else if callee.is_static() {
                    match self.mirror(callee.class) {
                        Ok(r) => r,
                        Err(r) => return self.raise(r),
                    }
                } else {
                    self.peek(callee.arg_slots as usize - 1).reference()
                };
                let pc = self.top_frame().pc + 1;
                if !self.push_java_frame(method, pc, FrameKind::Normal) {
                    return self.raise(Raise::new("java/lang/StackOverflowError", None));
                }
                if lock != NULL {
                    // The frame holds the monitor; if another thread has it, this thread
                    // waits to take it with the frame already pushed (nothing runs again).
                    self.top_mut().sync = lock;
                    if !self.try_lock(lock) {
                        self.thread().state = ThreadState::Blocked {
                            on: lock,
                            count: 1,
                            notified: true,
                        };
                    }
                }
            }
            Native::Block(state, v) => {
                self.pop_slots(n);
                if ret != Kind::Void {
                    self.push(v);
                }
                self.advance();
                self.thread().state = state;
            }
            Native::Retry(state) => self.thread().state = state,
        }
    }

    /// Calls a method handle from an `invokevirtual` of `MethodHandle.invoke` or `invokeExact`
    /// whose call site has descriptor `desc`: the arguments are boxed into an `Object[]`, and
    /// `MethodHandle.invokeFromSite` runs as a frame of kind `Unbox`, whose boxed result becomes
    /// the call's result of the site's return type. The caller continues after the call.
    fn call_handle(&mut self, desc: &str, exact: bool) -> Result<(), Raise> {
        let sig = MethodSig::parse(desc)
            .map_err(|e| Raise::new("java/lang/ClassFormatError", Some(e.to_string())))?;
        let n = sig.arg_slots() + 1;
        let t = self.rt.current;
        let (receiver, values) = {
            let thread = &self.rt.threads[t];
            let sp = thread.frames.last().expect("a running frame").sp as usize;
            let receiver = thread.slots[sp - n].reference();
            let mut values = Vec::with_capacity(sig.args.len());
            let mut i = sp - n + 1;
            for k in &sig.args {
                values.push((*k, thread.slots[i]));
                i += k.slots();
            }
            (receiver, values)
        };
        if receiver == NULL {
            return Err(Raise::null_pointer());
        }
        let mut boxed = Vec::with_capacity(values.len());
        for (k, v) in values {
            boxed.push(match k {
                Kind::Ref => v.reference(),
                _ => self.boxed(k, v)?,
            });
        }
        let array = self
            .rt
            .heap
            .alloc(self.rt.known.object_array, Data::Refs(boxed.into()))
            .map_err(|_| oom())?;
        let desc_string = self.rt.intern(desc).map_err(|_| oom())?;
        let handle_class = self.load_class("java/lang/invoke/MethodHandle")?;
        let target = self
            .prog
            .resolve_method(
                handle_class,
                "invokeFromSite",
                "([Ljava/lang/Object;Ljava/lang/String;Z)Ljava/lang/Object;",
            )
            .ok_or_else(|| {
                Raise::new(
                    "java/lang/NoSuchMethodError",
                    Some("java.lang.invoke.MethodHandle.invokeFromSite".into()),
                )
            })?;
        if let Err(e) = self.prog.code(target) {
            return Err(Raise::new("java/lang/VerifyError", Some(e.to_string())));
        }
        self.pop_slots(n);
        for v in [
            Value::Ref(receiver),
            Value::Ref(array),
            Value::Ref(desc_string),
            Value::Int(exact as i32),
        ] {
            self.push_unchecked(v);
        }
        let pc = self.top_frame().pc + 1;
        if !self.push_java_frame(target, pc, FrameKind::Unbox(sig.ret)) {
            return Err(Raise::new("java/lang/StackOverflowError", None));
        }
        Ok(())
    }

    /// Pushes onto the current frame's operand stack, growing the thread's slots if the value
    /// goes past the frame's declared maximum (the arguments of a call the VM makes itself).
    fn push_unchecked(&mut self, v: Value) {
        let t = self.rt.current;
        let thread = &mut self.rt.threads[t];
        let sp = thread.frames.last().expect("a running frame").sp as usize;
        if thread.slots.len() < sp + 2 {
            thread.slots.resize(sp + 2, Value::Top);
        }
        self.push(v);
    }

    /// A new wrapper object (`Integer`, `Long`, ...) holding a primitive value.
    pub(crate) fn boxed(&mut self, kind: Kind, v: Value) -> Result<Ref, Raise> {
        if matches!(kind, Kind::Ref | Kind::Void) {
            return Ok(v.reference());
        }
        let wrapper = crate::indy::box_class(kind);
        let c = self.load_class(wrapper)?;
        let slot = self
            .prog
            .class(c)
            .fields
            .iter()
            .find(|f| &*f.name == "value" && !f.is_static())
            .map(|f| f.slot as usize)
            .ok_or_else(|| {
                Raise::new("java/lang/InternalError", Some(format!("{wrapper}.value")))
            })?;
        let zeroed = self.prog.class(c).zeroed.clone();
        let r = self.rt.heap.alloc_fields(c, &zeroed).map_err(|_| oom())?;
        self.rt.set_field(r, slot, v);
        Ok(r)
    }

    /// The value of kind `kind` a wrapper object holds: it must be exactly that kind's
    /// wrapper (`NullPointerException` for null, `ClassCastException` otherwise).
    pub(crate) fn unboxed_as(&self, r: Ref, kind: Kind) -> Result<Value, Raise> {
        let Some(obj) = self.rt.heap.get(r) else {
            return Err(Raise::null_pointer());
        };
        if matches!(kind, Kind::Ref | Kind::Void) {
            return Ok(Value::Ref(r));
        }
        let wrapper = crate::indy::box_class(kind);
        let class = &self.prog.class(obj.class).name;
        if &**class != wrapper {
            return Err(Raise::new(
                "java/lang/ClassCastException",
                Some(format!(
                    "class {} cannot be cast to class {}",
                    class.replace('/', "."),
                    wrapper.replace('/', ".")
                )),
            ));
        }
        self.unboxed(r).ok_or_else(Raise::null_pointer)
    }

    /// The primitive value a wrapper object holds, or `None` for null.
    pub(crate) fn unboxed(&self, r: Ref) -> Option<Value> {
        let class = self.rt.heap.get(r)?.class;
        let field = self
            .prog
            .class(class)
            .fields
            .iter()
            .find(|f| &*f.name == "value" && !f.is_static())?;
        Some(self.rt.field(r, field.slot as usize))
    }

    /// A frame with special meaning returns (or the thread's last frame does).
    pub(crate) fn special_return(&mut self) {
        let f = self.top_frame();
        let m = self.prog.method(f.method);
        let n = m.sig.ret.slots();
        let t = self.rt.current;
        let result: Vec<Value> = {
            let thread = &self.rt.threads[t];
            thread.slots[f.sp as usize - n..f.sp as usize].to_vec()
        };
        if f.sync != NULL {
            self.unlock(f.sync);
        }
        if let FrameKind::Clinit(c) = f.kind {
            self.rt.init[c as usize] = Init::Done;
        }
        self.rt.threads[t].frames.pop();
        if f.kind == FrameKind::Final || self.rt.threads[t].frames.is_empty() {
            self.rt.threads[t].frames.clear();
            return self.end_thread();
        }
        if let FrameKind::Clinit(_) = f.kind {
            // The caller re-runs the instruction that triggered initialization.
            return;
        }
        if let FrameKind::Unbox(kind) = f.kind {
            // A method handle call returns its boxed result as the call site's type.
            let boxed = result.first().map(|v| v.reference()).unwrap_or(NULL);
            let v = match kind {
                Kind::Void => return,
                Kind::Ref => Value::Ref(boxed),
                _ => match self.unboxed_as(boxed, kind) {
                    Ok(v) => v,
                    Err(r) => return self.raise(r),
                },
            };
            return self.push(v);
        }
        let thread = &mut self.rt.threads[t];
        let caller = thread.frames.last_mut().expect("checked not empty");
        let dest = caller.sp as usize;
        thread.slots[dest..dest + n].copy_from_slice(&result);
        caller.sp += n as u32;
    }

    /// The current thread has finished.
    pub(crate) fn end_thread(&mut self) {
        let t = self.rt.current;
        self.rt.threads[t].state = ThreadState::Terminated;
        self.rt.threads[t].slots = Vec::new();
        // Release whatever monitors it still holds.
        self.rt.monitors.retain(|_, m| m.owner != t as u32);
    }
}

fn oom() -> Raise {
    Raise::new("java/lang/OutOfMemoryError", Some("Java heap space".into()))
}

#[cold]
fn unreachable_cp() -> ! {
    unreachable!("decoding checked the constant kind of every instruction")
}

/// Java's name of a descriptor type: `int`, `java.lang.String`, `int[]`.
pub(crate) fn type_name(desc: &str) -> String {
    let dims = desc.bytes().take_while(|&b| b == b'[').count();
    let base = &desc[dims..];
    let name = match base.as_bytes().first() {
        Some(b'L') => base[1..base.len() - 1].replace('/', "."),
        Some(&c) => Kind::of_char(c)
            .map(primitive_name)
            .unwrap_or("?")
            .to_string(),
        None => "?".to_string(),
    };
    format!("{name}{}", "[]".repeat(dims))
}

/// `void Foo.bar(int, java.lang.String)`.
pub(crate) fn pretty_sig(name: &str, desc: &str, class: Option<&str>) -> String {
    let Ok(sig) = MethodSig::parse(desc) else {
        return format!("{name}{desc}");
    };
    let args: Vec<String> = sig.arg_descs.iter().map(|d| type_name(d)).collect();
    let ret = if sig.ret == Kind::Void {
        "void".to_string()
    } else {
        type_name(&sig.ret_desc)
    };
    match class {
        Some(c) => format!("{ret} {c}.{name}({})", args.join(", ")),
        None => format!("{ret} {name}({})", args.join(", ")),
    }
}

/// The `NoSuchFieldError` for field `name` of class `class`: HotSpot's message, and a word
/// that phantom's library lacks it when the class is the JDK's.
fn no_such_field(class: &str, name: &str) -> Raise {
    let msg = if crate::classpath::is_jdk_name(class) {
        format!("{name} (phantom's class library does not provide {class}.{name} yet)")
    } else {
        name.to_string()
    };
    Raise::new("java/lang/NoSuchFieldError", Some(msg))
}
