import java.math.BigInteger;
import java.util.Random;

// Division and remainder by one word, by Knuth's algorithm D, and by Burnikel-Ziegler recursive
// division (divisors of 80 words and more with quotients of 40 words and more): every quotient
// and remainder checked by n = q*d + r with |r| < |d| and the signs Java specifies, plus divide,
// remainder and mod (dividends of up to 160 words), exact quotients, and the exceptions.
public class Main {
    static int failures = 0;

    static void check(String what, boolean ok) {
        if (!ok) {
            failures++;
            System.out.println("FAILED: " + what);
        }
    }

    static String digest(BigInteger x) {
        return x.signum() + "/" + x.bitLength() + "/" + x.hashCode();
    }

    static BigInteger random(Random rnd, int nwords) {
        BigInteger x;
        switch (rnd.nextInt(5)) {
            case 0:
                x = BigInteger.ONE.shiftLeft(32 * nwords).subtract(BigInteger.ONE);
                break;
            case 1:
                x = BigInteger.ONE.shiftLeft(32 * nwords - 1).add(BigInteger.valueOf(rnd.nextInt(1000)));
                break;
            case 2: // top word small: needs the most normalization
                x = BigInteger.ONE.shiftLeft(32 * nwords - 32).multiply(BigInteger.valueOf(3)).add(new BigInteger(32 * nwords - 40, rnd));
                break;
            default:
                x = new BigInteger(32 * nwords, rnd).setBit(32 * nwords - 1 - rnd.nextInt(31));
        }
        return rnd.nextBoolean() ? x.negate() : x;
    }

    // Checks n = qd + r with |r| < |d| and the sign Java specifies; for dividends of up to 160
    // words also divide, remainder and mod, each another division.
    static BigInteger[] divide(String what, BigInteger n, BigInteger d) {
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        check(what + " n = qd + r", q.multiply(d).add(r).equals(n));
        check(what + " |r| < |d|", r.abs().compareTo(d.abs()) < 0);
        check(what + " sign of r", r.signum() == 0 || r.signum() == n.signum());
        if (n.bitLength() <= 32 * 160) {
            check(what + " divide", n.divide(d).equals(q));
            check(what + " remainder", n.remainder(d).equals(r));
            BigInteger m = n.mod(d.abs());
            check(what + " mod", m.signum() >= 0 && m.compareTo(d.abs()) < 0 && m.subtract(r).mod(d.abs()).signum() == 0);
        }
        System.out.println(what + ": q " + digest(q) + " r " + digest(r));
        return qr;
    }

    public static void main(String[] args) {
        Random rnd = new Random(31337);
        // Knuth's algorithm D below 80 divisor words; Burnikel-Ziegler from there, recursing
        // once (80 to 159 divisor words) or twice (160 to 319); several blocks at 300/81.
        int[][] shapes = {
            {1, 1}, {2, 1}, {5, 1}, {3, 2}, {10, 3}, {50, 49}, {100, 2}, {150, 79}, {160, 80}, {120, 80},
            {121, 81}, {300, 81}, {400, 160},
        };
        for (int[] s : shapes) {
            BigInteger n = random(rnd, s[0]);
            BigInteger d = random(rnd, s[1]);
            divide(s[0] + "/" + s[1], n, d);
        }
        // Random bits, deeper: three levels at 720/480, whose recursion multiplies 240-word
        // halves by Toom-Cook 3, and four at 700/660.
        for (int[] s : new int[][] {{720, 480}, {700, 660}}) {
            BigInteger n = new BigInteger(32 * s[0], rnd).setBit(32 * s[0] - 1);
            BigInteger d = new BigInteger(32 * s[1], rnd).setBit(32 * s[1] - 1);
            divide(s[0] + "/" + s[1] + " random bits", rnd.nextBoolean() ? n : n.negate(), d);
        }
        // Powers of two plus a little: a block's top half equals the divisor's, so
        // Burnikel-Ziegler's quotient estimate is all ones.
        divide("(2^12799+12345)/(2^5119+678)", BigInteger.ONE.shiftLeft(12799).add(BigInteger.valueOf(12345)),
                BigInteger.ONE.shiftLeft(5119).add(BigInteger.valueOf(678)));
        // The top word of a partial remainder equal to the divisor's: Knuth's quotient digit
        // estimate is capped at 2^32 - 1.
        divide("capped digit", new BigInteger("80000000fffffffe000000000000000000000005", 16),
                new BigInteger("80000000ffffffffffffffff", 16));
        // Exact quotients, and remainders one below the divisor.
        for (int[] s : new int[][] {{90, 80}, {200, 160}}) {
            BigInteger a = random(rnd, s[0] - s[1]);
            BigInteger d = random(rnd, s[1]);
            BigInteger n = a.multiply(d);
            BigInteger[] qr = n.divideAndRemainder(d);
            check("exact " + s[0], qr[0].equals(a) && qr[1].signum() == 0);
            BigInteger n2 = n.add(d.abs().subtract(BigInteger.ONE).multiply(BigInteger.valueOf(n.signum())));
            qr = divide("near " + s[0] + "/" + s[1], n2, d);
            check("remainder d-1 " + s[0], qr[0].equals(a) && qr[1].abs().equals(d.abs().subtract(BigInteger.ONE)));
        }
        // 10^k / 7 and other recognizable quotients.
        BigInteger tenK = BigInteger.TEN.pow(900);
        String sevens = tenK.divide(BigInteger.valueOf(7)).toString();
        check("10^900/7 digits", sevens.startsWith("142857142857") && sevens.length() == 900);
        BigInteger tenK2 = BigInteger.TEN.pow(2400);
        BigInteger tenK3 = BigInteger.TEN.pow(800);
        BigInteger ratio = tenK2.subtract(BigInteger.ONE).divide(tenK3.subtract(BigInteger.ONE));
        check("(10^2400-1)/(10^800-1)", ratio.equals(tenK3.multiply(tenK3).add(tenK3).add(BigInteger.ONE)));
        divide("10^2400/3^1700", tenK2, BigInteger.valueOf(3).pow(1700));
        divide("-(2^8000)/(2^3000+1)", BigInteger.ONE.shiftLeft(8000).negate(), BigInteger.ONE.shiftLeft(3000).add(BigInteger.ONE));

        // One word, both signs.
        long[] small = {1, -1, 2, 3, 7, -10, 0x7fffffffL, 0x80000000L, 0xffffffffL, -0xffffffffL, 0x100000001L, Long.MAX_VALUE};
        BigInteger n = BigInteger.valueOf(3).pow(500).negate();
        for (long v : small) {
            BigInteger d = BigInteger.valueOf(v);
            divide("3^500/" + v, n, d);
            divide("small 1000003/" + v, BigInteger.valueOf(1000003), d);
        }
        for (long a : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -7, 7, 0}) {
            for (long b : new long[] {-1, 2, -3, Long.MAX_VALUE, Long.MIN_VALUE}) {
                BigInteger[] qr = BigInteger.valueOf(a).divideAndRemainder(BigInteger.valueOf(b));
                System.out.println(a + " / " + b + " = " + qr[0] + " rem " + qr[1] + ", mod " + BigInteger.valueOf(a).mod(BigInteger.valueOf(b).abs()));
            }
        }
        try {
            BigInteger.TEN.divide(BigInteger.ZERO);
        } catch (ArithmeticException e) {
            System.out.println("divide by zero: " + e.getMessage());
        }
        try {
            BigInteger.TEN.remainder(BigInteger.ZERO);
        } catch (ArithmeticException e) {
            System.out.println("remainder by zero: " + e.getMessage());
        }
        try {
            BigInteger.TEN.mod(BigInteger.valueOf(-3));
        } catch (ArithmeticException e) {
            System.out.println("mod by negative: " + e.getMessage());
        }
        System.out.println(failures == 0 ? "all divisions agree" : failures + " failures");
    }
}
