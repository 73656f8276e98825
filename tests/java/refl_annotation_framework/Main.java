import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;

// A small validation and command-dispatch framework driven by runtime annotations, the way
// application code uses them: field constraints checked reflectively, commands found by their
// method annotations and invoked, constructor parameters injected by name, and an annotation
// implemented by hand compared with the VM's own.
public class Main {
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD) @interface NotNull { String message() default "must not be null"; }
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD) @interface Range { long min() default Long.MIN_VALUE; long max() default Long.MAX_VALUE; }
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD) @interface Pattern { String regex(); }
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD) @interface Command { String value(); String[] aliases() default {}; int priority() default 0; }
    @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.PARAMETER}) @interface Named { String value(); }
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) @interface Entity { String table(); boolean audited() default false; }
    @Retention(RetentionPolicy.CLASS) @interface Invisible { }

    @Entity(table = "users", audited = true)
    static class User {
        @NotNull String name;
        @NotNull(message = "email is required") @Pattern(regex = "[a-z]+@[a-z]+\\.[a-z]+") String email;
        @Range(min = 0, max = 150) int age;
        @Range(min = 1) long id;
        @Invisible String note;
        User(String name, String email, int age, long id) { this.name = name; this.email = email; this.age = age; this.id = id; }
    }

    static List<String> validate(Object o) throws IllegalAccessException {
        List<String> errors = new ArrayList<>();
        for (Field f : o.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            Object v = f.get(o);
            NotNull nn = f.getAnnotation(NotNull.class);
            if (nn != null && v == null) errors.add(f.getName() + ": " + nn.message());
            Range r = f.getAnnotation(Range.class);
            if (r != null) {
                long x = ((Number) v).longValue();
                if (x < r.min() || x > r.max()) errors.add(f.getName() + ": " + x + " not in [" + r.min() + ", " + r.max() + "]");
            }
            Pattern p = f.getAnnotation(Pattern.class);
            if (p != null && v != null && !((String) v).matches(p.regex())) errors.add(f.getName() + ": '" + v + "' does not match " + p.regex());
            if (f.getAnnotations().length == 0) errors.add(f.getName() + ": unconstrained");
        }
        return errors;
    }

    static class Shell {
        final StringBuilder log = new StringBuilder();
        @Command(value = "add", aliases = {"plus", "+"}) public int add(int a, int b) { return a + b; }
        @Command(value = "neg", priority = 2) public int neg(int a) { return -a; }
        @Command("echo") public String echo(String s) { return s + s; }
        @Command("fail") public void fail() { throw new IllegalStateException("failed on purpose"); }
        public void helper() { }
    }

    static class Service {
        final String host; final int port;
        Service(@Named("host") String host, @Named("port") int port) { this.host = host; this.port = port; }
        public String toString() { return host + ":" + port; }
    }

    // An annotation implemented by a class: equal to the VM's when its elements are.
    static final class RangeImpl implements Range {
        public long min() { return 0; }
        public long max() { return 150; }
        public Class<? extends Annotation> annotationType() { return Range.class; }
    }

    public static void main(String[] args) throws Exception {
        Entity e = User.class.getAnnotation(Entity.class);
        System.out.println(e + " table=" + e.table() + " audited=" + e.audited());
        System.out.println(validate(new User("ann", "ann@example.org", 30, 1)));
        System.out.println(validate(new User(null, "Bad Address", 200, 0)));
        System.out.println(validate(new User("bob", null, -1, 5)));

        Shell shell = new Shell();
        Map<String, Method> commands = new TreeMap<>();
        for (Method m : Shell.class.getDeclaredMethods()) {
            Command c = m.getAnnotation(Command.class);
            if (c == null) continue;
            commands.put(c.value(), m);
            for (String alias : c.aliases()) commands.put(alias, m);
        }
        System.out.println(commands.keySet());
        Object[][] calls = {{"add", 2, 3}, {"+", 10, -4}, {"neg", 9}, {"echo", "ab"}, {"fail"}, {"plus", 1}};
        for (Object[] call : calls) {
            Method m = commands.get(call[0]);
            Object[] rest = Arrays.copyOfRange(call, 1, call.length);
            try {
                System.out.println(call[0] + " -> " + m.invoke(shell, rest) + " (priority " + m.getAnnotation(Command.class).priority() + ")");
            } catch (InvocationTargetException ex) {
                System.out.println(call[0] + " threw " + ex.getCause());
            } catch (IllegalArgumentException ex) {
                System.out.println(call[0] + " rejected: " + ex.getMessage());
            }
        }

        Map<String, Object> config = Map.of("host", "example.org", "port", 8080);
        Constructor<Service> ctor = Service.class.getDeclaredConstructor(String.class, int.class);
        Annotation[][] pa = ctor.getParameterAnnotations();
        Object[] injected = new Object[pa.length];
        for (int i = 0; i < pa.length; i++) injected[i] = config.get(((Named) pa[i][0]).value());
        System.out.println(ctor.newInstance(injected) + " " + Arrays.deepToString(pa));

        Range declared = User.class.getDeclaredField("age").getAnnotation(Range.class);
        Range byHand = new RangeImpl();
        System.out.println(declared.equals(byHand) + " " + (declared.hashCode() == byHand.hashCode() ? "same hash" : "hash differs"));
        System.out.println(declared.hashCode() + " " + User.class.getDeclaredField("id").getAnnotation(Range.class));
        Set<Annotation> seen = new HashSet<>();
        for (Field f : User.class.getDeclaredFields()) for (Annotation a : f.getAnnotations()) if (seen.add(a)) System.out.println("first " + a.annotationType().getSimpleName() + " on " + f.getName());
        System.out.println(User.class.getDeclaredField("note").getAnnotations().length + " " + Arrays.toString(Command.class.getMethod("aliases").getDefaultValue() instanceof String[] ? (String[]) Command.class.getMethod("aliases").getDefaultValue() : null));
    }
}
