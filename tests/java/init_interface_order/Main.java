// JLS 12.4.2 step 7: before a class, its superclass and then the superinterfaces that declare
// a default (non-abstract instance) method are initialized, each interface's own
// superinterfaces first, in the order of the implements and extends clauses. Interfaces that
// declare no default method are not initialized, nor is an interface initialized by the
// initialization of its subinterfaces (JLS 12.4.1).
public class Main {
    static StringBuilder log = new StringBuilder();

    static String mark(String s) {
        log.append(s).append(' ');
        return s;
    }

    interface I0 {
        String X = mark("I0");

        default void d0() {
        }
    }

    interface I1 extends I0 {
        String X = mark("I1");
    }

    interface I2 extends I1 {
        String X = mark("I2");

        default void d2() {
        }
    }

    interface J {
        String X = mark("J");

        default void dj() {
        }
    }

    interface K extends J, I0 {
        String X = mark("K");

        default void dk() {
        }
    }

    interface NoDefaults {
        String X = mark("NoDefaults");

        void m();
    }

    interface OnlyStatic {
        String X = mark("OnlyStatic");

        static void s() {
        }
    }

    static class Super implements J {
        static {
            mark("Super");
        }
    }

    static class Impl extends Super implements I2, NoDefaults, K, OnlyStatic {
        static {
            mark("Impl");
        }

        public void m() {
        }
    }

    interface Top {
        String X = mark("Top");

        default void t() {
        }
    }

    interface Sub extends Top {
        String Y = mark("Sub");

        static void call() {
            mark("Sub.call");
        }
    }

    static class Other implements NoDefaults {
        static {
            mark("Other");
        }

        public void m() {
        }
    }

    public static void main(String[] args) {
        new Impl();
        System.out.println(log);
        log.setLength(0);
        // Initializing an interface does not initialize its superinterfaces.
        Sub.call();
        System.out.println(log);
        log.setLength(0);
        new Other();
        System.out.println(log);
        log.setLength(0);
        // A default-method call on an instance does not initialize the interface again.
        new Impl().d0();
        Object i = new Impl();
        System.out.println("[" + log + "] " + (i instanceof NoDefaults));
        System.out.println(NoDefaults.X + " " + log);
    }
}
