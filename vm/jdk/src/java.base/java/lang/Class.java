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
     * The canonical name, worked out from the binary and simple names: null for local and
     * anonymous classes, dots in place of the dollars that join member classes to their owners.
     */
    public String getCanonicalName() {
        if (isArray()) {
            String component = getComponentType().getCanonicalName();
            return component == null ? null : component.concat("[]");
        }
        String simple = getSimpleName();
        if (simple.isEmpty()) {
            return null;
        }
        String binary = getName();
        if (binary.length() == simple.length()) {
            return binary;
        }
        int ownerEnd = binary.length() - simple.length();
        if (binary.charAt(ownerEnd - 1) != '.' && binary.charAt(ownerEnd - 1) != '$') {
            // A local class: its binary name puts digits between the owner and the simple name.
            return null;
        }
        String owner = binary.substring(0, ownerEnd - 1);
        int dollar = owner.indexOf('$');
        while (dollar >= 0) {
            if (dollar + 1 < owner.length() && Character.isDigit(owner.charAt(dollar + 1))) {
                return null;
            }
            dollar = owner.indexOf('$', dollar + 1);
        }
        return owner.replace('$', '.').concat(".").concat(simple);
    }

    /**
     * The immediately enclosing class, worked out from the binary name: the part before the
     * '$' that joins a member, local or anonymous class to its owner. Null for top-level,
     * primitive and array classes.
     */
    public Class<?> getEnclosingClass() {
        if (isArray() || isPrimitive()) {
            return null;
        }
        String binary = getName();
        int end = binary.length() - getSimpleName().length();
        if (end <= 0 || binary.charAt(end - 1) == '.') {
            return null;
        }
        // Local and anonymous classes carry a sequence number between the owner and the simple name.
        while (end > 0 && Character.isDigit(binary.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || binary.charAt(end - 1) != '$') {
            return null;
        }
        try {
            return forName0(binary.substring(0, end - 1));
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The top-level class whose nest this class belongs to, found from the binary name. */
    public Class<?> getNestHost() {
        if (isArray() || isPrimitive()) {
            return this;
        }
        String binary = getName();
        int dollar = binary.indexOf('$', binary.lastIndexOf('.') + 1);
        if (dollar <= 0) {
            return this;
        }
        try {
            return forName0(binary.substring(0, dollar));
        } catch (ClassNotFoundException e) {
            return this;
        }
    }

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
