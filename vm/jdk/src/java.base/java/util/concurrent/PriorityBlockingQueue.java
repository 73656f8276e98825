// An unbounded blocking priority queue; its array order (iteration, toString) matches PriorityQueue's.
package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

public class PriorityBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private final Object lock = new Object();
    private final PriorityQueue<E> q;

    public PriorityBlockingQueue() {
        q = new PriorityQueue<>();
    }

    public PriorityBlockingQueue(int initialCapacity) {
        q = new PriorityQueue<>(initialCapacity);
    }

    public PriorityBlockingQueue(int initialCapacity, Comparator<? super E> comparator) {
        q = new PriorityQueue<>(initialCapacity, comparator);
    }

    public PriorityBlockingQueue(Collection<? extends E> c) {
        q = new PriorityQueue<>(c);
    }

    public boolean add(E e) {
        return offer(e);
    }

    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            q.offer(e);
            lock.notifyAll();
        }
        return true;
    }

    public void put(E e) {
        offer(e);
    }

    public boolean offer(E e, long timeout, TimeUnit unit) {
        return offer(e);
    }

    public E poll() {
        synchronized (lock) {
            return q.poll();
        }
    }

    public E take() throws InterruptedException {
        synchronized (lock) {
            E result;
            while ((result = q.poll()) == null) {
                lock.wait();
            }
            return result;
        }
    }

    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            E result;
            while ((result = q.poll()) == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return result;
        }
    }

    public E peek() {
        synchronized (lock) {
            return q.peek();
        }
    }

    public Comparator<? super E> comparator() {
        return q.comparator();
    }

    public int size() {
        synchronized (lock) {
            return q.size();
        }
    }

    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    public boolean remove(Object o) {
        synchronized (lock) {
            return q.remove(o);
        }
    }

    public boolean contains(Object o) {
        synchronized (lock) {
            return q.contains(o);
        }
    }

    public String toString() {
        synchronized (lock) {
            return q.toString();
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
        if (maxElements <= 0) {
            return 0;
        }
        synchronized (lock) {
            int n = Math.min(q.size(), maxElements);
            for (int i = 0; i < n; i++) {
                c.add(q.poll());
            }
            return n;
        }
    }

    public void clear() {
        synchronized (lock) {
            q.clear();
        }
    }

    public Object[] toArray() {
        synchronized (lock) {
            return q.toArray();
        }
    }

    public <T> T[] toArray(T[] a) {
        synchronized (lock) {
            return q.toArray(a);
        }
    }

    // Iterates over a snapshot, as the JDK's does.
    public Iterator<E> iterator() {
        final Object[] array = toArray();
        return new Iterator<E>() {
            int cursor;
            int lastRet = -1;

            public boolean hasNext() {
                return cursor < array.length;
            }

            public E next() {
                if (cursor >= array.length) {
                    throw new NoSuchElementException();
                }
                return (E) array[lastRet = cursor++];
            }

            public void remove() {
                if (lastRet < 0) {
                    throw new IllegalStateException();
                }
                Object target = array[lastRet];
                lastRet = -1;
                synchronized (lock) {
                    for (Iterator<E> it = q.iterator(); it.hasNext();) {
                        if (it.next() == target) {
                            it.remove();
                            break;
                        }
                    }
                }
            }
        };
    }
}
