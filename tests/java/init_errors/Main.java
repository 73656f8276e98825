// JLS 12.4.2 steps 5, 7, 10 to 12: a static initializer that throws an exception that is not an
// Error makes the class erroneous and throws ExceptionInInitializerError; an Error is thrown
// as it is; every later use throws NoClassDefFoundError; a subclass whose superclass fails is
// erroneous too and gets the superclass's exception.
public class Main {
    static class Fails {
        static int value = compute();

        static int compute() {
            throw new IllegalStateException("boom");
        }

        static void touch() {
        }
    }

    static class ThrowsError {
        static {
            if (true) {
                throw new AssertionError("error from clinit");
            }
        }

        static int x;
    }

    static class Parent {
        static int v = 1 / zero();
    }

    static class Child extends Parent {
        static {
            System.out.println("Child's initializer must not run");
        }

        static int w = 2;
    }

    static int zero() {
        return 0;
    }

    static class Counter {
        static int attempts;
    }

    static class FailsOnce {
        static {
            Counter.attempts++;
            if (Counter.attempts > 0) {
                throw new RuntimeException("attempt " + Counter.attempts);
            }
        }

        static int x = 5;
    }

    static void report(String what, Throwable t) {
        System.out.println(what + ": " + t);
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            System.out.println("  caused by " + c);
        }
    }

    public static void main(String[] args) {
        try {
            Fails.touch();
        } catch (Throwable t) {
            report("first use", t);
        }
        try {
            System.out.println(Fails.value);
        } catch (Throwable t) {
            report("second use", t);
        }
        try {
            new Fails();
        } catch (Throwable t) {
            report("new", t);
        }
        try {
            System.out.println(ThrowsError.x);
        } catch (Throwable t) {
            report("error", t);
        }
        try {
            ThrowsError.x = 3;
        } catch (Throwable t) {
            report("error again", t);
        }
        try {
            System.out.println(Child.w);
        } catch (Throwable t) {
            report("child of a failing parent", t);
        }
        try {
            System.out.println(Parent.v);
        } catch (Throwable t) {
            report("parent after", t);
        }
        try {
            System.out.println(Child.w);
        } catch (Throwable t) {
            report("child after", t);
        }
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println(FailsOnce.x);
            } catch (Throwable t) {
                report("fails once, try " + i, t);
            }
        }
        System.out.println("attempts: " + Counter.attempts);
        // The exception of a static initializer, uncaught.
        System.out.println(Uncaught.x);
    }

    static class Uncaught {
        static int x = parse("not a number");

        static int parse(String s) {
            throw new NumberFormatException("For input string: \"" + s + "\"");
        }
    }
}
