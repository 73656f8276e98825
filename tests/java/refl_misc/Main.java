// More of reflection: record components and their accessors, member classes, enum constants
// and their fields, java.lang.reflect.Array on every element type (with its exceptions),
// Class.forName with and without initialization, class loaders, Class.newInstance.
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class Main {
    static StringBuilder log = new StringBuilder();

    record Point(int x, int y, String label) {
    }

    public static class Outer {
        public static class PublicNested {
        }

        static class PackageNested {
        }

        interface NestedInterface {
        }

        class Inner {
        }
    }

    enum Planet {
        MERCURY(3.303e+23), EARTH(5.976e+24);

        final double mass;

        Planet(double mass) {
            this.mass = mass;
        }
    }

    static class Lazy {
        static {
            log.append("Lazy ");
        }
    }

    public static class Plain {
        public Plain() {
            log.append("Plain() ");
        }
    }

    static class Failing {
        public Failing() {
            throw new IllegalStateException("constructor failed");
        }
    }

    static void tryIt(String what, Action a) {
        try {
            System.out.println(what + " -> " + a.run());
        } catch (Throwable e) {
            System.out.println(what + " -> " + e);
        }
    }

    interface Action {
        Object run() throws Throwable;
    }

    public static void main(String[] args) throws Throwable {
        Point p = new Point(3, 4, "p");
        System.out.println("isRecord " + Point.class.isRecord() + " " + Main.class.isRecord());
        for (RecordComponent rc : Point.class.getRecordComponents()) {
            Method acc = rc.getAccessor();
            System.out.println(rc + " / " + rc.getName() + " " + rc.getType() + " " + acc.getName() + " = " + acc.invoke(p)
                    + " declared by " + rc.getDeclaringRecord().getSimpleName());
        }
        System.out.println("components of a class: " + Main.class.getRecordComponents());

        List<String> nested = new ArrayList<>();
        for (Class<?> c : Outer.class.getDeclaredClasses()) {
            nested.add(c.getName());
        }
        Collections.sort(nested);
        System.out.println("declared classes " + nested);
        List<String> pub = new ArrayList<>();
        for (Class<?> c : Outer.class.getClasses()) {
            pub.add(c.getName());
        }
        System.out.println("public classes " + pub);

        for (Object o : Planet.class.getEnumConstants()) {
            Planet pl = (Planet) o;
            Field mass = Planet.class.getDeclaredField("mass");
            System.out.println(pl + " " + pl.ordinal() + " " + mass.get(pl));
        }
        System.out.println("EARTH is enum constant field: " + Planet.class.getDeclaredField("EARTH").isEnumConstant()
                + ", mass: " + Planet.class.getDeclaredField("mass").isEnumConstant());

        int[] ints = (int[]) Array.newInstance(int.class, 3);
        Array.setInt(ints, 0, 7);
        Array.set(ints, 1, 8);
        Array.setShort(ints, 2, (short) 9);
        System.out.println("ints " + Array.getLength(ints) + " " + Array.get(ints, 0) + Array.getInt(ints, 1) + Array.getLong(ints, 2));
        double[] ds = (double[]) Array.newInstance(double.class, 2);
        Array.setDouble(ds, 0, 1.5);
        Array.setFloat(ds, 1, 2.5f);
        System.out.println("doubles " + Array.get(ds, 0) + " " + Array.getDouble(ds, 1));
        char[] cs = {'a', 'b'};
        System.out.println("chars " + Array.getChar(cs, 1) + " " + Array.getInt(cs, 0) + " " + Array.get(cs, 0));
        boolean[] bs = new boolean[2];
        Array.setBoolean(bs, 1, true);
        System.out.println("booleans " + Array.getBoolean(bs, 1) + " " + Array.get(bs, 0));
        byte[] by = {5};
        long[] ls = {6L};
        short[] ss = {7};
        float[] fs = {8f};
        System.out.println("others " + Array.getByte(by, 0) + " " + Array.getLong(ls, 0) + " " + Array.getShort(ss, 0) + " "
                + Array.getFloat(fs, 0) + " " + Array.get(by, 0).getClass().getSimpleName());
        String[][] grid = (String[][]) Array.newInstance(String.class, 2, 3);
        System.out.println("grid " + grid.length + "x" + grid[0].length + " " + grid.getClass().getName());
        Object[] objs = (Object[]) Array.newInstance(Object.class, 1);
        Array.set(objs, 0, "s");
        System.out.println("objs " + Array.get(objs, 0));
        tryIt("get out of bounds", () -> Array.get(ints, 3));
        tryIt("get negative", () -> Array.getInt(ints, -1));
        tryIt("get not an array", () -> Array.get("x", 0));
        tryIt("get null", () -> Array.get(null, 0));
        tryIt("getBoolean of int[]", () -> Array.getBoolean(ints, 0));
        tryIt("setInt of boolean[]", () -> {
            Array.setInt(bs, 0, 1);
            return null;
        });
        tryIt("set String into Integer[]", () -> {
            Array.set(new Integer[1], 0, "s");
            return null;
        });
        tryIt("set null into int[]", () -> {
            Array.set(ints, 0, null);
            return null;
        });
        tryIt("set long into int[]", () -> {
            Array.set(ints, 0, 5L);
            return null;
        });
        tryIt("newInstance negative", () -> Array.newInstance(int.class, -1));
        tryIt("newInstance void", () -> Array.newInstance(void.class, 1));
        tryIt("newInstance no dimensions", () -> Array.newInstance(int.class, new int[0]));

        Class<?> lazy = Class.forName("Main$Lazy", false, Main.class.getClassLoader());
        System.out.println("forName without init: [" + log + "] " + lazy.getSimpleName());
        Class.forName("Main$Lazy", true, Main.class.getClassLoader());
        System.out.println("forName with init: [" + log + "]");
        log.setLength(0);
        tryIt("forName missing", () -> Class.forName("Main$Missing", false, Main.class.getClassLoader()));
        tryIt("forName array", () -> Class.forName("[Ljava.lang.String;"));
        tryIt("forName primitive", () -> Class.forName("int"));
        tryIt("loader of String", () -> String.class.getClassLoader());
        tryIt("loader of Main is the system loader", () -> Main.class.getClassLoader() == ClassLoader.getSystemClassLoader());
        tryIt("loader of int[]", () -> int[].class.getClassLoader());
        tryIt("Plain.newInstance", () -> Plain.class.newInstance().getClass().getSimpleName() + " " + log);
        tryIt("Failing.newInstance", () -> Failing.class.newInstance());
        tryIt("Runnable.newInstance", () -> Runnable.class.newInstance());
        tryIt("Point.newInstance", () -> Point.class.newInstance());
        tryIt("isInstance", () -> CharSequence.class.isInstance("s") + " " + Number.class.isAssignableFrom(Integer.class)
                + " " + int.class.isAssignableFrom(Integer.class));
    }
}
