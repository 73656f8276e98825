// Immutable arbitrary-precision integers.
package java.math;

import java.util.Random;

// Sign and magnitude, the magnitude as big-endian 32-bit words without leading zeros (as the JDK
// stores it, which its hashCode depends on). Bitwise operations work on the two's-complement view.
//
// Products use schoolbook multiplication for short operands, Karatsuba from KARATSUBA_THRESHOLD
// words and Toom-Cook 3 from TOOM_COOK_THRESHOLD words (squares have their own routines and
// thresholds); division uses Knuth's algorithm D, and Burnikel and Ziegler's recursive division
// for long divisors; conversion to and from strings splits the number at powers of the radix
// (Schönhage's method): each level of splits costs about one full-size division. The
// thresholds are the JDK's documented ones. Every algorithm computes exact integers, so results
// never depend on which one ran.
public class BigInteger extends Number implements Comparable<BigInteger> {
    final int signum;
    final int[] mag;

    private static final long LONG_MASK = 0xffffffffL;
    private static final int[] NO_WORDS = new int[0];

    // Words of the shorter operand from which Karatsuba, then Toom-Cook 3, multiply.
    private static final int KARATSUBA_THRESHOLD = 80;
    private static final int TOOM_COOK_THRESHOLD = 240;
    // The same for squares.
    private static final int KARATSUBA_SQUARE_THRESHOLD = 128;
    private static final int TOOM_COOK_SQUARE_THRESHOLD = 216;
    // Burnikel-Ziegler division runs when the divisor has at least this many words and the
    // quotient at least BURNIKEL_ZIEGLER_OFFSET words; its recursion bottoms out there too.
    private static final int BURNIKEL_ZIEGLER_THRESHOLD = 80;
    private static final int BURNIKEL_ZIEGLER_OFFSET = 40;
    // Numbers of at most this many words convert to strings digit group by digit group.
    private static final int SCHOENHAGE_BASE_CONVERSION_THRESHOLD = 20;
    // Strings of at most this many digit groups parse group by group.
    private static final int SCHOENHAGE_PARSE_THRESHOLD = 40;

    // The JDK's limit on the magnitude's length in words.
    private static final int MAX_MAG_LENGTH = Integer.MAX_VALUE / Integer.SIZE + 1;

    private static final BigInteger[] POSITIVE_CONSTANTS = new BigInteger[17];
    private static final BigInteger[] NEGATIVE_CONSTANTS = new BigInteger[17];

    static {
        for (int i = 1; i <= 16; i++) {
            POSITIVE_CONSTANTS[i] = new BigInteger(new int[] {i}, 1);
            NEGATIVE_CONSTANTS[i] = new BigInteger(new int[] {i}, -1);
        }
    }

    public static final BigInteger ZERO = new BigInteger(NO_WORDS, 0);
    public static final BigInteger ONE = valueOf(1);
    public static final BigInteger TWO = valueOf(2);
    public static final BigInteger TEN = valueOf(10);
    private static final BigInteger NEGATIVE_ONE = valueOf(-1);

    // How many digits of each radix fit in an int without overflow, and that power of the radix
    // (below 2^31 for every radix, so a remainder shifted up a word stays a positive long).
    private static final int[] DIGITS_PER_INT = {0, 0, 30, 19, 15, 13, 11, 11, 10, 9, 9, 8, 8, 8, 8, 7, 7, 7, 7, 7, 7,
        7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5};
    private static final int[] SUPER_RADIX = new int[37];

    static {
        for (int radix = 2; radix <= 36; radix++) {
            int p = 1;
            for (int i = 0; i < DIGITS_PER_INT[radix]; i++) {
                p *= radix;
            }
            SUPER_RADIX[radix] = p;
        }
    }

    private static final char[] DIGIT_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    // POWERS[radix][k] is SUPER_RADIX[radix]^(2^k), filled on demand. A row is replaced, never
    // changed, once published, so a racing reader sees either the old row or the new one.
    private static final BigInteger[][] POWERS = new BigInteger[37][];

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
        // Digits form groups that fit an int, the first group taking the remainder; the first
        // bad group is reported as Integer.parseInt would report it.
        int firstGroupLen = numDigits % digitsPerInt;
        if (firstGroupLen == 0) {
            firstGroupLen = digitsPerInt;
        }
        int numGroups = (numDigits - firstGroupLen) / digitsPerInt + 1;
        int[] groups = new int[numGroups];
        int end = cursor + firstGroupLen;
        for (int g = 0; g < numGroups; g++) {
            int result = 0;
            for (int i = cursor; i < end; i++) {
                int d = Character.digit(val.charAt(i), radix);
                if (d < 0) {
                    String group = val.substring(cursor, end);
                    throw new NumberFormatException("For input string: \"" + group + "\""
                            + (radix == 10 ? "" : " under radix " + radix));
                }
                result = result * radix + d;
            }
            groups[g] = result;
            cursor = end;
            end += digitsPerInt;
        }
        int[] m = fromGroups(groups, 0, numGroups, radix);
        this.mag = m;
        this.signum = sign;
    }

    // The magnitude (without leading zeros) of groups[from, to) read as digits of base
    // SUPER_RADIX[radix], most significant first. Long runs split at a power of the base:
    // high * base^(2^k) + low, with 2^k groups in the low part.
    private static int[] fromGroups(int[] groups, int from, int to, int radix) {
        int count = to - from;
        if (count <= SCHOENHAGE_PARSE_THRESHOLD) {
            long superRadix = SUPER_RADIX[radix];
            int[] m = new int[count];
            int top = count; // m[top..count) holds the words in use
            for (int g = from; g < to; g++) {
                long carry = groups[g];
                for (int i = count - 1; i >= top; i--) {
                    long p = (m[i] & LONG_MASK) * superRadix + carry;
                    m[i] = (int) p;
                    carry = p >>> 32;
                }
                if (carry != 0) {
                    m[--top] = (int) carry;
                }
            }
            return stripLeadingZeros(m);
        }
        int k = 31 - Integer.numberOfLeadingZeros(count - 1);
        int lowCount = 1 << k;
        BigInteger high = new BigInteger(fromGroups(groups, from, to - lowCount, radix), 1);
        BigInteger low = new BigInteger(fromGroups(groups, to - lowCount, to, radix), 1);
        return high.multiply(radixPower(radix, k)).add(low).mag;
    }

    // SUPER_RADIX[radix]^(2^k).
    private static BigInteger radixPower(int radix, int k) {
        BigInteger[] row = POWERS[radix];
        if (row == null || row.length <= k) {
            BigInteger[] grown = new BigInteger[k + 1];
            int have = 0;
            if (row != null) {
                have = row.length;
                System.arraycopy(row, 0, grown, 0, have);
            } else {
                grown[0] = valueOf(SUPER_RADIX[radix]);
                have = 1;
            }
            for (int i = have; i <= k; i++) {
                grown[i] = grown[i - 1].square();
            }
            POWERS[radix] = grown;
            row = grown;
        }
        return row[k];
    }

    public static BigInteger valueOf(long val) {
        if (val == 0) {
            return ZERO;
        }
        if (val > 0 && val <= 16) {
            return POSITIVE_CONSTANTS[(int) val];
        }
        if (val < 0 && val >= -16) {
            return NEGATIVE_CONSTANTS[(int) -val];
        }
        return fromMagnitudeLong(val < 0 ? -val : val, val < 0 ? -1 : 1);
    }

    // The number sign * m, m read as unsigned.
    private static BigInteger fromMagnitudeLong(long m, int sign) {
        if (m == 0) {
            return ZERO;
        }
        int hi = (int) (m >>> 32);
        int[] words = hi == 0 ? new int[] {(int) m} : new int[] {hi, (int) m};
        return new BigInteger(words, sign);
    }

    private static void reportOverflow() {
        throw new ArithmeticException("BigInteger would overflow supported range");
    }

    // Magnitude arithmetic on big-endian arrays. Results may carry leading zero words (the
    // constructor strips them); inputs may too unless a routine says otherwise.

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
        int xi = x.length;
        int yi = y.length;
        int[] result = new int[xi];
        long sum = 0;
        while (yi > 0) {
            xi--;
            sum = (x[xi] & LONG_MASK) + (y[--yi] & LONG_MASK) + (sum >>> 32);
            result[xi] = (int) sum;
        }
        while (xi > 0 && (sum >>> 32) != 0) {
            xi--;
            sum = (x[xi] & LONG_MASK) + 1;
            result[xi] = (int) sum;
        }
        while (xi > 0) {
            xi--;
            result[xi] = x[xi];
        }
        if ((sum >>> 32) != 0) {
            int[] grown = new int[result.length + 1];
            System.arraycopy(result, 0, grown, 1, result.length);
            grown[0] = 1;
            return grown;
        }
        return result;
    }

    // Requires big >= little.
    private static int[] subtractMag(int[] big, int[] little) {
        int bi = big.length;
        int[] result = new int[bi];
        int li = little.length;
        long difference = 0;
        while (li > 0) {
            bi--;
            difference = (big[bi] & LONG_MASK) - (little[--li] & LONG_MASK) + (difference >> 32);
            result[bi] = (int) difference;
        }
        while (bi > 0 && difference < 0) {
            bi--;
            difference = (big[bi] & LONG_MASK) - 1;
            result[bi] = (int) difference;
        }
        while (bi > 0) {
            bi--;
            result[bi] = big[bi];
        }
        return result;
    }

    // z += a << (32 * off), a's last word lined up with z's last word moved up off words. The
    // sum must fit in z; words of a beyond z's front must be zero.
    private static void addShifted(int[] z, int[] a, int off) {
        int zi = z.length - 1 - off;
        int ai = a.length - 1;
        long carry = 0;
        while (ai >= 0 && zi >= 0) {
            long s = (z[zi] & LONG_MASK) + (a[ai] & LONG_MASK) + carry;
            z[zi] = (int) s;
            carry = s >>> 32;
            ai--;
            zi--;
        }
        while (carry != 0 && zi >= 0) {
            long s = (z[zi] & LONG_MASK) + carry;
            z[zi] = (int) s;
            carry = s >>> 32;
            zi--;
        }
    }

    // z -= a in place, right-aligned; requires z >= a.
    private static void subtractInPlace(int[] z, int[] a) {
        int zi = z.length - 1;
        int ai = a.length - 1;
        long borrow = 0;
        while (ai >= 0) {
            long d = (z[zi] & LONG_MASK) - (a[ai] & LONG_MASK) + borrow;
            z[zi] = (int) d;
            borrow = d >> 32;
            ai--;
            zi--;
        }
        while (borrow != 0 && zi >= 0) {
            long d = (z[zi] & LONG_MASK) + borrow;
            z[zi] = (int) d;
            borrow = d >> 32;
            zi--;
        }
    }

    // The `count` words of m (big-endian) whose lowest is word `from` counted from the least
    // significant end, without leading zeros; words beyond m are zeros.
    private static int[] wordsFrom(int[] m, int from, int count) {
        int end = m.length - from; // exclusive, in m's indexing
        int start = end - count;
        if (start < 0) {
            start = 0;
        }
        while (start < end && m[start] == 0) {
            start++;
        }
        if (start >= end) {
            return NO_WORDS;
        }
        int[] r = new int[end - start];
        System.arraycopy(m, start, r, 0, r.length);
        return r;
    }

    // x * y, xlen + ylen words.
    private static int[] multiplyMag(int[] x, int[] y) {
        if (x.length < y.length) {
            int[] t = x;
            x = y;
            y = t;
        }
        int xlen = x.length;
        int ylen = y.length;
        if (ylen == 0) {
            return new int[xlen];
        }
        if (ylen == 1) {
            return multiplyByWord(x, y[0] & LONG_MASK);
        }
        if (ylen < KARATSUBA_THRESHOLD) {
            return multiplySchoolbook(x, y);
        }
        if (ylen <= (xlen + 1) / 2) {
            return multiplyUnbalanced(x, y);
        }
        if (ylen < TOOM_COOK_THRESHOLD || ylen <= 2 * ((xlen + 2) / 3)) {
            return multiplyKaratsuba(x, y);
        }
        return multiplyToomCook3(x, y);
    }

    private static int[] multiplyByWord(int[] x, long w) {
        int xlen = x.length;
        int[] z = new int[xlen + 1];
        long carry = 0;
        for (int i = xlen - 1; i >= 0; i--) {
            long p = (x[i] & LONG_MASK) * w + carry;
            z[i + 1] = (int) p;
            carry = p >>> 32;
        }
        z[0] = (int) carry;
        return z;
    }

    private static int[] multiplySchoolbook(int[] x, int[] y) {
        int xlen = x.length;
        int ylen = y.length;
        int[] z = new int[xlen + ylen];
        for (int i = xlen - 1; i >= 0; i--) {
            long xi = x[i] & LONG_MASK;
            long carry = 0;
            if (xi != 0) {
                int k = i + ylen;
                for (int j = ylen - 1; j >= 0; j--) {
                    long p = (y[j] & LONG_MASK) * xi + (z[k] & LONG_MASK) + carry;
                    z[k] = (int) p;
                    carry = p >>> 32;
                    k--;
                }
            }
            z[i] = (int) carry;
        }
        return z;
    }

    // x much longer than y: x cut into pieces of y's length, each multiplied by y.
    private static int[] multiplyUnbalanced(int[] x, int[] y) {
        int xlen = x.length;
        int ylen = y.length;
        int[] z = new int[xlen + ylen];
        for (int low = 0; low < xlen; low += ylen) {
            int[] piece = wordsFrom(x, low, ylen);
            if (piece.length != 0) {
                addShifted(z, multiplyMag(piece, y), low);
            }
        }
        return z;
    }

    // Karatsuba: with x = x1*B + x0 and y = y1*B + y0 (B = 2^(32h)),
    // x*y = x1*y1*B^2 + ((x0+x1)(y0+y1) - x0*y0 - x1*y1)*B + x0*y0. Requires y longer than h.
    private static int[] multiplyKaratsuba(int[] x, int[] y) {
        int xlen = x.length;
        int ylen = y.length;
        int h = (xlen + 1) / 2;
        int[] x0 = wordsFrom(x, 0, h);
        int[] x1 = wordsFrom(x, h, xlen - h);
        int[] y0 = wordsFrom(y, 0, h);
        int[] y1 = wordsFrom(y, h, ylen - h);
        int[] z0 = multiplyMag(x0, y0);
        int[] z2 = multiplyMag(x1, y1);
        int[] z1 = multiplyMag(addMag(x0, x1), addMag(y0, y1));
        subtractInPlace(z1, z0);
        subtractInPlace(z1, z2);
        int[] z = new int[xlen + ylen];
        addShifted(z, z0, 0);
        addShifted(z, z2, 2 * h);
        addShifted(z, z1, h);
        return z;
    }

    // Toom-Cook 3 on slices of k words: both numbers are polynomials of degree 2 in B = 2^(32k),
    // evaluated at 0, 1, -1, -2 and infinity; the five products are interpolated back (Bodrato's
    // sequence) into the coefficients of the product, which are all non-negative.
    private static int[] multiplyToomCook3(int[] x, int[] y) {
        int xlen = x.length;
        int ylen = y.length;
        int k = (xlen + 2) / 3;
        BigInteger a0 = new BigInteger(wordsFrom(x, 0, k), 1);
        BigInteger a1 = new BigInteger(wordsFrom(x, k, k), 1);
        BigInteger a2 = new BigInteger(wordsFrom(x, 2 * k, xlen - 2 * k), 1);
        BigInteger b0 = new BigInteger(wordsFrom(y, 0, k), 1);
        BigInteger b1 = new BigInteger(wordsFrom(y, k, k), 1);
        BigInteger b2 = new BigInteger(wordsFrom(y, 2 * k, ylen - 2 * k), 1);

        BigInteger v0 = a0.multiply(b0);
        BigInteger vInf = a2.multiply(b2);
        BigInteger a02 = a0.add(a2);
        BigInteger b02 = b0.add(b2);
        BigInteger am1 = a02.subtract(a1);
        BigInteger bm1 = b02.subtract(b1);
        BigInteger v1 = a02.add(a1).multiply(b02.add(b1));
        BigInteger vm1 = am1.multiply(bm1);
        // a0 - 2*a1 + 4*a2 = 2*(a(-1) + a2) - a0
        BigInteger vm2 = am1.add(a2).shiftLeft(1).subtract(a0).multiply(bm1.add(b2).shiftLeft(1).subtract(b0));
        return toomInterpolate(v0, v1, vm1, vm2, vInf, k, xlen + ylen);
    }

    private static int[] toomInterpolate(BigInteger v0, BigInteger v1, BigInteger vm1, BigInteger vm2,
            BigInteger vInf, int k, int len) {
        BigInteger r3 = vm2.subtract(v1).exactDivideBy3();
        BigInteger r1 = v1.subtract(vm1).shiftRight(1);
        BigInteger r2 = vm1.subtract(v0);
        r3 = r2.subtract(r3).shiftRight(1).add(vInf.shiftLeft(1));
        r2 = r2.add(r1).subtract(vInf);
        r1 = r1.subtract(r3);
        int[] z = new int[len];
        addShifted(z, v0.mag, 0);
        addShifted(z, r1.mag, k);
        addShifted(z, r2.mag, 2 * k);
        addShifted(z, r3.mag, 3 * k);
        addShifted(z, vInf.mag, 4 * k);
        return z;
    }

    // this / 3 for a multiple of 3: the words from the least significant up, each multiplied by
    // the inverse of 3 modulo 2^32, the excess carried up as a borrow.
    private BigInteger exactDivideBy3() {
        int[] m = mag;
        int n = m.length;
        int[] q = new int[n];
        long borrow = 0;
        for (int i = n - 1; i >= 0; i--) {
            long t = (m[i] & LONG_MASK) - borrow;
            int qi = ((int) t) * 0xAAAAAAAB;
            q[i] = qi;
            borrow = (((qi & LONG_MASK) * 3) >>> 32) + (t < 0 ? 1 : 0);
        }
        return new BigInteger(q, signum);
    }

    // x * x, 2 * xlen words.
    private static int[] squareMag(int[] x) {
        int len = x.length;
        if (len == 0) {
            return NO_WORDS;
        }
        if (len < KARATSUBA_SQUARE_THRESHOLD) {
            return squareSchoolbook(x);
        }
        if (len < TOOM_COOK_SQUARE_THRESHOLD) {
            return squareKaratsuba(x);
        }
        return squareToomCook3(x);
    }

    // The products of distinct words once, doubled, plus the squares of the words.
    private static int[] squareSchoolbook(int[] x) {
        int len = x.length;
        int[] z = new int[2 * len];
        for (int i = len - 1; i > 0; i--) {
            long xi = x[i] & LONG_MASK;
            long carry = 0;
            if (xi != 0) {
                int k = 2 * i;
                for (int j = i - 1; j >= 0; j--) {
                    long p = (x[j] & LONG_MASK) * xi + (z[k] & LONG_MASK) + carry;
                    z[k] = (int) p;
                    carry = p >>> 32;
                    k--;
                }
            }
            z[i] = (int) carry;
        }
        // Double the cross products (a shift by one bit, from the least significant word up).
        int lowTop = 0;
        for (int i = 2 * len - 1; i >= 0; i--) {
            int w = z[i];
            z[i] = (w << 1) | lowTop;
            lowTop = w >>> 31;
        }
        return addSquares(z, x);
    }

    private static int[] addSquares(int[] z, int[] x) {
        long carry = 0;
        for (int i = x.length - 1; i >= 0; i--) {
            long xi = x[i] & LONG_MASK;
            long sq = xi * xi;
            long t = (z[2 * i + 1] & LONG_MASK) + (sq & LONG_MASK) + carry;
            z[2 * i + 1] = (int) t;
            t = (z[2 * i] & LONG_MASK) + (sq >>> 32) + (t >>> 32);
            z[2 * i] = (int) t;
            carry = t >>> 32;
        }
        return z;
    }

    private static int[] squareKaratsuba(int[] x) {
        int len = x.length;
        int h = (len + 1) / 2;
        int[] x0 = wordsFrom(x, 0, h);
        int[] x1 = wordsFrom(x, h, len - h);
        int[] z0 = squareMag(x0);
        int[] z2 = squareMag(x1);
        int[] z1 = squareMag(addMag(x0, x1));
        subtractInPlace(z1, z0);
        subtractInPlace(z1, z2);
        int[] z = new int[2 * len];
        addShifted(z, z0, 0);
        addShifted(z, z2, 2 * h);
        addShifted(z, z1, h);
        return z;
    }

    private static int[] squareToomCook3(int[] x) {
        int len = x.length;
        int k = (len + 2) / 3;
        BigInteger a0 = new BigInteger(wordsFrom(x, 0, k), 1);
        BigInteger a1 = new BigInteger(wordsFrom(x, k, k), 1);
        BigInteger a2 = new BigInteger(wordsFrom(x, 2 * k, len - 2 * k), 1);
        BigInteger v0 = a0.square();
        BigInteger vInf = a2.square();
        BigInteger a02 = a0.add(a2);
        BigInteger am1 = a02.subtract(a1);
        BigInteger v1 = a02.add(a1).square();
        BigInteger vm1 = am1.square();
        BigInteger vm2 = am1.add(a2).shiftLeft(1).subtract(a0).square();
        return toomInterpolate(v0, v1, vm1, vm2, vInf, k, 2 * len);
    }

    private BigInteger square() {
        if (signum == 0) {
            return ZERO;
        }
        if (mag.length == 1) {
            long m = mag[0] & LONG_MASK;
            return fromMagnitudeLong(m * m, 1);
        }
        return new BigInteger(squareMag(mag), 1);
    }

    // Division.

    // Divides a magnitude by one word (d < 2^32) into q (same length); returns the remainder.
    private static long divideByWord(int[] a, long d, int[] q) {
        long rem = 0;
        if (d <= Integer.MAX_VALUE) {
            // rem < d < 2^31, so rem << 32 | word is a non-negative long.
            for (int i = 0; i < a.length; i++) {
                long cur = (rem << 32) | (a[i] & LONG_MASK);
                long qi = cur / d;
                rem = cur - qi * d;
                q[i] = (int) qi;
            }
            return rem;
        }
        for (int i = 0; i < a.length; i++) {
            long cur = (rem << 32) | (a[i] & LONG_MASK);
            long qi = Long.divideUnsigned(cur, d);
            rem = cur - qi * d;
            q[i] = (int) qi;
        }
        return rem;
    }

    private static long remainderByWord(int[] a, long d) {
        long rem = 0;
        if (d <= Integer.MAX_VALUE) {
            for (int i = 0; i < a.length; i++) {
                rem = ((rem << 32) | (a[i] & LONG_MASK)) % d;
            }
            return rem;
        }
        for (int i = 0; i < a.length; i++) {
            rem = Long.remainderUnsigned((rem << 32) | (a[i] & LONG_MASK), d);
        }
        return rem;
    }

    // {quotient, remainder} of two non-negative magnitudes (no leading zeros), as non-negative
    // numbers; b is not zero.
    private static BigInteger[] divideMag(int[] a, int[] b) {
        int cmp = compareMag(a, b);
        if (cmp < 0) {
            return new BigInteger[] {ZERO, new BigInteger(a, 1)};
        }
        if (cmp == 0) {
            return new BigInteger[] {ONE, ZERO};
        }
        if (b.length == 1) {
            int[] q = new int[a.length];
            long r = divideByWord(a, b[0] & LONG_MASK, q);
            return new BigInteger[] {new BigInteger(q, 1), fromMagnitudeLong(r, 1)};
        }
        if (a.length == 2 && a[0] >= 0) {
            // Both fit a non-negative long.
            long x = ((a[0] & LONG_MASK) << 32) | (a[1] & LONG_MASK);
            long y = ((b[0] & LONG_MASK) << 32) | (b[1] & LONG_MASK);
            return new BigInteger[] {fromMagnitudeLong(x / y, 1), fromMagnitudeLong(x % y, 1)};
        }
        if (b.length < BURNIKEL_ZIEGLER_THRESHOLD || a.length - b.length < BURNIKEL_ZIEGLER_OFFSET) {
            return divideKnuth(a, b);
        }
        return divideBurnikelZiegler(new BigInteger(a, 1), new BigInteger(b, 1));
    }

    // Knuth's algorithm D (TAOCP vol. 2, 4.3.1) for a divisor of two words or more.
    private static BigInteger[] divideKnuth(int[] a, int[] b) {
        int n = b.length;
        int shift = Integer.numberOfLeadingZeros(b[0]);
        int[] v = shiftLeftMag(b, shift, n);
        int[] u = shiftLeftMag(a, shift, a.length + 1);
        int m = u.length - n;
        int[] q = new int[m];
        long v1 = v[0] & LONG_MASK;
        long v2 = v[1] & LONG_MASK;
        for (int j = 0; j < m; j++) {
            long uj = u[j] & LONG_MASK;
            long num = (uj << 32) | (u[j + 1] & LONG_MASK);
            long qhat;
            long rhat;
            if (uj >= v1) {
                // The remainder so far is below v, so uj == v1: the estimate is capped at B - 1.
                qhat = LONG_MASK;
                rhat = num - qhat * v1;
            } else if (num >= 0) {
                qhat = num / v1;
                rhat = num - qhat * v1;
            } else {
                qhat = ((num >>> 1) / v1) << 1;
                rhat = num - qhat * v1;
                if (rhat >= v1) {
                    qhat++;
                    rhat -= v1;
                }
            }
            // Lower the estimate while it exceeds the quotient of the top three words.
            long u2 = u[j + 2] & LONG_MASK;
            while (rhat <= LONG_MASK) {
                long left = qhat * v2;
                long right = (rhat << 32) | u2;
                if (left + Long.MIN_VALUE <= right + Long.MIN_VALUE) {
                    break;
                }
                qhat--;
                rhat += v1;
            }
            // u[j..j+n] -= qhat * v
            long carry = 0;
            long borrow = 0;
            int ui = j + n;
            for (int i = n - 1; i >= 0; i--) {
                long p = qhat * (v[i] & LONG_MASK) + carry;
                carry = p >>> 32;
                long t = (u[ui] & LONG_MASK) - (p & LONG_MASK) + borrow;
                u[ui] = (int) t;
                borrow = t >> 32;
                ui--;
            }
            long t = (u[j] & LONG_MASK) - carry + borrow;
            u[j] = (int) t;
            if (t < 0) {
                // The estimate was one too large: add v back.
                qhat--;
                long c = 0;
                ui = j + n;
                for (int i = n - 1; i >= 0; i--) {
                    long s = (u[ui] & LONG_MASK) + (v[i] & LONG_MASK) + c;
                    u[ui] = (int) s;
                    c = s >>> 32;
                    ui--;
                }
                u[j] = (int) ((u[j] & LONG_MASK) + c);
            }
            q[j] = (int) qhat;
        }
        int[] r = new int[n];
        System.arraycopy(u, m, r, 0, n);
        return new BigInteger[] {new BigInteger(q, 1), new BigInteger(shiftRightMag(r, shift), 1)};
    }

    // Burnikel and Ziegler, "Fast Recursive Division" (1998): the divisor is shifted to fill n
    // words exactly (n a multiple of a power of two that halves down to below the threshold),
    // the dividend is cut into blocks of n words, and each two-block window is divided by the
    // recursive 2n/n division.
    private static BigInteger[] divideBurnikelZiegler(BigInteger a, BigInteger b) {
        int s = b.mag.length;
        int m = 1 << (32 - Integer.numberOfLeadingZeros(s / BURNIKEL_ZIEGLER_THRESHOLD));
        int n = ((s + m - 1) / m) * m;
        long n32 = 32L * n;
        int sigma = (int) (n32 - b.bitLength());
        BigInteger bs = b.shiftLeft(sigma);
        BigInteger as = a.shiftLeft(sigma);
        // Blocks so that the top one has its top bit clear, at least two.
        int t = (int) ((as.bitLength() + n32) / n32);
        if (t < 2) {
            t = 2;
        }
        int[] q = new int[(t - 1) * n];
        BigInteger z = as.shiftRightWords((t - 2) * n);
        BigInteger r = ZERO;
        for (int i = t - 2; i >= 0; i--) {
            BigInteger[] qr = divide2n1n(z, bs, n);
            int[] qi = qr[0].mag;
            // Block i of the quotient: words [i*n, (i+1)*n) from the least significant end.
            System.arraycopy(qi, 0, q, q.length - i * n - qi.length, qi.length);
            r = qr[1];
            if (i > 0) {
                z = r.shiftLeftWords(n).add(new BigInteger(wordsFrom(as.mag, (i - 1) * n, n), 1));
            }
        }
        return new BigInteger[] {new BigInteger(q, 1), r.shiftRight(sigma)};
    }

    // a / b for a < b * 2^(32n), b of exactly n words with its top bit set.
    private static BigInteger[] divide2n1n(BigInteger a, BigInteger b, int n) {
        if ((n & 1) != 0 || n < BURNIKEL_ZIEGLER_THRESHOLD) {
            if (a.signum == 0) {
                return new BigInteger[] {ZERO, ZERO};
            }
            return divideKnuthOrSmall(a.mag, b.mag);
        }
        int h = n / 2;
        BigInteger[] qr1 = divide3n2n(a.shiftRightWords(h), b, h);
        BigInteger a4 = a.lowWords(h);
        BigInteger[] qr2 = divide3n2n(qr1[1].shiftLeftWords(h).add(a4), b, h);
        return new BigInteger[] {qr1[0].shiftLeftWords(h).add(qr2[0]), qr2[1]};
    }

    // a / b for a < b * 2^(32h), a of up to three blocks of h words, b of two (top bit set).
    private static BigInteger[] divide3n2n(BigInteger a, BigInteger b, int h) {
        BigInteger b1 = b.shiftRightWords(h);
        BigInteger b2 = b.lowWords(h);
        BigInteger a12 = a.shiftRightWords(h);
        BigInteger a1 = a12.shiftRightWords(h);
        BigInteger qhat;
        BigInteger r1;
        if (a1.compareTo(b1) < 0) {
            BigInteger[] qr = divide2n1n(a12, b1, h);
            qhat = qr[0];
            r1 = qr[1];
        } else {
            // qhat = 2^(32h) - 1, r1 = a12 - qhat * b1
            qhat = ONE.shiftLeftWords(h).subtract(ONE);
            r1 = a12.subtract(b1.shiftLeftWords(h)).add(b1);
        }
        BigInteger rhat = r1.shiftLeftWords(h).add(a.lowWords(h)).subtract(qhat.multiply(b2));
        while (rhat.signum < 0) {
            rhat = rhat.add(b);
            qhat = qhat.subtract(ONE);
        }
        return new BigInteger[] {qhat, rhat};
    }

    private static BigInteger[] divideKnuthOrSmall(int[] a, int[] b) {
        if (compareMag(a, b) < 0) {
            return new BigInteger[] {ZERO, new BigInteger(a, 1)};
        }
        return divideKnuth(a, b);
    }

    // this >> (32 * n) for this >= 0.
    private BigInteger shiftRightWords(int n) {
        int len = mag.length - n;
        if (len <= 0) {
            return ZERO;
        }
        if (n == 0) {
            return this;
        }
        int[] r = new int[len];
        System.arraycopy(mag, 0, r, 0, len);
        return new BigInteger(r, 1);
    }

    // this << (32 * n) for this >= 0.
    private BigInteger shiftLeftWords(int n) {
        if (signum == 0 || n == 0) {
            return this;
        }
        int[] r = new int[mag.length + n];
        System.arraycopy(mag, 0, r, 0, mag.length);
        return new BigInteger(r, signum);
    }

    // this mod 2^(32n) for this >= 0.
    private BigInteger lowWords(int n) {
        if (mag.length <= n) {
            return this;
        }
        return new BigInteger(wordsFrom(mag, 0, n), 1);
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
        return addSigned(val, val.signum);
    }

    public BigInteger subtract(BigInteger val) {
        if (val.signum == 0) {
            return this;
        }
        if (signum == 0) {
            return val.negate();
        }
        return addSigned(val, -val.signum);
    }

    // this + (valSign * |val|), both non-zero.
    private BigInteger addSigned(BigInteger val, int valSign) {
        int[] x = mag;
        int[] y = val.mag;
        if (x.length == 1 && y.length == 1) {
            long sum = signum * (x[0] & LONG_MASK) + valSign * (y[0] & LONG_MASK);
            return sum < 0 ? fromMagnitudeLong(-sum, -1) : fromMagnitudeLong(sum, 1);
        }
        if (valSign == signum) {
            return new BigInteger(addMag(x, y), signum);
        }
        int cmp = compareMag(x, y);
        if (cmp == 0) {
            return ZERO;
        }
        int[] resultMag = cmp > 0 ? subtractMag(x, y) : subtractMag(y, x);
        return new BigInteger(resultMag, cmp > 0 ? signum : valSign);
    }

    public BigInteger multiply(BigInteger val) {
        if (val.signum == 0 || signum == 0) {
            return ZERO;
        }
        if (val == this) {
            return square();
        }
        int sign = signum == val.signum ? 1 : -1;
        if (mag.length == 1 && val.mag.length == 1) {
            return fromMagnitudeLong((mag[0] & LONG_MASK) * (val.mag[0] & LONG_MASK), sign);
        }
        return new BigInteger(multiplyMag(mag, val.mag), sign);
    }

    public BigInteger divide(BigInteger val) {
        return divideAndRemainder(val)[0];
    }

    public BigInteger remainder(BigInteger val) {
        if (val.signum == 0) {
            throw new ArithmeticException("BigInteger divide by zero");
        }
        if (val.mag.length == 1) {
            if (signum == 0) {
                return ZERO;
            }
            return fromMagnitudeLong(remainderByWord(mag, val.mag[0] & LONG_MASK), signum);
        }
        return divideAndRemainder(val)[1];
    }

    public BigInteger[] divideAndRemainder(BigInteger val) {
        if (val.signum == 0) {
            throw new ArithmeticException("BigInteger divide by zero");
        }
        if (signum == 0) {
            return new BigInteger[] {ZERO, ZERO};
        }
        BigInteger[] qr = divideMag(mag, val.mag);
        int qSign = signum * val.signum;
        if (qSign < 0) {
            qr[0] = qr[0].negate();
        }
        if (signum < 0) {
            qr[1] = qr[1].negate();
        }
        return qr;
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
        if (exponent == 0) {
            return ONE;
        }
        // |this| = odd * 2^twos: the power of two becomes a shift.
        BigInteger base = this.abs();
        int twos = base.getLowestSetBit();
        long shiftBits = (long) twos * exponent;
        if (shiftBits > Integer.MAX_VALUE) {
            reportOverflow();
        }
        base = base.shiftRight(twos);
        int oddBits = base.bitLength();
        BigInteger result;
        if (oddBits == 1) {
            result = ONE;
        } else if (base.mag.length == 1 && (long) oddBits * exponent <= 62) {
            long b = base.mag[0] & LONG_MASK;
            long r = 1;
            for (int e = exponent; e != 0; e >>>= 1) {
                if ((e & 1) != 0) {
                    r *= b;
                }
                if (e > 1) {
                    b *= b;
                }
            }
            result = fromMagnitudeLong(r, 1);
        } else {
            if ((long) bitLength() * exponent / Integer.SIZE > MAX_MAG_LENGTH) {
                reportOverflow();
            }
            // Left to right: square, and multiply by the (short) base for each one bit.
            result = base;
            for (int bit = 30 - Integer.numberOfLeadingZeros(exponent); bit >= 0; bit--) {
                result = result.square();
                if (((exponent >>> bit) & 1) != 0) {
                    result = result.multiply(base);
                }
            }
        }
        if (shiftBits > 0) {
            result = result.shiftLeft((int) shiftBits);
        }
        return (signum < 0 && (exponent & 1) != 0) ? result.negate() : result;
    }

    public BigInteger sqrt() {
        if (this.signum < 0) {
            throw new ArithmeticException("Negative BigInteger");
        }
        if (signum == 0) {
            return ZERO;
        }
        return isqrt(this);
    }

    // The floor of the square root of n > 0. Below 2^106 from the double root, corrected; above,
    // from the root of the top half of the bits (which gives about half the bits of the result),
    // refined by Newton's iteration.
    private static BigInteger isqrt(BigInteger n) {
        int bits = n.bitLength();
        BigInteger x;
        if (bits <= 52) {
            long v = n.longValue();
            long s = (long) Math.sqrt((double) v);
            while (s * s > v) {
                s--;
            }
            while ((s + 1) * (s + 1) <= v) {
                s++;
            }
            return valueOf(s);
        }
        // An over-estimate: with n = h * 4^k + l (l < 4^k), sqrt(n) < (isqrt(h) + 1) * 2^k.
        int k = (bits - 50) / 2;
        if (bits > 200) {
            k = bits / 4;
        }
        BigInteger h = isqrt(n.shiftRight(2 * k));
        x = h.add(ONE).shiftLeft(k);
        // Newton's iteration from above decreases to the floor of the root.
        for (;;) {
            BigInteger y = x.add(n.divide(x)).shiftRight(1);
            if (y.compareTo(x) >= 0) {
                return x;
            }
            x = y;
        }
    }

    public BigInteger[] sqrtAndRemainder() {
        BigInteger s = sqrt();
        BigInteger r = this.subtract(s.square());
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
            result = result.square().mod(m);
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

    // m << n, one word longer than needed at most (the constructor strips it).
    private static int[] shiftLeftMagnitude(int[] m, int n) {
        int nInts = n >>> 5;
        int nBits = n & 0x1f;
        int len = m.length;
        int[] result = new int[len + nInts + 1];
        if (nBits == 0) {
            System.arraycopy(m, 0, result, 1, len);
            return result;
        }
        int carry = 0;
        for (int i = len - 1; i >= 0; i--) {
            int w = m[i];
            result[i + 1] = (w << nBits) | carry;
            carry = w >>> (32 - nBits);
        }
        result[0] = carry;
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
        int[] m = mag;
        if (m.length == 1) {
            return Long.toString(signum * (m[0] & LONG_MASK), radix);
        }
        if (m.length == 2 && m[0] >= 0) {
            return Long.toString(signum * (((m[0] & LONG_MASK) << 32) | (m[1] & LONG_MASK)), radix);
        }
        int bits = bitLength(m);
        char[] buf;
        int start;
        if ((radix & (radix - 1)) == 0) {
            int digitBits = Integer.numberOfTrailingZeros(radix);
            int digits = (bits + digitBits - 1) / digitBits;
            buf = new char[digits + 1];
            writePowerOfTwoDigits(m, digitBits, buf, digits);
            start = 1;
        } else {
            // At most this many groups of DIGITS_PER_INT digits, each worth more than
            // 2^(bits of SUPER_RADIX - 1).
            int groupBits = 31 - Integer.numberOfLeadingZeros(SUPER_RADIX[radix]);
            int capacity = (bits / groupBits + 2) * DIGITS_PER_INT[radix] + 1;
            buf = new char[capacity];
            start = writeDigits(this.abs(), radix, buf, capacity, 1);
        }
        if (signum < 0) {
            buf[--start] = '-';
        }
        return new String(buf, start, buf.length - start);
    }

    private static int bitLength(int[] m) {
        return ((m.length - 1) << 5) + (32 - Integer.numberOfLeadingZeros(m[0]));
    }

    // Writes the `digits` digits of m in radix 2^digitBits into buf[1..digits].
    private static void writePowerOfTwoDigits(int[] m, int digitBits, char[] buf, int digits) {
        int mask = (1 << digitBits) - 1;
        int last = m.length - 1;
        for (int d = 0; d < digits; d++) {
            int bit = d * digitBits;
            int word = last - (bit >>> 5);
            int off = bit & 31;
            int v = m[word] >>> off;
            if (off + digitBits > 32 && word > 0) {
                v |= m[word - 1] << (32 - off);
            }
            buf[digits - d] = DIGIT_CHARS[v & mask];
        }
    }

    // Writes the digits of u >= 0 so that they end just before buf[end], with leading zeros up
    // to `width` digits; returns the index of the first digit. Long numbers are split at a power
    // of the radix near their square root: u = q * P + r, r written padded to P's digit count.
    private static int writeDigits(BigInteger u, int radix, char[] buf, int end, int width) {
        if (u.mag.length <= SCHOENHAGE_BASE_CONVERSION_THRESHOLD) {
            return writeSmallDigits(u.mag, radix, buf, end, width);
        }
        int bits = u.bitLength();
        // The power nearest the square root on a log scale: the first with more than a quarter
        // of the bits has at most half of them (a square has at most twice the bits); the next
        // one (about twice as long) is nearer when this one has less than bits / (2 sqrt 2).
        // It stays below u, so the quotient is not zero.
        int k = 0;
        while (4 * radixPower(radix, k).bitLength() <= bits + 1) {
            k++;
        }
        long powerBits = radixPower(radix, k).bitLength();
        if (8 * powerBits * powerBits < (long) bits * bits) {
            k++;
        }
        BigInteger[] qr = u.divideAndRemainder(radixPower(radix, k));
        int lowDigits = DIGITS_PER_INT[radix] << k;
        writeDigits(qr[1], radix, buf, end, lowDigits);
        return writeDigits(qr[0], radix, buf, end - lowDigits, width - lowDigits);
    }

    // The same, group of digits by group of digits, by dividing a copy of m by SUPER_RADIX.
    private static int writeSmallDigits(int[] m, int radix, char[] buf, int end, int width) {
        int pos = end;
        int len = m.length;
        if (len > 0) {
            int[] work = m.clone();
            long superRadix = SUPER_RADIX[radix];
            int digitsPerInt = DIGITS_PER_INT[radix];
            int first = 0;
            while (first < len) {
                long rem = 0;
                for (int i = first; i < len; i++) {
                    long cur = (rem << 32) | (work[i] & LONG_MASK);
                    long q = cur / superRadix;
                    work[i] = (int) q;
                    rem = cur - q * superRadix;
                }
                while (first < len && work[first] == 0) {
                    first++;
                }
                int r = (int) rem;
                if (first < len) {
                    for (int d = 0; d < digitsPerInt; d++) {
                        buf[--pos] = DIGIT_CHARS[r % radix];
                        r /= radix;
                    }
                } else {
                    while (r != 0) {
                        buf[--pos] = DIGIT_CHARS[r % radix];
                        r /= radix;
                    }
                }
            }
        }
        int stop = end - width;
        while (pos > stop) {
            buf[--pos] = '0';
        }
        return pos;
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
