public class Main {
    static int compute() {
        try {
            System.out.println("in try, about to throw");
            throw new IllegalStateException("this exception is never reported");
        } finally {
            System.out.println("finally calls System.exit(42)");
            System.out.flush();
            System.exit(42);
        }
    }

    public static void main(String[] args) {
        try {
            System.out.println("outer try");
            System.out.println(compute());
        } catch (RuntimeException e) {
            System.out.println("not reached: " + e);
        } finally {
            System.out.println("outer finally not reached");
        }
    }
}
