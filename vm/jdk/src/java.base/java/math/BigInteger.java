// Immutable arbitrary-precision integers.
package java.math;

import java.util.Random;

// Sign and magnitude, the magnitude as big-endian 32-bit words without leading zeros (as the JDK
// stores it, which its hashCode depends on). Bitwise operations work on the two's-complement view.
public class BigInteger extends Number implements Comparable<BigInteger> {
    final int signum;
    final int[] mag;

    private static final long LONG_MASK = 0xffffffffL;
    private static final int[] NO_WORDS = new int[0];

    public static final BigInteger ZERO = new BigInteger(NO_WORDS, 0);
    public static final BigInteger ONE = valueOf(1);
    public static final BigInteger TWO = valueOf(2);
    public static final BigInteger TEN = valueOf(10);
    private static final BigInteger NEGATIVE_ONE = valueOf(-1);

    // How many digits of each radix fit in an int without overflow, and that power of the radix.
    private static final int[] DIGITS_PER_INT = {0, 0, 30, 19, 15, 13, 11, 11, 10, 9, 9, 8, 8, 8, 8, 7, 7, 7, 7, 7, 7,
        7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5};

    // Takes ownership of a magnitude that may have leading zero words.
    BigInteger(int[] magnitude, int signum) {
        int[] m = stripLeadingZeros(magnitude);
        this.mag = m;
        this.signum = m.length == 0 ? 0 : signum;
    }

    public BigInteger(String val) {
        this(val, 10);
    }

    public BigInteger(String val, int radix) {
        int cursor = 0;
        final int len = val.length();
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            throw new NumberFormatException("Radix out of range");
        }
        if (len == 0) {
            throw new NumberFormatException("Zero length BigInteger");
        }
        int sign = 1;
        int index1 = val.lastIndexOf('-');
        int index2 = val.lastIndexOf('+');
        if (index1 >= 0) {
            if (index1 != 0 || index2 >= 0) {
                throw new NumberFormatException("Illegal embedded sign character");
            }
            sign = -1;
            cursor = 1;
        } else if (index2 >= 0) {
            if (index2 != 0) {
                throw new NumberFormatException("Illegal embedded sign character");
            }
            cursor = 1;
        }
        if (cursor == len) {
            throw new NumberFormatException("Zero length BigInteger");
        }
        while (cursor < len && Character.digit(val.charAt(cursor), radix) == 0) {
            cursor++;
        }
        if (cursor == len) {
            this.signum = 0;
            this.mag = NO_WORDS;
            return;
        }
        int numDigits = len - cursor;
        int digitsPerInt = DIGITS_PER_INT[radix];
        int superRadix = 1;
        for (int i = 0; i < digitsPerInt; i++) {
            superRadix *= radix;
        }
        // Digits are consumed in groups that fit an int, the first group taking the remainder,
        // and a bad group is reported as Integer.parseInt would report it.
        int firstGroupLen = numDigits % digitsPerInt;
        if (firstGroupLen == 0) {
            firstGroupLen = digitsPerInt;
        }
        int[] magnitude = new int[1];
        String group = val.substring(cursor, cursor += firstGroupLen);
        magnitude[0] = parseGroup(group, radix);
        while (cursor < len) {
            group = val.substring(cursor, cursor += digitsPerInt);
            magnitude = mulAdd(magnitude, superRadix, parseGroup(group, radix));
        }
        int[] m = stripLeadingZeros(magnitude);
        this.mag = m;
        this.signum = m.length == 0 ? 0 : sign;
    }

    private static int parseGroup(String group, int radix) {
        int result = 0;
        for (int i = 0; i < group.length(); i++) {
            int d = Character.digit(group.charAt(i), radix);
            if (d < 0) {
                throw new NumberFormatException("For input string: \"" + group + "\""
                        + (radix == 10 ? "" : " under radix " + radix));
            }
            result = result * radix + d;
        }
        return result;
    }

    // Returns mag * mul + add as a new big-endian array (one word longer when needed).
    private static int[] mulAdd(int[] m, int mul, int add) {
        long carry = add & LONG_MASK;
        long mulL = mul & LONG_MASK;
        int[] result = new int[m.length + 1];
        for (int i = m.length - 1; i >= 0; i--) {
            long product = (m[i] & LONG_MASK) * mulL + carry;
            result[i + 1] = (int) product;
            carry = product >>> 32;
        }
        result[0] = (int) carry;
        return result;
    }

    public BigInteger(byte[] val) {
        this(val, 0, val.length);
    }

    public BigInteger(byte[] val, int off, int len) {
        if (val.length == 0 || len == 0) {
            throw new NumberFormatException("Zero length BigInteger");
        }
        if (off < 0 || len < 0 || off + len > val.length) {
            throw new IndexOutOfBoundsException();
        }
        int[] words = new int[(len + 3) / 4];
        boolean negative = val[off] < 0;
        for (int i = 0; i < words.length; i++) {
            int w = 0;
            for (int b = 0; b < 4; b++) {
                int byteIndex = off + len - 1 - (i * 4 + b);
                int v = byteIndex >= off ? (val[byteIndex] & 0xff) : (negative ? 0xff : 0);
                w |= v << (8 * b);
            }
            words[words.length - 1 - i] = w;
        }
        if (negative) {
            int[] m = stripLeadingZeros(negateTwos(words));
            this.mag = m;
            this.signum = -1;
        } else {
            int[] m = stripLeadingZeros(words);
            this.mag = m;
            this.signum = m.length == 0 ? 0 : 1;
        }
    }

    public BigInteger(int signum, byte[] magnitude) {
        this(signum, magnitude, 0, magnitude.length);
    }

    public BigInteger(int signum, byte[] magnitude, int off, int len) {
        if (signum < -1 || signum > 1) {
            throw new NumberFormatException("Invalid signum value");
        }
        if (off < 0 || len < 0 || off + len > magnitude.length) {
            throw new IndexOutOfBoundsException();
        }
        int[] words = new int[(len + 3) / 4];
        for (int i = 0; i < words.length; i++) {
            int w = 0;
            for (int b = 0; b < 4; b++) {
                int byteIndex = off + len - 1 - (i * 4 + b);
                if (byteIndex >= off) {
                    w |= (magnitude[byteIndex] & 0xff) << (8 * b);
                }
            }
            words[words.length - 1 - i] = w;
        }
        int[] m = stripLeadingZeros(words);
        if (m.length == 0) {
            this.signum = 0;
        } else {
            if (signum == 0) {
                throw new NumberFormatException("signum-magnitude mismatch");
            }
            this.signum = signum;
        }
        this.mag = m;
    }

    // The bits come from rnd.nextBytes exactly as the JDK draws them.
    public BigInteger(int numBits, Random rnd) {
        if (numBits < 0) {
            throw new IllegalArgumentException("numBits must be non-negative");
        }
        byte[] randomBits = new byte[0];
        if (numBits > 0) {
            randomBits = new byte[(int) (((long) numBits + 7) / 8)];
            rnd.nextBytes(randomBits);
            int excessBits = 8 * randomBits.length - numBits;
            randomBits[0] &= (byte) ((1 << (8 - excessBits)) - 1);
        }
        BigInteger b = new BigInteger(1, randomBits);
        this.mag = b.mag;
        this.signum = b.signum;
    }

    private static int[] stripLeadingZeros(int[] m) {
        int keep = 0;
        while (keep < m.length && m[keep] == 0) {
            keep++;
        }
        if (keep == 0) {
            return m;
        }
        int[] r = new int[m.length - keep];
        System.arraycopy(m, keep, r, 0, r.length);
        return r;
    }

    // Two's-complement negation of a big-endian word array, in place.
    private static int[] negateTwos(int[] w) {
        for (int i = 0; i < w.length; i++) {
            w[i] = ~w[i];
        }
        for (int i = w.length - 1; i >= 0; i--) {
            if (++w[i] != 0) {
                break;
            }
        }
        return w;
    }

    public static BigInteger valueOf(long val) {
        if (val == 0) {
            return ZERO;
        }
        int sign = 1;
        long m = val;
        if (val < 0) {
            sign = -1;
            m = -val;
        }
        int hi = (int) (m >>> 32);
        int[] words = hi == 0 ? new int[] {(int) m} : new int[] {hi, (int) m};
        return new BigInteger(words, sign);
    }

    // Magnitude arithmetic on big-endian arrays.

    private static int compareMag(int[] a, int[] b) {
        if (a.length != b.length) {
            return a.length < b.length ? -1 : 1;
        }
        for (int i = 0; i < a.length; i++) {
            int x = a[i];
            int y = b[i];
            if (x != y) {
                return ((x & LONG_MASK) < (y & LONG_MASK)) ? -1 : 1;
            }
        }
        return 0;
    }

    private static int[] addMag(int[] x, int[] y) {
        if (x.length < y.length) {
            int[] t = x;
            x = y;
            y = t;
        }
        int[] result = new int[x.length + 1];
        long sum = 0;
        int xi = x.length;
        int yi = y.length;
        int ri = result.length;
        while (yi > 0) {
            sum = (x[--xi] & LONG_MASK) + (y[--yi] & LONG_MASK) + (sum >>> 32);
            result[--ri] = (int) sum;
        }
        while (xi > 0) {
            sum = (x[--xi] & LONG_MASK) + (sum >>> 32);
            result[--ri] = (int) sum;
        }
        result[0] = (int) (sum >>> 32);
        return result;
    }

    // Requires big >= little.
    private static int[] subtractMag(int[] big, int[] little) {
        int bi = big.length;
        int[] result = new int[bi];
        int li = little.length;
        long difference = 0;
        while (li > 0) {
            difference = (big[--bi] & LONG_MASK) - (little[--li] & LONG_MASK) + (difference >> 32);
            result[bi] = (int) difference;
        }
        while (bi > 0) {
            difference = (big[--bi] & LONG_MASK) + (difference >> 32);
            result[bi] = (int) difference;
        }
        return result;
    }

    private static int[] multiplyMag(int[] x, int[] y) {
        int xlen = x.length;
        int ylen = y.length;
        int[] z = new int[xlen + ylen];
        for (int i = xlen - 1; i >= 0; i--) {
            long xi = x[i] & LONG_MASK;
            if (xi == 0) {
                continue;
            }
            long carry = 0;
            for (int j = ylen - 1, k = i + j + 1; j >= 0; j--, k--) {
                long product = (y[j] & LONG_MASK) * xi + (z[k] & LONG_MASK) + carry;
                z[k] = (int) product;
                carry = product >>> 32;
            }
            z[i] = (int) carry;
        }
        return z;
    }

    // Divides a magnitude by one word; returns {quotient words..., remainder} packed as
    // quotient in q and the remainder as the return value.
    private static long divideByWord(int[] a, long d, int[] q) {
        long rem = 0;
        for (int i = 0; i < a.length; i++) {
            long cur = (rem << 32) | (a[i] & LONG_MASK);
            long qi = Long.divideUnsigned(cur, d);
            rem = cur - qi * d;
            q[i] = (int) qi;
        }
        return rem;
    }

    // Knuth's algorithm D. Returns {quotient, remainder} magnitudes (possibly with leading zeros).
    private static int[][] divideMag(int[] a, int[] b) {
        if (compareMag(a, b) < 0) {
            return new int[][] {NO_WORDS, a};
        }
        if (b.length == 1) {
            int[] q = new int[a.length];
            long r = divideByWord(a, b[0] & LONG_MASK, q);
            return new int[][] {q, new int[] {(int) r}};
        }
        int shift = Integer.numberOfLeadingZeros(b[0]);
        int[] v = shiftLeftMag(b, shift, b.length);
        int[] u = shiftLeftMag(a, shift, a.length + 1);
        int n = v.length;
        int m = u.length - n;
        int[] q = new int[m];
        long v1 = v[0] & LONG_MASK;
        long v2 = v[1] & LONG_MASK;
        for (int j = 0; j < m; j++) {
            long num = ((u[j] & LONG_MASK) << 32) | (u[j + 1] & LONG_MASK);
            long qhat;
            long rhat;
            if ((u[j] & LONG_MASK) >= v1) {
                qhat = LONG_MASK;
                rhat = num - qhat * v1;
            } else {
                qhat = Long.divideUnsigned(num, v1);
                rhat = num - qhat * v1;
            }
            while (rhat >= 0 && rhat <= LONG_MASK
                    && Long.compareUnsigned(qhat * v2, (rhat << 32) | (u[j + 2] & LONG_MASK)) > 0) {
                qhat--;
                rhat += v1;
            }
            long borrow = 0;
            long carry = 0;
            for (int i = n - 1; i >= 0; i--) {
                long p = qhat * (v[i] & LONG_MASK) + carry;
                carry = p >>> 32;
                long t = (u[j + i + 1] & LONG_MASK) - (p & LONG_MASK) - borrow;
                u[j + i + 1] = (int) t;
                borrow = (t >>> 63);
            }
            long t = (u[j] & LONG_MASK) - carry - borrow;
            u[j] = (int) t;
            if (t < 0) {
                qhat--;
                long c = 0;
                for (int i = n - 1; i >= 0; i--) {
                    long s = (u[j + i + 1] & LONG_MASK) + (v[i] & LONG_MASK) + c;
                    u[j + i + 1] = (int) s;
                    c = s >>> 32;
                }
                u[j] = (int) ((u[j] & LONG_MASK) + c);
            }
            q[j] = (int) qhat;
        }
        int[] r = new int[n];
        System.arraycopy(u, m, r, 0, n);
        r = shiftRightMag(r, shift);
        return new int[][] {q, r};
    }

    // Shifts left by 0..31 bits into an array of the given length (big-endian, right-aligned).
    private static int[] shiftLeftMag(int[] a, int shift, int len) {
        int[] r = new int[len];
        int off = len - a.length;
        if (shift == 0) {
            System.arraycopy(a, 0, r, off, a.length);
            return r;
        }
        int carry = 0;
        for (int i = a.length - 1; i >= 0; i--) {
            int w = a[i];
            r[off + i] = (w << shift) | carry;
            carry = w >>> (32 - shift);
        }
        if (off > 0) {
            r[off - 1] = carry;
        }
        return r;
    }

    private static int[] shiftRightMag(int[] a, int shift) {
        if (shift == 0) {
            return a;
        }
        int[] r = new int[a.length];
        int carry = 0;
        for (int i = 0; i < a.length; i++) {
            int w = a[i];
            r[i] = (w >>> shift) | carry;
            carry = w << (32 - shift);
        }
        return r;
    }

    // Arithmetic.

    public BigInteger add(BigInteger val) {
        if (val.signum == 0) {
            return this;
        }
        if (signum == 0) {
            return val;
        }
        if (val.signum == signum) {
            return new BigInteger(addMag(mag, val.mag), signum);
        }
        int cmp = compareMag(mag, val.mag);
        if (cmp == 0) {
            return ZERO;
        }
        int[] resultMag = cmp > 0 ? subtractMag(mag, val.mag) : subtractMag(val.mag, mag);
        return new BigInteger(resultMag, cmp == signum ? 1 : -1);
    }

    public BigInteger subtract(BigInteger val) {
        return add(val.negate());
    }

    public BigInteger multiply(BigInteger val) {
        if (val.signum == 0 || signum == 0) {
            return ZERO;
        }
        return new BigInteger(multiplyMag(mag, val.mag), signum == val.signum ? 1 : -1);
    }

    public BigInteger divide(BigInteger val) {
        return divideAndRemainder(val)[0];
    }

    public BigInteger remainder(BigInteger val) {
        return divideAndRemainder(val)[1];
    }

    public BigInteger[] divideAndRemainder(BigInteger val) {
        if (val.signum == 0) {
            throw new ArithmeticException("BigInteger divide by zero");
        }
        if (signum == 0) {
            return new BigInteger[] {ZERO, ZERO};
        }
        int[][] qr = divideMag(mag, val.mag);
        return new BigInteger[] {new BigInteger(qr[0], signum * val.signum), new BigInteger(qr[1], signum)};
    }

    public BigInteger mod(BigInteger m) {
        if (m.signum <= 0) {
            throw new ArithmeticException("BigInteger: modulus not positive");
        }
        BigInteger result = this.remainder(m);
        return (result.signum >= 0 ? result : result.add(m));
    }

    public BigInteger pow(int exponent) {
        if (exponent < 0) {
            throw new ArithmeticException("Negative exponent");
        }
        if (signum == 0) {
            return (exponent == 0 ? ONE : this);
        }
        BigInteger result = ONE;
        BigInteger base = this;
        int e = exponent;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = result.multiply(base);
            }
            e >>>= 1;
            if (e != 0) {
                base = base.multiply(base);
            }
        }
        return result;
    }

    public BigInteger sqrt() {
        if (this.signum < 0) {
            throw new ArithmeticException("Negative BigInteger");
        }
        if (signum == 0) {
            return ZERO;
        }
        // Newton's iteration from an over-estimate decreases monotonically to the floor root.
        BigInteger x = ONE.shiftLeft((bitLength() + 1) / 2);
        for (;;) {
            BigInteger y = x.add(this.divide(x)).shiftRight(1);
            if (y.compareTo(x) >= 0) {
                return x;
            }
            x = y;
        }
    }

    public BigInteger[] sqrtAndRemainder() {
        BigInteger s = sqrt();
        BigInteger r = this.subtract(s.multiply(s));
        return new BigInteger[] {s, r};
    }

    public BigInteger gcd(BigInteger val) {
        BigInteger a = this.abs();
        BigInteger b = val.abs();
        while (b.signum != 0) {
            BigInteger t = a.remainder(b);
            a = b;
            b = t;
        }
        return a;
    }

    public BigInteger abs() {
        return (signum >= 0 ? this : this.negate());
    }

    public BigInteger negate() {
        return signum == 0 ? this : new BigInteger(mag, -signum);
    }

    public int signum() {
        return this.signum;
    }

    public BigInteger modPow(BigInteger exponent, BigInteger m) {
        if (m.signum <= 0) {
            throw new ArithmeticException("BigInteger: modulus not positive");
        }
        if (exponent.signum == 0) {
            return (m.equals(ONE) ? ZERO : ONE);
        }
        if (this.equals(ONE)) {
            return (m.equals(ONE) ? ZERO : ONE);
        }
        if (this.equals(ZERO) && exponent.signum >= 0) {
            return ZERO;
        }
        BigInteger base = this.mod(m);
        BigInteger e = exponent;
        if (exponent.signum < 0) {
            base = base.modInverse(m);
            e = exponent.negate();
        }
        BigInteger result = ONE.mod(m);
        int bits = e.bitLength();
        for (int i = bits - 1; i >= 0; i--) {
            result = result.multiply(result).mod(m);
            if (e.testBit(i)) {
                result = result.multiply(base).mod(m);
            }
        }
        return result;
    }

    public BigInteger modInverse(BigInteger m) {
        if (m.signum != 1) {
            throw new ArithmeticException("BigInteger: modulus not positive");
        }
        if (m.equals(ONE)) {
            return ZERO;
        }
        BigInteger a = this.mod(m);
        BigInteger oldR = a;
        BigInteger r = m;
        BigInteger oldS = ONE;
        BigInteger s = ZERO;
        while (r.signum != 0) {
            BigInteger[] qr = oldR.divideAndRemainder(r);
            BigInteger nr = qr[1];
            oldR = r;
            r = nr;
            BigInteger ns = oldS.subtract(qr[0].multiply(s));
            oldS = s;
            s = ns;
        }
        if (!oldR.equals(ONE)) {
            throw new ArithmeticException("BigInteger not invertible.");
        }
        return oldS.mod(m);
    }

    // Bit operations, on the infinite two's-complement representation.

    // Word n (0 = least significant) of the two's-complement representation.
    private int getInt(int n) {
        if (n < 0) {
            return 0;
        }
        if (n >= mag.length) {
            return signum < 0 ? -1 : 0;
        }
        int magInt = mag[mag.length - n - 1];
        if (signum >= 0) {
            return magInt;
        }
        return n <= firstNonzeroIntNum() ? -magInt : ~magInt;
    }

    // Index (from the least significant end) of the lowest nonzero word of the magnitude.
    private int firstNonzeroIntNum() {
        int mlen = mag.length;
        int i;
        for (i = mlen - 1; i >= 0 && mag[i] == 0; i--) {
        }
        return mlen - i - 1;
    }

    // Builds a BigInteger from two's-complement words, most significant first.
    private static BigInteger fromTwos(int[] words) {
        if (words.length > 0 && words[0] < 0) {
            return new BigInteger(negateTwos(words.clone()), -1);
        }
        return new BigInteger(words, 1);
    }

    private int intLength() {
        return (bitLength() >>> 5) + 1;
    }

    public BigInteger and(BigInteger val) {
        int[] result = new int[Math.max(intLength(), val.intLength())];
        for (int i = 0; i < result.length; i++) {
            result[i] = getInt(result.length - i - 1) & val.getInt(result.length - i - 1);
        }
        return fromTwos(result);
    }

    public BigInteger or(BigInteger val) {
        int[] result = new int[Math.max(intLength(), val.intLength())];
        for (int i = 0; i < result.length; i++) {
            result[i] = getInt(result.length - i - 1) | val.getInt(result.length - i - 1);
        }
        return fromTwos(result);
    }

    public BigInteger xor(BigInteger val) {
        int[] result = new int[Math.max(intLength(), val.intLength())];
        for (int i = 0; i < result.length; i++) {
            result[i] = getInt(result.length - i - 1) ^ val.getInt(result.length - i - 1);
        }
        return fromTwos(result);
    }

    public BigInteger not() {
        int[] result = new int[intLength()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ~getInt(result.length - i - 1);
        }
        return fromTwos(result);
    }

    public BigInteger andNot(BigInteger val) {
        int[] result = new int[Math.max(intLength(), val.intLength())];
        for (int i = 0; i < result.length; i++) {
            result[i] = getInt(result.length - i - 1) & ~val.getInt(result.length - i - 1);
        }
        return fromTwos(result);
    }

    public boolean testBit(int n) {
        if (n < 0) {
            throw new ArithmeticException("Negative bit address");
        }
        return (getInt(n >>> 5) & (1 << (n & 31))) != 0;
    }

    public BigInteger setBit(int n) {
        if (n < 0) {
            throw new ArithmeticException("Negative bit address");
        }
        int intNum = n >>> 5;
        int[] result = new int[Math.max(intLength(), intNum + 2)];
        for (int i = 0; i < result.length; i++) {
            result[result.length - i - 1] = getInt(i);
        }
        result[result.length - intNum - 1] |= (1 << (n & 31));
        return fromTwos(result);
    }

    public BigInteger clearBit(int n) {
        if (n < 0) {
            throw new ArithmeticException("Negative bit address");
        }
        int intNum = n >>> 5;
        int[] result = new int[Math.max(intLength(), ((n + 1) >>> 5) + 1)];
        for (int i = 0; i < result.length; i++) {
            result[result.length - i - 1] = getInt(i);
        }
        result[result.length - intNum - 1] &= ~(1 << (n & 31));
        return fromTwos(result);
    }

    public BigInteger flipBit(int n) {
        if (n < 0) {
            throw new ArithmeticException("Negative bit address");
        }
        int intNum = n >>> 5;
        int[] result = new int[Math.max(intLength(), intNum + 2)];
        for (int i = 0; i < result.length; i++) {
            result[result.length - i - 1] = getInt(i);
        }
        result[result.length - intNum - 1] ^= (1 << (n & 31));
        return fromTwos(result);
    }

    public int getLowestSetBit() {
        if (signum == 0) {
            return -1;
        }
        int i;
        int b;
        for (i = 0; (b = getInt(i)) == 0; i++) {
        }
        return (i << 5) + Integer.numberOfTrailingZeros(b);
    }

    public int bitLength() {
        int len = mag.length;
        if (len == 0) {
            return 0;
        }
        int magBitLength = ((len - 1) << 5) + (32 - Integer.numberOfLeadingZeros(mag[0]));
        if (signum < 0) {
            boolean pow2 = (Integer.bitCount(mag[0]) == 1);
            for (int i = 1; i < len && pow2; i++) {
                pow2 = (mag[i] == 0);
            }
            return (pow2 ? magBitLength - 1 : magBitLength);
        }
        return magBitLength;
    }

    public int bitCount() {
        int bc = 0;
        for (int m : mag) {
            bc += Integer.bitCount(m);
        }
        if (signum < 0) {
            int magTrailingZeroCount = 0;
            int j;
            for (j = mag.length - 1; mag[j] == 0; j--) {
                magTrailingZeroCount += 32;
            }
            magTrailingZeroCount += Integer.numberOfTrailingZeros(mag[j]);
            bc += magTrailingZeroCount - 1;
        }
        return bc;
    }

    public BigInteger shiftLeft(int n) {
        if (signum == 0) {
            return ZERO;
        }
        if (n > 0) {
            return new BigInteger(shiftLeftMagnitude(mag, n), signum);
        } else if (n == 0) {
            return this;
        } else {
            return shiftRightImpl(-n);
        }
    }

    private static int[] shiftLeftMagnitude(int[] m, int n) {
        int nInts = n >>> 5;
        int nBits = n & 0x1f;
        int[] shifted = shiftLeftMag(m, nBits, m.length + 1);
        int[] result = new int[shifted.length + nInts];
        System.arraycopy(shifted, 0, result, 0, shifted.length);
        return result;
    }

    public BigInteger shiftRight(int n) {
        if (signum == 0) {
            return ZERO;
        }
        if (n > 0) {
            return shiftRightImpl(n);
        } else if (n == 0) {
            return this;
        } else {
            return new BigInteger(shiftLeftMagnitude(mag, -n), signum);
        }
    }

    // Floor division by 2^n: a negative number whose shifted-out bits are not all zero rounds down.
    private BigInteger shiftRightImpl(int n) {
        int nInts = n >>> 5;
        int nBits = n & 0x1f;
        int magLen = mag.length;
        if (nInts >= magLen) {
            return (signum >= 0 ? ZERO : NEGATIVE_ONE);
        }
        int[] kept = new int[magLen - nInts];
        System.arraycopy(mag, 0, kept, 0, kept.length);
        int[] newMag = shiftRightMag(kept, nBits);
        if (signum < 0) {
            boolean onesLost = false;
            for (int i = magLen - 1, j = magLen - nInts; i >= j && !onesLost; i--) {
                onesLost = (mag[i] != 0);
            }
            if (!onesLost && nBits != 0) {
                onesLost = (mag[magLen - nInts - 1] << (32 - nBits) != 0);
            }
            if (onesLost) {
                newMag = addMag(newMag, new int[] {1});
            }
        }
        return new BigInteger(newMag, signum);
    }

    // Comparison and hashing.

    public int compareTo(BigInteger val) {
        if (signum == val.signum) {
            switch (signum) {
                case 1:
                    return compareMag(mag, val.mag);
                case -1:
                    return compareMag(val.mag, mag);
                default:
                    return 0;
            }
        }
        return signum > val.signum ? 1 : -1;
    }

    public boolean equals(Object x) {
        if (x == this) {
            return true;
        }
        if (!(x instanceof BigInteger)) {
            return false;
        }
        BigInteger xInt = (BigInteger) x;
        if (xInt.signum != signum) {
            return false;
        }
        int[] m = mag;
        int len = m.length;
        int[] xm = xInt.mag;
        if (len != xm.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (xm[i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    public BigInteger min(BigInteger val) {
        return (compareTo(val) < 0 ? this : val);
    }

    public BigInteger max(BigInteger val) {
        return (compareTo(val) > 0 ? this : val);
    }

    public int hashCode() {
        int hashCode = 0;
        for (int i = 0; i < mag.length; i++) {
            hashCode = (int) (31 * hashCode + (mag[i] & LONG_MASK));
        }
        return hashCode * signum;
    }

    // Conversions.

    public String toString(int radix) {
        if (signum == 0) {
            return "0";
        }
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            radix = 10;
        }
        int digitsPerInt = DIGITS_PER_INT[radix];
        long superRadix = 1;
        for (int i = 0; i < digitsPerInt; i++) {
            superRadix *= radix;
        }
        // Peel off groups of digits from the low end by dividing by radix^digitsPerInt.
        StringBuilder groups = new StringBuilder();
        int[] m = mag.clone();
        int[] q = new int[m.length];
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
        while (m.length > 0) {
            long r = divideByWord(m, superRadix, q);
            parts.add(Long.toString(r, radix));
            m = stripLeadingZeros(q);
            q = new int[m.length];
        }
        if (signum < 0) {
            groups.append('-');
        }
        groups.append(parts.get(parts.size() - 1));
        for (int i = parts.size() - 2; i >= 0; i--) {
            String p = parts.get(i);
            for (int z = p.length(); z < digitsPerInt; z++) {
                groups.append('0');
            }
            groups.append(p);
        }
        return groups.toString();
    }

    public String toString() {
        return toString(10);
    }

    public byte[] toByteArray() {
        int byteLen = bitLength() / 8 + 1;
        byte[] byteArray = new byte[byteLen];
        for (int i = byteLen - 1, bytesCopied = 4, nextInt = 0, intIndex = 0; i >= 0; i--) {
            if (bytesCopied == 4) {
                nextInt = getInt(intIndex++);
                bytesCopied = 1;
            } else {
                nextInt >>>= 8;
                bytesCopied++;
            }
            byteArray[i] = (byte) nextInt;
        }
        return byteArray;
    }

    public int intValue() {
        return getInt(0);
    }

    public long longValue() {
        long result = 0;
        for (int i = 1; i >= 0; i--) {
            result = (result << 32) + (getInt(i) & LONG_MASK);
        }
        return result;
    }

    // The top 64 bits of the magnitude with the lowest bit set if any bit below them is, which
    // rounds exactly like the full value when converted to float or double.
    private long topBitsWithSticky(int shift) {
        BigInteger top = this.abs().shiftRight(shift);
        long bits = top.longValue();
        if (this.abs().getLowestSetBit() < shift) {
            bits |= 1;
        }
        return bits;
    }

    private static double unsignedToDouble(long x) {
        if (x >= 0) {
            return (double) x;
        }
        return ((double) ((x >>> 1) | (x & 1))) * 2.0;
    }

    private static float unsignedToFloat(long x) {
        if (x >= 0) {
            return (float) x;
        }
        return ((float) ((x >>> 1) | (x & 1))) * 2.0f;
    }

    public float floatValue() {
        if (signum == 0) {
            return 0.0f;
        }
        int bl = this.abs().bitLength();
        if (bl <= 63) {
            return (float) longValue();
        }
        if (bl > 128) {
            return signum > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        }
        int shift = bl - 64;
        float f = Math.scalb(unsignedToFloat(topBitsWithSticky(shift)), shift);
        return signum > 0 ? f : -f;
    }

    public double doubleValue() {
        if (signum == 0) {
            return 0.0;
        }
        int bl = this.abs().bitLength();
        if (bl <= 63) {
            return (double) longValue();
        }
        if (bl > 1024) {
            return signum > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        int shift = bl - 64;
        double d = Math.scalb(unsignedToDouble(topBitsWithSticky(shift)), shift);
        return signum > 0 ? d : -d;
    }

    public long longValueExact() {
        if (mag.length <= 2 && bitLength() <= 63) {
            return longValue();
        }
        throw new ArithmeticException("BigInteger out of long range");
    }

    public int intValueExact() {
        if (mag.length <= 1 && bitLength() <= 31) {
            return intValue();
        }
        throw new ArithmeticException("BigInteger out of int range");
    }

    public short shortValueExact() {
        if (mag.length <= 1 && bitLength() <= 31) {
            int value = intValue();
            if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
                return shortValue();
            }
        }
        throw new ArithmeticException("BigInteger out of short range");
    }

    public byte byteValueExact() {
        if (mag.length <= 1 && bitLength() <= 31) {
            int value = intValue();
            if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
                return byteValue();
            }
        }
        throw new ArithmeticException("BigInteger out of byte range");
    }

    // Primality.

    private static final int[] SMALL_PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61,
        67, 71, 73, 79, 83, 89, 97};

    // Miller-Rabin with fixed bases: exact below 3.3e24, and wrong for larger composites only for
    // numbers that are strong pseudoprimes to all 25 prime bases.
    public boolean isProbablePrime(int certainty) {
        if (certainty <= 0) {
            return true;
        }
        BigInteger w = this.abs();
        if (w.equals(TWO)) {
            return true;
        }
        if (!w.testBit(0) || w.equals(ONE)) {
            return false;
        }
        for (int p : SMALL_PRIMES) {
            BigInteger bp = valueOf(p);
            if (w.equals(bp)) {
                return true;
            }
            if (w.remainder(bp).signum == 0) {
                return false;
            }
        }
        BigInteger wMinusOne = w.subtract(ONE);
        int a = wMinusOne.getLowestSetBit();
        BigInteger m = wMinusOne.shiftRight(a);
        for (int p : SMALL_PRIMES) {
            BigInteger b = valueOf(p);
            BigInteger z = b.modPow(m, w);
            if (z.equals(ONE) || z.equals(wMinusOne)) {
                continue;
            }
            boolean composite = true;
            for (int j = 1; j < a; j++) {
                z = z.multiply(z).mod(w);
                if (z.equals(wMinusOne)) {
                    composite = false;
                    break;
                }
                if (z.equals(ONE)) {
                    return false;
                }
            }
            if (composite) {
                return false;
            }
        }
        return true;
    }

    public BigInteger nextProbablePrime() {
        if (this.signum < 0) {
            throw new ArithmeticException("start < 0: " + this);
        }
        if ((this.signum == 0) || this.equals(ONE)) {
            return TWO;
        }
        BigInteger result = this.add(ONE);
        if (!result.testBit(0)) {
            result = result.add(ONE);
        }
        while (!result.isProbablePrime(100)) {
            result = result.add(TWO);
        }
        return result;
    }
}
