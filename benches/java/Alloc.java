// Benchmark: allocation of many short-lived small objects and virtual calls through a class
// hierarchy. A small ring of survivors keeps some objects alive across collections.
public class Alloc {
    abstract static class Shape {
        final int id;

        Shape(int id) {
            this.id = id;
        }

        abstract long area();

        long perimeter() {
            return 0;
        }
    }

    static class Rect extends Shape {
        final int w;
        final int h;

        Rect(int id, int w, int h) {
            super(id);
            this.w = w;
            this.h = h;
        }

        long area() {
            return (long) w * h;
        }

        long perimeter() {
            return 2L * (w + h);
        }
    }

    static final class Square extends Rect {
        Square(int id, int side) {
            super(id, side, side);
        }

        long perimeter() {
            return 4L * w;
        }
    }

    static final class Triangle extends Shape {
        final int base;
        final int height;

        Triangle(int id, int base, int height) {
            super(id);
            this.base = base;
            this.height = height;
        }

        long area() {
            return (long) base * height / 2;
        }
    }

    static final class Circle extends Shape {
        final int r;

        Circle(int id, int r) {
            super(id);
            this.r = r;
        }

        // Integer arithmetic keeps the checksum exact: 355/113 approximates pi.
        long area() {
            return (long) r * r * 355 / 113;
        }

        long perimeter() {
            return 2L * r * 355 / 113;
        }
    }

    static Shape make(int i) {
        int size = (i % 97) + 1;
        switch (i & 3) {
            case 0:
                return new Rect(i, size, size + 3);
            case 1:
                return new Square(i, size);
            case 2:
                return new Triangle(i, size, size * 2);
            default:
                return new Circle(i, size);
        }
    }

    public static void main(String[] args) {
        Shape[] survivors = new Shape[1024];
        long checksum = 0;
        for (int i = 0; i < 3_000_000; i++) {
            Shape s = make(i);
            checksum += s.area() + s.perimeter();
            survivors[i & 1023] = s;
        }
        for (Shape s : survivors) {
            checksum = checksum * 31 + s.id + s.area();
        }
        System.out.println("Alloc " + checksum);
    }
}
