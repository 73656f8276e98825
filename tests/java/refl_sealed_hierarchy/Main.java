import java.lang.reflect.*;
import java.util.*;

// A sealed hierarchy of records and classes explored by reflection, as a serialization library
// would: permitted subclasses found recursively, record components with their generic types,
// non-sealed and final leaves, and values rebuilt through canonical constructors.
public class Main {
    sealed interface Shape permits Circle, Polygon, Group {}
    record Circle(double radius) implements Shape {}
    sealed interface Polygon extends Shape permits Rect, Triangle, Irregular {}
    record Rect(double w, double h) implements Polygon {}
    record Triangle(double a, double b, double c) implements Polygon {}
    static non-sealed class Irregular implements Polygon { final List<double[]> points = new ArrayList<>(); }
    record Group(String name, List<Shape> members, Map<String, ? extends Shape> byName) implements Shape {}
    static final class Special extends Irregular {}
    abstract static sealed class Expr permits Num, Add {}
    static final class Num extends Expr { final int v; Num(int v) { this.v = v; } }
    static final class Add extends Expr { final Expr l, r; Add(Expr l, Expr r) { this.l = l; this.r = r; } }

    static void tree(Class<?> c, String indent) {
        String kind = c.isRecord() ? "record" : c.isInterface() ? "interface" : "class";
        String sealing = c.isSealed() ? "sealed" : Modifier.isFinal(c.getModifiers()) ? "final" : "open";
        System.out.println(indent + kind + " " + c.getSimpleName() + " (" + sealing + ")");
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                System.out.println(indent + "  - " + rc.getName() + ": " + rc.getGenericType().getTypeName());
            }
        }
        Class<?>[] subs = c.getPermittedSubclasses();
        if (subs != null) {
            for (Class<?> s : subs) tree(s, indent + "    ");
        }
    }

    static Object rebuild(Record r) throws ReflectiveOperationException {
        RecordComponent[] rcs = r.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[rcs.length];
        Object[] values = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            values[i] = rcs[i].getAccessor().invoke(r);
            if (values[i] instanceof Double) values[i] = (Double) values[i] * 2;
        }
        return r.getClass().getDeclaredConstructor(types).newInstance(values);
    }

    static double area(Shape s) {
        if (s instanceof Circle c) return Math.PI * c.radius() * c.radius();
        if (s instanceof Rect r) return r.w() * r.h();
        if (s instanceof Triangle t) {
            double p = (t.a() + t.b() + t.c()) / 2;
            return Math.sqrt(p * (p - t.a()) * (p - t.b()) * (p - t.c()));
        }
        if (s instanceof Group g) return g.members().stream().mapToDouble(Main::area).sum();
        return 0;
    }

    static int eval(Expr e) {
        if (e instanceof Num n) return n.v;
        Add a = (Add) e;
        return eval(a.l) + eval(a.r);
    }

    public static void main(String[] args) throws Exception {
        tree(Shape.class, "");
        tree(Expr.class, "");
        System.out.println(Irregular.class.isSealed() + " " + Special.class.getSuperclass().getSimpleName() + " " + Arrays.toString(Irregular.class.getPermittedSubclasses()));
        Shape g = new Group("g", List.of(new Circle(1), new Rect(2, 3), new Triangle(3, 4, 5)), Map.of());
        System.out.printf("%.6f%n", area(g));
        for (Shape s : ((Group) g).members()) {
            Object bigger = rebuild((Record) s);
            System.out.printf("%s -> %s area %.4f -> %.4f%n", s, bigger, area(s), area((Shape) bigger));
        }
        System.out.println(eval(new Add(new Num(2), new Add(new Num(3), new Num(4)))));
        System.out.println(Shape.class.toGenericString() + " | " + Group.class.toGenericString() + " | " + Arrays.toString(Group.class.getRecordComponents()));
        Constructor<?> canonical = Group.class.getDeclaredConstructors()[0];
        System.out.println(canonical.toGenericString() + " " + Arrays.toString(canonical.getParameters()));
    }
}
