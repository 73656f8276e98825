/** What a proxy instance calls for every method it implements. */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public interface InvocationHandler {
    Object invoke(Object proxy, Method method, Object[] args) throws Throwable;

    /**
     * Calls the default method {@code method} of one of {@code proxy}'s interfaces on {@code proxy}, as
     * an {@code invokespecial} would: the method's own body runs, not the handler.
     */
    public static Object invokeDefault(Object proxy, Method method, Object... args) throws Throwable {
        java.util.Objects.requireNonNull(proxy);
        java.util.Objects.requireNonNull(method);
        if (!Proxy.isProxyClass(proxy.getClass())) {
            throw new IllegalArgumentException("'proxy' is not a proxy instance");
        }
        if (!method.isDefault()) {
            throw new IllegalArgumentException("\"" + method + "\" is not a default method");
        }
        Class<?> intf = method.getDeclaringClass();
        if (!intf.isAssignableFrom(proxy.getClass())) {
            throw new IllegalArgumentException("\"" + method + "\" is not a method declared in the proxy class");
        }
        Class<?>[] params = method.getParameterTypes();
        int n = args == null ? 0 : args.length;
        if (n != params.length) {
            throw new IllegalArgumentException("wrong number of arguments: " + n + " expected: " + params.length);
        }
        Object[] converted = new Object[n];
        for (int i = 0; i < n; i++) {
            converted[i] = Reflect.convertArgument(params[i], args[i]);
        }
        try {
            return method.invoke0(proxy, converted, true);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
