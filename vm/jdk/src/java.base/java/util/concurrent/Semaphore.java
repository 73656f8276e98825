// A counting semaphore.
package java.util.concurrent;

public class Semaphore implements java.io.Serializable {
    private final Object lock = new Object();
    private int permits;
    private final boolean fair;
    private int waiting;

    public Semaphore(int permits) {
        this(permits, false);
    }

    public Semaphore(int permits, boolean fair) {
        this.permits = permits;
        this.fair = fair;
    }

    public void acquire() throws InterruptedException {
        acquire(1);
    }

    public void acquireUninterruptibly() {
        acquireUninterruptibly(1);
    }

    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return tryAcquire(1, timeout, unit);
    }

    public void release() {
        release(1);
    }

    public void acquire(int permits) throws InterruptedException {
        if (permits < 0) {
            throw new IllegalArgumentException();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (lock) {
            waiting++;
            try {
                while (this.permits < permits) {
                    lock.wait();
                }
                this.permits -= permits;
            } finally {
                waiting--;
            }
        }
    }

    public void acquireUninterruptibly(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException();
        }
        boolean interrupted = false;
        synchronized (lock) {
            waiting++;
            try {
                while (this.permits < permits) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                this.permits -= permits;
            } finally {
                waiting--;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean tryAcquire(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (lock) {
            if (this.permits >= permits) {
                this.permits -= permits;
                return true;
            }
            return false;
        }
    }

    public boolean tryAcquire(int permits, long timeout, TimeUnit unit) throws InterruptedException {
        if (permits < 0) {
            throw new IllegalArgumentException();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            waiting++;
            try {
                while (this.permits < permits) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                }
                this.permits -= permits;
                return true;
            } finally {
                waiting--;
            }
        }
    }

    public void release(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (lock) {
            int next = this.permits + permits;
            if (next < this.permits) {
                throw new Error("Maximum permit count exceeded");
            }
            this.permits = next;
            lock.notifyAll();
        }
    }

    public int availablePermits() {
        synchronized (lock) {
            return permits;
        }
    }

    public int drainPermits() {
        synchronized (lock) {
            int n = permits;
            permits = 0;
            return n;
        }
    }

    protected void reducePermits(int reduction) {
        if (reduction < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (lock) {
            permits -= reduction;
        }
    }

    public boolean isFair() {
        return fair;
    }

    public final boolean hasQueuedThreads() {
        synchronized (lock) {
            return waiting > 0;
        }
    }

    public final int getQueueLength() {
        synchronized (lock) {
            return waiting;
        }
    }

    public String toString() {
        return super.toString() + "[Permits = " + availablePermits() + "]";
    }
}
