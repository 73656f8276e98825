import java.lang.reflect.*;
import java.util.*;
import java.util.function.*;

// Dynamic proxies as libraries use them: a logging decorator around a real service, a memoizing
// proxy keyed by method and arguments, a read-only view that rejects mutators, a proxy chain,
// generic interfaces, default methods passed through, and Object's methods forwarded.
public class Main {
    public interface Calculator {
        int add(int a, int b);
        long square(long x);
        double divide(double a, double b);
        default String describe() { return "calculator " + add(0, 0); }
    }

    public interface Repository<K, V> {
        V get(K key);
        void put(K key, V value);
        int size();
        default boolean isEmpty() { return size() == 0; }
    }

    static final class RealCalculator implements Calculator {
        int calls;
        public int add(int a, int b) { calls++; return a + b; }
        public long square(long x) { calls++; return x * x; }
        public double divide(double a, double b) {
            calls++;
            if (b == 0) throw new ArithmeticException("divide by zero");
            return a / b;
        }
        @Override public String toString() { return "RealCalculator(calls=" + calls + ")"; }
        @Override public int hashCode() { return 42; }
    }

    static final class MapRepository<K, V> implements Repository<K, V> {
        private final Map<K, V> map = new TreeMap<>();
        public V get(K key) { return map.get(key); }
        public void put(K key, V value) { map.put(key, value); }
        public int size() { return map.size(); }
    }

    static final List<String> log = new ArrayList<>();

    @SuppressWarnings("unchecked")
    static <T> T logging(Class<T> iface, T target, String tag) {
        return (T) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[] {iface}, (proxy, m, args) -> {
            if (m.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, m, args);
            }
            log.add(tag + ">" + m.getName() + (args == null ? "()" : Arrays.toString(args)));
            try {
                Object r = m.invoke(target, args);
                log.add(tag + "<" + m.getName() + "=" + r);
                return r;
            } catch (InvocationTargetException e) {
                log.add(tag + "!" + e.getCause());
                throw e.getCause();
            }
        });
    }

    @SuppressWarnings("unchecked")
    static <T> T memoizing(Class<T> iface, T target, int[] misses) {
        Map<List<Object>, Object> cache = new HashMap<>();
        return (T) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[] {iface}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.invoke(target, args);
            }
            List<Object> key = new ArrayList<>();
            key.add(m.getName());
            if (args != null) key.addAll(Arrays.asList(args));
            Object r = cache.get(key);
            if (r == null && !cache.containsKey(key)) {
                misses[0]++;
                r = m.invoke(target, args);
                cache.put(key, r);
            }
            return r;
        });
    }

    @SuppressWarnings("unchecked")
    static <K, V> Repository<K, V> readOnly(Repository<K, V> target) {
        return (Repository<K, V>) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[] {Repository.class},
            (proxy, m, args) -> {
                if (m.getName().equals("put")) {
                    throw new UnsupportedOperationException("read-only: put(" + args[0] + ")");
                }
                if (m.isDefault()) return InvocationHandler.invokeDefault(proxy, m, args);
                return m.invoke(target, args);
            });
    }

    public static void main(String[] args) {
        RealCalculator real = new RealCalculator();
        Calculator logged = logging(Calculator.class, real, "L");
        System.out.println(logged.add(2, 3) + " " + logged.square(12) + " " + logged.divide(7, 2));
        try {
            logged.divide(1, 0);
        } catch (ArithmeticException e) {
            System.out.println("caught " + e.getMessage());
        }
        System.out.println(logged.describe());
        System.out.println(logged + " " + (logged.hashCode() == logged.hashCode()) + " " + logged.equals(logged));
        log.forEach(System.out::println);
        log.clear();

        int[] misses = {0};
        Calculator memo = memoizing(Calculator.class, real, misses);
        long total = 0;
        for (int i = 0; i < 20; i++) total += memo.square(i % 5) + memo.add(i % 3, 1);
        System.out.println("total " + total + " misses " + misses[0] + " " + memo);

        // A chain: logging around memoizing around the real object.
        Calculator chain = logging(Calculator.class, memoizing(Calculator.class, real, misses), "C");
        chain.square(3);
        chain.square(3);
        chain.square(40);
        System.out.println(log + " misses " + misses[0]);
        log.clear();

        Repository<String, Integer> repo = new MapRepository<>();
        Repository<String, Integer> loggedRepo = logging(Repository.class, repo, "R");
        System.out.println(loggedRepo.isEmpty());
        loggedRepo.put("b", 2);
        loggedRepo.put("a", 1);
        Repository<String, Integer> ro = readOnly(loggedRepo);
        System.out.println(ro.get("a") + " " + ro.size() + " " + ro.isEmpty());
        try {
            ro.put("c", 3);
        } catch (UnsupportedOperationException e) {
            System.out.println(e.getMessage());
        }
        log.forEach(System.out::println);

        // Proxies of library interfaces, used by library code.
        @SuppressWarnings("unchecked")
        Comparator<String> byLength = (Comparator<String>) Proxy.newProxyInstance(Main.class.getClassLoader(),
            new Class<?>[] {Comparator.class}, (p, m, a) -> {
                if (m.getName().equals("compare")) return Integer.compare(((String) a[0]).length(), ((String) a[1]).length());
                if (m.isDefault()) return InvocationHandler.invokeDefault(p, m, a);
                if (m.getName().equals("equals")) return p == a[0];
                if (m.getName().equals("hashCode")) return 7;
                return "byLength";
            });
        List<String> words = new ArrayList<>(List.of("pear", "fig", "banana", "kiwi", "apple"));
        words.sort(byLength.thenComparing(Comparator.naturalOrder()));
        System.out.println(words + " " + byLength);
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> twice = (Function<Integer, Integer>) Proxy.newProxyInstance(Main.class.getClassLoader(),
            new Class<?>[] {Function.class}, (p, m, a) -> m.isDefault() ? InvocationHandler.invokeDefault(p, m, a) : (Integer) a[0] * 2);
        System.out.println(twice.andThen(x -> x + 1).apply(20) + " " + twice.compose((Integer x) -> x - 1).apply(20));
        Runnable r = (Runnable) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[] {Runnable.class, AutoCloseable.class},
            (p, m, a) -> { System.out.println("proxy " + m.getName()); return null; });
        r.run();
        try {
            ((AutoCloseable) r).close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        System.out.println(Proxy.isProxyClass(r.getClass()) + " " + (r.getClass() == Proxy.getProxyClass(Main.class.getClassLoader(), Runnable.class, AutoCloseable.class))
            + " " + Arrays.toString(r.getClass().getInterfaces()) + " " + real);
    }
}
