// A reentrant mutual-exclusion lock with conditions.
package java.util.concurrent.locks;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

// State lives under the monitor of `sync`; waiting threads wait on it and are woken with notifyAll.
public class ReentrantLock implements Lock, java.io.Serializable {
    private final Object sync = new Object();
    private final boolean fair;
    private Thread owner;
    private int holds;
    private int queued;

    public ReentrantLock() {
        this(false);
    }

    public ReentrantLock(boolean fair) {
        this.fair = fair;
    }

    public void lock() {
        boolean interrupted = false;
        synchronized (sync) {
            Thread current = Thread.currentThread();
            if (owner == current) {
                holds++;
                return;
            }
            queued++;
            try {
                while (owner != null) {
                    try {
                        sync.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                queued--;
            }
            owner = current;
            holds = 1;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (sync) {
            Thread current = Thread.currentThread();
            if (owner == current) {
                holds++;
                return;
            }
            queued++;
            try {
                while (owner != null) {
                    sync.wait();
                }
            } finally {
                queued--;
            }
            owner = current;
            holds = 1;
        }
    }

    public boolean tryLock() {
        synchronized (sync) {
            Thread current = Thread.currentThread();
            if (owner == current) {
                holds++;
                return true;
            }
            if (owner == null) {
                owner = current;
                holds = 1;
                return true;
            }
            return false;
        }
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (sync) {
            Thread current = Thread.currentThread();
            if (owner == current) {
                holds++;
                return true;
            }
            queued++;
            try {
                while (owner != null) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(sync, remaining);
                }
            } finally {
                queued--;
            }
            owner = current;
            holds = 1;
            return true;
        }
    }

    public void unlock() {
        synchronized (sync) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException();
            }
            if (--holds == 0) {
                owner = null;
                sync.notifyAll();
            }
        }
    }

    public Condition newCondition() {
        return new ConditionObject();
    }

    public int getHoldCount() {
        synchronized (sync) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (sync) {
            return owner == Thread.currentThread();
        }
    }

    public boolean isLocked() {
        synchronized (sync) {
            return owner != null;
        }
    }

    public final boolean isFair() {
        return fair;
    }

    protected Thread getOwner() {
        synchronized (sync) {
            return owner;
        }
    }

    public final boolean hasQueuedThreads() {
        synchronized (sync) {
            return queued > 0;
        }
    }

    public final int getQueueLength() {
        synchronized (sync) {
            return queued;
        }
    }

    public String toString() {
        Thread o = getOwner();
        return super.toString() + ((o == null) ? "[Unlocked]" : "[Locked by thread " + o.getName() + "]");
    }

    // A waiting thread's place in a condition's queue; signal marks it and wakes everyone.
    private static final class Waiter {
        boolean signalled;
    }

    private final class ConditionObject implements Condition, java.io.Serializable {
        private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        // Called with sync held: releases the lock completely and returns the hold count.
        private int release() {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException();
            }
            int saved = holds;
            owner = null;
            holds = 0;
            sync.notifyAll();
            return saved;
        }

        // Called with sync held: waits for the lock and restores the hold count.
        private boolean reacquire(int saved) {
            boolean interrupted = false;
            while (owner != null) {
                try {
                    sync.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            owner = Thread.currentThread();
            holds = saved;
            return interrupted;
        }

        public void await() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            boolean interrupted;
            InterruptedException thrown = null;
            synchronized (sync) {
                Waiter w = new Waiter();
                int saved = release();
                waiters.addLast(w);
                try {
                    while (!w.signalled) {
                        sync.wait();
                    }
                } catch (InterruptedException e) {
                    thrown = e;
                    waiters.remove(w);
                }
                interrupted = reacquire(saved);
            }
            if (thrown != null) {
                throw thrown;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        public void awaitUninterruptibly() {
            boolean interrupted = false;
            synchronized (sync) {
                Waiter w = new Waiter();
                int saved = release();
                waiters.addLast(w);
                while (!w.signalled) {
                    try {
                        sync.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                interrupted |= reacquire(saved);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long deadline = System.nanoTime() + nanosTimeout;
            boolean interrupted;
            InterruptedException thrown = null;
            synchronized (sync) {
                Waiter w = new Waiter();
                int saved = release();
                waiters.addLast(w);
                try {
                    while (!w.signalled) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0L) {
                            waiters.remove(w);
                            break;
                        }
                        TimeUnit.NANOSECONDS.timedWait(sync, remaining);
                    }
                } catch (InterruptedException e) {
                    thrown = e;
                    waiters.remove(w);
                }
                interrupted = reacquire(saved);
            }
            if (thrown != null) {
                throw thrown;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return deadline - System.nanoTime();
        }

        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            return awaitNanos(unit.toNanos(time)) > 0L;
        }

        public void signal() {
            synchronized (sync) {
                if (owner != Thread.currentThread()) {
                    throw new IllegalMonitorStateException();
                }
                Waiter w = waiters.pollFirst();
                if (w != null) {
                    w.signalled = true;
                    sync.notifyAll();
                }
            }
        }

        public void signalAll() {
            synchronized (sync) {
                if (owner != Thread.currentThread()) {
                    throw new IllegalMonitorStateException();
                }
                Waiter w;
                while ((w = waiters.pollFirst()) != null) {
                    w.signalled = true;
                }
                sync.notifyAll();
            }
        }
    }
}
