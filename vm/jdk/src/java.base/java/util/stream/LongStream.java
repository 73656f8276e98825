// A sequence of long values supporting sequential aggregate operations.
package java.util.stream;

import java.util.OptionalLong;
import java.util.LongSummaryStatistics;
import java.util.OptionalDouble;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.function.BiConsumer;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongToIntFunction;
import java.util.function.LongUnaryOperator;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

public interface LongStream extends BaseStream<Long, LongStream> {
    LongStream filter(LongPredicate predicate);

    LongStream map(LongUnaryOperator mapper);

    <U> Stream<U> mapToObj(LongFunction<? extends U> mapper);

    IntStream mapToInt(LongToIntFunction mapper);

    DoubleStream mapToDouble(LongToDoubleFunction mapper);

    LongStream flatMap(LongFunction<? extends LongStream> mapper);

    LongStream distinct();

    LongStream sorted();

    LongStream peek(LongConsumer action);

    LongStream limit(long maxSize);

    LongStream skip(long n);

    LongStream takeWhile(LongPredicate predicate);

    LongStream dropWhile(LongPredicate predicate);

    void forEach(LongConsumer action);

    void forEachOrdered(LongConsumer action);

    long[] toArray();

    long reduce(long identity, LongBinaryOperator op);

    OptionalLong reduce(LongBinaryOperator op);

    <R> R collect(Supplier<R> supplier, ObjLongConsumer<R> accumulator, BiConsumer<R, R> combiner);

    long sum();

    OptionalLong min();

    OptionalLong max();

    long count();

    OptionalDouble average();

    LongSummaryStatistics summaryStatistics();

    boolean anyMatch(LongPredicate predicate);

    boolean allMatch(LongPredicate predicate);

    boolean noneMatch(LongPredicate predicate);

    OptionalLong findFirst();

    OptionalLong findAny();

    DoubleStream asDoubleStream();

    Stream<Long> boxed();

    LongStream sequential();

    LongStream parallel();

    PrimitiveIterator.OfLong iterator();

    Spliterator.OfLong spliterator();

    static Builder builder() {
        return new LongPipe.BuilderImpl();
    }

    static LongStream empty() {
        return StreamSupport.longStream(java.util.Spliterators.emptyLongSpliterator(), false);
    }

    static LongStream of(long t) {
        return StreamSupport.longStream(java.util.Spliterators.spliterator(new long[] {t}, Spliterator.ORDERED), false);
    }

    static LongStream of(long... values) {
        return java.util.Arrays.stream(values);
    }

    static LongStream iterate(final long seed, final LongUnaryOperator f) {
        return LongPipe.iterate(seed, null, f);
    }

    static LongStream iterate(long seed, LongPredicate hasNext, LongUnaryOperator next) {
        java.util.Objects.requireNonNull(hasNext);
        return LongPipe.iterate(seed, hasNext, next);
    }

    static LongStream generate(LongSupplier s) {
        return LongPipe.generate(s);
    }

    static LongStream range(long startInclusive, long endExclusive) {
        return LongPipe.range(startInclusive, endExclusive, false);
    }

    static LongStream rangeClosed(long startInclusive, long endInclusive) {
        return LongPipe.range(startInclusive, endInclusive, true);
    }

    static LongStream concat(LongStream a, LongStream b) {
        return LongPipe.concat(a, b);
    }

    interface Builder extends LongConsumer {
        void accept(long t);

        default Builder add(long t) {
            accept(t);
            return this;
        }

        LongStream build();
    }
}
