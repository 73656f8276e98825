public class Main {
    public static void main(String[] args) {
        double[] ds = {0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100.0, 1e7, 9999999.0, 1e-3, 1.0E-4, 0.001234, 123456789.0, 1234567890123.0,
                1e21, 1e22, 1e23, 2e23, 1e-5, 1e-7, 1e100, 1e-100, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
                -1.5, -0.0, 0.0, 1.0, 10.0, 12345.678, 3.141592653589793, Math.E, 2.718281828459045, 1e16, 1.2345e16, 9007199254740993.0,
                0.5, 0.25, 0.125, 1.1, 2.2, 3.3, 100.01, 4.35, 0.07, 5e-324, 1.7976931348623157e308, 2.2250738585072014E-308,
                2.82879384806159E17, 1.9400994884341945E25, 5.684341886080802E-14, 8.41E21, 2.0E-3, 9.999999999999999E22,
                123.456e-10, 6.02214076e23, 1.602176634e-19, 299792458.0, 4.9e-324 * 3, 1.0E-322, 0.30000000000000004};
        for (double d : ds) {
            System.out.println(d + " | " + Double.toString(d) + " | " + String.valueOf(-d) + " | " + (float) d);
        }
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += 0.1;
            System.out.print(sum + " ");
        }
        System.out.println();
        double p = 1;
        for (int i = 0; i < 25; i++) {
            System.out.print(p + " ");
            p *= 10;
        }
        System.out.println();
        p = 1;
        for (int i = 0; i < 12; i++) {
            p /= 10;
            System.out.print(p + " ");
        }
        System.out.println();
        double x = 1;
        for (int i = 1; i <= 20; i++) {
            x = x * 1.7 + 1.0 / i;
            System.out.print(x + " ");
        }
        System.out.println();
        System.out.println("concat " + 1.0 + 2.5 + " " + (1.0 + 2.5) + " " + 3 / 2.0 + 'x' + 1e10 + "|" + 1e-10);
        StringBuilder sb = new StringBuilder();
        sb.append(0.1).append(',').append(1e7).append(',').append(-2.5e-8).append(',').append(Double.NaN);
        System.out.println(sb);
        System.out.println(Double.valueOf("3.0e2") + " " + Double.parseDouble("-0") + " " + Double.parseDouble("  12.5  ") + " " + Double.parseDouble("0x1.8p1")
                + " " + Double.parseDouble("Infinity") + " " + Double.parseDouble("1e400") + " " + Double.parseDouble("1e-400") + " " + Double.parseDouble(".5")
                + " " + Double.parseDouble("5.") + " " + Double.parseDouble("2.4703282292062328E-324") + " " + Double.parseDouble("0.1000000000000000055511151231257827"));
        System.out.println(Double.toHexString(1.0) + " " + Double.toHexString(-0.1) + " " + Double.toHexString(Double.MIN_VALUE) + " " + Double.toHexString(0.0));
    }
}
