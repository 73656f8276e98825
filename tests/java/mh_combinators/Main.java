import java.lang.invoke.*;
import java.util.*;
public class Main {
    static int add(int a, int b) { return a + b; }
    static String join(String sep, String... parts) { return String.join(sep, parts); }
    static boolean isPositive(int x) { return x > 0; }
    static int negate(int x) { return -x; }
    static int fail(int x) throws Exception { if (x < 0) throw new java.io.IOException("neg " + x); return x * 10; }
    static int recover(java.io.IOException e, int x) { return -1000; }
    static String describe(int a, String b, double c) { return a + "/" + b + "/" + c; }
    static void log(List<String> out, String s) { out.add("log:" + s); }
    public static void main(String[] a) throws Throwable {
        MethodHandles.Lookup l = MethodHandles.lookup();
        MethodHandle add = l.findStatic(Main.class, "add", MethodType.methodType(int.class, int.class, int.class));
        MethodHandle join = l.findStatic(Main.class, "join", MethodType.methodType(String.class, String.class, String[].class));
        System.out.println(join.isVarargsCollector() + " " + join.type() + " " + (String) join.invoke("-", "a", "b", "c") + " " + (String) join.invoke(",") + " " + join.invokeWithArguments("+", "x", "y"));
        System.out.println((String) join.invoke("|", new String[]{"p", "q"}) + " " + join.asFixedArity().isVarargsCollector());
        MethodHandle fmt = l.findStatic(String.class, "format", MethodType.methodType(String.class, String.class, Object[].class));
        System.out.println((String) fmt.invoke("%d-%s", 5, "five"));
        MethodHandle spread = add.asSpreader(Object[].class, 2);
        System.out.println(spread.type() + " " + (int) spread.invoke(new Object[]{3, 4}));
        try { spread.invoke(new Object[]{1}); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        MethodHandle collect = join.asFixedArity().asCollector(String[].class, 2);
        System.out.println(collect.type() + " " + (String) collect.invokeExact(":", "m", "n"));
        MethodHandle neg = l.findStatic(Main.class, "negate", MethodType.methodType(int.class, int.class));
        MethodHandle addThenNeg = MethodHandles.filterReturnValue(add, neg);
        System.out.println((int) addThenNeg.invokeExact(2, 5));
        MethodHandle negArgs = MethodHandles.filterArguments(add, 0, neg, null);
        System.out.println((int) negArgs.invokeExact(2, 5));
        MethodHandle test = l.findStatic(Main.class, "isPositive", MethodType.methodType(boolean.class, int.class));
        MethodHandle abs = MethodHandles.guardWithTest(test, MethodHandles.identity(int.class), neg);
        System.out.println((int) abs.invokeExact(-9) + " " + (int) abs.invokeExact(4));
        MethodHandle f = l.findStatic(Main.class, "fail", MethodType.methodType(int.class, int.class));
        MethodHandle safe = MethodHandles.catchException(f, java.io.IOException.class, l.findStatic(Main.class, "recover", MethodType.methodType(int.class, java.io.IOException.class, int.class)));
        System.out.println((int) safe.invokeExact(3) + " " + (int) safe.invokeExact(-3));
        MethodHandle d = l.findStatic(Main.class, "describe", MethodType.methodType(String.class, int.class, String.class, double.class));
        MethodHandle perm = MethodHandles.permuteArguments(d, MethodType.methodType(String.class, double.class, String.class, int.class), 2, 1, 0);
        System.out.println((String) perm.invokeExact(1.5, "s", 7));
        MethodHandle twice = MethodHandles.permuteArguments(add, MethodType.methodType(int.class, int.class), 0, 0);
        System.out.println((int) twice.invokeExact(21));
        List<String> out = new ArrayList<>();
        MethodHandle logger = l.findStatic(Main.class, "log", MethodType.methodType(void.class, List.class, String.class));
        MethodHandle folded = MethodHandles.foldArguments(MethodHandles.dropArguments(MethodHandles.constant(String.class, "done"), 0, List.class, String.class), logger);
        System.out.println((String) folded.invokeExact((List) out, "hi") + " " + out);
        MethodHandle inv = MethodHandles.invoker(MethodType.methodType(int.class, int.class, int.class));
        System.out.println((int) inv.invokeExact(add, 1, 2));
        MethodHandle exact = MethodHandles.exactInvoker(MethodType.methodType(int.class, int.class));
        try { int r = (int) exact.invokeExact(add, 1); } catch (WrongMethodTypeException e) { System.out.println(e.getMessage()); }
        MethodHandle get = MethodHandles.arrayElementGetter(int[].class), set = MethodHandles.arrayElementSetter(String[].class), len = MethodHandles.arrayLength(long[].class), ctor = MethodHandles.arrayConstructor(double[].class);
        int[] ints = {4, 5, 6}; String[] strs = new String[2];
        set.invokeExact(strs, 1, "z");
        System.out.println((int) get.invokeExact(ints, 2) + " " + Arrays.toString(strs) + " " + (int) len.invokeExact(new long[7]) + " " + ((double[]) ctor.invokeExact(3)).length);
        try { int x = (int) get.invokeExact(ints, 5); } catch (ArrayIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        MethodHandle thrower = MethodHandles.throwException(String.class, IllegalStateException.class);
        try { String s = (String) thrower.invokeExact(new IllegalStateException("thrown")); } catch (IllegalStateException e) { System.out.println(e.getMessage()); }
        System.out.println((int) MethodHandles.zero(int.class).invokeExact() + " " + (Object) MethodHandles.empty(MethodType.methodType(Object.class, int.class)).invokeExact(4));
        MethodHandle cast = MethodHandles.explicitCastArguments(add, MethodType.methodType(byte.class, long.class, double.class));
        System.out.println((byte) cast.invokeExact(200L, 100.9));
        MethodHandle spreadInv = MethodHandles.spreadInvoker(MethodType.methodType(int.class, int.class, int.class), 0);
        System.out.println(spreadInv.type() + " " + (int) spreadInv.invokeExact(add, new Object[]{8, 9}));
        try { MethodHandles.filterReturnValue(add, join); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        try { MethodHandles.guardWithTest(test, add, neg); } catch (IllegalArgumentException e) { System.out.println(e.getMessage()); }
        MethodHandle tf = MethodHandles.tryFinally(f, MethodHandles.dropArguments(MethodHandles.identity(int.class), 0, Throwable.class));
        System.out.println((int) tf.invokeExact(2));
        try { int r = (int) tf.invokeExact(-2); } catch (java.io.IOException e) { System.out.println("finally then " + e.getMessage()); }
        MethodHandle ctorVar = l.findConstructor(ArrayList.class, MethodType.methodType(void.class, Collection.class));
        System.out.println(ctorVar.isVarargsCollector() + " " + MethodHandles.collectArguments(ctorVar.asType(MethodType.methodType(ArrayList.class, List.class)), 0, l.findStatic(List.class, "of", MethodType.methodType(List.class, Object.class, Object.class))).invoke("a", "b"));
        System.out.println(join.withVarargs(false).isVarargsCollector());
    }
}
