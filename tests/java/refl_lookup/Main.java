// Looking members up by name (Class.getMethod/getDeclaredMethod/getConstructor/getField and
// their NoSuch* exceptions), the public members of a class with inherited ones merged as
// Class.getMethods specifies (printed sorted), Modifier, Member queries and toString forms.
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class Main {
    interface Animal {
        String sound();

        default String describe() {
            return "an animal that says " + sound();
        }

        static Animal of(String s) {
            return () -> s;
        }
    }

    public static abstract class Base implements Animal {
        protected int legs;
        public String label = "base";

        public abstract int size();

        public String sound() {
            return "...";
        }

        protected void grow(int by) {
        }

        public static void helper() {
        }

        private void secret() {
        }
    }

    public static final class Dog extends Base implements Comparable<Dog> {
        public static final String KIND = "dog";
        public int age;

        public Dog() {
        }

        protected Dog(int age) {
            this.age = age;
        }

        @Override
        public int size() {
            return 3;
        }

        @Override
        public String sound() {
            return "woof";
        }

        public int compareTo(Dog o) {
            return Integer.compare(age, o.age);
        }

        public synchronized void bark(String... times) throws IllegalStateException {
        }

        double weight(double[] grams, List<String> names) {
            return 0;
        }
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

    static List<String> sorted(Object[] members) {
        List<String> out = new ArrayList<>();
        for (Object m : members) {
            out.add(m.toString());
        }
        Collections.sort(out);
        return out;
    }

    public static void main(String[] args) throws Exception {
        for (String s : sorted(Dog.class.getMethods())) {
            System.out.println("method " + s);
        }
        for (String s : sorted(Dog.class.getDeclaredMethods())) {
            System.out.println("declared " + s);
        }
        for (String s : sorted(Dog.class.getFields())) {
            System.out.println("field " + s);
        }
        for (String s : sorted(Dog.class.getDeclaredConstructors())) {
            System.out.println("constructor " + s);
        }
        for (String s : sorted(Dog.class.getConstructors())) {
            System.out.println("public constructor " + s);
        }
        for (String s : sorted(Animal.class.getMethods())) {
            System.out.println("interface method " + s);
        }
        for (String s : sorted(Base.class.getDeclaredMethods())) {
            System.out.println("base declared " + s);
        }
        tryIt("getMethod(sound)", () -> Dog.class.getMethod("sound"));
        tryIt("getMethod(describe)", () -> Dog.class.getMethod("describe"));
        tryIt("getMethod(helper)", () -> Dog.class.getMethod("helper"));
        tryIt("getMethod(of) on Dog", () -> Dog.class.getMethod("of", String.class));
        tryIt("getMethod(of) on Animal", () -> Animal.class.getMethod("of", String.class));
        tryIt("getMethod(secret)", () -> Dog.class.getMethod("secret"));
        tryIt("getDeclaredMethod(secret) on Dog", () -> Dog.class.getDeclaredMethod("secret"));
        tryIt("getDeclaredMethod(secret) on Base", () -> Base.class.getDeclaredMethod("secret"));
        tryIt("getMethod(grow, int)", () -> Dog.class.getMethod("grow", int.class));
        tryIt("getDeclaredMethod(grow, long)", () -> Base.class.getDeclaredMethod("grow", long.class));
        tryIt("getMethod(bark, String[])", () -> Dog.class.getMethod("bark", String[].class));
        tryIt("getMethod(compareTo, Dog)", () -> Dog.class.getMethod("compareTo", Dog.class));
        tryIt("getMethod(compareTo, Object)", () -> Dog.class.getMethod("compareTo", Object.class));
        tryIt("getMethod(null)", () -> Dog.class.getMethod(null));
        tryIt("getMethod(weight, double[], List)", () -> Dog.class.getDeclaredMethod("weight", double[].class, List.class));
        tryIt("getMethod(toString)", () -> Dog.class.getMethod("toString"));
        tryIt("getMethod(hashCode) on Animal", () -> Animal.class.getMethod("hashCode"));
        tryIt("getConstructor()", () -> Dog.class.getConstructor());
        tryIt("getConstructor(int)", () -> Dog.class.getConstructor(int.class));
        tryIt("getDeclaredConstructor(int)", () -> Dog.class.getDeclaredConstructor(int.class));
        tryIt("getConstructor(String)", () -> Dog.class.getConstructor(String.class));
        tryIt("getField(KIND)", () -> Dog.class.getField("KIND"));
        tryIt("getField(legs)", () -> Dog.class.getField("legs"));
        tryIt("getDeclaredField(legs) on Base", () -> Base.class.getDeclaredField("legs"));
        tryIt("getField(label)", () -> Dog.class.getField("label"));

        Method bark = Dog.class.getMethod("bark", String[].class);
        System.out.println(bark.getName() + " " + Modifier.toString(bark.getModifiers()) + " varargs=" + bark.isVarArgs()
                + " returns " + bark.getReturnType() + " params " + bark.getParameterTypes().length
                + " throws " + bark.getExceptionTypes()[0].getSimpleName() + " declared by " + bark.getDeclaringClass().getSimpleName());
        Method weight = Dog.class.getDeclaredMethod("weight", double[].class, List.class);
        System.out.println(weight + " / " + Modifier.toString(weight.getModifiers()));
        System.out.println(Modifier.toString(Dog.class.getModifiers()) + " / " + Modifier.toString(Base.class.getModifiers())
                + " / " + Modifier.toString(Animal.class.getModifiers()));
        System.out.println(Modifier.isAbstract(Base.class.getMethod("size").getModifiers()) + " "
                + Modifier.isStatic(Base.class.getMethod("helper").getModifiers()) + " "
                + Modifier.isPublic(Dog.class.getField("age").getModifiers()) + " "
                + Modifier.isFinal(Dog.class.getField("KIND").getModifiers()));
        System.out.println(Modifier.toString(0xFFF) + " | " + Modifier.toString(Modifier.PUBLIC | Modifier.INTERFACE));
        Method describe = Animal.class.getMethod("describe");
        System.out.println(describe + " default=" + describe.isDefault());
        System.out.println(Dog.class.getMethod("sound").equals(Dog.class.getMethod("sound")) + " "
                + Dog.class.getMethod("sound").equals(Base.class.getMethod("sound")) + " "
                + (Dog.class.getMethod("sound").hashCode() == Dog.class.getMethod("sound").hashCode()));
        Constructor<Dog> c = Dog.class.getDeclaredConstructor(int.class);
        System.out.println(c + " " + c.getName() + " " + c.getParameterCount());
        Field f = Dog.class.getField("KIND");
        System.out.println(f + " " + f.getName() + " " + f.getType().getSimpleName());
        System.out.println(int[].class.getMethods().length + " " + int.class.getMethods().length + " "
                + int[].class.getDeclaredFields().length + " " + Runnable.class.getDeclaredConstructors().length);
    }
}
