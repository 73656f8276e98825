// Which static final fields are compile-time constants (read without initializing their
// class, JLS 13.1 and 12.4.1) and which are not, as settings classes mix them: primitives and
// strings from constant expressions (including concatenation, casts and ternaries of
// constants) versus values from method calls, boxed types, null, and arrays; switch on an enum
// and on a constant; instanceof and casts (no initialization); a static interface method call
// (initializes that interface only); a static nested class untouched until used; and a
// subclass reference to a superclass's static (only the superclass initializes).
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final List<String> LOG = new ArrayList<>();

    static class Settings {
        static final int PORT = 8000 + 80;
        static final long MAX_BYTES = 1L << 40;
        static final String HOST = "local" + "host";
        static final String URL = "http://" + HOST + ":" + PORT;
        static final boolean DEBUG = PORT > 8000 && !HOST.isEmpty();
        static final char SEP = (char) ('/' + 0);
        static final double RATIO = PORT / 2.0;
        static final String MODE = DEBUG_DEFAULT() ? "debug" : "prod";
        static final Integer BOXED = 42;
        static final String NOTHING = null;
        static final int[] SIZES = {1, 2};
        static final String UPPER = "host".toUpperCase();
        static final int LENGTH = "abc".length();

        static boolean DEBUG_DEFAULT() {
            return true;
        }

        static {
            LOG.add("Settings");
        }

        static class Advanced {
            static final int RETRIES = compute();

            static int compute() {
                LOG.add("Settings.Advanced");
                return 3;
            }
        }
    }

    enum Level {
        LOW, HIGH;

        static {
            LOG.add("Level");
        }
    }

    interface Greeting {
        String DEFAULT = trace("Greeting");

        static String hello() {
            return "hello";
        }
    }

    interface LoudGreeting extends Greeting {
        String LOUD = trace("LoudGreeting");

        static String shout() {
            return "HELLO";
        }
    }

    static class Base {
        static int shared = 1;

        static {
            LOG.add("Base");
        }
    }

    static class Sub extends Base {
        static int own = 2;

        static {
            LOG.add("Sub");
        }
    }

    static String trace(String s) {
        LOG.add(s);
        return s;
    }

    static String levelName(Level l) {
        switch (l) {
            case LOW:
                return "low";
            case HIGH:
                return "high";
            default:
                return "?";
        }
    }

    static String portName(int p) {
        switch (p) {
            case Settings.PORT:
                return "default port";
            default:
                return "port " + p;
        }
    }

    interface Step {
        Object run();
    }

    static void step(String label, Step s) {
        LOG.clear();
        Object r = s.run();
        System.out.println(label + " = " + r + "  " + LOG);
    }

    public static void main(String[] args) {
        step("PORT", () -> Settings.PORT);
        step("MAX_BYTES", () -> Settings.MAX_BYTES);
        step("HOST", () -> Settings.HOST);
        step("URL", () -> Settings.URL);
        step("SEP", () -> Settings.SEP);
        step("RATIO", () -> Settings.RATIO);
        step("switch on constant", () -> portName(8080));
        step("instanceof", () -> (Object) "x" instanceof Settings);
        step("cast of null", () -> (Settings) null);
        step("Settings[] array", () -> new Settings[1][2].length);
        step("Advanced.RETRIES", () -> Settings.Advanced.RETRIES);
        step("BOXED", () -> Settings.BOXED);
        step("DEBUG", () -> Settings.DEBUG);
        step("MODE", () -> Settings.MODE);
        step("NOTHING", () -> Settings.NOTHING);
        step("SIZES", () -> Settings.SIZES.length);
        step("UPPER and LENGTH", () -> Settings.UPPER + " " + Settings.LENGTH);
        step("Level.class", () -> Level.class.getSimpleName());
        step("switch on enum", () -> levelName(Level.HIGH));
        step("enum again", () -> Level.LOW.ordinal());
        step("LoudGreeting.shout()", LoudGreeting::shout);
        step("Greeting.hello()", Greeting::hello);
        step("LoudGreeting.LOUD", () -> LoudGreeting.LOUD);
        step("Sub.shared", () -> Sub.shared);
        step("Sub.own", () -> Sub.own);
    }
}
