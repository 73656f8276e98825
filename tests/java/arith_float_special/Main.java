public class Main {
    static double zero() { return 0.0; }

    public static void main(String[] args) {
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY, ninf = Double.NEGATIVE_INFINITY;
        double nz = -0.0, pz = 0.0;
        System.out.println(nan + " " + inf + " " + ninf + " " + nz + " " + pz);
        System.out.println(1.0 / zero() + " " + -1.0 / zero() + " " + 0.0 / zero() + " " + 1.0 / -zero());
        System.out.println(5 % 0.0 + " " + 5.5 % 2 + " " + -5.5 % 2 + " " + 5.5 % -2 + " " + inf % 2 + " " + 2 % inf);
        System.out.println(inf - inf + " " + inf * 0 + " " + inf + inf + " " + (inf + inf) + " " + inf * -1);
        System.out.println("nan==nan " + (nan == nan) + " nan!=nan " + (nan != nan) + " nan<1 " + (nan < 1) + " nan>1 " + (nan > 1)
                + " nan<=nan " + (nan <= nan) + " nan>=1 " + (nan >= 1));
        System.out.println("0.0==-0.0 " + (pz == nz) + " equals " + Double.valueOf(pz).equals(nz) + " compare " + Double.compare(pz, nz)
                + " " + Double.compare(nan, inf) + " " + Double.compare(nan, nan) + " " + Double.valueOf(nan).equals(nan));
        System.out.println(Double.isNaN(0.0 / zero()) + " " + Double.isInfinite(ninf) + " " + Double.isFinite(1e308 * 10) + " " + Double.isFinite(1e308));
        System.out.println(Math.min(pz, nz) + " " + Math.max(pz, nz) + " " + Math.min(nan, 1) + " " + Math.max(-inf, nan) + " " + Math.abs(nz));
        System.out.println(1 / nz + " " + nz * nz + " " + (nz + pz) + " " + (nz + nz) + " " + (pz - pz) + " " + -pz);
        float fn = Float.NaN, fi = Float.POSITIVE_INFINITY;
        System.out.println(fn + " " + fi + " " + -fi + " " + -0.0f + " " + (1f / 0f) + " " + (0f / 0f) + " " + (fn == fn));
        System.out.println(Float.compare(0.0f, -0.0f) + " " + Float.compare(fn, fi) + " " + Float.MAX_VALUE * 2 + " " + Float.MIN_VALUE / 2);
        System.out.println(Double.doubleToLongBits(nan) + " " + Long.toHexString(Double.doubleToLongBits(nz)) + " " + Long.toHexString(Double.doubleToLongBits(inf)));
        System.out.println(Float.floatToIntBits(fn) + " " + Integer.toHexString(Float.floatToIntBits(-0.0f)) + " " + Integer.toHexString(Float.floatToIntBits(1.5f)));
        System.out.println(Double.longBitsToDouble(0x7ff0000000000001L) + " " + Double.longBitsToDouble(0x3ff8000000000000L) + " " + Float.intBitsToFloat(0x40490fdb));
        long raw = Double.doubleToRawLongBits(Double.longBitsToDouble(0x7ff8000000000123L));
        System.out.println(Long.toHexString(raw) + " " + Long.toHexString(Double.doubleToLongBits(Double.longBitsToDouble(0x7ff8000000000123L))));
        double d = 0.1 + 0.2;
        System.out.println(d + " " + (d == 0.3) + " " + (0.1f + 0.2f) + " " + ((0.1f + 0.2f) == 0.3f));
        System.out.println(1e308 * 10 + " " + -1e308 * 10 + " " + 1e-320 + " " + 1e-320 / 1e10 + " " + Double.MIN_VALUE / 2);
        System.out.println(Double.MAX_VALUE + Double.MAX_VALUE + " " + (Double.MAX_VALUE + 1 == Double.MAX_VALUE));
        int cmp = 0;
        double[] samples = {nan, inf, ninf, nz, pz, 1, -1};
        for (double a : samples) {
            StringBuilder sb = new StringBuilder();
            for (double b : samples) {
                sb.append(a < b ? '<' : a > b ? '>' : a == b ? '=' : '?');
                cmp += Double.compare(a, b);
            }
            System.out.println(a + "\t" + sb);
        }
        System.out.println("compare sum " + cmp);
        System.out.println(Double.hashCode(nz) + " " + Double.hashCode(pz) + " " + Double.hashCode(nan) + " " + Double.hashCode(1.5) + " " + Float.hashCode(-0.0f) + " " + Float.hashCode(2.5f));
        System.out.println(Double.sum(1, 2) + " " + Double.max(nan, 1) + " " + Float.min(-0.0f, 0.0f));
        System.out.println(Math.sqrt(-1) + " " + Math.sqrt(nz) + " " + Math.sqrt(inf) + " " + Math.sqrt(2));
    }
}
