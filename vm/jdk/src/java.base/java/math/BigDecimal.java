// Immutable arbitrary-precision signed decimal numbers: an unscaled value and a scale.
package java.math;

// The unscaled value is kept in a long (intCompact) when it fits one and is not Long.MIN_VALUE,
// as the JDK does; intVal then holds it as a BigInteger only once something asked for one.
// Otherwise intCompact is INFLATED and intVal holds the value. Arithmetic on compact operands
// runs in longs with overflow checks and moves to BigInteger only when a result does not fit;
// every result is the same either way, and so are hashCode and the strings.
public class BigDecimal extends Number implements Comparable<BigDecimal> {
    private static final long INFLATED = Long.MIN_VALUE;

    // Set lazily for a compact value (racing writers store equal values).
    private BigInteger intVal;
    private final long intCompact;
    private final int scale;
    // Number of decimal digits in the unscaled value, or 0 if not yet computed.
    private transient int precision;

    private static final long[] LONG_TEN_POWERS = {
        1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L, 10000000000L,
        100000000000L, 1000000000000L, 10000000000000L, 100000000000000L, 1000000000000000L, 10000000000000000L,
        100000000000000000L, 1000000000000000000L,
    };

    // Powers of ten as BigIntegers, grown on demand up to TEN_POWERS_CACHED; a row is replaced,
    // never changed, once published.
    private static final int TEN_POWERS_CACHED = 512;
    private static BigInteger[] tenPowers = new BigInteger[] {BigInteger.ONE, BigInteger.TEN};

    public static final BigDecimal ZERO = new BigDecimal(0L, 0);
    public static final BigDecimal ONE = new BigDecimal(1L, 0);
    public static final BigDecimal TEN = new BigDecimal(10L, 0);

    public static final int ROUND_UP = 0;
    public static final int ROUND_DOWN = 1;
    public static final int ROUND_CEILING = 2;
    public static final int ROUND_FLOOR = 3;
    public static final int ROUND_HALF_UP = 4;
    public static final int ROUND_HALF_DOWN = 5;
    public static final int ROUND_HALF_EVEN = 6;
    public static final int ROUND_UNNECESSARY = 7;

    private static final String NON_TERMINATING = "Non-terminating decimal expansion; no exact representable decimal result.";

    // A compact value (val != INFLATED).
    private BigDecimal(long val, int scale) {
        this.intCompact = val;
        this.scale = scale;
    }

    public BigDecimal(BigInteger unscaledVal, int scale) {
        this.intVal = unscaledVal;
        this.intCompact = compactValFor(unscaledVal);
        this.scale = scale;
    }

    public BigDecimal(BigInteger val) {
        this(val, 0);
    }

    public BigDecimal(BigInteger unscaledVal, int scale, MathContext mc) {
        BigDecimal r = new BigDecimal(unscaledVal, scale).round(mc);
        this.intVal = r.intVal;
        this.intCompact = r.intCompact;
        this.scale = r.scale;
        this.precision = r.precision;
    }

    public BigDecimal(BigInteger val, MathContext mc) {
        this(val, 0, mc);
    }

    public BigDecimal(int val) {
        this((long) val, 0);
    }

    public BigDecimal(int val, MathContext mc) {
        this((long) val, mc);
    }

    public BigDecimal(long val) {
        this.intVal = val == INFLATED ? BigInteger.valueOf(val) : null;
        this.intCompact = val;
        this.scale = 0;
    }

    public BigDecimal(long val, MathContext mc) {
        BigDecimal r = of(val, 0).round(mc);
        this.intVal = r.intVal;
        this.intCompact = r.intCompact;
        this.scale = r.scale;
        this.precision = r.precision;
    }

    public BigDecimal(String val) {
        this(val.toCharArray(), 0, val.length());
    }

    public BigDecimal(String val, MathContext mc) {
        this(val.toCharArray(), 0, val.length(), mc);
    }

    public BigDecimal(char[] in) {
        this(in, 0, in.length);
    }

    public BigDecimal(char[] in, MathContext mc) {
        this(in, 0, in.length, mc);
    }

    public BigDecimal(char[] in, int offset, int len, MathContext mc) {
        BigDecimal r = new BigDecimal(in, offset, len).round(mc);
        this.intVal = r.intVal;
        this.intCompact = r.intCompact;
        this.scale = r.scale;
        this.precision = r.precision;
    }

    public BigDecimal(char[] in, int offset, int len) {
        if ((in.length | len | offset) < 0 || len > in.length - offset) {
            throw new NumberFormatException("Bad offset or len arguments for char[] input.");
        }
        // Errors the JDK reports through an out-of-range array access become a bare exception.
        if (len == 0) {
            throw new NumberFormatException();
        }
        int end = offset + len;
        int i = offset;
        boolean negative = false;
        char c = in[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        int digitsStart = i;
        int digitsEnd = end;
        // Up to 18 significant digits accumulate in a long; longer coefficients are read again.
        long compactVal = 0;
        int significant = 0;
        boolean dot = false;
        int fractionDigits = 0;
        long exp = 0;
        boolean anyDigit = false;
        for (; i < end; i++) {
            c = in[i];
            int d = Character.digit(c, 10);
            if (d >= 0 && (c >= '0' && c <= '9' || Character.isDigit(c))) {
                if (significant > 0 || d != 0) {
                    if (significant < 18) {
                        compactVal = compactVal * 10 + d;
                    }
                    significant++;
                }
                anyDigit = true;
                if (dot) {
                    fractionDigits++;
                }
            } else if (c == '.') {
                if (dot) {
                    throw new NumberFormatException("Character array contains more than one decimal point.");
                }
                dot = true;
            } else if (c == 'e' || c == 'E') {
                digitsEnd = i;
                exp = parseExp(in, i, end - i);
                if (exp != (int) exp) {
                    throw new NumberFormatException("Exponent overflow.");
                }
                i = end;
                break;
            } else {
                throw new NumberFormatException("Character " + c
                        + " is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.");
            }
        }
        if (!anyDigit) {
            throw new NumberFormatException("No digits found.");
        }
        long scl = (long) fractionDigits - exp;
        if (scl != (int) scl) {
            throw new NumberFormatException("Scale out of range.");
        }
        if (significant <= 18) {
            this.intCompact = negative ? -compactVal : compactVal;
        } else {
            char[] digits = new char[significant];
            int n = 0;
            for (int k = digitsStart; k < digitsEnd; k++) {
                char ch = in[k];
                if (ch != '.') {
                    int d = Character.digit(ch, 10);
                    if (n > 0 || d != 0) {
                        digits[n++] = (char) ('0' + d);
                    }
                }
            }
            BigInteger v = new BigInteger(new String(digits));
            v = negative ? v.negate() : v;
            this.intVal = v;
            this.intCompact = compactValFor(v);
        }
        this.scale = (int) scl;
    }

    // Parses the exponent starting at the 'e'; `len` counts from there to the end.
    private static long parseExp(char[] in, int offset, int len) {
        offset++;
        len--;
        if (len <= 0) {
            throw new NumberFormatException();
        }
        char c = in[offset];
        boolean negexp = (c == '-');
        if (negexp || c == '+') {
            offset++;
            len--;
            if (len <= 0) {
                throw new NumberFormatException();
            }
            c = in[offset];
        }
        while (len > 10 && (c == '0' || (Character.digit(c, 10) == 0))) {
            offset++;
            c = in[offset];
            len--;
        }
        if (len > 10) {
            throw new NumberFormatException("Too many nonzero exponent digits.");
        }
        long exp = 0;
        for (;; len--) {
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else {
                v = Character.digit(c, 10);
                if (v < 0) {
                    throw new NumberFormatException("Not a digit.");
                }
            }
            exp = exp * 10 + v;
            if (len == 1) {
                break;
            }
            offset++;
            c = in[offset];
        }
        return negexp ? -exp : exp;
    }

    // The exact binary value of the double.
    public BigDecimal(double val) {
        if (Double.isInfinite(val) || Double.isNaN(val)) {
            throw new NumberFormatException("Infinite or NaN");
        }
        long valBits = Double.doubleToLongBits(val);
        int sign = ((valBits >> 63) == 0 ? 1 : -1);
        int exponent = (int) ((valBits >> 52) & 0x7ffL);
        long significand = (exponent == 0 ? (valBits & ((1L << 52) - 1)) << 1 : (valBits & ((1L << 52) - 1)) | (1L << 52));
        exponent -= 1075;
        if (significand == 0) {
            this.intCompact = 0;
            this.scale = 0;
            return;
        }
        while ((significand & 1) == 0) {
            significand >>= 1;
            exponent++;
        }
        BigInteger rb;
        int scl;
        if (exponent == 0) {
            this.intCompact = sign * significand;
            this.scale = 0;
            return;
        } else if (exponent < 0) {
            rb = BigInteger.valueOf(5).pow(-exponent).multiply(BigInteger.valueOf(sign * significand));
            scl = -exponent;
        } else {
            rb = BigInteger.TWO.pow(exponent).multiply(BigInteger.valueOf(sign * significand));
            scl = 0;
        }
        this.intVal = rb;
        this.intCompact = compactValFor(rb);
        this.scale = scl;
    }

    public BigDecimal(double val, MathContext mc) {
        BigDecimal r = new BigDecimal(val).round(mc);
        this.intVal = r.intVal;
        this.intCompact = r.intCompact;
        this.scale = r.scale;
        this.precision = r.precision;
    }

    public static BigDecimal valueOf(long unscaledVal, int scale) {
        return of(unscaledVal, scale);
    }

    // The value val * 10^-scale, compact unless val is Long.MIN_VALUE.
    private static BigDecimal of(long val, int scale) {
        return val != INFLATED ? new BigDecimal(val, scale) : new BigDecimal(BigInteger.valueOf(val), scale);
    }

    private static long compactValFor(BigInteger b) {
        return b.bitLength() <= 63 ? b.longValue() : INFLATED;
    }

    // The unscaled value as a BigInteger.
    private BigInteger inflated() {
        BigInteger v = intVal;
        if (v == null) {
            v = BigInteger.valueOf(intCompact);
            intVal = v;
        }
        return v;
    }

    public static BigDecimal valueOf(long val) {
        if (val == 0) {
            return ZERO;
        } else if (val == 1) {
            return ONE;
        } else if (val == 10) {
            return TEN;
        }
        return of(val, 0);
    }

    public static BigDecimal valueOf(double val) {
        return new BigDecimal(Double.toString(val));
    }

    private static int checkScale(long s) {
        if (s != (int) s) {
            throw new ArithmeticException(s > Integer.MAX_VALUE ? "Underflow" : "Overflow");
        }
        return (int) s;
    }

    private static int saturate(long s) {
        int i = (int) s;
        return (s == i) ? i : (s < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE);
    }

    private static BigInteger tenPow(long n) {
        if (n >= 0 && n <= TEN_POWERS_CACHED) {
            BigInteger[] table = tenPowers;
            int k = (int) n;
            if (k >= table.length) {
                // Grow to twice the size needed (capped), each entry ten times the one before.
                int len = Math.min(Math.max(2 * k, 16), TEN_POWERS_CACHED) + 1;
                BigInteger[] grown = new BigInteger[len];
                System.arraycopy(table, 0, grown, 0, table.length);
                for (int i = table.length; i < len; i++) {
                    grown[i] = grown[i - 1].multiply(BigInteger.TEN);
                }
                tenPowers = grown;
                table = grown;
            }
            return table[k];
        }
        return BigInteger.TEN.pow((int) n);
    }

    private static BigDecimal zeroValueOf(int scale) {
        return new BigDecimal(0L, scale);
    }

    // x * 10^n for n >= 0, or INFLATED when that does not fit a long (or is Long.MIN_VALUE).
    private static long longMultiplyPowerTen(long x, long n) {
        if (x == 0 || n == 0) {
            return x;
        }
        if (n >= LONG_TEN_POWERS.length) {
            return INFLATED;
        }
        return multiplyOrInflated(x, LONG_TEN_POWERS[(int) n]);
    }

    // x * y for compact x and y, or INFLATED when the product is not compact.
    private static long multiplyOrInflated(long x, long y) {
        long r = x * y;
        if (((Math.abs(x) | Math.abs(y)) >>> 31) == 0) {
            return r; // both below 2^31
        }
        if ((y != 0 && r / y != x) || r == INFLATED) {
            return INFLATED;
        }
        return r;
    }

    // Rounds num/den to an integer; r is the remainder of the truncating division.
    private static BigInteger roundedQuotient(BigInteger num, BigInteger den, RoundingMode mode) {
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        if (r.signum() == 0) {
            return q;
        }
        int sign = num.signum() * den.signum();
        int cmpHalf = r.abs().shiftLeft(1).compareTo(den.abs());
        return increment(q.testBit(0), sign, cmpHalf, mode) ? q.add(BigInteger.valueOf(sign)) : q;
    }

    // The same for compact num and den (den != 0).
    private static long roundedQuotient(long num, long den, RoundingMode mode) {
        long q = num / den;
        long r = num - q * den;
        if (r == 0) {
            return q;
        }
        int sign = (num < 0) == (den < 0) ? 1 : -1;
        long absR = Math.abs(r);
        int cmpHalf = Long.compare(absR, Math.abs(den) - absR);
        return increment((q & 1) != 0, sign, cmpHalf, mode) ? q + sign : q;
    }

    // Whether an inexact quotient q (truncated toward zero) moves one unit away from zero, given
    // the sign of the exact value and how the discarded part compares with one half.
    private static boolean increment(boolean qOdd, int sign, int cmpHalf, RoundingMode mode) {
        switch (mode) {
            case UNNECESSARY:
                throw new ArithmeticException("Rounding necessary");
            case UP:
                return true;
            case DOWN:
                return false;
            case CEILING:
                return sign > 0;
            case FLOOR:
                return sign < 0;
            default:
                if (cmpHalf < 0) {
                    return false;
                } else if (cmpHalf > 0) {
                    return true;
                } else if (mode == RoundingMode.HALF_UP) {
                    return true;
                } else if (mode == RoundingMode.HALF_DOWN) {
                    return false;
                } else {
                    return qOdd;
                }
        }
    }

    // Arithmetic.

    public BigDecimal add(BigDecimal augend) {
        long x = intCompact;
        long y = augend.intCompact;
        int resultScale = Math.max(scale, augend.scale);
        if (x != INFLATED && y != INFLATED) {
            if (scale < augend.scale) {
                x = longMultiplyPowerTen(x, (long) augend.scale - scale);
            } else if (scale > augend.scale) {
                y = longMultiplyPowerTen(y, (long) scale - augend.scale);
            }
            if (x != INFLATED && y != INFLATED) {
                long sum = x + y;
                if (((x ^ sum) & (y ^ sum)) >= 0 && sum != INFLATED) {
                    return new BigDecimal(sum, resultScale);
                }
            }
        }
        BigInteger a = inflated();
        BigInteger b = augend.inflated();
        if (scale < augend.scale) {
            a = a.multiply(tenPow((long) augend.scale - scale));
        } else if (scale > augend.scale) {
            b = b.multiply(tenPow((long) scale - augend.scale));
        }
        return new BigDecimal(a.add(b), resultScale);
    }

    public BigDecimal add(BigDecimal augend, MathContext mc) {
        if (mc.precision == 0) {
            return add(augend);
        }
        boolean lhsIsZero = this.signum() == 0;
        boolean augendIsZero = augend.signum() == 0;
        if (lhsIsZero || augendIsZero) {
            int preferredScale = Math.max(scale, augend.scale);
            if (lhsIsZero && augendIsZero) {
                return zeroValueOf(preferredScale);
            }
            return toPreferredScale(lhsIsZero ? augend.round(mc) : this.round(mc), preferredScale, mc);
        }
        return add(augend).round(mc);
    }

    // Moves a rounded result's scale toward the preferred one without changing its value or
    // exceeding the context's precision.
    private static BigDecimal toPreferredScale(BigDecimal result, int preferredScale, MathContext mc) {
        if (result.scale == preferredScale) {
            return result;
        } else if (result.scale > preferredScale) {
            return result.stripZerosToScale(preferredScale);
        } else {
            int precisionDiff = mc.precision - result.precision();
            int scaleDiff = preferredScale - result.scale;
            if (precisionDiff >= scaleDiff) {
                return result.setScale(preferredScale);
            } else {
                return result.setScale(result.scale + precisionDiff);
            }
        }
    }

    public BigDecimal subtract(BigDecimal subtrahend) {
        return add(subtrahend.negate());
    }

    public BigDecimal subtract(BigDecimal subtrahend, MathContext mc) {
        return add(subtrahend.negate(), mc);
    }

    public BigDecimal multiply(BigDecimal multiplicand) {
        int productScale = checkScale((long) scale + multiplicand.scale);
        long x = intCompact;
        long y = multiplicand.intCompact;
        if (x != INFLATED && y != INFLATED) {
            long p = multiplyOrInflated(x, y);
            if (p != INFLATED) {
                return new BigDecimal(p, productScale);
            }
        }
        return new BigDecimal(inflated().multiply(multiplicand.inflated()), productScale);
    }

    public BigDecimal multiply(BigDecimal multiplicand, MathContext mc) {
        if (mc.precision == 0) {
            return multiply(multiplicand);
        }
        return multiply(multiplicand).round(mc);
    }

    public BigDecimal divide(BigDecimal divisor, int scale, RoundingMode roundingMode) {
        long e = (long) scale - this.scale + divisor.scale;
        if (divisor.signum() == 0) {
            // The JDK divides in longs when the scaled operands fit, and reports the zero
            // divisor as long division does; otherwise as BigInteger division does.
            boolean compact = intCompact != INFLATED && divisor.intCompact != INFLATED && e < 19 && -e < 19;
            if (compact && e > 0) {
                compact = longMultiplyPowerTen(intCompact, e) != INFLATED;
            }
            throw new ArithmeticException(compact ? "/ by zero" : "BigInteger divide by zero");
        }
        long x = intCompact;
        long y = divisor.intCompact;
        if (x != INFLATED && y != INFLATED) {
            if (e >= 0) {
                x = longMultiplyPowerTen(x, e);
            } else {
                y = longMultiplyPowerTen(y, -e);
            }
            if (x != INFLATED && y != INFLATED) {
                return new BigDecimal(roundedQuotient(x, y, roundingMode), scale);
            }
        }
        BigInteger num = inflated();
        BigInteger den = divisor.inflated();
        if (e >= 0) {
            num = num.multiply(tenPow(e));
        } else {
            den = den.multiply(tenPow(-e));
        }
        return new BigDecimal(roundedQuotient(num, den, roundingMode), scale);
    }

    public BigDecimal divide(BigDecimal divisor, int scale, int roundingMode) {
        return divide(divisor, scale, RoundingMode.valueOf(roundingMode));
    }

    public BigDecimal divide(BigDecimal divisor, RoundingMode roundingMode) {
        return divide(divisor, scale, roundingMode);
    }

    public BigDecimal divide(BigDecimal divisor, int roundingMode) {
        return divide(divisor, scale, RoundingMode.valueOf(roundingMode));
    }

    public BigDecimal divide(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            if (this.signum() == 0) {
                throw new ArithmeticException("Division undefined");
            }
            throw new ArithmeticException("Division by zero");
        }
        int preferredScale = saturate((long) this.scale - divisor.scale);
        if (this.signum() == 0) {
            return zeroValueOf(preferredScale);
        }
        MathContext mc = new MathContext((int) Math.min(this.precision() + (long) Math.ceil(10.0 * divisor.precision() / 3.0),
                Integer.MAX_VALUE), RoundingMode.UNNECESSARY);
        BigDecimal quotient;
        try {
            quotient = this.divide(divisor, mc);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(NON_TERMINATING);
        }
        int quotientScale = quotient.scale();
        if (preferredScale > quotientScale) {
            return quotient.setScale(preferredScale, RoundingMode.UNNECESSARY);
        }
        return quotient;
    }

    public BigDecimal divide(BigDecimal divisor, MathContext mc) {
        int mcp = mc.precision;
        if (mcp == 0) {
            return divide(divisor);
        }
        long preferredScale = (long) this.scale - divisor.scale;
        if (divisor.signum() == 0) {
            if (this.signum() == 0) {
                throw new ArithmeticException("Division undefined");
            }
            throw new ArithmeticException("Division by zero");
        }
        if (this.signum() == 0) {
            return zeroValueOf(saturate(preferredScale));
        }
        // Scale the quotient so that its integer part has mcp+1 or mcp+2 digits, then round to mcp
        // digits using the exact remainder.
        long e = (long) mcp - this.precision() + divisor.precision() + 1;
        BigInteger num = inflated().abs();
        BigInteger den = divisor.inflated().abs();
        if (e >= 0) {
            num = num.multiply(tenPow(e));
        } else {
            den = den.multiply(tenPow(-e));
        }
        long s = e + this.scale - divisor.scale;
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        int sign = signum() * divisor.signum();
        int k = digitLength(q) - mcp;
        boolean exact = r.signum() == 0;
        if (k > 0) {
            BigInteger pow = tenPow(k);
            BigInteger[] qr2 = q.divideAndRemainder(pow);
            q = qr2[0];
            BigInteger rem = qr2[1];
            s -= k;
            if (rem.signum() != 0 || r.signum() != 0) {
                // The discarded fraction is (rem + r/den) / 10^k.
                BigInteger twice = rem.multiply(den).add(r).shiftLeft(1);
                int cmpHalf = twice.compareTo(pow.multiply(den));
                if (increment(q.testBit(0), sign, cmpHalf, mc.roundingMode)) {
                    q = q.add(BigInteger.ONE);
                    if (digitLength(q) > mcp) {
                        q = q.divide(BigInteger.TEN);
                        s--;
                    }
                }
                exact = false;
            }
        } else if (!exact) {
            int cmpHalf = r.shiftLeft(1).compareTo(den);
            if (increment(q.testBit(0), sign, cmpHalf, mc.roundingMode)) {
                q = q.add(BigInteger.ONE);
                if (digitLength(q) > mcp) {
                    q = q.divide(BigInteger.TEN);
                    s--;
                }
            }
        }
        BigDecimal result = new BigDecimal(sign < 0 ? q.negate() : q, checkScale(s));
        if (exact) {
            result = result.stripZerosToScale(preferredScale);
        }
        return result;
    }

    // Removes trailing zeros while the scale stays above the preferred one.
    private BigDecimal stripZerosToScale(long preferredScale) {
        int s = scale;
        long x = intCompact;
        if (x != INFLATED) {
            while (x != 0 && s > preferredScale && x % 10 == 0) {
                x /= 10;
                s--;
            }
            return (s == scale) ? this : new BigDecimal(x, s);
        }
        // A multiple of 10^k is a multiple of 2^k: at most that many zeros can go. They go in
        // chunks that double while they divide and halve when they do not.
        BigInteger v = intVal;
        long limit = v.getLowestSetBit();
        if (preferredScale > (long) s - limit) {
            limit = (long) s - preferredScale;
        }
        int chunk = 1;
        while (limit > 0) {
            int k = (int) Math.min(chunk, limit);
            BigInteger[] qr = v.divideAndRemainder(tenPow(k));
            if (qr[1].signum() == 0) {
                v = qr[0];
                s -= k;
                limit -= k;
                chunk = Math.min(chunk << 1, 1 << 20);
            } else if (k == 1) {
                break;
            } else {
                chunk = k >> 1;
            }
        }
        return (s == scale) ? this : new BigDecimal(v, s);
    }

    public BigDecimal divideToIntegralValue(BigDecimal divisor) {
        int preferredScale = saturate((long) this.scale - divisor.scale);
        if (this.compareMagnitude(divisor) < 0) {
            return zeroValueOf(preferredScale);
        }
        if (this.signum() == 0 && divisor.signum() != 0) {
            return this.setScale(preferredScale, RoundingMode.UNNECESSARY);
        }
        int maxDigits = (int) Math.min(this.precision() + (long) Math.ceil(10.0 * divisor.precision() / 3.0)
                + Math.abs((long) this.scale() - divisor.scale()) + 2, Integer.MAX_VALUE);
        BigDecimal quotient = this.divide(divisor, new MathContext(maxDigits, RoundingMode.DOWN));
        if (quotient.scale > 0) {
            quotient = quotient.setScale(0, RoundingMode.DOWN);
            quotient = quotient.stripZerosToScale(preferredScale);
        }
        if (quotient.scale < preferredScale) {
            quotient = quotient.setScale(preferredScale, RoundingMode.UNNECESSARY);
        }
        return quotient;
    }

    public BigDecimal remainder(BigDecimal divisor) {
        return divideAndRemainder(divisor)[1];
    }

    public BigDecimal[] divideAndRemainder(BigDecimal divisor) {
        BigDecimal[] result = new BigDecimal[2];
        result[0] = this.divideToIntegralValue(divisor);
        result[1] = this.subtract(result[0].multiply(divisor));
        return result;
    }

    private int compareMagnitude(BigDecimal val) {
        return this.abs().compareTo(val.abs());
    }

    public BigDecimal pow(int n) {
        if (n < 0 || n > 999999999) {
            throw new ArithmeticException("Invalid operation");
        }
        int newScale = checkScale((long) scale * n);
        return new BigDecimal(inflated().pow(n), newScale);
    }

    // The X3.274 algorithm the JDK uses, with a working precision of a few extra digits.
    public BigDecimal pow(int n, MathContext mc) {
        if (mc.precision == 0) {
            return pow(n);
        }
        if (n < -999999999 || n > 999999999) {
            throw new ArithmeticException("Invalid operation");
        }
        if (n == 0) {
            return ONE;
        }
        BigDecimal lhs = this;
        MathContext workmc = mc;
        int mag = Math.abs(n);
        if (mc.precision > 0) {
            int elength = longDigitLength(mag);
            if (elength > mc.precision) {
                throw new ArithmeticException("Invalid operation");
            }
            workmc = new MathContext(mc.precision + elength + 1, mc.roundingMode);
        }
        BigDecimal acc = ONE;
        boolean seenbit = false;
        for (int i = 1;; i++) {
            mag += mag;
            if (mag < 0) {
                seenbit = true;
                acc = acc.multiply(lhs, workmc);
            }
            if (i == 31) {
                break;
            }
            if (seenbit) {
                acc = acc.multiply(acc, workmc);
            }
        }
        if (n < 0) {
            acc = ONE.divide(acc, workmc);
        }
        return acc.round(mc);
    }

    public BigDecimal sqrt(MathContext mc) {
        int signum = signum();
        if (signum < 0) {
            throw new ArithmeticException("Attempted square root of negative BigDecimal");
        }
        int preferredScale = this.scale / 2;
        if (signum == 0) {
            return valueOf(0L, preferredScale);
        }
        boolean exactRequired = mc.precision == 0 || mc.roundingMode == RoundingMode.UNNECESSARY;
        int p = mc.precision == 0 ? this.precision() / 2 + 1 : mc.precision;
        // With t digits after the point, M = this * 10^(2t) is an integer whose root has p+1 or
        // more digits; that root is then rounded to p digits.
        long t = Math.max(((long) p + 1) - (this.precision() - (long) this.scale) / 2 + 1, ((long) scale + 1) / 2);
        BigInteger m = inflated().multiply(tenPow(2 * t - scale));
        BigInteger s = m.sqrt();
        BigInteger r = m.subtract(s.multiply(s));
        int k = digitLength(s) - p;
        boolean exact = r.signum() == 0;
        long resultScale = t;
        if (k > 0) {
            BigInteger pow = tenPow(k);
            BigInteger[] qr = s.divideAndRemainder(pow);
            s = qr[0];
            resultScale -= k;
            BigInteger rem = qr[1];
            if (rem.signum() != 0 || r.signum() != 0) {
                exact = false;
                if (exactRequired) {
                    throw new ArithmeticException("Computed square root not exact.");
                }
                int cmpHalf = rem.shiftLeft(1).compareTo(pow);
                if (cmpHalf == 0 && r.signum() != 0) {
                    cmpHalf = 1;
                }
                if (increment(s.testBit(0), 1, cmpHalf, mc.roundingMode)) {
                    s = s.add(BigInteger.ONE);
                    if (digitLength(s) > p) {
                        s = s.divide(BigInteger.TEN);
                        resultScale--;
                    }
                }
            }
        } else if (!exact) {
            if (exactRequired) {
                throw new ArithmeticException("Computed square root not exact.");
            }
            if (increment(s.testBit(0), 1, -1, mc.roundingMode)) {
                s = s.add(BigInteger.ONE);
            }
        }
        BigDecimal result = new BigDecimal(s, checkScale(resultScale));
        if (result.scale != preferredScale) {
            MathContext finalMc = new MathContext(exactRequired && mc.precision == 0 ? result.precision() : p,
                    RoundingMode.UNNECESSARY);
            result = toPreferredScale(result.stripTrailingZeros(), preferredScale, finalMc);
        }
        return result;
    }

    public BigDecimal abs() {
        return (signum() < 0 ? negate() : this);
    }

    public BigDecimal abs(MathContext mc) {
        return (signum() < 0 ? negate(mc) : plus(mc));
    }

    public BigDecimal negate() {
        if (intCompact != INFLATED) {
            return new BigDecimal(-intCompact, scale);
        }
        return new BigDecimal(intVal.negate(), scale);
    }

    public BigDecimal negate(MathContext mc) {
        return negate().plus(mc);
    }

    public BigDecimal plus() {
        return this;
    }

    public BigDecimal plus(MathContext mc) {
        if (mc.precision == 0) {
            return this;
        }
        return round(mc);
    }

    public int signum() {
        return intCompact != INFLATED ? Long.signum(intCompact) : intVal.signum();
    }

    public int scale() {
        return scale;
    }

    public int precision() {
        int result = precision;
        if (result == 0) {
            result = intCompact != INFLATED ? longDigitLength(Math.abs(intCompact)) : digitLength(intVal);
            precision = result;
        }
        return result;
    }

    // The number of decimal digits of v (1 for zero).
    private static int digitLength(BigInteger v) {
        if (v.signum() == 0) {
            return 1;
        }
        int bits = v.bitLength();
        if (bits < 63) {
            return longDigitLength(Math.abs(v.longValue()));
        }
        // 2^(bits-1) <= |v| < 2^bits, so |v| has floor((bits-1) log10 2) + 1 digits or one more;
        // 1292913986 / 2^32 is a little below log10 2, so r starts at or below the count.
        int r = (int) (((bits - 1) * 1292913986L) >>> 32) + 1;
        BigInteger a = v.abs();
        BigInteger p = tenPow(r);
        while (a.compareTo(p) >= 0) {
            r++;
            p = p.multiply(BigInteger.TEN);
        }
        return r;
    }

    // The number of decimal digits of x >= 0.
    private static int longDigitLength(long x) {
        int n = 1;
        while (n < LONG_TEN_POWERS.length && x >= LONG_TEN_POWERS[n]) {
            n++;
        }
        return n;
    }

    public BigInteger unscaledValue() {
        return inflated();
    }

    public BigDecimal round(MathContext mc) {
        int mcp = mc.precision;
        if (mcp == 0) {
            return this;
        }
        BigDecimal result = this;
        int drop = result.precision() - mcp;
        while (drop > 0) {
            int newScale = checkScale((long) result.scale - drop);
            long x = result.intCompact;
            if (x != INFLATED && drop < LONG_TEN_POWERS.length) {
                result = new BigDecimal(roundedQuotient(x, LONG_TEN_POWERS[drop], mc.roundingMode), newScale);
            } else {
                BigInteger q = roundedQuotient(result.inflated(), tenPow(drop), mc.roundingMode);
                result = new BigDecimal(q, newScale);
            }
            drop = result.precision() - mcp;
        }
        return result;
    }

    public BigDecimal setScale(int newScale, RoundingMode roundingMode) {
        int oldScale = this.scale;
        if (newScale == oldScale) {
            return this;
        }
        if (this.signum() == 0) {
            return zeroValueOf(newScale);
        }
        long x = intCompact;
        if (newScale > oldScale) {
            long raised = x == INFLATED ? INFLATED : longMultiplyPowerTen(x, (long) newScale - oldScale);
            if (raised != INFLATED) {
                return new BigDecimal(raised, newScale);
            }
            return new BigDecimal(inflated().multiply(tenPow((long) newScale - oldScale)), newScale);
        }
        long drop = (long) oldScale - newScale;
        if (x != INFLATED && drop < LONG_TEN_POWERS.length) {
            return new BigDecimal(roundedQuotient(x, LONG_TEN_POWERS[(int) drop], roundingMode), newScale);
        }
        return new BigDecimal(roundedQuotient(inflated(), tenPow(drop), roundingMode), newScale);
    }

    public BigDecimal setScale(int newScale, int roundingMode) {
        return setScale(newScale, RoundingMode.valueOf(roundingMode));
    }

    public BigDecimal setScale(int newScale) {
        return setScale(newScale, RoundingMode.UNNECESSARY);
    }

    public BigDecimal movePointLeft(int n) {
        if (n == 0) {
            return this;
        }
        int newScale = checkScale((long) scale + n);
        BigDecimal num = withScale(newScale);
        return num.scale < 0 ? num.setScale(0, RoundingMode.UNNECESSARY) : num;
    }

    public BigDecimal movePointRight(int n) {
        if (n == 0) {
            return this;
        }
        int newScale = checkScale((long) scale - n);
        BigDecimal num = withScale(newScale);
        return num.scale < 0 ? num.setScale(0, RoundingMode.UNNECESSARY) : num;
    }

    public BigDecimal scaleByPowerOfTen(int n) {
        return withScale(checkScale((long) scale - n));
    }

    // The same unscaled value with another scale.
    private BigDecimal withScale(int newScale) {
        return intCompact != INFLATED ? new BigDecimal(intCompact, newScale) : new BigDecimal(intVal, newScale);
    }

    public BigDecimal stripTrailingZeros() {
        if (signum() == 0) {
            return BigDecimal.ZERO;
        }
        return stripZerosToScale(Long.MIN_VALUE);
    }

    public BigDecimal ulp() {
        return new BigDecimal(1L, scale);
    }

    // Comparison.

    public int compareTo(BigDecimal val) {
        long x = intCompact;
        long y = val.intCompact;
        if (x != INFLATED && y != INFLATED) {
            if (scale < val.scale) {
                x = longMultiplyPowerTen(x, (long) val.scale - scale);
            } else if (scale > val.scale) {
                y = longMultiplyPowerTen(y, (long) scale - val.scale);
            }
            if (x != INFLATED && y != INFLATED) {
                return Long.compare(x, y);
            }
        }
        if (scale == val.scale) {
            return inflated().compareTo(val.inflated());
        }
        int xsign = this.signum();
        int ysign = val.signum();
        if (xsign != ysign) {
            return (xsign > ysign) ? 1 : -1;
        }
        if (xsign == 0) {
            return 0;
        }
        if (scale < val.scale) {
            return inflated().multiply(tenPow((long) val.scale - scale)).compareTo(val.inflated());
        }
        return inflated().compareTo(val.inflated().multiply(tenPow((long) scale - val.scale)));
    }

    public boolean equals(Object x) {
        if (!(x instanceof BigDecimal)) {
            return false;
        }
        BigDecimal xDec = (BigDecimal) x;
        if (x == this) {
            return true;
        }
        if (scale != xDec.scale) {
            return false;
        }
        // A value that fits is always compact, so a compact and an inflated value differ.
        if (intCompact != INFLATED || xDec.intCompact != INFLATED) {
            return intCompact == xDec.intCompact;
        }
        return intVal.equals(xDec.intVal);
    }

    public BigDecimal min(BigDecimal val) {
        return (compareTo(val) <= 0 ? this : val);
    }

    public BigDecimal max(BigDecimal val) {
        return (compareTo(val) >= 0 ? this : val);
    }

    // 31 * unscaledValue().hashCode() + scale, as the JDK defines it.
    public int hashCode() {
        long x = intCompact;
        if (x != INFLATED) {
            long m = Math.abs(x);
            int h = 31 * (int) (m >>> 32) + (int) m;
            return 31 * (x < 0 ? -h : h) + scale;
        }
        return 31 * intVal.hashCode() + scale;
    }

    // The digits of the unscaled value, with its sign.
    private String unscaledString() {
        return intCompact != INFLATED ? Long.toString(intCompact) : intVal.toString();
    }

    // The digits of the unscaled value's magnitude.
    private String coefficientString() {
        return intCompact != INFLATED ? Long.toString(Math.abs(intCompact)) : intVal.abs().toString();
    }

    // Conversions.

    public String toString() {
        return layout(true);
    }

    public String toEngineeringString() {
        return layout(false);
    }

    public String toPlainString() {
        if (scale == 0) {
            return unscaledString();
        }
        if (this.scale < 0) {
            if (signum() == 0) {
                return "0";
            }
            StringBuilder buf = new StringBuilder(unscaledString());
            for (int i = 0; i < -scale; i++) {
                buf.append('0');
            }
            return buf.toString();
        }
        String str = coefficientString();
        return (signum() < 0 ? "-" : "") + insertPoint(str, scale);
    }

    private static String insertPoint(String digits, int scale) {
        int insertionPoint = digits.length() - scale;
        if (insertionPoint == 0) {
            return "0." + digits;
        } else if (insertionPoint > 0) {
            return digits.substring(0, insertionPoint) + "." + digits.substring(insertionPoint);
        } else {
            StringBuilder buf = new StringBuilder("0.");
            for (int i = 0; i < -insertionPoint; i++) {
                buf.append('0');
            }
            return buf.append(digits).toString();
        }
    }

    private String layout(boolean sci) {
        if (scale == 0) {
            return unscaledString();
        }
        String coeff = coefficientString();
        int coeffLen = coeff.length();
        StringBuilder buf = new StringBuilder();
        if (signum() < 0) {
            buf.append('-');
        }
        long adjusted = -(long) scale + (coeffLen - 1);
        if ((scale >= 0) && (adjusted >= -6)) {
            buf.append(insertPoint(coeff, scale));
        } else {
            if (sci) {
                buf.append(coeff.charAt(0));
                if (coeffLen > 1) {
                    buf.append('.');
                    buf.append(coeff, 1, coeffLen);
                }
            } else {
                int sig = (int) (adjusted % 3);
                if (sig < 0) {
                    sig += 3;
                }
                adjusted -= sig;
                sig++;
                if (signum() == 0) {
                    switch (sig) {
                        case 1:
                            buf.append('0');
                            break;
                        case 2:
                            buf.append("0.00");
                            adjusted += 3;
                            break;
                        case 3:
                            buf.append("0.0");
                            adjusted += 3;
                            break;
                        default:
                            throw new AssertionError("Unexpected sig value " + sig);
                    }
                } else if (sig >= coeffLen) {
                    buf.append(coeff);
                    for (int i = sig - coeffLen; i > 0; i--) {
                        buf.append('0');
                    }
                } else {
                    buf.append(coeff, 0, sig);
                    buf.append('.');
                    buf.append(coeff, sig, coeffLen);
                }
            }
            if (adjusted != 0) {
                buf.append('E');
                if (adjusted > 0) {
                    buf.append('+');
                }
                buf.append(adjusted);
            }
        }
        return buf.toString();
    }

    public BigInteger toBigInteger() {
        return this.setScale(0, RoundingMode.DOWN).inflated();
    }

    public BigInteger toBigIntegerExact() {
        return this.setScale(0, RoundingMode.UNNECESSARY).inflated();
    }

    public long longValue() {
        long x = intCompact;
        if (x != INFLATED && scale >= 0) {
            return scale < LONG_TEN_POWERS.length ? x / LONG_TEN_POWERS[scale] : 0;
        }
        return toBigInteger().longValue();
    }

    public long longValueExact() {
        if (signum() == 0) {
            return 0;
        }
        if ((precision() - (long) scale) > 19) {
            throw new ArithmeticException("Overflow");
        }
        BigDecimal num = this.setScale(0, RoundingMode.UNNECESSARY);
        if (num.inflated().bitLength() > 63) {
            throw new ArithmeticException("Overflow");
        }
        return num.inflated().longValue();
    }

    public int intValue() {
        if (intCompact != INFLATED && scale >= 0) {
            return (int) longValue();
        }
        return toBigInteger().intValue();
    }

    public int intValueExact() {
        long num = this.longValueExact();
        if ((int) num != num) {
            throw new ArithmeticException("Overflow");
        }
        return (int) num;
    }

    public short shortValueExact() {
        long num = this.longValueExact();
        if ((short) num != num) {
            throw new ArithmeticException("Overflow");
        }
        return (short) num;
    }

    public byte byteValueExact() {
        long num = this.longValueExact();
        if ((byte) num != num) {
            throw new ArithmeticException("Overflow");
        }
        return (byte) num;
    }

    // Exact powers of ten as floats and doubles.
    private static final float[] FLOAT_TEN_POWERS = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    private static final double[] DOUBLE_TEN_POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    // A value whose unscaled value and power of ten are both exact floats is their quotient or
    // product, which IEEE arithmetic rounds correctly, as parsing the string would.
    public float floatValue() {
        long x = intCompact;
        if (x != INFLATED && Math.abs(x) < (1L << 22)) {
            if (scale >= 0 && scale < FLOAT_TEN_POWERS.length) {
                return (float) x / FLOAT_TEN_POWERS[scale];
            } else if (scale < 0 && scale > -FLOAT_TEN_POWERS.length) {
                return (float) x * FLOAT_TEN_POWERS[-scale];
            }
        }
        return Float.parseFloat(this.toString());
    }

    public double doubleValue() {
        long x = intCompact;
        if (x != INFLATED && Math.abs(x) < (1L << 52)) {
            if (scale >= 0 && scale < DOUBLE_TEN_POWERS.length) {
                return (double) x / DOUBLE_TEN_POWERS[scale];
            } else if (scale < 0 && scale > -DOUBLE_TEN_POWERS.length) {
                return (double) x * DOUBLE_TEN_POWERS[-scale];
            }
        }
        return Double.parseDouble(this.toString());
    }
}
