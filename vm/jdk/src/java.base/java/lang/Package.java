/**
 * A run-time package. Classes from directories and the class library carry no manifest, so the
 * specification and implementation attributes are absent (null), as HotSpot reports them for such
 * classes; a package's annotations are those of its {@code package-info} class.
 */
package java.lang;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Package implements AnnotatedElement {
    private static final Map<String, Package> PACKAGES = new HashMap<>();

    private final String name;
    private final ClassLoader loader;
    private Class<?> packageInfo;
    private boolean packageInfoRead;

    private Package(String name, ClassLoader loader) {
        this.name = name;
        this.loader = loader;
    }

    /** The package of this name, made once. */
    static Package of(String name, ClassLoader loader) {
        synchronized (PACKAGES) {
            Package p = PACKAGES.get(name);
            if (p == null) {
                p = new Package(name, loader);
                PACKAGES.put(name, p);
            }
            return p;
        }
    }

    public String getName() {
        return name;
    }

    public String getSpecificationTitle() {
        return null;
    }

    public String getSpecificationVersion() {
        return null;
    }

    public String getSpecificationVendor() {
        return null;
    }

    public String getImplementationTitle() {
        return null;
    }

    public String getImplementationVersion() {
        return null;
    }

    public String getImplementationVendor() {
        return null;
    }

    public boolean isSealed() {
        return false;
    }

    public boolean isCompatibleWith(String desired) throws NumberFormatException {
        throw new NumberFormatException("Empty version string");
    }

    @Deprecated(since = "9")
    public static Package getPackage(String name) {
        synchronized (PACKAGES) {
            return PACKAGES.get(name);
        }
    }

    public static Package[] getPackages() {
        synchronized (PACKAGES) {
            List<Package> all = new ArrayList<>(PACKAGES.values());
            return all.toArray(new Package[0]);
        }
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "package " + name;
    }

    private Class<?> packageInfo() {
        if (!packageInfoRead) {
            try {
                packageInfo = Class.forName(name.isEmpty() ? "package-info" : name + ".package-info", false, loader);
            } catch (ClassNotFoundException e) {
                packageInfo = null;
            }
            packageInfoRead = true;
        }
        return packageInfo;
    }

    @Override
    public <A extends Annotation> A getAnnotation(Class<A> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        Class<?> info = packageInfo();
        return info == null ? null : info.getAnnotation(annotationClass);
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends Annotation> annotationClass) {
        return AnnotatedElement.super.isAnnotationPresent(annotationClass);
    }

    @Override
    public <A extends Annotation> A[] getAnnotationsByType(Class<A> annotationClass) {
        Class<?> info = packageInfo();
        return info == null ? getDeclaredAnnotationsByType(annotationClass) : info.getAnnotationsByType(annotationClass);
    }

    @Override
    public Annotation[] getAnnotations() {
        Class<?> info = packageInfo();
        return info == null ? new Annotation[0] : info.getAnnotations();
    }

    @Override
    public Annotation[] getDeclaredAnnotations() {
        Class<?> info = packageInfo();
        return info == null ? new Annotation[0] : info.getDeclaredAnnotations();
    }
}
