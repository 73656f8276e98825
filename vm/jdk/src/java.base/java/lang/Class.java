/** The run-time representation of a class, interface, array type or primitive type; the VM answers most questions natively. */
package java.lang;

import java.lang.reflect.Type;

public final class Class<T> implements java.io.Serializable, Type {
    private static final int ANNOTATION = 0x2000;
    private static final int SYNTHETIC = 0x1000;

    private transient String name;
    private transient String simpleName;
    private transient Object[] enumConstants;

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
        return forName0(className);
    }

    private static native Class<?> forName0(String className) throws ClassNotFoundException;

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
}
