/**
 * The VM's half of java.lang.reflect. Members are named by their declaring class and their index
 * among the class file's declared methods or fields (a slot); every query and every call goes
 * through these natives. Calls run the member as an ordinary pushed frame (no Rust recursion into
 * Java), so a process can be captured in the middle of a reflective call.
 */
package jdk.internal.phantom;

import java.lang.reflect.Modifier;

public final class Reflect {
    private Reflect() {}

    /** Declared method slots (constructors included, static initializer not) in HotSpot's order. */
    public static native int[] methods(Class<?> c);

    /**
     * Writes and defines proxy class {@code name} implementing {@code interfaces}; its method i is
     * {@code methods[i]}, the method at {@code slots[i]} of {@code declaring[i]}, and rethrows
     * {@code exceptions[i]} unwrapped (java.lang.reflect.Proxy has checked everything).
     */
    public static native Class<?> defineProxy(String name, Class<?>[] interfaces, java.lang.reflect.Method[] methods,
            Class<?>[] declaring, int[] slots, Class<?>[][] exceptions, boolean isPublic);

    /**
     * The generic signature (Signature attribute) of the class ({@code kind} 0), of its field at
     * {@code slot} (1) or of its method at {@code slot} (2), or null.
     */
    public static native String signature(Class<?> c, int kind, int slot);

    /** The slot of the method or constructor EnclosingMethod names in the enclosing class, or -1. */
    public static native int enclosingMethod(Class<?> c);

    /** The classes PermittedSubclasses lists that load, or null when the class is not sealed. */
    public static native Class<?>[] permittedSubclasses(Class<?> c);

    /** The classes the NestMembers attribute lists. */
    public static native Class<?>[] nestMembers(Class<?> c);

    /** The parameter names of the method at {@code slot} (null entries for unnamed ones) from MethodParameters, or null. */
    public static native String[] parameterNames(Class<?> c, int slot);

    /** The parameter flags of the method at {@code slot} from MethodParameters, or null. */
    public static native int[] parameterFlags(Class<?> c, int slot);

    /** The class's runtime-visible annotations, as the VM encodes them for Annotations, or null. */
    public static native byte[] classAnnotations(Class<?> c);

    /** The runtime-visible annotations of record component {@code index}, or null. */
    public static native byte[] recordComponentAnnotations(Class<?> c, int index);

    /** The runtime-visible annotations of the field at {@code slot}, or null. */
    public static native byte[] fieldAnnotations(Class<?> c, int slot);

    /**
     * Of the method at {@code slot}: its runtime-visible annotations ({@code which} 0), its
     * parameters' (1), or its default value as an annotation element (2); null when absent.
     */
    public static native byte[] methodAnnotations(Class<?> c, int slot, int which);

    /** Declared field slots in declaration order. */
    public static native int[] fields(Class<?> c);

    public static native String methodName(Class<?> c, int slot);

    public static native int methodModifiers(Class<?> c, int slot);

    public static native Class<?>[] parameterTypes(Class<?> c, int slot);

    public static native Class<?> returnType(Class<?> c, int slot);

    public static native Class<?>[] exceptionTypes(Class<?> c, int slot);

    /** The member classes a class declares (InnerClasses entries whose outer class it is), loaded. */
    public static native Class<?>[] declaredClasses(Class<?> c);

    /** The names of a record class's components, in order (its Record attribute). */
    public static native String[] recordComponentNames(Class<?> c);

    /** The types of a record class's components, in order. */
    public static native Class<?>[] recordComponentTypes(Class<?> c);

    public static native String fieldName(Class<?> c, int slot);

    public static native int fieldModifiers(Class<?> c, int slot);

    public static native Class<?> fieldType(Class<?> c, int slot);

    /** Initializes a class as a static access would (running its initializer as pushed frames). */
    public static native void initialize(Class<?> c);

    /** Loads a class by binary name (with dots) without initializing it; null if there is none. */
    public static native Class<?> load(String name);

    /** The class-file access flags of a class (not those of its InnerClasses entry). */
    public static native int classAccessFlags(Class<?> c);

    /** Whether a class belongs to the class library (module java.base). */
    public static native boolean inJavaBase(Class<?> c);

    /**
     * The class of the innermost frame that belongs neither to reflection (java.lang.reflect,
     * java.lang.invoke,
     * java.lang.Class, this package) nor to a hidden method: whoever asked for the reflective call.
     */
    public static native Class<?> callerClass();

    /** A new instance of c with every field zero, before its constructor runs. */
    public static native Object allocate(Class<?> c);

    // Calls. Unless special, the member is selected on the receiver's class for virtual methods;
    // the arguments have been checked and converted to the parameters' exact types by Java first.

    public static native void invokeV(Class<?> c, int slot, Object receiver, Object[] args, boolean special);

    public static native int invokeI(Class<?> c, int slot, Object receiver, Object[] args, boolean special);

    public static native long invokeJ(Class<?> c, int slot, Object receiver, Object[] args, boolean special);

    public static native float invokeF(Class<?> c, int slot, Object receiver, Object[] args, boolean special);

    public static native double invokeD(Class<?> c, int slot, Object receiver, Object[] args, boolean special);

    public static native Object invokeL(Class<?> c, int slot, Object receiver, Object[] args, boolean special);

    // Field access, receiver null for static fields; ints carry boolean, byte, char and short.

    public static native int getI(Class<?> c, int slot, Object o);

    public static native long getJ(Class<?> c, int slot, Object o);

    public static native float getF(Class<?> c, int slot, Object o);

    public static native double getD(Class<?> c, int slot, Object o);

    public static native Object getL(Class<?> c, int slot, Object o);

    public static native void setI(Class<?> c, int slot, Object o, int v);

    public static native void setJ(Class<?> c, int slot, Object o, long v);

    public static native void setF(Class<?> c, int slot, Object o, float v);

    public static native void setD(Class<?> c, int slot, Object o, double v);

    public static native void setL(Class<?> c, int slot, Object o, Object v);

    /** {@code class X}, with " (in module java.base)" for library classes, as HotSpot's access errors say. */
    public static String describeClass(Class<?> c) {
        return inJavaBase(c) ? c + " (in module java.base)" : c.toString();
    }

    /** Whether code in {@code caller} may use a member of {@code declaring} with these modifiers (JLS 6.6). */
    public static boolean verifyAccess(Class<?> caller, Class<?> declaring, Class<?> target, int modifiers) {
        if (caller == declaring) {
            return true;
        }
        // Module java.base does not export its internal packages to applications.
        if (inJavaBase(declaring) && !inJavaBase(caller)) {
            String pkg = declaring.getPackageName();
            if (pkg.startsWith("jdk.internal") || pkg.startsWith("sun.")) {
                return false;
            }
        }
        boolean samePackage = caller.getPackageName().equals(declaring.getPackageName());
        if (!Modifier.isPublic(classAccessFlags(declaring)) && !samePackage) {
            return false;
        }
        if (Modifier.isPublic(modifiers)) {
            return true;
        }
        if (Modifier.isPrivate(modifiers)) {
            return caller.getNestHost() == declaring.getNestHost();
        }
        boolean ok = false;
        if (Modifier.isProtected(modifiers) && isSubclassOf(caller, declaring)) {
            ok = true;
        }
        if (!ok && samePackage) {
            return true;
        }
        if (!ok) {
            return false;
        }
        // A protected instance member, reached from a subclass in another package: only on the
        // caller's own kind of object.
        if (target != null && Modifier.isProtected(modifiers) && !Modifier.isStatic(modifiers) && target != caller) {
            return isSubclassOf(target, caller);
        }
        return true;
    }

    private static boolean isSubclassOf(Class<?> c, Class<?> of) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k == of) {
                return true;
            }
        }
        return false;
    }

    /** The primitive type a wrapper class boxes, or null. */
    public static Class<?> primitiveOf(Class<?> wrapper) {
        if (wrapper == Integer.class) {
            return int.class;
        }
        if (wrapper == Long.class) {
            return long.class;
        }
        if (wrapper == Double.class) {
            return double.class;
        }
        if (wrapper == Float.class) {
            return float.class;
        }
        if (wrapper == Boolean.class) {
            return boolean.class;
        }
        if (wrapper == Character.class) {
            return char.class;
        }
        if (wrapper == Byte.class) {
            return byte.class;
        }
        if (wrapper == Short.class) {
            return short.class;
        }
        return null;
    }

    /** Whether a primitive value of type {@code from} converts to {@code to} by identity or widening (JLS 5.1.2). */
    public static boolean widens(Class<?> from, Class<?> to) {
        if (from == to) {
            return true;
        }
        if (from == boolean.class || to == boolean.class || to == char.class || to == byte.class) {
            return false;
        }
        if (to == short.class) {
            return from == byte.class;
        }
        if (to == int.class) {
            return from == byte.class || from == short.class || from == char.class;
        }
        if (to == long.class) {
            return from == byte.class || from == short.class || from == char.class || from == int.class;
        }
        if (to == float.class) {
            return from != double.class;
        }
        return to == double.class;
    }

    public static int intValue(Object v) {
        return v instanceof Character ? ((Character) v).charValue() : ((Number) v).intValue();
    }

    public static long longValue(Object v) {
        return v instanceof Character ? ((Character) v).charValue() : ((Number) v).longValue();
    }

    public static float floatValue(Object v) {
        return v instanceof Character ? ((Character) v).charValue() : ((Number) v).floatValue();
    }

    public static double doubleValue(Object v) {
        return v instanceof Character ? ((Character) v).charValue() : ((Number) v).doubleValue();
    }

    /** An argument for a parameter of type {@code p}, converted as Method.invoke converts it. */
    public static Object convertArgument(Class<?> p, Object arg) {
        if (!p.isPrimitive()) {
            if (arg != null && !p.isInstance(arg)) {
                throw new IllegalArgumentException("argument type mismatch");
            }
            return arg;
        }
        if (arg == null) {
            throw new IllegalArgumentException();
        }
        Class<?> from = primitiveOf(arg.getClass());
        if (from == null || !widens(from, p)) {
            throw new IllegalArgumentException("argument type mismatch");
        }
        if (from == p) {
            return arg;
        }
        if (p == int.class) {
            return Integer.valueOf(intValue(arg));
        }
        if (p == long.class) {
            return Long.valueOf(longValue(arg));
        }
        if (p == float.class) {
            return Float.valueOf(floatValue(arg));
        }
        if (p == double.class) {
            return Double.valueOf(doubleValue(arg));
        }
        return Short.valueOf((short) intValue(arg));
    }
}
