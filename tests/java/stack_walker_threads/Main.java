// StackWalker and traces in other threads and in static initializers: a Thread subclass's run()
// is the bottom frame (its caller class: none), a Runnable runs under Thread.run (its caller:
// java.lang.Thread), a static initializer shows <clinit> above the instruction that triggered
// it (the class initialization the VM drives is no frame of its own), also when a superclass's
// initializer runs first. Class library frames print without line numbers.
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final StackWalker RETAIN = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    static synchronized void log(String s) {
        System.out.println(s);
    }

    static String frames() {
        List<String> out = new ArrayList<>();
        RETAIN.forEach(f -> {
            String where = f.getClassName().startsWith("Main") ? f.toString() : f.getClassName() + "." + f.getMethodName();
            out.add(where + " [" + f.getDeclaringClass().getSimpleName() + "]");
        });
        return String.join(" < ", out);
    }

    static String trace() {
        List<String> out = new ArrayList<>();
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            out.add(e.getClassName().startsWith("Main") ? e.toString() : e.getClassName() + "." + e.getMethodName());
        }
        return String.join(" < ", out);
    }

    static String callerOf() {
        try {
            return String.valueOf(RETAIN.getCallerClass());
        } catch (IllegalCallerException e) {
            return e.toString();
        }
    }

    static class Base {
        static final String SEEN = frames();
    }

    static class Derived extends Base {
        static final String SEEN = frames();
        static final String TRACE = trace();
    }

    static class Sub extends Thread {
        String walked;
        String caller;

        @Override
        public void run() {
            walked = frames();
            try {
                caller = String.valueOf(RETAIN.getCallerClass());
            } catch (IllegalCallerException e) {
                caller = e.toString();
            }
        }
    }

    static String callerCheck() {
        return callerOf();
    }

    public static void main(String[] args) throws Exception {
        Sub sub = new Sub();
        sub.start();
        sub.join();
        log("subclass run: " + sub.walked);
        log("caller of run: " + sub.caller);

        String[] seen = new String[4];
        Thread runnable = new Thread(() -> {
            seen[0] = frames();
            seen[1] = trace();
            seen[2] = String.valueOf(RETAIN.getCallerClass());
            seen[3] = callerOf();
        });
        runnable.start();
        runnable.join();
        log("runnable: " + seen[0]);
        log("runnable trace: " + seen[1]);
        log("caller of a runnable: " + seen[2] + ", of its callee: " + seen[3]);
        log("caller of main: " + callerCheck());

        int before = 0;
        String derived = Derived.SEEN;
        log("base: " + Base.SEEN);
        log("derived: " + derived);
        log("derived trace: " + Derived.TRACE);
        log("" + before);
    }
}
