// A JUnit-3-style test runner: test classes are found by name, instantiated through their
// no-argument constructor, their public void test* methods run in getMethods order (HotSpot's)
// with optional setUp/tearDown found by getMethod (NoSuchMethodException when absent), and
// failures unwrapped from InvocationTargetException. Then a command-line dispatcher that picks
// overloads by parameter types, calls static and varargs methods with argument arrays, and
// prints the reflective errors a wrong call produces.
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class Main {
    public static class AssertionFailed extends RuntimeException {
        public AssertionFailed(String m) {
            super(m);
        }
    }

    public abstract static class TestCase {
        protected List<String> log = new ArrayList<>();

        protected void assertEquals(Object expected, Object actual) {
            if (!expected.equals(actual)) {
                throw new AssertionFailed("expected <" + expected + "> but was <" + actual + ">");
            }
        }

        public void testInherited() {
            log.add("inherited ran");
        }
    }

    public static class StackTest extends TestCase {
        private java.util.ArrayDeque<Integer> stack;

        public void setUp() {
            stack = new java.util.ArrayDeque<>();
            stack.push(1);
        }

        public void tearDown() {
            stack = null;
        }

        public void testPush() {
            stack.push(2);
            assertEquals(2, stack.size());
        }

        public void testPopEmpty() {
            stack.pop();
            stack.pop();
        }

        public void testPeek() {
            assertEquals(7, stack.peek());
        }

        public void testWithArg(int x) {
        }

        public int testReturnsValue() {
            return 1;
        }

        private void testPrivate() {
        }

        public static void testStatic() {
        }
    }

    public static class MathTest extends TestCase {
        public void testAdd() {
            assertEquals(4, 2 + 2);
        }

        public void testDivide() {
            int zero = log.size();
            System.out.println("  1/zero = " + 1 / zero);
        }

        public void testStackOverflowIsError() {
            throw new StackOverflowError("simulated");
        }
    }

    public static class BrokenTest extends TestCase {
        public BrokenTest() {
            throw new IllegalStateException("cannot construct");
        }

        public void testNothing() {
        }
    }

    public abstract static class AbstractTest extends TestCase {
    }

    static void runClass(String name) {
        System.out.println("== " + name);
        Class<?> c;
        try {
            c = Class.forName(name);
        } catch (ClassNotFoundException e) {
            System.out.println("  no such class: " + e.getMessage());
            return;
        }
        if (!TestCase.class.isAssignableFrom(c)) {
            System.out.println("  not a TestCase: " + c.getName());
            return;
        }
        Method setUp = null;
        Method tearDown = null;
        try {
            setUp = c.getMethod("setUp");
        } catch (NoSuchMethodException e) {
            System.out.println("  (no setUp: " + e.getMessage() + ")");
        }
        try {
            tearDown = c.getMethod("tearDown");
        } catch (NoSuchMethodException e) {
            System.out.println("  (no tearDown: " + e.getMessage() + ")");
        }
        int passed = 0, failed = 0, errors = 0;
        for (Method m : c.getMethods()) {
            if (!m.getName().startsWith("test")) {
                continue;
            }
            if (m.getParameterCount() != 0 || m.getReturnType() != void.class || Modifier.isStatic(m.getModifiers())) {
                System.out.println("  ignored " + m);
                continue;
            }
            Object instance;
            try {
                instance = c.getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                System.out.println("  " + m.getName() + ": constructor threw " + e.getCause());
                errors++;
                continue;
            } catch (ReflectiveOperationException e) {
                System.out.println("  " + m.getName() + ": cannot instantiate: " + e);
                errors++;
                continue;
            }
            try {
                if (setUp != null) {
                    setUp.invoke(instance);
                }
                m.invoke(instance);
                System.out.println("  " + m.getName() + ": ok" + ((TestCase) instance).log);
                passed++;
            } catch (InvocationTargetException e) {
                Throwable t = e.getTargetException();
                if (t instanceof AssertionFailed) {
                    System.out.println("  " + m.getName() + ": FAILED " + t.getMessage());
                    failed++;
                } else {
                    System.out.println("  " + m.getName() + ": ERROR " + t + " (cause same: " + (t == e.getCause()) + ", message " + e.getMessage() + ")");
                    errors++;
                }
            } catch (IllegalAccessException e) {
                System.out.println("  " + m.getName() + ": " + e);
            } finally {
                try {
                    if (tearDown != null) {
                        tearDown.invoke(instance);
                    }
                } catch (ReflectiveOperationException e) {
                    System.out.println("  tearDown failed: " + e);
                }
            }
        }
        System.out.println("  passed " + passed + ", failed " + failed + ", errors " + errors);
    }

    public static class Commands {
        public static String greet(String who) {
            return "hello " + who;
        }

        public static String greet(String who, int times) {
            return ("hello " + who + " ").repeat(times).trim();
        }

        public static long sum(long... values) {
            long s = 0;
            for (long v : values) {
                s += v;
            }
            return s;
        }

        public static String join(String sep, String... parts) {
            return String.join(sep, parts);
        }

        public static double scale(double x, float f) {
            return x * f;
        }

        public static boolean check(boolean b) {
            return !b;
        }

        public static void fail(String why) throws Exception {
            throw new Exception(why);
        }
    }

    static void call(String name, Class<?>[] types, Object... args) {
        String sig = name + Arrays.toString(types).replace("class ", "");
        try {
            Method m = Commands.class.getMethod(name, types);
            Object r = m.invoke(null, args);
            System.out.println(sig + " = " + r + (r == null ? "" : " : " + r.getClass().getSimpleName()));
        } catch (NoSuchMethodException e) {
            System.out.println(sig + " -> NoSuchMethodException: " + e.getMessage());
        } catch (InvocationTargetException e) {
            System.out.println(sig + " -> target threw " + e.getCause());
        } catch (IllegalArgumentException | IllegalAccessException e) {
            System.out.println(sig + " -> " + e);
        } catch (NullPointerException e) {
            System.out.println(sig + " -> NullPointerException (no receiver)");
        }
    }

    public static void main(String[] args) {
        runClass("Main$StackTest");
        runClass("Main$MathTest");
        runClass("Main$BrokenTest");
        runClass("Main$AbstractTest");
        runClass("Main$Commands");
        runClass("Main$MissingTest");

        System.out.println("== commands");
        call("greet", new Class<?>[] {String.class}, "world");
        call("greet", new Class<?>[] {String.class, int.class}, "you", 3);
        call("greet", new Class<?>[] {String.class, Integer.class}, "you", 3);
        call("greet", new Class<?>[] {Object.class}, "world");
        call("greet", new Class<?>[] {}, "world");
        call("sum", new Class<?>[] {long[].class}, (Object) new long[] {1, 2, 3});
        call("sum", new Class<?>[] {long[].class}, (Object) new long[0]);
        call("sum", new Class<?>[] {long[].class}, (Object) new int[] {1, 2});
        call("sum", new Class<?>[] {long.class}, 5L);
        call("join", new Class<?>[] {String.class, String[].class}, "-", new String[] {"a", "b", "c"});
        call("join", new Class<?>[] {String.class, String[].class}, "-", "a");
        call("scale", new Class<?>[] {double.class, float.class}, 2, 1.5f);
        call("scale", new Class<?>[] {double.class, float.class}, 2.5f, 'A');
        call("scale", new Class<?>[] {double.class, float.class}, 2.5, 1.5);
        call("check", new Class<?>[] {boolean.class}, Boolean.TRUE);
        call("check", new Class<?>[] {boolean.class}, 1);
        call("check", new Class<?>[] {boolean.class}, (Object) null);
        call("fail", new Class<?>[] {String.class}, "on purpose");
        call("Greet", new Class<?>[] {String.class}, "x");
        call("toString", new Class<?>[] {}, new Object[0]);
    }
}
