public class Main {
    static class Broken {
        static int value = compute();

        static int compute() {
            System.out.println("Broken.compute runs");
            if (value == 0) {
                throw new IllegalStateException("static init failed");
            }
            return 1;
        }

        static void hello() { System.out.println("hello from Broken"); }
    }

    static class BrokenDivide {
        static int zero = 0;
        static int bad = 10 / zero;
    }

    static class ChecksFirst {
        static { System.out.println("ChecksFirst init"); }
        static int v = 5;
    }

    static class ErrorInit {
        static {
            if (ChecksFirst.v == 5) {
                throw new AssertionError("assertion in static block");
            }
        }
        static int x;
    }

    public static void main(String[] args) {
        try {
            Broken.hello();
        } catch (ExceptionInInitializerError e) {
            System.out.println("first use: " + e);
            System.out.println("  message " + e.getMessage());
            System.out.println("  cause " + e.getCause());
            System.out.println("  exception " + e.getException());
        }
        try {
            Broken.hello();
        } catch (NoClassDefFoundError e) {
            System.out.println("second use: " + e);
            System.out.println("  cause " + e.getCause());
        }
        try {
            System.out.println(Broken.value);
        } catch (NoClassDefFoundError e) {
            System.out.println("third use: " + e.getMessage());
        }
        try {
            System.out.println(BrokenDivide.bad);
        } catch (ExceptionInInitializerError e) {
            System.out.println("divide: " + e.getCause());
        }
        try {
            System.out.println(BrokenDivide.zero);
        } catch (NoClassDefFoundError e) {
            System.out.println("divide again: " + e.getMessage());
        }
        try {
            System.out.println(ErrorInit.x);
        } catch (Throwable t) {
            System.out.println("error init: " + t.getClass().getName() + " " + t.getMessage() + " cause " + t.getCause());
        }
        try {
            new ErrorInit();
        } catch (Throwable t) {
            System.out.println("error init again: " + t);
        }
        System.out.println("program continues");
    }
}
