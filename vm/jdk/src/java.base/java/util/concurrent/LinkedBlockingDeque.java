// An optionally bounded blocking deque.
package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

// Elements live in an ArrayDeque guarded by one monitor; iterators walk a snapshot.
public class LinkedBlockingDeque<E> extends AbstractQueue<E> implements BlockingDeque<E>, java.io.Serializable {
    private final Object lock = new Object();
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final int capacity;

    public LinkedBlockingDeque() {
        this(Integer.MAX_VALUE);
    }

    public LinkedBlockingDeque(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException();
        }
        this.capacity = capacity;
    }

    public LinkedBlockingDeque(Collection<? extends E> c) {
        this(Integer.MAX_VALUE);
        for (E e : c) {
            if (e == null) {
                throw new NullPointerException();
            }
            if (!offerLast(e)) {
                throw new IllegalStateException("Deque full");
            }
        }
    }

    private boolean insert(E e, boolean first) {
        if (e == null) {
            throw new NullPointerException();
        }
        if (items.size() >= capacity) {
            return false;
        }
        if (first) {
            items.addFirst(e);
        } else {
            items.addLast(e);
        }
        lock.notifyAll();
        return true;
    }

    private E extract(boolean first) {
        E e = first ? items.pollFirst() : items.pollLast();
        if (e != null) {
            lock.notifyAll();
        }
        return e;
    }

    public void addFirst(E e) {
        if (!offerFirst(e)) {
            throw new IllegalStateException("Deque full");
        }
    }

    public void addLast(E e) {
        if (!offerLast(e)) {
            throw new IllegalStateException("Deque full");
        }
    }

    public boolean offerFirst(E e) {
        synchronized (lock) {
            return insert(e, true);
        }
    }

    public boolean offerLast(E e) {
        synchronized (lock) {
            return insert(e, false);
        }
    }

    public void putFirst(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            while (!insert(e, true)) {
                lock.wait();
            }
        }
    }

    public void putLast(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            while (!insert(e, false)) {
                lock.wait();
            }
        }
    }

    private boolean offerTimed(E e, long timeout, TimeUnit unit, boolean first) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!insert(e, first)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return true;
        }
    }

    public boolean offerFirst(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offerTimed(e, timeout, unit, true);
    }

    public boolean offerLast(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offerTimed(e, timeout, unit, false);
    }

    public E removeFirst() {
        E x = pollFirst();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    public E removeLast() {
        E x = pollLast();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    public E pollFirst() {
        synchronized (lock) {
            return extract(true);
        }
    }

    public E pollLast() {
        synchronized (lock) {
            return extract(false);
        }
    }

    public E takeFirst() throws InterruptedException {
        synchronized (lock) {
            E x;
            while ((x = extract(true)) == null) {
                lock.wait();
            }
            return x;
        }
    }

    public E takeLast() throws InterruptedException {
        synchronized (lock) {
            E x;
            while ((x = extract(false)) == null) {
                lock.wait();
            }
            return x;
        }
    }

    private E pollTimed(long timeout, TimeUnit unit, boolean first) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            E x;
            while ((x = extract(first)) == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return x;
        }
    }

    public E pollFirst(long timeout, TimeUnit unit) throws InterruptedException {
        return pollTimed(timeout, unit, true);
    }

    public E pollLast(long timeout, TimeUnit unit) throws InterruptedException {
        return pollTimed(timeout, unit, false);
    }

    public E getFirst() {
        E x = peekFirst();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    public E getLast() {
        E x = peekLast();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    public E peekFirst() {
        synchronized (lock) {
            return items.peekFirst();
        }
    }

    public E peekLast() {
        synchronized (lock) {
            return items.peekLast();
        }
    }

    public boolean removeFirstOccurrence(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            boolean removed = items.removeFirstOccurrence(o);
            if (removed) {
                lock.notifyAll();
            }
            return removed;
        }
    }

    public boolean removeLastOccurrence(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            boolean removed = items.removeLastOccurrence(o);
            if (removed) {
                lock.notifyAll();
            }
            return removed;
        }
    }

    public boolean add(E e) {
        addLast(e);
        return true;
    }

    public boolean offer(E e) {
        return offerLast(e);
    }

    public void put(E e) throws InterruptedException {
        putLast(e);
    }

    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offerLast(e, timeout, unit);
    }

    public E remove() {
        return removeFirst();
    }

    public E poll() {
        return pollFirst();
    }

    public E take() throws InterruptedException {
        return takeFirst();
    }

    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return pollFirst(timeout, unit);
    }

    public E element() {
        return getFirst();
    }

    public E peek() {
        return peekFirst();
    }

    public int remainingCapacity() {
        synchronized (lock) {
            return capacity - items.size();
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

    public void push(E e) {
        addFirst(e);
    }

    public E pop() {
        return removeFirst();
    }

    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    public int size() {
        synchronized (lock) {
            return items.size();
        }
    }

    public boolean contains(Object o) {
        synchronized (lock) {
            return o != null && items.contains(o);
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

    private Iterator<E> snapshotIterator(boolean descending) {
        Object[] snapshot = toArray();
        return new Iterator<E>() {
            private int cursor = descending ? snapshot.length - 1 : 0;
            private Object lastRet;

            public boolean hasNext() {
                return descending ? cursor >= 0 : cursor < snapshot.length;
            }

            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object x = snapshot[cursor];
                cursor += descending ? -1 : 1;
                lastRet = x;
                return (E) x;
            }

            public void remove() {
                Object x = lastRet;
                if (x == null) {
                    throw new IllegalStateException();
                }
                lastRet = null;
                synchronized (lock) {
                    for (Iterator<E> it = items.iterator(); it.hasNext();) {
                        if (it.next() == x) {
                            it.remove();
                            lock.notifyAll();
                            break;
                        }
                    }
                }
            }
        };
    }

    public Iterator<E> iterator() {
        return snapshotIterator(false);
    }

    public Iterator<E> descendingIterator() {
        return snapshotIterator(true);
    }
}
