//! Restore: a `v1` document becomes a running VM again, after every part of it has been
//! checked. Classes are defined again in their original order (so class ids match), objects
//! are allocated in order (so references match handles), and decoded code is rebuilt lazily.

use super::{CheckpointError, v1};
use crate::class::{ClassKind, PrefixClass, Program, primitive_kind};
use crate::classpath::ClassPath;
use crate::descriptor::Kind;
use crate::heap::Data;
use crate::indy::CallSite;
use crate::portable;
use crate::runtime::{Init, Monitor, Runtime};
use crate::thread::{Frame, FrameKind, Thread, ThreadState};
use crate::value::{Ref, Value};
use crate::vm::{Config, Host, Vm};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

fn invalid(what: impl Into<String>) -> CheckpointError {
    CheckpointError::Invalid(what.into())
}

/// Decodes a slot run, checking that references stay below `n_objects + 1`.
fn decode_slots(
    s: &v1::Slots,
    n_objects: usize,
    what: &str,
) -> Result<Vec<Value>, CheckpointError> {
    decode_slot_run(&s.tags, &s.words, n_objects, what)
}

/// Decodes slots from their tags and words (see [`v1::Slots`]).
fn decode_slot_run(
    tags: &[u8],
    words: &[u8],
    n_objects: usize,
    what: &str,
) -> Result<Vec<Value>, CheckpointError> {
    let words: Vec<i64> = portable::decode(words).map_err(|e| invalid(format!("{what}: {e}")))?;
    if words.len() != tags.len() {
        return Err(invalid(format!(
            "{what}: {} tags but {} values",
            tags.len(),
            words.len()
        )));
    }
    let mut out = Vec::with_capacity(words.len());
    for (i, (&tag, &w)) in tags.iter().zip(&words).enumerate() {
        out.push(match tag {
            0 => Value::Top,
            1 => Value::Int(w as i32),
            2 => Value::Float(f32::from_bits(w as u32)),
            3 => Value::Long(w),
            4 => Value::Double(f64::from_bits(w as u64)),
            5 => {
                if w < 0 || w as u64 > n_objects as u64 {
                    return Err(invalid(format!(
                        "{what}: slot {i} refers to object {w} of {n_objects}"
                    )));
                }
                Value::Ref(w as Ref)
            }
            t => return Err(invalid(format!("{what}: slot {i} has unknown tag {t}"))),
        });
    }
    Ok(out)
}

/// The checkpoint's first classes, up to its first lambda class, as
/// [`Program::with_prefix`] links them.
fn leading_classes(
    classes: &[v1::ClassKind],
    app: &BTreeMap<String, Arc<[u8]>>,
    hashes: &BTreeMap<String, [u8; 32]>,
) -> Vec<PrefixClass> {
    let mut prefix: Vec<PrefixClass> = Vec::new();
    for kind in classes {
        let (name, application) = match kind {
            v1::ClassKind::Library { name, .. } | v1::ClassKind::Primitive { name } => {
                (name.clone(), None)
            }
            v1::ClassKind::Application { name, .. } => match (app.get(name), hashes.get(name)) {
                (Some(bytes), Some(hash)) => (name.clone(), Some((*hash, bytes.clone()))),
                _ => break,
            },
            v1::ClassKind::Array { component } => match prefix.get(*component as usize) {
                Some(n) => (crate::class::array_name(&n.name), None),
                None => break,
            },
            v1::ClassKind::Lambda { .. } => break,
        };
        prefix.push(PrefixClass { name, application });
    }
    prefix
}

/// A class's initialization state, its thread not checked yet.
fn init_state(init: v1::Init) -> Init {
    match init {
        v1::Init::Uninit => Init::Uninit,
        v1::Init::Running { thread } => Init::Running(thread),
        v1::Init::Done => Init::Done,
        v1::Init::Failed => Init::Failed,
    }
}

/// Decodes an array's elements.
fn elems<T: portable::Portable>(bytes: &[u8], what: &str) -> Result<Vec<T>, CheckpointError> {
    portable::decode(bytes).map_err(|e| invalid(format!("{what}: {e}")))
}

/// Whether a slot value fits a field of the given kind.
fn fits(kind: Kind, v: Value) -> bool {
    matches!(
        (kind, v),
        (
            Kind::Boolean | Kind::Byte | Kind::Char | Kind::Short | Kind::Int,
            Value::Int(_)
        ) | (Kind::Long, Value::Long(_))
            | (Kind::Float, Value::Float(_))
            | (Kind::Double, Value::Double(_))
            | (Kind::Ref, Value::Ref(_))
    )
}

fn check_fields(kinds: &[Kind], values: &[Value], what: &str) -> Result<(), CheckpointError> {
    if kinds.len() != values.len() {
        return Err(invalid(format!(
            "{what}: {} slots, the class has {}",
            values.len(),
            kinds.len()
        )));
    }
    for (i, (&k, &v)) in kinds.iter().zip(values).enumerate() {
        if !fits(k, v) {
            return Err(invalid(format!(
                "{what}: slot {i} holds {v:?}, not a {k:?}"
            )));
        }
    }
    Ok(())
}

fn check_ref(r: u32, n_objects: usize, what: &str) -> Result<Ref, CheckpointError> {
    if r as usize > n_objects {
        return Err(invalid(format!(
            "{what} refers to object {r} of {n_objects}"
        )));
    }
    Ok(r)
}

/// Checks class bytes against the SHA-256 a checkpoint gives for them. Bytes checked before
/// in this OS process are recognised by comparison, which is cheaper than hashing them again;
/// the copy kept is shared with every process restored with them.
fn verify_class_bytes(claimed: &[u8], bytes: &[u8]) -> Option<([u8; 32], Arc<[u8]>)> {
    const CAPACITY: usize = 4096;
    type Verified = HashMap<[u8; 32], Arc<[u8]>>;
    static VERIFIED: Mutex<Option<Verified>> = Mutex::new(None);
    let claimed: [u8; 32] = claimed.try_into().ok()?;
    let lock = || VERIFIED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = lock().as_ref().and_then(|m| m.get(&claimed))
        && **known == *bytes
    {
        return Some((claimed, known.clone()));
    }
    let actual: [u8; 32] = Sha256::digest(bytes).into();
    if actual != claimed {
        return None;
    }
    let shared: Arc<[u8]> = Arc::from(bytes);
    let mut cache = lock();
    let cache = cache.get_or_insert_with(HashMap::new);
    if cache.len() >= CAPACITY {
        cache.clear();
    }
    cache.insert(actual, shared.clone());
    Some((actual, shared))
}

/// The application classes of a document, their bytes checked against their hashes: by name,
/// the bytes and the hashes.
pub(super) type AppClasses = (BTreeMap<String, Arc<[u8]>>, BTreeMap<String, [u8; 32]>);

/// Checks and collects the application classes among `classes` and `files` into `app`.
pub(super) fn verify_application_classes<'a>(
    classes: impl Iterator<Item = &'a v1::ClassKind>,
    files: &[v1::ClassFile],
    app: &mut AppClasses,
) -> Result<(), CheckpointError> {
    let mut verified = |name: &str, hash: &[u8], bytes: &[u8]| -> Result<(), CheckpointError> {
        let (hash, bytes) = verify_class_bytes(hash, bytes)
            .ok_or_else(|| invalid(format!("class {name}: bytes do not match their SHA-256")))?;
        app.0.insert(name.to_string(), bytes);
        app.1.insert(name.to_string(), hash);
        Ok(())
    };
    for kind in classes {
        if let v1::ClassKind::Application {
            name,
            sha256,
            bytes,
        } = kind
        {
            verified(name, sha256, bytes)?;
        }
    }
    for f in files {
        verified(&f.name, &f.sha256, &f.bytes)?;
    }
    Ok(())
}

/// A VM with no classes but the leading ones of `classes` (linked, from a copy kept by earlier
/// restores when there is one), all of `app` on its class path, and `config` as the document's
/// `launch` amends it.
pub(super) fn empty_vm(
    classes: &[v1::ClassKind],
    app: &AppClasses,
    launch: Option<&v1::Launch>,
    host: Box<dyn Host>,
    mut config: Config,
) -> Result<Vm, CheckpointError> {
    if let Some(launch) = launch {
        // The process keeps its own heap limit unless this host allows less.
        let limit = usize::try_from(launch.max_heap).unwrap_or(usize::MAX);
        config.max_heap = config.max_heap.min(limit);
        config.properties = launch.properties.clone();
        config.assertions = launch.assertions.clone();
        config.env = launch.env.clone();
    }
    let mut class_path = ClassPath::default();
    class_path.push_memory(app.0.clone());
    let prefix = leading_classes(classes, &app.0, &app.1);
    let prog = match Program::with_prefix(&prefix, class_path) {
        Ok(p) => p,
        Err(class_path) => {
            Program::booted(class_path).map_err(|e| invalid(format!("boot classes: {e}")))?
        }
    };
    Ok(Vm {
        prog,
        rt: Runtime::new(config.max_heap),
        host,
        clock_offset: 0,
        jit: crate::jit::Jit::new(config.jit),
        config,
        exit_status: None,
        interrupt: crate::vm::Interrupter::default(),
        pinned: Vec::new(),
        in_native: None,
    })
}

impl Vm {
    /// Rebuilds a process from a checkpoint, validating it completely first. The process
    /// continues on `host`.
    pub fn restore(
        c: &v1::Checkpoint,
        host: Box<dyn Host>,
        config: Config,
    ) -> Result<Vm, CheckpointError> {
        let n_objects = c.heap.len().map_err(invalid)?;
        // Application classes: those loaded, and those the process may load later.
        let mut app = AppClasses::default();
        verify_application_classes(c.classes.iter().map(|k| &k.kind), &c.class_files, &mut app)?;
        let kinds: Vec<v1::ClassKind> = c.classes.iter().map(|k| k.kind.clone()).collect();
        let mut vm = empty_vm(&kinds, &app, c.launch.as_ref(), host, config)?;
        let sites: Vec<(u32, u16)> = c.sites.iter().map(|s| (s.host, s.cp_index)).collect();
        let mut relinked = 0;
        let inits: Vec<Init> = c.classes.iter().map(|k| init_state(k.init)).collect();
        vm.define_classes(&kinds, &inits, 0, &sites, &mut relinked, &app)?;
        vm.boot()
            .map_err(|e| invalid(format!("class library: {e}")))?;
        if vm.prog.classes.len() != c.classes.len() {
            return Err(invalid("the checkpoint lacks classes every process loads"));
        }

        // Objects, in order: handle i + 1 is object i.
        let objects = c.heap.objects(&c.classes).map_err(invalid)?;
        for (i, o) in objects.enumerate() {
            let o = o.map_err(invalid)?;
            let what = format!("object {}", i + 1);
            let data = vm.object_data(o.class, o.contents, n_objects, &what)?;
            if vm.rt.heap.would_exceed(data.footprint()) {
                return Err(invalid(format!("{what}: the heap would exceed its limit")));
            }
            let r = vm
                .rt
                .heap
                .alloc(o.class, data)
                .map_err(|_| invalid("heap exhausted"))?;
            if r as usize != i + 1 {
                return Err(invalid(format!("{what}: allocated as handle {r}")));
            }
            vm.rt.heap.set_hash(r, o.hash);
        }
        vm.restore_state(c)?;
        Ok(vm)
    }

    /// Defines the classes `kinds[from..]` (class `i` as class id `i`, in initialization
    /// state `inits[i]`), linking the call sites of `sites` that make their lambda classes,
    /// then the rest of `sites`; `relinked` counts the sites linked so far. Application
    /// classes come from `app`.
    pub(super) fn define_classes(
        &mut self,
        kinds: &[v1::ClassKind],
        inits: &[Init],
        from: usize,
        sites: &[(u32, u16)],
        relinked: &mut usize,
        app: &AppClasses,
    ) -> Result<(), CheckpointError> {
        for (i, kind) in kinds.iter().enumerate().skip(from) {
            let what = format!("class {i}");
            let id = match kind {
                v1::ClassKind::Library { name, sha256 } => {
                    let hash = crate::class::library_hash(name)
                        .ok_or_else(|| invalid(format!("{what}: no library class {name}")))?;
                    if hash.as_slice() != sha256.as_slice() {
                        return Err(CheckpointError::IncompatibleVm {
                            found: format!("a class library whose {name} differs"),
                            expected: super::vm_key().to_string(),
                        });
                    }
                    self.prog
                        .load(name)
                        .map_err(|e| invalid(format!("{what}: {e}")))?
                }
                v1::ClassKind::Application { name, .. } => {
                    let (Some(bytes), Some(&hash)) = (app.0.get(name), app.1.get(name)) else {
                        return Err(invalid(format!("{what}: the bytes of {name} are missing")));
                    };
                    self.prog
                        .define_verified(bytes.clone(), hash)
                        .map_err(|e| invalid(format!("{what}: {e}")))?
                }
                v1::ClassKind::Array { component } => {
                    if *component as usize >= i {
                        return Err(invalid(format!(
                            "{what}: array of class {component}, not defined before it"
                        )));
                    }
                    // The JVM's limit: deeper names would cost memory quadratic in the count.
                    let depth = self.prog.classes[*component as usize]
                        .name
                        .bytes()
                        .take_while(|&b| b == b'[')
                        .count();
                    if depth >= 255 {
                        return Err(invalid(format!("{what}: an array of over 255 dimensions")));
                    }
                    self.prog.array_of(*component)
                }
                v1::ClassKind::Primitive { name } => {
                    if primitive_kind(name).is_none() {
                        return Err(invalid(format!("{what}: {name:?} is not a primitive type")));
                    }
                    self.prog
                        .load(name)
                        .map_err(|e| invalid(format!("{what}: {e}")))?
                }
                v1::ClassKind::Lambda { site } => {
                    let site = *site as usize;
                    if site >= sites.len() || site < *relinked {
                        return Err(invalid(format!("{what}: lambda of call site {site}")));
                    }
                    while *relinked <= site {
                        self.relink(sites[*relinked], *relinked, i)?;
                        *relinked += 1;
                    }
                    match self.prog.sites.get(site) {
                        Some(CallSite::Lambda { class, .. }) => *class,
                        _ => {
                            return Err(invalid(format!(
                                "{what}: call site {site} is not a lambda"
                            )));
                        }
                    }
                }
            };
            if id as usize != i {
                return Err(invalid(format!(
                    "{what}: defined as class {id}; classes are out of order"
                )));
            }
            self.rt.sync_classes(&self.prog);
            // Linking a later call site may need it initialized. Whatever state the class
            // reached, the site was linked at the source: a class being initialized, or whose
            // initialization failed, counts as initialized for linking again (the real states
            // come with the rest of the process, `restore_state`).
            self.rt.init[i] = match inits.get(i) {
                None | Some(Init::Uninit) => Init::Uninit,
                Some(_) => Init::Done,
            };
        }
        while *relinked < sites.len() {
            self.relink(sites[*relinked], *relinked, kinds.len())?;
            *relinked += 1;
        }
        if self.prog.classes.len() != kinds.len() {
            return Err(invalid(
                "linking the call sites defined classes the checkpoint does not list",
            ));
        }
        Ok(())
    }

    /// The contents of an object of class `class` from a document, checked against the class,
    /// with references below `refs + 1`.
    pub(super) fn object_data(
        &self,
        class: u32,
        contents: v1::Contents<'_>,
        refs: usize,
        what: &str,
    ) -> Result<Data, CheckpointError> {
        let class = self
            .prog
            .classes
            .get(class as usize)
            .ok_or_else(|| invalid(format!("{what}: class {class} out of range")))?;
        let wrong = || invalid(format!("{what}: contents do not fit class {}", class.name));
        Ok(match (contents, class.kind) {
            (v1::Contents::Fields { tags, words }, ClassKind::Instance) => {
                let values = decode_slot_run(tags, words, refs, what)?;
                check_fields(&class.instance_kinds, &values, what)?;
                Data::Fields(values.into())
            }
            (v1::Contents::Array { elem, bytes, .. }, ClassKind::Array { elem: kind, .. }) => {
                match (elem, kind) {
                    (v1::Elem::Ref, Kind::Ref) => {
                        let items: Vec<u32> = elems(bytes, what)?;
                        for &r in &items {
                            check_ref(r, refs, what)?;
                        }
                        Data::Refs(items.into())
                    }
                    (v1::Elem::Byte, Kind::Byte | Kind::Boolean) => {
                        Data::Bytes(elems(bytes, what)?.into())
                    }
                    (v1::Elem::Char, Kind::Char) => Data::Chars(elems(bytes, what)?.into()),
                    (v1::Elem::Short, Kind::Short) => Data::Shorts(elems(bytes, what)?.into()),
                    (v1::Elem::Int, Kind::Int) => Data::Ints(elems(bytes, what)?.into()),
                    (v1::Elem::Long, Kind::Long) => Data::Longs(elems(bytes, what)?.into()),
                    (v1::Elem::Float, Kind::Float) => Data::Floats(elems(bytes, what)?.into()),
                    (v1::Elem::Double, Kind::Double) => Data::Doubles(elems(bytes, what)?.into()),
                    _ => return Err(wrong()),
                }
            }
            _ => return Err(wrong()),
        })
    }

    /// A reference of the document's state, which must be null or name a live object.
    fn state_ref(&self, r: u32, what: &str) -> Result<Ref, CheckpointError> {
        if r != 0 && !self.rt.heap.is_live(r) {
            return Err(invalid(format!(
                "{what} refers to object {r}, which the checkpoint does not hold"
            )));
        }
        Ok(r)
    }

    /// Restores everything of a document but its classes' definitions and its heap (which
    /// are in place): class states, statics, mirrors, lambda instances, interned strings,
    /// threads, monitors, open files and counters. References must name live objects.
    pub(super) fn restore_state(&mut self, c: &v1::Checkpoint) -> Result<(), CheckpointError> {
        let vm = self;
        if c.classes.len() != vm.prog.classes.len() {
            return Err(invalid(format!(
                "{} classes, where {} are defined",
                c.classes.len(),
                vm.prog.classes.len()
            )));
        }
        vm.rt.heap.set_hash_state(c.hash_state);
        let n_refs = vm.rt.heap.handle_limit();
        // Statics, mirrors, class-initialization errors.
        let class_class = vm.rt.known.class;
        for (i, class) in c.classes.iter().enumerate() {
            vm.rt.init[i] = match class.init {
                v1::Init::Uninit => Init::Uninit,
                v1::Init::Running { thread } => {
                    if thread as usize >= c.threads.len() {
                        return Err(invalid(format!(
                            "class {i}: initialized by thread {thread}"
                        )));
                    }
                    Init::Running(thread)
                }
                v1::Init::Done => Init::Done,
                v1::Init::Failed => Init::Failed,
            };
            let what = format!("statics of class {i}");
            let values = decode_slots(&class.statics, n_refs, &what)?;
            for v in &values {
                if let Value::Ref(r) = *v {
                    vm.state_ref(r, &what)?;
                }
            }
            check_fields(&vm.prog.classes[i].static_kinds, &values, &what)?;
            vm.rt.statics[i] = values.into();
            if class.mirror != 0 {
                let m = vm.state_ref(class.mirror, "a mirror")?;
                if vm.class_of(m) != Some(class_class) || vm.rt.mirror_of.contains_key(&m) {
                    return Err(invalid(format!(
                        "class {i}: mirror {m} is not a distinct java.lang.Class"
                    )));
                }
                vm.rt.mirrors[i] = m;
                vm.rt.mirror_of.insert(m, i as u32);
            }
            if class.init_error != 0 {
                let e = vm.state_ref(class.init_error, "an initialization error")?;
                vm.rt.init_errors.insert(i as u32, e);
            }
        }
        if c.sites.len() != vm.prog.sites.len() {
            return Err(invalid(format!(
                "{} call sites, where {} are linked",
                c.sites.len(),
                vm.prog.sites.len()
            )));
        }
        for (i, s) in c.sites.iter().enumerate() {
            if vm.prog.site_keys[i] != (s.host, s.cp_index) {
                return Err(invalid(format!("call site {i} is not the one linked")));
            }
            if s.singleton != 0 {
                let r = vm.state_ref(s.singleton, "a lambda instance")?;
                if let Some(CallSite::Lambda { singleton, .. }) = vm.prog.sites.get_mut(i) {
                    *singleton = r;
                }
            }
        }
        let string = vm.rt.known.string;
        let interned: Vec<u32> = elems(&c.interned, "the interned strings")?;
        for r in interned {
            let r = vm.state_ref(r, "an interned string")?;
            if vm.class_of(r) != Some(string) {
                return Err(invalid(format!("interned object {r} is not a string")));
            }
            let chars: Box<[u16]> = vm
                .rt
                .string_chars(r)
                .ok_or_else(|| invalid(format!("string {r} has no characters")))?
                .into();
            if vm.rt.interned.insert(chars, r).is_some() {
                return Err(invalid(format!("string {r} is interned twice")));
            }
        }

        // Threads.
        // The clock goes on from the capture's reading (checkpoints of builds before it was
        // recorded start the clock at the host's).
        if c.clock != 0 {
            vm.clock_offset = c.clock.saturating_sub(vm.host.nanos());
        }
        let now = vm.now();
        let thread_class = vm.rt.known.thread;
        let mut thread_objects = std::collections::HashMap::new();
        for (ti, t) in c.threads.iter().enumerate() {
            let what = format!("thread {ti}");
            let obj = vm.state_ref(t.object, &what)?;
            // One java.lang.Thread is one thread: a second entry for it would run it twice.
            if let Some(first) = thread_objects.insert(obj, ti) {
                return Err(invalid(format!(
                    "{what}: object {obj} is already thread {first}"
                )));
            }
            if !vm
                .class_of(obj)
                .is_some_and(|k| vm.prog.is_assignable(k, thread_class))
            {
                return Err(invalid(format!(
                    "{what}: object {obj} is not a java.lang.Thread"
                )));
            }
            let mut slots = decode_slots(&t.slots, n_refs, &what)?;
            for v in &slots {
                if let Value::Ref(r) = *v {
                    vm.state_ref(r, &what)?;
                }
            }
            let mut frames = Vec::with_capacity(t.frames.len());
            let mut floor = 0u32;
            let n_frames = t.frames.len();
            for (fi, f) in t.frames.iter().enumerate() {
                let what = format!("{what} frame {fi}");
                let class =
                    vm.prog.classes.get(f.class as usize).ok_or_else(|| {
                        invalid(format!("{what}: class {} out of range", f.class))
                    })?;
                let &method = class
                    .methods
                    .get(f.method as usize)
                    .ok_or_else(|| invalid(format!("{what}: method {} out of range", f.method)))?;
                let m = vm.prog.method(method);
                let code = vm
                    .prog
                    .code(method)
                    .map_err(|e| invalid(format!("{what}: {e}")))?
                    .ok_or_else(|| invalid(format!("{what}: {} has no code", m.name)))?;
                let index = code.index_of_pc(f.pc).ok_or_else(|| {
                    invalid(format!(
                        "{what}: pc {} is not an instruction boundary of {}",
                        f.pc, m.name
                    ))
                })?;
                let locals_end = f.base as u64 + code.max_locals as u64;
                if f.base < floor || locals_end > f.sp as u64 || f.sp as usize > slots.len() {
                    return Err(invalid(format!(
                        "{what}: slots {}..{} do not fit",
                        f.base, f.sp
                    )));
                }
                let depth = (f.sp as u64 - locals_end) as usize;
                let top = fi + 1 == n_frames;
                let at = |k: usize| {
                    code.depths
                        .get(k)
                        .copied()
                        .filter(|&d| d != u16::MAX)
                        .map(usize::from)
                };
                let after_call = index.checked_sub(1).and_then(|k| {
                    at(k as usize)?.checked_sub(code.effects.get(k as usize)?.0 as usize)
                });
                let consistent = if depth > code.max_stack as usize {
                    false
                } else if code.effects.is_empty() {
                    true
                } else if top {
                    at(index as usize) == Some(depth)
                } else {
                    after_call == Some(depth) || at(index as usize) == Some(depth)
                };
                if !consistent {
                    return Err(invalid(format!(
                        "{what}: operand stack of {depth} slots does not fit the code at pc {}",
                        f.pc
                    )));
                }
                // A caller's frame continues at its argument slots, which the callee's locals overlay.
                floor = f.base;
                let kind = match f.kind {
                    v1::FrameKind::Normal => FrameKind::Normal,
                    v1::FrameKind::Final => FrameKind::Final,
                    v1::FrameKind::Clinit { class } => {
                        if class as usize >= c.classes.len() {
                            return Err(invalid(format!("{what}: initializes class {class}")));
                        }
                        FrameKind::Clinit(class)
                    }
                    v1::FrameKind::Unbox { kind } => match crate::descriptor::Kind::of_char(kind) {
                        Some(k)
                            if kind != b'['
                                && &*vm.prog.method(method).name == "invokeFromSite"
                                && &*vm.prog.class(vm.prog.method(method).class).name
                                    == "java/lang/invoke/MethodHandle" =>
                        {
                            FrameKind::Unbox(k)
                        }
                        _ => {
                            return Err(invalid(format!(
                                "{what}: unboxes to kind {kind}, or is not a method handle call"
                            )));
                        }
                    },
                };
                frames.push(Frame {
                    method,
                    pc: index,
                    base: f.base,
                    sp: f.sp,
                    kind,
                    sync: vm.state_ref(f.sync, &what)?,
                });
            }
            // Every frame gets back the room its code may use: callers resume after callees.
            let need = frames
                .iter()
                .map(|f| {
                    let code = vm.prog.method(f.method).code.get().expect("checked above");
                    f.base as usize + code.max_locals as usize + code.max_stack as usize
                })
                .max()
                .unwrap_or(0);
            if slots.len() < need {
                slots.resize(need, Value::Top);
            }
            let state = match t.state {
                v1::ThreadState::Runnable => ThreadState::Runnable,
                v1::ThreadState::Sleeping { left } => ThreadState::Sleeping {
                    until: now.saturating_add(left),
                },
                v1::ThreadState::Waiting { on, left, count } => ThreadState::Waiting {
                    on: vm.state_ref(on, &what)?,
                    until: left.map(|l| now.saturating_add(l)),
                    count,
                },
                v1::ThreadState::Blocked {
                    on,
                    count,
                    notified,
                } => ThreadState::Blocked {
                    on: vm.state_ref(on, &what)?,
                    count,
                    notified,
                },
                v1::ThreadState::InitWait { class } => {
                    if class as usize >= c.classes.len() {
                        return Err(invalid(format!("{what}: waits for class {class}")));
                    }
                    ThreadState::InitWait(class)
                }
                v1::ThreadState::Reading => ThreadState::Reading,
                v1::ThreadState::Terminated => ThreadState::Terminated,
            };
            if frames.is_empty() && state != ThreadState::Terminated {
                return Err(invalid(format!("{what}: alive without frames")));
            }
            vm.rt.threads.push(Thread {
                obj,
                frames,
                slots,
                state,
                interrupted: t.interrupted,
                daemon: t.daemon,
                died_by_exception: t.died_by_exception,
            });
        }
        for m in &c.monitors {
            let obj = vm.state_ref(m.object, "a monitor")?;
            if obj == 0 || m.owner as usize >= c.threads.len() || m.count == 0 {
                return Err(invalid(format!(
                    "monitor of object {obj} held by thread {} {} times",
                    m.owner, m.count
                )));
            }
            vm.rt.monitors.insert(
                obj,
                Monitor {
                    owner: m.owner,
                    count: m.count,
                },
            );
        }
        if !c.threads.is_empty() && c.current_thread as usize >= c.threads.len() {
            return Err(invalid(format!(
                "current thread {} of {}",
                c.current_thread,
                c.threads.len()
            )));
        }
        if c.files.len() > crate::files::MAX_OPEN {
            return Err(invalid(format!("{} open files", c.files.len())));
        }
        for f in &c.files {
            let fine = f.fd >= crate::files::FIRST_FD
                && f.flags & !crate::files::flags::ALL == 0
                && f.path.starts_with('/')
                && !f.path.contains('\0')
                && vm.rt.files.get(f.fd).is_none();
            if !fine {
                return Err(invalid(format!(
                    "open file {} ({:?}, flags {})",
                    f.fd, f.path, f.flags
                )));
            }
            vm.rt.files.put(
                f.fd,
                crate::files::OpenFile {
                    path: f.path.clone(),
                    flags: f.flags,
                    position: f.position,
                },
            );
        }
        vm.rt.stdin_consumed = c.stdin_consumed;
        vm.rt.current = c.current_thread as usize;
        vm.rt.quantum_left = c.quantum_left.min(vm.config.quantum);
        vm.rt.executed = c.executed;
        Ok(())
    }

    /// Links call site `index` of a checkpoint again, while restoring its classes (of which
    /// `defined` exist so far).
    fn relink(
        &mut self,
        (host, cp_index): (u32, u16),
        index: usize,
        defined: usize,
    ) -> Result<(), CheckpointError> {
        let what = format!("call site {index}");
        if host as usize >= defined || self.prog.classes[host as usize].file.is_none() {
            return Err(invalid(format!(
                "{what}: host class {host} is not a loaded class file"
            )));
        }
        let linked = self.link_site(host, cp_index).map_err(|r| {
            invalid(format!(
                "{what}: {} {}",
                r.class,
                r.message.unwrap_or_default()
            ))
        })?;
        if linked != Some(index as u32) {
            return Err(invalid(format!("{what}: links as {linked:?}")));
        }
        self.rt.sync_classes(&self.prog);
        Ok(())
    }
}
