import java.math.BigInteger;
import java.util.Random;

// toString(radix) and new BigInteger(String, radix) from one word to thousands of digits (the
// recursive conversion splits numbers of more than 20 words at powers of the radix), in every
// radix: against a conversion by repeated division written here on int arrays, round trips,
// numbers whose digits are mostly zeros or mostly (radix - 1), and parsing edge cases.
public class Main {
    static int failures = 0;

    static void check(String what, boolean ok) {
        if (!ok) {
            failures++;
            System.out.println("FAILED: " + what);
        }
    }

    // The digits of |x| by repeated division of a little-endian word array by the largest power
    // of the radix below 2^31, each remainder giving that many digits.
    static String naive(BigInteger x, int radix) {
        if (x.signum() == 0) {
            return "0";
        }
        byte[] b = x.abs().toByteArray();
        int[] w = new int[(b.length + 3) / 4];
        for (int i = 0; i < b.length; i++) {
            w[i / 4] |= (b[b.length - 1 - i] & 0xff) << (8 * (i % 4));
        }
        int digits = 0;
        long power = 1;
        while (power * radix < (1L << 31)) {
            power *= radix;
            digits++;
        }
        int top = w.length - 1;
        StringBuilder sb = new StringBuilder();
        while (top >= 0) {
            long rem = 0;
            for (int i = top; i >= 0; i--) {
                long cur = (rem << 32) | (w[i] & 0xffffffffL);
                w[i] = (int) (cur / power);
                rem = cur % power;
            }
            while (top >= 0 && w[top] == 0) {
                top--;
            }
            for (int d = 0; d < digits && (top >= 0 || rem != 0); d++) {
                sb.append(Character.forDigit((int) (rem % radix), radix));
                rem /= radix;
            }
        }
        if (x.signum() < 0) {
            sb.append('-');
        }
        return sb.reverse().toString();
    }

    static String summary(String s) {
        int n = s.length();
        return "len=" + n + " hash=" + s.hashCode() + " " + (n <= 40 ? s : s.substring(0, 20) + ".." + s.substring(n - 20));
    }

    public static void main(String[] args) {
        Random rnd = new Random(2024);
        // Moderate sizes in every radix: the recursive conversion starts at 21 words (parsing at
        // 41 groups of digits, some 38 words); up to 3 words and at 21 against the naive
        // conversion, every size by a round trip and a hash of the digits.
        int[] words = {1, 2, 3, 20, 21, 41};
        for (int radix = 2; radix <= 36; radix++) {
            int hash = 0;
            for (int n : words) {
                BigInteger x = new BigInteger(32 * n, rnd);
                if (rnd.nextBoolean()) {
                    x = x.negate();
                }
                String s = x.toString(radix);
                hash = 31 * hash + s.hashCode();
                if (n <= 3 || n == 21) {
                    check("radix " + radix + " words " + n, s.equals(naive(x, radix)));
                }
                if (n <= 3) {
                    check("upper case radix " + radix, new BigInteger(s.toUpperCase(), radix).equals(x));
                }
                check("parse radix " + radix + " words " + n, new BigInteger(s, radix).equals(x));
            }
            System.out.println("radix " + radix + ": hash " + hash);
        }
        System.out.println("radix 2..36 agree with the naive conversion");

        // Powers of the radix and their neighbours: zeros and (radix - 1)s across every split.
        for (int radix : new int[] {10, 3, 7, 16, 36}) {
            for (int e : new int[] {9, 180, 181, 600}) {
                BigInteger p = BigInteger.valueOf(radix).pow(e);
                String s = p.toString(radix);
                String m = p.subtract(BigInteger.ONE).toString(radix);
                String q = p.add(BigInteger.ONE).toString(radix);
                check(radix + "^" + e, s.length() == e + 1 && s.charAt(0) == '1' && s.indexOf('1', 1) < 0);
                check(radix + "^" + e + "-1", m.length() == e && m.replace(Character.forDigit(radix - 1, radix), ' ').trim().isEmpty());
                check(radix + "^" + e + "+1", q.length() == e + 1 && q.charAt(e) == '1' && q.substring(1, e).replace('0', ' ').trim().isEmpty());
                check("parse " + radix + "^" + e, new BigInteger(s, radix).equals(p) && new BigInteger(m, radix).add(BigInteger.ONE).equals(p));
            }
        }
        // A number with long runs of zero digits in the middle.
        BigInteger sparse = BigInteger.TEN.pow(1000).add(BigInteger.TEN.pow(450).multiply(BigInteger.valueOf(42))).add(BigInteger.valueOf(7));
        String sp = sparse.toString();
        check("sparse digits", sp.length() == 1001 && sp.charAt(1000 - 450) == '2' && sp.charAt(1000 - 451) == '4' && sp.endsWith("0007"));
        System.out.println("sparse: " + summary(sp));

        // Large numbers: round trips and digests.
        // 3^4100 (204 words) prints by splitting at 10^1152 (120 words; Burnikel-Ziegler
        // division), and its 218 groups of 9 digits parse as 90 groups times 10^1152 (Karatsuba).
        BigInteger three = BigInteger.valueOf(3).pow(4100);
        String dec = three.toString();
        System.out.println("3^4100: " + summary(dec));
        check("3^4100 parse", new BigInteger(dec).equals(three));
        BigInteger big = new BigInteger(32 * 100, rnd).negate();
        for (int radix : new int[] {10, 2, 16, 36, 7}) {
            String s = big.toString(radix);
            check("big parse " + radix, new BigInteger(s, radix).equals(big));
            System.out.println("random 100 words, radix " + radix + ": " + summary(s));
        }
        check("hex", big.toString(16).equals("-" + naiveHex(big.negate())));
        // A long string with leading zeros and a plus sign.
        StringBuilder zeros = new StringBuilder("+");
        for (int i = 0; i < 3000; i++) {
            zeros.append('0');
        }
        zeros.append(dec, 0, 1000);
        BigInteger z = new BigInteger(zeros.toString());
        check("leading zeros", z.toString().equals(dec.substring(0, 1000)));
        System.out.println("leading zeros: " + z.bitLength() + " " + z.hashCode());

        // Small values.
        long[] small = {0, 1, -1, 9, 10, -10, 4294967295L, 4294967296L, -4294967296L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : small) {
            BigInteger b = BigInteger.valueOf(v);
            System.out.println(v + ": " + b + " " + b.toString(2) + " " + b.toString(7) + " " + b.toString(16) + " " + b.toString(36)
                    + " " + b.toString(99) + " " + b.toString(1));
            BigInteger bigger = b.shiftLeft(64).add(BigInteger.valueOf(5));
            System.out.println("  shifted: " + bigger + " " + bigger.toString(36));
        }

        // Parsing edge cases.
        String[] inputs = {"0", "-0", "+0", "0000", "-000123", "+42", "1_000", "12a", "--1", "+-1", "1-", "", "-", "+",
            " 1", "١٢٣", "ff", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"};
        for (String in : inputs) {
            for (int radix : new int[] {10, 16, 1, 37}) {
                try {
                    System.out.println("\"" + in + "\" radix " + radix + " -> " + new BigInteger(in, radix));
                } catch (NumberFormatException e) {
                    System.out.println("\"" + in + "\" radix " + radix + " -> NumberFormatException: " + e.getMessage());
                }
            }
        }
        // A bad digit deep in a long string is reported with its group.
        try {
            new BigInteger(dec.substring(0, 500) + "x" + dec.substring(500, 1000));
        } catch (NumberFormatException e) {
            System.out.println("bad digit: " + e.getMessage());
        }
        try {
            new BigInteger(dec.substring(0, 500) + "g" + dec.substring(500, 1000), 16);
        } catch (NumberFormatException e) {
            System.out.println("bad hex digit: " + e.getMessage());
        }
        System.out.println(failures == 0 ? "all conversions agree" : failures + " failures");
    }

    static String naiveHex(BigInteger x) {
        StringBuilder sb = new StringBuilder();
        for (int i = (x.bitLength() + 3) / 4 - 1; i >= 0; i--) {
            int d = 0;
            for (int b = 3; b >= 0; b--) {
                d = 2 * d + (x.testBit(4 * i + b) ? 1 : 0);
            }
            sb.append(Character.forDigit(d, 16));
        }
        return sb.toString();
    }
}
