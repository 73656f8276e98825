/**
 * Lookups that make method handles for methods, constructors and fields, and a few handle
 * combinators. Handles call their members through jdk.internal.phantom.Reflect, as pushed frames.
 */
package java.lang.invoke;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ReflectAccess;
import jdk.internal.phantom.Reflect;

public class MethodHandles {
    private MethodHandles() {}

    /** A lookup with the caller's access. */
    public static Lookup lookup() {
        return new Lookup(Reflect.callerClass(), true);
    }

    /** A lookup that finds public members of public classes only. */
    public static Lookup publicLookup() {
        return new Lookup(Object.class, false, true);
    }

    /** A value for a parameter or constant of {@code type}: cast, or unboxed and widened; else ClassCastException. */
    private static Object castValue(Class<?> type, Object value) {
        if (!type.isPrimitive()) {
            return type.cast(value);
        }
        try {
            return Reflect.convertArgument(type, value);
        } catch (IllegalArgumentException e) {
            throw new ClassCastException("Cannot cast " + (value == null ? "null" : value.getClass().getName()) + " to "
                    + MethodType.wrapper(type).getName());
        }
    }

    public static MethodHandle identity(Class<?> type) {
        if (type == void.class) {
            throw new IllegalArgumentException("void type");
        }
        return new IdentityHandle(MethodType.methodType(type, type));
    }

    public static MethodHandle constant(Class<?> type, Object value) {
        if (type == void.class) {
            throw new IllegalArgumentException("void type");
        }
        return new ConstantHandle(MethodType.methodType(type), castValue(type, value));
    }

    /** A handle with arguments at {@code pos} fixed to {@code values}. */
    public static MethodHandle insertArguments(MethodHandle target, int pos, Object... values) {
        MethodType t = target.type();
        int outargs = t.parameterCount() - values.length;
        if (outargs < 0) {
            throw new IllegalArgumentException("too many values to insert");
        }
        if (pos < 0 || pos > outargs) {
            throw new IllegalArgumentException("no argument type to append");
        }
        Object[] v = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = castValue(t.parameterType(pos + i), values[i]);
        }
        return new MethodHandle.BoundHandle(target, pos, v);
    }

    /** A handle that takes extra arguments of the given types at {@code pos} and ignores them. */
    public static MethodHandle dropArguments(MethodHandle target, int pos, Class<?>... valueTypes) {
        MethodType t = target.type();
        if (pos < 0 || pos > t.parameterCount()) {
            throw new IllegalArgumentException("bad position " + pos);
        }
        return new DropHandle(target, pos, t.insertParameterTypes(pos, valueTypes));
    }

    public static MethodHandle dropArguments(MethodHandle target, int pos, java.util.List<Class<?>> valueTypes) {
        return dropArguments(target, pos, valueTypes.toArray(new Class<?>[0]));
    }

    public static MethodHandle filterReturnValue(MethodHandle target, MethodHandle filter) {
        return Adapters.filterReturnValue(target, filter);
    }

    public static MethodHandle filterArguments(MethodHandle target, int pos, MethodHandle... filters) {
        return Adapters.filterArguments(target, pos, filters);
    }

    public static MethodHandle collectArguments(MethodHandle target, int pos, MethodHandle filter) {
        return Adapters.collectArguments(target, pos, filter);
    }

    public static MethodHandle foldArguments(MethodHandle target, MethodHandle combiner) {
        return Adapters.foldArguments(target, 0, combiner);
    }

    public static MethodHandle foldArguments(MethodHandle target, int pos, MethodHandle combiner) {
        return Adapters.foldArguments(target, pos, combiner);
    }

    public static MethodHandle permuteArguments(MethodHandle target, MethodType newType, int... reorder) {
        return Adapters.permuteArguments(target, newType, reorder);
    }

    public static MethodHandle guardWithTest(MethodHandle test, MethodHandle target, MethodHandle fallback) {
        return Adapters.guardWithTest(test, target, fallback);
    }

    public static MethodHandle catchException(MethodHandle target, Class<? extends Throwable> exType,
            MethodHandle handler) {
        return Adapters.catchException(target, exType, handler);
    }

    public static MethodHandle tryFinally(MethodHandle target, MethodHandle cleanup) {
        return Adapters.tryFinally(target, cleanup);
    }

    public static MethodHandle countedLoop(MethodHandle iterations, MethodHandle init, MethodHandle body) {
        return Adapters.countedLoop(null, iterations, init, body);
    }

    public static MethodHandle countedLoop(MethodHandle start, MethodHandle end, MethodHandle init, MethodHandle body) {
        return Adapters.countedLoop(start, end, init, body);
    }

    public static MethodHandle dropReturn(MethodHandle target) {
        return Adapters.dropReturn(target);
    }

    public static MethodHandle empty(MethodType type) {
        return Adapters.empty(java.util.Objects.requireNonNull(type));
    }

    public static MethodHandle zero(Class<?> type) {
        return Adapters.empty(MethodType.methodType(java.util.Objects.requireNonNull(type)));
    }

    public static MethodHandle throwException(Class<?> returnType, Class<? extends Throwable> exType) {
        return Adapters.throwException(returnType, exType);
    }

    public static MethodHandle invoker(MethodType type) {
        return Adapters.invoker(type, false);
    }

    public static MethodHandle exactInvoker(MethodType type) {
        return Adapters.invoker(type, true);
    }

    public static MethodHandle spreadInvoker(MethodType type, int leadingArgCount) {
        return Adapters.spreadInvoker(type, leadingArgCount);
    }

    public static MethodHandle arrayElementGetter(Class<?> arrayClass) {
        return Adapters.arrayElementGetter(arrayClass);
    }

    public static MethodHandle arrayElementSetter(Class<?> arrayClass) {
        return Adapters.arrayElementSetter(arrayClass);
    }

    public static MethodHandle arrayConstructor(Class<?> arrayClass) {
        return Adapters.arrayConstructor(arrayClass);
    }

    public static MethodHandle arrayLength(Class<?> arrayClass) {
        return Adapters.arrayLength(arrayClass);
    }

    public static MethodHandle explicitCastArguments(MethodHandle target, MethodType newType) {
        return Adapters.explicitCastArguments(target, newType);
    }

    public static MethodHandle dropArgumentsToMatch(MethodHandle target, int skip, java.util.List<Class<?>> newTypes,
            int pos) {
        MethodType t = target.type();
        int match = t.parameterCount() - skip;
        if (skip < 0 || pos < 0 || pos + match > newTypes.size()) {
            throw new IllegalArgumentException("bad position");
        }
        for (int i = 0; i < match; i++) {
            if (t.parameterType(skip + i) != newTypes.get(pos + i)) {
                throw new IllegalArgumentException("target and new types do not match");
            }
        }
        MethodHandle h = target;
        h = dropArguments(h, skip + match, newTypes.subList(pos + match, newTypes.size()));
        h = dropArguments(h, skip, newTypes.subList(0, pos));
        return h;
    }

    /** Finds and checks members for method handles, with the access of its lookup class. */
    public static final class Lookup {
        public static final int PUBLIC = Modifier.PUBLIC;
        public static final int PRIVATE = Modifier.PRIVATE;
        public static final int PROTECTED = Modifier.PROTECTED;
        public static final int PACKAGE = Modifier.STATIC;
        public static final int MODULE = PACKAGE << 1;
        public static final int UNCONDITIONAL = PACKAGE << 2;
        public static final int ORIGINAL = PACKAGE << 3;

        private final Class<?> lookupClass;
        private final boolean full;
        /** Whether the lookup was made for an application class (outside module java.base). */
        private final boolean application;

        Lookup(Class<?> lookupClass, boolean full) {
            this(lookupClass, full, lookupClass == null || !Reflect.inJavaBase(lookupClass));
        }

        private Lookup(Class<?> lookupClass, boolean full, boolean application) {
            this.lookupClass = lookupClass;
            this.full = full;
            this.application = application;
        }

        public Class<?> lookupClass() {
            return lookupClass;
        }

        public int lookupModes() {
            return full ? (PUBLIC | PRIVATE | PROTECTED | PACKAGE | MODULE | ORIGINAL) : UNCONDITIONAL;
        }

        public Lookup in(Class<?> requestedLookupClass) {
            if (requestedLookupClass == lookupClass) {
                return this;
            }
            return new Lookup(requestedLookupClass, false, application);
        }

        @Override
        public String toString() {
            return full ? lookupClass.getName() : lookupClass.getName() + "/publicLookup";
        }

        private String describe(Class<?> refc, String name, MethodType type, String kind) {
            return refc.getName() + "." + name + type + "/" + kind;
        }

        /** A public lookup sees public classes only. */
        private void checkClass(Class<?> refc) throws IllegalAccessException {
            boolean internal = application && Reflect.inJavaBase(refc)
                    && (refc.getPackageName().startsWith("jdk.internal") || refc.getPackageName().startsWith("sun."));
            if (internal || (!full && !Modifier.isPublic(Reflect.classAccessFlags(refc)))) {
                throw new IllegalAccessException("symbolic reference class is not accessible: " + refc);
            }
        }

        private boolean canAccess(Class<?> declaring, int modifiers) {
            if (application && Reflect.inJavaBase(declaring)) {
                String pkg = declaring.getPackageName();
                if (pkg.startsWith("jdk.internal") || pkg.startsWith("sun.")) {
                    return false;
                }
            }
            if (!full) {
                return Modifier.isPublic(modifiers) && Modifier.isPublic(Reflect.classAccessFlags(declaring));
            }
            return Reflect.verifyAccess(lookupClass, declaring, null, modifiers);
        }

        private IllegalAccessException denied(int modifiers, String what) {
            String kind = Modifier.isPrivate(modifiers) ? "member is private: "
                    : Modifier.isProtected(modifiers) ? "member is protected: " : "member is private to package: ";
            if (Modifier.isPublic(modifiers)) {
                kind = "class is not public: ";
            }
            return new IllegalAccessException(kind + what + ", from " + lookupClass);
        }

        /** A method declared by c or inherited, found as JVMS 5.4.3.3 resolves it; or null. */
        private static Member find(Class<?> c, String name, MethodType type) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                Member m = declared(k, name, type);
                if (m != null) {
                    return m;
                }
            }
            return inInterfaces(c, name, type);
        }

        private static Member inInterfaces(Class<?> c, String name, MethodType type) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Class<?> i : k.getInterfaces()) {
                    Member m = declared(i, name, type);
                    if (m == null) {
                        m = inInterfaces(i, name, type);
                    }
                    if (m != null) {
                        return m;
                    }
                }
            }
            return null;
        }

        private static Member declared(Class<?> c, String name, MethodType type) {
            for (int slot : Reflect.methods(c)) {
                if (Reflect.methodName(c, slot).equals(name) && Reflect.returnType(c, slot) == type.returnType()
                        && java.util.Arrays.equals(Reflect.parameterTypes(c, slot), type.ptypes())) {
                    return new Member(c, slot, Reflect.methodModifiers(c, slot));
                }
            }
            return null;
        }

        private MethodHandle method(Class<?> refc, String name, MethodType type, int kind)
                throws NoSuchMethodException, IllegalAccessException {
            String kindName = kind == DirectHandle.STATIC ? "invokeStatic"
                    : kind == DirectHandle.SPECIAL ? "invokeSpecial"
                    : refc.isInterface() ? "invokeInterface" : "invokeVirtual";
            String what = describe(refc, name, type, kindName);
            if (name == null) {
                throw new NullPointerException();
            }
            if (name.startsWith("<")) {
                throw new NoSuchMethodException("illegal method name: " + name);
            }
            checkClass(refc);
            Member m = find(refc, name, type);
            if (m == null) {
                throw new NoSuchMethodException("no such method: " + what);
            }
            if (Modifier.isStatic(m.modifiers) != (kind == DirectHandle.STATIC)) {
                throw new IllegalAccessException("no such method: " + what);
            }
            if (!canAccess(m.clazz, m.modifiers)) {
                throw denied(m.modifiers, what);
            }
            MethodType t = kind == DirectHandle.STATIC ? type : type.insertParameterTypes(0, refc);
            return arity(new DirectHandle(t, m.clazz, m.slot, kind), m.modifiers);
        }

        /** A handle on a variable-arity member collects trailing arguments, as on HotSpot. */
        private static MethodHandle arity(MethodHandle h, int modifiers) {
            if ((modifiers & 0x80) != 0 && h.type().parameterCount() > 0
                    && h.type().lastParameterType().isArray()) {
                return h.asVarargsCollector(h.type().lastParameterType());
            }
            return h;
        }

        public MethodHandle findStatic(Class<?> refc, String name, MethodType type)
                throws NoSuchMethodException, IllegalAccessException {
            return method(refc, name, type, DirectHandle.STATIC);
        }

        public MethodHandle findVirtual(Class<?> refc, String name, MethodType type)
                throws NoSuchMethodException, IllegalAccessException {
            return method(refc, name, type, DirectHandle.VIRTUAL);
        }

        public MethodHandle findSpecial(Class<?> refc, String name, MethodType type, Class<?> specialCaller)
                throws NoSuchMethodException, IllegalAccessException {
            if (full && specialCaller != lookupClass) {
                throw new IllegalAccessException("no private access for invokespecial: " + specialCaller + ", from " + this);
            }
            MethodHandle h = method(refc, name, type, DirectHandle.SPECIAL).asFixedArity();
            return arity(new DirectHandle(type.insertParameterTypes(0, specialCaller), ((DirectHandle) h).clazz,
                    ((DirectHandle) h).slot, DirectHandle.SPECIAL), ((DirectHandle) h).modifiers());
        }

        public MethodHandle findConstructor(Class<?> refc, MethodType type)
                throws NoSuchMethodException, IllegalAccessException {
            String what = describe(refc, "<init>", type, "newInvokeSpecial");
            if (type.returnType() != void.class) {
                throw new NoSuchMethodException("no such constructor: " + what);
            }
            checkClass(refc);
            Member m = refc.isInterface() || refc.isArray() || refc.isPrimitive() ? null : declared(refc, "<init>", type);
            if (m == null) {
                throw new NoSuchMethodException("no such constructor: " + what);
            }
            if (!canAccess(refc, m.modifiers)) {
                throw denied(m.modifiers, what);
            }
            return arity(new DirectHandle(type.changeReturnType(refc), refc, m.slot, DirectHandle.NEW), m.modifiers);
        }

        private MethodHandle field(Class<?> refc, String name, Class<?> type, int kind)
                throws NoSuchFieldException, IllegalAccessException {
            boolean isStatic = kind == DirectHandle.GET_STATIC || kind == DirectHandle.PUT_STATIC;
            String kindName = kind == DirectHandle.GET ? "getField" : kind == DirectHandle.PUT ? "putField"
                    : kind == DirectHandle.GET_STATIC ? "getStatic" : "putStatic";
            String what = refc.getName() + "." + name + "/" + type.getName() + "/" + kindName;
            checkClass(refc);
            Class<?> owner = null;
            int found = -1;
            search:
            for (Class<?> k = refc; k != null; k = k.getSuperclass()) {
                for (int slot : Reflect.fields(k)) {
                    if (Reflect.fieldName(k, slot).equals(name) && Reflect.fieldType(k, slot) == type) {
                        owner = k;
                        found = slot;
                        break search;
                    }
                }
            }
            if (owner == null) {
                throw new NoSuchFieldException("no such field: " + what);
            }
            int mods = Reflect.fieldModifiers(owner, found);
            if (Modifier.isStatic(mods) != isStatic) {
                // Named by the field's own kind of access, as HotSpot's message does.
                String actual = refc.getName() + "." + name + "/" + type.getName() + "/"
                        + (isStatic ? (kind == DirectHandle.GET_STATIC ? "getField" : "putField")
                                : (kind == DirectHandle.GET ? "getStatic" : "putStatic"));
                throw new IllegalAccessException((isStatic ? "expected a static field: " : "expected a non-static field: ")
                        + actual);
            }
            if (!canAccess(owner, mods)) {
                throw denied(mods, what);
            }
            boolean put = kind == DirectHandle.PUT || kind == DirectHandle.PUT_STATIC;
            if (put && Modifier.isFinal(mods)) {
                throw new IllegalAccessException("unexpected set of a final field: " + what);
            }
            MethodType t = kind == DirectHandle.GET ? MethodType.methodType(type, refc)
                    : kind == DirectHandle.PUT ? MethodType.methodType(void.class, refc, type)
                    : kind == DirectHandle.GET_STATIC ? MethodType.methodType(type)
                    : MethodType.methodType(void.class, type);
            return new DirectHandle(t, owner, found, kind);
        }

        public MethodHandle findGetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            return field(refc, name, type, DirectHandle.GET);
        }

        public MethodHandle findSetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            return field(refc, name, type, DirectHandle.PUT);
        }

        public MethodHandle findStaticGetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            return field(refc, name, type, DirectHandle.GET_STATIC);
        }

        public MethodHandle findStaticSetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            return field(refc, name, type, DirectHandle.PUT_STATIC);
        }

        public Class<?> findClass(String targetName) throws ClassNotFoundException, IllegalAccessException {
            return Class.forName(targetName, false, ClassLoader.getSystemClassLoader());
        }

        public MethodHandle unreflect(Method m) throws IllegalAccessException {
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (!m.isAccessible() && !canAccess(m.getDeclaringClass(), m.getModifiers())) {
                throw denied(m.getModifiers(), describe(m.getDeclaringClass(), m.getName(),
                        MethodType.methodType(m.getReturnType(), m.getParameterTypes()),
                        isStatic ? "invokeStatic" : "invokeVirtual"));
            }
            MethodType t = MethodType.methodType(m.getReturnType(), m.getParameterTypes());
            if (!isStatic) {
                t = t.insertParameterTypes(0, m.getDeclaringClass());
            }
            return arity(new DirectHandle(t, m.getDeclaringClass(), ReflectAccess.slot(m),
                    isStatic ? DirectHandle.STATIC : DirectHandle.VIRTUAL), m.getModifiers());
        }

        public MethodHandle unreflectConstructor(Constructor<?> c) throws IllegalAccessException {
            if (!c.isAccessible() && !canAccess(c.getDeclaringClass(), c.getModifiers())) {
                throw denied(c.getModifiers(), c.toString());
            }
            return arity(new DirectHandle(MethodType.methodType(c.getDeclaringClass(), c.getParameterTypes()),
                    c.getDeclaringClass(), ReflectAccess.slot(c), DirectHandle.NEW), c.getModifiers());
        }

        public MethodHandle unreflectGetter(Field f) throws IllegalAccessException {
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            if (!f.isAccessible() && !canAccess(f.getDeclaringClass(), f.getModifiers())) {
                throw denied(f.getModifiers(), f.toString());
            }
            MethodType t = isStatic ? MethodType.methodType(f.getType())
                    : MethodType.methodType(f.getType(), f.getDeclaringClass());
            return new DirectHandle(t, f.getDeclaringClass(), ReflectAccess.slot(f),
                    isStatic ? DirectHandle.GET_STATIC : DirectHandle.GET);
        }

        public MethodHandle unreflectSetter(Field f) throws IllegalAccessException {
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            if (Modifier.isFinal(f.getModifiers()) && (isStatic || !f.isAccessible())) {
                String what = f.getDeclaringClass().getName() + "." + f.getName() + "/" + f.getType().getName() + "/"
                        + (isStatic ? "putStatic" : "putField");
                throw new IllegalAccessException((f.isAccessible() ? "static final field has no write access: "
                        : "unexpected set of a final field: ") + what + ", from " + lookupClass);
            }
            if (!f.isAccessible() && !canAccess(f.getDeclaringClass(), f.getModifiers())) {
                throw denied(f.getModifiers(), f.toString());
            }
            MethodType t = isStatic ? MethodType.methodType(void.class, f.getType())
                    : MethodType.methodType(void.class, f.getDeclaringClass(), f.getType());
            return new DirectHandle(t, f.getDeclaringClass(), ReflectAccess.slot(f),
                    isStatic ? DirectHandle.PUT_STATIC : DirectHandle.PUT);
        }
    }

    /** A found method: its class, slot and modifiers. */
    private static final class Member {
        final Class<?> clazz;
        final int slot;
        final int modifiers;

        Member(Class<?> clazz, int slot, int modifiers) {
            this.clazz = clazz;
            this.slot = slot;
            this.modifiers = modifiers;
        }
    }

    /** A handle on a member, called through Reflect. */
    static final class DirectHandle extends MethodHandle {
        static final int STATIC = 0;
        static final int VIRTUAL = 1;
        static final int SPECIAL = 2;
        static final int NEW = 3;
        static final int GET = 4;
        static final int PUT = 5;
        static final int GET_STATIC = 6;
        static final int PUT_STATIC = 7;

        final Class<?> clazz;
        final int slot;
        final int kind;

        DirectHandle(MethodType type, Class<?> clazz, int slot, int kind) {
            super(type);
            this.clazz = clazz;
            this.slot = slot;
            this.kind = kind;
        }

        /** The method's modifiers. */
        int modifiers() {
            return Reflect.methodModifiers(clazz, slot);
        }

        @Override
        Object call(Object[] args) throws Throwable {
            switch (kind) {
                case STATIC: {
                    Reflect.initialize(clazz);
                    return invoke(null, args, false);
                }
                case VIRTUAL:
                case SPECIAL: {
                    Object receiver = args[0];
                    if (receiver == null) {
                        throw new NullPointerException();
                    }
                    Object[] rest = new Object[args.length - 1];
                    System.arraycopy(args, 1, rest, 0, rest.length);
                    return invoke(receiver, rest, kind == SPECIAL);
                }
                case NEW: {
                    Reflect.initialize(clazz);
                    Object obj = Reflect.allocate(clazz);
                    Reflect.invokeV(clazz, slot, obj, args, true);
                    return obj;
                }
                case GET:
                case GET_STATIC:
                    return get(kind == GET ? nonNull(args[0]) : init());
                case PUT:
                case PUT_STATIC:
                    put(kind == PUT ? nonNull(args[0]) : init(), args[kind == PUT ? 1 : 0]);
                    return null;
                default:
                    throw new InternalError("handle kind " + kind);
            }
        }

        private static Object nonNull(Object o) {
            if (o == null) {
                throw new NullPointerException();
            }
            return o;
        }

        private Object init() {
            Reflect.initialize(clazz);
            return null;
        }

        private Object invoke(Object receiver, Object[] args, boolean special) {
            Class<?> r = type().returnType();
            if (!r.isPrimitive()) {
                return Reflect.invokeL(clazz, slot, receiver, args, special);
            }
            if (r == void.class) {
                Reflect.invokeV(clazz, slot, receiver, args, special);
                return null;
            }
            if (r == int.class) {
                return Integer.valueOf(Reflect.invokeI(clazz, slot, receiver, args, special));
            }
            if (r == long.class) {
                return Long.valueOf(Reflect.invokeJ(clazz, slot, receiver, args, special));
            }
            if (r == double.class) {
                return Double.valueOf(Reflect.invokeD(clazz, slot, receiver, args, special));
            }
            if (r == float.class) {
                return Float.valueOf(Reflect.invokeF(clazz, slot, receiver, args, special));
            }
            if (r == boolean.class) {
                return Boolean.valueOf(Reflect.invokeI(clazz, slot, receiver, args, special) != 0);
            }
            if (r == char.class) {
                return Character.valueOf((char) Reflect.invokeI(clazz, slot, receiver, args, special));
            }
            if (r == byte.class) {
                return Byte.valueOf((byte) Reflect.invokeI(clazz, slot, receiver, args, special));
            }
            return Short.valueOf((short) Reflect.invokeI(clazz, slot, receiver, args, special));
        }

        private Object get(Object o) {
            Class<?> t = type().returnType();
            if (!t.isPrimitive()) {
                return Reflect.getL(clazz, slot, o);
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
            int v = Reflect.getI(clazz, slot, o);
            if (t == int.class) {
                return Integer.valueOf(v);
            }
            if (t == boolean.class) {
                return Boolean.valueOf(v != 0);
            }
            if (t == char.class) {
                return Character.valueOf((char) v);
            }
            if (t == byte.class) {
                return Byte.valueOf((byte) v);
            }
            return Short.valueOf((short) v);
        }

        private void put(Object o, Object v) {
            Class<?> t = type().parameterType(type().parameterCount() - 1);
            if (!t.isPrimitive()) {
                Reflect.setL(clazz, slot, o, v);
            } else if (t == long.class) {
                Reflect.setJ(clazz, slot, o, ((Long) v).longValue());
            } else if (t == double.class) {
                Reflect.setD(clazz, slot, o, ((Double) v).doubleValue());
            } else if (t == float.class) {
                Reflect.setF(clazz, slot, o, ((Float) v).floatValue());
            } else if (t == boolean.class) {
                Reflect.setI(clazz, slot, o, ((Boolean) v).booleanValue() ? 1 : 0);
            } else {
                Reflect.setI(clazz, slot, o, Reflect.intValue(v));
            }
        }
    }

    static final class IdentityHandle extends MethodHandle {
        IdentityHandle(MethodType type) {
            super(type);
        }

        @Override
        Object call(Object[] args) {
            return args[0];
        }
    }

    static final class ConstantHandle extends MethodHandle {
        private final Object value;

        ConstantHandle(MethodType type, Object value) {
            super(type);
            this.value = value;
        }

        @Override
        Object call(Object[] args) {
            return value;
        }
    }

    static final class DropHandle extends MethodHandle {
        private final MethodHandle target;
        private final int pos;

        DropHandle(MethodHandle target, int pos, MethodType type) {
            super(type);
            this.target = target;
            this.pos = pos;
        }

        @Override
        Object call(Object[] args) throws Throwable {
            int dropped = type().parameterCount() - target.type().parameterCount();
            Object[] a = new Object[args.length - dropped];
            System.arraycopy(args, 0, a, 0, pos);
            System.arraycopy(args, pos + dropped, a, pos, a.length - pos);
            return target.call(a);
        }
    }
}
