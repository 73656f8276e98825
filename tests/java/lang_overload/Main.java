public class Main {
    static String f(int x) { return "int"; }
    static String f(long x) { return "long"; }
    static String f(double x) { return "double"; }
    static String f(Integer x) { return "Integer"; }
    static String f(Object x) { return "Object"; }
    static String f(int... xs) { return "int..." + xs.length; }

    static String g(long x) { return "g(long)"; }
    static String g(Integer x) { return "g(Integer)"; }

    static String h(Object x) { return "h(Object)"; }
    static String h(String x) { return "h(String)"; }

    static String k(double x) { return "k(double)"; }
    static String k(Object x) { return "k(Object)"; }

    static String v(String fmt, Object... rest) { return "v(" + fmt + ", " + (rest == null ? "null" : String.valueOf(rest.length)) + ")"; }
    static String v(String fmt, String one) { return "v2(" + fmt + ", " + one + ")"; }

    static String c(char x) { return "c(char)"; }
    static String c(int x) { return "c(int)"; }

    static String box(Number n) { return "Number " + n; }
    static String box(Comparable<?> c) { return "Comparable " + c; }

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    static String join(String sep, Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(parts[i]);
        }
        return sb.toString() + " (" + parts.length + ")";
    }

    static class Base {
        String m(Object o) { return "Base.m(Object)"; }
        String m(String s) { return "Base.m(String)"; }
    }

    static class Derived extends Base {
        @Override String m(Object o) { return "Derived.m(Object)"; }
    }

    public static void main(String[] args) {
        byte b = 1;
        short s = 2;
        char ch = 'c';
        long l = 3;
        float fl = 4f;
        Integer boxed = 5;
        Long boxedLong = 6L;
        System.out.println(f(1) + " " + f(b) + " " + f(s) + " " + f(ch) + " " + f(l) + " " + f(fl) + " " + f(2.0) + " " + f(boxed) + " " + f(boxedLong) + " " + f("s"));
        System.out.println(f() + " " + f(1, 2) + " " + f(new int[] {1, 2, 3}));
        System.out.println(g(5) + " " + g(boxed));
        System.out.println(h("str") + " " + h((Object) "str") + " " + h(null) + " " + h(1));
        System.out.println(k(1) + " " + k('x') + " " + k(boxed) + " " + k("s"));
        System.out.println(v("a") + " " + v("a", "b") + " " + v("a", "b", "c") + " " + v("a", 1) + " " + v("a", (Object[]) null) + " " + v("a", (Object) null));
        System.out.println(c('x') + " " + c(120) + " " + c((char) 120) + " " + c('x' + 1));
        System.out.println(box((Number) 1.5) + " / " + box((Comparable<String>) "s"));
        System.out.println(sum() + " " + sum(1) + " " + sum(1, 2, 3, 4, 5) + " " + sum(new int[] {10, 20}));
        System.out.println(join(", ", "a", 1, 'c', 2.5, null) + " | " + join("-") + " | " + join("/", (Object) new String[] {"x", "y"}.length));
        Object[] arr = {"p", "q"};
        System.out.println(join("+", arr) + " | " + join("+", (Object) arr).startsWith("[Ljava.lang.Object;"));
        Base bd = new Derived();
        Derived dd = new Derived();
        System.out.println(bd.m("s") + " " + bd.m(1) + " " + dd.m("s") + " " + dd.m((Object) "s"));
    }
}
