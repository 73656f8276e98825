// An unbounded thread-safe first-in first-out queue.
package java.util.concurrent;

import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;

// A singly linked list under one lock. Iterators are weakly consistent: they follow the links as
// they are when traversed and never throw ConcurrentModificationException.
public class ConcurrentLinkedQueue<E> extends AbstractQueue<E> implements Queue<E>, java.io.Serializable {
    private static final class Node<E> {
        volatile E item;
        volatile Node<E> next;

        Node(E item) {
            this.item = item;
        }
    }

    private final Object lock = new Object();
    // A dummy head node; removed nodes keep their links so iterators can move on.
    private Node<E> head = new Node<>(null);
    private Node<E> tail = head;
    private int size;

    public ConcurrentLinkedQueue() {
    }

    public ConcurrentLinkedQueue(Collection<? extends E> c) {
        for (E e : c) {
            add(e);
        }
    }

    public boolean add(E e) {
        return offer(e);
    }

    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        Node<E> n = new Node<>(e);
        synchronized (lock) {
            tail.next = n;
            tail = n;
            size++;
        }
        return true;
    }

    public E poll() {
        synchronized (lock) {
            Node<E> first = head.next;
            if (first == null) {
                return null;
            }
            E item = first.item;
            first.item = null;
            head = first;
            size--;
            return item;
        }
    }

    public E peek() {
        synchronized (lock) {
            Node<E> first = head.next;
            return first == null ? null : first.item;
        }
    }

    public boolean isEmpty() {
        synchronized (lock) {
            return size == 0;
        }
    }

    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            for (Node<E> p = head.next; p != null; p = p.next) {
                E item = p.item;
                if (item != null && o.equals(item)) {
                    return true;
                }
            }
            return false;
        }
    }

    public boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            return removeWhere(o, null);
        }
    }

    // Unlinks the first node holding an element equal to o (or the node `target`).
    private boolean removeWhere(Object o, Node<E> target) {
        Node<E> pred = head;
        for (Node<E> p = head.next; p != null; pred = p, p = p.next) {
            E item = p.item;
            if (item != null && (target != null ? p == target : o.equals(item))) {
                p.item = null;
                pred.next = p.next;
                if (tail == p) {
                    tail = pred;
                }
                size--;
                return true;
            }
        }
        return false;
    }

    public Object[] toArray() {
        synchronized (lock) {
            ArrayList<E> al = new ArrayList<>(size);
            for (Node<E> p = head.next; p != null; p = p.next) {
                al.add(p.item);
            }
            return al.toArray();
        }
    }

    public <T> T[] toArray(T[] a) {
        synchronized (lock) {
            ArrayList<E> al = new ArrayList<>(size);
            for (Node<E> p = head.next; p != null; p = p.next) {
                al.add(p.item);
            }
            return al.toArray(a);
        }
    }

    public Iterator<E> iterator() {
        return new Iterator<E>() {
            private Node<E> nextNode;
            private E nextItem;
            private Node<E> lastRet;

            {
                synchronized (lock) {
                    advance(head);
                }
            }

            private void advance(Node<E> from) {
                Node<E> p = from.next;
                while (p != null && p.item == null) {
                    p = p.next;
                }
                nextNode = p;
                nextItem = p == null ? null : p.item;
            }

            public boolean hasNext() {
                return nextNode != null;
            }

            public E next() {
                Node<E> p = nextNode;
                if (p == null) {
                    throw new NoSuchElementException();
                }
                E item = nextItem;
                lastRet = p;
                synchronized (lock) {
                    advance(p);
                }
                return item;
            }

            public void remove() {
                Node<E> l = lastRet;
                if (l == null) {
                    throw new IllegalStateException();
                }
                lastRet = null;
                synchronized (lock) {
                    removeWhere(null, l);
                }
            }
        };
    }

    public void clear() {
        synchronized (lock) {
            for (Node<E> p = head.next; p != null; p = p.next) {
                p.item = null;
            }
            head.next = null;
            tail = head;
            size = 0;
        }
    }
}
