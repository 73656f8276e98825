//! Floating-point values as text, as JDK 17 prints them.

fn java_style(digits: &str, exp10: i32, neg: bool) -> String {
    // digits: significant digits without dot; value = 0.d1d2... * 10^exp10
    let sign = if neg { "-" } else { "" };
    let e = exp10 - 1; // scientific exponent
    if (-3..7).contains(&e) {
        if e < 0 {
            format!("{sign}0.{}{}", "0".repeat((-e - 1) as usize), digits)
        } else {
            let int_len = (e + 1) as usize;
            let mut d = digits.to_string();
            while d.len() < int_len {
                d.push('0');
            }
            let (i, f) = d.split_at(int_len);
            format!("{sign}{i}.{}", if f.is_empty() { "0" } else { f })
        }
    } else {
        let (first, rest) = digits.split_at(1);
        format!(
            "{sign}{first}.{}E{e}",
            if rest.is_empty() { "0" } else { rest }
        )
    }
}

fn shortest(s: String, neg: bool) -> String {
    // s is Rust's `{:e}` output like "1.2345e-5".
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    java_style(&digits, exp + 1, neg)
}

pub fn double_to_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    shortest(format!("{:e}", v.abs()), v < 0.0)
}

pub fn float_to_string(v: f32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    shortest(format!("{:e}", v.abs()), v < 0.0)
}

pub fn format_fixed(v: f64, precision: usize) -> String {
    format!("{:.*}", precision, v)
}
pub fn format_scientific(v: f64, precision: usize) -> String {
    let s = format!("{:.*e}", precision, v);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}
pub fn format_general(v: f64, precision: usize) -> String {
    format_scientific(v, precision.max(1) - 1)
}
