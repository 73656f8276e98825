public class Main {
    public static void main(String[] args) {
        double[] ds = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1.4, -1.4, 1.6, -1.6, 0.0, -0.0, 1e20, -1e20, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4503599627370497.0, -0.1, 2.4999999, 1e-300, -1e-300};
        for (double d : ds) {
            System.out.println(d + ": round " + Math.round(d) + " floor " + Math.floor(d) + " ceil " + Math.ceil(d) + " rint " + Math.rint(d)
                    + " (int)round " + (int) Math.round(d) + " sfloor " + StrictMath.floor(d) + " sceil " + StrictMath.ceil(d) + " srint " + StrictMath.rint(d));
        }
        float[] fs = {0.5f, 1.5f, 2.5f, -0.5f, -2.5f, 0.49999997f, 3e9f, -3e9f, Float.NaN, 8388609f};
        for (float f : fs) {
            System.out.println(f + ": round " + Math.round(f) + " floor " + Math.floor(f) + " ceil " + Math.ceil(f));
        }
        System.out.println(Math.round(Long.MAX_VALUE + 0.0) + " " + Math.round(-9.3e18) + " " + Math.round(Integer.MAX_VALUE + 0.5f));
        System.out.println(Math.floorDiv(-1, 2) + " " + (int) Math.floor(-0.5) + " " + (long) Math.ceil(-0.5) + " " + Math.ceil(-0.5));
    }
}
