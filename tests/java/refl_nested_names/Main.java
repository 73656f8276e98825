// What a logging or dependency-injection framework asks a Class about its place in the source:
// getName, getSimpleName, getCanonicalName, getTypeName, getPackageName, getEnclosingClass,
// getDeclaringClass, getEnclosingMethod/Constructor, getNestHost, isNestmateOf, getNestMembers,
// isMemberClass/isLocalClass/isAnonymousClass, getDeclaredClasses and getClasses, for member,
// inner, local, anonymous and array classes at several depths, and for top-level classes of
// another source file.
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

public class Main {
    public static class Service {
        public interface Listener {
            void on(String event);
        }

        protected static class Config {
            static class Deep {
                class DeeperInner {
                }
            }
        }

        class Worker {
            Object spawn() {
                class LocalTask {
                }
                return new LocalTask();
            }
        }

        private enum State { IDLE, BUSY }

        record Snapshot(int value) {
        }
    }

    final Object fromField = new Object() {
        @Override
        public String toString() {
            return "field anonymous";
        }
    };

    final Object fromConstructor;

    Main() {
        class InConstructor {
        }
        fromConstructor = new InConstructor();
    }

    static Object fromStaticInit;

    static {
        class InStaticInit {
        }
        fromStaticInit = new InStaticInit();
    }

    static String name(Class<?> c) {
        return c == null ? "null" : c.getName();
    }

    static void describe(String label, Class<?> c) {
        System.out.println("[" + label + "]");
        System.out.println("  name " + c.getName() + " | simple '" + c.getSimpleName() + "' | canonical " + c.getCanonicalName()
                + " | type " + c.getTypeName() + " | package '" + c.getPackageName() + "'");
        System.out.println("  enclosing " + name(c.getEnclosingClass()) + " | declaring " + name(c.getDeclaringClass())
                + " | nest host " + name(c.getNestHost()));
        System.out.println("  member " + c.isMemberClass() + " local " + c.isLocalClass() + " anonymous " + c.isAnonymousClass()
                + " synthetic " + c.isSynthetic());
        if (c.getEnclosingMethod() != null) {
            System.out.println("  enclosing method " + c.getEnclosingMethod().getName());
        }
        if (c.getEnclosingConstructor() != null) {
            System.out.println("  enclosing constructor of " + c.getEnclosingConstructor().getDeclaringClass().getName()
                    + " with " + c.getEnclosingConstructor().getParameterCount() + " params");
        }
    }

    static List<String> names(Class<?>[] cs) {
        List<String> out = new ArrayList<>();
        for (Class<?> c : cs) {
            out.add(c.getSimpleName());
        }
        out.sort(null);
        return out;
    }

    public static void main(String[] args) {
        Main m = new Main();
        Service.Worker worker = new Service().new Worker();
        Runnable anonymousRunnable = new Runnable() {
            public void run() {
            }
        };
        Supplier<Object> inLambda = () -> {
            class InLambda {
            }
            return new InLambda();
        };
        class LocalRecord {
            Object nestedAnonymous() {
                return new Object() { };
            }
        }

        describe("top level", Main.class);
        describe("other file", Helper.class);
        describe("other file nested", Helper.Nested.class);
        describe("static member", Service.class);
        describe("member interface", Service.Listener.class);
        describe("two deep", Service.Config.Deep.class);
        describe("inner of deep", Service.Config.Deep.DeeperInner.class);
        describe("inner", Service.Worker.class);
        describe("local in method of inner", worker.spawn().getClass());
        describe("enum member", Service.State.class);
        describe("record member", Service.Snapshot.class);
        describe("anonymous in field", m.fromField.getClass());
        describe("local in constructor", m.fromConstructor.getClass());
        describe("local in static init", fromStaticInit.getClass());
        describe("anonymous in main", anonymousRunnable.getClass());
        describe("local in lambda", inLambda.get().getClass());
        describe("local in main", LocalRecord.class);
        describe("anonymous in local", new LocalRecord().nestedAnonymous().getClass());
        describe("array of member", Service.Listener[].class);
        describe("2d array of local", LocalRecord[][].class);
        describe("array of anonymous", java.lang.reflect.Array.newInstance(anonymousRunnable.getClass(), 0).getClass());
        describe("primitive", int.class);
        describe("primitive array", long[][].class);
        describe("library nested", java.util.Map.Entry.class);
        describe("library array", String[].class);

        System.out.println("declared classes of Main " + names(Main.class.getDeclaredClasses()));
        System.out.println("declared classes of Service " + names(Service.class.getDeclaredClasses()));
        System.out.println("public classes of Service " + names(Service.class.getClasses()));
        System.out.println("declared classes of Helper " + names(Helper.class.getDeclaredClasses()));
        System.out.println("nest members of Main: " + Main.class.getNestMembers().length + " of Service: "
                + Service.class.getNestMembers().length + " host " + Service.class.getNestMembers()[0].getName());
        System.out.println("nestmates: " + Main.class.isNestmateOf(Service.Config.Deep.class) + " "
                + Service.Worker.class.isNestmateOf(LocalRecord.class) + " " + Main.class.isNestmateOf(Helper.class)
                + " " + Helper.Nested.class.isNestmateOf(Helper.class) + " " + int[].class.isNestmateOf(int[].class));
        System.out.println("lambda class: anonymous " + inLambda.getClass().isAnonymousClass() + ", local "
                + inLambda.getClass().isLocalClass() + ", member " + inLambda.getClass().isMemberClass()
                + ", synthetic " + inLambda.getClass().isSynthetic() + ", hidden " + inLambda.getClass().isHidden()
                + ", canonical " + inLambda.getClass().getCanonicalName());
        System.out.println(Arrays.asList(Service.State.values()) + " " + new Service.Snapshot(3));
    }
}
