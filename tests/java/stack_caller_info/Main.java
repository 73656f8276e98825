// Caller information from stack traces, as hand-rolled loggers and assertion helpers get it:
// Thread.currentThread().getStackTrace() and new Throwable().getStackTrace() from nested calls,
// constructors (<init>), static initializers (<clinit>), lambdas, inner and anonymous classes;
// the StackTraceElement getters; toString of elements built by hand with every combination of
// class loader, module, version, file and line (native, unknown source, no line); equals and
// hashCode. Only the program's own frames are printed (the library's are skipped by class name).
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

public class Main {
    static final List<String> LOG = new ArrayList<>();

    static final class Log {
        static void info(String msg) {
            StackTraceElement caller = callerOf(Log.class.getName());
            LOG.add(caller.getClassName() + "." + caller.getMethodName() + ":" + caller.getLineNumber() + " " + msg);
        }

        static StackTraceElement callerOf(String loggerClass) {
            StackTraceElement[] trace = Thread.currentThread().getStackTrace();
            boolean inLogger = false;
            for (StackTraceElement e : trace) {
                boolean isLogger = e.getClassName().equals(loggerClass);
                if (inLogger && !isLogger) {
                    return e;
                }
                inLogger |= isLogger;
            }
            throw new IllegalStateException("logger not on the stack");
        }
    }

    static class Repository {
        static final String NAME;

        static {
            Log.info("static init");
            NAME = "repo";
        }

        Repository() {
            Log.info("constructor");
        }

        void save(String item) {
            Log.info("saving " + item);
            new Object() {
                void audit() {
                    Log.info("anonymous audit");
                }
            }.audit();
        }

        class Tx {
            void commit() {
                Log.info("inner commit");
            }
        }
    }

    static List<String> ownFrames(StackTraceElement[] trace) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement e : trace) {
            if (e.getClassName().startsWith("Main")) {
                out.add(e.getMethodName() + ":" + e.getLineNumber());
            }
        }
        return out;
    }

    static List<String> depth3() {
        return ownFrames(new Throwable().getStackTrace());
    }

    static List<String> depth2() {
        return depth3();
    }

    static List<String> depth1() {
        return depth2();
    }

    static void describe(StackTraceElement e) {
        System.out.println("  " + e + " | class " + e.getClassName() + " method " + e.getMethodName() + " file " + e.getFileName()
                + " line " + e.getLineNumber() + " native " + e.isNativeMethod() + " module " + e.getModuleName() + " version "
                + e.getModuleVersion() + " loader " + e.getClassLoaderName());
    }

    public static void main(String[] args) {
        Log.info("main starts");
        Repository repo = new Repository();
        repo.save("order-1");
        repo.new Tx().commit();
        Runnable r = () -> Log.info("from a lambda");
        r.run();
        Supplier<String> s = new Supplier<>() {
            public String get() {
                Log.info("from an anonymous supplier");
                return "x";
            }
        };
        s.get();
        for (String line : LOG) {
            System.out.println(line);
        }

        System.out.println("own frames: " + depth1());
        StackTraceElement[] here = Thread.currentThread().getStackTrace();
        System.out.println("current thread's trace starts in " + here[0].getClassName() + "." + here[0].getMethodName()
                + ", then " + here[1].getMethodName() + ":" + here[1].getLineNumber() + ", depth " + here.length);
        StackTraceElement top = new Throwable().getStackTrace()[0];
        System.out.println("throwable's top frame:");
        describe(top);
        StackTraceElement fromConstructor = new Exception().getStackTrace()[0];
        System.out.println("equal to a hand-built one: "
                + fromConstructor.equals(new StackTraceElement("Main", "main", "Main.java", fromConstructor.getLineNumber())));

        System.out.println("hand-built elements:");
        StackTraceElement[] built = {
            new StackTraceElement("com.acme.Service", "handle", "Service.java", 42),
            new StackTraceElement("com.acme.Service", "handle", null, 42),
            new StackTraceElement("com.acme.Service", "handle", "Service.java", -1),
            new StackTraceElement("com.acme.Service", "handle", "Service.java", -2),
            new StackTraceElement("com.acme.Service", "handle", null, -2),
            new StackTraceElement("com.acme.Service$Inner", "lambda$run$0", "Service.java", 7),
            new StackTraceElement("app", "com.acme", "2.1", "com.acme.Service", "handle", "Service.java", 42),
            new StackTraceElement("app", "com.acme", null, "com.acme.Service", "handle", "Service.java", 42),
            new StackTraceElement("app", null, null, "com.acme.Service", "handle", "Service.java", 42),
            new StackTraceElement(null, "com.acme", "2.1", "com.acme.Service", "handle", null, -2),
            new StackTraceElement("custom-loader", null, "9", "Plugin", "<init>", "Plugin.java", 0),
            new StackTraceElement(null, "java.base", "17", "java.lang.String", "charAt", "String.java", 1),
        };
        for (StackTraceElement e : built) {
            describe(e);
        }
        StackTraceElement a = new StackTraceElement("X", "m", "X.java", 1);
        StackTraceElement b = new StackTraceElement("X", "m", "X.java", 1);
        StackTraceElement c = new StackTraceElement("X", "m", "X.java", 2);
        StackTraceElement d = new StackTraceElement("app", null, null, "X", "m", "X.java", 1);
        System.out.println("equals " + a.equals(b) + " " + a.equals(c) + " " + a.equals(d) + ", hash equal " + (a.hashCode() == b.hashCode()));
        try {
            new StackTraceElement(null, "m", "X.java", 1);
        } catch (NullPointerException e) {
            System.out.println("null class name: NullPointerException " + e.getMessage());
        }
        try {
            new StackTraceElement("X", null, "X.java", 1);
        } catch (NullPointerException e) {
            System.out.println("null method name: NullPointerException " + e.getMessage());
        }
    }
}
