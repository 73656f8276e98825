// Walking type hierarchies the way a serializer or an event bus does: all supertypes of a class
// (getSuperclass, getInterfaces, breadth first, duplicates removed), handlers chosen by the most
// specific registered type with isAssignableFrom and isInstance, casts through Class.cast and
// asSubclass with their ClassCastException messages, member lookups that must find inherited
// and interface members (getMethod, getField, getDeclaredMethod's NoSuchMethodException), and
// the hierarchy facts of primitives, arrays and interfaces.
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

public class Main {
    interface Event {
        String KIND = "event";

        default String source() {
            return "unknown";
        }
    }

    interface UserEvent extends Event {
        String USER_KIND = "user";

        String user();
    }

    interface Auditable {
        String KIND = "audit";

        default int severity() {
            return 1;
        }
    }

    abstract static class BaseEvent implements Event {
        public final long timestamp;

        BaseEvent(long t) {
            timestamp = t;
        }

        public String id() {
            return getClass().getSimpleName() + "@" + timestamp;
        }
    }

    static class LoginEvent extends BaseEvent implements UserEvent, Auditable {
        public final String user;

        LoginEvent(String user, long t) {
            super(t);
            this.user = user;
        }

        public String user() {
            return user;
        }

        @Override
        public String source() {
            return "login-form";
        }
    }

    static class AdminLoginEvent extends LoginEvent implements Serializable {
        AdminLoginEvent(String user, long t) {
            super(user, t);
        }

        @Override
        public int severity() {
            return 5;
        }
    }

    static class TickEvent extends BaseEvent {
        TickEvent(long t) {
            super(t);
        }
    }

    static List<Class<?>> supertypes(Class<?> c) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(c);
        while (!queue.isEmpty()) {
            Class<?> t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getSuperclass() != null) {
                queue.add(t.getSuperclass());
            }
            for (Class<?> i : t.getInterfaces()) {
                queue.add(i);
            }
        }
        return new ArrayList<>(seen);
    }

    static String simple(List<Class<?>> cs) {
        List<String> out = new ArrayList<>();
        for (Class<?> c : cs) {
            out.add(c.getSimpleName());
        }
        return out.toString();
    }

    static final Map<Class<?>, String> handlers = new LinkedHashMap<>();

    static String dispatch(Object event) {
        Class<?> best = null;
        for (Class<?> registered : handlers.keySet()) {
            if (registered.isInstance(event) && (best == null || best.isAssignableFrom(registered))) {
                best = registered;
            }
        }
        return best == null ? "unhandled" : handlers.get(best) + " (via " + best.getSimpleName() + ")";
    }

    public static void main(String[] args) throws Exception {
        for (Class<?> c : new Class<?>[] {AdminLoginEvent.class, TickEvent.class, UserEvent.class, ArrayList.class,
                Integer.class, String[].class, int[][].class, int.class}) {
            System.out.println(c.getSimpleName() + ": super " + (c.getSuperclass() == null ? "none" : c.getSuperclass().getSimpleName())
                    + ", interfaces " + simple(List.of(c.getInterfaces())) + ", all " + simple(supertypes(c)));
        }

        handlers.put(Event.class, "generic");
        handlers.put(UserEvent.class, "user handler");
        handlers.put(LoginEvent.class, "login handler");
        handlers.put(Auditable.class, "audit handler");
        Object[] events = {new TickEvent(1), new LoginEvent("ann", 2), new AdminLoginEvent("root", 3), "not an event",
            (UserEvent) () -> "lambda"};
        for (Object e : events) {
            System.out.println((e instanceof BaseEvent b ? b.id() : e instanceof UserEvent u ? "user " + u.user() : e) + " -> " + dispatch(e));
        }

        Class<?>[] types = {Object.class, Event.class, UserEvent.class, BaseEvent.class, LoginEvent.class, AdminLoginEvent.class,
            Serializable.class, Cloneable.class, Object[].class, BaseEvent[].class, LoginEvent[].class, int[].class, long.class,
            Number.class, Integer.class, List.class, RandomAccess.class};
        System.out.println("isAssignableFrom (row = target, column = source):");
        for (Class<?> to : types) {
            StringBuilder sb = new StringBuilder();
            for (Class<?> from : types) {
                sb.append(to.isAssignableFrom(from) ? 'X' : '.');
            }
            System.out.printf("  %-16s %s%n", to.getSimpleName(), sb);
        }
        Object[] values = {null, 5, new int[0], new LoginEvent[0], new AdminLoginEvent[1], "s", new ArrayList<>()};
        for (Object v : values) {
            StringBuilder sb = new StringBuilder();
            for (Class<?> t : types) {
                sb.append(t.isInstance(v) ? 'X' : '.');
            }
            System.out.printf("  isInstance %-18s %s%n", v == null ? "null" : v.getClass().getSimpleName(), sb);
        }

        System.out.println("casts:");
        Object login = events[1];
        System.out.println("  " + LoginEvent.class.cast(login).user() + " " + Event.class.cast(null));
        try {
            AdminLoginEvent.class.cast(login);
        } catch (ClassCastException e) {
            System.out.println("  cast: " + e.getMessage());
        }
        try {
            int.class.cast(5);
        } catch (ClassCastException e) {
            System.out.println("  cast to int: " + e.getMessage());
        }
        System.out.println("  asSubclass ok: " + AdminLoginEvent.class.asSubclass(Event.class).getSimpleName());
        try {
            TickEvent.class.asSubclass(UserEvent.class);
        } catch (ClassCastException e) {
            System.out.println("  asSubclass: " + e.getMessage());
        }

        System.out.println("member lookup on AdminLoginEvent:");
        Class<?> c = AdminLoginEvent.class;
        for (String name : new String[] {"user", "source", "severity", "id", "hashCode", "timestamp"}) {
            try {
                Method m = c.getMethod(name);
                System.out.println("  getMethod " + name + " -> declared in " + m.getDeclaringClass().getSimpleName()
                        + (m.isDefault() ? " (default)" : ""));
            } catch (NoSuchMethodException e) {
                System.out.println("  getMethod " + name + " -> NoSuchMethodException: " + e.getMessage());
            }
            try {
                Method m = c.getDeclaredMethod(name);
                System.out.println("  getDeclaredMethod " + name + " -> " + m.getDeclaringClass().getSimpleName());
            } catch (NoSuchMethodException e) {
                System.out.println("  getDeclaredMethod " + name + " -> NoSuchMethodException: " + e.getMessage());
            }
        }
        for (String name : new String[] {"user", "timestamp", "USER_KIND", "KIND", "nothing"}) {
            try {
                Field f = c.getField(name);
                System.out.println("  getField " + name + " -> " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                        + (java.lang.reflect.Modifier.isStatic(f.getModifiers()) ? " = " + f.get(null) : ""));
            } catch (NoSuchFieldException e) {
                System.out.println("  getField " + name + " -> NoSuchFieldException: " + e.getMessage());
            }
        }
        Method source = Event.class.getMethod("source");
        for (Object e : events) {
            if (e instanceof Event) {
                System.out.println("  Event.source on " + (e instanceof BaseEvent ? e.getClass().getSimpleName() : "a lambda") + " -> " + source.invoke(e)
                        + ", Auditable: " + (e instanceof Auditable ? Auditable.class.getMethod("severity").invoke(e) : "-"));
            }
        }
        System.out.println("  getMethod on interface finds Object methods? " + hasMethod(UserEvent.class, "hashCode")
                + ", finds its own abstract " + hasMethod(UserEvent.class, "user") + ", inherited default " + hasMethod(UserEvent.class, "source"));
        System.out.println("  AbstractList size declared: " + AbstractList.class.getMethod("size").getDeclaringClass().getSimpleName()
                + ", ArrayList size declared: " + ArrayList.class.getMethod("size").getDeclaringClass().getSimpleName());
        System.out.println("  array class methods: clone public? "
                + java.lang.reflect.Modifier.isPublic(Object.class.getDeclaredMethod("clone").getModifiers())
                + ", getMethod(clone) on int[]: " + hasMethod(int[].class, "clone") + ", length field: " + hasField(int[].class, "length"));
    }

    static boolean hasMethod(Class<?> c, String name) {
        try {
            c.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static boolean hasField(Class<?> c, String name) {
        try {
            c.getField(name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
