// How a program ends with threads still around, as background services meet it: daemon threads
// (set explicitly or inherited from a daemon creator) still blocked when main returns do not
// keep the VM alive, while a non-daemon worker does and prints after main has returned; a
// thread's own UncaughtExceptionHandler, the default handler for threads without one, and a
// thread dying with neither (the stack trace on stderr, the exit status still 0).
import java.util.concurrent.CountDownLatch;

public class Main {
    static final CountDownLatch mainDone = new CountDownLatch(1);

    static class Heartbeat extends Thread {
        final CountDownLatch started;

        Heartbeat(CountDownLatch started) {
            super("heartbeat");
            this.started = started;
            setDaemon(true);
        }

        @Override
        public void run() {
            Thread spawned = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(1_000_000);
                    } catch (InterruptedException e) {
                        // keep beating
                    }
                }
            }, "heartbeat-child");
            spawned.start();
            started.countDown();
            while (true) {
                try {
                    Thread.sleep(1_000_000);
                } catch (InterruptedException e) {
                    // keep beating
                }
            }
        }
    }

    static class Flusher extends Thread {
        Flusher() {
            super("flusher");
        }

        @Override
        public void run() {
            try {
                mainDone.await();
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("flusher: main has returned, flushing 3 pending records");
            for (int i = 1; i <= 3; i++) {
                System.out.println("flusher: record " + i);
            }
            System.out.println("flusher: done, daemon " + isDaemon());
        }
    }

    static class Parser extends Thread {
        final String input;

        Parser(String name, String input) {
            super(name);
            this.input = input;
        }

        @Override
        public void run() {
            if (input.isEmpty()) {
                throw new IllegalArgumentException("empty input in " + getName());
            }
            int n = input.length() / (input.length() - input.length());
            System.out.println("unreachable " + n);
        }
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Heartbeat hb = new Heartbeat(started);
        hb.start();
        started.await();
        System.out.println("heartbeat daemon " + hb.isDaemon() + ", alive " + hb.isAlive());

        Parser withHandler = new Parser("parser-1", "");
        withHandler.setUncaughtExceptionHandler((t, e) ->
                System.out.println("handler of " + t.getName() + " caught " + e + ", thread alive during handler " + t.isAlive()));
        withHandler.start();
        withHandler.join();

        Parser noHandler = new Parser("parser-2", "abc");
        noHandler.start();
        noHandler.join();
        System.out.println("parser-2 ended " + noHandler.getState() + ", handler set: " + (Thread.getDefaultUncaughtExceptionHandler() != null));

        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.out.println("default handler: " + t.getName() + " died of " + e.getMessage()));
        Parser third = new Parser("parser-3", "");
        third.start();
        third.join();
        Parser fourth = new Parser("parser-4", "");
        fourth.setUncaughtExceptionHandler((t, e) -> System.out.println("own handler wins for " + t.getName()));
        fourth.start();
        fourth.join();
        System.out.println("handlers: own " + (fourth.getUncaughtExceptionHandler() != Thread.getDefaultUncaughtExceptionHandler()));

        Flusher flusher = new Flusher();
        flusher.start();
        System.out.println("main returning; flusher daemon " + flusher.isDaemon() + ", heartbeat alive " + hb.isAlive());
        mainDone.countDown();
    }
}
