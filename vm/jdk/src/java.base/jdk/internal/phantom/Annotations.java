/**
 * Runtime-visible annotations, as HotSpot's AnnotationParser, AnnotationType and
 * AnnotationInvocationHandler make them: an annotation is a proxy (java.lang.reflect.Proxy) of its
 * annotation interface whose handler holds the element values, the defaults first in the order of
 * a HashMap of their names, then the values the class file gives, in its order; toString, equals and
 * hashCode follow java.lang.annotation.Annotation's contract and HotSpot's text.
 *
 * The VM hands over each attribute as a self-contained stream (phantom's annotations module
 * documents it): constants inlined, so nothing here reads a constant pool.
 */
package jdk.internal.phantom;

import java.lang.annotation.Annotation;
import java.lang.annotation.AnnotationFormatError;
import java.lang.annotation.AnnotationTypeMismatchException;
import java.lang.annotation.IncompleteAnnotationException;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

public final class Annotations {
    private Annotations() {}

    private static final Annotation[] NONE = new Annotation[0];

    /** A class's declared annotations and those it has (with the inherited ones). */
    public static final class Data {
        public final Map<Class<? extends Annotation>, Annotation> annotations;
        public final Map<Class<? extends Annotation>, Annotation> declared;

        Data(Map<Class<? extends Annotation>, Annotation> annotations,
                Map<Class<? extends Annotation>, Annotation> declared) {
            this.annotations = annotations;
            this.declared = declared;
        }
    }

    /** The annotations of class {@code c}, the inherited ones of its superclasses first. */
    public static Data ofClass(Class<?> c, Data superData) {
        Map<Class<? extends Annotation>, Annotation> declared = parse(Reflect.classAnnotations(c), c);
        Map<Class<? extends Annotation>, Annotation> annotations = null;
        if (superData != null) {
            for (Map.Entry<Class<? extends Annotation>, Annotation> e : superData.annotations.entrySet()) {
                if (type(e.getKey()).inherited) {
                    if (annotations == null) {
                        annotations = new LinkedHashMap<>();
                    }
                    annotations.put(e.getKey(), e.getValue());
                }
            }
        }
        if (annotations == null) {
            annotations = declared;
        } else {
            annotations.putAll(declared);
        }
        return new Data(annotations, declared);
    }

    public static Map<Class<? extends Annotation>, Annotation> ofField(Class<?> c, int slot) {
        return parse(Reflect.fieldAnnotations(c, slot), c);
    }

    public static Map<Class<? extends Annotation>, Annotation> ofRecordComponent(Class<?> c, int index) {
        return parse(Reflect.recordComponentAnnotations(c, index), c);
    }

    public static Map<Class<? extends Annotation>, Annotation> ofMethod(Class<?> c, int slot) {
        return parse(Reflect.methodAnnotations(c, slot, 0), c);
    }

    public static Annotation[] toArray(Map<Class<? extends Annotation>, Annotation> map) {
        return map.values().toArray(NONE);
    }

    /**
     * The parameter annotations of the method at {@code slot}, one array per parameter. A constructor
     * of an inner member class or an enum has leading parameters javac does not annotate.
     */
    public static Annotation[][] ofParameters(Class<?> c, int slot, Class<?>[] params, boolean constructor) {
        byte[] raw = Reflect.methodAnnotations(c, slot, 1);
        int n = params.length;
        if (raw == null) {
            return new Annotation[n][0];
        }
        Reader in = new Reader(raw);
        int count = in.u1();
        Annotation[][] result = new Annotation[count][];
        for (int i = 0; i < count; i++) {
            result[i] = toArray(annotations(in, c));
        }
        if (count != n && mismatchExpected(c, count, params, constructor)) {
            Annotation[][] shifted = new Annotation[n][];
            System.arraycopy(result, 0, shifted, n - count, count);
            for (int i = 0; i < n - count; i++) {
                shifted[i] = new Annotation[0];
            }
            result = shifted;
        }
        return result;
    }

    private static boolean mismatchExpected(Class<?> c, int count, Class<?>[] params, boolean constructor) {
        if (constructor) {
            if (c.isEnum()) {
                return count + 2 == params.length && params[0] == String.class && params[1] == int.class;
            }
            if (c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
            if (c.isMemberClass() && (c.getModifiers() & Modifier.STATIC) == 0 && count + 1 == params.length) {
                return true;
            }
        }
        throw new AnnotationFormatError("Parameter annotations don't match number of parameters");
    }

    /** The default value of annotation element {@code m}, or null. */
    public static Object defaultValue(Class<?> c, int slot, Method m) {
        byte[] raw = Reflect.methodAnnotations(c, slot, 2);
        if (raw == null) {
            return null;
        }
        Object v = value(wrapper(m.getReturnType()), new Reader(raw), c, m);
        if (v instanceof Failure) {
            return null;
        }
        return v;
    }

    /** The annotations of {@code annotationClass} directly present or inside its container, in order. */
    @SuppressWarnings("unchecked")
    public static <A extends Annotation> A[] directlyAndIndirectly(Map<Class<? extends Annotation>, Annotation> map,
            Class<A> annotationClass) {
        Objects.requireNonNull(annotationClass);
        List<A> result = new ArrayList<>();
        A direct = (A) map.get(annotationClass);
        if (direct != null) {
            result.add(direct);
        }
        A[] indirect = indirectly(map, annotationClass);
        if (indirect != null && indirect.length != 0) {
            boolean indirectFirst = direct == null || containerFirst(map, annotationClass);
            result.addAll(indirectFirst ? 0 : 1, Arrays.asList(indirect));
        }
        A[] out = (A[]) Array.newInstance(annotationClass, result.size());
        return result.toArray(out);
    }

    @SuppressWarnings("unchecked")
    private static <A extends Annotation> A[] indirectly(Map<Class<? extends Annotation>, Annotation> map,
            Class<A> annotationClass) {
        Repeatable repeatable = annotationClass.getDeclaredAnnotation(Repeatable.class);
        if (repeatable == null) {
            return null;
        }
        Annotation container = map.get(repeatable.value());
        if (container == null) {
            return null;
        }
        try {
            Method value = container.annotationType().getMethod("value");
            value.setAccessible(true);
            return (A[]) value.invoke(container);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new AnnotationFormatError(container + " is an invalid container for repeating annotations of type: "
                    + annotationClass, e);
        }
    }

    private static boolean containerFirst(Map<Class<? extends Annotation>, Annotation> map,
            Class<? extends Annotation> annotationClass) {
        Class<? extends Annotation> container = annotationClass.getDeclaredAnnotation(Repeatable.class).value();
        for (Class<? extends Annotation> c : map.keySet()) {
            if (c == annotationClass) {
                return false;
            }
            if (c == container) {
                return true;
            }
        }
        return false;
    }

    /** Whether annotations of {@code annotationClass} on a class are inherited by its subclasses. */
    public static boolean isInherited(Class<? extends Annotation> annotationClass) {
        return type(annotationClass).inherited;
    }

    // ---- parsing

    private static final class Reader {
        final byte[] b;
        int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int u1() {
            return b[at++] & 0xff;
        }

        int u2() {
            return (u1() << 8) | u1();
        }

        int i4() {
            return (u2() << 16) | u2();
        }

        long i8() {
            return ((long) i4() << 32) | (i4() & 0xffffffffL);
        }

        String text() {
            int n = u2();
            char[] c = new char[n];
            for (int i = 0; i < n; i++) {
                c[i] = (char) u2();
            }
            return new String(c);
        }
    }

    private static Map<Class<? extends Annotation>, Annotation> parse(byte[] raw, Class<?> container) {
        if (raw == null) {
            return new LinkedHashMap<>();
        }
        return annotations(new Reader(raw), container);
    }

    private static Map<Class<? extends Annotation>, Annotation> annotations(Reader in, Class<?> container) {
        Map<Class<? extends Annotation>, Annotation> result = new LinkedHashMap<>();
        int n = in.u2();
        for (int i = 0; i < n; i++) {
            Annotation a = annotation(in, container, false);
            if (a != null) {
                Class<? extends Annotation> klass = a.annotationType();
                if (type(klass).retention == RetentionPolicy.RUNTIME && result.put(klass, a) != null) {
                    throw new AnnotationFormatError("Duplicate annotation for class: " + klass + ": " + a);
                }
            }
        }
        return result;
    }

    /**
     * One annotation, or null when its type is missing or not an annotation type (the annotation is
     * then ignored, as on HotSpot); a nested one whose type is missing is a {@link Failure}.
     */
    @SuppressWarnings("unchecked")
    private static Annotation annotation(Reader in, Class<?> container, boolean nested) {
        String typeName = in.text();
        Class<?> klass;
        try {
            klass = classOf(typeName, container);
        } catch (TypeNotPresentException e) {
            skipPairs(in, container);
            if (nested) {
                throw e;
            }
            return null;
        }
        if (!klass.isAnnotation()) {
            skipPairs(in, container);
            return null;
        }
        Class<? extends Annotation> annotationClass = (Class<? extends Annotation>) klass;
        Type type = type(annotationClass);
        Map<String, Object> values = new LinkedHashMap<>(type.defaults);
        int pairs = in.u2();
        for (int i = 0; i < pairs; i++) {
            String name = in.text();
            Class<?> memberType = type.memberTypes.get(name);
            if (memberType == null) {
                value(Object.class, in, container, null);
            } else {
                Object v = value(memberType, in, container, type.members.get(name));
                if (!(v instanceof Failure) && !memberType.isInstance(v)) {
                    v = Failure.mismatch(type.members.get(name), v.getClass().getName() + "[" + v + "]");
                }
                values.put(name, v);
            }
        }
        return make(annotationClass, values);
    }

    private static void skipPairs(Reader in, Class<?> container) {
        int pairs = in.u2();
        for (int i = 0; i < pairs; i++) {
            in.text();
            value(Object.class, in, container, null);
        }
    }

    /** Makes an annotation of {@code type} with these element values, as HotSpot does: a proxy. */
    public static Annotation make(Class<? extends Annotation> type, Map<String, Object> values) {
        return (Annotation) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                new Handler(type, values));
    }

    /** One element value, of the type {@code memberType} expects (wrappers for primitives). */
    private static Object value(Class<?> memberType, Reader in, Class<?> container, Method member) {
        int tag = in.u1();
        switch (tag) {
            case 'B': return Byte.valueOf((byte) in.i4());
            case 'C': return Character.valueOf((char) in.i4());
            case 'I': return Integer.valueOf(in.i4());
            case 'S': return Short.valueOf((short) in.i4());
            case 'Z': return Boolean.valueOf(in.i4() != 0);
            case 'J': return Long.valueOf(in.i8());
            case 'F': return Float.valueOf(Float.intBitsToFloat(in.i4()));
            case 'D': return Double.valueOf(Double.longBitsToDouble(in.i8()));
            case 's': return in.text();
            case 'c': {
                String desc = in.text();
                try {
                    return classOf(desc, container);
                } catch (TypeNotPresentException e) {
                    return Failure.typeNotPresent(e);
                }
            }
            case 'e': return enumValue(memberType, in, container, member);
            case '@': {
                try {
                    Annotation a = annotation(in, container, true);
                    return a == null ? Failure.mismatch(member, "@annotation") : a;
                } catch (TypeNotPresentException e) {
                    return Failure.typeNotPresent(e);
                }
            }
            case '[': return array(memberType, in, container, member);
            default:
                throw new AnnotationFormatError("Invalid member-value tag in annotation: " + (char) tag);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumValue(Class<?> enumType, Reader in, Class<?> container, Method member) {
        String typeName = in.text();
        String constName = in.text();
        Class<?> named;
        try {
            named = classOf(typeName, container);
        } catch (TypeNotPresentException e) {
            return Failure.typeNotPresent(e);
        }
        if (!enumType.isEnum() || enumType != named) {
            return Failure.mismatch(member, typeName.substring(1, typeName.length() - 1).replace('/', '.') + "."
                    + constName);
        }
        try {
            return Enum.valueOf((Class) enumType, constName);
        } catch (IllegalArgumentException e) {
            return new Failure(new EnumConstantNotPresentException((Class<? extends Enum>) enumType, constName));
        }
    }

    private static Object array(Class<?> arrayType, Reader in, Class<?> container, Method member) {
        int n = in.u2();
        Class<?> component = arrayType.getComponentType();
        if (component == null) {
            for (int i = 0; i < n; i++) {
                value(Object.class, in, container, member);
            }
            return Failure.mismatch(member, "Array");
        }
        Class<?> expected = wrapper(component);
        Object out = Array.newInstance(component, n);
        Object failure = null;
        for (int i = 0; i < n; i++) {
            Object v = value(expected, in, container, member);
            if (v instanceof Failure) {
                failure = v;
            } else if (!expected.isInstance(v)) {
                failure = Failure.mismatch(member, v.getClass().getName() + "[" + v + "]");
            } else if (failure == null) {
                Array.set(out, i, v);
            }
        }
        return failure != null ? failure : out;
    }

    /** The class a descriptor names ({@code Ljava/lang/String;}, {@code [I}, {@code V}). */
    private static Class<?> classOf(String desc, Class<?> container) {
        switch (desc) {
            case "V": return void.class;
            case "Z": return boolean.class;
            case "B": return byte.class;
            case "C": return char.class;
            case "S": return short.class;
            case "I": return int.class;
            case "J": return long.class;
            case "F": return float.class;
            case "D": return double.class;
            default:
        }
        String name;
        if (desc.startsWith("[")) {
            name = desc.replace('/', '.');
        } else if (desc.startsWith("L") && desc.endsWith(";")) {
            name = desc.substring(1, desc.length() - 1).replace('/', '.');
        } else {
            throw new AnnotationFormatError("Invalid type descriptor in annotation: " + desc);
        }
        try {
            return Class.forName(name, false, container.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TypeNotPresentException(name, e);
        }
    }

    static Class<?> wrapper(Class<?> type) {
        if (type == byte.class) return Byte.class;
        if (type == char.class) return Character.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == short.class) return Short.class;
        if (type == boolean.class) return Boolean.class;
        return type;
    }

    /** A value that fails when read: the exception it throws. */
    private static final class Failure {
        final RuntimeException exception;

        Failure(RuntimeException exception) {
            this.exception = exception;
        }

        static Failure mismatch(Method member, String found) {
            return new Failure(new AnnotationTypeMismatchException(member, found));
        }

        static Failure typeNotPresent(TypeNotPresentException e) {
            return new Failure(e);
        }

        @Override
        public String toString() {
            return "/* Warning: " + exception + " */";
        }
    }

    // ---- annotation types

    /** What an annotation interface declares: its elements, their defaults, retention and inheritance. */
    private static final class Type {
        final Map<String, Class<?>> memberTypes;
        final Map<String, Object> defaults;
        final Map<String, Method> members;
        RetentionPolicy retention = RetentionPolicy.RUNTIME;
        boolean inherited;

        Type(Class<? extends Annotation> annotationClass) {
            if (!annotationClass.isAnnotation()) {
                throw new IllegalArgumentException("Not an annotation type");
            }
            Method[] methods = annotationClass.getDeclaredMethods();
            memberTypes = new HashMap<>(methods.length + 1, 1.0f);
            defaults = new HashMap<>(0);
            members = new HashMap<>(methods.length + 1, 1.0f);
            for (Method m : methods) {
                int mod = m.getModifiers();
                if (Modifier.isPublic(mod) && Modifier.isAbstract(mod) && !m.isSynthetic()) {
                    if (m.getParameterCount() != 0) {
                        throw new IllegalArgumentException(m + " has params");
                    }
                    String name = m.getName();
                    memberTypes.put(name, wrapper(m.getReturnType()));
                    members.put(name, m);
                    Object d = m.getDefaultValue();
                    if (d != null) {
                        defaults.put(name, d);
                    }
                }
            }
        }
    }

    private static final Map<Class<?>, Type> TYPES = new HashMap<>();

    private static Type type(Class<? extends Annotation> annotationClass) {
        Type t;
        synchronized (TYPES) {
            t = TYPES.get(annotationClass);
            if (t != null) {
                return t;
            }
            t = new Type(annotationClass);
            TYPES.put(annotationClass, t);
        }
        // Retention and Inherited are read from the type's own annotations (which HotSpot makes as
        // proxies too); both are RUNTIME and not inherited themselves.
        if (annotationClass != Retention.class && annotationClass != Inherited.class) {
            Map<Class<? extends Annotation>, Annotation> meta = selected(Reflect.classAnnotations(annotationClass),
                    annotationClass);
            Retention r = (Retention) meta.get(Retention.class);
            t.retention = r == null ? RetentionPolicy.CLASS : r.value();
            t.inherited = meta.containsKey(Inherited.class);
        }
        return t;
    }

    /** Of an annotation type's own annotations, only Retention and Inherited. */
    private static Map<Class<? extends Annotation>, Annotation> selected(byte[] raw, Class<?> container) {
        Map<Class<? extends Annotation>, Annotation> result = new LinkedHashMap<>();
        if (raw == null) {
            return result;
        }
        Reader in = new Reader(raw);
        int n = in.u2();
        for (int i = 0; i < n; i++) {
            int start = in.at;
            String typeName = in.text();
            if (typeName.equals("Ljava/lang/annotation/Retention;")
                    || typeName.equals("Ljava/lang/annotation/Inherited;")) {
                in.at = start;
                Annotation a = annotation(in, container, false);
                if (a != null) {
                    result.put(a.annotationType(), a);
                }
            } else {
                skipPairs(in, container);
            }
        }
        return result;
    }

    // ---- the handler

    private static final class Handler implements InvocationHandler {
        private final Class<? extends Annotation> type;
        private final Map<String, Object> values;

        Handler(Class<? extends Annotation> type, Map<String, Object> values) {
            this.type = type;
            this.values = values;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            String member = method.getName();
            int count = method.getParameterCount();
            if (count == 1 && member.equals("equals") && method.getParameterTypes()[0] == Object.class) {
                return equalsImpl(proxy, args[0]);
            }
            if (count != 0) {
                throw new AssertionError("Too many parameters for an annotation method");
            }
            switch (member) {
                case "toString": return toStringImpl();
                case "hashCode": return hashCodeImpl();
                case "annotationType": return type;
                default:
            }
            Object result = values.get(member);
            if (result == null) {
                throw new IncompleteAnnotationException(type, member);
            }
            if (result instanceof Failure) {
                throw ((Failure) result).exception;
            }
            if (result.getClass().isArray() && Array.getLength(result) != 0) {
                result = cloneArray(result);
            }
            return result;
        }

        private String toStringImpl() {
            StringBuilder sb = new StringBuilder(128);
            sb.append('@');
            sb.append(type.getName());
            sb.append('(');
            boolean first = true;
            boolean lone = values.size() == 1;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                String key = e.getKey();
                if (!lone || !"value".equals(key)) {
                    sb.append(key).append('=');
                }
                lone = false;
                sb.append(valueToString(e.getValue()));
            }
            return sb.append(')').toString();
        }

        private int hashCodeImpl() {
            int result = 0;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                result += (127 * e.getKey().hashCode()) ^ valueHashCode(e.getValue());
            }
            return result;
        }

        private boolean equalsImpl(Object proxy, Object o) {
            if (o == proxy) {
                return true;
            }
            if (!type.isInstance(o)) {
                return false;
            }
            Handler other = null;
            if (Proxy.isProxyClass(o.getClass()) && Proxy.getInvocationHandler(o) instanceof Handler) {
                other = (Handler) Proxy.getInvocationHandler(o);
            }
            for (Method m : type(type).members.values()) {
                String member = m.getName();
                Object ours = values.get(member);
                Object theirs;
                if (other != null) {
                    theirs = other.values.get(member);
                } else {
                    try {
                        m.setAccessible(true);
                        theirs = m.invoke(o);
                    } catch (InvocationTargetException e) {
                        return false;
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
                if (!valueEquals(ours, theirs)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Object cloneArray(Object array) {
        if (array instanceof byte[]) return ((byte[]) array).clone();
        if (array instanceof char[]) return ((char[]) array).clone();
        if (array instanceof double[]) return ((double[]) array).clone();
        if (array instanceof float[]) return ((float[]) array).clone();
        if (array instanceof int[]) return ((int[]) array).clone();
        if (array instanceof long[]) return ((long[]) array).clone();
        if (array instanceof short[]) return ((short[]) array).clone();
        if (array instanceof boolean[]) return ((boolean[]) array).clone();
        return ((Object[]) array).clone();
    }

    private static boolean valueEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        Class<?> type = a.getClass();
        if (!type.isArray()) {
            return a.equals(b);
        }
        if (a instanceof Object[] && b instanceof Object[]) {
            return Arrays.equals((Object[]) a, (Object[]) b);
        }
        if (b.getClass() != type) {
            return false;
        }
        if (type == byte[].class) return Arrays.equals((byte[]) a, (byte[]) b);
        if (type == char[].class) return Arrays.equals((char[]) a, (char[]) b);
        if (type == double[].class) return Arrays.equals((double[]) a, (double[]) b);
        if (type == float[].class) return Arrays.equals((float[]) a, (float[]) b);
        if (type == int[].class) return Arrays.equals((int[]) a, (int[]) b);
        if (type == long[].class) return Arrays.equals((long[]) a, (long[]) b);
        if (type == short[].class) return Arrays.equals((short[]) a, (short[]) b);
        return Arrays.equals((boolean[]) a, (boolean[]) b);
    }

    private static int valueHashCode(Object v) {
        Class<?> type = v.getClass();
        if (!type.isArray()) {
            return v.hashCode();
        }
        if (type == byte[].class) return Arrays.hashCode((byte[]) v);
        if (type == char[].class) return Arrays.hashCode((char[]) v);
        if (type == double[].class) return Arrays.hashCode((double[]) v);
        if (type == float[].class) return Arrays.hashCode((float[]) v);
        if (type == int[].class) return Arrays.hashCode((int[]) v);
        if (type == long[].class) return Arrays.hashCode((long[]) v);
        if (type == short[].class) return Arrays.hashCode((short[]) v);
        if (type == boolean[].class) return Arrays.hashCode((boolean[]) v);
        return Arrays.hashCode((Object[]) v);
    }

    // ---- toString, as in source code

    private static String valueToString(Object value) {
        Class<?> type = value.getClass();
        if (!type.isArray()) {
            if (type == Class.class) return classToString((Class<?>) value);
            if (type == String.class) return stringToString((String) value);
            if (type == Character.class) return charToString((Character) value);
            if (type == Double.class) return doubleToString((Double) value);
            if (type == Float.class) return floatToString((Float) value);
            if (type == Long.class) return value + "L";
            if (type == Byte.class) return byteToString((Byte) value);
            if (type == Short.class) return shortToString((Short) value);
            return value.toString();
        }
        List<String> parts = new ArrayList<>();
        int n = Array.getLength(value);
        for (int i = 0; i < n; i++) {
            Object e = Array.get(value, i);
            if (type == Class[].class) {
                parts.add(classToString((Class<?>) e));
            } else if (type == String[].class) {
                parts.add(stringToString((String) e));
            } else if (type.getComponentType().isPrimitive()) {
                parts.add(valueToString(e));
            } else {
                parts.add(Objects.toString(e));
            }
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String classToString(Class<?> c) {
        Class<?> element = c;
        StringBuilder dims = new StringBuilder();
        while (element.isArray()) {
            element = element.getComponentType();
            dims.append("[]");
        }
        return element.getName() + dims + ".class";
    }

    private static String stringToString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            sb.append(quote(s.charAt(i)));
        }
        return sb.append('"').toString();
    }

    private static String charToString(char c) {
        return "'" + quote(c) + "'";
    }

    private static String quote(char ch) {
        switch (ch) {
            case '\b': return "\\b";
            case '\f': return "\\f";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\'': return "\\'";
            case '\"': return "\\\"";
            case '\\': return "\\\\";
            default:
                return ch >= ' ' && ch <= '~' ? String.valueOf(ch) : String.format("\\u%04x", (int) ch);
        }
    }

    private static String doubleToString(double d) {
        if (Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (Double.isInfinite(d)) {
            return d < 0 ? "-1.0/0.0" : "1.0/0.0";
        }
        return "0.0/0.0";
    }

    private static String floatToString(float f) {
        if (Float.isFinite(f)) {
            return Float.toString(f) + "f";
        }
        if (Float.isInfinite(f)) {
            return f < 0 ? "-1.0f/0.0f" : "1.0f/0.0f";
        }
        return "0.0f/0.0f";
    }

    private static String byteToString(byte b) {
        return "(byte)0x" + String.format("%02x", b & 0xff);
    }

    private static String shortToString(short s) {
        return Short.toString(s);
    }
}
