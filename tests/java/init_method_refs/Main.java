// When method references and lambdas initialize classes (JLS 12.4.1, 15.13.3): creating a
// reference to a static method or a constructor does not initialize its class; invoking it
// does, as a direct call would. Creating a lambda initializes its functional interface if
// that declares default methods, as creating an instance of a class implementing it would
// (JLS 12.4.2 step 7).
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

public class Main {
    static StringBuilder log = new StringBuilder();

    static void show(String what) {
        System.out.println(what + ": [" + log.toString().trim() + "]");
        log.setLength(0);
    }

    static class Statics {
        static {
            log.append("Statics ");
        }

        static int answer() {
            return 42;
        }
    }

    static class Made {
        static {
            log.append("Made ");
        }

        final String s;

        Made(String s) {
            this.s = s;
        }
    }

    static class Instance {
        static {
            log.append("Instance ");
        }

        int get() {
            return 7;
        }
    }

    interface WithDefault {
        Object unused = mark("WithDefault");

        int value();

        default int twice() {
            return 2 * value();
        }
    }

    static Object mark(String s) {
        log.append(s).append(' ');
        return s;
    }

    public static void main(String[] args) {
        IntSupplier ref = Statics::answer;
        show("static method reference created");
        int a = ref.getAsInt();
        show("invoked " + a);

        Function<String, Made> ctor = Made::new;
        show("constructor reference created");
        Made m = ctor.apply("x");
        show("invoked " + m.s);

        Function<Instance, Integer> getter = Instance::get;
        show("unbound instance reference created");

        WithDefault w = () -> 5;
        show("lambda of an interface with defaults created");
        int v = w.value();
        show("abstract method called " + v);
        int t = w.twice();
        show("default method called " + t);

        Supplier<int[]> arrays = () -> new int[3];
        show("array lambda " + arrays.get().length);
    }
}
