// JLS 12.4.2: a class is marked as being initialized by the current thread (step 6) before its
// superclass is initialized (step 7), so a request for it from the superclass's static
// initializer, made by the same thread, returns at once (step 3) and sees default values; the
// subclass's own initializer runs only after the superclass's has completed.
public class Main {
    static StringBuilder log = new StringBuilder();

    static class Parent {
        static String name;

        static {
            log.append("parent-start ");
            // Child is being initialized by this thread: this reads its default value.
            Child.value = Child.value + "-parent";
            name = "parent(" + Child.value + ")";
            log.append("parent-end ");
        }
    }

    static class Child extends Parent {
        static String value;
        static final String CONSTANT = "constant";
        static final int NUMBER = 42;

        static {
            log.append("child ");
            value = value + "-child";
        }

        static void touch() {
        }
    }

    // The same, reached from an instance creation and a static call of a grandchild.
    static class A {
        static int seen;

        static {
            seen = C.counter;
            C.counter = 100;
            log.append("A ");
        }
    }

    static class B extends A {
        static {
            log.append("B ");
        }
    }

    static class C extends B {
        static int counter = 1;

        static {
            counter++;
            log.append("C ");
        }

        C() {
            log.append("new-C ");
        }
    }

    // The superclass's initializer calls a static method of the subclass.
    static class Base {
        static int fromSub;

        static {
            fromSub = Sub.compute();
            log.append("Base ");
        }
    }

    static class Sub extends Base {
        static int factor = 10;

        static int compute() {
            return factor + 1;
        }

        static {
            log.append("Sub ");
        }
    }

    // A constant of the class being initialized is set before the superclass runs.
    static class ReadsConstant {
        static String seen;

        static {
            seen = HasConstant.NAME + "/" + HasConstant.plain;
        }
    }

    static class HasConstant extends ReadsConstant {
        static final String NAME = "const";
        static String plain = "plain";
    }

    public static void main(String[] args) {
        System.out.println(Child.value);
        System.out.println(Parent.name);
        System.out.println(log);
        log.setLength(0);
        new C();
        System.out.println("A.seen=" + A.seen + " C.counter=" + C.counter + " " + log);
        log.setLength(0);
        System.out.println("Sub.factor=" + Sub.factor + " Base.fromSub=" + Base.fromSub + " " + log);
        System.out.println(HasConstant.plain + " " + ReadsConstant.seen);
    }
}
