// The implementation of IntStream: a chain of lazily composed primitive iterators.
package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalDouble;
import java.util.IntSummaryStatistics;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;
import java.util.function.IntToLongFunction;
import java.util.function.IntToDoubleFunction;

// Works like RefPipe: stages compose iterator suppliers; `size` is known for SIZED stages.
final class IntPipe implements IntStream {
    final Pipes.Shared shared;
    private final Supplier<PrimitiveIterator.OfInt> source;
    final LongSupplier size;
    private boolean linked;

    IntPipe(Pipes.Shared shared, Supplier<PrimitiveIterator.OfInt> source, LongSupplier size) {
        this.shared = shared;
        this.source = source;
        this.size = size;
    }

    static IntPipe adopt(IntStream s) {
        if (s instanceof IntPipe) {
            return (IntPipe) s;
        }
        Objects.requireNonNull(s);
        return new IntPipe(new Pipes.Shared(s.isParallel()), s::iterator, null);
    }

    Supplier<PrimitiveIterator.OfInt> takeSource() {
        if (linked || shared.closed) {
            throw new IllegalStateException(Pipes.MSG_CONSUMED);
        }
        linked = true;
        return source;
    }

    private PrimitiveIterator.OfInt start() {
        return takeSource().get();
    }

    private IntPipe chain(Function<PrimitiveIterator.OfInt, PrimitiveIterator.OfInt> op, LongSupplier newSize) {
        Supplier<PrimitiveIterator.OfInt> up = takeSource();
        return new IntPipe(shared, () -> op.apply(up.get()), newSize);
    }

    public PrimitiveIterator.OfInt iterator() {
        return start();
    }

    public Spliterator.OfInt spliterator() {
        LongSupplier s = size;
        PrimitiveIterator.OfInt it = start();
        return s != null ? Spliterators.spliterator(it, s.getAsLong(), Spliterator.ORDERED)
                : Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED);
    }

    public boolean isParallel() {
        return shared.parallel;
    }

    public IntStream sequential() {
        shared.parallel = false;
        return this;
    }

    public IntStream parallel() {
        shared.parallel = true;
        return this;
    }

    public IntStream unordered() {
        return this;
    }

    public IntStream onClose(Runnable closeHandler) {
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

    public IntStream filter(IntPredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.IntLookahead() {
            protected boolean advance() {
                while (it.hasNext()) {
                    int v = it.nextInt();
                    if (predicate.test(v)) {
                        set(v);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public IntStream map(IntUnaryOperator mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new PrimitiveIterator.OfInt() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public int nextInt() {
                return mapper.applyAsInt(it.nextInt());
            }
        }, size);
    }

    public <U> Stream<U> mapToObj(IntFunction<? extends U> mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfInt> up = takeSource();
        return new RefPipe<U>(shared, () -> {
            PrimitiveIterator.OfInt it = up.get();
            return new Iterator<U>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public U next() {
                    return mapper.apply(it.nextInt());
                }
            };
        }, size);
    }

    public LongStream mapToLong(IntToLongFunction mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfInt> up = takeSource();
        return new LongPipe(shared, () -> {
            PrimitiveIterator.OfInt it = up.get();
            return new PrimitiveIterator.OfLong() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public long nextLong() {
                    return mapper.applyAsLong(it.nextInt());
                }
            };
        }, size);
    }

    public DoubleStream mapToDouble(IntToDoubleFunction mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfInt> up = takeSource();
        return new DoublePipe(shared, () -> {
            PrimitiveIterator.OfInt it = up.get();
            return new PrimitiveIterator.OfDouble() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public double nextDouble() {
                    return mapper.applyAsDouble(it.nextInt());
                }
            };
        }, size);
    }

    public LongStream asLongStream() {
        return mapToLong(v -> (long) v);
    }

    public DoubleStream asDoubleStream() {
        return mapToDouble(v -> (double) v);
    }

    public Stream<Integer> boxed() {
        return mapToObj(Integer::valueOf);
    }

    public IntStream flatMap(IntFunction<? extends IntStream> mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new Pipes.IntLookahead() {
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
                    IntStream s = mapper.apply(it.nextInt());
                    if (s != null) {
                        inner = s;
                        innerIt = s.sequential().iterator();
                    }
                }
            }
        }, null);
    }

    public IntStream distinct() {
        return chain(it -> new Pipes.IntLookahead() {
            private final HashSet<Integer> seen = new HashSet<>();

            protected boolean advance() {
                while (it.hasNext()) {
                    int v = it.nextInt();
                    if (seen.add(Integer.valueOf(v))) {
                        set(v);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public IntStream sorted() {
        return chain(it -> new Pipes.IntLookahead() {
            private int[] sortedItems;
            private int index;

            protected boolean advance() {
                if (sortedItems == null) {
                    int[] a = new int[16];
                    int n = 0;
                    while (it.hasNext()) {
                        if (n == a.length) {
                            a = Arrays.copyOf(a, n * 2);
                        }
                        a[n++] = it.nextInt();
                    }
                    a = Arrays.copyOf(a, n);
                    Arrays.sort(a);
                    sortedItems = a;
                }
                if (index < sortedItems.length) {
                    set(sortedItems[index++]);
                    return true;
                }
                return false;
            }
        }, size);
    }

    public IntStream peek(IntConsumer action) {
        Objects.requireNonNull(action);
        return chain(it -> new PrimitiveIterator.OfInt() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public int nextInt() {
                int v = it.nextInt();
                action.accept(v);
                return v;
            }
        }, size);
    }

    public IntStream limit(long maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException(Long.toString(maxSize));
        }
        LongSupplier s = size;
        return chain(it -> new PrimitiveIterator.OfInt() {
            private long remaining = maxSize;

            public boolean hasNext() {
                return remaining > 0 && it.hasNext();
            }

            public int nextInt() {
                if (remaining <= 0) {
                    throw new java.util.NoSuchElementException();
                }
                remaining--;
                return it.nextInt();
            }
        }, s == null ? null : () -> Math.min(s.getAsLong(), maxSize));
    }

    public IntStream skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException(Long.toString(n));
        }
        if (n == 0) {
            return this;
        }
        LongSupplier s = size;
        return chain(it -> new Pipes.IntLookahead() {
            private long toSkip = n;

            protected boolean advance() {
                while (toSkip > 0 && it.hasNext()) {
                    it.nextInt();
                    toSkip--;
                }
                if (it.hasNext()) {
                    set(it.nextInt());
                    return true;
                }
                return false;
            }
        }, s == null ? null : () -> Math.max(0L, s.getAsLong() - n));
    }

    public IntStream takeWhile(IntPredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.IntLookahead() {
            private boolean done;

            protected boolean advance() {
                if (done || !it.hasNext()) {
                    return false;
                }
                int v = it.nextInt();
                if (!predicate.test(v)) {
                    done = true;
                    return false;
                }
                set(v);
                return true;
            }
        }, null);
    }

    public IntStream dropWhile(IntPredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.IntLookahead() {
            private boolean dropping = true;

            protected boolean advance() {
                while (it.hasNext()) {
                    int v = it.nextInt();
                    if (dropping && predicate.test(v)) {
                        continue;
                    }
                    dropping = false;
                    set(v);
                    return true;
                }
                return false;
            }
        }, null);
    }

    public void forEach(IntConsumer action) {
        Objects.requireNonNull(action);
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            action.accept(it.nextInt());
        }
    }

    public void forEachOrdered(IntConsumer action) {
        forEach(action);
    }

    public int[] toArray() {
        int[] a = new int[16];
        int n = 0;
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = it.nextInt();
        }
        return Arrays.copyOf(a, n);
    }

    public int reduce(int identity, IntBinaryOperator op) {
        Objects.requireNonNull(op);
        int result = identity;
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            result = op.applyAsInt(result, it.nextInt());
        }
        return result;
    }

    public OptionalInt reduce(IntBinaryOperator op) {
        Objects.requireNonNull(op);
        boolean found = false;
        int result = 0;
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            int v = it.nextInt();
            if (!found) {
                found = true;
                result = v;
            } else {
                result = op.applyAsInt(result, v);
            }
        }
        return found ? OptionalInt.of(result) : OptionalInt.empty();
    }

    public <R> R collect(Supplier<R> supplier, ObjIntConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        Objects.requireNonNull(supplier);
        Objects.requireNonNull(accumulator);
        Objects.requireNonNull(combiner);
        R container = supplier.get();
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            accumulator.accept(container, it.nextInt());
        }
        return container;
    }

    public int sum() {
        int s = 0;
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            s += it.nextInt();
        }
        return s;
    }

    public OptionalDouble average() {
        long count = 0;
        long sum = 0;
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            count++;
            sum += it.nextInt();
        }
        return count > 0 ? OptionalDouble.of((double) sum / count) : OptionalDouble.empty();
    }

    public OptionalInt min() {
        return reduce(Math::min);
    }

    public OptionalInt max() {
        return reduce(Math::max);
    }

    public long count() {
        LongSupplier s = size;
        if (s != null) {
            takeSource();
            return s.getAsLong();
        }
        long n = 0;
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            it.nextInt();
            n++;
        }
        return n;
    }

    public IntSummaryStatistics summaryStatistics() {
        IntSummaryStatistics stats = new IntSummaryStatistics();
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            stats.accept(it.nextInt());
        }
        return stats;
    }

    public boolean anyMatch(IntPredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            if (predicate.test(it.nextInt())) {
                return true;
            }
        }
        return false;
    }

    public boolean allMatch(IntPredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            if (!predicate.test(it.nextInt())) {
                return false;
            }
        }
        return true;
    }

    public boolean noneMatch(IntPredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfInt it = start();
        while (it.hasNext()) {
            if (predicate.test(it.nextInt())) {
                return false;
            }
        }
        return true;
    }

    public OptionalInt findFirst() {
        PrimitiveIterator.OfInt it = start();
        return it.hasNext() ? OptionalInt.of(it.nextInt()) : OptionalInt.empty();
    }

    public OptionalInt findAny() {
        return findFirst();
    }

    static IntStream iterate(int seed, IntPredicate hasNext, IntUnaryOperator f) {
        Objects.requireNonNull(f);
        Supplier<PrimitiveIterator.OfInt> src = () -> new Pipes.IntLookahead() {
            private int prev;
            private boolean started;
            private boolean finished;

            protected boolean advance() {
                if (finished) {
                    return false;
                }
                int t = started ? f.applyAsInt(prev) : seed;
                started = true;
                if (hasNext != null && !hasNext.test(t)) {
                    finished = true;
                    return false;
                }
                set(prev = t);
                return true;
            }
        };
        return new IntPipe(new Pipes.Shared(false), src, null);
    }

    static IntStream generate(IntSupplier s) {
        Objects.requireNonNull(s);
        Supplier<PrimitiveIterator.OfInt> src = () -> new PrimitiveIterator.OfInt() {
            public boolean hasNext() {
                return true;
            }

            public int nextInt() {
                return s.getAsInt();
            }
        };
        return new IntPipe(new Pipes.Shared(false), src, null);
    }

    static IntStream range(int from, int to, boolean closed) {
        if (closed ? from > to : from >= to) {
            return IntStream.empty();
        }
        long n = closed ? (long) to - (long) from + 1 : (long) to - (long) from;
        long count = n > 0 ? n : Long.MAX_VALUE;
        Supplier<PrimitiveIterator.OfInt> src = () -> new PrimitiveIterator.OfInt() {
            private int next = from;
            private boolean done;

            public boolean hasNext() {
                return !done;
            }

            public int nextInt() {
                if (done) {
                    throw new java.util.NoSuchElementException();
                }
                int v = next;
                if (closed ? v == to : v + 1 == to) {
                    done = true;
                } else {
                    next = v + 1;
                }
                return v;
            }
        };
        return new IntPipe(new Pipes.Shared(false), src, () -> count);
    }

    static IntStream concat(IntStream a, IntStream b) {
        IntPipe pa = adopt(a);
        IntPipe pb = adopt(b);
        Supplier<PrimitiveIterator.OfInt> sa = pa.takeSource();
        Supplier<PrimitiveIterator.OfInt> sb = pb.takeSource();
        Supplier<PrimitiveIterator.OfInt> src = () -> new Pipes.IntLookahead() {
            private PrimitiveIterator.OfInt ia;
            private PrimitiveIterator.OfInt ib;

            protected boolean advance() {
                if (ia == null) {
                    ia = sa.get();
                }
                if (ia.hasNext()) {
                    set(ia.nextInt());
                    return true;
                }
                if (ib == null) {
                    ib = sb.get();
                }
                if (ib.hasNext()) {
                    set(ib.nextInt());
                    return true;
                }
                return false;
            }
        };
        Pipes.Shared sh = new Pipes.Shared(a.isParallel() || b.isParallel());
        sh.onClose(Pipes.composeClose(a::close, b::close));
        return new IntPipe(sh, src, Pipes.sumSizes(pa.size, pb.size));
    }

    static final class BuilderImpl implements IntStream.Builder {
        private int[] items = new int[8];
        private int count;
        private boolean built;

        public void accept(int t) {
            if (built) {
                throw new IllegalStateException();
            }
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = t;
        }

        public IntStream build() {
            if (built) {
                throw new IllegalStateException();
            }
            built = true;
            return StreamSupport.intStream(Spliterators.spliterator(Arrays.copyOf(items, count), Spliterator.ORDERED), false);
        }
    }
}
