// Thread.getState (java.lang.Thread.State): NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING and
// TERMINATED, reached by polling, for each kind of blocking call.
import java.util.concurrent.locks.LockSupport;

public class Main {
    static final Object lock = new Object();
    static final Object other = new Object();

    static Thread.State await(Thread t, Thread.State want) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Thread.State s = t.getState();
        while (s != want && System.nanoTime() < deadline) {
            Thread.yield();
            s = t.getState();
        }
        return s;
    }

    static void show(String what, Thread t, Thread.State want) {
        System.out.println(what + ": " + await(t, want));
    }

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> {
            synchronized (lock) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                }
            }
        });
        System.out.println("before start: " + t.getState());
        System.out.println("main: " + Thread.currentThread().getState());
        t.start();
        show("wait()", t, Thread.State.WAITING);
        synchronized (lock) {
            lock.notify();
            // Notified, but the monitor is still held here.
            show("notified, monitor held", t, Thread.State.BLOCKED);
        }
        t.join();
        System.out.println("after join: " + t.getState());

        Thread timed = new Thread(() -> {
            synchronized (other) {
                try {
                    other.wait(100_000);
                } catch (InterruptedException e) {
                }
            }
        });
        timed.start();
        show("wait(ms)", timed, Thread.State.TIMED_WAITING);
        timed.interrupt();
        timed.join();

        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(100_000);
            } catch (InterruptedException e) {
            }
        });
        sleeper.start();
        show("sleep", sleeper, Thread.State.TIMED_WAITING);

        Thread joiner = new Thread(() -> {
            try {
                sleeper.join();
            } catch (InterruptedException e) {
            }
        });
        joiner.start();
        show("join()", joiner, Thread.State.WAITING);
        Thread timedJoiner = new Thread(() -> {
            try {
                sleeper.join(100_000);
            } catch (InterruptedException e) {
            }
        });
        timedJoiner.start();
        show("join(ms)", timedJoiner, Thread.State.TIMED_WAITING);
        sleeper.interrupt();
        joiner.join();
        timedJoiner.join();
        System.out.println("sleeper: " + sleeper.getState());

        Thread blocked;
        synchronized (lock) {
            blocked = new Thread(() -> {
                synchronized (lock) {
                    System.out.println("blocked thread got the monitor");
                }
            });
            blocked.start();
            show("synchronized block", blocked, Thread.State.BLOCKED);
        }
        blocked.join();

        Thread parker = new Thread(() -> {
            LockSupport.park();
        });
        parker.start();
        show("park()", parker, Thread.State.WAITING);
        LockSupport.unpark(parker);
        parker.join();
        Thread nanoParker = new Thread(() -> {
            LockSupport.parkNanos(100_000_000_000L);
        });
        nanoParker.start();
        show("parkNanos", nanoParker, Thread.State.TIMED_WAITING);
        LockSupport.unpark(nanoParker);
        nanoParker.join();

        Thread spinner = new Thread(() -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x++;
            }
        });
        spinner.start();
        show("spinning", spinner, Thread.State.RUNNABLE);
        spinner.interrupt();
        spinner.join();
        System.out.println("spinner: " + spinner.getState());
        for (Thread.State s : Thread.State.values()) {
            System.out.print(s.ordinal() + "=" + s + " ");
        }
        System.out.println();
    }
}
