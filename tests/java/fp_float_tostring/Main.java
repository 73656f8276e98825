public class Main {
    public static void main(String[] args) {
        float[] fs = {0.1f, 0.2f, 0.3f, 1.0f / 3, 2.0f / 3, 100.0f, 1e7f, 1e-3f, 1.0E-4f, 16777216f, 16777217f, 123456789f, 1e10f, 1e38f,
                3.4028235e38f, Float.MIN_VALUE, Float.MIN_NORMAL, 1.17549435E-38f, -2.5f, 0.0f, -0.0f, 3.1415927f, 2.7182817f, 1.1f, 9999999f,
                1.0E-5f, 0.001f, 1234.5678f, 8.5e-15f, 33554432f, 4.2e-44f, 7.0E-45f, 0.007f, 1.4E-45f};
        for (float f : fs) {
            System.out.println(f + " | " + Float.toString(f) + " | " + (double) f + " | " + String.valueOf(-f));
        }
        float sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += 0.1f;
            System.out.print(sum + " ");
        }
        System.out.println();
        float p = 1;
        for (int i = 0; i < 15; i++) {
            System.out.print(p + " ");
            p *= 10;
        }
        System.out.println();
        float x = 1;
        for (int i = 1; i <= 20; i++) {
            x = x * 1.3f + 1.0f / i;
            System.out.print(x + " ");
        }
        System.out.println();
        System.out.println("concat " + 1.5f + 2 + " " + (1.5f + 2) + " " + 0.1f * 3 + " " + (0.1f + 0.1 ) + " " + 1.0f / 3 * 3);
        System.out.println(Float.parseFloat("3.4028236e38") + " " + Float.parseFloat("1e-46") + " " + Float.valueOf("0.1") + " " + Float.parseFloat("1.00000017881393421514957253748434595763683319091796875001"));
        System.out.println(Float.toHexString(1.0f) + " " + Float.toHexString(0.1f) + " " + Float.MAX_VALUE + " " + Float.MIN_VALUE);
        float f1 = 0.1f;
        double d1 = f1;
        float back = (float) d1;
        System.out.println(f1 + " " + d1 + " " + back + " " + (back == f1) + " " + (float) 0.1 + " " + (float) 1e40 + " " + (float) 1e-50);
        System.out.println((float) (0.1 + 0.2) + " " + (0.1f + 0.2f) + " " + (float) 16777217.0 + " " + (float) 16777219.0);
    }
}
