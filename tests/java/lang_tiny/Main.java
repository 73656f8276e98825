// A deliberately tiny program: small enough to be captured and restored after every single
// instruction (the roundtrip-1 trial), yet touching objects, strings, arrays and exceptions.
public class Main {
    static int calls;

    int value;

    Main(int value) {
        this.value = value;
        calls++;
    }

    int twice() {
        return value * 2;
    }

    public static void main(String[] args) {
        Main m = new Main(21);
        int[] squares = new int[5];
        for (int i = 0; i < squares.length; i++) {
            squares[i] = i * i;
        }
        System.out.println("answer " + m.twice() + " last square " + squares[4] + " calls " + calls);
        try {
            Object o = "text";
            Integer bad = (Integer) o;
            System.out.println(bad);
        } catch (ClassCastException e) {
            System.out.println("caught " + e.getClass().getName());
        }
        long big = Long.MAX_VALUE;
        System.out.println((big + 1) + " " + (7 / 2.0) + " " + 'x' + (char) ('a' + 2));
    }
}
