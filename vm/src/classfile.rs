//! Class files: parsed by `jclassfile`, then checked and turned into the VM's own model, with
//! every constant-pool reference resolved to names. Nothing here trusts the bytes: every index
//! is checked, and a malformed class gives a [`ClassFormatError`] naming what is wrong.

use crate::annotations::Encoder;
use crate::descriptor::{MethodSig, field_kind};
use jclassfile::attributes::Attribute;
use jclassfile::constant_pool::ConstantPool as Cp;
use std::sync::Arc;
use thiserror::Error;

/// Highest class-file major version phantom accepts (Java 17).
pub const MAX_MAJOR_VERSION: u16 = 61;

/// Access flags used by the VM.
pub mod acc {
    /// `ACC_PUBLIC`
    pub const PUBLIC: u16 = 0x0001;
    /// `ACC_PRIVATE`
    pub const PRIVATE: u16 = 0x0002;
    /// `ACC_PROTECTED`
    pub const PROTECTED: u16 = 0x0004;
    /// `ACC_STATIC`
    pub const STATIC: u16 = 0x0008;
    /// `ACC_FINAL`
    pub const FINAL: u16 = 0x0010;
    /// `ACC_SYNCHRONIZED` (methods)
    pub const SYNCHRONIZED: u16 = 0x0020;
    /// `ACC_NATIVE` (methods)
    pub const NATIVE: u16 = 0x0100;
    /// `ACC_INTERFACE` (classes)
    pub const INTERFACE: u16 = 0x0200;
    /// `ACC_ABSTRACT`
    pub const ABSTRACT: u16 = 0x0400;
    /// `ACC_ENUM` (classes)
    pub const ENUM: u16 = 0x4000;
    /// `ACC_SYNTHETIC`
    pub const SYNTHETIC: u16 = 0x1000;
}

/// A class file that cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClassFormatError {
    /// The bytes are not a class file at all, or end early.
    #[error("malformed class file: {0}")]
    Unparsable(String),
    /// The class file's version is newer than Java 17.
    #[error(
        "{class} has been compiled by a more recent version of the Java Runtime (class file version {major}.{minor}), this version of the Java Runtime only recognizes class file versions up to 61.0"
    )]
    UnsupportedVersion {
        /// Class name.
        class: String,
        /// Major version found.
        major: u16,
        /// Minor version found.
        minor: u16,
    },
    /// A constant-pool index points outside the pool or at an entry of the wrong kind.
    #[error("bad constant pool index {index} in {class}: expected {expected}")]
    BadConstant {
        /// Class name (or `?` before it is known).
        class: String,
        /// The offending index.
        index: u16,
        /// What the entry should have been.
        expected: &'static str,
    },
    /// A field or method descriptor is malformed.
    #[error("{class}: {what}")]
    BadDescriptor {
        /// Class name.
        class: String,
        /// Description of the problem.
        what: String,
    },
    /// An attribute other than code is malformed (annotations).
    #[error("{class}: {what}")]
    BadAttribute {
        /// Class name.
        class: String,
        /// Description of the problem.
        what: String,
    },
    /// A method's code attribute is inconsistent.
    #[error("{class}.{method}: {what}")]
    BadCode {
        /// Class name.
        class: String,
        /// Method name and descriptor.
        method: String,
        /// Description of the problem.
        what: String,
    },
}

/// A resolved constant-pool entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    /// Index 0, the upper half of a long or double, and entries the VM ignores.
    Unused,
    /// `CONSTANT_Utf8`
    Utf8(Arc<str>),
    /// `CONSTANT_Integer`
    Int(i32),
    /// `CONSTANT_Float`
    Float(f32),
    /// `CONSTANT_Long`
    Long(i64),
    /// `CONSTANT_Double`
    Double(f64),
    /// `CONSTANT_Class`: a binary name such as `java/lang/String` or `[I`.
    Class(Arc<str>),
    /// `CONSTANT_String`
    String(Arc<str>),
    /// `CONSTANT_Fieldref`
    Field(MemberRef),
    /// `CONSTANT_Methodref` and `CONSTANT_InterfaceMethodref`
    Method(MemberRef),
    /// `CONSTANT_NameAndType`
    NameAndType(Arc<str>, Arc<str>),
    /// `CONSTANT_MethodHandle`
    MethodHandle {
        /// `reference_kind` (1..=9)
        kind: u8,
        /// The field or method it refers to.
        member: MemberRef,
    },
    /// `CONSTANT_MethodType`
    MethodType(Arc<str>),
    /// `CONSTANT_Dynamic`
    Dynamic(DynamicRef),
    /// `CONSTANT_InvokeDynamic`
    InvokeDynamic(DynamicRef),
}

/// A field or method reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRef {
    /// Binary name of the class or interface named by the reference.
    pub class: Arc<str>,
    /// Member name.
    pub name: Arc<str>,
    /// Member descriptor.
    pub desc: Arc<str>,
    /// Whether it was a `CONSTANT_InterfaceMethodref`.
    pub interface: bool,
}

/// A `CONSTANT_Dynamic` or `CONSTANT_InvokeDynamic` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynamicRef {
    /// Index into the class's bootstrap methods.
    pub bootstrap: u16,
    /// Name of the call site or constant.
    pub name: Arc<str>,
    /// Its descriptor.
    pub desc: Arc<str>,
}

/// One entry of a bootstrap-methods attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bootstrap {
    /// Constant-pool index of the bootstrap `MethodHandle`.
    pub method: u16,
    /// Constant-pool indices of its static arguments.
    pub args: Vec<u16>,
}

/// A field declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldInfo {
    /// Access flags.
    pub access: u16,
    /// Name.
    pub name: Arc<str>,
    /// Descriptor.
    pub desc: Arc<str>,
    /// Constant-pool index of its `ConstantValue`, for static fields.
    pub constant: Option<u16>,
    /// Its runtime-visible annotations, encoded by [`crate::annotations`].
    pub annotations: Option<Arc<[u8]>>,
    /// Its generic type, from its `Signature` attribute.
    pub signature: Option<Arc<str>>,
}

/// An exception handler of a method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handler {
    /// First byte offset covered.
    pub start: u16,
    /// First byte offset no longer covered.
    pub end: u16,
    /// Byte offset of the handler.
    pub handler: u16,
    /// Binary name of the caught class, or `None` for any (`finally`).
    pub catch: Option<Arc<str>>,
}

/// A method's `Code` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeInfo {
    /// Maximum operand-stack depth in slots.
    pub max_stack: u16,
    /// Number of local-variable slots.
    pub max_locals: u16,
    /// The bytecode.
    pub bytes: Vec<u8>,
    /// Exception handlers, in order of precedence.
    pub handlers: Vec<Handler>,
    /// `(start byte offset, line number)`, sorted by offset.
    pub lines: Vec<(u16, u16)>,
    /// The `LocalVariableTable` entries, in the file's order (empty without one): helpful
    /// `NullPointerException` messages name locals by them, as HotSpot does.
    pub locals: Vec<LocalVar>,
}

/// A `LocalVariableTable` entry: a name for a local-variable slot over a range of the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalVar {
    /// First byte offset where the variable has a value.
    pub start: u16,
    /// Bytes of code from `start` where it has one.
    pub length: u16,
    /// Its slot.
    pub slot: u16,
    /// Its name.
    pub name: Arc<str>,
}

impl CodeInfo {
    /// The name of the local in `slot` at byte offset `pc`, if the table has one (HotSpot's
    /// rule: the first entry whose range holds the offset).
    pub fn local_name(&self, slot: u16, pc: u32) -> Option<&str> {
        self.locals
            .iter()
            .find(|v| {
                v.slot == slot && pc >= v.start as u32 && pc < v.start as u32 + v.length as u32
            })
            .map(|v| &*v.name)
    }
}

/// A method declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodInfo {
    /// Access flags.
    pub access: u16,
    /// Name.
    pub name: Arc<str>,
    /// Descriptor.
    pub desc: Arc<str>,
    /// Code, absent for abstract and native methods.
    pub code: Option<CodeInfo>,
    /// Binary names of the classes its `Exceptions` attribute lists (its `throws` clause).
    pub exceptions: Vec<Arc<str>>,
    /// Its runtime-visible annotations, encoded by [`crate::annotations`].
    pub annotations: Option<Arc<[u8]>>,
    /// Its parameters' runtime-visible annotations, encoded by [`crate::annotations`].
    pub parameter_annotations: Option<Arc<[u8]>>,
    /// An annotation interface element's default value, encoded by [`crate::annotations`].
    pub annotation_default: Option<Arc<[u8]>>,
    /// Its generic signature, from its `Signature` attribute.
    pub signature: Option<Arc<str>>,
    /// Its parameters' names (if recorded) and flags, from its `MethodParameters` attribute.
    pub parameters: Option<Vec<(Option<Arc<str>>, u16)>>,
}

/// What a record component carries besides its name and descriptor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComponentExtras {
    /// Its generic type, from its `Signature` attribute.
    pub signature: Option<Arc<str>>,
    /// Its runtime-visible annotations, encoded by [`crate::annotations`].
    pub annotations: Option<Arc<[u8]>>,
}

/// An `InnerClasses` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InnerClass {
    /// Binary name of the inner class.
    pub inner: Arc<str>,
    /// Binary name of the outer class, if a member.
    pub outer: Option<Arc<str>>,
    /// Simple name, or `None` if anonymous.
    pub simple_name: Option<Arc<str>>,
    /// Access flags of the inner class.
    pub access: u16,
}

/// A checked class file.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassFile {
    /// Major version.
    pub major: u16,
    /// Access flags.
    pub access: u16,
    /// Binary name, e.g. `java/lang/String`.
    pub name: Arc<str>,
    /// Superclass binary name (`None` only for `java/lang/Object`).
    pub super_name: Option<Arc<str>>,
    /// Direct superinterfaces.
    pub interfaces: Vec<Arc<str>>,
    /// The constant pool, indexable by the class file's indices.
    pub cp: Vec<Const>,
    /// Fields.
    pub fields: Vec<FieldInfo>,
    /// Methods.
    pub methods: Vec<MethodInfo>,
    /// `SourceFile`, if present.
    pub source_file: Option<Arc<str>>,
    /// `BootstrapMethods`.
    pub bootstraps: Vec<Bootstrap>,
    /// `InnerClasses`.
    pub inner_classes: Vec<InnerClass>,
    /// `NestHost`, if present.
    pub nest_host: Option<Arc<str>>,
    /// `NestMembers`: the classes a nest host lists as its members.
    pub nest_members: Vec<Arc<str>>,
    /// The class named by `EnclosingMethod`, if present (local and anonymous classes).
    pub enclosing_class: Option<Arc<str>>,
    /// The method `EnclosingMethod` names (name, descriptor), for classes declared in one.
    pub enclosing_method: Option<(Arc<str>, Arc<str>)>,
    /// The classes `PermittedSubclasses` lists (a sealed class), or `None` if it is absent.
    pub permitted_subclasses: Option<Vec<Arc<str>>>,
    /// Whether the class has a `Record` attribute.
    pub is_record: bool,
    /// The record components' names and descriptors, in order.
    pub record_components: Vec<(Arc<str>, Arc<str>)>,
    /// Each record component's generic signature and annotations, in the order of
    /// `record_components`.
    pub record_component_extras: Vec<ComponentExtras>,
    /// Its runtime-visible annotations, encoded by [`crate::annotations`].
    pub annotations: Option<Arc<[u8]>>,
    /// Its generic signature (type parameters, superclass, interfaces), from its `Signature`
    /// attribute.
    pub signature: Option<Arc<str>>,
}

struct Pool<'a> {
    raw: &'a [Cp],
    class: String,
}

impl Pool<'_> {
    fn err(&self, index: u16, expected: &'static str) -> ClassFormatError {
        ClassFormatError::BadConstant {
            class: self.class.clone(),
            index,
            expected,
        }
    }

    fn utf8(&self, index: u16) -> Result<Arc<str>, ClassFormatError> {
        match self.raw.get(index as usize) {
            Some(Cp::Utf8 { value }) => Ok(Arc::from(value.as_str())),
            _ => Err(self.err(index, "Utf8")),
        }
    }

    fn class_name(&self, index: u16) -> Result<Arc<str>, ClassFormatError> {
        match self.raw.get(index as usize) {
            Some(Cp::Class { name_index }) => self.utf8(*name_index),
            _ => Err(self.err(index, "Class")),
        }
    }

    fn name_and_type(&self, index: u16) -> Result<(Arc<str>, Arc<str>), ClassFormatError> {
        match self.raw.get(index as usize) {
            Some(Cp::NameAndType {
                name_index,
                descriptor_index,
            }) => Ok((self.utf8(*name_index)?, self.utf8(*descriptor_index)?)),
            _ => Err(self.err(index, "NameAndType")),
        }
    }

    fn member(&self, index: u16) -> Result<(MemberRef, bool), ClassFormatError> {
        let (class_index, nat, is_field, interface) = match self.raw.get(index as usize) {
            Some(Cp::Fieldref {
                class_index,
                name_and_type_index,
            }) => (*class_index, *name_and_type_index, true, false),
            Some(Cp::Methodref {
                class_index,
                name_and_type_index,
            }) => (*class_index, *name_and_type_index, false, false),
            Some(Cp::InterfaceMethodref {
                class_index,
                name_and_type_index,
            }) => (*class_index, *name_and_type_index, false, true),
            _ => return Err(self.err(index, "Fieldref or Methodref")),
        };
        let (name, desc) = self.name_and_type(nat)?;
        let member = MemberRef {
            class: self.class_name(class_index)?,
            name,
            desc,
            interface,
        };
        Ok((member, is_field))
    }

    fn dynamic(&self, bootstrap: u16, nat: u16) -> Result<DynamicRef, ClassFormatError> {
        let (name, desc) = self.name_and_type(nat)?;
        Ok(DynamicRef {
            bootstrap,
            name,
            desc,
        })
    }

    fn resolve(&self, index: usize) -> Result<Const, ClassFormatError> {
        let i = index as u16;
        Ok(match &self.raw[index] {
            Cp::Empty | Cp::Module { .. } | Cp::Package { .. } => Const::Unused,
            Cp::Utf8 { value } => Const::Utf8(Arc::from(value.as_str())),
            Cp::Integer { value } => Const::Int(*value),
            Cp::Float { value } => Const::Float(*value),
            Cp::Long { value } => Const::Long(*value),
            Cp::Double { value } => Const::Double(*value),
            Cp::Class { name_index } => Const::Class(self.utf8(*name_index)?),
            Cp::String { string_index } => Const::String(self.utf8(*string_index)?),
            Cp::Fieldref { .. } => Const::Field(self.member(i)?.0),
            Cp::Methodref { .. } | Cp::InterfaceMethodref { .. } => {
                Const::Method(self.member(i)?.0)
            }
            Cp::NameAndType { .. } => {
                let (n, d) = self.name_and_type(i)?;
                Const::NameAndType(n, d)
            }
            Cp::MethodHandle {
                reference_kind,
                reference_index,
            } => {
                if !(1..=9).contains(reference_kind) {
                    return Err(self.err(i, "MethodHandle with a kind from 1 to 9"));
                }
                let (member, is_field) = self.member(*reference_index)?;
                if is_field != (*reference_kind <= 4) {
                    return Err(self.err(i, "MethodHandle whose kind matches its reference"));
                }
                Const::MethodHandle {
                    kind: *reference_kind,
                    member,
                }
            }
            Cp::MethodType { descriptor_index } => Const::MethodType(self.utf8(*descriptor_index)?),
            Cp::Dynamic {
                bootstrap_method_attr_index,
                name_and_type_index,
            } => Const::Dynamic(self.dynamic(*bootstrap_method_attr_index, *name_and_type_index)?),
            Cp::InvokeDynamic {
                bootstrap_method_attr_index,
                name_and_type_index,
            } => Const::InvokeDynamic(
                self.dynamic(*bootstrap_method_attr_index, *name_and_type_index)?,
            ),
        })
    }
}

/// Parses and checks a class file.
pub fn parse(bytes: &[u8]) -> Result<ClassFile, ClassFormatError> {
    crate::annotations::check_nesting(bytes).map_err(ClassFormatError::Unparsable)?;
    let raw = jclassfile::class_file::parse(bytes)
        .map_err(|e| ClassFormatError::Unparsable(describe_parse_error(&e)))?;
    let mut pool = Pool {
        raw: raw.constant_pool(),
        class: "?".to_string(),
    };
    let name = pool.class_name(raw.this_class())?;
    pool.class = name.to_string();
    if raw.major_version() > MAX_MAJOR_VERSION {
        return Err(ClassFormatError::UnsupportedVersion {
            class: name.replace('/', "."),
            major: raw.major_version(),
            minor: raw.minor_version(),
        });
    }
    let cp = (0..pool.raw.len())
        .map(|i| pool.resolve(i))
        .collect::<Result<Vec<_>, _>>()?;
    let super_name = match raw.super_class() {
        0 if &*name == "java/lang/Object" => None,
        0 => return Err(pool.err(0, "a superclass")),
        i => Some(pool.class_name(i)?),
    };
    let interfaces = raw
        .interfaces()
        .iter()
        .map(|&i| pool.class_name(i))
        .collect::<Result<Vec<_>, _>>()?;
    let bad_desc = |what: String| ClassFormatError::BadDescriptor {
        class: name.to_string(),
        what,
    };

    let mut fields = Vec::with_capacity(raw.fields().len());
    for f in raw.fields() {
        let fname = pool.utf8(f.name_index())?;
        let desc = pool.utf8(f.descriptor_index())?;
        field_kind(&desc).map_err(|e| bad_desc(format!("field {fname}: {e}")))?;
        let constant = f.attributes().iter().find_map(|a| match a {
            Attribute::ConstantValue {
                constantvalue_index,
            } => Some(*constantvalue_index),
            _ => None,
        });
        let (mut annotations, mut signature) = (None, None);
        for a in f.attributes() {
            match a {
                Attribute::RuntimeVisibleAnnotations {
                    annotations: anns, ..
                } => annotations = Some(Encoder::new(&cp, &name).annotations(anns)?),
                Attribute::Signature { signature_index } => {
                    signature = Some(pool.utf8(*signature_index)?)
                }
                _ => {}
            }
        }
        if let Some(c) = constant {
            let ok = matches!(
                cp.get(c as usize),
                Some(
                    Const::Int(_)
                        | Const::Long(_)
                        | Const::Float(_)
                        | Const::Double(_)
                        | Const::String(_)
                )
            );
            if !ok {
                return Err(pool.err(c, "a constant value"));
            }
        }
        fields.push(FieldInfo {
            access: f.access_flags().bits(),
            name: fname,
            desc,
            constant,
            annotations,
            signature,
        });
    }

    let mut methods = Vec::with_capacity(raw.methods().len());
    for m in raw.methods() {
        let mname = pool.utf8(m.name_index())?;
        let desc = pool.utf8(m.descriptor_index())?;
        MethodSig::parse(&desc).map_err(|e| bad_desc(format!("method {mname}: {e}")))?;
        let access = m.access_flags().bits();
        let mut code = None;
        let mut exceptions = Vec::new();
        let (mut annotations, mut parameter_annotations, mut annotation_default) =
            (None, None, None);
        let mut signature = None;
        let mut parameters = None;
        for a in m.attributes() {
            match a {
                Attribute::MethodParameters { parameters: params } => {
                    let mut list = Vec::with_capacity(params.len());
                    for p in params {
                        let name = match p.name_index() {
                            0 => None,
                            i => Some(pool.utf8(i)?),
                        };
                        list.push((name, p.access_flags().bits()));
                    }
                    parameters = Some(list);
                }
                Attribute::Signature { signature_index } => {
                    signature = Some(pool.utf8(*signature_index)?)
                }
                Attribute::RuntimeVisibleAnnotations {
                    annotations: anns, ..
                } => annotations = Some(Encoder::new(&cp, &name).annotations(anns)?),
                Attribute::RuntimeVisibleParameterAnnotations {
                    parameter_annotations: params,
                } => parameter_annotations = Some(Encoder::new(&cp, &name).parameters(params)?),
                Attribute::AnnotationDefault { default_value, .. } => {
                    annotation_default =
                        Some(Encoder::new(&cp, &name).default_value(default_value)?)
                }
                _ => {}
            }
            if let Attribute::Exceptions {
                exception_index_table,
            } = a
            {
                for &i in exception_index_table {
                    exceptions.push(pool.class_name(i)?);
                }
            }
            if let Attribute::Code {
                max_stack,
                max_locals,
                code: bytes,
                exception_table,
                attributes,
            } = a
            {
                let bad = |what: &str| ClassFormatError::BadCode {
                    class: name.to_string(),
                    method: format!("{mname}{desc}"),
                    what: what.to_string(),
                };
                if bytes.is_empty() || bytes.len() > 65535 {
                    return Err(bad("code length must be 1 to 65535 bytes"));
                }
                let mut handlers = Vec::with_capacity(exception_table.len());
                for h in exception_table {
                    let len = bytes.len();
                    if h.start_pc() >= h.end_pc()
                        || h.end_pc() as usize > len
                        || h.handler_pc() as usize >= len
                    {
                        return Err(bad("exception handler range outside the code"));
                    }
                    let catch = match h.catch_type() {
                        0 => None,
                        c => Some(pool.class_name(c)?),
                    };
                    handlers.push(Handler {
                        start: h.start_pc(),
                        end: h.end_pc(),
                        handler: h.handler_pc(),
                        catch,
                    });
                }
                let mut lines: Vec<(u16, u16)> = attributes
                    .iter()
                    .filter_map(|a| match a {
                        Attribute::LineNumberTable { line_number_table } => Some(line_number_table),
                        _ => None,
                    })
                    .flatten()
                    .map(|l| (l.start_pc(), l.line_number()))
                    .collect();
                lines.sort_by_key(|&(pc, _)| pc);
                let mut locals = Vec::new();
                for a in attributes {
                    if let Attribute::LocalVariableTable {
                        local_variable_table,
                    } = a
                    {
                        for v in local_variable_table {
                            locals.push(LocalVar {
                                start: v.start_pc(),
                                length: v.length(),
                                slot: v.index(),
                                name: pool.utf8(v.name_index())?,
                            });
                        }
                    }
                }
                code = Some(CodeInfo {
                    max_stack: *max_stack,
                    max_locals: *max_locals,
                    bytes: bytes.clone(),
                    handlers,
                    lines,
                    locals,
                });
            }
        }
        let needs_code = access & (acc::ABSTRACT | acc::NATIVE) == 0;
        if needs_code != code.is_some() {
            return Err(ClassFormatError::BadCode {
                class: name.to_string(),
                method: format!("{mname}{desc}"),
                what: if needs_code {
                    "missing Code attribute".into()
                } else {
                    "abstract or native method with a Code attribute".into()
                },
            });
        }
        methods.push(MethodInfo {
            access,
            name: mname,
            desc,
            code,
            exceptions,
            annotations,
            parameter_annotations,
            annotation_default,
            signature,
            parameters,
        });
    }

    let mut file = ClassFile {
        major: raw.major_version(),
        access: raw.access_flags().bits(),
        name,
        super_name,
        interfaces,
        cp,
        fields,
        methods,
        source_file: None,
        bootstraps: Vec::new(),
        inner_classes: Vec::new(),
        nest_host: None,
        nest_members: Vec::new(),
        enclosing_class: None,
        enclosing_method: None,
        permitted_subclasses: None,
        is_record: false,
        record_components: Vec::new(),
        record_component_extras: Vec::new(),
        annotations: None,
        signature: None,
    };
    for a in raw.attributes() {
        match a {
            Attribute::SourceFile { sourcefile_index } => {
                file.source_file = Some(pool.utf8(*sourcefile_index)?)
            }
            Attribute::BootstrapMethods { bootstrap_methods } => {
                for b in bootstrap_methods {
                    if !matches!(
                        file.cp.get(b.bootstrap_method_ref() as usize),
                        Some(Const::MethodHandle { .. })
                    ) {
                        return Err(pool.err(b.bootstrap_method_ref(), "MethodHandle"));
                    }
                    for &arg in b.bootstrap_arguments() {
                        if (arg as usize) >= file.cp.len() {
                            return Err(pool.err(arg, "a bootstrap argument"));
                        }
                    }
                    file.bootstraps.push(Bootstrap {
                        method: b.bootstrap_method_ref(),
                        args: b.bootstrap_arguments().clone(),
                    });
                }
            }
            Attribute::InnerClasses { classes } => {
                for c in classes {
                    file.inner_classes.push(InnerClass {
                        inner: pool.class_name(c.inner_class_info_index())?,
                        outer: match c.outer_class_info_index() {
                            0 => None,
                            i => Some(pool.class_name(i)?),
                        },
                        simple_name: match c.inner_name_index() {
                            0 => None,
                            i => Some(pool.utf8(i)?),
                        },
                        access: c.inner_class_access_flags().bits(),
                    });
                }
            }
            Attribute::Signature { signature_index } => {
                file.signature = Some(pool.utf8(*signature_index)?)
            }
            Attribute::RuntimeVisibleAnnotations { annotations, .. } => {
                file.annotations =
                    Some(Encoder::new(&file.cp, &file.name).annotations(annotations)?)
            }
            Attribute::NestHost { host_class_index } => {
                file.nest_host = Some(pool.class_name(*host_class_index)?)
            }
            Attribute::PermittedSubclasses { classes } => {
                let mut names = Vec::with_capacity(classes.len());
                for &c in classes {
                    names.push(pool.class_name(c)?);
                }
                file.permitted_subclasses = Some(names);
            }
            Attribute::NestMembers { classes } => {
                for &c in classes {
                    file.nest_members.push(pool.class_name(c)?);
                }
            }
            Attribute::EnclosingMethod {
                class_index,
                method_index,
            } => {
                file.enclosing_class = Some(pool.class_name(*class_index)?);
                if *method_index != 0 {
                    file.enclosing_method = Some(pool.name_and_type(*method_index)?);
                }
            }
            Attribute::Record { components } => {
                file.is_record = true;
                for c in components {
                    let desc = pool.utf8(c.descriptor_index())?;
                    if let Err(e) = field_kind(&desc) {
                        return Err(ClassFormatError::BadDescriptor {
                            class: file.name.to_string(),
                            what: format!("record component: {e}"),
                        });
                    }
                    file.record_components
                        .push((pool.utf8(c.name_index())?, desc));
                    let (mut sig, mut anns) = (None, None);
                    for a in c.attributes() {
                        match a {
                            Attribute::Signature { signature_index } => {
                                sig = Some(pool.utf8(*signature_index)?)
                            }
                            Attribute::RuntimeVisibleAnnotations { annotations, .. } => {
                                anns = Some(
                                    Encoder::new(&file.cp, &file.name).annotations(annotations)?,
                                )
                            }
                            _ => {}
                        }
                    }
                    file.record_component_extras.push(ComponentExtras {
                        signature: sig,
                        annotations: anns,
                    });
                }
            }
            _ => {}
        }
    }
    for (i, c) in file.cp.iter().enumerate() {
        if let Const::Dynamic(d) | Const::InvokeDynamic(d) = c
            && d.bootstrap as usize >= file.bootstraps.len()
        {
            return Err(pool.err(i as u16, "a dynamic constant with a valid bootstrap index"));
        }
    }
    Ok(file)
}

/// The parser's error as a short reason, without its error-kind prefixes.
fn describe_parse_error(e: &jclassfile::error::Error) -> String {
    let text = e.to_string();
    let reason = text
        .strip_prefix("I/O Error: ")
        .or_else(|| text.strip_prefix("InvalidInput Error: "))
        .unwrap_or(&text);
    if reason.contains("fill whole buffer") || reason.contains("attempt to read from") {
        "truncated".to_string()
    } else {
        reason.to_string()
    }
}
