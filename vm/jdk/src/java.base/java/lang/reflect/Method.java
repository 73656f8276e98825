/** A method of a class or interface, found by reflection, that can be called. */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public final class Method extends Executable {
    private Class<?> returnType;

    Method(Class<?> clazz, int slot) {
        super(clazz, slot);
    }

    /** Made by Class from a declaring class and a slot. */
    static Method of(Class<?> clazz, int slot) {
        return new Method(clazz, slot);
    }

    @Override
    public String getName() {
        return name;
    }

    public Class<?> getReturnType() {
        Class<?> r = returnType;
        if (r == null) {
            returnType = r = Reflect.returnType(clazz, slot);
        }
        return r;
    }

    /** A public non-abstract instance method declared by an interface. */
    public boolean isDefault() {
        return (modifiers & (Modifier.ABSTRACT | Modifier.PUBLIC | Modifier.STATIC)) == Modifier.PUBLIC
                && clazz.isInterface();
    }

    /** The default value of this annotation interface element, or null. */
    public Object getDefaultValue() {
        if (!clazz.isAnnotation()) {
            return null;
        }
        return jdk.internal.phantom.Annotations.defaultValue(clazz, slot, this);
    }

    public boolean isBridge() {
        return (modifiers & Modifier.BRIDGE) != 0;
    }

    public Object invoke(Object obj, Object... args)
            throws IllegalAccessException, IllegalArgumentException, InvocationTargetException {
        boolean isStatic = Modifier.isStatic(modifiers);
        if (!override && !isStatic && obj == null) {
            // HotSpot's access check asks the receiver for its class first.
            throw new NullPointerException("Cannot invoke \"Object.getClass()\" because \"obj\" is null");
        }
        Object[] a = prepareCall(obj, args, isStatic);
        return invoke0(obj, a, false);
    }

    /** Calls this method with checked arguments, virtually or (special) as declared. */
    Object invoke0(Object obj, Object[] a, boolean special) throws InvocationTargetException {
        Class<?> r = getReturnType();
        try {
            if (!r.isPrimitive()) {
                return Reflect.invokeL(clazz, slot, obj, a, special);
            }
            if (r == void.class) {
                Reflect.invokeV(clazz, slot, obj, a, special);
                return null;
            }
            if (r == int.class) {
                return new Integer(Reflect.invokeI(clazz, slot, obj, a, special));
            }
            if (r == long.class) {
                return new Long(Reflect.invokeJ(clazz, slot, obj, a, special));
            }
            if (r == double.class) {
                return new Double(Reflect.invokeD(clazz, slot, obj, a, special));
            }
            if (r == float.class) {
                return new Float(Reflect.invokeF(clazz, slot, obj, a, special));
            }
            if (r == boolean.class) {
                return Reflect.invokeI(clazz, slot, obj, a, special) != 0 ? Boolean.TRUE : Boolean.FALSE;
            }
            if (r == char.class) {
                return new Character((char) Reflect.invokeI(clazz, slot, obj, a, special));
            }
            if (r == byte.class) {
                return new Byte((byte) Reflect.invokeI(clazz, slot, obj, a, special));
            }
            return new Short((short) Reflect.invokeI(clazz, slot, obj, a, special));
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Method)) {
            return false;
        }
        Method m = (Method) o;
        return clazz == m.clazz && name.equals(m.name) && getReturnType() == m.getReturnType()
                && java.util.Arrays.equals(parameters(), m.parameters());
    }

    @Override
    public int hashCode() {
        return clazz.getName().hashCode() ^ name.hashCode();
    }

    @Override
    public String toString() {
        return toStringPrefix(Modifier.methodModifiers(), isDefault()) + getReturnType().getTypeName() + ' '
                + clazz.getTypeName() + '.' + name + toStringSuffix();
    }

    public Type getGenericReturnType() {
        jdk.internal.phantom.Generics.MethodInfo g = genericInfo();
        return g == null ? getReturnType() : g.result();
    }

    @Override
    public String toGenericString() {
        return genericString(Modifier.methodModifiers(), isDefault(),
                getGenericReturnType().getTypeName() + ' ' + clazz.getTypeName() + '.' + name);
    }
}
