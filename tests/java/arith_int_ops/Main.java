public class Main {
    static int[] values = {0, 1, -1, 7, -7, 100, -100, Integer.MAX_VALUE, Integer.MIN_VALUE, 12345, -98765};
    static int[] divisors = {1, -1, 2, -2, 3, -3, 7, -7, 10, Integer.MAX_VALUE, Integer.MIN_VALUE};

    static int div(int a, int b) { return a / b; }
    static int rem(int a, int b) { return a % b; }

    public static void main(String[] args) {
        System.out.println("-- overflow");
        int max = Integer.MAX_VALUE;
        int min = Integer.MIN_VALUE;
        System.out.println(max + 1);
        System.out.println(min - 1);
        System.out.println(max * 2);
        System.out.println(max * max);
        System.out.println(min * -1);
        System.out.println(-min);
        System.out.println(46341 * 46341);
        System.out.println(123456789 * 987654321);
        int x = max;
        x++;
        System.out.println(x);
        x--;
        System.out.println(x);

        System.out.println("-- div and rem");
        for (int a : values) {
            StringBuilder sb = new StringBuilder();
            sb.append(a).append(':');
            for (int b : divisors) {
                sb.append(' ').append(div(a, b)).append('/').append(rem(a, b));
            }
            System.out.println(sb);
        }
        System.out.println(min / -1);
        System.out.println(min % -1);
        System.out.println(div(min, -1));
        System.out.println(rem(min, -1));

        System.out.println("-- division by zero");
        for (int a : new int[] {0, 1, -5, min}) {
            try {
                System.out.println(div(a, 0));
            } catch (ArithmeticException e) {
                System.out.println("div " + a + ": " + e.getMessage() + " | " + e);
            }
            try {
                System.out.println(rem(a, 0));
            } catch (ArithmeticException e) {
                System.out.println("rem " + a + ": " + e.getMessage());
            }
        }

        System.out.println("-- shifts");
        int[] shiftees = {1, -1, 0x12345678, min, -8, 255};
        int[] dists = {0, 1, 4, 31, 32, 33, 63, 64, -1, -31, -32, 100, min};
        for (int v : shiftees) {
            StringBuilder sb = new StringBuilder();
            sb.append(v).append(':');
            for (int d : dists) {
                sb.append(' ').append(v << d).append(',').append(v >> d).append(',').append(v >>> d);
            }
            System.out.println(sb);
        }
        System.out.println(-1 >>> 28);
        System.out.println(-16 >> 2);
        System.out.println(-16 >>> 2);
        System.out.println(-17 / 4 + " " + (-17 >> 2));

        System.out.println("-- bitwise");
        int a = 0b1100_1010, b = 0x0F0F;
        System.out.println((a & b) + " " + (a | b) + " " + (a ^ b) + " " + ~a + " " + ~0 + " " + ~min);
        System.out.println(-a + " " + (-(-a)) + " " + +a);

        System.out.println("-- compound");
        int c = 10;
        c += 5; System.out.println(c);
        c -= 20; System.out.println(c);
        c *= -3; System.out.println(c);
        c /= 4; System.out.println(c);
        c %= 3; System.out.println(c);
        c <<= 10; System.out.println(c);
        c >>= 3; System.out.println(c);
        c |= 0x100; System.out.println(c);
        c &= 0xFF0; System.out.println(c);
        c ^= -1; System.out.println(c);
        c >>>= 1; System.out.println(c);
        int i = 5;
        int j = i++ + ++i;
        System.out.println(i + " " + j);
        j = i-- - --i;
        System.out.println(i + " " + j);
        int k = 3;
        k = k++ * 2 + k;
        System.out.println(k);
        int[] arr = {0, 0, 0};
        int idx = 0;
        arr[idx++] = idx++;
        System.out.println(arr[0] + " " + arr[1] + " " + idx);

        System.out.println("-- comparisons");
        System.out.println((min < max) + " " + (min - 1 < max) + " " + Integer.compare(min, max) + " " + Integer.compare(5, 5));
        System.out.println(Integer.signum(-44) + " " + Integer.signum(0) + " " + Integer.signum(44));
        System.out.println(Integer.max(3, -3) + " " + Integer.min(3, -3) + " " + Integer.sum(max, 1));
    }
}
