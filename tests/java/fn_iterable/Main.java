import java.util.Iterator;
import java.util.NoSuchElementException;

public class Main {
    static class Range implements Iterable<Integer> {
        final int start, end, step;
        Range(int start, int end, int step) { this.start = start; this.end = end; this.step = step; }

        @Override public Iterator<Integer> iterator() {
            return new Iterator<Integer>() {
                int next = start;
                @Override public boolean hasNext() { return step > 0 ? next < end : next > end; }
                @Override public Integer next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException("range exhausted at " + next);
                    }
                    int v = next;
                    next += step;
                    return v;
                }
            };
        }
    }

    static class LinkedBag<T> implements Iterable<T> {
        private class Node {
            final T value;
            final Node next;
            Node(T value, Node next) { this.value = value; this.next = next; }
        }

        private Node head;
        private int size;

        void add(T v) { head = new Node(v, head); size++; }

        @Override public Iterator<T> iterator() {
            return new Iterator<T>() {
                Node cur = head;
                public boolean hasNext() { return cur != null; }
                public T next() {
                    T v = cur.value;
                    cur = cur.next;
                    return v;
                }
            };
        }
    }

    static class Fib implements Iterable<Long> {
        final int count;
        Fib(int count) { this.count = count; }
        public Iterator<Long> iterator() {
            return new Iterator<>() {
                long a = 0, b = 1;
                int produced;
                public boolean hasNext() { return produced < count; }
                public Long next() {
                    long r = a;
                    a = b;
                    b = r + b;
                    produced++;
                    return r;
                }
            };
        }
    }

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i : new Range(0, 20, 3)) {
            sb.append(i).append(' ');
        }
        System.out.println(sb);
        sb.setLength(0);
        for (Integer i : new Range(10, 0, -4)) {
            sb.append(i).append(' ');
        }
        System.out.println(sb);
        LinkedBag<String> bag = new LinkedBag<>();
        for (String s : new String[] {"x", "y", "z"}) {
            bag.add(s);
        }
        for (String s : bag) {
            System.out.print(s);
        }
        System.out.println(" size " + bag.size);
        for (String a : bag) {
            for (String b : bag) {
                System.out.print(a + b + " ");
            }
        }
        System.out.println();
        long sum = 0;
        for (long f : new Fib(60)) {
            sum += f;
        }
        System.out.println("fib sum " + sum);
        new Fib(10).forEach(v -> System.out.print(v + ","));
        System.out.println();
        Iterator<Integer> it = new Range(0, 2, 1).iterator();
        System.out.println(it.next() + " " + it.next() + " " + it.hasNext());
        try {
            it.next();
        } catch (NoSuchElementException e) {
            System.out.println("NSEE " + e.getMessage());
        }
        try {
            it.remove();
        } catch (UnsupportedOperationException e) {
            System.out.println("UOE " + e.getMessage());
        }
        Iterable<Character> chars = () -> new Iterator<Character>() {
            int i = 0;
            final String s = "lambda";
            public boolean hasNext() { return i < s.length(); }
            public Character next() { return s.charAt(i++); }
        };
        for (char c : chars) {
            System.out.print(Character.toUpperCase(c));
        }
        System.out.println();
        java.util.Spliterator<Integer> sp = new Range(0, 5, 1).spliterator();
        sp.forEachRemaining(v -> System.out.print("s" + v));
        System.out.println();
    }
}
