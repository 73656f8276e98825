// A main class without main(String[]): the launcher refuses it with java's message and status 1,
// before initializing the class (its static initializer prints nothing).
public class Main {
    static {
        System.out.println("never printed");
    }

    public static void main() {
        System.out.println("a main without parameters is not the main method");
    }

    public static void run(String[] args) {
        System.out.println("neither is run");
    }
}
