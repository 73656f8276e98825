// A bounded first-in first-out blocking queue.
package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;

// Elements live in an ArrayDeque guarded by this queue's monitor; waiters are woken with notifyAll.
public class ArrayBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private final int capacity;
    private final ArrayDeque<E> items;
    private final Object lock = new Object();

    public ArrayBlockingQueue(int capacity) {
        this(capacity, false);
    }

    public ArrayBlockingQueue(int capacity, boolean fair) {
        if (capacity <= 0) {
            throw new IllegalArgumentException();
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    public ArrayBlockingQueue(int capacity, boolean fair, Collection<? extends E> c) {
        this(capacity, fair);
        for (E e : c) {
            if (e == null) {
                throw new NullPointerException();
            }
            if (items.size() == capacity) {
                throw new IllegalArgumentException();
            }
            items.addLast(e);
        }
    }

    public int size() {
        synchronized (lock) {
            return items.size();
        }
    }

    public int remainingCapacity() {
        synchronized (lock) {
            return capacity - items.size();
        }
    }

    public void put(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            while (items.size() == capacity) {
                lock.wait();
            }
            items.addLast(e);
            lock.notifyAll();
        }
    }

    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (items.size() == capacity) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            items.addLast(e);
            lock.notifyAll();
            return true;
        }
    }

    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            if (items.size() == capacity) {
                return false;
            }
            items.addLast(e);
            lock.notifyAll();
            return true;
        }
    }

    public E take() throws InterruptedException {
        synchronized (lock) {
            while (items.isEmpty()) {
                lock.wait();
            }
            E x = items.pollFirst();
            lock.notifyAll();
            return x;
        }
    }

    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (items.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            E x = items.pollFirst();
            lock.notifyAll();
            return x;
        }
    }

    public E poll() {
        synchronized (lock) {
            E x = items.pollFirst();
            if (x != null) {
                lock.notifyAll();
            }
            return x;
        }
    }

    public E peek() {
        synchronized (lock) {
            return items.peekFirst();
        }
    }

    public boolean remove(Object o) {
        synchronized (lock) {
            boolean removed = items.removeFirstOccurrence(o);
            if (removed) {
                lock.notifyAll();
            }
            return removed;
        }
    }

    public boolean contains(Object o) {
        synchronized (lock) {
            return items.contains(o);
        }
    }

    public Object[] toArray() {
        synchronized (lock) {
            return items.toArray();
        }
    }

    public <T> T[] toArray(T[] a) {
        synchronized (lock) {
            return items.toArray(a);
        }
    }

    public String toString() {
        synchronized (lock) {
            return items.toString();
        }
    }

    public void clear() {
        synchronized (lock) {
            items.clear();
            lock.notifyAll();
        }
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
        synchronized (lock) {
            int n = 0;
            while (n < maxElements && !items.isEmpty()) {
                c.add(items.pollFirst());
                n++;
            }
            if (n > 0) {
                lock.notifyAll();
            }
            return n;
        }
    }

    // Iterates over a snapshot; remove() removes that element from the queue.
    public Iterator<E> iterator() {
        final Object[] snapshot = toArray();
        return new Iterator<E>() {
            private int cursor;
            private int lastRet = -1;

            public boolean hasNext() {
                return cursor < snapshot.length;
            }

            public E next() {
                if (cursor >= snapshot.length) {
                    throw new java.util.NoSuchElementException();
                }
                lastRet = cursor;
                return (E) snapshot[cursor++];
            }

            public void remove() {
                if (lastRet < 0) {
                    throw new IllegalStateException();
                }
                Object target = snapshot[lastRet];
                lastRet = -1;
                synchronized (lock) {
                    for (Iterator<E> it = items.iterator(); it.hasNext();) {
                        if (it.next() == target) {
                            it.remove();
                            lock.notifyAll();
                            break;
                        }
                    }
                }
            }
        };
    }
}
