/**
 * The common base of methods and constructors. A member is named by its declaring class and its
 * index among the class file's declared methods ({@code slot}): canonical, the same on every
 * architecture, and all the VM needs to find it again.
 */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public abstract class Executable extends AccessibleObject implements Member, GenericDeclaration {
    final Class<?> clazz;
    final int slot;
    final String name;
    final int modifiers;
    private Class<?>[] parameterTypes;
    private Class<?>[] exceptionTypes;
    private jdk.internal.phantom.Generics.MethodInfo genericInfo;
    private boolean genericInfoRead;
    private java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations;

    Executable(Class<?> clazz, int slot) {
        this.clazz = clazz;
        this.slot = slot;
        this.name = Reflect.methodName(clazz, slot);
        this.modifiers = Reflect.methodModifiers(clazz, slot);
    }

    @Override
    public Class<?> getDeclaringClass() {
        return clazz;
    }

    @Override
    public int getModifiers() {
        return modifiers;
    }

    final Class<?>[] parameters() {
        Class<?>[] p = parameterTypes;
        if (p == null) {
            parameterTypes = p = Reflect.parameterTypes(clazz, slot);
        }
        return p;
    }

    public Class<?>[] getParameterTypes() {
        return parameters().clone();
    }

    public int getParameterCount() {
        return parameters().length;
    }

    public Class<?>[] getExceptionTypes() {
        Class<?>[] e = exceptionTypes;
        if (e == null) {
            exceptionTypes = e = Reflect.exceptionTypes(clazz, slot);
        }
        return e.clone();
    }

    public boolean isVarArgs() {
        return (modifiers & Modifier.VARARGS) != 0;
    }

    @Override
    public boolean isSynthetic() {
        return (modifiers & Modifier.SYNTHETIC) != 0;
    }

    /** The words before the name in toString: the modifiers in {@code mask}, and {@code default} for default methods. */
    String toStringPrefix(int mask, boolean isDefault) {
        StringBuilder sb = new StringBuilder();
        int mod = modifiers & mask;
        if (mod != 0 && !isDefault) {
            sb.append(Modifier.toString(mod)).append(' ');
        } else if (isDefault) {
            int access = mod & Modifier.ACCESS_MODIFIERS;
            if (access != 0) {
                sb.append(Modifier.toString(access)).append(' ');
            }
            sb.append("default ");
            mod &= ~Modifier.ACCESS_MODIFIERS;
            if (mod != 0) {
                sb.append(Modifier.toString(mod)).append(' ');
            }
        }
        return sb.toString();
    }

    /** The parameter list and throws clause of toString. */
    String toStringSuffix() {
        StringBuilder sb = new StringBuilder("(");
        Class<?>[] params = parameters();
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(params[i].getTypeName());
        }
        sb.append(')');
        Class<?>[] thrown = getExceptionTypes();
        if (thrown.length > 0) {
            sb.append(" throws ");
            for (int i = 0; i < thrown.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(thrown[i].getTypeName());
            }
        }
        return sb.toString();
    }

    /**
     * Checks a call's receiver and arguments as HotSpot does, in its order, and initializes the
     * declaring class of a static member; returns the arguments converted to the parameters'
     * exact types (primitive ones boxed in their own wrapper) for Reflect's calls.
     */
    final Object[] prepareCall(Object obj, Object[] args, boolean isStatic) throws IllegalAccessException {
        if (!override) {
            Class<?> caller = Reflect.callerClass();
            checkAccess(caller, clazz, isStatic ? null : obj.getClass(), modifiers);
        }
        if (!isStatic) {
            if (obj == null) {
                throw new NullPointerException();
            }
            if (!clazz.isInstance(obj)) {
                throw new IllegalArgumentException("object is not an instance of declaring class");
            }
        }
        Class<?>[] params = parameters();
        int n = args == null ? 0 : args.length;
        if (n != params.length) {
            throw new IllegalArgumentException("wrong number of arguments");
        }
        Object[] converted = new Object[n];
        for (int i = 0; i < n; i++) {
            converted[i] = Reflect.convertArgument(params[i], args[i]);
        }
        if (isStatic) {
            Reflect.initialize(clazz);
        }
        return converted;
    }

    private java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations() {
        java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> m = declaredAnnotations;
        if (m == null) {
            declaredAnnotations = m = jdk.internal.phantom.Annotations.ofMethod(clazz, slot);
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

    public java.lang.annotation.Annotation[][] getParameterAnnotations() {
        return jdk.internal.phantom.Annotations.ofParameters(clazz, slot, parameters(), this instanceof Constructor);
    }

    /** The generic signature's information, or null when the method has none. */
    final jdk.internal.phantom.Generics.MethodInfo genericInfo() {
        if (!genericInfoRead) {
            genericInfo = jdk.internal.phantom.Generics.method(this, clazz, slot);
            genericInfoRead = true;
        }
        return genericInfo;
    }

    @Override
    public TypeVariable<?>[] getTypeParameters() {
        jdk.internal.phantom.Generics.MethodInfo g = genericInfo();
        return g == null ? new TypeVariable<?>[0] : g.typeParameters();
    }

    public Type[] getGenericParameterTypes() {
        jdk.internal.phantom.Generics.MethodInfo g = genericInfo();
        return g == null ? getParameterTypes() : g.parameters();
    }

    public Type[] getGenericExceptionTypes() {
        jdk.internal.phantom.Generics.MethodInfo g = genericInfo();
        Type[] result;
        if (g != null && (result = g.exceptions()).length > 0) {
            return result;
        }
        return getExceptionTypes();
    }

    /** The parameter types toGenericString shows: the generic ones when they cover every parameter. */
    private Type[] allGenericParameterTypes() {
        Type[] generic = getGenericParameterTypes();
        return generic.length == parameters().length ? generic : getParameterTypes();
    }

    /** toGenericString: modifiers, type parameters, {@code header} (result and name), parameters, throws. */
    String genericString(int mask, boolean isDefault, String header) {
        StringBuilder sb = new StringBuilder(toStringPrefix(mask, isDefault));
        sb.append(jdk.internal.phantom.Generics.typeParametersText(getTypeParameters(), " "));
        sb.append(header).append('(');
        Type[] params = allGenericParameterTypes();
        for (int j = 0; j < params.length; j++) {
            if (j > 0) {
                sb.append(',');
            }
            String param = params[j].getTypeName();
            if (isVarArgs() && j == params.length - 1) {
                param = param.replaceFirst("\\[\\]$", "...");
            }
            sb.append(param);
        }
        sb.append(')');
        Type[] thrown = getGenericExceptionTypes();
        for (int i = 0; i < thrown.length; i++) {
            sb.append(i == 0 ? " throws " : ",").append(thrown[i].getTypeName());
        }
        return sb.toString();
    }

    public abstract String toGenericString();

    public Parameter[] getParameters() {
        int n = parameters().length;
        String[] names = Reflect.parameterNames(clazz, slot);
        int[] flags = Reflect.parameterFlags(clazz, slot);
        if (flags != null && flags.length != n) {
            throw new MalformedParametersException("Wrong number of parameters in MethodParameters attribute");
        }
        Parameter[] out = new Parameter[n];
        for (int i = 0; i < n; i++) {
            String name = names == null ? null : names[i];
            if (name != null && (name.isEmpty() || name.indexOf('.') >= 0 || name.indexOf(';') >= 0
                    || name.indexOf('[') >= 0 || name.indexOf('/') >= 0)) {
                throw new MalformedParametersException("Invalid parameter name \"" + name + "\"");
            }
            out[i] = new Parameter(name == null ? "arg" + i : name, flags == null ? 0 : flags[i], this, i, name != null);
        }
        return out;
    }
}
