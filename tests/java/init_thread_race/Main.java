// Threads racing to initialize the same classes (JLS 12.4.2 steps 2 and 5-12), with output
// that does not depend on who wins: a slow static initializer entered by one thread while
// others ask for the class (they wait, then see every static fully set; the initializer runs
// once), a lazily created singleton requested by eight threads at once (one instance), a slow
// initializer that fails (the initializing thread gets ExceptionInInitializerError, the
// waiting ones NoClassDefFoundError), and a static initializer that starts a thread which
// uses the class (it blocks until the initializer completes). Threads write into their own
// slots; main prints after joining them.
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

public class Main {
    static final CountDownLatch slowEntered = new CountDownLatch(1);
    static final AtomicInteger slowRuns = new AtomicInteger();

    static class SlowConfig {
        static final int[] TABLE;
        static final String NAME;

        static {
            slowRuns.incrementAndGet();
            slowEntered.countDown();
            pause(150);
            TABLE = new int[1000];
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = i * i;
            }
            NAME = "config-" + TABLE.length;
        }

        static long checksum() {
            long s = 0;
            for (int v : TABLE) {
                s += v;
            }
            return s;
        }
    }

    static final AtomicInteger singletonsCreated = new AtomicInteger();

    static class Service {
        private Service() {
            singletonsCreated.incrementAndGet();
            pause(20);
        }

        private static class Holder {
            static final Service INSTANCE = new Service();
        }

        static Service get() {
            return Holder.INSTANCE;
        }
    }

    static final CountDownLatch failingEntered = new CountDownLatch(1);

    static class FailingLoader {
        static final String DATA;

        static {
            failingEntered.countDown();
            pause(100);
            if (failingEntered.getCount() == 0) {
                throw new IllegalStateException("resource missing");
            }
            DATA = "never";
        }
    }

    static final String[] fromStartedThread = new String[1];
    static Thread startedInInit;

    static class SelfStarting {
        static final String GREETING;

        static {
            startedInInit = new Thread(() -> fromStartedThread[0] = "helper saw " + SelfStarting.GREETING);
            startedInInit.start();
            pause(50);
            GREETING = "hello";
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    static String describe(Throwable t) {
        if (t instanceof ExceptionInInitializerError) {
            return "ExceptionInInitializerError(" + t.getCause().getMessage() + ")";
        }
        return t.getClass().getSimpleName() + "(" + t.getMessage() + ")";
    }

    public static void main(String[] args) throws Exception {
        String[] slowResults = new String[4];
        Thread first = new Thread(() -> slowResults[0] = SlowConfig.NAME + " " + SlowConfig.checksum());
        first.start();
        slowEntered.await();
        Thread[] late = new Thread[3];
        for (int i = 0; i < late.length; i++) {
            int slot = i + 1;
            late[i] = new Thread(() -> slowResults[slot] = SlowConfig.NAME + " " + SlowConfig.checksum());
            late[i].start();
        }
        first.join();
        for (Thread t : late) {
            t.join();
        }
        System.out.println("slow initializer ran " + slowRuns.get() + " time(s)");
        for (int i = 0; i < slowResults.length; i++) {
            System.out.println("  thread " + i + ": " + slowResults[i]);
        }

        Service[] seen = new Service[8];
        Thread[] getters = new Thread[seen.length];
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < getters.length; i++) {
            int slot = i;
            getters[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen[slot] = Service.get();
            });
            getters[i].start();
        }
        go.countDown();
        boolean allSame = true;
        for (int i = 0; i < getters.length; i++) {
            getters[i].join();
            allSame &= seen[i] == seen[0] && seen[i] != null;
        }
        System.out.println("singletons created " + singletonsCreated.get() + ", all threads got the same one: " + allSame);

        String[] failing = new String[3];
        Thread initiator = new Thread(() -> {
            try {
                failing[0] = FailingLoader.DATA;
            } catch (Throwable t) {
                failing[0] = describe(t);
            }
        });
        initiator.start();
        failingEntered.await();
        Thread[] waiters = new Thread[2];
        for (int i = 0; i < waiters.length; i++) {
            int slot = i + 1;
            waiters[i] = new Thread(() -> {
                try {
                    failing[slot] = FailingLoader.DATA;
                } catch (Throwable t) {
                    failing[slot] = describe(t);
                }
            });
            waiters[i].start();
        }
        initiator.join();
        for (Thread t : waiters) {
            t.join();
        }
        System.out.println("failing initializer:");
        for (int i = 0; i < failing.length; i++) {
            System.out.println("  " + (i == 0 ? "initiator" : "waiter " + i) + ": " + failing[i]);
        }
        try {
            System.out.println(FailingLoader.DATA);
        } catch (NoClassDefFoundError e) {
            System.out.println("  main afterwards: " + describe(e));
        }

        System.out.println("self-starting: " + SelfStarting.GREETING);
        startedInInit.join();
        System.out.println("  " + fromStartedThread[0]);
    }
}
