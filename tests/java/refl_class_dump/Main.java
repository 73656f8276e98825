// A javap-like class printer, as tools and documentation generators write one: the class's
// modifiers, superclass and interfaces, then its declared fields, constructors and methods in
// the order Class.getDeclared* returns them (HotSpot's), each rebuilt from Modifier.toString,
// getType/getReturnType/getParameterTypes/getExceptionTypes and getTypeName, then the public
// members (getFields, getConstructors and the non-Object part of getMethods).
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

public class Main {
    interface Shape extends Comparable<Shape> {
        double PI_ISH = 3.14;

        double area();

        default String describe() {
            return getClass().getSimpleName() + " with area " + area();
        }

        static Shape unit() {
            return new Square(1);
        }
    }

    abstract static class AbstractShape implements Shape, Serializable {
        private static final long serialVersionUID = 1L;
        protected final String name;
        transient int cachedHash;
        volatile boolean dirty;

        protected AbstractShape(String name) {
            this.name = name;
        }

        public abstract double area();

        public int compareTo(Shape other) {
            return Double.compare(area(), other.area());
        }

        protected void validate() throws IllegalStateException {
        }

        public final String getName() {
            return name;
        }
    }

    public static final class Square extends AbstractShape implements Cloneable {
        public static int created;
        public double side;
        private int[][] grid;
        Object[] extras;

        public Square(double side) {
            super("square");
            this.side = side;
            created++;
        }

        private Square() {
            this(0);
        }

        Square(String name, double side, int... marks) throws IOException {
            this(side);
        }

        @Override
        public double area() {
            return side * side;
        }

        public synchronized void resize(double factor) {
            side *= factor;
        }

        public static Square parse(String text) throws NumberFormatException, IOException {
            return new Square(Double.parseDouble(text));
        }

        private static native long nativeHandle();

        protected strictfp double diagonal() {
            return side * Math.sqrt(2);
        }

        String[] labels(List<String> in, char sep, long[][] data) {
            return new String[0];
        }

        public Square clone() {
            return new Square(side);
        }

        @Override
        public String toString() {
            return "Square(" + side + ")";
        }
    }

    enum Unit {
        MM, CM, M;

        double factor() {
            return this == MM ? 0.001 : this == CM ? 0.01 : 1;
        }
    }

    static String params(Class<?>[] types, boolean varargs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String t = types[i].getTypeName();
            if (varargs && i == types.length - 1) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            out.add(t + " arg" + i);
        }
        return String.join(", ", out);
    }

    static String throwsClause(Class<?>[] ex) {
        if (ex.length == 0) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (Class<?> e : ex) {
            names.add(e.getSimpleName());
        }
        return " throws " + String.join(", ", names);
    }

    static String mods(int m) {
        String s = Modifier.toString(m);
        return s.isEmpty() ? "" : s + " ";
    }

    static void dump(Class<?> c) {
        StringBuilder head = new StringBuilder();
        int cm = c.getModifiers();
        head.append(mods(cm & ~Modifier.INTERFACE));
        head.append(c.isInterface() ? "interface " : c.isEnum() ? "enum " : "class ");
        head.append(c.getSimpleName());
        if (c.getSuperclass() != null && c.getSuperclass() != Object.class) {
            head.append(" extends ").append(c.getSuperclass().getSimpleName());
        }
        Class<?>[] ifs = c.getInterfaces();
        if (ifs.length > 0) {
            head.append(c.isInterface() ? " extends " : " implements ");
            for (int i = 0; i < ifs.length; i++) {
                head.append(i > 0 ? ", " : "").append(ifs[i].getSimpleName());
            }
        }
        System.out.println(head + " {");
        for (Field f : c.getDeclaredFields()) {
            System.out.println("    " + mods(f.getModifiers()) + f.getType().getTypeName() + " " + f.getName() + ";"
                    + (f.isSynthetic() ? " // synthetic" : "") + (f.isEnumConstant() ? " // constant" : ""));
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            System.out.println("    " + mods(k.getModifiers()) + c.getSimpleName() + "("
                    + params(k.getParameterTypes(), k.isVarArgs()) + ")" + throwsClause(k.getExceptionTypes())
                    + "; // " + k.getParameterCount() + " params");
        }
        for (Method m : c.getDeclaredMethods()) {
            System.out.println("    " + mods(m.getModifiers()) + m.getReturnType().getTypeName() + " " + m.getName() + "("
                    + params(m.getParameterTypes(), m.isVarArgs()) + ")" + throwsClause(m.getExceptionTypes()) + ";"
                    + (m.isBridge() ? " // bridge" : m.isSynthetic() ? " // synthetic" : "")
                    + (m.isDefault() ? " // default" : ""));
        }
        System.out.println("}");
        System.out.print("  public fields:");
        for (Field f : c.getFields()) {
            System.out.print(" " + f.getDeclaringClass().getSimpleName() + "." + f.getName());
        }
        System.out.print("\n  public constructors:");
        for (Constructor<?> k : c.getConstructors()) {
            System.out.print(" " + k.getParameterCount());
        }
        System.out.print("\n  public methods:");
        for (Method m : c.getMethods()) {
            if (m.getDeclaringClass() != Object.class) {
                System.out.print(" " + m.getDeclaringClass().getSimpleName() + "." + m.getName() + "/" + m.getParameterCount());
            }
        }
        System.out.println();
    }

    public static void main(String[] args) {
        dump(Shape.class);
        dump(AbstractShape.class);
        dump(Square.class);
        dump(Unit.class);
        System.out.println(new Square(3).describe() + ", " + Shape.unit().area() + ", created " + Square.created);
    }
}
