//! Runtime-visible annotations, as the class library reads them.
//!
//! A class file's `RuntimeVisibleAnnotations`, `RuntimeVisibleParameterAnnotations` and
//! `AnnotationDefault` attributes name their constants by constant-pool index. When a class is
//! parsed, each is re-encoded here as a *self-contained stream* with every constant inlined and
//! checked, so the Java half (`jdk.internal.phantom.Annotations`) needs no access to constant
//! pools, and a malformed attribute is refused when the class loads, naming what is wrong.
//!
//! The stream, all numbers big-endian:
//! - text: `u16` count of UTF-16 units, then the units as `u16`s;
//! - annotation: text (the type's descriptor, `LFoo;`), `u16` count of pairs, then per pair its
//!   name as text and its value;
//! - value: one tag byte as in the class file, then `B C I S Z`: `i32`; `J`: `i64`; `F`: the
//!   `f32` bits as `i32`; `D`: the `f64` bits as `i64`; `s`: text; `e`: the enum type's
//!   descriptor and the constant's name, as texts; `c`: a return descriptor (`Ljava/lang/String;`,
//!   `[I`, `V`) as text; `@`: an annotation; `[`: `u16` count, then the values;
//! - an attribute: `u16` count, then the annotations; parameter annotations: `u8` count of
//!   parameters, then per parameter `u16` count and its annotations; a default: one value.

use crate::classfile::{ClassFormatError, Const};
use jclassfile::attributes::{Annotation, ElementValue};
use std::sync::Arc;

/// Nesting limit of annotation values (annotations inside arrays inside annotations ...): the
/// class file's own length bounds the rest.
const MAX_DEPTH: usize = 64;

/// An encoder over one class's resolved constant pool.
pub(crate) struct Encoder<'a> {
    cp: &'a [Const],
    class: &'a str,
    out: Vec<u8>,
}

impl<'a> Encoder<'a> {
    /// An encoder for attributes of class `class`, whose constants are `cp`.
    pub(crate) fn new(cp: &'a [Const], class: &'a str) -> Encoder<'a> {
        Encoder {
            cp,
            class,
            out: Vec::new(),
        }
    }

    fn bad(&self, index: u16, expected: &'static str) -> ClassFormatError {
        ClassFormatError::BadConstant {
            class: self.class.to_string(),
            index,
            expected,
        }
    }

    fn text(&mut self, s: &str) {
        let units: Vec<u16> = s.encode_utf16().collect();
        self.out
            .extend_from_slice(&(units.len().min(u16::MAX as usize) as u16).to_be_bytes());
        for u in units.iter().take(u16::MAX as usize) {
            self.out.extend_from_slice(&u.to_be_bytes());
        }
    }

    fn utf8(&mut self, index: u16, expected: &'static str) -> Result<(), ClassFormatError> {
        match self.cp.get(index as usize) {
            Some(Const::Utf8(s)) => {
                let s = s.clone();
                self.text(&s);
                Ok(())
            }
            _ => Err(self.bad(index, expected)),
        }
    }

    fn annotation(&mut self, a: &Annotation, depth: usize) -> Result<(), ClassFormatError> {
        self.utf8(a.type_index(), "Utf8 (an annotation's type)")?;
        let pairs = a.element_value_pairs();
        self.out
            .extend_from_slice(&(pairs.len() as u16).to_be_bytes());
        for p in pairs {
            self.utf8(
                p.element_name_index(),
                "Utf8 (an annotation element's name)",
            )?;
            self.value(p.value(), depth + 1)?;
        }
        Ok(())
    }

    fn value(&mut self, v: &ElementValue, depth: usize) -> Result<(), ClassFormatError> {
        if depth > MAX_DEPTH {
            return Err(ClassFormatError::BadAttribute {
                class: self.class.to_string(),
                what: format!("annotation values nested deeper than {MAX_DEPTH}"),
            });
        }
        match v {
            ElementValue::ConstValueIndex {
                tag,
                const_value_index: i,
            } => {
                self.out.push(*tag);
                let c = self.cp.get(*i as usize).cloned();
                match (tag, c) {
                    (b'B' | b'C' | b'I' | b'S' | b'Z', Some(Const::Int(x))) => {
                        self.out.extend_from_slice(&x.to_be_bytes())
                    }
                    (b'J', Some(Const::Long(x))) => self.out.extend_from_slice(&x.to_be_bytes()),
                    (b'F', Some(Const::Float(x))) => {
                        self.out.extend_from_slice(&x.to_bits().to_be_bytes())
                    }
                    (b'D', Some(Const::Double(x))) => {
                        self.out.extend_from_slice(&x.to_bits().to_be_bytes())
                    }
                    (b's', Some(Const::Utf8(s))) => self.text(&s),
                    (b'B' | b'C' | b'I' | b'S' | b'Z', _) => return Err(self.bad(*i, "Integer")),
                    (b'J', _) => return Err(self.bad(*i, "Long")),
                    (b'F', _) => return Err(self.bad(*i, "Float")),
                    (b'D', _) => return Err(self.bad(*i, "Double")),
                    (b's', _) => return Err(self.bad(*i, "Utf8")),
                    _ => {
                        return Err(ClassFormatError::BadAttribute {
                            class: self.class.to_string(),
                            what: format!("annotation value with unknown tag {tag}"),
                        });
                    }
                }
            }
            ElementValue::EnumConstValue {
                tag,
                type_name_index,
                const_name_index,
            } => {
                self.out.push(*tag);
                self.utf8(*type_name_index, "Utf8 (an enum type)")?;
                self.utf8(*const_name_index, "Utf8 (an enum constant)")?;
            }
            ElementValue::ClassInfoIndex {
                tag,
                class_info_index,
            } => {
                self.out.push(*tag);
                self.utf8(*class_info_index, "Utf8 (a class descriptor)")?;
            }
            ElementValue::AnnotationValue {
                tag,
                annotation_value,
            } => {
                self.out.push(*tag);
                self.annotation(annotation_value, depth)?;
            }
            ElementValue::ArrayValue { tag, values } => {
                self.out.push(*tag);
                self.out
                    .extend_from_slice(&(values.len() as u16).to_be_bytes());
                for v in values {
                    self.value(v, depth + 1)?;
                }
            }
        }
        Ok(())
    }

    /// Encodes a `RuntimeVisibleAnnotations` attribute.
    pub(crate) fn annotations(
        mut self,
        anns: &[Annotation],
    ) -> Result<Arc<[u8]>, ClassFormatError> {
        self.out
            .extend_from_slice(&(anns.len() as u16).to_be_bytes());
        for a in anns {
            self.annotation(a, 0)?;
        }
        Ok(self.out.into())
    }

    /// Encodes a `RuntimeVisibleParameterAnnotations` attribute.
    pub(crate) fn parameters(
        mut self,
        params: &[Vec<Annotation>],
    ) -> Result<Arc<[u8]>, ClassFormatError> {
        if params.len() > u8::MAX as usize {
            return Err(ClassFormatError::BadAttribute {
                class: self.class.to_string(),
                what: "annotations of more than 255 parameters".into(),
            });
        }
        self.out.push(params.len() as u8);
        for p in params {
            self.out.extend_from_slice(&(p.len() as u16).to_be_bytes());
            for a in p {
                self.annotation(a, 0)?;
            }
        }
        Ok(self.out.into())
    }

    /// Encodes an `AnnotationDefault` attribute.
    pub(crate) fn default_value(mut self, v: &ElementValue) -> Result<Arc<[u8]>, ClassFormatError> {
        self.value(v, 0)?;
        Ok(self.out.into())
    }
}

/// Checks, before the class file parser sees them, that no annotation in `bytes` nests its
/// values deeper than the limit, and that no `Code` or `Record` attribute holds another: the
/// parser recurses once per level, so a crafted class of a few hundred kilobytes could
/// otherwise exhaust the stack. Walks the class file's layout
/// (constant pool, fields, methods, their `Code`, record components) without recursion and
/// reads only the annotation attributes; anything malformed is left for the parser to report.
pub(crate) fn check_nesting(bytes: &[u8]) -> Result<(), String> {
    let mut r = Reader { b: bytes, at: 8 };
    let Some(count) = r.u2() else { return Ok(()) };
    // Constant pool: remember which entries name annotation attributes.
    let mut names: Vec<Option<AttrKind>> = vec![None; count as usize];
    let mut i = 1;
    while i < count as usize {
        let Some(tag) = r.u1() else { return Ok(()) };
        let len = match tag {
            1 => {
                let Some(n) = r.u2() else { return Ok(()) };
                let Some(s) = r.take(n as usize) else {
                    return Ok(());
                };
                names[i] = attr_kind(s);
                0
            }
            3 | 4 => 4,
            5 | 6 => {
                i += 1;
                8
            }
            7 | 8 | 16 | 19 | 20 => 2,
            9..=12 | 17 | 18 => 4,
            15 => 3,
            _ => return Ok(()),
        };
        if r.take(len).is_none() {
            return Ok(());
        }
        i += 1;
    }
    // access, this, super, interfaces
    if r.take(6).is_none() {
        return Ok(());
    }
    let Some(n) = r.u2() else { return Ok(()) };
    if r.take(2 * n as usize).is_none() {
        return Ok(());
    }
    // Fields and methods: access, name, descriptor, attributes.
    for _ in 0..2 {
        let Some(n) = r.u2() else { return Ok(()) };
        for _ in 0..n {
            if r.take(6).is_none() {
                return Ok(());
            }
            if attributes(&mut r, &names, false)?.is_none() {
                return Ok(());
            }
        }
    }
    attributes(&mut r, &names, false).map(|_| ())
}

#[derive(Clone, Copy)]
enum AttrKind {
    Annotations,
    Parameters,
    Default,
    TypeAnnotations,
    Code,
    Record,
}

fn attr_kind(name: &[u8]) -> Option<AttrKind> {
    Some(match name {
        b"RuntimeVisibleAnnotations" | b"RuntimeInvisibleAnnotations" => AttrKind::Annotations,
        b"RuntimeVisibleParameterAnnotations" | b"RuntimeInvisibleParameterAnnotations" => {
            AttrKind::Parameters
        }
        b"AnnotationDefault" => AttrKind::Default,
        b"RuntimeVisibleTypeAnnotations" | b"RuntimeInvisibleTypeAnnotations" => {
            AttrKind::TypeAnnotations
        }
        b"Code" => AttrKind::Code,
        b"Record" => AttrKind::Record,
        _ => return None,
    })
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u1(&mut self) -> Option<u8> {
        self.take(1).map(|s| s[0])
    }
    fn u2(&mut self) -> Option<u16> {
        self.take(2).map(|s| u16::from_be_bytes([s[0], s[1]]))
    }
    fn u4(&mut self) -> Option<u32> {
        self.take(4)
            .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
    }
}

/// Checks an attribute table and, one level down (`nested`), the tables inside `Code` and
/// record components, where a further `Code` or `Record` is refused; `Ok(None)` if it is
/// malformed.
fn attributes(
    r: &mut Reader,
    names: &[Option<AttrKind>],
    nested: bool,
) -> Result<Option<()>, String> {
    let Some(n) = r.u2() else { return Ok(None) };
    for _ in 0..n {
        let (Some(name), Some(len)) = (r.u2(), r.u4()) else {
            return Ok(None);
        };
        let Some(body) = r.take(len as usize) else {
            return Ok(None);
        };
        let mut a = Reader { b: body, at: 0 };
        let ok = match names.get(name as usize).copied().flatten() {
            None => Some(()),
            Some(AttrKind::Annotations) => annotation_list(&mut a)?,
            Some(AttrKind::Parameters) => (|| -> Result<Option<()>, String> {
                let Some(params) = a.u1() else {
                    return Ok(None);
                };
                for _ in 0..params {
                    if annotation_list(&mut a)?.is_none() {
                        return Ok(None);
                    }
                }
                Ok(Some(()))
            })()?,
            Some(AttrKind::Default) => element_value(&mut a, 0)?,
            Some(AttrKind::TypeAnnotations) => type_annotations(&mut a)?,
            // The parser would recurse into these without end.
            Some(AttrKind::Code | AttrKind::Record) if nested => {
                return Err(
                    "a Code or Record attribute inside a Code attribute or record component".into(),
                );
            }
            Some(AttrKind::Code) => (|| -> Result<Option<()>, String> {
                let Some(code_len) = a.take(4).and_then(|_| a.u4()) else {
                    return Ok(None);
                };
                if a.take(code_len as usize).is_none() {
                    return Ok(None);
                }
                let Some(handlers) = a.u2() else {
                    return Ok(None);
                };
                if a.take(8 * handlers as usize).is_none() {
                    return Ok(None);
                }
                attributes(&mut a, names, true)
            })()?,
            Some(AttrKind::Record) => (|| -> Result<Option<()>, String> {
                let Some(components) = a.u2() else {
                    return Ok(None);
                };
                for _ in 0..components {
                    if a.take(4).is_none() || attributes(&mut a, names, true)?.is_none() {
                        return Ok(None);
                    }
                }
                Ok(Some(()))
            })()?,
        };
        if ok.is_none() {
            return Ok(None);
        }
    }
    Ok(Some(()))
}

fn annotation_list(r: &mut Reader) -> Result<Option<()>, String> {
    let Some(n) = r.u2() else { return Ok(None) };
    for _ in 0..n {
        if annotation(r, 0)?.is_none() {
            return Ok(None);
        }
    }
    Ok(Some(()))
}

fn annotation(r: &mut Reader, depth: usize) -> Result<Option<()>, String> {
    let (Some(_), Some(pairs)) = (r.u2(), r.u2()) else {
        return Ok(None);
    };
    for _ in 0..pairs {
        if r.u2().is_none() || element_value(r, depth + 1)?.is_none() {
            return Ok(None);
        }
    }
    Ok(Some(()))
}

/// One element value; the recursion is bounded by [`MAX_DEPTH`].
fn element_value(r: &mut Reader, depth: usize) -> Result<Option<()>, String> {
    if depth > MAX_DEPTH {
        return Err(format!("annotation values nested deeper than {MAX_DEPTH}"));
    }
    let Some(tag) = r.u1() else { return Ok(None) };
    Ok(match tag {
        b'B' | b'C' | b'D' | b'F' | b'I' | b'J' | b'S' | b'Z' | b's' | b'c' => r.u2().map(|_| ()),
        b'e' => r.take(4).map(|_| ()),
        b'@' => return annotation(r, depth),
        b'[' => {
            let Some(n) = r.u2() else { return Ok(None) };
            for _ in 0..n {
                if element_value(r, depth + 1)?.is_none() {
                    return Ok(None);
                }
            }
            Some(())
        }
        _ => None,
    })
}

fn type_annotations(r: &mut Reader) -> Result<Option<()>, String> {
    let Some(n) = r.u2() else { return Ok(None) };
    for _ in 0..n {
        let Some(target) = r.u1() else {
            return Ok(None);
        };
        let skip = match target {
            0x00 | 0x01 | 0x16 => Some(1),
            0x10 | 0x17 | 0x42..=0x46 => Some(2),
            0x11 | 0x12 => Some(2),
            0x13..=0x15 => Some(0),
            0x47..=0x4B => Some(3),
            0x40 | 0x41 => r.u2().map(|n| 6 * n as usize),
            _ => None,
        };
        let Some(skip) = skip else { return Ok(None) };
        let Some(path) = r.take(skip).and_then(|_| r.u1()) else {
            return Ok(None);
        };
        if r.take(2 * path as usize).is_none() || annotation(r, 0)?.is_none() {
            return Ok(None);
        }
    }
    Ok(Some(()))
}

#[cfg(test)]
mod tests {
    /// A class `Deep` whose one class attribute is `name` with body `body`.
    fn class_with_attribute(name: &str, extra_utf8: &[&str], body: &[u8]) -> Vec<u8> {
        let mut cp: Vec<Vec<u8>> = Vec::new();
        let utf8 = |cp: &mut Vec<Vec<u8>>, s: &str| {
            let mut e = vec![1];
            e.extend_from_slice(&(s.len() as u16).to_be_bytes());
            e.extend_from_slice(s.as_bytes());
            cp.push(e);
            cp.len() as u16
        };
        let this_name = utf8(&mut cp, "Deep");
        cp.push(vec![7, 0, this_name as u8]);
        let this = cp.len() as u16;
        let super_name = utf8(&mut cp, "java/lang/Object");
        cp.push(vec![7, 0, super_name as u8]);
        let sup = cp.len() as u16;
        let attr = utf8(&mut cp, name);
        for s in extra_utf8 {
            utf8(&mut cp, s);
        }
        let mut out = vec![0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52];
        out.extend_from_slice(&((cp.len() + 1) as u16).to_be_bytes());
        for e in cp {
            out.extend_from_slice(&e);
        }
        for v in [0x21u16, this, sup, 0, 0, 0, 1, attr] {
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        out.extend_from_slice(body);
        out
    }

    /// One annotation `LAnn;` whose `value` is arrays nested `depth` deep.
    fn nested_arrays(depth: usize) -> Vec<u8> {
        // Constants: 6 is `LAnn;`, 7 is `value` (after the five of the class and attribute).
        let mut body = vec![0, 1, 0, 6, 0, 1, 0, 7];
        for _ in 0..depth {
            body.extend_from_slice(&[b'[', 0, 1]);
        }
        body.extend_from_slice(&[b'[', 0, 0]);
        body
    }

    #[test]
    fn annotations_nested_past_the_limit_are_refused_before_the_parser_recurses() {
        for depth in [65, 200_000] {
            let bytes = class_with_attribute(
                "RuntimeVisibleAnnotations",
                &["LAnn;", "value"],
                &nested_arrays(depth),
            );
            let e = crate::classfile::parse(&bytes).unwrap_err();
            assert!(e.to_string().contains("nested deeper than 64"), "{e}");
        }
    }

    #[test]
    fn annotations_nested_within_the_limit_load() {
        let bytes = class_with_attribute(
            "RuntimeVisibleAnnotations",
            &["LAnn;", "value"],
            &nested_arrays(20),
        );
        let f = crate::classfile::parse(&bytes).unwrap();
        assert!(f.annotations.is_some());
    }
}
