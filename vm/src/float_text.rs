//! Decimal text of Java `double` and `float` values exactly as JDK 17 writes it.
//!
//! `Double.toString`, `Float.toString` and `java.util.Formatter` in JDK 17 all take their
//! digits from `FloatingDecimal`, a Steele & White style digit generator that JDK 19 replaced
//! with a shortest-digits algorithm. Its digits are not always the shortest ones that read
//! back to the same value: `2.0E23` prints as `1.9999999999999998E23`, `1.0E23` as
//! `9.999999999999999E22` and `2^60` as `1.15292150460684698E18`. Programs print such
//! values and we must reproduce HotSpot's output, so this module makes the same decisions
//! as that generator, including the places where it computes in 32- or 64-bit words that
//! may wrap around. Where it divides big integers digit by digit, this module gets the same
//! answers from one division (see `big_digits`).
//!
//! Only integer arithmetic and plain IEEE double operations are used (no host libm, no fused
//! multiply-add, no `unsafe`), so the text is the same on every host and byte order.

use std::cmp::Ordering;

/// Bits of a double's stored fraction.
const FRACTION_MASK: u64 = (1 << 52) - 1;

/// The generator never produces more than 20 digits; `FloatingDecimal` has room for 20.
const MAX_DIGITS: usize = 24;

/// `5^k` for `k` in `0..=27`; `5^27` is the largest power of five that fits in a `u64`.
const POW5: [u64; 28] = {
    let mut table = [1u64; 28];
    let mut k = 1;
    while k < 28 {
        table[k] = table[k - 1] * 5;
        k += 1;
    }
    table
};

/// `10^k` for `k` in `0..=19`.
const POW10: [u64; 20] = {
    let mut table = [1u64; 20];
    let mut k = 1;
    while k < 20 {
        table[k] = table[k - 1] * 10;
        k += 1;
    }
    table
};

/// Bit length of `5^k` for `k` in `1..=26`, and 0 for `k = 0`: the generator uses these
/// sizes (not exact ones) to decide whether its numbers fit in machine words, and that
/// choice changes some outputs, so the same table must drive the same choice here.
const POW5_BITS: [i32; 27] = {
    let mut table = [0i32; 27];
    let mut k = 1;
    while k < 27 {
        table[k] = 64 - POW5[k].leading_zeros() as i32;
        k += 1;
    }
    table
};

/// Approximate bit length of `5^k` as the generator estimates it beyond its table.
fn pow5_bits(k: i32) -> i32 {
    match usize::try_from(k) {
        Ok(idx) if idx < POW5_BITS.len() => POW5_BITS[idx],
        _ => k * 3,
    }
}

/// Returns `Double.toString(v)` as JDK 17 prints it.
pub fn double_to_string(v: f64) -> String {
    let negative = v.is_sign_negative();
    if !v.is_finite() {
        return non_finite_text(v.is_nan(), negative);
    }
    let digits = match unpack_double(v.to_bits()) {
        Some(binary) => generate(binary, true),
        None => Digits::zero(),
    };
    java_text(negative, &digits)
}

/// Returns `Float.toString(v)` as JDK 17 prints it.
pub fn float_to_string(v: f32) -> String {
    let negative = v.is_sign_negative();
    if !v.is_finite() {
        return non_finite_text(v.is_nan(), negative);
    }
    let digits = match unpack_float(v.to_bits()) {
        Some(binary) => generate(binary, true),
        None => Digits::zero(),
    };
    java_text(negative, &digits)
}

/// Returns what `String.format("%.<precision>f", v)` prints for the magnitude of `v`.
///
/// The caller adds the sign, grouping and padding and handles NaN and infinities, as
/// `Formatter` does around its digit conversion; for those this returns Java's names
/// without a sign. Digits beyond the ones `FloatingDecimal` produces are zeros, and
/// rounding to the precision is half-up on those digits, so `%.2f` of `1.005` is `1.01`.
pub fn format_fixed(v: f64, precision: usize) -> String {
    match formatter_digits(v) {
        Some(digits) => fixed_text(digits, precision),
        None => non_finite_text(v.is_nan(), false),
    }
}

/// Returns what `String.format("%.<precision>e", v)` prints for the magnitude of `v`,
/// such as `1.234560e+01`; the exponent has at least two digits.
///
/// Sign, padding, NaN and infinities are the caller's, as for [`format_fixed`].
pub fn format_scientific(v: f64, precision: usize) -> String {
    match formatter_digits(v) {
        Some(digits) => scientific_text(digits, precision),
        None => non_finite_text(v.is_nan(), false),
    }
}

/// Returns what `String.format("%.<precision>g", v)` prints for the magnitude of `v`.
///
/// Precision 0 counts as 1. After rounding to `precision` significant digits, values from
/// `10^-4` up to (not including) `10^precision` are written as by `%f` with the digits left
/// after the integer part, all others as by `%e` with `precision - 1` digits.
/// Sign, padding, NaN and infinities are the caller's, as for [`format_fixed`].
pub fn format_general(v: f64, precision: usize) -> String {
    match formatter_digits(v) {
        Some(digits) => general_text(digits, precision),
        None => non_finite_text(v.is_nan(), false),
    }
}

/// Java's names for the values that have no digits.
fn non_finite_text(nan: bool, negative: bool) -> String {
    match (nan, negative) {
        (true, _) => "NaN",
        (false, false) => "Infinity",
        (false, true) => "-Infinity",
    }
    .to_owned()
}

/// Digits `Formatter` starts from for `|v|`, or `None` for NaN and infinities.
fn formatter_digits(v: f64) -> Option<Digits> {
    if !v.is_finite() {
        return None;
    }
    // Formatter asks for digits in its own mode: at least two digits whenever the first one
    // is not a discarded leading zero, whatever the size of the value.
    Some(match unpack_double(v.abs().to_bits()) {
        Some(binary) => generate(binary, false),
        None => Digits::zero(),
    })
}

/// `%f` text of formatter digits.
fn fixed_text(mut digits: Digits, precision: usize) -> String {
    let precision = clamp_precision(precision);
    let keep = i64::from(digits.exponent) + precision;
    let exponent = apply_precision(&mut digits, keep);
    let whole = usize::try_from(exponent).unwrap_or(0);
    let mut text = Vec::with_capacity(whole + usize::try_from(precision).unwrap_or(0) + 3);
    let fraction = fixed_mantissa(&mut text, &digits, exponent, precision);
    add_zeros(&mut text, fraction, precision);
    ascii_string(text)
}

/// `%e` text of formatter digits.
fn scientific_text(mut digits: Digits, precision: usize) -> String {
    let precision = clamp_precision(precision);
    let exponent = apply_precision(&mut digits, precision + 1);
    let mut text = Vec::with_capacity(usize::try_from(precision).unwrap_or(0) + 8);
    let fraction = scientific_mantissa(&mut text, &digits, precision);
    add_zeros(&mut text, fraction, precision);
    text.push(b'e');
    if digits.is_zero() {
        // Formatter writes zero's exponent itself; the digits would say "-01".
        text.extend_from_slice(b"+00");
    } else {
        push_exponent(&mut text, exponent);
    }
    ascii_string(text)
}

/// `%g` text of formatter digits.
fn general_text(mut digits: Digits, precision: usize) -> String {
    let precision = clamp_precision(precision).max(1);
    let mut text = Vec::with_capacity(usize::try_from(precision).unwrap_or(0) + 8);
    if digits.is_zero() {
        // Formatter special-cases zero: one "0" and the remaining precision as zeros.
        text.push(b'0');
        add_zeros(&mut text, None, precision - 1);
        return ascii_string(text);
    }
    let exponent = apply_precision(&mut digits, precision);
    let scientific_exponent = i64::from(exponent) - 1;
    if scientific_exponent < -4 || scientific_exponent >= precision {
        let fraction = scientific_mantissa(&mut text, &digits, precision - 1);
        add_zeros(&mut text, fraction, precision - 1);
        text.push(b'e');
        push_exponent(&mut text, exponent);
    } else {
        let fraction_digits = precision - i64::from(exponent);
        let fraction = fixed_mantissa(&mut text, &digits, exponent, fraction_digits);
        add_zeros(&mut text, fraction, fraction_digits);
    }
    ascii_string(text)
}

/// Precision as a signed number for the digit arithmetic; Java's precision is an `int`.
fn clamp_precision(precision: usize) -> i64 {
    i64::try_from(precision)
        .unwrap_or(i64::MAX)
        .min(i64::from(i32::MAX))
}

/// A finite non-zero value as the digit generator sees it.
#[derive(Clone, Copy, Debug)]
struct Binary {
    /// Significand with its leading one at bit 52; subnormals are normalized first.
    significand: u64,
    /// Power of two of that leading one.
    exponent: i32,
    /// Significand bits of the source: 53 for doubles, 24 for floats, fewer for subnormals.
    /// It sets the half-unit in the last place that decides when to stop producing digits.
    precision_bits: i32,
}

/// Splits a finite double, or returns `None` for a zero.
fn unpack_double(bits: u64) -> Option<Binary> {
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & FRACTION_MASK;
    if biased != 0 {
        return Some(Binary {
            significand: fraction | 1 << 52,
            exponent: biased - 1023,
            precision_bits: 53,
        });
    }
    if fraction == 0 {
        return None;
    }
    let leading_zeros = fraction.leading_zeros() as i32;
    let shift = leading_zeros - 11;
    Some(Binary {
        significand: fraction << shift,
        exponent: 1 - shift - 1023,
        precision_bits: 64 - leading_zeros,
    })
}

/// Splits a finite float, or returns `None` for a zero. The significand is placed where a
/// double's would be, because JDK 17 runs floats through the double generator.
fn unpack_float(bits: u32) -> Option<Binary> {
    let biased = ((bits >> 23) & 0xff) as i32;
    let fraction = bits & ((1 << 23) - 1);
    let (significand, exponent, precision_bits) = if biased != 0 {
        (fraction | 1 << 23, biased - 127, 24)
    } else if fraction == 0 {
        return None;
    } else {
        let leading_zeros = fraction.leading_zeros() as i32;
        let shift = leading_zeros - 8;
        (fraction << shift, 1 - shift - 127, 32 - leading_zeros)
    };
    Some(Binary {
        significand: u64::from(significand) << 29,
        exponent,
        precision_bits,
    })
}

/// Digits as the generator hands them over: the value is `0.d1 d2 ... dn × 10^exponent`.
///
/// Trailing zeros are kept when they were produced (a carry turns `19` into `20`), because
/// `Double.toString` prints every digit it was given.
#[derive(Clone, Copy, Debug)]
struct Digits {
    /// ASCII digits; only the first `len` are meaningful.
    ascii: [u8; MAX_DIGITS],
    len: usize,
    exponent: i32,
}

impl Digits {
    fn empty() -> Digits {
        Digits {
            ascii: [b'0'; MAX_DIGITS],
            len: 0,
            exponent: 0,
        }
    }

    /// Zero is a single digit `0` with exponent 0, which prints as `0.0`.
    fn zero() -> Digits {
        let mut digits = Digits::empty();
        digits.len = 1;
        digits
    }

    fn is_zero(&self) -> bool {
        self.len == 1 && self.ascii[0] == b'0'
    }

    fn as_slice(&self) -> &[u8] {
        &self.ascii[..self.len]
    }

    fn push(&mut self, digit: u64) {
        // The stopping rule ends every value within 20 digits and digits are below ten;
        // the checks only keep a broken invariant from becoming a panic.
        if self.len < MAX_DIGITS {
            self.ascii[self.len] = b'0' + (digit % 10) as u8;
            self.len += 1;
        }
    }

    /// Adds one unit in the last digit. A carry out of the first digit leaves `1` followed
    /// by the zeros the carry produced and raises the exponent; the length never changes.
    fn round_up(&mut self) {
        let Some(last) = self.len.checked_sub(1) else {
            return;
        };
        let mut idx = last;
        while self.ascii[idx] == b'9' && idx > 0 {
            self.ascii[idx] = b'0';
            idx -= 1;
        }
        if self.ascii[idx] == b'9' {
            self.ascii[0] = b'1';
            self.exponent += 1;
        } else {
            self.ascii[idx] += 1;
        }
    }
}

/// Produces the digits of a finite non-zero value.
///
/// `compatible` is the `Double.toString` mode, which stops as soon as the digits identify
/// the value (except in scientific range, where it wants a second digit); `Formatter`
/// always asks for at least two digits.
fn generate(binary: Binary, compatible: bool) -> Digits {
    generate_digits(binary, compatible, true)
}

/// [`generate`], optionally without the 128-bit shortcut (tests compare the two).
fn generate_digits(binary: Binary, compatible: bool, shortcut: bool) -> Digits {
    let trailing_zeros = binary.significand.trailing_zeros() as i32;
    // Significant bits actually in use, and how many of them lie right of the binary point.
    let used_bits = 53 - trailing_zeros;
    let fraction_bits = (used_bits - binary.exponent - 1).max(0);
    if fraction_bits == 0 && binary.exponent <= 62 {
        return integer_digits(binary);
    }

    let mut decimal_exponent = estimate_decimal_exponent(binary.significand, binary.exponent);

    // The generator divides B by S to get digits, stopping once the remainder is within M:
    //   value = B / S × 10^decimal_exponent, and M is half a unit in the last place scaled
    //   like B. Each is kept as powers of 2 and 5.
    let b5 = (-decimal_exponent).max(0);
    let mut b2 = b5 + fraction_bits + binary.exponent;
    let s5 = decimal_exponent.max(0);
    let mut s2 = s5 + fraction_bits;
    let m5 = b5;
    let mut m2 = b2 - binary.precision_bits;

    let odd_part = binary.significand >> trailing_zeros;
    b2 -= used_bits - 1;
    let common = b2.min(s2);
    b2 -= common;
    s2 -= common;
    m2 -= common;
    if used_bits == 1 {
        // Below a power of two the neighbour is only half as far away; the generator makes
        // its (symmetric) margin half as wide for every power of two, subnormal ones too.
        m2 -= 1;
    }
    if m2 < 0 {
        b2 -= m2;
        s2 -= m2;
        m2 = 0;
    }

    let scale = Scale {
        b5,
        b2,
        s5,
        s2,
        m5,
        m2,
    };
    let b_bits = used_bits + b2 + pow5_bits(b5);
    let ten_s_bits = s2 + 1 + pow5_bits(s5 + 1);
    let mut digits = Digits::empty();
    let outcome = if b_bits < 64 && ten_s_bits < 64 {
        let narrow = b_bits < 32 && ten_s_bits < 32;
        word_digits(
            narrow,
            odd_part,
            scale,
            compatible,
            &mut decimal_exponent,
            &mut digits,
        )
    } else {
        let lsb_exponent = binary.exponent - (used_bits - 1);
        big_digits(
            odd_part,
            lsb_exponent,
            scale,
            shortcut,
            compatible,
            &mut decimal_exponent,
            &mut digits,
        )
    };
    digits.exponent = decimal_exponent + 1;

    // The last digit is rounded by the condition that stopped the loop; a tie goes to the
    // even digit.
    if outcome.high {
        let up = if outcome.low {
            match outcome.low_digit_difference {
                Ordering::Equal => digits.as_slice().last().is_some_and(|d| d % 2 == 1),
                Ordering::Greater => true,
                Ordering::Less => false,
            }
        } else {
            true
        };
        if up {
            digits.round_up();
        }
    }
    digits
}

/// Whether the loop must go on after the first digit whatever its stopping tests said:
/// always for `Formatter`, and in `Double.toString` for exponents that print in scientific
/// form, which needs a digit after the point. (The generator's range, decimal exponents
/// -3 to 7, is one off from where plain form ends; values from 10^7 to 10^8 print as
/// `d.0E7` with one digit.)
fn wants_second_digit(compatible: bool, decimal_exponent: i32) -> bool {
    !compatible || !(-3..8).contains(&decimal_exponent)
}

/// Powers of 2 and 5 in B, S and M (see [`generate`]); all are non-negative.
#[derive(Clone, Copy, Debug)]
struct Scale {
    b5: i32,
    b2: i32,
    s5: i32,
    s2: i32,
    m5: i32,
    m2: i32,
}

/// How the digit loop stopped.
#[derive(Clone, Copy, Debug)]
struct LoopEnd {
    /// The remainder was within M of the digits so far.
    low: bool,
    /// The remainder was within M of the next higher digits.
    high: bool,
    /// Twice the remainder against the step, consulted when both held.
    low_digit_difference: Ordering,
}

/// Digits of an integer below 2^63: all of its decimal digits without trailing zeros,
/// except that for large values some low digits that binary precision cannot back are
/// first rounded away (half-up), which is how `2^60` keeps 18 digits.
fn integer_digits(binary: Binary) -> Digits {
    let mut value = if binary.exponent >= 52 {
        binary.significand << (binary.exponent - 52)
    } else {
        binary.significand >> (52 - binary.exponent)
    };
    let insignificant = if binary.exponent > binary.precision_bits {
        insignificant_digits(binary.exponent - binary.precision_bits - 1)
    } else {
        0
    };
    if insignificant > 0 {
        let pow10 = POW10[insignificant];
        let residue = value % pow10;
        value /= pow10;
        if residue >= pow10 / 2 {
            value += 1;
        }
    }

    // Every digit counts toward the exponent; trailing zeros are then dropped.
    let mut ascii = [b'0'; 20];
    let mut start = ascii.len();
    while value > 0 {
        start -= 1;
        ascii[start] = b'0' + (value % 10) as u8;
        value /= 10;
    }
    let mut end = ascii.len();
    while end > start + 1 && ascii[end - 1] == b'0' {
        end -= 1;
    }
    let mut digits = Digits::empty();
    digits.exponent = (insignificant + ascii.len() - start) as i32;
    digits.len = end - start;
    digits.ascii[..digits.len].copy_from_slice(&ascii[start..end]);
    digits
}

/// Decimal digits of `2^p2` minus one, for the range the generator tabulates (`2..64`), and
/// 0 outside it.
fn insignificant_digits(p2: i32) -> usize {
    if !(2..64).contains(&p2) {
        return 0;
    }
    let mut power = 1u64 << p2;
    let mut count = 0;
    while power >= 10 {
        power /= 10;
        count += 1;
    }
    count
}

/// The generator's first guess at `floor(log10(value))`: a tangent line to `log10` through
/// the significand's midpoint 1.5, evaluated in double precision. It is exact or one too
/// high; the digit loop corrects a high guess. Which guess it makes matters because it sets
/// the sizes that pick the arithmetic, so the same constants and operation order are used.
#[allow(clippy::approx_constant)] // the generator's truncated log10(2), not LOG10_2
fn estimate_decimal_exponent(significand: u64, exponent: i32) -> i32 {
    let mantissa = f64::from_bits(0x3ff0_0000_0000_0000 | (significand & FRACTION_MASK));
    let estimate = (mantissa - 1.5) * 0.289_529_654
        + 0.176_091_259
        + f64::from(exponent) * 0.301_029_995_663_981;
    // The estimate lies well inside the i32 range; `as` truncates toward zero, so step down
    // for negative non-integers to get the floor.
    let truncated = estimate as i32;
    if f64::from(truncated) > estimate {
        truncated - 1
    } else {
        truncated
    }
}

/// Runs the digit loop in 32-bit (`narrow`) or 64-bit two's-complement words, as the
/// generator does when its size estimates say B, S and M fit. Those words can still
/// overflow (M grows tenfold per digit), and the overflow decides some outputs, so every
/// operation wraps exactly as Java's `int` or `long` would.
fn word_digits(
    narrow: bool,
    odd_part: u64,
    scale: Scale,
    compatible: bool,
    decimal_exponent: &mut i32,
    digits: &mut Digits,
) -> LoopEnd {
    // Narrowing to 32 bits is shifting the low half up and sign-extending it back; plain
    // shifts rather than a closure keep unoptimized test builds fast.
    let width_shift = if narrow { 32 } else { 0 };
    macro_rules! wrap {
        ($x:expr) => {
            ($x << width_shift) >> width_shift
        };
    }
    // The size checks keep every power of five and shift here below 5^27 and 63.
    let pow5 = |k: i32| POW5[usize::try_from(k).unwrap_or(0).min(27)] as i64;
    let b5 = pow5(scale.b5);
    let mut b = wrap!(wrap!((odd_part as i64).wrapping_mul(b5)).wrapping_shl(scale.b2 as u32));
    let s = wrap!(pow5(scale.s5).wrapping_shl(scale.s2 as u32));
    let mut m = wrap!(pow5(scale.m5).wrapping_shl(scale.m2 as u32));
    let tens = wrap!(s.wrapping_mul(10));

    // The first digit is peeled off: a zero here means the exponent guess was one too high,
    // so the zero is dropped and the exponent lowered.
    let mut q = b / s;
    b = 10 * (b % s);
    m = wrap!(m.wrapping_mul(10));
    let mut low = b < m;
    let mut high = wrap!(b.wrapping_add(m)) > tens;
    if q == 0 && !high {
        *decimal_exponent -= 1;
    } else {
        digits.push(q as u64);
    }
    if wants_second_digit(compatible, *decimal_exponent) {
        low = false;
        high = false;
    }
    while !low && !high {
        q = b / s;
        b = 10 * (b % s);
        m = wrap!(m.wrapping_mul(10));
        if m > 0 {
            low = b < m;
            high = wrap!(b.wrapping_add(m)) > tens;
        } else {
            // M overflowed: the generator takes that as "certainly close enough".
            low = true;
            high = true;
        }
        digits.push(q as u64);
    }
    LoopEnd {
        low,
        high,
        low_digit_difference: wrap!(b.wrapping_shl(1).wrapping_sub(tens)).cmp(&0),
    }
}

/// 64-bit limbs for the exact big-number case. S stays below 2^830 (its largest size is
/// for the smallest normal doubles) and is shifted so that its top limb holds 60 bits;
/// B, M and 10·S then fit in as many limbs as S, and the numbers divided by S (below
/// 10^10·S) in one more. Sixteen limbs leave room to spare.
const LIMBS: usize = 16;

type Limbs = [u64; LIMBS];

/// `5^(27·i)` for `i` in `0..14`: with one more multiplication by `POW5[k % 27]` they give
/// any power of five the generator uses (it needs up to about `5^330`).
const POW5_STRIDES: [Limbs; 14] = {
    let mut table = [[0u64; LIMBS]; 14];
    table[0][0] = 1;
    let mut i = 1;
    while i < 14 {
        let mut carry = 0u128;
        let mut idx = 0;
        while idx < LIMBS {
            let product = table[i - 1][idx] as u128 * POW5[27] as u128 + carry;
            table[i][idx] = product as u64;
            carry = product >> 64;
            idx += 1;
        }
        i += 1;
    }
    table
};

/// Digits after the point of `B/S` that the big-number case computes at once: enough for
/// every digit its loop can produce, since the stopping rule ends it by the 19th.
const QUOTIENT_PLACES: usize = 19;

/// The digit loop for values whose B, S or 10·S may exceed 63 bits.
///
/// Unlike the word loops this one counts a remainder that reaches the next digit exactly as
/// "high" (`B + M >= 10·S`), and M cannot overflow. The generator divides big integers once
/// per digit; the same decisions follow from one quotient. With `B·10^19 = Q·S + R`, the
/// remainder after `k` digits is `((Q mod 10^j)·S + R) / 10^j` for `j = 20 - k`, and M,
/// scaled alike, is `M·10^19 / 10^j`. Since `B = M·d` for an integer `d`, `M·10^19 = T·S + U`
/// with `T = Q / d` and `U = ((Q mod d)·S + R) / d`. So "remainder below M" is
/// `Q mod 10^j < T`, and "remainder plus M reaches S" is `Q mod 10^j + T >= 10^j`, or
/// `Q mod 10^j + T + 1 = 10^j` with `R + U >= S`; R and U matter only on such equalities
/// (see [`stop_tests`]).
///
/// Q alone usually comes from a 128-bit power of ten ([`approximate_quotient`]); when that
/// cannot be trusted, or the loop meets an equality, the exact division decides.
fn big_digits(
    odd_part: u64,
    lsb_exponent: i32,
    scale: Scale,
    shortcut: bool,
    compatible: bool,
    decimal_exponent: &mut i32,
    digits: &mut Digits,
) -> LoopEnd {
    // B = M·d: M is B without the odd part and with fewer twos (the generator's M2 is always
    // below its B2, by at most 55).
    let d = u128::from(odd_part) << u32::try_from(scale.b2 - scale.m2).unwrap_or(0).min(64);
    let places = QUOTIENT_PLACES as i32 - *decimal_exponent;
    if let Some(q) = approximate_quotient(odd_part, lsb_exponent, places).filter(|_| shortcut) {
        let no_remainder = &mut |_: Tie| None;
        if let Some(end) = quotient_loop(q, d, compatible, decimal_exponent, digits, no_remainder) {
            return end;
        }
    }
    exact_big_digits(odd_part, d, scale, compatible, decimal_exponent, digits)
}

/// [`big_digits`] on exact big integers: computes Q and R by long division and answers every
/// question about R.
fn exact_big_digits(
    odd_part: u64,
    d: u128,
    scale: Scale,
    compatible: bool,
    decimal_exponent: &mut i32,
    digits: &mut Digits,
) -> LoopEnd {
    let to_u32 = |x: i32| u32::try_from(x).unwrap_or(0);
    let mut s: Limbs = [0; LIMBS];
    let s_len = set_pow5(&mut s, to_u32(scale.s5));
    // Scaling B and S by one power of two changes no comparison; it puts S where a one-limb
    // quotient estimate is nearly exact.
    let s_bits = bit_len(&s, s_len) + to_u32(scale.s2);
    let bias = (60 + 64 * LIMBS as u32 - s_bits % 64) % 64;
    let n = shift_left(&mut s, s_len, to_u32(scale.s2) + bias);
    let mut b: Limbs = [0; LIMBS];
    let b_len = set_pow5(&mut b, to_u32(scale.b5));
    let b_len = mul_small(&mut b, b_len, odd_part);
    shift_left(&mut b, b_len, to_u32(scale.b2) + bias);

    let (q_high, q_low) = decimal_quotient(&mut b, &s, n);
    let r = &b;
    let q = u128::from(q_high) * u128::from(POW10[10]) + u128::from(q_low);
    let q_mod_d = q % d;
    let exact = &mut |tie: Tie| {
        Some(match tie {
            // R against U  <=>  (d - 1)·R against (Q mod d)·S
            Tie::RemainderVsMargin => scaled_compare(r, d - 1, &s, q_mod_d, n),
            // R + U against S  <=>  (d + 1)·R against (d - Q mod d)·S
            Tie::RemainderPlusMarginVsDivisor => scaled_compare(r, d + 1, &s, d - q_mod_d, n),
            Tie::RemainderVsZero => {
                if r.iter().any(|&limb| limb != 0) {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                }
            }
            Tie::TwiceRemainderVsDivisor => add_compare(r, r, &s, n),
        })
    };
    quotient_loop(q, d, compatible, decimal_exponent, digits, exact)
        .expect("the exact remainder answers every tie")
}

/// A comparison about the remainder R of `B·10^19 / S` that Q alone does not settle.
#[derive(Clone, Copy, Debug)]
enum Tie {
    /// R against U, the remainder of `M·10^19 / S`.
    RemainderVsMargin,
    /// R + U against S.
    RemainderPlusMarginVsDivisor,
    /// R against zero.
    RemainderVsZero,
    /// 2·R against S.
    TwiceRemainderVsDivisor,
}

/// The generator's digit loop driven by `Q = B·10^19 / S` (see [`big_digits`]). `ties`
/// answers the rare comparisons that need R, or returns `None` when it cannot; then this
/// returns `None` and leaves `digits` and `decimal_exponent` untouched.
fn quotient_loop(
    q: u128,
    d: u128,
    compatible: bool,
    decimal_exponent: &mut i32,
    digits: &mut Digits,
    ties: &mut dyn FnMut(Tie) -> Option<Ordering>,
) -> Option<LoopEnd> {
    // T can exceed 64 bits only when it exceeds every remainder tested against it.
    let t = u64::try_from(q / d).unwrap_or(u64::MAX);
    let mut produced = Digits::empty();
    let mut exponent = *decimal_exponent;
    // After each digit: rest = Q mod step, step = 10^j, with j = 20 - (digits so far).
    let mut step = POW10[QUOTIENT_PLACES];
    let first = (q / u128::from(step)) as u64;
    let mut rest = (q % u128::from(step)) as u64;
    let (mut low, mut high) = stop_tests(rest, step, t, ties)?;
    if first == 0 && !high {
        exponent -= 1;
    } else {
        produced.push(first);
    }
    if wants_second_digit(compatible, exponent) {
        low = false;
        high = false;
    }
    while !low && !high && step > 1 {
        step /= 10;
        let digit = rest / step;
        rest -= digit * step;
        (low, high) = stop_tests(rest, step, t, ties)?;
        produced.push(digit);
    }
    // Twice the remainder against S, scaled by 10^j: (2·rest - step)·S + 2·R against 0.
    let low_digit_difference = if high && low {
        let twice = u128::from(rest) * 2;
        let step = u128::from(step);
        if twice > step {
            Ordering::Greater
        } else if twice + 1 < step {
            Ordering::Less
        } else if twice == step {
            ties(Tie::RemainderVsZero)?
        } else {
            ties(Tie::TwiceRemainderVsDivisor)?
        }
    } else {
        Ordering::Equal
    };
    *digits = produced;
    *decimal_exponent = exponent;
    Some(LoopEnd {
        low,
        high,
        low_digit_difference,
    })
}

/// The loop's two stopping tests after a digit, from `rest = Q mod 10^j`, `step = 10^j` and
/// T: "remainder below M" is `rest < T`, and "remainder plus M reaches S" is
/// `rest + T (+1 if R + U >= S) >= step`, written so as not to overflow. Plain boolean
/// expressions, as this runs for nearly every digit printed.
fn stop_tests(
    rest: u64,
    step: u64,
    t: u64,
    ties: &mut dyn FnMut(Tie) -> Option<Ordering>,
) -> Option<(bool, bool)> {
    let low = rest < t || (rest == t && ties(Tie::RemainderVsMargin)? == Ordering::Less);
    let high = t >= step
        || rest + 1 > step - t
        || (rest + 1 == step - t && ties(Tie::RemainderPlusMarginVsDivisor)? != Ordering::Less);
    Some((low, high))
}

/// Smallest and largest power of ten in [`pow10_table`]; the generator needs `10^(19 - E)`
/// for decimal exponents E from -324 to 308.
const POW10_TABLE_MIN: i32 = -300;
const POW10_TABLE_MAX: i32 = 350;

/// `10^p ≈ c·2^g` with `2^127 <= c < 2^128`, rounded down, for `p` from [`POW10_TABLE_MIN`]
/// to [`POW10_TABLE_MAX`]. Built once, exactly, with this module's own big integers.
fn pow10_table() -> &'static [(u128, i32)] {
    static TABLE: std::sync::OnceLock<Vec<(u128, i32)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let n_entries = (POW10_TABLE_MAX - POW10_TABLE_MIN + 1) as usize;
        let mut table = vec![(0u128, 0i32); n_entries];
        // 5^n for n = 0, 1, 2, ...: its top 128 bits give 10^n = 5^n·2^n, and 2^L / 5^n
        // gives 10^-n.
        let mut pow5: Limbs = [0; LIMBS];
        pow5[0] = 1;
        let mut len = 1;
        for n in 0..=POW10_TABLE_MAX.max(-POW10_TABLE_MIN) {
            let bits = bit_len(&pow5, len) as i32;
            if n <= POW10_TABLE_MAX {
                let top = top_bits(&pow5, bits);
                table[(n - POW10_TABLE_MIN) as usize] = (top, n + bits - 128);
            }
            if n > 0 && -n >= POW10_TABLE_MIN {
                let reciprocal = reciprocal_bits(&pow5, len);
                table[(-n - POW10_TABLE_MIN) as usize] = (reciprocal, -n - 127 - bits);
            }
            len = mul_small(&mut pow5, len, 5);
        }
        table
    })
}

/// The top 128 bits of a number of `bits` bits (shifted up if it has fewer).
fn top_bits(x: &Limbs, bits: i32) -> u128 {
    let mut result = 0u128;
    for bit in 0..128 {
        let position = bits - 1 - bit;
        let set = position >= 0 && (x[(position / 64) as usize] >> (position % 64)) & 1 == 1;
        result = (result << 1) | u128::from(set);
    }
    result
}

/// `floor(2^(127 + bits) / x)` for the `bits`-bit, non-power-of-two `x` of `len` limbs:
/// a number in `[2^127, 2^128)`, by long division in 32-bit steps.
fn reciprocal_bits(x: &Limbs, len: usize) -> u128 {
    let bits = bit_len(x, len);
    let bias = (60 + 64 * LIMBS as u32 - bits % 64) % 64;
    let mut divisor = *x;
    let n = shift_left(&mut divisor, len, bias);
    // Start from 2^(bits - 1 + bias), just below the shifted divisor.
    let mut remainder: Limbs = [0; LIMBS];
    let start = bits - 1 + bias;
    remainder[(start / 64) as usize] = 1 << (start % 64);
    let mut quotient = 0u128;
    for _ in 0..4 {
        mul_small(&mut remainder, n, 1 << 32);
        quotient = (quotient << 32) | u128::from(quotient_step(&mut remainder, &divisor, n));
    }
    quotient
}

/// `Q = floor(f·2^e·10^p)` from a rounded-down 128-bit `10^p`, when the rounding cannot have
/// changed it: the exact product lies in `[P, P + f)` for the computed `P`, so Q is certain
/// unless the bits below Q come within `f` of a carry. `None` then, or if `p` is out of range.
fn approximate_quotient(f: u64, e: i32, p: i32) -> Option<u128> {
    let idx = usize::try_from(p - POW10_TABLE_MIN).ok()?;
    let &(c, g) = pow10_table().get(idx)?;
    // P = f·c as 64 + 128 bits: high 128 bits, low 64 bits.
    let low = (c & u128::from(u64::MAX)) * u128::from(f);
    let high = (c >> 64) * u128::from(f) + (low >> 64);
    let low = low as u64;
    let shift = u32::try_from(-(e + g)).ok()?;
    let f = u128::from(f);
    let (q, below) = if (64..128).contains(&shift) {
        let high_shift = shift - 64;
        let below_high = high & ((1u128 << high_shift) - 1);
        (high >> high_shift, (below_high << 64) | u128::from(low))
    } else if (1..64).contains(&shift) && high >> (64 + shift) == 0 {
        let q = (high << (64 - shift)) | u128::from(low >> shift);
        (q, u128::from(low) & ((1u128 << shift) - 1))
    } else {
        return None;
    };
    let one = 1u128 << shift;
    if below + f > one || q >= u128::from(POW10[QUOTIENT_PLACES]) * 10 {
        return None;
    }
    Some(q)
}

/// Replaces `x` (below `10·S`) by `x·10^19 mod S` and returns `x·10^19 / S` as its high ten
/// and low ten decimal digits, in two steps whose quotients fit in a word.
fn decimal_quotient(x: &mut Limbs, s: &Limbs, n: usize) -> (u64, u64) {
    mul_small(x, n, POW10[9]);
    let high = quotient_step(x, s, n);
    mul_small(x, n, POW10[10]);
    let low = quotient_step(x, s, n);
    (high, low)
}

/// Replaces `x` (below `2^36·S`, so `n + 1` limbs) by `x mod S` and returns `x / S`.
/// `s` has `n` limbs with 60 bits in the top one, so dividing the top of `x` by that limb
/// is off by at most one, which the corrections below fix.
fn quotient_step(x: &mut Limbs, s: &Limbs, n: usize) -> u64 {
    let top = ((x[n] as u128) << 64) | x[n - 1] as u128;
    let mut q = (top / s[n - 1] as u128) as u64;
    if q > 0 {
        let mut product_carry = 0u64;
        let mut borrow = 0u64;
        let mut idx = 0;
        while idx <= n {
            let product = (s[idx] as u128)
                .wrapping_mul(q as u128)
                .wrapping_add(product_carry as u128);
            product_carry = (product >> 64) as u64;
            let (diff, under1) = x[idx].overflowing_sub(product as u64);
            let (diff, under2) = diff.overflowing_sub(borrow);
            x[idx] = diff;
            borrow = (under1 | under2) as u64;
            idx += 1;
        }
        // A borrow out of the top limb means q was too big: add S back until the addition
        // carries out of the top again.
        let mut negative = borrow != 0 || product_carry != 0;
        while negative && q > 0 {
            let mut carry = 0u64;
            let mut idx = 0;
            while idx <= n {
                let (sum, over1) = x[idx].overflowing_add(s[idx]);
                let (sum, over2) = sum.overflowing_add(carry);
                x[idx] = sum;
                carry = (over1 | over2) as u64;
                idx += 1;
            }
            negative = carry == 0;
            q -= 1;
        }
    }
    while compare(x, s, n + 1) != Ordering::Less {
        let mut borrow = 0u64;
        let mut idx = 0;
        while idx <= n {
            let (diff, under1) = x[idx].overflowing_sub(s[idx]);
            let (diff, under2) = diff.overflowing_sub(borrow);
            x[idx] = diff;
            borrow = (under1 | under2) as u64;
            idx += 1;
        }
        q += 1;
    }
    q
}

/// Compares `a·ka` with `b·kb` for numbers of `n` limbs and factors below 2^64.
fn scaled_compare(a: &Limbs, ka: u128, b: &Limbs, kb: u128, n: usize) -> Ordering {
    let (Ok(ka), Ok(kb)) = (u64::try_from(ka), u64::try_from(kb)) else {
        // d stays below 2^56, so the factors always fit; this keeps the function total.
        return ka.cmp(&kb);
    };
    let (mut left, mut right) = (*a, *b);
    mul_small(&mut left, n, ka);
    mul_small(&mut right, n, kb);
    compare(&left, &right, n + 1)
}

/// Sets `x` to `5^k` and returns its length in limbs.
fn set_pow5(x: &mut Limbs, k: u32) -> usize {
    let stride = ((k / 27) as usize).min(POW5_STRIDES.len() - 1);
    *x = POW5_STRIDES[stride];
    let mut len = LIMBS;
    while len > 1 && x[len - 1] == 0 {
        len -= 1;
    }
    let mut k = k - 27 * stride as u32;
    while k >= 27 {
        len = mul_small(x, len, POW5[27]);
        k -= 27;
    }
    if k > 0 {
        len = mul_small(x, len, POW5[k as usize]);
    }
    len
}

/// Multiplies the low `len` limbs of `x` by `k`, storing a carry in the next limb, and
/// returns the new length.
fn mul_small(x: &mut Limbs, len: usize, k: u64) -> usize {
    let mut carry = 0u64;
    let mut idx = 0;
    while idx < len {
        let product = (x[idx] as u128)
            .wrapping_mul(k as u128)
            .wrapping_add(carry as u128);
        x[idx] = product as u64;
        carry = (product >> 64) as u64;
        idx += 1;
    }
    if carry == 0 {
        len
    } else {
        x[len] = carry;
        len + 1
    }
}

/// Bits needed for the low `len` limbs of `x`.
fn bit_len(x: &Limbs, len: usize) -> u32 {
    let top = len.saturating_sub(1);
    64 * top as u32 + (64 - x[top].leading_zeros())
}

/// Shifts the low `len` limbs of `x` left by `by` bits and returns the new length.
fn shift_left(x: &mut Limbs, len: usize, by: u32) -> usize {
    let limbs = (by / 64) as usize;
    let bits = by % 64;
    let mut new_len = len + limbs;
    if bits == 0 {
        for idx in (0..len).rev() {
            x[idx + limbs] = x[idx];
        }
    } else {
        x[len + limbs] = x[len - 1] >> (64 - bits);
        for idx in (1..len).rev() {
            x[idx + limbs] = (x[idx] << bits) | (x[idx - 1] >> (64 - bits));
        }
        x[limbs] = x[0] << bits;
        new_len += 1;
    }
    x[..limbs].fill(0);
    while new_len > 1 && x[new_len - 1] == 0 {
        new_len -= 1;
    }
    new_len
}

/// Compares the low `len` limbs of `a` and `b`.
fn compare(a: &Limbs, b: &Limbs, len: usize) -> Ordering {
    let mut idx = len;
    while idx > 0 {
        idx -= 1;
        if a[idx] != b[idx] {
            return if a[idx] < b[idx] {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
    }
    Ordering::Equal
}

/// Compares `a + b` with `c` over the low `len` limbs, from the top, stopping as soon as
/// the lower limbs can no longer change the answer (they move the running difference by
/// less than one unit either way).
fn add_compare(a: &Limbs, b: &Limbs, c: &Limbs, len: usize) -> Ordering {
    let mut acc: i128 = 0;
    let mut idx = len;
    while idx > 0 {
        idx -= 1;
        acc = (acc << 64) + a[idx] as i128 + b[idx] as i128 - c[idx] as i128;
        if acc >= 1 {
            return Ordering::Greater;
        }
        if acc <= -2 {
            return Ordering::Less;
        }
    }
    acc.cmp(&0)
}

/// `Double.toString` layout: plain `ddd.ddd` for exponents 1 to 7 (1 ≤ |v| < 10^7), plain
/// `0.00ddd` for exponents down to -2 (10^-3 ≤ |v| < 1), else `d.dddE±n`; at least one digit
/// after the point, and every generated digit printed.
fn java_text(negative: bool, digits: &Digits) -> String {
    // At most a sign, 20 digits, a point, a zero, "E-" and three exponent digits.
    let mut text = ShortText::default();
    if negative {
        text.push(b'-');
    }
    let values = digits.as_slice();
    let exponent = digits.exponent;
    if exponent > 0 && exponent < 8 {
        let whole = exponent as usize;
        let written = whole.min(values.len());
        text.push_all(&values[..written]);
        for _ in written..whole {
            text.push(b'0');
        }
        text.push(b'.');
        if written < values.len() {
            text.push_all(&values[written..]);
        } else {
            text.push(b'0');
        }
    } else if exponent <= 0 && exponent > -3 {
        text.push_all(b"0.");
        for _ in exponent..0 {
            text.push(b'0');
        }
        text.push_all(values);
    } else {
        let (first, rest) = values.split_at(values.len().min(1));
        text.push_all(first);
        text.push(b'.');
        if rest.is_empty() {
            text.push(b'0');
        } else {
            text.push_all(rest);
        }
        text.push(b'E');
        let power = exponent - 1;
        if power < 0 {
            text.push(b'-');
        }
        let magnitude = power.unsigned_abs();
        for divisor in [100, 10] {
            if magnitude >= divisor {
                text.push(b'0' + (magnitude / divisor % 10) as u8);
            }
        }
        text.push(b'0' + (magnitude % 10) as u8);
    }
    text.into_string()
}

/// A `Double.toString` text being built on the stack, to keep the common case down to one
/// allocation.
#[derive(Debug, Default)]
struct ShortText {
    bytes: [u8; 32],
    len: usize,
}

impl ShortText {
    fn push(&mut self, byte: u8) {
        // Java's texts fit; a longer one would be cut rather than panic.
        if self.len < self.bytes.len() {
            self.bytes[self.len] = byte;
            self.len += 1;
        }
    }

    fn push_all(&mut self, bytes: &[u8]) {
        let end = (self.len + bytes.len()).min(self.bytes.len());
        let count = end - self.len;
        self.bytes[self.len..end].copy_from_slice(&bytes[..count]);
        self.len = end;
    }

    fn into_string(self) -> String {
        ascii_string(self.bytes[..self.len].to_vec())
    }
}

/// Rounds the digits half-up to `keep` digits, as `Formatter` does before laying them out,
/// and returns the exponent, one higher if the rounding carried out of the first digit.
/// The dropped digits become zeros; the length stays. A `keep` below zero or at least the
/// number of digits leaves them alone (so `%.2f` of `0.0009` prints `0.00`).
fn apply_precision(digits: &mut Digits, keep: i64) -> i32 {
    let len = digits.len;
    let Ok(keep) = usize::try_from(keep) else {
        return digits.exponent;
    };
    if keep >= len {
        return digits.exponent;
    }
    let values = &mut digits.ascii[..len];
    if keep == 0 {
        // Everything is rounded away: the result is 0 or one unit above the first digit.
        let carried = values[0] >= b'5';
        values.fill(b'0');
        if carried {
            values[0] = b'1';
            return digits.exponent + 1;
        }
        return digits.exponent;
    }
    if values[keep] >= b'5' {
        let mut idx = keep - 1;
        while values[idx] == b'9' && idx > 0 {
            idx -= 1;
        }
        if values[idx] == b'9' {
            values.fill(b'0');
            values[0] = b'1';
            return digits.exponent + 1;
        }
        values[idx] += 1;
        values[idx + 1..].fill(b'0');
    } else {
        values[keep..].fill(b'0');
    }
    digits.exponent
}

/// `%f` layout of rounded digits with at most `precision` digits after the point; the
/// point is left out when no fraction digit is written. Returns how many fraction digits
/// follow a point, if one was written; [`add_zeros`] pads the rest.
fn fixed_mantissa(
    text: &mut Vec<u8>,
    digits: &Digits,
    exponent: i32,
    precision: i64,
) -> Option<usize> {
    let values = digits.as_slice();
    let len = values.len() as i64;
    let exponent = i64::from(exponent);
    if exponent > 0 {
        let whole = exponent as usize;
        if len < exponent {
            text.extend_from_slice(values);
            push_zeros(text, whole - values.len());
            return None;
        }
        text.extend_from_slice(&values[..whole]);
        let fraction = (len - exponent).min(precision);
        if fraction <= 0 {
            return None;
        }
        text.push(b'.');
        text.extend_from_slice(&values[whole..whole + fraction as usize]);
        Some(fraction as usize)
    } else {
        let zeros = (-exponent).min(precision).max(0) as usize;
        let shown = len.min(precision + exponent).max(0) as usize;
        if zeros == 0 && shown == 0 {
            text.push(b'0');
            return None;
        }
        text.extend_from_slice(b"0.");
        push_zeros(text, zeros);
        text.extend_from_slice(&values[..shown]);
        Some(zeros + shown)
    }
}

/// `%e` mantissa `d.ddd` of rounded digits with at most `precision` digits after the point;
/// returns how many fraction digits follow a point, if one was written.
fn scientific_mantissa(text: &mut Vec<u8>, digits: &Digits, precision: i64) -> Option<usize> {
    let values = digits.as_slice();
    let fraction = (values.len() as i64 - 1).min(precision).max(0) as usize;
    text.extend_from_slice(&values[..values.len().min(1)]);
    if fraction == 0 {
        return None;
    }
    text.push(b'.');
    text.extend_from_slice(&values[1..=fraction]);
    Some(fraction)
}

/// Appends `Formatter`'s exponent for digits with the given exponent: a sign and at least
/// two digits.
fn push_exponent(text: &mut Vec<u8>, exponent: i32) {
    let power = exponent - 1;
    text.push(if power < 0 { b'-' } else { b'+' });
    let magnitude = power.unsigned_abs();
    if magnitude < 10 {
        text.push(b'0');
    }
    push_decimal(text, magnitude);
}

/// Pads `text`, which has `fraction` digits after its point (`None`: no point), with zeros
/// to `precision` digits after the point, adding the point if `precision` is positive;
/// never removes digits.
fn add_zeros(text: &mut Vec<u8>, fraction: Option<usize>, precision: i64) {
    let present = fraction.unwrap_or(0) as i64;
    if present >= precision {
        return;
    }
    if fraction.is_none() {
        text.push(b'.');
    }
    push_zeros(text, (precision - present) as usize);
}

/// Appends the decimal digits of `value` (at most three here: exponents stay below 400).
fn push_decimal(text: &mut Vec<u8>, value: u32) {
    let mut buffer = [0u8; 10];
    let mut start = buffer.len();
    let mut rest = value;
    loop {
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    text.extend_from_slice(&buffer[start..]);
}

fn push_zeros(text: &mut Vec<u8>, count: usize) {
    // Whole blocks rather than `resize`, which unoptimized test builds fill byte by byte.
    const BLOCK: [u8; 64] = [b'0'; 64];
    let mut left = count;
    while left > 0 {
        let chunk = left.min(BLOCK.len());
        text.extend_from_slice(&BLOCK[..chunk]);
        left -= chunk;
    }
}

/// The text built here is ASCII by construction: digits, signs, points and letters.
fn ascii_string(text: Vec<u8>) -> String {
    String::from_utf8(text).expect("float text is built from ASCII bytes only")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::io::{BufRead, BufReader, Read};
    use std::path::PathBuf;
    use std::process::{Command, Stdio};
    use std::time::Instant;

    /// The Java side of the comparison test.
    const JAVA_SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/FloatText.java");

    /// Conversions of the formatter texts checked per value, in FloatText.java's order.
    const CONVERSIONS: [char; 6] = ['f', 'f', 'e', 'e', 'g', 'g'];

    /// Every how many sampled values the comparison test also checks the formatter texts.
    const FORMAT_STRIDE: usize = 5;

    #[test]
    fn double_edge_cases() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (f64::MIN_POSITIVE, "2.2250738585072014E-308"),
            (f64::from_bits(1), "4.9E-324"),
            (f64::from_bits(2), "1.0E-323"),
            (
                f64::from_bits(0x000f_ffff_ffff_ffff),
                "2.225073858507201E-308",
            ),
            (f64::MAX, "1.7976931348623157E308"),
            (-f64::MAX, "-1.7976931348623157E308"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (0.3, "0.3"),
            (4.35, "4.35"),
            (100.0, "100.0"),
            (0.001, "0.001"),
            (0.000_999_999_999_999_999_9, "9.999999999999998E-4"),
            (0.002, "0.002"),
            (1e-4, "1.0E-4"),
            (9_999_999.0, "9999999.0"),
            (9_999_999.999_999_998, "9999999.999999998"),
            (1e7, "1.0E7"),
            (123_456_789.0, "1.23456789E8"),
            (1e21, "1.0E21"),
            (1e22, "1.0E22"),
            // Not the shortest digits: JDK 17's quirks, which JDK 19 no longer has.
            (1e23, "9.999999999999999E22"),
            (2e23, "1.9999999999999998E23"),
            (1_152_921_504_606_846_976.0, "1.15292150460684698E18"),
            (4_611_686_018_427_387_904.0, "4.6116860184273879E18"),
            (9_223_372_036_854_775_808.0, "9.223372036854776E18"),
            (9_007_199_254_740_993.0, "9.007199254740992E15"),
            (2e16, "2.0E16"),
            (1e-300, "1.0E-300"),
            (1e-322, "1.0E-322"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for &(value, expected) in cases {
            assert_eq!(
                double_to_string(value),
                expected,
                "bits {:#018x}",
                value.to_bits()
            );
        }
    }

    #[test]
    fn float_edge_cases() {
        let cases: &[(f32, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0e10, "1.0E10"),
            (f32::MAX, "3.4028235E38"),
            (f32::MIN_POSITIVE, "1.17549435E-38"),
            (f32::from_bits(1), "1.4E-45"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.33333334"),
            (0.001, "0.001"),
            (1e-5, "1.0E-5"),
            (1e7, "1.0E7"),
            (9_999_999.0, "9999999.0"),
            (16_777_217.0, "1.6777216E7"),
            (4.611_686e18, "4.611686E18"),
            (3.0e38, "3.0E38"),
            (1.175_494_2e-38, "1.1754942E-38"),
            (100.0, "100.0"),
            (-2.5, "-2.5"),
            (f32::NAN, "NaN"),
            (f32::NEG_INFINITY, "-Infinity"),
        ];
        for &(value, expected) in cases {
            assert_eq!(
                float_to_string(value),
                expected,
                "bits {:#010x}",
                value.to_bits()
            );
        }
    }

    #[test]
    fn formatter_edge_cases() {
        // (value, precision, %f, %e, %g) as JDK 17 prints them.
        let cases: &[(f64, usize, &str, &str, &str)] = &[
            (0.0, 0, "0", "0e+00", "0"),
            (0.0, 2, "0.00", "0.00e+00", "0.0"),
            (0.0, 6, "0.000000", "0.000000e+00", "0.00000"),
            (0.15, 0, "0", "2e-01", "0.2"),
            (0.15, 1, "0.2", "1.5e-01", "0.2"),
            (
                0.15,
                20,
                "0.15000000000000000000",
                "1.50000000000000000000e-01",
                "0.15000000000000000000",
            ),
            (1.005, 2, "1.01", "1.01e+00", "1.0"),
            (1.005, 3, "1.005", "1.005e+00", "1.01"),
            (2.675, 2, "2.68", "2.68e+00", "2.7"),
            (0.5, 0, "1", "5e-01", "0.5"),
            (2.5, 0, "3", "3e+00", "3"),
            (1e-4, 0, "0", "1e-04", "0.0001"),
            (1e-4, 2, "0.00", "1.00e-04", "0.00010"),
            (0.009, 2, "0.01", "9.00e-03", "0.0090"),
            (5e-4, 3, "0.001", "5.000e-04", "0.000500"),
            (0.125, 1, "0.1", "1.3e-01", "0.1"),
            (9.995, 0, "10", "1e+01", "1e+01"),
            (9.995, 2, "10.00", "1.00e+01", "10"),
            (99.5, 2, "99.50", "9.95e+01", "1.0e+02"),
            (99.5, 3, "99.500", "9.950e+01", "99.5"),
            (1e23, 0, "99999999999999990000000", "1e+23", "1e+23"),
            (
                1e23,
                20,
                "99999999999999990000000.00000000000000000000",
                "9.99999999999999900000e+22",
                "9.9999999999999990000e+22",
            ),
            (123_456.789, 6, "123456.789000", "1.234568e+05", "123457"),
            (1e-5, 6, "0.000010", "1.000000e-05", "1.00000e-05"),
            (1e-300, 2, "0.00", "1.00e-300", "1.0e-300"),
            (f64::from_bits(1), 1, "0.0", "4.9e-324", "5e-324"),
            (
                f64::MAX,
                3,
                "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.000",
                "1.798e+308",
                "1.80e+308",
            ),
        ];
        for &(value, precision, fixed, scientific, general) in cases {
            assert_eq!(
                format_fixed(value, precision),
                fixed,
                "%.{precision}f of {value:e}"
            );
            assert_eq!(
                format_scientific(value, precision),
                scientific,
                "%.{precision}e of {value:e}"
            );
            assert_eq!(
                format_general(value, precision),
                general,
                "%.{precision}g of {value:e}"
            );
        }
    }

    #[test]
    fn shortcut_agrees_with_exact_division() {
        let mut rng = SplitMix64(0x5eed);
        let mut patterns: Vec<u64> = (0..30_000).map(|_| sample_one(&mut rng)).collect();
        // Every binade's extreme significands, and powers of two, where margins are uneven.
        for biased in 0..2047u64 {
            for fraction in [0, 1, FRACTION_MASK, FRACTION_MASK - 1, 1 << 51] {
                patterns.push(biased << 52 | fraction);
            }
        }
        let same = |a: Digits, b: Digits| a.as_slice() == b.as_slice() && a.exponent == b.exponent;
        for pattern in patterns {
            let double = f64::from_bits(pattern);
            let float = f32::from_bits(pattern as u32);
            let binaries = [
                unpack_double(pattern).filter(|_| double.is_finite()),
                unpack_float(pattern as u32).filter(|_| float.is_finite()),
            ];
            for binary in binaries.into_iter().flatten() {
                for compatible in [true, false] {
                    let fast = generate_digits(binary, compatible, true);
                    let exact = generate_digits(binary, compatible, false);
                    assert!(
                        same(fast, exact),
                        "{pattern:#018x} {binary:?}: {fast:?} vs {exact:?}"
                    );
                }
            }
        }
    }

    /// Runs the conversions over the sample without Java, to time the Rust side
    /// (`cargo test -- --ignored --nocapture rust_side_speed`).
    #[test]
    #[ignore = "timing aid"]
    fn rust_side_speed() {
        let samples = samples(sample_count());
        let start = Instant::now();
        let mut total = 0;
        for sample in &samples {
            total += double_to_string(f64::from_bits(sample.bits)).len();
            total += float_to_string(f32::from_bits(sample.bits as u32)).len();
        }
        let to_string_time = start.elapsed();
        let start = Instant::now();
        for sample in samples.iter().step_by(FORMAT_STRIDE) {
            total += rust_format_texts(sample)
                .iter()
                .map(String::len)
                .sum::<usize>();
        }
        eprintln!(
            "{} values: toString {to_string_time:?}, formats of every {FORMAT_STRIDE}th {:?} \
             ({total} bytes)",
            samples.len(),
            start.elapsed()
        );
    }

    /// Compares every conversion with HotSpot's on a fixed pseudo-random sample: a million
    /// values unless `PHANTOM_FLOAT_SAMPLES` says otherwise, the formatter on every fifth
    /// with six precisions drawn per value.
    #[test]
    fn matches_hotspot() {
        let samples = samples(sample_count());
        let work = WorkDir::create();
        let records_path = work.path.join("samples.bin");
        let mut records = vec![0u8; samples.len() * 14];
        for (record, sample) in records.chunks_exact_mut(14).zip(&samples) {
            let (bits, precisions) = record.split_at_mut(8);
            bits.copy_from_slice(&sample.bits.to_be_bytes());
            precisions.copy_from_slice(&sample.precisions);
        }
        fs::write(&records_path, records).expect("write the sample for java");

        let compiled = Command::new("javac")
            .arg("-d")
            .arg(&work.path)
            .arg(JAVA_SOURCE)
            .status()
            .unwrap_or_else(|err| {
                panic!("cannot run javac ({err}): this test needs JDK 17's javac and java on PATH")
            });
        assert!(compiled.success(), "javac failed on {JAVA_SOURCE}");
        let mut java = Command::new("java")
            .arg("-cp")
            .arg(&work.path)
            .arg("FloatText")
            .arg(&records_path)
            .arg(FORMAT_STRIDE.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot run java ({err}): this test needs JDK 17's javac and java on PATH")
            });
        let stdout = java.stdout.take().expect("stdout was piped");
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let mut line = String::new();
        let mut next_line = |line: &mut String| {
            line.clear();
            let read = reader.read_line(line).expect("read java's output");
            assert!(read > 0, "java's output ended early");
            if line.ends_with('\n') {
                line.pop();
            }
        };

        next_line(&mut line);
        assert_eq!(
            line, "17",
            "the expected texts must come from JDK 17 (JDK 19 changed them)"
        );

        let mut report = Mismatches::default();
        let mut n_to_string = 0;
        let mut n_formatted = 0;
        for (idx, sample) in samples.iter().enumerate() {
            let pattern = sample.bits;
            next_line(&mut line);
            let (java_double, java_float) = line.split_once(' ').unwrap_or((&line, ""));
            let double = f64::from_bits(pattern);
            report.check(
                "Double.toString",
                pattern,
                java_double,
                &double_to_string(double),
            );
            let float = f32::from_bits(pattern as u32);
            report.check(
                "Float.toString",
                pattern,
                java_float,
                &float_to_string(float),
            );
            n_to_string += 1;
            if idx % FORMAT_STRIDE != 0 {
                continue;
            }
            next_line(&mut line);
            if !double.is_finite() {
                report.check("non-finite marker", pattern, &line, "x");
                continue;
            }
            let mut theirs = line.split(' ');
            for (idx, ours) in rust_format_texts(sample).iter().enumerate() {
                let java_text = theirs.next().unwrap_or("");
                if java_text != ours {
                    let name = format!("%.{}{}", sample.precisions[idx], CONVERSIONS[idx]);
                    report.check(&name, pattern, java_text, ours);
                }
            }
            n_formatted += 1;
        }
        let mut rest = String::new();
        reader
            .read_to_string(&mut rest)
            .expect("read the end of java's output");
        assert!(rest.is_empty(), "java printed more lines than expected");
        let status = java.wait().expect("wait for java");
        assert!(status.success(), "java failed: {status}");

        eprintln!(
            "compared Double.toString and Float.toString of {n_to_string} values and \
             {} formatter texts of {n_formatted} values: {} mismatches",
            n_formatted * CONVERSIONS.len(),
            report.count
        );
        assert!(report.count == 0, "{}", report.summary());
    }

    /// The formatter texts the comparison test checks for a finite sample, in FloatText.java's
    /// order. The digits are generated once and laid out for each precision, which is what
    /// the public `format_*` functions do one precision at a time.
    fn rust_format_texts(sample: &Sample) -> Vec<String> {
        let Some(digits) = formatter_digits(f64::from_bits(sample.bits)) else {
            return Vec::new();
        };
        let mut texts = Vec::with_capacity(CONVERSIONS.len());
        for (&conversion, &precision) in CONVERSIONS.iter().zip(&sample.precisions) {
            let precision = usize::from(precision);
            texts.push(match conversion {
                'f' => fixed_text(digits, precision),
                'e' => scientific_text(digits, precision),
                _ => general_text(digits, precision),
            });
        }
        texts
    }

    #[derive(Default)]
    struct Mismatches {
        count: usize,
        first: Vec<String>,
    }

    impl Mismatches {
        fn check(&mut self, what: &str, pattern: u64, java: &str, rust: &str) {
            if java == rust {
                return;
            }
            self.count += 1;
            if self.first.len() < 20 {
                self.first.push(format!(
                    "{what} of bits {pattern:#018x}: java {java:?}, rust {rust:?}"
                ));
            }
        }

        fn summary(&self) -> String {
            format!(
                "{} mismatches; the first:\n{}",
                self.count,
                self.first.join("\n")
            )
        }
    }

    /// A private directory under the system temp dir, removed when the test ends.
    struct WorkDir {
        path: PathBuf,
    }

    impl WorkDir {
        fn create() -> WorkDir {
            let path =
                std::env::temp_dir().join(format!("phantom-float-text-{}", std::process::id()));
            fs::create_dir_all(&path).expect("create a temp dir");
            WorkDir { path }
        }
    }

    impl Drop for WorkDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.path);
        }
    }

    fn sample_count() -> usize {
        match std::env::var("PHANTOM_FLOAT_SAMPLES") {
            Ok(text) => text
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("PHANTOM_FLOAT_SAMPLES is not a count: {text:?}")),
            Err(_) => 1_000_000,
        }
    }

    /// splitmix64: small, fast and the same everywhere.
    struct SplitMix64(u64);

    impl SplitMix64 {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        fn below(&mut self, bound: u64) -> u64 {
            self.next() % bound
        }

        /// A value in `low..=high`.
        fn between(&mut self, low: i64, high: i64) -> i64 {
            low + self.below((high - low + 1) as u64) as i64
        }
    }

    /// Exact powers of ten as doubles (all up to 10^22 are exact).
    const POW10: [f64; 23] = {
        let mut table = [1.0; 23];
        let mut k = 1;
        while k < 23 {
            table[k] = table[k - 1] * 10.0;
            k += 1;
        }
        table
    };

    /// A sampled value and the formatter precisions to try on it, in [`CONVERSIONS`] order.
    struct Sample {
        bits: u64,
        precisions: [u8; 6],
    }

    /// The test sample: raw bit patterns, mixing uniformly random ones with values people
    /// write (short decimals, integers, powers of ten and their neighbours) for doubles and,
    /// in the low 32 bits, for floats; and for each, one precision up to 20 and one small one
    /// per formatter conversion. All arithmetic is IEEE or integer, so the sample is the same
    /// on every host.
    fn samples(count: usize) -> Vec<Sample> {
        let mut rng = SplitMix64(0x7068_616e_746f_6d21);
        (0..count)
            .map(|_| {
                let bits = sample_one(&mut rng);
                let mut precisions = [0u8; 6];
                for (idx, precision) in precisions.iter_mut().enumerate() {
                    let bound = if idx % 2 == 0 { 21 } else { 7 };
                    *precision = rng.below(bound) as u8;
                }
                Sample { bits, precisions }
            })
            .collect()
    }

    fn sample_one(rng: &mut SplitMix64) -> u64 {
        let sign = rng.below(2) << 63;
        let double = |text: String| text.parse::<f64>().expect("a decimal we wrote").to_bits();
        let float =
            |text: String| u64::from(text.parse::<f32>().expect("a decimal we wrote").to_bits());
        match rng.below(12) {
            0..=3 => rng.next(),
            4 => {
                // A short decimal k / 10^j, as a literal or a computation gives it.
                let n_digits = rng.between(1, 17) as u32;
                let k = rng.below(10u64.pow(n_digits));
                let j = rng.below(23) as usize;
                sign | (k as f64 / POW10[j]).to_bits()
            }
            5 => {
                // A decimal anywhere in range, including the subnormals.
                let n_digits = rng.between(1, 17) as u32;
                let k = rng.below(10u64.pow(n_digits));
                let exponent = rng.between(-345, 310);
                sign | double(format!("{k}e{exponent}"))
            }
            6 => {
                // Near a power of ten or a one-digit decimal, where digit choices are closest.
                let digit = rng.between(1, 9);
                let exponent = rng.between(-325, 308);
                let base = double(format!("{digit}e{exponent}"));
                sign | base.wrapping_add(rng.below(7)).wrapping_sub(3)
            }
            7 => {
                // Moderate magnitudes with random significands.
                let biased = (1023 + rng.between(-80, 80)) as u64;
                sign | biased << 52 | (rng.next() & FRACTION_MASK)
            }
            8 => {
                // Integers up to 2^64, the range of the integer shortcut and just beyond it.
                let shift = rng.below(64);
                sign | ((rng.next() >> shift) as f64).to_bits()
            }
            9 => {
                // A short float decimal in the low half, random bits in the high half.
                let n_digits = rng.between(1, 9) as u32;
                let k = rng.below(10u64.pow(n_digits));
                let exponent = rng.between(-50, 38);
                (rng.next() << 32) | float(format!("{k}e{exponent}"))
            }
            10 => {
                // Floats near powers of ten and one-digit decimals, and float integers.
                let low = if rng.below(2) == 0 {
                    let digit = rng.between(1, 9);
                    let exponent = rng.between(-46, 38);
                    float(format!("{digit}e{exponent}"))
                        .wrapping_add(rng.below(7))
                        .wrapping_sub(3)
                        & 0xffff_ffff
                } else {
                    u64::from(((rng.next() >> rng.below(64)) as f32).to_bits())
                };
                (rng.next() << 32) | low
            }
            _ => {
                // Floats with moderate magnitudes and random significands.
                let biased = (127 + rng.between(-40, 40)) as u64;
                (rng.next() << 32) | (rng.below(2) << 31) | biased << 23 | (rng.next() & 0x7f_ffff)
            }
        }
    }
}
