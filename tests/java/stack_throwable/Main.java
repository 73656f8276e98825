// Throwable's stack traces: where they start (the constructors and fillInStackTrace left out),
// fillInStackTrace again elsewhere, setStackTrace and its checks, a trace that cannot be
// written, lambdas (their generated classes are hidden frames), a static initializer (its
// caller at the instruction that triggered it), and the frame of a native method on top of
// what it throws (System.arraycopy, Object.notify, Thread.sleep: no line numbers, so these
// print exactly as HotSpot prints them). StackTraceElement's own constructors, equals,
// hashCode and toString with and without class loader and module.
import java.util.function.Supplier;

public class Main {
    static class Failure extends RuntimeException {
        Failure(String m) {
            super(m);
        }

        Failure() {
            this("default");
        }
    }

    static class Quiet extends RuntimeException {
        Quiet() {
            super("quiet", null, false, false);
        }
    }

    static class Holder {
        static final StackTraceElement[] TRACE = new Throwable().getStackTrace();
    }

    static Throwable saved;

    static void show(String label, StackTraceElement[] trace) {
        System.out.println(label + ": " + trace.length);
        for (StackTraceElement e : trace) {
            System.out.println("  " + e);
        }
    }

    static Throwable make() {
        return new Failure();
    }

    static void refill() {
        saved.fillInStackTrace();
    }

    public static void main(String[] args) {
        show("new Failure()", make().getStackTrace());

        saved = new Throwable("saved");
        refill();
        show("refilled", saved.getStackTrace());

        StackTraceElement[] custom = {
            new StackTraceElement("com.example.Thing", "work", "Thing.java", 42),
            new StackTraceElement("com.example.Thing", "nat", "Thing.java", -2),
            new StackTraceElement("com.example.Thing", "nofile", null, 7),
            new StackTraceElement("com.example.Thing", "unknown", "Thing.java", -1),
            new StackTraceElement("app", "com.example", "1.0", "com.example.Thing", "mod", "Thing.java", 3),
            new StackTraceElement("app", null, null, "Thing", "loader", "Thing.java", 3),
            new StackTraceElement(null, "m", null, "Thing", "module", null, -1),
        };
        saved.setStackTrace(custom);
        custom[0] = null;
        saved.printStackTrace(System.out);
        StackTraceElement[] copy = saved.getStackTrace();
        copy[1] = null;
        System.out.println("copies: " + (saved.getStackTrace()[1] != null));

        try {
            saved.setStackTrace(new StackTraceElement[] {custom[1], null});
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }

        Quiet quiet = new Quiet();
        quiet.setStackTrace(saved.getStackTrace());
        quiet.fillInStackTrace();
        System.out.println("not writable: " + quiet.getStackTrace().length);

        Supplier<Throwable> lambda = () -> new Throwable("from a lambda");
        show("lambda", lambda.get().getStackTrace());
        Supplier<Throwable> reference = Main::make;
        show("method reference", reference.get().getStackTrace());

        int before = 1;
        StackTraceElement[] init = Holder.TRACE;
        show("static initializer", init);

        StackTraceElement a = new StackTraceElement("A", "b", "A.java", 3);
        StackTraceElement b = new StackTraceElement(null, null, null, "A", "b", "A.java", 3);
        StackTraceElement c = new StackTraceElement("app", null, null, "A", "b", "A.java", 3);
        System.out.println(a.equals(b) + " " + a.equals(c) + " " + (a.hashCode() == b.hashCode()));
        System.out.println(a.hashCode() + " " + c.hashCode());
        System.out.println(c.getClassLoaderName() + " " + c.getModuleName() + " " + c.getModuleVersion()
                + " " + c.isNativeMethod());
        StackTraceElement here = new Throwable().getStackTrace()[0];
        System.out.println(here.getClassLoaderName() + " " + here.getModuleName() + " " + here.getModuleVersion()
                + " " + here.getFileName() + " " + here.getLineNumber() + " " + here.hashCode());
        try {
            new StackTraceElement(null, "m", "F.java", 1);
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        try {
            new StackTraceElement("C", null, "F.java", 1);
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }

        try {
            int[] small = new int[2];
            System.arraycopy(small, 0, small, 1, 5);
        } catch (ArrayIndexOutOfBoundsException e) {
            e.printStackTrace(System.out);
        }
        try {
            new Object().notify();
        } catch (IllegalMonitorStateException e) {
            e.printStackTrace(System.out);
        }
        try {
            Thread.sleep(-1);
        } catch (IllegalArgumentException | InterruptedException e) {
            e.printStackTrace(System.out);
        }
        Thread.currentThread().interrupt();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            e.printStackTrace(System.out);
        }
        System.out.println(before);
    }
}
