// The class library is module java.base, which exports its java.* packages but opens none to
// an application: reflection may make public members of its public classes accessible, and
// nothing else (InaccessibleObjectException, trySetAccessible false), while an application's
// own members may always be made accessible.
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

public class Main {
    private int mine = 1;

    private static String hidden() {
        return "hidden";
    }

    static void tryIt(String what, Action a) {
        try {
            System.out.println(what + " -> " + a.run());
        } catch (Throwable e) {
            System.out.println(what + " -> " + e.getClass().getName());
        }
    }

    interface Action {
        Object run() throws Throwable;
    }

    public static void main(String[] args) throws Exception {
        Method m = Main.class.getDeclaredMethod("hidden");
        m.setAccessible(true);
        System.out.println("own private method: " + m.invoke(null));
        Field f = Main.class.getDeclaredField("mine");
        System.out.println("own private field: " + f.trySetAccessible() + " " + f.get(new Main()));

        Method length = String.class.getMethod("length");
        tryIt("public method of String", () -> {
            length.setAccessible(true);
            return length.invoke("four");
        });
        tryIt("trySetAccessible on a public method", () -> length.trySetAccessible());
        Method[] privates = java.util.ArrayList.class.getDeclaredMethods();
        Method privateOne = null;
        for (Method p : privates) {
            if (java.lang.reflect.Modifier.isPrivate(p.getModifiers())) {
                privateOne = p;
                break;
            }
        }
        Method pm = privateOne;
        tryIt("private method of ArrayList", () -> {
            pm.setAccessible(true);
            return "made accessible";
        });
        tryIt("trySetAccessible on it", () -> pm.trySetAccessible());
        tryIt("canAccess it", () -> pm.canAccess(new java.util.ArrayList<>()));
        Constructor<?> c = Integer.class.getConstructor(int.class);
        tryIt("public constructor of Integer", () -> {
            c.setAccessible(true);
            return c.newInstance(5);
        });
        Field max = Integer.class.getField("MAX_VALUE");
        tryIt("public static final field", () -> {
            max.setAccessible(true);
            return max.get(null);
        });
        tryIt("setting it", () -> {
            max.setInt(null, 1);
            return "set";
        });
    }
}
