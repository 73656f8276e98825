public class Main {
    static int depth;

    static int recurse(int n) {
        depth++;
        return recurse(n + 1) + 1;
    }

    static long fat(long a, long b, long c, long d) {
        long[] local = {a, b, c, d};
        return fat(local[1], local[2], local[3], local[0] + 1) + local[0];
    }

    static class Node {
        Node next;
        int v;
        @Override public String toString() { return v + "->" + next; }
    }

    static int attempts = 0;

    static void recoverAndRecurseAgain() {
        try {
            recurse(0);
        } catch (StackOverflowError e) {
            attempts++;
        }
    }

    public static void main(String[] args) {
        try {
            recurse(0);
            System.out.println("not reached");
        } catch (StackOverflowError e) {
            System.out.println("caught SOE");
        }
        System.out.println("depth was positive: " + (depth > 1000));
        try {
            fat(1, 2, 3, 4);
        } catch (StackOverflowError e) {
            System.out.println("caught SOE with big frames, message null: " + (e.getMessage() == null));
        }
        Node head = null;
        for (int i = 0; i < 200000; i++) {
            Node n = new Node();
            n.v = i;
            n.next = head;
            head = n;
        }
        try {
            String s = head.toString();
            System.out.println("length " + s.length());
        } catch (StackOverflowError e) {
            System.out.println("caught SOE in toString chain");
        }
        for (int i = 0; i < 5; i++) {
            recoverAndRecurseAgain();
        }
        System.out.println("recovered " + attempts + " times");
        int sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += i;
        }
        System.out.println("program continues normally, sum " + sum);
    }
}
