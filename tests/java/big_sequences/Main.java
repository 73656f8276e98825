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

    public static void main(String[] args) {
        BigInteger running = BigInteger.ONE;
        for (int n = 1; n <= 2000; n++) {
            running = running.multiply(BigInteger.valueOf(n));
            if (n == 10 || n == 100 || n == 1000 || n == 2000) {
                check(n + "! tree", running.equals(product(1, n)));
                System.out.println(n + "!: " + digest(running) + " trailing zero bits " + running.getLowestSetBit());
            }
        }
        BigInteger f4000 = product(1, 4000);
        check("4000!/3999!", f4000.divide(product(1, 3999)).equals(BigInteger.valueOf(4000)));
        String s4000 = f4000.toString();
        int zeros = 0;
        while (s4000.charAt(s4000.length() - 1 - zeros) == '0') {
            zeros++;
        }
        System.out.println("4000!: " + digest(f4000) + " trailing zeros " + zeros);

        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int n = 0; n <= 10000; n++) {
            if (n == 100 || n == 1000 || n == 10000) {
                check("F(" + n + ")", fibPair(n)[0].equals(a));
                System.out.println("F(" + n + "): " + digest(a));
            }
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        BigInteger f = fibPair(50000)[0];
        System.out.println("F(50000): " + digest(f) + " mod 1000000007 = " + f.mod(BigInteger.valueOf(1000000007)));
        check("Cassini", fibPair(3001)[0].multiply(fibPair(2999)[0]).subtract(fibPair(3000)[0].pow(2)).equals(BigInteger.ONE));

        int n = 400;
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
        System.out.println("C(400,200): " + digest(row[200]));
        BigInteger catalan = row[200].divide(BigInteger.valueOf(201));
        System.out.println("Catalan(200): " + digest(catalan));

        System.out.println("2^30000: " + digest(BigInteger.TWO.pow(30000)));
        System.out.println("3^20000: " + digest(BigInteger.valueOf(3).pow(20000)));
        System.out.println("(-7)^3333: " + digest(BigInteger.valueOf(-7).pow(3333).negate()) + " sign " + BigInteger.valueOf(-7).pow(3333).signum());

        // Perfect powers: exact square roots and roots found by bisection.
        BigInteger base = BigInteger.valueOf(987654321).pow(100).add(BigInteger.valueOf(12345));
        BigInteger sq = base.multiply(base);
        check("sqrt of square", sq.sqrt().equals(base));
        check("sqrt below square", sq.subtract(BigInteger.ONE).sqrt().equals(base.subtract(BigInteger.ONE)));
        BigInteger root = BigInteger.valueOf(987654321).pow(20).add(BigInteger.valueOf(777));
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
