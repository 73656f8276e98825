import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Random;

// Random BigDecimal operands around the edges of the long range (where values fit a long or do
// not), with random scales, contexts and rounding modes, through every arithmetic, rounding,
// comparison and conversion method. Each case prints its operands and a hash of all results;
// results that are themselves short are printed in full for the first cases.
public class Main {
    static Random rnd = new Random(20240615);
    static StringBuilder out = new StringBuilder();
    static int caseHash;
    static boolean verbose;

    interface Op { Object run(); }
    static void p(String what, Op op) {
        String r;
        try {
            Object o = op.run();
            if (o instanceof BigDecimal) {
                BigDecimal d = (BigDecimal) o;
                r = d + " " + d.scale() + " " + d.precision() + " " + d.hashCode() + " " + d.unscaledValue();
            } else if (o instanceof Object[]) {
                r = Arrays.toString((Object[]) o);
            } else {
                r = String.valueOf(o);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            r = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        caseHash = caseHash * 31 + (what + " = " + r).hashCode();
        if (verbose) {
            out.append("  ").append(what).append(" = ").append(r).append('\n');
        }
    }

    static long[] LONGS = {0, 1, -1, 2, 5, 9, 10, -10, 99, 100, 12345, 999999999999999999L, 1000000000000000000L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 3037000499L, 3037000500L, 4611686018427387904L,
        922337203685477580L, 922337203685477581L, -922337203685477581L, 2147483647L, 2147483648L, 5000000000000000000L};

    static BigDecimal rand() {
        int k = rnd.nextInt(10);
        int scale = rnd.nextInt(8) == 0 ? rnd.nextInt(60) - 30 : rnd.nextInt(12) - 3;
        switch (k) {
            case 0: case 1: case 2:
                return BigDecimal.valueOf(LONGS[rnd.nextInt(LONGS.length)], scale);
            case 3:
                return new BigDecimal(new BigInteger(rnd.nextInt(200) + 1, rnd).multiply(BigInteger.valueOf(rnd.nextBoolean() ? 1 : -1)), scale);
            case 4:
                return new BigDecimal(BigInteger.valueOf(LONGS[rnd.nextInt(LONGS.length)]).add(BigInteger.valueOf(rnd.nextInt(5) - 2)), scale);
            case 5: {
                double d = rnd.nextDouble() * StrictMath.pow(10, rnd.nextInt(40) - 20) * (rnd.nextBoolean() ? 1 : -1);
                return rnd.nextBoolean() ? new BigDecimal(d) : BigDecimal.valueOf(d);
            }
            case 6:
                return BigDecimal.valueOf(rnd.nextInt(2001) - 1000, scale);
            case 7: {
                StringBuilder sb = new StringBuilder();
                if (rnd.nextBoolean()) sb.append('-');
                int n = rnd.nextInt(30) + 1;
                for (int i = 0; i < n; i++) sb.append((char) ('0' + (rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(10))));
                if (rnd.nextBoolean()) sb.insert(sb.length() - rnd.nextInt(n), '.');
                if (rnd.nextInt(3) == 0) sb.append('E').append(rnd.nextInt(41) - 20);
                String s = sb.toString();
                if (s.startsWith("-.") || s.startsWith(".")) s = s.replace(".", "0.");
                try { return new BigDecimal(s); } catch (NumberFormatException e) { return BigDecimal.ONE; }
            }
            default:
                return BigDecimal.valueOf(rnd.nextLong() >> rnd.nextInt(64), scale);
        }
    }

    public static void main(String[] args) {
        // 300 cases are drawn; the first 80 run, and of the others those that reached code the
        // first 80 do not (when this was written): zero operands, ties under HALF_DOWN, a
        // rounded quotient or root that gains a digit, Knuth's rare add-back step, and more.
        int n = 300;
        int first = 80;
        int[] later = {87, 92, 105, 112, 115, 120, 182, 194, 196, 266, 296};
        RoundingMode[] modes = RoundingMode.values();
        MathContext[] mcs = {MathContext.DECIMAL32, MathContext.DECIMAL64, MathContext.DECIMAL128, MathContext.UNLIMITED,
            new MathContext(1, RoundingMode.HALF_UP), new MathContext(3, RoundingMode.DOWN), new MathContext(19, RoundingMode.HALF_EVEN),
            new MathContext(18, RoundingMode.CEILING), new MathContext(50, RoundingMode.FLOOR), new MathContext(5, RoundingMode.UNNECESSARY)};
        for (int i = 0; i < n; i++) {
            BigDecimal a = rand(), b = rand();
            RoundingMode m = modes[rnd.nextInt(modes.length)];
            MathContext mc = mcs[rnd.nextInt(mcs.length)];
            int sc = rnd.nextInt(40) - 10;
            int e = rnd.nextInt(12);
            if (i >= first && Arrays.binarySearch(later, i) < 0) {
                continue;
            }
            caseHash = 0;
            verbose = i < 12;
            out.append("# ").append(i).append(": ").append(a).append(" , ").append(b).append(" , ").append(m).append(" , ").append(mc).append(" , ").append(sc).append('\n');
            p("a", () -> a);
            p("b", () -> b);
            p("add", () -> a.add(b));
            p("sub", () -> a.subtract(b));
            p("mul", () -> a.multiply(b));
            p("addmc", () -> a.add(b, mc));
            p("submc", () -> a.subtract(b, mc));
            p("mulmc", () -> a.multiply(b, mc));
            p("divsm", () -> a.divide(b, sc, m));
            p("divm", () -> a.divide(b, m));
            p("divmc", () -> a.divide(b, mc));
            if (a.precision() < 60 && b.precision() < 60) p("div", () -> a.divide(b));
            p("rem", () -> a.remainder(b));
            p("dti", () -> a.divideToIntegralValue(b));
            p("dar", () -> a.divideAndRemainder(b));
            p("setScale", () -> a.setScale(sc, m));
            p("setScale1", () -> a.setScale(sc));
            p("round", () -> a.round(mc));
            p("strip", () -> a.stripTrailingZeros());
            p("cmp", () -> a.compareTo(b));
            p("eq", () -> a.equals(b) + " " + a.equals(a.add(BigDecimal.ZERO)) + " " + a.equals(new BigDecimal(a.unscaledValue(), a.scale())));
            p("minmax", () -> a.min(b) + " " + a.max(b));
            p("strs", () -> a.toString() + " " + a.toPlainString() + " " + a.toEngineeringString());
            p("nums", () -> a.longValue() + " " + a.intValue() + " " + a.doubleValue() + " " + a.floatValue() + " " + a.shortValue() + " " + a.byteValue());
            p("exact", () -> a.longValueExact());
            p("exacti", () -> a.intValueExact());
            p("toBI", () -> a.toBigInteger());
            p("toBIE", () -> a.toBigIntegerExact());
            p("move", () -> a.movePointLeft(sc) + " " + a.movePointRight(sc) + " " + a.scaleByPowerOfTen(sc));
            p("neg", () -> a.negate() + " " + a.abs() + " " + a.plus() + " " + a.signum() + " " + a.ulp());
            p("negmc", () -> a.negate(mc) + " " + a.abs(mc) + " " + a.plus(mc));
            p("pow", () -> a.pow(e));
            p("powmc", () -> a.pow(e - 4, mc));
            if (mc.getPrecision() > 0 && mc.getPrecision() < 60) p("sqrt", () -> a.abs().sqrt(mc));
            p("cmpself", () -> a.compareTo(a.setScale(a.scale() + 3)) + " " + a.equals(a.setScale(a.scale() + 3)) + " " + a.setScale(a.scale() + 3).hashCode());
            p("ctor", () -> new BigDecimal(a.toString()) + " " + new BigDecimal(a.toPlainString(), mc) + " " + new BigDecimal(a.unscaledValue(), a.scale(), mc)
                    + " " + new BigDecimal(a.longValue(), mc) + " " + new BigDecimal(a.doubleValue(), mc) + " " + new BigDecimal((int) a.longValue(), mc));
            out.append("  hash ").append(Integer.toHexString(caseHash)).append('\n');
        }
        System.out.print(out);
    }
}
