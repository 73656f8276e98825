// JLS 12.4.2 step 2: a thread that needs a class another thread is initializing waits until
// that initialization completes, then sees the class initialized, or, if it failed,
// gets NoClassDefFoundError. Meanwhile the initializing thread may use the class freely,
// and other threads running the same code must not get ahead of the initialization.
public class Main {
    static volatile boolean started;
    static volatile boolean release;

    static class Slow {
        static int value;
        static int[] data;

        static {
            started = true;
            while (!release) {
                Thread.yield();
            }
            data = new int[] {1, 2, 3};
            value = 42;
        }

        static int sum() {
            return data[0] + data[1] + data[2] + value;
        }
    }

    static class SlowFail {
        static int value;

        static {
            started = true;
            while (!release) {
                Thread.yield();
            }
            if (value == 0) {
                throw new IllegalStateException("init failed");
            }
        }
    }

    // The same instruction, run by several threads: the first initializes, the others wait.
    static int read() {
        return Slow.value;
    }

    static int call() {
        return Slow.sum();
    }

    public static void main(String[] args) throws Exception {
        int[] results = new int[4];
        Thread init = new Thread(() -> results[0] = read());
        init.start();
        while (!started) {
            Thread.yield();
        }
        Thread reader = new Thread(() -> results[1] = read());
        Thread caller = new Thread(() -> results[2] = call());
        Thread maker = new Thread(() -> results[3] = new Slow().hashCode() == 0 ? -1 : Slow.value);
        reader.start();
        caller.start();
        maker.start();
        for (int i = 0; i < 100; i++) {
            Thread.yield();
        }
        System.out.println("waiting threads see it in progress: " + reader.getState() + " " + results[1]);
        release = true;
        init.join();
        reader.join();
        caller.join();
        maker.join();
        System.out.println("results: " + results[0] + " " + results[1] + " " + results[2] + " " + results[3]);

        started = false;
        release = false;
        String[] seen = new String[2];
        Thread failing = new Thread(() -> {
            try {
                seen[0] = "value " + SlowFail.value;
            } catch (Throwable t) {
                seen[0] = t.toString();
            }
        });
        failing.start();
        while (!started) {
            Thread.yield();
        }
        Thread waiter = new Thread(() -> {
            try {
                seen[1] = "value " + SlowFail.value;
            } catch (Throwable t) {
                seen[1] = t.toString();
            }
        });
        waiter.start();
        for (int i = 0; i < 100; i++) {
            Thread.yield();
        }
        release = true;
        failing.join();
        waiter.join();
        System.out.println("initializing thread: " + seen[0]);
        System.out.println("waiting thread: " + seen[1]);
    }
}
