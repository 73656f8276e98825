import java.math.BigInteger;
import java.util.Random;

// Products of every size class: one word, schoolbook, Karatsuba (from 80 words), Toom-Cook 3
// (from 240 words), and unbalanced operands; each checked against a schoolbook product computed
// here on int arrays (when one operand has at most 81 words), or against residues and algebraic
// identities.
public class Main {
    static final BigInteger P1 = BigInteger.valueOf(2305843009213693951L); // 2^61 - 1
    static final BigInteger P2 = BigInteger.valueOf(4294967291L);
    static final BigInteger P3 = BigInteger.valueOf(1000000007L);

    // |x| as little-endian 32-bit words.
    static int[] words(BigInteger x) {
        byte[] b = x.abs().toByteArray();
        int[] w = new int[(b.length + 3) / 4];
        for (int i = 0; i < b.length; i++) {
            w[i / 4] |= (b[b.length - 1 - i] & 0xff) << (8 * (i % 4));
        }
        return w;
    }

    static BigInteger fromWords(int[] w, int sign) {
        byte[] b = new byte[w.length * 4 + 1];
        for (int i = 0; i < w.length * 4; i++) {
            b[b.length - 1 - i] = (byte) (w[i / 4] >>> (8 * (i % 4)));
        }
        BigInteger r = new BigInteger(b);
        return sign < 0 ? r.negate() : r;
    }

    static int[] school(int[] a, int[] b) {
        int[] z = new int[a.length + b.length];
        for (int i = 0; i < a.length; i++) {
            long carry = 0;
            long ai = a[i] & 0xffffffffL;
            for (int j = 0; j < b.length; j++) {
                long t = ai * (b[j] & 0xffffffffL) + (z[i + j] & 0xffffffffL) + carry;
                z[i + j] = (int) t;
                carry = t >>> 32;
            }
            z[i + b.length] = (int) carry;
        }
        return z;
    }

    static BigInteger random(Random rnd, int nwords) {
        BigInteger x;
        switch (rnd.nextInt(4)) {
            case 0: // all ones: the most carries
                x = BigInteger.ONE.shiftLeft(32 * nwords).subtract(BigInteger.ONE);
                break;
            case 1: // sparse: a few bits
                x = BigInteger.ONE.shiftLeft(32 * nwords - 1).setBit(rnd.nextInt(32 * nwords)).setBit(3);
                break;
            default:
                x = new BigInteger(32 * nwords, rnd).setBit(32 * nwords - 1 - rnd.nextInt(5));
        }
        return rnd.nextBoolean() ? x.negate() : x;
    }

    // Random bits with the top one set, and a random sign.
    static BigInteger dense(Random rnd, int nwords) {
        BigInteger x = new BigInteger(32 * nwords, rnd).setBit(32 * nwords - 1);
        return rnd.nextBoolean() ? x.negate() : x;
    }

    static String digest(BigInteger x) {
        return x.signum() + " bits=" + x.bitLength() + " ones=" + x.bitCount() + " hash=" + x.hashCode()
                + " low=" + Long.toHexString(x.longValue()) + " m61=" + x.mod(P1);
    }

    static int failures = 0;

    static void check(String what, boolean ok) {
        if (!ok) {
            failures++;
            System.out.println("FAILED: " + what);
        }
    }

    public static void main(String[] args) {
        Random rnd = new Random(15);
        // Products with an operand of at most 81 words are checked against the schoolbook
        // product and the commuted product; all against a residue, and their digests hold all
        // their words.
        int[][] pairs = {
            {1, 1}, {1, 2}, {2, 2}, {1, 50}, {3, 90}, {20, 20}, {79, 80}, {80, 80}, {81, 81},
            {80, 200}, {120, 121}, {240, 239}, {240, 240}, {241, 241}, {250, 260},
        };
        for (int[] p : pairs) {
            BigInteger a = random(rnd, p[0]);
            BigInteger b = random(rnd, p[1]);
            BigInteger prod = a.multiply(b);
            if (Math.min(p[0], p[1]) <= 81) {
                BigInteger expected = fromWords(school(words(a), words(b)), a.signum() * b.signum());
                check(p[0] + "x" + p[1] + " schoolbook", prod.equals(expected));
                check(p[0] + "x" + p[1] + " commutes", prod.equals(b.multiply(a)));
            }
            check(p[0] + "x" + p[1] + " mod", prod.mod(P2).equals(a.mod(P2).multiply(b.mod(P2)).mod(P2)));
            System.out.println(p[0] + "x" + p[1] + ": " + digest(prod));
        }

        // The top and the lowest bit times random bits, against a shift and an addition:
        // Karatsuba meets halves that are all zeros, Toom-Cook 3 a middle slice of zeros.
        for (int n : new int[] {160, 241}) {
            BigInteger a = BigInteger.ONE.shiftLeft(32 * n - 1).setBit(0);
            BigInteger b = dense(rnd, n);
            BigInteger prod = a.multiply(b);
            check("sparse " + n, prod.equals(b.shiftLeft(32 * n - 1).add(b)));
            System.out.println("sparse " + n + ": " + digest(prod));
        }

        // Products of random bits, checked by identities that take other paths through the
        // thresholds: 200x101 splits the shorter operand into 100 words and one (Karatsuba);
        // 718x481 is Toom-Cook 3 on slices of 240 words (the shorter operand's top slice a single
        // word), whose products are Toom-Cook 3 again; it is checked against residues only.
        int[][] large = {{200, 101}, {718, 481}};
        for (int[] p : large) {
            BigInteger a = dense(rnd, p[0]);
            BigInteger b = dense(rnd, p[1]);
            BigInteger ab = a.multiply(b);
            check(p[0] + "x" + p[1] + " mod P1", ab.mod(P1).equals(a.mod(P1).multiply(b.mod(P1)).mod(P1)));
            check(p[0] + "x" + p[1] + " mod P3", ab.mod(P3).equals(a.mod(P3).multiply(b.mod(P3)).mod(P3)));
            if (p[0] < 718) {
                BigInteger c = random(rnd, p[1] / 3 + 1);
                check(p[0] + "x" + p[1] + " distributes", a.multiply(b.add(c)).equals(ab.add(a.multiply(c))));
                check(p[0] + "x" + p[1] + " exact quotient", ab.divide(b).equals(a));
            }
            System.out.println(p[0] + "x" + p[1] + ": " + digest(ab));
        }

        // (2^n - 1)^2 = 2^2n - 2^(n+1) + 1 for lengths around the Karatsuba threshold and at
        // Toom-Cook 3's.
        for (int n : new int[] {2559, 2560, 2561, 7680}) {
            BigInteger m = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE);
            BigInteger other = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE);
            BigInteger expected = BigInteger.ONE.shiftLeft(2 * n).subtract(BigInteger.ONE.shiftLeft(n + 1)).add(BigInteger.ONE);
            check("mersenne " + n, m.multiply(other).equals(expected));
        }

        // One-word operands and signs.
        long[] small = {0, 1, -1, 2, 0xffffffffL, -0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, 123456789L};
        for (long x : small) {
            StringBuilder line = new StringBuilder();
            for (long y : small) {
                BigInteger p = BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
                line.append(p.hashCode()).append(' ');
            }
            System.out.println(x + ": " + line.toString().trim());
        }
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= 300; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        System.out.println("300! " + digest(f));
        System.out.println(failures == 0 ? "all products agree" : failures + " failures");
    }
}
