import java.math.BigInteger;

// Classic big-number computations, each done two ways that take different paths through the
// multiplication and division algorithms: n! by a running product and by a balanced product
// tree, Fibonacci numbers by iteration and by fast doubling, binomial coefficients by Pascal's
// rule and by factorial quotients, the digits of 2^n and 3^n, and perfect powers by exact roots.
public class Main {
    static int failures = 0;

    static void check(String what, boolean ok) {
        if (!ok) {
            failures++;
            System.out.println("FAILED: " + what);
        }
    }

    static BigInteger product(int lo, int hi) { // lo * (lo+1) * ... * hi
        if (hi - lo < 8) {
            BigInteger r = BigInteger.valueOf(lo);
            for (int i = lo + 1; i <= hi; i++) {
                r = r.multiply(BigInteger.valueOf(i));
            }
            return r;
        }
        int mid = (lo + hi) >>> 1;
        return product(lo, mid).multiply(product(mid + 1, hi));
    }

    // {F(n), F(n+1)}
    static BigInteger[] fibPair(int n) {
        if (n == 0) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
        }
        BigInteger[] p = fibPair(n / 2);
        BigInteger a = p[0];
        BigInteger b = p[1];
        BigInteger c = a.multiply(b.shiftLeft(1).subtract(a));
        BigInteger d = a.multiply(a).add(b.multiply(b));
        return (n % 2 == 0) ? new BigInteger[] {c, d} : new BigInteger[] {d, c.add(d)};
    }

    static int digitSum(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += s.charAt(i) - '0';
        }
        return sum;
    }

    static String digest(BigInteger x) {
        String s = x.toString();
        return "digits=" + s.length() + " sum=" + digitSum(s) + " head=" + s.substring(0, Math.min(15, s.length())) + " hash=" + x.hashCode();
    }

    // For numbers too long to print cheaply: length, hash and a residue.
    static String wide(BigInteger x) {
        return "bits=" + x.bitLength() + " hash=" + x.hashCode() + " mod 1000000007 = " + x.mod(BigInteger.valueOf(1000000007));
    }

    public static void main(String[] args) {
        BigInteger running = BigInteger.ONE;
        for (int n = 1; n <= 1000; n++) {
            running = running.multiply(BigInteger.valueOf(n));
            if (n == 10 || n == 100 || n == 1000) {
                check(n + "! tree", running.equals(product(1, n)));
                System.out.println(n + "!: " + (n < 1000 ? digest(running) : wide(running)) + " trailing zero bits " + running.getLowestSetBit());
            }
        }
        // 2000! = 1000! * (1001 * ... * 2000): 267 by 329 words, multiplied by Toom-Cook 3 and
        // divided back by Burnikel-Ziegler.
        BigInteger upper = product(1001, 2000);
        BigInteger f2000 = running.multiply(upper);
        check("2000!/(1001*...*2000)", f2000.divide(upper).equals(running));
        int zeros = 0; // by Legendre's formula: the factors 5 in 2000!
        for (int p = 5; p <= 2000; p *= 5) {
            zeros += 2000 / p;
        }
        BigInteger[] qr = f2000.divideAndRemainder(BigInteger.TEN.pow(zeros));
        check("2000! trailing zeros", qr[1].signum() == 0 && qr[0].mod(BigInteger.TEN).signum() != 0);
        System.out.println("2000!: " + wide(f2000) + " trailing zeros " + zeros);

        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int n = 0; n <= 1000; n++) {
            if (n == 100 || n == 1000) {
                check("F(" + n + ")", fibPair(n)[0].equals(a));
                System.out.println("F(" + n + "): " + digest(a));
            }
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        // Doubling squares and multiplies F(12000) (261 words) by Toom-Cook 3, and F(6000) (131
        // words) by Karatsuba.
        BigInteger f = fibPair(24000)[0];
        System.out.println("F(24000): " + wide(f));
        check("Cassini", fibPair(3001)[0].multiply(fibPair(2999)[0]).subtract(fibPair(3000)[0].pow(2)).equals(BigInteger.ONE));

        int n = 100;
        BigInteger[] row = {BigInteger.ONE};
        for (int i = 1; i <= n; i++) {
            BigInteger[] next = new BigInteger[i + 1];
            next[0] = BigInteger.ONE;
            next[i] = BigInteger.ONE;
            for (int k = 1; k < i; k++) {
                next[k] = row[k - 1].add(row[k]);
            }
            row = next;
        }
        BigInteger fn = product(1, n);
        BigInteger rowSum = BigInteger.ZERO;
        for (int k = 0; k <= n; k += 37) {
            BigInteger viaFactorials = k == 0 ? BigInteger.ONE : fn.divide(product(1, k).multiply(k == n ? BigInteger.ONE : product(1, n - k)));
            check("C(" + n + "," + k + ")", row[k].equals(viaFactorials));
        }
        for (BigInteger c : row) {
            rowSum = rowSum.add(c);
        }
        check("row sum", rowSum.equals(BigInteger.ONE.shiftLeft(n)));
        System.out.println("C(100,50): " + digest(row[50]));
        BigInteger catalan = row[50].divide(BigInteger.valueOf(51));
        System.out.println("Catalan(50): " + digest(catalan));

        System.out.println("2^3000: " + digest(BigInteger.TWO.pow(3000)));
        System.out.println("3^2000: " + digest(BigInteger.valueOf(3).pow(2000)));
        BigInteger minus7 = BigInteger.valueOf(-7).pow(777);
        System.out.println("(-7)^777: " + digest(minus7.negate()) + " sign " + minus7.signum());

        // Perfect powers: exact square roots and roots found by bisection.
        BigInteger base = BigInteger.valueOf(987654321).pow(60).add(BigInteger.valueOf(12345));
        BigInteger sq = base.multiply(base);
        check("sqrt of square", sq.sqrt().equals(base));
        check("sqrt below square", sq.subtract(BigInteger.ONE).sqrt().equals(base.subtract(BigInteger.ONE)));
        BigInteger root = BigInteger.valueOf(987654321).pow(6).add(BigInteger.valueOf(777));
        BigInteger cube = root.pow(3);
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = BigInteger.ONE.shiftLeft(cube.bitLength() / 3 + 1);
        while (lo.compareTo(hi) < 0) {
            BigInteger mid = lo.add(hi).add(BigInteger.ONE).shiftRight(1);
            if (mid.pow(3).compareTo(cube) <= 0) {
                lo = mid;
            } else {
                hi = mid.subtract(BigInteger.ONE);
            }
        }
        check("cube root", lo.equals(root));
        System.out.println("base: " + digest(base));
        System.out.println(failures == 0 ? "all sequences agree" : failures + " failures");
    }
}
