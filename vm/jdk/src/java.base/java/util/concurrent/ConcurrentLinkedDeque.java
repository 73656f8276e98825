// An unbounded thread-safe deque.
package java.util.concurrent;

import java.util.AbstractCollection;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

// An ArrayDeque under one lock; iterators walk a snapshot, so they never throw
// ConcurrentModificationException.
public class ConcurrentLinkedDeque<E> extends AbstractCollection<E> implements Deque<E>, java.io.Serializable {
    private final Object lock = new Object();
    private final ArrayDeque<E> items = new ArrayDeque<>();

    public ConcurrentLinkedDeque() {
    }

    public ConcurrentLinkedDeque(Collection<? extends E> c) {
        for (E e : c) {
            addLast(e);
        }
    }

    public void addFirst(E e) {
        synchronized (lock) {
            items.addFirst(e);
        }
    }

    public void addLast(E e) {
        synchronized (lock) {
            items.addLast(e);
        }
    }

    public boolean offerFirst(E e) {
        addFirst(e);
        return true;
    }

    public boolean offerLast(E e) {
        addLast(e);
        return true;
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

    public E pollFirst() {
        synchronized (lock) {
            return items.pollFirst();
        }
    }

    public E pollLast() {
        synchronized (lock) {
            return items.pollLast();
        }
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

    public boolean offer(E e) {
        return offerLast(e);
    }

    public boolean add(E e) {
        return offerLast(e);
    }

    public E poll() {
        return pollFirst();
    }

    public E peek() {
        return peekFirst();
    }

    public E remove() {
        return removeFirst();
    }

    public E pop() {
        return removeFirst();
    }

    public E element() {
        return getFirst();
    }

    public void push(E e) {
        addFirst(e);
    }

    public boolean removeFirstOccurrence(Object o) {
        if (o == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            return items.removeFirstOccurrence(o);
        }
    }

    public boolean removeLastOccurrence(Object o) {
        if (o == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            return items.removeLastOccurrence(o);
        }
    }

    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            return items.contains(o);
        }
    }

    public boolean isEmpty() {
        synchronized (lock) {
            return items.isEmpty();
        }
    }

    public int size() {
        synchronized (lock) {
            return items.size();
        }
    }

    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    public boolean addAll(Collection<? extends E> c) {
        if (c == this) {
            throw new IllegalArgumentException();
        }
        Object[] a = c.toArray();
        if (a.length == 0) {
            return false;
        }
        for (Object e : a) {
            if (e == null) {
                throw new NullPointerException();
            }
        }
        synchronized (lock) {
            for (Object e : a) {
                items.addLast((E) e);
            }
        }
        return true;
    }

    public void clear() {
        synchronized (lock) {
            items.clear();
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
