// The implementation of LongStream: a chain of lazily composed primitive iterators.
package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.OptionalDouble;
import java.util.LongSummaryStatistics;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.ObjLongConsumer;
import java.util.function.LongToIntFunction;
import java.util.function.LongToDoubleFunction;

// Works like RefPipe: stages compose iterator suppliers; `size` is known for SIZED stages.
final class LongPipe implements LongStream {
    final Pipes.Shared shared;
    private final Supplier<PrimitiveIterator.OfLong> source;
    final LongSupplier size;
    private boolean linked;

    LongPipe(Pipes.Shared shared, Supplier<PrimitiveIterator.OfLong> source, LongSupplier size) {
        this.shared = shared;
        this.source = source;
        this.size = size;
    }

    static LongPipe adopt(LongStream s) {
        if (s instanceof LongPipe) {
            return (LongPipe) s;
        }
        Objects.requireNonNull(s);
        return new LongPipe(new Pipes.Shared(s.isParallel()), s::iterator, null);
    }

    Supplier<PrimitiveIterator.OfLong> takeSource() {
        if (linked || shared.closed) {
            throw new IllegalStateException(Pipes.MSG_CONSUMED);
        }
        linked = true;
        return source;
    }

    private PrimitiveIterator.OfLong start() {
        return takeSource().get();
    }

    private LongPipe chain(Function<PrimitiveIterator.OfLong, PrimitiveIterator.OfLong> op, LongSupplier newSize) {
        Supplier<PrimitiveIterator.OfLong> up = takeSource();
        return new LongPipe(shared, () -> op.apply(up.get()), newSize);
    }

    public PrimitiveIterator.OfLong iterator() {
        return start();
    }

    public Spliterator.OfLong spliterator() {
        LongSupplier s = size;
        PrimitiveIterator.OfLong it = start();
        return s != null ? Spliterators.spliterator(it, s.getAsLong(), Spliterator.ORDERED)
                : Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED);
    }

    public boolean isParallel() {
        return shared.parallel;
    }

    public LongStream sequential() {
        shared.parallel = false;
        return this;
    }

    public LongStream parallel() {
        shared.parallel = true;
        return this;
    }

    public LongStream unordered() {
        return this;
    }

    public LongStream onClose(Runnable closeHandler) {
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

    public LongStream filter(LongPredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.LongLookahead() {
            protected boolean advance() {
                while (it.hasNext()) {
                    long v = it.nextLong();
                    if (predicate.test(v)) {
                        set(v);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public LongStream map(LongUnaryOperator mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new PrimitiveIterator.OfLong() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public long nextLong() {
                return mapper.applyAsLong(it.nextLong());
            }
        }, size);
    }

    public <U> Stream<U> mapToObj(LongFunction<? extends U> mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfLong> up = takeSource();
        return new RefPipe<U>(shared, () -> {
            PrimitiveIterator.OfLong it = up.get();
            return new Iterator<U>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public U next() {
                    return mapper.apply(it.nextLong());
                }
            };
        }, size);
    }

    public IntStream mapToInt(LongToIntFunction mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfLong> up = takeSource();
        return new IntPipe(shared, () -> {
            PrimitiveIterator.OfLong it = up.get();
            return new PrimitiveIterator.OfInt() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public int nextInt() {
                    return mapper.applyAsInt(it.nextLong());
                }
            };
        }, size);
    }

    public DoubleStream mapToDouble(LongToDoubleFunction mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfLong> up = takeSource();
        return new DoublePipe(shared, () -> {
            PrimitiveIterator.OfLong it = up.get();
            return new PrimitiveIterator.OfDouble() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public double nextDouble() {
                    return mapper.applyAsDouble(it.nextLong());
                }
            };
        }, size);
    }

    public DoubleStream asDoubleStream() {
        return mapToDouble(v -> (double) v);
    }

    public Stream<Long> boxed() {
        return mapToObj(Long::valueOf);
    }

    public LongStream flatMap(LongFunction<? extends LongStream> mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new Pipes.LongLookahead() {
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
                    LongStream s = mapper.apply(it.nextLong());
                    if (s != null) {
                        inner = s;
                        innerIt = s.sequential().iterator();
                    }
                }
            }
        }, null);
    }

    public LongStream distinct() {
        return chain(it -> new Pipes.LongLookahead() {
            private final HashSet<Long> seen = new HashSet<>();

            protected boolean advance() {
                while (it.hasNext()) {
                    long v = it.nextLong();
                    if (seen.add(Long.valueOf(v))) {
                        set(v);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public LongStream sorted() {
        return chain(it -> new Pipes.LongLookahead() {
            private long[] sortedItems;
            private int index;

            protected boolean advance() {
                if (sortedItems == null) {
                    long[] a = new long[16];
                    int n = 0;
                    while (it.hasNext()) {
                        if (n == a.length) {
                            a = Arrays.copyOf(a, n * 2);
                        }
                        a[n++] = it.nextLong();
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

    public LongStream peek(LongConsumer action) {
        Objects.requireNonNull(action);
        return chain(it -> new PrimitiveIterator.OfLong() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public long nextLong() {
                long v = it.nextLong();
                action.accept(v);
                return v;
            }
        }, size);
    }

    public LongStream limit(long maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException(Long.toString(maxSize));
        }
        LongSupplier s = size;
        return chain(it -> new PrimitiveIterator.OfLong() {
            private long remaining = maxSize;

            public boolean hasNext() {
                return remaining > 0 && it.hasNext();
            }

            public long nextLong() {
                if (remaining <= 0) {
                    throw new java.util.NoSuchElementException();
                }
                remaining--;
                return it.nextLong();
            }
        }, s == null ? null : () -> Math.min(s.getAsLong(), maxSize));
    }

    public LongStream skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException(Long.toString(n));
        }
        if (n == 0) {
            return this;
        }
        LongSupplier s = size;
        return chain(it -> new Pipes.LongLookahead() {
            private long toSkip = n;

            protected boolean advance() {
                while (toSkip > 0 && it.hasNext()) {
                    it.nextLong();
                    toSkip--;
                }
                if (it.hasNext()) {
                    set(it.nextLong());
                    return true;
                }
                return false;
            }
        }, s == null ? null : () -> Math.max(0L, s.getAsLong() - n));
    }

    public LongStream takeWhile(LongPredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.LongLookahead() {
            private boolean done;

            protected boolean advance() {
                if (done || !it.hasNext()) {
                    return false;
                }
                long v = it.nextLong();
                if (!predicate.test(v)) {
                    done = true;
                    return false;
                }
                set(v);
                return true;
            }
        }, null);
    }

    public LongStream dropWhile(LongPredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.LongLookahead() {
            private boolean dropping = true;

            protected boolean advance() {
                while (it.hasNext()) {
                    long v = it.nextLong();
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

    public void forEach(LongConsumer action) {
        Objects.requireNonNull(action);
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            action.accept(it.nextLong());
        }
    }

    public void forEachOrdered(LongConsumer action) {
        forEach(action);
    }

    public long[] toArray() {
        long[] a = new long[16];
        int n = 0;
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = it.nextLong();
        }
        return Arrays.copyOf(a, n);
    }

    public long reduce(long identity, LongBinaryOperator op) {
        Objects.requireNonNull(op);
        long result = identity;
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            result = op.applyAsLong(result, it.nextLong());
        }
        return result;
    }

    public OptionalLong reduce(LongBinaryOperator op) {
        Objects.requireNonNull(op);
        boolean found = false;
        long result = 0;
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            long v = it.nextLong();
            if (!found) {
                found = true;
                result = v;
            } else {
                result = op.applyAsLong(result, v);
            }
        }
        return found ? OptionalLong.of(result) : OptionalLong.empty();
    }

    public <R> R collect(Supplier<R> supplier, ObjLongConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        Objects.requireNonNull(supplier);
        Objects.requireNonNull(accumulator);
        Objects.requireNonNull(combiner);
        R container = supplier.get();
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            accumulator.accept(container, it.nextLong());
        }
        return container;
    }

    public long sum() {
        long s = 0;
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            s += it.nextLong();
        }
        return s;
    }

    public OptionalDouble average() {
        long count = 0;
        long sum = 0;
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            count++;
            sum += it.nextLong();
        }
        return count > 0 ? OptionalDouble.of((double) sum / count) : OptionalDouble.empty();
    }

    public OptionalLong min() {
        return reduce(Math::min);
    }

    public OptionalLong max() {
        return reduce(Math::max);
    }

    public long count() {
        LongSupplier s = size;
        if (s != null) {
            takeSource();
            return s.getAsLong();
        }
        long n = 0;
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            it.nextLong();
            n++;
        }
        return n;
    }

    public LongSummaryStatistics summaryStatistics() {
        LongSummaryStatistics stats = new LongSummaryStatistics();
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            stats.accept(it.nextLong());
        }
        return stats;
    }

    public boolean anyMatch(LongPredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            if (predicate.test(it.nextLong())) {
                return true;
            }
        }
        return false;
    }

    public boolean allMatch(LongPredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            if (!predicate.test(it.nextLong())) {
                return false;
            }
        }
        return true;
    }

    public boolean noneMatch(LongPredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfLong it = start();
        while (it.hasNext()) {
            if (predicate.test(it.nextLong())) {
                return false;
            }
        }
        return true;
    }

    public OptionalLong findFirst() {
        PrimitiveIterator.OfLong it = start();
        return it.hasNext() ? OptionalLong.of(it.nextLong()) : OptionalLong.empty();
    }

    public OptionalLong findAny() {
        return findFirst();
    }

    static LongStream iterate(long seed, LongPredicate hasNext, LongUnaryOperator f) {
        Objects.requireNonNull(f);
        Supplier<PrimitiveIterator.OfLong> src = () -> new Pipes.LongLookahead() {
            private long prev;
            private boolean started;
            private boolean finished;

            protected boolean advance() {
                if (finished) {
                    return false;
                }
                long t = started ? f.applyAsLong(prev) : seed;
                started = true;
                if (hasNext != null && !hasNext.test(t)) {
                    finished = true;
                    return false;
                }
                set(prev = t);
                return true;
            }
        };
        return new LongPipe(new Pipes.Shared(false), src, null);
    }

    static LongStream generate(LongSupplier s) {
        Objects.requireNonNull(s);
        Supplier<PrimitiveIterator.OfLong> src = () -> new PrimitiveIterator.OfLong() {
            public boolean hasNext() {
                return true;
            }

            public long nextLong() {
                return s.getAsLong();
            }
        };
        return new LongPipe(new Pipes.Shared(false), src, null);
    }

    static LongStream range(long from, long to, boolean closed) {
        if (closed ? from > to : from >= to) {
            return LongStream.empty();
        }
        long n = closed ? (long) to - (long) from + 1 : (long) to - (long) from;
        long count = n > 0 ? n : Long.MAX_VALUE;
        Supplier<PrimitiveIterator.OfLong> src = () -> new PrimitiveIterator.OfLong() {
            private long next = from;
            private boolean done;

            public boolean hasNext() {
                return !done;
            }

            public long nextLong() {
                if (done) {
                    throw new java.util.NoSuchElementException();
                }
                long v = next;
                if (closed ? v == to : v + 1 == to) {
                    done = true;
                } else {
                    next = v + 1;
                }
                return v;
            }
        };
        return new LongPipe(new Pipes.Shared(false), src, () -> count);
    }

    static LongStream concat(LongStream a, LongStream b) {
        LongPipe pa = adopt(a);
        LongPipe pb = adopt(b);
        Supplier<PrimitiveIterator.OfLong> sa = pa.takeSource();
        Supplier<PrimitiveIterator.OfLong> sb = pb.takeSource();
        Supplier<PrimitiveIterator.OfLong> src = () -> new Pipes.LongLookahead() {
            private PrimitiveIterator.OfLong ia;
            private PrimitiveIterator.OfLong ib;

            protected boolean advance() {
                if (ia == null) {
                    ia = sa.get();
                }
                if (ia.hasNext()) {
                    set(ia.nextLong());
                    return true;
                }
                if (ib == null) {
                    ib = sb.get();
                }
                if (ib.hasNext()) {
                    set(ib.nextLong());
                    return true;
                }
                return false;
            }
        };
        Pipes.Shared sh = new Pipes.Shared(a.isParallel() || b.isParallel());
        sh.onClose(Pipes.composeClose(a::close, b::close));
        return new LongPipe(sh, src, Pipes.sumSizes(pa.size, pb.size));
    }

    static final class BuilderImpl implements LongStream.Builder {
        private long[] items = new long[8];
        private int count;
        private boolean built;

        public void accept(long t) {
            if (built) {
                throw new IllegalStateException();
            }
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = t;
        }

        public LongStream build() {
            if (built) {
                throw new IllegalStateException();
            }
            built = true;
            return StreamSupport.longStream(Spliterators.spliterator(Arrays.copyOf(items, count), Spliterator.ORDERED), false);
        }
    }
}
