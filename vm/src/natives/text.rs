//! Natives that turn numbers into text and back exactly as JDK 17 does (`Double.toString`,
//! `Float.toString`, `Formatter`'s digits, `Double.parseDouble`), and Unicode classification
//! (Unicode 13.0, the version Java 17 implements) for `Character`.

use super::{Native, boolean, int, npe, raise, string, unicode};
use crate::float_text;
use crate::value::Value;

pub(super) fn find(class: &str, name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (class, name, desc) {
        ("java/lang/Double", "toString0", "(D)Ljava/lang/String;") => |vm, a| {
            let s = float_text::double_to_string(a[0].double());
            string(vm, &s)
        },
        ("java/lang/Float", "toString0", "(F)Ljava/lang/String;") => |vm, a| {
            let s = float_text::float_to_string(a[0].float());
            string(vm, &s)
        },
        ("java/lang/Double", "parseDouble0", "(Ljava/lang/String;)D") => |vm, a| {
            let Some(s) = vm.rt.string(a[0].reference()) else {
                return npe();
            };
            match parse_java_float(&s) {
                Ok(v) => Native::Return(Value::Double(v)),
                Err(msg) => raise("java/lang/NumberFormatException", Some(msg)),
            }
        },
        ("java/lang/Float", "parseFloat0", "(Ljava/lang/String;)F") => |vm, a| {
            let Some(s) = vm.rt.string(a[0].reference()) else {
                return npe();
            };
            match parse_java_float32(&s) {
                Ok(v) => Native::Return(Value::Float(v)),
                Err(msg) => raise("java/lang/NumberFormatException", Some(msg)),
            }
        },
        ("jdk/internal/phantom/Formatting", "fixed", "(DI)Ljava/lang/String;") => |vm, a| {
            let s = float_text::format_fixed(a[0].double(), a[2].int().max(0) as usize);
            string(vm, &s)
        },
        ("jdk/internal/phantom/Formatting", "scientific", "(DI)Ljava/lang/String;") => |vm, a| {
            let s = float_text::format_scientific(a[0].double(), a[2].int().max(0) as usize);
            string(vm, &s)
        },
        ("jdk/internal/phantom/Formatting", "general", "(DI)Ljava/lang/String;") => |vm, a| {
            let s = float_text::format_general(a[0].double(), a[2].int().max(0) as usize);
            string(vm, &s)
        },
        _ => return None,
    })
}

/// `Character`'s natives for code points beyond Latin-1, exactly as HotSpot 17 (see `unicode`).
pub(super) fn character(name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (name, desc) {
        ("getType0", "(I)I") => |_, a| int(unicode::java_type(a[0].int())),
        ("toLowerCase0", "(I)I") => |_, a| int(unicode::to_lower(a[0].int())),
        ("toUpperCase0", "(I)I") => |_, a| int(unicode::to_upper(a[0].int())),
        ("toTitleCase0", "(I)I") => |_, a| int(unicode::to_title(a[0].int())),
        ("digit0", "(II)I") => |_, a| int(unicode::digit(a[0].int(), a[1].int())),
        ("getNumericValue0", "(I)I") => |_, a| int(unicode::numeric_value(a[0].int())),
        ("isAlphabetic0", "(I)Z") => |_, a| boolean(unicode::is_alphabetic(a[0].int())),
        ("isIdeographic0", "(I)Z") => |_, a| boolean(unicode::is_ideographic(a[0].int())),
        ("isWhitespace0", "(I)Z") => |_, a| boolean(unicode::is_whitespace(a[0].int())),
        ("isMirrored0", "(I)Z") => |_, a| boolean(unicode::is_mirrored(a[0].int())),
        _ => return None,
    })
}

/// Parses text as `Double.parseDouble` does (JLS floating-point literal syntax, optional
/// sign, `NaN`, `Infinity`, an `f`/`d` suffix, hexadecimal significands, surrounding
/// whitespace); the error is `NumberFormatException`'s message.
pub(crate) fn parse_java_float(text: &str) -> Result<f64, String> {
    let s = text.trim_matches(|c: char| c <= ' ');
    if s.is_empty() {
        return Err("empty String".to_string());
    }
    let bad = || format!("For input string: \"{s}\"");
    let (neg, body) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let magnitude = match body {
        "NaN" => return Ok(f64::NAN),
        "Infinity" => f64::INFINITY,
        _ if body.starts_with("0x") || body.starts_with("0X") => {
            parse_hex(&body[2..]).ok_or_else(bad)?
        }
        _ => {
            let digits = body.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(body);
            let mantissa = digits.split(['e', 'E']).next().unwrap_or("");
            if mantissa.bytes().filter(|&b| b == b'.').count() > 1 {
                return Err("multiple points".to_string());
            }
            if !is_decimal_literal(digits) {
                return Err(bad());
            }
            digits.parse::<f64>().map_err(|_| bad())?
        }
    };
    Ok(if neg { -magnitude } else { magnitude })
}

/// `Float.parseFloat`: the decimal value rounded once, directly to float.
pub(crate) fn parse_java_float32(text: &str) -> Result<f32, String> {
    let s = text.trim_matches(|c: char| c <= ' ');
    let body = s.trim_start_matches(['+', '-']);
    let simple =
        !body.starts_with("0x") && !body.starts_with("0X") && body != "NaN" && body != "Infinity";
    if simple && !s.is_empty() {
        let digits = s.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(s);
        let unsigned = digits.trim_start_matches(['+', '-']);
        if digits.len() - unsigned.len() <= 1 && is_decimal_literal(unsigned) {
            return digits
                .parse::<f32>()
                .map_err(|_| format!("For input string: \"{s}\""));
        }
    }
    parse_java_float(text).map(|v| v as f32)
}

fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}

/// A hexadecimal floating-point significand and binary exponent (`1.8p3`), correctly rounded.
fn parse_hex(s: &str) -> Option<f64> {
    let s = s.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(s);
    let (mantissa, exp) = s.split_once(['p', 'P'])?;
    let exp: i64 = exp.parse().ok()?;
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut bits: u128 = 0;
    let mut scale: i64 = 0;
    let mut sticky = false;
    for (i, c) in int_part.chars().chain(frac_part.chars()).enumerate() {
        let d = c.to_digit(16)? as u128;
        if bits >> 120 == 0 {
            bits = bits * 16 + d;
            if i >= int_part.len() {
                scale -= 4;
            }
        } else {
            sticky |= d != 0;
            if i < int_part.len() {
                scale += 4;
            }
        }
    }
    if bits == 0 {
        return Some(0.0);
    }
    // Normalize to 64 significant bits plus a sticky bit, then let the int->float conversion
    // and an exact power-of-two scaling do the rounding.
    let shift = (128 - bits.leading_zeros() as i64 - 64).max(0);
    let lost = bits & ((1u128 << shift) - 1) != 0;
    let mut top = (bits >> shift) as u64;
    if lost || sticky {
        top |= 1;
    }
    let e = exp + scale + shift;
    Some(scale_pow2(top, e))
}

fn scale_pow2(top: u64, e: i64) -> f64 {
    // Round the 64-bit integer to 53 bits at the final exponent, handling subnormals.
    let lz = top.leading_zeros() as i64;
    let msb_exp = 63 - lz + e;
    let keep = if msb_exp < -1022 {
        53 - (-1022 - msb_exp)
    } else {
        53
    };
    if keep <= 0 {
        let half_way = keep == 0 && top != 0;
        let above_half = half_way && top.count_ones() > 1;
        return if above_half { f64::from_bits(1) } else { 0.0 };
    }
    let drop = (64 - lz - keep).max(0) as u32;
    let mut m = if drop >= 64 { 0 } else { top >> drop };
    if drop > 0 && drop < 64 {
        let rem = top & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        if rem > half || (rem == half && m & 1 == 1) {
            m += 1;
        }
    }
    let mut exp = e + drop as i64;
    let mut v = m as f64;
    while exp > 0 {
        let step = exp.min(1000);
        v *= f64::from_bits(((1023 + step) as u64) << 52);
        exp -= step;
        if v.is_infinite() {
            return v;
        }
    }
    while exp < 0 {
        let step = (-exp).min(1000);
        v *= f64::from_bits(((1023 - step) as u64) << 52);
        exp += step;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_java_float_syntax() {
        assert_eq!(parse_java_float("1.5"), Ok(1.5));
        assert_eq!(parse_java_float("  -2e3d "), Ok(-2000.0));
        assert_eq!(parse_java_float(".5f"), Ok(0.5));
        assert_eq!(parse_java_float("1."), Ok(1.0));
        assert_eq!(parse_java_float("0x1.8p1"), Ok(3.0));
        assert!(parse_java_float("NaN").is_ok_and(f64::is_nan));
        assert_eq!(parse_java_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert_eq!(
            parse_java_float("inf"),
            Err("For input string: \"inf\"".to_string())
        );
        assert_eq!(parse_java_float(""), Err("empty String".to_string()));
        assert!(parse_java_float("1e").is_err());
        assert!(parse_java_float("e5").is_err());
    }
}
