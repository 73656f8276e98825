// Array utilities written against java.lang.reflect.Array, as serializers and collection
// libraries write them: a deep toString and deep copy for any array (primitive or not, any
// number of dimensions), growing an array of unknown component type, converting between
// primitive arrays with the widening getters, building rectangular and ragged arrays with
// Array.newInstance, and the exceptions for wrong types, indexes and dimensions.
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

public class Main {
    static String deepToString(Object value) {
        if (value == null) {
            return "null";
        }
        if (!value.getClass().isArray()) {
            return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        }
        StringBuilder sb = new StringBuilder("[");
        int n = Array.getLength(value);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(deepToString(Array.get(value, i)));
        }
        return sb.append(']').toString();
    }

    static Object deepCopy(Object array) {
        Class<?> type = array.getClass().getComponentType();
        int n = Array.getLength(array);
        Object copy = Array.newInstance(type, n);
        for (int i = 0; i < n; i++) {
            Object element = Array.get(array, i);
            Array.set(copy, i, element != null && type.isArray() ? deepCopy(element) : element);
        }
        return copy;
    }

    static Object grow(Object array, int extra) {
        int n = Array.getLength(array);
        Object bigger = Array.newInstance(array.getClass().getComponentType(), n + extra);
        System.arraycopy(array, 0, bigger, 0, n);
        return bigger;
    }

    static double[] toDoubles(Object numbers) {
        double[] out = new double[Array.getLength(numbers)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Array.getDouble(numbers, i);
        }
        return out;
    }

    static int dimensions(Class<?> c) {
        int d = 0;
        while (c.isArray()) {
            d++;
            c = c.getComponentType();
        }
        return d;
    }

    interface Op {
        Object run() throws Exception;
    }

    static void attempt(String what, Op op) {
        try {
            Object r = op.run();
            System.out.println(what + " = " + deepToString(r));
        } catch (Exception e) {
            System.out.println(what + " -> " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    public static void main(String[] args) {
        Object[] samples = {
            new int[] {1, -2, 3}, new char[] {'h', 'i'}, new boolean[] {true, false}, new byte[] {-128, 127},
            new short[] {300}, new long[] {1L << 40}, new float[] {1.5f, Float.NaN}, new double[] {-0.0, 1e100},
            new String[] {"a", null}, new int[][] {{1}, {2, 3}, null}, new Object[] {1, "two", new int[] {3}, new String[][] {{"four"}}},
            new int[0][0], new long[2][0][3],
        };
        for (Object s : samples) {
            Object copy = deepCopy(s);
            System.out.println(s.getClass().getSimpleName() + " dims " + dimensions(s.getClass()) + " "
                    + deepToString(s) + " copy same? " + (copy == s) + " equal " + deepToString(copy).equals(deepToString(s)));
        }

        int[][] grid = {{1, 2}, {3, 4}};
        int[][] gridCopy = (int[][]) deepCopy(grid);
        gridCopy[0][0] = 99;
        System.out.println("original kept: " + grid[0][0] + ", copy " + gridCopy[0][0]);

        String[] names = {"x", "y"};
        names = (String[]) grow(names, 3);
        names[4] = "z";
        System.out.println("grown " + names.length + " " + deepToString(names));
        long[] longs = (long[]) grow(new long[] {7}, 1);
        System.out.println("grown longs " + deepToString(longs));

        System.out.println("to doubles: " + deepToString(toDoubles(new byte[] {1, 2})) + " "
                + deepToString(toDoubles(new char[] {'A'})) + " " + deepToString(toDoubles(new float[] {0.1f}))
                + " " + deepToString(toDoubles(new long[] {Long.MAX_VALUE})));

        Object cube = Array.newInstance(int.class, 2, 3, 4);
        System.out.println("cube " + cube.getClass().getName() + " " + Array.getLength(cube) + "x"
                + Array.getLength(Array.get(cube, 0)) + "x" + Array.getLength(Array.get(Array.get(cube, 0), 0)));
        Object ragged = Array.newInstance(String[].class, 2);
        Array.set(ragged, 0, new String[] {"p"});
        System.out.println("ragged " + ragged.getClass().getSimpleName() + " " + deepToString(ragged));
        Object matrix = Array.newInstance(double.class, new int[] {2, 2});
        for (int i = 0; i < 2; i++) {
            Array.setDouble(Array.get(matrix, i), i, 1);
        }
        System.out.println("identity " + deepToString(matrix));

        int[] ints = new int[3];
        Object objs = new Object[2];
        attempt("setByte int[]", () -> { Array.setByte(ints, 0, (byte) 5); return ints; });
        attempt("setChar int[]", () -> { Array.setChar(ints, 1, 'a'); return ints; });
        attempt("setShort int[]", () -> { Array.setShort(ints, 2, (short) -3); return ints; });
        attempt("setLong int[]", () -> { Array.setLong(ints, 0, 1L); return ints; });
        attempt("set int[] Integer", () -> { Array.set(ints, 0, 42); return ints; });
        attempt("set int[] Short", () -> { Array.set(ints, 0, (short) 7); return ints; });
        attempt("set int[] Long", () -> { Array.set(ints, 0, 7L); return ints; });
        attempt("set int[] null", () -> { Array.set(ints, 0, null); return ints; });
        attempt("set int[] String", () -> { Array.set(ints, 0, "1"); return ints; });
        attempt("setInt Object[]", () -> { Array.setInt(objs, 0, 1); return objs; });
        attempt("set Object[] Integer", () -> { Array.set(objs, 0, 1); return objs; });
        attempt("set String[] Integer", () -> { Array.set(new String[1], 0, 1); return null; });
        attempt("getInt char[]", () -> Array.getInt(new char[] {'B'}, 0));
        attempt("getChar int[]", () -> Array.getChar(new int[] {66}, 0));
        attempt("getLong float[]", () -> Array.getLong(new float[] {1}, 0));
        attempt("getBoolean int[]", () -> Array.getBoolean(new int[1], 0));
        attempt("getInt Integer[]", () -> Array.getInt(new Integer[] {1}, 0));
        attempt("get index 3", () -> Array.get(ints, 3));
        attempt("get index -1", () -> Array.get(new String[2], -1));
        attempt("setInt index 5", () -> { Array.setInt(ints, 5, 0); return null; });
        attempt("getLength String", () -> Array.getLength("not an array"));
        attempt("get String", () -> Array.get("not an array", 0));
        attempt("getLength null", () -> Array.getLength(null));
        attempt("newInstance void", () -> Array.newInstance(void.class, 1));
        attempt("newInstance negative", () -> Array.newInstance(int.class, -1));
        attempt("newInstance no dims", () -> Array.newInstance(int.class, new int[0]));
        attempt("newInstance negative dim", () -> Array.newInstance(int.class, 2, -2));
        attempt("newInstance 0x5", () -> Array.newInstance(String.class, 0, 5));
        attempt("newInstance 255 dims", () -> dimensions(Array.newInstance(int.class, new int[255]).getClass()));
        attempt("newInstance 256 dims", () -> Array.newInstance(int.class, new int[256]));
        attempt("newInstance int[] 255 dims", () -> Array.newInstance(int[].class, new int[255]));
        attempt("newInstance null type", () -> Array.newInstance(null, 1));

        List<Object> typed = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {int.class, Integer.class, int[].class, List.class}) {
            Object a = Array.newInstance(c, 1);
            typed.add(a.getClass().getName() + "/" + Array.get(a, 0));
        }
        System.out.println(typed);
    }
}
