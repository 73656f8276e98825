//! Natives that turn numbers into text and back exactly as JDK 17 does (`Double.toString`,
//! `Float.toString`, `Formatter`'s digits, `Double.parseDouble`), and Unicode classification
//! (Unicode 13.0, the version Java 17 implements) for `Character`.

use super::{Native, boolean, int, npe, raise, string};
use crate::float_text;
use crate::value::Value;
use unicode_general_category::{GeneralCategory, get_general_category};

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

/// `Character`'s natives for code points beyond Latin-1.
pub(super) fn character(name: &str, desc: &str) -> Option<super::NativeFn> {
    Some(match (name, desc) {
        ("getType0", "(I)I") => |_, a| int(char_of(a).map(java_type).unwrap_or(0)),
        ("toLowerCase0", "(I)I") => |_, a| int(map_case(a, |c| c.to_lowercase().collect())),
        ("toUpperCase0", "(I)I") => |_, a| int(map_case(a, |c| c.to_uppercase().collect())),
        ("toTitleCase0", "(I)I") => |_, a| int(map_case(a, |c| c.to_uppercase().collect())),
        ("digit0", "(II)I") => |_, a| {
            let radix = a[1].int();
            let v = char_of(a).and_then(|c| {
                let gc = get_general_category(c);
                let value = if gc == GeneralCategory::DecimalNumber {
                    decimal_value(c)
                } else {
                    let l = c.to_ascii_lowercase();
                    if l.is_ascii_lowercase() {
                        Some(l as i32 - 'a' as i32 + 10)
                    } else {
                        fullwidth_letter(c)
                    }
                };
                value.filter(|&v| (2..=36).contains(&radix) && v < radix)
            });
            int(v.unwrap_or(-1))
        },
        ("isAlphabetic0", "(I)Z") => |_, a| boolean(char_of(a).is_some_and(char::is_alphabetic)),
        ("isIdeographic0", "(I)Z") => |_, a| {
            boolean(char_of(a).is_some_and(|c| matches!(c as u32, 0x3006 | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303A | 0x3400..=0x4DBF | 0x4E00..=0x9FFC | 0xF900..=0xFA6D | 0xFA70..=0xFAD9 | 0x17000..=0x187F7 | 0x18800..=0x18CD5 | 0x18D00..=0x18D08 | 0x1B170..=0x1B2FB | 0x20000..=0x2A6DD | 0x2A700..=0x2B734 | 0x2B740..=0x2B81D | 0x2B820..=0x2CEA1 | 0x2CEB0..=0x2EBE0 | 0x2F800..=0x2FA1D | 0x30000..=0x3134A)))
        },
        ("isWhitespace0", "(I)Z") => |_, a| {
            boolean(char_of(a).is_some_and(|c| {
                let gc = get_general_category(c);
                let space = matches!(
                    gc,
                    GeneralCategory::SpaceSeparator
                        | GeneralCategory::LineSeparator
                        | GeneralCategory::ParagraphSeparator
                );
                (space && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}'))
                    || matches!(c as u32, 0x09..=0x0D | 0x1C..=0x1F)
            }))
        },
        ("isMirrored0", "(I)Z") => |_, a| {
            boolean(char_of(a).is_some_and(|c| matches!(c, '(' | ')' | '<' | '>' | '[' | ']' | '{' | '}' | '«' | '»' | '\u{2039}' | '\u{203A}' | '\u{2045}' | '\u{2046}' | '\u{207D}' | '\u{207E}' | '\u{208D}' | '\u{208E}') || matches!(c as u32, 0x2208..=0x220D | 0x2215 | 0x223C..=0x223D | 0x2264..=0x226B | 0x2282..=0x228B | 0x27E6..=0x27EF | 0x2983..=0x2998 | 0x3008..=0x3011 | 0x3014..=0x301B | 0xFF08 | 0xFF09 | 0xFF1C | 0xFF1E | 0xFF3B | 0xFF3D | 0xFF5B | 0xFF5D)))
        },
        _ => return None,
    })
}

fn char_of(a: &[Value]) -> Option<char> {
    char::from_u32(a[0].int() as u32)
}

fn map_case(a: &[Value], f: impl Fn(char) -> Vec<char>) -> i32 {
    let cp = a[0].int();
    match char_of(a) {
        // Java's single-character mappings: a character whose full mapping is several
        // characters (like 'ß' -> "SS") maps to itself.
        Some(c) => match f(c).as_slice() {
            [one] => *one as i32,
            _ => cp,
        },
        None => cp,
    }
}

fn decimal_value(c: char) -> Option<i32> {
    // Decimal digits come in runs of ten starting at a code point ending in 0 in almost every
    // script; walk back to the run's zero.
    let cp = c as u32;
    (0..10).find_map(|k| {
        let zero = cp.checked_sub(k)?;
        let z = char::from_u32(zero)?;
        (get_general_category(z) == GeneralCategory::DecimalNumber
            && zero
                .checked_sub(1)
                .and_then(char::from_u32)
                .is_none_or(|p| {
                    get_general_category(p) != GeneralCategory::DecimalNumber || k == 9
                }))
        .then_some(k as i32)
    })
}

fn fullwidth_letter(c: char) -> Option<i32> {
    match c as u32 {
        0xFF21..=0xFF3A => Some((c as u32 - 0xFF21) as i32 + 10),
        0xFF41..=0xFF5A => Some((c as u32 - 0xFF41) as i32 + 10),
        _ => None,
    }
}

/// `Character.getType`'s constant for a general category.
fn java_type(c: char) -> i32 {
    use GeneralCategory::*;
    match get_general_category(c) {
        Unassigned => 0,
        UppercaseLetter => 1,
        LowercaseLetter => 2,
        TitlecaseLetter => 3,
        ModifierLetter => 4,
        OtherLetter => 5,
        NonspacingMark => 6,
        EnclosingMark => 7,
        SpacingMark => 8,
        DecimalNumber => 9,
        LetterNumber => 10,
        OtherNumber => 11,
        SpaceSeparator => 12,
        LineSeparator => 13,
        ParagraphSeparator => 14,
        Control => 15,
        Format => 16,
        PrivateUse => 18,
        Surrogate => 19,
        DashPunctuation => 20,
        OpenPunctuation => 21,
        ClosePunctuation => 22,
        ConnectorPunctuation => 23,
        OtherPunctuation => 24,
        MathSymbol => 25,
        CurrencySymbol => 26,
        ModifierSymbol => 27,
        OtherSymbol => 28,
        InitialPunctuation => 29,
        FinalPunctuation => 30,
    }
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
