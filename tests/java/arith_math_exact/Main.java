public class Main {
    static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    public static void main(String[] args) {
        int[][] pairs = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 3}, {-1, 3}, {Integer.MIN_VALUE, -1}, {Integer.MIN_VALUE, 3}, {6, 3}, {-6, 3}};
        for (int[] p : pairs) {
            System.out.println(p[0] + "," + p[1] + ": floorDiv " + Math.floorDiv(p[0], p[1]) + " floorMod " + Math.floorMod(p[0], p[1])
                    + " / " + (p[0] / p[1]) + " % " + (p[0] % p[1]));
        }
        System.out.println(Math.floorDiv(-7L, 2L) + " " + Math.floorMod(-7L, 2L) + " " + Math.floorMod(-7L, 3) + " " + Math.floorDiv(Long.MIN_VALUE, -1L));
        try {
            Math.floorDiv(1, 0);
        } catch (ArithmeticException e) {
            System.out.println("floorDiv: " + e.getMessage());
        }
        System.out.println("abs " + Math.abs(Integer.MIN_VALUE) + " " + Math.abs(Long.MIN_VALUE) + " " + Math.abs(-5) + " " + Math.abs(-2.5) + " " + Math.abs(-0.0f));
        try {
            System.out.println(Math.addExact(Integer.MAX_VALUE, 1));
        } catch (ArithmeticException e) {
            System.out.println("addExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.addExact(Long.MAX_VALUE, 1L));
        } catch (ArithmeticException e) {
            System.out.println("addExact long: " + e.getMessage());
        }
        try {
            System.out.println(Math.subtractExact(Integer.MIN_VALUE, 1));
        } catch (ArithmeticException e) {
            System.out.println("subtractExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.multiplyExact(1 << 16, 1 << 16));
        } catch (ArithmeticException e) {
            System.out.println("multiplyExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.multiplyExact(1L << 32, 1L << 32));
        } catch (ArithmeticException e) {
            System.out.println("multiplyExact long: " + e.getMessage());
        }
        try {
            System.out.println(Math.toIntExact(1L << 31));
        } catch (ArithmeticException e) {
            System.out.println("toIntExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.negateExact(Integer.MIN_VALUE));
        } catch (ArithmeticException e) {
            System.out.println("negateExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.incrementExact(Integer.MAX_VALUE));
        } catch (ArithmeticException e) {
            System.out.println("incrementExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.absExact(Integer.MIN_VALUE));
        } catch (ArithmeticException e) {
            System.out.println("absExact: " + e.getMessage());
        }
        System.out.println(Math.addExact(40, 2) + " " + Math.multiplyExact(-6, 7) + " " + Math.toIntExact(-5L) + " " + Math.multiplyHigh(Long.MAX_VALUE, 4L));
        System.out.println(Math.max(3, 9) + " " + Math.min(-3L, 2L) + " " + Math.max(1.5f, 2) + " " + Math.signum(-3.2) + " " + Math.signum(0.0) + " " + Math.copySign(3.0, -0.0));
        System.out.println(clamp(15, 0, 10) + " " + clamp(-5, 0, 10) + " " + Math.hypot(3, 4) + " " + Math.sqrt(144) + " " + Math.ulp(1.0) + " " + Math.nextUp(1.0) + " " + Math.getExponent(1024.0));
    }
}
