/** Creates and measures arrays whose type is known only at run time. */
package java.lang.reflect;

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
            throw new IllegalArgumentException("Empty dimensions array");
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

    public static Object get(Object array, int index) {
        if (array instanceof Object[]) {
            return ((Object[]) array)[index];
        } else if (array instanceof int[]) {
            return ((int[]) array)[index];
        } else if (array instanceof long[]) {
            return ((long[]) array)[index];
        } else if (array instanceof double[]) {
            return ((double[]) array)[index];
        } else if (array instanceof char[]) {
            return ((char[]) array)[index];
        } else if (array instanceof byte[]) {
            return ((byte[]) array)[index];
        } else if (array instanceof boolean[]) {
            return ((boolean[]) array)[index];
        } else if (array instanceof float[]) {
            return ((float[]) array)[index];
        } else if (array instanceof short[]) {
            return ((short[]) array)[index];
        }
        throw notAnArray(array);
    }

    public static int getInt(Object array, int index) {
        if (array instanceof int[]) {
            return ((int[]) array)[index];
        } else if (array instanceof char[]) {
            return ((char[]) array)[index];
        } else if (array instanceof short[]) {
            return ((short[]) array)[index];
        } else if (array instanceof byte[]) {
            return ((byte[]) array)[index];
        }
        throw mismatch(array);
    }

    public static long getLong(Object array, int index) {
        if (array instanceof long[]) {
            return ((long[]) array)[index];
        }
        return getInt(array, index);
    }

    public static double getDouble(Object array, int index) {
        if (array instanceof double[]) {
            return ((double[]) array)[index];
        } else if (array instanceof float[]) {
            return ((float[]) array)[index];
        }
        return getLong(array, index);
    }

    public static boolean getBoolean(Object array, int index) {
        if (array instanceof boolean[]) {
            return ((boolean[]) array)[index];
        }
        throw mismatch(array);
    }

    public static void set(Object array, int index, Object value) {
        if (array instanceof Object[]) {
            Object[] a = (Object[]) array;
            if (value != null && !a.getClass().getComponentType().isInstance(value)) {
                throw new IllegalArgumentException("array element type mismatch");
            }
            a[index] = value;
        } else if (array instanceof int[] && (value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Character)) {
            ((int[]) array)[index] = value instanceof Character ? (Character) value : ((Number) value).intValue();
        } else if (array instanceof long[] && (value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof Character)) {
            ((long[]) array)[index] = value instanceof Character ? (Character) value : ((Number) value).longValue();
        } else if (array instanceof double[] && (value instanceof Number || value instanceof Character)) {
            ((double[]) array)[index] = value instanceof Character ? (Character) value : ((Number) value).doubleValue();
        } else if (array instanceof float[] && (value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof Character)) {
            ((float[]) array)[index] = value instanceof Character ? (Character) value : ((Number) value).floatValue();
        } else if (array instanceof char[] && value instanceof Character) {
            ((char[]) array)[index] = (Character) value;
        } else if (array instanceof short[] && (value instanceof Short || value instanceof Byte)) {
            ((short[]) array)[index] = ((Number) value).shortValue();
        } else if (array instanceof byte[] && value instanceof Byte) {
            ((byte[]) array)[index] = (Byte) value;
        } else if (array instanceof boolean[] && value instanceof Boolean) {
            ((boolean[]) array)[index] = (Boolean) value;
        } else if (array == null) {
            throw new NullPointerException();
        } else if (!array.getClass().isArray()) {
            throw new IllegalArgumentException("Argument is not an array");
        } else {
            throw new IllegalArgumentException("argument type mismatch");
        }
    }

    public static void setInt(Object array, int index, int value) {
        if (array instanceof int[]) {
            ((int[]) array)[index] = value;
        } else if (array instanceof long[]) {
            ((long[]) array)[index] = value;
        } else if (array instanceof double[]) {
            ((double[]) array)[index] = value;
        } else if (array instanceof float[]) {
            ((float[]) array)[index] = value;
        } else {
            throw mismatch(array);
        }
    }

    private static RuntimeException notAnArray(Object array) {
        if (array == null) {
            return new NullPointerException();
        }
        return new IllegalArgumentException("Argument is not an array");
    }

    private static RuntimeException mismatch(Object array) {
        if (array == null || !array.getClass().isArray()) {
            return notAnArray(array);
        }
        return new IllegalArgumentException("Argument is not an array of the requested type");
    }
}
