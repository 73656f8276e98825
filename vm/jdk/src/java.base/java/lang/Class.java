/** The run-time representation of a class, interface, array type or primitive type; the VM answers most questions natively. */
package java.lang;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ReflectAccess;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import jdk.internal.phantom.Reflect;

public final class Class<T> implements java.io.Serializable, java.lang.reflect.GenericDeclaration, Type,
        java.lang.reflect.AnnotatedElement {
    private static final int ANNOTATION = 0x2000;
    private static final int SYNTHETIC = 0x1000;

    private transient String name;
    private transient String simpleName;
    private transient Object[] enumConstants;
    private transient jdk.internal.phantom.Annotations.Data annotationData;

    /** Only the VM creates Class objects. */
    private Class() {}

    @Override
    public String toString() {
        String kind = isInterface() ? "interface " : (isPrimitive() ? "" : "class ");
        return kind.concat(getName());
    }

    public static Class<?> forName(String className) throws ClassNotFoundException {
        if (className == null) {
            throw new NullPointerException();
        }
        checkClassName(className);
        return forName0(className);
    }

    private static native Class<?> forName0(String className) throws ClassNotFoundException;

    /**
     * Refuses a name that is not a binary class name or an array descriptor, as HotSpot's forName
     * does before any loader sees it: the message is the name with dots made slashes.
     */
    private static void checkClassName(String name) throws ClassNotFoundException {
        String internal = name.replace('.', '/');
        int end = internal.startsWith("[") ? skipFieldSignature(internal, 0) : skipFieldName(internal, 0);
        if (end != internal.length()) {
            throw new ClassNotFoundException(internal);
        }
    }

    /** The end of the slash-separated identifiers starting at {@code i}, or -1. */
    private static int skipFieldName(String s, int i) {
        int start = i;
        boolean lastSlash = true;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/') {
                if (lastSlash) {
                    return -1;
                }
                lastSlash = true;
            } else if (c == ';' || c == '[' || c == '.' || c < ' ') {
                break;
            } else {
                lastSlash = false;
            }
        }
        return i == start || lastSlash ? -1 : i;
    }

    /** The end of the field descriptor starting at {@code i}, or -1. */
    private static int skipFieldSignature(String s, int i) {
        int dims = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
            if (++dims > 255) {
                return -1;
            }
        }
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        if ("ZBCSIJFD".indexOf(c) >= 0) {
            return i + 1;
        }
        if (c != 'L') {
            return -1;
        }
        int end = skipFieldName(s, i + 1);
        return end > 0 && end < s.length() && s.charAt(end) == ';' ? end + 1 : -1;
    }

    /**
     * Loads a class, initializing it if asked. There is one application class loader: with a null
     * loader only the class library is visible, as from HotSpot's bootstrap loader.
     */
    public static Class<?> forName(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
        if (name == null) {
            throw new NullPointerException();
        }
        checkClassName(name);
        Class<?> c = Reflect.load(name);
        if (c == null || (loader == null && !Reflect.inJavaBase(c) && !c.isArray())) {
            // For an array, HotSpot names the element class it could not find.
            String element = name.replaceFirst("^\\[+", "");
            if (name.startsWith("[") && element.startsWith("L") && element.endsWith(";")) {
                throw new ClassNotFoundException(element.substring(1, element.length() - 1).replace('/', '.'));
            }
            throw new ClassNotFoundException(name);
        }
        if (initialize) {
            Reflect.initialize(c);
        }
        return c;
    }

    /** Null for the class library (HotSpot's bootstrap loader), else the application class loader. */
    public ClassLoader getClassLoader() {
        Class<?> c = this;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c.isPrimitive() || Reflect.inJavaBase(c) ? null : ClassLoader.getSystemClassLoader();
    }

    // Reflection: members are made fresh on every call (callers may change their accessible flag).

    private List<Method> declaredMethods(boolean publicOnly) {
        List<Method> out = new ArrayList<>();
        if (isArray() || isPrimitive()) {
            return out;
        }
        for (int slot : Reflect.methods(this)) {
            if (Reflect.methodName(this, slot).equals("<init>")) {
                continue;
            }
            if (publicOnly && !Modifier.isPublic(Reflect.methodModifiers(this, slot))) {
                continue;
            }
            out.add(ReflectAccess.method(this, slot));
        }
        return out;
    }

    private List<Constructor<T>> declaredConstructors(boolean publicOnly) {
        List<Constructor<T>> out = new ArrayList<>();
        if (isArray() || isPrimitive() || isInterface()) {
            return out;
        }
        for (int slot : Reflect.methods(this)) {
            if (!Reflect.methodName(this, slot).equals("<init>")) {
                continue;
            }
            if (publicOnly && !Modifier.isPublic(Reflect.methodModifiers(this, slot))) {
                continue;
            }
            out.add(ReflectAccess.constructor(this, slot));
        }
        return out;
    }

    private List<Field> declaredFields(boolean publicOnly) {
        List<Field> out = new ArrayList<>();
        if (isArray() || isPrimitive()) {
            return out;
        }
        for (int slot : Reflect.fields(this)) {
            if (publicOnly && !Modifier.isPublic(Reflect.fieldModifiers(this, slot))) {
                continue;
            }
            out.add(ReflectAccess.field(this, slot));
        }
        return out;
    }

    public Method[] getDeclaredMethods() {
        return declaredMethods(false).toArray(new Method[0]);
    }

    @SuppressWarnings("unchecked")
    public Constructor<T>[] getDeclaredConstructors() {
        return declaredConstructors(false).toArray(new Constructor[0]);
    }

    @SuppressWarnings("unchecked")
    public Constructor<T>[] getConstructors() {
        return declaredConstructors(true).toArray(new Constructor[0]);
    }

    public Field[] getDeclaredFields() {
        return declaredFields(false).toArray(new Field[0]);
    }

    /** Public fields: declared ones, then those of the superinterfaces, then the superclass's, each once. */
    public Field[] getFields() {
        List<Field> out = new ArrayList<>();
        publicFields(out, new ArrayList<>());
        return out.toArray(new Field[0]);
    }

    private void publicFields(List<Field> out, List<Class<?>> seenInterfaces) {
        for (Field f : declaredFields(true)) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        for (Class<?> i : getInterfaces()) {
            if (!seenInterfaces.contains(i)) {
                seenInterfaces.add(i);
                i.publicFields(out, seenInterfaces);
            }
        }
        Class<?> sc = isInterface() ? null : getSuperclass();
        if (sc != null) {
            sc.publicFields(out, seenInterfaces);
        }
    }

    /**
     * Public methods, inherited ones included: declared ones, then the superclass's, then the
     * superinterfaces' instance methods; of methods with one signature and return type, a
     * class's wins over an interface's and a subtype's over its supertype's.
     */
    public Method[] getMethods() {
        return isPrimitive() ? new Method[0] : publicMethods().toArray(new Method[0]);
    }

    private List<Method> publicMethods() {
        LinkedHashMap<String, List<Method>> map = new LinkedHashMap<>();
        for (Method m : declaredMethods(true)) {
            merge(map, m);
        }
        Class<?> sc = getSuperclass();
        if (sc != null) {
            for (Method m : sc.publicMethods()) {
                merge(map, m);
            }
        }
        for (Class<?> i : getInterfaces()) {
            for (Method m : i.publicMethods()) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    merge(map, m);
                }
            }
        }
        List<Method> out = new ArrayList<>();
        for (List<Method> l : map.values()) {
            out.addAll(l);
        }
        return out;
    }

    private static String signature(Method m) {
        StringBuilder sb = new StringBuilder(m.getName()).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(p.getName()).append(';');
        }
        return sb.toString();
    }

    private static void merge(LinkedHashMap<String, List<Method>> map, Method m) {
        List<Method> list = map.computeIfAbsent(signature(m), k -> new ArrayList<>());
        Class<?> dc = m.getDeclaringClass();
        Class<?> rt = m.getReturnType();
        for (int i = 0; i < list.size(); i++) {
            Method x = list.get(i);
            if (x.getReturnType() != rt) {
                continue;
            }
            Class<?> xdc = x.getDeclaringClass();
            if (dc.isInterface() == xdc.isInterface()) {
                if (dc.isAssignableFrom(xdc)) {
                    return;
                }
                if (xdc.isAssignableFrom(dc)) {
                    list.remove(i--);
                }
            } else {
                if (dc.isInterface()) {
                    return;
                }
                list.remove(i--);
            }
        }
        list.add(m);
    }

    private String methodToString(String name, Class<?>[] params) {
        StringBuilder sb = new StringBuilder(getName()).append('.').append(name).append('(');
        if (params != null) {
            for (int i = 0; i < params.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(params[i] == null ? "null" : params[i].getName());
            }
        }
        return sb.append(')').toString();
    }

    private static boolean sameParameters(Class<?>[] a, Class<?>[] b) {
        int n = b == null ? 0 : b.length;
        if (a.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Of the methods named so with these parameters, the one with the most specific return type. */
    private static Method mostSpecific(List<Method> methods, String name, Class<?>[] params, boolean includeStatic) {
        Method found = null;
        for (Method m : methods) {
            if (m.getName().equals(name) && sameParameters(m.getParameterTypes(), params)
                    && (includeStatic || !Modifier.isStatic(m.getModifiers()))
                    && (found == null || found.getReturnType().isAssignableFrom(m.getReturnType()))) {
                found = m;
            }
        }
        return found;
    }

    private Method findPublicMethod(String name, Class<?>[] params, boolean includeStatic) {
        Method m = mostSpecific(declaredMethods(true), name, params, includeStatic);
        if (m != null) {
            return m;
        }
        Class<?> sc = getSuperclass();
        if (sc != null) {
            m = sc.findPublicMethod(name, params, includeStatic);
        }
        for (Class<?> i : getInterfaces()) {
            Method im = i.findPublicMethod(name, params, false);
            if (im != null && (m == null || (m.getDeclaringClass().isInterface()
                    && m.getDeclaringClass().isAssignableFrom(im.getDeclaringClass())))) {
                m = im;
            }
        }
        return m;
    }

    public Method getMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        if (name == null) {
            throw new NullPointerException();
        }
        Method m = isPrimitive() ? null : findPublicMethod(name, parameterTypes, true);
        if (m == null) {
            throw new NoSuchMethodException(methodToString(name, parameterTypes));
        }
        return m;
    }

    public Method getDeclaredMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        if (name == null) {
            throw new NullPointerException();
        }
        Method m = mostSpecific(declaredMethods(false), name, parameterTypes, true);
        if (m == null) {
            throw new NoSuchMethodException(methodToString(name, parameterTypes));
        }
        return m;
    }

    public Constructor<T> getConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        for (Constructor<T> c : declaredConstructors(true)) {
            if (sameParameters(c.getParameterTypes(), parameterTypes)) {
                return c;
            }
        }
        throw new NoSuchMethodException(methodToString("<init>", parameterTypes));
    }

    public Constructor<T> getDeclaredConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        for (Constructor<T> c : declaredConstructors(false)) {
            if (sameParameters(c.getParameterTypes(), parameterTypes)) {
                return c;
            }
        }
        throw new NoSuchMethodException(methodToString("<init>", parameterTypes));
    }

    public Field getDeclaredField(String name) throws NoSuchFieldException {
        if (name == null) {
            throw new NullPointerException();
        }
        for (Field f : declaredFields(false)) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        throw new NoSuchFieldException(name);
    }

    public Field getField(String name) throws NoSuchFieldException {
        if (name == null) {
            throw new NullPointerException();
        }
        Field f = findPublicField(name);
        if (f == null) {
            throw new NoSuchFieldException(name);
        }
        return f;
    }

    private Field findPublicField(String name) {
        for (Field f : declaredFields(true)) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        for (Class<?> i : getInterfaces()) {
            Field f = i.findPublicField(name);
            if (f != null) {
                return f;
            }
        }
        Class<?> sc = isInterface() ? null : getSuperclass();
        return sc == null ? null : sc.findPublicField(name);
    }

    /** A record class's components in declaration order; null for other classes. */
    public java.lang.reflect.RecordComponent[] getRecordComponents() {
        if (!isRecord()) {
            return null;
        }
        return java.lang.reflect.RecordComponent.of(this, Reflect.recordComponentNames(this),
                Reflect.recordComponentTypes(this));
    }

    /** The member classes and interfaces this class declares, from its InnerClasses attribute. */
    public Class<?>[] getDeclaredClasses() {
        return isArray() || isPrimitive() ? new Class<?>[0] : Reflect.declaredClasses(this);
    }

    /** Public member classes and interfaces, declared and inherited. */
    public Class<?>[] getClasses() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c = this; c != null; c = c.getSuperclass()) {
            for (Class<?> m : c.getDeclaredClasses()) {
                if (Modifier.isPublic(m.getModifiers()) && !out.contains(m)) {
                    out.add(m);
                }
            }
        }
        return out.toArray(new Class<?>[0]);
    }

    /** Deprecated in the JDK: makes an instance with the nullary constructor; what it throws is thrown as is. */
    @Deprecated
    public T newInstance() throws InstantiationException, IllegalAccessException {
        if (isPrimitive() || isArray() || isInterface() || Modifier.isAbstract(getModifiers()) || this == Class.class) {
            throw new InstantiationException(getName());
        }
        Constructor<T> c;
        try {
            c = getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            InstantiationException ie = new InstantiationException(getName());
            ie.initCause(e);
            throw ie;
        }
        ReflectAccess.checkAccess(c, Reflect.callerClass());
        c.setAccessible(true);
        try {
            return c.newInstance();
        } catch (InvocationTargetException e) {
            throw Class.<RuntimeException>sneaky(e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    public native boolean isInstance(Object obj);

    public native boolean isAssignableFrom(Class<?> cls);

    public native boolean isInterface();

    public native boolean isArray();

    public native boolean isPrimitive();

    public boolean isAnnotation() {
        return (getModifiers() & ANNOTATION) != 0;
    }

    public boolean isSynthetic() {
        return (getModifiers() & SYNTHETIC) != 0;
    }

    public String getName() {
        String n = name;
        if (n == null) {
            name = n = initName();
        }
        return n;
    }

    private native String initName();

    public native Class<? super T> getSuperclass();

    public Class<?>[] getInterfaces() {
        return getInterfaces0();
    }

    private native Class<?>[] getInterfaces0();

    public native Class<?> getComponentType();

    public Class<?> componentType() {
        return getComponentType();
    }

    public Class<?> arrayType() {
        return newArray0(0).getClass();
    }

    private native Object newArray0(int length);

    public native int getModifiers();

    public String getSimpleName() {
        String n = simpleName;
        if (n == null) {
            simpleName = n = initSimpleName();
        }
        return n;
    }

    private native String initSimpleName();

    @Override
    public String getTypeName() {
        if (isArray()) {
            Class<?> c = this;
            int dims = 0;
            while (c.isArray()) {
                dims++;
                c = c.getComponentType();
            }
            StringBuilder sb = new StringBuilder(c.getName());
            for (int i = 0; i < dims; i++) {
                sb.append("[]");
            }
            return sb.toString();
        }
        return getName();
    }

    /**
     * The canonical name (JLS 6.7): null for local, anonymous and hidden classes and for
     * members of classes without one; the enclosing class's canonical name, a dot and the
     * simple name for a member class.
     */
    public String getCanonicalName() {
        if (isArray()) {
            String component = getComponentType().getCanonicalName();
            return component == null ? null : component.concat("[]");
        }
        if (isPrimitive()) {
            return getName();
        }
        if (isHidden() || isLocalOrAnonymous0()) {
            return null;
        }
        Class<?> enclosing = getEnclosingClass();
        if (enclosing == null) {
            return getName();
        }
        String owner = enclosing.getCanonicalName();
        return owner == null ? null : owner + "." + getSimpleName();
    }

    /**
     * The immediately enclosing class: the class an {@code EnclosingMethod} attribute names
     * (local and anonymous classes), else the declaring class. Null for top-level, primitive
     * and array classes.
     */
    public Class<?> getEnclosingClass() {
        if (isArray() || isPrimitive()) {
            return null;
        }
        Class<?> enclosing = getEnclosingClass0();
        return enclosing != null ? enclosing : getDeclaringClass0();
    }

    /** The class this member class is declared in (its {@code InnerClasses} entry), or null. */
    public Class<?> getDeclaringClass() {
        if (isArray() || isPrimitive()) {
            return null;
        }
        return getDeclaringClass0();
    }

    public boolean isAnonymousClass() {
        return !isArray() && !isPrimitive() && isLocalOrAnonymous0() && getSimpleName().isEmpty();
    }

    public boolean isLocalClass() {
        return !isArray() && !isPrimitive() && isLocalOrAnonymous0() && !getSimpleName().isEmpty();
    }

    public boolean isMemberClass() {
        return !isArray() && !isPrimitive() && !isLocalOrAnonymous0() && getDeclaringClass0() != null;
    }

    /** The nest host its {@code NestHost} attribute names, or itself. */
    public Class<?> getNestHost() {
        if (isArray() || isPrimitive()) {
            return this;
        }
        return getNestHost0();
    }

    public boolean isNestmateOf(Class<?> c) {
        return this == c || getNestHost() == c.getNestHost();
    }

    /** Whether the VM generated the class (lambda proxies), as a hidden class. */
    public native boolean isHidden();

    private native Class<?> getDeclaringClass0();

    private native Class<?> getEnclosingClass0();

    private native boolean isLocalOrAnonymous0();

    private native Class<?> getNestHost0();

    public String getPackageName() {
        Class<?> c = this;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return "java.lang";
        }
        String n = c.getName();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(0, dot);
    }

    public native boolean desiredAssertionStatus();

    public boolean isEnum() {
        return isEnum0();
    }

    private native boolean isEnum0();

    public boolean isRecord() {
        return isRecord0();
    }

    private native boolean isRecord0();

    public T[] getEnumConstants() {
        T[] values = getEnumConstantsShared();
        return values == null ? null : values.clone();
    }

    /** The enum's constants, cached and shared with Enum.valueOf: callers must not modify the array. */
    @SuppressWarnings("unchecked")
    T[] getEnumConstantsShared() {
        Object[] values = enumConstants;
        if (values == null) {
            values = enumConstants0();
            if (values == null) {
                return null;
            }
            enumConstants = values;
        }
        return (T[]) values;
    }

    private native Object[] enumConstants0();

    @SuppressWarnings("unchecked")
    public T cast(Object obj) {
        if (obj != null && !isInstance(obj)) {
            throw new ClassCastException("Cannot cast " + obj.getClass().getName() + " to " + getName());
        }
        return (T) obj;
    }

    @SuppressWarnings("unchecked")
    public <U> Class<? extends U> asSubclass(Class<U> clazz) {
        if (clazz.isAssignableFrom(this)) {
            return (Class<? extends U>) this;
        }
        throw new ClassCastException(this.toString());
    }

    static native Class<?> getPrimitiveClass(String name);

    private jdk.internal.phantom.Annotations.Data annotationData() {
        jdk.internal.phantom.Annotations.Data d = annotationData;
        if (d == null) {
            Class<?> sup = getSuperclass();
            annotationData = d = jdk.internal.phantom.Annotations.ofClass(this, sup == null ? null : sup.annotationData());
        }
        return d;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends java.lang.annotation.Annotation> A getAnnotation(Class<A> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return (A) annotationData().annotations.get(annotationClass);
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends java.lang.annotation.Annotation> annotationClass) {
        return java.lang.reflect.GenericDeclaration.super.isAnnotationPresent(annotationClass);
    }

    @Override
    public <A extends java.lang.annotation.Annotation> A[] getAnnotationsByType(Class<A> annotationClass) {
        A[] result = jdk.internal.phantom.Annotations.directlyAndIndirectly(annotationData().declared, annotationClass);
        if (result.length == 0 && jdk.internal.phantom.Annotations.isInherited(annotationClass)) {
            Class<?> sup = getSuperclass();
            if (sup != null) {
                result = sup.getAnnotationsByType(annotationClass);
            }
        }
        return result;
    }

    @Override
    public java.lang.annotation.Annotation[] getAnnotations() {
        return jdk.internal.phantom.Annotations.toArray(annotationData().annotations);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends java.lang.annotation.Annotation> A getDeclaredAnnotation(Class<A> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return (A) annotationData().declared.get(annotationClass);
    }

    @Override
    public <A extends java.lang.annotation.Annotation> A[] getDeclaredAnnotationsByType(Class<A> annotationClass) {
        return jdk.internal.phantom.Annotations.directlyAndIndirectly(annotationData().declared, annotationClass);
    }

    @Override
    public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
        return jdk.internal.phantom.Annotations.toArray(annotationData().declared);
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.lang.reflect.TypeVariable<Class<T>>[] getTypeParameters() {
        return (java.lang.reflect.TypeVariable<Class<T>>[]) jdk.internal.phantom.Generics.typeParameters(this);
    }

    public Type getGenericSuperclass() {
        Type t = jdk.internal.phantom.Generics.superclass(this);
        if (t == null) {
            return getSuperclass();
        }
        return isInterface() ? null : t;
    }

    public Type[] getGenericInterfaces() {
        Type[] t = jdk.internal.phantom.Generics.interfaces(this);
        return t == null ? getInterfaces() : t;
    }

    public String toGenericString() {
        if (isPrimitive()) {
            return toString();
        }
        StringBuilder sb = new StringBuilder();
        Class<?> component = this;
        int arrayDepth = 0;
        if (isArray()) {
            do {
                arrayDepth++;
                component = component.getComponentType();
            } while (component.isArray());
            sb.append(component.getName());
        } else {
            int modifiers = getModifiers() & java.lang.reflect.Modifier.classModifiers();
            if (modifiers != 0) {
                sb.append(java.lang.reflect.Modifier.toString(modifiers)).append(' ');
            }
            if (isAnnotation()) {
                sb.append('@');
            }
            if (isInterface()) {
                sb.append("interface");
            } else if (isEnum()) {
                sb.append("enum");
            } else if (isRecord()) {
                sb.append("record");
            } else {
                sb.append("class");
            }
            sb.append(' ').append(getName());
        }
        sb.append(jdk.internal.phantom.Generics.typeParametersText(component.getTypeParameters(), ""));
        for (int i = 0; i < arrayDepth; i++) {
            sb.append("[]");
        }
        return sb.toString();
    }

    public Method getEnclosingMethod() {
        int slot = Reflect.enclosingMethod(this);
        if (slot < 0) {
            return null;
        }
        Class<?> enclosing = getEnclosingClass0();
        if ("<init>".equals(Reflect.methodName(enclosing, slot))) {
            return null;
        }
        return ReflectAccess.method(enclosing, slot);
    }

    public Constructor<?> getEnclosingConstructor() {
        int slot = Reflect.enclosingMethod(this);
        if (slot < 0) {
            return null;
        }
        Class<?> enclosing = getEnclosingClass0();
        if (!"<init>".equals(Reflect.methodName(enclosing, slot))) {
            return null;
        }
        return ReflectAccess.constructor(enclosing, slot);
    }

    public boolean isSealed() {
        return !isArray() && !isPrimitive() && Reflect.permittedSubclasses(this) != null;
    }

    public Class<?>[] getPermittedSubclasses() {
        if (isArray() || isPrimitive()) {
            return null;
        }
        return Reflect.permittedSubclasses(this);
    }

    public Class<?>[] getNestMembers() {
        if (isArray() || isPrimitive()) {
            return new Class<?>[] { this };
        }
        Class<?> host = getNestHost();
        Class<?>[] members = Reflect.nestMembers(host);
        Class<?>[] out = new Class<?>[members.length + 1];
        out[0] = host;
        System.arraycopy(members, 0, out, 1, members.length);
        return out;
    }

    public String descriptorString() {
        if (isPrimitive()) {
            switch (getName()) {
                case "boolean": return "Z";
                case "byte": return "B";
                case "char": return "C";
                case "short": return "S";
                case "int": return "I";
                case "long": return "J";
                case "float": return "F";
                case "double": return "D";
                default: return "V";
            }
        }
        if (isArray()) {
            return "[" + getComponentType().descriptorString();
        }
        return "L" + getName().replace('.', '/') + ";";
    }

    public Package getPackage() {
        if (isPrimitive() || isArray()) {
            return null;
        }
        return Package.of(getPackageName(), getClassLoader());
    }
}
