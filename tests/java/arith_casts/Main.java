public class Main {
    public static void main(String[] args) {
        double[] ds = {0.0, -0.0, 0.9, -0.9, 1.5, -1.5, 2.5, 1e10, -1e10, 1e20, -1e20, 2147483647.5, -2147483648.9,
                9.223372036854776E18, -9.3e18, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 65535.9, 65536.1, -32769.0};
        for (double d : ds) {
            System.out.println(d + " -> int " + (int) d + " long " + (long) d + " short " + (short) d + " byte " + (byte) d
                    + " char " + (int) (char) d + " float " + (float) d);
        }
        float[] fs = {0.5f, -7.99f, 3e9f, -3e9f, 1e19f, Float.NaN, Float.NEGATIVE_INFINITY, 16777217f, 0.1f};
        for (float f : fs) {
            System.out.println(f + " -> int " + (int) f + " long " + (long) f + " double " + (double) f);
        }
        int[] is = {0, 127, 128, 255, 256, -1, -128, -129, 32767, 32768, 65535, 65536, 70000, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x12345678};
        for (int i : is) {
            System.out.println(i + " -> byte " + (byte) i + " short " + (short) i + " char " + (int) (char) i + " float " + (float) i + " double " + (double) i);
        }
        long[] ls = {Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, (1L << 53), 123456789012345678L, -1L, 1L << 62};
        for (long l : ls) {
            double d = (double) l;
            System.out.println(l + " -> double " + d + " back " + (long) d + " float " + (float) l + " int " + (int) l);
        }
        System.out.println("precision " + ((double) ((1L << 53) + 1) == (double) (1L << 53)) + " " + (9007199254740993L == (long) (double) 9007199254740993L));
        byte b = 10;
        b += 300;
        System.out.println("b += 300 -> " + b);
        b = 127;
        b++;
        System.out.println("127++ -> " + b);
        b -= 1.7;
        System.out.println("b -= 1.7 -> " + b);
        short s = 32767;
        s += 1;
        System.out.println("short wrap " + s);
        s *= 1000;
        System.out.println("short *= 1000 -> " + s);
        char c = 'A';
        c += 2;
        System.out.println("char " + c);
        c++;
        System.out.println("char " + c + " " + (int) c + " " + (c + 1) + " " + (char) (c + 1));
        char z = 0;
        z--;
        System.out.println("char wrap " + (int) z);
        int sum = 'a' + 'b';
        System.out.println("a+b " + sum + " " + (char) ('a' + 1) + " " + ('z' - 'a') + " " + (char) 97);
        int i = 5;
        i *= 2.6;
        System.out.println("i *= 2.6 -> " + i);
        i /= 0.3;
        System.out.println("i /= 0.3 -> " + i);
        long l = 10;
        l += 0.5f;
        System.out.println("l += 0.5f -> " + l);
        float f = 1.1f;
        double df = f;
        System.out.println("widen " + df + " " + (f == 1.1) + " " + (f == 1.1f) + " " + ((double) 1.1f == 1.1f));
        int big = 123456789;
        float fbig = big;
        System.out.println("int->float " + fbig + " " + (int) fbig + " " + (big - (int) fbig));
        System.out.println("int/int " + 7 / 2 + " " + 7 / 2.0 + " " + (double) (7 / 2) + " " + 7 / 2f + " " + 1 / 3 * 3 + " " + 1.0 / 3 * 3);
        System.out.println((byte) 0x80 + " " + (byte) 0xFF + " " + ((byte) 0xFF & 0xFF) + " " + (short) 0xFFFF + " " + (char) -1 + 0);
        System.out.println((int) 'é' + " " + (int) '日' + " " + (byte) '日' + " " + (short) '\uFFFF');
    }
}
