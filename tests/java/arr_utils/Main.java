import java.util.Arrays;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        int[] a = {5, -2, 9, 0, 3, 3, -7, 12};
        System.out.println(Arrays.toString(a) + " hash " + Arrays.hashCode(a));
        int[] sorted = Arrays.copyOf(a, a.length);
        Arrays.sort(sorted);
        System.out.println(Arrays.toString(sorted) + " hash " + Arrays.hashCode(sorted));
        System.out.println(Arrays.binarySearch(sorted, 9) + " " + Arrays.binarySearch(sorted, 4) + " " + Arrays.binarySearch(sorted, -100) + " " + Arrays.binarySearch(sorted, 100));
        System.out.println(Arrays.toString(Arrays.copyOf(a, 3)) + " " + Arrays.toString(Arrays.copyOf(a, 10)) + " " + Arrays.toString(Arrays.copyOfRange(a, 2, 5))
                + " " + Arrays.toString(Arrays.copyOfRange(a, 6, 9)));
        int[] filled = new int[6];
        Arrays.fill(filled, 7);
        Arrays.fill(filled, 1, 3, -1);
        System.out.println(Arrays.toString(filled));
        System.out.println(Arrays.equals(a, a.clone()) + " " + Arrays.equals(a, sorted) + " " + Arrays.equals(new int[0], new int[0]) + " " + (a.equals(a.clone())));
        double[] ds = {3.5, -0.0, 0.0, Double.NaN, -1e10, 2};
        Arrays.sort(ds);
        System.out.println(Arrays.toString(ds) + " " + Arrays.hashCode(ds));
        String[] words = {"pear", "Apple", "fig", "banana", "apple", "Fig"};
        String[] w2 = words.clone();
        Arrays.sort(w2);
        System.out.println(Arrays.toString(w2) + " " + Arrays.hashCode(w2));
        Arrays.sort(words, String.CASE_INSENSITIVE_ORDER);
        System.out.println(Arrays.toString(words));
        Arrays.sort(words, 0, 3);
        System.out.println(Arrays.toString(words));
        char[] cs = "hello world".toCharArray();
        Arrays.sort(cs);
        System.out.println(new String(cs) + "|" + Arrays.toString(cs));
        long[] ls = {5L, Long.MIN_VALUE, Long.MAX_VALUE, 0};
        Arrays.sort(ls);
        System.out.println(Arrays.toString(ls) + " " + Arrays.hashCode(ls));
        Integer[] boxed = {3, 1, 2};
        Arrays.sort(boxed, (x, y) -> y - x);
        System.out.println(Arrays.toString(boxed));
        List<String> view = Arrays.asList("x", "y", "z");
        System.out.println(view + " " + view.size() + " " + view.get(1) + " " + view.indexOf("z") + " " + view.contains("q"));
        String[] backing = {"1", "2", "3"};
        List<String> backed = Arrays.asList(backing);
        backed.set(0, "one");
        backing[2] = "three";
        System.out.println(backed + " " + Arrays.toString(backing));
        try {
            backed.add("4");
        } catch (UnsupportedOperationException e) {
            System.out.println("UOE " + e.getMessage());
        }
        Object[][] nested = {{1, 2}, {"a", null}, {new int[] {9}}};
        System.out.println(Arrays.deepToString(nested) + " " + Arrays.deepEquals(nested, new Object[][] {{1, 2}, {"a", null}, {new int[] {9}}}) + " " + Arrays.deepHashCode(new Object[] {1, "a"}));
        byte[] bs = {3, -1, 0};
        Arrays.sort(bs);
        short[] ss = {300, -300};
        Arrays.sort(ss);
        boolean[] zs = {true, false};
        float[] fs = {2f, -0.0f, 0.0f, Float.NaN, 1f};
        Arrays.sort(fs);
        System.out.println(Arrays.toString(bs) + Arrays.toString(ss) + Arrays.toString(zs) + Arrays.toString(fs) + " " + Arrays.hashCode(zs) + " " + Arrays.hashCode(fs));
        System.out.println(Arrays.toString((int[]) null) + " " + Arrays.hashCode((int[]) null) + " " + Arrays.asList(1, 2).hashCode());
        int[] big = new int[2000];
        int seed = 12345;
        for (int k = 0; k < big.length; k++) {
            seed = seed * 1103515245 + 12345;
            big[k] = (seed >>> 8) % 10000;
        }
        Arrays.sort(big);
        boolean ok = true;
        for (int k = 1; k < big.length; k++) {
            ok &= big[k - 1] <= big[k];
        }
        System.out.println("sorted " + ok + " min " + big[0] + " max " + big[big.length - 1] + " median " + big[1000] + " hash " + Arrays.hashCode(big));
        String[] strs = new String[300];
        for (int k = 0; k < strs.length; k++) {
            strs[k] = Integer.toString((k * 7919) % 1000, 7);
        }
        Arrays.sort(strs);
        System.out.println(strs[0] + " " + strs[150] + " " + strs[299] + " " + Arrays.hashCode(strs));
        System.out.println(Arrays.mismatch(new int[] {1, 2, 3}, new int[] {1, 2, 4}) + " " + Arrays.compare(new int[] {1, 2}, new int[] {1, 3}));
    }
}
