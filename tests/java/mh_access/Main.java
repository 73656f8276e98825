// Method handles and access (java.lang.invoke.MethodHandles.Lookup): what a lookup class may
// find, private members through nestmates, findSpecial for super calls, unreflect* of
// reflective members, publicLookup, and the exceptions for final fields, wrong kinds and
// missing members.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

public class Main {
    static class Base {
        String who() {
            return "base";
        }
    }

    static class Derived extends Base {
        @Override
        String who() {
            return "derived";
        }

        static MethodHandle superWho() throws Exception {
            return MethodHandles.lookup().findSpecial(Base.class, "who", MethodType.methodType(String.class), Derived.class);
        }
    }

    static class Holder {
        private int hidden = 1;
        final int fixed = 2;
        static final String CONST = "c";
        private static int counter;

        private String secret(String s) {
            return "secret " + s;
        }
    }

    interface Shape {
        double area();

        default String describe() {
            return "shape of area " + area();
        }
    }

    static void tryIt(String what, Action a) {
        try {
            System.out.println(what + " -> " + a.run());
        } catch (Throwable e) {
            String m = e.getMessage();
            // Messages about denied access name the lookup class's module with a hash: keep the part before it.
            if (m != null && m.contains(", from ")) {
                m = m.substring(0, m.indexOf(", from "));
            }
            System.out.println(what + " -> " + e.getClass().getName() + ": " + m);
        }
    }

    interface Action {
        Object run() throws Throwable;
    }

    public static void main(String[] args) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        System.out.println("lookup class " + lookup.lookupClass().getName());
        tryIt("nestmate private method", () -> lookup.findVirtual(Holder.class, "secret",
                MethodType.methodType(String.class, String.class)).invoke(new Holder(), "x"));
        tryIt("nestmate private field", () -> lookup.findGetter(Holder.class, "hidden", int.class).invoke(new Holder()));
        tryIt("setter of final field", () -> lookup.findSetter(Holder.class, "fixed", int.class));
        tryIt("static setter of final field", () -> lookup.findStaticSetter(Holder.class, "CONST", String.class));
        tryIt("static getter of instance field", () -> lookup.findStaticGetter(Holder.class, "hidden", int.class));
        tryIt("getter of static field", () -> lookup.findGetter(Holder.class, "counter", int.class));
        tryIt("getter with wrong type", () -> lookup.findGetter(Holder.class, "hidden", long.class));
        tryIt("static setter", () -> {
            lookup.findStaticSetter(Holder.class, "counter", int.class).invoke(41);
            return lookup.findStaticGetter(Holder.class, "counter", int.class).invoke();
        });
        tryIt("virtual with wrong return type", () -> lookup.findVirtual(Holder.class, "secret",
                MethodType.methodType(Object.class, String.class)));
        tryIt("constructor not returning void", () -> lookup.findConstructor(Holder.class, MethodType.methodType(int.class)));
        tryIt("missing constructor", () -> lookup.findConstructor(Holder.class, MethodType.methodType(void.class, int.class)));
        tryIt("constructor of an interface", () -> lookup.findConstructor(Shape.class, MethodType.methodType(void.class)));
        tryIt("findVirtual <init>", () -> lookup.findVirtual(Holder.class, "<init>", MethodType.methodType(void.class)));

        tryIt("super call via findSpecial", () -> Derived.superWho().invoke(new Derived()));
        tryIt("virtual call of who", () -> lookup.findVirtual(Base.class, "who", MethodType.methodType(String.class))
                .invoke(new Derived()));
        tryIt("interface default", () -> lookup.findVirtual(Shape.class, "describe", MethodType.methodType(String.class))
                .invoke((Shape) () -> 2.0));
        tryIt("interface abstract", () -> lookup.findVirtual(Shape.class, "area", MethodType.methodType(double.class))
                .invoke((Shape) () -> 3.5));

        Method m = Holder.class.getDeclaredMethod("secret", String.class);
        tryIt("unreflect", () -> lookup.unreflect(m).invoke(new Holder(), "u"));
        tryIt("unreflect type", () -> lookup.unreflect(m).type());
        Field f = Holder.class.getDeclaredField("hidden");
        tryIt("unreflectGetter", () -> lookup.unreflectGetter(f).invoke(new Holder()));
        tryIt("unreflectSetter", () -> {
            Holder h = new Holder();
            lookup.unreflectSetter(f).invoke(h, 9);
            return h.hidden;
        });
        tryIt("unreflectConstructor", () -> lookup.unreflectConstructor(Holder.class.getDeclaredConstructor()).type());
        tryIt("publicLookup of a public method", () -> MethodHandles.publicLookup()
                .findVirtual(String.class, "concat", MethodType.methodType(String.class, String.class)).invoke("a", "b"));
        tryIt("publicLookup of a private method", () -> MethodHandles.publicLookup()
                .findVirtual(Holder.class, "secret", MethodType.methodType(String.class, String.class)));
        tryIt("static method through findVirtual", () -> lookup.findVirtual(Integer.class, "parseInt",
                MethodType.methodType(int.class, String.class)));
        tryIt("missing static", () -> lookup.findStatic(Math.class, "nothing", MethodType.methodType(void.class)));
        tryIt("null receiver", () -> lookup.findVirtual(String.class, "length", MethodType.methodType(int.class))
                .invoke((String) null));
        tryIt("wrong receiver type", () -> lookup.findVirtual(String.class, "length", MethodType.methodType(int.class))
                .invoke((Object) 5));
        tryIt("bindTo wrong type", () -> lookup.findVirtual(String.class, "length", MethodType.methodType(int.class))
                .bindTo(5));
        tryIt("bindTo primitive", () -> MethodHandles.identity(int.class).bindTo(5));
        tryIt("asType impossible", () -> MethodHandles.identity(String.class)
                .asType(MethodType.methodType(int.class, int.class)));
        tryIt("MethodType void parameter", () -> MethodType.methodType(int.class, void.class));
        tryIt("fromMethodDescriptorString bad", () -> MethodType.fromMethodDescriptorString("I", null));
    }
}
