import java.lang.reflect.*;
import java.util.*;

// A small JSON-like serializer and schema printer driven by generic types, the way data-binding
// libraries work: a TypeReference captures List<Map<String, Integer>>, fields' generic types are
// walked, and type variables of generic superclasses are resolved against their subclasses.
public class Main {
    static abstract class TypeReference<T> {
        final Type type;
        protected TypeReference() {
            Type sup = getClass().getGenericSuperclass();
            type = ((ParameterizedType) sup).getActualTypeArguments()[0];
        }
    }

    static class Entity<ID> { ID id; long version; }
    static class Named<ID, T extends Comparable<T>> extends Entity<ID> { T name; List<T> aliases; }
    static class Person extends Named<Long, String> {
        Map<String, List<Integer>> scores;
        Optional<Person> manager;
        int[] lucky;
        Set<? extends Number> numbers;
        transient String cache;
    }
    static class Box<T> { T value; List<T> history = new ArrayList<>(); }

    /** The type of field f as seen from class c: type variables resolved through the superclass chain. */
    static Type resolve(Type t, Map<TypeVariable<?>, Type> bindings) {
        if (t instanceof TypeVariable) {
            Type b = bindings.get(t);
            return b == null ? t : b;
        }
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            Type[] args = p.getActualTypeArguments();
            StringBuilder sb = new StringBuilder(((Class<?>) p.getRawType()).getSimpleName()).append('<');
            for (int i = 0; i < args.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(name(resolve(args[i], bindings)));
            }
            return new Named0(sb.append('>').toString());
        }
        if (t instanceof WildcardType) {
            WildcardType w = (WildcardType) t;
            if (w.getLowerBounds().length > 0) return new Named0("? super " + name(resolve(w.getLowerBounds()[0], bindings)));
            return new Named0("? extends " + name(resolve(w.getUpperBounds()[0], bindings)));
        }
        if (t instanceof GenericArrayType) {
            return new Named0(name(resolve(((GenericArrayType) t).getGenericComponentType(), bindings)) + "[]");
        }
        return t;
    }

    static final class Named0 implements Type {
        final String n;
        Named0(String n) { this.n = n; }
        public String getTypeName() { return n; }
    }

    static String name(Type t) {
        return t instanceof Class ? ((Class<?>) t).getSimpleName() : t.getTypeName();
    }

    static Map<TypeVariable<?>, Type> bindings(Class<?> c) {
        Map<TypeVariable<?>, Type> m = new HashMap<>();
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) chain.add(k);
        Collections.reverse(chain);
        for (Class<?> k : chain) {
            Type sup = k.getGenericSuperclass();
            if (sup instanceof ParameterizedType) {
                ParameterizedType p = (ParameterizedType) sup;
                TypeVariable<?>[] vars = ((Class<?>) p.getRawType()).getTypeParameters();
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) m.put(vars[i], resolve(args[i], m));
            }
        }
        return m;
    }

    static void schema(Class<?> c) {
        Map<TypeVariable<?>, Type> b = bindings(c);
        List<String> lines = new ArrayList<>();
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isTransient(f.getModifiers()) || f.isSynthetic()) continue;
                lines.add(k.getSimpleName() + "." + f.getName() + ": " + name(resolve(f.getGenericType(), b)) + "  (declared " + f.getGenericType().getTypeName() + ")");
            }
        }
        lines.forEach(System.out::println);
    }

    static String write(Object o, Type t) {
        if (o == null) return "null";
        if (o instanceof String) return "\"" + o + "\"";
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof Map) {
            Type vt = t instanceof ParameterizedType ? ((ParameterizedType) t).getActualTypeArguments()[1] : Object.class;
            StringJoiner sj = new StringJoiner(", ", "{", "}");
            for (Map.Entry<?, ?> e : new TreeMap<>((Map<?, ?>) o).entrySet()) sj.add("\"" + e.getKey() + "\": " + write(e.getValue(), vt));
            return sj.toString();
        }
        if (o instanceof Collection) {
            Type et = t instanceof ParameterizedType ? ((ParameterizedType) t).getActualTypeArguments()[0] : Object.class;
            StringJoiner sj = new StringJoiner(", ", "[", "]");
            for (Object e : (Collection<?>) o) sj.add(write(e, et));
            return sj.toString() + (et instanceof Class ? "" : "/*" + et.getTypeName() + "*/");
        }
        return "<" + o.getClass().getSimpleName() + ">";
    }

    public static void main(String[] args) {
        Type t = new TypeReference<List<Map<String, Integer>>>() {}.type;
        System.out.println(t + " raw=" + ((ParameterizedType) t).getRawType() + " owner=" + ((ParameterizedType) t).getOwnerType());
        List<Map<String, Integer>> data = List.of(Map.of("b", 2, "a", 1), Map.of("z", 26));
        System.out.println(write(data, t));
        Type nested = new TypeReference<Map<String, List<Set<Long>>>>() {}.type;
        System.out.println(nested + " -> " + write(Map.of("k", List.of(new TreeSet<>(Set.of(3L, 1L)))), nested));
        schema(Person.class);
        schema(Box.class);
        TypeVariable<?> tv = Named.class.getTypeParameters()[1];
        System.out.println(tv + " bounds " + Arrays.toString(tv.getBounds()) + " of " + tv.getGenericDeclaration());
        System.out.println(Person.class.getGenericSuperclass() + " | " + Named.class.getGenericSuperclass() + " | " + Entity.class.getGenericSuperclass());
        Type ref = new TypeReference<Box<String>[]>() {}.type;
        System.out.println(ref.getClass().getInterfaces()[0].getSimpleName() + " " + ref + " " + ((GenericArrayType) ref).getGenericComponentType());
        System.out.println(new TypeReference<int[]>() {}.type + " " + new TypeReference<String>() {}.type);
        System.out.println(t.equals(new TypeReference<List<Map<String, Integer>>>() {}.type) + " " + t.equals(nested));
    }
}
