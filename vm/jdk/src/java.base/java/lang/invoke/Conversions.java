/** The conversions asType applies to boxed values (JLS 5.3 method invocation conversion, plus casts). */
package java.lang.invoke;

import jdk.internal.phantom.Reflect;

final class Conversions {
    private Conversions() {}

    private static final Class<?>[] WRAPPERS = {
        Integer.class, Long.class, Double.class, Float.class, Boolean.class, Character.class, Byte.class, Short.class
    };

    /** Whether every argument of {@code from} converts to {@code to}'s parameter, and {@code to}'s result back. */
    static boolean convertible(MethodType from, MethodType to) {
        for (int i = 0; i < from.parameterCount(); i++) {
            if (!convertible(from.parameterType(i), to.parameterType(i))) {
                return false;
            }
        }
        Class<?> r = to.returnType();
        Class<?> nr = from.returnType();
        return nr == void.class || r == void.class || convertible(r, nr);
    }

    static boolean convertible(Class<?> from, Class<?> to) {
        if (from == to) {
            return true;
        }
        if (from.isPrimitive() && to.isPrimitive()) {
            return from != void.class && to != void.class && Reflect.widens(from, to);
        }
        if (!from.isPrimitive() && !to.isPrimitive()) {
            return true;
        }
        if (from.isPrimitive()) {
            return from != void.class && to.isAssignableFrom(MethodType.wrapper(from));
        }
        Class<?> unboxed = MethodType.primitive(from);
        if (unboxed != from) {
            return Reflect.widens(unboxed, to);
        }
        for (Class<?> w : WRAPPERS) {
            if (from.isAssignableFrom(w)) {
                return true;
            }
        }
        return false;
    }

    /** Converts a boxed value of type {@code from} to a boxed value of type {@code to}. */
    static Object convert(Object v, Class<?> from, Class<?> to) {
        if (from == to) {
            return v;
        }
        if (to == void.class) {
            return null;
        }
        if (from == void.class) {
            return to.isPrimitive() ? zero(to) : null;
        }
        if (to.isPrimitive()) {
            if (v == null) {
                throw new NullPointerException();
            }
            Class<?> p = Reflect.primitiveOf(v.getClass());
            if (p == null || !Reflect.widens(p, to)) {
                throw new ClassCastException("Cannot cast " + v.getClass().getName() + " to "
                        + MethodType.wrapper(to).getName());
            }
            return Reflect.convertArgument(to, v);
        }
        if (v != null && !to.isInstance(v)) {
            throw new ClassCastException("Cannot cast " + v.getClass().getName() + " to " + to.getName());
        }
        return v;
    }

    static Object zero(Class<?> c) {
        if (c == int.class) return Integer.valueOf(0);
        if (c == long.class) return Long.valueOf(0);
        if (c == boolean.class) return Boolean.FALSE;
        if (c == double.class) return Double.valueOf(0);
        if (c == float.class) return Float.valueOf(0);
        if (c == char.class) return Character.valueOf((char) 0);
        if (c == byte.class) return Byte.valueOf((byte) 0);
        if (c == short.class) return Short.valueOf((short) 0);
        return null;
    }
}
