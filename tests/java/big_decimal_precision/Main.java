import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

// BigDecimal at high precision, where every unscaled value is a long BigInteger: e, sqrt(2),
// pi (Machin's formula) and the golden ratio to 150 digits through divide, sqrt and pow with
// MathContext, checked against one another and printed as digests; then long plain strings,
// scientific notation with large exponents, and parsing of long decimal strings.
public class Main {
    static final int DIGITS = 150;
    static final MathContext MC = new MathContext(DIGITS + 10, RoundingMode.HALF_EVEN);

    static String digest(BigDecimal d) {
        String s = d.toPlainString();
        int n = s.length();
        return "len=" + n + " hash=" + s.hashCode() + " " + s.substring(0, 30) + ".." + s.substring(n - 15)
                + " p" + d.precision() + " s" + d.scale();
    }

    static BigDecimal e() {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; term.compareTo(BigDecimal.ONE.movePointLeft(DIGITS + 5)) > 0; k++) {
            term = term.divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }

    // arctan(1/x) = sum (-1)^k / ((2k+1) x^(2k+1))
    static BigDecimal arctanInverse(int x) {
        BigDecimal xx = BigDecimal.valueOf((long) x * x);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(x), MC);
        BigDecimal sum = power;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(DIGITS + 5);
        for (int k = 1; power.compareTo(eps) > 0; k++) {
            power = power.divide(xx, MC);
            BigDecimal term = power.divide(BigDecimal.valueOf(2 * k + 1), MC);
            sum = (k % 2 == 1) ? sum.subtract(term, MC) : sum.add(term, MC);
        }
        return sum;
    }

    public static void main(String[] args) {
        MathContext out = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
        BigDecimal e = e().round(out);
        System.out.println("e: " + digest(e));
        BigDecimal pi = arctanInverse(5).multiply(BigDecimal.valueOf(16)).subtract(arctanInverse(239).multiply(BigDecimal.valueOf(4))).round(out);
        System.out.println("pi: " + digest(pi));
        BigDecimal sqrt2 = BigDecimal.valueOf(2).sqrt(out);
        System.out.println("sqrt2: " + digest(sqrt2));
        BigDecimal sq = sqrt2.multiply(sqrt2);
        System.out.println("sqrt2^2 - 2: " + sq.subtract(BigDecimal.valueOf(2)).round(new MathContext(5)) + " precision " + sq.precision());
        BigDecimal phi = BigDecimal.ONE.add(BigDecimal.valueOf(5).sqrt(MC)).divide(BigDecimal.valueOf(2), out);
        System.out.println("phi: " + digest(phi));
        System.out.println("phi^2 - phi - 1: " + phi.multiply(phi).subtract(phi).subtract(BigDecimal.ONE).round(new MathContext(3)));
        BigDecimal inv = BigDecimal.ONE.divide(pi, out);
        System.out.println("1/pi: " + digest(inv));
        System.out.println("-e (3 digits, rounding up): " + e.negate().round(new MathContext(3, RoundingMode.UP)));
        System.out.println("pi * (1/pi): " + pi.multiply(inv).round(new MathContext(DIGITS - 2)).stripTrailingZeros());
        System.out.println("e^7 (pow): " + digest(e.pow(7, out)));
        System.out.println("e^-3 (pow): " + digest(e.pow(-3, out)));
        System.out.println("pi^12 exact: " + digest(pi.pow(12)));
        BigDecimal pi40 = pi.pow(40); // 6000 digits, too long to print cheaply
        System.out.println("pi^40 exact: p" + pi40.precision() + " s" + pi40.scale() + " hash=" + pi40.hashCode()
                + " " + pi40.round(new MathContext(30, RoundingMode.FLOOR)));
        System.out.println("pi setScale 600: " + digest(pi.setScale(600, RoundingMode.DOWN)) + " vs " + digest(pi.round(new MathContext(601, RoundingMode.DOWN))));
        System.out.println("pi remainder 1/7: " + digest(pi.remainder(BigDecimal.ONE.divide(BigDecimal.valueOf(7), out))));

        // Exact division with a terminating expansion, and a non-terminating one.
        BigDecimal twoPow = BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(700));
        System.out.println("2^-700: " + digest(twoPow) + " " + twoPow.toString().substring(0, 25) + " " + twoPow.toString().substring(twoPow.toString().length() - 8));
        try {
            BigDecimal.ONE.divide(BigDecimal.valueOf(3).pow(50));
        } catch (ArithmeticException ex) {
            System.out.println("1/3^50: " + ex.getMessage());
        }

        // Long strings, large exponents, stripTrailingZeros of a long run of zeros.
        BigDecimal big = new BigDecimal(pi.unscaledValue().toString() + "E-250");
        System.out.println("parsed: " + big.precision() + " " + big.scale() + " " + big.hashCode() + " " + big.toString().substring(0, 20) + " " + big.toEngineeringString().substring(0, 20));
        BigDecimal tens = new BigDecimal(BigInteger.TEN.pow(900).multiply(BigInteger.valueOf(12345)), 300);
        BigDecimal stripped = tens.stripTrailingZeros();
        System.out.println("stripped: " + stripped + " " + stripped.scale() + " " + stripped.precision() + " eng " + stripped.toEngineeringString());
        BigDecimal huge = new BigDecimal("-9.87654321E+999999999");
        System.out.println(huge + " " + huge.precision() + " " + huge.scale() + " " + huge.multiply(huge, MathContext.DECIMAL32) + " " + huge.negate().toEngineeringString());
        BigDecimal tiny = new BigDecimal("1.5E-999999999");
        System.out.println(tiny + " " + tiny.add(tiny) + " " + tiny.divide(BigDecimal.valueOf(3), MathContext.DECIMAL64));
        System.out.println(pi.compareTo(e) + " " + e.compareTo(pi) + " " + pi.max(e).equals(pi) + " " + pi.negate().min(e).signum()
                + " " + pi.toBigInteger() + " " + e.movePointRight(20).toBigInteger() + " " + pi.doubleValue() + " " + e.floatValue());
    }
}
