// A resizable circular-array deque; null elements are not allowed.
package java.util;

import java.util.function.Consumer;
import java.util.function.Predicate;

public class ArrayDeque<E> extends AbstractCollection<E> implements Deque<E>, Cloneable, java.io.Serializable {
    transient Object[] elements;
    transient int head;
    transient int size;

    public ArrayDeque() {
        elements = new Object[16];
    }

    public ArrayDeque(int numElements) {
        elements = new Object[Math.max(1, numElements)];
    }

    public ArrayDeque(Collection<? extends E> c) {
        this(c.size());
        for (E e : c) {
            addLast(e);
        }
    }

    private int index(int i) {
        int n = elements.length;
        int j = head + i;
        return j >= n ? j - n : j;
    }

    private void grow() {
        Object[] old = elements;
        int oldCapacity = old.length;
        int newCapacity = oldCapacity + ((oldCapacity < 64) ? oldCapacity + 2 : oldCapacity >> 1);
        if (newCapacity < 0) {
            throw new IllegalStateException("Sorry, deque too big");
        }
        Object[] es = new Object[newCapacity];
        int firstPart = Math.min(size, oldCapacity - head);
        System.arraycopy(old, head, es, 0, firstPart);
        System.arraycopy(old, 0, es, firstPart, size - firstPart);
        elements = es;
        head = 0;
    }

    public void addFirst(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        if (size == elements.length) {
            grow();
        }
        int h = head - 1;
        if (h < 0) {
            h = elements.length - 1;
        }
        elements[h] = e;
        head = h;
        size++;
    }

    public void addLast(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        if (size == elements.length) {
            grow();
        }
        elements[index(size)] = e;
        size++;
    }

    public boolean addAll(Collection<? extends E> c) {
        boolean modified = false;
        for (E e : c) {
            addLast(e);
            modified = true;
        }
        return modified;
    }

    public boolean offerFirst(E e) {
        addFirst(e);
        return true;
    }

    public boolean offerLast(E e) {
        addLast(e);
        return true;
    }

    public E removeFirst() {
        E e = pollFirst();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    public E removeLast() {
        E e = pollLast();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    public E pollFirst() {
        if (size == 0) {
            return null;
        }
        Object[] es = elements;
        int h = head;
        E e = (E) es[h];
        es[h] = null;
        head = (h + 1 == es.length) ? 0 : h + 1;
        size--;
        return e;
    }

    public E pollLast() {
        if (size == 0) {
            return null;
        }
        int t = index(size - 1);
        E e = (E) elements[t];
        elements[t] = null;
        size--;
        return e;
    }

    public E getFirst() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return (E) elements[head];
    }

    public E getLast() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return (E) elements[index(size - 1)];
    }

    public E peekFirst() {
        return size == 0 ? null : (E) elements[head];
    }

    public E peekLast() {
        return size == 0 ? null : (E) elements[index(size - 1)];
    }

    public boolean removeFirstOccurrence(Object o) {
        if (o != null) {
            for (int i = 0; i < size; i++) {
                if (o.equals(elements[index(i)])) {
                    delete(i);
                    return true;
                }
            }
        }
        return false;
    }

    public boolean removeLastOccurrence(Object o) {
        if (o != null) {
            for (int i = size - 1; i >= 0; i--) {
                if (o.equals(elements[index(i)])) {
                    delete(i);
                    return true;
                }
            }
        }
        return false;
    }

    // Removes the element at logical position i, closing the gap from the nearer end.
    boolean delete(int i) {
        Object[] es = elements;
        if (i < size / 2) {
            for (int k = i; k > 0; k--) {
                es[index(k)] = es[index(k - 1)];
            }
            es[head] = null;
            head = (head + 1 == es.length) ? 0 : head + 1;
            size--;
            return false;
        } else {
            for (int k = i; k < size - 1; k++) {
                es[index(k)] = es[index(k + 1)];
            }
            es[index(size - 1)] = null;
            size--;
            return true;
        }
    }

    public boolean add(E e) {
        addLast(e);
        return true;
    }

    public boolean offer(E e) {
        return offerLast(e);
    }

    public E remove() {
        return removeFirst();
    }

    public E poll() {
        return pollFirst();
    }

    public E element() {
        return getFirst();
    }

    public E peek() {
        return peekFirst();
    }

    public void push(E e) {
        addFirst(e);
    }

    public E pop() {
        return removeFirst();
    }

    public Iterator<E> iterator() {
        return new DeqIterator();
    }

    public Iterator<E> descendingIterator() {
        return new DescendingIterator();
    }

    private class DeqIterator implements Iterator<E> {
        int cursor;
        int lastRet = -1;
        int expectedSize = size;

        public boolean hasNext() {
            return cursor < size;
        }

        public E next() {
            if (cursor >= size) {
                throw new NoSuchElementException();
            }
            if (size != expectedSize) {
                throw new ConcurrentModificationException();
            }
            E e = (E) elements[index(cursor)];
            lastRet = cursor++;
            return e;
        }

        public void remove() {
            if (lastRet < 0) {
                throw new IllegalStateException();
            }
            delete(lastRet);
            cursor = lastRet;
            lastRet = -1;
            expectedSize = size;
        }
    }

    private class DescendingIterator implements Iterator<E> {
        int cursor = size - 1;
        int lastRet = -1;
        int expectedSize = size;

        public boolean hasNext() {
            return cursor >= 0;
        }

        public E next() {
            if (cursor < 0) {
                throw new NoSuchElementException();
            }
            if (size != expectedSize) {
                throw new ConcurrentModificationException();
            }
            E e = (E) elements[index(cursor)];
            lastRet = cursor--;
            return e;
        }

        public void remove() {
            if (lastRet < 0) {
                throw new IllegalStateException();
            }
            delete(lastRet);
            lastRet = -1;
            expectedSize = size;
        }
    }

    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        for (int i = 0; i < size; i++) {
            action.accept((E) elements[index(i)]);
        }
    }

    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        Object[] es = elements;
        int n = size;
        int w = 0;
        for (int r = 0; r < n; r++) {
            E e = (E) es[index(r)];
            if (!filter.test(e)) {
                es[index(w++)] = e;
            }
        }
        for (int k = w; k < n; k++) {
            es[index(k)] = null;
        }
        size = w;
        return w != n;
    }

    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(e -> c.contains(e));
    }

    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(e -> !c.contains(e));
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(Object o) {
        if (o != null) {
            for (int i = 0; i < size; i++) {
                if (o.equals(elements[index(i)])) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    public void clear() {
        for (int i = 0; i < size; i++) {
            elements[index(i)] = null;
        }
        head = 0;
        size = 0;
    }

    public Object[] toArray() {
        Object[] a = new Object[size];
        for (int i = 0; i < size; i++) {
            a[i] = elements[index(i)];
        }
        return a;
    }

    public <T> T[] toArray(T[] a) {
        if (a.length < size) {
            a = (T[]) java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), size);
        }
        for (int i = 0; i < size; i++) {
            a[i] = (T) elements[index(i)];
        }
        if (a.length > size) {
            a[size] = null;
        }
        return a;
    }

    public ArrayDeque<E> clone() {
        try {
            ArrayDeque<E> result = (ArrayDeque<E>) super.clone();
            result.elements = Arrays.copyOf(elements, elements.length);
            return result;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError();
        }
    }
}
