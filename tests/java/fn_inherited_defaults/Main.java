// A lambda or method reference implements its functional interface, and so has every default
// method the interface inherits from its super-interfaces, direct or not (JLS 9.4.1, 15.27.3),
// with the maximally specific default chosen as for a class (JLS 8.4.8, JVMS 5.4.3.3).
import java.util.Comparator;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

public class Main {
    interface Named {
        default String name() {
            return "Named";
        }

        default String describe() {
            return "I am " + name();
        }
    }

    interface Greeter extends Named {
        String greet(String who);

        default String twice(String who) {
            return greet(greet(who));
        }
    }

    interface LoudGreeter extends Greeter {
        @Override
        default String name() {
            return "Loud";
        }

        default String shout(String who) {
            return greet(who).toUpperCase();
        }
    }

    interface Polite extends Named {
        default String please() {
            return "please, " + describe();
        }
    }

    // Two paths to Named: the defaults come once, the most specific override wins.
    interface Both extends LoudGreeter, Polite {
    }

    interface Counter extends Comparable<Counter> {
        int count();

        @Override
        default int compareTo(Counter o) {
            return Integer.compare(count(), o.count());
        }
    }

    static String hello(String s) {
        return "hello " + s;
    }

    public static void main(String[] args) {
        UnaryOperator<Integer> inc = x -> x + 1;
        Function<Integer, Integer> twiceInc = inc.andThen(inc);
        System.out.println("UnaryOperator.andThen: " + twiceInc.apply(1));
        System.out.println("UnaryOperator.compose: " + inc.compose((Integer x) -> x * 10).apply(4));
        UnaryOperator<String> id = UnaryOperator.identity();
        System.out.println("identity.andThen: " + id.andThen(String::length).apply("four"));

        BinaryOperator<Integer> plus = Integer::sum;
        System.out.println("BinaryOperator.andThen: " + plus.andThen(x -> x * 2).apply(3, 4));
        System.out.println("minBy: " + BinaryOperator.minBy(Comparator.<Integer>naturalOrder()).apply(5, 2));
        System.out.println("maxBy: " + BinaryOperator.maxBy(Comparator.<Integer>reverseOrder()).apply(5, 2));

        Predicate<String> empty = String::isEmpty;
        System.out.println("Predicate.negate.and: " + empty.negate().and(s -> s.length() < 3).test("ab"));

        LoudGreeter lg = who -> "hi " + who;
        System.out.println(lg.greet("a") + " / " + lg.twice("b") + " / " + lg.shout("c") + " / " + lg.describe());
        Greeter g = Main::hello;
        System.out.println(g.twice("x") + " / " + g.describe());
        Both both = who -> "yo " + who;
        System.out.println(both.please() + " / " + both.shout("z") + " / " + both.name());

        Counter three = () -> 3;
        Counter five = () -> 5;
        System.out.println("compareTo: " + three.compareTo(five) + " " + five.compareTo(three));
        Comparable<Counter> asComparable = three;
        System.out.println("as Comparable: " + asComparable.compareTo(three));

        Comparator<String> byLength = Comparator.comparingInt(String::length);
        Comparator<String> then = byLength.thenComparing(Comparator.reverseOrder());
        String[] words = {"bb", "a", "ccc", "aa", "c"};
        java.util.Arrays.sort(words, then);
        System.out.println("thenComparing: " + String.join(",", words));
        java.util.Arrays.sort(words, then.reversed());
        System.out.println("reversed: " + String.join(",", words));
    }
}
