//! Values in locals, operand stacks, fields and statics: tagged, so the type of every slot is
//! known exactly at capture and to the garbage collector. References are heap handles.

/// A heap handle; 0 is `null`. Handles are indices into the heap, never addresses.
pub type Ref = u32;

/// The null reference.
pub const NULL: Ref = 0;

/// One slot. A long or double takes two slots in locals and on the operand stack, as in the
/// JVM: the value in the lower slot and [`Value::Top`] in the upper, so slot indices are the
/// class file's own.
///
/// The layout is fixed (`repr(C, u8)`) because compiled code reads and writes slots and fields
/// directly: a tag byte at offset 0 ([`tag`]) and the payload at offset 8.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, u8)]
pub enum Value {
    /// An unused slot, or the upper half of a long or double.
    #[default]
    Top,
    /// `int`, and `boolean`, `byte`, `char`, `short` widened to it.
    Int(i32),
    /// `float`
    Float(f32),
    /// `long`
    Long(i64),
    /// `double`
    Double(f64),
    /// A reference (or [`NULL`]).
    Ref(Ref),
}

/// The tag bytes of [`Value`]'s variants, as compiled code writes them.
pub mod tag {
    /// [`super::Value::Top`]
    pub const TOP: u8 = 0;
    /// [`super::Value::Int`]
    pub const INT: u8 = 1;
    /// [`super::Value::Float`]
    pub const FLOAT: u8 = 2;
    /// [`super::Value::Long`]
    pub const LONG: u8 = 3;
    /// [`super::Value::Double`]
    pub const DOUBLE: u8 = 4;
    /// [`super::Value::Ref`]
    pub const REF: u8 = 5;
    /// Offset of the payload in a slot.
    pub const PAYLOAD: i32 = 8;
}

// The interpreter reads slots whose type the class file promises. Code that breaks that promise
// (phantom does not verify types yet) reads zero or null here instead of crashing the VM.
impl Value {
    /// The slot as an `int`.
    #[inline(always)]
    pub fn int(self) -> i32 {
        match self {
            Value::Int(v) => v,
            _ => 0,
        }
    }

    /// The slot as a `long`.
    #[inline(always)]
    pub fn long(self) -> i64 {
        match self {
            Value::Long(v) => v,
            _ => 0,
        }
    }

    /// The slot as a `float`.
    #[inline(always)]
    pub fn float(self) -> f32 {
        match self {
            Value::Float(v) => v,
            _ => 0.0,
        }
    }

    /// The slot as a `double`.
    #[inline(always)]
    pub fn double(self) -> f64 {
        match self {
            Value::Double(v) => v,
            _ => 0.0,
        }
    }

    /// The slot as a reference.
    #[inline(always)]
    pub fn reference(self) -> Ref {
        match self {
            Value::Ref(r) => r,
            _ => NULL,
        }
    }

    /// Whether the slot holds a long or double (and so is followed by a [`Value::Top`]).
    pub fn is_wide(self) -> bool {
        matches!(self, Value::Long(_) | Value::Double(_))
    }
}

/// The zero value of a field or array element of the given descriptor kind.
pub fn zero_of(kind: crate::descriptor::Kind) -> Value {
    use crate::descriptor::Kind;
    match kind {
        Kind::Long => Value::Long(0),
        Kind::Float => Value::Float(0.0),
        Kind::Double => Value::Double(0.0),
        Kind::Ref => Value::Ref(NULL),
        Kind::Void => Value::Top,
        _ => Value::Int(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_compiled_code_relies_on_holds() {
        assert_eq!(size_of::<Value>(), 16);
        let cases = [
            (Value::Top, tag::TOP),
            (Value::Int(-7), tag::INT),
            (Value::Float(1.5), tag::FLOAT),
            (Value::Long(-1 << 40), tag::LONG),
            (Value::Double(2.25), tag::DOUBLE),
            (Value::Ref(77), tag::REF),
        ];
        for (v, t) in cases {
            let at = &v as *const Value as *const u8;
            // SAFETY: Value is repr(C, u8): byte 0 is the tag and the payload, as wide as the
            // variant's field, starts at offset 8; only those initialized bytes are read.
            unsafe {
                assert_eq!(*at, t, "{v:?}");
                let p = at.add(tag::PAYLOAD as usize);
                match v {
                    Value::Int(x) => assert_eq!(p.cast::<i32>().read_unaligned(), x),
                    Value::Float(x) => assert_eq!(p.cast::<f32>().read_unaligned(), x),
                    Value::Long(x) => assert_eq!(p.cast::<i64>().read_unaligned(), x),
                    Value::Double(x) => assert_eq!(p.cast::<f64>().read_unaligned(), x),
                    Value::Ref(x) => assert_eq!(p.cast::<u32>().read_unaligned(), x),
                    Value::Top => {}
                }
            }
        }
    }
}
