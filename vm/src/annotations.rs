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
