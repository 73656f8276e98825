import java.math.BigInteger;
import java.util.Random;

// Squares (x.multiply(x) takes the squaring routines: schoolbook, Karatsuba from 128 words,
// Toom-Cook 3 from 216) against products of equal but distinct numbers (up to 64 words, and all
// ones of 241), residues and the closed form of all-ones squares, with digests of every size; and
// pow: powers of two, even bases (a power of two split off into a shift), negative bases,
// exponents 0 and 1, small results that fit a long, and large ones checked against repeated
// multiplication.
public class Main {
    static final BigInteger P = BigInteger.valueOf(2305843009213693951L); // 2^61 - 1

    static int failures = 0;

    static void check(String what, boolean ok) {
        if (!ok) {
            failures++;
            System.out.println("FAILED: " + what);
        }
    }

    static String digest(BigInteger x) {
        return x.signum() + " bits=" + x.bitLength() + " ones=" + x.bitCount() + " hash=" + x.hashCode()
                + " m61=" + x.mod(P);
    }

    // A copy that is not the same object, so multiply cannot take the squaring path.
    static BigInteger copy(BigInteger x) {
        return new BigInteger(x.toByteArray());
    }

    public static void main(String[] args) {
        Random rnd = new Random(1717);
        // Each side of the thresholds, and the two recursions of Toom-Cook 3: at 384 words its
        // slices of 128 words are squared by Karatsuba, at 648 its slices of 216 by Toom-Cook 3.
        int[] sizes = {1, 2, 3, 19, 64, 127, 128, 215, 216, 384, 648};
        for (int n : sizes) {
            BigInteger x = new BigInteger(32 * n, rnd).setBit(32 * n - 1);
            BigInteger sq = x.multiply(x);
            check("square sign " + n, sq.signum() == 1);
            BigInteger xm = x.mod(P);
            check("square mod " + n, sq.mod(P).equals(xm.multiply(xm).mod(P)));
            if (n <= 64) {
                // Against general multiplication.
                check("square " + n, sq.equals(x.multiply(copy(x))));
            }
            if (n <= 64) {
                BigInteger minus = x.negate();
                check("square of negative " + n, minus.multiply(minus).equals(sq));
                check("negative times copy " + n, minus.multiply(copy(minus)).equals(sq));
                check("pow 2 " + n, x.pow(2).equals(sq));
            }
            System.out.println("square of " + n + " words: " + digest(sq));
        }

        // All ones, the most carries, negated: (2^k - 1)^2 = 2^2k - 2^(k+1) + 1; at 241 words
        // also against general multiplication by Toom-Cook 3.
        for (int n : new int[] {1, 2, 3, 19, 64, 128, 216, 241}) {
            BigInteger ones = BigInteger.ONE.shiftLeft(32 * n).subtract(BigInteger.ONE).negate();
            BigInteger sq = ones.multiply(ones);
            check("ones " + n, sq.equals(BigInteger.ONE.shiftLeft(64 * n)
                    .subtract(BigInteger.ONE.shiftLeft(32 * n + 1)).add(BigInteger.ONE)));
            BigInteger om = ones.mod(P);
            check("ones mod " + n, sq.mod(P).equals(om.multiply(om).mod(P)));
            if (n == 241) {
                check("ones times copy " + n, sq.equals(ones.multiply(copy(ones))));
            }
        }

        // Random words over words of zeros, (h * 2^k)^2 = h^2 * 2^2k: Karatsuba squares a low
        // half that is all zeros, Toom-Cook 3 two low slices.
        for (int n : new int[] {128, 216}) {
            int zeros = n == 128 ? 64 : 144;
            BigInteger h = new BigInteger(32 * (n - zeros), rnd).setBit(32 * (n - zeros) - 1);
            BigInteger x = h.shiftLeft(32 * zeros);
            BigInteger sq = x.multiply(x);
            check("zero words " + n, sq.equals(h.multiply(h).shiftLeft(64 * zeros)));
            System.out.println("square of " + n + " words, " + zeros + " of them zeros: " + digest(sq));
        }

        // (a + b)^2 = a^2 + 2ab + b^2 with b under half as long as a (an unbalanced product at
        // 170 words).
        for (int n : new int[] {100, 170}) {
            BigInteger a = new BigInteger(32 * n, rnd);
            BigInteger b = new BigInteger(15 * n, rnd).negate();
            BigInteger s = a.add(b);
            check("binomial " + n, s.multiply(s).equals(a.multiply(a).add(a.multiply(b).shiftLeft(1)).add(b.multiply(b))));
        }

        // Small exponents of small bases, against repeated multiplication.
        for (int base = -12; base <= 12; base++) {
            BigInteger b = BigInteger.valueOf(base);
            StringBuilder line = new StringBuilder(base + ":");
            BigInteger product = BigInteger.ONE; // b multiplied e times
            for (int e = 0; e <= 70; e++) {
                BigInteger p = b.pow(e);
                check(base + "^" + e, p.equals(product));
                if (e % 10 == 0 || e == 1 || e == 63) {
                    line.append(' ').append(p);
                }
                product = product.multiply(b);
            }
            System.out.println(line);
        }

        // Powers of two and of even numbers: the power of two becomes a shift.
        for (int e : new int[] {0, 1, 31, 32, 33, 1000, 40000}) {
            check("2^" + e, BigInteger.TWO.pow(e).equals(BigInteger.ONE.shiftLeft(e)));
            check("(-2)^" + e, BigInteger.TWO.negate().pow(e).equals(BigInteger.ONE.shiftLeft(e).multiply(BigInteger.valueOf(e % 2 == 0 ? 1 : -1))));
            check("1024^" + e, BigInteger.valueOf(1024).pow(e).equals(BigInteger.ONE.shiftLeft(10 * e)));
        }
        check("12^500", BigInteger.valueOf(12).pow(500).equals(BigInteger.valueOf(3).pow(500).shiftLeft(1000)));
        check("-96^77", BigInteger.valueOf(-96).pow(77).equals(BigInteger.valueOf(3).pow(77).shiftLeft(5 * 77).negate()));
        check("(2^40*7)^9", BigInteger.valueOf(7L << 40).pow(9).equals(BigInteger.valueOf(40353607).shiftLeft(360)));

        // Large powers, digests only.
        int[][] powers = {{3, 3000}, {-3, 1001}, {7, 1234}, {10, 2000}, {-10, 2001}, {65535, 300}, {1000000007, 150}};
        for (int[] p : powers) {
            BigInteger r = BigInteger.valueOf(p[0]).pow(p[1]);
            BigInteger expectedMod = BigInteger.valueOf(p[0]).modPow(BigInteger.valueOf(p[1]), P);
            check(p[0] + "^" + p[1] + " mod", r.mod(P).equals(expectedMod));
            System.out.println(p[0] + "^" + p[1] + ": " + digest(r));
        }
        BigInteger big = new BigInteger(32 * 16, rnd);
        BigInteger big5 = big.pow(5);
        check("big^5", big5.equals(big.multiply(big).multiply(big).multiply(big).multiply(big)));
        check("big^12", big.pow(12).equals(big5.multiply(big5).multiply(big.multiply(big))));
        System.out.println("big^5: " + digest(big5));
        System.out.println("7^(3^5): " + digest(BigInteger.valueOf(7).pow(BigInteger.valueOf(3).pow(5).intValueExact())));

        try {
            BigInteger.TEN.pow(-1);
        } catch (ArithmeticException e) {
            System.out.println("pow(-1): " + e.getMessage());
        }
        System.out.println("0^0 = " + BigInteger.ZERO.pow(0) + ", 0^5 = " + BigInteger.ZERO.pow(5) + ", (-1)^99 = " + BigInteger.ONE.negate().pow(99));
        System.out.println(failures == 0 ? "all squares and powers agree" : failures + " failures");
    }
}
