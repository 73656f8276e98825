// A text-cleaning pipeline assembled from java.util.function pieces, as import and ETL code
// builds one: Function.andThen and compose (and the order they apply in), Function.identity and
// UnaryOperator.identity, BiFunction.andThen, Consumer.andThen chains (with an exception
// stopping the chain), Supplier-based lazy defaults, IntUnaryOperator and
// IntBinaryOperator composition, method references of every kind (static, bound, unbound,
// constructor, array constructor) as steps, and a pipeline built by folding a list of steps.
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

public class Main {
    static final List<String> trace = new ArrayList<>();

    static String collapseSpaces(String s) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (char c : s.toCharArray()) {
            if (c == ' ') {
                if (!space) {
                    sb.append(c);
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }

    static <T, R> Function<T, R> traced(String name, Function<T, R> f) {
        return t -> {
            R r = f.apply(t);
            trace.add(name + "(" + t + ")=" + r);
            return r;
        };
    }

    record Record(String name, int score) {
    }

    public static void main(String[] args) {
        Function<String, String> trim = traced("trim", String::trim);
        Function<String, String> lower = traced("lower", s -> s.toLowerCase(Locale.ROOT));
        Function<String, String> collapse = traced("collapse", Main::collapseSpaces);
        Function<String, Integer> length = traced("length", String::length);

        Function<String, String> clean = trim.andThen(collapse).andThen(lower);
        System.out.println("andThen: [" + clean.apply("  Hello   Big  WORLD ") + "] " + trace);
        trace.clear();
        Function<String, String> composed = lower.compose(collapse).compose(trim);
        System.out.println("compose: [" + composed.apply("  Hello   Big  WORLD ") + "] " + trace);
        trace.clear();
        Function<String, Integer> mixed = length.compose(trim).andThen(n -> n * 10);
        System.out.println("mixed: " + mixed.apply("  abc  ") + " " + trace);
        trace.clear();

        Function<String, String> id = Function.identity();
        UnaryOperator<String> uid = UnaryOperator.identity();
        System.out.println("identity: " + id.apply("same") + " " + uid.apply("same") + " " + id.andThen(clean).apply(" X ")
                + " identity twice equal object: " + (Function.identity() == Function.identity()));
        trace.clear();

        List<UnaryOperator<String>> steps = List.of(String::strip, s -> s.replace('_', ' '), s -> s.isEmpty() ? s
                : Character.toUpperCase(s.charAt(0)) + s.substring(1), s -> s + ".");
        Function<String, String> folded = Function.identity();
        for (UnaryOperator<String> step : steps) {
            folded = folded.andThen(step);
        }
        for (String in : new String[] {"  hello_world ", "x", "   "}) {
            System.out.println("folded [" + in + "] -> [" + folded.apply(in) + "]");
        }

        BiFunction<String, Integer, Record> make = Record::new;
        BiFunction<String, Integer, String> describe = make.andThen(r -> r.name() + " scored " + r.score());
        System.out.println(describe.apply("ada", 97));

        List<String> sink = new ArrayList<>();
        Consumer<String> audit = s -> sink.add("audit:" + s);
        Consumer<String> store = s -> {
            if (s.contains("!")) {
                throw new IllegalArgumentException("refusing " + s);
            }
            sink.add("store:" + s);
        };
        Consumer<String> notify = s -> sink.add("notify:" + s);
        Consumer<String> chain = audit.andThen(store).andThen(notify);
        chain.accept("ok");
        try {
            chain.accept("bad!");
        } catch (IllegalArgumentException e) {
            sink.add("stopped: " + e.getMessage());
        }
        System.out.println(sink);

        int[] calls = {0};
        Supplier<String> expensiveDefault = () -> {
            calls[0]++;
            return "computed-default";
        };
        String configured = "given";
        String a = configured != null ? configured : expensiveDefault.get();
        String b = lazyOr(null, expensiveDefault);
        String c = lazyOr("present", expensiveDefault);
        System.out.println(a + " " + b + " " + c + " supplier calls " + calls[0]);

        IntUnaryOperator inc = x -> x + 1;
        IntUnaryOperator dbl = x -> x * 2;
        System.out.println("int ops: " + inc.andThen(dbl).applyAsInt(5) + " " + inc.compose(dbl).applyAsInt(5) + " "
                + IntUnaryOperator.identity().applyAsInt(9));
        IntBinaryOperator max = Math::max;
        IntBinaryOperator gcd = Main::gcd;
        System.out.println("binary: " + max.applyAsInt(3, 8) + " " + gcd.applyAsInt(84, 36));

        Function<Integer, int[]> arrays = int[]::new;
        IntFunction<String[]> names = String[]::new;
        Function<String, StringBuilder> builder = StringBuilder::new;
        String prefix = "id-";
        Function<String, String> bound = prefix::concat;
        Function<String, Boolean> isEmpty = String::isEmpty;
        System.out.println("refs: " + arrays.apply(3).length + " " + names.apply(2).length + " " + builder.apply("ab").reverse()
                + " " + bound.apply("42") + " " + isEmpty.apply("") + " " + Arrays.toString(names.apply(1)));
        try {
            clean.apply(null);
        } catch (NullPointerException e) {
            System.out.println("null input: NullPointerException in the first step, trace " + trace);
        }
        try {
            trim.andThen(null);
        } catch (NullPointerException e) {
            System.out.println("andThen(null): NullPointerException");
        }
    }

    static String lazyOr(String value, Supplier<String> fallback) {
        return value != null ? value : fallback.get();
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
