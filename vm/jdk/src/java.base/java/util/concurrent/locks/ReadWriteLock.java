// A pair of locks: a shared one for readers and an exclusive one for writers.
package java.util.concurrent.locks;

public interface ReadWriteLock {
    Lock readLock();

    Lock writeLock();
}
