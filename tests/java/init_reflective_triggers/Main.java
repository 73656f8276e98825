// What initializes a class when a framework reaches it reflectively (JLS 12.4.1 and the
// java.lang.reflect / java.lang.invoke specifications): Class.forName(name, false, loader) and
// ClassLoader.loadClass do not, Class.forName(name) and forName(name, true, loader) do; looking
// up members (getDeclaredMethods, getField, findStatic) does not, but Method.invoke of a static
// method, Field.get of a static field, Constructor.newInstance, invoking a static method handle
// or a static getter handle, and Array.newInstance's element class (never) differ as the log
// shows; a constant field read reflectively still initializes, unlike a compiled constant read.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final List<String> LOG = new ArrayList<>();

    static class ByForNameFalse {
        static {
            LOG.add("ByForNameFalse");
        }
    }

    static class ByForNameTrue {
        static {
            LOG.add("ByForNameTrue");
        }
    }

    static class ByPlainForName {
        static {
            LOG.add("ByPlainForName");
        }
    }

    static class ByLoadClass {
        static {
            LOG.add("ByLoadClass");
        }

        static void touch() {
        }
    }

    static class ByMethodInvoke {
        static {
            LOG.add("ByMethodInvoke");
        }

        static int twice(int x) {
            return 2 * x;
        }

        int instance() {
            return 1;
        }
    }

    static class ByFieldGet {
        static final String CONSTANT = "constant";
        static final Integer BOXED = 7;
        static int counter = 3;

        static {
            LOG.add("ByFieldGet");
        }
    }

    static class ByNewInstance {
        static {
            LOG.add("ByNewInstance");
        }

        ByNewInstance() {
            LOG.add("ByNewInstance()");
        }
    }

    static class ByHandle {
        static long stamp = 99;

        static {
            LOG.add("ByHandle");
        }

        static String hello(String who) {
            return "hello " + who;
        }
    }

    static class ByArray {
        static {
            LOG.add("ByArray");
        }
    }

    static class Parent {
        static int inherited = 5;

        static {
            LOG.add("Parent");
        }
    }

    static class Child extends Parent {
        static {
            LOG.add("Child");
        }
    }

    interface Step {
        Object run() throws Throwable;
    }

    static void step(String label, Step s) {
        LOG.clear();
        Object r;
        try {
            r = s.run();
        } catch (Throwable t) {
            r = t;
        }
        System.out.println(label + " -> " + r + " " + LOG);
    }

    public static void main(String[] args) {
        ClassLoader loader = Main.class.getClassLoader();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        step("forName(false)", () -> Class.forName("Main$ByForNameFalse", false, loader).getSimpleName());
        step("getDeclaredMethods of it", () -> Class.forName("Main$ByForNameFalse", false, loader).getDeclaredMethods().length);
        step("forName(true)", () -> Class.forName("Main$ByForNameTrue", true, loader).getSimpleName());
        step("forName(name)", () -> Class.forName("Main$ByPlainForName").getSimpleName());
        step("forName(name) again", () -> Class.forName("Main$ByPlainForName").getSimpleName());
        step("loadClass", () -> loader.loadClass("Main$ByLoadClass").getSimpleName());
        step("getMethod on loaded", () -> loader.loadClass("Main$ByLoadClass").getDeclaredMethod("touch").getName());
        step("static call after loadClass", () -> {
            ByLoadClass.touch();
            return "touched";
        });
        Method twice = null;
        try {
            twice = ByMethodInvoke.class.getDeclaredMethod("twice", int.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        Method twiceM = twice;
        step("getDeclaredMethod", () -> twiceM.getName());
        step("Method.invoke static", () -> twiceM.invoke(null, 21));
        step("getDeclaredField constant", () -> ByFieldGet.class.getDeclaredField("CONSTANT").getType().getSimpleName());
        step("compiled constant read", () -> ByFieldGet.CONSTANT);
        step("Field.get of the constant", () -> ByFieldGet.class.getDeclaredField("CONSTANT").get(null));
        step("Field.get again", () -> ByFieldGet.class.getDeclaredField("BOXED").get(null));
        step("getDeclaredConstructor", () -> ByNewInstance.class.getDeclaredConstructor().getParameterCount());
        step("newInstance", () -> ByNewInstance.class.getDeclaredConstructor().newInstance() != null);
        step("findStatic", () -> lookup.findStatic(ByHandle.class, "hello", MethodType.methodType(String.class, String.class)).type());
        step("findStaticGetter", () -> lookup.findStaticGetter(ByHandle.class, "stamp", long.class).type());
        step("invoke getter handle", () -> (long) lookup.findStaticGetter(ByHandle.class, "stamp", long.class).invokeExact());
        step("Array.newInstance", () -> Array.getLength(Array.newInstance(ByArray.class, 3)));
        step("2d Array.newInstance", () -> Array.newInstance(ByArray.class, 2, 2).getClass().getSimpleName());
        step("array class via forName", () -> Class.forName("[LMain$ByArray;").getSimpleName());
        step("componentType", () -> ByArray[].class.getComponentType().getSimpleName());
        step("Child.inherited via field", () -> Child.class.getField("inherited").getInt(null));
        step("Child.inherited compiled", () -> Child.inherited);
        step("Child via forName(false) then newInstance", () -> Class.forName("Main$Child", false, loader).getDeclaredConstructor().newInstance().getClass().getSimpleName());
        step("isInstance/cast", () -> ByArray.class.isInstance(null) + " " + ByArray.class.cast(null));
        step("new ByArray", () -> new ByArray().getClass().getSimpleName());
    }
}
