// Interrupts delivered to blocking calls (JLS 17.2.3, Object.wait, Thread.sleep, Thread.join):
// the InterruptedException is caught by the handler around the call, and the interrupt flag is
// cleared when it is thrown. A notification that precedes an interrupt is not lost (JLS 17.2.4):
// wait returns normally and the flag stays set.
public class Main {
    static final Object lock = new Object();
    static volatile boolean waiting;

    interface Body {
        void run() throws InterruptedException;
    }

    // Runs body in a new thread, interrupts it once it is blocked, and reports what it saw.
    static void check(String name, Body body) throws InterruptedException {
        String[] seen = new String[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
                seen[0] = "returned, flag " + Thread.currentThread().isInterrupted();
            } catch (InterruptedException e) {
                seen[0] = "caught " + e.getMessage() + ", flag " + Thread.currentThread().isInterrupted();
            }
        });
        t.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING
                && System.nanoTime() < deadline) {
            Thread.yield();
        }
        t.interrupt();
        t.join();
        System.out.println(name + ": " + seen[0]);
    }

    static void timedWait() throws InterruptedException {
        synchronized (lock) {
            try {
                lock.wait(100_000);
            } catch (InterruptedException e) {
                System.out.println("  handler of wait(ms) ran, flag " + Thread.currentThread().isInterrupted());
                throw e;
            }
        }
    }

    static int sleepInTry() {
        try {
            Thread.sleep(100_000);
        } catch (InterruptedException e) {
            return 1;
        }
        return 2;
    }

    public static void main(String[] args) throws Exception {
        check("wait(ms)", Main::timedWait);
        check("wait()", () -> {
            synchronized (lock) {
                lock.wait();
            }
        });
        check("wait(ms, ns)", () -> {
            synchronized (lock) {
                lock.wait(100_000, 5);
            }
        });
        check("sleep(ms)", () -> Thread.sleep(100_000));
        check("sleep(ms, ns)", () -> Thread.sleep(100_000, 7));
        check("sleep in try", () -> System.out.println("  sleepInTry -> " + sleepInTry()));
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(100_000);
            } catch (InterruptedException e) {
            }
        });
        sleeper.start();
        check("join()", sleeper::join);
        check("join(ms)", () -> sleeper.join(100_000));
        sleeper.interrupt();
        sleeper.join();

        // Interrupted before the call: the call throws at once.
        Thread.currentThread().interrupt();
        try {
            Thread.sleep(10);
            System.out.println("sleep after interrupt returned");
        } catch (InterruptedException e) {
            System.out.println("sleep after interrupt: " + e.getMessage() + ", flag " + Thread.interrupted());
        }
        Thread.currentThread().interrupt();
        synchronized (lock) {
            try {
                lock.wait(10);
                System.out.println("wait after interrupt returned");
            } catch (InterruptedException e) {
                System.out.println("wait after interrupt: " + e.getMessage() + ", flag " + Thread.interrupted());
            }
        }
        Thread.currentThread().interrupt();
        System.out.println("interrupted() " + Thread.interrupted() + " then " + Thread.interrupted());

        // Notified, then interrupted before it could take the monitor back: wait returns normally.
        String[] seen = new String[1];
        Thread w = new Thread(() -> {
            synchronized (lock) {
                waiting = true;
                try {
                    lock.wait();
                    seen[0] = "returned, flag " + Thread.currentThread().isInterrupted();
                } catch (InterruptedException e) {
                    seen[0] = "caught, flag " + Thread.currentThread().isInterrupted();
                }
            }
        });
        w.start();
        while (true) {
            synchronized (lock) {
                if (waiting && w.getState() == Thread.State.WAITING) {
                    lock.notify();
                    w.interrupt();
                    break;
                }
            }
            Thread.yield();
        }
        w.join();
        System.out.println("notify then interrupt: " + seen[0]);

        // A trace of an exception thrown by an interrupted sleep points at the sleep's line.
        Thread.currentThread().interrupt();
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            StackTraceElement top = null;
            for (StackTraceElement el : e.getStackTrace()) {
                if (el.getClassName().equals("Main")) {
                    top = el;
                    break;
                }
            }
            System.out.println("trace: " + top);
        }
    }
}
