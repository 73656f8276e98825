import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;
public class Main {
    @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD}) @interface Col { String value(); }
    record Pair<A, B extends Number>(@Col("left") A first, B second, List<? super B> rest, int[] counts) {}
    record Plain(int x) {}
    public static void main(String[] a) throws Exception {
        for (RecordComponent c : Pair.class.getRecordComponents()) {
            System.out.println(c + " | " + c.getGenericType() + " | " + c.getGenericSignature() + " | " + Arrays.toString(c.getAnnotations()) + " | " + c.getAnnotation(Col.class) + " | " + c.getAccessor());
        }
        System.out.println(Pair.class.getDeclaredField("first").getAnnotation(Col.class) + " " + Pair.class.getMethod("first").getAnnotation(Col.class));
        System.out.println(Plain.class.getRecordComponents()[0].getGenericSignature() + " " + Plain.class.getRecordComponents()[0].getGenericType());
        System.out.println(Pair.class.toGenericString() + " " + Pair.class.getGenericSuperclass());
    }
}
