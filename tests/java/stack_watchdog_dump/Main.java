// A watchdog that dumps the stacks of stuck threads, as application servers do for hung
// requests: Thread.getStackTrace of other threads while they are blocked in known places
// (waiting on a monitor inside nested calls, sleeping inside a lambda, blocked entering a
// synchronized method, parked in a constructor, waiting in a static initializer), filtered to
// the program's own frames (class, method, line) so the library's frames do not matter (a
// lambda's generated class, which another thread's trace shows, is named by a marker); a
// thread not started and a terminated thread give empty traces; the current thread's own
// trace, and a trace taken from an uncaught exception's handler.
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

public class Main {
    static final Object lock = new Object();
    static volatile boolean release;
    static final CountDownLatch initEntered = new CountDownLatch(1);

    static String own(StackTraceElement[] trace) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement e : trace) {
            if (e.getClassName().contains("$$Lambda$")) {
                // A lambda's generated class: its name holds an address, which differs per run.
                out.add("[lambda class]." + e.getMethodName());
            } else if (e.getClassName().startsWith("Main")) {
                out.add(e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber());
            }
        }
        return out.isEmpty() ? "(no frames of the program)" : String.join("\n      ", out);
    }

    static class RequestHandler {
        void handle() {
            authorize();
        }

        void authorize() {
            fetchToken();
        }

        void fetchToken() {
            synchronized (lock) {
                while (!release) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    static class Counter {
        synchronized void increment() {
            release = release;
        }
    }

    static class SlowBuilder {
        final String value;

        SlowBuilder() {
            while (!release) {
                LockSupport.park(this);
            }
            value = "built";
        }
    }

    static class SlowInit {
        static final int VALUE;

        static {
            initEntered.countDown();
            while (!release) {
                LockSupport.parkNanos(1_000_000L);
            }
            VALUE = 1;
        }
    }

    static void awaitState(Thread t, Thread.State... states) throws InterruptedException {
        while (true) {
            Thread.State s = t.getState();
            for (Thread.State want : states) {
                if (s == want) {
                    return;
                }
            }
            Thread.sleep(1);
        }
    }

    public static void main(String[] args) throws Exception {
        Thread notStarted = new Thread(() -> { }, "not-started");
        System.out.println("not started: " + notStarted.getStackTrace().length + " frames");

        Thread waiter = new Thread(() -> new RequestHandler().handle(), "request-1");
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                // woken by the watchdog
            }
        }, "sleeper");
        Counter counter = new Counter();
        Thread blocked = new Thread(counter::increment, "blocked");
        Thread builder = new Thread(() -> new SlowBuilder(), "builder");
        Thread initializer = new Thread(() -> System.out.print(""), "initializer") {
            @Override
            public void run() {
                int v = SlowInit.VALUE;
            }
        };

        synchronized (counter) {
            waiter.start();
            sleeper.start();
            blocked.start();
            builder.start();
            initializer.start();
            awaitState(waiter, Thread.State.WAITING);
            awaitState(sleeper, Thread.State.TIMED_WAITING);
            awaitState(blocked, Thread.State.BLOCKED);
            awaitState(builder, Thread.State.WAITING);
            initEntered.await();
            awaitState(initializer, Thread.State.TIMED_WAITING);
            for (Thread t : new Thread[] {waiter, sleeper, blocked, builder, initializer}) {
                System.out.println(t.getName() + " (" + t.getState() + "):\n      " + own(t.getStackTrace()));
            }
        }

        release = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        sleeper.interrupt();
        LockSupport.unpark(builder);
        for (Thread t : new Thread[] {waiter, sleeper, blocked, builder, initializer}) {
            t.join();
        }
        System.out.println("after join: " + waiter.getStackTrace().length + " frames, state " + waiter.getState());

        System.out.println("main's own trace:\n      " + own(Thread.currentThread().getStackTrace()));

        String[] fromHandler = new String[1];
        Thread failing = new Thread("failing") {
            @Override
            public void run() {
                explode(3);
            }

            void explode(int n) {
                if (n == 0) {
                    throw new IllegalStateException("stuck request aborted");
                }
                explode(n - 1);
            }
        };
        failing.setUncaughtExceptionHandler((t, e) -> fromHandler[0] = e.getMessage() + ":\n      " + own(e.getStackTrace()));
        failing.start();
        failing.join();
        System.out.println("handler saw " + fromHandler[0]);
    }
}
