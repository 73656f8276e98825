// java.lang.invoke: MethodHandles.Lookup's find methods and their errors, invokeExact with its
// exact type check, invoke with asType conversions, invokeWithArguments, bindTo, MethodType's
// API and interning, call sites and dynamicInvoker, constant/identity/insertArguments/
// dropArguments, and exceptions thrown by targets (never wrapped).
import java.lang.invoke.*;
import java.util.*;
public class Main {
    static int twice(int x) { return 2 * x; }
    String greet(String who) { return "hi " + who; }
    private int secret() { return 7; }
    int field = 5; static String sfield = "s";
    Main() {} Main(int f) { field = f; }
    public static void main(String[] a) throws Throwable {
        MethodHandles.Lookup l = MethodHandles.lookup();
        MethodHandle tw = l.findStatic(Main.class, "twice", MethodType.methodType(int.class, int.class));
        System.out.println(tw + " " + tw.type());
        System.out.println((int) tw.invokeExact(21));
        System.out.println(tw.invoke(Integer.valueOf(4)));
        try { long r = (long) tw.invokeExact(3); } catch (WrongMethodTypeException e) { System.out.println(e); }
        try { Object r = tw.invokeExact((Object) 3); } catch (WrongMethodTypeException e) { System.out.println(e); }
        long widened = (long) tw.invoke((short) 3); System.out.println(widened);
        try { tw.invoke("x"); } catch (Throwable e) { System.out.println(e); }
        MethodHandle g = l.findVirtual(Main.class, "greet", MethodType.methodType(String.class, String.class));
        System.out.println(g.type() + " " + (String) g.invokeExact(new Main(), "bob"));
        MethodHandle bound = g.bindTo(new Main());
        System.out.println(bound.type() + " " + bound.invoke("amy") + " " + bound.invokeWithArguments("zed"));
        System.out.println(l.findConstructor(Main.class, MethodType.methodType(void.class, int.class)).type());
        Main m = (Main) l.findConstructor(Main.class, MethodType.methodType(void.class, int.class)).invoke(9);
        System.out.println(m.field);
        MethodHandle getter = l.findGetter(Main.class, "field", int.class);
        System.out.println(getter.type() + " " + (int) getter.invokeExact(m));
        l.findSetter(Main.class, "field", int.class).invoke(m, 11); System.out.println(m.field);
        System.out.println(l.findStaticGetter(Main.class, "sfield", String.class).invoke());
        System.out.println(l.findVirtual(Main.class, "secret", MethodType.methodType(int.class)).invoke(m));
        try { l.findVirtual(Main.class, "nope", MethodType.methodType(int.class)); } catch (Exception e) { System.out.println(e); }
        try { l.findStatic(Main.class, "greet", MethodType.methodType(String.class, String.class)); } catch (Exception e) { System.out.println(e); }
        try { l.findGetter(Main.class, "nofield", int.class); } catch (Exception e) { System.out.println(e); }
        MethodHandle len = l.findVirtual(String.class, "length", MethodType.methodType(int.class));
        System.out.println(len + " " + len.invoke("abcd"));
        MethodHandle cmp = l.findVirtual(Comparable.class, "compareTo", MethodType.methodType(int.class, Object.class));
        System.out.println(cmp.invoke("a", "b"));
        MethodType t = MethodType.methodType(void.class, int.class, String[].class, List.class);
        System.out.println(t + " " + t.toMethodDescriptorString() + " " + t.parameterCount() + " " + t.generic() + " " + t.wrap() + " " + t.erase());
        System.out.println(MethodType.methodType(int.class) == MethodType.methodType(int.class));
        System.out.println(MethodType.fromMethodDescriptorString("(IJ)Ljava/lang/String;", null));
        MethodHandle max = l.findStatic(Math.class, "max", MethodType.methodType(int.class, int.class, int.class));
        System.out.println(max.invokeWithArguments(3, 8) + " " + max.invokeWithArguments(Arrays.asList(9, 2)));
        try { max.invokeWithArguments(1); } catch (Throwable e) { System.out.println(e); }
        MethodHandle asObj = tw.asType(MethodType.methodType(Object.class, Object.class));
        System.out.println(asObj.type() + " " + asObj.invokeExact((Object) 5));
        CallSite cs = new MutableCallSite(tw); MethodHandle inv = cs.dynamicInvoker();
        System.out.println((int) inv.invokeExact(1)); ((MutableCallSite) cs).setTarget(MethodHandles.identity(int.class)); System.out.println((int) inv.invokeExact(1));
        System.out.println(MethodHandles.constant(String.class, "k").invoke());
        MethodHandle thr = l.findStatic(Integer.class, "parseInt", MethodType.methodType(int.class, String.class));
        try { thr.invoke("zz"); } catch (NumberFormatException e) { System.out.println("unwrapped " + e); }
        MethodHandle nullRecv = g;
        try { String s = (String) g.invokeExact((Main) null, "x"); } catch (NullPointerException e) { System.out.println("npe " + e.getMessage()); }
        MethodHandle mnull = null;
        try { mnull.invokeExact(); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
        System.out.println(MethodHandles.insertArguments(max, 0, 100).invoke(5));
        System.out.println(MethodHandles.dropArguments(tw, 0, String.class).type());
    }
}
