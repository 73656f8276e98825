// A service whose static initializer fails, as a misconfigured connection pool does in
// production (JLS 12.4.2 steps 10 to 12): the first use gets ExceptionInInitializerError with
// the cause, every later use (static call, field, new, Class.forName, reflection, a subclass,
// another thread) gets NoClassDefFoundError "Could not initialize class", an Error from the
// initializer is rethrown as it is, and printStackTrace shows the chain. Classes that did not
// fail keep working, and a fresh class with the same logic but a valid config succeeds.
import java.lang.reflect.Method;

public class Main {
    static String configuredUrl = "";

    static class ConnectionPool {
        static final String URL;
        static int opened;

        static {
            System.out.println("  ConnectionPool initializing with '" + configuredUrl + "'");
            if (configuredUrl.isEmpty()) {
                throw new IllegalStateException("no database URL configured");
            }
            URL = configuredUrl;
        }

        static String connect() {
            opened++;
            return "connection to " + URL;
        }
    }

    static class PooledRepository extends ConnectionPool {
        static {
            System.out.println("  PooledRepository initializing");
        }

        static String find() {
            return "found";
        }
    }

    static class NativeDriver {
        static {
            System.out.println("  NativeDriver initializing");
            if (true) {
                throw new UnsatisfiedLinkError("no libdriver in java.library.path");
            }
        }

        static void load() {
        }
    }

    static class HealthyCache {
        static final java.util.Map<String, String> DATA = new java.util.TreeMap<>();

        static {
            System.out.println("  HealthyCache initializing");
            DATA.put("k", "v");
        }
    }

    static class RetryingPool {
        static final String URL;

        static {
            System.out.println("  RetryingPool initializing with '" + configuredUrl + "'");
            if (configuredUrl.isEmpty()) {
                throw new IllegalStateException("no database URL configured");
            }
            URL = configuredUrl;
        }
    }

    interface Attempt {
        Object run() throws Throwable;
    }

    static void attempt(String label, Attempt a) {
        System.out.println(label + ":");
        try {
            System.out.println("  ok: " + a.run());
        } catch (ExceptionInInitializerError e) {
            System.out.println("  ExceptionInInitializerError, message " + e.getMessage() + ", cause " + e.getCause()
                    + ", getException same: " + (e.getException() == e.getCause()));
        } catch (NoClassDefFoundError e) {
            System.out.println("  NoClassDefFoundError: " + e.getMessage() + (e.getCause() == null ? "" : ", cause " + e.getCause()));
        } catch (Throwable t) {
            System.out.println("  " + t + (t.getCause() == null ? "" : ", cause " + t.getCause()));
        }
    }

    static class Worker extends Thread {
        String result;

        @Override
        public void run() {
            try {
                result = ConnectionPool.connect();
            } catch (NoClassDefFoundError e) {
                result = "worker got NoClassDefFoundError: " + e.getMessage();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        attempt("first connect", ConnectionPool::connect);
        attempt("second connect", ConnectionPool::connect);
        attempt("read static field", () -> ConnectionPool.opened);
        attempt("write static field", () -> ConnectionPool.opened = 5);
        attempt("new instance", () -> new ConnectionPool());
        attempt("subclass static call", PooledRepository::find);
        attempt("subclass again", PooledRepository::find);
        attempt("Class.forName", () -> Class.forName("Main$ConnectionPool"));
        attempt("Class.forName without init", () -> Class.forName("Main$ConnectionPool", false, Main.class.getClassLoader()).getSimpleName());
        attempt("class literal", () -> ConnectionPool.class.getSimpleName());
        attempt("array of it", () -> new ConnectionPool[3].length);
        attempt("reflective invoke", () -> {
            Method m = ConnectionPool.class.getDeclaredMethod("connect");
            return m.invoke(null);
        });
        Worker w = new Worker();
        w.start();
        w.join();
        System.out.println("worker thread: " + w.result);

        attempt("native driver", () -> {
            NativeDriver.load();
            return "loaded";
        });
        attempt("native driver again", () -> {
            NativeDriver.load();
            return "loaded";
        });
        attempt("healthy cache", () -> HealthyCache.DATA);

        System.out.println("stack trace of a fresh failure:");
        try {
            Object o = RetryingPool.URL;
        } catch (ExceptionInInitializerError e) {
            e.printStackTrace(System.out);
        }
        configuredUrl = "jdbc:h2:mem";
        attempt("retry after fixing the config", () -> RetryingPool.URL);
        System.out.println("stack trace of the later failure:");
        try {
            Object o = RetryingPool.URL;
        } catch (NoClassDefFoundError e) {
            e.printStackTrace(System.out);
        }
    }
}
