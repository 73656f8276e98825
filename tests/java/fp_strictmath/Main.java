public class Main {
    public static void main(String[] args) {
        double[] xs = {0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.141592653589793, 10.0, -7.25, 100.0, 1e-8, 1e8, 0.7853981633974483, 1e300};
        for (double x : xs) {
            System.out.println("x=" + x);
            System.out.println("  sin " + StrictMath.sin(x) + " cos " + StrictMath.cos(x) + " tan " + StrictMath.tan(x));
            System.out.println("  asin " + StrictMath.asin(x) + " acos " + StrictMath.acos(x) + " atan " + StrictMath.atan(x));
            System.out.println("  exp " + StrictMath.exp(x) + " expm1 " + StrictMath.expm1(x) + " log " + StrictMath.log(x) + " log10 " + StrictMath.log10(x) + " log1p " + StrictMath.log1p(x));
            System.out.println("  sqrt " + StrictMath.sqrt(x) + " cbrt " + StrictMath.cbrt(x) + " sinh " + StrictMath.sinh(x) + " cosh " + StrictMath.cosh(x) + " tanh " + StrictMath.tanh(x));
        }
        double[][] pairs = {{1, 1}, {-1, -1}, {0, -1}, {-0.0, -1}, {3, 4}, {1e200, 1e200}, {2, 0.5}, {-8, 1.0 / 3}, {10, -2}, {0, 0}, {Double.NaN, 0}, {1, Double.NaN}, {2.5, 3.5}};
        for (double[] p : pairs) {
            System.out.println(p[0] + "," + p[1] + ": atan2 " + StrictMath.atan2(p[0], p[1]) + " pow " + StrictMath.pow(p[0], p[1]) + " hypot " + StrictMath.hypot(p[0], p[1])
                    + " IEEEremainder " + StrictMath.IEEEremainder(p[0], p[1]));
        }
        System.out.println(StrictMath.PI + " " + StrictMath.E + " " + StrictMath.toDegrees(1.0) + " " + StrictMath.toRadians(180.0));
        double acc = 0;
        for (int i = 1; i <= 1000; i++) {
            acc += StrictMath.sin(i) * StrictMath.exp(-i / 500.0) + StrictMath.log(i) / StrictMath.sqrt(i) + StrictMath.pow(1.001, i) + StrictMath.atan(i * 0.01);
        }
        System.out.println("acc " + acc);
        System.out.printf("Math rounded: %.6f %.6f %.6f %.6f %.6f %.6f%n", Math.sin(1), Math.cos(2), Math.exp(3), Math.log(10), Math.pow(2, 0.5), Math.tan(0.5));
        System.out.println("sqrt exact " + Math.sqrt(2) + " " + Math.sqrt(1e-300) + " " + Math.cbrt(27) + " " + Math.pow(2, 10) + " " + Math.pow(-2, 3) + " " + Math.pow(0, 0));
    }
}
