// A reentrant lock pair: many readers or one writer; a writer may also take the read lock.
package java.util.concurrent.locks;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;

public class ReentrantReadWriteLock implements ReadWriteLock, java.io.Serializable {
    private final Object sync = new Object();
    private final boolean fair;
    private final ReadLock readerLock;
    private final WriteLock writerLock;
    private Thread writer;
    private int writeHolds;
    // Read holds per thread.
    private final HashMap<Thread, Integer> readers = new HashMap<>();
    private int readHolds;

    public ReentrantReadWriteLock() {
        this(false);
    }

    public ReentrantReadWriteLock(boolean fair) {
        this.fair = fair;
        readerLock = new ReadLock(this);
        writerLock = new WriteLock(this);
    }

    public ReentrantReadWriteLock.WriteLock writeLock() {
        return writerLock;
    }

    public ReentrantReadWriteLock.ReadLock readLock() {
        return readerLock;
    }

    private boolean canRead(Thread t) {
        return writer == null || writer == t;
    }

    private void addReader(Thread t) {
        Integer n = readers.get(t);
        readers.put(t, n == null ? 1 : n + 1);
        readHolds++;
    }

    private boolean canWrite(Thread t) {
        return (writer == null || writer == t) && (readHolds == 0 || (writer == t));
    }

    private void acquireRead(boolean interruptible) throws InterruptedException {
        boolean interrupted = false;
        synchronized (sync) {
            Thread t = Thread.currentThread();
            while (!canRead(t)) {
                try {
                    sync.wait();
                } catch (InterruptedException e) {
                    if (interruptible) {
                        throw e;
                    }
                    interrupted = true;
                }
            }
            addReader(t);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void acquireWrite(boolean interruptible) throws InterruptedException {
        boolean interrupted = false;
        synchronized (sync) {
            Thread t = Thread.currentThread();
            while (!canWrite(t)) {
                try {
                    sync.wait();
                } catch (InterruptedException e) {
                    if (interruptible) {
                        throw e;
                    }
                    interrupted = true;
                }
            }
            writer = t;
            writeHolds++;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public static class ReadLock implements Lock, java.io.Serializable {
        private final ReentrantReadWriteLock rw;

        protected ReadLock(ReentrantReadWriteLock lock) {
            rw = lock;
        }

        public void lock() {
            try {
                rw.acquireRead(false);
            } catch (InterruptedException cannotHappen) {
                Thread.currentThread().interrupt();
            }
        }

        public void lockInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            rw.acquireRead(true);
        }

        public boolean tryLock() {
            synchronized (rw.sync) {
                Thread t = Thread.currentThread();
                if (!rw.canRead(t)) {
                    return false;
                }
                rw.addReader(t);
                return true;
            }
        }

        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            synchronized (rw.sync) {
                Thread t = Thread.currentThread();
                while (!rw.canRead(t)) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(rw.sync, remaining);
                }
                rw.addReader(t);
                return true;
            }
        }

        public void unlock() {
            synchronized (rw.sync) {
                Thread t = Thread.currentThread();
                Integer n = rw.readers.get(t);
                if (n == null) {
                    throw new IllegalMonitorStateException("attempt to unlock read lock, not locked by current thread");
                }
                if (n == 1) {
                    rw.readers.remove(t);
                } else {
                    rw.readers.put(t, n - 1);
                }
                rw.readHolds--;
                rw.sync.notifyAll();
            }
        }

        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }

        public String toString() {
            int r;
            synchronized (rw.sync) {
                r = rw.readHolds;
            }
            return super.toString() + "[Read locks = " + r + "]";
        }
    }

    public static class WriteLock implements Lock, java.io.Serializable {
        private final ReentrantReadWriteLock rw;

        protected WriteLock(ReentrantReadWriteLock lock) {
            rw = lock;
        }

        public void lock() {
            try {
                rw.acquireWrite(false);
            } catch (InterruptedException cannotHappen) {
                Thread.currentThread().interrupt();
            }
        }

        public void lockInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            rw.acquireWrite(true);
        }

        public boolean tryLock() {
            synchronized (rw.sync) {
                Thread t = Thread.currentThread();
                if (!rw.canWrite(t)) {
                    return false;
                }
                rw.writer = t;
                rw.writeHolds++;
                return true;
            }
        }

        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            synchronized (rw.sync) {
                Thread t = Thread.currentThread();
                while (!rw.canWrite(t)) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(rw.sync, remaining);
                }
                rw.writer = t;
                rw.writeHolds++;
                return true;
            }
        }

        public void unlock() {
            synchronized (rw.sync) {
                if (rw.writer != Thread.currentThread()) {
                    throw new IllegalMonitorStateException();
                }
                if (--rw.writeHolds == 0) {
                    rw.writer = null;
                    rw.sync.notifyAll();
                }
            }
        }

        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }

        public boolean isHeldByCurrentThread() {
            synchronized (rw.sync) {
                return rw.writer == Thread.currentThread();
            }
        }

        public int getHoldCount() {
            synchronized (rw.sync) {
                return rw.writer == Thread.currentThread() ? rw.writeHolds : 0;
            }
        }

        public String toString() {
            Thread o;
            synchronized (rw.sync) {
                o = rw.writer;
            }
            return super.toString() + ((o == null) ? "[Unlocked]" : "[Locked by thread " + o.getName() + "]");
        }
    }

    public final boolean isFair() {
        return fair;
    }

    public int getReadLockCount() {
        synchronized (sync) {
            return readHolds;
        }
    }

    public boolean isWriteLocked() {
        synchronized (sync) {
            return writer != null;
        }
    }

    public boolean isWriteLockedByCurrentThread() {
        synchronized (sync) {
            return writer == Thread.currentThread();
        }
    }

    public int getWriteHoldCount() {
        synchronized (sync) {
            return writer == Thread.currentThread() ? writeHolds : 0;
        }
    }

    public int getReadHoldCount() {
        synchronized (sync) {
            Integer n = readers.get(Thread.currentThread());
            return n == null ? 0 : n;
        }
    }

    public String toString() {
        int w;
        int r;
        synchronized (sync) {
            w = writeHolds;
            r = readHolds;
        }
        return super.toString() + "[Write locks = " + w + ", Read locks = " + r + "]";
    }
}
