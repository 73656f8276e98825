/**
 * A field of a class or interface, found by reflection, that can be read and written. Named by
 * its declaring class and its index among the class file's declared fields.
 */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public final class Field extends AccessibleObject implements Member {
    private final Class<?> clazz;
    final int slot;
    private final String name;
    private final int modifiers;
    private Class<?> type;
    private java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations;

    private Field(Class<?> clazz, int slot) {
        this.clazz = clazz;
        this.slot = slot;
        this.name = Reflect.fieldName(clazz, slot);
        this.modifiers = Reflect.fieldModifiers(clazz, slot);
    }

    /** Made by Class from a declaring class and a slot. */
    static Field of(Class<?> clazz, int slot) {
        return new Field(clazz, slot);
    }

    @Override
    public Class<?> getDeclaringClass() {
        return clazz;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getModifiers() {
        return modifiers;
    }

    @Override
    public boolean isSynthetic() {
        return (modifiers & Modifier.SYNTHETIC) != 0;
    }

    public boolean isEnumConstant() {
        return (modifiers & Modifier.ENUM) != 0;
    }

    public Class<?> getType() {
        Class<?> t = type;
        if (t == null) {
            type = t = Reflect.fieldType(clazz, slot);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Field)) {
            return false;
        }
        Field f = (Field) o;
        return clazz == f.clazz && name.equals(f.name) && getType() == f.getType();
    }

    @Override
    public int hashCode() {
        return clazz.getName().hashCode() ^ name.hashCode();
    }

    @Override
    public String toString() {
        int mod = modifiers & Modifier.fieldModifiers();
        return (mod == 0 ? "" : Modifier.toString(mod) + " ") + getType().getTypeName() + " " + clazz.getTypeName()
                + "." + name;
    }

    private String describe() {
        return clazz.getName() + "." + name;
    }

    /** Checks access and the receiver, initializes the class of a static field; the receiver to use. */
    private Object receiver(Object obj, boolean write) throws IllegalAccessException {
        boolean isStatic = Modifier.isStatic(modifiers);
        if (!override) {
            if (!isStatic && obj == null) {
                throw new NullPointerException("Cannot invoke \"Object.getClass()\" because \"obj\" is null");
            }
            checkAccess(Reflect.callerClass(), clazz, isStatic ? null : obj.getClass(), modifiers);
        }
        if (isStatic) {
            Reflect.initialize(clazz);
            return null;
        }
        if (obj == null) {
            throw new NullPointerException();
        }
        if (!clazz.isInstance(obj)) {
            throw new IllegalArgumentException(setPrefix() + obj.getClass().getName());
        }
        return obj;
    }

    private IllegalArgumentException getError(String to) {
        return new IllegalArgumentException("Attempt to get " + getType().getName() + " field \"" + describe()
                + "\" with illegal data type conversion to " + to);
    }

    private String setPrefix() {
        boolean isStatic = Modifier.isStatic(modifiers);
        boolean isFinal = Modifier.isFinal(modifiers);
        return "Can not set " + (isStatic ? "static " : "") + (isFinal ? "final " : "") + getType().getName()
                + " field " + describe() + " to ";
    }

    private IllegalArgumentException setError(Object value) {
        return new IllegalArgumentException(setPrefix() + (value == null ? "null value" : value.getClass().getName()));
    }

    private IllegalArgumentException setError(String type, String value) {
        return new IllegalArgumentException(setPrefix() + "(" + type + ")" + value);
    }

    /** Finals are writable only when not static and after setAccessible(true). */
    private void checkWrite(String type, String value, Object boxed, boolean primitive) throws IllegalAccessException {
        if (Modifier.isFinal(modifiers) && (!override || Modifier.isStatic(modifiers))) {
            String to = primitive ? "(" + type + ")" + value : (boxed == null ? "null value" : boxed.getClass().getName());
            throw new IllegalAccessException(setPrefix() + to);
        }
    }

    // Reading: the field's own value as a VM value, then widened to what was asked.

    public Object get(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        Class<?> t = getType();
        if (!t.isPrimitive()) {
            return Reflect.getL(clazz, slot, o);
        }
        if (t == int.class) {
            return Integer.valueOf(Reflect.getI(clazz, slot, o));
        }
        if (t == long.class) {
            return Long.valueOf(Reflect.getJ(clazz, slot, o));
        }
        if (t == double.class) {
            return Double.valueOf(Reflect.getD(clazz, slot, o));
        }
        if (t == float.class) {
            return Float.valueOf(Reflect.getF(clazz, slot, o));
        }
        if (t == boolean.class) {
            return Boolean.valueOf(Reflect.getI(clazz, slot, o) != 0);
        }
        if (t == char.class) {
            return Character.valueOf((char) Reflect.getI(clazz, slot, o));
        }
        if (t == byte.class) {
            return Byte.valueOf((byte) Reflect.getI(clazz, slot, o));
        }
        return Short.valueOf((short) Reflect.getI(clazz, slot, o));
    }

    public boolean getBoolean(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        if (getType() != boolean.class) {
            throw getError("boolean");
        }
        return Reflect.getI(clazz, slot, o) != 0;
    }

    public byte getByte(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        if (getType() != byte.class) {
            throw getError("byte");
        }
        return (byte) Reflect.getI(clazz, slot, o);
    }

    public char getChar(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        if (getType() != char.class) {
            throw getError("char");
        }
        return (char) Reflect.getI(clazz, slot, o);
    }

    public short getShort(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        Class<?> t = getType();
        if (t != short.class && t != byte.class) {
            throw getError("short");
        }
        return (short) Reflect.getI(clazz, slot, o);
    }

    public int getInt(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        Class<?> t = getType();
        if (t != int.class && t != short.class && t != byte.class && t != char.class) {
            throw getError("int");
        }
        return Reflect.getI(clazz, slot, o);
    }

    public long getLong(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        Class<?> t = getType();
        if (t == long.class) {
            return Reflect.getJ(clazz, slot, o);
        }
        if (t != int.class && t != short.class && t != byte.class && t != char.class) {
            throw getError("long");
        }
        return Reflect.getI(clazz, slot, o);
    }

    public float getFloat(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        Class<?> t = getType();
        if (t == float.class) {
            return Reflect.getF(clazz, slot, o);
        }
        if (t == long.class) {
            return Reflect.getJ(clazz, slot, o);
        }
        if (t != int.class && t != short.class && t != byte.class && t != char.class) {
            throw getError("float");
        }
        return Reflect.getI(clazz, slot, o);
    }

    public double getDouble(Object obj) throws IllegalAccessException {
        Object o = receiver(obj, false);
        Class<?> t = getType();
        if (t == double.class) {
            return Reflect.getD(clazz, slot, o);
        }
        if (t == float.class) {
            return Reflect.getF(clazz, slot, o);
        }
        if (t == long.class) {
            return Reflect.getJ(clazz, slot, o);
        }
        if (t != int.class && t != short.class && t != byte.class && t != char.class) {
            throw getError("double");
        }
        return Reflect.getI(clazz, slot, o);
    }

    // Writing: the value's kind widened to the field's type, or an error naming both.

    public void set(Object obj, Object value) throws IllegalAccessException {
        Object o = receiver(obj, true);
        Class<?> t = getType();
        if (!t.isPrimitive()) {
            if (value != null && !t.isInstance(value)) {
                throw setError(value);
            }
            checkWrite(null, null, value, false);
            Reflect.setL(clazz, slot, o, value);
            return;
        }
        if (value == null) {
            checkWrite(null, null, null, false);
            throw setError(null);
        }
        Class<?> from = Reflect.primitiveOf(value.getClass());
        if (from == null || !Reflect.widens(from, t)) {
            checkWrite(null, null, value, false);
            throw setError(value);
        }
        checkWrite(null, null, value, false);
        store(o, t, value);
    }

    private void store(Object o, Class<?> t, Object value) {
        if (t == long.class) {
            Reflect.setJ(clazz, slot, o, Reflect.longValue(value));
        } else if (t == float.class) {
            Reflect.setF(clazz, slot, o, Reflect.floatValue(value));
        } else if (t == double.class) {
            Reflect.setD(clazz, slot, o, Reflect.doubleValue(value));
        } else if (t == boolean.class) {
            Reflect.setI(clazz, slot, o, ((Boolean) value).booleanValue() ? 1 : 0);
        } else {
            Reflect.setI(clazz, slot, o, Reflect.intValue(value));
        }
    }

    private void setPrimitive(Object obj, Class<?> from, String fromName, String text, Object boxed)
            throws IllegalAccessException {
        Object o = receiver(obj, true);
        Class<?> t = getType();
        if (!t.isPrimitive() || !Reflect.widens(from, t)) {
            checkWrite(fromName, text, boxed, true);
            throw setError(fromName, text);
        }
        checkWrite(fromName, text, boxed, true);
        store(o, t, boxed);
    }

    public void setBoolean(Object obj, boolean z) throws IllegalAccessException {
        setPrimitive(obj, boolean.class, "boolean", String.valueOf(z), Boolean.valueOf(z));
    }

    public void setByte(Object obj, byte b) throws IllegalAccessException {
        setPrimitive(obj, byte.class, "byte", String.valueOf(b), Byte.valueOf(b));
    }

    public void setChar(Object obj, char c) throws IllegalAccessException {
        setPrimitive(obj, char.class, "char", String.valueOf(c), Character.valueOf(c));
    }

    public void setShort(Object obj, short s) throws IllegalAccessException {
        setPrimitive(obj, short.class, "short", String.valueOf(s), Short.valueOf(s));
    }

    public void setInt(Object obj, int i) throws IllegalAccessException {
        setPrimitive(obj, int.class, "int", String.valueOf(i), Integer.valueOf(i));
    }

    public void setLong(Object obj, long l) throws IllegalAccessException {
        setPrimitive(obj, long.class, "long", String.valueOf(l), Long.valueOf(l));
    }

    public void setFloat(Object obj, float f) throws IllegalAccessException {
        setPrimitive(obj, float.class, "float", String.valueOf(f), Float.valueOf(f));
    }

    public void setDouble(Object obj, double d) throws IllegalAccessException {
        setPrimitive(obj, double.class, "double", String.valueOf(d), Double.valueOf(d));
    }

    private java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations() {
        java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> m = declaredAnnotations;
        if (m == null) {
            declaredAnnotations = m = jdk.internal.phantom.Annotations.ofField(clazz, slot);
        }
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends java.lang.annotation.Annotation> T getAnnotation(Class<T> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return (T) declaredAnnotations().get(annotationClass);
    }

    @Override
    public <T extends java.lang.annotation.Annotation> T[] getAnnotationsByType(Class<T> annotationClass) {
        return jdk.internal.phantom.Annotations.directlyAndIndirectly(declaredAnnotations(), annotationClass);
    }

    @Override
    public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
        return jdk.internal.phantom.Annotations.toArray(declaredAnnotations());
    }

    public Type getGenericType() {
        Type t = jdk.internal.phantom.Generics.fieldType(clazz, slot);
        return t == null ? getType() : t;
    }

    public String toGenericString() {
        int mod = modifiers & Modifier.fieldModifiers();
        return (mod == 0 ? "" : Modifier.toString(mod) + " ") + getGenericType().getTypeName() + " "
                + clazz.getTypeName() + "." + name;
    }
}
