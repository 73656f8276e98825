//! Dynamic proxy classes (`java.lang.reflect.Proxy`), written as class files.
//!
//! A proxy class is generated as an ordinary class file and defined as an application class, as
//! HotSpot's `ProxyGenerator` does: its bytes then travel in checkpoints like any class the
//! program loaded, and a restored process needs no knowledge of how they were made. The class
//! library decides which methods a proxy has (`java.lang.reflect.Proxy`); this module only
//! writes them:
//!
//! ```text
//! public final class NAME extends java.lang.reflect.Proxy implements INTERFACES {
//!     private static final Method m0, m1, ...;          // set by the VM as it defines the class
//!     public NAME(InvocationHandler h) { super(h); }
//!     public final R name(A0 a0, ...) throws DECLARED {   // one per method i
//!         try {
//!             return (R) h.invoke(this, mi, new Object[] { box(a0), ... });  // null: no arguments
//!         } catch (RuntimeException | Error | DECLARED e) {
//!             throw e;
//!         } catch (Throwable t) {
//!             throw new UndeclaredThrowableException(t);
//!         }
//!     }
//! }
//! ```
//!
//! A primitive result is unboxed by casting to its wrapper and calling `intValue()` and so on,
//! so a wrong or null result fails with HotSpot's `ClassCastException` or
//! `NullPointerException`. The class file is version 49, which needs no stack map frames.

use crate::descriptor::{Kind, MethodSig};
use std::collections::HashMap;

/// One method of a proxy class.
#[derive(Debug, Clone)]
pub struct ProxyMethod {
    /// Name.
    pub name: String,
    /// Descriptor.
    pub desc: String,
    /// Binary names of the checked exceptions it may throw unwrapped.
    pub exceptions: Vec<String>,
}

/// Why a proxy class cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyError(pub String);

/// The class file of proxy class `name` (binary name) implementing `interfaces` with
/// `methods`, method `i` dispatching with the `Method` in static field `m{i}`; the class is
/// public unless `public` is false (a proxy of a package-private interface).
pub fn class_file(
    name: &str,
    public: bool,
    interfaces: &[String],
    methods: &[ProxyMethod],
) -> Result<Vec<u8>, ProxyError> {
    let mut w = Writer::default();
    let this = w.class(name);
    let proxy = w.class(PROXY);
    let iface_ids: Vec<u16> = interfaces.iter().map(|i| w.class(i)).collect();
    let h = w.member(
        FIELDREF,
        PROXY,
        "h",
        "Ljava/lang/reflect/InvocationHandler;",
    );
    let invoke = w.member(
        INTERFACE_METHODREF,
        "java/lang/reflect/InvocationHandler",
        "invoke",
        "(Ljava/lang/Object;Ljava/lang/reflect/Method;[Ljava/lang/Object;)Ljava/lang/Object;",
    );
    let object = w.class("java/lang/Object");
    let throwable = w.class("java/lang/Throwable");
    let runtime = w.class("java/lang/RuntimeException");
    let error = w.class("java/lang/Error");
    let undeclared = w.class("java/lang/reflect/UndeclaredThrowableException");
    let undeclared_init = w.member(
        METHODREF,
        "java/lang/reflect/UndeclaredThrowableException",
        "<init>",
        "(Ljava/lang/Throwable;)V",
    );
    let super_init = w.member(
        METHODREF,
        PROXY,
        "<init>",
        "(Ljava/lang/reflect/InvocationHandler;)V",
    );
    let code_attr = w.utf8("Code");
    let exceptions_attr = w.utf8("Exceptions");
    let method_desc = w.utf8("Ljava/lang/reflect/Method;");

    // The constructor.
    let mut bodies: Vec<MethodOut> = Vec::new();
    bodies.push(MethodOut {
        access: PUBLIC,
        name: w.utf8("<init>"),
        desc: w.utf8("(Ljava/lang/reflect/InvocationHandler;)V"),
        code: Code {
            max_stack: 2,
            max_locals: 2,
            bytes: {
                let mut c = vec![ALOAD_0, ALOAD_1, INVOKESPECIAL];
                c.extend_from_slice(&super_init.to_be_bytes());
                c.push(RETURN);
                c
            },
            handlers: Vec::new(),
        },
        exceptions: Vec::new(),
    });

    let mut fields: Vec<(u16, u16)> = Vec::new();
    for (i, m) in methods.iter().enumerate() {
        let sig = MethodSig::parse(&m.desc)
            .map_err(|_| ProxyError(format!("method {}: bad descriptor {}", m.name, m.desc)))?;
        let field = w.member(
            FIELDREF,
            name,
            &format!("m{i}"),
            "Ljava/lang/reflect/Method;",
        );
        fields.push((w.utf8(&format!("m{i}")), method_desc));
        let mut c: Vec<u8> = Vec::new();
        // h.invoke(this, mi, args)
        c.extend_from_slice(&[ALOAD_0, GETFIELD]);
        c.extend_from_slice(&h.to_be_bytes());
        c.extend_from_slice(&[ALOAD_0, GETSTATIC]);
        c.extend_from_slice(&field.to_be_bytes());
        if sig.args.is_empty() {
            c.push(ACONST_NULL);
        } else {
            push_int(&mut c, sig.args.len() as i32);
            c.push(ANEWARRAY);
            c.extend_from_slice(&object.to_be_bytes());
            let mut local = 1u16;
            for (j, &k) in sig.args.iter().enumerate() {
                c.push(DUP);
                push_int(&mut c, j as i32);
                load(&mut c, k, local);
                local += k.slots() as u16;
                if k != Kind::Ref {
                    let (class, _) = wrapper(k);
                    let value_of = w.member(
                        METHODREF,
                        class,
                        "valueOf",
                        &format!("({})L{class};", k.to_char() as char),
                    );
                    c.push(INVOKESTATIC);
                    c.extend_from_slice(&value_of.to_be_bytes());
                }
                c.push(AASTORE);
            }
        }
        c.push(INVOKEINTERFACE);
        c.extend_from_slice(&invoke.to_be_bytes());
        c.extend_from_slice(&[4, 0]);
        match sig.ret {
            Kind::Void => c.extend_from_slice(&[POP, RETURN]),
            Kind::Ref => {
                if sig.ret_desc != "Ljava/lang/Object;" {
                    let target = crate::descriptor::class_name_of_desc(&sig.ret_desc).to_string();
                    let cast = w.class(&target);
                    c.push(CHECKCAST);
                    c.extend_from_slice(&cast.to_be_bytes());
                }
                c.push(ARETURN);
            }
            k => {
                let (class, getter) = wrapper(k);
                let cast = w.class(class);
                let unbox = w.member(
                    METHODREF,
                    class,
                    getter,
                    &format!("(){}", k.to_char() as char),
                );
                c.push(CHECKCAST);
                c.extend_from_slice(&cast.to_be_bytes());
                c.push(INVOKEVIRTUAL);
                c.extend_from_slice(&unbox.to_be_bytes());
                c.push(match k {
                    Kind::Long => LRETURN,
                    Kind::Float => FRETURN,
                    Kind::Double => DRETURN,
                    _ => IRETURN,
                });
            }
        }
        let end = c.len() as u16;
        // Handlers: rethrow the unchecked and the declared, wrap the rest.
        let rethrow = c.len() as u16;
        c.push(ATHROW);
        let wrap = c.len() as u16;
        let slot = 1 + sig.arg_slots() as u16;
        store_ref(&mut c, slot);
        c.push(NEW);
        c.extend_from_slice(&undeclared.to_be_bytes());
        c.push(DUP);
        load(&mut c, Kind::Ref, slot);
        c.push(INVOKESPECIAL);
        c.extend_from_slice(&undeclared_init.to_be_bytes());
        c.push(ATHROW);
        let mut handlers = vec![(0, end, rethrow, runtime), (0, end, rethrow, error)];
        let mut thrown = Vec::new();
        for e in &m.exceptions {
            let id = w.class(e);
            thrown.push(id);
            handlers.push((0, end, rethrow, id));
        }
        handlers.push((0, end, wrap, throwable));
        bodies.push(MethodOut {
            access: PUBLIC | FINAL,
            name: w.utf8(&m.name),
            desc: w.utf8(&m.desc),
            code: Code {
                // this, h, this, m, array, array, index, a wide value
                max_stack: 8,
                max_locals: slot + 1,
                bytes: c,
                handlers,
            },
            exceptions: thrown,
        });
    }
    if w.pool.len() > u16::MAX as usize - 1 {
        return Err(ProxyError("too many constants for one class".into()));
    }

    let mut out: Vec<u8> = Vec::new();
    out.extend_from_slice(&0xCAFE_BABEu32.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&49u16.to_be_bytes());
    out.extend_from_slice(&((w.pool.len() + 1) as u16).to_be_bytes());
    for entry in &w.pool {
        out.extend_from_slice(entry);
    }
    let access = if public {
        PUBLIC | FINAL | SUPER
    } else {
        FINAL | SUPER
    };
    out.extend_from_slice(&access.to_be_bytes());
    out.extend_from_slice(&this.to_be_bytes());
    out.extend_from_slice(&proxy.to_be_bytes());
    out.extend_from_slice(&(iface_ids.len() as u16).to_be_bytes());
    for i in iface_ids {
        out.extend_from_slice(&i.to_be_bytes());
    }
    out.extend_from_slice(&(fields.len() as u16).to_be_bytes());
    for (fname, fdesc) in fields {
        out.extend_from_slice(&(PRIVATE | STATIC | FINAL).to_be_bytes());
        out.extend_from_slice(&fname.to_be_bytes());
        out.extend_from_slice(&fdesc.to_be_bytes());
        out.extend_from_slice(&0u16.to_be_bytes());
    }
    out.extend_from_slice(&(bodies.len() as u16).to_be_bytes());
    for m in bodies {
        out.extend_from_slice(&m.access.to_be_bytes());
        out.extend_from_slice(&m.name.to_be_bytes());
        out.extend_from_slice(&m.desc.to_be_bytes());
        let attrs = if m.exceptions.is_empty() { 1u16 } else { 2 };
        out.extend_from_slice(&attrs.to_be_bytes());
        let c = &m.code;
        let len = 2 + 2 + 4 + c.bytes.len() + 2 + 8 * c.handlers.len() + 2;
        out.extend_from_slice(&code_attr.to_be_bytes());
        out.extend_from_slice(&(len as u32).to_be_bytes());
        out.extend_from_slice(&c.max_stack.to_be_bytes());
        out.extend_from_slice(&c.max_locals.to_be_bytes());
        out.extend_from_slice(&(c.bytes.len() as u32).to_be_bytes());
        out.extend_from_slice(&c.bytes);
        out.extend_from_slice(&(c.handlers.len() as u16).to_be_bytes());
        for &(start, end, handler, catch) in &c.handlers {
            for v in [start, end, handler, catch] {
                out.extend_from_slice(&v.to_be_bytes());
            }
        }
        out.extend_from_slice(&0u16.to_be_bytes());
        if !m.exceptions.is_empty() {
            out.extend_from_slice(&exceptions_attr.to_be_bytes());
            out.extend_from_slice(&((2 + 2 * m.exceptions.len()) as u32).to_be_bytes());
            out.extend_from_slice(&(m.exceptions.len() as u16).to_be_bytes());
            for e in &m.exceptions {
                out.extend_from_slice(&e.to_be_bytes());
            }
        }
    }
    out.extend_from_slice(&0u16.to_be_bytes());
    Ok(out)
}

const PROXY: &str = "java/lang/reflect/Proxy";

// Access flags.
const PUBLIC: u16 = 0x0001;
const PRIVATE: u16 = 0x0002;
const STATIC: u16 = 0x0008;
const FINAL: u16 = 0x0010;
const SUPER: u16 = 0x0020;

// Constant tags.
const UTF8: u8 = 1;
const CLASS: u8 = 7;
const FIELDREF: u8 = 9;
const METHODREF: u8 = 10;
const INTERFACE_METHODREF: u8 = 11;
const NAME_AND_TYPE: u8 = 12;

// Opcodes.
const ACONST_NULL: u8 = 0x01;
const ICONST_0: u8 = 0x03;
const BIPUSH: u8 = 0x10;
const SIPUSH: u8 = 0x11;
const ILOAD: u8 = 0x15;
const LLOAD: u8 = 0x16;
const FLOAD: u8 = 0x17;
const DLOAD: u8 = 0x18;
const ALOAD: u8 = 0x19;
const ALOAD_0: u8 = 0x2a;
const ALOAD_1: u8 = 0x2b;
const ASTORE: u8 = 0x3a;
const AASTORE: u8 = 0x53;
const POP: u8 = 0x57;
const DUP: u8 = 0x59;
const IRETURN: u8 = 0xac;
const LRETURN: u8 = 0xad;
const FRETURN: u8 = 0xae;
const DRETURN: u8 = 0xaf;
const ARETURN: u8 = 0xb0;
const RETURN: u8 = 0xb1;
const GETSTATIC: u8 = 0xb2;
const GETFIELD: u8 = 0xb4;
const INVOKEVIRTUAL: u8 = 0xb6;
const INVOKESPECIAL: u8 = 0xb7;
const INVOKESTATIC: u8 = 0xb8;
const INVOKEINTERFACE: u8 = 0xb9;
const NEW: u8 = 0xbb;
const ANEWARRAY: u8 = 0xbd;
const ATHROW: u8 = 0xbf;
const CHECKCAST: u8 = 0xc0;
const WIDE: u8 = 0xc4;

struct Code {
    max_stack: u16,
    max_locals: u16,
    bytes: Vec<u8>,
    /// (start, end, handler, catch class)
    handlers: Vec<(u16, u16, u16, u16)>,
}

struct MethodOut {
    access: u16,
    name: u16,
    desc: u16,
    code: Code,
    exceptions: Vec<u16>,
}

/// A constant pool under construction: each entry once, in order of first use.
#[derive(Default)]
struct Writer {
    pool: Vec<Vec<u8>>,
    index: HashMap<Vec<u8>, u16>,
}

impl Writer {
    fn add(&mut self, entry: Vec<u8>) -> u16 {
        if let Some(&i) = self.index.get(&entry) {
            return i;
        }
        self.pool.push(entry.clone());
        let i = self.pool.len().min(u16::MAX as usize) as u16;
        self.index.insert(entry, i);
        i
    }

    fn utf8(&mut self, s: &str) -> u16 {
        // Modified UTF-8: NUL and supplementary characters differ from UTF-8.
        let mut bytes = Vec::new();
        for u in s.encode_utf16() {
            match u {
                1..=0x7f => bytes.push(u as u8),
                0 | 0x80..=0x7ff => {
                    bytes.push(0xc0 | (u >> 6) as u8);
                    bytes.push(0x80 | (u & 0x3f) as u8);
                }
                _ => {
                    bytes.push(0xe0 | (u >> 12) as u8);
                    bytes.push(0x80 | ((u >> 6) & 0x3f) as u8);
                    bytes.push(0x80 | (u & 0x3f) as u8);
                }
            }
        }
        let mut e = vec![UTF8];
        e.extend_from_slice(&(bytes.len().min(u16::MAX as usize) as u16).to_be_bytes());
        e.extend_from_slice(&bytes);
        self.add(e)
    }

    fn class(&mut self, name: &str) -> u16 {
        let n = self.utf8(name);
        let mut e = vec![CLASS];
        e.extend_from_slice(&n.to_be_bytes());
        self.add(e)
    }

    fn member(&mut self, tag: u8, class: &str, name: &str, desc: &str) -> u16 {
        let c = self.class(class);
        let (n, d) = (self.utf8(name), self.utf8(desc));
        let mut nat = vec![NAME_AND_TYPE];
        nat.extend_from_slice(&n.to_be_bytes());
        nat.extend_from_slice(&d.to_be_bytes());
        let nat = self.add(nat);
        let mut e = vec![tag];
        e.extend_from_slice(&c.to_be_bytes());
        e.extend_from_slice(&nat.to_be_bytes());
        self.add(e)
    }
}

fn push_int(c: &mut Vec<u8>, v: i32) {
    match v {
        0..=5 => c.push(ICONST_0 + v as u8),
        -128..=127 => c.extend_from_slice(&[BIPUSH, v as u8]),
        _ => {
            c.push(SIPUSH);
            c.extend_from_slice(&(v as i16).to_be_bytes());
        }
    }
}

fn load(c: &mut Vec<u8>, k: Kind, slot: u16) {
    let op = match k {
        Kind::Long => LLOAD,
        Kind::Float => FLOAD,
        Kind::Double => DLOAD,
        Kind::Ref => ALOAD,
        _ => ILOAD,
    };
    local_op(c, op, slot);
}

fn store_ref(c: &mut Vec<u8>, slot: u16) {
    local_op(c, ASTORE, slot);
}

fn local_op(c: &mut Vec<u8>, op: u8, slot: u16) {
    if slot <= 255 {
        c.extend_from_slice(&[op, slot as u8]);
    } else {
        c.extend_from_slice(&[WIDE, op]);
        c.extend_from_slice(&slot.to_be_bytes());
    }
}

/// The wrapper class of a primitive kind and its unboxing method.
fn wrapper(k: Kind) -> (&'static str, &'static str) {
    let class = crate::indy::box_class(k);
    let getter = crate::indy::unbox_method(class).map_or("doubleValue", |(m, _)| m);
    (class, getter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxy_class_parses_with_its_methods_handlers_and_exceptions() {
        let methods = vec![
            ProxyMethod {
                name: "g".into(),
                desc: "(Ljava/lang/String;JD)Ljava/lang/String;".into(),
                exceptions: vec!["java/io/IOException".into()],
            },
            ProxyMethod {
                name: "run".into(),
                desc: "()V".into(),
                exceptions: vec![],
            },
        ];
        let bytes = class_file("jdk/proxy1/$Proxy0", true, &["Main$Pub".into()], &methods).unwrap();
        let f = crate::classfile::parse(&bytes).unwrap();
        assert_eq!(&*f.name, "jdk/proxy1/$Proxy0");
        assert_eq!(f.super_name.as_deref(), Some(PROXY));
        assert_eq!(f.fields.len(), 2);
        assert_eq!(f.methods.len(), 3);
        let g = &f.methods[1];
        assert_eq!(&*g.name, "g");
        assert_eq!(g.exceptions.len(), 1);
        let code = g.code.as_ref().unwrap();
        assert_eq!(code.handlers.len(), 4);
        // this + String + long (2) + double (2) + the caught throwable
        assert_eq!(code.max_locals, 7);
    }
}
