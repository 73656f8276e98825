/**
 * Generic signatures (the class file's Signature attributes, JVMS 4.7.9.1) made into
 * java.lang.reflect types as HotSpot makes them: a class type without type arguments is its Class;
 * others are ParameterizedType, TypeVariable, WildcardType and GenericArrayType objects with
 * HotSpot's toString, equals and hashCode. A signature is parsed into a small tree first; the tree
 * is made into types on demand, type variables looked up in the scope of their use (the method,
 * then its class, then the enclosing classes), so a bound may name its own variable.
 */
package jdk.internal.phantom;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.GenericSignatureFormatError;
import java.lang.reflect.MalformedParameterizedTypeException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

public final class Generics {
    private Generics() {}

    private static final Type[] NO_TYPES = new Type[0];
    private static final TypeVariable<?>[] NO_VARIABLES = new TypeVariable<?>[0];

    // ---- what a class, method or field declares

    /** A class's type parameters, generic superclass and interfaces. */
    private static final class ClassInfo {
        final TypeVariable<?>[] typeParameters;
        final Node superclass;
        final List<Node> interfaces;

        ClassInfo(TypeVariable<?>[] typeParameters, Node superclass, List<Node> interfaces) {
            this.typeParameters = typeParameters;
            this.superclass = superclass;
            this.interfaces = interfaces;
        }
    }

    /** A method's or constructor's type parameters, parameter, result and thrown types. */
    public static final class MethodInfo {
        final TypeVariable<?>[] typeParameters;
        final Type[] parameters;
        final Type result;
        final Type[] exceptions;

        MethodInfo(TypeVariable<?>[] typeParameters, Type[] parameters, Type result, Type[] exceptions) {
            this.typeParameters = typeParameters;
            this.parameters = parameters;
            this.result = result;
            this.exceptions = exceptions;
        }

        public TypeVariable<?>[] typeParameters() {
            return typeParameters.clone();
        }

        public Type[] parameters() {
            return parameters.clone();
        }

        public Type result() {
            return result;
        }

        public Type[] exceptions() {
            return exceptions.clone();
        }
    }

    private static final Map<Class<?>, ClassInfo> CLASSES = new HashMap<>();
    private static final ClassInfo NONE = new ClassInfo(NO_VARIABLES, null, null);

    private static ClassInfo classInfo(Class<?> c) {
        synchronized (CLASSES) {
            ClassInfo info = CLASSES.get(c);
            if (info != null) {
                return info;
            }
        }
        String sig = c.isArray() || c.isPrimitive() ? null : Reflect.signature(c, 0, 0);
        ClassInfo info;
        if (sig == null) {
            info = NONE;
        } else {
            Parser p = new Parser(sig);
            List<Param> params = p.typeParameters();
            Node sup = p.classType();
            List<Node> ifaces = new ArrayList<>();
            while (!p.atEnd()) {
                ifaces.add(p.classType());
            }
            info = new ClassInfo(variables(params, c), sup, ifaces);
        }
        synchronized (CLASSES) {
            ClassInfo earlier = CLASSES.putIfAbsent(c, info);
            return earlier != null ? earlier : info;
        }
    }

    public static TypeVariable<?>[] typeParameters(Class<?> c) {
        return classInfo(c).typeParameters.clone();
    }

    /** The generic superclass, or null when the class has no signature (the caller uses getSuperclass). */
    public static Type superclass(Class<?> c) {
        ClassInfo info = classInfo(c);
        return info == NONE ? null : make(info.superclass, c, null);
    }

    /** The generic interfaces, or null when the class has no signature. */
    public static Type[] interfaces(Class<?> c) {
        ClassInfo info = classInfo(c);
        if (info == NONE) {
            return null;
        }
        Type[] out = new Type[info.interfaces.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = make(info.interfaces.get(i), c, null);
        }
        return out;
    }

    /** A record component's generic type, or null without a signature. */
    public static Type recordComponentType(Class<?> c, int index) {
        return typeOf(c, Reflect.signature(c, 3, index));
    }

    /** A field's generic type, or null without a signature. */
    public static Type fieldType(Class<?> c, int slot) {
        return typeOf(c, Reflect.signature(c, 1, slot));
    }

    private static Type typeOf(Class<?> c, String sig) {
        if (sig == null) {
            return null;
        }
        Parser p = new Parser(sig);
        Node n = p.javaType();
        p.end();
        return make(n, c, null);
    }

    /** A method's or constructor's generic information, or null without a signature. */
    public static MethodInfo method(Executable m, Class<?> c, int slot) {
        String sig = Reflect.signature(c, 2, slot);
        if (sig == null) {
            return null;
        }
        Parser p = new Parser(sig);
        List<Param> params = p.typeParameters();
        TypeVariable<?>[] vars = variables(params, (GenericDeclaration) m);
        Scope scope = new Scope((GenericDeclaration) m, vars, c);
        p.expect('(');
        List<Type> args = new ArrayList<>();
        while (p.peek() != ')') {
            args.add(make(p.javaType(), c, scope));
        }
        p.expect(')');
        Type result = p.peek() == 'V' ? voidResult(p) : make(p.javaType(), c, scope);
        List<Type> thrown = new ArrayList<>();
        while (!p.atEnd()) {
            p.expect('^');
            thrown.add(make(p.referenceType(), c, scope));
        }
        return new MethodInfo(vars, args.toArray(NO_TYPES), result, thrown.toArray(NO_TYPES));
    }

    private static Type voidResult(Parser p) {
        p.expect('V');
        return void.class;
    }

    private static TypeVariable<?>[] variables(List<Param> params, GenericDeclaration decl) {
        TypeVariable<?>[] out = new TypeVariable<?>[params.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new TypeVariableImpl<>(decl, params.get(i));
        }
        return out;
    }

    // ---- the text HotSpot's toGenericString uses

    /** {@code T} or {@code T extends Comparable<? super T>}. */
    public static String typeVarBounds(TypeVariable<?> v) {
        Type[] bounds = v.getBounds();
        if (bounds.length == 1 && bounds[0].equals(Object.class)) {
            return v.getName();
        }
        StringJoiner sj = new StringJoiner(" & ");
        for (Type b : bounds) {
            sj.add(b.getTypeName());
        }
        return v.getName() + " extends " + sj;
    }

    /** {@code <T,U extends Number>} followed by {@code suffix}, or nothing without type parameters. */
    public static String typeParametersText(TypeVariable<?>[] vars, String suffix) {
        if (vars.length == 0) {
            return "";
        }
        StringJoiner sj = new StringJoiner(",", "<", ">" + suffix);
        for (TypeVariable<?> v : vars) {
            sj.add(typeVarBounds(v));
        }
        return sj.toString();
    }

    // ---- the tree

    private abstract static class Node {
    }

    /** {@code Lpkg/Outer<..>.Inner<..>;}: binary names of each step and their type arguments. */
    private static final class ClassNode extends Node {
        final List<String> names = new ArrayList<>();
        final List<List<Node>> args = new ArrayList<>();
    }

    private static final class VarNode extends Node {
        final String name;

        VarNode(String name) {
            this.name = name;
        }
    }

    private static final class ArrayNode extends Node {
        final Node component;

        ArrayNode(Node component) {
            this.component = component;
        }
    }

    private static final class BaseNode extends Node {
        final Class<?> type;

        BaseNode(Class<?> type) {
            this.type = type;
        }
    }

    /** A type argument: {@code *}, or a bound with {@code +} (extends) or {@code -} (super). */
    private static final class WildNode extends Node {
        final char kind;
        final Node bound;

        WildNode(char kind, Node bound) {
            this.kind = kind;
            this.bound = bound;
        }
    }

    /** A type parameter: its name and its bounds (the class bound, if any, first). */
    private static final class Param {
        final String name;
        final List<Node> bounds = new ArrayList<>();

        Param(String name) {
            this.name = name;
        }
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        GenericSignatureFormatError error() {
            return new GenericSignatureFormatError("Signature Parse error: " + s + " at " + i);
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            if (atEnd()) {
                throw error();
            }
            return s.charAt(i);
        }

        void expect(char c) {
            if (peek() != c) {
                throw error();
            }
            i++;
        }

        void end() {
            if (!atEnd()) {
                throw error();
            }
        }

        String identifier() {
            int start = i;
            while (!atEnd() && ".;[/<>:".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                throw error();
            }
            return s.substring(start, i);
        }

        List<Param> typeParameters() {
            List<Param> out = new ArrayList<>();
            if (atEnd() || peek() != '<') {
                return out;
            }
            i++;
            do {
                Param p = new Param(identifier());
                expect(':');
                if (peek() != ':') {
                    p.bounds.add(referenceType());
                }
                while (!atEnd() && peek() == ':') {
                    i++;
                    p.bounds.add(referenceType());
                }
                out.add(p);
            } while (peek() != '>');
            i++;
            return out;
        }

        Node javaType() {
            char c = peek();
            Class<?> base = base(c);
            if (base != null) {
                i++;
                return new BaseNode(base);
            }
            return referenceType();
        }

        Node referenceType() {
            switch (peek()) {
                case 'L':
                    return classType();
                case 'T': {
                    i++;
                    String name = identifier();
                    expect(';');
                    return new VarNode(name);
                }
                case '[':
                    i++;
                    return new ArrayNode(javaType());
                default:
                    throw error();
            }
        }

        ClassNode classType() {
            expect('L');
            ClassNode n = new ClassNode();
            int start = i;
            while (!atEnd() && "<.;".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                throw error();
            }
            n.names.add(s.substring(start, i).replace('/', '.'));
            n.args.add(typeArguments());
            while (peek() == '.') {
                i++;
                n.names.add(identifier());
                n.args.add(typeArguments());
            }
            expect(';');
            return n;
        }

        List<Node> typeArguments() {
            List<Node> out = new ArrayList<>();
            if (peek() != '<') {
                return out;
            }
            i++;
            do {
                char c = peek();
                if (c == '*') {
                    i++;
                    out.add(new WildNode('*', null));
                } else if (c == '+' || c == '-') {
                    i++;
                    out.add(new WildNode(c, referenceType()));
                } else {
                    out.add(referenceType());
                }
            } while (peek() != '>');
            i++;
            return out;
        }

        private static Class<?> base(char c) {
            switch (c) {
                case 'B': return byte.class;
                case 'C': return char.class;
                case 'D': return double.class;
                case 'F': return float.class;
                case 'I': return int.class;
                case 'J': return long.class;
                case 'S': return short.class;
                case 'Z': return boolean.class;
                default: return null;
            }
        }
    }

    // ---- making types

    /** The type variables in scope: a method's, then its class's and the enclosing classes'. */
    private static final class Scope {
        final GenericDeclaration decl;
        final TypeVariable<?>[] vars;
        final Class<?> outer;

        Scope(GenericDeclaration decl, TypeVariable<?>[] vars, Class<?> outer) {
            this.decl = decl;
            this.vars = vars;
            this.outer = outer;
        }
    }

    private static TypeVariable<?> lookup(String name, Class<?> c, Scope scope) {
        if (scope != null) {
            for (TypeVariable<?> v : scope.vars) {
                if (v.getName().equals(name)) {
                    return v;
                }
            }
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            for (TypeVariable<?> v : classInfo(k).typeParameters) {
                if (v.getName().equals(name)) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Class<?> load(String name, Class<?> context) {
        try {
            return Class.forName(name, false, context.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new TypeNotPresentException(name, e);
        }
    }

    /** The type a tree stands for, its type variables looked up from class {@code c} and {@code scope}. */
    private static Type make(Node n, Class<?> c, Scope scope) {
        if (n instanceof BaseNode) {
            return ((BaseNode) n).type;
        }
        if (n instanceof VarNode) {
            return lookup(((VarNode) n).name, c, scope);
        }
        if (n instanceof ArrayNode) {
            Type component = make(((ArrayNode) n).component, c, scope);
            if (component instanceof Class) {
                return java.lang.reflect.Array.newInstance((Class<?>) component, 0).getClass();
            }
            return new GenericArrayTypeImpl(component);
        }
        if (n instanceof WildNode) {
            WildNode w = (WildNode) n;
            if (w.kind == '*') {
                return new WildcardTypeImpl(new Type[] { Object.class }, NO_TYPES);
            }
            Type b = make(w.bound, c, scope);
            return w.kind == '+' ? new WildcardTypeImpl(new Type[] { b }, NO_TYPES)
                    : new WildcardTypeImpl(new Type[] { Object.class }, new Type[] { b });
        }
        ClassNode cn = (ClassNode) n;
        int k = 0;
        StringBuilder name = new StringBuilder(cn.names.get(0));
        while (k + 1 < cn.names.size() && cn.args.get(k).isEmpty()) {
            k++;
            name.append('$').append(cn.names.get(k));
        }
        Class<?> raw = load(name.toString(), c);
        if (cn.args.get(k).isEmpty()) {
            return raw;
        }
        Type owner = ParameterizedTypeImpl.make(raw, types(cn.args.get(k), c, scope), null);
        while (k + 1 < cn.names.size()) {
            k++;
            name.append('$').append(cn.names.get(k));
            raw = load(name.toString(), c);
            owner = ParameterizedTypeImpl.make(raw, types(cn.args.get(k), c, scope), owner);
        }
        return owner;
    }

    private static Type[] types(List<Node> nodes, Class<?> c, Scope scope) {
        Type[] out = new Type[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = make(nodes.get(i), c, scope);
        }
        return out;
    }

    // ---- the types

    private static final class TypeVariableImpl<D extends GenericDeclaration> implements TypeVariable<D> {
        private final D decl;
        private final Param param;
        private Type[] bounds;

        TypeVariableImpl(D decl, Param param) {
            this.decl = decl;
            this.param = param;
        }

        @Override
        public Type[] getBounds() {
            Type[] b = bounds;
            if (b == null) {
                Class<?> c;
                Scope scope = null;
                if (decl instanceof Class) {
                    c = (Class<?>) decl;
                } else {
                    Executable e = (Executable) decl;
                    c = e.getDeclaringClass();
                    scope = new Scope(decl, e.getTypeParameters(), c);
                }
                b = types(param.bounds, c, scope);
                if (b.length == 0) {
                    b = new Type[] { Object.class };
                }
                bounds = b;
            }
            return b.clone();
        }

        @Override
        public D getGenericDeclaration() {
            return decl;
        }

        @Override
        public String getName() {
            return param.name;
        }

        @Override
        public String toString() {
            return getName();
        }

        @Override
        public boolean equals(Object o) {
            if (o instanceof TypeVariable && o.getClass() == TypeVariableImpl.class) {
                TypeVariable<?> that = (TypeVariable<?>) o;
                return Objects.equals(decl, that.getGenericDeclaration()) && Objects.equals(getName(), that.getName());
            }
            return false;
        }

        @Override
        public int hashCode() {
            return decl.hashCode() ^ getName().hashCode();
        }

        @Override
        public <T extends java.lang.annotation.Annotation> T getAnnotation(Class<T> annotationClass) {
            Objects.requireNonNull(annotationClass);
            return null;
        }

        @Override
        public java.lang.annotation.Annotation[] getAnnotations() {
            return new java.lang.annotation.Annotation[0];
        }

        @Override
        public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
            return new java.lang.annotation.Annotation[0];
        }
    }

    private static final class ParameterizedTypeImpl implements ParameterizedType {
        private final Type[] actualTypeArguments;
        private final Class<?> rawType;
        private final Type ownerType;

        private ParameterizedTypeImpl(Class<?> rawType, Type[] actualTypeArguments, Type ownerType) {
            this.actualTypeArguments = actualTypeArguments;
            this.rawType = rawType;
            this.ownerType = ownerType != null ? ownerType : rawType.getDeclaringClass();
        }

        static ParameterizedTypeImpl make(Class<?> rawType, Type[] args, Type ownerType) {
            if (rawType.getTypeParameters().length != args.length) {
                throw new MalformedParameterizedTypeException(String.format(
                        "Mismatch of count of formal and actual type arguments in constructor of %s: %d formal argument(s) %d actual argument(s)",
                        rawType.getName(), rawType.getTypeParameters().length, args.length));
            }
            return new ParameterizedTypeImpl(rawType, args, ownerType);
        }

        @Override
        public Type[] getActualTypeArguments() {
            return actualTypeArguments.clone();
        }

        @Override
        public Class<?> getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return ownerType;
        }

        @Override
        public boolean equals(Object o) {
            if (o instanceof ParameterizedType) {
                ParameterizedType that = (ParameterizedType) o;
                if (this == that) {
                    return true;
                }
                return Objects.equals(ownerType, that.getOwnerType()) && Objects.equals(rawType, that.getRawType())
                        && Arrays.equals(actualTypeArguments, that.getActualTypeArguments());
            }
            return false;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(actualTypeArguments) ^ Objects.hashCode(ownerType) ^ Objects.hashCode(rawType);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (ownerType != null) {
                sb.append(ownerType.getTypeName());
                sb.append("$");
                if (ownerType instanceof ParameterizedTypeImpl) {
                    sb.append(rawType.getName().replace(((ParameterizedTypeImpl) ownerType).rawType.getName() + "$", ""));
                } else {
                    sb.append(rawType.getSimpleName());
                }
            } else {
                sb.append(rawType.getName());
            }
            if (actualTypeArguments != null) {
                StringJoiner sj = new StringJoiner(", ", "<", ">");
                sj.setEmptyValue("");
                for (Type t : actualTypeArguments) {
                    sj.add(t.getTypeName());
                }
                sb.append(sj.toString());
            }
            return sb.toString();
        }
    }

    private static final class WildcardTypeImpl implements WildcardType {
        private final Type[] upper;
        private final Type[] lower;

        WildcardTypeImpl(Type[] upper, Type[] lower) {
            this.upper = upper;
            this.lower = lower;
        }

        @Override
        public Type[] getUpperBounds() {
            return upper.clone();
        }

        @Override
        public Type[] getLowerBounds() {
            return lower.clone();
        }

        @Override
        public String toString() {
            Type[] bounds = lower;
            StringBuilder sb = new StringBuilder();
            if (lower.length > 0) {
                sb.append("? super ");
            } else if (upper.length > 0 && !upper[0].equals(Object.class)) {
                bounds = upper;
                sb.append("? extends ");
            } else {
                return "?";
            }
            StringJoiner sj = new StringJoiner(" & ");
            for (Type b : bounds) {
                sj.add(b.getTypeName());
            }
            return sb.append(sj).toString();
        }

        @Override
        public boolean equals(Object o) {
            if (o instanceof WildcardType) {
                WildcardType that = (WildcardType) o;
                return Arrays.equals(lower, that.getLowerBounds()) && Arrays.equals(upper, that.getUpperBounds());
            }
            return false;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(lower) ^ Arrays.hashCode(upper);
        }
    }

    private static final class GenericArrayTypeImpl implements GenericArrayType {
        private final Type component;

        GenericArrayTypeImpl(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GenericArrayType && Objects.equals(component, ((GenericArrayType) o).getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(component);
        }
    }
}
