/** Standard streams, system properties, time and array copying. */
package java.lang;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;

public final class System {
    private System() {}

    public static final InputStream in;
    public static final PrintStream out;
    public static final PrintStream err;

    /** Alternating keys and values, as properties0 gives them; guarded by the array's class lock. */
    private static String[] props;
    private static int nProps;
    private static String lineSeparator;

    static {
        String[] initial = properties0();
        props = initial;
        nProps = initial.length / 2;
        String sep = findProperty("line.separator");
        lineSeparator = (sep == null ? "\n" : sep);
        in = new BufferedInputStream(new FileInputStream(FileDescriptor.in));
        out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
    }

    private static native String[] properties0();

    public static void setIn(InputStream in) {
        setIn0(in);
    }

    public static void setOut(PrintStream out) {
        setOut0(out);
    }

    public static void setErr(PrintStream err) {
        setErr0(err);
    }

    private static native void setIn0(InputStream in);

    private static native void setOut0(PrintStream out);

    private static native void setErr0(PrintStream err);

    public static native long currentTimeMillis();

    public static native long nanoTime();

    public static native void arraycopy(Object src, int srcPos, Object dest, int destPos, int length);

    public static native int identityHashCode(Object x);

    public static String lineSeparator() {
        return lineSeparator;
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("key can't be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key can't be empty");
        }
    }

    /** The properties as an object, once a program asked for them: from then on, the store. */
    private static java.util.Properties table;

    private static synchronized String findProperty(String key) {
        if (table != null) {
            return table.getProperty(key);
        }
        String[] p = props;
        for (int i = 0; i < nProps; i++) {
            if (p[2 * i].equals(key)) {
                return p[2 * i + 1];
            }
        }
        return null;
    }

    public static synchronized java.util.Properties getProperties() {
        if (table == null) {
            java.util.Properties t = new java.util.Properties();
            for (int i = 0; i < nProps; i++) {
                t.setProperty(props[2 * i], props[2 * i + 1]);
            }
            table = t;
        }
        return table;
    }

    public static synchronized void setProperties(java.util.Properties p) {
        if (p == null) {
            table = null;
            getProperties();
            return;
        }
        table = p;
    }

    public static String getProperty(String key) {
        checkKey(key);
        return findProperty(key);
    }

    public static String getProperty(String key, String def) {
        checkKey(key);
        String v = findProperty(key);
        return v == null ? def : v;
    }

    public static synchronized String setProperty(String key, String value) {
        checkKey(key);
        if (value == null) {
            throw new NullPointerException();
        }
        if (table != null) {
            return (String) table.setProperty(key, value);
        }
        String[] p = props;
        for (int i = 0; i < nProps; i++) {
            if (p[2 * i].equals(key)) {
                String old = p[2 * i + 1];
                p[2 * i + 1] = value;
                return old;
            }
        }
        if (2 * nProps + 2 > p.length) {
            String[] bigger = new String[2 * nProps + 16];
            arraycopy(p, 0, bigger, 0, 2 * nProps);
            props = p = bigger;
        }
        p[2 * nProps] = key;
        p[2 * nProps + 1] = value;
        nProps++;
        return null;
    }

    public static synchronized String clearProperty(String key) {
        checkKey(key);
        if (table != null) {
            return (String) table.remove(key);
        }
        String[] p = props;
        for (int i = 0; i < nProps; i++) {
            if (p[2 * i].equals(key)) {
                String old = p[2 * i + 1];
                arraycopy(p, 2 * i + 2, p, 2 * i, 2 * (nProps - i - 1));
                nProps--;
                p[2 * nProps] = null;
                p[2 * nProps + 1] = null;
                return old;
            }
        }
        return null;
    }

    public static void exit(int status) {
        Runtime.getRuntime().exit(status);
    }

    public static void gc() {
        Runtime.getRuntime().gc();
    }

    /** The process's environment, read once: it is fixed for the life of the process. */
    private static java.util.Map<String, String> env;

    private static native String[] environ0();

    private static synchronized java.util.Map<String, String> environment() {
        if (env == null) {
            String[] pairs = environ0();
            java.util.HashMap<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                m.put(pairs[i], pairs[i + 1]);
            }
            env = java.util.Collections.unmodifiableMap(m);
        }
        return env;
    }

    public static String getenv(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        return environment().get(name);
    }

    public static java.util.Map<String, String> getenv() {
        return environment();
    }
}
