// Adapting method handles to the shape a caller has, as scripting-language bridges and
// command frameworks do: bindTo a receiver (and its type errors), asType with widening,
// boxing, unboxing, casts and void/return adjustments (and the conversions it refuses),
// asSpreader and asCollector, asVarargsCollector/withVarargs, invokeWithArguments with arrays
// and lists (spreading, varargs, too many/few arguments), insertArguments and dropArguments.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class Main {
    static final MethodHandles.Lookup L = MethodHandles.lookup();

    static class Logger {
        final String prefix;
        final List<String> lines = new ArrayList<>();

        Logger(String prefix) {
            this.prefix = prefix;
        }

        void log(String level, String msg) {
            lines.add(prefix + "[" + level + "] " + msg);
        }

        int count() {
            return lines.size();
        }
    }

    static String format(String pattern, Object... args) {
        return pattern + Arrays.toString(args);
    }

    static int sum3(int a, int b, int c) {
        return a + b + c;
    }

    static double average(double... xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return xs.length == 0 ? 0 : s / xs.length;
    }

    interface Op {
        Object run() throws Throwable;
    }

    static void attempt(String label, Op op) {
        try {
            System.out.println(label + " -> " + op.run());
        } catch (Throwable e) {
            // The messages of NullPointerException and ClassCastException thrown by conversions
            // name the library's internal variables and casts: print their class only.
            boolean terse = e instanceof NullPointerException || e instanceof ClassCastException;
            System.out.println(label + " -> " + e.getClass().getSimpleName() + (e.getMessage() == null || terse ? "" : ": " + e.getMessage()));
        }
    }

    public static void main(String[] args) throws Throwable {
        MethodHandle log = L.findVirtual(Logger.class, "log", MethodType.methodType(void.class, String.class, String.class));
        Logger app = new Logger("app");
        MethodHandle appLog = log.bindTo(app);
        MethodHandle appInfo = MethodHandles.insertArguments(appLog, 0, "INFO");
        appLog.invokeExact("WARN", "disk almost full");
        appInfo.invokeExact("started");
        appInfo.invoke((Object) "object arg");
        System.out.println(appLog.type() + " " + appInfo.type() + " " + app.lines);
        attempt("bindTo wrong receiver", () -> log.bindTo("not a logger"));
        attempt("bindTo on static", () -> L.findStatic(Main.class, "sum3", MethodType.methodType(int.class, int.class, int.class, int.class)).bindTo(1));
        attempt("bindTo null", () -> log.bindTo(null).type());
        MethodHandle count = L.findVirtual(Logger.class, "count", MethodType.methodType(int.class)).bindTo(app);
        System.out.println("bound count " + (int) count.invokeExact() + " " + count.type());

        MethodHandle sum3 = L.findStatic(Main.class, "sum3", MethodType.methodType(int.class, int.class, int.class, int.class));
        MethodHandle generic = sum3.asType(MethodType.methodType(Object.class, Object.class, Object.class, Object.class));
        System.out.println("generic sum " + generic.invokeExact((Object) 1, (Object) 2, (Object) 3) + " " + generic.type());
        attempt("generic with short", () -> generic.invoke((Object) (short) 1, (Object) 2, (Object) 3));
        attempt("generic with long", () -> generic.invoke((Object) 1L, (Object) 2, (Object) 3));
        attempt("generic with String", () -> generic.invoke((Object) "1", (Object) 2, (Object) 3));
        attempt("generic with null", () -> generic.invoke((Object) null, (Object) 2, (Object) 3));
        MethodHandle widened = sum3.asType(MethodType.methodType(long.class, byte.class, char.class, short.class));
        System.out.println("widened " + (long) widened.invokeExact((byte) 1, 'A', (short) 3) + " " + widened.type());
        MethodHandle dropped = sum3.asType(MethodType.methodType(void.class, int.class, int.class, int.class));
        dropped.invokeExact(1, 2, 3);
        System.out.println("void result " + dropped.type());
        MethodHandle boxedRet = sum3.asType(MethodType.methodType(Number.class, int.class, int.class, int.class));
        System.out.println("Number result " + boxedRet.invoke(4, 5, 6).getClass().getSimpleName());
        attempt("asType int->short param", () -> sum3.asType(MethodType.methodType(int.class, long.class, int.class, int.class)));
        attempt("asType arity", () -> sum3.asType(MethodType.methodType(int.class, int.class, int.class)));
        attempt("asType int->String", () -> sum3.asType(MethodType.methodType(String.class, int.class, int.class, int.class)));
        attempt("asType boolean", () -> sum3.asType(MethodType.methodType(int.class, boolean.class, int.class, int.class)));
        attempt("asType Integer->byte result", () -> sum3.asType(MethodType.methodType(byte.class, int.class, int.class, int.class)));

        MethodHandle spread = sum3.asSpreader(int[].class, 3);
        MethodHandle spreadTail = sum3.asSpreader(Object[].class, 2);
        System.out.println("spread " + (int) spread.invokeExact(new int[] {10, 20, 30}) + " " + spread.type()
                + " tail " + spreadTail.invoke(1, new Object[] {2, 3}) + " " + spreadTail.type());
        attempt("spread wrong length", () -> spread.invoke(new int[] {1, 2}));
        attempt("spread null array", () -> spread.invoke((int[]) null));
        MethodHandle collected = spread.asCollector(int[].class, 3);
        System.out.println("collected back " + collected.type() + " = " + collected.invoke(7, 8, 9));

        MethodHandle format = L.findStatic(Main.class, "format", MethodType.methodType(String.class, String.class, Object[].class));
        System.out.println("format varargs? " + format.isVarargsCollector() + " " + format.type());
        System.out.println(format.invoke("p", 1, "two", 3.0));
        System.out.println(format.invoke("none"));
        System.out.println(format.invoke("array", new Object[] {"as", "is"}));
        System.out.println(format.invoke("null", (Object[]) null));
        System.out.println(format.invokeWithArguments("list", 1, 2));
        System.out.println(format.invokeWithArguments(List.of("fromList", "a", "b", "c")));
        MethodHandle fixed = format.asFixedArity();
        attempt("fixed arity with extra args", () -> fixed.invoke("p", 1, 2));
        System.out.println("fixed with array: " + fixed.invoke("p", new Object[] {1, 2}));
        MethodHandle collector = fixed.asCollector(Object[].class, 2);
        System.out.println("asCollector(2): " + collector.type() + " " + collector.invoke("two", 'x', 'y'));
        MethodHandle avg = L.findStatic(Main.class, "average", MethodType.methodType(double.class, double[].class));
        System.out.println("average " + avg.invoke(1, 2, 4) + " " + avg.invoke() + " " + avg.invokeWithArguments(1.5f, 2L));
        MethodHandle sumVar = sum3.asSpreader(int[].class, 3).asVarargsCollector(int[].class);
        System.out.println("varargs sum " + sumVar.invoke(1, 2, 3) + " " + sumVar.isVarargsCollector() + " withVarargs(false) "
                + sumVar.withVarargs(false).isVarargsCollector());
        attempt("varargs sum with 2", () -> sumVar.invoke(1, 2));
        attempt("withVarargs on non-array", () -> sum3.withVarargs(true));
        attempt("asVarargsCollector wrong type", () -> sum3.asVarargsCollector(int[].class));

        attempt("invokeWithArguments too few", () -> sum3.invokeWithArguments(1, 2));
        attempt("invokeWithArguments too many", () -> sum3.invokeWithArguments(1, 2, 3, 4));
        attempt("invokeWithArguments boxed", () -> sum3.invokeWithArguments(Integer.valueOf(1), (short) 2, 'c'));
        attempt("invokeWithArguments wrong type", () -> sum3.invokeWithArguments(1, 2, "3"));
        attempt("invokeWithArguments null list", () -> sum3.invokeWithArguments((List<?>) null));

        MethodHandle ignoring = MethodHandles.dropArguments(sum3, 1, String.class, List.class);
        System.out.println("dropArguments " + ignoring.type() + " = " + ignoring.invoke(1, "ignored", null, 2, 3));
        MethodHandle partial = MethodHandles.insertArguments(sum3, 1, 100, 1000);
        System.out.println("insertArguments " + partial.type() + " = " + (int) partial.invokeExact(1));
        attempt("insertArguments wrong type", () -> MethodHandles.insertArguments(sum3, 0, "x"));
        attempt("insertArguments too many", () -> MethodHandles.insertArguments(sum3, 2, 1, 2));
    }
}
