public class Main {
    static int counter = log("Main.counter initializer");

    static int log(String what) {
        System.out.println("  " + what);
        return 0;
    }

    static class Parent {
        static int sp = log("Parent static field");
        static { log("Parent static block"); }
        int ip = log("Parent instance field");
        { log("Parent instance block"); }

        Parent() {
            this("default");
            log("Parent() after this()");
        }

        Parent(String name) {
            log("Parent(String " + name + ")");
            hook();
        }

        void hook() { log("Parent.hook"); }
    }

    static class Child extends Parent {
        static { log("Child static block 1"); }
        static int sc = log("Child static field");
        static { log("Child static block 2"); }
        int ic = log("Child instance field");
        String name = "set-by-initializer";
        { log("Child instance block, name=" + name); }

        Child() {
            super();
            log("Child() body");
        }

        Child(int x) {
            this();
            log("Child(int " + x + ") body");
        }

        @Override
        void hook() { log("Child.hook sees name=" + name + " ic=" + ic); }
    }

    static class Fields {
        int a = 1;
        int b = a + 1;
        int c;
        { c = a + b; }
        final int d;
        Fields() { d = c * 10; }
        static final int CONST = 42;
        static int notConst = CONST + 1;
    }

    static { log("Main static block"); }

    public static void main(String[] args) {
        System.out.println("main starts");
        System.out.println("new Child():");
        new Child();
        System.out.println("new Child(7):");
        new Child(7);
        System.out.println("new Parent(\"p\"):");
        new Parent("p");
        Fields f = new Fields();
        System.out.println(f.a + " " + f.b + " " + f.c + " " + f.d + " " + Fields.CONST + " " + Fields.notConst);
        System.out.println("main ends");
    }
}
