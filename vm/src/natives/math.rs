//! Natives of `java.lang.StrictMath`: fdlibm's results, computed by one portable
//! implementation on every host (never the host's libm), so every architecture agrees.

use crate::strict_math as sm;
use crate::value::Value;

/// StrictMath's functions as intrinsics: pure functions of their argument slots. A second
/// double argument starts at slot 2, after the first one's two slots.
pub(super) fn intrinsic(class: &str, name: &str, desc: &str) -> Option<super::Intrinsic> {
    if class != "java/lang/StrictMath" {
        return None;
    }
    let f: super::Intrinsic = match (name, desc) {
        ("sin", "(D)D") => |a| Value::Double(sm::sin(a[0].double())),
        ("cos", "(D)D") => |a| Value::Double(sm::cos(a[0].double())),
        ("tan", "(D)D") => |a| Value::Double(sm::tan(a[0].double())),
        ("asin", "(D)D") => |a| Value::Double(sm::asin(a[0].double())),
        ("acos", "(D)D") => |a| Value::Double(sm::acos(a[0].double())),
        ("atan", "(D)D") => |a| Value::Double(sm::atan(a[0].double())),
        ("exp", "(D)D") => |a| Value::Double(sm::exp(a[0].double())),
        ("log", "(D)D") => |a| Value::Double(sm::log(a[0].double())),
        ("log10", "(D)D") => |a| Value::Double(sm::log10(a[0].double())),
        ("sqrt", "(D)D") => |a| Value::Double(sm::sqrt(a[0].double())),
        ("cbrt", "(D)D") => |a| Value::Double(sm::cbrt(a[0].double())),
        ("sinh", "(D)D") => |a| Value::Double(sm::sinh(a[0].double())),
        ("cosh", "(D)D") => |a| Value::Double(sm::cosh(a[0].double())),
        ("tanh", "(D)D") => |a| Value::Double(sm::tanh(a[0].double())),
        ("expm1", "(D)D") => |a| Value::Double(sm::expm1(a[0].double())),
        ("log1p", "(D)D") => |a| Value::Double(sm::log1p(a[0].double())),
        ("atan2", "(DD)D") => |a| Value::Double(sm::atan2(a[0].double(), a[2].double())),
        ("pow", "(DD)D") => |a| Value::Double(sm::pow(a[0].double(), a[2].double())),
        ("hypot", "(DD)D") => |a| Value::Double(sm::hypot(a[0].double(), a[2].double())),
        ("IEEEremainder", "(DD)D") => {
            |a| Value::Double(sm::ieee_remainder(a[0].double(), a[2].double()))
        }
        _ => return None,
    };
    Some(f)
}
