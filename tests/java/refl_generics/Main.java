import java.lang.reflect.*;
import java.util.*;
import java.util.function.*;
import java.io.Serializable;
public class Main {
    static abstract class TypeRef<T> { final Type type; TypeRef() { type = ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0]; } }
    static class Box<T extends Comparable<? super T>> implements Comparable<Box<T>>, Serializable {
        T value; List<? extends Number> nums; Map<String, List<T>>[] maps; int plain; T[] arr; Map.Entry<String, ? super Integer> entry;
        public <U extends Number & Comparable<U>> Map<T, U> convert(List<? super T> in, U[] extra, Function<? super T, ? extends U> f) throws IllegalStateException { return null; }
        public static <E> E first(E... xs) { return xs[0]; }
        public int compareTo(Box<T> o) { return 0; }
        Box(T v) { value = v; }
        <X> Box(T v, X x) throws java.io.IOException { value = v; }
    }
    class Inner<V> { V v; Inner<V> next; Main.Inner<String>.Deeper<Integer> d; class Deeper<W> { } }
    interface Repo<ID, E extends Serializable> extends Iterable<E> { Optional<E> find(ID id); }
    public static void main(String[] a) throws Exception {
        System.out.println(new TypeRef<List<Map<String, int[]>>>() {}.type);
        System.out.println(Box.class.toGenericString() + " | " + Arrays.toString(Box.class.getTypeParameters()) + " | " + Arrays.toString(Box.class.getTypeParameters()[0].getBounds()));
        System.out.println(Box.class.getGenericSuperclass() + " | " + Arrays.toString(Box.class.getGenericInterfaces()));
        for (Field f : Box.class.getDeclaredFields()) System.out.println(f.toGenericString() + " | " + f.getGenericType().getClass().getInterfaces()[0].getSimpleName());
        for (Method m : Box.class.getDeclaredMethods()) System.out.println(m.toGenericString() + " | " + m.getGenericReturnType() + " | " + Arrays.toString(m.getGenericParameterTypes()) + " | " + Arrays.toString(m.getGenericExceptionTypes()));
        for (Constructor<?> c : Box.class.getDeclaredConstructors()) System.out.println(c.toGenericString());
        for (Field f : Inner.class.getDeclaredFields()) System.out.println(f.toGenericString());
        System.out.println(Repo.class.toGenericString() + " | " + Arrays.toString(Repo.class.getGenericInterfaces()) + " " + Repo.class.getGenericSuperclass());
        System.out.println(Repo.class.getMethod("find", Object.class).toGenericString());
        ParameterizedType p = (ParameterizedType) Box.class.getDeclaredField("entry").getGenericType();
        System.out.println(p.getRawType() + " " + p.getOwnerType() + " " + ((WildcardType) p.getActualTypeArguments()[1]).getLowerBounds()[0] + " " + Arrays.toString(((WildcardType) p.getActualTypeArguments()[1]).getUpperBounds()));
        TypeVariable<?> t = Box.class.getTypeParameters()[0];
        System.out.println(t.getGenericDeclaration() + " " + t.equals(((TypeVariable<?>) Box.class.getDeclaredField("value").getGenericType())) + " " + ((GenericArrayType) Box.class.getDeclaredField("arr").getGenericType()).getGenericComponentType());
        System.out.println(HashMap.class.toGenericString() + " " + HashMap.class.getGenericSuperclass() + " " + Arrays.toString(HashMap.class.getGenericInterfaces()));
        System.out.println(Comparator.class.getMethod("comparing", Function.class).toGenericString());
        System.out.println(String[].class.toGenericString() + " " + int.class.toGenericString() + " " + List[].class.toGenericString() + " " + Thread.State.class.toGenericString() + " " + Override.class.toGenericString());
        System.out.println(Collections.class.getMethod("max", Collection.class).toGenericString());
        System.out.println(Object.class.getGenericSuperclass() + " " + Runnable.class.getGenericSuperclass() + " " + Arrays.toString(Runnable.class.getGenericInterfaces()));
    }
}
