// A rule engine whose rules and field extractors are method handles kept in static final
// fields, a map and records, called from lambdas inside streams: filtering orders with
// predicate handles, sorting with comparators built from getter handles, grouping with a
// classifier handle, a handle-backed Function passed around like any lambda, and a rule that
// throws (the exception escapes the stream from inside the lambda, wrapped by the program).
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

public class Main {
    record Order(String id, String customer, int quantity, double unitPrice, String country) {
        double total() {
            return quantity * unitPrice;
        }
    }

    record Rule(String name, MethodHandle test) {
        boolean check(Order o) {
            try {
                return (boolean) test.invokeExact(o);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    static final MethodHandles.Lookup L = MethodHandles.lookup();
    static final MethodHandle TOTAL;
    static final MethodHandle QUANTITY;
    static final MethodHandle COUNTRY;
    static final Map<String, MethodHandle> GETTERS = new LinkedHashMap<>();

    static {
        try {
            TOTAL = L.findVirtual(Order.class, "total", MethodType.methodType(double.class));
            QUANTITY = L.findVirtual(Order.class, "quantity", MethodType.methodType(int.class));
            COUNTRY = L.findVirtual(Order.class, "country", MethodType.methodType(String.class));
            for (String name : new String[] {"id", "customer", "country"}) {
                GETTERS.put(name, L.findVirtual(Order.class, name, MethodType.methodType(String.class)));
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static boolean isBulk(Order o) {
        return o.quantity() >= 10;
    }

    static boolean isDomestic(Order o) {
        return o.country().equals("DE");
    }

    static boolean isSuspicious(Order o) {
        if (o.customer().isEmpty()) {
            throw new IllegalArgumentException("order " + o.id() + " has no customer");
        }
        return o.total() > 5000;
    }

    static boolean atLeast(double min, Order o) {
        return o.total() >= min;
    }

    static Rule rule(String name) throws ReflectiveOperationException {
        return new Rule(name, L.findStatic(Main.class, name, MethodType.methodType(boolean.class, Order.class)));
    }

    static Function<Order, String> getter(String field) {
        MethodHandle h = GETTERS.get(field);
        return o -> {
            try {
                return (String) h.invokeExact(o);
            } catch (Throwable t) {
                throw new RuntimeException(t);
            }
        };
    }

    static double total(Order o) {
        try {
            return (double) TOTAL.invokeExact(o);
        } catch (Throwable t) {
            throw new RuntimeException(t);
        }
    }

    public static void main(String[] args) throws Throwable {
        List<Order> orders = List.of(
                new Order("A1", "acme", 12, 9.5, "DE"),
                new Order("A2", "bolt", 1, 7999.0, "US"),
                new Order("A3", "acme", 3, 20.0, "FR"),
                new Order("A4", "core", 40, 150.0, "DE"),
                new Order("A5", "dyna", 10, 0.99, "US"),
                new Order("A6", "bolt", 2, 45.25, "DE"));

        List<Rule> rules = List.of(rule("isBulk"), rule("isDomestic"), rule("isSuspicious"),
                new Rule("atLeast100", MethodHandles.insertArguments(
                        L.findStatic(Main.class, "atLeast", MethodType.methodType(boolean.class, double.class, Order.class)), 0, 100.0)));
        for (Rule r : rules) {
            List<String> hits = orders.stream().filter(r::check).map(Order::id).collect(Collectors.toList());
            System.out.println(r.name() + " " + r.test().type() + " -> " + hits);
        }
        Predicate<Order> all = rules.stream().map(r -> (Predicate<Order>) r::check).reduce(o -> true, Predicate::and);
        Predicate<Order> any = rules.stream().map(r -> (Predicate<Order>) r::check).reduce(o -> false, Predicate::or);
        System.out.println("all rules: " + orders.stream().filter(all).map(Order::id).collect(Collectors.toList())
                + ", any rule: " + orders.stream().filter(any).count());

        List<Order> byTotal = orders.stream().sorted(Comparator.comparingDouble(Main::total).reversed()).collect(Collectors.toList());
        System.out.println("by total desc: " + byTotal.stream().map(o -> o.id() + "=" + String.format("%.2f", total(o)))
                .collect(Collectors.joining(", ")));
        Comparator<Order> byCountryThenId = Comparator.comparing(getter("country")).thenComparing(getter("id"), Comparator.reverseOrder());
        System.out.println("by country, id desc: " + orders.stream().sorted(byCountryThenId).map(Order::id).collect(Collectors.joining(" ")));

        Map<String, Integer> qtyByCountry = orders.stream().collect(Collectors.groupingBy(getter("country"), TreeMap::new,
                Collectors.summingInt(o -> {
                    try {
                        return (int) QUANTITY.invokeExact(o);
                    } catch (Throwable t) {
                        throw new RuntimeException(t);
                    }
                })));
        System.out.println("quantity by country: " + qtyByCountry);
        Map<String, List<String>> idsByCustomer = new TreeMap<>();
        orders.forEach(o -> idsByCustomer.computeIfAbsent(getter("customer").apply(o), k -> new java.util.ArrayList<>()).add(o.id()));
        System.out.println("ids by customer: " + idsByCustomer);

        MethodHandle upper = L.findVirtual(String.class, "toUpperCase", MethodType.methodType(String.class));
        MethodHandle countryUpper = MethodHandles.filterReturnValue(COUNTRY, upper);
        System.out.println("filtered return: " + countryUpper.type() + " " + (String) countryUpper.invokeExact(orders.get(2)));
        Function<String, Integer> length = s -> {
            try {
                return (int) L.findVirtual(String.class, "length", MethodType.methodType(int.class)).invokeExact(s);
            } catch (Throwable t) {
                throw new RuntimeException(t);
            }
        };
        System.out.println("lengths: " + GETTERS.keySet().stream().map(length).collect(Collectors.toList()));

        List<Order> withBad = new java.util.ArrayList<>(orders);
        withBad.add(3, new Order("B1", "", 1, 1, "DE"));
        Rule suspicious = rules.get(2);
        try {
            long n = withBad.stream().filter(suspicious::check).count();
            System.out.println("suspicious: " + n);
        } catch (IllegalArgumentException e) {
            System.out.println("rule failed inside the stream: " + e.getMessage());
        }
        long checked = withBad.stream().takeWhile(o -> !o.customer().isEmpty()).filter(suspicious::check).count();
        System.out.println("suspicious before the bad order: " + checked);
    }
}
