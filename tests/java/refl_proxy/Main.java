import java.lang.reflect.*;
import java.util.*;
public class Main {
    interface Hidden { int f(int x); }
    public interface Pub { String g(String s, long l, double d) throws java.io.IOException; default int h() { return 7; } }
    public static void main(String[] a) throws Exception {
        InvocationHandler h = (p, m, args) -> { System.out.println("call " + m + " " + Arrays.toString(args)); if (m.getReturnType() == int.class) return 42; if (m.getName().equals("toString")) return "PX"; if (m.getName().equals("hashCode")) return 5; if (m.getName().equals("equals")) return true; if (m.getName().equals("g")) throw new java.io.IOException("io"); if (m.getName().equals("run")) throw new Exception("chk"); return "r"; };
        Object p1 = Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Hidden.class}, h);
        Object p2 = Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Pub.class, Runnable.class}, h);
        Object p3 = Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Runnable.class}, h);
        System.out.println(p1.getClass().getName() + " " + p2.getClass().getName() + " " + p3.getClass().getName());
        System.out.println(Modifier.toString(p2.getClass().getModifiers()) + "|" + Modifier.toString(p1.getClass().getModifiers()));
        System.out.println(Arrays.toString(p2.getClass().getDeclaredConstructors()));
        System.out.println(((Hidden) p1).f(3));
        try { System.out.println(((Pub) p2).g("a", 1, 2)); } catch (java.io.IOException e) { System.out.println("caught " + e); }
        System.out.println(((Pub) p2).h());
        try { ((Runnable) p2).run(); } catch (UndeclaredThrowableException e) { System.out.println("ute " + e + " " + e.getUndeclaredThrowable() + " " + e.getCause()); }
        System.out.println(p1.toString() + p1.hashCode() + p1.equals(null));
        System.out.println(Proxy.isProxyClass(p1.getClass()) + " " + Proxy.isProxyClass(Main.class) + " " + p1.getClass().getSuperclass() + " " + Arrays.toString(p2.getClass().getInterfaces()));
        System.out.println(Proxy.getInvocationHandler(p1) == h);
        Pub d = (Pub) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Pub.class}, (p, m, args) -> InvocationHandler.invokeDefault(p, m, args));
        System.out.println(d.h() + " " + d.getClass().getName());
        Comparator<String> c = (Comparator<String>) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Comparator.class}, (p, m, args) -> m.isDefault() ? InvocationHandler.invokeDefault(p, m, args) : m.getName().equals("compare") ? ((String) args[0]).length() - ((String) args[1]).length() : null);
        List<String> l = new ArrayList<>(List.of("ccc", "a", "bb")); l.sort(c.reversed()); System.out.println(l);
        try { Proxy.newProxyInstance(null, new Class<?>[]{String.class}, h); } catch (IllegalArgumentException e) { System.out.println(e); }
        try { Proxy.newProxyInstance(null, new Class<?>[]{Runnable.class, Runnable.class}, h); } catch (IllegalArgumentException e) { System.out.println(e); }
        try { Proxy.getInvocationHandler("x"); } catch (IllegalArgumentException e) { System.out.println(e); }
        Hidden bad = (Hidden) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Hidden.class}, (p, m, args) -> null);
        try { bad.f(1); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
        Hidden bad2 = (Hidden) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Hidden.class}, (p, m, args) -> "s");
        try { bad2.f(1); } catch (ClassCastException e) { System.out.println(e.getMessage()); }
        new Throwable().getStackTrace();
        try { ((Runnable) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[]{Runnable.class}, (p, m, args) -> { throw new IllegalStateException("boom"); })).run(); } catch (IllegalStateException e) { System.out.println(e + " " + e.getStackTrace()[1]); }
    }
}
