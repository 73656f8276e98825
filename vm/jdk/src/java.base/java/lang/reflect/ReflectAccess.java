/** How java.lang.Class makes member objects, whose constructors are not public. Not an API. */
package java.lang.reflect;

public final class ReflectAccess {
    private ReflectAccess() {}

    public static Method method(Class<?> c, int slot) {
        return Method.of(c, slot);
    }

    public static <T> Constructor<T> constructor(Class<T> c, int slot) {
        return Constructor.of(c, slot);
    }

    public static Field field(Class<?> c, int slot) {
        return Field.of(c, slot);
    }

    /** The slot that names a method or constructor in its declaring class. */
    public static int slot(Executable e) {
        return e.slot;
    }

    /** The slot that names a field in its declaring class. */
    public static int slot(Field f) {
        return f.slot;
    }

    /** Throws IllegalAccessException if the caller of Class.newInstance may not use the constructor. */
    public static void checkAccess(Constructor<?> c, Class<?> caller) throws IllegalAccessException {
        c.checkAccess(caller, c.getDeclaringClass(), c.getDeclaringClass(), c.getModifiers());
    }
}
