public class Main {
    static void say(String s) { System.out.println(s); }

    static class A {
        static { say("init A"); }
        static int value = 10;
        static final int CONSTANT = 99;
        static final String SCONST = "compile-time";
        static final Integer BOXED = 5;
        static void touch() { say("A.touch"); }
    }

    static class B extends A {
        static { say("init B"); }
        static int bValue = 20;
    }

    static class C extends B {
        static { say("init C"); }
        static int cValue = 30;
    }

    interface I {
        int ICONST = 7;
        Object OBJ = make("I.OBJ");
        static Object make(String s) { say("init " + s); return s; }
    }

    interface J extends I {
        Object JOBJ = I.make("J.JOBJ");
        default void dm() { }
    }

    static class Impl implements J {
        static { say("init Impl"); }
    }

    static class Holder {
        static { say("init Holder"); }
        static final Object INSTANCE = new Object();
    }

    static class Arr {
        static { say("init Arr"); }
    }

    static class Circular1 {
        static int x = Circular2.y + 1;
        static { say("Circular1 done x=" + x); }
    }

    static class Circular2 {
        static int y = Circular1.x + 10;
        static { say("Circular2 done y=" + y); }
    }

    public static void main(String[] args) {
        say("start");
        A declared = null;
        say("declared a variable of type A: " + declared);
        Arr[] arrays = new Arr[3];
        say("created Arr[]: " + arrays.length);
        say("A.CONSTANT = " + A.CONSTANT + ", SCONST = " + A.SCONST);
        say("B.value via subclass = " + B.value);
        say("A.value again = " + A.value);
        A.touch();
        say("B.bValue = " + B.bValue);
        say("C.cValue = " + C.cValue);
        say("A.BOXED = " + A.BOXED);
        say("I.ICONST = " + I.ICONST);
        say("new Impl");
        new Impl();
        say("J.JOBJ = " + J.JOBJ);
        say("I.OBJ = " + I.OBJ);
        Class<?> k = Holder.class;
        say("Holder.class obtained: " + k.getSimpleName());
        say("Holder.INSTANCE null? " + (Holder.INSTANCE == null));
        say("Circular1.x = " + Circular1.x + ", Circular2.y = " + Circular2.y);
        say("end");
    }
}
