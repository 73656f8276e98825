// A set of enum constants, held as a bit vector and iterated in ordinal order.
package java.util;

public abstract class EnumSet<E extends Enum<E>> extends AbstractSet<E> implements Cloneable, java.io.Serializable {
    final transient Class<E> elementType;
    final transient Enum<?>[] universe;

    EnumSet(Class<E> elementType, Enum<?>[] universe) {
        this.elementType = elementType;
        this.universe = universe;
    }

    private static <E extends Enum<E>> Enum<?>[] universeOf(Class<E> elementType) {
        E[] constants = elementType.getEnumConstants();
        if (constants == null) {
            throw new ClassCastException(elementType + " not an enum");
        }
        return constants;
    }

    public static <E extends Enum<E>> EnumSet<E> noneOf(Class<E> elementType) {
        return new BitEnumSet<>(elementType, universeOf(elementType));
    }

    public static <E extends Enum<E>> EnumSet<E> allOf(Class<E> elementType) {
        EnumSet<E> result = noneOf(elementType);
        result.addAll();
        return result;
    }

    abstract void addAll();

    abstract void addRange(E from, E to);

    abstract void complement();

    public static <E extends Enum<E>> EnumSet<E> copyOf(EnumSet<E> s) {
        return s.clone();
    }

    public static <E extends Enum<E>> EnumSet<E> copyOf(Collection<E> c) {
        if (c instanceof EnumSet) {
            return ((EnumSet<E>) c).clone();
        } else {
            if (c.isEmpty()) {
                throw new IllegalArgumentException("Collection is empty");
            }
            Iterator<E> i = c.iterator();
            E first = i.next();
            EnumSet<E> result = EnumSet.of(first);
            while (i.hasNext()) {
                result.add(i.next());
            }
            return result;
        }
    }

    public static <E extends Enum<E>> EnumSet<E> complementOf(EnumSet<E> s) {
        EnumSet<E> result = copyOf(s);
        result.complement();
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e) {
        EnumSet<E> result = noneOf(e.getDeclaringClass());
        result.add(e);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        result.add(e3);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3, E e4) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        result.add(e3);
        result.add(e4);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3, E e4, E e5) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        result.add(e3);
        result.add(e4);
        result.add(e5);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E first, E... rest) {
        EnumSet<E> result = noneOf(first.getDeclaringClass());
        result.add(first);
        for (E e : rest) {
            result.add(e);
        }
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> range(E from, E to) {
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException(from + " > " + to);
        }
        EnumSet<E> result = noneOf(from.getDeclaringClass());
        result.addRange(from, to);
        return result;
    }

    public EnumSet<E> clone() {
        try {
            return (EnumSet<E>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    final void typeCheck(E e) {
        Class<?> eClass = e.getClass();
        if (eClass != elementType && eClass.getSuperclass() != elementType) {
            throw new ClassCastException(eClass + " != " + elementType);
        }
    }

    // Any number of constants: one bit per ordinal in a long array.
    private static final class BitEnumSet<E extends Enum<E>> extends EnumSet<E> {
        private long[] elements;
        private int size;

        BitEnumSet(Class<E> elementType, Enum<?>[] universe) {
            super(elementType, universe);
            elements = new long[(universe.length + 63) >>> 6];
        }

        void addRange(E from, E to) {
            for (int i = from.ordinal(); i <= to.ordinal(); i++) {
                set(i);
            }
        }

        void addAll() {
            for (int i = 0; i < universe.length; i++) {
                set(i);
            }
        }

        void complement() {
            for (int i = 0; i < universe.length; i++) {
                if (has(i)) {
                    clearBit(i);
                } else {
                    set(i);
                }
            }
        }

        private boolean has(int i) {
            return (elements[i >>> 6] & (1L << i)) != 0;
        }

        private boolean set(int i) {
            long old = elements[i >>> 6];
            elements[i >>> 6] = old | (1L << i);
            if (old != elements[i >>> 6]) {
                size++;
                return true;
            }
            return false;
        }

        private boolean clearBit(int i) {
            long old = elements[i >>> 6];
            elements[i >>> 6] = old & ~(1L << i);
            if (old != elements[i >>> 6]) {
                size--;
                return true;
            }
            return false;
        }

        public Iterator<E> iterator() {
            return new Iterator<E>() {
                private int next = advance(0);
                private int lastReturned = -1;

                private int advance(int from) {
                    int i = from;
                    while (i < universe.length && !has(i)) {
                        i++;
                    }
                    return i;
                }

                public boolean hasNext() {
                    return next < universe.length;
                }

                public E next() {
                    if (next >= universe.length) {
                        throw new NoSuchElementException();
                    }
                    lastReturned = next;
                    next = advance(next + 1);
                    return (E) universe[lastReturned];
                }

                public void remove() {
                    if (lastReturned < 0) {
                        throw new IllegalStateException();
                    }
                    clearBit(lastReturned);
                    lastReturned = -1;
                }
            };
        }

        public int size() {
            return size;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public boolean contains(Object e) {
            if (e == null) {
                return false;
            }
            Class<?> eClass = e.getClass();
            if (eClass != elementType && eClass.getSuperclass() != elementType) {
                return false;
            }
            return has(((Enum<?>) e).ordinal());
        }

        public boolean add(E e) {
            typeCheck(e);
            return set(e.ordinal());
        }

        public boolean remove(Object e) {
            if (e == null) {
                return false;
            }
            Class<?> eClass = e.getClass();
            if (eClass != elementType && eClass.getSuperclass() != elementType) {
                return false;
            }
            return clearBit(((Enum<?>) e).ordinal());
        }

        public void clear() {
            Arrays.fill(elements, 0);
            size = 0;
        }

        public BitEnumSet<E> clone() {
            BitEnumSet<E> result = (BitEnumSet<E>) super.clone();
            result.elements = result.elements.clone();
            return result;
        }
    }
}
