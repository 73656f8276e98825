public class Main {
    static long div(long a, long b) { return a / b; }
    static long rem(long a, long b) { return a % b; }

    public static void main(String[] args) {
        long max = Long.MAX_VALUE, min = Long.MIN_VALUE;
        System.out.println(max + 1);
        System.out.println(min - 1);
        System.out.println(max * 3);
        System.out.println(min * -1);
        System.out.println(-min);
        System.out.println(3037000500L * 3037000500L);
        System.out.println(div(min, -1) + " " + rem(min, -1));
        long[] vals = {0, 1, -1, 13, -13, 1L << 40, -(1L << 40) - 7, max, min, 9876543210L};
        long[] divs = {1, -1, 3, -3, 1000000007L, -(1L << 33), max, min};
        for (long a : vals) {
            StringBuilder sb = new StringBuilder();
            sb.append(a).append(':');
            for (long b : divs) {
                sb.append(' ').append(div(a, b)).append('/').append(rem(a, b));
            }
            System.out.println(sb);
        }
        try {
            System.out.println(div(5L, 0L));
        } catch (ArithmeticException e) {
            System.out.println("long div: " + e.getMessage());
        }
        try {
            System.out.println(rem(5L, 0L));
        } catch (ArithmeticException e) {
            System.out.println("long rem: " + e.getMessage());
        }
        int[] dists = {0, 1, 31, 32, 33, 63, 64, 65, -1, -63, -64, 127};
        long[] shiftees = {1L, -1L, 0x123456789ABCDEF0L, min, -1000L};
        for (long v : shiftees) {
            StringBuilder sb = new StringBuilder();
            sb.append(v).append(':');
            for (int d : dists) {
                sb.append(' ').append(v << d).append(',').append(v >> d).append(',').append(v >>> d);
            }
            System.out.println(sb);
        }
        long shiftByLong = 1L << 70L;
        System.out.println(shiftByLong);
        int intShiftByLong = 1 << 33L;
        System.out.println(intShiftByLong);
        System.out.println((0xFFFF_0000_FFFF_0000L & 0x0F0F_0F0F_0F0F_0F0FL) + " " + (0xF0L | -256L) + " " + (max ^ min) + " " + ~max);
        long acc = 1;
        for (int i = 0; i < 70; i++) {
            acc = acc * 31 + i;
        }
        System.out.println("acc " + acc);
        long fact = 1;
        for (int i = 1; i <= 25; i++) {
            fact *= i;
            System.out.print(fact + (i < 25 ? " " : "\n"));
        }
        System.out.println(Long.compare(min, max) + " " + Long.signum(min) + " " + Long.sum(max, max));
        int narrow = (int) 0x1_2345_6789L;
        System.out.println(narrow + " " + (int) max + " " + (int) min + " " + (int) -1L + " " + (short) 0x1234_5678_9ABCL);
        long widen = Integer.MIN_VALUE;
        System.out.println(widen * 2 + " " + (Integer.MIN_VALUE * 2) + " " + ((long) Integer.MAX_VALUE + 1));
        long mixed = 5 + 3L * Integer.MAX_VALUE;
        System.out.println(mixed);
        int i = 7;
        i += 10_000_000_000L;
        System.out.println(i);
    }
}
