import java.util.Arrays;

public class Main {
    public static void main(String[] args) {
        boolean[] z = new boolean[2];
        byte[] b = new byte[2];
        short[] s = new short[2];
        char[] c = new char[2];
        int[] i = new int[2];
        long[] l = new long[2];
        float[] f = new float[2];
        double[] d = new double[2];
        String[] str = new String[2];
        System.out.println(z[0] + " " + b[0] + " " + s[0] + " " + (int) c[0] + " " + i[0] + " " + l[0] + " " + f[0] + " " + d[0] + " " + str[0]);
        System.out.println(z.length + b.length + s.length + c.length + i.length + l.length + f.length + d.length + str.length);
        int[][] grid = new int[3][4];
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 4; col++) {
                grid[r][col] = r * 10 + col;
            }
        }
        System.out.println(Arrays.deepToString(grid) + " " + grid.length + " " + grid[0].length);
        int[][] jagged = new int[4][];
        for (int r = 0; r < jagged.length; r++) {
            jagged[r] = new int[r + 1];
            for (int k = 0; k <= r; k++) {
                jagged[r][k] = (r == k || k == 0) ? 1 : jagged[r - 1][k - 1] + jagged[r - 1][k];
            }
        }
        System.out.println(Arrays.deepToString(jagged));
        int[][][] cube = new int[2][3][4];
        int n = 0;
        for (int[][] plane : cube) {
            for (int[] row : plane) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = n++;
                }
            }
        }
        System.out.println(Arrays.deepToString(cube) + " " + cube[1][2][3]);
        long[][] partial = new long[2][];
        System.out.println(Arrays.toString(partial) + " " + partial[0]);
        char[][] board = {{'x', 'o'}, {'o', 'x'}};
        for (char[] row : board) {
            System.out.println(row);
        }
        Object[] objs = {1, "two", new int[] {3}, null, new String[] {"four"}};
        System.out.println(objs.length + " " + Arrays.deepToString(objs));
        int[] orig = {5, 3, 1};
        int[] copy = orig.clone();
        copy[0] = 99;
        System.out.println(Arrays.toString(orig) + " " + Arrays.toString(copy) + " " + (orig != copy));
        int[][] deep = {{1, 2}, {3, 4}};
        int[][] shallow = deep.clone();
        shallow[0][0] = 100;
        shallow[1] = new int[] {7};
        System.out.println(Arrays.deepToString(deep) + " " + Arrays.deepToString(shallow));
        Object[] covariant = new Integer[] {1, 2};
        Number[] nums = new Integer[] {7, 8};
        System.out.println(covariant.getClass().getSimpleName() + " " + nums[1] + " " + (nums instanceof Integer[]));
        char[] hello = {'h', 'e', 'l', 'l', 'o'};
        System.out.println(hello);
        System.out.print(hello);
        System.out.println();
        System.out.println(String.valueOf(hello, 1, 3));
        int[] empty = {};
        int[] zeroLen = new int[0];
        System.out.println(empty.length + " " + zeroLen.length + " " + Arrays.toString(empty));
        byte[] bytes = new byte[256];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) k;
        }
        int sum = 0;
        for (byte x : bytes) {
            sum += x;
        }
        System.out.println("byte sum " + sum + " " + bytes[200] + " " + (bytes[200] & 0xFF));
        short[] shorts = {Short.MAX_VALUE, Short.MIN_VALUE};
        shorts[0]++;
        shorts[1]--;
        System.out.println(shorts[0] + " " + shorts[1]);
        char[] chars = new char[3];
        chars[0] = 'a';
        chars[1] = (char) (chars[0] + 1);
        chars[2] += 'c';
        System.out.println(new String(chars));
        boolean[] flags = new boolean[5];
        flags[2] = true;
        flags[4] = !flags[2];
        System.out.println(Arrays.toString(flags));
        float[] fl = {1.5f, -0.0f, Float.NaN};
        double[] dl = {1e300 * 1e10, -1.0 / 3};
        System.out.println(Arrays.toString(fl) + " " + Arrays.toString(dl));
        long[] longs = new long[5];
        longs[4] = Long.MIN_VALUE;
        longs[3] = longs[4] - 1;
        System.out.println(Arrays.toString(longs));
        int[] big = new int[100_000];
        for (int k = 0; k < big.length; k++) {
            big[k] = k * 3;
        }
        long total = 0;
        for (int v : big) {
            total += v;
        }
        System.out.println("big total " + total);
        String[][] names = {{"a", "b"}, {}, {"c"}};
        int count = 0;
        for (String[] row : names) {
            count += row.length;
        }
        System.out.println(count + " " + names[1].length);
        Object o = new int[2][2];
        System.out.println((o instanceof Object[]) + " " + (o instanceof int[][]) + " " + o.getClass().getComponentType().getName());
    }
}
