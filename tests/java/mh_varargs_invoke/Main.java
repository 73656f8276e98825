import java.lang.invoke.*;
import java.util.*;

// Variable-arity method handles as libraries meet them: handles on varargs methods and
// constructors collect trailing arguments for invoke and invokeWithArguments but not for
// invokeExact, asFixedArity and withVarargs switch the behaviour, asCollector/asSpreader adapt
// arities, and a small command dispatcher calls handles with argument lists of any length.
public class Main {
    static String join(String sep, Object... parts) {
        StringJoiner j = new StringJoiner(sep, "<", ">");
        for (Object p : parts) j.add(String.valueOf(p));
        return j.toString();
    }

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) s += x;
        return s;
    }

    static final class Bag {
        final List<String> items;
        Bag(String... items) { this.items = List.of(items); }
        public String toString() { return "Bag" + items; }
    }

    public static void main(String[] args) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle join = lookup.findStatic(Main.class, "join", MethodType.methodType(String.class, String.class, Object[].class));
        MethodHandle sum = lookup.findStatic(Main.class, "sum", MethodType.methodType(int.class, int[].class));
        MethodHandle bag = lookup.findConstructor(Bag.class, MethodType.methodType(void.class, String[].class));
        System.out.println(join.isVarargsCollector() + " " + sum.isVarargsCollector() + " " + bag.isVarargsCollector());
        System.out.println((String) join.invoke("-", 1, 'c', 2.5, null) + " " + (String) join.invoke("-") + " " + (String) join.invoke("-", (Object) "one"));
        System.out.println((String) join.invoke("+", new Object[] {"spread", "array"}));
        System.out.println((int) sum.invoke() + " " + (int) sum.invoke(1) + " " + (int) sum.invoke(1, 2, 3, 4) + " " + (int) sum.invoke(new int[] {10, 20}));
        System.out.println(bag.invoke("a", "b") + " " + bag.invoke() + " " + bag.invokeWithArguments("x", "y", "z"));
        System.out.println(join.invokeWithArguments("/", 1, 2, 3) + " " + join.invokeWithArguments(List.of("|", "p", "q")));
        try {
            String s = (String) join.invokeExact("-", 1, 2);
        } catch (WrongMethodTypeException e) {
            System.out.println("invokeExact: " + e.getMessage());
        }
        System.out.println((String) join.invokeExact("=", new Object[] {"exact"}));
        MethodHandle fixed = join.asFixedArity();
        try {
            String s = (String) fixed.invoke("-", 1, 2);
        } catch (WrongMethodTypeException e) {
            System.out.println("fixed: " + e.getMessage());
        }
        System.out.println(fixed.isVarargsCollector() + " " + fixed.withVarargs(true).isVarargsCollector() + " " + (String) fixed.withVarargs(true).invoke(".", "a", "b"));
        MethodHandle three = sum.asCollector(int[].class, 3);
        System.out.println(three.type() + " " + (int) three.invokeExact(1, 2, 3));
        MethodHandle spread = three.asSpreader(Object[].class, 3);
        System.out.println(spread.type() + " " + (int) spread.invoke(new Object[] {4, 5, 6}));
        MethodHandle bound = join.bindTo(", ");
        System.out.println(bound.type() + " " + bound.isVarargsCollector() + " " + bound.invokeWithArguments((Object) new Object[] {"m", "n"}));
        try {
            bound.invokeWithArguments("m", "n");
        } catch (WrongMethodTypeException e) {
            System.out.println("bound: " + e.getMessage());
        }

        Map<String, MethodHandle> commands = new TreeMap<>();
        commands.put("join", MethodHandles.insertArguments(join, 0, " ").asVarargsCollector(Object[].class));
        commands.put("sum", sum);
        commands.put("bag", bag);
        commands.put("max", lookup.findStatic(Collections.class, "max", MethodType.methodType(Object.class, Collection.class)));
        String[][] script = {{"join", "a", "b", "c"}, {"sum"}, {"bag", "q"}, {"max", "[3, 9, 4]"}, {"join"}};
        for (String[] line : script) {
            MethodHandle h = commands.get(line[0]);
            List<Object> a = new ArrayList<>();
            for (int i = 1; i < line.length; i++) {
                if (line[0].equals("sum")) a.add(Integer.parseInt(line[i]));
                else if (line[0].equals("max")) a.add(List.of(3, 9, 4));
                else a.add(line[i]);
            }
            System.out.println(line[0] + " " + h.type() + " -> " + h.invokeWithArguments(a));
        }
    }
}
