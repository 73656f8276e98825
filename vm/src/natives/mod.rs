//! Rust implementations of the class library's `native` methods. Each is a leaf: it returns a
//! value, raises an exception, or asks the VM to do something next (call a Java method in its
//! place, block the thread). None ever waits for Java code on the Rust stack.

mod fs;
mod io;
pub(crate) mod lang;
mod math;
mod proxy;
mod reflect;
mod stack;
mod text;
mod unicode;
mod unicode_tables;

use crate::class::MethodId;
use crate::runtime::Raise;
use crate::thread::ThreadState;
use crate::value::{Ref, Value};
use crate::vm::Vm;

/// What a native asks the VM to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Native {
    /// Return this value (ignored for `void` methods).
    Return(Value),
    /// Raise a VM exception at the call.
    Raise(Raise),
    /// Throw an existing throwable at the call.
    Throw(Ref),
    /// Call a Java method with these arguments in the native's place: its result is the
    /// native's result.
    Call {
        /// The method (its return type must be the native's).
        method: MethodId,
        /// Its arguments, receiver first, two slots for long and double.
        args: Vec<Value>,
    },
    /// Return this value, then put the thread in this state.
    Block(ThreadState, Value),
    /// Nothing done yet: put the thread in this state and run the call again when it wakes.
    Retry(ThreadState),
}

/// A native method.
pub(crate) type NativeFn = fn(&mut Vm, &[Value]) -> Native;

/// The implementation of a native method, by declaring class, name and descriptor.
pub(crate) fn find(class: &str, name: &str, desc: &str) -> Option<NativeFn> {
    lang::find(class, name, desc)
        .or_else(|| stack::find(class, name, desc))
        .or_else(|| io::find(class, name, desc))
        .or_else(|| fs::find(class, name, desc))
        .or_else(|| reflect::find(class, name, desc))
        .or_else(|| text::find(class, name, desc))
}

/// A pure native: a function of its argument slots alone (two slots for long and double).
pub(crate) type Intrinsic = fn(&[Value]) -> Value;

/// A native the interpreter and compiled code run in place, from the arguments and the heap,
/// in the common case: `None` (nothing changed) leaves the call to the full native, which
/// also raises the exceptions. It may write fields and elements but never allocates.
pub(crate) type HeapNative =
    fn(&crate::class::Program, &mut crate::heap::Heap, &[Value]) -> Option<Value>;

/// The [`HeapNative`] of a native method, if it has one.
pub(crate) fn heap_native(class: &str, name: &str, desc: &str) -> Option<HeapNative> {
    match (class, name, desc) {
        ("java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V") => {
            Some(lang::arraycopy_in_place)
        }
        _ => None,
    }
}

/// The in-place implementation of a pure native method, if it has one.
pub(crate) fn intrinsic(class: &str, name: &str, desc: &str) -> Option<Intrinsic> {
    math::intrinsic(class, name, desc).or(match (class, name, desc) {
        ("java/lang/Float", "floatToRawIntBits", "(F)I") => {
            Some(|a| Value::Int(a[0].float().to_bits() as i32))
        }
        ("java/lang/Float", "intBitsToFloat", "(I)F") => {
            Some(|a| Value::Float(f32::from_bits(a[0].int() as u32)))
        }
        ("java/lang/Double", "doubleToRawLongBits", "(D)J") => {
            Some(|a| Value::Long(a[0].double().to_bits() as i64))
        }
        ("java/lang/Double", "longBitsToDouble", "(J)D") => {
            Some(|a| Value::Double(f64::from_bits(a[0].long() as u64)))
        }
        _ => None,
    })
}

/// `Native::Return` of nothing, for void natives.
pub(crate) fn void() -> Native {
    Native::Return(Value::Top)
}

pub(crate) fn int(v: i32) -> Native {
    Native::Return(Value::Int(v))
}

pub(crate) fn boolean(v: bool) -> Native {
    Native::Return(Value::Int(v as i32))
}

pub(crate) fn reference(r: Ref) -> Native {
    Native::Return(Value::Ref(r))
}

pub(crate) fn raise(class: &'static str, msg: impl Into<Option<String>>) -> Native {
    Native::Raise(Raise::new(class, msg.into()))
}

pub(crate) fn npe() -> Native {
    Native::Raise(Raise::new("java/lang/NullPointerException", None))
}

pub(crate) fn oom() -> Native {
    raise(
        "java/lang/OutOfMemoryError",
        Some("Java heap space".to_string()),
    )
}

/// Allocates a Rust string as a Java string for a native's result.
pub(crate) fn string(vm: &mut Vm, s: &str) -> Native {
    match vm.rt.new_string(s) {
        Ok(r) => reference(r),
        Err(_) => oom(),
    }
}

/// Allocates a `String[]` of Rust strings for a native's result.
pub(crate) fn string_array<'a>(vm: &mut Vm, strings: impl IntoIterator<Item = &'a str>) -> Native {
    let mut items = Vec::new();
    for s in strings {
        match vm.rt.new_string(s) {
            Ok(r) => items.push(r),
            Err(_) => return oom(),
        }
    }
    match vm.rt.heap.alloc(
        vm.rt.known.string_array,
        crate::heap::Data::Refs(items.into()),
    ) {
        Ok(r) => reference(r),
        Err(_) => oom(),
    }
}
