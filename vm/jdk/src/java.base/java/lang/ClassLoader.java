/**
 * A class loader. phantom has the class library, seen by HotSpot's bootstrap loader (null), and
 * one application loader for the class path; programs cannot define loaders of their own yet.
 */
package java.lang;

public abstract class ClassLoader {
    private final ClassLoader parent;

    protected ClassLoader() {
        this(null);
    }

    protected ClassLoader(ClassLoader parent) {
        this.parent = parent;
    }

    public final ClassLoader getParent() {
        return parent;
    }

    public String getName() {
        return null;
    }

    public Class<?> loadClass(String name) throws ClassNotFoundException {
        if (name.startsWith("[")) {
            throw new ClassNotFoundException(name);
        }
        return Class.forName(name, false, this);
    }

    public static ClassLoader getSystemClassLoader() {
        return AppLoader.INSTANCE;
    }

    public static ClassLoader getPlatformClassLoader() {
        return AppLoader.INSTANCE.getParent();
    }

    /** The application class loader, whose parent is the platform loader, as on HotSpot. */
    private static final class AppLoader extends ClassLoader {
        static final AppLoader INSTANCE = new AppLoader();

        private final String name;

        private AppLoader() {
            super(new PlatformLoader());
            name = "app";
        }

        @Override
        public String getName() {
            return name;
        }
    }

    private static final class PlatformLoader extends ClassLoader {
        @Override
        public String getName() {
            return "platform";
        }
    }
}
