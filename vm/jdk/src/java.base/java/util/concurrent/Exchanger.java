// A point where two threads swap objects.
package java.util.concurrent;

public class Exchanger<V> {
    private final Object lock = new Object();
    // The item offered by a waiting thread, and the reply it receives.
    private Object offered;
    private boolean waiting;
    private Object reply;
    private boolean replied;
    private long generation;

    public Exchanger() {
    }

    public V exchange(V x) throws InterruptedException {
        try {
            return exchange0(x, false, 0L);
        } catch (TimeoutException cannotHappen) {
            throw new InterruptedException();
        }
    }

    public V exchange(V x, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        return exchange0(x, true, unit.toNanos(timeout));
    }

    private V exchange0(V x, boolean timed, long nanos) throws InterruptedException, TimeoutException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            if (waiting && !replied) {
                // A partner is waiting: take its item and hand ours back.
                Object theirs = offered;
                reply = x;
                replied = true;
                lock.notifyAll();
                return (V) theirs;
            }
            while (waiting) {
                lock.wait();
            }
            waiting = true;
            replied = false;
            offered = x;
            long myGeneration = ++generation;
            try {
                while (!replied) {
                    if (timed) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0L) {
                            throw new TimeoutException();
                        }
                        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                    } else {
                        lock.wait();
                    }
                }
                return (V) reply;
            } finally {
                if (generation == myGeneration) {
                    waiting = false;
                    offered = null;
                    reply = null;
                    replied = false;
                    lock.notifyAll();
                }
            }
        }
    }
}
