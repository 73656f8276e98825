// Object factories and super calls through method handles, as dependency injectors and
// mocking libraries use them: findConstructor for no-argument, overloaded and varargs
// constructors (the handle returns the new object), a registry of factories keyed by class,
// findVirtual on an interface and on a superclass (virtual dispatch on each receiver),
// findSpecial to call the overridden superclass implementation from a subclass (bypassing the
// override), and the errors: missing constructors, findSpecial from an unrelated class,
// constructors whose bodies throw.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class Main {
    interface Greeter {
        String greet(String who);
    }

    static class PoliteGreeter implements Greeter {
        final String title;

        PoliteGreeter() {
            this("Dear");
        }

        PoliteGreeter(String title) {
            this.title = title;
        }

        public String greet(String who) {
            return title + " " + who;
        }

        String sign() {
            return "Regards";
        }
    }

    static class ShoutingGreeter extends PoliteGreeter {
        static int created;

        ShoutingGreeter() {
            created++;
        }

        @Override
        public String greet(String who) {
            return super.greet(who).toUpperCase() + "!";
        }

        @Override
        String sign() {
            return "BYE";
        }

        static MethodHandle superGreet() throws ReflectiveOperationException {
            return MethodHandles.lookup().findSpecial(PoliteGreeter.class, "greet",
                    MethodType.methodType(String.class, String.class), ShoutingGreeter.class);
        }

        static MethodHandle superSign() throws ReflectiveOperationException {
            return MethodHandles.lookup().findSpecial(PoliteGreeter.class, "sign", MethodType.methodType(String.class),
                    ShoutingGreeter.class);
        }
    }

    static class Team {
        final List<String> members = new ArrayList<>();

        Team(String... names) {
            members.addAll(List.of(names));
        }

        Team(int size) {
            for (int i = 0; i < size; i++) {
                members.add("member" + i);
            }
        }

        Team(String lead, int size) {
            this(size);
            members.set(0, lead);
        }

        @Override
        public String toString() {
            return "Team" + members;
        }
    }

    static class Validated {
        Validated(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("n < 0: " + n);
            }
        }
    }

    static final Map<Class<?>, MethodHandle> FACTORIES = new LinkedHashMap<>();

    static <T> T create(Class<T> type) throws Throwable {
        MethodHandle f = FACTORIES.get(type);
        if (f == null) {
            throw new IllegalStateException("no factory for " + type.getSimpleName());
        }
        return type.cast(f.invoke());
    }

    public static void main(String[] args) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodType noArgs = MethodType.methodType(void.class);
        for (Class<?> c : new Class<?>[] {PoliteGreeter.class, ShoutingGreeter.class, ArrayList.class, StringBuilder.class}) {
            MethodHandle k = lookup.findConstructor(c, noArgs);
            FACTORIES.put(c, k);
            System.out.println("factory " + c.getSimpleName() + " : " + k.type());
        }
        Greeter g1 = create(PoliteGreeter.class);
        Greeter g2 = create(ShoutingGreeter.class);
        StringBuilder sb = create(StringBuilder.class);
        System.out.println(g1.greet("reader") + " | " + g2.greet("reader") + " | " + sb.append("built").reverse()
                + " | created " + ShoutingGreeter.created);
        try {
            create(Team.class);
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }

        MethodHandle titled = lookup.findConstructor(PoliteGreeter.class, MethodType.methodType(void.class, String.class));
        PoliteGreeter sir = (PoliteGreeter) titled.invokeExact("Sir");
        System.out.println(sir.greet("Lancelot") + " via " + titled.type());

        MethodHandle varTeam = lookup.findConstructor(Team.class, MethodType.methodType(void.class, String[].class));
        MethodHandle sizedTeam = lookup.findConstructor(Team.class, MethodType.methodType(void.class, int.class));
        MethodHandle ledTeam = lookup.findConstructor(Team.class, MethodType.methodType(void.class, String.class, int.class));
        System.out.println(varTeam.isVarargsCollector() + " " + varTeam.type());
        System.out.println(varTeam.invoke("ann", "bob") + " " + varTeam.invoke() + " " + varTeam.invoke(new String[] {"x"})
                + " " + (Team) sizedTeam.invokeExact(2) + " " + ledTeam.invoke("boss", 3));
        MethodHandle fixed = varTeam.asFixedArity();
        System.out.println("fixed arity " + fixed.isVarargsCollector() + " " + fixed.invoke(new String[] {"y", "z"}));

        MethodHandle greet = lookup.findVirtual(Greeter.class, "greet", MethodType.methodType(String.class, String.class));
        MethodHandle sign = lookup.findVirtual(PoliteGreeter.class, "sign", MethodType.methodType(String.class));
        List<Greeter> greeters = List.of(g1, g2, sir, who -> "hey " + who);
        for (Greeter g : greeters) {
            System.out.println("virtual greet: " + (String) greet.invokeExact(g, "you")
                    + (g instanceof PoliteGreeter p ? " / " + (String) sign.invokeExact(p) : ""));
        }
        MethodHandle superGreet = ShoutingGreeter.superGreet();
        MethodHandle superSign = ShoutingGreeter.superSign();
        System.out.println("findSpecial type " + superGreet.type());
        ShoutingGreeter shouty = new ShoutingGreeter();
        System.out.println("special greet: " + (String) superGreet.invokeExact(shouty, "quiet one") + ", special sign: "
                + (String) superSign.invokeExact(shouty) + ", virtual sign: " + (String) sign.invokeExact((PoliteGreeter) shouty));
        try {
            superGreet.invoke(new PoliteGreeter(), "x");
        } catch (ClassCastException e) {
            System.out.println("special on a superclass instance: ClassCastException: " + e.getMessage());
        }

        String[] cases = {"no such constructor", "constructor via findVirtual", "findSpecial from Main", "findStatic on instance method",
            "throwing constructor", "findConstructor on interface", "findConstructor on abstract class"};
        for (int i = 0; i < cases.length; i++) {
            try {
                Object r = switch (i) {
                    case 0 -> lookup.findConstructor(Team.class, MethodType.methodType(void.class, long.class));
                    case 1 -> lookup.findVirtual(Team.class, "<init>", noArgs);
                    case 2 -> lookup.findSpecial(PoliteGreeter.class, "sign", MethodType.methodType(String.class), ShoutingGreeter.class);
                    case 3 -> lookup.findStatic(PoliteGreeter.class, "sign", MethodType.methodType(String.class));
                    case 4 -> lookup.findConstructor(Validated.class, MethodType.methodType(void.class, int.class)).invoke(-4);
                    case 5 -> lookup.findConstructor(Greeter.class, noArgs);
                    case 6 -> lookup.findConstructor(Number.class, noArgs);
                    default -> throw new AssertionError();
                };
                System.out.println(cases[i] + ": ok " + (r instanceof MethodHandle h ? h.type() : r));
            } catch (ReflectiveOperationException | RuntimeException e) {
                String m = String.valueOf(e.getMessage());
                int from = m.indexOf(", from ");
                System.out.println(cases[i] + ": " + e.getClass().getSimpleName() + ": " + (from < 0 ? m : m.substring(0, from)));
            }
        }
    }
}
