import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;

// A dependency-injection container in the style of JSR-330 frameworks: @Inject constructors and
// fields, @Named qualifiers on parameters, @Singleton scoping read from the class, @PostConstruct
// methods, interfaces bound to implementations, and cycles reported. Plus an annotation-driven
// event bus: @Subscribe methods found on listener classes and dispatched by parameter type.
public class Main {
    @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.METHOD}) @interface Inject {}
    @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.PARAMETER, ElementType.FIELD}) @interface Named { String value(); }
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) @Inherited @interface Singleton {}
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD) @interface PostConstruct {}
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD) @interface Subscribe { int priority() default 0; }
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) @interface ImplementedBy { Class<?> value(); }

    static final class Container {
        final Map<Class<?>, Object> singletons = new HashMap<>();
        final Map<String, Object> constants = new TreeMap<>();
        final Deque<Class<?>> resolving = new ArrayDeque<>();
        final List<String> trace = new ArrayList<>();

        <T> T get(Class<T> type) throws Exception {
            ImplementedBy by = type.getAnnotation(ImplementedBy.class);
            if (by != null) return type.cast(get(by.value()));
            if (type.isAnnotationPresent(Singleton.class) && singletons.containsKey(type)) return type.cast(singletons.get(type));
            if (resolving.contains(type)) throw new IllegalStateException("cycle: " + resolving + " -> " + type.getSimpleName());
            resolving.push(type);
            try {
                Constructor<?> chosen = null;
                for (Constructor<?> c : type.getDeclaredConstructors()) if (c.isAnnotationPresent(Inject.class)) chosen = c;
                if (chosen == null) chosen = type.getDeclaredConstructor();
                chosen.setAccessible(true);
                Object[] args = new Object[chosen.getParameterCount()];
                Annotation[][] pa = chosen.getParameterAnnotations();
                Class<?>[] pt = chosen.getParameterTypes();
                for (int i = 0; i < args.length; i++) args[i] = resolve(pt[i], pa[i]);
                T obj = type.cast(chosen.newInstance(args));
                trace.add("new " + type.getSimpleName() + Arrays.toString(args));
                for (Field f : type.getDeclaredFields()) {
                    if (f.isAnnotationPresent(Inject.class)) {
                        f.setAccessible(true);
                        f.set(obj, resolve(f.getType(), f.getAnnotations()));
                    }
                }
                List<Method> init = new ArrayList<>();
                for (Method m : type.getDeclaredMethods()) if (m.isAnnotationPresent(PostConstruct.class)) init.add(m);
                init.sort(Comparator.comparing(Method::getName));
                for (Method m : init) { m.setAccessible(true); m.invoke(obj); }
                if (type.isAnnotationPresent(Singleton.class)) singletons.put(type, obj);
                return obj;
            } finally {
                resolving.pop();
            }
        }

        Object resolve(Class<?> type, Annotation[] annotations) throws Exception {
            for (Annotation a : annotations) {
                if (a instanceof Named) {
                    String key = ((Named) a).value();
                    if (!constants.containsKey(key)) throw new NoSuchElementException("no constant named " + key + " (" + a + ")");
                    return constants.get(key);
                }
            }
            return get(type);
        }
    }

    @ImplementedBy(ConsoleLog.class) interface Log { void write(String s); }
    @Singleton static class ConsoleLog implements Log {
        int lines;
        public void write(String s) { System.out.println("log[" + (++lines) + "] " + s); }
        public String toString() { return "ConsoleLog"; }
    }
    @Singleton static class Database {
        final String url; final int poolSize; @Inject Log log; boolean open;
        @Inject Database(@Named("db.url") String url, @Named("db.pool") Integer poolSize) { this.url = url; this.poolSize = poolSize; }
        @PostConstruct void connect() { open = true; log.write("connected to " + url + " with " + poolSize); }
        @PostConstruct void audit() { log.write("audit " + open); }
        public String toString() { return "Database(" + url + ")"; }
    }
    static class UserService {
        final Database db; final Log log;
        @Inject UserService(Database db, Log log) { this.db = db; this.log = log; }
        public String toString() { return "UserService(" + db + ")"; }
    }
    static class SpecialDatabase extends Database { @Inject SpecialDatabase() { super("special", 1); } }
    static class A { @Inject A(B b) {} }
    static class B { @Inject B(A a) {} }

    static final class Bus {
        final Map<Class<?>, List<Object[]>> handlers = new HashMap<>();
        void register(Object listener) {
            for (Method m : listener.getClass().getDeclaredMethods()) {
                Subscribe s = m.getAnnotation(Subscribe.class);
                if (s == null) continue;
                if (m.getParameterCount() != 1) throw new IllegalArgumentException(m + " must take one event");
                handlers.computeIfAbsent(m.getParameterTypes()[0], k -> new ArrayList<>()).add(new Object[] {listener, m, s.priority()});
            }
        }
        void post(Object event) throws Exception {
            List<Object[]> hs = new ArrayList<>();
            for (Class<?> c = event.getClass(); c != null; c = c.getSuperclass()) hs.addAll(handlers.getOrDefault(c, List.of()));
            hs.sort(Comparator.comparing((Object[] h) -> -(Integer) h[2]).thenComparing(h -> ((Method) h[1]).getName()));
            for (Object[] h : hs) ((Method) h[1]).invoke(h[0], event);
        }
    }
    static class Listener {
        final List<String> seen = new ArrayList<>();
        @Subscribe(priority = 5) void onString(String s) { seen.add("string:" + s); }
        @Subscribe void onObject(Object o) { seen.add("object:" + o); }
        @Subscribe(priority = 1) void onNumber(Number n) { seen.add("number:" + n); }
        void notASubscriber(String s) { seen.add("never"); }
    }

    public static void main(String[] args) throws Exception {
        Container c = new Container();
        c.constants.put("db.url", "jdbc:h2:mem");
        c.constants.put("db.pool", 4);
        UserService s1 = c.get(UserService.class);
        UserService s2 = c.get(UserService.class);
        System.out.println(s1 + " " + (s1 != s2) + " " + (s1.db == s2.db) + " " + (s1.log == c.get(Log.class)));
        System.out.println(SpecialDatabase.class.isAnnotationPresent(Singleton.class) + " " + Arrays.toString(SpecialDatabase.class.getDeclaredAnnotations()) + " " + Arrays.toString(SpecialDatabase.class.getAnnotations()));
        System.out.println(c.get(SpecialDatabase.class));
        try {
            c.get(A.class);
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        Container empty = new Container();
        try {
            empty.get(Database.class);
        } catch (NoSuchElementException e) {
            System.out.println(e.getMessage());
        }
        c.trace.forEach(System.out::println);

        Bus bus = new Bus();
        Listener l = new Listener();
        bus.register(l);
        bus.post("hello");
        bus.post(42);
        bus.post(List.of(1));
        System.out.println(l.seen);
        Method m = Listener.class.getDeclaredMethod("onString", String.class);
        Subscribe sub = m.getAnnotation(Subscribe.class);
        System.out.println(sub + " " + sub.priority() + " " + sub.annotationType().getSimpleName() + " " + sub.equals(Listener.class.getDeclaredMethod("onNumber", Number.class).getAnnotation(Subscribe.class)));
    }
}
