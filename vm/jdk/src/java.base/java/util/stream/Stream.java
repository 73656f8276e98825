// A sequence of elements supporting sequential aggregate operations.
package java.util.stream;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

public interface Stream<T> extends BaseStream<T, Stream<T>> {
    Stream<T> filter(Predicate<? super T> predicate);

    <R> Stream<R> map(Function<? super T, ? extends R> mapper);

    IntStream mapToInt(ToIntFunction<? super T> mapper);

    LongStream mapToLong(ToLongFunction<? super T> mapper);

    DoubleStream mapToDouble(ToDoubleFunction<? super T> mapper);

    <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> mapper);

    IntStream flatMapToInt(Function<? super T, ? extends IntStream> mapper);

    LongStream flatMapToLong(Function<? super T, ? extends LongStream> mapper);

    DoubleStream flatMapToDouble(Function<? super T, ? extends DoubleStream> mapper);

    default <R> Stream<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> mapper) {
        Objects.requireNonNull(mapper);
        return flatMap(e -> {
            SpinedBuffer<R> buffer = new SpinedBuffer<>();
            mapper.accept(e, buffer);
            return buffer.stream();
        });
    }

    Stream<T> distinct();

    Stream<T> sorted();

    Stream<T> sorted(Comparator<? super T> comparator);

    Stream<T> peek(Consumer<? super T> action);

    Stream<T> limit(long maxSize);

    Stream<T> skip(long n);

    default Stream<T> takeWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        Iterator<T> it = iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Pipes.Lookahead<T>() {
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
        }, 0), isParallel()).onClose(this::close);
    }

    default Stream<T> dropWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        Iterator<T> it = iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Pipes.Lookahead<T>() {
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
        }, 0), isParallel()).onClose(this::close);
    }

    void forEach(Consumer<? super T> action);

    void forEachOrdered(Consumer<? super T> action);

    Object[] toArray();

    <A> A[] toArray(IntFunction<A[]> generator);

    T reduce(T identity, BinaryOperator<T> accumulator);

    Optional<T> reduce(BinaryOperator<T> accumulator);

    <U> U reduce(U identity, BiFunction<U, ? super T, U> accumulator, BinaryOperator<U> combiner);

    <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> accumulator, BiConsumer<R, R> combiner);

    <R, A> R collect(Collector<? super T, A, R> collector);

    default List<T> toList() {
        return (List<T>) Pipes.listFromArray(this.toArray());
    }

    Optional<T> min(Comparator<? super T> comparator);

    Optional<T> max(Comparator<? super T> comparator);

    long count();

    boolean anyMatch(Predicate<? super T> predicate);

    boolean allMatch(Predicate<? super T> predicate);

    boolean noneMatch(Predicate<? super T> predicate);

    Optional<T> findFirst();

    Optional<T> findAny();

    static <T> Builder<T> builder() {
        return new SpinedBuffer<>();
    }

    static <T> Stream<T> empty() {
        return StreamSupport.stream(Spliterators.<T>emptySpliterator(), false);
    }

    static <T> Stream<T> of(T t) {
        return StreamSupport.stream(Spliterators.spliterator(new Object[] {t}, java.util.Spliterator.ORDERED), false);
    }

    static <T> Stream<T> ofNullable(T t) {
        return t == null ? Stream.empty()
                : StreamSupport.stream(Spliterators.spliterator(new Object[] {t}, java.util.Spliterator.ORDERED), false);
    }

    static <T> Stream<T> of(T... values) {
        return java.util.Arrays.stream(values);
    }

    static <T> Stream<T> iterate(final T seed, final UnaryOperator<T> f) {
        Objects.requireNonNull(f);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Iterator<T>() {
            private T prev;
            private boolean started;

            public boolean hasNext() {
                return true;
            }

            public T next() {
                T t = started ? f.apply(prev) : seed;
                started = true;
                return prev = t;
            }
        }, java.util.Spliterator.ORDERED | java.util.Spliterator.IMMUTABLE), false);
    }

    static <T> Stream<T> iterate(T seed, Predicate<? super T> hasNext, UnaryOperator<T> next) {
        Objects.requireNonNull(next);
        Objects.requireNonNull(hasNext);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Pipes.Lookahead<T>() {
            private T prev;
            private boolean started;
            private boolean finished;

            protected boolean advance() {
                if (finished) {
                    return false;
                }
                T t;
                if (started) {
                    t = next.apply(prev);
                } else {
                    t = seed;
                    started = true;
                }
                if (!hasNext.test(t)) {
                    prev = null;
                    finished = true;
                    return false;
                }
                set(prev = t);
                return true;
            }
        }, java.util.Spliterator.ORDERED | java.util.Spliterator.IMMUTABLE), false);
    }

    static <T> Stream<T> generate(Supplier<? extends T> s) {
        Objects.requireNonNull(s);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Iterator<T>() {
            public boolean hasNext() {
                return true;
            }

            public T next() {
                return s.get();
            }
        }, java.util.Spliterator.IMMUTABLE), false);
    }

    static <T> Stream<T> concat(Stream<? extends T> a, Stream<? extends T> b) {
        return Pipes.concat(a, b);
    }

    interface Builder<T> extends Consumer<T> {
        void accept(T t);

        default Builder<T> add(T t) {
            accept(t);
            return this;
        }

        Stream<T> build();
    }
}
