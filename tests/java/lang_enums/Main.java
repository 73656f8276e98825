public class Main {
    enum Color { RED, GREEN, BLUE }

    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), EARTH(5.976e+24, 6.37814e6), JUPITER(1.9e+27, 7.1492e7);

        private final double mass, radius;
        static final double G = 6.67300E-11;

        Planet(double mass, double radius) {
            this.mass = mass;
            this.radius = radius;
        }

        double surfaceGravity() { return G * mass / (radius * radius); }
    }

    enum Op {
        PLUS("+") { int apply(int a, int b) { return a + b; } },
        MINUS("-") { int apply(int a, int b) { return a - b; } },
        TIMES("*") {
            int apply(int a, int b) { return a * b; }
            @Override public String toString() { return "times!"; }
        };

        final String symbol;
        Op(String symbol) { this.symbol = symbol; }
        abstract int apply(int a, int b);
    }

    enum Level {
        LOW, MEDIUM, HIGH;
        static { System.out.println("Level initialized, " + values().length + " values"); }
        Level next() { return values()[(ordinal() + 1) % values().length]; }
    }

    interface Describable { String describe(); }

    enum Shape implements Describable {
        CIRCLE, SQUARE;
        public String describe() { return "shape " + name().toLowerCase() + " #" + ordinal(); }
    }

    static String sw(Color c) {
        switch (c) {
            case RED: return "stop";
            case GREEN: return "go";
            default: return "other";
        }
    }

    static int sw2(Level l) {
        return switch (l) {
            case LOW -> 1;
            case MEDIUM -> 5;
            case HIGH -> {
                int base = 10;
                yield base * 2;
            }
        };
    }

    public static void main(String[] args) {
        for (Color c : Color.values()) {
            System.out.println(c + " " + c.name() + " " + c.ordinal() + " " + sw(c) + " " + c.compareTo(Color.GREEN) + " " + c.getDeclaringClass().getSimpleName() + " " + (c == Color.valueOf(c.name())));
        }
        System.out.println(Color.valueOf("BLUE").ordinal() + " " + Enum.valueOf(Color.class, "RED"));
        try {
            Color.valueOf("PURPLE");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            Color.valueOf(null);
        } catch (NullPointerException e) {
            System.out.println("NPE: " + e.getMessage());
        }
        for (Planet p : Planet.values()) {
            System.out.printf("%s %.2f%n", p, p.surfaceGravity());
        }
        for (Op op : Op.values()) {
            System.out.println(op + " " + op.name() + " " + op.symbol + " " + op.apply(6, 3) + " " + op.getClass().getName() + " " + op.getDeclaringClass().getName());
        }
        System.out.println("before Level use");
        Level l = Level.LOW;
        for (int i = 0; i < 4; i++) {
            System.out.println(l + " -> " + sw2(l));
            l = l.next();
        }
        for (Shape s : Shape.values()) {
            Describable d = s;
            System.out.println(d.describe());
        }
        Color[] vals = Color.values();
        vals[0] = Color.BLUE;
        System.out.println(Color.values()[0] + " " + vals[0]);
        System.out.println(Color.RED.equals(Color.RED) + " " + (Color.RED.hashCode() == Color.RED.hashCode()) + " " + Color.RED.toString().length());
        java.util.Map<Color, Integer> counts = new java.util.TreeMap<>();
        for (String s : new String[] {"RED", "BLUE", "RED", "GREEN", "RED"}) {
            counts.merge(Color.valueOf(s), 1, Integer::sum);
        }
        System.out.println(counts);
        java.util.Map<Level, String> byLevel = new java.util.HashMap<>();
        byLevel.put(Level.HIGH, "h");
        byLevel.put(Level.LOW, "l");
        System.out.println(byLevel.get(Level.HIGH) + " " + byLevel.get(Level.MEDIUM) + " " + byLevel.containsKey(Level.LOW) + " " + byLevel.size());
    }
}
