// The implementation of Stream: a chain of lazily composed iterators pulled by the terminal operation.
package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

// Each stage holds a supplier of its iterator, called only by the terminal operation, so sources
// bind late as the JDK's do. `size` is the exact element count when the stage is SIZED (as the
// JDK tracks it), which lets count() skip running the pipeline, as HotSpot 17 does.
final class RefPipe<T> implements Stream<T> {
    final Pipes.Shared shared;
    private final Supplier<Iterator<T>> source;
    final LongSupplier size;
    private boolean linked;

    RefPipe(Pipes.Shared shared, Supplier<Iterator<T>> source, LongSupplier size) {
        this.shared = shared;
        this.source = source;
        this.size = size;
    }

    static <T> RefPipe<T> adopt(Stream<? extends T> s) {
        if (s instanceof RefPipe) {
            return (RefPipe<T>) s;
        }
        Objects.requireNonNull(s);
        return new RefPipe<>(new Pipes.Shared(s.isParallel()), () -> (Iterator<T>) s.iterator(), null);
    }

    Supplier<Iterator<T>> takeSource() {
        if (linked || shared.closed) {
            throw new IllegalStateException(Pipes.MSG_CONSUMED);
        }
        linked = true;
        return source;
    }

    private Iterator<T> start() {
        return takeSource().get();
    }

    private <R> RefPipe<R> chain(Function<Iterator<T>, Iterator<R>> op, LongSupplier newSize) {
        Supplier<Iterator<T>> up = takeSource();
        return new RefPipe<>(shared, () -> op.apply(up.get()), newSize);
    }

    private IntPipe chainInt(Function<Iterator<T>, PrimitiveIterator.OfInt> op, LongSupplier newSize) {
        Supplier<Iterator<T>> up = takeSource();
        return new IntPipe(shared, () -> op.apply(up.get()), newSize);
    }

    private LongPipe chainLong(Function<Iterator<T>, PrimitiveIterator.OfLong> op, LongSupplier newSize) {
        Supplier<Iterator<T>> up = takeSource();
        return new LongPipe(shared, () -> op.apply(up.get()), newSize);
    }

    private DoublePipe chainDouble(Function<Iterator<T>, PrimitiveIterator.OfDouble> op, LongSupplier newSize) {
        Supplier<Iterator<T>> up = takeSource();
        return new DoublePipe(shared, () -> op.apply(up.get()), newSize);
    }

    // BaseStream

    public Iterator<T> iterator() {
        return start();
    }

    public Spliterator<T> spliterator() {
        LongSupplier s = size;
        Iterator<T> it = start();
        return s != null ? Spliterators.spliterator(it, s.getAsLong(), Spliterator.ORDERED)
                : Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED);
    }

    public boolean isParallel() {
        return shared.parallel;
    }

    public Stream<T> sequential() {
        shared.parallel = false;
        return this;
    }

    public Stream<T> parallel() {
        shared.parallel = true;
        return this;
    }

    public Stream<T> unordered() {
        return this;
    }

    public Stream<T> onClose(Runnable closeHandler) {
        Objects.requireNonNull(closeHandler);
        if (linked) {
            throw new IllegalStateException(Pipes.MSG_CONSUMED);
        }
        shared.onClose(closeHandler);
        return this;
    }

    public void close() {
        linked = true;
        shared.close();
    }

    // Intermediate operations

    public Stream<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.Lookahead<T>() {
            protected boolean advance() {
                while (it.hasNext()) {
                    T t = it.next();
                    if (predicate.test(t)) {
                        set(t);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public <R> Stream<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new Iterator<R>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public R next() {
                return mapper.apply(it.next());
            }
        }, size);
    }

    public IntStream mapToInt(ToIntFunction<? super T> mapper) {
        Objects.requireNonNull(mapper);
        return chainInt(it -> new PrimitiveIterator.OfInt() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public int nextInt() {
                return mapper.applyAsInt(it.next());
            }
        }, size);
    }

    public LongStream mapToLong(ToLongFunction<? super T> mapper) {
        Objects.requireNonNull(mapper);
        return chainLong(it -> new PrimitiveIterator.OfLong() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public long nextLong() {
                return mapper.applyAsLong(it.next());
            }
        }, size);
    }

    public DoubleStream mapToDouble(ToDoubleFunction<? super T> mapper) {
        Objects.requireNonNull(mapper);
        return chainDouble(it -> new PrimitiveIterator.OfDouble() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public double nextDouble() {
                return mapper.applyAsDouble(it.next());
            }
        }, size);
    }

    public <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new Pipes.Lookahead<R>() {
            private Stream<? extends R> inner;
            private Iterator<? extends R> innerIt;

            protected boolean advance() {
                for (;;) {
                    if (innerIt != null && innerIt.hasNext()) {
                        set(innerIt.next());
                        return true;
                    }
                    if (inner != null) {
                        inner.close();
                        inner = null;
                        innerIt = null;
                    }
                    if (!it.hasNext()) {
                        return false;
                    }
                    Stream<? extends R> s = mapper.apply(it.next());
                    if (s != null) {
                        inner = s;
                        innerIt = s.sequential().iterator();
                    }
                }
            }
        }, null);
    }

    public IntStream flatMapToInt(Function<? super T, ? extends IntStream> mapper) {
        Objects.requireNonNull(mapper);
        return chainInt(it -> new Pipes.IntLookahead() {
            private IntStream inner;
            private PrimitiveIterator.OfInt innerIt;

            protected boolean advance() {
                for (;;) {
                    if (innerIt != null && innerIt.hasNext()) {
                        set(innerIt.nextInt());
                        return true;
                    }
                    if (inner != null) {
                        inner.close();
                        inner = null;
                        innerIt = null;
                    }
                    if (!it.hasNext()) {
                        return false;
                    }
                    IntStream s = mapper.apply(it.next());
                    if (s != null) {
                        inner = s;
                        innerIt = s.sequential().iterator();
                    }
                }
            }
        }, null);
    }

    public LongStream flatMapToLong(Function<? super T, ? extends LongStream> mapper) {
        Objects.requireNonNull(mapper);
        return chainLong(it -> new Pipes.LongLookahead() {
            private LongStream inner;
            private PrimitiveIterator.OfLong innerIt;

            protected boolean advance() {
                for (;;) {
                    if (innerIt != null && innerIt.hasNext()) {
                        set(innerIt.nextLong());
                        return true;
                    }
                    if (inner != null) {
                        inner.close();
                        inner = null;
                        innerIt = null;
                    }
                    if (!it.hasNext()) {
                        return false;
                    }
                    LongStream s = mapper.apply(it.next());
                    if (s != null) {
                        inner = s;
                        innerIt = s.sequential().iterator();
                    }
                }
            }
        }, null);
    }

    public DoubleStream flatMapToDouble(Function<? super T, ? extends DoubleStream> mapper) {
        Objects.requireNonNull(mapper);
        return chainDouble(it -> new Pipes.DoubleLookahead() {
            private DoubleStream inner;
            private PrimitiveIterator.OfDouble innerIt;

            protected boolean advance() {
                for (;;) {
                    if (innerIt != null && innerIt.hasNext()) {
                        set(innerIt.nextDouble());
                        return true;
                    }
                    if (inner != null) {
                        inner.close();
                        inner = null;
                        innerIt = null;
                    }
                    if (!it.hasNext()) {
                        return false;
                    }
                    DoubleStream s = mapper.apply(it.next());
                    if (s != null) {
                        inner = s;
                        innerIt = s.sequential().iterator();
                    }
                }
            }
        }, null);
    }

    public Stream<T> distinct() {
        return chain(it -> new Pipes.Lookahead<T>() {
            private final HashSet<T> seen = new HashSet<>();

            protected boolean advance() {
                while (it.hasNext()) {
                    T t = it.next();
                    if (seen.add(t)) {
                        set(t);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public Stream<T> sorted() {
        return sorted(null);
    }

    public Stream<T> sorted(Comparator<? super T> comparator) {
        Comparator<? super T> cmp = comparator != null ? comparator : (Comparator<? super T>) Comparator.naturalOrder();
        return chain(it -> new Pipes.Lookahead<T>() {
            private Object[] sortedItems;
            private int index;

            protected boolean advance() {
                if (sortedItems == null) {
                    ArrayList<T> all = new ArrayList<>();
                    while (it.hasNext()) {
                        all.add(it.next());
                    }
                    Object[] a = all.toArray();
                    Arrays.sort(a, (Comparator<Object>) cmp);
                    sortedItems = a;
                }
                if (index < sortedItems.length) {
                    set((T) sortedItems[index]);
                    sortedItems[index++] = null;
                    return true;
                }
                return false;
            }
        }, size);
    }

    public Stream<T> peek(Consumer<? super T> action) {
        Objects.requireNonNull(action);
        return chain(it -> new Iterator<T>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public T next() {
                T t = it.next();
                action.accept(t);
                return t;
            }
        }, size);
    }

    public Stream<T> limit(long maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException(Long.toString(maxSize));
        }
        LongSupplier s = size;
        return chain(it -> new Iterator<T>() {
            private long remaining = maxSize;

            public boolean hasNext() {
                return remaining > 0 && it.hasNext();
            }

            public T next() {
                if (remaining <= 0) {
                    throw new java.util.NoSuchElementException();
                }
                remaining--;
                return it.next();
            }
        }, s == null ? null : () -> Math.min(s.getAsLong(), maxSize));
    }

    public Stream<T> skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException(Long.toString(n));
        }
        if (n == 0) {
            return this;
        }
        LongSupplier s = size;
        return chain(it -> new Pipes.Lookahead<T>() {
            private long toSkip = n;

            protected boolean advance() {
                while (toSkip > 0 && it.hasNext()) {
                    it.next();
                    toSkip--;
                }
                if (it.hasNext()) {
                    set(it.next());
                    return true;
                }
                return false;
            }
        }, s == null ? null : () -> Math.max(0L, s.getAsLong() - n));
    }

    public Stream<T> takeWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.Lookahead<T>() {
            private boolean done;

            protected boolean advance() {
                if (done || !it.hasNext()) {
                    return false;
                }
                T t = it.next();
                if (!predicate.test(t)) {
                    done = true;
                    return false;
                }
                set(t);
                return true;
            }
        }, null);
    }

    public Stream<T> dropWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.Lookahead<T>() {
            private boolean dropping = true;

            protected boolean advance() {
                while (it.hasNext()) {
                    T t = it.next();
                    if (dropping && predicate.test(t)) {
                        continue;
                    }
                    dropping = false;
                    set(t);
                    return true;
                }
                return false;
            }
        }, null);
    }

    // Terminal operations

    public void forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action);
        Iterator<T> it = start();
        while (it.hasNext()) {
            action.accept(it.next());
        }
    }

    public void forEachOrdered(Consumer<? super T> action) {
        forEach(action);
    }

    public Object[] toArray() {
        ArrayList<T> all = new ArrayList<>();
        Iterator<T> it = start();
        while (it.hasNext()) {
            all.add(it.next());
        }
        return all.toArray();
    }

    public <A> A[] toArray(IntFunction<A[]> generator) {
        Object[] all = toArray();
        A[] result = generator.apply(all.length);
        if (result.length != all.length) {
            throw new IllegalStateException("Begin size " + all.length + " is not equal to fixed size " + result.length);
        }
        System.arraycopy(all, 0, result, 0, all.length);
        return result;
    }

    public T reduce(T identity, BinaryOperator<T> accumulator) {
        Objects.requireNonNull(accumulator);
        T result = identity;
        Iterator<T> it = start();
        while (it.hasNext()) {
            result = accumulator.apply(result, it.next());
        }
        return result;
    }

    public Optional<T> reduce(BinaryOperator<T> accumulator) {
        Objects.requireNonNull(accumulator);
        boolean found = false;
        T result = null;
        Iterator<T> it = start();
        while (it.hasNext()) {
            T t = it.next();
            if (!found) {
                found = true;
                result = t;
            } else {
                result = accumulator.apply(result, t);
            }
        }
        return found ? Optional.of(result) : Optional.empty();
    }

    public <U> U reduce(U identity, BiFunction<U, ? super T, U> accumulator, BinaryOperator<U> combiner) {
        Objects.requireNonNull(accumulator);
        Objects.requireNonNull(combiner);
        U result = identity;
        Iterator<T> it = start();
        while (it.hasNext()) {
            result = accumulator.apply(result, it.next());
        }
        return result;
    }

    public <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> accumulator, BiConsumer<R, R> combiner) {
        Objects.requireNonNull(supplier);
        Objects.requireNonNull(accumulator);
        Objects.requireNonNull(combiner);
        R container = supplier.get();
        Iterator<T> it = start();
        while (it.hasNext()) {
            accumulator.accept(container, it.next());
        }
        return container;
    }

    public <R, A> R collect(Collector<? super T, A, R> collector) {
        A container = collector.supplier().get();
        BiConsumer<A, ? super T> accumulator = collector.accumulator();
        Iterator<T> it = start();
        while (it.hasNext()) {
            accumulator.accept(container, it.next());
        }
        return collector.characteristics().contains(Collector.Characteristics.IDENTITY_FINISH)
                ? (R) container
                : collector.finisher().apply(container);
    }

    public Optional<T> min(Comparator<? super T> comparator) {
        return reduce(BinaryOperator.minBy(comparator));
    }

    public Optional<T> max(Comparator<? super T> comparator) {
        return reduce(BinaryOperator.maxBy(comparator));
    }

    public long count() {
        LongSupplier s = size;
        if (s != null) {
            takeSource();
            return s.getAsLong();
        }
        long n = 0;
        Iterator<T> it = start();
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    public boolean anyMatch(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        Iterator<T> it = start();
        while (it.hasNext()) {
            if (predicate.test(it.next())) {
                return true;
            }
        }
        return false;
    }

    public boolean allMatch(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        Iterator<T> it = start();
        while (it.hasNext()) {
            if (!predicate.test(it.next())) {
                return false;
            }
        }
        return true;
    }

    public boolean noneMatch(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        Iterator<T> it = start();
        while (it.hasNext()) {
            if (predicate.test(it.next())) {
                return false;
            }
        }
        return true;
    }

    public Optional<T> findFirst() {
        Iterator<T> it = start();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    public Optional<T> findAny() {
        return findFirst();
    }
}
