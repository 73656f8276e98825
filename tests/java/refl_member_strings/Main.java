// The printed forms of reflective objects, which logs, error messages and documentation tools
// show: Method.toString, Field.toString, Constructor.toString for every modifier combination
// (abstract, synchronized, native, strictfp, transient, volatile, varargs, interfaces' default
// and static methods), Class.toString and toGenericString-free naming of nested, array and
// primitive types, Modifier.toString of class, method and field modifiers and of raw bit sets,
// the Modifier.is* predicates, and equals/hashCode of members found twice.
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

public class Main {
    public interface Repository {
        int MAX = 10;

        Object find(long id) throws java.io.IOException;

        default int count() {
            return 0;
        }

        static Repository empty() {
            return id -> null;
        }

        private void helper() {
        }
    }

    protected abstract static class AbstractRepo implements Repository {
        protected transient volatile int modCount;
        private static final long serialVersionUID = 42L;
        public static String[][] names;
        char[] buffer;

        protected AbstractRepo(int... sizes) {
        }

        private AbstractRepo(String s, Object[] o) throws IllegalStateException, java.io.IOException {
        }

        public abstract void clear();

        protected synchronized final void lock(Runnable r) {
        }

        static native int nativeCount(long[] ids, Object... rest);

        strictfp double ratio(float a, double b) {
            return a / b;
        }

        public static <T> T generic(T t) {
            return t;
        }

        public final Object find(long id) {
            return null;
        }
    }

    static final class Impl extends AbstractRepo {
        Impl() {
            super(1, 2);
        }

        public void clear() {
        }

        @Override
        public int count() {
            return 3;
        }
    }

    static List<Member> members(Class<?> c) {
        List<Member> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            out.add(f);
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            out.add(k);
        }
        for (Method m : c.getDeclaredMethods()) {
            out.add(m);
        }
        out.sort(Comparator.comparing((Member m) -> m.getClass().getSimpleName()).thenComparing(Object::toString));
        return out;
    }

    public static void main(String[] args) throws Exception {
        for (Class<?> c : new Class<?>[] {Repository.class, AbstractRepo.class, Impl.class}) {
            System.out.println(c + " modifiers [" + Modifier.toString(c.getModifiers()) + "]");
            for (Member m : members(c)) {
                System.out.println("  " + m.getClass().getSimpleName() + ": " + m + "  {" + Modifier.toString(m.getModifiers())
                        + "} synthetic=" + m.isSynthetic());
            }
        }

        System.out.println("classes:");
        Class<?>[] cs = {int.class, void.class, int[].class, Integer[][].class, Repository.class, Repository[].class,
            Thread.State.class, Runnable.class, Main.class, Object.class};
        for (Class<?> c : cs) {
            System.out.println("  " + c + " | " + c.getTypeName() + " | [" + Modifier.toString(c.getModifiers()) + "] interface="
                    + c.isInterface() + " primitive=" + c.isPrimitive());
        }

        System.out.println("modifier bits:");
        int[] bits = {0, Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL, Modifier.PRIVATE | Modifier.TRANSIENT | Modifier.VOLATILE,
            Modifier.ABSTRACT | Modifier.INTERFACE, Modifier.NATIVE | Modifier.SYNCHRONIZED | Modifier.STRICT, 0xFFF, -1, 0x1000 | 0x4000};
        for (int b : bits) {
            System.out.println("  0x" + Integer.toHexString(b) + " -> \"" + Modifier.toString(b) + "\"");
        }
        System.out.println("  class " + Modifier.toString(Modifier.classModifiers()) + " | interface "
                + Modifier.toString(Modifier.interfaceModifiers()) + " | constructor " + Modifier.toString(Modifier.constructorModifiers()));
        System.out.println("  method " + Modifier.toString(Modifier.methodModifiers()) + " | field " + Modifier.toString(Modifier.fieldModifiers())
                + " | parameter " + Modifier.toString(Modifier.parameterModifiers()));

        Method find = AbstractRepo.class.getMethod("find", long.class);
        int m = find.getModifiers();
        System.out.println("predicates of " + find.getName() + ": public " + Modifier.isPublic(m) + " final " + Modifier.isFinal(m)
                + " static " + Modifier.isStatic(m) + " abstract " + Modifier.isAbstract(m) + " synchronized " + Modifier.isSynchronized(m));
        Method lock = AbstractRepo.class.getDeclaredMethod("lock", Runnable.class);
        System.out.println("lock synchronized " + Modifier.isSynchronized(lock.getModifiers()) + " protected "
                + Modifier.isProtected(lock.getModifiers()));

        Method a = Impl.class.getMethod("count");
        Method b = Impl.class.getMethod("count");
        Method c = Repository.class.getMethod("count");
        System.out.println("equal lookups: " + a.equals(b) + " same object " + (a == b) + " hash equal " + (a.hashCode() == b.hashCode())
                + " overridden equal " + a.equals(c));
        System.out.println("hash of member = declaring name ^ name: " + (a.hashCode() == (a.getDeclaringClass().getName().hashCode() ^ a.getName().hashCode())));
        Field f1 = AbstractRepo.class.getDeclaredField("buffer");
        Field f2 = AbstractRepo.class.getDeclaredField("buffer");
        System.out.println("fields equal " + f1.equals(f2) + " hash " + (f1.hashCode() == f2.hashCode()));
        Constructor<?> k1 = Impl.class.getDeclaredConstructor();
        System.out.println("constructor name " + k1.getName() + " equals itself found again " + k1.equals(Impl.class.getDeclaredConstructor()));
        System.out.println("count via interface on Impl: " + c.invoke(new Impl()) + ", via empty repo: " + c.invoke(Repository.empty()));
    }
}
