// An exception in the main class's static initializer: the launcher initializes the class before
// calling main, with no Java frame below, so the ExceptionInInitializerError has an empty trace
// and the cause's trace ends at <clinit>. Exit status 1.
public class Main {
    static int divisor = 0;
    static int value = compute();

    static int compute() {
        System.out.println("initializing");
        return 10 / divisor;
    }

    public static void main(String[] args) {
        System.out.println("never printed " + value);
    }
}
