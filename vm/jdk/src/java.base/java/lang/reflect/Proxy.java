/**
 * Dynamic proxies: classes made at run time that implement a list of interfaces by handing every
 * call to an {@link InvocationHandler}. As on HotSpot, this class chooses the proxy class's name
 * and methods, and the VM writes it as an ordinary class file (phantom's {@code proxy} module) and
 * defines it; its bytes then travel in checkpoints like those of any class the program loaded.
 */
package java.lang.reflect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jdk.internal.phantom.Reflect;

public class Proxy implements java.io.Serializable {
    private static final long serialVersionUID = -2222568056686623797L;

    protected InvocationHandler h;

    /** Proxy classes made so far, by class loader and interface list. */
    private static final Map<List<Object>, Class<?>> CLASSES = new HashMap<>();
    /** Class loaders given a dynamic module, and its number ({@code jdk.proxyN}). */
    private static final List<Object> MODULE_LOADERS = new ArrayList<>();
    private static final Object BOOT_LOADER = new Object();
    private static long nextUniqueNumber;

    private Proxy() {}

    protected Proxy(InvocationHandler h) {
        Objects.requireNonNull(h);
        this.h = h;
    }

    @Deprecated
    public static Class<?> getProxyClass(ClassLoader loader, Class<?>... interfaces) throws IllegalArgumentException {
        return proxyClass(loader, interfaces.clone());
    }

    public static Object newProxyInstance(ClassLoader loader, Class<?>[] interfaces, InvocationHandler h) {
        Objects.requireNonNull(h);
        Class<?> cl = proxyClass(loader, interfaces.clone());
        try {
            return cl.getConstructor(InvocationHandler.class).newInstance(h);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            throw new InternalError(t.toString(), t);
        } catch (ReflectiveOperationException e) {
            throw new InternalError(e.toString(), e);
        }
    }

    public static boolean isProxyClass(Class<?> cl) {
        if (!Proxy.class.isAssignableFrom(cl)) {
            return false;
        }
        synchronized (CLASSES) {
            return CLASSES.containsValue(cl);
        }
    }

    public static InvocationHandler getInvocationHandler(Object proxy) throws IllegalArgumentException {
        if (!isProxyClass(proxy.getClass())) {
            throw new IllegalArgumentException("not a proxy instance");
        }
        return ((Proxy) proxy).h;
    }

    private static Class<?> proxyClass(ClassLoader loader, Class<?>[] interfaces) {
        if (interfaces.length > 65535) {
            throw new IllegalArgumentException("interface limit exceeded: " + interfaces.length);
        }
        List<Object> key = new ArrayList<>(interfaces.length + 1);
        key.add(loader == null ? BOOT_LOADER : loader);
        for (Class<?> intf : interfaces) {
            key.add(Objects.requireNonNull(intf));
        }
        synchronized (CLASSES) {
            Class<?> cl = CLASSES.get(key);
            if (cl == null) {
                cl = define(loader, interfaces);
                CLASSES.put(key, cl);
            }
            return cl;
        }
    }

    /** Checks the interfaces, names the proxy class, lists its methods and has the VM define it. */
    private static Class<?> define(ClassLoader loader, Class<?>[] interfaces) {
        List<Class<?>> seen = new ArrayList<>();
        String proxyPkg = null;
        for (Class<?> intf : interfaces) {
            if (!intf.isInterface()) {
                throw new IllegalArgumentException(intf.getName() + " is not an interface");
            }
            if (intf.isHidden()) {
                throw new IllegalArgumentException(intf.getName() + " is a hidden interface");
            }
            if (seen.contains(intf)) {
                throw new IllegalArgumentException("repeated interface: " + intf.getName());
            }
            seen.add(intf);
            if (!Modifier.isPublic(intf.getModifiers())) {
                String pkg = intf.getPackageName();
                if (proxyPkg == null) {
                    proxyPkg = pkg;
                } else if (!pkg.equals(proxyPkg)) {
                    throw new IllegalArgumentException("non-public interfaces from different packages");
                }
            }
        }
        boolean isPublic = proxyPkg == null;
        if (isPublic) {
            proxyPkg = "jdk.proxy" + moduleNumber(loader);
        }
        long num = nextUniqueNumber++;
        String name = proxyPkg.isEmpty() ? "$Proxy" + num : proxyPkg + ".$Proxy" + num;

        // The methods, as HotSpot's ProxyGenerator lists them: Object's three, then each
        // interface's public instance methods; one method per signature and return type.
        LinkedHashMap<String, List<Method>> bySignature = new LinkedHashMap<>();
        Map<Method, Class<?>[]> exceptions = new HashMap<>();
        try {
            add(bySignature, exceptions, Object.class.getMethod("hashCode"));
            add(bySignature, exceptions, Object.class.getMethod("equals", Object.class));
            add(bySignature, exceptions, Object.class.getMethod("toString"));
        } catch (NoSuchMethodException e) {
            throw new InternalError(e.toString(), e);
        }
        for (Class<?> intf : interfaces) {
            for (Method m : intf.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    add(bySignature, exceptions, m);
                }
            }
        }
        List<Method> methods = new ArrayList<>();
        for (Map.Entry<String, List<Method>> e : bySignature.entrySet()) {
            checkReturnTypes(e.getKey(), e.getValue());
            methods.addAll(e.getValue());
        }
        int n = methods.size();
        Class<?>[] declaring = new Class<?>[n];
        int[] slots = new int[n];
        Class<?>[][] thrown = new Class<?>[n][];
        for (int i = 0; i < n; i++) {
            Method m = methods.get(i);
            declaring[i] = m.clazz;
            slots[i] = m.slot;
            thrown[i] = exceptions.get(m);
        }
        return Reflect.defineProxy(name, interfaces, methods.toArray(new Method[0]), declaring, slots, thrown,
                isPublic);
    }

    private static int moduleNumber(ClassLoader loader) {
        Object key = loader == null ? BOOT_LOADER : loader;
        for (int i = 0; i < MODULE_LOADERS.size(); i++) {
            if (MODULE_LOADERS.get(i) == key) {
                return i + 1;
            }
        }
        MODULE_LOADERS.add(key);
        return MODULE_LOADERS.size();
    }

    private static String signature(Method m) {
        StringBuilder sb = new StringBuilder(m.getName()).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(p.getName()).append(';');
        }
        return sb.append(')').toString();
    }

    private static void add(LinkedHashMap<String, List<Method>> bySignature, Map<Method, Class<?>[]> exceptions,
            Method m) {
        String sig = signature(m);
        List<Method> same = bySignature.get(sig);
        if (same != null) {
            for (Method pm : same) {
                if (pm.getReturnType() == m.getReturnType()) {
                    // One method serves both: it may throw only what both allow.
                    List<Class<?>> legal = new ArrayList<>();
                    Class<?>[] ours = exceptions.get(pm);
                    Class<?>[] theirs = m.getExceptionTypes();
                    collectCompatible(theirs, ours, legal);
                    collectCompatible(ours, theirs, legal);
                    exceptions.put(pm, legal.toArray(new Class<?>[0]));
                    return;
                }
            }
        } else {
            same = new ArrayList<>(3);
            bySignature.put(sig, same);
        }
        same.add(m);
        exceptions.put(m, m.getExceptionTypes());
    }

    private static void collectCompatible(Class<?>[] from, Class<?>[] with, List<Class<?>> list) {
        for (Class<?> fc : from) {
            if (!list.contains(fc)) {
                for (Class<?> wc : with) {
                    if (wc.isAssignableFrom(fc)) {
                        list.add(fc);
                        break;
                    }
                }
            }
        }
    }

    /** Methods of one signature must have one most specific return type among them. */
    private static void checkReturnTypes(String sig, List<Method> methods) {
        if (methods.size() < 2) {
            return;
        }
        List<Class<?>> uncovered = new ArrayList<>();
        next:
        for (Method pm : methods) {
            Class<?> r = pm.getReturnType();
            if (r.isPrimitive()) {
                throw new IllegalArgumentException("methods with same signature " + shortSignature(pm)
                        + " but incompatible return types: " + r.getName() + " and others");
            }
            boolean added = false;
            for (int i = 0; i < uncovered.size(); i++) {
                Class<?> u = uncovered.get(i);
                if (r.isAssignableFrom(u)) {
                    continue next;
                }
                if (u.isAssignableFrom(r)) {
                    if (!added) {
                        uncovered.set(i, r);
                        added = true;
                    } else {
                        uncovered.remove(i--);
                    }
                }
            }
            if (!added) {
                uncovered.add(r);
            }
        }
        if (uncovered.size() > 1) {
            throw new IllegalArgumentException("methods with same signature " + shortSignature(methods.get(0))
                    + " but incompatible return types: " + uncovered);
        }
    }

    private static String shortSignature(Method m) {
        StringBuilder sb = new StringBuilder(m.getName()).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(descriptor(p));
        }
        return sb.append(')').toString();
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (!c.isPrimitive()) {
            return "L" + c.getName().replace('.', '/') + ";";
        }
        switch (c.getName()) {
            case "boolean": return "Z";
            case "byte": return "B";
            case "char": return "C";
            case "short": return "S";
            case "int": return "I";
            case "long": return "J";
            case "float": return "F";
            case "double": return "D";
            default: return "V";
        }
    }
}
