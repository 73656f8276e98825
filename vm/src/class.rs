//! Loaded and linked classes and methods: the program a process runs. Classes are loaded on
//! first reference, linked (field layout, vtable, interface selectors) at load, and their code
//! decoded then. Initialization state lives in the runtime, not here.

use crate::classfile::{self, ClassFile, ClassFormatError, acc};
use crate::classpath::{ClassPath, ClassPathError, Origin};
use crate::code::{self, Code};
use crate::descriptor::{Kind, MethodSig, field_kind};
use crate::heap::ClassId;
use crate::natives::{self, NativeFn};
use sha2::{Digest, Sha256};
use std::cell::OnceCell;
// Lookup tables only: nothing iterates them, so the hasher never shows in behaviour.
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use thiserror::Error;

/// Index of a method in the program's method table.
pub type MethodId = u32;

/// A method selector: an interned (name, descriptor) pair.
pub type Selector = u32;

/// Deepest class hierarchy phantom links (guards against hostile chains).
const MAX_HIERARCHY_DEPTH: usize = 200;

/// Why a class could not be loaded; each becomes the Java error of the same name.
#[derive(Debug, Error)]
pub enum LoadError {
    /// No class of that name on the class path.
    #[error("{0}")]
    NoClassDefFound(String),
    /// The class file is malformed.
    #[error(transparent)]
    Format(#[from] ClassFormatError),
    /// The class path could not be read.
    #[error(transparent)]
    ClassPath(#[from] ClassPathError),
    /// The hierarchy is inconsistent (e.g. a class extends an interface).
    #[error("{0}")]
    IncompatibleClassChange(String),
    /// A class is its own superclass or superinterface.
    #[error("{0}")]
    ClassCircularity(String),
}

impl LoadError {
    /// The binary name of the Java error this becomes.
    pub fn java_class(&self) -> &'static str {
        match self {
            LoadError::NoClassDefFound(_) | LoadError::ClassPath(_) => {
                "java/lang/NoClassDefFoundError"
            }
            LoadError::Format(ClassFormatError::UnsupportedVersion { .. }) => {
                "java/lang/UnsupportedClassVersionError"
            }
            LoadError::Format(_) => "java/lang/ClassFormatError",
            LoadError::IncompatibleClassChange(_) => "java/lang/IncompatibleClassChangeError",
            LoadError::ClassCircularity(_) => "java/lang/ClassCircularityError",
        }
    }
}

/// What kind of class this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassKind {
    /// A class or interface from a class file.
    Instance,
    /// An array class, with its component class and element kind.
    Array {
        /// The component class.
        component: ClassId,
        /// The component's kind.
        elem: Kind,
    },
    /// `int.class` and friends.
    Primitive(Kind),
}

/// A declared field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Name.
    pub name: Arc<str>,
    /// Descriptor.
    pub desc: Arc<str>,
    /// Access flags.
    pub access: u16,
    /// Kind of value.
    pub kind: Kind,
    /// Slot in the instance (instance fields) or in the class's statics.
    pub slot: u16,
}

impl Field {
    /// Whether the field is static.
    pub fn is_static(&self) -> bool {
        self.access & acc::STATIC != 0
    }
}

/// A linked class.
#[derive(Debug, Clone)]
pub struct Class {
    /// Binary name (`java/lang/String`, `[I`, `int`).
    pub name: Arc<str>,
    /// The class file, for classes loaded from one.
    pub file: Option<Arc<ClassFile>>,
    /// The class file bytes.
    pub bytes: Option<Arc<[u8]>>,
    /// SHA-256 of the class file bytes.
    pub hash: Option<[u8; 32]>,
    /// Library or application.
    pub origin: Origin,
    /// Class, array or primitive.
    pub kind: ClassKind,
    /// Access flags.
    pub access: u16,
    /// Superclass.
    pub super_class: Option<ClassId>,
    /// Direct superinterfaces.
    pub interfaces: Vec<ClassId>,
    /// Every superinterface, transitively, sorted.
    pub all_interfaces: Vec<ClassId>,
    /// The superclass chain from `java/lang/Object` down to this class.
    pub supers: Vec<ClassId>,
    /// Declared fields.
    pub fields: Vec<Field>,
    /// Kinds of every instance slot, including inherited ones.
    pub instance_kinds: Vec<Kind>,
    /// The fields of a new instance (every slot zero, null or false), copied by `new`.
    pub zeroed: Box<[crate::value::Value]>,
    /// Kinds of this class's static slots.
    pub static_kinds: Vec<Kind>,
    /// Declared methods.
    pub methods: Vec<MethodId>,
    /// Virtual dispatch table.
    pub vtable: Vec<MethodId>,
    /// Every method an `invokeinterface` or `invokevirtual` may select on this class.
    pub by_selector: FxHashMap<Selector, MethodId>,
    /// `<clinit>`, if declared.
    pub clinit: Option<MethodId>,
    /// The class of arrays of this class, once created.
    pub array_class: Option<ClassId>,
}

impl Class {
    /// Whether this is an interface.
    pub fn is_interface(&self) -> bool {
        self.access & acc::INTERFACE != 0
    }

    /// The Java name with dots (`java.lang.String`, `[I`).
    pub fn java_name(&self) -> String {
        self.name.replace('/', ".")
    }

    /// The source file name, if the class file says it.
    pub fn source_file(&self) -> Option<&str> {
        self.file.as_ref()?.source_file.as_deref()
    }

    /// The fields of a new instance: every slot zero, null or false.
    pub fn zeroed_fields(&self) -> Box<[crate::value::Value]> {
        self.zeroed.clone()
    }

    /// Finds a declared field by name and descriptor.
    pub fn field(&self, name: &str, desc: &str) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| &*f.name == name && &*f.desc == desc)
    }
}

/// A linked method.
#[derive(Debug, Clone)]
pub struct Method {
    /// Declaring class.
    pub class: ClassId,
    /// Name.
    pub name: Arc<str>,
    /// Descriptor.
    pub desc: Arc<str>,
    /// Access flags.
    pub access: u16,
    /// Parsed descriptor, shared with the class file's parse.
    pub sig: Arc<MethodSig>,
    /// Argument slots including the receiver.
    pub arg_slots: u16,
    /// Decoded code, once the method has first been needed (`Program::code`).
    pub code: OnceCell<Code>,
    /// Whether the method has bytecode (abstract and native methods do not).
    pub has_code: bool,
    /// Index of the method in its class file, where its bytecode is.
    pub file_index: u16,
    /// The Rust implementation of a native method, if phantom has one.
    pub native: Option<NativeFn>,
    /// A pure native the interpreter computes in place from the arguments, without leaving
    /// its loop (StrictMath, the float/int bit views).
    pub intrinsic: Option<natives::Intrinsic>,
    /// A native the interpreter runs in place in the common case (`System.arraycopy`).
    pub heap_native: Option<natives::HeapNative>,
    /// Selector of (name, descriptor).
    pub selector: Selector,
    /// Index in the vtable of its class, for virtual methods.
    pub vindex: Option<u32>,
}

impl Method {
    /// Whether the method is static.
    pub fn is_static(&self) -> bool {
        self.access & acc::STATIC != 0
    }

    /// Whether the method is abstract.
    pub fn is_abstract(&self) -> bool {
        self.access & acc::ABSTRACT != 0
    }
}

/// The classes every VM links first, in this order: what the interpreter and the natives
/// rely on. Library classes never come from the class path, so this prefix of every process's
/// classes is the same.
pub const BOOT_CLASSES: &[&str] = &[
    "java/lang/Object",
    "java/lang/Cloneable",
    "java/io/Serializable",
    "java/lang/String",
    "java/lang/Class",
    "java/lang/Thread",
    "java/lang/Throwable",
    "[C",
    "[Ljava/lang/String;",
    "[Ljava/lang/Object;",
    "[Z",
    "[F",
    "[D",
    "[B",
    "[S",
    "[I",
    "[J",
];

/// A method's name and descriptor, as a selector stands for them.
type SelectorName = (Arc<str>, Arc<str>);

/// Linked programs kept for copying (see [`Program::booted`] and [`Program::with_prefix`]).
static IMAGES: Mutex<Vec<Image>> = Mutex::new(Vec::new());

/// One class of a process's leading classes, as [`Program::with_prefix`] links it.
#[derive(Debug, Clone)]
pub struct PrefixClass {
    /// Binary name; arrays by their descriptor (`[I`), primitives by keyword (`int`).
    pub name: String,
    /// For an application class, the SHA-256 of its bytes, already checked, and the bytes.
    pub application: Option<([u8; 32], Arc<[u8]>)>,
}

impl PrefixClass {
    fn same(&self, other: &PrefixClass) -> bool {
        self.name == other.name
            && self.application.as_ref().map(|a| a.0) == other.application.as_ref().map(|a| a.0)
    }
}

/// A linked program and the classes it holds, in order.
struct Image {
    classes: Vec<PrefixClass>,
    program: Program,
    /// The image of [`BOOT_CLASSES`], which is never dropped.
    boot: bool,
}

impl Image {
    /// The index of the boot image, linked now if it is not there yet.
    fn boot(images: &mut Vec<Image>) -> Result<usize, LoadError> {
        if let Some(at) = images.iter().position(|i| i.boot) {
            return Ok(at);
        }
        let mut p = Program::new(ClassPath::default());
        for name in BOOT_CLASSES {
            p.load(name)?;
        }
        let classes = p
            .classes
            .iter()
            .map(|c| PrefixClass {
                name: c.name.to_string(),
                application: None,
            })
            .collect();
        images.push(Image {
            classes,
            program: p,
            boot: true,
        });
        Ok(images.len() - 1)
    }

    /// Whether this image's classes begin `prefix`.
    fn starts(&self, prefix: &[PrefixClass]) -> bool {
        self.classes.len() <= prefix.len()
            && self.classes.iter().zip(prefix).all(|(a, b)| a.same(b))
    }
}

/// Every class and method of a process.
#[derive(Debug)]
pub struct Program {
    /// The classes, indexed by [`ClassId`].
    pub classes: Vec<Class>,
    /// The methods, indexed by [`MethodId`].
    pub methods: Vec<Method>,
    // Lookup tables shared with the image a program was copied from until it adds to them
    // (`Arc::make_mut`): a restored process that loads nothing new never copies them.
    by_name: Arc<FxHashMap<Arc<str>, ClassId>>,
    selectors: Arc<FxHashMap<SelectorName, Selector>>,
    selector_names: Arc<Vec<SelectorName>>,
    /// Where classes come from.
    pub class_path: ClassPath,
    loading: Vec<Arc<str>>,
    /// Linked `invokedynamic` call sites.
    pub sites: Vec<crate::indy::CallSite>,
    /// For each call site, the class and constant-pool index of its `invokedynamic`.
    pub site_keys: Vec<(ClassId, u16)>,
}

impl Program {
    /// An empty program over a class path.
    pub fn new(class_path: ClassPath) -> Program {
        Program {
            classes: Vec::new(),
            methods: Vec::new(),
            by_name: Arc::default(),
            selectors: Arc::default(),
            selector_names: Arc::default(),
            class_path,
            loading: Vec::new(),
            sites: Vec::new(),
            site_keys: Vec::new(),
        }
    }

    /// A program over a class path with the boot classes ([`BOOT_CLASSES`]) already linked.
    /// They are linked once per OS process and copied into every VM made after: booting a
    /// process then costs a copy, not a link.
    pub fn booted(class_path: ClassPath) -> Result<Program, LoadError> {
        let mut images = IMAGES.lock().unwrap_or_else(|e| e.into_inner());
        let at = Image::boot(&mut images)?;
        Ok(images[at].program.copy(class_path))
    }

    /// A program over a class path whose first classes are `prefix`, in this order. The
    /// linked result is kept (a few, most recent first), so a host restoring processes of the
    /// same program again (migrations coming back, repeated checkpoints) links the prefix
    /// once. Application classes in it must have their superclasses and interfaces before
    /// them, as a process's own load order does. If the prefix does not link to exactly that
    /// sequence, the class path comes back, and the caller links the classes one by one and
    /// reports what fails.
    pub fn with_prefix(
        prefix: &[PrefixClass],
        class_path: ClassPath,
    ) -> Result<Program, ClassPath> {
        const KEPT: usize = 8;
        let mut images = IMAGES.lock().unwrap_or_else(|e| e.into_inner());
        if Image::boot(&mut images).is_err() {
            return Err(class_path);
        }
        let start = images
            .iter()
            .enumerate()
            .filter(|(_, i)| i.starts(prefix))
            .max_by_key(|(_, i)| i.classes.len())
            .map(|(at, _)| at);
        let mut p = match start {
            Some(at) if images[at].classes.len() == prefix.len() => {
                let image = images.remove(at);
                let copy = image.program.copy(class_path);
                images.insert(0, image);
                return Ok(copy);
            }
            Some(at) => images[at].program.copy(ClassPath::default()),
            None => return Err(class_path),
        };
        for (i, class) in prefix.iter().enumerate().skip(p.classes.len()) {
            let id = match &class.application {
                None => p.load(&class.name),
                Some((hash, bytes)) => p.define_verified(bytes.clone(), *hash),
            };
            match id {
                Ok(id) if id as usize == i && p.classes.len() == i + 1 => {}
                _ => return Err(class_path),
            }
        }
        let copy = p.copy(class_path);
        images.insert(
            0,
            Image {
                classes: prefix.to_vec(),
                program: p,
                boot: false,
            },
        );
        // The boot image always stays; the others are dropped oldest first.
        while images.len() > KEPT {
            let oldest = images
                .iter()
                .rposition(|i| !i.boot)
                .expect("more images than the boot image");
            images.remove(oldest);
        }
        Ok(copy)
    }

    /// A copy of this program's classes over another class path.
    fn copy(&self, class_path: ClassPath) -> Program {
        // Room to grow: a process goes on loading classes, and a vector cloned to its length
        // would be copied again at its first push.
        let with_room = |n: usize| n + n / 2 + 16;
        let mut classes = Vec::with_capacity(with_room(self.classes.len()));
        classes.extend_from_slice(&self.classes);
        let mut methods = Vec::with_capacity(with_room(self.methods.len()));
        methods.extend_from_slice(&self.methods);
        Program {
            classes,
            methods,
            by_name: self.by_name.clone(),
            selectors: self.selectors.clone(),
            selector_names: self.selector_names.clone(),
            class_path,
            loading: Vec::new(),
            sites: self.sites.clone(),
            site_keys: self.site_keys.clone(),
        }
    }

    /// The id of an already loaded class.
    pub fn loaded(&self, name: &str) -> Option<ClassId> {
        self.by_name.get(name).copied()
    }

    /// The class with an id.
    #[inline(always)]
    pub fn class(&self, id: ClassId) -> &Class {
        &self.classes[id as usize]
    }

    /// The method with an id.
    #[inline(always)]
    pub fn method(&self, id: MethodId) -> &Method {
        &self.methods[id as usize]
    }

    /// Interns a (name, descriptor) pair.
    pub fn selector(&mut self, name: &Arc<str>, desc: &Arc<str>) -> Selector {
        let key = (name.clone(), desc.clone());
        if let Some(&s) = self.selectors.get(&key) {
            return s;
        }
        let s = self.selector_names.len() as Selector;
        Arc::make_mut(&mut self.selector_names).push(key.clone());
        Arc::make_mut(&mut self.selectors).insert(key, s);
        s
    }

    /// The selector of a pair, if interned.
    pub fn find_selector(&self, name: &str, desc: &str) -> Option<Selector> {
        self.selectors
            .get(&(Arc::from(name), Arc::from(desc)))
            .copied()
    }

    /// Name and descriptor of a selector.
    pub fn selector_name(&self, s: Selector) -> &(Arc<str>, Arc<str>) {
        &self.selector_names[s as usize]
    }

    /// Loads (and links) a class by binary name, with its superclasses and interfaces.
    pub fn load(&mut self, name: &str) -> Result<ClassId, LoadError> {
        if let Some(id) = self.loaded(name) {
            return Ok(id);
        }
        if let Some(component) = name.strip_prefix('[') {
            return self.load_array(component);
        }
        if let Some(kind) = primitive_kind(name) {
            return Ok(self.add_primitive(name, kind));
        }
        if self.loading.iter().any(|n| &**n == name) {
            return Err(LoadError::ClassCircularity(name.replace('/', ".")));
        }
        if self.loading.len() >= MAX_HIERARCHY_DEPTH {
            return Err(LoadError::NoClassDefFound(format!(
                "{}: class hierarchy deeper than {MAX_HIERARCHY_DEPTH}",
                name.replace('/', ".")
            )));
        }
        let parsed = match library_parsed(name) {
            Some(p) => p?,
            None => {
                let found = self
                    .class_path
                    .find(name)?
                    .ok_or_else(|| LoadError::NoClassDefFound(name.to_string()))?;
                Arc::new(Parsed::new(found.bytes, found.origin)?)
            }
        };
        let file = parsed.file.clone();
        if &*file.name != name {
            return Err(LoadError::NoClassDefFound(format!(
                "{name} (wrong name: {})",
                file.name
            )));
        }
        self.loading.push(Arc::from(name));
        let result = self.link(&parsed);
        self.loading.pop();
        result
    }

    /// Defines an application class whose bytes the caller has checked against `hash`, their
    /// SHA-256 (a restore does); its parse is shared with earlier definitions of those bytes.
    pub fn define_verified(
        &mut self,
        bytes: Arc<[u8]>,
        hash: [u8; 32],
    ) -> Result<ClassId, LoadError> {
        let parsed = application_parsed(bytes, hash)?;
        self.define_parsed(parsed)
    }

    /// Defines an application class the VM wrote itself (a proxy class): it travels in
    /// checkpoints like any class file the program loaded.
    pub fn define_generated(&mut self, bytes: Vec<u8>) -> Result<ClassId, LoadError> {
        let hash: [u8; 32] = Sha256::digest(&bytes).into();
        self.define_verified(Arc::from(bytes), hash)
    }

    fn define_parsed(&mut self, parsed: Arc<Parsed>) -> Result<ClassId, LoadError> {
        if let Some(id) = self.loaded(&parsed.file.name) {
            return Ok(id);
        }
        let name: Arc<str> = parsed.file.name.clone();
        self.loading.push(name);
        let result = self.link(&parsed);
        self.loading.pop();
        result
    }

    fn link(&mut self, parsed: &Parsed) -> Result<ClassId, LoadError> {
        let file = &*parsed.file;
        let (bytes, origin) = (parsed.bytes.clone(), parsed.origin);
        let super_class = match &file.super_name {
            Some(s) => {
                let id = self.load(s)?;
                let sc = self.class(id);
                if sc.is_interface() || !matches!(sc.kind, ClassKind::Instance) {
                    return Err(LoadError::IncompatibleClassChange(format!(
                        "class {} has interface {} as super class",
                        file.name.replace('/', "."),
                        s.replace('/', ".")
                    )));
                }
                if sc.access & acc::FINAL != 0 {
                    return Err(LoadError::IncompatibleClassChange(format!(
                        "class {} cannot inherit from final class {}",
                        file.name.replace('/', "."),
                        s.replace('/', ".")
                    )));
                }
                Some(id)
            }
            None => None,
        };
        let mut interfaces = Vec::with_capacity(file.interfaces.len());
        for i in &file.interfaces {
            let id = self.load(i)?;
            if !self.class(id).is_interface() {
                return Err(LoadError::IncompatibleClassChange(format!(
                    "class {} can not implement {}, because it is not an interface",
                    file.name.replace('/', "."),
                    i.replace('/', ".")
                )));
            }
            interfaces.push(id);
        }
        // Another load during the recursion may have defined this very class.
        if let Some(id) = self.loaded(&file.name) {
            return Ok(id);
        }

        let id = self.classes.len() as ClassId;
        let mut all_interfaces: Vec<ClassId> = Vec::new();
        if let Some(s) = super_class {
            all_interfaces.extend(&self.class(s).all_interfaces);
        }
        for &i in &interfaces {
            all_interfaces.push(i);
            all_interfaces.extend(&self.class(i).all_interfaces);
        }
        all_interfaces.sort_unstable();
        all_interfaces.dedup();
        let mut supers = super_class
            .map(|s| self.class(s).supers.clone())
            .unwrap_or_default();
        supers.push(id);

        // Field layout: inherited instance slots first.
        let mut instance_kinds = super_class
            .map(|s| self.class(s).instance_kinds.clone())
            .unwrap_or_default();
        let mut static_kinds = Vec::new();
        let mut fields = Vec::with_capacity(file.fields.len());
        for f in &file.fields {
            let kind = field_kind(&f.desc).unwrap_or(Kind::Ref);
            let slots = if f.access & acc::STATIC != 0 {
                &mut static_kinds
            } else {
                &mut instance_kinds
            };
            if slots.len() >= u16::MAX as usize {
                return Err(ClassFormatError::BadDescriptor {
                    class: file.name.to_string(),
                    what: "too many fields".into(),
                }
                .into());
            }
            fields.push(Field {
                name: f.name.clone(),
                desc: f.desc.clone(),
                access: f.access,
                kind,
                slot: slots.len() as u16,
            });
            slots.push(kind);
        }

        // Methods.
        let class_name = file.name.clone();
        let mut methods = Vec::with_capacity(file.methods.len());
        let mut clinit = None;
        for (file_index, (m, sig)) in file.methods.iter().zip(&parsed.sigs).enumerate() {
            let sig = sig.clone();
            let is_static = m.access & acc::STATIC != 0;
            let arg_slots = sig.arg_slots() + usize::from(!is_static);
            // Code is decoded on first use (`Program::code`): most methods of most classes
            // never run, and a restored process re-links every class it had loaded.
            let has_code = m.code.is_some();
            let (native, intrinsic, heap_native) = if m.access & acc::NATIVE != 0 {
                (
                    natives::find(&class_name, &m.name, &m.desc),
                    natives::intrinsic(&class_name, &m.name, &m.desc),
                    natives::heap_native(&class_name, &m.name, &m.desc),
                )
            } else {
                (None, None, None)
            };
            let selector = self.selector(&m.name, &m.desc);
            let mid = self.methods.len() as MethodId;
            if &*m.name == "<clinit>" && is_static {
                clinit = Some(mid);
            }
            self.methods.push(Method {
                class: id,
                name: m.name.clone(),
                desc: m.desc.clone(),
                access: m.access,
                sig,
                arg_slots: arg_slots as u16,
                code: OnceCell::new(),
                has_code,
                file_index: file_index as u16,
                native,
                intrinsic,
                heap_native,
                selector,
                vindex: None,
            });
            methods.push(mid);
        }

        // Virtual dispatch: inherit, override by selector, append new ones.
        let is_interface = file.access & acc::INTERFACE != 0;
        let mut vtable = super_class
            .map(|s| self.class(s).vtable.clone())
            .unwrap_or_default();
        let mut by_selector = super_class
            .map(|s| self.class(s).by_selector.clone())
            .unwrap_or_default();
        for &mid in &methods {
            let m = &self.methods[mid as usize];
            if m.is_static() || &*m.name == "<init>" || &*m.name == "<clinit>" {
                continue;
            }
            let private = m.access & acc::PRIVATE != 0;
            if is_interface {
                if !private {
                    by_selector.insert(m.selector, mid);
                }
                continue;
            }
            if private {
                continue;
            }
            let sel = m.selector;
            let slot = vtable
                .iter()
                .position(|&v| self.methods[v as usize].selector == sel);
            let vindex = match slot {
                Some(i) => {
                    vtable[i] = mid;
                    i
                }
                None => {
                    vtable.push(mid);
                    vtable.len() - 1
                }
            };
            self.methods[mid as usize].vindex = Some(vindex as u32);
            by_selector.insert(sel, mid);
        }
        if !is_interface {
            self.resolve_defaults(id, &all_interfaces, &mut by_selector);
        }

        let kind = ClassKind::Instance;
        let hash = parsed.hash;
        let name = file.name.clone();
        self.classes.push(Class {
            name: name.clone(),
            access: file.access,
            file: Some(parsed.file.clone()),
            bytes: Some(bytes),
            hash: Some(hash),
            origin,
            kind,
            super_class,
            interfaces,
            all_interfaces,
            supers,
            fields,
            zeroed: zeroed_of(&instance_kinds),
            instance_kinds,
            static_kinds,
            methods,
            vtable,
            by_selector,
            clinit,
            array_class: None,
        });
        Arc::make_mut(&mut self.by_name).insert(name, id);
        Ok(id)
    }

    /// Default methods: for each selector the class `id` and its superclasses lack, the
    /// maximally specific non-abstract method of its interfaces (`all_interfaces`, the
    /// interfaces it implements, direct or not). Abstract ones are recorded so resolution
    /// finds them. Shared by class files and generated classes (lambdas), so both inherit
    /// every default, however far up the interfaces it is declared.
    fn resolve_defaults(
        &self,
        id: ClassId,
        all_interfaces: &[ClassId],
        by_selector: &mut FxHashMap<Selector, MethodId>,
    ) {
        for &iface in all_interfaces {
            for &mid in &self.classes[iface as usize].methods {
                let m = &self.methods[mid as usize];
                if m.is_static() || m.access & acc::PRIVATE != 0 || &*m.name == "<clinit>" {
                    continue;
                }
                let sel = m.selector;
                let replace = match by_selector.get(&sel) {
                    None => true,
                    Some(&cur) if self.methods[cur as usize].class == id => false,
                    Some(&cur) => {
                        let c = &self.methods[cur as usize];
                        let cur_class = &self.classes[c.class as usize];
                        // A class's own method always wins; between interface methods the
                        // more specific (a subinterface) or the non-abstract one wins.
                        cur_class.is_interface()
                            && ((c.is_abstract() && !m.is_abstract())
                                || self.classes[iface as usize]
                                    .all_interfaces
                                    .binary_search(&c.class)
                                    .is_ok())
                    }
                };
                if replace {
                    by_selector.insert(sel, mid);
                }
            }
        }
    }

    /// Defines a class that has no class file: a lambda proxy extending `Object`, with one
    /// instance field per captured value and one generated method.
    pub fn define_synthetic(
        &mut self,
        name: &str,
        interfaces: Vec<ClassId>,
        fields: Vec<Kind>,
        method: (Arc<str>, Arc<str>, Code),
        origin: Origin,
    ) -> ClassId {
        let object = self
            .loaded("java/lang/Object")
            .expect("Object is loaded first");
        let id = self.classes.len() as ClassId;
        let (mname, mdesc, code) = method;
        let sig =
            MethodSig::parse(&mdesc).expect("lambda descriptors come from checked class files");
        let selector = self.selector(&mname, &mdesc);
        let mid = self.methods.len() as MethodId;
        self.methods.push(Method {
            class: id,
            arg_slots: (sig.arg_slots() + 1) as u16,
            sig: Arc::new(sig),
            name: mname,
            desc: mdesc,
            access: acc::PUBLIC | acc::FINAL,
            code: OnceCell::from(code),
            has_code: true,
            file_index: 0,
            native: None,
            intrinsic: None,
            heap_native: None,
            selector,
            vindex: None,
        });
        let obj = self.class(object);
        let mut vtable = obj.vtable.clone();
        let mut by_selector = obj.by_selector.clone();
        vtable.push(mid);
        self.methods[mid as usize].vindex = Some(vtable.len() as u32 - 1);
        by_selector.insert(selector, mid);
        let mut all_interfaces = Vec::new();
        for &i in &interfaces {
            all_interfaces.push(i);
            all_interfaces.extend(&self.class(i).all_interfaces);
        }
        all_interfaces.sort_unstable();
        all_interfaces.dedup();
        self.resolve_defaults(id, &all_interfaces, &mut by_selector);
        let name: Arc<str> = Arc::from(name);
        self.classes.push(Class {
            name: name.clone(),
            file: None,
            bytes: None,
            hash: None,
            origin,
            kind: ClassKind::Instance,
            access: acc::FINAL | acc::SYNTHETIC,
            super_class: Some(object),
            interfaces,
            all_interfaces,
            supers: vec![object, id],
            fields: Vec::new(),
            zeroed: zeroed_of(&fields),
            instance_kinds: fields,
            static_kinds: Vec::new(),
            methods: vec![mid],
            vtable,
            by_selector,
            clinit: None,
            array_class: None,
        });
        Arc::make_mut(&mut self.by_name).insert(name, id);
        id
    }

    fn load_array(&mut self, component_desc: &str) -> Result<ClassId, LoadError> {
        let elem = Kind::of_char(*component_desc.as_bytes().first().unwrap_or(&b'?'))
            .filter(|k| *k != Kind::Void)
            .ok_or_else(|| LoadError::NoClassDefFound(format!("[{component_desc}")))?;
        let component_name = match elem {
            Kind::Ref => crate::descriptor::class_name_of_desc(component_desc),
            _ => primitive_name(elem),
        };
        if elem != Kind::Ref && component_desc.len() != 1 {
            return Err(LoadError::NoClassDefFound(format!("[{component_desc}")));
        }
        // `[Lint;` names an array of a class called `int`, which no class path holds.
        if elem == Kind::Ref && primitive_kind(component_name).is_some() {
            return Err(LoadError::NoClassDefFound(component_name.to_string()));
        }
        if self.loading.len() >= MAX_HIERARCHY_DEPTH {
            return Err(LoadError::NoClassDefFound(format!(
                "[{component_desc}: too many dimensions"
            )));
        }
        self.loading.push(Arc::from(component_desc));
        let component = self.load(component_name);
        self.loading.pop();
        let component = component?;
        Ok(self.array_of(component))
    }

    /// The array class whose component is `component`, creating it if needed.
    pub fn array_of(&mut self, component: ClassId) -> ClassId {
        if let Some(a) = self.class(component).array_class {
            return a;
        }
        let c = self.class(component);
        let name = array_name(&c.name);
        let elem = match c.kind {
            ClassKind::Primitive(k) => k,
            ClassKind::Array { .. } | ClassKind::Instance => Kind::Ref,
        };
        let object = self
            .loaded("java/lang/Object")
            .expect("Object is loaded before any array");
        let mut interfaces = Vec::new();
        for i in ["java/lang/Cloneable", "java/io/Serializable"] {
            if let Some(id) = self.loaded(i) {
                interfaces.push(id);
            }
        }
        let id = self.classes.len() as ClassId;
        let obj = self.class(object);
        let name: Arc<str> = Arc::from(name);
        let class = Class {
            name: name.clone(),
            file: None,
            bytes: None,
            hash: None,
            origin: self.class(component).origin,
            kind: ClassKind::Array { component, elem },
            access: acc::PUBLIC | acc::FINAL | acc::ABSTRACT,
            super_class: Some(object),
            all_interfaces: interfaces.clone(),
            interfaces,
            supers: vec![object, id],
            fields: Vec::new(),
            instance_kinds: Vec::new(),
            zeroed: Box::new([]),
            static_kinds: Vec::new(),
            methods: Vec::new(),
            vtable: obj.vtable.clone(),
            by_selector: obj.by_selector.clone(),
            clinit: None,
            array_class: None,
        };
        self.classes.push(class);
        self.classes[component as usize].array_class = Some(id);
        Arc::make_mut(&mut self.by_name).insert(name, id);
        id
    }

    fn add_primitive(&mut self, name: &str, kind: Kind) -> ClassId {
        let id = self.classes.len() as ClassId;
        let name: Arc<str> = Arc::from(name);
        self.classes.push(Class {
            name: name.clone(),
            file: None,
            bytes: None,
            hash: None,
            origin: Origin::Library,
            kind: ClassKind::Primitive(kind),
            access: acc::PUBLIC | acc::FINAL | acc::ABSTRACT,
            super_class: None,
            interfaces: Vec::new(),
            all_interfaces: Vec::new(),
            supers: vec![id],
            fields: Vec::new(),
            instance_kinds: Vec::new(),
            zeroed: Box::new([]),
            static_kinds: Vec::new(),
            methods: Vec::new(),
            vtable: Vec::new(),
            by_selector: FxHashMap::default(),
            clinit: None,
            array_class: None,
        });
        Arc::make_mut(&mut self.by_name).insert(name, id);
        id
    }

    /// Whether an instance of `sub` may be assigned to a variable of type `sup` (JVMS 6.5
    /// `checkcast` rules).
    pub fn is_assignable(&self, sub: ClassId, sup: ClassId) -> bool {
        if sub == sup {
            return true;
        }
        let s = self.class(sub);
        let t = self.class(sup);
        match (s.kind, t.kind) {
            (_, ClassKind::Instance) if t.is_interface() => {
                s.all_interfaces.binary_search(&sup).is_ok()
            }
            (ClassKind::Array { .. }, ClassKind::Instance) => &*t.name == "java/lang/Object",
            (ClassKind::Instance, ClassKind::Instance) => {
                let depth = t.supers.len();
                s.supers.len() >= depth && s.supers[depth - 1] == sup
            }
            (
                ClassKind::Array {
                    component: sc,
                    elem: se,
                },
                ClassKind::Array {
                    component: tc,
                    elem: te,
                },
            ) => {
                if se == Kind::Ref && te == Kind::Ref {
                    self.is_assignable(sc, tc)
                } else {
                    sc == tc
                }
            }
            _ => false,
        }
    }

    /// Finds a field by JVMS 5.4.3.2: the class, its superinterfaces, then its superclass.
    pub fn resolve_field(
        &self,
        class: ClassId,
        name: &str,
        desc: &str,
    ) -> Option<(ClassId, Field)> {
        let mut c = Some(class);
        while let Some(id) = c {
            let cls = self.class(id);
            if let Some(f) = cls.field(name, desc) {
                return Some((id, f.clone()));
            }
            for &i in &cls.interfaces {
                if let Some(found) = self.resolve_field(i, name, desc) {
                    return Some(found);
                }
            }
            c = cls.super_class;
        }
        None
    }

    /// Finds a method by JVMS 5.4.3.3 / 5.4.3.4: the class and its superclasses, then the
    /// maximally specific superinterface method.
    pub fn resolve_method(&self, class: ClassId, name: &str, desc: &str) -> Option<MethodId> {
        let declared = |id: ClassId| {
            self.class(id).methods.iter().copied().find(|&m| {
                &*self.methods[m as usize].name == name && &*self.methods[m as usize].desc == desc
            })
        };
        let mut c = Some(class);
        while let Some(id) = c {
            if let Some(m) = declared(id) {
                return Some(m);
            }
            c = self.class(id).super_class;
        }
        let cls = self.class(class);
        let mut best: Option<MethodId> = None;
        for &i in &cls.all_interfaces {
            if let Some(m) = declared(i) {
                let mm = self.method(m);
                if mm.access & (acc::PRIVATE | acc::STATIC) != 0 {
                    continue;
                }
                best = match best {
                    None => Some(m),
                    Some(b) => {
                        let bm = self.method(b);
                        if bm.is_abstract() && !mm.is_abstract() {
                            Some(m)
                        } else {
                            Some(b)
                        }
                    }
                };
            }
        }
        if best.is_none() && cls.is_interface() {
            // Interfaces inherit the public methods of Object.
            if let Some(obj) = self.loaded("java/lang/Object") {
                return declared(obj);
            }
        }
        best
    }

    /// Selects the method a virtual or interface call runs for a receiver class.
    pub fn select(&self, receiver: ClassId, selector: Selector) -> Option<MethodId> {
        self.class(receiver).by_selector.get(&selector).copied()
    }

    /// A method's decoded code, decoding it on first request; `None` for methods without
    /// bytecode. Malformed bytecode is reported here, when the method is first needed.
    pub fn code(&self, method: MethodId) -> Result<Option<&Code>, ClassFormatError> {
        let m = self.method(method);
        if !m.has_code {
            return Ok(None);
        }
        if let Some(code) = m.code.get() {
            return Ok(Some(code));
        }
        let class = self.class(m.class);
        let file = class
            .file
            .as_ref()
            .expect("methods with bytecode come from class files");
        let info = file.methods[m.file_index as usize]
            .code
            .as_ref()
            .expect("has_code says the class file has code");
        let err = |what: String| ClassFormatError::BadCode {
            class: class.java_name(),
            method: format!("{}{}", m.name, m.desc),
            what,
        };
        let decoded = code::decode(info, &file.cp, m.sig.arg_slots(), m.is_static(), &err)?;
        Ok(Some(m.code.get_or_init(|| decoded)))
    }

    /// The line number of a method's instruction, for stack traces.
    pub fn line_of(&self, method: MethodId, index: u32) -> Option<u16> {
        self.method(method).code.get()?.line_of(index)
    }
}

/// A parsed class file with its bytes and their SHA-256.
#[derive(Debug)]
struct Parsed {
    file: Arc<ClassFile>,
    bytes: Arc<[u8]>,
    hash: [u8; 32],
    origin: Origin,
    /// The parsed descriptor of each method, in the file's order.
    sigs: Vec<Arc<MethodSig>>,
}

impl Parsed {
    fn new(bytes: Arc<[u8]>, origin: Origin) -> Result<Parsed, ClassFormatError> {
        let hash = Sha256::digest(&bytes).into();
        Parsed::hashed(bytes, hash, origin)
    }

    /// Parses bytes whose SHA-256 the caller has already computed.
    fn hashed(
        bytes: Arc<[u8]>,
        hash: [u8; 32],
        origin: Origin,
    ) -> Result<Parsed, ClassFormatError> {
        let file = classfile::parse(&bytes)?;
        let sigs = file
            .methods
            .iter()
            .map(|m| {
                MethodSig::parse(&m.desc).map(Arc::new).map_err(|e| {
                    ClassFormatError::BadDescriptor {
                        class: file.name.to_string(),
                        what: e.to_string(),
                    }
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Parsed {
            file: Arc::new(file),
            hash,
            bytes,
            origin,
            sigs,
        })
    }
}

/// Application classes restored before, parsed, by SHA-256: a host restoring the same program
/// again (a daemon receiving migrations) parses its classes once. Bounded: when full, it
/// starts over.
fn application_parsed(bytes: Arc<[u8]>, hash: [u8; 32]) -> Result<Arc<Parsed>, ClassFormatError> {
    const CAPACITY: usize = 4096;
    static CACHE: Mutex<Option<HashMap<[u8; 32], Arc<Parsed>>>> = Mutex::new(None);
    let lock = || CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = lock().as_ref().and_then(|c| c.get(&hash))
        && p.bytes == bytes
    {
        return Ok(p.clone());
    }
    let parsed = Arc::new(Parsed::hashed(bytes, hash, Origin::Application)?);
    let mut cache = lock();
    let cache = cache.get_or_insert_with(HashMap::new);
    if cache.len() >= CAPACITY {
        cache.clear();
    }
    cache.insert(hash, parsed.clone());
    Ok(parsed)
}

/// The class library's classes, parsed and hashed once per process: every VM of the process
/// (and every restore) links from the same immutable parse.
fn library_parsed(name: &str) -> Option<Result<Arc<Parsed>, ClassFormatError>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Parsed>>>> = OnceLock::new();
    let bytes = crate::classpath::library_class(name)?;
    let cache = CACHE.get_or_init(Default::default);
    if let Some(p) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(name) {
        return Some(Ok(p.clone()));
    }
    let parsed = match Parsed::new(Arc::from(bytes), Origin::Library) {
        Ok(p) => Arc::new(p),
        Err(e) => return Some(Err(e)),
    };
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(name.to_string(), parsed.clone());
    Some(Ok(parsed))
}

/// The SHA-256 of a class of the library, computed once per process.
pub fn library_hash(name: &str) -> Option<[u8; 32]> {
    library_parsed(name)?.ok().map(|p| p.hash)
}

/// The binary name of the array class whose components are of class `component` (`int` gives
/// `[I`, `[I` gives `[[I`, `java/lang/String` gives `[Ljava/lang/String;`).
pub fn array_name(component: &str) -> String {
    match primitive_kind(component) {
        Some(k) => format!("[{}", desc_char(k)),
        None if component.starts_with('[') => format!("[{component}"),
        None => format!("[L{component};"),
    }
}

/// The kind of a primitive class name (`int`), if it is one.
pub fn primitive_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "boolean" => Kind::Boolean,
        "byte" => Kind::Byte,
        "char" => Kind::Char,
        "short" => Kind::Short,
        "int" => Kind::Int,
        "long" => Kind::Long,
        "float" => Kind::Float,
        "double" => Kind::Double,
        "void" => Kind::Void,
        _ => return None,
    })
}

/// The Java name of a primitive kind.
pub fn primitive_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Boolean => "boolean",
        Kind::Byte => "byte",
        Kind::Char => "char",
        Kind::Short => "short",
        Kind::Int => "int",
        Kind::Long => "long",
        Kind::Float => "float",
        Kind::Double => "double",
        Kind::Void => "void",
        Kind::Ref => "?",
    }
}

fn desc_char(kind: Kind) -> char {
    match kind {
        Kind::Boolean => 'Z',
        Kind::Byte => 'B',
        Kind::Char => 'C',
        Kind::Short => 'S',
        Kind::Int => 'I',
        Kind::Long => 'J',
        Kind::Float => 'F',
        Kind::Double => 'D',
        Kind::Void => 'V',
        Kind::Ref => 'L',
    }
}

/// The fields of a new instance with slots of these kinds: every slot zero, null or false.
fn zeroed_of(kinds: &[Kind]) -> Box<[crate::value::Value]> {
    kinds.iter().map(|&k| crate::value::zero_of(k)).collect()
}
