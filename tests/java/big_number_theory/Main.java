import java.math.BigInteger;
import java.util.Random;

// sqrt and sqrtAndRemainder (s^2 <= n < (s+1)^2), modPow (against a plain square-and-multiply
// loop, with negative exponents), modInverse (a * a^-1 = 1 mod m), gcd (it divides both, and the
// cofactors are coprime), from one word to thousands of bits, with the exceptions.
public class Main {
    static int failures = 0;

    static void check(String what, boolean ok) {
        if (!ok) {
            failures++;
            System.out.println("FAILED: " + what);
        }
    }

    static BigInteger plainModPow(BigInteger b, BigInteger e, BigInteger m) {
        BigInteger r = BigInteger.ONE;
        BigInteger base = b.mod(m);
        for (int i = 0; i < e.bitLength(); i++) {
            if (e.testBit(i)) {
                r = r.multiply(base).mod(m);
            }
            base = base.multiply(base).mod(m);
        }
        return r.mod(m);
    }

    public static void main(String[] args) {
        Random rnd = new Random(99);
        // Square roots.
        // Newton's iteration divides by Burnikel-Ziegler from 5200 bits (a divisor of 82 words).
        int[] bits = {1, 2, 5, 31, 52, 53, 54, 63, 64, 65, 100, 106, 107, 200, 201, 640, 2560, 3001, 5200};
        for (int b : bits) {
            // A random number, a perfect square and one less (random only from 5200 bits).
            for (int k = 0; k < (b < 5200 ? 3 : 1); k++) {
                BigInteger n = new BigInteger(b, rnd).setBit(b - 1);
                if (k == 1) {
                    BigInteger s = new BigInteger((b + 1) / 2, rnd).setBit((b - 1) / 2);
                    n = s.multiply(s); // a perfect square
                } else if (k == 2) {
                    BigInteger s = new BigInteger((b + 1) / 2, rnd).setBit((b - 1) / 2);
                    n = s.multiply(s).subtract(BigInteger.ONE).max(BigInteger.ONE);
                }
                BigInteger[] sr = n.sqrtAndRemainder();
                BigInteger s = sr[0];
                if (b <= 640) {
                    check("sqrt " + b, s.equals(n.sqrt()));
                }
                check("sqrt low " + b, s.multiply(s).compareTo(n) <= 0);
                check("sqrt high " + b, s.add(BigInteger.ONE).pow(2).compareTo(n) > 0);
                check("sqrt rem " + b, sr[1].equals(n.subtract(s.multiply(s))));
                if (k == 0) {
                    System.out.println("sqrt of " + b + " bits: " + s.bitLength() + " " + s.hashCode() + " rem " + sr[1].hashCode());
                }
            }
        }
        System.out.println("sqrt(0) = " + BigInteger.ZERO.sqrt() + ", sqrt(1) = " + BigInteger.ONE.sqrt() + ", sqrt(99) = "
                + BigInteger.valueOf(99).sqrt() + ", sqrt(2^64) = " + BigInteger.ONE.shiftLeft(64).sqrt());
        System.out.println("sqrt(2 * 10^200) = " + BigInteger.TWO.multiply(BigInteger.TEN.pow(200)).sqrt());
        try {
            BigInteger.valueOf(-4).sqrt();
        } catch (ArithmeticException e) {
            System.out.println("sqrt(-4): " + e.getMessage());
        }

        // modPow.
        int[][] shapes = {{64, 64, 61}, {200, 100, 127}, {1024, 8, 1024}, {3000, 12, 800}, {50, 300, 9}};
        for (int[] s : shapes) {
            BigInteger b = new BigInteger(s[0], rnd);
            BigInteger e = new BigInteger(s[1], rnd);
            BigInteger m = new BigInteger(s[2], rnd).setBit(s[2] - 1);
            BigInteger r = b.modPow(e, m);
            check("modPow " + s[0], r.equals(plainModPow(b, e, m)));
            check("modPow neg base " + s[0], b.negate().modPow(e, m).equals(plainModPow(b.negate(), e, m)));
            System.out.println("modPow " + s[0] + "/" + s[1] + "/" + s[2] + ": " + r.bitLength() + " " + r.hashCode());
        }
        BigInteger p = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE); // a Mersenne prime
        BigInteger a = new BigInteger(120, rnd);
        check("Fermat", a.modPow(p.subtract(BigInteger.ONE), p).equals(BigInteger.ONE));
        check("negative exponent", a.modPow(BigInteger.valueOf(-5), p).multiply(a.pow(5)).mod(p).equals(BigInteger.ONE));
        System.out.println("3^-1 mod 7 = " + BigInteger.valueOf(3).modPow(BigInteger.valueOf(-1), BigInteger.valueOf(7))
                + ", 2^10 mod 1 = " + BigInteger.TWO.modPow(BigInteger.TEN, BigInteger.ONE)
                + ", 5^0 mod 3 = " + BigInteger.valueOf(5).modPow(BigInteger.ZERO, BigInteger.valueOf(3))
                + ", (-3)^3 mod 5 = " + BigInteger.valueOf(-3).modPow(BigInteger.valueOf(3), BigInteger.valueOf(5)));
        try {
            BigInteger.TWO.modPow(BigInteger.ONE, BigInteger.ZERO);
        } catch (ArithmeticException e) {
            System.out.println("modPow mod 0: " + e.getMessage());
        }
        try {
            BigInteger.TWO.modPow(BigInteger.valueOf(-1), BigInteger.valueOf(4));
        } catch (ArithmeticException e) {
            System.out.println("modPow 2^-1 mod 4: " + e.getMessage());
        }

        // modInverse.
        for (int b : new int[] {10, 64, 100, 521}) {
            BigInteger m = new BigInteger(b, rnd).setBit(b - 1).setBit(0);
            BigInteger x = new BigInteger(b + 20, rnd);
            if (!x.gcd(m).equals(BigInteger.ONE)) {
                x = x.add(BigInteger.ONE);
            }
            if (x.gcd(m).equals(BigInteger.ONE)) {
                BigInteger inv = x.modInverse(m);
                check("modInverse " + b, x.multiply(inv).mod(m).equals(BigInteger.ONE) && inv.signum() >= 0 && inv.compareTo(m) < 0);
                check("modInverse negative " + b, x.negate().modInverse(m).equals(m.subtract(inv).mod(m)));
                System.out.println("modInverse " + b + ": " + inv.bitLength() + " " + inv.hashCode());
            } else {
                System.out.println("modInverse " + b + ": not coprime");
            }
        }
        System.out.println("3^-1 mod 10 = " + BigInteger.valueOf(3).modInverse(BigInteger.TEN) + ", 7^-1 mod 1 = " + BigInteger.valueOf(7).modInverse(BigInteger.ONE));
        try {
            BigInteger.valueOf(6).modInverse(BigInteger.valueOf(9));
        } catch (ArithmeticException e) {
            System.out.println("6^-1 mod 9: " + e.getMessage());
        }
        try {
            BigInteger.valueOf(6).modInverse(BigInteger.valueOf(-9));
        } catch (ArithmeticException e) {
            System.out.println("6^-1 mod -9: " + e.getMessage());
        }

        // gcd.
        for (int b : new int[] {1, 31, 64, 65, 200, 400}) {
            BigInteger g = new BigInteger(b, rnd).setBit(0);
            BigInteger x = new BigInteger(2 * b + 7, rnd).multiply(g);
            BigInteger y = new BigInteger(b + 100, rnd).multiply(g).negate();
            BigInteger d = x.gcd(y);
            check("gcd divides " + b, x.mod(d).signum() == 0 && y.mod(d).signum() == 0);
            check("gcd maximal " + b, x.divide(d).gcd(y.divide(d)).equals(BigInteger.ONE));
            check("gcd multiple " + b, d.mod(g).signum() == 0);
            System.out.println("gcd " + b + ": " + d.bitLength() + " " + d.hashCode());
        }
        System.out.println("gcd(0, 0) = " + BigInteger.ZERO.gcd(BigInteger.ZERO) + ", gcd(0, -12) = " + BigInteger.ZERO.gcd(BigInteger.valueOf(-12))
                + ", gcd(2^100, 6^50) = " + BigInteger.ONE.shiftLeft(100).gcd(BigInteger.valueOf(6).pow(50))
                + ", gcd(F(300), F(301)) = " + fib(300).gcd(fib(301)) + ", gcd(F(300), F(200)) = " + fib(300).gcd(fib(200)));
        System.out.println(failures == 0 ? "all number theory agrees" : failures + " failures");
    }

    static BigInteger fib(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        return a;
    }
}
