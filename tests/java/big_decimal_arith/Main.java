import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

// BigDecimal arithmetic on values that fit a long (the JDK keeps those compact) and on values
// that do not, and across the boundary (overflowing sums, products and rescalings): add,
// subtract, multiply, divide with scales, rounding modes and contexts, setScale, round,
// precision, comparison, equals and hashCode, and the three string forms.
public class Main {
    static final RoundingMode[] MODES = RoundingMode.values();

    static String show(BigDecimal d) {
        return d + " [" + d.unscaledValue() + " e" + d.scale() + " p" + d.precision() + " h" + d.hashCode() + "]";
    }

    public static void main(String[] args) {
        String[] values = {
            "0", "1", "-1", "0.1", "-0.25", "3.14159", "100", "1E+3", "12345678901234567", "-9223372036854775808",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "0.000001", "1.000", "-2.50",
            "123456789012345678901234567890.123456789", "4.2E-10", "-7E+20", "999999999999999999", "0.5", "2.5",
        };
        BigDecimal[] ds = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            ds[i] = new BigDecimal(values[i]);
            System.out.println(values[i] + " -> " + show(ds[i]) + " plain " + ds[i].toPlainString() + " eng " + ds[i].toEngineeringString());
        }
        for (int i = 0; i < ds.length; i++) {
            for (int j = 0; j < ds.length; j += 3) {
                BigDecimal a = ds[i];
                BigDecimal b = ds[j];
                StringBuilder line = new StringBuilder(values[i] + " , " + values[j] + ": ");
                line.append(a.add(b)).append(" | ").append(a.subtract(b)).append(" | ").append(a.multiply(b));
                line.append(" | cmp ").append(a.compareTo(b)).append(" eq ").append(a.equals(b));
                if (b.signum() != 0) {
                    line.append(" | ").append(a.divide(b, 10, RoundingMode.HALF_EVEN));
                    line.append(" | ").append(a.divide(b, MathContext.DECIMAL64));
                    line.append(" | ").append(a.remainder(b));
                    line.append(" | ").append(a.divideToIntegralValue(b));
                    try {
                        line.append(" | ").append(a.divide(b));
                    } catch (ArithmeticException e) {
                        line.append(" | ").append(e.getMessage());
                    }
                }
                System.out.println(line);
            }
        }

        // Overflow of the long range through arithmetic.
        BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
        BigDecimal min = BigDecimal.valueOf(Long.MIN_VALUE);
        System.out.println(show(max.add(BigDecimal.ONE)) + " " + show(min.subtract(BigDecimal.ONE)) + " " + show(min.negate()) + " " + show(min.abs()));
        System.out.println(show(max.multiply(max)) + " " + show(min.multiply(BigDecimal.valueOf(-1))) + " " + show(max.add(max.negate())));
        System.out.println(show(BigDecimal.valueOf(Long.MAX_VALUE, 5).setScale(10)) + " " + show(BigDecimal.valueOf(3037000500L).multiply(BigDecimal.valueOf(3037000500L))));
        System.out.println(show(BigDecimal.valueOf(1, -18).add(BigDecimal.valueOf(1, 2))) + " " + show(BigDecimal.valueOf(922337203685477580L, 1).add(BigDecimal.valueOf(8, 1))));
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal prod = BigDecimal.ONE;
        for (int i = 1; i <= 40; i++) {
            sum = sum.add(BigDecimal.valueOf(i * 1234567L, i % 7));
            prod = prod.multiply(BigDecimal.valueOf(i, 1));
            if (i % 8 == 0) {
                System.out.println(i + ": sum " + show(sum) + " prod " + show(prod));
            }
        }
        System.out.println("back: " + show(prod.divide(BigDecimal.valueOf(40, 1)).divide(BigDecimal.valueOf(39, 1))));

        // Rounding modes on ties, near ties and negatives.
        String[] rounds = {"5.5", "2.5", "1.6", "1.1", "1.0", "-1.0", "-1.1", "-1.6", "-2.5", "-5.5", "0.05", "12345.6789",
            "-9223372036854775808.5", "99999999999999999999.5"};
        for (String r : rounds) {
            BigDecimal d = new BigDecimal(r);
            StringBuilder line = new StringBuilder(r + ":");
            for (RoundingMode m : MODES) {
                try {
                    line.append(' ').append(d.setScale(0, m));
                } catch (ArithmeticException e) {
                    line.append(" (").append(e.getMessage()).append(')');
                }
            }
            line.append(" | round3");
            for (RoundingMode m : MODES) {
                if (m != RoundingMode.UNNECESSARY) {
                    line.append(' ').append(d.round(new MathContext(3, m)));
                }
            }
            System.out.println(line);
        }

        // Divisions with every mode and several scales.
        BigDecimal[][] pairs = {
            {new BigDecimal("1"), new BigDecimal("3")}, {new BigDecimal("-2"), new BigDecimal("3")},
            {new BigDecimal("10"), new BigDecimal("4")}, {new BigDecimal("-7.5"), new BigDecimal("2")},
            {new BigDecimal("123456789.987654321"), new BigDecimal("-0.0007")},
            {new BigDecimal("9223372036854775807"), new BigDecimal("0.3")},
        };
        for (BigDecimal[] p : pairs) {
            StringBuilder line = new StringBuilder(p[0] + "/" + p[1] + ":");
            for (RoundingMode m : MODES) {
                for (int scale : new int[] {0, 3, 25}) {
                    try {
                        line.append(' ').append(p[0].divide(p[1], scale, m));
                    } catch (ArithmeticException e) {
                        line.append(" (").append(e.getMessage()).append(')');
                    }
                }
            }
            for (int prec : new int[] {1, 5, 16, 34, 50}) {
                line.append(" p").append(prec).append('=').append(p[0].divide(p[1], new MathContext(prec, RoundingMode.HALF_UP)));
            }
            System.out.println(line);
        }

        // Arithmetic with contexts.
        MathContext[] contexts = {MathContext.DECIMAL32, MathContext.DECIMAL64, MathContext.DECIMAL128, new MathContext(2, RoundingMode.DOWN), MathContext.UNLIMITED};
        BigDecimal x = new BigDecimal("98765.4321");
        BigDecimal y = new BigDecimal("-0.000123456789");
        for (MathContext mc : contexts) {
            System.out.println(mc + ": " + x.add(y, mc) + " " + x.subtract(y, mc) + " " + x.multiply(y, mc) + " " + x.divide(y, mc.getPrecision() == 0 ? MathContext.DECIMAL128 : mc)
                    + " " + x.pow(3, mc) + " " + x.negate(mc) + " " + x.plus(mc) + " " + y.abs(mc) + " " + x.sqrt(mc.getPrecision() == 0 ? MathContext.DECIMAL64 : mc));
        }

        // Scales, precision, stripping, comparisons, conversions.
        BigDecimal[] misc = {new BigDecimal("1.2300"), new BigDecimal("-0.000"), new BigDecimal("1E+5"), new BigDecimal("12300"), BigDecimal.valueOf(123, -2),
            new BigDecimal("0.00000012"), new BigDecimal("-123.456E-12"), BigDecimal.valueOf(Long.MIN_VALUE, 3)};
        for (BigDecimal d : misc) {
            System.out.println(show(d) + " strip " + show(d.stripTrailingZeros()) + " ulp " + d.ulp() + " signum " + d.signum()
                    + " mpl " + d.movePointLeft(3) + " mpr " + d.movePointRight(3) + " sbp " + d.scaleByPowerOfTen(-4)
                    + " int " + d.intValue() + " long " + d.longValue() + " double " + d.doubleValue() + " float " + d.floatValue()
                    + " toBI " + d.toBigInteger());
        }
        System.out.println(new BigDecimal("2.0").equals(new BigDecimal("2.00")) + " " + new BigDecimal("2.0").compareTo(new BigDecimal("2.00"))
                + " " + new BigDecimal("2.0").hashCode() + " " + new BigDecimal("2.00").hashCode() + " " + BigDecimal.valueOf(2.0).max(BigDecimal.valueOf(2)));
        System.out.println(new BigDecimal(0.1) + " " + BigDecimal.valueOf(0.1) + " " + new BigDecimal(1e300).precision() + " " + new BigDecimal(-1.5e-300).scale()
                + " " + new BigDecimal(123456789, MathContext.DECIMAL32) + " " + new BigDecimal(new BigInteger("123456789123456789123"), 4, new MathContext(5)));
        try {
            System.out.println(new BigDecimal("1.5").longValueExact());
        } catch (ArithmeticException e) {
            System.out.println("longValueExact: " + e.getMessage());
        }
        try {
            System.out.println(new BigDecimal("1E+19").longValueExact());
        } catch (ArithmeticException e) {
            System.out.println("longValueExact: " + e.getMessage());
        }
        System.out.println(new BigDecimal("-9223372036854775808.000").longValueExact() + " " + new BigDecimal("127.0").byteValueExact()
                + " " + new BigDecimal("1e2").intValueExact() + " " + new BigDecimal("1.00").toBigIntegerExact().signum());
    }
}
