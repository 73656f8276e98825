// Reflective calls and method handle calls in progress are ordinary frames: the process can be
// captured and resumed (on another architecture too) while a method runs inside
// Method.invoke, Constructor.newInstance, a field access, MethodHandle.invokeExact or invoke,
// and a class initializer runs inside the initialization driver.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

public class Main {
    static int total;

    static class Parent {
        static int base = Child.seed + 1;
    }

    static class Child extends Parent {
        static int seed = 5;

        static int work(int n) {
            int s = 0;
            for (int i = 0; i < n; i++) {
                s += i * seed;
            }
            return s + base;
        }
    }

    int value;

    Main(int v) {
        value = v;
    }

    long scaled(long factor, double bias) {
        return value * factor + (long) bias;
    }

    static String label(String prefix, int n) {
        return prefix + n;
    }

    public static void main(String[] args) throws Throwable {
        System.out.println("init: " + Child.work(10));
        Method scaled = Main.class.getDeclaredMethod("scaled", long.class, double.class);
        Constructor<Main> make = Main.class.getDeclaredConstructor(int.class);
        Field value = Main.class.getDeclaredField("value");
        MethodHandle label = MethodHandles.lookup().findStatic(Main.class, "label",
                MethodType.methodType(String.class, String.class, int.class));
        MethodHandle work = MethodHandles.lookup().findStatic(Child.class, "work",
                MethodType.methodType(int.class, int.class));
        long sum = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            Main m = make.newInstance(i);
            sum += (Long) scaled.invoke(m, 3L, 0.5);
            value.setInt(m, value.getInt(m) + 1);
            sum += m.value;
            sb.append((String) label.invokeExact("#", i));
            sum += (int) work.invokeExact(i);
            sum += (Integer) work.invoke(Integer.valueOf(i));
        }
        System.out.println(sum + " " + sb);
    }
}
