public class Main {
    interface Shape {
        double area();

        default String describe() { return name() + " with area " + String.format("%.3f", area()); }

        default String name() { return "shape"; }

        static Shape unit() { return new Square(1); }
    }

    static abstract class Base implements Shape {
        protected final String label;
        Base(String label) { this.label = label; System.out.println("Base(" + label + ")"); }
        @Override public String name() { return "base:" + label; }
        abstract int corners();
        public String toString() { return getClass().getSimpleName() + "[" + label + ", corners=" + corners() + "]"; }
    }

    static class Square extends Base {
        final double side;
        Square(double side) { super("square"); this.side = side; }
        public double area() { return side * side; }
        int corners() { return 4; }
    }

    static class Cube extends Square {
        Cube(double side) { super(side); }
        @Override public double area() { return 6 * super.area(); }
        @Override public String name() { return "cube(" + super.name() + ")"; }
        @Override int corners() { return super.corners() * 2; }
    }

    interface Round { default String describe() { return "round"; } }

    static class Circle extends Base implements Round {
        final double r;
        Circle(double r) { super("circle"); this.r = r; }
        public double area() { return Math.PI * r * r; }
        int corners() { return 0; }
        @Override public String describe() { return Round.super.describe() + " " + super.describe(); }
    }

    interface Left { default String who() { return "left"; } }
    interface Right { default String who() { return "right"; } }
    static class Both implements Left, Right {
        public String who() { return Left.super.who() + "+" + Right.super.who(); }
    }

    interface Named { String NAME_PREFIX = "N:"; default String tag() { return NAME_PREFIX + "named"; } }
    interface Special extends Named { @Override default String tag() { return "special/" + Named.super.tag(); } }
    static class Thing implements Special { }
    static class OtherThing extends Thing implements Named { }

    static class Animal {
        String sound() { return "..."; }
        String speak() { return getClass().getSimpleName() + " says " + sound(); }
        static String kind() { return "animal"; }
        String field = "animal-field";
    }
    static class Dog extends Animal {
        @Override String sound() { return "woof"; }
        static String kind() { return "dog"; }
        String field = "dog-field";
    }
    static class Puppy extends Dog {
        @Override String sound() { return "yip (" + super.sound() + ")"; }
    }

    public static void main(String[] args) {
        Shape[] shapes = {new Square(2), new Cube(2), new Circle(1), Shape.unit()};
        for (Shape s : shapes) {
            System.out.println(s + " -> " + s.describe());
        }
        System.out.println(new Both().who());
        System.out.println(new Thing().tag() + " " + new OtherThing().tag() + " " + Named.NAME_PREFIX);
        Animal[] animals = {new Animal(), new Dog(), new Puppy()};
        for (Animal a : animals) {
            System.out.println(a.speak() + " / field " + a.field + " / static " + a.kind());
        }
        Dog d = new Puppy();
        System.out.println(d.field + " " + ((Animal) d).field + " " + Dog.kind() + " " + Animal.kind());
        Base b = new Cube(3);
        System.out.println(b.corners() + " " + b.area() + " " + (b instanceof Square) + " " + (b instanceof Shape) + " " + b.getClass().getName() + " " + b.getClass().getSuperclass().getName());
        Object o = b;
        System.out.println(o.getClass().getSimpleName() + " " + o.equals(b) + " " + (o == b));
    }
}
