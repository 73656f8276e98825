// An Error thrown by the main class's static initializer is not wrapped; its trace ends at
// <clinit>. Exit status 1.
public class Main {
    static {
        if (Main.class != null) {
            throw new AssertionError("static initializer failed");
        }
    }

    public static void main(String[] args) {
        System.out.println("never printed");
    }
}
