// Class.forName as drivers and plugin loaders use it: the one-argument form (initializes), the
// three-argument form with initialize false and true, array descriptors, binary names of nested
// classes, ClassLoader.loadClass (never initializes, no arrays), and the ClassNotFoundException
// messages for names that are wrong in the ways people get them wrong.
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final List<String> events = new ArrayList<>();

    public static class MySqlDriver {
        static {
            events.add("MySqlDriver registered");
            DriverManager.register("mysql", MySqlDriver.class);
        }
    }

    public static class PostgresDriver {
        static {
            events.add("PostgresDriver registered");
            DriverManager.register("postgres", PostgresDriver.class);
        }
    }

    static class Config {
        static int loads;

        static {
            loads++;
            events.add("Config initialized (" + loads + ")");
        }
    }

    static class Element {
        static {
            events.add("Element initialized");
        }
    }

    static class DriverManager {
        static final List<String> registered = new ArrayList<>();

        static void register(String name, Class<?> c) {
            registered.add(name + "=" + c.getSimpleName());
        }
    }

    static String describe(Class<?> c) {
        String kind = c.isPrimitive() ? "primitive" : c.isArray() ? "array" : c.isInterface() ? "interface" : "class";
        return kind + " " + c.getName() + (c.isArray() ? " of " + c.getComponentType().getName() : "");
    }

    static void tryForName(String name) {
        try {
            Class<?> c = Class.forName(name);
            System.out.println("forName(\"" + name + "\") -> " + describe(c));
        } catch (ClassNotFoundException e) {
            System.out.println("forName(\"" + name + "\") -> ClassNotFoundException: " + e.getMessage()
                    + (e.getCause() == null ? "" : " cause " + e.getCause()));
        } catch (Exception | LinkageError e) {
            System.out.println("forName(\"" + name + "\") -> " + e);
        }
    }

    static void flush() {
        for (String e : events) {
            System.out.println("  event: " + e);
        }
        events.clear();
    }

    public static void main(String[] args) throws Exception {
        System.out.println("-- loading drivers by name");
        for (String driver : new String[] {"Main$MySqlDriver", "Main$PostgresDriver", "Main$MySqlDriver",
                "Main$OracleDriver", "Main.PostgresDriver"}) {
            try {
                Class<?> c = Class.forName(driver);
                System.out.println("loaded " + c.getName() + " simple " + c.getSimpleName());
            } catch (ClassNotFoundException e) {
                System.out.println("driver not found: " + e.getMessage());
            }
            flush();
        }
        System.out.println("registered " + DriverManager.registered);

        System.out.println("-- names");
        String[] names = {
            "java.lang.String", "java.util.ArrayList", "java.util.Map$Entry", "java.util.Map.Entry",
            "java.lang.Runnable", "Main", "int", "void", "Integer", "java.lang.integer", "string",
            "[I", "[[J", "[Z", "[Ljava.lang.String;", "[Ljava.lang.String", "[LMain$Config;",
            "[[Ljava.util.List;", "[Lint;", "[V", "[", "[]", "int[]", "java.lang.String[]",
            "java/lang/String", "Ljava/lang/String;", "Ljava.lang.String;", " java.lang.String",
            "java.lang.String ", "", "com.example.jdbc.Driver", "Main$", "Main$$Config",
        };
        for (String n : names) {
            tryForName(n);
        }
        flush();

        System.out.println("-- initialize flag");
        ClassLoader loader = Main.class.getClassLoader();
        Class<?> cfg = Class.forName("Main$Config", false, loader);
        System.out.println("forName(Config, false) -> " + cfg.getSimpleName());
        flush();
        Class<?> arr = Class.forName("[[LMain$Element;", true, loader);
        System.out.println("forName([[LMain$Element;, true) -> " + arr.getSimpleName() + " dims "
                + arr.getComponentType().getComponentType().getSimpleName());
        flush();
        Class<?> cfg2 = Class.forName("Main$Config", true, loader);
        System.out.println("forName(Config, true) same class: " + (cfg == cfg2));
        flush();
        Class.forName("Main$Config", true, loader);
        System.out.println("again: nothing happens");
        flush();
        Class<?> el = loader.loadClass("Main$Element");
        System.out.println("loadClass(Element) -> " + el.getName());
        flush();
        System.out.println("Element arrays created: " + new Element[3].length + " " + new Element[2][2].length);
        flush();
        Object e = el.getDeclaredConstructor().newInstance();
        System.out.println("instance made: " + (e instanceof Element));
        flush();

        System.out.println("-- class loaders");
        try {
            loader.loadClass("[I");
        } catch (ClassNotFoundException ex) {
            System.out.println("loadClass([I) -> ClassNotFoundException: " + ex.getMessage());
        }
        try {
            loader.loadClass("java.util.Missing");
        } catch (ClassNotFoundException ex) {
            System.out.println("loadClass(java.util.Missing) -> ClassNotFoundException: " + ex.getMessage());
        }
        try {
            Class.forName("Main", false, null);
        } catch (ClassNotFoundException ex) {
            System.out.println("forName(Main, bootstrap) -> ClassNotFoundException: " + ex.getMessage());
        }
        Class<?> s = Class.forName("java.lang.StringBuilder", false, null);
        System.out.println("forName(StringBuilder, bootstrap) -> " + s.getName() + " loader null: " + (s.getClassLoader() == null));
        System.out.println("int[] loader null: " + (int[].class.getClassLoader() == null)
                + ", Main[] loader is app loader: " + (Main[].class.getClassLoader() == loader));
        try {
            Class.forName(null);
        } catch (NullPointerException ex) {
            System.out.println("forName(null) -> NullPointerException");
        }
        System.out.println("same Class object: " + (Class.forName("[Ljava.lang.String;") == String[].class)
                + " " + (Class.forName("java.util.Map$Entry") == java.util.Map.Entry.class));
    }
}
