// Calls between compiled methods, for the compiler's differential test (tests/it/jit.rs):
// static, private, virtual (polymorphic) and interface (monomorphic and megamorphic) calls,
// recursion deeper than compiled frames may nest on the native stack, exceptions thrown
// through compiled callers, allocation (and so collections) deep in call chains, intrinsics,
// natives and synchronized methods called from compiled code, and a stack overflow caught.
public class JitCalls {
    interface Shape {
        double area();
        int sides();
    }

    static abstract class Base implements Shape {
        final int id;
        Base(int id) { this.id = id; }
        public int sides() { return 0; }
        int weight() { return id * 3 + sides(); }
    }

    static final class Square extends Base {
        final double s;
        Square(int id, double s) { super(id); this.s = s; }
        public double area() { return s * s; }
        @Override public int sides() { return 4; }
    }

    static class Circle extends Base {
        final double r;
        Circle(int id, double r) { super(id); this.r = r; }
        public double area() { return 3.0 * r * r; }
    }

    static class Ring extends Circle {
        final double inner;
        Ring(int id, double r, double inner) { super(id, r); this.inner = inner; }
        @Override public double area() { return super.area() - 3.0 * inner * inner; }
        @Override int weight() { return super.weight() + 1; }
    }

    static final class Tri implements Shape {
        final long b, h;
        Tri(long b, long h) { this.b = b; this.h = h; }
        public double area() { return b * h / 2.0; }
        public int sides() { return 3; }
    }

    static class Node {
        Node next;
        final int v;
        Node(int v, Node next) { this.v = v; this.next = next; }
    }

    static int counter;

    static synchronized void bump(int by) { counter += by; }

    private static long mix(long h, long v) { return h * 31 + v; }

    static long mixD(long h, double d) { return mix(h, Double.doubleToLongBits(d)); }

    static int depth(int n) {
        if (n == 0) return 0;
        return 1 + depth(n - 1);
    }

    static long sumList(Node n) {
        long s = 0;
        while (n != null) { s += n.v; n = n.next; }
        return s;
    }

    static Node build(int n) {
        Node head = null;
        for (int i = 0; i < n; i++) head = new Node(i, head);
        return head;
    }

    static int thrower(int n) {
        if (n == 0) throw new IllegalStateException("bottom");
        if (n % 7 == 3) {
            int[] a = new int[2];
            return a[n] + thrower(n - 1);
        }
        return thrower(n - 1) + 1;
    }

    static int catcher(int n) {
        try {
            return thrower(n);
        } catch (IllegalStateException e) {
            return -n;
        } catch (ArrayIndexOutOfBoundsException e) {
            return -1000 - n;
        }
    }

    static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

    static double tak(double x, double y, double z) {
        return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
    }

    static int overflow(int n) { return overflow(n + 1) + 1; }

    static long garbage(int rounds) {
        long h = 0;
        for (int i = 0; i < rounds; i++) {
            Node n = build(200);
            h = mix(h, sumList(n));
            int[] big = new int[100000 + i % 7];
            big[i % big.length] = i;
            h = mix(h, big.length);
        }
        return h;
    }

    public static void main(String[] args) {
        Shape[] shapes = new Shape[24];
        for (int i = 0; i < shapes.length; i++) {
            switch (i % 4) {
                case 0: shapes[i] = new Square(i, i * 0.5); break;
                case 1: shapes[i] = new Circle(i, i * 0.25); break;
                case 2: shapes[i] = new Ring(i, i * 0.75, 0.5); break;
                default: shapes[i] = new Tri(i, i + 1); break;
            }
        }
        long h = 7;
        for (int round = 0; round < 60; round++) {
            for (Shape s : shapes) {
                h = mixD(h, s.area());
                h = mix(h, s.sides());
                if (s instanceof Base) h = mix(h, ((Base) s).weight());
            }
            Square sq = (Square) shapes[0];
            h = mix(h, sq.sides());
            h = mix(h, depth(150 + round * 13));
            h = mix(h, catcher(round % 20));
            bump(round);
            h = mix(h, (long) Math.sqrt(round * 1000.0));
            h = mix(h, Math.max(round, 30) + Math.abs(-round));
            StringBuilder sb = new StringBuilder();
            sb.append(round).append(':').append(h % 1000);
            h = mix(h, sb.toString().hashCode());
            int[] src = {1, 2, 3, round};
            int[] dst = new int[4];
            System.arraycopy(src, 0, dst, 0, 4);
            h = mix(h, dst[3]);
        }
        h = mix(h, fib(22));
        h = mix(h, Double.doubleToLongBits(tak(18, 12, 6)));
        h = mix(h, garbage(200));
        int caught = 0;
        try {
            overflow(0);
        } catch (StackOverflowError e) {
            caught = 1;
        }
        System.out.println(h + " " + counter + " " + caught);
    }
}
