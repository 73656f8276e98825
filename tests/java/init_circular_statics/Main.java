// Circular static initialization as it happens in real code (JLS 12.4.2 step 3: a recursive
// request by the initializing thread returns at once): a registry and its default entries
// that refer to each other, the classic singleton created before the static fields its
// constructor uses (seeing defaults, then overwritten), an enum whose constructor cannot see
// the enum's own statics yet, a holder class initialized lazily on first use, and a subclass
// whose overridden method runs from the superclass's static initializer before its own
// static fields are set.
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final List<String> TRACE = new ArrayList<>();

    static class Registry {
        static final List<String> ENTRIES = new ArrayList<>();
        static final Registry DEFAULT;
        static int size;

        static {
            TRACE.add("Registry start, Defaults.FIRST = " + Defaults.FIRST);
            DEFAULT = new Registry();
            size = ENTRIES.size();
            TRACE.add("Registry end, size " + size);
        }

        static void register(String name) {
            TRACE.add("register " + name + " (ENTRIES " + (ENTRIES == null ? "null" : "ready") + ", DEFAULT "
                    + (DEFAULT == null ? "null" : "ready") + ")");
            if (ENTRIES != null) {
                ENTRIES.add(name);
            }
        }
    }

    static class Defaults {
        static final String FIRST;

        static {
            TRACE.add("Defaults start");
            Registry.register("alpha");
            FIRST = "alpha";
            Registry.register("beta");
            TRACE.add("Defaults end");
        }
    }

    static class Counter {
        static final Counter INSTANCE = new Counter();
        static int created = 0;
        static final int LIMIT = 10;
        static Integer boxedLimit = 10;
        final int seenCreated;
        final int seenLimit;
        final Integer seenBoxed;

        Counter() {
            created++;
            seenCreated = created;
            seenLimit = LIMIT;
            seenBoxed = boxedLimit;
        }
    }

    enum Color {
        RED, GREEN, BLUE;

        static final List<String> NAMES = new ArrayList<>();
        static int count;
        final String seen;

        Color() {
            seen = snapshot();
        }

        // javac refuses the enum's statics in its constructor; a static method reaches them.
        static String snapshot() {
            return "NAMES " + (NAMES == null ? "null" : "set") + ", count " + count;
        }

        static {
            for (Color c : values()) {
                NAMES.add(c.name().toLowerCase());
                count++;
            }
        }
    }

    static class Config {
        static {
            TRACE.add("Config loaded");
        }

        static String get(String key) {
            return Holder.VALUES.getOrDefault(key, "?");
        }

        private static class Holder {
            static final java.util.Map<String, String> VALUES = new java.util.TreeMap<>();

            static {
                TRACE.add("Config.Holder loaded");
                VALUES.put("mode", "fast");
            }
        }
    }

    static class Base {
        static final String BASE_NAME;

        static {
            TRACE.add("Base start");
            BASE_NAME = Derived.describe();
            TRACE.add("Base end: " + BASE_NAME);
        }
    }

    static class Derived extends Base {
        static String suffix = "-derived";

        static {
            TRACE.add("Derived init, suffix " + suffix);
        }

        static String describe() {
            return "described" + suffix;
        }
    }

    static void show(String label) {
        System.out.println(label);
        for (String t : TRACE) {
            System.out.println("  " + t);
        }
        TRACE.clear();
    }

    public static void main(String[] args) {
        System.out.println("registry size " + Registry.size + ", entries " + Registry.ENTRIES + ", first " + Defaults.FIRST);
        show("trace:");
        System.out.println("Defaults first, then Registry? Registry already done: " + Registry.ENTRIES.size());
        Counter c = Counter.INSTANCE;
        System.out.println("singleton saw created " + c.seenCreated + ", LIMIT " + c.seenLimit + ", boxed " + c.seenBoxed
                + "; now created " + Counter.created + ", boxed " + Counter.boxedLimit);
        for (Color col : Color.values()) {
            System.out.println(col + ": " + col.seen);
        }
        System.out.println("names " + Color.NAMES + " count " + Color.count);
        System.out.println("config before use:");
        show("trace:");
        System.out.println("mode = " + Config.get("mode") + ", other = " + Config.get("other"));
        show("trace:");
        System.out.println("Derived.suffix = " + Derived.suffix + ", Base.BASE_NAME = " + Base.BASE_NAME);
        show("trace:");
        System.out.println("describe now: " + Derived.describe());
    }
}
