import java.math.BigInteger;
import java.util.Random;

// Division and remainder by one word, by Knuth's algorithm D, and by Burnikel-Ziegler recursive
// division (divisors of 80 words and more with quotients of 40 words and more): every quotient
// and remainder checked by n = q*d + r with |r| < |d| and the signs Java specifies, plus mod,
// exact quotients, and the exceptions.
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

    static void divide(String what, BigInteger n, BigInteger d) {
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        check(what + " n = qd + r", q.multiply(d).add(r).equals(n));
        check(what + " |r| < |d|", r.abs().compareTo(d.abs()) < 0);
        check(what + " sign of r", r.signum() == 0 || r.signum() == n.signum());
        check(what + " divide", n.divide(d).equals(q));
        check(what + " remainder", n.remainder(d).equals(r));
        BigInteger m = n.mod(d.abs());
        check(what + " mod", m.signum() >= 0 && m.compareTo(d.abs()) < 0 && m.subtract(r).mod(d.abs()).signum() == 0);
        System.out.println(what + ": q " + digest(q) + " r " + digest(r));
    }

    public static void main(String[] args) {
        Random rnd = new Random(31337);
        int[][] shapes = {
            {1, 1}, {2, 1}, {5, 1}, {3, 2}, {10, 3}, {50, 49}, {100, 2}, {150, 79}, {160, 80}, {120, 80},
            {121, 81}, {200, 81}, {250, 100}, {400, 160}, {330, 165}, {600, 300}, {700, 90}, {1000, 500},
            {900, 850}, {1000, 200}, {1500, 127}, {1200, 600},
        };
        for (int[] s : shapes) {
            BigInteger n = random(rnd, s[0]);
            BigInteger d = random(rnd, s[1]);
            divide(s[0] + "/" + s[1], n, d);
        }
        // Exact quotients, and remainders one below the divisor.
        for (int[] s : new int[][] {{90, 80}, {200, 160}, {500, 250}, {1200, 700}}) {
            BigInteger a = random(rnd, s[0] - s[1]);
            BigInteger d = random(rnd, s[1]);
            BigInteger n = a.multiply(d);
            BigInteger[] qr = n.divideAndRemainder(d);
            check("exact " + s[0], qr[0].equals(a) && qr[1].signum() == 0);
            BigInteger n2 = n.add(d.abs().subtract(BigInteger.ONE).multiply(BigInteger.valueOf(n.signum())));
            qr = n2.divideAndRemainder(d);
            check("remainder d-1 " + s[0], qr[0].equals(a) && qr[1].abs().equals(d.abs().subtract(BigInteger.ONE)));
            divide("near " + s[0] + "/" + s[1], n2, d);
        }
        // 10^k / 7 and other recognizable quotients.
        BigInteger tenK = BigInteger.TEN.pow(9000);
        BigInteger sevens = tenK.divide(BigInteger.valueOf(7));
        check("10^9000/7 digits", sevens.toString().startsWith("142857142857") && sevens.toString().length() == 9000);
        BigInteger nines = tenK.subtract(BigInteger.ONE);
        BigInteger ratio = nines.divide(BigInteger.TEN.pow(3000).subtract(BigInteger.ONE));
        check("(10^9000-1)/(10^3000-1)", ratio.equals(BigInteger.TEN.pow(6000).add(BigInteger.TEN.pow(3000)).add(BigInteger.ONE)));
        divide("10^9000/3^5000", tenK, BigInteger.valueOf(3).pow(5000));
        divide("-(2^30000)/(2^12000+1)", BigInteger.ONE.shiftLeft(30000).negate(), BigInteger.ONE.shiftLeft(12000).add(BigInteger.ONE));

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
