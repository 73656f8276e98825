/** Creates and measures arrays whose type is known only at run time. */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public final class Array {
    private Array() {}

    public static Object newInstance(Class<?> componentType, int length) throws NegativeArraySizeException {
        if (componentType == null) {
            throw new NullPointerException();
        }
        if (componentType == void.class) {
            throw new IllegalArgumentException();
        }
        if (length < 0) {
            throw new NegativeArraySizeException(String.valueOf(length));
        }
        return newArray(componentType, length);
    }

    public static Object newInstance(Class<?> componentType, int... dimensions) {
        if (dimensions.length == 0) {
            throw new IllegalArgumentException();
        }
        int depth = dimensions.length;
        for (Class<?> c = componentType; c != null && c.isArray(); c = c.getComponentType()) {
            depth++;
        }
        if (depth > 255) {
            throw new IllegalArgumentException();
        }
        for (int d : dimensions) {
            if (d < 0) {
                throw new NegativeArraySizeException(String.valueOf(d));
            }
        }
        return newMulti(componentType, dimensions, 0);
    }

    private static Object newMulti(Class<?> componentType, int[] dims, int level) {
        Class<?> elementType = componentType;
        for (int i = dims.length - 1; i > level; i--) {
            elementType = elementType.arrayType();
        }
        Object array = newInstance(elementType, dims[level]);
        if (level + 1 < dims.length) {
            Object[] outer = (Object[]) array;
            for (int i = 0; i < outer.length; i++) {
                outer[i] = newMulti(componentType, dims, level + 1);
            }
        }
        return array;
    }

    public static native int getLength(Object array) throws IllegalArgumentException;

    private static native Object newArray(Class<?> componentType, int length) throws NegativeArraySizeException;

    private static void check(Object array, int index) {
        if (array == null) {
            throw new NullPointerException();
        }
        if (!array.getClass().isArray()) {
            throw new IllegalArgumentException("Argument is not an array");
        }
        if (index < 0 || index >= getLength(array)) {
            throw new ArrayIndexOutOfBoundsException();
        }
    }

    private static IllegalArgumentException mismatch() {
        return new IllegalArgumentException("argument type mismatch");
    }

    /** The element, boxed in its own wrapper for primitive arrays. */
    public static Object get(Object array, int index) {
        check(array, index);
        if (array instanceof Object[]) {
            return ((Object[]) array)[index];
        } else if (array instanceof int[]) {
            return ((int[]) array)[index];
        } else if (array instanceof long[]) {
            return ((long[]) array)[index];
        } else if (array instanceof double[]) {
            return ((double[]) array)[index];
        } else if (array instanceof float[]) {
            return ((float[]) array)[index];
        } else if (array instanceof char[]) {
            return ((char[]) array)[index];
        } else if (array instanceof byte[]) {
            return ((byte[]) array)[index];
        } else if (array instanceof short[]) {
            return ((short[]) array)[index];
        }
        return ((boolean[]) array)[index];
    }

    /** A primitive element, to be widened to {@code to}. */
    private static Object primitive(Object array, int index, Class<?> to) {
        notPrimitiveArray(array);
        Object v = get(array, index);
        if (array instanceof Object[] || !Reflect.widens(Reflect.primitiveOf(v.getClass()), to)) {
            throw mismatch();
        }
        return v;
    }

    /** HotSpot refuses the typed accessors on arrays of references before it looks at the index. */
    private static void notPrimitiveArray(Object array) {
        if (array instanceof Object[]) {
            throw new IllegalArgumentException("Argument is not an array of primitive type");
        }
    }

    public static boolean getBoolean(Object array, int index) {
        return (Boolean) primitive(array, index, boolean.class);
    }

    public static byte getByte(Object array, int index) {
        return (Byte) primitive(array, index, byte.class);
    }

    public static char getChar(Object array, int index) {
        return (Character) primitive(array, index, char.class);
    }

    public static short getShort(Object array, int index) {
        return (short) Reflect.intValue(primitive(array, index, short.class));
    }

    public static int getInt(Object array, int index) {
        return Reflect.intValue(primitive(array, index, int.class));
    }

    public static long getLong(Object array, int index) {
        return Reflect.longValue(primitive(array, index, long.class));
    }

    public static float getFloat(Object array, int index) {
        return Reflect.floatValue(primitive(array, index, float.class));
    }

    public static double getDouble(Object array, int index) {
        return Reflect.doubleValue(primitive(array, index, double.class));
    }

    /** Stores a value, unboxed and widened for primitive arrays. */
    public static void set(Object array, int index, Object value) {
        check(array, index);
        if (array instanceof Object[]) {
            if (value != null && !array.getClass().getComponentType().isInstance(value)) {
                throw new IllegalArgumentException("array element type mismatch");
            }
            ((Object[]) array)[index] = value;
            return;
        }
        if (value == null) {
            throw new IllegalArgumentException();
        }
        Class<?> p = Reflect.primitiveOf(value.getClass());
        if (p == null) {
            throw mismatch();
        }
        store(array, index, p, value);
    }

    private static void store(Object array, int index, Class<?> from, Object value) {
        Class<?> c = array.getClass().getComponentType();
        if (!Reflect.widens(from, c)) {
            throw mismatch();
        }
        if (c == int.class) {
            ((int[]) array)[index] = Reflect.intValue(value);
        } else if (c == long.class) {
            ((long[]) array)[index] = Reflect.longValue(value);
        } else if (c == double.class) {
            ((double[]) array)[index] = Reflect.doubleValue(value);
        } else if (c == float.class) {
            ((float[]) array)[index] = Reflect.floatValue(value);
        } else if (c == char.class) {
            ((char[]) array)[index] = (Character) value;
        } else if (c == byte.class) {
            ((byte[]) array)[index] = (Byte) value;
        } else if (c == short.class) {
            ((short[]) array)[index] = (short) Reflect.intValue(value);
        } else {
            ((boolean[]) array)[index] = (Boolean) value;
        }
    }

    private static void setPrimitive(Object array, int index, Class<?> from, Object value) {
        notPrimitiveArray(array);
        check(array, index);
        if (array instanceof Object[]) {
            throw mismatch();
        }
        store(array, index, from, value);
    }

    public static void setBoolean(Object array, int index, boolean z) {
        setPrimitive(array, index, boolean.class, z);
    }

    public static void setByte(Object array, int index, byte b) {
        setPrimitive(array, index, byte.class, b);
    }

    public static void setChar(Object array, int index, char c) {
        setPrimitive(array, index, char.class, c);
    }

    public static void setShort(Object array, int index, short s) {
        setPrimitive(array, index, short.class, s);
    }

    public static void setInt(Object array, int index, int i) {
        setPrimitive(array, index, int.class, i);
    }

    public static void setLong(Object array, int index, long l) {
        setPrimitive(array, index, long.class, l);
    }

    public static void setFloat(Object array, int index, float f) {
        setPrimitive(array, index, float.class, f);
    }

    public static void setDouble(Object array, int index, double d) {
        setPrimitive(array, index, double.class, d);
    }
}
