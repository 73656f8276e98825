// java.lang.reflect.Field: get and set of every type, with the widening conversions Field
// allows and the exceptions for the others, static and instance fields, final fields (settable
// after setAccessible(true) when not static), class initialization on static access, and
// fields found through getField/getDeclaredField.
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

public class Main {
    static StringBuilder log = new StringBuilder();

    static class Holder {
        boolean z = true;
        byte b = 1;
        char c = 'c';
        short s = 2;
        int i = 3;
        long j = 4;
        float f = 5.5f;
        double d = 6.25;
        String str = "text";
        Object obj;
        final int fixed = 7;
        private int hidden = 8;
        public int shown = 9;
        static int counter = 10;
        static final int CONSTANT = 11;
        static final Integer BOXED = 12;
    }

    static class Lazy {
        static int value = 99;

        static {
            log.append("Lazy initialized ");
        }
    }

    static class Child extends Holder {
        public long extra = 13;
    }

    static void tryIt(String what, Action a) {
        try {
            System.out.println(what + " -> " + a.run());
        } catch (Exception e) {
            System.out.println(what + " -> " + e);
        }
    }

    interface Action {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Holder h = new Holder();
        for (Field f : Holder.class.getDeclaredFields()) {
            f.setAccessible(true);
            Object v = f.get(Modifier.isStatic(f.getModifiers()) ? null : h);
            System.out.println(Modifier.toString(f.getModifiers()) + " " + f.getType().getName() + " " + f.getName() + " = " + v
                    + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")"));
        }
        Field i = Holder.class.getDeclaredField("i");
        Field j = Holder.class.getDeclaredField("j");
        Field b = Holder.class.getDeclaredField("b");
        Field c = Holder.class.getDeclaredField("c");
        Field d = Holder.class.getDeclaredField("d");
        Field z = Holder.class.getDeclaredField("z");
        Field str = Holder.class.getDeclaredField("str");
        tryIt("getInt(i)", () -> i.getInt(h));
        tryIt("getLong(i)", () -> i.getLong(h));
        tryIt("getDouble(i)", () -> i.getDouble(h));
        tryIt("getShort(i)", () -> i.getShort(h));
        tryIt("getInt(b)", () -> b.getInt(h));
        tryIt("getInt(c)", () -> c.getInt(h));
        tryIt("getChar(b)", () -> b.getChar(h));
        tryIt("getBoolean(i)", () -> i.getBoolean(h));
        tryIt("getInt(str)", () -> str.getInt(h));
        tryIt("getFloat(j)", () -> j.getFloat(h));
        tryIt("setInt(j, 40)", () -> {
            j.setInt(h, 40);
            return h.j;
        });
        tryIt("set(i, short)", () -> {
            i.set(h, (short) 30);
            return h.i;
        });
        tryIt("set(i, long)", () -> {
            i.set(h, 30L);
            return h.i;
        });
        tryIt("set(i, string)", () -> {
            i.set(h, "x");
            return h.i;
        });
        tryIt("set(i, null)", () -> {
            i.set(h, null);
            return h.i;
        });
        tryIt("setDouble(i)", () -> {
            i.setDouble(h, 1.0);
            return h.i;
        });
        tryIt("set(d, char)", () -> {
            d.set(h, 'A');
            return h.d;
        });
        tryIt("setBoolean(z, false)", () -> {
            z.setBoolean(h, false);
            return h.z;
        });
        tryIt("set(c, byte)", () -> {
            c.set(h, (byte) 65);
            return h.c;
        });
        tryIt("set(str, Integer)", () -> {
            str.set(h, 5);
            return h.str;
        });
        tryIt("set(str, null)", () -> {
            str.set(h, null);
            return h.str;
        });
        tryIt("get(i, null receiver)", () -> i.get(null));
        tryIt("get(i, wrong receiver)", () -> i.get("a string"));
        Field fixed = Holder.class.getDeclaredField("fixed");
        tryIt("set final", () -> {
            fixed.setInt(h, 70);
            return h.fixed;
        });
        fixed.setAccessible(true);
        tryIt("set final after setAccessible", () -> {
            fixed.setInt(h, 70);
            return fixed.getInt(h);
        });
        Field constant = Holder.class.getDeclaredField("CONSTANT");
        constant.setAccessible(true);
        tryIt("set static final after setAccessible", () -> {
            constant.setInt(null, 110);
            return constant.getInt(null);
        });
        Field counter = Holder.class.getDeclaredField("counter");
        tryIt("set static", () -> {
            counter.set(null, 100);
            return Holder.counter;
        });
        tryIt("set static with a receiver", () -> {
            counter.set("ignored", 101);
            return Holder.counter;
        });

        Field lazy = Lazy.class.getDeclaredField("value");
        System.out.println("before get: [" + log + "]");
        System.out.println("Lazy.value = " + lazy.get(null));
        System.out.println("after get: [" + log + "]");

        tryIt("getField(shown) on Child", () -> Child.class.getField("shown"));
        tryIt("getField(extra)", () -> Child.class.getField("extra").get(new Child()));
        tryIt("getField(hidden)", () -> Child.class.getField("hidden"));
        tryIt("getDeclaredField(shown) on Child", () -> Child.class.getDeclaredField("shown"));
        tryIt("getField(MAX_VALUE)", () -> Integer.class.getField("MAX_VALUE").get(null));
        tryIt("equals", () -> Holder.class.getDeclaredField("i").equals(i) + " " + (Holder.class.getDeclaredField("i") == i));
        tryIt("field toString", () -> Holder.class.getDeclaredField("BOXED"));
        tryIt("declaring class", () -> Child.class.getField("shown").getDeclaringClass());
    }
}
