import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

public class Main {
    private final String prefix;
    private int counter;

    Main(String prefix) { this.prefix = prefix; }

    String tag(String s) { return prefix + s; }

    static int twice(int x) { return 2 * x; }

    Supplier<String> counterSupplier() { return () -> prefix + (++counter); }

    @FunctionalInterface
    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
        default TriFunction<A, B, C, String> described() { return (a, b, c) -> "result=" + apply(a, b, c); }
    }

    static <T, R> List<R> map(List<T> in, Function<? super T, ? extends R> f) {
        List<R> out = new ArrayList<>();
        for (T t : in) {
            out.add(f.apply(t));
        }
        return out;
    }

    static <T> List<T> filter(List<T> in, Predicate<? super T> p) {
        List<T> out = new ArrayList<>();
        for (T t : in) {
            if (p.test(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static class Item {
        final String label;
        Item(String label) { this.label = label; }
        Item() { this("default"); }
        @Override public String toString() { return "Item:" + label; }
    }

    public static void main(String[] args) {
        Function<Integer, Integer> staticRef = Main::twice;
        IntUnaryOperator prim = Main::twice;
        Main m = new Main("#");
        Function<String, String> bound = m::tag;
        BiFunction<Main, String, String> unbound = Main::tag;
        Function<String, Integer> unboundString = String::length;
        Supplier<Item> ctor0 = Item::new;
        Function<String, Item> ctor1 = Item::new;
        Function<Integer, int[]> arrayCtor = int[]::new;
        System.out.println(staticRef.apply(21) + " " + prim.applyAsInt(5) + " " + bound.apply("x") + " " + unbound.apply(new Main("@"), "y") + " " + unboundString.apply("four"));
        System.out.println(ctor0.get() + " " + ctor1.apply("made") + " " + arrayCtor.apply(7).length);
        int base = 100;
        IntBinaryOperator capture = (a, b) -> a * b + base;
        System.out.println(capture.applyAsInt(3, 4));
        Supplier<String> s1 = m.counterSupplier();
        System.out.println(s1.get() + " " + s1.get() + " " + m.counterSupplier().get() + " counter=" + m.counter);
        Function<Integer, Integer> plus1 = x -> x + 1;
        Function<Integer, Integer> times3 = x -> x * 3;
        System.out.println(plus1.andThen(times3).apply(5) + " " + plus1.compose(times3).apply(5) + " " + Function.<Integer>identity().apply(9));
        Predicate<String> empty = String::isEmpty;
        Predicate<String> longish = s -> s.length() > 3;
        List<String> words = List.of("", "a", "abcd", "xyzzy", "no");
        System.out.println(filter(words, empty.negate()) + " " + filter(words, longish.or(empty)) + " " + filter(words, longish.and(s -> s.startsWith("x"))) + " " + filter(words, Predicate.not(longish)));
        System.out.println(map(words, String::length) + " " + map(words, s -> "<" + s + ">") + " " + map(List.of(1, 2, 3), Main::twice));
        UnaryOperator<String> up = String::toUpperCase;
        BinaryOperator<Integer> maxOp = BinaryOperator.maxBy(Integer::compare);
        System.out.println(up.apply("shout") + " " + maxOp.apply(3, 9) + " " + BinaryOperator.<Integer>minBy(Integer::compare).apply(3, 9));
        StringBuilder sb = new StringBuilder();
        Consumer<String> append = sb::append;
        Consumer<String> appendTwice = append.andThen(append);
        appendTwice.accept("ab");
        append.accept("|");
        System.out.println(sb);
        IntPredicate even = x -> x % 2 == 0;
        ToIntFunction<String> parse = Integer::parseInt;
        System.out.println(even.test(4) + " " + even.negate().test(4) + " " + parse.applyAsInt("123"));
        TriFunction<Integer, Integer, Integer, Integer> sum3 = (a, b, c) -> a + b + c;
        System.out.println(sum3.apply(1, 2, 3) + " " + sum3.described().apply(4, 5, 6));
        List<Runnable> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int copy = i;
            runs.add(() -> System.out.print("run" + copy + " "));
        }
        runs.forEach(Runnable::run);
        System.out.println();
        List<Integer> nums = new ArrayList<>(List.of(5, 1, 4, 2, 3));
        nums.removeIf(x -> x % 2 == 0);
        nums.replaceAll(x -> x * 10);
        nums.forEach(x -> System.out.print(x + ";"));
        System.out.println();
        Function<Integer, Function<Integer, Integer>> curried = a -> b -> a - b;
        System.out.println(curried.apply(10).apply(3));
        Supplier<Supplier<String>> nested = () -> () -> "deep";
        System.out.println(nested.get().get());
        Runnable r = () -> { };
        r.run();
        Object o = (Runnable & java.io.Serializable) () -> { };
        System.out.println("intersection lambda instanceof Runnable: " + (o instanceof Runnable));
        Function<Object, String> toStr = Object::toString;
        System.out.println(toStr.apply(42) + " " + toStr.apply(List.of(1)));
        long total = 0;
        IntUnaryOperator op = x -> x * x;
        for (int i = 0; i < 100000; i++) {
            total += op.applyAsInt(i % 1000);
        }
        System.out.println("total " + total);
        Comparable<String> cmp = "m"::compareTo;
        System.out.println(cmp.compareTo("a") + " " + cmp.compareTo("z"));
    }
}
