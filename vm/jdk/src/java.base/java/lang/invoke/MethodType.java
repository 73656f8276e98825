/**
 * The type of a method handle or call site: a return type and parameter types. Interned, so that
 * equal types are the same object, as on HotSpot.
 */
package java.lang.invoke;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

public final class MethodType implements java.io.Serializable {
    private static final HashMap<MethodType, MethodType> INTERNED = new HashMap<>();
    private static final HashMap<String, MethodType> BY_DESCRIPTOR = new HashMap<>();

    private final Class<?> rtype;
    private final Class<?>[] ptypes;

    private MethodType(Class<?> rtype, Class<?>[] ptypes) {
        this.rtype = rtype;
        this.ptypes = ptypes;
    }

    private static MethodType make(Class<?> rtype, Class<?>[] ptypes, boolean trusted) {
        if (rtype == null) {
            throw new NullPointerException();
        }
        Class<?>[] p = trusted ? ptypes : ptypes.clone();
        int slots = 0;
        for (Class<?> c : p) {
            if (c == null) {
                throw new NullPointerException();
            }
            if (c == void.class) {
                throw new IllegalArgumentException("parameter type cannot be void");
            }
            slots += c == long.class || c == double.class ? 2 : 1;
        }
        if (slots > 255) {
            throw new IllegalArgumentException("bad parameter count " + slots);
        }
        MethodType t = new MethodType(rtype, p);
        synchronized (INTERNED) {
            MethodType old = INTERNED.get(t);
            if (old != null) {
                return old;
            }
            INTERNED.put(t, t);
            return t;
        }
    }

    public static MethodType methodType(Class<?> rtype, Class<?>[] ptypes) {
        return make(rtype, ptypes, false);
    }

    public static MethodType methodType(Class<?> rtype, List<Class<?>> ptypes) {
        return make(rtype, ptypes.toArray(new Class<?>[0]), true);
    }

    public static MethodType methodType(Class<?> rtype, Class<?> ptype0, Class<?>... ptypes) {
        Class<?>[] p = new Class<?>[ptypes.length + 1];
        p[0] = ptype0;
        System.arraycopy(ptypes, 0, p, 1, ptypes.length);
        return make(rtype, p, true);
    }

    public static MethodType methodType(Class<?> rtype) {
        return make(rtype, new Class<?>[0], true);
    }

    public static MethodType methodType(Class<?> rtype, Class<?> ptype0) {
        return make(rtype, new Class<?>[] {ptype0}, true);
    }

    public static MethodType methodType(Class<?> rtype, MethodType ptypes) {
        return make(rtype, ptypes.ptypes, true);
    }

    public static MethodType genericMethodType(int objectArgCount, boolean finalArray) {
        if (objectArgCount < 0 || objectArgCount > 255) {
            throw new IllegalArgumentException("bad parameter count " + objectArgCount);
        }
        Class<?>[] p = new Class<?>[objectArgCount + (finalArray ? 1 : 0)];
        Arrays.fill(p, Object.class);
        if (finalArray) {
            p[objectArgCount] = Object[].class;
        }
        return make(Object.class, p, true);
    }

    public static MethodType genericMethodType(int objectArgCount) {
        return genericMethodType(objectArgCount, false);
    }

    /** The type a method descriptor such as {@code (IJ)Ljava/lang/String;} describes. */
    public static MethodType fromMethodDescriptorString(String descriptor, ClassLoader loader) {
        synchronized (BY_DESCRIPTOR) {
            MethodType t = BY_DESCRIPTOR.get(descriptor);
            if (t != null) {
                return t;
            }
        }
        if (!descriptor.startsWith("(") || descriptor.indexOf(')') < 0 || descriptor.indexOf('.') >= 0) {
            throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
        ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
        List<Class<?>> params = new ArrayList<>();
        int[] i = {1};
        int end = descriptor.length();
        while (i[0] < end && descriptor.charAt(i[0]) != ')') {
            Class<?> pt = parseSig(descriptor, i, l);
            if (pt == null || pt == void.class) {
                throw new IllegalArgumentException("bad signature: " + descriptor + ": bad argument type");
            }
            params.add(pt);
        }
        i[0]++;
        Class<?> r = parseSig(descriptor, i, l);
        if (r == null || i[0] != end) {
            throw new IllegalArgumentException("bad signature: " + descriptor + ": bad return type");
        }
        MethodType t = methodType(r, params);
        synchronized (BY_DESCRIPTOR) {
            BY_DESCRIPTOR.put(descriptor, t);
        }
        return t;
    }

    /** One type of a descriptor from {@code i[0]}, advancing it; null at the end or for a malformed class type. */
    private static Class<?> parseSig(String s, int[] i, ClassLoader loader) {
        if (i[0] >= s.length()) {
            return null;
        }
        char c = s.charAt(i[0]++);
        if (c == 'L') {
            int begin = i[0];
            int semi = s.indexOf(';', begin);
            if (semi < 0) {
                return null;
            }
            i[0] = semi + 1;
            String name = s.substring(begin, semi).replace('/', '.');
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new TypeNotPresentException(name, e);
            }
        }
        if (c == '[') {
            Class<?> t = parseSig(s, i, loader);
            return t == null ? null : java.lang.reflect.Array.newInstance(t, 0).getClass();
        }
        switch (c) {
            case 'V': return void.class;
            case 'Z': return boolean.class;
            case 'B': return byte.class;
            case 'C': return char.class;
            case 'S': return short.class;
            case 'I': return int.class;
            case 'J': return long.class;
            case 'F': return float.class;
            case 'D': return double.class;
            default:
                throw new IllegalArgumentException("not basic type char: " + c);
        }
    }


    public Class<?> returnType() {
        return rtype;
    }

    public Class<?> parameterType(int num) {
        return ptypes[num];
    }

    public int parameterCount() {
        return ptypes.length;
    }

    public List<Class<?>> parameterList() {
        return java.util.Collections.unmodifiableList(Arrays.asList(ptypes.clone()));
    }

    public Class<?>[] parameterArray() {
        return ptypes.clone();
    }

    Class<?>[] ptypes() {
        return ptypes;
    }

    public Class<?> lastParameterType() {
        return ptypes.length == 0 ? void.class : ptypes[ptypes.length - 1];
    }

    public MethodType changeReturnType(Class<?> nrtype) {
        return make(nrtype, ptypes, true);
    }

    public MethodType changeParameterType(int num, Class<?> nptype) {
        Class<?>[] p = ptypes.clone();
        p[num] = nptype;
        return make(rtype, p, true);
    }

    public MethodType insertParameterTypes(int num, Class<?>... ptypesToInsert) {
        if (num < 0 || num > ptypes.length) {
            throw new IndexOutOfBoundsException("bad index: " + num);
        }
        Class<?>[] p = new Class<?>[ptypes.length + ptypesToInsert.length];
        System.arraycopy(ptypes, 0, p, 0, num);
        System.arraycopy(ptypesToInsert, 0, p, num, ptypesToInsert.length);
        System.arraycopy(ptypes, num, p, num + ptypesToInsert.length, ptypes.length - num);
        return make(rtype, p, true);
    }

    public MethodType insertParameterTypes(int num, List<Class<?>> ptypesToInsert) {
        return insertParameterTypes(num, ptypesToInsert.toArray(new Class<?>[0]));
    }

    public MethodType appendParameterTypes(Class<?>... ptypesToInsert) {
        return insertParameterTypes(ptypes.length, ptypesToInsert);
    }

    public MethodType appendParameterTypes(List<Class<?>> ptypesToInsert) {
        return insertParameterTypes(ptypes.length, ptypesToInsert);
    }

    public MethodType dropParameterTypes(int start, int end) {
        if (start < 0 || start > end || end > ptypes.length) {
            throw new IndexOutOfBoundsException("start=" + start + " end=" + end);
        }
        Class<?>[] p = new Class<?>[ptypes.length - (end - start)];
        System.arraycopy(ptypes, 0, p, 0, start);
        System.arraycopy(ptypes, end, p, start, ptypes.length - end);
        return make(rtype, p, true);
    }

    public boolean hasPrimitives() {
        if (rtype.isPrimitive()) {
            return true;
        }
        for (Class<?> c : ptypes) {
            if (c.isPrimitive()) {
                return true;
            }
        }
        return false;
    }

    public boolean hasWrappers() {
        return unwrap() != this;
    }

    /** Every reference type Object, primitives kept. */
    public MethodType erase() {
        Class<?>[] p = new Class<?>[ptypes.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = ptypes[i].isPrimitive() ? ptypes[i] : Object.class;
        }
        return make(rtype.isPrimitive() ? rtype : Object.class, p, true);
    }

    /** Every type Object. */
    public MethodType generic() {
        return genericMethodType(ptypes.length);
    }

    /** Primitives replaced by their wrappers (void by Void). */
    public MethodType wrap() {
        Class<?>[] p = new Class<?>[ptypes.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = wrapper(ptypes[i]);
        }
        return make(wrapper(rtype), p, true);
    }

    /** Wrappers replaced by their primitives (Void by void). */
    public MethodType unwrap() {
        Class<?>[] p = new Class<?>[ptypes.length];
        boolean changed = false;
        for (int i = 0; i < p.length; i++) {
            p[i] = primitive(ptypes[i]);
            changed |= p[i] != ptypes[i];
        }
        Class<?> r = primitive(rtype);
        return !changed && r == rtype ? this : make(r, p, true);
    }

    static Class<?> wrapper(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == boolean.class) return Boolean.class;
        if (c == double.class) return Double.class;
        if (c == float.class) return Float.class;
        if (c == char.class) return Character.class;
        if (c == byte.class) return Byte.class;
        if (c == short.class) return Short.class;
        return Void.class;
    }

    static Class<?> primitive(Class<?> c) {
        if (c == Integer.class) return int.class;
        if (c == Long.class) return long.class;
        if (c == Boolean.class) return boolean.class;
        if (c == Double.class) return double.class;
        if (c == Float.class) return float.class;
        if (c == Character.class) return char.class;
        if (c == Byte.class) return byte.class;
        if (c == Short.class) return short.class;
        if (c == Void.class) return void.class;
        return c;
    }

    public String toMethodDescriptorString() {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> c : ptypes) {
            sb.append(descriptor(c));
        }
        return sb.append(')').append(descriptor(rtype)).toString();
    }

    public String descriptorString() {
        return toMethodDescriptorString();
    }

    static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (!c.isPrimitive()) {
            return "L" + c.getName().replace('.', '/') + ";";
        }
        if (c == int.class) return "I";
        if (c == long.class) return "J";
        if (c == boolean.class) return "Z";
        if (c == double.class) return "D";
        if (c == float.class) return "F";
        if (c == char.class) return "C";
        if (c == byte.class) return "B";
        if (c == short.class) return "S";
        return "V";
    }

    @Override
    public boolean equals(Object x) {
        if (this == x) {
            return true;
        }
        if (!(x instanceof MethodType)) {
            return false;
        }
        MethodType t = (MethodType) x;
        return rtype == t.rtype && Arrays.equals(ptypes, t.ptypes);
    }

    @Override
    public int hashCode() {
        int h = 31 + rtype.hashCode();
        for (Class<?> p : ptypes) {
            h = 31 * h + p.hashCode();
        }
        return h;
    }

    /** {@code (int,String)void}: simple names. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ptypes.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ptypes[i].getSimpleName());
        }
        return sb.append(')').append(rtype.getSimpleName()).toString();
    }
}
