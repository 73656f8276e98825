// A blocking queue without capacity: each insertion waits for a removal and vice versa.
package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;

public class SynchronousQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private final Object lock = new Object();
    // Consumers currently waiting, and items handed to them but not yet picked up.
    private int waitingTakers;
    private final ArrayDeque<E> handed = new ArrayDeque<>();

    public SynchronousQueue() {
    }

    public SynchronousQueue(boolean fair) {
    }

    public void put(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            while (waitingTakers <= handed.size()) {
                lock.wait();
            }
            handed.addLast(e);
            lock.notifyAll();
        }
    }

    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (waitingTakers <= handed.size()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            handed.addLast(e);
            lock.notifyAll();
            return true;
        }
    }

    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            if (waitingTakers <= handed.size()) {
                return false;
            }
            handed.addLast(e);
            lock.notifyAll();
            return true;
        }
    }

    public E take() throws InterruptedException {
        synchronized (lock) {
            waitingTakers++;
            lock.notifyAll();
            try {
                while (handed.isEmpty()) {
                    lock.wait();
                }
                return handed.pollFirst();
            } finally {
                waitingTakers--;
            }
        }
    }

    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            waitingTakers++;
            lock.notifyAll();
            try {
                while (handed.isEmpty()) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        return null;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                }
                return handed.pollFirst();
            } finally {
                waitingTakers--;
            }
        }
    }

    public E poll() {
        return null;
    }

    public boolean isEmpty() {
        return true;
    }

    public int size() {
        return 0;
    }

    public int remainingCapacity() {
        return 0;
    }

    public void clear() {
    }

    public boolean contains(Object o) {
        return false;
    }

    public boolean remove(Object o) {
        return false;
    }

    public boolean containsAll(Collection<?> c) {
        return c.isEmpty();
    }

    public boolean removeAll(Collection<?> c) {
        return false;
    }

    public boolean retainAll(Collection<?> c) {
        return false;
    }

    public E peek() {
        return null;
    }

    public Iterator<E> iterator() {
        return Collections.emptyIterator();
    }

    public Object[] toArray() {
        return new Object[0];
    }

    public <T> T[] toArray(T[] a) {
        if (a.length > 0) {
            a[0] = null;
        }
        return a;
    }

    public String toString() {
        return "[]";
    }

    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    public int drainTo(Collection<? super E> c, int maxElements) {
        if (c == null) {
            throw new NullPointerException();
        }
        if (c == this) {
            throw new IllegalArgumentException();
        }
        return 0;
    }
}
