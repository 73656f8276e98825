import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;

// Annotation values of every kind read back through the annotation interface and printed by
// toString: primitives at their extremes, strings needing escapes, classes (primitive, array,
// nested), enum constants, nested annotations and arrays of each; defaults versus explicit
// values; equality and hash codes between instances obtained separately; and annotations on
// interfaces, enum constants, constructors and parameters.
public class Main {
    enum Level { LOW, MEDIUM, HIGH }

    @Retention(RetentionPolicy.RUNTIME) @interface Limits {
        byte b() default Byte.MIN_VALUE;
        short s() default Short.MAX_VALUE;
        int i() default Integer.MIN_VALUE;
        long l() default Long.MAX_VALUE;
        float f() default Float.MIN_VALUE;
        double d() default Double.NEGATIVE_INFINITY;
        char c() default '\n';
        boolean z() default false;
    }

    @Retention(RetentionPolicy.RUNTIME) @interface Text { String value(); String[] more() default {"tab\there", "quote\"", "back\\slash", "unicode \u00e9\u4e2d"}; }
    @Retention(RetentionPolicy.RUNTIME) @interface Types { Class<?>[] value(); Class<?> single() default void.class; }
    @Retention(RetentionPolicy.RUNTIME) @interface Levels { Level value() default Level.MEDIUM; Level[] all() default {}; }
    @Retention(RetentionPolicy.RUNTIME) @interface Tag { String value(); int weight() default 1; }
    @Retention(RetentionPolicy.RUNTIME) @interface Tagged { Tag[] value(); Tag primary() default @Tag(value = "none", weight = 0); }
    @Retention(RetentionPolicy.RUNTIME) @interface Marker {}
    @Retention(RetentionPolicy.RUNTIME) @interface Chars { char[] value() default {'a', '\'', '\u0000'}; double[] ds() default {0.5, -0.0, Double.NaN}; long[] ls() default {1L, -1L}; boolean[] zs() default {true, false}; byte[] bs() default {0, -1, 127}; short[] ss() default {-32768}; float[] fs() default {1e-10f}; }

    @Limits
    @Text("plain")
    @Types(value = {int.class, String[][].class, Map.Entry.class, Level.class}, single = Main.class)
    @Levels(all = {Level.HIGH, Level.LOW})
    @Tagged(value = {@Tag("a"), @Tag(value = "b", weight = 5)}, primary = @Tag("main"))
    @Marker
    @Chars
    static class Everything {}

    @Limits(b = 127, s = -1, i = 0, l = Long.MIN_VALUE, f = Float.NaN, d = 1e300, c = '\u00ff', z = true)
    @Text(value = "explicit", more = {})
    @Levels(Level.LOW)
    interface Configured {
        @Marker @Tag("method") void run(@Tag("p0") int a, @Marker @Tag(value = "p1", weight = 2) String b, long c);
    }

    enum Priority {
        @Tag("urgent") HIGH,
        @Tag(value = "whenever", weight = 0) LOW,
        PLAIN
    }

    static class Service {
        @Marker Service() {}
        @Tag("named") Service(@Tag("name") String name) {}
    }

    public static void main(String[] args) throws Exception {
        for (Annotation a : Everything.class.getAnnotations()) {
            System.out.println(a);
        }
        for (Annotation a : Configured.class.getAnnotations()) {
            System.out.println(a);
        }
        Limits l = Everything.class.getAnnotation(Limits.class);
        System.out.println(l.b() + " " + l.s() + " " + l.i() + " " + l.l() + " " + l.f() + " " + l.d() + " " + (int) l.c() + " " + l.z());
        Text t = Everything.class.getAnnotation(Text.class);
        System.out.println(t.value() + " " + Arrays.toString(t.more()) + " " + t.more().length);
        t.more()[0] = "changed";
        System.out.println("arrays are copies: " + t.more()[0]);
        Types ty = Everything.class.getAnnotation(Types.class);
        System.out.println(Arrays.toString(ty.value()) + " " + ty.single());
        Tagged tg = Everything.class.getAnnotation(Tagged.class);
        System.out.println(tg.value()[1].value() + tg.value()[1].weight() + " " + tg.primary() + " " + tg.value()[0].annotationType());
        Chars ch = Everything.class.getAnnotation(Chars.class);
        System.out.println(Arrays.toString(ch.value()) + " " + Arrays.toString(ch.ds()) + " " + Arrays.toString(ch.bs()));

        Limits again = Everything.class.getAnnotation(Limits.class);
        Limits other = Configured.class.getAnnotation(Limits.class);
        System.out.println((l == again) + " " + l.equals(again) + " " + l.equals(other) + " " + (l.hashCode() == again.hashCode()) + " " + l.hashCode() + " " + other.hashCode());
        System.out.println(tg.hashCode() + " " + ch.hashCode() + " " + t.hashCode() + " " + Everything.class.getAnnotation(Marker.class).hashCode());
        Tag a1 = tg.value()[0];
        Tag a2 = Priority.class.getField("HIGH").getAnnotation(Tag.class);
        System.out.println(a1 + " " + a2 + " " + a1.equals(a2) + " " + (a1.hashCode() == a2.hashCode()));

        Method run = Configured.class.getMethod("run", int.class, String.class, long.class);
        System.out.println(Arrays.toString(run.getAnnotations()));
        Annotation[][] pa = run.getParameterAnnotations();
        for (int i = 0; i < pa.length; i++) {
            System.out.println("  param " + i + ": " + Arrays.toString(pa[i]));
        }
        for (Parameter p : run.getParameters()) {
            System.out.println("  " + p + " tag=" + p.getAnnotation(Tag.class));
        }
        for (Field f : Priority.class.getFields()) {
            System.out.println(f.getName() + " " + f.isEnumConstant() + " " + f.getAnnotation(Tag.class));
        }
        for (Constructor<?> c : Service.class.getDeclaredConstructors()) {
            System.out.println(c + " " + Arrays.toString(c.getAnnotations()) + " " + Arrays.deepToString(c.getParameterAnnotations()));
        }
        System.out.println(Limits.class.getMethod("c").getDefaultValue().getClass().getSimpleName() + " "
            + Limits.class.getMethod("f").getDefaultValue() + " " + Tagged.class.getMethod("primary").getDefaultValue());
        System.out.println(Limits.class.isAnnotation() + " " + Limits.class.isInterface() + " " + Arrays.toString(Limits.class.getInterfaces())
            + " " + Modifier.toString(Limits.class.getModifiers()));
    }
}
