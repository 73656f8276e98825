// The implementation of DoubleStream: a chain of lazily composed primitive iterators.
package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalDouble;
import java.util.DoubleSummaryStatistics;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ObjDoubleConsumer;
import java.util.function.DoubleToIntFunction;
import java.util.function.DoubleToLongFunction;

// Works like RefPipe: stages compose iterator suppliers; `size` is known for SIZED stages.
final class DoublePipe implements DoubleStream {
    final Pipes.Shared shared;
    private final Supplier<PrimitiveIterator.OfDouble> source;
    final LongSupplier size;
    private boolean linked;

    DoublePipe(Pipes.Shared shared, Supplier<PrimitiveIterator.OfDouble> source, LongSupplier size) {
        this.shared = shared;
        this.source = source;
        this.size = size;
    }

    static DoublePipe adopt(DoubleStream s) {
        if (s instanceof DoublePipe) {
            return (DoublePipe) s;
        }
        Objects.requireNonNull(s);
        return new DoublePipe(new Pipes.Shared(s.isParallel()), s::iterator, null);
    }

    Supplier<PrimitiveIterator.OfDouble> takeSource() {
        if (linked || shared.closed) {
            throw new IllegalStateException(Pipes.MSG_CONSUMED);
        }
        linked = true;
        return source;
    }

    private PrimitiveIterator.OfDouble start() {
        return takeSource().get();
    }

    private DoublePipe chain(Function<PrimitiveIterator.OfDouble, PrimitiveIterator.OfDouble> op, LongSupplier newSize) {
        Supplier<PrimitiveIterator.OfDouble> up = takeSource();
        return new DoublePipe(shared, () -> op.apply(up.get()), newSize);
    }

    public PrimitiveIterator.OfDouble iterator() {
        return start();
    }

    public Spliterator.OfDouble spliterator() {
        LongSupplier s = size;
        PrimitiveIterator.OfDouble it = start();
        return s != null ? Spliterators.spliterator(it, s.getAsLong(), Spliterator.ORDERED)
                : Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED);
    }

    public boolean isParallel() {
        return shared.parallel;
    }

    public DoubleStream sequential() {
        shared.parallel = false;
        return this;
    }

    public DoubleStream parallel() {
        shared.parallel = true;
        return this;
    }

    public DoubleStream unordered() {
        return this;
    }

    public DoubleStream onClose(Runnable closeHandler) {
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

    public DoubleStream filter(DoublePredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.DoubleLookahead() {
            protected boolean advance() {
                while (it.hasNext()) {
                    double v = it.nextDouble();
                    if (predicate.test(v)) {
                        set(v);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public DoubleStream map(DoubleUnaryOperator mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new PrimitiveIterator.OfDouble() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public double nextDouble() {
                return mapper.applyAsDouble(it.nextDouble());
            }
        }, size);
    }

    public <U> Stream<U> mapToObj(DoubleFunction<? extends U> mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfDouble> up = takeSource();
        return new RefPipe<U>(shared, () -> {
            PrimitiveIterator.OfDouble it = up.get();
            return new Iterator<U>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public U next() {
                    return mapper.apply(it.nextDouble());
                }
            };
        }, size);
    }

    public IntStream mapToInt(DoubleToIntFunction mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfDouble> up = takeSource();
        return new IntPipe(shared, () -> {
            PrimitiveIterator.OfDouble it = up.get();
            return new PrimitiveIterator.OfInt() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public int nextInt() {
                    return mapper.applyAsInt(it.nextDouble());
                }
            };
        }, size);
    }

    public LongStream mapToLong(DoubleToLongFunction mapper) {
        Objects.requireNonNull(mapper);
        Supplier<PrimitiveIterator.OfDouble> up = takeSource();
        return new LongPipe(shared, () -> {
            PrimitiveIterator.OfDouble it = up.get();
            return new PrimitiveIterator.OfLong() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public long nextLong() {
                    return mapper.applyAsLong(it.nextDouble());
                }
            };
        }, size);
    }

    public Stream<Double> boxed() {
        return mapToObj(Double::valueOf);
    }

    public DoubleStream flatMap(DoubleFunction<? extends DoubleStream> mapper) {
        Objects.requireNonNull(mapper);
        return chain(it -> new Pipes.DoubleLookahead() {
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
                    DoubleStream s = mapper.apply(it.nextDouble());
                    if (s != null) {
                        inner = s;
                        innerIt = s.sequential().iterator();
                    }
                }
            }
        }, null);
    }

    public DoubleStream distinct() {
        return chain(it -> new Pipes.DoubleLookahead() {
            private final HashSet<Double> seen = new HashSet<>();

            protected boolean advance() {
                while (it.hasNext()) {
                    double v = it.nextDouble();
                    if (seen.add(Double.valueOf(v))) {
                        set(v);
                        return true;
                    }
                }
                return false;
            }
        }, null);
    }

    public DoubleStream sorted() {
        return chain(it -> new Pipes.DoubleLookahead() {
            private double[] sortedItems;
            private int index;

            protected boolean advance() {
                if (sortedItems == null) {
                    double[] a = new double[16];
                    int n = 0;
                    while (it.hasNext()) {
                        if (n == a.length) {
                            a = Arrays.copyOf(a, n * 2);
                        }
                        a[n++] = it.nextDouble();
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

    public DoubleStream peek(DoubleConsumer action) {
        Objects.requireNonNull(action);
        return chain(it -> new PrimitiveIterator.OfDouble() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public double nextDouble() {
                double v = it.nextDouble();
                action.accept(v);
                return v;
            }
        }, size);
    }

    public DoubleStream limit(long maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException(Long.toString(maxSize));
        }
        LongSupplier s = size;
        return chain(it -> new PrimitiveIterator.OfDouble() {
            private long remaining = maxSize;

            public boolean hasNext() {
                return remaining > 0 && it.hasNext();
            }

            public double nextDouble() {
                if (remaining <= 0) {
                    throw new java.util.NoSuchElementException();
                }
                remaining--;
                return it.nextDouble();
            }
        }, s == null ? null : () -> Math.min(s.getAsLong(), maxSize));
    }

    public DoubleStream skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException(Long.toString(n));
        }
        if (n == 0) {
            return this;
        }
        LongSupplier s = size;
        return chain(it -> new Pipes.DoubleLookahead() {
            private long toSkip = n;

            protected boolean advance() {
                while (toSkip > 0 && it.hasNext()) {
                    it.nextDouble();
                    toSkip--;
                }
                if (it.hasNext()) {
                    set(it.nextDouble());
                    return true;
                }
                return false;
            }
        }, s == null ? null : () -> Math.max(0L, s.getAsLong() - n));
    }

    public DoubleStream takeWhile(DoublePredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.DoubleLookahead() {
            private boolean done;

            protected boolean advance() {
                if (done || !it.hasNext()) {
                    return false;
                }
                double v = it.nextDouble();
                if (!predicate.test(v)) {
                    done = true;
                    return false;
                }
                set(v);
                return true;
            }
        }, null);
    }

    public DoubleStream dropWhile(DoublePredicate predicate) {
        Objects.requireNonNull(predicate);
        return chain(it -> new Pipes.DoubleLookahead() {
            private boolean dropping = true;

            protected boolean advance() {
                while (it.hasNext()) {
                    double v = it.nextDouble();
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

    public void forEach(DoubleConsumer action) {
        Objects.requireNonNull(action);
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            action.accept(it.nextDouble());
        }
    }

    public void forEachOrdered(DoubleConsumer action) {
        forEach(action);
    }

    public double[] toArray() {
        double[] a = new double[16];
        int n = 0;
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = it.nextDouble();
        }
        return Arrays.copyOf(a, n);
    }

    public double reduce(double identity, DoubleBinaryOperator op) {
        Objects.requireNonNull(op);
        double result = identity;
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            result = op.applyAsDouble(result, it.nextDouble());
        }
        return result;
    }

    public OptionalDouble reduce(DoubleBinaryOperator op) {
        Objects.requireNonNull(op);
        boolean found = false;
        double result = 0;
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            double v = it.nextDouble();
            if (!found) {
                found = true;
                result = v;
            } else {
                result = op.applyAsDouble(result, v);
            }
        }
        return found ? OptionalDouble.of(result) : OptionalDouble.empty();
    }

    public <R> R collect(Supplier<R> supplier, ObjDoubleConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        Objects.requireNonNull(supplier);
        Objects.requireNonNull(accumulator);
        Objects.requireNonNull(combiner);
        R container = supplier.get();
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            accumulator.accept(container, it.nextDouble());
        }
        return container;
    }

    public double sum() {
        double[] summation = new double[3];
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            double d = it.nextDouble();
            sumWithCompensation(summation, d);
            summation[2] += d;
        }
        return computeFinalSum(summation);
    }

    static void sumWithCompensation(double[] intermediateSum, double value) {
        double tmp = value - intermediateSum[1];
        double sum = intermediateSum[0];
        double velvel = sum + tmp;
        intermediateSum[1] = (velvel - sum) - tmp;
        intermediateSum[0] = velvel;
    }

    static double computeFinalSum(double[] summands) {
        double tmp = summands[0] - summands[1];
        double simpleSum = summands[summands.length - 1];
        if (Double.isNaN(tmp) && Double.isInfinite(simpleSum)) {
            return simpleSum;
        }
        return tmp;
    }

    public OptionalDouble average() {
        double[] avg = new double[4];
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            double d = it.nextDouble();
            avg[2]++;
            sumWithCompensation(avg, d);
            avg[3] += d;
        }
        return avg[2] > 0 ? OptionalDouble.of(computeFinalSum(avg) / avg[2]) : OptionalDouble.empty();
    }

    public OptionalDouble min() {
        return reduce(Math::min);
    }

    public OptionalDouble max() {
        return reduce(Math::max);
    }

    public long count() {
        LongSupplier s = size;
        if (s != null) {
            takeSource();
            return s.getAsLong();
        }
        long n = 0;
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            it.nextDouble();
            n++;
        }
        return n;
    }

    public DoubleSummaryStatistics summaryStatistics() {
        DoubleSummaryStatistics stats = new DoubleSummaryStatistics();
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            stats.accept(it.nextDouble());
        }
        return stats;
    }

    public boolean anyMatch(DoublePredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            if (predicate.test(it.nextDouble())) {
                return true;
            }
        }
        return false;
    }

    public boolean allMatch(DoublePredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            if (!predicate.test(it.nextDouble())) {
                return false;
            }
        }
        return true;
    }

    public boolean noneMatch(DoublePredicate predicate) {
        Objects.requireNonNull(predicate);
        PrimitiveIterator.OfDouble it = start();
        while (it.hasNext()) {
            if (predicate.test(it.nextDouble())) {
                return false;
            }
        }
        return true;
    }

    public OptionalDouble findFirst() {
        PrimitiveIterator.OfDouble it = start();
        return it.hasNext() ? OptionalDouble.of(it.nextDouble()) : OptionalDouble.empty();
    }

    public OptionalDouble findAny() {
        return findFirst();
    }

    static DoubleStream iterate(double seed, DoublePredicate hasNext, DoubleUnaryOperator f) {
        Objects.requireNonNull(f);
        Supplier<PrimitiveIterator.OfDouble> src = () -> new Pipes.DoubleLookahead() {
            private double prev;
            private boolean started;
            private boolean finished;

            protected boolean advance() {
                if (finished) {
                    return false;
                }
                double t = started ? f.applyAsDouble(prev) : seed;
                started = true;
                if (hasNext != null && !hasNext.test(t)) {
                    finished = true;
                    return false;
                }
                set(prev = t);
                return true;
            }
        };
        return new DoublePipe(new Pipes.Shared(false), src, null);
    }

    static DoubleStream generate(DoubleSupplier s) {
        Objects.requireNonNull(s);
        Supplier<PrimitiveIterator.OfDouble> src = () -> new PrimitiveIterator.OfDouble() {
            public boolean hasNext() {
                return true;
            }

            public double nextDouble() {
                return s.getAsDouble();
            }
        };
        return new DoublePipe(new Pipes.Shared(false), src, null);
    }

    static DoubleStream concat(DoubleStream a, DoubleStream b) {
        DoublePipe pa = adopt(a);
        DoublePipe pb = adopt(b);
        Supplier<PrimitiveIterator.OfDouble> sa = pa.takeSource();
        Supplier<PrimitiveIterator.OfDouble> sb = pb.takeSource();
        Supplier<PrimitiveIterator.OfDouble> src = () -> new Pipes.DoubleLookahead() {
            private PrimitiveIterator.OfDouble ia;
            private PrimitiveIterator.OfDouble ib;

            protected boolean advance() {
                if (ia == null) {
                    ia = sa.get();
                }
                if (ia.hasNext()) {
                    set(ia.nextDouble());
                    return true;
                }
                if (ib == null) {
                    ib = sb.get();
                }
                if (ib.hasNext()) {
                    set(ib.nextDouble());
                    return true;
                }
                return false;
            }
        };
        Pipes.Shared sh = new Pipes.Shared(a.isParallel() || b.isParallel());
        sh.onClose(Pipes.composeClose(a::close, b::close));
        return new DoublePipe(sh, src, Pipes.sumSizes(pa.size, pb.size));
    }

    static final class BuilderImpl implements DoubleStream.Builder {
        private double[] items = new double[8];
        private int count;
        private boolean built;

        public void accept(double t) {
            if (built) {
                throw new IllegalStateException();
            }
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = t;
        }

        public DoubleStream build() {
            if (built) {
                throw new IllegalStateException();
            }
            built = true;
            return StreamSupport.doubleStream(Spliterators.spliterator(Arrays.copyOf(items, count), Spliterator.ORDERED), false);
        }
    }
}
