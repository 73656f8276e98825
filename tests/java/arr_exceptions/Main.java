import java.util.Arrays;

public class Main {
    static int[] arr = new int[3];

    public static void main(String[] args) {
        int[] idx = {5, -1, 3, Integer.MIN_VALUE};
        for (int k : idx) {
            try {
                arr[k] = 1;
            } catch (ArrayIndexOutOfBoundsException e) {
                System.out.println("store: " + e.getMessage() + " | " + e);
            }
            try {
                System.out.println(arr[k]);
            } catch (ArrayIndexOutOfBoundsException e) {
                System.out.println("load: " + e.getMessage());
            }
        }
        long[] longs = new long[0];
        try {
            longs[0]++;
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        String[] strs = new String[2];
        try {
            System.out.println(strs[2]);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        int[] sizes = {-1, -100, Integer.MIN_VALUE};
        for (int sz : sizes) {
            try {
                int[] bad = new int[sz];
                System.out.println(bad.length);
            } catch (NegativeArraySizeException e) {
                System.out.println("negative: " + e.getMessage() + " | " + e);
            }
        }
        try {
            int[][] bad = new int[2][-3];
            System.out.println(bad.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("multi negative: " + e.getMessage());
        }
        try {
            Object[] bad = new String[-5];
            System.out.println(bad.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("object negative: " + e.getMessage());
        }
        Object[] objs = new String[2];
        try {
            objs[0] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            System.out.println("store: " + e.getMessage() + " | " + e);
        }
        try {
            objs[1] = new int[0];
        } catch (ArrayStoreException e) {
            System.out.println("store: " + e.getMessage());
        }
        Number[] nums = new Integer[1];
        try {
            nums[0] = 1.5;
        } catch (ArrayStoreException e) {
            System.out.println("store: " + e.getMessage());
        }
        objs[0] = "fine";
        objs[1] = null;
        System.out.println(Arrays.toString(objs));
        int[] data = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        System.arraycopy(data, 0, data, 3, 5);
        System.out.println("overlap right: " + Arrays.toString(data));
        int[] data2 = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        System.arraycopy(data2, 3, data2, 0, 5);
        System.out.println("overlap left: " + Arrays.toString(data2));
        String[] src = {"a", "b", "c"};
        Object[] dst = new Object[5];
        System.arraycopy(src, 0, dst, 1, 3);
        System.out.println(Arrays.toString(dst));
        try {
            System.arraycopy(data, 8, data, 0, 5);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("arraycopy: " + e.getMessage());
        }
        try {
            System.arraycopy(data, 0, data, 8, 5);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("arraycopy: " + e.getMessage());
        }
        try {
            System.arraycopy(data, -1, data, 0, 1);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("arraycopy: " + e.getMessage());
        }
        try {
            System.arraycopy(data, 0, data, 0, -1);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("arraycopy: " + e.getMessage());
        }
        try {
            System.arraycopy(data, 0, new long[10], 0, 1);
        } catch (ArrayStoreException e) {
            System.out.println("arraycopy: " + e.getMessage());
        }
        try {
            System.arraycopy("notarray", 0, data, 0, 1);
        } catch (ArrayStoreException e) {
            System.out.println("arraycopy: " + e.getMessage());
        }
        try {
            System.arraycopy(new Object[] {"ok", 5, "late"}, 0, new String[3], 0, 3);
        } catch (ArrayStoreException e) {
            System.out.println("arraycopy: " + e.getMessage());
        }
        String[] partial = new String[3];
        try {
            System.arraycopy(new Object[] {"ok", 5, "late"}, 0, partial, 0, 3);
        } catch (ArrayStoreException e) {
            System.out.println("partial copy kept: " + Arrays.toString(partial));
        }
        try {
            System.arraycopy(null, 0, data, 0, 1);
        } catch (NullPointerException e) {
            System.out.println("arraycopy null src NPE");
        }
        int[] nullArr = null;
        try {
            System.out.println(nullArr.length);
        } catch (NullPointerException e) {
            System.out.println("length of null NPE");
        }
        try {
            nullArr[0] = 1;
        } catch (NullPointerException e) {
            System.out.println("store to null NPE");
        }
        try {
            Arrays.copyOfRange(data, 5, 2);
        } catch (IllegalArgumentException e) {
            System.out.println("copyOfRange: " + e.getMessage());
        }
        try {
            Arrays.asList(1, 2).get(2);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        try {
            new java.util.ArrayList<>(java.util.List.of(1)).get(3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        int[] counts = new int[4];
        int errors = 0;
        for (int k = -2; k < 6; k++) {
            try {
                counts[k]++;
            } catch (ArrayIndexOutOfBoundsException e) {
                errors++;
            }
        }
        System.out.println(Arrays.toString(counts) + " errors " + errors);
    }
}
