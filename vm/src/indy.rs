//! `invokedynamic`, linked by the VM itself for the three bootstraps javac 17 emits:
//! `StringConcatFactory.makeConcatWithConstants` (string concatenation),
//! `LambdaMetafactory` (lambdas and method references) and `ObjectMethods.bootstrap`
//! (record `toString`/`equals`/`hashCode`).
//!
//! A lambda becomes a synthetic class whose one method is generated as decoded instructions
//! (load the captured fields and arguments, adapt boxing, call the implementation): it runs in
//! the interpreter like any other code, so no Rust frame ever waits for Java code.

use crate::class::MethodId;
use crate::classfile::Const;
use crate::code::{Code, Conv, Insn};
use crate::descriptor::{Kind, MethodSig, class_name_of_desc};
use crate::exec::InitResult;
use crate::heap::{ClassId, Data};
use crate::runtime::Raise;
use crate::thread::FrameKind;
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;
use std::cell::Cell;
use std::sync::Arc;

/// A linked call site.
#[derive(Debug, Clone)]
pub enum CallSite {
    /// String concatenation.
    Concat {
        /// The recipe: `\u{1}` for an argument, `\u{2}` for a constant, other text literally.
        recipe: Vec<u16>,
        /// Constants for `\u{2}`, as text: linking allocates nothing, so a site relinked while
        /// a checkpoint is restored leaves the heap as the checkpoint has it.
        constants: Vec<Box<[u16]>>,
        /// Argument kinds.
        args: Vec<Kind>,
    },
    /// A lambda or method reference: allocate the proxy class with the captured values.
    Lambda {
        /// The synthetic class.
        class: ClassId,
        /// Kinds of the captured values.
        captured: Vec<Kind>,
        /// The one instance of a non-capturing lambda.
        singleton: Ref,
    },
    /// A record's `toString`, `equals` or `hashCode`.
    Record {
        /// Which method.
        method: RecordMethod,
        /// The record class.
        class: ClassId,
        /// Component names and their field slots and kinds.
        components: Vec<(Arc<str>, u16, Kind)>,
    },
}

/// The three methods `ObjectMethods` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordMethod {
    /// `toString`
    ToString,
    /// `equals`
    Equals,
    /// `hashCode`
    HashCode,
}

fn bsm_error(what: String) -> Raise {
    Raise::new("java/lang/BootstrapMethodError", Some(what))
}

impl Vm {
    /// Links the `invokedynamic` at constant `index` of the running method's class.
    pub(crate) fn link_call_site(&mut self, index: u16) -> Result<Option<u32>, Raise> {
        let f = self.top_frame();
        let host = self.prog.method(f.method).class;
        self.link_site(host, index)
    }

    /// Links the `invokedynamic` at constant `index` of class `host`, or finds the call site
    /// already linked for it (a restored process re-finds its sites this way).
    pub(crate) fn link_site(&mut self, host: ClassId, index: u16) -> Result<Option<u32>, Raise> {
        if let Some(i) = self.prog.site_keys.iter().position(|&k| k == (host, index)) {
            return Ok(Some(i as u32));
        }
        let file = self
            .prog
            .class(host)
            .file
            .clone()
            .expect("code comes from class files");
        let Some(Const::InvokeDynamic(dy)) = file.cp.get(index as usize).cloned() else {
            return Err(bsm_error(format!(
                "constant {index} is not an invokedynamic"
            )));
        };
        let bootstrap = &file.bootstraps[dy.bootstrap as usize];
        let Some(Const::MethodHandle { member, .. }) =
            file.cp.get(bootstrap.method as usize).cloned()
        else {
            return Err(bsm_error("bootstrap is not a method handle".into()));
        };
        let args: Vec<Const> = bootstrap
            .args
            .iter()
            .map(|&a| file.cp[a as usize].clone())
            .collect();
        let sig = MethodSig::parse(&dy.desc).map_err(|e| bsm_error(e.to_string()))?;
        let site = match (&*member.class, &*member.name) {
            ("java/lang/invoke/StringConcatFactory", "makeConcatWithConstants") => {
                let Some(Const::String(recipe)) = args.first() else {
                    return Err(bsm_error("makeConcatWithConstants without a recipe".into()));
                };
                let mut constants = Vec::new();
                for c in &args[1..] {
                    let text = match c {
                        Const::String(s) => s.to_string(),
                        Const::Int(v) => v.to_string(),
                        Const::Long(v) => v.to_string(),
                        Const::Float(v) => crate::float_text::float_to_string(*v),
                        Const::Double(v) => crate::float_text::double_to_string(*v),
                        other => {
                            return Err(bsm_error(format!(
                                "unsupported concat constant {other:?}"
                            )));
                        }
                    };
                    constants.push(text.encode_utf16().collect::<Box<[u16]>>());
                }
                // The recipe must use exactly the arguments and constants it is given, as
                // StringConcatFactory checks (a crafted class may lie).
                let recipe: Vec<u16> = recipe.encode_utf16().collect();
                let wants = |unit| recipe.iter().filter(|&&u| u == unit).count();
                let (wanted_args, wanted_constants) = (wants(1), wants(2));
                if wanted_args != sig.args.len() {
                    return Err(bsm_error(format!(
                        "java.lang.invoke.StringConcatException: Mismatched number of concat arguments: recipe wants {wanted_args} arguments, but signature provides {}",
                        sig.args.len()
                    )));
                }
                if wanted_constants != constants.len() {
                    return Err(bsm_error(format!(
                        "java.lang.invoke.StringConcatException: Mismatched number of concat constants: recipe wants {wanted_constants} constants, but only {} are passed",
                        constants.len()
                    )));
                }
                CallSite::Concat {
                    recipe,
                    constants,
                    args: sig.args.clone(),
                }
            }
            ("java/lang/invoke/LambdaMetafactory", "metafactory" | "altMetafactory") => {
                match self.link_lambda(host, &dy.name, &sig, &args)? {
                    Some(site) => site,
                    None => return Ok(None),
                }
            }
            ("java/lang/runtime/ObjectMethods", "bootstrap") => {
                self.link_record(&dy.name, &args)?
            }
            (c, n) => {
                return Err(bsm_error(format!(
                    "phantom does not support the bootstrap method {}.{n}",
                    c.replace('/', ".")
                )));
            }
        };
        self.prog.sites.push(site);
        self.prog.site_keys.push((host, index));
        Ok(Some(self.prog.sites.len() as u32 - 1))
    }

    fn link_record(&mut self, name: &str, args: &[Const]) -> Result<CallSite, Raise> {
        let method = match name {
            "toString" => RecordMethod::ToString,
            "equals" => RecordMethod::Equals,
            "hashCode" => RecordMethod::HashCode,
            other => return Err(bsm_error(format!("ObjectMethods cannot make {other}"))),
        };
        let Some(Const::Class(class_name)) = args.first() else {
            return Err(bsm_error("ObjectMethods without a record class".into()));
        };
        let class = self.load_class(class_name)?;
        let names: Vec<Arc<str>> = match args.get(1) {
            Some(Const::String(s)) if s.is_empty() => Vec::new(),
            Some(Const::String(s)) => s.split(';').map(Arc::from).collect(),
            _ => return Err(bsm_error("ObjectMethods without component names".into())),
        };
        let mut components = Vec::new();
        for (name, getter) in names.iter().zip(&args[2..]) {
            let Const::MethodHandle { member, .. } = getter else {
                return Err(bsm_error(
                    "ObjectMethods getter is not a method handle".into(),
                ));
            };
            let c = self.load_class(&member.class)?;
            let (_, field) = self
                .prog
                .resolve_field(c, &member.name, &member.desc)
                .ok_or_else(|| {
                    Raise::new("java/lang/NoSuchFieldError", Some(member.name.to_string()))
                })?;
            components.push((name.clone(), field.slot, field.kind));
        }
        Ok(CallSite::Record {
            method,
            class,
            components,
        })
    }

    /// Links a lambda call site; `None` means class initialization was started and the
    /// instruction runs again afterwards.
    fn link_lambda(
        &mut self,
        host: ClassId,
        sam_name: &str,
        site_sig: &MethodSig,
        args: &[Const],
    ) -> Result<Option<CallSite>, Raise> {
        let (
            Some(Const::MethodType(sam_desc)),
            Some(Const::MethodHandle { kind, member }),
            Some(Const::MethodType(inst_desc)),
        ) = (args.first(), args.get(1), args.get(2))
        else {
            return Err(bsm_error(
                "LambdaMetafactory arguments are not (MethodType, MethodHandle, MethodType)".into(),
            ));
        };
        let iface_name = class_name_of_desc(&site_sig.ret_desc).to_string();
        let iface = self.load_class(&iface_name)?;
        let mut interfaces = vec![iface];
        // altMetafactory: flags, then marker interfaces and bridges as the flags say.
        if let Some(Const::Int(flags)) = args.get(3) {
            // FLAG_SERIALIZABLE: the lambda class also implements Serializable.
            if flags & 1 != 0 {
                interfaces.push(self.load_class("java/io/Serializable")?);
            }
            // FLAG_MARKERS: a count, then that many marker interfaces.
            if flags & 2 != 0 {
                let n = match args.get(4) {
                    Some(Const::Int(n)) => *n as usize,
                    _ => 0,
                };
                for c in args.iter().skip(5).take(n) {
                    if let Const::Class(name) = c {
                        interfaces.push(self.load_class(name)?);
                    }
                }
            }
        }
        let sam = MethodSig::parse(sam_desc).map_err(|e| bsm_error(e.to_string()))?;
        let inst = MethodSig::parse(inst_desc).map_err(|e| bsm_error(e.to_string()))?;
        let impl_class = {
            self.check_export(host, &member.class)?;
            self.load_class(&member.class)?
        };
        let impl_mid = self
            .prog
            .resolve_method(impl_class, &member.name, &member.desc)
            .ok_or_else(|| {
                Raise::new(
                    "java/lang/NoSuchMethodError",
                    Some(format!("{}.{}{}", member.class, member.name, member.desc)),
                )
            })?;
        // The box classes the generated code uses must be initialized; the class of a static
        // method or constructor is initialized when the lambda runs (`Insn::InitQ`).
        let mut need_init: Vec<ClassId> = Vec::new();
        let impl_sig = self.prog.method(impl_mid).sig.clone();
        for k in impl_sig
            .args
            .iter()
            .chain(std::iter::once(&impl_sig.ret))
            .chain(&inst.args)
            .chain(std::iter::once(&inst.ret))
        {
            if *k != Kind::Ref && *k != Kind::Void {
                need_init.push(self.load_class(box_class(*k))?);
            }
        }
        for c in need_init {
            match self.ensure_init(c) {
                InitResult::Ready => {}
                InitResult::Pending => return Ok(None),
                InitResult::Error(r) => return Err(r),
            }
        }
        let captured = site_sig.args.clone();
        let code = self.lambda_code(*kind, impl_mid, &captured, &sam, &inst)?;
        let n = self.prog.sites.len();
        let name = format!("{}$$Lambda${n}", self.prog.class(host).name);
        let class = self.prog.define_synthetic(
            &name,
            interfaces,
            captured.clone(),
            (Arc::from(sam_name), Arc::from(&**sam_desc), code),
            self.prog.class(host).origin,
        );
        self.rt.sync_classes(&self.prog);
        // Left uninitialized: the first lambda made initializes the class, and so its
        // interfaces that declare default methods (JLS 12.4.2 step 7), as on HotSpot.
        Ok(Some(CallSite::Lambda {
            class,
            captured,
            singleton: NULL,
        }))
    }

    /// Generates the body of a lambda's interface method.
    fn lambda_code(
        &mut self,
        ref_kind: u8,
        impl_mid: MethodId,
        captured: &[Kind],
        sam: &MethodSig,
        inst: &MethodSig,
    ) -> Result<Code, Raise> {
        let impl_m = self.prog.method(impl_mid);
        let impl_sig = impl_m.sig.clone();
        let impl_static = impl_m.is_static();
        let impl_arg_slots = impl_m.arg_slots;
        let mut e = Emitter::default();
        if ref_kind == 6 || ref_kind == 8 {
            e.emit(Insn::InitQ(self.prog.method(impl_mid).class), 0);
        }
        if ref_kind == 8 {
            let class = self.prog.method(impl_mid).class;
            e.emit(Insn::NewQ(class), 1);
            e.emit(Insn::Dup, 1);
        }
        // The receiver (if any) and parameters of the implementation, in order: captured
        // values first, then the interface method's arguments.
        let mut targets: Vec<(Kind, Option<String>)> = Vec::new();
        if !impl_static && ref_kind != 8 {
            targets.push((Kind::Ref, None));
        }
        for (k, d) in impl_sig.args.iter().zip(&impl_sig.arg_descs) {
            targets.push((*k, Some(d.clone())));
        }
        let field_slots: Vec<u16> = (0..captured.len() as u16).collect();
        let mut t = 0;
        for (i, &k) in captured.iter().enumerate() {
            e.emit(Insn::Load(0), 1);
            e.emit(
                Insn::GetFieldQ {
                    slot: field_slots[i],
                    wide: k.slots() == 2,
                },
                k.slots() as i32 - 1,
            );
            if let Some((tk, _)) = targets.get(t) {
                self.adapt(k, None, *tk, &mut e)?;
            }
            t += 1;
        }
        let mut local = 1u16;
        for (j, &k) in sam.args.iter().enumerate() {
            if k.slots() == 2 {
                e.emit(Insn::Load2(local), 2);
            } else {
                e.emit(Insn::Load(local), 1);
            }
            local += k.slots() as u16;
            let inst_desc = inst.arg_descs.get(j).cloned();
            if let Some((tk, _)) = targets.get(t) {
                self.adapt(k, inst_desc.as_deref(), *tk, &mut e)?;
            }
            t += 1;
        }
        let call = match ref_kind {
            6 => Insn::InvokeDirect {
                method: impl_mid,
                has_receiver: false,
            },
            7 | 8 => Insn::InvokeDirect {
                method: impl_mid,
                has_receiver: true,
            },
            _ => {
                let m = self.prog.method(impl_mid);
                if m.access & crate::classfile::acc::PRIVATE != 0 {
                    Insn::InvokeDirect {
                        method: impl_mid,
                        has_receiver: true,
                    }
                } else if let (5, Some(vindex)) = (ref_kind, m.vindex) {
                    Insn::InvokeVirtualQ {
                        vindex,
                        arg_slots: impl_arg_slots,
                    }
                } else {
                    Insn::InvokeInterfaceQ {
                        selector: m.selector,
                        arg_slots: impl_arg_slots,
                        cached_class: u32::MAX,
                        cached_method: 0,
                    }
                }
            }
        };
        let ret_slots = if ref_kind == 8 {
            0
        } else {
            impl_sig.ret.slots() as i32
        };
        e.emit(call, ret_slots - impl_arg_slots as i32);
        // The result: constructor references return the new object left by `dup`.
        let produced = if ref_kind == 8 {
            Kind::Ref
        } else {
            impl_sig.ret
        };
        match (produced, sam.ret) {
            (_, Kind::Void) => {
                if produced.slots() == 2 {
                    e.emit(Insn::Pop2, -2);
                } else if produced.slots() == 1 {
                    e.emit(Insn::Pop, -1);
                }
                e.emit(Insn::Return, 0);
            }
            (p, r) => {
                let inst_ret = inst.ret_desc.clone();
                self.adapt(p, Some(&inst_ret), r, &mut e)?;
                e.emit(
                    if r.slots() == 2 {
                        Insn::Return2
                    } else {
                        Insn::Return1
                    },
                    -(r.slots() as i32),
                );
            }
        }
        let n = e.out.len();
        let max_depth = e.max;
        Ok(Code {
            insns: e.out.into_iter().map(Cell::new).collect(),
            pcs: (0..n as u32).collect(),
            depths: vec![u16::MAX; n],
            effects: Vec::new(),
            switches: Vec::new(),
            handlers: Vec::new(),
            lines: Vec::new(),
            max_locals: local,
            max_stack: (max_depth + 2) as u16,
        })
    }

    /// Emits the conversion of a value of kind `from` (of reference type `from_desc` when
    /// known) to kind `to`: boxing, unboxing or primitive widening.
    fn adapt(
        &mut self,
        from: Kind,
        from_desc: Option<&str>,
        to: Kind,
        e: &mut Emitter,
    ) -> Result<(), Raise> {
        let widen = |k: Kind| match k {
            Kind::Boolean | Kind::Byte | Kind::Char | Kind::Short => Kind::Int,
            o => o,
        };
        match (from, to) {
            (Kind::Ref, Kind::Ref) => {}
            (Kind::Ref, prim) => {
                // Unbox by the static type when it names a box, else by the target kind.
                let box_name = from_desc
                    .map(class_name_of_desc)
                    .filter(|n| unbox_method(n).is_some())
                    .map(str::to_string)
                    .unwrap_or_else(|| box_class(prim).to_string());
                let (method, kind) = unbox_method(&box_name).expect("a box class");
                let c = self.load_class(&box_name)?;
                let mid = self
                    .prog
                    .resolve_method(c, method, &format!("(){}", desc_of(kind)))
                    .ok_or_else(|| bsm_error(format!("{box_name}.{method} is missing")))?;
                e.emit(
                    Insn::InvokeDirect {
                        method: mid,
                        has_receiver: true,
                    },
                    kind.slots() as i32 - 1,
                );
                widen_prim(kind, prim, e);
            }
            (prim, Kind::Ref) => {
                let k = widen(prim);
                let from_kind = if from_desc.is_some_and(|d| d == "Z") || prim == Kind::Boolean {
                    Kind::Boolean
                } else if prim == Kind::Char {
                    Kind::Char
                } else {
                    k
                };
                let box_name = box_class(from_kind);
                let c = self.load_class(box_name)?;
                let mid = self
                    .prog
                    .resolve_method(
                        c,
                        "valueOf",
                        &format!("({})L{box_name};", desc_of(from_kind)),
                    )
                    .ok_or_else(|| bsm_error(format!("{box_name}.valueOf is missing")))?;
                e.emit(
                    Insn::InvokeDirect {
                        method: mid,
                        has_receiver: false,
                    },
                    1 - prim.slots() as i32,
                );
            }
            (a, b) => widen_prim(widen(a), widen(b), e),
        }
        Ok(())
    }

    /// Executes a linked call site at the current instruction.
    pub(crate) fn run_call_site(&mut self, index: u32) -> Result<(), Raise> {
        let site = self.prog.sites[index as usize].clone();
        match site {
            CallSite::Concat {
                recipe,
                constants,
                args,
            } => self.concat(&recipe, &constants, &args),
            CallSite::Lambda {
                class,
                captured,
                singleton,
            } => {
                match self.ensure_init(class) {
                    InitResult::Ready => {}
                    InitResult::Pending => return Ok(()),
                    InitResult::Error(r) => return Err(r),
                }
                if captured.is_empty() && singleton != NULL {
                    self.push(Value::Ref(singleton));
                    self.advance();
                    return Ok(());
                }
                let slots: usize = captured.iter().map(|k| k.slots()).sum();
                let values = self.pop_values(&captured, slots);
                let fields: Box<[Value]> = values.into();
                let r = self
                    .rt
                    .heap
                    .alloc(class, Data::Fields(fields))
                    .map_err(|_| oom())?;
                // A non-capturing lambda is one instance per call site, as on HotSpot.
                if captured.is_empty()
                    && let Some(CallSite::Lambda { singleton, .. }) =
                        self.prog.sites.get_mut(index as usize)
                {
                    *singleton = r;
                }
                self.push(Value::Ref(r));
                self.advance();
                Ok(())
            }
            CallSite::Record {
                method,
                class,
                components,
            } => self.record_method(method, class, &components),
        }
    }

    /// Pops values of the given kinds (in push order) off the current frame's operand stack.
    fn pop_values(&mut self, kinds: &[Kind], slots: usize) -> Vec<Value> {
        let t = self.rt.current;
        let thread = &mut self.rt.threads[t];
        let f = thread.frames.last_mut().expect("a running frame");
        let start = f.sp as usize - slots;
        let mut out = Vec::with_capacity(kinds.len());
        let mut i = start;
        for k in kinds {
            out.push(thread.slots[i]);
            i += k.slots().max(1);
        }
        f.sp = start as u32;
        out
    }

    fn concat(
        &mut self,
        recipe: &[u16],
        constants: &[Box<[u16]>],
        kinds: &[Kind],
    ) -> Result<(), Raise> {
        let slots: usize = kinds.iter().map(|k| k.slots()).sum();
        // Peek first: only when some argument needs Java's toString do we go to Java.
        let values: Vec<Value> = {
            let t = &self.rt.threads[self.rt.current];
            let f = t.frames.last().expect("running frame");
            let start = f.sp as usize - slots;
            let mut out = Vec::new();
            let mut i = start;
            for k in kinds {
                out.push(t.slots[i]);
                i += k.slots();
            }
            out
        };
        let needs_java = kinds.iter().zip(&values).any(|(k, v)| {
            *k == Kind::Ref && {
                let r = v.reference();
                r != NULL && self.class_of(r) != Some(self.rt.known.string)
            }
        });
        if needs_java {
            return self.concat_in_java(recipe, constants, kinds, slots, &values);
        }
        let mut out: Vec<u16> = Vec::new();
        let (mut a, mut c) = (0, 0);
        for &unit in recipe {
            match unit {
                1 => {
                    let (k, v) = (kinds[a], values[a]);
                    a += 1;
                    append_value(self, &mut out, k, v);
                }
                2 => {
                    out.extend_from_slice(&constants[c]);
                    c += 1;
                }
                u => out.push(u),
            }
        }
        self.pop_values(kinds, slots);
        let r = self.rt.new_string_utf16(&out).map_err(|_| oom())?;
        self.push(Value::Ref(r));
        self.advance();
        Ok(())
    }

    fn concat_in_java(
        &mut self,
        recipe: &[u16],
        constants: &[Box<[u16]>],
        kinds: &[Kind],
        slots: usize,
        values: &[Value],
    ) -> Result<(), Raise> {
        let linker = self.load_class("jdk/internal/phantom/Linker")?;
        match self.ensure_init(linker) {
            InitResult::Ready => {}
            InitResult::Pending => return Ok(()),
            InitResult::Error(r) => return Err(r),
        }
        let helper = self
            .prog
            .resolve_method(
                linker,
                "concat",
                "(Ljava/lang/String;[Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/String;",
            )
            .ok_or_else(|| bsm_error("Linker.concat is missing".into()))?;
        let recipe_ref = self.rt.new_string_utf16(recipe).map_err(|_| oom())?;
        let mut constant_refs = Vec::with_capacity(constants.len());
        for c in constants {
            constant_refs.push(self.rt.new_string_utf16(c).map_err(|_| oom())?);
        }
        let consts = self
            .rt
            .heap
            .alloc(self.rt.known.object_array, Data::Refs(constant_refs.into()))
            .map_err(|_| oom())?;
        let mut boxed = Vec::with_capacity(values.len());
        for (k, v) in kinds.iter().zip(values) {
            boxed.push(self.box_value(*k, *v)?);
        }
        let args = self
            .rt
            .heap
            .alloc(self.rt.known.object_array, Data::Refs(boxed.into()))
            .map_err(|_| oom())?;
        self.pop_values(kinds, slots);
        self.push(Value::Ref(recipe_ref));
        self.push(Value::Ref(consts));
        self.push(Value::Ref(args));
        let pc = self.top_frame().pc + 1;
        if !self.push_java_frame(helper, pc, FrameKind::Normal) {
            return Err(Raise::new("java/lang/StackOverflowError", None));
        }
        Ok(())
    }

    /// Boxes a primitive (without the `valueOf` cache: only for values whose identity the
    /// program cannot observe).
    pub(crate) fn box_value(&mut self, kind: Kind, v: Value) -> Result<Ref, Raise> {
        if kind == Kind::Ref {
            return Ok(v.reference());
        }
        let name = box_class(kind);
        let c = self.load_class(name)?;
        let fields: Box<[Value]> = self.prog.class(c).zeroed_fields();
        let r = self
            .rt
            .heap
            .alloc(c, Data::Fields(fields))
            .map_err(|_| oom())?;
        if let Some(f) = self.prog.class(c).field("value", desc_of(kind)) {
            let slot = f.slot as usize;
            let stored = match kind {
                Kind::Boolean | Kind::Byte | Kind::Char | Kind::Short | Kind::Int => {
                    Value::Int(v.int())
                }
                _ => v,
            };
            self.rt.set_field(r, slot, stored);
        }
        Ok(r)
    }

    fn record_method(
        &mut self,
        method: RecordMethod,
        class: ClassId,
        components: &[(Arc<str>, u16, Kind)],
    ) -> Result<(), Raise> {
        let linker = self.load_class("jdk/internal/phantom/Linker")?;
        match self.ensure_init(linker) {
            InitResult::Ready => {}
            InitResult::Pending => return Ok(()),
            InitResult::Error(r) => return Err(r),
        }
        let arg_count = if method == RecordMethod::Equals { 2 } else { 1 };
        let objs: Vec<Ref> = self
            .pop_values(&vec![Kind::Ref; arg_count], arg_count)
            .iter()
            .map(|v| v.reference())
            .collect();
        let values_of = |vm: &mut Vm, r: Ref| -> Result<Ref, Raise> {
            let mut items = Vec::with_capacity(components.len());
            for (_, slot, kind) in components {
                let v = vm.rt.field(r, *slot as usize);
                items.push(vm.box_value(*kind, v)?);
            }
            vm.rt
                .heap
                .alloc(vm.rt.known.object_array, Data::Refs(items.into()))
                .map_err(|_| oom())
        };
        let this = objs[0];
        if this == NULL {
            return Err(Raise::null_pointer());
        }
        let (name, desc, args): (&str, &str, Vec<Ref>) = match method {
            RecordMethod::ToString => {
                // `Class.getSimpleName`, as `ObjectMethods` uses: `Point` for a local record
                // whose binary name is `Main$1Point`.
                let simple = crate::natives::lang::simple_name(self, class);
                let simple = self.rt.new_string(&simple).map_err(|_| oom())?;
                let mut names = Vec::new();
                for (n, _, _) in components {
                    names.push(self.rt.intern(n).map_err(|_| oom())?);
                }
                let names = self
                    .rt
                    .heap
                    .alloc(self.rt.known.string_array, Data::Refs(names.into()))
                    .map_err(|_| oom())?;
                let values = values_of(self, this)?;
                (
                    "recordToString",
                    "(Ljava/lang/Object;Ljava/lang/String;[Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;",
                    vec![this, simple, names, values],
                )
            }
            RecordMethod::HashCode => {
                let values = values_of(self, this)?;
                ("recordHashCode", "([Ljava/lang/Object;)I", vec![values])
            }
            RecordMethod::Equals => {
                let other = objs[1];
                if other == NULL || self.class_of(other) != Some(class) {
                    self.push(Value::Int(0));
                    self.advance();
                    return Ok(());
                }
                let va = values_of(self, this)?;
                let vb = values_of(self, other)?;
                (
                    "recordEquals",
                    "(Ljava/lang/Object;Ljava/lang/Object;[Ljava/lang/Object;[Ljava/lang/Object;)Z",
                    vec![this, other, va, vb],
                )
            }
        };
        let helper = self
            .prog
            .resolve_method(linker, name, desc)
            .ok_or_else(|| bsm_error(format!("Linker.{name} is missing")))?;
        for a in args {
            self.push(Value::Ref(a));
        }
        let pc = self.top_frame().pc + 1;
        if !self.push_java_frame(helper, pc, FrameKind::Normal) {
            return Err(Raise::new("java/lang/StackOverflowError", None));
        }
        Ok(())
    }

    /// References held by linked call sites (non-capturing lambda instances).
    pub(crate) fn extra_roots(&self) -> Vec<Ref> {
        self.prog
            .sites
            .iter()
            .filter_map(|s| match s {
                CallSite::Lambda { singleton, .. } if *singleton != NULL => Some(*singleton),
                _ => None,
            })
            .collect()
    }
}

/// Generated instructions and the operand-stack depth they reach.
#[derive(Default)]
struct Emitter {
    out: Vec<Insn>,
    depth: i32,
    max: i32,
}

impl Emitter {
    fn emit(&mut self, insn: Insn, delta: i32) {
        self.out.push(insn);
        self.depth += delta;
        self.max = self.max.max(self.depth);
    }
}

fn widen_prim(from: Kind, to: Kind, e: &mut Emitter) {
    let int_like = |k: Kind| {
        matches!(
            k,
            Kind::Int | Kind::Boolean | Kind::Byte | Kind::Char | Kind::Short
        )
    };
    let conv = match (from, to) {
        (f, Kind::Long) if int_like(f) => Some((Conv::I2L, 1)),
        (f, Kind::Float) if int_like(f) => Some((Conv::I2F, 0)),
        (f, Kind::Double) if int_like(f) => Some((Conv::I2D, 1)),
        (Kind::Long, Kind::Float) => Some((Conv::L2F, -1)),
        (Kind::Long, Kind::Double) => Some((Conv::L2D, 0)),
        (Kind::Float, Kind::Double) => Some((Conv::F2D, 1)),
        _ => None,
    };
    if let Some((c, d)) = conv {
        e.emit(Insn::Convert(c), d);
    }
}

fn append_value(vm: &Vm, out: &mut Vec<u16>, kind: Kind, v: Value) {
    let text = match kind {
        Kind::Ref => {
            match vm.rt.string_chars(v.reference()) {
                Some(chars) => out.extend_from_slice(chars),
                None => out.extend("null".encode_utf16()),
            }
            return;
        }
        Kind::Char => {
            out.push(v.int() as u16);
            return;
        }
        Kind::Boolean => {
            if v.int() != 0 {
                "true".to_string()
            } else {
                "false".to_string()
            }
        }
        Kind::Long => v.long().to_string(),
        Kind::Float => crate::float_text::float_to_string(v.float()),
        Kind::Double => crate::float_text::double_to_string(v.double()),
        _ => v.int().to_string(),
    };
    out.extend(text.encode_utf16());
}

fn oom() -> Raise {
    Raise::new("java/lang/OutOfMemoryError", Some("Java heap space".into()))
}

/// The box class of a primitive kind.
pub(crate) fn box_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Boolean => "java/lang/Boolean",
        Kind::Byte => "java/lang/Byte",
        Kind::Char => "java/lang/Character",
        Kind::Short => "java/lang/Short",
        Kind::Int => "java/lang/Integer",
        Kind::Long => "java/lang/Long",
        Kind::Float => "java/lang/Float",
        Kind::Double => "java/lang/Double",
        _ => "java/lang/Object",
    }
}

/// The unboxing method of a box class, and the kind it returns.
pub(crate) fn unbox_method(class: &str) -> Option<(&'static str, Kind)> {
    Some(match class {
        "java/lang/Boolean" => ("booleanValue", Kind::Boolean),
        "java/lang/Byte" => ("byteValue", Kind::Byte),
        "java/lang/Character" => ("charValue", Kind::Char),
        "java/lang/Short" => ("shortValue", Kind::Short),
        "java/lang/Integer" => ("intValue", Kind::Int),
        "java/lang/Long" => ("longValue", Kind::Long),
        "java/lang/Float" => ("floatValue", Kind::Float),
        "java/lang/Double" => ("doubleValue", Kind::Double),
        _ => return None,
    })
}

fn desc_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Boolean => "Z",
        Kind::Byte => "B",
        Kind::Char => "C",
        Kind::Short => "S",
        Kind::Int => "I",
        Kind::Long => "J",
        Kind::Float => "F",
        Kind::Double => "D",
        Kind::Void => "V",
        Kind::Ref => "Ljava/lang/Object;",
    }
}
