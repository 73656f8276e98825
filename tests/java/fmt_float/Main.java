public class Main {
    public static void main(String[] args) {
        double[] halves = {0.125, 0.375, 1.005, 2.675, 0.15, 0.25, 0.35, 0.45, 1.115, 2.5, 3.5, -0.125, -2.675, 0.005, 0.0049999, 9.995, 99.995, 1.45, 8.345, 1234.5};
        for (double d : halves) {
            System.out.println(d + ": " + String.format("%.2f %.1f %.0f %.3f %f", d, d, d, d, d));
        }
        System.out.println(String.format("%.2f %.2f %.1f %.0f %.0f %.0f", 0.125f, 0.375f, 0.05f, 0.5, 1.5, 2.5));
        double[] vals = {0.0, -0.0, 1.0, -1.0, 3.14159265358979, 123456.789, 1e-5, 1e10, 1.0 / 3, 6.02214076e23, -1.6e-19, Double.MAX_VALUE, Double.MIN_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 100, 0.000123456};
        for (double d : vals) {
            System.out.println(String.format("[%f] [%.3f] [%10.3e] [%e] [%E] [%g] [%.3g] [%12.4f] [%-12.2f] [%a]", d, d, d, d, d, d, d, d, d, d));
        }
        System.out.println(String.format("%08.3f|%+.2f|% .2f|%,.2f|%(.2f|%-+10.1f|%+08.2f", 3.14159, 2.0, 2.0, 1234567.891, -5.5, 7.25, -1.5));
        System.out.println(String.format("%08.3f|%+.2f|% .2f|%,.2f|%(.2f|%010.2e", -3.14159, -2.0, -2.0, -1234567.891, 5.5, -12345.678));
        System.out.println(String.format("%.10f %.15f %.20f", 0.1, 0.1, 0.1));
        System.out.println(String.format("%.3e %.0e %e %.2e", 0.0, 12345.0, 9.9999999, 9.995));
        System.out.println(String.format("%f %e %.1f", 1.1f, 1.1f, 0.25f));
        System.out.println(String.format("%10.4f|%-10.4f|%010.4f", Math.PI, Math.E, -Math.PI));
        System.out.println(String.format("%.2f%%", 45.678));
        System.out.println(String.format("%,f %,.0f %,.3f", 1234567.0, 9876543210.0, 0.5));
        System.out.println(String.format("%s %s", 1.0E-5, 100.0f));
        System.out.println(String.format("%.1f %.1f %.1f %.1f %.1f %.1f", 0.05, 0.15, 0.25, 0.35, 0.45, 0.55));
        System.out.println(String.format("%.4f %.6f %.8f", 1e-7, 123.0000005, 2.0 / 3));
        System.out.println(String.format("%.0f %.0f %.0f %.0f", 1e20, 1.5e300, 123456789012345678.0, -0.4));
        double total = 0;
        for (int i = 1; i <= 20; i++) {
            total += 1.0 / i;
            System.out.print(String.format("%.4f ", total));
        }
        System.out.println();
        try {
            String.format("%d", 1.5);
        } catch (java.util.IllegalFormatConversionException e) {
            System.out.println(e.getMessage());
        }
        try {
            String.format("%f", 1);
        } catch (java.util.IllegalFormatConversionException e) {
            System.out.println(e.getMessage());
        }
    }
}
