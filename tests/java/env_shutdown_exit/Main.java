import java.io.FileWriter;
import java.io.IOException;

// System.exit(3) from main, inside try/finally: the finally block does not run, but the shutdown
// hook does, after everything main printed; it sees main's state and writes a file.
public class Main {
    static int processed = 0;

    static class Cleanup extends Thread {
        Cleanup() {
            super("cleanup");
        }

        @Override
        public void run() {
            System.out.println("hook " + getName() + ": processed " + processed + " items");
            try (FileWriter w = new FileWriter("state.txt")) {
                w.write("processed " + processed + "\n");
            } catch (IOException e) {
                System.out.println("hook could not write: " + e.getMessage());
            }
            System.err.println("hook wrote state.txt");
        }
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Cleanup());
        try {
            for (int i = 0; i < 10; i++) {
                processed++;
                if (i == 6) {
                    System.out.println("main exits with status 3 after " + processed + " items");
                    System.exit(3);
                }
            }
        } finally {
            System.out.println("finally must not run");
        }
        System.out.println("not reached");
    }
}
