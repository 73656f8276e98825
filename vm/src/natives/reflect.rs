//! Natives of `java.lang.reflect.Array`.

use super::{Native, int, npe, raise, reference};
use crate::class::ClassKind;
use crate::descriptor::Kind;
use crate::vm::Vm;

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (class, name, desc) {
        ("java/lang/reflect/Array", "getLength", "(Ljava/lang/Object;)I") => {
            |vm, a| match vm.rt.heap.get(a[0].reference()) {
                None => npe(),
                Some(o) => match o.data.array_len() {
                    Some(n) => int(n as i32),
                    None => raise(
                        "java/lang/IllegalArgumentException",
                        Some("Argument is not an array".to_string()),
                    ),
                },
            }
        }
        ("java/lang/reflect/Array", "newArray", "(Ljava/lang/Class;I)Ljava/lang/Object;") => {
            |vm, a| match vm.class_of_mirror(a[0].reference()) {
                Some(c) => new_array(vm, c, a[1].int()),
                None => npe(),
            }
        }
        _ => return None,
    })
}

/// A new array of `length` elements of component class `component`.
pub(super) fn new_array(vm: &mut Vm, component: u32, length: i32) -> Native {
    if length < 0 {
        return raise(
            "java/lang/NegativeArraySizeException",
            Some(length.to_string()),
        );
    }
    let elem = match vm.prog.class(component).kind {
        ClassKind::Primitive(Kind::Void) => {
            return raise("java/lang/IllegalArgumentException", None);
        }
        ClassKind::Primitive(k) => k,
        _ => Kind::Ref,
    };
    let array = vm.prog.array_of(component);
    vm.rt.sync_classes(&vm.prog);
    match vm.new_array(array, elem, length as usize) {
        Ok(r) => reference(r),
        Err(r) => Native::Raise(r),
    }
}
