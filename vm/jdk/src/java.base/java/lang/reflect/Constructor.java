/** A constructor of a class, found by reflection, that can make instances. */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public final class Constructor<T> extends Executable {
    Constructor(Class<T> clazz, int slot) {
        super(clazz, slot);
    }

    /** Made by Class from a declaring class and a slot. */
    static <T> Constructor<T> of(Class<T> clazz, int slot) {
        return new Constructor<>(clazz, slot);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getDeclaringClass() {
        return (Class<T>) clazz;
    }

    @Override
    public String getName() {
        return clazz.getName();
    }

    @SuppressWarnings("unchecked")
    public T newInstance(Object... initargs)
            throws InstantiationException, IllegalAccessException, IllegalArgumentException, InvocationTargetException {
        if (!override) {
            checkAccess(Reflect.callerClass(), clazz, clazz, modifiers);
        }
        if ((clazz.getModifiers() & Modifier.ENUM) != 0) {
            throw new IllegalArgumentException("Cannot reflectively create enum objects");
        }
        if (Modifier.isAbstract(clazz.getModifiers()) || clazz.isInterface()) {
            throw new InstantiationException();
        }
        boolean saved = override;
        override = true;
        Object[] a;
        try {
            a = prepareCall(null, initargs, true);
        } finally {
            override = saved;
        }
        Object obj = Reflect.allocate(clazz);
        try {
            Reflect.invokeV(clazz, slot, obj, a, true);
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
        return (T) obj;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Constructor)) {
            return false;
        }
        Constructor<?> c = (Constructor<?>) o;
        return clazz == c.clazz && java.util.Arrays.equals(parameters(), c.parameters());
    }

    @Override
    public int hashCode() {
        return clazz.getName().hashCode();
    }

    @Override
    public String toString() {
        return toStringPrefix(Modifier.constructorModifiers(), false) + clazz.getTypeName() + toStringSuffix();
    }

    @Override
    public String toGenericString() {
        return genericString(Modifier.constructorModifiers(), false, clazz.getTypeName());
    }
}
