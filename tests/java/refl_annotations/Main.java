import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;
public class Main {
    enum Color { RED, GREEN }
    @Retention(RetentionPolicy.RUNTIME)
    @interface Ann { int value() default 3; String name() default "n\t'x\"\u00e9"; char c() default 'q'; long l() default 5L; float f() default 1.5f; double d() default Double.NaN; byte b() default -7; short s() default 9; Class<?> k() default String[].class; int[] arr() default {1,2}; Color st() default Color.GREEN; String[] one() default {"a"}; boolean z() default true; }
    @Retention(RetentionPolicy.RUNTIME) @Inherited @interface Inh { String value(); }
    @Retention(RetentionPolicy.RUNTIME) @interface Single { int value(); }
    @Retention(RetentionPolicy.RUNTIME) @interface Nested { Single[] value() default {}; Single one() default @Single(1); Class<?>[] ks() default {int.class, void.class, Main.class}; float[] fs() default {Float.POSITIVE_INFINITY, -0.0f}; }
    @Retention(RetentionPolicy.RUNTIME) @Repeatable(Tags.class) @interface Tag { String value(); }
    @Retention(RetentionPolicy.RUNTIME) @interface Tags { Tag[] value(); }
    @interface NotRuntime { }
    @Ann(name="zz") @Inh("parent") @NotRuntime static class C {}
    @Single(5) @Tag("a") @Tag("b") static class D extends C { @Single(7) @Deprecated public int field; @Nested(value = {@Single(2), @Single(3)}) public void m(@Single(8) int a, int b, @Tag("x") @Tag("y") String c) {} }
    @Inh("child") static class E extends C {}
    public static void main(String[] a) throws Exception {
        Ann ann = C.class.getAnnotation(Ann.class);
        System.out.println(ann);
        System.out.println(ann.name() + " " + ann.value() + " " + ann.annotationType() + " " + Arrays.toString(ann.arr()) + " " + ann.k() + " " + ann.st());
        System.out.println(Arrays.toString(C.class.getAnnotations()));
        System.out.println(Arrays.toString(D.class.getAnnotations()));
        System.out.println(Arrays.toString(D.class.getDeclaredAnnotations()));
        System.out.println(Arrays.toString(E.class.getAnnotations()));
        System.out.println(D.class.isAnnotationPresent(Inh.class) + " " + D.class.isAnnotationPresent(NotRuntime.class) + " " + D.class.getDeclaredAnnotation(Inh.class));
        System.out.println(Arrays.toString(D.class.getAnnotationsByType(Tag.class)) + " " + Arrays.toString(D.class.getAnnotationsByType(Inh.class)));
        Field f = D.class.getField("field");
        System.out.println(Arrays.toString(f.getAnnotations()) + " " + f.getAnnotation(Single.class).value());
        Method m = D.class.getMethod("m", int.class, int.class, String.class);
        System.out.println(m.getAnnotation(Nested.class));
        for (Annotation[] p : m.getParameterAnnotations()) System.out.println(Arrays.toString(p));
        System.out.println(Ann.class.getMethod("d").getDefaultValue() + " " + Ann.class.getMethod("one").getDefaultValue().getClass().getSimpleName() + " " + m.getDefaultValue());
        Single s1 = D.class.getAnnotation(Single.class), s2 = f.getAnnotation(Single.class), s3 = m.getAnnotation(Nested.class).one();
        System.out.println(s1.equals(s2) + " " + s1.equals(s1) + " " + s3.hashCode() + " " + s1.hashCode() + " " + (s1 == D.class.getAnnotation(Single.class)));
        System.out.println(C.class.getAnnotation(Inh.class).hashCode());
        System.out.println(Arrays.toString(Tags.class.getAnnotations()));
        System.out.println(Retention.class.getAnnotation(Retention.class));
        System.out.println(Arrays.toString(Deprecated.class.getAnnotations()));
        System.out.println(ann.getClass().getName() + " " + s1.getClass().getName() + " " + Proxy.isProxyClass(ann.getClass()));
    }
}
