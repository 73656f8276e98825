// A plugin loader as application servers write one: plugin classes named in a list are loaded
// with Class.forName, checked against the Plugin interface with asSubclass, and instantiated
// through the constructor that fits (no-argument, or one taking a Context), with every kind of
// failure turned into a report line: abstract classes, interfaces, private and package-private
// constructors of classes in other files, constructors that throw checked and unchecked
// exceptions and errors, wrong argument counts and types, and classes that are not plugins.
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final List<Plugin> loaded = new ArrayList<>();

    static Plugin instantiate(Class<? extends Plugin> type, Context ctx) throws ReflectiveOperationException {
        try {
            Constructor<? extends Plugin> k = type.getConstructor(Context.class);
            return k.newInstance(ctx);
        } catch (NoSuchMethodException e) {
            Constructor<? extends Plugin> k = type.getDeclaredConstructor();
            return k.newInstance();
        }
    }

    static void load(String name, Context ctx) {
        String prefix = "  " + name + ": ";
        try {
            Class<?> raw = Class.forName(name);
            Class<? extends Plugin> type = raw.asSubclass(Plugin.class);
            if (Modifier.isAbstract(type.getModifiers())) {
                System.out.println(prefix + "skipped, " + (type.isInterface() ? "an interface" : "abstract"));
            }
            Plugin p = instantiate(type, ctx);
            loaded.add(p);
            System.out.println(prefix + "loaded " + p.name() + " v" + p.version());
        } catch (ClassNotFoundException e) {
            System.out.println(prefix + "not found");
        } catch (ClassCastException e) {
            System.out.println(prefix + "not a plugin (" + e.getMessage() + ")");
        } catch (NoSuchMethodException e) {
            System.out.println(prefix + "no usable constructor: " + e.getMessage());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.out.println(prefix + "constructor failed: " + cause + (cause.getCause() != null ? " caused by " + cause.getCause() : ""));
        } catch (InstantiationException e) {
            System.out.println(prefix + "cannot instantiate: " + e);
        } catch (IllegalAccessException e) {
            System.out.println(prefix + "access denied: " + e.getMessage());
        } catch (ExceptionInInitializerError e) {
            System.out.println(prefix + "static initializer failed: " + e.getCause());
        } catch (LinkageError e) {
            System.out.println(prefix + "linkage: " + e);
        } catch (ReflectiveOperationException e) {
            System.out.println(prefix + "other: " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        Context ctx = new Context("prod");
        String[] names = {
            "HelloPlugin", "ContextPlugin", "PrivatePlugin", "PackagePlugin", "AbstractPlugin", "Plugin",
            "ThrowingPlugin", "CheckedPlugin", "ErrorPlugin", "BrokenStaticPlugin", "BrokenStaticPlugin", "NotAPlugin",
            "MissingPlugin", "ContextPlugin$Inner", "ArgsPlugin",
        };
        System.out.println("loading:");
        for (String n : names) {
            load(n, ctx);
        }
        System.out.println("loaded " + loaded.size() + ":");
        for (Plugin p : loaded) {
            System.out.println("  " + p.name() + " -> " + p.run("input"));
        }

        System.out.println("constructors:");
        for (String n : new String[] {"HelloPlugin", "ContextPlugin", "PrivatePlugin", "PackagePlugin", "ArgsPlugin"}) {
            Class<?> c = Class.forName(n);
            StringBuilder sb = new StringBuilder("  " + n + ":");
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                sb.append(" [").append(k).append("]");
            }
            sb.append(" public: ").append(c.getConstructors().length);
            System.out.println(sb);
        }

        System.out.println("direct newInstance calls:");
        Constructor<ArgsPlugin> args3 = ArgsPlugin.class.getConstructor(String.class, int.class, boolean.class);
        Object[][] attempts = {
            {"a", 1, true}, {"b", (short) 2, false}, {"c", 'c', true}, {"d", 4L, true}, {"e", 5}, {null, 6, false},
            {"g", null, true}, {7, 7, true}, {"h", 8, "true"},
        };
        for (Object[] a : attempts) {
            try {
                System.out.println("  " + java.util.Arrays.toString(a) + " -> " + args3.newInstance(a).name());
            } catch (IllegalArgumentException e) {
                System.out.println("  " + java.util.Arrays.toString(a) + " -> " + e);
            }
        }
        Constructor<PrivatePlugin> priv = PrivatePlugin.class.getDeclaredConstructor();
        System.out.println("  private accessible? " + priv.canAccess(null));
        priv.setAccessible(true);
        System.out.println("  after setAccessible: " + priv.newInstance().name());
        Constructor<ContextPlugin> withCtx = ContextPlugin.class.getConstructor(Context.class);
        System.out.println("  with null context: " + withCtx.newInstance((Object) null).name());
        try {
            Constructor<?> inner = Class.forName("ContextPlugin$Inner").getDeclaredConstructors()[0];
            System.out.println("  inner constructor params: " + inner.getParameterCount() + " " + inner);
            Object in = inner.newInstance(withCtx.newInstance(ctx));
            System.out.println("  inner instance: " + in);
        } catch (ReflectiveOperationException e) {
            System.out.println("  inner: " + e);
        }
    }
}
