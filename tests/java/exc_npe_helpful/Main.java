public class Main {
    static class Node {
        Node next;
        String name;
        int[] data;
        Node(String name) { this.name = name; }
        String upper() { return name.toUpperCase(); }
    }

    static Node head;
    static String staticName;

    static void tryIt(String label, Runnable r) {
        try {
            r.run();
            System.out.println(label + ": no exception");
        } catch (NullPointerException e) {
            System.out.println(label + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        Node n = new Node("first");
        tryIt("field of null field", () -> System.out.println(n.next.name));
        tryIt("method on null field", () -> System.out.println(n.next.upper()));
        tryIt("array field null", () -> System.out.println(n.data[0]));
        tryIt("array length", () -> System.out.println(n.data.length));
        tryIt("static field", () -> System.out.println(head.name));
        tryIt("static string method", () -> System.out.println(staticName.length()));
        tryIt("store to null", () -> n.next.name = "x");
        tryIt("array store", () -> n.data[1] = 5);
        tryIt("method result", () -> System.out.println(new Node(null).upper()));
        tryIt("unboxing", () -> {
            Integer boxed = null;
            int v = boxed;
            System.out.println(v);
        });
        tryIt("synchronized", () -> {
            synchronized (n.next) {
                System.out.println("locked");
            }
        });
        tryIt("throw null", () -> {
            RuntimeException ex = null;
            throw ex;
        });
        tryIt("explicit", () -> {
            throw new NullPointerException("custom message");
        });
        tryIt("no message", () -> {
            throw new NullPointerException();
        });
        tryIt("objects", () -> java.util.Objects.requireNonNull(null, "must not be null"));
    }
}
