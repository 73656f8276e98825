import java.util.ArrayList;
import java.util.List;

public class Main {
    private int secret = 42;
    private static String staticSecret = "static-secret";
    private final String name;

    Main(String name) { this.name = name; }

    private String privateMethod() { return "private of " + name; }

    class Inner {
        private int innerSecret = secret * 2;
        String show() { return "Inner sees secret=" + secret + " name=" + name + " " + privateMethod() + " outer=" + Main.this.name; }
        class Deeper {
            String show() { return "Deeper sees " + innerSecret + " and " + secret + " and " + Main.this.name; }
        }
    }

    static class Nested {
        private int hidden = 7;
        String show(Main m) { return "Nested sees " + m.secret + " " + staticSecret; }
    }

    interface Counter {
        int next();
    }

    Counter makeCounter(int start) {
        int step = 3;
        class LocalCounter implements Counter {
            int current = start;
            public int next() {
                current += step;
                secret++;
                return current;
            }
        }
        return new LocalCounter();
    }

    Counter anonymousCounter() {
        return new Counter() {
            int n = 100;
            @Override public int next() {
                return n-- + secret;
            }
            @Override public String toString() { return "anon counter at " + n; }
        };
    }

    static abstract class Greeter {
        final String greeting;
        Greeter(String g) { greeting = g; }
        abstract String greet(String who);
    }

    public static void main(String[] args) {
        Main outer = new Main("outer1");
        Main.Inner inner = outer.new Inner();
        System.out.println(inner.show());
        Main.Inner.Deeper deeper = inner.new Deeper();
        System.out.println(deeper.show());
        Nested nested = new Nested();
        System.out.println(nested.show(outer) + " hidden=" + nested.hidden + " innerSecret=" + inner.innerSecret);
        Counter c = outer.makeCounter(10);
        System.out.println(c.next() + " " + c.next() + " " + c.next() + " secret now " + outer.secret);
        Counter a = outer.anonymousCounter();
        System.out.println(a.next() + " " + a.next() + " " + a);
        Greeter g = new Greeter("Hello") {
            @Override String greet(String who) { return greeting + ", " + who + "!"; }
        };
        System.out.println(g.greet("world"));
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final int captured = i;
            tasks.add(new Runnable() {
                public void run() { System.out.println("task " + captured + " of " + outer.name); }
            });
        }
        for (Runnable r : tasks) {
            r.run();
        }
        Main other = new Main("outer2");
        Inner i2 = other.new Inner();
        System.out.println(i2.show());
        System.out.println(Inner.class.getName() + " " + Inner.Deeper.class.getName() + " " + Nested.class.getSimpleName() + " " + a.getClass().getName()
                + " " + c.getClass().getName() + " " + Inner.class.getEnclosingClass().getName() + " " + Inner.class.getNestHost().getName());
        outer.secret = -1;
        System.out.println(inner.show() + " / " + a.next());
    }
}
