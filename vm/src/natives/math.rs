//! Natives of `java.lang.StrictMath`: fdlibm's results, computed by one portable
//! implementation on every host (never the host's libm), so every architecture agrees.

use super::Native;
use crate::strict_math as sm;
use crate::value::Value;
use crate::vm::Vm;

fn d(v: f64) -> Native {
    Native::Return(Value::Double(v))
}

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    if class != "java/lang/StrictMath" {
        return None;
    }
    let unary: fn(&mut Vm, &[Value]) -> Native = match (name, desc) {
        ("sin", "(D)D") => |_, a| d(sm::sin(a[0].double())),
        ("cos", "(D)D") => |_, a| d(sm::cos(a[0].double())),
        ("tan", "(D)D") => |_, a| d(sm::tan(a[0].double())),
        ("asin", "(D)D") => |_, a| d(sm::asin(a[0].double())),
        ("acos", "(D)D") => |_, a| d(sm::acos(a[0].double())),
        ("atan", "(D)D") => |_, a| d(sm::atan(a[0].double())),
        ("exp", "(D)D") => |_, a| d(sm::exp(a[0].double())),
        ("log", "(D)D") => |_, a| d(sm::log(a[0].double())),
        ("log10", "(D)D") => |_, a| d(sm::log10(a[0].double())),
        ("sqrt", "(D)D") => |_, a| d(sm::sqrt(a[0].double())),
        ("cbrt", "(D)D") => |_, a| d(sm::cbrt(a[0].double())),
        ("sinh", "(D)D") => |_, a| d(sm::sinh(a[0].double())),
        ("cosh", "(D)D") => |_, a| d(sm::cosh(a[0].double())),
        ("tanh", "(D)D") => |_, a| d(sm::tanh(a[0].double())),
        ("expm1", "(D)D") => |_, a| d(sm::expm1(a[0].double())),
        ("log1p", "(D)D") => |_, a| d(sm::log1p(a[0].double())),
        // Two-argument functions take their second double from slots 2 and 3.
        ("atan2", "(DD)D") => |_, a| d(sm::atan2(a[0].double(), a[2].double())),
        ("pow", "(DD)D") => |_, a| d(sm::pow(a[0].double(), a[2].double())),
        ("hypot", "(DD)D") => |_, a| d(sm::hypot(a[0].double(), a[2].double())),
        ("IEEEremainder", "(DD)D") => |_, a| d(sm::ieee_remainder(a[0].double(), a[2].double())),
        _ => return None,
    };
    Some(unary)
}
