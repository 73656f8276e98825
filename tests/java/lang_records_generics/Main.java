import java.util.ArrayList;
import java.util.List;

public class Main {
    record Point(int x, int y) {
        Point {
            if (x < 0) {
                throw new IllegalArgumentException("negative x: " + x);
            }
        }
        static Point origin() { return new Point(0, 0); }
        double dist() { return Math.sqrt(x * x + y * y); }
    }

    record Person(String name, double height, Integer age) { }

    record Empty() { }

    record Pair<A, B>(A first, B second) {
        <C> Pair<A, C> withSecond(C c) { return new Pair<>(first, c); }
    }

    record Range(int lo, int hi) {
        Range(int single) { this(single, single); }
        @Override public String toString() { return "[" + lo + ".." + hi + "]"; }
    }

    sealed interface Expr permits Num, Add, Mul { }
    record Num(int v) implements Expr { }
    record Add(Expr l, Expr r) implements Expr { }
    record Mul(Expr l, Expr r) implements Expr { }

    static int eval(Expr e) {
        if (e instanceof Num n) return n.v();
        if (e instanceof Add a) return eval(a.l()) + eval(a.r());
        if (e instanceof Mul m) return eval(m.l()) * eval(m.r());
        throw new IllegalStateException();
    }

    static <T extends Comparable<T>> T max(List<T> items) {
        T best = items.get(0);
        for (T t : items) {
            if (t.compareTo(best) > 0) {
                best = t;
            }
        }
        return best;
    }

    static double sum(List<? extends Number> nums) {
        double s = 0;
        for (Number n : nums) {
            s += n.doubleValue();
        }
        return s;
    }

    static void fill(List<? super Integer> sink, int n) {
        for (int i = 0; i < n; i++) {
            sink.add(i);
        }
    }

    static class Box<T> {
        private T value;
        Box(T value) { this.value = value; }
        T get() { return value; }
        <R> Box<R> map(java.util.function.Function<? super T, ? extends R> f) { return new Box<>(f.apply(value)); }
        @Override public String toString() { return "Box(" + value + ")"; }
    }

    static class Stack<E> {
        private Object[] items = new Object[2];
        private int size;
        void push(E e) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = e;
        }
        @SuppressWarnings("unchecked") E pop() { return (E) items[--size]; }
        boolean isEmpty() { return size == 0; }
    }

    @SafeVarargs
    static <T> List<T> listOf(T... xs) {
        List<T> l = new ArrayList<>();
        for (T x : xs) {
            l.add(x);
        }
        return l;
    }

    public static void main(String[] args) {
        Point p = new Point(3, 4);
        System.out.println(p + " " + p.x() + " " + p.y() + " " + p.dist() + " " + p.equals(new Point(3, 4)) + " " + p.hashCode() + " " + new Point(4, 3).hashCode() + " " + Point.origin());
        try {
            new Point(-1, 0);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        Person a = new Person("Ann", 1.68, 30), b = new Person("Ann", 1.68, 30), c = new Person(null, -0.0, null);
        System.out.println(a + " " + a.equals(b) + " " + (a.hashCode() == b.hashCode()) + " " + a.hashCode());
        System.out.println(c + " " + c.hashCode() + " " + c.equals(new Person(null, 0.0, null)) + " " + c.equals(new Person(null, -0.0, null)));
        System.out.println(new Person("NaN", Double.NaN, 1).equals(new Person("NaN", Double.NaN, 1)) + " " + new Person("x", 2.5, 7).hashCode());
        System.out.println(new Empty() + " " + new Empty().equals(new Empty()) + " " + new Empty().hashCode());
        Pair<String, Integer> pair = new Pair<>("k", 1);
        Pair<String, List<String>> p2 = pair.withSecond(List.of("a", "b"));
        System.out.println(pair + " " + p2 + " " + pair.hashCode() + " " + p2.second().size());
        System.out.println(new Range(5) + " " + new Range(1, 9) + " " + new Range(2).equals(new Range(2, 2)));
        Expr e = new Add(new Num(2), new Mul(new Num(3), new Add(new Num(4), new Num(1))));
        System.out.println(e + " = " + eval(e));
        System.out.println(max(List.of(3, 9, 2)) + " " + max(List.of("pear", "apple", "zoo", "fig")) + " " + sum(List.of(1, 2.5, 3L)));
        List<Number> sink = new ArrayList<>();
        fill(sink, 4);
        List<Object> objSink = new ArrayList<>();
        fill(objSink, 2);
        System.out.println(sink + " " + objSink);
        Box<String> box = new Box<>("hello");
        Box<Integer> len = box.map(String::length);
        System.out.println(box + " " + len + " " + len.map(n -> n * 1.5));
        Stack<String> st = new Stack<>();
        for (String s : listOf("a", "b", "c", "d", "e")) {
            st.push(s);
        }
        StringBuilder sb = new StringBuilder();
        while (!st.isEmpty()) {
            sb.append(st.pop());
        }
        System.out.println(sb + " " + listOf() + " " + listOf(1, 2) + " " + listOf((Object) null));
        List raw = new ArrayList();
        raw.add("s");
        raw.add(1);
        List<String> strs = raw;
        try {
            String s = strs.get(1);
            System.out.println(s);
        } catch (ClassCastException ex) {
            System.out.println("heap pollution: " + ex.getMessage());
        }
    }
}
