// java.lang.reflect.Method.invoke and Constructor.newInstance (JLS 15.12.4 semantics through
// reflection): static, instance, overriding, interface default and private methods; unboxing
// and widening of arguments; boxing of results; the exceptions for wrong arguments, receivers
// and access; InvocationTargetException around what the method throws; class initialization
// of a static method's class; abstract classes; varargs.
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

public class Main {
    static StringBuilder log = new StringBuilder();

    static class Shape {
        String name() {
            return "shape";
        }

        public int sides() {
            return 0;
        }

        static String kind() {
            return "static Shape";
        }
    }

    static class Square extends Shape {
        @Override
        String name() {
            return "square";
        }

        @Override
        public int sides() {
            return 4;
        }
    }

    interface Greeter {
        String who();

        default String greet(String greeting) {
            return greeting + ", " + who();
        }
    }

    static class World implements Greeter {
        public String who() {
            return "world";
        }
    }

    static class Lazy {
        static {
            log.append("Lazy initialized ");
        }

        static int answer() {
            return 42;
        }
    }

    static class Thrower {
        static void fail(String msg) {
            throw new IllegalStateException(msg);
        }
    }

    static abstract class Abstract {
        Abstract() {
        }
    }

    static class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        Point() {
            this(-1, -1);
        }

        Point(String s) {
            throw new IllegalArgumentException("no points from " + s);
        }

        @Override
        public String toString() {
            return "(" + x + "," + y + ")";
        }
    }

    private int secret(int a) {
        return a * 100;
    }

    static long widen(long a, double b, int c) {
        return a + (long) b + c;
    }

    static boolean flip(boolean b) {
        return !b;
    }

    static char next(char c) {
        return (char) (c + 1);
    }

    static byte bytes(byte b, short s) {
        return (byte) (b + s);
    }

    static float half(float f) {
        return f / 2;
    }

    static void nothing() {
        log.append("nothing ran ");
    }

    static String join(String sep, String... parts) {
        return String.join(sep, parts);
    }

    static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + ":" + o;
    }

    static void attempt(String what, Method m, Object recv, Object... args) {
        try {
            Object r = m.invoke(recv, args);
            System.out.println(what + " -> " + describe(r));
        } catch (InvocationTargetException e) {
            System.out.println(what + " -> InvocationTargetException, cause " + e.getCause() + ", message " + e.getMessage());
        } catch (Exception e) {
            System.out.println(what + " -> " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        Method name = Shape.class.getDeclaredMethod("name");
        attempt("Shape.name on Square", name, new Square());
        attempt("Shape.name on Shape", name, new Shape());
        Method sides = Shape.class.getMethod("sides");
        attempt("sides", sides, new Square());
        attempt("kind", Shape.class.getDeclaredMethod("kind"), null);
        attempt("kind with a receiver", Shape.class.getDeclaredMethod("kind"), "ignored");
        Method greet = Greeter.class.getMethod("greet", String.class);
        attempt("default greet", greet, new World(), "hello");
        attempt("who through interface", Greeter.class.getMethod("who"), new World());

        Method lazy = Lazy.class.getDeclaredMethod("answer");
        System.out.println("before invoke: [" + log + "]");
        attempt("Lazy.answer", lazy, null);
        System.out.println("after invoke: [" + log + "]");

        Method secret = Main.class.getDeclaredMethod("secret", int.class);
        attempt("secret", secret, new Main(), 3);
        attempt("secret, short widened", secret, new Main(), (short) 4);
        attempt("secret, char widened", secret, new Main(), 'A');
        attempt("secret, long narrowed", secret, new Main(), 5L);
        attempt("secret, string", secret, new Main(), "x");
        attempt("secret, null int", secret, new Main(), (Object) null);
        attempt("secret, no args", secret, new Main());
        attempt("secret, two args", secret, new Main(), 1, 2);
        attempt("secret, null receiver", secret, null, 1);
        attempt("secret, wrong receiver", secret, "a string", 1);
        attempt("sides, wrong receiver", sides, "a string");

        attempt("widen", Main.class.getDeclaredMethod("widen", long.class, double.class, int.class), null, 1, 2.5f, (byte) 3);
        attempt("flip", Main.class.getDeclaredMethod("flip", boolean.class), null, true);
        attempt("flip int", Main.class.getDeclaredMethod("flip", boolean.class), null, 1);
        attempt("next", Main.class.getDeclaredMethod("next", char.class), null, 'a');
        attempt("bytes", Main.class.getDeclaredMethod("bytes", byte.class, short.class), null, (byte) 1, (byte) 2);
        attempt("half", Main.class.getDeclaredMethod("half", float.class), null, 3);
        attempt("half of a long", Main.class.getDeclaredMethod("half", float.class), null, 3L);
        attempt("half of a double", Main.class.getDeclaredMethod("half", float.class), null, 3.0);
        attempt("nothing", Main.class.getDeclaredMethod("nothing"), null);
        Method join = Main.class.getDeclaredMethod("join", String.class, String[].class);
        System.out.println("join is varargs: " + join.isVarArgs() + ", parameters " + join.getParameterCount());
        attempt("join", join, null, "-", new String[] {"a", "b", "c"});
        attempt("join, loose strings", join, null, "-", "a", "b");
        attempt("sum", Main.class.getDeclaredMethod("sum", int[].class), null, (Object) new int[] {1, 2, 3});
        attempt("sum, wrong array", Main.class.getDeclaredMethod("sum", int[].class), null, (Object) new long[] {1});
        attempt("fail", Thrower.class.getDeclaredMethod("fail", String.class), null, "boom");
        attempt("Object.toString", Object.class.getMethod("toString"), new Point(1, 2));
        attempt("String.length", String.class.getMethod("length"), "four");
        attempt("Integer.parseInt", Integer.class.getMethod("parseInt", String.class), null, "123");
        attempt("Integer.parseInt bad", Integer.class.getMethod("parseInt", String.class), null, "12x");
        attempt("Math.max", Math.class.getMethod("max", int.class, int.class), null, 3, 9);

        Constructor<Point> two = Point.class.getDeclaredConstructor(int.class, int.class);
        System.out.println("new " + two.newInstance(3, 4));
        System.out.println("new " + Point.class.getDeclaredConstructor().newInstance());
        try {
            Point.class.getDeclaredConstructor(String.class).newInstance("text");
        } catch (InvocationTargetException e) {
            System.out.println("constructor threw: " + e.getCause());
        }
        try {
            two.newInstance(1);
        } catch (IllegalArgumentException e) {
            System.out.println("constructor, one arg: " + e);
        }
        try {
            Abstract.class.getDeclaredConstructor().newInstance();
        } catch (InstantiationException e) {
            System.out.println("abstract: " + e);
        }
        Constructor<StringBuilder> sb = StringBuilder.class.getConstructor(String.class);
        System.out.println("library constructor: " + sb.newInstance("built").reverse());
        Object list = Class.forName("java.util.ArrayList").getConstructor().newInstance();
        System.out.println("forName + newInstance: " + list);
    }
}
