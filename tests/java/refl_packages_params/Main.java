import java.lang.reflect.*;
import java.util.*;
import java.util.function.*;
public class Main {
    sealed interface Shape permits Circle, Square {}
    record Circle(double r) implements Shape {}
    static final class Square implements Shape {}
    static Object made;
    Main() { class InCtor {} made = new InCtor(); }
    static <T> Supplier<T> local(T t) { class Holder implements Supplier<T> { public T get() { return t; } } return new Holder(); }
    public static void main(String[] a) throws Exception {
        System.out.println(Main.class.getPackage() + "|" + Main.class.getPackage().getName() + "|" + String.class.getPackage() + "|" + int.class.getPackage() + "|" + String[].class.getPackage());
        System.out.println(com.acme.Tool.class.getPackage() + " " + com.acme.Tool.class.getPackage().isAnnotationPresent(Deprecated.class) + " " + com.acme.Tool.class.getPackage().getImplementationVersion() + " " + (com.acme.Tool.class.getPackage() == Package.getPackage("com.acme")));
        Object holder = local("x");
        System.out.println(holder.getClass().getEnclosingMethod() + " | " + holder.getClass().getEnclosingConstructor());
        new Main();
        System.out.println(made.getClass().getEnclosingConstructor() + " | " + made.getClass().getEnclosingMethod() + " | " + Main.class.getEnclosingMethod());
        Runnable anon = new Runnable() { public void run() {} };
        System.out.println(anon.getClass().getEnclosingMethod());
        System.out.println(Shape.class.isSealed() + " " + Arrays.toString(Shape.class.getPermittedSubclasses()) + " " + Circle.class.isSealed() + " " + Circle.class.getPermittedSubclasses());
        System.out.println(Arrays.toString(Main.class.getNestMembers()).length() > 10);
        System.out.println(Arrays.toString(Circle.class.getNestMembers()).contains("Main$Circle"));
        System.out.println(String.class.descriptorString() + " " + int[][].class.descriptorString() + " " + void.class.descriptorString() + " " + Map.Entry.class.descriptorString());
        for (Method m : Main.class.getDeclaredMethods()) if (m.getName().equals("local")) System.out.println(Arrays.toString(m.getParameters()) + " " + m.getParameters()[0].isNamePresent() + " " + m.getParameters()[0].getParameterizedType());
        Method use = com.acme.Tool.class.getMethod("use", int.class, String.class);
        for (Parameter p : use.getParameters()) System.out.println(p + " " + p.getName() + " " + p.isNamePresent() + " " + p.getModifiers() + " " + p.getType() + " " + p.isImplicit() + " " + p.isSynthetic());
        Method fmt = String.class.getMethod("format", String.class, Object[].class);
        System.out.println(Arrays.toString(fmt.getParameters()) + " " + fmt.getParameters()[1].isVarArgs());
        System.out.println(Arrays.toString(Circle.class.getDeclaredConstructors()[0].getParameters()));
    }
}
